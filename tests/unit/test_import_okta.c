/* test_import_okta.c - importers okta.users and okta.factors on the real
 * recordings (okta-sdk-test-server, cmsgov-bcda-app) and broken input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_import_apps.h"

#define USERS_WS "sources/okta/api/v1/users.json"
#define USERS_REAL "okta-sdk-test-server/users-list__GET_api_v1_users.json"
#define FACTORS_WS "sources/okta/api/v1/users/00u1abcd2EFGH3ijk4x7/factors.json"
#define FACTORS_REAL "cmsgov-bcda-app/okta-user-factors-list__GET_api_v1_users_id_factors.json"

static void users_real_list(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("okta.users", USERS_WS, USERS_REAL, NULL,
				     &out, &err), 0);
	assert_int_equal(count_kind(&out, "account"), 161);
	/* SOURCES.md: ACTIVE 107, STAGED 48, PROVISIONED 2,
	 * PASSWORD_EXPIRED 2, LOCKED_OUT 1, SUSPENDED 1 */
	assert_int_equal(count_attr(&out, "account", "status", "active"), 107);
	assert_int_equal(count_attr(&out, "account", "status", "staged"), 48);
	assert_int_equal(count_attr(&out, "account", "status", "provisioned"), 2);
	assert_int_equal(count_attr(&out, "account", "status", "password_expired"), 2);
	assert_int_equal(count_attr(&out, "account", "status", "locked_out"), 1);
	assert_int_equal(count_attr(&out, "account", "status", "suspended"), 1);
	/* active = ACTIVE + PASSWORD_EXPIRED + LOCKED_OUT */
	assert_int_equal(count_true(&out, "account", "active"), 110);
	assert_int_equal(count_attr(&out, "account", "last_login_at", NULL), 133);

	f = find_fact(&out, "account", "okta/sachin.tendulkar@corp.oktatest.com");
	assert_string_equal(fact_str(f, "system"), "okta");
	assert_string_equal(fact_str(f, "account"), "sachin.tendulkar@corp.oktatest.com");
	assert_string_equal(fact_str(f, "email"), "vijet.mahabaleshwar@okta.com");
	assert_string_equal(fact_str(f, "name"), "Sachin Tendulkar");
	assert_string_equal(fact_str(f, "status"), "staged");
	assert_false(fact_bool(f, "active", 1));
	assert_true(attr_is_null(f, "mfa"));
	assert_true(attr_is_null(f, "admin"));
	assert_true(attr_is_null(f, "last_login_at"));
	assert_string_equal(fact_str(f, "created_at"), "2017-04-21T18:49:47Z");
	assert_string_equal(fact_str(f, "kind"), "user");
	assert_string_equal(fact_str(f, "id"), "00ua8j1q9t7ifPv040h7");

	f = find_fact(&out, "account", "okta/isaac@qa-vijet-preview.com");
	assert_string_equal(fact_str(f, "last_login_at"), "2017-05-30T20:01:59Z");
	import_output_release(&out);
}

static void users_suspended_list_and_pages(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_fixture("okta.users", "sources/okta/api/v1/users.2.json",
				     "okta-sdk-test-server/users-list__filter_status_eq_SUSPENDED.json",
				     NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "account"), 2);
	assert_int_equal(count_true(&out, "account", "active"), 0);
	import_output_release(&out);
}

static void users_recognition(void **state)
{
	(void)state;
	assert_non_null(importer_for(USERS_WS, "", 0));
	assert_string_equal(importer_for("sources/okta/api/v1/users.12.json", "", 0)->name,
			    "okta.users");
	assert_null(importer_for("sources/okta/api/v1/users.x.json", "", 0));
	assert_null(importer_for("sources/okta/api/v1/users.0.json", "", 0));
	assert_null(importer_for("sources/okta/api/v1/groups.json", "", 0));
	assert_string_equal(importer_for(FACTORS_WS, "", 0)->name, "okta.factors");
	assert_null(importer_for("sources/okta/api/v1/users//factors.json", "", 0));
}

static void users_error_body(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_fixture("okta.users", USERS_WS,
				     "okta-sdk-test-server/user-get__404-error.json",
				     NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "expected a JSON array (the list the API returns), "
			  "found an error body: \"Not found: Resource not found: "
			  "john-get-user@example.com (User)\"");
	assert_int_equal(out.facts.count, 0);
	import_output_release(&out);
}

static void users_truncated(void **state)
{
	static const char text[] = "[{\"id\": \"00u1\",\n \"status\": \"ACT";
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_bytes("okta.users", USERS_WS, text, sizeof(text) - 1,
				   NULL, &out, &err), ERR_INPUT);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 15);
	assert_error_text(&err, "line 2: invalid JSON: premature end of input "
			  "near '\"ACT'");
	import_output_release(&out);
}

