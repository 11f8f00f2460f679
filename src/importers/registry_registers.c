/*
 * registry_registers.c - the registers batch of importers (see registry.c):
 * the team's own records (registers/, policies/) and the vulnerability
 * scanners (sources/scans/).  Trivy comes before Grype: Grype's importer
 * also takes the scans/ files that are neither, to report them (trivy.h).
 */
#include "importers/importer.h"

#include <stddef.h>

extern const struct importer importer_trivy;
extern const struct importer importer_grype;
extern const struct importer importer_register_identities;
extern const struct importer importer_register_service_accounts;
extern const struct importer importer_register_access_reviews;
extern const struct importer importer_register_vendors;
extern const struct importer importer_register_risks;
extern const struct importer importer_register_assets;
extern const struct importer importer_register_training;
extern const struct importer importer_register_background_checks;
extern const struct importer importer_register_policy_acks;
extern const struct importer importer_register_exercises;
extern const struct importer importer_register_incidents;
extern const struct importer importer_register_vuln_exceptions;
extern const struct importer importer_policy_markdown;

const struct importer *const importer_batch_registers[] = {
	&importer_trivy,
	&importer_grype,
	&importer_register_identities,
	&importer_register_service_accounts,
	&importer_register_access_reviews,
	&importer_register_vendors,
	&importer_register_risks,
	&importer_register_assets,
	&importer_register_training,
	&importer_register_background_checks,
	&importer_register_policy_acks,
	&importer_register_exercises,
	&importer_register_incidents,
	&importer_register_vuln_exceptions,
	&importer_policy_markdown,
	NULL,
};
