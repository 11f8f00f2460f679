/*
 * fact_source.h - where checks get facts from.  The store-backed source
 * (checks/fact_source_store.c) answers from the database with snapshot
 * semantics (docs/facts.md); the in-memory source answers from a fact list,
 * so every check is unit-tested without a database.  Results are cached per
 * kind for the lifetime of the source: checks that read the same kind share
 * one list.
 */
#ifndef ATTEST_CHECKS_FACT_SOURCE_H
#define ATTEST_CHECKS_FACT_SOURCE_H

#include <stdbool.h>

#include "core/fact.h"
#include "util/error.h"
#include "util/timeutil.h"

struct store;

struct fact_source_ops {
	/* Fills `out` (initialised, empty) with the facts of `kind` in force
	 * on `as_of`; `history` asks for every version up to as_of instead. */
	int (*load)(void *impl, const char *kind, day_t as_of, bool history,
		    struct fact_list *out, struct error *err);
	/* Whether evidence from an importer whose name starts with `prefix`
	 * exists with an effective date on or before as_of. */
	int (*present)(void *impl, const char *prefix, day_t as_of, bool *present,
		       struct error *err);
	void (*free_impl)(void *impl);
};

#define FACT_SOURCE_CACHE 64

struct fact_source {
	const struct fact_source_ops *ops;
	void *impl;
	struct {
		char *kind;
		day_t as_of;
		bool history;
		struct fact_list list;
	} cache[FACT_SOURCE_CACHE];
	int cached;
};

/* Facts (borrowed from the cache; valid until fact_source_free). */
int fact_source_get(struct fact_source *src, const char *kind, day_t as_of,
		    bool history, const struct fact_list **out, struct error *err);
int fact_source_present(struct fact_source *src, const char *prefix, day_t as_of,
			bool *present, struct error *err);
void fact_source_free(struct fact_source *src);

/* In-memory source over `facts` (borrowed).  A fact is in force on as_of
 * when its effective day is DAY_NONE or <= as_of; history is the same set.
 * `present` lists the importer names treated as imported (NULL-terminated);
 * NULL means every source is present. */
int fact_source_memory(const struct fact_list *facts, const char *const *present,
		       struct fact_source **out);

/* Store-backed source (borrowed store). */
int fact_source_store(struct store *store, struct fact_source **out);

#endif
