/*
 * aws_authorization_details.c - `aws iam get-account-authorization-details`
 * saved as sources/aws/<acct>/iam-get-account-authorization-details.json.
 *
 * Emits aws_iam_user, aws_iam_group, aws_iam_role, aws_iam_policy, and one
 * `account` fact per IAM user (system aws:<acct>; the credential report,
 * not this file, knows MFA and last use, so mfa is null and last_login_at
 * is left out rather than claiming "never").  docs/facts.md has the
 * attributes.
 *
 * Tolerated (shared/FORMAT-NOTES.md 2.2): dates in ISO or boto3 form;
 * Statement as an object (normalised to a one-element array); policy
 * documents as objects or as URL-encoded JSON text (raw Query API form);
 * AttachedManagedPolicies as a single object (typo in the AWS CLI docs'
 * example); RoleLastUsed `{}`; any of the four lists absent (the CLI's
 * --filter).  Only the default policy version is kept.
 */
#include "importers/importer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importers/aws_common.h"
#include "importers/json_util.h"
#include "util/text.h"

#define DETAILS_STEM "iam-get-account-authorization-details"

static bool recognise(const char *path, const char *data, size_t size)
{
	(void)data;
	(void)size;
	return aws_path_is(path, DETAILS_STEM, true);
}

static void sub_record(char out[JSON_UTIL_RECORD_MAX], const char *record,
		       const char *list, size_t i)
{
	json_util_subrecord(out, record, list, (long)i);
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* A document given as text: JSON, or URL-encoded JSON (Query API). */
static json_t *document_from_text(const char *s, size_t len)
{
	char *dec;
	size_t n = 0;
	json_t *doc;

	while (len && (*s == ' ' || *s == '\n' || *s == '\r' || *s == '\t'))
		s++, len--;
	if (len && *s == '{')
		return json_loadb(s, len, 0, NULL);
	dec = malloc(len + 1);
	if (!dec)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%' && i + 2 < len && hex_value(s[i + 1]) >= 0 &&
		    hex_value(s[i + 2]) >= 0) {
			dec[n++] = (char)(hex_value(s[i + 1]) * 16 +
					  hex_value(s[i + 2]));
			i += 2;
		} else {
			dec[n++] = s[i];
		}
	}
	doc = json_loadb(dec, n, 0, NULL);
	free(dec);
	return doc;
}

/* A copy of a policy document with Statement always an array. */
static int policy_document(const json_t *v, const char *record,
			   const char *field, json_t **out, struct error *err)
{
	json_t *doc, *st;

	*out = NULL;
	if (!v)
		return error_input(err, NULL, 0, record, field,
				   "required field is missing");
	if (json_is_object(v))
		doc = json_deep_copy(v);
	else if (json_is_string(v))
		doc = document_from_text(json_string_value(v),
					 json_string_length(v));
	else
		return error_input(err, NULL, 0, record, field,
				   "expected a policy document, found %s",
				   json_util_type_name(v));
	if (!json_is_object(doc)) {
		json_decref(doc);
		return error_input(err, NULL, 0, record, field,
				   "policy document is not a JSON object");
	}
	st = json_object_get(doc, "Statement");
	if (!st) {
		json_object_set_new(doc, "Statement", json_array());
	} else if (json_is_object(st)) {
		json_t *arr = json_array();

		json_array_append(arr, st);
		json_object_set_new(doc, "Statement", arr);
	} else if (!json_is_array(st)) {
		json_decref(doc);
		return error_input(err, NULL, 0, record, field,
				   "Statement: expected an object or an "
				   "array, found %s", json_util_type_name(st));
	}
	*out = doc;
	return 0;
}

/* UserPolicyList / GroupPolicyList / RolePolicyList -> documents. */
static int inline_policies(const json_t *obj, const char *list,
			   const char *record, json_t **out, struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	json_t *arr, *item, *doc;
	size_t i;
	int rc;

	*out = json_array();
	if ((rc = json_util_array(obj, list, false, record, &arr, err)))
		return rc;
	json_array_foreach(arr, i, item) {
		sub_record(rec, record, list, i);
		if (!json_is_object(item))
			return error_input(err, NULL, 0, rec, NULL,
					   "expected an object, found %s",
					   json_util_type_name(item));
		if ((rc = policy_document(json_object_get(item,
							  "PolicyDocument"),
					  rec, "PolicyDocument", &doc, err)))
			return rc;
		json_array_append_new(*out, doc);
	}
	return 0;
}

