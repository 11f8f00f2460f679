/*
 * jira_adf.h - Atlassian Document Format to plain text.
 *
 * Jira Cloud's REST v3 returns rich-text fields (description) as an ADF
 * tree ({"type":"doc","content":[...]}); the checks search that text for
 * e-mail addresses and CloudTrail event ids, so it is flattened to what a
 * reader sees: text nodes; a newline after each paragraph, heading, list
 * item, code block, table cell and for hardBreak; a mention's attrs.text;
 * an inlineCard/blockCard/embedCard's attrs.url; a link mark's href after
 * its text when the text does not already contain it; emoji and status
 * attrs.text; a date node's day.  Unknown nodes contribute their children,
 * so new node types degrade to their text rather than failing.
 */
#ifndef ATTEST_IMPORTERS_JIRA_ADF_H
#define ATTEST_IMPORTERS_JIRA_ADF_H

#include <jansson.h>

#include "util/buf.h"
#include "util/error.h"

/* Deeper trees are refused: real documents nest a few levels, and the
 * walk is recursive. */
#define JIRA_ADF_MAX_DEPTH 48

/* Appends the text of ADF node `node` to `out` and trims trailing
 * newlines.  ERR_INPUT (record, field) when the tree is too deep or a
 * node is not an object; ERR_LIMIT when the text exceeds out->max. */
int jira_adf_text(const json_t *node, struct buf *out, const char *record,
		  const char *field, struct error *err);

#endif
