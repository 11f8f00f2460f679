/* test_detect_reader.c - the streaming CloudTrail reader: every input shape
 * (S3 .json.gz, plain {"Records":[...]}, bare record, JSON Lines,
 * lookup-events), the quirks of real records, the zlib streaming path and
 * the errors (truncated input names the file and the record). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "detect/ctreader.h"
#include "util/buf.h"

#define INVICTUS "fixtures/real/invictus-ir-aws-dataset"
#define BIG_FILE "218007301253_CloudTrail_us-east-1_20230710T1200Z_iLj9fb7yyUG9X4Bf"
#define DOCS "fixtures/real/aws-docs-cloudtrail-examples/"

static void shared_path(char *out, size_t size, const char *rel)
{
	const char *shared = getenv("ATTEST_SHARED");

	snprintf(out, size, "%s/%s", shared && *shared ? shared : "../shared", rel);
}

/* What the callback saw. */
struct seen {
	long count;
	long last_index;
	char names[8][64];
	struct jvalue v[8][CTF_FIXED_COUNT];
	int extra_field;
	struct jvalue extra[8];
	stamp_t times[8];
};

static int collect(void *ctx, const struct ct_record *rec, struct error *err)
{
	struct seen *s = ctx;

	(void)err;
	if (s->count < 8) {
		ct_value_text(&rec->values[CTF_EVENT_NAME], s->names[s->count],
			      sizeof(s->names[0]));
		memcpy(s->v[s->count], rec->values, sizeof(s->v[0]));
		for (int i = 0; i < CTF_FIXED_COUNT; i++)
			s->v[s->count][i].str = NULL;  /* not valid later */
		if (s->extra_field >= 0) {
			s->extra[s->count] = rec->values[s->extra_field];
			s->extra[s->count].str = NULL;
		}
		s->times[s->count] = ct_record_time(rec);
	}
	s->last_index = rec->index;
	s->count++;
	return 0;
}

struct env {
	struct field_table ft;
	struct ct_reader *r;
	struct ct_stats st;
	struct seen s;
	struct error err;
};

static void env_init(struct env *e, const char *extra, size_t gz_whole_max)
{
	memset(e, 0, sizeof(*e));
	assert_int_equal(field_table_init(&e->ft, &e->err), 0);
	e->s.extra_field = -1;
	if (extra)
		assert_int_equal(field_table_intern(&e->ft, extra, strlen(extra),
						    &e->s.extra_field, &e->err), 0);
	assert_int_equal(ct_reader_new(&e->r, &e->ft, gz_whole_max, &e->err), 0);
}

static void env_release(struct env *e)
{
	ct_reader_free(e->r);
	field_table_release(&e->ft);
}

static int read_shared(struct env *e, const char *rel)
{
	char path[1024];

	shared_path(path, sizeof(path), rel);
	return ct_reader_read_file(e->r, path, collect, &e->s, &e->st, &e->err);
}

static int read_text(struct env *e, const char *text)
{
	return ct_reader_read_mem(e->r, "mem.json", text, strlen(text), collect,
				  &e->s, &e->st, &e->err);
}

static void test_s3_gzip_and_plain_agree(void **state)
{
	struct env gz, plain;

	(void)state;
	env_init(&gz, NULL, 0);
	env_init(&plain, NULL, 0);
	assert_int_equal(read_shared(&gz, INVICTUS "/s3-layout/AWSLogs/"
				     "218007301253/CloudTrail/us-east-1/2023/07/10/"
				     BIG_FILE ".json.gz"), 0);
	assert_int_equal(read_shared(&plain, INVICTUS "/CloudTrail/" BIG_FILE
				     ".json"), 0);
	assert_int_equal(gz.s.count, 394);
	assert_int_equal(plain.s.count, 394);
	assert_int_equal(gz.st.bytes, plain.st.bytes);
	assert_int_equal(gz.s.last_index, 393);
	assert_string_equal(gz.s.names[0], plain.s.names[0]);
	env_release(&gz);
	env_release(&plain);
}

static void test_zlib_streaming_path(void **state)
{
	struct env e;

	(void)state;
	/* A tiny whole-inflate bound forces the bounded zlib window. */
	env_init(&e, NULL, 1);
	assert_int_equal(read_shared(&e, INVICTUS "/s3-layout/AWSLogs/"
				     "218007301253/CloudTrail/us-east-1/2023/07/"
				     "10/" BIG_FILE ".json.gz"), 0);
	assert_int_equal(e.s.count, 394);
	env_release(&e);
}

