/*
 * register_incidents.c - registers/incidents.csv -> `incident` facts:
 * the incident register: security incidents and their handling dates.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const struct register_column columns[] = {
	{"id", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"title", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"severity", REG_TEXT, 0, NULL, 0, 0},
	{"detected_at", REG_DATE, REG_REQUIRED, NULL, 0, 0},
	{"resolved_at", REG_DATE, 0, NULL, 0, 0},
	{"postmortem_at", REG_DATE, 0, NULL, 0, 0},
};

static const char *const key[] = {"id", NULL};

static const struct register_spec spec = {
	.kind = "incident",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_incidents, "register.incidents",
		  "incident register: security incidents and their handling dates",
		  spec, "incidents.csv");
