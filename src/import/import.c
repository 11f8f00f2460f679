/*
 * import.c - one import run (see import.h): lock and recover the locker,
 * open one transaction, stream every file through its importer into the
 * locker and the store, then make objects and ledger durable and commit.
 */
#include "import/import.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "importers/importer.h"
#include "locker/locker.h"
#include "util/buf.h"
#include "util/fs.h"
#include "util/text.h"

static const char *const default_roots[] = {"sources", "registers", "policies"};

struct run {
	const struct import_request *req;
	struct import_summary *sum;
	struct locker *locker;
	struct store_writer *writer;
	struct buf data;                 /* the current file's bytes */
	int64_t next_seq;
	int64_t first_seq;               /* next_seq when the run began */
	char prev[EVIDENCE_HASH_SIZE];
	char now[STAMP_TEXT_SIZE];
	char fallback_effective[STAMP_TEXT_SIZE];
	struct evidence_entry latest;
	struct evidence_entry entry;
};

void import_summary_init(struct import_summary *s)
{
	memset(s, 0, sizeof(*s));
}

void import_summary_release(struct import_summary *s)
{
	if (!s)
		return;
	free(s->sources);
	memset(s, 0, sizeof(*s));
}

static struct import_source_stats *stats_for(struct import_summary *s,
					     const char *name)
{
	for (size_t i = 0; i < s->count; i++)
		if (strcmp(s->sources[i].name, name) == 0)
			return &s->sources[i];
	if (s->count == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		struct import_source_stats *p = realloc(s->sources, cap * sizeof(*p));
		if (!p)
			return NULL;
		s->sources = p;
		s->cap = cap;
	}
	memset(&s->sources[s->count], 0, sizeof(s->sources[0]));
	text_copy(s->sources[s->count].name, sizeof(s->sources[0].name), name);
	return &s->sources[s->count++];
}

static void emit(struct run *r, enum import_event_kind kind, const char *path,
		 const struct error *error, long long bytes)
{
	struct import_event ev = {kind, path, error, bytes};

	if (r->req->on_event)
		r->req->on_event(r->req->arg, &ev);
}

/* Reads the whole file into r->data (NUL-terminated), refusing more than
 * IMPORT_FILE_MAX bytes. */
static int read_file(struct run *r, const char *rel, struct error *err)
{
	char full[4200];
	struct stat st;
	int fd, rc = 0;

	snprintf(full, sizeof(full), "%s/%s", r->req->root, rel);
	if ((fd = open(full, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st)) {
		rc = error_set(err, ERR_IO, "cannot read %s: %s", rel, strerror(errno));
		if (fd >= 0)
			close(fd);
		return rc;
	}
	buf_reset(&r->data);
	if ((size_t)st.st_size > IMPORT_FILE_MAX)
		rc = error_set(err, ERR_LIMIT,
			       "file is %lld bytes; attest imports files of at most 2 GiB",
			       (long long)st.st_size);
	else if (buf_grow(&r->data, (size_t)st.st_size))
		rc = error_set(err, ERR_NOMEM, "out of memory reading %s", rel);
	while (!rc) {
		ssize_t n;
		if (r->data.cap - r->data.len < 2 && buf_grow(&r->data, 65536)) {
			rc = error_set(err, ERR_LIMIT,
				       "file grew past 2 GiB while being read");
			break;
		}
		n = read(fd, r->data.data + r->data.len, r->data.cap - r->data.len - 1);
		if (n == 0)
			break;
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			rc = error_set(err, ERR_IO, "cannot read %s: %s", rel, strerror(errno));
			break;
		}
		r->data.len += (size_t)n;
		r->data.data[r->data.len] = '\0';
	}
	close(fd);
	if (rc)
		error_set_file(err, rel);
	return rc;
}

/* Records a new version: object, ledger line, evidence row and facts. */
static int store_version(struct run *r, const char *rel,
			 const struct importer *imp, const char *digest,
			 const struct import_output *out, struct error *err)
{
	struct evidence_entry *e = &r->entry;
	bool created;
	int rc;

	if ((rc = objects_put(r->locker->objects, digest, r->data.data,
			      r->data.len, &created, err)))
		return rc;
	evidence_entry_release(e);
	evidence_entry_init(e);
	e->id = r->next_seq;
	text_copy(e->kind, sizeof(e->kind), "import");
	if (!text_copy(e->path, sizeof(e->path), rel))
		return error_set(err, ERR_LIMIT, "path too long: %s", rel);
	text_copy(e->source, sizeof(e->source), imp->name);
	e->size = (int64_t)r->data.len;
	text_copy(e->digest, sizeof(e->digest), digest);
	text_copy(e->imported_at, sizeof(e->imported_at), r->now);
	if (out->effective != STAMP_NONE)
		stamp_format(out->effective, e->effective_at);
	else
		text_copy(e->effective_at, sizeof(e->effective_at), r->fallback_effective);
	text_copy(e->prev_hash, sizeof(e->prev_hash), r->prev);
	if ((rc = ledger_entry_seal(e, err)) ||
	    (rc = ledger_append(r->locker->ledger, e, err)) ||
	    (rc = store_writer_add(r->writer, e, &out->facts, err))) {
		if (!err->file[0])
			error_set_file(err, rel);
		return rc;
	}
	text_copy(r->prev, sizeof(r->prev), e->hash);
	r->next_seq++;
	return 0;
}

