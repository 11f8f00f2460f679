/* test_options.c - option parsing from a spec: forms, checks, errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "cli/options.h"

static const struct option_spec spec[] = {
	{"as-of", 0, OPT_DATE, "DATE", NULL, "date"},
	{"format", 'f', OPT_CHOICE, "FORMAT", "table|json|csv", "format"},
	{"keep-going", 'k', OPT_FLAG, NULL, NULL, "flag"},
	{"rule", 0, OPT_LIST, "ID", NULL, "rules"},
	{"threads", 0, OPT_INT, "N", NULL, "threads"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

static void test_forms(void **state)
{
	char *argv[] = {"check", "--as-of", "2026-09-30", "-fjson", "a", "--rule=x",
			"--rule", "y", "-k", "--threads=2", "--", "--not-an-option", NULL};
	struct parsed_options p;
	struct error err;
	const char *const *rules;

	(void)state;
	assert_int_equal(options_parse(spec, 12, argv, &p, &err), 0);
	assert_string_equal(option_string(&p, "as-of"), "2026-09-30");
	assert_int_not_equal(option_date(&p, "as-of"), DAY_NONE);
	assert_string_equal(option_choice(&p, "format", "table"), "json");
	assert_true(option_flag(&p, "keep-going"));
	assert_int_equal(option_list(&p, "rule", &rules), 2);
	assert_string_equal(rules[1], "y");
	assert_int_equal(option_int(&p, "threads", 1), 2);
	assert_int_equal(p.positional_count, 2);
	assert_string_equal(p.positional[0], "a");
	assert_string_equal(p.positional[1], "--not-an-option");
}

static void test_errors(void **state)
{
	struct {
		int argc;
		char *argv[4];
		const char *message;
	} cases[] = {
		{2, {"x", "--bogus"}, "unknown option '--bogus'"},
		{2, {"x", "-z"}, "unknown option '-z'"},
		{3, {"x", "--as-of", "2026-02-30"}, "option --as-of: '2026-02-30' is not a date (YYYY-MM-DD)"},
		{3, {"x", "--format", "xml"}, "option --format: 'xml' is not one of table|json|csv"},
		{2, {"x", "--as-of"}, "option --as-of needs a value (DATE)"},
		{2, {"x", "--keep-going=yes"}, "option --keep-going takes no value"},
		{3, {"x", "--threads", "-1"}, "option --threads: '-1' is not a whole number"},
	};
	struct parsed_options p;
	struct error err;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		error_clear(&err);
		assert_int_equal(options_parse(spec, cases[i].argc, cases[i].argv, &p, &err),
				 ERR_USAGE);
		assert_string_equal(err.message, cases[i].message);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
