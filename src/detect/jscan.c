/* jscan.c - skipping, number scanning and string decoding (jscan.h). */
#include "detect/jscan.h"

#include <string.h>

#include "util/error.h"

/* Finds the next '"', '{', '}', '[' or ']' at or after p, or end.  Brackets
 * and braces differ from each other only in bit 0x20, so OR-ing 0x20 folds
 * them into two comparisons. */
static inline const char *next_structural(const char *p, const char *end)
{
#if defined(__SSE2__)
	const __m128i q = _mm_set1_epi8('"');
	const __m128i open = _mm_set1_epi8('{');
	const __m128i close = _mm_set1_epi8('}');
	const __m128i bit = _mm_set1_epi8(0x20);

	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i f = _mm_or_si128(v, bit);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			_mm_cmpeq_epi8(v, q),
			_mm_or_si128(_mm_cmpeq_epi8(f, open),
				     _mm_cmpeq_epi8(f, close))));

		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
#endif
	while (p < end && *p != '"' && (*p | 0x20) != '{' && (*p | 0x20) != '}')
		p++;
	return p;
}

static const char *skip_container(struct jscan *js, const char *p,
				  int depth_left)
{
	uint64_t kinds = 0;  /* bit d set: level d is an object */
	int depth = 0;
	const char *end = js->end;

	if (depth_left > 64)
		depth_left = 64;
	for (;;) {
		char c;

		p = next_structural(p, end);
		if (p >= end)
			return js_more(js);
		c = *p;
		if (c == '"') {
			bool esc = false;

			p = js_string_end(js, p + 1, &esc);
			if (!p)
				return NULL;
			p++;
			continue;
		}
		if (c == '{' || c == '[') {
			if (depth >= depth_left)
				return js_fail(js, p, "nesting too deep");
			if (c == '{')
				kinds |= (uint64_t)1 << depth;
			else
				kinds &= ~((uint64_t)1 << depth);
			depth++;
			p++;
			continue;
		}
		/* c is '}' or ']' (or a byte that only looks like one after
		 * folding: '{' | 0x20 == '{', so only exact brackets remain). */
		if (depth == 0)
			return js_fail(js, p, "unbalanced bracket");
		depth--;
		if (((kinds >> depth) & 1) != (c == '}'))
			return js_fail(js, p, "mismatched bracket");
		p++;
		if (depth == 0)
			return p;
	}
}

const char *js_number_end(struct jscan *js, const char *p)
{
	const char *end = js->end, *start = p;

	if (p < end && *p == '-')
		p++;
	if (p >= end)
		return js_more(js);
	if (*p == '0') {
		p++;
	} else if (*p >= '1' && *p <= '9') {
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	} else {
		return js_fail(js, p, "invalid number");
	}
	if (p < end && *p == '.') {
		const char *d = ++p;

		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == d && p < end)
			return js_fail(js, p, "invalid number");
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		const char *d;

		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		d = p;
		while (p < end && *p >= '0' && *p <= '9')
			p++;
		if (p == d && p < end)
			return js_fail(js, p, "invalid number");
	}
	if (p >= end)
		return js_more(js);  /* the number may continue */
	(void)start;
	return p;
}

static const char *skip_literal(struct jscan *js, const char *p)
{
	static const char *const words[] = {"true", "false", "null"};

	for (size_t i = 0; i < 3; i++) {
		size_t n = strlen(words[i]);

		if (*p != words[i][0])
			continue;
		if ((size_t)(js->end - p) < n)
			return memcmp(p, words[i], (size_t)(js->end - p)) == 0
				       ? js_more(js)
				       : js_fail(js, p, "invalid literal");
		if (memcmp(p, words[i], n) != 0)
			return js_fail(js, p, "invalid literal");
		return p + n;
	}
	return js_fail(js, p, "unexpected character");
}

const char *js_skip_value(struct jscan *js, const char *p, int depth_left)
{
	if (p >= js->end)
		return js_more(js);
	switch (*p) {
	case '"': {
		bool esc = false;

		p = js_string_end(js, p + 1, &esc);
		return p ? p + 1 : NULL;
	}
	case '{':
	case '[':
		return skip_container(js, p, depth_left);
	case '-':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		return js_number_end(js, p);
	default:
		return skip_literal(js, p);
	}
}

static int hex4(const char *s, unsigned *out)
{
	unsigned v = 0;

	for (int i = 0; i < 4; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static int put_utf8(struct buf *out, unsigned cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return buf_add(out, b, n);
}

static int decode_escape(const char *s, size_t n, size_t *i, struct buf *out)
{
	static const char from[] = "\"\\/bfnrt";
	static const char to[] = "\"\\/\b\f\n\r\t";
	const char *hit;
	unsigned cp, lo;

	if (*i + 1 >= n)
		return ERR_INPUT;
	hit = strchr(from, s[*i + 1]);
	if (hit && s[*i + 1] != '\0') {
		*i += 2;
		return buf_addch(out, to[hit - from]);
	}
	if (s[*i + 1] != 'u' || *i + 6 > n || hex4(s + *i + 2, &cp))
		return ERR_INPUT;
	*i += 6;
	if (cp >= 0xD800 && cp <= 0xDBFF && *i + 6 <= n && s[*i] == '\\' &&
	    s[*i + 1] == 'u' && !hex4(s + *i + 2, &lo) && lo >= 0xDC00 &&
	    lo <= 0xDFFF) {
		*i += 6;
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
	} else if (cp >= 0xD800 && cp <= 0xDFFF) {
		cp = 0xFFFD;  /* lone surrogate */
	}
	return put_utf8(out, cp);
}

int js_decode_string(const char *s, size_t n, struct buf *out, size_t *bad)
{
	size_t i = 0;

	while (i < n) {
		const char *bs = memchr(s + i, '\\', n - i);
		size_t run = bs ? (size_t)(bs - (s + i)) : n - i;
		int rc;

		if (run && (rc = buf_add(out, s + i, run)))
			return rc;
		i += run;
		if (i < n) {
			rc = decode_escape(s, n, &i, out);
			if (rc == ERR_INPUT)
				*bad = i;
			if (rc)
				return rc;
		}
	}
	return 0;
}
