/*
 * cttrie.c - the trie of the field table's paths that the CloudTrail
 * reader descends (ctinternal.h: struct ct_tnode).  Built once per reader;
 * the lookups are inline in ctreader.c, on the per-key hot path.
 */
#include "detect/ctinternal.h"

#include <stdlib.h>
#include <string.h>

static int trie_child(struct ct_reader *r, int parent,
		      const struct field_segment *seg, struct error *err)
{
	struct ct_tnode *n;
	int c;

	for (c = r->nodes[parent].first; c >= 0; c = r->nodes[c].next) {
		n = &r->nodes[c];
		if (seg->name ? (n->name && strcmp(n->name, seg->name) == 0)
			      : (!n->name && n->index == seg->index))
			return c;
	}
	c = r->nnodes++;
	n = &r->nodes[c];
	memset(n, 0, sizeof(*n));
	memset(n->head, 0xff, sizeof(n->head));
	n->name = seg->name;
	n->len = seg->len;
	if (seg->name) {
		memcpy(&n->prefix, seg->name, seg->len < 8 ? seg->len : 8);
		if (seg->len > 8)
			memcpy(&n->prefix2, seg->name + 8,
			       seg->len < 16 ? seg->len - 8 : 8);
	}
	n->index = seg->index;
	n->field = -1;
	n->first = -1;
	n->hnext = -1;
	n->next = r->nodes[parent].first;
	r->nodes[parent].first = c;
	if (seg->name) {
		unsigned h = ct_key_slot(n->prefix, n->len);

		r->nodes[parent].has_names = true;
		n->hnext = r->nodes[parent].head[h];
		r->nodes[parent].head[h] = (int16_t)c;
	} else {
		r->nodes[parent].has_indexes = true;
	}
	(void)err;
	return c;
}

int ct_trie_build(struct ct_reader *r, struct error *err)
{
	size_t max = 1;

	for (int f = 0; f < r->ft->count; f++)
		max += (size_t)r->ft->paths[f].nseg;
	r->nodes = calloc(max, sizeof(*r->nodes));
	if (!r->nodes)
		return error_set(err, ERR_NOMEM, "out of memory");
	r->nodes[0].field = -1;
	r->nodes[0].first = -1;
	r->nodes[0].next = -1;
	r->nodes[0].hnext = -1;
	memset(r->nodes[0].head, 0xff, sizeof(r->nodes[0].head));
	r->nnodes = 1;
	for (int f = 0; f < r->ft->count; f++) {
		const struct field_path *p = &r->ft->paths[f];
		int at = 0;

		for (int s = 0; s < p->nseg; s++)
			at = trie_child(r, at, &p->seg[s], err);
		r->nodes[at].field = f;
	}
	return 0;
}
