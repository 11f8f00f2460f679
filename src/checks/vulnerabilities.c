/*
 * vulnerabilities.c - vulns.sla-breach: vulnerabilities still reported by
 * the latest scan of their artifact and open longer than the SLA of their
 * severity, counted from the first scan that reported them, without an
 * unexpired exception (registers/vuln-exceptions.csv).
 *
 * A vulnerability is one (scanner, artifact, target, package, id): the
 * installed version is left out so that an upgrade to another vulnerable
 * version keeps the clock running.  Scans are told apart by scanned_at
 * (the evidence digest when a report carries no timestamp); the latest
 * scan of each (scanner, artifact) decides what is still open, so a
 * vulnerability fixed within its SLA never produces a finding.  Findings
 * are one per subject "<id> in <target>" (plus " of <artifact>" when the
 * target does not name the artifact, see target_names_artifact()): several packages with the same CVE
 * in one target are one finding listing them.  Rules:
 * docs/checks/registers.md.
 */
#include <stdlib.h>
#include <string.h>

#include "checks/check.h"
#include "checks/register_util.h"
#include "util/buf.h"
#include "util/text.h"

/* The latest scan of one (scanner, artifact). */
struct scan_head {
	const char *scanner, *artifact;
	stamp_t when;
	const char *ident;
	const struct fact *scan;   /* the `scan` fact, when there is one */
};

struct instance {
	const struct fact *f;
	stamp_t when;
	bool latest;               /* reported by the latest scan of its artifact */
};

/* One vulnerability past its SLA, before grouping by subject. */
struct breach {
	char *subject;
	const struct fact *first, *current, *scan, *expired;
	int sla, days;
	enum severity severity;
};

struct vuln_state {
	struct check_context *ctx;
	const struct fact_list *exceptions;
	struct scan_head *heads;
	size_t head_count;
	struct instance *inst;
	size_t inst_count;
	struct breach *breaches;
	size_t breach_count, breach_cap;
};

static const char *str(const struct fact *f, const char *attr)
{
	const char *s = fact_str(f, attr);

	return s ? s : "";
}

static stamp_t scan_time(const struct fact *f)
{
	stamp_t t = fact_stamp(f, "scanned_at");

	if (t != STAMP_NONE)
		return t;
	return f->effective == DAY_NONE ? 0 : day_stamp(f->effective);
}

static const char *scan_ident(const struct fact *f)
{
	const char *s = fact_str(f, "scanned_at");

	return s ? s : f->digest;
}

static struct scan_head *head_of(struct vuln_state *st, const struct fact *f)
{
	for (size_t i = 0; i < st->head_count; i++)
		if (strcmp(st->heads[i].scanner, str(f, "scanner")) == 0 &&
		    strcmp(st->heads[i].artifact, str(f, "artifact")) == 0)
			return &st->heads[i];
	return NULL;
}

/* Records that `f` (a scan or a vulnerability) speaks for a scan; keeps the
 * latest per (scanner, artifact).  `heads` has room for every fact. */
static void note_scan(struct vuln_state *st, const struct fact *f, bool is_scan)
{
	struct scan_head *h = head_of(st, f);
	stamp_t when = scan_time(f);

	if (stamp_day(when) > st->ctx->as_of)
		return;
	if (!h) {
		h = &st->heads[st->head_count++];
		h->scanner = str(f, "scanner");
		h->artifact = str(f, "artifact");
		h->when = STAMP_NONE;
		h->ident = "";
		h->scan = NULL;
	}
	if (when > h->when || (when == h->when && strcmp(scan_ident(f), h->ident) > 0)) {
		h->when = when;
		h->ident = scan_ident(f);
		h->scan = is_scan ? f : NULL;
	} else if (is_scan && when == h->when && strcmp(scan_ident(f), h->ident) == 0) {
		h->scan = f;
	}
}

/* Orders by the vulnerability's identity (scanner, artifact, target,
 * package, id). */
