/*
 * gen-company.c - writes a large fictional company as an attest workspace,
 * in the real export formats (shared/FORMATS.md), for the import benchmark
 * (bench/import.sh).  Deterministic: a fixed seed, no clock, no locale.
 *
 *     gen-company DIR [DIVISOR]
 *
 * DIVISOR (1-1000, default 1) divides every count: 20 gives the quick mode.  At full
 * size: 10,000 people hired over 5 years; 60,000 accounts (Google Workspace
 * users.list pages of 500, AWS IAM users in 4 accounts with their
 * authorization details and credential reports, GitHub org members pages of
 * 100); 200,000 merged pull requests in 40 repositories (pulls.json pages
 * of 100, one reviews.json per PR); 5,000 Jira issues (search/jql pages of
 * 100, ADF descriptions); 500 scans (Trivy and Grype); the registers and a
 * few policies.  Object shapes copy the real fixtures of
 * shared/fixtures/real/ (a pull request carries user, head, base, _links...:
 * about 4-5 KB of JSON each), so parse cost per byte is realistic.
 *
 * Written for speed, not beauty: plain stdio with big buffers.  Not part of
 * attest; built by bench/import.sh with `cc -O2`.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DOMAIN "northwind-labs.example"
#define ORG_COUNT 2
#define REPO_COUNT 40
#define AWS_ACCOUNTS 4
#define EPOCH_START 1617235200LL /* 2021-04-01T00:00:00Z */
#define DAY 86400LL
#define YEARS5 (5 * 365 * DAY)

static const char *const orgs[ORG_COUNT] = {"northwind", "northwind-labs"};
static const char *const firsts[] = {
	"ada", "ben", "chen", "dana", "eli", "fatima", "gus", "hana", "ivan",
	"jo", "kai", "lena", "malik", "nora", "omar", "pia", "quinn", "rosa",
	"sam", "tara", "umar", "vera", "wes", "xena", "yuki", "zane",
};
static const char *const lasts[] = {
	"ortiz", "chen", "ramirez", "novak", "okafor", "schmidt", "tanaka",
	"haddad", "kowalski", "silva", "nguyen", "fischer", "rossi", "ali",
	"berg", "costa", "dubois", "evans", "garcia", "hughes",
};
static const char *const depts[] = {
	"Engineering", "Sales", "Support", "Finance", "People", "Security",
	"Marketing", "Operations",
};
static const char *const pkgs[] = {
	"openssl", "libssl3", "zlib1g", "curl", "libcurl4", "bash", "glibc",
	"libxml2", "sqlite3", "busybox", "jackson-databind", "log4j-core",
	"spring-beans", "lodash", "minimist", "urllib3", "requests", "werkzeug",
	"golang.org/x/net", "golang.org/x/text",
};
static const char *const sev_up[] = {"CRITICAL", "HIGH", "MEDIUM", "LOW", "UNKNOWN"};
static const char *const sev_title[] = {"Critical", "High", "Medium", "Low", "Negligible"};

struct gen {
	const char *root;
	int div;
	uint64_t rng;
	int people;
	char path[4096];
};

