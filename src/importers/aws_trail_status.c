/*
 * aws_trail_status.c - `aws cloudtrail get-trail-status --name <trail>`
 * saved as sources/aws/<acct>/cloudtrail-get-trail-status-<trail>.json
 * -> one aws_trail_status fact, the trail named by the file name.
 *
 * Timestamps come as epoch-second numbers (CLI v1), ISO strings (CLI v2)
 * or "" (never): all are accepted; "" and absent are null.
 */
#include "importers/importer.h"

#include "importers/aws_common.h"
#include "importers/json_util.h"

#define STATUS_PREFIX "cloudtrail-get-trail-status-"
#define TRAIL_NAME_MAX 256   /* AWS allows 128 characters */

static bool recognise(const char *path, const char *data, size_t size)
{
	(void)data;
	(void)size;
	return aws_path_has_resource(path, STATUS_PREFIX, ".json");
}

static int parse(const struct import_input *in, struct import_output *out,
		 struct error *err)
{
	char trail[TRAIL_NAME_MAX];
	struct aws_account acct;
	const char *delivery_error;
	stamp_t delivered;
	json_t *root;
	int rc, logging;

	if ((rc = aws_account_from_path(in->path, &acct, err)) ||
	    (rc = aws_path_resource(in->path, STATUS_PREFIX, ".json", trail,
				    sizeof(trail), err)) ||
	    (rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	rc = json_util_bool(root, "IsLogging", -1, "", &logging, err);
	if (!rc && logging < 0)
		rc = error_input(err, NULL, 0, NULL, "IsLogging",
				 "required field is missing");
	if (!rc)
		rc = json_util_stamp(root, "LatestDeliveryTime", "", &delivered,
				     err);
	if (!rc)
		rc = json_util_string(root, "LatestDeliveryError", false, "",
				      &delivery_error, err);
	if (!rc)
		rc = aws_fact_add(
			&out->facts, "aws_trail_status",
			json_pack("{s:s, s:s, s:b, s:o, s:s?}", "system",
				  acct.system, "trail", trail, "is_logging",
				  logging, "latest_delivery_at",
				  json_util_stamp_value(delivered),
				  "latest_delivery_error",
				  delivery_error && *delivery_error
					  ? delivery_error
					  : NULL),
			err, "%s/%s", acct.id, trail);
	json_decref(root);
	return rc;
}

const struct importer importer_aws_trail_status = {
	.name = "aws.trail-status",
	.source = "aws",
	.description = "CloudTrail trail status (aws cloudtrail "
		       "get-trail-status)",
	.recognise = recognise,
	.parse = parse,
};
