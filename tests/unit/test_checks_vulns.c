/*
 * test_checks_vulns.c - vulns.sla-breach over Trivy and Grype facts as the
 * importers write them (docs/facts.md "Vulnerabilities"): breaches counted
 * from the first scan, fixes within the SLA, exceptions (by id or alias,
 * expired or not), severities without an SLA, grouping of packages.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "check_test.h"
#include "importers/importer.h"
#include "test_files.h"

#define IMAGE "ghcr.io/acme/api:prod"
#define TARGET IMAGE " (debian 12.5)"

/* A `scan` fact of `artifact` at `when` ("YYYY-MM-DDTHH:MM:SSZ", or NULL for
 * a report without a timestamp, effective on `day`). */
static void add_scan(struct fact_list *l, const char *scanner, const char *artifact,
		     const char *when, const char *day, const char *digest)
{
	char json[512], key[256];

	snprintf(json, sizeof(json),
		 "{\"scanner\":\"%s\",\"artifact\":\"%s\",\"scanned_at\":%s%s%s,"
		 "\"vulnerabilities\":1}", scanner, artifact, when ? "\"" : "",
		 when ? when : "null", when ? "\"" : "");
	snprintf(key, sizeof(key), "%s/%s/%s", scanner, artifact, when ? when : "unknown");
	add_fact(l, "scan", key, json, day, digest);
}

struct vuln {
	const char *scanner, *artifact, *target, *package, *version, *fixed, *id;
	const char *aliases, *severity;
	const char *status;   /* NULL = "fixed" (Trivy: a fix exists) */
};

static void add_vuln(struct fact_list *l, const struct vuln *v, const char *when,
		     const char *day, const char *digest)
{
	char json[1024], key[512], fixed[128];

	if (v->fixed)
		snprintf(fixed, sizeof(fixed), "\"%s\"", v->fixed);
	else
		snprintf(fixed, sizeof(fixed), "null");
	snprintf(json, sizeof(json),
		 "{\"scanner\":\"%s\",\"scanned_at\":%s%s%s,\"artifact\":\"%s\","
		 "\"target\":\"%s\",\"id\":\"%s\",\"aliases\":[%s],\"package\":\"%s\","
		 "\"installed_version\":\"%s\",\"fixed_version\":%s,\"severity\":\"%s\","
		 "\"status\":\"%s\"}", v->scanner, when ? "\"" : "", when ? when : "null",
		 when ? "\"" : "", v->artifact, v->target, v->id,
		 v->aliases ? v->aliases : "", v->package, v->version, fixed, v->severity,
		 v->status ? v->status : "fixed");
	snprintf(key, sizeof(key), "%s/%s/%s/%s/%s", v->scanner, v->target, v->package,
		 v->version, v->id);
	add_fact(l, "vulnerability", key, json, day, digest);
}

static const struct vuln openssl = {
	"trivy", IMAGE, TARGET, "openssl", "3.0.11-1", "3.0.13-1", "CVE-2026-0001", NULL,
	"critical", NULL,
};