static uint64_t rnd(struct gen *g)
{
	/* splitmix64: tiny, fast, good enough for fake data */
	uint64_t z = (g->rng += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static int pick(struct gen *g, int n)
{
	return (int)(rnd(g) % (uint64_t)n);
}

static void die(const char *what)
{
	fprintf(stderr, "gen-company: %s: %s\n", what, strerror(errno));
	exit(2);
}

static void mkdirs(const char *path)
{
	char tmp[4096];

	snprintf(tmp, sizeof(tmp), "%s", path);
	for (char *p = tmp + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(tmp, 0777) && errno != EEXIST)
			die(tmp);
		*p = '/';
	}
	if (mkdir(tmp, 0777) && errno != EEXIST)
		die(tmp);
}

/* Opens root/<rel> for writing (creating directories), with a big buffer. */
static FILE *create(struct gen *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static FILE *create(struct gen *g, const char *fmt, ...)
{
	char rel[2048], *slash;
	va_list ap;
	FILE *f;

	va_start(ap, fmt);
	vsnprintf(rel, sizeof(rel), fmt, ap);
	va_end(ap);
	snprintf(g->path, sizeof(g->path), "%s/%s", g->root, rel);
	slash = strrchr(g->path, '/');
	*slash = '\0';
	mkdirs(g->path);
	*slash = '/';
	f = fopen(g->path, "w");
	if (!f)
		die(g->path);
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

static void done(FILE *f)
{
	if (ferror(f) || fclose(f))
		die("write");
}

/* ---- dates (no gmtime: proleptic Gregorian by hand) -------------------- */

static void civil(int64_t days, int *y, int *m, int *d)
{
	int64_t z = days + 719468, era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t doe = z - era * 146097;
	int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t mp = (5 * doy + 2) / 153;

	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* "YYYY-MM-DDTHH:MM:SS" + suffix */
static const char *stamp(char out[40], int64_t t, const char *suffix)
{
	int y, m, d;
	int64_t s = t % DAY;

	civil(t / DAY, &y, &m, &d);
	snprintf(out, 40, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, m, d, (int)(s / 3600),
		 (int)(s / 60 % 60), (int)(s % 60), suffix);
	return out;
}

static const char *date(char out[40], int64_t t)
{
	int y, m, d;

	civil(t / DAY, &y, &m, &d);
	snprintf(out, 40, "%04d-%02d-%02d", y, m, d);
	return out;
}

static void hex(struct gen *g, char *out, int n)
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < n; i++)
		out[i] = digits[rnd(g) & 15];
	out[n] = '\0';
}

/* ---- people ------------------------------------------------------------ */

struct person {
	char email[96];
	char login[64];
	char name[64];
	int64_t start, end; /* end 0 = active */
	int dept;
};

static void make_people(struct gen *g, struct person *p, int n)
{
	for (int i = 0; i < n; i++) {
		const char *f = firsts[pick(g, 26)], *l = lasts[pick(g, 20)];

		snprintf(p[i].email, sizeof(p[i].email), "%s.%s%d@%s", f, l, i, DOMAIN);
		snprintf(p[i].login, sizeof(p[i].login), "%s-%s-%d", f, l, i);
		snprintf(p[i].name, sizeof(p[i].name), "%c%s %c%s", f[0] - 32, f + 1,
			 l[0] - 32, l + 1);
		p[i].start = EPOCH_START + (int64_t)(rnd(g) % (uint64_t)(YEARS5 - 30 * DAY));
		p[i].end = pick(g, 4) == 0
				   ? p[i].start + 60 * DAY +
					     (int64_t)(rnd(g) % (uint64_t)(EPOCH_START + YEARS5 - p[i].start))
				   : 0;
		if (p[i].end >= EPOCH_START + YEARS5)
			p[i].end = 0;
		p[i].dept = pick(g, 8);
	}
}

static void gen_roster(struct gen *g, const struct person *p, int n)
{
	FILE *f = create(g, "sources/hr/roster.csv");
	char a[40], b[40];

	fputs("email,name,employment_type,department,title,manager_email,start_date,end_date,employee_id\n", f);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s,%s,%s,%s,%s,%s,%s,%s,E%06d\n", p[i].email, p[i].name,
			i % 9 == 0 ? "contractor" : "employee", depts[p[i].dept],
			i % 50 == 0 ? "Manager" : "Specialist", i ? p[(i / 50) * 50].email : "",
			date(a, p[i].start), p[i].end ? date(b, p[i].end) : "", i);
	done(f);
}

/* ---- Google Workspace users.list --------------------------------------- */

static void gen_google(struct gen *g, const struct person *p, int n, int count)
{
	int per = 500, pages = (count + per - 1) / per;
	char a[40], b[40], id[24];

	for (int pg = 0; pg < pages; pg++) {
		FILE *f = pg ? create(g, "sources/google-workspace/admin/directory/v1/users.%d.json", pg + 1)
			     : create(g, "sources/google-workspace/admin/directory/v1/users.json");

		fputs("{\n \"kind\": \"admin#directory#users\",\n \"etag\": \"\\\"gen-etag\\\"\",\n \"users\": [\n", f);
		for (int i = pg * per; i < count && i < (pg + 1) * per; i++) {
			const struct person *q = &p[i % n];
			int alias = i >= n;
			int64_t created = q->start - DAY, last = q->end ? q->end - DAY : EPOCH_START + YEARS5 - pick(g, 30) * DAY;

			snprintf(id, sizeof(id), "1%017d", i);
			fprintf(f, "%s  {\n   \"kind\": \"admin#directory#user\",\n   \"id\": \"%s\",\n"
				"   \"etag\": \"\\\"gen-%d\\\"\",\n   \"primaryEmail\": \"%s%s\",\n"
				"   \"name\": {\"givenName\": \"%.*s\", \"familyName\": \"%s\", \"fullName\": \"%s\"},\n"
				"   \"isAdmin\": %s,\n   \"isDelegatedAdmin\": false,\n"
				"   \"lastLoginTime\": \"%s\",\n   \"creationTime\": \"%s\",\n"
				"   \"agreedToTerms\": true,\n   \"suspended\": %s,\n   \"archived\": false,\n"
				"   \"changePasswordAtNextLogin\": false,\n   \"ipWhitelisted\": false,\n"
				"   \"emails\": [{\"address\": \"%s\", \"primary\": true}],\n"
				"   \"languages\": [{\"languageCode\": \"en\", \"preference\": \"preferred\"}],\n"
				"   \"customerId\": \"C03az79cb\",\n   \"orgUnitPath\": \"/%s\",\n"
				"   \"isMailboxSetup\": true,\n   \"isEnrolledIn2Sv\": %s,\n   \"isEnforcedIn2Sv\": %s,\n"
				"   \"includeInGlobalAddressList\": true,\n"
				"   \"thumbnailPhotoUrl\": \"https://lh3.googleusercontent.com/a/default-user=s96-c\",\n"
				"   \"recoveryEmail\": \"\"\n  }",
				i % per ? ",\n" : "", id, i, alias ? "svc-" : "", q->email,
				(int)(strchr(q->name, ' ') - q->name), q->name, strchr(q->name, ' ') + 1,
				q->name, i % 97 == 0 ? "true" : "false",
				i % 13 == 0 ? "1970-01-01T00:00:00.000Z" : stamp(a, last, ".000Z"),
				stamp(b, created, ".000Z"), q->end && i % 5 ? "true" : "false",
				q->email, depts[q->dept], i % 11 ? "true" : "false",
				i % 7 ? "true" : "false");
		}
		fputs("\n ]", f);
		if (pg + 1 < pages)
			fprintf(f, ",\n \"nextPageToken\": \"page-%d\"", pg + 2);
		fputs("\n}\n", f);
		done(f);
	}
}

/* ---- AWS --------------------------------------------------------------- */

static const char b64chars[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static void put_base64(FILE *f, const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) |
			     (i + 2 < n ? s[i + 2] : 0);

		fputc(b64chars[v >> 18 & 63], f);
		fputc(b64chars[v >> 12 & 63], f);
		fputc(i + 1 < n ? b64chars[v >> 6 & 63] : '=', f);
		fputc(i + 2 < n ? b64chars[v & 63] : '=', f);
	}
}

