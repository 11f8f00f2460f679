/*
 * vendors.c - vendor management checks over registers/vendors.csv
 * (`vendor` facts): overdue reviews, missing or expired SOC 2 reports and
 * missing security addenda.  Only vendors whose tier is in the config's
 * vendor_review_tiers (default critical and high) are held to these rules:
 * a medium- or low-tier vendor never produces a finding.
 * Rules: docs/checks/registers.md.
 */
#include <string.h>

#include "checks/check.h"
#include "checks/register_util.h"
#include "util/text.h"

static const char *const tier_names[] = {"critical", "high", "medium", "low"};

/* The bit of config.vendor_review_tiers for a tier word, or 0. */
static unsigned tier_bit(const char *tier)
{
	for (unsigned i = 0; i < sizeof(tier_names) / sizeof(tier_names[0]); i++)
		if (text_equal_nocase(tier, tier_names[i]))
			return 1u << i;
	return 0;
}

static bool in_scope(const struct check_context *ctx, const struct fact *v)
{
	return (tier_bit(fact_str(v, "tier")) & ctx->config->vendor_review_tiers) != 0;
}

/* Critical-tier vendors' findings are high; the others keep the default. */
static enum severity vendor_severity(const struct check_context *ctx, const struct fact *v)
{
	return text_equal_nocase(fact_str(v, "tier"), "critical") ? SEVERITY_HIGH
								  : ctx->current->severity;
}

static const char *vendor_name(const struct fact *v)
{
	const char *n = fact_str(v, "name");

	return n ? n : v->key;
}

/* Calls `one` for every in-scope vendor. */
static int each_vendor(struct check_context *ctx, struct error *err,
		       int (*one)(struct check_context *, const struct fact *))
{
	const struct fact_list *vendors;
	int rc;

	if ((rc = check_facts(ctx, "vendor", &vendors, err)))
		return rc;
	for (size_t i = 0; i < vendors->count; i++)
		if (in_scope(ctx, &vendors->items[i]) && (rc = one(ctx, &vendors->items[i])))
			return rc;
	return 0;
}

static int review_one(struct check_context *ctx, const struct fact *v)
{
	const struct fact *ev[] = {v};
	day_t last = fact_day(v, "last_review");
	int every = ctx->config->vendor_review_days;
	char when[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];

	if (last != DAY_NONE && last <= ctx->as_of && ctx->as_of - last <= every)
		return 0;
	if (last == DAY_NONE || last > ctx->as_of)
		return check_report_severity(ctx, vendor_severity(ctx, v), vendor_name(v), "",
					     ev, 1, "%s-tier vendor; no review recorded "
					     "(reviews due every %d days)",
					     fact_str(v, "tier"), every);
	reg_date(last, when);
	reg_date(last + every, due);
	return check_report_severity(ctx, vendor_severity(ctx, v), vendor_name(v), "", ev, 1,
				     "%s-tier vendor; last reviewed %s, %d day%s ago "
				     "(review due %s, every %d days)",
				     fact_str(v, "tier"), when, (int)(ctx->as_of - last),
				     reg_s(ctx->as_of - last),
				     due, every);
}

static int run_review(struct check_context *ctx, struct error *err)
{
	return each_vendor(ctx, err, review_one);
}

static int soc2_one(struct check_context *ctx, const struct fact *v)
{
	const struct fact *ev[] = {v};
	day_t expires = fact_day(v, "soc2_report_expires");
	char when[DATE_TEXT_SIZE];

	if (expires != DAY_NONE && expires >= ctx->as_of)
		return 0;
	if (expires == DAY_NONE)
		return check_report_severity(ctx, vendor_severity(ctx, v), vendor_name(v), "",
					     ev, 1, "%s-tier vendor; no SOC 2 report on file "
					     "(soc2_report_expires is empty)",
					     fact_str(v, "tier"));
	reg_date(expires, when);
	return check_report_severity(ctx, vendor_severity(ctx, v), vendor_name(v), "", ev, 1,
				     "%s-tier vendor; SOC 2 report expired %s, %d day%s ago",
				     fact_str(v, "tier"), when, (int)(ctx->as_of - expires),
				     reg_s(ctx->as_of - expires));
}

static int run_soc2(struct check_context *ctx, struct error *err)
{
	return each_vendor(ctx, err, soc2_one);
}

static int addendum_one(struct check_context *ctx, const struct fact *v)
{
	const struct fact *ev[] = {v};
	int signed_ = fact_bool(v, "security_addendum", -1);

	if (signed_ == 1)
		return 0;
	return check_report_severity(ctx, vendor_severity(ctx, v), vendor_name(v), "", ev, 1,
				     "%s-tier vendor; %s", fact_str(v, "tier"),
				     signed_ == 0 ? "no security addendum signed "
						    "(security_addendum: no)"
						  : "security addendum not recorded "
						    "(security_addendum is empty)");
}

static int run_addendum(struct check_context *ctx, struct error *err)
{
	return each_vendor(ctx, err, addendum_one);
}

const struct check check_vendors_review_overdue = {
	.id = "vendors.review-overdue",
	.title = "Critical and high vendors reviewed every year",
	.controls = {"VR-03"},
	.criteria = {"CC9.2", "CC4.1"},
	.hipaa = {"164.308(b)(1)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.vendors"},
	.reads = "vendor register (tier, last_review)",
	.fix = "Review the vendor (security questionnaire, SOC 2 report, incidents) "
	       "and record the date in last_review of registers/vendors.csv.",
	.run = run_review,
};

const struct check check_vendors_soc2_report = {
	.id = "vendors.soc2-report",
	.title = "Critical and high vendors have a current SOC 2 report",
	.controls = {"VR-04"},
	.criteria = {"CC9.2", "CC4.1"},
	.hipaa = {"164.308(b)(1)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.vendors"},
	.reads = "vendor register (tier, soc2_report_expires)",
	.fix = "Obtain the vendor's current SOC 2 Type II report (or a bridge letter), "
	       "review it, and record its expiry in soc2_report_expires.",
	.run = run_soc2,
};

const struct check check_vendors_no_security_addendum = {
	.id = "vendors.no-security-addendum",
	.title = "Critical and high vendors signed a security addendum",
	.controls = {"VR-05"},
	.criteria = {"CC9.2", "C1.1"},
	.hipaa = {"164.308(b)(1)", "164.314(a)(1)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.vendors"},
	.reads = "vendor register (tier, security_addendum)",
	.fix = "Sign a security addendum (and a BAA where the vendor handles PHI) and "
	       "set security_addendum to yes in registers/vendors.csv.",
	.run = run_addendum,
};
