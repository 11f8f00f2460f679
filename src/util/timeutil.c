/* timeutil.c - dates and timestamps (see timeutil.h for the accepted forms). */
#include "util/timeutil.h"

#include <stdio.h>
#include <string.h>

#include "util/error.h"
#include "util/text.h"

/* Howard Hinnant's days_from_civil / civil_from_days (public domain). */
day_t days_from_civil(int y, int m, int d)
{
	int era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (day_t)(era * 146097 + (int)doe - 719468);
}

void civil_from_days(day_t z, int *year, int *month, int *day)
{
	int era;
	unsigned doe, yoe, doy, mp;
	int y, m, d;
	long zz = (long)z + 719468;

	era = (int)((zz >= 0 ? zz : zz - 146096) / 146097);
	doe = (unsigned)(zz - (long)era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = (int)yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = (int)(doy - (153 * mp + 2) / 5 + 1);
	m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*year = y + (m <= 2);
	*month = m;
	*day = d;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool date_valid(int y, int m, int d)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int max;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	max = mdays[m - 1] + (m == 2 && is_leap(y));
	return d <= max;
}

static bool digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

/* Parses "YYYY-MM-DD" at s; returns chars consumed (10) or 0. */
static int parse_ymd(const char *s, int *y, int *m, int *d)
{
	if (!digits(s, 4, y) || s[4] != '-' || !digits(s + 5, 2, m) ||
	    s[7] != '-' || !digits(s + 8, 2, d))
		return 0;
	return date_valid(*y, *m, *d) ? 10 : 0;
}

int date_parse(const char *s, day_t *out)
{
	int y, m, d;

	if (!s || strlen(s) != 10 || !parse_ymd(s, &y, &m, &d))
		return ERR_INPUT;
	*out = days_from_civil(y, m, d);
	return 0;
}

static int parse_epoch(const char *s, stamp_t *out)
{
	/* digits, optional fraction; nothing else. */
	int64_t v = 0;
	const char *p = s;
	int n = 0;

	while (*p >= '0' && *p <= '9') {
		if (++n > 15)
			return ERR_INPUT;
		v = v * 10 + (*p - '0');
		p++;
	}
	if (n == 0)
		return ERR_INPUT;
	if (*p == '.') {
		p++;
		if (!(*p >= '0' && *p <= '9'))
			return ERR_INPUT;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p)
		return ERR_INPUT;
	if (v > 100000000000LL)  /* > year 5138 in seconds: milliseconds */
		v /= 1000;
	*out = v;
	return 0;
}

int stamp_parse(const char *s, stamp_t *out)
{
	int y, mo, d, hh = 0, mi = 0, ss = 0;
	const char *p;
	int offset = 0;

	if (!s || !*s)
		return ERR_INPUT;
	if (s[0] >= '0' && s[0] <= '9' && strlen(s) >= 4 && s[4] != '-')
		return parse_epoch(s, out);
	if (!parse_ymd(s, &y, &mo, &d))
		return ERR_INPUT;
	p = s + 10;
	if (*p == 'T' || *p == ' ') {
		p++;
		if (!digits(p, 2, &hh) || p[2] != ':' || !digits(p + 3, 2, &mi))
			return ERR_INPUT;
		p += 5;
		if (*p == ':') {
			if (!digits(p + 1, 2, &ss))
				return ERR_INPUT;
			p += 3;
		}
		if (hh > 23 || mi > 59 || ss > 60)
			return ERR_INPUT;
		if (*p == '.' || *p == ',') {
			int n = 0;

			p++;
			while (*p >= '0' && *p <= '9' && n < 12) {
				p++;
				n++;
			}
			if (n == 0 || (*p >= '0' && *p <= '9'))
				return ERR_INPUT;
		}
		if (*p == 'Z' || *p == 'z') {
			p++;
		} else if (*p == '+' || *p == '-') {
			int oh, om;
			int sign = *p == '-' ? -1 : 1;

			p++;
			if (!digits(p, 2, &oh))
				return ERR_INPUT;
			p += 2;
			if (*p == ':')
				p++;
			if (!digits(p, 2, &om))
				return ERR_INPUT;
			p += 2;
			if (oh > 23 || om > 59)
				return ERR_INPUT;
			offset = sign * (oh * 3600 + om * 60);
		}
	}
	if (*p)
		return ERR_INPUT;
	*out = day_stamp(days_from_civil(y, mo, d)) + hh * 3600 + mi * 60 + ss -
	       offset;
	return 0;
}

int date_parse_loose(const char *s, day_t *out)
{
	stamp_t t;
	int m, d, y;

	if (!s)
		return ERR_INPUT;
	/* MM/DD/YYYY or M/D/YYYY */
	if (strchr(s, '/')) {
		char tail;

		if (sscanf(s, "%2d/%2d/%4d%c", &m, &d, &y, &tail) != 3 ||
		    !date_valid(y, m, d))
			return ERR_INPUT;
		*out = days_from_civil(y, m, d);
		return 0;
	}
	if (stamp_parse(s, &t))
		return ERR_INPUT;
	*out = stamp_day(t);
	return 0;
}

void date_format(day_t d, char out[DATE_TEXT_SIZE])
{
	int y, m, dd;

	if (d == DAY_NONE) {
		out[0] = '\0';
		return;
	}
	civil_from_days(d, &y, &m, &dd);
	/* Years outside 0000-9999 cannot be parsed back: clamp them. */
	y = y < 0 ? 0 : y > 9999 ? 9999 : y;
	{
		char tmp[64];

		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y, m, dd);
		text_copy(out, DATE_TEXT_SIZE, tmp);
	}
}

void stamp_format(stamp_t t, char out[STAMP_TEXT_SIZE])
{
	int y, m, d;
	day_t day;
	int64_t rem;

	if (t == STAMP_NONE) {
		out[0] = '\0';
		return;
	}
	day = stamp_day(t);
	rem = t - day_stamp(day);
	civil_from_days(day, &y, &m, &d);
	y = y < 0 ? 0 : y > 9999 ? 9999 : y;
	{
		char tmp[96];

		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
			 (int)(rem / 3600), (int)(rem / 60 % 60), (int)(rem % 60));
		text_copy(out, STAMP_TEXT_SIZE, tmp);
	}
}
