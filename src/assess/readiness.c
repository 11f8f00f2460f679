/* readiness.c - verdicts and the pre-audit checklist (see readiness.h). */
#include "assess/readiness.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

static void reason(struct verdict *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void reason(struct verdict *v, const char *fmt, ...)
{
	va_list ap;

	v->ready = false;
	if (v->reason_count >= READINESS_REASONS)
		return;
	va_start(ap, fmt);
	vsnprintf(v->reasons[v->reason_count++], sizeof(v->reasons[0]), fmt, ap);
	va_end(ap);
}

/* Checks whose id contains `part`: done when at least one was evaluated and
 * every one of them passed; `why` names a failing or unevaluated one. */
static bool checks_pass(const struct check_run *run, const char *part, char *why, size_t n)
{
	bool any = false;

	for (size_t i = 0; i < run->count; i++) {
		const struct check_outcome *o = &run->outcomes[i];

		if (!strstr(o->check->id, part))
			continue;
		if (o->result != RESULT_PASS) {
			text_format(why, n, "%s: %s%s%s", o->check->id, result_name(o->result),
				 o->result == RESULT_FAIL ? "" : " - ", o->result == RESULT_FAIL ? "" : o->reason);
			if (o->result == RESULT_FAIL)
				text_format(why, n, "%s: %zu finding(s)", o->check->id, o->findings);
			return false;
		}
		any = true;
	}
	if (!any)
		text_format(why, n, "no %s check was evaluated", part);
	else
		text_format(why, n, "%s checks pass", part);
	return any;
}

static bool has_source(const struct evidence_index *ev, const char *prefix, day_t since,
		       day_t as_of)
{
	for (size_t i = 0; i < ev->count; i++)
		if (text_starts_with(ev->items[i].source, prefix) &&
		    ev->items[i].effective <= as_of && ev->items[i].effective >= since)
			return true;
	return false;
}

static void item(struct readiness *r, const char *title, bool done, const char *evidence)
{
	struct checklist_item *it = &r->items[r->item_count++];

	it->title = title;
	it->done = done;
	text_copy(it->evidence, sizeof(it->evidence), evidence);
	r->items_done += done;
}

static void scope_item(struct readiness *r, const struct evidence_index *ev)
{
	char what[256] = "no scope statement: add one with 'attest evidence add --control GV-08 scope.pdf'";
	bool done = false;

	for (size_t i = 0; i < ev->count && !done; i++) {
		const struct evidence_ref *e = &ev->items[i];

		if (e->effective > r->as_of)
			continue;
		if (strcmp(e->control, "GV-08") == 0 || text_find_nocase(e->note, "scope") ||
		    (e->control[0] && text_find_nocase(e->path, "scope"))) {
			done = true;
			text_format(what, sizeof(what), "evidence #%lld (%s)", (long long)e->id, e->path);
		}
	}
	item(r, "Scope signed by management", done, what);
}

static void checklist(struct readiness *r, const struct check_run *run,
		      const struct evidence_index *ev, const struct fact_list *policies)
{
	static const char *const families[] = {"hr.", "aws.", "github.", "jira.", "scan.",
					       "register.", "policy."};
	char why[256], why2[256];
	bool done;

	scope_item(r, ev);
	done = policies && policies->count && checks_pass(run, "policies.", why, sizeof(why));
	if (done && !checks_pass(run, "policy-ack", why2, sizeof(why2))) {
		done = false;
		text_copy(why, sizeof(why), why2);
	}
	item(r, "Policy suite approved and published", done,
	     policies && policies->count ? why : "no policies imported (policies/*.md)");
	done = checks_pass(run, "risks.", why, sizeof(why));
	item(r, "Risk assessment complete and signed", done, why);
	done = checks_pass(run, "people.training", why, sizeof(why));
	item(r, "Security training complete for all staff", done, why);
	done = checks_pass(run, "vendors.", why, sizeof(why));
	item(r, "Vendor due diligence complete", done, why);
	done = checks_pass(run, "logging.", why, sizeof(why));
	item(r, "Logging and alerting active", done, why);
	done = checks_pass(run, "vulns.", why, sizeof(why));
	if (done && !has_source(ev, "scan.", r->as_of - 30, r->as_of)) {
		done = false;
		text_copy(why, sizeof(why), "no vulnerability scan in the last 30 days");
	}
	item(r, "Vulnerability scans running with SLAs", done, why);
	done = checks_pass(run, "access.review", why, sizeof(why));
	item(r, "First round of access reviews complete", done, why);
	done = checks_pass(run, "dr-test", why, sizeof(why));
	item(r, "A backup/DR test completed", done, why);
	done = checks_pass(run, "tabletop", why, sizeof(why));
	item(r, "An incident response tabletop held", done, why);
	done = has_source(ev, "okta.", DAY_NONE + 1, r->as_of) ||
	       has_source(ev, "google-workspace.", DAY_NONE + 1, r->as_of);
	text_copy(why, sizeof(why), done ? "every source family has evidence"
					 : "no identity provider export (okta or google-workspace)");
	for (size_t i = 0; done && i < sizeof(families) / sizeof(families[0]); i++)
		if (!has_source(ev, families[i], DAY_NONE + 1, r->as_of)) {
			done = false;
			text_format(why, sizeof(why), "no %s* evidence imported", families[i]);
		}
	item(r, "Evidence library populated", done, why);
}

static void type1(struct readiness *r, const struct assessment *a, const struct check_run *run)
{
	size_t severe = 0;

	r->type1.ready = true;
	for (size_t i = 0; i < run->findings.count; i++)
		severe += run->findings.items[i].severity >= SEVERITY_HIGH;
	if (a->by_status[STATUS_MISSING])
		reason(&r->type1, "%zu in-scope controls are missing (no evidence they operate)",
		       a->by_status[STATUS_MISSING]);
	if (a->by_status[STATUS_NOT_EVALUATED])
		reason(&r->type1, "%zu controls could not be evaluated (sources never imported)",
		       a->by_status[STATUS_NOT_EVALUATED]);
	if (severe)
		reason(&r->type1, "%zu high or critical findings are open", severe);
	if (r->items_done < r->item_count)
		reason(&r->type1, "%d of %d pre-audit checklist items are not done",
		       r->item_count - r->items_done, r->item_count);
}

static void type2(struct readiness *r, const struct coverage *cov, const struct config *cfg)
{
	size_t single = 0, failed = 0, unevidenced = 0;
	char d1[DATE_TEXT_SIZE], d2[DATE_TEXT_SIZE];

	r->type2.ready = r->type1.ready;
	if (!r->type1.ready)
		reason(&r->type2, "not ready for Type I yet (see above)");
	if (!cov->window_set) {
		reason(&r->type2, "no audit window in attest.yaml (audit.window)");
		return;
	}
	if (cov->window_too_short)
		reason(&r->type2, "the audit window is shorter than three months");
	if (cov->evidence_starts_late) {
		date_format(cov->first_evidence, d1);
		date_format(cfg->window_start, d2);
		if (cov->first_evidence == DAY_NONE)
			reason(&r->type2, "no evidence dated inside the window");
		else
			reason(&r->type2, "evidence starts %s, after the window starts (%s)", d1, d2);
	}
	for (size_t i = 0; i < cov->count; i++) {
		single += cov->controls[i].single_point;
		failed += cov->controls[i].failed;
		unevidenced += cov->controls[i].not_evidenced;
	}
	if (single)
		reason(&r->type2, "%zu controls are evidenced only at a single point in time", single);
	if (failed)
		reason(&r->type2, "%zu control periods failed", failed);
	if (unevidenced)
		reason(&r->type2, "%zu control periods have no evidence (coverage %.0f%%)", unevidenced,
		       100.0 * cov->ratio);
}

void readiness_compute(const struct assessment *a, const struct check_run *run,
		       const struct coverage *cov, const struct evidence_index *ev,
		       const struct fact_list *policies, const struct config *cfg,
		       struct readiness *out)
{
	memset(out, 0, sizeof(*out));
	out->as_of = a->as_of;
	out->score = a->readiness;
	out->present = a->by_status[STATUS_PRESENT];
	out->in_scope = a->count;
	checklist(out, run, ev, policies);
	type1(out, a, run);
	type2(out, cov, cfg);
}
