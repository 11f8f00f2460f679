/* test_identity.c - core/identity.c: every linking rule, its order, the
 * ambiguous and orphan cases, lookups, and facts missing attributes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/identity.h"

static void add(struct fact_list *l, const char *kind, const char *key,
		json_t *data)
{
	assert_non_null(data);
	assert_int_equal(fact_list_add(l, kind, key, data), 0);
}

static void person(struct fact_list *l, const char *email)
{
	add(l, "person", email, json_pack("{s:s, s:s, s:n}", "email", email,
					  "employment_type", "employee", "end_date"));
}

static void account(struct fact_list *l, const char *system, const char *name,
		    const char *email, const char *kind, json_t *tags)
{
	char key[256];

	snprintf(key, sizeof(key), "%s/%s", system, name);
	add(l, "account", key, json_pack("{s:s, s:s, s:s?, s:s, s:o?}", "system",
					 system, "account", name, "email", email,
					 "kind", kind, "tags", tags));
}

static void pair(struct fact_list *l, const char *kind, const char *system,
		 const char *name, const char *email_attr, const char *email)
{
	char key[256];

	snprintf(key, sizeof(key), "%s/%s", system, name);
	add(l, kind, key, json_pack("{s:s, s:s, s:s}", "system", system,
				    "account", name, email_attr, email));
}

#define AWS "aws:111122223333"
#define GH "github:acme-health"

static void build(struct fact_list *l)
{
	fact_list_init(l);
	person(l, "a.okafor@acme-health.example");
	person(l, "c.ramirez@acme-health.example");
	person(l, "p.nguyen@acme-health.example");
	person(l, "jdoe@acme-health.example");
	person(l, "jdoe@acme.io");
	account(l, "google-workspace", "a.okafor@acme-health.example",
		"A.Okafor@acme-health.example", "user", NULL);
	account(l, "okta", "C.Ramirez@acme-health.example", "carlos@gmail.example",
		"user", NULL);
	account(l, AWS, "deploy-ci", NULL, "user", json_object());
	pair(l, "service_account", AWS, "deploy-ci", "owner_email",
	     "A.Okafor@acme-health.example");
	account(l, AWS, "carlos", NULL, "user", json_object());
	add(l, "aws_iam_user", "111122223333/carlos",
	    json_pack("{s:s, s:s, s:{s:s}}", "system", AWS, "user", "carlos",
		      "tags", "EMAIL", "c.ramirez@ACME-health.example"));
	account(l, AWS, "ada", NULL, "user",
		json_pack("{s:s}", "email", "a.okafor@acme-health.example"));
	account(l, AWS, "P.Nguyen", NULL, "user", NULL);
	account(l, AWS, "jdoe", NULL, "user", NULL);
	account(l, AWS, "<root_account>", NULL, "root", NULL);
	account(l, GH, "octocat", NULL, "member", NULL);
	pair(l, "identity", GH, "OctoCat", "email", "a.okafor@acme-health.example");
	account(l, GH, "ghost", NULL, "member", NULL);
	pair(l, "identity", GH, "ghost", "email", "Former@acme-health.example");
	account(l, GH, "p.nguyen", NULL, "member", NULL);
	account(l, GH, "stranger", NULL, "member", NULL);
}

static void expect(const struct identity_links *links, const char *system,
		   const char *name, enum identity_owner owner,
		   enum identity_via via, const char *email)
{
	const struct identity_link *k = identity_lookup(links, system, name);

	if (!k)
		fail_msg("no link for %s/%s", system, name);
	assert_string_equal(identity_owner_name(k->owner), identity_owner_name(owner));
	assert_string_equal(identity_via_name(k->via), identity_via_name(via));
	if (email)
		assert_string_equal(k->email, email);
	else
		assert_null(k->email);
}

static void every_rule(void **state)
{
	struct fact_list l;
	struct identity_links *links;
	struct error err;

	(void)state;
	build(&l);
	error_clear(&err);
	assert_int_equal(identity_link(&l, &links, &err), 0);
	assert_int_equal(links->count, 12);
	expect(links, "google-workspace", "a.okafor@acme-health.example",
	       IDENTITY_PERSON, IDENTITY_VIA_EMAIL, "a.okafor@acme-health.example");
	expect(links, "okta", "C.Ramirez@acme-health.example", IDENTITY_PERSON,
	       IDENTITY_VIA_USERNAME, "c.ramirez@acme-health.example");
	expect(links, AWS, "deploy-ci", IDENTITY_SERVICE,
	       IDENTITY_VIA_SERVICE_REGISTER, "a.okafor@acme-health.example");
	expect(links, AWS, "carlos", IDENTITY_PERSON, IDENTITY_VIA_TAG,
	       "c.ramirez@acme-health.example");
	expect(links, AWS, "ada", IDENTITY_PERSON, IDENTITY_VIA_TAG,
	       "a.okafor@acme-health.example");
	expect(links, AWS, "P.Nguyen", IDENTITY_PERSON, IDENTITY_VIA_LOCALPART,
	       "p.nguyen@acme-health.example");
	/* jdoe is the local part of two people: nobody */
	expect(links, AWS, "jdoe", IDENTITY_ORPHAN, IDENTITY_VIA_NONE, NULL);
	expect(links, AWS, "<root_account>", IDENTITY_ROOT, IDENTITY_VIA_ROOT, NULL);
	expect(links, GH, "octocat", IDENTITY_PERSON, IDENTITY_VIA_REGISTER,
	       "a.okafor@acme-health.example");
	expect(links, GH, "ghost", IDENTITY_PERSON, IDENTITY_VIA_REGISTER,
	       "former@acme-health.example");
	assert_null(identity_lookup(links, GH, "ghost")->person);
	assert_non_null(identity_lookup(links, GH, "octocat")->person);
	/* local parts link AWS user names only (FORMATS.md) */
	expect(links, GH, "p.nguyen", IDENTITY_ORPHAN, IDENTITY_VIA_NONE, NULL);
	expect(links, GH, "stranger", IDENTITY_ORPHAN, IDENTITY_VIA_NONE, NULL);
	identity_links_free(links);
	fact_list_release(&l);
}

