/* findings.c - table, JSON, CSV and JUnit views of a check run. */
#include "report/findings.h"

#include <jansson.h>
#include <string.h>

#include "report/table.h"
#include "util/buf.h"

const char *finding_control(const struct finding *f)
{
	return f->check->controls[0] ? f->check->controls[0] : "";
}

static json_t *string_array(const char *const *items, size_t max)
{
	json_t *a = json_array();

	for (size_t i = 0; i < max && items[i]; i++)
		json_array_append_new(a, json_string(items[i]));
	return a;
}

static json_t *finding_json(const struct finding *f)
{
	json_t *ev = json_array();

	for (size_t i = 0; i < f->evidence_count; i++)
		json_array_append_new(ev, json_string(f->evidence[i]));
	return json_pack("{s:s, s:s, s:o, s:o, s:s, s:s, s:s, s:s, s:o}", "check",
			 f->check->id, "control", finding_control(f), "criteria",
			 string_array(f->check->criteria, CHECK_LIST_MAX), "hipaa",
			 string_array(f->check->hipaa, CHECK_LIST_MAX), "severity",
			 severity_name(f->severity), "subject", f->subject, "system",
			 f->system, "detail", f->detail, "evidence", ev);
}

static void count_results(const struct check_run *run, size_t counts[RESULT_COUNT])
{
	memset(counts, 0, sizeof(size_t) * RESULT_COUNT);
	for (size_t i = 0; i < run->count; i++)
		counts[run->outcomes[i].result]++;
}

void findings_print_json(FILE *out, const struct check_run *run)
{
	json_t *root = json_object(), *list = json_array(), *checks = json_array();
	json_t *summary, *sev = json_object();
	size_t counts[RESULT_COUNT], by_sev[SEVERITY_COUNT] = {0};
	char date[DATE_TEXT_SIZE];
	char *text;

	date_format(run->as_of, date);
	for (size_t i = 0; i < run->findings.count; i++) {
		json_array_append_new(list, finding_json(&run->findings.items[i]));
		by_sev[run->findings.items[i].severity]++;
	}
	for (size_t i = 0; i < run->count; i++) {
		const struct check_outcome *o = &run->outcomes[i];
		json_t *c = json_pack("{s:s, s:s, s:I}", "id", o->check->id, "result",
				      result_name(o->result), "findings", (json_int_t)o->findings);

		if (o->reason[0])
			json_object_set_new(c, "reason", json_string(o->reason));
		json_array_append_new(checks, c);
	}
	for (int s = SEVERITY_CRITICAL; s >= SEVERITY_LOW; s--)
		json_object_set_new(sev, severity_name((enum severity)s),
				    json_integer((json_int_t)by_sev[s]));
	count_results(run, counts);
	summary = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I, s:o}", "checks",
			    (json_int_t)run->count, "passed", (json_int_t)counts[RESULT_PASS],
			    "failed", (json_int_t)counts[RESULT_FAIL], "not_evaluated",
			    (json_int_t)counts[RESULT_NOT_EVALUATED], "errors",
			    (json_int_t)counts[RESULT_ERROR], "findings",
			    (json_int_t)run->findings.count, "by_severity", sev);
	json_object_set_new(root, "as_of", json_string(date));
	json_object_set_new(root, "findings", list);
	json_object_set_new(root, "checks", checks);
	json_object_set_new(root, "summary", summary);
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fprintf(out, "%s\n", text ? text : "{}");
	free(text);
	json_decref(root);
}

void findings_print_csv(FILE *out, const struct check_run *run)
{
	static const char *const headers[] = {"check", "control", "criteria", "hipaa",
					      "severity", "subject", "system", "detail",
					      "evidence"};
	struct table t;
	struct buf crit = BUF_INIT, hipaa = BUF_INIT, ev = BUF_INIT;

	table_init(&t, 9, headers);
	for (size_t i = 0; i < run->findings.count; i++) {
		const struct finding *f = &run->findings.items[i];
		const char *cells[9];

		buf_reset(&crit);
		buf_reset(&hipaa);
		buf_reset(&ev);
		for (int j = 0; j < CHECK_LIST_MAX && f->check->criteria[j]; j++)
			buf_printf(&crit, "%s%s", j ? " " : "", f->check->criteria[j]);
		for (int j = 0; j < CHECK_LIST_MAX && f->check->hipaa[j]; j++)
			buf_printf(&hipaa, "%s%s", j ? " " : "", f->check->hipaa[j]);
		for (size_t j = 0; j < f->evidence_count; j++)
			buf_printf(&ev, "%s%s", j ? " " : "", f->evidence[j]);
		cells[0] = f->check->id;
		cells[1] = finding_control(f);
		cells[2] = buf_cstr(&crit);
		cells[3] = buf_cstr(&hipaa);
		cells[4] = severity_name(f->severity);
		cells[5] = f->subject;
		cells[6] = f->system;
		cells[7] = f->detail;
		cells[8] = buf_cstr(&ev);
		table_add_row(&t, cells);
	}
	table_print_csv(&t, out);
	table_release(&t);
	buf_release(&crit);
	buf_release(&hipaa);
	buf_release(&ev);
}

