/* test_import_github.c - the github.* importers on the real REST bodies
 * recorded by octokit.rb and octokit/fixtures, and broken input. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_import_apps.h"

#define RB "octokit-rb-cassettes/"
#define FX "octokit-fixtures/"
#define OWN "tests/fixtures/github/"
#define PROT_WS "sources/github/repos/acme-health/platform/branches/main/protection.json"

static void members_real(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("github.members",
				     "sources/github/orgs/codeforamerica/members.json",
				     RB "org-members-list__codeforamerica-page1.json",
				     NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "account"), 30);
	assert_int_equal(count_true(&out, "account", "active"), 30);
	f = find_fact(&out, "account", "github:codeforamerica/sferik");
	assert_string_equal(fact_str(f, "system"), "github:codeforamerica");
	assert_string_equal(fact_str(f, "account"), "sferik");
	assert_string_equal(fact_str(f, "kind"), "member");
	assert_string_equal(fact_str(f, "id"), "10308");
	assert_true(attr_is_null(f, "mfa"));
	assert_true(attr_is_null(f, "admin"));
	assert_true(attr_is_null(f, "email"));
	import_output_release(&out);
}

static void pulls_real_closed(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("github.pulls",
				     "sources/github/repos/octokit/octokit.rb/pulls.json",
				     RB "pulls-list__state-closed__octokit.rb.json",
				     NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "github_pull"), 30);
	/* FORMAT-NOTES 3.1: 27 merged, one targeting gh-pages */
	assert_int_equal(count_attr(&out, "github_pull", "merged_at", NULL), 3);
	assert_int_equal(count_attr(&out, "github_pull", "base_ref", "gh-pages"), 1);
	assert_int_equal(count_attr(&out, "github_pull", "state", "closed"), 30);
	f = find_fact(&out, "github_pull", "octokit/octokit.rb#411");
	assert_string_equal(fact_str(f, "system"), "github:octokit");
	assert_string_equal(fact_str(f, "repo"), "octokit/octokit.rb");
	assert_int_equal(fact_int(f, "number", 0), 411);
	assert_string_equal(fact_str(f, "url"), "https://github.com/octokit/octokit.rb/pull/411");
	assert_string_equal(fact_str(f, "author"), "joeyw");
	assert_string_equal(fact_str(f, "author_type"), "User");
	assert_string_equal(fact_str(f, "merged_at"), "2014-01-22T00:47:17Z");
	assert_string_equal(fact_str(f, "base_ref"), "master");
	assert_string_equal(fact_str(f, "merge_commit_sha"),
			    "97e4964cc9222b18a62b9de62c4f5d1efb762db8");
	assert_string_equal(fact_str(f, "created_at"), "2014-01-21T20:20:23Z");
	assert_int_equal(strlen(fact_str(f, "head_sha")), 40);
	f = find_fact(&out, "github_pull", "octokit/octokit.rb#400");
	assert_true(attr_is_null(f, "merged_at"));
	import_output_release(&out);

	assert_int_equal(run_fixture("github.pulls",
				     "sources/github/repos/octokit/octokit.rb/pulls.2.json",
				     RB "pulls-list__state-open__octokit.rb.json",
				     NULL, &out, &err), 0);
	assert_int_equal(count_attr(&out, "github_pull", "state", "open"), 5);
	import_output_release(&out);
}

static void reviews_real_placeholder(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_fixture("github.reviews",
				     "sources/github/repos/octokit/octokit.rb/pulls/841/reviews.json",
				     RB "pull-reviews-list__octokit.rb-pull-841.json",
				     NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "reviews[0]: field 'submitted_at': invalid timestamp "
			  "\"2016-11-29T17:59:<GITHUB_TEST_INTEGRATION>Z\"");
	import_output_release(&out);
}

