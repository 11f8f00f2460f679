/*
 * access_iam.c - access.wildcard-admin: IAM principals allowed every
 * action on every resource (docs/checks/access.md).
 *
 * A policy document grants "*" on "*" when one of its statements has
 * Effect "Allow", an Action that is or contains "*" or "*:*", and a
 * Resource that is or contains "*" (Statement, Action and Resource may
 * each be a single value or an array: FORMAT-NOTES 2.2).  NotAction
 * statements are not judged (an Allow with NotAction is broad but is not a
 * wildcard grant), conditions do not exempt a grant, and explicit Deny
 * statements, permissions boundaries and SCPs are not subtracted: the
 * check reports the grant as written.  Managed policies are judged by the
 * default version's document (what the aws_iam_policy fact holds); the AWS
 * managed AdministratorAccess policy counts even when the export did not
 * include its document.
 */
#include "checks/access.h"

#include <string.h>

#include "util/text.h"

#define NOMEM(err) error_set((err), ERR_NOMEM, "out of memory")

static bool value_has(const json_t *v, const char *a, const char *b)
{
	size_t i;
	json_t *item;

	if (json_is_string(v))
		return text_equal(json_string_value(v), a) ||
		       (b && text_equal(json_string_value(v), b));
	json_array_foreach(v, i, item)
		if (value_has(item, a, b))
			return true;
	return false;
}

static bool statement_grants_all(const json_t *st)
{
	return json_is_object(st) &&
	       text_equal(json_string_value(json_object_get(st, "Effect")), "Allow") &&
	       value_has(json_object_get(st, "Action"), "*", "*:*") &&
	       value_has(json_object_get(st, "Resource"), "*", NULL);
}

static bool document_grants_all(const json_t *doc)
{
	json_t *st = json_object_get(doc, "Statement"), *item;
	size_t i;

	if (json_is_object(st))
		return statement_grants_all(st);
	json_array_foreach(st, i, item)
		if (statement_grants_all(item))
			return true;
	return false;
}

/* arn:<partition>:iam::aws:policy/AdministratorAccess */
static bool aws_admin_policy(const char *arn)
{
	return text_starts_with(arn, "arn:") &&
	       text_ends_with(arn, ":iam::aws:policy/AdministratorAccess");
}

struct iam {
	const struct fact_list *policies, *groups, *services;
};

static const struct fact *find_named(const struct fact_list *l, const char *system,
				     const char *attr, const char *value)
{
	const struct fact *found = NULL;

	/* The last match is the latest version (facts sorted by key, version). */
	for (size_t i = 0; i < l->count; i++)
		if (text_equal(fact_str(&l->items[i], "system"), system) &&
		    text_equal(fact_str(&l->items[i], attr), value))
			found = &l->items[i];
	return found;
}

/* Appends, comma-separated, how principal p itself is granted "*" on
 * "*" (inline and attached policies); *admin says whether it is. */
static int direct_routes(const struct iam *x, const struct fact *p,
			 struct buf *b, struct access_facts *ev, bool *admin)
{
	const char *system = fact_str(p, "system");
	json_t *inl = json_object_get(p->data, "inline_policies");
	json_t *att = json_object_get(p->data, "attached_policies");
	json_t *v;
	size_t i;
	int rc = 0;

	json_array_foreach(inl, i, v) {
		if (rc || !document_grants_all(v))
			continue;
		rc = buf_printf(b, "%sinline policy %zu allows Action \"*\" on "
				"Resource \"*\"", *admin ? ", " : "", i + 1);
		*admin = true;
	}
	json_array_foreach(att, i, v) {
		const char *arn = json_string_value(v);
		const struct fact *pol = arn ? find_named(x->policies, system, "arn", arn) : NULL;

		if (rc || !arn)
			continue;
		if (!aws_admin_policy(arn) &&
		    !(pol && document_grants_all(json_object_get(pol->data, "document"))))
			continue;
		rc = buf_printf(b, "%sattached policy %s", *admin ? ", " : "", arn) ||
		     (pol && access_facts_add(ev, pol));
		*admin = true;
	}
	return rc ? ERR_NOMEM : 0;
}

/* Appends the admin groups a user belongs to: "member of group G (...)". */
static int group_routes(const struct iam *x, const struct fact *user,
			struct buf *b, struct access_facts *ev, bool *admin)
{
	const char *system = fact_str(user, "system");
	json_t *groups = json_object_get(user->data, "groups"), *v;
	struct buf sub = BUF_INIT;
	size_t i;
	int rc = 0;

