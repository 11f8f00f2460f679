/*
 * embedded.h - data files compiled into the binary (criteria, HIPAA, the
 * control library).  The table is generated at build time by tools/embed.c
 * from data/; names are relative to data/ ("controls/access.yaml").
 */
#ifndef ATTEST_UTIL_EMBEDDED_H
#define ATTEST_UTIL_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *name;
	const char *data;   /* NUL-terminated */
	size_t size;
};

/* Terminated by an entry whose name is NULL. */
extern const struct embedded_file embedded_files[];

/* The file called `name`, or NULL. */
const struct embedded_file *embedded_find(const char *name);

#endif