static void users_wrong_shape(void **state)
{
	static const char no_login[] =
		"[{\"id\": \"00u1\", \"status\": \"ACTIVE\", \"profile\": {\"email\": \"a@b.example\"}}]";
	static const char bad_status[] =
		"[{\"id\": \"00u1\", \"status\": \"ON_LEAVE\", \"profile\": {\"login\": \"a@b.example\"}}]";
	static const char bad_stamp[] =
		"[{\"id\": \"00u1\", \"status\": \"ACTIVE\", \"lastLogin\": \"yesterday\", "
		"\"profile\": {\"login\": \"a@b.example\"}}]";
	static const char not_object[] = "[{\"id\": \"00u1\", \"status\": \"ACTIVE\", "
		"\"profile\": {\"login\": \"a@b.example\"}}, 42]";
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_bytes("okta.users", USERS_WS, no_login, strlen(no_login),
				   NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "users[0]: field 'profile.login': required field is missing");
	import_output_release(&out);

	assert_int_equal(run_bytes("okta.users", USERS_WS, bad_status, strlen(bad_status),
				   NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "users[0]: field 'status': unknown Okta user status "
			  "\"ON_LEAVE\" (expected ACTIVE, RECOVERY, PASSWORD_EXPIRED, "
			  "LOCKED_OUT, STAGED, PROVISIONED, SUSPENDED or DEPROVISIONED)");
	import_output_release(&out);

	assert_int_equal(run_bytes("okta.users", USERS_WS, bad_stamp, strlen(bad_stamp),
				   NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "users[0]: field 'lastLogin': invalid timestamp \"yesterday\"");
	import_output_release(&out);

	assert_int_equal(run_bytes("okta.users", USERS_WS, not_object, strlen(not_object),
				   NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "users[1]: expected an object, found a number");
	import_output_release(&out);
}

static void users_other_statuses(void **state)
{
	static const char text[] =
		"[{\"id\": \"00u1\", \"status\": \"RECOVERY\", \"profile\": {\"login\": \"R@B.example\", \"firstName\": \"Rae\", \"lastName\": \"B\"}},"
		" {\"id\": \"00u2\", \"status\": \"DEPROVISIONED\", \"profile\": {\"login\": \"d@b.example\"}}]";
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_bytes("okta.users", USERS_WS, text, strlen(text), NULL,
				   &out, &err), 0);
	f = find_fact(&out, "account", "okta/R@B.example");
	assert_true(fact_bool(f, "active", 0));
	assert_string_equal(fact_str(f, "name"), "Rae B");
	assert_true(attr_is_null(f, "email"));
	f = find_fact(&out, "account", "okta/d@b.example");
	assert_false(fact_bool(f, "active", 1));
	assert_string_equal(fact_str(f, "status"), "deprovisioned");
	import_output_release(&out);
}

static void factors_real(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("okta.factors", FACTORS_WS, FACTORS_REAL, NULL,
				     &out, &err), 0);
	assert_int_equal(count_kind(&out, "okta_factor"), 6);
	/* all ACTIVE; the email factor is not strong */
	assert_int_equal(count_true(&out, "okta_factor", "strong"), 5);
	f = find_fact(&out, "okta_factor", "00u1abcd2EFGH3ijk4x7/123def");
	assert_string_equal(fact_str(f, "user_id"), "00u1abcd2EFGH3ijk4x7");
	assert_string_equal(fact_str(f, "factor_type"), "email");
	assert_string_equal(fact_str(f, "provider"), "OKTA");
	assert_string_equal(fact_str(f, "status"), "active");
	assert_false(fact_bool(f, "strong", 1));
	f = find_fact(&out, "okta_factor", "00u1abcd2EFGH3ijk4x7/123jkl");
	assert_string_equal(fact_str(f, "factor_type"), "token:software:totp");
	assert_string_equal(fact_str(f, "provider"), "GOOGLE");
	assert_true(fact_bool(f, "strong", 0));
	import_output_release(&out);
}

static void factors_inactive_and_question(void **state)
{
	static const char text[] =
		"[{\"id\": \"f1\", \"factorType\": \"push\", \"provider\": \"OKTA\", \"status\": \"PENDING_ACTIVATION\"},"
		" {\"id\": \"f2\", \"factorType\": \"question\", \"provider\": \"OKTA\", \"status\": \"ACTIVE\"},"
		" {\"id\": \"f3\", \"factorType\": \"webauthn\", \"provider\": \"FIDO\", \"status\": \"ACTIVE\"}]";
	static const char bad[] = "[{\"id\": \"f1\", \"factorType\": 7, \"status\": \"ACTIVE\"}]";
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_bytes("okta.factors", FACTORS_WS, text, strlen(text), NULL,
				   &out, &err), 0);
	assert_false(fact_bool(find_fact(&out, "okta_factor", "00u1abcd2EFGH3ijk4x7/f1"),
			       "strong", 1));
	assert_false(fact_bool(find_fact(&out, "okta_factor", "00u1abcd2EFGH3ijk4x7/f2"),
			       "strong", 1));
	assert_true(fact_bool(find_fact(&out, "okta_factor", "00u1abcd2EFGH3ijk4x7/f3"),
			      "strong", 0));
	import_output_release(&out);

	assert_int_equal(run_bytes("okta.factors", FACTORS_WS, bad, strlen(bad), NULL,
				   &out, &err), ERR_INPUT);
	assert_error_text(&err, "factors[0]: field 'factorType': expected a string, found a number");
	import_output_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(users_real_list),
		cmocka_unit_test(users_suspended_list_and_pages),
		cmocka_unit_test(users_recognition),
		cmocka_unit_test(users_error_body),
		cmocka_unit_test(users_truncated),
		cmocka_unit_test(users_wrong_shape),
		cmocka_unit_test(users_other_statuses),
		cmocka_unit_test(factors_real),
		cmocka_unit_test(factors_inactive_and_question),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
