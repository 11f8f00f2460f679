/*
 * alerts.c - logging.alert-untriaged: every CloudTrail alert raised inside
 * the audit window is triaged by a Jira ticket within the SLA (FORMATS.md
 * "Tickets": label `security-alert`, naming the alert's eventID or its id
 * "<rule>:<eventID>" in summary or description).
 *
 * The alerts are the ones `attest import` stored per delivery file
 * (cloudtrail_alert facts) plus the threshold alerts, computed here from the
 * stored hits (cloudtrail_hit) with the detect engine's own windowing, since
 * a burst can span delivery files: a threshold alert counts as one alert.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "detect/detect.h"
#include "util/text.h"

static char *dup_attr(const struct fact *f, const char *attr)
{
	const char *s = fact_str(f, attr);

	return text_dup(s ? s : "");
}

/* Rebuilds the threshold hits as detect_alert values for the engine. */
static int load_hits(const struct fact_list *hits, const struct detect_ruleset *rs,
		     struct detect_results *res)
{
	for (size_t i = 0; i < hits->count; i++) {
		const struct fact *f = &hits->items[i];
		const struct detect_rule *rule = detect_ruleset_find(rs, fact_str(f, "rule"));
		struct detect_alert *a;

		if (!rule || !rule->threshold.count)
			continue; /* a user rule: not known at check time */
		if (res->nhits == res->hits_cap) {
			size_t cap = res->hits_cap ? res->hits_cap * 2 : 64;
			struct detect_alert *p = realloc(res->hits, cap * sizeof(*p));

			if (!p)
				return ERR_NOMEM;
			res->hits = p;
			res->hits_cap = cap;
		}
		a = &res->hits[res->nhits++];
		memset(a, 0, sizeof(*a));
		a->rule = rule;
		a->time = fact_stamp(f, "event_time");
		a->event_time = dup_attr(f, "event_time");
		a->event_id = dup_attr(f, "event_id");
		a->event_name = dup_attr(f, "event_name");
		a->event_source = text_dup("");
		a->principal = dup_attr(f, "principal");
		a->principal_type = dup_attr(f, "principal_type");
		a->source_ip = dup_attr(f, "source_ip");
		a->file = text_dup(f->digest);
		a->key = dup_attr(f, "key");
		a->record = fact_int(f, "record", 0);
		a->count = 1;
		if (!a->event_time || !a->event_id || !a->event_name || !a->event_source ||
		    !a->principal || !a->principal_type || !a->source_ip || !a->file || !a->key)
			return ERR_NOMEM;
	}
	return 0;
}

/* The first ticket carrying the alert label that names the alert. */
static const struct fact *find_ticket(const struct fact_list *tickets, const char *label,
				      const char *event_id, const char *alert_id)
{
	const struct fact *best = NULL;

	for (size_t i = 0; i < tickets->count; i++) {
		const struct fact *t = &tickets->items[i];
		json_t *labels = json_object_get(t->data, "labels"), *v;
		const char *summary = fact_str(t, "summary"), *text = fact_str(t, "text");
		bool labelled = false;
		size_t j;

		json_array_foreach(labels, j, v)
			labelled |= json_is_string(v) && text_equal_nocase(json_string_value(v), label);
		if (!labelled || !*event_id)
			continue;
		if (!text_find_nocase(summary, event_id) && !text_find_nocase(text, event_id) &&
		    !text_find_nocase(summary, alert_id) && !text_find_nocase(text, alert_id))
			continue;
		if (!best || fact_stamp(t, "created_at") < fact_stamp(best, "created_at"))
			best = t;
	}
	return best;
}

static bool in_window(const struct check_context *ctx, stamp_t t)
{
	day_t d = stamp_day(t);

	if (t == STAMP_NONE || d > ctx->as_of)
		return false;
	return ctx->config->window_start == DAY_NONE ||
	       (d >= ctx->config->window_start && d <= ctx->config->window_end);
}

