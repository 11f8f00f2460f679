/*
 * buf.h - the one growable byte buffer (after git's strbuf and curl's dynbuf).
 *
 * Invariants: `data` is NULL only while `cap` is 0; when data is non-NULL,
 * data[len] == '\0' (so a buffer can always be read as a C string);
 * len < cap; len never exceeds `max`.  A buffer that would grow past `max`
 * fails with ERR_LIMIT and is left unchanged, so untrusted input can never
 * make attest allocate without bound.
 */
#ifndef ATTEST_UTIL_BUF_H
#define ATTEST_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

#define BUF_DEFAULT_MAX ((size_t)1 << 30) /* 1 GiB */

struct buf {
	char *data;
	size_t len;
	size_t cap;
	size_t max;
};

#define BUF_INIT { NULL, 0, 0, BUF_DEFAULT_MAX }

void buf_init(struct buf *b, size_t max);   /* max 0 = BUF_DEFAULT_MAX */
void buf_release(struct buf *b);             /* frees, back to empty */
void buf_reset(struct buf *b);               /* len = 0, keeps memory */
/* Hands the data to the caller (who frees it); buffer becomes empty.
 * Never returns NULL on success: an empty buffer yields "". */
char *buf_detach(struct buf *b, size_t *len_out);

int buf_grow(struct buf *b, size_t extra);  /* 0, ERR_NOMEM or ERR_LIMIT */
int buf_add(struct buf *b, const void *data, size_t len);
int buf_adds(struct buf *b, const char *s);
int buf_addch(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int buf_vprintf(struct buf *b, const char *fmt, va_list ap);
void buf_truncate(struct buf *b, size_t len);
/* The contents as a C string; "" for an empty buffer (never NULL). */
const char *buf_cstr(const struct buf *b);

/* Overflow-checked size arithmetic (git's st_add / st_mult): return 0 and
 * set *out, or ERR_LIMIT on overflow. */
int size_add(size_t a, size_t b, size_t *out);
int size_mul(size_t a, size_t b, size_t *out);

#endif
