/* Unit tests of signed dossiers and digests (signature.c): RSA and EC
 * signatures that verify, survive load -> save and break on any change to
 * the dossier or the signature; a wrong certificate; signatures outside the
 * profile refused without fetching anything; the digest's invariance under
 * formatting and signing.  Keys are made with openssl for each run. */
#include "helpers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "alloc.h"
#include "util.h"

#define CAMERA "smart-camera-v3.xml"

typedef struct keys {
	char *dir;
	char *rsa_key, *rsa_cert, *ec_key, *ec_cert, *small_key, *small_cert, *enc_key;
	size_t rsa_key_len, rsa_cert_len, ec_key_len, ec_cert_len, small_key_len, small_cert_len,
	       enc_key_len;
} keys;

static keys k;

static void openssl(const char *args)
{
	char command[1024];

	snprintf(command, sizeof(command), "cd '%s' && openssl %s >/dev/null 2>&1", k.dir, args);
	if (system(command) != 0)
		fail_msg("openssl %s failed", args);
}

static char *read_in(const char *name, size_t *len)
{
	char *path = test_path_join(k.dir, name), *data = test_read_file(path, len);

	free(path);
	return data;
}

static int make_keys(void **state)
{
	(void)state;
	test_init(state);
	k.dir = test_mkdtemp();
	openssl("req -x509 -newkey rsa:2048 -nodes -keyout rsa.key -out rsa.crt -days 2 "
	        "-subj /CN=rsa-signer");
	openssl("req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout ec.key "
	        "-out ec.crt -days 2 -subj /CN=ec-signer");
	openssl("req -x509 -newkey rsa:1024 -nodes -keyout small.key -out small.crt -days 2 "
	        "-subj /CN=small");
	openssl("pkey -in ec.key -aes256 -passout pass:s3cret -out enc.key");
	k.rsa_key = read_in("rsa.key", &k.rsa_key_len);
	k.rsa_cert = read_in("rsa.crt", &k.rsa_cert_len);
	k.ec_key = read_in("ec.key", &k.ec_key_len);
	k.ec_cert = read_in("ec.crt", &k.ec_cert_len);
	k.small_key = read_in("small.key", &k.small_key_len);
	k.small_cert = read_in("small.crt", &k.small_cert_len);
	k.enc_key = read_in("enc.key", &k.enc_key_len);
	return 0;
}

static int drop_keys(void **state)
{
	free(k.rsa_key);
	free(k.rsa_cert);
	free(k.ec_key);
	free(k.ec_cert);
	free(k.small_key);
	free(k.small_cert);
	free(k.enc_key);
	test_rmtree(k.dir);
	free(k.dir);
	return test_shutdown(state);
}

static etsi_sign_options sign_opts(const char *key, size_t key_len, const char *cert,
                                   size_t cert_len)
{
	etsi_sign_options opts = ETSI_SIGN_OPTIONS_INIT;

	opts.key = key;
	opts.key_len = key_len;
	opts.cert = cert;
	opts.cert_len = cert_len;
	return opts;
}

static int verify(const char *xml, size_t len, const char *cert, size_t cert_len, char **info)
{
	etsi_verify_options opts = ETSI_VERIFY_OPTIONS_INIT;

	opts.cert = cert;
	opts.cert_len = cert_len;
	return etsi_signature_verify(info, xml, len, "test.xml", &opts);
}

/* The camera example signed with the RSA key, serialized. */
static char *signed_camera(size_t *len)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_sign_options opts = sign_opts(k.rsa_key, k.rsa_key_len, k.rsa_cert, k.rsa_cert_len);
	char *xml;

	assert_int_equal(etsi_dossier_sign(d, &opts), 0);
	xml = test_write(d, len);
	etsi_dossier_free(d);
	return xml;
}

