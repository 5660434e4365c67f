/*
 * Signed dossiers (enveloped XML-DSig with libxmlsec1 and OpenSSL) and the
 * digest of a dossier's canonical form.
 *
 * Signing works on the dossier as libetsi serializes it.  A loaded dossier
 * holds no whitespace between elements; its serialization indents.  The
 * signature covers the indented document, so it is made over a copy of the
 * dossier serialized and parsed back with its whitespace, and the finished
 * ds:Signature element is then copied into the dossier without whitespace,
 * where serialization indents it again the same way.  Whitespace inside
 * the Signature element only matters in SignedInfo, and the serializer
 * lays that out identically each time, so load -> save keeps a signature
 * valid.  Every signature is verified once more, from the dossier's own
 * serialization, before etsi_dossier_sign() returns.
 *
 * Verification works on bytes: a signature made elsewhere (xmlsec1, a
 * laboratory's tool) digests the document as its file has it.
 */
#include "signature_impl.h"

#include <stdio.h>
#include <string.h>

#include <libxml/c14n.h>
#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <xmlsec/xmlsec.h>
#include <xmlsec/crypto.h>
#include <xmlsec/errors.h>
#include <xmlsec/keys.h>
#include <xmlsec/templates.h>
#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/openssl/evp.h>
#include <xmlsec/openssl/x509.h>

#include "alloc.h"
#include "dossier_impl.h"
#include "error.h"
#include "etsi/signature.h"
#include "runtime.h"
#include "xml.h"

#define ERR_DOSSIER ETSI_ERROR_CLASS_DOSSIER
#define NS_DSIG ETSI_NS_XMLDSIG

#define ALG_EXC_C14N "http://www.w3.org/2001/10/xml-exc-c14n#"
#define ALG_EXC_C14N_COMMENTS "http://www.w3.org/2001/10/xml-exc-c14n#WithComments"
#define ALG_ENVELOPED "http://www.w3.org/2000/09/xmldsig#enveloped-signature"

/* ---- one-time set-up ---------------------------------------------------- */

static int xmlsec_status;       /* 0 not tried, 1 ready, -1 failed */
static char xmlsec_failure[256];

/* What xmlsec and libxml2 report during one libetsi call on this thread. */
static _Thread_local struct {
	int active;
	char message[512];
} capture;

static void on_xmlsec_error(const char *file, int line, const char *func,
                            const char *object, const char *subject, int reason,
                            const char *msg)
{
	if (!capture.active) {
		/* not ours: behave as xmlsec with OpenSSL does without libetsi */
		xmlSecOpenSSLErrorsDefaultCallback(file, line, func, object, subject, reason, msg);
		return;
	}
	if (capture.message[0])
		return; /* the first report is the cause; the rest is its trail */
	{
		const char *what = NULL, *m;
		xmlSecSize pos;

		for (pos = 0; (m = xmlSecErrorsGetMsg(pos)) != NULL; pos++) {
			if (xmlSecErrorsGetCode(pos) == reason) {
				what = m;
				break;
			}
		}
		if (msg && strncmp(msg, "details=NULL", 12) == 0)
			msg = NULL;
		snprintf(capture.message, sizeof(capture.message), "%s%s%s%s%s",
		         what ? what : "xmlsec failure", msg && *msg ? " (" : "",
		         msg && *msg ? msg : "", msg && *msg ? ")" : "",
		         object && func ? "" : "");
	}
	(void)file;
	(void)line;
	(void)subject;
}

static void on_xml_error(void *ctx, xmlErrorPtr err)
{
	(void)ctx;
	if (!err || capture.message[0])
		return;
	snprintf(capture.message, sizeof(capture.message), "%s",
	         err->message ? err->message : "XML error");
}

static void init_xmlsec(void)
{
	if (xmlSecInit() < 0) {
		snprintf(xmlsec_failure, sizeof(xmlsec_failure), "libxmlsec1 cannot initialize");
		xmlsec_status = -1;
		return;
	}
	if (xmlSecCheckVersion() != 1) {
		snprintf(xmlsec_failure, sizeof(xmlsec_failure),
		         "the loaded libxmlsec1 is not compatible with the one libetsi was built "
		         "with (%s)", XMLSEC_VERSION);
		xmlsec_status = -1;
		return;
	}
	if (xmlSecCryptoAppInit(NULL) < 0 || xmlSecCryptoInit() < 0) {
		snprintf(xmlsec_failure, sizeof(xmlsec_failure),
		         "the OpenSSL backend of libxmlsec1 cannot initialize");
		xmlsec_status = -1;
		return;
	}
	/* after the backend's initialization, which installs its own */
	xmlSecErrorsSetCallback(on_xmlsec_error);
	xmlsec_status = 1;
}

static atomic_int xmlsec_ready;

void etsi__signature_ensure(void)
{
	etsi__runtime_once(&xmlsec_ready, init_xmlsec);
}

int etsi__signature_ready(void)
{
	return atomic_load(&xmlsec_ready) != 0;
}

/* Starts capturing xmlsec's and libxml2's reports on this thread; returns
 * 0, or an error when xmlsec is not usable. */
typedef struct capture_state {
	xmlStructuredErrorFunc saved;
	void *saved_ctx;
} capture_state;

