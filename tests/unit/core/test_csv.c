/* test_csv.c - the streaming CSV reader: lines, delimiters, quotes, encodings. */
#include "check.h"

#include "core/csv.h"
#include "core/error_int.h"
#include "core/strbuf.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* Writes n bytes to a new temporary file; returns its owned path. */
static char *temp_file(const char *bytes, size_t n)
{
    char *path = strdup("/tmp/ps_test_csv_XXXXXX");
    int fd = mkstemp(path);
    if (fd < 0) {
        perror("mkstemp");
        exit(2);
    }
    FILE *f = fdopen(fd, "wb");
    if (fwrite(bytes, 1, n, f) != n) {
        perror("fwrite");
        exit(2);
    }
    fclose(f);
    return path;
}

typedef struct result {
    int rc;             /* the last ps_csv_next return */
    char delim;
    ps_error err;
    ps_strbuf text;     /* "LINE:f1|f2|...\n" per record */
    long records;
    ps_diags diags;
    ps_ctx ctx;
} result;

/* Reads every record of path into r->text. */
static void read_path(const char *path, const ps_csv_opts *opts, result *r)
{
    memset(r, 0, sizeof *r);
    ps_diags_init(&r->diags);
    ps_csv *c = NULL;
    r->err = ps_csv_open(&c, path, opts, &r->ctx);
    if (r->err != PS_OK) {
        r->rc = -2;
        return;
    }
    ps_csv_record *rec;
    while ((r->rc = ps_csv_next(c, &rec, &r->diags, &r->ctx)) == 1) {
        r->records++;
        ps_sb_printf(&r->text, "%ld:", rec->line);
        for (size_t i = 0; i < rec->nfields; i++)
            ps_sb_printf(&r->text, "%s%s", i ? "|" : "", rec->fields[i]);
        ps_sb_putc(&r->text, '\n');
    }
    r->delim = ps_csv_delimiter(c);
    r->err = ps_csv_error(c);
    CHECK(ps_csv_bytes_read(c) == ps_csv_file_size(c) || r->rc == -1);
    ps_csv_close(c);
}

static void read_bytes(const char *bytes, size_t n, const ps_csv_opts *opts, result *r)
{
    char *path = temp_file(bytes, n);
    read_path(path, opts, r);
    unlink(path);
    free(path);
}

static void read_str(const char *s, result *r)
{
    read_bytes(s, strlen(s), NULL, r);
}

static void result_free(result *r)
{
    ps_sb_free(&r->text);
    ps_diags_free(&r->diags);
}

TEST(simple_lf)
{
    result r;
    read_str("unit,indicator,period,value\n001,POP,2016-07,1234.5\n", &r);
    CHECK_INT(r.rc, 0);
    CHECK_STR(ps_sb_str(&r.text), "1:unit|indicator|period|value\n2:001|POP|2016-07|1234.5\n");
    CHECK_INT(r.diags.n, 0);
    CHECK_INT(r.err, PS_OK);
    CHECK(r.delim == ',');
    result_free(&r);
}

TEST(bom_and_crlf)
{
    result r;
    read_str("\xEF\xBB\xBFunit,value\r\n001,5\r\n002,6\r\n", &r);
    CHECK_STR(ps_sb_str(&r.text), "1:unit|value\n2:001|5\n3:002|6\n");
    CHECK_INT(r.diags.n, 0);
    result_free(&r);
}

TEST(bom_data_file)
{
    /* tests/data/csv/bom_crlf_semicolon.csv: BOM, CRLF, ';', Vietnamese names */
    result r;
    read_path("tests/data/csv/bom_crlf_semicolon.csv", NULL, &r);
    CHECK_INT(r.rc, 0);
    CHECK(r.delim == ';');
    CHECK_STR(ps_sb_str(&r.text),
              "1:ma_don_vi|ten|gia_tri\n"
              "2:193|Th\xC3\xA0nh ph\xE1\xBB\x91 H\xE1\xBA\xA1 Long|1.234,5\n"
              "4:195|C\xE1\xBA\xA9m Ph\xE1\xBA\xA3|9,2\n");
    CHECK_INT(r.diags.n, 0);
    result_free(&r);
}

