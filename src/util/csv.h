/*
 * csv.h - RFC 4180 CSV reader over an in-memory buffer.
 *
 * Why hand-written: Debian has no maintained C CSV library in wide use
 * (libcsv is unmaintained since 2013); RFC 4180 is small, and we need exact
 * line numbers for error messages.  Handles quoted fields with "" escapes,
 * CRLF or LF line ends, newlines inside quotes, a UTF-8 BOM, a missing final
 * newline, and blank lines (skipped).  Field count and field size are bounded.
 */
#ifndef ATTEST_UTIL_CSV_H
#define ATTEST_UTIL_CSV_H

#include <stddef.h>

#include "util/buf.h"
#include "util/error.h"

#define CSV_MAX_FIELDS 256
#define CSV_MAX_RECORD ((size_t)1 << 20)

struct csv_reader {
	const char *data;
	size_t size;
	size_t pos;
	long line;              /* line where the current record starts */
	long next_line;
	struct buf scratch;     /* decoded field text, NUL-separated */
	size_t offsets[CSV_MAX_FIELDS];
	const char *fields[CSV_MAX_FIELDS];
	int count;
};

void csv_reader_init(struct csv_reader *r, const char *data, size_t size);
void csv_reader_release(struct csv_reader *r);

/* Reads the next record.  Returns 1 when a record was read (r->fields,
 * r->count, r->line are set; fields stay valid until the next call), 0 at
 * the end, or ERR_INPUT (unterminated quote, too many fields, record too
 * long, text after a closing quote) with err->line set. */
int csv_next(struct csv_reader *r, struct error *err);

/* Index of `name` in a header record (case-insensitive, trimmed), or -1. */
int csv_column(const char *const *header, int count, const char *name);

#endif
