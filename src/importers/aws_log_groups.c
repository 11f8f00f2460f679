/*
 * aws_log_groups.c - `aws logs describe-log-groups` saved as
 * sources/aws/<acct>/logs-describe-log-groups.json -> one aws_log_group
 * per group.  retentionInDays is omitted by AWS when the group never
 * expires: retention_days is then null.
 */
#include "importers/importer.h"

#include "importers/aws_common.h"
#include "importers/json_util.h"

static bool recognise(const char *path, const char *data, size_t size)
{
	(void)data;
	(void)size;
	return aws_path_is(path, "logs-describe-log-groups", true);
}

static int group_entry(const json_t *g, const char *rec,
		       const struct aws_account *acct, struct fact_list *facts,
		       struct error *err)
{
	const char *name, *arn;
	int64_t days = 0;
	bool has_days;
	int rc;

	if ((rc = json_util_string(g, "logGroupName", true, rec, &name, err)) ||
	    (rc = json_util_string(g, "arn", false, rec, &arn, err)) ||
	    (rc = json_util_integer(g, "retentionInDays", 1, 100000, rec,
				    &days, &has_days, err)))
		return rc;
	return aws_fact_add(facts, "aws_log_group",
			    json_pack("{s:s, s:s, s:s?, s:o}", "system",
				      acct->system, "name", name, "arn", arn,
				      "retention_days",
				      has_days ? json_integer(days)
					       : json_null()),
			    err, "%s/%s", acct->id, name);
}

static int parse(const struct import_input *in, struct import_output *out,
		 struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	struct aws_account acct;
	json_t *root, *list, *g;
	size_t i;
	int rc;

	if ((rc = aws_account_from_path(in->path, &acct, err)) ||
	    (rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	rc = json_util_array(root, "logGroups", true, "", &list, err);
	json_array_foreach(list, i, g) {
		json_util_record(rec, "logGroups", i);
		if (!json_is_object(g))
			rc = error_input(err, NULL, 0, rec, NULL,
					 "expected an object, found %s",
					 json_util_type_name(g));
		else
			rc = group_entry(g, rec, &acct, &out->facts, err);
		if (rc)
			break;
	}
	json_decref(root);
	return rc;
}

const struct importer importer_aws_log_groups = {
	.name = "aws.log-groups",
	.source = "aws",
	.description = "CloudWatch Logs log groups (aws logs "
		       "describe-log-groups)",
	.recognise = recognise,
	.parse = parse,
};
