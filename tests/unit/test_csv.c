/* test_csv.c - the RFC 4180 reader: quoting, line ends, errors with lines. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "util/csv.h"

static void test_quoted_fields_and_crlf(void **state)
{
	const char *text = "\xEF\xBB\xBF" "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"multi\nline\"\r\n\n1,,3";
	struct csv_reader r;
	struct error err;

	(void)state;
	csv_reader_init(&r, text, strlen(text));
	assert_int_equal(csv_next(&r, &err), 1);
	assert_int_equal(r.count, 3);
	assert_string_equal(r.fields[0], "a");
	assert_int_equal(r.line, 1);
	assert_int_equal(csv_next(&r, &err), 1);
	assert_string_equal(r.fields[0], "x, y");
	assert_string_equal(r.fields[1], "say \"hi\"");
	assert_string_equal(r.fields[2], "multi\nline");
	assert_int_equal(r.line, 2);
	assert_int_equal(csv_next(&r, &err), 1);
	assert_int_equal(r.line, 5);
	assert_int_equal(r.count, 3);
	assert_string_equal(r.fields[1], "");
	assert_int_equal(csv_next(&r, &err), 0);
	csv_reader_release(&r);
}

static void test_unterminated_quote_names_line(void **state)
{
	const char *text = "a,b\n1,2\n\"open,3\n";
	struct csv_reader r;
	struct error err;

	(void)state;
	error_clear(&err);
	csv_reader_init(&r, text, strlen(text));
	assert_int_equal(csv_next(&r, &err), 1);
	assert_int_equal(csv_next(&r, &err), 1);
	assert_int_equal(csv_next(&r, &err), ERR_INPUT);
	assert_int_equal(err.line, 3);
	assert_string_equal(err.message, "unterminated quoted field");
	csv_reader_release(&r);
}

static void test_text_after_quote(void **state)
{
	const char *text = "\"a\"b,c\n";
	struct csv_reader r;
	struct error err;

	(void)state;
	error_clear(&err);
	csv_reader_init(&r, text, strlen(text));
	assert_int_equal(csv_next(&r, &err), ERR_INPUT);
	assert_string_equal(err.message, "unexpected text after a closing quote in field 1");
	csv_reader_release(&r);
}

static void test_column_lookup(void **state)
{
	const char *header[] = {"Work Email", " Hire Date ", "name"};

	(void)state;
	assert_int_equal(csv_column(header, 3, "work email"), 0);
	assert_int_equal(csv_column(header, 3, "Hire Date"), 1);
	assert_int_equal(csv_column(header, 3, "end_date"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoted_fields_and_crlf),
		cmocka_unit_test(test_unterminated_quote_names_line),
		cmocka_unit_test(test_text_after_quote),
		cmocka_unit_test(test_column_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
