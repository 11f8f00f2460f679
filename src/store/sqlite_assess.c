/*
 * sqlite_assess.c - assessment snapshots in SQLite (tables of migration 3:
 * assessments, control_status) and the dispatch of store_assess.h.
 */
#include <stdlib.h>
#include <string.h>

#include "store/sqlite_internal.h"
#include "store/store_assess.h"
#include "util/text.h"

int store_snapshot_save(struct store *s, const struct snapshot *snap, struct error *err)
{
	if (!s->ops->assess)
		return error_set(err, ERR_UNSUPPORTED, "this store keeps no assessments");
	return s->ops->assess->save(s, snap, err);
}

int store_snapshot_load_all(struct store *s, struct snapshot_list *out, struct error *err)
{
	if (!s->ops->assess)
		return error_set(err, ERR_UNSUPPORTED, "this store keeps no assessments");
	return s->ops->assess->load_all(s, out, err);
}

static int save_rows(struct store *s, sqlite3_int64 id, const struct snapshot *snap,
		     struct error *err)
{
	sqlite3_stmt *st;
	int rc = sqlite_prepare(s,
				"INSERT INTO control_status(assessment_id, control, status, reason, "
				"severity, findings, findings_text) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
				&st, err);

	for (size_t i = 0; !rc && i < snap->count; i++) {
		const struct snapshot_control *r = &snap->rows[i];

		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, r->control, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, control_status_name(r->status), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, r->reason, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, severity_name(r->worst), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, (sqlite3_int64)r->findings);
		sqlite3_bind_text(st, 7, r->findings_text ? r->findings_text : "", -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = sqlite_error(s, err, "saving control status");
	}
	if (st)
		sqlite3_finalize(st);
	return rc;
}

static int sq_save(struct store *s, const struct snapshot *snap, struct error *err)
{
	char date[DATE_TEXT_SIZE];
	sqlite3_stmt *st = NULL;
	int rc;

	date_format(snap->as_of, date);
	if ((rc = store_begin(s, err)))
		return rc;
	rc = sqlite_prepare(s, "DELETE FROM assessments WHERE as_of = ?1", &st, err);
	if (!rc) {
		sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = sqlite_error(s, err, "replacing assessment");
		sqlite3_finalize(st);
	}
	if (!rc)
		rc = sqlite_prepare(s,
				    "INSERT INTO assessments(as_of, readiness, present, partial, "
				    "missing, not_evaluated) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
				    &st, err);
	if (!rc) {
		sqlite3_bind_text(st, 1, date, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 2, snap->readiness);
		for (int i = 0; i < STATUS_COUNT; i++)
			sqlite3_bind_int64(st, 3 + i, (sqlite3_int64)snap->by_status[i]);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = sqlite_error(s, err, "saving assessment");
		sqlite3_finalize(st);
	}
	if (!rc)
		rc = save_rows(s, sqlite3_last_insert_rowid(sqlite_db(s)), snap, err);
	if (!rc)
		rc = store_commit(s, err);
	if (rc)
		store_rollback(s);
	return rc;
}

static int load_rows(struct store *s, sqlite3_int64 id, struct snapshot *snap,
		     struct error *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = sqlite_prepare(s,
				"SELECT control, status, reason, severity, findings, findings_text "
				"FROM control_status WHERE assessment_id = ?1 ORDER BY rowid",
				&st, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct snapshot_control *r;

		if (snap->count == cap) {
			size_t n = cap ? cap * 2 : 128;
			struct snapshot_control *p = realloc(snap->rows, n * sizeof(*p));

			if (!p) {
				sqlite3_finalize(st);
				return error_set(err, ERR_NOMEM, "out of memory");
			}
			snap->rows = p;
			cap = n;
		}
		r = &snap->rows[snap->count++];
		memset(r, 0, sizeof(*r));
		text_copy(r->control, sizeof(r->control), (const char *)sqlite3_column_text(st, 0));
		if (control_status_parse((const char *)sqlite3_column_text(st, 1), &r->status))
			r->status = STATUS_MISSING;
		text_copy(r->reason, sizeof(r->reason), (const char *)sqlite3_column_text(st, 2));
		if (severity_parse((const char *)sqlite3_column_text(st, 3), &r->worst))
			r->worst = SEVERITY_LOW;
		r->findings = (size_t)sqlite3_column_int64(st, 4);
		r->findings_text = text_dup((const char *)sqlite3_column_text(st, 5));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : sqlite_error(s, err, "reading control status");
}

static int sq_load_all(struct store *s, struct snapshot_list *out, struct error *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = sqlite_prepare(s,
				"SELECT id, as_of, readiness, present, partial, missing, not_evaluated "
				"FROM assessments ORDER BY as_of",
				&st, err);

	memset(out, 0, sizeof(*out));
	if (rc)
		return rc;
	while (!rc && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct snapshot *snap;

		rc = 0;
		if (out->count == cap) {
			size_t n = cap ? cap * 2 : 16;
			struct snapshot *p = realloc(out->items, n * sizeof(*p));

			if (!p) {
				rc = error_set(err, ERR_NOMEM, "out of memory");
				break;
			}
			out->items = p;
			cap = n;
		}
		snap = &out->items[out->count++];
		memset(snap, 0, sizeof(*snap));
		date_parse((const char *)sqlite3_column_text(st, 1), &snap->as_of);
		snap->readiness = sqlite3_column_double(st, 2);
		for (int i = 0; i < STATUS_COUNT; i++)
			snap->by_status[i] = (size_t)sqlite3_column_int64(st, 3 + i);
		rc = load_rows(s, sqlite3_column_int64(st, 0), snap, err);
	}
	if (rc == SQLITE_DONE)
		rc = 0;
	else if (rc > 0)
		rc = sqlite_error(s, err, "reading assessments");
	sqlite3_finalize(st);
	if (rc)
		snapshot_list_release(out);
	return rc;
}

const struct store_assess_ops sqlite_assess_ops = {
	.save = sq_save,
	.load_all = sq_load_all,
};
