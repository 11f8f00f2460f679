/*
 * trivy.c - Trivy JSON reports (`trivy image|fs|repo -f json`, SchemaVersion
 * 2; shared/FORMAT-NOTES.md 6.1) in sources/scans/<name>.json -> `vulnerability`
 * facts and one `scan` fact (docs/facts.md).  Also the shape sniffing both
 * scanner importers use (trivy.h).
 *
 * Quirks handled: `Results` and a Result's `Vulnerabilities` are omitted,
 * not empty, when there is nothing; `FixedVersion` is absent when there is
 * no fix; `Severity` is upper-case; `CreatedAt` has nanoseconds and is the
 * date the file speaks for.  The same CVE appears once per package; a
 * repeated (target, package, version, id) is kept once.
 */
#include "importers/trivy.h"

#include <stdio.h>
#include <string.h>

#include "importers/importer.h"
#include "importers/json_util.h"
#include "util/buf.h"
#include "util/text.h"

#define SCAN_PREFIX "sources/scans/"

bool scan_path(const char *path)
{
	return text_starts_with(path, SCAN_PREFIX) &&
	       strlen(path) > strlen(SCAN_PREFIX) + 5 &&
	       text_ends_with(path, ".json");
}

/* ---- shape sniffing ---------------------------------------------------- */

