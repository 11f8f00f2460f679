/*
 * test_catalog.c - catalog consistency: the built-in criteria, HIPAA catalog
 * and control library load, agree with each other and cover every in-scope
 * criterion.  Editing a control to cite an unknown criterion fails here.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog/catalog.h"
#include "util/fs.h"

static void test_builtin_catalog_loads(void **state)
{
	struct catalog *cat = NULL;
	struct error err;
	int rc;

	(void)state;
	error_clear(&err);
	rc = catalog_load(NULL, &cat, &err);
	if (rc)
		fail_msg("built-in catalog: %s:%ld: %s", err.file, err.line, err.message);
	assert_int_equal(cat->criteria_count, 61);
	assert_true(cat->hipaa_count >= 60);
	assert_true(cat->control_count >= 60);
	assert_false(cat->controls_from_workspace);
	catalog_free(cat);
}

static void test_criteria_ids_are_the_61(void **state)
{
	static const struct {
		const char *prefix;
		int count;
	} groups[] = {{"CC1.", 5}, {"CC2.", 3}, {"CC3.", 4}, {"CC4.", 2}, {"CC5.", 3},
		      {"CC6.", 8}, {"CC7.", 5}, {"CC8.", 1}, {"CC9.", 2}, {"A1.", 3},
		      {"C1.", 2},  {"PI1.", 5}, {"P1.", 1},  {"P2.", 1},  {"P3.", 2},
		      {"P4.", 3},  {"P5.", 2},  {"P6.", 7},  {"P7.", 1},  {"P8.", 1}};
	struct catalog *cat = NULL;
	struct error err;

	(void)state;
	assert_int_equal(catalog_load(NULL, &cat, &err), 0);
	for (size_t g = 0; g < sizeof(groups) / sizeof(groups[0]); g++) {
		for (int i = 1; i <= groups[g].count; i++) {
			char id[16];

			snprintf(id, sizeof(id), "%s%d", groups[g].prefix, i);
			if (!catalog_criterion(cat, id))
				fail_msg("criterion %s missing", id);
		}
	}
	for (size_t i = 0; i < cat->criteria_count; i++)
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(cat->criteria[i].id, cat->criteria[j].id);
	catalog_free(cat);
}

static void test_security_availability_confidentiality_covered(void **state)
{
	struct catalog *cat = NULL;
	struct error err;

	(void)state;
	assert_int_equal(catalog_load(NULL, &cat, &err), 0);
	for (size_t i = 0; i < cat->criteria_count; i++) {
		const struct criterion *c = &cat->criteria[i];
		bool covered = false;

		if (strcmp(c->category, "cc") && strcmp(c->category, "a") &&
		    strcmp(c->category, "c"))
			continue;
		for (size_t j = 0; j < cat->control_count; j++)
			if (string_list_contains(&cat->controls[j].criteria, c->id))
				covered = true;
		if (!covered)
			fail_msg("criterion %s is covered by no built-in control", c->id);
	}
	catalog_free(cat);
}

static void test_controls_are_well_formed(void **state)
{
	struct catalog *cat = NULL;
	struct error err;
	const struct control *ac04;

	(void)state;
	assert_int_equal(catalog_load(NULL, &cat, &err), 0);
	for (size_t i = 0; i < cat->control_count; i++) {
		const struct control *c = &cat->controls[i];

		assert_true(strlen(c->title) > 3);
		assert_true(strlen(c->statement) > 20);
		assert_true(c->evidence.count > 0);
		assert_int_equal(strncmp(c->id, c->family, strlen(c->family)), 0);
	}
	ac04 = catalog_control(cat, "AC-04");
	assert_non_null(ac04);
	assert_true(string_list_contains(&ac04->criteria, "CC6.2"));
	assert_true(string_list_contains(&ac04->hipaa, "164.308(a)(3)(ii)(C)"));
	assert_int_equal(ac04->frequency, FREQ_PER_EVENT);
	assert_non_null(catalog_hipaa(cat, "164.308(b)(3)"));
	assert_string_equal(catalog_hipaa(cat, "164.312(a)(2)(iv)")->status, "addressable");
	catalog_free(cat);
}

/* A workspace copy of the library wins, and is validated the same way. */
static void write_workspace_control(const char *dir, const char *criterion)
{
	char path[512], text[1024];
	struct error err;

	snprintf(path, sizeof(path), "%s/controls", dir);
	assert_int_equal(fs_mkdir_p(path, false, &err), 0);
	snprintf(path, sizeof(path), "%s/controls/custom.yaml", dir);
	snprintf(text, sizeof(text),
		 "family: XX\nname: Custom\ncontrols:\n"
		 "  - id: XX-01\n    title: Custom control\n"
		 "    statement: The team does a custom thing every quarter.\n"
		 "    criteria: [%s]\n    hipaa: []\n    frequency: quarterly\n"
		 "    owner: cto\n    evidence: [a record]\n    checks: []\n",
		 criterion);
	assert_int_equal(fs_write_atomic(path, text, strlen(text), &err), 0);
}

static void test_workspace_controls_win_and_are_checked(void **state)
{
	char dir[] = "/tmp/attest-catalog-XXXXXX";
	char cmd[600];
	struct catalog *cat = NULL;
	struct error err;

	(void)state;
	assert_non_null(mkdtemp(dir));
	write_workspace_control(dir, "CC6.1");
	assert_int_equal(catalog_load(dir, &cat, &err), 0);
	assert_true(cat->controls_from_workspace);
	assert_int_equal(cat->control_count, 1);
	catalog_free(cat);

	write_workspace_control(dir, "CC9.9");
	error_clear(&err);
	assert_int_equal(catalog_load(dir, &cat, &err), ERR_INPUT);
	assert_non_null(strstr(err.file, "controls/custom.yaml"));
	assert_int_equal(err.line, 4);
	assert_string_equal(err.field, "criteria");
	assert_string_equal(err.message, "control XX-01 cites unknown criterion 'CC9.9'");
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_frequency_names_round_trip(void **state)
{
	enum frequency f;

	(void)state;
	for (int i = FREQ_CONTINUOUS; i <= FREQ_ANNUAL; i++) {
		assert_int_equal(frequency_parse(frequency_name((enum frequency)i), &f), 0);
		assert_int_equal(f, i);
	}
	assert_int_equal(frequency_parse("fortnightly", &f), ERR_INPUT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin_catalog_loads),
		cmocka_unit_test(test_criteria_ids_are_the_61),
		cmocka_unit_test(test_security_availability_confidentiality_covered),
		cmocka_unit_test(test_controls_are_well_formed),
		cmocka_unit_test(test_workspace_controls_win_and_are_checked),
		cmocka_unit_test(test_frequency_names_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
