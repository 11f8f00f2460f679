/*
 * ctreader.h - streaming CloudTrail reader.
 *
 * Reads every shape CloudTrail events arrive in and hands each record to a
 * callback with only the fields of a field table extracted (see fields.h;
 * why no DOM: jscan.h):
 *   - S3 delivery: {"Records":[...]}, gzip'd (.json.gz) or plain
 *   - one bare record object (AWS documentation examples)
 *   - JSON Lines / concatenated objects (CloudWatch Logs, one per line)
 *   - `aws cloudtrail lookup-events` output: {"Events":[{...,
 *     "CloudTrailEvent":"<record as a JSON string>"}]}, parsed twice
 * Compression is detected by content (gzip magic), not by file name.
 *
 * Memory is bounded whatever the input size: a gzip file whose trailer
 * says it inflates to at most `gz_whole_max` bytes is inflated in one call
 * (libdeflate, the fast path for real S3 files of a few MB); anything
 * larger, multi-member or damaged streams through zlib and a window that
 * holds at most one record (CT_RECORD_MAX) plus a read chunk.
 *
 * Records whose eventType is AwsCloudTrailInsight are skipped (counted in
 * stats.skipped).  Errors name the file and the record ("Records[12]",
 * "Events[3]", "record 7" for a top-level sequence) and stop that file;
 * records before the error have already been delivered.
 */
#ifndef ATTEST_DETECT_CTREADER_H
#define ATTEST_DETECT_CTREADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "detect/fields.h"
#include "util/error.h"
#include "util/timeutil.h"

#define CT_RECORD_MAX ((size_t)8 << 20)   /* bytes of one record */
#define CT_DEPTH_MAX 64                    /* nesting inside one record */
#define CT_GZ_WHOLE_DEFAULT ((size_t)12 << 20)

struct ct_record {
	const struct jvalue *values;  /* indexed by field id */
	int nvalues;
	const char *file;             /* name given to the reader */
	long index;                   /* 0-based record number in the file */
};

struct ct_stats {
	uint64_t files;
	uint64_t records;   /* delivered to the callback */
	uint64_t skipped;   /* Insight records */
	uint64_t bytes;     /* uncompressed JSON bytes read */
};

/* Return 0 to go on, or a negative error to stop reading the file (the
 * error is passed back unchanged). */
typedef int (*ct_record_fn)(void *ctx, const struct ct_record *rec,
			    struct error *err);

struct ct_reader;

/* The table must outlive the reader and not change while it is in use.
 * gz_whole_max 0 = CT_GZ_WHOLE_DEFAULT. */
int ct_reader_new(struct ct_reader **out, const struct field_table *ft,
		  size_t gz_whole_max, struct error *err);
void ct_reader_free(struct ct_reader *r);

int ct_reader_read_file(struct ct_reader *r, const char *path,
			ct_record_fn fn, void *ctx, struct ct_stats *stats,
			struct error *err);
/* `name` is used in errors and ct_record.file.  data may be gzip. */
int ct_reader_read_mem(struct ct_reader *r, const char *name,
		       const void *data, size_t len, ct_record_fn fn,
		       void *ctx, struct ct_stats *stats, struct error *err);

/* The value as a NUL-terminated copy in out (truncated to size-1); "" when
 * absent or not a string/number. */
void ct_value_text(const struct jvalue *v, char *out, size_t size);

/* eventTime as a stamp: ISO-8601 string or epoch seconds/ms number;
 * STAMP_NONE when absent or unparsable. */
stamp_t ct_record_time(const struct ct_record *rec);

/* Where a record is, for messages: "Records[12]", "Events[3]", "record 7". */
struct ct_file_list {
	char **paths;
	size_t len, cap;
};

/* Expands files and directories into a sorted list of files to read.
 * Directories are walked recursively in byte order of names; files named
 * *.json, *.json.gz, *.jsonl, *.jsonl.gz, *.ndjson are taken; folders
 * CloudTrail-Digest and CloudTrail-Insight and hidden entries are skipped.
 * With cloudtrail_only, only files below a folder named "CloudTrail" are
 * taken (scanning a workspace's sources/aws, which also holds other AWS
 * exports).  Explicit file arguments are always taken. */
int ct_list_files(struct ct_file_list *out, const char *const *paths,
		  size_t n, bool cloudtrail_only, struct error *err);
void ct_file_list_release(struct ct_file_list *l);

#endif
