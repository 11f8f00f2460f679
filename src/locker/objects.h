/*
 * objects.h - the content-addressed object store of the evidence locker:
 * every imported file's exact bytes at
 *
 *     .attest/objects/sha256/<first 2 hex>/<remaining 62 hex>
 *
 * Objects are immutable; an object that exists is never rewritten.
 *
 * Durability is batched (docs/evidence.md "Atomicity"): objects_put() writes
 * a temp file `.tmp-<62 hex>` beside the final name; objects_flush() makes
 * every pending temp file durable (one syncfs() on Linux, else one fsync per
 * file), renames each into place and fsyncs each touched directory once.  So
 * a name under objects/ always holds complete, durable bytes, and a killed
 * import leaves at most stale temp files (ignored, overwritten next time) and
 * unreferenced objects (harmless).  Callers must flush before they commit
 * anything that refers to an object.
 */
#ifndef ATTEST_LOCKER_OBJECTS_H
#define ATTEST_LOCKER_OBJECTS_H

#include <stdbool.h>
#include <stddef.h>

#include "locker/digest.h"
#include "util/error.h"

struct objects;

/* Opens the store under state_dir (".attest"), creating objects/sha256/
 * when `create`.  ERR_NOTFOUND when absent and !create. */
int objects_open(const char *state_dir, bool create, struct objects **out,
		 struct error *err);
/* Frees; pending (unflushed) temp files are removed. */
void objects_free(struct objects *o);

/* The file name of an object ("sha256:<hex>"). */
int objects_path(const struct objects *o, const char *digest, char *out,
		 size_t out_size, struct error *err);

/* Stores `data` (whose digest the caller computed) unless it is already
 * stored or pending.  *created says whether a new object was written. */
int objects_put(struct objects *o, const char *digest, const void *data,
		size_t len, bool *created, struct error *err);

/* Makes every pending object durable and visible under its name. */
int objects_flush(struct objects *o, struct error *err);

/* Number of objects waiting for objects_flush(). */
size_t objects_pending(const struct objects *o);

#endif
