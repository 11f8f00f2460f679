/*
 * test_checks_risks.c - the risk register checks (risks.register-stale,
 * risks.accepted-without-signoff, risks.treatment-overdue, risks.no-owner)
 * and assets.production-unowned, over facts as register.risks,
 * register.assets and hr.roster write them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "check_test.h"

struct risk {
	const char *id, *title, *treatment, *owner, *due, *status;
	const char *signed_by, *signed_at, *reviewed;   /* JSON values */
};

static void add_risk(struct fact_list *l, const struct risk *r)
{
	char json[1024];

	snprintf(json, sizeof(json),
		 "{\"id\":\"%s\",\"title\":\"%s\",\"likelihood\":3,\"impact\":4,"
		 "\"treatment\":\"%s\",\"owner_email\":%s,\"due\":%s,\"status\":\"%s\","
		 "\"signed_off_by\":%s,\"signed_off_at\":%s,\"last_reviewed\":%s}",
		 r->id, r->title, r->treatment, r->owner, r->due, r->status, r->signed_by,
		 r->signed_at, r->reviewed);
	add_fact(l, "risk", r->id, json, NULL, "sha256:risks");
}

static void add_person(struct fact_list *l, const char *email, const char *start,
		       const char *end)
{
	char json[512];

	snprintf(json, sizeof(json),
		 "{\"email\":\"%s\",\"name\":\"X\",\"employment_type\":\"employee\","
		 "\"start_date\":%s,\"end_date\":%s}", email, start, end);
	add_fact(l, "person", email, json, NULL, "sha256:hr");
}

/* Every rule satisfied on 2026-06-30. */
static void good_register(struct fact_list *l)
{
	static const struct risk risks[] = {
		{"R-1", "Laptop theft", "mitigate", "\"ana@acme.example\"", "\"2026-07-31\"",
		 "open", "null", "null", "\"2026-04-15\""},
		{"R-2", "Single region", "accept", "\"ana@acme.example\"", "null", "open",
		 "\"cto@acme.example\"", "\"2026-02-01\"", "\"2026-02-01\""},
		/* Closed and past due, owner gone: no longer tracked. */
		{"R-3", "Legacy FTP", "avoid", "\"old@acme.example\"", "\"2025-01-01\"",
		 "closed", "null", "null", "\"2025-01-01\""},
		/* Due on the date itself: not overdue yet. */
		{"R-4", "Phishing", "transfer", "\"ana@acme.example\"", "\"2026-06-30\"",
		 "open", "null", "null", "null"},
	};

	for (size_t i = 0; i < sizeof(risks) / sizeof(risks[0]); i++)
		add_risk(l, &risks[i]);
	add_person(l, "ana@acme.example", "\"2020-01-01\"", "null");
	add_person(l, "old@acme.example", "\"2019-01-01\"", "\"2025-03-01\"");
}

