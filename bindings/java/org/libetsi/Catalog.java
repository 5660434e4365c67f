/*
 * libetsi Java binding: the catalogs of an edition.
 */
package org.libetsi;

import java.nio.file.Path;
import java.util.List;

/**
 * The EN 303 645 catalog of an edition, paired with the TS 103 701 catalog
 * that tests it (docs/catalogs.md).  Kinds: "provision", "condition",
 * "feature", "source", "ixit-table" (children "ixit-field"), "test-group"
 * (children "test-case", whose children are "test-input"), "algorithm";
 * every record is read-only.
 *
 * <pre>{@code
 * try (Catalog catalog = Catalog.open("3.1.3")) {
 *     for (Record p : catalog.provisions())
 *         System.out.println(p.key() + " " + p.get("status-code"));
 * }
 * }</pre>
 *
 * <p>A catalog from {@link #open(String)} owns its C object (close it, or
 * leave it to the cleaner); the one from {@link Dossier#catalog()} belongs
 * to its dossier.  Catalogs are immutable and may be read from several
 * threads at once.
 */
public final class Catalog extends RecordOwner {
    private final NativeCatalog h;

    private Catalog(NativeCatalog h) {
        super("catalog", h, NativeCatalog.getCPtr(h), coreJNI::delete_NativeCatalog);
        this.h = h;
    }

    /** The catalog a dossier lends. */
    Catalog(NativeCatalog h, Dossier dossier) {
        super("catalog", dossier);
        this.h = h;
    }

    private NativeCatalog handle() {
        checkOpen();
        return h;
    }

    @Override
    Object proxy() {
        return h;
    }

    @Override
    long nativeCount(int kind) {
        return h.count(kind);
    }

    @Override
    NativeRecord nativeAt(int kind, long i) {
        return h.at(kind, i);
    }

    @Override
    NativeRecord nativeFind(int kind, String key) {
        return h.find(kind, key);
    }

    /**
     * Opens the catalogs of the latest built-in EN 303 645 edition.
     *
     * @return the catalog; close it when done
     */
    public static Catalog open() {
        return open(null, null, null);
    }

    /**
     * Opens the catalogs of an EN 303 645 edition.
     *
     * @param edition an edition, such as "3.1.3" or "2.1.1" ({@link Etsi#editions()});
     *        null for the latest
     * @return the catalog; close it when done
     * @throws EtsiException.Unsupported for an unknown edition
     */
    public static Catalog open(String edition) {
        return open(edition, null, null);
    }

    /**
     * Opens the catalogs of an EN 303 645 edition, paired with a TS 103 701
     * edition, from a data directory.
     *
     * @param edition an EN 303 645 edition, or null for the latest
     * @param tsEdition a TS 103 701 edition, or null for the one that tests it
     * @param dataDir a directory searched first for catalog files, or null
     * @return the catalog; close it when done
     * @throws EtsiException.Unsupported for an unknown edition or pairing
     * @throws EtsiException.Parse for a malformed catalog file in dataDir
     * @throws EtsiException.Validation for an invalid one
     */
    public static Catalog open(String edition, String tsEdition, Path dataDir) {
        String dir = dataDir == null ? null : Paths2.file(dataDir, "dataDir");
        NativeCatalog c = NativeCatalog.open(edition, dir, tsEdition);
        if (c == null)
            throw new EtsiException.Other(EtsiException.ERROR, "ERROR",
                                          "libetsi returned no catalog", null, 0, 0);
        return new Catalog(c);
    }

    /** @return the EN 303 645 edition, such as "3.1.3" */
    public String edition() {
        return handle().edition();
    }

    /** @return the TS 103 701 edition paired with it, such as "2.1.1" */
    public String tsEdition() {
        return handle().ts_edition();
    }

    /** @return the provisions of clause 5.3 (void ones included), in catalog order */
    public List<Record> provisions() {
        return records("provision");
    }

    /** @return the numbered conditions provisions depend on */
    public List<Record> conditions() {
        return records("condition");
    }

    /** @return the lettered features provisions depend on (V3) */
    public List<Record> features() {
        return records("feature");
    }

    /** @return where the catalog's facts come from */
    public List<Record> sources() {
        return records("source");
    }

    /** @return the test groups, one per provision, each with its "test-case" children */
    public List<Record> testGroups() {
        return records("test-group");
    }

    /** @return every test case of every test group, in document order */
    public List<Record> testCases() {
        return records("test-case");
    }

    /**
     * @return the cryptographic algorithms the catalog judges ("algorithm":
     *         id, use, names, status, min-bits, summary), which the claim
     *         rules compare a mechanism's "crypto" records with
     */
    public List<Record> algorithms() {
        return records("algorithm");
    }

    /** @return the IXIT tables, each with its "ixit-field" children */
    public List<Record> ixitTables() {
        return records("ixit-table");
    }

    /** @return both catalogs as one XML document, valid against xsd/catalog.xsd */
    public String toXml() {
        return handle().to_xml();
    }

    /**
     * Frees the catalog now.  A dossier's catalog only stops being usable
     * through this object: its memory belongs to the dossier.
     */
    @Override
    public void close() {
        super.close();
    }

    /** Such as {@code Catalog[EN 303 645 V3.1.3 / TS 103 701 V2.1.1]}; never throws. */
    @Override
    public String toString() {
        if (isClosed())
            return "Catalog[closed]";
        return "Catalog[EN 303 645 V" + h.edition() + " / TS 103 701 V" + h.ts_edition() + "]";
    }

    // ---- integrity: catalog differences (etsi/migrate.h) ------------------

    /**
     * What changed from this edition to a later one ({@code etsi catalog
     * --diff}): the rule is the kind of difference (split, renumbered, void,
     * added, applicability, wording, notation, unchanged, condition-added,
     * test-case-removed, ...), the reference the earlier identifier, the
     * element the later one, the hint the later catalog's description;
     * warnings make a person decide again when a dossier moves across.
     *
     * @param to the later edition's catalog
     * @return the differences, in catalog order
     */
    public List<Diagnostic> diff(Catalog to) {
        java.util.Objects.requireNonNull(to, "to");
        return java.util.Collections.unmodifiableList(
            java.util.Arrays.asList(handle()._diff(to.handle())));
    }
}
