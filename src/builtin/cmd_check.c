/*
 * cmd_check.c - `attest check`: evaluates every check against the facts in
 * force on --as-of (default today, UTC) and prints the findings.  Exit 0
 * when nothing fails, 1 when findings exist, 2 on errors.
 */
#include <string.h>
#include <time.h>

#include "checks/engine.h"
#include "cli/command.h"
#include "report/findings.h"
#include "report/table.h"
#include "workspace/workspace.h"

day_t command_today(void)
{
	return stamp_day((stamp_t)time(NULL));
}

static int run_check(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	const char *format = option_choice(o, "format", "table");
	const char *control = option_string(o, "control");
	const char *check = option_string(o, "check");
	day_t as_of = option_date(o, "as-of");
	struct fact_source *facts = NULL;
	struct check_run run;
	struct error err;
	int status;

	error_clear(&err);
	if (o->positional_count)
		return command_usage_error(ctx, "check takes no arguments");
	if (check && !check_find(check))
		return command_usage_error(ctx, "'%s' is not a check (see 'attest checks')", check);
	if (as_of == DAY_NONE)
		as_of = command_today();
	if (fact_source_store(ctx->store, &facts)) {
		error_set(&err, ERR_NOMEM, "out of memory");
		return command_fail(ctx, &err);
	}
	if (checks_run(&ctx->ws->config, as_of, facts, control, check, &run, &err)) {
		fact_source_free(facts);
		check_run_release(&run);
		return command_fail(ctx, &err);
	}
	if (strcmp(format, "json") == 0)
		findings_print_json(ctx->out, &run);
	else if (strcmp(format, "csv") == 0)
		findings_print_csv(ctx->out, &run);
	else if (strcmp(format, "junit") == 0)
		findings_print_junit(ctx->out, &run);
	else
		findings_print_table(ctx->out, &run, terminal_width(ctx->out));
	status = run.findings.count ? 1 : 0;
	for (size_t i = 0; i < run.count; i++)
		if (run.outcomes[i].result == RESULT_ERROR)
			status = 2;
	check_run_release(&run);
	fact_source_free(facts);
	return status;
}

static const struct option_spec check_options[] = {
	{"as-of", 0, OPT_DATE, "DATE", NULL, "evaluate the facts in force on DATE (default today, UTC)"},
	{"control", 0, OPT_STRING, "ID", NULL, "only the checks testing this control (e.g. AC-04)"},
	{"check", 0, OPT_STRING, "ID", NULL, "only this check"},
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json|csv|junit", "output format (default table)"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_check = {
	.name = "check",
	.run = run_check,
	.summary = "run the automated control checks and print the findings",
	.usage = "[--as-of DATE] [--control ID] [--check ID] [--format table|json|csv|junit]",
	.description =
		"Each finding names the person, account, change, vendor or resource at\n"
		"fault, the criteria and HIPAA citations it breaks and the evidence it was\n"
		"derived from.  A check whose sources were never imported is 'not\n"
		"evaluated' and never counts as passing.  Exit status: 0 nothing fails,\n"
		"1 findings exist, 2 usage or input error (or a check could not run).",
	.options = check_options,
	.flags = CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE,
};
