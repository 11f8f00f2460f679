/* aws_common.c - AWS workspace paths and fact keys (see aws_common.h). */
#include "importers/aws_common.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "importers/json_util.h"
#include "util/buf.h"
#include "util/text.h"

/* Fact keys embed ARNs (at most 2048 characters) and names; anything
 * longer than this is not a real export. */
#define AWS_KEY_MAX ((size_t)16 << 10)

bool aws_account_id_valid(const char *s, size_t n)
{
	if (n != 12)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

const char *aws_path_rest(const char *path)
{
	const char *folder, *slash;

	if (!path || !text_starts_with(path, AWS_PREFIX))
		return NULL;
	folder = path + strlen(AWS_PREFIX);
	slash = strchr(folder, '/');
	if (!slash || slash == folder || !slash[1])
		return NULL;
	return slash + 1;
}

bool aws_path_is(const char *path, const char *stem, bool paged)
{
	const char *rest = aws_path_rest(path);
	size_t n = strlen(stem);
	const char *p;

	if (!rest || strncmp(rest, stem, n) != 0)
		return false;
	p = rest + n;
	if (strcmp(p, ".json") == 0)
		return true;
	if (!paged || *p != '.' || !(p[1] >= '0' && p[1] <= '9'))
		return false;
	p++;
	while (*p >= '0' && *p <= '9')
		p++;
	return strcmp(p, ".json") == 0;
}

/* Start and length of the resource part, or false. */
static bool resource_span(const char *path, const char *prefix,
			  const char *suffix, const char **start, size_t *len)
{
	const char *rest = aws_path_rest(path);
	size_t n, pn = strlen(prefix), sn = strlen(suffix);

	if (!rest || strchr(rest, '/'))
		return false;
	n = strlen(rest);
	if (n <= pn + sn || strncmp(rest, prefix, pn) != 0 ||
	    strcmp(rest + n - sn, suffix) != 0)
		return false;
	*start = rest + pn;
	*len = n - pn - sn;
	return true;
}

bool aws_path_has_resource(const char *path, const char *prefix,
			   const char *suffix)
{
	const char *start;
	size_t len;

	return resource_span(path, prefix, suffix, &start, &len);
}

int aws_path_resource(const char *path, const char *prefix,
		      const char *suffix, char *out, size_t out_size,
		      struct error *err)
{
	const char *start;
	size_t len;

	if (!resource_span(path, prefix, suffix, &start, &len))
		return error_input(err, NULL, 0, NULL, NULL,
				   "file name must be %s<name>%s", prefix,
				   suffix);
	if (!json_util_utf8_valid(start, len, NULL))
		return error_input(err, NULL, 0, NULL, NULL,
				   "file name is not valid UTF-8");
	if (len >= out_size)
		return error_input(err, NULL, 0, NULL, NULL,
				   "name in the file name is longer than %zu "
				   "characters", out_size - 1);
	memcpy(out, start, len);
	out[len] = '\0';
	return 0;
}

int aws_account_from_path(const char *path, struct aws_account *acct,
			  struct error *err)
{
	const char *folder, *slash;

	memset(acct, 0, sizeof(*acct));
	if (!path || !text_starts_with(path, AWS_PREFIX))
		return error_input(err, NULL, 0, NULL, NULL,
				   "AWS exports belong under "
				   "sources/aws/<account-id>/");
	folder = path + strlen(AWS_PREFIX);
	slash = strchr(folder, '/');
	if (!slash)
		slash = folder + strlen(folder);
	if (!aws_account_id_valid(folder, (size_t)(slash - folder)))
		return error_input(err, NULL, 0, NULL, NULL,
				   "folder \"%.*s\" is not a 12-digit AWS "
				   "account id (expected "
				   "sources/aws/<account-id>/...)",
				   (int)(slash - folder > 64 ? 64 : slash - folder),
				   folder);
	memcpy(acct->id, folder, 12);
	acct->id[12] = '\0';
	snprintf(acct->system, sizeof(acct->system), "aws:%s", acct->id);
	return 0;
}

int aws_fact_add(struct fact_list *facts, const char *kind, json_t *data,
		 struct error *err, const char *key_fmt, ...)
{
	struct buf key;
	va_list ap;
	int rc;

	if (!data)
		return error_set(err, ERR_NOMEM, "out of memory");
	buf_init(&key, AWS_KEY_MAX);
	va_start(ap, key_fmt);
	rc = buf_vprintf(&key, key_fmt, ap);
	va_end(ap);
	if (rc) {
		json_decref(data);
		buf_release(&key);
		return error_set(err, rc, "%s key too long", kind);
	}
	rc = fact_list_add(facts, kind, buf_cstr(&key), data);
	buf_release(&key);
	if (rc)
		return error_set(err, rc, "out of memory");
	return 0;
}
