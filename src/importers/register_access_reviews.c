/*
 * register_access_reviews.c - registers/access-reviews/<review>.csv -> `access_review` facts:
 * the access review register: one file per review, one row per account reviewed.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const char *const decision_words[] = {
	"keep", "revoke", "modify", NULL,
};

static const struct register_column columns[] = {
	{"system", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"account", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"email", REG_EMAIL, 0, NULL, 0, 0},
	{"access", REG_TEXT, 0, NULL, 0, 0},
	{"decision", REG_ENUM, REG_REQUIRED, decision_words, 0, 0},
	{"reviewer", REG_EMAIL, REG_REQUIRED, NULL, 0, 0},
	{"reviewed_at", REG_DATE, REG_REQUIRED, NULL, 0, 0},
};

static const char *const key[] = {"system", "account", NULL};

static const struct register_spec spec = {
	.kind = "access_review",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
	.file_attr = "review",
	.effective_column = "reviewed_at",
};

static bool recognise(const char *path, const char *data, size_t size)
{
	(void)data;
	(void)size;
	return register_path_in(path, "access-reviews");
}

REGISTER_IMPORTER(register_access_reviews, "register.access-reviews",
		  "access review register: one file per review, one row per account reviewed",
		  spec, recognise);
