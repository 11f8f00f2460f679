/* fields.c - selector parsing and the interned field table (fields.h). */
#include "detect/fields.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/text.h"

static const char *const fixed_selectors[CTF_FIXED_COUNT] = {
	[CTF_EVENT_ID] = "$.eventID",
	[CTF_EVENT_TIME] = "$.eventTime",
	[CTF_EVENT_NAME] = "$.eventName",
	[CTF_EVENT_TYPE] = "$.eventType",
	[CTF_EVENT_SOURCE] = "$.eventSource",
	[CTF_USER_TYPE] = "$.userIdentity.type",
	[CTF_USER_ARN] = "$.userIdentity.arn",
	[CTF_USER_NAME] = "$.userIdentity.userName",
	[CTF_USER_PRINCIPAL_ID] = "$.userIdentity.principalId",
	[CTF_SOURCE_IP] = "$.sourceIPAddress",
};

/* Characters that end a property name: white space and everything the
 * pattern grammar uses around a selector. */
static bool name_char(char c)
{
	if ((unsigned char)c <= ' ')
		return false;
	return !strchr(".[]=!<>()&|{}\",*", c);
}

static void path_release(struct field_path *p)
{
	for (int i = 0; i < p->nseg; i++)
		free(p->seg[i].name);
	free(p->text);
	memset(p, 0, sizeof(*p));
}

/* Parses "$" followed by ".name" / "[n]" segments from s[0..len).  Stops at
 * the first character that cannot continue a selector and reports how much
 * was used.  On error *bad is the offset of the offending character. */
int field_selector_parse(const char *s, size_t len, size_t *used,
			 struct field_path *out, size_t *bad, const char **msg)
{
	size_t i = 1;

	memset(out, 0, sizeof(*out));
	if (len < 2 || s[0] != '$' || (s[1] != '.' && s[1] != '[')) {
		*bad = 0;
		*msg = "expected selector starting with '$.'";
		return ERR_INPUT;
	}
	while (i < len && (s[i] == '.' || s[i] == '[')) {
		struct field_segment *seg;

		if (out->nseg == FIELD_SEGMENTS_MAX) {
			*bad = i;
			*msg = "selector has too many parts";
			goto fail;
		}
		seg = &out->seg[out->nseg];
		if (s[i] == '.') {
			size_t start = ++i;

			while (i < len && name_char(s[i]))
				i++;
			if (i == start) {
				*bad = i;
				*msg = "expected property name after '.'";
				goto fail;
			}
			if (i - start > FIELD_NAME_MAX) {
				*bad = start;
				*msg = "property name too long";
				goto fail;
			}
			seg->name = text_dup_n(s + start, i - start);
			if (!seg->name) {
				*bad = start;
				*msg = "out of memory";
				goto fail;
			}
			seg->len = (uint32_t)(i - start);
		} else {
			uint64_t v = 0;
			size_t start = ++i;

			while (i < len && s[i] >= '0' && s[i] <= '9') {
				v = v * 10 + (uint64_t)(s[i] - '0');
				if (v > 1000000) {
					*bad = start;
					*msg = "array index too large";
					goto fail;
				}
				i++;
			}
			if (i == start) {
				*bad = i;
				*msg = "expected array index after '['";
				goto fail;
			}
			if (i >= len || s[i] != ']') {
				*bad = i;
				*msg = "expected ']'";
				goto fail;
			}
			i++;
			seg->index = (uint32_t)v;
		}
		out->nseg++;
	}
	*used = i;
	return 0;
fail:
	path_release(out);
	return ERR_INPUT;
}

static int path_text(struct field_path *p)
{
	struct buf b = BUF_INIT;

	if (buf_addch(&b, '$'))
		return ERR_NOMEM;
	for (int i = 0; i < p->nseg; i++) {
		int rc = p->seg[i].name ? buf_printf(&b, ".%s", p->seg[i].name)
					: buf_printf(&b, "[%u]", p->seg[i].index);
		if (rc) {
			buf_release(&b);
			return rc;
		}
	}
	p->text = buf_detach(&b, NULL);
	return 0;
}

int field_table_find(const struct field_table *ft, const char *selector)
{
	for (int i = 0; i < ft->count; i++)
		if (strcmp(ft->paths[i].text, selector) == 0)
			return i;
	return -1;
}

/* Takes ownership of *p (interned or released). */
int field_table_add(struct field_table *ft, struct field_path *p, int *id,
		    struct error *err)
{
	int found;

	if (path_text(p)) {
		path_release(p);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	found = field_table_find(ft, p->text);
	if (found >= 0) {
		path_release(p);
		*id = found;
		return 0;
	}
	if (ft->count == FIELD_MAX) {
		path_release(p);
		return error_set(err, ERR_LIMIT,
				 "too many distinct selectors (at most %d)",
				 FIELD_MAX);
	}
	ft->paths[ft->count] = *p;
	memset(p, 0, sizeof(*p));
	*id = ft->count++;
	return 0;
}

int field_table_intern(struct field_table *ft, const char *selector,
		       size_t len, int *id, struct error *err)
{
	struct field_path p;
	size_t used = 0, bad = 0;
	const char *msg = "";

	if (field_selector_parse(selector, len, &used, &p, &bad, &msg))
		return error_set(err, ERR_INPUT, "%s at column %zu", msg,
				 bad + 1);
	if (used != len) {
		path_release(&p);
		return error_set(err, ERR_INPUT,
				 "unexpected character in selector at column %zu",
				 used + 1);
	}
	return field_table_add(ft, &p, id, err);
}

int field_table_init(struct field_table *ft, struct error *err)
{
	memset(ft, 0, sizeof(*ft));
	for (int i = 0; i < CTF_FIXED_COUNT; i++) {
		int id, rc;

		rc = field_table_intern(ft, fixed_selectors[i],
					strlen(fixed_selectors[i]), &id, err);
		if (rc) {
			field_table_release(ft);
			return rc;
		}
	}
	return 0;
}

void field_table_release(struct field_table *ft)
{
	if (!ft)
		return;
	for (int i = 0; i < ft->count; i++)
		path_release(&ft->paths[i]);
	ft->count = 0;
}
