#include "fuzz_importer.h"
FUZZ_IMPORTER("google-workspace.users", "sources/google-workspace/admin/directory/v1/users.json")
