/*
 * test_checks_policies.c - policies.not-approved and
 * policies.review-overdue over `policy` facts as policy.markdown writes
 * them (approved_by/approved_at null when absent, review_days always set).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "check_test.h"

/* `by`, `at` and `review_days` are JSON values. */
static void add_policy(struct fact_list *l, const char *id, const char *version,
		       const char *by, const char *at, const char *review_days)
{
	char json[512];

	snprintf(json, sizeof(json),
		 "{\"id\":\"%s\",\"title\":\"Policy %s\",\"owner\":\"ciso\","
		 "\"version\":\"%s\",\"approved_by\":%s,\"approved_at\":%s,"
		 "\"review_days\":%s,\"controls\":[\"PL-01\"],\"path\":\"policies/%s.md\"}",
		 id, id, version, by, at, review_days, id);
	add_fact(l, "policy", id, json, NULL, "sha256:policies");
}

static void good_policies(struct fact_list *l)
{
	add_policy(l, "information-security", "3", "\"ceo@acme.example\"", "\"2025-06-30\"",
		   "365");
	add_policy(l, "access-control", "1.2", "\"ceo@acme.example\"", "\"2026-05-01\"",
		   "180");
}

static void expect_pass(const char *id, const struct fact_list *facts, const char *as_of,
			const struct config *config)
{
	struct check_run run;

	assert_int_equal(run_one_check(id, facts, NULL, as_of, config, &run), RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
}

static void test_good_policies_pass(void **state)
{
	struct fact_list facts;

	(void)state;
	fact_list_init(&facts);
	good_policies(&facts);
	expect_pass("policies.not-approved", &facts, "2026-06-30", NULL);
	/* Approved 365 days before: the review is due today, not overdue. */
	expect_pass("policies.review-overdue", &facts, "2026-06-30", NULL);
	fact_list_release(&facts);
}

static void test_not_approved(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	good_policies(&facts);
	add_policy(&facts, "backup", "1", "null", "null", "365");
	add_policy(&facts, "vendor", "2", "null", "\"2026-01-01\"", "365");
	add_policy(&facts, "incident", "4", "\"cto@acme.example\"", "null", "365");
	add_policy(&facts, "privacy", "1", "\"cto@acme.example\"", "\"2026-07-01\"", "365");
	assert_int_equal(run_one_check("policies.not-approved", &facts, NULL, "2026-06-30",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 4);
	assert_string_equal(run.findings.items[finding_index(&run, "backup")].detail,
			    "\"Policy backup\" version 1 is not approved (approved_by and "
			    "approved_at are empty)");
	assert_string_equal(run.findings.items[finding_index(&run, "vendor")].detail,
			    "\"Policy vendor\" version 2 has no approver (approved_by is empty)");
	assert_string_equal(run.findings.items[finding_index(&run, "incident")].detail,
			    "\"Policy incident\" version 4 has no approval date (approved_at is "
			    "empty)");
	assert_string_equal(run.findings.items[finding_index(&run, "privacy")].detail,
			    "\"Policy privacy\" version 1 is approved by cto@acme.example on "
			    "2026-07-01, after the date checked");
	assert_string_equal(run.findings.items[0].system, "");
	assert_int_equal(run.findings.items[0].severity, SEVERITY_HIGH);
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_review_overdue(void **state)
{
	struct fact_list facts;
	struct check_run run;
	struct config config;

	(void)state;
	fact_list_init(&facts);
	good_policies(&facts);
	/* access-control's own 180 days end on 10-28: only the other is late. */
	assert_int_equal(run_one_check("policies.review-overdue", &facts, NULL, "2026-10-28",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].subject, "information-security");
	check_run_release(&run);
	assert_int_equal(run_one_check("policies.review-overdue", &facts, NULL, "2026-10-29",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	assert_string_equal(run.findings.items[finding_index(&run, "access-control")].detail,
			    "\"Policy access-control\" version 1.2 was approved 2026-05-01; "
			    "review was due 2026-10-28 (every 180 days), 1 day ago");
	assert_string_equal(run.findings.items[finding_index(&run, "information-security")]
				    .detail,
			    "\"Policy information-security\" version 3 was approved 2025-06-30; "
			    "review was due 2026-06-30 (every 365 days), 121 days ago");
	check_run_release(&run);
	fact_list_release(&facts);

	/* Without review_days the config's policy_review_days applies; an
	 * unapproved policy is left to policies.not-approved. */
	config_defaults(&config);
	config.policy_review_days = 90;
	fact_list_init(&facts);
	add_policy(&facts, "byod", "1", "\"ceo@acme.example\"", "\"2026-03-01\"", "null");
	add_policy(&facts, "backup", "1", "null", "null", "null");
	assert_int_equal(run_one_check("policies.review-overdue", &facts, NULL, "2026-06-30",
				       &config, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].detail,
			    "\"Policy byod\" version 1 was approved 2026-03-01; review was due "
			    "2026-05-30 (every 90 days), 31 days ago");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_not_evaluated(void **state)
{
	static const char *const present[] = {"register.risks", "hr.roster", NULL};
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	assert_int_equal(run_one_check("policies.not-approved", &facts, present, "2026-06-30",
				       NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no policy. evidence imported as of this date");
	check_run_release(&run);
	assert_int_equal(run_one_check("policies.review-overdue", &facts, present,
				       "2026-06-30", NULL, &run), RESULT_NOT_EVALUATED);
	check_run_release(&run);
	fact_list_release(&facts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_policies_pass),
		cmocka_unit_test(test_not_approved),
		cmocka_unit_test(test_review_overdue),
		cmocka_unit_test(test_not_evaluated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
