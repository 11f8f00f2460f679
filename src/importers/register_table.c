/*
 * register_table.c - reads one register CSV against its descriptor (see
 * register_table.h).  Rules, in the order they are checked:
 *   - the first record is the header; names are trimmed and lower-cased,
 *     must be unique, and must include every column of the descriptor;
 *     extra columns are kept as text attributes;
 *   - every row has as many fields as the header;
 *   - every cell is trimmed; empty is null, an error when REG_REQUIRED;
 *     otherwise it must parse as its column's type;
 *   - the key columns of two rows never repeat.
 * Errors carry file, line (the row's first line), record "row N" (N counts
 * data rows from 1) and field (the column); the message repeats the column
 * and the value, so it reads on its own.
 */
#include "importers/register_table.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/csv.h"
#include "util/number.h"
#include "util/text.h"

#define REGISTER_PREFIX "registers/"

bool register_path_is(const char *path, const char *name)
{
	return text_starts_with(path, REGISTER_PREFIX) &&
	       strcmp(path + strlen(REGISTER_PREFIX), name) == 0;
}

bool register_path_in(const char *path, const char *dir)
{
	const char *rest, *file;
	size_t n = strlen(dir);

	if (!text_starts_with(path, REGISTER_PREFIX))
		return false;
	rest = path + strlen(REGISTER_PREFIX);
	if (strncmp(rest, dir, n) != 0 || rest[n] != '/')
		return false;
	file = rest + n + 1;
	return !strchr(file, '/') && strlen(file) > 4 && file[0] != '.' &&
	       text_ends_with(file, ".csv");
}

struct reg_state {
	const struct register_spec *spec;
	const struct import_input *in;
	char *names[CSV_MAX_FIELDS];            /* header, trimmed, lower-case */
	int name_count;
	const struct register_column *col_of[CSV_MAX_FIELDS]; /* NULL: extra */
	long header_line;
	json_t *seen;                           /* key -> first line */
	char base[ERROR_NAME_MAX];              /* file base name, no .csv */
	char record[ERROR_NAME_MAX];            /* "row N" */
	long line;
	struct buf key;
	struct buf label;
};

