/* hash.c - SHA-256 of raw bytes (hash.h). */
#include "core/hash.h"

#include "core/alloc.h"

#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>

struct ps_sha256 {
    EVP_MD_CTX *md;
};

ps_sha256 *ps_sha256_new(ps_ctx *ctx)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    if (!md || EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1) {
        EVP_MD_CTX_free(md);
        ps_failm(ctx, PS_ERR_INTERNAL, PS_M_HASH_SHA_NOT_AVAILABLE_FROM);
        return NULL;
    }
    ps_sha256 *h = ps_xmalloc(sizeof *h);
    h->md = md;
    return h;
}

void ps_sha256_update(ps_sha256 *h, const void *data, size_t n)
{
    if (n)
        EVP_DigestUpdate(h->md, data, n);
}

void ps_sha256_hex(const ps_sha256 *h, char hex[PS_SHA256_HEX])
{
    /* finish a copy, so that the running hash can go on */
    EVP_MD_CTX *copy = EVP_MD_CTX_new();
    unsigned char digest[32] = {0};
    unsigned int len = 0;
    if (copy && EVP_MD_CTX_copy_ex(copy, h->md) == 1)
        EVP_DigestFinal_ex(copy, digest, &len);
    EVP_MD_CTX_free(copy);
    for (unsigned i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
}

void ps_sha256_free(ps_sha256 *h)
{
    if (!h)
        return;
    EVP_MD_CTX_free(h->md);
    free(h);
}
