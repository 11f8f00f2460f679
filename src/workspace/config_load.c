/*
 * config_load.c - reads attest.yaml into struct config (core/config.h).
 * Every key is known: an unknown key, a wrong type or an impossible date is
 * an error naming file, line and key (docs/config.md lists them all).
 */
#include <string.h>

#include "util/text.h"
#include "util/yaml_doc.h"
#include "workspace/workspace.h"

static const char *const top_keys[] = {
	"organization", "domains", "scope", "audit", "owners", "offboarding",
	"access_reviews", "credentials", "vulnerabilities", "vendors", "risks",
	"policies", "training", "exercises", "logging", "alerts", "hr", NULL};

struct category_name {
	const char *name;
	unsigned bit;
};

static const struct category_name category_names[] = {
	{"security", CATEGORY_SECURITY},
	{"availability", CATEGORY_AVAILABILITY},
	{"confidentiality", CATEGORY_CONFIDENTIALITY},
	{"processing-integrity", CATEGORY_PROCESSING_INTEGRITY},
	{"privacy", CATEGORY_PRIVACY},
};

static int read_scope(struct yaml_doc *d, yaml_node_t *scope, struct config *c,
		      struct error *err)
{
	static const char *const keys[] = {"categories", "frameworks", NULL};
	yaml_node_t *seq = NULL;
	int rc;

	if ((rc = yaml_check_map(d, scope, "scope", keys, err)))
		return rc;
	if ((rc = yaml_read_list(d, scope, "categories", false, &seq, err)))
		return rc;
	if (seq) {
		c->categories = 0;
		YAML_SEQ_EACH(d, seq, item) {
			const char *v = yaml_scalar(item);
			unsigned bit = 0;

			for (size_t i = 0; i < sizeof(category_names) / sizeof(category_names[0]); i++)
				if (strcmp(category_names[i].name, v) == 0)
					bit = category_names[i].bit;
			if (!bit)
				return yaml_doc_error(d, item, "categories", err,
						      "unknown category '%s' (use security, availability, confidentiality, processing-integrity, privacy)",
						      v);
			c->categories |= bit;
		}
	}
	seq = NULL;
	if ((rc = yaml_read_list(d, scope, "frameworks", false, &seq, err)))
		return rc;
	if (seq) {
		c->framework_soc2 = false;
		YAML_SEQ_EACH(d, seq, item) {
			const char *v = yaml_scalar(item);

			if (strcmp(v, "soc2") == 0)
				c->framework_soc2 = true;
			else if (strcmp(v, "hipaa") == 0)
				c->framework_hipaa = true;
			else
				return yaml_doc_error(d, item, "frameworks", err,
						      "unknown framework '%s' (use soc2, hipaa)", v);
		}
	}
	return 0;
}

static int read_audit(struct yaml_doc *d, yaml_node_t *audit, struct config *c,
		      struct error *err)
{
	static const char *const keys[] = {"type", "window", NULL};
	static const char *const window_keys[] = {"start", "end", NULL};
	yaml_node_t *window;
	long type = c->audit_type;
	int rc;

	if ((rc = yaml_check_map(d, audit, "audit", keys, err)))
		return rc;
	if ((rc = yaml_read_int(d, audit, "type", 1, 2, false, &type, err)))
		return rc;
	c->audit_type = (int)type;
	window = yaml_map_get(d, audit, "window");
	if (!window)
		return 0;
	if ((rc = yaml_check_map(d, window, "audit.window", window_keys, err)) ||
	    (rc = yaml_read_date(d, window, "start", true, &c->window_start, err)) ||
	    (rc = yaml_read_date(d, window, "end", true, &c->window_end, err)))
		return rc;
	if (c->window_end < c->window_start)
		return yaml_doc_error(d, window, "end", err,
				      "audit window ends before it starts");
	return 0;
}

static int read_owners(struct yaml_doc *d, yaml_node_t *owners, struct config *c,
		       struct error *err)
{
	if (owners->type != YAML_MAPPING_NODE)
		return yaml_doc_error(d, owners, "owners", err,
				      "owners must map roles to e-mail addresses");
	for (yaml_node_pair_t *p = owners->data.mapping.pairs.start;
	     p < owners->data.mapping.pairs.top; p++) {
		const char *role = yaml_scalar(yaml_doc_get(d, p->key));
		yaml_node_t *vn = yaml_doc_get(d, p->value);
		const char *email = yaml_scalar(vn);

		if (!role || !email || !strchr(email, '@'))
			return yaml_doc_error(d, vn, role ? role : "owners", err,
					      "owner of role '%s' must be an e-mail address",
					      role ? role : "?");
		if (c->owner_count >= CONFIG_LIST_MAX)
			return yaml_doc_error(d, vn, "owners", err, "too many owners");
		text_copy(c->owners[c->owner_count].role, sizeof(c->owners[0].role), role);
		text_copy(c->owners[c->owner_count].email, sizeof(c->owners[0].email), email);
		text_lower(c->owners[c->owner_count].email);
		c->owner_count++;
	}
	return 0;
}