static void test_directory_walk(void **state)
{
	char dir[1024];
	const char *paths[1];
	struct ct_file_list l;
	struct error err = {0};

	(void)state;
	shared_path(dir, sizeof(dir), INVICTUS "/s3-layout");
	paths[0] = dir;
	assert_int_equal(ct_list_files(&l, paths, 1, false, &err), 0);
	assert_int_equal(l.len, 55);
	for (size_t i = 1; i < l.len; i++)
		assert_true(strcmp(l.paths[i - 1], l.paths[i]) < 0);
	ct_file_list_release(&l);
	/* cloudtrail_only: the same files all live below CloudTrail/ */
	assert_int_equal(ct_list_files(&l, paths, 1, true, &err), 0);
	assert_int_equal(l.len, 55);
	ct_file_list_release(&l);
}

static void test_bare_record_and_wrapped(void **state)
{
	struct env e;

	(void)state;
	env_init(&e, "$.additionalEventData.MFAUsed", 0);
	/* bare record, leading space before '{' as in the AWS docs file */
	assert_int_equal(read_shared(&e, DOCS "console-signin__cloudtrail-signin-"
				     "root-mfa.json"), 0);
	assert_int_equal(e.s.count, 1);
	assert_string_equal(e.s.names[0], "ConsoleLogin");
	assert_int_equal(e.s.extra[0].kind, JV_STRING);
	assert_int_equal(e.s.extra[0].len, 3);  /* "YES" */
	assert_int_equal(read_shared(&e, DOCS "console-signin__cloudtrail-aws-"
				     "console-sign-in-requires-mfa.json"), 0);
	assert_int_equal(read_shared(&e, DOCS "console-signin__cloudtrail-aws-"
				     "console-sign-in-events-iam-user-success.json"),
			 0);
	assert_int_equal(e.s.count, 3);
	assert_string_equal(e.s.names[1], "CheckMfa");
	env_release(&e);
}

static void test_json_lines(void **state)
{
	struct env e;

	(void)state;
	env_init(&e, NULL, 0);
	assert_int_equal(read_text(&e,
		"{\"eventName\":\"A\",\"eventTime\":\"2024-01-01T00:00:00Z\"}\n"
		"{\"eventName\":\"B\"}\r\n"
		"\n"
		"{\"Records\":[{\"eventName\":\"C\"},{\"eventName\":\"D\"}]}\n"
		"{\"eventName\":\"E\"}"), 0);
	assert_int_equal(e.s.count, 5);
	assert_string_equal(e.s.names[0], "A");
	assert_string_equal(e.s.names[3], "D");
	assert_string_equal(e.s.names[4], "E");
	assert_int_equal(e.s.times[0], 1704067200);
	env_release(&e);
}

static void test_lookup_events(void **state)
{
	struct env e;

	(void)state;
	env_init(&e, NULL, 0);
	assert_int_equal(read_shared(&e, "fixtures/real/aws-cli-examples/"
				     "cloudtrail__lookup-events__example1.json"),
			 0);
	assert_true(e.s.count >= 1);
	assert_string_equal(e.s.names[0], "ConsoleLogin");
	assert_int_equal(e.s.v[0][CTF_USER_TYPE].kind, JV_STRING);
	env_release(&e);
	/* an element without CloudTrailEvent is passed over */
	env_init(&e, NULL, 0);
	assert_int_equal(read_text(&e,
		"{\"Events\":[{\"EventId\":\"1\"},{\"EventName\":\"X\","
		"\"CloudTrailEvent\":\"{\\\"eventName\\\":\\\"X\\\"}\"}],"
		"\"NextToken\":\"abc\"}"), 0);
	assert_int_equal(e.s.count, 1);
	assert_string_equal(e.s.names[0], "X");
	env_release(&e);
}

static void test_insight_records_skipped(void **state)
{
	struct env e;

	(void)state;
	env_init(&e, NULL, 0);
	assert_int_equal(read_shared(&e, DOCS "log-file-examples__insights-"
				     "event-example__1.json"), 0);
	assert_int_equal(e.s.count, 0);
	assert_int_equal(e.st.skipped, 2);
	env_release(&e);
}

