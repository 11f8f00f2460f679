/* github_common.c - GitHub workspace paths (see github_common.h). */
#include "importers/github_common.h"

#include <stdio.h>
#include <string.h>

#include "importers/apps_common.h"
#include "util/number.h"
#include "util/text.h"

#define GITHUB_SEG_MAX 64

static bool copy_seg(char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size)
		return false;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return true;
}

static bool seg_is(const char *s, size_t n, const char *word)
{
	return n == strlen(word) && memcmp(s, word, n) == 0;
}

static bool set_repo(struct github_path *p, const char *owner, size_t on,
		     const char *repo, size_t rn)
{
	int w;

	if (!copy_seg(p->owner, sizeof(p->owner), owner, on))
		return false;
	w = snprintf(p->repo, sizeof(p->repo), "%s/%.*s", p->owner, (int)rn,
		     repo);
	if (w < 0 || (size_t)w >= sizeof(p->repo))
		return false;
	snprintf(p->system, sizeof(p->system), "github:%s", p->owner);
	return true;
}

/* repos/<owner>/<repo>/... with n >= 4 segments. */
static enum github_endpoint repo_endpoint(const char **s, size_t *l, int n,
					  struct github_path *p)
{
	if (n == 4 && apps_page_name(s[3], l[3], "pulls"))
		return GITHUB_PULLS;
	if (n == 4 && apps_page_name(s[3], l[3], "commits"))
		return GITHUB_COMMITS;
	if (n == 6 && seg_is(s[3], l[3], "pulls") &&
	    apps_page_name(s[5], l[5], "reviews")) {
		char num[24];

		if (!copy_seg(num, sizeof(num), s[4], l[4]) ||
		    number_parse_i64(num, 1, INT32_MAX, &p->number))
			return GITHUB_NONE;
		return GITHUB_REVIEWS;
	}
	if (n >= 6 && seg_is(s[3], l[3], "branches") &&
	    seg_is(s[n - 1], l[n - 1], "protection.json")) {
		/* the branch runs from s[4] to the end of s[n - 2] */
		size_t len = (size_t)(s[n - 2] + l[n - 2] - s[4]);

		if (!copy_seg(p->branch, sizeof(p->branch), s[4], len))
			return GITHUB_NONE;
		return GITHUB_PROTECTION;
	}
	return GITHUB_NONE;
}

void github_path_parse(const char *path, struct github_path *p)
{
	const char *rest = apps_path_in(path, "github");
	const char *s[GITHUB_SEG_MAX];
	size_t l[GITHUB_SEG_MAX];
	int n;

	memset(p, 0, sizeof(*p));
	p->endpoint = GITHUB_NONE;
	if (!rest || (n = apps_path_split(rest, s, l, GITHUB_SEG_MAX)) < 3)
		return;
	if (n == 3 && seg_is(s[0], l[0], "orgs") &&
	    apps_page_name(s[2], l[2], "members")) {
		if (set_repo(p, s[1], l[1], "", 0))
			p->endpoint = GITHUB_MEMBERS;
		p->repo[0] = '\0';
		return;
	}
	if (!seg_is(s[0], l[0], "repos"))
		return;
	if (n == 3) {
		if (l[2] > 5 && text_ends_with(s[2], ".json") &&
		    set_repo(p, s[1], l[1], s[2], l[2] - 5))
			p->endpoint = GITHUB_REPO;
		return;
	}
	if (!set_repo(p, s[1], l[1], s[2], l[2]))
		return;
	p->endpoint = repo_endpoint(s, l, n, p);
}

static const char *endpoint_path(enum github_endpoint e)
{
	switch (e) {
	case GITHUB_MEMBERS:
		return "sources/github/orgs/<org>/members.json";
	case GITHUB_REPO:
		return "sources/github/repos/<owner>/<repo>.json";
	case GITHUB_PULLS:
		return "sources/github/repos/<owner>/<repo>/pulls.json";
	case GITHUB_REVIEWS:
		return "sources/github/repos/<owner>/<repo>/pulls/<n>/reviews.json";
	case GITHUB_COMMITS:
		return "sources/github/repos/<owner>/<repo>/commits.json";
	case GITHUB_PROTECTION:
		return "sources/github/repos/<owner>/<repo>/branches/<branch>/"
		       "protection.json";
	case GITHUB_NONE:
	default:
		return "?";
	}
}

int github_path_expect(const char *path, enum github_endpoint want,
		       struct github_path *p, struct error *err)
{
	github_path_parse(path, p);
	if (p->endpoint != want)
		return error_input(err, NULL, 0, NULL, NULL,
				   "path is not of the form %s",
				   endpoint_path(want));
	return 0;
}