static int capture_begin(capture_state *st)
{
	etsi__signature_ensure();
	if (xmlsec_status != 1)
		return etsi__error(ETSI_ERROR, ERR_DOSSIER, "%s; signatures are not available",
		                   xmlsec_failure[0] ? xmlsec_failure
		                                     : "libxmlsec1 is not initialized");
	capture.active = 1;
	capture.message[0] = '\0';
	st->saved = xmlStructuredError;
	st->saved_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(NULL, on_xml_error);
	return 0;
}

static void capture_end(capture_state *st)
{
	xmlSetStructuredErrorFunc(st->saved_ctx, st->saved);
	capture.active = 0;
}

static const char *captured(const char *fallback)
{
	return capture.message[0] ? capture.message : fallback;
}

/* ---- helpers ------------------------------------------------------------ */

static int is_dsig(const xmlNode *node, const char *name)
{
	return etsi__xml_is(node, NS_DSIG, name);
}

static xmlNode *first_element(xmlNode *node)
{
	for (; node; node = node->next) {
		if (node->type == XML_ELEMENT_NODE)
			return node;
	}
	return NULL;
}

static xmlNode *next_element(xmlNode *node)
{
	return node ? first_element(node->next) : NULL;
}

/* The ds:Signature children of the root; returns how many, *first the
 * first one. */
static size_t root_signatures(xmlNode *root, xmlNode **first)
{
	size_t n = 0;
	xmlNode *c;

	if (first)
		*first = NULL;
	for (c = root ? root->children : NULL; c; c = c->next) {
		if (is_dsig(c, "Signature")) {
			if (first && !*first)
				*first = c;
			n++;
		}
	}
	return n;
}

/* Any ds:Signature anywhere under node. */
static int contains_signature(const xmlNode *node)
{
	for (; node; node = node->next) {
		if (is_dsig(node, "Signature") || contains_signature(node->children))
			return 1;
	}
	return 0;
}

static void clear_private(xmlNode *node)
{
	for (; node; node = node->next) {
		node->_private = NULL;
		if (node->type == XML_ELEMENT_NODE)
			clear_private(node->children);
	}
}

/* Removes whitespace-only text nodes, as a dossier holds none. */
static void strip_blanks(xmlNode *node)
{
	xmlNode *next;

	for (; node; node = next) {
		next = node->next;
		if (node->type == XML_TEXT_NODE && xmlIsBlankNode(node) && node->parent &&
		    first_element(node->parent->children)) {
			xmlUnlinkNode(node);
			xmlFreeNode(node);
		} else if (node->type == XML_ELEMENT_NODE) {
			strip_blanks(node->children);
		}
	}
}

static int password_cb(char *buf, int size, int rwflag, void *u)
{
	const char *password = u; /* the caller's, never written */
	size_t n;

	(void)rwflag;
	if (!password || size <= 0)
		return -1; /* never prompt on a terminal */
	n = strlen(password);
	if (n > (size_t)size)
		return -1;
	memcpy(buf, password, n);
	return (int)n;
}

static int read_cert(X509 **out, const char *pem, size_t len, const char *what)
{
	BIO *bio;

	etsi__signature_ensure(); /* OpenSSL with its configuration */
	*out = NULL;
	if (!pem || !len)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "no %s certificate given; pass the PEM file of the certificate",
		                   what);
	if (len > (size_t)0x7fffffff)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the %s certificate is too large", what);
	bio = BIO_new_mem_buf(pem, (int)len);
	if (!bio)
		return etsi__error_oom();
	*out = PEM_read_bio_X509(bio, NULL, password_cb, NULL);
	BIO_free(bio);
	if (!*out)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the %s certificate is not a PEM X.509 certificate (-----BEGIN "
		                   "CERTIFICATE-----)", what);
	return 0;
}

static int read_key(EVP_PKEY **out, const char *pem, size_t len, const char *password)
{
	BIO *bio;

	etsi__signature_ensure(); /* OpenSSL with its configuration */
	*out = NULL;
	if (!pem || !len)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "no private key given; pass the PEM file of the signing key");
	if (len > (size_t)0x7fffffff)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the private key is too large");
	bio = BIO_new_mem_buf(pem, (int)len);
	if (!bio)
		return etsi__error_oom();
	{
		void *arg;

		memcpy(&arg, &password, sizeof(arg)); /* OpenSSL's callback argument is not const */
		*out = PEM_read_bio_PrivateKey(bio, NULL, password_cb, arg);
	}
	BIO_free(bio);
	if (!*out)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the private key cannot be read: it is not a PEM private key%s",
		                   password ? ", or the passphrase is wrong"
		                            : ", or it is encrypted and no passphrase was given");
	return 0;
}

/* The key policy, the same for signing and verifying: RSA of 2048 bits or
 * more, or EC on a named curve of 256 bits or more (the NIST and
 * Brainpool prime curves); anything weaker or other is refused with
 * ETSI_EUNSUPPORTED.  @p whose names the key in messages ("the key", "the
 * certificate's key"). */
