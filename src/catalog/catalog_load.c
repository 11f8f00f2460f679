/*
 * catalog_load.c - reading criteria.yaml, hipaa.yaml and controls/NAME.yaml
 * into struct catalog, then cross-checking them (see catalog.h).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"
#include "util/embedded.h"
#include "util/fs.h"
#include "util/text.h"
#include "util/yaml_doc.h"

#define CONTROL_FILE_MAX (4u << 20)

static int grow(void **items, size_t count, size_t *cap, size_t size)
{
	void *p;

	if (count < *cap)
		return 0;
	*cap = *cap ? *cap * 2 : 64;
	p = realloc(*items, *cap * size);
	if (!p)
		return ERR_NOMEM;
	*items = p;
	return 0;
}

static int copy_id(struct yaml_doc *d, yaml_node_t *map, const char *key,
		   char *out, size_t size, struct error *err)
{
	const char *v = NULL;
	int rc = yaml_read_string(d, map, key, true, &v, err);

	if (rc)
		return rc;
	if (!*v || !text_copy(out, size, v))
		return yaml_doc_error(d, yaml_map_get(d, map, key), key, err,
				      "'%s' must be 1 to %zu characters", key, size - 1);
	return 0;
}

static int dup_string(struct yaml_doc *d, yaml_node_t *map, const char *key,
		      char **out, struct error *err)
{
	const char *v = NULL;
	int rc = yaml_read_string(d, map, key, true, &v, err);

	if (rc)
		return rc;
	*out = text_dup(v);
	return *out ? 0 : error_set(err, ERR_NOMEM, "out of memory");
}

static int read_string_list(struct yaml_doc *d, yaml_node_t *map, const char *key,
			    struct string_list *out, struct error *err)
{
	yaml_node_t *seq = NULL;
	int rc = yaml_read_list(d, map, key, true, &seq, err);
	size_t n;

	if (rc)
		return rc;
	n = (size_t)(seq->data.sequence.items.top - seq->data.sequence.items.start);
	out->items = calloc(n ? n : 1, sizeof(char *));
	if (!out->items)
		return error_set(err, ERR_NOMEM, "out of memory");
	YAML_SEQ_EACH(d, seq, item) {
		out->items[out->count] = text_dup(yaml_scalar(item));
		if (!out->items[out->count])
			return error_set(err, ERR_NOMEM, "out of memory");
		out->count++;
	}
	return 0;
}

static int load_criteria(struct catalog *cat, struct error *err)
{
	static const char *const top[] = {"criteria", NULL};
	static const char *const keys[] = {"id", "category", "title", "summary", NULL};
	const struct embedded_file *f = embedded_find("criteria.yaml");
	struct yaml_doc d;
	yaml_node_t *seq = NULL;
	size_t cap = 0;
	int rc;

	if (!f)
		return error_set(err, ERR_INTEGRITY, "built-in criteria.yaml is missing");
	if ((rc = yaml_doc_load(&d, "data/criteria.yaml", f->data, f->size, err)))
		return rc;
	if ((rc = yaml_check_map(&d, yaml_doc_root(&d), "criteria.yaml", top, err)))
		goto out;
	seq = yaml_map_get(&d, yaml_doc_root(&d), "criteria");
	if (!seq || seq->type != YAML_SEQUENCE_NODE) {
		rc = yaml_doc_error(&d, seq, "criteria", err, "'criteria' must be a list");
		goto out;
	}
	YAML_SEQ_EACH(&d, seq, item) {
		struct criterion *c;

		if ((rc = grow((void **)&cat->criteria, cat->criteria_count, &cap,
			       sizeof(*cat->criteria))))
			goto out;
		c = &cat->criteria[cat->criteria_count];
		memset(c, 0, sizeof(*c));
		cat->criteria_count++;
		if ((rc = yaml_check_map(&d, item, "criterion", keys, err)) ||
		    (rc = copy_id(&d, item, "id", c->id, sizeof(c->id), err)) ||
		    (rc = copy_id(&d, item, "category", c->category, sizeof(c->category), err)) ||
		    (rc = dup_string(&d, item, "title", &c->title, err)) ||
		    (rc = dup_string(&d, item, "summary", &c->summary, err)))
			goto out;
	}
out:
	yaml_doc_release(&d);
	return rc;
}

static int load_hipaa(struct catalog *cat, struct error *err)
{
	static const char *const top[] = {"safeguards", "hipaa", NULL};
	static const char *const keys[] = {"citation", "kind", "status", "title", NULL};
	const struct embedded_file *f = embedded_find("hipaa.yaml");
	struct yaml_doc d;
	yaml_node_t *seq;
	size_t cap = 0;
	int rc;

	if (!f)
		return error_set(err, ERR_INTEGRITY, "built-in hipaa.yaml is missing");
	if ((rc = yaml_doc_load(&d, "data/hipaa.yaml", f->data, f->size, err)))
		return rc;
	if ((rc = yaml_check_map(&d, yaml_doc_root(&d), "hipaa.yaml", top, err)))
		goto out;
	seq = yaml_map_get(&d, yaml_doc_root(&d), "hipaa");
	if (!seq || seq->type != YAML_SEQUENCE_NODE) {
		rc = yaml_doc_error(&d, seq, "hipaa", err, "'hipaa' must be a list");
		goto out;
	}
	YAML_SEQ_EACH(&d, seq, item) {
		struct hipaa_spec *h;
		char *paren;

		if ((rc = grow((void **)&cat->hipaa, cat->hipaa_count, &cap,
			       sizeof(*cat->hipaa))))
			goto out;
		h = &cat->hipaa[cat->hipaa_count];
		memset(h, 0, sizeof(*h));
		cat->hipaa_count++;
		if ((rc = yaml_check_map(&d, item, "HIPAA entry", keys, err)) ||
		    (rc = copy_id(&d, item, "citation", h->citation, sizeof(h->citation), err)) ||
		    (rc = copy_id(&d, item, "kind", h->kind, sizeof(h->kind), err)) ||
		    (rc = copy_id(&d, item, "status", h->status, sizeof(h->status), err)) ||
		    (rc = dup_string(&d, item, "title", &h->title, err)))
			goto out;
		text_copy(h->section, sizeof(h->section), h->citation);
		paren = strchr(h->section, '(');
		if (paren)
			*paren = '\0';
	}
out:
	yaml_doc_release(&d);
	return rc;
}

static int read_control(struct yaml_doc *d, yaml_node_t *item, const char *family,
			struct control *c, struct error *err)
{
	static const char *const keys[] = {"id", "title", "statement", "criteria",
					   "hipaa", "frequency", "owner", "evidence",
					   "checks", NULL};
	const char *freq = NULL;
	int rc;

	c->line = yaml_node_line(item);
	c->file = text_dup(d->file);
	text_copy(c->family, sizeof(c->family), family);
	if ((rc = yaml_check_map(d, item, "control", keys, err)) ||
	    (rc = copy_id(d, item, "id", c->id, sizeof(c->id), err)) ||
	    (rc = dup_string(d, item, "title", &c->title, err)) ||
	    (rc = dup_string(d, item, "statement", &c->statement, err)) ||
	    (rc = read_string_list(d, item, "criteria", &c->criteria, err)) ||
	    (rc = read_string_list(d, item, "hipaa", &c->hipaa, err)) ||
	    (rc = yaml_read_string(d, item, "frequency", true, &freq, err)) ||
	    (rc = copy_id(d, item, "owner", c->owner, sizeof(c->owner), err)) ||
	    (rc = read_string_list(d, item, "evidence", &c->evidence, err)) ||
	    (rc = read_string_list(d, item, "checks", &c->checks, err)))
		return rc;
	if (frequency_parse(freq, &c->frequency))
		return yaml_doc_error(d, yaml_map_get(d, item, "frequency"), "frequency", err,
				      "unknown frequency '%s' (use continuous, per-event, daily, weekly, monthly, quarterly, annual)",
				      freq);
	if (c->criteria.count == 0)
		return yaml_doc_error(d, item, "criteria", err,
				      "control %s must cite at least one criterion", c->id);
	return 0;
}

static int load_control_text(struct catalog *cat, size_t *cap, const char *name,
			     const char *text, size_t len, struct error *err)
{
	static const char *const top[] = {"family", "name", "controls", NULL};
	struct yaml_doc d;
	yaml_node_t *seq;
	const char *family = NULL;
	int rc;

	if ((rc = yaml_doc_load(&d, name, text, len, err)))
		return rc;
	if ((rc = yaml_check_map(&d, yaml_doc_root(&d), name, top, err)) ||
	    (rc = yaml_read_string(&d, yaml_doc_root(&d), "family", true, &family, err)))
		goto out;
	seq = yaml_map_get(&d, yaml_doc_root(&d), "controls");
	if (!seq || seq->type != YAML_SEQUENCE_NODE) {
		rc = yaml_doc_error(&d, seq ? seq : yaml_doc_root(&d), "controls", err,
				    "'controls' must be a list");
		goto out;
	}
	YAML_SEQ_EACH(&d, seq, item) {
		struct control *c;

		if ((rc = grow((void **)&cat->controls, cat->control_count, cap,
			       sizeof(*cat->controls))))
			goto out;
		c = &cat->controls[cat->control_count++];
		memset(c, 0, sizeof(*c));
		if ((rc = read_control(&d, item, family, c, err)))
			goto out;
	}
out:
	yaml_doc_release(&d);
	return rc;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads <root>/controls/NAME.yaml in name order; *found = number of files. */
