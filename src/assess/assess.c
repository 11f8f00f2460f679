/*
 * assess.c - control status from check outcomes and evidence (the rules are
 * spelled out in docs/assessment.md; keep the two in step).
 */
#include "assess/assess.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

static const char *const status_names[STATUS_COUNT] = {
	[STATUS_PRESENT] = "present",
	[STATUS_PARTIAL] = "partial",
	[STATUS_MISSING] = "missing",
	[STATUS_NOT_EVALUATED] = "not evaluated",
};

const char *control_status_name(enum control_status s)
{
	return (s >= 0 && s < STATUS_COUNT) ? status_names[s] : "?";
}

int control_status_parse(const char *s, enum control_status *out)
{
	for (int i = 0; i < STATUS_COUNT; i++)
		if (text_equal(s, status_names[i]) ||
		    (i == STATUS_NOT_EVALUATED && text_equal(s, "not-evaluated"))) {
			*out = (enum control_status)i;
			return 0;
		}
	return ERR_INPUT;
}

void evidence_index_init(struct evidence_index *x)
{
	memset(x, 0, sizeof(*x));
}

void evidence_index_release(struct evidence_index *x)
{
	free(x->items);
	memset(x, 0, sizeof(*x));
}

int evidence_index_add(struct evidence_index *x, const struct evidence_ref *r)
{
	if (x->count == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 256;
		struct evidence_ref *p = realloc(x->items, cap * sizeof(*p));

		if (!p)
			return ERR_NOMEM;
		x->items = p;
		x->cap = cap;
	}
	x->items[x->count++] = *r;
	return 0;
}

int frequency_stale_days(enum frequency f)
{
	switch (f) {
	case FREQ_DAILY:
		return 1;
	case FREQ_WEEKLY:
		return 7;
	case FREQ_MONTHLY:
		return 31;
	case FREQ_QUARTERLY:
		return 92;
	case FREQ_CONTINUOUS:
		/* Continuous controls are shown to auditors as periodic
		 * evidence (a configuration, a dashboard): once a quarter. */
		return 92;
	case FREQ_PER_EVENT:
	case FREQ_ANNUAL:
		return 365;
	}
	return 365;
}

bool control_in_scope(const struct control *c, const struct config *cfg)
{
	for (size_t i = 0; i < c->criteria.count; i++) {
		const char *id = c->criteria.items[i];
		const char *cat = strncmp(id, "CC", 2) == 0   ? "cc"
				  : strncmp(id, "PI", 2) == 0 ? "pi"
				  : id[0] == 'A'              ? "a"
				  : id[0] == 'C'              ? "c"
				  : id[0] == 'P'              ? "p"
							      : "";

		if (category_in_scope(cfg, cat))
			return true;
	}
	return cfg->framework_hipaa && c->hipaa.count > 0;
}

bool check_tests_control(const struct check *k, const struct control *c)
{
	for (int i = 0; i < CHECK_LIST_MAX && k->controls[i]; i++)
		if (strcmp(k->controls[i], c->id) == 0)
			return true;
	return string_list_contains(&c->checks, k->id);
}

/* Counts the control's current and stale manual evidence and the approved
 * policies that define it. */
static void count_evidence(struct control_assessment *ca, const struct evidence_index *ev,
			   const struct fact_list *policies, const struct config *cfg,
			   day_t as_of)
{
	int stale = frequency_stale_days(ca->control->frequency);

	for (size_t i = 0; i < ev->count; i++) {
		const struct evidence_ref *r = &ev->items[i];

		if (strcmp(r->control, ca->control->id) != 0 || r->effective > as_of)
			continue;
		if (as_of - r->effective <= stale) {
			ca->current_evidence++;
			if (ca->evidence_id_count < 8)
				ca->evidence_ids[ca->evidence_id_count++] = r->id;
		} else {
			ca->stale_evidence++;
		}
	}
	for (size_t i = 0; policies && i < policies->count; i++) {
		const struct fact *p = &policies->items[i];
		json_t *controls = json_object_get(p->data, "controls");
		day_t approved = fact_day(p, "approved_at");
		int64_t review = fact_int(p, "review_days", cfg->policy_review_days);
		size_t j;
		json_t *v;
		bool lists = false;

		json_array_foreach(controls, j, v)
			if (json_is_string(v) && strcmp(json_string_value(v), ca->control->id) == 0)
				lists = true;
		if (!lists || approved == DAY_NONE || approved > as_of)
			continue;
		if (as_of - approved <= review)
			ca->current_evidence++;
		else
			ca->stale_evidence++;
	}
}

