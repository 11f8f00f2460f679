/*
 * test_import_aws.c - the AWS importers on the real public samples
 * (shared/fixtures/real, through $ATTEST_SHARED) placed at the workspace
 * paths a user would save them under, and their failure paths with the
 * exact error text.  Own cases are tests/fixtures/aws/<case>.*.
 * Cloud Custodian placebo recordings wrap the boto3 response in
 * {"status_code", "data"}: tests hand the importer `data`, which is what
 * the API returned.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "importers/importer.h"
#include "util/fs.h"

#define ACCT "111122223333"
#define AWS_DIR "sources/aws/" ACCT "/"

/* --- helpers --------------------------------------------------------- */

static char *read_path(const char *path, size_t *len)
{
	struct error err;
	char *data = NULL;

	error_clear(&err);
	if (fs_read_file(path, (size_t)64 << 20, &data, len, &err))
		fail_msg("%s: %s", path, err.message);
	return data;
}

static char *read_real(const char *rel, size_t *len)
{
	const char *shared = getenv("ATTEST_SHARED");
	char path[1024];

	snprintf(path, sizeof(path), "%s/fixtures/real/%s",
		 shared && *shared ? shared : "../shared", rel);
	return read_path(path, len);
}

static char *read_own(const char *name, size_t *len)
{
	char path[512];

	snprintf(path, sizeof(path), "tests/fixtures/aws/%s", name);
	return read_path(path, len);
}

/* The `data` member of a Cloud Custodian placebo recording, as JSON text. */
static char *placebo_data(const char *rel, size_t *len)
{
	size_t n;
	char *raw = read_real(rel, &n);
	json_t *root = json_loadb(raw, n, 0, NULL);
	char *text;

	assert_non_null(root);
	text = json_dumps(json_object_get(root, "data"), JSON_INDENT(2));
	assert_non_null(text);
	*len = strlen(text);
	json_decref(root);
	free(raw);
	return text;
}

struct run {
	struct import_output out;
	struct error err;
	int rc;
};

/* Runs the importer that recognises `path` (asserting it is `name`). */
static void run_data(struct run *r, const char *name, const char *path,
		     const char *data, size_t len)
{
	const struct importer *imp = importer_find(name);
	struct import_input in;
	struct config config;

	assert_non_null(imp);
	if (len == 0)
		len = strlen(data);
	assert_true(imp->recognise(path, data, len));
	config_defaults(&config);
	in.path = path;
	in.data = data;
	in.size = len;
	in.config = &config;
	import_output_init(&r->out);
	error_clear(&r->err);
	r->rc = imp->parse(&in, &r->out, &r->err);
}

static void run_real(struct run *r, const char *name, const char *path,
		     const char *rel)
{
	size_t len;
	char *data = read_real(rel, &len);

	run_data(r, name, path, data, len);
	free(data);
}

static void run_own(struct run *r, const char *name, const char *path,
		    const char *fixture)
{
	size_t len;
	char *data = read_own(fixture, &len);

	run_data(r, name, path, data, len);
	free(data);
}

static void run_placebo(struct run *r, const char *name, const char *path,
			const char *rel)
{
	size_t len;
	char *data = placebo_data(rel, &len);

	run_data(r, name, path, data, len);
	free(data);
}

static void expect_ok(const struct run *r)
{
	if (r->rc)
		fail_msg("unexpected error: %s: %s: %s", r->err.record,
			 r->err.field, r->err.message);
}

static void expect_error(const struct run *r, const char *record,
			 const char *field, const char *message)
{
	assert_int_equal(r->rc, ERR_INPUT);
	assert_string_equal(r->err.record, record);
	assert_string_equal(r->err.field, field);
	assert_string_equal(r->err.message, message);
}

static size_t count_kind(const struct run *r, const char *kind)
{
	size_t n = 0;

	for (size_t i = 0; i < r->out.facts.count; i++)
		n += strcmp(r->out.facts.items[i].kind, kind) == 0;
	return n;
}

static const struct fact *find(const struct run *r, const char *kind,
			       const char *key)
{
	for (size_t i = 0; i < r->out.facts.count; i++)
		if (strcmp(r->out.facts.items[i].kind, kind) == 0 &&
		    strcmp(r->out.facts.items[i].key, key) == 0)
			return &r->out.facts.items[i];
	fail_msg("no %s fact %s", kind, key);
	return NULL;
}

static void expect_str(const struct fact *f, const char *attr,
		       const char *want)
{
	json_t *v = json_object_get(f->data, attr);

	if (!want) {
		if (!json_is_null(v))
			fail_msg("%s: %s should be null", f->key, attr);
		return;
	}
	if (!json_is_string(v))
		fail_msg("%s: %s is not a string", f->key, attr);
	assert_string_equal(json_string_value(v), want);
}

/* bool attribute: 1, 0, or -1 for null. */
static void expect_bool(const struct fact *f, const char *attr, int want)
{
	json_t *v = json_object_get(f->data, attr);

	if (want < 0)
		assert_true(json_is_null(v));
	else if (!json_is_boolean(v) || json_is_true(v) != want)
		fail_msg("%s: %s should be %s", f->key, attr,
			 want ? "true" : "false");
}

