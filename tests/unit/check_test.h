/*
 * check_test.h - helpers for unit tests of checks: build facts from JSON
 * text, run one check over them with the in-memory fact source, and look at
 * the findings.  Header-only so every tests/unit/test_checks_*.c links alone.
 *
 *     struct fact_list facts; fact_list_init(&facts);
 *     add_fact(&facts, "person", "a@x.example",
 *              "{\"email\":\"a@x.example\",\"end_date\":\"2026-05-01\"}",
 *              "2026-09-30", "sha256:aa");
 *     struct check_run run;
 *     run_one_check("access.leaver-active-account", &facts, NULL, "2026-09-30", NULL, &run);
 *     assert_int_equal(run.findings.count, 1);
 */
#ifndef ATTEST_TESTS_CHECK_TEST_H
#define ATTEST_TESTS_CHECK_TEST_H

#include <string.h>

#include "checks/engine.h"
#include "util/text.h"

/* Adds a fact whose attributes are the JSON object `json`; `effective` is
 * "YYYY-MM-DD" or NULL (always in force); `digest` names its evidence. */
static inline void add_fact(struct fact_list *l, const char *kind, const char *key,
			    const char *json, const char *effective, const char *digest)
{
	json_error_t jerr;
	json_t *data = json_loads(json, 0, &jerr);
	struct fact *f;

	if (!data)
		fail_msg("bad test JSON for %s %s: %s (column %d)", kind, key, jerr.text,
			 jerr.column);
	assert_int_equal(fact_list_add(l, kind, key, data), 0);
	f = &l->items[l->count - 1];
	f->effective = DAY_NONE;
	if (effective)
		assert_int_equal(date_parse(effective, &f->effective), 0);
	text_copy(f->digest, sizeof(f->digest), digest ? digest : "sha256:test");
	f->evidence_id = (int64_t)l->count;
}

/* Runs the check called `id` as of `as_of` over `facts`.  `present` lists
 * importer names treated as imported (NULL = all); `config` NULL = defaults
 * with an audit window 2026-04-01..2026-09-30. */
static inline enum result run_one_check(const char *id, const struct fact_list *facts,
					const char *const *present, const char *as_of,
					const struct config *config, struct check_run *run)
{
	struct config defaults;
	struct fact_source *src = NULL;
	struct error err;
	day_t day;
	int rc;

	if (!check_find(id))
		fail_msg("no check called %s in the registry", id);
	if (!config) {
		config_defaults(&defaults);
		date_parse("2026-04-01", &defaults.window_start);
		date_parse("2026-09-30", &defaults.window_end);
		config = &defaults;
	}
	assert_int_equal(date_parse(as_of, &day), 0);
	assert_int_equal(fact_source_memory(facts, present, &src), 0);
	error_clear(&err);
	rc = checks_run(config, day, src, NULL, id, run, &err);
	fact_source_free(src);
	if (rc)
		fail_msg("checks_run failed: %s", err.message);
	assert_int_equal(run->count, 1);
	if (run->outcomes[0].result == RESULT_ERROR)
		fail_msg("check %s errored: %s", id, run->outcomes[0].reason);
	return run->outcomes[0].result;
}

/* The index of the finding whose subject is `subject`, or -1. */
static inline int finding_index(const struct check_run *run, const char *subject)
{
	for (size_t i = 0; i < run->findings.count; i++)
		if (strcmp(run->findings.items[i].subject, subject) == 0)
			return (int)i;
	return -1;
}

/* The finding whose subject is `subject`; fails the test when none. */
static inline const struct finding *finding_for(const struct check_run *run,
						const char *subject)
{
	int i = finding_index(run, subject);

	if (i < 0)
		fail_msg("no finding for %s", subject);
	return &run->findings.items[i];
}

/* Asserts the system and detail of the finding about `subject`. */
static inline void assert_finding(const struct check_run *run, const char *subject,
				  const char *system, const char *detail)
{
	const struct finding *f = finding_for(run, subject);

	assert_string_equal(f->system, system);
	assert_string_equal(f->detail, detail);
}

#endif
