#include "fuzz_importer.h"
FUZZ_IMPORTER("github.protection", "sources/github/repos/acme-health/platform/branches/main/protection.json")