static int row_error(struct reg_state *s, const char *field, struct error *err,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int row_error(struct reg_state *s, const char *field, struct error *err,
		     const char *fmt, ...)
{
	char msg[ERROR_MSG_MAX];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return error_input(err, s->in->path, s->line,
			   s->record[0] ? s->record : NULL, field, "%s", msg);
}

static void join_words(char *out, size_t size, const char *const *words)
{
	struct text_writer w;

	text_writer_init(&w, out, size);
	for (const char *const *p = words; p && *p; p++)
		text_writer_put(&w, "%s%s", p == words ? "" : ", ", *p);
}

static bool email_valid(const char *s)
{
	const char *at = strchr(s, '@');

	if (!at || at == s || !at[1] || strchr(at + 1, '@'))
		return false;
	for (const char *p = s; *p; p++)
		if (*p == ' ' || *p == '\t' || *p == ',' || *p == ';' ||
		    *p == '<' || *p == '>')
			return false;
	return true;
}

/* YYYY-MM-DD, or a full ISO timestamp whose date part is kept as written. */
static bool date_cell(const char *s, char out[DATE_TEXT_SIZE])
{
	day_t d;
	stamp_t t;
	size_t n = strlen(s);

	if (n < 10 || s[4] != '-')
		return false;
	memcpy(out, s, 10);
	out[10] = '\0';
	if (date_parse(out, &d))
		return false;
	return n == 10 || ((s[10] == 'T' || s[10] == ' ') && stamp_parse(s, &t) == 0);
}

/* A JSON string of a cell; jansson refuses text that is not UTF-8 (a
 * spreadsheet saved as Latin-1), which is bad input, not a lack of memory. */
static json_t *text_value(struct reg_state *s, const char *column, const char *v,
			  struct error *err)
{
	json_t *j = json_string(v);

	if (!j)
		row_error(s, column, err, "the value of %s is not UTF-8 text", column);
	return j;
}

/* The JSON value of one non-empty cell, or NULL with err set. */
static json_t *typed_value(struct reg_state *s, const struct register_column *c,
			   char *v, struct error *err)
{
	char words[512], date[DATE_TEXT_SIZE];
	int64_t n;
	bool b;

	switch (c->type) {
	case REG_EMAIL:
		if (!email_valid(v))
			break;
		text_lower(v);
		return text_value(s, c->name, v, err);
	case REG_DATE:
		if (!date_cell(v, date))
			break;
		return json_string(date);
	case REG_INT:
		if (number_parse_i64(v, c->min, c->max, &n))
			break;
		return json_integer(n);
	case REG_ENUM:
		for (const char *const *w = c->allowed; *w; w++)
			if (text_equal_nocase(*w, v))
				return json_string(*w);
		break;
	case REG_YESNO:
		if (bool_parse(v, &b))
			break;
		return json_boolean(b);
	case REG_TEXT:
	default:
		return text_value(s, c->name, v, err);
	}
	switch (c->type) {
	case REG_EMAIL:
		row_error(s, c->name, err, "%s '%s' is not an e-mail address", c->name, v);
		break;
	case REG_DATE:
		row_error(s, c->name, err, "%s '%s' is not a real date (YYYY-MM-DD)",
			  c->name, v);
		break;
	case REG_INT:
		row_error(s, c->name, err, "%s '%s' is not a whole number from %d to %d",
			  c->name, v, c->min, c->max);
		break;
	case REG_ENUM:
		join_words(words, sizeof(words), c->allowed);
		row_error(s, c->name, err, "%s '%s' is not one of %s", c->name, v, words);
		break;
	default:
		row_error(s, c->name, err, "%s '%s' is not yes or no", c->name, v);
		break;
	}
	return NULL;
}

static bool utf8_ok(const char *name)
{
	json_t *j = json_string(name);

	json_decref(j);
	return j != NULL;
}

static int read_header(struct reg_state *s, struct csv_reader *r, struct error *err)
{
	for (int i = 0; i < r->count; i++) {
		char *name = text_dup(r->fields[i]);

		if (!name)
			return error_set(err, ERR_NOMEM, "out of memory");
		text_lower(text_trim(name));
		s->names[s->name_count++] = name;
		if (!utf8_ok(name))
			return row_error(s, NULL, err,
					 "the header of column %d is not UTF-8 text",
					 i + 1);
		for (int j = 0; j < i; j++)
			if (name[0] && strcmp(s->names[j], name) == 0)
				return row_error(s, name, err,
						 "column '%s' appears twice in the header",
						 name);
		for (size_t k = 0; k < s->spec->column_count; k++)
			if (strcmp(s->spec->columns[k].name, name) == 0)
				s->col_of[i] = &s->spec->columns[k];
	}
	for (size_t k = 0; k < s->spec->column_count; k++) {
		const struct register_column *c = &s->spec->columns[k];
		bool found = false;

		for (int i = 0; i < s->name_count; i++)
			found |= s->col_of[i] == c;
		if (!found)
			return row_error(s, c->name, err,
					 "missing required column '%s'", c->name);
	}
	return 0;
}

/* Fills `row` from the record's cells. */
static int read_cells(struct reg_state *s, const struct csv_reader *r,
		      json_t *row, struct error *err)
{
	for (int i = 0; i < r->count; i++) {
		const struct register_column *c = s->col_of[i];
		char *v = text_dup(r->fields[i]);
		json_t *value;

		if (!v)
			return error_set(err, ERR_NOMEM, "out of memory");
		text_trim(v);
		if (!s->names[i][0]) {
			bool empty = !v[0];

			free(v);
			if (empty)
				continue; /* a spreadsheet's trailing empty column */
			return row_error(s, NULL, err,
					 "field %d has a value but its column has "
					 "no header", i + 1);
		}
		if (!v[0] && c && (c->flags & REG_REQUIRED)) {
			free(v);
			return row_error(s, c->name, err,
					 "%s is empty (a value is required)", c->name);
		}
		value = !v[0] ? json_null()
			: c   ? typed_value(s, c, v, err)
			      : text_value(s, s->names[i], v, err);
		free(v);
		if (!value)
			return ERR_INPUT;
		if (json_object_set_new(row, s->names[i], value))
			return error_set(err, ERR_NOMEM, "out of memory");
	}
	return 0;
}

/* Builds the key into s->key (and a readable label) and rejects repeats. */
static int row_key(struct reg_state *s, json_t *row, struct error *err)
{
	json_t *first;
	int rc = 0;

	buf_reset(&s->key);
	buf_reset(&s->label);
	if (s->spec->file_attr)
		rc |= buf_printf(&s->key, "%s/", s->base);
	for (const char *const *k = s->spec->key; *k; k++) {
		json_t *v = json_object_get(row, *k);
		char num[32];
		const char *text = json_string_value(v);

		if (json_is_integer(v)) {
			snprintf(num, sizeof(num), "%lld", (long long)json_integer_value(v));
			text = num;
		}
		rc |= buf_printf(&s->key, "%s%s", k == s->spec->key ? "" : "/",
				 text ? text : "");
		rc |= buf_printf(&s->label, "%s%s", k == s->spec->key ? "" : "/", *k);
	}
	if (rc)
		return error_set(err, ERR_NOMEM, "out of memory");
	first = json_object_get(s->seen, buf_cstr(&s->key));
	if (first)
		return row_error(s, s->spec->key[0], err,
				 "duplicate %s '%s': already on line %lld",
				 buf_cstr(&s->label),
				 buf_cstr(&s->key) + (s->spec->file_attr ? strlen(s->base) + 1 : 0),
				 (long long)json_integer_value(first));
	if (json_object_set_new(s->seen, buf_cstr(&s->key), json_integer(s->line)))
		return error_set(err, ERR_NOMEM, "out of memory");
	return 0;
}

static int read_row(struct reg_state *s, const struct csv_reader *r,
		    struct import_output *out, struct error *err)
{
	json_t *row;
	int rc;

	if (r->count != s->name_count)
		return row_error(s, NULL, err, "row has %d fields, the header has %d",
				 r->count, s->name_count);
	row = json_object();
	if (!row)
		return error_set(err, ERR_NOMEM, "out of memory");
	if (s->spec->file_attr &&
	    json_object_set_new(row, s->spec->file_attr, json_string(s->base))) {
		json_decref(row);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	if ((rc = read_cells(s, r, row, err)) || (rc = row_key(s, row, err))) {
		json_decref(row);
		return rc;
	}
	if (fact_list_add(&out->facts, s->spec->kind, buf_cstr(&s->key), row))
		return error_set(err, ERR_NOMEM, "out of memory");
	return 0;
}

static void base_name(const char *path, char *out, size_t size)
{
	const char *slash = strrchr(path, '/');
	const char *b = slash ? slash + 1 : path;
	size_t n = strlen(b);

	if (text_ends_with(b, ".csv"))
		n -= 4;
	snprintf(out, size, "%.*s", (int)n, b);
}

static int read_all(struct reg_state *s, struct csv_reader *r,
		    struct import_output *out, struct error *err)
{
	long rows = 0;
	int rc;

	rc = csv_next(r, err);
	if (rc < 0)
		return rc;
	if (rc == 0) {
		s->line = 1;
		return row_error(s, NULL, err, "empty file: expected a header row");
	}
	s->line = s->header_line = r->line;
	if ((rc = read_header(s, r, err)))
		return rc;
	while ((rc = csv_next(r, err)) == 1) {
		s->line = r->line;
		snprintf(s->record, sizeof(s->record), "row %ld", ++rows);
		if ((rc = read_row(s, r, out, err)))
			return rc;
	}
	return rc;
}

/* The latest date of `column` over the rows, as midnight UTC; STAMP_NONE
 * when no row has one. */
static stamp_t latest_date(const struct fact_list *facts, const char *column)
{
	day_t latest = DAY_NONE;

	for (size_t i = 0; i < facts->count; i++) {
		day_t d = fact_day(&facts->items[i], column);

		if (d != DAY_NONE && (latest == DAY_NONE || d > latest))
			latest = d;
	}
	return latest == DAY_NONE ? STAMP_NONE : day_stamp(latest);
}

int register_parse(const struct register_spec *spec,
		   const struct import_input *in, struct import_output *out,
		   struct error *err)
{
	struct reg_state *s = calloc(1, sizeof(*s));
	struct csv_reader r;
	int rc;

	if (!s)
		return error_set(err, ERR_NOMEM, "out of memory");
	s->spec = spec;
	s->in = in;
	s->seen = json_object();
	buf_init(&s->key, 0);
	buf_init(&s->label, 0);
	base_name(in->path, s->base, sizeof(s->base));
	csv_reader_init(&r, in->data, in->size);
	rc = s->seen ? read_all(s, &r, out, err) : error_set(err, ERR_NOMEM, "out of memory");
	if (!rc && spec->effective_column)
		out->effective = latest_date(&out->facts, spec->effective_column);
	if (rc)
		error_set_file(err, in->path);
	csv_reader_release(&r);
	for (int i = 0; i < s->name_count; i++)
		free(s->names[i]);
	json_decref(s->seen);
	buf_release(&s->key);
	buf_release(&s->label);
	free(s);
	return rc;
}
