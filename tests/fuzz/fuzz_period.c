/* fuzz_period.c - reading periods (core/period.h).
 *
 * The input is the text; its first four bytes are also read as a database
 * key. Properties: a period read is valid, its canonical and SDMX texts read
 * back to it, its key round-trips, prev and next undo each other, its parts
 * of its own type are itself; a refused text has a message and type NONE; a
 * key either gives PS_P_NONE or a period whose key is the same.
 */
#include "core/period.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_period(ps_period p, const char *text)
{
    char buf[PS_PERIOD_BUFSZ], msg[256];
    ps_period q;
    FUZZ_ASSERT(ps_period_valid(p), "'%s' read as an invalid period", text);
    ps_period_format(p, buf);
    FUZZ_ASSERT(ps_period_parse(buf, &q, msg, sizeof msg) && ps_period_eq(p, q), "%s from '%s': %s", buf,
                text, msg);
    ps_period_format_sdmx(p, buf);
    FUZZ_ASSERT(ps_period_parse(buf, &q, msg, sizeof msg) && ps_period_eq(p, q), "sdmx %s from '%s': %s",
                buf, text, msg);
    FUZZ_ASSERT(ps_period_eq(ps_period_from_key(ps_period_key(p)), p), "key %d", ps_period_key(p));
    ps_period pr = ps_period_prev(p), nx = ps_period_next(p);
    if (ps_period_valid(pr))
        FUZZ_ASSERT(ps_period_eq(ps_period_next(pr), p) && ps_period_cmp(pr, p) < 0, "prev of '%s'", text);
    if (ps_period_valid(nx))
        FUZZ_ASSERT(ps_period_eq(ps_period_prev(nx), p) && ps_period_cmp(p, nx) < 0, "next of '%s'", text);
    int n = ps_period_month_count(p);
    FUZZ_ASSERT(n >= 1 && n <= 12, "%d months", n);
    FUZZ_ASSERT(ps_period_parts(p, PS_P_MONTH, NULL, 0) == n, "months of '%s'", text);
    ps_period self;
    if (p.type != PS_P_YTD)
        FUZZ_ASSERT(ps_period_parts(p, (ps_period_type)p.type, &self, 1) == 1 && ps_period_eq(self, p),
                    "'%s' is not its own part", text);
    FUZZ_ASSERT(ps_period_contains(ps_period_make(PS_P_YEAR, p.year, 0), p), "year of '%s'", text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_str(data, size);
    char msg[256];
    ps_period p;
    if (ps_period_parse(text, &p, msg, sizeof msg)) {
        FUZZ_ASSERT(msg[0] == '\0', "message '%s' on success", msg);
        check_period(p, text);
    } else {
        FUZZ_ASSERT(p.type == PS_P_NONE && msg[0] != '\0', "refused '%s' without a reason", text);
    }
    if (size >= 4) {
        int key;
        memcpy(&key, data, sizeof key);
        ps_period k = ps_period_from_key(key);
        if (k.type != PS_P_NONE) {
            FUZZ_ASSERT(ps_period_key(k) == key, "key %d", key);
            check_period(k, "(key)");
        }
    }
    free(text);
    return 0;
}
