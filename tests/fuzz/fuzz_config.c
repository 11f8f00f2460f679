/* fuzz_config.c - attest.yaml parsing (libyaml + our schema) on any bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "workspace/workspace.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config c;
	struct error err;
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	error_clear(&err);
	(void)config_parse("attest.yaml", text, size, &c, &err);
	free(text);
	return 0;
}
