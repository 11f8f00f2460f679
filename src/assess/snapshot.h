/*
 * snapshot.h - stored assessments (one per --as-of date) and what is derived
 * from their sequence: the gap register (a gap keeps its identity and
 * first-seen date across runs, and is recorded as closed when its control
 * becomes present) and the history of readiness.  Gaps are derived from the
 * snapshots, never kept as mutable state, so re-running an assessment or
 * running them out of date order always gives the same register.
 */
#ifndef ATTEST_ASSESS_SNAPSHOT_H
#define ATTEST_ASSESS_SNAPSHOT_H

#include "assess/assess.h"

#define SNAPSHOT_FINDINGS_MAX 50

struct snapshot_control {
	char control[16];
	enum control_status status;
	char reason[512];
	enum severity worst;
	size_t findings;
	char *findings_text;    /* owned: one finding per line, at most 50 */
};

struct snapshot {
	day_t as_of;
	double readiness;
	size_t by_status[STATUS_COUNT];
	struct snapshot_control *rows;
	size_t count;
};

struct snapshot_list {
	struct snapshot *items;   /* sorted by as_of */
	size_t count;
};

void snapshot_release(struct snapshot *s);
void snapshot_list_release(struct snapshot_list *l);
/* Builds the snapshot of an assessment (findings text from the run). */
int snapshot_from_assessment(const struct assessment *a, const struct check_run *run,
			     struct snapshot *out);
const struct snapshot_control *snapshot_find(const struct snapshot *s, const char *control);

struct gap {
	char id[64];             /* "GAP-AC-04-2026-09-30": control + first seen */
	char control[16];
	enum control_status status;   /* at the snapshot; meaningless when closed */
	bool closed;
	day_t first_seen;
	day_t closed_on;         /* DAY_NONE while open */
	day_t due;
	int age_days;
	enum severity severity;
	char owner[128];
	char missing[512];
	const char *findings_text;   /* borrowed from the snapshot row */
	size_t findings;
};

struct gap_list {
	struct gap *items;
	size_t count;
};

/* The gap register as of snapshot `at` (an index into `l`): its open gaps,
 * then the gaps closed on or before it, newest first. */
int gaps_derive(const struct snapshot_list *l, size_t at, const struct catalog *cat,
		const struct config *cfg, struct gap_list *out, struct error *err);
void gap_list_release(struct gap_list *g);

/* Remediation SLA for a gap of this severity (attest.yaml's severity SLAs;
 * low has 90 days when its vulnerability SLA is 0). */
int gap_sla_days(const struct config *cfg, enum severity s);

#endif
