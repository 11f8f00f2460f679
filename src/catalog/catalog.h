/*
 * catalog.h - the Trust Services Criteria, the HIPAA Security Rule catalog
 * and the control library, loaded from YAML (data/ compiled into the binary,
 * or a workspace's controls/ which then wins) and cross-checked: every
 * control names only known criteria and citations, ids are unique, every
 * in-scope criterion can be asked whether a control covers it.
 */
#ifndef ATTEST_CATALOG_CATALOG_H
#define ATTEST_CATALOG_CATALOG_H

#include <stddef.h>

#include "core/config.h"
#include "util/error.h"

struct criterion {
	char id[16];          /* "CC6.1" */
	char category[4];     /* cc, a, c, pi, p */
	char *title;
	char *summary;
};

struct hipaa_spec {
	char citation[48];    /* "164.308(a)(1)(ii)(A)" */
	char section[16];     /* "164.308" */
	char kind[16];        /* standard | implementation */
	char status[16];      /* required | addressable */
	char *title;
};

enum frequency {
	FREQ_CONTINUOUS,
	FREQ_PER_EVENT,
	FREQ_DAILY,
	FREQ_WEEKLY,
	FREQ_MONTHLY,
	FREQ_QUARTERLY,
	FREQ_ANNUAL,
};

struct string_list {
	char **items;
	size_t count;
};

struct control {
	char id[16];          /* "AC-04" */
	char family[8];       /* "AC" */
	char *title;
	char *statement;
	struct string_list criteria;
	struct string_list hipaa;
	enum frequency frequency;
	char owner[64];       /* role */
	struct string_list evidence;
	struct string_list checks;
	char *file;           /* where it was defined, for messages */
	long line;
};

struct catalog {
	struct criterion *criteria;
	size_t criteria_count;
	struct hipaa_spec *hipaa;
	size_t hipaa_count;
	struct control *controls;
	size_t control_count;
	int controls_from_workspace;   /* 1 when a workspace's controls/ was used */
};

/* Built-in criteria and HIPAA catalog; controls from `workspace_root`/controls
 * when that directory holds *.yaml files, else the built-in library.
 * `workspace_root` may be NULL.  Validation errors name file and line. */
int catalog_load(const char *workspace_root, struct catalog **out,
		 struct error *err);
void catalog_free(struct catalog *cat);

const struct criterion *catalog_criterion(const struct catalog *cat, const char *id);
const struct hipaa_spec *catalog_hipaa(const struct catalog *cat, const char *citation);
const struct control *catalog_control(const struct catalog *cat, const char *id);

const char *frequency_name(enum frequency f);
int frequency_parse(const char *s, enum frequency *out);

/* The category letter code ("cc", "a"...) of a criterion is in scope. */
int category_in_scope(const struct config *c, const char *category);
const char *category_display(const char *category);  /* "security"... */

int string_list_contains(const struct string_list *l, const char *s);

#endif
