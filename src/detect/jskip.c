/*
 * jskip.c - skipping a whole object or array 64 bytes at a time (jscan.h:
 * js_skip_container).
 *
 * Why hand-written SIMD here: most of a CloudTrail record is values no rule
 * reads (requestParameters, responseElements, tlsDetails, sessionContext),
 * and skipping them was ~30% of `attest detect`'s CPU with a loop that stops
 * at every quote and bracket.  Classifying 64 bytes at once into bit masks
 * (quotes, backslashes, openers, closers) turns "where do strings start and
 * end" into a few integer operations per block (simdjson's prefix-XOR
 * trick), so only the brackets outside strings are visited one by one.
 * Compilers do not vectorise this byte-class-to-bitmask step by themselves.
 *
 * Three classifiers fill the same masks: a portable scalar loop, SSE2
 * (baseline on x86-64) and AVX2 (chosen at run time with
 * __builtin_cpu_supports, never assumed).  Everything after classification
 * is shared, plain C.  Skipping a 4 MB S3 file as one value (CPU time, the
 * development VM): byte-at-a-time 850 MB/s, blocks with the scalar
 * classifier 400 MB/s, SSE2 3.4 GB/s, AVX2 4.2 GB/s.  So without SSE2 the
 * byte-at-a-time skipper is used; the scalar classifier exists so the block
 * logic is tested on every machine (tests/unit/test_detect_jscan.c).
 *
 * Exactly the results of the byte-at-a-time skipper (skip_bytes below, the
 * reference): the same end position, the same error and error position.
 * The one case the masks cannot model is a backslash outside any string
 * (invalid JSON: the reference ignores it, the masks would treat it as an
 * escape); it is detected and the container is re-skipped with the
 * reference.
 */
#include "detect/jscan.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define JS_HAVE_AVX2 1
#else
#define JS_HAVE_AVX2 0
#endif

/* ---- the reference: one structural character at a time -------------- */

/* Finds the next '"', '{', '}', '[' or ']' at or after p, or end.  Brackets
 * and braces differ from each other only in bit 0x20, so OR-ing 0x20 folds
 * them into two comparisons ('[' | 0x20 == '{', ']' | 0x20 == '}', and no
 * other byte folds onto those two). */
static inline const char *next_structural(const char *p, const char *end)
{
#if defined(__SSE2__)
	const __m128i q = _mm_set1_epi8('"');
	const __m128i open = _mm_set1_epi8('{');
	const __m128i close = _mm_set1_epi8('}');
	const __m128i bit = _mm_set1_epi8(0x20);

	while (end - p >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
		__m128i f = _mm_or_si128(v, bit);
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			_mm_cmpeq_epi8(v, q),
			_mm_or_si128(_mm_cmpeq_epi8(f, open),
				     _mm_cmpeq_epi8(f, close))));

		if (m)
			return p + __builtin_ctz(m);
		p += 16;
	}
#endif
	while (p < end && *p != '"' && (*p | 0x20) != '{' && (*p | 0x20) != '}')
		p++;
	return p;
}

/* The container at p ('{' or '['); at most depth_left (<= 64) levels. */
static const char *skip_bytes(struct jscan *js, const char *p, int depth_left)
{
	uint64_t kinds = 0;  /* bit d set: level d is an object */
	int depth = 0;
	const char *end = js->end;

	for (;;) {
		char c;

		p = next_structural(p, end);
		if (p >= end)
			return js_more(js);
		c = *p;
		if (c == '"') {
			bool esc = false;

			p = js_string_end(js, p + 1, &esc);
			if (!p)
				return NULL;
			p++;
			continue;
		}
		if (c == '{' || c == '[') {
			if (depth >= depth_left)
				return js_fail(js, p, "nesting too deep");
			if (c == '{')
				kinds |= (uint64_t)1 << depth;
			else
				kinds &= ~((uint64_t)1 << depth);
			depth++;
			p++;
			continue;
		}
		if (depth == 0)
			return js_fail(js, p, "unbalanced bracket");
		depth--;
		if (((kinds >> depth) & 1) != (c == '}'))
			return js_fail(js, p, "mismatched bracket");
		p++;
		if (depth == 0)
			return p;
	}
}

/* ---- classifiers: 64 bytes -> one bit per byte and class ------------- */

struct blockmask {
	uint64_t quote, bs, brackets;  /* brackets: any of { } [ ] */
};

