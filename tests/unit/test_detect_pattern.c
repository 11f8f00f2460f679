/* test_detect_pattern.c - the CloudWatch Logs JSON filter-pattern engine:
 * a table of (pattern, event, expected match) and a table of syntax errors
 * with their exact messages and columns. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "detect/ctreader.h"
#include "detect/pattern.h"

/* Compiles `pat`, reads `event` (one JSON record) and evaluates.  Returns
 * 1 / 0 for match / no match, -1 on a compile or read error. */
struct one {
	const struct pattern *p;
	int result;
};

static int on_rec(void *ctx, const struct ct_record *rec, struct error *err)
{
	struct one *o = ctx;

	(void)err;
	o->result = pattern_match(o->p, rec->values) ? 1 : 0;
	return 0;
}

static int eval(const char *pat, const char *event)
{
	struct field_table ft;
	struct error err = {0};
	struct pattern *p = NULL;
	struct ct_reader *r = NULL;
	struct ct_stats st = {0};
	struct one o = {NULL, -1};

	if (field_table_init(&ft, &err))
		return -1;
	if (pattern_compile(&p, pat, &ft, &err) == 0 &&
	    ct_reader_new(&r, &ft, 0, &err) == 0) {
		o.p = p;
		if (ct_reader_read_mem(r, "event", event, strlen(event), on_rec,
				       &o, &st, &err))
			o.result = -1;
	} else {
		print_error("%s: %s\n", pat, err.message);
	}
	ct_reader_free(r);
	pattern_free(p);
	field_table_release(&ft);
	return o.result;
}

static const char EV[] =
	"{\"eventName\":\"ConsoleLogin\",\"errorCode\":\"AccessDenied\","
	"\"n\":5,\"f\":1.5,\"neg\":-3,\"big\":1e3,\"t\":true,\"fa\":false,"
	"\"nu\":null,\"obj\":{\"a\":1},\"arr\":[10,[20,\"x\"],{\"id\":\"y\"}],"
	"\"s\":\"Failed authentication\",\"ip\":\"123.123.4.5\",\"str5\":\"5\","
	"\"mfa\":\"true\",\"u\":{\"type\":\"Root\",\"n\":{\"d\":\"deep\"}},"
	"\"esc\":\"a\\\"b\",\"uni\":\"caf\\u00e9\",\"ev\\u0065nt\":\"k\","
	"\"dup\":\"first\",\"dup\":\"second\",\"empty\":\"\"}";