static void expect_json(const struct fact *f, const char *attr,
			const char *want)
{
	char *got = json_dumps(json_object_get(f->data, attr),
			       JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);

	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void done(struct run *r)
{
	import_output_release(&r->out);
}

/* --- recognition ------------------------------------------------------ */

static void test_recognition(void **state)
{
	static const struct {
		const char *path;
		const char *importer;
	} cases[] = {
		{AWS_DIR "iam-get-credential-report.json", "aws.credential-report"},
		{AWS_DIR "iam-credential-report.csv", "aws.credential-report"},
		{AWS_DIR "iam-get-account-authorization-details.json",
		 "aws.authorization-details"},
		{AWS_DIR "iam-get-account-authorization-details.2.json",
		 "aws.authorization-details"},
		{AWS_DIR "cloudtrail-describe-trails.json", "aws.trails"},
		{AWS_DIR "cloudtrail-get-trail-status-main.json",
		 "aws.trail-status"},
		{AWS_DIR "logs-describe-metric-filters.json",
		 "aws.metric-filters"},
		{AWS_DIR "cloudwatch-describe-alarms.json", "aws.alarms"},
		{AWS_DIR "logs-describe-log-groups.json", "aws.log-groups"},
		{AWS_DIR "s3api-get-bucket-lifecycle-configuration-logs.acme.json",
		 "aws.bucket-lifecycle"},
		{AWS_DIR "AWSLogs/" ACCT "/CloudTrail/us-east-1/2026/04/01/"
			 ACCT "_CloudTrail_us-east-1_20260401T0000Z_x.json.gz",
		 "aws.cloudtrail-logs"},
		{AWS_DIR "AWSLogs/o-abc123/" ACCT "/CloudTrail-Digest/us-east-1/"
			 "2026/04/01/x.json.gz",
		 "aws.cloudtrail-logs"},
		/* A wrong folder is recognised, so it fails loudly. */
		{"sources/aws/prod/cloudtrail-describe-trails.json", "aws.trails"},
		{AWS_DIR "iam-list-users.json", NULL},
		{AWS_DIR "cloudtrail-describe-trails.json.bak", NULL},
		{AWS_DIR "sub/cloudtrail-describe-trails.json", NULL},
		{"sources/okta/api/v1/users.json", NULL},
	};
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct importer *imp = importer_for(cases[i].path, "", 0);

		if (!cases[i].importer) {
			if (imp && strncmp(imp->name, "aws.", 4) == 0)
				fail_msg("%s: recognised by %s", cases[i].path,
					 imp->name);
			continue;
		}
		if (!imp || strcmp(imp->name, cases[i].importer) != 0)
			fail_msg("%s: want %s, got %s", cases[i].path,
				 cases[i].importer, imp ? imp->name : "none");
	}
}

static void test_folder_not_account_id(void **state)
{
	struct run r;

	(void)state;
	run_real(&r, "aws.trails", "sources/aws/prod/cloudtrail-describe-trails.json",
		 "aws-cli-examples/cloudtrail__describe-trails__example1.json");
	expect_error(&r, "", "",
		     "folder \"prod\" is not a 12-digit AWS account id "
		     "(expected sources/aws/<account-id>/...)");
	done(&r);
}

/* --- credential report ------------------------------------------------ */

static void test_credential_report_custodian_csv(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_real(&r, "aws.credential-report",
		 "sources/aws/644160558196/iam-credential-report.csv",
		 "cloud-custodian-placebo/"
		 "credential-report__c7n_test_account_credential_report.csv");
	expect_ok(&r);
	/* 21 rows, christopher twice: the last row wins. */
	assert_int_equal(count_kind(&r, "aws_credential"), 20);
	assert_true(r.out.effective == STAMP_NONE);
	f = find(&r, "aws_credential", "644160558196/<root_account>");
	expect_str(f, "system", "aws:644160558196");
	expect_str(f, "user", "<root_account>");
	expect_str(f, "arn", "arn:aws:iam::644160558196:root");
	expect_bool(f, "root", 1);
	expect_bool(f, "password_enabled", -1);
	expect_str(f, "password_last_used", "2016-10-06T15:47:11Z");
	expect_bool(f, "mfa_active", 1);
	expect_bool(f, "key1_active", 0);
	expect_str(f, "key1_last_rotated", NULL);
	expect_str(f, "created_at", "2016-05-16T18:13:11Z");
	f = find(&r, "aws_credential", "644160558196/christopher");
	expect_str(f, "password_last_used", "2016-11-21T14:42:22Z");
	expect_bool(f, "password_last_used_unknown", 0);
	expect_bool(f, "key1_active", 1);
	expect_str(f, "key1_last_used", "2016-11-21T18:44:00Z");
	f = find(&r, "aws_credential", "644160558196/jeff");
	expect_str(f, "password_last_used", NULL);
	expect_bool(f, "password_last_used_unknown", 1);
	expect_bool(f, "root", 0);
	/* region N/A with a last-used date (S3) */
	f = find(&r, "aws_credential", "644160558196/calvin");
	expect_str(f, "key1_last_used", "2016-11-15T21:36:00Z");
	f = find(&r, "aws_credential", "644160558196/kit");
	expect_bool(f, "key2_active", 1);
	expect_str(f, "key2_last_rotated", "2016-09-30T12:43:53Z");
	done(&r);
}

static void test_credential_report_inactive_key_rotated(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_real(&r, "aws.credential-report",
		 "sources/aws/619193117841/iam-credential-report.csv",
		 "cloud-custodian-placebo/"
		 "credential-report__c7n_test_iam_user_unused_keys.csv");
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_credential"), 8);
	f = find(&r, "aws_credential", "619193117841/<root_account>");
	expect_bool(f, "mfa_active", 0);
	expect_bool(f, "key1_active", 1);
	expect_str(f, "key1_last_rotated", "2011-08-19T05:12:23Z");
	expect_bool(f, "key2_active", 0);
	expect_str(f, "key2_last_rotated", "2007-10-13T16:49:50Z");
	f = find(&r, "aws_credential", "619193117841/kaleb");
	expect_bool(f, "password_last_used_unknown", 1);
	done(&r);
}