static int parse_and_store(struct run *r, const char *rel,
			   const struct importer *imp, const char *digest,
			   struct import_source_stats *st, struct error *err)
{
	struct import_input in = {rel, r->data.data, r->data.len, r->req->config};
	struct import_output out;
	int rc;

	import_output_init(&out);
	rc = imp->parse(&in, &out, err);
	if (rc) {
		if (!err->file[0])
			error_set_file(err, rel);
	} else if (!(rc = store_version(r, rel, imp, digest, &out, err))) {
		st->records += (int64_t)out.facts.count;
		st->new_versions++;
	}
	import_output_release(&out);
	return rc;
}

/* Bad input in one file: fatal, or skipped and reported under keep_going. */
static int file_failed(struct run *r, const char *rel,
		       struct import_source_stats *st, int rc, struct error *err)
{
	if (!r->req->keep_going || (rc != ERR_INPUT && rc != ERR_LIMIT))
		return rc;
	if (!err->file[0])
		error_set_file(err, rel);
	emit(r, IMPORT_FAILED, rel, err, 0);
	if (st)
		st->failed++;
	r->sum->failed++;
	error_clear(err);
	return 0;
}

static int import_file(void *arg, const char *rel, struct error *err)
{
	struct run *r = arg;
	const struct importer *imp;
	struct import_source_stats *st;
	char digest[DIGEST_TEXT_SIZE];
	bool found;
	int rc;

	if ((rc = read_file(r, rel, err)))
		return file_failed(r, rel, NULL, rc, err);
	if (!(imp = importer_for(rel, r->data.data, r->data.len))) {
		r->sum->unrecognised++;
		emit(r, IMPORT_UNRECOGNISED, rel, NULL, 0);
		return 0;
	}
	if (!(st = stats_for(r->sum, imp->name)))
		return error_set(err, ERR_NOMEM, "out of memory");
	st->files++;
	if ((rc = digest_sha256(r->data.data, r->data.len, digest, err)) ||
	    (rc = store_writer_latest(r->writer, rel, &r->latest, &found, err)))
		return rc;
	if (found && strcmp(r->latest.digest, digest) == 0) {
		st->unchanged++;
		return 0;
	}
	rc = parse_and_store(r, rel, imp, digest, st, err);
	return rc ? file_failed(r, rel, st, rc, err) : 0;
}

static int walk_roots(struct run *r, struct error *err)
{
	const struct import_request *q = r->req;
	char rel[4096];
	int rc;

	if (q->path_count == 0) {
		for (size_t i = 0; i < sizeof(default_roots) / sizeof(*default_roots); i++) {
			rc = import_walk(q->root, default_roots[i], import_file, r, err);
			if (rc == ERR_NOTFOUND && !err->file[0]) {
				error_clear(err);   /* a workspace without policies/ */
				continue;
			}
			if (rc)
				return rc;
		}
		return 0;
	}
	for (size_t i = 0; i < q->path_count; i++) {
		if ((rc = import_resolve(q->root, q->paths[i], rel, sizeof(rel), err)))
			return rc;
		if (!rel[0]) {   /* the workspace itself: the default roots */
			struct import_request all = *q;
			struct run sub = *r;
			all.path_count = 0;
			sub.req = &all;
			rc = walk_roots(&sub, err);
			r->next_seq = sub.next_seq;
			memcpy(r->prev, sub.prev, sizeof(r->prev));
			if (rc)
				return rc;
			continue;
		}
		if ((rc = import_walk(q->root, rel, import_file, r, err)))
			return rc;
	}
	return 0;
}

/* Objects, then ledger, then the committed length with the rows: see
 * docs/evidence.md "Atomicity". */
static int finish(struct run *r, struct error *err)
{
	char length[32];
	off_t len;
	int rc;

	if (r->next_seq == r->first_seq)   /* nothing new: nothing to sync */
		return store_commit(r->req->store, err);
	if ((rc = objects_flush(r->locker->objects, err)) ||
	    (rc = ledger_sync(r->locker->ledger, &len, err)))
		return rc;
	snprintf(length, sizeof(length), "%lld", (long long)len);
	if ((rc = store_meta_set(r->req->store, LOCKER_META_LENGTH, length, err)))
		return rc;
	return store_commit(r->req->store, err);
}

