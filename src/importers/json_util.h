/*
 * json_util.h - reading untrusted JSON exports with errors that say where.
 *
 * Shared by the importers (written for the AWS ones, generic on purpose).
 * Every getter takes the name of the enclosing record ("trailList[2]", or
 * "" for the top level) so that a wrong shape is reported as, e.g.,
 *     record "trailList[2]", field "TrailARN",
 *     message "expected a string, found a number"
 * jansson keeps no positions for values, so the record path is the position;
 * a syntax error carries jansson's line and column.
 *
 * Convention: an optional member that is absent or JSON null yields NULL /
 * STAMP_NONE / the fallback; a present member of the wrong type is an error.
 */
#ifndef ATTEST_IMPORTERS_JSON_UTIL_H
#define ATTEST_IMPORTERS_JSON_UTIL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"
#include "util/timeutil.h"

#define JSON_UTIL_RECORD_MAX ERROR_NAME_MAX

/* Parses `size` bytes as one JSON value.  On a syntax error returns
 * ERR_INPUT with line and column set and message "invalid JSON: <why>".
 * The caller owns *out. */
int json_util_load(json_t **out, const char *data, size_t size,
		   struct error *err);
/* Same, and the top level must be an object ("expected a JSON object at
 * the top level, found an array"). */
int json_util_load_object(json_t **out, const char *data, size_t size,
			  struct error *err);

/* "an object", "an array", "a string", "a number", "a boolean", "null";
 * "nothing" for a NULL pointer (an absent member). */
const char *json_util_type_name(const json_t *v);

/* Writes "<list>[<index>]" into out (always NUL-terminated). */
void json_util_record(char out[JSON_UTIL_RECORD_MAX], const char *list,
		      size_t index);

/* Writes "<record>.<member>", or "<record>.<member>[<index>]" when index
 * >= 0, into out; "<member>..." alone when record is "".  Truncates. */
void json_util_subrecord(char out[JSON_UTIL_RECORD_MAX], const char *record,
			 const char *member, long index);

/* Member `key` of `obj` as an array / object / string.  *out is borrowed
 * (NULL when an optional member is absent or null).  A required member
 * that is absent is "required field is missing". */
int json_util_array(const json_t *obj, const char *key, bool required,
		    const char *record, json_t **out, struct error *err);
int json_util_object(const json_t *obj, const char *key, bool required,
		     const char *record, json_t **out, struct error *err);
int json_util_string(const json_t *obj, const char *key, bool required,
		     const char *record, const char **out, struct error *err);
/* A boolean member; absent or null gives `fallback` (-1 for "unknown"). */
int json_util_bool(const json_t *obj, const char *key, int fallback,
		   const char *record, int *out, struct error *err);
/* A whole-number member within [min, max]; absent or null gives
 * `fallback`; *present says which. */
int json_util_integer(const json_t *obj, const char *key, int64_t min,
		      int64_t max, const char *record, int64_t *out,
		      bool *present, struct error *err);
/* A timestamp member in any form of util/timeutil.h: an ISO string, a
 * boto3 "2023-03-09 10:41:34+00:00" string, epoch seconds (integer or
 * fraction, AWS CLI v1) or epoch milliseconds.  Absent, null and ""
 * ("never", CloudTrail) give STAMP_NONE. */
int json_util_stamp(const json_t *obj, const char *key, const char *record,
		    stamp_t *out, struct error *err);

/* True when s[0..n) is valid UTF-8 (what jansson requires of every string
 * and key); *bad_offset, when not NULL, receives the first bad byte. */
bool json_util_utf8_valid(const char *s, size_t n, size_t *bad_offset);

/* New JSON values for fact attributes (NULL only when out of memory). */
json_t *json_util_stamp_value(stamp_t t);       /* string or null */
json_t *json_util_string_or_null(const char *s);

#endif
