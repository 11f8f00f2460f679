/*
 * github_pulls.c - pull requests list (`GET /repos/{o}/{r}/pulls?state=all`),
 * saved as sources/github/repos/<owner>/<repo>/pulls.json (further pages
 * pulls.2.json, ...).  One `github_pull` fact per PR (docs/facts.md;
 * FORMAT-NOTES 3.1).
 *
 * Merged PRs have state "closed": merged_at (null when closed unmerged) is
 * what says "merged"; the list endpoint has no `merged` boolean.
 * `merge_commit_sha` is null on old or unmergeable PRs.
 */
#include "importers/importer.h"

#include "importers/apps_common.h"
#include "importers/github_common.h"
#include "importers/json_util.h"

static bool github_pulls_recognise(const char *path, const char *data,
				   size_t size)
{
	struct github_path p;

	(void)data;
	(void)size;
	github_path_parse(path, &p);
	return p.endpoint == GITHUB_PULLS;
}

struct pull {
	int64_t number;
	const char *url, *author, *author_type, *state, *base_ref, *head_sha,
		*merge_sha, *title;
	stamp_t merged_at, created_at;
};

static int read_pull(const json_t *pr, const char *record, struct pull *p,
		     struct error *err)
{
	bool has_number;
	int rc;

	if ((rc = json_util_integer(pr, "number", 1, INT32_MAX, record,
				    &p->number, &has_number, err)))
		return rc;
	if (!has_number)
		return error_input(err, NULL, 0, record, "number",
				   "required field is missing");
	if ((rc = json_util_string(pr, "html_url", false, record, &p->url, err)) ||
	    (rc = apps_nested_string(pr, "user", "login", false, record,
				       &p->author, err)) ||
	    (rc = apps_nested_string(pr, "user", "type", false, record,
				       &p->author_type, err)) ||
	    (rc = json_util_string(pr, "state", true, record, &p->state, err)) ||
	    (rc = json_util_stamp(pr, "merged_at", record, &p->merged_at, err)) ||
	    (rc = apps_nested_string(pr, "base", "ref", true, record,
				       &p->base_ref, err)) ||
	    (rc = apps_nested_string(pr, "head", "sha", true, record,
				       &p->head_sha, err)) ||
	    (rc = json_util_string(pr, "merge_commit_sha", false, record,
				   &p->merge_sha, err)) ||
	    (rc = json_util_stamp(pr, "created_at", record, &p->created_at, err)) ||
	    (rc = json_util_string(pr, "title", false, record, &p->title, err)))
		return rc;
	return 0;
}

static int one_pull(const json_t *pr, const char *record,
		    const struct github_path *gp, struct import_output *out,
		    struct buf *key, struct error *err)
{
	struct pull p;
	struct attrs a;
	int rc;

	if ((rc = read_pull(pr, record, &p, err)) ||
	    (rc = apps_keyf(key, err, "%s#%lld", gp->repo, (long long)p.number)))
		return rc;
	attrs_init(&a);
	attrs_str(&a, "system", gp->system);
	attrs_str(&a, "repo", gp->repo);
	attrs_int(&a, "number", p.number);
	attrs_str(&a, "url", p.url);
	attrs_str(&a, "author", p.author);
	attrs_str(&a, "author_type", p.author_type);
	attrs_str(&a, "state", p.state);
	attrs_stamp(&a, "merged_at", p.merged_at);
	attrs_str(&a, "base_ref", p.base_ref);
	attrs_str(&a, "head_sha", p.head_sha);
	attrs_str(&a, "merge_commit_sha", p.merge_sha);
	attrs_stamp(&a, "created_at", p.created_at);
	attrs_str(&a, "title", p.title);
	return attrs_emit(&a, out, "github_pull", buf_cstr(key), err);
}

static int github_pulls_parse(const struct import_input *in,
			      struct import_output *out, struct error *err)
{
	struct github_path p;
	char record[ERROR_NAME_MAX];
	struct buf key = BUF_INIT;
	json_t *root, *pr;
	int rc;

	if ((rc = github_path_expect(in->path, GITHUB_PULLS, &p, err)) ||
	    (rc = apps_load_array(&root, in->data, in->size, err)))
		return rc;
	for (size_t i = 0; i < json_array_size(root) && !rc; i++) {
		rc = apps_list_object(root, i, "pulls", record, &pr, err);
		if (!rc)
			rc = one_pull(pr, record, &p, out, &key, err);
	}
	buf_release(&key);
	json_decref(root);
	return rc;
}

const struct importer importer_github_pulls = {
	.name = "github.pulls",
	.source = "github",
	.description = "GitHub pull requests list (GET /repos/{o}/{r}/pulls?state=all)",
	.recognise = github_pulls_recognise,
	.parse = github_pulls_parse,
};