static int attached_one(const json_t *item, const char *rec, json_t *arns,
			struct error *err)
{
	const char *arn;
	int rc;

	if (!json_is_object(item))
		return error_input(err, NULL, 0, rec, NULL,
				   "expected an object, found %s",
				   json_util_type_name(item));
	if ((rc = json_util_string(item, "PolicyArn", true, rec, &arn, err)))
		return rc;
	json_array_append_new(arns, json_string(arn));
	return 0;
}

/* AttachedManagedPolicies -> array of policy ARNs.  A single object is
 * taken as a one-element list (the AWS CLI docs' example has that). */
static int attached_policies(const json_t *obj, const char *record,
			     json_t **out, struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	json_t *v = json_object_get(obj, "AttachedManagedPolicies");
	json_t *item;
	size_t i;
	int rc;

	*out = json_array();
	if (!v || json_is_null(v))
		return 0;
	if (json_is_object(v)) {
		json_util_subrecord(rec, record, "AttachedManagedPolicies",
				    -1);
		return attached_one(v, rec, *out, err);
	}
	if (!json_is_array(v))
		return error_input(err, NULL, 0, record,
				   "AttachedManagedPolicies",
				   "expected an array, found %s",
				   json_util_type_name(v));
	json_array_foreach(v, i, item) {
		sub_record(rec, record, "AttachedManagedPolicies", i);
		if ((rc = attached_one(item, rec, *out, err)))
			return rc;
	}
	return 0;
}

/* Tags [{Key, Value}] -> {"key": "Value"} with lower-case keys. */
static int tags_object(const json_t *obj, const char *record, json_t **out,
		       struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	json_t *arr, *item;
	const char *key, *value;
	size_t i;
	int rc;

	*out = json_object();
	if ((rc = json_util_array(obj, "Tags", false, record, &arr, err)))
		return rc;
	json_array_foreach(arr, i, item) {
		char *lower;

		sub_record(rec, record, "Tags", i);
		if (!json_is_object(item))
			return error_input(err, NULL, 0, rec, NULL,
					   "expected an object, found %s",
					   json_util_type_name(item));
		if ((rc = json_util_string(item, "Key", true, rec, &key, err)) ||
		    (rc = json_util_string(item, "Value", false, rec, &value,
					   err)))
			return rc;
		lower = text_dup(key);
		if (!lower)
			return error_set(err, ERR_NOMEM, "out of memory");
		text_lower(lower);
		json_object_set_new(*out, lower, json_util_string_or_null(value));
		free(lower);
	}
	return 0;
}

/* GroupList: array of group names. */
static int string_list(const json_t *obj, const char *key, const char *record,
		       json_t **out, struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	json_t *arr, *item;
	size_t i;
	int rc;

	*out = json_array();
	if ((rc = json_util_array(obj, key, false, record, &arr, err)))
		return rc;
	json_array_foreach(arr, i, item) {
		if (!json_is_string(item)) {
			json_util_record(rec, key, i);
			return error_input(err, NULL, 0, record, rec,
					   "expected a string, found %s",
					   json_util_type_name(item));
		}
		json_array_append(*out, item);
	}
	return 0;
}

/* Attributes every principal kind shares: system, <name_attr>, arn,
 * inline_policies, attached_policies, created_at. */