	json_array_foreach(groups, i, v) {
		const char *name = json_string_value(v);
		const struct fact *g = name ? find_named(x->groups, system, "group", name) : NULL;
		bool group_admin = false;

		if (rc || !g)
			continue;
		buf_reset(&sub);
		if ((rc = direct_routes(x, g, &sub, ev, &group_admin)) || !group_admin)
			continue;
		rc = buf_printf(b, "%smember of group %s (%s)", *admin ? ", " : "",
				name, buf_cstr(&sub)) ||
		     access_facts_add(ev, g);
		*admin = true;
	}
	buf_release(&sub);
	return rc ? ERR_NOMEM : 0;
}

/* A principal declared in registers/service-accounts.csv with a purpose
 * saying "break-glass" is the documented exception of control AC-06. */
static bool break_glass(const struct iam *x, const char *system, const char *name)
{
	for (size_t i = 0; i < x->services->count; i++) {
		const struct fact *s = &x->services->items[i];
		const char *purpose = fact_str(s, "purpose");

		if (text_equal_nocase(fact_str(s, "system"), system) &&
		    text_equal_nocase(fact_str(s, "account"), name) && purpose &&
		    (text_find_nocase(purpose, "break-glass") ||
		     text_find_nocase(purpose, "break glass")))
			return true;
	}
	return false;
}

static const struct {
	const char *kind, *name_attr, *noun;
} principal_kinds[] = {
	{"aws_iam_user", "user", "IAM user"},
	{"aws_iam_group", "group", "IAM group"},
	{"aws_iam_role", "role", "IAM role"},
};

static int judge_principal(struct check_context *ctx, const struct iam *x,
			   const struct fact *p, int kind)
{
	const char *system = fact_str(p, "system");
	const char *name = fact_str(p, principal_kinds[kind].name_attr);
	const char *arn = fact_str(p, "arn");
	struct access_facts ev = {NULL, 0, 0};
	struct buf routes = BUF_INIT, subject = BUF_INIT;
	bool admin = false;
	int rc;

	if (!name || break_glass(x, system, name))
		return 0;
	rc = access_facts_add(&ev, p) ? ERR_NOMEM : direct_routes(x, p, &routes, &ev, &admin);
	if (!rc && kind == 0)
		rc = group_routes(x, p, &routes, &ev, &admin);
	if (!rc && admin) {
		rc = arn && *arn ? buf_adds(&subject, arn)
				 : buf_printf(&subject, "%s/%s",
					      principal_kinds[kind].name_attr, name);
		if (!rc)
			rc = check_report(ctx, buf_cstr(&subject), system, ev.items,
					  ev.count, "%s %s is allowed every action on "
					  "every resource: %s",
					  principal_kinds[kind].noun, name,
					  buf_cstr(&routes));
	}
	buf_release(&routes);
	buf_release(&subject);
	access_facts_release(&ev);
	return rc;
}

static int wildcard_run(struct check_context *ctx, struct error *err)
{
	struct iam x;
	int rc;

	if ((rc = check_facts(ctx, "aws_iam_policy", &x.policies, err)) ||
	    (rc = check_facts(ctx, "aws_iam_group", &x.groups, err)) ||
	    (rc = check_facts(ctx, "service_account", &x.services, err)))
		return rc;
	for (int k = 0; !rc && k < 3; k++) {
		const struct fact_list *l;

		if ((rc = check_facts(ctx, principal_kinds[k].kind, &l, err)))
			return rc;
		for (size_t i = 0; !rc && i < l->count; i++) {
			/* Only the latest version of a key (sorted by key, version). */
			if (i + 1 < l->count && strcmp(l->items[i + 1].key, l->items[i].key) == 0)
				continue;
			rc = judge_principal(ctx, &x, &l->items[i], k);
		}
	}
	return rc == ERR_NOMEM ? NOMEM(err) : rc;
}

const struct check check_access_wildcard_admin = {
	.id = "access.wildcard-admin",
	.title = "No IAM principal is allowed every action on every resource",
	.controls = {"AC-06", "AC-07"},
	.criteria = {"CC6.1", "CC6.3", "CC5.2"},
	.hipaa = {"164.308(a)(4)(i)"},
	.severity = SEVERITY_HIGH,
	.requires = {"aws.authorization-details"},
	.reads = "IAM users, groups, roles and managed policies (default version) "
		 "from get-account-authorization-details; "
		 "registers/service-accounts.csv for the break-glass exception",
	.fix = "Replace the wildcard grant with a policy scoped to the job; keep "
	       "at most one break-glass role and declare it in "
	       "registers/service-accounts.csv with purpose \"break-glass\".",
	.run = wildcard_run,
};
