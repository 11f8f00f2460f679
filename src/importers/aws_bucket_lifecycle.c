/*
 * aws_bucket_lifecycle.c - `aws s3api get-bucket-lifecycle-configuration
 * --bucket <b>` saved as
 * sources/aws/<acct>/s3api-get-bucket-lifecycle-configuration-<b>.json
 * -> one aws_bucket_lifecycle fact for the bucket named by the file name.
 *
 * A bucket without a lifecycle makes the CLI exit 254 and print, on stderr,
 *     An error occurred (NoSuchLifecycleConfiguration) when calling the
 *     GetBucketLifecycleConfiguration operation: The lifecycle
 *     configuration does not exist
 * so a user saving with `2>&1` gets that text; SDK-based tools save the
 * JSON error body {"Error": {"Code": "NoSuchLifecycleConfiguration", ...}}.
 * Both mean configured false.  Any other error code is an error: the
 * export failed and says nothing about the bucket.  An empty file is an
 * error too (the stderr text was not saved: we cannot tell "no lifecycle"
 * from "access denied").
 *
 * expiration_days is the smallest Expiration.Days of an enabled rule that
 * covers the whole bucket: no filter, the legacy rule-level Prefix "", an
 * empty Filter or Filter {Prefix: ""}.  Rules limited by a prefix, tag or
 * object size do not count.
 */
#include "importers/importer.h"

#include <string.h>

#include "importers/aws_common.h"
#include "importers/json_util.h"
#include "util/text.h"

#define LIFECYCLE_PREFIX "s3api-get-bucket-lifecycle-configuration-"
#define BUCKET_NAME_MAX 256     /* S3 allows 63 */
#define NO_CONFIG "NoSuchLifecycleConfiguration"
#define CLI_ERROR "An error occurred ("

static bool recognise(const char *path, const char *data, size_t size)
{
	(void)data;
	(void)size;
	return aws_path_has_resource(path, LIFECYCLE_PREFIX, ".json");
}

/* The CLI's stderr text: configured false for NoSuchLifecycleConfiguration,
 * else an error naming the code. */
static int parse_cli_error(const char *text, bool *configured,
			   struct error *err)
{
	const char *code = text + strlen(CLI_ERROR);
	const char *end = strchr(code, ')');

	if (!end || !strstr(end, "GetBucketLifecycleConfiguration"))
		return error_input(err, NULL, 1, NULL, NULL,
				   "not an error message of "
				   "get-bucket-lifecycle-configuration");
	if ((size_t)(end - code) == strlen(NO_CONFIG) &&
	    strncmp(code, NO_CONFIG, strlen(NO_CONFIG)) == 0) {
		*configured = false;
		return 0;
	}
	return error_input(err, NULL, 1, NULL, NULL,
			   "the export failed with AWS error %.*s; run it "
			   "again",
			   (int)(end - code > 64 ? 64 : end - code), code);
}

/* True when the rule applies to every object of the bucket. */
static int whole_bucket(const json_t *rule, const char *rec, bool *whole,
			struct error *err)
{
	const char *prefix;
	json_t *filter;
	int rc;

	*whole = true;
	if ((rc = json_util_string(rule, "Prefix", false, rec, &prefix, err)) ||
	    (rc = json_util_object(rule, "Filter", false, rec, &filter, err)))
		return rc;
	if (prefix && *prefix)
		*whole = false;
	if (filter && json_object_size(filter) > 0) {
		char frec[JSON_UTIL_RECORD_MAX];

		json_util_subrecord(frec, rec, "Filter", -1);
		if ((rc = json_util_string(filter, "Prefix", false, frec,
					   &prefix, err)))
			return rc;
		if (json_object_size(filter) != 1 || !prefix || *prefix)
			*whole = false;
	}
	return 0;
}

static int rule_days(const json_t *rule, const char *rec, int64_t *best,
		     struct error *err)
{
	char erec[JSON_UTIL_RECORD_MAX];
	const char *status;
	json_t *expiration;
	int64_t days;
	bool has_days, whole;
	int rc;

	if ((rc = json_util_string(rule, "Status", true, rec, &status, err)) ||
	    (rc = json_util_object(rule, "Expiration", false, rec,
				   &expiration, err)) ||
	    (rc = whole_bucket(rule, rec, &whole, err)))
		return rc;
	if (!expiration)
		return 0;
	json_util_subrecord(erec, rec, "Expiration", -1);
	if ((rc = json_util_integer(expiration, "Days", 0, 1000000, erec,
				    &days, &has_days, err)))
		return rc;
	if (has_days && whole && strcmp(status, "Enabled") == 0 &&
	    (*best < 0 || days < *best))
		*best = days;
	return 0;
}

/* The JSON output: Rules, or the error body of a missing lifecycle. */
static int parse_json(const struct import_input *in, bool *configured,
		      int64_t *best, struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	json_t *root, *error, *rules = NULL, *rule;
	const char *code;
	size_t i;
	int rc;

	if ((rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	rc = json_util_object(root, "Error", false, "", &error, err);
	if (!rc && error) {
		rc = json_util_string(error, "Code", true, "Error", &code, err);
		if (!rc && strcmp(code, NO_CONFIG) == 0)
			*configured = false;
		else if (!rc)
			rc = error_input(err, NULL, 0, "Error", "Code",
					 "the export failed with AWS error "
					 "%.64s; run it again", code);
		json_decref(root);
		return rc;
	}
	if (!rc)
		rc = json_util_array(root, "Rules", true, "", &rules, err);
	json_array_foreach(rules, i, rule) {
		json_util_record(rec, "Rules", i);
		if (!json_is_object(rule))
			rc = error_input(err, NULL, 0, rec, NULL,
					 "expected an object, found %s",
					 json_util_type_name(rule));
		else
			rc = rule_days(rule, rec, best, err);
		if (rc)
			break;
	}
	json_decref(root);
	return rc;
}

static int parse(const struct import_input *in, struct import_output *out,
		 struct error *err)
{
	char bucket[BUCKET_NAME_MAX];
	struct aws_account acct;
	const char *p = in->data;
	bool configured = true;
	int64_t best = -1;
	int rc;

	if ((rc = aws_account_from_path(in->path, &acct, err)) ||
	    (rc = aws_path_resource(in->path, LIFECYCLE_PREFIX, ".json",
				    bucket, sizeof(bucket), err)))
		return rc;
	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
		p++;
	if ((size_t)(p - in->data) == in->size)
		return error_input(err, NULL, 0, NULL, NULL,
				   "empty file; when the bucket has no "
				   "lifecycle the AWS CLI prints the error on "
				   "stderr: save it with 2>&1");
	if (text_starts_with(p, CLI_ERROR))
		rc = parse_cli_error(p, &configured, err);
	else
		rc = parse_json(in, &configured, &best, err);
	if (rc)
		return rc;
	return aws_fact_add(&out->facts, "aws_bucket_lifecycle",
			    json_pack("{s:s, s:s, s:b, s:o}", "system",
				      acct.system, "bucket", bucket,
				      "configured", configured,
				      "expiration_days",
				      best >= 0 ? json_integer(best)
						: json_null()),
			    err, "%s/%s", acct.id, bucket);
}

const struct importer importer_aws_bucket_lifecycle = {
	.name = "aws.bucket-lifecycle",
	.source = "aws",
	.description = "S3 bucket lifecycle (aws s3api "
		       "get-bucket-lifecycle-configuration)",
	.recognise = recognise,
	.parse = parse,
};
