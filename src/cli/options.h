/*
 * options.h - one option spec per command drives parsing, usage and --help
 * (after curl's docs/cmdline-opts and redis' command JSON).  A command
 * declares a const array of struct option_spec; options_parse() reads argv
 * against it, and help_print() prints it.
 *
 * Accepted forms: --name VALUE, --name=VALUE, -x VALUE, -xVALUE, flags
 * --name / -x, "--" ends options; everything else is positional.
 */
#ifndef ATTEST_CLI_OPTIONS_H
#define ATTEST_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "util/error.h"
#include "util/timeutil.h"

enum option_kind {
	OPT_FLAG,     /* no value */
	OPT_STRING,   /* any text */
	OPT_DATE,     /* YYYY-MM-DD, checked at parse time */
	OPT_INT,      /* non-negative integer, checked at parse time */
	OPT_CHOICE,   /* one of `choices` ("table|json|csv") */
	OPT_LIST,     /* may repeat; every value kept */
};

struct option_spec {
	const char *name;        /* long name without "--"; NULL ends a list */
	char short_name;         /* 0 = none */
	enum option_kind kind;
	const char *arg_name;    /* shown in help: "DATE", "FORMAT" */
	const char *choices;     /* OPT_CHOICE: "table|json|csv" */
	const char *help;        /* one line */
};

#define OPTIONS_MAX 32
#define OPTION_LIST_MAX 64

struct parsed_options {
	const struct option_spec *specs;
	bool set[OPTIONS_MAX];
	const char *value[OPTIONS_MAX];          /* last value given */
	const char *list[OPTIONS_MAX][OPTION_LIST_MAX];
	int list_len[OPTIONS_MAX];
	char **positional;                         /* points into argv */
	int positional_count;
	bool help;                                 /* --help / -h given */
};

/* argv[0] is the command name.  On bad usage returns ERR_USAGE with the
 * message naming the option. */
int options_parse(const struct option_spec *specs, int argc, char **argv,
		  struct parsed_options *out, struct error *err);

bool option_flag(const struct parsed_options *p, const char *name);
/* The value, or NULL when the option was not given. */
const char *option_string(const struct parsed_options *p, const char *name);
/* The value, or `fallback` when not given. */
const char *option_choice(const struct parsed_options *p, const char *name,
			  const char *fallback);
/* DAY_NONE when not given (already validated by options_parse). */
day_t option_date(const struct parsed_options *p, const char *name);
long option_int(const struct parsed_options *p, const char *name, long fallback);
int option_list(const struct parsed_options *p, const char *name,
		const char *const **values);

/* Prints the options block of a help text. */
void options_print_help(FILE *out, const struct option_spec *specs);

#endif
