/* test_config.c - attest.yaml: defaults, every section, and errors that
 * name the line and key. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "workspace/workspace.h"

static int parse(const char *text, struct config *c, struct error *err)
{
	error_clear(err);
	return config_parse("attest.yaml", text, strlen(text), c, err);
}

static void test_full_config(void **state)
{
	const char *text =
		"organization: Acme Health\n"
		"domains: [Acme-Health.example]\n"
		"scope:\n"
		"  categories: [security, availability, confidentiality]\n"
		"  frameworks: [soc2, hipaa]\n"
		"audit:\n"
		"  type: 2\n"
		"  window: {start: 2026-04-01, end: 2026-09-30}\n"
		"owners: {security-lead: Alice@acme-health.example}\n"
		"offboarding: {deprovision_days: 2, ticket_label: leaver}\n"
		"vulnerabilities: {sla_days: {critical: 3}}\n"
		"vendors: {tiers: [critical]}\n"
		"hr: {columns: {email: Work Email}}\n";
	struct config c;
	struct error err;
	day_t d;

	(void)state;
	assert_int_equal(parse(text, &c, &err), 0);
	assert_string_equal(c.organization, "Acme Health");
	assert_string_equal(c.domains[0], "acme-health.example");
	assert_int_equal(c.categories, CATEGORY_SECURITY | CATEGORY_AVAILABILITY |
					       CATEGORY_CONFIDENTIALITY);
	assert_true(c.framework_hipaa);
	date_parse("2026-04-01", &d);
	assert_int_equal(c.window_start, d);
	assert_string_equal(c.owners[0].email, "alice@acme-health.example");
	assert_int_equal(c.deprovision_days, 2);
	assert_string_equal(c.offboarding_label, "leaver");
	assert_int_equal(c.vuln_sla_critical, 3);
	assert_int_equal(c.vuln_sla_high, 14);
	assert_int_equal(c.vendor_review_tiers, 1);
	assert_int_equal(c.log_retention_days, 2190); /* hipaa default */
	assert_string_equal(c.hr_columns[0].header, "Work Email");
}

static void test_defaults(void **state)
{
	struct config c;
	struct error err;

	(void)state;
	assert_int_equal(parse("organization: X\n", &c, &err), 0);
	assert_int_equal(c.categories, CATEGORY_SECURITY);
	assert_int_equal(c.log_retention_days, 90);
	assert_int_equal(c.deprovision_days, 1);
	assert_int_equal(c.window_start, DAY_NONE);
	assert_int_equal(c.vuln_sla_medium, 30);
}

static void test_errors_name_line_and_key(void **state)
{
	struct {
		const char *text;
		long line;
		const char *field;
		const char *message;
	} cases[] = {
		{"organization: X\naudit:\n  window: {start: 2026-02-30, end: 2026-09-30}\n",
		 3, "start", "'start' must be a real date YYYY-MM-DD, not '2026-02-30'"},
		{"organization: X\nscope:\n  categoris: [security]\n", 3, "categoris",
		 "unknown key 'categoris' in scope (known keys: categories, frameworks)"},
		{"organization: X\nscope:\n  categories: [securty]\n", 3, "categories",
		 "unknown category 'securty' (use security, availability, confidentiality, processing-integrity, privacy)"},
		{"organization: X\naudit: {type: 3}\n", 2, "type",
		 "'type' must be a whole number from 1 to 2"},
		{"domains: []\n", 1, "organization", "missing required key 'organization'"},
		{"organization: X\nrisks: {review_days: soon}\n", 2, "review_days",
		 "'review_days' must be a whole number from 0 to 36500"},
		{"organization: X\norganization: Y\n", 2, "organization",
		 "key 'organization' appears twice in attest.yaml"},
		{"organization: X\naudit:\n  window: {start: 2026-09-01, end: 2026-04-01}\n", 3,
		 "end", "audit window ends before it starts"},
	};
	struct config c;
	struct error err;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(parse(cases[i].text, &c, &err), ERR_INPUT);
		assert_string_equal(err.file, "attest.yaml");
		assert_int_equal(err.line, cases[i].line);
		assert_string_equal(err.field, cases[i].field);
		assert_string_equal(err.message, cases[i].message);
	}
}

static void test_yaml_syntax_error_names_line(void **state)
{
	struct config c;
	struct error err;

	(void)state;
	assert_int_equal(parse("organization: X\nscope: [a, b\nfoo: 1\n", &c, &err), ERR_INPUT);
	assert_int_equal(err.line, 3);
	assert_non_null(strstr(err.message, "invalid YAML"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_config),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_errors_name_line_and_key),
		cmocka_unit_test(test_yaml_syntax_error_names_line),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
