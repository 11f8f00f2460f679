/*
 * detect.c - per-file rule evaluation, threshold windows and the ordering
 * of alerts (detect.h).  The per-record path evaluates every rule's
 * compiled pattern against the values the reader extracted; only matches
 * allocate.
 */
#include "detect/detect.h"

#include <stdlib.h>
#include <string.h>

#include "detect/prefilter.h"
#include "util/buf.h"
#include "util/text.h"

struct detector {
	const struct detect_ruleset *rs;
	struct detect_options opts;
	struct ct_reader *reader;
	struct prefilter *pf;
	struct detect_results *res;   /* while a file runs */
};

void detect_results_init(struct detect_results *res)
{
	memset(res, 0, sizeof(*res));
}

static void alert_release(struct detect_alert *a)
{
	free(a->event_time);
	free(a->event_id);
	free(a->event_name);
	free(a->event_source);
	free(a->principal);
	free(a->principal_type);
	free(a->source_ip);
	free(a->file);
	free(a->key);
}

void detect_results_release(struct detect_results *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->len; i++)
		alert_release(&res->alerts[i]);
	for (size_t i = 0; i < res->nhits; i++)
		alert_release(&res->hits[i]);
	for (size_t i = 0; i < res->nerrors; i++)
		free(res->errors[i].file);
	free(res->alerts);
	free(res->hits);
	free(res->errors);
	memset(res, 0, sizeof(*res));
}

static int reserve(void **v, size_t *cap, size_t len, size_t add, size_t size)
{
	size_t need, ncap, bytes;
	void *n;

	if (size_add(len, add, &need))
		return ERR_LIMIT;
	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 16;
	while (ncap < need)
		if (size_mul(ncap, 2, &ncap))
			return ERR_LIMIT;
	if (size_mul(ncap, size, &bytes))
		return ERR_LIMIT;
	n = realloc(*v, bytes);
	if (!n)
		return ERR_NOMEM;
	*v = n;
	*cap = ncap;
	return 0;
}

static char *dup_value(const struct jvalue *v)
{
	if (v->kind != JV_STRING && v->kind != JV_NUMBER)
		return text_dup("");
	return text_dup_n(v->str, v->len);
}

static const struct jvalue *principal_value(const struct jvalue *vals)
{
	static const int order[] = {CTF_USER_ARN, CTF_USER_NAME,
				    CTF_USER_PRINCIPAL_ID};

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
		if (vals[order[i]].kind == JV_STRING && vals[order[i]].len)
			return &vals[order[i]];
	return &vals[CTF_USER_ARN];
}

static int fill_alert(struct detect_alert *a, const struct detect_rule *rule,
		      const struct ct_record *rec, stamp_t t)
{
	const struct jvalue *v = rec->values;

	memset(a, 0, sizeof(*a));
	a->rule = rule;
	a->time = t;
	a->record = rec->index;
	a->count = 1;
	a->window_start = t;
	if (t != STAMP_NONE) {
		char text[STAMP_TEXT_SIZE];

		stamp_format(t, text);
		a->event_time = text_dup(text);
	} else {
		a->event_time = dup_value(&v[CTF_EVENT_TIME]);
	}
	a->event_id = dup_value(&v[CTF_EVENT_ID]);
	a->event_name = dup_value(&v[CTF_EVENT_NAME]);
	a->event_source = dup_value(&v[CTF_EVENT_SOURCE]);
	a->principal = dup_value(principal_value(v));
	a->principal_type = dup_value(&v[CTF_USER_TYPE]);
	a->source_ip = dup_value(&v[CTF_SOURCE_IP]);
	a->file = text_dup(rec->file);
	if (rule->threshold.count) {
		const struct jvalue *k = NULL;

		for (int i = 0; i < rule->threshold.nkeys && !k; i++) {
			const struct jvalue *c = &v[rule->threshold.key_field[i]];

			if (c->kind == JV_STRING || c->kind == JV_NUMBER)
				k = c;
		}
		a->key = k ? dup_value(k) : text_dup("");
		if (!a->key)
			goto nomem;
	}
	if (a->event_time && a->event_id && a->event_name && a->event_source &&
	    a->principal && a->principal_type && a->source_ip && a->file)
		return 0;
nomem:
	alert_release(a);
	return ERR_NOMEM;
}

