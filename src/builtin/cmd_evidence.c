/*
 * cmd_evidence.c - `attest evidence list|show|cat|verify`: the evidence
 * locker seen from the command line (docs/commands/evidence.md).
 */
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"
#include "cli/command.h"
#include "import/import.h"
#include "locker/ledger.h"
#include "locker/locker.h"
#include "locker/verify.h"
#include "report/table.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/number.h"
#include "util/text.h"
#include "workspace/workspace.h"

enum list_format { FORMAT_TABLE, FORMAT_JSON, FORMAT_CSV };

static const char *const list_headers[] = {
	"ID", "EFFECTIVE", "SOURCE", "PATH", "SIZE", "DIGEST", "IMPORTED",
};
#define LIST_COLUMNS 7

static void list_row(const struct evidence_entry *e, char size[32],
		     const char *cells[LIST_COLUMNS], char id[32])
{
	snprintf(id, 32, "%lld", (long long)e->id);
	snprintf(size, 32, "%lld", (long long)e->size);
	cells[0] = id;
	cells[1] = e->effective_at;
	cells[2] = e->source;
	cells[3] = e->path;
	cells[4] = size;
	cells[5] = e->digest;
	cells[6] = e->imported_at;
}

/* One entry in the chosen format; tables are gathered to size columns. */
static int list_one(struct command_context *ctx, enum list_format fmt,
		    struct table *t, const struct evidence_entry *e, bool first,
		    struct buf *json, struct error *err)
{
	const char *cells[LIST_COLUMNS];
	char size[32], id[32];
	int rc;

	if (fmt == FORMAT_JSON) {
		buf_reset(json);
		if ((rc = ledger_entry_json(e, true, json, err)))
			return rc;
		fprintf(ctx->out, "%s%s", first ? "\n" : ",\n", json->data);
		return 0;
	}
	list_row(e, size, cells, id);
	if (fmt == FORMAT_CSV) {
		for (int i = 0; i < LIST_COLUMNS; i++) {
			if (i)
				fputc(',', ctx->out);
			csv_write_field(ctx->out, cells[i]);
		}
		fputs("\r\n", ctx->out);
		return 0;
	}
	return table_add_row(t, cells) ? error_set(err, ERR_NOMEM, "out of memory") : 0;
}

static int do_list(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	const char *f = option_choice(o, "format", "table");
	enum list_format fmt = !strcmp(f, "json") ? FORMAT_JSON
			       : !strcmp(f, "csv") ? FORMAT_CSV : FORMAT_TABLE;
	struct evidence_filter filter = {option_string(o, "source"),
					 option_date(o, "since")};
	struct evidence_iter *it = NULL;
	struct evidence_entry e;
	struct buf json = BUF_INIT;
	struct table t;
	struct error err;
	bool done = false, first = true;
	int rc;

	error_clear(&err);
	evidence_entry_init(&e);
	table_init(&t, LIST_COLUMNS, list_headers);
	if (fmt == FORMAT_JSON)
		fputs("[", ctx->out);
	if (fmt == FORMAT_CSV) {
		for (int i = 0; i < LIST_COLUMNS; i++) {
			char low[16];
			text_copy(low, sizeof(low), list_headers[i]);
			text_lower(low);
			fprintf(ctx->out, "%s%s", i ? "," : "", low);
		}
		fputs("\r\n", ctx->out);
	}
	rc = store_evidence_iter(ctx->store, &filter, &it, &err);
	while (!rc && !(rc = store_evidence_next(it, &e, &done, &err)) && !done) {
		rc = list_one(ctx, fmt, &t, &e, first, &json, &err);
		first = false;
	}
	if (!rc && fmt == FORMAT_JSON)
		fputs(first ? "]\n" : "\n]\n", ctx->out);
	if (!rc && fmt == FORMAT_TABLE)
		table_print(&t, ctx->out, terminal_width(ctx->out));
	store_evidence_iter_free(it);
	evidence_entry_release(&e);
	table_release(&t);
	buf_release(&json);
	return rc ? command_fail(ctx, &err) : 0;
}

