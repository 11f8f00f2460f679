/*
 * logging_trails.c - what the logging checks share about CloudTrail trails:
 * the account a trail belongs to (the one in its ARN: describe-trails in a
 * member account also lists the organization trail) and the trails seen
 * once per ARN.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks/logging_trails.h"
#include "util/text.h"

/* "aws:<acct>" of the account field of an ARN, or "" when it has none. */
void arn_system(const char *arn, char out[17])
{
	const char *p = arn;

	out[0] = '\0';
	for (int i = 0; p && i < 4; i++) {
		p = strchr(p, ':');
		if (p)
			p++;
	}
	if (p && strlen(p) > 12 && p[12] == ':' && strspn(p, "0123456789") == 12)
		snprintf(out, 17, "aws:%.12s", p);
}

int compare_trail_arn(const void *a, const void *b)
{
	const char *x = fact_str(*(const struct fact *const *)a, "arn");
	const char *y = fact_str(*(const struct fact *const *)b, "arn");

	return strcmp(x ? x : "", y ? y : "");
}

/* By ARN, then key and evidence: which copy of a trail speaks for it does
 * not depend on the order facts arrive in. */
static int compare_trail_copy(const void *a, const void *b)
{
	const struct fact *x = *(const struct fact *const *)a;
	const struct fact *y = *(const struct fact *const *)b;
	int c = compare_trail_arn(a, b);

	if (!c)
		c = strcmp(x->key, y->key);
	return c ? c : strcmp(x->digest, y->digest);
}

/* Trail facts sorted by ARN, one per ARN (the first by key). */
int unique_trails(struct check_context *ctx, const struct fact ***out, size_t *n,
			 struct error *err)
{
	const struct fact_list *trails;
	const struct fact **t;
	size_t w = 0;
	int rc;

	if ((rc = check_facts(ctx, "aws_trail", &trails, err)))
		return rc;
	t = calloc(trails->count + 1, sizeof(*t));
	if (!t)
		return error_set(err, ERR_NOMEM, "out of memory");
	*n = 0;
	for (size_t i = 0; i < trails->count; i++)
		if (fact_str(&trails->items[i], "arn"))
			t[(*n)++] = &trails->items[i];
	qsort(t, *n, sizeof(*t), compare_trail_copy);
	for (size_t i = 0; i < *n; i++)
		if (w == 0 || compare_trail_arn(&t[w - 1], &t[i]) != 0)
			t[w++] = t[i];
	*n = w;
	*out = t;
	return 0;
}

/* The account a trail belongs to: the one in its ARN, else its fact's. */
void trail_system(const struct fact *t, char out[17])
{
	const char *arn = fact_str(t, "arn");

	arn_system(arn ? arn : "", out);
	if (!out[0])
		text_copy(out, 17, fact_str(t, "system") ? fact_str(t, "system") : "");
}