static int load_workspace_controls(struct catalog *cat, const char *root,
				   size_t *cap, int *found, struct error *err)
{
	char dir[2048], path[4096];
	DIR *dp;
	struct dirent *e;
	char *names[512];
	size_t n = 0;
	int rc = 0;

	*found = 0;
	snprintf(dir, sizeof(dir), "%s/controls", root);
	dp = opendir(dir);
	if (!dp)
		return 0;
	while ((e = readdir(dp)) && n < 512)
		if (e->d_name[0] != '.' && text_ends_with(e->d_name, ".yaml"))
			names[n++] = text_dup(e->d_name);
	closedir(dp);
	qsort(names, n, sizeof(names[0]), compare_names);
	for (size_t i = 0; i < n; i++) {
		char *text = NULL;
		size_t len = 0;

		if (!rc) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			rc = fs_read_file(path, CONTROL_FILE_MAX, &text, &len, err);
			if (!rc)
				rc = load_control_text(cat, cap, path, text, len, err);
			free(text);
		}
		free(names[i]);
	}
	*found = (int)n;
	return rc;
}

static int control_error(const struct control *c, struct error *err,
			 const char *field, const char *fmt, const char *what)
{
	error_input(err, c->file, c->line, NULL, field, fmt, c->id, what);
	return ERR_INPUT;
}

