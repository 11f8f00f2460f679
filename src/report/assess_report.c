/* assess_report.c - tables, JSON and CSV of the assessment views. */
#include "report/assess_report.h"

#include <jansson.h>
#include <string.h>

#include "report/table.h"
#include "util/buf.h"
#include "util/text.h"

static void dump_json(FILE *out, json_t *root)
{
	char *text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));

	fprintf(out, "%s\n", text ? text : "{}");
	free(text);
	json_decref(root);
}

static void print_table_or_csv(FILE *out, struct table *t, const char *format, int width)
{
	if (strcmp(format, "csv") == 0)
		table_print_csv(t, out);
	else
		table_print(t, out, width);
}

static json_t *date_json(day_t d)
{
	char text[DATE_TEXT_SIZE];

	if (d == DAY_NONE)
		return json_null();
	date_format(d, text);
	return json_string(text);
}

void assessment_print(FILE *out, const struct assessment *a, const char *format, int width)
{
	static const char *const headers[] = {"CONTROL", "STATUS", "TITLE", "WHY"};
	char date[DATE_TEXT_SIZE];
	struct table t;

	date_format(a->as_of, date);
	if (strcmp(format, "json") == 0) {
		json_t *list = json_array();

		for (size_t i = 0; i < a->count; i++) {
			const struct control_assessment *c = &a->controls[i];

			json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s, s:I, s:I, s:I, s:I, s:I}",
				"control", c->control->id, "status", control_status_name(c->status),
				"title", c->control->title, "why", c->reason,
				"checks", (json_int_t)c->checks, "passed", (json_int_t)c->passed,
				"failed", (json_int_t)c->failed, "findings", (json_int_t)c->findings,
				"current_evidence", (json_int_t)c->current_evidence));
		}
		dump_json(out, json_pack("{s:s, s:f, s:{s:I, s:I, s:I, s:I}, s:o}", "as_of", date,
			"readiness", a->readiness, "status", "present",
			(json_int_t)a->by_status[STATUS_PRESENT], "partial",
			(json_int_t)a->by_status[STATUS_PARTIAL], "missing",
			(json_int_t)a->by_status[STATUS_MISSING], "not_evaluated",
			(json_int_t)a->by_status[STATUS_NOT_EVALUATED], "controls", list));
		return;
	}
	table_init(&t, 4, headers);
	for (size_t i = 0; i < a->count; i++) {
		const struct control_assessment *c = &a->controls[i];
		const char *cells[4] = {c->control->id, control_status_name(c->status),
					c->control->title, c->reason};

		table_add_row(&t, cells);
	}
	print_table_or_csv(out, &t, format, width);
	table_release(&t);
	if (strcmp(format, "csv") != 0)
		fprintf(out, "\nAs of %s: %zu in-scope controls: %zu present, %zu partial, %zu missing, %zu not evaluated (readiness %.0f%%)\n",
			date, a->count, a->by_status[STATUS_PRESENT], a->by_status[STATUS_PARTIAL],
			a->by_status[STATUS_MISSING], a->by_status[STATUS_NOT_EVALUATED], a->readiness);
}

static const char *gap_state(const struct gap *g)
{
	return g->closed ? "closed" : control_status_name(g->status);
}

void gaps_print(FILE *out, const struct gap_list *g, day_t as_of, const char *format, int width)
{
	static const char *const headers[] = {"GAP", "CONTROL", "STATUS", "SEVERITY", "OWNER",
					      "DUE", "FIRST SEEN", "AGE", "MISSING"};
	char date[DATE_TEXT_SIZE];
	struct table t;

	date_format(as_of, date);
	if (strcmp(format, "json") == 0) {
		json_t *list = json_array();

		for (size_t i = 0; i < g->count; i++) {
			const struct gap *x = &g->items[i];

			json_array_append_new(list, json_pack("{s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:o, s:i, s:s, s:I, s:s}",
				"id", x->id, "control", x->control, "status", gap_state(x),
				"severity", severity_name(x->severity), "owner", x->owner,
				"due", date_json(x->due), "first_seen", date_json(x->first_seen),
				"closed", date_json(x->closed_on), "age_days", x->age_days,
				"missing", x->missing, "findings", (json_int_t)x->findings,
				"findings_text", x->findings_text ? x->findings_text : ""));
		}
		dump_json(out, json_pack("{s:s, s:o}", "as_of", date, "gaps", list));
		return;
	}
	table_init(&t, 9, headers);
	for (size_t i = 0; i < g->count; i++) {
		const struct gap *x = &g->items[i];
		char due[DATE_TEXT_SIZE], first[DATE_TEXT_SIZE], age[16];
		const char *cells[9];

		date_format(x->due, due);
		date_format(x->first_seen, first);
		text_format(age, sizeof(age), "%dd", x->age_days);
		cells[0] = x->id;
		cells[1] = x->control;
		cells[2] = gap_state(x);
		cells[3] = severity_name(x->severity);
		cells[4] = x->owner;
		cells[5] = x->closed ? "-" : due;
		cells[6] = first;
		cells[7] = age;
		cells[8] = x->missing;
		table_add_row(&t, cells);
	}
	print_table_or_csv(out, &t, format, width);
	table_release(&t);
}