static void test_quirks(void **state)
{
	struct env e;

	(void)state;
	env_init(&e, "$.requestParameters", 0);
	/* absent userIdentity.type (AwsServiceEvent), epoch-number eventTime,
	 * requestParameters null, string booleans, failed login without
	 * errorCode (the real AWS example) */
	assert_int_equal(read_text(&e,
		"{\"Records\":[{\"eventType\":\"AwsServiceEvent\","
		"\"userIdentity\":{\"accountId\":\"1\",\"invokedBy\":\"x\"},"
		"\"eventTime\":1454022144,\"requestParameters\":null},"
		"{\"eventTime\":1454022144869,\"readOnly\":\"true\","
		"\"requestParameters\":{\"a\":[1,2,{\"b\":null}]}},"
		"{\"eventTime\":\"not a time\"}]}"), 0);
	assert_int_equal(e.s.count, 3);
	assert_int_equal(e.s.v[0][CTF_USER_TYPE].kind, JV_ABSENT);
	assert_int_equal(e.s.v[0][CTF_EVENT_TIME].kind, JV_NUMBER);
	assert_int_equal(e.s.times[0], 1454022144);
	assert_int_equal(e.s.times[1], 1454022144);  /* milliseconds */
	assert_int_equal(e.s.times[2], STAMP_NONE);
	assert_int_equal(e.s.extra[0].kind, JV_NULL);
	assert_int_equal(e.s.extra[1].kind, JV_OBJECT);
	assert_int_equal(read_shared(&e, DOCS "console-signin__cloudtrail-aws-"
				     "console-sign-in-events-iam-user-failure.json"),
			 0);
	assert_int_equal(e.s.v[3][CTF_USER_ARN].kind, JV_ABSENT);
	assert_int_equal(e.s.v[3][CTF_USER_NAME].kind, JV_STRING);
	env_release(&e);
}

static void test_truncated_names_file_and_record(void **state)
{
	char path[1024];
	struct buf b = BUF_INIT;
	FILE *f;
	char chunk[65536];
	size_t n;
	struct env e;

	(void)state;
	shared_path(path, sizeof(path), INVICTUS "/CloudTrail/" BIG_FILE ".json");
	f = fopen(path, "rb");
	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		assert_int_equal(buf_add(&b, chunk, n), 0);
	fclose(f);
	env_init(&e, NULL, 0);
	assert_int_equal(ct_reader_read_mem(e.r, "cut.json", b.data, b.len / 2,
					    collect, &e.s, &e.st, &e.err),
			 ERR_INPUT);
	assert_string_equal(e.err.file, "cut.json");
	assert_true(strncmp(e.err.record, "Records[", 8) == 0);
	assert_string_equal(e.err.message,
			    "unexpected end of input (truncated file?)");
	{
		char want[32];

		snprintf(want, sizeof(want), "Records[%ld]", e.s.count);
		assert_string_equal(e.err.record, want);
	}
	env_release(&e);

	/* The same through gzip: the records before the cut are delivered. */
	{
		uLongf zlen = compressBound((uLong)b.len);
		unsigned char *z = malloc(zlen + 32);
		z_stream zs = {0};
		struct env g;

		assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
					      Z_DEFAULT_STRATEGY), Z_OK);
		zs.next_in = (unsigned char *)b.data;
		zs.avail_in = (uInt)b.len;
		zs.next_out = z;
		zs.avail_out = (uInt)(zlen + 32);
		assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
		env_init(&g, NULL, 0);
		assert_int_equal(ct_reader_read_mem(g.r, "cut.json.gz", z,
						    zs.total_out / 2, collect,
						    &g.s, &g.st, &g.err),
				 ERR_INPUT);
		assert_string_equal(g.err.file, "cut.json.gz");
		assert_true(g.s.count > 0 && g.s.count < 394);
		deflateEnd(&zs);
		free(z);
		env_release(&g);
	}
	buf_release(&b);
}

