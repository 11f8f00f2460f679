/*
 * okta_factors.c - Okta Factors API list for one user
 * (`GET /api/v1/users/{id}/factors`), saved as
 * sources/okta/api/v1/users/<id>/factors.json.  One `okta_factor` fact per
 * factor (docs/facts.md; FORMAT-NOTES 4.1).  The user id comes from the
 * path: the factor objects name their user only inside `_links`.
 *
 * `strong`: status ACTIVE and a type other than `email` and `question`,
 * which anyone with the mailbox or the answers passes (FORMAT-NOTES 4.1;
 * SOC 2 CC6.1 reviewers do not accept them as a second factor).
 */
#include "importers/importer.h"

#include <string.h>

#include "importers/apps_common.h"
#include "importers/json_util.h"
#include "util/text.h"

#define USER_ID_MAX 128

/* The <id> of "sources/okta/api/v1/users/<id>/factors[.N].json". */
static bool factors_user(const char *path, char *id, size_t id_size)
{
	const char *rest = apps_path_in(path, "okta");
	const char *seg[6];
	size_t len[6];

	if (!rest || apps_path_split(rest, seg, len, 6) != 5 ||
	    strncmp(rest, "api/v1/users/", strlen("api/v1/users/")) != 0 ||
	    !apps_page_name(seg[4], len[4], "factors") || len[3] >= id_size)
		return false;
	if (id) {
		memcpy(id, seg[3], len[3]);
		id[len[3]] = '\0';
	}
	return true;
}

static bool okta_factors_recognise(const char *path, const char *data,
				   size_t size)
{
	(void)data;
	(void)size;
	return factors_user(path, NULL, USER_ID_MAX);
}

static int one_factor(const json_t *f, const char *record, const char *user,
		      struct import_output *out, struct buf *key,
		      struct error *err)
{
	const char *id, *type, *provider, *status;
	struct attrs a;
	bool strong;
	int rc;

	if ((rc = json_util_string(f, "id", true, record, &id, err)) ||
	    (rc = json_util_string(f, "factorType", true, record, &type, err)) ||
	    (rc = json_util_string(f, "provider", false, record, &provider, err)) ||
	    (rc = json_util_string(f, "status", true, record, &status, err)))
		return rc;
	strong = strcmp(status, "ACTIVE") == 0 && strcmp(type, "email") != 0 &&
		 strcmp(type, "question") != 0;
	if ((rc = apps_keyf(key, err, "%s/%s", user, id)))
		return rc;
	attrs_init(&a);
	attrs_str(&a, "user_id", user);
	attrs_str(&a, "factor_type", type);
	attrs_str(&a, "provider", provider);
	attrs_lower(&a, "status", status);
	attrs_bool(&a, "strong", strong);
	return attrs_emit(&a, out, "okta_factor", buf_cstr(key), err);
}

static int okta_factors_parse(const struct import_input *in,
			      struct import_output *out, struct error *err)
{
	char user[USER_ID_MAX];
	char record[ERROR_NAME_MAX];
	struct buf key = BUF_INIT;
	json_t *root, *f;
	int rc;

	if (!factors_user(in->path, user, sizeof(user)))
		return error_input(err, NULL, 0, NULL, NULL,
				   "not an Okta factors list path "
				   "(sources/okta/api/v1/users/<id>/factors.json)");
	if ((rc = apps_load_array(&root, in->data, in->size, err)))
		return rc;
	for (size_t i = 0; i < json_array_size(root) && !rc; i++) {
		rc = apps_list_object(root, i, "factors", record, &f, err);
		if (!rc)
			rc = one_factor(f, record, user, out, &key, err);
	}
	buf_release(&key);
	json_decref(root);
	return rc;
}

const struct importer importer_okta_factors = {
	.name = "okta.factors",
	.source = "okta",
	.description = "Okta Factors API list of one user "
		       "(GET /api/v1/users/{id}/factors)",
	.recognise = okta_factors_recognise,
	.parse = okta_factors_parse,
};