static void gen_aws_account(struct gen *g, const struct person *p, int n, int acct,
			    int users)
{
	char id[16], a[40], b[40], c[40], uid[24];
	FILE *f;
	char *csv;
	size_t len;
	FILE *mem;

	snprintf(id, sizeof(id), "%012lld", 111122220000LL + acct);
	f = create(g, "sources/aws/%s/iam-get-account-authorization-details.json", id);
	fputs("{\n    \"UserDetailList\": [\n", f);
	for (int i = 0; i < users; i++) {
		const struct person *q = &p[(i * 7 + acct) % n];

		hex(g, uid, 16);
		for (char *s = uid; *s; s++)
			*s = (char)(*s >= 'a' ? *s - 32 : *s);
		fprintf(f, "%s        {\n            \"Path\": \"/\",\n            \"UserName\": \"u%d.%s\",\n"
			"            \"UserId\": \"AIDA%s\",\n"
			"            \"Arn\": \"arn:aws:iam::%s:user/u%d.%s\",\n"
			"            \"CreateDate\": \"%s\",\n"
			"            \"UserPolicyList\": [],\n"
			"            \"GroupList\": [\"%s\"],\n"
			"            \"AttachedManagedPolicies\": [{\"PolicyName\": \"ReadOnlyAccess\", \"PolicyArn\": \"arn:aws:iam::aws:policy/ReadOnlyAccess\"}],\n"
			"            \"Tags\": [{\"Key\": \"email\", \"Value\": \"%s\"}, {\"Key\": \"team\", \"Value\": \"%s\"}]\n        }",
			i ? ",\n" : "", i, q->login, uid, id, i, q->login,
			stamp(a, q->start, "+00:00"), i % 10 ? "developers" : "admins", q->email,
			depts[q->dept]);
	}
	fputs("\n    ],\n    \"GroupDetailList\": [\n"
	      "        {\"Path\": \"/\", \"GroupName\": \"developers\", \"GroupId\": \"AGPAGEN000000000001\", ", f);
	fprintf(f, "\"Arn\": \"arn:aws:iam::%s:group/developers\", \"CreateDate\": \"2021-04-01T00:00:00+00:00\", "
		   "\"GroupPolicyList\": [], \"AttachedManagedPolicies\": [{\"PolicyName\": \"ReadOnlyAccess\", \"PolicyArn\": \"arn:aws:iam::aws:policy/ReadOnlyAccess\"}]},\n", id);
	fprintf(f, "        {\"Path\": \"/\", \"GroupName\": \"admins\", \"GroupId\": \"AGPAGEN000000000002\", "
		   "\"Arn\": \"arn:aws:iam::%s:group/admins\", \"CreateDate\": \"2021-04-01T00:00:00+00:00\", "
		   "\"GroupPolicyList\": [], \"AttachedManagedPolicies\": [{\"PolicyName\": \"AdministratorAccess\", \"PolicyArn\": \"arn:aws:iam::aws:policy/AdministratorAccess\"}]}\n"
		   "    ],\n    \"RoleDetailList\": [],\n    \"Policies\": []\n}\n", id);
	done(f);

	/* Credential report: the CSV, base64 in Content, as the CLI prints it. */
	mem = open_memstream(&csv, &len);
	if (!mem)
		die("open_memstream");
	fputs("user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
	      "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
	      "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
	      "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
	      "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
	      "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n", mem);
	fprintf(mem, "<root_account>,arn:aws:iam::%s:root,2021-04-01T00:00:00+00:00,not_supported,"
		     "2026-03-02T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,"
		     "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n", id);
	for (int i = 0; i < users; i++) {
		const struct person *q = &p[(i * 7 + acct) % n];
		int64_t used = EPOCH_START + YEARS5 - pick(g, 200) * DAY;

		fprintf(mem, "u%d.%s,arn:aws:iam::%s:user/u%d.%s,%s,%s,%s,N/A,N/A,%s,%s,%s,%s,%s,"
			     "false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n",
			i, q->login, id, i, q->login, stamp(a, q->start, "+00:00"),
			i % 3 ? "true" : "false", i % 3 ? stamp(b, used, "+00:00") : "N/A",
			i % 4 ? "true" : "false", i % 2 ? "true" : "false",
			i % 2 ? stamp(c, q->start + DAY, "+00:00") : "N/A",
			i % 2 ? stamp(b, used, "+00:00") : "N/A", i % 2 ? "us-east-1,s3" : "N/A,N/A");
	}
	if (fclose(mem))
		die("memstream");
	f = create(g, "sources/aws/%s/iam-get-credential-report.json", id);
	fputs("{\n    \"Content\": \"", f);
	put_base64(f, (const unsigned char *)csv, len);
	fputs("\",\n    \"ReportFormat\": \"text/csv\",\n    \"GeneratedTime\": \"2026-03-31T06:00:00+00:00\"\n}\n", f);
	done(f);
	free(csv);
}

/* ---- GitHub ------------------------------------------------------------ */

