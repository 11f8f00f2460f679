/*
 * rules.c - the built-in rule table and the rule set (rules.h).  User rule
 * files are read by rules_yaml.c.
 *
 * The cis.* patterns are copied verbatim from AWS Security Hub's
 * CloudWatch.1-14 controls and Prowler's Organizations check (shared/
 * FORMAT-NOTES.md 1.3): coverage decisions (coverage.c) compare users'
 * metric filters against exactly this text, so do not "improve" it here;
 * refinements go in the `exclude` column.
 */
#include "detect/rules.h"

#include <stdlib.h>
#include <string.h>

#include "util/text.h"

/* AWS's own root-with-MFA sign-in example logs MFAUsed "YES"; the CIS
 * pattern compares case-sensitively (`!= "Yes"`) and would call that a
 * sign-in without MFA.  The built-in rule drops the other spellings. */
#define MFA_CASE_EXCLUDE                                                  \
	"{ ($.additionalEventData.MFAUsed = \"YES\") || "                 \
	"($.additionalEventData.MFAUsed = \"yes\") }"

static const struct detect_builtin builtins[] = {
	{"cis.root-usage", "Root account used", SEV_HIGH,
	 "CloudWatch.1; CIS 1.2: 1.1, 3.3; CIS 1.4: 1.7, 4.3", "CC6.1,CC7.2",
	 "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT "
	 "EXISTS && $.eventType !=\"AwsServiceEvent\"}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.unauthorized-api", "Unauthorized API call", SEV_MEDIUM,
	 "CloudWatch.2; CIS 1.2: 3.1; CIS 1.4: 4.1", "CC6.1,CC7.2",
	 "{($.errorCode=\"*UnauthorizedOperation\") || "
	 "($.errorCode=\"AccessDenied*\")}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.console-no-mfa", "Console sign-in without MFA", SEV_HIGH,
	 "CloudWatch.3; CIS 1.2: 3.2; CIS 1.4: 4.2", "CC6.1,CC7.2",
	 "{ ($.eventName = \"ConsoleLogin\") && "
	 "($.additionalEventData.MFAUsed != \"Yes\") && "
	 "($.userIdentity.type = \"IAMUser\") && "
	 "($.responseElements.ConsoleLogin = \"Success\") }",
	 MFA_CASE_EXCLUDE, 0, 0, {NULL, NULL}},
	{"cis.iam-policy-change", "IAM policy changed", SEV_MEDIUM,
	 "CloudWatch.4; CIS 1.2: 3.4; CIS 1.4: 4.4", "CC6.3,CC7.2,CC8.1",
	 "{($.eventName=DeleteGroupPolicy) || "
	 "($.eventName=DeleteRolePolicy) || "
	 "($.eventName=DeleteUserPolicy) || "
	 "($.eventName=PutGroupPolicy) || ($.eventName=PutRolePolicy) "
	 "|| ($.eventName=PutUserPolicy) || ($.eventName=CreatePolicy) "
	 "|| ($.eventName=DeletePolicy) || "
	 "($.eventName=CreatePolicyVersion) || "
	 "($.eventName=DeletePolicyVersion) || "
	 "($.eventName=AttachRolePolicy) || "
	 "($.eventName=DetachRolePolicy) || "
	 "($.eventName=AttachUserPolicy) || "
	 "($.eventName=DetachUserPolicy) || "
	 "($.eventName=AttachGroupPolicy) || "
	 "($.eventName=DetachGroupPolicy)}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.cloudtrail-change", "CloudTrail configuration changed", SEV_HIGH,
	 "CloudWatch.5; CIS 1.2: 3.5; CIS 1.4: 4.5", "CC7.2,CC8.1",
	 "{($.eventName=CreateTrail) || ($.eventName=UpdateTrail) || "
	 "($.eventName=DeleteTrail) || ($.eventName=StartLogging) || "
	 "($.eventName=StopLogging)}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.console-auth-failure", "Console sign-in failed", SEV_LOW,
	 "CloudWatch.6; CIS 1.2: 3.6; CIS 1.4: 4.6", "CC6.1,CC7.2",
	 "{($.eventName=ConsoleLogin) && ($.errorMessage=\"Failed "
	 "authentication\")}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.kms-disable", "KMS key disabled or scheduled for deletion", SEV_HIGH,
	 "CloudWatch.7; CIS 1.2: 3.7; CIS 1.4: 4.7", "CC6.1,CC7.2",
	 "{($.eventSource=kms.amazonaws.com) && "
	 "(($.eventName=DisableKey) || "
	 "($.eventName=ScheduleKeyDeletion))}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.s3-policy-change", "S3 bucket policy changed", SEV_MEDIUM,
	 "CloudWatch.8; CIS 1.2: 3.8; CIS 1.4: 4.8", "CC6.1,CC7.2,CC8.1",
	 "{($.eventSource=s3.amazonaws.com) && "
	 "(($.eventName=PutBucketAcl) || ($.eventName=PutBucketPolicy) "
	 "|| ($.eventName=PutBucketCors) || "
	 "($.eventName=PutBucketLifecycle) || "
	 "($.eventName=PutBucketReplication) || "
	 "($.eventName=DeleteBucketPolicy) || "
	 "($.eventName=DeleteBucketCors) || "
	 "($.eventName=DeleteBucketLifecycle) || "
	 "($.eventName=DeleteBucketReplication))}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.config-change", "AWS Config configuration changed", SEV_MEDIUM,
	 "CloudWatch.9; CIS 1.2: 3.9; CIS 1.4: 4.9", "CC7.2,CC8.1",
	 "{($.eventSource=config.amazonaws.com) && "
	 "(($.eventName=StopConfigurationRecorder) || "
	 "($.eventName=DeleteDeliveryChannel) || "
	 "($.eventName=PutDeliveryChannel) || "
	 "($.eventName=PutConfigurationRecorder))}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.security-group-change", "Security group changed", SEV_MEDIUM,
	 "CloudWatch.10; CIS 1.2: 3.10; CIS 1.4: 4.10", "CC6.6,CC7.2,CC8.1",
	 "{($.eventName=AuthorizeSecurityGroupIngress) || "
	 "($.eventName=AuthorizeSecurityGroupEgress) || "
	 "($.eventName=RevokeSecurityGroupIngress) || "
	 "($.eventName=RevokeSecurityGroupEgress) || "
	 "($.eventName=CreateSecurityGroup) || "
	 "($.eventName=DeleteSecurityGroup)}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.nacl-change", "Network ACL changed", SEV_MEDIUM,
	 "CloudWatch.11; CIS 1.2: 3.11; CIS 1.4: 4.11", "CC6.6,CC7.2,CC8.1",
	 "{($.eventName=CreateNetworkAcl) || "
	 "($.eventName=CreateNetworkAclEntry) || "
	 "($.eventName=DeleteNetworkAcl) || "
	 "($.eventName=DeleteNetworkAclEntry) || "
	 "($.eventName=ReplaceNetworkAclEntry) || "
	 "($.eventName=ReplaceNetworkAclAssociation)}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.network-gateway-change", "Network gateway changed", SEV_MEDIUM,
	 "CloudWatch.12; CIS 1.2: 3.12; CIS 1.4: 4.12", "CC6.6,CC7.2,CC8.1",
	 "{($.eventName=CreateCustomerGateway) || "
	 "($.eventName=DeleteCustomerGateway) || "
	 "($.eventName=AttachInternetGateway) || "
	 "($.eventName=CreateInternetGateway) || "
	 "($.eventName=DeleteInternetGateway) || "
	 "($.eventName=DetachInternetGateway)}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.route-table-change", "Route table changed", SEV_MEDIUM,
	 "CloudWatch.13; CIS 1.2: 3.13; CIS 1.4: 4.13", "CC6.6,CC7.2,CC8.1",
	 "{($.eventName=CreateRoute) || ($.eventName=CreateRouteTable) "
	 "|| ($.eventName=ReplaceRoute) || "
	 "($.eventName=ReplaceRouteTableAssociation) || "
	 "($.eventName=DeleteRouteTable) || ($.eventName=DeleteRoute) "
	 "|| ($.eventName=DisassociateRouteTable)}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.vpc-change", "VPC changed", SEV_MEDIUM,
	 "CloudWatch.14; CIS 1.2: 3.14; CIS 1.4: 4.14", "CC6.6,CC7.2,CC8.1",
	 "{($.eventName=CreateVpc) || ($.eventName=DeleteVpc) || "
	 "($.eventName=ModifyVpcAttribute) || "
	 "($.eventName=AcceptVpcPeeringConnection) || "
	 "($.eventName=CreateVpcPeeringConnection) || "
	 "($.eventName=DeleteVpcPeeringConnection) || "
	 "($.eventName=RejectVpcPeeringConnection) || "
	 "($.eventName=AttachClassicLinkVpc) || "
	 "($.eventName=DetachClassicLinkVpc) || "
	 "($.eventName=DisableVpcClassicLink) || "
	 "($.eventName=EnableVpcClassicLink)}",
	 NULL, 0, 0, {NULL, NULL}},
	{"cis.organizations-change", "AWS Organizations changed", SEV_HIGH,
	 "CIS 1.4: 4.15 (Prowler pattern)", "CC6.3,CC7.2,CC8.1",
	 "{ ($.eventSource = organizations.amazonaws.com) && "
	 "(($.eventName = \"AcceptHandshake\") || ($.eventName = "
	 "\"AttachPolicy\") || ($.eventName = \"CancelHandshake\") || "
	 "($.eventName = \"CreateAccount\") || ($.eventName = "
	 "\"CreateOrganization\") || ($.eventName = "
	 "\"CreateOrganizationalUnit\") || ($.eventName = "
	 "\"CreatePolicy\") || ($.eventName = \"DeclineHandshake\") || "
	 "($.eventName = \"DeleteOrganization\") || ($.eventName = "
	 "\"DeleteOrganizationalUnit\") || ($.eventName = "
	 "\"DeletePolicy\") || ($.eventName = \"EnableAllFeatures\") || "
	 "($.eventName = \"EnablePolicyType\") || ($.eventName = "
	 "\"InviteAccountToOrganization\") || ($.eventName = "
	 "\"LeaveOrganization\") || ($.eventName = \"DetachPolicy\") || "
	 "($.eventName = \"DisablePolicyType\") || ($.eventName = "
	 "\"MoveAccount\") || ($.eventName = "
	 "\"RemoveAccountFromOrganization\") || ($.eventName = "
	 "\"UpdateOrganizationalUnit\") || ($.eventName = "
	 "\"UpdatePolicy\")) }",
	 NULL, 0, 0, {NULL, NULL}},
	{"threshold.console-login-failures",
	 "Repeated console sign-in failures for one user", SEV_HIGH,
	 "", "CC6.1,CC7.2",
	 "{ ($.eventName = ConsoleLogin) && "
	 "(($.responseElements.ConsoleLogin = \"Failure\") || "
	 "($.errorMessage = \"Failed authentication\")) }",
	 NULL, 5, 300, {"$.userIdentity.userName", "$.userIdentity.arn"}},
};

