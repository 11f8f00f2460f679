/*
 * gen-cloudtrail.c - synthetic CloudTrail in the S3 delivery layout, for
 * benchmarking `attest detect` (bench/detect.sh).
 *
 *   gen-cloudtrail OUTDIR SIZE_MB [SEED]
 *
 * Writes OUTDIR/AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/
 * <acct>_CloudTrail_<region>_<stamp>_<16 chars>.json.gz files of ~4 MB
 * uncompressed ({"Records":[...]}, gzip), SIZE_MB of JSON in total, and
 * OUTDIR/ground-truth.json with the number of alerts each built-in rule
 * must raise.  The mix is dominated by read-only Describe/Get/List calls
 * from IAMUser, AssumedRole and AWSService principals (~1.5 KB a record
 * with requestParameters, responseElements, tlsDetails...); every CIS rule
 * gets planted events, and failed console sign-in bursts (6 in 4 minutes:
 * one threshold alert) and near misses (4 in 4 minutes, 5 spread over 6
 * minutes: none) test the threshold rule.  Background events are chosen so
 * that they never match a rule.  Deterministic for a given SEED.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libdeflate.h>

#define ACCT "111122223333"
#define REGION "us-east-1"
#define FILE_TARGET (4u << 20)

static uint64_t rng_state = 88172645463325252ull;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static unsigned pick(unsigned n)
{
	return (unsigned)(rnd() % n);
}

struct out {
	char *data;
	size_t len, cap;
};

static void put(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(o->data + o->len, o->cap - o->len, fmt, ap);
		va_end(ap);
		if (n >= 0 && (size_t)n < o->cap - o->len) {
			o->len += (size_t)n;
			return;
		}
		o->cap = o->cap * 2 + (size_t)n + 1024;
		o->data = realloc(o->data, o->cap);
		if (!o->data) {
			perror("realloc");
			exit(2);
		}
	}
}

/* Background: read-mostly calls that no rule matches. */
static const struct {
	const char *source, *name;
	int read_only;
} background[] = {
	{"ec2.amazonaws.com", "DescribeInstances", 1},
	{"ec2.amazonaws.com", "DescribeSecurityGroups", 1},
	{"ec2.amazonaws.com", "DescribeVpcs", 1},
	{"ec2.amazonaws.com", "DescribeRouteTables", 1},
	{"ec2.amazonaws.com", "DescribeNetworkAcls", 1},
	{"ec2.amazonaws.com", "DescribeVolumes", 1},
	{"s3.amazonaws.com", "GetBucketAcl", 1},
	{"s3.amazonaws.com", "GetBucketPolicy", 1},
	{"s3.amazonaws.com", "ListBuckets", 1},
	{"s3.amazonaws.com", "GetBucketLocation", 1},
	{"iam.amazonaws.com", "GetUser", 1},
	{"iam.amazonaws.com", "ListRoles", 1},
	{"iam.amazonaws.com", "ListAttachedRolePolicies", 1},
	{"iam.amazonaws.com", "GetPolicyVersion", 1},
	{"kms.amazonaws.com", "Decrypt", 1},
	{"kms.amazonaws.com", "GenerateDataKey", 1},
	{"kms.amazonaws.com", "DescribeKey", 1},
	{"sts.amazonaws.com", "AssumeRole", 0},
	{"sts.amazonaws.com", "GetCallerIdentity", 1},
	{"cloudtrail.amazonaws.com", "DescribeTrails", 1},
	{"cloudtrail.amazonaws.com", "LookupEvents", 1},
	{"config.amazonaws.com", "DescribeConfigRules", 1},
	{"lambda.amazonaws.com", "ListFunctions20150331", 1},
	{"lambda.amazonaws.com", "GetFunction20150331v2", 1},
	{"logs.amazonaws.com", "DescribeLogGroups", 1},
	{"monitoring.amazonaws.com", "DescribeAlarms", 1},
	{"ssm.amazonaws.com", "GetParameter", 1},
	{"secretsmanager.amazonaws.com", "GetSecretValue", 1},
	{"dynamodb.amazonaws.com", "DescribeTable", 1},
	{"rds.amazonaws.com", "DescribeDBInstances", 1},
	{"ec2.amazonaws.com", "CreateTags", 0},
	{"s3.amazonaws.com", "PutBucketTagging", 0},
};

