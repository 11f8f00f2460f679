/* identity.c - linking accounts to people (see identity.h for the rules). */
#include "core/identity.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/text.h"

/* An index entry: a lookup text (e-mail, local part or "system\naccount")
 * and the fact it came from. */
struct entry {
	char *text;               /* owned, lower-case */
	const struct fact *fact;
};

struct index {
	struct entry *items;
	size_t count;
};

struct indexes {
	struct index persons;     /* by e-mail */
	struct index locals;      /* by local part of e-mail */
	struct index iam_users;   /* by "system\nuser" */
	struct index identities;  /* by "system\naccount" */
	struct index services;    /* by "system\naccount" */
};

static int compare_entries(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->text,
		      ((const struct entry *)b)->text);
}

static void index_release(struct index *ix)
{
	for (size_t i = 0; i < ix->count; i++)
		free(ix->items[i].text);
	free(ix->items);
	memset(ix, 0, sizeof(*ix));
}

static void indexes_release(struct indexes *x)
{
	index_release(&x->persons);
	index_release(&x->locals);
	index_release(&x->iam_users);
	index_release(&x->identities);
	index_release(&x->services);
}

/* Adds a lower-cased copy of a + ("\n" + b when b) to the index. */
static int index_add(struct index *ix, size_t cap, const char *a,
		     const char *b, const struct fact *f)
{
	size_t la = strlen(a), lb = b ? strlen(b) + 1 : 0;
	char *text;

	if (!ix->items) {
		ix->items = calloc(cap ? cap : 1, sizeof(*ix->items));
		if (!ix->items)
			return ERR_NOMEM;
	}
	text = malloc(la + lb + 1);
	if (!text)
		return ERR_NOMEM;
	memcpy(text, a, la);
	if (b) {
		text[la] = '\n';
		memcpy(text + la + 1, b, lb - 1);
	}
	text[la + lb] = '\0';
	text_lower(text);
	ix->items[ix->count].text = text;
	ix->items[ix->count].fact = f;
	ix->count++;
	return 0;
}

/* First entry equal to the key (lower-cased by the caller), or NULL;
 * *n = how many entries share it. */
static const struct entry *index_find(const struct index *ix, const char *key,
				      size_t *n)
{
	size_t lo = 0, hi = ix->count;

	*n = 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(ix->items[mid].text, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo + *n < ix->count && strcmp(ix->items[lo + *n].text, key) == 0)
		(*n)++;
	return *n ? &ix->items[lo] : NULL;
}

static int missing(struct error *err, const struct fact *f, const char *attr)
{
	char record[ERROR_NAME_MAX];

	snprintf(record, sizeof(record), "%s %s", f->kind, f->key);
	return error_input(err, NULL, 0, record, attr,
			   "required attribute is missing");
}

/* Reads attribute `attr` of f, which must be a non-empty string. */
static int need(const struct fact *f, const char *attr, const char **out,
		struct error *err)
{
	*out = fact_str(f, attr);
	if (!*out || !**out)
		return missing(err, f, attr);
	return 0;
}

static int add_person(struct indexes *x, size_t cap, const struct fact *f,
		      struct error *err)
{
	const char *email, *at;
	char *local;
	int rc;

	if ((rc = need(f, "email", &email, err)))
		return rc;
	if (index_add(&x->persons, cap, email, NULL, f))
		return error_set(err, ERR_NOMEM, "out of memory");
	at = strchr(email, '@');
	if (!at || at == email)
		return 0;
	local = text_dup_n(email, (size_t)(at - email));
	rc = local ? index_add(&x->locals, cap, local, NULL, f) : ERR_NOMEM;
	free(local);
	return rc ? error_set(err, ERR_NOMEM, "out of memory") : 0;
}

/* Adds a (system, name-attribute) fact to an index. */
static int add_pair(struct index *ix, size_t cap, const struct fact *f,
		    const char *name_attr, const char *extra_attr,
		    struct error *err)
{
	const char *system, *name, *extra;
	int rc;

	if ((rc = need(f, "system", &system, err)) ||
	    (rc = need(f, name_attr, &name, err)) ||
	    (extra_attr && (rc = need(f, extra_attr, &extra, err))))
		return rc;
	if (index_add(ix, cap, system, name, f))
		return error_set(err, ERR_NOMEM, "out of memory");
	return 0;
}

static void sort_index(struct index *ix)
{
	if (ix->count > 1)
		qsort(ix->items, ix->count, sizeof(*ix->items), compare_entries);
}

static int build_indexes(const struct fact_list *facts, struct indexes *x,
			 struct error *err)
{
	size_t cap = facts->count;
	int rc = 0;

