/* batch_change.c - the change family's checks, in listing order (see engine.c). */
#include <stddef.h>

#include "checks/check.h"

extern const struct check check_change_unreviewed_merge;
extern const struct check check_change_direct_push;
extern const struct check check_change_branch_protection;

const struct check *const check_batch_change[] = {
	&check_change_unreviewed_merge,
	&check_change_direct_push,
	&check_change_branch_protection,
	NULL,
};
