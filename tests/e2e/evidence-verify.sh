#!/bin/bash
# evidence-verify.sh - `attest evidence verify` catches each kind of damage
# with the entry it concerns (exit 1) and passes a clean locker (exit 0):
# a flipped bit in an object, a flipped bit in a ledger line, a deleted
# object, two swapped ledger lines, a database row changed behind its back.
. "$ATTEST_REPO/tests/e2e/lib.sh"

"$A" init clean >/dev/null
mkdir -p clean/sources/scans
cp "$REAL/trivy-golden/alpine-310.json" clean/sources/scans/trivy-alpine-310.json
cp "$REAL/grype-testdata/keycloak-21.0.2-image.grype.json" clean/sources/scans/grype-keycloak.json
"$A" -C clean import >/dev/null
expect_exit 0 "$A" -C clean evidence verify
[ "$out" = "ok: 13 entries, 13 objects verified" ] || fail "clean: $out"

# object_of ID: the object file of entry ID
object_of() {
	local d
	d=$("$A" -C "$1" evidence list --format json | jq -r ".[$(($2 - 1))].digest")
	d=${d#sha256:}
	echo "$1/.attest/objects/sha256/${d:0:2}/${d:2}"
}
# flip_bit FILE OFFSET: xor the low bit of the byte at OFFSET
flip_bit() {
	chmod u+w "$1"
	perl -e 'open(F, "+<", $ARGV[0]) or die; seek(F, $ARGV[1], 0); read(F, $b, 1);
		seek(F, $ARGV[1], 0); print F chr(ord($b) ^ 1); close F' "$1" "$2"
}
fresh() { rm -rf "$1"; cp -a clean "$1"; }

# --- one bit of an object -----------------------------------------------------
fresh t1
obj=$(object_of t1 2)
digest=$("$A" -C t1 evidence list --format json | jq -r '.[1].digest')
flip_bit "$obj" 100
expect_exit 1 "$A" -C t1 evidence verify
contains "$out" "entry 2: object $digest was altered (its content no longer hashes to its name)"
contains "$out" "FAILED: 1 problems in 13 entries, 13 objects checked"
expect_exit 2 "$A" -C t1 evidence cat 2
contains "$errout" "attest: object $digest was altered: its content hashes to sha256:"

# --- one bit of a ledger line (in entry 3's path) -----------------------------
fresh t2
off=$(($(head -n 2 t2/.attest/ledger.jsonl | wc -c) + $(sed -n 3p t2/.attest/ledger.jsonl | grep -bo '"path":"' | cut -d: -f1) + 10))
flip_bit t2/.attest/ledger.jsonl "$off"
expect_exit 1 "$A" -C t2 evidence verify
contains "$out" "entry 3: ledger line 3 was altered: hash mismatch: content hashes to sha256:"
contains "$out" "entry 3: database and ledger disagree on path"

# --- a deleted object -----------------------------------------------------------
fresh t3
obj=$(object_of t3 5)
digest=$("$A" -C t3 evidence list --format json | jq -r '.[4].digest')
rm -f "$obj"
expect_exit 1 "$A" -C t3 evidence verify
[ "$out" = "entry 5: object $digest is missing
FAILED: 1 problems in 13 entries, 13 objects checked" ] || fail "missing object: $out"

# --- two swapped ledger lines ---------------------------------------------------
fresh t4
{ sed -n 1p clean/.attest/ledger.jsonl; sed -n 3p clean/.attest/ledger.jsonl
  sed -n 2p clean/.attest/ledger.jsonl; sed -n '4,$p' clean/.attest/ledger.jsonl; } >t4/.attest/ledger.jsonl
expect_exit 1 "$A" -C t4 evidence verify
contains "$out" "entry 3: ledger line 2 holds entry 3: entries are out of order or missing"
contains "$out" "entry 2: ledger line 3 holds entry 2: entries are out of order or missing"
contains "$out" "entry 3: chain broken: prev is"

# --- a removed last line: shorter than committed ------------------------------
fresh t5
sed -i '$d' t5/.attest/ledger.jsonl
expect_exit 1 "$A" -C t5 evidence verify
contains "$out" "is shorter than committed"
contains "$out" "entry 13: in the database but missing from the ledger"
expect_exit 2 "$A" -C t5 import
contains "$errout" "entries were removed; run 'attest evidence verify'"

# --- the database changed behind the ledger's back ---------------------------
fresh t6
sqlite3 t6/.attest/attest.db "UPDATE evidence SET effective_at = '2020-01-01T00:00:00Z' WHERE id = 4"
expect_exit 1 "$A" -C t6 evidence verify
contains "$out" "entry 4: database and ledger disagree on effective (database: 2020-01-01T00:00:00Z, ledger: "

# The clean copy is still clean.
expect_exit 0 "$A" -C clean evidence verify
echo "evidence-verify.sh: ok"