TEST(lone_cr)
{
    result r;
    read_str("a,b\r1,2\r\r3,4", &r);
    CHECK_STR(ps_sb_str(&r.text), "1:a|b\n2:1|2\n4:3|4\n");
    result_free(&r);
}

TEST(semicolon_and_tab)
{
    result r;
    read_str("unit;value;note\n001;9,2;\"a;b\"\n", &r);
    CHECK(r.delim == ';');
    CHECK_STR(ps_sb_str(&r.text), "1:unit|value|note\n2:001|9,2|a;b\n");
    result_free(&r);

    read_str("unit\tvalue\tnote\n001\t1,5\t\n", &r);
    CHECK(r.delim == '\t');
    CHECK_STR(ps_sb_str(&r.text), "1:unit|value|note\n2:001|1,5|\n");
    result_free(&r);

    /* a tie goes to ',' */
    read_str("a;b,c\n1;2,3\n", &r);
    CHECK(r.delim == ',');
    CHECK_STR(ps_sb_str(&r.text), "1:a;b|c\n2:1;2|3\n");
    result_free(&r);

    /* delimiters inside quotes do not count */
    read_str("\"a,b,c\";d;e\n", &r);
    CHECK(r.delim == ';');
    CHECK_STR(ps_sb_str(&r.text), "1:a,b,c|d|e\n");
    result_free(&r);

    /* a delimiter given in the options is used as is */
    ps_csv_opts o = {.delimiter = ';'};
    const char *s = "a,b;c\n";
    read_bytes(s, strlen(s), &o, &r);
    CHECK(r.delim == ';');
    CHECK_STR(ps_sb_str(&r.text), "1:a,b|c\n");
    result_free(&r);
}

TEST(quoted_fields)
{
    result r;
    read_str("name,note\n"
             "\"Smith, J\",\"he said \"\"hi\"\"\"\n"
             "\"two\nlines\",\"three\r\nline\nfield\"\n"
             "last,x\n", &r);
    CHECK_INT(r.rc, 0);
    CHECK_STR(ps_sb_str(&r.text),
              "1:name|note\n"
              "2:Smith, J|he said \"hi\"\n"
              "3:two\nlines|three\r\nline\nfield\n"
              "7:last|x\n");
    CHECK_INT(r.diags.n, 0);
    result_free(&r);
}

TEST(blank_lines_and_spaces)
{
    result r;
    read_str("\n\na,b\n\n   \n1, 2 \r\n\r\n\" x \",\"\"\n\n", &r);
    CHECK_STR(ps_sb_str(&r.text), "3:a|b\n6:1|2\n8: x |\n");
    CHECK_INT(r.records, 3);
    result_free(&r);

    /* empty file and a file of blank lines: no record */
    read_str("", &r);
    CHECK_INT(r.rc, 0);
    CHECK_INT(r.records, 0);
    result_free(&r);
    read_str("\n\r\n  \n", &r);
    CHECK_INT(r.rc, 0);
    CHECK_INT(r.records, 0);
    result_free(&r);
}

TEST(last_line_without_newline)
{
    result r;
    read_str("a,b\n1,2", &r);
    CHECK_STR(ps_sb_str(&r.text), "1:a|b\n2:1|2\n");
    result_free(&r);
    read_str("a,b\n\"q\"", &r);
    CHECK_STR(ps_sb_str(&r.text), "1:a|b\n2:q\n");
    result_free(&r);
    /* trailing delimiter: a last empty field */
    read_str("a,b,", &r);
    CHECK_STR(ps_sb_str(&r.text), "1:a|b|\n");
    result_free(&r);
}

