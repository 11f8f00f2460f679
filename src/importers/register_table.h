/*
 * register_table.h - the table-driven core of the register importers
 * (registers/<name>.csv, shared/FORMATS.md; docs/sources/registers.md).
 *
 * Each register is a const descriptor (STYLE.md practice 4): its fact kind,
 * its columns with their types and whether a value is required, and the
 * columns that make its key.  register_parse() reads the CSV with
 * util/csv.h and validates every cell against the descriptor; one small
 * file per register (register_<name>.c) holds the descriptor and the
 * importer.  Every error names the file, the line, the column and the value.
 */
#ifndef ATTEST_IMPORTERS_REGISTER_TABLE_H
#define ATTEST_IMPORTERS_REGISTER_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "importers/importer.h"

enum register_type {
	REG_TEXT,     /* any text, kept as written (trimmed) */
	REG_EMAIL,    /* one '@', no spaces; stored lower-case */
	REG_DATE,     /* YYYY-MM-DD, or an ISO-8601 timestamp: its date part */
	REG_INT,      /* whole number within [min, max] */
	REG_ENUM,     /* one of `allowed` (any case); stored lower-case */
	REG_YESNO,    /* yes/no (also true/false); stored as a JSON boolean */
};

/* Flags of a column (every column must be in the header; this says
 * whether its cells may be empty). */
#define REG_REQUIRED 1u

struct register_column {
	const char *name;             /* lower-case header text */
	enum register_type type;
	unsigned flags;
	const char *const *allowed;   /* REG_ENUM: NULL-terminated words */
	int min, max;                 /* REG_INT */
};

struct register_spec {
	const char *kind;                        /* fact kind: "vendor" */
	const struct register_column *columns;
	size_t column_count;
	const char *const *key;                  /* key columns, NULL-terminated */
	/* When set, the file's base name (without .csv) is added as this
	 * attribute and leads the key (access reviews: one file per review). */
	const char *file_attr;
	/* When set, the file speaks for the latest date in this column (an
	 * access review is evidence of the day it was done, not of the day
	 * it was imported). */
	const char *effective_column;
};

/* True for exactly `registers/<name>`. */
bool register_path_is(const char *path, const char *name);
/* True for `registers/<dir>/<file>.csv` (one level, any file name). */
bool register_path_in(const char *path, const char *dir);

/* Parses in->data as the register `spec` into one fact per row. */
int register_parse(const struct register_spec *spec,
		   const struct import_input *in, struct import_output *out,
		   struct error *err);

/* Declares the importer `importer_<ident>` for one register file. */
#define REGISTER_IMPORTER(ident, iname, idesc, spec, recognise_fn)          \
	static int ident##_parse(const struct import_input *in,             \
				 struct import_output *out,                 \
				 struct error *err)                         \
	{                                                                   \
		return register_parse(&(spec), in, out, err);               \
	}                                                                   \
	const struct importer importer_##ident = {                          \
		.name = iname,                                              \
		.source = "register",                                       \
		.description = idesc,                                       \
		.recognise = recognise_fn,                                  \
		.parse = ident##_parse,                                     \
	}

/* The common case: the importer of exactly `registers/<file>`. */
#define REGISTER_FILE_IMPORTER(ident, iname, idesc, spec, file)             \
	static bool ident##_recognise(const char *path, const char *data,   \
				      size_t size)                          \
	{                                                                   \
		(void)data;                                                 \
		(void)size;                                                 \
		return register_path_is(path, file);                        \
	}                                                                   \
	REGISTER_IMPORTER(ident, iname, idesc, spec, ident##_recognise)

#endif