/* Scans of IMAGE on 05-02 and 06-10, both reporting `v`. */
static void two_scans(struct fact_list *l, const struct vuln *v)
{
	add_scan(l, "trivy", IMAGE, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	add_vuln(l, v, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	add_scan(l, "trivy", IMAGE, "2026-06-10T08:00:00Z", "2026-06-10", "sha256:s2");
	add_vuln(l, v, "2026-06-10T08:00:00Z", "2026-06-10", "sha256:s2");
}

static void test_breach_counted_from_first_scan(void **state)
{
	struct fact_list facts;
	struct check_run run;
	const struct finding *f;

	(void)state;
	fact_list_init(&facts);
	two_scans(&facts, &openssl);
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-06-16", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	f = &run.findings.items[0];
	assert_string_equal(f->subject, "CVE-2026-0001 in " TARGET);
	assert_string_equal(f->system, "");
	assert_string_equal(f->detail,
			    "critical, openssl 3.0.11-1 (fixed in 3.0.13-1), first reported "
			    "2026-05-02 by trivy scan of " IMAGE ", 45 days open (SLA 7)");
	assert_int_equal(f->severity, SEVERITY_CRITICAL);
	assert_int_equal(f->evidence_count, 2);
	assert_string_equal(f->evidence[0], "sha256:s1");
	assert_string_equal(f->evidence[1], "sha256:s2");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_sla_edge(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_scan(&facts, "trivy", IMAGE, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	add_vuln(&facts, &openssl, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	/* 7 days open with an SLA of 7: on time. */
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-05-09", NULL,
				       &run), RESULT_PASS);
	check_run_release(&run);
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-05-10", NULL,
				       &run), RESULT_FAIL);
	assert_string_equal(run.findings.items[0].detail,
			    "critical, openssl 3.0.11-1 (fixed in 3.0.13-1), first reported "
			    "2026-05-02 by trivy scan of " IMAGE ", 8 days open (SLA 7)");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_fixed_within_sla_no_finding(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_scan(&facts, "trivy", IMAGE, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	add_vuln(&facts, &openssl, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	/* The next scan no longer reports it: fixed on day 3. */
	add_scan(&facts, "trivy", IMAGE, "2026-05-05T08:00:00Z", "2026-05-05", "sha256:s2");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-09-30", NULL,
				       &run), RESULT_PASS);
	assert_int_equal(run.findings.count, 0);
	check_run_release(&run);
	/* As of a date before the fixing scan, it is open but within its SLA. */
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-05-04", NULL,
				       &run), RESULT_PASS);
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_scan_after_date_ignored(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_scan(&facts, "trivy", IMAGE, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	add_vuln(&facts, &openssl, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	add_scan(&facts, "trivy", IMAGE, "2026-06-01T08:00:00Z", "2026-06-01", "sha256:s2");
	/* Fixed on 06-01, but as of 05-20 it was still open after 18 days. */
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-05-20", NULL,
				       &run), RESULT_FAIL);
	assert_string_equal(run.findings.items[0].detail,
			    "critical, openssl 3.0.11-1 (fixed in 3.0.13-1), first reported "
			    "2026-05-02 by trivy scan of " IMAGE ", 18 days open (SLA 7)");
	check_run_release(&run);
	fact_list_release(&facts);
}

static void add_exception(struct fact_list *l, const char *vuln, const char *target,
			  const char *expires)
{
	char json[512], key[256];

	snprintf(json, sizeof(json),
		 "{\"vulnerability\":\"%s\",\"target\":\"%s\",\"justification\":\"not "
		 "reachable\",\"approved_by\":\"ciso@acme.example\",\"expires\":%s%s%s}",
		 vuln, target, expires ? "\"" : "", expires ? expires : "null",
		 expires ? "\"" : "");
	snprintf(key, sizeof(key), "%s/%s", vuln, target);
	add_fact(l, "vuln_exception", key, json, NULL, "sha256:exc");
}

static void test_exceptions(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	two_scans(&facts, &openssl);
	/* By the artifact name, expiring on the date: still valid. */
	add_exception(&facts, "CVE-2026-0001", IMAGE, "2026-06-16");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-06-16", NULL,
				       &run), RESULT_PASS);
	check_run_release(&run);
	/* The day after, it has expired. */
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-06-17", NULL,
				       &run), RESULT_FAIL);
	assert_string_equal(run.findings.items[0].detail,
			    "critical, openssl 3.0.11-1 (fixed in 3.0.13-1), first reported "
			    "2026-05-02 by trivy scan of " IMAGE ", 46 days open (SLA 7); "
			    "exception expired 2026-06-16");
	assert_int_equal(run.findings.items[0].evidence_count, 3);
	check_run_release(&run);
	fact_list_release(&facts);

	/* Another target or another CVE does not cover it. */
	fact_list_init(&facts);
	two_scans(&facts, &openssl);
	add_exception(&facts, "CVE-2026-0001", "ghcr.io/acme/web:prod", NULL);
	add_exception(&facts, "CVE-2026-9999", TARGET, NULL);
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-06-16", NULL,
				       &run), RESULT_FAIL);
	check_run_release(&run);
	/* By the target, without expiry. */
	add_exception(&facts, "cve-2026-0001", TARGET, NULL);
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-06-16", NULL,
				       &run), RESULT_PASS);
	check_run_release(&run);
	fact_list_release(&facts);
}

/* Grype: no timestamp in the report (scans told apart by digest), the
 * exception names the CVE alias of a GHSA match. */
