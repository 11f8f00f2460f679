#!/bin/sh
# bench/import.sh - the import benchmark: how long `attest import` takes on
# a large fictional company, compared with jq merely parsing the same JSON.
#
#   bench/import.sh [--quick] [--keep] [DIVISOR]
#
# DIVISOR divides every count of bench/gen-company.c (default 1: 10,000
# people, 60,000 accounts, 200,000 pull requests with their reviews, 5,000
# Jira issues, 500 scans, the registers); --quick is DIVISOR 20.  --keep
# leaves the generated workspace in place and prints where it is.
#
# Target: attest import takes no longer than `jq -c .` over the same JSON
# files (find ... -name '*.json' | xargs jq -c . >/dev/null, run once), with
# a peak resident memory under 1 GiB.  Exit status: 0 when both hold, 1 when
# not, 2 when something could not run.
#
# Environment: ATTEST (default build/release/attest), CC (default cc),
# TMPDIR (where the workspace is generated; it needs ~1.5 GB at full size).
set -eu

cd "$(dirname "$0")/.."
root=$(pwd)
divisor=1
keep=0
for arg in "$@"; do
	case $arg in
	--quick) divisor=20 ;;
	--keep) keep=1 ;;
	-h|--help) sed -n '2,19p' "$0"; exit 0 ;;
	*[!0-9]*|'') echo "import.sh: unknown argument '$arg'" >&2; exit 2 ;;
	*) divisor=$arg ;;
	esac
done

ATTEST=${ATTEST:-$root/build/release/attest}
CC=${CC:-cc}
command -v jq >/dev/null || { echo "import.sh: jq is not installed" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/attest-bench.XXXXXX")
cleanup() {
	if [ "$keep" = 1 ]; then
		echo "workspace kept: $work/ws"
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT INT TERM

now() { date +%s.%N; }
elapsed() { echo "$2 - $1" | bc -l | sed 's/^\./0./'; }

echo "== building the generator"
"$CC" -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra \
	-o "$work/gen-company" bench/gen-company.c

ws=$work/ws
have_attest=0
if [ -x "$ATTEST" ]; then
	have_attest=1
	"$ATTEST" init "$ws" >/dev/null
else
	echo "import.sh: $ATTEST not built (make); generating and timing jq only" >&2
	mkdir -p "$ws"
fi

echo "== generating the company (divisor $divisor) into $ws"
t0=$(now)
"$work/gen-company" "$ws" "$divisor"
t1=$(now)
files=$(find "$ws/sources" "$ws/registers" "$ws/policies" -type f | wc -l)
json_files=$(find "$ws/sources" -name '*.json' | wc -l)
bytes=$(find "$ws/sources" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%d", s }')
printf 'generated %s files (%s JSON), %s MB of sources in %.1f s\n' \
	"$files" "$json_files" "$((bytes / 1000000))" "$(elapsed "$t0" "$t1")"

# Warm the page cache so neither run pays for the disk first.
find "$ws/sources" -type f -print0 | xargs -0 cat >/dev/null

echo "== jq -c . over the JSON files"
t0=$(now)
find "$ws/sources" -name '*.json' -print0 | xargs -0 jq -c . >/dev/null
t1=$(now)
jq_s=$(elapsed "$t0" "$t1")
printf 'jq:     %8.2f s\n' "$jq_s"

if [ "$have_attest" = 0 ]; then
	echo "attest: not run (no binary at $ATTEST)"
	exit 2
fi

echo "== attest import"
log=$work/time.log
t0=$(now)
status=0
/usr/bin/time -v -o "$log" "$ATTEST" -C "$ws" import >"$work/import.out" 2>&1 || status=$?
t1=$(now)
attest_s=$(elapsed "$t0" "$t1")
if [ "$status" -ne 0 ]; then
	echo "attest import failed (exit $status):" >&2
	tail -20 "$work/import.out" >&2
	exit 2
fi
rss_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$log")
rss_mb=$((rss_kb / 1024))
ratio=$(echo "$attest_s / $jq_s" | bc -l)
printf 'attest: %8.2f s   peak RSS %d MiB\n' "$attest_s" "$rss_mb"
printf 'ratio attest/jq: %.2f   (target <= 1.00; peak RSS target < 1024 MiB)\n' "$ratio"
tail -3 "$work/import.out"

ok=1
[ "$(echo "$ratio <= 1" | bc -l)" = 1 ] || ok=0
[ "$rss_mb" -lt 1024 ] || ok=0
if [ "$ok" = 1 ]; then
	echo "PASS: import is no slower than jq and stays under 1 GiB"
	exit 0
fi
echo "FAIL: target missed"
exit 1
