/* digest.c - SHA-256 through OpenSSL EVP (see digest.h). */
#include "locker/digest.h"

#include <errno.h>
#include <fcntl.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/text.h"

struct digest_ctx {
	EVP_MD_CTX *md;
};

int digest_begin(struct digest_ctx **out, struct error *err)
{
	struct digest_ctx *c;

	*out = NULL;
	c = calloc(1, sizeof(*c));
	if (!c || !(c->md = EVP_MD_CTX_new())) {
		free(c);
		return error_set(err, ERR_NOMEM, "out of memory");
	}
	if (EVP_DigestInit_ex(c->md, EVP_sha256(), NULL) != 1) {
		digest_free(c);
		return error_set(err, ERR_IO, "SHA-256 unavailable in OpenSSL");
	}
	*out = c;
	return 0;
}

int digest_update(struct digest_ctx *c, const void *data, size_t len,
		  struct error *err)
{
	if (len && EVP_DigestUpdate(c->md, data, len) != 1)
		return error_set(err, ERR_IO, "SHA-256 update failed");
	return 0;
}

int digest_end(struct digest_ctx *c, char out[DIGEST_TEXT_SIZE],
	       struct error *err)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	int ok = EVP_DigestFinal_ex(c->md, raw, &n) == 1 && n == DIGEST_RAW_SIZE;
	char *p;

	digest_free(c);
	if (!ok)
		return error_set(err, ERR_IO, "SHA-256 final failed");
	memcpy(out, DIGEST_PREFIX, sizeof(DIGEST_PREFIX) - 1);
	p = out + sizeof(DIGEST_PREFIX) - 1;
	for (unsigned i = 0; i < n; i++) {
		*p++ = hex[raw[i] >> 4];
		*p++ = hex[raw[i] & 15];
	}
	*p = '\0';
	return 0;
}

void digest_free(struct digest_ctx *c)
{
	if (!c)
		return;
	EVP_MD_CTX_free(c->md);
	free(c);
}

int digest_sha256(const void *data, size_t len, char out[DIGEST_TEXT_SIZE],
		  struct error *err)
{
	struct digest_ctx *c;
	int rc = digest_begin(&c, err);

	if (rc)
		return rc;
	if ((rc = digest_update(c, data, len, err))) {
		digest_free(c);
		return rc;
	}
	return digest_end(c, out, err);
}

int digest_file(const char *path, char out[DIGEST_TEXT_SIZE],
		long long *size, struct error *err)
{
	char chunk[1 << 16];
	struct digest_ctx *c;
	long long total = 0;
	ssize_t n;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return error_set(err, errno == ENOENT ? ERR_NOTFOUND : ERR_IO,
				 "cannot open %s: %s", path, strerror(errno));
	if ((rc = digest_begin(&c, err))) {
		close(fd);
		return rc;
	}
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = error_set(err, ERR_IO, "cannot read %s: %s", path,
				       strerror(errno));
			break;
		}
		total += n;
		if ((rc = digest_update(c, chunk, (size_t)n, err)))
			break;
	}
	close(fd);
	if (rc) {
		digest_free(c);
		return rc;
	}
	if (size)
		*size = total;
	return digest_end(c, out, err);
}

bool digest_valid(const char *text)
{
	if (!text || !text_starts_with(text, DIGEST_PREFIX))
		return false;
	text += sizeof(DIGEST_PREFIX) - 1;
	for (int i = 0; i < 64; i++)
		if (!((text[i] >= '0' && text[i] <= '9') ||
		      (text[i] >= 'a' && text[i] <= 'f')))
			return false;
	return text[64] == '\0';
}
