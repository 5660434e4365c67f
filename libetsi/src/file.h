/*
 * File input and output shared by the library: bounded reads of regular
 * files and atomic, checked replacement of a file (see file.c).
 */
#ifndef ETSI_SRC_FILE_H
#define ETSI_SRC_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Formats a size as "12 bytes", "3.4 KiB" or "5.6 MiB" into buf. */
const char *etsi__human_size(char *buf, size_t bufsize, size_t n);

/* What a file was when it was read or last written, to tell before
 * replacing it whether another program changed it since: its identity
 * (device, inode, size, modification time to the nanosecond) and a hash of
 * its content, which decides (a file replaced by the same bytes did not
 * change).  With lock_fd >= 0, the file's exclusive lock is held until
 * etsi__file_state_release(). */
typedef struct etsi__file_state {
	int known;
	unsigned long long dev, ino, size;
	long long mtime_sec;
	long mtime_nsec;
	uint64_t hash;
	int lock_fd;
	struct etsi__file_state *next; /* file.c's list of held locks */
} etsi__file_state;

#define ETSI__FILE_STATE_INIT { 0, 0, 0, 0, 0, 0, 0, -1, NULL }

/* Reads a regular file of at most max_size bytes.  *out is NUL-terminated
 * and freed with etsi__free(). */
int etsi__read_file(char **out, size_t *len, const char *path, size_t max_size);

/* The same, recording into @p state (when not NULL) what was read.  With
 * @p lock, the file is first locked exclusively, waiting while another
 * writer holds it, and the lock stays in state until released; a file
 * this process already holds locked through another state is refused
 * with ETSI_ECONFLICT. */
int etsi__read_file_state(char **out, size_t *len, const char *path, size_t max_size,
                          int lock, etsi__file_state *state);

/* Releases the lock a state holds, if any.  The state stays known. */
void etsi__file_state_release(etsi__file_state *state);
/* Moves a state, and the lock it holds, to another place. */
void etsi__file_state_move(etsi__file_state *to, etsi__file_state *from);

/* Writes data to path atomically (see file.c): symbolic links followed,
 * temporary file in the same directory with the replaced file's owner,
 * group and mode, fsync, rename, fsync of the directory. */
int etsi__write_file_atomic(const char *path, const char *data, size_t len);

/* The same under the file's lock.  With @p check and a known @p state,
 * refuses with ETSI_ECONFLICT, writing nothing, when the file no longer
 * holds what state recorded.  On success a non-NULL state describes the
 * written file and, when it held a lock, holds the new file's. */
int etsi__write_file_state(const char *path, const char *data, size_t len,
                           etsi__file_state *state, int check);

#endif
