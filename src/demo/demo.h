/*
 * demo.h - `attest demo DIR`: a small fictional company, Acme Health, as a
 * workspace in the real export formats, with a realistic handful of planted
 * gaps (docs/demo.md lists them).  The static files come from data/demo/
 * (compiled in); the daily CloudTrail deliveries are generated here, so the
 * binary stays small.  Everything is fixed: the same bytes every time.
 */
#ifndef ATTEST_DEMO_DEMO_H
#define ATTEST_DEMO_DEMO_H

#include "util/error.h"

/* The date the demo company is meant to be looked at (end of its window). */
#define DEMO_AS_OF "2026-09-30"

/* Creates the workspace at dir (which must not be a workspace already). */
int demo_write(const char *dir, struct error *err);

/* Writes the CloudTrail S3 delivery files of the demo window under dir
 * (the workspace root). */
int demo_write_cloudtrail(const char *dir, struct error *err);

#endif