static void expect_pass(const char *id, const struct fact_list *facts, const char *as_of)
{
	struct check_run run;

	assert_int_equal(run_one_check(id, facts, NULL, as_of, NULL, &run), RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
}

static void test_good_register_passes(void **state)
{
	struct fact_list facts;

	(void)state;
	fact_list_init(&facts);
	good_register(&facts);
	expect_pass("risks.register-stale", &facts, "2026-06-30");
	expect_pass("risks.accepted-without-signoff", &facts, "2026-06-30");
	expect_pass("risks.treatment-overdue", &facts, "2026-06-30");
	expect_pass("risks.no-owner", &facts, "2026-06-30");
	/* 90 days after the latest review (04-15) is 07-14: still on time. */
	expect_pass("risks.register-stale", &facts, "2026-07-14");
	fact_list_release(&facts);
}

static void test_register_stale(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	good_register(&facts);
	assert_int_equal(run_one_check("risks.register-stale", &facts, NULL, "2026-07-15",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].subject, "risk register");
	assert_string_equal(run.findings.items[0].system, "");
	assert_string_equal(run.findings.items[0].detail,
			    "last reviewed 2026-04-15 (R-1), 91 days ago; review was due "
			    "2026-07-14 (every 90 days)");
	check_run_release(&run);
	fact_list_release(&facts);

	/* Reviews dated after the date checked do not count; an empty
	 * register is stale too. */
	fact_list_init(&facts);
	add_risk(&facts, &(struct risk){"R-9", "Vendor breach", "mitigate",
				       "\"ana@acme.example\"", "null", "open", "null",
				       "null", "\"2026-08-01\""});
	assert_int_equal(run_one_check("risks.register-stale", &facts, NULL, "2026-07-15",
				       NULL, &run), RESULT_FAIL);
	assert_string_equal(run.findings.items[0].detail,
			    "no risk has a last_reviewed date (1 risk; review due every 90 "
			    "days)");
	check_run_release(&run);
	fact_list_release(&facts);
	fact_list_init(&facts);
	assert_int_equal(run_one_check("risks.register-stale", &facts, NULL, "2026-07-15",
				       NULL, &run), RESULT_FAIL);
	assert_string_equal(run.findings.items[0].detail, "the risk register lists no risks");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_accepted_without_signoff(void **state)
{
	static const struct risk risks[] = {
		{"R-5", "No WAF", "accept", "\"ana@acme.example\"", "null", "open", "null",
		 "null", "null"},
		{"R-6", "Shared admin", "accept", "\"ana@acme.example\"", "null", "closed",
		 "\"cto@acme.example\"", "null", "null"},
		{"R-7", "Old TLS", "accept", "\"ana@acme.example\"", "null", "open",
		 "\"cto@acme.example\"", "\"2026-07-02\"", "null"},
		{"R-8", "No DLP", "accept", "\"ana@acme.example\"", "null", "open", "null",
		 "\"2026-05-01\"", "null"},
	};
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	good_register(&facts);
	for (size_t i = 0; i < 4; i++)
		add_risk(&facts, &risks[i]);
	assert_int_equal(run_one_check("risks.accepted-without-signoff", &facts, NULL,
				       "2026-06-30", NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 4);
	assert_string_equal(run.findings.items[finding_index(&run, "R-5")].detail,
			    "risk \"No WAF\" is accepted without sign-off (signed_off_by and "
			    "signed_off_at are empty)");
	assert_string_equal(run.findings.items[finding_index(&run, "R-6")].detail,
			    "risk \"Shared admin\" is accepted; sign-off by cto@acme.example has "
			    "no date (signed_off_at is empty)");
	assert_string_equal(run.findings.items[finding_index(&run, "R-7")].detail,
			    "risk \"Old TLS\" is accepted; sign-off by cto@acme.example is dated "
			    "2026-07-02, after the date checked");
	assert_string_equal(run.findings.items[finding_index(&run, "R-8")].detail,
			    "risk \"No DLP\" is accepted without sign-off (signed_off_by is "
			    "empty)");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_treatment_overdue(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	good_register(&facts);
	assert_int_equal(run_one_check("risks.treatment-overdue", &facts, NULL, "2026-07-01",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].subject, "R-4");
	assert_string_equal(run.findings.items[0].detail,
			    "open risk \"Phishing\" (treatment transfer, owner ana@acme.example) "
			    "was due 2026-06-30, 1 day ago");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_no_owner(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	good_register(&facts);
	add_risk(&facts, &(struct risk){"R-10", "Shadow IT", "mitigate", "null", "null",
					"open", "null", "null", "null"});
	add_risk(&facts, &(struct risk){"R-11", "Key person", "mitigate",
					"\"old@acme.example\"", "null", "open", "null", "null",
					"null"});
	/* An owner the roster does not know (an outside adviser) is fine. */
	add_risk(&facts, &(struct risk){"R-12", "Insurance", "transfer",
					"\"broker@insure.example\"", "null", "open", "null",
					"null", "null"});
	assert_int_equal(run_one_check("risks.no-owner", &facts, NULL, "2026-06-30", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	assert_string_equal(run.findings.items[finding_index(&run, "R-10")].detail,
			    "open risk \"Shadow IT\" has no owner (owner_email is empty)");
	assert_string_equal(run.findings.items[finding_index(&run, "R-11")].detail,
			    "open risk \"Key person\" is owned by old@acme.example, who left "
			    "2025-03-01");
	assert_int_equal(run.findings.items[finding_index(&run, "R-11")].evidence_count, 2);
	check_run_release(&run);
	fact_list_release(&facts);
}

static void add_asset(struct fact_list *l, const char *id, const char *name,
		      const char *owner, const char *env, const char *class)
{
	char json[512];

	snprintf(json, sizeof(json),
		 "{\"id\":\"%s\",\"name\":\"%s\",\"type\":\"database\",\"owner_email\":%s,"
		 "\"environment\":%s,\"classification\":%s}", id, name, owner, env, class);
	add_fact(l, "asset", id, json, NULL, "sha256:assets");
}

static void test_production_unowned(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_person(&facts, "ana@acme.example", "\"2020-01-01\"", "null");
	add_person(&facts, "old@acme.example", "\"2019-01-01\"", "\"2025-03-01\"");
	add_asset(&facts, "A-1", "Patient DB", "\"ana@acme.example\"", "\"Production\"",
		  "\"restricted\"");
	/* Not production: nothing asked. */
	add_asset(&facts, "A-2", "Scratch DB", "null", "\"staging\"", "null");
	add_asset(&facts, "A-3", "Dev box", "null", "null", "null");
	expect_pass("assets.production-unowned", &facts, "2026-06-30");

	add_asset(&facts, "A-4", "Billing DB", "null", "\"PROD\"", "null");
	add_asset(&facts, "A-5", "Audit DB", "\"ana@acme.example\"", "\" production \"",
		  "null");
	add_asset(&facts, "A-6", "Search", "\"old@acme.example\"", "\"prod\"", "null");
	add_asset(&facts, "A-7", "Queue", "null", "\"production\"", "\"internal\"");
	assert_int_equal(run_one_check("assets.production-unowned", &facts, NULL,
				       "2026-06-30", NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 4);
	assert_string_equal(run.findings.items[finding_index(&run, "A-4")].detail,
			    "production database \"Billing DB\" has no owner_email and no "
			    "classification");
	assert_string_equal(run.findings.items[finding_index(&run, "A-5")].detail,
			    "production database \"Audit DB\" has no classification");
	assert_string_equal(run.findings.items[finding_index(&run, "A-6")].detail,
			    "production database \"Search\" is owned by old@acme.example, who "
			    "left 2025-03-01, and has no classification");
	assert_string_equal(run.findings.items[finding_index(&run, "A-7")].detail,
			    "production database \"Queue\" has no owner_email");
	assert_string_equal(run.findings.items[finding_index(&run, "A-7")].system, "");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_not_evaluated(void **state)
{
	static const char *const present[] = {"register.vendors", "hr.roster", NULL};
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	assert_int_equal(run_one_check("risks.register-stale", &facts, present, "2026-06-30",
				       NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no register.risks evidence imported as of this date");
	check_run_release(&run);
	assert_int_equal(run_one_check("assets.production-unowned", &facts, present,
				       "2026-06-30", NULL, &run), RESULT_NOT_EVALUATED);
	check_run_release(&run);
	fact_list_release(&facts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_register_passes),
		cmocka_unit_test(test_register_stale),
		cmocka_unit_test(test_accepted_without_signoff),
		cmocka_unit_test(test_treatment_overdue),
		cmocka_unit_test(test_no_owner),
		cmocka_unit_test(test_production_unowned),
		cmocka_unit_test(test_not_evaluated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
