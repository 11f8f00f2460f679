/*
 * verify.c - checks the locker end to end (see verify.h): ledger lines in
 * order, each line's hash and canonical form, the prev chain, each entry
 * against the database row with the same id, each object's bytes against
 * its digest, and database rows the ledger lacks.
 */
#include "locker/verify.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

enum object_state { OBJ_OK = 1, OBJ_MISSING, OBJ_ALTERED };

/* Digests already re-hashed: open addressing, grows at half load. */
struct seen_objects {
	char (*hex)[DIGEST_TEXT_SIZE];
	unsigned char *state;
	size_t cap, count;
};

struct verifier {
	struct locker *l;
	struct store *s;
	verify_report_fn report;
	void *arg;
	struct verify_result *res;
	struct seen_objects objs;
	unsigned char *seen;      /* per database id: met in the ledger */
	int64_t max_id;
	struct evidence_iter *it;
	struct evidence_entry db;
	bool db_done;
};

static int problem(struct verifier *v, int64_t id, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int problem(struct verifier *v, int64_t id, const char *fmt, ...)
{
	char msg[1600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	v->res->problems++;
	return v->report(v->arg, id, msg);
}

static size_t seen_slot(const struct seen_objects *so, const char *digest)
{
	uint32_t h = 2166136261u;

	for (int i = 7; i < 23; i++)
		h = (h ^ (unsigned char)digest[i]) * 16777619u;
	for (size_t s = h & (so->cap - 1);; s = (s + 1) & (so->cap - 1))
		if (!so->state[s] || strcmp(so->hex[s], digest) == 0)
			return s;
}

static int seen_grow(struct seen_objects *so)
{
	struct seen_objects n = {0};

	n.cap = so->cap ? so->cap * 2 : 1024;
	n.hex = calloc(n.cap, sizeof(*n.hex));
	n.state = calloc(n.cap, 1);
	if (!n.hex || !n.state) {
		free(n.hex);
		free(n.state);
		return ERR_NOMEM;
	}
	for (size_t i = 0; i < so->cap; i++) {
		if (!so->state[i])
			continue;
		size_t s = seen_slot(&n, so->hex[i]);
		memcpy(n.hex[s], so->hex[i], DIGEST_TEXT_SIZE);
		n.state[s] = so->state[i];
	}
	n.count = so->count;
	free(so->hex);
	free(so->state);
	*so = n;
	return 0;
}

/* Re-hashes the object of e once per digest; reports for every entry. */
static int check_object(struct verifier *v, const struct evidence_entry *e,
			struct error *err)
{
	char path[1200], got[DIGEST_TEXT_SIZE] = "";
	long long size = 0;
	size_t s;
	int rc;

	if (!digest_valid(e->digest))
		return problem(v, e->id, "digest is not a sha256 digest: %s", e->digest);
	if (v->objs.count * 2 >= v->objs.cap && seen_grow(&v->objs))
		return error_set(err, ERR_NOMEM, "out of memory");
	s = seen_slot(&v->objs, e->digest);
	if (!v->objs.state[s]) {
		if ((rc = objects_path(v->l->objects, e->digest, path, sizeof(path), err)))
			return rc;
		rc = digest_file(path, got, &size, err);
		if (rc && rc != ERR_NOTFOUND)
			return rc;
		memcpy(v->objs.hex[s], e->digest, DIGEST_TEXT_SIZE);
		v->objs.state[s] = rc == ERR_NOTFOUND ? OBJ_MISSING
				   : strcmp(got, e->digest) ? OBJ_ALTERED : OBJ_OK;
		v->objs.count++;
		v->res->objects++;
		error_clear(err);
	}
	if (v->objs.state[s] == OBJ_MISSING)
		return problem(v, e->id, "object %s is missing", e->digest);
	if (v->objs.state[s] == OBJ_ALTERED)
		return problem(v, e->id, "object %s was altered (its content no longer hashes to its name)",
			       e->digest);
	return 0;
}

static int differ(struct verifier *v, int64_t id, const char *field,
		  const char *db, const char *ledger)
{
	if (strcmp(db, ledger) == 0)
		return 0;
	return problem(v, id, "database and ledger disagree on %s (database: %s, ledger: %s)",
		       field, db, ledger);
}

static int compare(struct verifier *v, const struct evidence_entry *d,
		   const struct evidence_entry *e)
{
	char ds[32], es[32];
	int rc;

	snprintf(ds, sizeof(ds), "%lld", (long long)d->size);
	snprintf(es, sizeof(es), "%lld", (long long)e->size);
	if ((rc = differ(v, e->id, "kind", d->kind, e->kind)) ||
	    (rc = differ(v, e->id, "path", d->path, e->path)) ||
	    (rc = differ(v, e->id, "source", d->source, e->source)) ||
	    (rc = differ(v, e->id, "size", ds, es)) ||
	    (rc = differ(v, e->id, "digest", d->digest, e->digest)) ||
	    (rc = differ(v, e->id, "imported_at", d->imported_at, e->imported_at)) ||
	    (rc = differ(v, e->id, "effective", d->effective_at, e->effective_at)) ||
	    (rc = differ(v, e->id, "prev", d->prev_hash, e->prev_hash)) ||
	    (rc = differ(v, e->id, "hash", d->hash, e->hash)) ||
	    (rc = differ(v, e->id, "control", d->control, e->control)) ||
	    (rc = differ(v, e->id, "note", d->note ? d->note : "",
			 e->note ? e->note : "")))
		return rc;
	return 0;
}

/* Finds the database row for ledger entry e: the iterator when in order,
 * a point lookup when lines were moved. */
static int cross_check(struct verifier *v, const struct evidence_entry *e,
		       struct error *err)
{
	struct evidence_entry d;
	int rc;

	if (e->id < 1 || e->id > v->max_id)
		return problem(v, e->id, "in the ledger but not in the database");
	if (v->seen[e->id])
		return problem(v, e->id, "appears more than once in the ledger");
	v->seen[e->id] = 1;
	while (!v->db_done && v->db.id < e->id)
		if ((rc = store_evidence_next(v->it, &v->db, &v->db_done, err)))
			return rc;
	if (!v->db_done && v->db.id == e->id)
		return compare(v, &v->db, e);
	evidence_entry_init(&d);
	rc = store_evidence_get(v->s, e->id, &d, err);
	if (rc == ERR_NOTFOUND) {
		error_clear(err);
		rc = problem(v, e->id, "in the ledger but not in the database");
	} else if (!rc) {
		rc = compare(v, &d, e);
	}
	evidence_entry_release(&d);
	return rc;
}

/* The entry a damaged line most likely was: its "seq" when still legible,
 * else its line number (entries are numbered like lines). */
static int64_t guess_seq(const char *line, int64_t lineno)
{
	const char *p = strstr(line, "\"seq\":");
	int64_t n = 0;

	if (!p)
		return lineno;
	for (p += 6; *p >= '0' && *p <= '9' && n < INT64_MAX / 10; p++)
		n = n * 10 + (*p - '0');
	return n > 0 ? n : lineno;
}

/* Checks one ledger line; *prev is the hash the next line must name. */
static int check_line(struct verifier *v, char *line, size_t len, int64_t lineno,
		      char prev[EVIDENCE_HASH_SIZE], struct error *err)
{
	struct evidence_entry e;
	struct error perr;
	int rc;

	evidence_entry_init(&e);
	error_clear(&perr);
	rc = ledger_entry_parse(line, len, &e, &perr);
	if (rc == ERR_INPUT) {
		char where[300] = "";
		if (perr.field[0])
			snprintf(where, sizeof(where), "field '%s': ", perr.field);
		rc = problem(v, guess_seq(line, lineno),
			     "ledger line %lld is not a ledger entry: %s%s",
			     (long long)lineno, where, perr.message);
		memcpy(prev, "?", 2);
		evidence_entry_release(&e);
		return rc;
	}
	if (rc == ERR_INTEGRITY)
		rc = problem(v, e.id, "ledger line %lld was altered: %s",
			     (long long)lineno, perr.message);
	else if (rc)
		rc = error_set(err, rc, "%s", perr.message);
	if (!rc && e.id != lineno)
		rc = problem(v, e.id, "ledger line %lld holds entry %lld: entries are out of order or missing",
			     (long long)lineno, (long long)e.id);
	if (!rc && strcmp(prev, "?") && strcmp(e.prev_hash, prev))
		rc = problem(v, e.id, "chain broken: prev is %s but the line before it has hash %s",
			     e.prev_hash, prev);
	if (!rc)
		rc = cross_check(v, &e, err);
	if (!rc)
		rc = check_object(v, &e, err);
	text_copy(prev, EVIDENCE_HASH_SIZE, e.hash);
	evidence_entry_release(&e);
	return rc;
}

static int check_ledger(struct verifier *v, struct error *err)
{
	char prev[EVIDENCE_HASH_SIZE] = DIGEST_ZERO;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int64_t lineno = 0;
	int rc = 0;
	FILE *f = fopen(ledger_path(v->l->ledger), "rb");

	if (!f)
		return error_set(err, ERR_IO, "cannot open %s: %s",
				 ledger_path(v->l->ledger), strerror(errno));
	while (!rc && (n = getline(&line, &cap, f)) > 0) {
		lineno++;
		v->res->entries++;
		if (line[n - 1] != '\n')
			rc = problem(v, 0, "ledger line %lld is incomplete (no newline)",
				     (long long)lineno);
		else
			line[--n] = '\0';
		if (!rc)
			rc = check_line(v, line, (size_t)n, lineno, prev, err);
	}
	if (!rc && ferror(f))
		rc = error_set(err, ERR_IO, "cannot read %s", ledger_path(v->l->ledger));
	free(line);
	fclose(f);
	return rc;
}

/* Database rows that no ledger line named. */
static int check_unseen(struct verifier *v, struct error *err)
{
	struct evidence_iter *it;
	struct evidence_entry d;
	bool done = false;
	int rc = store_evidence_iter(v->s, NULL, &it, err);

	if (rc)
		return rc;
	evidence_entry_init(&d);
	while (!rc && !(rc = store_evidence_next(it, &d, &done, err)) && !done)
		if (d.id >= 1 && d.id <= v->max_id && !v->seen[d.id])
			rc = problem(v, d.id, "in the database but missing from the ledger");
	evidence_entry_release(&d);
	store_evidence_iter_free(it);
	return rc;
}

static int check_length(struct verifier *v)
{
	const struct locker *l = v->l;

	if (l->committed_bytes < 0 && l->ledger_bytes > 0)
		return problem(v, 0, "the database records no ledger, but %s holds %lld bytes (database replaced?)",
			       ledger_path(l->ledger), (long long)l->ledger_bytes);
	if (l->ledger_bytes < l->committed_bytes)
		return problem(v, 0, "%s is shorter than committed (%lld < %lld bytes): entries were removed",
			       ledger_path(l->ledger), (long long)l->ledger_bytes,
			       (long long)l->committed_bytes);
	return 0;
}

int locker_verify(struct locker *l, struct store *s, verify_report_fn report,
		  void *arg, struct verify_result *res, struct error *err)
{
	struct verifier v = {.l = l, .s = s, .report = report, .arg = arg, .res = res};
	struct evidence_entry last;
	bool found;
	int rc;

	memset(res, 0, sizeof(*res));
	evidence_entry_init(&last);
	evidence_entry_init(&v.db);
	rc = store_evidence_last(s, &last, &found, err);
	v.max_id = !rc && found ? last.id : 0;
	evidence_entry_release(&last);
	if (rc)
		return rc;
	if (!(v.seen = calloc((size_t)v.max_id + 1, 1)))
		return error_set(err, ERR_NOMEM, "out of memory");
	if (!(rc = store_evidence_iter(s, NULL, &v.it, err)) &&
	    !(rc = check_length(&v)) && !(rc = check_ledger(&v, err)))
		rc = check_unseen(&v, err);
	store_evidence_iter_free(v.it);
	evidence_entry_release(&v.db);
	free(v.seen);
	free(v.objs.hex);
	free(v.objs.state);
	return rc;
}
