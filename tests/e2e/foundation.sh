# foundation.sh - init, help, criteria, controls and attest.yaml errors,
# driving the real binary.
. "$ATTEST_REPO/tests/e2e/lib.sh"

expect_exit 0 "$A" init w --org "Acme Health"
contains "$out" "Initialised attest workspace in w"
for f in attest.yaml controls/access.yaml registers/vendors.csv registers/risks.csv \
	sources/aws/README.md sources/github/README.md sources/hr/README.md .attest/attest.db; do
	[ -e "w/$f" ] || fail "init did not create $f"
done
grep -q '^organization: "Acme Health"$' w/attest.yaml || fail "org not written"
head -1 w/registers/vendors.csv | grep -q '^name,tier,service,owner_email,last_review,soc2_report_expires,security_addendum$' \
	|| fail "vendors.csv header"
[ "$(stat -c %a w/.attest)" = 700 ] || fail ".attest should be private (0700)"

# Refuses to overwrite, and changes nothing.
cp w/attest.yaml before.yaml
expect_exit 2 "$A" init w
contains "$errout" "already an attest workspace"
cmp -s before.yaml w/attest.yaml || fail "init changed an existing workspace"

# The done-when of the foundation issue.
expect_exit 0 "$A" -C w criteria --uncovered
contains "$out" "every in-scope criterion is covered"

# Criteria listing, filters and formats.
expect_exit 0 "$A" -C w criteria --format json
[ "$(printf '%s' "$out" | jq '.criteria | length')" = 61 ] || fail "61 criteria"
[ "$(printf '%s' "$out" | jq '[.criteria[] | select(.in_scope)] | length')" = 38 ] || fail "38 in scope"
expect_exit 0 "$A" -C w criteria --category a --format csv
[ "$(printf '%s\n' "$out" | wc -l)" = 4 ] || fail "A1.1-A1.3 plus header"

# Uncovered: narrow the workspace library so CC6.2 loses its controls.
cp -r w w2
for f in w2/controls/*.yaml; do
	sed -i 's/CC6\.2/CC6.1/g' "$f"
done
expect_exit 1 "$A" -C w2 criteria --uncovered
contains "$out" "CC6.2"
contains "$errout" "in-scope criteria have no control"

# Controls matrix.
expect_exit 0 "$A" -C w controls --criteria CC6.2 --format json
printf '%s' "$out" | jq -e '.controls[] | select(.id == "AC-04") | .hipaa | index("164.308(a)(3)(ii)(C)")' >/dev/null \
	|| fail "AC-04 with its HIPAA citation"
expect_exit 0 "$A" -C w controls --hipaa '164.308(a)(3)' --format csv
contains "$out" "AC-04,Timely deprovisioning of leavers"
expect_exit 2 "$A" -C w controls --criteria CC99.1
contains "$errout" "'CC99.1' is not a criterion"
# Outside a workspace the built-in library answers.
expect_exit 0 "$A" -C nowhere controls --format csv
[ "$(printf '%s\n' "$out" | wc -l)" -gt 60 ] || fail "at least 60 controls"

# A control citing an unknown criterion is refused, naming file and line.
sed -i '0,/CC6.3\]/s//CC66.3]/' w2/controls/access.yaml
expect_exit 2 "$A" -C w2 controls
contains "$errout" "controls/access.yaml:"
contains "$errout" "cites unknown criterion 'CC66.3'"

# Malformed attest.yaml: the error names file, line and key; exit 2.
printf 'organization: X\naudit:\n  type: 2\n  window: {start: 2026-04-01, end: 2026-09-31}\n' > w/attest.yaml
expect_exit 2 "$A" -C w criteria
contains "$errout" "attest.yaml:4:"
contains "$errout" "field 'end'"
contains "$errout" "'2026-09-31'"
printf 'organization: X\nscop:\n  categories: [security]\n' > w/attest.yaml
expect_exit 2 "$A" -C w controls
contains "$errout" "attest.yaml:2:1: field 'scop': unknown key 'scop' in attest.yaml"
printf 'organization: [X\n' > w/attest.yaml
expect_exit 2 "$A" -C w controls
contains "$errout" "invalid YAML"

# Usage errors: exit 2 with usage on stderr.
expect_exit 2 "$A" frobnicate
contains "$errout" "'frobnicate' is not an attest command"
expect_exit 2 "$A" criteria --format xml
contains "$errout" "'xml' is not one of table|json|csv"
contains "$errout" "usage: attest criteria"
expect_exit 2 "$A" criteria --bogus
contains "$errout" "unknown option '--bogus'"
expect_exit 2 "$A"
contains "$out" "usage: attest [-C DIR] <command>"

# Help comes from the option specs.
expect_exit 0 "$A" help
contains "$out" "criteria"
contains "$out" "controls"
expect_exit 0 "$A" help criteria
contains "$out" "--uncovered"
expect_exit 0 "$A" controls --help
contains "$out" "--hipaa CITATION"
expect_exit 0 "$A" --version
contains "$out" "attest "
echo "foundation: ok"
