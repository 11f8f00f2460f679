/* cmd_version.c - `attest version`. */
#include "cli/command.h"

#ifndef ATTEST_VERSION
#define ATTEST_VERSION "0.1.0"
#endif

static int run_version(struct command_context *ctx)
{
	fprintf(ctx->out, "attest %s\n", ATTEST_VERSION);
	return 0;
}

static const struct option_spec version_options[] = {{NULL, 0, OPT_FLAG, NULL, NULL, NULL}};

const struct command command_version = {
	.name = "version",
	.run = run_version,
	.summary = "print the version",
	.usage = "",
	.options = version_options,
};
