/*
 * hr_roster.c - the HR roster, sources/hr/<name>.csv: one `person` fact per row
 * (docs/facts.md; shared/FORMATS.md; FORMAT-NOTES 7).
 *
 * HRIS exports are user-built reports whose headers are the labels the
 * admin picked, so columns are found by header, in this order:
 *   1. attest.yaml `hr: columns: {<field>: "<header text>"}` (wins; a mapped
 *      header that the file lacks is an error, not a silent fallback);
 *   2. the canonical header (email, name, employment_type, department,
 *      title, manager_email, start_date, end_date);
 *   3. the common HRIS labels: BambooHR report labels ("Work Email",
 *      "First Name" + "Last Name", "Hire Date", "Termination Date",
 *      "Employment Status", "Job Title", "Supervisor Email"...), Gusto and
 *      Rippling API names ("work_email", "hire_date", "termination_date").
 * Headers are compared ignoring case, spaces, '_' and '-' ("Work Email" =
 * "work_email" = "WorkEmail").  Extra columns are allowed and ignored.
 *
 * Values: e-mails lower-cased; dates YYYY-MM-DD or MM/DD/YYYY (spreadsheet
 * re-exports), "0000-00-00" or empty = none (BambooHR); employment type
 * "contractor" when the value mentions a contract, freelance, 1099 or
 * contingent worker, else "employee" (BambooHR's "Full-Time", "Part-Time"
 * and Rippling's salaried/hourly are employees).  Rows whose fields are all
 * empty (spreadsheet padding) are skipped.  Bad input names the data row
 * ("row 3", the header is row 0) and, for a value, the header as written.
 */
#include "importers/importer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "importers/apps_common.h"
#include "util/csv.h"
#include "util/text.h"

enum hr_field {
	HR_EMAIL,
	HR_NAME,
	HR_TYPE,
	HR_DEPARTMENT,
	HR_TITLE,
	HR_MANAGER,
	HR_START,
	HR_END,
	HR_FIRST,   /* name = first + " " + last when there is no name column */
	HR_LAST,
	HR_FIELD_COUNT
};

/* Our field names (also attest.yaml hr.columns keys and fact attributes). */
static const char *const field_names[HR_FIELD_COUNT] = {
	[HR_EMAIL] = "email", [HR_NAME] = "name",
	[HR_TYPE] = "employment_type", [HR_DEPARTMENT] = "department",
	[HR_TITLE] = "title", [HR_MANAGER] = "manager_email",
	[HR_START] = "start_date", [HR_END] = "end_date",
	[HR_FIRST] = "first_name", [HR_LAST] = "last_name",
};

/* Recognised headers, normalised (lower-case letters and digits only), in
 * order of preference: a work e-mail beats a plain (possibly personal)
 * one (Gusto exports both); the canonical name comes first otherwise. */
static const char *const aliases[HR_FIELD_COUNT][8] = {
	[HR_EMAIL] = {"workemail", "workemailaddress", "companyemail",
		      "businessemail", "email", "emailaddress", NULL},
	[HR_NAME] = {"name", "fullname", "employeename", "displayname",
		     "preferredfullname", NULL},
	[HR_TYPE] = {"employmenttype", "workertype", "employeetype",
		     "employmentstatus", "employmenthistorystatus", NULL},
	[HR_DEPARTMENT] = {"department", "departmentname", "dept", NULL},
	[HR_TITLE] = {"title", "jobtitle", "position", "positiontitle", NULL},
	[HR_MANAGER] = {"manageremail", "supervisoremail", "reportstoemail",
			"managerworkemail", "supervisorworkemail", NULL},
	[HR_START] = {"startdate", "hiredate", "dateofhire", "employmentstartdate",
		      "originalhiredate", NULL},
	[HR_END] = {"enddate", "terminationdate", "termdate", "separationdate",
		    "employmentenddate", NULL},
	[HR_FIRST] = {"firstname", "givenname", "legalfirstname", NULL},
	[HR_LAST] = {"lastname", "familyname", "surname", "legallastname", NULL},
};

struct roster {
	char **headers;            /* as written, owned */
	int count;
	int col[HR_FIELD_COUNT];   /* -1 = absent */
	json_t *seen;              /* email -> row number, for duplicates */
};

static bool hr_roster_recognise(const char *path, const char *data,
				size_t size)
{
	const char *rest = apps_path_in(path, "hr");

	(void)data;
	(void)size;
	return rest && !strchr(rest, '/') && strlen(rest) > 4 &&
	       text_equal_nocase(rest + strlen(rest) - 4, ".csv");
}

static void normalise(const char *in, char *out, size_t size)
{
	size_t n = 0;

	for (; *in && n + 1 < size; in++) {
		char c = *in;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			out[n++] = c;
	}
	out[n] = '\0';
}

static int find_alias(const struct roster *r, enum hr_field f)
{
	char norm[CONFIG_NAME_MAX];

	for (size_t a = 0; aliases[f][a]; a++) {
		for (int i = 0; i < r->count; i++) {
			normalise(r->headers[i], norm, sizeof(norm));
			if (strcmp(norm, aliases[f][a]) == 0)
				return i;
		}
	}
	return -1;
}

