/*
 * sqlite_evidence.h - shared between the SQLite evidence and fact files.
 * Private to src/store/.
 */
#ifndef ATTEST_STORE_SQLITE_EVIDENCE_H
#define ATTEST_STORE_SQLITE_EVIDENCE_H

#include "store/sqlite_internal.h"
#include "util/buf.h"

/* Inserts the facts of evidence `evidence_id` with the prepared INSERT
 * `insert` (reset and rebound per fact); `json` is scratch space. */
int sqlite_facts_insert(struct store *s, sqlite3_stmt *insert,
			int64_t evidence_id, const struct fact_list *facts,
			struct buf *json, struct error *err);
#define SQLITE_FACT_INSERT_SQL \
	"INSERT INTO facts(evidence_id, kind, key, data) VALUES (?1, ?2, ?3, ?4)"

int sqlite_facts_query(struct store *s, const char *kind, day_t as_of,
		       bool all_versions, struct fact_list *out,
		       struct error *err);

#endif
