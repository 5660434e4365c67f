/* Internal: the one-time set-up of libxmlsec1 and its OpenSSL backend. */
#ifndef ETSI_SRC_SIGNATURE_IMPL_H
#define ETSI_SRC_SIGNATURE_IMPL_H

/* Initializes libxmlsec1 (and its OpenSSL backend) once per process, on
 * the first key, certificate or signature (etsi__runtime_once()).  The
 * outcome is remembered: signing and verifying fail with a clear message
 * when it went wrong.  Like libxml2, xmlsec is never shut down:
 * xmlSecShutdown() also cleans up libxml2's HTTP and FTP globals, which
 * other users of libxml2 in the process may rely on. */
void etsi__signature_ensure(void);
/* For the tests: non-zero once libxmlsec1 and OpenSSL are initialized. */
int etsi__signature_ready(void);

#endif
