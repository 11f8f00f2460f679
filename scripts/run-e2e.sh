#!/bin/bash
# Runs every end-to-end script in tests/e2e/ against $ATTEST_BIN, each in
# its own temporary directory; prints a total.
set -u
cd "$(dirname "$0")/.." || exit 2
: "${ATTEST_BIN:?set ATTEST_BIN to the attest binary}"
export ATTEST_BIN
export ATTEST_SHARED="${ATTEST_SHARED:-$(cd .. && pwd)/shared}"
export ATTEST_REPO="$(pwd)"
passed=0; failed=0
for t in tests/e2e/*.sh; do
	[ "$(basename "$t")" = "lib.sh" ] && continue
	tmp=$(mktemp -d)
	start=$(date +%s)
	if (cd "$tmp" && TMPDIR="$tmp" bash "$ATTEST_REPO/$t") >"$tmp.log" 2>&1; then
		passed=$((passed + 1)); echo "ok   $t ($(( $(date +%s) - start ))s)"
	else
		failed=$((failed + 1)); echo "FAIL $t"; sed 's/^/    /' "$tmp.log" | tail -40
	fi
	rm -rf "$tmp" "$tmp.log"
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