static int compare_identity(const struct instance *a, const struct instance *b)
{
	static const char *const attrs[] = {"scanner", "artifact", "target", "package", "id"};
	int c;

	for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if ((c = strcmp(str(a->f, attrs[i]), str(b->f, attrs[i]))))
			return c;
	return 0;
}

/* Identity, then scan time: each vulnerability's first report leads. */
static int compare_instances(const void *x, const void *y)
{
	const struct instance *a = x, *b = y;
	int c = compare_identity(a, b);

	if (c)
		return c;
	return a->when < b->when ? -1 : a->when > b->when;
}

static int severity_rank(const char *s)
{
	static const char *const words[] = {"low", "medium", "high", "critical"};

	for (int i = 0; i < 4; i++)
		if (text_equal_nocase(s, words[i]))
			return i;
	return -1;  /* negligible, unknown: no SLA */
}

static int sla_of(const struct config *c, int rank)
{
	const int slas[] = {c->vuln_sla_low, c->vuln_sla_medium, c->vuln_sla_high,
			    c->vuln_sla_critical};

	return rank < 0 ? 0 : slas[rank];
}

static bool names_vuln(const char *name, const struct fact *v)
{
	json_t *aliases = json_object_get(v->data, "aliases");
	json_t *a;
	size_t i;

	if (text_equal_nocase(name, str(v, "id")))
		return true;
	json_array_foreach(aliases, i, a)
		if (text_equal_nocase(name, json_string_value(a)))
			return true;
	return false;
}

/* True when an unexpired exception covers `v`; otherwise sets *expired to
 * the matching exception that expired last (or NULL). */
static bool excepted(const struct vuln_state *st, const struct fact *v,
		     const struct fact **expired)
{
	*expired = NULL;
	for (size_t i = 0; i < st->exceptions->count; i++) {
		const struct fact *e = &st->exceptions->items[i];
		const char *target = str(e, "target");
		day_t until = fact_day(e, "expires");

		if (!names_vuln(str(e, "vulnerability"), v) ||
		    !(text_equal_nocase(target, str(v, "target")) ||
		      text_equal_nocase(target, str(v, "artifact"))))
			continue;
		if (until == DAY_NONE || until >= st->ctx->as_of)
			return true;
		if (!*expired || until > fact_day(*expired, "expires"))
			*expired = e;
	}
	return false;
}

/* Whether the target already names its artifact: it starts with the
 * artifact ("img:1 (debian 12.5)"), or its first word is the artifact's
 * last path part ("acme-api:prod (debian 12.5)" of
 * "123.dkr.ecr.../acme-api:prod"). */
static bool target_names_artifact(const char *target, const char *artifact)
{
	const char *paren = strstr(target, " (");
	size_t n = paren ? (size_t)(paren - target) : strlen(target);
	size_t an = strlen(artifact);

	if (text_starts_with(target, artifact))
		return true;
	if (!n || n > an || strncmp(artifact + an - n, target, n) != 0)
		return false;
	return n == an || artifact[an - n - 1] == '/';
}

