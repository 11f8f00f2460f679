/*
 * walk.c - which files an import reads, in which order (see import.h).
 * Sorted byte-wise per directory so two imports of the same tree assign the
 * same sequence numbers in the same order.
 */
#include "import/import.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"
#include "util/text.h"

#define WALK_DEPTH_MAX 64

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool skipped(const char *name)
{
	return name[0] == '.' || text_starts_with(name, "README") ||
	       text_starts_with(name, "readme") || text_starts_with(name, "Readme");
}

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The sorted names of a directory, without skipped ones. */
static int list_dir(const char *dir, char ***out, size_t *count,
		    struct error *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;

	*out = NULL;
	*count = 0;
	if (!d)
		return error_set(err, ERR_IO, "cannot read directory %s: %s", dir,
				 strerror(errno));
	while ((de = readdir(d))) {
		if (skipped(de->d_name))
			continue;
		if (n == cap) {
			char **p = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof(*p));
			if (!p)
				goto nomem;
			names = p;
		}
		if (!(names[n] = text_dup(de->d_name)))
			goto nomem;
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), compare_names);
	*out = names;
	*count = n;
	return 0;
nomem:
	closedir(d);
	free_names(names, n);
	return error_set(err, ERR_NOMEM, "out of memory");
}

struct walk {
	const char *root;
	struct buf full;   /* root/rel */
	size_t root_len;   /* length of "root/" in full */
	import_walk_fn fn;
	void *arg;
};

static int walk_at(struct walk *w, int depth, struct error *err);

static int walk_dir(struct walk *w, int depth, struct error *err)
{
	char **names;
	size_t n, len = w->full.len;
	int rc;

	if (depth > WALK_DEPTH_MAX)
		return error_set(err, ERR_LIMIT, "%s: directories nested too deeply",
				 w->full.data + w->root_len);
	if ((rc = list_dir(w->full.data, &names, &n, err)))
		return rc;
	for (size_t i = 0; i < n && !rc; i++) {
		buf_truncate(&w->full, len);
		if (buf_addch(&w->full, '/') || buf_adds(&w->full, names[i]))
			rc = error_set(err, ERR_LIMIT, "path too long in %s", w->full.data);
		else
			rc = walk_at(w, depth + 1, err);
	}
	buf_truncate(&w->full, len);
	free_names(names, n);
	return rc;
}

static int walk_at(struct walk *w, int depth, struct error *err)
{
	struct stat st;

	if (lstat(w->full.data, &st))
		return error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
				 "%s: %s", w->full.data + w->root_len, strerror(errno));
	if (S_ISDIR(st.st_mode))
		return walk_dir(w, depth, err);
	if (S_ISLNK(st.st_mode) && (stat(w->full.data, &st) || !S_ISREG(st.st_mode)))
		return 0;   /* symlinked directories and dangling links */
	if (!S_ISREG(st.st_mode))
		return 0;
	return w->fn(w->arg, w->full.data + w->root_len, err);
}

int import_walk(const char *root, const char *rel, import_walk_fn fn,
		void *arg, struct error *err)
{
	struct walk w = {.root = root, .fn = fn, .arg = arg};
	int rc;

	buf_init(&w.full, PATH_MAX * 4);
	if (buf_printf(&w.full, "%s/", root)) {
		buf_release(&w.full);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	w.root_len = w.full.len;
	if (buf_adds(&w.full, rel)) {
		buf_release(&w.full);
		return error_set(err, ERR_LIMIT, "path too long: %s", rel);
	}
	if (!*rel)
		buf_truncate(&w.full, w.root_len - 1);
	rc = walk_at(&w, 0, err);
	buf_release(&w.full);
	return rc;
}

/* Lexically normalises a relative path: drops "." and empty parts,
 * resolves "..", and fails when it climbs out. */
static int normalise(const char *arg, char *out, size_t out_size,
		     struct error *err)
{
	size_t len = 0;
	const char *p = arg;

	out[0] = '\0';
	while (*p) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);

		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (len == 0)
				return error_set(err, ERR_USAGE,
						 "%s is outside the workspace", arg);
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			out[len] = '\0';
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			if (len + n + 2 > out_size)
				return error_set(err, ERR_LIMIT, "path too long: %s", arg);
			if (len)
				out[len++] = '/';
			memcpy(out + len, p, n);
			len += n;
			out[len] = '\0';
		}
		p += n;
		if (*p == '/')
			p++;
	}
	return 0;
}

int import_resolve(const char *root, const char *arg, char *out,
		   size_t out_size, struct error *err)
{
	char real_root[PATH_MAX], real_arg[PATH_MAX], full[PATH_MAX + 8];
	struct stat st;
	size_t n;
	int rc;

	if (arg[0] != '/') {
		if ((rc = normalise(arg, out, out_size, err)))
			return rc;
	} else {
		if (!realpath(root, real_root))
			return error_set(err, ERR_IO, "%s: %s", root, strerror(errno));
		if (!realpath(arg, real_arg))
			return error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
					 "%s: %s", arg, strerror(errno));
		n = strlen(real_root);
		if (strncmp(real_arg, real_root, n) != 0 ||
		    (real_arg[n] != '/' && real_arg[n] != '\0'))
			return error_set(err, ERR_USAGE,
					 "%s is outside the workspace %s", arg, root);
		if (!text_copy(out, out_size, real_arg[n] ? real_arg + n + 1 : ""))
			return error_set(err, ERR_LIMIT, "path too long: %s", arg);
	}
	snprintf(full, sizeof(full), "%s/%s", root, out);
	if (stat(full, &st))
		return error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
				 "%s: %s", arg, strerror(errno));
	return 0;
}
