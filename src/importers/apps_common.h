/*
 * apps_common.h - what the HR, identity-provider, GitHub and Jira importers
 * share: recognising their workspace paths (API path + ".json", further
 * pages ".2.json", ".3.json"...; shared/FORMATS.md "sources/"), loading a
 * list body with an error that says what the API sent instead, and
 * building a fact's attribute object without checking every jansson call.
 *
 * JSON getters with positioned errors are importers/json_util.h.
 */
#ifndef ATTEST_IMPORTERS_APPS_COMMON_H
#define ATTEST_IMPORTERS_APPS_COMMON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "importers/importer.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/timeutil.h"

#define APPS_SOURCES "sources/"

/* The part of `path` after "sources/<system>/", or NULL. */
const char *apps_path_in(const char *path, const char *system);

/* True when `name` (no '/') is `<base>.json` or `<base>.<N>.json` with N a
 * page number of 1 to 6 digits. */
bool apps_page_name(const char *name, size_t len, const char *base);

/* Splits `rest` on '/' into at most `max` segments (pointers into rest
 * with lengths).  Returns the number of segments, or -1 when there are
 * more than `max` or a segment is empty. */
int apps_path_split(const char *rest, const char **seg, size_t *len,
		    int max);

/* Parses a list endpoint's body, which must be a JSON array.  When the
 * body is an object, the message says so and quotes the API's own error
 * text if it is an error body (GitHub "message", Okta "errorSummary",
 * Google "error.message"): a saved error page is the common mistake. */
int apps_load_array(json_t **out, const char *data, size_t size,
		    struct error *err);

/* Element `index` of the list `arr` as an object; writes its record name
 * "<list>[<index>]" into `record`.  ERR_INPUT naming the record when the
 * element is not an object. */
int apps_list_object(const json_t *arr, size_t index, const char *list,
		     char record[ERROR_NAME_MAX], json_t **out,
		     struct error *err);

/* Member `inner` of the object member `outer` ("user"."login") as a
 * string.  An absent or null outer object gives NULL unless required.
 * Errors name the field "outer.inner". */
int apps_nested_string(const json_t *obj, const char *outer,
		       const char *inner, bool required, const char *record,
		       const char **out, struct error *err);

/* The error text of a GitHub / Okta / Google error body, or NULL. */
const char *apps_api_error_text(const json_t *obj);

/* True when s[0..n) is valid UTF-8 (CSV fields go into JSON strings). */
bool apps_utf8_valid(const char *s, size_t n);

/*
 * An attribute object under construction.  Setters never fail visibly:
 * an allocation failure is remembered and reported by attrs_emit(), so a
 * parser lists attributes one per line, as docs/facts.md does.
 */
struct attrs {
	json_t *obj;
	bool failed;
};

void attrs_init(struct attrs *a);
void attrs_release(struct attrs *a);        /* when not emitted */
/* Takes ownership of `v` (NULL = allocation failure). */
void attrs_set(struct attrs *a, const char *key, json_t *v);
void attrs_str(struct attrs *a, const char *key, const char *s); /* NULL -> null */
/* Lower-cased copy; NULL or "" -> null. */
void attrs_lower(struct attrs *a, const char *key, const char *s);
void attrs_bool(struct attrs *a, const char *key, int v); /* -1 -> null */
void attrs_int(struct attrs *a, const char *key, long long v);
void attrs_stamp(struct attrs *a, const char *key, stamp_t t);
void attrs_day(struct attrs *a, const char *key, day_t d);

/* Appends the fact (kind, key) with the attributes; the object is handed
 * over (also on failure).  Returns 0 or ERR_NOMEM. */
int attrs_emit(struct attrs *a, struct import_output *out, const char *kind,
	       const char *key, struct error *err);

/* buf_reset + buf_printf; ERR_NOMEM / ERR_LIMIT with err set. */
int apps_keyf(struct buf *b, struct error *err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
