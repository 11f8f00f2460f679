/*
 * aws_alarms.c - `aws cloudwatch describe-alarms` saved as
 * sources/aws/<acct>/cloudwatch-describe-alarms.json -> one aws_alarm per
 * entry of MetricAlarms.
 *
 * Metric-math alarms have Metrics[] and no top-level MetricName: their
 * metric_name and namespace are null, and `metrics` lists every metric the
 * alarm reads (the top-level one, or each Metrics[].MetricStat.Metric) so a
 * check can still find the alarm on a metric filter's metric.
 * CompositeAlarms watch other alarms, not metrics: they are not imported.
 */
#include "importers/importer.h"

#include "importers/aws_common.h"
#include "importers/json_util.h"

static bool recognise(const char *path, const char *data, size_t size)
{
	(void)data;
	(void)size;
	return aws_path_is(path, "cloudwatch-describe-alarms", true);
}

static int metric_math(const json_t *a, const char *record, json_t *out,
		       struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX], srec[JSON_UTIL_RECORD_MAX];
	char mrec[JSON_UTIL_RECORD_MAX];
	json_t *list, *q, *stat, *metric;
	const char *name, *ns;
	size_t i;
	int rc;

	if ((rc = json_util_array(a, "Metrics", false, record, &list, err)))
		return rc;
	json_array_foreach(list, i, q) {
		json_util_subrecord(rec, record, "Metrics", (long)i);
		if (!json_is_object(q))
			return error_input(err, NULL, 0, rec, NULL,
					   "expected an object, found %s",
					   json_util_type_name(q));
		if ((rc = json_util_object(q, "MetricStat", false, rec, &stat,
					   err)))
			return rc;
		if (!stat)
			continue;   /* an expression, not a metric */
		json_util_subrecord(srec, rec, "MetricStat", -1);
		if ((rc = json_util_object(stat, "Metric", true, srec, &metric,
					   err)))
			return rc;
		json_util_subrecord(mrec, srec, "Metric", -1);
		if ((rc = json_util_string(metric, "MetricName", true, mrec,
					   &name, err)) ||
		    (rc = json_util_string(metric, "Namespace", false, mrec, &ns,
					   err)))
			return rc;
		json_array_append_new(out, json_pack("{s:s, s:s?}", "name",
						     name, "namespace", ns));
	}
	return 0;
}

static int string_array(const json_t *a, const char *key, const char *record,
			json_t *out, struct error *err)
{
	json_t *list, *s;
	size_t i;
	int rc;

	if ((rc = json_util_array(a, key, false, record, &list, err)))
		return rc;
	json_array_foreach(list, i, s) {
		if (!json_is_string(s)) {
			char field[JSON_UTIL_RECORD_MAX];

			json_util_record(field, key, i);
			return error_input(err, NULL, 0, record, field,
					   "expected a string, found %s",
					   json_util_type_name(s));
		}
		json_array_append(out, s);
	}
	return 0;
}

static int alarm_entry(const json_t *a, const char *rec,
		       const struct aws_account *acct, struct fact_list *facts,
		       struct error *err)
{
	const char *name, *metric, *ns;
	json_t *actions = json_array(), *metrics = json_array();
	int enabled, rc;

	if ((rc = json_util_string(a, "AlarmName", true, rec, &name, err)) ||
	    (rc = json_util_string(a, "MetricName", false, rec, &metric,
				   err)) ||
	    (rc = json_util_string(a, "Namespace", false, rec, &ns, err)) ||
	    (rc = json_util_bool(a, "ActionsEnabled", 1, rec, &enabled,
				 err)) ||
	    (rc = string_array(a, "AlarmActions", rec, actions, err)))
		goto fail;
	if (metric)
		json_array_append_new(metrics, json_pack("{s:s, s:s?}", "name",
							 metric, "namespace",
							 ns));
	else if ((rc = metric_math(a, rec, metrics, err)))
		goto fail;
	return aws_fact_add(facts, "aws_alarm",
			    json_pack("{s:s, s:s, s:s?, s:s?, s:b, s:o, s:o}",
				      "system", acct->system, "name", name,
				      "metric_name", metric, "namespace", ns,
				      "actions_enabled", enabled,
				      "alarm_actions", actions, "metrics",
				      metrics),
			    err, "%s/%s", acct->id, name);
fail:
	json_decref(actions);
	json_decref(metrics);
	return rc;
}

static int parse(const struct import_input *in, struct import_output *out,
		 struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	struct aws_account acct;
	json_t *root, *list, *composite, *a;
	size_t i;
	int rc;

	if ((rc = aws_account_from_path(in->path, &acct, err)) ||
	    (rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	rc = json_util_array(root, "CompositeAlarms", false, "", &composite,
			     err);
	/* --alarm-types CompositeAlarm prints only CompositeAlarms. */
	if (!rc)
		rc = json_util_array(root, "MetricAlarms", !composite, "",
				     &list, err);
	json_array_foreach(list, i, a) {
		json_util_record(rec, "MetricAlarms", i);
		if (!json_is_object(a))
			rc = error_input(err, NULL, 0, rec, NULL,
					 "expected an object, found %s",
					 json_util_type_name(a));
		else
			rc = alarm_entry(a, rec, &acct, &out->facts, err);
		if (rc)
			break;
	}
	json_decref(root);
	return rc;
}

const struct importer importer_aws_alarms = {
	.name = "aws.alarms",
	.source = "aws",
	.description = "CloudWatch alarms (aws cloudwatch describe-alarms)",
	.recognise = recognise,
	.parse = parse,
};
