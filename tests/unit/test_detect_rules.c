/* test_detect_rules.c - the built-in CIS rules against REAL CloudTrail
 * events (shared/fixtures/real: invictus-ir dataset and AWS documentation
 * examples; three "derived" fixtures in tests/fixtures/detect/ are real
 * records with only eventName/eventSource changed, for the rules no public
 * sample exercises), threshold window edges, and user rule files. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "detect/detect.h"
#include "util/buf.h"

#define INV "fixtures/real/invictus-ir-aws-dataset/CloudTrail/" \
	    "218007301253_CloudTrail_us-east-1_20230710T"
#define DOCS "fixtures/real/aws-docs-cloudtrail-examples/"
#define LOCAL "tests/fixtures/detect/"

static void fixture_path(char *out, size_t size, const char *rel)
{
	const char *shared = getenv("ATTEST_SHARED");

	if (strncmp(rel, LOCAL, strlen(LOCAL)) == 0)
		snprintf(out, size, "%s", rel);
	else
		snprintf(out, size, "%s/%s",
			 shared && *shared ? shared : "../shared", rel);
}

/* Runs all built-in rules over one file; true when `rule` alerted on the
 * event `event_id`. */
static bool alerted(const char *rel, const char *rule, const char *event_id)
{
	struct error err = {0};
	struct detect_ruleset *rs = NULL;
	struct detector *d = NULL;
	struct detect_results res;
	char path[1024];
	bool hit = false;

	fixture_path(path, sizeof(path), rel);
	assert_int_equal(detect_ruleset_new(&rs, &err), 0);
	assert_int_equal(detect_ruleset_add_builtin(rs, &err), 0);
	assert_int_equal(detector_new(&d, rs, NULL, 0, &err), 0);
	detect_results_init(&res);
	if (detector_run_file(d, path, &res, &err))
		fail_msg("%s: %s", path, err.message);
	assert_int_equal(detect_results_finish(&res, &err), 0);
	for (size_t i = 0; i < res.len; i++)
		if (strcmp(res.alerts[i].rule->id, rule) == 0 &&
		    strcmp(res.alerts[i].event_id, event_id) == 0)
			hit = true;
	detect_results_release(&res);
	detector_free(d);
	detect_ruleset_free(rs);
	return hit;
}

