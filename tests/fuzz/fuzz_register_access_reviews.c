#include "fuzz_importer.h"
FUZZ_IMPORTER("register.access-reviews", "registers/access-reviews/2026-q1.csv")
