/* batch_registers.c - the registers family's checks, in listing order (see
 * engine.c): scanners, vendors, risks, assets, people, policies, exercises
 * and incidents.  Rules: docs/checks/registers.md. */
#include <stddef.h>

#include "checks/check.h"

extern const struct check check_vulns_sla_breach;
extern const struct check check_vendors_review_overdue;
extern const struct check check_vendors_soc2_report;
extern const struct check check_vendors_no_security_addendum;
extern const struct check check_risks_register_stale;
extern const struct check check_risks_accepted_without_signoff;
extern const struct check check_risks_treatment_overdue;
extern const struct check check_risks_no_owner;
extern const struct check check_assets_production_unowned;
extern const struct check check_people_training;
extern const struct check check_people_background_check;
extern const struct check check_people_policy_ack;
extern const struct check check_policies_not_approved;
extern const struct check check_policies_review_overdue;
extern const struct check check_exercises_tabletop_missing;
extern const struct check check_exercises_dr_test_missing;
extern const struct check check_incidents_no_postmortem;

const struct check *const check_batch_registers[] = {
	&check_vulns_sla_breach,
	&check_vendors_review_overdue,
	&check_vendors_soc2_report,
	&check_vendors_no_security_addendum,
	&check_risks_register_stale,
	&check_risks_accepted_without_signoff,
	&check_risks_treatment_overdue,
	&check_risks_no_owner,
	&check_assets_production_unowned,
	&check_people_training,
	&check_people_background_check,
	&check_people_policy_ack,
	&check_policies_not_approved,
	&check_policies_review_overdue,
	&check_exercises_tabletop_missing,
	&check_exercises_dr_test_missing,
	&check_incidents_no_postmortem,
	NULL,
};
