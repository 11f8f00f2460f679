/*
 * import.h - the import pipeline behind `attest import` (library code: the
 * command only parses options and prints).  It walks the workspace, reads
 * each file (at most IMPORT_FILE_MAX bytes), picks its importer, stores new
 * versions in the evidence locker and their facts in the database, all in
 * one transaction (docs/evidence.md "Atomicity").
 *
 * Streaming: one file's bytes and facts are in memory at a time.
 */
#ifndef ATTEST_IMPORT_IMPORT_H
#define ATTEST_IMPORT_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/config.h"
#include "store/store.h"
#include "util/error.h"
#include "util/timeutil.h"

#define IMPORT_FILE_MAX ((size_t)2 << 30)   /* 2 GiB */

enum import_event_kind {
	IMPORT_UNRECOGNISED,   /* no importer owns the file: a warning */
	IMPORT_FAILED,         /* bad file skipped under keep_going */
	IMPORT_RECOVERED,      /* an uncommitted ledger tail was cut off */
};

struct import_event {
	enum import_event_kind kind;
	const char *path;              /* workspace-relative */
	const struct error *error;     /* IMPORT_FAILED */
	long long bytes;               /* IMPORT_RECOVERED */
};

struct import_request {
	const char *root;              /* workspace root */
	const char *state_dir;         /* root/.attest */
	const struct config *config;
	struct store *store;
	/* Files or directories, relative to the root or absolute inside it;
	 * none = sources/, registers/ and policies/. */
	const char *const *paths;
	size_t path_count;
	bool keep_going;               /* skip bad files instead of failing */
	stamp_t effective;             /* --effective; STAMP_NONE */
	stamp_t now;                   /* imported_at; STAMP_NONE = clock */
	void (*on_event)(void *arg, const struct import_event *ev);
	void *arg;
};

/* Per importer, in first-seen order. */
struct import_source_stats {
	char name[64];
	int64_t files;          /* files it recognised */
	int64_t records;        /* facts parsed from new versions */
	int64_t new_versions;
	int64_t unchanged;
	int64_t failed;
};

struct import_summary {
	struct import_source_stats *sources;
	size_t count, cap;
	int64_t unrecognised;
	int64_t failed;
};

void import_summary_init(struct import_summary *s);
void import_summary_release(struct import_summary *s);

/* Runs one import.  0: committed (with keep_going, summary->failed files
 * were left out).  Otherwise nothing was committed and err says why (for
 * bad input err->file is the workspace-relative path). */
int import_run(const struct import_request *req, struct import_summary *sum,
	       struct error *err);

/* Adds one file as manual evidence for `control` (kind "manual", path
 * "manual/<control>/<file name>"), effective req->effective or now; *id is
 * its ledger sequence number.  All or nothing, like import_run. */
int import_manual(const struct import_request *req, const char *file,
		  const char *control, const char *note, int64_t *id,
		  struct error *err);

/* Walking (import/walk.c).  Calls fn for each file to import under the
 * workspace-relative `rel` (a file or directory), in sorted order,
 * skipping dotfiles and README* in directories; symlinked directories are
 * not followed.  Stops at the first non-zero return of fn. */
typedef int (*import_walk_fn)(void *arg, const char *rel, struct error *err);
int import_walk(const char *root, const char *rel, import_walk_fn fn,
		void *arg, struct error *err);
/* Turns a command-line path into a workspace-relative one: ERR_USAGE when
 * it lies outside the workspace, ERR_NOTFOUND when it does not exist.
 * "" means the workspace root itself. */
int import_resolve(const char *root, const char *arg, char *out,
		   size_t out_size, struct error *err);

#endif
