/*
 * test_checks_people.c - people.training, people.background-check and
 * people.policy-ack over `person` facts (hr.roster) and the training,
 * background-check and policy-ack registers, with the information
 * security policy from policies/<name>.md.  The default audit window of
 * check_test.h (2026-04-01..2026-09-30) applies unless a test says.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>

#include "check_test.h"

#define DOMAIN "@acme.example"

static void add_person(struct fact_list *l, const char *who, const char *type,
		       const char *start, const char *end)
{
	char json[512], email[128];

	snprintf(email, sizeof(email), "%s" DOMAIN, who);
	snprintf(json, sizeof(json),
		 "{\"email\":\"%s\",\"name\":\"%s\",\"employment_type\":\"%s\","
		 "\"department\":\"Eng\",\"title\":\"Engineer\",\"manager_email\":null,"
		 "\"start_date\":%s,\"end_date\":%s}", email, who, type, start, end);
	add_fact(l, "person", email, json, NULL, "sha256:hr");
}

static void add_training(struct fact_list *l, const char *who, const char *course,
			 const char *date)
{
	char json[256], key[256];

	snprintf(json, sizeof(json),
		 "{\"email\":\"%s" DOMAIN "\",\"course\":\"%s\",\"completed_at\":\"%s\"}",
		 who, course, date);
	snprintf(key, sizeof(key), "%s" DOMAIN "/%s/%s", who, course, date);
	add_fact(l, "training", key, json, NULL, "sha256:training");
}

static void add_background(struct fact_list *l, const char *who, const char *date)
{
	char json[256], key[128];

	snprintf(json, sizeof(json), "{\"email\":\"%s" DOMAIN "\",\"completed_at\":%s}",
		 who, date);
	snprintf(key, sizeof(key), "%s" DOMAIN, who);
	add_fact(l, "background_check", key, json, NULL, "sha256:bg");
}

static void add_ack(struct fact_list *l, const char *who, const char *policy,
		    const char *version, const char *date)
{
	char json[256], key[256];

	snprintf(json, sizeof(json),
		 "{\"email\":\"%s" DOMAIN "\",\"policy\":\"%s\",\"version\":\"%s\","
		 "\"acknowledged_at\":\"%s\"}", who, policy, version, date);
	snprintf(key, sizeof(key), "%s" DOMAIN "/%s/%s", who, policy, version);
	add_fact(l, "policy_ack", key, json, NULL, "sha256:acks");
}

static void add_policy(struct fact_list *l, const char *id, const char *title,
		       const char *version, const char *approved_at)
{
	char json[512];

	snprintf(json, sizeof(json),
		 "{\"id\":\"%s\",\"title\":\"%s\",\"owner\":\"ciso\",\"version\":\"%s\","
		 "\"approved_by\":\"ceo" DOMAIN "\",\"approved_at\":\"%s\","
		 "\"review_days\":365,\"controls\":[],\"path\":\"policies/%s.md\"}",
		 id, title, version, approved_at, id);
	add_fact(l, "policy", id, json, NULL, "sha256:policy");
}

/* People for whom every rule holds on 2026-06-30, and people the rules do
 * not apply to. */
static void good_staff(struct fact_list *l)
{
	/* Trained at hire and within the year; checked (after start, but
	 * long before the audit window); acknowledged the current version. */
	add_person(l, "ana", "employee", "\"2020-01-01\"", "null");
	add_training(l, "ana", "Security Awareness 2020", "2020-01-10");
	add_training(l, "ana", "Security Awareness 2026", "2026-01-15");
	add_background(l, "ana", "\"2020-01-05\"");
	add_ack(l, "ana", "information-security-policy", "3", "2026-03-01");
	/* A contractor, acknowledging by title and "v3". */
	add_person(l, "carl", "contractor", "\"2026-05-01\"", "null");
	add_training(l, "carl", "Onboarding security", "2026-05-20");
	add_background(l, "carl", "\"2026-04-20\"");
	add_ack(l, "carl", "Information Security Policy", "v3", "2026-05-02");
	/* Started 15 days ago: training and acknowledgement not due yet. */
	add_person(l, "nina", "employee", "\"2026-06-15\"", "null");
	add_background(l, "nina", "\"2026-06-01\"");
	/* A leaver and a future starter: not on staff. */
	add_person(l, "leo", "employee", "\"2019-01-01\"", "\"2026-03-01\"");
	add_person(l, "fay", "employee", "\"2026-08-01\"", "null");
	add_policy(l, "acceptable-use", "Acceptable Use Policy", "2", "2026-01-10");
	add_policy(l, "information-security-policy", "Information Security Policy", "3",
		   "2026-02-01");
}

