/*
 * pattern.c - recursive-descent parser and evaluator for CloudWatch Logs
 * JSON filter patterns.  Semantics are documented in pattern.h and
 * docs/detect.md.  The compiled form is a flat array of n-ary AND/OR nodes
 * and comparison leaves, so evaluation is a short walk with no allocation.
 */
#include "detect/pattern.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/buf.h"
#include "util/text.h"

enum pnode_type { PN_AND, PN_OR, PN_CMP, PN_ALL };

enum pop {
	OP_EQ, OP_NE, OP_LT, OP_GT, OP_LE, OP_GE,
	OP_IS_NULL, OP_IS_TRUE, OP_IS_FALSE, OP_NOT_EXISTS,
};

struct pnode {
	uint8_t type;
	uint8_t op;
	uint8_t is_number;   /* literal reads as a number */
	uint8_t wild;        /* literal contains '*' */
	int field;
	int first, next;     /* children (AND/OR), sibling link; -1 = none */
	size_t lit_off;      /* literal bytes in pattern->pool */
	uint32_t lit_len;
	double num;
};

struct pattern {
	struct pnode *nodes;
	int count, cap;
	int root;
	char *pool;          /* all literal bytes, NUL-separated */
	char *text;
};

struct parser {
	const char *s;
	size_t len, i;
	int depth;
	struct pattern *pat;
	struct buf pool;
	struct field_table *fields;
	struct error *err;
};

static int fail(struct parser *ps, size_t at, const char *fmt, const char *arg)
{
	char msg[256];

	snprintf(msg, sizeof(msg), fmt, arg ? arg : "");
	error_set(ps->err, ERR_INPUT, "%s at column %zu", msg, at + 1);
	ps->err->column = (long)(at + 1);
	return ERR_INPUT;
}

static void skip_ws(struct parser *ps)
{
	while (ps->i < ps->len &&
	       (ps->s[ps->i] == ' ' || ps->s[ps->i] == '\t' ||
		ps->s[ps->i] == '\n' || ps->s[ps->i] == '\r'))
		ps->i++;
}

static int new_node(struct parser *ps, enum pnode_type type, int *out)
{
	struct pattern *p = ps->pat;

	if (p->count == p->cap) {
		int ncap = p->cap ? p->cap * 2 : 16;
		struct pnode *n = realloc(p->nodes, (size_t)ncap * sizeof(*n));

		if (!n)
			return error_set(ps->err, ERR_NOMEM, "out of memory");
		p->nodes = n;
		p->cap = ncap;
	}
	memset(&p->nodes[p->count], 0, sizeof(struct pnode));
	p->nodes[p->count].type = (uint8_t)type;
	p->nodes[p->count].first = -1;
	p->nodes[p->count].next = -1;
	p->nodes[p->count].field = -1;
	*out = p->count++;
	return 0;
}

static bool keyword(struct parser *ps, const char *kw)
{
	size_t n = strlen(kw);

	if (ps->len - ps->i < n || strncasecmp(ps->s + ps->i, kw, n) != 0)
		return false;
	if (ps->i + n < ps->len) {
		char c = ps->s[ps->i + n];

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '_')
			return false;
	}
	ps->i += n;
	return true;
}

/* A bare value: letters, digits and the punctuation AWS examples use
 * unquoted (kms.amazonaws.com, 123.123.*, -1e-3, Client.Unauthorized...). */
static bool bare_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '*' ||
	       c == '-' || c == '+' || c == ':' || c == '/' || c == '@';
}

/* JSON-style number with an optional '+'; '*' allowed as a digit wildcard. */
static bool reads_as_number(const char *s, size_t n, bool *wild, double *val)
{
	char tmp[64];
	size_t i = 0;
	bool digits = false;

	*wild = false;
	if (n == 0 || n >= sizeof(tmp))
		return false;
	if (s[i] == '-' || s[i] == '+')
		i++;
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '*')) {
		*wild |= s[i] == '*';
		digits = true;
		i++;
	}
	if (i < n && s[i] == '.') {
		i++;
		while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '*')) {
			*wild |= s[i] == '*';
			digits = true;
			i++;
		}
	}
	if (!digits)
		return false;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t e0;

		i++;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			i++;
		e0 = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == e0)
			return false;
	}
	if (i != n)
		return false;
	if (*wild) {
		*val = 0;
		return true;
	}
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	*val = strtod(tmp, NULL);
	return true;
}

