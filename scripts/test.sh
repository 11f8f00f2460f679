#!/bin/bash
# The whole test suite, as CI runs it (README "Run the tests"):
#   1. install missing Debian packages
#   2. lint: banned libc calls
#   3. release build (warnings are errors)
#   4. AddressSanitizer + UndefinedBehaviorSanitizer build, then unit tests,
#      end-to-end tests against the real binary, fuzz-corpus replay
#   5. every libFuzzer harness for FUZZ_SECONDS (default 10) each
# Ends with one "N passed, N failed" line.
set -u
set -o pipefail
cd "$(dirname "$0")/.." || exit 2
scripts/install-deps.sh --test || exit 2
export ATTEST_SHARED="${ATTEST_SHARED:-$(cd .. && pwd)/shared}"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
jobs=$(nproc 2>/dev/null || echo 2)
total_pass=0; total_fail=0
log=$(mktemp)

step() {
	local name=$1; shift
	echo "== $name"
	if "$@" 2>&1 | tee "$log"; then
		rc=0
	else
		rc=1
	fi
	# Count the "N passed, N failed" line the step printed, else the step.
	local line
	line=$(grep -E '^[a-z-]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	if [ -n "$line" ]; then
		total_pass=$((total_pass + $(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')))
		total_fail=$((total_fail + $(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')))
	elif [ $rc -eq 0 ]; then
		total_pass=$((total_pass + 1))
	fi
	if [ $rc -ne 0 ]; then
		[ -z "$line" ] && total_fail=$((total_fail + 1))
		echo "== $name FAILED"
	fi
	return 0
}

step "banned functions" scripts/check-banned.sh
step "release build" make -j"$jobs" FLAVOR=release
step "sanitizer build" make -j"$jobs" FLAVOR=asan build/asan/attest
step "unit tests (asan+ubsan)" make -j"$jobs" FLAVOR=asan check-unit
step "end-to-end tests (asan+ubsan binary)" make -j"$jobs" FLAVOR=asan check-e2e
step "fuzz corpus replay (asan+ubsan)" make -j"$jobs" FLAVOR=asan check-fuzz-replay
step "fuzzing (${FUZZ_SECONDS:-10}s per harness)" scripts/run-fuzz.sh "${FUZZ_SECONDS:-10}"
rm -f "$log"
echo
echo "${total_pass} passed, ${total_fail} failed"
[ "$total_fail" -eq 0 ]
