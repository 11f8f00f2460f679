/*
 * cmd_criteria.c - `attest criteria`: the Trust Services Criteria, which
 * are in scope, and which controls cover each; --uncovered exits 1 when an
 * in-scope criterion has no control.
 */
#include <jansson.h>
#include <string.h>

#include "catalog/catalog.h"
#include "cli/command.h"
#include "report/table.h"
#include "util/buf.h"
#include "workspace/workspace.h"

/* Scope used when there is no workspace: the one `attest init` writes. */
static void default_scope(struct config *c)
{
	config_defaults(c);
	c->categories = CATEGORY_SECURITY | CATEGORY_AVAILABILITY | CATEGORY_CONFIDENTIALITY;
}

static void covering_controls(const struct catalog *cat, const char *id, struct buf *out)
{
	buf_reset(out);
	for (size_t i = 0; i < cat->control_count; i++)
		if (string_list_contains(&cat->controls[i].criteria, id))
			buf_printf(out, "%s%s", out->len ? " " : "", cat->controls[i].id);
}

static int print_json(struct command_context *ctx, const struct catalog *cat,
		      const struct criterion **rows, size_t n, const struct config *cfg)
{
	json_t *root = json_object(), *list = json_array();
	char *text;

	for (size_t i = 0; i < n; i++) {
		const struct criterion *c = rows[i];
		json_t *controls = json_array();

		for (size_t j = 0; j < cat->control_count; j++)
			if (string_list_contains(&cat->controls[j].criteria, c->id))
				json_array_append_new(controls, json_string(cat->controls[j].id));
		json_array_append_new(
			list, json_pack("{s:s, s:s, s:s, s:b, s:s, s:s, s:o}", "id", c->id,
					"category", c->category, "category_name",
					category_display(c->category), "in_scope",
					category_in_scope(cfg, c->category), "title", c->title,
					"summary", c->summary, "controls", controls));
	}
	json_object_set_new(root, "criteria", list);
	text = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fprintf(ctx->out, "%s\n", text ? text : "{}");
	free(text);
	json_decref(root);
	return 0;
}

static void print_rows(struct command_context *ctx, const struct catalog *cat,
		       const struct criterion **rows, size_t n,
		       const struct config *cfg, const char *format)
{
	static const char *const headers[] = {"ID", "CATEGORY", "IN SCOPE", "CONTROLS", "SUMMARY"};
	struct table t;
	struct buf ids = BUF_INIT;

	table_init(&t, 5, headers);
	for (size_t i = 0; i < n; i++) {
		const char *cells[5];

		covering_controls(cat, rows[i]->id, &ids);
		cells[0] = rows[i]->id;
		cells[1] = category_display(rows[i]->category);
		cells[2] = category_in_scope(cfg, rows[i]->category) ? "yes" : "no";
		cells[3] = ids.len ? buf_cstr(&ids) : "-";
		cells[4] = rows[i]->summary;
		table_add_row(&t, cells);
	}
	if (strcmp(format, "csv") == 0)
		table_print_csv(&t, ctx->out);
	else
		table_print(&t, ctx->out, terminal_width(ctx->out));
	table_release(&t);
	buf_release(&ids);
}

static int run_criteria(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	const char *category = option_string(o, "category");
	const char *format = option_choice(o, "format", "table");
	bool uncovered = option_flag(o, "uncovered");
	struct config fallback;
	const struct config *cfg;
	struct catalog *cat = NULL;
	const struct criterion **rows;
	struct error err;
	struct buf ids = BUF_INIT;
	size_t n = 0;
	int rc;

	error_clear(&err);
	if (o->positional_count)
		return command_usage_error(ctx, "criteria takes no arguments");
	default_scope(&fallback);
	cfg = ctx->ws ? &ctx->ws->config : &fallback;
	if ((rc = catalog_load(ctx->ws ? ctx->ws->root : NULL, &cat, &err)))
		return command_fail(ctx, &err);
	rows = calloc(cat->criteria_count + 1, sizeof(*rows));
	if (!rows) {
		catalog_free(cat);
		return 2;
	}
	for (size_t i = 0; i < cat->criteria_count; i++) {
		const struct criterion *c = &cat->criteria[i];

		if (category && strcmp(c->category, category) != 0)
			continue;
		if (uncovered) {
			if (!category_in_scope(cfg, c->category))
				continue;
			covering_controls(cat, c->id, &ids);
			if (ids.len)
				continue;
		}
		rows[n++] = c;
	}
	if (strcmp(format, "json") == 0)
		print_json(ctx, cat, rows, n, cfg);
	else if (!(uncovered && n == 0 && strcmp(format, "table") == 0))
		print_rows(ctx, cat, rows, n, cfg, format);
	if (uncovered && strcmp(format, "table") == 0)
		fprintf(n ? ctx->err : ctx->out,
			n ? "%zu in-scope criteria have no control\n"
			  : "every in-scope criterion is covered by at least one control\n",
			n);
	free(rows);
	buf_release(&ids);
	catalog_free(cat);
	return uncovered && n ? 1 : 0;
}

static const struct option_spec criteria_options[] = {
	{"category", 0, OPT_CHOICE, "CATEGORY", "cc|a|c|pi|p",
	 "only this category (cc security, a availability, c confidentiality, pi, p)"},
	{"uncovered", 0, OPT_FLAG, NULL, NULL,
	 "only in-scope criteria no control covers; exit 1 if there are any"},
	{"format", 0, OPT_CHOICE, "FORMAT", "table|json|csv", "output format (default table)"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_criteria = {
	.name = "criteria",
	.run = run_criteria,
	.summary = "list the Trust Services Criteria and the controls covering each",
	.usage = "[--category cc|a|c|pi|p] [--uncovered] [--format table|json|csv]",
	.description =
		"The 61 criteria of the 2017 Trust Services Criteria (2022 points of focus),\n"
		"summarised in attest's own words.  In scope are the categories of\n"
		"attest.yaml (security is always in scope); outside a workspace, the scope\n"
		"'attest init' writes (security, availability, confidentiality).",
	.options = criteria_options,
	.flags = CMD_OPTIONAL_WORKSPACE,
};
