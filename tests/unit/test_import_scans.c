/*
 * test_import_scans.c - the Trivy and Grype importers (src/importers/
 * trivy.c, grype.c) on the real reports of shared/fixtures/real/ and on
 * the broken cases of tests/fixtures/{trivy,grype}/.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importers/importer.h"
#include "importers/trivy.h"
#include "test_files.h"

static char *real_path(const char *rel)
{
	const char *shared = getenv("ATTEST_SHARED");
	static char buf[1024];

	snprintf(buf, sizeof(buf), "%s/fixtures/real/%s",
		 shared ? shared : "../shared", rel);
	return buf;
}

/* Parses `file` as if it were the workspace file `ws`; the importer is the
 * one that recognises it. Returns the parse result. */
static int run(const char *file, const char *ws, const char *want_importer,
	       struct import_output *out, struct error *err)
{
	struct config config;
	struct import_input in;
	const struct importer *imp;
	size_t size;
	char *data = slurp(file, &size);
	int rc;

	config_defaults(&config);
	imp = importer_for(ws, data, size);
	assert_non_null(imp);
	assert_string_equal(imp->name, want_importer);
	in.path = ws;
	in.data = data;
	in.size = size;
	in.config = &config;
	import_output_init(out);
	error_clear(err);
	rc = imp->parse(&in, out, err);
	free(data);
	return rc;
}

static const struct fact *find(const struct import_output *out, const char *kind,
			       const char *key)
{
	for (size_t i = 0; i < out->facts.count; i++)
		if (strcmp(out->facts.items[i].kind, kind) == 0 &&
		    strcmp(out->facts.items[i].key, key) == 0)
			return &out->facts.items[i];
	fail_msg("no %s fact %s", kind, key);
	return NULL;
}

static size_t count(const struct import_output *out, const char *kind)
{
	size_t n = 0;

	for (size_t i = 0; i < out->facts.count; i++)
		n += strcmp(out->facts.items[i].kind, kind) == 0;
	return n;
}

static void test_trivy_alpine(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;
	stamp_t want;

	(void)state;
	assert_int_equal(run(real_path("trivy-golden/alpine-310.json"),
			     "sources/scans/alpine-310.json", "scan.trivy", &out, &err), 0);
	assert_int_equal(count(&out, "vulnerability"), 4);
	assert_int_equal(count(&out, "scan"), 1);
	assert_int_equal(stamp_parse("2021-08-25T12:20:30Z", &want), 0);
	assert_true(out.effective == want);
	f = find(&out, "vulnerability",
		 "trivy/testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)"
		 "/libcrypto1.1/1.1.1c-r0/CVE-2019-1549");
	assert_string_equal(fact_str(f, "scanner"), "trivy");
	assert_string_equal(fact_str(f, "scanned_at"), "2021-08-25T12:20:30Z");
	assert_string_equal(fact_str(f, "artifact"),
			    "testdata/fixtures/images/alpine-310.tar.gz");
	assert_string_equal(fact_str(f, "target"),
			    "testdata/fixtures/images/alpine-310.tar.gz (alpine 3.10.2)");
	assert_string_equal(fact_str(f, "id"), "CVE-2019-1549");
	assert_string_equal(fact_str(f, "package"), "libcrypto1.1");
	assert_string_equal(fact_str(f, "installed_version"), "1.1.1c-r0");
	assert_string_equal(fact_str(f, "fixed_version"), "1.1.1d-r0");
	assert_string_equal(fact_str(f, "severity"), "medium");
	assert_string_equal(fact_str(f, "status"), "fixed");
	assert_true(json_is_array(json_object_get(f->data, "aliases")));
	f = find(&out, "scan",
		 "trivy/testdata/fixtures/images/alpine-310.tar.gz/2021-08-25T12:20:30Z");
	assert_int_equal(fact_int(f, "vulnerabilities", -1), 4);
	import_output_release(&out);
}

static void test_trivy_no_fix(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run(real_path("trivy-golden/centos-7.json"),
			     "sources/scans/centos.json", "scan.trivy", &out, &err), 0);
	f = find(&out, "vulnerability",
		 "trivy/testdata/fixtures/images/centos-7.tar.gz (centos 7.6.1810)"
		 "/bash/4.2.46-31.el7/CVE-2019-18276");
	assert_true(json_is_null(json_object_get(f->data, "fixed_version")));
	assert_string_equal(fact_str(f, "severity"), "low");
	assert_string_equal(fact_str(f, "status"), "will_not_fix");
	import_output_release(&out);
}

