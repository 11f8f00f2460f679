/*
 * github_members.c - GitHub org members list (`GET /orgs/{org}/members`),
 * saved as sources/github/orgs/<org>/members.json (further pages
 * members.2.json, ...).  One `account` fact per member, system
 * `github:<org>`, kind `member` (docs/facts.md; FORMAT-NOTES 3.6).
 *
 * The list says nothing about 2FA, org role or e-mail: mfa, admin and email
 * are null (unknown).  `site_admin` is GitHub staff, not org admin, so it is
 * not used.  Every listed member can use the org: active, status "active".
 * Without owner rights the API returns public members only; that is the
 * exporter's concern (docs/sources/github.md).
 */
#include "importers/importer.h"

#include <inttypes.h>
#include <stdio.h>

#include "importers/apps_common.h"
#include "importers/github_common.h"
#include "importers/json_util.h"

static bool github_members_recognise(const char *path, const char *data,
				     size_t size)
{
	struct github_path p;

	(void)data;
	(void)size;
	github_path_parse(path, &p);
	return p.endpoint == GITHUB_MEMBERS;
}

static int one_member(const json_t *m, const char *record,
		      const struct github_path *p, struct import_output *out,
		      struct buf *key, struct error *err)
{
	const char *login;
	int64_t id = 0;
	bool has_id;
	char id_text[24] = "";
	struct attrs a;
	int rc;

	if ((rc = json_util_string(m, "login", true, record, &login, err)) ||
	    (rc = json_util_integer(m, "id", 0, INT64_MAX, record, &id, &has_id,
				    err)))
		return rc;
	if (has_id)
		snprintf(id_text, sizeof(id_text), "%" PRId64, id);
	if ((rc = apps_keyf(key, err, "%s/%s", p->system, login)))
		return rc;
	attrs_init(&a);
	attrs_str(&a, "system", p->system);
	attrs_str(&a, "account", login);
	attrs_str(&a, "email", NULL);
	attrs_str(&a, "name", NULL);
	attrs_str(&a, "status", "active");
	attrs_bool(&a, "active", 1);
	attrs_bool(&a, "admin", -1);
	attrs_bool(&a, "mfa", -1);
	attrs_str(&a, "created_at", NULL);
	attrs_str(&a, "last_login_at", NULL);
	attrs_str(&a, "kind", "member");
	attrs_str(&a, "id", has_id ? id_text : NULL);
	return attrs_emit(&a, out, "account", buf_cstr(key), err);
}

static int github_members_parse(const struct import_input *in,
				struct import_output *out, struct error *err)
{
	struct github_path p;
	char record[ERROR_NAME_MAX];
	struct buf key = BUF_INIT;
	json_t *root, *m;
	int rc;

	if ((rc = github_path_expect(in->path, GITHUB_MEMBERS, &p, err)) ||
	    (rc = apps_load_array(&root, in->data, in->size, err)))
		return rc;
	for (size_t i = 0; i < json_array_size(root) && !rc; i++) {
		rc = apps_list_object(root, i, "members", record, &m, err);
		if (!rc)
			rc = one_member(m, record, &p, out, &key, err);
	}
	buf_release(&key);
	json_decref(root);
	return rc;
}

const struct importer importer_github_members = {
	.name = "github.members",
	.source = "github",
	.description = "GitHub org members list (GET /orgs/{org}/members)",
	.recognise = github_members_recognise,
	.parse = github_members_parse,
};
