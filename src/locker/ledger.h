/*
 * ledger.h - .attest/ledger.jsonl, the append-only, hash-chained record of
 * every evidence entry (docs/evidence.md "The ledger").
 *
 * One line per entry: the canonical JSON (jansson JSON_COMPACT |
 * JSON_SORT_KEYS) of the entry's fields, with
 *
 *     hash = "sha256:" + sha256(canonical JSON of the entry without "hash")
 *     prev = the previous line's hash ("sha256:000...0" for the first)
 *
 * so an auditor can recompute the chain with jq and sha256sum alone.
 * Strings must be valid UTF-8 without control characters other than tab,
 * newline and carriage return: those are escaped the same way by jansson
 * and jq, which keeps the hand recipe exact.
 */
#ifndef ATTEST_LOCKER_LEDGER_H
#define ATTEST_LOCKER_LEDGER_H

#include <stdbool.h>
#include <sys/types.h>

#include "store/store.h"
#include "util/buf.h"
#include "util/error.h"

#define LEDGER_FILE "ledger.jsonl"
#define LEDGER_LINE_MAX ((size_t)1 << 20)

/* Canonical JSON of e (no newline) into out (appended); with_hash false
 * gives the text that is hashed.  ERR_INPUT names a field that cannot be
 * represented (bad UTF-8, control characters). */
int ledger_entry_json(const struct evidence_entry *e, bool with_hash,
		      struct buf *out, struct error *err);
/* Computes e->hash from the other fields. */
int ledger_entry_seal(struct evidence_entry *e, struct error *err);

/* Parses one ledger line (without its newline) into *e.  ERR_INPUT when it
 * is not an entry; then, with *e filled, ERR_INTEGRITY when its hash does
 * not match its content or the line is not in canonical form. */
int ledger_entry_parse(const char *line, size_t len, struct evidence_entry *e,
		       struct error *err);

/* The ledger file, for appending within an import. */
struct ledger;
int ledger_open(const char *state_dir, struct ledger **out, struct error *err);
void ledger_close(struct ledger *l);                    /* NULL is fine */
const char *ledger_path(const struct ledger *l);
/* Current size of the file in bytes (buffered lines not included). */
int ledger_size(struct ledger *l, off_t *size, struct error *err);
/* Cuts the file to `size` bytes and drops buffered lines; syncs. */
int ledger_truncate(struct ledger *l, off_t size, struct error *err);
/* Positions appends at `offset` (normally the committed length). */
void ledger_seek(struct ledger *l, off_t offset);
/* Buffers one line for e (sealed); written at the latest by ledger_sync. */
int ledger_append(struct ledger *l, const struct evidence_entry *e,
		  struct error *err);
/* Writes buffered lines and fsyncs; *length is the file's new length. */
int ledger_sync(struct ledger *l, off_t *length, struct error *err);

#endif
