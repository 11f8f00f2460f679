/*
 * rules.h - detection rules: the built-in CIS AWS Foundations monitoring
 * set (patterns verbatim from AWS Security Hub CloudWatch.1-14 and Prowler's
 * Organizations check, see shared/FORMAT-NOTES.md 1.3), built-in threshold
 * rules, and user rules from <workspace>/rules/<name>.yaml.
 *
 * A rule is a filter pattern plus, optionally, an exclusion pattern (events
 * matching it are dropped; used to make the MFA rule case-insensitive while
 * keeping the CIS text verbatim) and a threshold: N matches with the same
 * key within W seconds make one alert (semantics in detect.h).
 */
#ifndef ATTEST_DETECT_RULES_H
#define ATTEST_DETECT_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "detect/fields.h"
#include "detect/pattern.h"
#include "util/error.h"

enum detect_severity {
	SEV_INFO = 0,
	SEV_LOW,
	SEV_MEDIUM,
	SEV_HIGH,
	SEV_CRITICAL,
};

const char *detect_severity_name(enum detect_severity s);
int detect_severity_parse(const char *s, enum detect_severity *out);

#define DETECT_KEYS_MAX 2

struct detect_threshold {
	unsigned count;           /* 0: not a threshold rule */
	long window_seconds;
	int key_field[DETECT_KEYS_MAX];  /* first present one is the key */
	int nkeys;
};

/* Static description of a built-in rule. */
struct detect_builtin {
	const char *id;
	const char *title;
	enum detect_severity severity;
	const char *cis;          /* "CloudWatch.1; CIS 1.2: 1.1, 3.3; ..." */
	const char *criteria;     /* SOC 2 criteria, comma-separated */
	const char *pattern;      /* verbatim CIS text for the cis.* rules */
	const char *exclude;      /* NULL or a pattern whose matches are dropped */
	unsigned count;           /* threshold rules: count, window, keys */
	long window_seconds;
	const char *key[DETECT_KEYS_MAX];
};

const struct detect_builtin *detect_builtin_rules(size_t *n);
const struct detect_builtin *detect_builtin_find(const char *id);

struct detect_rule {
	char *id;
	char *title;
	enum detect_severity severity;
	char *cis;                /* "" for user rules */
	char *criteria;           /* comma-separated */
	struct pattern *pattern;
	struct pattern *exclude;  /* NULL = none */
	struct detect_threshold threshold;
	char *source;             /* "built-in" or the rule file */
};

struct detect_ruleset {
	struct field_table fields;
	struct detect_rule *rules;
	size_t len, cap;
};

int detect_ruleset_new(struct detect_ruleset **out, struct error *err);
void detect_ruleset_free(struct detect_ruleset *rs);

int detect_ruleset_add_builtin(struct detect_ruleset *rs, struct error *err);

/* Adds one rule; the strings are copied.  key selectors may be NULL. */
int detect_ruleset_add(struct detect_ruleset *rs,
		       const struct detect_builtin *def, const char *source,
		       struct error *err);

/* Loads rules from one YAML file: a mapping (one rule) or a sequence of
 * mappings.  Keys: id, title, severity, pattern, optional criteria (list of
 * strings), optional threshold {count, window_seconds, key}.  Errors name
 * the file, line and column; for a bad pattern the column points into the
 * pattern when it is a one-line scalar. */
int detect_ruleset_load_file(struct detect_ruleset *rs, const char *path,
			     struct error *err);
/* Every *.yaml / *.yml of dir in name order; a missing dir is no error. */
int detect_ruleset_load_dir(struct detect_ruleset *rs, const char *dir,
			    struct error *err);

/* Keeps only the rules named (--rule); an unknown id is ERR_USAGE. */
int detect_ruleset_keep(struct detect_ruleset *rs, const char *const *ids,
			size_t n, struct error *err);

const struct detect_rule *detect_ruleset_find(const struct detect_ruleset *rs,
					      const char *id);

#endif
