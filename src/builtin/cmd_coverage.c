/* cmd_coverage.c - `attest coverage`: Type II operating coverage. */
#include <string.h>

#include "assess/session.h"
#include "cli/command.h"
#include "report/assess_report.h"
#include "report/table.h"
#include "workspace/workspace.h"

static int run_coverage(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	const char *control = option_string(o, "control");
	day_t as_of = option_date(o, "as-of");
	struct assess_session s;
	struct coverage c;
	struct error err;
	int rc;

	error_clear(&err);
	memset(&c, 0, sizeof(c));
	if (o->positional_count)
		return command_usage_error(ctx, "coverage takes no arguments");
	if (as_of == DAY_NONE)
		as_of = command_today();
	rc = assess_session_open(&s, ctx->ws, ctx->store, as_of, &err);
	if (!rc && control && !catalog_control(s.cat, control)) {
		assess_session_close(&s);
		return command_usage_error(ctx, "'%s' is not a control (see 'attest controls')", control);
	}
	if (!rc)
		rc = coverage_compute(s.cat, &ctx->ws->config, &s.evidence, as_of, control,
				      assess_session_run_at, &s, &c, &err);
	if (!rc)
		coverage_print(ctx->out, &c, control != NULL || option_flag(o, "periods"),
			       option_choice(o, "format", "table"), terminal_width(ctx->out));
	coverage_release(&c);
	assess_session_close(&s);
	return rc ? command_fail(ctx, &err) : 0;
}

static const struct option_spec coverage_options[] = {
	{"control", 0, OPT_STRING, "ID", NULL, "one control, period by period"},
	{"periods", 0, OPT_FLAG, NULL, NULL, "every period of every control"},
	{"as-of", 0, OPT_DATE, "DATE", NULL, "cover the window up to DATE (default today, UTC)"},
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json|csv", "output format (default table)"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_coverage = {
	.name = "coverage",
	.run = run_coverage,
	.summary = "Type II coverage: did each control operate in every period of the window",
	.usage = "[--control ID] [--periods] [--as-of DATE] [--format table|json|csv]",
	.description =
		"For each in-scope control, the periods its frequency implies across the\n"
		"audit window (days, weeks, months, quarters, or the whole window for\n"
		"annual controls; continuous and per-event controls are shown by month),\n"
		"each operated (with evidence ids), failed, or not evidenced.  Flags the\n"
		"observation-period traps: evidence starting after the window starts, a\n"
		"window under three months, a control evidenced at a single point in time.",
	.options = coverage_options,
	.flags = CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE,
};