static int key_policy(EVP_PKEY *key, const char *whose)
{
	static const char *const curves[] = {
		"prime256v1", "P-256", "secp384r1", "P-384", "secp521r1", "P-521",
		"brainpoolP256r1", "brainpoolP384r1", "brainpoolP512r1",
	};
	int type = EVP_PKEY_get_base_id(key);
	char curve[80];
	size_t i;

	if (type == EVP_PKEY_RSA) {
		if (EVP_PKEY_get_bits(key) < 2048)
			return etsi__error(ETSI_EUNSUPPORTED, ETSI_ERROR_CLASS_ARGUMENT,
			                   "%s is an RSA key of %d bits; libetsi signs and verifies "
			                   "with RSA keys of 2048 bits or more", whose,
			                   EVP_PKEY_get_bits(key));
		return 0;
	}
	if (type == EVP_PKEY_EC) {
		if (!EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, curve,
		                                    sizeof(curve), NULL))
			return etsi__error(ETSI_EUNSUPPORTED, ETSI_ERROR_CLASS_ARGUMENT,
			                   "%s is an EC key with explicit curve parameters; libetsi "
			                   "signs and verifies with the named curves P-256, P-384, "
			                   "P-521 and brainpoolP256r1/384r1/512r1", whose);
		for (i = 0; i < ETSI__ARRAY_SIZE(curves); i++) {
			if (strcmp(curve, curves[i]) == 0)
				return 0;
		}
		return etsi__error(ETSI_EUNSUPPORTED, ETSI_ERROR_CLASS_ARGUMENT,
		                   "%s is an EC key on curve %s (%d bits), which is refused; "
		                   "libetsi signs and verifies with P-256, P-384, P-521 and "
		                   "brainpoolP256r1/384r1/512r1", whose, curve,
		                   EVP_PKEY_get_bits(key));
	}
	return etsi__error(ETSI_EUNSUPPORTED, ETSI_ERROR_CLASS_ARGUMENT,
	                   "%s is neither RSA nor EC; libetsi signs and verifies with "
	                   "RSA-SHA256 or ECDSA-SHA256", whose);
}

/* The signature method for a key, or NULL (with an error) when the key
 * is refused (key_policy()).  *label names it for messages. */
static xmlSecTransformId sign_method(EVP_PKEY *key, const char **label)
{
	if (key_policy(key, "the key") < 0)
		return NULL;
	if (EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA) {
		*label = "RSA-SHA256";
		return xmlSecTransformRsaSha256Id;
	}
	*label = "ECDSA-SHA256";
	return xmlSecTransformEcdsaSha256Id;
}

static const char *method_label(const char *uri)
{
	static const struct {
		const char *uri, *label;
	} labels[] = {
		{ "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "RSA-SHA256" },
		{ "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "RSA-SHA384" },
		{ "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "RSA-SHA512" },
		{ "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "ECDSA-SHA256" },
		{ "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", "ECDSA-SHA384" },
		{ "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", "ECDSA-SHA512" },
	};
	size_t i;

	for (i = 0; uri && i < ETSI__ARRAY_SIZE(labels); i++) {
		if (strcmp(labels[i].uri, uri) == 0)
			return labels[i].label;
	}
	return NULL;
}

static int digest_method_ok(const char *uri)
{
	return etsi__streq(uri, "http://www.w3.org/2001/04/xmlenc#sha256") ||
	       etsi__streq(uri, "http://www.w3.org/2001/04/xmldsig-more#sha384") ||
	       etsi__streq(uri, "http://www.w3.org/2001/04/xmlenc#sha512");
}

static int exc_c14n(const char *uri)
{
	return etsi__streq(uri, ALG_EXC_C14N) || etsi__streq(uri, ALG_EXC_C14N_COMMENTS);
}

/* Restricts what a signature context accepts to the profile. */
static int restrict_context(xmlSecDSigCtxPtr ctx)
{
	ctx->enabledReferenceUris = xmlSecTransformUriTypeEmpty;
	ctx->flags |= XMLSEC_DSIG_FLAGS_IGNORE_MANIFESTS;
	if (xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformEnvelopedId) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformExclC14NId) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformExclC14NWithCommentsId) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformSha256Id) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformSha384Id) < 0 ||
	    xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformSha512Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformExclC14NId) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformExclC14NWithCommentsId) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformRsaSha256Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformRsaSha384Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformRsaSha512Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformEcdsaSha256Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformEcdsaSha384Id) < 0 ||
	    xmlSecDSigCtxEnableSignatureTransform(ctx, xmlSecTransformEcdsaSha512Id) < 0)
		return -1;
	return 0;
}

/* An xmlsec key from an OpenSSL key; takes pkey over (also on failure).
 * With a certificate, the key carries it for KeyInfo/X509Data. */
static xmlSecKeyPtr make_key(EVP_PKEY *pkey, X509 *cert)
{
	xmlSecKeyDataPtr value = xmlSecOpenSSLEvpKeyAdopt(pkey);
	xmlSecKeyPtr key;
	xmlSecKeyDataPtr x509;

	if (!value) {
		EVP_PKEY_free(pkey);
		return NULL;
	}
	key = xmlSecKeyCreate();
	if (!key || xmlSecKeySetValue(key, value) < 0) {
		xmlSecKeyDataDestroy(value);
		if (key)
			xmlSecKeyDestroy(key);
		return NULL;
	}
	if (cert) {
		X509 *a = X509_dup(cert), *b = X509_dup(cert);

		x509 = xmlSecKeyEnsureData(key, xmlSecOpenSSLKeyDataX509Id);
		if (!x509 || !a || !b || xmlSecOpenSSLKeyDataX509AdoptKeyCert(x509, a) < 0) {
			X509_free(a);
			X509_free(b);
			xmlSecKeyDestroy(key);
			return NULL;
		}
		if (xmlSecOpenSSLKeyDataX509AdoptCert(x509, b) < 0) {
			X509_free(b);
			xmlSecKeyDestroy(key);
			return NULL;
		}
	}
	return key;
}