/* A section made only of whole-number day settings. */
struct days_key {
	const char *key;
	int *field;
};

static int read_days(struct yaml_doc *d, yaml_node_t *map, const char *what,
		     const struct days_key *keys, const char *const *extra,
		     struct error *err)
{
	const char *names[16];
	int n = 0, rc;

	for (const struct days_key *k = keys; k->key; k++)
		names[n++] = k->key;
	for (const char *const *e = extra; e && *e; e++)
		names[n++] = *e;
	names[n] = NULL;
	if ((rc = yaml_check_map(d, map, what, names, err)))
		return rc;
	for (const struct days_key *k = keys; k->key; k++) {
		long v = *k->field;

		if ((rc = yaml_read_int(d, map, k->key, 0, 36500, false, &v, err)))
			return rc;
		*k->field = (int)v;
	}
	return 0;
}

static int read_label(struct yaml_doc *d, yaml_node_t *map, char *out, size_t size,
		      struct error *err)
{
	const char *v = NULL;
	int rc = yaml_read_string(d, map, "ticket_label", false, &v, err);

	if (!rc && v)
		text_copy(out, size, v);
	return rc;
}

static int read_vendors(struct yaml_doc *d, yaml_node_t *map, struct config *c,
			struct error *err)
{
	static const char *const tiers[] = {"critical", "high", "medium", "low"};
	const struct days_key keys[] = {{"review_days", &c->vendor_review_days}, {NULL, NULL}};
	static const char *const extra[] = {"tiers", NULL};
	yaml_node_t *seq = NULL;
	int rc;

	if ((rc = read_days(d, map, "vendors", keys, extra, err)) ||
	    (rc = yaml_read_list(d, map, "tiers", false, &seq, err)) || !seq)
		return rc;
	c->vendor_review_tiers = 0;
	YAML_SEQ_EACH(d, seq, item) {
		unsigned bit = 0;

		for (unsigned i = 0; i < 4; i++)
			if (strcmp(tiers[i], yaml_scalar(item)) == 0)
				bit = 1u << i;
		if (!bit)
			return yaml_doc_error(d, item, "tiers", err,
					      "unknown vendor tier '%s' (use critical, high, medium, low)",
					      yaml_scalar(item));
		c->vendor_review_tiers |= bit;
	}
	return 0;
}

static int read_hr(struct yaml_doc *d, yaml_node_t *map, struct config *c,
		   struct error *err)
{
	static const char *const keys[] = {"columns", NULL};
	static const char *const fields[] = {"email", "name", "employment_type",
					     "department", "title", "manager_email",
					     "start_date", "end_date", NULL};
	yaml_node_t *cols;
	int rc;

	if ((rc = yaml_check_map(d, map, "hr", keys, err)))
		return rc;
	cols = yaml_map_get(d, map, "columns");
	if (!cols)
		return 0;
	if ((rc = yaml_check_map(d, cols, "hr.columns", fields, err)))
		return rc;
	for (yaml_node_pair_t *p = cols->data.mapping.pairs.start;
	     p < cols->data.mapping.pairs.top; p++) {
		const char *field = yaml_scalar(yaml_doc_get(d, p->key));
		yaml_node_t *vn = yaml_doc_get(d, p->value);

		if (!yaml_scalar(vn))
			return yaml_doc_error(d, vn, field, err,
					      "hr.columns.%s must be the header text", field);
		text_copy(c->hr_columns[c->hr_column_count].field,
			  sizeof(c->hr_columns[0].field), field);
		text_copy(c->hr_columns[c->hr_column_count].header,
			  sizeof(c->hr_columns[0].header), yaml_scalar(vn));
		c->hr_column_count++;
	}
	return 0;
}

