/*
 * policies.c - policy checks over policies/<name>.md front matter (`policy`
 * facts): every policy approved (by someone, on a date not after the date
 * checked) and reviewed within its review period.
 * Rules: docs/checks/registers.md.
 */
#include <string.h>

#include "checks/check.h"
#include "checks/register_util.h"
#include "util/text.h"

static const char *policy_id(const struct fact *p)
{
	const char *id = fact_str(p, "id");

	return id ? id : p->key;
}

static const char *policy_title(const struct fact *p)
{
	const char *t = fact_str(p, "title");

	return t ? t : "";
}

static const char *policy_version(const struct fact *p)
{
	const char *v = fact_str(p, "version");

	return reg_blank(v) ? "(none)" : v;
}

static int not_approved_one(struct check_context *ctx, const struct fact *p)
{
	const struct fact *ev[] = {p};
	const char *by = fact_str(p, "approved_by");
	day_t at = fact_day(p, "approved_at");
	char when[DATE_TEXT_SIZE];

	if (!reg_blank(by) && at != DAY_NONE && at <= ctx->as_of)
		return 0;
	if (reg_blank(by) && at == DAY_NONE)
		return check_report(ctx, policy_id(p), "", ev, 1,
				    "\"%s\" version %s is not approved (approved_by and "
				    "approved_at are empty)", policy_title(p), policy_version(p));
	if (reg_blank(by))
		return check_report(ctx, policy_id(p), "", ev, 1,
				    "\"%s\" version %s has no approver (approved_by is empty)",
				    policy_title(p), policy_version(p));
	if (at == DAY_NONE)
		return check_report(ctx, policy_id(p), "", ev, 1,
				    "\"%s\" version %s has no approval date (approved_at is "
				    "empty)", policy_title(p), policy_version(p));
	reg_date(at, when);
	return check_report(ctx, policy_id(p), "", ev, 1,
			    "\"%s\" version %s is approved by %s on %s, after the date checked",
			    policy_title(p), policy_version(p), by, when);
}

static int run_not_approved(struct check_context *ctx, struct error *err)
{
	const struct fact_list *policies;
	int rc;

	if ((rc = check_facts(ctx, "policy", &policies, err)))
		return rc;
	for (size_t i = 0; i < policies->count; i++)
		if ((rc = not_approved_one(ctx, &policies->items[i])))
			return rc;
	return 0;
}

static int run_review(struct check_context *ctx, struct error *err)
{
	const struct fact_list *policies;
	char approved[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];
	int rc;

	if ((rc = check_facts(ctx, "policy", &policies, err)))
		return rc;
	for (size_t i = 0; i < policies->count; i++) {
		const struct fact *p = &policies->items[i];
		day_t at = fact_day(p, "approved_at");
		int64_t every = fact_int(p, "review_days", 0);

		/* A policy's own review_days wins; the config covers policies
		 * whose front matter (or importer) gives none. */
		if (every <= 0 || every > 100000)
			every = ctx->config->policy_review_days;
		/* Never approved, or approved later: policies.not-approved says so. */
		if (at == DAY_NONE || at > ctx->as_of || ctx->as_of - at <= every)
			continue;
		reg_date(at, approved);
		reg_date(at + (day_t)every, due);
		rc = check_report(ctx, policy_id(p), "", &p, 1,
				  "\"%s\" version %s was approved %s; review was due %s "
				  "(every %d days), %d day%s ago", policy_title(p),
				  policy_version(p), approved, due, (int)every,
				  (int)(ctx->as_of - at - every),
				  reg_s((long)(ctx->as_of - at - every)));
		if (rc)
			return rc;
	}
	return 0;
}

const struct check check_policies_not_approved = {
	.id = "policies.not-approved",
	.title = "Policies are approved by management",
	.controls = {"PL-01"},
	.criteria = {"CC5.3", "CC5.2", "CC1.3"},
	.hipaa = {"164.316(a)", "164.308(a)(1)(i)"},
	.severity = SEVERITY_HIGH,
	.requires = {"policy."},
	.reads = "policies/*.md front matter (approved_by, approved_at)",
	.fix = "Have the policy approved by its accountable executive and record "
	       "approved_by and approved_at in its front matter.",
	.run = run_not_approved,
};

const struct check check_policies_review_overdue = {
	.id = "policies.review-overdue",
	.title = "Policies are reviewed every year",
	.controls = {"PL-02"},
	.criteria = {"CC5.3", "CC4.1"},
	.hipaa = {"164.316(b)(2)(iii)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"policy."},
	.reads = "policies/*.md front matter (approved_at, review_days)",
	.fix = "Review the policy, bump its version if it changed, and record the new "
	       "approved_by and approved_at.",
	.run = run_review,
};