static const struct {
	const char *pattern;
	int match;
} cases[] = {
	/* strings, quoted and bare; case-sensitive */
	{"{ $.eventName = ConsoleLogin }", 1},
	{"{ $.eventName = \"ConsoleLogin\" }", 1},
	{"{$.eventName=ConsoleLogin}", 1},
	{"{ $.eventName = consolelogin }", 0},
	{"{ $.eventName = Console }", 0},
	{"{ $.eventName != ConsoleLogin }", 0},
	{"{ $.eventName != Foo }", 1},
	{"{ $.s = \"Failed authentication\" }", 1},
	{"{ $.s = Failed }", 0},
	{"{ $.empty = \"\" }", 1},
	{"{ $.empty != \"x\" }", 1},
	/* absent fields: every comparison false, != included */
	{"{ $.missing = Foo }", 0},
	{"{ $.missing != Foo }", 0},
	{"{ $.missing != \"*\" }", 0},
	{"{ $.missing > 1 }", 0},
	{"{ $.missing NOT EXISTS }", 1},
	{"{ $.u.missing NOT EXISTS }", 1},
	{"{ $.eventName NOT EXISTS }", 0},
	{"{ $.nu NOT EXISTS }", 0},
	{"{ $.missing IS NULL }", 0},
	/* null, booleans; string "true" is not a boolean */
	{"{ $.nu IS NULL }", 1},
	{"{ $.nu = null }", 0},
	{"{ $.nu != x }", 1},
	{"{ $.t IS TRUE }", 1},
	{"{ $.t IS FALSE }", 0},
	{"{ $.fa IS FALSE }", 1},
	{"{ $.fa IS TRUE }", 0},
	{"{ $.mfa IS TRUE }", 0},
	{"{ $.mfa = true }", 1},
	{"{ $.mfa = \"true\" }", 1},
	{"{ $.t = true }", 0},
	{"{ $.t IS NULL }", 0},
	/* numbers: sign, fraction, exponent; every operator */
	{"{ $.n = 5 }", 1},
	{"{ $.n = 5.0 }", 1},
	{"{ $.n = 5e0 }", 1},
	{"{ $.n = +5 }", 1},
	{"{ $.n != 5 }", 0},
	{"{ $.n != 6 }", 1},
	{"{ $.n > 4 }", 1},
	{"{ $.n > 5 }", 0},
	{"{ $.n >= 5 }", 1},
	{"{ $.n >= 5.1 }", 0},
	{"{ $.n < 6 }", 1},
	{"{ $.n < 5 }", 0},
	{"{ $.n <= 5 }", 1},
	{"{ $.n <= 4.9 }", 0},
	{"{ $.neg < -2 }", 1},
	{"{ $.neg = -3 }", 1},
	{"{ $.neg > -3.5e0 }", 1},
	{"{ $.big = 1000 }", 1},
	{"{ $.big >= 1e3 }", 1},
	{"{ $.big < 1E+4 }", 1},
	{"{ $.f = 1.5 }", 1},
	{"{ $.f > +1 }", 1},
	{"{ $.f < 15e-1 }", 0},
	/* number literal vs string field: exact text; relational: numbers only */
	{"{ $.str5 = 5 }", 1},
	{"{ $.str5 = 5.0 }", 0},
	{"{ $.str5 > 4 }", 0},
	{"{ $.n = \"5\" }", 0},
	{"{ $.eventName > 1 }", 0},
	/* wildcards */
	{"{ $.errorCode = \"*Denied\" }", 1},
	{"{ $.errorCode = \"Access*\" }", 1},
	{"{ $.errorCode = AccessDenied* }", 1},
	{"{ $.errorCode = \"A*D*d\" }", 1},
	{"{ $.errorCode = \"*cess*\" }", 1},
	{"{ $.errorCode = \"*Unauthorized*\" }", 0},
	{"{ $.errorCode = \"*UnauthorizedOperation\" }", 0},
	{"{ $.errorCode = \"access*\" }", 0},
	{"{ $.ip = 123.123.* }", 1},
	{"{ $.ip != 123.123.* }", 0},
	{"{ $.ip != 10.* }", 1},
	{"{ $.ip = \"*\" }", 1},
	{"{ $.empty = \"*\" }", 1},
	{"{ $.missing = \"*\" }", 0},
	{"{ $.n = 5* }", 1},
	{"{ $.n = 6* }", 0},
	{"{ $.f = 1.* }", 1},
	{"{ $.big = 1* }", 1},
	{"{ $.nu = \"*\" }", 0},
	/* array indexes and nested objects */
	{"{ $.arr[0] = 10 }", 1},
	{"{ $.arr[1][0] = 20 }", 1},
	{"{ $.arr[1][1] = x }", 1},
	{"{ $.arr[2].id = y }", 1},
	{"{ $.arr[3] NOT EXISTS }", 1},
	{"{ $.arr[1][5] NOT EXISTS }", 1},
	{"{ $.obj.a = 1 }", 1},
	{"{ $.u.n.d = deep }", 1},
	{"{ $.u.type = Root }", 1},
	{"{ $.eventName[0] NOT EXISTS }", 1},
	{"{ $.obj[0] NOT EXISTS }", 1},
	/* a selector on an object or array never matches */
	{"{ $.arr = 10 }", 0},
	{"{ $.arr != 10 }", 0},
	{"{ $.arr = \"*\" }", 0},
	{"{ $.obj != 1 }", 0},
	{"{ $.obj IS NULL }", 0},
	{"{ $.obj NOT EXISTS }", 0},
	{"{ $.arr[1] != 1 }", 0},
	/* escapes in the event: keys and values are decoded */
	{"{ $.esc = \"a\\\"b\" }", 1},
	{"{ $.uni = \"caf\xc3\xa9\" }", 1},
	{"{ $.event = k }", 1},
	{"{ $.dup = second }", 1},
	/* && and ||, precedence () > && > || */
	{"{ $.n = 5 && $.t IS TRUE }", 1},
	{"{ $.n = 5 && $.t IS FALSE }", 0},
	{"{ $.n = 1 || $.t IS TRUE }", 1},
	{"{ $.n = 1 || $.n = 2 }", 0},
	{"{ $.n = 5 || $.n = 2 && $.n = 1 }", 1},
	{"{ ($.n = 5 || $.n = 2) && $.n = 1 }", 0},
	{"{ $.n = 1 && $.n = 2 || $.t IS TRUE }", 1},
	{"{ $.n = 1 && ($.n = 2 || $.t IS TRUE) }", 0},
	{"{ (($.n = 5)) }", 1},
	{"{ ((($.n = 1) || ($.n = 5)) && (($.t IS TRUE))) }", 1},
	{"{$.n=5&&$.eventName=ConsoleLogin||$.x=1}", 1},
	{"{\n\t$.n = 5\n\t&& $.f = 1.5\n}", 1},
	/* the empty pattern matches everything */
	{"", 1},
	{"   ", 1},
};

static void test_match_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int got = eval(cases[i].pattern, EV);

		if (got != cases[i].match)
			fail_msg("pattern %s: got %d, want %d", cases[i].pattern,
				 got, cases[i].match);
	}
}

