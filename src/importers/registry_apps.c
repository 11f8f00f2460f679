/* registry_apps.c - the apps batch of importers (see registry.c): HR,
 * identity providers, GitHub and Jira.  Each recognises its own paths
 * under sources/<system>/, so the order among them does not matter. */
#include "importers/importer.h"

#include <stddef.h>

extern const struct importer importer_hr_roster;
extern const struct importer importer_google_users;
extern const struct importer importer_okta_users;
extern const struct importer importer_okta_factors;
extern const struct importer importer_github_members;
extern const struct importer importer_github_repo;
extern const struct importer importer_github_pulls;
extern const struct importer importer_github_reviews;
extern const struct importer importer_github_commits;
extern const struct importer importer_github_protection;
extern const struct importer importer_jira_search;

const struct importer *const importer_batch_apps[] = {
	&importer_hr_roster,
	&importer_google_users,
	&importer_okta_users,
	&importer_okta_factors,
	&importer_github_members,
	&importer_github_repo,
	&importer_github_pulls,
	&importer_github_reviews,
	&importer_github_commits,
	&importer_github_protection,
	&importer_jira_search,
	NULL,
};
