/*
 * rules_yaml.c - user detection rules from <workspace>/rules/<name>.yaml
 * (format in rules.h and docs/detect.md), read with libyaml's document
 * API.  Every error names the file and the YAML line and column; a pattern
 * error points at the offending character inside the pattern when the
 * pattern is a one-line scalar, so editors can jump straight to it.
 */
#include "detect/rules.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "util/buf.h"
#include "util/number.h"
#include "util/text.h"

#define RULE_FILE_MAX ((size_t)1 << 20)

struct yctx {
	yaml_document_t *doc;
	const char *path;
	struct error *err;
};

static int at_node(struct yctx *y, const yaml_node_t *n, const char *fmt,
		   const char *arg)
{
	error_set_file(y->err, y->path);
	error_set_position(y->err, (long)n->start_mark.line + 1,
			   (long)n->start_mark.column + 1);
	return error_set(y->err, ERR_INPUT, fmt, arg ? arg : "");
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value
						: NULL;
}

static int get_string(struct yctx *y, const yaml_node_t *n, const char *key,
		      const char **out)
{
	*out = scalar(n);
	if (!*out)
		return at_node(y, n, "'%s' must be a string", key);
	return 0;
}

static int get_long(struct yctx *y, const yaml_node_t *n, const char *key,
		    long min, long max, long *out)
{
	const char *s = scalar(n);
	int64_t v;

	if (!s || number_parse_i64(s, min, max, &v))
		return at_node(y, n, "'%s' must be a whole number in range", key);
	*out = (long)v;
	return 0;
}

/* Re-anchors a pattern error (column inside the pattern) to the file. */
static int pattern_error(struct yctx *y, const yaml_node_t *n)
{
	long pcol = y->err->column;
	const char *v = scalar(n);
	size_t len = v ? strlen(v) : 0;
	bool quoted = n->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
		      n->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	bool one_line = n->start_mark.line == n->end_mark.line &&
			n->end_mark.column - n->start_mark.column ==
				len + (quoted ? 2 : 0);
	char msg[ERROR_MSG_MAX];

	text_copy(msg, sizeof(msg), y->err->message);
	error_set_file(y->err, y->path);
	if (one_line && pcol > 0 &&
	    (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE || quoted))
		error_set_position(y->err, (long)n->start_mark.line + 1,
				   (long)n->start_mark.column + (quoted ? 1 : 0) +
					   pcol);
	else
		error_set_position(y->err, (long)n->start_mark.line + 1,
				   (long)n->start_mark.column + 1);
	return error_set(y->err, ERR_INPUT, "pattern: %s", msg);
}

static bool valid_id(const char *id)
{
	if (!*id)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '-' || *p == '_'))
			return false;
	return true;
}

static int read_threshold(struct yctx *y, const yaml_node_t *m,
			  struct detect_builtin *def)
{
	long count = 0, window = 0;
	bool has_key = false;

	if (m->type != YAML_MAPPING_NODE)
		return at_node(y, m, "'threshold' must be a mapping%s", NULL);
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	     p < m->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(y->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(y->doc, p->value);
		const char *key = scalar(k);
		int rc = 0;

		if (!key)
			return at_node(y, k, "threshold keys must be strings%s", NULL);
		if (strcmp(key, "count") == 0)
			rc = get_long(y, v, "count", 1, 1000000, &count);
		else if (strcmp(key, "window_seconds") == 0)
			rc = get_long(y, v, "window_seconds", 1, 366L * 86400,
				      &window);
		else if (strcmp(key, "key") == 0)
			rc = get_string(y, v, "key", &def->key[0]), has_key = true;
		else
			return at_node(y, k, "unknown threshold key '%s'", key);
		if (rc)
			return rc;
	}
	if (!count || !window || !has_key)
		return at_node(y, m, "threshold needs count, window_seconds and "
			       "key%s", NULL);
	def->count = (unsigned)count;
	def->window_seconds = window;
	return 0;
}

static int read_criteria(struct yctx *y, const yaml_node_t *n, struct buf *b)
{
	if (n->type != YAML_SEQUENCE_NODE)
		return at_node(y, n, "'criteria' must be a list of strings%s", NULL);
	for (yaml_node_item_t *i = n->data.sequence.items.start;
	     i < n->data.sequence.items.top; i++) {
		const char *s = scalar(yaml_document_get_node(y->doc, *i));

		if (!s)
			return at_node(y, n, "'criteria' must be a list of "
				       "strings%s", NULL);
		if ((b->len && buf_addch(b, ',')) || buf_adds(b, s))
			return error_set(y->err, ERR_NOMEM, "out of memory");
	}
	return 0;
}

