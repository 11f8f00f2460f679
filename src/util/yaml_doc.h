/*
 * yaml_doc.h - a loaded YAML document (libyaml's document API) with helpers
 * that turn shape errors into struct error values naming file, line, column
 * and key.  Used for attest.yaml, the catalogs and the control library.
 * Aliases are safe here: libyaml's loader points an alias at the node it
 * names instead of copying it, and our readers walk a fixed schema, never
 * the whole graph, so "billion laughs" input cannot make them expand.
 */
#ifndef ATTEST_UTIL_YAML_DOC_H
#define ATTEST_UTIL_YAML_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <yaml.h>

#include "util/error.h"
#include "util/timeutil.h"

struct yaml_doc {
	yaml_document_t doc;
	bool loaded;
	char file[ERROR_PATH_MAX];
};

/* Loads one document.  An empty text gives a document whose root is NULL. */
int yaml_doc_load(struct yaml_doc *d, const char *file, const char *text,
		  size_t len, struct error *err);
void yaml_doc_release(struct yaml_doc *d);

yaml_node_t *yaml_doc_root(struct yaml_doc *d);
yaml_node_t *yaml_doc_get(struct yaml_doc *d, int index);
long yaml_node_line(const yaml_node_t *n);   /* 1-based */
long yaml_node_column(const yaml_node_t *n); /* 1-based */

/* Error at node n: sets file, line, column, field (may be NULL). */
int yaml_doc_error(struct yaml_doc *d, const yaml_node_t *n, const char *field,
		   struct error *err, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Scalar text of n, or NULL when n is not a scalar. */
const char *yaml_scalar(const yaml_node_t *n);
/* Value for `key` in mapping n, or NULL. */
yaml_node_t *yaml_map_get(struct yaml_doc *d, yaml_node_t *n, const char *key);

/* Checks n is a mapping whose keys are all scalars listed in `allowed`
 * (NULL-terminated); errors name the unknown key and where it is. */
int yaml_check_map(struct yaml_doc *d, yaml_node_t *n, const char *what,
		   const char *const *allowed, struct error *err);

/* Typed reads of mapping values; each errors with file:line and key.
 * `required` false: absent keys leave *out untouched and return 0. */
int yaml_read_string(struct yaml_doc *d, yaml_node_t *map, const char *key,
		     bool required, const char **out, struct error *err);
int yaml_read_int(struct yaml_doc *d, yaml_node_t *map, const char *key,
		  long min, long max, bool required, long *out, struct error *err);
int yaml_read_bool(struct yaml_doc *d, yaml_node_t *map, const char *key,
		   bool required, bool *out, struct error *err);
int yaml_read_date(struct yaml_doc *d, yaml_node_t *map, const char *key,
		   bool required, day_t *out, struct error *err);
/* A sequence of scalars (a lone scalar is not accepted). */
int yaml_read_list(struct yaml_doc *d, yaml_node_t *map, const char *key,
		   bool required, yaml_node_t **seq, struct error *err);

/* Iterating a sequence / mapping node. */
#define YAML_SEQ_EACH(doc, seq, item)                                          \
	for (yaml_node_item_t *item##_it = (seq)->data.sequence.items.start;   \
	     item##_it < (seq)->data.sequence.items.top; item##_it++)          \
		for (yaml_node_t *item = yaml_doc_get(doc, *item##_it); item;  \
		     item = NULL)

#endif
