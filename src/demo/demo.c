/* demo.c - writing the demo workspace (see demo.h). */
#include "demo/demo.h"

#include <stdio.h>
#include <string.h>

#include "util/embedded.h"
#include "util/fs.h"
#include "util/text.h"
#include "workspace/workspace.h"

static int write_embedded(const char *dir, const struct embedded_file *f,
			  struct error *err)
{
	char path[2048];
	char *slash;
	int rc;

	/* "demo/sources/hr/roster.csv" -> DIR/sources/hr/roster.csv */
	if (snprintf(path, sizeof(path), "%s/%s", dir, f->name + strlen("demo/")) >=
	    (int)sizeof(path))
		return error_set(err, ERR_LIMIT, "path too long under %s", dir);
	slash = strrchr(path, '/');
	*slash = '\0';
	rc = fs_mkdir_p(path, false, err);
	*slash = '/';
	return rc ? rc : fs_write_atomic(path, f->data, f->size, err);
}

int demo_write(const char *dir, struct error *err)
{
	int rc = workspace_init(dir, "Acme Health", err);

	if (rc)
		return rc;
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (!text_starts_with(f->name, "demo/"))
			continue;
		if ((rc = write_embedded(dir, f, err)))
			return rc;
	}
	return demo_write_cloudtrail(dir, err);
}
