/* cmd_history.c - `attest history`: readiness and gaps over time. */
#include "assess/snapshot.h"
#include "cli/command.h"
#include "report/assess_report.h"
#include "report/table.h"
#include "store/store_assess.h"

static int run_history(struct command_context *ctx)
{
	struct snapshot_list l;
	struct error err;

	error_clear(&err);
	if (ctx->opts->positional_count)
		return command_usage_error(ctx, "history takes no arguments");
	if (store_snapshot_load_all(ctx->store, &l, &err))
		return command_fail(ctx, &err);
	history_print(ctx->out, &l, option_choice(ctx->opts, "format", "table"),
		      terminal_width(ctx->out));
	snapshot_list_release(&l);
	return 0;
}

static const struct option_spec history_options[] = {
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json|csv", "output format (default table)"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_history = {
	.name = "history",
	.run = run_history,
	.summary = "readiness and gaps over time, one row per assessment",
	.usage = "[--format table|json|csv]",
	.description = "Which controls' gaps opened and closed between consecutive assessments.",
	.options = history_options,
	.flags = CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE,
};