	for (size_t i = 0; i < facts->count && !rc; i++) {
		const struct fact *f = &facts->items[i];

		if (strcmp(f->kind, "person") == 0)
			rc = add_person(x, cap, f, err);
		else if (strcmp(f->kind, "aws_iam_user") == 0)
			rc = add_pair(&x->iam_users, cap, f, "user", NULL, err);
		else if (strcmp(f->kind, "identity") == 0)
			rc = add_pair(&x->identities, cap, f, "account", "email",
				      err);
		else if (strcmp(f->kind, "service_account") == 0)
			rc = add_pair(&x->services, cap, f, "account", NULL, err);
	}
	if (rc)
		return rc;
	sort_index(&x->persons);
	sort_index(&x->locals);
	sort_index(&x->iam_users);
	sort_index(&x->identities);
	sort_index(&x->services);
	return 0;
}

/* Lower-cased "a" or "a\nb" (malloc'd), the form of the index texts. */
static char *lookup_key(const char *a, const char *b)
{
	struct index tmp = {NULL, 0};
	char *text;

	if (index_add(&tmp, 1, a, b, NULL))
		return NULL;
	text = tmp.items[0].text;
	free(tmp.items);
	return text;
}

/* The entries of `ix` under (a, b); NULL when none or out of memory. */
static const struct entry *find(const struct index *ix, const char *a,
				const char *b, size_t *n, bool *nomem)
{
	char *key = lookup_key(a, b);
	const struct entry *e;

	*n = 0;
	if (!key) {
		*nomem = true;
		return NULL;
	}
	e = index_find(ix, key, n);
	free(key);
	return e;
}

/* The `email` tag (any case) of a tags object, or NULL. */
static const char *email_tag(const json_t *tags)
{
	const char *k;
	json_t *v;

	json_object_foreach((json_t *)tags, k, v)
		if (text_equal_nocase(k, "email") && json_is_string(v))
			return json_string_value(v);
	return NULL;
}

struct candidate {
	enum identity_owner owner;
	enum identity_via via;
	const char *email;
	const struct fact *person;
	const struct fact *service;
};

static bool by_person(const struct indexes *x, const char *email,
		      enum identity_via via, struct candidate *c, bool *nomem)
{
	size_t n;
	const struct entry *e;

	if (!email || !*email)
		return false;
	e = find(&x->persons, email, NULL, &n, nomem);
	if (!e)
		return false;
	c->owner = IDENTITY_PERSON;
	c->via = via;
	c->person = e->fact;
	c->email = fact_str(e->fact, "email");
	return true;
}

/* Rule 4: the user name is the local part of exactly one person. */
static bool by_local_part(const struct indexes *x, const char *name,
			  struct candidate *c, bool *nomem)
{
	size_t n;
	const struct entry *e = find(&x->locals, name, NULL, &n, nomem);

	if (!e)
		return false;
	for (size_t i = 1; i < n; i++)
		if (!text_equal_nocase(fact_str(e[i].fact, "email"),
				       fact_str(e[0].fact, "email")))
			return false;   /* ambiguous: link nobody */
	c->owner = IDENTITY_PERSON;
	c->via = IDENTITY_VIA_LOCALPART;
	c->person = e->fact;
	c->email = fact_str(e->fact, "email");
	return true;
}

static bool by_aws_tag(const struct indexes *x, const struct fact *acct,
		       const char *system, const char *name,
		       struct candidate *c, bool *nomem)
{
	const char *tag = email_tag(json_object_get(acct->data, "tags"));
	size_t n;
	const struct entry *e;

	if (by_person(x, tag, IDENTITY_VIA_TAG, c, nomem))
		return true;
	e = find(&x->iam_users, system, name, &n, nomem);
	for (size_t i = 0; e && i < n; i++) {
		tag = email_tag(json_object_get(e[i].fact->data, "tags"));
		if (by_person(x, tag, IDENTITY_VIA_TAG, c, nomem))
			return true;
	}
	return false;
}

static bool by_register(const struct indexes *x, const char *system,
			const char *name, struct candidate *c, bool *nomem)
{
	size_t n;
	const struct entry *e = find(&x->identities, system, name, &n, nomem);

	if (e) {
		c->owner = IDENTITY_PERSON;
		c->via = IDENTITY_VIA_REGISTER;
		c->email = fact_str(e->fact, "email");
		if (!by_person(x, c->email, IDENTITY_VIA_REGISTER, c, nomem))
			c->person = NULL;
		return true;
	}
	e = find(&x->services, system, name, &n, nomem);
	if (e) {
		c->owner = IDENTITY_SERVICE;
		c->via = IDENTITY_VIA_SERVICE_REGISTER;
		c->service = e->fact;
		c->email = fact_str(e->fact, "owner_email");
		return true;
	}
	return false;
}

