/*
 * grype.c - Grype JSON reports (`grype <target> -o json`; shared/
 * FORMAT-NOTES.md 6.2) in sources/scans/<name>.json -> `vulnerability` facts and
 * one `scan` fact (docs/facts.md).
 *
 * Grype lists the same weakness once per matcher: a GHSA advisory and its
 * CVE (relatedVulnerabilities) for the same package are two matches.  They
 * are merged on (CVE id, artifact name, artifact version): the fact's `id`
 * is the CVE when one is known, `aliases` the other ids, the severity the
 * highest and the fix the first one given.  Grype has no per-result target,
 * so `target` is the scanned source (`source.target`), like `artifact`.
 * The report's date is `descriptor.timestamp`; when absent or empty the
 * file speaks for the import time (effective STAMP_NONE, scanned_at null).
 *
 * This importer also takes every scans/<name>.json that is not a Trivy report,
 * so that a stray file is an error ("not a Trivy or Grype JSON report")
 * rather than silently ignored (trivy.h).
 */
#include <stdlib.h>
#include <string.h>

#include "importers/importer.h"
#include "importers/json_util.h"
#include "importers/trivy.h"
#include "util/buf.h"
#include "util/text.h"

struct grype_ctx {
	const char *artifact;
	json_t *scanned_at;   /* string or null */
	json_t *order;        /* array of fact data, in first-seen order */
	json_t *index;        /* fact key -> the same data object */
	struct buf key;
	struct buf text;
};

static bool grype_recognise(const char *path, const char *data, size_t size)
{
	return scan_path(path) && scan_sniff(data, size) != SCAN_TRIVY;
}

static int severity_rank(const char *s)
{
	static const char *const order[] = {
		"unknown", "negligible", "low", "medium", "high", "critical", NULL,
	};

	for (int i = 0; order[i]; i++)
		if (text_equal(order[i], s))
			return i;
	return 0;
}

static int nomem(struct error *err)
{
	return error_set(err, ERR_NOMEM, "out of memory");
}

/* Appends id to the alias array unless it is the fact's id or present. */
static int alias_add(json_t *aliases, const char *canon, const char *id)
{
	size_t i;
	json_t *a;

	if (text_equal(id, canon))
		return 0;
	json_array_foreach(aliases, i, a)
		if (text_equal(json_string_value(a), id))
			return 0;
	return json_array_append_new(aliases, json_string(id));
}

/* The related ids of a match, checked; `*canon` becomes the CVE id. */
static int related_ids(const json_t *m, const char *rec, const char *id,
		       json_t **related, const char **canon, struct error *err)
{
	json_t *r;
	size_t i;
	int rc;

	*canon = id;
	if ((rc = json_util_array(m, "relatedVulnerabilities", false, rec, related, err)))
		return rc;
	json_array_foreach(*related, i, r) {
		const char *rid;

		if (!json_is_object(r))
			return error_input(err, NULL, 0, rec, "relatedVulnerabilities",
					   "expected objects, found %s",
					   json_util_type_name(r));
		if ((rc = json_util_string(r, "id", true, rec, &rid, err)))
			return rc;
		if (!text_starts_with(*canon, "CVE-") && text_starts_with(rid, "CVE-"))
			*canon = rid;
	}
	return 0;
}

/* fix.versions joined with ", " (Trivy's form) and fix.state. */
static int fix_of(struct grype_ctx *c, const json_t *vuln, const char *rec,
		  json_t **fixed, json_t **state, struct error *err)
{
	json_t *fix, *versions = NULL, *v;
	const char *st = NULL;
	size_t i;
	int rc;

	*fixed = NULL;
	*state = NULL;
	if ((rc = json_util_object(vuln, "fix", false, rec, &fix, err)) ||
	    (fix && (rc = json_util_array(fix, "versions", false, rec, &versions, err))) ||
	    (fix && (rc = json_util_string(fix, "state", false, rec, &st, err))))
		return rc;
	buf_reset(&c->text);
	json_array_foreach(fix ? versions : NULL, i, v) {
		if (!json_is_string(v))
			return error_input(err, NULL, 0, rec, "fix.versions",
					   "expected strings, found %s",
					   json_util_type_name(v));
		if ((i && buf_adds(&c->text, ", ")) ||
		    buf_adds(&c->text, json_string_value(v)))
			return nomem(err);
	}
	*fixed = c->text.len ? json_string(buf_cstr(&c->text)) : json_null();
	if (st && *st) {
		char *low = text_dup(st);

		if (low)
			text_lower(low);
		*state = low ? json_string(low) : NULL;
		free(low);
	} else {
		*state = json_null();
	}
	if (!*fixed || !*state) {
		json_decref(*fixed);
		json_decref(*state);
		return nomem(err);
	}
	return 0;
}

/* Folds a second match of the same (CVE, package, version) into `d`. */
static int merge(json_t *d, const char *severity, json_t *fixed, json_t *state)
{
	json_t *have = json_object_get(d, "fixed_version");

	if (severity_rank(severity) >
	    severity_rank(json_string_value(json_object_get(d, "severity"))) &&
	    json_object_set_new(d, "severity", json_string(severity)))
		return ERR_NOMEM;
	if (json_is_null(have) && json_is_string(fixed)) {
		if (json_object_set(d, "fixed_version", fixed) ||
		    json_object_set(d, "status", state))
			return ERR_NOMEM;
	}
	return 0;
}

