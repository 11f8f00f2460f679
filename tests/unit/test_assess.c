/*
 * test_assess.c - the assessment rules of docs/assessment.md: control
 * status, gap identity across snapshots, coverage periods and the window
 * traps.  Built from hand-made check runs, so each rule is pinned alone.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "assess/coverage.h"
#include "assess/readiness.h"
#include "assess/snapshot.h"
#include "util/text.h"

static day_t day(const char *s)
{
	day_t d;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* A run holding one outcome per given check result for control `control`. */
static const struct check fake_checks[3] = {
	{.id = "test.one", .title = "one", .controls = {"AC-04"}, .severity = SEVERITY_HIGH},
	{.id = "test.two", .title = "two", .controls = {"AC-04"}, .severity = SEVERITY_HIGH},
	{.id = "test.other", .title = "other", .controls = {"CM-01"}, .severity = SEVERITY_LOW},
};

static void make_run(struct check_run *run, const char *as_of, enum result one, enum result two)
{
	memset(run, 0, sizeof(*run));
	run->as_of = day(as_of);
	run->outcomes = calloc(3, sizeof(*run->outcomes));
	run->count = 3;
	run->outcomes[0] = (struct check_outcome){.check = &fake_checks[0], .result = one,
						  .findings = one == RESULT_FAIL};
	run->outcomes[1] = (struct check_outcome){.check = &fake_checks[1], .result = two,
						  .findings = two == RESULT_FAIL};
	run->outcomes[2] = (struct check_outcome){.check = &fake_checks[2], .result = RESULT_PASS};
	finding_list_init(&run->findings);
	if (one == RESULT_FAIL) {
		run->findings.items = calloc(1, sizeof(struct finding));
		run->findings.items[0] = (struct finding){
			.check = &fake_checks[0], .severity = SEVERITY_HIGH, .subject = strdup("a@x"),
			.system = strdup("aws:1"), .detail = strdup("left; still active")};
		run->findings.count = run->findings.cap = 1;
	}
}

static struct catalog *load_catalog(void)
{
	struct catalog *cat = NULL;
	struct error err;

	assert_int_equal(catalog_load(NULL, &cat, &err), 0);
	return cat;
}

static struct config test_config(void)
{
	struct config c;

	config_defaults(&c);
	c.categories = CATEGORY_SECURITY | CATEGORY_AVAILABILITY | CATEGORY_CONFIDENTIALITY;
	c.window_start = day("2026-04-01");
	c.window_end = day("2026-09-30");
	c.owner_count = 1;
	text_copy(c.owners[0].role, sizeof(c.owners[0].role), "it-admin");
	text_copy(c.owners[0].email, sizeof(c.owners[0].email), "bob@x.example");
	return c;
}

static const struct control_assessment *find(const struct assessment *a, const char *id)
{
	for (size_t i = 0; i < a->count; i++)
		if (strcmp(a->controls[i].control->id, id) == 0)
			return &a->controls[i];
	fail_msg("control %s not assessed", id);
	return NULL;
}

static enum control_status status_of(enum result one, enum result two,
				     const struct evidence_index *ev)
{
	struct catalog *cat = load_catalog();
	struct config cfg = test_config();
	struct check_run run;
	struct assessment a;
	struct error err;
	enum control_status s;

	make_run(&run, "2026-09-30", one, two);
	assert_int_equal(assess_controls(cat, &cfg, &run, ev, NULL, &a, &err), 0);
	s = find(&a, "AC-04")->status;
	assessment_release(&a);
	check_run_release(&run);
	catalog_free(cat);
	return s;
}

static void test_status_rules(void **state)
{
	struct evidence_index none, manual;
	struct evidence_ref r = {.id = 7, .source = "manual", .control = "AC-04"};

	(void)state;
	evidence_index_init(&none);
	evidence_index_init(&manual);
	r.effective = day("2026-09-01");
	assert_int_equal(evidence_index_add(&manual, &r), 0);
	assert_int_equal(status_of(RESULT_PASS, RESULT_PASS, &none), STATUS_PRESENT);
	assert_int_equal(status_of(RESULT_FAIL, RESULT_PASS, &none), STATUS_PARTIAL);
	assert_int_equal(status_of(RESULT_PASS, RESULT_NOT_EVALUATED, &none), STATUS_PARTIAL);
	assert_int_equal(status_of(RESULT_NOT_EVALUATED, RESULT_NOT_EVALUATED, &none),
			 STATUS_NOT_EVALUATED);
	/* Manual evidence never turns an unevaluated control into present. */
	assert_int_equal(status_of(RESULT_NOT_EVALUATED, RESULT_NOT_EVALUATED, &manual),
			 STATUS_PARTIAL);
	evidence_index_release(&manual);
	evidence_index_release(&none);
}

