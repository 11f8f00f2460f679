/*
 * assets.c - asset inventory checks over registers/assets.csv (`asset`
 * facts): every production asset has an owner on staff and a data
 * classification.  Rules: docs/checks/registers.md.
 */
#include <string.h>

#include "checks/check.h"
#include "checks/register_util.h"
#include "util/buf.h"
#include "util/text.h"

/* "production" or "prod", any case, surrounding spaces ignored. */
static bool is_production(const char *env)
{
	char word[32];

	if (!env || !text_copy(word, sizeof(word), env))
		return false;
	text_trim(word);
	return text_equal_nocase(word, "production") || text_equal_nocase(word, "prod");
}

/* The problems of one production asset, "" when none. */
static int describe(struct buf *why, const struct fact *a, const struct fact *leaver,
		    day_t left)
{
	const char *owner = fact_str(a, "owner_email");
	bool no_class = reg_blank(fact_str(a, "classification"));
	char when[DATE_TEXT_SIZE];

	buf_reset(why);
	if (reg_blank(owner) && no_class)
		return buf_adds(why, "has no owner_email and no classification");
	if (reg_blank(owner))
		return buf_adds(why, "has no owner_email");
	if (leaver) {
		reg_date(left, when);
		if (buf_printf(why, "is owned by %s, who left %s", owner, when))
			return ERR_NOMEM;
		if (no_class && buf_adds(why, ", and has no classification"))
			return ERR_NOMEM;
		return 0;
	}
	return no_class ? buf_adds(why, "has no classification") : 0;
}

static int run_unowned(struct check_context *ctx, struct error *err)
{
	const struct fact_list *assets, *people;
	struct buf why = BUF_INIT;
	int rc;

	if ((rc = check_facts(ctx, "asset", &assets, err)) ||
	    (rc = check_facts(ctx, "person", &people, err)))
		return rc;
	for (size_t i = 0; i < assets->count; i++) {
		const struct fact *a = &assets->items[i];
		const char *id = fact_str(a, "id"), *name = fact_str(a, "name");
		const char *type = fact_str(a, "type");
		const struct fact *leaver;
		day_t left;

		if (!is_production(fact_str(a, "environment")))
			continue;
		leaver = reg_owner_left(people, fact_str(a, "owner_email"), ctx->as_of, &left);
		if ((rc = describe(&why, a, leaver, left)))
			break;
		if (!why.len)
			continue;
		rc = check_report(ctx, id ? id : a->key, "", (const struct fact *const[]){a, leaver},
				  2, "production %s \"%s\" %s", reg_blank(type) ? "asset" : type,
				  name ? name : "", buf_cstr(&why));
		if (rc)
			break;
	}
	buf_release(&why);
	return rc;
}

const struct check check_assets_production_unowned = {
	.id = "assets.production-unowned",
	.title = "Production assets have an owner and a classification",
	.controls = {"AM-02", "AM-01"},
	.criteria = {"CC6.1", "CC2.1", "C1.1"},
	.hipaa = {"164.310(d)(1)"},
	.severity = SEVERITY_MEDIUM,
	.requires = {"register.assets"},
	.reads = "asset register (environment, owner_email, classification); HR roster "
		 "when imported",
	.fix = "Name an owner on staff and a data classification for the asset in "
	       "registers/assets.csv.",
	.run = run_unowned,
};