TEST(unterminated_quote)
{
    result r;
    read_str("a,b\n1,2\n3,\"never closed\n4,5\n6,7\n", &r);
    CHECK_INT(r.rc, -1);
    CHECK_INT(r.err, PS_ERR_REFUSED);
    CHECK_STR(ps_sb_str(&r.text), "1:a|b\n2:1|2\n");
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1) {
        ps_diag *d = &r.diags.v[0];
        CHECK_INT(d->code, PS_D_MALFORMED_CSV);
        CHECK_INT(d->severity, PS_SEV_ERROR);
        CHECK_INT(d->line, 3);
        CHECK_INT(d->column, 2);
        CHECK(strstr(d->message, "never closed") != NULL);
        CHECK(strstr(d->message, "on this line") != NULL);
    }
    result_free(&r);

    /* the open field starts on a later line than its record */
    read_str("a,b\n\"x\ny\",\"open\nmore\n", &r);
    CHECK_INT(r.rc, -1);
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1) {
        CHECK_INT(r.diags.v[0].line, 2);
        CHECK_INT(r.diags.v[0].column, 2);
        CHECK(strstr(r.diags.v[0].message, "starts on line 3") != NULL);
    }
    result_free(&r);
}

TEST(stray_quotes)
{
    result r;
    read_str("a,b\n1,ab\"c\n2,3\n", &r);
    CHECK_INT(r.rc, -1);
    CHECK_INT(r.err, PS_ERR_REFUSED);
    CHECK_STR(ps_sb_str(&r.text), "1:a|b\n");
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1) {
        CHECK_INT(r.diags.v[0].code, PS_D_MALFORMED_CSV);
        CHECK_INT(r.diags.v[0].line, 2);
        CHECK_INT(r.diags.v[0].column, 2);
        CHECK(strstr(r.diags.v[0].message, "does not start with") != NULL);
    }
    result_free(&r);

    read_str("a,b\n\n\"ab\"c,1\n", &r);
    CHECK_INT(r.rc, -1);
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1) {
        CHECK_INT(r.diags.v[0].line, 3);
        CHECK_INT(r.diags.v[0].column, 1);
        CHECK(strstr(r.diags.v[0].message, "closing quote") != NULL);
    }
    result_free(&r);
}

TEST(next_after_end_or_stop)
{
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    char *path = temp_file("a\n\"b\n", 5);
    ps_csv *c = NULL;
    CHECK_INT(ps_csv_open(&c, path, NULL, &ctx), PS_OK);
    ps_csv_record *rec;
    CHECK_INT(ps_csv_next(c, &rec, &d, &ctx), 1);
    CHECK_INT(ps_csv_next(c, &rec, &d, &ctx), -1);
    CHECK(rec == NULL);
    CHECK_INT(ps_csv_next(c, &rec, &d, &ctx), -1);
    CHECK_INT(d.n, 1);
    ps_csv_close(c);
    unlink(path);
    free(path);

    path = temp_file("a\n", 2);
    CHECK_INT(ps_csv_open(&c, path, NULL, &ctx), PS_OK);
    CHECK_INT(ps_csv_next(c, &rec, &d, &ctx), 1);
    CHECK_INT(ps_csv_next(c, &rec, &d, &ctx), 0);
    CHECK_INT(ps_csv_next(c, &rec, &d, &ctx), 0);
    CHECK_INT(ps_csv_error(c), PS_OK);
    ps_csv_close(c);
    unlink(path);
    free(path);
    ps_diags_free(&d);
}

TEST(invalid_utf8)
{
    result r;
    /* "Quảng Ninh" as CP1258 bytes read as UTF-8: Qu a 0xD2 ng Ninh */
    read_str("code,name,value\n22,Qua\xD2ng Ninh,1\n23,ok,2\n", &r);
    CHECK_INT(r.rc, 0);
    CHECK_STR(ps_sb_str(&r.text), "1:code|name|value\n2:22||1\n3:23|ok|2\n");
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1) {
        ps_diag *d = &r.diags.v[0];
        CHECK_INT(d->code, PS_D_BAD_ENCODING);
        CHECK_INT(d->severity, PS_SEV_ERROR);
        CHECK_INT(d->line, 2);
        CHECK_INT(d->column, 2);
        CHECK(strstr(d->message, "0xD2") != NULL);
        CHECK(strstr(d->message, "--encoding cp1258") != NULL);
    }
    result_free(&r);

    /* a bad field in a record that started two lines above */
    read_str("a,b\n\"x\ny\",\"z\xFF\"\n", &r);
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1) {
        CHECK_INT(r.diags.v[0].line, 2);
        CHECK_INT(r.diags.v[0].column, 2);
    }
    CHECK_STR(ps_sb_str(&r.text), "1:a|b\n2:x\ny|\n");
    result_free(&r);
}

