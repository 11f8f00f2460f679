/*
 * store_backend.h - what a database backend provides.  Private to src/store/.
 * The public functions in store.h dispatch through `ops`; a new backend is a
 * new file filling this table.
 */
#ifndef ATTEST_STORE_BACKEND_H
#define ATTEST_STORE_BACKEND_H

#include "store/store.h"

struct store_assess_ops;

struct store_ops {
	const char *name;
	void (*close)(struct store *s);
	int (*begin)(struct store *s, struct error *err);
	int (*commit)(struct store *s, struct error *err);
	void (*rollback)(struct store *s);
	int (*schema_version)(struct store *s, int *version, struct error *err);
	int (*meta_get)(struct store *s, const char *key, char **value,
			struct error *err);
	int (*meta_set)(struct store *s, const char *key, const char *value,
			struct error *err);
	/* Evidence and facts; NULL when the backend has none. */
	const struct store_evidence_ops *evidence;
	/* Assessment snapshots (store_assess.h); NULL when none. */
	const struct store_assess_ops *assess;
};

struct store {
	const struct store_ops *ops;
	void *impl;          /* backend state */
	int in_transaction;
};

/* Evidence and facts (store/sqlite_evidence.c, sqlite_facts.c for SQLite);
 * `impl` of a writer or iterator belongs to the backend. */
struct store_evidence_ops {
	int (*writer_open)(struct store *s, void **impl, struct error *err);
	void (*writer_free)(void *impl);
	int (*writer_latest)(void *impl, const char *path,
			     struct evidence_entry *out, bool *found,
			     struct error *err);
	int (*writer_add)(void *impl, const struct evidence_entry *e,
			  const struct fact_list *facts, struct error *err);
	int (*evidence_last)(struct store *s, struct evidence_entry *out,
			     bool *found, struct error *err);
	int (*evidence_get)(struct store *s, int64_t id,
			    struct evidence_entry *out, struct error *err);
	int (*evidence_iter)(struct store *s, const struct evidence_filter *f,
			     void **impl, struct error *err);
	int (*evidence_next)(void *impl, struct evidence_entry *out, bool *done,
			     struct error *err);
	void (*evidence_iter_free)(void *impl);
	int (*evidence_fact_counts)(struct store *s, int64_t id, char ***kinds,
				    int64_t **counts, size_t *n,
				    struct error *err);
	int (*evidence_counts)(struct store *s, int64_t *entries,
			       int64_t *facts, struct error *err);
	int (*facts_query)(struct store *s, const char *kind, day_t as_of,
			   bool all_versions, struct fact_list *out,
			   struct error *err);
};

/* The SQLite backend's table (store/sqlite_evidence.c). */
extern const struct store_evidence_ops sqlite_evidence_ops;

#endif
