/* jira_adf.c - Atlassian Document Format flattening (see jira_adf.h). */
#include "importers/jira_adf.h"

#include <string.h>

#include "importers/json_util.h"
#include "util/text.h"
#include "util/timeutil.h"

struct walk {
	struct buf *out;
	const char *record;
	const char *field;
	struct error *err;
};

/* Node types after which a reader sees a line break. */
static const char *const block_types[] = {
	"paragraph", "heading", "codeBlock", "listItem", "taskItem",
	"decisionItem", "tableCell", "tableHeader", "rule", "blockCard",
	"embedCard", NULL,
};

static bool is_block(const char *type)
{
	for (size_t i = 0; block_types[i]; i++)
		if (strcmp(type, block_types[i]) == 0)
			return true;
	return false;
}

static int put(struct walk *w, const char *s)
{
	if (!s || !*s)
		return 0;
	if (buf_adds(w->out, s))
		return error_input(w->err, NULL, 0, w->record, w->field,
				   "text longer than %zu bytes", w->out->max);
	return 0;
}

static int newline(struct walk *w)
{
	if (w->out->len == 0 || w->out->data[w->out->len - 1] == '\n')
		return 0;
	return put(w, "\n");
}

static const char *attr(const json_t *node, const char *name)
{
	return json_string_value(json_object_get(json_object_get(node, "attrs"),
						 name));
}

/* A link mark's href, when the text does not show it already. */
static int link_marks(struct walk *w, const json_t *node, const char *text)
{
	json_t *marks = json_object_get(node, "marks");
	json_t *m;
	size_t i;
	int rc;

	json_array_foreach(marks, i, m) {
		const char *href;

		if (!text_equal(json_string_value(json_object_get(m, "type")),
				"link"))
			continue;
		href = attr(m, "href");
		/* mailto:x@y around the text x@y adds nothing */
		if (!href || strstr(text, href) ||
		    (text_starts_with(href, "mailto:") && strstr(text, href + 7)))
			continue;
		if ((rc = put(w, " (")) || (rc = put(w, href)) ||
		    (rc = put(w, ")")))
			return rc;
	}
	return 0;
}

/* A date node: attrs.timestamp, epoch milliseconds as a string. */
static int date_node(struct walk *w, const json_t *node)
{
	const char *ms = attr(node, "timestamp");
	stamp_t t;
	char day[DATE_TEXT_SIZE];

	if (!ms || stamp_parse(ms, &t))
		return 0;
	date_format(stamp_day(t), day);
	return put(w, day);
}

static int walk_node(struct walk *w, const json_t *node, int depth);

static int walk_content(struct walk *w, const json_t *node, int depth)
{
	json_t *content = json_object_get(node, "content");
	json_t *child;
	size_t i;
	int rc;

	json_array_foreach(content, i, child)
		if ((rc = walk_node(w, child, depth + 1)))
			return rc;
	return 0;
}

static int walk_node(struct walk *w, const json_t *node, int depth)
{
	const char *type;
	int rc;

	if (depth > JIRA_ADF_MAX_DEPTH)
		return error_input(w->err, NULL, 0, w->record, w->field,
				   "document nested deeper than %d levels",
				   JIRA_ADF_MAX_DEPTH);
	if (!json_is_object(node))
		return error_input(w->err, NULL, 0, w->record, w->field,
				   "expected a document node (an object), "
				   "found %s", json_util_type_name(node));
	type = json_string_value(json_object_get(node, "type"));
	if (!type)
		type = "";
	if (strcmp(type, "text") == 0) {
		const char *text = json_string_value(json_object_get(node, "text"));

		if (!text)
			return 0;
		if ((rc = put(w, text)))
			return rc;
		return link_marks(w, node, text);
	}
	if (strcmp(type, "hardBreak") == 0)
		return put(w, "\n");
	if (strcmp(type, "mention") == 0 || strcmp(type, "emoji") == 0 ||
	    strcmp(type, "status") == 0)
		return put(w, attr(node, "text"));
	if (strcmp(type, "date") == 0)
		return date_node(w, node);
	if (strcmp(type, "inlineCard") == 0 || strcmp(type, "blockCard") == 0 ||
	    strcmp(type, "embedCard") == 0) {
		if ((rc = put(w, attr(node, "url"))))
			return rc;
	} else if ((rc = walk_content(w, node, depth))) {
		return rc;
	}
	return is_block(type) ? newline(w) : 0;
}

int jira_adf_text(const json_t *node, struct buf *out, const char *record,
		  const char *field, struct error *err)
{
	struct walk w = {out, record, field, err};
	int rc = walk_node(&w, node, 0);

	if (rc)
		return rc;
	while (out->len > 0 && out->data[out->len - 1] == '\n')
		buf_truncate(out, out->len - 1);
	return 0;
}
