/*
 * register_background_checks.c - registers/background-checks.csv -> `background_check` facts:
 * the background check register: completion date per person.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const struct register_column columns[] = {
	{"email", REG_EMAIL, REG_REQUIRED, NULL, 0, 0},
	{"completed_at", REG_DATE, 0, NULL, 0, 0},
};

static const char *const key[] = {"email", NULL};

static const struct register_spec spec = {
	.kind = "background_check",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_background_checks, "register.background-checks",
		  "background check register: completion date per person",
		  spec, "background-checks.csv");
