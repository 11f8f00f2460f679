/* test_detect_coverage.c - "does this metric filter cover CIS item X",
 * decided by probe events: real filters from Cloud Custodian's recorded
 * DescribeMetricFilters responses, spacing/quoting variants, incomplete
 * and broader filters. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "detect/coverage.h"
#include "detect/rules.h"

static bool covers(const char *filter, const char *rule, struct buf *missed)
{
	struct error err = {0};
	bool covered = false;
	int rc = detect_filter_covers(filter, rule, &covered, missed, &err);

	if (rc)
		fail_msg("%s vs %s: %s", filter, rule, err.message);
	return covered;
}

/* filterPattern of the first metric filter of a placebo fixture. */
static char *placebo_filter(const char *name)
{
	char path[1024];
	const char *shared = getenv("ATTEST_SHARED");
	json_error_t jerr;
	json_t *root, *fp;
	char *out;

	snprintf(path, sizeof(path), "%s/fixtures/real/cloud-custodian-placebo/%s",
		 shared && *shared ? shared : "../shared", name);
	root = json_load_file(path, 0, &jerr);
	assert_non_null(root);
	fp = json_object_get(json_array_get(json_object_get(
		json_object_get(root, "data"), "metricFilters"), 0),
			     "filterPattern");
	assert_true(json_is_string(fp));
	out = strdup(json_string_value(fp));
	json_decref(root);
	return out;
}

static void test_every_cis_rule_covers_itself(void **state)
{
	size_t n;
	const struct detect_builtin *b = detect_builtin_rules(&n);

	(void)state;
	for (size_t i = 0; i < n; i++)
		if (!b[i].count)
			assert_true(covers(b[i].pattern, b[i].id, NULL));
}

static void test_real_placebo_filters(void **state)
{
	char *mfa = placebo_filter("test_cloudtrail_success_log_metric_filter__"
				   "logs.DescribeMetricFilters_1.json");
	char *auth = placebo_filter("test_cloudtrail_success_regex_log_metric_"
				    "filter__logs.DescribeMetricFilters_1.json");

	(void)state;
	/* `MFAUsed != Yes` unquoted, CIS v1.2 form without the IAMUser and
	 * Success clauses: broader than CloudWatch.3, so it covers it. */
	assert_string_equal(mfa, "{ ($.eventName = ConsoleLogin) && "
			    "($.additionalEventData.MFAUsed != Yes) }");
	assert_true(covers(mfa, "cis.console-no-mfa", NULL));
	assert_true(covers(mfa, "CloudWatch.3", NULL));
	assert_false(covers(mfa, "cis.console-auth-failure", NULL));
	assert_true(covers(auth, "cis.console-auth-failure", NULL));
	assert_true(covers(auth, "CloudWatch.6", NULL));
	assert_false(covers(auth, "cis.root-usage", NULL));
	free(mfa);
	free(auth);
}

static void test_spacing_quoting_order_variants(void **state)
{
	(void)state;
	assert_true(covers("{$.eventName=\"CreateTrail\"||$.eventName=UpdateTrail||"
			   "$.eventName=DeleteTrail||$.eventName=StartLogging||"
			   "$.eventName=StopLogging}", "cis.cloudtrail-change", NULL));
	assert_true(covers("{ ($.eventName = StopLogging) || ($.eventName = "
			   "StartLogging) || ($.eventName = DeleteTrail) || "
			   "($.eventName = UpdateTrail) || ($.eventName = "
			   "CreateTrail) }", "cis.cloudtrail-change", NULL));
	assert_true(covers("{ $.eventName = \"*Trail\" || $.eventName = *Logging }",
			   "cis.cloudtrail-change", NULL));
	assert_true(covers("{ ($.errorCode = \"*UnauthorizedOperation\") || "
			   "($.errorCode = \"AccessDenied*\") || "
			   "($.sourceIPAddress != delivery.logs.amazonaws.com) }",
			   "cis.unauthorized-api", NULL));
	/* matches everything: covers, trivially */
	assert_true(covers("", "cis.vpc-change", NULL));
}

static void test_incomplete_filter_reports_missed_probes(void **state)
{
	struct buf missed = BUF_INIT;

	(void)state;
	assert_false(covers("{ ($.eventName = CreateTrail) || ($.eventName = "
			    "UpdateTrail) || ($.eventName = DeleteTrail) || "
			    "($.eventName = StartLogging) }",
			    "cis.cloudtrail-change", &missed));
	assert_non_null(strstr(missed.data, "eventName=StopLogging "
			       "eventSource=cloudtrail.amazonaws.com"));
	assert_null(strstr(missed.data, "eventName=DeleteTrail"));
	buf_release(&missed);

	/* case matters: MFAUsed != yes lets "Yes" through but is it covering?
	 * It matches MORE (every "Yes" too), so yes; != "No" misses probes. */
	assert_true(covers("{ ($.eventName = ConsoleLogin) && "
			   "($.additionalEventData.MFAUsed != yes) }",
			   "cis.console-no-mfa", NULL));
	assert_false(covers("{ ($.eventName = ConsoleLogin) && "
			    "($.additionalEventData.MFAUsed = Yes) }",
			    "cis.console-no-mfa", NULL));
	/* the kms rule needs both names, within the kms source */
	assert_false(covers("{ $.eventName = DisableKey }", "cis.kms-disable",
			    NULL));
	assert_true(covers("{ ($.eventName = DisableKey) || ($.eventName = "
			   "ScheduleKeyDeletion) }", "cis.kms-disable", NULL));
	assert_false(covers("{ ($.eventSource = kms.amazonaws.com) && "
			    "($.eventName = DisableKey) }", "cis.kms-disable", NULL));
	/* root usage without the invokedBy clause is broader: covers */
	assert_true(covers("{ $.userIdentity.type = \"Root\" }",
			   "cis.root-usage", NULL));
	assert_false(covers("{ $.userIdentity.type = \"Root\" && "
			    "$.eventType = \"AwsConsoleSignIn\" }",
			    "cis.root-usage", NULL));
}

static void test_errors(void **state)
{
	struct error err = {0};
	bool covered = true;

	(void)state;
	assert_int_equal(detect_filter_covers("{ $.eventName = }", "cis.vpc-change",
					      &covered, NULL, &err), ERR_INPUT);
	assert_string_equal(err.message, "expected value after '=' at column 17");
	assert_int_equal(detect_filter_covers("", "cis.nope", &covered, NULL,
					      &err), ERR_NOTFOUND);
	assert_int_equal(detect_filter_covers("", "threshold.console-login-"
					      "failures", &covered, NULL, &err),
			 ERR_NOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_cis_rule_covers_itself),
		cmocka_unit_test(test_real_placebo_filters),
		cmocka_unit_test(test_spacing_quoting_order_variants),
		cmocka_unit_test(test_incomplete_filter_reports_missed_probes),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
