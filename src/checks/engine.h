/*
 * engine.h - running the checks: which to run, whether each can be
 * evaluated (its sources imported as of the date), the findings they report,
 * one outcome per check.  Deterministic: findings are sorted.
 */
#ifndef ATTEST_CHECKS_ENGINE_H
#define ATTEST_CHECKS_ENGINE_H

#include "checks/check.h"

struct check_outcome {
	const struct check *check;
	enum result result;
	size_t findings;
	char reason[256];     /* not evaluated: which source is missing; error: why */
};

struct check_run {
	day_t as_of;
	struct check_outcome *outcomes;   /* registry order */
	size_t count;
	struct finding_list findings;     /* sorted */
};

/* Runs every check (or those testing `only_control`, or the one called
 * `only_check`; either may be NULL).  A check whose run function fails
 * with an input error is recorded as RESULT_ERROR; out-of-memory and store
 * errors abort the run. */
int checks_run(const struct config *config, day_t as_of, struct fact_source *facts,
	       const char *only_control, const char *only_check,
	       struct check_run *out, struct error *err);
void check_run_release(struct check_run *run);

#endif
