/*
 * logging.c - logging checks about CloudTrail trails and where their logs
 * are kept (controls LM-01, LM-02, LM-03, LM-07; docs/checks/logging.md):
 *
 *   logging.no-multiregion-trail  an AWS account no logging multi-region
 *                                 trail records
 *   logging.log-validation-off    a trail without log file validation
 *   logging.retention             a CloudTrail log group or log bucket that
 *                                 deletes logs before log_retention_days
 *
 * The CIS metric-filter check is logging_cis.c, delivery gaps
 * logging_delivery.c.
 *
 * Trails are identified by ARN: describe-trails run in a member account
 * lists the organization trail of the management account too, so one
 * trail can arrive as several facts.  An organization trail records every
 * account of the organization, so it counts for every account seen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "checks/logging_trails.h"
#include "detect/coverage.h"
#include "util/buf.h"
#include "util/text.h"

/* Every fact kind that names an AWS account in `system`. */
static const char *const aws_kinds[] = {
	"aws_trail", "aws_trail_status", "aws_metric_filter", "aws_alarm",
	"aws_log_group", "aws_bucket_lifecycle", "cloudtrail_delivery",
	"aws_iam_user", "aws_iam_group", "aws_iam_role", "aws_iam_policy",
	"aws_credential", "account", NULL,
};

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct "aws:<acct>" systems of every AWS fact, sorted (borrowed
 * strings; *out is the caller's to free). */
static int aws_accounts(struct check_context *ctx, const char ***out, size_t *n,
			struct error *err)
{
	const struct fact_list *lists[sizeof(aws_kinds) / sizeof(aws_kinds[0])];
	size_t total = 0, k = 0;
	const char **acc;
	int rc;

	for (k = 0; aws_kinds[k]; k++) {
		if ((rc = check_facts(ctx, aws_kinds[k], &lists[k], err)))
			return rc;
		total += lists[k]->count;
	}
	acc = calloc(total + 1, sizeof(*acc));
	if (!acc)
		return error_set(err, ERR_NOMEM, "out of memory");
	*n = 0;
	for (size_t i = 0; i < k; i++)
		for (size_t j = 0; j < lists[i]->count; j++) {
			const char *s = fact_str(&lists[i]->items[j], "system");

			if (s && text_starts_with(s, "aws:"))
				acc[(*n)++] = s;
		}
	qsort(acc, *n, sizeof(*acc), compare_strings);
	{
		size_t w = 0;

		for (size_t i = 0; i < *n; i++)
			if (w == 0 || strcmp(acc[w - 1], acc[i]) != 0)
				acc[w++] = acc[i];
		*n = w;
	}
	*out = acc;
	return 0;
}


/* ---- logging.no-multiregion-trail ------------------------------------ */

/* Whether some status export says `t` is logging; *status the one used
 * (a logging one when there is one), NULL when none was exported. */
static bool trail_logging(const struct fact_list *statuses, const struct fact *t,
			  const struct fact **status)
{
	char own[17];
	const char *name = fact_str(t, "name"), *arn = fact_str(t, "arn");

	trail_system(t, own);
	*status = NULL;
	for (size_t i = 0; i < statuses->count; i++) {
		const struct fact *s = &statuses->items[i];
		const char *sys = fact_str(s, "system"), *trail = fact_str(s, "trail");

		if (!trail || !(text_equal(trail, name) || text_equal(trail, arn)) ||
		    !(text_equal(sys, fact_str(t, "system")) || text_equal(sys, own)))
			continue;
		*status = s;
		if (fact_bool(s, "is_logging", 0) == 1)
			return true;
	}
	return false;
}

/* Trails that can record `account`: its own and every organization trail. */
static bool trail_counts_for(const struct fact *t, const char *account)
{
	char own[17];

	trail_system(t, own);
	return strcmp(own, account) == 0 || text_equal(fact_str(t, "system"), account) ||
	       fact_bool(t, "organization_trail", 0) == 1;
}

static int judge_account_trails(struct check_context *ctx, const char *account,
				const struct fact *const *trails, size_t nt,
				const struct fact_list *statuses, const struct fact **ev)
{
	struct buf d = BUF_INIT;
	size_t ne = 0;
	int rc = 0;

	for (size_t i = 0; i < nt && !rc; i++) {
		const struct fact *t = trails[i], *status = NULL;
		const char *name = fact_str(t, "name");
		bool multi = fact_bool(t, "multi_region", 0) == 1;
		bool logging = trail_logging(statuses, t, &status);

		if (!trail_counts_for(t, account))
			continue;
		if (multi && logging) {
			buf_release(&d);
			return 0;
		}
		ev[ne++] = t;
		ev[ne++] = status;
		rc = buf_adds(&d, d.len ? "; " : "no multi-region CloudTrail trail is logging: ");
		if (!rc && !multi)
			rc = buf_printf(&d, "trail %s (home %s) is single-region", name,
					fact_str(t, "home_region") ? fact_str(t, "home_region") : "?");
		else if (!rc && !status)
			rc = buf_printf(&d, "multi-region trail %s has no trail status export", name);
		else if (!rc)
			rc = buf_printf(&d, "multi-region trail %s is not logging", name);
	}
	if (!rc && !d.len)
		rc = buf_adds(&d, "no CloudTrail trail recorded for this account");
	if (!rc)
		rc = check_report(ctx, account, account, ev, ne, "%s", buf_cstr(&d));
	buf_release(&d);
	return rc;
}

static int run_no_multiregion_trail(struct check_context *ctx, struct error *err)
{
	const struct fact_list *statuses;
	const struct fact **trails = NULL, **ev = NULL;
	const char **accounts = NULL;
	size_t nt = 0, na = 0;
	int rc;

	if ((rc = check_facts(ctx, "aws_trail_status", &statuses, err)) ||
	    (rc = unique_trails(ctx, &trails, &nt, err)))
		return rc;
	if ((rc = aws_accounts(ctx, &accounts, &na, err))) {
		free(trails);
		return rc;
	}
	ev = calloc(2 * nt + 1, sizeof(*ev));
	rc = ev ? 0 : ERR_NOMEM;
	for (size_t i = 0; i < na && !rc; i++)
		rc = judge_account_trails(ctx, accounts[i], trails, nt, statuses, ev);
	free(ev);
	free(trails);
	free(accounts);
	return rc ? error_set(err, rc, "out of memory") : 0;
}

const struct check check_logging_no_multiregion_trail = {
	.id = "logging.no-multiregion-trail",
	.title = "AWS accounts recorded by a logging multi-region CloudTrail trail",
	.controls = {"LM-01", "LM-07"},
	.criteria = {"CC7.2", "CC4.1"},
	.hipaa = {"164.312(b)"},
	.severity = SEVERITY_HIGH,
	.requires = {"aws.trails", "aws.trail-status"},
	.reads = "aws_trail (multi_region, organization_trail), aws_trail_status "
		 "(is_logging); the accounts of every AWS fact",
	.fix = "Create a multi-region trail recording management events (an "
	       "organization trail covers every account), start logging on it, "
	       "and export its status (cloudtrail-get-trail-status-<trail>.json).",
	.run = run_no_multiregion_trail,
};

/* ---- logging.cis-monitoring ------------------------------------------ */

/* The CIS AWS Foundations monitoring items (v1.4 numbering; Security Hub
 * CloudWatch.1-14 and Prowler's Organizations check), by the detect
 * engine's rule id whose pattern is the CIS text. */
static const struct cis_item {
	const char *rule;
	const char *name;
	const char *ref;
	/* Text a filter written for the item usually contains.  It only
	 * orders the filters tried (each coverage test runs the probe set,
	 * ~10 ms), never decides: the likely filter is tried first. */
	const char *hint;
} cis_items[] = {
	{"cis.root-usage", "root account usage", "CIS 4.3", "Root"},
	{"cis.unauthorized-api", "unauthorized API calls", "CIS 4.1", "Unauthorized"},
	{"cis.console-no-mfa", "console sign-in without MFA", "CIS 4.2", "MFAUsed"},
	{"cis.iam-policy-change", "IAM policy changes", "CIS 4.4", "PutUserPolicy"},
	{"cis.cloudtrail-change", "CloudTrail configuration changes", "CIS 4.5",
	 "StopLogging"},
	{"cis.console-auth-failure", "console authentication failures", "CIS 4.6",
	 "Failed authentication"},
	{"cis.kms-disable", "KMS key disabling or scheduled deletion", "CIS 4.7",
	 "ScheduleKeyDeletion"},
	{"cis.s3-policy-change", "S3 bucket policy changes", "CIS 4.8", "PutBucketPolicy"},
	{"cis.config-change", "AWS Config configuration changes", "CIS 4.9",
	 "StopConfigurationRecorder"},
	{"cis.security-group-change", "security group changes", "CIS 4.10",
	 "SecurityGroupIngress"},
	{"cis.nacl-change", "network ACL changes", "CIS 4.11", "NetworkAclEntry"},
	{"cis.network-gateway-change", "network gateway changes", "CIS 4.12",
	 "InternetGateway"},
	{"cis.route-table-change", "route table changes", "CIS 4.13", "RouteTable"},
	{"cis.vpc-change", "VPC changes", "CIS 4.14", "CreateVpc"},
	{"cis.organizations-change", "AWS Organizations changes", "CIS 4.15",
	 "organizations"},
};

#define CIS_ITEMS (sizeof(cis_items) / sizeof(cis_items[0]))
#define MISSED_SHOWN 3

/* A log group a multi-region trail delivers to, in the group's account. */
struct cis_group {
	char system[17];
	const char *name;
	const struct fact *trail;
};

/* What a filter does for one item, decided once per run. */
enum cover_state { COVER_UNKNOWN, COVER_YES, COVER_NO, COVER_UNREADABLE };

struct cover {
	enum cover_state state;
	size_t missed;       /* probe events the CIS pattern matches and it does not */
	char *text;          /* missed lines (near misses only) or the parse error */
};

/* A filter on a monitored group, and how likely it is the item's. */
struct cis_cand {
	const struct fact *f;
	int alarmed;
	bool hinted;
};

struct cis_run {
	struct check_context *ctx;
	const struct fact_list *filters, *alarms, *statuses;
	const struct fact **trails;
	size_t nt;
	const struct fact **filter_order;   /* filters sorted by key */
	int *alarmed;                       /* per filter: 2 an alarm acts, 1 only idle ones, 0 none */
	struct cis_cand *cands;             /* scratch: one item's filters, in trying order */
	struct cover *cover;                /* filters->count * CIS_ITEMS */
	size_t probes[CIS_ITEMS];           /* probe events each CIS pattern matches */
	struct cis_group *groups;           /* scratch for one account */
	size_t ngroups;
	const struct fact **ev;             /* scratch */
	size_t nev;
};

static size_t count_lines(const char *s)
{
	size_t n = 0;

	for (; s && *s; s++)
		n += *s == '\n';
	return n;
}

/* How many probe events the CIS pattern of `item` matches: what a filter
 * matching nothing misses. */
static int probe_total(struct cis_run *r, size_t item, struct error *err)
{
	struct buf missed = BUF_INIT;
	bool covered;
	int rc;

	if (r->probes[item])
		return 0;
	rc = detect_filter_covers("{ $.eventName = \"attest-matches-nothing\" }",
				  cis_items[item].rule, &covered, &missed, err);
	r->probes[item] = count_lines(buf_cstr(&missed));
	buf_release(&missed);
	return rc;
}

static int cover_get(struct cis_run *r, size_t f, size_t item, const struct cover **out,
		     struct error *err)
{
	struct cover *c = &r->cover[f * CIS_ITEMS + item];
	const char *pattern = fact_str(&r->filters->items[f], "pattern");
	struct buf missed = BUF_INIT;
	struct error e;
	bool covered = false;
	int rc;

	*out = c;
	if (c->state != COVER_UNKNOWN)
		return 0;
	/* the same pattern (one Terraform module in several accounts) is
	 * judged once */
	for (size_t j = 0; j < r->filters->count; j++) {
		const struct cover *o = &r->cover[j * CIS_ITEMS + item];

		if (o->state == COVER_UNKNOWN || j == f ||
		    !text_equal(fact_str(&r->filters->items[j], "pattern"), pattern))
			continue;
		*c = *o;
		c->text = o->text ? text_dup(o->text) : NULL;
		return o->text && !c->text ? error_set(err, ERR_NOMEM, "out of memory") : 0;
	}
	if ((rc = probe_total(r, item, err)))
		return rc;
	error_clear(&e);
	rc = detect_filter_covers(pattern ? pattern : "", cis_items[item].rule, &covered,
				  &missed, &e);
	if (rc == ERR_INPUT) {
		/* the message names the column ("... at column 17") */
		c->state = COVER_UNREADABLE;
		c->text = text_dup(e.message);
		rc = c->text ? 0 : ERR_NOMEM;
	} else if (!rc) {
		c->state = covered ? COVER_YES : COVER_NO;
		c->missed = count_lines(buf_cstr(&missed));
		/* only near misses (matching more than half of what the CIS
		 * pattern matches) are described: a filter written for another
		 * item that happens to catch a few of these events is not one */
		if (!covered && c->missed * 2 < r->probes[item])
			c->text = buf_detach(&missed, NULL);
	} else {
		*err = e;
	}
	buf_release(&missed);
	return rc == ERR_NOMEM ? error_set(err, rc, "out of memory") : rc;
}

/* Adds an evidence fact once (the scratch holds every trail, filter and
 * alarm at most once, so it never overflows). */
static void ev_add(struct cis_run *r, const struct fact *f)
{
	for (size_t i = 0; i < r->nev; i++)
		if (r->ev[i] == f)
			return;
	r->ev[r->nev++] = f;
}

static bool on_group(const struct cis_run *r, const struct fact *filter)
{
	for (size_t g = 0; g < r->ngroups; g++)
		if (text_equal(fact_str(filter, "system"), r->groups[g].system) &&
		    text_equal(fact_str(filter, "log_group"), r->groups[g].name))
			return true;
	return false;
}

/* Fills r->groups with the log groups of the multi-region trails that
 * record `account` (its own and organization trails). */
static void account_groups(struct cis_run *r, const char *account)
{
	r->ngroups = 0;
	for (size_t i = 0; i < r->nt; i++) {
		const struct fact *t = r->trails[i];
		const char *name = fact_str(t, "log_group"), *arn = fact_str(t, "log_group_arn");
		struct cis_group g = {"", name, t};
		bool dup = false;

		if (!name || fact_bool(t, "multi_region", 0) != 1 || !trail_counts_for(t, account))
			continue;
		arn_system(arn ? arn : "", g.system);
		if (!g.system[0])
			trail_system(t, g.system);
		for (size_t j = 0; j < r->ngroups; j++)
			dup |= strcmp(r->groups[j].system, g.system) == 0 &&
			       strcmp(r->groups[j].name, name) == 0;
		if (!dup)
			r->groups[r->ngroups++] = g;
	}
}

static bool metric_match(const char *name, const char *ns, const char *aname, const char *ans)
{
	return name && text_equal(name, aname) && (!ns || !ans || strcmp(ns, ans) == 0);
}

/* Whether alarm `a` watches metric (name, ns): its single metric, or one
 * of a metric-math alarm's metrics. */
static bool alarm_watches(const struct fact *a, const char *name, const char *ns)
{
	json_t *metrics = json_object_get(a->data, "metrics");
	size_t i;
	json_t *m;

	if (metric_match(name, ns, fact_str(a, "metric_name"), fact_str(a, "namespace")))
		return true;
	json_array_foreach(metrics, i, m)
		if (metric_match(name, ns, json_string_value(json_object_get(m, "name")),
				 json_string_value(json_object_get(m, "namespace"))))
			return true;
	return false;
}

static bool alarm_acts(const struct fact *a)
{
	return fact_bool(a, "actions_enabled", 0) == 1 &&
	       json_array_size(json_object_get(a->data, "alarm_actions")) > 0;
}

/* The alarms of filter `f`'s metrics: 2 when one acts, 1 when some exist
 * but none acts (*bad the first), 0 when none. */
static int filter_alarm(struct cis_run *r, const struct fact *f, bool evidence,
			const struct fact **bad, const char **metric, const char **ns)
{
	json_t *metrics = json_object_get(f->data, "metrics"), *m;
	int best = 0;
	size_t i;

	*bad = NULL;
	*metric = *ns = NULL;
	json_array_foreach(metrics, i, m) {
		const char *name = json_string_value(json_object_get(m, "name"));
		const char *space = json_string_value(json_object_get(m, "namespace"));

		if (!*metric)
			*metric = name, *ns = space;
		for (size_t a = 0; a < r->alarms->count; a++) {
			const struct fact *al = &r->alarms->items[a];

			if (!text_equal(fact_str(al, "system"), fact_str(f, "system")) ||
			    !alarm_watches(al, name, space))
				continue;
			if (evidence)
				ev_add(r, al);
			if (alarm_acts(al))
				return 2;
			if (!*bad)
				*bad = al, *metric = name, *ns = space, best = 1;
		}
	}
	return best;
}

/* "log group G" / "log groups G1, G2" */
static int groups_text(const struct cis_run *r, struct buf *d)
{
	int rc = buf_adds(d, r->ngroups == 1 ? "log group " : "log groups ");

	for (size_t g = 0; g < r->ngroups && !rc; g++)
		rc = buf_printf(d, "%s%s", g ? ", " : "", r->groups[g].name);
	return rc;
}

/* Detail when no filter matches every event of the item. */
static int uncovered_detail(struct cis_run *r, size_t item, struct buf *d,
			    const struct fact *near, const struct cover *nc,
			    const struct fact *unreadable, const struct cover *uc)
{
	const char *name = cis_items[item].name;
	int rc;

	if (!r->ngroups)
		return buf_printf(d, "no multi-region CloudTrail trail delivers to CloudWatch "
				  "Logs, so no metric filter can watch for %s", name);
	rc = buf_adds(d, "no metric filter on ");
	if (!rc)
		rc = groups_text(r, d);
	if (!rc && near) {
		size_t shown = 0;

		rc = buf_printf(d, " matches every %s event: filter '%s' misses %zu of %zu "
				"probe events (", name, fact_str(near, "name"), nc->missed,
				r->probes[item]);
		for (const char *l = nc->text; !rc && *l && shown < MISSED_SHOWN; shown++) {
			size_t len = strcspn(l, "\n");

			rc = buf_printf(d, "%s%.*s", shown ? "; " : "", (int)len, l);
			l += len + (l[len] == '\n');
		}
		if (!rc && nc->missed > shown)
			rc = buf_printf(d, "; and %zu more", nc->missed - shown);
		if (!rc)
			rc = buf_addch(d, ')');
	} else if (!rc) {
		rc = buf_printf(d, " matches %s events", name);
	}
	/* an unreadable filter may be the one meant for this item; a near
	 * miss already names the filter that is */
	if (!rc && unreadable && !near)
		rc = buf_printf(d, "; filter '%s' has a pattern attest cannot read: %s",
				fact_str(unreadable, "name"), uc->text);
	return rc;
}

/* Detail when filter `f` matches the item but no alarm on it acts. */
static int unalarmed_detail(size_t item, struct buf *d, const struct fact *f,
			    const struct fact *bad, const char *metric, const char *ns)
{
	int rc = buf_printf(d, "metric filter '%s' on log group %s matches %s events but ",
			    fact_str(f, "name"), fact_str(f, "log_group"), cis_items[item].name);

	if (!rc && !bad)
		rc = buf_printf(d, "no alarm watches its metric %s/%s", ns ? ns : "?",
				metric ? metric : "?");
	else if (!rc)
		rc = buf_printf(d, "alarm '%s' on its metric %s/%s %s", fact_str(bad, "name"),
				ns ? ns : "?", metric ? metric : "?",
				fact_bool(bad, "actions_enabled", 0) != 1 ? "has its actions disabled"
									: "has no alarm action");
	return rc;
}

static int compare_cand(const void *a, const void *b)
{
	const struct cis_cand *x = a, *y = b;

	if (x->alarmed != y->alarmed)
		return x->alarmed == 2 ? -1 : y->alarmed == 2 ? 1 : 0;
	if (x->hinted != y->hinted)
		return x->hinted ? -1 : 1;
	return strcmp(x->f->key, y->f->key);
}

/* Fills r->cands with the filters on the account's groups: those with an
 * acting alarm first (only they can pass the item), the likely ones for
 * the item first among them.  Returns how many. */
static size_t order_candidates(struct cis_run *r, size_t item)
{
	size_t n = 0;

	for (size_t i = 0; i < r->filters->count; i++) {
		const struct fact *f = r->filter_order[i];
		const char *pattern = fact_str(f, "pattern");

		if (!on_group(r, f))
			continue;
		r->cands[n++] = (struct cis_cand){
			f, r->alarmed[f - r->filters->items],
			pattern && strstr(pattern, cis_items[item].hint) != NULL};
	}
	qsort(r->cands, n, sizeof(*r->cands), compare_cand);
	return n;
}

/* Looks for a filter on the account's groups that covers `item` and has an
 * acting alarm; reports the (account, item) otherwise.  Filters are tried
 * in order_candidates' order, so a passing item usually costs one
 * coverage test; a failing one tests them all, to say what is missing. */
static int judge_item(struct cis_run *r, const char *account, size_t item,
		      struct error *err)
{
	const struct fact *covering = NULL, *bad = NULL, *near = NULL, *unreadable = NULL;
	const struct cover *nc = NULL, *uc = NULL;
	const char *metric = NULL, *ns = NULL;
	struct buf d = BUF_INIT, subject = BUF_INIT;
	int rc = 0;

	size_t ncand = order_candidates(r, item);

	r->nev = 0;
	for (size_t g = 0; g < r->ngroups; g++)
		ev_add(r, r->groups[g].trail);
	for (size_t i = 0; i < ncand; i++) {
		const struct fact *f = r->cands[i].f;
		const struct cover *c;
		const struct fact *b;
		const char *m, *s;
		int alarm;

		ev_add(r, f);
		if ((rc = cover_get(r, (size_t)(f - r->filters->items), item, &c, err)))
			return rc;
		if (c->state == COVER_UNREADABLE && !unreadable)
			unreadable = f, uc = c;
		if (c->state == COVER_NO && c->text && (!near || c->missed < nc->missed))
			near = f, nc = c;
		if (c->state != COVER_YES)
			continue;
		alarm = filter_alarm(r, f, true, &b, &m, &s);
		if (alarm == 2)
			return 0;
		if (!covering || (alarm == 1 && !bad))
			covering = f, bad = b, metric = m, ns = s;
	}
	rc = covering ? unalarmed_detail(item, &d, covering, bad, metric, ns)
		      : uncovered_detail(r, item, &d, near, nc, unreadable, uc);
	if (!rc)
		rc = buf_printf(&subject, "%s (%s) %s", cis_items[item].name,
				cis_items[item].ref, account);
	if (!rc)
		rc = check_report(r->ctx, buf_cstr(&subject), account, r->ev, r->nev, "%s",
				  buf_cstr(&d));
	buf_release(&d);
	buf_release(&subject);
	return rc ? error_set(err, rc, "out of memory") : 0;
}

static int compare_fact_key(const void *a, const void *b)
{
	return strcmp((*(const struct fact *const *)a)->key,
		      (*(const struct fact *const *)b)->key);
}

static int cis_prepare(struct cis_run *r, struct error *err)
{
	size_t nf;
	int rc;

	if ((rc = check_facts(r->ctx, "aws_metric_filter", &r->filters, err)) ||
	    (rc = check_facts(r->ctx, "aws_alarm", &r->alarms, err)) ||
	    (rc = unique_trails(r->ctx, &r->trails, &r->nt, err)))
		return rc;
	nf = r->filters->count;
	r->filter_order = calloc(nf + 1, sizeof(*r->filter_order));
	r->cover = calloc(nf * CIS_ITEMS + 1, sizeof(*r->cover));
	r->alarmed = calloc(nf + 1, sizeof(*r->alarmed));
	r->cands = calloc(nf + 1, sizeof(*r->cands));
	r->groups = calloc(r->nt + 1, sizeof(*r->groups));
	r->ev = calloc(r->nt + nf + r->alarms->count + 1, sizeof(*r->ev));
	if (!r->filter_order || !r->cover || !r->groups || !r->ev || !r->alarmed || !r->cands)
		return error_set(err, ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < nf; i++) {
		const struct fact *bad;
		const char *metric, *ns;

		r->filter_order[i] = &r->filters->items[i];
		r->alarmed[i] = filter_alarm(r, &r->filters->items[i], false, &bad, &metric, &ns);
	}
	qsort(r->filter_order, nf, sizeof(*r->filter_order), compare_fact_key);
	return 0;
}

static void cis_release(struct cis_run *r)
{
	if (r->cover)
		for (size_t i = 0; i < r->filters->count * CIS_ITEMS; i++)
			free(r->cover[i].text);
	free(r->cover);
	free(r->filter_order);
	free(r->alarmed);
	free(r->cands);
	free(r->groups);
	free(r->ev);
	free(r->trails);
}

static int run_cis_monitoring(struct check_context *ctx, struct error *err)
{
	struct cis_run r;
	const char **accounts = NULL;
	size_t na = 0;
	int rc;

	memset(&r, 0, sizeof(r));
	r.ctx = ctx;
	rc = cis_prepare(&r, err);
	if (!rc)
		rc = aws_accounts(ctx, &accounts, &na, err);
	for (size_t a = 0; a < na && !rc; a++) {
		account_groups(&r, accounts[a]);
		for (size_t item = 0; item < CIS_ITEMS && !rc; item++)
			rc = judge_item(&r, accounts[a], item, err);
	}
	free(accounts);
	cis_release(&r);
	return rc;
}

const struct check check_logging_cis_monitoring = {
	.id = "logging.cis-monitoring",
	.title = "CIS AWS Foundations monitoring: a metric filter and an acting alarm per event",
	.controls = {"LM-04"},
	.criteria = {"CC7.2", "CC7.3"},
	.hipaa = {"164.308(a)(1)(ii)(D)", "164.308(a)(5)(ii)(C)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"aws.trails", "aws.metric-filters", "aws.alarms"},
	.reads = "aws_trail (multi_region, log_group), aws_metric_filter (pattern, "
		 "metrics), aws_alarm (metric, actions_enabled, alarm_actions); the "
		 "accounts of every AWS fact",
	.fix = "On the CloudWatch Logs group of a multi-region trail, add a metric "
	       "filter with the CIS pattern for the event (or one matching at least "
	       "as much), and an alarm on its metric with actions enabled that "
	       "notifies an SNS topic someone is subscribed to.",
	.run = run_cis_monitoring,
};