static const struct {
	const char *rule, *file, *event_id;
	bool match;
} real_cases[] = {
	{"cis.root-usage", DOCS "console-signin__cloudtrail-signin-root.json",
	 "deb1e1f9-c99b-4612-8e9f-21f93b5d79c0", true},
	{"cis.root-usage", DOCS "console-signin__cloudtrail-signin-mfa-changed-"
	 "root.json", "EXAMPLEb-7dae-48cb-895f-20e86EXAMPLE", true},
	{"cis.root-usage", DOCS "console-signin__cloudtrail-aws-console-sign-in-"
	 "events-iam-user-success.json", "3fcfb182-98f8-4744-bd45-10a395ab61cb",
	 false},
	{"cis.unauthorized-api", INV "1200Z_iLj9fb7yyUG9X4Bf.json",
	 "fbd91225-39aa-4c00-822c-9f0b96e7758f", true},
	{"cis.unauthorized-api", INV "1200Z_iLj9fb7yyUG9X4Bf.json",
	 "e4bad408-6272-4892-bf47-bd41b435ce40", true},
	{"cis.unauthorized-api", DOCS "log-file-examples__error-code-and-error-"
	 "message__1.json", "b7d4398e-b2f0-4faa-9c76-e2d316a8d67f", false},
	{"cis.console-no-mfa", DOCS "console-signin__cloudtrail-aws-console-sign-"
	 "in-events-iam-user-success.json", "3fcfb182-98f8-4744-bd45-10a395ab61cb",
	 true},
	{"cis.console-no-mfa", INV "1225Z_4iD2boYSOwmb6sWd.json",
	 "70e5932e-9022-4b38-837e-ca10dad94eb7", true},
	{"cis.console-no-mfa", DOCS "console-signin__cloudtrail-aws-console-sign-"
	 "in-events-iam-user-mfa.json", "fed06f42-cb12-4764-8c69-121063dc79b9",
	 false},
	/* root signs in without MFA: root-usage's business, not this rule's
	 * (CloudWatch.3 is limited to IAMUser) */
	{"cis.console-no-mfa", DOCS "console-signin__cloudtrail-signin-root.json",
	 "deb1e1f9-c99b-4612-8e9f-21f93b5d79c0", false},
	{"cis.iam-policy-change", INV "1230Z_ZtUNbBkwAu98FPZb.json",
	 "f4923a37-92d5-4dfd-9786-6caef2b5f33c", true},
	{"cis.iam-policy-change", INV "1200Z_iLj9fb7yyUG9X4Bf.json",
	 "c6ebc8b7-572c-4123-92bf-9d94933724ca", false},
	{"cis.cloudtrail-change", INV "1210Z_6CICdbJQM3beT7n3.json",
	 "fcec2e46-3cc3-4ac2-8144-3674f06990e4", true},
	{"cis.cloudtrail-change", DOCS "log-file-examples__error-code-and-error-"
	 "message__1.json", "b7d4398e-b2f0-4faa-9c76-e2d316a8d67f", true},
	{"cis.cloudtrail-change", INV "1200Z_iLj9fb7yyUG9X4Bf.json",
	 "c6ebc8b7-572c-4123-92bf-9d94933724ca", false},
	{"cis.console-auth-failure", DOCS "console-signin__cloudtrail-aws-console-"
	 "sign-in-events-iam-user-failure.json",
	 "d38ce1b3-4575-4cb8-a632-611b8243bfc3", true},
	{"cis.console-auth-failure", DOCS "console-signin__cloudtrail-unsuccessful-"
	 "signin-root.json", "a4fbbe77-91a0-4238-804a-64314184edb6", true},
	{"cis.console-auth-failure", INV "1225Z_4iD2boYSOwmb6sWd.json",
	 "70e5932e-9022-4b38-837e-ca10dad94eb7", false},
	{"cis.kms-disable", LOCAL "derived-kms-disable-key.json",
	 "c6ebc8b7-572c-4123-92bf-9d94933724ca", true},
	{"cis.kms-disable", INV "1200Z_iLj9fb7yyUG9X4Bf.json",
	 "c6ebc8b7-572c-4123-92bf-9d94933724ca", false},
	{"cis.s3-policy-change", INV "1205Z_UljXNp9xLp8nsAGc.json",
	 "988f1043-3e3d-4d84-803b-1b4d00e0df90", true},
	{"cis.s3-policy-change", INV "1200Z_iLj9fb7yyUG9X4Bf.json",
	 "c6ebc8b7-572c-4123-92bf-9d94933724ca", false},
	{"cis.config-change", LOCAL "derived-config-stop-recorder.json",
	 "c6ebc8b7-572c-4123-92bf-9d94933724cb", true},
	{"cis.config-change", DOCS "log-file-examples__error-code-and-error-"
	 "message__1.json", "b7d4398e-b2f0-4faa-9c76-e2d316a8d67f", false},
	{"cis.security-group-change", INV "1215Z_YMDRJwtmC82bUwAo.json",
	 "7e96f0e7-4d78-423d-b3f5-391370685b30", true},
	{"cis.security-group-change", INV "1200Z_x9kHmzMa7cx6l9wM.json",
	 "7cc5b982-f886-49e1-9165-7ec752fe606c", false},
	{"cis.nacl-change", LOCAL "derived-nacl-create-entry.json",
	 "7cc5b982-f886-49e1-9165-7ec752fe606c", true},
	{"cis.nacl-change", INV "1200Z_x9kHmzMa7cx6l9wM.json",
	 "7cc5b982-f886-49e1-9165-7ec752fe606c", false},
	{"cis.network-gateway-change", INV "1200Z_x9kHmzMa7cx6l9wM.json",
	 "e40431f7-07bc-4d9a-a5cb-07e28107babb", true},
	{"cis.network-gateway-change", INV "1200Z_x9kHmzMa7cx6l9wM.json",
	 "7cc5b982-f886-49e1-9165-7ec752fe606c", false},
	{"cis.route-table-change", INV "1200Z_iLj9fb7yyUG9X4Bf.json",
	 "6445452c-c6df-4ebf-a1ed-2890f5aa7107", true},
	{"cis.route-table-change", INV "1200Z_iLj9fb7yyUG9X4Bf.json",
	 "c6ebc8b7-572c-4123-92bf-9d94933724ca", false},
	{"cis.vpc-change", INV "1200Z_iLj9fb7yyUG9X4Bf.json",
	 "f5e4b2d3-a4a2-4a78-b81f-9036f12b623e", true},
	{"cis.vpc-change", INV "1215Z_YMDRJwtmC82bUwAo.json",
	 "456eabea-fbb5-4e3f-a461-0fde7dfc8a16", true},
	{"cis.vpc-change", INV "1200Z_x9kHmzMa7cx6l9wM.json",
	 "7cc5b982-f886-49e1-9165-7ec752fe606c", false},
	{"cis.organizations-change", INV "1205Z_zs3JGxETHr59VpkX.json",
	 "be7f89b5-d456-4423-b3e6-0fb0b19bad7c", true},
	{"cis.organizations-change", INV "1235Z_YbVFCP9AYzJDhHV9.json",
	 "5b5575f9-d4ef-4651-86c1-7618d49689f5", false},
};

