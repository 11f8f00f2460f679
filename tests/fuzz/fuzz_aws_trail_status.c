#include "fuzz_importer.h"
FUZZ_IMPORTER("aws.trail-status",
              "sources/aws/111122223333/cloudtrail-get-trail-status-main.json")
