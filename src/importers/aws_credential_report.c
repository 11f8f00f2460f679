/*
 * aws_credential_report.c - the IAM credential report.
 *
 * Reads `aws iam get-credential-report --output json` saved as
 * sources/aws/<acct>/iam-get-credential-report.json (Content is Base64 CSV;
 * some tools, e.g. CloudMapper, store it decoded: a Content with a comma in
 * it is taken as the CSV itself, since Base64 has no commas), or the
 * decoded CSV saved as iam-credential-report.csv.  One `aws_credential`
 * fact per row (docs/facts.md).
 *
 * Quirks (shared/FORMAT-NOTES.md 2.1): columns are found by header name;
 * `N/A`, `not_supported` and `no_information` are "no value";
 * password_enabled `not_supported` (root) is null; `no_information` in
 * password_last_used is not "never" and sets password_last_used_unknown;
 * a key's rotation date is kept when the key is inactive (checks key off
 * keyN_active); a user listed twice (real in Cloud Custodian's report) is
 * taken from its last row, the later state of the same user.
 */
#include "importers/importer.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importers/aws_common.h"
#include "importers/json_util.h"
#include "util/csv.h"
#include "util/number.h"
#include "util/text.h"

#define REPORT_STEM "iam-get-credential-report"
#define REPORT_CSV "iam-credential-report.csv"

enum column {
	COL_USER,
	COL_ARN,
	COL_CREATED,
	COL_PASSWORD_ENABLED,
	COL_PASSWORD_LAST_USED,
	COL_MFA,
	COL_KEY1_ACTIVE,
	COL_KEY1_ROTATED,
	COL_KEY1_USED,
	COL_KEY2_ACTIVE,
	COL_KEY2_ROTATED,
	COL_KEY2_USED,
	COL_COUNT
};

static const char *const column_names[COL_COUNT] = {
	[COL_USER] = "user",
	[COL_ARN] = "arn",
	[COL_CREATED] = "user_creation_time",
	[COL_PASSWORD_ENABLED] = "password_enabled",
	[COL_PASSWORD_LAST_USED] = "password_last_used",
	[COL_MFA] = "mfa_active",
	[COL_KEY1_ACTIVE] = "access_key_1_active",
	[COL_KEY1_ROTATED] = "access_key_1_last_rotated",
	[COL_KEY1_USED] = "access_key_1_last_used_date",
	[COL_KEY2_ACTIVE] = "access_key_2_active",
	[COL_KEY2_ROTATED] = "access_key_2_last_rotated",
	[COL_KEY2_USED] = "access_key_2_last_used_date",
};

/* Where a value came from, for error messages. */
struct row_ctx {
	const struct csv_reader *reader;
	int index[COL_COUNT];
	char record[JSON_UTIL_RECORD_MAX];   /* "row 3" */
	long line;                           /* CSV file line, 0 for Content */
};

static bool recognise(const char *path, const char *data, size_t size)
{
	const char *rest = aws_path_rest(path);

	(void)data;
	(void)size;
	return aws_path_is(path, REPORT_STEM, false) ||
	       (rest && strcmp(rest, REPORT_CSV) == 0);
}

static const char *cell(const struct row_ctx *c, enum column col)
{
	return c->reader->fields[c->index[col]];
}

/* true/false, or null for `not_supported` when allowed. */
static int bool_cell(const struct row_ctx *c, enum column col,
		     bool allow_unsupported, json_t **out, struct error *err)
{
	const char *s = cell(c, col);
	bool b;

	if (allow_unsupported && strcmp(s, "not_supported") == 0) {
		*out = json_null();
		return 0;
	}
	if (bool_parse(s, &b))
		return error_input(err, NULL, c->line, c->record,
				   column_names[col],
				   "expected true or false, found \"%.64s\"",
				   s);
	*out = json_boolean(b);
	return 0;
}

static bool no_value(const char *s)
{
	return strcmp(s, "N/A") == 0 || strcmp(s, "not_supported") == 0 ||
	       strcmp(s, "no_information") == 0 || !*s;
}

/* A timestamp, or null for the "no value" words. */
static int stamp_cell(const struct row_ctx *c, enum column col,
		      json_t **out, struct error *err)
{
	const char *s = cell(c, col);
	stamp_t t;

	if (no_value(s)) {
		*out = json_null();
		return 0;
	}
	if (stamp_parse(s, &t))
		return error_input(err, NULL, c->line, c->record,
				   column_names[col],
				   "invalid timestamp \"%.64s\"", s);
	*out = json_util_stamp_value(t);
	return 0;
}

static const enum column bool_cols[] = {COL_MFA, COL_KEY1_ACTIVE,
					COL_KEY2_ACTIVE};
static const char *const bool_attrs[] = {"mfa_active", "key1_active",
					 "key2_active"};