static int parse_value(struct parser *ps, struct pnode *node, const char *op)
{
	size_t start = ps->i;

	node->lit_off = ps->pool.len;
	if (ps->i < ps->len && ps->s[ps->i] == '"') {
		ps->i++;
		for (;;) {
			char c;

			if (ps->i >= ps->len)
				return fail(ps, start, "unterminated string", NULL);
			c = ps->s[ps->i++];
			if (c == '"')
				break;
			if (c == '\\' && ps->i < ps->len &&
			    (ps->s[ps->i] == '"' || ps->s[ps->i] == '\\'))
				c = ps->s[ps->i++];
			node->wild |= c == '*';
			if (buf_addch(&ps->pool, c))
				return error_set(ps->err, ERR_NOMEM, "out of memory");
		}
	} else {
		while (ps->i < ps->len && bare_char(ps->s[ps->i]))
			ps->i++;
		if (ps->i == start)
			return fail(ps, start, "expected value after '%s'", op);
		if (buf_add(&ps->pool, ps->s + start, ps->i - start))
			return error_set(ps->err, ERR_NOMEM, "out of memory");
		{
			bool w = false;

			node->is_number = reads_as_number(ps->s + start,
							  ps->i - start, &w,
							  &node->num);
			node->wild = memchr(ps->s + start, '*',
					    ps->i - start) != NULL;
		}
	}
	node->lit_len = (uint32_t)(ps->pool.len - node->lit_off);
	if (buf_addch(&ps->pool, '\0'))
		return error_set(ps->err, ERR_NOMEM, "out of memory");
	if (node->op >= OP_LT && node->op <= OP_GE &&
	    (!node->is_number || node->wild))
		return fail(ps, start, "expected number after '%s'", op);
	return 0;
}

static int parse_operator(struct parser *ps, struct pnode *node)
{
	static const struct {
		const char *text;
		enum pop op;
	} ops[] = {
		{"!=", OP_NE}, {"<=", OP_LE}, {">=", OP_GE},
		{"=", OP_EQ},  {"<", OP_LT},  {">", OP_GT},
	};
	size_t at = ps->i;

	for (size_t k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
		size_t n = strlen(ops[k].text);

		if (ps->len - ps->i >= n &&
		    memcmp(ps->s + ps->i, ops[k].text, n) == 0) {
			ps->i += n;
			node->op = (uint8_t)ops[k].op;
			skip_ws(ps);
			return parse_value(ps, node, ops[k].text);
		}
	}
	if (keyword(ps, "IS")) {
		skip_ws(ps);
		if (keyword(ps, "NULL"))
			node->op = OP_IS_NULL;
		else if (keyword(ps, "TRUE"))
			node->op = OP_IS_TRUE;
		else if (keyword(ps, "FALSE"))
			node->op = OP_IS_FALSE;
		else
			return fail(ps, ps->i,
				    "expected NULL, TRUE or FALSE after 'IS'",
				    NULL);
		return 0;
	}
	if (keyword(ps, "NOT")) {
		skip_ws(ps);
		if (!keyword(ps, "EXISTS"))
			return fail(ps, ps->i, "expected EXISTS after 'NOT'",
				    NULL);
		node->op = OP_NOT_EXISTS;
		return 0;
	}
	if (keyword(ps, "EXISTS"))
		return fail(ps, at, "EXISTS is not supported; use NOT EXISTS "
			    "or a comparison", NULL);
	return fail(ps, at, "expected operator after selector", NULL);
}

static int parse_comparison(struct parser *ps, int *out)
{
	struct field_path path;
	size_t used = 0, bad = 0;
	const char *msg = "";
	int id, rc, n;

	if (field_selector_parse(ps->s + ps->i, ps->len - ps->i, &used, &path,
				 &bad, &msg))
		return fail(ps, ps->i + bad, "%s", msg);
	ps->i += used;
	rc = field_table_add(ps->fields, &path, &id, ps->err);
	if (rc)
		return rc;
	rc = new_node(ps, PN_CMP, &n);
	if (rc)
		return rc;
	ps->pat->nodes[n].field = id;
	skip_ws(ps);
	rc = parse_operator(ps, &ps->pat->nodes[n]);
	if (rc)
		return rc;
	*out = n;
	return 0;
}

static int parse_or(struct parser *ps, int *out);

