/* fuzz_number.c - reading numbers in every format (core/number.h).
 *
 * The first byte picks the allowed decimals and the message buffer's size,
 * the rest is the cell. Properties, for plain, vi and en, with and without
 * '%': a value is finite; -0 reads as 0; the message is NUL-terminated and
 * empty exactly on success; a value printed by ps_number_format reads back
 * to the same double through ps_number_strtod and ps_number_parse; the
 * fixed-point text is as long as ps_number_fixed_len says.
 */
#include "core/number.h"
#include "util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_value(double v, int decimals)
{
    FUZZ_ASSERT(isfinite(v), "value %g", v);
    char buf[PS_NUMBER_BUFSZ], msg[256];
    ps_number_format(v, buf);
    double back = 0;
    FUZZ_ASSERT(ps_number_strtod(buf, &back) && back == v, "%s does not read back", buf);
    FUZZ_ASSERT(ps_number_parse(buf, PS_NF_PLAIN, false, -1, &back, msg, sizeof msg) == PS_NUM_VALUE &&
                    back == v, "%s: %s", buf, msg);
    for (ps_numfmt f = PS_NF_PLAIN; f <= PS_NF_EN; f++) {
        char fx[PS_NUMBER_BUFSZ];
        ps_number_format_fixed(v, decimals, f, fx);
        FUZZ_ASSERT(strlen(fx) == ps_number_fixed_len(v, decimals, f), "%s (%d decimals, %s)", fx,
                    decimals, ps_numfmt_name(f));
    }
    double r = ps_number_round(v, decimals);
    FUZZ_ASSERT(isfinite(r) && !(r == 0 && signbit(r)), "round(%s, %d)", buf, decimals);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int decimals = (int)(data[0] % 8) - 1; /* -1 .. 6 */
    size_t msgsz = (data[0] & 0x80) ? 8 : 256;
    char *text = fuzz_str(data + 1, size - 1);
    for (ps_numfmt f = PS_NF_PLAIN; f <= PS_NF_EN; f++) {
        for (int pct = 0; pct < 2; pct++) {
            char msg[256];
            memset(msg, 'x', sizeof msg);
            double v = 12345.678;
            ps_num_kind k = ps_number_parse(text, f, pct, decimals, &v, msg, msgsz);
            FUZZ_ASSERT(memchr(msg, '\0', msgsz) != NULL, "message not terminated");
            bool failed = k == PS_NUM_BAD || k == PS_NUM_AMBIGUOUS;
            FUZZ_ASSERT(failed == (msg[0] != '\0'), "kind %d with message '%s'", (int)k, msg);
            if (k == PS_NUM_VALUE || k == PS_NUM_NONE_OCCURRED) {
                FUZZ_ASSERT(!(v == 0 && signbit(v)), "-0 from '%s'", text);
                check_value(v, decimals < 0 ? 2 : decimals);
            } else {
                FUZZ_ASSERT(v == 12345.678, "value set for kind %d", (int)k);
            }
        }
    }
    double v;
    if (ps_number_strtod(text, &v))
        check_value(v, 3);
    free(text);
    return 0;
}