TEST(nul_and_utf16)
{
    result r;
    read_bytes("a,b\n1,x\0y\n", 10, NULL, &r);
    CHECK_INT(r.rc, 0);
    CHECK_STR(ps_sb_str(&r.text), "1:a|b\n2:1|\n");
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1)
        CHECK_INT(r.diags.v[0].code, PS_D_BAD_ENCODING);
    result_free(&r);

    read_bytes("\xFF\xFE" "a\0,\0b\0", 8, NULL, &r);
    CHECK_INT(r.rc, -1);
    CHECK_INT(r.err, PS_ERR_REFUSED);
    CHECK_INT(r.records, 0);
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1) {
        CHECK_INT(r.diags.v[0].line, 1);
        CHECK(strstr(r.diags.v[0].message, "UTF-16") != NULL);
    }
    result_free(&r);
}

/* Reads every record of an open reader; the count of records. */
static long drain(ps_csv *c, ps_diags *d, ps_ctx *ctx, int *last_rc)
{
    ps_csv_record *rec;
    long n = 0;
    while ((*last_rc = ps_csv_next(c, &rec, d, ctx)) == 1)
        n++;
    return n;
}

TEST(nul_ends_the_reading)
{
    /* the record with the NUL is the last: the lines after it are not read */
    result r;
    read_bytes("a,b\n1,x\0y\n2,3\n4,5\n", 18, NULL, &r);
    CHECK_INT(r.rc, 0);
    CHECK_STR(ps_sb_str(&r.text), "1:a|b\n2:1|\n");
    CHECK_INT(r.err, PS_ERR_REFUSED);
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1) {
        CHECK_INT(r.diags.v[0].line, 2);
        CHECK_INT(r.diags.v[0].column, 2);
        CHECK(strstr(r.diags.v[0].message, "not read past this line") != NULL);
    }
    result_free(&r);
    /* inside a quoted field that goes on: reading stops at once */
    read_bytes("a,b\n1,\"x\0\ny\"\n", 13, NULL, &r);
    CHECK_INT(r.rc, -1);
    CHECK_INT(r.err, PS_ERR_REFUSED);
    CHECK_STR(ps_sb_str(&r.text), "1:a|b\n");
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1) {
        CHECK_INT(r.diags.v[0].code, PS_D_BAD_ENCODING);
        CHECK_INT(r.diags.v[0].line, 2);
        CHECK(strstr(r.diags.v[0].message, "NUL byte") != NULL);
    }
    result_free(&r);
}

TEST(endless_zeros_stop_at_the_first_block)
{
    /* /dev/zero has no line end: the record ends at the first NUL */
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    ps_csv *c = NULL;
    CHECK_INT(ps_csv_open(&c, "/dev/zero", NULL, &ctx), PS_OK);
    int rc;
    CHECK_INT(drain(c, &d, &ctx, &rc), 1);
    CHECK_INT(rc, 0);
    CHECK_INT(ps_csv_error(c), PS_ERR_REFUSED);
    CHECK(ps_csv_bytes_read(c) <= 64 * 1024);
    CHECK_INT(d.n, 1);
    if (d.n == 1) {
        CHECK_INT(d.v[0].code, PS_D_BAD_ENCODING);
        CHECK_INT(d.v[0].line, 1);
    }
    ps_csv_close(c);
    ps_diags_free(&d);
}

TEST(endless_line_stops_at_its_bound)
{
    /* an endless line without NULs (a pipe of `yes | tr -d '\n'`) stops at
     * the record bound, having read little more than it */
    int fds[2];
    CHECK(pipe(fds) == 0);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        char buf[4096];
        memset(buf, 'y', sizeof buf);
        while (write(fds[1], buf, sizeof buf) > 0)
            ;
        _exit(0);
    }
    close(fds[1]);
    char path[32];
    snprintf(path, sizeof path, "/dev/fd/%d", fds[0]);
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    ps_csv *c = NULL;
    CHECK_INT(ps_csv_open(&c, path, NULL, &ctx), PS_OK);
    close(fds[0]);
    int rc;
    CHECK_INT(drain(c, &d, &ctx, &rc), 0);
    CHECK_INT(rc, -1);
    CHECK_INT(ps_csv_error(c), PS_ERR_REFUSED);
    CHECK(ps_csv_bytes_read(c) <= 9 * 1024 * 1024);
    CHECK_INT(d.n, 1);
    if (d.n == 1)
        CHECK(strstr(d.v[0].message, "longer than 8 MiB") != NULL);
    ps_csv_close(c); /* the writer then fails with EPIPE and ends */
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    ps_diags_free(&d);
}

