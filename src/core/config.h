/*
 * config.h - the parsed attest.yaml (shared/FORMATS.md, docs/config.md).
 * Loaded and validated by workspace/config_load.c; every other subsystem
 * reads this struct and never the YAML.  Defaults are applied by the loader,
 * so a field here always has its effective value.
 */
#ifndef ATTEST_CORE_CONFIG_H
#define ATTEST_CORE_CONFIG_H

#include <stdbool.h>

#include "util/timeutil.h"

#define CONFIG_LIST_MAX 32
#define CONFIG_NAME_MAX 128

enum category_bit {
	CATEGORY_SECURITY = 1 << 0,          /* cc */
	CATEGORY_AVAILABILITY = 1 << 1,      /* a */
	CATEGORY_CONFIDENTIALITY = 1 << 2,   /* c */
	CATEGORY_PROCESSING_INTEGRITY = 1 << 3, /* pi */
	CATEGORY_PRIVACY = 1 << 4,           /* p */
};

/* One "role: email" pair of the `owners:` map. */
struct config_owner {
	char role[64];
	char email[CONFIG_NAME_MAX];
};

/* HR roster header mapping: our column name -> the export's header text. */
struct config_hr_column {
	char field[32];     /* email, name, employment_type, ... */
	char header[CONFIG_NAME_MAX];
};

struct config {
	char organization[CONFIG_NAME_MAX];
	char domains[CONFIG_LIST_MAX][CONFIG_NAME_MAX];
	int domain_count;
	unsigned categories;                 /* enum category_bit; security always */
	bool framework_soc2;
	bool framework_hipaa;

	int audit_type;                      /* 1 or 2 */
	day_t window_start;                  /* DAY_NONE when not set */
	day_t window_end;

	struct config_owner owners[CONFIG_LIST_MAX];
	int owner_count;

	/* SLAs and intervals, in days (defaults from FORMATS.md). */
	int deprovision_days;                /* 1 */
	bool offboarding_ticket_required;    /* true */
	char offboarding_label[64];          /* "offboarding" */
	int access_review_interval_days;     /* 92: quarterly */
	int credential_max_age_days;         /* 90 */
	int vuln_sla_critical;               /* 7 */
	int vuln_sla_high;                   /* 14 */
	int vuln_sla_medium;                 /* 30 */
	int vuln_sla_low;                    /* 0 = no SLA */
	int vendor_review_days;              /* 365 */
	unsigned vendor_review_tiers;        /* bit 0 critical, 1 high, 2 medium, 3 low */
	int risk_review_days;                /* 90 */
	int policy_review_days;              /* 365 */
	int training_within_days;            /* 30 */
	int training_interval_days;          /* 365 */
	int exercise_interval_days;          /* 365 */
	int log_retention_days;              /* 90, or 2190 with hipaa */
	int alert_triage_days;               /* 1 */
	char alert_label[64];                /* "security-alert" */

	struct config_hr_column hr_columns[16];
	int hr_column_count;
};

/* Fills every field with its default (no organization, no window). */
void config_defaults(struct config *c);
/* Applies defaults that depend on other keys (log retention with hipaa);
 * called by the loader after reading the file. */
void config_finish(struct config *c, bool retention_given);

#endif