void coverage_print(FILE *out, const struct coverage *c, bool detail, const char *format,
		    int width)
{
	static const char *const headers[] = {"CONTROL", "FREQUENCY", "PERIODS", "OPERATED",
					      "FAILED", "NOT EVIDENCED", "COVERAGE", "NOTE"};
	static const char *const pheaders[] = {"CONTROL", "PERIOD", "FROM", "TO", "STATE",
					       "EVIDENCE"};
	struct table t;

	if (!c->window_set) {
		fprintf(out, "no audit window in attest.yaml (audit.window): nothing to cover\n");
		return;
	}
	if (strcmp(format, "json") == 0) {
		json_t *list = json_array();

		for (size_t i = 0; i < c->count; i++) {
			const struct control_coverage *cc = &c->controls[i];
			json_t *periods = json_array();

			for (size_t j = 0; j < cc->count; j++) {
				const struct coverage_period *p = &cc->periods[j];
				json_t *ev = json_array();

				for (size_t k = 0; k < p->evidence_count && k < PERIOD_EVIDENCE_MAX; k++)
					json_array_append_new(ev, json_integer(p->evidence[k]));
				json_array_append_new(periods, json_pack("{s:s, s:o, s:o, s:s, s:o, s:I, s:I}",
					"period", p->label, "from", date_json(p->start), "to", date_json(p->end),
					"state", period_state_name(p->state), "evidence", ev,
					"evidence_count", (json_int_t)p->evidence_count,
					"findings", (json_int_t)p->findings));
			}
			json_array_append_new(list, json_pack("{s:s, s:s, s:f, s:b, s:o}", "control",
				cc->control->id, "frequency", frequency_name(cc->control->frequency),
				"coverage", cc->ratio, "single_point", cc->single_point, "periods", periods));
		}
		dump_json(out, json_pack("{s:o, s:o, s:o, s:f, s:b, s:b, s:o, s:o}", "window_start",
			date_json(c->window_start), "window_end", date_json(c->window_end), "through",
			date_json(c->through), "coverage", c->ratio, "window_too_short",
			c->window_too_short, "evidence_starts_late", c->evidence_starts_late,
			"first_evidence", date_json(c->first_evidence), "controls", list));
		return;
	}
	if (detail) {
		table_init(&t, 6, pheaders);
		for (size_t i = 0; i < c->count; i++)
			for (size_t j = 0; j < c->controls[i].count; j++) {
				const struct coverage_period *p = &c->controls[i].periods[j];
				char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE], ev[96];
				struct text_writer w;
				const char *cells[6];

				date_format(p->start, from);
				date_format(p->end, to);
				text_writer_init(&w, ev, sizeof(ev));
				for (size_t k = 0; k < p->evidence_count && k < PERIOD_EVIDENCE_MAX; k++)
					text_writer_put(&w, "%s#%lld", k ? " " : "", (long long)p->evidence[k]);
				if (p->evidence_count > PERIOD_EVIDENCE_MAX)
					text_writer_put(&w, " +%zu", p->evidence_count - PERIOD_EVIDENCE_MAX);
				cells[0] = c->controls[i].control->id;
				cells[1] = p->label;
				cells[2] = from;
				cells[3] = to;
				cells[4] = period_state_name(p->state);
				cells[5] = p->evidence_count ? ev : "-";
				table_add_row(&t, cells);
			}
	} else {
		table_init(&t, 8, headers);
		for (size_t i = 0; i < c->count; i++) {
			const struct control_coverage *cc = &c->controls[i];
			char n[4][16], ratio[16];
			const char *cells[8];

			text_format(n[0], 16, "%zu", cc->count);
			text_format(n[1], 16, "%zu", cc->operated);
			text_format(n[2], 16, "%zu", cc->failed);
			text_format(n[3], 16, "%zu", cc->not_evidenced);
			text_format(ratio, sizeof(ratio), "%.0f%%", 100.0 * cc->ratio);
			cells[0] = cc->control->id;
			cells[1] = frequency_name(cc->control->frequency);
			cells[2] = n[0];
			cells[3] = n[1];
			cells[4] = n[2];
			cells[5] = n[3];
			cells[6] = ratio;
			cells[7] = cc->single_point ? "evidenced at a single point in time" : "";
			table_add_row(&t, cells);
		}
	}
	print_table_or_csv(out, &t, format, width);
	table_release(&t);
	if (strcmp(format, "csv") != 0) {
		char s[DATE_TEXT_SIZE], e[DATE_TEXT_SIZE], f[DATE_TEXT_SIZE];

		date_format(c->window_start, s);
		date_format(c->through, e);
		date_format(c->first_evidence, f);
		fprintf(out, "\nWindow %s to %s: %zu of %zu control periods operated (%.0f%%).\n", s, e,
			c->operated, c->periods, 100.0 * c->ratio);
		if (c->window_too_short)
			fprintf(out, "Trap: the audit window is shorter than three months.\n");
		if (c->evidence_starts_late)
			fprintf(out, "Trap: evidence starts %s, after the window starts.\n",
				f[0] ? f : "(never)");
	}
}

