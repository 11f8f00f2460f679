/*
 * cmd_detect.c - `attest detect [PATH...]`: run the CIS monitoring rules
 * (and the workspace's rules/ *.yaml) over CloudTrail files and print the
 * alerts.  The work is in src/detect/ (library code, also used by import);
 * this file parses options, splits files across threads, merges and
 * prints.
 *
 * Files are handed to worker threads one at a time from a shared counter;
 * each thread keeps its own results, merged and sorted at the end, so the
 * output is byte-identical for any --threads.
 */
#include <jansson.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/command.h"
#include "detect/detect.h"
#include "report/table.h"
#include "util/buf.h"
#include "util/text.h"

#define THREADS_MAX 64
/* Whole-file inflate budget shared by all threads (see ct_reader_new): keeps
 * peak RSS bounded whatever the input, and per thread no more than needed
 * for real CloudTrail files (a few MB). */
#define GZ_BUDGET ((size_t)40 << 20)

static const struct option_spec detect_options[] = {
	{"since", 0, OPT_DATE, "DATE", NULL,
	 "only events at or after DATE (YYYY-MM-DD, UTC)"},
	{"until", 0, OPT_DATE, "DATE", NULL,
	 "only events up to the end of DATE (UTC)"},
	{"rule", 'r', OPT_LIST, "ID", NULL,
	 "run only this rule (repeatable); see docs/detect.md"},
	{"format", 'f', OPT_CHOICE, "FORMAT", "table|json|csv",
	 "output format (default table)"},
	{"threads", 'j', OPT_INT, "N", NULL,
	 "worker threads (default: the number of CPUs)"},
	{NULL, 0, 0, NULL, NULL, NULL},
};

struct shared {
	const struct detect_ruleset *rs;
	struct detect_options opts;
	const struct ct_file_list *files;
	atomic_size_t next;
	size_t gz_whole_max;
};

struct worker {
	pthread_t tid;
	struct shared *sh;
	struct detect_results res;
	struct error err;      /* a fatal (non-file) error */
	int rc;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct shared *sh = w->sh;
	struct detector *d = NULL;

	w->rc = detector_new(&d, sh->rs, &sh->opts, sh->gz_whole_max, &w->err);
	while (!w->rc) {
		size_t i = atomic_fetch_add(&sh->next, 1);
		struct error ferr = {0};

		if (i >= sh->files->len)
			break;
		if (detector_run_file(d, sh->files->paths[i], &w->res, &ferr)) {
			if (ferr.code == ERR_NOMEM)
				w->rc = error_set(&w->err, ERR_NOMEM, "out of memory");
			else
				w->rc = detect_results_add_error(&w->res, &ferr,
								 &w->err);
		}
	}
	detector_free(d);
	return NULL;
}

static int run_threads(struct shared *sh, int nthreads,
		       struct detect_results *out, struct error *err)
{
	struct worker *ws = calloc((size_t)nthreads, sizeof(*ws));
	int started = 0, rc = 0;

	if (!ws)
		return error_set(err, ERR_NOMEM, "out of memory");
	for (int i = 0; i < nthreads; i++) {
		ws[i].sh = sh;
		detect_results_init(&ws[i].res);
		if (nthreads == 1) {
			work(&ws[i]);
			started = 1;
		} else if (pthread_create(&ws[i].tid, NULL, work, &ws[i]) == 0) {
			started++;
		} else {
			break;
		}
	}
	for (int i = 0; i < started; i++) {
		if (nthreads > 1)
			pthread_join(ws[i].tid, NULL);
		if (!rc && ws[i].rc) {
			*err = ws[i].err;
			rc = ws[i].rc;
		}
		if (!rc)
			rc = detect_results_merge(out, &ws[i].res, err);
		detect_results_release(&ws[i].res);
	}
	if (!rc && started == 0)
		rc = error_set(err, ERR_NOMEM, "cannot start threads");
	free(ws);
	return rc ? rc : detect_results_finish(out, err);
}

static json_t *criteria_json(const char *csv)
{
	json_t *a = json_array();
	char *copy = text_dup(csv), *save = NULL;

	for (char *c = copy ? strtok_r(copy, ",", &save) : NULL; c;
	     c = strtok_r(NULL, ",", &save))
		json_array_append_new(a, json_string(c));
	free(copy);
	return a;
}