static void put_user(FILE *f, const char *login, long id)
{
	fprintf(f, "{\"login\":\"%s\",\"id\":%ld,\"node_id\":\"MDQ6VXNlcj%ld=\","
		   "\"avatar_url\":\"https://avatars.githubusercontent.com/u/%ld?v=4\",\"gravatar_id\":\"\","
		   "\"url\":\"https://api.github.com/users/%s\",\"html_url\":\"https://github.com/%s\","
		   "\"followers_url\":\"https://api.github.com/users/%s/followers\","
		   "\"following_url\":\"https://api.github.com/users/%s/following{/other_user}\","
		   "\"gists_url\":\"https://api.github.com/users/%s/gists{/gist_id}\","
		   "\"starred_url\":\"https://api.github.com/users/%s/starred{/owner}{/repo}\","
		   "\"subscriptions_url\":\"https://api.github.com/users/%s/subscriptions\","
		   "\"organizations_url\":\"https://api.github.com/users/%s/orgs\","
		   "\"repos_url\":\"https://api.github.com/users/%s/repos\","
		   "\"events_url\":\"https://api.github.com/users/%s/events{/privacy}\","
		   "\"received_events_url\":\"https://api.github.com/users/%s/received_events\","
		   "\"type\":\"User\",\"site_admin\":false}",
		login, id, id, id, login, login, login, login, login, login, login, login,
		login, login, login);
}

static void gen_members(struct gen *g, const struct person *p, int n, int count)
{
	for (int o = 0; o < ORG_COUNT; o++) {
		int mine = count / ORG_COUNT, pages = (mine + 99) / 100;

		for (int pg = 0; pg < pages; pg++) {
			FILE *f = pg ? create(g, "sources/github/orgs/%s/members.%d.json", orgs[o], pg + 1)
				     : create(g, "sources/github/orgs/%s/members.json", orgs[o]);

			fputc('[', f);
			for (int i = pg * 100; i < mine && i < (pg + 1) * 100; i++) {
				if (i % 100)
					fputc(',', f);
				put_user(f, p[(i + o * 5000) % n].login, 1000000L + i + o * 100000L);
			}
			fputs("]\n", f);
			done(f);
		}
	}
}

static void put_repo(FILE *f, const char *org, const char *repo, long id)
{
	fprintf(f, "{\"id\":%ld,\"node_id\":\"MDEwOlJlcG9zaXRvcnk%ld\",\"name\":\"%s\","
		   "\"full_name\":\"%s/%s\",\"private\":true,\"owner\":{\"login\":\"%s\",\"id\":9%ld,"
		   "\"type\":\"Organization\",\"site_admin\":false,\"url\":\"https://api.github.com/users/%s\","
		   "\"html_url\":\"https://github.com/%s\"},"
		   "\"html_url\":\"https://github.com/%s/%s\",\"description\":\"Service %s\",\"fork\":false,"
		   "\"url\":\"https://api.github.com/repos/%s/%s\","
		   "\"created_at\":\"2021-04-01T00:00:00Z\",\"updated_at\":\"2026-03-30T00:00:00Z\","
		   "\"pushed_at\":\"2026-03-30T00:00:00Z\",\"size\":%ld,\"stargazers_count\":0,"
		   "\"watchers_count\":0,\"language\":\"Go\",\"forks_count\":0,\"archived\":false,"
		   "\"disabled\":false,\"open_issues_count\":3,\"visibility\":\"private\","
		   "\"default_branch\":\"main\"}",
		id, id, repo, org, repo, org, id, org, org, org, repo, repo, org, repo,
		id % 50000);
}

