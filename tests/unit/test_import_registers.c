/*
 * test_import_registers.c - the register importers (src/importers/
 * register_*.c) on tests/fixtures/registers/<case>.csv: valid files of every
 * register, and every kind of bad row with its exact error.
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
#include "test_files.h"

/* Parses tests/fixtures/registers/<fixture> as workspace file `ws` with
 * the importer that recognises `ws`, which must be `want`. */
static int run(const char *fixture, const char *ws, const char *want,
	       struct import_output *out, struct error *err)
{
	char path[512];
	struct config config;
	struct import_input in;
	const struct importer *imp;
	size_t size;
	char *data;
	int rc;

	snprintf(path, sizeof(path), "tests/fixtures/registers/%s", fixture);
	data = slurp(path, &size);
	config_defaults(&config);
	imp = importer_for(ws, data, size);
	assert_non_null(imp);
	assert_string_equal(imp->name, want);
	assert_string_equal(imp->source, "register");
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

static bool is_null(const struct fact *f, const char *attr)
{
	json_t *v = json_object_get(f->data, attr);

	return v && json_is_null(v);
}

/* Runs a bad case and checks the whole formatted error. */
static void expect_error(const char *fixture, const char *ws, const char *want,
			 const char *formatted)
{
	struct import_output out;
	struct error err;
	char text[1024];

	assert_int_equal(run(fixture, ws, want, &out, &err), ERR_INPUT);
	error_format(&err, text, sizeof(text));
	assert_string_equal(text, formatted);
	import_output_release(&out);
}

static void test_identities(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run("identities-valid.csv", "registers/identities.csv",
			     "register.identities", &out, &err), 0);
	assert_int_equal(out.facts.count, 2);
	f = find(&out, "identity", "aws:111122223333/deploy-bot");
	assert_string_equal(fact_str(f, "email"), "ops@acme-health.example");
	assert_string_equal(fact_str(f, "system"), "aws:111122223333");
	assert_true(out.effective == STAMP_NONE);
	import_output_release(&out);
}

static void test_service_accounts_extra_columns(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run("service-accounts-valid.csv", "registers/service-accounts.csv",
			     "register.service-accounts", &out, &err), 0);
	f = find(&out, "service_account", "aws:111122223333/ci-deployer");
	assert_string_equal(fact_str(f, "purpose"), "Deploys from CI, no console");
	assert_string_equal(fact_str(f, "ticket"), "OPS-12");
	f = find(&out, "service_account", "google-workspace/scanner@acme-health.example");
	assert_true(is_null(f, "purpose"));
	assert_true(is_null(f, "ticket"));
	import_output_release(&out);
}

static void test_access_review(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run("access-review-2026-q1.csv", "registers/access-reviews/2026-q1.csv",
			     "register.access-reviews", &out, &err), 0);
	assert_int_equal(out.facts.count, 2);
	f = find(&out, "access_review", "2026-q1/aws:111122223333/c.ramirez");
	assert_string_equal(fact_str(f, "review"), "2026-q1");
	assert_string_equal(fact_str(f, "decision"), "revoke");
	assert_string_equal(fact_str(f, "reviewed_at"), "2026-01-15");
	f = find(&out, "access_review", "2026-q1/github:acme-health/jdoe");
	assert_true(is_null(f, "email"));
	/* A timestamp is accepted; its date, as written, is kept. */
	assert_string_equal(fact_str(f, "reviewed_at"), "2026-01-15");
	import_output_release(&out);
	assert_null(importer_for("registers/access-reviews/sub/x.csv", "", 0));
	assert_null(importer_for("registers/vendors.csv.bak", "", 0));
}