static void check_cloudmapper_rows(const struct run *r)
{
	const struct fact *f;

	assert_int_equal(count_kind(r, "aws_credential"), 3);
	f = find(r, "aws_credential", ACCT "/<root_account>");
	expect_bool(f, "root", 1);
	expect_bool(f, "mfa_active", 1);
	expect_bool(f, "key1_active", 1);
	expect_str(f, "key1_last_rotated", "2018-11-23T16:01:14Z");
	expect_str(f, "key1_last_used", "2018-11-27T00:02:00Z");
	f = find(r, "aws_credential", ACCT "/auditor_tmp");
	expect_bool(f, "password_enabled", 0);
	expect_str(f, "password_last_used", NULL);
	expect_bool(f, "password_last_used_unknown", 0);
	expect_str(f, "key1_last_used", NULL);
	f = find(r, "aws_credential", ACCT "/user");
	expect_bool(f, "key2_active", 1);
	expect_str(f, "key2_last_used", "2018-05-07T15:35:54Z");
}

static void test_credential_report_decoded_content(void **state)
{
	char when[STAMP_TEXT_SIZE];
	struct run r;

	(void)state;
	/* CloudMapper stores Content decoded. */
	run_real(&r, "aws.credential-report",
		 AWS_DIR "iam-get-credential-report.json",
		 "cloudmapper-demo/iam-get-credential-report.json");
	expect_ok(&r);
	stamp_format(r.out.effective, when);
	assert_string_equal(when, "2019-05-07T15:40:22Z");
	check_cloudmapper_rows(&r);
	done(&r);
}

static void test_credential_report_base64(void **state)
{
	char when[STAMP_TEXT_SIZE];
	struct run r;

	(void)state;
	/* The same report as the CLI prints it: Content in Base64. */
	run_own(&r, "aws.credential-report",
		AWS_DIR "iam-get-credential-report.json",
		"credential-report-base64.json");
	expect_ok(&r);
	stamp_format(r.out.effective, when);
	assert_string_equal(when, "2019-05-07T15:40:22Z");
	check_cloudmapper_rows(&r);
	done(&r);
}

static void test_credential_report_base64_of_real_csv(void **state)
{
	size_t csv_len;
	char *csv = read_real("cloud-custodian-placebo/"
			      "credential-report__c7n_test_account_credential_report.csv",
			      &csv_len);
	unsigned char *b64 = malloc(csv_len / 3 * 4 + 8);
	json_t *doc;
	char *text;
	struct run r;

	(void)state;
	assert_non_null(b64);
	EVP_EncodeBlock(b64, (const unsigned char *)csv, (int)csv_len);
	doc = json_pack("{s:s, s:s, s:s}", "Content", (char *)b64,
			"GeneratedTime", "2016-11-25T14:30:40+00:00",
			"ReportFormat", "text/csv");
	text = json_dumps(doc, JSON_INDENT(4));
	run_data(&r, "aws.credential-report",
		 "sources/aws/644160558196/iam-get-credential-report.json", text,
		 strlen(text));
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_credential"), 20);
	done(&r);
	free(text);
	json_decref(doc);
	free(b64);
	free(csv);
}

static void test_credential_report_errors(void **state)
{
	struct run r;

	(void)state;
	run_own(&r, "aws.credential-report", AWS_DIR "iam-credential-report.csv",
		"credential-report-impossible-date.csv");
	expect_error(&r, "row 3", "user_creation_time",
		     "invalid timestamp \"2019-02-30T15:35:54+00:00\"");
	assert_int_equal(r.err.line, 3);
	done(&r);

	run_own(&r, "aws.credential-report",
		AWS_DIR "iam-get-credential-report.json",
		"credential-report-bad-base64.json");
	expect_error(&r, "", "Content", "invalid Base64 at character 8");
	done(&r);

	run_own(&r, "aws.credential-report", AWS_DIR "iam-credential-report.csv",
		"credential-report-missing-column.csv");
	expect_error(&r, "header", "mfa_active",
		     "missing column (is this an IAM credential report?)");
	done(&r);

	/* The AWS CLI docs' example elides Content: not a usable report. */
	run_real(&r, "aws.credential-report",
		 AWS_DIR "iam-get-credential-report.json",
		 "aws-cli-examples/iam__get-credential-report__example1.json");
	expect_error(&r, "", "Content", "required field is missing");
	done(&r);

	run_data(&r, "aws.credential-report", AWS_DIR "iam-credential-report.csv",
		 "user,arn,user_creation_time,password_enabled,"
		 "password_last_used,mfa_active,access_key_1_active,"
		 "access_key_1_last_rotated,access_key_1_last_used_date,"
		 "access_key_2_active,access_key_2_last_rotated,"
		 "access_key_2_last_used_date\n"
		 "bob,arn:aws:iam::111122223333:user/bob,N/A,maybe,N/A,false,"
		 "false,N/A,N/A,false,N/A,N/A\n", 0);
	expect_error(&r, "row 2", "password_enabled",
		     "expected true or false, found \"maybe\"");
	done(&r);

	run_data(&r, "aws.credential-report", AWS_DIR "iam-credential-report.csv",
		 "user,arn\nb\xf6" "b,arn:aws:iam::111122223333:user/bob\n", 0);
	expect_error(&r, "row 2", "", "not valid UTF-8 text");
	assert_int_equal(r.err.line, 2);
	done(&r);
}

