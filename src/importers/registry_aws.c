/* registry_aws.c - the aws batch of importers (see registry.c).  Each
 * recognises its own file names under sources/aws/<account-id>/, so the
 * order does not matter; docs/sources/aws.md describes the exports. */
#include "importers/importer.h"

#include <stddef.h>

extern const struct importer importer_aws_credential_report;
extern const struct importer importer_aws_authorization_details;
extern const struct importer importer_aws_trails;
extern const struct importer importer_aws_trail_status;
extern const struct importer importer_aws_metric_filters;
extern const struct importer importer_aws_alarms;
extern const struct importer importer_aws_log_groups;
extern const struct importer importer_aws_bucket_lifecycle;
extern const struct importer importer_aws_cloudtrail_logs;

const struct importer *const importer_batch_aws[] = {
	&importer_aws_credential_report,
	&importer_aws_authorization_details,
	&importer_aws_trails,
	&importer_aws_trail_status,
	&importer_aws_metric_filters,
	&importer_aws_alarms,
	&importer_aws_log_groups,
	&importer_aws_bucket_lifecycle,
	&importer_aws_cloudtrail_logs,
	NULL,
};