static int judge(struct check_context *ctx, const struct detect_alert *a, const char *system,
		 const struct fact_list *tickets, const struct fact *evidence)
{
	const int days = ctx->config->alert_triage_days;
	stamp_t due = a->time + (stamp_t)days * 86400;
	char alert_id[512], when[STAMP_TEXT_SIZE], created[STAMP_TEXT_SIZE];
	const struct fact *ticket;
	const struct fact *ev[2] = {evidence, NULL};

	if (!in_window(ctx, a->time) || stamp_day(due) >= ctx->as_of)
		return 0; /* outside the window, or still within its SLA */
	text_format(alert_id, sizeof(alert_id), "%s:%s", a->rule->id, a->event_id);
	stamp_format(a->time, when);
	ticket = find_ticket(tickets, ctx->config->alert_label, a->event_id, alert_id);
	if (ticket && fact_stamp(ticket, "created_at") <= due)
		return 0;
	ev[1] = ticket;
	if (ticket) {
		stamp_format(fact_stamp(ticket, "created_at"), created);
		return check_report(ctx, alert_id, system, ev, 2,
				    "%s (%s) by %s from %s at %s; ticket %s was opened %s, after the %d-day triage SLA",
				    a->rule->title, a->event_name, a->principal, a->source_ip, when,
				    fact_str(ticket, "key"), created, days);
	}
	return check_report(ctx, alert_id, system, ev, 1,
			    "%s (%s) by %s from %s at %s%s; no '%s' ticket names event %s",
			    a->rule->title, a->event_name, a->principal, a->source_ip, when,
			    a->count > 1 ? (a->key ? " (threshold alert)" : " (and events within 5 minutes)") : "",
			    ctx->config->alert_label, a->event_id);
}

/* The fact a threshold alert's N-th event came from, for its evidence. */
static const struct fact *hit_fact(const struct fact_list *hits, const struct detect_alert *a)
{
	for (size_t i = 0; i < hits->count; i++)
		if (text_equal(fact_str(&hits->items[i], "event_id"), a->event_id) &&
		    text_equal(fact_str(&hits->items[i], "rule"), a->rule->id))
			return &hits->items[i];
	return NULL;
}

/* Pattern alerts of one rule and principal less than ALERT_GROUP_SECONDS
 * apart are one alert, as a CloudWatch alarm on the rule's metric fires once
 * per 5-minute period: a burst of six failed logins is triaged once (a
 * ticket naming any of its events is enough). */
#define ALERT_GROUP_SECONDS 300

struct pattern_alert {
	const struct fact *fact;
	stamp_t time;
};

static int compare_pattern_alerts(const void *a, const void *b)
{
	const struct pattern_alert *x = a, *y = b;
	int c = strcmp(fact_str(x->fact, "rule"), fact_str(y->fact, "rule"));

	if (!c)
		c = strcmp(fact_str(x->fact, "principal"), fact_str(y->fact, "principal"));
	if (!c)
		c = (x->time > y->time) - (x->time < y->time);
	if (!c)
		c = strcmp(fact_str(x->fact, "event_id"), fact_str(y->fact, "event_id"));
	return c;
}

/* Judges one group [first, last] of pattern alerts. */
static int judge_group(struct check_context *ctx, const struct pattern_alert *g, size_t n,
		       const struct fact_list *tickets)
{
	const struct fact *f = g[0].fact;
	struct detect_rule rule;
	struct detect_alert a;

	/* Any event of the group named in a ticket triages the group. */
	for (size_t i = 0; i < n; i++) {
		char id[512];
		const struct fact *t;

		text_format(id, sizeof(id), "%s:%s", fact_str(g[i].fact, "rule"),
			    fact_str(g[i].fact, "event_id"));
		t = find_ticket(tickets, ctx->config->alert_label, fact_str(g[i].fact, "event_id"), id);
		if (t && fact_stamp(t, "created_at") <= g[0].time + (stamp_t)ctx->config->alert_triage_days * 86400)
			return 0;
	}
	memset(&rule, 0, sizeof(rule));
	memset(&a, 0, sizeof(a));
	rule.id = (char *)fact_str(f, "rule");
	rule.title = (char *)fact_str(f, "title");
	a.rule = &rule;
	a.time = g[0].time;
	a.event_id = (char *)fact_str(f, "event_id");
	a.event_name = (char *)fact_str(f, "event_name");
	a.principal = (char *)fact_str(f, "principal");
	a.source_ip = (char *)fact_str(f, "source_ip");
	a.count = (unsigned)n;
	if (!rule.title || !a.event_name || !a.principal || !a.source_ip)
		return 0;
	return judge(ctx, &a, fact_str(f, "system"), tickets, f);
}