static void test_cis_rules_on_real_events(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(real_cases) / sizeof(real_cases[0]); i++)
		if (alerted(real_cases[i].file, real_cases[i].rule,
			    real_cases[i].event_id) != real_cases[i].match)
			fail_msg("%s on %s in %s: expected %s", real_cases[i].rule,
				 real_cases[i].event_id, real_cases[i].file,
				 real_cases[i].match ? "an alert" : "no alert");
}

static void test_every_builtin_rule_has_a_real_case(void **state)
{
	size_t n;
	const struct detect_builtin *b = detect_builtin_rules(&n);

	(void)state;
	for (size_t i = 0; i < n; i++) {
		bool yes = false, no = false;

		if (b[i].count)
			continue;
		for (size_t k = 0; k < sizeof(real_cases) / sizeof(real_cases[0]);
		     k++) {
			if (strcmp(real_cases[k].rule, b[i].id) != 0)
				continue;
			yes |= real_cases[k].match;
			no |= !real_cases[k].match;
		}
		if (!yes || !no)
			fail_msg("rule %s lacks a matching or a non-matching case",
				 b[i].id);
	}
}

/* ---- thresholds --------------------------------------------------- */

static void add_failure(struct buf *b, const char *user, int offset_s, int i)
{
	assert_int_equal(buf_printf(b,
		"{\"eventTime\":\"2024-03-01T10:%02d:%02dZ\",\"eventID\":\"ev-%s-%03d\","
		"\"eventName\":\"ConsoleLogin\",\"eventSource\":\"signin.amazonaws.com\","
		"\"userIdentity\":{\"type\":\"IAMUser\",\"userName\":\"%s\"},"
		"\"errorMessage\":\"Failed authentication\","
		"\"responseElements\":{\"ConsoleLogin\":\"Failure\"}}\n",
		offset_s / 60, offset_s % 60, user, i, user), 0);
}

/* Feeds `text` (possibly split in two "files" at `split`) and returns the
 * number of threshold alerts; the first one's count in *count. */
