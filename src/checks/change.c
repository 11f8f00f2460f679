/*
 * change.c - change management checks about pull requests and the default
 * branch (controls CM-01, CM-02; docs/checks/change.md):
 *
 *   change.unreviewed-merge   a PR merged into the default branch without an
 *                             approval from someone other than its author
 *   change.branch-protection  the default branch is unprotected, needs no
 *                             approval, or exempts administrators
 *
 * change.direct-push lives in change_push.c.  Both checks here need the
 * default branch of a repository, which only the github_repo fact states;
 * without it the branch most merged PRs targeted stands in (ties: "main",
 * else the alphabetically first), and "main" when there are none.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "util/buf.h"
#include "util/number.h"
#include "util/text.h"

/* ---- default branches ------------------------------------------------ */

struct repo_branch {
	const char *repo;
	const char *branch;
	const struct fact *repo_fact;   /* NULL when guessed from PRs */
};

struct branch_map {
	struct repo_branch *items;
	size_t count;
};

static int compare_str_ptr(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static int compare_branch(const void *a, const void *b)
{
	return compare_str_ptr(((const struct repo_branch *)a)->repo,
			       ((const struct repo_branch *)b)->repo);
}

/* Orders merged PRs by (repo, base_ref) so each repo's bases form runs. */
static int compare_pull_base(const void *a, const void *b)
{
	const struct fact *x = *(const struct fact *const *)a;
	const struct fact *y = *(const struct fact *const *)b;
	int c = compare_str_ptr(fact_str(x, "repo"), fact_str(y, "repo"));

	return c ? c : compare_str_ptr(fact_str(x, "base_ref"), fact_str(y, "base_ref"));
}

static const struct repo_branch *branch_find(const struct branch_map *m,
					     const char *repo)
{
	struct repo_branch key = {repo, NULL, NULL};

	if (!m->count)
		return NULL;
	return bsearch(&key, m->items, m->count, sizeof(key), compare_branch);
}

/* The base most of `refs[0..n)` (one repo, sorted by base) targeted. */
static const char *majority_base(const struct fact *const *refs, size_t n)
{
	const char *best = NULL;
	size_t best_count = 0;

	for (size_t i = 0; i < n;) {
		const char *base = fact_str(refs[i], "base_ref");
		size_t j = i;

		while (j < n && text_equal(fact_str(refs[j], "base_ref"), base))
			j++;
		if (base && (j - i > best_count ||
			     (j - i == best_count && strcmp(base, "main") == 0))) {
			best = base;
			best_count = j - i;
		}
		i = j;
	}
	return best ? best : "main";
}

/* Adds a guessed branch for every repo with merged PRs but no repo fact. */
static int guess_branches(struct branch_map *m, size_t known,
			  const struct fact_list *pulls)
{
	const struct fact **refs = calloc(pulls->count ? pulls->count : 1, sizeof(*refs));
	size_t n = 0;

	if (!refs)
		return ERR_NOMEM;
	for (size_t i = 0; i < pulls->count; i++)
		if (fact_str(&pulls->items[i], "repo") &&
		    fact_stamp(&pulls->items[i], "merged_at") != STAMP_NONE)
			refs[n++] = &pulls->items[i];
	qsort(refs, n, sizeof(*refs), compare_pull_base);
	for (size_t i = 0; i < n;) {
		const char *repo = fact_str(refs[i], "repo");
		struct repo_branch key = {repo, NULL, NULL};
		size_t j = i;

		while (j < n && text_equal(fact_str(refs[j], "repo"), repo))
			j++;
		if (!known || !bsearch(&key, m->items, known, sizeof(key), compare_branch))
			m->items[m->count++] = (struct repo_branch){
				repo, majority_base(refs + i, j - i), NULL};
		i = j;
	}
	free(refs);
	return 0;
}

static int branch_map_build(struct branch_map *m, const struct fact_list *repos,
			    const struct fact_list *pulls)
{
	size_t known;

	m->count = 0;
	m->items = calloc(repos->count + pulls->count + 1, sizeof(*m->items));
	if (!m->items)
		return ERR_NOMEM;
	for (size_t i = 0; i < repos->count; i++) {
		const struct fact *f = &repos->items[i];
		const char *repo = fact_str(f, "repo"), *branch = fact_str(f, "default_branch");

		if (repo && branch)
			m->items[m->count++] = (struct repo_branch){repo, branch, f};
	}
	qsort(m->items, m->count, sizeof(*m->items), compare_branch);
	known = m->count;
	if (guess_branches(m, known, pulls))
		return ERR_NOMEM;
	qsort(m->items, m->count, sizeof(*m->items), compare_branch);
	return 0;
}

/* The default branch of `repo` (see the file comment). */
static const char *default_branch(const struct branch_map *m, const char *repo,
				  const struct fact **repo_fact)
{
	const struct repo_branch *b = branch_find(m, repo);

	*repo_fact = b ? b->repo_fact : NULL;
	return b ? b->branch : "main";
}

/* ---- audit window ---------------------------------------------------- */

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

/* ---- change.unreviewed-merge ----------------------------------------- */

/* Orders reviews by (repo, PR number, submitted_at, review id). */
static int64_t review_id(const struct fact *f)
{
	const char *slash = strrchr(f->key, '/');
	int64_t id = 0;

	if (!slash || number_parse_i64(slash + 1, 0, INT64_MAX, &id))
		return 0;
	return id;
}

/* Sort keys read once per review: comparing through the attribute
 * accessors (hash lookups, timestamp parsing) would cost them on every one
 * of the n log n comparisons, which dominated this check on 200,000 PRs. */
struct review_key {
	const char *repo;
	int64_t number;
	stamp_t submitted;
	int64_t id;
	const struct fact *fact;
};

static int compare_review(const void *a, const void *b)
{
	const struct review_key *x = a, *y = b;
	int c = compare_str_ptr(x->repo, y->repo);

	if (c)
		return c;
	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	if (x->submitted != y->submitted)
		return x->submitted < y->submitted ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Fills job->reviews with the reviews in (repo, number, submitted, id)
 * order. */
static int sort_reviews(const struct fact **out, const struct fact_list *reviews)
{
	struct review_key *keys = calloc(reviews->count + 1, sizeof(*keys));

	if (!keys)
		return ERR_NOMEM;
	for (size_t i = 0; i < reviews->count; i++) {
		const struct fact *f = &reviews->items[i];

		keys[i].repo = fact_str(f, "repo");
		keys[i].number = fact_int(f, "number", 0);
		keys[i].submitted = fact_stamp(f, "submitted_at");
		keys[i].id = review_id(f);
		keys[i].fact = f;
	}
	qsort(keys, reviews->count, sizeof(*keys), compare_review);
	for (size_t i = 0; i < reviews->count; i++)
		out[i] = keys[i].fact;
	free(keys);
	return 0;
}

/* Reviews of one PR: [*first, *first + *n) of the sorted array. */
static void reviews_of(const struct fact *const *sorted, size_t count,
		       const char *repo, int64_t number, size_t *first, size_t *n)
{
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct fact *f = sorted[mid];
		int c = compare_str_ptr(fact_str(f, "repo"), repo);

		if (c < 0 || (c == 0 && fact_int(f, "number", 0) < number))
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	while (lo < count && text_equal(fact_str(sorted[lo], "repo"), repo) &&
	       fact_int(sorted[lo], "number", 0) == number)
		lo++;
	*n = lo - *first;
}

static bool is_bot(const struct fact *review)
{
	const char *type = fact_str(review, "reviewer_type");
	const char *login = fact_str(review, "reviewer");

	return text_equal_nocase(type, "Bot") ||
	       (login && text_ends_with(login, "[bot]"));
}

static bool state_is(const struct fact *review, const char *state)
{
	return text_equal_nocase(fact_str(review, "state"), state);
}

/* One reviewer's latest non-COMMENTED review submitted by the merge. */
struct latest {
	const char *reviewer;
	const struct fact *review;
};

/* Fills `latest` (capacity n) with each reviewer's latest counting review
 * of reviews[0..n) submitted at or before `merged`; returns how many. */
static size_t latest_reviews(const struct fact *const *reviews, size_t n,
			     stamp_t merged, struct latest *latest)
{
	size_t count = 0;

	for (size_t i = 0; i < n; i++) {
		const struct fact *r = reviews[i];
		const char *who = fact_str(r, "reviewer");
		stamp_t at = fact_stamp(r, "submitted_at");
		size_t j;

		/* COMMENTED never changes a verdict; PENDING was never
		 * submitted; a deleted account cannot show independence. */
		if (!who || at == STAMP_NONE || at > merged ||
		    state_is(r, "COMMENTED") || state_is(r, "PENDING"))
			continue;
		for (j = 0; j < count; j++)
			if (text_equal_nocase(latest[j].reviewer, who))
				break;
		latest[j] = (struct latest){who, r};
		if (j == count)
			count++;
	}
	return count;
}

static bool independent_approval(const struct latest *latest, size_t n,
				 const char *author)
{
	for (size_t i = 0; i < n; i++)
		if (state_is(latest[i].review, "APPROVED") && !is_bot(latest[i].review) &&
		    !text_equal_nocase(latest[i].reviewer, author))
			return true;
	return false;
}

/* "authored by alice, merged into main on 2026-05-04 without ..." */
static int merge_detail(struct buf *d, const struct fact *pr, const char *branch,
			const struct latest *latest, size_t nl,
			const struct fact *const *reviews, size_t nr)
{
	const char *author = fact_str(pr, "author");
	stamp_t merged = fact_stamp(pr, "merged_at");
	char day[DATE_TEXT_SIZE];
	bool after = false;
	int rc;

	date_format(stamp_day(merged), day);
	rc = buf_printf(d, "authored by %s, merged into %s on %s ", author ? author : "(unknown)",
			branch, day);
	if (!rc && nl == 0)
		rc = buf_adds(d, "with no review before the merge");
	else if (!rc)
		rc = buf_adds(d, "without an approval from anyone other than its "
			      "author; latest reviews before the merge:");
	for (size_t i = 0; i < nl && !rc; i++) {
		const struct fact *r = latest[i].review;

		rc = buf_printf(d, "%s %s %s%s", i ? "," : "", latest[i].reviewer,
				fact_str(r, "state"),
				is_bot(r) ? " (bot)"
				: text_equal_nocase(latest[i].reviewer, author) ? " (author)" : "");
	}
	for (size_t i = 0; i < nr && !rc; i++) {
		const struct fact *r = reviews[i];
		const char *who = fact_str(r, "reviewer");
		stamp_t at = fact_stamp(r, "submitted_at");

		if (!who || at == STAMP_NONE || at <= merged || !state_is(r, "APPROVED") ||
		    is_bot(r) || text_equal_nocase(who, author))
			continue;
		date_format(stamp_day(at), day);
		rc = buf_printf(d, "%s %s on %s", after ? "," : "; approved only after the merge by",
				who, day);
		after = true;
	}
	return rc;
}

struct merge_job {
	struct check_context *ctx;
	const struct branch_map *branches;
	const struct fact **reviews;   /* sorted */
	size_t review_count;
	struct latest *latest;         /* scratch, review_count + 1 */
	const struct fact **evidence;  /* scratch, review_count + 2 */
};

static int judge_pull(struct merge_job *job, const struct fact *pr)
{
	const struct fact *repo_fact = NULL;
	const char *repo = fact_str(pr, "repo"), *url = fact_str(pr, "url");
	const char *branch = default_branch(job->branches, repo, &repo_fact);
	stamp_t merged = fact_stamp(pr, "merged_at");
	struct buf detail = BUF_INIT, subject = BUF_INIT;
	size_t first, n, nl, ne = 0;
	int rc;

	if (!repo || merged == STAMP_NONE || !in_window(job->ctx, stamp_day(merged)) ||
	    !text_equal(fact_str(pr, "base_ref"), branch))
		return 0;
	reviews_of(job->reviews, job->review_count, repo, fact_int(pr, "number", 0), &first, &n);
	nl = latest_reviews(job->reviews + first, n, merged, job->latest);
	if (independent_approval(job->latest, nl, fact_str(pr, "author")))
		return 0;
	job->evidence[ne++] = pr;
	job->evidence[ne++] = repo_fact;
	for (size_t i = 0; i < n; i++)
		job->evidence[ne++] = job->reviews[first + i];
	rc = merge_detail(&detail, pr, branch, job->latest, nl, job->reviews + first, n);
	if (!rc && !url)
		rc = buf_printf(&subject, "https://github.com/%s/pull/%lld", repo,
				(long long)fact_int(pr, "number", 0));
	if (!rc)
		rc = check_report(job->ctx, url ? url : buf_cstr(&subject),
				  fact_str(pr, "system"), job->evidence, ne, "%s",
				  buf_cstr(&detail));
	buf_release(&detail);
	buf_release(&subject);
	return rc;
}

static int run_unreviewed_merge(struct check_context *ctx, struct error *err)
{
	const struct fact_list *pulls, *reviews, *repos;
	struct branch_map branches = {NULL, 0};
	struct merge_job job = {ctx, &branches, NULL, 0, NULL, NULL};
	int rc;

	if ((rc = check_facts(ctx, "github_pull", &pulls, err)) ||
	    (rc = check_facts(ctx, "github_review", &reviews, err)) ||
	    (rc = check_facts(ctx, "github_repo", &repos, err)))
		return rc;
	job.review_count = reviews->count;
	job.reviews = calloc(reviews->count + 1, sizeof(*job.reviews));
	job.latest = calloc(reviews->count + 1, sizeof(*job.latest));
	job.evidence = calloc(reviews->count + 2, sizeof(*job.evidence));
	rc = job.reviews && job.latest && job.evidence ? 0 : ERR_NOMEM;
	if (!rc)
		rc = branch_map_build(&branches, repos, pulls);
	if (!rc)
		rc = sort_reviews(job.reviews, reviews);
	for (size_t i = 0; i < pulls->count && !rc; i++)
		rc = judge_pull(&job, &pulls->items[i]);
	free(job.reviews);
	free(job.latest);
	free(job.evidence);
	free(branches.items);
	if (rc)
		return error_set(err, rc, "out of memory");
	return 0;
}

const struct check check_change_unreviewed_merge = {
	.id = "change.unreviewed-merge",
	.title = "Pull requests merged into the default branch without independent approval",
	.controls = {"CM-01"},
	.criteria = {"CC8.1", "CC5.2"},
	.severity = SEVERITY_HIGH,
	.requires = {"github.pulls", "github.reviews"},
	.reads = "github_pull, github_review, github_repo (default branch)",
	.fix = "Have someone other than the author review and approve the change "
	       "(a retrospective review for this PR), and require an approving "
	       "review in the default branch's protection so it cannot recur.",
	.run = run_unreviewed_merge,
};

/* ---- change.branch-protection ---------------------------------------- */

static int compare_protection(const void *a, const void *b)
{
	const struct fact *x = *(const struct fact *const *)a;
	const struct fact *y = *(const struct fact *const *)b;
	int c = compare_str_ptr(fact_str(x, "repo"), fact_str(y, "repo"));

	return c ? c : compare_str_ptr(fact_str(x, "branch"), fact_str(y, "branch"));
}

/* Also by evidence, so the copy kept does not depend on the facts' order. */
static int compare_protection_copy(const void *a, const void *b)
{
	const struct fact *x = *(const struct fact *const *)a;
	const struct fact *y = *(const struct fact *const *)b;
	int c = compare_protection(a, b);

	return c ? c : strcmp(x->digest, y->digest);
}

static bool repo_archived(const struct branch_map *m, const char *repo)
{
	const struct fact *repo_fact = NULL;

	default_branch(m, repo, &repo_fact);
	return repo_fact && fact_bool(repo_fact, "archived", 0) == 1;
}

static int judge_protection(struct check_context *ctx, const struct fact *p,
			    const struct fact *repo_fact, const char *branch)
{
	const struct fact *ev[2] = {p, repo_fact};
	const char *repo = fact_str(p, "repo"), *system = fact_str(p, "system");
	struct buf d = BUF_INIT;
	int rc = 0;

	if (fact_bool(p, "protected", 0) != 1)
		return check_report_severity(ctx, SEVERITY_HIGH, repo, system, ev, 2,
					     "default branch %s is not protected", branch);
	if (fact_int(p, "required_approvals", 0) < 1)
		rc = buf_printf(&d, "default branch %s requires no approving review", branch);
	if (!rc && fact_bool(p, "enforce_admins", 0) != 1)
		rc = d.len ? buf_adds(&d, "; its rules are not enforced for administrators")
			   : buf_printf(&d, "default branch %s protection is not enforced "
					"for administrators", branch);
	if (!rc && d.len)
		rc = check_report(ctx, repo, system, ev, 2, "%s", buf_cstr(&d));
	buf_release(&d);
	return rc;
}

static int run_branch_protection(struct check_context *ctx, struct error *err)
{
	const struct fact_list *prot, *repos, *pulls;
	struct branch_map branches = {NULL, 0};
	const struct fact **sorted = NULL;
	int rc;

	if ((rc = check_facts(ctx, "github_protection", &prot, err)) ||
	    (rc = check_facts(ctx, "github_repo", &repos, err)) ||
	    (rc = check_facts(ctx, "github_pull", &pulls, err)))
		return rc;
	sorted = calloc(prot->count + 1, sizeof(*sorted));
	rc = sorted ? branch_map_build(&branches, repos, pulls) : ERR_NOMEM;
	for (size_t i = 0; i < prot->count && !rc; i++)
		sorted[i] = &prot->items[i];
	if (!rc)
		qsort(sorted, prot->count, sizeof(*sorted), compare_protection_copy);
	for (size_t i = 0; i < prot->count && !rc; i++) {
		const struct fact *p = sorted[i], *repo_fact = NULL;
		const char *repo = fact_str(p, "repo");
		const char *branch = repo ? default_branch(&branches, repo, &repo_fact) : NULL;

		/* one fact per repo and branch: a repeated one (two files for the
		 * same branch) is judged once */
		if (i > 0 && compare_protection(&sorted[i - 1], &sorted[i]) == 0)
			continue;
		if (!repo || !text_equal(fact_str(p, "branch"), branch) ||
		    repo_archived(&branches, repo))
			continue;
		rc = judge_protection(ctx, p, repo_fact, branch);
	}
	free(sorted);
	free(branches.items);
	if (rc)
		return error_set(err, rc, "out of memory");
	return 0;
}

const struct check check_change_branch_protection = {
	.id = "change.branch-protection",
	.title = "Default branch protection requires an approval and applies to administrators",
	.controls = {"CM-02", "CM-01"},
	.criteria = {"CC8.1", "CC6.8"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"github.protection"},
	.reads = "github_protection, github_repo (default branch, archived)",
	.fix = "In the repository's branch protection (or a ruleset) for the default "
	       "branch, require a pull request with at least one approving review and "
	       "turn on \"Do not allow bypassing the above settings\" (include "
	       "administrators).",
	.run = run_branch_protection,
};