static void put_pull(struct gen *g, FILE *f, const char *org, const char *repo, long repo_id,
		     int number, const struct person *author, long author_id, int64_t created)
{
	char a[40], b[40], c[40], head[48], merge[48];

	hex(g, head, 40);
	hex(g, merge, 40);
	fprintf(f, "{\"url\":\"https://api.github.com/repos/%s/%s/pulls/%d\",\"id\":%ld,"
		   "\"node_id\":\"PR_kwDOGen%d\",\"html_url\":\"https://github.com/%s/%s/pull/%d\","
		   "\"diff_url\":\"https://github.com/%s/%s/pull/%d.diff\","
		   "\"patch_url\":\"https://github.com/%s/%s/pull/%d.patch\","
		   "\"issue_url\":\"https://api.github.com/repos/%s/%s/issues/%d\",\"number\":%d,"
		   "\"state\":\"closed\",\"locked\":false,\"title\":\"Change %d: update handler and tests\",\"user\":",
		org, repo, number, repo_id * 1000000 + number, number, org, repo, number, org, repo,
		number, org, repo, number, org, repo, number, number, number);
	put_user(f, author->login, author_id);
	fprintf(f, ",\"body\":\"Refactors the request path.\\n\\nTicket: NW-%d\",\"created_at\":\"%s\","
		   "\"updated_at\":\"%s\",\"closed_at\":\"%s\",\"merged_at\":\"%s\",\"merge_commit_sha\":\"%s\","
		   "\"assignee\":null,\"assignees\":[],\"requested_reviewers\":[],\"requested_teams\":[],"
		   "\"labels\":[],\"milestone\":null,\"draft\":false,"
		   "\"commits_url\":\"https://api.github.com/repos/%s/%s/pulls/%d/commits\","
		   "\"review_comments_url\":\"https://api.github.com/repos/%s/%s/pulls/%d/comments\","
		   "\"review_comment_url\":\"https://api.github.com/repos/%s/%s/pulls/comments{/number}\","
		   "\"comments_url\":\"https://api.github.com/repos/%s/%s/issues/%d/comments\","
		   "\"statuses_url\":\"https://api.github.com/repos/%s/%s/statuses/%s\","
		   "\"head\":{\"label\":\"%s:feature-%d\",\"ref\":\"feature-%d\",\"sha\":\"%s\",\"user\":",
		number % 5000, stamp(a, created, "Z"), stamp(b, created + 7200, "Z"),
		stamp(c, created + 7000, "Z"), c, merge, org, repo, number, org, repo, number, org,
		repo, org, repo, number, org, repo, head, org, number, number, head);
	put_user(f, org, 9);
	fputs(",\"repo\":", f);
	put_repo(f, org, repo, repo_id);
	fprintf(f, "},\"base\":{\"label\":\"%s:main\",\"ref\":\"main\",\"sha\":\"%.40s\",\"user\":", org,
		merge);
	put_user(f, org, 9);
	fputs(",\"repo\":", f);
	put_repo(f, org, repo, repo_id);
	fprintf(f, "},\"_links\":{\"self\":{\"href\":\"https://api.github.com/repos/%s/%s/pulls/%d\"},"
		   "\"html\":{\"href\":\"https://github.com/%s/%s/pull/%d\"},"
		   "\"issue\":{\"href\":\"https://api.github.com/repos/%s/%s/issues/%d\"},"
		   "\"comments\":{\"href\":\"https://api.github.com/repos/%s/%s/issues/%d/comments\"},"
		   "\"review_comments\":{\"href\":\"https://api.github.com/repos/%s/%s/pulls/%d/comments\"},"
		   "\"review_comment\":{\"href\":\"https://api.github.com/repos/%s/%s/pulls/comments{/number}\"},"
		   "\"commits\":{\"href\":\"https://api.github.com/repos/%s/%s/pulls/%d/commits\"},"
		   "\"statuses\":{\"href\":\"https://api.github.com/repos/%s/%s/statuses/%s\"}},"
		   "\"author_association\":\"MEMBER\",\"auto_merge\":null,\"active_lock_reason\":null}",
		org, repo, number, org, repo, number, org, repo, number, org, repo, number, org, repo,
		number, org, repo, org, repo, number, org, repo, head);
	/* The reviews of this PR, its own file. */
	{
		FILE *r = create(g, "sources/github/repos/%s/%s/pulls/%d/reviews.json", org, repo, number);
		int k = 1 + pick(g, 3);

		fputc('[', r);
		for (int i = 0; i < k; i++) {
			long rid = (repo_id * 1000000 + number) * 4 + i;
			const char *state = i == k - 1 ? (pick(g, 20) ? "APPROVED" : "COMMENTED")
						       : (i % 2 ? "CHANGES_REQUESTED" : "COMMENTED");
			char login[32];

			snprintf(login, sizeof(login), "reviewer-%d", pick(g, 400));
			fprintf(r, "%s{\"id\":%ld,\"node_id\":\"PRR_kwDOGen%ld\",\"user\":", i ? "," : "", rid, rid);
			put_user(r, login, 2000000L + rid % 400);
			fprintf(r, ",\"body\":\"%s\",\"state\":\"%s\","
				   "\"html_url\":\"https://github.com/%s/%s/pull/%d#pullrequestreview-%ld\","
				   "\"pull_request_url\":\"https://api.github.com/repos/%s/%s/pulls/%d\","
				   "\"author_association\":\"MEMBER\",\"_links\":{\"html\":{\"href\":"
				   "\"https://github.com/%s/%s/pull/%d#pullrequestreview-%ld\"},"
				   "\"pull_request\":{\"href\":\"https://api.github.com/repos/%s/%s/pulls/%d\"}},"
				   "\"submitted_at\":\"%s\",\"commit_id\":\"%s\"}",
				i == k - 1 ? "LGTM" : "A few comments", state, org, repo, number, rid, org,
				repo, number, org, repo, number, rid, org, repo, number,
				stamp(a, created + 3600 + i * 600, "Z"), head);
		}
		fputs("]\n", r);
		done(r);
	}
}

static void gen_pulls(struct gen *g, const struct person *p, int n, int total)
{
	int per_repo = total / REPO_COUNT;

	for (int rp = 0; rp < REPO_COUNT; rp++) {
		const char *org = orgs[rp % ORG_COUNT];
		char repo[32];
		int pages = (per_repo + 99) / 100;

		snprintf(repo, sizeof(repo), "service-%02d", rp);
		for (int pg = 0; pg < pages; pg++) {
			FILE *f = pg ? create(g, "sources/github/repos/%s/%s/pulls.%d.json", org, repo, pg + 1)
				     : create(g, "sources/github/repos/%s/%s/pulls.json", org, repo);

			fputc('[', f);
			for (int i = pg * 100; i < per_repo && i < (pg + 1) * 100; i++) {
				int who = pick(g, n);
				/* newest first, as the API lists them */
				int number = per_repo - i;
				int64_t created = EPOCH_START + (int64_t)number * (YEARS5 / (per_repo + 1));

				if (i % 100)
					fputc(',', f);
				put_pull(g, f, org, repo, 100 + rp, number, &p[who], 1000000L + who, created);
			}
			fputs("]\n", f);
			done(f);
		}
		{
			FILE *f = create(g, "sources/github/repos/%s/%s.json", org, repo);

			put_repo(f, org, repo, 100 + rp);
			fputc('\n', f);
			done(f);
		}
	}
}

