# demo.sh - the demo company end to end: every planted gap is found, and
# nothing else (tests/e2e/golden/demo-findings.tsv is the exact set, one
# "check severity system subject" line per finding; docs/demo.md says why
# each is there).  Also: determinism, re-import, verify, detect, readiness.
. "$ATTEST_REPO/tests/e2e/lib.sh"
GOLDEN="$ATTEST_REPO/tests/e2e/golden/demo-findings.tsv"

expect_exit 0 "$A" demo acme
contains "$out" "Wrote the Acme Health demo workspace"
expect_exit 2 "$A" demo acme
contains "$errout" "already an attest workspace"
expect_exit 0 "$A" -C acme import --effective 2026-09-30
contains "$out" "imported: 237 files read"
expect_exit 0 "$A" -C acme evidence verify
contains "$out" "ok: 237 entries, 237 objects verified"

# The exact set of findings.
expect_exit 1 "$A" -C acme check --as-of 2026-09-30 --format json
printf '%s\n' "$out" > findings.json
jq -r '.findings[] | [.check, .severity, .system, .subject] | @tsv' findings.json > got.tsv
if ! diff -u "$GOLDEN" got.tsv; then
	fail "findings differ from $GOLDEN (see diff above)"
fi
[ "$(jq '.summary.not_evaluated + .summary.errors' findings.json)" = 0 ] || fail "every check evaluated"
# Every finding names criteria and its evidence.
[ "$(jq '[.findings[] | select((.criteria | length) == 0 or (.evidence | length) == 0)] | length' findings.json)" = 0 ] \
	|| fail "a finding without criteria or evidence"
# Details a person acts on (spot checks).
jq -r '.findings[] | select(.check == "access.leaver-active-account" and .system == "aws:111122223333") | .detail' findings.json > d.txt
contains "$(cat d.txt)" "2026-06-15"
contains "$(cat d.txt)" "c.ramirez"
contains "$(cat d.txt)" "2026-09-28"
jq -r '.findings[] | select(.check == "logging.delivery-gap") | .detail' findings.json > d.txt
contains "$(cat d.txt)" "2026-07-14 to 2026-07-16 (3 days)"

# Same inputs, same bytes; the other formats agree.
"$A" -C acme check --as-of 2026-09-30 --format json > again.json || true
cmp -s findings.json again.json || fail "check output is not deterministic"
expect_exit 1 "$A" -C acme check --as-of 2026-09-30 --format junit
contains "$out" '<testsuite name="attest" tests="35"'
contains "$out" '<testcase classname="AC-04" name="access.leaver-active-account">'
expect_exit 1 "$A" -C acme check --as-of 2026-09-30 --format csv
[ "$(printf '%s\n' "$out" | wc -l)" = "$(( $(wc -l < "$GOLDEN") + 1 ))" ] || fail "csv rows"
expect_exit 1 "$A" -C acme check --as-of 2026-09-30 --control AC-04
contains "$out" "carla.ramirez@acme-health.example"
not_contains "$out" "dan.okafor"

# Re-import changes nothing.
expect_exit 0 "$A" -C acme import
contains "$out" "0 new versions, 237 unchanged"

# Detection over the demo CloudTrail: the planted events.
expect_exit 1 "$A" -C acme detect --format json
[ "$(printf '%s' "$out" | jq '[.alerts[] | select(.rule == "cis.root-usage")] | length')" = 1 ] || fail "root usage"
[ "$(printf '%s' "$out" | jq '[.alerts[] | select(.rule == "threshold.console-login-failures")] | length')" = 1 ] || fail "threshold"

# The readiness screen.
expect_exit 1 "$A" -C acme readiness --as-of 2026-09-30
contains "$out" "Acme Health: SOC 2 readiness as of 2026-09-30"
contains "$out" "Type I:  NOT READY"
contains "$out" "[x] Evidence library populated"
contains "$out" "[ ] An incident response tabletop held"
expect_exit 0 "$A" -C acme gaps --format csv --status open
contains "$out" "GAP-AC-04-2026-09-30,AC-04,partial,high,bob.martin@acme-health.example,2026-10-14"
echo "demo: ok"
