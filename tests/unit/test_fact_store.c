/*
 * test_fact_store.c - evidence rows and the as-of fact queries checks use:
 * snapshot semantics (the latest version of each path in force on a date),
 * history (every version), latest-by-path, listing filters.
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

#include "locker/digest.h"
#include "store/store.h"

struct fixture {
	char dir[64];
	struct store *s;
};

static day_t day(const char *text)
{
	day_t d;

	assert_int_equal(date_parse(text, &d), 0);
	return d;
}

static void add_version(struct store_writer *w, int64_t id, const char *path,
			const char *source, const char *effective,
			const char *const *keys, const char *const *names)
{
	struct evidence_entry e;
	struct fact_list facts;
	struct error err;

	error_clear(&err);
	evidence_entry_init(&e);
	fact_list_init(&facts);
	e.id = id;
	snprintf(e.kind, sizeof(e.kind), "import");
	snprintf(e.path, sizeof(e.path), "%s", path);
	snprintf(e.source, sizeof(e.source), "%s", source);
	e.size = 10 * id;
	snprintf(e.digest, sizeof(e.digest), "sha256:%064lld", (long long)id);
	snprintf(e.imported_at, sizeof(e.imported_at), "2026-09-30T12:00:00Z");
	snprintf(e.effective_at, sizeof(e.effective_at), "%s", effective);
	snprintf(e.prev_hash, sizeof(e.prev_hash), "sha256:%064lld", (long long)id - 1);
	snprintf(e.hash, sizeof(e.hash), "sha256:%064lld", (long long)id);
	for (size_t i = 0; keys[i]; i++)
		assert_int_equal(fact_list_add(&facts, "person", keys[i],
					       json_pack("{s:s}", "name", names[i])), 0);
	assert_int_equal(store_writer_add(w, &e, &facts, &err), 0);
	fact_list_release(&facts);
}

/* Path hr/people.csv: v1 effective 2026-01-10 (alice "Alice"), v2 effective
 * 2026-03-01 (alice "Alice B", bob).  Path hr/other.csv: v3 effective
 * 2026-02-01 (carol).  v4 re-states hr/people.csv as of 2026-01-20 (a
 * backfilled export, imported last): a snapshot between v1 and v2. */
