/*
 * ctreader.c - record extraction and the input shapes of the CloudTrail
 * reader (ctreader.h).  Bytes come from ctinput.c; scanning primitives from
 * jscan.h.
 *
 * Each top-level step (open the wrapper object, one record, one Events
 * element, the rest of the wrapper) is atomic: it either completes, or
 * reports that the window ended inside it, in which case the window is
 * refilled and the step restarts from its beginning.  A record is handed
 * to the callback only once its last byte has been parsed, so it is never
 * delivered twice.
 */
#include "detect/ctreader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "detect/ctinternal.h"
#include "detect/jscan.h"
#include "util/text.h"

int ct_reader_new(struct ct_reader **out, const struct field_table *ft,
		  size_t gz_whole_max, struct error *err)
{
	struct ct_reader *r = calloc(1, sizeof(*r));
	int rc;

	*out = NULL;
	if (!r)
		return error_set(err, ERR_NOMEM, "out of memory");
	r->ft = ft;
	r->gz_whole_max = gz_whole_max ? gz_whole_max : CT_GZ_WHOLE_DEFAULT;
	buf_init(&r->scratch, CT_RECORD_MAX);
	buf_init(&r->evbuf, CT_RECORD_MAX);
	buf_init(&r->keybuf, 4096);
	r->vals = calloc((size_t)ft->count + 1, sizeof(*r->vals));
	r->soff = calloc((size_t)ft->count + 1, sizeof(*r->soff));
	r->win_cap = CT_WINDOW_INITIAL;
	r->win = malloc(r->win_cap);
	if (!r->vals || !r->soff || !r->win) {
		ct_reader_free(r);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	rc = ct_trie_build(r, err);
	if (rc) {
		ct_reader_free(r);
		return rc;
	}
	*out = r;
	return 0;
}

void ct_reader_free(struct ct_reader *r)
{
	if (!r)
		return;
	free(r->nodes);
	free(r->vals);
	free(r->soff);
	buf_release(&r->scratch);
	buf_release(&r->evbuf);
	buf_release(&r->keybuf);
	free(r->win);
	free(r->zbuf);
	free(r->obuf);
	free(r->zin);
	if (r->dd)
		libdeflate_free_decompressor(r->dd);
	free(r);
}

/* ---- extraction ------------------------------------------------------ */

struct ex {
	struct jscan js;
	struct ct_reader *r;
};

static const char *ex_value(struct ex *x, const char *p, int ni, int depth);

/* The named child of node ni for key k[0..n), or -1; `end` bounds reads
 * (ct_key_prefix).  Keys of up to 16 bytes (all of CloudTrail's) compare
 * as two words, without a memcmp call. */
__attribute__((always_inline)) static inline int
child_named(const struct ct_reader *r, int ni, const char *k, size_t n,
	    const char *end)
{
	uint64_t prefix, prefix2 = 0;
	int c;

	if (n == 0 || !r->nodes[ni].has_names)
		return -1;
	prefix = ct_key_prefix(k, n, end);
	c = r->nodes[ni].head[ct_key_slot(prefix, n)];
	if (c >= 0 && n > 8)
		prefix2 = ct_key_prefix(k + 8, n - 8, end);
	for (; c >= 0; c = r->nodes[c].hnext) {
		const struct ct_tnode *t = &r->nodes[c];

		if (t->len == n && t->prefix == prefix && t->prefix2 == prefix2 &&
		    (n <= 16 || memcmp(t->name + 16, k + 16, n - 16) == 0))
			return c;
	}
	return -1;
}

static int child_indexed(const struct ct_reader *r, int ni, uint32_t idx)
{
	for (int c = r->nodes[ni].first; c >= 0; c = r->nodes[c].next)
		if (!r->nodes[c].name && r->nodes[c].index == idx)
			return c;
	return -1;
}

static int key_lookup(struct ex *x, int ni, const char *k, size_t n, bool esc)
{
	size_t bad = 0;

	if (!esc)
		return child_named(x->r, ni, k, n, x->js.end);
	buf_reset(&x->r->keybuf);
	if (js_decode_string(k, n, &x->r->keybuf, &bad) || !x->r->keybuf.len)
		return -1;  /* odd or huge key: no rule can name it */
	return child_named(x->r, ni, x->r->keybuf.data, x->r->keybuf.len,
			   x->r->keybuf.data + x->r->keybuf.len);
}

/* Moves past ',' to the next member/element, or reports the closer.  The
 * first test is the compact JSON of S3 files: ',' then the next value. */
static inline const char *ex_next(struct ex *x, const char *p, char closer,
				  bool *done)
{
	const char *end = x->js.end;

	if (end - p >= 2 && p[0] == ',' && p[1] != ' ' && p[1] != '\n' &&
	    p[1] != '\r' && p[1] != '\t')
		return p + 1;
	p = js_ws(p, end);
	if (p >= end)
		return js_more(&x->js);
	if (*p == closer) {
		*done = true;
		return p + 1;
	}
	if (*p != ',')
		return js_fail(&x->js, p, closer == '}' ? "expected ',' or '}'"
							: "expected ',' or ']'");
	p = js_ws(p + 1, end);
	return p < end ? p : js_more(&x->js);
}

/* A value no rule reads.  Strings, most of them, are skipped inline. */
static inline const char *ex_skip(struct ex *x, const char *p, int depth)
{
	if (p < x->js.end && *p == '"') {
		bool esc = false;
		const char *e = js_string_end(&x->js, p + 1, &esc);

		return e ? e + 1 : NULL;
	}
	return js_skip_value(&x->js, p, CT_DEPTH_MAX - depth);
}

static const char *ex_object(struct ex *x, const char *p, int ni, int depth)
{
	const char *end = x->js.end;
	bool done = false;

	if (depth >= CT_DEPTH_MAX)
		return js_fail(&x->js, p, "nesting too deep");
	p = js_ws(p + 1, end);
	if (p >= end)
		return js_more(&x->js);
	if (*p == '}')
		return p + 1;
	while (!done) {
		const char *ke;
		bool esc = false;
		int child;

		if (*p != '"')
			return js_fail(&x->js, p, "expected a property name");
		ke = js_string_end(&x->js, p + 1, &esc);
		if (!ke)
			return NULL;
		child = key_lookup(x, ni, p + 1, (size_t)(ke - p - 1), esc);
		p = js_ws(ke + 1, end);
		if (p >= end)
			return js_more(&x->js);
		if (*p != ':')
			return js_fail(&x->js, p, "expected ':'");
		p = js_ws(p + 1, end);
		p = child >= 0 ? ex_value(x, p, child, depth + 1)
			       : ex_skip(x, p, depth);
		if (!p || !(p = ex_next(x, p, '}', &done)))
			return NULL;
	}
	return p;
}

static const char *ex_array(struct ex *x, const char *p, int ni, int depth)
{
	const char *end = x->js.end;
	bool done = false;
	uint32_t idx = 0;

	if (depth >= CT_DEPTH_MAX)
		return js_fail(&x->js, p, "nesting too deep");
	p = js_ws(p + 1, end);
	if (p >= end)
		return js_more(&x->js);
	if (*p == ']')
		return p + 1;
	while (!done) {
		int child = child_indexed(x->r, ni, idx++);

		p = child >= 0 ? ex_value(x, p, child, depth + 1)
			       : ex_skip(x, p, depth);
		if (!p || !(p = ex_next(x, p, ']', &done)))
			return NULL;
	}
	return p;
}

static const char *ex_string(struct ex *x, const char *p, struct jvalue *v,
			     int field)
{
	struct ct_reader *r = x->r;
	bool esc = false;
	const char *e = js_string_end(&x->js, p + 1, &esc);
	size_t bad = 0, off;

	if (!e || !v)
		return e ? e + 1 : NULL;
	v->kind = JV_STRING;
	if (!esc) {
		v->str = p + 1;
		v->len = (uint32_t)(e - p - 1);
		return e + 1;
	}
	off = r->scratch.len;
	if (js_decode_string(p + 1, (size_t)(e - p - 1), &r->scratch, &bad))
		return js_fail(&x->js, p + 1 + bad, "invalid string escape");
	v->str = NULL;  /* resolved once the record is complete */
	v->len = (uint32_t)(r->scratch.len - off);
	r->soff[field] = (uint32_t)off;
	if (r->nfix < FIELD_MAX)
		r->fix[r->nfix++] = field;
	return e + 1;
}

static const char *ex_number(struct ex *x, const char *p, struct jvalue *v)
{
	const char *e = js_number_end(&x->js, p);
	char tmp[64];
	size_t n;

	if (!e || !v)
		return e;
	n = (size_t)(e - p);
	v->kind = JV_NUMBER;
	v->str = p;
	v->len = (uint32_t)n;
	if (n >= sizeof(tmp))
		n = sizeof(tmp) - 1;
	memcpy(tmp, p, n);
	tmp[n] = '\0';
	v->num = strtod(tmp, NULL);
	return e;
}

static const char *ex_value(struct ex *x, const char *p, int ni, int depth)
{
	const struct ct_tnode *t = &x->r->nodes[ni];
	struct jvalue *v = t->field >= 0 ? &x->r->vals[t->field] : NULL;
	const char *e;

	if (p >= x->js.end)
		return js_more(&x->js);
	switch (*p) {
	case '"':
		return ex_string(x, p, v, t->field);
	case '{':
		if (v)
			v->kind = JV_OBJECT;
		return t->has_names ? ex_object(x, p, ni, depth)
				    : js_skip_value(&x->js, p, CT_DEPTH_MAX - depth);
	case '[':
		if (v)
			v->kind = JV_ARRAY;
		return t->has_indexes ? ex_array(x, p, ni, depth)
				      : js_skip_value(&x->js, p, CT_DEPTH_MAX - depth);
	case 't':
	case 'f':
	case 'n':
		e = js_skip_value(&x->js, p, 1);
		if (e && v)
			v->kind = *p == 't' ? JV_TRUE : *p == 'f' ? JV_FALSE
								 : JV_NULL;
		return e;
	default:
		return ex_number(x, p, v);
	}
}

/* Parses one record object at p into r->vals. */
static const char *extract_record(struct ct_reader *r, struct jscan *js,
				  const char *p)
{
	struct ex x = {.js = *js, .r = r};
	const char *e;

	memset(r->vals, 0, (size_t)r->ft->count * sizeof(*r->vals));
	buf_reset(&r->scratch);
	r->nfix = 0;
	e = ex_object(&x, p, 0, 0);
	*js = x.js;
	if (!e)
		return NULL;
	for (int i = 0; i < r->nfix; i++) {
		struct jvalue *v = &r->vals[r->fix[i]];

		if (v->kind == JV_STRING && !v->str)
			v->str = r->scratch.data ? r->scratch.data + r->soff[r->fix[i]]
						 : "";
	}
	return e;
}

/* ---- shapes and the driver ---------------------------------------- */

enum { ST_TOP, ST_RECORDS, ST_EVENTS, ST_REST };
enum { STEP_OK = 0, STEP_MORE = 1, STEP_DONE = 2 };

struct drive {
	struct ct_reader *r;
	struct ct_input *in;
	const char *name;
	ct_record_fn fn;
	void *ctx;
	struct ct_stats *st;
	struct error *err;
	int state;
	long index;       /* records seen in the file */
	long arr_index;   /* position in Records[] / Events[] */
	long top_index;   /* top-level values seen */
};

static void where(const struct drive *d, char *out, size_t size)
{
	if (d->state == ST_RECORDS)
		snprintf(out, size, "Records[%ld]", d->arr_index);
	else if (d->state == ST_EVENTS)
		snprintf(out, size, "Events[%ld]", d->arr_index);
	else
		snprintf(out, size, "record %ld", d->top_index + 1);
}

static int bad_json(struct drive *d, const struct jscan *js)
{
	char w[64];
	unsigned long long off = d->in->base +
		(unsigned long long)(js->bad_at - d->in->data);

	where(d, w, sizeof(w));
	error_set_file(d->err, d->name);
	error_set_record(d->err, w);
	return error_set(d->err, ERR_INPUT, "invalid JSON at byte %llu: %s",
			 off, js->msg);
}

static int deliver(struct drive *d)
{
	const struct jvalue *type = &d->r->vals[CTF_EVENT_TYPE];
	struct ct_record rec;
	int rc;

	if (type->kind == JV_STRING && type->len == 20 &&
	    memcmp(type->str, "AwsCloudTrailInsight", 20) == 0) {
		d->st->skipped++;
		d->index++;
		return 0;
	}
	rec.values = d->r->vals;
	rec.nvalues = d->r->ft->count;
	rec.file = d->name;
	rec.index = d->index++;
	d->st->records++;
	rc = d->fn(d->ctx, &rec, d->err);
	if (rc && !d->err->file[0])
		error_set_file(d->err, d->name);
	return rc;
}

/* One record object at p; *next gets the position after it. */
static int step_record(struct drive *d, struct jscan *js, const char *p,
		       const char **next)
{
	const char *e = extract_record(d->r, js, p);

	if (!e)
		return js->status == JS_MORE ? STEP_MORE : bad_json(d, js);
	if ((size_t)(e - p) > CT_RECORD_MAX) {
		char w[64];

		where(d, w, sizeof(w));
		error_set_file(d->err, d->name);
		error_set_record(d->err, w);
		return error_set(d->err, ERR_LIMIT, "record larger than %zu bytes",
				 CT_RECORD_MAX);
	}
	*next = e;
	return deliver(d);
}

/* Finds the CloudTrailEvent string of one Events[] element at p without
 * interpreting it; *s and *e bound its raw body (NULL when absent). */
static const char *event_span(struct ex *x, const char *p, const char **s,
			      const char **e)
{
	const char *end = x->js.end;
	bool done = false;

	p = js_ws(p + 1, end);
	if (p >= end)
		return js_more(&x->js);
	if (*p == '}')
		return p + 1;
	while (!done) {
		const char *ks = p + 1, *ke;
		bool esc = false;

		if (*p != '"')
			return js_fail(&x->js, p, "expected a property name");
		if (!(ke = js_string_end(&x->js, ks, &esc)))
			return NULL;
		p = js_ws(ke + 1, end);
		if (p >= end)
			return js_more(&x->js);
		if (*p != ':')
			return js_fail(&x->js, p, "expected ':'");
		p = js_ws(p + 1, end);
		if (p < end && *p == '"' && ke - ks == 15 &&
		    memcmp(ks, "CloudTrailEvent", 15) == 0) {
			*s = p + 1;
			if (!(*e = js_string_end(&x->js, p + 1, &esc)))
				return NULL;
			p = *e + 1;
		} else if (!(p = js_skip_value(&x->js, p, CT_DEPTH_MAX))) {
			return NULL;
		}
		if (!(p = ex_next(x, p, '}', &done)))
			return NULL;
	}
	return p;
}

/* One element of lookup-events' Events[]: its CloudTrailEvent string is the
 * record, JSON-encoded a second time. */
static int step_event(struct drive *d, struct jscan *js, const char *p,
		      const char **next)
{
	struct ex x = {.js = *js, .r = d->r};
	const char *s = NULL, *e = NULL, *q;
	struct jscan inner = {.status = JS_OK};
	size_t bad = 0;

	q = event_span(&x, p, &s, &e);
	*js = x.js;
	if (!q)
		return js->status == JS_MORE ? STEP_MORE : bad_json(d, js);
	*next = q;
	if (!s)
		return 0;  /* no record in this element */
	buf_reset(&d->r->evbuf);
	if (js_decode_string(s, (size_t)(e - s), &d->r->evbuf, &bad)) {
		js->bad_at = s + bad;
		js->msg = "invalid escape in CloudTrailEvent";
		return bad_json(d, js);
	}
	inner.end = d->r->evbuf.data ? d->r->evbuf.data + d->r->evbuf.len : NULL;
	q = d->r->evbuf.data ? js_ws(d->r->evbuf.data, inner.end) : NULL;
	if (!q || q >= inner.end || *q != '{' ||
	    !extract_record(d->r, &inner, q)) {
		char w[64];

		where(d, w, sizeof(w));
		error_set_file(d->err, d->name);
		error_set_record(d->err, w);
		return error_set(d->err, ERR_INPUT,
				 "CloudTrailEvent is not a complete JSON object%s%s",
				 inner.status == JS_BAD ? ": " : "",
				 inner.status == JS_BAD ? inner.msg : "");
	}
	return deliver(d);
}

static bool key_is(const char *ks, const char *ke, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(ke - ks) == n && memcmp(ks, word, n) == 0;
}

/* At the start of a top-level value: the S3/lookup wrapper, or a bare
 * record (also each line of JSON Lines). */
static int step_top(struct drive *d, struct jscan *js, const char *p,
		    const char **next)
{
	const char *q, *ke;
	bool esc = false;

	if (*p != '{') {
		js_fail(js, p, "expected a JSON object");
		return bad_json(d, js);
	}
	q = js_ws(p + 1, js->end);
	if (q >= js->end)
		return STEP_MORE;
	if (*q == '"') {
		if (!(ke = js_string_end(js, q + 1, &esc)))
			return js->status == JS_MORE ? STEP_MORE : bad_json(d, js);
		const char *c = js_ws(ke + 1, js->end);

		if (c >= js->end)
			return STEP_MORE;
		c = *c == ':' ? js_ws(c + 1, js->end) : c;
		if (c >= js->end)
			return STEP_MORE;
		if (*c == '[' && key_is(q + 1, ke, "Records")) {
			d->state = ST_RECORDS;
			d->arr_index = 0;
			*next = c + 1;
			return 0;
		}
		if (*c == '[' && key_is(q + 1, ke, "Events")) {
			d->state = ST_EVENTS;
			d->arr_index = 0;
			*next = c + 1;
			return 0;
		}
	}
	int rc = step_record(d, js, p, next);

	if (rc == 0)
		d->top_index++;
	return rc;
}

static int step_array(struct drive *d, struct jscan *js, const char *p,
		      const char **next)
{
	int rc;

	if (*p == ']') {
		d->state = ST_REST;
		*next = p + 1;
		return 0;
	}
	if (*p == ',') {
		*next = p + 1;
		return 0;
	}
	if (*p != '{') {
		js_fail(js, p, "expected a record object");
		return bad_json(d, js);
	}
	rc = d->state == ST_RECORDS ? step_record(d, js, p, next)
				    : step_event(d, js, p, next);
	if (rc == 0)
		d->arr_index++;
	return rc;
}

/* After the array: the wrapper object's remaining members, if any. */
static int step_rest(struct drive *d, struct jscan *js, const char *p,
		     const char **next)
{
	const char *q;
	bool esc = false;

	if (*p == '}') {
		d->state = ST_TOP;
		d->top_index++;
		*next = p + 1;
		return 0;
	}
	if (*p == ',') {
		*next = p + 1;
		return 0;
	}
	if (*p != '"') {
		js_fail(js, p, "expected ',' or '}'");
		return bad_json(d, js);
	}
	if (!(q = js_string_end(js, p + 1, &esc)))
		goto fail;
	q = js_ws(q + 1, js->end);
	if (q >= js->end)
		return STEP_MORE;
	if (*q != ':') {
		js_fail(js, q, "expected ':'");
		return bad_json(d, js);
	}
	q = js_skip_value(js, js_ws(q + 1, js->end), CT_DEPTH_MAX);
	if (!q)
		goto fail;
	*next = q;
	return 0;
fail:
	return js->status == JS_MORE ? STEP_MORE : bad_json(d, js);
}

static int truncated(struct drive *d)
{
	char w[64];

	where(d, w, sizeof(w));
	error_set_file(d->err, d->name);
	error_set_record(d->err, w);
	return error_set(d->err, ERR_INPUT,
			 "unexpected end of input (truncated file?)");
}

static int drive(struct drive *d)
{
	struct ct_input *in = d->in;

	for (;;) {
		struct jscan js = {.end = in->data + in->len, .status = JS_OK};
		const char *p = js_ws(in->data + in->pos, js.end);
		const char *next = NULL;
		int rc;

		in->pos = (size_t)(p - in->data);
		if (p >= js.end) {
			rc = STEP_MORE;
		} else {
			switch (d->state) {
			case ST_TOP:
				rc = step_top(d, &js, p, &next);
				break;
			case ST_REST:
				rc = step_rest(d, &js, p, &next);
				break;
			default:
				rc = step_array(d, &js, p, &next);
				break;
			}
		}
		if (rc == 0) {
			in->pos = (size_t)(next - in->data);
			continue;
		}
		if (rc < 0)
			return rc;
		if (in->eof) {
			if (p >= js.end && d->state == ST_TOP)
				return 0;
			return truncated(d);
		}
		rc = in->fill(in, d->err);
		if (rc) {
			char w[64];

			where(d, w, sizeof(w));
			error_set_file(d->err, d->name);
			error_set_record(d->err, w);
			return rc;
		}
	}
}

static int run(struct ct_reader *r, struct ct_input *in, const char *name,
	       ct_record_fn fn, void *ctx, struct ct_stats *st,
	       struct error *err)
{
	struct drive d = {.r = r, .in = in, .name = name, .fn = fn,
			  .ctx = ctx, .st = st, .err = err, .state = ST_TOP};
	int rc = drive(&d);

	st->files++;
	st->bytes += in->base + in->len;
	return rc;
}

int ct_reader_read_file(struct ct_reader *r, const char *path,
			ct_record_fn fn, void *ctx, struct ct_stats *stats,
			struct error *err)
{
	struct ct_input in;
	int rc = ct_input_open_file(&in, r, path, err);

	if (rc)
		error_set_file(err, path);
	else
		rc = run(r, &in, path, fn, ctx, stats, err);
	ct_input_close(&in);
	return rc;
}

int ct_reader_read_mem(struct ct_reader *r, const char *name,
		       const void *data, size_t len, ct_record_fn fn,
		       void *ctx, struct ct_stats *stats, struct error *err)
{
	struct ct_input in;
	int rc = ct_input_open_mem(&in, r, data, len, err);

	if (rc)
		error_set_file(err, name);
	else
		rc = run(r, &in, name, fn, ctx, stats, err);
	ct_input_close(&in);
	return rc;
}

void ct_value_text(const struct jvalue *v, char *out, size_t size)
{
	size_t n;

	if (!size)
		return;
	if (v->kind != JV_STRING && v->kind != JV_NUMBER) {
		out[0] = '\0';
		return;
	}
	n = v->len < size - 1 ? v->len : size - 1;
	memcpy(out, v->str, n);
	out[n] = '\0';
}

stamp_t ct_record_time(const struct ct_record *rec)
{
	const struct jvalue *v = &rec->values[CTF_EVENT_TIME];
	char tmp[64];
	stamp_t t;

	if ((v->kind != JV_STRING && v->kind != JV_NUMBER) || v->len >= sizeof(tmp))
		return STAMP_NONE;
	ct_value_text(v, tmp, sizeof(tmp));
	if (stamp_parse(tmp, &t))
		return STAMP_NONE;
	return t;
}