static void test_signature__rsa_and_ec(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_sign_options rsa = sign_opts(k.rsa_key, k.rsa_key_len, k.rsa_cert, k.rsa_cert_len);
	etsi_sign_options ec = sign_opts(k.ec_key, k.ec_key_len, k.ec_cert, k.ec_cert_len);
	etsi_diagnostics *diags = NULL;
	char *xml, *info = NULL;
	size_t len;

	(void)state;
	assert_int_equal(etsi_dossier_signed(d), 0);
	assert_int_equal(etsi_dossier_sign(d, &rsa), 0);
	assert_int_equal(etsi_dossier_signed(d), 1);
	assert_int_equal(etsi_dossier_validate(&diags, d), 0);
	etsi_diagnostics_free(diags);
	xml = test_write(d, &len);
	assert_contains(xml, "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">");
	assert_contains(xml, "xmldsig-more#rsa-sha256");
	assert_contains(xml, "<ds:Reference URI=\"\">");
	assert_contains(xml, "<ds:X509Certificate>");
	assert_int_equal(verify(xml, len, k.rsa_cert, k.rsa_cert_len, &info), 0);
	assert_contains(info, "RSA-SHA256");
	assert_contains(info, "CN=rsa-signer");
	etsi_free(info);
	free(xml);
	/* signing again replaces the signature */
	assert_int_equal(etsi_dossier_sign(d, &ec), 0);
	xml = test_write(d, &len);
	assert_contains(xml, "ecdsa-sha256");
	assert_not_contains(xml, "rsa-sha256");
	assert_int_equal(verify(xml, len, k.ec_cert, k.ec_cert_len, NULL), 0);
	free(xml);
	etsi_dossier_free(d);
}

static void test_signature__survives_load_and_save(void **state)
{
	etsi_dossier *d = NULL;
	char *xml, *again, *dir = test_mkdtemp(), *path = test_path_join(dir, "signed.xml");
	size_t len, len2;

	(void)state;
	xml = signed_camera(&len);
	test_write_file(path, xml, len);
	assert_int_equal(etsi_dossier_load(&d, path, NULL), 0);
	assert_int_equal(etsi_dossier_save(d, NULL), 0);
	etsi_dossier_free(d);
	again = test_read_file(path, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(xml, again, len);
	assert_int_equal(verify(again, len2, k.rsa_cert, k.rsa_cert_len, NULL), 0);
	free(again);
	free(xml);
	free(path);
	test_rmtree(dir);
	free(dir);
}

static void test_signature__tampering(void **state)
{
	size_t len;
	char *xml = signed_camera(&len), *t;
	const char *sv;

	(void)state;
	/* a changed dossier */
	t = test_replace(xml, "version=\"3.4.0\"", "version=\"3.4.1\"");
	assert_etsi_error(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), ETSI_EINTEGRITY);
	assert_contains(etsi_error_last()->message, "changed after it was signed");
	free(t);
	/* a flipped byte of text */
	t = test_replace(xml, "Kestrel Indoor Cam 3", "Kestrel Indoor Cam 4");
	assert_etsi_error(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), ETSI_EINTEGRITY);
	free(t);
	/* a changed signature value (a valid base64 character for another) */
	sv = strstr(xml, "<ds:SignatureValue>") + strlen("<ds:SignatureValue>");
	t = strdup(xml);
	t[sv - xml + 5] = t[sv - xml + 5] == 'A' ? 'B' : 'A';
	assert_etsi_error(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), ETSI_EINTEGRITY);
	assert_contains(etsi_error_last()->message, "signature value does not verify");
	free(t);
	/* another certificate: a weak one is refused before anything else */
	assert_etsi_error(verify(xml, len, k.small_cert, k.small_cert_len, NULL), ETSI_EUNSUPPORTED);
	assert_etsi_error(verify(xml, len, k.ec_cert, k.ec_cert_len, NULL), ETSI_EINTEGRITY);
	/* a comment or formatting outside the signature is not a change of the
	 * dossier?  Formatting is: XML-DSig digests the document as written */
	t = test_replace(xml, "<dut>", "<dut >");
	assert_int_equal(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), 0);
	free(t);
	t = test_replace(xml, "<dut>", "<dut>\n");
	assert_etsi_error(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), ETSI_EINTEGRITY);
	free(t);
	free(xml);
}

