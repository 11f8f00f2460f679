/*
 * ctinternal.h - shared between the CloudTrail reader's parts (ctreader.c:
 * record extraction and shapes; ctinput.c: files, gzip, the window).  Not
 * for use outside src/detect/ct*.c.
 */
#ifndef ATTEST_DETECT_CTINTERNAL_H
#define ATTEST_DETECT_CTINTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <zlib.h>

#include "detect/ctreader.h"
#include "util/buf.h"

#define CT_WINDOW_INITIAL ((size_t)2 << 20)
#define CT_READ_CHUNK ((size_t)1 << 20)
#define CT_ZIN_CHUNK ((size_t)256 << 10)

/* One node of the trie built from the field table's paths.  Named
 * children are found through `head`, a 64-slot hash table on the key's
 * first 8 bytes and length (ct_key_slot): a record has ~40 keys and most
 * either miss at once or match on the first candidate, where walking the
 * sibling list cost ~15% of the CPU. */
#define CT_SLOTS 64

struct ct_tnode {
	const char *name;   /* NULL: an array-index step */
	uint64_t prefix;    /* first (up to) 8 bytes of name, zero-padded */
	uint64_t prefix2;   /* bytes 8..15 of name, zero-padded */
	uint32_t len;
	uint32_t index;
	int field;          /* field id ending here, or -1 */
	int first, next;    /* children, sibling */
	int hnext;          /* next named sibling in the same slot, or -1 */
	bool has_names, has_indexes;
	int16_t head[CT_SLOTS];  /* first named child per slot, or -1 */
};

/* The first (up to) 8 bytes of a key, zero-padded, as one word.  `end`
 * bounds what may be read: inside the input, a whole word can be loaded
 * and masked (little-endian), instead of a variable-length copy. */
static inline uint64_t ct_key_prefix(const char *k, size_t n, const char *end)
{
	uint64_t w = 0;

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (end - k >= 8) {
		memcpy(&w, k, 8);
		if (n < 8)
			w &= ((uint64_t)1 << (8 * n)) - 1;
		return w;
	}
#endif
	(void)end;
	memcpy(&w, k, n < 8 ? n : 8);
	return w;
}

static inline unsigned ct_key_slot(uint64_t prefix, size_t n)
{
	return (unsigned)(((prefix ^ (uint64_t)n) * 0x9E3779B97F4A7C15ull) >> 58);
}

struct ct_reader {
	const struct field_table *ft;
	struct ct_tnode *nodes;
	int nnodes;
	struct jvalue *vals;
	uint32_t *soff;            /* scratch offsets of decoded strings */
	int fix[FIELD_MAX];        /* field ids whose str is in scratch */
	int nfix;
	struct buf scratch;        /* decoded strings of the current record */
	struct buf evbuf;          /* a decoded CloudTrailEvent string */
	struct buf keybuf;         /* a decoded property name with escapes */
	char *win;                 /* streaming window */
	size_t win_cap;
	unsigned char *zbuf;       /* whole compressed file */
	size_t zbuf_cap;
	char *obuf;                /* whole inflated file */
	size_t obuf_cap;
	unsigned char *zin;        /* zlib input chunk */
	struct libdeflate_decompressor *dd;
	size_t gz_whole_max;
};

/* The bytes the record parser sees: data[0..len), consumed up to pos.
 * fill() (NULL when everything is already in data) moves the unconsumed
 * tail to the front and appends more; it sets eof at the end. */
struct ct_input {
	const char *data;
	size_t len, pos;
	bool eof;
	uint64_t base;             /* stream offset of data[0] */
	int (*fill)(struct ct_input *in, struct error *err);
	struct ct_reader *r;
	int fd;
	const unsigned char *mem;  /* compressed bytes streamed from memory */
	size_t mem_len, mem_pos;
	z_stream z;
	bool z_live, z_end, gz;
};

/* Builds r->nodes from r->ft (cttrie.c). */
int ct_trie_build(struct ct_reader *r, struct error *err);

int ct_input_open_file(struct ct_input *in, struct ct_reader *r,
		       const char *path, struct error *err);
int ct_input_open_mem(struct ct_input *in, struct ct_reader *r,
		      const void *data, size_t len, struct error *err);
void ct_input_close(struct ct_input *in);

#endif
