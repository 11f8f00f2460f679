#include "fuzz_importer.h"
FUZZ_IMPORTER("aws.alarms",
              "sources/aws/111122223333/cloudwatch-describe-alarms.json")
