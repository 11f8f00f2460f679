/*
 * demo_cloudtrail.c - the demo company's CloudTrail deliveries: one gzip'd
 * {"Records":[...]} file per day of the audit window, in the S3 key layout,
 * mostly routine read-only calls, with planted security events (root
 * sign-in, a burst of failed console logins, console sign-in without MFA,
 * logging stopped, a security-group change, denied calls by a leaver's key)
 * and a three-day delivery gap.  Record shapes follow the AWS examples in
 * shared/fixtures/real/aws-docs-cloudtrail-examples.
 */
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "demo/demo.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/timeutil.h"

#define ACCOUNT "111122223333"
#define REGION "us-east-1"

struct day_log {
	struct buf json;
	int records;
	int y, m, d;
};

/* Event ids are fixed so tickets can name them: YYYYMMDD-NNNN-4000-8000-0. */
static void add_record(struct day_log *log, int hh, int mm, int ss,
		       const char *identity, const char *source, const char *name,
		       const char *ip, const char *extra)
{
	buf_printf(&log->json,
		   "%s{\"eventVersion\":\"1.09\",\"userIdentity\":%s,"
		   "\"eventTime\":\"%04d-%02d-%02dT%02d:%02d:%02dZ\","
		   "\"eventSource\":\"%s\",\"eventName\":\"%s\",\"awsRegion\":\"" REGION "\","
		   "\"sourceIPAddress\":\"%s\",\"userAgent\":\"aws-cli/2.15.30 Python/3.11.8 Linux/6.1\","
		   "%s\"eventID\":\"%04d%02d%02d-%04d-4000-8000-000000000000\","
		   "\"eventType\":\"%s\",\"managementEvent\":true,\"recipientAccountId\":\"" ACCOUNT "\","
		   "\"eventCategory\":\"Management\"}",
		   log->records ? "," : "", identity, log->y, log->m, log->d, hh, mm, ss,
		   source, name, ip, extra, log->y, log->m, log->d, log->records,
		   strcmp(name, "ConsoleLogin") == 0 ? "AwsConsoleSignIn" : "AwsApiCall");
	log->records++;
}

#define IAM_USER(u)                                                                   \
	"{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE" u "\",\"arn\":\"arn:aws:iam::" ACCOUNT \
	":user/" u "\",\"accountId\":\"" ACCOUNT "\",\"accessKeyId\":\"AKIAEXAMPLE" u "\",\"userName\":\"" u "\"}"
#define ROLE_SESSION                                                                  \
	"{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLEAPITASK01:ecs-task\",\"arn\":\"arn:aws:sts::" ACCOUNT \
	":assumed-role/api-task-role/ecs-task\",\"accountId\":\"" ACCOUNT "\",\"accessKeyId\":\"ASIAEXAMPLETASK\","     \
	"\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":\"AROAEXAMPLEAPITASK01\","        \
	"\"arn\":\"arn:aws:iam::" ACCOUNT ":role/api-task-role\",\"accountId\":\"" ACCOUNT "\",\"userName\":\"api-task-role\"}," \
	"\"attributes\":{\"creationDate\":\"2026-04-01T00:00:00Z\",\"mfaAuthenticated\":\"false\"}}}"
#define ROOT                                                                          \
	"{\"type\":\"Root\",\"principalId\":\"" ACCOUNT "\",\"arn\":\"arn:aws:iam::" ACCOUNT ":root\"," \
	"\"accountId\":\"" ACCOUNT "\",\"accessKeyId\":\"\"}"
/* IAM-user console failures carry no arn (AWS documentation example). */
#define FAILED_USER(u)                                                                \
	"{\"type\":\"IAMUser\",\"principalId\":\"AIDAEXAMPLE" u "\",\"accountId\":\"" ACCOUNT "\"," \
	"\"accessKeyId\":\"\",\"userName\":\"" u "\"}"

static void routine_day(struct day_log *log)
{
	add_record(log, 1, 5, 12, ROLE_SESSION, "ecs.amazonaws.com", "DescribeServices",
		   "10.0.12.34", "\"requestParameters\":{\"cluster\":\"acme-prod\",\"services\":[\"acme-api\"]},\"responseElements\":null,\"readOnly\":true,");
	add_record(log, 4, 10, 0, IAM_USER("deploy-bot"), "ecr.amazonaws.com", "GetAuthorizationToken",
		   "203.0.113.10", "\"requestParameters\":{},\"responseElements\":null,\"readOnly\":true,");
	add_record(log, 9, 15, 42, IAM_USER("alice.nguyen"), "signin.amazonaws.com", "ConsoleLogin",
		   "198.51.100.7",
		   "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
		   "\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\",\"MFAUsed\":\"Yes\"},");
	add_record(log, 9, 20, 3, IAM_USER("alice.nguyen"), "cloudtrail.amazonaws.com", "LookupEvents",
		   "198.51.100.7", "\"requestParameters\":{\"maxResults\":50},\"responseElements\":null,\"readOnly\":true,");
	add_record(log, 16, 40, 0, IAM_USER("terraform"), "ec2.amazonaws.com", "DescribeSecurityGroups",
		   "203.0.113.11", "\"requestParameters\":{\"securityGroupSet\":{}},\"responseElements\":null,\"readOnly\":true,");
}

