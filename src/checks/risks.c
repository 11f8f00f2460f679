/*
 * risks.c - risk register checks over registers/risks.csv (`risk` facts):
 * the register reviewed on time, accepted risks signed off, open
 * treatments not past their due date, every open risk with an owner who is
 * still on staff.  Rules: docs/checks/registers.md.
 */
#include <string.h>

#include "checks/check.h"
#include "checks/register_util.h"
#include "util/text.h"

static const char *risk_id(const struct fact *r)
{
	const char *id = fact_str(r, "id");

	return id ? id : r->key;
}

static const char *risk_title(const struct fact *r)
{
	const char *t = fact_str(r, "title");

	return t ? t : "";
}

/* One finding for the whole register: the latest last_reviewed of any row
 * (on or before the date) must be within risk_review_days. */
static int run_stale(struct check_context *ctx, struct error *err)
{
	const struct fact_list *risks;
	const struct fact *latest = NULL;
	day_t last = DAY_NONE;
	int every = ctx->config->risk_review_days;
	char when[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];
	int rc;

	if ((rc = check_facts(ctx, "risk", &risks, err)))
		return rc;
	for (size_t i = 0; i < risks->count; i++) {
		day_t d = fact_day(&risks->items[i], "last_reviewed");

		if (d != DAY_NONE && d <= ctx->as_of && (last == DAY_NONE || d > last)) {
			last = d;
			latest = &risks->items[i];
		}
	}
	if (!risks->count)
		return check_report(ctx, "risk register", "", NULL, 0,
				    "the risk register lists no risks");
	if (last == DAY_NONE)
		return check_report(ctx, "risk register", "", (const struct fact *const[]){
					    &risks->items[0]}, 1,
				    "no risk has a last_reviewed date (%zu risk%s; "
				    "review due every %d days)", risks->count,
				    reg_s((long)risks->count), every);
	if (ctx->as_of - last <= every)
		return 0;
	reg_date(last, when);
	reg_date(last + every, due);
	return check_report(ctx, "risk register", "", &latest, 1,
			    "last reviewed %s (%s), %d day%s ago; review was due %s "
			    "(every %d days)", when, risk_id(latest),
			    (int)(ctx->as_of - last), reg_s(ctx->as_of - last), due, every);
}

static int signoff_one(struct check_context *ctx, const struct fact *r)
{
	const struct fact *ev[] = {r};
	const char *by = fact_str(r, "signed_off_by");
	day_t at = fact_day(r, "signed_off_at");
	char when[DATE_TEXT_SIZE];

	if (!reg_blank(by) && at != DAY_NONE && at <= ctx->as_of)
		return 0;
	if (reg_blank(by) && at == DAY_NONE)
		return check_report(ctx, risk_id(r), "", ev, 1,
				    "risk \"%s\" is accepted without sign-off "
				    "(signed_off_by and signed_off_at are empty)", risk_title(r));
	if (reg_blank(by))
		return check_report(ctx, risk_id(r), "", ev, 1,
				    "risk \"%s\" is accepted without sign-off "
				    "(signed_off_by is empty)", risk_title(r));
	if (at == DAY_NONE)
		return check_report(ctx, risk_id(r), "", ev, 1,
				    "risk \"%s\" is accepted; sign-off by %s has no date "
				    "(signed_off_at is empty)", risk_title(r), by);
	reg_date(at, when);
	return check_report(ctx, risk_id(r), "", ev, 1,
			    "risk \"%s\" is accepted; sign-off by %s is dated %s, "
			    "after the date checked", risk_title(r), by, when);
}

static int run_signoff(struct check_context *ctx, struct error *err)
{
	const struct fact_list *risks;
	int rc;

	if ((rc = check_facts(ctx, "risk", &risks, err)))
		return rc;
	for (size_t i = 0; i < risks->count; i++)
		if (text_equal_nocase(fact_str(&risks->items[i], "treatment"), "accept") &&
		    (rc = signoff_one(ctx, &risks->items[i])))
			return rc;
	return 0;
}

