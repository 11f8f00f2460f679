/*
 * verify.h - `attest evidence verify`: re-hash every object, recompute the
 * hash chain of ledger.jsonl and cross-check the database's evidence table
 * (docs/evidence.md "Verifying").  Every problem is reported with the entry
 * id it concerns; nothing stops at the first one.
 */
#ifndef ATTEST_LOCKER_VERIFY_H
#define ATTEST_LOCKER_VERIFY_H

#include <stdint.h>

#include "locker/locker.h"

struct verify_result {
	int64_t entries;     /* ledger lines read */
	int64_t objects;     /* distinct objects re-hashed */
	int64_t problems;
};

/* Called once per problem; entry_id 0 when it concerns no single entry.
 * A non-zero return stops verification with that code. */
typedef int (*verify_report_fn)(void *arg, int64_t entry_id,
				const char *message);

/* Returns 0 when verification ran (problems are counted in *res), or an
 * error that stopped it (I/O, database). */
int locker_verify(struct locker *l, struct store *s, verify_report_fn report,
		  void *arg, struct verify_result *res, struct error *err);

#endif
