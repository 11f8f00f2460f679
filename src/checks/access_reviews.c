/*
 * access_reviews.c - access.review-missing and access.review-revoke-not-done
 * (control AC-05; docs/checks/access.md).
 *
 * Reviews are registers/access-reviews/<review>.csv rows (`access_review` facts,
 * one per account reviewed).  Which accounts a system had on a past day is
 * rebuilt from the account history (access_snapshot_of), since the facts
 * as of the date only say what is true now.
 */
#include "checks/access.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

#define NOMEM(err) error_set((err), ERR_NOMEM, "out of memory")

/* ---- review periods ---- */

/* A review period: a calendar quarter (interval <= 92 days), half-year
 * (<= 184) or year. */
struct period {
	day_t start, end;
	char label[32];           /* "2026-Q2", "2026-H1", "2026" */
};

static int period_months(const struct config *c)
{
	if (c->access_review_interval_days <= 92)
		return 3;
	return c->access_review_interval_days <= 184 ? 6 : 12;
}

static void period_of(day_t day, int months, struct period *p)
{
	int y, m, d, first, next_y, next_m;

	civil_from_days(day, &y, &m, &d);
	first = (m - 1) / months * months + 1;
	next_m = first + months;
	next_y = y;
	if (next_m > 12) {
		next_m -= 12;
		next_y++;
	}
	p->start = days_from_civil(y, first, 1);
	p->end = days_from_civil(next_y, next_m, 1) - 1;
	if (months == 3)
		snprintf(p->label, sizeof(p->label), "%04d-Q%d", y, (first - 1) / 3 + 1);
	else if (months == 6)
		snprintf(p->label, sizeof(p->label), "%04d-H%d", y, (first - 1) / 6 + 1);
	else
		snprintf(p->label, sizeof(p->label), "%04d", y);
}

#define PERIOD_MAX 64

/* The periods to judge: those intersecting the audit window that have
 * ended by the date; without a window, the latest period ended by then. */
static size_t review_periods(const struct check_context *ctx, struct period *out)
{
	const struct config *c = ctx->config;
	int months = period_months(c);
	day_t from = c->window_start, to = c->window_end;
	struct period p;
	size_t n = 0;

	if (from == DAY_NONE) {
		period_of(ctx->as_of, months, &out[0]);
		if (out[0].end > ctx->as_of)
			period_of(out[0].start - 1, months, &out[0]);
		return 1;
	}
	if (to == DAY_NONE || to > ctx->as_of)
		to = ctx->as_of;
	for (day_t day = from; day <= to && n < PERIOD_MAX; day = p.end + 1) {
		period_of(day, months, &p);
		if (p.end <= ctx->as_of)
			out[n++] = p;
	}
	return n;
}

/* ---- systems ---- */

struct system_seen {
	const char *name;     /* borrowed from a fact */
	day_t first;          /* earliest snapshot day; DAY_NONE = none dated */
	bool undated;
};

static int systems_of(const struct fact_list *history, struct system_seen **out,
		      size_t *count)
{
	struct system_seen *s = calloc(history->count ? history->count : 1, sizeof(*s));
	size_t n = 0;

	if (!s)
		return ERR_NOMEM;
	for (size_t i = 0; i < history->count; i++) {
		const struct fact *f = &history->items[i];
		const char *name = fact_str(f, "system");
		size_t j;

		if (!name)
			continue;
		for (j = 0; j < n && !text_equal_nocase(s[j].name, name); j++)
			;
		if (j == n) {
			s[n].name = name;
			s[n].first = DAY_NONE;
			n++;
		}
		if (f->effective == DAY_NONE)
			s[j].undated = true;
		else if (s[j].first == DAY_NONE || f->effective < s[j].first)
			s[j].first = f->effective;
	}
	*out = s;
	*count = n;
	return 0;
}

/* ---- uncovered accounts, one finding per (system, account) ---- */

struct uncovered {
	const char *system, *account;   /* borrowed */
	struct buf detail;
	struct access_facts ev;
};

struct uncovered_list {
	struct uncovered *items;
	size_t count, cap;
};

