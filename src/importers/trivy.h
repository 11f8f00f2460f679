/*
 * trivy.h - what the two scanner importers (trivy.c, grype.c) share.
 *
 * Trivy and Grype reports both live in `sources/scans/<name>.json`, so the file
 * name says nothing: the importers recognise a report by its shape, the
 * top-level keys of the JSON object (scan_sniff).  Grype's importer also
 * takes the files that are neither, so that such a file is reported as
 * "not a Trivy or Grype JSON report" instead of being skipped silently.
 */
#ifndef ATTEST_IMPORTERS_TRIVY_H
#define ATTEST_IMPORTERS_TRIVY_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/fact.h"
#include "util/error.h"

#define SCAN_NOT_A_REPORT "not a Trivy or Grype JSON report"

enum scan_shape {
	SCAN_UNKNOWN = 0,
	SCAN_TRIVY,   /* top-level SchemaVersion, Results, ArtifactName... */
	SCAN_GRYPE,   /* top-level matches, descriptor, ignoredMatches */
};

/* True for `sources/scans/<...>.json`. */
bool scan_path(const char *path);

/* The report kind, from the first decisive top-level key of the JSON
 * object in data[0..size).  Walks the text without building a tree (values
 * of undecisive keys are skipped), so it costs one pass at most. */
enum scan_shape scan_sniff(const char *data, size_t size);

/* Lower-cases a scanner severity and checks it is one of the words of
 * docs/facts.md (critical, high, medium, low, negligible, unknown); NULL
 * or "" gives "unknown".  Returns the canonical word or NULL when unknown. */
const char *scan_severity(const char *s);

/* Adds the `scan` fact of one report (key scanner/artifact/scanned_at,
 * "unknown" when the report has no date). */
int scan_fact_add(struct fact_list *facts, const char *scanner,
		  const char *artifact, json_t *scanned_at, size_t count,
		  struct error *err);

#endif
