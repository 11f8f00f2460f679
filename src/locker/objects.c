/*
 * objects.c - content-addressed object store with batched durability
 * (see objects.h for the protocol and why it is safe to kill at any time).
 */
#ifdef __linux__
#define _GNU_SOURCE /* syncfs(2) */
#endif
#include "locker/objects.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fs.h"
#include "util/text.h"

/* A batch is flushed when it holds this many objects or bytes: bounds the
 * temp files left behind and the memory of the pending set. */
#define BATCH_OBJECTS 4096
#define BATCH_BYTES ((size_t)256 << 20)
#define SET_SLOTS (BATCH_OBJECTS * 2)   /* power of two, load <= 1/2 */
#define HEX_OFFSET (sizeof(DIGEST_PREFIX) - 1)

struct objects {
	char dir[1024];                      /* .../objects/sha256 */
	char (*pending)[DIGEST_HEX_SIZE];    /* hex of pending objects */
	size_t pending_count;
	size_t pending_bytes;
	int32_t set[SET_SLOTS];              /* index+1 into pending; 0 free */
	unsigned char touched[256];          /* shard directories to fsync */
	bool top_touched;                    /* a shard directory was created */
};

static int shard_of(const char *hex)
{
	int v = 0;

	for (int i = 0; i < 2; i++) {
		char c = hex[i];
		v = v * 16 + (c <= '9' ? c - '0' : c - 'a' + 10);
	}
	return v;
}

int objects_open(const char *state_dir, bool create, struct objects **out,
		 struct error *err)
{
	struct objects *o;
	int n, rc;