/* Streams the report one alert per line, so printing 2 GB worth of alerts
 * never holds them all as JSON in memory (the engine's 64 MiB bound holds
 * for every format). */
static void print_json(struct command_context *ctx,
		       const struct detect_results *res)
{
	json_t *sum;
	char *text;

	fputs("{\"alerts\": [\n", ctx->out);
	for (size_t i = 0; i < res->len; i++) {
		const struct detect_alert *a = &res->alerts[i];
		json_t *o = json_pack(
			"{s:s, s:s, s:s, s:o, s:s, s:s, s:s, s:s, s:s, s:s, s:s, "
			"s:s, s:s, s:I, s:I}",
			"rule", a->rule->id, "title", a->rule->title, "severity",
			detect_severity_name(a->rule->severity), "criteria",
			criteria_json(a->rule->criteria), "cis", a->rule->cis,
			"time", a->event_time, "principal", a->principal,
			"principal_type", a->principal_type, "source_ip",
			a->source_ip, "event_name", a->event_name, "event_source",
			a->event_source, "event_id", a->event_id, "file", a->file,
			"record", (json_int_t)a->record, "count",
			(json_int_t)a->count);

		if (a->key) {
			char start[STAMP_TEXT_SIZE];

			stamp_format(a->window_start, start);
			json_object_set_new(o, "key", json_string(a->key));
			json_object_set_new(o, "window_start", json_string(start));
		}
		text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
		fprintf(ctx->out, "  %s%s\n", text ? text : "{}", i + 1 < res->len ? "," : "");
		free(text);
		json_decref(o);
	}
	sum = json_pack("{s:I, s:I, s:I, s:I, s:I, s:I}", "files",
			(json_int_t)res->stats.files, "records",
			(json_int_t)res->stats.records, "bytes",
			(json_int_t)res->stats.bytes, "alerts", (json_int_t)res->len,
			"skipped", (json_int_t)res->stats.skipped, "errors",
			(json_int_t)res->nerrors);
	text = json_dumps(sum, JSON_COMPACT | JSON_PRESERVE_ORDER);
	fprintf(ctx->out, "],\n\"summary\": %s}\n", text ? text : "{}");
	free(text);
	json_decref(sum);
}

static void print_rows(struct command_context *ctx,
		       const struct detect_results *res, bool csv)
{
	static const char *const headers[] = {
		"TIME", "RULE", "SEVERITY", "PRINCIPAL", "SOURCE IP", "EVENT",
		"EVENT ID", "FILE", "RECORD", "COUNT"};
	struct table t;

	table_init(&t, 10, headers);
	for (size_t i = 0; i < res->len; i++) {
		const struct detect_alert *a = &res->alerts[i];
		char record[24], count[16];
		const char *cells[10];

		snprintf(record, sizeof(record), "%ld", a->record);
		snprintf(count, sizeof(count), "%u", a->count);
		cells[0] = a->event_time;
		cells[1] = a->rule->id;
		cells[2] = detect_severity_name(a->rule->severity);
		cells[3] = a->principal;
		cells[4] = a->source_ip;
		cells[5] = a->event_name;
		cells[6] = a->event_id;
		cells[7] = a->file;
		cells[8] = record;
		cells[9] = count;
		table_add_row(&t, cells);
	}
	if (csv) {
		table_print_csv(&t, ctx->out);
	} else {
		table_print(&t, ctx->out, terminal_width(ctx->out));
		fprintf(ctx->out, "%zu alert%s; %llu records in %llu files "
			"(%.1f MB)\n", res->len, res->len == 1 ? "" : "s",
			(unsigned long long)res->stats.records,
			(unsigned long long)res->stats.files,
			(double)res->stats.bytes / 1e6);
	}
	table_release(&t);
}

static int load_rules(struct command_context *ctx, struct detect_ruleset **rs,
		      struct error *err)
{
	const char *const *ids;
	int nids = option_list(ctx->opts, "rule", &ids);
	struct buf dir = BUF_INIT;
	int rc = detect_ruleset_new(rs, err);

	if (!rc)
		rc = detect_ruleset_add_builtin(*rs, err);
	if (!rc && buf_printf(&dir, "%s/rules", ctx->dir))
		rc = error_set(err, ERR_NOMEM, "out of memory");
	if (!rc)
		rc = detect_ruleset_load_dir(*rs, dir.data, err);
	if (!rc && nids > 0)
		rc = detect_ruleset_keep(*rs, ids, (size_t)nids, err);
	buf_release(&dir);
	return rc;
}

