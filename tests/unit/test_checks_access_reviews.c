/* test_checks_access_reviews.c - access.review-missing and
 * access.review-revoke-not-done (src/checks/access_reviews.c) over an
 * account history of several snapshots: missing quarters, accounts a
 * review left out, revokes carried out on time, late, or not at all. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "check_test.h"

#define AS_OF "2026-09-30"

/* An account in the snapshot of `day`. */
static void account(struct fact_list *l, const char *system, const char *name,
		    const char *day, bool active)
{
	char key[256], json[512];

	snprintf(key, sizeof(key), "%s/%s", system, name);
	snprintf(json, sizeof(json),
		 "{\"system\":\"%s\",\"account\":\"%s\",\"active\":%s,\"status\":\"%s\","
		 "\"kind\":\"user\"}", system, name, active ? "true" : "false",
		 active ? "active" : "suspended");
	add_fact(l, "account", key, json, day, "sha256:snap");
}

static void review(struct fact_list *l, const char *file, const char *system,
		   const char *name, const char *decision, const char *day)
{
	char key[256], json[512];

	snprintf(key, sizeof(key), "%s/%s/%s", file, system, name);
	snprintf(json, sizeof(json),
		 "{\"review\":\"%s\",\"system\":\"%s\",\"account\":\"%s\","
		 "\"email\":null,\"access\":\"user\",\"decision\":\"%s\","
		 "\"reviewer\":\"sec@acme.example\",\"reviewed_at\":\"%s\"}",
		 file, system, name, decision, day);
	add_fact(l, "access_review", key, json, day, "sha256:review");
}

/* Okta: three snapshots.  alice stays; bob is kept in Q2 (and revoked in
 * a later review in some tests) and still there in August; dan is revoked
 * in Q2 and absent from the snapshot taken on the due day; erin is revoked
 * in Q2 and suspended in that snapshot; carl joins in July. */
static void okta_history(struct fact_list *l)
{
	account(l, "okta", "alice", "2026-05-01", true);
	account(l, "okta", "bob", "2026-05-01", true);
	account(l, "okta", "dan", "2026-05-01", true);
	account(l, "okta", "erin", "2026-05-01", true);
	account(l, "okta", "erin", "2026-06-16", false);
	account(l, "okta", "alice", "2026-06-16", true);
	account(l, "okta", "bob", "2026-06-16", true);
	account(l, "okta", "alice", "2026-08-01", true);
	account(l, "okta", "bob", "2026-08-01", true);
	account(l, "okta", "carl", "2026-08-01", true);
	account(l, "okta", "erin", "2026-08-01", false);
}

static void okta_q2(struct fact_list *l)
{
	review(l, "2026-q2-okta", "okta", "alice", "keep", "2026-06-15");
	review(l, "2026-q2-okta", "okta", "bob", "keep", "2026-06-15");
	review(l, "2026-q2-okta", "okta", "dan", "revoke", "2026-06-15");
	review(l, "2026-q2-okta", "okta", "erin", "revoke", "2026-06-15");
}

static const struct finding *finding(const struct check_run *run, const char *subject,
				     const char *system)
{
	for (size_t i = 0; i < run->findings.count; i++)
		if (strcmp(run->findings.items[i].subject, subject) == 0 &&
		    strcmp(run->findings.items[i].system, system) == 0)
			return &run->findings.items[i];
	fail_msg("no finding for %s in %s", subject, system);
	return NULL;
}

static void expect(const struct check_run *run, const char *subject,
		   const char *system, const char *detail)
{
	assert_string_equal(finding(run, subject, system)->detail, detail);
}

static void show(const struct check_run *run)
{
	for (size_t i = 0; i < run->findings.count; i++)
		print_message("finding: %s %s: %s\n", run->findings.items[i].subject,
			      run->findings.items[i].system, run->findings.items[i].detail);
}

