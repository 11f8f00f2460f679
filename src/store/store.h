/*
 * store.h - the database interface.  Only src/store/ includes database
 * headers; everything else talks to a `struct store` through these functions.
 *
 * A store is a backend (SQLite today, PostgreSQL later) behind a table of
 * operations (store_backend.h), so callers never change when a backend is
 * added.  Schema changes are numbered migrations recorded in the database
 * (table schema_migrations) and applied on open.
 */
#ifndef ATTEST_STORE_STORE_H
#define ATTEST_STORE_STORE_H

#include <stdint.h>

#include "util/error.h"

struct store;

/* Opens (creating if needed) the SQLite database at `path`, with WAL,
 * foreign keys and a busy timeout, and applies pending migrations. */
int store_open_sqlite(const char *path, struct store **out, struct error *err);
void store_close(struct store *s);   /* NULL is fine */

/* One transaction at a time; begin/commit/rollback nest as no-ops are not
 * supported (an import is exactly one transaction). */
int store_begin(struct store *s, struct error *err);
int store_commit(struct store *s, struct error *err);
void store_rollback(struct store *s);

/* Highest applied migration. */
int store_schema_version(struct store *s, int *version, struct error *err);

/* Key/value settings kept in the database (e.g. the ledger's committed
 * length).  `value` of get is owned by the caller; NULL when absent. */
int store_meta_get(struct store *s, const char *key, char **value,
		   struct error *err);
int store_meta_set(struct store *s, const char *key, const char *value,
		   struct error *err);

/* ------------------------------------------------------------------------
 * Evidence and facts (docs/evidence.md, docs/facts.md).
 *
 * Every imported file version is one evidence entry, numbered like its line
 * in .attest/ledger.jsonl (id = ledger seq), with the facts parsed from it.
 * Entries and facts are only ever added, inside the import's transaction,
 * through a store_writer (it keeps its prepared statements for the whole
 * import).
 */
#include <stdbool.h>

#include "core/fact.h"
#include "util/timeutil.h"

#define EVIDENCE_PATH_MAX 1024
#define EVIDENCE_NAME_MAX 64
#define EVIDENCE_HASH_SIZE 72       /* "sha256:<64 hex>" + NUL */

struct evidence_entry {
	int64_t id;                               /* = ledger seq, from 1 */
	char kind[16];                            /* "import" or "manual" */
	char path[EVIDENCE_PATH_MAX];             /* workspace-relative */
	char source[EVIDENCE_NAME_MAX];           /* importer name */
	int64_t size;                             /* bytes of the object */
	char digest[EVIDENCE_HASH_SIZE];          /* "sha256:<hex>" */
	char imported_at[STAMP_TEXT_SIZE];        /* UTC, of the import run */
	char effective_at[STAMP_TEXT_SIZE];       /* UTC, what it speaks for */
	char prev_hash[EVIDENCE_HASH_SIZE];       /* previous entry's hash */
	char hash[EVIDENCE_HASH_SIZE];            /* this entry's hash */
	char control[EVIDENCE_NAME_MAX];          /* manual entries; "" = none */
	char *note;                               /* owned; NULL = none */
};

void evidence_entry_init(struct evidence_entry *e);
void evidence_entry_release(struct evidence_entry *e);   /* frees note */

/* Writing, inside store_begin() .. store_commit(). */
struct store_writer;
int store_writer_open(struct store *s, struct store_writer **out,
		      struct error *err);
void store_writer_free(struct store_writer *w);          /* NULL is fine */
/* The newest version (highest id) of `path`; *found false when none. */
int store_writer_latest(struct store_writer *w, const char *path,
			struct evidence_entry *out, bool *found,
			struct error *err);
/* Inserts the entry (its id must be the next ledger seq) and its facts. */
int store_writer_add(struct store_writer *w, const struct evidence_entry *e,
		     const struct fact_list *facts, struct error *err);

/* Reading. */
/* The entry with the highest id (the ledger's last); *found false if none. */
int store_evidence_last(struct store *s, struct evidence_entry *out,
			bool *found, struct error *err);
/* ERR_NOTFOUND when there is no entry `id`. */
int store_evidence_get(struct store *s, int64_t id, struct evidence_entry *out,
		       struct error *err);

struct evidence_filter {
	const char *source;   /* importer name, or its prefix before '.'; NULL */
	day_t since;          /* effective date on or after; DAY_NONE = any */
};
/* Entries in id order, one at a time (never the whole table in memory). */
struct evidence_iter;
int store_evidence_iter(struct store *s, const struct evidence_filter *f,
			struct evidence_iter **out, struct error *err);
/* Fills *out with the next entry, or sets *done. */
int store_evidence_next(struct evidence_iter *it, struct evidence_entry *out,
			bool *done, struct error *err);
void store_evidence_iter_free(struct evidence_iter *it); /* NULL is fine */

/* Number of facts of each kind of one entry: kinds[i] / counts[i], owned
 * by the caller (free each kinds[i], then both arrays). */
int store_evidence_fact_counts(struct store *s, int64_t id, char ***kinds,
			       int64_t **counts, size_t *n, struct error *err);

/* Rows in the evidence and facts tables. */
int store_evidence_counts(struct store *s, int64_t *entries, int64_t *facts,
			  struct error *err);

/* THE query checks use (snapshot semantics, docs/facts.md "As of a date"):
 * the facts of `kind` from, for each path, the latest version (by effective
 * time, then id) whose effective date is on or before `as_of`.  Appends to
 * *out (initialised by the caller) with evidence_id, digest and effective
 * filled, sorted by (key, evidence_id).  DAY_NONE = no date limit. */
int store_facts_as_of(struct store *s, const char *kind, day_t as_of,
		      struct fact_list *out, struct error *err);
/* History: the facts of `kind` from every version whose effective date is
 * on or before `as_of` (first-reported dates, review coverage). */
int store_facts_all_versions(struct store *s, const char *kind, day_t as_of,
			     struct fact_list *out, struct error *err);

#endif
