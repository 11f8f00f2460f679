/* batch_access.c - the access family's checks, in listing order (see engine.c). */
#include <stddef.h>

#include "checks/access.h"

const struct check *const check_batch_access[] = {
	&check_access_leaver_active_account,
	&check_access_leaver_no_offboarding_ticket,
	&check_access_orphan_account,
	&check_access_mfa_missing,
	&check_access_root_account,
	&check_access_wildcard_admin,
	&check_access_stale_credentials,
	&check_access_review_missing,
	&check_access_review_revoke_not_done,
	NULL,
};
