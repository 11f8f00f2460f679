/*
 * locker.c - opening the evidence locker: workspace lock and ledger
 * recovery (see locker.h for the protocol).
 */
#include "locker/locker.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "util/text.h"

static int take_lock(struct locker *l, struct error *err)
{
	char path[1100];
	int n = snprintf(path, sizeof(path), "%s/%s", l->state_dir, LOCKER_LOCK_FILE);

	if (n < 0 || (size_t)n >= sizeof(path))
		return error_set(err, ERR_LIMIT, "path too long: %s", l->state_dir);
	l->lock_fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (l->lock_fd < 0)
		return error_set(err, ERR_IO, "cannot open %s: %s", path,
				 strerror(errno));
	if (flock(l->lock_fd, LOCK_EX | LOCK_NB)) {
		if (errno == EWOULDBLOCK)
			return error_set(err, ERR_EXISTS,
					 "another attest command is writing this workspace (lock %s is held); try again when it has finished",
					 path);
		return error_set(err, ERR_IO, "cannot lock %s: %s", path,
				 strerror(errno));
	}
	return 0;
}

static int read_committed(struct store *s, off_t *out, struct error *err)
{
	char *v = NULL;
	int64_t n;
	int rc = store_meta_get(s, LOCKER_META_LENGTH, &v, err);

	if (rc)
		return rc;
	*out = -1;
	if (v) {
		char *end;
		errno = 0;
		n = strtoll(v, &end, 10);
		if (errno || *end || n < 0)
			rc = error_set(err, ERR_STORE, "meta %s is not a length: %s",
				       LOCKER_META_LENGTH, v);
		else
			*out = (off_t)n;
	}
	free(v);
	return rc;
}

/* Records length 0 before the first import writes a byte, so that a killed
 * first import is recognised as uncommitted (and not as a lost database). */
static int record_empty(struct store *s, struct error *err)
{
	int rc = store_begin(s, err);

	if (rc)
		return rc;
	if ((rc = store_meta_set(s, LOCKER_META_LENGTH, "0", err))) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

static int recover(struct locker *l, struct store *s, struct error *err)
{
	int rc;

	if ((rc = ledger_size(l->ledger, &l->ledger_bytes, err)) ||
	    (rc = read_committed(s, &l->committed_bytes, err)))
		return rc;
	if (l->committed_bytes < 0 && l->ledger_bytes == 0) {
		if ((rc = record_empty(s, err)))
			return rc;
		l->committed_bytes = 0;
	}
	if (l->committed_bytes >= 0 && l->ledger_bytes > l->committed_bytes) {
		if ((rc = ledger_truncate(l->ledger, l->committed_bytes, err)))
			return rc;
		l->truncated_bytes = l->ledger_bytes - l->committed_bytes;
		l->ledger_bytes = l->committed_bytes;
	}
	ledger_seek(l->ledger, l->ledger_bytes);
	return 0;
}

int locker_open(const char *state_dir, struct store *store,
		struct locker **out, struct error *err)
{
	struct locker *l = calloc(1, sizeof(*l));
	int rc;

	*out = NULL;
	if (!l)
		return error_set(err, ERR_NOMEM, "out of memory");
	l->lock_fd = -1;
	if (!text_copy(l->state_dir, sizeof(l->state_dir), state_dir)) {
		free(l);
		return error_set(err, ERR_LIMIT, "path too long: %s", state_dir);
	}
	if ((rc = take_lock(l, err)) ||
	    (rc = objects_open(state_dir, true, &l->objects, err)) ||
	    (rc = ledger_open(state_dir, &l->ledger, err)) ||
	    (rc = recover(l, store, err))) {
		locker_close(l);
		return rc;
	}
	*out = l;
	return 0;
}

void locker_close(struct locker *l)
{
	if (!l)
		return;
	objects_free(l->objects);
	ledger_close(l->ledger);
	if (l->lock_fd >= 0)
		close(l->lock_fd);   /* releases the flock */
	free(l);
}

int locker_check_writable(const struct locker *l, struct error *err)
{
	if (l->committed_bytes < 0)
		return error_set(err, ERR_INTEGRITY,
				 "%s holds %lld bytes but the database records no ledger (was .attest/attest.db replaced?); run 'attest evidence verify'",
				 ledger_path(l->ledger), (long long)l->ledger_bytes);
	if (l->ledger_bytes < l->committed_bytes)
		return error_set(err, ERR_INTEGRITY,
				 "%s is shorter than committed (%lld < %lld bytes): entries were removed; run 'attest evidence verify'",
				 ledger_path(l->ledger), (long long)l->ledger_bytes,
				 (long long)l->committed_bytes);
	return 0;
}

int locker_cat(const struct objects *o, const char *digest, void *out_file,
	       struct error *err)
{
	char path[1200], got[DIGEST_TEXT_SIZE], chunk[1 << 16];
	struct digest_ctx *c;
	FILE *in;
	size_t n;
	int rc;

	if ((rc = objects_path(o, digest, path, sizeof(path), err)))
		return rc;
	if (!(in = fopen(path, "rb")))
		return error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
				 "object %s: cannot open %s: %s", digest, path,
				 strerror(errno));
	if ((rc = digest_begin(&c, err))) {
		fclose(in);
		return rc;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0) {
		if ((rc = digest_update(c, chunk, n, err)))
			break;
		if (fwrite(chunk, 1, n, out_file) != n) {
			rc = error_set(err, ERR_IO, "write error: %s", strerror(errno));
			break;
		}
	}
	if (!rc && ferror(in))
		rc = error_set(err, ERR_IO, "cannot read %s", path);
	fclose(in);
	if (rc) {
		digest_free(c);
		return rc;
	}
	if ((rc = digest_end(c, got, err)))
		return rc;
	if (strcmp(got, digest) != 0)
		return error_set(err, ERR_INTEGRITY,
				 "object %s was altered: its content hashes to %s",
				 digest, got);
	return 0;
}
