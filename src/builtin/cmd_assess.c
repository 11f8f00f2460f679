/*
 * cmd_assess.c - `attest assess`: status of every in-scope control as of a
 * date (present, partial, missing, not evaluated), recorded as a snapshot
 * that `gaps` and `history` read.
 */
#include "assess/session.h"
#include "cli/command.h"
#include "report/assess_report.h"
#include "report/table.h"
#include "workspace/workspace.h"

static int run_assess(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	day_t as_of = option_date(o, "as-of");
	struct assess_session s;
	struct assessment a;
	struct error err;
	int rc;

	error_clear(&err);
	if (o->positional_count)
		return command_usage_error(ctx, "assess takes no arguments");
	if (as_of == DAY_NONE)
		as_of = command_today();
	rc = assess_session_open(&s, ctx->ws, ctx->store, as_of, &err);
	if (!rc)
		rc = assess_session_assess(&s, &a, &err);
	if (rc) {
		assess_session_close(&s);
		return command_fail(ctx, &err);
	}
	assessment_print(ctx->out, &a, option_choice(o, "format", "table"),
			 terminal_width(ctx->out));
	rc = a.by_status[STATUS_PRESENT] == a.count ? 0 : 1;
	assessment_release(&a);
	assess_session_close(&s);
	return rc;
}

static const struct option_spec assess_options[] = {
	{"as-of", 0, OPT_DATE, "DATE", NULL, "assess the facts in force on DATE (default today, UTC)"},
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json|csv", "output format (default table)"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_assess = {
	.name = "assess",
	.run = run_assess,
	.summary = "derive each in-scope control's status and record the snapshot",
	.usage = "[--as-of DATE] [--format table|json|csv]",
	.description =
		"present: its checks pass (or, for a control no check tests, current\n"
		"evidence exists); partial: some checks fail or are not evaluated, or its\n"
		"evidence is stale; missing: nothing shows it operates; not evaluated:\n"
		"its sources were never imported.  docs/assessment.md has every rule.\n"
		"Exit 0 when every control is present, 1 otherwise.",
	.options = assess_options,
	.flags = CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE,
};
