#include "fuzz_importer.h"
FUZZ_IMPORTER("github.pulls", "sources/github/repos/acme-health/platform/pulls.json")
