/* test_result.c - the algebra of the result AND table (OpenSCAP's carried a
 * swapped row for a decade: nothing tested it).  Also severity names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "core/result.h"

static void test_and_algebra(void **state)
{
	(void)state;
	for (int a = 0; a < RESULT_COUNT; a++) {
		/* PASS is the identity; FAIL absorbs everything. */
		assert_int_equal(result_and(RESULT_PASS, (enum result)a), a);
		assert_int_equal(result_and((enum result)a, RESULT_FAIL), RESULT_FAIL);
		/* Idempotent. */
		assert_int_equal(result_and((enum result)a, (enum result)a), a);
		for (int b = 0; b < RESULT_COUNT; b++) {
			/* Commutative. */
			assert_int_equal(result_and((enum result)a, (enum result)b),
					 result_and((enum result)b, (enum result)a));
			for (int c = 0; c < RESULT_COUNT; c++)
				/* Associative. */
				assert_int_equal(
					result_and(result_and((enum result)a, (enum result)b), (enum result)c),
					result_and((enum result)a, result_and((enum result)b, (enum result)c)));
		}
	}
	/* Not evaluated never turns into a pass. */
	assert_int_equal(result_and(RESULT_NOT_EVALUATED, RESULT_PASS), RESULT_NOT_EVALUATED);
	assert_int_equal(result_and(RESULT_NOT_EVALUATED, RESULT_ERROR), RESULT_ERROR);
}

static void test_names(void **state)
{
	enum severity s;

	(void)state;
	assert_string_equal(result_name(RESULT_NOT_EVALUATED), "not evaluated");
	assert_int_equal(severity_parse("CRITICAL", &s), 0);
	assert_int_equal(s, SEVERITY_CRITICAL);
	assert_int_equal(severity_parse("Negligible", &s), -3);
	assert_string_equal(severity_name(SEVERITY_MEDIUM), "medium");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_and_algebra),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
