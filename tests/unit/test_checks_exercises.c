/*
 * test_checks_exercises.c - exercises.tabletop-missing,
 * exercises.dr-test-missing and incidents.no-postmortem over `exercise`
 * and `incident` facts as register.exercises and register.incidents write
 * them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "check_test.h"

static void add_exercise(struct fact_list *l, const char *type, const char *date,
			 const char *title)
{
	char json[512], key[128];

	snprintf(json, sizeof(json),
		 "{\"type\":\"%s\",\"date\":\"%s\",\"title\":\"%s\",\"outcome\":\"ok\"}",
		 type, date, title);
	snprintf(key, sizeof(key), "%s/%s", type, date);
	add_fact(l, "exercise", key, json, NULL, "sha256:exercises");
}

/* `severity`, `resolved` and `postmortem` are JSON values. */
static void add_incident(struct fact_list *l, const char *id, const char *title,
			 const char *severity, const char *resolved, const char *postmortem)
{
	char json[512];

	snprintf(json, sizeof(json),
		 "{\"id\":\"%s\",\"title\":\"%s\",\"severity\":%s,"
		 "\"detected_at\":\"2026-05-01\",\"resolved_at\":%s,\"postmortem_at\":%s}",
		 id, title, severity, resolved, postmortem);
	add_fact(l, "incident", id, json, NULL, "sha256:incidents");
}

static void expect(const char *id, const struct fact_list *facts, const char *as_of,
		   enum result want)
{
	struct check_run run;

	assert_int_equal(run_one_check(id, facts, NULL, as_of, NULL, &run), want);
	check_run_release(&run);
}

static void test_exercises_on_time(void **state)
{
	struct fact_list facts;

	(void)state;
	fact_list_init(&facts);
	add_exercise(&facts, "tabletop", "2025-06-30", "Ransomware tabletop");
	add_exercise(&facts, "backup-restore", "2026-02-10", "Restore of patients DB");
	/* 365 days after the tabletop: due today, not overdue. */
	expect("exercises.tabletop-missing", &facts, "2026-06-30", RESULT_PASS);
	expect("exercises.dr-test-missing", &facts, "2026-06-30", RESULT_PASS);
	fact_list_release(&facts);
	fact_list_init(&facts);
	add_exercise(&facts, "dr-test", "2026-01-10", "Region failover");
	expect("exercises.dr-test-missing", &facts, "2026-06-30", RESULT_PASS);
	fact_list_release(&facts);
}

static void test_tabletop_missing(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_exercise(&facts, "tabletop", "2025-06-30", "Ransomware tabletop");
	/* A DR test is not a tabletop; a future tabletop does not count. */
	add_exercise(&facts, "dr-test", "2026-06-01", "Region failover");
	add_exercise(&facts, "tabletop", "2026-08-01", "Planned tabletop");
	assert_int_equal(run_one_check("exercises.tabletop-missing", &facts, NULL,
				       "2026-07-01", NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].subject, "tabletop exercise");
	assert_string_equal(run.findings.items[0].system, "");
	assert_string_equal(run.findings.items[0].detail,
			    "last tabletop exercise 2025-06-30 (\"Ransomware tabletop\"), 366 "
			    "days ago; the next was due 2026-06-30 (every 365 days)");
	check_run_release(&run);
	fact_list_release(&facts);
	fact_list_init(&facts);
	assert_int_equal(run_one_check("exercises.tabletop-missing", &facts, NULL,
				       "2026-07-01", NULL, &run), RESULT_FAIL);
	assert_string_equal(run.findings.items[0].detail,
			    "no tabletop exercise recorded (due every 365 days)");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_dr_test_missing(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_exercise(&facts, "tabletop", "2026-06-01", "Ransomware tabletop");
	add_exercise(&facts, "backup-restore", "2025-01-15", "Restore of patients DB");
	assert_int_equal(run_one_check("exercises.dr-test-missing", &facts, NULL,
				       "2026-06-30", NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].subject, "DR or backup-restore test");
	assert_string_equal(run.findings.items[0].detail,
			    "last DR or backup-restore test 2025-01-15 (\"Restore of patients "
			    "DB\"), 531 days ago; the next was due 2026-01-15 (every 365 days)");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_postmortems(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_incident(&facts, "INC-1", "DB outage", "\"critical\"", "\"2026-05-03\"",
		     "\"2026-05-10\"");
	add_incident(&facts, "INC-2", "Phish click", "\"low\"", "\"2026-05-03\"", "null");
	add_incident(&facts, "INC-3", "Key leak", "\"High\"", "null", "null");
	add_incident(&facts, "INC-4", "No severity", "null", "\"2026-05-03\"", "null");
	expect("incidents.no-postmortem", &facts, "2026-06-30", RESULT_PASS);

	add_incident(&facts, "INC-5", "API breach", "\" HIGH \"", "\"2026-06-01\"", "null");
	add_incident(&facts, "INC-6", "Data loss", "\"critical\"", "\"2026-06-10\"",
		     "\"2026-07-05\"");
	assert_int_equal(run_one_check("incidents.no-postmortem", &facts, NULL, "2026-06-30",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	assert_string_equal(run.findings.items[finding_index(&run, "INC-5")].detail,
			    "high incident \"API breach\" resolved 2026-06-01, 29 days ago, has "
			    "no postmortem (postmortem_at is empty)");
	assert_string_equal(run.findings.items[finding_index(&run, "INC-6")].detail,
			    "critical incident \"Data loss\" resolved 2026-06-10 has no "
			    "postmortem yet (postmortem_at 2026-07-05 is after the date checked)");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_not_evaluated(void **state)
{
	static const char *const present[] = {"register.incidents", NULL};
	static const char *const present2[] = {"register.exercises", NULL};
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	assert_int_equal(run_one_check("exercises.tabletop-missing", &facts, present,
				       "2026-06-30", NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no register.exercises evidence imported as of this date");
	check_run_release(&run);
	assert_int_equal(run_one_check("exercises.dr-test-missing", &facts, present,
				       "2026-06-30", NULL, &run), RESULT_NOT_EVALUATED);
	check_run_release(&run);
	assert_int_equal(run_one_check("incidents.no-postmortem", &facts, present2,
				       "2026-06-30", NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no register.incidents evidence imported as of this date");
	check_run_release(&run);
	fact_list_release(&facts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exercises_on_time),
		cmocka_unit_test(test_tabletop_missing),
		cmocka_unit_test(test_dr_test_missing),
		cmocka_unit_test(test_postmortems),
		cmocka_unit_test(test_not_evaluated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
