/*
 * jira_search.c - Jira issue search bodies: Cloud's current
 * `GET /rest/api/3/search/jql` saved as sources/jira/rest/api/3/search/jql.json,
 * and the legacy `GET /rest/api/2/search` saved as
 * sources/jira/rest/api/2/search.json (also api/3/search.json and
 * api/2/search/jql.json); further pages add .2, .3... before .json.  One
 * `ticket` fact per issue (docs/facts.md; FORMAT-NOTES 5).
 *
 * The description is an Atlassian Document Format tree in v3 and a wiki
 * string in v2; it is recognised by its JSON type, not by the path, and
 * flattened to plain text (importers/jira_adf.h).  Timestamps carry an
 * offset without a colon ("2024-03-05T14:22:31.123+0000") and are
 * normalised to UTC.  The new endpoint returns only issue ids unless
 * `fields` is asked for: an issue without `fields` is an error that says
 * which fields to request.  The issue URL is the browse URL built from
 * `self` (https://<site>/rest/api/... -> https://<site>/browse/<key>).
 */
#include "importers/importer.h"

#include <string.h>

#include "importers/apps_common.h"
#include "importers/jira_adf.h"
#include "importers/json_util.h"
#include "util/text.h"

#define JIRA_TEXT_MAX ((size_t)1 << 20)
#define JIRA_FIELDS "summary,description,labels,issuetype,status,created," \
	"resolutiondate"

static bool jira_search_recognise(const char *path, const char *data,
				  size_t size)
{
	const char *rest = apps_path_in(path, "jira");

	(void)data;
	(void)size;
	if (!rest || (!text_starts_with(rest, "rest/api/2/search") &&
		      !text_starts_with(rest, "rest/api/3/search")))
		return false;
	rest += strlen("rest/api/2/");
	if (text_starts_with(rest, "search/"))
		return !strchr(rest + 7, '/') &&
		       apps_page_name(rest + 7, strlen(rest + 7), "jql");
	return !strchr(rest, '/') && apps_page_name(rest, strlen(rest), "search");
}

struct issue {
	const char *key, *self, *summary, *type, *status, *category;
	json_t *labels, *description;
	stamp_t created, resolved;
};

static int read_fields(const json_t *f, const char *record, struct issue *is,
		       struct error *err)
{
	json_t *status = NULL;
	int rc;

	if ((rc = json_util_string(f, "summary", false, record, &is->summary, err)) ||
	    (rc = json_util_array(f, "labels", false, record, &is->labels, err)) ||
	    (rc = apps_nested_string(f, "issuetype", "name", false, record,
				       &is->type, err)) ||
	    (rc = json_util_object(f, "status", false, record, &status, err)) ||
	    (rc = json_util_stamp(f, "created", record, &is->created, err)) ||
	    (rc = json_util_stamp(f, "resolutiondate", record, &is->resolved, err)))
		return rc;
	is->description = json_object_get(f, "description");
	is->status = is->category = NULL;
	if (!status)
		return 0;
	if ((rc = apps_nested_string(f, "status", "name", false, record,
				       &is->status, err)))
		return rc;
	if ((rc = apps_nested_string(status, "statusCategory", "key", false,
				       record, &is->category, err)))
		error_set_field(err, "status.statusCategory.key");
	return rc;
}

static int read_issue(const json_t *issue, const char *record, struct issue *is,
		      struct error *err)
{
	json_t *fields;
	json_t *label;
	size_t i;
	int rc;

	/* First: without `fields` the new endpoint sends ids only, no key. */
	if ((rc = json_util_object(issue, "fields", true, record, &fields, err))) {
		if (!json_object_get(issue, "fields"))
			error_set(err, ERR_INPUT, "required field is missing (the "
				  "search must be called with fields=%s)",
				  JIRA_FIELDS);
		return rc;
	}
	if ((rc = json_util_string(issue, "key", true, record, &is->key, err)) ||
	    (rc = json_util_string(issue, "self", false, record, &is->self, err)))
		return rc;
	if ((rc = read_fields(fields, record, is, err)))
		return rc;
	json_array_foreach(is->labels, i, label)
		if (!json_is_string(label))
			return error_input(err, NULL, 0, record, "labels",
					   "expected strings, found %s at [%zu]",
					   json_util_type_name(label), i);
	return 0;
}