/* Every real golden file: vulnerability counts (the same CVE once per
 * package and per target), one scan fact each. */
static void test_trivy_all_golden(void **state)
{
	static const struct {
		const char *file;
		size_t vulns;
	} cases[] = {
		{"alpine-310.json", 4}, {"alpine-distroless.json", 1},
		{"amazonlinux2-gp2-x86-vm.json", 1}, {"centos-7.json", 3},
		{"debian-stretch.json", 5}, {"distroless-base.json", 4},
		{"gomod.json", 5}, {"npm.json", 1}, {"pip.json", 2},
		{"secrets.json", 0}, {"spring4shell-jre8.json", 1},
		{"ubuntu-1804.json", 5},
	};
	char rel[256];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct import_output out;
		struct error err;

		snprintf(rel, sizeof(rel), "trivy-golden/%s", cases[i].file);
		assert_int_equal(run(real_path(rel), "sources/scans/x.json",
				     "scan.trivy", &out, &err), 0);
		assert_int_equal(count(&out, "vulnerability"), cases[i].vulns);
		assert_int_equal(count(&out, "scan"), 1);
		import_output_release(&out);
	}
}

static void test_trivy_gomod_unknown_severity(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run(real_path("trivy-golden/gomod.json"),
			     "sources/scans/gomod.json", "scan.trivy", &out, &err), 0);
	f = find(&out, "vulnerability",
		 "trivy/submod/go.mod/github.com/docker/distribution/"
		 "v2.7.1+incompatible/GMS-2022-20");
	assert_string_equal(fact_str(f, "severity"), "unknown");
	assert_string_equal(fact_str(f, "fixed_version"), "v2.8.0");
	import_output_release(&out);
}

static void test_trivy_secrets_no_vulnerabilities_key(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run(real_path("trivy-golden/secrets.json"),
			     "sources/scans/secrets.json", "scan.trivy", &out, &err), 0);
	assert_int_equal(out.facts.count, 1);
	f = find(&out, "scan", "trivy/testdata/fixtures/repo/secrets/2021-08-25T12:20:30Z");
	assert_int_equal(fact_int(f, "vulnerabilities", -1), 0);
	import_output_release(&out);
}

static void test_trivy_results_omitted_and_duplicates(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run("tests/fixtures/trivy/results-omitted.json",
			     "sources/scans/a.json", "scan.trivy", &out, &err), 0);
	assert_int_equal(out.facts.count, 1);
	find(&out, "scan", "trivy/registry.example/empty:1/2026-04-02T09:15:00Z");
	import_output_release(&out);

	assert_int_equal(run("tests/fixtures/trivy/duplicate-finding.json",
			     "sources/scans/a.json", "scan.trivy", &out, &err), 0);
	assert_int_equal(count(&out, "vulnerability"), 1);
	assert_string_equal(fact_str(find(&out, "vulnerability",
					  "trivy/app/pom.xml/spring-beans/5.3.15/CVE-2022-22965"),
				     "severity"), "critical");
	import_output_release(&out);
}

static void test_trivy_errors(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run("tests/fixtures/trivy/bad-severity.json",
			     "sources/scans/a.json", "scan.trivy", &out, &err), ERR_INPUT);
	assert_string_equal(err.record, "Results[0].Vulnerabilities[0]");
	assert_string_equal(err.field, "Severity");
	assert_string_equal(err.message,
			    "Severity 'SEVERE' is not one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN");
	import_output_release(&out);

	assert_int_equal(run("tests/fixtures/trivy/schema-version-1.json",
			     "sources/scans/a.json", "scan.trivy", &out, &err), ERR_INPUT);
	assert_string_equal(err.message,
			    "unsupported Trivy report: SchemaVersion 1 (expected 2)");
	import_output_release(&out);

	assert_int_equal(run("tests/fixtures/trivy/missing-pkgname.json",
			     "sources/scans/a.json", "scan.trivy", &out, &err), ERR_INPUT);
	assert_string_equal(err.record, "Results[0].Vulnerabilities[0]");
	assert_string_equal(err.field, "PkgName");
	assert_string_equal(err.message, "required field is missing");
	assert_int_equal(out.facts.count, 0);
	import_output_release(&out);
}

