/*
 * coverage.c - metric-filter coverage by probe events (coverage.h).
 *
 * The probes are written as JSON Lines and read back through the real
 * CloudTrail reader, so a user's filter sees exactly what it would see in
 * `attest detect`, whatever fields it selects.
 */
#include "detect/coverage.h"

#include <stdlib.h>
#include <string.h>

#include "detect/ctreader.h"
#include "detect/pattern.h"
#include "detect/rules.h"
#include "util/text.h"

/* Every event name in the CIS patterns, with the service that emits it. */
static const struct {
	const char *source;
	const char *names;
} services[] = {
	{"iam.amazonaws.com",
	 "DeleteGroupPolicy DeleteRolePolicy DeleteUserPolicy PutGroupPolicy "
	 "PutRolePolicy PutUserPolicy CreatePolicy DeletePolicy "
	 "CreatePolicyVersion DeletePolicyVersion AttachRolePolicy "
	 "DetachRolePolicy AttachUserPolicy DetachUserPolicy AttachGroupPolicy "
	 "DetachGroupPolicy CreateUser GetUser"},
	{"cloudtrail.amazonaws.com",
	 "CreateTrail UpdateTrail DeleteTrail StartLogging StopLogging "
	 "DescribeTrails"},
	{"kms.amazonaws.com", "DisableKey ScheduleKeyDeletion EnableKey Decrypt"},
	{"s3.amazonaws.com",
	 "PutBucketAcl PutBucketPolicy PutBucketCors PutBucketLifecycle "
	 "PutBucketReplication DeleteBucketPolicy DeleteBucketCors "
	 "DeleteBucketLifecycle DeleteBucketReplication GetBucketAcl"},
	{"config.amazonaws.com",
	 "StopConfigurationRecorder DeleteDeliveryChannel PutDeliveryChannel "
	 "PutConfigurationRecorder StartConfigurationRecorder"},
	{"ec2.amazonaws.com",
	 "AuthorizeSecurityGroupIngress AuthorizeSecurityGroupEgress "
	 "RevokeSecurityGroupIngress RevokeSecurityGroupEgress "
	 "CreateSecurityGroup DeleteSecurityGroup CreateNetworkAcl "
	 "CreateNetworkAclEntry DeleteNetworkAcl DeleteNetworkAclEntry "
	 "ReplaceNetworkAclEntry ReplaceNetworkAclAssociation "
	 "CreateCustomerGateway DeleteCustomerGateway AttachInternetGateway "
	 "CreateInternetGateway DeleteInternetGateway DetachInternetGateway "
	 "CreateRoute CreateRouteTable ReplaceRoute ReplaceRouteTableAssociation "
	 "DeleteRouteTable DeleteRoute DisassociateRouteTable CreateVpc DeleteVpc "
	 "ModifyVpcAttribute AcceptVpcPeeringConnection "
	 "CreateVpcPeeringConnection DeleteVpcPeeringConnection "
	 "RejectVpcPeeringConnection AttachClassicLinkVpc DetachClassicLinkVpc "
	 "DisableVpcClassicLink EnableVpcClassicLink DescribeInstances "
	 "DescribeSecurityGroups"},
	{"organizations.amazonaws.com",
	 "AcceptHandshake AttachPolicy CancelHandshake CreateAccount "
	 "CreateOrganization CreateOrganizationalUnit CreatePolicy "
	 "DeclineHandshake DeleteOrganization DeleteOrganizationalUnit "
	 "DeletePolicy EnableAllFeatures EnablePolicyType "
	 "InviteAccountToOrganization LeaveOrganization DetachPolicy "
	 "DisablePolicyType MoveAccount RemoveAccountFromOrganization "
	 "UpdateOrganizationalUnit UpdatePolicy DescribeOrganization"},
	{"signin.amazonaws.com", "ConsoleLogin CheckMfa"},
};

struct probes {
	struct buf json;     /* JSON Lines */
	struct buf desc;     /* NUL-separated descriptions */
	size_t *desc_off;
	size_t n, cap;
	int rc;
};

struct probe {
	const char *name, *source, *type, *event_type, *error_code;
	const char *error_message, *mfa, *login;
	bool invoked_by;
};

