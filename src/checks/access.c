/*
 * access.c - the access checks about who holds accounts: leavers whose
 * accounts are still live, leavers without an offboarding ticket, and
 * accounts that belong to no one (docs/checks/access.md).
 */
#include "checks/access.h"

#include <string.h>

#include "util/text.h"

#define NOMEM(err) error_set((err), ERR_NOMEM, "out of memory")

/* The day a leaver's accounts must be gone by. */
static day_t deprovision_due(const struct check_context *ctx, day_t end)
{
	return end + ctx->config->deprovision_days;
}

/* "IAM user x still active, access key 1 last used D". */
static int describe_live(struct buf *b, const struct identity_link *k,
			 const struct fact *cred)
{
	const char *status = fact_str(k->account, "status");
	int rc;

	if (text_starts_with(k->system, "github:"))
		return buf_printf(b, "GitHub member %s still in the org", k->name);
	rc = buf_printf(b, "%s %s still active", access_account_noun(k->system),
			k->name);
	if (!rc && status && !text_equal(status, "active"))
		rc = buf_printf(b, " (status %s)", status);
	return rc ? rc : access_describe_use(b, k->account, cred);
}

/* Reports the live accounts of one person in one system: links
 * [first, last) of `live` (same system). */
static int report_leaver_system(struct check_context *ctx, const struct fact *person,
				day_t end, const struct identity_link *const *live,
				const struct fact *const *creds, size_t n,
				struct error *err)
{
	char left[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];
	struct access_facts ev = {NULL, 0, 0};
	struct buf b = BUF_INIT;
	int rc;

	access_day_text(end, left);
	access_day_text(deprovision_due(ctx, end), due);
	rc = buf_printf(&b, "left %s, deprovisioning due by %s", left, due) ||
	     access_facts_add(&ev, person);
	for (size_t i = 0; !rc && i < n; i++) {
		rc = buf_adds(&b, "; ") || describe_live(&b, live[i], creds[i]) ||
		     access_facts_add(&ev, live[i]->account) ||
		     (creds[i] && access_facts_add(&ev, creds[i]));
	}
	if (!rc)
		rc = check_report(ctx, fact_str(person, "email"), live[0]->system,
				  ev.items, ev.count, "%s", buf_cstr(&b));
	else
		rc = NOMEM(err);
	buf_release(&b);
	access_facts_release(&ev);
	return rc;
}

#define LEAVER_MAX_PER_SYSTEM 32

/* Every live account of one leaver, one finding per system.  Links come
 * sorted by (system, name), so one system's accounts are adjacent. */
static int leaver_accounts(struct check_context *ctx, const struct access_data *d,
			   const struct fact *person, day_t end, struct error *err)
{
	const struct identity_link *live[LEAVER_MAX_PER_SYSTEM];
	const struct fact *creds[LEAVER_MAX_PER_SYSTEM];
	const struct identity_link *k, *prev = NULL;
	size_t n = 0, pos = 0;
	int rc = 0;

	while ((k = identity_next_of(d->links, fact_str(person, "email"), &pos))) {
		const struct fact *cred = access_credential(d->credentials, k->system,
							    k->name);

		if (prev && text_equal_nocase(prev->system, k->system) &&
		    text_equal_nocase(prev->name, k->name))
			continue;   /* the same account listed twice */
		prev = k;
		if (!access_account_active(k->account, cred))
			continue;
		if (n && (!text_equal_nocase(live[0]->system, k->system) ||
			  n == LEAVER_MAX_PER_SYSTEM)) {
			if ((rc = report_leaver_system(ctx, person, end, live, creds, n, err)))
				return rc;
			n = 0;
		}
		live[n] = k;
		creds[n++] = cred;
	}
	if (n)
		rc = report_leaver_system(ctx, person, end, live, creds, n, err);
	return rc;
}

static int leaver_active_run(struct check_context *ctx, struct error *err)
{
	struct access_data d;
	int rc = access_data_load(ctx, &d, err);

	for (size_t i = 0; !rc && i < d.persons->count; i++) {
		const struct fact *p = &d.persons->items[i];
		day_t end = fact_day(p, "end_date");

		/* Not a leaver yet, or still within the deprovisioning SLA. */
		if (end == DAY_NONE || ctx->as_of <= deprovision_due(ctx, end))
			continue;
		rc = leaver_accounts(ctx, &d, p, end, err);
	}
	access_data_release(&d);
	return rc;
}

