/*
 * register_training.c - registers/training.csv -> `training` facts:
 * the security training register: who completed which course when.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const struct register_column columns[] = {
	{"email", REG_EMAIL, REG_REQUIRED, NULL, 0, 0},
	{"course", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"completed_at", REG_DATE, REG_REQUIRED, NULL, 0, 0},
};

static const char *const key[] = {"email", "course", "completed_at", NULL};

static const struct register_spec spec = {
	.kind = "training",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_training, "register.training",
		  "security training register: who completed which course when",
		  spec, "training.csv");