static int run_overdue(struct check_context *ctx, struct error *err)
{
	const struct fact_list *risks;
	char when[DATE_TEXT_SIZE];
	int rc;

	if ((rc = check_facts(ctx, "risk", &risks, err)))
		return rc;
	for (size_t i = 0; i < risks->count; i++) {
		const struct fact *r = &risks->items[i];
		day_t due = fact_day(r, "due");
		const char *owner = fact_str(r, "owner_email");

		if (!text_equal_nocase(fact_str(r, "status"), "open") || due == DAY_NONE ||
		    due >= ctx->as_of)
			continue;
		reg_date(due, when);
		rc = check_report(ctx, risk_id(r), "", &r, 1,
				  "open risk \"%s\" (treatment %s, owner %s) was due %s, "
				  "%d day%s ago", risk_title(r),
				  fact_str(r, "treatment") ? fact_str(r, "treatment") : "none",
				  reg_blank(owner) ? "none" : owner, when,
				  (int)(ctx->as_of - due), reg_s(ctx->as_of - due));
		if (rc)
			return rc;
	}
	return 0;
}

static int run_no_owner(struct check_context *ctx, struct error *err)
{
	const struct fact_list *risks, *people;
	char when[DATE_TEXT_SIZE];
	int rc;

	if ((rc = check_facts(ctx, "risk", &risks, err)) ||
	    (rc = check_facts(ctx, "person", &people, err)))
		return rc;
	for (size_t i = 0; i < risks->count; i++) {
		const struct fact *r = &risks->items[i];
		const char *owner = fact_str(r, "owner_email");
		const struct fact *leaver;
		day_t left;

		if (text_equal_nocase(fact_str(r, "status"), "closed"))
			continue;
		if (reg_blank(owner)) {
			rc = check_report(ctx, risk_id(r), "", &r, 1,
					  "open risk \"%s\" has no owner (owner_email is empty)",
					  risk_title(r));
		} else if ((leaver = reg_owner_left(people, owner, ctx->as_of, &left))) {
			const struct fact *ev[] = {r, leaver};

			reg_date(left, when);
			rc = check_report(ctx, risk_id(r), "", ev, 2,
					  "open risk \"%s\" is owned by %s, who left %s",
					  risk_title(r), owner, when);
		}
		if (rc)
			return rc;
	}
	return 0;
}

const struct check check_risks_register_stale = {
	.id = "risks.register-stale",
	.title = "Risk register reviewed every quarter",
	.controls = {"RA-02"},
	.criteria = {"CC3.2", "CC4.2"},
	.hipaa = {"164.308(a)(1)(ii)(B)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.risks"},
	.reads = "risk register (last_reviewed of every row)",
	.fix = "Review the risk register with the risk owners and record the date in "
	       "last_reviewed of the risks reviewed.",
	.run = run_stale,
};

const struct check check_risks_accepted_without_signoff = {
	.id = "risks.accepted-without-signoff",
	.title = "Accepted risks are signed off by management",
	.controls = {"RA-05", "RA-02"},
	.criteria = {"CC3.2", "CC5.1"},
	.hipaa = {"164.308(a)(1)(ii)(B)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.risks"},
	.reads = "risk register (treatment, signed_off_by, signed_off_at)",
	.fix = "Have an accountable executive approve the acceptance and record "
	       "signed_off_by and signed_off_at, or choose another treatment.",
	.run = run_signoff,
};

const struct check check_risks_treatment_overdue = {
	.id = "risks.treatment-overdue",
	.title = "Open risk treatments are on schedule",
	.controls = {"RA-05"},
	.criteria = {"CC3.2", "CC5.1", "CC4.2"},
	.hipaa = {"164.308(a)(1)(ii)(B)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.risks"},
	.reads = "risk register (status, due)",
	.fix = "Complete the treatment and close the risk, or re-plan it with a new due "
	       "date agreed by the owner.",
	.run = run_overdue,
};

const struct check check_risks_no_owner = {
	.id = "risks.no-owner",
	.title = "Every open risk has an owner on staff",
	.controls = {"RA-02"},
	.criteria = {"CC3.2", "CC1.3"},
	.hipaa = {"164.308(a)(1)(ii)(B)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.risks"},
	.reads = "risk register (status, owner_email); HR roster when imported",
	.fix = "Assign an owner who is on staff in owner_email of registers/risks.csv.",
	.run = run_no_owner,
};