static void test_signature__missing_and_refused(void **state)
{
	size_t len;
	char *xml = signed_camera(&len), *t, *start, *end;
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	char *plain = test_write(d, NULL);

	(void)state;
	/* no signature */
	assert_etsi_error(verify(plain, strlen(plain), k.rsa_cert, k.rsa_cert_len, NULL),
	                  ETSI_ENOTFOUND);
	/* a removed signature */
	t = strdup(xml);
	start = strstr(t, "  <ds:Signature");
	end = strstr(t, "</ds:Signature>") + strlen("</ds:Signature>\n");
	memmove(start, end, strlen(end) + 1);
	assert_etsi_error(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), ETSI_ENOTFOUND);
	free(t);
	/* a reference to a file or to the network is refused, never fetched */
	t = test_replace(xml, "<ds:Reference URI=\"\">",
	                 "<ds:Reference URI=\"file:///etc/passwd\">");
	assert_etsi_error(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), ETSI_EUNSUPPORTED);
	assert_contains(etsi_error_last()->message, "file:///etc/passwd");
	free(t);
	t = test_replace(xml, "<ds:Reference URI=\"\">",
	                 "<ds:Reference URI=\"http://127.0.0.1:9/x\">");
	assert_etsi_error(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), ETSI_EUNSUPPORTED);
	free(t);
	/* another transform (XSLT) */
	t = test_replace(xml, "xml-exc-c14n#\"/>\n        </ds:Transforms>",
	                 "xml-exc-c14n#\"/>\n          <ds:Transform Algorithm=\""
	                 "http://www.w3.org/TR/1999/REC-xslt-19991116\"/>\n        </ds:Transforms>");
	assert_etsi_error(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), ETSI_EUNSUPPORTED);
	free(t);
	/* a DOCTYPE is refused before anything else */
	t = test_replace(xml, "<dossier ", "<!DOCTYPE dossier [<!ENTITY x SYSTEM \"/etc/passwd\">]>"
	                 "\n<dossier ");
	assert_etsi_error(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, NULL), ETSI_EPARSE);
	free(t);
	free(plain);
	free(xml);
	etsi_dossier_free(d);
}

static void test_signature__bad_keys(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL);
	etsi_sign_options opts;
	char *before = test_write(d, NULL), *after;

	(void)state;
	opts = sign_opts(NULL, 0, k.rsa_cert, k.rsa_cert_len);
	assert_etsi_error(etsi_dossier_sign(d, &opts), ETSI_EINVALID);
	opts = sign_opts(k.rsa_key, k.rsa_key_len, NULL, 0);
	assert_etsi_error(etsi_dossier_sign(d, &opts), ETSI_EINVALID);
	opts = sign_opts(k.rsa_key, k.rsa_key_len, k.ec_cert, k.ec_cert_len);
	assert_etsi_error(etsi_dossier_sign(d, &opts), ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "not the private key's");
	opts = sign_opts(k.rsa_cert, k.rsa_cert_len, k.rsa_cert, k.rsa_cert_len);
	assert_etsi_error(etsi_dossier_sign(d, &opts), ETSI_EINVALID);
	opts = sign_opts(k.small_key, k.small_key_len, k.small_cert, k.small_cert_len);
	assert_etsi_error(etsi_dossier_sign(d, &opts), ETSI_EUNSUPPORTED);
	opts = sign_opts(k.enc_key, k.enc_key_len, k.ec_cert, k.ec_cert_len);
	assert_etsi_error(etsi_dossier_sign(d, &opts), ETSI_EINVALID);
	assert_contains(etsi_error_last()->message, "no passphrase");
	opts.password = "wrong";
	assert_etsi_error(etsi_dossier_sign(d, &opts), ETSI_EINVALID);
	/* nothing changed by the failures */
	after = test_write(d, NULL);
	assert_string_equal(before, after);
	free(after);
	opts.password = "s3cret";
	assert_int_equal(etsi_dossier_sign(d, &opts), 0);
	opts.version = 99;
	assert_etsi_error(etsi_dossier_sign(d, &opts), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_sign(NULL, &opts), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_sign(d, NULL), ETSI_EINVALID);
	assert_etsi_error(etsi_sign_options_init(&opts, 99), ETSI_EINVALID);
	assert_int_equal(etsi_sign_options_init(&opts, ETSI_SIGN_OPTIONS_VERSION), 0);
	free(before);
	etsi_dossier_free(d);
}

