/*
 * test_checks_logging.c - the logging family (src/checks/logging*.c): for
 * each check a passing case (organization trails, broader or differently
 * spelt CIS filters, metric-math alarms, never-expiring log groups), failing
 * cases with the exact subject, system and detail, "not evaluated" without
 * the AWS exports, and the real CloudTrail configuration samples imported
 * by the aws.* importers.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>

#include "check_test.h"
#include "detect/rules.h"
#include "test_import_apps.h"

#define MGMT "111122223333"
#define MEMBER "222233334444"
#define OTHER "333344445555"
#define LG "CloudTrail/DefaultLogGroup"

/* ---- fact builders ---------------------------------------------------- */

static void add_trail(struct fact_list *l, const char *acct, const char *name, bool multi,
		      bool validation, const char *group, const char *bucket, bool org)
{
	char key[160], json[1024], garn[256] = "null", gname[160] = "null";

	if (group) {
		snprintf(garn, sizeof(garn), "\"arn:aws:logs:us-east-1:%s:log-group:%s:*\"",
			 acct, group);
		snprintf(gname, sizeof(gname), "\"%s\"", group);
	}
	snprintf(key, sizeof(key), "%s/arn:aws:cloudtrail:us-east-1:%s:trail/%s", acct, acct,
		 name);
	snprintf(json, sizeof(json),
		 "{\"system\":\"aws:%s\",\"name\":\"%s\","
		 "\"arn\":\"arn:aws:cloudtrail:us-east-1:%s:trail/%s\","
		 "\"home_region\":\"us-east-1\",\"multi_region\":%s,"
		 "\"log_file_validation\":%s,\"log_group_arn\":%s,\"log_group\":%s,"
		 "\"s3_bucket\":\"%s\",\"organization_trail\":%s}",
		 acct, name, acct, name, multi ? "true" : "false",
		 validation ? "true" : "false", garn, gname, bucket ? bucket : "trail-bucket",
		 org ? "true" : "false");
	add_fact(l, "aws_trail", key, json, "2026-09-01", "sha256:trails");
}

static void add_status(struct fact_list *l, const char *acct, const char *trail, bool logging)
{
	char key[160], json[512];

	snprintf(key, sizeof(key), "%s/%s", acct, trail);
	snprintf(json, sizeof(json),
		 "{\"system\":\"aws:%s\",\"trail\":\"%s\",\"is_logging\":%s,"
		 "\"latest_delivery_at\":\"2026-09-01T00:00:00Z\"}",
		 acct, trail, logging ? "true" : "false");
	add_fact(l, "aws_trail_status", key, json, "2026-09-01", "sha256:status");
}

static void add_filter(struct fact_list *l, const char *acct, const char *group,
		       const char *name, const char *pattern, const char *metric)
{
	char key[256];
	json_t *data = json_pack("{s:s, s:s, s:s, s:s, s:[{s:s, s:s}]}", "system", "",
				 "log_group", group, "name", name, "pattern", pattern,
				 "metrics", "name", metric, "namespace", "CISBenchmark");
	char *text;

	json_object_set_new(data, "system", json_sprintf("aws:%s", acct));
	text = json_dumps(data, 0);
	snprintf(key, sizeof(key), "%s/%s/%s", acct, group, name);
	add_fact(l, "aws_metric_filter", key, text, "2026-09-01", "sha256:filters");
	free(text);
	json_decref(data);
}

/* actions: how many alarm actions (SNS topics). */
static void add_alarm(struct fact_list *l, const char *acct, const char *name,
		      const char *metric, bool enabled, int actions)
{
	char key[160], json[1024];

	snprintf(key, sizeof(key), "%s/%s", acct, name);
	snprintf(json, sizeof(json),
		 "{\"system\":\"aws:%s\",\"name\":\"%s\",\"metric_name\":\"%s\","
		 "\"namespace\":\"CISBenchmark\",\"actions_enabled\":%s,\"alarm_actions\":[%s],"
		 "\"metrics\":[{\"name\":\"%s\",\"namespace\":\"CISBenchmark\"}]}",
		 acct, name, metric, enabled ? "true" : "false",
		 actions ? "\"arn:aws:sns:us-east-1:111122223333:security\"" : "", metric);
	add_fact(l, "aws_alarm", key, json, "2026-09-01", "sha256:alarms");
}

