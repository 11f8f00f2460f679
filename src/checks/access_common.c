/* access_common.c - helpers shared by the access checks (see access.h). */
#include "checks/access.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/* The kinds identity_link reads (core/identity.h). */
static const char *const link_kinds[] = {
	"person", "account", "aws_iam_user", "identity", "service_account",
};

static int copy_facts(struct fact_list *to, const struct fact_list *from)
{
	for (size_t i = 0; i < from->count; i++) {
		const struct fact *f = &from->items[i];
		struct fact *c;

		if (fact_list_add(to, f->kind, f->key, json_incref(f->data)))
			return ERR_NOMEM;
		c = &to->items[to->count - 1];
		c->evidence_id = f->evidence_id;
		c->effective = f->effective;
		memcpy(c->digest, f->digest, sizeof(c->digest));
	}
	return 0;
}

int access_data_load(struct check_context *ctx, struct access_data *d,
		     struct error *err)
{
	const struct fact_list *l;
	int rc;

	memset(d, 0, sizeof(*d));
	fact_list_init(&d->merged);
	for (size_t i = 0; i < sizeof(link_kinds) / sizeof(link_kinds[0]); i++) {
		if ((rc = check_facts(ctx, link_kinds[i], &l, err)))
			return rc;
		if (strcmp(link_kinds[i], "person") == 0)
			d->persons = l;
		else if (strcmp(link_kinds[i], "account") == 0)
			d->accounts = l;
		if (copy_facts(&d->merged, l))
			return error_set(err, ERR_NOMEM, "out of memory");
	}
	if ((rc = check_facts(ctx, "aws_credential", &d->credentials, err)))
		return rc;
	return identity_link(&d->merged, &d->links, err);
}

void access_data_release(struct access_data *d)
{
	if (!d)
		return;
	identity_links_free(d->links);
	fact_list_release(&d->merged);
	memset(d, 0, sizeof(*d));
}

const struct fact *access_credential(const struct fact_list *creds,
				     const char *system, const char *user)
{
	for (size_t i = 0; creds && i < creds->count; i++) {
		const struct fact *f = &creds->items[i];

		if (text_equal(fact_str(f, "system"), system) &&
		    text_equal_nocase(fact_str(f, "user"), user))
			return f;
	}
	return NULL;
}

bool access_account_active(const struct fact *account,
			   const struct fact *credential)
{
	if (fact_bool(account, "active", 1) != 1)
		return false;
	if (credential && text_starts_with(fact_str(account, "system"), "aws:"))
		return fact_bool(credential, "password_enabled", 0) == 1 ||
		       fact_bool(credential, "key1_active", 0) == 1 ||
		       fact_bool(credential, "key2_active", 0) == 1;
	return true;
}

const char *access_account_noun(const char *system)
{
	if (text_equal(system, "google-workspace"))
		return "Google account";
	if (text_equal(system, "okta"))
		return "Okta user";
	if (text_starts_with(system, "aws:"))
		return "IAM user";
	if (text_starts_with(system, "github:"))
		return "GitHub member";
	return "account";
}

void access_day_text(day_t d, char out[DATE_TEXT_SIZE])
{
	if (d == DAY_NONE)
		text_copy(out, DATE_TEXT_SIZE, "unknown");
	else
		date_format(d, out);
}

/* ", what last used D" or ", what never used". */
static int describe_one(struct buf *b, const char *what, const struct fact *f,
			const char *attr)
{
	char day[DATE_TEXT_SIZE];
	day_t d = fact_day(f, attr);

	if (d == DAY_NONE)
		return buf_printf(b, ", %s never used", what);
	access_day_text(d, day);
	return buf_printf(b, ", %s last used %s", what, day);
}

/* What the credential report says of an IAM user's active credentials. */
static int describe_credential(struct buf *b, const struct fact *cred)
{
	int rc = 0;

	if (fact_bool(cred, "password_enabled", 0) == 1) {
		if (fact_bool(cred, "password_last_used_unknown", 0) == 1)
			rc = buf_adds(b, ", console password not used since IAM "
				      "began tracking (October 2014)");
		else
			rc = describe_one(b, "console password", cred,
					  "password_last_used");
	}
	if (!rc && fact_bool(cred, "key1_active", 0) == 1)
		rc = describe_one(b, "access key 1", cred, "key1_last_used");
	if (!rc && fact_bool(cred, "key2_active", 0) == 1)
		rc = describe_one(b, "access key 2", cred, "key2_last_used");
	return rc;
}