/* Plain text of the description: a v2 string as is, a v3 ADF tree
 * flattened, null or absent as "". */
static int description_text(const struct issue *is, const char *record,
			    struct buf *text, struct error *err)
{
	const json_t *d = is->description;

	buf_reset(text);
	if (!d || json_is_null(d))
		return 0;
	if (json_is_string(d)) {
		if (buf_add(text, json_string_value(d), json_string_length(d)))
			return error_input(err, NULL, 0, record, "description",
					   "text longer than %zu bytes", text->max);
		return 0;
	}
	if (json_is_object(d))
		return jira_adf_text(d, text, record, "description", err);
	return error_input(err, NULL, 0, record, "description",
			   "expected a string or a document, found %s",
			   json_util_type_name(d));
}

/* https://site/rest/api/3/issue/10001 -> https://site/browse/KEY */
static void set_url(struct attrs *a, const struct issue *is)
{
	const char *api = is->self ? strstr(is->self, "/rest/api/") : NULL;
	struct buf url = BUF_INIT;

	if (!api) {
		attrs_str(a, "url", NULL);
		return;
	}
	if (buf_printf(&url, "%.*s/browse/%s", (int)(api - is->self), is->self,
		       is->key))
		a->failed = true;
	else
		attrs_str(a, "url", buf_cstr(&url));
	buf_release(&url);
}

static int one_issue(const json_t *issue, const char *record,
		     struct import_output *out, struct buf *text,
		     struct error *err)
{
	struct issue is;
	struct attrs a;
	int rc;

	if ((rc = read_issue(issue, record, &is, err)) ||
	    (rc = description_text(&is, record, text, err)))
		return rc;
	attrs_init(&a);
	attrs_str(&a, "key", is.key);
	attrs_str(&a, "summary", is.summary);
	attrs_str(&a, "text", buf_cstr(text));
	attrs_set(&a, "labels", is.labels ? json_deep_copy(is.labels)
					  : json_array());
	attrs_str(&a, "type", is.type);
	attrs_str(&a, "status", is.status);
	attrs_lower(&a, "status_category", is.category);
	attrs_stamp(&a, "created_at", is.created);
	attrs_stamp(&a, "resolved_at", is.resolved);
	set_url(&a, &is);
	return attrs_emit(&a, out, "ticket", is.key, err);
}

static int jira_search_parse(const struct import_input *in,
			     struct import_output *out, struct error *err)
{
	json_t *root, *issues, *issue;
	char record[ERROR_NAME_MAX];
	struct buf text;
	const char *api;
	int rc;

	if ((rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	buf_init(&text, JIRA_TEXT_MAX);
	if ((api = apps_api_error_text(root)) && !json_object_get(root, "issues")) {
		rc = error_input(err, NULL, 0, NULL, NULL,
				 "expected a search result, found an error body: "
				 "\"%.200s\"", api);
		goto done;
	}
	if ((rc = json_util_array(root, "issues", true, "", &issues, err)))
		goto done;
	for (size_t i = 0; i < json_array_size(issues) && !rc; i++) {
		rc = apps_list_object(issues, i, "issues", record, &issue, err);
		if (!rc)
			rc = one_issue(issue, record, out, &text, err);
	}
done:
	buf_release(&text);
	json_decref(root);
	return rc;
}

const struct importer importer_jira_search = {
	.name = "jira.search",
	.source = "jira",
	.description = "Jira issue search (GET /rest/api/3/search/jql or "
		       "/rest/api/2/search)",
	.recognise = jira_search_recognise,
	.parse = jira_search_parse,
};