static int on_record(void *ctx, const struct ct_record *rec, struct error *err)
{
	struct detector *d = ctx;
	const struct detect_ruleset *rs = d->rs;
	bool time_known = false;
	stamp_t t = STAMP_NONE;
	const uint32_t *cand;
	size_t ncand;

	if (d->opts.since != STAMP_NONE || d->opts.until != STAMP_NONE) {
		t = ct_record_time(rec);
		time_known = true;
		if (t == STAMP_NONE ||
		    (d->opts.since != STAMP_NONE && t < d->opts.since) ||
		    (d->opts.until != STAMP_NONE && t >= d->opts.until))
			return 0;
	}
	prefilter_candidates(d->pf, &rec->values[CTF_EVENT_NAME], &cand, &ncand);
	for (size_t i = 0; i < ncand; i++) {
		const struct detect_rule *rule = &rs->rules[cand[i]];
		struct detect_results *res = d->res;
		struct detect_alert *slot;
		int rc;

		if (!pattern_match(rule->pattern, rec->values) ||
		    (rule->exclude && pattern_match(rule->exclude, rec->values)))
			continue;
		if (!time_known) {
			t = ct_record_time(rec);
			time_known = true;
		}
		if (rule->threshold.count) {
			rc = reserve((void **)&res->hits, &res->hits_cap,
				     res->nhits, 1, sizeof(*res->hits));
			slot = rc ? NULL : &res->hits[res->nhits];
		} else {
			rc = reserve((void **)&res->alerts, &res->cap, res->len,
				     1, sizeof(*res->alerts));
			slot = rc ? NULL : &res->alerts[res->len];
		}
		if (!rc)
			rc = fill_alert(slot, rule, rec, t);
		if (rc)
			return error_set(err, rc, "cannot store alert: %s",
					 error_code_name(rc));
		if (rule->threshold.count)
			res->nhits++;
		else
			res->len++;
	}
	return 0;
}

int detector_new(struct detector **out, const struct detect_ruleset *rs,
		 const struct detect_options *opts, size_t gz_whole_max,
		 struct error *err)
{
	struct detector *d = calloc(1, sizeof(*d));
	int rc;

	*out = NULL;
	if (!d)
		return error_set(err, ERR_NOMEM, "out of memory");
	d->rs = rs;
	d->opts.since = opts ? opts->since : STAMP_NONE;
	d->opts.until = opts ? opts->until : STAMP_NONE;
	rc = ct_reader_new(&d->reader, &rs->fields, gz_whole_max, err);
	if (!rc)
		rc = prefilter_build(&d->pf, rs, err);
	if (rc) {
		ct_reader_free(d->reader);
		free(d);
		return rc;
	}
	*out = d;
	return 0;
}

void detector_free(struct detector *d)
{
	if (!d)
		return;
	ct_reader_free(d->reader);
	prefilter_free(d->pf);
	free(d);
}

int detector_run_file(struct detector *d, const char *path,
		      struct detect_results *res, struct error *err)
{
	int rc;

	d->res = res;
	rc = ct_reader_read_file(d->reader, path, on_record, d, &res->stats, err);
	d->res = NULL;
	return rc;
}

int detector_run_mem(struct detector *d, const char *name, const void *data,
		     size_t len, struct detect_results *res, struct error *err)
{
	int rc;

	d->res = res;
	rc = ct_reader_read_mem(d->reader, name, data, len, on_record, d,
				&res->stats, err);
	d->res = NULL;
	return rc;
}

int detect_results_add_error(struct detect_results *res,
			     const struct error *file_err, struct error *err)
{
	struct detect_file_error *e;

	if (reserve((void **)&res->errors, &res->errors_cap, res->nerrors, 1,
		    sizeof(*res->errors)))
		return error_set(err, ERR_NOMEM, "out of memory");
	e = &res->errors[res->nerrors];
	e->err = *file_err;
	e->file = text_dup(file_err->file);
	if (!e->file)
		return error_set(err, ERR_NOMEM, "out of memory");
	res->nerrors++;
	return 0;
}

static int append(void **dst, size_t *len, size_t *cap, void *src,
		  size_t n, size_t size)
{
	int rc = reserve(dst, cap, *len, n, size);

	if (rc)
		return rc;
	if (n)
		memcpy((char *)*dst + *len * size, src, n * size);
	*len += n;
	return 0;
}

int detect_results_merge(struct detect_results *dst,
			 struct detect_results *src, struct error *err)
{
	if (append((void **)&dst->alerts, &dst->len, &dst->cap, src->alerts,
		   src->len, sizeof(*src->alerts)) ||
	    append((void **)&dst->hits, &dst->nhits, &dst->hits_cap, src->hits,
		   src->nhits, sizeof(*src->hits)) ||
	    append((void **)&dst->errors, &dst->nerrors, &dst->errors_cap,
		   src->errors, src->nerrors, sizeof(*src->errors)))
		return error_set(err, ERR_NOMEM, "out of memory");
	dst->stats.files += src->stats.files;
	dst->stats.records += src->stats.records;
	dst->stats.skipped += src->stats.skipped;
	dst->stats.bytes += src->stats.bytes;
	free(src->alerts);
	free(src->hits);
	free(src->errors);
	memset(src, 0, sizeof(*src));
	return 0;
}