static void test_grype_alias_and_untimed_scans(void **state)
{
	static const struct vuln lodash = {
		"grype", "ghcr.io/acme/web:prod", "ghcr.io/acme/web:prod", "lodash",
		"4.17.15", "4.17.21", "GHSA-35jh-r3h4-6jhm",
		"\"GHSA-35jh-r3h4-6jhm\",\"CVE-2021-23337\"", "high", "not-fixed",
	};
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	add_scan(&facts, "grype", lodash.artifact, NULL, "2026-04-01", "sha256:g1");
	add_vuln(&facts, &lodash, NULL, "2026-04-01", "sha256:g1");
	add_scan(&facts, "grype", lodash.artifact, NULL, "2026-05-01", "sha256:g2");
	add_vuln(&facts, &lodash, NULL, "2026-05-01", "sha256:g2");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-05-01", NULL,
				       &run), RESULT_FAIL);
	assert_string_equal(run.findings.items[0].subject,
			    "GHSA-35jh-r3h4-6jhm in ghcr.io/acme/web:prod");
	assert_string_equal(run.findings.items[0].detail,
			    "high, lodash 4.17.15 (fixed in 4.17.21), first reported 2026-04-01 "
			    "by grype scan of ghcr.io/acme/web:prod, 30 days open (SLA 14)");
	assert_int_equal(run.findings.items[0].severity, SEVERITY_HIGH);
	check_run_release(&run);
	add_exception(&facts, "CVE-2021-23337", "ghcr.io/acme/web:prod", "2026-07-31");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-05-01", NULL,
				       &run), RESULT_PASS);
	check_run_release(&run);
	fact_list_release(&facts);

	/* A third, untimed scan without the match: fixed. */
	fact_list_init(&facts);
	add_scan(&facts, "grype", lodash.artifact, NULL, "2026-04-01", "sha256:g1");
	add_vuln(&facts, &lodash, NULL, "2026-04-01", "sha256:g1");
	add_scan(&facts, "grype", lodash.artifact, NULL, "2026-04-10", "sha256:g3");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-09-30", NULL,
				       &run), RESULT_PASS);
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_severities_and_statuses_without_sla(void **state)
{
	struct vuln low = openssl, negligible = openssl, medium = openssl;
	struct vuln not_affected = openssl;
	struct fact_list facts;
	struct check_run run;

	(void)state;
	low.severity = "low";
	low.id = "CVE-2026-0002";
	negligible.severity = "negligible";
	negligible.id = "CVE-2026-0003";
	medium.severity = "medium";
	medium.id = "CVE-2026-0004";
	medium.fixed = NULL;
	fact_list_init(&facts);
	two_scans(&facts, &low);
	two_scans(&facts, &negligible);
	two_scans(&facts, &medium);
	/* The scanner's own "not affected" verdict is not an open finding. */
	not_affected.status = "not_affected";
	not_affected.id = "CVE-2026-0005";
	two_scans(&facts, &not_affected);
	/* 31 days: medium (SLA 30) breaches; low has no SLA by default. */
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-06-02", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].subject, "CVE-2026-0004 in " TARGET);
	assert_string_equal(run.findings.items[0].detail,
			    "medium, openssl 3.0.11-1 (no fix yet), first reported 2026-05-02 "
			    "by trivy scan of " IMAGE ", 31 days open (SLA 30)");
	assert_int_equal(run.findings.items[0].severity, SEVERITY_MEDIUM);
	check_run_release(&run);
	fact_list_release(&facts);
}

/* One CVE in two packages of one target is one finding; a target that
 * does not name its artifact is qualified with it. */
