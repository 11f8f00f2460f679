#include "fuzz_importer.h"
FUZZ_IMPORTER("aws.log-groups",
              "sources/aws/111122223333/logs-describe-log-groups.json")