static size_t threshold_alerts(const char *text, size_t split, unsigned *count)
{
	struct error err = {0};
	struct detect_ruleset *rs;
	struct detector *d;
	struct detect_results res, part;
	const char *id = "threshold.console-login-failures";
	size_t n = 0;

	assert_int_equal(detect_ruleset_new(&rs, &err), 0);
	assert_int_equal(detect_ruleset_add_builtin(rs, &err), 0);
	assert_int_equal(detect_ruleset_keep(rs, &id, 1, &err), 0);
	assert_int_equal(detector_new(&d, rs, NULL, 0, &err), 0);
	detect_results_init(&res);
	detect_results_init(&part);
	/* second half first, in another result set: order must not matter */
	assert_int_equal(detector_run_mem(d, "b.json", text + split,
					  strlen(text + split), &part, &err), 0);
	assert_int_equal(detector_run_mem(d, "a.json", text, split, &res, &err), 0);
	assert_int_equal(detect_results_merge(&res, &part, &err), 0);
	assert_int_equal(detect_results_finish(&res, &err), 0);
	for (size_t i = 0; i < res.len; i++) {
		assert_string_equal(res.alerts[i].rule->id, id);
		if (n++ == 0 && count)
			*count = res.alerts[i].count;
	}
	detect_results_release(&res);
	detect_results_release(&part);
	detector_free(d);
	detect_ruleset_free(rs);
	return n;
}

static void test_threshold_window_edges(void **state)
{
	static const int inside[] = {0, 60, 120, 240, 300};   /* 5th at +5:00 */
	static const int outside[] = {0, 60, 120, 240, 301};  /* 5th at +5:01 */
	struct buf b = BUF_INIT;
	unsigned count = 0;
	size_t half;

	(void)state;
	for (int i = 0; i < 5; i++)
		add_failure(&b, "alice", inside[i], i);
	half = (size_t)(strchr(strchr(b.data, '\n') + 1, '\n') + 1 - b.data);
	assert_int_equal(threshold_alerts(b.data, half, &count), 1);
	assert_int_equal(count, 5);
	buf_reset(&b);
	for (int i = 0; i < 5; i++)
		add_failure(&b, "alice", outside[i], i);
	assert_int_equal(threshold_alerts(b.data, 0, NULL), 0);
	/* the window slides: drop the first, the next 5 are within 5:00 */
	add_failure(&b, "alice", 302, 5);
	assert_int_equal(threshold_alerts(b.data, 0, NULL), 1);
	buf_release(&b);
}

static void test_threshold_counting(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	for (int i = 0; i < 4; i++)
		add_failure(&b, "bob", i * 10, i);
	assert_int_equal(threshold_alerts(b.data, 0, NULL), 0);   /* 4 < 5 */
	add_failure(&b, "bob", 50, 4);
	add_failure(&b, "bob", 55, 5);
	assert_int_equal(threshold_alerts(b.data, 0, NULL), 1);   /* 6 -> 1 */
	for (int i = 6; i < 10; i++)
		add_failure(&b, "bob", 60 + i, i);
	assert_int_equal(threshold_alerts(b.data, 0, NULL), 2);   /* 10 -> 2 */
	buf_reset(&b);
	/* different users never add up */
	for (int i = 0; i < 8; i++)
		add_failure(&b, i % 2 ? "carol" : "dave", i, i);
	assert_int_equal(threshold_alerts(b.data, 0, NULL), 0);
	buf_release(&b);
}

/* ---- user rule files ------------------------------------------------ */

static char tmpdir[64];

