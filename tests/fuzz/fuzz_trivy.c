#include "fuzz_importer.h"
FUZZ_IMPORTER("scan.trivy", "sources/scans/report.json")
