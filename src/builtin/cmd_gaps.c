/*
 * cmd_gaps.c - `attest gaps`: the gap register of the latest assessment
 * (or the one of --as-of): control, status, what is missing, findings,
 * owner, due date, first seen, age; closed gaps with their dates.
 */
#include <string.h>

#include "assess/snapshot.h"
#include "catalog/catalog.h"
#include "cli/command.h"
#include "report/assess_report.h"
#include "report/table.h"
#include "store/store_assess.h"
#include "util/text.h"
#include "workspace/workspace.h"

static bool keep(const struct gap *g, const char *owner, const char *status)
{
	if (owner && !text_equal_nocase(g->owner, owner))
		return false;
	if (status) {
		const char *state = g->closed ? "closed" : control_status_name(g->status);

		if (strcmp(status, "open") == 0)
			return !g->closed;
		if (strcmp(status, "not-evaluated") == 0)
			return strcmp(state, "not evaluated") == 0;
		return strcmp(state, status) == 0;
	}
	return true;
}

static int pick_snapshot(const struct snapshot_list *l, day_t as_of, size_t *at)
{
	if (l->count == 0)
		return ERR_NOTFOUND;
	if (as_of == DAY_NONE) {
		*at = l->count - 1;
		return 0;
	}
	for (size_t i = 0; i < l->count; i++)
		if (l->items[i].as_of == as_of) {
			*at = i;
			return 0;
		}
	return ERR_NOTFOUND;
}

static int run_gaps(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	const char *format = option_choice(o, "format", "table");
	const char *output = option_string(o, "output");
	struct snapshot_list snaps;
	struct gap_list all, shown;
	struct catalog *cat = NULL;
	struct error err;
	size_t at = 0;
	int rc;

	error_clear(&err);
	if (o->positional_count)
		return command_usage_error(ctx, "gaps takes no arguments");
	if (strcmp(format, "xlsx") == 0 && !output)
		return command_usage_error(ctx, "--format xlsx needs --output FILE.xlsx");
	if ((rc = store_snapshot_load_all(ctx->store, &snaps, &err)))
		return command_fail(ctx, &err);
	if (pick_snapshot(&snaps, option_date(o, "as-of"), &at)) {
		snapshot_list_release(&snaps);
		error_set(&err, ERR_NOTFOUND, "no assessment %s; run 'attest assess%s' first",
			  option_string(o, "as-of") ? "on that date" : "yet",
			  option_string(o, "as-of") ? " --as-of DATE" : "");
		return command_fail(ctx, &err);
	}
	if ((rc = catalog_load(ctx->ws->root, &cat, &err)) ||
	    (rc = gaps_derive(&snaps, at, cat, &ctx->ws->config, &all, &err))) {
		catalog_free(cat);
		snapshot_list_release(&snaps);
		return command_fail(ctx, &err);
	}
	shown = all;
	shown.count = 0;
	for (size_t i = 0; i < all.count; i++)
		if (keep(&all.items[i], option_string(o, "owner"), option_string(o, "status")))
			shown.items[shown.count++] = all.items[i];
	if (strcmp(format, "xlsx") == 0) {
		rc = gaps_write_xlsx(output, &shown, snaps.items[at].as_of,
				     ctx->ws->config.organization, &err);
	} else {
		FILE *out = ctx->out;

		if (output && !(out = fopen(output, "w")))
			rc = error_set(&err, ERR_IO, "cannot write %s", output);
		if (!rc)
			gaps_print(out, &shown, snaps.items[at].as_of, format,
				   output ? 0 : terminal_width(ctx->out));
		if (output && out && fclose(out))
			rc = error_set(&err, ERR_IO, "cannot write %s", output);
	}
	gap_list_release(&all);
	catalog_free(cat);
	snapshot_list_release(&snaps);
	return rc ? command_fail(ctx, &err) : 0;
}

static const struct option_spec gaps_options[] = {
	{"owner", 0, OPT_STRING, "EMAIL", NULL, "only gaps owned by EMAIL"},
	{"status", 0, OPT_CHOICE, "STATUS", "open|partial|missing|not-evaluated|closed",
	 "only gaps in this state"},
	{"as-of", 0, OPT_DATE, "DATE", NULL, "the register of the assessment of DATE (default: latest)"},
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json|csv|xlsx", "output format (default table)"},
	{"output", 'o', OPT_STRING, "FILE", NULL, "write to FILE (required for xlsx)"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_gaps = {
	.name = "gaps",
	.run = run_gaps,
	.summary = "the gap register: what is missing, who owns it, by when",
	.usage = "[--owner EMAIL] [--status S] [--as-of DATE] [--format table|json|csv|xlsx] [-o FILE]",
	.description =
		"One row per control that is not present in the assessment, named\n"
		"GAP-<control>-<first seen>; the same gap keeps its id and first-seen date\n"
		"across assessments, and is listed as closed once its control is present.\n"
		"Owner comes from attest.yaml 'owners', due date from the severity SLAs.",
	.options = gaps_options,
	.flags = CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE,
};
