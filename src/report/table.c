/* table.c - terminal tables and CSV (see table.h). */
#include "report/table.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "util/number.h"
#include "util/text.h"

void table_init(struct table *t, int columns, const char *const *headers)
{
	memset(t, 0, sizeof(*t));
	t->columns = columns > TABLE_MAX_COLUMNS ? TABLE_MAX_COLUMNS : columns;
	for (int i = 0; i < t->columns; i++)
		t->headers[i] = headers[i];
}

void table_release(struct table *t)
{
	for (size_t i = 0; i < t->rows * (size_t)t->columns; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof(*t));
}

int table_add_row(struct table *t, const char *const *cells)
{
	size_t base;

	if (t->rows == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 32;
		char **p = realloc(t->cells, cap * (size_t)t->columns * sizeof(char *));

		if (!p)
			return -1;
		t->cells = p;
		t->cap = cap;
	}
	base = t->rows * (size_t)t->columns;
	for (int i = 0; i < t->columns; i++) {
		t->cells[base + (size_t)i] = text_dup(cells[i] ? cells[i] : "");
		if (!t->cells[base + (size_t)i]) {
			for (int j = 0; j < i; j++)
				free(t->cells[base + (size_t)j]);
			return -1;
		}
	}
	t->rows++;
	return 0;
}

/* Display width: count UTF-8 code points, not bytes. */
static size_t display_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

/* Prints s padded/cut to exactly w display columns (cut adds "..."). */
static void put_cell(FILE *out, const char *s, size_t w, int last)
{
	size_t len = display_width(s);

	if (len <= w) {
		fputs(s, out);
		if (!last)
			for (size_t i = len; i < w; i++)
				fputc(' ', out);
		return;
	}
	{
		size_t keep = w > 3 ? w - 3 : 0, cols = 0;
		const char *p = s;

		while (*p && cols < keep) {
			p++;
			while (((unsigned char)*p & 0xC0) == 0x80)
				p++;
			cols++;
		}
		fwrite(s, 1, (size_t)(p - s), out);
		fputs(w >= 3 ? "..." : "", out);
	}
}

void table_print(const struct table *t, FILE *out, int width)
{
	size_t w[TABLE_MAX_COLUMNS];
	size_t total = 0;

	for (int c = 0; c < t->columns; c++) {
		w[c] = display_width(t->headers[c]);
		for (size_t r = 0; r < t->rows; r++) {
			size_t n = display_width(t->cells[r * (size_t)t->columns + (size_t)c]);

			if (n > w[c])
				w[c] = n;
		}
		total += w[c] + (c ? 2 : 0);
	}
	/* Shrink the widest column until the table fits (never below 8). */
	while (width > 0 && total > (size_t)width) {
		int widest = 0;

		for (int c = 1; c < t->columns; c++)
			if (w[c] > w[widest])
				widest = c;
		if (w[widest] <= 8)
			break;
		w[widest]--;
		total--;
	}
	for (int c = 0; c < t->columns; c++) {
		if (c)
			fputs("  ", out);
		put_cell(out, t->headers[c], w[c], c == t->columns - 1);
	}
	fputc('\n', out);
	for (size_t r = 0; r < t->rows; r++) {
		for (int c = 0; c < t->columns; c++) {
			if (c)
				fputs("  ", out);
			put_cell(out, t->cells[r * (size_t)t->columns + (size_t)c], w[c],
				 c == t->columns - 1);
		}
		fputc('\n', out);
	}
}

void csv_write_field(FILE *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

void table_print_csv(const struct table *t, FILE *out)
{
	for (int c = 0; c < t->columns; c++) {
		if (c)
			fputc(',', out);
		csv_write_field(out, t->headers[c]);
	}
	fputs("\r\n", out);
	for (size_t r = 0; r < t->rows; r++) {
		for (int c = 0; c < t->columns; c++) {
			if (c)
				fputc(',', out);
			csv_write_field(out, t->cells[r * (size_t)t->columns + (size_t)c]);
		}
		fputs("\r\n", out);
	}
}

int terminal_width(FILE *out)
{
	struct winsize ws;
	const char *cols = getenv("COLUMNS");
	int64_t n;

	if (!isatty(fileno(out)))
		return 0;
	if (cols && !number_parse_i64(cols, 20, 1000, &n))
		return (int)n;
	if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	return 80;
}