static struct uncovered *uncovered_get(struct uncovered_list *l, const char *system,
				       const char *account)
{
	for (size_t i = 0; i < l->count; i++)
		if (text_equal_nocase(l->items[i].system, system) &&
		    text_equal_nocase(l->items[i].account, account))
			return &l->items[i];
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct uncovered *p = realloc(l->items, cap * sizeof(*p));

		if (!p)
			return NULL;
		l->items = p;
		l->cap = cap;
	}
	memset(&l->items[l->count], 0, sizeof(l->items[0]));
	l->items[l->count].system = system;
	l->items[l->count].account = account;
	buf_init(&l->items[l->count].detail, 0);
	return &l->items[l->count++];
}

static void uncovered_release(struct uncovered_list *l)
{
	for (size_t i = 0; i < l->count; i++) {
		buf_release(&l->items[i].detail);
		access_facts_release(&l->items[i].ev);
	}
	free(l->items);
}

/* ---- review-missing ---- */

static bool names_account(const struct access_facts *rows, const char *account)
{
	for (size_t i = 0; i < rows->count; i++)
		if (text_equal_nocase(fact_str(rows->items[i], "account"), account))
			return true;
	return false;
}

/* The accounts active in the snapshot in force on the review's first day
 * that no row of the period's reviews names. */
static int coverage(const struct fact_list *history, const char *system,
		    const struct period *p, const struct access_facts *rows,
		    struct uncovered_list *out)
{
	const struct fact *first = rows->items[0];
	struct access_snapshot snap;
	char reviewed[DATE_TEXT_SIZE], taken[DATE_TEXT_SIZE];
	day_t day = fact_day(first, "reviewed_at");
	int rc;

	for (size_t i = 1; i < rows->count; i++)
		if (fact_day(rows->items[i], "reviewed_at") < day) {
			first = rows->items[i];
			day = fact_day(first, "reviewed_at");
		}
	if ((rc = access_snapshot_of(history, system, day, &snap)))
		return rc;
	access_day_text(day, reviewed);
	access_day_text(snap.day, taken);
	for (size_t i = 0; !rc && snap.found && i < snap.facts.count; i++) {
		const struct fact *a = snap.facts.items[i];
		const char *name = fact_str(a, "account");
		struct uncovered *u;

		if (!name || fact_bool(a, "active", 1) != 1 || names_account(rows, name))
			continue;
		if (!(u = uncovered_get(out, system, name))) {
			rc = ERR_NOMEM;
			break;
		}
		rc = (u->detail.len && buf_adds(&u->detail, "; ")) ||
		     buf_printf(&u->detail, "%s %s was active in the snapshot of %s "
				"but is not in the %s access review (%s, reviewed %s)",
				access_account_noun(system), name, taken, p->label,
				fact_str(first, "review") ? fact_str(first, "review") : "?",
				reviewed) ||
		     access_facts_add(&u->ev, a) || access_facts_add(&u->ev, first);
		if (rc)
			rc = ERR_NOMEM;
	}
	access_snapshot_release(&snap);
	return rc;
}

static int report_missing(struct check_context *ctx, const struct fact_list *history,
			  const char *system, const struct period *p)
{
	struct access_snapshot snap;
	char from[DATE_TEXT_SIZE], to[DATE_TEXT_SIZE];
	int rc;

	if ((rc = access_snapshot_of(history, system, p->end, &snap)))
		return rc;
	access_day_text(p->start, from);
	access_day_text(p->end, to);
	rc = check_report(ctx, p->label, system, snap.facts.items, snap.facts.count,
			  "no access review of %s dated in %s (%s..%s)", system,
			  p->label, from, to);
	access_snapshot_release(&snap);
	return rc;
}

static int judge_period(struct check_context *ctx, const struct fact_list *history,
			const struct fact_list *reviews, const char *system,
			const struct period *p, struct uncovered_list *out)
{
	struct access_facts rows = {NULL, 0, 0};
	int rc = 0;

	for (size_t i = 0; !rc && i < reviews->count; i++) {
		const struct fact *r = &reviews->items[i];
		day_t day = fact_day(r, "reviewed_at");

		if (text_equal_nocase(fact_str(r, "system"), system) &&
		    day != DAY_NONE && day >= p->start && day <= p->end)
			rc = access_facts_add(&rows, r);
	}
	if (!rc)
		rc = rows.count ? coverage(history, system, p, &rows, out)
				: report_missing(ctx, history, system, p);
	access_facts_release(&rows);
	return rc;
}

