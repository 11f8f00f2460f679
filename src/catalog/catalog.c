/* catalog.c - lookups and names over a loaded catalog (see catalog.h). */
#include "catalog/catalog.h"

#include <stdlib.h>
#include <string.h>

static void string_list_free(struct string_list *l)
{
	for (size_t i = 0; i < l->count; i++)
		free(l->items[i]);
	free(l->items);
}

void catalog_free(struct catalog *cat)
{
	if (!cat)
		return;
	for (size_t i = 0; i < cat->criteria_count; i++) {
		free(cat->criteria[i].title);
		free(cat->criteria[i].summary);
	}
	for (size_t i = 0; i < cat->hipaa_count; i++)
		free(cat->hipaa[i].title);
	for (size_t i = 0; i < cat->control_count; i++) {
		struct control *c = &cat->controls[i];

		free(c->title);
		free(c->statement);
		free(c->file);
		string_list_free(&c->criteria);
		string_list_free(&c->hipaa);
		string_list_free(&c->evidence);
		string_list_free(&c->checks);
	}
	free(cat->criteria);
	free(cat->hipaa);
	free(cat->controls);
	free(cat);
}

const struct criterion *catalog_criterion(const struct catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->criteria_count; i++)
		if (strcmp(cat->criteria[i].id, id) == 0)
			return &cat->criteria[i];
	return NULL;
}

const struct hipaa_spec *catalog_hipaa(const struct catalog *cat, const char *citation)
{
	for (size_t i = 0; i < cat->hipaa_count; i++)
		if (strcmp(cat->hipaa[i].citation, citation) == 0)
			return &cat->hipaa[i];
	return NULL;
}

const struct control *catalog_control(const struct catalog *cat, const char *id)
{
	for (size_t i = 0; i < cat->control_count; i++)
		if (strcmp(cat->controls[i].id, id) == 0)
			return &cat->controls[i];
	return NULL;
}

static const char *const frequency_names[] = {
	[FREQ_CONTINUOUS] = "continuous", [FREQ_PER_EVENT] = "per-event",
	[FREQ_DAILY] = "daily",           [FREQ_WEEKLY] = "weekly",
	[FREQ_MONTHLY] = "monthly",       [FREQ_QUARTERLY] = "quarterly",
	[FREQ_ANNUAL] = "annual",
};

const char *frequency_name(enum frequency f)
{
	return frequency_names[f];
}

int frequency_parse(const char *s, enum frequency *out)
{
	for (size_t i = 0; i < sizeof(frequency_names) / sizeof(frequency_names[0]); i++)
		if (s && strcmp(frequency_names[i], s) == 0) {
			*out = (enum frequency)i;
			return 0;
		}
	return ERR_INPUT;
}

struct category_info {
	const char *code;
	const char *display;
	unsigned bit;
};

static const struct category_info categories[] = {
	{"cc", "security", CATEGORY_SECURITY},
	{"a", "availability", CATEGORY_AVAILABILITY},
	{"c", "confidentiality", CATEGORY_CONFIDENTIALITY},
	{"pi", "processing-integrity", CATEGORY_PROCESSING_INTEGRITY},
	{"p", "privacy", CATEGORY_PRIVACY},
};

int category_in_scope(const struct config *c, const char *category)
{
	for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
		if (strcmp(categories[i].code, category) == 0)
			return (c->categories & categories[i].bit) != 0;
	return 0;
}

const char *category_display(const char *category)
{
	for (size_t i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
		if (strcmp(categories[i].code, category) == 0)
			return categories[i].display;
	return category;
}

int string_list_contains(const struct string_list *l, const char *s)
{
	for (size_t i = 0; i < l->count; i++)
		if (strcmp(l->items[i], s) == 0)
			return 1;
	return 0;
}