static int parse_primary(struct parser *ps, int *out)
{
	skip_ws(ps);
	if (ps->i < ps->len && ps->s[ps->i] == '(') {
		size_t open = ps->i;
		int rc;

		if (++ps->depth > PATTERN_DEPTH_MAX)
			return fail(ps, open, "parentheses nested too deeply",
				    NULL);
		ps->i++;
		rc = parse_or(ps, out);
		if (rc)
			return rc;
		skip_ws(ps);
		if (ps->i >= ps->len || ps->s[ps->i] != ')')
			return fail(ps, ps->i, "expected ')'", NULL);
		ps->i++;
		ps->depth--;
		return 0;
	}
	if (ps->i >= ps->len || ps->s[ps->i] != '$')
		return fail(ps, ps->i, "expected selector starting with '$.'",
			    NULL);
	return parse_comparison(ps, out);
}

/* Parses `sub ( tok sub )*` into an n-ary node of `type` (or the single
 * operand when there is no operator). */
static int parse_list(struct parser *ps, int *out, enum pnode_type type,
		      const char *tok, int (*sub)(struct parser *, int *))
{
	int first, last, node, rc;

	rc = sub(ps, &first);
	if (rc)
		return rc;
	skip_ws(ps);
	if (ps->len - ps->i < 2 || memcmp(ps->s + ps->i, tok, 2) != 0) {
		*out = first;
		return 0;
	}
	rc = new_node(ps, type, &node);
	if (rc)
		return rc;
	ps->pat->nodes[node].first = first;
	last = first;
	while (ps->len - ps->i >= 2 && memcmp(ps->s + ps->i, tok, 2) == 0) {
		int next;

		ps->i += 2;
		rc = sub(ps, &next);
		if (rc)
			return rc;
		ps->pat->nodes[last].next = next;
		last = next;
		skip_ws(ps);
	}
	*out = node;
	return 0;
}

static int parse_and(struct parser *ps, int *out)
{
	return parse_list(ps, out, PN_AND, "&&", parse_primary);
}

static int parse_or(struct parser *ps, int *out)
{
	return parse_list(ps, out, PN_OR, "||", parse_and);
}

static int parse_top(struct parser *ps)
{
	int rc;

	skip_ws(ps);
	if (ps->i == ps->len)
		return new_node(ps, PN_ALL, &ps->pat->root);
	if (ps->s[ps->i] != '{')
		return fail(ps, ps->i, "expected '{' (only JSON filter patterns "
			    "are supported)", NULL);
	ps->i++;
	rc = parse_or(ps, &ps->pat->root);
	if (rc)
		return rc;
	skip_ws(ps);
	if (ps->i >= ps->len || ps->s[ps->i] != '}') {
		if (ps->i < ps->len && ps->s[ps->i] == '$')
			return fail(ps, ps->i, "expected '&&' or '||' before "
				    "selector", NULL);
		if (ps->i < ps->len && (ps->s[ps->i] == '&' || ps->s[ps->i] == '|'))
			return fail(ps, ps->i, "expected '&&' or '||'", NULL);
		return fail(ps, ps->i, "expected '}'", NULL);
	}
	ps->i++;
	skip_ws(ps);
	if (ps->i != ps->len)
		return fail(ps, ps->i, "unexpected text after '}'", NULL);
	return 0;
}

int pattern_compile(struct pattern **out, const char *text,
		    struct field_table *fields, struct error *err)
{
	struct parser ps = {0};
	struct pattern *p;
	int rc;

	*out = NULL;
	if (strlen(text) > PATTERN_TEXT_MAX)
		return error_set(err, ERR_LIMIT, "pattern longer than %d bytes",
				 PATTERN_TEXT_MAX);
	p = calloc(1, sizeof(*p));
	if (!p)
		return error_set(err, ERR_NOMEM, "out of memory");
	p->text = text_dup(text);
	ps.s = text;
	ps.len = strlen(text);
	ps.pat = p;
	ps.fields = fields;
	ps.err = err;
	buf_init(&ps.pool, PATTERN_TEXT_MAX * 2);
	rc = p->text ? parse_top(&ps)
		     : error_set(err, ERR_NOMEM, "out of memory");
	if (!rc && buf_addch(&ps.pool, '\0'))
		rc = error_set(err, ERR_NOMEM, "out of memory");
	if (rc) {
		buf_release(&ps.pool);
		pattern_free(p);
		return rc;
	}
	p->pool = buf_detach(&ps.pool, NULL);
	*out = p;
	return 0;
}

void pattern_free(struct pattern *p)
{
	if (!p)
		return;
	free(p->nodes);
	free(p->pool);
	free(p->text);
	free(p);
}

const char *pattern_text(const struct pattern *p)
{
	return p->text;
}

