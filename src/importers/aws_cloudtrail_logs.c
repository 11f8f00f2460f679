/*
 * aws_cloudtrail_logs.c - CloudTrail log files as delivered to S3, copied
 * under sources/aws/<acct>/ with their object keys:
 *     [<prefix>/]AWSLogs/<acct>/CloudTrail/<region>/YYYY/MM/DD/<file>.json.gz
 *     [<prefix>/]AWSLogs/<o-id>/<acct>/CloudTrail/...   (organization trail)
 * One cloudtrail_delivery fact per file, for the account, region and day of
 * its key: that logs arrived, not what they say (the detect engine reads
 * the events).  The file is only checked to be gzip or JSON by its first
 * bytes.
 *
 * The fact is about the account in the key, which for an organization
 * trail or a shared log bucket is not the folder's account (the bucket
 * owner): system is aws:<account in the key>.  The effective time is the
 * delivery time in the file name (<acct>_CloudTrail_<region>_
 * <YYYYMMDDTHHmmZ>_<unique>.json.gz), else the day of the key.
 *
 * CloudTrail-Digest/ and CloudTrail-Insight/ files are recognised, so they
 * are kept in the evidence locker, but yield no facts: they are not
 * deliveries of the event log.
 */
#include "importers/importer.h"

#include <stdio.h>
#include <string.h>

#include "detect/detect.h"
#include "importers/aws_common.h"
#include "util/text.h"

#define MAX_PARTS 12
#define REGION_MAX 32

/* The key, split into the components after "AWSLogs/". */
struct log_key {
	const char *part[MAX_PARTS];
	size_t len[MAX_PARTS];
	int count;
};

static bool part_is(const struct log_key *k, int i, const char *s)
{
	return k->len[i] == strlen(s) && strncmp(k->part[i], s, k->len[i]) == 0;
}

/* Splits what follows the AWSLogs component; false when there is none. */
static bool split_key(const char *path, struct log_key *k)
{
	const char *rest = aws_path_rest(path), *p;

	memset(k, 0, sizeof(*k));
	if (!rest)
		return false;
	if (text_starts_with(rest, "AWSLogs/")) {
		p = rest + strlen("AWSLogs/");
	} else {
		p = strstr(rest, "/AWSLogs/");
		if (!p)
			return false;
		p += strlen("/AWSLogs/");
	}
	while (*p && k->count < MAX_PARTS) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);

		k->part[k->count] = p;
		k->len[k->count++] = n;
		p += n;
		if (*p == '/')
			p++;
	}
	return *p == '\0';
}

/* Index of the CloudTrail* component (after the account, or the
 * organization id and the account), or -1. */
static int service_index(const struct log_key *k)
{
	int i = k->count > 0 && k->len[0] > 2 &&
			strncmp(k->part[0], "o-", 2) == 0
		? 2 : 1;

	if (i >= k->count || k->len[i] < strlen("CloudTrail") ||
	    strncmp(k->part[i], "CloudTrail", strlen("CloudTrail")) != 0)
		return -1;
	return i;
}

static bool recognise(const char *path, const char *data, size_t size)
{
	struct log_key k;

	(void)data;
	(void)size;
	return split_key(path, &k) && service_index(&k) > 0 &&
	       (text_ends_with(path, ".json.gz") ||
		text_ends_with(path, ".json"));
}

static int number_part(const struct log_key *k, int i, size_t digits,
		       int *out)
{
	int v = 0;

	if (k->len[i] != digits)
		return ERR_INPUT;
	for (size_t j = 0; j < digits; j++) {
		char c = k->part[i][j];

		if (c < '0' || c > '9')
			return ERR_INPUT;
		v = v * 10 + (c - '0');
	}
	*out = v;
	return 0;
}

static bool region_valid(const char *s, size_t n)
{
	if (n == 0 || n >= REGION_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

/* The delivery time in the file name, or STAMP_NONE. */
static stamp_t name_stamp(const char *name, size_t n)
{
	char text[32];

	for (size_t i = 0; i + 15 <= n; i++) {
		const char *s = name + i;
		bool ok = (i == 0 || s[-1] == '_') && s[8] == 'T' &&
			  s[13] == 'Z';
		stamp_t t;

		for (int j = 0; ok && j < 13; j++)
			if (j != 8 && (s[j] < '0' || s[j] > '9'))
				ok = false;
		if (!ok)
			continue;
		snprintf(text, sizeof(text), "%.4s-%.2s-%.2sT%.2s:%.2s:00Z", s,
			 s + 4, s + 6, s + 9, s + 11);
		if (stamp_parse(text, &t) == 0)
			return t;
	}
	return STAMP_NONE;
}

/* gzip (1f 8b) or JSON ('{' after white space or a UTF-8 BOM). */
/* One alert or threshold hit as a fact (docs/facts.md "cloudtrail_alert").
 * The alert id "<rule>:<eventID>" is what a triage ticket may name. */
static int alert_fact(struct import_output *out, const char *kind, const char *system,
		      const struct detect_alert *a, struct error *err)
{
	char id[512];

	snprintf(id, sizeof(id), "%s:%s", a->rule->id, a->event_id ? a->event_id : "");
	return aws_fact_add(&out->facts, kind,
			    json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:I}",
				      "system", system, "id", id, "rule", a->rule->id,
				      "title", a->rule->title,
				      "severity", detect_severity_name(a->rule->severity),
				      "event_id", a->event_id ? a->event_id : "",
				      "event_time", a->event_time ? a->event_time : "",
				      "event_name", a->event_name ? a->event_name : "",
				      "principal", a->principal ? a->principal : "",
				      "principal_type", a->principal_type ? a->principal_type : "",
				      "source_ip", a->source_ip ? a->source_ip : "",
				      "key", a->key ? a->key : "", "record", (json_int_t)a->record),
			    err, "%s/%s", id, kind);
}