static int principal_common(const json_t *e, const char *record,
			    const char *name_key, const char *name_attr,
			    const char *policy_list,
			    const struct aws_account *acct, json_t *data,
			    const char **name, struct error *err)
{
	const char *arn;
	json_t *v;
	stamp_t created;
	int rc;

	if ((rc = json_util_string(e, name_key, true, record, name, err)) ||
	    (rc = json_util_string(e, "Arn", false, record, &arn, err)) ||
	    (rc = json_util_stamp(e, "CreateDate", record, &created, err)))
		return rc;
	json_object_set_new(data, "system", json_string(acct->system));
	json_object_set_new(data, name_attr, json_string(*name));
	json_object_set_new(data, "arn", json_util_string_or_null(arn));
	json_object_set_new(data, "created_at", json_util_stamp_value(created));
	rc = inline_policies(e, policy_list, record, &v, err);
	json_object_set_new(data, "inline_policies", v);
	if (rc)
		return rc;
	rc = attached_policies(e, record, &v, err);
	json_object_set_new(data, "attached_policies", v);
	return rc;
}

/* The `account` fact of an IAM user (docs/facts.md, people and accounts). */
static int add_account(const json_t *e, const char *record, const char *user,
		       const json_t *tags, const json_t *created,
		       const struct aws_account *acct, struct fact_list *facts,
		       struct error *err)
{
	const char *id;
	json_t *data, *email = json_null();
	int rc;

	if ((rc = json_util_string(e, "UserId", false, record, &id, err)))
		return rc;
	if (json_is_string(json_object_get(tags, "email"))) {
		char *lower = text_dup(json_string_value(
			json_object_get(tags, "email")));

		if (!lower)
			return error_set(err, ERR_NOMEM, "out of memory");
		text_lower(text_trim(lower));
		email = json_string(lower);
		free(lower);
	}
	data = json_pack("{s:s, s:s, s:o, s:b, s:n, s:n, s:s, s:O, s:O, s:o}",
			 "system", acct->system, "account", user, "email", email,
			 "active", 1, "admin", "mfa", "kind", "user",
			 "created_at", created, "tags", tags, "id",
			 json_util_string_or_null(id));
	return aws_fact_add(facts, "account", data, err, "%s/%s", acct->system,
			    user);
}

static int user_entry(const json_t *e, const char *record,
		      const struct aws_account *acct, struct fact_list *facts,
		      struct error *err)
{
	json_t *data = json_object(), *v, *tags;
	const char *name;
	int rc;

	rc = principal_common(e, record, "UserName", "user", "UserPolicyList",
			      acct, data, &name, err);
	if (!rc) {
		rc = string_list(e, "GroupList", record, &v, err);
		json_object_set_new(data, "groups", v);
	}
	if (!rc) {
		rc = tags_object(e, record, &tags, err);
		json_object_set(data, "tags", tags);
		if (!rc)
			rc = add_account(e, record, name, tags,
					 json_object_get(data, "created_at"),
					 acct, facts, err);
		json_decref(tags);
	}
	if (rc) {
		json_decref(data);
		return rc;
	}
	return aws_fact_add(facts, "aws_iam_user", data, err, "%s/%s",
			    acct->id, name);
}

static int group_entry(const json_t *e, const char *record,
		       const struct aws_account *acct, struct fact_list *facts,
		       struct error *err)
{
	json_t *data = json_object();
	const char *name;
	int rc;

	rc = principal_common(e, record, "GroupName", "group",
			      "GroupPolicyList", acct, data, &name, err);
	if (rc) {
		json_decref(data);
		return rc;
	}
	json_object_del(data, "created_at");
	return aws_fact_add(facts, "aws_iam_group", data, err, "%s/%s",
			    acct->id, name);
}

static int role_entry(const json_t *e, const char *record,
		      const struct aws_account *acct, struct fact_list *facts,
		      struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	json_t *data = json_object(), *last_used;
	const char *name;
	stamp_t t = STAMP_NONE;
	int rc;

	rc = principal_common(e, record, "RoleName", "role", "RolePolicyList",
			      acct, data, &name, err);
	if (!rc)
		rc = json_util_object(e, "RoleLastUsed", false, record,
				      &last_used, err);
	if (!rc && last_used) {
		json_util_subrecord(rec, record, "RoleLastUsed", -1);
		rc = json_util_stamp(last_used, "LastUsedDate", rec, &t, err);
	}
	if (rc) {
		json_decref(data);
		return rc;
	}
	json_object_del(data, "created_at");
	json_object_set_new(data, "last_used_at", json_util_stamp_value(t));
	return aws_fact_add(facts, "aws_iam_role", data, err, "%s/%s",
			    acct->id, name);
}

