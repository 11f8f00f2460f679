/* fact_source.c - the cache and the in-memory source (see fact_source.h). */
#include "checks/fact_source.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"

int fact_source_get(struct fact_source *src, const char *kind, day_t as_of,
		    bool history, const struct fact_list **out, struct error *err)
{
	int i, rc;

	for (i = 0; i < src->cached; i++)
		if (strcmp(src->cache[i].kind, kind) == 0 && src->cache[i].as_of == as_of &&
		    src->cache[i].history == history) {
			*out = &src->cache[i].list;
			return 0;
		}
	if (src->cached == FACT_SOURCE_CACHE)
		return error_set(err, ERR_LIMIT, "too many fact kinds requested");
	i = src->cached;
	fact_list_init(&src->cache[i].list);
	rc = src->ops->load(src->impl, kind, as_of, history, &src->cache[i].list, err);
	if (rc) {
		fact_list_release(&src->cache[i].list);
		return rc;
	}
	fact_list_sort(&src->cache[i].list);
	src->cache[i].kind = text_dup(kind);
	if (!src->cache[i].kind) {
		fact_list_release(&src->cache[i].list);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	src->cache[i].as_of = as_of;
	src->cache[i].history = history;
	src->cached++;
	*out = &src->cache[i].list;
	return 0;
}

int fact_source_present(struct fact_source *src, const char *prefix, day_t as_of,
			bool *present, struct error *err)
{
	return src->ops->present(src->impl, prefix, as_of, present, err);
}

void fact_source_free(struct fact_source *src)
{
	if (!src)
		return;
	for (int i = 0; i < src->cached; i++) {
		free(src->cache[i].kind);
		fact_list_release(&src->cache[i].list);
	}
	if (src->ops->free_impl)
		src->ops->free_impl(src->impl);
	free(src);
}

struct memory_source {
	const struct fact_list *facts;
	const char *const *present;
};

static int memory_load(void *impl, const char *kind, day_t as_of, bool history,
		       struct fact_list *out, struct error *err)
{
	struct memory_source *m = impl;

	(void)history;
	for (size_t i = 0; i < m->facts->count; i++) {
		const struct fact *f = &m->facts->items[i];
		struct fact *copy;

		if (strcmp(f->kind, kind) != 0)
			continue;
		if (f->effective != DAY_NONE && f->effective > as_of)
			continue;
		if (fact_list_add(out, f->kind, f->key, json_incref(f->data)))
			return error_set(err, ERR_NOMEM, "out of memory");
		copy = &out->items[out->count - 1];
		copy->evidence_id = f->evidence_id;
		copy->effective = f->effective;
		text_copy(copy->digest, sizeof(copy->digest), f->digest);
	}
	return 0;
}

static int memory_present(void *impl, const char *prefix, day_t as_of,
			  bool *present, struct error *err)
{
	struct memory_source *m = impl;

	(void)as_of;
	(void)err;
	*present = m->present == NULL;
	for (const char *const *p = m->present; p && *p; p++)
		if (text_starts_with(*p, prefix))
			*present = true;
	return 0;
}

static const struct fact_source_ops memory_ops = {
	.load = memory_load,
	.present = memory_present,
	.free_impl = free,
};

int fact_source_memory(const struct fact_list *facts, const char *const *present,
		       struct fact_source **out)
{
	struct fact_source *src = calloc(1, sizeof(*src));
	struct memory_source *m = calloc(1, sizeof(*m));

	if (!src || !m) {
		free(src);
		free(m);
		return ERR_NOMEM;
	}
	m->facts = facts;
	m->present = present;
	src->ops = &memory_ops;
	src->impl = m;
	*out = src;
	return 0;
}
