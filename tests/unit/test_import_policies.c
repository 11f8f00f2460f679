/*
 * test_import_policies.c - the policy importer (src/importers/
 * policy_markdown.c) on tests/fixtures/policies/<case>.md.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importers/importer.h"
#include "test_files.h"

static int run(const char *fixture, const char *ws, struct import_output *out,
	       struct error *err)
{
	char path[512];
	struct config config;
	struct import_input in;
	const struct importer *imp;
	size_t size;
	char *data;
	int rc;

	snprintf(path, sizeof(path), "tests/fixtures/policies/%s", fixture);
	data = slurp(path, &size);
	config_defaults(&config);
	imp = importer_for(ws, data, size);
	assert_non_null(imp);
	assert_string_equal(imp->name, "policy.markdown");
	in.path = ws;
	in.data = data;
	in.size = size;
	in.config = &config;
	import_output_init(out);
	error_clear(err);
	rc = imp->parse(&in, out, err);
	free(data);
	return rc;
}

static void expect_error(const char *fixture, const char *formatted)
{
	struct import_output out;
	struct error err;
	char text[1024];

	assert_int_equal(run(fixture, "policies/access-control.md", &out, &err), ERR_INPUT);
	assert_int_equal(out.facts.count, 0);
	error_format(&err, text, sizeof(text));
	assert_string_equal(text, formatted);
	import_output_release(&out);
}

static void test_valid(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;
	json_t *controls;

	(void)state;
	assert_int_equal(run("valid.md", "policies/access-control.md", &out, &err), 0);
	assert_int_equal(out.facts.count, 1);
	f = &out.facts.items[0];
	assert_string_equal(f->kind, "policy");
	assert_string_equal(f->key, "POL-ACCESS");
	assert_string_equal(fact_str(f, "id"), "POL-ACCESS");
	assert_string_equal(fact_str(f, "title"), "Access Control Policy");
	assert_string_equal(fact_str(f, "owner"), "ciso@acme-health.example");
	assert_string_equal(fact_str(f, "version"), "1.3");
	assert_string_equal(fact_str(f, "approved_by"), "ceo@acme-health.example");
	assert_string_equal(fact_str(f, "approved_at"), "2026-01-20");
	assert_int_equal(fact_int(f, "review_days", 0), 180);
	assert_string_equal(fact_str(f, "path"), "policies/access-control.md");
	controls = json_object_get(f->data, "controls");
	assert_int_equal(json_array_size(controls), 2);
	assert_string_equal(json_string_value(json_array_get(controls, 1)), "AC-04");
	import_output_release(&out);
}

static void test_defaults(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run("defaults.md", "policies/bcp.md", &out, &err), 0);
	f = &out.facts.items[0];
	/* absent: null, so attest.yaml policies.review_days applies */
	assert_true(json_is_null(json_object_get(f->data, "review_days")));
	assert_string_equal(fact_str(f, "version"), "2");
	assert_true(json_is_null(json_object_get(f->data, "approved_at")));
	assert_true(json_is_null(json_object_get(f->data, "approved_by")));
	assert_int_equal(json_array_size(json_object_get(f->data, "controls")), 0);
	import_output_release(&out);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("unknown-key.md",
		     "policies/access-control.md:6:1: field 'aproved_at': unknown key "
		     "'aproved_at' in the front matter (known keys: id, title, owner, "
		     "version, approved_by, approved_at, review_days, controls)");
	expect_error("no-front-matter.md",
		     "policies/access-control.md:1: no YAML front matter: a policy must "
		     "start with a '---' line, then id, title, owner, version... and a "
		     "closing '---' line");
	expect_error("unclosed.md",
		     "policies/access-control.md:1: the YAML front matter is not closed "
		     "by a '---' line");
	expect_error("bad-date.md",
		     "policies/access-control.md:6:14: field 'approved_at': 'approved_at' "
		     "must be a real date YYYY-MM-DD, not '2026-02-30'");
	expect_error("missing-id.md",
		     "policies/access-control.md:2:1: field 'id': missing required key 'id'");
	expect_error("bad-controls.md",
		     "policies/access-control.md:6:11: field 'controls': 'controls' must "
		     "be a list ([a, b])");
}

static void test_bad_yaml_line(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run("bad-yaml.md", "policies/access-control.md", &out, &err),
			 ERR_INPUT);
	/* libyaml notices the unclosed flow sequence at the next key: line 4
	 * of the .md file (line 3 of the front matter). */
	assert_int_equal(err.line, 4);
	assert_true(strncmp(err.message, "invalid YAML: ", 14) == 0);
	import_output_release(&out);
}

static void test_recognise(void **state)
{
	(void)state;
	assert_null(importer_for("policies/sub/x.md", "", 0));
	assert_null(importer_for("policies/.md", "", 0));
	assert_null(importer_for("policies/README.txt", "", 0));
	assert_null(importer_for("pol", "", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_bad_yaml_line),
		cmocka_unit_test(test_recognise),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