/* ---- Jira search/jql with ADF descriptions ------------------------------ */

static void gen_jira(struct gen *g, const struct person *p, int n, int count)
{
	int pages = (count + 99) / 100;
	char a[40], b[40];

	for (int pg = 0; pg < pages; pg++) {
		FILE *f = pg ? create(g, "sources/jira/rest/api/3/search/jql.%d.json", pg + 1)
			     : create(g, "sources/jira/rest/api/3/search/jql.json");

		fputs("{\"issues\":[", f);
		for (int i = pg * 100; i < count && i < (pg + 1) * 100; i++) {
			const struct person *q = &p[pick(g, n)];
			int off = q->end && i % 3 == 0;
			int64_t created = off ? q->end : EPOCH_START + (int64_t)(rnd(g) % (uint64_t)YEARS5);
			int done_ = i % 5 != 0;

			fprintf(f, "%s{\"expand\":\"renderedFields,names,schema,operations\",\"id\":\"%d\","
				   "\"self\":\"https://northwind.atlassian.net/rest/api/3/issue/%d\",\"key\":\"NW-%d\","
				   "\"fields\":{\"summary\":\"%s %s\",\"issuetype\":{\"name\":\"%s\",\"subtask\":false},"
				   "\"labels\":[\"%s\"],\"status\":{\"name\":\"%s\",\"statusCategory\":{\"key\":\"%s\",\"name\":\"%s\"}},"
				   "\"created\":\"%s\",\"resolutiondate\":",
				i % 100 ? "," : "", 10000 + i, 10000 + i, i + 1,
				off ? "Offboard" : "Investigate alert for", off ? q->email : "service-07",
				off ? "Task" : "Bug", off ? "offboarding" : "security-alert",
				done_ ? "Done" : "In Progress", done_ ? "done" : "indeterminate",
				done_ ? "Done" : "In Progress", stamp(a, created, ".000+0000"));
			if (done_)
				fprintf(f, "\"%s\"", stamp(b, created + 20000, ".000+0000"));
			else
				fputs("null", f);
			fprintf(f, ",\"priority\":{\"name\":\"Medium\"},\"project\":{\"key\":\"NW\"},"
				   "\"description\":{\"type\":\"doc\",\"version\":1,\"content\":["
				   "{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Requested for \"},"
				   "{\"type\":\"text\",\"text\":\"%s\",\"marks\":[{\"type\":\"strong\"}]}]},"
				   "{\"type\":\"bulletList\",\"content\":[{\"type\":\"listItem\",\"content\":[{\"type\":\"paragraph\","
				   "\"content\":[{\"type\":\"text\",\"text\":\"Disable Google, GitHub and AWS access\"}]}]}]}]}}}",
				q->email);
		}
		fprintf(f, "],\"isLast\":%s", pg + 1 == pages ? "true" : "false");
		if (pg + 1 < pages)
			fprintf(f, ",\"nextPageToken\":\"tok-%d\"", pg + 2);
		fputs("}\n", f);
		done(f);
	}
}

/* ---- scans ------------------------------------------------------------- */