static int setup(void **state)
{
	static const char *const k1[] = {"alice@x.example", NULL};
	static const char *const n1[] = {"Alice"};
	static const char *const k2[] = {"alice@x.example", "bob@x.example", NULL};
	static const char *const n2[] = {"Alice B", "Bob"};
	static const char *const k3[] = {"carol@x.example", NULL};
	static const char *const n3[] = {"Carol"};
	static const char *const k4[] = {"dave@x.example", NULL};
	static const char *const n4[] = {"Dave"};
	struct fixture *f = calloc(1, sizeof(*f));
	struct store_writer *w;
	struct error err;
	char db[128];

	error_clear(&err);
	snprintf(f->dir, sizeof(f->dir), "/tmp/attest-test-facts-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(db, sizeof(db), "%s/attest.db", f->dir);
	assert_int_equal(store_open_sqlite(db, &f->s, &err), 0);
	assert_int_equal(store_begin(f->s, &err), 0);
	assert_int_equal(store_writer_open(f->s, &w, &err), 0);
	add_version(w, 1, "sources/hr/people.csv", "hr.roster", "2026-01-10T09:00:00Z", k1, n1);
	add_version(w, 2, "sources/hr/people.csv", "hr.roster", "2026-03-01T00:00:00Z", k2, n2);
	add_version(w, 3, "sources/hr/other.csv", "hr.roster", "2026-02-01T00:00:00Z", k3, n3);
	add_version(w, 4, "sources/hr/people.csv", "hr.roster", "2026-01-20T00:00:00Z", k4, n4);
	store_writer_free(w);
	assert_int_equal(store_commit(f->s, &err), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	store_close(f->s);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* "key@evidence" of each fact, for compact assertions. */
static void facts_text(struct store *s, const char *date, bool all, char *out,
		       size_t size)
{
	struct fact_list l;
	struct error err;
	size_t len = 0;

	error_clear(&err);
	fact_list_init(&l);
	if (all)
		assert_int_equal(store_facts_all_versions(s, "person", date ? day(date) : DAY_NONE, &l, &err), 0);
	else
		assert_int_equal(store_facts_as_of(s, "person", date ? day(date) : DAY_NONE, &l, &err), 0);
	out[0] = '\0';
	for (size_t i = 0; i < l.count; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s@%lld", i ? " " : "",
					l.items[i].key, (long long)l.items[i].evidence_id);
	fact_list_release(&l);
}

static void test_as_of_snapshots(void **state)
{
	struct fixture *f = *state;
	char t[512];

	facts_text(f->s, "2026-01-09", false, t, sizeof(t));
	assert_string_equal(t, "");                                   /* before */
	facts_text(f->s, "2026-01-10", false, t, sizeof(t));
	assert_string_equal(t, "alice@x.example@1");                  /* same day */
	facts_text(f->s, "2026-01-25", false, t, sizeof(t));
	assert_string_equal(t, "dave@x.example@4");                   /* backfill wins */
	facts_text(f->s, "2026-02-15", false, t, sizeof(t));
	assert_string_equal(t, "carol@x.example@3 dave@x.example@4");
	facts_text(f->s, "2026-03-01", false, t, sizeof(t));
	assert_string_equal(t, "alice@x.example@2 bob@x.example@2 carol@x.example@3");
	facts_text(f->s, NULL, false, t, sizeof(t));
	assert_string_equal(t, "alice@x.example@2 bob@x.example@2 carol@x.example@3");
}

static void test_all_versions_history(void **state)
{
	struct fixture *f = *state;
	char t[512];

	facts_text(f->s, "2026-02-15", true, t, sizeof(t));
	assert_string_equal(t, "alice@x.example@1 carol@x.example@3 dave@x.example@4");
	facts_text(f->s, NULL, true, t, sizeof(t));
	assert_string_equal(t, "alice@x.example@1 alice@x.example@2 bob@x.example@2 "
			       "carol@x.example@3 dave@x.example@4");
}

static void test_fact_fields_filled(void **state)
{
	struct fixture *f = *state;
	struct fact_list l;
	struct error err;

	error_clear(&err);
	fact_list_init(&l);
	assert_int_equal(store_facts_as_of(f->s, "person", day("2026-01-10"), &l, &err), 0);
	assert_int_equal(l.count, 1);
	assert_string_equal(l.items[0].kind, "person");
	assert_string_equal(fact_str(&l.items[0], "name"), "Alice");
	assert_int_equal(l.items[0].effective, day("2026-01-10"));
	assert_string_equal(l.items[0].digest, "sha256:0000000000000000000000000000000000000000000000000000000000000001");
	fact_list_release(&l);
	/* An unknown kind is simply empty. */
	assert_int_equal(store_facts_as_of(f->s, "vendor", DAY_NONE, &l, &err), 0);
	assert_int_equal(l.count, 0);
}

static void test_evidence_lookups(void **state)
{
	struct fixture *f = *state;
	struct evidence_entry e;
	struct evidence_iter *it;
	struct evidence_filter flt = {"hr", 0};
	struct error err;
	int64_t n_ev, n_facts, seen = 0;
	bool found, done;
	char **kinds;
	int64_t *counts;
	size_t n;

	error_clear(&err);
	evidence_entry_init(&e);
	assert_int_equal(store_evidence_last(f->s, &e, &found, &err), 0);
	assert_true(found);
	assert_int_equal(e.id, 4);
	assert_int_equal(store_evidence_get(f->s, 2, &e, &err), 0);
	assert_string_equal(e.path, "sources/hr/people.csv");
	assert_string_equal(e.effective_at, "2026-03-01T00:00:00Z");
	assert_int_equal(store_evidence_get(f->s, 99, &e, &err), ERR_NOTFOUND);
	assert_string_equal(err.message, "no evidence entry 99");
	assert_int_equal(store_evidence_counts(f->s, &n_ev, &n_facts, &err), 0);
	assert_int_equal(n_ev, 4);
	assert_int_equal(n_facts, 5);
	assert_int_equal(store_evidence_fact_counts(f->s, 2, &kinds, &counts, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(kinds[0], "person");
	assert_int_equal(counts[0], 2);
	free(kinds[0]);
	free(kinds);
	free(counts);
	/* Source prefix "hr" matches "hr.roster"; since is the effective date. */
	flt.since = day("2026-02-01");
	assert_int_equal(store_evidence_iter(f->s, &flt, &it, &err), 0);
	while (!store_evidence_next(it, &e, &done, &err) && !done)
		seen = seen * 10 + e.id;
	store_evidence_iter_free(it);
	assert_int_equal(seen, 23);
	flt.source = "h";
	flt.since = DAY_NONE;
	assert_int_equal(store_evidence_iter(f->s, &flt, &it, &err), 0);
	assert_int_equal(store_evidence_next(it, &e, &done, &err), 0);
	assert_true(done);
	store_evidence_iter_free(it);
	evidence_entry_release(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_as_of_snapshots, setup, teardown),
		cmocka_unit_test_setup_teardown(test_all_versions_history, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fact_fields_filled, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence_lookups, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
