/* engine.c - the check registry, reporting findings, running checks. */
#include "checks/engine.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/text.h"

extern const struct check *const check_batch_access[];
extern const struct check *const check_batch_change[];
extern const struct check *const check_batch_logging[];
extern const struct check *const check_batch_registers[];

/* Families in the order `attest checks` lists them. */
static const struct check *const *const batches[] = {
	check_batch_access,
	check_batch_change,
	check_batch_logging,
	check_batch_registers,
};

const struct check *check_at(size_t index)
{
	for (size_t b = 0; b < sizeof(batches) / sizeof(batches[0]); b++)
		for (const struct check *const *c = batches[b]; *c; c++)
			if (index-- == 0)
				return *c;
	return NULL;
}

size_t check_count(void)
{
	size_t n = 0;

	while (check_at(n))
		n++;
	return n;
}

const struct check *check_find(const char *id)
{
	const struct check *c;

	for (size_t i = 0; (c = check_at(i)); i++)
		if (strcmp(c->id, id) == 0)
			return c;
	return NULL;
}

void finding_list_init(struct finding_list *l)
{
	memset(l, 0, sizeof(*l));
}

void finding_list_release(struct finding_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->count; i++) {
		struct finding *f = &l->items[i];

		free(f->subject);
		free(f->system);
		free(f->detail);
		for (size_t j = 0; j < f->evidence_count; j++)
			free(f->evidence[j]);
		free(f->evidence);
	}
	free(l->items);
	memset(l, 0, sizeof(*l));
}

static int compare_findings(const void *a, const void *b)
{
	const struct finding *x = a, *y = b;
	int c = strcmp(x->check->id, y->check->id);

	if (!c)
		c = strcmp(x->system, y->system);
	if (!c)
		c = strcmp(x->subject, y->subject);
	if (!c)
		c = strcmp(x->detail, y->detail);
	return c;
}

void finding_list_sort(struct finding_list *l)
{
	if (l->count > 1)
		qsort(l->items, l->count, sizeof(l->items[0]), compare_findings);
}

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects the distinct, non-empty digests of the evidence facts, sorted. */
static int collect_evidence(struct finding *f, const struct fact *const *ev, size_t n)
{
	f->evidence = calloc(n ? n : 1, sizeof(char *));
	if (!f->evidence)
		return ERR_NOMEM;
	for (size_t i = 0; i < n; i++) {
		bool seen = false;

		if (!ev[i] || !ev[i]->digest[0])
			continue;
		for (size_t j = 0; j < f->evidence_count; j++)
			if (strcmp(f->evidence[j], ev[i]->digest) == 0)
				seen = true;
		if (seen)
			continue;
		f->evidence[f->evidence_count] = text_dup(ev[i]->digest);
		if (!f->evidence[f->evidence_count])
			return ERR_NOMEM;
		f->evidence_count++;
	}
	qsort(f->evidence, f->evidence_count, sizeof(char *), compare_strings);
	return 0;
}

static int report_v(struct check_context *ctx, enum severity severity,
		    const char *subject, const char *system,
		    const struct fact *const *evidence, size_t n, const char *fmt,
		    va_list ap)
{
	struct finding_list *l = ctx->out;
	struct finding *f;
	struct buf detail = BUF_INIT;

	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 64;
		struct finding *p = realloc(l->items, cap * sizeof(*p));

		if (!p)
			return ERR_NOMEM;
		l->items = p;
		l->cap = cap;
	}
	f = &l->items[l->count];
	memset(f, 0, sizeof(*f));
	l->count++;
	f->check = ctx->current;
	f->severity = severity;
	f->subject = text_dup(subject ? subject : "");
	f->system = text_dup(system ? system : "");
	if (buf_vprintf(&detail, fmt, ap))
		return ERR_NOMEM;
	f->detail = buf_detach(&detail, NULL);
	if (!f->subject || !f->system || !f->detail)
		return ERR_NOMEM;
	return collect_evidence(f, evidence, n);
}

int check_report(struct check_context *ctx, const char *subject, const char *system,
		 const struct fact *const *evidence, size_t evidence_count,
		 const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = report_v(ctx, ctx->current->severity, subject, system, evidence,
		      evidence_count, fmt, ap);
	va_end(ap);
	return rc;
}

