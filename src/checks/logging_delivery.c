/*
 * logging_delivery.c - logging.delivery-gap (control LM-07;
 * docs/checks/logging.md): days on which CloudTrail delivered no log file
 * for an account and region that it delivers for.
 *
 * Each imported log file is its own evidence, so the whole history up to
 * as_of is read (check_fact_history), not one snapshot.  A day counts as
 * delivered when any file's key carries that date (the delivery date of the
 * S3 key, not the events' times: a file delivered just after midnight
 * holds the end of the day before, and still shows the trail was
 * delivering).  The days judged are those of the audit window up to as_of;
 * with no window, from the first delivered day of that account and region
 * up to as_of.  One finding per run of consecutive missing days.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "util/buf.h"

struct delivery {
	const char *account;   /* "aws:<acct>" */
	const char *region;
	day_t day;
	const struct fact *fact;
};

static int compare_delivery(const void *a, const void *b)
{
	const struct delivery *x = a, *y = b;
	int c = strcmp(x->account, y->account);

	if (!c)
		c = strcmp(x->region, y->region);
	if (!c)
		c = x->day < y->day ? -1 : x->day > y->day;
	return c;
}

/* Also by evidence, so the file kept for a day does not depend on the
 * order facts arrive in. */
static int compare_delivery_file(const void *a, const void *b)
{
	const struct delivery *x = a, *y = b;
	int c = compare_delivery(a, b);

	return c ? c : strcmp(x->fact->digest, y->fact->digest);
}

static int report_gap(struct check_context *ctx, const struct delivery *group, size_t n,
		      size_t next, day_t from, day_t to)
{
	char a[DATE_TEXT_SIZE], b[DATE_TEXT_SIZE];
	struct buf subject = BUF_INIT;
	/* the deliveries either side of the gap show where it starts and ends */
	const struct fact *ev[2] = {next > 0 ? group[next - 1].fact : NULL,
				    next < n ? group[next].fact : NULL};
	long days = (long)to - (long)from + 1;
	int rc;

	date_format(from, a);
	date_format(to, b);
	rc = buf_printf(&subject, "%s %s", group[0].account, group[0].region);
	if (!rc && from == to)
		rc = check_report(ctx, buf_cstr(&subject), group[0].account, ev, 2,
				  "no CloudTrail log files delivered on %s (1 day)", a);
	else if (!rc)
		rc = check_report(ctx, buf_cstr(&subject), group[0].account, ev, 2,
				  "no CloudTrail log files delivered %s to %s (%ld days)", a, b,
				  days);
	buf_release(&subject);
	return rc;
}

/* Walks the days of one account and region, sorted and without repeats. */
static int judge_group(struct check_context *ctx, const struct delivery *group, size_t n)
{
	const struct config *c = ctx->config;
	day_t start = c->window_start != DAY_NONE ? c->window_start : group[0].day;
	day_t end = ctx->as_of;
	size_t next = 0;
	int rc = 0;

	if (c->window_end != DAY_NONE && c->window_end < end)
		end = c->window_end;
	while (next < n && group[next].day < start)
		next++;
	for (day_t day = start; day <= end && !rc;) {
		day_t stop;

		if (next < n && group[next].day == day) {
			day++;
			next++;
			continue;
		}
		stop = next < n && group[next].day - 1 < end ? group[next].day - 1 : end;
		rc = report_gap(ctx, group, n, next, day, stop);
		day = stop + 1;
	}
	return rc;
}

static void collect(const struct fact_list *facts, struct delivery *d, size_t *n)
{
	*n = 0;
	for (size_t i = 0; i < facts->count; i++) {
		const struct fact *f = &facts->items[i];
		const char *system = fact_str(f, "system"), *region = fact_str(f, "region");
		day_t day = fact_day(f, "date");

		if (!system || !region || day == DAY_NONE)
			continue;
		d[(*n)++] = (struct delivery){system, region, day, f};
	}
	qsort(d, *n, sizeof(*d), compare_delivery_file);
	/* one entry per (account, region, day): the first file of the day */
	{
		size_t w = 0;

		for (size_t i = 0; i < *n; i++)
			if (w == 0 || compare_delivery(&d[w - 1], &d[i]) != 0)
				d[w++] = d[i];
		*n = w;
	}
}

static int run_delivery_gap(struct check_context *ctx, struct error *err)
{
	const struct fact_list *facts;
	struct delivery *d;
	size_t n;
	int rc;

	if ((rc = check_fact_history(ctx, "cloudtrail_delivery", &facts, err)))
		return rc;
	d = calloc(facts->count + 1, sizeof(*d));
	if (!d)
		return error_set(err, ERR_NOMEM, "out of memory");
	collect(facts, d, &n);
	for (size_t i = 0; i < n && !rc;) {
		size_t j = i;

		while (j < n && strcmp(d[j].account, d[i].account) == 0 &&
		       strcmp(d[j].region, d[i].region) == 0)
			j++;
		rc = judge_group(ctx, d + i, j - i);
		i = j;
	}
	free(d);
	return rc ? error_set(err, rc, "out of memory") : 0;
}

const struct check check_logging_delivery_gap = {
	.id = "logging.delivery-gap",
	.title = "CloudTrail log files delivered every day of the audit window",
	.controls = {"LM-07"},
	.criteria = {"CC7.2", "CC4.1"},
	.hipaa = {"164.312(b)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"aws.cloudtrail-logs"},
	.reads = "cloudtrail_delivery (every imported log file up to as_of)",
	.fix = "Find out why the trail stopped delivering for those days (trail "
	       "stopped, bucket policy or KMS key changed, region disabled), "
	       "restore delivery, record the gap with its cause, and alert on "
	       "delivery failures (trail status LatestDeliveryError).",
	.run = run_delivery_gap,
};
