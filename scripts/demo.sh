#!/bin/bash
# The main job on built-in demo data (README "Try it"): installs what is
# missing, builds, writes the Acme Health demo company, imports it into the
# evidence locker, verifies the locker, runs the control checks, and ends
# with the readiness summary.  ATTEST_DEMO_DIR chooses where (default: a new
# temporary directory).  Findings make `check` exit 1 and an unready company
# makes `readiness` exit 1: both are expected here, so only errors (exit 2)
# stop the demo.
set -u
cd "$(dirname "$0")/.."
scripts/install-deps.sh || exit 2
make -s -j"$(nproc 2>/dev/null || echo 2)" >/dev/null || exit 2
dir="${ATTEST_DEMO_DIR:-$(mktemp -d)/acme-health}"
as_of=2026-09-30

run() {
	echo
	echo "\$ attest $*"
	./attest "$@"
	rc=$?
	[ $rc -le 1 ] || exit $rc
}

run demo "$dir"
run -C "$dir" import --effective "$as_of"
run -C "$dir" evidence verify
run -C "$dir" check --as-of "$as_of"
run -C "$dir" detect --since 2026-04-01 --until 2026-10-01
run -C "$dir" assess --as-of "$as_of" >/dev/null
run -C "$dir" gaps --as-of "$as_of" --format xlsx -o "$dir/gaps.xlsx"
run -C "$dir" readiness --as-of "$as_of"
echo
echo "The workspace is in $dir; its gap register is $dir/gaps.xlsx."
exit 0
