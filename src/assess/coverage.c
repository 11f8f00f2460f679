/* coverage.c - Type II coverage periods (see coverage.h). */
#include "assess/coverage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

const char *period_state_name(enum period_state s)
{
	switch (s) {
	case PERIOD_OPERATED: return "operated";
	case PERIOD_FAILED: return "failed";
	default: return "not evidenced";
	}
}

static day_t add_months(day_t d, int months)
{
	int y, m, dd;

	civil_from_days(d, &y, &m, &dd);
	m += months;
	while (m > 12) {
		m -= 12;
		y++;
	}
	return days_from_civil(y, m, 1);
}

static day_t month_start(day_t d)
{
	int y, m, dd;

	civil_from_days(d, &y, &m, &dd);
	return days_from_civil(y, m, 1);
}

bool window_three_months(day_t start, day_t end)
{
	int y, m, d;

	civil_from_days(start, &y, &m, &d);
	m += 3;
	if (m > 12) {
		m -= 12;
		y++;
	}
	/* Same day three months on, less one day (clamped to month end). */
	while (d > 28 && !date_valid(y, m, d))
		d--;
	return days_from_civil(y, m, d) - 1 <= end;
}

/* The next period [*start, *end] starting at `from`, by kind; the label
 * names it. */
static void next_period(const char *kind, day_t from, day_t *end, char *label, size_t n)
{
	int y, m, d;

	civil_from_days(from, &y, &m, &d);
	if (strcmp(kind, "day") == 0) {
		*end = from;
		date_format(from, label);
	} else if (strcmp(kind, "week") == 0) {
		/* ISO weeks run Monday to Sunday; 1970-01-01 was a Thursday. */
		int weekday = (int)(((from % 7) + 7 + 3) % 7); /* 0 = Monday */
		day_t monday = from - weekday, thursday = monday + 3;
		int ty, tm, td;

		*end = monday + 6;
		civil_from_days(thursday, &ty, &tm, &td);
		snprintf(label, n, "%04d-W%02d", ty,
			 (int)((thursday - days_from_civil(ty, 1, 1)) / 7 + 1));
	} else if (strcmp(kind, "month") == 0) {
		*end = add_months(month_start(from), 1) - 1;
		snprintf(label, n, "%04d-%02d", y, m);
	} else if (strcmp(kind, "quarter") == 0) {
		int q = (m - 1) / 3;

		*end = days_from_civil(q == 3 ? y + 1 : y, q == 3 ? 1 : q * 3 + 4, 1) - 1;
		snprintf(label, n, "%04d-Q%d", y, q + 1);
	} else {
		*end = DAY_NONE; /* the whole window */
		text_copy(label, n, "window");
	}
}

static const char *period_kind(enum frequency f)
{
	switch (f) {
	case FREQ_DAILY: return "day";
	case FREQ_WEEKLY: return "week";
	case FREQ_QUARTERLY: return "quarter";
	case FREQ_ANNUAL: return "window";
	default: return "month"; /* monthly, continuous, per-event */
	}
}

/* Evidence that speaks for a control: manual evidence added for it, and
 * entries from the sources its checks need. */
static bool evidence_for(const struct evidence_ref *r, const struct control *c,
			 const struct check *const *checks, size_t nchecks)
{
	if (strcmp(r->control, c->id) == 0)
		return true;
	for (size_t i = 0; i < nchecks; i++)
		for (int j = 0; j < CHECK_LIST_MAX && checks[i]->requires[j]; j++) {
			char group[256];
			char *save = NULL;

			text_copy(group, sizeof(group), checks[i]->requires[j]);
			for (char *alt = strtok_r(group, "|", &save); alt;
			     alt = strtok_r(NULL, "|", &save))
				if (text_starts_with(r->source, alt))
					return true;
		}
	return false;
}

/* Check results are taken at month ends (and at the as-of date): the
 * smallest such date on or after the period's end. */
static day_t evaluation_date(day_t period_end, day_t through)
{
	day_t d = add_months(month_start(period_end), 1) - 1;

	return d > through ? through : d;
}

static int judge(struct coverage_period *p, const struct control *c,
		 size_t nchecks, day_t through,
		 coverage_run_fn run_at, void *arg, struct error *err)
{
	const struct check_run *run;
	bool passed = false;
	int rc;

	if (nchecks == 0) {
		p->state = p->evidence_count ? PERIOD_OPERATED : PERIOD_NOT_EVIDENCED;
		return 0;
	}
	if ((rc = run_at(arg, evaluation_date(p->end, through), &run, err)))
		return rc;
	for (size_t i = 0; i < run->count; i++) {
		if (!check_tests_control(run->outcomes[i].check, c))
			continue;
		if (run->outcomes[i].result == RESULT_FAIL) {
			p->state = PERIOD_FAILED;
			p->findings += run->outcomes[i].findings;
		}
		passed |= run->outcomes[i].result == RESULT_PASS;
	}
	if (p->state != PERIOD_FAILED)
		p->state = (passed && p->evidence_count) ? PERIOD_OPERATED : PERIOD_NOT_EVIDENCED;
	return 0;
}

