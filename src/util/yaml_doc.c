/* yaml_doc.c - libyaml documents with positioned errors (see yaml_doc.h). */
#include "util/yaml_doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/number.h"
#include "util/text.h"

int yaml_doc_load(struct yaml_doc *d, const char *file, const char *text,
		  size_t len, struct error *err)
{
	yaml_parser_t parser;
	int rc = 0;

	memset(d, 0, sizeof(*d));
	text_copy(d->file, sizeof(d->file), file ? file : "");
	if (!yaml_parser_initialize(&parser))
		return error_set(err, ERR_NOMEM, "out of memory");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &d->doc)) {
		error_set_file(err, d->file);
		error_set_position(err, (long)parser.problem_mark.line + 1,
				   (long)parser.problem_mark.column + 1);
		rc = error_set(err, ERR_INPUT, "invalid YAML: %s%s%s",
			       parser.problem ? parser.problem : "syntax error",
			       parser.context ? " " : "",
			       parser.context ? parser.context : "");
	} else {
		d->loaded = true;
	}
	yaml_parser_delete(&parser);
	if (rc)
		yaml_doc_release(d);
	return rc;
}

void yaml_doc_release(struct yaml_doc *d)
{
	if (d && d->loaded) {
		yaml_document_delete(&d->doc);
		d->loaded = false;
	}
}

yaml_node_t *yaml_doc_root(struct yaml_doc *d)
{
	return d->loaded ? yaml_document_get_root_node(&d->doc) : NULL;
}

yaml_node_t *yaml_doc_get(struct yaml_doc *d, int index)
{
	return yaml_document_get_node(&d->doc, index);
}

long yaml_node_line(const yaml_node_t *n)
{
	return n ? (long)n->start_mark.line + 1 : 0;
}

long yaml_node_column(const yaml_node_t *n)
{
	return n ? (long)n->start_mark.column + 1 : 0;
}

int yaml_doc_error(struct yaml_doc *d, const yaml_node_t *n, const char *field,
		   struct error *err, const char *fmt, ...)
{
	va_list ap;
	char msg[ERROR_MSG_MAX];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (!err)
		return ERR_INPUT;
	error_set_file(err, d->file);
	error_set_position(err, yaml_node_line(n), yaml_node_column(n));
	error_set_field(err, field);
	return error_set(err, ERR_INPUT, "%s", msg);
}

const char *yaml_scalar(const yaml_node_t *n)
{
	return (n && n->type == YAML_SCALAR_NODE) ? (const char *)n->data.scalar.value
						  : NULL;
}

yaml_node_t *yaml_map_get(struct yaml_doc *d, yaml_node_t *n, const char *key)
{
	if (!n || n->type != YAML_MAPPING_NODE)
		return NULL;
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		const char *k = yaml_scalar(yaml_doc_get(d, p->key));

		if (k && strcmp(k, key) == 0)
			return yaml_doc_get(d, p->value);
	}
	return NULL;
}

int yaml_check_map(struct yaml_doc *d, yaml_node_t *n, const char *what,
		   const char *const *allowed, struct error *err)
{
	if (!n || n->type != YAML_MAPPING_NODE)
		return yaml_doc_error(d, n, what, err, "%s must be a mapping", what);
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	     p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *kn = yaml_doc_get(d, p->key);
		const char *k = yaml_scalar(kn);
		bool ok = false;

		if (!k)
			return yaml_doc_error(d, kn, what, err,
					      "keys of %s must be plain names", what);
		for (const char *const *a = allowed; *a; a++)
			if (strcmp(*a, k) == 0)
				ok = true;
		if (!ok) {
			char list[512];
			struct text_writer w;

			text_writer_init(&w, list, sizeof(list));
			for (const char *const *a = allowed; *a; a++)
				text_writer_put(&w, "%s%s", a == allowed ? "" : ", ", *a);
			return yaml_doc_error(d, kn, k, err,
					      "unknown key '%s' in %s (known keys: %s)",
					      k, what, list);
		}
		/* Duplicate keys are an error too: which one wins is a guess. */
		for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < p; q++) {
			const char *k2 = yaml_scalar(yaml_doc_get(d, q->key));

			if (k2 && strcmp(k2, k) == 0)
				return yaml_doc_error(d, kn, k, err,
						      "key '%s' appears twice in %s",
						      k, what);
		}
	}
	return 0;
}

static int need(struct yaml_doc *d, yaml_node_t *map, const char *key,
		bool required, yaml_node_t **v, struct error *err)
{
	*v = yaml_map_get(d, map, key);
	if (!*v && required)
		return yaml_doc_error(d, map, key, err, "missing required key '%s'", key);
	return 0;
}

int yaml_read_string(struct yaml_doc *d, yaml_node_t *map, const char *key,
		     bool required, const char **out, struct error *err)
{
	yaml_node_t *v;
	int rc = need(d, map, key, required, &v, err);

	if (rc || !v)
		return rc;
	if (!yaml_scalar(v))
		return yaml_doc_error(d, v, key, err, "'%s' must be a text value", key);
	*out = yaml_scalar(v);
	return 0;
}

int yaml_read_int(struct yaml_doc *d, yaml_node_t *map, const char *key,
		  long min, long max, bool required, long *out, struct error *err)
{
	yaml_node_t *v;
	int64_t n;
	int rc = need(d, map, key, required, &v, err);

	if (rc || !v)
		return rc;
	if (!yaml_scalar(v) || number_parse_i64(yaml_scalar(v), min, max, &n))
		return yaml_doc_error(d, v, key, err,
				      "'%s' must be a whole number from %ld to %ld",
				      key, min, max);
	*out = (long)n;
	return 0;
}

int yaml_read_bool(struct yaml_doc *d, yaml_node_t *map, const char *key,
		   bool required, bool *out, struct error *err)
{
	yaml_node_t *v;
	int rc = need(d, map, key, required, &v, err);

	if (rc || !v)
		return rc;
	if (!yaml_scalar(v) || bool_parse(yaml_scalar(v), out))
		return yaml_doc_error(d, v, key, err, "'%s' must be true or false", key);
	return 0;
}

int yaml_read_date(struct yaml_doc *d, yaml_node_t *map, const char *key,
		   bool required, day_t *out, struct error *err)
{
	yaml_node_t *v;
	int rc = need(d, map, key, required, &v, err);

	if (rc || !v)
		return rc;
	if (!yaml_scalar(v) || date_parse(yaml_scalar(v), out))
		return yaml_doc_error(d, v, key, err,
				      "'%s' must be a real date YYYY-MM-DD, not '%s'",
				      key, yaml_scalar(v) ? yaml_scalar(v) : "(not text)");
	return 0;
}

int yaml_read_list(struct yaml_doc *d, yaml_node_t *map, const char *key,
		   bool required, yaml_node_t **seq, struct error *err)
{
	yaml_node_t *v;
	int rc = need(d, map, key, required, &v, err);

	if (rc || !v)
		return rc;
	if (v->type != YAML_SEQUENCE_NODE)
		return yaml_doc_error(d, v, key, err, "'%s' must be a list ([a, b])", key);
	YAML_SEQ_EACH(d, v, item) {
		if (!yaml_scalar(item))
			return yaml_doc_error(d, item, key, err,
					      "items of '%s' must be text values", key);
	}
	*seq = v;
	return 0;
}
