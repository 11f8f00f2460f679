/*
 * migrations.c - the SQLite schema, as numbered migrations.  Applied in
 * order on open, each in its own transaction, and recorded in
 * schema_migrations.  Never edit a released migration: add the next one.
 */
#include "store/sqlite_internal.h"

#include <stdio.h>

const struct migration sqlite_migrations[] = {
	{1, "meta",
	 "CREATE TABLE meta ("
	 "  key TEXT PRIMARY KEY,"
	 "  value TEXT NOT NULL"
	 ");"},
	/* Evidence entries mirror .attest/ledger.jsonl line for line (id =
	 * seq); facts hang off the version they were parsed from.  The
	 * (path, effective_at, id) index serves "latest version as of". */
	{2, "evidence and facts",
	 "CREATE TABLE evidence ("
	 "  id INTEGER PRIMARY KEY,"
	 "  kind TEXT NOT NULL DEFAULT 'import',"
	 "  path TEXT NOT NULL,"
	 "  source TEXT NOT NULL,"
	 "  digest TEXT NOT NULL,"
	 "  size INTEGER NOT NULL,"
	 "  imported_at TEXT NOT NULL,"
	 "  effective_at TEXT NOT NULL,"
	 "  prev_hash TEXT NOT NULL,"
	 "  hash TEXT NOT NULL UNIQUE,"
	 "  control TEXT,"
	 "  note TEXT"
	 ");"
	 "CREATE INDEX evidence_path ON evidence(path, effective_at, id);"
	 "CREATE INDEX evidence_source ON evidence(source);"
	 "CREATE TABLE facts ("
	 "  id INTEGER PRIMARY KEY,"
	 "  evidence_id INTEGER NOT NULL REFERENCES evidence(id),"
	 "  kind TEXT NOT NULL,"
	 "  key TEXT NOT NULL,"
	 "  data TEXT NOT NULL"
	 ");"
	 "CREATE INDEX facts_kind ON facts(kind, evidence_id);"
	 "CREATE INDEX facts_evidence ON facts(evidence_id);"},
	/* Readiness assessments: one snapshot per as-of date (a re-run
	 * replaces it); gaps are derived from the sequence of snapshots. */
	{3, "assessments",
	 "CREATE TABLE assessments ("
	 "  id INTEGER PRIMARY KEY,"
	 "  as_of TEXT NOT NULL UNIQUE,"
	 "  readiness REAL NOT NULL,"
	 "  present INTEGER NOT NULL,"
	 "  partial INTEGER NOT NULL,"
	 "  missing INTEGER NOT NULL,"
	 "  not_evaluated INTEGER NOT NULL"
	 ");"
	 "CREATE TABLE control_status ("
	 "  assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,"
	 "  control TEXT NOT NULL,"
	 "  status TEXT NOT NULL,"
	 "  reason TEXT NOT NULL,"
	 "  severity TEXT NOT NULL,"
	 "  findings INTEGER NOT NULL,"
	 "  findings_text TEXT NOT NULL,"
	 "  PRIMARY KEY (assessment_id, control)"
	 ");"},
	{0, NULL, NULL},
};

static int applied_version(struct store *s, int *version, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	rc = sqlite_exec(s,
			 "CREATE TABLE IF NOT EXISTS schema_migrations ("
			 "  version INTEGER PRIMARY KEY,"
			 "  name TEXT NOT NULL,"
			 "  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
			 ")",
			 err);
	if (rc)
		return rc;
	rc = sqlite_prepare(s, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
			    &st, err);
	if (rc)
		return rc;
	*version = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int apply(struct store *s, const struct migration *m, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = sqlite_exec(s, "BEGIN IMMEDIATE", err)))
		return rc;
	rc = sqlite_exec(s, m->sql, err);
	if (!rc)
		rc = sqlite_prepare(s,
				    "INSERT INTO schema_migrations(version, name) VALUES (?1, ?2)",
				    &st, err);
	if (!rc) {
		sqlite3_bind_int(st, 1, m->version);
		sqlite3_bind_text(st, 2, m->name, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = sqlite_error(s, err, "recording migration");
		sqlite3_finalize(st);
	}
	if (!rc)
		rc = sqlite_exec(s, "COMMIT", err);
	if (rc) {
		sqlite3_exec(sqlite_db(s), "ROLLBACK", NULL, NULL, NULL);
		error_prefix(err, "migration %d (%s)", m->version, m->name);
	}
	return rc;
}

int sqlite_migrate(struct store *s, struct error *err)
{
	int have, rc;
	int newest = 0;

	if ((rc = applied_version(s, &have, err)))
		return rc;
	for (const struct migration *m = sqlite_migrations; m->sql; m++)
		newest = m->version;
	if (have > newest)
		return error_set(err, ERR_STORE,
				 "database schema version %d is newer than this attest (%d); upgrade attest",
				 have, newest);
	for (const struct migration *m = sqlite_migrations; m->sql; m++) {
		if (m->version <= have)
			continue;
		if ((rc = apply(s, m, err)))
			return rc;
	}
	return 0;
}
