/*
 * cmd_controls.c - `attest controls`: the control matrix (controls with
 * their criteria, HIPAA citations, frequency, owner, evidence and checks),
 * optionally filtered by criterion or HIPAA citation.
 */
#include <jansson.h>
#include <string.h>

#include "catalog/catalog.h"
#include "cli/command.h"
#include "report/table.h"
#include "util/buf.h"
#include "util/text.h"
#include "workspace/workspace.h"

static json_t *list_json(const struct string_list *l)
{
	json_t *a = json_array();

	for (size_t i = 0; i < l->count; i++)
		json_array_append_new(a, json_string(l->items[i]));
	return a;
}

static void join(const struct string_list *l, struct buf *out)
{
	buf_reset(out);
	for (size_t i = 0; i < l->count; i++)
		buf_printf(out, "%s%s", i ? " " : "", l->items[i]);
}

/* A citation filter matches the citation itself and everything under it:
 * "164.308(a)(3)" selects 164.308(a)(3)(i) and 164.308(a)(3)(ii)(C). */
static bool hipaa_matches(const struct control *c, const char *filter)
{
	for (size_t i = 0; i < c->hipaa.count; i++)
		if (text_starts_with(c->hipaa.items[i], filter))
			return true;
	return false;
}

static void print_json(struct command_context *ctx, const struct control **rows, size_t n)
{
	json_t *root = json_object(), *list = json_array();
	char *text;

	for (size_t i = 0; i < n; i++) {
		const struct control *c = rows[i];

		json_array_append_new(
			list, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:s, s:s, s:o, s:o}",
					"id", c->id, "family", c->family, "title", c->title,
					"statement", c->statement, "criteria", list_json(&c->criteria),
					"hipaa", list_json(&c->hipaa), "frequency",
					frequency_name(c->frequency), "owner", c->owner,
					"evidence", list_json(&c->evidence), "checks",
					list_json(&c->checks)));
	}
	json_object_set_new(root, "controls", list);
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fprintf(ctx->out, "%s\n", text ? text : "{}");
	free(text);
	json_decref(root);
}

static void print_table(struct command_context *ctx, const struct control **rows,
			size_t n, bool csv)
{
	static const char *const headers[] = {"ID", "TITLE", "FREQUENCY", "OWNER",
					      "CRITERIA", "HIPAA", "CHECKS"};
	struct buf crit = BUF_INIT, hipaa = BUF_INIT, checks = BUF_INIT;
	struct table t;

	table_init(&t, 7, headers);
	for (size_t i = 0; i < n; i++) {
		const char *cells[7];

		join(&rows[i]->criteria, &crit);
		join(&rows[i]->hipaa, &hipaa);
		join(&rows[i]->checks, &checks);
		cells[0] = rows[i]->id;
		cells[1] = rows[i]->title;
		cells[2] = frequency_name(rows[i]->frequency);
		cells[3] = rows[i]->owner;
		cells[4] = buf_cstr(&crit);
		cells[5] = hipaa.len ? buf_cstr(&hipaa) : "-";
		cells[6] = checks.len ? buf_cstr(&checks) : "-";
		table_add_row(&t, cells);
	}
	if (csv)
		table_print_csv(&t, ctx->out);
	else
		table_print(&t, ctx->out, terminal_width(ctx->out));
	table_release(&t);
	buf_release(&crit);
	buf_release(&hipaa);
	buf_release(&checks);
}

static int run_controls(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	const char *criterion = option_string(o, "criteria");
	const char *citation = option_string(o, "hipaa");
	const char *format = option_choice(o, "format", "table");
	struct catalog *cat = NULL;
	const struct control **rows;
	struct error err;
	size_t n = 0;

	error_clear(&err);
	if (o->positional_count)
		return command_usage_error(ctx, "controls takes no arguments");
	if (catalog_load(ctx->ws ? ctx->ws->root : NULL, &cat, &err))
		return command_fail(ctx, &err);
	if (criterion && !catalog_criterion(cat, criterion)) {
		catalog_free(cat);
		return command_usage_error(ctx, "'%s' is not a criterion (see 'attest criteria')",
					   criterion);
	}
	rows = calloc(cat->control_count + 1, sizeof(*rows));
	if (!rows) {
		catalog_free(cat);
		return 2;
	}
	for (size_t i = 0; i < cat->control_count; i++) {
		const struct control *c = &cat->controls[i];

		if (criterion && !string_list_contains(&c->criteria, criterion))
			continue;
		if (citation && !hipaa_matches(c, citation))
			continue;
		rows[n++] = c;
	}
	if (strcmp(format, "json") == 0)
		print_json(ctx, rows, n);
	else
		print_table(ctx, rows, n, strcmp(format, "csv") == 0);
	free(rows);
	catalog_free(cat);
	return 0;
}

static const struct option_spec controls_options[] = {
	{"criteria", 0, OPT_STRING, "ID", NULL, "only controls citing this criterion (e.g. CC6.2)"},
	{"hipaa", 0, OPT_STRING, "CITATION", NULL,
	 "only controls citing this HIPAA citation or one under it (e.g. 164.308(a)(3))"},
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json|csv", "output format (default table)"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_controls = {
	.name = "controls",
	.run = run_controls,
	.summary = "show the control matrix (controls, criteria, HIPAA, owners)",
	.usage = "[--criteria ID] [--hipaa CITATION] [--format table|json|csv]",
	.description =
		"The workspace's controls/ when run in a workspace (the team's edited\n"
		"copy), else the built-in library.",
	.options = controls_options,
	.flags = CMD_OPTIONAL_WORKSPACE,
};
