/*
 * cmd_import.c - `attest import [PATH...] [--keep-going] [--effective DATE]`.
 * Thin front end over import/import.h: options in, summary and warnings out.
 */
#include "cli/command.h"
#include "import/import.h"
#include "store/store.h"
#include "util/text.h"
#include "workspace/workspace.h"

static void on_event(void *arg, const struct import_event *ev)
{
	struct command_context *ctx = arg;
	char msg[2048];

	switch (ev->kind) {
	case IMPORT_UNRECOGNISED:
		if (text_starts_with(ev->path, "sources/"))
			fprintf(ctx->err, "warning: %s: not a recognised export; see docs/sources/\n",
				ev->path);
		else
			fprintf(ctx->err, "warning: %s: not a recognised register or policy; see docs/facts.md\n",
				ev->path);
		break;
	case IMPORT_FAILED:
		error_format(ev->error, msg, sizeof(msg));
		fprintf(ctx->err, "attest: %s\n", msg);
		break;
	case IMPORT_RECOVERED:
		fprintf(ctx->err, "note: removed %lld bytes of an interrupted import from .attest/ledger.jsonl\n",
			ev->bytes);
		break;
	}
}

static void print_summary(struct command_context *ctx,
			  const struct import_summary *sum)
{
	int64_t files = 0, records = 0, fresh = 0, same = 0;

	if (sum->count)
		fprintf(ctx->out, "%-34s %8s %9s %6s %10s\n", "SOURCE", "FILES",
			"RECORDS", "NEW", "UNCHANGED");
	for (size_t i = 0; i < sum->count; i++) {
		const struct import_source_stats *s = &sum->sources[i];
		fprintf(ctx->out, "%-34s %8lld %9lld %6lld %10lld\n", s->name,
			(long long)s->files, (long long)s->records,
			(long long)s->new_versions, (long long)s->unchanged);
		files += s->files;
		records += s->records;
		fresh += s->new_versions;
		same += s->unchanged;
	}
	fprintf(ctx->out, "imported: %lld files read, %lld records, %lld new versions, %lld unchanged",
		(long long)files, (long long)records, (long long)fresh, (long long)same);
	if (sum->unrecognised)
		fprintf(ctx->out, ", %lld not recognised", (long long)sum->unrecognised);
	fputc('\n', ctx->out);
}

static int run_import(struct command_context *ctx)
{
	const struct parsed_options *o = ctx->opts;
	struct import_request req = {0};
	struct import_summary sum;
	struct error err;
	day_t eff = option_date(o, "effective");
	int rc;

	error_clear(&err);
	req.root = ctx->ws->root;
	req.state_dir = ctx->ws->state_dir;
	req.config = &ctx->ws->config;
	req.store = ctx->store;
	req.paths = (const char *const *)o->positional;
	req.path_count = (size_t)o->positional_count;
	req.keep_going = option_flag(o, "keep-going");
	req.effective = eff == DAY_NONE ? STAMP_NONE : day_stamp(eff);
	req.now = STAMP_NONE;
	req.on_event = on_event;
	req.arg = ctx;
	import_summary_init(&sum);
	rc = import_run(&req, &sum, &err);
	if (rc) {
		import_summary_release(&sum);
		rc = command_fail(ctx, &err);
		if (err.file[0])
			fprintf(ctx->err, "attest: nothing was imported\n");
		return rc;
	}
	print_summary(ctx, &sum);
	if (sum.failed)
		fprintf(ctx->err, "attest: %lld files were not imported (errors above); the others were\n",
			(long long)sum.failed);
	rc = sum.failed ? 1 : 0;
	import_summary_release(&sum);
	return rc;
}

static const struct option_spec import_options[] = {
	{"keep-going", 'k', OPT_FLAG, NULL, NULL,
	 "import the good files when some are bad; exit 1 listing the bad ones"},
	{"effective", 0, OPT_DATE, "DATE", NULL,
	 "date the files speak for, when the file itself does not say"},
	{NULL, 0, OPT_FLAG, NULL, NULL, NULL},
};

const struct command command_import = {
	.name = "import",
	.run = run_import,
	.summary = "import sources, registers and policies into the evidence locker",
	.usage = "[PATH...] [--keep-going] [--effective DATE]",
	.description =
		"Reads every file under sources/, registers/ and policies/ (or only\n"
		"the PATHs given: files or directories, relative to the workspace or\n"
		"absolute inside it), in sorted order, skipping README files and\n"
		"dotfiles.  Each file a known importer recognises is stored, byte for\n"
		"byte, in the evidence locker (.attest/objects), recorded in the\n"
		"hash-chained ledger (.attest/ledger.jsonl), and parsed into facts.\n"
		"A file whose content has not changed since its last import is left\n"
		"alone.  The whole import is one transaction: on bad input nothing is\n"
		"imported (exit 2), unless --keep-going, which imports the good files\n"
		"and exits 1 after listing the bad ones.  See docs/commands/import.md.",
	.options = import_options,
	.flags = CMD_NEEDS_WORKSPACE | CMD_NEEDS_STORE,
};
