/*
 * session.h - everything one assessment command needs, loaded once from a
 * workspace and its store: the catalog, the fact source, the evidence
 * index, the check run as of the date (and, for coverage, as of earlier
 * dates, cached), the policies in force.
 */
#ifndef ATTEST_ASSESS_SESSION_H
#define ATTEST_ASSESS_SESSION_H

#include "assess/coverage.h"
#include "assess/readiness.h"
#include "assess/snapshot.h"

struct workspace;
struct store;

#define SESSION_RUNS 32

struct assess_session {
	const struct workspace *ws;
	struct store *store;
	struct catalog *cat;
	struct fact_source *facts;
	struct evidence_index evidence;
	day_t as_of;
	struct check_run run;                 /* as of as_of */
	const struct fact_list *policies;     /* in force on as_of */
	struct {
		day_t day;
		struct check_run run;
	} runs[SESSION_RUNS];
	int run_count;
};

int assess_session_open(struct assess_session *s, const struct workspace *ws,
			struct store *store, day_t as_of, struct error *err);
void assess_session_close(struct assess_session *s);

/* coverage_run_fn over the session (arg = the session). */
int assess_session_run_at(void *arg, day_t day, const struct check_run **run,
			  struct error *err);

/* Runs the assessment as of the session's date and records its snapshot. */
int assess_session_assess(struct assess_session *s, struct assessment *out,
			  struct error *err);

#endif