static void reviews_valid(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("github.reviews",
				     "sources/github/repos/octokit/octokit.rb/pulls/841/reviews.json",
				     OWN "reviews.json", NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "github_review"), 3);
	f = find_fact(&out, "github_review", "octokit/octokit.rb#841/10591920");
	assert_string_equal(fact_str(f, "reviewer"), "tarebyte");
	assert_string_equal(fact_str(f, "reviewer_type"), "User");
	assert_string_equal(fact_str(f, "state"), "APPROVED");
	assert_string_equal(fact_str(f, "submitted_at"), "2016-11-29T17:59:52Z");
	assert_int_equal(fact_int(f, "number", 0), 841);
	f = find_fact(&out, "github_review", "octokit/octokit.rb#841/10593001");
	assert_string_equal(fact_str(f, "state"), "PENDING");
	assert_true(attr_is_null(f, "submitted_at"));
	import_output_release(&out);
}

static void commits_real(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("github.commits",
				     "sources/github/repos/sferik/rails_admin/commits.json",
				     RB "commits-list__sferik-rails_admin.json",
				     NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "github_commit"), 30);
	assert_int_equal(count_attr(&out, "github_commit", "author_login", NULL), 0);
	f = find_fact(&out, "github_commit",
		      "sferik/rails_admin@ab1db7dc469085efce1be53dbed28f942758cf84");
	assert_string_equal(fact_str(f, "system"), "github:sferik");
	assert_string_equal(fact_str(f, "repo"), "sferik/rails_admin");
	assert_string_equal(fact_str(f, "sha"), "ab1db7dc469085efce1be53dbed28f942758cf84");
	assert_string_equal(fact_str(f, "author_login"), "sferik");
	assert_string_equal(fact_str(f, "author_email"), "sferik@gmail.com");
	assert_string_equal(fact_str(f, "committed_at"), "2013-06-14T19:21:27Z");
	assert_string_equal(fact_str(f, "message"),
			    "Merge pull request #1671 from scarfaceDeb/scoped-dom_ready");
	assert_int_equal(fact_int(f, "parents", 0), 2);
	import_output_release(&out);
}

static void commits_author_null(void **state)
{
	static const char text[] =
		"[{\"sha\": \"0123456789abcdef0123456789abcdef01234567\", \"author\": null,"
		" \"committer\": null, \"commit\": {\"author\": {\"name\": \"Ops Bot\","
		" \"email\": \"Ops@Acme-Health.example\", \"date\": \"2026-09-01T10:00:00Z\"},"
		" \"committer\": {\"name\": \"GitHub\", \"email\": \"noreply@github.com\","
		" \"date\": \"2026-09-02T11:00:00+02:00\"}, \"message\": \"hotfix\\r\\n\\nbody\"},"
		" \"parents\": [{\"sha\": \"1111111111111111111111111111111111111111\"}]}]";
	static const char bad[] =
		"[{\"sha\": \"01\", \"commit\": {\"committer\": {\"date\": \"2026-09-31T10:00:00Z\"}}}]";
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_bytes("github.commits",
				   "sources/github/repos/acme-health/platform/commits.json",
				   text, strlen(text), NULL, &out, &err), 0);
	f = find_fact(&out, "github_commit",
		      "acme-health/platform@0123456789abcdef0123456789abcdef01234567");
	assert_true(attr_is_null(f, "author_login"));
	assert_string_equal(fact_str(f, "author_email"), "ops@acme-health.example");
	assert_string_equal(fact_str(f, "committed_at"), "2026-09-02T09:00:00Z");
	assert_string_equal(fact_str(f, "message"), "hotfix");
	assert_int_equal(fact_int(f, "parents", 0), 1);
	import_output_release(&out);

	assert_int_equal(run_bytes("github.commits",
				   "sources/github/repos/acme-health/platform/commits.json",
				   bad, strlen(bad), NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "commits[0]: field 'commit.committer.date': "
			  "invalid timestamp \"2026-09-31T10:00:00Z\"");
	import_output_release(&out);
}

static void protection_not_protected(void **state)
{
	static const char *const files[] = {
		RB "branch-protection-get__404-not-protected.json",
		FX "branch-protection__1-get-404-not-protected.json",
	};
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(run_fixture("github.protection", PROT_WS, files[i],
					     NULL, &out, &err), 0);
		assert_int_equal(out.facts.count, 1);
		f = find_fact(&out, "github_protection", "acme-health/platform/main");
		assert_string_equal(fact_str(f, "system"), "github:acme-health");
		assert_string_equal(fact_str(f, "repo"), "acme-health/platform");
		assert_string_equal(fact_str(f, "branch"), "main");
		assert_false(fact_bool(f, "protected", 1));
		assert_int_equal(fact_int(f, "required_approvals", -1), 0);
		assert_false(fact_bool(f, "enforce_admins", 1));
		import_output_release(&out);
	}
}

