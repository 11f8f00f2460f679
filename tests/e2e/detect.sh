# detect.sh - end-to-end tests of `attest detect` over REAL CloudTrail files
# (shared/fixtures/real), with alert counts verified independently by jq.
. "$ATTEST_REPO/tests/e2e/lib.sh"

INV="$REAL/invictus-ir-aws-dataset/s3-layout"
DOCS="$REAL/aws-docs-cloudtrail-examples"
CIS_JQ="$ATTEST_REPO/tests/fixtures/detect/cis.jq"

# Alert counts per rule over the 55 real invictus-ir .json.gz files, computed
# with jq 1.6 and the independent jq version of the rules:
#   find $INV -name '*.json.gz' | sort | xargs zcat \
#     | jq -c -f tests/fixtures/detect/cis.jq \
#     | jq -s -c 'group_by(.rule) | map({(.[0].rule): length}) | add'
# => {"cis.cloudtrail-change":13,"cis.console-no-mfa":1,
#     "cis.iam-policy-change":26,"cis.network-gateway-change":15,
#     "cis.organizations-change":1,"cis.route-table-change":40,
#     "cis.s3-policy-change":6,"cis.security-group-change":8,
#     "cis.unauthorized-api":60,"cis.vpc-change":16}
INV_COUNTS='{"cis.cloudtrail-change":13,"cis.console-no-mfa":1,"cis.iam-policy-change":26,"cis.network-gateway-change":15,"cis.organizations-change":1,"cis.route-table-change":40,"cis.s3-policy-change":6,"cis.security-group-change":8,"cis.unauthorized-api":60,"cis.vpc-change":16}'
# Same for the AWS documentation examples (bare records and wrapped):
#   cat $DOCS/*.json | jq -c -f tests/fixtures/detect/cis.jq | jq -s ...
DOCS_COUNTS='{"cis.cloudtrail-change":1,"cis.console-auth-failure":2,"cis.console-no-mfa":1,"cis.root-usage":5}'

counts() { jq -c '[.alerts[].rule] | group_by(.) | map({(.[0]): length}) | add // {}' "$1"; }

# 1. Real S3 layout: counts per rule, summary, exit 1 (alerts exist).
expect_exit 1 "$A" detect --format json "$INV"
cp stdout.txt inv.json
[ "$(counts inv.json)" = "$INV_COUNTS" ] || fail "invictus counts: $(counts inv.json)"
[ "$(jq -c '.summary | [.files,.records,.alerts,.errors]' inv.json)" = "[55,2900,186,0]" ] ||
	fail "summary: $(jq -c .summary inv.json)"

# 2. If jq is here, recompute the counts live rather than trusting the constant.
if command -v jq >/dev/null && command -v zcat >/dev/null; then
	live=$(find "$INV" -name '*.json.gz' | sort | xargs zcat | jq -c -f "$CIS_JQ" |
		jq -s -c 'group_by(.rule) | map({(.[0].rule): length}) | add')
	[ "$live" = "$INV_COUNTS" ] || fail "jq recount differs: $live"
fi

# 3. Output does not depend on the thread count.
expect_exit 1 "$A" detect --format json --threads 1 "$INV"
cp stdout.txt one.json
expect_exit 1 "$A" detect --format json --threads 2 "$INV"
cmp -s one.json stdout.txt || fail "output differs between 1 and 2 threads"
cmp -s one.json inv.json || fail "output differs from the default thread count"

# 4. Alerts are sorted by time, then event ID, then rule.
jq -e '[.alerts[] | [.time, .event_id, .rule]] | . == sort' inv.json >/dev/null ||
	fail "alerts not sorted"

# 5. AWS documentation examples: bare records, wrapped records, Insight.
expect_exit 1 "$A" detect --format json "$DOCS"
cp stdout.txt docs.json
[ "$(counts docs.json)" = "$DOCS_COUNTS" ] || fail "docs counts: $(counts docs.json)"
[ "$(jq .summary.skipped docs.json)" = 2 ] || fail "Insight records not skipped"

