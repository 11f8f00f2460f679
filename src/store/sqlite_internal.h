/*
 * sqlite_internal.h - the SQLite backend's state, shared by the files of
 * src/store/ that implement its operations.  Private to src/store/.
 */
#ifndef ATTEST_STORE_SQLITE_INTERNAL_H
#define ATTEST_STORE_SQLITE_INTERNAL_H

#include <sqlite3.h>

#include "store/store_backend.h"

struct sqlite_store {
	sqlite3 *db;
	char path[1024];
};

static inline sqlite3 *sqlite_db(struct store *s)
{
	return ((struct sqlite_store *)s->impl)->db;
}

/* Sets err from the connection's last error; returns ERR_STORE. */
int sqlite_error(struct store *s, struct error *err, const char *what);

/* Prepares `sql` (prepared statements only: STYLE.md practice 11). */
int sqlite_prepare(struct store *s, const char *sql, sqlite3_stmt **stmt,
		   struct error *err);

/* Runs SQL without parameters (schema, transactions). */
int sqlite_exec(struct store *s, const char *sql, struct error *err);

/* Numbered migrations (store/migrations.c). */
struct migration {
	int version;
	const char *name;
	const char *sql;
};
extern const struct migration sqlite_migrations[];
int sqlite_migrate(struct store *s, struct error *err);

#endif
