#include "fuzz_importer.h"
FUZZ_IMPORTER("jira.search", "sources/jira/rest/api/3/search/jql.json")
