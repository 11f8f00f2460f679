/*
 * number.h - the one checked way to turn text into numbers (after curl's
 * strparse).  atoi/strtol without checks are banned (scripts/check-banned.sh).
 */
#ifndef ATTEST_UTIL_NUMBER_H
#define ATTEST_UTIL_NUMBER_H

#include <stdbool.h>
#include <stdint.h>

/* Whole string must be an optionally signed decimal integer within
 * [min, max].  Returns 0 or ERR_INPUT. */
int number_parse_i64(const char *s, int64_t min, int64_t max, int64_t *out);
/* Whole string must be a finite decimal number (sign, fraction, exponent). */
int number_parse_double(const char *s, double *out);
/* "true"/"false"/"yes"/"no" (any case). Returns 0 or ERR_INPUT. */
int bool_parse(const char *s, bool *out);

#endif