static int review_missing_run(struct check_context *ctx, struct error *err)
{
	const struct fact_list *history, *reviews;
	struct period periods[PERIOD_MAX];
	struct uncovered_list unc = {NULL, 0, 0};
	struct system_seen *systems = NULL;
	size_t nsys = 0, nper = review_periods(ctx, periods);
	int rc;

	if ((rc = check_fact_history(ctx, "account", &history, err)) ||
	    (rc = check_facts(ctx, "access_review", &reviews, err)))
		return rc;
	if (systems_of(history, &systems, &nsys))
		return NOMEM(err);
	for (size_t s = 0; !rc && s < nsys; s++)
		for (size_t q = 0; !rc && q < nper; q++) {
			/* A system first seen after the period ended is not
			 * known to have existed then.  (A system is never "gone":
			 * a source's latest version stays in force.) */
			if (!systems[s].undated && systems[s].first > periods[q].end)
				continue;
			rc = judge_period(ctx, history, reviews, systems[s].name,
					  &periods[q], &unc);
		}
	for (size_t i = 0; !rc && i < unc.count; i++)
		rc = check_report(ctx, unc.items[i].account, unc.items[i].system,
				  unc.items[i].ev.items, unc.items[i].ev.count, "%s",
				  buf_cstr(&unc.items[i].detail));
	uncovered_release(&unc);
	free(systems);
	return rc == ERR_NOMEM ? NOMEM(err) : rc;
}