	*out = NULL;
	o = calloc(1, sizeof(*o));
	if (!o || !(o->pending = calloc(BATCH_OBJECTS, sizeof(*o->pending)))) {
		free(o);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	n = snprintf(o->dir, sizeof(o->dir), "%s/objects/sha256", state_dir);
	if (n < 0 || (size_t)n >= sizeof(o->dir)) {
		objects_free(o);
		return error_set(err, ERR_LIMIT, "path too long: %s", state_dir);
	}
	if (!fs_is_dir(o->dir)) {
		if (!create) {
			objects_free(o);
			return error_set(err, ERR_NOTFOUND, "no evidence locker at %s",
					 o->dir);
		}
		if ((rc = fs_mkdir_p(o->dir, false, err))) {
			objects_free(o);
			return rc;
		}
	}
	*out = o;
	return 0;
}

void objects_free(struct objects *o)
{
	char path[1200];

	if (!o)
		return;
	for (size_t i = 0; i < o->pending_count; i++) {
		const char *hex = o->pending[i];
		snprintf(path, sizeof(path), "%s/%.2s/.tmp-%s", o->dir, hex, hex + 2);
		unlink(path);
	}
	free(o->pending);
	free(o);
}

int objects_path(const struct objects *o, const char *digest, char *out,
		 size_t out_size, struct error *err)
{
	const char *hex = digest + HEX_OFFSET;
	int n;

	if (!digest_valid(digest))
		return error_set(err, ERR_INPUT, "not a sha256 digest: %s", digest);
	n = snprintf(out, out_size, "%s/%.2s/%s", o->dir, hex, hex + 2);
	if (n < 0 || (size_t)n >= out_size)
		return error_set(err, ERR_LIMIT, "path too long: %s", o->dir);
	return 0;
}

size_t objects_pending(const struct objects *o)
{
	return o->pending_count;
}

/* The pending-set slot for hex: where it is, or the free slot to use. */
static size_t set_slot(const struct objects *o, const char *hex)
{
	uint32_t h = 2166136261u;

	for (int i = 0; i < 16; i++)
		h = (h ^ (unsigned char)hex[i]) * 16777619u;
	for (size_t s = h & (SET_SLOTS - 1);; s = (s + 1) & (SET_SLOTS - 1)) {
		int32_t v = o->set[s];
		if (v == 0 || memcmp(o->pending[v - 1], hex, 64) == 0)
			return s;
	}
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static int make_shard(struct objects *o, const char *hex, struct error *err)
{
	char dir[1100];

	snprintf(dir, sizeof(dir), "%s/%.2s", o->dir, hex);
	if (mkdir(dir, 0755) == 0)
		o->top_touched = true;
	else if (errno != EEXIST)
		return error_set(err, ERR_IO, "cannot create %s: %s", dir,
				 strerror(errno));
	return 0;
}

int objects_put(struct objects *o, const char *digest, const void *data,
		size_t len, bool *created, struct error *err)
{
	char final[1200], tmp[1200];
	const char *hex = digest + HEX_OFFSET;
	struct stat st;
	size_t slot;
	int fd, rc;

	*created = false;
	if ((rc = objects_path(o, digest, final, sizeof(final), err)))
		return rc;
	slot = set_slot(o, hex);
	if (o->set[slot] || stat(final, &st) == 0)
		return 0;
	if (o->pending_count == BATCH_OBJECTS ||
	    o->pending_bytes + len > BATCH_BYTES) {
		if ((rc = objects_flush(o, err)))
			return rc;
		slot = set_slot(o, hex);
	}
	if ((rc = make_shard(o, hex, err)))
		return rc;
	snprintf(tmp, sizeof(tmp), "%s/%.2s/.tmp-%s", o->dir, hex, hex + 2);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0444);
	if (fd < 0)
		return error_set(err, ERR_IO, "cannot create %s: %s", tmp,
				 strerror(errno));
	if (write_all(fd, data, len) || close(fd)) {
		rc = error_set(err, ERR_IO, "cannot write %s: %s", tmp,
			       strerror(errno));
		unlink(tmp);
		return rc;
	}
	memcpy(o->pending[o->pending_count], hex, DIGEST_HEX_SIZE);
	o->pending_count++;
	o->set[slot] = (int32_t)o->pending_count;
	o->pending_bytes += len;
	*created = true;
	return 0;
}

static int fsync_path(const char *path, struct error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	int rc = 0;

	if (fd < 0)
		return error_set(err, ERR_IO, "cannot open %s: %s", path,
				 strerror(errno));
	if (fsync(fd))
		rc = error_set(err, ERR_IO, "cannot sync %s: %s", path,
			       strerror(errno));
	close(fd);
	return rc;
}

/* Makes the content of every pending temp file durable. */
static int sync_pending(struct objects *o, struct error *err)
{
	char tmp[1200];
	int rc;

#ifdef __linux__
	int fd = open(o->dir, O_RDONLY | O_CLOEXEC);

	if (fd >= 0) {
		rc = syncfs(fd);
		close(fd);
		if (rc == 0)
			return 0;
	}
#endif
	for (size_t i = 0; i < o->pending_count; i++) {
		const char *hex = o->pending[i];
		snprintf(tmp, sizeof(tmp), "%s/%.2s/.tmp-%s", o->dir, hex, hex + 2);
		if ((rc = fsync_path(tmp, err)))
			return rc;
	}
	return 0;
}

static int sync_directories(struct objects *o, struct error *err);

int objects_flush(struct objects *o, struct error *err)
{
	char tmp[1200], final[1200];
	int rc;

	if (o->pending_count == 0)
		return 0;
	if ((rc = sync_pending(o, err)))
		return rc;
	for (size_t i = 0; i < o->pending_count; i++) {
		const char *hex = o->pending[i];
		snprintf(tmp, sizeof(tmp), "%s/%.2s/.tmp-%s", o->dir, hex, hex + 2);
		snprintf(final, sizeof(final), "%s/%.2s/%s", o->dir, hex, hex + 2);
		if (rename(tmp, final))
			return error_set(err, ERR_IO, "cannot rename %s: %s", tmp,
					 strerror(errno));
		o->touched[shard_of(hex)] = 1;
	}
	o->pending_count = 0;
	o->pending_bytes = 0;
	memset(o->set, 0, sizeof(o->set));
	return sync_directories(o, err);
}

/* Makes the renames durable: one fsync per touched shard directory, or,
 * when many were touched, one syncfs (a directory fsync costs a journal
 * commit each on ext4: 256 of them took 1.3 s where one syncfs takes 0.1). */
static int sync_directories(struct objects *o, struct error *err)
{
	char tmp[1200];
	int touched = 0, rc;

	for (int s = 0; s < 256; s++)
		touched += o->touched[s];
#ifdef __linux__
	if (touched > 8) {
		int fd = open(o->dir, O_RDONLY | O_CLOEXEC);
		if (fd >= 0 && syncfs(fd) == 0) {
			close(fd);
			memset(o->touched, 0, sizeof(o->touched));
			o->top_touched = false;
			return 0;
		}
		if (fd >= 0)
			close(fd);
	}
#endif
	for (int s = 0; s < 256; s++) {
		if (!o->touched[s])
			continue;
		snprintf(tmp, sizeof(tmp), "%s/%02x", o->dir, (unsigned)s);
		if ((rc = fsync_path(tmp, err)))
			return rc;
		o->touched[s] = 0;
	}
	if (o->top_touched) {
		if ((rc = fsync_path(o->dir, err)))
			return rc;
		o->top_touched = false;
	}
	return 0;
}