static const enum column stamp_cols[] = {
	COL_CREATED, COL_KEY1_ROTATED, COL_KEY1_USED,
	COL_KEY2_ROTATED, COL_KEY2_USED, COL_PASSWORD_LAST_USED};
static const char *const stamp_attrs[] = {
	"created_at", "key1_last_rotated", "key1_last_used",
	"key2_last_rotated", "key2_last_used", "password_last_used"};

/* Builds the attributes of one row into `data`. */
static int row_attributes(const struct row_ctx *c, const char *system,
			  json_t *data, struct error *err)
{
	const char *user = cell(c, COL_USER);
	json_t *v;
	int rc;

	if (!*user)
		return error_input(err, NULL, c->line, c->record, "user",
				   "empty user name");
	json_object_set_new(data, "system", json_string(system));
	json_object_set_new(data, "user", json_string(user));
	json_object_set_new(data, "arn", json_string(cell(c, COL_ARN)));
	json_object_set_new(data, "root",
			    json_boolean(strcmp(user, "<root_account>") == 0));
	if ((rc = bool_cell(c, COL_PASSWORD_ENABLED, true, &v, err)))
		return rc;
	json_object_set_new(data, "password_enabled", v);
	for (size_t i = 0; i < sizeof(bool_cols) / sizeof(bool_cols[0]); i++) {
		if ((rc = bool_cell(c, bool_cols[i], false, &v, err)))
			return rc;
		json_object_set_new(data, bool_attrs[i], v);
	}
	for (size_t i = 0; i < sizeof(stamp_cols) / sizeof(stamp_cols[0]); i++) {
		if ((rc = stamp_cell(c, stamp_cols[i], &v, err)))
			return rc;
		json_object_set_new(data, stamp_attrs[i], v);
	}
	json_object_set_new(data, "password_last_used_unknown",
			    json_boolean(strcmp(cell(c, COL_PASSWORD_LAST_USED),
						"no_information") == 0));
	return 0;
}

/* Adds the row's fact, or replaces the earlier fact of the same user
 * (last row wins; `seen` maps user name to fact index). */
static int add_row(const struct row_ctx *c, const struct aws_account *acct,
		   json_t *seen, struct fact_list *facts, struct error *err)
{
	json_t *data = json_object();
	json_t *prev;
	const char *user;
	int rc;

	if (!data)
		return error_set(err, ERR_NOMEM, "out of memory");
	if ((rc = row_attributes(c, acct->system, data, err))) {
		json_decref(data);
		return rc;
	}
	user = cell(c, COL_USER);
	prev = json_object_get(seen, user);
	if (prev) {
		struct fact *f = &facts->items[json_integer_value(prev)];

		json_decref(f->data);
		f->data = data;
		return 0;
	}
	if (json_object_set_new(seen, user,
				json_integer((json_int_t)facts->count))) {
		json_decref(data);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	return aws_fact_add(facts, "aws_credential", data, err, "%s/%s",
			    acct->id, user);
}

static int read_header(struct csv_reader *r, struct row_ctx *c, int *width,
		       struct error *err)
{
	int rc = csv_next(r, err);

	if (rc < 0)
		return rc;
	if (rc == 0)
		return error_input(err, NULL, 0, NULL, NULL,
				   "empty credential report (no header row)");
	for (int i = 0; i < COL_COUNT; i++) {
		c->index[i] = csv_column(r->fields, r->count, column_names[i]);
		if (c->index[i] < 0)
			return error_input(err, NULL, c->line ? r->line : 0,
					   "header", column_names[i],
					   "missing column (is this an IAM "
					   "credential report?)");
	}
	*width = r->count;
	return 0;
}

/* Parses the report CSV text; `file_lines` says whether line numbers are
 * lines of the imported file (the .csv form) or of the decoded Content. */
static int parse_csv(const char *text, size_t size, bool file_lines,
		     const struct aws_account *acct, struct fact_list *facts,
		     struct error *err)
{
	struct csv_reader r;
	struct row_ctx c;
	json_t *seen;
	size_t bad;
	int width = 0, rc;

	/* Fact attributes are JSON strings: they must be UTF-8. */
	if (!json_util_utf8_valid(text, size, &bad)) {
		long line = 1;

		for (size_t i = 0; i < bad; i++)
			line += text[i] == '\n';
		snprintf(c.record, sizeof(c.record), "row %ld", line);
		return error_input(err, NULL, file_lines ? line : 0, c.record,
				   NULL, "not valid UTF-8 text");
	}
	seen = json_object();
	if (!seen)
		return error_set(err, ERR_NOMEM, "out of memory");
	memset(&c, 0, sizeof(c));
	c.reader = &r;
	c.line = file_lines ? 1 : 0;
	csv_reader_init(&r, text, size);
	rc = read_header(&r, &c, &width, err);
	while (rc == 0 && (rc = csv_next(&r, err)) == 1) {
		snprintf(c.record, sizeof(c.record), "row %ld", r.line);
		c.line = file_lines ? r.line : 0;
		if (r.count != width) {
			rc = error_input(err, NULL, c.line, c.record, NULL,
					 "%d fields, but the header has %d",
					 r.count, width);
			break;
		}
		rc = add_row(&c, acct, seen, facts, err);
	}
	if (rc < 0 && !file_lines && err && err->line > 0) {
		/* A line of the decoded Content, not of the file: say it as
		 * the row, like the other errors of this form. */
		if (!err->record[0])
			snprintf(err->record, sizeof(err->record), "row %ld",
				 err->line);
		err->line = 0;
	}
	csv_reader_release(&r);
	json_decref(seen);
	return rc < 0 ? rc : 0;
}

static int b64_value(unsigned char ch)
{
	if (ch >= 'A' && ch <= 'Z')
		return ch - 'A';
	if (ch >= 'a' && ch <= 'z')
		return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9')
		return ch - '0' + 52;
	if (ch == '+')
		return 62;
	if (ch == '/')
		return 63;
	return -1;
}

/* Decodes standard Base64 (white space ignored, '=' padding only at the
 * end) into out, which must hold len * 3 / 4 + 3 bytes. */
static int b64_decode(const char *in, size_t len, char *out, size_t *out_len,
		      struct error *err)
{
	unsigned acc = 0;
	int bits = 0, pad = 0;
	size_t n = 0, chars = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)in[i];
		int v;

		if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t')
			continue;
		if (ch == '=') {
			pad++;
			chars++;
			continue;
		}
		v = b64_value(ch);
		if (v < 0 || pad)
			return error_input(err, NULL, 0, NULL, "Content",
					   "invalid Base64 at character %zu",
					   i + 1);
		acc = (acc << 6) | (unsigned)v;
		bits += 6;
		chars++;
		if (bits >= 8) {
			bits -= 8;
			out[n++] = (char)((acc >> bits) & 0xff);
		}
	}
	if (chars % 4 != 0 || pad > 2)
		return error_input(err, NULL, 0, NULL, "Content",
				   "invalid Base64: length %zu is not a "
				   "multiple of 4", chars);
	out[n] = '\0';
	*out_len = n;
	return 0;
}