static char *subject_of(X509 *cert)
{
	char *line = X509_NAME_oneline(X509_get_subject_name(cert), NULL, 0);
	char *copy = etsi__strdup(line ? line : "?");

	OPENSSL_free(line);
	return copy;
}

/* ---- the profile ------------------------------------------------------ */

/* Checks a ds:Signature against the accepted profile; *label gets the
 * signature method's name.  Returns 0 or ETSI_EUNSUPPORTED. */
static int check_profile(xmlNode *sig, const char *name, const char **label)
{
	xmlNode *si = first_element(sig->children), *c14n, *method, *ref, *next;
	xmlNode *transforms, *t1, *t2, *digest;
	const char *uri;
	int line = etsi__xml_line(sig);

#define REFUSE(...) \
	return etsi__error_at(ETSI_EUNSUPPORTED, ERR_DOSSIER, name, line, 0, __VA_ARGS__)

	if (!is_dsig(si, "SignedInfo"))
		REFUSE("the signature has no SignedInfo first; it is not an XML-DSig signature");
	c14n = first_element(si->children);
	method = next_element(c14n);
	ref = next_element(method);
	if (!is_dsig(c14n, "CanonicalizationMethod") || !is_dsig(method, "SignatureMethod"))
		REFUSE("the signature's SignedInfo lacks its CanonicalizationMethod or "
		       "SignatureMethod");
	uri = etsi__xml_attr(c14n, "Algorithm");
	if (!exc_c14n(uri))
		REFUSE("the signature canonicalizes SignedInfo with %s; libetsi accepts exclusive "
		       "XML canonicalization only", uri ? uri : "no algorithm");
	uri = etsi__xml_attr(method, "Algorithm");
	*label = method_label(uri);
	if (!*label)
		REFUSE("the signature method %s is not accepted; libetsi accepts RSA or ECDSA "
		       "with SHA-256, SHA-384 or SHA-512", uri ? uri : "(none)");
	if (!is_dsig(ref, "Reference"))
		REFUSE("the signature has no Reference");
	if (next_element(ref))
		REFUSE("the signature has more than one Reference; libetsi accepts exactly one, "
		       "to the whole dossier (URI=\"\")");
	uri = etsi__xml_attr(ref, "URI");
	if (!uri || *uri)
		REFUSE("the signature refers to %s%s%s; libetsi accepts only URI=\"\" (the whole "
		       "dossier) and never fetches other resources", uri ? "\"" : "",
		       uri ? uri : "an implicit resource (no URI)", uri ? "\"" : "");
	transforms = first_element(ref->children);
	if (!is_dsig(transforms, "Transforms"))
		REFUSE("the signature's Reference has no Transforms; libetsi accepts the "
		       "enveloped-signature transform followed by exclusive canonicalization");
	t1 = first_element(transforms->children);
	t2 = next_element(t1);
	if (!is_dsig(t1, "Transform") || !is_dsig(t2, "Transform") || next_element(t2) ||
	    !etsi__streq(etsi__xml_attr(t1, "Algorithm"), ALG_ENVELOPED) ||
	    !exc_c14n(etsi__xml_attr(t2, "Algorithm")))
		REFUSE("the signature's transforms are not enveloped-signature followed by "
		       "exclusive canonicalization, the only ones libetsi accepts");
	digest = next_element(transforms);
	if (!is_dsig(digest, "DigestMethod") || !digest_method_ok(etsi__xml_attr(digest, "Algorithm")))
		REFUSE("the signature's digest method is not SHA-256, SHA-384 or SHA-512");
	for (next = next_element(si); next; next = next_element(next)) {
		if (is_dsig(next, "Object"))
			REFUSE("the signature carries ds:Object elements (manifests, properties), "
			       "which libetsi does not accept");
	}
#undef REFUSE
	return 0;
}

/* The certificate in KeyInfo/X509Data/X509Certificate, or NULL; *present
 * tells whether there is one at all (NULL then: it cannot be read). */
static X509 *embedded_cert(xmlNode *sig, int *present)
{
	xmlNode *ki, *x509data, *c;

	*present = 0;
	for (ki = first_element(sig->children); ki && !is_dsig(ki, "KeyInfo");
	     ki = next_element(ki))
		;
	for (x509data = ki ? first_element(ki->children) : NULL; x509data;
	     x509data = next_element(x509data)) {
		if (!is_dsig(x509data, "X509Data"))
			continue;
		for (c = first_element(x509data->children); c; c = next_element(c)) {
			xmlChar *text;
			unsigned char *der;
			const unsigned char *p;
			size_t n = 0, i;
			int len;
			X509 *cert = NULL;

			if (!is_dsig(c, "X509Certificate"))
				continue;
			*present = 1;
			text = xmlNodeGetContent(c);
			if (!text)
				return NULL;
			/* base64 without the line breaks */
			for (i = 0; text[i]; i++) {
				if (text[i] != ' ' && text[i] != '\n' && text[i] != '\r' && text[i] != '\t')
					text[n++] = text[i];
			}
			text[n] = '\0';
			der = etsi__malloc(n / 4 * 3 + 4);
			if (der && n % 4 == 0 &&
			    (len = EVP_DecodeBlock(der, text, (int)n)) > 0) {
				p = der;
				cert = d2i_X509(NULL, &p, len);
			}
			etsi__free(der);
			xmlFree(text);
			return cert;
		}
	}
	return NULL;
}

