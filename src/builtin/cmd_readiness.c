/* cmd_readiness.c - `attest readiness`: the one-screen answer. */
#include <string.h>

#include "assess/session.h"
#include "cli/command.h"
#include "report/assess_report.h"
#include "workspace/workspace.h"

static int run_readiness(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	day_t as_of = option_date(o, "as-of");
	struct assess_session s;
	struct assessment a;
	struct coverage c;
	struct readiness r;
	struct error err;
	int rc;

	error_clear(&err);
	memset(&a, 0, sizeof(a));
	memset(&c, 0, sizeof(c));
	if (o->positional_count)
		return command_usage_error(ctx, "readiness takes no arguments");
	if (as_of == DAY_NONE)
		as_of = command_today();
	rc = assess_session_open(&s, ctx->ws, ctx->store, as_of, &err);
	if (!rc)
		rc = assess_session_assess(&s, &a, &err);
	if (!rc)
		rc = coverage_compute(s.cat, &ctx->ws->config, &s.evidence, as_of, NULL,
				      assess_session_run_at, &s, &c, &err);
	if (!rc) {
		readiness_compute(&a, &s.run, &c, &s.evidence, s.policies, &ctx->ws->config, &r);
		readiness_print(ctx->out, &r, ctx->ws->config.organization,
				option_choice(o, "format", "table"));
	}
	coverage_release(&c);
	assessment_release(&a);
	assess_session_close(&s);
	if (rc)
		return command_fail(ctx, &err);
	return (ctx->ws->config.audit_type == 1 ? r.type1.ready : r.type2.ready) ? 0 : 1;
}

static const struct option_spec readiness_options[] = {
	{"as-of", 0, OPT_DATE, "DATE", NULL, "as of DATE (default today, UTC)"},
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json", "output format (default table)"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_readiness = {
	.name = "readiness",
	.run = run_readiness,
	.summary = "readiness score, Type I and Type II verdicts, pre-audit checklist",
	.usage = "[--as-of DATE] [--format table|json]",
	.description =
		"Runs the assessment (recording its snapshot, like 'attest assess') and\n"
		"the coverage, and answers on one screen.  Exit 0 when ready for the\n"
		"report type of attest.yaml (audit.type), 1 otherwise.",
	.options = readiness_options,
	.flags = CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE,
};
