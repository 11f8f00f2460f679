/*
 * importer.h - the importer descriptor (STYLE.md practice 4, after curl's
 * protocol handlers).  One importer per source format, one file each, listed
 * in a batch table (importers/registry_*.c) that importers/registry.c joins.
 *
 * An importer recognises a workspace-relative path (and, where the path is
 * not enough, the shape of the content) and parses the file's bytes into
 * facts.  It never touches the database, the evidence locker or the
 * terminal: the import command stores what it returns, in one transaction.
 * The fact kinds and attributes it writes are the ones in docs/facts.md.
 */
#ifndef ATTEST_IMPORTERS_IMPORTER_H
#define ATTEST_IMPORTERS_IMPORTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config.h"
#include "core/fact.h"
#include "util/error.h"
#include "util/timeutil.h"

struct import_input {
	const char *path;            /* workspace-relative, '/'-separated */
	const char *data;            /* file bytes, NUL-terminated */
	size_t size;
	const struct config *config; /* attest.yaml (HR header mapping...) */
};

struct import_output {
	struct fact_list facts;
	/* The instant the file speaks for, when the file says it (Trivy
	 * CreatedAt, credential report GeneratedTime...); STAMP_NONE means
	 * "the import time". */
	stamp_t effective;
};

struct importer {
	const char *name;         /* "aws.credential-report" */
	const char *source;       /* system: "aws", "github", "register"... */
	const char *description;  /* the export it reads, one line */
	/* True when this importer owns the file.  `data` may be used for
	 * shape sniffing (scanners share scans/NAME.json). */
	bool (*recognise)(const char *path, const char *data, size_t size);
	/* Parses; on bad input returns ERR_INPUT with err naming the record
	 * and field (the caller sets err->file).  Must not leak on error. */
	int (*parse)(const struct import_input *in, struct import_output *out,
		     struct error *err);
};

/* The index-th importer in recognition order, or NULL past the end. */
const struct importer *importer_at(size_t index);
/* The importer called `name`, or NULL. */
const struct importer *importer_find(const char *name);
/* The importer for a file, or NULL when no importer recognises it. */
const struct importer *importer_for(const char *path, const char *data,
				    size_t size);

void import_output_init(struct import_output *out);
void import_output_release(struct import_output *out);

#endif
