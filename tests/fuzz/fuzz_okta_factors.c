#include "fuzz_importer.h"
FUZZ_IMPORTER("okta.factors", "sources/okta/api/v1/users/00u1abcd2EFGH3ijk4x7/factors.json")
