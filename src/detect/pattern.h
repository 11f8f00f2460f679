/*
 * pattern.h - CloudWatch Logs JSON filter patterns: parser and evaluator.
 *
 * The language (AWS "Filter and pattern syntax", JSON events; see
 * docs/detect.md for the full description and our semantic decisions):
 *
 *   { $.eventName = ConsoleLogin && ($.errorCode = "*Unauthorized*" || ...) }
 *
 * selectors $.a.b, $.a[0], $.a[0][1]; operators = != < > <= >=; values
 * quoted or bare strings with '*' wildcards, numbers (sign, fraction,
 * exponent, '*' wildcards); IS NULL, IS TRUE, IS FALSE, NOT EXISTS;
 * && binds tighter than ||; parentheses.  An empty pattern matches every
 * event (as in CloudWatch).
 *
 * Semantics decided here (AWS leaves them unstated):
 *  - Every comparison, '!=' included, is false when the selected field is
 *    absent.  Absence is tested only with NOT EXISTS.  So '!=' is the exact
 *    complement of '=' over present scalar values.
 *  - A selector that lands on an object or an array never matches any
 *    comparison, '!=' and IS NULL included (it still "exists").
 *  - Value comparison is case-sensitive and exact; a quoted value is always
 *    a string; a bare value that reads as a number is a number.  A number
 *    literal equals a JSON number of the same value, or a JSON string with
 *    exactly the literal's text.  A string literal matches only strings.
 *  - '<' '>' '<=' '>=' need a number literal and match only JSON numbers.
 *  - IS TRUE / IS FALSE match JSON booleans only, never the strings "true"
 *    and "false" that CloudTrail uses in sessionContext.
 */
#ifndef ATTEST_DETECT_PATTERN_H
#define ATTEST_DETECT_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

#include "detect/fields.h"
#include "util/error.h"

#define PATTERN_TEXT_MAX 65536  /* bytes of pattern text */
#define PATTERN_DEPTH_MAX 32    /* nested parentheses */

struct pattern;

/* Compiles `text`, interning its selectors into `fields`.  On a syntax
 * error returns ERR_INPUT with err->column set (1-based byte column in
 * `text`) and a message such as "expected value after '=' at column 23".
 * The caller frees *out with pattern_free(). */
int pattern_compile(struct pattern **out, const char *text,
		    struct field_table *fields, struct error *err);
void pattern_free(struct pattern *p);

/* Evaluates against the values extracted for one record, indexed by the
 * field ids of the table the pattern was compiled with. */
bool pattern_match(const struct pattern *p, const struct jvalue *values);

/* When every event `p` matches must have `field` equal to one of a set of
 * exact strings (e.g. an || list of $.eventName = X, possibly inside an
 * &&), returns true and calls fn once per string; else returns false.
 * Used to index rules by eventName so most rules are never evaluated. */
bool pattern_required_strings(const struct pattern *p, int field,
			      void (*fn)(void *ctx, const char *s, size_t len),
			      void *ctx);

/* The source text, as given. */
const char *pattern_text(const struct pattern *p);

/* '*' glob, case-sensitive; exposed for the tests. */
bool glob_match(const char *pat, size_t plen, const char *s, size_t slen);

#endif
