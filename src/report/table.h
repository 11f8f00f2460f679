/*
 * table.h - plain-text tables for the terminal, and the CSV and JSON views
 * of the same rows.  Views only present: they take strings and never look
 * at engine internals.
 *
 * A table fits `width` columns by shrinking its widest columns and cutting
 * their cells with "..."; width 0 means never cut (used when stdout is not a
 * terminal, so piped output is complete and byte-for-byte stable).
 */
#ifndef ATTEST_REPORT_TABLE_H
#define ATTEST_REPORT_TABLE_H

#include <stddef.h>
#include <stdio.h>

#define TABLE_MAX_COLUMNS 16

struct table {
	const char *headers[TABLE_MAX_COLUMNS];
	int columns;
	char **cells;          /* rows * columns, owned */
	size_t rows;
	size_t cap;
};

void table_init(struct table *t, int columns, const char *const *headers);
void table_release(struct table *t);
/* Appends a row of `columns` strings (copied; NULL = ""). 0 or ERR_NOMEM. */
int table_add_row(struct table *t, const char *const *cells);
void table_print(const struct table *t, FILE *out, int width);
/* RFC 4180 CSV with a header row. */
void table_print_csv(const struct table *t, FILE *out);
/* Writes one RFC 4180 field. */
void csv_write_field(FILE *out, const char *s);

/* Terminal width for tables on `out`: its columns when it is a terminal
 * (COLUMNS wins), else 0 (no cutting). */
int terminal_width(FILE *out);

#endif
