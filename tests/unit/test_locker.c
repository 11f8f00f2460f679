/*
 * test_locker.c - the evidence locker: digests, content-addressed objects
 * (idempotent writes, layout), ledger canonical form, hash chain, tamper
 * detection, and recovery of an uncommitted ledger tail.
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

#include "locker/digest.h"
#include "locker/ledger.h"
#include "locker/locker.h"
#include "store/store.h"
#include "util/fs.h"

static char *make_tmpdir(void)
{
	char tmpl[] = "/tmp/attest-test-locker-XXXXXX";
	char *d = mkdtemp(tmpl);

	assert_non_null(d);
	return strdup(d);
}

static void remove_tree(const char *dir)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

static void test_digest_known_value(void **state)
{
	char d[DIGEST_TEXT_SIZE];
	struct error err;

	(void)state;
	error_clear(&err);
	assert_int_equal(digest_sha256("abc", 3, d, &err), 0);
	assert_string_equal(d, "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_true(digest_valid(d));
	assert_false(digest_valid("sha256:BA7816bf"));
	assert_true(digest_valid(DIGEST_ZERO));
}

static void test_object_write_idempotent(void **state)
{
	char *dir = make_tmpdir(), d[DIGEST_TEXT_SIZE], path[1200], tmp[1300];
	struct objects *o;
	struct error err;
	bool created;
	char *data;
	size_t len;

	(void)state;
	error_clear(&err);
	assert_int_equal(objects_open(dir, true, &o, &err), 0);
	assert_int_equal(digest_sha256("hello\n", 6, d, &err), 0);
	assert_int_equal(objects_put(o, d, "hello\n", 6, &created, &err), 0);
	assert_true(created);
	/* Pending: a second put of the same bytes is not a second object. */
	assert_int_equal(objects_put(o, d, "hello\n", 6, &created, &err), 0);
	assert_false(created);
	assert_int_equal(objects_pending(o), 1);
	assert_int_equal(objects_path(o, d, path, sizeof(path), &err), 0);
	assert_false(fs_exists(path));     /* not visible before flush */
	assert_int_equal(objects_flush(o, &err), 0);
	assert_int_equal(objects_pending(o), 0);
	/* Layout: objects/sha256/<2 hex>/<62 hex>, exactly the bytes. */
	snprintf(tmp, sizeof(tmp), "%s/objects/sha256/58/"
		 "91b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", dir);
	assert_string_equal(path, tmp);
	assert_int_equal(fs_read_file(path, 100, &data, &len, &err), 0);
	assert_int_equal(len, 6);
	assert_memory_equal(data, "hello\n", 6);
	free(data);
	snprintf(tmp, sizeof(tmp), "%s/objects/sha256/58/.tmp-"
		 "91b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03", dir);
	assert_false(fs_exists(tmp));
	/* Stored: writing it again creates nothing. */
	assert_int_equal(objects_put(o, d, "hello\n", 6, &created, &err), 0);
	assert_false(created);
	assert_int_equal(objects_pending(o), 0);
	objects_free(o);
	remove_tree(dir);
	free(dir);
}

static void test_object_unflushed_discarded(void **state)
{
	char *dir = make_tmpdir(), d[DIGEST_TEXT_SIZE], tmp[1300];
	struct objects *o;
	struct error err;
	bool created;

	(void)state;
	error_clear(&err);
	assert_int_equal(objects_open(dir, true, &o, &err), 0);
	assert_int_equal(digest_sha256("x", 1, d, &err), 0);
	assert_int_equal(objects_put(o, d, "x", 1, &created, &err), 0);
	snprintf(tmp, sizeof(tmp), "%s/objects/sha256/%.2s/.tmp-%s", dir, d + 7, d + 9);
	assert_true(fs_exists(tmp));
	objects_free(o);                /* a failed import: temp files go */
	assert_false(fs_exists(tmp));
	remove_tree(dir);
	free(dir);
}

