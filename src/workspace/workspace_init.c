/*
 * workspace_init.c - `attest init`: lays out a new workspace (FORMATS.md):
 * a commented attest.yaml, the control library copied from the built-in
 * one (the workspace copy then wins), register CSV headers, a README in each
 * source folder saying which export goes there and how to produce it.
 */
#include <stdio.h>
#include <string.h>

#include "util/buf.h"
#include "util/embedded.h"
#include "util/fs.h"
#include "util/text.h"
#include "workspace/workspace.h"

static const char config_template[] =
	"# attest workspace configuration.  Every key is documented in\n"
	"# docs/config.md; unknown keys are errors.\n"
	"organization: %s\n"
	"# E-mail domains of your people (accounts on other domains are outsiders).\n"
	"domains: []\n"
	"scope:\n"
	"  # security is always in scope; add processing-integrity or privacy if\n"
	"  # your report covers them.\n"
	"  categories: [security, availability, confidentiality]\n"
	"  # add hipaa when you store or process PHI (log retention becomes 6 years)\n"
	"  frameworks: [soc2]\n"
	"audit:\n"
	"  type: 2          # 1 = Type I (point in time), 2 = Type II (a window)\n"
	"  # The observation window of a Type II report (3 to 12 months):\n"
	"  # window: {start: 2026-04-01, end: 2026-09-30}\n"
	"# Who owns each control role (used for the gap register's owners):\n"
	"# owners:\n"
	"#   security-lead: alice@example.com\n"
	"#   it-admin: bob@example.com\n"
	"# Defaults, all overridable:\n"
	"# offboarding: {deprovision_days: 1, ticket_required: true, ticket_label: offboarding}\n"
	"# access_reviews: {interval_days: 92}\n"
	"# credentials: {max_age_days: 90}\n"
	"# vulnerabilities: {sla_days: {critical: 7, high: 14, medium: 30}}\n"
	"# vendors: {review_days: 365, tiers: [critical, high]}\n"
	"# risks: {review_days: 90}\n"
	"# policies: {review_days: 365}\n"
	"# training: {within_days_of_start: 30, interval_days: 365}\n"
	"# exercises: {interval_days: 365}\n"
	"# logging: {retention_days: 90}      # 2190 when hipaa is in frameworks\n"
	"# alerts: {triage_days: 1, ticket_label: security-alert}\n"
	"# HR roster header mapping, when your HRIS export uses other names:\n"
	"# hr:\n"
	"#   columns: {email: Work Email, start_date: Hire Date, end_date: Termination Date}\n";

struct template_file {
	const char *path;
	const char *text;
};

static const struct template_file registers[] = {
	{"registers/identities.csv", "system,account,email\n"},
	{"registers/service-accounts.csv", "system,account,owner_email,purpose\n"},
	{"registers/vendors.csv",
	 "name,tier,service,owner_email,last_review,soc2_report_expires,security_addendum\n"},
	{"registers/risks.csv",
	 "id,title,likelihood,impact,treatment,owner_email,due,status,signed_off_by,signed_off_at,last_reviewed\n"},
	{"registers/assets.csv", "id,name,type,owner_email,environment,classification\n"},
	{"registers/training.csv", "email,course,completed_at\n"},
	{"registers/background-checks.csv", "email,completed_at\n"},
	{"registers/policy-acks.csv", "email,policy,version,acknowledged_at\n"},
	{"registers/exercises.csv", "type,date,title,outcome\n"},
	{"registers/incidents.csv", "id,title,severity,detected_at,resolved_at,postmortem_at\n"},
	{"registers/vuln-exceptions.csv",
	 "vulnerability,target,justification,approved_by,expires\n"},
	{"registers/access-reviews/README.md",
	 "# Access reviews\n\nOne CSV per review, named after the system and date, e.g.\n"
	 "`aws-111122223333-2026-Q2.csv`, with the header\n\n"
	 "    system,account,email,access,decision,reviewer,reviewed_at\n\n"
	 "decision is keep, revoke or modify.  Every account active at review time\n"
	 "must appear.  See docs/sources/registers.md.\n"},
	{NULL, NULL},
};

