/*
 * sqlite_evidence.c - the SQLite side of the evidence table: the import
 * writer (prepared statements kept for the whole import, so 200,000 files
 * cost 200,000 binds, not 200,000 prepares), lookups, listing.
 */
#include "store/sqlite_evidence.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"

#define ENTRY_COLUMNS                                                     \
	"id, kind, path, source, digest, size, imported_at, effective_at, " \
	"prev_hash, hash, control, note"

struct sqlite_writer {
	struct store *s;
	sqlite3_stmt *latest;
	sqlite3_stmt *insert;
	sqlite3_stmt *fact;
	struct buf json;
};

struct sqlite_iter {
	struct store *s;
	sqlite3_stmt *st;
};

static void column_copy(sqlite3_stmt *st, int col, char *out, size_t size)
{
	const char *v = (const char *)sqlite3_column_text(st, col);

	text_copy(out, size, v ? v : "");
}

/* Fills *e from a row selected with ENTRY_COLUMNS. */
static int read_entry(sqlite3_stmt *st, struct evidence_entry *e,
		      struct error *err)
{
	const char *note;

	evidence_entry_release(e);
	evidence_entry_init(e);
	e->id = sqlite3_column_int64(st, 0);
	column_copy(st, 1, e->kind, sizeof(e->kind));
	column_copy(st, 2, e->path, sizeof(e->path));
	column_copy(st, 3, e->source, sizeof(e->source));
	column_copy(st, 4, e->digest, sizeof(e->digest));
	e->size = sqlite3_column_int64(st, 5);
	column_copy(st, 6, e->imported_at, sizeof(e->imported_at));
	column_copy(st, 7, e->effective_at, sizeof(e->effective_at));
	column_copy(st, 8, e->prev_hash, sizeof(e->prev_hash));
	column_copy(st, 9, e->hash, sizeof(e->hash));
	column_copy(st, 10, e->control, sizeof(e->control));
	note = (const char *)sqlite3_column_text(st, 11);
	if (note && !(e->note = text_dup(note)))
		return error_set(err, ERR_NOMEM, "out of memory");
	return 0;
}

/* Steps a SELECT ... LIMIT 1: 0 with *found, or ERR_STORE. */
static int step_one(struct store *s, sqlite3_stmt *st, struct evidence_entry *out,
		    bool *found, struct error *err)
{
	int rc = sqlite3_step(st);

	*found = false;
	if (rc == SQLITE_ROW) {
		*found = true;
		return read_entry(st, out, err);
	}
	if (rc != SQLITE_DONE)
		return sqlite_error(s, err, "reading evidence");
	return 0;
}

static void sq_writer_free(void *impl)
{
	struct sqlite_writer *w = impl;

	if (!w)
		return;
	sqlite3_finalize(w->latest);
	sqlite3_finalize(w->insert);
	sqlite3_finalize(w->fact);
	buf_release(&w->json);
	free(w);
}

static int sq_writer_open(struct store *s, void **impl, struct error *err)
{
	struct sqlite_writer *w = calloc(1, sizeof(*w));
	int rc;

	*impl = NULL;
	if (!w)
		return error_set(err, ERR_NOMEM, "out of memory");
	w->s = s;
	buf_init(&w->json, 0);
	if ((rc = sqlite_prepare(s, "SELECT " ENTRY_COLUMNS " FROM evidence "
				    "WHERE path = ?1 ORDER BY id DESC LIMIT 1",
				 &w->latest, err)) ||
	    (rc = sqlite_prepare(s, "INSERT INTO evidence(" ENTRY_COLUMNS ") VALUES "
				    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
				 &w->insert, err)) ||
	    (rc = sqlite_prepare(s, SQLITE_FACT_INSERT_SQL, &w->fact, err))) {
		sq_writer_free(w);
		return rc;
	}
	*impl = w;
	return 0;
}

static int sq_writer_latest(void *impl, const char *path,
			    struct evidence_entry *out, bool *found,
			    struct error *err)
{
	struct sqlite_writer *w = impl;
	int rc;

	sqlite3_reset(w->latest);
	sqlite3_bind_text(w->latest, 1, path, -1, SQLITE_STATIC);
	rc = step_one(w->s, w->latest, out, found, err);
	sqlite3_reset(w->latest);
	return rc;
}

static void bind_opt(sqlite3_stmt *st, int col, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, col, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, col);
}

static int sq_writer_add(void *impl, const struct evidence_entry *e,
			 const struct fact_list *facts, struct error *err)
{
	struct sqlite_writer *w = impl;
	sqlite3_stmt *st = w->insert;
	int rc = 0;

	sqlite3_reset(st);
	sqlite3_bind_int64(st, 1, e->id);
	sqlite3_bind_text(st, 2, e->kind[0] ? e->kind : "import", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, e->path, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, e->source, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, e->digest, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, e->size);
	sqlite3_bind_text(st, 7, e->imported_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, e->effective_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, e->prev_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, e->hash, -1, SQLITE_STATIC);
	bind_opt(st, 11, e->control);
	bind_opt(st, 12, e->note);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = sqlite_error(w->s, err, "recording evidence");
	sqlite3_reset(st);
	if (!rc && facts)
		rc = sqlite_facts_insert(w->s, w->fact, e->id, facts, &w->json, err);
	return rc;
}