static void fill_entry(struct evidence_entry *e, int64_t id, const char *prev)
{
	evidence_entry_init(e);
	e->id = id;
	snprintf(e->kind, sizeof(e->kind), "import");
	snprintf(e->path, sizeof(e->path), "registers/vendors.csv");
	snprintf(e->source, sizeof(e->source), "register.vendors");
	e->size = 123;
	snprintf(e->digest, sizeof(e->digest), "%s",
		 "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	snprintf(e->imported_at, sizeof(e->imported_at), "2026-04-02T10:00:00Z");
	snprintf(e->effective_at, sizeof(e->effective_at), "2026-04-01T00:00:00Z");
	snprintf(e->prev_hash, sizeof(e->prev_hash), "%s", prev);
}

static void test_ledger_canonical_and_chain(void **state)
{
	struct evidence_entry a, b, p;
	struct buf line = BUF_INIT, text = BUF_INIT;
	char want[DIGEST_TEXT_SIZE];
	struct error err;

	(void)state;
	error_clear(&err);
	fill_entry(&a, 1, DIGEST_ZERO);
	assert_int_equal(ledger_entry_json(&a, false, &text, &err), 0);
	assert_string_equal(text.data,
		"{\"digest\":\"sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\","
		"\"effective\":\"2026-04-01T00:00:00Z\",\"imported_at\":\"2026-04-02T10:00:00Z\","
		"\"kind\":\"import\",\"path\":\"registers/vendors.csv\","
		"\"prev\":\"" DIGEST_ZERO "\",\"seq\":1,\"size\":123,"
		"\"source\":\"register.vendors\"}");
	assert_int_equal(ledger_entry_seal(&a, &err), 0);
	/* The hash is sha256 of exactly that text. */
	assert_int_equal(digest_sha256(text.data, text.len, want, &err), 0);
	assert_string_equal(a.hash, want);
	fill_entry(&b, 2, a.hash);
	assert_int_equal(ledger_entry_seal(&b, &err), 0);
	assert_string_not_equal(a.hash, b.hash);
	/* A sealed line parses back to the same entry. */
	assert_int_equal(ledger_entry_json(&b, true, &line, &err), 0);
	evidence_entry_init(&p);
	assert_int_equal(ledger_entry_parse(line.data, line.len, &p, &err), 0);
	assert_int_equal(p.id, 2);
	assert_string_equal(p.prev_hash, a.hash);
	assert_string_equal(p.hash, b.hash);
	evidence_entry_release(&p);
	buf_release(&line);
	buf_release(&text);
}

static void test_ledger_tamper_detected(void **state)
{
	struct evidence_entry a, p;
	struct buf line = BUF_INIT;
	struct error err;
	char *at;

	(void)state;
	error_clear(&err);
	fill_entry(&a, 1, DIGEST_ZERO);
	assert_int_equal(ledger_entry_seal(&a, &err), 0);
	assert_int_equal(ledger_entry_json(&a, true, &line, &err), 0);
	evidence_entry_init(&p);
	/* One changed byte of the content: the hash no longer matches. */
	at = strstr(line.data, "\"size\":123");
	at[8] = '4';
	assert_int_equal(ledger_entry_parse(line.data, line.len, &p, &err), ERR_INTEGRITY);
	assert_non_null(strstr(err.message, "hash mismatch"));
	at[8] = '3';
	/* Same content, other spelling: not canonical, caught too. */
	buf_reset(&line);
	assert_int_equal(ledger_entry_json(&a, true, &line, &err), 0);
	line.data[line.len - 1] = ' ';
	assert_int_equal(buf_addch(&line, '}'), 0);
	error_clear(&err);
	assert_int_equal(ledger_entry_parse(line.data, line.len, &p, &err), ERR_INTEGRITY);
	assert_string_equal(err.message, "line is not in canonical form");
	/* Not JSON at all. */
	error_clear(&err);
	assert_int_equal(ledger_entry_parse("{\"seq\":", 7, &p, &err), ERR_INPUT);
	evidence_entry_release(&p);
	buf_release(&line);
}

static void test_ledger_rejects_control_characters(void **state)
{
	struct evidence_entry a;
	struct error err;

	(void)state;
	error_clear(&err);
	fill_entry(&a, 1, DIGEST_ZERO);
	snprintf(a.path, sizeof(a.path), "sources/a\001b.json");
	assert_int_equal(ledger_entry_seal(&a, &err), ERR_INPUT);
	assert_string_equal(err.message, "path contains a control character (0x01)");
}

/* A ledger line written but never committed is cut off on the next open;
 * a ledger shorter than committed refuses writing. */
static void test_locker_recovery(void **state)
{
	char *dir = make_tmpdir(), db[600], ledger[600];
	struct store *s;
	struct locker *l, *l2;
	struct evidence_entry a;
	struct error err;
	off_t len;

	(void)state;
	error_clear(&err);
	snprintf(db, sizeof(db), "%s/attest.db", dir);
	snprintf(ledger, sizeof(ledger), "%s/ledger.jsonl", dir);
	assert_int_equal(store_open_sqlite(db, &s, &err), 0);
	assert_int_equal(locker_open(dir, s, &l, &err), 0);
	assert_int_equal(l->committed_bytes, 0);
	/* Second opener while the lock is held. */
	assert_int_equal(locker_open(dir, s, &l2, &err), ERR_EXISTS);
	fill_entry(&a, 1, DIGEST_ZERO);
	assert_int_equal(ledger_entry_seal(&a, &err), 0);
	assert_int_equal(ledger_append(l->ledger, &a, &err), 0);
	assert_int_equal(ledger_sync(l->ledger, &len, &err), 0);
	assert_true(len > 0);
	locker_close(l);             /* "killed" before COMMIT */
	error_clear(&err);
	assert_int_equal(locker_open(dir, s, &l, &err), 0);
	assert_int_equal(l->truncated_bytes, len);
	assert_int_equal(l->ledger_bytes, 0);
	assert_int_equal(locker_check_writable(l, &err), 0);
	locker_close(l);
	/* Committed 10 bytes, file has 0: removed lines. */
	assert_int_equal(store_meta_set(s, LOCKER_META_LENGTH, "10", &err), 0);
	assert_int_equal(locker_open(dir, s, &l, &err), 0);
	assert_int_equal(locker_check_writable(l, &err), ERR_INTEGRITY);
	assert_non_null(strstr(err.message, "is shorter than committed (0 < 10 bytes)"));
	locker_close(l);
	store_close(s);
	remove_tree(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_digest_known_value),
		cmocka_unit_test(test_object_write_idempotent),
		cmocka_unit_test(test_object_unflushed_discarded),
		cmocka_unit_test(test_ledger_canonical_and_chain),
		cmocka_unit_test(test_ledger_tamper_detected),
		cmocka_unit_test(test_ledger_rejects_control_characters),
		cmocka_unit_test(test_locker_recovery),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