/* --- authorization details -------------------------------------------- */

static void test_authorization_details_cloudsplaining(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_real(&r, "aws.authorization-details",
		 "sources/aws/200611803367/iam-get-account-authorization-details.json",
		 "cloudsplaining/iam-authorization-details__example.json");
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_iam_user"), 44);
	assert_int_equal(count_kind(&r, "account"), 44);
	assert_int_equal(count_kind(&r, "aws_iam_group"), 5);
	assert_int_equal(count_kind(&r, "aws_iam_role"), 78);
	assert_int_equal(count_kind(&r, "aws_iam_policy"), 84);
	f = find(&r, "aws_iam_user", "200611803367/fn1-privesc3-partial-user");
	expect_str(f, "system", "aws:200611803367");
	expect_str(f, "arn",
		   "arn:aws:iam::200611803367:user/fn1-privesc3-partial-user");
	expect_json(f, "attached_policies",
		    "[\"arn:aws:iam::200611803367:policy/fn1-passrole-star\","
		    "\"arn:aws:iam::200611803367:policy/fn1-privesc3-partial\"]");
	expect_json(f, "groups", "[]");
	expect_json(f, "tags", "{}");
	expect_str(f, "created_at", "2023-03-09T10:41:45Z");
	f = find(&r, "account", "aws:200611803367/fn1-privesc3-partial-user");
	expect_str(f, "system", "aws:200611803367");
	expect_str(f, "account", "fn1-privesc3-partial-user");
	expect_str(f, "kind", "user");
	expect_str(f, "email", NULL);
	expect_bool(f, "active", 1);
	expect_bool(f, "mfa", -1);
	expect_str(f, "id", "AIDAS5NLFGDTUMT22VJQ2");
	assert_null(json_object_get(f->data, "last_login_at"));
	f = find(&r, "aws_iam_policy",
		 "200611803367/arn:aws:iam::200611803367:policy/"
		 "privesc8-AttachGroupPolicy");
	expect_str(f, "name", "privesc8-AttachGroupPolicy");
	assert_true(json_is_array(json_object_get(
		json_object_get(f->data, "document"), "Statement")));
	done(&r);
}

static void test_authorization_details_cli_example(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_real(&r, "aws.authorization-details",
		 "sources/aws/123456789012/iam-get-account-authorization-details.json",
		 "aws-cli-examples/iam__get-account-authorization-details__example1.json");
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_iam_user"), 3);
	assert_int_equal(count_kind(&r, "aws_iam_group"), 3);
	assert_int_equal(count_kind(&r, "aws_iam_role"), 1);
	assert_int_equal(count_kind(&r, "aws_iam_policy"), 3);
	/* AttachedManagedPolicies is an object in the docs' example. */
	f = find(&r, "aws_iam_group", "123456789012/Admins");
	expect_json(f, "attached_policies",
		    "[\"arn:aws:iam::aws:policy/AdministratorAccess\"]");
	f = find(&r, "aws_iam_user", "123456789012/Alice");
	expect_json(f, "groups", "[\"Admins\"]");
	expect_str(f, "created_at", "2013-10-14T18:32:24Z");
	f = find(&r, "aws_iam_role", "123456789012/EC2role");
	expect_str(f, "last_used_at", "2019-11-13T17:30:00Z");
	f = find(&r, "aws_iam_policy",
		 "123456789012/arn:aws:iam::123456789012:policy/"
		 "create-update-delete-set-managed-policies");
	/* Statement was an object: now a one-element array, Action kept. */
	expect_json(f, "document",
		    "{\"Statement\":[{\"Action\":[\"iam:CreatePolicy\","
		    "\"iam:CreatePolicyVersion\",\"iam:DeletePolicy\","
		    "\"iam:DeletePolicyVersion\",\"iam:GetPolicy\","
		    "\"iam:GetPolicyVersion\",\"iam:ListPolicies\","
		    "\"iam:ListPolicyVersions\",\"iam:SetDefaultPolicyVersion\"],"
		    "\"Effect\":\"Allow\",\"Resource\":\"*\"}],"
		    "\"Version\":\"2012-10-17\"}");
	done(&r);
}

static void test_authorization_details_cloudmapper(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_real(&r, "aws.authorization-details",
		 AWS_DIR "iam-get-account-authorization-details.json",
		 "cloudmapper-demo/iam-get-account-authorization-details.json");
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_iam_user"), 2);
	assert_int_equal(count_kind(&r, "aws_iam_group"), 1);
	assert_int_equal(count_kind(&r, "aws_iam_role"), 4);
	assert_int_equal(count_kind(&r, "aws_iam_policy"), 2);
	f = find(&r, "aws_iam_user", ACCT "/USER");
	expect_json(f, "groups", "[\"GROUP_WITH_BAD_INLINE_POLICY\"]");
	f = find(&r, "aws_iam_role", ACCT "/exfiller");
	expect_str(f, "last_used_at", NULL);
	done(&r);
}

