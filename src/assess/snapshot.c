/* snapshot.c - snapshots of assessments and the gap register derived from
 * them (see snapshot.h; rules in docs/assessment.md "Gaps"). */
#include "assess/snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/text.h"

void snapshot_release(struct snapshot *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->count; i++)
		free(s->rows[i].findings_text);
	free(s->rows);
	memset(s, 0, sizeof(*s));
}

void snapshot_list_release(struct snapshot_list *l)
{
	for (size_t i = 0; l && i < l->count; i++)
		snapshot_release(&l->items[i]);
	if (l) {
		free(l->items);
		memset(l, 0, sizeof(*l));
	}
}

int snapshot_from_assessment(const struct assessment *a, const struct check_run *run,
			     struct snapshot *out)
{
	memset(out, 0, sizeof(*out));
	out->as_of = a->as_of;
	out->readiness = a->readiness;
	memcpy(out->by_status, a->by_status, sizeof(out->by_status));
	out->rows = calloc(a->count ? a->count : 1, sizeof(*out->rows));
	if (!out->rows)
		return ERR_NOMEM;
	out->count = a->count;
	for (size_t i = 0; i < a->count; i++) {
		const struct control_assessment *ca = &a->controls[i];
		struct snapshot_control *r = &out->rows[i];
		struct buf text = BUF_INIT;
		size_t shown = 0;

		text_copy(r->control, sizeof(r->control), ca->control->id);
		r->status = ca->status;
		text_copy(r->reason, sizeof(r->reason), ca->reason);
		r->worst = ca->worst;
		r->findings = ca->findings;
		for (size_t j = 0; j < run->findings.count && shown < SNAPSHOT_FINDINGS_MAX; j++) {
			const struct finding *f = &run->findings.items[j];

			if (!check_tests_control(f->check, ca->control))
				continue;
			buf_printf(&text, "%s%s %s: %s%s%s: %s", shown ? "\n" : "",
				   severity_name(f->severity), f->check->id, f->subject,
				   f->system[0] ? " @ " : "", f->system, f->detail);
			shown++;
		}
		if (shown < ca->findings)
			buf_printf(&text, "\n... and %zu more", ca->findings - shown);
		r->findings_text = buf_detach(&text, NULL);
		if (!r->findings_text)
			return ERR_NOMEM;
	}
	return 0;
}

const struct snapshot_control *snapshot_find(const struct snapshot *s, const char *control)
{
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->rows[i].control, control) == 0)
			return &s->rows[i];
	return NULL;
}

int gap_sla_days(const struct config *cfg, enum severity s)
{
	switch (s) {
	case SEVERITY_CRITICAL:
		return cfg->vuln_sla_critical;
	case SEVERITY_HIGH:
		return cfg->vuln_sla_high;
	case SEVERITY_MEDIUM:
		return cfg->vuln_sla_medium;
	default:
		return cfg->vuln_sla_low > 0 ? cfg->vuln_sla_low : 90;
	}
}

static bool is_open(const struct snapshot *s, const char *control)
{
	const struct snapshot_control *r = snapshot_find(s, control);

	return r && r->status != STATUS_PRESENT;
}

/* Earliest as_of of the run of snapshots ending at `at` in which the
 * control was not present. */
static day_t first_seen(const struct snapshot_list *l, size_t at, const char *control)
{
	size_t i = at;

	while (i > 0 && is_open(&l->items[i - 1], control))
		i--;
	return l->items[i].as_of;
}

static void fill_owner(struct gap *g, const struct catalog *cat, const struct config *cfg)
{
	const struct control *c = catalog_control(cat, g->control);
	const char *role = c ? c->owner : "";

	for (int i = 0; i < cfg->owner_count; i++)
		if (strcmp(cfg->owners[i].role, role) == 0) {
			text_copy(g->owner, sizeof(g->owner), cfg->owners[i].email);
			return;
		}
	snprintf(g->owner, sizeof(g->owner), "%s (role; no owner in attest.yaml)", role);
}

static int push(struct gap_list *out, size_t *cap, const struct gap *g)
{
	if (out->count == *cap) {
		size_t n = *cap ? *cap * 2 : 64;
		struct gap *p = realloc(out->items, n * sizeof(*p));

		if (!p)
			return ERR_NOMEM;
		out->items = p;
		*cap = n;
	}
	out->items[out->count++] = *g;
	return 0;
}

static void describe(struct gap *g, const struct snapshot_control *r,
		     const struct catalog *cat, const struct config *cfg, day_t as_of)
{
	text_copy(g->control, sizeof(g->control), r->control);
	g->status = r->status;
	g->severity = r->findings ? r->worst : SEVERITY_MEDIUM;
	g->due = g->first_seen + gap_sla_days(cfg, g->severity);
	g->age_days = (int)(as_of - g->first_seen);
	text_copy(g->missing, sizeof(g->missing), r->reason);
	g->findings_text = r->findings_text;
	g->findings = r->findings;
	snprintf(g->id, sizeof(g->id), "GAP-%s-", r->control);
	date_format(g->first_seen, g->id + strlen(g->id));
	fill_owner(g, cat, cfg);
}

int gaps_derive(const struct snapshot_list *l, size_t at, const struct catalog *cat,
		const struct config *cfg, struct gap_list *out, struct error *err)
{
	const struct snapshot *now = &l->items[at];
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < now->count; i++) {
		struct gap g;

		if (now->rows[i].status == STATUS_PRESENT)
			continue;
		memset(&g, 0, sizeof(g));
		g.first_seen = first_seen(l, at, now->rows[i].control);
		g.closed_on = DAY_NONE;
		describe(&g, &now->rows[i], cat, cfg, now->as_of);
		if (push(out, &cap, &g))
			return error_set(err, ERR_NOMEM, "out of memory");
	}
	/* Closed gaps: open in snapshot k-1, present in snapshot k <= at. */
	for (size_t k = at; k > 0; k--) {
		const struct snapshot *prev = &l->items[k - 1], *cur = &l->items[k];

		for (size_t i = 0; i < prev->count; i++) {
			const struct snapshot_control *after = snapshot_find(cur, prev->rows[i].control);
			struct gap g;

			if (prev->rows[i].status == STATUS_PRESENT || !after ||
			    after->status != STATUS_PRESENT)
				continue;
			memset(&g, 0, sizeof(g));
			g.first_seen = first_seen(l, k - 1, prev->rows[i].control);
			describe(&g, &prev->rows[i], cat, cfg, cur->as_of);
			g.closed = true;
			g.closed_on = cur->as_of;
			g.age_days = (int)(g.closed_on - g.first_seen);
			if (push(out, &cap, &g))
				return error_set(err, ERR_NOMEM, "out of memory");
		}
	}
	return 0;
}

void gap_list_release(struct gap_list *g)
{
	if (!g)
		return;
	free(g->items);
	memset(g, 0, sizeof(*g));
}
