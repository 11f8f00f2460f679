/*
 * fields.h - the field table shared by the filter-pattern engine and the
 * streaming CloudTrail reader.
 *
 * Every selector a compiled pattern mentions ("$.userIdentity.type",
 * "$.a[0][1]") is interned here once and gets a small integer id.  The
 * reader extracts exactly those paths from each record into an array of
 * `struct jvalue` indexed by id, and patterns are evaluated against that
 * array.  Nothing else of a record is materialised, which is what lets the
 * reader skip most of each record at memory speed.
 *
 * The first CTF_FIXED_COUNT ids are reserved for the fields every alert
 * carries (eventID, eventTime, principal, source IP...), so they are
 * extracted whatever the rules reference.
 */
#ifndef ATTEST_DETECT_FIELDS_H
#define ATTEST_DETECT_FIELDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/error.h"

enum jkind {
	JV_ABSENT = 0,  /* the path does not exist in the record */
	JV_NULL,
	JV_TRUE,
	JV_FALSE,
	JV_STRING,
	JV_NUMBER,
	JV_OBJECT,      /* present, but not a scalar: never matches a value */
	JV_ARRAY,
};

/* One extracted value.  For JV_STRING `str`/`len` are the decoded bytes
 * (escapes resolved; not NUL-terminated); for JV_NUMBER they are the raw
 * JSON number text and `num` its value.  Pointers are borrowed from the
 * reader and valid only while the record callback runs. */
struct jvalue {
	const char *str;
	uint32_t len;
	uint8_t kind;
	double num;
};

/* Well-known fields, always extracted (alert identity, Insight skipping). */
enum ct_fixed_field {
	CTF_EVENT_ID = 0,
	CTF_EVENT_TIME,
	CTF_EVENT_NAME,
	CTF_EVENT_TYPE,
	CTF_EVENT_SOURCE,
	CTF_USER_TYPE,
	CTF_USER_ARN,
	CTF_USER_NAME,
	CTF_USER_PRINCIPAL_ID,
	CTF_SOURCE_IP,
	CTF_FIXED_COUNT
};

#define FIELD_MAX 256        /* distinct selectors per rule set */
#define FIELD_SEGMENTS_MAX 16 /* path depth of one selector */
#define FIELD_NAME_MAX 128   /* bytes of one property name */

struct field_segment {
	char *name;        /* property name (NUL-terminated), NULL for an index */
	uint32_t len;      /* strlen(name) */
	uint32_t index;    /* array index when name == NULL */
};

struct field_path {
	char *text;        /* canonical "$.a.b[0]" form, for messages */
	struct field_segment seg[FIELD_SEGMENTS_MAX];
	int nseg;
};

struct field_table {
	struct field_path paths[FIELD_MAX];
	int count;
};

/* Initialises an empty table holding only the fixed fields. */
int field_table_init(struct field_table *ft, struct error *err);
void field_table_release(struct field_table *ft);

/* Parses one selector ("$.a.b[2].c", exactly, no surrounding space) and
 * returns its id in *id, interning it when new.  ERR_INPUT for a malformed
 * selector, ERR_LIMIT when the table is full. */
int field_table_intern(struct field_table *ft, const char *selector,
		       size_t len, int *id, struct error *err);

/* Parses "$" then ".name" / "[n]" segments from s[0..len), stopping at the
 * first character that cannot continue a selector; *used says how far it
 * got.  On ERR_INPUT, *bad is the offset of the offending character and
 * *msg a static description ("expected property name after '.'"). */
int field_selector_parse(const char *s, size_t len, size_t *used,
			 struct field_path *out, size_t *bad, const char **msg);

/* Interns a parsed path, taking ownership of *p either way. */
int field_table_add(struct field_table *ft, struct field_path *p, int *id,
		    struct error *err);

/* Id of an already interned selector, or -1. */
int field_table_find(const struct field_table *ft, const char *selector);

#endif
