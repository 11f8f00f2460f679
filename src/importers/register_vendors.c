/*
 * register_vendors.c - registers/vendors.csv -> `vendor` facts:
 * the vendor register: service providers, tiers and their reviews.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const char *const tier_words[] = {
	"critical", "high", "medium", "low", NULL,
};

static const struct register_column columns[] = {
	{"name", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"tier", REG_ENUM, REG_REQUIRED, tier_words, 0, 0},
	{"service", REG_TEXT, 0, NULL, 0, 0},
	{"owner_email", REG_EMAIL, 0, NULL, 0, 0},
	{"last_review", REG_DATE, 0, NULL, 0, 0},
	{"soc2_report_expires", REG_DATE, 0, NULL, 0, 0},
	{"security_addendum", REG_YESNO, 0, NULL, 0, 0},
};

static const char *const key[] = {"name", NULL};

static const struct register_spec spec = {
	.kind = "vendor",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_vendors, "register.vendors",
		  "vendor register: service providers, tiers and their reviews",
		  spec, "vendors.csv");
