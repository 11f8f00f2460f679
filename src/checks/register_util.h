/*
 * register_util.h - small helpers shared by the register-family checks
 * (checks/{vulnerabilities,vendors,risks,assets,people,policies,exercises}.c):
 * lists of borrowed fact pointers, who is on staff as of a date, whether an
 * owner has left, and the date arithmetic every SLA rule uses.
 *
 * Why a shared file: every register check asks "is this person still here"
 * and "how many days since"; one definition keeps the rules (documented in
 * docs/checks/registers.md) identical across checks.
 */
#ifndef ATTEST_CHECKS_REGISTER_UTIL_H
#define ATTEST_CHECKS_REGISTER_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "checks/check.h"

/* A growable list of borrowed fact pointers. */
struct fact_refs {
	const struct fact **items;
	size_t count;
	size_t cap;
};

int fact_refs_push(struct fact_refs *r, const struct fact *f);  /* 0 or ERR_NOMEM */
void fact_refs_release(struct fact_refs *r);

/* True when `s` is NULL or only white space (an empty register cell). */
bool reg_blank(const char *s);

/* "" or "s": "%d day%s", n, reg_s(n) reads "1 day", "45 days". */
static inline const char *reg_s(long n)
{
	return n == 1 || n == -1 ? "" : "s";
}

/* "YYYY-MM-DD" of `d`, or "never" for DAY_NONE. */
void reg_date(day_t d, char out[DATE_TEXT_SIZE]);

/* Whether a person record is on staff on `as_of`: start_date absent or on
 * or before as_of, and end_date absent or after as_of. */
bool reg_person_active(const struct fact *person, day_t as_of);

/* The staff on ctx->as_of (employees and contractors), one record per
 * e-mail: when a roster lists an e-mail twice, the record with the latest
 * start_date speaks for it (a rehire), and of equal starts the one with an
 * end_date (the more cautious reading).  Pointers borrow from the fact
 * source; order is by e-mail. */
int reg_active_people(struct check_context *ctx, struct fact_refs *out,
		      struct error *err);

/* When `email` names a person who is no longer on staff on ctx->as_of
 * (every roster record of that e-mail has ended), sets *left to the latest
 * end_date and returns the record; otherwise NULL.  `people` are the
 * person facts in force (check_facts(ctx, "person")). */
const struct fact *reg_owner_left(const struct fact_list *people, const char *email,
				  day_t as_of, day_t *left);

/* The information security policy among `policies` (policy facts in
 * force): the first, in key order, whose id contains "information-security"
 * or "infosec" (any case); failing that, the first whose title contains
 * "information security" (any case); NULL when none. */
const struct fact *reg_infosec_policy(const struct fact_list *policies);

#endif