static int validate(const struct catalog *cat, struct error *err)
{
	for (size_t i = 0; i < cat->control_count; i++) {
		const struct control *c = &cat->controls[i];

		for (size_t j = 0; j < i; j++)
			if (strcmp(cat->controls[j].id, c->id) == 0)
				return control_error(c, err, "id",
						     "control %s is defined twice (first in %s)",
						     cat->controls[j].file);
		for (size_t j = 0; j < c->criteria.count; j++)
			if (!catalog_criterion(cat, c->criteria.items[j]))
				return control_error(c, err, "criteria",
						     "control %s cites unknown criterion '%s'",
						     c->criteria.items[j]);
		for (size_t j = 0; j < c->hipaa.count; j++)
			if (!catalog_hipaa(cat, c->hipaa.items[j]))
				return control_error(c, err, "hipaa",
						     "control %s cites unknown HIPAA citation '%s'",
						     c->hipaa.items[j]);
	}
	return 0;
}

int catalog_load(const char *workspace_root, struct catalog **out,
		 struct error *err)
{
	struct catalog *cat = calloc(1, sizeof(*cat));
	size_t cap = 0;
	int found = 0;
	int rc;

	*out = NULL;
	if (!cat)
		return error_set(err, ERR_NOMEM, "out of memory");
	if ((rc = load_criteria(cat, err)) || (rc = load_hipaa(cat, err)))
		goto fail;
	if (workspace_root &&
	    (rc = load_workspace_controls(cat, workspace_root, &cap, &found, err)))
		goto fail;
	cat->controls_from_workspace = found > 0;
	if (!found) {
		for (const struct embedded_file *f = embedded_files; f->name; f++) {
			char name[256];

			if (!text_starts_with(f->name, "controls/"))
				continue;
			snprintf(name, sizeof(name), "data/%s", f->name);
			if ((rc = load_control_text(cat, &cap, name, f->data, f->size, err)))
				goto fail;
		}
	}
	if ((rc = validate(cat, err)))
		goto fail;
	*out = cat;
	return 0;
fail:
	catalog_free(cat);
	return rc;
}