int access_describe_use(struct buf *b, const struct fact *account,
			const struct fact *credential)
{
	const char *system = fact_str(account, "system");
	char day[DATE_TEXT_SIZE];
	day_t d;

	if (text_starts_with(system, "aws:")) {
		if (!credential)
			return buf_adds(b, ", last use unknown (no credential "
				       "report row)");
		return describe_credential(b, credential);
	}
	if (text_starts_with(system, "github:"))
		return 0;   /* the members list says nothing of use */
	d = fact_day(account, "last_login_at");
	if (d == DAY_NONE)
		return buf_adds(b, ", no sign-in recorded");
	access_day_text(d, day);
	return buf_printf(b, ", last login %s", day);
}

/* Characters that may continue an e-mail address on either side. */
static bool address_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '_' || c == '-' ||
	       c == '+' || c == '%';
}

bool access_text_names(const char *text, const char *email)
{
	size_t n = email ? strlen(email) : 0;
	const char *p = text;

	if (!text || !n)
		return false;
	while ((p = text_find_nocase(p, email))) {
		bool head = p == text || !address_char(p[-1]);
		/* A sentence may end right after the address: "x@y.example." */
		bool tail = !address_char(p[n]) ||
			    (p[n] == '.' && !isalnum((unsigned char)p[n + 1]));

		if (head && tail)
			return true;
		p++;
	}
	return false;
}

int access_facts_add(struct access_facts *l, const struct fact *f)
{
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		const struct fact **p = realloc(l->items, cap * sizeof(*p));

		if (!p)
			return ERR_NOMEM;
		l->items = p;
		l->cap = cap;
	}
	l->items[l->count++] = f;
	return 0;
}

void access_facts_release(struct access_facts *l)
{
	if (!l)
		return;
	free(l->items);
	memset(l, 0, sizeof(*l));
}

/* Whether a keeps its place over b as the version of one account. */
static bool newer(const struct fact *a, const struct fact *b)
{
	if (a->effective != b->effective)
		return a->effective > b->effective;
	return a->evidence_id > b->evidence_id;
}

/* Adds f, or replaces the version of the same account already there. */
static int snapshot_put(struct access_snapshot *s, const struct fact *f)
{
	const char *name = fact_str(f, "account");

	for (size_t i = 0; i < s->facts.count; i++)
		if (text_equal_nocase(fact_str(s->facts.items[i], "account"), name)) {
			if (newer(f, s->facts.items[i]))
				s->facts.items[i] = f;
			return 0;
		}
	return access_facts_add(&s->facts, f);
}

int access_snapshot_of(const struct fact_list *history, const char *system,
		       day_t day, struct access_snapshot *out)
{
	bool undated = false;

	memset(out, 0, sizeof(*out));
	out->day = DAY_NONE;
	for (size_t i = 0; i < history->count; i++) {
		const struct fact *f = &history->items[i];

		if (!text_equal_nocase(fact_str(f, "system"), system))
			continue;
		if (f->effective == DAY_NONE)
			undated = true;
		else if (f->effective <= day &&
			 (out->day == DAY_NONE || f->effective > out->day))
			out->day = f->effective;
	}
	if (out->day == DAY_NONE && !undated)
		return 0;
	out->found = true;
	for (size_t i = 0; i < history->count; i++) {
		const struct fact *f = &history->items[i];

		if (!text_equal_nocase(fact_str(f, "system"), system) ||
		    (f->effective != DAY_NONE && f->effective != out->day))
			continue;
		if (snapshot_put(out, f))
			return ERR_NOMEM;
	}
	return 0;
}

const struct fact *access_snapshot_find(const struct access_snapshot *s,
					const char *name)
{
	for (size_t i = 0; i < s->facts.count; i++)
		if (text_equal_nocase(fact_str(s->facts.items[i], "account"), name))
			return s->facts.items[i];
	return NULL;
}

void access_snapshot_release(struct access_snapshot *s)
{
	if (s)
		access_facts_release(&s->facts);
}