/* ---- verification ------------------------------------------------------- */

enum carried_kind { CARRIED_NONE, CARRIED_SAME, CARRIED_SAME_KEY, CARRIED_OTHER_KEY,
                    CARRIED_UNREADABLE };

/* Why a signature value does not verify, by what KeyInfo carries: the
 * text before and after the carried certificate's subject. */
static const char *const failed_because[] = {
	": the signature was altered or made with another key",
	": the signature was altered or made with another key",
	", which is also the key of the certificate its KeyInfo carries (",
	", and the signature's KeyInfo carries the certificate of another key (",
	": the signature was altered or made with another key (its KeyInfo holds a certificate "
	"that cannot be read)",
};
static const char *const failed_then[] = {
	"", "", "): the signature value was altered",
	"): it was probably made with that key; verify with the certificate of whoever signed it",
	"",
};

/* What the certificate in the signature's KeyInfo is to the caller's
 * certificate, which alone verifies; *subject gets its subject (freed by
 * the caller) for the kinds that name it. */
static enum carried_kind relate_carried(char **subject, X509 *carried, int present, X509 *cert)
{
	*subject = NULL;
	if (!present)
		return CARRIED_NONE;
	if (!carried)
		return CARRIED_UNREADABLE;
	if (X509_cmp(carried, cert) == 0)
		return CARRIED_SAME;
	*subject = subject_of(carried);
	return EVP_PKEY_eq(X509_get0_pubkey(carried), X509_get0_pubkey(cert)) == 1
	       ? CARRIED_SAME_KEY : CARRIED_OTHER_KEY;
}

int etsi_verify_options_init(etsi_verify_options *opts, unsigned int version)
{
	ETSI__OPTIONS_INIT(opts, version, ETSI_VERIFY_OPTIONS_VERSION, "etsi_verify_options");
}

/* Parses signed bytes keeping their whitespace, after the hardened parser
 * has vetted them (no DOCTYPE, entities or processing instructions, within
 * the size and depth limits). */
static int parse_keeping_blanks(xmlDoc **out, const char *data, size_t len, const char *name,
                                size_t max_size, unsigned int max_depth)
{
	xmlParserCtxtPtr ctxt;
	xmlDoc *vetted = NULL;
	int error;

	*out = NULL;
	if ((error = etsi__xml_parse(&vetted, data, len, name, max_size, max_depth)) < 0)
		return error;
	xmlFreeDoc(vetted);
	ctxt = xmlNewParserCtxt();
	if (!ctxt)
		return etsi__error_oom();
	*out = xmlCtxtReadMemory(ctxt, data, (int)len, name, NULL,
	                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                         XML_PARSE_BIG_LINES | (max_depth > 256 ? XML_PARSE_HUGE : 0));
	xmlFreeParserCtxt(ctxt);
	if (!*out)
		return etsi__error_oom(); /* the vetting parse succeeded on the same bytes */
	return 0;
}

