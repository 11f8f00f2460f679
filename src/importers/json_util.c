/* json_util.c - JSON getters with positioned errors (see json_util.h). */
#include "importers/json_util.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

int json_util_load(json_t **out, const char *data, size_t size,
		   struct error *err)
{
	json_error_t jerr;
	json_t *root;

	*out = NULL;
	root = json_loadb(data, size, JSON_DECODE_ANY, &jerr);
	if (!root) {
		error_input(err, NULL, jerr.line > 0 ? jerr.line : 0, NULL,
			    NULL, "invalid JSON: %s", jerr.text);
		if (err && jerr.column > 0)
			err->column = jerr.column;
		return ERR_INPUT;
	}
	*out = root;
	return 0;
}

int json_util_load_object(json_t **out, const char *data, size_t size,
			  struct error *err)
{
	int rc = json_util_load(out, data, size, err);

	if (rc)
		return rc;
	if (!json_is_object(*out)) {
		rc = error_input(err, NULL, 0, NULL, NULL,
				 "expected a JSON object at the top level, "
				 "found %s", json_util_type_name(*out));
		json_decref(*out);
		*out = NULL;
	}
	return rc;
}

const char *json_util_type_name(const json_t *v)
{
	if (!v)
		return "nothing";
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "an object";
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
	default:
		return "null";
	}
}

void json_util_record(char out[JSON_UTIL_RECORD_MAX], const char *list,
		      size_t index)
{
	snprintf(out, JSON_UTIL_RECORD_MAX, "%s[%zu]", list, index);
}

void json_util_subrecord(char out[JSON_UTIL_RECORD_MAX], const char *record,
			 const char *member, long index)
{
	struct text_writer w;

	text_writer_init(&w, out, JSON_UTIL_RECORD_MAX);
	if (record && *record)
		text_writer_put(&w, "%s.", record);
	text_writer_put(&w, "%s", member);
	if (index >= 0)
		text_writer_put(&w, "[%ld]", index);
}

static int wrong_type(const char *record, const char *key, const char *want,
		      const json_t *v, struct error *err)
{
	return error_input(err, NULL, 0, record, key, "expected %s, found %s",
			   want, json_util_type_name(v));
}

/* Looks `key` up; returns 1 when present and not null, 0 when absent or
 * null (an error when required). */
static int member(const json_t *obj, const char *key, bool required,
		  const char *record, json_t **v, struct error *err)
{
	*v = json_object_get(obj, key);
	if (*v && !json_is_null(*v))
		return 1;
	if (required) {
		if (*v)
			return wrong_type(record, key, "a value", *v, err);
		return error_input(err, NULL, 0, record, key,
				   "required field is missing");
	}
	*v = NULL;
	return 0;
}

int json_util_array(const json_t *obj, const char *key, bool required,
		    const char *record, json_t **out, struct error *err)
{
	json_t *v;
	int rc = member(obj, key, required, record, &v, err);

	*out = NULL;
	if (rc <= 0)
		return rc;
	if (!json_is_array(v))
		return wrong_type(record, key, "an array", v, err);
	*out = v;
	return 0;
}

int json_util_object(const json_t *obj, const char *key, bool required,
		     const char *record, json_t **out, struct error *err)
{
	json_t *v;
	int rc = member(obj, key, required, record, &v, err);

	*out = NULL;
	if (rc <= 0)
		return rc;
	if (!json_is_object(v))
		return wrong_type(record, key, "an object", v, err);
	*out = v;
	return 0;
}

int json_util_string(const json_t *obj, const char *key, bool required,
		     const char *record, const char **out, struct error *err)
{
	json_t *v;
	int rc = member(obj, key, required, record, &v, err);

	*out = NULL;
	if (rc <= 0)
		return rc;
	if (!json_is_string(v))
		return wrong_type(record, key, "a string", v, err);
	*out = json_string_value(v);
	return 0;
}

int json_util_bool(const json_t *obj, const char *key, int fallback,
		   const char *record, int *out, struct error *err)
{
	json_t *v;
	int rc = member(obj, key, false, record, &v, err);

	*out = fallback;
	if (rc <= 0)
		return rc;
	if (!json_is_boolean(v))
		return wrong_type(record, key, "true or false", v, err);
	*out = json_is_true(v);
	return 0;
}

int json_util_integer(const json_t *obj, const char *key, int64_t min,
		      int64_t max, const char *record, int64_t *out,
		      bool *present, struct error *err)
{
	json_t *v;
	int rc = member(obj, key, false, record, &v, err);
	json_int_t n;

	*present = false;
	if (rc <= 0)
		return rc;
	if (!json_is_integer(v))
		return wrong_type(record, key, "a whole number", v, err);
	n = json_integer_value(v);
	if (n < min || n > max)
		return error_input(err, NULL, 0, record, key,
				   "%lld is out of range %lld..%lld",
				   (long long)n, (long long)min,
				   (long long)max);
	*out = n;
	*present = true;
	return 0;
}

/* Epoch seconds (AWS CLI v1 prints JSON-protocol timestamps as numbers
 * with a fraction) or milliseconds (Logs creationTime). */
static int stamp_from_number(double d, stamp_t *out)
{
	if (!isfinite(d) || d < 0 || d >= 1e15)
		return ERR_INPUT;
	if (d > 1e11)
		d /= 1000;
	*out = (stamp_t)floor(d);
	return 0;
}

int json_util_stamp(const json_t *obj, const char *key, const char *record,
		    stamp_t *out, struct error *err)
{
	json_t *v;
	int rc = member(obj, key, false, record, &v, err);

	*out = STAMP_NONE;
	if (rc <= 0)
		return rc;
	if (json_is_number(v)) {
		if (stamp_from_number(json_number_value(v), out))
			return error_input(err, NULL, 0, record, key,
					   "invalid timestamp %.17g",
					   json_number_value(v));
		return 0;
	}
	if (!json_is_string(v))
		return wrong_type(record, key, "a timestamp", v, err);
	if (json_string_length(v) == 0)
		return 0;
	if (strlen(json_string_value(v)) != json_string_length(v) ||
	    stamp_parse(json_string_value(v), out)) {
		*out = STAMP_NONE;
		return error_input(err, NULL, 0, record, key,
				   "invalid timestamp \"%.64s\"",
				   json_string_value(v));
	}
	return 0;
}

/* Length of the UTF-8 sequence at s (at most n bytes), 0 when invalid:
 * no overlong forms, no surrogates, nothing above U+10FFFF (RFC 3629). */
static size_t utf8_sequence(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len;
	unsigned cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

bool json_util_utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		size_t len = utf8_sequence(p + i, n - i);

		if (!len) {
			if (bad_offset)
				*bad_offset = i;
			return false;
		}
		i += len;
	}
	return true;
}

json_t *json_util_stamp_value(stamp_t t)
{
	char text[STAMP_TEXT_SIZE];

	if (t == STAMP_NONE)
		return json_null();
	stamp_format(t, text);
	return json_string(text);
}

json_t *json_util_string_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}
