/*
 * check.h - automated control checks (issue "Automated control checks").
 *
 * A check is a const descriptor (STYLE.md practice 4, after OpenSCAP's check
 * engines): id, title, the controls it tests, the criteria and HIPAA
 * citations a failure breaks, a default severity, the sources it needs, how
 * to fix it, and a run function.  Descriptors live in one file per check
 * family (checks/<family>.c), listed in that family's table and joined in
 * checks/registry.c.  docs/checks.md is generated from the same metadata.
 *
 * A run function reads facts as of ctx->as_of through the fact source and
 * reports one finding per thing at fault.  It never prints, never touches
 * the database directly, never reads the clock: the same facts and date give
 * the same findings.
 */
#ifndef ATTEST_CHECKS_CHECK_H
#define ATTEST_CHECKS_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "checks/fact_source.h"
#include "core/config.h"
#include "core/fact.h"
#include "core/result.h"
#include "util/error.h"
#include "util/timeutil.h"

#define CHECK_LIST_MAX 8

struct check_context;

struct check {
	const char *id;                        /* "access.leaver-active-account" */
	const char *title;
	const char *controls[CHECK_LIST_MAX];  /* "AC-04"; first is primary */
	const char *criteria[CHECK_LIST_MAX];  /* "CC6.2" */
	const char *hipaa[CHECK_LIST_MAX];     /* "164.308(a)(3)(ii)(C)" */
	enum severity severity;                /* default for its findings */
	/* Importer-name prefixes whose evidence must exist as of the date for
	 * the check to be evaluated ("hr." ...); a group of alternatives is
	 * written "okta.|google.|aws." (any one present is enough). */
	const char *requires[CHECK_LIST_MAX];
	const char *reads;                     /* what it reads, in words */
	const char *fix;                       /* how to fix, in words */
	int (*run)(struct check_context *ctx, struct error *err);
};

struct finding {
	const struct check *check;
	enum severity severity;
	char *subject;        /* the one thing at fault */
	char *system;         /* "aws:111122223333", "github:acme", "" */
	char *detail;         /* what is wrong, in words a person acts on */
	char **evidence;      /* "sha256:<hex>", sorted, unique */
	size_t evidence_count;
};

struct finding_list {
	struct finding *items;
	size_t count;
	size_t cap;
};

struct check_context {
	const struct config *config;
	day_t as_of;
	struct fact_source *facts;
	/* Set by the engine around each run. */
	const struct check *current;
	struct finding_list *out;
};

/* Reports a finding of the running check with its default severity.
 * `evidence` are the facts it was derived from (their digests are kept);
 * NULL entries are skipped.  Returns 0 or ERR_NOMEM. */
int check_report(struct check_context *ctx, const char *subject,
		 const char *system, const struct fact *const *evidence,
		 size_t evidence_count, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
int check_report_severity(struct check_context *ctx, enum severity severity,
			  const char *subject, const char *system,
			  const struct fact *const *evidence, size_t evidence_count,
			  const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Facts of a kind as of ctx->as_of (borrowed; valid for the whole run). */
int check_facts(struct check_context *ctx, const char *kind,
		const struct fact_list **out, struct error *err);
/* Every version up to ctx->as_of (history: first-seen dates, reviews). */
int check_fact_history(struct check_context *ctx, const char *kind,
		       const struct fact_list **out, struct error *err);

/* The registry. */
size_t check_count(void);
const struct check *check_at(size_t index);
const struct check *check_find(const char *id);

void finding_list_init(struct finding_list *l);
void finding_list_release(struct finding_list *l);
/* Sorts by (check id, system, subject, detail): one stable order. */
void finding_list_sort(struct finding_list *l);

#endif