static void test_grype_ghsa_merged_into_cve(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;
	json_t *aliases;
	stamp_t want;

	(void)state;
	assert_int_equal(run(real_path("grype-testdata/anchore-test-images-ghsa.grype.json"),
			     "sources/scans/anchore.json", "scan.grype", &out, &err), 0);
	assert_int_equal(count(&out, "vulnerability"), 1);
	assert_int_equal(stamp_parse("2023-08-31T19:13:32Z", &want), 0);
	assert_true(out.effective == want);
	f = find(&out, "vulnerability",
		 "grype/anchore/test_images@sha256:10008791acbc5866de04108746a02a0c4029ce3a4400a9b3dad45d7f2245f9da"
		 "/httpclient/4.1.1/CVE-2014-3577");
	assert_string_equal(fact_str(f, "scanner"), "grype");
	assert_string_equal(fact_str(f, "id"), "CVE-2014-3577");
	assert_string_equal(fact_str(f, "severity"), "medium");
	assert_string_equal(fact_str(f, "fixed_version"), "4.3.5");
	assert_string_equal(fact_str(f, "status"), "fixed");
	assert_string_equal(fact_str(f, "scanned_at"), "2023-08-31T19:13:32Z");
	aliases = json_object_get(f->data, "aliases");
	assert_int_equal(json_array_size(aliases), 1);
	assert_string_equal(json_string_value(json_array_get(aliases, 0)),
			    "GHSA-cfh5-3ghh-wfjx");
	import_output_release(&out);
}

static void test_grype_chainguard(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run(real_path("grype-testdata/chainguard-ruby-3.0.grype.json"),
			     "sources/scans/ruby.json", "scan.grype", &out, &err), 0);
	assert_int_equal(count(&out, "vulnerability"), 2);
	f = find(&out, "vulnerability",
		 "grype/cgr.dev/chainguard/ruby:latest-3.0/uri/0.10.1/CVE-2023-28755");
	assert_string_equal(fact_str(f, "fixed_version"), "0.10.2");
	assert_string_equal(fact_str(f, "severity"), "high");
	assert_string_equal(json_string_value(json_array_get(json_object_get(f->data, "aliases"), 0)),
			    "GHSA-hv5j-3h9f-99c2");
	f = find(&out, "vulnerability",
		 "grype/cgr.dev/chainguard/ruby:latest-3.0/ruby-3.0/3.0.4-r1/CVE-2023-28755");
	assert_int_equal(json_array_size(json_object_get(f->data, "aliases")), 0);
	f = find(&out, "scan", "grype/cgr.dev/chainguard/ruby:latest-3.0/2023-05-18T01:00:56Z");
	assert_int_equal(fact_int(f, "vulnerabilities", -1), 2);
	import_output_release(&out);
}

static void test_grype_keycloak_wont_fix(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run(real_path("grype-testdata/keycloak-21.0.2-image.grype.json"),
			     "sources/scans/kc.json", "scan.grype", &out, &err), 0);
	assert_int_equal(count(&out, "vulnerability"), 6);
	f = find(&out, "vulnerability",
		 "grype/docker.io/keycloak/keycloak:21.0.2@sha256:347a0d748d05a050dc64b92de2246d2240db6eb38afbc17c3c08d0acb0db1b50"
		 "/nss/3.79.0-17.el9_1/CVE-2020-12413");
	assert_string_equal(fact_str(f, "status"), "wont-fix");
	assert_true(json_is_null(json_object_get(f->data, "fixed_version")));
	assert_string_equal(fact_str(f, "severity"), "low");
	import_output_release(&out);
}

static void test_grype_snapshots(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	/* No timestamp: the file speaks for the import time. */
	assert_int_equal(run(real_path("grype-testdata/presenter-snapshot__TestEmptyJsonPresenter.json"),
			     "sources/scans/e.json", "scan.grype", &out, &err), 0);
	assert_true(out.effective == STAMP_NONE);
	assert_int_equal(out.facts.count, 1);
	f = find(&out, "scan", "grype/unknown/unknown");
	assert_true(json_is_null(json_object_get(f->data, "scanned_at")));
	import_output_release(&out);

	assert_int_equal(run(real_path("grype-testdata/presenter-snapshot__TestJsonDirsPresenter.json"),
			     "sources/scans/d.json", "scan.grype", &out, &err), 0);
	f = find(&out, "vulnerability", "grype//some/path/package-1/1.1.1/CVE-1999-0001");
	assert_string_equal(fact_str(f, "fixed_version"), "1.2.1, 2.1.3, 3.4.0");
	assert_string_equal(fact_str(f, "artifact"), "/some/path");
	f = find(&out, "vulnerability", "grype//some/path/package-2/2.2.2/CVE-1999-0002");
	assert_string_equal(fact_str(f, "severity"), "critical");
	assert_true(json_is_null(json_object_get(f->data, "status")));
	assert_true(json_is_null(json_object_get(f->data, "fixed_version")));
	import_output_release(&out);

	assert_int_equal(run(real_path("grype-testdata/presenter-snapshot__TestJsonImgsPresenter.json"),
			     "sources/scans/i.json", "scan.grype", &out, &err), 0);
	assert_int_equal(count(&out, "vulnerability"), 2);
	find(&out, "vulnerability", "grype/user-input/package-1/1.1.1/CVE-1999-0001");
	import_output_release(&out);
}

