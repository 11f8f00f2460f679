/* test_import_hr.c - importer hr.roster: the canonical header, BambooHR
 * report labels, Gusto/Rippling API names, the attest.yaml mapping, and
 * each kind of bad row.  No real HRIS export is public (SOURCES.md "Not
 * found"); tests/fixtures/hr/ follows FORMAT-NOTES 7. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_import_apps.h"
#include "util/text.h"

#define FIX "tests/fixtures/hr/"

static int run_hr(const char *name, const struct config *cfg,
		  struct import_output *out, struct error *err)
{
	char fix[256], ws[256];

	snprintf(fix, sizeof(fix), FIX "%s", name);
	snprintf(ws, sizeof(ws), "sources/hr/%s", name);
	return run_fixture("hr.roster", ws, fix, cfg, out, err);
}

static void canonical(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_hr("canonical.csv", NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "person"), 4);
	f = find_fact(&out, "person", "c.ramirez@acme-health.example");
	assert_string_equal(fact_str(f, "email"), "c.ramirez@acme-health.example");
	assert_string_equal(fact_str(f, "name"), "Carlos Ramirez");
	assert_string_equal(fact_str(f, "employment_type"), "employee");
	assert_string_equal(fact_str(f, "department"), "Engineering");
	assert_string_equal(fact_str(f, "title"), "Backend Engineer");
	assert_string_equal(fact_str(f, "manager_email"), "a.okafor@acme-health.example");
	assert_string_equal(fact_str(f, "start_date"), "2023-06-12");
	assert_string_equal(fact_str(f, "end_date"), "2025-10-20");

	f = find_fact(&out, "person", "a.okafor@acme-health.example");
	assert_true(attr_is_null(f, "end_date"));
	assert_true(attr_is_null(f, "manager_email"));

	/* quoted commas, MM/DD/YYYY dates, contractor */
	f = find_fact(&out, "person", "j.lindqvist@acme-health.example");
	assert_string_equal(fact_str(f, "name"), "Lindqvist, Johan");
	assert_string_equal(fact_str(f, "title"), "Account Executive, EMEA");
	assert_string_equal(fact_str(f, "employment_type"), "contractor");
	assert_string_equal(fact_str(f, "start_date"), "2022-01-10");
	assert_string_equal(fact_str(f, "end_date"), "2026-02-11");
	import_output_release(&out);
}

static void bamboohr(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_hr("bamboohr.csv", NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "person"), 3);  /* padding row skipped */
	f = find_fact(&out, "person", "a.okafor@acme-health.example");
	assert_string_equal(fact_str(f, "name"), "Adaeze Okafor");
	assert_string_equal(fact_str(f, "title"), "VP Engineering");
	assert_string_equal(fact_str(f, "employment_type"), "employee");
	assert_true(attr_is_null(f, "end_date"));            /* 0000-00-00 */
	f = find_fact(&out, "person", "c.ramirez@acme-health.example");
	assert_string_equal(fact_str(f, "end_date"), "2025-10-20");
	assert_string_equal(fact_str(f, "manager_email"), "a.okafor@acme-health.example");
	f = find_fact(&out, "person", "j.lindqvist@acme-health.example");
	assert_string_equal(fact_str(f, "employment_type"), "contractor");
	assert_string_equal(fact_str(f, "start_date"), "2022-01-10");
	import_output_release(&out);
}

static void gusto(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_hr("gusto.csv", NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "person"), 2);
	/* work_email wins over the personal email column */
	f = find_fact(&out, "person", "m.osei@acme-health.example");
	assert_string_equal(fact_str(f, "name"), "Mensah Osei");
	assert_string_equal(fact_str(f, "employment_type"), "contractor");
	assert_string_equal(fact_str(f, "end_date"), "2025-11-03");
	f = find_fact(&out, "person", "a.okafor@acme-health.example");
	assert_string_equal(fact_str(f, "employment_type"), "employee");
	import_output_release(&out);
}

static void add_column(struct config *c, const char *field, const char *header)
{
	text_copy(c->hr_columns[c->hr_column_count].field,
		  sizeof(c->hr_columns[0].field), field);
	text_copy(c->hr_columns[c->hr_column_count].header,
		  sizeof(c->hr_columns[0].header), header);
	c->hr_column_count++;
}

