/*
 * workspace.h - an attest workspace on disk (shared/FORMATS.md "Workspace"):
 *
 *   attest.yaml  controls/  policies/  registers/  sources/  rules/  .attest/
 *
 * workspace_open() reads and validates attest.yaml (errors name file, line
 * and key) and knows where everything lives; it does not open the database
 * (see store.h) so commands that only read YAML stay cheap.
 */
#ifndef ATTEST_WORKSPACE_WORKSPACE_H
#define ATTEST_WORKSPACE_WORKSPACE_H

#include <stddef.h>

#include "core/config.h"
#include "util/error.h"

#define WORKSPACE_PATH_MAX 1024

struct workspace {
	char root[WORKSPACE_PATH_MAX];       /* as given (-C DIR or ".") */
	char config_path[WORKSPACE_PATH_MAX]; /* root/attest.yaml */
	char state_dir[WORKSPACE_PATH_MAX];  /* root/.attest */
	char db_path[WORKSPACE_PATH_MAX];    /* root/.attest/attest.db */
	struct config config;
};

/* Opens the workspace at `dir`.  ERR_NOTFOUND when dir has no attest.yaml
 * (message says to run `attest init`); ERR_INPUT for a bad attest.yaml. */
int workspace_open(const char *dir, struct workspace **out, struct error *err);
void workspace_free(struct workspace *ws);

/* Joins root and a relative path into out; ERR_LIMIT when too long. */
int workspace_path(const struct workspace *ws, const char *relative,
		   char *out, size_t out_size, struct error *err);

/* Reads and validates an attest.yaml text (used by workspace_open and tests).
 * `file` is only used in error messages. */
int config_parse(const char *file, const char *text, size_t len,
		 struct config *out, struct error *err);

/* `attest init`: creates the workspace layout at dir (which must not hold
 * an attest.yaml already: ERR_EXISTS).  `org` may be NULL. */
int workspace_init(const char *dir, const char *org, struct error *err);

#endif
