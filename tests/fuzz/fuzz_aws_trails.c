#include "fuzz_importer.h"
FUZZ_IMPORTER("aws.trails",
              "sources/aws/111122223333/cloudtrail-describe-trails.json")
