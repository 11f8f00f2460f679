/*
 * jscan.h - the low-level JSON scanning the CloudTrail reader is built on.
 *
 * Why not a DOM library (jansson) on this path: a DOM allocates a node for
 * every value of every record (a 1.5 KB CloudTrail record has ~60), then
 * frees them all; measured, that caps a core at well under 100 MB/s and its
 * memory grows with the largest document.  The detection rules read ~15
 * fields per record, so the reader instead scans each record once, decodes
 * only the fields some rule references, and skips everything else
 * (requestParameters, responseElements, tlsDetails...) by looking only at
 * quotes, backslashes and brackets: strings 16 bytes at a time with SSE2,
 * objects and arrays 64 bytes at a time (jskip.c).
 *
 * Contract of every scanner: `p` points into [start, js->end); on success
 * it returns the position after what it consumed; on failure NULL with
 * js->status JS_MORE (the input ended inside the value: the caller may
 * supply more bytes and restart) or JS_BAD (malformed: js->bad_at and
 * js->msg say where and what).
 *
 * Skipped values are checked for balanced, correctly nested brackets and
 * terminated strings, not for full JSON grammar: a record with garbage
 * inside a field no rule reads is not an error.  Extracted fields are fully
 * parsed.
 */
#ifndef ATTEST_DETECT_JSCAN_H
#define ATTEST_DETECT_JSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "util/buf.h"

enum js_status { JS_OK = 0, JS_MORE, JS_BAD };

struct jscan {
	const char *end;
	int status;
	const char *bad_at;
	const char *msg;
};

static inline const char *js_fail(struct jscan *js, const char *at,
				  const char *msg)
{
	js->status = JS_BAD;
	js->bad_at = at;
	js->msg = msg;
	return NULL;
}

static inline const char *js_more(struct jscan *js)
{
	js->status = JS_MORE;
	return NULL;
}

static inline const char *js_ws(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	return p;
}

/* p is just after an opening quote: returns the position of the closing
 * quote.  *esc becomes true when the string contains a backslash. */
static inline const char *js_string_end(struct jscan *js, const char *p,
					bool *esc)
{
	const char *end = js->end;

#if defined(__SSE2__)
	const __m128i q = _mm_set1_epi8('"');
	const __m128i bs = _mm_set1_epi8('\\');

	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(_mm_cmpeq_epi8(v, q), _mm_cmpeq_epi8(v, bs)));

		if (!m) {
			p += 16;
			continue;
		}
		p += __builtin_ctz(m);
		if (*p == '"')
			return p;
		*esc = true;
		if (end - p < 2)
			return js_more(js);
		p += 2;
	}
#endif
	while (p < end) {
		if (*p == '"')
			return p;
		if (*p == '\\') {
			*esc = true;
			if (end - p < 2)
				return js_more(js);
			p += 2;
			continue;
		}
		p++;
	}
	return js_more(js);
}

/* Skips one value starting at p (no leading white space).  depth_left
 * bounds nesting. */
const char *js_skip_value(struct jscan *js, const char *p, int depth_left);

/* How js_skip_container classifies bytes.  All give identical results
 * (tests/unit/test_detect_jscan.c); AUTO picks the fastest the CPU has
 * (AVX2, else SSE2, else BYTES: the scalar classifier is for testing). */
enum js_skip_impl {
	JS_SKIP_AUTO = 0,
	JS_SKIP_BYTES,   /* reference: one structural character at a time */
	JS_SKIP_SCALAR,  /* 64-byte blocks, portable classifier */
	JS_SKIP_SSE2,    /* 64-byte blocks, SSE2 (x86-64 baseline) */
	JS_SKIP_AVX2,    /* 64-byte blocks, AVX2 (checked at run time) */
};

/* Whether `impl` can run on this build and CPU. */
bool js_skip_impl_available(enum js_skip_impl impl);

/* Skips the object or array at p ('{' or '['), checking that brackets
 * balance and nest at most depth_left (capped at 64) levels. */
const char *js_skip_container(struct jscan *js, const char *p, int depth_left,
			      enum js_skip_impl impl);

/* p at '-' or a digit: end of a JSON number (strict grammar). */
const char *js_number_end(struct jscan *js, const char *p);

/* Decodes the body of a JSON string (between the quotes) into out,
 * resolving escapes including \uXXXX surrogate pairs (to UTF-8).  Returns
 * 0, ERR_INPUT with *bad the offending offset, or a buf error. */
int js_decode_string(const char *s, size_t n, struct buf *out, size_t *bad);

#endif
