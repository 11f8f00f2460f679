/*
 * github_commits.c - commits of the default branch
 * (`GET /repos/{o}/{r}/commits?sha=<default>`), saved as
 * sources/github/repos/<owner>/<repo>/commits.json (further pages
 * commits.2.json, ...).  One `github_commit` fact per commit (docs/facts.md;
 * FORMAT-NOTES 3.4).
 *
 * committed_at is the committer date (when the commit landed on the
 * branch; a rebased commit keeps its old author date), else the author
 * date.  The top-level `author` is null when the e-mail maps to no GitHub
 * user: author_login null.  message keeps the first line only.
 */
#include "importers/importer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importers/apps_common.h"
#include "importers/github_common.h"
#include "importers/json_util.h"
#include "util/text.h"

static bool github_commits_recognise(const char *path, const char *data,
				     size_t size)
{
	struct github_path p;

	(void)data;
	(void)size;
	github_path_parse(path, &p);
	return p.endpoint == GITHUB_COMMITS;
}

struct commit {
	const char *sha, *login, *email, *message;
	stamp_t committed;
	size_t parents;
};

/* commit.<who>.<what> with the error naming the whole path. */
static int person_field(const json_t *commit, const char *who, const char *what,
			const char *record, json_t **person, const char **str,
			stamp_t *when, struct error *err)
{
	char field[64];
	int rc;

	if ((rc = json_util_object(commit, who, false, record, person, err))) {
		snprintf(field, sizeof(field), "commit.%s", who);
		error_set_field(err, field);
		return rc;
	}
	if (!*person)
		return 0;
	rc = str ? json_util_string(*person, what, false, record, str, err)
		 : json_util_stamp(*person, what, record, when, err);
	if (rc) {
		snprintf(field, sizeof(field), "commit.%s.%s", who, what);
		error_set_field(err, field);
	}
	return rc;
}

static int read_commit(const json_t *c, const char *record, struct commit *k,
		       struct error *err)
{
	json_t *commit, *parents, *person;
	stamp_t authored = STAMP_NONE;
	int rc;

	k->email = NULL;
	k->committed = STAMP_NONE;
	if ((rc = json_util_string(c, "sha", true, record, &k->sha, err)) ||
	    (rc = json_util_object(c, "commit", true, record, &commit, err)) ||
	    (rc = apps_nested_string(c, "author", "login", false, record,
				       &k->login, err)) ||
	    (rc = json_util_array(c, "parents", false, record, &parents, err)))
		return rc;
	if ((rc = json_util_string(commit, "message", false, record, &k->message,
				   err))) {
		error_set_field(err, "commit.message");
		return rc;
	}
	if ((rc = person_field(commit, "author", "email", record, &person,
			       &k->email, NULL, err)) ||
	    (rc = person_field(commit, "author", "date", record, &person, NULL,
			       &authored, err)) ||
	    (rc = person_field(commit, "committer", "date", record, &person,
			       NULL, &k->committed, err)))
		return rc;
	if (k->committed == STAMP_NONE)
		k->committed = authored;
	k->parents = json_array_size(parents);
	return 0;
}

static int one_commit(const json_t *c, const char *record,
		      const struct github_path *gp, struct import_output *out,
		      struct buf *key, struct error *err)
{
	struct commit k;
	struct attrs a;
	char *first;
	int rc;

	if ((rc = read_commit(c, record, &k, err)) ||
	    (rc = apps_keyf(key, err, "%s@%s", gp->repo, k.sha)))
		return rc;
	first = k.message ? text_dup_n(k.message, strcspn(k.message, "\r\n"))
			  : NULL;
	attrs_init(&a);
	if (k.message && !first)
		a.failed = true;
	attrs_str(&a, "system", gp->system);
	attrs_str(&a, "repo", gp->repo);
	attrs_str(&a, "sha", k.sha);
	attrs_str(&a, "author_login", k.login);
	attrs_lower(&a, "author_email", k.email);
	attrs_stamp(&a, "committed_at", k.committed);
	attrs_str(&a, "message", first);
	attrs_int(&a, "parents", (long long)k.parents);
	free(first);
	return attrs_emit(&a, out, "github_commit", buf_cstr(key), err);
}

static int github_commits_parse(const struct import_input *in,
				struct import_output *out, struct error *err)
{
	struct github_path p;
	char record[ERROR_NAME_MAX];
	struct buf key = BUF_INIT;
	json_t *root, *c;
	int rc;

	if ((rc = github_path_expect(in->path, GITHUB_COMMITS, &p, err)) ||
	    (rc = apps_load_array(&root, in->data, in->size, err)))
		return rc;
	for (size_t i = 0; i < json_array_size(root) && !rc; i++) {
		rc = apps_list_object(root, i, "commits", record, &c, err);
		if (!rc)
			rc = one_commit(c, record, &p, out, &key, err);
	}
	buf_release(&key);
	json_decref(root);
	return rc;
}

const struct importer importer_github_commits = {
	.name = "github.commits",
	.source = "github",
	.description = "GitHub commits of the default branch (GET /repos/{o}/{r}/commits)",
	.recognise = github_commits_recognise,
	.parse = github_commits_parse,
};