bool glob_match(const char *pat, size_t plen, const char *s, size_t slen)
{
	size_t pi = 0, si = 0, star = SIZE_MAX, mark = 0;

	while (si < slen) {
		if (pi < plen && pat[pi] == '*') {
			star = pi++;
			mark = si;
		} else if (pi < plen && pat[pi] == s[si]) {
			pi++;
			si++;
		} else if (star != SIZE_MAX) {
			pi = star + 1;
			si = ++mark;
		} else {
			return false;
		}
	}
	while (pi < plen && pat[pi] == '*')
		pi++;
	return pi == plen;
}

/* '=' for a present scalar value (see pattern.h for the rules). */
static bool value_equals(const struct pattern *p, const struct pnode *n,
			 const struct jvalue *v)
{
	const char *lit = p->pool + n->lit_off;

	switch (v->kind) {
	case JV_STRING:
		if (n->wild)
			return glob_match(lit, n->lit_len, v->str, v->len);
		return v->len == n->lit_len && memcmp(v->str, lit, v->len) == 0;
	case JV_NUMBER:
		if (!n->is_number)
			return false;
		if (n->wild)
			return glob_match(lit, n->lit_len, v->str, v->len);
		return v->num == n->num;
	default:
		return false;
	}
}

static bool compare(const struct pattern *p, const struct pnode *n,
		    const struct jvalue *v)
{
	switch (n->op) {
	case OP_NOT_EXISTS:
		return v->kind == JV_ABSENT;
	case OP_IS_NULL:
		return v->kind == JV_NULL;
	case OP_IS_TRUE:
		return v->kind == JV_TRUE;
	case OP_IS_FALSE:
		return v->kind == JV_FALSE;
	default:
		break;
	}
	if (v->kind == JV_ABSENT || v->kind == JV_OBJECT || v->kind == JV_ARRAY)
		return false;
	switch (n->op) {
	case OP_EQ:
		return value_equals(p, n, v);
	case OP_NE:
		return !value_equals(p, n, v);
	default:
		break;
	}
	if (v->kind != JV_NUMBER)
		return false;
	switch (n->op) {
	case OP_LT:
		return v->num < n->num;
	case OP_GT:
		return v->num > n->num;
	case OP_LE:
		return v->num <= n->num;
	default:
		return v->num >= n->num;
	}
}

static bool eval(const struct pattern *p, int ni, const struct jvalue *values)
{
	const struct pnode *n = &p->nodes[ni];
	int c;

	switch (n->type) {
	case PN_CMP:
		return compare(p, n, &values[n->field]);
	case PN_AND:
		for (c = n->first; c >= 0; c = p->nodes[c].next)
			if (!eval(p, c, values))
				return false;
		return true;
	case PN_OR:
		for (c = n->first; c >= 0; c = p->nodes[c].next)
			if (eval(p, c, values))
				return true;
		return false;
	default:
		return true;
	}
}

bool pattern_match(const struct pattern *p, const struct jvalue *values)
{
	return eval(p, p->root, values);
}

static bool has_required(const struct pattern *p, int ni, int field)
{
	const struct pnode *n = &p->nodes[ni];
	int c;

	switch (n->type) {
	case PN_CMP:
		return n->field == field && n->op == OP_EQ && !n->wild &&
		       !n->is_number;
	case PN_AND:
		for (c = n->first; c >= 0; c = p->nodes[c].next)
			if (has_required(p, c, field))
				return true;
		return false;
	case PN_OR:
		for (c = n->first; c >= 0; c = p->nodes[c].next)
			if (!has_required(p, c, field))
				return false;
		return true;
	default:
		return false;
	}
}

static void collect_required(const struct pattern *p, int ni, int field,
			     void (*fn)(void *, const char *, size_t), void *ctx)
{
	const struct pnode *n = &p->nodes[ni];
	int c;

	switch (n->type) {
	case PN_CMP:
		fn(ctx, p->pool + n->lit_off, n->lit_len);
		return;
	case PN_AND:
		for (c = n->first; c >= 0; c = p->nodes[c].next)
			if (has_required(p, c, field)) {
				collect_required(p, c, field, fn, ctx);
				return;
			}
		return;
	default:
		for (c = n->first; c >= 0; c = p->nodes[c].next)
			collect_required(p, c, field, fn, ctx);
		return;
	}
}

bool pattern_required_strings(const struct pattern *p, int field,
			      void (*fn)(void *ctx, const char *s, size_t len),
			      void *ctx)
{
	if (!has_required(p, p->root, field))
		return false;
	collect_required(p, p->root, field, fn, ctx);
	return true;
}
