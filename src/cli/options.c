/*
 * options.c - option parsing against a command's option spec.
 * Why not getopt_long: it keeps global state (optind, optarg) and cannot
 * check values or print help from the same table.
 */
#include "cli/options.h"

#include <string.h>

#include "util/number.h"
#include "util/text.h"

static int find_long(const struct option_spec *specs, const char *name,
		     size_t len)
{
	for (int i = 0; specs && specs[i].name; i++)
		if (strlen(specs[i].name) == len &&
		    strncmp(specs[i].name, name, len) == 0)
			return i;
	return -1;
}

static int find_short(const struct option_spec *specs, char c)
{
	for (int i = 0; specs && specs[i].name; i++)
		if (specs[i].short_name && specs[i].short_name == c)
			return i;
	return -1;
}

static bool choice_ok(const char *choices, const char *value)
{
	size_t n = strlen(value);
	const char *p = choices;

	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (len == n && strncmp(p, value, n) == 0)
			return true;
		p = bar ? bar + 1 : NULL;
	}
	return false;
}

static int check_value(const struct option_spec *s, const char *v,
		       struct error *err)
{
	day_t d;
	int64_t n;

	switch (s->kind) {
	case OPT_DATE:
		if (date_parse(v, &d))
			return error_set(err, ERR_USAGE,
					 "option --%s: '%s' is not a date (YYYY-MM-DD)",
					 s->name, v);
		break;
	case OPT_INT:
		if (number_parse_i64(v, 0, 1000000000, &n))
			return error_set(err, ERR_USAGE,
					 "option --%s: '%s' is not a whole number",
					 s->name, v);
		break;
	case OPT_CHOICE:
		if (!choice_ok(s->choices, v))
			return error_set(err, ERR_USAGE,
					 "option --%s: '%s' is not one of %s",
					 s->name, v, s->choices);
		break;
	default:
		break;
	}
	return 0;
}

static int store_value(const struct option_spec *specs, int i, const char *v,
		       struct parsed_options *out, struct error *err)
{
	int rc = check_value(&specs[i], v, err);

	if (rc)
		return rc;
	out->set[i] = true;
	out->value[i] = v;
	if (specs[i].kind == OPT_LIST) {
		if (out->list_len[i] >= OPTION_LIST_MAX)
			return error_set(err, ERR_USAGE,
					 "option --%s given too many times",
					 specs[i].name);
		out->list[i][out->list_len[i]++] = v;
	}
	return 0;
}

int options_parse(const struct option_spec *specs, int argc, char **argv,
		  struct parsed_options *out, struct error *err)
{
	int i;
	bool only_positional = false;

	memset(out, 0, sizeof(*out));
	out->specs = specs;
	out->positional = argv + argc; /* filled below, compacted in place */
	/* Positional arguments are moved to the front of argv[1..]. */
	int npos = 0;
	char **pos = argv + 1;

	for (i = 1; i < argc; i++) {
		char *a = argv[i];
		int idx;
		const char *value = NULL;

		if (only_positional || a[0] != '-' || a[1] == '\0') {
			pos[npos++] = a;
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_positional = true;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			out->help = true;
			continue;
		}
		if (a[1] == '-') {
			const char *name = a + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);

			idx = find_long(specs, name, len);
			if (idx < 0)
				return error_set(err, ERR_USAGE,
						 "unknown option '--%.*s'",
						 (int)len, name);
			if (eq)
				value = eq + 1;
		} else {
			idx = find_short(specs, a[1]);
			if (idx < 0)
				return error_set(err, ERR_USAGE,
						 "unknown option '-%c'", a[1]);
			if (a[2])
				value = a + 2;
		}
		if (specs[idx].kind == OPT_FLAG) {
			if (value)
				return error_set(err, ERR_USAGE,
						 "option --%s takes no value",
						 specs[idx].name);
			out->set[idx] = true;
			continue;
		}
		if (!value) {
			if (i + 1 >= argc)
				return error_set(err, ERR_USAGE,
						 "option --%s needs a value (%s)",
						 specs[idx].name,
						 specs[idx].arg_name ? specs[idx].arg_name
								     : "VALUE");
			value = argv[++i];
		}
		int rc = store_value(specs, idx, value, out, err);

		if (rc)
			return rc;
	}
	out->positional = pos;
	out->positional_count = npos;
	return 0;
}

static int index_of(const struct parsed_options *p, const char *name)
{
	int i = find_long(p->specs, name, strlen(name));

	/* Asking for an option the command does not declare is a bug. */
	return i;
}

bool option_flag(const struct parsed_options *p, const char *name)
{
	int i = index_of(p, name);

	return i >= 0 && p->set[i];
}

const char *option_string(const struct parsed_options *p, const char *name)
{
	int i = index_of(p, name);

	return (i >= 0 && p->set[i]) ? p->value[i] : NULL;
}

const char *option_choice(const struct parsed_options *p, const char *name,
			  const char *fallback)
{
	const char *v = option_string(p, name);

	return v ? v : fallback;
}

day_t option_date(const struct parsed_options *p, const char *name)
{
	const char *v = option_string(p, name);
	day_t d;

	if (!v || date_parse(v, &d))
		return DAY_NONE;
	return d;
}

long option_int(const struct parsed_options *p, const char *name, long fallback)
{
	const char *v = option_string(p, name);
	int64_t n;

	if (!v || number_parse_i64(v, 0, 1000000000, &n))
		return fallback;
	return (long)n;
}

int option_list(const struct parsed_options *p, const char *name,
		const char *const **values)
{
	int i = index_of(p, name);

	if (i < 0) {
		*values = NULL;
		return 0;
	}
	*values = p->list[i];
	return p->list_len[i];
}

void options_print_help(FILE *out, const struct option_spec *specs)
{
	for (int i = 0; specs && specs[i].name; i++) {
		char left[96];
		struct text_writer w;

		text_writer_init(&w, left, sizeof(left));
		if (specs[i].short_name)
			text_writer_put(&w, "-%c, ", specs[i].short_name);
		else
			text_writer_put(&w, "    ");
		text_writer_put(&w, "--%s", specs[i].name);
		if (specs[i].kind == OPT_CHOICE)
			text_writer_put(&w, " %s", specs[i].choices);
		else if (specs[i].kind != OPT_FLAG)
			text_writer_put(&w, " %s",
					specs[i].arg_name ? specs[i].arg_name : "VALUE");
		fprintf(out, "  %-34s %s%s\n", left, specs[i].help,
			specs[i].kind == OPT_LIST ? " (repeatable)" : "");
	}
	fprintf(out, "  %-34s %s\n", "-h, --help", "show this help");
}