static void lookups(void **state)
{
	struct fact_list l;
	struct identity_links *links;
	struct error err;
	const struct identity_link *k;
	size_t pos = 0, n = 0;

	(void)state;
	build(&l);
	assert_int_equal(identity_link(&l, &links, &err), 0);
	k = identity_lookup(links, "OKTA", "c.ramirez@ACME-HEALTH.example");
	assert_non_null(k);
	assert_string_equal(fact_str(k->account, "email"), "carlos@gmail.example");
	assert_string_equal(fact_str(k->person, "email"), "c.ramirez@acme-health.example");
	assert_null(identity_lookup(links, "okta", "nobody@acme-health.example"));
	assert_null(identity_lookup(links, NULL, "x"));
	while ((k = identity_next_of(links, "C.Ramirez@acme-health.example", &pos)))
		n++;
	assert_int_equal(n, 2);   /* okta login + IAM user carlos */
	pos = 0;
	n = 0;
	while ((k = identity_next_of(links, "a.okafor@acme-health.example", &pos)))
		n++;
	assert_int_equal(n, 3);   /* google, IAM ada, GitHub octocat; not the service */
	identity_links_free(links);
	identity_links_free(NULL);
	fact_list_release(&l);
}

static void empty(void **state)
{
	struct fact_list l;
	struct identity_links *links;
	struct error err;

	(void)state;
	fact_list_init(&l);
	assert_int_equal(identity_link(&l, &links, &err), 0);
	assert_int_equal(links->count, 0);
	assert_null(identity_lookup(links, "okta", "x"));
	identity_links_free(links);
}

static void missing_attributes(void **state)
{
	struct fact_list l;
	struct identity_links *links = (struct identity_links *)&links;
	struct error err;
	char text[1024];

	(void)state;
	fact_list_init(&l);
	person(&l, "a@b.example");
	add(&l, "account", "okta/x", json_pack("{s:s}", "account", "x"));
	error_clear(&err);
	assert_int_equal(identity_link(&l, &links, &err), ERR_INPUT);
	assert_null(links);
	error_format(&err, text, sizeof(text));
	assert_string_equal(text, "account okta/x: field 'system': required attribute is missing");
	fact_list_release(&l);

	fact_list_init(&l);
	add(&l, "identity", "github:acme/octocat",
	    json_pack("{s:s, s:s, s:s}", "system", "github:acme", "account",
		      "octocat", "email", ""));
	error_clear(&err);
	assert_int_equal(identity_link(&l, &links, &err), ERR_INPUT);
	error_format(&err, text, sizeof(text));
	assert_string_equal(text, "identity github:acme/octocat: field 'email': required "
			    "attribute is missing");
	fact_list_release(&l);

	fact_list_init(&l);
	add(&l, "person", "nobody", json_pack("{s:s}", "name", "No Email"));
	error_clear(&err);
	assert_int_equal(identity_link(&l, &links, &err), ERR_INPUT);
	error_format(&err, text, sizeof(text));
	assert_string_equal(text, "person nobody: field 'email': required attribute is missing");
	fact_list_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_rule),
		cmocka_unit_test(lookups),
		cmocka_unit_test(empty),
		cmocka_unit_test(missing_attributes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
