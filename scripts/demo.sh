#!/bin/bash
# The main job on built-in demo data (README "Try it").  Installs what is
# missing, builds, creates a workspace and shows the control matrix and the
# criteria coverage.  ATTEST_DEMO_DIR chooses where (default: a new temp dir).
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
make -s -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
dir="${ATTEST_DEMO_DIR:-$(mktemp -d)/acme-health}"
./attest init "$dir" --org "Acme Health"
echo
echo "== Control matrix (attest -C $dir controls)"
./attest -C "$dir" controls
echo
echo "== Criteria coverage (attest -C $dir criteria)"
./attest -C "$dir" criteria
echo
./attest -C "$dir" criteria --uncovered
