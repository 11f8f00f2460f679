/*
 * assess_report.h - views of the assessment: control status, the gap
 * register (table, JSON, CSV, XLSX), Type II coverage, the readiness
 * screen and the history of snapshots.  Views only present.
 */
#ifndef ATTEST_REPORT_ASSESS_REPORT_H
#define ATTEST_REPORT_ASSESS_REPORT_H

#include <stdio.h>

#include "assess/readiness.h"
#include "assess/snapshot.h"

void assessment_print(FILE *out, const struct assessment *a, const char *format, int width);
void gaps_print(FILE *out, const struct gap_list *g, day_t as_of, const char *format, int width);
/* XLSX written to `path` (libxlsxwriter); deterministic: the document's
 * creation time is the as-of date. */
int gaps_write_xlsx(const char *path, const struct gap_list *g, day_t as_of,
		    const char *organization, struct error *err);
void coverage_print(FILE *out, const struct coverage *c, bool detail, const char *format,
		    int width);
void readiness_print(FILE *out, const struct readiness *r, const char *organization,
		     const char *format);
void history_print(FILE *out, const struct snapshot_list *l, const char *format, int width);

#endif