void findings_print_table(FILE *out, const struct check_run *run, int width)
{
	static const char *const headers[] = {"SEVERITY", "CONTROL", "CHECK", "SUBJECT",
					      "SYSTEM", "DETAIL"};
	size_t counts[RESULT_COUNT];
	char date[DATE_TEXT_SIZE];
	struct table t;

	date_format(run->as_of, date);
	table_init(&t, 6, headers);
	/* Most severe first, then the stable order of the run. */
	for (int s = SEVERITY_CRITICAL; s >= SEVERITY_LOW; s--)
		for (size_t i = 0; i < run->findings.count; i++) {
			const struct finding *f = &run->findings.items[i];
			const char *cells[6];

			if ((int)f->severity != s)
				continue;
			cells[0] = severity_name(f->severity);
			cells[1] = finding_control(f);
			cells[2] = f->check->id;
			cells[3] = f->subject;
			cells[4] = f->system;
			cells[5] = f->detail;
			table_add_row(&t, cells);
		}
	if (t.rows)
		table_print(&t, out, width);
	table_release(&t);
	count_results(run, counts);
	fprintf(out, "%s%zu findings as of %s: %zu checks passed, %zu failed, %zu not evaluated, %zu errors\n",
		t.rows ? "\n" : "", run->findings.count, date, counts[RESULT_PASS],
		counts[RESULT_FAIL], counts[RESULT_NOT_EVALUATED], counts[RESULT_ERROR]);
	for (size_t i = 0; i < run->count; i++) {
		const struct check_outcome *o = &run->outcomes[i];

		if (o->result == RESULT_NOT_EVALUATED || o->result == RESULT_ERROR)
			fprintf(out, "  %-13s %s: %s\n", result_name(o->result), o->check->id,
				o->reason);
	}
}

static void xml_escaped(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '&': fputs("&amp;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&apos;", out); break;
		default:
			/* Control characters are not allowed in XML 1.0. */
			if ((unsigned char)*s < 0x20 && *s != '\n' && *s != '\t')
				fputc(' ', out);
			else
				fputc(*s, out);
		}
	}
}

void findings_print_junit(FILE *out, const struct check_run *run)
{
	size_t counts[RESULT_COUNT];

	count_results(run, counts);
	fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		     "<testsuites>\n<testsuite name=\"attest\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"%zu\">\n",
		run->count, counts[RESULT_FAIL], counts[RESULT_ERROR],
		counts[RESULT_NOT_EVALUATED]);
	for (size_t i = 0; i < run->count; i++) {
		const struct check_outcome *o = &run->outcomes[i];

		fprintf(out, "  <testcase classname=\"");
		xml_escaped(out, o->check->controls[0] ? o->check->controls[0] : "attest");
		fprintf(out, "\" name=\"");
		xml_escaped(out, o->check->id);
		fprintf(out, "\">");
		if (o->result == RESULT_FAIL) {
			fprintf(out, "\n    <failure message=\"%zu findings\">", o->findings);
			for (size_t j = 0; j < run->findings.count; j++) {
				const struct finding *f = &run->findings.items[j];

				if (f->check != o->check)
					continue;
				xml_escaped(out, severity_name(f->severity));
				fputs(": ", out);
				xml_escaped(out, f->subject);
				if (f->system[0]) {
					fputs(" (", out);
					xml_escaped(out, f->system);
					fputs(")", out);
				}
				fputs(": ", out);
				xml_escaped(out, f->detail);
				fputc('\n', out);
			}
			fprintf(out, "</failure>\n  ");
		} else if (o->result == RESULT_NOT_EVALUATED) {
			fprintf(out, "<skipped message=\"");
			xml_escaped(out, o->reason);
			fprintf(out, "\"/>");
		} else if (o->result == RESULT_ERROR) {
			fprintf(out, "<error message=\"");
			xml_escaped(out, o->reason);
			fprintf(out, "\"/>");
		}
		fprintf(out, "</testcase>\n");
	}
	fprintf(out, "</testsuite>\n</testsuites>\n");
}
