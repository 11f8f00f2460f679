/*
 * change_push.c - change.direct-push (control CM-02; docs/checks/change.md):
 * a commit on the default branch that no merged pull request brought.
 *
 * The commits export (commits.json) lists the default branch.  A commit is
 * accounted for when its SHA is the merge_commit_sha or the head_sha of a
 * merged PR of the same repository: the merge commit of a merge, the single
 * commit of a squash, the last commit of a rebase, or a PR branch merged by
 * fast-forward.  What the export cannot tell: the other commits a rebase
 * merge rewrote onto the branch, and the branch commits a merge commit
 * brings in (they are in the history, reachable through the second parent),
 * have SHAs no PR fact names; they are reported too.  Teams that merge
 * multi-commit PRs that way should squash, or read those findings against
 * the PR list.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "util/text.h"

/* A commit some merged PR brought: (sha, repo). */
struct known_sha {
	const char *sha;
	const char *repo;
};

static int compare_nocase(const char *a, const char *b)
{
	for (;; a++, b++) {
		int x = (unsigned char)*a, y = (unsigned char)*b;

		if (x >= 'A' && x <= 'Z')
			x += 'a' - 'A';
		if (y >= 'A' && y <= 'Z')
			y += 'a' - 'A';
		if (x != y || !x)
			return x - y;
	}
}

static int compare_known(const void *a, const void *b)
{
	const struct known_sha *x = a, *y = b;
	int c = compare_nocase(x->sha, y->sha);

	return c ? c : strcmp(x->repo, y->repo);
}

/* SHAs of merged PRs (merge commit and head), sorted. */
static struct known_sha *known_shas(const struct fact_list *pulls, size_t *n)
{
	struct known_sha *k = calloc(2 * pulls->count + 1, sizeof(*k));

	*n = 0;
	if (!k)
		return NULL;
	for (size_t i = 0; i < pulls->count; i++) {
		const struct fact *p = &pulls->items[i];
		const char *repo = fact_str(p, "repo");
		const char *merge = fact_str(p, "merge_commit_sha"), *head = fact_str(p, "head_sha");

		if (!repo || fact_stamp(p, "merged_at") == STAMP_NONE)
			continue;
		if (merge)
			k[(*n)++] = (struct known_sha){merge, repo};
		if (head)
			k[(*n)++] = (struct known_sha){head, repo};
	}
	qsort(k, *n, sizeof(*k), compare_known);
	return k;
}

/* Whether `day` lies in the audit window, cut at as_of; with no window,
 * every day up to as_of. */
static bool in_window(const struct check_context *ctx, day_t day)
{
	const struct config *c = ctx->config;

	if (day == DAY_NONE || day > ctx->as_of)
		return false;
	if (c->window_start != DAY_NONE && day < c->window_start)
		return false;
	if (c->window_end != DAY_NONE && day > c->window_end)
		return false;
	return true;
}

static int judge_commit(struct check_context *ctx, const struct fact *c,
			const struct known_sha *known, size_t n)
{
	const char *sha = fact_str(c, "sha"), *repo = fact_str(c, "repo");
	const char *login = fact_str(c, "author_login"), *email = fact_str(c, "author_email");
	const char *message = fact_str(c, "message");
	stamp_t at = fact_stamp(c, "committed_at");
	struct known_sha key;
	char day[DATE_TEXT_SIZE];
	const struct fact *ev[1] = {c};

	if (!sha || !repo || !in_window(ctx, stamp_day(at)))
		return 0;
	key = (struct known_sha){sha, repo};
	if (n && bsearch(&key, known, n, sizeof(key), compare_known))
		return 0;
	date_format(stamp_day(at), day);
	return check_report(ctx, sha, fact_str(c, "system"), ev, 1,
			    "commit on the default branch of %s committed %s by %s%s%s%s, "
			    "brought by no merged pull request: \"%s\"",
			    repo, day, login ? login : email ? email : "an unknown author",
			    login && email ? " <" : "", login && email ? email : "",
			    login && email ? ">" : "", message ? message : "");
}

static int run_direct_push(struct check_context *ctx, struct error *err)
{
	const struct fact_list *commits, *pulls;
	struct known_sha *known;
	size_t n;
	int rc;

	if ((rc = check_facts(ctx, "github_commit", &commits, err)) ||
	    (rc = check_facts(ctx, "github_pull", &pulls, err)))
		return rc;
	known = known_shas(pulls, &n);
	if (!known)
		return error_set(err, ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < commits->count && !rc; i++)
		rc = judge_commit(ctx, &commits->items[i], known, n);
	free(known);
	if (rc)
		return error_set(err, rc, "out of memory");
	return 0;
}

const struct check check_change_direct_push = {
	.id = "change.direct-push",
	.title = "Commits on the default branch that no merged pull request brought",
	.controls = {"CM-02"},
	.criteria = {"CC8.1", "CC6.8"},
	.severity = SEVERITY_HIGH,
	.requires = {"github.commits", "github.pulls"},
	.reads = "github_commit (default branch), github_pull (merge_commit_sha, head_sha)",
	.fix = "Find who pushed the commit and why; have it reviewed retrospectively "
	       "(or reverted), and protect the default branch so changes only land "
	       "through approved pull requests, for administrators too.",
	.run = run_direct_push,
};
