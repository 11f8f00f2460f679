/*
 * result.h - results as a domain type (STYLE.md practice 10, after OpenSCAP's
 * xccdf_test_result_type_t).  Pass, fail, not evaluated and error are
 * different things; "not evaluated" never counts as satisfied.  The
 * combination table is keyed by enum names (designated initialisers) and its
 * algebra is tested (tests/unit/test_result.c).
 */
#ifndef ATTEST_CORE_RESULT_H
#define ATTEST_CORE_RESULT_H

enum result {
	RESULT_PASS,
	RESULT_FAIL,
	RESULT_NOT_EVALUATED,   /* a source it needs was never imported */
	RESULT_ERROR,           /* it could not run */
	RESULT_COUNT
};

enum severity {
	SEVERITY_LOW,
	SEVERITY_MEDIUM,
	SEVERITY_HIGH,
	SEVERITY_CRITICAL,
	SEVERITY_COUNT
};

const char *result_name(enum result r);       /* "pass", "fail", "not evaluated", "error" */
const char *severity_name(enum severity s);   /* "low" ... "critical" */
int severity_parse(const char *s, enum severity *out);  /* any case */

/* Combines the results of several checks of one control: any fail is a
 * fail; otherwise any error is an error; otherwise any not evaluated is
 * not evaluated; pass only when everything passed.  Commutative,
 * associative, RESULT_PASS is its identity. */
enum result result_and(enum result a, enum result b);

#endif