TEST(nfd_comes_out_nfc)
{
    result r;
    /* "Hạ Long" decomposed (a + U+0323) and "Cẩm Phả" with U+0302 U+0309 */
    read_str("name\nHa\xCC\xA3 Long\n\"Ca\xCC\x82\xCC\x89m Pha\xCC\x89\"\n", &r);
    CHECK_STR(ps_sb_str(&r.text),
              "1:name\n2:H\xE1\xBA\xA1 Long\n3:C\xE1\xBA\xA9m Ph\xE1\xBA\xA3\n");
    CHECK_INT(r.diags.n, 0);
    result_free(&r);
}

TEST(cp1258_file)
{
    /* tests/data/csv/cp1258.csv: "ma;ten\r\n22;Quảng Ninh\r\n193;Hạ Long\r\n2;Hà"
     * saved by a legacy Vietnamese Excel; the file ends in a tone mark. */
    ps_csv_opts o = {.encoding = PS_ENC_CP1258};
    result r;
    read_path("tests/data/csv/cp1258.csv", &o, &r);
    CHECK_INT(r.rc, 0);
    CHECK_INT(r.diags.n, 0);
    CHECK(r.delim == ';');
    CHECK_STR(ps_sb_str(&r.text),
              "1:ma|ten\n"
              "2:22|Qu\xE1\xBA\xA3ng Ninh\n"
              "3:193|H\xE1\xBA\xA1 Long\n"
              "4:2|H\xC3\xA0\n");
    result_free(&r);

    /* the same file read as UTF-8 is refused field by field with the hint */
    read_path("tests/data/csv/cp1258.csv", NULL, &r);
    CHECK_INT(r.diags.n, 3);
    if (r.diags.n == 3) {
        CHECK_INT(r.diags.v[0].line, 2);
        CHECK_INT(r.diags.v[0].column, 2);
        CHECK_INT(r.diags.v[2].line, 4);
    }
    result_free(&r);
}

TEST(cp1258_invalid_byte)
{
    ps_csv_opts o = {.encoding = PS_ENC_CP1258, .label = "sub.csv"};
    result r;
    read_bytes("a,b\n1,\x81\n", 8, &o, &r);
    CHECK_INT(r.rc, -1);
    CHECK_INT(r.err, PS_ERR_IO);
    CHECK(strstr(r.ctx.msg, "sub.csv") != NULL);
    CHECK(strstr(r.ctx.msg, "0x81") != NULL);
    CHECK(strstr(r.ctx.msg, "offset 6") != NULL);
    result_free(&r);
}

TEST(open_errors)
{
    ps_ctx ctx = {0};
    ps_csv *c = (ps_csv *)&ctx;
    CHECK_INT(ps_csv_open(&c, "/nonexistent/dir/x.csv", NULL, &ctx), PS_ERR_IO);
    CHECK(c == NULL);
    CHECK(strstr(ctx.msg, "cannot open /nonexistent/dir/x.csv") != NULL);
    ps_ctx_clear(&ctx);
    CHECK_INT(ps_csv_open(&c, "/tmp", NULL, &ctx), PS_ERR_IO);
    CHECK(strstr(ctx.msg, "cannot open /tmp") != NULL);
    ps_ctx_clear(&ctx);
    ps_csv_opts o = {.delimiter = '|'};
    CHECK_INT(ps_csv_open(&c, "tests/data/csv/cp1258.csv", &o, &ctx), PS_ERR_USAGE);
    ps_csv_close(NULL);
}