static void test_authorization_details_email_tag(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_own(&r, "aws.authorization-details",
		AWS_DIR "iam-get-account-authorization-details.json",
		"authorization-details-email-tag.json");
	expect_ok(&r);
	f = find(&r, "account", "aws:" ACCT "/c.ramirez");
	expect_str(f, "email", "c.ramirez@acme-health.example");
	expect_str(f, "created_at", "2025-01-15T09:30:00Z");
	expect_json(f, "tags",
		    "{\"email\":\"C.Ramirez@Acme-Health.example\","
		    "\"team\":\"platform\"}");
	f = find(&r, "aws_iam_user", ACCT "/c.ramirez");
	expect_json(f, "inline_policies",
		    "[{\"Statement\":[{\"Action\":\"s3:GetObject\","
		    "\"Effect\":\"Allow\",\"Resource\":\"*\"}],"
		    "\"Version\":\"2012-10-17\"}]");
	expect_json(f, "attached_policies",
		    "[\"arn:aws:iam::aws:policy/ReadOnlyAccess\"]");
	done(&r);
}

static void test_authorization_details_errors(void **state)
{
	struct run r;

	(void)state;
	run_own(&r, "aws.authorization-details",
		AWS_DIR "iam-get-account-authorization-details.json",
		"authorization-details-truncated.json");
	expect_error(&r, "", "",
		     "invalid JSON: premature end of input near '\"Policie'");
	assert_int_equal(r.err.line, 18);
	assert_int_equal(r.err.column, 12);
	done(&r);

	run_own(&r, "aws.authorization-details",
		AWS_DIR "iam-get-account-authorization-details.json",
		"authorization-details-users-not-array.json");
	expect_error(&r, "", "UserDetailList",
		     "expected an array, found an object");
	done(&r);

	run_data(&r, "aws.authorization-details",
		 AWS_DIR "iam-get-account-authorization-details.json",
		 "{\"UserDetailList\": [{\"UserName\": \"a\", "
		 "\"CreateDate\": \"2023-13-01T00:00:00Z\"}]}", 0);
	expect_error(&r, "UserDetailList[0]", "CreateDate",
		     "invalid timestamp \"2023-13-01T00:00:00Z\"");
	done(&r);

	run_data(&r, "aws.authorization-details",
		 AWS_DIR "iam-get-account-authorization-details.json",
		 "{\"Policies\": [{\"Arn\": \"a\", \"PolicyVersionList\": "
		 "[{\"VersionId\": \"v1\", \"IsDefaultVersion\": true}]}]}", 0);
	expect_error(&r, "Policies[0].PolicyVersionList[0]", "Document",
		     "required field is missing");
	done(&r);

	run_data(&r, "aws.authorization-details",
		 AWS_DIR "iam-get-account-authorization-details.json",
		 "{\"Users\": []}", 0);
	expect_error(&r, "", "",
		     "none of UserDetailList, GroupDetailList, RoleDetailList, "
		     "Policies: not the output of aws iam "
		     "get-account-authorization-details");
	done(&r);
}

/* --- CloudTrail configuration ----------------------------------------- */

static void test_trails_cli_example(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_real(&r, "aws.trails", "sources/aws/123456789012/cloudtrail-describe-trails.json",
		 "aws-cli-examples/cloudtrail__describe-trails__example1.json");
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_trail"), 2);
	f = find(&r, "aws_trail", "123456789012/arn:aws:cloudtrail:us-east-1:"
		 "123456789012:trail/Trail1");
	expect_str(f, "name", "Trail1");
	expect_str(f, "home_region", "us-east-1");
	expect_bool(f, "multi_region", 0);
	expect_bool(f, "log_file_validation", 0);
	expect_str(f, "log_group_arn",
		   "arn:aws:logs:us-east-1:123456789012:log-group:CloudTrail:*");
	expect_str(f, "log_group", "CloudTrail");
	expect_str(f, "s3_bucket", "amzn-s3-demo-bucket");
	expect_bool(f, "organization_trail", 0);
	f = find(&r, "aws_trail", "123456789012/arn:aws:cloudtrail:us-east-1:"
		 "123456789012:trail/Trail2");
	expect_str(f, "log_group_arn", NULL);
	expect_str(f, "log_group", NULL);
	done(&r);

	run_real(&r, "aws.trails", AWS_DIR "cloudtrail-describe-trails.json",
		 "cloudmapper-demo/cloudtrail-describe-trails.json");
	expect_ok(&r);
	f = find(&r, "aws_trail", ACCT "/arn:aws:cloudtrail:us-east-1:"
		 "123456789012:trail/cloudtrail");
	expect_bool(f, "organization_trail", 1);
	expect_bool(f, "log_file_validation", 1);
	done(&r);

	run_placebo(&r, "aws.trails", AWS_DIR "cloudtrail-describe-trails.json",
		    "cloud-custodian-placebo/"
		    "test_cloudtrail_fail_log_metric_filter__cloudtrail.DescribeTrails_1.json");
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_trail"), 1);
	expect_str(&r.out.facts.items[0], "log_group", "cloudtrail-test-group");
	done(&r);
}

static void test_trails_shadow_and_errors(void **state)
{
	struct run r;

	(void)state;
	run_own(&r, "aws.trails", AWS_DIR "cloudtrail-describe-trails.json",
		"describe-trails-shadow.json");
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_trail"), 2);
	expect_bool(&r.out.facts.items[0], "multi_region", 1);
	done(&r);

	run_own(&r, "aws.trails", AWS_DIR "cloudtrail-describe-trails.json",
		"describe-trails-list-not-array.json");
	expect_error(&r, "", "trailList", "expected an array, found an object");
	done(&r);

	run_data(&r, "aws.trails", AWS_DIR "cloudtrail-describe-trails.json",
		 "{\"trailList\": [{\"Name\": \"t\"}]}", 0);
	expect_error(&r, "trailList[0]", "TrailARN", "required field is missing");
	done(&r);

	run_data(&r, "aws.trails", AWS_DIR "cloudtrail-describe-trails.json",
		 "{\"trailList\": [", 0);
	expect_error(&r, "", "", "invalid JSON: ']' expected near end of file");
	assert_int_equal(r.err.line, 1);
	done(&r);
}