static void gen_scans(struct gen *g, int count)
{
	char a[40], cve[24];

	for (int s = 0; s < count; s++) {
		int64_t when = EPOCH_START + YEARS5 - (int64_t)(count - s) * (DAY / 2);
		int k = 20 + pick(g, 40);
		FILE *f = create(g, "sources/scans/%05d-%s.json", s, s % 2 ? "grype" : "trivy");

		if (s % 2 == 0) {
			fprintf(f, "{\n  \"SchemaVersion\": 2,\n  \"Trivy\": {\"Version\": \"0.58.1\"},\n"
				   "  \"CreatedAt\": \"%s\",\n  \"ArtifactName\": \"registry.northwind.example/service-%02d:1.%d\",\n"
				   "  \"ArtifactType\": \"container_image\",\n"
				   "  \"Metadata\": {\"OS\": {\"Family\": \"debian\", \"Name\": \"12.5\"}, \"ImageID\": \"sha256:%064d\"},\n"
				   "  \"Results\": [{\"Target\": \"registry.northwind.example/service-%02d:1.%d (debian 12.5)\",\n"
				   "    \"Class\": \"os-pkgs\", \"Type\": \"debian\", \"Vulnerabilities\": [\n",
				stamp(a, when, ".000000005Z"), s % REPO_COUNT, s, s, s % REPO_COUNT, s);
			for (int i = 0; i < k; i++) {
				int sev = pick(g, 5);

				snprintf(cve, sizeof(cve), "CVE-202%d-%05d", pick(g, 5), pick(g, 40000));
				fprintf(f, "%s      {\"VulnerabilityID\": \"%s\", \"PkgID\": \"%s@1.%d\", \"PkgName\": \"%s\",\n"
					   "       \"PkgIdentifier\": {\"PURL\": \"pkg:deb/debian/%s@1.%d\"},\n"
					   "       \"InstalledVersion\": \"1.%d\", %s\"Status\": \"%s\",\n"
					   "       \"SeveritySource\": \"nvd\", \"PrimaryURL\": \"https://avd.aquasec.com/nvd/%s\",\n"
					   "       \"Title\": \"%s: memory corruption\", \"Description\": \"A flaw was found in %s.\",\n"
					   "       \"Severity\": \"%s\", \"CweIDs\": [\"CWE-787\"],\n"
					   "       \"CVSS\": {\"nvd\": {\"V3Vector\": \"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\", \"V3Score\": 9.8}},\n"
					   "       \"References\": [\"https://nvd.nist.gov/vuln/detail/%s\"],\n"
					   "       \"PublishedDate\": \"2024-01-02T15:15:00Z\", \"LastModifiedDate\": \"2024-02-03T10:00:00Z\"}",
					i ? ",\n" : "", cve, pkgs[i % 20], i, pkgs[i % 20], pkgs[i % 20], i, i,
					sev < 3 ? "\"FixedVersion\": \"1.99\", " : "", sev < 3 ? "fixed" : "affected",
					cve, cve, pkgs[i % 20], sev_up[sev], cve);
			}
			fputs("\n    ]}\n  ]\n}\n", f);
		} else {
			fputs("{\n \"matches\": [\n", f);
			for (int i = 0; i < k; i++) {
				int sev = pick(g, 5);

				snprintf(cve, sizeof(cve), "CVE-202%d-%05d", pick(g, 5), pick(g, 40000));
				fprintf(f, "%s  {\"vulnerability\": {\"id\": \"%s\", \"dataSource\": \"https://nvd.nist.gov/vuln/detail/%s\","
					   " \"namespace\": \"debian:distro:debian:12\", \"severity\": \"%s\", \"urls\": [],"
					   " \"cvss\": [], \"fix\": {\"versions\": [%s], \"state\": \"%s\"}, \"advisories\": []},"
					   " \"relatedVulnerabilities\": [{\"id\": \"%s\", \"dataSource\": \"https://nvd.nist.gov/vuln/detail/%s\","
					   " \"namespace\": \"nvd:cpe\", \"severity\": \"%s\"}],"
					   " \"matchDetails\": [{\"type\": \"exact-direct-match\", \"matcher\": \"dpkg-matcher\","
					   " \"searchedBy\": {\"distro\": {\"type\": \"debian\", \"version\": \"12\"}}, \"found\": {\"versionConstraint\": \"< 1.99 (deb)\"}}],"
					   " \"artifact\": {\"id\": \"%016llx\", \"name\": \"%s\", \"version\": \"1.%d\", \"type\": \"deb\","
					   " \"locations\": [{\"path\": \"/var/lib/dpkg/status\"}], \"language\": \"\", \"licenses\": [],"
					   " \"cpes\": [], \"purl\": \"pkg:deb/debian/%s@1.%d\", \"upstreams\": []}}",
					i ? ",\n" : "", cve, cve, sev_title[sev], sev < 3 ? "\"1.99\"" : "",
					sev < 3 ? "fixed" : "not-fixed", cve, cve, sev_title[sev],
					(unsigned long long)rnd(g), pkgs[i % 20], i, pkgs[i % 20], i);
			}
			fprintf(f, "\n ],\n \"source\": {\"type\": \"image\", \"target\": {\"userInput\": "
				   "\"registry.northwind.example/service-%02d:1.%d\"}},\n"
				   " \"distro\": {\"name\": \"debian\", \"version\": \"12\", \"idLike\": []},\n"
				   " \"descriptor\": {\"name\": \"grype\", \"version\": \"0.80.0\", \"timestamp\": \"%s\"}\n}\n",
				s % REPO_COUNT, s, stamp(a, when, ".123456-04:00"));
		}
		done(f);
	}
}

/* ---- registers and policies --------------------------------------------- */

