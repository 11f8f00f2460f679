/* session.c - loading an assessment's inputs from the store (session.h). */
#include "assess/session.h"

#include <string.h>

#include "store/store.h"
#include "store/store_assess.h"
#include "util/text.h"
#include "workspace/workspace.h"

static int load_evidence(struct assess_session *s, struct error *err)
{
	struct evidence_filter filter = {NULL, DAY_NONE};
	struct evidence_iter *it = NULL;
	struct evidence_entry e;
	bool done = false;
	int rc = store_evidence_iter(s->store, &filter, &it, err);

	evidence_entry_init(&e);
	while (!rc) {
		struct evidence_ref r;
		stamp_t t;

		rc = store_evidence_next(it, &e, &done, err);
		if (rc || done)
			break;
		memset(&r, 0, sizeof(r));
		r.id = e.id;
		text_copy(r.source, sizeof(r.source),
			  strcmp(e.kind, "manual") == 0 ? "manual" : e.source);
		text_copy(r.control, sizeof(r.control), e.control);
		text_copy(r.path, sizeof(r.path), e.path);
		text_copy(r.note, sizeof(r.note), e.note ? e.note : "");
		r.effective = stamp_parse(e.effective_at, &t) ? DAY_NONE : stamp_day(t);
		if (r.effective != DAY_NONE && evidence_index_add(&s->evidence, &r))
			rc = error_set(err, ERR_NOMEM, "out of memory");
		evidence_entry_release(&e);
		evidence_entry_init(&e);
	}
	evidence_entry_release(&e);
	store_evidence_iter_free(it);
	return rc;
}

int assess_session_open(struct assess_session *s, const struct workspace *ws,
			struct store *store, day_t as_of, struct error *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	s->ws = ws;
	s->store = store;
	s->as_of = as_of;
	evidence_index_init(&s->evidence);
	if ((rc = catalog_load(ws->root, &s->cat, err)))
		return rc;
	if (fact_source_store(store, &s->facts))
		return error_set(err, ERR_NOMEM, "out of memory");
	if ((rc = load_evidence(s, err)))
		return rc;
	if ((rc = checks_run(&ws->config, as_of, s->facts, NULL, NULL, &s->run, err)))
		return rc;
	return fact_source_get(s->facts, "policy", as_of, false, &s->policies, err);
}

void assess_session_close(struct assess_session *s)
{
	for (int i = 0; i < s->run_count; i++)
		check_run_release(&s->runs[i].run);
	check_run_release(&s->run);
	fact_source_free(s->facts);
	catalog_free(s->cat);
	evidence_index_release(&s->evidence);
	memset(s, 0, sizeof(*s));
}

int assess_session_run_at(void *arg, day_t day, const struct check_run **run,
			  struct error *err)
{
	struct assess_session *s = arg;
	int rc;

	if (day == s->as_of) {
		*run = &s->run;
		return 0;
	}
	for (int i = 0; i < s->run_count; i++)
		if (s->runs[i].day == day) {
			*run = &s->runs[i].run;
			return 0;
		}
	if (s->run_count == SESSION_RUNS)
		return error_set(err, ERR_LIMIT, "too many evaluation dates");
	rc = checks_run(&s->ws->config, day, s->facts, NULL, NULL,
			&s->runs[s->run_count].run, err);
	if (rc) {
		check_run_release(&s->runs[s->run_count].run);
		return rc;
	}
	s->runs[s->run_count].day = day;
	*run = &s->runs[s->run_count++].run;
	return 0;
}

int assess_session_assess(struct assess_session *s, struct assessment *out,
			  struct error *err)
{
	struct snapshot snap;
	int rc = assess_controls(s->cat, &s->ws->config, &s->run, &s->evidence,
				 s->policies, out, err);

	if (rc)
		return rc;
	if (snapshot_from_assessment(out, &s->run, &snap)) {
		snapshot_release(&snap);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	rc = store_snapshot_save(s->store, &snap, err);
	snapshot_release(&snap);
	return rc;
}
