#include "fuzz_importer.h"
FUZZ_IMPORTER("github.members", "sources/github/orgs/acme-health/members.json")