/* Runs the built-in detection rules over the file (`attest detect`'s
 * engine) and keeps what they raise: pattern-rule alerts, and the hits of
 * threshold rules, whose windows can span delivery files and are therefore
 * counted when the alerts are read (checks/alerts.c), not here. */
static int detect_alerts(const struct import_input *in, struct import_output *out,
			 const char *system, struct error *err)
{
	struct detect_ruleset *rs = NULL;
	struct detector *d = NULL;
	struct detect_results res;
	int rc;

	detect_results_init(&res);
	rc = detect_ruleset_new(&rs, err);
	if (!rc)
		rc = detect_ruleset_add_builtin(rs, err);
	if (!rc)
		rc = detector_new(&d, rs, NULL, 0, err);
	if (!rc)
		rc = detector_run_mem(d, in->path, in->data, in->size, &res, err);
	for (size_t i = 0; !rc && i < res.len; i++)
		rc = alert_fact(out, "cloudtrail_alert", system, &res.alerts[i], err);
	for (size_t i = 0; !rc && i < res.nhits; i++)
		rc = alert_fact(out, "cloudtrail_hit", system, &res.hits[i], err);
	detect_results_release(&res);
	detector_free(d);
	detect_ruleset_free(rs);
	return rc;
}

static int check_content(const char *data, size_t size, struct error *err)
{
	size_t i = 0;

	if (size >= 2 && (unsigned char)data[0] == 0x1f &&
	    (unsigned char)data[1] == 0x8b)
		return 0;
	if (size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < size && (data[i] == ' ' || data[i] == '\n' ||
			    data[i] == '\r' || data[i] == '\t'))
		i++;
	if (i < size && data[i] == '{')
		return 0;
	return error_input(err, NULL, 0, NULL, NULL,
			   "not a CloudTrail log file: expected gzip or JSON "
			   "content");
}

static int key_error(struct error *err, const char *what)
{
	return error_input(err, NULL, 0, NULL, NULL,
			   "%s (expected AWSLogs/<account-id>/CloudTrail/"
			   "<region>/YYYY/MM/DD/<file>.json.gz)", what);
}

static int parse(const struct import_input *in, struct import_output *out,
		 struct error *err)
{
	char account[AWS_ACCOUNT_SIZE], region[REGION_MAX];
	char date[DATE_TEXT_SIZE];
	struct aws_account folder;
	struct log_key k;
	int s, y, m, d, rc;

	if ((rc = aws_account_from_path(in->path, &folder, err)))
		return rc;
	if (!split_key(in->path, &k) || (s = service_index(&k)) < 0)
		return key_error(err, "not a CloudTrail object key");
	if (!aws_account_id_valid(k.part[s - 1], k.len[s - 1]))
		return key_error(err, "no 12-digit account id after AWSLogs/");
	if (k.count != s + 6)
		return key_error(err, "unexpected number of folders");
	if (!region_valid(k.part[s + 1], k.len[s + 1]))
		return key_error(err, "invalid region folder");
	if (number_part(&k, s + 2, 4, &y) || number_part(&k, s + 3, 2, &m) ||
	    number_part(&k, s + 4, 2, &d) || !date_valid(y, m, d))
		return key_error(err, "invalid date folders");
	if ((rc = check_content(in->data, in->size, err)))
		return rc;
	if (!part_is(&k, s, "CloudTrail")) {
		if (part_is(&k, s, "CloudTrail-Digest") ||
		    part_is(&k, s, "CloudTrail-Insight"))
			return 0;   /* kept as evidence, no delivery fact */
		return key_error(err, "unknown CloudTrail folder");
	}
	memcpy(account, k.part[s - 1], 12);
	account[12] = '\0';
	memcpy(region, k.part[s + 1], k.len[s + 1]);
	region[k.len[s + 1]] = '\0';
	date_format(days_from_civil(y, m, d), date);
	out->effective = name_stamp(k.part[s + 5], k.len[s + 5]);
	if (out->effective == STAMP_NONE)
		out->effective = day_stamp(days_from_civil(y, m, d));
	{
		char system[AWS_SYSTEM_SIZE];

		snprintf(system, sizeof(system), "aws:%s", account);
		rc = aws_fact_add(&out->facts, "cloudtrail_delivery",
				  json_pack("{s:s, s:s, s:s, s:s, s:i}",
					    "system", system, "account",
					    account, "region", region, "date",
					    date, "files", 1),
				  err, "%s/%s/%s", account, region, date);
		return rc ? rc : detect_alerts(in, out, system, err);
	}
}

const struct importer importer_aws_cloudtrail_logs = {
	.name = "aws.cloudtrail-logs",
	.source = "aws",
	.description = "CloudTrail log files as delivered to S3 "
		       "(AWSLogs/<account>/CloudTrail/...)",
	.recognise = recognise,
	.parse = parse,
};