static void test_review_missing_fails(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	okta_history(&l);
	okta_q2(&l);
	/* Q3: only alice reviewed; bob and carl were active on 2026-09-10. */
	review(&l, "2026-q3-okta", "okta", "alice", "keep", "2026-09-10");
	/* GitHub: reviewed in Q2, never in Q3. */
	account(&l, "github:acme", "octo", "2026-05-01", true);
	review(&l, "2026-q2-github", "github:acme", "octo", "keep", "2026-05-20");
	assert_int_equal(run_one_check("access.review-missing", &l, NULL, AS_OF, NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 3);
	expect(&run, "2026-Q3", "github:acme",
	       "no access review of github:acme dated in 2026-Q3 (2026-07-01..2026-09-30)");
	expect(&run, "bob", "okta",
	       "Okta user bob was active in the snapshot of 2026-08-01 but is not in "
	       "the 2026-Q3 access review (2026-q3-okta, reviewed 2026-09-10)");
	expect(&run, "carl", "okta",
	       "Okta user carl was active in the snapshot of 2026-08-01 but is not in "
	       "the 2026-Q3 access review (2026-q3-okta, reviewed 2026-09-10)");
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_review_missing_passes(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	okta_history(&l);
	okta_q2(&l);
	/* erin is suspended in August: not needed in the Q3 review. */
	review(&l, "2026-q3-okta", "okta", "alice", "keep", "2026-09-10");
	review(&l, "2026-q3-okta", "okta", "BOB", "keep", "2026-09-10");
	review(&l, "2026-q3-okta", "okta", "carl", "keep", "2026-09-11");
	/* First seen in August: only Q3 needs a review. */
	account(&l, "github:new", "octo", "2026-08-01", true);
	review(&l, "2026-q3-github", "github:new", "octo", "keep", "2026-09-01");
	assert_int_equal(run_one_check("access.review-missing", &l, NULL, AS_OF, NULL,
				       &run), RESULT_PASS);
	show(&run);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	/* Q3 has not ended on 2026-09-29: only Q2 is judged. */
	fact_list_release(&l);
	fact_list_init(&l);
	okta_history(&l);
	okta_q2(&l);
	assert_int_equal(run_one_check("access.review-missing", &l, NULL, "2026-09-29",
				       NULL, &run), RESULT_PASS);
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_review_periods_without_window(void **state)
{
	struct fact_list l;
	struct check_run run;
	struct config c;

	(void)state;
	config_defaults(&c);   /* no audit window: the latest ended quarter */
	fact_list_init(&l);
	okta_history(&l);
	okta_q2(&l);
	assert_int_equal(run_one_check("access.review-missing", &l, NULL, AS_OF, &c,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	expect(&run, "2026-Q3", "okta",
	       "no access review of okta dated in 2026-Q3 (2026-07-01..2026-09-30)");
	check_run_release(&run);
	assert_int_equal(run_one_check("access.review-missing", &l, NULL, "2026-08-15",
				       &c, &run), RESULT_PASS);
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_revoke_fails(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	okta_history(&l);
	okta_q2(&l);
	/* bob: revoked in a later review, still there in August. */
	review(&l, "2026-q2b-okta", "okta", "bob", "revoke", "2026-06-20");
	/* GitHub: revoked, and no export since shows it gone. */
	account(&l, "github:acme", "hub", "2026-05-01", true);
	review(&l, "2026-q2-github", "github:acme", "hub", "revoke", "2026-05-20");
	/* Not in any snapshot since the review: the state as of the date
	 * says it is gone (no false alarm). */
	review(&l, "2026-q2-github", "github:acme", "left", "revoke", "2026-05-20");
	assert_int_equal(run_one_check("access.review-revoke-not-done", &l, NULL, AS_OF,
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	expect(&run, "bob", "okta",
	       "access review 2026-q2b-okta (2026-06-20, reviewer sec@acme.example) "
	       "decided revoke, due by 2026-06-21; Okta user bob still active in the "
	       "snapshot of 2026-08-01");
	expect(&run, "hub", "github:acme",
	       "access review 2026-q2-github (2026-05-20, reviewer sec@acme.example) "
	       "decided revoke, due by 2026-05-21; GitHub member hub still active in "
	       "the latest snapshot of 2026-05-01");
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_revoke_passes(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	okta_history(&l);
	okta_q2(&l);
	/* Decided on 2026-09-29: due 2026-09-30, not late on the date. */
	review(&l, "2026-q3-okta", "okta", "bob", "revoke", "2026-09-29");
	assert_int_equal(run_one_check("access.review-revoke-not-done", &l, NULL, AS_OF,
				       NULL, &run), RESULT_PASS);
	show(&run);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_reviews_not_evaluated(void **state)
{
	static const char *const only_okta[] = {"okta.users", NULL};
	static const char *const only_registers[] = {"register.access-reviews", NULL};
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	okta_history(&l);
	okta_q2(&l);
	assert_int_equal(run_one_check("access.review-revoke-not-done", &l, only_okta,
				       AS_OF, NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no register.access-reviews evidence imported as of this date");
	check_run_release(&run);
	assert_int_equal(run_one_check("access.review-missing", &l, only_registers,
				       AS_OF, NULL, &run), RESULT_NOT_EVALUATED);
	check_run_release(&run);
	fact_list_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_review_missing_fails),
		cmocka_unit_test(test_review_missing_passes),
		cmocka_unit_test(test_review_periods_without_window),
		cmocka_unit_test(test_revoke_fails),
		cmocka_unit_test(test_revoke_passes),
		cmocka_unit_test(test_reviews_not_evaluated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
