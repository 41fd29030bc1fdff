/* hash.h - SHA-256 of a file's raw bytes (OpenSSL's EVP interface). */
#ifndef PS_HASH_H
#define PS_HASH_H

#include "core/error.h"

#define PS_SHA256_HEX 65

/* Writes the lowercase hex SHA-256 of the file's bytes into hex (65 bytes).
 * PS_ERR_IO with "cannot read PATH: reason" on failure. */
ps_error ps_sha256_file(const char *path, char hex[PS_SHA256_HEX], ps_ctx *ctx);

#endif