static void test_grouping_and_subjects(void **state)
{
	struct vuln libssl = openssl, libcrypto = openssl;
	struct vuln lock = {
		"trivy", "github.com/acme/portal", "package-lock.json", "minimist", "1.2.5",
		"1.2.6", "CVE-2021-44906", NULL, "critical", "fixed",
	};
	struct fact_list facts;
	struct check_run run;
	int i;

	(void)state;
	libssl.package = "libssl3";
	libcrypto.package = "libcrypto3";
	fact_list_init(&facts);
	two_scans(&facts, &libssl);
	add_vuln(&facts, &libcrypto, "2026-06-10T08:00:00Z", "2026-06-10", "sha256:s2");
	add_scan(&facts, "trivy", lock.artifact, "2026-05-20T00:00:00Z", "2026-05-20",
		 "sha256:p1");
	add_vuln(&facts, &lock, "2026-05-20T00:00:00Z", "2026-05-20", "sha256:p1");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-06-20", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	i = finding_index(&run, "CVE-2026-0001 in " TARGET);
	assert_true(i >= 0);
	/* libcrypto3 was first reported on 06-10 (10 days), libssl3 on 05-02. */
	assert_string_equal(run.findings.items[i].detail,
			    "critical, libcrypto3 3.0.11-1 (fixed in 3.0.13-1), libssl3 "
			    "3.0.11-1 (fixed in 3.0.13-1), first reported 2026-05-02 by trivy "
			    "scan of " IMAGE ", 49 days open (SLA 7)");
	i = finding_index(&run, "CVE-2021-44906 in package-lock.json of github.com/acme/portal");
	assert_true(i >= 0);
	assert_string_equal(run.findings.items[i].detail,
			    "critical, minimist 1.2.5 (fixed in 1.2.6), first reported "
			    "2026-05-20 by trivy scan of github.com/acme/portal, 31 days open "
			    "(SLA 7)");
	check_run_release(&run);
	fact_list_release(&facts);

	/* A registry image whose OS target names only the image's last path
	 * part needs no qualifier; a look-alike name does. */
	fact_list_init(&facts);
	lock.artifact = "123456789012.dkr.ecr.us-east-1.amazonaws.com/acme-api:prod";
	lock.target = "acme-api:prod (debian 12.5)";
	two_scans(&facts, &openssl);
	add_scan(&facts, "trivy", lock.artifact, "2026-05-20T00:00:00Z", "2026-05-20",
		 "sha256:p1");
	add_vuln(&facts, &lock, "2026-05-20T00:00:00Z", "2026-05-20", "sha256:p1");
	lock.artifact = "ghcr.io/acme/my-api:prod";
	lock.target = "api:prod (debian 12.5)";
	add_scan(&facts, "trivy", lock.artifact, "2026-05-20T00:00:00Z", "2026-05-20",
		 "sha256:p2");
	add_vuln(&facts, &lock, "2026-05-20T00:00:00Z", "2026-05-20", "sha256:p2");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-06-20", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 3);
	assert_true(finding_index(&run, "CVE-2021-44906 in acme-api:prod (debian 12.5)") >= 0);
	assert_true(finding_index(&run, "CVE-2021-44906 in api:prod (debian 12.5) of "
				  "ghcr.io/acme/my-api:prod") >= 0);
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_upgrade_to_vulnerable_version_keeps_clock(void **state)
{
	struct vuln later = openssl;
	struct fact_list facts;
	struct check_run run;

	(void)state;
	later.version = "3.0.12-1";
	fact_list_init(&facts);
	add_scan(&facts, "trivy", IMAGE, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	add_vuln(&facts, &openssl, "2026-05-02T08:00:00Z", "2026-05-02", "sha256:s1");
	add_scan(&facts, "trivy", IMAGE, "2026-05-08T08:00:00Z", "2026-05-08", "sha256:s2");
	add_vuln(&facts, &later, "2026-05-08T08:00:00Z", "2026-05-08", "sha256:s2");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2026-05-12", NULL,
				       &run), RESULT_FAIL);
	assert_string_equal(run.findings.items[0].detail,
			    "critical, openssl 3.0.12-1 (fixed in 3.0.13-1), first reported "
			    "2026-05-02 by trivy scan of " IMAGE ", 10 days open (SLA 7)");
	check_run_release(&run);
	fact_list_release(&facts);
}

/* ---- real reports (shared/fixtures/real) through the real importers ---- */

/* Imports a real report as sources/scans/<name> and appends its facts to `l` as
 * the store would hand them to a check: effective on the report's date
 * (or `day` when it has none), digest `digest`. */
static void import_real(struct fact_list *l, const char *rel, const char *ws,
			const char *day, const char *digest)
{
	struct config config;
	struct import_input in;
	struct import_output out;
	struct error err;
	const struct importer *imp;
	size_t size;
	char *data = slurp_real(rel, &size);

	config_defaults(&config);
	imp = importer_for(ws, data, size);
	assert_non_null(imp);
	in.path = ws;
	in.data = data;
	in.size = size;
	in.config = &config;
	import_output_init(&out);
	error_clear(&err);
	if (imp->parse(&in, &out, &err))
		fail_msg("%s: %s", rel, err.message);
	for (size_t i = 0; i < out.facts.count; i++) {
		struct fact *f = &out.facts.items[i];
		char *json = json_dumps(f->data, JSON_COMPACT);
		char date[DATE_TEXT_SIZE];

		assert_non_null(json);
		if (out.effective != STAMP_NONE)
			date_format(stamp_day(out.effective), date);
		add_fact(l, f->kind, f->key, json, out.effective != STAMP_NONE ? date : day,
			 digest);
		free(json);
	}
	import_output_release(&out);
	free(data);
}