static const struct {
	const char *pattern;
	long column;
	const char *message;
} errors[] = {
	{"ConsoleLogin", 1,
	 "expected '{' (only JSON filter patterns are supported) at column 1"},
	{"{ $.eventName = }", 17, "expected value after '=' at column 17"},
	{"{ $.eventName != }", 18, "expected value after '!=' at column 18"},
	{"{ $.a == 1 }", 8, "expected value after '=' at column 8"},
	{"{ $.eventName }", 15, "expected operator after selector at column 15"},
	{"{ eventName = x }", 3,
	 "expected selector starting with '$.' at column 3"},
	{"{ $ = x }", 3, "expected selector starting with '$.' at column 3"},
	{"{ $. = x }", 5, "expected property name after '.' at column 5"},
	{"{ $.a. = x }", 7, "expected property name after '.' at column 7"},
	{"{ $.a[ = 1 }", 7, "expected array index after '[' at column 7"},
	{"{ $.a[1 = 1 }", 8, "expected ']' at column 8"},
	{"{ $.a = \"abc }", 9, "unterminated string at column 9"},
	{"{ $.a < abc }", 9, "expected number after '<' at column 9"},
	{"{ $.a >= 1* }", 10, "expected number after '>=' at column 10"},
	{"{ $.a IS MAYBE }", 10,
	 "expected NULL, TRUE or FALSE after 'IS' at column 10"},
	{"{ $.a NOT THERE }", 11, "expected EXISTS after 'NOT' at column 11"},
	{"{ $.a EXISTS }", 7,
	 "EXISTS is not supported; use NOT EXISTS or a comparison at column 7"},
	{"{ ($.a = 1 }", 12, "expected ')' at column 12"},
	{"{ $.a = 1", 10, "expected '}' at column 10"},
	{"{ $.a = 1 ) }", 11, "expected '}' at column 11"},
	{"{ $.a = 1 } x", 13, "unexpected text after '}' at column 13"},
	{"{ $.a = 1 & $.b = 2 }", 11, "expected '&&' or '||' at column 11"},
	{"{ $.a = 1 | $.b = 2 }", 11, "expected '&&' or '||' at column 11"},
	{"{ $.a = 1 $.b = 2 }", 11,
	 "expected '&&' or '||' before selector at column 11"},
	{"{ }", 3, "expected selector starting with '$.' at column 3"},
	{"{ $.a = 1 && }", 14,
	 "expected selector starting with '$.' at column 14"},
	{"{ $.a = 1 || ( }", 16,
	 "expected selector starting with '$.' at column 16"},
	{"{ $.a* = 1 }", 6, "expected operator after selector at column 6"},
};

static void test_error_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(errors) / sizeof(errors[0]); i++) {
		struct field_table ft;
		struct error err = {0};
		struct pattern *p = NULL;
		int rc;

		assert_int_equal(field_table_init(&ft, &err), 0);
		rc = pattern_compile(&p, errors[i].pattern, &ft, &err);
		if (rc != ERR_INPUT || strcmp(err.message, errors[i].message) != 0 ||
		    err.column != errors[i].column)
			fail_msg("pattern %s: rc %d column %ld message '%s'",
				 errors[i].pattern, rc, err.column, err.message);
		assert_null(p);
		field_table_release(&ft);
	}
}

static void test_nesting_limit(void **state)
{
	char pat[256];
	struct field_table ft;
	struct error err = {0};
	struct pattern *p = NULL;
	size_t n = 0;

	(void)state;
	pat[n++] = '{';
	for (int i = 0; i < 40; i++)
		pat[n++] = '(';
	memcpy(pat + n, "$.a = 1", 7);
	n += 7;
	for (int i = 0; i < 40; i++)
		pat[n++] = ')';
	pat[n++] = '}';
	pat[n] = '\0';
	assert_int_equal(field_table_init(&ft, &err), 0);
	assert_int_equal(pattern_compile(&p, pat, &ft, &err), ERR_INPUT);
	assert_string_equal(err.message,
			    "parentheses nested too deeply at column 34");
	field_table_release(&ft);
}

static void test_selectors_are_interned_once(void **state)
{
	struct field_table ft;
	struct error err = {0};
	struct pattern *a = NULL, *b = NULL;
	int before;

	(void)state;
	assert_int_equal(field_table_init(&ft, &err), 0);
	before = ft.count;
	assert_int_equal(pattern_compile(&a, "{ $.x.y[2] = 1 || $.x.y[2] = 2 }",
					 &ft, &err), 0);
	assert_int_equal(pattern_compile(&b, "{ $.eventName = A && $.x.y[2] = 3 }",
					 &ft, &err), 0);
	assert_int_equal(ft.count, before + 1);
	assert_int_equal(field_table_find(&ft, "$.x.y[2]"), before);
	assert_string_equal(pattern_text(a), "{ $.x.y[2] = 1 || $.x.y[2] = 2 }");
	pattern_free(a);
	pattern_free(b);
	pattern_free(NULL);
	field_table_release(&ft);
}

static void test_glob(void **state)
{
	(void)state;
	assert_true(glob_match("*", 1, "", 0));
	assert_true(glob_match("a*b*c", 5, "aXbYc", 5));
	assert_true(glob_match("a*b*c", 5, "abbbc", 5));
	assert_false(glob_match("a*b*c", 5, "abbbd", 5));
	assert_true(glob_match("**x", 3, "x", 1));
	assert_false(glob_match("x", 1, "", 0));
	assert_false(glob_match("ab", 2, "abc", 3));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match_table),
		cmocka_unit_test(test_error_table),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_selectors_are_interned_once),
		cmocka_unit_test(test_glob),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
