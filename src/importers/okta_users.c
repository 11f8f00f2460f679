/*
 * okta_users.c - Okta Users API list (`GET /api/v1/users`), saved as
 * sources/okta/api/v1/users.json (further pages users.2.json, ...).
 * One `account` fact per user (docs/facts.md; FORMAT-NOTES 4.1).
 *
 * account = profile.login (Okta's sign-in name), email = profile.email.
 * `active` means "holds credentials that sign in now or after a self-service
 * step": ACTIVE, and also RECOVERY (password reset in progress),
 * PASSWORD_EXPIRED (signs in with the old password, then must change it)
 * and LOCKED_OUT (unlocks after the lockout period or by self-service).
 * An auditor counts those as live accounts, so a leaver in any of them is
 * a finding.  STAGED and PROVISIONED users have never set a password (a
 * PROVISIONED one has an activation link outstanding), SUSPENDED and
 * DEPROVISIONED ones cannot sign in: not active.  The status word is kept,
 * so a check can be stricter.  An unknown status is an error rather than a
 * guess, since guessing "inactive" would hide a live account.
 * The list has no admin or MFA information: both null (MFA comes from the
 * factors list, importers/okta_factors.c).
 */
#include "importers/importer.h"

#include <string.h>

#include "importers/apps_common.h"
#include "importers/json_util.h"
#include "util/text.h"

static bool okta_users_recognise(const char *path, const char *data,
				 size_t size)
{
	const char *rest = apps_path_in(path, "okta");

	(void)data;
	(void)size;
	if (!rest || !text_starts_with(rest, "api/v1/"))
		return false;
	rest += strlen("api/v1/");
	return !strchr(rest, '/') && apps_page_name(rest, strlen(rest), "users");
}

static const struct {
	const char *status;
	bool active;
} statuses[] = {
	{"ACTIVE", true},         {"RECOVERY", true},
	{"PASSWORD_EXPIRED", true}, {"LOCKED_OUT", true},
	{"STAGED", false},        {"PROVISIONED", false},
	{"SUSPENDED", false},     {"DEPROVISIONED", false},
};

static int status_active(const char *status, const char *record, bool *active,
			 struct error *err)
{
	for (size_t i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		if (strcmp(status, statuses[i].status) == 0) {
			*active = statuses[i].active;
			return 0;
		}
	}
	return error_input(err, NULL, 0, record, "status",
			   "unknown Okta user status \"%.64s\" (expected ACTIVE, "
			   "RECOVERY, PASSWORD_EXPIRED, LOCKED_OUT, STAGED, "
			   "PROVISIONED, SUSPENDED or DEPROVISIONED)", status);
}

/* profile.displayName, else "firstName lastName", else NULL. */
static void set_name(struct attrs *a, const json_t *profile)
{
	const char *display = json_string_value(json_object_get(profile, "displayName"));
	const char *first = json_string_value(json_object_get(profile, "firstName"));
	const char *last = json_string_value(json_object_get(profile, "lastName"));
	struct buf b = BUF_INIT;

	if (display && *display) {
		attrs_str(a, "name", display);
		return;
	}
	if (!first && !last) {
		attrs_str(a, "name", NULL);
		return;
	}
	if (buf_printf(&b, "%s%s%s", first ? first : "",
		       first && last ? " " : "", last ? last : ""))
		a->failed = true;
	else
		attrs_str(a, "name", buf_cstr(&b));
	buf_release(&b);
}

static int one_user(const json_t *user, const char *record,
		    struct import_output *out, struct buf *key,
		    struct error *err)
{
	const char *id, *status, *login, *email;
	json_t *profile;
	stamp_t created, last_login;
	bool active = false;
	struct attrs a;
	int rc;

	if ((rc = json_util_string(user, "id", true, record, &id, err)) ||
	    (rc = json_util_string(user, "status", true, record, &status, err)) ||
	    (rc = status_active(status, record, &active, err)) ||
	    (rc = json_util_object(user, "profile", true, record, &profile, err)) ||
	    (rc = json_util_stamp(user, "created", record, &created, err)) ||
	    (rc = json_util_stamp(user, "lastLogin", record, &last_login, err)))
		return rc;
	/* login and email live in the profile: name them as such. */
	if ((rc = json_util_string(profile, "login", true, record, &login, err))) {
		error_set_field(err, "profile.login");
		return rc;
	}
	if ((rc = json_util_string(profile, "email", false, record, &email, err))) {
		error_set_field(err, "profile.email");
		return rc;
	}
	if ((rc = apps_keyf(key, err, "okta/%s", login)))
		return rc;
	attrs_init(&a);
	attrs_str(&a, "system", "okta");
	attrs_str(&a, "account", login);
	attrs_lower(&a, "email", email);
	set_name(&a, profile);
	attrs_lower(&a, "status", status);
	attrs_bool(&a, "active", active);
	attrs_bool(&a, "admin", -1);
	attrs_bool(&a, "mfa", -1);
	attrs_stamp(&a, "created_at", created);
	attrs_stamp(&a, "last_login_at", last_login);
	attrs_str(&a, "kind", "user");
	attrs_str(&a, "id", id);
	return attrs_emit(&a, out, "account", buf_cstr(key), err);
}

static int okta_users_parse(const struct import_input *in,
			    struct import_output *out, struct error *err)
{
	json_t *root, *user;
	char record[ERROR_NAME_MAX];
	struct buf key = BUF_INIT;
	int rc = 0;

	if ((rc = apps_load_array(&root, in->data, in->size, err)))
		return rc;
	for (size_t i = 0; i < json_array_size(root) && !rc; i++) {
		rc = apps_list_object(root, i, "users", record, &user, err);
		if (!rc)
			rc = one_user(user, record, out, &key, err);
	}
	buf_release(&key);
	json_decref(root);
	return rc;
}

const struct importer importer_okta_users = {
	.name = "okta.users",
	.source = "okta",
	.description = "Okta Users API list (GET /api/v1/users)",
	.recognise = okta_users_recognise,
	.parse = okta_users_parse,
};
