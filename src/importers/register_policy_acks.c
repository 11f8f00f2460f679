/*
 * register_policy_acks.c - registers/policy-acks.csv -> `policy_ack` facts:
 * the policy acknowledgement register: who accepted which policy version.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const struct register_column columns[] = {
	{"email", REG_EMAIL, REG_REQUIRED, NULL, 0, 0},
	{"policy", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"version", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"acknowledged_at", REG_DATE, REG_REQUIRED, NULL, 0, 0},
};

static const char *const key[] = {"email", "policy", "version", NULL};

static const struct register_spec spec = {
	.kind = "policy_ack",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_policy_acks, "register.policy-acks",
		  "policy acknowledgement register: who accepted which policy version",
		  spec, "policy-acks.csv");