/* Makes <name>.key and <name>.crt with openssl req -newkey @p newkey and
 * reads them. */
static void make_pair(const char *name, const char *newkey, char **key, size_t *key_len,
                      char **cert, size_t *cert_len)
{
	char args[512], file[64];

	snprintf(args, sizeof(args), "req -x509 -newkey %s -nodes -keyout %s.key -out %s.crt "
	         "-days 2 -subj /CN=%s", newkey, name, name, name);
	openssl(args);
	snprintf(file, sizeof(file), "%s.key", name);
	*key = read_in(file, key_len);
	snprintf(file, sizeof(file), "%s.crt", name);
	*cert = read_in(file, cert_len);
}

/* The key policy of signing holds for verifying: RSA under 2048 bits and
 * EC keys off the accepted curves are refused both ways, with a message
 * that says which key and why. */
static void test_signature__key_policy(void **state)
{
	static const struct {
		const char *name, *newkey, *expect;
	} weak[] = {
		{ "p192", "ec -pkeyopt ec_paramgen_curve:prime192v1", "curve prime192v1" },
		{ "p224", "ec -pkeyopt ec_paramgen_curve:secp224r1", "curve secp224r1" },
		{ "k256", "ec -pkeyopt ec_paramgen_curve:secp256k1", "curve secp256k1" },
		{ "rsa1024", "rsa:1024", "RSA key of 1024 bits" },
		{ "rsa2047", "rsa:2047", "RSA key of 2047 bits" },
	};
	static const struct {
		const char *name, *newkey;
	} strong[] = {
		{ "p384", "ec -pkeyopt ec_paramgen_curve:secp384r1" },
		{ "bp256", "ec -pkeyopt ec_paramgen_curve:brainpoolP256r1" },
		{ "rsa3072", "rsa:3072" },
	};
	size_t len, i;
	char *xml = signed_camera(&len);

	(void)state;
	for (i = 0; i < sizeof(weak) / sizeof(weak[0]); i++) {
		etsi_dossier *d = test_load_example(CAMERA, NULL);
		etsi_sign_options opts;
		char *key, *cert;
		size_t key_len, cert_len;

		make_pair(weak[i].name, weak[i].newkey, &key, &key_len, &cert, &cert_len);
		opts = sign_opts(key, key_len, cert, cert_len);
		assert_etsi_error(etsi_dossier_sign(d, &opts), ETSI_EUNSUPPORTED);
		assert_contains(etsi_error_last()->message, "the key is");
		assert_contains(etsi_error_last()->message, weak[i].expect);
		assert_int_equal(etsi_dossier_signed(d), 0);
		assert_etsi_error(verify(xml, len, cert, cert_len, NULL), ETSI_EUNSUPPORTED);
		assert_contains(etsi_error_last()->message, "the certificate's key is");
		assert_contains(etsi_error_last()->message, weak[i].expect);
		free(key);
		free(cert);
		etsi_dossier_free(d);
	}
	for (i = 0; i < sizeof(strong) / sizeof(strong[0]); i++) {
		etsi_dossier *d = test_load_example(CAMERA, NULL);
		etsi_sign_options opts;
		char *key, *cert, *signed_xml;
		size_t key_len, cert_len, signed_len;

		make_pair(strong[i].name, strong[i].newkey, &key, &key_len, &cert, &cert_len);
		opts = sign_opts(key, key_len, cert, cert_len);
		assert_int_equal(etsi_dossier_sign(d, &opts), 0);
		signed_xml = test_write(d, &signed_len);
		assert_int_equal(verify(signed_xml, signed_len, cert, cert_len, NULL), 0);
		free(signed_xml);
		free(key);
		free(cert);
		etsi_dossier_free(d);
	}
	free(xml);
}

