#!/bin/sh
# Runs every unit-test binary given; prints each failing binary and a total.
# cmocka prints its own per-test lines; the last line here is the summary.
set -u
passed=0; failed=0; failed_bins=""
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	passed=$((passed + ${p:-0}))
	if [ $rc -ne 0 ]; then
		printf '%s\n' "$out"
		failed=$((failed + ${f:-1}))
		failed_bins="$failed_bins $(basename "$t")"
	else
		echo "ok   $(basename "$t") (${p:-0} tests)"
	fi
done
[ -n "$failed_bins" ] && echo "failing unit test binaries:$failed_bins"
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
