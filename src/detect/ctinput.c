/*
 * ctinput.c - where the CloudTrail reader's bytes come from: a plain file
 * read in chunks, a gzip file inflated whole by libdeflate (fast path), or
 * a gzip stream inflated by zlib into a bounded window (large, multi-member
 * or damaged files).  See ctinternal.h for the window contract.
 */
#include "detect/ctinternal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libdeflate.h>

static int window_make_room(struct ct_input *in, struct error *err)
{
	struct ct_reader *r = in->r;

	if (in->pos > 0) {
		memmove(r->win, r->win + in->pos, in->len - in->pos);
		in->base += in->pos;
		in->len -= in->pos;
		in->pos = 0;
	}
	if (in->len + 1 >= r->win_cap) {
		size_t ncap = r->win_cap * 2;
		char *n;

		if (r->win_cap >= CT_RECORD_MAX + CT_READ_CHUNK)
			return error_set(err, ERR_LIMIT,
					 "record larger than %zu bytes at offset "
					 "%llu", CT_RECORD_MAX,
					 (unsigned long long)in->base);
		n = realloc(r->win, ncap);
		if (!n)
			return error_set(err, ERR_NOMEM, "out of memory");
		r->win = n;
		r->win_cap = ncap;
	}
	in->data = r->win;
	return 0;
}

static int read_some(int fd, void *dst, size_t cap, size_t *got,
		     struct error *err)
{
	ssize_t n;

	do
		n = read(fd, dst, cap);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return error_set(err, ERR_IO, "read: %s", strerror(errno));
	*got = (size_t)n;
	return 0;
}

static int fill_plain(struct ct_input *in, struct error *err)
{
	size_t got = 0;
	int rc = window_make_room(in, err);

	if (rc)
		return rc;
	rc = read_some(in->fd, in->r->win + in->len,
		       in->r->win_cap - 1 - in->len, &got, err);
	if (rc)
		return rc;
	if (got == 0)
		in->eof = true;
	in->len += got;
	in->r->win[in->len] = '\0';
	return 0;
}

/* Gives zlib more compressed input; false when there is none left. */
static int feed_zlib(struct ct_input *in, struct error *err)
{
	size_t got = 0;

	if (in->mem) {
		size_t n = in->mem_len - in->mem_pos;

		if (n > UINT32_MAX)
			n = UINT32_MAX;
		in->z.next_in = (unsigned char *)(uintptr_t)(in->mem + in->mem_pos);
		in->z.avail_in = (uInt)n;
		in->mem_pos += n;
		return 0;
	}
	if (read_some(in->fd, in->r->zin, CT_ZIN_CHUNK, &got, err))
		return err->code;
	in->z.next_in = in->r->zin;
	in->z.avail_in = (uInt)got;
	return 0;
}

static int fill_gzip(struct ct_input *in, struct error *err)
{
	size_t before;
	int rc = window_make_room(in, err);

	if (rc)
		return rc;
	before = in->len;
	while (in->len == before && !in->eof) {
		int zr;

		if (in->z.avail_in == 0) {
			if ((rc = feed_zlib(in, err)))
				return rc;
			if (in->z.avail_in == 0) {
				if (!in->z_end)
					return error_set(err, ERR_INPUT,
							 "truncated gzip data");
				in->eof = true;
				break;
			}
		}
		if (in->z_end) {
			/* Another member follows, or trailing junk. */
			if (in->z.next_in[0] != 0x1f) {
				in->eof = true;
				break;
			}
			inflateReset(&in->z);
			in->z_end = false;
		}
		in->z.next_out = (unsigned char *)in->r->win + in->len;
		in->z.avail_out = (uInt)(in->r->win_cap - 1 - in->len);
		zr = inflate(&in->z, Z_NO_FLUSH);
		in->len = in->r->win_cap - 1 - in->z.avail_out;
		if (zr == Z_STREAM_END)
			in->z_end = true;
		else if (zr != Z_OK && zr != Z_BUF_ERROR)
			return error_set(err, ERR_INPUT, "corrupt gzip data: %s",
					 in->z.msg ? in->z.msg : "inflate failed");
	}
	in->r->win[in->len] = '\0';
	return 0;
}

static int start_zlib(struct ct_input *in, struct error *err)
{
	struct ct_reader *r = in->r;

	if (!r->zin && !(r->zin = malloc(CT_ZIN_CHUNK)))
		return error_set(err, ERR_NOMEM, "out of memory");
	memset(&in->z, 0, sizeof(in->z));
	if (inflateInit2(&in->z, 16 + MAX_WBITS) != Z_OK)
		return error_set(err, ERR_NOMEM, "zlib initialisation failed");
	in->z_live = true;
	in->fill = fill_gzip;
	in->data = r->win;
	return 0;
}