static void expect_pass(const char *id, const struct fact_list *facts, const char *as_of,
			const struct config *config)
{
	struct check_run run;

	assert_int_equal(run_one_check(id, facts, NULL, as_of, config, &run), RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
}

static const char *detail_of(const struct check_run *run, const char *subject)
{
	int i = finding_index(run, subject);

	if (i < 0)
		fail_msg("no finding for %s", subject);
	return run->findings.items[i].detail;
}

static void test_good_staff_passes(void **state)
{
	struct fact_list facts;

	(void)state;
	fact_list_init(&facts);
	good_staff(&facts);
	expect_pass("people.training", &facts, "2026-06-30", NULL);
	expect_pass("people.background-check", &facts, "2026-06-30", NULL);
	expect_pass("people.policy-ack", &facts, "2026-06-30", NULL);
	fact_list_release(&facts);
}

static void test_training(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	good_staff(&facts);
	add_person(&facts, "bob", "employee", "\"2026-04-10\"", "null");
	add_training(&facts, "bob", "Security Awareness", "2026-05-25");
	/* Late at hire in 2019 (before the window: not reported), and more
	 * than a year since. */
	add_person(&facts, "dora", "employee", "\"2019-03-01\"", "null");
	add_training(&facts, "dora", "Security Awareness", "2019-06-01");
	add_training(&facts, "dora", "Security Awareness", "2025-05-01");
	add_person(&facts, "eve", "contractor", "\"2026-01-05\"", "null");
	/* Training dated after the date checked does not count yet. */
	add_person(&facts, "ivy", "employee", "\"2026-01-01\"", "null");
	add_training(&facts, "ivy", "Security Awareness", "2026-07-15");
	assert_int_equal(run_one_check("people.training", &facts, NULL, "2026-06-30", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 4);
	assert_string_equal(detail_of(&run, "bob" DOMAIN),
			    "started 2026-04-10; first security training 2026-05-25, 45 days "
			    "after start (due within 30)");
	assert_string_equal(detail_of(&run, "dora" DOMAIN),
			    "last security training 2025-05-01, 425 days ago (due again "
			    "2026-05-01, every 365 days)");
	assert_string_equal(detail_of(&run, "eve" DOMAIN),
			    "started 2026-01-05; no security training recorded (due by "
			    "2026-02-04)");
	assert_string_equal(detail_of(&run, "ivy" DOMAIN),
			    "started 2026-01-01; no security training recorded (due by "
			    "2026-01-31)");
	assert_string_equal(run.findings.items[finding_index(&run, "bob" DOMAIN)].system, "");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_training_without_window(void **state)
{
	struct fact_list facts;
	struct check_run run;
	struct config config;

	(void)state;
	config_defaults(&config);
	fact_list_init(&facts);
	add_person(&facts, "hal", "employee", "\"2024-01-01\"", "null");
	add_training(&facts, "hal", "Security Awareness", "2024-03-01");
	add_training(&facts, "hal", "Security Awareness", "2025-01-01");
	add_person(&facts, "kim", "employee", "null", "null");
	assert_int_equal(run_one_check("people.training", &facts, NULL, "2026-06-30", &config,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	assert_string_equal(detail_of(&run, "hal" DOMAIN),
			    "started 2024-01-01; first security training 2024-03-01, 60 days "
			    "after start (due within 30); last security training 2025-01-01, "
			    "545 days ago (due again 2026-01-01, every 365 days)");
	assert_string_equal(detail_of(&run, "kim" DOMAIN), "no security training recorded");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_background_check(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	good_staff(&facts);
	add_person(&facts, "bob", "employee", "\"2026-04-10\"", "null");
	add_background(&facts, "bob", "\"2026-04-15\"");
	add_person(&facts, "dora", "employee", "\"2019-03-01\"", "null");
	add_person(&facts, "eve", "contractor", "\"2026-01-05\"", "null");
	add_background(&facts, "eve", "null");
	/* Listed twice (a rehire): the latest record speaks, one finding. */
	add_person(&facts, "rex", "employee", "\"2018-01-01\"", "\"2020-01-01\"");
	add_person(&facts, "rex", "contractor", "\"2026-05-01\"", "null");
	assert_int_equal(run_one_check("people.background-check", &facts, NULL, "2026-06-30",
				       NULL, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 4);
	assert_string_equal(detail_of(&run, "bob" DOMAIN),
			    "started 2026-04-10; background check completed 2026-04-15, 5 days "
			    "after start");
	assert_string_equal(detail_of(&run, "dora" DOMAIN),
			    "started 2019-03-01; no background check recorded");
	assert_string_equal(detail_of(&run, "eve" DOMAIN),
			    "started 2026-01-05; background check not completed (completed_at "
			    "is empty)");
	assert_string_equal(detail_of(&run, "rex" DOMAIN),
			    "started 2026-05-01; no background check recorded");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_policy_ack(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	good_staff(&facts);
	add_person(&facts, "bob", "employee", "\"2026-04-10\"", "null");
	add_ack(&facts, "bob", "information-security-policy", "2", "2025-03-01");
	add_ack(&facts, "bob", "acceptable-use", "2", "2026-04-11");
	add_person(&facts, "dora", "contractor", "\"2019-03-01\"", "null");
	assert_int_equal(run_one_check("people.policy-ack", &facts, NULL, "2026-06-30", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	assert_string_equal(detail_of(&run, "bob" DOMAIN),
			    "has not acknowledged information-security-policy version 3; last "
			    "acknowledged version 2 on 2025-03-01");
	assert_int_equal(run.findings.items[finding_index(&run, "bob" DOMAIN)].evidence_count,
			 3);
	assert_string_equal(detail_of(&run, "dora" DOMAIN),
			    "has not acknowledged information-security-policy version 3; no "
			    "acknowledgement recorded");
	check_run_release(&run);
	fact_list_release(&facts);
}

/* A new version approved on 06-20 gives everyone 30 days to acknowledge;
 * the policy is found by its title when its id does not say. */
static void test_policy_ack_new_version(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_person(&facts, "ana", "employee", "\"2020-01-01\"", "null");
	add_ack(&facts, "ana", "isp", "3", "2026-03-01");
	add_policy(&facts, "isp", "Information Security Policy", "4", "2026-06-20");
	expect_pass("people.policy-ack", &facts, "2026-07-19", NULL);
	assert_int_equal(run_one_check("people.policy-ack", &facts, NULL, "2026-07-20", NULL,
				       &run), RESULT_FAIL);
	assert_string_equal(detail_of(&run, "ana" DOMAIN),
			    "has not acknowledged isp version 4; last acknowledged version 3 "
			    "on 2026-03-01");
	check_run_release(&run);
	add_ack(&facts, "ana", "isp", "4", "2026-07-01");
	expect_pass("people.policy-ack", &facts, "2026-07-20", NULL);
	fact_list_release(&facts);
}

static void test_policy_ack_without_policy(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_person(&facts, "ana", "employee", "\"2020-01-01\"", "null");
	add_policy(&facts, "acceptable-use", "Acceptable Use Policy", "2", "2026-01-10");
	assert_int_equal(run_one_check("people.policy-ack", &facts, NULL, "2026-06-30", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].subject, "information security policy");
	assert_string_equal(run.findings.items[0].detail,
			    "no information security policy found (a policy whose id contains "
			    "\"information-security\" or \"infosec\", or whose title contains "
			    "\"Information Security\"); acknowledgements cannot be tested");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_not_evaluated(void **state)
{
	static const char *const no_hr[] = {
		"register.training", "register.background-checks", "register.policy-acks",
		"policy.markdown", NULL,
	};
	static const char *const no_acks[] = {"hr.roster", "policy.markdown", NULL};
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	assert_int_equal(run_one_check("people.training", &facts, no_hr, "2026-06-30", NULL,
				       &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason, "no hr. evidence imported as of this date");
	check_run_release(&run);
	assert_int_equal(run_one_check("people.background-check", &facts, no_hr, "2026-06-30",
				       NULL, &run), RESULT_NOT_EVALUATED);
	check_run_release(&run);
	assert_int_equal(run_one_check("people.policy-ack", &facts, no_acks, "2026-06-30",
				       NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no register.policy-acks evidence imported as of this date");
	check_run_release(&run);
	fact_list_release(&facts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_staff_passes),
		cmocka_unit_test(test_training),
		cmocka_unit_test(test_training_without_window),
		cmocka_unit_test(test_background_check),
		cmocka_unit_test(test_policy_ack),
		cmocka_unit_test(test_policy_ack_new_version),
		cmocka_unit_test(test_policy_ack_without_policy),
		cmocka_unit_test(test_not_evaluated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
