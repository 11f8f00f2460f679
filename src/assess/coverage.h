/*
 * coverage.h - Type II operating coverage: for each control, the periods its
 * frequency implies across the audit window, and for each period whether the
 * control operated (with the evidence), failed, or is not evidenced.  Also
 * the observation-period traps: evidence that starts after the window
 * starts, a window shorter than three months, a control evidenced only at a
 * single point in time.  Rules in docs/assessment.md "Coverage".
 */
#ifndef ATTEST_ASSESS_COVERAGE_H
#define ATTEST_ASSESS_COVERAGE_H

#include "assess/assess.h"

enum period_state {
	PERIOD_OPERATED,
	PERIOD_FAILED,
	PERIOD_NOT_EVIDENCED,
};

const char *period_state_name(enum period_state s);

#define PERIOD_EVIDENCE_MAX 4

struct coverage_period {
	char label[24];          /* "2026-Q2", "2026-05", "2026-W19", "2026-05-20" */
	day_t start, end;
	enum period_state state;
	int64_t evidence[PERIOD_EVIDENCE_MAX];   /* first evidence ids inside */
	size_t evidence_count;                   /* all evidence inside */
	size_t findings;                         /* when failed */
};

struct control_coverage {
	const struct control *control;
	const char *period_kind;     /* "day", "week", "month", "quarter", "window" */
	struct coverage_period *periods;
	size_t count;
	size_t operated, failed, not_evidenced;
	double ratio;                /* operated / periods; 0 when no periods */
	bool single_point;           /* all its evidence carries one date */
};

struct coverage {
	day_t window_start, window_end, through;   /* through = min(end, as_of) */
	struct control_coverage *controls;
	size_t count;
	size_t periods, operated;
	double ratio;
	bool window_set;
	bool window_too_short;       /* under three months */
	bool evidence_starts_late;   /* first evidence after the window start */
	day_t first_evidence;        /* DAY_NONE when there is none */
};

/* Gives the check run as of a date (the caller caches and owns it). */
typedef int (*coverage_run_fn)(void *arg, day_t as_of, const struct check_run **run,
			       struct error *err);

int coverage_compute(const struct catalog *cat, const struct config *cfg,
		     const struct evidence_index *evidence, day_t as_of,
		     const char *only_control, coverage_run_fn run_at, void *arg,
		     struct coverage *out, struct error *err);
void coverage_release(struct coverage *c);

/* Whether window [start, end] spans at least three calendar months. */
bool window_three_months(day_t start, day_t end);

#endif