static void decide(const struct indexes *x, const struct fact *acct,
		   const char *system, const char *name, struct candidate *c,
		   bool *nomem)
{
	bool aws = text_starts_with(system, "aws:");

	memset(c, 0, sizeof(*c));
	if (by_person(x, fact_str(acct, "email"), IDENTITY_VIA_EMAIL, c, nomem) ||
	    (aws && by_aws_tag(x, acct, system, name, c, nomem)) ||
	    by_person(x, name, IDENTITY_VIA_USERNAME, c, nomem) ||
	    (aws && by_local_part(x, name, c, nomem)) ||
	    by_register(x, system, name, c, nomem))
		return;
	if (text_equal(fact_str(acct, "kind"), "root")) {
		c->owner = IDENTITY_ROOT;
		c->via = IDENTITY_VIA_ROOT;
		return;
	}
	c->owner = IDENTITY_ORPHAN;
	c->via = IDENTITY_VIA_NONE;
}

static int compare_links(const void *a, const void *b)
{
	const struct identity_link *x = a, *y = b;
	int c = strcasecmp(x->system, y->system);

	return c ? c : strcasecmp(x->name, y->name);
}

static int link_accounts(const struct fact_list *facts,
			 const struct indexes *x, struct identity_links *l,
			 struct error *err)
{
	for (size_t i = 0; i < facts->count; i++) {
		const struct fact *f = &facts->items[i];
		struct identity_link *k;
		struct candidate c;
		const char *system, *name;
		bool nomem = false;
		int rc;

		if (strcmp(f->kind, "account") != 0)
			continue;
		if ((rc = need(f, "system", &system, err)) ||
		    (rc = need(f, "account", &name, err)))
			return rc;
		decide(x, f, system, name, &c, &nomem);
		k = &l->items[l->count++];
		k->account = f;
		k->system = system;
		k->name = name;
		k->owner = c.owner;
		k->via = c.via;
		k->person = c.person;
		k->service = c.service;
		k->email = c.email ? text_dup(c.email) : NULL;
		if (nomem || (c.email && !k->email))
			return error_set(err, ERR_NOMEM, "out of memory");
		if (k->email)
			text_lower(k->email);
	}
	if (l->count > 1)
		qsort(l->items, l->count, sizeof(*l->items), compare_links);
	return 0;
}

int identity_link(const struct fact_list *facts, struct identity_links **out,
		  struct error *err)
{
	struct indexes x;
	struct identity_links *l;
	int rc;

	*out = NULL;
	memset(&x, 0, sizeof(x));
	l = calloc(1, sizeof(*l));
	if (!l || !(l->items = calloc(facts->count ? facts->count : 1,
				      sizeof(*l->items)))) {
		free(l);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	rc = build_indexes(facts, &x, err);
	if (!rc)
		rc = link_accounts(facts, &x, l, err);
	indexes_release(&x);
	if (rc) {
		identity_links_free(l);
		return rc;
	}
	*out = l;
	return 0;
}

const struct identity_link *identity_lookup(const struct identity_links *l,
					    const char *system,
					    const char *account)
{
	struct identity_link key;

	if (!l || !l->count || !system || !account)
		return NULL;
	memset(&key, 0, sizeof(key));
	key.system = system;
	key.name = account;
	return bsearch(&key, l->items, l->count, sizeof(*l->items),
		       compare_links);
}

const struct identity_link *identity_next_of(const struct identity_links *l,
					     const char *email, size_t *pos)
{
	for (; l && email && *pos < l->count; (*pos)++) {
		const struct identity_link *k = &l->items[*pos];

		if (k->owner == IDENTITY_PERSON && text_equal_nocase(k->email, email)) {
			(*pos)++;
			return k;
		}
	}
	return NULL;
}

const char *identity_owner_name(enum identity_owner o)
{
	static const char *const names[] = {
		[IDENTITY_PERSON] = "person",
		[IDENTITY_SERVICE] = "service",
		[IDENTITY_ROOT] = "root",
		[IDENTITY_ORPHAN] = "orphan",
	};

	return (size_t)o < sizeof(names) / sizeof(names[0]) ? names[o] : "?";
}

const char *identity_via_name(enum identity_via v)
{
	static const char *const names[] = {
		[IDENTITY_VIA_NONE] = "none",
		[IDENTITY_VIA_EMAIL] = "email",
		[IDENTITY_VIA_TAG] = "aws-tag",
		[IDENTITY_VIA_USERNAME] = "username",
		[IDENTITY_VIA_LOCALPART] = "local-part",
		[IDENTITY_VIA_REGISTER] = "identities-register",
		[IDENTITY_VIA_SERVICE_REGISTER] = "service-accounts-register",
		[IDENTITY_VIA_ROOT] = "root",
	};

	return (size_t)v < sizeof(names) / sizeof(names[0]) ? names[v] : "?";
}

void identity_links_free(struct identity_links *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i].email);
	free(l->items);
	free(l);
}