static int add_match(struct grype_ctx *c, const char *id, const char *canon,
		     const json_t *related, const char *name, const char *version,
		     const char *severity, json_t *fixed, json_t *state)
{
	json_t *d, *aliases, *r;
	size_t i;

	buf_reset(&c->key);
	if (buf_printf(&c->key, "grype/%s/%s/%s/%s", c->artifact, name, version, canon))
		return ERR_NOMEM;
	d = json_object_get(c->index, buf_cstr(&c->key));
	if (!d) {
		d = json_pack("{s:s, s:O, s:s, s:s, s:s, s:[], s:s, s:s, s:O, s:s, s:O}",
			      "scanner", "grype", "scanned_at", c->scanned_at,
			      "artifact", c->artifact, "target", c->artifact,
			      "id", canon, "aliases", "package", name,
			      "installed_version", version, "fixed_version", fixed,
			      "severity", severity, "status", state);
		if (!d || json_array_append_new(c->order, d) ||
		    json_object_set(c->index, buf_cstr(&c->key), d))
			return ERR_NOMEM;
	} else if (merge(d, severity, fixed, state)) {
		return ERR_NOMEM;
	}
	aliases = json_object_get(d, "aliases");
	if (alias_add(aliases, canon, id))
		return ERR_NOMEM;
	json_array_foreach(related, i, r)
		if (alias_add(aliases, canon, json_string_value(json_object_get(r, "id"))))
			return ERR_NOMEM;
	return 0;
}

static int grype_match(struct grype_ctx *c, const json_t *m, size_t i,
		       struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX];
	json_t *vuln, *art, *related, *fixed, *state;
	const char *id, *sev = NULL, *name, *version = NULL, *canon, *severity;
	int rc;

	json_util_record(rec, "matches", i);
	if (!json_is_object(m))
		return error_input(err, NULL, 0, rec, NULL, "expected an object, found %s",
				   json_util_type_name(m));
	if ((rc = json_util_object(m, "vulnerability", true, rec, &vuln, err)) ||
	    (rc = json_util_object(m, "artifact", true, rec, &art, err)) ||
	    (rc = json_util_string(vuln, "id", true, rec, &id, err)) ||
	    (rc = json_util_string(vuln, "severity", false, rec, &sev, err)) ||
	    (rc = json_util_string(art, "name", true, rec, &name, err)) ||
	    (rc = json_util_string(art, "version", false, rec, &version, err)) ||
	    (rc = related_ids(m, rec, id, &related, &canon, err)))
		return rc;
	severity = scan_severity(sev);
	if (!severity)
		return error_input(err, NULL, 0, rec, "severity",
				   "severity '%s' is not one of Critical, High, "
				   "Medium, Low, Negligible, Unknown", sev);
	if ((rc = fix_of(c, vuln, rec, &fixed, &state, err)))
		return rc;
	rc = add_match(c, id, canon, related, name, version ? version : "",
		       severity, fixed, state);
	json_decref(fixed);
	json_decref(state);
	return rc ? nomem(err) : 0;
}

static const char *source_target(const json_t *root)
{
	json_t *target = json_object_get(json_object_get(root, "source"), "target");
	const char *s = json_string_value(target);

	if (!s)
		s = json_string_value(json_object_get(target, "userInput"));
	return s && *s ? s : "unknown";
}

static int grype_body(struct grype_ctx *c, json_t *root,
		      struct import_output *out, struct error *err)
{
	json_t *matches, *m, *desc, *d;
	stamp_t when = STAMP_NONE;
	size_t i;
	int rc;

	if (!json_object_get(root, "matches"))
		return error_input(err, NULL, 0, NULL, NULL, SCAN_NOT_A_REPORT);
	if ((rc = json_util_array(root, "matches", true, "", &matches, err)) ||
	    (rc = json_util_object(root, "descriptor", false, "", &desc, err)) ||
	    (desc && (rc = json_util_stamp(desc, "timestamp", "descriptor", &when, err))))
		return rc;
	c->artifact = source_target(root);
	out->effective = when;
	c->scanned_at = json_util_stamp_value(when);
	if (!c->scanned_at)
		return nomem(err);
	json_array_foreach(matches, i, m)
		if ((rc = grype_match(c, m, i, err)))
			return rc;
	json_array_foreach(c->order, i, d) {
		buf_reset(&c->key);
		if (buf_printf(&c->key, "grype/%s/%s/%s/%s", c->artifact,
			       json_string_value(json_object_get(d, "package")),
			       json_string_value(json_object_get(d, "installed_version")),
			       json_string_value(json_object_get(d, "id"))) ||
		    fact_list_add(&out->facts, "vulnerability", buf_cstr(&c->key),
				  json_incref(d)))
			return nomem(err);
	}
	return scan_fact_add(&out->facts, "grype", c->artifact, c->scanned_at,
			     json_array_size(c->order), err);
}

static int grype_parse(const struct import_input *in, struct import_output *out,
		       struct error *err)
{
	struct grype_ctx c;
	json_t *root;
	int rc;

	if ((rc = json_util_load(&root, in->data, in->size, err)))
		return rc;
	if (!json_is_object(root)) {
		json_decref(root);
		return error_input(err, NULL, 0, NULL, NULL, SCAN_NOT_A_REPORT);
	}
	memset(&c, 0, sizeof(c));
	buf_init(&c.key, 0);
	buf_init(&c.text, 0);
	c.order = json_array();
	c.index = json_object();
	rc = c.order && c.index ? grype_body(&c, root, out, err) : nomem(err);
	json_decref(c.scanned_at);
	json_decref(c.order);
	json_decref(c.index);
	json_decref(root);
	buf_release(&c.key);
	buf_release(&c.text);
	return rc;
}

const struct importer importer_grype = {
	.name = "scan.grype",
	.source = "grype",
	.description = "Grype JSON report (grype <target> -o json)",
	.recognise = grype_recognise,
	.parse = grype_parse,
};