static int sq_evidence_last(struct store *s, struct evidence_entry *out,
			    bool *found, struct error *err)
{
	sqlite3_stmt *st;
	int rc = sqlite_prepare(s, "SELECT " ENTRY_COLUMNS " FROM evidence "
				   "ORDER BY id DESC LIMIT 1", &st, err);

	if (rc)
		return rc;
	rc = step_one(s, st, out, found, err);
	sqlite3_finalize(st);
	return rc;
}

static int sq_evidence_get(struct store *s, int64_t id, struct evidence_entry *out,
			   struct error *err)
{
	sqlite3_stmt *st;
	bool found;
	int rc = sqlite_prepare(s, "SELECT " ENTRY_COLUMNS " FROM evidence "
				   "WHERE id = ?1", &st, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	rc = step_one(s, st, out, &found, err);
	sqlite3_finalize(st);
	if (!rc && !found)
		rc = error_set(err, ERR_NOTFOUND, "no evidence entry %lld",
			       (long long)id);
	return rc;
}

static void sq_iter_free(void *impl)
{
	struct sqlite_iter *it = impl;

	if (!it)
		return;
	sqlite3_finalize(it->st);
	free(it);
}

static int sq_evidence_iter(struct store *s, const struct evidence_filter *f,
			    void **impl, struct error *err)
{
	struct sqlite_iter *it = calloc(1, sizeof(*it));
	char since[DATE_TEXT_SIZE] = "";
	int rc;

	*impl = NULL;
	if (!it)
		return error_set(err, ERR_NOMEM, "out of memory");
	it->s = s;
	/* ?1 source: the importer name or its system prefix ("aws" matches
	 * "aws.credential-report"); ?2 the effective date lower bound. */
	rc = sqlite_prepare(s, "SELECT " ENTRY_COLUMNS " FROM evidence WHERE "
			       "(?1 IS NULL OR source = ?1 OR "
			       " substr(source, 1, length(?1) + 1) = ?1 || '.') "
			       "AND (?2 IS NULL OR effective_at >= ?2) ORDER BY id",
			    &it->st, err);
	if (rc) {
		free(it);
		return rc;
	}
	if (f && f->source)
		sqlite3_bind_text(it->st, 1, f->source, -1, SQLITE_TRANSIENT);
	if (f && f->since != DAY_NONE) {
		date_format(f->since, since);
		sqlite3_bind_text(it->st, 2, since, -1, SQLITE_TRANSIENT);
	}
	*impl = it;
	return 0;
}

static int sq_evidence_next(void *impl, struct evidence_entry *out, bool *done,
			    struct error *err)
{
	struct sqlite_iter *it = impl;
	bool found;
	int rc = step_one(it->s, it->st, out, &found, err);

	*done = !rc && !found;
	return rc;
}

static int sq_fact_counts(struct store *s, int64_t id, char ***kinds,
			  int64_t **counts, size_t *n, struct error *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = sqlite_prepare(s, "SELECT kind, COUNT(*) FROM facts WHERE "
				   "evidence_id = ?1 GROUP BY kind ORDER BY kind",
				&st, err);

	*kinds = NULL;
	*counts = NULL;
	*n = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			size_t ncap = cap ? cap * 2 : 8;
			char **k = realloc(*kinds, ncap * sizeof(**kinds));
			int64_t *c = k ? realloc(*counts, ncap * sizeof(**counts)) : NULL;
			if (k)
				*kinds = k;
			if (c)
				*counts = c;
			if (!k || !c)
				break;
			cap = ncap;
		}
		(*kinds)[*n] = text_dup((const char *)sqlite3_column_text(st, 0));
		(*counts)[*n] = sqlite3_column_int64(st, 1);
		if (!(*kinds)[*n])
			break;
		(*n)++;
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc == SQLITE_ROW)
		rc = error_set(err, ERR_NOMEM, "out of memory");
	else
		rc = sqlite_error(s, err, "counting facts");
	sqlite3_finalize(st);
	if (rc) {   /* the caller gets nothing on failure */
		for (size_t i = 0; i < *n; i++)
			free((*kinds)[i]);
		free(*kinds);
		free(*counts);
		*kinds = NULL;
		*counts = NULL;
		*n = 0;
	}
	return rc;
}

static int count_rows(struct store *s, const char *sql, int64_t *out,
		      struct error *err)
{
	sqlite3_stmt *st;
	int rc = sqlite_prepare(s, sql, &st, err);

	if (rc)
		return rc;
	*out = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else
		rc = sqlite_error(s, err, "counting rows");
	sqlite3_finalize(st);
	return rc;
}

static int sq_evidence_counts(struct store *s, int64_t *entries, int64_t *facts,
			      struct error *err)
{
	int rc = count_rows(s, "SELECT COUNT(*) FROM evidence", entries, err);

	return rc ? rc : count_rows(s, "SELECT COUNT(*) FROM facts", facts, err);
}

const struct store_evidence_ops sqlite_evidence_ops = {
	.writer_open = sq_writer_open,
	.writer_free = sq_writer_free,
	.writer_latest = sq_writer_latest,
	.writer_add = sq_writer_add,
	.evidence_last = sq_evidence_last,
	.evidence_get = sq_evidence_get,
	.evidence_iter = sq_evidence_iter,
	.evidence_next = sq_evidence_next,
	.evidence_iter_free = sq_iter_free,
	.evidence_fact_counts = sq_fact_counts,
	.evidence_counts = sq_evidence_counts,
	.facts_query = sqlite_facts_query,
};
