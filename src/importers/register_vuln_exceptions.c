/*
 * register_vuln_exceptions.c - registers/vuln-exceptions.csv -> `vuln_exception` facts:
 * the vulnerability exception register: accepted findings and their expiry.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const struct register_column columns[] = {
	{"vulnerability", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"target", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"justification", REG_TEXT, 0, NULL, 0, 0},
	{"approved_by", REG_EMAIL, REG_REQUIRED, NULL, 0, 0},
	{"expires", REG_DATE, 0, NULL, 0, 0},
};

static const char *const key[] = {"vulnerability", "target", NULL};

static const struct register_spec spec = {
	.kind = "vuln_exception",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_vuln_exceptions, "register.vuln-exceptions",
		  "vulnerability exception register: accepted findings and their expiry",
		  spec, "vuln-exceptions.csv");
