#!/bin/bash
# detect.sh - benchmark `attest detect` on synthetic CloudTrail (S3 layout).
#
#   bench/detect.sh [SIZE_MB] [JQ_MB]
#
# SIZE_MB   uncompressed JSON to generate (default 2048: the real run; use
#           e.g. 100 for a quick run).  Cached in $BENCH_DIR (default
#           /tmp/attest-bench-SIZE_MB) and reused.
# JQ_MB     how much of it jq gets (default 100: jq runs at a few MB/s, the
#           whole set would take an hour); attest is timed on the same subset
#           for the attest/jq ratio.
#
# Checks that attest's alert counts equal the generator's ground truth (all
# rules) and jq's (tests/fixtures/detect/cis.jq, all CIS rules) on the
# subset, runs DuckDB (npm @duckdb/node-api) when installed, and prints
# MB/s (wall and CPU), events/s and peak RSS from /usr/bin/time -v.  On a
# shared machine read "MB/s per cpu-second" (user+sys): wall time depends
# on the other jobs.
# Needs a release build: make FLAVOR=release.
set -eu
cd "$(dirname "$0")/.."
SIZE=${1:-2048}
JQ_MB=${2:-100}
DIR=${BENCH_DIR:-/tmp/attest-bench-$SIZE}
BIN=${ATTEST_BIN:-build/release/attest}
GEN=build/release/bench/gen-cloudtrail

[ -x "$BIN" ] || { echo "bench: build first: make FLAVOR=release" >&2; exit 2; }
mkdir -p "$(dirname "$GEN")"
if [ ! -x "$GEN" ] || [ bench/gen-cloudtrail.c -nt "$GEN" ]; then
	cc -std=c11 -D_DEFAULT_SOURCE -O2 -o "$GEN" bench/gen-cloudtrail.c \
		$(pkg-config --cflags --libs libdeflate)
fi
if [ ! -f "$DIR/ground-truth.json" ]; then
	echo "generating $SIZE MB of CloudTrail in $DIR ..."
	rm -rf "$DIR"
	"$GEN" "$DIR" "$SIZE"
fi
truth="$DIR/ground-truth.json"
echo "data: $(find "$DIR" -name '*.json.gz' | wc -l) files, $(du -sh "$DIR" | cut -f1) gzip'd," \
	"$(jq .records "$truth") records, $(jq .bytes "$truth") bytes of JSON"

# run LABEL CMD... : runs under /usr/bin/time -v, leaves stdout in out.json
run() {
	local label=$1; shift
	/usr/bin/time -v "$@" > "$DIR/out.json" 2> "$DIR/time.txt" || [ $? -eq 1 ]
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$DIR/time.txt")
	cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$DIR/time.txt")
	rss=$(awk -F': ' '/Maximum resident/ {print $2}' "$DIR/time.txt")
	echo "$label $wall $cpu $rss"
}

counts() { jq -S -c '[.alerts[].rule] | group_by(.) | map({(.[0]): length}) | add // {}' "$1"; }
want=$(jq -S -c '.alerts | with_entries(select(.value > 0))' "$truth")
bytes=$(jq .bytes "$truth")
records=$(jq .records "$truth")

report() { # label wall cpu rss
	awk -v l="$1" -v w="$2" -v c="$3" -v r="$4" -v b="$bytes" -v n="$records" 'BEGIN {
		printf "%-22s %7.2f s wall %7.2f s cpu  %7.0f MB/s wall %7.0f MB/s per cpu-second  %9.0f events/s  peak RSS %.1f MiB\n",
			l, w, c, b / 1e6 / w, b / 1e6 / c, n / w, r / 1024 }'
}