static void test_trail_status(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	/* CLI v1: epoch-second numbers. */
	run_real(&r, "aws.trail-status",
		 AWS_DIR "cloudtrail-get-trail-status-Trail1.json",
		 "aws-cli-examples/cloudtrail__get-trail-status__example1.json");
	expect_ok(&r);
	f = find(&r, "aws_trail_status", ACCT "/Trail1");
	expect_str(f, "system", "aws:" ACCT);
	expect_str(f, "trail", "Trail1");
	expect_bool(f, "is_logging", 1);
	expect_str(f, "latest_delivery_at", "2016-01-28T23:02:24Z");
	expect_str(f, "latest_delivery_error", NULL);
	done(&r);

	/* CLI v2: ISO strings. */
	run_own(&r, "aws.trail-status",
		AWS_DIR "cloudtrail-get-trail-status-org.trail_1.json",
		"trail-status-cli-v2.json");
	expect_ok(&r);
	f = find(&r, "aws_trail_status", ACCT "/org.trail_1");
	expect_str(f, "latest_delivery_at", "2016-01-28T23:02:24Z");
	expect_str(f, "latest_delivery_error", "AccessDenied");
	done(&r);

	run_own(&r, "aws.trail-status",
		AWS_DIR "cloudtrail-get-trail-status-new.json",
		"trail-status-never-delivered.json");
	expect_ok(&r);
	f = find(&r, "aws_trail_status", ACCT "/new");
	expect_bool(f, "is_logging", 0);
	expect_str(f, "latest_delivery_at", NULL);
	done(&r);

	run_own(&r, "aws.trail-status",
		AWS_DIR "cloudtrail-get-trail-status-Trail1.json",
		"trail-status-no-islogging.json");
	expect_error(&r, "", "IsLogging", "required field is missing");
	done(&r);

	run_data(&r, "aws.trail-status",
		 AWS_DIR "cloudtrail-get-trail-status-Trail1.json",
		 "{\"IsLogging\": true, \"LatestDeliveryTime\": \"yesterday\"}", 0);
	expect_error(&r, "", "LatestDeliveryTime",
		     "invalid timestamp \"yesterday\"");
	done(&r);
}

/* --- CloudWatch ------------------------------------------------------- */

static void test_metric_filters(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_placebo(&r, "aws.metric-filters",
		    AWS_DIR "logs-describe-metric-filters.json",
		    "cloud-custodian-placebo/"
		    "test_cloudtrail_success_log_metric_filter__logs.DescribeMetricFilters_1.json");
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_metric_filter"), 1);
	f = find(&r, "aws_metric_filter",
		 ACCT "/cloudtrail-test-group20221122165720932700000003/"
		 "test-filter-name-40313");
	expect_str(f, "log_group", "cloudtrail-test-group20221122165720932700000003");
	expect_str(f, "name", "test-filter-name-40313");
	expect_str(f, "pattern", "{ ($.eventName = ConsoleLogin) && "
		   "($.additionalEventData.MFAUsed != Yes) }");
	expect_json(f, "metrics", "[{\"name\":\"no_mfa_console_signin_metric_1\","
		    "\"namespace\":\"ImportantMetrics\"}]");
	done(&r);

	run_data(&r, "aws.metric-filters", AWS_DIR "logs-describe-metric-filters.json",
		 "{\"metricFilters\": [{\"filterName\": \"f\", \"logGroupName\": "
		 "\"g\", \"metricTransformations\": [{\"metricValue\": \"1\"}]}]}",
		 0);
	expect_error(&r, "metricFilters[0].metricTransformations[0]", "metricName",
		     "required field is missing");
	done(&r);
}

static void test_alarms(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_real(&r, "aws.alarms", AWS_DIR "cloudwatch-describe-alarms.json",
		 "aws-cli-examples/cloudwatch__describe-alarms__example1.json");
	expect_ok(&r);
	f = find(&r, "aws_alarm", ACCT "/myalarm");
	expect_str(f, "metric_name", "CPUUtilization");
	expect_str(f, "namespace", "AWS/EC2");
	expect_bool(f, "actions_enabled", 1);
	expect_json(f, "alarm_actions",
		    "[\"arn:aws:sns:us-east-1:123456789012:myHighCpuAlarm\"]");
	done(&r);

	run_own(&r, "aws.alarms", AWS_DIR "cloudwatch-describe-alarms.json",
		"describe-alarms-metric-math.json");
	expect_ok(&r);
	f = find(&r, "aws_alarm", ACCT "/cis-unauthorized-api-calls-math");
	expect_str(f, "metric_name", NULL);
	expect_str(f, "namespace", NULL);
	expect_json(f, "metrics", "[{\"name\":\"UnauthorizedAPICalls\","
		    "\"namespace\":\"CISBenchmark\"}]");
	done(&r);

	/* describe-alarms-for-metric prints the same MetricAlarms shape. */
	run_placebo(&r, "aws.alarms", AWS_DIR "cloudwatch-describe-alarms.json",
		    "cloud-custodian-placebo/"
		    "test_cloudtrail_success_log_metric_filter__monitoring.DescribeAlarmsForMetric_1.json");
	expect_ok(&r);
	f = find(&r, "aws_alarm", ACCT "/NoMFAConsoleLoginAlarm_40313");
	expect_str(f, "metric_name", "no_mfa_console_signin_metric_1");
	done(&r);

	run_data(&r, "aws.alarms", AWS_DIR "cloudwatch-describe-alarms.json",
		 "{\"MetricAlarms\": [{\"AlarmName\": \"a\", "
		 "\"AlarmActions\": [1]}]}", 0);
	expect_error(&r, "MetricAlarms[0]", "AlarmActions[0]",
		     "expected a string, found a number");
	done(&r);
}

