/*
 * register_assets.c - registers/assets.csv -> `asset` facts:
 * the asset inventory: systems, owners and data classification.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const struct register_column columns[] = {
	{"id", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"name", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"type", REG_TEXT, 0, NULL, 0, 0},
	{"owner_email", REG_EMAIL, 0, NULL, 0, 0},
	{"environment", REG_TEXT, 0, NULL, 0, 0},
	{"classification", REG_TEXT, 0, NULL, 0, 0},
};

static const char *const key[] = {"id", NULL};

static const struct register_spec spec = {
	.kind = "asset",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_assets, "register.assets",
		  "asset inventory: systems, owners and data classification",
		  spec, "assets.csv");
