/* register_util.c - helpers shared by the register-family checks. */
#include "checks/register_util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "util/text.h"

int fact_refs_push(struct fact_refs *r, const struct fact *f)
{
	if (r->count == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 32;
		const struct fact **p = realloc(r->items, cap * sizeof(*p));

		if (!p)
			return ERR_NOMEM;
		r->items = p;
		r->cap = cap;
	}
	r->items[r->count++] = f;
	return 0;
}

void fact_refs_release(struct fact_refs *r)
{
	if (!r)
		return;
	free(r->items);
	memset(r, 0, sizeof(*r));
}

bool reg_blank(const char *s)
{
	if (!s)
		return true;
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return false;
	return true;
}

void reg_date(day_t d, char out[DATE_TEXT_SIZE])
{
	if (d == DAY_NONE)
		text_copy(out, DATE_TEXT_SIZE, "never");
	else
		date_format(d, out);
}

bool reg_person_active(const struct fact *person, day_t as_of)
{
	day_t start = fact_day(person, "start_date");
	day_t end = fact_day(person, "end_date");

	if (start != DAY_NONE && start > as_of)
		return false;
	return end == DAY_NONE || end > as_of;
}

static const char *person_email(const struct fact *p)
{
	const char *e = fact_str(p, "email");

	return e ? e : p->key;
}

/* Whether record `a` speaks for its e-mail rather than `b`. */
static bool person_wins(const struct fact *a, const struct fact *b)
{
	day_t sa = fact_day(a, "start_date"), sb = fact_day(b, "start_date");
	bool ea = fact_day(a, "end_date") != DAY_NONE;
	bool eb = fact_day(b, "end_date") != DAY_NONE;

	if (sa != sb)
		return sa > sb;
	return ea && !eb;
}

static int compare_email(const void *x, const void *y)
{
	const struct fact *a = *(const struct fact *const *)x;
	const struct fact *b = *(const struct fact *const *)y;

	return strcmp(person_email(a), person_email(b));
}

int reg_active_people(struct check_context *ctx, struct fact_refs *out,
		      struct error *err)
{
	const struct fact_list *people;
	struct fact_refs all = {0};
	int rc;

	if ((rc = check_facts(ctx, "person", &people, err)))
		return rc;
	for (size_t i = 0; i < people->count; i++)
		if ((rc = fact_refs_push(&all, &people->items[i])))
			goto done;
	if (all.count > 1)
		qsort(all.items, all.count, sizeof(all.items[0]), compare_email);
	for (size_t i = 0; i < all.count;) {
		const struct fact *best = all.items[i];
		size_t j = i + 1;

		for (; j < all.count && compare_email(&all.items[i], &all.items[j]) == 0; j++)
			if (person_wins(all.items[j], best))
				best = all.items[j];
		i = j;
		if (reg_person_active(best, ctx->as_of) && (rc = fact_refs_push(out, best)))
			goto done;
	}
done:
	fact_refs_release(&all);
	return rc;
}

const struct fact *reg_owner_left(const struct fact_list *people, const char *email,
				  day_t as_of, day_t *left)
{
	const struct fact *found = NULL;

	*left = DAY_NONE;
	if (reg_blank(email))
		return NULL;
	for (size_t i = 0; i < people->count; i++) {
		const struct fact *p = &people->items[i];
		day_t end = fact_day(p, "end_date");

		if (!text_equal_nocase(person_email(p), email))
			continue;
		if (end == DAY_NONE || end > as_of)
			return NULL;  /* on staff (or a rehire): not a leaver */
		if (*left == DAY_NONE || end > *left) {
			*left = end;
			found = p;
		}
	}
	return found;
}

const struct fact *reg_infosec_policy(const struct fact_list *policies)
{
	for (size_t i = 0; i < policies->count; i++) {
		const char *id = fact_str(&policies->items[i], "id");

		if (!id)
			id = policies->items[i].key;
		if (text_find_nocase(id, "information-security") ||
		    text_find_nocase(id, "infosec"))
			return &policies->items[i];
	}
	for (size_t i = 0; i < policies->count; i++) {
		const char *title = fact_str(&policies->items[i], "title");

		if (title && text_find_nocase(title, "information security"))
			return &policies->items[i];
	}
	return NULL;
}
