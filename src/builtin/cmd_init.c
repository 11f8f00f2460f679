/* cmd_init.c - `attest init DIR [--org NAME]`: create a workspace. */
#include "cli/command.h"
#include "store/store.h"
#include "workspace/workspace.h"

int command_create_database(const char *dir, struct error *err)
{
	struct workspace *ws = NULL;
	struct store *store = NULL;
	int rc = workspace_open(dir, &ws, err);

	if (!rc)
		rc = store_open_sqlite(ws->db_path, &store, err);
	store_close(store);
	workspace_free(ws);
	return rc;
}

static int run_init(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	struct error err;
	int rc;

	error_clear(&err);
	if (o->positional_count != 1)
		return command_usage_error(ctx, "init needs exactly one directory");
	rc = workspace_init(o->positional[0], option_string(o, "org"), &err);
	if (!rc)
		rc = command_create_database(o->positional[0], &err);
	if (rc)
		return command_fail(ctx, &err);
	fprintf(ctx->out,
		"Initialised attest workspace in %s\n"
		"Next: edit %s/attest.yaml (scope, audit window, owners), put exports under\n"
		"%s/sources/ (each folder's README says how), then run 'attest -C %s import'.\n",
		o->positional[0], o->positional[0], o->positional[0], o->positional[0]);
	return 0;
}

static const struct option_spec init_options[] = {
	{"org", 0, OPT_STRING, "NAME", NULL, "organisation name written to attest.yaml"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_init = {
	.name = "init",
	.run = run_init,
	.summary = "create a workspace (attest.yaml, controls, registers, sources)",
	.usage = "DIR [--org NAME]",
	.description =
		"Creates DIR with a commented attest.yaml, the control library in\n"
		"controls/ (edit it there: the workspace copy wins over the built-in\n"
		"library), register CSVs with their headers, a README in each sources/\n"
		"folder saying which export goes there, and the .attest/ state folder.\n"
		"Refuses to touch a directory that already holds an attest.yaml.",
	.options = init_options,
	.flags = 0,
};
