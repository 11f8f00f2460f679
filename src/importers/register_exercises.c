/*
 * register_exercises.c - registers/exercises.csv -> `exercise` facts:
 * the exercise register: tabletop, DR and backup-restore tests.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const char *const exercise_words[] = {
	"tabletop", "dr-test", "backup-restore", NULL,
};

static const struct register_column columns[] = {
	{"type", REG_ENUM, REG_REQUIRED, exercise_words, 0, 0},
	{"date", REG_DATE, REG_REQUIRED, NULL, 0, 0},
	{"title", REG_TEXT, 0, NULL, 0, 0},
	{"outcome", REG_TEXT, 0, NULL, 0, 0},
};

static const char *const key[] = {"type", "date", NULL};

static const struct register_spec spec = {
	.kind = "exercise",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_exercises, "register.exercises",
		  "exercise register: tabletop, DR and backup-restore tests",
		  spec, "exercises.csv");