static int parse_content(const char *content, size_t len,
			 const struct aws_account *acct,
			 struct fact_list *facts, struct error *err)
{
	char *csv;
	size_t csv_len = 0;
	int rc;

	if (memchr(content, ',', len))   /* stored decoded (CloudMapper) */
		return parse_csv(content, len, false, acct, facts, err);
	csv = malloc(len / 4 * 3 + 4);
	if (!csv)
		return error_set(err, ERR_NOMEM, "out of memory");
	rc = b64_decode(content, len, csv, &csv_len, err);
	if (!rc)
		rc = parse_csv(csv, csv_len, false, acct, facts, err);
	free(csv);
	return rc;
}

static int parse_json(const struct import_input *in,
		      const struct aws_account *acct,
		      struct import_output *out, struct error *err)
{
	json_t *root, *content = NULL;
	const char *format;
	int rc;

	if ((rc = json_util_load_object(&root, in->data, in->size, err)))
		return rc;
	rc = json_util_string(root, "ReportFormat", false, "", &format, err);
	if (!rc && format && strcmp(format, "text/csv") != 0)
		rc = error_input(err, NULL, 0, "", "ReportFormat",
				 "unsupported report format \"%.64s\"", format);
	if (!rc)
		rc = json_util_stamp(root, "GeneratedTime", "", &out->effective,
				     err);
	if (!rc && !json_is_string(content = json_object_get(root, "Content")))
		rc = content ? error_input(err, NULL, 0, "", "Content",
					   "expected a string, found %s",
					   json_util_type_name(content))
			     : error_input(err, NULL, 0, "", "Content",
					   "required field is missing");
	if (!rc)
		rc = parse_content(json_string_value(content),
				   json_string_length(content), acct,
				   &out->facts, err);
	json_decref(root);
	return rc;
}

static int parse(const struct import_input *in, struct import_output *out,
		 struct error *err)
{
	struct aws_account acct;
	int rc;

	if ((rc = aws_account_from_path(in->path, &acct, err)))
		return rc;
	if (text_ends_with(in->path, ".csv"))
		return parse_csv(in->data, in->size, true, &acct, &out->facts,
				 err);
	return parse_json(in, &acct, out, err);
}

const struct importer importer_aws_credential_report = {
	.name = "aws.credential-report",
	.source = "aws",
	.description = "IAM credential report (aws iam get-credential-report, "
		       "or the decoded CSV)",
	.recognise = recognise,
	.parse = parse,
};
