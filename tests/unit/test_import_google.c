/* test_import_google.c - importer google-workspace.users.  No real
 * users.list body is public (SOURCES.md "Not found"); the fixtures under
 * tests/fixtures/google-workspace/ follow the documented shape
 * (FORMAT-NOTES 4.2), including the epoch lastLoginTime sentinel. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_import_apps.h"

#define WS "sources/google-workspace/admin/directory/v1/users.json"
#define WS2 "sources/google-workspace/admin/directory/v1/users.2.json"
#define FIX "tests/fixtures/google-workspace/"

static void users_page_one(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("google-workspace.users", WS, FIX "users.json",
				     NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "account"), 3);
	f = find_fact(&out, "account", "google-workspace/a.okafor@acme-health.example");
	assert_string_equal(fact_str(f, "system"), "google-workspace");
	assert_string_equal(fact_str(f, "account"), "a.okafor@acme-health.example");
	assert_string_equal(fact_str(f, "email"), "a.okafor@acme-health.example");
	assert_string_equal(fact_str(f, "name"), "Adaeze Okafor");
	assert_string_equal(fact_str(f, "status"), "active");
	assert_true(fact_bool(f, "active", 0));
	assert_true(fact_bool(f, "admin", 0));
	assert_true(fact_bool(f, "mfa", 0));
	assert_string_equal(fact_str(f, "created_at"), "2021-03-02T17:40:12Z");
	assert_string_equal(fact_str(f, "last_login_at"), "2026-09-29T08:14:51Z");
	assert_string_equal(fact_str(f, "kind"), "user");
	assert_string_equal(fact_str(f, "id"), "104335281741223452961");

	f = find_fact(&out, "account", "google-workspace/c.ramirez@acme-health.example");
	assert_false(fact_bool(f, "mfa", 1));
	assert_false(fact_bool(f, "admin", 1));

	f = find_fact(&out, "account", "google-workspace/j.lindqvist@acme-health.example");
	assert_string_equal(fact_str(f, "status"), "suspended");
	assert_false(fact_bool(f, "active", 1));
	import_output_release(&out);
}

static void users_page_two(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("google-workspace.users", WS2, FIX "users.2.json",
				     NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "account"), 3);
	/* mixed-case primaryEmail, never signed in (epoch sentinel) */
	f = find_fact(&out, "account", "google-workspace/p.nguyen@acme-health.example");
	assert_string_equal(fact_str(f, "account"), "p.nguyen@acme-health.example");
	assert_true(attr_is_null(f, "last_login_at"));
	assert_true(fact_bool(f, "active", 0));
	f = find_fact(&out, "account", "google-workspace/m.osei@acme-health.example");
	assert_string_equal(fact_str(f, "status"), "archived");
	assert_false(fact_bool(f, "active", 1));
	import_output_release(&out);
}

static void users_empty_page(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_fixture("google-workspace.users", WS, FIX "empty-page.json",
				     NULL, &out, &err), 0);
	assert_int_equal(out.facts.count, 0);
	import_output_release(&out);
}

static void users_missing_booleans(void **state)
{
	static const char text[] =
		"{\"users\": [{\"id\": \"1\", \"primaryEmail\": \"x@acme-health.example\"}]}";
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_bytes("google-workspace.users", WS, text, strlen(text),
				   NULL, &out, &err), 0);
	f = find_fact(&out, "account", "google-workspace/x@acme-health.example");
	assert_true(fact_bool(f, "active", 0));
	assert_true(attr_is_null(f, "mfa"));
	assert_true(attr_is_null(f, "admin"));
	assert_true(attr_is_null(f, "name"));
	import_output_release(&out);
}

static void users_errors(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_fixture("google-workspace.users", WS, FIX "error-403.json",
				     NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "expected a users.list body, found an error body: "
			  "\"Not Authorized to access this resource/api\"");
	import_output_release(&out);

	assert_int_equal(run_fixture("google-workspace.users", WS,
				     FIX "wrong-type-suspended.json", NULL, &out, &err),
			 ERR_INPUT);
	assert_error_text(&err, "users[0]: field 'suspended': expected true or false, "
			  "found a string");
	import_output_release(&out);

	assert_int_equal(run_fixture("google-workspace.users", WS, FIX "truncated.json",
				     NULL, &out, &err), ERR_INPUT);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, 70);
	assert_error_text(&err, "line 1: invalid JSON: ':' expected near end of file");
	import_output_release(&out);
}

static void users_recognition(void **state)
{
	(void)state;
	assert_string_equal(importer_for(WS, "", 0)->name, "google-workspace.users");
	assert_string_equal(importer_for(WS2, "", 0)->name, "google-workspace.users");
	assert_null(importer_for("sources/google-workspace/admin/directory/v1/groups.json",
				 "", 0));
	assert_null(importer_for("google-workspace/admin/directory/v1/users.json", "", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(users_page_one),
		cmocka_unit_test(users_page_two),
		cmocka_unit_test(users_empty_page),
		cmocka_unit_test(users_missing_booleans),
		cmocka_unit_test(users_errors),
		cmocka_unit_test(users_recognition),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
