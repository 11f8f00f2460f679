#include "fuzz_importer.h"
FUZZ_IMPORTER("github.commits", "sources/github/repos/acme-health/platform/commits.json")
