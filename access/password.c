/* password.c - Argon2id hashes, random tokens and their hashes (libsodium). */
#include "access/password.h"

#include "core/msg.h"
#include <pthread.h>
#include <sodium.h>
#include <string.h>

/* At most two hashes at once (password.h): a counter under a lock. */
static pthread_mutex_t hash_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t hash_free = PTHREAD_COND_INITIALIZER;
static int hashing;
enum { MAX_HASHING = 2 };

static void hash_enter(void)
{
    pthread_mutex_lock(&hash_lock);
    while (hashing >= MAX_HASHING)
        pthread_cond_wait(&hash_free, &hash_lock);
    hashing++;
    pthread_mutex_unlock(&hash_lock);
}

static void hash_leave(void)
{
    pthread_mutex_lock(&hash_lock);
    hashing--;
    pthread_cond_signal(&hash_free);
    pthread_mutex_unlock(&hash_lock);
}

ps_error ps_password_init(ps_ctx *ctx)
{
    if (sodium_init() < 0)
        return ps_failm(ctx, PS_ERR_IO, PS_M_PTL_SODIUM);
    return PS_OK;
}

ps_error ps_password_acceptable(const char *password, ps_ctx *ctx)
{
    size_t n = strlen(password);
    if (n < PS_PASSWORD_MIN)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_PTL_PW_SHORT, n,
                        PS_PASSWORD_MIN);
    if (n > PS_PASSWORD_MAX)
        return ps_failm(ctx, PS_ERR_USAGE, PS_M_PTL_PW_LONG, PS_PASSWORD_MAX);
    return PS_OK;
}

ps_error ps_password_hash(const char *password, char out[PS_PWHASH_MAX], ps_ctx *ctx)
{
    _Static_assert(crypto_pwhash_STRBYTES <= PS_PWHASH_MAX, "hash buffer too small");
    hash_enter();
    int rc = crypto_pwhash_str_alg(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                   crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13);
    hash_leave();
    if (rc != 0)
        return ps_failm(ctx, PS_ERR_IO, PS_M_PTL_PW_MEMORY,
                        (size_t)crypto_pwhash_MEMLIMIT_INTERACTIVE >> 20);
    return PS_OK;
}

bool ps_password_verify(const char *password, const char *hash)
{
    if (strncmp(hash, crypto_pwhash_argon2id_STRPREFIX, strlen(crypto_pwhash_argon2id_STRPREFIX)) != 0)
        return false;
    hash_enter();
    int rc = crypto_pwhash_str_verify(hash, password, strlen(password));
    hash_leave();
    return rc == 0;
}

void ps_token_new(char out[PS_TOKEN_HEX])
{
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    sodium_bin2hex(out, PS_TOKEN_HEX, raw, sizeof raw);
    sodium_memzero(raw, sizeof raw);
}

bool ps_token_hash(const char *token, unsigned char out[PS_TOKEN_HASH_BYTES])
{
    size_t n = strlen(token);
    if (n != PS_TOKEN_HEX - 1 || strspn(token, "0123456789abcdef") != n)
        return false;
    crypto_generichash(out, PS_TOKEN_HASH_BYTES, (const unsigned char *)token, n, NULL, 0);
    return true;
}

bool ps_token_equal(const char *a, const char *b)
{
    size_t n = strlen(a);
    return n == strlen(b) && sodium_memcmp(a, b, n) == 0;
}