const struct check check_access_leaver_active_account = {
	.id = "access.leaver-active-account",
	.title = "Leavers' accounts are disabled within the deprovisioning SLA",
	.controls = {"AC-04"},
	.criteria = {"CC6.2", "CC6.3"},
	.hipaa = {"164.308(a)(3)(ii)(C)"},
	.severity = SEVERITY_HIGH,
	.requires = {"hr.", ACCESS_ACCOUNT_SOURCES},
	.reads = "HR people with an end date; Google, Okta, AWS IAM and GitHub "
		 "accounts as of the date; the IAM credential report for last use",
	.fix = "Disable or delete the account (suspend the Google user, deactivate "
	       "the Okta user, delete the IAM user's password and keys, remove the "
	       "GitHub member), then re-import the export.",
	.run = leaver_active_run,
};

/* ---- offboarding tickets ---- */

static bool has_label(const struct fact *ticket, const char *label)
{
	json_t *labels = json_object_get(ticket->data, "labels");
	size_t i;
	json_t *v;

	json_array_foreach(labels, i, v)
		if (text_equal_nocase(json_string_value(v), label))
			return true;
	return false;
}

/* The outcome for one leaver: the ticket that decides it. */
struct offboarding {
	const struct fact *on_time;      /* resolved by the due day: pass */
	const struct fact *late;         /* resolved after it (earliest) */
	const struct fact *open;         /* unresolved */
};

static void judge_ticket(struct offboarding *o, const struct fact *t, day_t due)
{
	day_t resolved = fact_day(t, "resolved_at");

	if (resolved == DAY_NONE) {
		/* Done without a resolution date: its time is unknown, so it
		 * cannot be shown late. */
		if (text_equal(fact_str(t, "status_category"), "done"))
			o->on_time = t;
		else if (!o->open)
			o->open = t;
	} else if (resolved <= due) {
		o->on_time = t;
	} else if (!o->late || resolved < fact_day(o->late, "resolved_at")) {
		o->late = t;
	}
}

static int report_offboarding(struct check_context *ctx, const struct fact *person,
			      day_t end, const struct offboarding *o)
{
	char left[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE], when[DATE_TEXT_SIZE];
	const char *email = fact_str(person, "email");
	const struct fact *ev[2] = {person, NULL};
	day_t resolved;

	access_day_text(end, left);
	access_day_text(deprovision_due(ctx, end), due);
	if (o->late) {
		ev[1] = o->late;
		resolved = fact_day(o->late, "resolved_at");
		access_day_text(resolved, when);
		return check_report(ctx, email, "jira", ev, 2,
				    "left %s; offboarding ticket %s resolved %s, "
				    "%d days after the end date (due by %s)",
				    left, fact_str(o->late, "key"), when,
				    (int)(resolved - end), due);
	}
	if (o->open) {
		const char *status = fact_str(o->open, "status");

		ev[1] = o->open;
		return check_report(ctx, email, "jira", ev, 2,
				    "left %s; offboarding ticket %s is still "
				    "unresolved (status %s; due by %s)",
				    left, fact_str(o->open, "key"),
				    status ? status : "unknown", due);
	}
	return check_report(ctx, email, "jira", ev, 1,
			    "left %s; no Jira ticket labelled \"%s\" names %s "
			    "(deprovisioning due by %s)",
			    left, ctx->config->offboarding_label, email, due);
}

/* Whether the leaver is in scope: left on or after the window's start
 * (when one is set), and the deprovisioning is due before the date. */
static bool offboarding_due(const struct check_context *ctx, day_t end)
{
	if (end == DAY_NONE || ctx->as_of <= deprovision_due(ctx, end))
		return false;
	return ctx->config->window_start == DAY_NONE ||
	       end >= ctx->config->window_start;
}