/* Verifies the signature of a parsed document. */
static int verify_doc(char **info, xmlDoc *doc, const char *name, X509 *cert)
{
	xmlNode *root = xmlDocGetRootElement(doc), *sig = NULL;
	xmlSecDSigCtxPtr ctx = NULL;
	xmlSecKeyPtr key;
	X509 *carried = NULL;
	const char *label = NULL;
	char *carried_subject = NULL;
	enum carried_kind relation;
	EVP_PKEY *pub;
	size_t n;
	int error = 0, type, present;

	if (!etsi__xml_is(root, ETSI__NS_DOSSIER, "dossier"))
		return etsi__error_at(ETSI_EVALIDATION, ERR_DOSSIER, name, etsi__xml_line(root), 0,
		                      "the root element is not a libetsi <dossier>; only dossiers "
		                      "are verified");
	n = root_signatures(root, &sig);
	if (n == 0) {
		if (contains_signature(root->children))
			return etsi__error_at(ETSI_EUNSUPPORTED, ERR_DOSSIER, name, 0, 0,
			                      "the dossier's signature is not a child of <dossier>; "
			                      "libetsi accepts one enveloped signature at its end");
		return etsi__error_at(ETSI_ENOTFOUND, ERR_DOSSIER, name, 0, 0,
		                      "the dossier is not signed (no ds:Signature element at the "
		                      "end of <dossier>); sign it with `etsi sign`");
	}
	if (n > 1)
		return etsi__error_at(ETSI_EUNSUPPORTED, ERR_DOSSIER, name, etsi__xml_line(sig), 0,
		                      "the dossier carries %zu signatures; libetsi accepts one", n);
	if (contains_signature(sig->children))
		return etsi__error_at(ETSI_EUNSUPPORTED, ERR_DOSSIER, name, etsi__xml_line(sig), 0,
		                      "the signature contains another signature");
	if ((error = check_profile(sig, name, &label)) < 0)
		return error;

	pub = X509_get_pubkey(cert);
	if (!pub)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "the certificate's public key cannot be read");
	/* the signing policy holds for verifying: a weak key proves nothing */
	if ((error = key_policy(pub, "the certificate's key")) < 0) {
		EVP_PKEY_free(pub);
		return error;
	}
	type = EVP_PKEY_get_base_id(pub);
	if ((strncmp(label, "RSA", 3) == 0) != (type == EVP_PKEY_RSA) ||
	    (strncmp(label, "ECDSA", 5) == 0) != (type == EVP_PKEY_EC)) {
		EVP_PKEY_free(pub);
		return etsi__error_at(ETSI_EINTEGRITY, ERR_DOSSIER, name, etsi__xml_line(sig), 0,
		                      "the signature was not made with the given certificate's key: "
		                      "it is %s, and the certificate holds %s key; verify with the "
		                      "certificate of whoever signed it", label,
		                      type == EVP_PKEY_RSA ? "an RSA"
		                      : type == EVP_PKEY_EC ? "an EC" : "another kind of");
	}
	key = make_key(pub, NULL);
	if (!key)
		return etsi__error(ETSI_ERROR, ERR_DOSSIER, "the certificate's key cannot be used: %s",
		                   captured("xmlsec refused it"));
	ctx = xmlSecDSigCtxCreate(NULL);
	if (!ctx || restrict_context(ctx) < 0) {
		xmlSecKeyDestroy(key);
		error = etsi__error_oom();
		goto done;
	}
	ctx->signKey = key; /* KeyInfo is ignored: only the caller's certificate counts */
	carried = embedded_cert(sig, &present);
	relation = relate_carried(&carried_subject, carried, present, cert);
	if (xmlSecDSigCtxVerify(ctx, sig) < 0) {
		error = etsi__error_at(ETSI_EINTEGRITY, ERR_DOSSIER, name, etsi__xml_line(sig), 0,
		                       "the signature cannot be checked: %s",
		                       captured("it is malformed"));
		goto done;
	}
	if (ctx->status != xmlSecDSigStatusSucceeded) {
		xmlSecSize i, refs = xmlSecPtrListGetSize(&ctx->signedInfoReferences);
		int changed = 0;

		for (i = 0; i < refs; i++) {
			xmlSecDSigReferenceCtxPtr r = xmlSecPtrListGetItem(&ctx->signedInfoReferences, i);

			if (r && r->status != xmlSecDSigStatusSucceeded)
				changed = 1;
		}
		if (changed)
			error = etsi__error_at(ETSI_EINTEGRITY, ERR_DOSSIER, name, etsi__xml_line(sig), 0,
			                       "the dossier changed after it was signed: its digest no "
			                       "longer matches the one the signature holds");
		else
			error = etsi__error_at(ETSI_EINTEGRITY, ERR_DOSSIER, name, etsi__xml_line(sig), 0,
			                       "the signature value does not verify with the given "
			                       "certificate's key%s%s%s", failed_because[relation],
			                       relation == CARRIED_OTHER_KEY || relation == CARRIED_SAME_KEY
			                           ? carried_subject ? carried_subject : "?" : "",
			                       failed_then[relation]);
		goto done;
	}
	if (info) {
		char *subject = subject_of(cert);
		etsi__buf text = ETSI__BUF_INIT;

		etsi__buf_printf(&text, "%s signature over the whole dossier, verified with the key "
		                 "of %s", label, subject ? subject : "?");
		if (relation == CARRIED_SAME_KEY)
			etsi__buf_printf(&text, " (its KeyInfo carries another certificate for that "
			                 "key: %s)", carried_subject ? carried_subject : "?");
		else if (relation == CARRIED_OTHER_KEY)
			etsi__buf_printf(&text, " (its KeyInfo carries the certificate of another "
			                 "key, not used: %s)", carried_subject ? carried_subject : "?");
		else if (relation == CARRIED_UNREADABLE)
			etsi__buf_puts(&text, " (its KeyInfo holds a certificate that cannot be read, "
			               "not used)");
		etsi__free(subject);
		*info = etsi__buf_detach(&text);
		if (!*info)
			error = etsi__error_oom();
	}
done:
	X509_free(carried);
	etsi__free(carried_subject);
	if (ctx)
		xmlSecDSigCtxDestroy(ctx); /* destroys signKey too */
	return error;
}

int etsi_signature_verify(char **info, const char *data, size_t len, const char *name,
                          const etsi_verify_options *opts)
{
	size_t max_size = opts && opts->max_size ? opts->max_size : ETSI__DEFAULT_MAX_SIZE;
	unsigned int max_depth = opts && opts->max_depth ? opts->max_depth
	                                                 : ETSI__DEFAULT_MAX_DEPTH;
	capture_state st;
	X509 *cert = NULL;
	xmlDoc *doc = NULL;
	int error;

	if (info)
		*info = NULL;
	ETSI__ASSERT_ARG(data || len == 0);
	ETSI__ASSERT_ARG(opts);
	if (opts->version != ETSI_VERIFY_OPTIONS_VERSION)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_verify_options version %u is unknown", opts->version);
	if (!name)
		name = "<memory>";
	if ((error = read_cert(&cert, opts->cert, opts->cert_len, "verifying")) < 0)
		return error;
	if ((error = capture_begin(&st)) < 0) {
		X509_free(cert);
		return error;
	}
	error = parse_keeping_blanks(&doc, data ? data : "", len, name, max_size, max_depth);
	if (error == 0)
		error = verify_doc(info, doc, name, cert);
	capture_end(&st);
	xmlFreeDoc(doc);
	X509_free(cert);
	return error;
}

/* ---- signing ------------------------------------------------------------ */

int etsi_sign_options_init(etsi_sign_options *opts, unsigned int version)
{
	ETSI__OPTIONS_INIT(opts, version, ETSI_SIGN_OPTIONS_VERSION, "etsi_sign_options");
}