static const char *const benign_errors[] = {
	"ThrottlingException", "NoSuchBucketPolicy", "Client.InvalidParameterValue",
	"ResourceNotFoundException", "NoSuchEntityException"};

static const char *const users[] = {"alice", "bob", "carol", "dave", "erin",
				    "frank", "grace", "heidi"};

enum rule_id {
	R_ROOT, R_UNAUTH, R_NOMFA, R_IAM, R_TRAIL, R_AUTHFAIL, R_KMS, R_S3,
	R_CONFIG, R_SG, R_NACL, R_GW, R_ROUTE, R_VPC, R_ORG, R_THRESHOLD, R_COUNT
};

static const char *const rule_names[R_COUNT] = {
	"cis.root-usage", "cis.unauthorized-api", "cis.console-no-mfa",
	"cis.iam-policy-change", "cis.cloudtrail-change",
	"cis.console-auth-failure", "cis.kms-disable", "cis.s3-policy-change",
	"cis.config-change", "cis.security-group-change", "cis.nacl-change",
	"cis.network-gateway-change", "cis.route-table-change", "cis.vpc-change",
	"cis.organizations-change", "threshold.console-login-failures"};

/* One planted event per rule (source, name); filled in with the identity
 * and extra fields the rule needs. */
static const struct {
	enum rule_id rule;
	const char *source, *name;
} planted[] = {
	{R_IAM, "iam.amazonaws.com", "PutRolePolicy"},
	{R_IAM, "iam.amazonaws.com", "AttachUserPolicy"},
	{R_TRAIL, "cloudtrail.amazonaws.com", "StopLogging"},
	{R_TRAIL, "cloudtrail.amazonaws.com", "DeleteTrail"},
	{R_KMS, "kms.amazonaws.com", "ScheduleKeyDeletion"},
	{R_KMS, "kms.amazonaws.com", "DisableKey"},
	{R_S3, "s3.amazonaws.com", "PutBucketPolicy"},
	{R_S3, "s3.amazonaws.com", "DeleteBucketCors"},
	{R_CONFIG, "config.amazonaws.com", "StopConfigurationRecorder"},
	{R_SG, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress"},
	{R_NACL, "ec2.amazonaws.com", "CreateNetworkAclEntry"},
	{R_GW, "ec2.amazonaws.com", "AttachInternetGateway"},
	{R_ROUTE, "ec2.amazonaws.com", "CreateRoute"},
	{R_VPC, "ec2.amazonaws.com", "CreateVpc"},
	{R_ORG, "organizations.amazonaws.com", "LeaveOrganization"},
	{R_UNAUTH, "ec2.amazonaws.com", "DescribeInstances"},
	{R_ROOT, "ec2.amazonaws.com", "DescribeInstances"},
	{R_NOMFA, "signin.amazonaws.com", "ConsoleLogin"},
	{R_AUTHFAIL, "signin.amazonaws.com", "ConsoleLogin"},
};

static uint64_t expected[R_COUNT];
static uint64_t records_total;

static void uuid(char out[37])
{
	uint64_t a = rnd(), b = rnd();

	snprintf(out, 37, "%08" PRIx64 "-%04" PRIx64 "-4%03" PRIx64 "-a%03" PRIx64
		 "-%012" PRIx64, a >> 32, (a >> 16) & 0xffff, a & 0xfff,
		 (b >> 48) & 0xfff, b & (uint64_t)0xffffffffffff);
}

static void stamp(char out[21], int64_t t)
{
	int64_t days = t / 86400;
	unsigned rem = (unsigned)(t % 86400);
	/* civil from days (Howard Hinnant) */
	int64_t z = days + 719468, era = z / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t y = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	unsigned d = doy - (153 * mp + 2) / 5 + 1;
	unsigned m = mp < 10 ? mp + 3 : mp - 9;

	snprintf(out, 21, "%04u-%02u-%02uT%02u:%02u:%02uZ",
		 (unsigned)(y + (m <= 2)) % 10000, m % 100, d % 100, rem / 3600 % 24,
		 rem / 60 % 60, rem % 60);
}

struct ident {
	const char *type;    /* NULL: absent */
	const char *user;
	int invoked_by;
};

static void identity(struct out *o, const struct ident *id)
{
	if (!id->type) {
		put(o, "\"userIdentity\":{\"accountId\":\"" ACCT "\","
		       "\"invokedBy\":\"secretsmanager.amazonaws.com\"}");
		return;
	}
	if (strcmp(id->type, "AWSService") == 0) {
		put(o, "\"userIdentity\":{\"type\":\"AWSService\",\"invokedBy\":"
		       "\"ec2.amazonaws.com\"}");
		return;
	}
	if (strcmp(id->type, "AssumedRole") == 0) {
		put(o, "\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":"
		       "\"AROA3EXAMPLEROLEID:%s\",\"arn\":\"arn:aws:sts::" ACCT
		       ":assumed-role/ops-admin/%s\",\"accountId\":\"" ACCT "\","
		       "\"accessKeyId\":\"ASIA3EXAMPLE%04u\",\"sessionContext\":"
		       "{\"sessionIssuer\":{\"type\":\"Role\",\"principalId\":"
		       "\"AROA3EXAMPLEROLEID\",\"arn\":\"arn:aws:iam::" ACCT
		       ":role/ops-admin\",\"accountId\":\"" ACCT "\",\"userName\":"
		       "\"ops-admin\"},\"webIdFederationData\":{},\"attributes\":"
		       "{\"creationDate\":\"2024-03-01T08:00:00Z\","
		       "\"mfaAuthenticated\":\"false\"}}%s}",
		    id->user, id->user, pick(10000),
		    id->invoked_by ? ",\"invokedBy\":\"AWS Internal\"" : "");
		return;
	}
	if (strcmp(id->type, "Root") == 0) {
		put(o, "\"userIdentity\":{\"type\":\"Root\",\"principalId\":\"" ACCT
		       "\",\"arn\":\"arn:aws:iam::" ACCT ":root\",\"accountId\":\""
		       ACCT "\",\"accessKeyId\":\"\"%s}",
		    id->invoked_by ? ",\"invokedBy\":\"AWS Internal\"" : "");
		return;
	}
	put(o, "\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
	       "\"AIDA3EXAMPLE%s\",\"arn\":\"arn:aws:iam::" ACCT ":user/%s\","
	       "\"accountId\":\"" ACCT "\",\"accessKeyId\":\"AKIA3EXAMPLE%04u\","
	       "\"userName\":\"%s\",\"sessionContext\":{\"sessionIssuer\":{},"
	       "\"webIdFederationData\":{},\"attributes\":{\"creationDate\":"
	       "\"2024-03-01T07:12:44Z\",\"mfaAuthenticated\":\"true\"}}}",
	    id->user, id->user, pick(10000), id->user);
}

static void tail(struct out *o, const char *event_type, int read_only)
{
	char id[37], req[37];

	uuid(id);
	uuid(req);
	put(o, ",\"requestID\":\"%s\",\"eventID\":\"%s\",", req, id);
	if (read_only >= 0)
		put(o, "\"readOnly\":%s,", read_only ? "true" : "false");
	put(o, "\"eventType\":\"%s\",\"managementEvent\":true,"
	       "\"recipientAccountId\":\"" ACCT "\",\"eventCategory\":"
	       "\"Management\",\"tlsDetails\":{\"tlsVersion\":\"TLSv1.3\","
	       "\"cipherSuite\":\"TLS_AES_128_GCM_SHA256\","
	       "\"clientProvidedHostHeader\":\"ec2.us-east-1.amazonaws.com\"}}",
	    event_type);
}

static void head(struct out *o, int64_t t, const struct ident *id,
		 const char *source, const char *name, const char *ip)
{
	char ts[21];

	stamp(ts, t);
	records_total++;
	put(o, "{\"eventVersion\":\"1.09\",");
	identity(o, id);
	put(o, ",\"eventTime\":\"%s\",\"eventSource\":\"%s\",\"eventName\":\"%s\","
	       "\"awsRegion\":\"" REGION "\",\"sourceIPAddress\":\"%s\","
	       "\"userAgent\":\"aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 "
	       "exe/x86_64.ubuntu.22 prompt/off command/%s\"",
	    ts, source, name, ip, name);
}

static void request_body(struct out *o, const char *name)
{
	unsigned n = 1 + pick(4);

	put(o, ",\"requestParameters\":{\"filterSet\":{\"items\":[");
	for (unsigned i = 0; i < n; i++)
		put(o, "%s{\"name\":\"tag:team\",\"valueSet\":{\"items\":"
		       "[{\"value\":\"platform-%u\"}]}}", i ? "," : "", pick(50));
	put(o, "]},\"maxResults\":%u,\"instancesSet\":{\"items\":[{\"instanceId\":"
	       "\"i-0%015" PRIx64 "\"}]},\"note\":\"%s \\\"quoted\\\" path\\/x\"}",
	    100 * (1 + pick(10)), rnd() & (uint64_t)0xfffffffffffff, name);
	if (pick(3) == 0)
		put(o, ",\"responseElements\":{\"credentials\":{\"accessKeyId\":"
		       "\"ASIA3EXAMPLE%04u\",\"sessionToken\":\"IQoJb3JpZ2luX2VjEJr"
		       "//////////wEaCXVzLWVhc3QtMSJHMEUCIQDexample%08x\","
		       "\"expiration\":\"Mar 1, 2024, 11:00:00 AM\"},"
		       "\"assumedRoleUser\":{\"assumedRoleId\":\"AROA3EXAMPLE:s\","
		       "\"arn\":\"arn:aws:sts::" ACCT ":assumed-role/r/s\"}}",
		    pick(10000), (unsigned)pick(0xffffffffu));
	else
		put(o, ",\"responseElements\":null");
	if (pick(4) == 0)
		put(o, ",\"resources\":[{\"accountId\":\"" ACCT "\",\"type\":"
		       "\"AWS::KMS::Key\",\"ARN\":\"arn:aws:kms:" REGION ":" ACCT
		       ":key/%08x-1111-2222-3333-444455556666\"}]",
		    (unsigned)pick(0xffffffffu));
}

static const struct ident *rand_ident(struct ident *id)
{
	static const char *const types[] = {"IAMUser", "AssumedRole", "AWSService",
					    "AssumedRole", NULL};

	id->type = types[pick(5)];
	id->user = users[pick(8)];
	id->invoked_by = id->type && strcmp(id->type, "AssumedRole") == 0 &&
			 pick(4) == 0;
	return id;
}

static void background_event(struct out *o, int64_t t)
{
	unsigned b = pick(sizeof(background) / sizeof(background[0]));
	struct ident id;
	char ip[32];

	rand_ident(&id);
	snprintf(ip, sizeof(ip), "%u.%u.%u.%u", 10 + pick(200), pick(256),
		 pick(256), 1 + pick(254));
	head(o, t, &id, background[b].source, background[b].name,
	     id.type && strcmp(id.type, "AWSService") == 0 ? "ec2.amazonaws.com"
							  : ip);
	if (pick(40) == 0)
		put(o, ",\"errorCode\":\"%s\",\"errorMessage\":\"Rate exceeded\"",
		    benign_errors[pick(5)]);
	request_body(o, background[b].name);
	tail(o, id.type ? "AwsApiCall" : "AwsServiceEvent", background[b].read_only);
	/* a benign sign-in with MFA, now and then */
}

static void signin(struct out *o, int64_t t, const char *type, const char *user,
		   int success, const char *mfa)
{
	struct ident id = {type, user, 0};
	char ts[21], eid[37];

	stamp(ts, t);
	uuid(eid);
	records_total++;
	put(o, "{\"eventVersion\":\"1.09\",");
	if (!success && strcmp(type, "IAMUser") == 0)
		put(o, "\"userIdentity\":{\"type\":\"IAMUser\",\"principalId\":"
		       "\"AIDA3EXAMPLE%s\",\"accountId\":\"" ACCT "\","
		       "\"accessKeyId\":\"\",\"userName\":\"%s\"}", user, user);
	else
		identity(o, &id);
	put(o, ",\"eventTime\":\"%s\",\"eventSource\":\"signin.amazonaws.com\","
	       "\"eventName\":\"ConsoleLogin\",\"awsRegion\":\"" REGION "\","
	       "\"sourceIPAddress\":\"198.51.100.%u\",\"userAgent\":\"Mozilla/5.0 "
	       "(X11; Linux x86_64; rv:123.0) Gecko/20100101 Firefox/123.0\","
	       "%s\"requestParameters\":null,\"responseElements\":"
	       "{\"ConsoleLogin\":\"%s\"},\"additionalEventData\":{\"LoginTo\":"
	       "\"https://console.aws.amazon.com/console/home\",\"MobileVersion\":"
	       "\"No\",\"MFAUsed\":\"%s\"},\"eventID\":\"%s\",\"eventType\":"
	       "\"AwsConsoleSignIn\",\"managementEvent\":true,\"recipientAccountId\":"
	       "\"" ACCT "\",\"eventCategory\":\"Management\"}",
	    ts, 1 + pick(254),
	    success ? "" : "\"errorMessage\":\"Failed authentication\",",
	    success ? "Success" : "Failure", mfa, eid);
}

static void planted_event(struct out *o, int64_t t, unsigned k)
{
	struct ident id = {"IAMUser", users[pick(8)], 0};
	enum rule_id r = planted[k].rule;

	if (r == R_NOMFA) {
		signin(o, t, "IAMUser", id.user, 1, "No");
		expected[R_NOMFA]++;
		return;
	}
	if (r == R_AUTHFAIL) {
		signin(o, t, "IAMUser", "HIDDEN_DUE_TO_SECURITY_REASONS", 0, "No");
		expected[R_AUTHFAIL]++;
		return;
	}
	if (r == R_ROOT)
		id.type = "Root";
	head(o, t, &id, planted[k].source, planted[k].name, "203.0.113.7");
	if (r == R_UNAUTH)
		put(o, ",\"errorCode\":\"%s\",\"errorMessage\":\"not authorized\"",
		    pick(2) ? "Client.UnauthorizedOperation" : "AccessDenied");
	request_body(o, planted[k].name);
	tail(o, "AwsApiCall", 0);
	expected[r]++;
}

/* Failed sign-ins for a fresh user.  kind 0: 6 within 4 minutes (one
 * threshold alert); 1: 4 within 4 minutes; 2: 5 over 6 minutes (none). */
static int64_t burst(struct out *o, int64_t t, int kind, unsigned serial,
		     unsigned *n_out)
{
	static const int gaps[3][6] = {{0, 40, 80, 120, 200, 240},
				       {0, 60, 120, 240, 0, 0},
				       {0, 90, 180, 270, 361, 0}};
	static const unsigned counts[3] = {6, 4, 5};
	char user[32];

	snprintf(user, sizeof(user), "burst-user-%u", serial);
	for (unsigned i = 0; i < counts[kind]; i++) {
		if (i)
			put(o, ",");
		signin(o, t + gaps[kind][i], "IAMUser", user, 0, "Yes");
	}
	expected[R_AUTHFAIL] += counts[kind];
	if (kind == 0)
		expected[R_THRESHOLD]++;
	*n_out = counts[kind];
	return t + gaps[kind][counts[kind] - 1];
}

static void mkdirs(const char *path)
{
	char tmp[1024];

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(tmp, 0755);
		*p = '/';
	}
	mkdir(tmp, 0755);
}

