/* batch_logging.c - the logging family's checks, in listing order (see engine.c). */
#include <stddef.h>

#include "checks/check.h"

extern const struct check check_logging_no_multiregion_trail;
extern const struct check check_logging_log_validation_off;
extern const struct check check_logging_cis_monitoring;
extern const struct check check_logging_retention;
extern const struct check check_logging_delivery_gap;
extern const struct check check_logging_alert_untriaged;

const struct check *const check_batch_logging[] = {
	&check_logging_no_multiregion_trail,
	&check_logging_log_validation_off,
	&check_logging_cis_monitoring,
	&check_logging_retention,
	&check_logging_delivery_gap,
	&check_logging_alert_untriaged,
	NULL,
};