static void add_credential(struct fact_list *l, const char *acct)
{
	char key[64], json[256];

	snprintf(key, sizeof(key), "%s/<root_account>", acct);
	snprintf(json, sizeof(json),
		 "{\"system\":\"aws:%s\",\"user\":\"<root_account>\",\"root\":true}", acct);
	add_fact(l, "aws_credential", key, json, "2026-09-01", "sha256:credentials");
}

/* retention: days, or -1 for never expires (null). */
static void add_log_group(struct fact_list *l, const char *acct, const char *name, int days)
{
	char key[160], json[512], d[16] = "null";

	if (days >= 0)
		snprintf(d, sizeof(d), "%d", days);
	snprintf(key, sizeof(key), "%s/%s", acct, name);
	snprintf(json, sizeof(json),
		 "{\"system\":\"aws:%s\",\"name\":\"%s\","
		 "\"arn\":\"arn:aws:logs:us-east-1:%s:log-group:%s:*\",\"retention_days\":%s}",
		 acct, name, acct, name, d);
	add_fact(l, "aws_log_group", key, json, "2026-09-01", "sha256:groups");
}

static void add_lifecycle(struct fact_list *l, const char *acct, const char *bucket,
			  bool configured, int days)
{
	char key[160], json[512], d[16] = "null";

	if (days >= 0)
		snprintf(d, sizeof(d), "%d", days);
	snprintf(key, sizeof(key), "%s/%s", acct, bucket);
	snprintf(json, sizeof(json),
		 "{\"system\":\"aws:%s\",\"bucket\":\"%s\",\"configured\":%s,"
		 "\"expiration_days\":%s}",
		 acct, bucket, configured ? "true" : "false", d);
	add_fact(l, "aws_bucket_lifecycle", key, json, "2026-09-01", "sha256:lifecycle");
}

static void add_delivery(struct fact_list *l, const char *acct, const char *region,
			 const char *date)
{
	char key[96], json[512], digest[64];

	snprintf(key, sizeof(key), "%s/%s/%s", acct, region, date);
	snprintf(json, sizeof(json),
		 "{\"system\":\"aws:%s\",\"account\":\"%s\",\"region\":\"%s\","
		 "\"date\":\"%s\",\"files\":1}",
		 acct, acct, region, date);
	snprintf(digest, sizeof(digest), "sha256:ct-%s-%s", region, date);
	add_fact(l, "cloudtrail_delivery", key, json, date, digest);
}

/* Every day from..to (inclusive) delivered. */
static void add_deliveries(struct fact_list *l, const char *acct, const char *region,
			   const char *from, const char *to)
{
	day_t a, b;

	assert_int_equal(date_parse(from, &a), 0);
	assert_int_equal(date_parse(to, &b), 0);
	for (day_t d = a; d <= b; d++) {
		char text[DATE_TEXT_SIZE];

		date_format(d, text);
		add_delivery(l, acct, region, text);
	}
}

/* ---- logging.no-multiregion-trail ------------------------------------ */

