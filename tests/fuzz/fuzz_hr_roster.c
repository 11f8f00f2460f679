#include "fuzz_importer.h"
FUZZ_IMPORTER("hr.roster", "sources/hr/roster.csv")