static void put_field(struct probes *p, const char *key, const char *val,
		      bool *first)
{
	if (!val || p->rc)
		return;
	p->rc = buf_printf(&p->json, "%s\"%s\":\"%s\"", *first ? "" : ",", key,
			   val);
	*first = false;
}

static void add_probe(struct probes *p, const struct probe *e)
{
	bool first = true;
	size_t *n;

	if (p->rc)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 512;
		n = realloc(p->desc_off, p->cap * sizeof(*n));
		if (!n) {
			p->rc = ERR_NOMEM;
			return;
		}
		p->desc_off = n;
	}
	p->desc_off[p->n++] = p->desc.len;
	p->rc = buf_printf(&p->desc, "eventName=%s eventSource=%s "
			   "userIdentity.type=%s%s eventType=%s errorCode=%s "
			   "errorMessage=%s MFAUsed=%s ConsoleLogin=%s",
			   e->name, e->source, e->type ? e->type : "(absent)",
			   e->invoked_by ? " invokedBy=(set)" : "",
			   e->event_type, e->error_code ? e->error_code : "(absent)",
			   e->error_message ? e->error_message : "(absent)",
			   e->mfa ? e->mfa : "(absent)",
			   e->login ? e->login : "(absent)");
	if (!p->rc)
		p->rc = buf_addch(&p->desc, '\0');
	if (!p->rc)
		p->rc = buf_addch(&p->json, '{');
	put_field(p, "eventVersion", "1.08", &first);
	if (!p->rc)
		p->rc = buf_printf(&p->json, ",\"userIdentity\":{\"accountId\":"
				   "\"111122223333\"%s%s%s%s}",
				   e->type ? ",\"type\":\"" : "",
				   e->type ? e->type : "", e->type ? "\"" : "",
				   e->invoked_by ? ",\"invokedBy\":\"AWS Internal\""
						 : "");
	put_field(p, "eventTime", "2024-01-01T00:00:00Z", &first);
	put_field(p, "eventSource", e->source, &first);
	put_field(p, "eventName", e->name, &first);
	put_field(p, "eventType", e->event_type, &first);
	put_field(p, "errorCode", e->error_code, &first);
	put_field(p, "errorMessage", e->error_message, &first);
	if (!p->rc && e->mfa)
		p->rc = buf_printf(&p->json, ",\"additionalEventData\":"
				   "{\"MFAUsed\":\"%s\"}", e->mfa);
	if (!p->rc && e->login)
		p->rc = buf_printf(&p->json, ",\"responseElements\":"
				   "{\"ConsoleLogin\":\"%s\"}", e->login);
	if (!p->rc)
		p->rc = buf_adds(&p->json, "}\n");
}

static void name_probes(struct probes *p)
{
	size_t ns = sizeof(services) / sizeof(services[0]);

	for (size_t s = 0; s < ns; s++) {
		char *names = text_dup(services[s].names);
		char *save = NULL;

		if (!names) {
			p->rc = ERR_NOMEM;
			return;
		}
		for (char *w = strtok_r(names, " ", &save); w;
		     w = strtok_r(NULL, " ", &save)) {
			/* the right service, and every other one (near misses) */
			for (size_t o = 0; o < ns; o++) {
				struct probe e = {w, services[o].source, "IAMUser",
						  "AwsApiCall", NULL, NULL, NULL,
						  NULL, false};

				add_probe(p, &e);
			}
		}
		free(names);
	}
}

static void identity_probes(struct probes *p)
{
	static const char *const types[] = {"Root", "IAMUser", "AssumedRole",
					    "AWSService", "FederatedUser", NULL};
	static const char *const etypes[] = {"AwsApiCall", "AwsServiceEvent",
					     "AwsConsoleSignIn"};
	static const char *const codes[] = {
		"Client.UnauthorizedOperation", "UnauthorizedOperation",
		"AccessDenied", "AccessDeniedException", "ThrottlingException",
		"NoSuchBucketPolicy", "Client.InvalidParameterValue", NULL};

	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++)
		for (size_t et = 0; et < 3; et++)
			for (int inv = 0; inv < 2; inv++)
				for (size_t c = 0; c < sizeof(codes) / sizeof(codes[0]);
				     c++) {
					struct probe e = {"DescribeInstances",
							  "ec2.amazonaws.com", types[t],
							  etypes[et], codes[c], NULL,
							  NULL, NULL, inv != 0};

					add_probe(p, &e);
				}
}

