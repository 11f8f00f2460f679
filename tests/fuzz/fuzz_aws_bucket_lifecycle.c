#include "fuzz_importer.h"
FUZZ_IMPORTER("aws.bucket-lifecycle",
              "sources/aws/111122223333/s3api-get-bucket-lifecycle-configuration-audit-logs.json")
