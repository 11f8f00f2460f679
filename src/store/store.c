/* store.c - backend-independent dispatch of the store interface. */
#include "store/store_backend.h"

#include <stdlib.h>

void store_close(struct store *s)
{
	if (!s)
		return;
	if (s->in_transaction)
		s->ops->rollback(s);
	s->ops->close(s);
	free(s);
}

int store_begin(struct store *s, struct error *err)
{
	int rc;

	if (s->in_transaction)
		return error_set(err, ERR_STORE, "a transaction is already open");
	rc = s->ops->begin(s, err);
	if (!rc)
		s->in_transaction = 1;
	return rc;
}

int store_commit(struct store *s, struct error *err)
{
	int rc = s->ops->commit(s, err);

	if (!rc)
		s->in_transaction = 0;
	return rc;
}

void store_rollback(struct store *s)
{
	if (s && s->in_transaction) {
		s->ops->rollback(s);
		s->in_transaction = 0;
	}
}

int store_schema_version(struct store *s, int *version, struct error *err)
{
	return s->ops->schema_version(s, version, err);
}

int store_meta_get(struct store *s, const char *key, char **value,
		   struct error *err)
{
	return s->ops->meta_get(s, key, value, err);
}

int store_meta_set(struct store *s, const char *key, const char *value,
		   struct error *err)
{
	return s->ops->meta_set(s, key, value, err);
}