static const struct template_file source_readmes[] = {
	{"sources/README.md",
	 "# sources/\n\nRaw exports, unmodified, laid out as in docs/sources/.  `attest import`\n"
	 "reads everything here; each folder's README says what goes in it.\n"},
	{"sources/hr/README.md",
	 "# HR roster\n\nOne CSV per export: `email,name,employment_type,department,title,manager_email,start_date,end_date`\n"
	 "(one row per person ever employed; empty end_date = active).  BambooHR, Gusto and\n"
	 "Rippling report headers (\"Work Email\", \"Hire Date\", \"Termination Date\") are\n"
	 "recognised; map others under `hr.columns` in attest.yaml.\n"},
	{"sources/google-workspace/README.md",
	 "# Google Workspace\n\nSave the Admin SDK Directory users.list body, every page:\n\n"
	 "    curl -H \"Authorization: Bearer $TOKEN\" \\\n"
	 "      'https://admin.googleapis.com/admin/directory/v1/users?customer=my_customer&maxResults=500&projection=full' \\\n"
	 "      > admin/directory/v1/users.json\n\n"
	 "Further pages (pageToken=...) go to users.2.json, users.3.json...\n"},
	{"sources/okta/README.md",
	 "# Okta\n\n    curl -H \"Authorization: SSWS $OKTA_TOKEN\" 'https://ORG.okta.com/api/v1/users?limit=200' > api/v1/users.json\n"
	 "    curl -H \"Authorization: SSWS $OKTA_TOKEN\" 'https://ORG.okta.com/api/v1/users/USER_ID/factors' > api/v1/users/USER_ID/factors.json\n\n"
	 "The default list omits DEPROVISIONED users; also fetch\n"
	 "`?search=status eq \"DEPROVISIONED\"` into users.2.json.\n"},
	{"sources/aws/README.md",
	 "# AWS\n\nOne folder per account id (`aws/111122223333/`), each file the stdout of\n"
	 "`aws <service> <command> --output json`:\n\n"
	 "    aws iam get-account-authorization-details > iam-get-account-authorization-details.json\n"
	 "    aws iam generate-credential-report && aws iam get-credential-report > iam-get-credential-report.json\n"
	 "    aws cloudtrail describe-trails > cloudtrail-describe-trails.json\n"
	 "    aws cloudtrail get-trail-status --name NAME > cloudtrail-get-trail-status-NAME.json\n"
	 "    aws logs describe-metric-filters > logs-describe-metric-filters.json\n"
	 "    aws cloudwatch describe-alarms > cloudwatch-describe-alarms.json\n"
	 "    aws logs describe-log-groups > logs-describe-log-groups.json\n"
	 "    aws s3api get-bucket-lifecycle-configuration --bucket B > s3api-get-bucket-lifecycle-configuration-B.json 2>&1\n\n"
	 "CloudTrail log files go under `aws/ACCOUNT/AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/`\n"
	 "exactly as delivered to S3:\n\n"
	 "    aws s3 sync s3://TRAIL-BUCKET/AWSLogs/ACCOUNT/CloudTrail/ aws/ACCOUNT/AWSLogs/ACCOUNT/CloudTrail/\n"},
	{"sources/github/README.md",
	 "# GitHub\n\nREST API v3 bodies saved at the API path plus .json (pages: .2.json, .3.json):\n\n"
	 "    gh api 'orgs/ORG/members?per_page=100' > orgs/ORG/members.json\n"
	 "    gh api repos/ORG/REPO > repos/ORG/REPO.json\n"
	 "    gh api 'repos/ORG/REPO/pulls?state=all&per_page=100' > repos/ORG/REPO/pulls.json\n"
	 "    gh api repos/ORG/REPO/pulls/N/reviews > repos/ORG/REPO/pulls/N/reviews.json\n"
	 "    gh api 'repos/ORG/REPO/commits?sha=main&per_page=100' > repos/ORG/REPO/commits.json\n"
	 "    gh api repos/ORG/REPO/branches/main/protection > repos/ORG/REPO/branches/main/protection.json\n\n"
	 "An unprotected branch answers 404 {\"message\":\"Branch not protected\"}: save that body too.\n"},
	{"sources/jira/README.md",
	 "# Jira\n\n    curl -u EMAIL:TOKEN 'https://SITE.atlassian.net/rest/api/3/search/jql?jql=labels%20in%20(offboarding,security-alert)&fields=summary,description,labels,issuetype,status,created,resolutiondate&maxResults=100' \\\n"
	 "      > rest/api/3/search/jql.json\n\n"
	 "Further pages (nextPageToken) go to jql.2.json...  Exports of the legacy\n"
	 "endpoint go to rest/api/2/search.json.\n"},
	{"sources/scans/README.md",
	 "# Vulnerability scans\n\nOne file per scan, kept over time (the first scan that reports a\n"
	 "vulnerability starts its SLA clock):\n\n"
	 "    trivy image --format json -o trivy-IMAGE-$(date +%%F).json IMAGE\n"
	 "    grype IMAGE -o json > grype-IMAGE-$(date +%%F).json\n"},
	{"rules/README.md",
	 "# Detection rules\n\nYour own CloudTrail detection rules, one YAML file each, in the\n"
	 "CloudWatch Logs filter-pattern syntax.  See docs/detect.md.\n"},
	{"policies/README.md",
	 "# Policies\n\nMarkdown with YAML front matter: id, title, owner, version, approved_by,\n"
	 "approved_at, review_days, controls.  See docs/sources/policies.md.\n"},
	{NULL, NULL},
};

