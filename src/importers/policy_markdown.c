/*
 * policy_markdown.c - policies/<name>.md -> one `policy` fact (docs/facts.md,
 * docs/sources/policies.md).
 *
 * A policy is Markdown with YAML front matter: the file starts with a line
 * `---`, the YAML mapping follows, and a line `---` (or `...`) ends it.
 * The front matter is read with libyaml (util/yaml_doc.h) against a fixed
 * set of keys; an unknown key is an error, because a misspelt
 * `aproved_at` would otherwise read as "never approved".  The body is kept
 * as evidence (the whole file is) but not parsed.  Error lines are lines of
 * the .md file, not of the front matter.
 */
#include <string.h>

#include "importers/importer.h"
#include "util/text.h"
#include "util/yaml_doc.h"

#define POLICY_PREFIX "policies/"

static bool policy_recognise(const char *path, const char *data, size_t size)
{
	const char *name;

	(void)data;
	(void)size;
	if (!text_starts_with(path, POLICY_PREFIX))
		return false;
	name = path + strlen(POLICY_PREFIX);
	return !strchr(name, '/') && name[0] != '.' && strlen(name) > 3 &&
	       text_ends_with(name, ".md");
}

/* True when the line at p (up to n bytes) is `mark` with optional trailing
 * blanks and CR. */
static bool line_is(const char *p, size_t n, const char *mark)
{
	size_t m = strlen(mark);

	if (n < m || memcmp(p, mark, m) != 0)
		return false;
	for (size_t i = m; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r')
			return false;
	return true;
}

/* Finds the front matter: *start and *len delimit the YAML text (it begins
 * on line 2 of the file). */
static int front_matter(const struct import_input *in, const char **start,
			size_t *len, struct error *err)
{
	const char *d = in->data, *end = in->data + in->size, *p, *nl;

	if (in->size >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0)
		d += 3;
	nl = memchr(d, '\n', (size_t)(end - d));
	if (!nl || !line_is(d, (size_t)(nl - d), "---"))
		return error_input(err, in->path, 1, NULL, NULL,
				   "no YAML front matter: a policy must start "
				   "with a '---' line, then id, title, owner, "
				   "version... and a closing '---' line");
	*start = p = nl + 1;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);

		if (line_is(p, n, "---") || line_is(p, n, "...")) {
			*len = (size_t)(p - *start);
			return 0;
		}
		p = eol ? eol + 1 : end;
	}
	return error_input(err, in->path, 1, NULL, NULL,
			   "the YAML front matter is not closed by a '---' line");
}

static const char *const policy_keys[] = {
	"id", "title", "owner", "version", "approved_by", "approved_at",
	"review_days", "controls", NULL,
};

static int read_fields(struct yaml_doc *y, yaml_node_t *root, json_t *obj,
		       struct error *err)
{
	const char *id = NULL, *title = NULL, *owner = NULL, *version = NULL;
	const char *approved_by = NULL;
	day_t approved_at = DAY_NONE;
	long review_days = -1; /* absent: attest.yaml policies.review_days applies */
	yaml_node_t *controls = NULL;
	char date[DATE_TEXT_SIZE];
	json_t *list;
	int rc;

	if ((rc = yaml_check_map(y, root, "the front matter", policy_keys, err)) ||
	    (rc = yaml_read_string(y, root, "id", true, &id, err)) ||
	    (rc = yaml_read_string(y, root, "title", true, &title, err)) ||
	    (rc = yaml_read_string(y, root, "owner", true, &owner, err)) ||
	    (rc = yaml_read_string(y, root, "version", true, &version, err)) ||
	    (rc = yaml_read_string(y, root, "approved_by", false, &approved_by, err)) ||
	    (rc = yaml_read_date(y, root, "approved_at", false, &approved_at, err)) ||
	    (rc = yaml_read_int(y, root, "review_days", 1, 3660, false, &review_days,
				err)) ||
	    (rc = yaml_read_list(y, root, "controls", false, &controls, err)))
		return rc;
	if (!*id)
		return yaml_doc_error(y, yaml_map_get(y, root, "id"), "id", err,
				      "'id' must not be empty");
	list = json_array();
	if (controls && list)
		YAML_SEQ_EACH(y, controls, item)
			json_array_append_new(list, json_string(yaml_scalar(item)));
	if (approved_at != DAY_NONE)
		date_format(approved_at, date);
	if (!list ||
	    json_object_set_new(obj, "id", json_string(id)) ||
	    json_object_set_new(obj, "title", json_string(title)) ||
	    json_object_set_new(obj, "owner", json_string(owner)) ||
	    json_object_set_new(obj, "version", json_string(version)) ||
	    json_object_set_new(obj, "approved_by",
				approved_by && *approved_by ? json_string(approved_by)
							    : json_null()) ||
	    json_object_set_new(obj, "approved_at",
				approved_at != DAY_NONE ? json_string(date) : json_null()) ||
	    json_object_set_new(obj, "review_days",
				review_days > 0 ? json_integer(review_days) : json_null()) ||
	    json_object_set_new(obj, "controls", list))
		return error_set(err, ERR_NOMEM, "out of memory");
	return 0;
}

static int policy_parse(const struct import_input *in, struct import_output *out,
			struct error *err)
{
	struct yaml_doc y;
	yaml_node_t *root;
	const char *text = NULL;
	size_t len = 0;
	json_t *obj;
	int rc;

	if ((rc = front_matter(in, &text, &len, err)))
		return rc;
	if ((rc = yaml_doc_load(&y, in->path, text, len, err))) {
		if (err->line > 0)
			err->line++; /* the front matter starts on line 2 */
		return rc;
	}
	root = yaml_doc_root(&y);
	obj = json_object();
	if (!obj)
		rc = error_set(err, ERR_NOMEM, "out of memory");
	else if (!root)
		rc = error_input(err, in->path, 2, NULL, NULL,
				 "the YAML front matter is empty");
	else if ((rc = read_fields(&y, root, obj, err)) && err->line > 0)
		err->line++;
	if (!rc && json_object_set_new(obj, "path", json_string(in->path)))
		rc = error_set(err, ERR_NOMEM, "out of memory");
	if (!rc) {
		rc = fact_list_add(&out->facts, "policy",
				   json_string_value(json_object_get(obj, "id")),
				   json_incref(obj));
		if (rc)
			rc = error_set(err, rc, "out of memory");
	}
	json_decref(obj);
	yaml_doc_release(&y);
	return rc;
}

const struct importer importer_policy_markdown = {
	.name = "policy.markdown",
	.source = "policy",
	.description = "policy document: Markdown with YAML front matter",
	.recognise = policy_recognise,
	.parse = policy_parse,
};
