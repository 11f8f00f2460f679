/*
 * test_checks_change.c - the change family (src/checks/change*.c): for each
 * check a passing case (including the "PR approved after a
 * comment", which must not be reported), failing cases with the exact
 * subject, system and detail, "not evaluated" without the GitHub exports,
 * and the pulls of octokit.rb imported from the real recording.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>

#include "check_test.h"
#include "test_import_apps.h"

#define SYS "github:acme"
#define REPO "acme/api"
#define PR_URL "https://github.com/acme/api/pull/"

/* ---- fact builders ---------------------------------------------------- */

static void add_repo(struct fact_list *l, const char *repo, const char *branch,
		     bool archived)
{
	char json[512];

	snprintf(json, sizeof(json),
		 "{\"system\":\"" SYS "\",\"repo\":\"%s\",\"default_branch\":\"%s\","
		 "\"private\":true,\"archived\":%s,\"url\":\"https://github.com/%s\"}",
		 repo, branch, archived ? "true" : "false", repo);
	add_fact(l, "github_repo", repo, json, "2026-09-30", "sha256:repo");
}

/* A PR of acme/api; merged NULL = not merged. */
static void add_pull(struct fact_list *l, int number, const char *author, const char *base,
		     const char *merged, const char *head, const char *merge_sha)
{
	char key[64], json[1024];

	snprintf(key, sizeof(key), REPO "#%d", number);
	snprintf(json, sizeof(json),
		 "{\"system\":\"" SYS "\",\"repo\":\"" REPO "\",\"number\":%d,"
		 "\"url\":\"" PR_URL "%d\",\"author\":\"%s\",\"author_type\":\"User\","
		 "\"state\":\"closed\",\"merged_at\":%s%s%s,\"base_ref\":\"%s\","
		 "\"head_sha\":\"%s\",\"merge_commit_sha\":\"%s\","
		 "\"created_at\":\"2026-04-20T09:00:00Z\",\"title\":\"change %d\"}",
		 number, number, author, merged ? "\"" : "", merged ? merged : "null",
		 merged ? "\"" : "", base, head, merge_sha, number);
	add_fact(l, "github_pull", key, json, "2026-09-30", "sha256:pulls");
}

static void add_review(struct fact_list *l, int number, long id, const char *reviewer,
		       const char *type, const char *state, const char *at)
{
	char key[96], json[512];

	snprintf(key, sizeof(key), REPO "#%d/%ld", number, id);
	snprintf(json, sizeof(json),
		 "{\"system\":\"" SYS "\",\"repo\":\"" REPO "\",\"number\":%d,"
		 "\"reviewer\":\"%s\",\"reviewer_type\":\"%s\",\"state\":\"%s\","
		 "\"submitted_at\":%s%s%s,\"commit_id\":\"abc\"}",
		 number, reviewer, type, state, at ? "\"" : "", at ? at : "null",
		 at ? "\"" : "");
	add_fact(l, "github_review", key, json, "2026-09-30", "sha256:reviews");
}

static void add_commit(struct fact_list *l, const char *sha, const char *login,
		       const char *at, const char *message)
{
	char key[96], json[512];

	snprintf(key, sizeof(key), REPO "@%s", sha);
	snprintf(json, sizeof(json),
		 "{\"system\":\"" SYS "\",\"repo\":\"" REPO "\",\"sha\":\"%s\","
		 "\"author_login\":\"%s\",\"author_email\":\"%s@acme.example\","
		 "\"committed_at\":\"%s\",\"message\":\"%s\",\"parents\":1}",
		 sha, login, login, at, message);
	add_fact(l, "github_commit", key, json, "2026-09-30", "sha256:commits");
}

static void add_protection(struct fact_list *l, const char *repo, const char *branch,
			   bool protected_, int approvals, bool admins)
{
	char key[128], json[512];

	snprintf(key, sizeof(key), "%s/%s", repo, branch);
	snprintf(json, sizeof(json),
		 "{\"system\":\"" SYS "\",\"repo\":\"%s\",\"branch\":\"%s\","
		 "\"protected\":%s,\"required_approvals\":%d,\"enforce_admins\":%s,"
		 "\"dismiss_stale_reviews\":true,\"require_code_owner_reviews\":false}",
		 repo, branch, protected_ ? "true" : "false", approvals,
		 admins ? "true" : "false");
	add_fact(l, "github_protection", key, json, "2026-09-30", "sha256:protection");
}

/* ---- change.unreviewed-merge ----------------------------------------- */

