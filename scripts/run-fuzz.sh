#!/bin/sh
# Builds every libFuzzer harness with clang (-fsanitize=fuzzer,address,
# undefined) and runs each for N seconds (default 20) from its seed corpus.
# New crashes are left in build/fuzz/<harness>-crash-*; exit 1 if any.
set -u
cd "$(dirname "$0")/.." || exit 2
seconds=${1:-20}
command -v clang >/dev/null || { echo "fuzz: clang not installed (scripts/install-deps.sh --test)"; exit 2; }
mkdir -p build/fuzz
srcs=$(find src -name '*.c' ! -name main.c | sort)
flags="-std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -Isrc -Ibuild/release/gen -Itests/fuzz -g -O1 -fsanitize=fuzzer,address,undefined $(pkg-config --cflags yaml-0.1 sqlite3 jansson libcrypto zlib libdeflate xlsxwriter)"
libs="$(pkg-config --libs yaml-0.1 sqlite3 jansson libcrypto zlib libdeflate xlsxwriter) -lm -lpthread"
make -s build/release/gen/embedded_data.c >/dev/null || exit 2
# One object set for all harnesses (built once, with fuzzer instrumentation).
objs=""
for s in $srcs build/release/gen/embedded_data.c; do
	o="build/fuzz/obj/$(echo "$s" | tr / _).o"
	mkdir -p build/fuzz/obj
	if [ ! -f "$o" ] || [ "$s" -nt "$o" ]; then
		clang $flags -fsanitize=fuzzer-no-link -c -o "$o" "$s" || exit 2
	fi
	objs="$objs $o"
done
failed=0; passed=0
for h in tests/fuzz/fuzz_*.c; do
	name=$(basename "$h" .c)
	clang $flags -o "build/fuzz/$name" "$h" $objs $libs || { failed=$((failed+1)); continue; }
	work="build/fuzz/corpus-$name"; mkdir -p "$work"
	if "build/fuzz/$name" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
		-artifact_prefix="build/fuzz/$name-" "$work" "tests/fuzz/corpus/$name" \
		>"build/fuzz/$name.log" 2>&1; then
		passed=$((passed+1)); echo "ok   $name ($(grep -c . "build/fuzz/$name.log") log lines, ${seconds}s)"
	else
		failed=$((failed+1)); echo "FAIL $name"; tail -30 "build/fuzz/$name.log"
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