const struct detect_builtin *detect_builtin_rules(size_t *n)
{
	*n = sizeof(builtins) / sizeof(builtins[0]);
	return builtins;
}

const struct detect_builtin *detect_builtin_find(const char *id)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (strcmp(builtins[i].id, id) == 0)
			return &builtins[i];
	return NULL;
}

static const char *const severity_names[] = {
	[SEV_INFO] = "info",
	[SEV_LOW] = "low",
	[SEV_MEDIUM] = "medium",
	[SEV_HIGH] = "high",
	[SEV_CRITICAL] = "critical",
};

const char *detect_severity_name(enum detect_severity s)
{
	if ((unsigned)s >= sizeof(severity_names) / sizeof(severity_names[0]))
		return "unknown";
	return severity_names[s];
}

int detect_severity_parse(const char *s, enum detect_severity *out)
{
	for (size_t i = 0; i < sizeof(severity_names) / sizeof(severity_names[0]);
	     i++) {
		if (text_equal_nocase(s, severity_names[i])) {
			*out = (enum detect_severity)i;
			return 0;
		}
	}
	return ERR_INPUT;
}

int detect_ruleset_new(struct detect_ruleset **out, struct error *err)
{
	struct detect_ruleset *rs = calloc(1, sizeof(*rs));
	int rc;

	*out = NULL;
	if (!rs)
		return error_set(err, ERR_NOMEM, "out of memory");
	rc = field_table_init(&rs->fields, err);
	if (rc) {
		free(rs);
		return rc;
	}
	*out = rs;
	return 0;
}

