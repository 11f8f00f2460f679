#include "fuzz_importer.h"
FUZZ_IMPORTER("register.vendors", "registers/vendors.csv")
