/*
 * access.h - the access family of checks (docs/checks/access.md) and the
 * helpers its files share: accounts linked to people (core/identity.h),
 * whether an account can sign in, the words that describe its last use,
 * and the account snapshot of a system in force on a past date.
 *
 * Internal to src/checks/access*.c; the descriptors are listed in
 * checks/batch_access.c.
 */
#ifndef ATTEST_CHECKS_ACCESS_H
#define ATTEST_CHECKS_ACCESS_H

#include <stdbool.h>
#include <stddef.h>

#include "checks/check.h"
#include "core/identity.h"
#include "util/buf.h"

extern const struct check check_access_leaver_active_account;
extern const struct check check_access_leaver_no_offboarding_ticket;
extern const struct check check_access_orphan_account;
extern const struct check check_access_mfa_missing;
extern const struct check check_access_root_account;
extern const struct check check_access_wildcard_admin;
extern const struct check check_access_stale_credentials;
extern const struct check check_access_review_missing;
extern const struct check check_access_review_revoke_not_done;

/* Importer-name alternatives that give `account` facts. */
#define ACCESS_ACCOUNT_SOURCES \
	"okta.users|google-workspace.users|aws.authorization-details|github.members"

/* The people, accounts and credentials in force as of the date, and every
 * account linked to its owner.  `links` borrow from `merged` (copies of
 * the facts identity_link needs, which keep their digests). */
struct access_data {
	const struct fact_list *persons;
	const struct fact_list *accounts;
	const struct fact_list *credentials;   /* aws_credential */
	struct fact_list merged;
	struct identity_links *links;
};

int access_data_load(struct check_context *ctx, struct access_data *d,
		     struct error *err);
void access_data_release(struct access_data *d);

/* The credential-report row of IAM user `user` in `system`, or NULL. */
const struct fact *access_credential(const struct fact_list *creds,
				     const char *system, const char *user);

/* Whether the account can sign in now: its `active` attribute (absent
 * counts as active: a listed account is presumed live); an AWS IAM user
 * whose credential-report row shows no console password and no active
 * access key cannot authenticate and counts as inactive. */
bool access_account_active(const struct fact *account,
			   const struct fact *credential);

/* "Google account", "Okta user", "IAM user", "GitHub member", "account". */
const char *access_account_noun(const char *system);

/* Appends what is known of the account's last use: ", last login
 * 2026-05-10", ", console password last used 2026-09-01, access key 1
 * last used 2026-09-28", ", no sign-in recorded"...  ERR_NOMEM. */
int access_describe_use(struct buf *b, const struct fact *account,
			const struct fact *credential);

/* "YYYY-MM-DD" of a day (DAY_NONE gives "unknown"). */
void access_day_text(day_t d, char out[DATE_TEXT_SIZE]);

/* Whether `text` names the e-mail `email` (any case) as a whole address,
 * not as the tail or head of a longer one ("jbob@x" does not name "bob@x"). */
bool access_text_names(const char *text, const char *email);

/* A growable list of borrowed fact pointers (a finding's evidence). */
struct access_facts {
	const struct fact **items;
	size_t count;
	size_t cap;
};

int access_facts_add(struct access_facts *l, const struct fact *f);
void access_facts_release(struct access_facts *l);

/* The account facts of `system` in the snapshot in force on `day`,
 * rebuilt from history (check_fact_history): the versions of that system
 * whose effective day is the latest one on or before `day` (facts without
 * an effective day are always in force); one fact per account name (the
 * latest version).  `found` false: no snapshot of the system by then. */
struct access_snapshot {
	bool found;
	day_t day;                 /* its effective day (DAY_NONE: undated) */
	struct access_facts facts;
};

int access_snapshot_of(const struct fact_list *history, const char *system,
		       day_t day, struct access_snapshot *out);
/* The account called `name` (any case) in the snapshot, or NULL. */
const struct fact *access_snapshot_find(const struct access_snapshot *s,
					const char *name);
void access_snapshot_release(struct access_snapshot *s);

#endif