static int no_ticket_run(struct check_context *ctx, struct error *err)
{
	const struct fact_list *persons, *tickets;
	const char *label = ctx->config->offboarding_label;
	int rc;

	if (!ctx->config->offboarding_ticket_required)
		return 0;
	if ((rc = check_facts(ctx, "person", &persons, err)) ||
	    (rc = check_facts(ctx, "ticket", &tickets, err)))
		return rc;
	for (size_t i = 0; i < persons->count; i++) {
		const struct fact *p = &persons->items[i];
		const char *email = fact_str(p, "email");
		day_t end = fact_day(p, "end_date");
		struct offboarding o = {NULL, NULL, NULL};

		if (!offboarding_due(ctx, end))
			continue;
		for (size_t j = 0; j < tickets->count; j++) {
			const struct fact *t = &tickets->items[j];

			if (has_label(t, label) &&
			    (access_text_names(fact_str(t, "summary"), email) ||
			     access_text_names(fact_str(t, "text"), email)))
				judge_ticket(&o, t, deprovision_due(ctx, end));
		}
		if (!o.on_time && (rc = report_offboarding(ctx, p, end, &o)))
			return rc == ERR_NOMEM ? NOMEM(err) : rc;
	}
	return 0;
}

const struct check check_access_leaver_no_offboarding_ticket = {
	.id = "access.leaver-no-offboarding-ticket",
	.title = "Every leaver has an offboarding ticket resolved within the SLA",
	.controls = {"AC-04"},
	.criteria = {"CC6.2", "CC6.3"},
	.hipaa = {"164.308(a)(3)(ii)(C)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"hr.", "jira."},
	.reads = "HR people with an end date; Jira tickets with the offboarding "
		 "label (config offboarding_label) naming the person's e-mail",
	.fix = "Open (or find) the offboarding ticket, label it, name the "
	       "leaver's e-mail in its summary or description, and resolve it "
	       "when every account is disabled; re-import the Jira export.",
	.run = no_ticket_run,
};

/* ---- orphans ---- */

static int report_orphan(struct check_context *ctx, const struct identity_link *k,
			 const struct fact *cred, struct error *err)
{
	const struct fact *ev[2] = {k->account, cred};
	const char *status = fact_str(k->account, "status");
	struct buf b = BUF_INIT;
	int rc;

	rc = buf_printf(&b, "%s %s is active", access_account_noun(k->system),
			k->name);
	if (!rc && status && !text_equal(status, "active"))
		rc = buf_printf(&b, " (status %s)", status);
	if (!rc)
		rc = access_describe_use(&b, k->account, cred);
	if (!rc)
		rc = buf_adds(&b, "; it belongs to no one: no HR person matches it "
			      "and neither registers/identities.csv nor "
			      "registers/service-accounts.csv lists it");
	if (rc) {
		buf_release(&b);
		return NOMEM(err);
	}
	rc = check_report(ctx, k->name, k->system, ev, 2, "%s", buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int orphan_run(struct check_context *ctx, struct error *err)
{
	struct access_data d;
	const struct identity_link *prev = NULL;
	int rc = access_data_load(ctx, &d, err);

	for (size_t i = 0; !rc && d.links && i < d.links->count; i++) {
		const struct identity_link *k = &d.links->items[i];
		const struct fact *cred;

		if (prev && text_equal_nocase(prev->system, k->system) &&
		    text_equal_nocase(prev->name, k->name))
			continue;
		prev = k;
		if (k->owner != IDENTITY_ORPHAN)
			continue;
		cred = access_credential(d.credentials, k->system, k->name);
		if (access_account_active(k->account, cred))
			rc = report_orphan(ctx, k, cred, err);
	}
	access_data_release(&d);
	return rc;
}

const struct check check_access_orphan_account = {
	.id = "access.orphan-account",
	.title = "Every active account belongs to a person or a declared service account",
	.controls = {"AC-01", "AC-10"},
	.criteria = {"CC6.1", "CC6.2", "CC6.3"},
	.hipaa = {"164.312(a)(2)(i)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {ACCESS_ACCOUNT_SOURCES},
	.reads = "accounts as of the date linked to HR people (e-mail, AWS tag, "
		 "user name, registers/identities.csv) and "
		 "registers/service-accounts.csv",
	.fix = "Disable the account if nobody needs it; otherwise add it to "
	       "registers/identities.csv (a person's account) or "
	       "registers/service-accounts.csv (with an owner and purpose).",
	.run = orphan_run,
};
