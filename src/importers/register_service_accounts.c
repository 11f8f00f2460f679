/*
 * register_service_accounts.c - registers/service-accounts.csv -> `service_account` facts:
 * the service accounts register: non-personal accounts and their owners.
 * Columns and rules: docs/sources/registers.md; core: register_table.c.
 */
#include "importers/register_table.h"

static const struct register_column columns[] = {
	{"system", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"account", REG_TEXT, REG_REQUIRED, NULL, 0, 0},
	{"owner_email", REG_EMAIL, REG_REQUIRED, NULL, 0, 0},
	{"purpose", REG_TEXT, 0, NULL, 0, 0},
};

static const char *const key[] = {"system", "account", NULL};

static const struct register_spec spec = {
	.kind = "service_account",
	.columns = columns,
	.column_count = sizeof(columns) / sizeof(columns[0]),
	.key = key,
};

REGISTER_FILE_IMPORTER(register_service_accounts, "register.service-accounts",
		  "service accounts register: non-personal accounts and their owners",
		  spec, "service-accounts.csv");