void readiness_print(FILE *out, const struct readiness *r, const char *organization,
		     const char *format)
{
	char date[DATE_TEXT_SIZE];

	date_format(r->as_of, date);
	if (strcmp(format, "json") == 0) {
		json_t *items = json_array(), *t1 = json_array(), *t2 = json_array();

		for (int i = 0; i < r->item_count; i++)
			json_array_append_new(items, json_pack("{s:s, s:b, s:s}", "item", r->items[i].title,
							       "done", r->items[i].done, "evidence",
							       r->items[i].evidence));
		for (int i = 0; i < r->type1.reason_count; i++)
			json_array_append_new(t1, json_string(r->type1.reasons[i]));
		for (int i = 0; i < r->type2.reason_count; i++)
			json_array_append_new(t2, json_string(r->type2.reasons[i]));
		dump_json(out, json_pack("{s:s, s:s, s:f, s:I, s:I, s:{s:b, s:o}, s:{s:b, s:o}, s:o}",
			"organization", organization, "as_of", date, "readiness", r->score,
			"present", (json_int_t)r->present, "in_scope", (json_int_t)r->in_scope,
			"type1", "ready", r->type1.ready, "reasons", t1, "type2", "ready",
			r->type2.ready, "reasons", t2, "checklist", items));
		return;
	}
	fprintf(out, "%s: SOC 2 readiness as of %s\n\n", organization, date);
	fprintf(out, "Readiness score: %.0f%% (%zu of %zu in-scope controls present)\n\n", r->score,
		r->present, r->in_scope);
	fprintf(out, "Type I:  %s\n", r->type1.ready ? "READY" : "NOT READY");
	for (int i = 0; i < r->type1.reason_count; i++)
		fprintf(out, "  - %s\n", r->type1.reasons[i]);
	fprintf(out, "Type II: %s\n", r->type2.ready ? "READY" : "NOT READY");
	for (int i = 0; i < r->type2.reason_count; i++)
		fprintf(out, "  - %s\n", r->type2.reasons[i]);
	fprintf(out, "\nPre-audit checklist (%d of %d done):\n", r->items_done, r->item_count);
	for (int i = 0; i < r->item_count; i++)
		fprintf(out, "  [%c] %-42s %s\n", r->items[i].done ? 'x' : ' ', r->items[i].title,
			r->items[i].evidence);
}

void history_print(FILE *out, const struct snapshot_list *l, const char *format, int width)
{
	static const char *const headers[] = {"AS OF", "READINESS", "PRESENT", "PARTIAL", "MISSING",
					      "NOT EVALUATED", "OPENED", "CLOSED"};
	json_t *list = json_array();
	struct table t;

	table_init(&t, 8, headers);
	for (size_t i = 0; i < l->count; i++) {
		const struct snapshot *s = &l->items[i];
		struct buf opened = BUF_INIT, closed = BUF_INIT;
		char date[DATE_TEXT_SIZE], score[16], n[4][16];
		const char *cells[8];

		for (size_t j = 0; j < s->count; j++) {
			const struct snapshot_control *prev =
				i ? snapshot_find(&l->items[i - 1], s->rows[j].control) : NULL;
			bool open_now = s->rows[j].status != STATUS_PRESENT;
			bool open_before = prev ? prev->status != STATUS_PRESENT : false;

			if (i && open_now && !open_before)
				buf_printf(&opened, "%s%s", opened.len ? " " : "", s->rows[j].control);
			if (i && !open_now && open_before)
				buf_printf(&closed, "%s%s", closed.len ? " " : "", s->rows[j].control);
		}
		date_format(s->as_of, date);
		text_format(score, sizeof(score), "%.0f%%", s->readiness);
		for (int k = 0; k < 4; k++)
			text_format(n[k], 16, "%zu", s->by_status[k]);
		cells[0] = date;
		cells[1] = score;
		cells[2] = n[0];
		cells[3] = n[1];
		cells[4] = n[2];
		cells[5] = n[3];
		cells[6] = opened.len ? buf_cstr(&opened) : "-";
		cells[7] = closed.len ? buf_cstr(&closed) : "-";
		table_add_row(&t, cells);
		json_array_append_new(list, json_pack("{s:s, s:f, s:I, s:I, s:I, s:I, s:s, s:s}", "as_of",
			date, "readiness", s->readiness, "present", (json_int_t)s->by_status[0],
			"partial", (json_int_t)s->by_status[1], "missing", (json_int_t)s->by_status[2],
			"not_evaluated", (json_int_t)s->by_status[3], "opened", buf_cstr(&opened),
			"closed", buf_cstr(&closed)));
		buf_release(&opened);
		buf_release(&closed);
	}
	if (strcmp(format, "json") == 0)
		dump_json(out, json_pack("{s:o}", "history", list));
	else {
		json_decref(list);
		if (l->count == 0)
			fprintf(out, "no assessments yet: run 'attest assess'\n");
		else
			print_table_or_csv(out, &t, format, width);
	}
	table_release(&t);
}
