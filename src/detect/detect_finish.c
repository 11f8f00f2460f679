/*
 * detect_finish.c - the end of a detection run: threshold windows over the
 * collected hits (semantics in detect.h) and the one deterministic order of
 * alerts: eventTime, eventID, rule id, file, record.
 */
#include "detect/detect.h"

#include <stdlib.h>
#include <string.h>

static int cmp_stamp(stamp_t a, stamp_t b)
{
	return a < b ? -1 : a > b;
}

static int cmp_alert(const void *pa, const void *pb)
{
	const struct detect_alert *a = pa, *b = pb;
	int c;

	if ((c = cmp_stamp(a->time, b->time)))
		return c;
	if ((c = strcmp(a->event_id, b->event_id)))
		return c;
	if ((c = strcmp(a->rule->id, b->rule->id)))
		return c;
	if ((c = strcmp(a->file, b->file)))
		return c;
	return a->record < b->record ? -1 : a->record > b->record;
}

static int cmp_hit(const void *pa, const void *pb)
{
	const struct detect_alert *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->rule->id, b->rule->id)))
		return c;
	if ((c = strcmp(a->key, b->key)))
		return c;
	return cmp_alert(pa, pb);
}

static int cmp_error(const void *pa, const void *pb)
{
	const struct detect_file_error *a = pa, *b = pb;

	return strcmp(a->file, b->file);
}

static void release_hit(struct detect_alert *a)
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
	memset(a, 0, sizeof(*a));
}

static bool same_group(const struct detect_alert *a,
		       const struct detect_alert *b)
{
	return a->rule == b->rule && strcmp(a->key, b->key) == 0;
}

/* Windows over one (rule, key) group hits[g0..g1), sorted by time.  Hits
 * that raise an alert move into res->alerts; the others are released. */
static int window_group(struct detect_results *res, size_t g0, size_t g1)
{
	const struct detect_threshold *th = &res->hits[g0].rule->threshold;
	size_t front = g0;

	while (front < g1 && res->hits[front].time == STAMP_NONE)
		front++;
	for (size_t j = front; j < g1; j++) {
		struct detect_alert *h = &res->hits[j];

		while (h->time - res->hits[front].time > th->window_seconds)
			front++;
		if (j - front + 1 < th->count)
			continue;
		if (res->len == res->cap) {
			size_t ncap = res->cap ? res->cap * 2 : 16;
			struct detect_alert *n =
				realloc(res->alerts, ncap * sizeof(*n));

			if (!n)
				return ERR_NOMEM;
			res->alerts = n;
			res->cap = ncap;
		}
		h->count = (unsigned)(j - front + 1);
		h->window_start = res->hits[front].time;
		res->alerts[res->len++] = *h;
		memset(h, 0, sizeof(*h));
		front = j + 1;
	}
	for (size_t j = g0; j < g1; j++)
		if (res->hits[j].rule)
			release_hit(&res->hits[j]);
	return 0;
}

int detect_results_finish(struct detect_results *res, struct error *err)
{
	size_t g0 = 0;

	if (res->nhits)
		qsort(res->hits, res->nhits, sizeof(*res->hits), cmp_hit);
	while (g0 < res->nhits) {
		size_t g1 = g0 + 1;

		while (g1 < res->nhits && same_group(&res->hits[g0], &res->hits[g1]))
			g1++;
		if (window_group(res, g0, g1))
			return error_set(err, ERR_NOMEM, "out of memory");
		g0 = g1;
	}
	res->nhits = 0;
	if (res->len)
		qsort(res->alerts, res->len, sizeof(*res->alerts), cmp_alert);
	if (res->nerrors)
		qsort(res->errors, res->nerrors, sizeof(*res->errors), cmp_error);
	return 0;
}
