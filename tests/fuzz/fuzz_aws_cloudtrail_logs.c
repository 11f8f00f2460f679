#include "fuzz_importer.h"
FUZZ_IMPORTER("aws.cloudtrail-logs",
              "sources/aws/111122223333/AWSLogs/111122223333/CloudTrail/us-east-1/2026/04/01/x.json.gz")