static void test_vendors(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run("vendors-valid.csv", "registers/vendors.csv",
			     "register.vendors", &out, &err), 0);
	assert_int_equal(out.facts.count, 3);
	f = find(&out, "vendor", "Acme Cloud");
	assert_string_equal(fact_str(f, "tier"), "critical");
	assert_string_equal(fact_str(f, "owner_email"), "m.chen@acme-health.example");
	assert_string_equal(fact_str(f, "last_review"), "2026-01-10");
	assert_int_equal(fact_bool(f, "security_addendum", -1), 1);
	assert_string_equal(fact_str(f, "notes"), "primary region us-east-1, DR us-west-2");
	f = find(&out, "vendor", "Pager Co");
	assert_string_equal(fact_str(f, "tier"), "high");
	assert_int_equal(fact_bool(f, "security_addendum", -1), 0);
	assert_true(is_null(f, "soc2_report_expires"));
	f = find(&out, "vendor", "Snack Box");
	assert_true(is_null(f, "security_addendum"));
	assert_true(is_null(f, "last_review"));
	import_output_release(&out);
}

static void test_risks(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run("risks-valid.csv", "registers/risks.csv", "register.risks",
			     &out, &err), 0);
	f = find(&out, "risk", "R-001");
	assert_int_equal(fact_int(f, "likelihood", 0), 3);
	assert_int_equal(fact_int(f, "impact", 0), 4);
	assert_true(json_is_integer(json_object_get(f->data, "impact")));
	assert_string_equal(fact_str(f, "signed_off_at"), "2026-01-20");
	f = find(&out, "risk", "R-002");
	assert_string_equal(fact_str(f, "treatment"), "transfer");
	assert_string_equal(fact_str(f, "status"), "closed");
	assert_true(is_null(f, "due"));
	import_output_release(&out);
}

static void test_other_registers(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run("assets-valid.csv", "registers/assets.csv", "register.assets",
			     &out, &err), 0);
	assert_string_equal(fact_str(find(&out, "asset", "A-1"), "classification"),
			    "confidential");
	import_output_release(&out);

	assert_int_equal(run("training-valid.csv", "registers/training.csv",
			     "register.training", &out, &err), 0);
	assert_int_equal(out.facts.count, 3);
	find(&out, "training", "j.ortiz@acme-health.example/Security awareness 2026/2025-02-03");
	import_output_release(&out);

	assert_int_equal(run("background-checks-valid.csv", "registers/background-checks.csv",
			     "register.background-checks", &out, &err), 0);
	assert_true(is_null(find(&out, "background_check", "m.chen@acme-health.example"),
			    "completed_at"));
	import_output_release(&out);

	assert_int_equal(run("policy-acks-valid.csv", "registers/policy-acks.csv",
			     "register.policy-acks", &out, &err), 0);
	f = find(&out, "policy_ack", "j.ortiz@acme-health.example/POL-ACCESS/1.3");
	assert_string_equal(fact_str(f, "acknowledged_at"), "2026-05-03");
	import_output_release(&out);

	assert_int_equal(run("exercises-valid.csv", "registers/exercises.csv",
			     "register.exercises", &out, &err), 0);
	find(&out, "exercise", "backup-restore/2026-03-20");
	import_output_release(&out);

	assert_int_equal(run("incidents-valid.csv", "registers/incidents.csv",
			     "register.incidents", &out, &err), 0);
	f = find(&out, "incident", "INC-7");
	assert_string_equal(fact_str(f, "detected_at"), "2026-02-11");
	import_output_release(&out);

	assert_int_equal(run("vuln-exceptions-valid.csv", "registers/vuln-exceptions.csv",
			     "register.vuln-exceptions", &out, &err), 0);
	f = find(&out, "vuln_exception", "CVE-2019-18276/registry.example/api:1.4.2");
	assert_string_equal(fact_str(f, "approved_by"), "ciso@acme-health.example");
	assert_string_equal(fact_str(f, "expires"), "2026-12-31");
	import_output_release(&out);
}