/* "a", "b", "c" into w (for error messages). */
static void list_headers(const struct roster *r, char *out, size_t size)
{
	struct text_writer w;

	text_writer_init(&w, out, size);
	for (int i = 0; i < r->count; i++)
		text_writer_put(&w, "%s\"%s\"", i ? ", " : "", r->headers[i]);
	if (r->count == 0)
		text_writer_put(&w, "none");
}

static int map_columns(struct roster *r, const struct import_input *in,
		       struct error *err)
{
	char seen[512];

	for (int f = 0; f < HR_FIELD_COUNT; f++)
		r->col[f] = find_alias(r, (enum hr_field)f);
	for (int i = 0; in->config && i < in->config->hr_column_count; i++) {
		const struct config_hr_column *m = &in->config->hr_columns[i];
		int f = 0, c;

		while (f < HR_FIELD_COUNT && strcmp(field_names[f], m->field) != 0)
			f++;
		if (f == HR_FIELD_COUNT)
			continue;   /* the config loader rejects unknown fields */
		c = csv_column((const char *const *)r->headers, r->count,
			       m->header);
		if (c < 0) {
			list_headers(r, seen, sizeof(seen));
			return error_input(err, NULL, 1, "header", m->field,
					   "attest.yaml hr.columns maps %s to "
					   "\"%s\", but %s has no such column "
					   "(headers: %s)", m->field, m->header,
					   in->path, seen);
		}
		r->col[f] = c;
	}
	if (r->col[HR_EMAIL] < 0) {
		list_headers(r, seen, sizeof(seen));
		return error_input(err, NULL, 1, "header", "email",
				   "%s has no e-mail column: expected \"email\" "
				   "or \"Work Email\" / \"work_email\", or "
				   "hr.columns.email in attest.yaml (headers: %s)",
				   in->path, seen);
	}
	return 0;
}

static int read_header(struct roster *r, struct csv_reader *csv,
		       const struct import_input *in, struct error *err)
{
	int rc = csv_next(csv, err);

	if (rc < 0)
		return rc;
	if (rc == 0)
		return error_input(err, NULL, 1, "header", NULL,
				   "%s is empty: expected a header row", in->path);
	r->headers = calloc((size_t)csv->count, sizeof(*r->headers));
	if (!r->headers)
		return error_set(err, ERR_NOMEM, "out of memory");
	for (int i = 0; i < csv->count; i++) {
		r->headers[i] = text_dup(csv->fields[i]);
		if (!r->headers[i])
			return error_set(err, ERR_NOMEM, "out of memory");
		text_trim(r->headers[i]);
		r->count++;
	}
	return map_columns(r, in, err);
}

static void roster_release(struct roster *r)
{
	for (int i = 0; i < r->count; i++)
		free(r->headers[i]);
	free(r->headers);
	json_decref(r->seen);
}

/* One row being read: trimmed copies of the mapped fields. */
struct row {
	long number;       /* data row, 1-based */
	long line;         /* line in the file */
	char *v[HR_FIELD_COUNT];
};

static void row_release(struct row *w)
{
	for (int f = 0; f < HR_FIELD_COUNT; f++) {
		free(w->v[f]);
		w->v[f] = NULL;
	}
}

static int row_error(const struct roster *r, const struct row *w,
		     enum hr_field f, struct error *err, const char *what,
		     const char *value)
{
	char record[32];

	snprintf(record, sizeof(record), "row %ld", w->number);
	if (!value)
		return error_input(err, NULL, w->line, record,
				   r->headers[r->col[f]], "%s", what);
	return error_input(err, NULL, w->line, record, r->headers[r->col[f]],
			   "%s: \"%.100s\"", what, value);
}

static bool all_empty(const struct csv_reader *csv)
{
	for (int i = 0; i < csv->count; i++)
		for (const char *p = csv->fields[i]; *p; p++)
			if (*p != ' ' && *p != '\t')
				return false;
	return true;
}

/* Copies the mapped fields of the current record, trimmed; "" -> NULL. */
static int take_fields(const struct roster *r, const struct csv_reader *csv,
		       struct row *w, struct error *err)
{
	for (int f = 0; f < HR_FIELD_COUNT; f++) {
		const char *s;

		if (r->col[f] < 0)
			continue;
		s = csv->fields[r->col[f]];
		if (!apps_utf8_valid(s, strlen(s)))
			return row_error(r, w, (enum hr_field)f, err,
					 "not UTF-8 text (export or save the "
					 "file as UTF-8)", NULL);
		w->v[f] = text_dup(s);
		if (!w->v[f])
			return error_set(err, ERR_NOMEM, "out of memory");
		text_trim(w->v[f]);
		if (!*w->v[f]) {
			free(w->v[f]);
			w->v[f] = NULL;
		}
	}
	return 0;
}

