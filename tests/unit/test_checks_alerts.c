/* test_checks_alerts.c - logging.alert-untriaged: tickets naming the alert,
 * late tickets, grouped bursts, threshold alerts across files, the window. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>

#include "check_test.h"

#define ID "logging.alert-untriaged"

static void alert(struct fact_list *l, const char *kind, const char *rule, const char *event_id,
		  const char *time, const char *principal)
{
	char json[1024], key[256];

	snprintf(key, sizeof(key), "%s:%s/%s", rule, event_id, kind);
	snprintf(json, sizeof(json),
		 "{\"system\":\"aws:111122223333\",\"rule\":\"%s\",\"title\":\"Rule %s\","
		 "\"severity\":\"high\",\"event_id\":\"%s\",\"event_time\":\"%s\","
		 "\"event_name\":\"ConsoleLogin\",\"principal\":\"%s\",\"principal_type\":\"IAMUser\","
		 "\"source_ip\":\"192.0.2.1\",\"key\":\"%s\",\"record\":0}",
		 rule, rule, event_id, time, principal, principal);
	add_fact(l, kind, key, json, NULL, "sha256:ct");
}

static void ticket(struct fact_list *l, const char *key, const char *summary, const char *created)
{
	char json[1024];

	snprintf(json, sizeof(json),
		 "{\"key\":\"%s\",\"summary\":\"%s\",\"text\":\"\",\"labels\":[\"Security-Alert\"],"
		 "\"created_at\":\"%s\",\"resolved_at\":null}",
		 key, summary, created);
	add_fact(l, "ticket", key, json, NULL, "sha256:jira");
}

static void test_triaged_alerts_pass(void **state)
{
	struct fact_list f;
	struct check_run run;

	(void)state;
	fact_list_init(&f);
	alert(&f, "cloudtrail_alert", "cis.root-usage", "e-1", "2026-05-20T14:02:11Z", "root");
	ticket(&f, "SEC-1", "Root sign-in e-1 reviewed", "2026-05-20T18:00:00Z");
	/* A burst of one rule and principal is one alert: naming any event of
	 * it triages it. */
	alert(&f, "cloudtrail_alert", "cis.console-auth-failure", "b-1", "2026-06-20T22:01:00Z", "bob");
	alert(&f, "cloudtrail_alert", "cis.console-auth-failure", "b-2", "2026-06-20T22:02:00Z", "bob");
	ticket(&f, "SEC-2", "Failed logins cis.console-auth-failure:b-2", "2026-06-21T09:00:00Z");
	/* Outside the window (before 2026-04-01): not judged. */
	alert(&f, "cloudtrail_alert", "cis.vpc-change", "old", "2026-03-01T00:00:00Z", "terraform");
	/* Still within its one-day SLA on the as-of date. */
	alert(&f, "cloudtrail_alert", "cis.vpc-change", "new", "2026-09-29T23:00:00Z", "terraform");
	assert_int_equal(run_one_check(ID, &f, NULL, "2026-09-30", NULL, &run), RESULT_PASS);
	check_run_release(&run);
	fact_list_release(&f);
}

static void test_untriaged_late_and_threshold(void **state)
{
	struct fact_list f;
	struct check_run run;
	int i;

	(void)state;
	fact_list_init(&f);
	alert(&f, "cloudtrail_alert", "cis.cloudtrail-change", "s-1", "2026-08-02T21:14:05Z",
	      "arn:aws:iam::111122223333:user/raj");
	alert(&f, "cloudtrail_alert", "cis.root-usage", "r-1", "2026-05-20T14:02:11Z", "root");
	ticket(&f, "SEC-9", "root login r-1", "2026-05-23T10:00:00Z");
	/* Five failed logins within the 5-minute window, in two files. */
	alert(&f, "cloudtrail_hit", "threshold.console-login-failures", "h-1", "2026-06-20T22:01:00Z", "carla");
	alert(&f, "cloudtrail_hit", "threshold.console-login-failures", "h-2", "2026-06-20T22:01:30Z", "carla");
	alert(&f, "cloudtrail_hit", "threshold.console-login-failures", "h-3", "2026-06-20T22:02:00Z", "carla");
	alert(&f, "cloudtrail_hit", "threshold.console-login-failures", "h-4", "2026-06-20T22:04:00Z", "carla");
	alert(&f, "cloudtrail_hit", "threshold.console-login-failures", "h-5", "2026-06-20T22:05:59Z", "carla");
	assert_int_equal(run_one_check(ID, &f, NULL, "2026-09-30", NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 3);
	i = finding_index(&run, "cis.cloudtrail-change:s-1");
	assert_true(i >= 0);
	assert_string_equal(run.findings.items[i].system, "aws:111122223333");
	assert_string_equal(run.findings.items[i].detail,
			    "Rule cis.cloudtrail-change (ConsoleLogin) by arn:aws:iam::111122223333:user/raj "
			    "from 192.0.2.1 at 2026-08-02T21:14:05Z; no 'security-alert' ticket names event s-1");
	i = finding_index(&run, "cis.root-usage:r-1");
	assert_true(i >= 0);
	assert_string_equal(run.findings.items[i].detail,
			    "Rule cis.root-usage (ConsoleLogin) by root from 192.0.2.1 at 2026-05-20T14:02:11Z; "
			    "ticket SEC-9 was opened 2026-05-23T10:00:00Z, after the 1-day triage SLA");
	assert_int_equal(run.findings.items[i].evidence_count, 2);
	assert_true(finding_index(&run, "threshold.console-login-failures:h-5") >= 0);
	check_run_release(&run);
	fact_list_release(&f);
}

static void test_not_evaluated_without_jira(void **state)
{
	static const char *const present[] = {"aws.cloudtrail-logs", NULL};
	struct fact_list f;
	struct check_run run;

	(void)state;
	fact_list_init(&f);
	assert_int_equal(run_one_check(ID, &f, present, "2026-09-30", NULL, &run),
			 RESULT_NOT_EVALUATED);
	check_run_release(&run);
	fact_list_release(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_triaged_alerts_pass),
		cmocka_unit_test(test_untriaged_late_and_threshold),
		cmocka_unit_test(test_not_evaluated_without_jira),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