static void test_bad_json_errors(void **state)
{
	static const struct {
		const char *text;
		int rc;
		const char *record;
		const char *message;
	} cases[] = {
		{"{\"Records\":[{\"a\":1},{\"a\" 1}]}", ERR_INPUT, "Records[1]",
		 "invalid JSON at byte 25: expected ':'"},
		{"{\"Records\":[{\"a\":1}, 7]}", ERR_INPUT, "Records[1]",
		 "invalid JSON at byte 21: expected a record object"},
		{"[1,2]", ERR_INPUT, "record 1",
		 "invalid JSON at byte 0: expected a JSON object"},
		{"{\"a\":[}]}", ERR_INPUT, "record 1",
		 "invalid JSON at byte 6: mismatched bracket"},
		{"{\"a\":tru}", ERR_INPUT, "record 1",
		 "invalid JSON at byte 5: invalid literal"},
		{"{\"eventName\":\"x\\q\"}", ERR_INPUT, "record 1",
		 "invalid JSON at byte 15: invalid string escape"},
		{"{\"Events\":[{\"CloudTrailEvent\":\"{\\\"a\\\":\"}]}",
		 ERR_INPUT, "Events[0]", "CloudTrailEvent is not a complete JSON object"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct env e;
		int rc;

		env_init(&e, NULL, 0);
		rc = read_text(&e, cases[i].text);
		if (rc != cases[i].rc || strcmp(e.err.record, cases[i].record) ||
		    strcmp(e.err.message, cases[i].message))
			fail_msg("%s: rc %d record '%s' message '%s'",
				 cases[i].text, rc, e.err.record, e.err.message);
		env_release(&e);
	}
}

static void test_depth_limit(void **state)
{
	struct buf b = BUF_INIT;
	struct env e;

	(void)state;
	assert_int_equal(buf_adds(&b, "{\"requestParameters\":"), 0);
	for (int i = 0; i < 100; i++)
		assert_int_equal(buf_addch(&b, '['), 0);
	for (int i = 0; i < 100; i++)
		assert_int_equal(buf_addch(&b, ']'), 0);
	assert_int_equal(buf_addch(&b, '}'), 0);
	env_init(&e, NULL, 0);
	assert_int_equal(read_text(&e, b.data), ERR_INPUT);
	assert_non_null(strstr(e.err.message, "nesting too deep"));
	env_release(&e);
	buf_release(&b);
}

/* A plain file larger than the reader's window, read in chunks. */
static void test_large_plain_file_streams(void **state)
{
	char path[] = "/tmp/attest-ctreader-XXXXXX";
	int fd = mkstemp(path);
	FILE *f;
	struct env e;
	long n = 40000;

	(void)state;
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	assert_non_null(f);
	fputs("{\"Records\":[", f);
	for (long i = 0; i < n; i++)
		fprintf(f, "%s{\"eventName\":\"E%ld\",\"requestParameters\":"
			   "{\"pad\":\"%0100ld\",\"list\":[1,2,3,{\"x\":\"y\"}]}}",
			i ? "," : "", i, i);
	fputs("]}", f);
	fclose(f);
	env_init(&e, NULL, 0);
	assert_int_equal(ct_reader_read_file(e.r, path, collect, &e.s, &e.st,
					     &e.err), 0);
	assert_int_equal(e.s.count, n);
	assert_int_equal(e.s.last_index, n - 1);
	assert_true(e.st.bytes > (uint64_t)n * 100);
	env_release(&e);
	unlink(path);
}

static void test_missing_file(void **state)
{
	struct env e;

	(void)state;
	env_init(&e, NULL, 0);
	assert_int_equal(ct_reader_read_file(e.r, "/nonexistent/x.json", collect,
					     &e.s, &e.st, &e.err), ERR_NOTFOUND);
	assert_string_equal(e.err.file, "/nonexistent/x.json");
	env_release(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_s3_gzip_and_plain_agree),
		cmocka_unit_test(test_zlib_streaming_path),
		cmocka_unit_test(test_directory_walk),
		cmocka_unit_test(test_bare_record_and_wrapped),
		cmocka_unit_test(test_json_lines),
		cmocka_unit_test(test_lookup_events),
		cmocka_unit_test(test_insight_records_skipped),
		cmocka_unit_test(test_quirks),
		cmocka_unit_test(test_truncated_names_file_and_record),
		cmocka_unit_test(test_bad_json_errors),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_large_plain_file_streams),
		cmocka_unit_test(test_missing_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