static int begin(struct run *r, struct error *err)
{
	struct store *s = r->req->store;
	bool found;
	int rc;

	if ((rc = locker_open(r->req->state_dir, s, &r->locker, err)))
		return rc;
	if (r->locker->truncated_bytes)
		emit(r, IMPORT_RECOVERED, NULL, NULL,
		     (long long)r->locker->truncated_bytes);
	if ((rc = locker_check_writable(r->locker, err)) ||
	    (rc = store_begin(s, err)) ||
	    (rc = store_writer_open(s, &r->writer, err)) ||
	    (rc = store_evidence_last(s, &r->latest, &found, err)))
		return rc;
	r->next_seq = found ? r->latest.id + 1 : 1;
	r->first_seq = r->next_seq;
	text_copy(r->prev, sizeof(r->prev), found ? r->latest.hash : DIGEST_ZERO);
	return 0;
}

int import_run(const struct import_request *req, struct import_summary *sum,
	       struct error *err)
{
	struct run r = {.req = req, .sum = sum};
	stamp_t now = req->now != STAMP_NONE ? req->now : (stamp_t)time(NULL);
	int rc;

	buf_init(&r.data, IMPORT_FILE_MAX + 1);
	evidence_entry_init(&r.latest);
	evidence_entry_init(&r.entry);
	stamp_format(now, r.now);
	stamp_format(req->effective != STAMP_NONE ? req->effective : now,
		     r.fallback_effective);
	rc = begin(&r, err);
	if (!rc)
		rc = walk_roots(&r, err);
	store_writer_free(r.writer);
	r.writer = NULL;
	if (!rc)
		rc = finish(&r, err);
	if (rc)
		store_rollback(req->store);
	if (rc && r.locker) {
		struct error ignored;
		/* Our lines never committed: cut them off now, under the lock. */
		ledger_truncate(r.locker->ledger, r.locker->ledger_bytes, &ignored);
	}
	locker_close(r.locker);
	evidence_entry_release(&r.latest);
	evidence_entry_release(&r.entry);
	buf_release(&r.data);
	return rc;
}

/* Manual evidence (`attest evidence add`): one file from anywhere, kept in
 * the locker like an import, as a ledger entry of kind "manual" naming its
 * control and note.  The same protocol as import_run, for one entry. */
int import_manual(const struct import_request *req, const char *file,
		  const char *control, const char *note, int64_t *id,
		  struct error *err)
{
	struct run r = {.req = req};
	struct import_summary sum;
	struct import_output out;
	struct evidence_entry *e = &r.entry;
	stamp_t now = req->now != STAMP_NONE ? req->now : (stamp_t)time(NULL);
	char digest[DIGEST_TEXT_SIZE];
	char *data = NULL;
	const char *base = strrchr(file, '/');
	size_t len = 0;
	bool created;
	int rc;

	import_summary_init(&sum);
	r.sum = &sum;
	import_output_init(&out);
	buf_init(&r.data, IMPORT_FILE_MAX + 1);
	evidence_entry_init(&r.latest);
	evidence_entry_init(e);
	stamp_format(now, r.now);
	stamp_format(req->effective != STAMP_NONE ? req->effective : now, r.fallback_effective);
	rc = fs_read_file(file, IMPORT_FILE_MAX, &data, &len, err);
	if (!rc)
		rc = digest_sha256(data, len, digest, err);
	if (!rc)
		rc = begin(&r, err);
	if (!rc)
		rc = objects_put(r.locker->objects, digest, data, len, &created, err);
	if (!rc) {
		e->id = r.next_seq;
		text_copy(e->kind, sizeof(e->kind), "manual");
		snprintf(e->path, sizeof(e->path), "manual/%s/%s", control, base ? base + 1 : file);
		text_copy(e->source, sizeof(e->source), "manual");
		e->size = (int64_t)len;
		text_copy(e->digest, sizeof(e->digest), digest);
		text_copy(e->imported_at, sizeof(e->imported_at), r.now);
		text_copy(e->effective_at, sizeof(e->effective_at), r.fallback_effective);
		text_copy(e->prev_hash, sizeof(e->prev_hash), r.prev);
		text_copy(e->control, sizeof(e->control), control);
		e->note = note && *note ? text_dup(note) : NULL;
		rc = ledger_entry_seal(e, err);
	}
	if (!rc)
		rc = ledger_append(r.locker->ledger, e, err);
	if (!rc)
		rc = store_writer_add(r.writer, e, &out.facts, err);
	if (!rc) {
		r.next_seq++;
		*id = e->id;
	}
	store_writer_free(r.writer);
	r.writer = NULL;
	if (!rc)
		rc = finish(&r, err);
	if (rc && r.locker) {
		struct error ignored;

		store_rollback(req->store);
		ledger_truncate(r.locker->ledger, r.locker->ledger_bytes, &ignored);
	}
	locker_close(r.locker);
	free(data);
	import_output_release(&out);
	import_summary_release(&sum);
	evidence_entry_release(&r.latest);
	evidence_entry_release(e);
	buf_release(&r.data);
	return rc;
}
