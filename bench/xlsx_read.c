/* xlsx_read.c - reads a submission with core/csv or core/xlsx and prints
 * what it read, for bench/xlsx.sh (the reader alone, no ingest).
 *
 *   xlsx_read csv FILE    ps_csv_open on the path, streamed as ingest does
 *   xlsx_read xlsx FILE   the whole file read into memory, then ps_xlsx
 *   xlsx_read floor FILE  the floor under ps_xlsx: the file read into
 *                         memory, xl/worksheets/sheet1.xml inflated by
 *                         libzip and parsed by expat with no handlers
 *
 * Prints "rows R fields F bytes B hash H": rows read, fields, their bytes
 * and an FNV-1a hash of every field, so that the two readers can be shown
 * to read the same values. Built by bench/xlsx.sh against the build's
 * libprovstat_core.a.
 */
#include "core/csv.h"
#include "core/xlsx.h"

#include <expat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

typedef struct tally {
    long rows, fields;
    unsigned long long bytes;
    uint64_t hash;
} tally;

static void count(tally *t, const ps_csv_record *rec)
{
    t->rows++;
    for (size_t i = 0; i < rec->nfields; i++) {
        const unsigned char *s = (const unsigned char *)rec->fields[i];
        t->fields++;
        for (; *s; s++, t->bytes++)
            t->hash = (t->hash ^ *s) * 1099511628211ull;
        t->hash = (t->hash ^ 0x1f) * 1099511628211ull;   /* field separator */
    }
}

static int read_csv(const char *path, tally *t, ps_ctx *ctx)
{
    ps_csv *r;
    ps_csv_record *rec;
    ps_diags d;
    ps_diags_init(&d);
    if (ps_csv_open(&r, path, NULL, ctx))
        return -1;
    int rc;
    while ((rc = ps_csv_next(r, &rec, &d, ctx)) > 0)
        count(t, rec);
    ps_csv_close(r);
    ps_diags_free(&d);
    return rc;
}

/* The whole file, malloc'd; NULL when it cannot be read. */
static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc(n > 0 ? (size_t)n : 1);
    if (!data || fread(data, 1, (size_t)n, f) != (size_t)n) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *size = (size_t)n;
    return data;
}

static int read_floor(const char *path)
{
    size_t n;
    char *data = slurp(path, &n);
    zip_source_t *src = data ? zip_source_buffer_create(data, n, 0, NULL) : NULL;
    zip_t *za = src ? zip_open_from_source(src, ZIP_RDONLY, NULL) : NULL;
    zip_file_t *f = za ? zip_fopen(za, "xl/worksheets/sheet1.xml", 0) : NULL;
    int rc = f ? 0 : -1;
    XML_Parser p = XML_ParserCreate(NULL);
    for (zip_int64_t got = 1; f && got > 0;) {
        void *buf = XML_GetBuffer(p, 65536);
        got = zip_fread(f, buf, 65536);
        if (got < 0 || XML_ParseBuffer(p, (int)got, got == 0) != XML_STATUS_OK)
            rc = -1;
    }
    XML_ParserFree(p);
    if (f)
        zip_fclose(f);
    zip_discard(za);
    free(data);
    return rc;
}

static int read_xlsx(const char *path, tally *t, ps_ctx *ctx)
{
    size_t n;
    char *data = slurp(path, &n);
    if (!data)
        return -1;
    ps_xlsx *x;
    ps_xlsx_row *row;
    int rc = -1;
    if (ps_xlsx_open(&x, data, n, NULL, ctx) == PS_OK) {
        while ((rc = ps_xlsx_next(x, &row, ctx)) > 0) {
            if (t->rows == 0)
                ps_xlsx_set_width(x, row->rec.nfields);
            count(t, &row->rec);
        }
        ps_xlsx_close(x);
    }
    free(data);
    return rc;
}

int main(int argc, char **argv)
{
    tally t = {0, 0, 0, 1469598103934665603ull};
    ps_ctx ctx = {0};
    if (argc != 3 || (strcmp(argv[1], "csv") != 0 && strcmp(argv[1], "xlsx") != 0 &&
                      strcmp(argv[1], "floor") != 0)) {
        fprintf(stderr, "usage: xlsx_read csv|xlsx|floor FILE\n");
        return 2;
    }
    int rc = strcmp(argv[1], "csv") == 0    ? read_csv(argv[2], &t, &ctx)
           : strcmp(argv[1], "floor") == 0 ? read_floor(argv[2])
                                            : read_xlsx(argv[2], &t, &ctx);
    if (rc < 0) {
        fprintf(stderr, "xlsx_read: %s\n", ps_ctx_message(&ctx));
        return 1;
    }
    printf("rows %ld fields %ld bytes %llu hash %016llx\n", t.rows, t.fields, t.bytes,
           (unsigned long long)t.hash);
    return 0;
}