int etsi_dossier_signed(const etsi_dossier *dossier)
{
	if (!dossier || !dossier->store.docs[0])
		return 0;
	return root_signatures(xmlDocGetRootElement(dossier->store.docs[0]), NULL) > 0;
}

/* Removes the ds:Signature children of a root element. */
static void remove_signatures(etsi__store *store, xmlNode *root)
{
	xmlNode *sig;

	while (root_signatures(root, &sig) > 0) {
		if (store)
			etsi__store_detach(store, sig);
		etsi__xml_remove(sig); /* with its own line, in a laid out dossier */
		xmlFreeNode(sig);
	}
}

/* Makes the signed Signature element for the dossier: over a copy of it,
 * serialized as libetsi writes it and parsed back with its whitespace.
 * *out is a Signature element of `target`, without whitespace. */
static int make_signature(xmlNode **out, const etsi_dossier *d, xmlSecKeyPtr key,
                          xmlSecTransformId method, xmlDoc *target)
{
	xmlDoc *copy = NULL, *spaced = NULL;
	xmlNode *tmpl, *ref, *keyinfo, *sig;
	xmlSecDSigCtxPtr ctx = NULL;
	char *text = NULL;
	size_t len;
	int error = 0;

	*out = NULL;
	copy = xmlCopyDoc(d->store.docs[0], 1);
	if (!copy) {
		error = etsi__error_oom();
		goto done;
	}
	clear_private(copy->children);
	remove_signatures(NULL, xmlDocGetRootElement(copy));
	tmpl = xmlSecTmplSignatureCreateNsPref(copy, xmlSecTransformExclC14NId, method, NULL,
	                                       BAD_CAST "ds");
	ref = tmpl ? xmlSecTmplSignatureAddReference(tmpl, xmlSecTransformSha256Id, NULL,
	                                             BAD_CAST "", NULL) : NULL;
	keyinfo = ref ? xmlSecTmplSignatureEnsureKeyInfo(tmpl, NULL) : NULL;
	if (!keyinfo || !xmlSecTmplReferenceAddTransform(ref, xmlSecTransformEnvelopedId) ||
	    !xmlSecTmplReferenceAddTransform(ref, xmlSecTransformExclC14NId) ||
	    !xmlSecTmplKeyInfoAddX509Data(keyinfo)) {
		if (tmpl)
			xmlFreeNode(tmpl);
		error = etsi__error(ETSI_ERROR, ERR_DOSSIER, "the signature template cannot be made: %s",
		                    captured("xmlsec failed"));
		goto done;
	}
	/* xmlsec puts line breaks between the template's elements; without
	 * them the serializer indents the template as it indents the dossier */
	strip_blanks(tmpl->children);
	/* laid out as etsi_dossier_sign() lays out the signature itself */
	etsi__xml_insert(xmlDocGetRootElement(copy), tmpl, NULL);
	if ((error = etsi__xml_write(&text, &len, copy)) < 0)
		goto done;
	spaced = xmlReadMemory(text, (int)len, "signing", NULL,
	                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                       XML_PARSE_HUGE);
	if (!spaced) {
		error = etsi__error_oom();
		goto done;
	}
	root_signatures(xmlDocGetRootElement(spaced), &sig);
	ctx = xmlSecDSigCtxCreate(NULL);
	if (!sig || !ctx || restrict_context(ctx) < 0) {
		error = etsi__error_oom();
		goto done;
	}
	ctx->signKey = key;
	if (xmlSecDSigCtxSign(ctx, sig) < 0) {
		ctx->signKey = NULL; /* the caller's */
		error = etsi__error(ETSI_ERROR, ERR_DOSSIER, "the dossier cannot be signed: %s",
		                    captured("xmlsec failed"));
		goto done;
	}
	ctx->signKey = NULL;
	*out = xmlDocCopyNode(sig, target, 1);
	if (!*out) {
		error = etsi__error_oom();
		goto done;
	}
	strip_blanks((*out)->children);
done:
	if (ctx)
		xmlSecDSigCtxDestroy(ctx);
	etsi__free(text);
	xmlFreeDoc(spaced);
	xmlFreeDoc(copy);
	return error;
}