static char *subject_of(const struct fact *v)
{
	const char *target = str(v, "target"), *artifact = str(v, "artifact");
	struct buf b = BUF_INIT;

	if (buf_printf(&b, "%s in %s", str(v, "id"), *target ? target : artifact) ||
	    (*target && !target_names_artifact(target, artifact) &&
	     buf_printf(&b, " of %s", artifact))) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static int add_breach(struct vuln_state *st, const struct breach *b)
{
	if (st->breach_count == st->breach_cap) {
		size_t cap = st->breach_cap ? st->breach_cap * 2 : 16;
		struct breach *p = realloc(st->breaches, cap * sizeof(*p));

		if (!p)
			return ERR_NOMEM;
		st->breaches = p;
		st->breach_cap = cap;
	}
	st->breaches[st->breach_count++] = *b;
	return 0;
}

/* Judges one vulnerability: instances [from, to) sorted by scan time. */
static int judge(struct vuln_state *st, size_t from, size_t to)
{
	const struct instance *first = &st->inst[from], *cur = NULL;
	struct breach b;
	int rank;

	for (size_t i = from; i < to; i++)
		if (st->inst[i].latest &&
		    (!cur || severity_rank(str(st->inst[i].f, "severity")) >
			     severity_rank(str(cur->f, "severity"))))
			cur = &st->inst[i];
	if (!cur)
		return 0;  /* fixed: the latest scan no longer reports it */
	/* Trivy's VEX-backed status: the scanner itself says it does not apply. */
	if (text_equal_nocase(fact_str(cur->f, "status"), "not_affected"))
		return 0;
	memset(&b, 0, sizeof(b));
	rank = severity_rank(str(cur->f, "severity"));
	b.sla = sla_of(st->ctx->config, rank);
	b.days = (int)(st->ctx->as_of - stamp_day(first->when));
	if (b.sla <= 0 || b.days <= b.sla || excepted(st, cur->f, &b.expired))
		return 0;
	b.first = first->f;
	b.current = cur->f;
	b.scan = head_of(st, cur->f)->scan;
	b.severity = (enum severity)rank;
	b.subject = subject_of(cur->f);
	if (!b.subject || add_breach(st, &b)) {
		free(b.subject);
		return ERR_NOMEM;
	}
	return 0;
}

static int compare_breaches(const void *x, const void *y)
{
	const struct breach *a = x, *b = y;
	int c = strcmp(a->subject, b->subject);

	if (!c)
		c = strcmp(str(a->current, "package"), str(b->current, "package"));
	if (!c)
		c = strcmp(str(a->current, "scanner"), str(b->current, "scanner"));
	return c;
}

/* "openssl 1.1.1k (fixed in 1.1.1l), libssl 1.1.1k (no fix yet)". */
static int package_list(struct buf *out, const struct breach *g, size_t n)
{
	struct buf one = BUF_INIT;
	int rc = 0;

	buf_reset(out);
	for (size_t i = 0; i < n && !rc; i++) {
		const struct fact *v = g[i].current;
		const char *fixed = fact_str(v, "fixed_version");
		const char *ver = str(v, "installed_version");

		bool seen = false;

		/* The same package seen by two scanners is listed once. */
		for (size_t k = 0; k < i; k++)
			seen |= strcmp(str(g[k].current, "package"), str(v, "package")) == 0 &&
				strcmp(str(g[k].current, "installed_version"), ver) == 0 &&
				text_equal(fact_str(g[k].current, "fixed_version"), fixed);
		if (seen)
			continue;
		buf_reset(&one);
		rc = buf_printf(&one, "%s%s%s (%s%s)", str(v, "package"), *ver ? " " : "", ver,
				reg_blank(fixed) ? "no fix yet" : "fixed in ",
				reg_blank(fixed) ? "" : fixed);
		if (!rc)
			rc = buf_printf(out, "%s%s", out->len ? ", " : "", buf_cstr(&one));
	}
	buf_release(&one);
	return rc;
}

static int emit(struct vuln_state *st, const struct breach *g, size_t n)
{
	static const char *const sev_words[] = {"low", "medium", "high", "critical"};
	const struct breach *worst = &g[0];
	enum severity sev = g[0].severity;
	const struct fact **ev = calloc(4 * n, sizeof(*ev));
	struct buf pkgs = BUF_INIT;
	char first[DATE_TEXT_SIZE], expired[DATE_TEXT_SIZE];
	int rc;

	if (!ev)
		return ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		if (g[i].days - g[i].sla > worst->days - worst->sla)
			worst = &g[i];
		if (g[i].severity > sev)
			sev = g[i].severity;
		ev[4 * i] = g[i].first;
		ev[4 * i + 1] = g[i].current;
		ev[4 * i + 2] = g[i].scan;
		ev[4 * i + 3] = g[i].expired;
	}
	reg_date(stamp_day(scan_time(worst->first)), first);
	if (worst->expired)
		reg_date(fact_day(worst->expired, "expires"), expired);
	rc = package_list(&pkgs, g, n);
	if (!rc)
		rc = check_report_severity(st->ctx, sev, g[0].subject, "", ev, 4 * n,
					   "%s, %s, first reported %s by %s scan of %s, %d day%s "
					   "open (SLA %d)%s%s", sev_words[worst->severity],
					   buf_cstr(&pkgs), first, str(worst->first, "scanner"),
					   str(worst->first, "artifact"), worst->days,
					   reg_s(worst->days), worst->sla,
					   worst->expired ? "; exception expired " : "",
					   worst->expired ? expired : "");
	buf_release(&pkgs);
	free(ev);
	return rc;
}