static int judge_pattern_alerts(struct check_context *ctx, const struct fact_list *alerts,
				const struct fact_list *tickets)
{
	struct pattern_alert *list = calloc(alerts->count ? alerts->count : 1, sizeof(*list));
	size_t n = 0, start = 0;
	int rc = 0;

	if (!list)
		return ERR_NOMEM;
	for (size_t i = 0; i < alerts->count; i++)
		if (fact_str(&alerts->items[i], "rule") && fact_str(&alerts->items[i], "event_id") &&
		    fact_str(&alerts->items[i], "principal")) {
			list[n].fact = &alerts->items[i];
			list[n].time = fact_stamp(&alerts->items[i], "event_time");
			n++;
		}
	qsort(list, n, sizeof(*list), compare_pattern_alerts);
	for (size_t i = 1; i <= n && !rc; i++) {
		bool same = i < n &&
			    strcmp(fact_str(list[i].fact, "rule"), fact_str(list[start].fact, "rule")) == 0 &&
			    strcmp(fact_str(list[i].fact, "principal"),
				   fact_str(list[start].fact, "principal")) == 0 &&
			    list[i].time - list[i - 1].time < ALERT_GROUP_SECONDS;

		if (same)
			continue;
		rc = judge_group(ctx, list + start, i - start, tickets);
		start = i;
	}
	free(list);
	return rc;
}

static int run_alert_untriaged(struct check_context *ctx, struct error *err)
{
	const struct fact_list *alerts, *hits, *tickets;
	struct detect_ruleset *rs = NULL;
	struct detect_results res;
	int rc;

	detect_results_init(&res);
	if ((rc = check_facts(ctx, "cloudtrail_alert", &alerts, err)) ||
	    (rc = check_facts(ctx, "cloudtrail_hit", &hits, err)) ||
	    (rc = check_facts(ctx, "ticket", &tickets, err)))
		return rc;
	if ((rc = judge_pattern_alerts(ctx, alerts, tickets)))
		return rc == ERR_NOMEM ? error_set(err, ERR_NOMEM, "out of memory") : rc;
	if (hits->count) {
		rc = detect_ruleset_new(&rs, err);
		if (!rc)
			rc = detect_ruleset_add_builtin(rs, err);
		if (!rc && load_hits(hits, rs, &res))
			rc = error_set(err, ERR_NOMEM, "out of memory");
		if (!rc)
			rc = detect_results_finish(&res, err);
		for (size_t i = 0; !rc && i < res.len; i++) {
			const struct fact *f = hit_fact(hits, &res.alerts[i]);

			rc = judge(ctx, &res.alerts[i], f ? fact_str(f, "system") : "", tickets, f);
		}
	}
	detect_results_release(&res);
	detect_ruleset_free(rs);
	return rc;
}

const struct check check_logging_alert_untriaged = {
	.id = "logging.alert-untriaged",
	.title = "CloudTrail alerts triaged by a ticket within the SLA",
	.controls = {"LM-06", "LM-04"},
	.criteria = {"CC7.3", "CC7.4"},
	.hipaa = {"164.308(a)(6)(ii)", "164.308(a)(1)(ii)(D)"},
	.severity = SEVERITY_HIGH,
	.requires = {"aws.cloudtrail-logs", "jira."},
	.reads = "alerts raised on imported CloudTrail logs (cloudtrail_alert, cloudtrail_hit) and Jira tickets",
	.fix = "open a ticket labelled security-alert naming the alert's eventID within a day of each alert; close it with the triage outcome",
	.run = run_alert_untriaged,
};