int etsi_dossier_sign(etsi_dossier *dossier, const etsi_sign_options *opts)
{
	capture_state st;
	EVP_PKEY *pkey = NULL;
	X509 *cert = NULL;
	xmlSecKeyPtr key = NULL;
	xmlSecTransformId method;
	xmlNode *root, *sig = NULL, *old = NULL;
	const char *label = NULL;
	char *written = NULL;
	size_t len;
	int error;

	ETSI__ASSERT_ARG(dossier);
	ETSI__ASSERT_ARG(opts);
	if (opts->version != ETSI_SIGN_OPTIONS_VERSION)
		return etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                   "etsi_sign_options version %u is unknown", opts->version);
	if ((error = read_key(&pkey, opts->key, opts->key_len, opts->password)) < 0)
		return error;
	if ((error = read_cert(&cert, opts->cert, opts->cert_len, "signing")) < 0)
		goto done;
	if (X509_check_private_key(cert, pkey) != 1) {
		error = etsi__error(ETSI_EINVALID, ETSI_ERROR_CLASS_ARGUMENT,
		                    "the certificate is not the private key's (their public keys "
		                    "differ); give the certificate issued for this key");
		goto done;
	}
	if (!(method = sign_method(pkey, &label))) {
		error = etsi_error_last()->code;
		goto done;
	}
	if ((error = capture_begin(&st)) < 0)
		goto done;
	key = make_key(pkey, cert);
	pkey = NULL; /* taken over */
	if (!key) {
		error = etsi__error(ETSI_ERROR, ERR_DOSSIER, "the key cannot be used for signing: %s",
		                    captured("xmlsec refused it"));
		goto end_capture;
	}
	root = xmlDocGetRootElement(dossier->store.docs[0]);
	if ((error = make_signature(&sig, dossier, key, method, dossier->store.docs[0])) < 0)
		goto end_capture;
	/* the new signature replaces the old one; the old one is kept until
	 * the new one is known to verify */
	root_signatures(root, &old);
	if (old) {
		etsi__store_detach(&dossier->store, old);
		etsi__xml_remove(old);
	}
	remove_signatures(&dossier->store, root);
	etsi__xml_insert(root, sig, NULL);
	dossier->store.dirty = 1;
	error = etsi__xml_write(&written, &len, dossier->store.docs[0]);
	if (error == 0) {
		xmlDoc *doc = NULL;

		error = parse_keeping_blanks(&doc, written, len, "signed dossier",
		                             ETSI__DEFAULT_MAX_SIZE > len ? ETSI__DEFAULT_MAX_SIZE
		                                                          : len + 1,
		                             100000);
		if (error == 0)
			error = verify_doc(NULL, doc, "signed dossier", cert);
		xmlFreeDoc(doc);
		if (error < 0 && error != ETSI_ENOMEM) {
			char why[512];

			snprintf(why, sizeof(why), "%s", etsi_error_last()->message);
			error = etsi__error(ETSI_ERROR, ERR_DOSSIER,
			                    "the new signature does not verify from the dossier's own "
			                    "serialization (%s); the dossier is left as it was", why);
		}
	}
	if (error < 0) {
		etsi__store_detach(&dossier->store, sig);
		etsi__xml_remove(sig);
		xmlFreeNode(sig);
		if (old)
			etsi__xml_insert(root, old, NULL);
	} else if (old) {
		xmlFreeNode(old);
	}
	etsi__free(written);
end_capture:
	capture_end(&st);
done:
	if (key)
		xmlSecKeyDestroy(key);
	EVP_PKEY_free(pkey);
	X509_free(cert);
	(void)label;
	return error;
}

/* ---- digest ------------------------------------------------------------- */

static int digest_write(void *context, const char *buffer, int len)
{
	if (len > 0 && EVP_DigestUpdate(context, buffer, (size_t)len) != 1)
		return -1;
	return len;
}

int etsi_dossier_digest(char **hex, const etsi_dossier *dossier)
{
	static const char digits[] = "0123456789abcdef";
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	xmlOutputBufferPtr buf;
	EVP_MD_CTX *mdctx;
	xmlDoc *doc, *copy = NULL;
	xmlStructuredErrorFunc saved;
	void *saved_ctx;
	int rc, error = 0;

	ETSI__ASSERT_ARG(hex);
	*hex = NULL;
	ETSI__ASSERT_ARG(dossier && dossier->store.docs[0]);
	etsi__runtime_ensure();
	doc = dossier->store.docs[0];
	if (etsi_dossier_signed(dossier) || etsi__xml_has_layout(doc)) {
		/* without the signature, and without the whitespace between
		 * elements (the file's layout) */
		copy = xmlCopyDoc(doc, 1);
		if (!copy)
			return etsi__error_oom();
		clear_private(copy->children);
		remove_signatures(NULL, xmlDocGetRootElement(copy));
		etsi__xml_strip_layout(xmlDocGetRootElement(copy));
		doc = copy;
	}
	mdctx = EVP_MD_CTX_new();
	if (!mdctx || EVP_DigestInit_ex(mdctx, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(mdctx);
		xmlFreeDoc(copy);
		return etsi__error_oom();
	}
	buf = xmlOutputBufferCreateIO(digest_write, NULL, mdctx, NULL);
	if (!buf) {
		EVP_MD_CTX_free(mdctx);
		xmlFreeDoc(copy);
		return etsi__error_oom();
	}
	capture.message[0] = '\0';
	saved = xmlStructuredError;
	saved_ctx = xmlStructuredErrorContext;
	xmlSetStructuredErrorFunc(NULL, on_xml_error);
	rc = xmlC14NDocSaveTo(doc, NULL, XML_C14N_EXCLUSIVE_1_0, NULL, 0, buf);
	xmlSetStructuredErrorFunc(saved_ctx, saved);
	if (xmlOutputBufferClose(buf) < 0 || rc < 0)
		error = etsi__error(ETSI_ERROR, ERR_DOSSIER, "the dossier cannot be canonicalized: %s",
		                    capture.message[0] ? capture.message : "libxml2 failed");
	if (error == 0 && EVP_DigestFinal_ex(mdctx, md, &mdlen) != 1)
		error = etsi__error(ETSI_ERROR, ERR_DOSSIER, "SHA-256 failed");
	EVP_MD_CTX_free(mdctx);
	xmlFreeDoc(copy);
	if (error < 0)
		return error;
	*hex = etsi__malloc(mdlen * 2 + 1);
	if (!*hex)
		return etsi__error_oom();
	for (i = 0; i < mdlen; i++) {
		(*hex)[2 * i] = digits[md[i] >> 4];
		(*hex)[2 * i + 1] = digits[md[i] & 15];
	}
	(*hex)[mdlen * 2] = '\0';
	return 0;
}
