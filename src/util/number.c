/* number.c - checked numeric parsing (see number.h). */
#include "util/number.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

#include "util/error.h"
#include "util/text.h"

int number_parse_i64(const char *s, int64_t min, int64_t max, int64_t *out)
{
	const char *p = s;
	bool neg = false;
	uint64_t v = 0;
	uint64_t limit;

	if (!s || !*s)
		return ERR_INPUT;
	if (*p == '+' || *p == '-') {
		neg = *p == '-';
		p++;
	}
	if (!*p)
		return ERR_INPUT;
	limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return ERR_INPUT;
		if (v > (limit - (uint64_t)(*p - '0')) / 10)
			return ERR_INPUT;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	{
		int64_t r = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN
							      : -(int64_t)v)
				: (int64_t)v;
		if (r < min || r > max)
			return ERR_INPUT;
		*out = r;
	}
	return 0;
}

int number_parse_double(const char *s, double *out)
{
	char *end;
	double v;
	const char *p;

	if (!s || !*s)
		return ERR_INPUT;
	/* strtod also accepts hex, inf and nan: allow only decimal syntax. */
	for (p = s; *p; p++) {
		if (!((*p >= '0' && *p <= '9') || *p == '.' || *p == '-' ||
		      *p == '+' || *p == 'e' || *p == 'E'))
			return ERR_INPUT;
	}
	errno = 0;
	v = strtod(s, &end);
	if (*end || errno == ERANGE || !isfinite(v))
		return ERR_INPUT;
	*out = v;
	return 0;
}

int bool_parse(const char *s, bool *out)
{
	if (text_equal_nocase(s, "true") || text_equal_nocase(s, "yes")) {
		*out = true;
		return 0;
	}
	if (text_equal_nocase(s, "false") || text_equal_nocase(s, "no")) {
		*out = false;
		return 0;
	}
	return ERR_INPUT;
}
