/* test_checks_access.c - the access checks about accounts and credentials
 * (src/checks/access.c, access_auth.c, access_iam.c): for each, a world
 * that fails with the exact findings, and one that passes, including the
 * "no false alarm" cases (a leaver deprovisioned on time with a ticket, a
 * declared service account, an inactive key, a break-glass role). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "check_test.h"
#include "importers/importer.h"
#include "util/fs.h"

#define AS_OF "2026-09-30"
#define ACCT "aws:111122223333"

/* add_fact with printf-formed JSON. */
static void addf(struct fact_list *l, const char *kind, const char *key,
		 const char *effective, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void addf(struct fact_list *l, const char *kind, const char *key,
		 const char *effective, const char *fmt, ...)
{
	char json[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(json, sizeof(json), fmt, ap);
	va_end(ap);
	add_fact(l, kind, key, json, effective, "sha256:aa");
}

static void person(struct fact_list *l, const char *email, const char *end)
{
	char endq[32];

	snprintf(endq, sizeof(endq), end ? "\"%s\"" : "null", end ? end : "");
	addf(l, "person", email, AS_OF,
	     "{\"email\":\"%s\",\"name\":\"x\",\"employment_type\":\"employee\","
	     "\"start_date\":\"2024-01-01\",\"end_date\":%s}", email, endq);
}

/* An IdP account: system google-workspace or okta. */
static void idp(struct fact_list *l, const char *system, const char *login,
		const char *status, bool active, const char *last_login,
		const char *mfa, const char *id)
{
	char key[256], ll[64];

	snprintf(key, sizeof(key), "%s/%s", system, login);
	snprintf(ll, sizeof(ll), last_login ? "\"%s\"" : "null",
		 last_login ? last_login : "");
	addf(l, "account", key, AS_OF,
	     "{\"system\":\"%s\",\"account\":\"%s\",\"email\":\"%s\",\"status\":\"%s\","
	     "\"active\":%s,\"admin\":null,\"mfa\":%s,\"last_login_at\":%s,"
	     "\"kind\":\"user\",\"id\":\"%s\"}",
	     system, login, login, status, active ? "true" : "false", mfa, ll, id);
}

static void iam_user(struct fact_list *l, const char *user, const char *tag_email)
{
	char key[256], tags[256];

	snprintf(key, sizeof(key), ACCT "/%s", user);
	snprintf(tags, sizeof(tags), tag_email ? "{\"email\":\"%s\"}" : "{}",
		 tag_email ? tag_email : "");
	addf(l, "account", key, AS_OF,
	     "{\"system\":\"" ACCT "\",\"account\":\"%s\",\"email\":null,"
	     "\"active\":true,\"admin\":null,\"mfa\":null,\"kind\":\"user\","
	     "\"created_at\":\"2025-01-05T00:00:00Z\",\"tags\":%s}", user, tags);
}

/* A credential-report row; NULL stamps are JSON null. */
struct cred {
	const char *user;
	bool root, password;
	const char *password_used;
	bool unknown;
	const char *mfa;                  /* "true"/"false" */
	bool key1;
	const char *key1_rotated, *key1_used;
	bool key2;
	const char *key2_rotated, *key2_used;
	const char *created;
};

static void q(char *out, size_t size, const char *s)
{
	snprintf(out, size, s ? "\"%s\"" : "null", s ? s : "");
}

static void credential(struct fact_list *l, const struct cred *c)
{
	char key[256], pu[48], r1[48], u1[48], r2[48], u2[48], cr[48];

	snprintf(key, sizeof(key), "111122223333/%s", c->user);
	q(pu, sizeof(pu), c->password_used);
	q(r1, sizeof(r1), c->key1_rotated);
	q(u1, sizeof(u1), c->key1_used);
	q(r2, sizeof(r2), c->key2_rotated);
	q(u2, sizeof(u2), c->key2_used);
	q(cr, sizeof(cr), c->created ? c->created : "2025-01-05T00:00:00Z");
	addf(l, "aws_credential", key, AS_OF,
	     "{\"system\":\"" ACCT "\",\"user\":\"%s\",\"root\":%s,"
	     "\"password_enabled\":%s,\"password_last_used\":%s,"
	     "\"password_last_used_unknown\":%s,\"mfa_active\":%s,"
	     "\"key1_active\":%s,\"key1_last_rotated\":%s,\"key1_last_used\":%s,"
	     "\"key2_active\":%s,\"key2_last_rotated\":%s,\"key2_last_used\":%s,"
	     "\"created_at\":%s}",
	     c->user, c->root ? "true" : "false",
	     c->root ? "null" : c->password ? "true" : "false", pu,
	     c->unknown ? "true" : "false", c->mfa ? c->mfa : "false",
	     c->key1 ? "true" : "false", r1, u1, c->key2 ? "true" : "false", r2,
	     u2, cr);
}

static void member(struct fact_list *l, const char *login)
{
	char key[256];

	snprintf(key, sizeof(key), "github:acme/%s", login);
	addf(l, "account", key, AS_OF,
	     "{\"system\":\"github:acme\",\"account\":\"%s\",\"email\":null,"
	     "\"status\":\"active\",\"active\":true,\"kind\":\"member\"}", login);
}

static void ticket(struct fact_list *l, const char *key, const char *label,
		   const char *summary, const char *text, const char *status,
		   const char *category, const char *resolved)
{
	char res[64];

	q(res, sizeof(res), resolved);
	addf(l, "ticket", key, AS_OF,
	     "{\"key\":\"%s\",\"summary\":\"%s\",\"text\":\"%s\",\"labels\":[\"%s\"],"
	     "\"type\":\"Task\",\"status\":\"%s\",\"status_category\":\"%s\","
	     "\"created_at\":\"2026-01-01T00:00:00Z\",\"resolved_at\":%s}",
	     key, summary, text, label, status, category, res);
}

/* The finding of (subject, system); fails when absent. */
static const struct finding *finding(const struct check_run *run, const char *subject,
				     const char *system)
{
	for (size_t i = 0; i < run->findings.count; i++)
		if (strcmp(run->findings.items[i].subject, subject) == 0 &&
		    strcmp(run->findings.items[i].system, system) == 0)
			return &run->findings.items[i];
	fail_msg("no finding for %s in %s", subject, system);
	return NULL;
}

static void expect(const struct check_run *run, const char *subject,
		   const char *system, const char *detail)
{
	const struct finding *f = finding(run, subject, system);

	assert_string_equal(f->detail, detail);
	assert_true(f->evidence_count >= 1);
}

static void expect_pass(const char *id, const struct fact_list *facts,
			const struct config *config)
{
	struct check_run run;

	assert_int_equal(run_one_check(id, facts, NULL, AS_OF, config, &run), RESULT_PASS);
	for (size_t i = 0; i < run.findings.count; i++)
		print_message("unexpected: %s %s: %s\n", run.findings.items[i].subject,
			      run.findings.items[i].system, run.findings.items[i].detail);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
}

/* ---- leavers ---- */

/* carol left on 2026-05-01 and was deprovisioned on time: her Okta user is
 * suspended, her Google account and IAM user are gone, she is in no org;
 * her ticket was resolved the next day.  bob leaves 2026-09-29: his
 * deprovisioning is due on the date itself, not late yet.  dave stays. */
static void leavers_on_time(struct fact_list *l)
{
	person(l, "carol@acme.example", "2026-05-01");
	person(l, "bob@acme.example", "2026-09-29");
	person(l, "dave@acme.example", NULL);
	idp(l, "okta", "carol@acme.example", "suspended", false, "2026-04-30T10:00:00Z",
	    "null", "00uc");
	idp(l, "okta", "bob@acme.example", "active", true, "2026-09-29T08:00:00Z",
	    "null", "00ub");
	idp(l, "google-workspace", "dave@acme.example", "active", true,
	    "2026-09-29T08:00:00Z", "true", "g1");
	ticket(l, "OPS-4", "offboarding", "Offboard Carol",
	       "Remove every account of Carol@Acme.example.", "Done", "done",
	       "2026-05-02T16:00:00Z");
}

/* alice left on 2026-06-10 and still has live accounts everywhere. */
static void leaver_alice(struct fact_list *l)
{
	person(l, "alice@acme.example", "2026-06-10");
	idp(l, "google-workspace", "alice@acme.example", "active", true,
	    "2026-07-01T09:00:00Z", "true", "g2");
	idp(l, "okta", "alice@acme.example", "locked_out", true, NULL, "null", "00ua");
	iam_user(l, "alice", NULL);                        /* local part */
	iam_user(l, "alice-admin", "Alice@acme.example");  /* email tag */
	iam_user(l, "alice-old", "alice@acme.example");    /* no credentials */
	credential(l, &(struct cred){.user = "alice", .key1 = true,
				     .key1_rotated = "2026-01-05T00:00:00Z",
				     .key1_used = "2026-09-28T10:00:00Z"});
	credential(l, &(struct cred){.user = "alice-admin", .password = true,
				     .password_used = "2026-08-01T12:00:00Z",
				     .mfa = "true"});
	credential(l, &(struct cred){.user = "alice-old",
				     .key1_rotated = "2025-02-01T00:00:00Z"});
	member(l, "alice-gh");
	addf(l, "identity", "github:acme/alice-gh", AS_OF,
	     "{\"system\":\"github:acme\",\"account\":\"alice-gh\","
	     "\"email\":\"alice@acme.example\"}");
}

static void test_leaver_active_fails(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	leavers_on_time(&l);
	leaver_alice(&l);
	assert_int_equal(run_one_check("access.leaver-active-account", &l, NULL, AS_OF,
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 4);
	expect(&run, "alice@acme.example", "google-workspace",
	       "left 2026-06-10, deprovisioning due by 2026-06-11; Google account "
	       "alice@acme.example still active, last login 2026-07-01");
	expect(&run, "alice@acme.example", "okta",
	       "left 2026-06-10, deprovisioning due by 2026-06-11; Okta user "
	       "alice@acme.example still active (status locked_out), no sign-in recorded");
	expect(&run, "alice@acme.example", ACCT,
	       "left 2026-06-10, deprovisioning due by 2026-06-11; IAM user alice "
	       "still active, access key 1 last used 2026-09-28; IAM user "
	       "alice-admin still active, console password last used 2026-08-01");
	expect(&run, "alice@acme.example", "github:acme",
	       "left 2026-06-10, deprovisioning due by 2026-06-11; GitHub member "
	       "alice-gh still in the org");
	assert_int_equal(run.findings.items[0].severity, SEVERITY_HIGH);
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_leaver_active_passes(void **state)
{
	struct fact_list l;

	(void)state;
	fact_list_init(&l);
	leavers_on_time(&l);
	expect_pass("access.leaver-active-account", &l, NULL);
	fact_list_release(&l);
}

static void test_leaver_active_not_due(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	leaver_alice(&l);
	/* On the due day itself nothing is late yet. */
	assert_int_equal(run_one_check("access.leaver-active-account", &l, NULL,
				       "2026-06-11", NULL, &run), RESULT_PASS);
	check_run_release(&run);
	fact_list_release(&l);
}

static void offboarding_failures(struct fact_list *l)
{
	person(l, "alice@acme.example", "2026-06-10");
	person(l, "erin@acme.example", "2026-07-01");
	person(l, "frank@acme.example", "2026-08-01");
	person(l, "gina@acme.example", "2026-03-01");   /* before the window */
	ticket(l, "OPS-1", "Offboarding", "Offboard alice@acme.example", "",
	       "Done", "done", "2026-06-15T09:00:00Z");
	/* Names kerin@, not erin@; and the wrong label. */
	ticket(l, "OPS-2", "offboarding", "Offboard kerin@acme.example", "",
	       "Done", "done", "2026-07-01T09:00:00Z");
	ticket(l, "OPS-5", "onboarding", "Onboard erin@acme.example", "",
	       "Done", "done", "2026-01-02T09:00:00Z");
	ticket(l, "OPS-3", "offboarding", "Leaver",
	       "Please remove frank@acme.example from every system", "In Progress",
	       "indeterminate", NULL);
}

static void test_no_ticket_fails(void **state)
{
	struct fact_list l;
	struct check_run run;
	struct config c;

	(void)state;
	fact_list_init(&l);
	leavers_on_time(&l);
	offboarding_failures(&l);
	assert_int_equal(run_one_check("access.leaver-no-offboarding-ticket", &l, NULL,
				       AS_OF, NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 3);
	expect(&run, "alice@acme.example", "jira",
	       "left 2026-06-10; offboarding ticket OPS-1 resolved 2026-06-15, 5 days "
	       "after the end date (due by 2026-06-11)");
	expect(&run, "erin@acme.example", "jira",
	       "left 2026-07-01; no Jira ticket labelled \"offboarding\" names "
	       "erin@acme.example (deprovisioning due by 2026-07-02)");
	expect(&run, "frank@acme.example", "jira",
	       "left 2026-08-01; offboarding ticket OPS-3 is still unresolved (status "
	       "In Progress; due by 2026-08-02)");
	check_run_release(&run);
	/* Not required by the configuration: nothing to report. */
	config_defaults(&c);
	c.offboarding_ticket_required = false;
	expect_pass("access.leaver-no-offboarding-ticket", &l, &c);
	fact_list_release(&l);
}

static void test_no_ticket_passes(void **state)
{
	struct fact_list l;

	(void)state;
	fact_list_init(&l);
	leavers_on_time(&l);
	expect_pass("access.leaver-no-offboarding-ticket", &l, NULL);
	fact_list_release(&l);
}

/* ---- orphans ---- */

static void orphans_declared(struct fact_list *l)
{
	person(l, "dave@acme.example", NULL);
	idp(l, "google-workspace", "dave@acme.example", "active", true,
	    "2026-09-29T08:00:00Z", "true", "g1");
	idp(l, "okta", "svc-ci", "active", true, NULL, "null", "00us");
	addf(l, "service_account", "okta/svc-ci", AS_OF,
	     "{\"system\":\"okta\",\"account\":\"svc-ci\","
	     "\"owner_email\":\"dave@acme.example\",\"purpose\":\"CI\"}");
	idp(l, "okta", "old@contractor.example", "suspended", false, NULL, "null", "00uo");
	iam_user(l, "deploy-bot", NULL);
	credential(l, &(struct cred){.user = "deploy-bot",
				     .key1_rotated = "2025-01-01T00:00:00Z"});
}

static void test_orphan_fails(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	orphans_declared(&l);
	idp(&l, "okta", "ghost@acme.example", "active", true, "2026-09-01T00:00:00Z",
	    "null", "00ug");
	member(&l, "octocat");
	assert_int_equal(run_one_check("access.orphan-account", &l, NULL, AS_OF, NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	expect(&run, "ghost@acme.example", "okta",
	       "Okta user ghost@acme.example is active, last login 2026-09-01; it "
	       "belongs to no one: no HR person matches it and neither "
	       "registers/identities.csv nor registers/service-accounts.csv lists it");
	expect(&run, "octocat", "github:acme",
	       "GitHub member octocat is active; it belongs to no one: no HR person "
	       "matches it and neither registers/identities.csv nor "
	       "registers/service-accounts.csv lists it");
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_orphan_passes(void **state)
{
	struct fact_list l;

	(void)state;
	fact_list_init(&l);
	orphans_declared(&l);
	expect_pass("access.orphan-account", &l, NULL);
	fact_list_release(&l);
}

/* ---- MFA ---- */

static void factor(struct fact_list *l, const char *user, const char *id,
		   const char *type, const char *status, bool strong)
{
	char key[128];

	snprintf(key, sizeof(key), "%s/%s", user, id);
	addf(l, "okta_factor", key, AS_OF,
	     "{\"user_id\":\"%s\",\"factor_type\":\"%s\",\"provider\":\"OKTA\","
	     "\"status\":\"%s\",\"strong\":%s}", user, type, status,
	     strong ? "true" : "false");
}

static void mfa_good(struct fact_list *l)
{
	idp(l, "google-workspace", "g2@acme.example", "active", true, NULL, "true", "g2");
	idp(l, "google-workspace", "g3@acme.example", "active", true, NULL, "null", "g3");
	idp(l, "google-workspace", "g4@acme.example", "suspended", false, NULL, "false",
	    "g4");
	idp(l, "okta", "o2@acme.example", "active", true, NULL, "null", "00u2");
	factor(l, "00u2", "f1", "email", "active", false);
	factor(l, "00u2", "f2", "push", "active", true);
	idp(l, "okta", "o4@acme.example", "deprovisioned", false, NULL, "null", "00u4");
	credential(l, &(struct cred){.user = "dan", .mfa = "false", .key1 = true,
				     .key1_rotated = "2026-09-01T00:00:00Z"});
	credential(l, &(struct cred){.user = "erik", .password = true, .mfa = "true",
				     .password_used = "2026-09-01T00:00:00Z"});
	credential(l, &(struct cred){.user = "<root_account>", .root = true,
				     .mfa = "false"});
}

static void test_mfa_fails(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	mfa_good(&l);
	idp(&l, "google-workspace", "g1@acme.example", "active", true,
	    "2026-09-01T07:00:00Z", "false", "g1");
	idp(&l, "okta", "o1@acme.example", "active", true, NULL, "null", "00u1");
	factor(&l, "00u1", "f1", "email", "active", false);
	factor(&l, "00u1", "f2", "sms", "pending_activation", false);
	idp(&l, "okta", "o3@acme.example", "active", true, NULL, "null", "00u3");
	credential(&l, &(struct cred){.user = "carl", .password = true, .mfa = "false",
				      .password_used = "2026-09-20T00:00:00Z"});
	assert_int_equal(run_one_check("access.mfa-missing", &l, NULL, AS_OF, NULL, &run),
			 RESULT_FAIL);
	assert_int_equal(run.findings.count, 4);
	expect(&run, "g1@acme.example", "google-workspace",
	       "Google account g1@acme.example is active without 2-Step Verification "
	       "enrolled (isEnrolledIn2Sv false), last login 2026-09-01");
	expect(&run, "o1@acme.example", "okta",
	       "Okta user o1@acme.example is active without a strong active factor "
	       "(factors: email active, sms pending_activation)");
	expect(&run, "o3@acme.example", "okta",
	       "Okta user o3@acme.example is active and there is no factor enrolment "
	       "evidence: no factors list was imported for user id 00u3, or it is empty");
	assert_int_equal(finding(&run, "o3@acme.example", "okta")->severity, SEVERITY_MEDIUM);
	assert_int_equal(finding(&run, "o1@acme.example", "okta")->severity, SEVERITY_HIGH);
	expect(&run, "carl", ACCT,
	       "IAM user carl has a console password and no MFA device, password "
	       "last used 2026-09-20");
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_mfa_no_factor_lists(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	idp(&l, "okta", "o1@acme.example", "active", true, NULL, "null", "00u1");
	idp(&l, "okta", "o2@acme.example", "active", true, NULL, "null", "00u2");
	idp(&l, "okta", "o3@acme.example", "suspended", false, NULL, "null", "00u3");
	assert_int_equal(run_one_check("access.mfa-missing", &l, NULL, AS_OF, NULL, &run),
			 RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	expect(&run, "okta", "okta",
	       "no Okta factor lists imported "
	       "(sources/okta/api/v1/users/<id>/factors.json): MFA of 2 active users "
	       "cannot be shown");
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_mfa_passes(void **state)
{
	struct fact_list l;

	(void)state;
	fact_list_init(&l);
	mfa_good(&l);
	expect_pass("access.mfa-missing", &l, NULL);
	fact_list_release(&l);
}

/* ---- root ---- */

static void test_root_fails(void **state)
{
	struct fact_list l;
	struct check_run run;
	const struct finding *f;

	(void)state;
	fact_list_init(&l);
	credential(&l, &(struct cred){.user = "<root_account>", .root = true,
				      .mfa = "false",
				      .password_used = "2026-07-01T10:00:00Z",
				      .key1 = true, .key1_rotated = "2024-02-01T00:00:00Z",
				      .key1_used = "2026-08-15T10:00:00Z",
				      .key2_rotated = "2023-01-01T00:00:00Z"});
	assert_int_equal(run_one_check("access.root-account", &l, NULL, AS_OF, NULL, &run),
			 RESULT_FAIL);
	assert_int_equal(run.findings.count, 3);
	expect(&run, "root (" ACCT ") MFA", ACCT,
	       "root user has no MFA device (mfa_active false in the credential "
	       "report of 2026-09-30)");
	expect(&run, "root (" ACCT ") access key", ACCT,
	       "root user has access key 1 active (created 2024-02-01, last used "
	       "2026-08-15)");
	expect(&run, "root (" ACCT ") use", ACCT,
	       "root user used access key 1 on 2026-08-15, within 90 days of "
	       "2026-09-30; use a named IAM role and keep root for the tasks that "
	       "need it");
	f = finding(&run, "root (" ACCT ") MFA", ACCT);
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	f = finding(&run, "root (" ACCT ") use", ACCT);
	assert_int_equal(f->severity, SEVERITY_HIGH);
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_root_passes(void **state)
{
	struct fact_list l;

	(void)state;
	fact_list_init(&l);
	/* MFA on, the old key inactive, last sign-in 91 days ago. */
	credential(&l, &(struct cred){.user = "<root_account>", .root = true,
				      .mfa = "true",
				      .password_used = "2026-07-01T10:00:00Z",
				      .key1_rotated = "2020-01-01T00:00:00Z",
				      .key1_used = "2020-02-01T00:00:00Z"});
	expect_pass("access.root-account", &l, NULL);
	fact_list_release(&l);
}

/* ---- wildcard admin ---- */

static void policy(struct fact_list *l, const char *name, const char *statement)
{
	char key[256];

	snprintf(key, sizeof(key), "111122223333/arn:aws:iam::111122223333:policy/%s",
		 name);
	addf(l, "aws_iam_policy", key, AS_OF,
	     "{\"system\":\"" ACCT "\",\"arn\":\"arn:aws:iam::111122223333:policy/%s\","
	     "\"name\":\"%s\",\"document\":{\"Version\":\"2012-10-17\","
	     "\"Statement\":[%s]}}", name, name, statement);
}

static void principal(struct fact_list *l, const char *kind, const char *attr,
		      const char *name, const char *groups, const char *inline_docs,
		      const char *attached)
{
	char key[256];
	const char *arn_kind = attr;

	snprintf(key, sizeof(key), "111122223333/%s", name);
	addf(l, kind, key, AS_OF,
	     "{\"system\":\"" ACCT "\",\"%s\":\"%s\","
	     "\"arn\":\"arn:aws:iam::111122223333:%s/%s\",\"groups\":[%s],"
	     "\"inline_policies\":[%s],\"attached_policies\":[%s],\"tags\":{}}",
	     attr, name, arn_kind, name, groups, inline_docs, attached);
}

static void iam_safe(struct fact_list *l)
{
	policy(l, "ReadOnlyish",
	       "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/*\"}");
	policy(l, "AlmostAll",
	       "{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}");
	policy(l, "DenyAll", "{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}");
	principal(l, "aws_iam_group", "group", "readers", "",
		  "", "\"arn:aws:iam::111122223333:policy/ReadOnlyish\"");
	principal(l, "aws_iam_user", "user", "cy", "\"readers\"", "",
		  "\"arn:aws:iam::111122223333:policy/AlmostAll\","
		  "\"arn:aws:iam::111122223333:policy/DenyAll\"");
	principal(l, "aws_iam_role", "role", "BreakGlass", "", "",
		  "\"arn:aws:iam::aws:policy/AdministratorAccess\"");
	addf(l, "service_account", "aws:111122223333/BreakGlass", AS_OF,
	     "{\"system\":\"" ACCT "\",\"account\":\"breakglass\","
	     "\"owner_email\":\"dave@acme.example\","
	     "\"purpose\":\"Break-glass emergency access\"}");
}

static void test_wildcard_fails(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	iam_safe(&l);
	policy(&l, "AllAccess",
	       "{\"Effect\":\"Allow\",\"Action\":[\"s3:*\",\"*\"],\"Resource\":\"*\"}");
	principal(&l, "aws_iam_group", "group", "admins", "", "",
		  "\"arn:aws:iam::111122223333:policy/AllAccess\"");
	principal(&l, "aws_iam_user", "user", "ann", "\"admins\",\"readers\"", "", "");
	principal(&l, "aws_iam_user", "user", "ben", "",
		  "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*:*\","
		  "\"Resource\":[\"*\"]}}", "");
	principal(&l, "aws_iam_role", "role", "OrganizationAccountAccessRole", "", "",
		  "\"arn:aws:iam::aws:policy/AdministratorAccess\"");
	assert_int_equal(run_one_check("access.wildcard-admin", &l, NULL, AS_OF, NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 4);
	expect(&run, "arn:aws:iam::111122223333:group/admins", ACCT,
	       "IAM group admins is allowed every action on every resource: attached "
	       "policy arn:aws:iam::111122223333:policy/AllAccess");
	expect(&run, "arn:aws:iam::111122223333:user/ann", ACCT,
	       "IAM user ann is allowed every action on every resource: member of "
	       "group admins (attached policy arn:aws:iam::111122223333:policy/AllAccess)");
	expect(&run, "arn:aws:iam::111122223333:user/ben", ACCT,
	       "IAM user ben is allowed every action on every resource: inline policy "
	       "1 allows Action \"*\" on Resource \"*\"");
	expect(&run, "arn:aws:iam::111122223333:role/OrganizationAccountAccessRole", ACCT,
	       "IAM role OrganizationAccountAccessRole is allowed every action on every "
	       "resource: attached policy arn:aws:iam::aws:policy/AdministratorAccess");
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_wildcard_passes(void **state)
{
	struct fact_list l;

	(void)state;
	fact_list_init(&l);
	iam_safe(&l);
	expect_pass("access.wildcard-admin", &l, NULL);
	fact_list_release(&l);
}

/* ---- stale credentials ---- */

static void creds_fresh(struct fact_list *l)
{
	credential(l, &(struct cred){.user = "fresh", .password = true, .mfa = "true",
				     .password_used = "2026-09-28T00:00:00Z",
				     .key1 = true, .key1_rotated = "2026-08-01T00:00:00Z",
				     .key1_used = "2026-09-29T00:00:00Z",
				     .key2_rotated = "2020-01-01T00:00:00Z"});
	/* Never used, but created 29 days ago. */
	credential(l, &(struct cred){.user = "new", .password = true, .mfa = "true",
				     .created = "2026-09-01T00:00:00Z"});
	/* Exactly 90 days: not more than the limit. */
	credential(l, &(struct cred){.user = "edge", .key1 = true,
				     .key1_rotated = "2026-07-02T00:00:00Z",
				     .key1_used = "2026-07-02T00:00:00Z"});
	credential(l, &(struct cred){.user = "<root_account>", .root = true,
				     .mfa = "true", .key1 = true,
				     .key1_rotated = "2019-01-01T00:00:00Z"});
}

static void test_stale_fails(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	creds_fresh(&l);
	credential(&l, &(struct cred){.user = "old-key", .key1 = true,
				      .key1_rotated = "2026-01-01T00:00:00Z",
				      .key1_used = "2026-09-29T00:00:00Z"});
	credential(&l, &(struct cred){.user = "idle", .password = true, .mfa = "true",
				      .password_used = "2026-05-01T00:00:00Z"});
	credential(&l, &(struct cred){.user = "never", .key2 = true,
				      .key2_rotated = "2026-06-01T00:00:00Z"});
	credential(&l, &(struct cred){.user = "legacy", .password = true, .unknown = true,
				      .mfa = "true"});
	assert_int_equal(run_one_check("access.stale-credentials", &l, NULL, AS_OF, NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 4);
	expect(&run, "old-key", ACCT,
	       "access key 1 not rotated since 2026-01-01 (272 days) (limit 90 days)");
	expect(&run, "idle", ACCT,
	       "console password last used 2026-05-01 (152 days ago) (limit 90 days)");
	expect(&run, "never", ACCT,
	       "access key 2 not rotated since 2026-06-01 (121 days); access key 2 "
	       "never used since created 2026-06-01 (121 days) (limit 90 days)");
	expect(&run, "legacy", ACCT,
	       "console password not used since IAM began tracking (October 2014) "
	       "(limit 90 days)");
	check_run_release(&run);
	fact_list_release(&l);
}

static void test_stale_passes(void **state)
{
	struct fact_list l;

	(void)state;
	fact_list_init(&l);
	creds_fresh(&l);
	expect_pass("access.stale-credentials", &l, NULL);
	fact_list_release(&l);
}

/* ---- real exports (shared/fixtures/real) through the real importers ---- */

/* Imports shared/fixtures/real/<rel> as workspace path `ws` and appends its
 * facts to `l` as the store would hand them over (digest set). */
static void import_real(struct fact_list *l, const char *rel, const char *ws)
{
	const char *shared = getenv("ATTEST_SHARED");
	char path[1024];
	struct config config;
	struct import_input in;
	struct import_output out;
	struct error err;
	const struct importer *imp;
	char *data = NULL;
	size_t size = 0;

	snprintf(path, sizeof(path), "%s/fixtures/real/%s", shared ? shared : "../shared",
		 rel);
	error_clear(&err);
	if (fs_read_file(path, 1 << 24, &data, &size, &err))
		fail_msg("%s", err.message);
	config_defaults(&config);
	imp = importer_for(ws, data, size);
	assert_non_null(imp);
	in.path = ws;
	in.data = data;
	in.size = size;
	in.config = &config;
	import_output_init(&out);
	if (imp->parse(&in, &out, &err))
		fail_msg("%s: %s", ws, err.message);
	for (size_t i = 0; i < out.facts.count; i++) {
		const struct fact *f = &out.facts.items[i];

		assert_int_equal(fact_list_add(l, f->kind, f->key, json_incref(f->data)), 0);
		l->items[l->count - 1].effective = DAY_NONE;
		text_copy(l->items[l->count - 1].digest, sizeof(l->items[0].digest),
			  "sha256:real");
	}
	import_output_release(&out);
	free(data);
}

#define REAL_ACCT "aws:123456789012"
#define REAL_AS_OF "2019-05-20"

/* CloudMapper's demo account: a root user with an active key used in
 * 2018 and a password used on 2019-03-03; a user with a year-old key and
 * password; a role with an inline Action ["*"] on "*". */
static void test_real_cloudmapper(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	import_real(&l, "cloudmapper-demo/credential-report.csv",
		    "sources/aws/123456789012/iam-credential-report.csv");
	import_real(&l, "cloudmapper-demo/iam-get-account-authorization-details.json",
		    "sources/aws/123456789012/iam-get-account-authorization-details.json");
	assert_int_equal(run_one_check("access.root-account", &l, NULL, REAL_AS_OF, NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	expect(&run, "root (" REAL_ACCT ") access key", REAL_ACCT,
	       "root user has access key 1 active (created 2018-11-23, last used "
	       "2018-11-27)");
	expect(&run, "root (" REAL_ACCT ") use", REAL_ACCT,
	       "root user signed in with the password on 2019-03-03, within 90 days "
	       "of 2019-05-20; use a named IAM role and keep root for the tasks that "
	       "need it");
	check_run_release(&run);
	assert_int_equal(run_one_check("access.stale-credentials", &l, NULL, REAL_AS_OF,
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	expect(&run, "user", REAL_ACCT,
	       "access key 2 not rotated since 2018-05-07 (378 days); access key 2 last "
	       "used 2018-05-07 (378 days ago); console password last used 2018-05-07 "
	       "(378 days ago) (limit 90 days)");
	check_run_release(&run);
	assert_int_equal(run_one_check("access.mfa-missing", &l, NULL, REAL_AS_OF, NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	expect(&run, "user", REAL_ACCT,
	       "IAM user user has a console password and no MFA device, password last "
	       "used 2018-05-07");
	check_run_release(&run);
	assert_int_equal(run_one_check("access.wildcard-admin", &l, NULL, REAL_AS_OF, NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	expect(&run, "arn:aws:iam::123456789012:role/bad_role", REAL_ACCT,
	       "IAM role bad_role is allowed every action on every resource: inline "
	       "policy 1 allows Action \"*\" on Resource \"*\"");
	check_run_release(&run);
	fact_list_release(&l);
}

/* ---- not evaluated ---- */

static void test_not_evaluated(void **state)
{
	static const char *const only_jira[] = {"jira.search", NULL};
	static const char *const only_hr[] = {"hr.roster", "okta.users", NULL};
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	leaver_alice(&l);
	assert_int_equal(run_one_check("access.leaver-active-account", &l, only_jira,
				       AS_OF, NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no hr. evidence imported as of this date");
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	assert_int_equal(run_one_check("access.root-account", &l, only_hr, AS_OF, NULL,
				       &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no aws.credential-report evidence imported as of this date");
	check_run_release(&run);
	assert_int_equal(run_one_check("access.leaver-no-offboarding-ticket", &l, only_hr,
				       AS_OF, NULL, &run), RESULT_NOT_EVALUATED);
	check_run_release(&run);
	fact_list_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leaver_active_fails),
		cmocka_unit_test(test_leaver_active_passes),
		cmocka_unit_test(test_leaver_active_not_due),
		cmocka_unit_test(test_no_ticket_fails),
		cmocka_unit_test(test_no_ticket_passes),
		cmocka_unit_test(test_orphan_fails),
		cmocka_unit_test(test_orphan_passes),
		cmocka_unit_test(test_mfa_fails),
		cmocka_unit_test(test_mfa_no_factor_lists),
		cmocka_unit_test(test_mfa_passes),
		cmocka_unit_test(test_root_fails),
		cmocka_unit_test(test_root_passes),
		cmocka_unit_test(test_wildcard_fails),
		cmocka_unit_test(test_wildcard_passes),
		cmocka_unit_test(test_stale_fails),
		cmocka_unit_test(test_stale_passes),
		cmocka_unit_test(test_real_cloudmapper),
		cmocka_unit_test(test_not_evaluated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