/* The default version's document (IsDefaultVersion, else the version
 * named by DefaultVersionId); null when the export lists neither. */
static int default_document(const json_t *e, const char *record,
			    json_t **out, struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	const char *default_id, *vid;
	json_t *versions, *v, *chosen = NULL;
	size_t i, chosen_index = 0;
	int rc, is_default;

	*out = NULL;
	if ((rc = json_util_string(e, "DefaultVersionId", false, record,
				   &default_id, err)) ||
	    (rc = json_util_array(e, "PolicyVersionList", false, record,
				  &versions, err)))
		return rc;
	json_array_foreach(versions, i, v) {
		sub_record(rec, record, "PolicyVersionList", i);
		if (!json_is_object(v))
			return error_input(err, NULL, 0, rec, NULL,
					   "expected an object, found %s",
					   json_util_type_name(v));
		if ((rc = json_util_bool(v, "IsDefaultVersion", 0, rec,
					 &is_default, err)) ||
		    (rc = json_util_string(v, "VersionId", false, rec, &vid,
					   err)))
			return rc;
		if (is_default || (!chosen && default_id && vid &&
				   strcmp(default_id, vid) == 0)) {
			chosen = v;
			chosen_index = i;
		}
		if (is_default)
			break;
	}
	if (!chosen)
		return 0;
	sub_record(rec, record, "PolicyVersionList", chosen_index);
	return policy_document(json_object_get(chosen, "Document"), rec,
			       "Document", out, err);
}

static int policy_entry(const json_t *e, const char *record,
			const struct aws_account *acct,
			struct fact_list *facts, struct error *err)
{
	const char *arn, *name;
	json_t *doc;
	int rc;

	if ((rc = json_util_string(e, "Arn", true, record, &arn, err)) ||
	    (rc = json_util_string(e, "PolicyName", false, record, &name,
				   err)) ||
	    (rc = default_document(e, record, &doc, err)))
		return rc;
	return aws_fact_add(facts, "aws_iam_policy",
			    json_pack("{s:s, s:s, s:s?, s:o}", "system",
				      acct->system, "arn", arn, "name", name,
				      "document", doc ? doc : json_null()),
			    err, "%s/%s", acct->id, arn);
}

typedef int (*entry_fn)(const json_t *e, const char *record,
			const struct aws_account *acct,
			struct fact_list *facts, struct error *err);

static const struct {
	const char *list;
	entry_fn fn;
} lists[] = {
	{"UserDetailList", user_entry},
	{"GroupDetailList", group_entry},
	{"RoleDetailList", role_entry},
	{"Policies", policy_entry},
};

static int parse(const struct import_input *in, struct import_output *out,
		 struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	struct aws_account acct;
	json_t *root, *arr, *e;
	int rc, found = 0;
	size_t i;

	if ((rc = aws_account_from_path(in->path, &acct, err)) ||
	    (rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	for (size_t l = 0; !rc && l < sizeof(lists) / sizeof(lists[0]); l++) {
		rc = json_util_array(root, lists[l].list, false, "", &arr, err);
		found += arr != NULL;
		json_array_foreach(arr, i, e) {
			json_util_record(rec, lists[l].list, i);
			if (!json_is_object(e))
				rc = error_input(err, NULL, 0, rec, NULL,
						 "expected an object, found %s",
						 json_util_type_name(e));
			else
				rc = lists[l].fn(e, rec, &acct, &out->facts,
						 err);
			if (rc)
				break;
		}
	}
	if (!rc && !found)
		rc = error_input(err, NULL, 0, NULL, NULL,
				 "none of UserDetailList, GroupDetailList, "
				 "RoleDetailList, Policies: not the output of "
				 "aws iam get-account-authorization-details");
	json_decref(root);
	return rc;
}

const struct importer importer_aws_authorization_details = {
	.name = "aws.authorization-details",
	.source = "aws",
	.description = "IAM users, groups, roles and policies (aws iam "
		       "get-account-authorization-details)",
	.recognise = recognise,
	.parse = parse,
};
