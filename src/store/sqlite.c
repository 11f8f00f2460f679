/*
 * sqlite.c - the SQLite backend: open with WAL and foreign keys, transactions,
 * meta settings.  Fact and evidence operations live in their own files.
 */
#include "store/sqlite_internal.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_assess.h"
#include "util/text.h"

int sqlite_error(struct store *s, struct error *err, const char *what)
{
	return error_set(err, ERR_STORE, "%s: %s", what,
			 sqlite3_errmsg(sqlite_db(s)));
}

int sqlite_prepare(struct store *s, const char *sql, sqlite3_stmt **stmt,
		   struct error *err)
{
	if (sqlite3_prepare_v2(sqlite_db(s), sql, -1, stmt, NULL) != SQLITE_OK)
		return sqlite_error(s, err, "preparing statement");
	return 0;
}

int sqlite_exec(struct store *s, const char *sql, struct error *err)
{
	char *msg = NULL;

	if (sqlite3_exec(sqlite_db(s), sql, NULL, NULL, &msg) != SQLITE_OK) {
		error_set(err, ERR_STORE, "%s", msg ? msg : "sqlite error");
		sqlite3_free(msg);
		return ERR_STORE;
	}
	return 0;
}

static void sq_close(struct store *s)
{
	struct sqlite_store *impl = s->impl;

	if (!impl)
		return;
	sqlite3_close_v2(impl->db);
	free(impl);
	s->impl = NULL;
}

static int sq_begin(struct store *s, struct error *err)
{
	return sqlite_exec(s, "BEGIN IMMEDIATE", err);
}

static int sq_commit(struct store *s, struct error *err)
{
	return sqlite_exec(s, "COMMIT", err);
}

static void sq_rollback(struct store *s)
{
	sqlite3_exec(sqlite_db(s), "ROLLBACK", NULL, NULL, NULL);
}

static int sq_schema_version(struct store *s, int *version, struct error *err)
{
	sqlite3_stmt *st;
	int rc = sqlite_prepare(s, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
				&st, err);

	if (rc)
		return rc;
	*version = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int sq_meta_get(struct store *s, const char *key, char **value,
		       struct error *err)
{
	sqlite3_stmt *st;
	int rc = sqlite_prepare(s, "SELECT value FROM meta WHERE key = ?1", &st, err);

	if (rc)
		return rc;
	*value = NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*value = text_dup((const char *)sqlite3_column_text(st, 0));
		rc = *value ? 0 : ERR_NOMEM;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = sqlite_error(s, err, "reading meta");
	}
	sqlite3_finalize(st);
	return rc;
}

static int sq_meta_set(struct store *s, const char *key, const char *value,
		       struct error *err)
{
	sqlite3_stmt *st;
	int rc = sqlite_prepare(s,
				"INSERT INTO meta(key, value) VALUES (?1, ?2) "
				"ON CONFLICT(key) DO UPDATE SET value = excluded.value",
				&st, err);

	if (rc)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = sqlite_error(s, err, "writing meta");
	sqlite3_finalize(st);
	return rc;
}

static const struct store_ops sqlite_ops = {
	.name = "sqlite",
	.close = sq_close,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.schema_version = sq_schema_version,
	.meta_get = sq_meta_get,
	.meta_set = sq_meta_set,
	.evidence = &sqlite_evidence_ops,
	.assess = &sqlite_assess_ops,
};

int store_open_sqlite(const char *path, struct store **out, struct error *err)
{
	struct store *s;
	struct sqlite_store *impl;
	int rc;

	*out = NULL;
	s = calloc(1, sizeof(*s));
	impl = calloc(1, sizeof(*impl));
	if (!s || !impl) {
		free(s);
		free(impl);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	s->ops = &sqlite_ops;
	s->impl = impl;
	text_copy(impl->path, sizeof(impl->path), path);
	if (sqlite3_open_v2(path, &impl->db,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				    SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		rc = error_set(err, ERR_STORE, "cannot open database %s: %s", path,
			       impl->db ? sqlite3_errmsg(impl->db) : "out of memory");
		store_close(s);
		return rc;
	}
	sqlite3_busy_timeout(impl->db, 10000);
	/* WAL: readers (the dashboard) never block the importer; synchronous
	 * FULL: a committed import survives power loss, not just a crash. */
	rc = sqlite_exec(s, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
			    "PRAGMA foreign_keys=ON;",
			 err);
	if (!rc)
		rc = sqlite_migrate(s, err);
	if (rc) {
		error_prefix(err, "%s", path);
		store_close(s);
		return rc;
	}
	*out = s;
	return 0;
}
