/* csv.c - RFC 4180 reader (see csv.h for what it accepts and why). */
#include "util/csv.h"

#include <string.h>

#include "util/text.h"

void csv_reader_init(struct csv_reader *r, const char *data, size_t size)
{
	memset(r, 0, sizeof(*r));
	buf_init(&r->scratch, CSV_MAX_RECORD);
	r->data = data;
	r->size = size;
	r->next_line = 1;
	if (size >= 3 && (unsigned char)data[0] == 0xEF &&
	    (unsigned char)data[1] == 0xBB && (unsigned char)data[2] == 0xBF)
		r->pos = 3;
}

void csv_reader_release(struct csv_reader *r)
{
	if (r)
		buf_release(&r->scratch);
}

static int end_field(struct csv_reader *r, struct error *err)
{
	if (r->count >= CSV_MAX_FIELDS)
		return error_input(err, NULL, r->line, NULL, NULL,
				   "more than %d fields in one record",
				   CSV_MAX_FIELDS);
	if (buf_addch(&r->scratch, '\0'))
		return error_input(err, NULL, r->line, NULL, NULL,
				   "record longer than %zu bytes",
				   (size_t)CSV_MAX_RECORD);
	r->count++;
	if (r->count < CSV_MAX_FIELDS)
		r->offsets[r->count] = r->scratch.len;
	return 0;
}

static int add_char(struct csv_reader *r, char c, struct error *err)
{
	if (buf_addch(&r->scratch, c))
		return error_input(err, NULL, r->line, NULL, NULL,
				   "record longer than %zu bytes",
				   (size_t)CSV_MAX_RECORD);
	return 0;
}

/* Parses one quoted field starting after the opening quote. */
static int quoted_field(struct csv_reader *r, struct error *err)
{
	for (;;) {
		char c;

		if (r->pos >= r->size)
			return error_input(err, NULL, r->line, NULL, NULL,
					   "unterminated quoted field");
		c = r->data[r->pos++];
		if (c == '"') {
			if (r->pos < r->size && r->data[r->pos] == '"') {
				r->pos++;
				if (add_char(r, '"', err))
					return ERR_INPUT;
				continue;
			}
			return 0;
		}
		if (c == '\n')
			r->next_line++;
		if (add_char(r, c, err))
			return ERR_INPUT;
	}
}

static bool at_line_end(const struct csv_reader *r)
{
	return r->pos >= r->size || r->data[r->pos] == '\n' ||
	       (r->data[r->pos] == '\r' &&
		(r->pos + 1 >= r->size || r->data[r->pos + 1] == '\n'));
}

static void skip_line_end(struct csv_reader *r)
{
	if (r->pos < r->size && r->data[r->pos] == '\r')
		r->pos++;
	if (r->pos < r->size && r->data[r->pos] == '\n') {
		r->pos++;
		r->next_line++;
	}
}

int csv_next(struct csv_reader *r, struct error *err)
{
	/* Skip blank lines. */
	while (r->pos < r->size && at_line_end(r))
		skip_line_end(r);
	if (r->pos >= r->size)
		return 0;
	r->line = r->next_line;
	buf_reset(&r->scratch);
	r->count = 0;
	r->offsets[0] = 0;
	for (;;) {
		if (r->pos < r->size && r->data[r->pos] == '"') {
			r->pos++;
			if (quoted_field(r, err))
				return ERR_INPUT;
			if (!at_line_end(r) && r->data[r->pos] != ',')
				return error_input(err, NULL, r->next_line, NULL, NULL,
						   "unexpected text after a closing quote in field %d",
						   r->count + 1);
		} else {
			while (r->pos < r->size && r->data[r->pos] != ',' &&
			       !at_line_end(r)) {
				if (add_char(r, r->data[r->pos++], err))
					return ERR_INPUT;
			}
		}
		if (end_field(r, err))
			return ERR_INPUT;
		if (r->pos < r->size && r->data[r->pos] == ',') {
			r->pos++;
			continue;
		}
		skip_line_end(r);
		break;
	}
	for (int i = 0; i < r->count; i++)
		r->fields[i] = r->scratch.data + r->offsets[i];
	return 1;
}

int csv_column(const char *const *header, int count, const char *name)
{
	for (int i = 0; i < count; i++) {
		const char *h = header[i];
		size_t n;

		while (*h == ' ' || *h == '\t')
			h++;
		n = strlen(h);
		while (n && (h[n - 1] == ' ' || h[n - 1] == '\t'))
			n--;
		if (n == strlen(name) && text_find_nocase(h, name) == h)
			return i;
	}
	return -1;
}