static void planted_events(struct day_log *log, const char *date)
{
	if (strcmp(date, "2026-05-20") == 0)
		add_record(log, 14, 2, 11, ROOT, "signin.amazonaws.com", "ConsoleLogin", "198.51.100.24",
			   "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
			   "\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/billing/home\",\"MobileVersion\":\"No\",\"MFAUsed\":\"YES\"},");
	if (strcmp(date, "2026-06-20") == 0)
		for (int i = 0; i < 6; i++)
			add_record(log, 22, 1 + i / 2, 10 + 20 * (i % 2), FAILED_USER("c.ramirez"),
				   "signin.amazonaws.com", "ConsoleLogin", "192.0.2.77",
				   "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Failure\"},"
				   "\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"},"
				   "\"errorMessage\":\"Failed authentication\",");
	if (strcmp(date, "2026-07-01") == 0)
		add_record(log, 11, 30, 0, IAM_USER("terraform"), "ec2.amazonaws.com",
			   "AuthorizeSecurityGroupIngress", "203.0.113.11",
			   "\"requestParameters\":{\"groupId\":\"sg-0a1b2c3d4e5f67890\",\"ipPermissions\":{\"items\":[{\"ipProtocol\":\"tcp\",\"fromPort\":5432,\"toPort\":5432,\"ipRanges\":{\"items\":[{\"cidrIp\":\"0.0.0.0/0\"}]}}]}},\"responseElements\":{\"_return\":true},\"readOnly\":false,");
	if (strcmp(date, "2026-08-02") == 0) {
		add_record(log, 21, 14, 5, IAM_USER("raj.patel"), "cloudtrail.amazonaws.com", "StopLogging",
			   "198.51.100.31",
			   "\"requestParameters\":{\"name\":\"arn:aws:cloudtrail:us-east-1:" ACCOUNT ":trail/acme-org-trail\"},\"responseElements\":null,\"readOnly\":false,");
		add_record(log, 21, 52, 40, IAM_USER("raj.patel"), "cloudtrail.amazonaws.com", "StartLogging",
			   "198.51.100.31",
			   "\"requestParameters\":{\"name\":\"arn:aws:cloudtrail:us-east-1:" ACCOUNT ":trail/acme-org-trail\"},\"responseElements\":null,\"readOnly\":false,");
	}
	if (strcmp(date, "2026-09-10") == 0)
		add_record(log, 8, 3, 19, IAM_USER("bob.martin"), "signin.amazonaws.com", "ConsoleLogin",
			   "198.51.100.9",
			   "\"requestParameters\":null,\"responseElements\":{\"ConsoleLogin\":\"Success\"},"
			   "\"additionalEventData\":{\"LoginTo\":\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":\"No\",\"MFAUsed\":\"No\"},");
	if (strcmp(date, "2026-09-28") == 0)
		add_record(log, 22, 14, 2, IAM_USER("c.ramirez"), "s3.amazonaws.com", "ListBuckets",
			   "192.0.2.77",
			   "\"requestParameters\":{\"Host\":\"s3.amazonaws.com\"},\"responseElements\":null,"
			   "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"Access Denied\",\"readOnly\":true,");
}

/* gzip with a zero mtime and no file name, so the bytes never change. */
static int write_gzip(const char *path, const struct buf *json, struct error *err)
{
	z_stream z;
	struct buf out = BUF_INIT;
	int rc;

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return error_set(err, ERR_NOMEM, "zlib: cannot initialise");
	if (buf_grow(&out, deflateBound(&z, json->len) + 32)) {
		deflateEnd(&z);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	z.next_in = (Bytef *)json->data;
	z.avail_in = (uInt)json->len;
	z.next_out = (Bytef *)out.data;
	z.avail_out = (uInt)(out.cap - 1);
	rc = deflate(&z, Z_FINISH);
	out.len = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		buf_release(&out);
		return error_set(err, ERR_IO, "zlib: compression failed");
	}
	rc = fs_write_atomic(path, out.data, out.len, err);
	buf_release(&out);
	return rc;
}

int demo_write_cloudtrail(const char *dir, struct error *err)
{
	day_t first, last, gap_first, gap_last;
	int rc = 0;

	date_parse("2026-04-01", &first);
	date_parse("2026-09-30", &last);
	date_parse("2026-07-14", &gap_first);
	date_parse("2026-07-16", &gap_last);
	for (day_t d = first; d <= last && !rc; d++) {
		struct day_log log;
		char date[DATE_TEXT_SIZE], folder[2048], path[2300];

		if (d >= gap_first && d <= gap_last)
			continue; /* planted: three days without delivery */
		memset(&log, 0, sizeof(log));
		buf_init(&log.json, 0);
		civil_from_days(d, &log.y, &log.m, &log.d);
		date_format(d, date);
		buf_adds(&log.json, "{\"Records\":[");
		routine_day(&log);
		planted_events(&log, date);
		buf_adds(&log.json, "]}");
		snprintf(folder, sizeof(folder),
			 "%s/sources/aws/" ACCOUNT "/AWSLogs/" ACCOUNT "/CloudTrail/" REGION "/%04d/%02d/%02d",
			 dir, log.y, log.m, log.d);
		snprintf(path, sizeof(path), "%s/" ACCOUNT "_CloudTrail_" REGION "_%04d%02d%02dT2355Z_demo%04d%02d%02d0000.json.gz",
			 folder, log.y, log.m, log.d, log.y, log.m, log.d);
		rc = fs_mkdir_p(folder, false, err);
		if (!rc)
			rc = write_gzip(path, &log.json, err);
		buf_release(&log.json);
	}
	return rc;
}