static void test_log_groups(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	run_real(&r, "aws.log-groups", AWS_DIR "logs-describe-log-groups.json",
		 "aws-cli-examples/logs__describe-log-groups__example1.json");
	expect_ok(&r);
	f = find(&r, "aws_log_group", ACCT "/my-logs");
	expect_str(f, "arn", "arn:aws:logs:us-west-2:0123456789012:log-group:my-logs:*");
	assert_int_equal(fact_int(f, "retention_days", -1), 5);
	done(&r);

	run_placebo(&r, "aws.log-groups", AWS_DIR "logs-describe-log-groups.json",
		    "cloud-custodian-placebo/"
		    "test_log_group_retention__logs.DescribeLogGroups_1.json");
	expect_ok(&r);
	assert_int_equal(count_kind(&r, "aws_log_group"), 3);
	f = find(&r, "aws_log_group", ACCT "//aws/lambda/ec2-instance-type");
	assert_true(json_is_null(json_object_get(f->data, "retention_days")));
	done(&r);

	run_data(&r, "aws.log-groups", AWS_DIR "logs-describe-log-groups.json",
		 "{\"logGroups\": [{\"logGroupName\": \"g\", "
		 "\"retentionInDays\": \"30\"}]}", 0);
	expect_error(&r, "logGroups[0]", "retentionInDays",
		     "expected a whole number, found a string");
	done(&r);
}

/* --- S3 lifecycle ----------------------------------------------------- */

#define LIFECYCLE AWS_DIR "s3api-get-bucket-lifecycle-configuration-"

static void test_bucket_lifecycle(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	/* Legacy rule-level Prefix, transitions only. */
	run_real(&r, "aws.bucket-lifecycle", LIFECYCLE "logs.example.com.json",
		 "aws-cli-examples/s3api__get-bucket-lifecycle-configuration__example1.json");
	expect_ok(&r);
	f = find(&r, "aws_bucket_lifecycle", ACCT "/logs.example.com");
	expect_str(f, "bucket", "logs.example.com");
	expect_bool(f, "configured", 1);
	expect_str(f, "expiration_days", NULL);
	done(&r);

	/* Filter.Prefix: expiration of part of the bucket only. */
	run_placebo(&r, "aws.bucket-lifecycle", LIFECYCLE "bedrock.json",
		    "cloud-custodian-placebo/"
		    "bedrock_evaluation_job_output_bucket__s3.GetBucketLifecycleConfiguration_1.json");
	expect_ok(&r);
	f = find(&r, "aws_bucket_lifecycle", ACCT "/bedrock");
	expect_bool(f, "configured", 1);
	expect_str(f, "expiration_days", NULL);
	done(&r);

	run_own(&r, "aws.bucket-lifecycle", LIFECYCLE "audit.json",
		"lifecycle-whole-bucket.json");
	expect_ok(&r);
	assert_int_equal(fact_int(find(&r, "aws_bucket_lifecycle", ACCT "/audit"),
				  "expiration_days", -1), 365);
	done(&r);
}

static void test_bucket_lifecycle_none(void **state)
{
	const struct fact *f;
	struct run r;

	(void)state;
	/* The error body of the real NoSuchLifecycleConfiguration response. */
	run_placebo(&r, "aws.bucket-lifecycle", LIFECYCLE "c7n.json",
		    "cloud-custodian-placebo/"
		    "test_s3_lifecycle__s3.GetBucketLifecycleConfiguration_1.json");
	expect_ok(&r);
	f = find(&r, "aws_bucket_lifecycle", ACCT "/c7n");
	expect_bool(f, "configured", 0);
	expect_str(f, "expiration_days", NULL);
	done(&r);

	run_own(&r, "aws.bucket-lifecycle", LIFECYCLE "c7n.json",
		"lifecycle-error-body.json");
	expect_ok(&r);
	expect_bool(find(&r, "aws_bucket_lifecycle", ACCT "/c7n"), "configured", 0);
	done(&r);

	/* What `aws s3api ... > file 2>&1` saves. */
	run_own(&r, "aws.bucket-lifecycle", LIFECYCLE "c7n.json",
		"lifecycle-cli-error.txt");
	expect_ok(&r);
	expect_bool(find(&r, "aws_bucket_lifecycle", ACCT "/c7n"), "configured", 0);
	done(&r);

	run_own(&r, "aws.bucket-lifecycle", LIFECYCLE "c7n.json",
		"lifecycle-access-denied.txt");
	expect_error(&r, "", "", "the export failed with AWS error AccessDenied; "
		     "run it again");
	done(&r);

	run_data(&r, "aws.bucket-lifecycle", LIFECYCLE "c7n.json", "\n", 1);
	expect_error(&r, "", "", "empty file; when the bucket has no lifecycle "
		     "the AWS CLI prints the error on stderr: save it with 2>&1");
	done(&r);

	run_data(&r, "aws.bucket-lifecycle", LIFECYCLE "c7n.json",
		 "{\"Rules\": [{\"ID\": \"x\", \"Expiration\": {\"Days\": 3}}]}", 0);
	expect_error(&r, "Rules[0]", "Status", "required field is missing");
	done(&r);
}

