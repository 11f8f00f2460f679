/*
 * findings.h - the views of a check run: terminal table, JSON (the output
 * contract of shared/FORMATS.md "Findings"), CSV and JUnit XML (so any CI
 * system shows failing controls).  Views only present the run.
 */
#ifndef ATTEST_REPORT_FINDINGS_H
#define ATTEST_REPORT_FINDINGS_H

#include <stdio.h>

#include "checks/engine.h"

void findings_print_table(FILE *out, const struct check_run *run, int width);
void findings_print_json(FILE *out, const struct check_run *run);
void findings_print_csv(FILE *out, const struct check_run *run);
void findings_print_junit(FILE *out, const struct check_run *run);

/* The primary control of a finding's check ("" when none). */
const char *finding_control(const struct finding *f);

#endif