static inline void classify_scalar(const char *b, struct blockmask *m)
{
	uint64_t q = 0, s = 0, br = 0;

	for (int i = 0; i < 64; i++) {
		uint64_t bit = (uint64_t)1 << i;

		switch (b[i]) {
		case '"':
			q |= bit;
			break;
		case '\\':
			s |= bit;
			break;
		case '{': case '}': case '[': case ']':
			br |= bit;
			break;
		default:
			break;
		}
	}
	m->quote = q;
	m->bs = s;
	m->brackets = br;
}

#if defined(__SSE2__)
static inline void classify_sse2(const char *b, struct blockmask *m)
{
	const __m128i q = _mm_set1_epi8('"');
	const __m128i bs = _mm_set1_epi8('\\');
	const __m128i open = _mm_set1_epi8('{');
	const __m128i close = _mm_set1_epi8('}');
	const __m128i bit = _mm_set1_epi8(0x20);

	m->quote = m->bs = m->brackets = 0;
	for (int i = 0; i < 4; i++) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(b + 16 * i));
		__m128i f = _mm_or_si128(v, bit);
		__m128i br = _mm_or_si128(_mm_cmpeq_epi8(f, open),
					  _mm_cmpeq_epi8(f, close));

		m->quote |= (uint64_t)(unsigned)_mm_movemask_epi8(
				    _mm_cmpeq_epi8(v, q)) << (16 * i);
		m->bs |= (uint64_t)(unsigned)_mm_movemask_epi8(
				 _mm_cmpeq_epi8(v, bs)) << (16 * i);
		m->brackets |= (uint64_t)(unsigned)_mm_movemask_epi8(br)
			       << (16 * i);
	}
}
#endif

#if JS_HAVE_AVX2
__attribute__((target("avx2"))) static inline void
classify_avx2(const char *b, struct blockmask *m)
{
	const __m256i q = _mm256_set1_epi8('"');
	const __m256i bs = _mm256_set1_epi8('\\');
	const __m256i open = _mm256_set1_epi8('{');
	const __m256i close = _mm256_set1_epi8('}');
	const __m256i bit = _mm256_set1_epi8(0x20);

	m->quote = m->bs = m->brackets = 0;
	for (int i = 0; i < 2; i++) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(b + 32 * i));
		__m256i f = _mm256_or_si256(v, bit);
		__m256i br = _mm256_or_si256(_mm256_cmpeq_epi8(f, open),
					     _mm256_cmpeq_epi8(f, close));

		m->quote |= (uint64_t)(uint32_t)_mm256_movemask_epi8(
				    _mm256_cmpeq_epi8(v, q)) << (32 * i);
		m->bs |= (uint64_t)(uint32_t)_mm256_movemask_epi8(
				 _mm256_cmpeq_epi8(v, bs)) << (32 * i);
		m->brackets |= (uint64_t)(uint32_t)_mm256_movemask_epi8(br)
			       << (32 * i);
	}
}
#endif

/* ---- the shared block logic ------------------------------------------ */

/* Bits of the characters a backslash escapes.  *carry (0 or 1) says the
 * first byte of this block is escaped, and becomes whether the first byte
 * of the next one is.  Loops once per escaping backslash: CloudTrail has
 * few, so this is cheaper than the branch-free carry arithmetic and
 * obviously right. */
static inline uint64_t escaped_bits(uint64_t bs, uint64_t *carry)
{
	uint64_t esc = *carry, b = bs & ~*carry;

	*carry = 0;
	while (b) {
		uint64_t low = b & (~b + 1);  /* an escaping backslash */

		if (low >> 63) {
			*carry = 1;
			break;
		}
		esc |= low << 1;
		b &= ~(low | (low << 1));
	}
	return esc;
}

/* Bit i set when an odd number of bits at or below i are set in x: the
 * bytes from an opening quote up to (not including) its closing quote. */
static inline uint64_t prefix_xor(uint64_t x)
{
	x ^= x << 1;
	x ^= x << 2;
	x ^= x << 4;
	x ^= x << 8;
	x ^= x << 16;
	x ^= x << 32;
	return x;
}

struct skipstate {
	uint64_t kinds;   /* bit d set: level d is an object */
	uint64_t in_str;  /* all ones when the previous block ended in a string */
	uint64_t carry;   /* the next block's first byte is escaped */
	int depth, depth_left;
	bool fallback;    /* a backslash outside strings: use skip_bytes */
};

/* Visits the brackets outside strings of one block b (at input position
 * p): returns the position after the container, or NULL with *done false
 * to go on, or NULL with *done true on an error (js set). */