static int email_value(const struct roster *r, struct row *w, enum hr_field f,
		       bool required, struct error *err)
{
	char *s = w->v[f];

	if (!s) {
		if (!required)
			return 0;
		return row_error(r, w, f, err, "an e-mail address is required",
				 NULL);
	}
	text_lower(s);
	if (!strchr(s, '@') || strchr(s, ' ') || s[0] == '@' ||
	    !s[strcspn(s, "@") + 1])
		return row_error(r, w, f, err, "not an e-mail address", s);
	return 0;
}

static int date_value(const struct roster *r, const struct row *w,
		      enum hr_field f, day_t *out, struct error *err)
{
	const char *s = w->v[f];

	*out = DAY_NONE;
	if (!s || strcmp(s, "0000-00-00") == 0)
		return 0;
	if (date_parse_loose(s, out))
		return row_error(r, w, f, err,
				 "not a date (expected YYYY-MM-DD or MM/DD/YYYY)",
				 s);
	return 0;
}

static const char *employment_type(const char *s)
{
	static const char *const contract_words[] = {
		"contract", "freelance", "1099", "contingent", NULL,
	};

	for (size_t i = 0; s && contract_words[i]; i++)
		if (text_find_nocase(s, contract_words[i]))
			return "contractor";
	return "employee";
}

/* name column, else "first last". */
static int set_name(struct attrs *a, const struct row *w)
{
	struct buf b = BUF_INIT;
	const char *first = w->v[HR_FIRST], *last = w->v[HR_LAST];

	if (w->v[HR_NAME] || (!first && !last)) {
		attrs_str(a, "name", w->v[HR_NAME]);
		return 0;
	}
	if (buf_printf(&b, "%s%s%s", first ? first : "",
		       first && last ? " " : "", last ? last : ""))
		a->failed = true;
	else
		attrs_str(a, "name", buf_cstr(&b));
	buf_release(&b);
	return 0;
}

static int check_duplicate(struct roster *r, const struct row *w,
			   struct error *err)
{
	const char *email = w->v[HR_EMAIL];
	json_t *prev = json_object_get(r->seen, email);
	char what[64];

	if (prev) {
		snprintf(what, sizeof(what), "duplicate e-mail (also row %lld)",
			 (long long)json_integer_value(prev));
		return row_error(r, w, HR_EMAIL, err, what, email);
	}
	if (json_object_set_new(r->seen, email, json_integer(w->number)))
		return error_set(err, ERR_NOMEM, "out of memory");
	return 0;
}

static int one_row(struct roster *r, struct row *w, struct import_output *out,
		   struct error *err)
{
	day_t start, end;
	struct attrs a;
	int rc;

	if ((rc = email_value(r, w, HR_EMAIL, true, err)) ||
	    (rc = email_value(r, w, HR_MANAGER, false, err)) ||
	    (rc = date_value(r, w, HR_START, &start, err)) ||
	    (rc = date_value(r, w, HR_END, &end, err)) ||
	    (rc = check_duplicate(r, w, err)))
		return rc;
	attrs_init(&a);
	attrs_str(&a, "email", w->v[HR_EMAIL]);
	set_name(&a, w);
	attrs_str(&a, "employment_type", employment_type(w->v[HR_TYPE]));
	attrs_str(&a, "department", w->v[HR_DEPARTMENT]);
	attrs_str(&a, "title", w->v[HR_TITLE]);
	attrs_str(&a, "manager_email", w->v[HR_MANAGER]);
	attrs_day(&a, "start_date", start);
	attrs_day(&a, "end_date", end);
	return attrs_emit(&a, out, "person", w->v[HR_EMAIL], err);
}

static int read_rows(struct roster *r, struct csv_reader *csv,
		     struct import_output *out, struct error *err)
{
	struct row w;
	long number = 0;
	int rc;

	memset(&w, 0, sizeof(w));
	while ((rc = csv_next(csv, err)) == 1) {
		number++;
		w.number = number;
		w.line = csv->line;
		if (csv->count != r->count) {
			char record[32];

			if (csv->count == 1 && all_empty(csv))
				continue;
			snprintf(record, sizeof(record), "row %ld", number);
			return error_input(err, NULL, csv->line, record, NULL,
					   "%d fields, but the header has %d",
					   csv->count, r->count);
		}
		if (all_empty(csv))
			continue;
		rc = take_fields(r, csv, &w, err);
		if (!rc)
			rc = one_row(r, &w, out, err);
		row_release(&w);
		if (rc)
			return rc;
	}
	return rc;
}

static int hr_roster_parse(const struct import_input *in,
			   struct import_output *out, struct error *err)
{
	struct csv_reader csv;
	struct roster r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.seen = json_object();
	if (!r.seen)
		return error_set(err, ERR_NOMEM, "out of memory");
	csv_reader_init(&csv, in->data, in->size);
	rc = read_header(&r, &csv, in, err);
	if (!rc)
		rc = read_rows(&r, &csv, out, err);
	csv_reader_release(&csv);
	roster_release(&r);
	return rc;
}

const struct importer importer_hr_roster = {
	.name = "hr.roster",
	.source = "hr",
	.description = "HR roster CSV (canonical header or BambooHR / Gusto / "
		       "Rippling report headers)",
	.recognise = hr_roster_recognise,
	.parse = hr_roster_parse,
};
