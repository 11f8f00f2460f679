# assess.sh - the readiness assessment on small fixture workspaces:
# control status, a Type II window in which one quarter's access review is
# missing, evidence that starts mid-window, manual evidence, gaps that keep
# their identity and close, xlsx determinism, history.
. "$ATTEST_REPO/tests/e2e/lib.sh"

"$A" init w --org "Fixture Co" >/dev/null
cat > w/attest.yaml <<'YAML'
organization: Fixture Co
domains: [fixture.example]
scope:
  categories: [security, availability, confidentiality]
audit:
  type: 2
  window: {start: 2026-04-01, end: 2026-09-30}
owners:
  it-admin: it@fixture.example
  security-lead: sec@fixture.example
YAML
mkdir -p w/sources/hr w/sources/google-workspace/admin/directory/v1
cat > w/sources/hr/roster.csv <<'CSV'
email,name,employment_type,department,title,manager_email,start_date,end_date
ann@fixture.example,Ann Example,employee,Eng,Engineer,,2024-01-08,
ben@fixture.example,Ben Example,employee,Eng,Engineer,,2024-02-05,
CSV
users() { # users.json with the given primary emails
	printf '{"kind":"admin#directory#users","users":['
	sep=""
	for u in "$@"; do
		printf '%s{"id":"%s","primaryEmail":"%s","name":{"fullName":"%s"},"isAdmin":false,"suspended":false,"archived":false,"isEnrolledIn2Sv":true,"isEnforcedIn2Sv":true,"creationTime":"2024-01-08T09:00:00.000Z","lastLoginTime":"2026-03-30T09:00:00.000Z"}' "$sep" "${#u}$u" "$u" "$u"
		sep=","
	done
	printf ']}\n'
}
users ann@fixture.example ben@fixture.example > w/sources/google-workspace/admin/directory/v1/users.json
# First evidence: 2026-06-01, two months into the window.
expect_exit 0 "$A" -C w import --effective 2026-06-01
review() { # review FILE DATE
	{ echo "system,account,email,access,decision,reviewer,reviewed_at"
	  echo "google-workspace,ann@fixture.example,ann@fixture.example,user,keep,it@fixture.example,$2"
	  echo "google-workspace,ben@fixture.example,ben@fixture.example,user,keep,it@fixture.example,$2"
	} > "w/registers/access-reviews/$1"
}
review google-2026-Q2.csv 2026-06-15
expect_exit 0 "$A" -C w import registers/access-reviews --effective 2026-06-15

# As of the end of Q2: the Q2 review exists, so no review finding.
expect_exit 0 "$A" -C w check --as-of 2026-06-30 --check access.review-missing
# As of the end of Q3: the Q3 review is missing.
expect_exit 1 "$A" -C w check --as-of 2026-09-30 --check access.review-missing --format json
printf '%s' "$out" | jq -e '.findings[] | select(.subject == "2026-Q3" and .system == "google-workspace")' >/dev/null \
	|| fail "Q3 review missing for google-workspace"
[ "$(printf '%s' "$out" | jq '.findings | length')" = 1 ] || fail "only Q3 is missing"

# Assessment: AC-05 (quarterly access reviews) is partial; its gap is owned
# by the security lead (its owner role) and due 30 days after first seen.
expect_exit 1 "$A" -C w assess --as-of 2026-09-30 --format json
[ "$(printf '%s' "$out" | jq -r '.controls[] | select(.control == "AC-05") | .status')" = partial ] \
	|| fail "AC-05 partial"
[ "$(printf '%s' "$out" | jq -r '.controls[] | select(.control == "GV-01") | .status')" = missing ] \
	|| fail "GV-01 missing"
# Coverage: Q2 operated (its review is dated in Q2), Q3 failed.
expect_exit 0 "$A" -C w coverage --as-of 2026-09-30 --control AC-05 --format json
[ "$(printf '%s' "$out" | jq -r '.controls[0].periods[0].period + " " + .controls[0].periods[0].state')" = "2026-Q2 operated" ] \
	|| fail "Q2 operated: $(printf '%s' "$out" | jq -c '.controls[0].periods')"
