/*
 * logging_archive.c - logging checks about how CloudTrail logs are kept
 * (controls LM-02, LM-03; docs/checks/logging.md):
 *
 *   logging.log-validation-off  a trail without log file validation
 *   logging.retention           a log group or bucket receiving CloudTrail
 *                               that deletes logs before log_retention_days
 *
 * Trails are judged once per ARN (describe-trails in a member account lists
 * the organization trail too) and belong to the account in their ARN.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "checks/logging_trails.h"
#include "util/text.h"


/* ---- logging.log-validation-off -------------------------------------- */

static int run_log_validation_off(struct check_context *ctx, struct error *err)
{
	const struct fact **trails = NULL;
	size_t nt = 0;
	int rc;

	if ((rc = unique_trails(ctx, &trails, &nt, err)))
		return rc;
	for (size_t i = 0; i < nt && !rc; i++) {
		const struct fact *t = trails[i];
		char own[17];

		if (fact_bool(t, "log_file_validation", 0) == 1)
			continue;
		trail_system(t, own);
		rc = check_report(ctx, fact_str(t, "arn"), own, &trails[i], 1,
				  "log file validation is disabled on trail %s (home region %s)",
				  fact_str(t, "name") ? fact_str(t, "name") : "?",
				  fact_str(t, "home_region") ? fact_str(t, "home_region") : "?");
	}
	free(trails);
	return rc ? error_set(err, rc, "out of memory") : 0;
}

const struct check check_logging_log_validation_off = {
	.id = "logging.log-validation-off",
	.title = "CloudTrail log file validation enabled",
	.controls = {"LM-02"},
	.criteria = {"CC7.2", "CC6.1"},
	.hipaa = {"164.312(b)", "164.312(c)(1)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"aws.trails"},
	.reads = "aws_trail (log_file_validation)",
	.fix = "aws cloudtrail update-trail --name <trail> --enable-log-file-validation",
	.run = run_log_validation_off,
};

/* ---- logging.retention ----------------------------------------------- */

/* Drops a trailing ":*" of a log group ARN for comparing. */
static bool same_group_arn(const char *a, const char *b)
{
	size_t la, lb;

	if (!a || !b)
		return true;   /* nothing to tell them apart */
	la = strlen(a) - (text_ends_with(a, ":*") ? 2 : 0);
	lb = strlen(b) - (text_ends_with(b, ":*") ? 2 : 0);
	return la == lb && strncmp(a, b, la) == 0;
}

static int judge_group(struct check_context *ctx, const struct fact *const *trails,
		       size_t i, const struct fact_list *groups)
{
	const struct fact *t = trails[i];
	const char *name = fact_str(t, "log_group"), *arn = fact_str(t, "log_group_arn");
	char sys[17];

	arn_system(arn ? arn : "", sys);
	if (!sys[0])
		text_copy(sys, sizeof(sys), fact_str(t, "system") ? fact_str(t, "system") : "");
	/* a group several trails feed is judged with the first of them */
	for (size_t j = 0; j < i; j++)
		if (text_equal(fact_str(trails[j], "log_group"), name) &&
		    same_group_arn(fact_str(trails[j], "log_group_arn"), arn))
			return 0;
	for (size_t g = 0; g < groups->count; g++) {
		const struct fact *lg = &groups->items[g];
		const struct fact *ev[2] = {t, lg};
		int64_t days = fact_int(lg, "retention_days", -1);

		if (!text_equal(fact_str(lg, "system"), sys) ||
		    !text_equal(fact_str(lg, "name"), name) ||
		    !same_group_arn(fact_str(lg, "arn"), arn))
			continue;
		if (days < 0 || days >= ctx->config->log_retention_days)
			return 0;
		return check_report(ctx, name, sys, ev, 2,
				    "log group %s receiving CloudTrail trail %s keeps events "
				    "%lld days; log_retention_days requires at least %d",
				    name, fact_str(t, "name"), (long long)days,
				    ctx->config->log_retention_days);
	}
	return 0;
}

static int judge_bucket(struct check_context *ctx, const struct fact *const *trails,
			size_t i, const struct fact_list *lifecycles)
{
	const struct fact *t = trails[i];
	const char *bucket = fact_str(t, "s3_bucket");

	for (size_t j = 0; j < i; j++)
		if (text_equal(fact_str(trails[j], "s3_bucket"), bucket))
			return 0;
	/* bucket names are global: the lifecycle export may come from the
	 * log-archive account rather than the trail's */
	for (size_t l = 0; l < lifecycles->count; l++) {
		const struct fact *lc = &lifecycles->items[l];
		const struct fact *ev[2] = {t, lc};
		int64_t days = fact_int(lc, "expiration_days", -1);
		char subject[300];

		if (!text_equal(fact_str(lc, "bucket"), bucket))
			continue;
		if (fact_bool(lc, "configured", 0) != 1 || days < 0 ||
		    days >= ctx->config->log_retention_days)
			return 0;
		snprintf(subject, sizeof(subject), "s3://%s", bucket);
		return check_report(ctx, subject, fact_str(lc, "system"), ev, 2,
				    "bucket %s receiving CloudTrail trail %s expires objects "
				    "after %lld days; log_retention_days requires at least %d",
				    bucket, fact_str(t, "name"), (long long)days,
				    ctx->config->log_retention_days);
	}
	return 0;
}

static int run_retention(struct check_context *ctx, struct error *err)
{
	const struct fact_list *groups, *lifecycles;
	const struct fact **trails = NULL;
	size_t nt = 0;
	int rc;

	if ((rc = check_facts(ctx, "aws_log_group", &groups, err)) ||
	    (rc = check_facts(ctx, "aws_bucket_lifecycle", &lifecycles, err)) ||
	    (rc = unique_trails(ctx, &trails, &nt, err)))
		return rc;
	for (size_t i = 0; i < nt && !rc; i++) {
		if (fact_str(trails[i], "log_group"))
			rc = judge_group(ctx, trails, i, groups);
		if (!rc && fact_str(trails[i], "s3_bucket"))
			rc = judge_bucket(ctx, trails, i, lifecycles);
	}
	free(trails);
	return rc ? error_set(err, rc, "out of memory") : 0;
}

const struct check check_logging_retention = {
	.id = "logging.retention",
	.title = "CloudTrail logs kept at least log_retention_days",
	.controls = {"LM-03"},
	.criteria = {"CC7.2"},
	.hipaa = {"164.312(b)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"aws.trails", "aws.log-groups|aws.bucket-lifecycle"},
	.reads = "aws_trail (log_group, s3_bucket), aws_log_group (retention_days), "
		 "aws_bucket_lifecycle (configured, expiration_days); config "
		 "log_retention_days",
	.fix = "Raise the log group's retention (aws logs put-retention-policy) "
	       "and the bucket's lifecycle expiration to at least log_retention_days, "
	       "or move older logs to an archive tier instead of expiring them.",
	.run = run_retention,
};