int check_report_severity(struct check_context *ctx, enum severity severity,
			  const char *subject, const char *system,
			  const struct fact *const *evidence, size_t evidence_count,
			  const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = report_v(ctx, severity, subject, system, evidence, evidence_count, fmt, ap);
	va_end(ap);
	return rc;
}

int check_facts(struct check_context *ctx, const char *kind,
		const struct fact_list **out, struct error *err)
{
	return fact_source_get(ctx->facts, kind, ctx->as_of, false, out, err);
}

int check_fact_history(struct check_context *ctx, const char *kind,
		       const struct fact_list **out, struct error *err)
{
	return fact_source_get(ctx->facts, kind, ctx->as_of, true, out, err);
}

/* Whether every requirement group of the check has evidence; names the
 * first missing group in `reason`. */
static int requirements_met(struct check_context *ctx, const struct check *c,
			    bool *met, char *reason, size_t size, struct error *err)
{
	*met = true;
	for (int i = 0; i < CHECK_LIST_MAX && c->requires[i]; i++) {
		char group[256];
		char *alt, *save = NULL;
		bool any = false;

		text_copy(group, sizeof(group), c->requires[i]);
		for (alt = strtok_r(group, "|", &save); alt; alt = strtok_r(NULL, "|", &save)) {
			bool present = false;
			int rc = fact_source_present(ctx->facts, alt, ctx->as_of, &present, err);

			if (rc)
				return rc;
			any |= present;
		}
		if (!any) {
			*met = false;
			snprintf(reason, size, "no %s evidence imported as of this date",
				 c->requires[i]);
			return 0;
		}
	}
	return 0;
}

static bool selected(const struct check *c, const char *only_control, const char *only_check)
{
	if (only_check && strcmp(c->id, only_check) != 0)
		return false;
	if (only_control) {
		for (int i = 0; i < CHECK_LIST_MAX && c->controls[i]; i++)
			if (strcmp(c->controls[i], only_control) == 0)
				return true;
		return false;
	}
	return true;
}

static int run_one(struct check_context *ctx, const struct check *c,
		   struct check_outcome *o, struct error *err)
{
	size_t before = ctx->out->count;
	bool met;
	struct error check_err;
	int rc;

	o->check = c;
	if ((rc = requirements_met(ctx, c, &met, o->reason, sizeof(o->reason), err)))
		return rc;
	if (!met) {
		o->result = RESULT_NOT_EVALUATED;
		return 0;
	}
	ctx->current = c;
	error_clear(&check_err);
	rc = c->run(ctx, &check_err);
	if (rc == ERR_NOMEM || rc == ERR_STORE) {
		*err = check_err;
		return rc;
	}
	if (rc) {
		char msg[1024];

		error_format(&check_err, msg, sizeof(msg));
		o->result = RESULT_ERROR;
		text_copy(o->reason, sizeof(o->reason), msg);
		return 0;
	}
	o->findings = ctx->out->count - before;
	o->result = o->findings ? RESULT_FAIL : RESULT_PASS;
	return 0;
}

int checks_run(const struct config *config, day_t as_of, struct fact_source *facts,
	       const char *only_control, const char *only_check,
	       struct check_run *out, struct error *err)
{
	struct check_context ctx;
	size_t total = check_count();
	const struct check *c;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	finding_list_init(&out->findings);
	out->as_of = as_of;
	out->outcomes = calloc(total ? total : 1, sizeof(*out->outcomes));
	if (!out->outcomes)
		return error_set(err, ERR_NOMEM, "out of memory");
	memset(&ctx, 0, sizeof(ctx));
	ctx.config = config;
	ctx.as_of = as_of;
	ctx.facts = facts;
	ctx.out = &out->findings;
	for (size_t i = 0; (c = check_at(i)); i++) {
		if (!selected(c, only_control, only_check))
			continue;
		if ((rc = run_one(&ctx, c, &out->outcomes[out->count], err)))
			break;
		out->count++;
	}
	if (rc == ERR_NOMEM && !err->message[0])
		error_set(err, ERR_NOMEM, "out of memory");
	finding_list_sort(&out->findings);
	return rc;
}

void check_run_release(struct check_run *run)
{
	if (!run)
		return;
	free(run->outcomes);
	finding_list_release(&run->findings);
	memset(run, 0, sizeof(*run));
}
