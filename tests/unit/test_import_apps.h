/*
 * test_import_apps.h - helpers shared by the HR, identity-provider, GitHub
 * and Jira importer tests: read a fixture, run an importer on it as if it
 * sat at a workspace path, find facts, pin error text.
 * Include after <cmocka.h>.
 */
#ifndef ATTEST_TEST_IMPORT_APPS_H
#define ATTEST_TEST_IMPORT_APPS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "importers/importer.h"

/* ATTEST_SHARED (default ../shared) + "/fixtures/real/" + rel, or a path
 * relative to the repository root when rel starts with "tests/". */
static inline void fixture_path(char *out, size_t size, const char *rel)
{
	const char *shared = getenv("ATTEST_SHARED");

	if (strncmp(rel, "tests/", 6) == 0)
		snprintf(out, size, "%s", rel);
	else
		snprintf(out, size, "%s/fixtures/real/%s",
			 shared && *shared ? shared : "../shared", rel);
}

static inline char *read_fixture(const char *rel, size_t *size)
{
	char path[1024];
	FILE *f;
	char *data;
	long n;

	fixture_path(path, sizeof(path), rel);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open fixture %s", path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	assert_true(n >= 0);
	assert_int_equal(fseek(f, 0, SEEK_SET), 0);
	data = malloc((size_t)n + 1);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
	data[n] = '\0';
	fclose(f);
	*size = (size_t)n;
	return data;
}

/* Runs importer `name` on bytes as the file at workspace path `ws`. */
static inline int run_bytes(const char *name, const char *ws, const char *data,
			    size_t size, const struct config *cfg,
			    struct import_output *out, struct error *err)
{
	const struct importer *imp = importer_find(name);
	struct import_input in;
	struct config defaults;

	assert_non_null(imp);
	config_defaults(&defaults);
	in.path = ws;
	in.data = data;
	in.size = size;
	in.config = cfg ? cfg : &defaults;
	import_output_init(out);
	error_clear(err);
	return imp->parse(&in, out, err);
}

/* Runs importer `name` on fixture `rel`; also checks that the registry
 * hands `ws` to that importer. */
static inline int run_fixture(const char *name, const char *ws,
			      const char *rel, const struct config *cfg,
			      struct import_output *out, struct error *err)
{
	size_t size;
	char *data = read_fixture(rel, &size);
	const struct importer *imp = importer_for(ws, data, size);
	int rc;

	assert_non_null(imp);
	assert_string_equal(imp->name, name);
	rc = run_bytes(name, ws, data, size, cfg, out, err);
	free(data);
	return rc;
}

static inline const struct fact *find_fact(const struct import_output *out,
					   const char *kind, const char *key)
{
	for (size_t i = 0; i < out->facts.count; i++)
		if (strcmp(out->facts.items[i].kind, kind) == 0 &&
		    strcmp(out->facts.items[i].key, key) == 0)
			return &out->facts.items[i];
	fail_msg("no %s fact %s", kind, key);
	return NULL;
}

static inline size_t count_kind(const struct import_output *out,
				const char *kind)
{
	size_t n = 0;

	for (size_t i = 0; i < out->facts.count; i++)
		n += strcmp(out->facts.items[i].kind, kind) == 0;
	return n;
}

/* Counts facts of `kind` whose string attribute `attr` equals `value`
 * (NULL: the attribute is null or absent). */
static inline size_t count_attr(const struct import_output *out,
				const char *kind, const char *attr,
				const char *value)
{
	size_t n = 0;

	for (size_t i = 0; i < out->facts.count; i++) {
		const struct fact *f = &out->facts.items[i];
		const char *s;

		if (strcmp(f->kind, kind) != 0)
			continue;
		s = fact_str(f, attr);
		n += value ? (s && strcmp(s, value) == 0) : (s == NULL);
	}
	return n;
}

static inline size_t count_true(const struct import_output *out,
				const char *kind, const char *attr)
{
	size_t n = 0;

	for (size_t i = 0; i < out->facts.count; i++)
		if (strcmp(out->facts.items[i].kind, kind) == 0)
			n += json_is_true(json_object_get(out->facts.items[i].data,
							  attr));
	return n;
}

static inline bool attr_is_null(const struct fact *f, const char *attr)
{
	return json_is_null(json_object_get(f->data, attr));
}

/* The error as the CLI prints it (without a file name: the import command
 * sets that). */
#define assert_error_text(err, text)                                      \
	do {                                                              \
		char formatted_[ERROR_MSG_MAX + 1024];                    \
		error_format((err), formatted_, sizeof(formatted_));     \
		assert_string_equal(formatted_, (text));                 \
	} while (0)

#endif
