/* test_detect_jscan.c - the container skipper (src/detect/jskip.c): the
 * 64-byte block scanner with each classifier (portable scalar, SSE2, AVX2
 * when the CPU has it) must give exactly what the byte-at-a-time reference
 * gives (end position, JS_MORE, error and error position) on tricky inputs
 * placed across block boundaries, on every truncation of them, and on
 * random bytes from JSON's structural alphabet. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect/jscan.h"

static const enum js_skip_impl impls[] = {JS_SKIP_AUTO, JS_SKIP_SCALAR,
					  JS_SKIP_SSE2, JS_SKIP_AVX2};

struct outcome {
	long end;          /* offset after the container, or -1 */
	int status;
	long bad_at;       /* offset of the error, or -1 */
	const char *msg;
};

/* Runs one implementation on an exact-size heap copy (ASan catches any
 * read past js->end). */
static struct outcome run_skip(const char *s, size_t n, int depth,
			   enum js_skip_impl impl)
{
	char *copy = malloc(n ? n : 1);
	struct jscan js = {.status = JS_OK};
	struct outcome o = {-1, JS_OK, -1, NULL};
	const char *e;

	assert_non_null(copy);
	memcpy(copy, s, n);
	js.end = copy + n;
	e = js_skip_container(&js, copy, depth, impl);
	if (e)
		o.end = (long)(e - copy);
	o.status = e ? JS_OK : js.status;
	if (!e && js.status == JS_BAD) {
		o.bad_at = (long)(js.bad_at - copy);
		o.msg = js.msg;
	}
	free(copy);
	return o;
}

/* Every available implementation agrees with the reference; returns the
 * reference's outcome. */
static struct outcome check_all(const char *s, size_t n, int depth)
{
	struct outcome ref = run_skip(s, n, depth, JS_SKIP_BYTES);

	for (size_t i = 0; i < sizeof(impls) / sizeof(impls[0]); i++) {
		struct outcome o;

		if (!js_skip_impl_available(impls[i]))
			continue;
		o = run_skip(s, n, depth, impls[i]);
		if (o.end != ref.end || o.status != ref.status ||
		    o.bad_at != ref.bad_at ||
		    (o.msg != ref.msg && (!o.msg || !ref.msg ||
					  strcmp(o.msg, ref.msg) != 0)))
			fail_msg("impl %d differs on \"%.*s\": end %ld/%ld status "
				 "%d/%d bad_at %ld/%ld", (int)impls[i], (int)n, s,
				 o.end, ref.end, o.status, ref.status, o.bad_at,
				 ref.bad_at);
	}
	return ref;
}

/* '@' in a case is replaced by `pad` spaces: inside a container, white
 * space changes nothing but where the interesting bytes fall relative to
 * the 64-byte blocks. */
static size_t expand(const char *tmpl, size_t pad, char *out, size_t size)
{
	size_t n = 0;

	for (const char *t = tmpl; *t; t++) {
		if (*t == '@') {
			for (size_t i = 0; i < pad && n < size; i++)
				out[n++] = ' ';
		} else if (n < size) {
			out[n++] = *t;
		}
	}
	return n;
}

struct skip_case {
	const char *tmpl;
	long tail;         /* bytes after the container (JS_OK), or -1 */
	const char *error; /* expected error message, or NULL */
};

static const struct skip_case cases[] = {
	{"{\"a\":@\"x\\\"}\"}", 0, NULL},            /* escaped quote */
	{"{\"a\":\"@\\\\\"}", 0, NULL},                /* \\ then the end quote */
	{"{\"a\":\"@\\\\\\\"}\"}", 0, NULL},           /* \\\" */
	{"{\"a\":\"@\\\\\\\\\\\\\\\\\"},1", 2, NULL},  /* \\\\\\\\ (even run) */
	{"{\"a\":\"@\\\\\\\\\\\\\\\"]\"}", 0, NULL},   /* odd run of 7 */
	{"[\"@{[\",\"]}\",{\"k\":[1,2,{}]}]x", 1, NULL}, /* brackets in strings */
	{"{\"caf\xc3\xa9\":\"@\xe2\x9c\x93 \xf0\x9f\x98\x80 {\"}", 0, NULL},
	{"{\"a\":[@{\"b\":[[[]]]}]}, \"x\":1}", 8, NULL},
	{"{\"a\":\"@\\u0022\\\"\"}", 0, NULL},
	{"{@\"a\":[}", -1, "mismatched bracket"},
	{"[@\"]\"}", -1, "mismatched bracket"},
	{"{\"a\":\"@", -1, NULL},                       /* unterminated: more */
	{"{\"a\":\"@\\", -1, NULL},                     /* ends in an escape */
	{"{\"a\":[1,2@", -1, NULL},
	{"{\\\"a\":@1}", -1, NULL},  /* backslash outside a string: reference */
	{"{\"a\":1,@\\\"\"b\":2}", -1, NULL},
	{"[\\@\\\"]\"]", 0, NULL},
};

static void test_cases_across_blocks(void **state)
{
	char buf[512];

	(void)state;
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		for (size_t pad = 0; pad <= 140; pad++) {
			size_t n = expand(cases[c].tmpl, pad, buf, sizeof(buf));
			struct outcome o = check_all(buf, n, 64);

			if (cases[c].error) {
				assert_int_equal(o.status, JS_BAD);
				assert_string_equal(o.msg, cases[c].error);
			} else if (cases[c].tail >= 0) {
				assert_int_equal(o.status, JS_OK);
				assert_int_equal(o.end, (long)n - cases[c].tail);
			}
			/* every truncation: JS_MORE or the same early error */
			for (size_t cut = 1; cut < n; cut++)
				(void)check_all(buf, cut, 64);
		}
	}
}

