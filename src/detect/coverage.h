/*
 * coverage.h - "does this CloudWatch metric filter cover CIS item X?"
 *
 * Decided by behaviour, not by text: the user's filterPattern and the CIS
 * pattern are both run over a built-in set of probe events (synthesised
 * CloudTrail records exercising every event name, event source, error
 * code, identity type and sign-in variant the CIS patterns mention, plus
 * near misses).  The filter covers the item when it matches every probe the
 * CIS pattern matches; it may match more.  So `MFAUsed != Yes` and
 * `!= "Yes"`, extra spaces or parentheses, a different order of the ||
 * list, or a broader filter all count as covering, while a filter that
 * forgets one event name is reported with the probes it misses.
 */
#ifndef ATTEST_DETECT_COVERAGE_H
#define ATTEST_DETECT_COVERAGE_H

#include <stdbool.h>

#include "util/buf.h"
#include "util/error.h"

/* cis_rule_id: a built-in rule id ("cis.console-no-mfa") or its Security
 * Hub control name ("CloudWatch.3").  On success *covered is set and, when
 * missed is not NULL, one line per missed probe is appended to it
 * ("eventName=StopLogging eventSource=cloudtrail.amazonaws.com ...").
 * A filter pattern that does not parse is ERR_INPUT (column in err); an
 * unknown rule id is ERR_NOTFOUND. */
int detect_filter_covers(const char *filter_pattern, const char *cis_rule_id,
			 bool *covered, struct buf *missed, struct error *err);

#endif
