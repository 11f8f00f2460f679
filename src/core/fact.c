/* fact.c - fact lists and attribute accessors (see fact.h). */
#include "core/fact.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/error.h"
#include "util/text.h"

void fact_list_init(struct fact_list *l)
{
	memset(l, 0, sizeof(*l));
}

void fact_list_release(struct fact_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++) {
		free(l->items[i].kind);
		free(l->items[i].key);
		json_decref(l->items[i].data);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

int fact_list_add(struct fact_list *l, const char *kind, const char *key,
		  json_t *data)
{
	struct fact *f;

	if (!data)
		return ERR_NOMEM;
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		size_t bytes;
		struct fact *p;

		if (size_mul(cap, sizeof(*p), &bytes)) {
			json_decref(data);
			return ERR_LIMIT;
		}
		p = realloc(l->items, bytes);
		if (!p) {
			json_decref(data);
			return ERR_NOMEM;
		}
		l->items = p;
		l->cap = cap;
	}
	f = &l->items[l->count];
	memset(f, 0, sizeof(*f));
	f->kind = text_dup(kind);
	f->key = text_dup(key ? key : "");
	f->data = data;
	f->effective = DAY_NONE;
	if (!f->kind || !f->key) {
		free(f->kind);
		free(f->key);
		json_decref(data);
		return ERR_NOMEM;
	}
	l->count++;
	return 0;
}

const char *fact_str(const struct fact *f, const char *attr)
{
	json_t *v = json_object_get(f->data, attr);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int fact_bool(const struct fact *f, const char *attr, int fallback)
{
	json_t *v = json_object_get(f->data, attr);

	if (json_is_true(v))
		return 1;
	if (json_is_false(v))
		return 0;
	return fallback;
}

int64_t fact_int(const struct fact *f, const char *attr, int64_t fallback)
{
	json_t *v = json_object_get(f->data, attr);

	if (json_is_integer(v))
		return (int64_t)json_integer_value(v);
	if (json_is_real(v))
		return (int64_t)json_real_value(v);
	return fallback;
}

day_t fact_day(const struct fact *f, const char *attr)
{
	const char *s = fact_str(f, attr);
	day_t d;

	if (!s || date_parse_loose(s, &d))
		return DAY_NONE;
	return d;
}

stamp_t fact_stamp(const struct fact *f, const char *attr)
{
	const char *s = fact_str(f, attr);
	stamp_t t;

	if (!s || stamp_parse(s, &t))
		return STAMP_NONE;
	return t;
}

static int compare_facts(const void *a, const void *b)
{
	const struct fact *x = a, *y = b;
	int c = strcmp(x->kind, y->kind);

	if (c)
		return c;
	c = strcmp(x->key, y->key);
	if (c)
		return c;
	return (x->evidence_id > y->evidence_id) - (x->evidence_id < y->evidence_id);
}

void fact_list_sort(struct fact_list *l)
{
	if (l->count > 1)
		qsort(l->items, l->count, sizeof(l->items[0]), compare_facts);
}
