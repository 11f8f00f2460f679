/*
 * exercises.c - resilience checks over registers/exercises.csv and
 * registers/incidents.csv (`exercise`, `incident` facts): a tabletop and a
 * DR or backup-restore test within exercise_interval_days, and a
 * postmortem for every resolved high or critical incident.
 * Rules: docs/checks/registers.md.
 */
#include <string.h>

#include "checks/check.h"
#include "checks/register_util.h"
#include "util/text.h"

/* Reports `subject` unless an exercise of one of `types` (NULL-terminated)
 * is dated within exercise_interval_days on or before the date. */
static int exercise_due(struct check_context *ctx, const char *const *types,
			const char *subject, const char *what, struct error *err)
{
	const struct fact_list *exercises;
	const struct fact *latest = NULL;
	day_t last = DAY_NONE;
	int every = ctx->config->exercise_interval_days;
	char when[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE];
	int rc;

	if ((rc = check_facts(ctx, "exercise", &exercises, err)))
		return rc;
	for (size_t i = 0; i < exercises->count; i++) {
		const struct fact *e = &exercises->items[i];
		day_t d = fact_day(e, "date");
		bool match = false;

		for (const char *const *t = types; *t; t++)
			match |= text_equal_nocase(fact_str(e, "type"), *t);
		if (match && d != DAY_NONE && d <= ctx->as_of && (last == DAY_NONE || d > last)) {
			last = d;
			latest = e;
		}
	}
	if (last != DAY_NONE && ctx->as_of - last <= every)
		return 0;
	if (last == DAY_NONE)
		return check_report(ctx, subject, "", NULL, 0,
				    "no %s recorded (due every %d days)", what, every);
	reg_date(last, when);
	reg_date(last + every, due);
	return check_report(ctx, subject, "", &latest, 1,
			    "last %s %s (\"%s\"), %d day%s ago; the next was due %s "
			    "(every %d days)", what, when,
			    fact_str(latest, "title") ? fact_str(latest, "title") : "",
			    (int)(ctx->as_of - last), reg_s(ctx->as_of - last), due, every);
}

static int run_tabletop(struct check_context *ctx, struct error *err)
{
	static const char *const types[] = {"tabletop", NULL};

	return exercise_due(ctx, types, "tabletop exercise", "tabletop exercise", err);
}

static int run_dr(struct check_context *ctx, struct error *err)
{
	static const char *const types[] = {"dr-test", "backup-restore", NULL};

	return exercise_due(ctx, types, "DR or backup-restore test",
			    "DR or backup-restore test", err);
}

/* "high" or "critical", any case, surrounding spaces ignored. */
static const char *major_severity(const struct fact *incident)
{
	char word[32];
	const char *s = fact_str(incident, "severity");

	if (!s || !text_copy(word, sizeof(word), s))
		return NULL;
	text_trim(word);
	if (text_equal_nocase(word, "critical"))
		return "critical";
	if (text_equal_nocase(word, "high"))
		return "high";
	return NULL;
}

static int run_postmortem(struct check_context *ctx, struct error *err)
{
	const struct fact_list *incidents;
	char resolved[DATE_TEXT_SIZE], pm[DATE_TEXT_SIZE];
	int rc;

	if ((rc = check_facts(ctx, "incident", &incidents, err)))
		return rc;
	for (size_t i = 0; i < incidents->count; i++) {
		const struct fact *n = &incidents->items[i];
		const char *sev = major_severity(n), *id = fact_str(n, "id");
		const char *title = fact_str(n, "title");
		day_t res = fact_day(n, "resolved_at"), post = fact_day(n, "postmortem_at");

		if (!sev || res == DAY_NONE || res > ctx->as_of ||
		    (post != DAY_NONE && post <= ctx->as_of))
			continue;
		reg_date(res, resolved);
		if (post == DAY_NONE)
			rc = check_report(ctx, id ? id : n->key, "", &n, 1,
					  "%s incident \"%s\" resolved %s, %d day%s ago, has no "
					  "postmortem (postmortem_at is empty)", sev,
					  title ? title : "", resolved, (int)(ctx->as_of - res),
					  reg_s(ctx->as_of - res));
		else {
			reg_date(post, pm);
			rc = check_report(ctx, id ? id : n->key, "", &n, 1,
					  "%s incident \"%s\" resolved %s has no postmortem "
					  "yet (postmortem_at %s is after the date checked)", sev,
					  title ? title : "", resolved, pm);
		}
		if (rc)
			return rc;
	}
	return 0;
}

const struct check check_exercises_tabletop_missing = {
	.id = "exercises.tabletop-missing",
	.title = "Incident response tabletop exercise every year",
	.controls = {"IR-03"},
	.criteria = {"CC7.4", "CC7.5"},
	.hipaa = {"164.308(a)(6)(i)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.exercises"},
	.reads = "exercise register (type tabletop, date)",
	.fix = "Run a tabletop exercise of the incident response plan and record it "
	       "(type tabletop, date, title, outcome) in registers/exercises.csv.",
	.run = run_tabletop,
};

const struct check check_exercises_dr_test_missing = {
	.id = "exercises.dr-test-missing",
	.title = "Disaster recovery or backup restore test every year",
	.controls = {"BC-05", "BC-03"},
	.criteria = {"A1.3", "CC9.1"},
	.hipaa = {"164.308(a)(7)(ii)(D)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.exercises"},
	.reads = "exercise register (type dr-test or backup-restore, date)",
	.fix = "Run a DR failover or a restore of a production backup, compare the "
	       "result with the RTO/RPO, and record it in registers/exercises.csv.",
	.run = run_dr,
};

const struct check check_incidents_no_postmortem = {
	.id = "incidents.no-postmortem",
	.title = "Postmortem for every high and critical incident",
	.controls = {"IR-04"},
	.criteria = {"CC7.5", "CC4.2"},
	.hipaa = {"164.308(a)(6)(ii)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.incidents"},
	.reads = "incident register (severity, resolved_at, postmortem_at)",
	.fix = "Hold the postmortem (timeline, root cause, actions with owners) and "
	       "record its date in postmortem_at of registers/incidents.csv.",
	.run = run_postmortem,
};
