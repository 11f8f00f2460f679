#!/bin/bash
# import-kill.sh - SIGKILL an import at many moments: the workspace must be
# exactly as before or exactly as after (same evidence list, `evidence
# verify` clean, ledger lines = database rows), and the next import must
# complete.  docs/evidence.md "Atomicity" is the protocol under test.
. "$ATTEST_REPO/tests/e2e/lib.sh"

# SIGKILL (not power loss) is under test, so the file system does not
# matter: use memory when there is some, to keep ~20 imports fast on a busy
# disk (syncfs there waits for everyone's dirty data).
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
	shm=$(mktemp -d -p /dev/shm attest-kill.XXXXXX)
	trap 'rm -rf "$shm"' EXIT
	cd "$shm"
fi

"$A" init base >/dev/null
mkdir -p base/registers/access-reviews base/sources/scans
# One committed import first, so "before" is not empty.
cp "$REAL/trivy-golden/alpine-310.json" base/sources/scans/trivy-alpine-310.json
"$A" -C base import >/dev/null
N=600
for i in $(seq 1 $N); do
	printf 'system,account,email,access,decision,reviewer,reviewed_at\naws:111122223333,user%d,u%d@acme-health.example,ReadOnly,keep,m.chen@acme-health.example,2026-01-15\n' \
		"$i" "$i" >base/registers/access-reviews/review-$i.csv
done

# The evidence list without times and hashes (they differ between runs).
shape() { "$A" -C "$1" evidence list --format json | jq -c '[.[] | [.seq, .path, .digest, .size, .source]]'; }
rows() { sqlite3 "$1/.attest/attest.db" 'SELECT COUNT(*) FROM evidence; SELECT COUNT(*) FROM facts;'; }

before=$(shape base); before_rows=$(rows base)
rm -rf full; cp -a base full
start=$(date +%s%N)
"$A" -C full import >/dev/null
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
after=$(shape full); after_rows=$(rows full)
[ "$before" != "$after" ] || fail "the import changed nothing"
echo "full import of $N files: ${elapsed_ms} ms"

check_state() { # DIR LABEL
	local s r lines
	expect_exit 0 "$A" -C "$1" evidence verify
	s=$(shape "$1"); r=$(rows "$1")
	lines=$(wc -l <"$1/.attest/ledger.jsonl")
	if [ "$s" = "$before" ]; then
		[ "$r" = "$before_rows" ] || fail "$2: rows differ from before"
		echo "$2: as before"
	elif [ "$s" = "$after" ]; then
		[ "$r" = "$after_rows" ] || fail "$2: rows differ from after"
		echo "$2: as after"
	else
		fail "$2: workspace is neither before nor after"
	fi
	[ "$lines" -eq "$(sqlite3 "$1/.attest/attest.db" 'SELECT COUNT(*) FROM evidence')" ] ||
		fail "$2: ledger has $lines lines"
}

# try_kill LABEL WHEN: start an import in a copy of base, SIGKILL it when
# WHEN says (a delay in ms, or a condition polled in a tight loop), check.
kills=0
try_kill() {
	rm -rf k/.attest; cp -a base/.attest k/.attest   # the state only
	"$A" -C k import >/dev/null 2>&1 &
	local pid=$! n=0
	case "$2" in
	ms:*)	local d=${2#ms:}
		sleep "$(printf '%d.%03d' $((d / 1000)) $((d % 1000)))";;
	*)	until eval "$2" || [ $n -gt 200000 ]; do n=$((n + 1)); done;;
	esac
	kill -9 "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	check_state k "kill $1"
	kills=$((kills + 1))
	# Every fourth time, the next import must finish the job.
	if [ $((kills % 4)) -eq 0 ]; then
		"$A" -C k import >/dev/null
		[ "$(shape k)" = "$after" ] || fail "import after kill $1 is incomplete"
	fi
}

ledger0=$(wc -c <base/.attest/ledger.jsonl)
rm -rf k; cp -a base k
for pct in 3 15 30 50 70 85 100 115; do
	try_kill "at $pct% of the run" "ms:$(( elapsed_ms * pct / 100 ))"
done
# The moments that matter most, found by polling: temp objects written,
# ledger lines appended (before COMMIT), the ledger grown to its full size.
try_kill "once objects are being written" \
	'[ -n "$(find k/.attest/objects -name ".tmp-*" -print -quit 2>/dev/null)" ]'
try_kill "once the ledger has grown" \
	'[ "$(stat -c %s k/.attest/ledger.jsonl 2>/dev/null || echo 0)" -gt "$ledger0" ]'
full_ledger=$(wc -c <full/.attest/ledger.jsonl)
try_kill "once the ledger is complete" \
	'[ "$(stat -c %s k/.attest/ledger.jsonl 2>/dev/null || echo 0)" -ge "$full_ledger" ]'
[ "$kills" -ge 10 ] || fail "only $kills kill points"
echo "import-kill.sh: ok ($kills kill points)"
