/*
 * register_identities.c - registers/identities.csv -> `identity` facts:
 * the identities register: which person an account belongs to.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const struct register_column columns[] = {
	{"system", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"account", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"email", REG_EMAIL, REG_REQUIRED, NULL, 0, 0},
};

static const char *const key[] = {"system", "account", NULL};

static const struct register_spec spec = {
	.kind = "identity",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_identities, "register.identities",
		  "identities register: which person an account belongs to",
		  spec, "identities.csv");
