/*
 * Fuzz target: etsi_signature_verify(), the signature check of `etsi
 * verify`, on the bytes of a signed dossier, against the certificates of
 * the fuzz corpus's private keys (tests/fuzz/keys/; make_corpus.sh signs
 * the seeds with them, so the fuzzer starts from signatures that verify).
 * Each input is checked against both certificates: the one that signed it
 * and the other.  A dossier that loads also gets its digest and signed
 * state, as `etsi digest` and `etsi verify` take them.
 */
#include <string.h>

#include "fuzz.h"

FUZZ_INIT_ONCE()

/* tests/fuzz/keys/fuzz-signer.crt (EC P-256) */
static const char ec_cert[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIBujCCAV+gAwIBAgIUbFgaFuv6i+imzD0QhEWa/gZ0XNcwCgYIKoZIzj0EAwIw\n"
	"MTEvMC0GA1UEAwwmbGliZXRzaSBmdXp6IGNvcnB1cyBzaWduZXIgKHRlc3Qgb25s\n"
	"eSkwIBcNMjYxMjA3MDQ0MTA4WhgPMjEyNjExMTMwNDQxMDhaMDExLzAtBgNVBAMM\n"
	"JmxpYmV0c2kgZnV6eiBjb3JwdXMgc2lnbmVyICh0ZXN0IG9ubHkpMFkwEwYHKoZI\n"
	"zj0CAQYIKoZIzj0DAQcDQgAEqt0gDNjQ5zqFNvqaFykGILXYN6WKK4Ny7dKpcS8f\n"
	"pVjXniYBBwyBlxesoZXXXPUt/6jowSpNs7ppxnlbDUNZZaNTMFEwHQYDVR0OBBYE\n"
	"FDYCAn3qY2845qnuGwqC2Zh5bDZLMB8GA1UdIwQYMBaAFDYCAn3qY2845qnuGwqC\n"
	"2Zh5bDZLMA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAKkMdaPj\n"
	"UtUy3/f2Gg4zIplsczmI0X5Yr67riAKfxEkqAiEA9IRpjnJug5qCLiM4jsDQrO0T\n"
	"XktpNo2ux2OTGn6h1vM=\n"
	"-----END CERTIFICATE-----\n";

/* tests/fuzz/keys/fuzz-signer-rsa.crt (RSA 2048) */
static const char rsa_cert[] =
	"-----BEGIN CERTIFICATE-----\n"
	"MIIDTTCCAjWgAwIBAgIUc/AAMitQQuT7/FIbXXpKmQsg538wDQYJKoZIhvcNAQEL\n"
	"BQAwNTEzMDEGA1UEAwwqbGliZXRzaSBmdXp6IGNvcnB1cyBSU0Egc2lnbmVyICh0\n"
	"ZXN0IG9ubHkpMCAXDTI2MTIwNzA0NDEyMFoYDzIxMjYxMTEzMDQ0MTIwWjA1MTMw\n"
	"MQYDVQQDDCpsaWJldHNpIGZ1enogY29ycHVzIFJTQSBzaWduZXIgKHRlc3Qgb25s\n"
	"eSkwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDQZQjsEYBucU2AunTP\n"
	"Ty/dzp+QK/Y0/LN2qVEn+McpPZw4R5QZKJuU8rrpcr49tvvPHo91H/eR3xSBxA58\n"
	"M2gNFLJLEla+urqiHCcLmuLbhEnpLSsymkwkj6XMVZalTrdvAjKvqu3pEqHmFCRo\n"
	"wKw7z0jb3liJKFRHjZsF+3999HMb1+QotfkGwhMrvx6LpkdLsOiyVl+nIjx+fhLs\n"
	"6u7VVjXBc12F05g3hP6kp2JZnXt6LkK83/4VryqszaSZQa/UoDPh2llXc2c3QFOT\n"
	"8bpu9lILY1My3GDvJX9Lz0j80DDqhGAi15OIRl/jGFFBV0iG2fGxXfI2diqJxjBT\n"
	"fw0VAgMBAAGjUzBRMB0GA1UdDgQWBBTeO1QhSpKd/MyVUNGIQP4kGrGKsTAfBgNV\n"
	"HSMEGDAWgBTeO1QhSpKd/MyVUNGIQP4kGrGKsTAPBgNVHRMBAf8EBTADAQH/MA0G\n"
	"CSqGSIb3DQEBCwUAA4IBAQCsusuR7EBdJphBPuhr67hBTr1LE8OuomCo8HC8Ftur\n"
	"FUHKZGxA1KPZib0H4g0zlkXIrkuM2MCqNgIrHwUBBbS18j65mfORU3uQha7bBwUW\n"
	"n1kN3Gx4/qUa/t0/Qn5j0yAUwJhVgrmwbq8aYWWOt96KrFuKUorWm46i6YE40GlA\n"
	"CqmeteNJu7S3BefEZyxXyEEVIZwGrXR0O8ESZEdw9yFkQZg0AnwH0/OhZgul3TKJ\n"
	"EmEVcmWMyaCmzFcyVdb16G8NmFdK9MEbMJyRxF6+aP5Qc4J2v3s/UlpZBhhzVSxo\n"
	"DaXbw1eV1nhCif9/oaDxGBXKA+Sgqfi0ef2rUasSgGYm\n"
	"-----END CERTIFICATE-----\n";

static void verify(const uint8_t *data, size_t size, const char *cert, size_t cert_len)
{
	etsi_verify_options opts = ETSI_VERIFY_OPTIONS_INIT;
	char *info = NULL;
	int rc;

	opts.cert = cert;
	opts.cert_len = cert_len;
	rc = etsi_signature_verify(&info, (const char *)data, size, "fuzz.xml", &opts);
	if (rc < 0) {
		FUZZ_ASSERT_ERROR(rc);
		FUZZ_ASSERT(!info);
		/* the certificate is good: never refused as an argument */
		FUZZ_ASSERT(rc != ETSI_EINVALID);
	} else {
		FUZZ_ASSERT(rc == 0 && info && info[0]);
	}
	etsi_free(info);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	etsi_dossier *d;

	verify(data, size, ec_cert, sizeof(ec_cert) - 1);
	verify(data, size, rsa_cert, sizeof(rsa_cert) - 1);
	if ((d = fuzz_load_unvalidated(data, size, "fuzz.xml"))) {
		char *hex = NULL;
		int rc = etsi_dossier_digest(&hex, d);

		FUZZ_ASSERT(rc == 0 || rc == ETSI_ENOMEM || rc == ETSI_ERROR);
		FUZZ_ASSERT(rc < 0 || (hex && strlen(hex) == 64));
		(void)etsi_dossier_signed(d);
		etsi_free(hex);
		etsi_dossier_free(d);
	}
	return 0;
}
