/*
 * fuzz_importer.h - a libFuzzer harness for one importer in one line:
 *
 *     #include "fuzz_importer.h"
 *     FUZZ_IMPORTER("aws.credential-report",
 *                   "sources/aws/111122223333/iam-get-credential-report.json")
 *
 * The input bytes are handed to the importer's parse() as the content of a
 * file at that path, with default configuration.  Any result is fine; only
 * crashes, leaks and sanitizer reports are failures.
 */
#ifndef ATTEST_FUZZ_IMPORTER_H
#define ATTEST_FUZZ_IMPORTER_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "importers/importer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline int fuzz_importer_run(const char *name, const char *path,
				    const uint8_t *data, size_t size)
{
	const struct importer *imp = importer_find(name);
	struct import_input in;
	struct import_output out;
	struct config config;
	struct error err;
	char *copy;

	if (!imp)
		abort(); /* the harness names an importer that does not exist */
	copy = malloc(size + 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	config_defaults(&config);
	in.path = path;
	in.data = copy;
	in.size = size;
	in.config = &config;
	import_output_init(&out);
	error_clear(&err);
	(void)imp->parse(&in, &out, &err);
	import_output_release(&out);
	free(copy);
	return 0;
}

#define FUZZ_IMPORTER(name, path)                                          \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)      \
	{                                                                  \
		return fuzz_importer_run(name, path, data, size);          \
	}

#endif