static void test_pinned_results(void **state)
{
	static const char backslash_outside[] = "{\\\"a\":1}";
	static const char escaped_close[] = "{\"a\":\"\\\"}\"}";
	struct outcome o;

	(void)state;
	/* The reference ignores a backslash outside strings: \" opens one. */
	o = check_all(backslash_outside, strlen(backslash_outside), 64);
	assert_int_equal(o.status, JS_OK);
	assert_int_equal(o.end, (long)strlen(backslash_outside));
	o = check_all(escaped_close, strlen(escaped_close), 64);
	assert_int_equal(o.status, JS_OK);
	assert_int_equal(o.end, (long)strlen(escaped_close));
	o = check_all("[1,2]]", 6, 64);
	assert_int_equal(o.end, 5);
	o = check_all("{\"a\":]", 6, 64);
	assert_int_equal(o.status, JS_BAD);
	assert_int_equal(o.bad_at, 5);
	assert_string_equal(o.msg, "mismatched bracket");
}

static void test_depth_limits(void **state)
{
	char buf[300];
	struct outcome o;

	(void)state;
	for (int d = 1; d <= 70; d++) {
		memset(buf, '[', (size_t)d);
		memset(buf + d, ']', (size_t)d);
		/* spread over block boundaries, 64 levels at most */
		o = check_all(buf, (size_t)(2 * d), 64);
		if (d <= 64) {
			assert_int_equal(o.end, 2 * d);
		} else {
			assert_int_equal(o.status, JS_BAD);
			assert_int_equal(o.bad_at, 64);
			assert_string_equal(o.msg, "nesting too deep");
		}
		o = check_all(buf, (size_t)(2 * d), 5);
		if (d > 5) {
			assert_int_equal(o.bad_at, 5);
			assert_string_equal(o.msg, "nesting too deep");
		}
	}
}

/* Random sequences over the bytes that matter, with long runs of
 * backslashes and quotes likely, compared with the reference. */
static void test_random_inputs(void **state)
{
	static const char alphabet[] = "\"\"\\\\\\{}[]a :,\xc3\xa9";
	uint64_t x = 0x9E3779B97F4A7C15ull;
	char buf[400];

	(void)state;
	for (int iter = 0; iter < 20000; iter++) {
		size_t n;

		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		n = 1 + (size_t)(x % (sizeof(buf) - 1));
		buf[0] = (x >> 20) & 1 ? '{' : '[';
		for (size_t i = 1; i < n; i++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			buf[i] = alphabet[(x >> 11) % (sizeof(alphabet) - 1)];
		}
		(void)check_all(buf, n, (int)(x % 70));
	}
}

static uint64_t next_rand(uint64_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 7;
	*x ^= *x << 17;
	return *x;
}

/* Appends a random valid JSON value: nested containers, strings full of
 * escapes, brackets and UTF-8. */
static void gen_value(uint64_t *x, char *out, size_t *n, size_t cap, int depth)
{
	static const char *const pieces[] = {
		"a", "\\\\", "\\\"", "{", "]", "[", "}", "\\\\\\\\\\\\", "\\u00e9",
		"\\/", "\\n", "\xc3\xa9", "\xf0\x9f\x98\x80", "      ", "\\\\\\\"",
	};
	unsigned kind = (unsigned)(next_rand(x) % (depth > 6 ? 2 : 4));

	if (*n + 64 >= cap)
		kind = 0;
	if (kind <= 1) {
		size_t parts = (size_t)(next_rand(x) % 12);

		out[(*n)++] = '"';
		for (size_t i = 0; i < parts && *n + 16 < cap; i++) {
			const char *pc = pieces[next_rand(x) % 15];

			memcpy(out + *n, pc, strlen(pc));
			*n += strlen(pc);
		}
		out[(*n)++] = '"';
		return;
	}
	out[(*n)++] = kind == 2 ? '{' : '[';
	for (size_t i = 0, m = (size_t)(next_rand(x) % 5); i < m; i++) {
		if (i)
			out[(*n)++] = ',';
		if (kind == 2) {
			gen_value(x, out, n, cap, 99);  /* a string key */
			out[(*n)++] = ':';
		}
		gen_value(x, out, n, cap, depth + 1);
	}
	out[(*n)++] = kind == 2 ? '}' : ']';
}

static void test_random_valid_json(void **state)
{
	uint64_t x = 12345;
	char buf[4096];

	(void)state;
	for (int iter = 0; iter < 5000; iter++) {
		size_t n = 0;
		struct outcome o;

		buf[n++] = '[';
		gen_value(&x, buf, &n, sizeof(buf) - 8, 1);
		buf[n++] = ']';
		o = check_all(buf, n, 64);
		assert_int_equal(o.status, JS_OK);
		assert_int_equal(o.end, (long)n);
		(void)check_all(buf, n - 1 - (size_t)(x % (n - 1)), 64);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases_across_blocks),
		cmocka_unit_test(test_pinned_results),
		cmocka_unit_test(test_depth_limits),
		cmocka_unit_test(test_random_inputs),
		cmocka_unit_test(test_random_valid_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
