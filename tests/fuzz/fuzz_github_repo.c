#include "fuzz_importer.h"
FUZZ_IMPORTER("github.repo", "sources/github/repos/acme-health/platform.json")
