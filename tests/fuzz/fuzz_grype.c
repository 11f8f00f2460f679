#include "fuzz_importer.h"
FUZZ_IMPORTER("scan.grype", "sources/scans/report.json")
