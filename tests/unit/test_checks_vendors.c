/*
 * test_checks_vendors.c - vendors.review-overdue, vendors.soc2-report and
 * vendors.no-security-addendum over `vendor` facts as register.vendors
 * writes them (empty cells are JSON null, security_addendum a boolean).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "check_test.h"

static void add_vendor(struct fact_list *l, const char *name, const char *tier,
		       const char *last_review, const char *soc2, const char *addendum)
{
	char json[512];

	snprintf(json, sizeof(json),
		 "{\"name\":\"%s\",\"tier\":\"%s\",\"service\":\"hosting\","
		 "\"owner_email\":\"cto@acme.example\",\"last_review\":%s,"
		 "\"soc2_report_expires\":%s,\"security_addendum\":%s}",
		 name, tier, last_review, soc2, addendum);
	add_fact(l, "vendor", name, json, NULL, "sha256:vendors");
}

/* A register where every in-scope vendor is fine on 2026-06-30, and a
 * medium-tier vendor that would fail every rule. */
static void compliant(struct fact_list *l)
{
	add_vendor(l, "AWS", "critical", "\"2025-06-30\"", "\"2026-06-30\"", "true");
	add_vendor(l, "Slack", "high", "\"2026-01-15\"", "\"2027-01-31\"", "true");
	add_vendor(l, "Notion", "medium", "null", "null", "false");
	add_vendor(l, "Calendly", "low", "\"2019-01-01\"", "\"2020-01-01\"", "null");
}

static void test_compliant_and_medium_tier(void **state)
{
	static const char *const ids[] = {
		"vendors.review-overdue", "vendors.soc2-report", "vendors.no-security-addendum",
	};
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	compliant(&facts);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(run_one_check(ids[i], &facts, NULL, "2026-06-30", NULL, &run),
				 RESULT_PASS);
		assert_int_equal(run.findings.count, 0);
		check_run_release(&run);
	}
	fact_list_release(&facts);
}

static void test_review_overdue(void **state)
{
	struct fact_list facts;
	struct check_run run;
	int i;

	(void)state;
	fact_list_init(&facts);
	compliant(&facts);
	add_vendor(&facts, "Stripe", "critical", "\"2025-04-01\"", "\"2027-01-01\"", "true");
	add_vendor(&facts, "Zoom", "high", "null", "\"2027-01-01\"", "true");
	/* AWS was reviewed 365 days before: due today, not overdue. */
	assert_int_equal(run_one_check("vendors.review-overdue", &facts, NULL, "2026-06-30",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	i = finding_index(&run, "Stripe");
	assert_true(i >= 0);
	assert_string_equal(run.findings.items[i].system, "");
	assert_string_equal(run.findings.items[i].detail,
			    "critical-tier vendor; last reviewed 2025-04-01, 455 days ago "
			    "(review due 2026-04-01, every 365 days)");
	assert_int_equal(run.findings.items[i].severity, SEVERITY_HIGH);
	i = finding_index(&run, "Zoom");
	assert_string_equal(run.findings.items[i].detail,
			    "high-tier vendor; no review recorded (reviews due every 365 days)");
	assert_int_equal(run.findings.items[i].severity, SEVERITY_MEDIUM);
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_review_tiers_from_config(void **state)
{
	struct fact_list facts;
	struct check_run run;
	struct config config;

	(void)state;
	config_defaults(&config);
	config.vendor_review_tiers = 1u | 4u;  /* critical and medium */
	fact_list_init(&facts);
	compliant(&facts);
	add_vendor(&facts, "Zoom", "high", "null", "null", "false");
	assert_int_equal(run_one_check("vendors.review-overdue", &facts, NULL, "2026-06-30",
				       &config, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].subject, "Notion");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_soc2_report(void **state)
{
	struct fact_list facts;
	struct check_run run;
	int i;

	(void)state;
	fact_list_init(&facts);
	compliant(&facts);
	add_vendor(&facts, "Stripe", "critical", "\"2026-04-01\"", "\"2026-05-31\"", "true");
	add_vendor(&facts, "Zoom", "high", "\"2026-04-01\"", "null", "true");
	/* AWS's report expires on the date: still current. */
	assert_int_equal(run_one_check("vendors.soc2-report", &facts, NULL, "2026-06-30",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	i = finding_index(&run, "Stripe");
	assert_string_equal(run.findings.items[i].detail,
			    "critical-tier vendor; SOC 2 report expired 2026-05-31, 30 days ago");
	i = finding_index(&run, "Zoom");
	assert_string_equal(run.findings.items[i].detail,
			    "high-tier vendor; no SOC 2 report on file (soc2_report_expires is "
			    "empty)");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_security_addendum(void **state)
{
	struct fact_list facts;
	struct check_run run;
	int i;

	(void)state;
	fact_list_init(&facts);
	compliant(&facts);
	add_vendor(&facts, "Stripe", "critical", "\"2026-04-01\"", "\"2027-05-31\"", "false");
	add_vendor(&facts, "Zoom", "high", "\"2026-04-01\"", "\"2027-05-31\"", "null");
	assert_int_equal(run_one_check("vendors.no-security-addendum", &facts, NULL,
				       "2026-06-30", NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	i = finding_index(&run, "Stripe");
	assert_string_equal(run.findings.items[i].detail,
			    "critical-tier vendor; no security addendum signed "
			    "(security_addendum: no)");
	assert_int_equal(run.findings.items[i].evidence_count, 1);
	assert_string_equal(run.findings.items[i].evidence[0], "sha256:vendors");
	i = finding_index(&run, "Zoom");
	assert_string_equal(run.findings.items[i].detail,
			    "high-tier vendor; security addendum not recorded "
			    "(security_addendum is empty)");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_not_evaluated(void **state)
{
	static const char *const present[] = {"register.risks", NULL};
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	assert_int_equal(run_one_check("vendors.soc2-report", &facts, present, "2026-06-30",
				       NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no register.vendors evidence imported as of this date");
	check_run_release(&run);
	fact_list_release(&facts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compliant_and_medium_tier),
		cmocka_unit_test(test_review_overdue),
		cmocka_unit_test(test_review_tiers_from_config),
		cmocka_unit_test(test_soc2_report),
		cmocka_unit_test(test_security_addendum),
		cmocka_unit_test(test_not_evaluated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
