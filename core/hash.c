/* hash.c - SHA-256 of a file's raw bytes. */
#include "core/hash.h"

#include "core/alloc.h"

#include <errno.h>
#include <stdbool.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ps_error ps_sha256_file(const char *path, char hex[PS_SHA256_HEX], ps_ctx *ctx)
{
    bool std_in = strcmp(path, "-") == 0;
    FILE *f = std_in ? stdin : fopen(path, "rb");
    if (!f)
        return ps_failm(ctx, PS_ERR_IO, PS_M_CSV_CANNOT_OPEN, path, strerror(errno));
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    if (!md || EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1) {
        if (!std_in)
            fclose(f);
        EVP_MD_CTX_free(md);
        return ps_failm(ctx, PS_ERR_INTERNAL, PS_M_HASH_SHA_NOT_AVAILABLE_FROM);
    }
    enum { BUF = 1 << 16 };
    unsigned char *buf = ps_xmalloc(BUF);
    size_t n;
    while ((n = fread(buf, 1, BUF, f)) > 0)
        EVP_DigestUpdate(md, buf, n);
    int failed = ferror(f);
    int e = errno;
    free(buf);
    if (!std_in)
        fclose(f);
    unsigned char digest[32];
    unsigned int len = 0;
    EVP_DigestFinal_ex(md, digest, &len);
    EVP_MD_CTX_free(md);
    if (failed)
        return ps_failm(ctx, PS_ERR_IO, PS_M_CSV_CANNOT_READ, path, strerror(e));
    for (unsigned i = 0; i < 32; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    return PS_OK;
}
