/* cmd_checks.c - `attest checks`: every check with its metadata. */
#include <jansson.h>
#include <string.h>

#include "checks/engine.h"
#include "cli/command.h"
#include "report/table.h"
#include "util/buf.h"

static void join(const char *const *items, struct buf *out, const char *sep)
{
	buf_reset(out);
	for (int i = 0; i < CHECK_LIST_MAX && items[i]; i++)
		buf_printf(out, "%s%s", i ? sep : "", items[i]);
}

static json_t *array_of(const char *const *items)
{
	json_t *a = json_array();

	for (int i = 0; i < CHECK_LIST_MAX && items[i]; i++)
		json_array_append_new(a, json_string(items[i]));
	return a;
}

static int run_checks(struct command_context *ctx)
{
	const char *format = option_choice(ctx->opts, "format", "table");
	const struct check *c;

	if (ctx->opts->positional_count)
		return command_usage_error(ctx, "checks takes no arguments");
	if (strcmp(format, "json") == 0) {
		json_t *list = json_array();
		char *text;

		for (size_t i = 0; (c = check_at(i)); i++)
			json_array_append_new(
				list, json_pack("{s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:s, s:s}",
						"id", c->id, "title", c->title, "controls",
						array_of(c->controls), "criteria", array_of(c->criteria),
						"hipaa", array_of(c->hipaa), "severity",
						severity_name(c->severity), "requires",
						array_of(c->requires), "reads", c->reads, "fix", c->fix));
		text = json_dumps(list, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		fprintf(ctx->out, "%s\n", text ? text : "[]");
		free(text);
		json_decref(list);
		return 0;
	}
	{
		static const char *const headers[] = {"CHECK", "TITLE", "CONTROLS", "CRITERIA",
						      "HIPAA", "SEVERITY", "READS", "FIX"};
		struct buf controls = BUF_INIT, criteria = BUF_INIT, hipaa = BUF_INIT;
		struct table t;

		table_init(&t, 8, headers);
		for (size_t i = 0; (c = check_at(i)); i++) {
			const char *cells[8];

			join(c->controls, &controls, " ");
			join(c->criteria, &criteria, " ");
			join(c->hipaa, &hipaa, " ");
			cells[0] = c->id;
			cells[1] = c->title;
			cells[2] = buf_cstr(&controls);
			cells[3] = buf_cstr(&criteria);
			cells[4] = hipaa.len ? buf_cstr(&hipaa) : "-";
			cells[5] = severity_name(c->severity);
			cells[6] = c->reads;
			cells[7] = c->fix;
			table_add_row(&t, cells);
		}
		if (strcmp(format, "csv") == 0)
			table_print_csv(&t, ctx->out);
		else
			table_print(&t, ctx->out, terminal_width(ctx->out));
		table_release(&t);
		buf_release(&controls);
		buf_release(&criteria);
		buf_release(&hipaa);
	}
	return 0;
}

static const struct option_spec checks_options[] = {
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json|csv", "output format (default table)"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_checks = {
	.name = "checks",
	.run = run_checks,
	.summary = "list every automated check: controls, criteria, what it reads, how to fix",
	.usage = "[--format table|json|csv]",
	.options = checks_options,
	.flags = 0,
};
