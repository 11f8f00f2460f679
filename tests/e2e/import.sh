#!/bin/bash
# import.sh - `attest import` end to end on the real fixtures laid out under
# their contract paths: first import, re-import is a no-op, a changed file
# is a new version, bad input changes nothing (exit 2, pinned message),
# --keep-going, unrecognised files, PATH arguments, --effective, evidence
# list/show/cat.
. "$ATTEST_REPO/tests/e2e/lib.sh"

"$A" init ws >/dev/null
cd ws
AWS=sources/aws/111122223333
CT=sources/aws/218007301253/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10
mkdir -p $AWS sources/okta/api/v1 sources/scans $CT
cp "$REAL/cloudmapper-demo/iam-get-credential-report.json" $AWS/
cp "$REAL/cloudmapper-demo/iam-get-account-authorization-details.json" $AWS/
cp "$REAL/aws-cli-examples/cloudtrail__describe-trails__example1.json" $AWS/cloudtrail-describe-trails.json
cp "$REAL/aws-cli-examples/cloudtrail__get-trail-status__example1.json" $AWS/cloudtrail-get-trail-status-Trail1.json
cp "$REAL/aws-cli-examples/cloudwatch__describe-alarms__example1.json" $AWS/cloudwatch-describe-alarms.json
cp "$REAL/aws-cli-examples/logs__describe-log-groups__example1.json" $AWS/logs-describe-log-groups.json
cp "$REAL/aws-cli-examples/s3api__get-bucket-lifecycle-configuration__example1.json" \
	$AWS/s3api-get-bucket-lifecycle-configuration-my-bucket.json
cp "$REAL/okta-sdk-test-server/users-list__GET_api_v1_users.json" sources/okta/api/v1/users.json
cp "$REAL/trivy-golden/alpine-310.json" sources/scans/trivy-alpine-310.json
cp "$REAL/grype-testdata/keycloak-21.0.2-image.grype.json" sources/scans/grype-keycloak.json
for f in $(ls "$REAL/invictus-ir-aws-dataset/s3-layout/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/" | head -3); do
	cp "$REAL/invictus-ir-aws-dataset/s3-layout/AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/$f" $CT/
done

db_counts() { sqlite3 .attest/attest.db 'SELECT COUNT(*) FROM evidence; SELECT COUNT(*) FROM facts;'; }

# --- first import: every importer named in the summary ---------------------
expect_exit 0 "$A" import
for s in aws.credential-report aws.authorization-details aws.trails aws.trail-status \
	aws.alarms aws.log-groups aws.bucket-lifecycle aws.cloudtrail-logs okta.users \
	scan.trivy scan.grype register.vendors; do
	contains "$out" "$s"
done
contains "$out" "imported: 24 files read, "
contains "$out" ", 24 new versions, 0 unchanged"
not_contains "$errout" "warning"
"$A" evidence list --format json >list1.json
[ "$(jq length list1.json)" -eq 24 ] || fail "expected 24 entries"
counts1=$(db_counts)
expect_exit 0 "$A" evidence verify
[ "$out" = "ok: 24 entries, 24 objects verified" ] || fail "verify said: $out"

# The scan speaks for its own date (Trivy CreatedAt), not the import time.
eff=$(jq -r '.[] | select(.path == "sources/scans/trivy-alpine-310.json") | .effective' list1.json)
[ "$eff" = "2021-08-25T12:20:30Z" ] || fail "trivy effective is $eff"

# --- evidence cat gives back exactly the imported bytes ---------------------
id=$(jq -r '.[] | select(.path == "sources/okta/api/v1/users.json") | .seq' list1.json)
"$A" evidence cat "$id" >cat.out
cmp cat.out sources/okta/api/v1/users.json || fail "evidence cat differs"
expect_exit 0 "$A" evidence show "$id"
contains "$out" "source:      okta.users"
contains "$out" "path:        sources/okta/api/v1/users.json"
expect_exit 2 "$A" evidence show 999
[ "$errout" = "attest: no evidence entry 999" ] || fail "show 999: $errout"

# --- re-import is a no-op -----------------------------------------------------
expect_exit 0 "$A" import
contains "$out" "imported: 24 files read, 0 records, 0 new versions, 24 unchanged"
"$A" evidence list --format json >list2.json
cmp list1.json list2.json || fail "re-import changed the evidence list"
[ "$(db_counts)" = "$counts1" ] || fail "re-import changed row counts"

