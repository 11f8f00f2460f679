/* result.c - result and severity names, and the AND table (see result.h). */
#include "core/result.h"

#include <stddef.h>

#include "util/error.h"
#include "util/text.h"

static const char *const result_names[RESULT_COUNT] = {
	[RESULT_PASS] = "pass",
	[RESULT_FAIL] = "fail",
	[RESULT_NOT_EVALUATED] = "not evaluated",
	[RESULT_ERROR] = "error",
};

static const char *const severity_names[SEVERITY_COUNT] = {
	[SEVERITY_LOW] = "low",
	[SEVERITY_MEDIUM] = "medium",
	[SEVERITY_HIGH] = "high",
	[SEVERITY_CRITICAL] = "critical",
};

/* and_table[a][b]; every row spelled out so a swapped entry is visible. */
static const enum result and_table[RESULT_COUNT][RESULT_COUNT] = {
	[RESULT_PASS] = {
		[RESULT_PASS] = RESULT_PASS,
		[RESULT_FAIL] = RESULT_FAIL,
		[RESULT_NOT_EVALUATED] = RESULT_NOT_EVALUATED,
		[RESULT_ERROR] = RESULT_ERROR,
	},
	[RESULT_FAIL] = {
		[RESULT_PASS] = RESULT_FAIL,
		[RESULT_FAIL] = RESULT_FAIL,
		[RESULT_NOT_EVALUATED] = RESULT_FAIL,
		[RESULT_ERROR] = RESULT_FAIL,
	},
	[RESULT_NOT_EVALUATED] = {
		[RESULT_PASS] = RESULT_NOT_EVALUATED,
		[RESULT_FAIL] = RESULT_FAIL,
		[RESULT_NOT_EVALUATED] = RESULT_NOT_EVALUATED,
		[RESULT_ERROR] = RESULT_ERROR,
	},
	[RESULT_ERROR] = {
		[RESULT_PASS] = RESULT_ERROR,
		[RESULT_FAIL] = RESULT_FAIL,
		[RESULT_NOT_EVALUATED] = RESULT_ERROR,
		[RESULT_ERROR] = RESULT_ERROR,
	},
};

const char *result_name(enum result r)
{
	return (r >= 0 && r < RESULT_COUNT) ? result_names[r] : "?";
}

const char *severity_name(enum severity s)
{
	return (s >= 0 && s < SEVERITY_COUNT) ? severity_names[s] : "?";
}

int severity_parse(const char *s, enum severity *out)
{
	for (int i = 0; i < SEVERITY_COUNT; i++)
		if (text_equal_nocase(s, severity_names[i])) {
			*out = (enum severity)i;
			return 0;
		}
	return ERR_INPUT;
}

enum result result_and(enum result a, enum result b)
{
	return and_table[a][b];
}