[ "$(printf '%s' "$out" | jq -r '.controls[0].periods[1].period + " " + .controls[0].periods[1].state')" = "2026-Q3 failed" ] \
	|| fail "Q3 failed: $(printf '%s' "$out" | jq -c '.controls[0].periods')"
# The observation-period trap: evidence starts after the window starts.
[ "$(printf '%s' "$out" | jq -r '.evidence_starts_late')" = true ] || fail "evidence starts late"
[ "$(printf '%s' "$out" | jq -r '.first_evidence')" = 2026-06-01 ] || fail "first evidence 06-01"
expect_exit 1 "$A" -C w readiness --as-of 2026-09-30
contains "$out" "Type II: NOT READY"
contains "$out" "evidence starts 2026-06-01, after the window starts (2026-04-01)"
contains "$out" "[ ] Scope signed by management"

# Manual evidence: a signed scope ticks the checklist and evidences GV-08.
echo "In scope: the Fixture platform. Signed: CEO." > scope.txt
expect_exit 0 "$A" -C w evidence add --control GV-08 --effective 2026-09-20 --note "signed scope statement" scope.txt
contains "$out" "added evidence #"
expect_exit 2 "$A" -C w evidence add --control NOPE-1 scope.txt
contains "$errout" "'NOPE-1' is not a control"
expect_exit 2 "$A" -C w evidence add --control GV-08 missing.txt
contains "$errout" "missing.txt"
expect_exit 1 "$A" -C w readiness --as-of 2026-09-30
contains "$out" "[x] Scope signed by management"
expect_exit 1 "$A" -C w assess --as-of 2026-09-30 --format json
[ "$(printf '%s' "$out" | jq -r '.controls[] | select(.control == "GV-08") | .status')" = present ] \
	|| fail "GV-08 present with current manual evidence"
expect_exit 0 "$A" -C w evidence verify

# Gaps: first seen 2026-09-30; then the Q3 review arrives and the gap
# closes on the next assessment, keeping its identity.
expect_exit 0 "$A" -C w gaps --format json
[ "$(printf '%s' "$out" | jq -r '.gaps[] | select(.control == "AC-05") | .id')" = GAP-AC-05-2026-09-30 ] \
	|| fail "gap id"
[ "$(printf '%s' "$out" | jq -r '.gaps[] | select(.control == "AC-05") | .owner')" = sec@fixture.example ] \
	|| fail "gap owner"
review google-2026-Q3.csv 2026-09-28   # reviewed in Q3, exported after it
expect_exit 0 "$A" -C w import registers/access-reviews --effective 2026-10-02
expect_exit 1 "$A" -C w assess --as-of 2026-10-05
expect_exit 0 "$A" -C w gaps --format json --status closed
[ "$(printf '%s' "$out" | jq -r '.gaps[] | select(.control == "AC-05") | .id + " " + .closed')" = "GAP-AC-05-2026-09-30 2026-10-05" ] \
	|| fail "closed gap: $out"
expect_exit 0 "$A" -C w history --format json
[ "$(printf '%s' "$out" | jq '.history | length')" = 2 ] || fail "two snapshots"
contains "$(printf '%s' "$out" | jq -r '.history[1].closed')" "AC-05"
# An older as-of date still gives the register of that snapshot.
expect_exit 0 "$A" -C w gaps --as-of 2026-09-30 --status open --format csv
contains "$out" "GAP-AC-05-2026-09-30"

# XLSX: a real spreadsheet, byte-for-byte the same twice.
expect_exit 0 "$A" -C w gaps --format xlsx -o g1.xlsx
expect_exit 0 "$A" -C w gaps --format xlsx -o g2.xlsx
cmp -s g1.xlsx g2.xlsx || fail "xlsx not deterministic"
[ "$(head -c 2 g1.xlsx)" = PK ] || fail "xlsx is a zip"
expect_exit 2 "$A" -C w gaps --format xlsx
contains "$errout" "--format xlsx needs --output"
# Same inputs, same outputs.
"$A" -C w coverage --as-of 2026-09-30 --format json > c1.json
"$A" -C w coverage --as-of 2026-09-30 --format json > c2.json
cmp -s c1.json c2.json || fail "coverage not deterministic"
echo "assess: ok"
