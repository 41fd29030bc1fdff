/* fuzz_catalog.c - the catalog loader (ps_catalog_read_dir, core/catalog.h).
 *
 * The input is split at lines "%%%" into units.csv, reporters.csv,
 * indicators.csv and rules.csv (absent when there are fewer than four
 * parts), written to a folder that is read as a catalog. Properties: the
 * load either gives a catalog and no error, or is refused with at least one
 * error diagnostic and no catalog, or fails to read with a message.
 */
#include "core/catalog.h"
#include "util.h"

#include <stdio.h>
#include <sys/stat.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const files[4] = {"units.csv", "reporters.csv", "indicators.csv", "rules.csv"};

/* The start of the next "%%%" line after p (or end). */
static const uint8_t *find_mark(const uint8_t *p, const uint8_t *end)
{
    for (const uint8_t *q = p; q + 4 <= end; q++)
        if (memcmp(q, "%%%\n", 4) == 0 && (q == p || q[-1] == '\n'))
            return q;
    return end;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char dir[128];
    snprintf(dir, sizeof dir, "%s/cat", fuzz_dir());
    const uint8_t *p = data, *end = data + size;
    int parts = 0;
    for (; parts < 4 && (parts < 3 || p < end); parts++) {
        const uint8_t *m = parts < 3 ? find_mark(p, end) : end;
        char name[64];
        snprintf(name, sizeof name, "cat/%s", files[parts]);
        if (parts == 0 && access(dir, F_OK) != 0)
            mkdir(dir, 0700);
        fuzz_write(name, p, (size_t)(m - p));
        p = m < end ? m + 4 : end;
    }
    if (parts < 4) {
        char rules[160];
        snprintf(rules, sizeof rules, "%s/rules.csv", dir);
        unlink(rules);
    }
    ps_diags d;
    ps_diags_init(&d);
    ps_ctx ctx = {0};
    ps_catalog *cat = NULL;
    ps_error err = ps_catalog_read_dir(&cat, dir, &d, &ctx);
    if (err == PS_OK)
        FUZZ_ASSERT(cat != NULL && d.nerr == 0, "accepted with %zu errors", d.nerr);
    else if (err == PS_ERR_REFUSED)
        FUZZ_ASSERT(cat == NULL && d.nerr > 0, "refused without an error diagnostic");
    else
        FUZZ_ASSERT(cat == NULL && ctx.msg[0], "failed (%d) without a message", (int)err);
    for (size_t i = 0; i < d.n; i++)
        FUZZ_ASSERT(d.v[i].message && d.v[i].message[0], "an empty diagnostic");
    ps_catalog_free(cat);
    ps_diags_free(&d);
    return 0;
}
