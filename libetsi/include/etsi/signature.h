/**
 * @file etsi/signature.h
 * @brief Signed dossiers (XML-DSig) and the digest of a dossier's
 *        canonical form.
 * @defgroup etsi_signature Signatures and digests
 *
 * A test laboratory signs a dossier so that a GRC platform can verify that
 * nothing changed since.  The signature is an enveloped XML-DSig signature
 * (W3C XML Signature 1.1), made with libxmlsec1 and OpenSSL:
 *
 * - a @c ds:Signature element, the last child of @c dossier (the schema
 *   allows elements of other namespaces there);
 * - one reference, @c URI="", to the whole document, with the transforms
 *   enveloped-signature and exclusive XML canonicalization, digested with
 *   SHA-256;
 * - SignedInfo canonicalized with exclusive XML canonicalization and
 *   signed with RSA-SHA256 or ECDSA-SHA256, chosen from the key;
 * - the signer's certificate in @c KeyInfo/X509Data.
 *
 * Verification trusts only the certificate the caller gives: the key in
 * the document's KeyInfo is never used to decide validity.  It accepts
 * exactly this profile (SHA-384 and SHA-512 variants too) and refuses
 * anything else before any cryptography runs: references to anything but
 * the whole document (so no file or network resource is ever fetched),
 * other transforms (XSLT, XPath), manifests, several signatures.
 *
 * See docs/integrity.md for the details and for what the digest covers.
 * @{
 */
#ifndef ETSI_SIGNATURE_H
#define ETSI_SIGNATURE_H

#include "common.h"
#include "dossier.h"

ETSI_BEGIN_DECL

/** The namespace of XML-DSig elements. */
#define ETSI_NS_XMLDSIG "http://www.w3.org/2000/09/xmldsig#"

/** Options for etsi_dossier_sign(). */
typedef struct etsi_sign_options {
	unsigned int version;   /**< ETSI_SIGN_OPTIONS_VERSION */
	/** The private key, PEM (PKCS#8 or traditional), RSA (2048 bits or
	 *  more) or EC (P-256, P-384, P-521, brainpoolP256r1/384r1/512r1). */
	const char *key;
	size_t key_len;         /**< Its length in bytes. */
	/** The key's X.509 certificate, PEM. */
	const char *cert;
	size_t cert_len;        /**< Its length in bytes. */
	/** The passphrase of an encrypted key, or NULL.  libetsi never
	 *  prompts for one. */
	const char *password;
} etsi_sign_options;

/** The current version of ::etsi_sign_options. */
#define ETSI_SIGN_OPTIONS_VERSION 1
/** Static initializer for ::etsi_sign_options. */
#define ETSI_SIGN_OPTIONS_INIT { ETSI_SIGN_OPTIONS_VERSION, NULL, 0, NULL, 0, NULL }

/**
 * Initializes sign options to their defaults.
 *
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_sign_options_init(etsi_sign_options *opts, unsigned int version);

/**
 * Signs a dossier: adds an enveloped XML-DSig signature as the last child
 * of its root element, replacing a signature it already carries.  The
 * signature covers the dossier exactly as etsi_dossier_write() and
 * etsi_dossier_save() serialize it, so a saved signed dossier verifies, and
 * keeps verifying after it is loaded and saved again unchanged.  Any later
 * change to the dossier breaks it; sign again after changing.
 *
 * @param dossier the dossier; changed only on success
 * @param opts the key, its certificate and the key's passphrase
 * @return 0; ETSI_EINVALID without key or certificate, for a key or
 *         certificate that cannot be read, a wrong passphrase, or a
 *         certificate that is not the key's; ETSI_EUNSUPPORTED for a key
 *         type other than RSA or EC, an RSA key under 2048 bits or an EC
 *         key on another curve (the key policy, the same for verifying);
 *         ETSI_ERROR when the signature cannot be made; ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_dossier_sign(etsi_dossier *dossier, const etsi_sign_options *opts);

/**
 * @return 1 when the dossier carries an XML-DSig signature element (a
 *         ds:Signature child of its root), 0 otherwise; whether it is
 *         valid is etsi_signature_verify()'s question
 */
ETSI_EXTERN int etsi_dossier_signed(const etsi_dossier *dossier);

/** Options for etsi_signature_verify(). */
typedef struct etsi_verify_options {
	unsigned int version;   /**< ETSI_VERIFY_OPTIONS_VERSION */
	/** The certificate whose key must have made the signature, PEM. */
	const char *cert;
	size_t cert_len;        /**< Its length in bytes. */
	/** Largest accepted document in bytes; 0 for the default, 64 MiB. */
	size_t max_size;
	/** Deepest accepted element nesting; 0 for the default, 64. */
	unsigned int max_depth;
} etsi_verify_options;

/** The current version of ::etsi_verify_options. */
#define ETSI_VERIFY_OPTIONS_VERSION 1
/** Static initializer for ::etsi_verify_options. */
#define ETSI_VERIFY_OPTIONS_INIT { ETSI_VERIFY_OPTIONS_VERSION, NULL, 0, 0, 0 }

/**
 * Initializes verify options to their defaults.
 *
 * @return 0, or ETSI_EINVALID for an unknown version
 */
ETSI_EXTERN etsi_result etsi_verify_options_init(etsi_verify_options *opts, unsigned int version);

/**
 * Verifies the signature of a signed dossier, given as the bytes of its
 * file: XML-DSig digests the document as it is written, so the check needs
 * the file, not a loaded dossier.  The document is parsed as hostile input
 * (as etsi_dossier_load() does); it is not validated against the schema.
 *
 * @param[out] info on success, one line describing the signature (its
 *        algorithm and the certificate's subject); free it with
 *        etsi_free().  May be NULL.
 * @param data the document
 * @param len its length in bytes
 * @param name the name used in messages (a file name); NULL for "<memory>"
 * @param opts options; the certificate is required
 * @return 0 when the signature is valid; ETSI_ENOTFOUND when the dossier
 *         carries no signature; ETSI_EINTEGRITY when it does not verify
 *         (the document changed after signing, the signature value was
 *         altered, or another key made it; the message says which);
 *         ETSI_EUNSUPPORTED for a signature outside the accepted profile
 *         (see above), or a certificate whose key is outside the key
 *         policy of etsi_dossier_sign(); ETSI_EPARSE, ETSI_ELIMIT,
 *         ETSI_EVALIDATION for a document that is refused or is not a
 *         dossier; ETSI_EINVALID without a certificate or for one that
 *         cannot be read;
 *         ETSI_ENOMEM
 */
ETSI_EXTERN etsi_result etsi_signature_verify(char **info, const char *data, size_t len,
                                              const char *name, const etsi_verify_options *opts);

/**
 * The SHA-256 digest of the dossier's canonical form, as 64 lowercase
 * hexadecimal digits.  What is digested: the dossier as libetsi holds it
 * (whitespace-only text between elements is not part of it), without its
 * XML-DSig signature element, canonicalized with exclusive XML
 * canonicalization 1.0 without comments.  Formatting (indentation, attribute
 * order, quoting, character references, the XML declaration), comments and
 * a signature therefore do not change the digest; any change of an
 * element, an attribute or text does.  A signed dossier and the same
 * dossier unsigned have the same digest.
 *
 * @param[out] hex the digest, NUL-terminated; free it with etsi_free()
 * @param dossier the dossier
 * @return 0; ETSI_ENOMEM; ETSI_ERROR when canonicalization fails
 */
ETSI_EXTERN etsi_result etsi_dossier_digest(char **hex, const etsi_dossier *dossier);

ETSI_END_DECL

/** @} */
#endif
