/*
 * access_auth.c - the access checks about how accounts authenticate:
 * MFA, the AWS root user, and stale or unrotated IAM credentials
 * (docs/checks/access.md).  Credential-report semantics follow
 * shared/FORMAT-NOTES.md 2.1: N/A and not_supported are "no value",
 * no_information is "not used since IAM began tracking", and key ages key
 * off keyN_active.
 */
#include "checks/access.h"

#include <stdio.h>
#include <string.h>

#include "util/text.h"

#define NOMEM(err) error_set((err), ERR_NOMEM, "out of memory")

/* Root use within this many days of the date is reported (CIS 1.7). */
#define ROOT_RECENT_DAYS 90

/* Whether items[i] is superseded by the next fact of the same key (facts
 * come sorted by key, then evidence version: the last one is the latest). */
static bool superseded(const struct fact_list *l, size_t i)
{
	return i + 1 < l->count && strcmp(l->items[i + 1].key, l->items[i].key) == 0;
}

/* ---- MFA ---- */

static int google_mfa(struct check_context *ctx, const struct fact *a)
{
	struct buf b = BUF_INIT;
	const struct fact *ev[1] = {a};
	int rc;

	/* Unknown (null: the projection left the field out) is not judged. */
	if (fact_bool(a, "mfa", -1) != 0)
		return 0;
	rc = buf_printf(&b, "Google account %s is active without 2-Step "
			"Verification enrolled (isEnrolledIn2Sv false)",
			fact_str(a, "account"));
	if (!rc)
		rc = access_describe_use(&b, a, NULL);
	if (!rc)
		rc = check_report(ctx, fact_str(a, "account"), "google-workspace",
				  ev, 1, "%s", buf_cstr(&b));
	buf_release(&b);
	return rc;
}

/* "email active, sms pending_activation". */
static int list_factors(struct buf *b, const struct fact_list *factors,
			const char *user_id, struct access_facts *ev)
{
	bool first = true;
	int rc = 0;

	for (size_t i = 0; !rc && i < factors->count; i++) {
		const struct fact *f = &factors->items[i];

		if (superseded(factors, i) || !text_equal(fact_str(f, "user_id"), user_id))
			continue;
		rc = buf_printf(b, "%s%s %s", first ? "" : ", ",
				fact_str(f, "factor_type"), fact_str(f, "status")) ||
		     access_facts_add(ev, f);
		first = false;
	}
	return rc ? ERR_NOMEM : 0;
}

static int okta_mfa(struct check_context *ctx, const struct fact *a,
		    const struct fact_list *factors)
{
	const char *id = fact_str(a, "id"), *login = fact_str(a, "account");
	struct access_facts ev = {NULL, 0, 0};
	struct buf list = BUF_INIT;
	bool any = false, strong = false;
	int rc;

	for (size_t i = 0; i < factors->count; i++) {
		const struct fact *f = &factors->items[i];

		if (superseded(factors, i) || !id || !text_equal(fact_str(f, "user_id"), id))
			continue;
		any = true;
		strong |= fact_bool(f, "strong", 0) == 1;
	}
	if (strong)
		return 0;
	if ((rc = access_facts_add(&ev, a)) ||
	    (rc = list_factors(&list, factors, id, &ev)))
		goto done;
	if (!any)
		rc = check_report_severity(ctx, SEVERITY_MEDIUM, login, "okta",
					   ev.items, ev.count,
					   "Okta user %s is active and there is no "
					   "factor enrolment evidence: no factors "
					   "list was imported for user id %s, or it "
					   "is empty", login, id ? id : "unknown");
	else
		rc = check_report(ctx, login, "okta", ev.items, ev.count,
				  "Okta user %s is active without a strong "
				  "active factor (factors: %s)", login,
				  buf_cstr(&list));
done:
	buf_release(&list);
	access_facts_release(&ev);
	return rc;
}

/* No factor list imported at all: one finding for the whole directory
 * rather than one per user (the export is what is missing). */
