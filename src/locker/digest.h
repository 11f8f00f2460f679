/*
 * digest.h - SHA-256 digests of evidence, through OpenSSL's EVP interface.
 *
 * Evidence is named by "sha256:<64 lower-case hex>" everywhere (ledger,
 * database, findings); DIGEST_TEXT_SIZE holds that text and its NUL.
 */
#ifndef ATTEST_LOCKER_DIGEST_H
#define ATTEST_LOCKER_DIGEST_H

#include <stdbool.h>
#include <stddef.h>

#include "util/error.h"

#define DIGEST_RAW_SIZE 32
#define DIGEST_HEX_SIZE 65          /* 64 hex + NUL */
#define DIGEST_TEXT_SIZE 72         /* "sha256:" + 64 hex + NUL, rounded */
#define DIGEST_PREFIX "sha256:"
#define DIGEST_ZERO "sha256:0000000000000000000000000000000000000000000000000000000000000000"

struct digest_ctx;

/* Streaming digest.  digest_begin returns 0 or ERR_NOMEM. */
int digest_begin(struct digest_ctx **out, struct error *err);
int digest_update(struct digest_ctx *c, const void *data, size_t len,
		  struct error *err);
/* Finishes into "sha256:<hex>" and frees the context (also on failure). */
int digest_end(struct digest_ctx *c, char out[DIGEST_TEXT_SIZE],
	       struct error *err);
void digest_free(struct digest_ctx *c);

/* One-shot: "sha256:<hex>" of data. */
int digest_sha256(const void *data, size_t len, char out[DIGEST_TEXT_SIZE],
		  struct error *err);

/* Digest of a file's content; ERR_NOTFOUND when it does not exist. */
int digest_file(const char *path, char out[DIGEST_TEXT_SIZE],
		long long *size, struct error *err);

/* True for "sha256:" followed by exactly 64 lower-case hex digits. */
bool digest_valid(const char *text);

#endif
