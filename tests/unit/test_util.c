/* test_util.c - buf, text, number, timeutil: the helpers everything uses. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/number.h"
#include "util/text.h"
#include "util/timeutil.h"

static void test_buf_grows_and_keeps_nul(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_string_equal(buf_cstr(&b), "");
	for (int i = 0; i < 1000; i++)
		assert_int_equal(buf_addch(&b, 'x'), 0);
	assert_int_equal(b.len, 1000);
	assert_int_equal(b.data[1000], '\0');
	assert_int_equal(buf_printf(&b, "%d-%s", 42, "y"), 0);
	assert_string_equal(b.data + 1000, "42-y");
	buf_truncate(&b, 3);
	assert_string_equal(buf_cstr(&b), "xxx");
	buf_release(&b);
	buf_release(&b); /* releasing twice is fine */
}

static void test_buf_respects_max(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 10);
	assert_int_equal(buf_adds(&b, "0123456789"), 0);
	assert_int_equal(buf_addch(&b, 'x'), ERR_LIMIT);
	assert_string_equal(buf_cstr(&b), "0123456789"); /* unchanged */
	buf_release(&b);
}

static void test_size_overflow(void **state)
{
	size_t out;

	(void)state;
	assert_int_equal(size_add((size_t)-1, 1, &out), ERR_LIMIT);
	assert_int_equal(size_mul((size_t)-1 / 2, 3, &out), ERR_LIMIT);
	assert_int_equal(size_mul(6, 7, &out), 0);
	assert_int_equal(out, 42);
}

static void test_text_helpers(void **state)
{
	char small[4];
	char s[] = "  Hi There \n";

	(void)state;
	assert_false(text_copy(small, sizeof(small), "abcdef"));
	assert_string_equal(small, "abc");
	assert_true(text_equal_nocase("YES", "yes"));
	assert_false(text_equal_nocase("YES", "yess"));
	assert_string_equal(text_trim(s), "Hi There");
	assert_non_null(text_find_nocase("Offboarding: C.Ramirez@x", "c.ramirez@X"));
	assert_null(text_find_nocase("abc", "abd"));
}

static void test_number_parse(void **state)
{
	int64_t v;
	double d;
	bool b;

	(void)state;
	assert_int_equal(number_parse_i64("-42", -100, 100, &v), 0);
	assert_int_equal(v, -42);
	assert_int_equal(number_parse_i64("9223372036854775807", INT64_MIN, INT64_MAX, &v), 0);
	assert_int_equal(number_parse_i64("9223372036854775808", INT64_MIN, INT64_MAX, &v), ERR_INPUT);
	assert_int_equal(number_parse_i64("12a", 0, 100, &v), ERR_INPUT);
	assert_int_equal(number_parse_i64("", 0, 100, &v), ERR_INPUT);
	assert_int_equal(number_parse_i64("101", 0, 100, &v), ERR_INPUT);
	assert_int_equal(number_parse_double("1e-3", &d), 0);
	assert_true(d > 0.00099 && d < 0.00101);
	assert_int_equal(number_parse_double("0x10", &d), ERR_INPUT);
	assert_int_equal(number_parse_double("inf", &d), ERR_INPUT);
	assert_int_equal(bool_parse("Yes", &b), 0);
	assert_true(b);
	assert_int_equal(bool_parse("maybe", &b), ERR_INPUT);
}

static void test_dates(void **state)
{
	day_t d;
	char out[DATE_TEXT_SIZE];

	(void)state;
	assert_int_equal(date_parse("1970-01-01", &d), 0);
	assert_int_equal(d, 0);
	assert_int_equal(date_parse("2024-02-29", &d), 0);
	date_format(d, out);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(date_parse("2026-02-29", &d), ERR_INPUT);
	assert_int_equal(date_parse("2026-13-01", &d), ERR_INPUT);
	assert_int_equal(date_parse("2026-04-1", &d), ERR_INPUT);
	assert_int_equal(date_parse_loose("10/20/2025", &d), 0);
	date_format(d, out);
	assert_string_equal(out, "2025-10-20");
	assert_int_equal(date_parse_loose("2/30/2025", &d), ERR_INPUT);
	for (day_t x = -800000; x < 800000; x += 997) {
		int y, m, dd;

		civil_from_days(x, &y, &m, &dd);
		assert_int_equal(days_from_civil(y, m, dd), x);
	}
}

static void test_timestamps(void **state)
{
	struct {
		const char *in;
		const char *out;
	} ok[] = {
		{"2026-04-01", "2026-04-01T00:00:00Z"},
		{"2016-10-06T15:47:11+00:00", "2016-10-06T15:47:11Z"},
		{"2024-03-05T14:22:31.123+0000", "2024-03-05T14:22:31Z"},
		{"2024-03-05T14:22:31.123-0500", "2024-03-05T19:22:31Z"},
		{"2021-08-25T12:20:30.000000005Z", "2021-08-25T12:20:30Z"},
		{"2023-03-09 10:41:34+00:00", "2023-03-09T10:41:34Z"},
		{"1454022144.869", "2016-01-28T23:02:24Z"},
		{"1454022144869", "2016-01-28T23:02:24Z"},
		{"2017-07-13T22:08:09.000Z", "2017-07-13T22:08:09Z"},
	};
	const char *bad[] = {"", "2016-11-29T17:59:<GITHUB_TEST_INTEGRATION>Z",
			     "2026-04-01T25:00:00Z", "2026-04-01T10:00:00+2", "yesterday",
			     "2026-04-01T10:00:00Zjunk", "0000-00-00"};
	stamp_t t;
	char out[STAMP_TEXT_SIZE];

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		assert_int_equal(stamp_parse(ok[i].in, &t), 0);
		stamp_format(t, out);
		assert_string_equal(out, ok[i].out);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(stamp_parse(bad[i], &t), ERR_INPUT);
}

static void test_error_format(void **state)
{
	struct error err;
	char msg[512];

	(void)state;
	error_clear(&err);
	error_input(&err, "registers/vendors.csv", 7, "row 6", "tier",
		    "'urgent' is not one of critical, high, medium, low");
	error_format(&err, msg, sizeof(msg));
	assert_string_equal(msg, "registers/vendors.csv:7: row 6: field 'tier': "
				 "'urgent' is not one of critical, high, medium, low");
	error_prefix(&err, "import");
	assert_string_equal(err.message,
			    "import: 'urgent' is not one of critical, high, medium, low");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_grows_and_keeps_nul),
		cmocka_unit_test(test_buf_respects_max),
		cmocka_unit_test(test_size_overflow),
		cmocka_unit_test(test_text_helpers),
		cmocka_unit_test(test_number_parse),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_timestamps),
		cmocka_unit_test(test_error_format),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