static void write_file(const char *name, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int load(const char *text, struct error *err, struct detect_ruleset **out)
{
	char path[256];
	int rc;

	write_file("rule.yaml", text);
	snprintf(path, sizeof(path), "%s/rule.yaml", tmpdir);
	assert_int_equal(detect_ruleset_new(out, err), 0);
	rc = detect_ruleset_load_file(*out, path, err);
	return rc;
}

static void test_user_rules(void **state)
{
	struct error err = {0};
	struct detect_ruleset *rs;
	const struct detect_rule *r;

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/attest-rules-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	assert_int_equal(load(
		"- id: acme.key-created\n"
		"  title: Access key created\n"
		"  severity: medium\n"
		"  criteria: [CC6.1, CC6.2]\n"
		"  pattern: '{ $.eventName = CreateAccessKey }'\n"
		"- id: acme.denied-burst\n"
		"  title: Many denied calls\n"
		"  severity: high\n"
		"  pattern: |\n"
		"    { $.errorCode = \"AccessDenied*\" }\n"
		"  threshold: {count: 20, window_seconds: 60, key: \"$.sourceIPAddress\"}\n",
		&err, &rs), 0);
	assert_int_equal(rs->len, 2);
	r = detect_ruleset_find(rs, "acme.denied-burst");
	assert_non_null(r);
	assert_int_equal(r->threshold.count, 20);
	assert_int_equal(r->threshold.window_seconds, 60);
	assert_int_equal(r->severity, SEV_HIGH);
	assert_string_equal(detect_ruleset_find(rs, "acme.key-created")->criteria,
			    "CC6.1,CC6.2");
	detect_ruleset_free(rs);
}

static void test_user_rule_errors(void **state)
{
	static const struct {
		const char *text;
		long line, column;
		const char *message;
	} cases[] = {
		{"id: a\nseverity: low\npattern: '{ $.eventName = }'\ncolour: red\n",
		 4, 1, "unknown key 'colour' in rule"},
		{"id: a\nseverity: low\npattern: '{ $.eventName = }'\n",
		 3, 27, "pattern: expected value after '=' at column 17"},
		{"id: a\nseverity: low\npattern: { $.eventName = }\n",
		 3, 10, "'pattern' must be a string: quote it, YAML reads an unquoted "
		 "{...} as a mapping"},
		{"id: a\nseverity: low\npattern: \"{ $.a = 1 $.b = 2 }\"\n",
		 3, 21, "pattern: expected '&&' or '||' before selector at column 11"},
		{"id: a\nseverity: urgent\npattern: '{ $.a = 1 }'\n",
		 2, 11, "unknown severity 'urgent' (info, low, medium, high, critical)"},
		{"id: a\npattern: '{ $.a = 1 }'\n", 1, 1,
		 "a rule needs id, severity and pattern"},
		{"id: A B\nseverity: low\npattern: '{ $.a = 1 }'\n", 1, 1,
		 "rule id 'A B' may use only a-z, 0-9, '.', '-' and '_'"},
		{"id: a\nseverity: low\npattern: '{ $.a = 1 }'\n"
		 "threshold: {count: 0, window_seconds: 1, key: $.a}\n", 4, 20,
		 "'count' must be a whole number in range"},
		{"id: a\nseverity: low\npattern: '{ $.a = 1 }'\n"
		 "threshold: {count: 2, window: 1, key: $.a}\n", 4, 23,
		 "unknown threshold key 'window'"},
		{"- id: a\n  severity: low\n  pattern: '{ $.a = 1 }'\n"
		 "- id: a\n  severity: low\n  pattern: '{ $.a = 2 }'\n", 4, 3,
		 "duplicate rule id 'a'"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct error err = {0};
		struct detect_ruleset *rs = NULL;
		int rc = load(cases[i].text, &err, &rs);

		if (rc != ERR_INPUT || err.line != cases[i].line ||
		    err.column != cases[i].column ||
		    strcmp(err.message, cases[i].message) ||
		    !strstr(err.file, "rule.yaml"))
			fail_msg("case %zu: rc %d at %ld:%ld '%s'", i, rc, err.line,
				 err.column, err.message);
		detect_ruleset_free(rs);
	}
	{
		char path[256];

		snprintf(path, sizeof(path), "%s/rule.yaml", tmpdir);
		unlink(path);
		rmdir(tmpdir);
	}
}

static void test_keep_unknown_rule(void **state)
{
	struct error err = {0};
	struct detect_ruleset *rs;
	const char *ids[] = {"cis.nope"};

	(void)state;
	assert_int_equal(detect_ruleset_new(&rs, &err), 0);
	assert_int_equal(detect_ruleset_add_builtin(rs, &err), 0);
	assert_int_equal(rs->len, 16);
	assert_int_equal(detect_ruleset_keep(rs, ids, 1, &err), ERR_USAGE);
	assert_string_equal(err.message, "unknown rule 'cis.nope'");
	detect_ruleset_free(rs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cis_rules_on_real_events),
		cmocka_unit_test(test_every_builtin_rule_has_a_real_case),
		cmocka_unit_test(test_threshold_window_edges),
		cmocka_unit_test(test_threshold_counting),
		cmocka_unit_test(test_user_rules),
		cmocka_unit_test(test_user_rule_errors),
		cmocka_unit_test(test_keep_unknown_rule),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