static void console_probes(struct probes *p)
{
	static const char *const types[] = {"IAMUser", "Root", "AssumedRole"};
	static const char *const mfa[] = {"Yes", "No", "YES", NULL};
	static const struct {
		const char *login, *message;
	} results[] = {{"Success", NULL},
		       {"Failure", "Failed authentication"},
		       {"Failure", "No username found in supplied account"},
		       {"Failure", NULL}};

	for (size_t t = 0; t < 3; t++)
		for (size_t m = 0; m < 4; m++)
			for (size_t r = 0; r < 4; r++) {
				struct probe e = {"ConsoleLogin",
						  "signin.amazonaws.com", types[t],
						  "AwsConsoleSignIn", NULL,
						  results[r].message, mfa[m],
						  results[r].login, false};

				add_probe(p, &e);
			}
}

struct judge {
	const struct pattern *cis, *user;
	const struct probes *probes;
	struct buf *missed;
	bool covered;
	int rc;
};

static int on_probe(void *ctx, const struct ct_record *rec, struct error *err)
{
	struct judge *j = ctx;

	if (!pattern_match(j->cis, rec->values) ||
	    pattern_match(j->user, rec->values))
		return 0;
	j->covered = false;
	if (j->missed &&
	    (buf_adds(j->missed, j->probes->desc.data +
				     j->probes->desc_off[rec->index]) ||
	     buf_addch(j->missed, '\n')))
		return error_set(err, ERR_NOMEM, "out of memory");
	return 0;
}

static const struct detect_builtin *find_rule(const char *id)
{
	size_t n;
	const struct detect_builtin *b = detect_builtin_rules(&n);

	for (size_t i = 0; i < n; i++) {
		size_t len;

		if (strcmp(b[i].id, id) == 0)
			return &b[i];
		/* "CloudWatch.3" names the start of the cis column */
		len = strlen(id);
		if (text_starts_with(b[i].cis, id) &&
		    (b[i].cis[len] == ';' || b[i].cis[len] == '\0'))
			return &b[i];
	}
	return NULL;
}

static int run_probes(struct judge *j, const struct field_table *ft,
		      struct error *err)
{
	struct ct_reader *r = NULL;
	struct ct_stats st = {0};
	int rc = ct_reader_new(&r, ft, 0, err);

	if (!rc)
		rc = ct_reader_read_mem(r, "probes", j->probes->json.data,
					j->probes->json.len, on_probe, j, &st, err);
	ct_reader_free(r);
	return rc;
}

int detect_filter_covers(const char *filter_pattern, const char *cis_rule_id,
			 bool *covered, struct buf *missed, struct error *err)
{
	const struct detect_builtin *rule = find_rule(cis_rule_id);
	struct field_table ft;
	struct pattern *cis = NULL, *user = NULL;
	struct probes probes = {BUF_INIT, BUF_INIT, NULL, 0, 0, 0};
	struct judge j = {0};
	int rc;

	if (!rule || !rule->cis[0] || rule->count)
		return error_set(err, ERR_NOTFOUND, "no CIS rule '%s'",
				 cis_rule_id);
	rc = field_table_init(&ft, err);
	if (rc)
		return rc;
	rc = pattern_compile(&user, filter_pattern, &ft, err);
	if (!rc)
		rc = pattern_compile(&cis, rule->pattern, &ft, err);
	if (!rc) {
		name_probes(&probes);
		identity_probes(&probes);
		console_probes(&probes);
		rc = probes.rc ? error_set(err, probes.rc, "cannot build probes")
			       : 0;
	}
	if (!rc) {
		j = (struct judge){cis, user, &probes, missed, true, 0};
		rc = run_probes(&j, &ft, err);
	}
	if (!rc)
		*covered = j.covered;
	pattern_free(cis);
	pattern_free(user);
	buf_release(&probes.json);
	buf_release(&probes.desc);
	free(probes.desc_off);
	field_table_release(&ft);
	return rc;
}
