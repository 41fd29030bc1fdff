/* hash.h - SHA-256 of raw bytes (OpenSSL's EVP interface).
 *
 * As the bytes go by: core/input.c hashes a file while it is parsed, so
 * that it is read once (SPEC §4).
 */
#ifndef PS_HASH_H
#define PS_HASH_H

#include "core/error.h"

#include <stddef.h>

#define PS_SHA256_HEX 65

/* A running SHA-256; opaque. */
typedef struct ps_sha256 ps_sha256;

/* A new running hash of no bytes; owned, for ps_sha256_free. NULL with
 * PS_ERR_INTERNAL in ctx when OpenSSL has no SHA-256. */
ps_sha256 *ps_sha256_new(ps_ctx *ctx);
/* Adds data[0..n) to the hash. */
void ps_sha256_update(ps_sha256 *h, const void *data, size_t n);
/* The lowercase hex SHA-256 of the bytes added so far into hex (65 bytes);
 * more bytes may be added after. */
void ps_sha256_hex(const ps_sha256 *h, char hex[PS_SHA256_HEX]);
/* NULL does nothing. */
void ps_sha256_free(ps_sha256 *h);

#endif
