/*
 * ctwalk.c - expanding paths into the sorted list of CloudTrail files to
 * read (ct_list_files in ctreader.h).  Sorted by byte order of names at
 * every level so the file list, and everything derived from it, is the
 * same on every machine.
 */
#include "detect/ctreader.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"
#include "util/text.h"

#define WALK_DEPTH_MAX 32

static int list_add(struct ct_file_list *l, const char *path,
		    struct error *err)
{
	char *copy;

	if (l->len == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 64;
		char **n = realloc(l->paths, ncap * sizeof(*n));

		if (!n)
			return error_set(err, ERR_NOMEM, "out of memory");
		l->paths = n;
		l->cap = ncap;
	}
	copy = text_dup(path);
	if (!copy)
		return error_set(err, ERR_NOMEM, "out of memory");
	l->paths[l->len++] = copy;
	return 0;
}

static bool wanted_name(const char *name)
{
	return text_ends_with(name, ".json") || text_ends_with(name, ".json.gz") ||
	       text_ends_with(name, ".jsonl") ||
	       text_ends_with(name, ".jsonl.gz") ||
	       text_ends_with(name, ".ndjson");
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(struct ct_file_list *out, const char *dir, int depth,
		bool in_cloudtrail, bool cloudtrail_only, struct error *err);

static int visit(struct ct_file_list *out, const char *dir, const char *name,
		 int depth, bool in_ct, bool ct_only, struct error *err)
{
	struct buf path = BUF_INIT;
	struct stat st;
	int rc;

	if (buf_printf(&path, "%s/%s", dir, name))
		return error_set(err, ERR_NOMEM, "out of memory");
	if (stat(path.data, &st) < 0) {
		rc = 0;  /* dangling link or raced away: nothing to read */
	} else if (S_ISDIR(st.st_mode)) {
		rc = 0;
		if (strcmp(name, "CloudTrail-Digest") != 0 &&
		    strcmp(name, "CloudTrail-Insight") != 0)
			rc = walk(out, path.data, depth + 1,
				  in_ct || strcmp(name, "CloudTrail") == 0,
				  ct_only, err);
	} else if (S_ISREG(st.st_mode) && wanted_name(name) &&
		   (in_ct || !ct_only)) {
		rc = list_add(out, path.data, err);
	} else {
		rc = 0;
	}
	buf_release(&path);
	return rc;
}

static int walk(struct ct_file_list *out, const char *dir, int depth,
		bool in_ct, bool ct_only, struct error *err)
{
	DIR *d;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (depth > WALK_DEPTH_MAX)
		return 0;
	d = opendir(dir);
	if (!d) {
		error_set_file(err, dir);
		return error_set(err, ERR_IO, "cannot read directory: %s",
				 strerror(errno));
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 32;
			char **nn = realloc(names, ncap * sizeof(*nn));

			if (!nn) {
				rc = error_set(err, ERR_NOMEM, "out of memory");
				break;
			}
			names = nn;
			cap = ncap;
		}
		if (!(names[n] = text_dup(de->d_name))) {
			rc = error_set(err, ERR_NOMEM, "out of memory");
			break;
		}
		n++;
	}
	closedir(d);
	if (!rc && n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (size_t i = 0; i < n; i++) {
		if (!rc)
			rc = visit(out, dir, names[i], depth, in_ct, ct_only, err);
		free(names[i]);
	}
	free(names);
	return rc;
}

int ct_list_files(struct ct_file_list *out, const char *const *paths,
		  size_t n, bool cloudtrail_only, struct error *err)
{
	memset(out, 0, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		int rc;

		if (stat(paths[i], &st) < 0) {
			error_set_file(err, paths[i]);
			rc = error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
				       "%s", strerror(errno));
		} else if (S_ISDIR(st.st_mode)) {
			size_t len = strlen(paths[i]);
			char *dir = text_dup(paths[i]);

			/* "dir/" and "dir" give the same paths */
			while (dir && len > 1 && dir[len - 1] == '/')
				dir[--len] = '\0';
			rc = dir ? walk(out, dir, 0, false, cloudtrail_only, err)
				 : error_set(err, ERR_NOMEM, "out of memory");
			free(dir);
		} else {
			rc = list_add(out, paths[i], err);
		}
		if (rc) {
			ct_file_list_release(out);
			return rc;
		}
	}
	return 0;
}

void ct_file_list_release(struct ct_file_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->len; i++)
		free(l->paths[i]);
	free(l->paths);
	memset(l, 0, sizeof(*l));
}
