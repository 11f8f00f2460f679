/* prefilter.c - eventName index over the rules (prefilter.h). */
#include "detect/prefilter.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"

struct pf_entry {
	char *name;          /* NULL: empty slot */
	uint32_t len;
	uint32_t off, n;     /* candidates in pf->idx */
};

struct prefilter {
	struct pf_entry *slots;
	size_t mask;
	uint32_t *idx;       /* candidate lists, back to back */
	size_t nidx, cap_idx;
	uint32_t always_off, always_n;
	int rc;
};

static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static struct pf_entry *slot_for(const struct prefilter *pf, const char *s,
				 size_t n)
{
	size_t i = (size_t)hash(s, n) & pf->mask;

	while (pf->slots[i].name &&
	       !(pf->slots[i].len == n && memcmp(pf->slots[i].name, s, n) == 0))
		i = (i + 1) & pf->mask;
	return &pf->slots[i];
}

static void push_idx(struct prefilter *pf, uint32_t v)
{
	if (pf->rc)
		return;
	if (pf->nidx == pf->cap_idx) {
		size_t ncap = pf->cap_idx ? pf->cap_idx * 2 : 256;
		uint32_t *n = realloc(pf->idx, ncap * sizeof(*n));

		if (!n) {
			pf->rc = ERR_NOMEM;
			return;
		}
		pf->idx = n;
		pf->cap_idx = ncap;
	}
	pf->idx[pf->nidx++] = v;
}

struct collect {
	struct prefilter *pf;
	bool counting;   /* first pass: only count the names */
	size_t count;
};

/* Creates one slot per distinct name (candidate lists come later). */
static void add_name(void *ctx, const char *s, size_t n)
{
	struct collect *c = ctx;
	struct pf_entry *e;

	if (c->counting) {
		c->count++;
		return;
	}
	e = slot_for(c->pf, s, n);
	if (!e->name) {
		e->name = text_dup_n(s, n);
		e->len = (uint32_t)n;
		if (!e->name)
			c->pf->rc = ERR_NOMEM;
	}
}

struct match_ctx {
	const char *s;
	size_t n;
	bool hit;
};

static void match_name(void *ctx, const char *s, size_t n)
{
	struct match_ctx *m = ctx;

	if (m->n == n && memcmp(m->s, s, n) == 0)
		m->hit = true;
}

static int build_lists(struct prefilter *pf, const struct detect_ruleset *rs,
		       const bool *indexed)
{
	pf->always_off = (uint32_t)pf->nidx;
	for (size_t r = 0; r < rs->len; r++)
		if (!indexed[r])
			push_idx(pf, (uint32_t)r);
	pf->always_n = (uint32_t)(pf->nidx - pf->always_off);
	for (size_t i = 0; i <= pf->mask; i++) {
		struct pf_entry *e = &pf->slots[i];

		if (!e->name)
			continue;
		e->off = (uint32_t)pf->nidx;
		for (size_t r = 0; r < rs->len; r++) {
			struct match_ctx m = {e->name, e->len, false};

			if (indexed[r])
				pattern_required_strings(rs->rules[r].pattern,
							 CTF_EVENT_NAME, match_name,
							 &m);
			if (!indexed[r] || m.hit)
				push_idx(pf, (uint32_t)r);
		}
		e->n = (uint32_t)(pf->nidx - e->off);
	}
	return pf->rc;
}

int prefilter_build(struct prefilter **out, const struct detect_ruleset *rs,
		    struct error *err)
{
	struct prefilter *pf = calloc(1, sizeof(*pf));
	bool *indexed = calloc(rs->len + 1, sizeof(*indexed));
	struct collect c = {pf, true, 0};
	size_t size = 16;
	int rc;

	*out = NULL;
	if (!pf || !indexed)
		goto nomem;
	for (size_t r = 0; r < rs->len; r++)
		indexed[r] = pattern_required_strings(rs->rules[r].pattern,
						      CTF_EVENT_NAME, add_name, &c);
	while (size < c.count * 2 + 16)
		size *= 2;
	pf->slots = calloc(size, sizeof(*pf->slots));
	if (!pf->slots)
		goto nomem;
	pf->mask = size - 1;
	c.counting = false;
	for (size_t r = 0; r < rs->len; r++)
		if (indexed[r])
			pattern_required_strings(rs->rules[r].pattern,
						 CTF_EVENT_NAME, add_name, &c);
	rc = pf->rc ? pf->rc : build_lists(pf, rs, indexed);
	free(indexed);
	if (rc) {
		prefilter_free(pf);
		return error_set(err, rc, "out of memory");
	}
	*out = pf;
	return 0;
nomem:
	free(indexed);
	prefilter_free(pf);
	return error_set(err, ERR_NOMEM, "out of memory");
}

void prefilter_free(struct prefilter *pf)
{
	if (!pf)
		return;
	if (pf->slots)
		for (size_t i = 0; i <= pf->mask; i++)
			free(pf->slots[i].name);
	free(pf->slots);
	free(pf->idx);
	free(pf);
}

void prefilter_candidates(const struct prefilter *pf, const struct jvalue *name,
			  const uint32_t **idx, size_t *n)
{
	if (name->kind == JV_STRING) {
		const struct pf_entry *e = slot_for(pf, name->str, name->len);

		if (e->name) {
			*idx = pf->idx + e->off;
			*n = e->n;
			return;
		}
	}
	*idx = pf->idx + pf->always_off;
	*n = pf->always_n;
}