# --- a changed file becomes a new version -------------------------------------
printf 'Pager Co,high,On-call paging,,2025-03-02,,no\n' >>registers/vendors.csv
expect_exit 0 "$A" import
contains "$out" "register.vendors"
contains "$out" "imported: 24 files read, 1 records, 1 new versions, 23 unchanged"
"$A" evidence list --format json >list3.json
[ "$(jq length list3.json)" -eq 25 ] || fail "expected 25 entries"
[ "$(jq -r '.[24].path' list3.json)" = registers/vendors.csv ] || fail "new version path"
[ "$(jq -r '.[24].prev' list3.json)" = "$(jq -r '.[23].hash' list3.json)" ] || fail "chain"

# --- bad input: exit 2, the pinned message, nothing changes -------------------
cp registers/vendors.csv vendors.good
printf 'Bad Co,urgent,Stuff,,2025-03-02,,no\n' >>registers/vendors.csv
printf 'id,name,type,owner_email,environment,classification\nA-9,New,db,,prod,internal\n' >registers/assets.csv
expect_exit 2 "$A" import
contains "$errout" "attest: registers/vendors.csv:3: row 2: field 'tier': tier 'urgent' is not one of critical, high, medium, low"
"$A" evidence list --format json >list4.json
cmp list3.json list4.json || fail "a failed import changed the evidence list"

# --- --keep-going: good files in, bad ones listed, exit 1 ---------------------
expect_exit 1 "$A" import --keep-going
contains "$errout" "attest: registers/vendors.csv:3: row 2: field 'tier': tier 'urgent' is not one of critical, high, medium, low"
contains "$errout" "attest: 1 files were not imported (errors above); the others were"
contains "$out" "imported: 24 files read, 1 records, 1 new versions, 22 unchanged"
"$A" evidence list --format json >list5.json
[ "$(jq -r '.[25].path' list5.json)" = registers/assets.csv ] || fail "keep-going import"
cp vendors.good registers/vendors.csv

# --- unrecognised files warn; README and dotfiles are skipped -----------------
mkdir -p sources/foo
echo '{}' >sources/foo/bar.json
echo 'x' >sources/foo/.hidden.json
echo 'x' >sources/foo/README.txt
expect_exit 0 "$A" import sources/foo
[ "$errout" = "warning: sources/foo/bar.json: not a recognised export; see docs/sources/" ] ||
	fail "warning text: $errout"
contains "$out" ", 1 not recognised"
rm -r sources/foo

# --- PATH arguments, --effective ----------------------------------------------
mkdir -p registers/access-reviews
printf 'system,account,email,access,decision,reviewer,reviewed_at\naws:111122223333,jdoe,,admin,keep,m.chen@acme-health.example,2026-01-15\n' \
	>registers/access-reviews/2026-q1.csv
expect_exit 0 "$A" import "$PWD/registers/access-reviews" --effective 2026-01-15
contains "$out" "imported: 1 files read, 1 records, 1 new versions, 0 unchanged"
"$A" evidence list --format json --source register.access-reviews >list6.json
[ "$(jq -r '.[0].effective' list6.json)" = "2026-01-15T00:00:00Z" ] || fail "--effective"
expect_exit 0 "$A" import ./registers/../registers/access-reviews/2026-q1.csv
contains "$out" "0 new versions, 1 unchanged"
expect_exit 2 "$A" import ../elsewhere
contains "$errout" "is outside the workspace"
expect_exit 2 "$A" import sources/nothing-here
contains "$errout" "sources/nothing-here"

# --- list filters and formats -------------------------------------------------
expect_exit 0 "$A" evidence list --source aws
[ "$(printf '%s\n' "$out" | grep -c ' aws\.')" -eq 10 ] || fail "--source aws: $out"
expect_exit 0 "$A" evidence list --format csv --since 2099-01-01
[ "$out" = "$(printf 'id,effective,source,path,size,digest,imported\r')" ] || fail "csv: $out"
expect_exit 0 "$A" evidence verify
contains "$out" "ok: 27 entries"
echo "import.sh: ok"
