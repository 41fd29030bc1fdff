/* password.h - passwords and tokens of the portal, on libsodium (SPEC §9).
 *
 * Passwords are kept only as Argon2id hashes made with libsodium's
 * interactive limits. Each hash takes about 64 MiB for a moment, so at most
 * two are computed at once in the whole process (others wait their turn):
 * logins bound the server's memory. Tokens are 256 random bits, shown as 64
 * hex digits; only their BLAKE2b hash is stored.
 */
#ifndef PS_PASSWORD_H
#define PS_PASSWORD_H

#include "core/error.h"
#include "store/account.h"

#include <stdbool.h>
#include <stddef.h>

#define PS_PASSWORD_MIN 10
#define PS_PASSWORD_MAX 1024
#define PS_TOKEN_HEX 65 /* 64 hex digits and the NUL */

/* Initialises libsodium; PS_ERR_IO when it cannot (no random source). */
ps_error ps_password_init(ps_ctx *ctx);

/* Checks the rules a new password must meet: PS_ERR_USAGE naming the rule. */
ps_error ps_password_acceptable(const char *password, ps_ctx *ctx);

/* Hashes a password into out (PS_PWHASH_MAX bytes). PS_ERR_IO when memory
 * for the hash cannot be had. */
ps_error ps_password_hash(const char *password, char out[PS_PWHASH_MAX], ps_ctx *ctx);

/* True when password matches the stored hash. */
bool ps_password_verify(const char *password, const char *hash);

/* A new random token as hex. */
void ps_token_new(char out[PS_TOKEN_HEX]);
/* The stored form of a token: its hash. False when the text is not a token. */
bool ps_token_hash(const char *token, unsigned char out[PS_TOKEN_HASH_BYTES]);
/* Compares two NUL-terminated tokens in constant time. */
bool ps_token_equal(const char *a, const char *b);

#endif