static int parse_id(struct command_context *ctx, int64_t *id)
{
	const struct parsed_options *o = ctx->opts;

	if (o->positional_count != 2)
		return command_usage_error(ctx, "evidence %s needs exactly one ID",
					   o->positional[0]);
	if (number_parse_i64(o->positional[1], 1, INT64_MAX, id))
		return command_usage_error(ctx, "not an evidence ID: %s (IDs are 1, 2, 3...; see 'attest evidence list')",
					   o->positional[1]);
	return 0;
}

static int do_show(struct command_context *ctx)
{
	struct evidence_entry e;
	struct error err;
	char **kinds = NULL;
	int64_t *counts = NULL, id;
	size_t n = 0;
	int rc;

	if ((rc = parse_id(ctx, &id)))
		return rc;
	error_clear(&err);
	evidence_entry_init(&e);
	rc = store_evidence_get(ctx->store, id, &e, &err);
	if (!rc)
		rc = store_evidence_fact_counts(ctx->store, id, &kinds, &counts, &n, &err);
	if (!rc) {
		fprintf(ctx->out, "id:          %lld\nkind:        %s\npath:        %s\n"
			"source:      %s\nsize:        %lld\ndigest:      %s\n"
			"imported_at: %s\neffective:   %s\nprev:        %s\nhash:        %s\n",
			(long long)e.id, e.kind, e.path, e.source, (long long)e.size,
			e.digest, e.imported_at, e.effective_at, e.prev_hash, e.hash);
		if (e.control[0])
			fprintf(ctx->out, "control:     %s\n", e.control);
		if (e.note)
			fprintf(ctx->out, "note:        %s\n", e.note);
		fprintf(ctx->out, "facts:%s\n", n ? "" : "       none");
		for (size_t i = 0; i < n; i++)
			fprintf(ctx->out, "  %-24s %lld\n", kinds[i], (long long)counts[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(kinds[i]);
	free(kinds);
	free(counts);
	evidence_entry_release(&e);
	return rc ? command_fail(ctx, &err) : 0;
}

static int do_cat(struct command_context *ctx)
{
	struct evidence_entry e;
	struct objects *objs = NULL;
	struct error err;
	int64_t id;
	int rc;

	if ((rc = parse_id(ctx, &id)))
		return rc;
	error_clear(&err);
	evidence_entry_init(&e);
	rc = store_evidence_get(ctx->store, id, &e, &err);
	if (!rc)
		rc = objects_open(ctx->ws->state_dir, false, &objs, &err);
	if (!rc)
		rc = locker_cat(objs, e.digest, ctx->out, &err);
	objects_free(objs);
	evidence_entry_release(&e);
	return rc ? command_fail(ctx, &err) : 0;
}

static int report_problem(void *arg, int64_t id, const char *message)
{
	struct command_context *ctx = arg;

	if (id > 0)
		fprintf(ctx->out, "entry %lld: %s\n", (long long)id, message);
	else
		fprintf(ctx->out, "%s\n", message);
	return 0;
}

static int do_verify(struct command_context *ctx)
{
	struct locker *l = NULL;
	struct verify_result res;
	struct error err;
	int rc;

	if (ctx->opts->positional_count != 1)
		return command_usage_error(ctx, "evidence verify takes no arguments");
	error_clear(&err);
	rc = locker_open(ctx->ws->state_dir, ctx->store, &l, &err);
	if (!rc && l->truncated_bytes)
		fprintf(ctx->err, "note: removed %lld bytes of an interrupted import from .attest/ledger.jsonl\n",
			(long long)l->truncated_bytes);
	if (!rc)
		rc = locker_verify(l, ctx->store, report_problem, ctx, &res, &err);
	locker_close(l);
	if (rc)
		return command_fail(ctx, &err);
	if (res.problems) {
		fprintf(ctx->out, "FAILED: %lld problems in %lld entries, %lld objects checked\n",
			(long long)res.problems, (long long)res.entries,
			(long long)res.objects);
		return 1;
	}
	fprintf(ctx->out, "ok: %lld entries, %lld objects verified\n",
		(long long)res.entries, (long long)res.objects);
	return 0;
}

/* `evidence add --control ID FILE [--effective DATE] [--note TEXT]`: proof
 * no export carries (board minutes, a signed scope, a DR test report). */
static int do_add(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	const char *control = option_string(o, "control");
	day_t effective = option_date(o, "effective");
	struct import_request req;
	struct catalog *cat = NULL;
	struct error err;
	int64_t id = 0;
	int rc;

	error_clear(&err);
	if (o->positional_count != 2)
		return command_usage_error(ctx, "evidence add needs exactly one FILE");
	if (!control)
		return command_usage_error(ctx, "evidence add needs --control ID");
	if ((rc = catalog_load(ctx->ws->root, &cat, &err)))
		return command_fail(ctx, &err);
	if (!catalog_control(cat, control)) {
		catalog_free(cat);
		return command_usage_error(ctx, "'%s' is not a control (see 'attest controls')", control);
	}
	catalog_free(cat);
	memset(&req, 0, sizeof(req));
	req.root = ctx->ws->root;
	req.state_dir = ctx->ws->state_dir;
	req.config = &ctx->ws->config;
	req.store = ctx->store;
	req.effective = effective == DAY_NONE ? STAMP_NONE : day_stamp(effective);
	req.now = STAMP_NONE;
	if ((rc = import_manual(&req, o->positional[1], control, option_string(o, "note"), &id, &err)))
		return command_fail(ctx, &err);
	fprintf(ctx->out, "added evidence #%lld for %s\n", (long long)id, control);
	return 0;
}

static int run_evidence(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	const char *action = o->positional_count ? o->positional[0] : "list";

	if (!strcmp(action, "list")) {
		if (o->positional_count > 1)
			return command_usage_error(ctx, "evidence list takes no arguments");
		return do_list(ctx);
	}
	if (!strcmp(action, "show"))
		return do_show(ctx);
	if (!strcmp(action, "cat"))
		return do_cat(ctx);
	if (!strcmp(action, "verify"))
		return do_verify(ctx);
	if (!strcmp(action, "add"))
		return do_add(ctx);
	return command_usage_error(ctx, "unknown action '%s' (list, show, cat, verify, add)",
				   action);
}

static const struct option_spec evidence_options[] = {
	{"source", 0, OPT_STRING, "S", NULL,
	 "list: only this importer (or system prefix: aws, github...)"},
	{"since", 0, OPT_DATE, "DATE", NULL,
	 "list: only evidence effective on or after DATE"},
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json|csv", "list: output format"},
	{"control", 0, OPT_STRING, "ID", NULL, "add: the control the file evidences"},
	{"effective", 0, OPT_DATE, "DATE", NULL, "add: the date the file speaks for (default today)"},
	{"note", 0, OPT_STRING, "TEXT", NULL, "add: what the file shows"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_evidence = {
	.name = "evidence",
	.run = run_evidence,
	.summary = "list, show, print and verify the evidence locker",
	.usage = "list [--source S] [--since DATE] [--format table|json|csv] | show ID | cat ID | verify\n"
		 "       | add --control ID FILE [--effective DATE] [--note TEXT]",
	.description =
		"list    every evidence entry (one per imported file version)\n"
		"show    one entry: its ledger fields and how many facts of each kind\n"
		"cat     the entry's exact imported bytes, to stdout\n"
		"verify  re-hash every object, recompute the ledger's hash chain and\n"
		"        cross-check the database; exit 1 naming each problem's entry\n"
		"add     keep FILE as manual evidence for a control (board minutes, a\n"
		"        signed scope, a DR test report), dated --effective\n"
		"See docs/evidence.md for the locker and how to verify it by hand.",
	.options = evidence_options,
	.flags = CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE,
};
