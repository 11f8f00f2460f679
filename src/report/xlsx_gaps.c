/*
 * xlsx_gaps.c - the gap register as a real spreadsheet (libxlsxwriter),
 * because auditors and founders live in spreadsheets: one row per gap with
 * a header row, frozen panes, an autofilter and wrapped findings.  The
 * document's creation time is the as-of date so the same register gives the
 * same bytes.  Written to a temporary name and renamed into place.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "report/assess_report.h"

static void write_row(lxw_worksheet *ws, lxw_row_t row, const struct gap *g, lxw_format *wrap,
		      lxw_format *datef)
{
	char due[DATE_TEXT_SIZE], first[DATE_TEXT_SIZE], closed[DATE_TEXT_SIZE];

	date_format(g->due, due);
	date_format(g->first_seen, first);
	date_format(g->closed_on, closed);
	worksheet_write_string(ws, row, 0, g->id, NULL);
	worksheet_write_string(ws, row, 1, g->control, NULL);
	worksheet_write_string(ws, row, 2, g->closed ? "closed" : control_status_name(g->status), NULL);
	worksheet_write_string(ws, row, 3, severity_name(g->severity), NULL);
	worksheet_write_string(ws, row, 4, g->owner, NULL);
	worksheet_write_string(ws, row, 5, g->closed ? "" : due, datef);
	worksheet_write_string(ws, row, 6, first, datef);
	worksheet_write_string(ws, row, 7, closed, datef);
	worksheet_write_number(ws, row, 8, g->age_days, NULL);
	worksheet_write_string(ws, row, 9, g->missing, wrap);
	worksheet_write_string(ws, row, 10, g->findings_text ? g->findings_text : "", wrap);
}

int gaps_write_xlsx(const char *path, const struct gap_list *g, day_t as_of,
		    const char *organization, struct error *err)
{
	static const char *const headers[] = {"Gap", "Control", "Status", "Severity", "Owner",
					      "Due", "First seen", "Closed", "Age (days)",
					      "What is missing", "Findings"};
	static const double widths[] = {26, 9, 14, 9, 30, 11, 11, 11, 10, 60, 90};
	char tmp[4096], title[256];
	lxw_workbook_options options = {.constant_memory = LXW_FALSE, .tmpdir = NULL,
					.use_zip64 = LXW_FALSE};
	lxw_doc_properties props;
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *wrap, *datef;
	lxw_error rc;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof(tmp))
		return error_set(err, ERR_LIMIT, "path too long: %s", path);
	wb = workbook_new_opt(tmp, &options);
	if (!wb)
		return error_set(err, ERR_IO, "cannot create %s", path);
	memset(&props, 0, sizeof(props));
	snprintf(title, sizeof(title), "%s: SOC 2 gap register", organization);
	props.title = title;
	props.subject = "Gap register";
	props.author = "attest";
	props.created = (time_t)day_stamp(as_of);
	workbook_set_properties(wb, &props);
	ws = workbook_add_worksheet(wb, "Gaps");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_bg_color(bold, 0xDDEBF7);
	wrap = workbook_add_format(wb);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
	datef = workbook_add_format(wb);
	format_set_align(datef, LXW_ALIGN_VERTICAL_TOP);
	for (int c = 0; c < 11; c++) {
		worksheet_write_string(ws, 0, (lxw_col_t)c, headers[c], bold);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
	}
	for (size_t i = 0; i < g->count; i++)
		write_row(ws, (lxw_row_t)(i + 1), &g->items[i], wrap, datef);
	worksheet_freeze_panes(ws, 1, 2);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)(g->count ? g->count : 1), 10);
	rc = workbook_close(wb);
	if (rc != LXW_NO_ERROR) {
		unlink(tmp);
		return error_set(err, ERR_IO, "cannot write %s: %s", path, lxw_strerror(rc));
	}
	if (rename(tmp, path)) {
		unlink(tmp);
		return error_set(err, ERR_IO, "cannot rename %s into place", path);
	}
	return 0;
}
