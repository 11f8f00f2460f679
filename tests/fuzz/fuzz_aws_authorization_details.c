#include "fuzz_importer.h"
FUZZ_IMPORTER("aws.authorization-details",
              "sources/aws/111122223333/iam-get-account-authorization-details.json")