const struct check check_access_review_missing = {
	.id = "access.review-missing",
	.title = "Every system has a complete access review each quarter",
	.controls = {"AC-05", "AC-10"},
	.criteria = {"CC6.2", "CC6.3", "CC4.1"},
	.hipaa = {"164.308(a)(3)(ii)(B)", "164.308(a)(4)(ii)(C)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {ACCESS_ACCOUNT_SOURCES},
	.reads = "registers/access-reviews/*.csv; the account history of every "
		 "system (the snapshot in force on each review's date)",
	.fix = "Run the review for the missing quarter (or add the missing "
	       "accounts to it) from a fresh account listing, and record it in "
	       "registers/access-reviews/ with reviewer and date.",
	.run = review_missing_run,
};

/* ---- review-revoke-not-done ---- */

/* Whether the account is present and active in the snapshot. */
static const struct fact *live_in(const struct access_snapshot *s, const char *name)
{
	const struct fact *a = s->found ? access_snapshot_find(s, name) : NULL;

	return a && fact_bool(a, "active", 1) == 1 ? a : NULL;
}

/* The earliest snapshot day of `system` after `day`, or DAY_NONE. */
static day_t next_snapshot_day(const struct fact_list *history, const char *system,
			       day_t day)
{
	day_t next = DAY_NONE;

	for (size_t i = 0; i < history->count; i++) {
		const struct fact *f = &history->items[i];

		if (f->effective != DAY_NONE && f->effective > day &&
		    (next == DAY_NONE || f->effective < next) &&
		    text_equal_nocase(fact_str(f, "system"), system))
			next = f->effective;
	}
	return next;
}

static int report_revoke(struct check_context *ctx, const struct fact *row,
			 const struct fact *account, day_t seen, bool latest)
{
	const struct fact *ev[2] = {row, account};
	const char *system = fact_str(row, "system"), *name = fact_str(row, "account");
	const char *reviewer = fact_str(row, "reviewer"), *review = fact_str(row, "review");
	day_t reviewed = fact_day(row, "reviewed_at");
	char on[DATE_TEXT_SIZE], due[DATE_TEXT_SIZE], snap[DATE_TEXT_SIZE];

	access_day_text(reviewed, on);
	access_day_text(reviewed + ctx->config->deprovision_days, due);
	access_day_text(seen, snap);
	return check_report(ctx, name, system, ev, 2,
			    "access review %s (%s, reviewer %s) decided revoke, due "
			    "by %s; %s %s still active in the %ssnapshot of %s",
			    review ? review : "?", on, reviewer ? reviewer : "unknown",
			    due, access_account_noun(system), name,
			    latest ? "latest " : "", snap);
}

static int judge_revoke(struct check_context *ctx, const struct fact_list *history,
			const struct fact *row)
{
	const char *system = fact_str(row, "system"), *name = fact_str(row, "account");
	day_t reviewed = fact_day(row, "reviewed_at");
	day_t due = reviewed + ctx->config->deprovision_days, next;
	struct access_snapshot snap;
	const struct fact *live;
	bool done;
	int rc;

	/* On time: gone or inactive in the snapshot in force on the due day,
	 * taken on or after the review. */
	if ((rc = access_snapshot_of(history, system, due, &snap)))
		return rc;
	live = live_in(&snap, name);
	done = snap.found && (snap.day == DAY_NONE || snap.day >= reviewed) && !live;
	access_snapshot_release(&snap);
	if (done)
		return 0;
	/* Otherwise the first snapshot after the due day decides; without
	 * one, the state as of the date (the latest snapshot). */
	next = next_snapshot_day(history, system, due);
	if ((rc = access_snapshot_of(history, system,
				     next != DAY_NONE ? next : ctx->as_of, &snap)))
		return rc;
	live = live_in(&snap, name);
	if (live)
		rc = report_revoke(ctx, row, live, snap.day, next == DAY_NONE);
	access_snapshot_release(&snap);
	return rc;
}

static bool is_revoke(const struct fact *r)
{
	return text_equal_nocase(fact_str(r, "decision"), "revoke") &&
	       fact_day(r, "reviewed_at") != DAY_NONE && fact_str(r, "system") &&
	       fact_str(r, "account");
}

/* Whether a later revoke row of the same account supersedes row i: one
 * finding per account, judged by its latest decision. */
static bool later_revoke(const struct fact_list *reviews, size_t i)
{
	const struct fact *r = &reviews->items[i];
	day_t day = fact_day(r, "reviewed_at");

	for (size_t j = 0; j < reviews->count; j++) {
		const struct fact *o = &reviews->items[j];
		day_t other;

		if (j == i || !is_revoke(o) ||
		    !text_equal_nocase(fact_str(o, "system"), fact_str(r, "system")) ||
		    !text_equal_nocase(fact_str(o, "account"), fact_str(r, "account")))
			continue;
		other = fact_day(o, "reviewed_at");
		if (other > day || (other == day && j > i))
			return true;
	}
	return false;
}

static int revoke_run(struct check_context *ctx, struct error *err)
{
	const struct fact_list *history, *reviews;
	int rc;

	if ((rc = check_fact_history(ctx, "account", &history, err)) ||
	    (rc = check_facts(ctx, "access_review", &reviews, err)))
		return rc;
	for (size_t i = 0; !rc && i < reviews->count; i++) {
		const struct fact *r = &reviews->items[i];

		/* Not a revoke, or not due yet. */
		if (!is_revoke(r) || ctx->as_of <= fact_day(r, "reviewed_at") +
							  ctx->config->deprovision_days ||
		    later_revoke(reviews, i))
			continue;
		rc = judge_revoke(ctx, history, r);
	}
	return rc == ERR_NOMEM ? NOMEM(err) : rc;
}

const struct check check_access_review_revoke_not_done = {
	.id = "access.review-revoke-not-done",
	.title = "Access removals decided in reviews are carried out",
	.controls = {"AC-05"},
	.criteria = {"CC6.2", "CC6.3"},
	.hipaa = {"164.308(a)(3)(ii)(B)", "164.308(a)(4)(ii)(C)"},
	.severity = SEVERITY_HIGH,
	.requires = {"register.access-reviews", ACCESS_ACCOUNT_SOURCES},
	.reads = "\"revoke\" rows of registers/access-reviews/*.csv; the account "
		 "history of their systems",
	.fix = "Disable or delete the account the review decided to revoke, then "
	       "re-import the system's export.",
	.run = revoke_run,
};
