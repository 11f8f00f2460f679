#include "fuzz_importer.h"
FUZZ_IMPORTER("aws.metric-filters",
              "sources/aws/111122223333/logs-describe-metric-filters.json")
