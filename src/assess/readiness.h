/*
 * readiness.h - the one-screen answer: readiness score, Type I and Type II
 * verdicts with their reasons, and the pre-audit checklist (each item done
 * or not, with the evidence or check behind it).  Rules in
 * docs/assessment.md "Readiness".
 */
#ifndef ATTEST_ASSESS_READINESS_H
#define ATTEST_ASSESS_READINESS_H

#include "assess/coverage.h"

#define READINESS_ITEMS 11
#define READINESS_REASONS 8

struct checklist_item {
	const char *title;
	bool done;
	char evidence[256];   /* what shows it, or what is missing */
};

struct verdict {
	bool ready;
	char reasons[READINESS_REASONS][160];
	int reason_count;
};

struct readiness {
	day_t as_of;
	double score;                 /* percent of in-scope controls present */
	size_t present, in_scope;
	struct verdict type1, type2;
	struct checklist_item items[READINESS_ITEMS];
	int item_count;
	int items_done;
};

/* `policies` are the policy facts in force. */
void readiness_compute(const struct assessment *a, const struct check_run *run,
		       const struct coverage *cov, const struct evidence_index *ev,
		       const struct fact_list *policies, const struct config *cfg,
		       struct readiness *out);

#endif