static int list_inputs(struct command_context *ctx, struct ct_file_list *fl,
		       struct error *err)
{
	const struct parsed_options *o = ctx->opts;
	struct buf dir = BUF_INIT;
	struct stat st;
	const char *one[1];
	int rc;

	if (o->positional_count > 0)
		return ct_list_files(fl, (const char *const *)o->positional,
				     (size_t)o->positional_count, false, err);
	if (buf_printf(&dir, "%s/sources/aws", ctx->dir))
		return error_set(err, ERR_NOMEM, "out of memory");
	if (stat(dir.data, &st) < 0 || !S_ISDIR(st.st_mode)) {
		rc = error_set(err, ERR_USAGE, "no PATH given and %s is not a "
			       "directory", dir.data);
	} else {
		one[0] = dir.data;
		rc = ct_list_files(fl, one, 1, true, err);
	}
	buf_release(&dir);
	return rc;
}

static int thread_count(struct command_context *ctx, size_t nfiles)
{
	long n = option_int(ctx->opts, "threads", 0);

	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	if (n > THREADS_MAX)
		n = THREADS_MAX;
	if ((size_t)n > nfiles && nfiles > 0)
		n = (long)nfiles;
	return (int)n;
}

static int report(struct command_context *ctx, struct detect_results *res)
{
	const char *format = option_choice(ctx->opts, "format", "table");

	for (size_t i = 0; i < res->nerrors; i++)
		command_fail(ctx, &res->errors[i].err);
	if (strcmp(format, "json") == 0)
		print_json(ctx, res);
	else
		print_rows(ctx, res, strcmp(format, "csv") == 0);
	if (res->nerrors)
		return 2;
	return res->len ? 1 : 0;
}

static int cmd_detect(struct command_context *ctx)
{
	struct error err = {0};
	struct detect_ruleset *rs = NULL;
	struct ct_file_list fl = {0};
	struct detect_results res;
	struct shared sh = {0};
	day_t since = option_date(ctx->opts, "since");
	day_t until = option_date(ctx->opts, "until");
	int rc, status, nthreads;

	detect_results_init(&res);
	rc = load_rules(ctx, &rs, &err);
	if (!rc)
		rc = list_inputs(ctx, &fl, &err);
	if (!rc && since != DAY_NONE && until != DAY_NONE && until < since)
		rc = error_set(&err, ERR_USAGE, "--until is before --since");
	if (!rc) {
		nthreads = thread_count(ctx, fl.len);
		sh.rs = rs;
		sh.files = &fl;
		sh.opts.since = since == DAY_NONE ? STAMP_NONE : day_stamp(since);
		sh.opts.until = until == DAY_NONE ? STAMP_NONE
						   : day_stamp(until + 1);
		sh.gz_whole_max = GZ_BUDGET / (size_t)nthreads;
		if (sh.gz_whole_max > CT_GZ_WHOLE_DEFAULT)
			sh.gz_whole_max = CT_GZ_WHOLE_DEFAULT;
		atomic_init(&sh.next, 0);
		rc = run_threads(&sh, nthreads, &res, &err);
	}
	if (rc == ERR_USAGE)
		status = command_usage_error(ctx, "%s", err.message);
	else if (rc)
		status = command_fail(ctx, &err);
	else
		status = report(ctx, &res);
	detect_results_release(&res);
	ct_file_list_release(&fl);
	detect_ruleset_free(rs);
	return status;
}

const struct command command_detect = {
	.name = "detect",
	.run = cmd_detect,
	.summary = "find security events in CloudTrail logs (CIS monitoring rules)",
	.usage = "[PATH...] [--since DATE] [--until DATE] [--rule ID] "
		 "[--format table|json|csv] [--threads N]",
	.description =
		"Reads CloudTrail files (S3 .json.gz, plain JSON, JSON Lines, "
		"`aws cloudtrail lookup-events` output) from each PATH, or from "
		"the workspace's sources/aws/ when none is given, and runs the "
		"CIS AWS Foundations monitoring rules, the built-in threshold "
		"rules and the workspace's rules/*.yaml over every event.\n"
		"Alerts are sorted by event time, event ID and rule. Exit "
		"status: 0 no alert, 1 alerts, 2 errors. See docs/detect.md.",
	.options = detect_options,
	.flags = 0,
};