static void test_manual_controls_and_staleness(void **state)
{
	struct catalog *cat = load_catalog();
	struct config cfg = test_config();
	struct check_run run;
	struct assessment a;
	struct evidence_index ev;
	struct evidence_ref fresh = {.id = 1, .source = "manual", .control = "GV-03"};
	struct evidence_ref old = {.id = 2, .source = "manual", .control = "GV-05"};
	struct error err;

	(void)state;
	evidence_index_init(&ev);
	fresh.effective = day("2026-06-01");  /* GV-03 is annual: current */
	old.effective = day("2024-06-01");    /* GV-05: stale */
	evidence_index_add(&ev, &fresh);
	evidence_index_add(&ev, &old);
	make_run(&run, "2026-09-30", RESULT_PASS, RESULT_PASS);
	assert_int_equal(assess_controls(cat, &cfg, &run, &ev, NULL, &a, &err), 0);
	assert_int_equal(find(&a, "GV-03")->status, STATUS_PRESENT);
	assert_int_equal(find(&a, "GV-05")->status, STATUS_PARTIAL);
	assert_int_equal(find(&a, "GV-01")->status, STATUS_MISSING);
	assert_non_null(strstr(find(&a, "GV-01")->reason, "attest evidence add --control GV-01"));
	assert_int_equal(a.count, cat->control_count); /* all in scope here */
	assessment_release(&a);
	check_run_release(&run);
	evidence_index_release(&ev);
	catalog_free(cat);
}

/* Three snapshots: AC-04 open, open, present; then open again. */
static void test_gap_identity_and_closing(void **state)
{
	struct catalog *cat = load_catalog();
	struct config cfg = test_config();
	const char *dates[4] = {"2026-07-01", "2026-08-01", "2026-09-01", "2026-09-30"};
	enum result results[4] = {RESULT_FAIL, RESULT_FAIL, RESULT_PASS, RESULT_FAIL};
	struct snapshot_list l = {calloc(4, sizeof(struct snapshot)), 4};
	struct gap_list g;
	struct error err;
	bool saw_closed = false, saw_open = false;

	(void)state;
	for (int i = 0; i < 4; i++) {
		struct check_run run;
		struct assessment a;
		struct evidence_index ev;

		evidence_index_init(&ev);
		make_run(&run, dates[i], results[i], RESULT_PASS);
		assert_int_equal(assess_controls(cat, &cfg, &run, &ev, NULL, &a, &err), 0);
		assert_int_equal(snapshot_from_assessment(&a, &run, &l.items[i]), 0);
		assessment_release(&a);
		check_run_release(&run);
	}
	/* As of the second snapshot the gap is the one first seen 07-01. */
	assert_int_equal(gaps_derive(&l, 1, cat, &cfg, &g, &err), 0);
	for (size_t i = 0; i < g.count; i++)
		if (strcmp(g.items[i].control, "AC-04") == 0) {
			assert_string_equal(g.items[i].id, "GAP-AC-04-2026-07-01");
			assert_int_equal(g.items[i].age_days, 31);
			assert_string_equal(g.items[i].owner, "bob@x.example");
			/* high severity: due first seen + 14 days */
			assert_int_equal(g.items[i].due, day("2026-07-15"));
			assert_non_null(strstr(g.items[i].findings_text, "a@x @ aws:1: left; still active"));
		}
	gap_list_release(&g);
	/* As of the last: the first gap closed on 09-01, a new one opened. */
	assert_int_equal(gaps_derive(&l, 3, cat, &cfg, &g, &err), 0);
	for (size_t i = 0; i < g.count; i++) {
		if (strcmp(g.items[i].control, "AC-04") != 0)
			continue;
		if (g.items[i].closed) {
			saw_closed = true;
			assert_string_equal(g.items[i].id, "GAP-AC-04-2026-07-01");
			assert_int_equal(g.items[i].closed_on, day("2026-09-01"));
		} else {
			saw_open = true;
			assert_string_equal(g.items[i].id, "GAP-AC-04-2026-09-30");
		}
	}
	assert_true(saw_closed && saw_open);
	gap_list_release(&g);
	snapshot_list_release(&l);
	catalog_free(cat);
}

static void test_window_three_months(void **state)
{
	(void)state;
	assert_true(window_three_months(day("2026-04-01"), day("2026-06-30")));
	assert_false(window_three_months(day("2026-04-01"), day("2026-06-29")));
	assert_true(window_three_months(day("2026-11-30"), day("2027-02-27")));
	assert_false(window_three_months(day("2026-11-30"), day("2027-02-26")));
}

