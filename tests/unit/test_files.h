/*
 * test_files.h - reading fixture files in unit tests, through the project's
 * own bounded reader (util/fs.h).  Header-only, like check_test.h.
 */
#ifndef ATTEST_TESTS_TEST_FILES_H
#define ATTEST_TESTS_TEST_FILES_H

#include <stdio.h>
#include <stdlib.h>

#include "util/fs.h"

/* The whole file (NUL-terminated; the caller frees it); fails the test
 * when it cannot be read. */
static inline char *slurp(const char *path, size_t *size)
{
	struct error err;
	char *data = NULL;

	error_clear(&err);
	if (fs_read_file(path, (size_t)1 << 30, &data, size, &err))
		fail_msg("cannot read %s: %s", path, err.message);
	return data;
}

/* A file of shared/fixtures/real (ATTEST_SHARED, default ../shared). */
static inline char *slurp_real(const char *rel, size_t *size)
{
	const char *shared = getenv("ATTEST_SHARED");
	char path[1024];

	snprintf(path, sizeof(path), "%s/fixtures/real/%s", shared ? shared : "../shared", rel);
	return slurp(path, size);
}

#endif
