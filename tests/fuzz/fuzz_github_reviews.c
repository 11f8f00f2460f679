#include "fuzz_importer.h"
FUZZ_IMPORTER("github.reviews", "sources/github/repos/acme-health/platform/pulls/17/reviews.json")