static int okta_no_factors(struct check_context *ctx, const struct fact_list *accounts)
{
	struct access_facts ev = {NULL, 0, 0};
	size_t users = 0;
	int rc = 0;

	for (size_t i = 0; !rc && i < accounts->count; i++) {
		const struct fact *a = &accounts->items[i];

		if (superseded(accounts, i) || !text_equal(fact_str(a, "system"), "okta") ||
		    fact_bool(a, "active", 1) != 1)
			continue;
		users++;
		rc = access_facts_add(&ev, a);
	}
	if (!rc && users)
		rc = check_report_severity(ctx, SEVERITY_MEDIUM, "okta", "okta",
					   ev.items, ev.count,
					   "no Okta factor lists imported "
					   "(sources/okta/api/v1/users/<id>/factors.json): "
					   "MFA of %zu active users cannot be shown", users);
	access_facts_release(&ev);
	return rc;
}

static int iam_mfa(struct check_context *ctx, const struct fact *c)
{
	const struct fact *ev[1] = {c};
	struct buf b = BUF_INIT;
	int rc;

	if (fact_bool(c, "root", 0) == 1 || fact_bool(c, "password_enabled", 0) != 1 ||
	    fact_bool(c, "mfa_active", -1) != 0)
		return 0;
	rc = buf_printf(&b, "IAM user %s has a console password and no MFA device",
			fact_str(c, "user"));
	if (!rc && fact_bool(c, "password_last_used_unknown", 0) != 1) {
		char day[DATE_TEXT_SIZE];
		day_t d = fact_day(c, "password_last_used");

		access_day_text(d, day);
		rc = d == DAY_NONE ? buf_adds(&b, ", password never used")
				   : buf_printf(&b, ", password last used %s", day);
	}
	if (!rc)
		rc = check_report(ctx, fact_str(c, "user"), fact_str(c, "system"),
				  ev, 1, "%s", buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int mfa_run(struct check_context *ctx, struct error *err)
{
	const struct fact_list *accounts, *factors, *creds;
	bool okta_checked = false;
	int rc;

	if ((rc = check_facts(ctx, "account", &accounts, err)) ||
	    (rc = check_facts(ctx, "okta_factor", &factors, err)) ||
	    (rc = check_facts(ctx, "aws_credential", &creds, err)))
		return rc;
	if (factors->count == 0) {
		okta_checked = true;
		rc = okta_no_factors(ctx, accounts);
	}
	for (size_t i = 0; !rc && i < accounts->count; i++) {
		const struct fact *a = &accounts->items[i];
		const char *system = fact_str(a, "system");

		if (superseded(accounts, i) || fact_bool(a, "active", 1) != 1)
			continue;
		if (text_equal(system, "google-workspace"))
			rc = google_mfa(ctx, a);
		else if (text_equal(system, "okta") && !okta_checked)
			rc = okta_mfa(ctx, a, factors);
	}
	for (size_t i = 0; !rc && i < creds->count; i++)
		if (!superseded(creds, i))
			rc = iam_mfa(ctx, &creds->items[i]);
	return rc == ERR_NOMEM ? NOMEM(err) : rc;
}

const struct check check_access_mfa_missing = {
	.id = "access.mfa-missing",
	.title = "Active accounts use multi-factor authentication",
	.controls = {"AC-02"},
	.criteria = {"CC6.1", "CC6.6"},
	.hipaa = {"164.312(d)"},
	.severity = SEVERITY_HIGH,
	.requires = {"google-workspace.users|okta.users|aws.credential-report"},
	.reads = "Google users (isEnrolledIn2Sv), Okta users and their factor "
		 "lists, the IAM credential report (password_enabled, mfa_active)",
	.fix = "Enrol a second factor (Google 2-Step Verification, an Okta "
	       "authenticator other than e-mail or security question, an IAM "
	       "MFA device) or disable the account; enforce MFA by policy.",
	.run = mfa_run,
};

/* ---- root ---- */

/* "root (aws:111122223333) MFA". */
static int root_report(struct check_context *ctx, enum severity sev,
		       const struct fact *c, const char *problem,
		       const char *detail)
{
	const char *system = fact_str(c, "system");
	const struct fact *ev[1] = {c};
	struct buf subject = BUF_INIT;
	int rc;

	if (buf_printf(&subject, "root (%s) %s", system ? system : "aws", problem)) {
		buf_release(&subject);
		return ERR_NOMEM;
	}
	rc = check_report_severity(ctx, sev, buf_cstr(&subject), system, ev, 1,
				   "%s", detail);
	buf_release(&subject);
	return rc;
}

static int root_keys(struct check_context *ctx, const struct fact *c)
{
	static const char *const prefixes[2] = {"key1", "key2"};
	struct buf b = BUF_INIT;
	int rc = 0;

	for (int k = 0; !rc && k < 2; k++) {
		char attr[32], rotated[DATE_TEXT_SIZE], used[DATE_TEXT_SIZE];

		snprintf(attr, sizeof(attr), "%s_active", prefixes[k]);
		if (fact_bool(c, attr, 0) != 1)
			continue;
		snprintf(attr, sizeof(attr), "%s_last_rotated", prefixes[k]);
		access_day_text(fact_day(c, attr), rotated);
		snprintf(attr, sizeof(attr), "%s_last_used", prefixes[k]);
		access_day_text(fact_day(c, attr), used);
		rc = buf_printf(&b, "%saccess key %d active (created %s, last used %s)",
				b.len ? "; " : "root user has ", k + 1, rotated,
				fact_day(c, attr) == DAY_NONE ? "never" : used);
	}
	if (!rc && b.len)
		rc = root_report(ctx, SEVERITY_CRITICAL, c, "access key", buf_cstr(&b));
	buf_release(&b);
	return rc;
}

static int root_use(struct check_context *ctx, const struct fact *c)
{
	static const char *const attrs[3] = {"password_last_used", "key1_last_used",
					     "key2_last_used"};
	static const char *const words[3] = {"signed in with the password",
					     "used access key 1", "used access key 2"};
	char day[DATE_TEXT_SIZE], asof[DATE_TEXT_SIZE], detail[256];
	day_t last = DAY_NONE;
	int which = 0;

	for (int i = 0; i < 3; i++) {
		day_t d = fact_day(c, attrs[i]);

		if (d != DAY_NONE && d <= ctx->as_of && (last == DAY_NONE || d > last)) {
			last = d;
			which = i;
		}
	}
	if (last == DAY_NONE || ctx->as_of - last > ROOT_RECENT_DAYS)
		return 0;
	access_day_text(last, day);
	access_day_text(ctx->as_of, asof);
	snprintf(detail, sizeof(detail),
		 "root user %s on %s, within %d days of %s; use a named IAM role "
		 "and keep root for the tasks that need it", words[which], day,
		 ROOT_RECENT_DAYS, asof);
	return root_report(ctx, SEVERITY_HIGH, c, "use", detail);
}

static int root_run(struct check_context *ctx, struct error *err)
{
	const struct fact_list *creds;
	int rc;

	if ((rc = check_facts(ctx, "aws_credential", &creds, err)))
		return rc;
	for (size_t i = 0; !rc && i < creds->count; i++) {
		const struct fact *c = &creds->items[i];
		char report[DATE_TEXT_SIZE], detail[256];

		if (superseded(creds, i) || fact_bool(c, "root", 0) != 1)
			continue;
		if (fact_bool(c, "mfa_active", -1) == 0) {
			access_day_text(c->effective, report);
			snprintf(detail, sizeof(detail),
				 "root user has no MFA device (mfa_active false "
				 "in the credential report of %s)", report);
			rc = root_report(ctx, SEVERITY_CRITICAL, c, "MFA", detail);
		}
		if (!rc)
			rc = root_keys(ctx, c);
		if (!rc)
			rc = root_use(ctx, c);
	}
	return rc == ERR_NOMEM ? NOMEM(err) : rc;
}

const struct check check_access_root_account = {
	.id = "access.root-account",
	.title = "AWS root users have MFA, no access keys and no recent use",
	.controls = {"AC-08", "AC-02"},
	.criteria = {"CC6.1", "CC6.2"},
	.hipaa = {"164.312(d)"},
	.severity = SEVERITY_CRITICAL,
	.requires = {"aws.credential-report"},
	.reads = "the <root_account> row of each account's IAM credential report",
	.fix = "Enable a hardware MFA device on the root user, delete its access "
	       "keys, and do daily work through named IAM roles.",
	.run = root_run,
};

/* ---- stale credentials ---- */

/* Starts the next problem of a finding's detail: "; " after the first. */
static int next_problem(struct buf *b)
{
	return b->len ? buf_adds(b, "; ") : 0;
}

static int stale_key(struct buf *b, const struct check_context *ctx,
		     const struct fact *c, int k)
{
	int max = ctx->config->credential_max_age_days;
	char attr[32], day[DATE_TEXT_SIZE];
	day_t rotated, used;
	int rc = 0;

	snprintf(attr, sizeof(attr), "key%d_active", k);
	if (fact_bool(c, attr, 0) != 1)
		return 0;
	snprintf(attr, sizeof(attr), "key%d_last_rotated", k);
	rotated = fact_day(c, attr);
	if (rotated == DAY_NONE)
		rotated = fact_day(c, "created_at");
	snprintf(attr, sizeof(attr), "key%d_last_used", k);
	used = fact_day(c, attr);
	if (rotated != DAY_NONE && ctx->as_of - rotated > max) {
		access_day_text(rotated, day);
		rc = next_problem(b) ||
		     buf_printf(b, "access key %d not rotated since %s (%d days)",
				k, day, (int)(ctx->as_of - rotated));
	}
	/* Never used: its age counts from its creation (the rotation date). */
	if (!rc && used == DAY_NONE && rotated != DAY_NONE &&
	    ctx->as_of - rotated > max) {
		access_day_text(rotated, day);
		rc = next_problem(b) ||
		     buf_printf(b, "access key %d never used since created %s "
				"(%d days)", k, day, (int)(ctx->as_of - rotated));
	} else if (!rc && used != DAY_NONE && ctx->as_of - used > max) {
		access_day_text(used, day);
		rc = next_problem(b) ||
		     buf_printf(b, "access key %d last used %s (%d days ago)", k,
				day, (int)(ctx->as_of - used));
	}
	return rc ? ERR_NOMEM : 0;
}

static int stale_password(struct buf *b, const struct check_context *ctx,
			  const struct fact *c)
{
	int max = ctx->config->credential_max_age_days;
	day_t used = fact_day(c, "password_last_used");
	day_t created = fact_day(c, "created_at");
	char day[DATE_TEXT_SIZE];
	int rc;

	if (fact_bool(c, "password_enabled", 0) != 1)
		return 0;
	if (fact_bool(c, "password_last_used_unknown", 0) == 1) {
		rc = next_problem(b) ||
		     buf_adds(b, "console password not used since IAM began "
			      "tracking (October 2014)");
	} else if (used == DAY_NONE) {
		if (created == DAY_NONE || ctx->as_of - created <= max)
			return 0;
		access_day_text(created, day);
		rc = next_problem(b) ||
		     buf_printf(b, "console password never used since the user "
				"was created %s (%d days)", day,
				(int)(ctx->as_of - created));
	} else {
		if (ctx->as_of - used <= max)
			return 0;
		access_day_text(used, day);
		rc = next_problem(b) ||
		     buf_printf(b, "console password last used %s (%d days ago)",
				day, (int)(ctx->as_of - used));
	}
	return rc ? ERR_NOMEM : 0;
}

static int stale_run(struct check_context *ctx, struct error *err)
{
	const struct fact_list *creds;
	struct buf b = BUF_INIT;
	int rc;

	if ((rc = check_facts(ctx, "aws_credential", &creds, err)))
		return rc;
	for (size_t i = 0; !rc && i < creds->count; i++) {
		const struct fact *c = &creds->items[i];
		const struct fact *ev[1] = {c};

		/* Root keys and root use are access.root-account's. */
		if (superseded(creds, i) || fact_bool(c, "root", 0) == 1)
			continue;
		buf_reset(&b);
		rc = stale_key(&b, ctx, c, 1);
		if (!rc)
			rc = stale_key(&b, ctx, c, 2);
		if (!rc)
			rc = stale_password(&b, ctx, c);
		if (!rc && b.len)
			rc = check_report(ctx, fact_str(c, "user"), fact_str(c, "system"),
					  ev, 1, "%s (limit %d days)", buf_cstr(&b),
					  ctx->config->credential_max_age_days);
	}
	buf_release(&b);
	return rc == ERR_NOMEM ? NOMEM(err) : rc;
}

const struct check check_access_stale_credentials = {
	.id = "access.stale-credentials",
	.title = "IAM access keys are rotated and unused credentials removed",
	.controls = {"AC-09"},
	.criteria = {"CC6.1", "CC6.2"},
	.hipaa = {"164.308(a)(5)(ii)(D)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"aws.credential-report"},
	.reads = "the IAM credential report: keyN_active, keyN_last_rotated, "
		 "keyN_last_used, password_enabled, password_last_used, user "
		 "creation time",
	.fix = "Rotate the access key (create a new one, switch, delete the old), "
	       "or deactivate keys and remove console passwords nobody uses.",
	.run = stale_run,
};
