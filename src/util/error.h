/*
 * error.h - the one error convention of attest.
 *
 * Every fallible function returns 0 on success or a negative code from
 * ERROR_CODES below, and fills a caller-provided `struct error` with a
 * message and, for bad input, the position: file, line, column, record and
 * field.  Errors are propagated unchanged; nothing below the CLI prints.
 * Bugs are asserts; bad input never is.
 */
#ifndef ATTEST_UTIL_ERROR_H
#define ATTEST_UTIL_ERROR_H

#include <stddef.h>

/* X(name, value, description).  Exit status for every error is 2. */
#define ERROR_CODES(X)                                              \
	X(ERR_NOMEM, -1, "out of memory")                           \
	X(ERR_IO, -2, "input/output error")                         \
	X(ERR_INPUT, -3, "bad input")                               \
	X(ERR_USAGE, -4, "usage error")                             \
	X(ERR_NOTFOUND, -5, "not found")                            \
	X(ERR_EXISTS, -6, "already exists")                         \
	X(ERR_STORE, -7, "database error")                          \
	X(ERR_LIMIT, -8, "size limit exceeded")                     \
	X(ERR_INTEGRITY, -9, "integrity check failed")              \
	X(ERR_UNSUPPORTED, -10, "unsupported")

enum error_code {
	ERR_OK = 0,
#define ERROR_ENUM(name, value, text) name = value,
	ERROR_CODES(ERROR_ENUM)
#undef ERROR_ENUM
};

#define ERROR_PATH_MAX 512
#define ERROR_NAME_MAX 128
#define ERROR_MSG_MAX 768

struct error {
	int code;                       /* 0 or an enum error_code */
	char file[ERROR_PATH_MAX];      /* "" when not about a file */
	long line;                      /* 1-based; 0 = unknown */
	long column;                    /* 1-based; 0 = unknown */
	char record[ERROR_NAME_MAX];    /* e.g. "users[3]" or "row 12"; "" */
	char field[ERROR_NAME_MAX];     /* e.g. "end_date"; "" */
	char message[ERROR_MSG_MAX];
};

void error_clear(struct error *err);

/* Sets code and message (printf-style); leaves position fields alone so a
 * caller that already set file/line keeps them.  Returns `code`. */
int error_set(struct error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Convenience for bad input at a position.  `file` may be NULL. */
int error_input(struct error *err, const char *file, long line,
		const char *record, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

void error_set_file(struct error *err, const char *file);
void error_set_position(struct error *err, long line, long column);
void error_set_record(struct error *err, const char *record);
void error_set_field(struct error *err, const char *field);

/* Prefixes the message with "context: " (keeps everything else). */
void error_prefix(struct error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

const char *error_code_name(int code);

/* Writes "file:line:column: record: field: message" into out (always
 * NUL-terminated).  Empty parts are left out. */
void error_format(const struct error *err, char *out, size_t out_size);

#endif