static void test_grype_sorted_keys(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run("tests/fixtures/grype/sorted-keys.json",
			     "sources/scans/s.json", "scan.grype", &out, &err), 0);
	f = find(&out, "vulnerability", "grype//srv/app/uri/0.10.1/CVE-2023-28755");
	assert_string_equal(fact_str(f, "scanned_at"), "2026-04-05T08:00:00Z");
	import_output_release(&out);
}

static void test_grype_errors(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run("tests/fixtures/grype/bad-timestamp.json",
			     "sources/scans/a.json", "scan.grype", &out, &err), ERR_INPUT);
	assert_string_equal(err.record, "descriptor");
	assert_string_equal(err.field, "timestamp");
	import_output_release(&out);

	assert_int_equal(run("tests/fixtures/grype/missing-artifact.json",
			     "sources/scans/a.json", "scan.grype", &out, &err), ERR_INPUT);
	assert_string_equal(err.record, "matches[0]");
	assert_string_equal(err.field, "artifact");
	assert_string_equal(err.message, "required field is missing");
	import_output_release(&out);

	/* Neither report: Grype's importer takes it to say so. */
	assert_int_equal(run("tests/fixtures/grype/neither.json",
			     "sources/scans/users.json", "scan.grype", &out, &err), ERR_INPUT);
	assert_string_equal(err.message, "not a Trivy or Grype JSON report");
	import_output_release(&out);
}

static void test_sniff(void **state)
{
	(void)state;
	assert_int_equal(scan_sniff("{\"SchemaVersion\":2}", 18), SCAN_TRIVY);
	assert_int_equal(scan_sniff("\xEF\xBB\xBF {\"x\": {\"matches\": 1}, \"Results\": []}", 46),
			 SCAN_TRIVY);
	assert_int_equal(scan_sniff("{\"source\":{\"a\":[1,\"}\"]},\"matches\":[]}", 37),
			 SCAN_GRYPE);
	assert_int_equal(scan_sniff("[1,2]", 5), SCAN_UNKNOWN);
	assert_int_equal(scan_sniff("{\"users\":[]}", 12), SCAN_UNKNOWN);
	assert_int_equal(scan_sniff("{\"a\":\"unterminated", 18), SCAN_UNKNOWN);
	assert_int_equal(scan_sniff("", 0), SCAN_UNKNOWN);
	assert_false(scan_path("sources/scans/.json"));
	assert_false(scan_path("sources/other/a.json"));
	assert_true(scan_path("sources/scans/2026-04-01-api.json"));
	assert_null(importer_for("sources/scans/notes.txt", "{}", 2));
}

static void test_invalid_json(void **state)
{
	const struct importer *imp = importer_find("scan.trivy");
	struct config config;
	struct import_input in = {"sources/scans/a.json", "{\"SchemaVersion\": 2,\n  oops}", 27, NULL};
	struct import_output out;
	struct error err;

	(void)state;
	config_defaults(&config);
	in.config = &config;
	import_output_init(&out);
	error_clear(&err);
	assert_int_equal(imp->parse(&in, &out, &err), ERR_INPUT);
	assert_int_equal(err.line, 2);
	assert_true(strncmp(err.message, "invalid JSON: ", 14) == 0);
	import_output_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_trivy_alpine),
		cmocka_unit_test(test_trivy_no_fix),
		cmocka_unit_test(test_trivy_all_golden),
		cmocka_unit_test(test_trivy_gomod_unknown_severity),
		cmocka_unit_test(test_trivy_secrets_no_vulnerabilities_key),
		cmocka_unit_test(test_trivy_results_omitted_and_duplicates),
		cmocka_unit_test(test_trivy_errors),
		cmocka_unit_test(test_grype_ghsa_merged_into_cve),
		cmocka_unit_test(test_grype_chainguard),
		cmocka_unit_test(test_grype_keycloak_wont_fix),
		cmocka_unit_test(test_grype_snapshots),
		cmocka_unit_test(test_grype_sorted_keys),
		cmocka_unit_test(test_grype_errors),
		cmocka_unit_test(test_sniff),
		cmocka_unit_test(test_invalid_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