static void protection_protected(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	/* 2022: protection without a reviews rule (no key at all) */
	assert_int_equal(run_fixture("github.protection", PROT_WS,
				     FX "branch-protection__2-put-200-response.json",
				     NULL, &out, &err), 0);
	f = find_fact(&out, "github_protection", "acme-health/platform/main");
	assert_true(fact_bool(f, "protected", 0));
	assert_int_equal(fact_int(f, "required_approvals", -1), 0);
	assert_false(fact_bool(f, "enforce_admins", 1));
	assert_false(fact_bool(f, "dismiss_stale_reviews", 1));
	import_output_release(&out);

	/* 2022: one approval, stale reviews dismissed, admins included */
	assert_int_equal(run_fixture("github.protection", PROT_WS,
				     FX "branch-protection__3-put-200-response.json",
				     NULL, &out, &err), 0);
	f = find_fact(&out, "github_protection", "acme-health/platform/main");
	assert_int_equal(fact_int(f, "required_approvals", -1), 1);
	assert_true(fact_bool(f, "enforce_admins", 0));
	assert_true(fact_bool(f, "dismiss_stale_reviews", 0));
	assert_false(fact_bool(f, "require_code_owner_reviews", 1));
	import_output_release(&out);

	/* 2019: two approvals */
	assert_int_equal(run_fixture("github.protection", PROT_WS,
				     RB "branch-protection-put__required-approving-review-count.json",
				     NULL, &out, &err), 0);
	f = find_fact(&out, "github_protection", "acme-health/platform/main");
	assert_int_equal(fact_int(f, "required_approvals", -1), 2);
	import_output_release(&out);

	/* 2019: status checks and enforce_admins only */
	assert_int_equal(run_fixture("github.protection", PROT_WS,
				     RB "branch-protection-get__protected.json",
				     NULL, &out, &err), 0);
	f = find_fact(&out, "github_protection", "acme-health/platform/main");
	assert_true(fact_bool(f, "protected", 0));
	assert_int_equal(fact_int(f, "required_approvals", -1), 0);
	assert_true(fact_bool(f, "enforce_admins", 0));
	import_output_release(&out);
}

static void protection_no_permission(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_fixture("github.protection", PROT_WS,
				     OWN "protection-not-found.json", NULL, &out, &err),
			 ERR_INPUT);
	assert_error_text(&err, "GitHub answered \"Not Found\" instead of the branch "
			  "protection: the token that exported it lacks admin "
			  "permission on the repository (or the branch does not "
			  "exist); export again with a token that has "
			  "administration read access");
	assert_int_equal(out.facts.count, 0);
	import_output_release(&out);
}

static void protection_branch_with_slash(void **state)
{
	static const char text[] =
		"{\"url\": \"https://api.github.com/repos/acme-health/platform/branches/release/2026.09/protection\","
		" \"required_pull_request_reviews\": {\"dismiss_stale_reviews\": false,"
		" \"require_code_owner_reviews\": true}, \"enforce_admins\": {\"enabled\": false}}";
	static const char bad[] =
		"{\"url\": \"x\", \"required_pull_request_reviews\": "
		"{\"required_approving_review_count\": \"2\"}}";
	struct import_output out;
	struct error err;
	const struct fact *f;
	const char *ws = "sources/github/repos/acme-health/platform/branches/release/2026.09/protection.json";

	(void)state;
	assert_string_equal(importer_for(ws, "", 0)->name, "github.protection");
	assert_int_equal(run_bytes("github.protection", ws, text, strlen(text), NULL,
				   &out, &err), 0);
	f = find_fact(&out, "github_protection", "acme-health/platform/release/2026.09");
	assert_string_equal(fact_str(f, "branch"), "release/2026.09");
	/* pre-2018 shape: reviews required, no count: one approval */
	assert_int_equal(fact_int(f, "required_approvals", -1), 1);
	assert_true(fact_bool(f, "require_code_owner_reviews", 0));
	import_output_release(&out);

	assert_int_equal(run_bytes("github.protection", ws, bad, strlen(bad), NULL,
				   &out, &err), ERR_INPUT);
	assert_error_text(&err, "field 'required_pull_request_reviews."
			  "required_approving_review_count': expected a whole number, "
			  "found a string");
	import_output_release(&out);
}

