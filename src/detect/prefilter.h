/*
 * prefilter.h - which rules can possibly match an event, from its
 * eventName alone.  Most CIS rules are long || lists of eventName values;
 * indexing them by name means a typical Describe* event evaluates only the
 * two or three rules that do not depend on eventName, instead of every
 * comparison of every rule.  Purely an optimisation: the result is the
 * same as evaluating every rule (tested by test_detect_rules).
 */
#ifndef ATTEST_DETECT_PREFILTER_H
#define ATTEST_DETECT_PREFILTER_H

#include <stddef.h>
#include <stdint.h>

#include "detect/fields.h"
#include "detect/rules.h"

struct prefilter;

int prefilter_build(struct prefilter **out, const struct detect_ruleset *rs,
		    struct error *err);
void prefilter_free(struct prefilter *pf);

/* Indices (into rs->rules, ascending) of the rules to evaluate for an
 * event whose eventName value is `name`. */
void prefilter_candidates(const struct prefilter *pf, const struct jvalue *name,
			  const uint32_t **idx, size_t *n);

#endif