static void multiregion_pass(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	/* the management account's organization trail records the member */
	add_trail(&l, MGMT, "org-trail", true, true, LG, NULL, true);
	add_status(&l, MGMT, "org-trail", true);
	add_credential(&l, MEMBER);
	add_deliveries(&l, MEMBER, "us-east-1", "2026-09-01", "2026-09-01");
	/* another account: a stopped single-region trail beside a logging
	 * multi-region one, whose status names it by ARN */
	add_trail(&l, OTHER, "old", false, true, NULL, NULL, false);
	add_status(&l, OTHER, "old", false);
	add_trail(&l, OTHER, "main", true, true, NULL, NULL, false);
	add_status(&l, OTHER, "arn:aws:cloudtrail:us-east-1:" OTHER ":trail/main", true);
	assert_int_equal(run_one_check("logging.no-multiregion-trail", &l, NULL, "2026-09-30",
				       NULL, &run), RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	fact_list_release(&l);
}

static void multiregion_fail(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_trail(&l, MGMT, "regional", false, true, NULL, NULL, false);
	add_status(&l, MGMT, "regional", true);
	add_trail(&l, MGMT, "all-regions", true, true, NULL, NULL, false);
	add_status(&l, MGMT, "all-regions", false);
	add_trail(&l, OTHER, "unknown", true, true, NULL, NULL, false);
	add_credential(&l, MEMBER);
	assert_int_equal(run_one_check("logging.no-multiregion-trail", &l, NULL, "2026-09-30",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 3);
	assert_finding(&run, "aws:" MGMT, "aws:" MGMT,
		       "no multi-region CloudTrail trail is logging: multi-region trail "
		       "all-regions is not logging; trail regional (home us-east-1) is "
		       "single-region");
	assert_finding(&run, "aws:" MEMBER, "aws:" MEMBER,
		       "no CloudTrail trail recorded for this account");
	assert_finding(&run, "aws:" OTHER, "aws:" OTHER,
		       "no multi-region CloudTrail trail is logging: multi-region trail "
		       "unknown has no trail status export");
	assert_int_equal(finding_for(&run, "aws:" MGMT)->evidence_count, 2);
	check_run_release(&run);
	fact_list_release(&l);
}

/* ---- logging.log-validation-off -------------------------------------- */

static void validation_pass_fail(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_trail(&l, MGMT, "org-trail", true, true, LG, NULL, true);
	assert_int_equal(run_one_check("logging.log-validation-off", &l, NULL, "2026-09-30",
				       NULL, &run), RESULT_PASS);
	check_run_release(&run);
	add_trail(&l, MGMT, "no-digest", true, false, NULL, NULL, false);
	/* the same trail seen from a member account is one trail */
	add_fact(&l, "aws_trail", MEMBER "/arn:aws:cloudtrail:us-east-1:" MGMT ":trail/no-digest",
		 "{\"system\":\"aws:" MEMBER "\",\"name\":\"no-digest\","
		 "\"arn\":\"arn:aws:cloudtrail:us-east-1:" MGMT ":trail/no-digest\","
		 "\"home_region\":\"us-east-1\",\"multi_region\":true,"
		 "\"log_file_validation\":false}",
		 "2026-09-01", "sha256:member-trails");
	assert_int_equal(run_one_check("logging.log-validation-off", &l, NULL, "2026-09-30",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_finding(&run, "arn:aws:cloudtrail:us-east-1:" MGMT ":trail/no-digest",
		       "aws:" MGMT,
		       "log file validation is disabled on trail no-digest (home region "
		       "us-east-1)");
	check_run_release(&run);
	fact_list_release(&l);
}

/* ---- logging.cis-monitoring ------------------------------------------ */

static const char *const cis_rules[] = {
	"cis.root-usage", "cis.unauthorized-api", "cis.console-no-mfa",
	"cis.iam-policy-change", "cis.cloudtrail-change", "cis.console-auth-failure",
	"cis.kms-disable", "cis.s3-policy-change", "cis.config-change",
	"cis.security-group-change", "cis.nacl-change", "cis.network-gateway-change",
	"cis.route-table-change", "cis.vpc-change", "cis.organizations-change",
};

/* Filters with the CIS text and acting alarms for every item except the
 * `skip` first ones. */
static void add_cis_filters(struct fact_list *l, const char *acct, size_t skip)
{
	for (size_t i = skip; i < sizeof(cis_rules) / sizeof(cis_rules[0]); i++) {
		const struct detect_builtin *b = detect_builtin_find(cis_rules[i]);
		char metric[64];

		assert_non_null(b);
		snprintf(metric, sizeof(metric), "M-%s", cis_rules[i] + 4);
		add_filter(l, acct, LG, cis_rules[i] + 4, b->pattern, metric);
		add_alarm(l, acct, metric, metric, true, 1);
	}
}

static void cis_pass(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_trail(&l, MGMT, "org-trail", true, true, LG, NULL, true);
	add_cis_filters(&l, MGMT, 3);
	/* the spellings real filters use: unquoted values, other spacing,
	 * the broader CIS 1.2 MFA filter, a wildcard for the error codes */
	add_filter(&l, MGMT, LG, "root", "{ $.userIdentity.type = \"Root\" && "
		   "$.userIdentity.invokedBy NOT EXISTS && $.eventType != "
		   "\"AwsServiceEvent\" }", "RootUsage");
	add_alarm(&l, MGMT, "root-alarm", "RootUsage", true, 1);
	add_filter(&l, MGMT, LG, "denied", "{($.errorCode = \"*UnauthorizedOperation\") || "
		   "($.errorCode = \"AccessDenied*\") || ($.errorCode = \"*Throttling*\")}",
		   "Denied");
	add_alarm(&l, MGMT, "denied-alarm", "Denied", true, 2);
	add_filter(&l, MGMT, LG, "nomfa", "{ ($.eventName = ConsoleLogin) && "
		   "($.additionalEventData.MFAUsed != Yes) }", "NoMFA");
	/* a metric-math alarm over the filter's metric */
	add_fact(&l, "aws_alarm", MGMT "/nomfa-math",
		 "{\"system\":\"aws:" MGMT "\",\"name\":\"nomfa-math\",\"metric_name\":null,"
		 "\"namespace\":null,\"actions_enabled\":true,\"alarm_actions\":[\"arn:x\"],"
		 "\"metrics\":[{\"name\":\"NoMFA\",\"namespace\":\"CISBenchmark\"}]}",
		 "2026-09-01", "sha256:alarms");
	/* a member account the organization trail records */
	add_credential(&l, MEMBER);
	assert_int_equal(run_one_check("logging.cis-monitoring", &l, NULL, "2026-09-30", NULL,
				       &run), RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	fact_list_release(&l);
}

static void cis_fail(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_trail(&l, MGMT, "main", true, true, LG, NULL, false);
	add_cis_filters(&l, MGMT, 5);
	/* root usage: a filter, no alarm */
	add_filter(&l, MGMT, LG, "root", detect_builtin_find("cis.root-usage")->pattern,
		   "RootUsage");
	/* unauthorized calls: the alarm's actions are off */
	add_filter(&l, MGMT, LG, "denied",
		   detect_builtin_find("cis.unauthorized-api")->pattern, "Denied");
	add_alarm(&l, MGMT, "denied-alarm", "Denied", false, 1);
	/* sign-in without MFA: the alarm notifies no one */
	add_filter(&l, MGMT, LG, "nomfa", detect_builtin_find("cis.console-no-mfa")->pattern,
		   "NoMFA");
	add_alarm(&l, MGMT, "nomfa-alarm", "NoMFA", true, 0);
	/* IAM policy changes: a near miss that forgot DetachGroupPolicy */
	add_filter(&l, MGMT, LG, "iam",
		   "{($.eventName=DeleteGroupPolicy) || ($.eventName=DeleteRolePolicy) || "
		   "($.eventName=DeleteUserPolicy) || ($.eventName=PutGroupPolicy) || "
		   "($.eventName=PutRolePolicy) || ($.eventName=PutUserPolicy) || "
		   "($.eventName=CreatePolicy) || ($.eventName=DeletePolicy) || "
		   "($.eventName=CreatePolicyVersion) || ($.eventName=DeletePolicyVersion) || "
		   "($.eventName=AttachRolePolicy) || ($.eventName=DetachRolePolicy) || "
		   "($.eventName=AttachUserPolicy) || ($.eventName=DetachUserPolicy) || "
		   "($.eventName=AttachGroupPolicy)}", "IAM");
	add_alarm(&l, MGMT, "iam-alarm", "IAM", true, 1);
	/* CloudTrail changes: nothing but a filter attest cannot read */
	add_filter(&l, MGMT, LG, "broken", "{ $.eventName = }", "Broken");
	/* a filter on a log group no multi-region trail feeds */
	add_filter(&l, MGMT, "other-group", "root-elsewhere",
		   detect_builtin_find("cis.root-usage")->pattern, "RootElsewhere");
	add_alarm(&l, MGMT, "root-elsewhere", "RootElsewhere", true, 1);
	/* an account with no trail at all */
	add_credential(&l, OTHER);
	assert_int_equal(run_one_check("logging.cis-monitoring", &l, NULL, "2026-09-30", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 5 + 15);
	assert_finding(&run, "root account usage (CIS 4.3) aws:" MGMT, "aws:" MGMT,
		       "metric filter 'root' on log group " LG " matches root account usage "
		       "events but no alarm watches its metric CISBenchmark/RootUsage");
	assert_finding(&run, "unauthorized API calls (CIS 4.1) aws:" MGMT, "aws:" MGMT,
		       "metric filter 'denied' on log group " LG " matches unauthorized API "
		       "calls events but alarm 'denied-alarm' on its metric CISBenchmark/Denied "
		       "has its actions disabled");
	assert_finding(&run, "console sign-in without MFA (CIS 4.2) aws:" MGMT, "aws:" MGMT,
		       "metric filter 'nomfa' on log group " LG " matches console sign-in "
		       "without MFA events but alarm 'nomfa-alarm' on its metric "
		       "CISBenchmark/NoMFA has no alarm action");
	assert_finding(&run, "IAM policy changes (CIS 4.4) aws:" MGMT, "aws:" MGMT,
		       "no metric filter on log group " LG " matches every IAM policy changes "
		       "event: filter 'iam' misses 8 of 144 probe events (eventName="
		       "DetachGroupPolicy eventSource=iam.amazonaws.com userIdentity.type=IAMUser "
		       "eventType=AwsApiCall errorCode=(absent) errorMessage=(absent) "
		       "MFAUsed=(absent) ConsoleLogin=(absent); eventName=DetachGroupPolicy "
		       "eventSource=cloudtrail.amazonaws.com userIdentity.type=IAMUser "
		       "eventType=AwsApiCall errorCode=(absent) errorMessage=(absent) "
		       "MFAUsed=(absent) ConsoleLogin=(absent); eventName=DetachGroupPolicy "
		       "eventSource=kms.amazonaws.com userIdentity.type=IAMUser "
		       "eventType=AwsApiCall errorCode=(absent) errorMessage=(absent) "
		       "MFAUsed=(absent) ConsoleLogin=(absent); and 5 more)");
	assert_finding(&run, "CloudTrail configuration changes (CIS 4.5) aws:" MGMT, "aws:" MGMT,
		       "no metric filter on log group " LG " matches CloudTrail configuration "
		       "changes events; filter 'broken' has a pattern attest cannot read: "
		       "expected value after '=' at column 17");
	assert_finding(&run, "VPC changes (CIS 4.14) aws:" OTHER, "aws:" OTHER,
		       "no multi-region CloudTrail trail delivers to CloudWatch Logs, so no "
		       "metric filter can watch for VPC changes");
	check_run_release(&run);
	fact_list_release(&l);
}

/* ---- logging.retention ----------------------------------------------- */

static void retention_pass(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_trail(&l, MGMT, "org-trail", true, true, LG, "archive-logs", true);
	add_trail(&l, MGMT, "second", false, true, "short-group", "plain-logs", false);
	add_log_group(&l, MGMT, LG, -1);              /* never expires */
	add_log_group(&l, MGMT, "short-group", 90);   /* exactly the minimum */
	add_log_group(&l, MGMT, "unrelated", 1);      /* no trail writes to it */
	add_lifecycle(&l, "444455556666", "archive-logs", true, -1);  /* no expiration */
	add_lifecycle(&l, MGMT, "plain-logs", false, -1);             /* no lifecycle */
	assert_int_equal(run_one_check("logging.retention", &l, NULL, "2026-09-30", NULL, &run),
			 RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	fact_list_release(&l);
}

static void retention_fail(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_trail(&l, MGMT, "org-trail", true, true, LG, "archive-logs", true);
	add_log_group(&l, MGMT, LG, 30);
	add_lifecycle(&l, "444455556666", "archive-logs", true, 60);
	assert_int_equal(run_one_check("logging.retention", &l, NULL, "2026-09-30", NULL, &run),
			 RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	assert_finding(&run, LG, "aws:" MGMT,
		       "log group " LG " receiving CloudTrail trail org-trail keeps events 30 "
		       "days; log_retention_days requires at least 90");
	assert_finding(&run, "s3://archive-logs", "aws:444455556666",
		       "bucket archive-logs receiving CloudTrail trail org-trail expires "
		       "objects after 60 days; log_retention_days requires at least 90");
	check_run_release(&run);
	fact_list_release(&l);
}

/* ---- logging.delivery-gap -------------------------------------------- */

static void delivery_pass(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_deliveries(&l, MGMT, "us-east-1", "2026-03-20", "2026-06-30");
	add_deliveries(&l, MGMT, "eu-west-1", "2026-04-01", "2026-06-30");
	/* a second file the same day changes nothing */
	add_delivery(&l, MGMT, "eu-west-1", "2026-05-01");
	assert_int_equal(run_one_check("logging.delivery-gap", &l, NULL, "2026-06-30", NULL,
				       &run), RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	fact_list_release(&l);
}

static void delivery_fail(void **state)
{
	struct fact_list l;
	struct check_run run;
	const struct finding *f;

	(void)state;
	fact_list_init(&l);
	add_deliveries(&l, MGMT, "us-east-1", "2026-04-01", "2026-05-02");
	add_deliveries(&l, MGMT, "us-east-1", "2026-05-06", "2026-05-31");
	add_deliveries(&l, MGMT, "us-east-1", "2026-06-02", "2026-06-10");
	add_deliveries(&l, MGMT, "eu-west-1", "2026-04-03", "2026-06-10");
	/* deliveries after as_of are not seen */
	add_deliveries(&l, MGMT, "eu-west-1", "2026-06-12", "2026-06-20");
	assert_int_equal(run_one_check("logging.delivery-gap", &l, NULL, "2026-06-11", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 5);
	/* sorted by subject, then detail */
	assert_string_equal(run.findings.items[0].subject, "aws:" MGMT " eu-west-1");
	assert_string_equal(run.findings.items[0].detail,
			    "no CloudTrail log files delivered 2026-04-01 to 2026-04-02 (2 days)");
	assert_string_equal(run.findings.items[1].detail,
			    "no CloudTrail log files delivered on 2026-06-11 (1 day)");
	assert_string_equal(run.findings.items[2].subject, "aws:" MGMT " us-east-1");
	assert_string_equal(run.findings.items[2].system, "aws:" MGMT);
	assert_string_equal(run.findings.items[2].detail,
			    "no CloudTrail log files delivered 2026-05-03 to 2026-05-05 (3 days)");
	assert_string_equal(run.findings.items[3].detail,
			    "no CloudTrail log files delivered on 2026-06-01 (1 day)");
	assert_string_equal(run.findings.items[4].detail,
			    "no CloudTrail log files delivered on 2026-06-11 (1 day)");
	f = &run.findings.items[2];
	assert_int_equal(f->evidence_count, 2);
	assert_string_equal(f->evidence[0], "sha256:ct-us-east-1-2026-05-02");
	assert_string_equal(f->evidence[1], "sha256:ct-us-east-1-2026-05-06");
	check_run_release(&run);
	fact_list_release(&l);
}

/* Without an audit window the days run from the first delivery. */
static void delivery_no_window(void **state)
{
	struct fact_list l;
	struct check_run run;
	struct config c;

	(void)state;
	config_defaults(&c);
	fact_list_init(&l);
	add_deliveries(&l, MGMT, "us-east-1", "2026-01-10", "2026-01-12");
	add_deliveries(&l, MGMT, "us-east-1", "2026-01-14", "2026-01-20");
	assert_int_equal(run_one_check("logging.delivery-gap", &l, NULL, "2026-01-20", &c, &run),
			 RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_finding(&run, "aws:" MGMT " us-east-1", "aws:" MGMT,
		       "no CloudTrail log files delivered on 2026-01-13 (1 day)");
	check_run_release(&run);
	fact_list_release(&l);
}


/* ---- the real samples -------------------------------------------------- */

#define PLACEBO "cloud-custodian-placebo/test_cloudtrail_success_log_metric_filter__"
#define REAL_ACCT "644160558196"
#define REAL_GROUP "cloudtrail-test-group20221122165720932700000003"

/* Imports a Cloud Custodian placebo recording (the boto3 response is its
 * "data") with importer `name` as sources/aws/<REAL_ACCT>/<file>, and
 * appends the facts to `l` with evidence digest `digest`. */
static void import_placebo(struct fact_list *l, const char *name, const char *file,
			   const char *rel, const char *digest)
{
	char ws[256];
	size_t size;
	char *raw = read_fixture(rel, &size), *data;
	json_error_t jerr;
	json_t *root = json_loadb(raw, size, 0, &jerr);
	struct import_output out;
	struct error err;

	assert_non_null(root);
	data = json_dumps(json_object_get(root, "data"), 0);
	snprintf(ws, sizeof(ws), "sources/aws/" REAL_ACCT "/%s", file);
	if (run_bytes(name, ws, data, strlen(data), NULL, &out, &err))
		fail_msg("%s: %s", rel, err.message);
	for (size_t i = 0; i < out.facts.count; i++) {
		const struct fact *f = &out.facts.items[i];

		assert_int_equal(fact_list_add(l, f->kind, f->key, json_incref(f->data)), 0);
		l->items[l->count - 1].effective = DAY_NONE;
		text_copy(l->items[l->count - 1].digest, sizeof(l->items[0].digest), digest);
	}
	import_output_release(&out);
	free(data);
	free(raw);
	json_decref(root);
}

/* Cloud Custodian's passing CIS fixture: a multi-region trail to a log
 * group with the CIS 1.2 MFA filter and its alarm notifying an SNS topic.
 * The MFA item passes; the 14 others have no filter; validation is off. */
static void real_cloud_custodian(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	import_placebo(&l, "aws.trails", "cloudtrail-describe-trails.json",
		       PLACEBO "cloudtrail.DescribeTrails_1.json", "sha256:trails");
	import_placebo(&l, "aws.metric-filters", "logs-describe-metric-filters.json",
		       PLACEBO "logs.DescribeMetricFilters_1.json", "sha256:filters");
	import_placebo(&l, "aws.alarms", "cloudwatch-describe-alarms.json",
		       PLACEBO "monitoring.DescribeAlarmsForMetric_1.json", "sha256:alarms");
	assert_int_equal(run_one_check("logging.cis-monitoring", &l, NULL, "2026-09-30", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 14);
	assert_int_equal(finding_index(&run, "console sign-in without MFA (CIS 4.2) aws:"
				       REAL_ACCT), -1);
	assert_finding(&run, "root account usage (CIS 4.3) aws:" REAL_ACCT, "aws:" REAL_ACCT,
		       "no metric filter on log group " REAL_GROUP " matches root account "
		       "usage events");
	assert_int_equal(finding_for(&run, "root account usage (CIS 4.3) aws:" REAL_ACCT)
				 ->evidence_count, 2);
	check_run_release(&run);
	assert_int_equal(run_one_check("logging.log-validation-off", &l, NULL, "2026-09-30",
				       NULL, &run), RESULT_FAIL);
	assert_finding(&run, "arn:aws:cloudtrail:us-east-1:" REAL_ACCT ":trail/tf-trail-40313",
		       "aws:" REAL_ACCT,
		       "log file validation is disabled on trail tf-trail-40313 (home region "
		       "us-east-1)");
	check_run_release(&run);
	fact_list_release(&l);
}

/* ---- not evaluated --------------------------------------------------- */

static void logging_not_evaluated(void **state)
{
	static const char *const github_only[] = {"github.pulls", "aws.credential-report",
						  NULL};
	static const char *const ids[] = {"logging.no-multiregion-trail",
					  "logging.log-validation-off",
					  "logging.cis-monitoring", "logging.retention",
					  "logging.delivery-gap"};
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_credential(&l, MGMT);
	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		assert_int_equal(run_one_check(ids[i], &l, github_only, "2026-09-30", NULL, &run),
				 RESULT_NOT_EVALUATED);
		assert_int_equal(run.findings.count, 0);
		check_run_release(&run);
	}
	run_one_check("logging.retention", &l, github_only, "2026-09-30", NULL, &run);
	assert_string_equal(run.outcomes[0].reason,
			    "no aws.trails evidence imported as of this date");
	check_run_release(&run);
	fact_list_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(multiregion_pass),
		cmocka_unit_test(multiregion_fail),
		cmocka_unit_test(validation_pass_fail),
		cmocka_unit_test(cis_pass),
		cmocka_unit_test(cis_fail),
		cmocka_unit_test(retention_pass),
		cmocka_unit_test(retention_fail),
		cmocka_unit_test(delivery_pass),
		cmocka_unit_test(delivery_fail),
		cmocka_unit_test(delivery_no_window),
		cmocka_unit_test(real_cloud_custodian),
		cmocka_unit_test(logging_not_evaluated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