static int cover_control(struct control_coverage *cc, const struct coverage *cov,
			 const struct evidence_index *ev, coverage_run_fn run_at, void *arg,
			 struct error *err)
{
	const struct check *checks[64];
	const struct check *k;
	size_t nchecks = 0, cap = 0;
	day_t first_date = DAY_NONE;
	bool many_dates = false;
	int rc;

	for (size_t i = 0; (k = check_at(i)) && nchecks < 64; i++)
		if (check_tests_control(k, cc->control))
			checks[nchecks++] = k;
	cc->period_kind = period_kind(cc->control->frequency);
	for (day_t start = cov->window_start; start <= cov->through;) {
		struct coverage_period *p;
		day_t end;

		if (cc->count == cap) {
			size_t n = cap ? cap * 2 : 16;
			struct coverage_period *q = realloc(cc->periods, n * sizeof(*q));

			if (!q)
				return error_set(err, ERR_NOMEM, "out of memory");
			cc->periods = q;
			cap = n;
		}
		p = &cc->periods[cc->count++];
		memset(p, 0, sizeof(*p));
		next_period(cc->period_kind, start, &end, p->label, sizeof(p->label));
		if (end == DAY_NONE || end > cov->window_end)
			end = cov->window_end;
		p->start = start;
		p->end = end;
		for (size_t i = 0; i < ev->count; i++) {
			const struct evidence_ref *r = &ev->items[i];

			if (r->effective < start || r->effective > end ||
			    !evidence_for(r, cc->control, checks, nchecks))
				continue;
			if (p->evidence_count < PERIOD_EVIDENCE_MAX)
				p->evidence[p->evidence_count] = r->id;
			p->evidence_count++;
			if (first_date == DAY_NONE)
				first_date = r->effective;
			else if (r->effective != first_date)
				many_dates = true;
		}
		if ((rc = judge(p, cc->control, nchecks, cov->through, run_at, arg, err)))
			return rc;
		cc->operated += p->state == PERIOD_OPERATED;
		cc->failed += p->state == PERIOD_FAILED;
		cc->not_evidenced += p->state == PERIOD_NOT_EVIDENCED;
		start = end + 1;
	}
	/* The observation-period trap: everything it has carries one date,
	 * while the window asks for several periods. */
	cc->single_point = first_date != DAY_NONE && !many_dates && cc->count >= 2;
	return 0;
}

int coverage_compute(const struct catalog *cat, const struct config *cfg,
		     const struct evidence_index *evidence, day_t as_of,
		     const char *only_control, coverage_run_fn run_at, void *arg,
		     struct coverage *out, struct error *err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	out->first_evidence = DAY_NONE;
	out->window_set = cfg->window_start != DAY_NONE && cfg->window_end != DAY_NONE;
	if (!out->window_set)
		return 0;
	out->window_start = cfg->window_start;
	out->window_end = cfg->window_end;
	out->through = as_of < cfg->window_end ? as_of : cfg->window_end;
	out->window_too_short = !window_three_months(cfg->window_start, cfg->window_end);
	for (size_t i = 0; i < evidence->count; i++)
		if (out->first_evidence == DAY_NONE || evidence->items[i].effective < out->first_evidence)
			out->first_evidence = evidence->items[i].effective;
	out->evidence_starts_late = out->first_evidence == DAY_NONE ||
				    out->first_evidence > cfg->window_start;
	out->controls = calloc(cat->control_count ? cat->control_count : 1, sizeof(*out->controls));
	if (!out->controls)
		return error_set(err, ERR_NOMEM, "out of memory");
	for (size_t i = 0; i < cat->control_count; i++) {
		struct control_coverage *cc;

		if (!control_in_scope(&cat->controls[i], cfg))
			continue;
		if (only_control && strcmp(cat->controls[i].id, only_control) != 0)
			continue;
		cc = &out->controls[out->count++];
		cc->control = &cat->controls[i];
		if ((rc = cover_control(cc, out, evidence, run_at, arg, err)))
			return rc;
		cc->ratio = cc->count ? (double)cc->operated / (double)cc->count : 0.0;
		out->periods += cc->count;
		out->operated += cc->operated;
	}
	out->ratio = out->periods ? (double)out->operated / (double)out->periods : 0.0;
	return 0;
}

void coverage_release(struct coverage *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->count; i++)
		free(c->controls[i].periods);
	free(c->controls);
	memset(c, 0, sizeof(*c));
}
