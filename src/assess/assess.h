/*
 * assess.h - the readiness assessment: from check outcomes and evidence to a
 * status per in-scope control, then gaps, Type II coverage and verdicts.
 * docs/assessment.md states every rule, so an auditor can check the
 * reasoning.  Pure: inputs are a catalog, a config, a check run and the
 * evidence index; no database, no clock, no printing.
 */
#ifndef ATTEST_ASSESS_ASSESS_H
#define ATTEST_ASSESS_ASSESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog/catalog.h"
#include "checks/engine.h"
#include "core/config.h"
#include "util/error.h"
#include "util/timeutil.h"

enum control_status {
	STATUS_PRESENT,
	STATUS_PARTIAL,
	STATUS_MISSING,
	STATUS_NOT_EVALUATED,
	STATUS_COUNT
};

const char *control_status_name(enum control_status s);
int control_status_parse(const char *s, enum control_status *out);

/* One evidence entry as the assessment sees it: which source (importer
 * name, or "manual"), which control it was added for (manual), its date. */
struct evidence_ref {
	int64_t id;
	char source[64];
	char control[16];
	day_t effective;
	char path[256];
	char note[128];
};

struct evidence_index {
	struct evidence_ref *items;   /* by id */
	size_t count;
	size_t cap;
};

void evidence_index_init(struct evidence_index *x);
void evidence_index_release(struct evidence_index *x);
int evidence_index_add(struct evidence_index *x, const struct evidence_ref *r);

/* Days after which evidence for a control of this frequency is stale. */
int frequency_stale_days(enum frequency f);

struct control_assessment {
	const struct control *control;
	enum control_status status;
	char reason[512];              /* why, in words */
	size_t checks, passed, failed, not_evaluated, errors;
	size_t findings;
	enum severity worst;           /* of its findings (low when none) */
	size_t current_evidence;       /* manual evidence and approved policies in force */
	size_t stale_evidence;
	int64_t evidence_ids[8];       /* the current manual evidence (first 8) */
	size_t evidence_id_count;
};

struct assessment {
	day_t as_of;
	struct control_assessment *controls;   /* in-scope controls, catalog order */
	size_t count;
	size_t by_status[STATUS_COUNT];
	double readiness;                      /* percent of controls present */
};

/* Whether a control is in scope: one of its criteria is in an in-scope
 * category (HIPAA-only controls count when hipaa is a framework). */
bool control_in_scope(const struct control *c, const struct config *cfg);

/* The checks testing a control: those whose descriptor names it, and those
 * its library entry lists. */
bool check_tests_control(const struct check *k, const struct control *c);

/* Derives every in-scope control's status.  `policies` are the policy facts
 * in force (a policy listing a control in `controls` and approved within its
 * review interval is evidence the control is defined). */
int assess_controls(const struct catalog *cat, const struct config *cfg,
		    const struct check_run *run, const struct evidence_index *evidence,
		    const struct fact_list *policies, struct assessment *out,
		    struct error *err);
void assessment_release(struct assessment *a);

#endif
