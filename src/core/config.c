/* config.c - attest.yaml defaults (see config.h and shared/FORMATS.md). */
#include "core/config.h"

#include <string.h>

#include "util/text.h"

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->categories = CATEGORY_SECURITY;
	c->framework_soc2 = true;
	c->audit_type = 2;
	c->window_start = DAY_NONE;
	c->window_end = DAY_NONE;
	c->deprovision_days = 1;
	c->offboarding_ticket_required = true;
	text_copy(c->offboarding_label, sizeof(c->offboarding_label), "offboarding");
	c->access_review_interval_days = 92;
	c->credential_max_age_days = 90;
	c->vuln_sla_critical = 7;
	c->vuln_sla_high = 14;
	c->vuln_sla_medium = 30;
	c->vuln_sla_low = 0;
	c->vendor_review_days = 365;
	c->vendor_review_tiers = 1u << 0 | 1u << 1;
	c->risk_review_days = 90;
	c->policy_review_days = 365;
	c->training_within_days = 30;
	c->training_interval_days = 365;
	c->exercise_interval_days = 365;
	c->log_retention_days = 90;
	c->alert_triage_days = 1;
	text_copy(c->alert_label, sizeof(c->alert_label), "security-alert");
}

void config_finish(struct config *c, bool retention_given)
{
	c->categories |= CATEGORY_SECURITY;
	if (!retention_given && c->framework_hipaa)
		c->log_retention_days = 2190;
}