static void test_bad_rows(void **state)
{
	(void)state;
	expect_error("vendors-bad-tier.csv", "registers/vendors.csv", "register.vendors",
		     "registers/vendors.csv:3: row 2: field 'tier': "
		     "tier 'urgent' is not one of critical, high, medium, low");
	expect_error("vendors-bad-date.csv", "registers/vendors.csv", "register.vendors",
		     "registers/vendors.csv:2: row 1: field 'last_review': "
		     "last_review '2026-02-30' is not a real date (YYYY-MM-DD)");
	expect_error("vendors-bad-yesno.csv", "registers/vendors.csv", "register.vendors",
		     "registers/vendors.csv:2: row 1: field 'security_addendum': "
		     "security_addendum 'maybe' is not yes or no");
	expect_error("vendors-field-count.csv", "registers/vendors.csv", "register.vendors",
		     "registers/vendors.csv:3: row 2: row has 6 fields, the header has 7");
	expect_error("vendors-duplicate.csv", "registers/vendors.csv", "register.vendors",
		     "registers/vendors.csv:4: row 3: field 'name': "
		     "duplicate name 'Acme Cloud': already on line 2");
	expect_error("risks-bad-likelihood.csv", "registers/risks.csv", "register.risks",
		     "registers/risks.csv:2: row 1: field 'likelihood': "
		     "likelihood '7' is not a whole number from 1 to 5");
	expect_error("exercises-bad-type.csv", "registers/exercises.csv", "register.exercises",
		     "registers/exercises.csv:2: row 1: field 'type': "
		     "type 'fire-drill' is not one of tabletop, dr-test, backup-restore");
	expect_error("identities-bad-email.csv", "registers/identities.csv",
		     "register.identities",
		     "registers/identities.csv:2: row 1: field 'email': "
		     "email 'bob' is not an e-mail address");
	expect_error("identities-empty-account.csv", "registers/identities.csv",
		     "register.identities",
		     "registers/identities.csv:2: row 1: field 'account': "
		     "account is empty (a value is required)");
	expect_error("access-review-duplicate.csv", "registers/access-reviews/2026-q2.csv",
		     "register.access-reviews",
		     "registers/access-reviews/2026-q2.csv:3: row 2: field 'system': "
		     "duplicate system/account 'aws:111122223333/bob': already on line 2");
}

static void test_bad_files(void **state)
{
	(void)state;
	expect_error("vendors-missing-column.csv", "registers/vendors.csv", "register.vendors",
		     "registers/vendors.csv:1: field 'tier': missing required column 'tier'");
	expect_error("vendors-duplicate-header.csv", "registers/vendors.csv",
		     "register.vendors",
		     "registers/vendors.csv:1: field 'tier': column 'tier' appears twice in the header");
	expect_error("vendors-empty.csv", "registers/vendors.csv", "register.vendors",
		     "registers/vendors.csv:1: empty file: expected a header row");
	expect_error("vendors-unterminated-quote.csv", "registers/vendors.csv",
		     "register.vendors",
		     "registers/vendors.csv:2: unterminated quoted field");
}

static void test_header_only_and_latin1(void **state)
{
	const struct importer *imp = importer_find("register.assets");
	struct config config;
	struct import_input in;
	struct import_output out;
	struct error err;
	char text[512];

	(void)state;
	config_defaults(&config);
	in.path = "registers/assets.csv";
	in.data = "id,name,type,owner_email,environment,classification\n";
	in.size = strlen(in.data);
	in.config = &config;
	import_output_init(&out);
	error_clear(&err);
	assert_int_equal(imp->parse(&in, &out, &err), 0);
	assert_int_equal(out.facts.count, 0);
	import_output_release(&out);

	in.data = "id,name,type,owner_email,environment,classification\nA-1,Caf\xe9,,,,\n";
	in.size = strlen(in.data);
	import_output_init(&out);
	assert_int_equal(imp->parse(&in, &out, &err), ERR_INPUT);
	error_format(&err, text, sizeof(text));
	assert_string_equal(text, "registers/assets.csv:2: row 1: field 'name': "
				  "the value of name is not UTF-8 text");
	import_output_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identities),
		cmocka_unit_test(test_service_accounts_extra_columns),
		cmocka_unit_test(test_access_review),
		cmocka_unit_test(test_vendors),
		cmocka_unit_test(test_risks),
		cmocka_unit_test(test_other_registers),
		cmocka_unit_test(test_bad_rows),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_header_only_and_latin1),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
