/*
 * aws_metric_filters.c - `aws logs describe-metric-filters` saved as
 * sources/aws/<acct>/logs-describe-metric-filters.json -> one
 * aws_metric_filter per filter, with the metrics it feeds.
 */
#include "importers/importer.h"

#include "importers/aws_common.h"
#include "importers/json_util.h"

static bool recognise(const char *path, const char *data, size_t size)
{
	(void)data;
	(void)size;
	return aws_path_is(path, "logs-describe-metric-filters", true);
}

/* metricTransformations -> [{name, namespace}]. */
static int metrics(const json_t *f, const char *record, json_t *out,
		   struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	const char *name, *ns;
	json_t *list, *m;
	size_t i;
	int rc;

	if ((rc = json_util_array(f, "metricTransformations", false, record,
				  &list, err)))
		return rc;
	json_array_foreach(list, i, m) {
		json_util_subrecord(rec, record, "metricTransformations",
				    (long)i);
		if (!json_is_object(m))
			return error_input(err, NULL, 0, rec, NULL,
					   "expected an object, found %s",
					   json_util_type_name(m));
		if ((rc = json_util_string(m, "metricName", true, rec, &name,
					   err)) ||
		    (rc = json_util_string(m, "metricNamespace", false, rec, &ns,
					   err)))
			return rc;
		json_array_append_new(out, json_pack("{s:s, s:s?}", "name",
						     name, "namespace", ns));
	}
	return 0;
}

static int filter_entry(const json_t *f, const char *rec,
			const struct aws_account *acct,
			struct fact_list *facts, struct error *err)
{
	const char *name, *group, *pattern;
	json_t *list = json_array();
	int rc;

	if ((rc = json_util_string(f, "filterName", true, rec, &name, err)) ||
	    (rc = json_util_string(f, "logGroupName", true, rec, &group,
				   err)) ||
	    (rc = json_util_string(f, "filterPattern", false, rec, &pattern,
				   err)) ||
	    (rc = metrics(f, rec, list, err))) {
		json_decref(list);
		return rc;
	}
	return aws_fact_add(facts, "aws_metric_filter",
			    json_pack("{s:s, s:s, s:s, s:s, s:o}", "system",
				      acct->system, "log_group", group, "name",
				      name, "pattern", pattern ? pattern : "",
				      "metrics", list),
			    err, "%s/%s/%s", acct->id, group, name);
}

static int parse(const struct import_input *in, struct import_output *out,
		 struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	struct aws_account acct;
	json_t *root, *list, *f;
	size_t i;
	int rc;

	if ((rc = aws_account_from_path(in->path, &acct, err)) ||
	    (rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	rc = json_util_array(root, "metricFilters", true, "", &list, err);
	json_array_foreach(list, i, f) {
		json_util_record(rec, "metricFilters", i);
		if (!json_is_object(f))
			rc = error_input(err, NULL, 0, rec, NULL,
					 "expected an object, found %s",
					 json_util_type_name(f));
		else
			rc = filter_entry(f, rec, &acct, &out->facts, err);
		if (rc)
			break;
	}
	json_decref(root);
	return rc;
}

const struct importer importer_aws_metric_filters = {
	.name = "aws.metric-filters",
	.source = "aws",
	.description = "CloudWatch Logs metric filters (aws logs "
		       "describe-metric-filters)",
	.recognise = recognise,
	.parse = parse,
};
