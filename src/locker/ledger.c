/*
 * ledger.c - canonical entry JSON, hashing, parsing and the buffered
 * append-only writer of .attest/ledger.jsonl (see ledger.h).
 */
#include "locker/ledger.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "locker/digest.h"
#include "util/text.h"

#define FLUSH_AT ((size_t)1 << 20)

struct ledger {
	char path[1100];
	int fd;
	off_t offset;      /* where the next buffered byte goes */
	struct buf pending;
	struct buf line;
};

/* Rejects what jansson and jq would escape differently (see ledger.h). */
static int check_text(const char *field, const char *v, struct error *err)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
		    *p == 0x7f)
			return error_set(err, ERR_INPUT,
					 "%s contains a control character (0x%02x)",
					 field, *p);
	return 0;
}

static int put_str(json_t *o, const char *field, const char *v,
		   struct error *err)
{
	json_t *s;
	int rc = check_text(field, v, err);

	if (rc)
		return rc;
	if (!(s = json_string(v)))
		return error_set(err, ERR_INPUT, "%s is not valid UTF-8: %s", field, v);
	if (json_object_set_new(o, field, s))
		return error_set(err, ERR_NOMEM, "out of memory");
	return 0;
}

static int put_int(json_t *o, const char *field, int64_t v, struct error *err)
{
	if (json_object_set_new(o, field, json_integer((json_int_t)v)))
		return error_set(err, ERR_NOMEM, "out of memory");
	return 0;
}

static int entry_object(const struct evidence_entry *e, bool with_hash,
			json_t **out, struct error *err)
{
	json_t *o = json_object();
	int rc;

	*out = NULL;
	if (!o)
		return error_set(err, ERR_NOMEM, "out of memory");
	if ((rc = put_int(o, "seq", e->id, err)) ||
	    (rc = put_str(o, "kind", e->kind[0] ? e->kind : "import", err)) ||
	    (rc = put_str(o, "imported_at", e->imported_at, err)) ||
	    (rc = put_str(o, "source", e->source, err)) ||
	    (rc = put_str(o, "path", e->path, err)) ||
	    (rc = put_int(o, "size", e->size, err)) ||
	    (rc = put_str(o, "digest", e->digest, err)) ||
	    (rc = put_str(o, "effective", e->effective_at, err)) ||
	    (rc = put_str(o, "prev", e->prev_hash, err)) ||
	    (e->control[0] && (rc = put_str(o, "control", e->control, err))) ||
	    (e->note && (rc = put_str(o, "note", e->note, err))) ||
	    (with_hash && (rc = put_str(o, "hash", e->hash, err)))) {
		json_decref(o);
		return rc;
	}
	*out = o;
	return 0;
}

static int to_buf(const char *text, size_t size, void *arg)
{
	return buf_add(arg, text, size) ? -1 : 0;
}

static int canonical(json_t *o, struct buf *out, struct error *err)
{
	if (json_dump_callback(o, to_buf, out, JSON_COMPACT | JSON_SORT_KEYS))
		return error_set(err, ERR_LIMIT, "ledger entry too large");
	return 0;
}

int ledger_entry_json(const struct evidence_entry *e, bool with_hash,
		      struct buf *out, struct error *err)
{
	json_t *o;
	int rc = entry_object(e, with_hash, &o, err);

	if (rc)
		return rc;
	rc = canonical(o, out, err);
	json_decref(o);
	return rc;
}

int ledger_entry_seal(struct evidence_entry *e, struct error *err)
{
	struct buf b = BUF_INIT;
	int rc = ledger_entry_json(e, false, &b, err);

	if (!rc)
		rc = digest_sha256(b.data, b.len, e->hash, err);
	buf_release(&b);
	return rc;
}

static int get_str(json_t *o, const char *field, char *out, size_t size,
		   bool required, struct error *err)
{
	json_t *v = json_object_get(o, field);

	if (!v && !required) {
		out[0] = '\0';
		return 0;
	}
	if (!json_is_string(v))
		return error_input(err, NULL, 0, NULL, field, "missing or not a string");
	if (!text_copy(out, size, json_string_value(v)))
		return error_input(err, NULL, 0, NULL, field, "too long");
	return 0;
}

static int get_int(json_t *o, const char *field, int64_t *out, struct error *err)
{
	json_t *v = json_object_get(o, field);

	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return error_input(err, NULL, 0, NULL, field,
				   "missing or not a non-negative integer");
	*out = (int64_t)json_integer_value(v);
	return 0;
}

static int fill_entry(json_t *o, struct evidence_entry *e, struct error *err)
{
	json_t *note = json_object_get(o, "note");
	int rc;

	if ((rc = get_int(o, "seq", &e->id, err)) ||
	    (rc = get_str(o, "kind", e->kind, sizeof(e->kind), true, err)) ||
	    (rc = get_str(o, "imported_at", e->imported_at, sizeof(e->imported_at), true, err)) ||
	    (rc = get_str(o, "source", e->source, sizeof(e->source), true, err)) ||
	    (rc = get_str(o, "path", e->path, sizeof(e->path), true, err)) ||
	    (rc = get_int(o, "size", &e->size, err)) ||
	    (rc = get_str(o, "digest", e->digest, sizeof(e->digest), true, err)) ||
	    (rc = get_str(o, "effective", e->effective_at, sizeof(e->effective_at), true, err)) ||
	    (rc = get_str(o, "prev", e->prev_hash, sizeof(e->prev_hash), true, err)) ||
	    (rc = get_str(o, "hash", e->hash, sizeof(e->hash), true, err)) ||
	    (rc = get_str(o, "control", e->control, sizeof(e->control), false, err)))
		return rc;
	if (note) {
		if (!json_is_string(note))
			return error_input(err, NULL, 0, NULL, "note", "not a string");
		if (!(e->note = text_dup(json_string_value(note))))
			return error_set(err, ERR_NOMEM, "out of memory");
	}
	return 0;
}