__attribute__((always_inline)) static inline const char *
block_step(struct jscan *js, struct skipstate *s, const char *b, const char *p,
	   const struct blockmask *m, bool *done)
{
	uint64_t quote = m->quote, inside, br;

	if (m->bs | s->carry)
		quote &= ~escaped_bits(m->bs, &s->carry);
	inside = prefix_xor(quote) ^ s->in_str;
	if (m->bs & ~inside) {
		s->fallback = true;
		*done = true;
		return NULL;
	}
	s->in_str = 0 - (inside >> 63);
	br = m->brackets & ~inside;
	while (br) {
		int i = __builtin_ctzll(br);
		char c = b[i];

		br &= br - 1;
		if (c == '{' || c == '[') {
			if (s->depth >= s->depth_left) {
				*done = true;
				return js_fail(js, p + i, "nesting too deep");
			}
			if (c == '{')
				s->kinds |= (uint64_t)1 << s->depth;
			else
				s->kinds &= ~((uint64_t)1 << s->depth);
			s->depth++;
			continue;
		}
		*done = true;
		if (s->depth == 0)
			return js_fail(js, p + i, "unbalanced bracket");
		s->depth--;
		if (((s->kinds >> s->depth) & 1) != (c == '}'))
			return js_fail(js, p + i, "mismatched bracket");
		if (s->depth == 0)
			return p + i + 1;
		*done = false;
	}
	return NULL;
}

/* The block loop, instantiated once per classifier (always inlined, so
 * the AVX2 copy is compiled for AVX2 as a whole).  The last partial block
 * is copied into a buffer padded with spaces, which belong to no class:
 * nothing is read past js->end. */
#define SKIP_BLOCKS(classify)                                                \
	do {                                                                 \
		const char *end = js->end;                                   \
		char tail[64];                                               \
                                                                             \
		while (p < end) {                                            \
			struct blockmask m;                                  \
			const char *b = p, *r;                               \
			bool done = false;                                   \
			size_t n = 64;                                       \
                                                                             \
			if (end - p < 64) {                                  \
				n = (size_t)(end - p);                       \
				memset(tail, ' ', sizeof(tail));             \
				memcpy(tail, p, n);                          \
				b = tail;                                    \
			}                                                    \
			classify(b, &m);                                     \
			r = block_step(js, s, b, p, &m, &done);              \
			if (done)                                            \
				return r;                                    \
			p += n;                                              \
		}                                                            \
		return js_more(js);                                          \
	} while (0)

static const char *skip_scalar(struct jscan *js, struct skipstate *s,
			       const char *p)
{
	SKIP_BLOCKS(classify_scalar);
}

#if defined(__SSE2__)
static const char *skip_sse2(struct jscan *js, struct skipstate *s,
			     const char *p)
{
	SKIP_BLOCKS(classify_sse2);
}
#endif

#if JS_HAVE_AVX2
__attribute__((target("avx2"))) static const char *
skip_avx2(struct jscan *js, struct skipstate *s, const char *p)
{
	SKIP_BLOCKS(classify_avx2);
}
#endif

bool js_skip_impl_available(enum js_skip_impl impl)
{
	switch (impl) {
	case JS_SKIP_AUTO:
	case JS_SKIP_BYTES:
	case JS_SKIP_SCALAR:
		return true;
	case JS_SKIP_SSE2:
#if defined(__SSE2__)
		return true;
#else
		return false;
#endif
	case JS_SKIP_AVX2:
#if JS_HAVE_AVX2
		return __builtin_cpu_supports("avx2");
#else
		return false;
#endif
	}
	return false;
}

const char *js_skip_container(struct jscan *js, const char *p, int depth_left,
			      enum js_skip_impl impl)
{
	struct skipstate s = {.depth_left = depth_left > 64 ? 64 : depth_left};
	const char *r;

	if (impl == JS_SKIP_AUTO)
		impl = js_skip_impl_available(JS_SKIP_AVX2)   ? JS_SKIP_AVX2
		       : js_skip_impl_available(JS_SKIP_SSE2) ? JS_SKIP_SSE2
							      : JS_SKIP_BYTES;
	switch (impl) {
#if JS_HAVE_AVX2
	case JS_SKIP_AVX2:
		r = skip_avx2(js, &s, p);
		break;
#endif
#if defined(__SSE2__)
	case JS_SKIP_SSE2:
		r = skip_sse2(js, &s, p);
		break;
#endif
	case JS_SKIP_SCALAR:
		r = skip_scalar(js, &s, p);
		break;
	default:
		return skip_bytes(js, p, s.depth_left);
	}
	if (s.fallback) {
		js->status = JS_OK;
		return skip_bytes(js, p, s.depth_left);
	}
	return r;
}
