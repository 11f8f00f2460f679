#!/bin/sh
# bench/checks.sh - how long the checks and the assessment take on the large
# fictional company of bench/gen-company.c, compared with the SQLite shell
# merely reading every stored fact once (the cost of touching the data at
# all with a common tool).
#
#   bench/checks.sh [--quick] [DIVISOR]
#
# DIVISOR divides the company's size (default 1: 10,000 people, 60,000
# accounts, 200,000 pull requests...); --quick is DIVISOR 20.
# Targets: `attest check` and `attest assess` each under 10 seconds at full
# size.  Prints both times, the sqlite3 time and the ratios.  Exit 0 when
# the targets hold, 1 when not, 2 when something could not run.
# Environment: ATTEST (default build/release/attest), CC, TMPDIR.
set -eu
cd "$(dirname "$0")/.."
divisor=1
for arg in "$@"; do
	case $arg in
	--quick) divisor=20 ;;
	*[!0-9]*|'') echo "checks.sh: unknown argument '$arg'" >&2; exit 2 ;;
	*) divisor=$arg ;;
	esac
done
ATTEST=${ATTEST:-$(pwd)/build/release/attest}
CC=${CC:-cc}
command -v sqlite3 >/dev/null || { echo "checks.sh: sqlite3 is not installed" >&2; exit 2; }
[ -x "$ATTEST" ] || { echo "checks.sh: build attest first (make)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/attest-bench-checks.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc -l | sed 's/^\./0./'; }

echo "== generating the company (divisor $divisor) and importing it"
"$CC" -std=c11 -D_DEFAULT_SOURCE -D_POSIX_C_SOURCE=200809L -O2 -o "$work/gen" bench/gen-company.c
"$ATTEST" init "$work/ws" >/dev/null
"$work/gen" "$work/ws" "$divisor" >/dev/null
# The generator writes a complete attest.yaml of its own when it has one;
# give the window the assessment needs either way.
grep -q '^audit:' "$work/ws/attest.yaml" || printf 'audit:\n  type: 2\n  window: {start: 2026-04-01, end: 2026-09-30}\n' >> "$work/ws/attest.yaml"
"$ATTEST" -C "$work/ws" import --effective 2026-09-30 >/dev/null
facts=$(sqlite3 "$work/ws/.attest/attest.db" "select count(*) from facts")
echo "   $facts facts stored"

t0=$(now); sqlite3 "$work/ws/.attest/attest.db" "select kind, key, data from facts" >/dev/null; t1=$(now)
sql=$(secs "$t0" "$t1")
t0=$(now); "$ATTEST" -C "$work/ws" check --as-of 2026-09-30 --format json >/dev/null || [ $? -eq 1 ]; t1=$(now)
check=$(secs "$t0" "$t1")
t0=$(now); "$ATTEST" -C "$work/ws" assess --as-of 2026-09-30 --format json >/dev/null || [ $? -eq 1 ]; t1=$(now)
assess=$(secs "$t0" "$t1")
echo
printf 'sqlite3 reading every fact once: %8.2f s\n' "$sql"
printf 'attest check (all checks):       %8.2f s   ratio %.2f\n' "$check" "$(echo "$check / $sql" | bc -l)"
printf 'attest assess:                   %8.2f s   ratio %.2f\n' "$assess" "$(echo "$assess / $sql" | bc -l)"
ok=$(echo "$check < 10 && $assess < 10" | bc -l)
if [ "$ok" = 1 ]; then echo "targets (check and assess under 10 s): met"; exit 0; fi
echo "targets (check and assess under 10 s): NOT met"; exit 1