/* A dossier signed with a weak key by another tool (xmlsec1, when it is
 * installed): it verifies with xmlsec1 but not with libetsi. */
static void test_signature__weak_signature_from_elsewhere(void **state)
{
	char command[2048], *tmpl, *p, *q, *weak;
	size_t len, weak_len;
	char *xml = signed_camera(&len);

	(void)state;
	if (system("command -v xmlsec1 >/dev/null 2>&1") != 0) {
		print_message("xmlsec1 is not installed: the weak signature is not made\n");
		free(xml);
		return;
	}
	/* the signature emptied into a template, without its certificate */
	tmpl = strdup(xml);
	for (p = strstr(tmpl, "<ds:DigestValue>"); p; p = strstr(p, "<ds:DigestValue>")) {
		p += strlen("<ds:DigestValue>");
		q = strchr(p, '<');
		memmove(p, q, strlen(q) + 1);
	}
	p = strstr(tmpl, "<ds:SignatureValue>") + strlen("<ds:SignatureValue>");
	q = strchr(p, '<');
	memmove(p, q, strlen(q) + 1);
	p = strstr(tmpl, "<ds:X509Data>") + strlen("<ds:X509Data>");
	q = strstr(p, "</ds:X509Data>");
	memmove(p, q, strlen(q) + 1);
	{
		char *path = test_path_join(k.dir, "weak-template.xml");

		test_write_file(path, tmpl, strlen(tmpl));
		free(path);
	}
	snprintf(command, sizeof(command), "cd '%s' && xmlsec1 --sign --privkey-pem "
	         "small.key,small.crt --output weak.xml weak-template.xml >/dev/null 2>&1 && "
	         "xmlsec1 --verify --pubkey-cert-pem small.crt weak.xml >/dev/null 2>&1", k.dir);
	assert_int_equal(system(command), 0);
	weak = read_in("weak.xml", &weak_len);
	assert_etsi_error(verify(weak, weak_len, k.small_cert, k.small_cert_len, NULL),
	                  ETSI_EUNSUPPORTED);
	assert_contains(etsi_error_last()->message, "RSA key of 1024 bits");
	/* and with a strong certificate: the KeyInfo's is described as
	 * another key's */
	assert_etsi_error(verify(weak, weak_len, k.rsa_cert, k.rsa_cert_len, NULL), ETSI_EINTEGRITY);
	assert_contains(etsi_error_last()->message, "carries the certificate of another key (/CN=small)");
	free(weak);
	free(tmpl);
	free(xml);
}

/* The certificate in KeyInfo is described as what it is to the one given
 * (the one that verifies): the same, another certificate for the same key,
 * another key's, or one that cannot be read. */
