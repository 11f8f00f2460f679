/*
 * test_catalog_checks.c - the control library and the check registry agree
 * (STYLE.md practice 5): every check names known controls, criteria and
 * HIPAA citations; every control lists exactly the checks that name it
 * (scripts/sync-control-checks.py rewrites the lists); every check has a
 * title, what it reads and how to fix it, and at least one requirement.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "catalog/catalog.h"
#include "checks/check.h"

static struct catalog *load(void)
{
	struct catalog *cat = NULL;
	struct error err;

	if (catalog_load(NULL, &cat, &err))
		fail_msg("catalog: %s:%ld: %s", err.file, err.line, err.message);
	return cat;
}

static void test_checks_cite_known_things(void **state)
{
	struct catalog *cat = load();
	const struct check *k;

	(void)state;
	assert_true(check_count() > 20);
	for (size_t i = 0; (k = check_at(i)); i++) {
		assert_non_null(k->controls[0]);
		assert_non_null(k->criteria[0]);
		assert_non_null(k->requires[0]);
		assert_true(k->title && *k->title && k->reads && *k->reads && k->fix && *k->fix);
		assert_non_null(strchr(k->id, '.'));
		assert_ptr_equal(check_find(k->id), k);
		for (int j = 0; j < CHECK_LIST_MAX && k->controls[j]; j++)
			if (!catalog_control(cat, k->controls[j]))
				fail_msg("check %s names unknown control %s", k->id, k->controls[j]);
		for (int j = 0; j < CHECK_LIST_MAX && k->criteria[j]; j++)
			if (!catalog_criterion(cat, k->criteria[j]))
				fail_msg("check %s cites unknown criterion %s", k->id, k->criteria[j]);
		for (int j = 0; j < CHECK_LIST_MAX && k->hipaa[j]; j++)
			if (!catalog_hipaa(cat, k->hipaa[j]))
				fail_msg("check %s cites unknown HIPAA citation %s", k->id, k->hipaa[j]);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(check_at(j)->id, k->id);
	}
	catalog_free(cat);
}

static void test_control_lists_match_registry(void **state)
{
	struct catalog *cat = load();
	const struct check *k;

	(void)state;
	for (size_t i = 0; (k = check_at(i)); i++)
		for (int j = 0; j < CHECK_LIST_MAX && k->controls[j]; j++) {
			const struct control *c = catalog_control(cat, k->controls[j]);

			if (c && !string_list_contains(&c->checks, k->id))
				fail_msg("control %s does not list check %s (run scripts/sync-control-checks.py)",
					 c->id, k->id);
		}
	for (size_t i = 0; i < cat->control_count; i++) {
		const struct control *c = &cat->controls[i];

		for (size_t j = 0; j < c->checks.count; j++) {
			bool names = false;

			k = check_find(c->checks.items[j]);
			if (!k)
				fail_msg("control %s lists unknown check %s", c->id, c->checks.items[j]);
			for (int m = 0; m < CHECK_LIST_MAX && k->controls[m]; m++)
				names |= strcmp(k->controls[m], c->id) == 0;
			if (!names)
				fail_msg("control %s lists check %s, which does not name it", c->id, k->id);
		}
	}
	catalog_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checks_cite_known_things),
		cmocka_unit_test(test_control_lists_match_registry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
