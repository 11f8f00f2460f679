/*
 * fs.h - file helpers: bounded reads, atomic writes (temp file + fsync +
 * rename, after git's lockfile.h, so a full disk or a crash never leaves a
 * half-written file), recursive mkdir.
 */
#ifndef ATTEST_UTIL_FS_H
#define ATTEST_UTIL_FS_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

/* Reads a whole file (NUL-terminated) of at most `max` bytes.  The caller
 * frees *data.  ERR_NOTFOUND, ERR_IO or ERR_LIMIT with the path named. */
int fs_read_file(const char *path, size_t max, char **data, size_t *len,
		 struct error *err);

/* Writes data to path atomically (path.tmp-XXXXXX, fsync, rename, fsync of
 * the directory). */
int fs_write_atomic(const char *path, const void *data, size_t len,
		    struct error *err);

/* mkdir -p with mode 0755 (0700 when `private_dir`). */
int fs_mkdir_p(const char *path, bool private_dir, struct error *err);

bool fs_exists(const char *path);
bool fs_is_dir(const char *path);

#endif