# 6. --rule, --since/--until, csv and table formats.
expect_exit 1 "$A" detect --format json --rule cis.vpc-change --rule cis.s3-policy-change "$INV"
[ "$(counts stdout.txt)" = '{"cis.s3-policy-change":6,"cis.vpc-change":16}' ] ||
	fail "--rule: $(counts stdout.txt)"
expect_exit 0 "$A" detect --since 2023-07-11 "$INV"
contains "$out" "0 alerts; 2900 records in 55 files"
expect_exit 0 "$A" detect --until 2023-07-09 "$INV"
expect_exit 1 "$A" detect --since 2023-07-10 --until 2023-07-10 --format csv "$INV"
[ "$(printf '%s\n' "$out" | sed 1d | wc -l)" -eq 186 ] || fail "csv rows"
contains "$(printf '%s\n' "$out" | head -1)" "TIME,RULE,SEVERITY,PRINCIPAL,SOURCE IP,EVENT,EVENT ID,FILE"
expect_exit 2 "$A" detect --rule cis.no-such-rule "$INV"
contains "$errout" "unknown rule 'cis.no-such-rule'"

# 7. lookup-events output (the record is a JSON string inside each event).
expect_exit 0 "$A" detect --format json "$REAL/aws-cli-examples/cloudtrail__lookup-events__example1.json"
[ "$(jq .summary.records stdout.txt)" -ge 1 ] || fail "lookup-events records"

# 8. A truncated .json.gz: exit 2, the error names file and record, and the
#    alerts of the readable files are still printed.
mkdir -p broken
f=$(find "$INV" -name '*iLj9fb7yyUG9X4Bf.json.gz')
zcat "$f" | head -c 60000 | gzip > broken/cut.json.gz
cp "$(find "$INV" -name '*ZtUNbBkwAu98FPZb.json.gz')" broken/
expect_exit 2 "$A" detect --format json broken
contains "$errout" "broken/cut.json.gz"
contains "$errout" "Records["
contains "$errout" "unexpected end of input"
[ "$(jq '.summary.errors' stdout.txt)" = 1 ] || fail "errors in summary"
[ "$(jq '.alerts | length' stdout.txt)" -ge 1 ] || fail "alerts of good files lost"

# 9. Workspace: no PATH scans sources/aws; user rules from rules/*.yaml.
mkdir -p ws/sources/aws/218007301253 ws/rules
cp -r "$INV/AWSLogs" ws/sources/aws/218007301253/
echo '{"UserDetailList":[]}' > ws/sources/aws/218007301253/iam-get-account-authorization-details.json
cat > ws/rules/acme.yaml <<'EOF'
- id: acme.secret-read
  title: Secret read
  severity: low
  pattern: '{ $.eventName = GetSecretValue }'
- id: acme.throttled-burst
  title: Throttling burst from one principal
  severity: info
  pattern: '{ $.errorCode = ThrottlingException }'
  threshold: {count: 50, window_seconds: 300, key: "$.userIdentity.arn"}
EOF
expect_exit 1 "$A" -C ws detect --format json
cp stdout.txt ws.json
[ "$(jq '.summary.files' ws.json)" = 55 ] || fail "workspace scan took non-CloudTrail files"
[ "$(jq '[.alerts[] | select(.rule == "acme.secret-read")] | length' ws.json)" = 60 ] ||
	fail "user rule count"
jq -e '[.alerts[] | select(.rule == "acme.throttled-burst")] | length >= 1' ws.json >/dev/null ||
	fail "user threshold rule did not fire"
cat > ws/rules/bad.yaml <<'EOF'
id: acme.bad
severity: low
pattern: '{ $.eventName = }'
EOF
expect_exit 2 "$A" -C ws detect
contains "$errout" "bad.yaml:3:27"
contains "$errout" "expected value after '=' at column 17"

# 10. No PATH and no workspace sources: usage error.
mkdir empty
expect_exit 2 "$A" -C empty detect
contains "$errout" "sources/aws"