static void config_mapping(void **state)
{
	struct import_output out;
	struct error err;
	struct config c;
	const struct fact *f;

	(void)state;
	config_defaults(&c);
	add_column(&c, "email", "E-Mail (Firma)");
	add_column(&c, "name", "mitarbeiter");
	add_column(&c, "department", "Abteilung");
	add_column(&c, "start_date", "Eintritt");
	add_column(&c, "end_date", "Austritt");
	add_column(&c, "employment_type", "Typ");
	assert_int_equal(run_hr("mapped.csv", &c, &out, &err), 0);
	assert_int_equal(count_kind(&out, "person"), 2);
	f = find_fact(&out, "person", "m.osei@acme-health.example");
	assert_string_equal(fact_str(f, "name"), "Mensah Osei");
	assert_string_equal(fact_str(f, "department"), "Finance");
	assert_string_equal(fact_str(f, "end_date"), "2025-11-03");
	assert_string_equal(fact_str(f, "employment_type"), "contractor");
	import_output_release(&out);

	/* the mapping wins over a recognised header, and must exist */
	config_defaults(&c);
	add_column(&c, "email", "Email Address");
	assert_int_equal(run_hr("canonical.csv", &c, &out, &err), ERR_INPUT);
	assert_error_text(&err, "line 1: header: field 'email': attest.yaml hr.columns "
			  "maps email to \"Email Address\", but sources/hr/canonical.csv "
			  "has no such column (headers: \"email\", \"name\", "
			  "\"employment_type\", \"department\", \"title\", "
			  "\"manager_email\", \"start_date\", \"end_date\")");
	import_output_release(&out);
}

static void missing_email(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_hr("missing-email.csv", NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "line 1: header: field 'email': sources/hr/missing-email.csv "
			  "has no e-mail column: expected \"email\" or \"Work Email\" / "
			  "\"work_email\", or hr.columns.email in attest.yaml (headers: "
			  "\"Employee Name\", \"Department\", \"Hire Date\")");
	import_output_release(&out);
}

static void bad_rows(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_hr("wrong-field-count.csv", NULL, &out, &err), ERR_INPUT);
	assert_int_equal(err.line, 3);
	assert_error_text(&err, "line 3: row 2: 6 fields, but the header has 8");
	import_output_release(&out);

	assert_int_equal(run_hr("impossible-date.csv", NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "line 3: row 2: field 'Termination Date': not a date "
			  "(expected YYYY-MM-DD or MM/DD/YYYY): \"2025-02-30\"");
	import_output_release(&out);

	assert_int_equal(run_hr("duplicate-email.csv", NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "line 4: row 3: field 'email': duplicate e-mail (also "
			  "row 1): \"a.okafor@acme-health.example\"");
	import_output_release(&out);

	assert_int_equal(run_hr("latin1.csv", NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "line 2: row 1: field 'email': not UTF-8 text (export "
			  "or save the file as UTF-8)");
	import_output_release(&out);

	assert_int_equal(run_hr("unterminated-quote.csv", NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "line 2: unterminated quoted field");
	import_output_release(&out);
}

static void bad_values(void **state)
{
	static const char no_email[] = "email,name\n,Nobody\n";
	static const char bad_email[] = "email,name,manager_email\na@b.example,A,boss\n";
	static const char empty[] = "";
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_bytes("hr.roster", "sources/hr/x.csv", no_email,
				   strlen(no_email), NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "line 2: row 1: field 'email': an e-mail address is required");
	import_output_release(&out);

	assert_int_equal(run_bytes("hr.roster", "sources/hr/x.csv", bad_email,
				   strlen(bad_email), NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "line 2: row 1: field 'manager_email': not an e-mail "
			  "address: \"boss\"");
	import_output_release(&out);

	assert_int_equal(run_bytes("hr.roster", "sources/hr/x.csv", empty, 0, NULL,
				   &out, &err), ERR_INPUT);
	assert_error_text(&err, "line 1: header: sources/hr/x.csv is empty: expected a "
			  "header row");
	import_output_release(&out);
}

static void recognition(void **state)
{
	(void)state;
	assert_string_equal(importer_for("sources/hr/roster.csv", "", 0)->name, "hr.roster");
	assert_string_equal(importer_for("sources/hr/BambooHR Export.CSV", "", 0)->name,
			    "hr.roster");
	assert_null(importer_for("sources/hr/old/roster.csv", "", 0));
	assert_null(importer_for("sources/hr/roster.xlsx", "", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(canonical),
		cmocka_unit_test(bamboohr),
		cmocka_unit_test(gusto),
		cmocka_unit_test(config_mapping),
		cmocka_unit_test(missing_email),
		cmocka_unit_test(bad_rows),
		cmocka_unit_test(bad_values),
		cmocka_unit_test(recognition),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
