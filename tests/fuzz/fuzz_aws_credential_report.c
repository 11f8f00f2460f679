#include "fuzz_importer.h"
FUZZ_IMPORTER("aws.credential-report",
              "sources/aws/111122223333/iam-get-credential-report.json")
