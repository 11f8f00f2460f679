/* cmd_help.c - `attest help [COMMAND]`: the command list, or one command's
 * help, both generated from the command table and option specs. */
#include <stdarg.h>
#include <string.h>

#include "cli/command.h"
#include "util/text.h"

void command_print_help(FILE *out, const struct command *cmd)
{
	fprintf(out, "usage: attest %s%s%s\n\n%s\n", cmd->name,
		cmd->usage && *cmd->usage ? " " : "", cmd->usage ? cmd->usage : "",
		cmd->summary);
	if (cmd->description && *cmd->description)
		fprintf(out, "\n%s\n", cmd->description);
	fprintf(out, "\noptions:\n");
	options_print_help(out, cmd->options);
}

static void print_overview(FILE *out)
{
	fprintf(out,
		"usage: attest [-C DIR] <command> [options]\n\n"
		"attest: SOC 2 (and HIPAA) evidence, checks and audit readiness, local-first.\n\n"
		"commands:\n");
	for (const struct command *const *c = commands; *c; c++)
		if (!((*c)->flags & CMD_HIDDEN))
			fprintf(out, "  %-12s %s\n", (*c)->name, (*c)->summary);
	fprintf(out,
		"\nglobal options:\n"
		"  -C DIR        run in workspace DIR instead of the current directory\n"
		"  --version     print the version\n\n"
		"'attest help <command>' or 'attest <command> --help' describes a command.\n"
		"Exit status: 0 ok, 1 findings exist / check failed, 2 usage or input error.\n");
}

static int run_help(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	const struct command *cmd;

	if (o->positional_count == 0) {
		print_overview(ctx->out);
		return 0;
	}
	if (o->positional_count > 1)
		return command_usage_error(ctx, "help takes at most one command name");
	cmd = command_find(o->positional[0]);
	if (!cmd)
		return command_usage_error(ctx, "'%s' is not an attest command",
					   o->positional[0]);
	command_print_help(ctx->out, cmd);
	return 0;
}

static const struct option_spec help_options[] = {{NULL, 0, OPT_FLAG, NULL, NULL, NULL}};

const struct command command_help = {
	.name = "help",
	.run = run_help,
	.summary = "show the commands, or one command's options",
	.usage = "[COMMAND]",
	.description = NULL,
	.options = help_options,
	.flags = 0,
};

int command_fail(struct command_context *ctx, const struct error *err)
{
	char msg[2048];

	error_format(err, msg, sizeof(msg));
	fprintf(ctx->err, "attest: %s\n", msg);
	return 2;
}

int command_usage_error(struct command_context *ctx, const char *fmt, ...)
{
	va_list ap;

	fprintf(ctx->err, "attest: ");
	va_start(ap, fmt);
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fprintf(ctx->err, "\n");
	if (ctx->cmd)
		fprintf(ctx->err, "usage: attest %s %s\n(see 'attest help %s')\n",
			ctx->cmd->name, ctx->cmd->usage ? ctx->cmd->usage : "",
			ctx->cmd->name);
	else
		fprintf(ctx->err, "usage: attest [-C DIR] <command> [options] (see 'attest help')\n");
	return 2;
}
