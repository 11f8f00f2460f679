/*
 * fuzz_detect_pattern.c - libFuzzer harness for the CloudWatch Logs JSON
 * filter-pattern parser and evaluator (src/detect/pattern.c).  The input is
 * a pattern; when it compiles it is evaluated against a few fixed events
 * read through the CloudTrail reader.  Only crashes, leaks and sanitizer
 * reports are failures.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "detect/ctreader.h"
#include "detect/pattern.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char events[] =
	"{\"eventName\":\"ConsoleLogin\",\"errorCode\":\"AccessDenied\",\"n\":5,"
	"\"t\":true,\"nu\":null,\"a\":[1,[2,\"x\"],{\"b\":\"y\"}],"
	"\"userIdentity\":{\"type\":\"Root\"}}\n"
	"{\"Records\":[{\"eventSource\":\"kms.amazonaws.com\",\"f\":-1.5e3}]}\n";

static int on_record(void *ctx, const struct ct_record *rec, struct error *err)
{
	(void)err;
	(void)pattern_match(ctx, rec->values);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct field_table ft;
	struct error err = {0};
	struct pattern *p = NULL;
	struct ct_reader *r = NULL;
	struct ct_stats st = {0};
	char *text = malloc(size + 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (field_table_init(&ft, &err) == 0) {
		if (pattern_compile(&p, text, &ft, &err) == 0 &&
		    ct_reader_new(&r, &ft, 0, &err) == 0)
			(void)ct_reader_read_mem(r, "events", events,
						 sizeof(events) - 1, on_record, p,
						 &st, &err);
		ct_reader_free(r);
		pattern_free(p);
		field_table_release(&ft);
	}
	free(text);
	return 0;
}
