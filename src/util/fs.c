/* fs.c - bounded reads, atomic writes, mkdir -p (see fs.h). */
#include "util/fs.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/text.h"

int fs_read_file(const char *path, size_t max, char **data, size_t *len,
		 struct error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *p;
	size_t got = 0;

	*data = NULL;
	if (len)
		*len = 0;
	if (fd < 0)
		return error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
				 "cannot open %s: %s", path, strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return error_set(err, ERR_IO, "%s is not a regular file", path);
	}
	if ((size_t)st.st_size > max) {
		close(fd);
		return error_set(err, ERR_LIMIT, "%s is larger than %zu bytes", path, max);
	}
	p = malloc((size_t)st.st_size + 1);
	if (!p) {
		close(fd);
		return error_set(err, ERR_NOMEM, "out of memory reading %s", path);
	}
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, p + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = errno;

			free(p);
			close(fd);
			return error_set(err, ERR_IO, "cannot read %s: %s", path,
					 n == 0 ? "file shrank while reading" : strerror(e));
		}
		got += (size_t)n;
	}
	close(fd);
	p[got] = '\0';
	*data = p;
	if (len)
		*len = got;
	return 0;
}

static int fsync_dir_of(const char *path)
{
	char dir[4096];
	char *slash;
	int fd, rc;

	text_copy(dir, sizeof(dir), path);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		text_copy(dir, sizeof(dir), ".");
	fd = open(dir[0] ? dir : "/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int fs_write_atomic(const char *path, const void *data, size_t len,
		    struct error *err)
{
	char tmp[4096];
	int fd;
	size_t done = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp-XXXXXX", path) >= (int)sizeof(tmp))
		return error_set(err, ERR_LIMIT, "path too long: %s", path);
	fd = mkstemp(tmp);
	if (fd < 0)
		return error_set(err, ERR_IO, "cannot create %s: %s", tmp, strerror(errno));
	while (done < len) {
		ssize_t n = write(fd, (const char *)data + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = errno;

			close(fd);
			unlink(tmp);
			return error_set(err, ERR_IO, "cannot write %s: %s", path, strerror(e));
		}
		done += (size_t)n;
	}
	if (fchmod(fd, 0644) || fsync(fd) || close(fd)) {
		int e = errno;

		unlink(tmp);
		return error_set(err, ERR_IO, "cannot write %s: %s", path, strerror(e));
	}
	if (rename(tmp, path)) {
		int e = errno;

		unlink(tmp);
		return error_set(err, ERR_IO, "cannot rename %s into place: %s", path,
				 strerror(e));
	}
	fsync_dir_of(path);
	return 0;
}

int fs_mkdir_p(const char *path, bool private_dir, struct error *err)
{
	char buf[4096];
	mode_t mode = private_dir ? 0700 : 0755;

	if (!text_copy(buf, sizeof(buf), path))
		return error_set(err, ERR_LIMIT, "path too long: %s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0755) && errno != EEXIST)
			return error_set(err, ERR_IO, "cannot create directory %s: %s",
					 buf, strerror(errno));
		*p = '/';
	}
	if (mkdir(buf, mode) && errno != EEXIST)
		return error_set(err, ERR_IO, "cannot create directory %s: %s", buf,
				 strerror(errno));
	return 0;
}

bool fs_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

bool fs_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