TEST(standard_input)
{
    char *path = temp_file("a;b\n1;2\n", 8);
    CHECK(freopen(path, "rb", stdin) != NULL);
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    ps_csv *c = NULL;
    CHECK_INT(ps_csv_open(&c, "-", NULL, &ctx), PS_OK);
    ps_csv_record *rec;
    CHECK_INT(ps_csv_next(c, &rec, &d, &ctx), 1);
    CHECK_INT(ps_csv_next(c, &rec, &d, &ctx), 1);
    CHECK_INT(rec->line, 2);
    CHECK_STR(rec->fields[1], "2");
    CHECK_INT(ps_csv_next(c, &rec, &d, &ctx), 0);
    CHECK(ps_csv_delimiter(c) == ';');
    ps_csv_close(c);
    /* standard input is not closed */
    CHECK(fileno(stdin) >= 0 && !ferror(stdin));
    ps_diags_free(&d);
    unlink(path);
    free(path);
}

TEST(label_in_diagnostics)
{
    ps_csv_opts o = {.label = "submissions/july.csv"};
    result r;
    const char *s = "a\n\xE1\n";
    read_bytes(s, strlen(s), &o, &r);
    CHECK_INT(r.diags.n, 1);
    if (r.diags.n == 1)
        CHECK_STR(r.diags.v[0].path, "submissions/july.csv");
    result_free(&r);
}

TEST(block_edges)
{
    /* Lines, CRLFs, quoted fields and multi-byte characters cross the 64 KiB
     * block edge at every offset near it. */
    for (int shift = 0; shift < 8; shift++) {
        ps_strbuf in = PS_STRBUF_INIT, want = PS_STRBUF_INIT;
        ps_sb_puts(&in, "h1,h2\r\n");
        ps_sb_puts(&want, "1:h1|h2\n");
        long line = 2;
        while (in.len < 65536 - 40 + (size_t)shift)
            ps_sb_putc(&in, '\n'), line++;
        /* a CRLF record, a quoted field with a CRLF inside, a Vietnamese name */
        for (int i = 0; i < 6; i++) {
            ps_sb_printf(&in, "r%d,\"x\r\ny\"\r\n", i);
            ps_sb_printf(&want, "%ld:r%d|x\r\ny\n", line, i);
            line += 2;
            ps_sb_printf(&in, "H\xE1\xBA\xA1 Long,%d\r\n", i);
            ps_sb_printf(&want, "%ld:H\xE1\xBA\xA1 Long|%d\n", line, i);
            line++;
        }
        result r;
        read_bytes(in.buf, in.len, NULL, &r);
        CHECK_INT(r.rc, 0);
        CHECK_INT(r.diags.n, 0);
        CHECK_STR(ps_sb_str(&r.text), ps_sb_str(&want));
        result_free(&r);
        ps_sb_free(&in);
        ps_sb_free(&want);
    }
}

TEST(lone_cr_at_block_edge)
{
    /* a file with lone-CR line ends whose CR falls on the block's last byte */
    ps_strbuf in = PS_STRBUF_INIT;
    ps_sb_puts(&in, "a\r");
    while (in.len < 65535)
        ps_sb_putc(&in, '\r');
    ps_sb_puts(&in, "\rb\r");   /* byte 65535 is a CR, 65536 another CR */
    result r;
    read_bytes(in.buf, in.len, NULL, &r);
    /* every byte between "a" and "b" is a line end: "b" is on line len - 2 */
    CHECK_INT(r.records, 2);
    char expect[64];
    snprintf(expect, sizeof expect, "1:a\n%zu:b\n", in.len - 2);
    CHECK_STR(ps_sb_str(&r.text), expect);
    result_free(&r);
    ps_sb_free(&in);
}

