/*
 * github_protection.c - classic branch protection
 * (`GET /repos/{o}/{r}/branches/{branch}/protection`), saved as
 * sources/github/repos/<owner>/<repo>/branches/<branch>/protection.json.
 * One `github_protection` fact (docs/facts.md; FORMAT-NOTES 3.3).
 *
 * An unprotected branch answers HTTP 404 with the body
 * {"message":"Branch not protected",...}: saved as is, it is imported as
 * protected false.  The same 404 status with another message ("Not Found")
 * is what a token without admin rights on the repository gets: that is not
 * evidence of anything, so it is an error telling the user to re-export.
 * Rules that are off are absent (no required_pull_request_reviews key when
 * reviews are not required).  Recordings from before 2018 have the reviews
 * object without required_approving_review_count; GitHub then required
 * exactly one approval, so that is taken as 1.
 */
#include "importers/importer.h"

#include <stdio.h>
#include <string.h>

#include "importers/apps_common.h"
#include "importers/github_common.h"
#include "importers/json_util.h"
#include "util/text.h"

#define NOT_PROTECTED "Branch not protected"

static bool github_protection_recognise(const char *path, const char *data,
					size_t size)
{
	struct github_path p;

	(void)data;
	(void)size;
	github_path_parse(path, &p);
	return p.endpoint == GITHUB_PROTECTION;
}

struct protection {
	int is_protected;
	int64_t approvals;
	int enforce_admins, dismiss_stale, code_owners;
};

/* The `enabled` flag of an {"enabled": bool} member; absent = false. */
static int enabled_flag(const json_t *root, const char *name, int *out,
			struct error *err)
{
	json_t *o;
	char field[64];
	int rc;

	*out = 0;
	if ((rc = json_util_object(root, name, false, "", &o, err)) || !o)
		return rc;
	if ((rc = json_util_bool(o, "enabled", 0, "", out, err))) {
		snprintf(field, sizeof(field), "%s.enabled", name);
		error_set_field(err, field);
	}
	return rc;
}

static int read_reviews(const json_t *root, struct protection *p,
			struct error *err)
{
	json_t *r;
	bool has_count;
	int rc;

	if ((rc = json_util_object(root, "required_pull_request_reviews", false,
				   "", &r, err)) || !r)
		return rc;
	p->approvals = 1;
	if ((rc = json_util_integer(r, "required_approving_review_count", 0, 100,
				    "", &p->approvals, &has_count, err)) ||
	    (rc = json_util_bool(r, "dismiss_stale_reviews", 0, "",
				 &p->dismiss_stale, err)) ||
	    (rc = json_util_bool(r, "require_code_owner_reviews", 0, "",
				 &p->code_owners, err))) {
		struct text_writer w;
		char field[ERROR_NAME_MAX];

		text_writer_init(&w, field, sizeof(field));
		text_writer_put(&w, "required_pull_request_reviews.%s",
				err->field);
		error_set_field(err, field);
		return rc;
	}
	if (!has_count)
		p->approvals = 1;
	return 0;
}

static int read_protection(const json_t *root, struct protection *p,
			   struct error *err)
{
	const char *message = json_string_value(json_object_get(root, "message"));

	memset(p, 0, sizeof(*p));
	if (message && !json_object_get(root, "url")) {
		if (strcmp(message, NOT_PROTECTED) == 0)
			return 0;
		return error_input(err, NULL, 0, NULL, NULL,
				   "GitHub answered \"%.100s\" instead of the "
				   "branch protection: the token that exported "
				   "it lacks admin permission on the repository "
				   "(or the branch does not exist); export again "
				   "with a token that has administration read "
				   "access", message);
	}
	p->is_protected = 1;
	if (json_object_get(root, "required_pull_request_reviews") &&
	    (read_reviews(root, p, err)))
		return err->code;
	return enabled_flag(root, "enforce_admins", &p->enforce_admins, err);
}

static int github_protection_parse(const struct import_input *in,
				   struct import_output *out,
				   struct error *err)
{
	struct github_path gp;
	struct protection p;
	struct attrs a;
	struct buf key = BUF_INIT;
	json_t *root;
	int rc;

	if ((rc = github_path_expect(in->path, GITHUB_PROTECTION, &gp, err)) ||
	    (rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	if ((rc = read_protection(root, &p, err)) ||
	    (rc = apps_keyf(&key, err, "%s/%s", gp.repo, gp.branch)))
		goto done;
	attrs_init(&a);
	attrs_str(&a, "system", gp.system);
	attrs_str(&a, "repo", gp.repo);
	attrs_str(&a, "branch", gp.branch);
	attrs_bool(&a, "protected", p.is_protected);
	attrs_int(&a, "required_approvals", p.approvals);
	attrs_bool(&a, "enforce_admins", p.enforce_admins);
	attrs_bool(&a, "dismiss_stale_reviews", p.dismiss_stale);
	attrs_bool(&a, "require_code_owner_reviews", p.code_owners);
	rc = attrs_emit(&a, out, "github_protection", buf_cstr(&key), err);
done:
	buf_release(&key);
	json_decref(root);
	return rc;
}

const struct importer importer_github_protection = {
	.name = "github.protection",
	.source = "github",
	.description = "GitHub branch protection (GET /repos/{o}/{r}/branches/{b}/protection)",
	.recognise = github_protection_recognise,
	.parse = github_protection_parse,
};