static int grow(void **p, size_t *cap, size_t need, struct error *err)
{
	void *n;

	if (*cap >= need)
		return 0;
	need += need / 4 + ((size_t)1 << 20);  /* headroom: one realloc, not one per file */
	n = realloc(*p, need);
	if (!n)
		return error_set(err, ERR_NOMEM, "out of memory");
	*p = n;
	*cap = need;
	return 0;
}

/* The fast path: the whole member inflated in one libdeflate call.  Returns
 * 1 when it worked, 0 to fall back to zlib streaming, <0 on error. */
static int try_whole_gzip(struct ct_input *in, const unsigned char *z,
			  size_t n, struct error *err)
{
	struct ct_reader *r = in->r;
	size_t isize, in_used = 0, out_got = 0;
	enum libdeflate_result res;
	int rc;

	if (n < 18 || n > r->gz_whole_max)
		return 0;
	isize = (size_t)z[n - 4] | (size_t)z[n - 3] << 8 |
		(size_t)z[n - 2] << 16 | (size_t)z[n - 1] << 24;
	if (isize == 0 || isize > r->gz_whole_max)
		return 0;
	if (!r->dd && !(r->dd = libdeflate_alloc_decompressor()))
		return error_set(err, ERR_NOMEM, "out of memory");
	if ((rc = grow((void **)&r->obuf, &r->obuf_cap, isize + 1, err)))
		return rc;
	res = libdeflate_gzip_decompress_ex(r->dd, z, n, r->obuf, isize,
					    &in_used, &out_got);
	if (res != LIBDEFLATE_SUCCESS || in_used != n || out_got != isize)
		return 0;
	r->obuf[out_got] = '\0';
	in->data = r->obuf;
	in->len = out_got;
	in->eof = true;
	in->fill = NULL;
	return 1;
}

static void input_init(struct ct_input *in, struct ct_reader *r)
{
	memset(in, 0, sizeof(*in));
	in->r = r;
	in->fd = -1;
	in->data = r->win;
}

int ct_input_open_mem(struct ct_input *in, struct ct_reader *r,
		      const void *data, size_t len, struct error *err)
{
	const unsigned char *d = data;
	int rc;

	input_init(in, r);
	if (len >= 2 && d[0] == 0x1f && d[1] == 0x8b) {
		in->gz = true;
		rc = try_whole_gzip(in, d, len, err);
		if (rc)
			return rc < 0 ? rc : 0;
		in->mem = d;
		in->mem_len = len;
		return start_zlib(in, err);
	}
	in->data = data;
	in->len = len;
	in->eof = true;
	return 0;
}

static int read_all(int fd, unsigned char *dst, size_t n, struct error *err)
{
	size_t done = 0;

	while (done < n) {
		size_t got = 0;

		if (read_some(fd, dst + done, n - done, &got, err))
			return err->code;
		if (got == 0)
			break;
		done += got;
	}
	if (done != n)
		return error_set(err, ERR_IO, "file shrank while reading");
	return 0;
}

static int open_gzip_file(struct ct_input *in, off_t size, struct error *err)
{
	struct ct_reader *r = in->r;
	int rc;

	in->gz = true;
	if ((size_t)size <= r->gz_whole_max && size > 0) {
		rc = grow((void **)&r->zbuf, &r->zbuf_cap, (size_t)size, err);
		if (!rc)
			rc = read_all(in->fd, r->zbuf, (size_t)size, err);
		if (rc)
			return rc;
		rc = try_whole_gzip(in, r->zbuf, (size_t)size, err);
		if (rc)
			return rc < 0 ? rc : 0;
		in->mem = r->zbuf;
		in->mem_len = (size_t)size;
		return start_zlib(in, err);
	}
	if (lseek(in->fd, 0, SEEK_SET) < 0)
		return error_set(err, ERR_IO, "seek: %s", strerror(errno));
	return start_zlib(in, err);
}

int ct_input_open_file(struct ct_input *in, struct ct_reader *r,
		       const char *path, struct error *err)
{
	struct stat st;
	unsigned char magic[2];
	size_t got = 0;
	int rc;

	input_init(in, r);
	in->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (in->fd < 0)
		return error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
				 "cannot open: %s", strerror(errno));
	if (fstat(in->fd, &st) < 0)
		return error_set(err, ERR_IO, "stat: %s", strerror(errno));
	if (!S_ISREG(st.st_mode))
		return error_set(err, ERR_INPUT, "not a regular file");
	rc = read_some(in->fd, magic, 2, &got, err);
	if (rc)
		return rc;
	if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
		if (lseek(in->fd, 0, SEEK_SET) < 0)
			return error_set(err, ERR_IO, "seek: %s", strerror(errno));
		return open_gzip_file(in, st.st_size, err);
	}
	memcpy(r->win, magic, got);
	r->win[got] = '\0';
	in->len = got;
	in->fill = fill_plain;
	return 0;
}

void ct_input_close(struct ct_input *in)
{
	if (in->z_live)
		inflateEnd(&in->z);
	if (in->fd >= 0)
		close(in->fd);
	in->z_live = false;
	in->fd = -1;
}
