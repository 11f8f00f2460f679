/*
 * register_risks.c - registers/risks.csv -> `risk` facts:
 * the risk register: risks, scores, treatment and sign-off.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const char *const status_words[] = {
	"open", "closed", NULL,
};

static const char *const treatment_words[] = {
	"accept", "mitigate", "transfer", "avoid", NULL,
};

static const struct register_column columns[] = {
	{"id", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"title", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"likelihood", REG_INT, REG_REQUIRED, NULL, 1, 5},
	{"impact", REG_INT, REG_REQUIRED, NULL, 1, 5},
	{"treatment", REG_ENUM, REG_REQUIRED, treatment_words, 0, 0},
	{"owner_email", REG_EMAIL, 0, NULL, 0, 0},   /* risks.no-owner reports a gap */
	{"due", REG_DATE, 0, NULL, 0, 0},
	{"status", REG_ENUM, REG_REQUIRED, status_words, 0, 0},
	{"signed_off_by", REG_EMAIL, 0, NULL, 0, 0},
	{"signed_off_at", REG_DATE, 0, NULL, 0, 0},
	{"last_reviewed", REG_DATE, 0, NULL, 0, 0},
};

static const char *const key[] = {"id", NULL};

static const struct register_spec spec = {
	.kind = "risk",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_risks, "register.risks",
		  "risk register: risks, scores, treatment and sign-off",
		  spec, "risks.csv");
