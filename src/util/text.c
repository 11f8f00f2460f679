/* text.c - bounded string helpers (see text.h). */
#include "util/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool text_copy(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);
	bool fits = n < size;

	if (!fits)
		n = size - 1;
	memcpy(dst, src, n);
	dst[n] = '\0';
	return fits;
}

void text_writer_init(struct text_writer *w, char *out, size_t size)
{
	w->out = out;
	w->size = size;
	w->len = 0;
	w->truncated = false;
	if (size)
		out[0] = '\0';
}

void text_writer_put(struct text_writer *w, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (w->len + 1 >= w->size) {
		w->truncated = true;
		return;
	}
	va_start(ap, fmt);
	n = vsnprintf(w->out + w->len, w->size - w->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= w->size - w->len) {
		w->len = w->size - 1;
		w->truncated = true;
	} else {
		w->len += (size_t)n;
	}
}

bool text_format(char *out, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(out, size, fmt, ap);
	va_end(ap);
	return n >= 0 && (size_t)n < size;
}

bool text_equal(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static int lower_ascii(int c)
{
	return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
}

bool text_equal_nocase(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	while (*a && *b) {
		if (lower_ascii((unsigned char)*a) != lower_ascii((unsigned char)*b))
			return false;
		a++;
		b++;
	}
	return *a == *b;
}

bool text_starts_with(const char *s, const char *prefix)
{
	return s && prefix && strncmp(s, prefix, strlen(prefix)) == 0;
}

bool text_ends_with(const char *s, const char *suffix)
{
	size_t ls, lx;

	if (!s || !suffix)
		return false;
	ls = strlen(s);
	lx = strlen(suffix);
	return ls >= lx && memcmp(s + ls - lx, suffix, lx) == 0;
}

const char *text_find_nocase(const char *haystack, const char *needle)
{
	size_t n;

	if (!haystack || !needle)
		return NULL;
	n = strlen(needle);
	if (n == 0)
		return haystack;
	for (; *haystack; haystack++) {
		size_t i = 0;

		while (i < n && haystack[i] &&
		       lower_ascii((unsigned char)haystack[i]) ==
			       lower_ascii((unsigned char)needle[i]))
			i++;
		if (i == n)
			return haystack;
	}
	return NULL;
}

char *text_dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *text_dup_n(const char *s, size_t n)
{
	char *p;

	if (!s)
		return NULL;
	p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void text_lower(char *s)
{
	for (; s && *s; s++)
		*s = (char)lower_ascii((unsigned char)*s);
}

char *text_trim(char *s)
{
	char *end;
	char *start = s;

	if (!s)
		return s;
	while (*start == ' ' || *start == '\t' || *start == '\r' || *start == '\n')
		start++;
	end = start + strlen(start);
	while (end > start && (end[-1] == ' ' || end[-1] == '\t' ||
			       end[-1] == '\r' || end[-1] == '\n'))
		end--;
	*end = '\0';
	if (start != s)
		memmove(s, start, (size_t)(end - start) + 1);
	return s;
}