static void test_signature__keyinfo_certificates(void **state)
{
	char *xml, *renewed, *other, *t, *info = NULL;
	size_t len, renewed_len, other_len;
	const char *sv;

	(void)state;
	openssl("req -new -x509 -key rsa.key -out renewed.crt -days 2 -subj /CN=rsa-renewed");
	openssl("req -x509 -newkey rsa:2048 -nodes -keyout other.key -out other.crt -days 2 "
	        "-subj /CN=other-signer");
	renewed = read_in("renewed.crt", &renewed_len);
	other = read_in("other.crt", &other_len);
	xml = signed_camera(&len);
	/* the same: nothing said */
	assert_int_equal(verify(xml, len, k.rsa_cert, k.rsa_cert_len, &info), 0);
	assert_null(strstr(info, "KeyInfo"));
	etsi_free(info);
	/* another certificate of the same key: verifies, and says so */
	assert_int_equal(verify(xml, len, renewed, renewed_len, &info), 0);
	assert_contains(info, "CN=rsa-renewed");
	assert_contains(info, "its KeyInfo carries another certificate for that key: /CN=rsa-signer");
	etsi_free(info);
	/* ... with an altered value: altered, not "another key" */
	sv = strstr(xml, "<ds:SignatureValue>") + strlen("<ds:SignatureValue>");
	t = strdup(xml);
	t[sv - xml + 5] = t[sv - xml + 5] == 'A' ? 'B' : 'A';
	assert_etsi_error(verify(t, strlen(t), renewed, renewed_len, NULL), ETSI_EINTEGRITY);
	assert_contains(etsi_error_last()->message, "which is also the key of the certificate its "
	                                            "KeyInfo carries (/CN=rsa-signer)");
	assert_contains(etsi_error_last()->message, "was altered");
	free(t);
	/* another key's certificate given: the KeyInfo's is named as the
	 * likely signer's */
	assert_etsi_error(verify(xml, len, other, other_len, NULL), ETSI_EINTEGRITY);
	assert_contains(etsi_error_last()->message, "carries the certificate of another key "
	                                            "(/CN=rsa-signer)");
	/* a KeyInfo certificate that cannot be read: not used, and said */
	{
		char *body = strstr(xml, "<ds:X509Certificate>") + strlen("<ds:X509Certificate>");

		t = strdup(xml);
		memcpy(t + (body - xml), "!!!!", 4);
		assert_int_equal(verify(t, strlen(t), k.rsa_cert, k.rsa_cert_len, &info), 0);
		assert_contains(info, "its KeyInfo holds a certificate that cannot be read, not used");
		etsi_free(info);
		assert_etsi_error(verify(t, strlen(t), other, other_len, NULL), ETSI_EINTEGRITY);
		assert_contains(etsi_error_last()->message, "holds a certificate that cannot be read");
		free(t);
	}
	/* the certificate of another key that verifies nothing, when the
	 * signature verifies with the given one: said, and not used */
	{
		char *o = strstr(other, "-----BEGIN CERTIFICATE-----\n"), *end, *b64;
		char *body = strstr(xml, "<ds:X509Certificate>") + strlen("<ds:X509Certificate>");
		char *body_end = strstr(body, "</ds:X509Certificate>");
		etsi__buf buf = ETSI__BUF_INIT;

		assert_non_null(o);
		o += strlen("-----BEGIN CERTIFICATE-----\n");
		end = strstr(o, "-----END CERTIFICATE-----");
		etsi__buf_put(&buf, xml, (size_t)(body - xml));
		etsi__buf_put(&buf, o, (size_t)(end - o));
		etsi__buf_puts(&buf, body_end);
		b64 = etsi__buf_detach(&buf);
		assert_int_equal(verify(b64, strlen(b64), k.rsa_cert, k.rsa_cert_len, &info), 0);
		assert_contains(info, "its KeyInfo carries the certificate of another key, not used: "
		                      "/CN=other-signer");
		etsi_free(info);
		etsi__free(b64);
	}
	free(xml);
	free(renewed);
	free(other);
}

