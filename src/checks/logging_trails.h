/*
 * logging_trails.h - CloudTrail trail helpers shared by the logging checks
 * (logging.c, logging_archive.c).
 */
#ifndef ATTEST_CHECKS_LOGGING_TRAILS_H
#define ATTEST_CHECKS_LOGGING_TRAILS_H

#include "checks/check.h"

/* "aws:<acct>" of the account field of an ARN, or "" when it has none. */
void arn_system(const char *arn, char out[17]);
/* The account a trail belongs to: the one in its ARN, else its fact's. */
void trail_system(const struct fact *t, char out[17]);
/* qsort comparator of trail fact pointers by ARN. */
int compare_trail_arn(const void *a, const void *b);
/* Trail facts sorted by ARN, one per ARN (*out is the caller's to free). */
int unique_trails(struct check_context *ctx, const struct fact ***out, size_t *n,
		  struct error *err);

#endif
