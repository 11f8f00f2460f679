/*
 * fuzz_ctreader.c - libFuzzer harness for the streaming CloudTrail reader
 * (src/detect/ctreader.c, jscan.c, ctinput.c) with every built-in rule
 * evaluated on what it extracts.  The input is a file's content: JSON in
 * any accepted shape, or gzip.  Run twice: with the whole-buffer gzip path
 * and with the bounded zlib window.  Only crashes, leaks and sanitizer
 * reports are failures, and any difference between the container skipper's
 * implementations (jskip.c: byte-at-a-time reference, 64-byte blocks with
 * scalar, SSE2 and AVX2 classifiers), which aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "detect/detect.h"
#include "detect/jscan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Skips the container at the start of data with every implementation and
 * aborts unless all give the reference's result. */
static void skip_differential(const uint8_t *data, size_t size)
{
	static const enum js_skip_impl impls[] = {JS_SKIP_SCALAR, JS_SKIP_SSE2,
						  JS_SKIP_AVX2};
	const char *p = (const char *)data;
	struct jscan ref = {.end = p + size, .status = JS_OK};
	const char *want;

	if (!size || (p[0] != '{' && p[0] != '['))
		return;
	want = js_skip_container(&ref, p, 64, JS_SKIP_BYTES);
	for (size_t i = 0; i < sizeof(impls) / sizeof(impls[0]); i++) {
		struct jscan js = {.end = p + size, .status = JS_OK};
		const char *got;

		if (!js_skip_impl_available(impls[i]))
			continue;
		got = js_skip_container(&js, p, 64, impls[i]);
		if (got != want || (!got && (js.status != ref.status ||
					     (js.status == JS_BAD &&
					      (js.bad_at != ref.bad_at ||
					       strcmp(js.msg, ref.msg) != 0)))))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error err = {0};
	struct detect_ruleset *rs = NULL;

	skip_differential(data, size);
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