static void write_file(const char *outdir, int64_t t, struct out *o,
		       struct libdeflate_compressor *c, unsigned char **z,
		       size_t *zcap)
{
	char ts[21], dir[1024], path[1200], uniq[17];
	size_t bound = libdeflate_gzip_compress_bound(c, o->len), n;
	FILE *f;

	stamp(ts, t);
	snprintf(dir, sizeof(dir), "%s/AWSLogs/" ACCT "/CloudTrail/" REGION
		 "/%.4s/%.2s/%.2s", outdir, ts, ts + 5, ts + 8);
	mkdirs(dir);
	for (int i = 0; i < 16; i++)
		uniq[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
			[pick(62)];
	uniq[16] = '\0';
	snprintf(path, sizeof(path), "%s/" ACCT "_CloudTrail_" REGION
		 "_%.4s%.2s%.2sT%.2s%.2sZ_%s.json.gz", dir, ts, ts + 5, ts + 8,
		 ts + 11, ts + 14, uniq);
	if (*zcap < bound) {
		*zcap = bound;
		*z = realloc(*z, bound);
	}
	n = libdeflate_gzip_compress(c, o->data, o->len, *z, *zcap);
	f = fopen(path, "wb");
	if (!f || !n || fwrite(*z, 1, n, f) != n || fclose(f)) {
		fprintf(stderr, "gen-cloudtrail: %s: %s\n", path, strerror(errno));
		exit(2);
	}
}

int main(int argc, char **argv)
{
	struct out o = {malloc(FILE_TARGET + (1 << 20)), 0, FILE_TARGET + (1 << 20)};
	struct libdeflate_compressor *c = libdeflate_alloc_compressor(6);
	unsigned char *z = NULL;
	size_t zcap = 0;
	uint64_t target, written = 0;
	int64_t t = 1709251200;  /* 2024-03-01T00:00:00Z */
	unsigned serial = 0, planted_next = 0;
	char path[1200];
	FILE *f;

	if (argc < 3) {
		fprintf(stderr, "usage: gen-cloudtrail OUTDIR SIZE_MB [SEED]\n");
		return 2;
	}
	target = strtoull(argv[2], NULL, 10) << 20;
	if (argc > 3)
		rng_state ^= strtoull(argv[3], NULL, 10) * 0x9E3779B97F4A7C15ull;
	while (written < target) {
		unsigned in_file = 0;
		int64_t t_end = t + 300;

		o.len = 0;
		put(&o, "{\"Records\":[");
		while (o.len < FILE_TARGET && written + o.len < target) {
			unsigned roll = pick(1000), n = 1;

			if (in_file)
				put(&o, ",");
			if (roll < 2) {
				t = burst(&o, t, (int)pick(3), serial++, &n);
			} else if (roll < 3) {
				planted_event(&o, t, planted_next++ %
					      (sizeof(planted) / sizeof(planted[0])));
			} else if (roll < 5) {
				/* negatives: MFA "YES" and root via a service */
				signin(&o, t, "IAMUser", users[pick(8)], 1,
				       pick(2) ? "YES" : "Yes");
			} else {
				background_event(&o, t);
			}
			in_file += n;
			if (t < t_end)
				t += pick(2);
		}
		put(&o, "]}");
		written += o.len;
		write_file(argv[1], t, &o, c, &z, &zcap);
		t = t_end > t ? t_end : t + 1;
		t += 600;  /* bursts never straddle files */
	}
	snprintf(path, sizeof(path), "%s/ground-truth.json", argv[1]);
	f = fopen(path, "w");
	if (!f)
		return 2;
	fprintf(f, "{\"records\":%" PRIu64 ",\"bytes\":%" PRIu64 ",\"alerts\":{",
		records_total, written);
	for (int r = 0; r < R_COUNT; r++)
		fprintf(f, "%s\"%s\":%" PRIu64, r ? "," : "", rule_names[r], expected[r]);
	fprintf(f, "}}\n");
	fclose(f);
	libdeflate_free_compressor(c);
	free(o.data);
	free(z);
	return 0;
}
