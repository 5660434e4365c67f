/*
 * File input and output shared by the library: bounded reads of regular
 * files and atomic replacement of a file.
 */
#ifndef ETSI_SRC_FILE_H
#define ETSI_SRC_FILE_H

#include <stddef.h>

#include "util.h"

/* Formats a size as "12 bytes", "3.4 KiB" or "5.6 MiB" into buf. */
const char *etsi__human_size(char *buf, size_t bufsize, size_t n);

/* Reads a regular file of at most max_size bytes.  *out is NUL-terminated
 * and freed with etsi__free(). */
int etsi__read_file(char **out, size_t *len, const char *path, size_t max_size);

/* Writes data to path atomically: temporary file in the same directory,
 * fsync, rename, fsync of the directory. */
int etsi__write_file_atomic(const char *path, const char *data, size_t len);

#endif