static void rule_release(struct detect_rule *r)
{
	free(r->id);
	free(r->title);
	free(r->cis);
	free(r->criteria);
	free(r->source);
	pattern_free(r->pattern);
	pattern_free(r->exclude);
	memset(r, 0, sizeof(*r));
}

void detect_ruleset_free(struct detect_ruleset *rs)
{
	if (!rs)
		return;
	for (size_t i = 0; i < rs->len; i++)
		rule_release(&rs->rules[i]);
	free(rs->rules);
	field_table_release(&rs->fields);
	free(rs);
}

const struct detect_rule *detect_ruleset_find(const struct detect_ruleset *rs,
					      const char *id)
{
	for (size_t i = 0; i < rs->len; i++)
		if (strcmp(rs->rules[i].id, id) == 0)
			return &rs->rules[i];
	return NULL;
}

static int compile_rule(struct detect_ruleset *rs, struct detect_rule *r,
			const struct detect_builtin *def, struct error *err)
{
	int rc = pattern_compile(&r->pattern, def->pattern, &rs->fields, err);

	if (rc) {
		error_prefix(err, "pattern");
		return rc;
	}
	if (def->exclude &&
	    (rc = pattern_compile(&r->exclude, def->exclude, &rs->fields, err))) {
		error_prefix(err, "exclude");
		return rc;
	}
	r->threshold.count = def->count;
	r->threshold.window_seconds = def->window_seconds;
	for (int k = 0; k < DETECT_KEYS_MAX && def->count; k++) {
		if (!def->key[k])
			continue;
		rc = field_table_intern(&rs->fields, def->key[k],
					strlen(def->key[k]),
					&r->threshold.key_field[r->threshold.nkeys],
					err);
		if (rc) {
			error_prefix(err, "threshold key");
			return rc;
		}
		r->threshold.nkeys++;
	}
	return 0;
}