static size_t skip_ws(const char *d, size_t n, size_t i)
{
	while (i < n && (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
		i++;
	return i;
}

/* i is just after an opening quote; returns the index after the closing
 * quote, or n when the string is not closed. */
static size_t skip_string(const char *d, size_t n, size_t i)
{
	while (i < n) {
		if (d[i] == '\\')
			i += 2;
		else if (d[i++] == '"')
			return i;
	}
	return n;
}

/* Skips one value starting at i; returns the index after it. */
static size_t skip_value(const char *d, size_t n, size_t i)
{
	size_t depth = 0;

	while (i < n) {
		char c = d[i];

		if (c == '"') {
			i = skip_string(d, n, i + 1);
			if (depth == 0)
				return i;
			continue;
		}
		if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return i;
			if (--depth == 0)
				return i + 1;
		} else if (c == ',' && depth == 0) {
			return i;
		}
		i++;
	}
	return n;
}

static enum scan_shape key_shape(const char *k, size_t len)
{
	static const char *const trivy[] = {
		"SchemaVersion", "ArtifactName", "ArtifactType", "Results",
		"Trivy", NULL,
	};
	static const char *const grype[] = {
		"matches", "descriptor", "ignoredMatches", NULL,
	};

	for (const char *const *p = trivy; *p; p++)
		if (strlen(*p) == len && memcmp(*p, k, len) == 0)
			return SCAN_TRIVY;
	for (const char *const *p = grype; *p; p++)
		if (strlen(*p) == len && memcmp(*p, k, len) == 0)
			return SCAN_GRYPE;
	return SCAN_UNKNOWN;
}

enum scan_shape scan_sniff(const char *d, size_t n)
{
	size_t i = 0;

	if (n >= 3 && (unsigned char)d[0] == 0xEF && (unsigned char)d[1] == 0xBB &&
	    (unsigned char)d[2] == 0xBF)
		i = 3;
	i = skip_ws(d, n, i);
	if (i >= n || d[i] != '{')
		return SCAN_UNKNOWN;
	for (i++;;) {
		size_t start, end;
		enum scan_shape shape;

		i = skip_ws(d, n, i);
		if (i >= n || d[i] != '"')
			return SCAN_UNKNOWN;
		start = i + 1;
		end = skip_string(d, n, start);
		if (end >= n)
			return SCAN_UNKNOWN;
		shape = key_shape(d + start, end - 1 - start);
		if (shape != SCAN_UNKNOWN)
			return shape;
		i = skip_ws(d, n, end);
		if (i >= n || d[i] != ':')
			return SCAN_UNKNOWN;
		i = skip_ws(d, n, skip_value(d, n, skip_ws(d, n, i + 1)));
		if (i >= n || d[i] != ',')
			return SCAN_UNKNOWN;
		i++;
	}
}

/* ---- shared fact helpers ------------------------------------------------- */

const char *scan_severity(const char *s)
{
	static const char *const words[] = {
		"critical", "high", "medium", "low", "negligible", "unknown", NULL,
	};

	if (!s || !*s)
		return "unknown";
	for (const char *const *w = words; *w; w++)
		if (text_equal_nocase(*w, s))
			return *w;
	return NULL;
}

int scan_fact_add(struct fact_list *facts, const char *scanner,
		  const char *artifact, json_t *scanned_at, size_t count,
		  struct error *err)
{
	struct buf key = BUF_INIT;
	const char *when = json_is_string(scanned_at) ? json_string_value(scanned_at)
						      : "unknown";
	json_t *data = json_pack("{s:s, s:s, s:O, s:I}", "scanner", scanner,
				 "artifact", artifact, "scanned_at", scanned_at,
				 "vulnerabilities", (json_int_t)count);
	int rc;

	if (!data || buf_printf(&key, "%s/%s/%s", scanner, artifact, when)) {
		json_decref(data);
		buf_release(&key);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	rc = fact_list_add(facts, "scan", buf_cstr(&key), data);
	buf_release(&key);
	return rc ? error_set(err, rc, "out of memory") : 0;
}

/* ---- the Trivy importer -------------------------------------------------- */

struct trivy_ctx {
	const char *artifact;
	json_t *scanned_at;     /* string or null */
	json_t *seen;           /* object used as a set of fact keys */
	struct fact_list *facts;
	struct buf key;
	size_t count;
};

static bool trivy_recognise(const char *path, const char *data, size_t size)
{
	return scan_path(path) && scan_sniff(data, size) == SCAN_TRIVY;
}

static int trivy_vuln(struct trivy_ctx *c, const char *target, const json_t *v,
		      const char *rec, struct error *err)
{
	const char *id, *pkg, *installed = NULL, *fixed = NULL, *sev = NULL;
	const char *status = NULL, *severity;
	json_t *data;
	int rc;

	if (!json_is_object(v))
		return error_input(err, NULL, 0, rec, NULL,
				   "expected an object, found %s",
				   json_util_type_name(v));
	if ((rc = json_util_string(v, "VulnerabilityID", true, rec, &id, err)) ||
	    (rc = json_util_string(v, "PkgName", true, rec, &pkg, err)) ||
	    (rc = json_util_string(v, "InstalledVersion", false, rec, &installed, err)) ||
	    (rc = json_util_string(v, "FixedVersion", false, rec, &fixed, err)) ||
	    (rc = json_util_string(v, "Severity", false, rec, &sev, err)) ||
	    (rc = json_util_string(v, "Status", false, rec, &status, err)))
		return rc;
	severity = scan_severity(sev);
	if (!severity)
		return error_input(err, NULL, 0, rec, "Severity",
				   "Severity '%s' is not one of CRITICAL, HIGH, "
				   "MEDIUM, LOW, UNKNOWN", sev);
	if (!installed)
		installed = "";
	buf_reset(&c->key);
	if (buf_printf(&c->key, "trivy/%s/%s/%s/%s", target, pkg, installed, id))
		return error_set(err, ERR_NOMEM, "out of memory");
	if (json_object_get(c->seen, buf_cstr(&c->key)))
		return 0; /* the same finding listed twice: one fact */
	if (json_object_set_new(c->seen, buf_cstr(&c->key), json_true()))
		return error_set(err, ERR_NOMEM, "out of memory");
	data = json_pack("{s:s, s:O, s:s, s:s, s:s, s:[], s:s, s:s, s:o, s:s, s:o}",
			 "scanner", "trivy", "scanned_at", c->scanned_at,
			 "artifact", c->artifact, "target", target, "id", id,
			 "aliases", "package", pkg, "installed_version", installed,
			 "fixed_version", json_util_string_or_null(fixed),
			 "severity", severity,
			 "status", json_util_string_or_null(status));
	if (!data || fact_list_add(c->facts, "vulnerability", buf_cstr(&c->key), data))
		return error_set(err, ERR_NOMEM, "out of memory");
	c->count++;
	return 0;
}

static int trivy_result(struct trivy_ctx *c, const json_t *res, size_t i,
			struct error *err)
{
	char rec[JSON_UTIL_RECORD_MAX], vrec[JSON_UTIL_RECORD_MAX * 2];
	const char *target = NULL;
	json_t *vulns, *v;
	size_t j;
	int rc;

	json_util_record(rec, "Results", i);
	if (!json_is_object(res))
		return error_input(err, NULL, 0, rec, NULL,
				   "expected an object, found %s",
				   json_util_type_name(res));
	if ((rc = json_util_string(res, "Target", false, rec, &target, err)) ||
	    (rc = json_util_array(res, "Vulnerabilities", false, rec, &vulns, err)))
		return rc;
	json_array_foreach(vulns, j, v) {
		snprintf(vrec, sizeof(vrec), "%s.Vulnerabilities[%zu]", rec, j);
		if ((rc = trivy_vuln(c, target ? target : "", v, vrec, err)))
			return rc;
	}
	return 0;
}

static int trivy_body(struct trivy_ctx *c, json_t *root,
		      struct import_output *out, struct error *err)
{
	json_t *results, *res;
	int64_t version = 0;
	bool present;
	stamp_t created;
	size_t i;
	int rc;

	if (!json_object_get(root, "SchemaVersion") &&
	    !json_object_get(root, "Results"))
		return error_input(err, NULL, 0, NULL, NULL, SCAN_NOT_A_REPORT);
	if ((rc = json_util_integer(root, "SchemaVersion", 0, 1000, "", &version,
				    &present, err)))
		return rc;
	if (!present || version != 2)
		return error_input(err, NULL, 0, NULL, "SchemaVersion",
				   "unsupported Trivy report: SchemaVersion %lld "
				   "(expected 2)", present ? (long long)version : 0LL);
	if ((rc = json_util_string(root, "ArtifactName", true, "", &c->artifact, err)) ||
	    (rc = json_util_stamp(root, "CreatedAt", "", &created, err)) ||
	    (rc = json_util_array(root, "Results", false, "", &results, err)))
		return rc;
	out->effective = created;
	c->scanned_at = json_util_stamp_value(created);
	if (!c->scanned_at)
		return error_set(err, ERR_NOMEM, "out of memory");
	json_array_foreach(results, i, res)
		if ((rc = trivy_result(c, res, i, err)))
			return rc;
	return scan_fact_add(&out->facts, "trivy", c->artifact, c->scanned_at,
			     c->count, err);
}

static int trivy_parse(const struct import_input *in, struct import_output *out,
		       struct error *err)
{
	struct trivy_ctx c;
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
	c.facts = &out->facts;
	c.seen = json_object();
	rc = c.seen ? trivy_body(&c, root, out, err)
		    : error_set(err, ERR_NOMEM, "out of memory");
	json_decref(c.scanned_at);
	json_decref(c.seen);
	json_decref(root);
	buf_release(&c.key);
	return rc;
}

const struct importer importer_trivy = {
	.name = "scan.trivy",
	.source = "trivy",
	.description = "Trivy JSON report (trivy image|fs|repo --format json)",
	.recognise = trivy_recognise,
	.parse = trivy_parse,
};
