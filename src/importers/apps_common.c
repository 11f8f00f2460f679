/* apps_common.c - paths, list bodies and attribute building (see
 * apps_common.h). */
#include "importers/apps_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importers/json_util.h"
#include "util/text.h"

const char *apps_path_in(const char *path, const char *system)
{
	size_t n;

	if (!path || !text_starts_with(path, APPS_SOURCES))
		return NULL;
	path += strlen(APPS_SOURCES);
	n = strlen(system);
	if (strncmp(path, system, n) != 0 || path[n] != '/')
		return NULL;
	return path + n + 1;
}

bool apps_page_name(const char *name, size_t len, const char *base)
{
	size_t b = strlen(base);
	size_t digits = 0;

	if (len < b + 5 || memcmp(name, base, b) != 0 ||
	    memcmp(name + len - 5, ".json", 5) != 0)
		return false;
	if (len == b + 5)
		return true;
	/* "<base>.<N>.json" */
	if (name[b] != '.')
		return false;
	for (size_t i = b + 1; i < len - 5; i++) {
		if (name[i] < '0' || name[i] > '9')
			return false;
		digits++;
	}
	return digits >= 1 && digits <= 6 && name[b + 1] != '0';
}

int apps_path_split(const char *rest, const char **seg, size_t *len, int max)
{
	int n = 0;
	const char *p = rest;

	for (;;) {
		const char *slash = strchr(p, '/');
		size_t l = slash ? (size_t)(slash - p) : strlen(p);

		if (n == max || l == 0)
			return -1;
		seg[n] = p;
		len[n] = l;
		n++;
		if (!slash)
			return n;
		p = slash + 1;
	}
}

const char *apps_api_error_text(const json_t *obj)
{
	json_t *e;

	if (!json_is_object(obj))
		return NULL;
	if (json_is_string((e = json_object_get(obj, "message"))))
		return json_string_value(e);        /* GitHub */
	if (json_is_string((e = json_object_get(obj, "errorSummary"))))
		return json_string_value(e);        /* Okta */
	e = json_object_get(obj, "error");          /* Google */
	if (json_is_object(e) &&
	    json_is_string(json_object_get(e, "message")))
		return json_string_value(json_object_get(e, "message"));
	if (json_is_array((e = json_object_get(obj, "errorMessages"))) &&
	    json_is_string(json_array_get(e, 0)))  /* Jira */
		return json_string_value(json_array_get(e, 0));
	return NULL;
}

int apps_load_array(json_t **out, const char *data, size_t size,
		    struct error *err)
{
	const char *api;
	int rc = json_util_load(out, data, size, err);

	if (rc)
		return rc;
	if (json_is_array(*out))
		return 0;
	api = apps_api_error_text(*out);
	if (api)
		rc = error_input(err, NULL, 0, NULL, NULL,
				 "expected a JSON array (the list the API "
				 "returns), found an error body: \"%.200s\"",
				 api);
	else
		rc = error_input(err, NULL, 0, NULL, NULL,
				 "expected a JSON array (the list the API "
				 "returns) at the top level, found %s",
				 json_util_type_name(*out));
	json_decref(*out);
	*out = NULL;
	return rc;
}

int apps_list_object(const json_t *arr, size_t index, const char *list,
		     char record[ERROR_NAME_MAX], json_t **out,
		     struct error *err)
{
	json_t *v = json_array_get(arr, index);

	json_util_record(record, list, index);
	*out = NULL;
	if (!json_is_object(v))
		return error_input(err, NULL, 0, record, NULL,
				   "expected an object, found %s",
				   json_util_type_name(v));
	*out = v;
	return 0;
}

int apps_nested_string(const json_t *obj, const char *outer,
		       const char *inner, bool required, const char *record,
		       const char **out, struct error *err)
{
	json_t *o;
	int rc;

	*out = NULL;
	if ((rc = json_util_object(obj, outer, required, record, &o, err)))
		return rc;
	if (!o)
		return 0;
	if ((rc = json_util_string(o, inner, required, record, out, err))) {
		char field[ERROR_NAME_MAX];

		snprintf(field, sizeof(field), "%s.%s", outer, inner);
		error_set_field(err, field);
	}
	return rc;
}

bool apps_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t need;
		unsigned cp;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			need = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			need = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			need = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (n - i <= need)
			return false;
		for (size_t k = 1; k <= need; k++) {
			if ((p[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (p[i + k] & 0x3F);
		}
		/* overlong, surrogate or beyond U+10FFFF */
		if ((need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return false;
		i += need + 1;
	}
	return true;
}

void attrs_init(struct attrs *a)
{
	a->obj = json_object();
	a->failed = a->obj == NULL;
}

void attrs_release(struct attrs *a)
{
	json_decref(a->obj);
	a->obj = NULL;
}

void attrs_set(struct attrs *a, const char *key, json_t *v)
{
	if (!v || !a->obj) {
		json_decref(v);
		a->failed = true;
		return;
	}
	if (json_object_set_new(a->obj, key, v))
		a->failed = true;
}

void attrs_str(struct attrs *a, const char *key, const char *s)
{
	attrs_set(a, key, s ? json_string(s) : json_null());
}

void attrs_lower(struct attrs *a, const char *key, const char *s)
{
	char *copy;

	if (!s || !*s) {
		attrs_set(a, key, json_null());
		return;
	}
	copy = text_dup(s);
	if (!copy) {
		a->failed = true;
		return;
	}
	text_lower(copy);
	attrs_set(a, key, json_string(copy));
	free(copy);
}

void attrs_bool(struct attrs *a, const char *key, int v)
{
	attrs_set(a, key, v < 0 ? json_null() : json_boolean(v));
}

void attrs_int(struct attrs *a, const char *key, long long v)
{
	attrs_set(a, key, json_integer(v));
}

void attrs_stamp(struct attrs *a, const char *key, stamp_t t)
{
	attrs_set(a, key, json_util_stamp_value(t));
}

void attrs_day(struct attrs *a, const char *key, day_t d)
{
	char text[DATE_TEXT_SIZE];

	if (d == DAY_NONE) {
		attrs_set(a, key, json_null());
		return;
	}
	date_format(d, text);
	attrs_set(a, key, json_string(text));
}

int attrs_emit(struct attrs *a, struct import_output *out, const char *kind,
	       const char *key, struct error *err)
{
	json_t *obj = a->obj;
	int rc;

	a->obj = NULL;
	if (a->failed) {
		json_decref(obj);
		return error_set(err, ERR_NOMEM, "out of memory building %s %s",
				 kind, key);
	}
	rc = fact_list_add(&out->facts, kind, key, obj);
	if (rc)
		return error_set(err, rc, "cannot add %s %s: %s", kind, key,
				 error_code_name(rc));
	return 0;
}

int apps_keyf(struct buf *b, struct error *err, const char *fmt, ...)
{
	va_list ap;
	int rc;

	buf_reset(b);
	va_start(ap, fmt);
	rc = buf_vprintf(b, fmt, ap);
	va_end(ap);
	if (rc)
		return error_set(err, rc, "fact key too long");
	return 0;
}