static void test_signature__verify_arguments(void **state)
{
	etsi_verify_options opts;
	char *info = (void *)1;

	(void)state;
	assert_int_equal(etsi_verify_options_init(&opts, ETSI_VERIFY_OPTIONS_VERSION), 0);
	assert_etsi_error(etsi_verify_options_init(&opts, 7), ETSI_EINVALID);
	assert_etsi_error(etsi_signature_verify(&info, "<x/>", 4, NULL, NULL), ETSI_EINVALID);
	assert_null(info);
	assert_etsi_error(etsi_signature_verify(NULL, "<x/>", 4, NULL, &opts), ETSI_EINVALID);
	opts.cert = "not a certificate";
	opts.cert_len = strlen(opts.cert);
	assert_etsi_error(etsi_signature_verify(NULL, "<x/>", 4, NULL, &opts), ETSI_EINVALID);
	opts.cert = k.rsa_cert;
	opts.cert_len = k.rsa_cert_len;
	assert_etsi_error(etsi_signature_verify(NULL, "<x/>", 4, NULL, &opts), ETSI_EVALIDATION);
	assert_etsi_error(etsi_signature_verify(NULL, "<x", 2, NULL, &opts), ETSI_EPARSE);
}

static void test_signature__digest(void **state)
{
	etsi_dossier *d = test_load_example(CAMERA, NULL), *other = NULL;
	etsi_sign_options opts = sign_opts(k.ec_key, k.ec_key_len, k.ec_cert, k.ec_cert_len);
	char *a = NULL, *b = NULL, *c = NULL, *xml;
	xmlDoc *doc;
	xmlChar *flat;
	int flat_len;
	size_t i;

	(void)state;
	assert_int_equal(etsi_dossier_digest(&a, d), 0);
	assert_int_equal(strlen(a), 64);
	for (i = 0; i < 64; i++)
		assert_non_null(strchr("0123456789abcdef", a[i]));
	/* signing does not change it */
	assert_int_equal(etsi_dossier_sign(d, &opts), 0);
	assert_int_equal(etsi_dossier_digest(&b, d), 0);
	assert_string_equal(a, b);
	etsi_free(b);
	/* nor does formatting: the same dossier without indentation, comments
	 * dropped, attributes in another order */
	xml = test_write(d, NULL);
	doc = xmlReadMemory(xml, (int)strlen(xml), "x.xml", NULL, XML_PARSE_NOBLANKS);
	assert_non_null(doc);
	xmlDocDumpMemory(doc, &flat, &flat_len);
	xmlFreeDoc(doc);
	assert_int_equal(etsi_dossier_load_memory(&other, (const char *)flat, (size_t)flat_len,
	                                          "flat.xml", NULL), 0);
	xmlFree(flat);
	assert_int_equal(etsi_dossier_digest(&b, other), 0);
	assert_string_equal(a, b);
	etsi_free(b);
	etsi_dossier_free(other);
	free(xml);
	/* any change of content does */
	assert_int_equal(etsi_record_set(etsi_dossier_find(d, ETSI_KIND_DUT, NULL),
	                                 "hardware-version", "Rev. Z"), 0);
	assert_int_equal(etsi_dossier_digest(&c, d), 0);
	assert_string_not_equal(a, c);
	etsi_free(c);
	etsi_free(a);
	assert_etsi_error(etsi_dossier_digest(NULL, d), ETSI_EINVALID);
	assert_etsi_error(etsi_dossier_digest(&a, NULL), ETSI_EINVALID);
	assert_null(a);
	etsi_dossier_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signature__rsa_and_ec),
		cmocka_unit_test(test_signature__survives_load_and_save),
		cmocka_unit_test(test_signature__tampering),
		cmocka_unit_test(test_signature__missing_and_refused),
		cmocka_unit_test(test_signature__bad_keys),
		cmocka_unit_test(test_signature__key_policy),
		cmocka_unit_test(test_signature__weak_signature_from_elsewhere),
		cmocka_unit_test(test_signature__keyinfo_certificates),
		cmocka_unit_test(test_signature__verify_arguments),
		cmocka_unit_test(test_signature__digest),
	};

	return cmocka_run_group_tests(tests, make_keys, drop_keys);
}