static int read_rule(struct yctx *y, struct detect_ruleset *rs,
		     const yaml_node_t *m)
{
	struct detect_builtin def = {0};
	const yaml_node_t *pattern_node = NULL, *sev_node = NULL;
	const char *sev = NULL;
	struct buf crit = BUF_INIT;
	int rc = 0;

	if (m->type != YAML_MAPPING_NODE)
		return at_node(y, m, "a rule must be a mapping%s", NULL);
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start;
	     p < m->data.mapping.pairs.top && !rc; p++) {
		yaml_node_t *k = yaml_document_get_node(y->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(y->doc, p->value);
		const char *key = scalar(k);

		if (!key)
			rc = at_node(y, k, "rule keys must be strings%s", NULL);
		else if (strcmp(key, "id") == 0)
			rc = get_string(y, v, key, &def.id);
		else if (strcmp(key, "title") == 0)
			rc = get_string(y, v, key, &def.title);
		else if (strcmp(key, "severity") == 0)
			rc = get_string(y, v, key, &sev), sev_node = v;
		else if (strcmp(key, "pattern") == 0 && v->type == YAML_MAPPING_NODE)
			rc = at_node(y, v, "'pattern' must be a string: quote it, "
				     "YAML reads an unquoted {...} as a mapping%s",
				     NULL);
		else if (strcmp(key, "pattern") == 0)
			rc = get_string(y, v, key, &def.pattern), pattern_node = v;
		else if (strcmp(key, "threshold") == 0)
			rc = read_threshold(y, v, &def);
		else if (strcmp(key, "criteria") == 0)
			rc = read_criteria(y, v, &crit);
		else
			rc = at_node(y, k, "unknown key '%s' in rule", key);
	}
	if (!rc && (!def.id || !def.pattern || !sev))
		rc = at_node(y, m, "a rule needs id, severity and pattern%s", NULL);
	if (!rc && !valid_id(def.id))
		rc = at_node(y, m, "rule id '%s' may use only a-z, 0-9, '.', "
			     "'-' and '_'", def.id);
	if (!rc && detect_severity_parse(sev, &def.severity))
		rc = at_node(y, sev_node, "unknown severity '%s' (info, low, "
			     "medium, high, critical)", sev);
	if (!rc) {
		def.criteria = crit.len ? crit.data : NULL;
		rc = detect_ruleset_add(rs, &def, y->path, y->err);
		if (rc && pattern_node && strncmp(y->err->message, "pattern: ", 9) == 0) {
			memmove(y->err->message, y->err->message + 9,
				strlen(y->err->message + 9) + 1);
			rc = pattern_error(y, pattern_node);
		} else if (rc) {
			error_set_file(y->err, y->path);
			error_set_position(y->err, (long)m->start_mark.line + 1,
					   (long)m->start_mark.column + 1);
		}
	}
	buf_release(&crit);
	return rc;
}

static int load_doc(struct detect_ruleset *rs, const char *path,
		    yaml_document_t *doc, struct error *err)
{
	struct yctx y = {doc, path, err};
	yaml_node_t *root = yaml_document_get_root_node(doc);

	if (!root)
		return 0;  /* empty file */
	if (root->type != YAML_SEQUENCE_NODE)
		return read_rule(&y, rs, root);
	for (yaml_node_item_t *i = root->data.sequence.items.start;
	     i < root->data.sequence.items.top; i++) {
		int rc = read_rule(&y, rs, yaml_document_get_node(doc, *i));

		if (rc)
			return rc;
	}
	return 0;
}

static int slurp(const char *path, struct buf *b, struct error *err)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t n;

	error_set_file(err, path);
	if (!f)
		return error_set(err, ERR_IO, "cannot open: %s", strerror(errno));
	buf_init(b, RULE_FILE_MAX);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (buf_add(b, chunk, n)) {
			fclose(f);
			return error_set(err, ERR_LIMIT, "rule file larger than "
					 "%zu bytes", RULE_FILE_MAX);
		}
	}
	if (ferror(f)) {
		fclose(f);
		return error_set(err, ERR_IO, "read error");
	}
	fclose(f);
	error_set_file(err, "");
	return 0;
}

int detect_ruleset_load_file(struct detect_ruleset *rs, const char *path,
			     struct error *err)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	struct buf text = BUF_INIT;
	int rc = slurp(path, &text, err);

	if (rc)
		return rc;
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser,
				     (const unsigned char *)buf_cstr(&text),
				     text.len);
	if (!yaml_parser_load(&parser, &doc)) {
		error_set_file(err, path);
		error_set_position(err, (long)parser.problem_mark.line + 1,
				   (long)parser.problem_mark.column + 1);
		rc = error_set(err, ERR_INPUT, "YAML: %s",
			       parser.problem ? parser.problem : "parse error");
	} else {
		rc = load_doc(rs, path, &doc, err);
		yaml_document_delete(&doc);
	}
	yaml_parser_delete(&parser);
	buf_release(&text);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int detect_ruleset_load_dir(struct detect_ruleset *rs, const char *dir,
			    struct error *err)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	if (!d)
		return errno == ENOENT ? 0
				       : (error_set_file(err, dir),
					  error_set(err, ERR_IO, "cannot read "
						    "directory: %s", strerror(errno)));
	while (!rc && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || !(text_ends_with(de->d_name, ".yaml") ||
					      text_ends_with(de->d_name, ".yml")))
			continue;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			char **nn = realloc(names, ncap * sizeof(*nn));

			if (!nn) {
				rc = error_set(err, ERR_NOMEM, "out of memory");
				break;
			}
			names = nn;
			cap = ncap;
		}
		if (!(names[n] = text_dup(de->d_name)))
			rc = error_set(err, ERR_NOMEM, "out of memory");
		else
			n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		struct buf path = BUF_INIT;

		if (!rc && buf_printf(&path, "%s/%s", dir, names[i]))
			rc = error_set(err, ERR_NOMEM, "out of memory");
		if (!rc)
			rc = detect_ruleset_load_file(rs, path.data, err);
		buf_release(&path);
		free(names[i]);
	}
	free(names);
	return rc;
}
