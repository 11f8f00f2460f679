/*
 * aws_trails.c - `aws cloudtrail describe-trails` saved as
 * sources/aws/<acct>/cloudtrail-describe-trails.json -> aws_trail facts.
 *
 * Shadow trails (a multi-region or organization trail seen from another
 * region) repeat the same TrailARN: the first entry is kept.  Optional keys
 * are omitted by AWS when unset; booleans absent are false (older output
 * has no IsOrganizationTrail).  The log group name is the 7th
 * colon-separated part of CloudWatchLogsLogGroupArn
 * ("arn:aws:logs:<region>:<acct>:log-group:<name>:*").
 */
#include "importers/importer.h"

#include <string.h>

#include "importers/aws_common.h"
#include "importers/json_util.h"

static bool recognise(const char *path, const char *data, size_t size)
{
	(void)data;
	(void)size;
	return aws_path_is(path, "cloudtrail-describe-trails", true);
}

/* The log group name inside a log-group ARN as a new JSON string, or JSON
 * null when the ARN has no such part. */
static json_t *log_group_name(const char *arn)
{
	const char *p = arn, *end;

	for (int i = 0; i < 6; i++) {
		p = strchr(p, ':');
		if (!p)
			return json_null();
		p++;
	}
	end = strchr(p, ':');
	if (!end)
		end = p + strlen(p);
	if (end == p)
		return json_null();
	return json_stringn(p, (size_t)(end - p));
}

static int trail_entry(const json_t *t, const char *rec,
		       const struct aws_account *acct, json_t *seen,
		       struct fact_list *facts, struct error *err)
{
	const char *name, *arn, *region, *bucket, *group_arn;
	int multi, validation, org;
	int rc;

	if ((rc = json_util_string(t, "Name", true, rec, &name, err)) ||
	    (rc = json_util_string(t, "TrailARN", true, rec, &arn, err)) ||
	    (rc = json_util_string(t, "HomeRegion", false, rec, &region, err)) ||
	    (rc = json_util_string(t, "S3BucketName", false, rec, &bucket,
				   err)) ||
	    (rc = json_util_string(t, "CloudWatchLogsLogGroupArn", false, rec,
				   &group_arn, err)) ||
	    (rc = json_util_bool(t, "IsMultiRegionTrail", 0, rec, &multi,
				 err)) ||
	    (rc = json_util_bool(t, "LogFileValidationEnabled", 0, rec,
				 &validation, err)) ||
	    (rc = json_util_bool(t, "IsOrganizationTrail", 0, rec, &org, err)))
		return rc;
	if (json_object_get(seen, arn))
		return 0;
	if (json_object_set_new(seen, arn, json_true()))
		return error_set(err, ERR_NOMEM, "out of memory");
	return aws_fact_add(
		facts, "aws_trail",
		json_pack("{s:s, s:s, s:s, s:s?, s:b, s:b, s:s?, s:o, s:s?, s:b}",
			  "system", acct->system, "name", name, "arn", arn,
			  "home_region", region, "multi_region", multi,
			  "log_file_validation", validation, "log_group_arn",
			  group_arn, "log_group",
			  group_arn ? log_group_name(group_arn) : json_null(),
			  "s3_bucket", bucket, "organization_trail", org),
		err, "%s/%s", acct->id, arn);
}

static int parse(const struct import_input *in, struct import_output *out,
		 struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	struct aws_account acct;
	json_t *root, *list, *t, *seen;
	size_t i;
	int rc;

	if ((rc = aws_account_from_path(in->path, &acct, err)) ||
	    (rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	seen = json_object();
	rc = json_util_array(root, "trailList", true, "", &list, err);
	json_array_foreach(list, i, t) {
		json_util_record(rec, "trailList", i);
		if (!json_is_object(t))
			rc = error_input(err, NULL, 0, rec, NULL,
					 "expected an object, found %s",
					 json_util_type_name(t));
		else
			rc = trail_entry(t, rec, &acct, seen, &out->facts, err);
		if (rc)
			break;
	}
	json_decref(seen);
	json_decref(root);
	return rc;
}

const struct importer importer_aws_trails = {
	.name = "aws.trails",
	.source = "aws",
	.description = "CloudTrail trails (aws cloudtrail describe-trails)",
	.recognise = recognise,
	.parse = parse,
};
