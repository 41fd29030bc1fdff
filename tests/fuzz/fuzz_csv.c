/* fuzz_csv.c - the CSV reader (core/csv.h) on any bytes.
 *
 * The first byte picks the options (encoding, delimiter), the rest is the
 * file. Properties: reading ends (0 or -1, and keeps returning it), every
 * record has fields, each valid NUL-terminated UTF-8, lines never go back,
 * and a stop at -1 comes with an error or a diagnostic.
 */
#include "core/csv.h"
#include "util.h"

#include <string.h>
#include <unistr.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const char delims[] = {0, ',', ';', '\t'};
    ps_csv_opts o = {0};
    o.encoding = (data[0] & 1) ? PS_ENC_CP1258 : PS_ENC_UTF8;
    o.delimiter = delims[(data[0] >> 1) & 3];
    o.label = "fuzz.csv";
    const char *path = fuzz_write("in.csv", data + 1, size - 1);
    ps_ctx ctx = {0};
    ps_csv *r = NULL;
    FUZZ_ASSERT(ps_csv_open(&r, path, &o, &ctx) == PS_OK, "%s", ctx.msg);
    ps_diags d;
    ps_diags_init(&d);
    ps_csv_record *rec;
    long last_line = 0;
    int rc;
    while ((rc = ps_csv_next(r, &rec, &d, &ctx)) == 1) {
        FUZZ_ASSERT(rec->nfields > 0, "record at line %ld", rec->line);
        FUZZ_ASSERT(rec->line > last_line, "line %ld after %ld", rec->line, last_line);
        last_line = rec->line;
        for (size_t i = 0; i < rec->nfields; i++) {
            size_t n = strlen(rec->fields[i]);
            FUZZ_ASSERT(u8_check((const uint8_t *)rec->fields[i], n) == NULL,
                        "field %zu of line %ld is not UTF-8", i + 1, rec->line);
        }
    }
    FUZZ_ASSERT(rc == 0 || rc == -1, "ps_csv_next returned %d", rc);
    FUZZ_ASSERT(ps_csv_next(r, &rec, &d, &ctx) == rc, "a finished reader changed its mind");
    if (rc == -1)
        FUZZ_ASSERT(ps_csv_error(r) != PS_OK, "stopped without an error");
    FUZZ_ASSERT(ps_csv_delimiter(r) == ',' || ps_csv_delimiter(r) == ';' || ps_csv_delimiter(r) == '\t',
                "delimiter %d", ps_csv_delimiter(r));
    ps_csv_close(r);
    ps_diags_free(&d);
    return 0;
}
