/*
 * fact.h - facts: what importers learn from a source file, what checks read.
 *
 * A fact is one record of one kind ("person", "account", "github_pull"...)
 * with a key unique within its evidence version and a JSON object of
 * attributes (jansson).  docs/facts.md is the catalogue of kinds and their
 * attributes; importers write exactly those, checks read exactly those.
 *
 * Why a JSON attribute bag rather than one C struct and one SQL table per
 * kind: there are ~35 kinds and they grow with every new source; one generic
 * shape keeps importers, the store (SQLite and PostgreSQL) and the checks
 * independent of each other, and the attributes are stored as canonical JSON
 * text (sorted keys), which is also what a reviewer sees.
 *
 * Conventions for attribute values: dates "YYYY-MM-DD", timestamps
 * "YYYY-MM-DDTHH:MM:SSZ" (UTC, normalised by the importer), emails lower-case,
 * booleans JSON true/false, unknown = JSON null or absent.
 */
#ifndef ATTEST_CORE_FACT_H
#define ATTEST_CORE_FACT_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "util/timeutil.h"

struct fact {
	char *kind;            /* owned */
	char *key;             /* owned */
	json_t *data;          /* owned reference (object) */
	int64_t evidence_id;   /* evidence version it came from; 0 before store */
	char digest[72];       /* "sha256:<hex>" of that evidence, "" before */
	day_t effective;       /* date the evidence speaks for */
};

/* A growable list of facts; importers append to it, the store fills it. */
struct fact_list {
	struct fact *items;
	size_t count;
	size_t cap;
};

void fact_list_init(struct fact_list *l);
void fact_list_release(struct fact_list *l);  /* frees every fact */

/* Appends a fact, taking ownership of `data` (also on failure).  `key` is
 * copied.  Returns 0 or ERR_NOMEM. */
int fact_list_add(struct fact_list *l, const char *kind, const char *key,
		  json_t *data);

/* Attribute accessors; NULL / false / fallback when absent or wrong type. */
const char *fact_str(const struct fact *f, const char *attr);
int fact_bool(const struct fact *f, const char *attr, int fallback); /* 1/0/fallback */
int64_t fact_int(const struct fact *f, const char *attr, int64_t fallback);
/* A "YYYY-MM-DD..." attribute as a day; DAY_NONE when absent or bad. */
day_t fact_day(const struct fact *f, const char *attr);
/* A timestamp attribute; STAMP_NONE when absent or bad. */
stamp_t fact_stamp(const struct fact *f, const char *attr);

/* Sorts by (kind, key, evidence_id) so every consumer sees one order. */
void fact_list_sort(struct fact_list *l);

#endif
