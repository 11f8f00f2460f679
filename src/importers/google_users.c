/*
 * google_users.c - Google Workspace Admin SDK Directory `users.list`, saved
 * as sources/google-workspace/admin/directory/v1/users.json (further pages
 * users.2.json, ...).  One `account` fact per user (docs/facts.md;
 * FORMAT-NOTES 4.2).
 *
 * Quirks: a never-used account has lastLoginTime "1970-01-01T00:00:00.000Z"
 * (an epoch sentinel, not null): that is "never", null.  A page with no
 * users has no `users` key at all.  Booleans may be absent depending on
 * the projection: absent suspended/archived count as false (Google omits
 * false values in some projections), absent isAdmin / isEnrolledIn2Sv
 * are unknown (null).  With showDeleted=true, deleted users carry
 * `deletionTime`: status "deleted", not active.
 */
#include "importers/importer.h"

#include <string.h>

#include "importers/apps_common.h"
#include "importers/json_util.h"
#include "util/text.h"

#define GOOGLE_DIR "admin/directory/v1/"

static bool google_users_recognise(const char *path, const char *data,
				   size_t size)
{
	const char *rest = apps_path_in(path, "google-workspace");

	(void)data;
	(void)size;
	if (!rest || !text_starts_with(rest, GOOGLE_DIR))
		return false;
	rest += strlen(GOOGLE_DIR);
	return !strchr(rest, '/') && apps_page_name(rest, strlen(rest), "users");
}

struct google_user {
	const char *id, *email, *full_name;
	int admin, suspended, archived, mfa;
	stamp_t created, last_login, deleted;
};

static int read_user(const json_t *u, const char *record,
		     struct google_user *g, struct error *err)
{
	json_t *name;
	int rc;

	if ((rc = json_util_string(u, "id", true, record, &g->id, err)) ||
	    (rc = json_util_string(u, "primaryEmail", true, record, &g->email, err)) ||
	    (rc = json_util_object(u, "name", false, record, &name, err)) ||
	    (rc = json_util_bool(u, "isAdmin", -1, record, &g->admin, err)) ||
	    (rc = json_util_bool(u, "suspended", 0, record, &g->suspended, err)) ||
	    (rc = json_util_bool(u, "archived", 0, record, &g->archived, err)) ||
	    (rc = json_util_bool(u, "isEnrolledIn2Sv", -1, record, &g->mfa, err)) ||
	    (rc = json_util_stamp(u, "creationTime", record, &g->created, err)) ||
	    (rc = json_util_stamp(u, "lastLoginTime", record, &g->last_login, err)) ||
	    (rc = json_util_stamp(u, "deletionTime", record, &g->deleted, err)))
		return rc;
	g->full_name = NULL;
	if (name && (rc = json_util_string(name, "fullName", false, record,
					   &g->full_name, err))) {
		error_set_field(err, "name.fullName");
		return rc;
	}
	/* The epoch sentinel means "never signed in". */
	if (g->last_login == 0)
		g->last_login = STAMP_NONE;
	return 0;
}

static const char *user_status(const struct google_user *g)
{
	if (g->deleted != STAMP_NONE)
		return "deleted";
	if (g->suspended == 1)
		return "suspended";
	if (g->archived == 1)
		return "archived";
	return "active";
}

static int one_user(const json_t *u, const char *record,
		    struct import_output *out, struct buf *key,
		    struct error *err)
{
	struct google_user g;
	struct attrs a;
	const char *status;
	int rc;

	if ((rc = read_user(u, record, &g, err)))
		return rc;
	status = user_status(&g);
	if ((rc = apps_keyf(key, err, "google-workspace/%s", g.email)))
		return rc;
	text_lower(key->data);
	attrs_init(&a);
	attrs_str(&a, "system", "google-workspace");
	attrs_lower(&a, "account", g.email);
	attrs_lower(&a, "email", g.email);
	attrs_str(&a, "name", g.full_name);
	attrs_str(&a, "status", status);
	attrs_bool(&a, "active", strcmp(status, "active") == 0);
	attrs_bool(&a, "admin", g.admin);
	attrs_bool(&a, "mfa", g.mfa);
	attrs_stamp(&a, "created_at", g.created);
	attrs_stamp(&a, "last_login_at", g.last_login);
	attrs_str(&a, "kind", "user");
	attrs_str(&a, "id", g.id);
	return attrs_emit(&a, out, "account", buf_cstr(key), err);
}

static int google_users_parse(const struct import_input *in,
			      struct import_output *out, struct error *err)
{
	json_t *root, *users, *u;
	char record[ERROR_NAME_MAX];
	struct buf key = BUF_INIT;
	const char *api;
	int rc;

	if ((rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	if ((api = apps_api_error_text(root)) && !json_object_get(root, "users")) {
		rc = error_input(err, NULL, 0, NULL, NULL,
				 "expected a users.list body, found an error "
				 "body: \"%.200s\"", api);
		goto done;
	}
	/* An empty page has no "users" key at all. */
	if ((rc = json_util_array(root, "users", false, "", &users, err)))
		goto done;
	for (size_t i = 0; i < json_array_size(users) && !rc; i++) {
		rc = apps_list_object(users, i, "users", record, &u, err);
		if (!rc)
			rc = one_user(u, record, out, &key, err);
	}
done:
	buf_release(&key);
	json_decref(root);
	return rc;
}

const struct importer importer_google_users = {
	.name = "google-workspace.users",
	.source = "google-workspace",
	.description = "Google Workspace Admin SDK Directory users.list",
	.recognise = google_users_recognise,
	.parse = google_users_parse,
};
