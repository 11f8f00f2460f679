/*
 * fact_source_store.c - the fact source backed by the store: facts as of a
 * date with snapshot semantics (store_facts_as_of), history
 * (store_facts_all_versions), and which importers have evidence by a date.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/fact_source.h"
#include "store/store.h"
#include "util/text.h"

/* One importer seen in the evidence, and its earliest effective day. */
struct source_seen {
	char name[EVIDENCE_NAME_MAX];
	day_t first;
};

struct store_source {
	struct store *store;
	struct source_seen *seen;
	size_t seen_count;
	bool scanned;
};

static int store_load(void *impl, const char *kind, day_t as_of, bool history,
		      struct fact_list *out, struct error *err)
{
	struct store_source *s = impl;

	return history ? store_facts_all_versions(s->store, kind, as_of, out, err)
		       : store_facts_as_of(s->store, kind, as_of, out, err);
}

static int note_source(struct store_source *s, const struct evidence_entry *e)
{
	stamp_t t;
	day_t day;
	struct source_seen *p;

	if (stamp_parse(e->effective_at, &t))
		return 0;
	day = stamp_day(t);
	for (size_t i = 0; i < s->seen_count; i++)
		if (strcmp(s->seen[i].name, e->source) == 0) {
			if (day < s->seen[i].first)
				s->seen[i].first = day;
			return 0;
		}
	p = realloc(s->seen, (s->seen_count + 1) * sizeof(*p));
	if (!p)
		return ERR_NOMEM;
	s->seen = p;
	text_copy(p[s->seen_count].name, sizeof(p[0].name), e->source);
	p[s->seen_count].first = day;
	s->seen_count++;
	return 0;
}

/* One pass over the evidence, on first use: a handful of importers, so the
 * answers are then a short scan of this list. */
static int scan_sources(struct store_source *s, struct error *err)
{
	struct evidence_filter filter = {NULL, DAY_NONE};
	struct evidence_iter *it = NULL;
	struct evidence_entry e;
	bool done = false;
	int rc;

	if ((rc = store_evidence_iter(s->store, &filter, &it, err)))
		return rc;
	evidence_entry_init(&e);
	while (!rc) {
		rc = store_evidence_next(it, &e, &done, err);
		if (rc || done)
			break;
		rc = note_source(s, &e);
		evidence_entry_release(&e);
		evidence_entry_init(&e);
	}
	evidence_entry_release(&e);
	store_evidence_iter_free(it);
	if (rc == ERR_NOMEM)
		error_set(err, ERR_NOMEM, "out of memory");
	s->scanned = rc == 0;
	return rc;
}

static int store_present(void *impl, const char *prefix, day_t as_of,
			 bool *present, struct error *err)
{
	struct store_source *s = impl;
	int rc;

	if (!s->scanned && (rc = scan_sources(s, err)))
		return rc;
	*present = false;
	for (size_t i = 0; i < s->seen_count; i++)
		if (text_starts_with(s->seen[i].name, prefix) && s->seen[i].first <= as_of)
			*present = true;
	return 0;
}

static void store_free_impl(void *impl)
{
	struct store_source *s = impl;

	if (s)
		free(s->seen);
	free(s);
}

static const struct fact_source_ops store_ops = {
	.load = store_load,
	.present = store_present,
	.free_impl = store_free_impl,
};

int fact_source_store(struct store *store, struct fact_source **out)
{
	struct fact_source *src = calloc(1, sizeof(*src));
	struct store_source *s = calloc(1, sizeof(*s));

	if (!src || !s) {
		free(src);
		free(s);
		return ERR_NOMEM;
	}
	s->store = store;
	src->ops = &store_ops;
	src->impl = s;
	*out = src;
	return 0;
}
