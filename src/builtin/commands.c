/*
 * commands.c - the command table: one row per subcommand, in the order
 * `attest help` lists them (the order of the work: set up, import, check,
 * assess).  A new command is a new src/builtin/cmd_*.c and one row here.
 */
#include <string.h>

#include "cli/command.h"

extern const struct command command_init;
extern const struct command command_demo;
extern const struct command command_import;
extern const struct command command_evidence;
extern const struct command command_check;
extern const struct command command_checks;
extern const struct command command_detect;
extern const struct command command_assess;
extern const struct command command_gaps;
extern const struct command command_coverage;
extern const struct command command_readiness;
extern const struct command command_history;
extern const struct command command_criteria;
extern const struct command command_controls;
extern const struct command command_help;
extern const struct command command_version;

const struct command *const commands[] = {
	&command_init,
	&command_demo,
	&command_import,
	&command_evidence,
	&command_check,
	&command_checks,
	&command_detect,
	&command_assess,
	&command_gaps,
	&command_coverage,
	&command_readiness,
	&command_history,
	&command_criteria,
	&command_controls,
	&command_help,
	&command_version,
	NULL,
};

const struct command *command_find(const char *name)
{
	for (const struct command *const *c = commands; *c; c++)
		if (strcmp((*c)->name, name) == 0)
			return *c;
	return NULL;
}