/* The run callback of coverage: the same fake run at any date, with the
 * given results; AC-04's checks require "hr." evidence. */
struct fake_runs {
	enum result one;
	struct check_run run;
	bool made;
};

static int fake_run_at(void *arg, day_t d, const struct check_run **out, struct error *err)
{
	struct fake_runs *f = arg;
	char date[DATE_TEXT_SIZE];

	(void)err;
	date_format(d, date);
	if (!f->made) {
		make_run(&f->run, date, f->one, RESULT_PASS);
		f->made = true;
	}
	*out = &f->run;
	return 0;
}

/* A quarterly control no automated check tests: evidence alone decides. */
static const struct control *quarterly_manual_control(const struct catalog *cat)
{
	for (size_t i = 0; i < cat->control_count; i++) {
		const struct control *c = &cat->controls[i];
		bool tested = false;
		const struct check *k;

		for (size_t j = 0; (k = check_at(j)); j++)
			tested |= check_tests_control(k, c);
		if (c->frequency == FREQ_QUARTERLY && !tested)
			return c;
	}
	fail_msg("no quarterly control without checks in the library");
	return NULL;
}

static void test_coverage_periods(void **state)
{
	struct catalog *cat = load_catalog();
	struct config cfg = test_config();
	struct evidence_index ev;
	const struct control *quarterly = quarterly_manual_control(cat);
	struct evidence_ref r = {.id = 3, .source = "manual"};
	struct fake_runs f = {.one = RESULT_PASS};
	struct coverage c;
	struct error err;
	const struct control_coverage *ac05 = NULL, *gv01 = NULL;

	(void)state;
	evidence_index_init(&ev);
	text_copy(r.control, sizeof(r.control), quarterly->id);
	r.effective = day("2026-05-10");   /* Q2 evidence only */
	evidence_index_add(&ev, &r);
	assert_int_equal(coverage_compute(cat, &cfg, &ev, day("2026-09-30"), NULL, fake_run_at, &f,
					  &c, &err), 0);
	for (size_t i = 0; i < c.count; i++) {
		if (c.controls[i].control == quarterly)
			ac05 = &c.controls[i];
		if (strcmp(c.controls[i].control->id, "GV-01") == 0)
			gv01 = &c.controls[i];
	}
	assert_non_null(ac05);
	/* Quarterly: 2026-Q2 and 2026-Q3. */
	assert_int_equal(ac05->count, 2);
	assert_string_equal(ac05->periods[0].label, "2026-Q2");
	assert_int_equal(ac05->periods[0].state, PERIOD_OPERATED);
	assert_int_equal(ac05->periods[0].evidence[0], 3);
	assert_string_equal(ac05->periods[1].label, "2026-Q3");
	assert_int_equal(ac05->periods[1].state, PERIOD_NOT_EVIDENCED);
	assert_true(ac05->single_point);
	assert_true(ac05->ratio > 0.49 && ac05->ratio < 0.51);
	assert_non_null(gv01);
	assert_int_equal(gv01->count, 1); /* annual: the whole window */
	assert_string_equal(gv01->periods[0].label, "window");
	assert_false(c.window_too_short);
	assert_true(c.evidence_starts_late);   /* first evidence 05-10 > 04-01 */
	coverage_release(&c);
	if (f.made)
		check_run_release(&f.run);
	evidence_index_release(&ev);
	catalog_free(cat);
}

static void test_coverage_failed_period(void **state)
{
	struct catalog *cat = load_catalog();
	struct config cfg = test_config();
	struct evidence_index ev;
	struct fake_runs f = {.one = RESULT_FAIL};
	struct coverage c;
	struct error err;

	(void)state;
	evidence_index_init(&ev);
	assert_int_equal(coverage_compute(cat, &cfg, &ev, day("2026-05-15"), "AC-04", fake_run_at,
					  &f, &c, &err), 0);
	assert_int_equal(c.count, 1);
	/* per-event control: by month, through the as-of date (May). */
	assert_int_equal(c.controls[0].count, 2);
	assert_string_equal(c.controls[0].periods[1].label, "2026-05");
	assert_int_equal(c.controls[0].periods[1].end, day("2026-05-31"));
	assert_int_equal(c.controls[0].periods[0].state, PERIOD_FAILED);
	assert_int_equal(c.controls[0].failed, 2);
	coverage_release(&c);
	check_run_release(&f.run);
	catalog_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_rules),
		cmocka_unit_test(test_manual_controls_and_staleness),
		cmocka_unit_test(test_gap_identity_and_closing),
		cmocka_unit_test(test_window_three_months),
		cmocka_unit_test(test_coverage_periods),
		cmocka_unit_test(test_coverage_failed_period),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
