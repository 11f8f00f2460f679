/*
 * aws_common.h - what the AWS importers share: the workspace layout
 * `sources/aws/<account-id>/<service>-<command>[-<resource>].json`
 * (shared/FORMATS.md), the account id taken from that path, and adding a
 * fact under a formatted key.
 */
#ifndef ATTEST_IMPORTERS_AWS_COMMON_H
#define ATTEST_IMPORTERS_AWS_COMMON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/fact.h"
#include "util/error.h"

#define AWS_ACCOUNT_SIZE 13   /* 12 digits + NUL */
#define AWS_SYSTEM_SIZE 17    /* "aws:" + 12 digits + NUL */
#define AWS_PREFIX "sources/aws/"

/* The account a file belongs to, from its path. */
struct aws_account {
	char id[AWS_ACCOUNT_SIZE];       /* "111122223333" */
	char system[AWS_SYSTEM_SIZE];    /* "aws:111122223333" */
};

/* True when s[0..n) is exactly 12 ASCII digits. */
bool aws_account_id_valid(const char *s, size_t n);

/* The part of `path` after "sources/aws/<folder>/", or NULL when the path
 * is not of that form (any folder name: a wrong one is reported by
 * aws_account_from_path, not silently ignored). */
const char *aws_path_rest(const char *path);

/* True when the file sits directly in the account folder and is named
 * `<stem>.json`, or, when `paged`, `<stem>.<N>.json` (a further page of a
 * list call saved by hand; FORMATS.md). */
bool aws_path_is(const char *path, const char *stem, bool paged);

/* True when the file sits directly in the account folder and is named
 * `<prefix><resource><suffix>` with a non-empty resource. */
bool aws_path_has_resource(const char *path, const char *prefix,
			   const char *suffix);
/* Copies that resource into out; ERR_INPUT when it does not fit or the
 * path has no resource. */
int aws_path_resource(const char *path, const char *prefix,
		      const char *suffix, char *out, size_t out_size,
		      struct error *err);

/* Fills `acct` from the folder of `path`; ERR_INPUT naming the folder when
 * it is not a 12-digit account id. */
int aws_account_from_path(const char *path, struct aws_account *acct,
			  struct error *err);

/* Adds a fact whose key is printf-formatted; takes ownership of `data`
 * (NULL means out of memory).  Returns 0, ERR_NOMEM or ERR_LIMIT. */
int aws_fact_add(struct fact_list *facts, const char *kind, json_t *data,
		 struct error *err, const char *key_fmt, ...)
	__attribute__((format(printf, 5, 6)));

#endif
