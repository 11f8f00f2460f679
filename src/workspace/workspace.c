/* workspace.c - opening a workspace (attest.yaml) and joining its paths. */
#include "workspace/workspace.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/fs.h"
#include "util/text.h"

#define CONFIG_MAX_BYTES (1u << 20)

int workspace_path(const struct workspace *ws, const char *relative,
		   char *out, size_t out_size, struct error *err)
{
	int n;

	if (relative[0] == '/')
		n = snprintf(out, out_size, "%s", relative);
	else
		n = snprintf(out, out_size, "%s/%s", ws->root, relative);
	if (n < 0 || (size_t)n >= out_size)
		return error_set(err, ERR_LIMIT, "path too long: %s/%s", ws->root,
				 relative);
	return 0;
}

int workspace_open(const char *dir, struct workspace **out, struct error *err)
{
	struct workspace *ws;
	char *text = NULL;
	size_t len = 0;
	int rc;

	*out = NULL;
	ws = calloc(1, sizeof(*ws));
	if (!ws)
		return error_set(err, ERR_NOMEM, "out of memory");
	text_copy(ws->root, sizeof(ws->root), dir && *dir ? dir : ".");
	if ((rc = workspace_path(ws, "attest.yaml", ws->config_path,
				 sizeof(ws->config_path), err)) ||
	    (rc = workspace_path(ws, ".attest", ws->state_dir, sizeof(ws->state_dir), err)) ||
	    (rc = workspace_path(ws, ".attest/attest.db", ws->db_path,
				 sizeof(ws->db_path), err)))
		goto fail;
	rc = fs_read_file(ws->config_path, CONFIG_MAX_BYTES, &text, &len, err);
	if (rc == ERR_NOTFOUND) {
		rc = error_set(err, ERR_NOTFOUND,
			       "%s is not an attest workspace (no attest.yaml); create one with 'attest init %s'",
			       ws->root, ws->root);
		goto fail;
	}
	if (rc)
		goto fail;
	rc = config_parse(ws->config_path, text, len, &ws->config, err);
	free(text);
	if (rc)
		goto fail;
	*out = ws;
	return 0;
fail:
	free(ws);
	return rc;
}

void workspace_free(struct workspace *ws)
{
	free(ws);
}
