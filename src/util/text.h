/*
 * text.h - bounded string helpers.  Replace the banned libc calls
 * (strcpy, strcat, sprintf, strncpy, atoi...; scripts/check-banned.sh).
 */
#ifndef ATTEST_UTIL_TEXT_H
#define ATTEST_UTIL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Copies src into dst (size >= 1), truncating; always NUL-terminates.
 * Returns true when nothing was cut. */
bool text_copy(char *dst, size_t size, const char *src);

/* Appends formatted text into a fixed array, never overflowing. */
struct text_writer {
	char *out;
	size_t size;
	size_t len;
	bool truncated;
};
void text_writer_init(struct text_writer *w, char *out, size_t size);
void text_writer_put(struct text_writer *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* snprintf into a fixed array where cutting is acceptable (messages,
 * labels): always NUL-terminated; returns false when the text was cut. */
bool text_format(char *out, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

bool text_equal(const char *a, const char *b);          /* NULL-safe */
bool text_equal_nocase(const char *a, const char *b);   /* ASCII only */
bool text_starts_with(const char *s, const char *prefix);
bool text_ends_with(const char *s, const char *suffix);
/* Case-insensitive ASCII substring search; NULL when absent. */
const char *text_find_nocase(const char *haystack, const char *needle);

/* strdup that returns NULL on NULL input. Caller frees. */
char *text_dup(const char *s);
char *text_dup_n(const char *s, size_t n);
/* Lower-cases ASCII letters in place. */
void text_lower(char *s);
/* Trims ASCII white space at both ends, in place; returns s. */
char *text_trim(char *s);

#endif