static int write_file(const char *dir, const char *rel, const char *text,
		      size_t len, struct error *err)
{
	char path[WORKSPACE_PATH_MAX];
	char *slash;
	int rc;

	if (snprintf(path, sizeof(path), "%s/%s", dir, rel) >= (int)sizeof(path))
		return error_set(err, ERR_LIMIT, "path too long: %s/%s", dir, rel);
	slash = strrchr(path, '/');
	*slash = '\0';
	rc = fs_mkdir_p(path, false, err);
	*slash = '/';
	if (rc)
		return rc;
	return fs_write_atomic(path, text, len, err);
}

static int write_templates(const char *dir, const struct template_file *t,
			   struct error *err)
{
	for (; t->path; t++) {
		int rc = write_file(dir, t->path, t->text, strlen(t->text), err);

		if (rc)
			return rc;
	}
	return 0;
}

/* A YAML plain scalar for the organisation name, quoted when needed. */
static int quote_org(struct buf *b, const char *org)
{
	int rc = buf_addch(b, '"');

	for (const char *p = org; !rc && *p; p++) {
		if (*p == '"' || *p == '\\')
			rc = buf_addch(b, '\\');
		if (!rc)
			rc = (unsigned char)*p < 0x20 ? buf_addch(b, ' ') : buf_addch(b, *p);
	}
	return rc ? rc : buf_addch(b, '"');
}

int workspace_init(const char *dir, const char *org, struct error *err)
{
	char path[WORKSPACE_PATH_MAX];
	struct buf name = BUF_INIT, config = BUF_INIT;
	int rc;

	if (snprintf(path, sizeof(path), "%s/attest.yaml", dir) >= (int)sizeof(path))
		return error_set(err, ERR_LIMIT, "path too long: %s", dir);
	if (fs_exists(path))
		return error_set(err, ERR_EXISTS,
				 "%s is already an attest workspace (attest.yaml exists); nothing changed",
				 dir);
	if ((rc = fs_mkdir_p(dir, false, err)))
		return rc;
	rc = quote_org(&name, org && *org ? org : "Example Inc.");
	if (!rc)
		rc = buf_printf(&config, config_template, buf_cstr(&name));
	if (rc) {
		rc = error_set(err, rc, "out of memory");
		goto out;
	}
	if ((rc = write_templates(dir, registers, err)) ||
	    (rc = write_templates(dir, source_readmes, err)))
		goto out;
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (!text_starts_with(f->name, "controls/"))
			continue;
		if ((rc = write_file(dir, f->name, f->data, f->size, err)))
			goto out;
	}
	if (snprintf(path, sizeof(path), "%s/.attest", dir) >= (int)sizeof(path)) {
		rc = error_set(err, ERR_LIMIT, "path too long: %s", dir);
		goto out;
	}
	if ((rc = fs_mkdir_p(path, true, err)))
		goto out;
	/* attest.yaml last: its presence is what makes this a workspace, so an
	 * interrupted init can simply be run again. */
	rc = write_file(dir, "attest.yaml", config.data, config.len, err);
out:
	buf_release(&name);
	buf_release(&config);
	return rc;
}
