/* error.c - filling and formatting struct error (see error.h). */
#include "util/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/text.h"

void error_clear(struct error *err)
{
	if (err)
		memset(err, 0, sizeof(*err));
}

static void set_message_v(struct error *err, const char *fmt, va_list ap)
{
	vsnprintf(err->message, sizeof(err->message), fmt, ap);
}

int error_set(struct error *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	err->code = code;
	va_start(ap, fmt);
	set_message_v(err, fmt, ap);
	va_end(ap);
	return code;
}

int error_input(struct error *err, const char *file, long line,
		const char *record, const char *field, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return ERR_INPUT;
	err->code = ERR_INPUT;
	if (file)
		error_set_file(err, file);
	err->line = line;
	if (record)
		error_set_record(err, record);
	if (field)
		error_set_field(err, field);
	va_start(ap, fmt);
	set_message_v(err, fmt, ap);
	va_end(ap);
	return ERR_INPUT;
}

void error_set_file(struct error *err, const char *file)
{
	if (err)
		text_copy(err->file, sizeof(err->file), file ? file : "");
}

void error_set_position(struct error *err, long line, long column)
{
	if (!err)
		return;
	err->line = line;
	err->column = column;
}

void error_set_record(struct error *err, const char *record)
{
	if (err)
		text_copy(err->record, sizeof(err->record), record ? record : "");
}

void error_set_field(struct error *err, const char *field)
{
	if (err)
		text_copy(err->field, sizeof(err->field), field ? field : "");
}

void error_prefix(struct error *err, const char *fmt, ...)
{
	char prefix[ERROR_MSG_MAX];
	char old[ERROR_MSG_MAX];
	va_list ap;

	if (!err)
		return;
	va_start(ap, fmt);
	vsnprintf(prefix, sizeof(prefix), fmt, ap);
	va_end(ap);
	text_copy(old, sizeof(old), err->message);
	{
		struct text_writer w;

		text_writer_init(&w, err->message, sizeof(err->message));
		text_writer_put(&w, "%s: %s", prefix, old);
	}
}

const char *error_code_name(int code)
{
	switch (code) {
	case ERR_OK:
		return "ok";
#define ERROR_CASE(name, value, text) \
	case name:                    \
		return text;
		ERROR_CODES(ERROR_CASE)
#undef ERROR_CASE
	}
	return "unknown error";
}

void error_format(const struct error *err, char *out, size_t out_size)
{
	struct text_writer w;

	text_writer_init(&w, out, out_size);
	if (err->file[0]) {
		text_writer_put(&w, "%s", err->file);
		if (err->line > 0)
			text_writer_put(&w, ":%ld", err->line);
		if (err->line > 0 && err->column > 0)
			text_writer_put(&w, ":%ld", err->column);
		text_writer_put(&w, ": ");
	} else if (err->line > 0) {
		text_writer_put(&w, "line %ld: ", err->line);
	}
	if (err->record[0])
		text_writer_put(&w, "%s: ", err->record);
	if (err->field[0])
		text_writer_put(&w, "field '%s': ", err->field);
	text_writer_put(&w, "%s",
			err->message[0] ? err->message : error_code_name(err->code));
}