static void gen_registers(struct gen *g, const struct person *p, int n)
{
	char a[40], b[40];
	FILE *f;

	f = create(g, "registers/identities.csv");
	fputs("system,account,email\n", f);
	for (int i = 0; i < n / 20; i++)
		fprintf(f, "github:%s,gh-alt-%d,%s\n", orgs[i % ORG_COUNT], i, p[i % n].email);
	done(f);
	f = create(g, "registers/service-accounts.csv");
	fputs("system,account,owner_email,purpose\n", f);
	for (int i = 0; i < 50; i++)
		fprintf(f, "aws:%012lld,ci-bot-%d,%s,CI deployer %d\n", 111122220000LL + i % AWS_ACCOUNTS, i,
			p[i % n].email, i);
	done(f);
	for (int q = 0; q < 8; q++) {
		int64_t when = EPOCH_START + YEARS5 - (int64_t)(8 - q) * 91 * DAY;

		f = create(g, "registers/access-reviews/review-%d.csv", q + 1);
		fputs("system,account,email,access,decision,reviewer,reviewed_at\n", f);
		for (int i = 0; i < n / 10; i++)
			fprintf(f, "google-workspace,%s,%s,user,%s,%s,%s\n", p[i % n].email, p[i % n].email,
				i % 30 ? "keep" : "revoke", p[0].email, date(a, when));
		done(f);
	}
	f = create(g, "registers/vendors.csv");
	fputs("name,tier,service,owner_email,last_review,soc2_report_expires,security_addendum\n", f);
	for (int i = 0; i < 200; i++)
		fprintf(f, "Vendor %03d,%s,Service %d,%s,%s,%s,%s\n", i,
			(const char *[]){"critical", "high", "medium", "low"}[i % 4], i, p[i % n].email,
			date(a, EPOCH_START + YEARS5 - pick(g, 500) * DAY),
			date(b, EPOCH_START + YEARS5 + pick(g, 300) * DAY), i % 3 ? "yes" : "no");
	done(f);
	f = create(g, "registers/risks.csv");
	fputs("id,title,likelihood,impact,treatment,owner_email,due,status,signed_off_by,signed_off_at,last_reviewed\n", f);
	for (int i = 0; i < 100; i++)
		fprintf(f, "R-%03d,Risk number %d,%d,%d,%s,%s,%s,%s,%s,%s,%s\n", i + 1, i, 1 + i % 5,
			1 + (i / 5) % 5, (const char *[]){"accept", "mitigate", "transfer", "avoid"}[i % 4],
			p[i % n].email, date(a, EPOCH_START + YEARS5 + i * DAY), i % 7 ? "open" : "closed",
			p[0].email, date(b, EPOCH_START + YEARS5 - 200 * DAY), date(b, EPOCH_START + YEARS5 - pick(g, 200) * DAY));
	done(f);
	f = create(g, "registers/assets.csv");
	fputs("id,name,type,owner_email,environment,classification\n", f);
	for (int i = 0; i < 500; i++)
		fprintf(f, "A-%04d,Asset %d,%s,%s,%s,%s\n", i, i, i % 2 ? "service" : "bucket", p[i % n].email,
			i % 3 ? "production" : "staging", i % 4 ? "confidential" : "internal");
	done(f);
	f = create(g, "registers/training.csv");
	fputs("email,course,completed_at\n", f);
	for (int i = 0; i < n; i++)
		for (int y = 0; y < 2; y++)
			fprintf(f, "%s,Security awareness,%s\n", p[i % n].email,
				date(a, p[i].start + (10 + y * 365) * DAY));
	done(f);
	f = create(g, "registers/background-checks.csv");
	fputs("email,completed_at\n", f);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s,%s\n", p[i % n].email, i % 40 ? date(a, p[i].start - 7 * DAY) : "");
	done(f);
	f = create(g, "registers/policy-acks.csv");
	fputs("email,policy,version,acknowledged_at\n", f);
	for (int i = 0; i < n; i++)
		fprintf(f, "%s,POL-%02d,1.%d,%s\n", p[i % n].email, i % 10, i % 3, date(a, p[i].start + 5 * DAY));
	done(f);
	f = create(g, "registers/exercises.csv");
	fputs("type,date,title,outcome\n", f);
	for (int y = 0; y < 5; y++)
		fprintf(f, "tabletop,%s,Tabletop %d,ok\nbackup-restore,%s,Restore %d,ok\n",
			date(a, EPOCH_START + y * 365 * DAY + 40 * DAY), y,
			date(b, EPOCH_START + y * 365 * DAY + 90 * DAY), y);
	done(f);
	f = create(g, "registers/incidents.csv");
	fputs("id,title,severity,detected_at,resolved_at,postmortem_at\n", f);
	for (int i = 0; i < 30; i++)
		fprintf(f, "INC-%d,Incident %d,%s,%s,%s,\n", i, i, i % 3 ? "low" : "high",
			date(a, EPOCH_START + i * 60 * DAY), date(b, EPOCH_START + i * 60 * DAY + DAY));
	done(f);
	f = create(g, "registers/vuln-exceptions.csv");
	fputs("vulnerability,target,justification,approved_by,expires\n", f);
	for (int i = 0; i < 20; i++)
		fprintf(f, "CVE-2024-%05d,registry.northwind.example/service-%02d:1.%d,Not reachable,%s,%s\n",
			i * 7, i % REPO_COUNT, i, p[0].email, date(a, EPOCH_START + YEARS5 + 100 * DAY));
	done(f);
	for (int i = 0; i < 10; i++) {
		f = create(g, "policies/policy-%02d.md", i);
		fprintf(f, "---\nid: POL-%02d\ntitle: Policy %d\nowner: %s\nversion: \"1.%d\"\n"
			   "approved_by: %s\napproved_at: %s\nreview_days: 365\ncontrols: [AC-%02d]\n---\n"
			   "# Policy %d\n\nThe company keeps this policy.\n",
			i, i, p[0].email, i % 3, p[1].email, date(a, EPOCH_START + YEARS5 - 100 * DAY), i + 1, i);
		done(f);
	}
}

int main(int argc, char **argv)
{
	struct gen g;
	struct person *people;
	long div = 1;
	char *end;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: gen-company DIR [DIVISOR]\n");
		return 2;
	}
	if (argc == 3) {
		errno = 0;
		div = strtol(argv[2], &end, 10);
		if (errno || *end || div < 1 || div > 1000) {
			fprintf(stderr, "gen-company: DIVISOR must be 1..1000\n");
			return 2;
		}
	}
	memset(&g, 0, sizeof(g));
	g.root = argv[1];
	g.div = (int)div;
	g.rng = 20260401;
	g.people = 10000 / g.div;
	people = calloc((size_t)g.people, sizeof(*people));
	if (!people)
		die("calloc");
	mkdirs(g.root);
	make_people(&g, people, g.people);
	gen_roster(&g, people, g.people);
	gen_google(&g, people, g.people, 24000 / g.div);
	for (int a = 0; a < AWS_ACCOUNTS; a++)
		gen_aws_account(&g, people, g.people, a, 20000 / AWS_ACCOUNTS / g.div);
	gen_members(&g, people, g.people, 16000 / g.div);
	gen_pulls(&g, people, g.people, 200000 / g.div);
	gen_jira(&g, people, g.people, 5000 / g.div);
	gen_scans(&g, 500 / g.div);
	gen_registers(&g, people, g.people);
	free(people);
	return 0;
}
