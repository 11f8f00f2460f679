/*
 * github_common.h - what the GitHub importers share: the workspace layout
 * of REST v3 bodies (shared/FORMATS.md; one file per endpoint, further
 * pages `.2.json`...).  Nested members ("user.login") are read with
 * apps_nested_string (importers/apps_common.h).
 *
 *   sources/github/orgs/<org>/members.json                  GITHUB_MEMBERS
 *   sources/github/repos/<owner>/<repo>.json                GITHUB_REPO
 *   sources/github/repos/<owner>/<repo>/pulls.json          GITHUB_PULLS
 *   sources/github/repos/<owner>/<repo>/pulls/<n>/reviews.json
 *   sources/github/repos/<owner>/<repo>/commits.json        GITHUB_COMMITS
 *   sources/github/repos/<owner>/<repo>/branches/<branch>/protection.json
 *
 * Branch names may contain '/': the branch is everything between
 * "branches/" and "/protection.json".
 */
#ifndef ATTEST_IMPORTERS_GITHUB_COMMON_H
#define ATTEST_IMPORTERS_GITHUB_COMMON_H

#include <stdbool.h>
#include <stdint.h>

#include "util/error.h"

enum github_endpoint {
	GITHUB_NONE,
	GITHUB_MEMBERS,
	GITHUB_REPO,
	GITHUB_PULLS,
	GITHUB_REVIEWS,
	GITHUB_COMMITS,
	GITHUB_PROTECTION,
};

struct github_path {
	enum github_endpoint endpoint;
	char owner[128];          /* org for GITHUB_MEMBERS */
	char repo[256];           /* "<owner>/<repo>" */
	char system[136];         /* "github:<owner>" */
	char branch[512];         /* GITHUB_PROTECTION */
	int64_t number;           /* GITHUB_REVIEWS */
};

/* Fills `p` from a workspace path; GITHUB_NONE when it is none of the
 * above (or a part is too long). */
void github_path_parse(const char *path, struct github_path *p);

/* Like github_path_parse, but an error unless the endpoint is `want`. */
int github_path_expect(const char *path, enum github_endpoint want,
		       struct github_path *p, struct error *err);

#endif
