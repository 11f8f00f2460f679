/*
 * test_import_pipeline.c - an import is all or nothing: when the third file
 * is bad nothing is committed (no rows, no ledger bytes, no objects); with
 * keep_going the good files are; re-import is a no-op; a changed file is a
 * new version; the result verifies.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "import/import.h"
#include "locker/verify.h"
#include "util/fs.h"

struct fixture {
	char root[64];
	char state[96];
	struct config config;
	struct store *s;
	int failed_events;
};

static void write_file(const char *root, const char *rel, const char *text)
{
	char path[256];
	struct error err;

	error_clear(&err);
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	assert_int_equal(fs_write_atomic(path, text, strlen(text), &err), 0);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct error err;
	char path[160];

	error_clear(&err);
	snprintf(f->root, sizeof(f->root), "/tmp/attest-test-import-XXXXXX");
	assert_non_null(mkdtemp(f->root));
	snprintf(f->state, sizeof(f->state), "%s/.attest", f->root);
	snprintf(path, sizeof(path), "%s/registers", f->root);
	assert_int_equal(fs_mkdir_p(path, false, &err), 0);
	assert_int_equal(fs_mkdir_p(f->state, false, &err), 0);
	config_defaults(&f->config);
	/* Sorted order: assets, exercises, vendors (the bad one) + a README. */
	write_file(f->root, "registers/assets.csv",
		   "id,name,type,owner_email,environment,classification\n"
		   "A-1,Prod DB,database,m.chen@acme-health.example,prod,confidential\n");
	write_file(f->root, "registers/exercises.csv",
		   "type,date,title,outcome\ntabletop,2026-02-01,Ransomware,ok\n");
	write_file(f->root, "registers/vendors.csv",
		   "name,tier,service,owner_email,last_review,soc2_report_expires,security_addendum\n"
		   "Acme Cloud,critical,Hosting,m.chen@acme-health.example,2026-01-10,2026-11-30,yes\n"
		   "Pager Co,urgent,On-call paging,,2025-03-02,,no\n");
	write_file(f->root, "registers/README.md", "not imported\n");
	snprintf(path, sizeof(path), "%s/attest.db", f->state);
	assert_int_equal(store_open_sqlite(path, &f->s, &err), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	store_close(f->s);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->root);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

static void on_event(void *arg, const struct import_event *ev)
{
	struct fixture *f = arg;

	if (ev->kind == IMPORT_FAILED)
		f->failed_events++;
}

static int run(struct fixture *f, bool keep_going, struct import_summary *sum,
	       struct error *err)
{
	struct import_request req = {0};

	req.root = f->root;
	req.state_dir = f->state;
	req.config = &f->config;
	req.store = f->s;
	req.keep_going = keep_going;
	req.effective = STAMP_NONE;
	req.now = 1775000000;   /* 2026-03-31T23:33:20Z */
	req.on_event = on_event;
	req.arg = f;
	import_summary_init(sum);
	return import_run(&req, sum, err);
}

static int64_t count_objects(const struct fixture *f)
{
	char cmd[200];
	FILE *p;
	long long n = -1;

	snprintf(cmd, sizeof(cmd),
		 "find '%s/objects' -type f ! -name '.tmp-*' 2>/dev/null | wc -l", f->state);
	p = popen(cmd, "r");
	assert_non_null(p);
	assert_int_equal(fscanf(p, "%lld", &n), 1);
	pclose(p);
	return n;
}

static off_t ledger_bytes(const struct fixture *f)
{
	char path[160];
	struct stat st;

	snprintf(path, sizeof(path), "%s/ledger.jsonl", f->state);
	return stat(path, &st) ? 0 : st.st_size;
}

static int report(void *arg, int64_t id, const char *msg)
{
	(void)arg;
	print_error("entry %lld: %s\n", (long long)id, msg);
	return 0;
}

static void assert_verifies(struct fixture *f, int64_t entries)
{
	struct locker *l;
	struct verify_result res;
	struct error err;

	error_clear(&err);
	assert_int_equal(locker_open(f->state, f->s, &l, &err), 0);
	assert_int_equal(locker_verify(l, f->s, report, NULL, &res, &err), 0);
	locker_close(l);
	assert_int_equal(res.problems, 0);
	assert_int_equal(res.entries, entries);
}

static void test_bad_third_file_commits_nothing(void **state)
{
	struct fixture *f = *state;
	struct import_summary sum;
	struct error err;
	int64_t ev, facts;
	char msg[1024];

	error_clear(&err);
	assert_int_equal(run(f, false, &sum, &err), ERR_INPUT);
	import_summary_release(&sum);
	error_format(&err, msg, sizeof(msg));
	assert_string_equal(msg, "registers/vendors.csv:3: row 2: field 'tier': "
				 "tier 'urgent' is not one of critical, high, medium, low");
	assert_int_equal(store_evidence_counts(f->s, &ev, &facts, &err), 0);
	assert_int_equal(ev, 0);
	assert_int_equal(facts, 0);
	assert_int_equal(ledger_bytes(f), 0);
	assert_int_equal(count_objects(f), 0);
	assert_verifies(f, 0);
}

static void test_keep_going_and_reimport(void **state)
{
	struct fixture *f = *state;
	struct import_summary sum;
	struct evidence_entry e;
	struct error err;
	int64_t ev, facts;
	bool found;

	error_clear(&err);
	assert_int_equal(run(f, true, &sum, &err), 0);
	assert_int_equal(sum.failed, 1);
	assert_int_equal(f->failed_events, 1);
	assert_int_equal(sum.count, 3);
	assert_string_equal(sum.sources[0].name, "register.assets");
	assert_int_equal(sum.sources[0].new_versions, 1);
	assert_int_equal(sum.sources[0].records, 1);
	import_summary_release(&sum);
	assert_int_equal(store_evidence_counts(f->s, &ev, &facts, &err), 0);
	assert_int_equal(ev, 2);
	assert_int_equal(count_objects(f), 2);
	assert_verifies(f, 2);

	/* Unchanged files are not new versions. */
	assert_int_equal(run(f, true, &sum, &err), 0);
	assert_int_equal(sum.sources[0].unchanged, 1);
	assert_int_equal(sum.sources[0].new_versions, 0);
	import_summary_release(&sum);
	assert_int_equal(store_evidence_counts(f->s, &ev, &facts, &err), 0);
	assert_int_equal(ev, 2);

	/* Fixed file: a third entry, chained to the second. */
	write_file(f->root, "registers/vendors.csv",
		   "name,tier,service,owner_email,last_review,soc2_report_expires,security_addendum\n"
		   "Pager Co,high,On-call paging,,2025-03-02,,no\n");
	assert_int_equal(run(f, false, &sum, &err), 0);
	assert_int_equal(sum.failed, 0);
	import_summary_release(&sum);
	evidence_entry_init(&e);
	assert_int_equal(store_evidence_last(f->s, &e, &found, &err), 0);
	assert_int_equal(e.id, 3);
	assert_string_equal(e.path, "registers/vendors.csv");
	assert_string_equal(e.source, "register.vendors");
	assert_string_equal(e.imported_at, "2026-03-31T23:33:20Z");
	assert_string_equal(e.effective_at, "2026-03-31T23:33:20Z");
	evidence_entry_release(&e);
	assert_verifies(f, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_bad_third_file_commits_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keep_going_and_reimport, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
