#include "fuzz_importer.h"
FUZZ_IMPORTER("okta.users", "sources/okta/api/v1/users.json")