TEST(cp1258_across_blocks)
{
    /* a CP1258 file bigger than a block, its tone marks spread over the edge */
    ps_strbuf in = PS_STRBUF_INIT;
    ps_sb_puts(&in, "ma,ten\n");
    long rows = 0;
    while (in.len < 3 * 65536) {
        ps_sb_printf(&in, "%ld,Ha\xF2 Long\n", rows);
        rows++;
    }
    ps_sb_puts(&in, "x,Ha\xCC");
    ps_csv_opts o = {.encoding = PS_ENC_CP1258};
    char *path = temp_file(in.buf, in.len);
    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    ps_csv *c = NULL;
    CHECK_INT(ps_csv_open(&c, path, &o, &ctx), PS_OK);
    ps_csv_record *rec;
    long n = 0, good = 0;
    const char *last = NULL;
    long last_line = 0;
    while (ps_csv_next(c, &rec, &d, &ctx) == 1) {
        n++;
        if (rec->nfields == 2 && strcmp(rec->fields[1], "H\xE1\xBA\xA1 Long") == 0)
            good++;
        last_line = rec->line;
        if (rec->nfields == 2 && strcmp(rec->fields[0], "x") == 0)
            last = strcmp(rec->fields[1], "H\xC3\xA0") == 0 ? "ok" : "bad";
    }
    CHECK_INT(n, rows + 2);
    CHECK_INT(good, rows);
    CHECK_STR(last, "ok");
    CHECK_INT(last_line, rows + 2);
    CHECK_INT(d.n, 0);
    CHECK_INT(ps_csv_bytes_read(c), (long long)in.len);
    ps_csv_close(c);
    ps_diags_free(&d);
    unlink(path);
    free(path);
    ps_sb_free(&in);
}

TEST(large_file)
{
    const long rows = 200000;
    char *path = strdup("/tmp/ps_test_csv_big_XXXXXX");
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fputs("unit,indicator,period,value,note\r\n", f);
    for (long i = 0; i < rows; i++) {
        if (i % 1000 == 999)
            fprintf(f, "%03ld,DOCS,2016-07,%ld.5,\"Ghi ch\xC3\xBA, d\xC3\xB2ng\n%ld\"\r\n",
                    i % 1000, i, i);
        else
            fprintf(f, "%03ld,POP,2016-07,%ld,\r\n", i % 1000, i);
    }
    fclose(f);
    /* the file has 1 + rows + rows / 1000 physical lines; its last row
     * (i = rows - 1) is a two-line row, so it starts one line before the end */
    long expected_last_line = 1 + rows + rows / 1000 - 1;

    ps_ctx ctx = {0};
    ps_diags d;
    ps_diags_init(&d);
    ps_csv *c = NULL;
    CHECK_INT(ps_csv_open(&c, path, NULL, &ctx), PS_OK);
    CHECK(ps_csv_file_size(c) > 0);
    ps_csv_record *rec;
    long n = 0, bad = 0, last_line = 0;
    int rc;
    while ((rc = ps_csv_next(c, &rec, &d, &ctx)) == 1) {
        if (n > 0) {
            long i = n - 1;
            char want[32];
            snprintf(want, sizeof want, "%ld", i);
            if (rec->nfields != 5 || strncmp(rec->fields[3], want, strlen(want)) != 0)
                bad++;
        }
        n++;
        last_line = rec->line;
    }
    CHECK_INT(rc, 0);
    CHECK_INT(n, rows + 1);
    CHECK_INT(bad, 0);
    CHECK_INT(last_line, expected_last_line);
    CHECK_INT(d.n, 0);
    CHECK_INT(ps_csv_bytes_read(c), ps_csv_file_size(c));
    ps_csv_close(c);
    ps_diags_free(&d);
    unlink(path);
    free(path);
}

int main(void)
{
    RUN(simple_lf);
    RUN(bom_and_crlf);
    RUN(bom_data_file);
    RUN(lone_cr);
    RUN(semicolon_and_tab);
    RUN(quoted_fields);
    RUN(blank_lines_and_spaces);
    RUN(last_line_without_newline);
    RUN(unterminated_quote);
    RUN(stray_quotes);
    RUN(next_after_end_or_stop);
    RUN(invalid_utf8);
    RUN(nul_and_utf16);
    RUN(nul_ends_the_reading);
    RUN(endless_zeros_stop_at_the_first_block);
    RUN(endless_line_stops_at_its_bound);
    RUN(nfd_comes_out_nfc);
    RUN(cp1258_file);
    RUN(cp1258_invalid_byte);
    RUN(open_errors);
    RUN(standard_input);
    RUN(label_in_diagnostics);
    RUN(block_edges);
    RUN(lone_cr_at_block_edge);
    RUN(cp1258_across_blocks);
    RUN(large_file);
    return check_done();
}
