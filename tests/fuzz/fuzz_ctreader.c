/*
 * fuzz_ctreader.c - libFuzzer harness for the streaming CloudTrail reader
 * (src/detect/ctreader.c, jscan.c, ctinput.c) with every built-in rule
 * evaluated on what it extracts.  The input is a file's content: JSON in
 * any accepted shape, or gzip.  Run twice: with the whole-buffer gzip path
 * and with the bounded zlib window.  Only crashes, leaks and sanitizer
 * reports are failures.
 */
#include <stdint.h>
#include <stdlib.h>

#include "detect/detect.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error err = {0};
	struct detect_ruleset *rs = NULL;

	if (detect_ruleset_new(&rs, &err) || detect_ruleset_add_builtin(rs, &err)) {
		detect_ruleset_free(rs);
		return 0;
	}
	for (size_t whole = 0; whole < 2; whole++) {
		struct detector *d = NULL;
		struct detect_results res;

		detect_results_init(&res);
		if (detector_new(&d, rs, NULL, whole ? 0 : 1, &err) == 0) {
			(void)detector_run_mem(d, "fuzz.json", data, size, &res,
					       &err);
			(void)detect_results_finish(&res, &err);
		}
		detect_results_release(&res);
		detector_free(d);
	}
	detect_ruleset_free(rs);
	return 0;
}