int detect_ruleset_add(struct detect_ruleset *rs,
		       const struct detect_builtin *def, const char *source,
		       struct error *err)
{
	struct detect_rule r = {0};
	int rc;

	if (detect_ruleset_find(rs, def->id))
		return error_set(err, ERR_INPUT, "duplicate rule id '%s'",
				 def->id);
	if (rs->len == rs->cap) {
		size_t ncap = rs->cap ? rs->cap * 2 : 32;
		struct detect_rule *n = realloc(rs->rules, ncap * sizeof(*n));

		if (!n)
			return error_set(err, ERR_NOMEM, "out of memory");
		rs->rules = n;
		rs->cap = ncap;
	}
	r.id = text_dup(def->id);
	r.title = text_dup(def->title ? def->title : def->id);
	r.cis = text_dup(def->cis ? def->cis : "");
	r.criteria = text_dup(def->criteria ? def->criteria : "CC7.2");
	r.source = text_dup(source);
	r.severity = def->severity;
	if (!r.id || !r.title || !r.cis || !r.criteria || !r.source) {
		rule_release(&r);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	rc = compile_rule(rs, &r, def, err);
	if (rc) {
		rule_release(&r);
		return rc;
	}
	rs->rules[rs->len++] = r;
	return 0;
}

int detect_ruleset_add_builtin(struct detect_ruleset *rs, struct error *err)
{
	for (size_t i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		int rc = detect_ruleset_add(rs, &builtins[i], "built-in", err);

		if (rc) {
			error_prefix(err, "built-in rule %s", builtins[i].id);
			return rc;
		}
	}
	return 0;
}

int detect_ruleset_keep(struct detect_ruleset *rs, const char *const *ids,
			size_t n, struct error *err)
{
	size_t out = 0;

	for (size_t i = 0; i < n; i++)
		if (!detect_ruleset_find(rs, ids[i]))
			return error_set(err, ERR_USAGE, "unknown rule '%s'",
					 ids[i]);
	for (size_t i = 0; i < rs->len; i++) {
		bool keep = false;

		for (size_t k = 0; k < n && !keep; k++)
			keep = strcmp(rs->rules[i].id, ids[k]) == 0;
		if (keep)
			rs->rules[out++] = rs->rules[i];
		else
			rule_release(&rs->rules[i]);
	}
	rs->len = out;
	return 0;
}
