#!/bin/sh
# Replays each fuzz harness's corpus (tests/fuzz/corpus/<harness>/) through
# the harness linked with tests/fuzz/replay_main.c, under the sanitizers of
# the build flavour.
set -u
passed=0; failed=0
for bin in "$@"; do
	name=$(basename "$bin")
	corpus="tests/fuzz/corpus/$name"
	if [ ! -d "$corpus" ]; then
		echo "FAIL $name: no seed corpus in $corpus"; failed=$((failed + 1)); continue
	fi
	if out=$("$bin" "$corpus" 2>&1); then
		passed=$((passed + 1)); echo "ok   $name: $out"
	else
		failed=$((failed + 1)); echo "FAIL $name"; printf '%s\n' "$out" | tail -30
	fi
done
echo "fuzz-replay: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