#define ALPINE "testdata/fixtures/images/alpine-310.tar.gz"

static void test_real_trivy_report(void **state)
{
	struct fact_list facts;
	struct check_run run;
	int i;

	(void)state;
	fact_list_init(&facts);
	import_real(&facts, "trivy-golden/alpine-310.json", "sources/scans/alpine.json", NULL,
		    "sha256:alpine");
	/* Four medium findings (two CVEs x libcrypto/libssl), reported on
	 * 2021-08-25: within the 30-day SLA on 09-24, late on 10-01. */
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2021-09-24", NULL,
				       &run), RESULT_PASS);
	check_run_release(&run);
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2021-10-01", NULL,
				       &run), RESULT_FAIL);
	assert_int_equal(run.findings.count, 2);
	i = finding_index(&run, "CVE-2019-1551 in " ALPINE " (alpine 3.10.2)");
	assert_true(i >= 0);
	assert_string_equal(run.findings.items[i].detail,
			    "medium, libcrypto1.1 1.1.1c-r0 (fixed in 1.1.1d-r2), libssl1.1 "
			    "1.1.1c-r0 (fixed in 1.1.1d-r2), first reported 2021-08-25 by trivy "
			    "scan of " ALPINE ", 37 days open (SLA 30)");
	assert_int_equal(run.findings.items[i].severity, SEVERITY_MEDIUM);
	check_run_release(&run);
	fact_list_release(&facts);
}

#define ANCHORE "anchore/test_images@sha256:" \
	"10008791acbc5866de04108746a02a0c4029ce3a4400a9b3dad45d7f2245f9da"

static void test_real_grype_report(void **state)
{
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	import_real(&facts, "grype-testdata/anchore-test-images-ghsa.grype.json",
		    "sources/scans/anchore.json", NULL, "sha256:anchore");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2023-10-31", NULL,
				       &run), RESULT_FAIL);
	/* The GHSA match and its CVE are one vulnerability (the importer folds
	 * them); the report's timestamp 2023-08-31T15:13:32-04:00 dates it. */
	assert_int_equal(run.findings.count, 1);
	assert_string_equal(run.findings.items[0].subject, "CVE-2014-3577 in " ANCHORE);
	assert_string_equal(run.findings.items[0].detail,
			    "medium, httpclient 4.1.1 (fixed in 4.3.5), first reported "
			    "2023-08-31 by grype scan of " ANCHORE ", 61 days open (SLA 30)");
	check_run_release(&run);
	/* An exception naming the GHSA alias covers it. */
	add_exception(&facts, "GHSA-cfh5-3ghh-wfjx", ANCHORE, "2023-12-31");
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, NULL, "2023-10-31", NULL,
				       &run), RESULT_PASS);
	check_run_release(&run);
	fact_list_release(&facts);
}

static void test_not_evaluated_without_scans(void **state)
{
	static const char *const present[] = {"register.vuln-exceptions", "hr.roster", NULL};
	struct fact_list facts;
	struct check_run run;

	(void)state;
	fact_list_init(&facts);
	assert_int_equal(run_one_check("vulns.sla-breach", &facts, present, "2026-06-16",
				       NULL, &run), RESULT_NOT_EVALUATED);
	assert_string_equal(run.outcomes[0].reason,
			    "no scan. evidence imported as of this date");
	check_run_release(&run);
	fact_list_release(&facts);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_breach_counted_from_first_scan),
		cmocka_unit_test(test_sla_edge),
		cmocka_unit_test(test_fixed_within_sla_no_finding),
		cmocka_unit_test(test_scan_after_date_ignored),
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_grype_alias_and_untimed_scans),
		cmocka_unit_test(test_severities_and_statuses_without_sla),
		cmocka_unit_test(test_grouping_and_subjects),
		cmocka_unit_test(test_upgrade_to_vulnerable_version_keeps_clock),
		cmocka_unit_test(test_real_trivy_report),
		cmocka_unit_test(test_real_grype_report),
		cmocka_unit_test(test_not_evaluated_without_scans),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