/* Gathers scans and every reported vulnerability up to the date. */
static int gather(struct vuln_state *st, const struct fact_list *scans,
		  const struct fact_list *vulns)
{
	st->heads = calloc(scans->count + vulns->count + 1, sizeof(*st->heads));
	st->inst = calloc(vulns->count + 1, sizeof(*st->inst));
	if (!st->heads || !st->inst)
		return ERR_NOMEM;
	for (size_t i = 0; i < scans->count; i++)
		note_scan(st, &scans->items[i], true);
	for (size_t i = 0; i < vulns->count; i++)
		note_scan(st, &vulns->items[i], false);
	for (size_t i = 0; i < vulns->count; i++) {
		const struct fact *v = &vulns->items[i];
		const struct scan_head *h = head_of(st, v);
		struct instance *in;

		if (stamp_day(scan_time(v)) > st->ctx->as_of || !h)
			continue;
		in = &st->inst[st->inst_count++];
		in->f = v;
		in->when = scan_time(v);
		in->latest = h->when == in->when && strcmp(h->ident, scan_ident(v)) == 0;
	}
	if (st->inst_count > 1)
		qsort(st->inst, st->inst_count, sizeof(st->inst[0]), compare_instances);
	return 0;
}

static int judge_all(struct vuln_state *st)
{
	int rc = 0;

	for (size_t i = 0; i < st->inst_count && !rc;) {
		size_t j = i + 1;

		while (j < st->inst_count && compare_identity(&st->inst[i], &st->inst[j]) == 0)
			j++;
		rc = judge(st, i, j);
		i = j;
	}
	if (rc || st->breach_count < 2)
		return rc;
	qsort(st->breaches, st->breach_count, sizeof(st->breaches[0]), compare_breaches);
	return 0;
}

static int run_sla(struct check_context *ctx, struct error *err)
{
	const struct fact_list *scans, *vulns;
	struct vuln_state st;
	int rc;

	memset(&st, 0, sizeof(st));
	st.ctx = ctx;
	if ((rc = check_fact_history(ctx, "scan", &scans, err)) ||
	    (rc = check_fact_history(ctx, "vulnerability", &vulns, err)) ||
	    (rc = check_facts(ctx, "vuln_exception", &st.exceptions, err)))
		return rc;
	rc = gather(&st, scans, vulns);
	if (!rc)
		rc = judge_all(&st);
	for (size_t i = 0; i < st.breach_count && !rc;) {
		size_t j = i + 1;

		while (j < st.breach_count &&
		       strcmp(st.breaches[i].subject, st.breaches[j].subject) == 0)
			j++;
		rc = emit(&st, &st.breaches[i], j - i);
		i = j;
	}
	for (size_t i = 0; i < st.breach_count; i++)
		free(st.breaches[i].subject);
	free(st.breaches);
	free(st.heads);
	free(st.inst);
	return rc;
}

const struct check check_vulns_sla_breach = {
	.id = "vulns.sla-breach",
	.title = "Vulnerabilities fixed within their severity's SLA",
	.controls = {"VM-03"},
	.criteria = {"CC7.1", "CC7.4", "CC4.2"},
	.hipaa = {"164.308(a)(1)(ii)(B)"},
	.severity = SEVERITY_HIGH,
	.requires = {"scan."},
	.reads = "vulnerability scans (Trivy, Grype) over time; vulnerability exception "
		 "register when imported",
	.fix = "Upgrade the package to a fixed version and rescan the artifact, or "
	       "record an approved, time-limited exception in "
	       "registers/vuln-exceptions.csv.",
	.run = run_sla,
};
