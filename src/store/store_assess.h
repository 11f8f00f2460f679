/*
 * store_assess.h - stored assessment snapshots (one per as-of date; saving
 * the same date again replaces it).  Part of the store interface: callers
 * include this, backends fill store_assess_ops.
 */
#ifndef ATTEST_STORE_STORE_ASSESS_H
#define ATTEST_STORE_STORE_ASSESS_H

#include "assess/snapshot.h"
#include "store/store.h"

/* Saves `snap` in its own transaction. */
int store_snapshot_save(struct store *s, const struct snapshot *snap,
			struct error *err);
/* Every snapshot, sorted by as_of (the caller releases `out`). */
int store_snapshot_load_all(struct store *s, struct snapshot_list *out,
			    struct error *err);

struct store_assess_ops {
	int (*save)(struct store *s, const struct snapshot *snap, struct error *err);
	int (*load_all)(struct store *s, struct snapshot_list *out, struct error *err);
};

extern const struct store_assess_ops sqlite_assess_ops;

#endif
