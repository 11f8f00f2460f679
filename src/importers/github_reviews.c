/*
 * github_reviews.c - reviews of one pull request
 * (`GET /repos/{o}/{r}/pulls/{n}/reviews`), saved as
 * sources/github/repos/<owner>/<repo>/pulls/<n>/reviews.json.  One
 * `github_review` fact per review (docs/facts.md; FORMAT-NOTES 3.2).
 *
 * REST states are upper-case and kept so (webhooks use lower-case; they are
 * a different shape and not imported).  A PENDING review has no
 * submitted_at: null.  A review by a deleted account has user null:
 * reviewer null.  A submitted_at that is not a timestamp (octokit.rb's
 * recordings put "<GITHUB_TEST_INTEGRATION>" inside some) is bad input,
 * reported with the record and field, never guessed.
 */
#include "importers/importer.h"

#include "importers/apps_common.h"
#include "importers/github_common.h"
#include "importers/json_util.h"

static bool github_reviews_recognise(const char *path, const char *data,
				     size_t size)
{
	struct github_path p;

	(void)data;
	(void)size;
	github_path_parse(path, &p);
	return p.endpoint == GITHUB_REVIEWS;
}

static int one_review(const json_t *r, const char *record,
		      const struct github_path *gp, struct import_output *out,
		      struct buf *key, struct error *err)
{
	const char *reviewer, *reviewer_type, *state, *commit;
	int64_t id = 0;
	bool has_id;
	stamp_t submitted;
	struct attrs a;
	int rc;

	if ((rc = json_util_integer(r, "id", 0, INT64_MAX, record, &id, &has_id,
				    err)))
		return rc;
	if (!has_id)
		return error_input(err, NULL, 0, record, "id",
				   "required field is missing");
	if ((rc = apps_nested_string(r, "user", "login", false, record,
				       &reviewer, err)) ||
	    (rc = apps_nested_string(r, "user", "type", false, record,
				       &reviewer_type, err)) ||
	    (rc = json_util_string(r, "state", true, record, &state, err)) ||
	    (rc = json_util_stamp(r, "submitted_at", record, &submitted, err)) ||
	    (rc = json_util_string(r, "commit_id", false, record, &commit, err)))
		return rc;
	if ((rc = apps_keyf(key, err, "%s#%lld/%lld", gp->repo,
			    (long long)gp->number, (long long)id)))
		return rc;
	attrs_init(&a);
	attrs_str(&a, "system", gp->system);
	attrs_str(&a, "repo", gp->repo);
	attrs_int(&a, "number", gp->number);
	attrs_str(&a, "reviewer", reviewer);
	attrs_str(&a, "reviewer_type", reviewer_type);
	attrs_str(&a, "state", state);
	attrs_stamp(&a, "submitted_at", submitted);
	attrs_str(&a, "commit_id", commit);
	return attrs_emit(&a, out, "github_review", buf_cstr(key), err);
}

static int github_reviews_parse(const struct import_input *in,
				struct import_output *out, struct error *err)
{
	struct github_path p;
	char record[ERROR_NAME_MAX];
	struct buf key = BUF_INIT;
	json_t *root, *r;
	int rc;

	if ((rc = github_path_expect(in->path, GITHUB_REVIEWS, &p, err)) ||
	    (rc = apps_load_array(&root, in->data, in->size, err)))
		return rc;
	for (size_t i = 0; i < json_array_size(root) && !rc; i++) {
		rc = apps_list_object(root, i, "reviews", record, &r, err);
		if (!rc)
			rc = one_review(r, record, &p, out, &key, err);
	}
	buf_release(&key);
	json_decref(root);
	return rc;
}

const struct importer importer_github_reviews = {
	.name = "github.reviews",
	.source = "github",
	.description = "GitHub pull request reviews (GET /repos/{o}/{r}/pulls/{n}/reviews)",
	.recognise = github_reviews_recognise,
	.parse = github_reviews_parse,
};
