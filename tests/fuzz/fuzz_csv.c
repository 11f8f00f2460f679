/* fuzz_csv.c - the RFC 4180 reader on any bytes: every record, every field. */
#include <stdint.h>
#include <string.h>

#include "util/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader r;
	struct error err;
	size_t total = 0;

	csv_reader_init(&r, (const char *)data, size);
	while (csv_next(&r, &err) == 1)
		for (int i = 0; i < r.count; i++)
			total += strlen(r.fields[i]);
	csv_reader_release(&r);
	return total == (size_t)-1;
}
