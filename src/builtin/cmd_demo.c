/* cmd_demo.c - `attest demo DIR`: write the demo company's workspace. */
#include "cli/command.h"
#include "demo/demo.h"

static int run_demo(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	struct error err;
	int rc;

	error_clear(&err);
	if (o->positional_count != 1)
		return command_usage_error(ctx, "demo needs exactly one directory");
	rc = demo_write(o->positional[0], &err);
	if (!rc)
		rc = command_create_database(o->positional[0], &err);
	if (rc)
		return command_fail(ctx, &err);
	fprintf(ctx->out,
		"Wrote the Acme Health demo workspace to %s (audit window 2026-04-01 to 2026-09-30).\n"
		"Next: attest -C %s import --effective " DEMO_AS_OF "\n"
		"      attest -C %s check --as-of " DEMO_AS_OF "\n",
		o->positional[0], o->positional[0], o->positional[0]);
	return 0;
}

static const struct option_spec demo_options[] = {{NULL, 0, OPT_FLAG, NULL, NULL, NULL}};

const struct command command_demo = {
	.name = "demo",
	.run = run_demo,
	.summary = "write a demo company (Acme Health) as a workspace, with planted gaps",
	.usage = "DIR",
	.description =
		"A fictional 24-person healthcare SaaS company in the real export formats:\n"
		"HR roster, Google Workspace, AWS IAM, CloudTrail (six months of daily\n"
		"deliveries), GitHub, Jira, Trivy scans, registers and policies.  The gaps\n"
		"it plants are listed in docs/demo.md.",
	.options = demo_options,
	.flags = 0,
};