static int read_sections(struct yaml_doc *d, yaml_node_t *root, struct config *c,
			 bool *retention_given, struct error *err)
{
	yaml_node_t *n;
	int rc = 0;

	if ((n = yaml_map_get(d, root, "scope")) && (rc = read_scope(d, n, c, err)))
		return rc;
	if ((n = yaml_map_get(d, root, "audit")) && (rc = read_audit(d, n, c, err)))
		return rc;
	if ((n = yaml_map_get(d, root, "owners")) && (rc = read_owners(d, n, c, err)))
		return rc;
	if ((n = yaml_map_get(d, root, "offboarding"))) {
		const struct days_key k[] = {{"deprovision_days", &c->deprovision_days}, {NULL, NULL}};
		static const char *const extra[] = {"ticket_required", "ticket_label", NULL};

		if ((rc = read_days(d, n, "offboarding", k, extra, err)) ||
		    (rc = yaml_read_bool(d, n, "ticket_required", false,
					 &c->offboarding_ticket_required, err)) ||
		    (rc = read_label(d, n, c->offboarding_label,
				     sizeof(c->offboarding_label), err)))
			return rc;
	}
	if ((n = yaml_map_get(d, root, "alerts"))) {
		const struct days_key k[] = {{"triage_days", &c->alert_triage_days}, {NULL, NULL}};
		static const char *const extra[] = {"ticket_label", NULL};

		if ((rc = read_days(d, n, "alerts", k, extra, err)) ||
		    (rc = read_label(d, n, c->alert_label, sizeof(c->alert_label), err)))
			return rc;
	}
	{
		const struct days_key access[] = {{"interval_days", &c->access_review_interval_days}, {NULL, NULL}};
		const struct days_key creds[] = {{"max_age_days", &c->credential_max_age_days}, {NULL, NULL}};
		const struct days_key risks[] = {{"review_days", &c->risk_review_days}, {NULL, NULL}};
		const struct days_key pols[] = {{"review_days", &c->policy_review_days}, {NULL, NULL}};
		const struct days_key train[] = {{"within_days_of_start", &c->training_within_days},
						 {"interval_days", &c->training_interval_days}, {NULL, NULL}};
		const struct days_key ex[] = {{"interval_days", &c->exercise_interval_days}, {NULL, NULL}};
		const struct days_key logs[] = {{"retention_days", &c->log_retention_days}, {NULL, NULL}};
		const struct days_key sla[] = {{"critical", &c->vuln_sla_critical}, {"high", &c->vuln_sla_high},
					       {"medium", &c->vuln_sla_medium}, {"low", &c->vuln_sla_low}, {NULL, NULL}};
		static const char *const vuln_keys[] = {"sla_days", NULL};
		const struct {
			const char *name;
			const struct days_key *keys;
		} simple[] = {{"access_reviews", access}, {"credentials", creds}, {"risks", risks},
			      {"policies", pols}, {"training", train}, {"exercises", ex},
			      {"logging", logs}};

		for (size_t i = 0; i < sizeof(simple) / sizeof(simple[0]); i++)
			if ((n = yaml_map_get(d, root, simple[i].name)) &&
			    (rc = read_days(d, n, simple[i].name, simple[i].keys, NULL, err)))
				return rc;
		*retention_given = (n = yaml_map_get(d, root, "logging")) &&
				   yaml_map_get(d, n, "retention_days");
		if ((n = yaml_map_get(d, root, "vulnerabilities"))) {
			yaml_node_t *s;

			if ((rc = yaml_check_map(d, n, "vulnerabilities", vuln_keys, err)))
				return rc;
			if ((s = yaml_map_get(d, n, "sla_days")) &&
			    (rc = read_days(d, s, "vulnerabilities.sla_days", sla, NULL, err)))
				return rc;
		}
	}
	if ((n = yaml_map_get(d, root, "vendors")) && (rc = read_vendors(d, n, c, err)))
		return rc;
	if ((n = yaml_map_get(d, root, "hr")) && (rc = read_hr(d, n, c, err)))
		return rc;
	return 0;
}

int config_parse(const char *file, const char *text, size_t len,
		 struct config *c, struct error *err)
{
	struct yaml_doc d;
	yaml_node_t *root, *seq = NULL;
	const char *org = NULL;
	bool retention_given = false;
	int rc;

	config_defaults(c);
	if ((rc = yaml_doc_load(&d, file, text, len, err)))
		return rc;
	root = yaml_doc_root(&d);
	if (!root) {
		rc = error_input(err, file, 1, NULL, NULL,
				 "attest.yaml is empty; it needs at least 'organization'");
		goto out;
	}
	if ((rc = yaml_check_map(&d, root, "attest.yaml", top_keys, err)) ||
	    (rc = yaml_read_string(&d, root, "organization", true, &org, err)) ||
	    (rc = yaml_read_list(&d, root, "domains", false, &seq, err)))
		goto out;
	text_copy(c->organization, sizeof(c->organization), org);
	if (seq) {
		YAML_SEQ_EACH(&d, seq, item) {
			if (c->domain_count >= CONFIG_LIST_MAX) {
				rc = yaml_doc_error(&d, item, "domains", err, "too many domains");
				goto out;
			}
			text_copy(c->domains[c->domain_count], CONFIG_NAME_MAX, yaml_scalar(item));
			text_lower(c->domains[c->domain_count++]);
		}
	}
	rc = read_sections(&d, root, c, &retention_given, err);
	if (!rc)
		config_finish(c, retention_given);
out:
	yaml_doc_release(&d);
	return rc;
}