# counts from --format csv: RULE is the second column and TIME, the first,
# never holds a comma.
csv_counts() {
	tail -n +2 "$1" | cut -d, -f2 | sort | uniq -c |
		awk 'BEGIN {printf "{"} {printf "%s\"%s\":%d", (NR > 1 ? "," : ""), $2, $1} END {print "}"}' |
		jq -S -c .
}
# The timed runs use --format csv: it streams, so peak RSS is the
# detection engine's.  --format json builds the whole document in memory
# (src/builtin/cmd_detect.c), measured once separately.
for t in 1 2; do
	read -r label wall cpu rss < <(run "attest-$t-thread" "$BIN" detect --format csv --threads "$t" "$DIR")
	got=$(csv_counts "$DIR/out.json")
	[ "$got" = "$want" ] || { echo "MISMATCH with ground truth ($t threads):"; echo " got  $got"; echo " want $want"; exit 1; }
	report "$label" "$wall" "$cpu" "$rss"
	[ "$t" = 1 ] && wall1=$wall
done
read -r label wall cpu rss < <(run "attest-1-thread-json" "$BIN" detect --format json --threads 1 "$DIR")
got=$(counts "$DIR/out.json")
[ "$got" = "$want" ] || { echo "MISMATCH with ground truth (json):"; echo " got  $got"; echo " want $want"; exit 1; }
report "$label" "$wall" "$cpu" "$rss"
echo "alert counts equal the ground truth: $want"

# jq on a subset (and attest on the same subset, for the ratio)
# outside DIR: the timed runs read all of DIR
sub="$DIR-jq-subset"
rm -rf "$sub"; mkdir -p "$sub"
acc=0
for f in $(find "$DIR" -name '*.json.gz' -not -path "$sub/*" | sort); do
	cp "$f" "$sub/"
	acc=$((acc + $(zcat "$f" | wc -c)))
	[ "$acc" -ge $((JQ_MB << 20)) ] && break
done
start=$(date +%s.%N)
jq_counts=$(zcat "$sub"/*.json.gz | jq -c -f tests/fixtures/detect/cis.jq |
	jq -S -s -c 'group_by(.rule) | map({(.[0].rule): length}) | add // {}')
jq_wall=$(echo "$(date +%s.%N) - $start" | bc)
read -r label wall cpu rss < <(run attest-subset "$BIN" detect --format json --threads 1 "$sub")
att_counts=$(jq -S -c '[.alerts[].rule | select(startswith("cis."))] | group_by(.) | map({(.[0]): length}) | add // {}' "$DIR/out.json")
[ "$att_counts" = "$jq_counts" ] || { echo "MISMATCH attest vs jq on subset:"; echo " attest $att_counts"; echo " jq     $jq_counts"; exit 1; }
awk -v b="$acc" -v j="$jq_wall" -v a="$wall" 'BEGIN {
	printf "jq 1.6 on %.0f MB: %.1f s (%.1f MB/s); attest 1 thread on the same: %.2f s; attest/jq speed ratio %.0fx\n",
		b / 1e6, j, b / 1e6 / j, a, j / a }'
echo "attest and jq agree on every CIS rule: $jq_counts"

# DuckDB (optional)
if node -e "require('@duckdb/node-api')" 2>/dev/null; then
	start=$(date +%s.%N)
	node - "$DIR" <<'EOF'
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
	const db = await DuckDBInstance.create(':memory:');
	const c = await db.connect();
	const r = await c.runAndReadAll(`
		SELECT count(*) FILTER (WHERE rec.eventName IN ('CreateTrail','UpdateTrail','DeleteTrail','StartLogging','StopLogging')) AS trail,
		       count(*) FILTER (WHERE rec.eventName = 'ConsoleLogin' AND rec.errorMessage = 'Failed authentication') AS auth_fail,
		       count(*) AS records
		FROM (SELECT unnest(Records) AS rec FROM read_json('${process.argv[2]}/AWSLogs/**/*.json.gz',
		      columns = {Records: 'STRUCT(eventName VARCHAR, errorMessage VARCHAR)[]'}))`);
	console.log('duckdb:', JSON.stringify(r.getRowObjectsJson()));
})();
EOF
	echo "duckdb wall: $(echo "$(date +%s.%N) - $start" | bc) s (attest 1 thread: $wall1 s)"
else
	echo "duckdb: @duckdb/node-api not installed (npm install @duckdb/node-api); skipped"
fi
