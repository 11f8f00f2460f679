/*
 * command.h - the command table (after git's commands[] in git.c).
 *
 * Each subcommand is one file in src/builtin/ defining one
 * `const struct command command_<name>` with its option spec, and one row in
 * src/builtin/commands.c.  The dispatcher (src/main.c) does what the flags
 * ask for (find and open the workspace, open the store), prints help from the
 * spec, and checks stdout for write errors before exiting.
 *
 * A command function returns the process exit status: 0 ok, 1 "findings
 * exist" / "check failed", 2 usage or input error.  Command functions are the
 * only code (with main.c) allowed to print.
 */
#ifndef ATTEST_CLI_COMMAND_H
#define ATTEST_CLI_COMMAND_H

#include <stdio.h>

#include "cli/options.h"
#include "util/error.h"
#include "util/timeutil.h"

struct workspace;
struct store;

enum command_flags {
	CMD_NEEDS_WORKSPACE = 1 << 0,  /* open attest.yaml (via -C or cwd) */
	CMD_NEEDS_STORE = 1 << 1,      /* also open .attest/attest.db */
	CMD_HIDDEN = 1 << 2,           /* not listed by `attest help` */
	CMD_OPTIONAL_WORKSPACE = 1 << 3, /* open it when there is one */
};

struct command_context {
	const char *dir;               /* -C DIR, or "." */
	FILE *out;
	FILE *err;
	struct workspace *ws;          /* set when CMD_NEEDS_WORKSPACE */
	struct store *store;           /* set when CMD_NEEDS_STORE */
	const struct parsed_options *opts;
	const struct command *cmd;
};

struct command {
	const char *name;
	int (*run)(struct command_context *ctx);
	const char *summary;           /* one line, for `attest help` */
	const char *usage;             /* "DIR [--org NAME]" */
	const char *description;       /* paragraph(s) for `attest help CMD` */
	const struct option_spec *options;
	unsigned flags;
};

/* NULL-terminated table of every command (src/builtin/commands.c). */
extern const struct command *const commands[];
const struct command *command_find(const char *name);

/* Prints "attest: <formatted error>" to ctx->err; returns exit status 2. */
int command_fail(struct command_context *ctx, const struct error *err);
/* Prints "usage: attest NAME USAGE" and a hint to ctx->err; returns 2. */
int command_usage_error(struct command_context *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void command_print_help(FILE *out, const struct command *cmd);
/* Opens the freshly written workspace at dir once, so attest.yaml is
 * validated and the database is created with its migrations (init, demo). */
int command_create_database(const char *dir, struct error *err);
/* Today's date (UTC), the default of every --as-of. */
day_t command_today(void);

#endif
