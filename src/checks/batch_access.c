/* batch_access.c - the access family's checks, in listing order (see engine.c). */
#include <stddef.h>

#include "checks/check.h"

const struct check *const check_batch_access[] = {
	NULL,
};
