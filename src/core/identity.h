/*
 * identity.h - which person every account belongs to (shared/FORMATS.md,
 * "Linking accounts to people").  Pure: facts in, links out; no I/O.
 *
 * For each `account` fact, the first rule that applies decides:
 *   1. EMAIL     its `email` attribute is an HR person's e-mail;
 *   2. TAG       (AWS, system "aws:...") its IAM tag `email` (any case;
 *                from the account's own `tags` or the matching
 *                `aws_iam_user` fact) names an HR person;
 *   3. USERNAME  its account name equals an HR person's e-mail (any
 *                system: Okta logins and Google primary e-mails are
 *                e-mails even when the `email` attribute says otherwise);
 *   4. LOCALPART (AWS only, as FORMATS.md says) its user name equals the
 *                local part of exactly one HR person's e-mail; a local part
 *                shared by two people links nobody (no guessing);
 *   5. REGISTER  registers/identities.csv has (system, account): the
 *                account belongs to that e-mail even when HR does not list
 *                it (the link says person == NULL then);
 *   6. SERVICE   registers/service-accounts.csv has (system, account):
 *                a service account, e-mail = its owner;
 *   7. ROOT      an AWS account's root user (kind "root"): it belongs to
 *                the organisation, not to a person, and the root checks
 *                judge it; it is not an orphan;
 *   otherwise ORPHAN.
 * E-mails compare ignoring case; account names compare ignoring case too
 * (GitHub logins, Okta logins, Google addresses and IAM user names are all
 * case-insensitive in their systems).
 */
#ifndef ATTEST_CORE_IDENTITY_H
#define ATTEST_CORE_IDENTITY_H

#include <stddef.h>

#include "core/fact.h"
#include "util/error.h"

enum identity_owner {
	IDENTITY_PERSON,      /* rules 1-5 */
	IDENTITY_SERVICE,     /* rule 6 */
	IDENTITY_ROOT,        /* rule 7 */
	IDENTITY_ORPHAN,
};

enum identity_via {
	IDENTITY_VIA_NONE,
	IDENTITY_VIA_EMAIL,
	IDENTITY_VIA_TAG,
	IDENTITY_VIA_USERNAME,
	IDENTITY_VIA_LOCALPART,
	IDENTITY_VIA_REGISTER,
	IDENTITY_VIA_SERVICE_REGISTER,
	IDENTITY_VIA_ROOT,
};

struct identity_link {
	const struct fact *account;  /* the `account` fact (borrowed) */
	const char *system;          /* its system and name (borrowed) */
	const char *name;
	enum identity_owner owner;
	enum identity_via via;
	/* The person's e-mail (PERSON) or the owner's (SERVICE), lower-case;
	 * NULL for ROOT and ORPHAN.  Owned by the links. */
	char *email;
	const struct fact *person;   /* the HR `person`, or NULL (borrowed) */
	const struct fact *service;  /* the `service_account` row, or NULL */
};

struct identity_links {
	struct identity_link *items;  /* sorted by (system, name) */
	size_t count;
};

/* Links every account of `facts`.  The links borrow from `facts`: free
 * them before the facts.  ERR_INPUT (record = the fact, field = the
 * attribute) when an account, person, identity or service_account fact
 * lacks a required attribute; ERR_NOMEM. */
int identity_link(const struct fact_list *facts, struct identity_links **out,
		  struct error *err);

/* The link of (system, account name), or NULL. */
const struct identity_link *identity_lookup(const struct identity_links *l,
					    const char *system,
					    const char *account);

/* Iterates the accounts of one person: start with *pos = 0; returns the
 * next link whose e-mail is `email` (any case), or NULL at the end. */
const struct identity_link *identity_next_of(const struct identity_links *l,
					     const char *email, size_t *pos);

const char *identity_owner_name(enum identity_owner o); /* "person"... */
const char *identity_via_name(enum identity_via v);     /* "email"... */

void identity_links_free(struct identity_links *l);

#endif