static void tally_checks(struct control_assessment *ca, const struct check_run *run)
{
	for (size_t i = 0; i < run->count; i++) {
		const struct check_outcome *o = &run->outcomes[i];

		if (!check_tests_control(o->check, ca->control))
			continue;
		ca->checks++;
		switch (o->result) {
		case RESULT_PASS: ca->passed++; break;
		case RESULT_FAIL: ca->failed++; break;
		case RESULT_NOT_EVALUATED: ca->not_evaluated++; break;
		default: ca->errors++; break;
		}
	}
	ca->worst = SEVERITY_LOW;
	for (size_t i = 0; i < run->findings.count; i++) {
		const struct finding *f = &run->findings.items[i];

		if (!check_tests_control(f->check, ca->control))
			continue;
		ca->findings++;
		if (f->severity > ca->worst)
			ca->worst = f->severity;
	}
}

/* The status rules of docs/assessment.md, in order. */
static void decide(struct control_assessment *ca)
{
	char *r = ca->reason;
	size_t n = sizeof(ca->reason);

	if (ca->checks == 0) {
		if (ca->current_evidence) {
			ca->status = STATUS_PRESENT;
			snprintf(r, n, "%zu current evidence item(s); no automated check", ca->current_evidence);
		} else if (ca->stale_evidence) {
			ca->status = STATUS_PARTIAL;
			snprintf(r, n, "evidence is older than the %s interval; add current evidence",
				 frequency_name(ca->control->frequency));
		} else {
			ca->status = STATUS_MISSING;
			snprintf(r, n, "no evidence that it operates; attach it with 'attest evidence add --control %s FILE'",
				 ca->control->id);
		}
		return;
	}
	if (ca->passed + ca->failed == 0) {
		ca->status = ca->current_evidence ? STATUS_PARTIAL : STATUS_NOT_EVALUATED;
		snprintf(r, n, "%zu of %zu checks could not be evaluated (their sources were never imported)%s",
			 ca->not_evaluated + ca->errors, ca->checks,
			 ca->current_evidence ? "; manual evidence only" : "");
		return;
	}
	if (ca->failed) {
		ca->status = STATUS_PARTIAL;
		snprintf(r, n, "%zu of %zu checks fail with %zu finding(s), worst %s", ca->failed,
			 ca->checks, ca->findings, severity_name(ca->worst));
		return;
	}
	if (ca->not_evaluated || ca->errors) {
		ca->status = STATUS_PARTIAL;
		snprintf(r, n, "%zu checks pass, %zu not evaluated", ca->passed,
			 ca->not_evaluated + ca->errors);
		return;
	}
	ca->status = STATUS_PRESENT;
	snprintf(r, n, "all %zu checks pass", ca->checks);
}

int assess_controls(const struct catalog *cat, const struct config *cfg,
		    const struct check_run *run, const struct evidence_index *evidence,
		    const struct fact_list *policies, struct assessment *out,
		    struct error *err)
{
	memset(out, 0, sizeof(*out));
	out->as_of = run->as_of;
	out->controls = calloc(cat->control_count ? cat->control_count : 1,
			       sizeof(*out->controls));
	if (!out->controls)
		return error_set(err, ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < cat->control_count; i++) {
		struct control_assessment *ca;

		if (!control_in_scope(&cat->controls[i], cfg))
			continue;
		ca = &out->controls[out->count++];
		ca->control = &cat->controls[i];
		tally_checks(ca, run);
		count_evidence(ca, evidence, policies, cfg, run->as_of);
		decide(ca);
		out->by_status[ca->status]++;
	}
	out->readiness = out->count ? 100.0 * (double)out->by_status[STATUS_PRESENT] /
					      (double)out->count
				    : 0.0;
	return 0;
}

void assessment_release(struct assessment *a)
{
	if (!a)
		return;
	free(a->controls);
	memset(a, 0, sizeof(*a));
}
