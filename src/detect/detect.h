/*
 * detect.h - running detection rules over CloudTrail files: the library
 * core behind `attest detect`, and what `attest import` calls per file.
 *
 * Use:
 *     detect_ruleset_new + detect_ruleset_add_builtin (+ load_dir, keep)
 *     detector_new(&d, rs, &opts, 0, &err)          one per thread
 *     detect_results_init(&res)
 *     for each file: detector_run_file(d, path, &res, &err)
 *     detect_results_finish(&res, &err)             thresholds + sort
 *     ... read res.alerts[0..res.len) ...
 *     detect_results_release(&res); detector_free(d);
 * Per-thread results are combined with detect_results_merge() before
 * detect_results_finish(); the final order does not depend on how files
 * were split, so output is identical for any thread count.
 *
 * Threshold rules (count N, window W seconds, key K): the matching events
 * of each key are taken in eventTime order (ties by eventID); an event at
 * time t joins a window that began at the first retained event t0 when
 * t - t0 <= W, so an event exactly W seconds after the first is inside and
 * W+1 is outside.  When a window holds N events one alert is raised (on the
 * N-th event, with count N and the window start) and the window is emptied:
 * 10 failures in a burst make 2 alerts, 6 make 1.  Events without a
 * parsable eventTime are left out of thresholds.  The key is the first of
 * the rule's key selectors that is present in the event (the built-in
 * console-failure rule: userIdentity.userName, else userIdentity.arn);
 * events with none share the key "".
 */
#ifndef ATTEST_DETECT_DETECT_H
#define ATTEST_DETECT_DETECT_H

#include <stddef.h>
#include <stdint.h>

#include "detect/ctreader.h"
#include "detect/rules.h"
#include "util/error.h"
#include "util/timeutil.h"

struct detect_options {
	stamp_t since;   /* keep eventTime >= since; STAMP_NONE = no bound */
	stamp_t until;   /* keep eventTime <  until; STAMP_NONE = no bound */
};

/* One alert.  Strings are owned by the results. */
struct detect_alert {
	const struct detect_rule *rule;  /* borrowed from the rule set */
	stamp_t time;                    /* STAMP_NONE when unparsable */
	char *event_time;                /* as stamp_format(), or the raw text */
	char *event_id;
	char *event_name;
	char *event_source;
	char *principal;                 /* arn, else userName, else principalId */
	char *principal_type;            /* userIdentity.type or "" */
	char *source_ip;
	char *file;
	long record;                     /* 0-based record number in file */
	char *key;                       /* threshold rules: the key; else NULL */
	unsigned count;                  /* events behind the alert (1, or N) */
	stamp_t window_start;            /* threshold rules: first event's time */
};

struct detect_file_error {
	char *file;
	struct error err;
};

struct detect_results {
	struct detect_alert *alerts;
	size_t len, cap;
	struct detect_alert *hits;       /* threshold candidates, pre-finish */
	size_t nhits, hits_cap;
	struct detect_file_error *errors;
	size_t nerrors, errors_cap;
	struct ct_stats stats;
};

void detect_results_init(struct detect_results *res);
void detect_results_release(struct detect_results *res);
/* Moves everything of src into dst; src is left empty. */
int detect_results_merge(struct detect_results *dst,
			 struct detect_results *src, struct error *err);
/* Applies threshold windows to the collected hits and sorts alerts by
 * (time, eventID, rule id, file, record) and errors by file. */
int detect_results_finish(struct detect_results *res, struct error *err);

struct detector;

/* gz_whole_max: see ct_reader_new (0 = default). */
int detector_new(struct detector **out, const struct detect_ruleset *rs,
		 const struct detect_options *opts, size_t gz_whole_max,
		 struct error *err);
void detector_free(struct detector *d);

/* Runs every rule over one file, appending alerts (and threshold hits) to
 * res.  A bad file returns its error (file and record named) and the alerts
 * of the records read before it are kept. */
int detector_run_file(struct detector *d, const char *path,
		      struct detect_results *res, struct error *err);
int detector_run_mem(struct detector *d, const char *name, const void *data,
		     size_t len, struct detect_results *res, struct error *err);

/* Records a per-file error in res (for front ends that go on with the
 * other files). */
int detect_results_add_error(struct detect_results *res,
			     const struct error *file_err, struct error *err);

#endif