static void repo_own_fixture(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("github.repo", "sources/github/repos/acme-health/platform.json",
				     OWN "repo.json", NULL, &out, &err), 0);
	f = find_fact(&out, "github_repo", "acme-health/platform");
	assert_string_equal(fact_str(f, "system"), "github:acme-health");
	assert_string_equal(fact_str(f, "repo"), "acme-health/platform");
	assert_string_equal(fact_str(f, "default_branch"), "main");
	assert_true(fact_bool(f, "private", 0));
	assert_false(fact_bool(f, "archived", 1));
	assert_string_equal(fact_str(f, "url"), "https://github.com/acme-health/platform");
	import_output_release(&out);
}

static void list_errors(void **state)
{
	static const char truncated[] = "[{\"login\": \"octocat\",\n  \"id\": 58";
	static const char no_login[] = "[{\"login\": \"octocat\", \"id\": 1}, {\"id\": 2}]";
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_fixture("github.members", "sources/github/orgs/acme-health/members.json",
				     OWN "bad-credentials.json", NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "expected a JSON array (the list the API returns), "
			  "found an error body: \"Bad credentials\"");
	import_output_release(&out);

	assert_int_equal(run_bytes("github.members", "sources/github/orgs/acme-health/members.json",
				   truncated, strlen(truncated), NULL, &out, &err), ERR_INPUT);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 10);
	import_output_release(&out);

	assert_int_equal(run_bytes("github.members", "sources/github/orgs/acme-health/members.json",
				   no_login, strlen(no_login), NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "members[1]: field 'login': required field is missing");
	import_output_release(&out);

	/* webhook payloads are not REST bodies */
	assert_int_equal(run_fixture("github.pulls", "sources/github/repos/octokit/octokit.rb/pulls.json",
				     "octokit-webhooks-payloads/pull_request__closed.payload.json",
				     NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "expected a JSON array (the list the API returns) "
			  "at the top level, found an object");
	import_output_release(&out);
}

static void path_recognition(void **state)
{
	(void)state;
	assert_string_equal(importer_for("sources/github/orgs/acme/members.3.json", "", 0)->name,
			    "github.members");
	assert_string_equal(importer_for("sources/github/repos/acme/web.site.json", "", 0)->name,
			    "github.repo");
	assert_string_equal(importer_for("sources/github/repos/acme/web/commits.2.json", "", 0)->name,
			    "github.commits");
	assert_string_equal(importer_for("sources/github/repos/acme/web/pulls/17/reviews.json", "", 0)->name,
			    "github.reviews");
	assert_null(importer_for("sources/github/repos/acme/web/pulls/x17/reviews.json", "", 0));
	assert_null(importer_for("sources/github/repos/acme/web/issues.json", "", 0));
	assert_null(importer_for("sources/github/repos/acme/web/branches/protection.json", "", 0));
	assert_null(importer_for("sources/github/orgs/acme/teams.json", "", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(members_real),
		cmocka_unit_test(pulls_real_closed),
		cmocka_unit_test(reviews_real_placeholder),
		cmocka_unit_test(reviews_valid),
		cmocka_unit_test(commits_real),
		cmocka_unit_test(commits_author_null),
		cmocka_unit_test(protection_not_protected),
		cmocka_unit_test(protection_protected),
		cmocka_unit_test(protection_no_permission),
		cmocka_unit_test(protection_branch_with_slash),
		cmocka_unit_test(repo_own_fixture),
		cmocka_unit_test(list_errors),
		cmocka_unit_test(path_recognition),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
