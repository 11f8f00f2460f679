/*
 * main.c - the dispatcher (after git.c): global options, command lookup,
 * option parsing from the command's spec, the setup the command's flags ask
 * for (workspace, store), and a final check that stdout was written.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/command.h"
#include "store/store.h"
#include "workspace/workspace.h"

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "attest: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nusage: attest [-C DIR] <command> [options] (see 'attest help')\n");
	return 2;
}

/* Opens what the command's flags ask for; returns an exit status or -1. */
static int setup(struct command_context *ctx)
{
	struct error err;
	int rc;

	error_clear(&err);
	if (!(ctx->cmd->flags & (CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE |
				 CMD_OPTIONAL_WORKSPACE)))
		return -1;
	rc = workspace_open(ctx->dir, &ctx->ws, &err);
	if (rc == ERR_NOTFOUND && (ctx->cmd->flags & CMD_OPTIONAL_WORKSPACE) &&
	    !(ctx->cmd->flags & (CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE)))
		return -1;
	if (rc)
		return command_fail(ctx, &err);
	if (ctx->cmd->flags & CMD_NEEDS_STORE) {
		if (store_open_sqlite(ctx->ws->db_path, &ctx->store, &err))
			return command_fail(ctx, &err);
	}
	return -1;
}

static int finish_output(int status)
{
	if (fflush(stdout) || ferror(stdout)) {
		/* A closed pipe (attest ... | head) is not an error. */
		if (errno == EPIPE)
			return status;
		fprintf(stderr, "attest: error writing output: %s\n", strerror(errno));
		return 2;
	}
	return status;
}

int main(int argc, char **argv)
{
	struct command_context ctx;
	struct parsed_options opts;
	struct error err;
	const char *dir = ".";
	int i = 1;
	int status;

	memset(&ctx, 0, sizeof(ctx));
	ctx.out = stdout;
	ctx.err = stderr;
	error_clear(&err);
	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "-C") == 0) {
			if (i + 1 >= argc)
				return usage_error("%s needs a directory", "-C");
			dir = argv[i + 1];
			i += 2;
		} else if (strncmp(argv[i], "-C", 2) == 0) {
			dir = argv[i] + 2;
			i++;
		} else if (strcmp(argv[i], "--version") == 0) {
			argv[i] = "version";
			break;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			argv[i] = "help";
			break;
		} else {
			return usage_error("unknown global option '%s'", argv[i]);
		}
	}
	ctx.dir = dir;
	if (i >= argc) {
		ctx.cmd = command_find("help");
		memset(&opts, 0, sizeof(opts));
		ctx.opts = &opts;
		ctx.cmd->run(&ctx);
		return 2;
	}
	ctx.cmd = command_find(argv[i]);
	if (!ctx.cmd)
		return usage_error("'%s' is not an attest command", argv[i]);
	if (options_parse(ctx.cmd->options, argc - i, argv + i, &opts, &err)) {
		return command_usage_error(&ctx, "%s", err.message);
	}
	ctx.opts = &opts;
	if (opts.help) {
		command_print_help(stdout, ctx.cmd);
		return finish_output(0);
	}
	status = setup(&ctx);
	if (status < 0)
		status = ctx.cmd->run(&ctx);
	store_close(ctx.store);
	workspace_free(ctx.ws);
	return finish_output(status);
}