/* Recomputes the hash of the parsed object and checks the line is exactly
 * its canonical form (so no byte of the line can change unnoticed). */
static int check_sealed(json_t *o, const struct evidence_entry *e,
			const char *line, size_t len, struct error *err)
{
	char hash[DIGEST_TEXT_SIZE];
	struct buf b = BUF_INIT;
	int rc = canonical(o, &b, err);

	if (!rc && (b.len != len || memcmp(b.data, line, len) != 0))
		rc = error_set(err, ERR_INTEGRITY, "line is not in canonical form");
	buf_reset(&b);
	if (!rc && json_object_del(o, "hash") == 0 && !(rc = canonical(o, &b, err)) &&
	    !(rc = digest_sha256(b.data, b.len, hash, err)) && strcmp(hash, e->hash) != 0)
		rc = error_set(err, ERR_INTEGRITY,
			       "hash mismatch: content hashes to %s, line says %s",
			       hash, e->hash);
	buf_release(&b);
	return rc;
}

int ledger_entry_parse(const char *line, size_t len, struct evidence_entry *e,
		       struct error *err)
{
	json_error_t jerr;
	json_t *o;
	int rc;

	evidence_entry_release(e);
	evidence_entry_init(e);
	o = json_loadb(line, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!o)
		return error_input(err, NULL, 0, NULL, NULL, "not JSON: %s (column %d)",
				   jerr.text, jerr.column);
	if (!json_is_object(o))
		rc = error_input(err, NULL, 0, NULL, NULL, "not a JSON object");
	else if (!(rc = fill_entry(o, e, err)))
		rc = check_sealed(o, e, line, len, err);
	json_decref(o);
	return rc;
}

int ledger_open(const char *state_dir, struct ledger **out, struct error *err)
{
	struct ledger *l = calloc(1, sizeof(*l));
	int n;

	*out = NULL;
	if (!l)
		return error_set(err, ERR_NOMEM, "out of memory");
	buf_init(&l->pending, 0);
	buf_init(&l->line, LEDGER_LINE_MAX);
	n = snprintf(l->path, sizeof(l->path), "%s/%s", state_dir, LEDGER_FILE);
	if (n < 0 || (size_t)n >= sizeof(l->path)) {
		free(l);
		return error_set(err, ERR_LIMIT, "path too long: %s", state_dir);
	}
	l->fd = open(l->path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (l->fd < 0) {
		int rc = error_set(err, ERR_IO, "cannot open %s: %s", l->path,
				   strerror(errno));
		free(l);
		return rc;
	}
	*out = l;
	return 0;
}

void ledger_close(struct ledger *l)
{
	if (!l)
		return;
	close(l->fd);
	buf_release(&l->pending);
	buf_release(&l->line);
	free(l);
}

const char *ledger_path(const struct ledger *l)
{
	return l->path;
}

int ledger_size(struct ledger *l, off_t *size, struct error *err)
{
	struct stat st;

	if (fstat(l->fd, &st))
		return error_set(err, ERR_IO, "cannot stat %s: %s", l->path,
				 strerror(errno));
	*size = st.st_size;
	return 0;
}

int ledger_truncate(struct ledger *l, off_t size, struct error *err)
{
	buf_reset(&l->pending);
	l->offset = size;
	if (ftruncate(l->fd, size) || fsync(l->fd))
		return error_set(err, ERR_IO, "cannot truncate %s: %s", l->path,
				 strerror(errno));
	return 0;
}

void ledger_seek(struct ledger *l, off_t offset)
{
	buf_reset(&l->pending);
	l->offset = offset;
}

static int write_pending(struct ledger *l, struct error *err)
{
	const char *p = l->pending.data;
	size_t left = l->pending.len;

	while (left) {
		ssize_t n = pwrite(l->fd, p, left, l->offset);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return error_set(err, ERR_IO, "cannot write %s: %s", l->path,
					 strerror(errno));
		}
		p += n;
		left -= (size_t)n;
		l->offset += n;
	}
	buf_reset(&l->pending);
	return 0;
}

int ledger_append(struct ledger *l, const struct evidence_entry *e,
		  struct error *err)
{
	int rc;

	buf_reset(&l->line);
	if ((rc = ledger_entry_json(e, true, &l->line, err)))
		return rc;
	if (buf_addch(&l->line, '\n') ||
	    buf_add(&l->pending, l->line.data, l->line.len))
		return error_set(err, ERR_NOMEM, "out of memory");
	if (l->pending.len >= FLUSH_AT)
		return write_pending(l, err);
	return 0;
}

int ledger_sync(struct ledger *l, off_t *length, struct error *err)
{
	int rc = write_pending(l, err);

	if (rc)
		return rc;
	if (fsync(l->fd))
		return error_set(err, ERR_IO, "cannot sync %s: %s", l->path,
				 strerror(errno));
	*length = l->offset;
	return 0;
}
