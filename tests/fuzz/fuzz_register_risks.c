#include "fuzz_importer.h"
FUZZ_IMPORTER("register.risks", "registers/risks.csv")
