/* jscan.c - skipping, number scanning and string decoding (jscan.h). */
#include "detect/jscan.h"

#include <string.h>

#include "util/error.h"

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
		return js_skip_container(js, p, depth_left, JS_SKIP_AUTO);
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
