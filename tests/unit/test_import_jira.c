/* test_import_jira.c - importer jira.search.  No real Jira search body is
 * public (SOURCES.md "Not found"); tests/fixtures/jira/ follows the
 * documented shapes (FORMAT-NOTES 5): the current /rest/api/3/search/jql
 * with ADF descriptions and the legacy /rest/api/2/search with strings. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "test_import_apps.h"

#define JQL_WS "sources/jira/rest/api/3/search/jql.json"
#define V2_WS "sources/jira/rest/api/2/search.json"
#define FIX "tests/fixtures/jira/"

static void jql_adf(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;
	json_t *labels;

	(void)state;
	assert_int_equal(run_fixture("jira.search", JQL_WS, FIX "search-jql.json",
				     NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "ticket"), 3);
	f = find_fact(&out, "ticket", "IT-231");
	assert_string_equal(fact_str(f, "key"), "IT-231");
	assert_string_equal(fact_str(f, "summary"),
			    "Offboard Carlos Ramirez (last day 2025-10-20)");
	assert_string_equal(fact_str(f, "text"),
			    "Please remove all access for c.ramirez@acme-health.example.\n"
			    "Manager: @Adaeze Okafor\n"
			    "Google Workspace: suspend\n"
			    "AWS: delete IAM user c.ramirez\n"
			    "Runbook: https://acme-health.atlassian.net/wiki/spaces/IT/"
			    "pages/131073/Offboarding \xe2\x9c\x85");
	labels = json_object_get(f->data, "labels");
	assert_int_equal(json_array_size(labels), 2);
	assert_string_equal(json_string_value(json_array_get(labels, 0)), "offboarding");
	assert_string_equal(fact_str(f, "type"), "Task");
	assert_string_equal(fact_str(f, "status"), "Done");
	assert_string_equal(fact_str(f, "status_category"), "done");
	assert_string_equal(fact_str(f, "created_at"), "2025-10-17T20:05:12Z");
	assert_string_equal(fact_str(f, "resolved_at"), "2025-10-21T07:30:00Z");
	assert_string_equal(fact_str(f, "url"), "https://acme-health.atlassian.net/browse/IT-231");

	f = find_fact(&out, "ticket", "SEC-88");
	assert_string_equal(fact_str(f, "text"),
			    "Alert\n"
			    "CloudTrail eventID 3038ebd2-c98a-4c65-9b6e-e22506292313\n"
			    "{\"eventName\": \"ConsoleLogin\"}\n"
			    "Seen on 2025-09-30 status IN REVIEW");
	assert_string_equal(fact_str(f, "status_category"), "indeterminate");
	assert_true(attr_is_null(f, "resolved_at"));

	f = find_fact(&out, "ticket", "SEC-89");
	assert_string_equal(fact_str(f, "text"), "");
	assert_int_equal(json_array_size(json_object_get(f->data, "labels")), 0);
	assert_string_equal(fact_str(f, "status_category"), "new");
	import_output_release(&out);

	assert_int_equal(run_fixture("jira.search", "sources/jira/rest/api/3/search/jql.2.json",
				     FIX "search-jql.2.json", NULL, &out, &err), 0);
	assert_string_equal(fact_str(find_fact(&out, "ticket", "IT-240"), "text"), "");
	import_output_release(&out);
}

static void legacy_v2(void **state)
{
	struct import_output out;
	struct error err;
	const struct fact *f;

	(void)state;
	assert_int_equal(run_fixture("jira.search", V2_WS, FIX "search-v2.json",
				     NULL, &out, &err), 0);
	assert_int_equal(count_kind(&out, "ticket"), 2);
	f = find_fact(&out, "ticket", "OPS-12");
	assert_string_equal(fact_str(f, "text"),
			    "Remove access for j.lindqvist@acme-health.example\r\n\r\n"
			    "* Google\r\n* Okta\r\n\r\n[~aokafor] please confirm");
	assert_string_equal(fact_str(f, "status"), "Closed");
	assert_string_equal(fact_str(f, "status_category"), "done");
	assert_string_equal(fact_str(f, "created_at"), "2026-02-10T14:12:44Z");
	assert_string_equal(fact_str(f, "resolved_at"), "2026-02-11T15:00:00Z");
	assert_string_equal(fact_str(f, "url"), "https://jira.acme-health.example/browse/OPS-12");
	import_output_release(&out);
}

static void errors(void **state)
{
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_fixture("jira.search", JQL_WS, FIX "ids-only.json",
				     NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "issues[0]: field 'fields': required field is missing "
			  "(the search must be called with fields=summary,description,"
			  "labels,issuetype,status,created,resolutiondate)");
	import_output_release(&out);

	assert_int_equal(run_fixture("jira.search", JQL_WS, FIX "error-400.json",
				     NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "expected a search result, found an error body: "
			  "\"The value 'SECX' does not exist for the field 'project'.\"");
	import_output_release(&out);

	assert_int_equal(run_fixture("jira.search", JQL_WS, FIX "bad-created.json",
				     NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "issues[0]: field 'created': invalid timestamp "
			  "\"2025-13-40T00:00:00.000+0000\"");
	import_output_release(&out);

	assert_int_equal(run_fixture("jira.search", JQL_WS, FIX "adf-too-deep.json",
				     NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "issues[0]: field 'description': document nested "
			  "deeper than 48 levels");
	import_output_release(&out);
}

static void wrong_shapes(void **state)
{
	static const char truncated[] = "{\"issues\": [\n{\"key\": \"IT-1\", \"fields\": {\"summary\": \"x";
	static const char labels[] = "{\"issues\": [{\"key\": \"IT-1\", \"fields\": {\"labels\": [\"a\", 3]}}]}";
	static const char category[] = "{\"issues\": [{\"key\": \"IT-1\", \"fields\": "
		"{\"status\": {\"name\": \"Done\", \"statusCategory\": {\"key\": 3}}}}]}";
	static const char adf_child[] = "{\"issues\": [{\"key\": \"IT-1\", \"fields\": "
		"{\"description\": {\"type\": \"doc\", \"content\": [\"text\"]}}}]}";
	static const char no_issues[] = "{\"total\": 0}";
	struct import_output out;
	struct error err;

	(void)state;
	assert_int_equal(run_bytes("jira.search", JQL_WS, truncated, strlen(truncated),
				   NULL, &out, &err), ERR_INPUT);
	assert_int_equal(err.line, 2);
	assert_error_text(&err, "line 2: invalid JSON: premature end of input near '\"x'");
	import_output_release(&out);

	assert_int_equal(run_bytes("jira.search", JQL_WS, labels, strlen(labels),
				   NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "issues[0]: field 'labels': expected strings, found a number at [1]");
	import_output_release(&out);

	assert_int_equal(run_bytes("jira.search", JQL_WS, category, strlen(category),
				   NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "issues[0]: field 'status.statusCategory.key': expected a "
			  "string, found a number");
	import_output_release(&out);

	assert_int_equal(run_bytes("jira.search", JQL_WS, adf_child, strlen(adf_child),
				   NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "issues[0]: field 'description': expected a document "
			  "node (an object), found a string");
	import_output_release(&out);

	assert_int_equal(run_bytes("jira.search", V2_WS, no_issues, strlen(no_issues),
				   NULL, &out, &err), ERR_INPUT);
	assert_error_text(&err, "field 'issues': required field is missing");
	import_output_release(&out);
}

static void recognition(void **state)
{
	(void)state;
	assert_string_equal(importer_for(JQL_WS, "", 0)->name, "jira.search");
	assert_string_equal(importer_for("sources/jira/rest/api/3/search/jql.4.json", "", 0)->name,
			    "jira.search");
	assert_string_equal(importer_for(V2_WS, "", 0)->name, "jira.search");
	assert_string_equal(importer_for("sources/jira/rest/api/2/search.2.json", "", 0)->name,
			    "jira.search");
	assert_null(importer_for("sources/jira/rest/api/3/issue.json", "", 0));
	assert_null(importer_for("sources/jira/rest/api/3/search/jql/x.json", "", 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jql_adf),
		cmocka_unit_test(legacy_v2),
		cmocka_unit_test(errors),
		cmocka_unit_test(wrong_shapes),
		cmocka_unit_test(recognition),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