/* --- CloudTrail log files --------------------------------------------- */

#define INVICTUS "invictus-ir-aws-dataset/s3-layout/AWSLogs/218007301253/" \
	"CloudTrail/us-east-1/2023/07/10/"
#define INVICTUS_FILE "218007301253_CloudTrail_us-east-1_20230710T1145Z_" \
	"7xgocspSowgK0Gto.json.gz"

static void test_cloudtrail_logs(void **state)
{
	char when[STAMP_TEXT_SIZE];
	const struct fact *f;
	struct run r;

	(void)state;
	run_real(&r, "aws.cloudtrail-logs",
		 "sources/aws/218007301253/AWSLogs/218007301253/CloudTrail/"
		 "us-east-1/2023/07/10/" INVICTUS_FILE,
		 INVICTUS INVICTUS_FILE);
	expect_ok(&r);
	assert_int_equal(r.out.facts.count, 1);
	f = find(&r, "cloudtrail_delivery", "218007301253/us-east-1/2023-07-10");
	expect_str(f, "system", "aws:218007301253");
	expect_str(f, "account", "218007301253");
	expect_str(f, "region", "us-east-1");
	expect_str(f, "date", "2023-07-10");
	assert_int_equal(fact_int(f, "files", 0), 1);
	stamp_format(r.out.effective, when);
	assert_string_equal(when, "2023-07-10T11:45:00Z");
	done(&r);

	/* Organization trail, uncompressed JSON as the publisher stored it,
	 * in a central log bucket: the fact is about the member account. */
	run_real(&r, "aws.cloudtrail-logs",
		 "sources/aws/999988887777/logs/AWSLogs/o-a1b2c3d4e5/"
		 "218007301253/CloudTrail/eu-west-1/2023/07/11/events.json",
		 "invictus-ir-aws-dataset/CloudTrail/218007301253_CloudTrail_"
		 "us-east-1_20230710T1150Z_1vnLavRRp0ek1mP4.json");
	expect_ok(&r);
	f = find(&r, "cloudtrail_delivery", "218007301253/eu-west-1/2023-07-11");
	expect_str(f, "system", "aws:218007301253");
	stamp_format(r.out.effective, when);
	assert_string_equal(when, "2023-07-11T00:00:00Z");
	done(&r);

	run_real(&r, "aws.cloudtrail-logs",
		 "sources/aws/218007301253/AWSLogs/218007301253/CloudTrail-Digest/"
		 "us-east-1/2023/07/10/" INVICTUS_FILE,
		 INVICTUS INVICTUS_FILE);
	expect_ok(&r);
	assert_int_equal(r.out.facts.count, 0);
	done(&r);
}

static void test_cloudtrail_logs_errors(void **state)
{
	struct run r;

	(void)state;
	run_own(&r, "aws.cloudtrail-logs",
		AWS_DIR "AWSLogs/" ACCT "/CloudTrail/us-east-1/2023/07/10/x.json.gz",
		"cloudtrail-not-a-log.json.gz");
	expect_error(&r, "", "", "not a CloudTrail log file: expected gzip or "
		     "JSON content");
	done(&r);

	run_data(&r, "aws.cloudtrail-logs",
		 AWS_DIR "AWSLogs/" ACCT "/CloudTrail/us-east-1/2023/02/30/x.json",
		 "{}", 2);
	expect_error(&r, "", "", "invalid date folders (expected "
		     "AWSLogs/<account-id>/CloudTrail/<region>/YYYY/MM/DD/"
		     "<file>.json.gz)");
	done(&r);

	run_data(&r, "aws.cloudtrail-logs",
		 AWS_DIR "AWSLogs/acme/CloudTrail/us-east-1/2023/07/10/x.json",
		 "{}", 2);
	expect_error(&r, "", "", "no 12-digit account id after AWSLogs/ (expected "
		     "AWSLogs/<account-id>/CloudTrail/<region>/YYYY/MM/DD/"
		     "<file>.json.gz)");
	done(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recognition),
		cmocka_unit_test(test_folder_not_account_id),
		cmocka_unit_test(test_credential_report_custodian_csv),
		cmocka_unit_test(test_credential_report_inactive_key_rotated),
		cmocka_unit_test(test_credential_report_decoded_content),
		cmocka_unit_test(test_credential_report_base64),
		cmocka_unit_test(test_credential_report_base64_of_real_csv),
		cmocka_unit_test(test_credential_report_errors),
		cmocka_unit_test(test_authorization_details_cloudsplaining),
		cmocka_unit_test(test_authorization_details_cli_example),
		cmocka_unit_test(test_authorization_details_cloudmapper),
		cmocka_unit_test(test_authorization_details_email_tag),
		cmocka_unit_test(test_authorization_details_errors),
		cmocka_unit_test(test_trails_cli_example),
		cmocka_unit_test(test_trails_shadow_and_errors),
		cmocka_unit_test(test_trail_status),
		cmocka_unit_test(test_metric_filters),
		cmocka_unit_test(test_alarms),
		cmocka_unit_test(test_log_groups),
		cmocka_unit_test(test_bucket_lifecycle),
		cmocka_unit_test(test_bucket_lifecycle_none),
		cmocka_unit_test(test_cloudtrail_logs),
		cmocka_unit_test(test_cloudtrail_logs_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
