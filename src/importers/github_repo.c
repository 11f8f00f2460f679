/*
 * github_repo.c - one repository (`GET /repos/{owner}/{repo}`), saved as
 * sources/github/repos/<owner>/<repo>.json.  One `github_repo` fact
 * (docs/facts.md).  The repository is named from the path, like every
 * other GitHub fact, so a renamed repository still joins its pulls and
 * protection files.
 */
#include "importers/importer.h"

#include "importers/apps_common.h"
#include "importers/github_common.h"
#include "importers/json_util.h"

static bool github_repo_recognise(const char *path, const char *data,
				  size_t size)
{
	struct github_path p;

	(void)data;
	(void)size;
	github_path_parse(path, &p);
	return p.endpoint == GITHUB_REPO;
}

static int github_repo_parse(const struct import_input *in,
			     struct import_output *out, struct error *err)
{
	struct github_path p;
	const char *branch, *url, *api;
	int private_, archived;
	struct attrs a;
	json_t *root;
	int rc;

	if ((rc = github_path_expect(in->path, GITHUB_REPO, &p, err)) ||
	    (rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	if ((api = apps_api_error_text(root)) &&
	    !json_object_get(root, "default_branch")) {
		rc = error_input(err, NULL, 0, NULL, NULL,
				 "expected a repository object, found an error "
				 "body: \"%.200s\"", api);
		goto done;
	}
	if ((rc = json_util_string(root, "default_branch", true, "", &branch, err)) ||
	    (rc = json_util_string(root, "html_url", false, "", &url, err)) ||
	    (rc = json_util_bool(root, "private", -1, "", &private_, err)) ||
	    (rc = json_util_bool(root, "archived", 0, "", &archived, err)))
		goto done;
	attrs_init(&a);
	attrs_str(&a, "system", p.system);
	attrs_str(&a, "repo", p.repo);
	attrs_str(&a, "default_branch", branch);
	attrs_bool(&a, "private", private_);
	attrs_bool(&a, "archived", archived);
	attrs_str(&a, "url", url);
	rc = attrs_emit(&a, out, "github_repo", p.repo, err);
done:
	json_decref(root);
	return rc;
}

const struct importer importer_github_repo = {
	.name = "github.repo",
	.source = "github",
	.description = "GitHub repository (GET /repos/{owner}/{repo})",
	.recognise = github_repo_recognise,
	.parse = github_repo_parse,
};
