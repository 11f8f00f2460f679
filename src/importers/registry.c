/*
 * registry.c - every importer, in recognition order.  Importers are grouped
 * in batch tables (one per family of sources, each in its own file) so that
 * adding an importer touches its own file and its batch table only.
 */
#include "importers/importer.h"

#include <stdlib.h>
#include <string.h>

extern const struct importer *const importer_batch_aws[];
extern const struct importer *const importer_batch_apps[];
extern const struct importer *const importer_batch_registers[];

static const struct importer *const *const batches[] = {
	importer_batch_aws,
	importer_batch_apps,
	importer_batch_registers,
};

const struct importer *importer_at(size_t index)
{
	for (size_t b = 0; b < sizeof(batches) / sizeof(batches[0]); b++)
		for (const struct importer *const *p = batches[b]; *p; p++)
			if (index-- == 0)
				return *p;
	return NULL;
}

const struct importer *importer_find(const char *name)
{
	const struct importer *imp;

	for (size_t i = 0; (imp = importer_at(i)); i++)
		if (strcmp(imp->name, name) == 0)
			return imp;
	return NULL;
}

const struct importer *importer_for(const char *path, const char *data,
				    size_t size)
{
	for (size_t b = 0; b < sizeof(batches) / sizeof(batches[0]); b++)
		for (const struct importer *const *p = batches[b]; *p; p++)
			if ((*p)->recognise(path, data, size))
				return *p;
	return NULL;
}

void import_output_init(struct import_output *out)
{
	fact_list_init(&out->facts);
	out->effective = STAMP_NONE;
}

void import_output_release(struct import_output *out)
{
	if (out)
		fact_list_release(&out->facts);
}
