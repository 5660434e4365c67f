/*
 * libetsi Java binding: verifying signed dossiers (etsi/signature.h).
 */
package org.libetsi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Verifies the XML-DSig signature of signed dossiers ({@code etsi verify});
 * signing is {@link Dossier#sign(byte[], byte[], String)}.  Only the
 * certificate given is trusted, never a key the document carries, and
 * signatures that refer to anything but the whole document are refused
 * without fetching anything.
 */
public final class Signatures {
    private Signatures() {
    }

    /**
     * Verifies a signed dossier's bytes, exactly as signed.
     *
     * @param data the dossier file's bytes
     * @param name the name used in messages, or null
     * @param cert the signer's certificate, PEM
     * @return one line describing the valid signature
     * @throws EtsiException.NotFound when the dossier is not signed
     * @throws EtsiException.Integrity when the signature does not verify
     *         (the dossier or the signature changed, or another key made it)
     * @throws EtsiException.Unsupported for a signature outside the accepted profile
     * @throws EtsiException.Parse for a refused or malformed document
     * @throws EtsiException.Invalid for a certificate that cannot be read
     */
    public static String verify(byte[] data, String name, byte[] cert) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(cert, "cert");
        return core._verify(data, name, cert);
    }

    /**
     * Verifies a signed dossier file against a certificate file (PEM).
     *
     * @param file the signed dossier
     * @param cert the signer's certificate
     * @return one line describing the valid signature
     * @throws EtsiException.IO when a file cannot be read
     * @throws EtsiException as {@link #verify(byte[], String, byte[])}
     */
    public static String verify(Path file, Path cert) {
        return verify(read(file, "file"), file.toString(), read(cert, "cert"));
    }

    /** A whole file, or an EtsiException.IO naming it. */
    static byte[] read(Path path, String what) {
        Objects.requireNonNull(path, what);
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new EtsiException.IO(path + ": " + e.getMessage(), path.toString(), 0, 0);
        }
    }
}
