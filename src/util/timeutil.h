/*
 * timeutil.h - calendar dates and UTC timestamps, parsed from every form the
 * real exports use (see shared/FORMAT-NOTES.md section 2):
 *   2026-04-01            2026-04-01T12:00:00Z       2026-04-01 12:00:00+00:00
 *   2024-03-05T14:22:31.123+0000 (Jira)   2021-08-25T12:20:30.000000005Z (Trivy)
 *   1454022144.869 (epoch seconds, AWS CLI v1)  1454022144869 (epoch ms, Logs)
 *
 * Why hand-written: libc's strptime/timegm are locale- and TZ-dependent or
 * non-standard, gmtime keeps static state; this is exact, pure and bounded.
 * Dates are days since 1970-01-01 (proleptic Gregorian); timestamps are
 * seconds since the epoch, UTC.
 */
#ifndef ATTEST_UTIL_TIMEUTIL_H
#define ATTEST_UTIL_TIMEUTIL_H

#include <stdbool.h>
#include <stdint.h>

typedef int32_t day_t;     /* days since 1970-01-01 */
typedef int64_t stamp_t;   /* seconds since 1970-01-01T00:00:00Z */

#define DAY_NONE INT32_MIN
#define STAMP_NONE INT64_MIN
#define DATE_TEXT_SIZE 11      /* "YYYY-MM-DD" + NUL */
#define STAMP_TEXT_SIZE 21     /* "YYYY-MM-DDTHH:MM:SSZ" + NUL */

day_t days_from_civil(int year, int month, int day);
void civil_from_days(day_t days, int *year, int *month, int *day);
bool date_valid(int year, int month, int day);

/* Strict "YYYY-MM-DD". Returns 0 or ERR_INPUT. */
int date_parse(const char *s, day_t *out);
/* Any of the forms above; a bare date means midnight UTC; numbers above
 * 1e11 are taken as milliseconds.  Returns 0 or ERR_INPUT. */
int stamp_parse(const char *s, stamp_t *out);
/* Date part of any accepted timestamp form, and also MM/DD/YYYY (the form a
 * spreadsheet re-export of an HR roster produces). */
int date_parse_loose(const char *s, day_t *out);

void date_format(day_t d, char out[DATE_TEXT_SIZE]);
void stamp_format(stamp_t t, char out[STAMP_TEXT_SIZE]);

static inline day_t stamp_day(stamp_t t)
{
	return (day_t)((t >= 0 ? t : t - 86399) / 86400);
}
static inline stamp_t day_stamp(day_t d)
{
	return (stamp_t)d * 86400;
}

#endif