static void unreviewed_merge_pass(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_repo(&l, REPO, "main", false);
	/* approved by another person */
	add_pull(&l, 1, "alice", "main", "2026-05-04T10:00:00Z", "h1", "m1");
	add_review(&l, 1, 101, "bob", "User", "APPROVED", "2026-05-04T09:00:00Z");
	/* approved after a comment (the no-false-alarm case) */
	add_pull(&l, 2, "alice", "main", "2026-05-05T10:00:00Z", "h2", "m2");
	add_review(&l, 2, 201, "bob", "User", "COMMENTED", "2026-05-05T08:00:00Z");
	add_review(&l, 2, 202, "bob", "User", "APPROVED", "2026-05-05T09:00:00Z");
	/* a comment after the approval does not withdraw it */
	add_pull(&l, 3, "alice", "main", "2026-05-06T10:00:00Z", "h3", "m3");
	add_review(&l, 3, 301, "carol", "User", "APPROVED", "2026-05-06T08:00:00Z");
	add_review(&l, 3, 302, "carol", "User", "COMMENTED", "2026-05-06T09:00:00Z");
	/* changes requested, then approved by the same reviewer */
	add_pull(&l, 4, "alice", "main", "2026-05-07T10:00:00Z", "h4", "m4");
	add_review(&l, 4, 401, "bob", "User", "CHANGES_REQUESTED", "2026-05-07T08:00:00Z");
	add_review(&l, 4, 402, "bob", "User", "APPROVED", "2026-05-07T09:00:00Z");
	/* the author's own approval plus another person's */
	add_pull(&l, 5, "alice", "main", "2026-05-08T10:00:00Z", "h5", "m5");
	add_review(&l, 5, 501, "alice", "User", "APPROVED", "2026-05-08T08:00:00Z");
	add_review(&l, 5, 502, "Bob", "User", "APPROVED", "2026-05-08T09:00:00Z");
	/* not reported: not merged, another base, merged before the window */
	add_pull(&l, 6, "alice", "main", NULL, "h6", "m6");
	add_pull(&l, 7, "alice", "gh-pages", "2026-05-09T10:00:00Z", "h7", "m7");
	add_pull(&l, 8, "alice", "main", "2026-03-31T23:00:00Z", "h8", "m8");
	/* merged after as_of */
	add_pull(&l, 9, "alice", "main", "2026-07-02T10:00:00Z", "h9", "m9");
	assert_int_equal(run_one_check("change.unreviewed-merge", &l, NULL, "2026-07-01", NULL,
				       &run), RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	fact_list_release(&l);
}

static void unreviewed_merge_fail(void **state)
{
	struct fact_list l;
	struct check_run run;
	const struct finding *f;

	(void)state;
	fact_list_init(&l);
	add_repo(&l, REPO, "main", false);
	add_pull(&l, 10, "alice", "main", "2026-05-04T10:00:00Z", "h10", "m10");
	/* approval superseded by a later request for changes */
	add_pull(&l, 11, "alice", "main", "2026-05-05T10:00:00Z", "h11", "m11");
	add_review(&l, 11, 1101, "bob", "User", "APPROVED", "2026-05-05T08:00:00Z");
	add_review(&l, 11, 1102, "bob", "User", "CHANGES_REQUESTED", "2026-05-05T09:00:00Z");
	/* approval dismissed */
	add_pull(&l, 12, "alice", "main", "2026-05-06T10:00:00Z", "h12", "m12");
	add_review(&l, 12, 1201, "bob", "User", "APPROVED", "2026-05-06T08:00:00Z");
	add_review(&l, 12, 1202, "bob", "User", "DISMISSED", "2026-05-06T09:00:00Z");
	/* only the author and a bot approved; a comment; a pending review */
	add_pull(&l, 13, "alice", "main", "2026-05-07T10:00:00Z", "h13", "m13");
	add_review(&l, 13, 1301, "alice", "User", "APPROVED", "2026-05-07T08:00:00Z");
	add_review(&l, 13, 1302, "renovate[bot]", "Bot", "APPROVED", "2026-05-07T08:30:00Z");
	add_review(&l, 13, 1303, "dave", "User", "COMMENTED", "2026-05-07T09:00:00Z");
	add_review(&l, 13, 1304, "erin", "User", "PENDING", NULL);
	/* approved only after the merge */
	add_pull(&l, 14, "alice", "main", "2026-05-08T10:00:00Z", "h14", "m14");
	add_review(&l, 14, 1401, "carol", "User", "APPROVED", "2026-05-09T11:00:00Z");
	assert_int_equal(run_one_check("change.unreviewed-merge", &l, NULL, "2026-09-30", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 5);
	assert_finding(&run, PR_URL "10", SYS,
		       "authored by alice, merged into main on 2026-05-04 with no review "
		       "before the merge");
	assert_finding(&run, PR_URL "11", SYS,
		       "authored by alice, merged into main on 2026-05-05 without an approval "
		       "from anyone other than its author; latest reviews before the merge: "
		       "bob CHANGES_REQUESTED");
	assert_finding(&run, PR_URL "12", SYS,
		       "authored by alice, merged into main on 2026-05-06 without an approval "
		       "from anyone other than its author; latest reviews before the merge: "
		       "bob DISMISSED");
	assert_finding(&run, PR_URL "13", SYS,
		       "authored by alice, merged into main on 2026-05-07 without an approval "
		       "from anyone other than its author; latest reviews before the merge: "
		       "alice APPROVED (author), renovate[bot] APPROVED (bot)");
	assert_finding(&run, PR_URL "14", SYS,
		       "authored by alice, merged into main on 2026-05-08 with no review "
		       "before the merge; approved only after the merge by carol on 2026-05-09");
	f = finding_for(&run, PR_URL "13");
	assert_int_equal(f->severity, SEVERITY_HIGH);
	/* the PR, the repository and the reviews */
	assert_int_equal(f->evidence_count, 3);
	assert_string_equal(f->evidence[0], "sha256:pulls");
	check_run_release(&run);
	fact_list_release(&l);
}

/* Without a repo fact the default branch is the base most merged PRs
 * targeted; without a window every merge up to as_of counts. */
static void unreviewed_merge_guessed_branch(void **state)
{
	struct fact_list l;
	struct check_run run;
	struct config c;

	(void)state;
	config_defaults(&c);
	fact_list_init(&l);
	add_pull(&l, 20, "alice", "master", "2025-01-04T10:00:00Z", "h20", "m20");
	add_pull(&l, 21, "alice", "master", "2025-01-05T10:00:00Z", "h21", "m21");
	add_review(&l, 21, 2101, "bob", "User", "APPROVED", "2025-01-05T09:00:00Z");
	add_pull(&l, 22, "alice", "gh-pages", "2025-01-06T10:00:00Z", "h22", "m22");
	assert_int_equal(run_one_check("change.unreviewed-merge", &l, NULL, "2026-09-30", &c,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_finding(&run, PR_URL "20", SYS,
		       "authored by alice, merged into master on 2025-01-04 with no review "
		       "before the merge");
	check_run_release(&run);
	fact_list_release(&l);
}

/* The real closed-PR list of octokit.rb (FORMAT-NOTES 3.1), imported by
 * github.pulls, with no reviews: every merge into master is reported, the
 * gh-pages one is not. */
static void unreviewed_merge_real(void **state)
{
	struct import_output out;
	struct error err;
	struct check_run run;
	struct config c;
	size_t expected = 0;

	(void)state;
	config_defaults(&c);
	assert_int_equal(run_fixture("github.pulls",
				     "sources/github/repos/octokit/octokit.rb/pulls.json",
				     "octokit-rb-cassettes/pulls-list__state-closed__octokit.rb.json",
				     NULL, &out, &err), 0);
	for (size_t i = 0; i < out.facts.count; i++)
		if (fact_str(&out.facts.items[i], "merged_at") &&
		    text_equal(fact_str(&out.facts.items[i], "base_ref"), "master"))
			expected++;
	assert_true(expected >= 20);
	assert_int_equal(run_one_check("change.unreviewed-merge", &out.facts, NULL,
				       "2019-12-31", &c, &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, expected);
	assert_finding(&run, "https://github.com/octokit/octokit.rb/pull/411", "github:octokit",
		       "authored by joeyw, merged into master on 2014-01-22 with no review "
		       "before the merge");
	check_run_release(&run);
	import_output_release(&out);
}

/* ---- change.direct-push ---------------------------------------------- */

static void direct_push_pass(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_pull(&l, 1, "alice", "main", "2026-05-04T10:00:00Z", "aaaa1", "bbbb1");
	add_pull(&l, 2, "alice", "main", "2026-05-05T10:00:00Z", "aaaa2", "bbbb2");
	add_commit(&l, "bbbb1", "alice", "2026-05-04T10:00:00Z", "Merge pull request #1");
	add_commit(&l, "AAAA2", "alice", "2026-05-05T10:00:00Z", "change 2");
	/* before the window */
	add_commit(&l, "cccc0", "bob", "2026-03-01T10:00:00Z", "initial import");
	assert_int_equal(run_one_check("change.direct-push", &l, NULL, "2026-09-30", NULL, &run),
			 RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	fact_list_release(&l);
}

static void direct_push_fail(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_pull(&l, 1, "alice", "main", "2026-05-04T10:00:00Z", "aaaa1", "bbbb1");
	/* an unmerged PR's head does not account for the commit */
	add_pull(&l, 2, "bob", "main", NULL, "dddd1", "eeee1");
	add_commit(&l, "bbbb1", "alice", "2026-05-04T10:00:00Z", "Merge pull request #1");
	add_commit(&l, "dddd1", "bob", "2026-06-01T12:00:00Z", "hotfix: raise timeout");
	assert_int_equal(run_one_check("change.direct-push", &l, NULL, "2026-09-30", NULL, &run),
			 RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_finding(&run, "dddd1", SYS,
		       "commit on the default branch of acme/api committed 2026-06-01 by bob "
		       "<bob@acme.example>, brought by no merged pull request: "
		       "\"hotfix: raise timeout\"");
	assert_int_equal(run.findings.items[0].severity, SEVERITY_HIGH);
	check_run_release(&run);
	fact_list_release(&l);
}

/* ---- change.branch-protection ---------------------------------------- */

static void branch_protection_pass(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_repo(&l, REPO, "main", false);
	add_protection(&l, REPO, "main", true, 1, true);
	/* another branch's weaker rules are not the default branch's */
	add_protection(&l, REPO, "develop", false, 0, false);
	/* an archived repository takes no changes */
	add_repo(&l, "acme/old", "master", true);
	add_protection(&l, "acme/old", "master", false, 0, false);
	assert_int_equal(run_one_check("change.branch-protection", &l, NULL, "2026-09-30", NULL,
				       &run), RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	fact_list_release(&l);
}

static void branch_protection_fail(void **state)
{
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_repo(&l, REPO, "main", false);
	add_protection(&l, REPO, "main", false, 0, false);
	add_repo(&l, "acme/web", "trunk", false);
	add_protection(&l, "acme/web", "trunk", true, 0, false);
	add_repo(&l, "acme/ops", "main", false);
	add_protection(&l, "acme/ops", "main", true, 2, false);
	assert_int_equal(run_one_check("change.branch-protection", &l, NULL, "2026-09-30", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 3);
	assert_finding(&run, REPO, SYS, "default branch main is not protected");
	assert_int_equal(finding_for(&run, REPO)->severity, SEVERITY_HIGH);
	assert_finding(&run, "acme/web", SYS,
		       "default branch trunk requires no approving review; its rules are not "
		       "enforced for administrators");
	assert_int_equal(finding_for(&run, "acme/web")->severity, SEVERITY_MEDIUM);
	assert_finding(&run, "acme/ops", SYS,
		       "default branch main protection is not enforced for administrators");
	check_run_release(&run);
	fact_list_release(&l);
}

/* ---- not evaluated --------------------------------------------------- */

static void change_not_evaluated(void **state)
{
	static const char *const only_pulls[] = {"github.pulls", "hr.roster", NULL};
	struct fact_list l;
	struct check_run run;

	(void)state;
	fact_list_init(&l);
	add_pull(&l, 1, "alice", "main", "2026-05-04T10:00:00Z", "h1", "m1");
	assert_int_equal(run_one_check("change.unreviewed-merge", &l, only_pulls, "2026-09-30",
				       NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no github.reviews evidence imported as of this date");
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	assert_int_equal(run_one_check("change.direct-push", &l, only_pulls, "2026-09-30",
				       NULL, &run), RESULT_NOT_EVALUATED);
	check_run_release(&run);
	assert_int_equal(run_one_check("change.branch-protection", &l, only_pulls, "2026-09-30",
				       NULL, &run), RESULT_NOT_EVALUATED);
	check_run_release(&run);
	fact_list_release(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(unreviewed_merge_pass),
		cmocka_unit_test(unreviewed_merge_fail),
		cmocka_unit_test(unreviewed_merge_guessed_branch),
		cmocka_unit_test(unreviewed_merge_real),
		cmocka_unit_test(direct_push_pass),
		cmocka_unit_test(direct_push_fail),
		cmocka_unit_test(branch_protection_pass),
		cmocka_unit_test(branch_protection_fail),
		cmocka_unit_test(change_not_evaluated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
