/*
 * store_evidence.c - backend-independent dispatch of the evidence and fact
 * operations of store.h (the part of the store interface issue 3 added).
 */
#include "store/store_backend.h"

#include <stdlib.h>
#include <string.h>

struct store_writer {
	const struct store_evidence_ops *ops;
	void *impl;
};

struct evidence_iter {
	const struct store_evidence_ops *ops;
	void *impl;
};

/* The backend's evidence table (NULL: the backend keeps no evidence). */
static const struct store_evidence_ops *ev_ops(struct store *s)
{
	return s->ops->evidence;
}

static int unsupported(struct store *s, struct error *err)
{
	return error_set(err, ERR_UNSUPPORTED,
			 "the %s store does not keep evidence", s->ops->name);
}

void evidence_entry_init(struct evidence_entry *e)
{
	memset(e, 0, sizeof(*e));
}

void evidence_entry_release(struct evidence_entry *e)
{
	if (!e)
		return;
	free(e->note);
	e->note = NULL;
}

int store_writer_open(struct store *s, struct store_writer **out,
		      struct error *err)
{
	const struct store_evidence_ops *ops = ev_ops(s);
	struct store_writer *w;
	int rc;

	*out = NULL;
	if (!ops)
		return unsupported(s, err);
	if (!s->in_transaction)
		return error_set(err, ERR_STORE,
				 "evidence is written inside a transaction only");
	if (!(w = calloc(1, sizeof(*w))))
		return error_set(err, ERR_NOMEM, "out of memory");
	w->ops = ops;
	if ((rc = ops->writer_open(s, &w->impl, err))) {
		free(w);
		return rc;
	}
	*out = w;
	return 0;
}

void store_writer_free(struct store_writer *w)
{
	if (!w)
		return;
	w->ops->writer_free(w->impl);
	free(w);
}

int store_writer_latest(struct store_writer *w, const char *path,
			struct evidence_entry *out, bool *found,
			struct error *err)
{
	return w->ops->writer_latest(w->impl, path, out, found, err);
}

int store_writer_add(struct store_writer *w, const struct evidence_entry *e,
		     const struct fact_list *facts, struct error *err)
{
	return w->ops->writer_add(w->impl, e, facts, err);
}

int store_evidence_last(struct store *s, struct evidence_entry *out,
			bool *found, struct error *err)
{
	const struct store_evidence_ops *ops = ev_ops(s);

	return ops ? ops->evidence_last(s, out, found, err) : unsupported(s, err);
}

int store_evidence_get(struct store *s, int64_t id, struct evidence_entry *out,
		       struct error *err)
{
	const struct store_evidence_ops *ops = ev_ops(s);

	return ops ? ops->evidence_get(s, id, out, err) : unsupported(s, err);
}

int store_evidence_iter(struct store *s, const struct evidence_filter *f,
			struct evidence_iter **out, struct error *err)
{
	const struct store_evidence_ops *ops = ev_ops(s);
	struct evidence_iter *it;
	int rc;

	*out = NULL;
	if (!ops)
		return unsupported(s, err);
	if (!(it = calloc(1, sizeof(*it))))
		return error_set(err, ERR_NOMEM, "out of memory");
	it->ops = ops;
	if ((rc = ops->evidence_iter(s, f, &it->impl, err))) {
		free(it);
		return rc;
	}
	*out = it;
	return 0;
}

int store_evidence_next(struct evidence_iter *it, struct evidence_entry *out,
			bool *done, struct error *err)
{
	return it->ops->evidence_next(it->impl, out, done, err);
}

void store_evidence_iter_free(struct evidence_iter *it)
{
	if (!it)
		return;
	it->ops->evidence_iter_free(it->impl);
	free(it);
}

int store_evidence_fact_counts(struct store *s, int64_t id, char ***kinds,
			       int64_t **counts, size_t *n, struct error *err)
{
	const struct store_evidence_ops *ops = ev_ops(s);

	return ops ? ops->evidence_fact_counts(s, id, kinds, counts, n, err)
		   : unsupported(s, err);
}

int store_evidence_counts(struct store *s, int64_t *entries, int64_t *facts,
			  struct error *err)
{
	const struct store_evidence_ops *ops = ev_ops(s);

	return ops ? ops->evidence_counts(s, entries, facts, err)
		   : unsupported(s, err);
}

int store_facts_as_of(struct store *s, const char *kind, day_t as_of,
		      struct fact_list *out, struct error *err)
{
	const struct store_evidence_ops *ops = ev_ops(s);

	return ops ? ops->facts_query(s, kind, as_of, false, out, err)
		   : unsupported(s, err);
}

int store_facts_all_versions(struct store *s, const char *kind, day_t as_of,
			     struct fact_list *out, struct error *err)
{
	const struct store_evidence_ops *ops = ev_ops(s);

	return ops ? ops->facts_query(s, kind, as_of, true, out, err)
		   : unsupported(s, err);
}
