/*
 * sqlite_facts.c - the SQLite side of the facts table: inserting a
 * version's facts as canonical JSON, and the as-of queries checks use
 * (snapshot semantics: docs/facts.md "As of a date", docs/evidence.md).
 */
#include "store/sqlite_evidence.h"

#include <string.h>

static int json_to_buf(const char *text, size_t size, void *arg)
{
	return buf_add(arg, text, size) ? -1 : 0;
}

int sqlite_facts_insert(struct store *s, sqlite3_stmt *insert,
			int64_t evidence_id, const struct fact_list *facts,
			struct buf *json, struct error *err)
{
	for (size_t i = 0; i < facts->count; i++) {
		const struct fact *f = &facts->items[i];

		buf_reset(json);
		/* Canonical form (sorted keys, compact): equal facts are equal
		 * text, and what a reviewer sees is stable. */
		if (json_dump_callback(f->data, json_to_buf, json,
				       JSON_COMPACT | JSON_SORT_KEYS))
			return error_set(err, ERR_NOMEM, "cannot encode fact %s %s",
					 f->kind, f->key);
		sqlite3_reset(insert);
		sqlite3_bind_int64(insert, 1, evidence_id);
		sqlite3_bind_text(insert, 2, f->kind, -1, SQLITE_STATIC);
		sqlite3_bind_text(insert, 3, f->key, -1, SQLITE_STATIC);
		sqlite3_bind_text(insert, 4, json->data ? json->data : "{}",
				  (int)json->len, SQLITE_STATIC);
		if (sqlite3_step(insert) != SQLITE_DONE) {
			int rc = sqlite_error(s, err, "recording facts");
			sqlite3_reset(insert);
			return rc;
		}
	}
	sqlite3_reset(insert);
	return 0;
}

/* Effective times are "YYYY-MM-DDTHH:MM:SSZ", so "on or before day D" is
 * "less than the text of day D+1" in plain text order. */
static void day_bound(day_t as_of, char out[STAMP_TEXT_SIZE])
{
	if (as_of == DAY_NONE)
		memcpy(out, "~", 2);   /* sorts after every digit */
	else
		stamp_format(day_stamp(as_of + 1), out);
}

/* The latest version of a path as of ?2 is the one no other version of the
 * same path (also in force by ?2) beats on (effective_at, id). */
#define SELECT_FACTS                                                        \
	"SELECT f.evidence_id, e.digest, e.effective_at, f.kind, f.key, f.data " \
	"FROM facts f JOIN evidence e ON e.id = f.evidence_id "           \
	"WHERE f.kind = ?1 AND e.effective_at < ?2 "
#define ONLY_LATEST                                                         \
	"AND NOT EXISTS (SELECT 1 FROM evidence n WHERE n.path = e.path "  \
	"  AND n.effective_at < ?2 AND (n.effective_at > e.effective_at " \
	"  OR (n.effective_at = e.effective_at AND n.id > e.id))) "
#define ORDER " ORDER BY f.key, f.evidence_id"

static int read_fact(sqlite3_stmt *st, struct fact_list *out, struct error *err)
{
	const char *data = (const char *)sqlite3_column_text(st, 5);
	json_error_t jerr;
	json_t *obj = json_loads(data ? data : "{}", 0, &jerr);
	struct fact *f;
	stamp_t t;
	int rc;

	if (!obj)
		return error_set(err, ERR_STORE, "fact of evidence %lld is not JSON: %s",
				 (long long)sqlite3_column_int64(st, 0), jerr.text);
	rc = fact_list_add(out, (const char *)sqlite3_column_text(st, 3),
			   (const char *)sqlite3_column_text(st, 4), obj);
	if (rc)
		return error_set(err, rc, "out of memory");
	f = &out->items[out->count - 1];
	f->evidence_id = sqlite3_column_int64(st, 0);
	memset(f->digest, 0, sizeof(f->digest));
	{
		const char *d = (const char *)sqlite3_column_text(st, 1);
		size_t n = d ? strlen(d) : 0;
		if (n >= sizeof(f->digest))
			n = sizeof(f->digest) - 1;
		if (n)
			memcpy(f->digest, d, n);
	}
	f->effective = DAY_NONE;
	if (stamp_parse((const char *)sqlite3_column_text(st, 2), &t) == 0)
		f->effective = stamp_day(t);
	return 0;
}

int sqlite_facts_query(struct store *s, const char *kind, day_t as_of,
		       bool all_versions, struct fact_list *out,
		       struct error *err)
{
	char bound[STAMP_TEXT_SIZE];
	sqlite3_stmt *st;
	int rc;

	rc = sqlite_prepare(s, all_versions ? SELECT_FACTS ORDER
					    : SELECT_FACTS ONLY_LATEST ORDER,
			    &st, err);
	if (rc)
		return rc;
	day_bound(as_of, bound);
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, bound, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = read_fact(st, out, err)))
			break;
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = sqlite_error(s, err, "reading facts");
	sqlite3_finalize(st);
	return rc;
}
