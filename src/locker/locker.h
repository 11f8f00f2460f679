/*
 * locker.h - the evidence locker of a workspace: the object store
 * (objects.h), the ledger (ledger.h) and the workspace lock, opened together
 * so that recovery from a killed import always happens under the lock.
 *
 * Atomicity protocol (docs/evidence.md "Atomicity"): objects first (orphans
 * are harmless), then one database transaction that inserts the entries and
 * facts; the ledger lines are appended and fsync'd before COMMIT, and the
 * ledger's new length is stored in that same transaction (meta
 * "ledger_length").  So on open:
 *   - ledger longer than the committed length: the tail belongs to a
 *     transaction that never committed, and is cut off;
 *   - shorter: lines were removed after commit (tampering or corruption);
 *     writing is refused and `attest evidence verify` reports it.
 */
#ifndef ATTEST_LOCKER_LOCKER_H
#define ATTEST_LOCKER_LOCKER_H

#include <stdbool.h>
#include <sys/types.h>

#include "locker/ledger.h"
#include "locker/objects.h"
#include "store/store.h"
#include "util/error.h"

#define LOCKER_LOCK_FILE "lock"
#define LOCKER_META_LENGTH "ledger_length"

struct locker {
	char state_dir[1024];
	int lock_fd;
	struct objects *objects;
	struct ledger *ledger;
	off_t ledger_bytes;      /* size of ledger.jsonl after recovery */
	off_t committed_bytes;   /* what the database says; -1 = not recorded */
	off_t truncated_bytes;   /* uncommitted tail cut off by this open */
};

/* Takes the workspace lock (ERR_EXISTS when another attest process holds
 * it), opens objects and ledger under state_dir (".attest") and recovers
 * the ledger against the store's committed length.  The store must not be
 * in a transaction. */
int locker_open(const char *state_dir, struct store *store,
		struct locker **out, struct error *err);
/* Releases the lock. */
void locker_close(struct locker *l);

/* 0 when the ledger and database agree enough to append; ERR_INTEGRITY
 * (message says to run `attest evidence verify`) otherwise. */
int locker_check_writable(const struct locker *l, struct error *err);

/* Streams object `digest` (no lock needed: objects are immutable) to `out` (FILE *) and checks its digest on the
 * way: ERR_INTEGRITY when the bytes no longer match. */
int locker_cat(const struct objects *o, const char *digest, void *out_file,
	       struct error *err);

#endif
