#include "fuzz_importer.h"
FUZZ_IMPORTER("policy.markdown", "policies/access-control.md")
