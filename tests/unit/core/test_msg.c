/* test_msg.c - the message tables: every text in both languages, taking the
 * same arguments; the language of the thread; the choice from the locale. */
#include "check.h"

#include "core/diag.h"
#include "core/error.h"
#include "core/msg.h"
#include "core/msg_int.h"
#include "core/strbuf.h"
#include "core/text.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

enum { MAX_ARGS = 16 };

/* The arguments a format takes: sig[i] the type of argument i+1 ("int",
 * "long", "double", "char*"…), n their number. ok false, with why, when
 * the format is one printf cannot be trusted with: an unknown conversion,
 * positional and plain conversions mixed, a gap, one position given two
 * types. */
typedef struct fmt_args {
    const char *sig[MAX_ARGS];
    int n;
    bool ok;
    const char *why;
} fmt_args;

static void put_arg(fmt_args *a, int pos, const char *type)
{
    if (pos < 1 || pos > MAX_ARGS) {
        a->ok = false, a->why = "argument position out of range";
        return;
    }
    if (a->sig[pos - 1] && strcmp(a->sig[pos - 1], type) != 0)
        a->ok = false, a->why = "one position used with two types";
    a->sig[pos - 1] = type;
    if (pos > a->n)
        a->n = pos;
}

/* Reads "N$" at *p: the position, or 0 when there is none. */
static int read_pos(const char **p)
{
    const char *q = *p;
    int n = 0;
    while (*q >= '0' && *q <= '9')
        n = n * 10 + (*q++ - '0');
    if (q > *p && *q == '$') {
        *p = q + 1;
        return n;
    }
    return 0;
}

/* A '*' width or precision at *p: an int argument. */
static void star(fmt_args *a, const char **p, int *next, int *positional, int *plain)
{
    if (**p != '*')
        return;
    (*p)++;
    int pos = read_pos(p);
    if (pos)
        (*positional)++;
    else
        (*plain)++, pos = (*next)++;
    put_arg(a, pos, "int");
}

static const char *conv_type(const char *len, char conv)
{
    static const char *const ints[] = {"int", "long", "long long", "size_t", "intmax_t", "ptrdiff_t"};
    int k = !*len || !strcmp(len, "h") || !strcmp(len, "hh") ? 0
            : !strcmp(len, "l") ? 1 : !strcmp(len, "ll") ? 2 : !strcmp(len, "z") ? 3
            : !strcmp(len, "j") ? 4 : !strcmp(len, "t") ? 5 : -1;
    switch (conv) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X':
        return k >= 0 ? ints[k] : NULL;
    case 'c': return *len ? NULL : "int";
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
        return !*len ? "double" : !strcmp(len, "L") ? "long double" : NULL;
    case 's': return *len ? NULL : "char*";
    case 'p': return *len ? NULL : "void*";
    default: return NULL;
    }
}

static fmt_args parse_format(const char *f)
{
    fmt_args a = {{0}, 0, true, NULL};
    int next = 1, positional = 0, plain = 0;
    for (const char *p = f; *p && a.ok; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        int pos = read_pos(&p);
        while (*p && strchr("-+ #0'", *p))
            p++;
        star(&a, &p, &next, &positional, &plain);
        while (*p >= '0' && *p <= '9')
            p++;
        if (*p == '.') {
            p++;
            star(&a, &p, &next, &positional, &plain);
            while (*p >= '0' && *p <= '9')
                p++;
        }
        char len[3] = "";
        while (*p && strchr("hlLzjt", *p) && strlen(len) < 2)
            len[strlen(len)] = *p++;
        const char *type = *p ? conv_type(len, *p) : NULL;
        if (!type) {
            a.ok = false, a.why = "unknown conversion";
            break;
        }
        if (pos)
            positional++;
        else
            plain++, pos = next++;
        put_arg(&a, pos, type);
    }
    if (a.ok && positional && plain)
        a.ok = false, a.why = "positional and plain conversions mixed";
    for (int i = 0; a.ok && i < a.n; i++)
        if (!a.sig[i])
            a.ok = false, a.why = "an argument position is skipped";
    return a;
}

static bool is_nfc_utf8(const char *s)
{
    size_t bad;
    if (!ps_utf8_valid(s, strlen(s), &bad))
        return false;
    ps_strbuf sb = PS_STRBUF_INIT;
    ps_utf8_nfc_append(&sb, s, strlen(s));
    bool same = strcmp(ps_sb_str(&sb), s) == 0;
    ps_sb_free(&sb);
    return same;
}

TEST(every_text_exists_in_both_languages)
{
    for (int id = 0; id < PS_M_COUNT_; id++) {
        const char *t[2] = {ps_msg_en[id], ps_msg_vi[id]};
        for (int l = 0; l < 2; l++) {
            if (!t[l] || !*t[l]) {
                printf("message %d has no %s text\n", id, l ? "Vietnamese" : "English");
                CHECK(t[l] && *t[l]);
            } else if (!is_nfc_utf8(t[l])) {
                printf("message %d: the %s text is not NFC UTF-8: %s\n", id, l ? "vi" : "en", t[l]);
                CHECK(is_nfc_utf8(t[l]));
            }
        }
    }
}

TEST(both_languages_take_the_same_arguments)
{
    /* the codes' default texts are plain text, never formats */
    for (int id = PS_D_COUNT_; id < PS_M_COUNT_; id++) {
        if (!ps_msg_en[id] || !ps_msg_vi[id])
            continue;   /* reported above */
        fmt_args en = parse_format(ps_msg_en[id]), vi = parse_format(ps_msg_vi[id]);
        if (!en.ok || !vi.ok) {
            printf("message %d: %s\n  en: %s\n  vi: %s\n", id, !en.ok ? en.why : vi.why, ps_msg_en[id],
                   ps_msg_vi[id]);
            CHECK(en.ok && vi.ok);
            continue;
        }
        /* a line the one language ends, the other ends too */
        size_t le = strlen(ps_msg_en[id]), lv = strlen(ps_msg_vi[id]);
        if ((ps_msg_en[id][le - 1] == '\n') != (ps_msg_vi[id][lv - 1] == '\n') ||
            (ps_msg_en[id][0] == '\r') != (ps_msg_vi[id][0] == '\r')) {
            printf("message %d: one language ends its line (or starts with \\r), the other does not\n", id);
            CHECK(false);
        }
        bool same = en.n == vi.n;
        for (int i = 0; same && i < en.n; i++)
            same = strcmp(en.sig[i], vi.sig[i]) == 0;
        if (!same)
            printf("message %d takes other arguments in vi\n  en: %s\n  vi: %s\n", id, ps_msg_en[id],
                   ps_msg_vi[id]);
        CHECK(same);
    }
}

TEST(the_format_reader_sees_what_printf_takes)
{
    fmt_args a = parse_format("%2$s: %1$ld%% of %2$s");
    CHECK(a.ok);
    CHECK_INT(a.n, 2);
    CHECK_STR(a.sig[0], "long");
    CHECK_STR(a.sig[1], "char*");
    a = parse_format("%-*s %.2f %zu");
    CHECK(a.ok);
    CHECK_INT(a.n, 4);
    CHECK_STR(a.sig[0], "int");
    CHECK_STR(a.sig[2], "double");
    CHECK_STR(a.sig[3], "size_t");
    CHECK(!parse_format("%1$s %s").ok);     /* mixed */
    CHECK(!parse_format("%2$s").ok);        /* a gap */
    CHECK(!parse_format("%1$s %1$d").ok);   /* two types */
    CHECK_INT(parse_format("50% done").n, 1);  /* "% d": an int nobody passes */
    CHECK(!parse_format("%w").ok);
}

static void *in_vietnamese(void *arg)
{
    ps_lang_set(PS_LANG_VI);
    ps_ctx ctx = {0};
    ps_failm(&ctx, PS_ERR_IO, PS_M_E_IO);
    strcpy(arg, ctx.msg);
    return NULL;
}

TEST(the_language_belongs_to_the_thread)
{
    CHECK_INT(ps_lang_get(), PS_LANG_EN);
    char vi[1024] = "";
    pthread_t t;
    CHECK_INT(pthread_create(&t, NULL, in_vietnamese, vi), 0);
    pthread_join(t, NULL);
    CHECK_STR(vi, "lỗi tệp");
    CHECK_INT(ps_lang_get(), PS_LANG_EN);
    ps_ctx ctx = {0};
    ps_failm(&ctx, PS_ERR_IO, PS_M_E_IO);
    CHECK_STR(ctx.msg, "file error");
    ps_diags d;
    ps_diags_init(&d);
    ps_lang_set(PS_LANG_VI);
    ps_diag_add(&d, "a.csv", 2, 1, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, NULL, NULL);
    ps_lang_set(PS_LANG_EN);
    ps_diag_add(&d, "a.csv", 2, 1, PS_SEV_ERROR, PS_D_UNKNOWN_UNIT, NULL, NULL);
    CHECK_STR(d.v[0].message, "đơn vị không có trong danh mục");
    CHECK_STR(d.v[1].message, "the unit is not in the catalog");
    ps_diags_free(&d);
}

/* positional conversions put the arguments where Vietnamese needs them */
TEST(positional_arguments_in_vietnamese)
{
    ps_diags d;
    ps_diags_init(&d);
    ps_lang_set(PS_LANG_VI);
    ps_diag_msg(&d, "units.csv", 4, 6, PS_SEV_ERROR, PS_D_LEVEL_ORDER, "province", PS_M_CAT_UNIT_BUT_PARENT_CHILD,
                "193", "province", "22", "district");
    ps_ctx ctx = {0};
    ps_failm(&ctx, PS_ERR_REFUSED, PS_M_CHECK_CHECK_ERROR_WARNING, "2016-07", (size_t)2, "s", (size_t)1, "");
    char buf[200];
    ps_msg_format(buf, sizeof buf, PS_M_CLI_MORE_ERRORS, (size_t)3, "s", "");
    ps_lang_set(PS_LANG_EN);
    CHECK_STR(d.v[0].message, "đơn vị 193 thuộc cấp province nhưng đơn vị cấp trên 22 thuộc cấp district: "
                              "cấp của đơn vị phải thấp hơn cấp của đơn vị cấp trên");
    CHECK_STR(ctx.msg, "kiểm tra 2016-07: 2 lỗi, 1 cảnh báo\n");
    CHECK_STR(buf, "... và 3 lỗi khác\n");
    ps_diags_free(&d);
}

TEST(the_locale_chooses_by_its_first_set_variable)
{
    CHECK_INT(ps_lang_from_locale(NULL, NULL, NULL), PS_LANG_EN);
    CHECK_INT(ps_lang_from_locale("", "", "vi_VN.UTF-8"), PS_LANG_VI);
    CHECK_INT(ps_lang_from_locale("C", NULL, "vi_VN.UTF-8"), PS_LANG_EN);
    CHECK_INT(ps_lang_from_locale(NULL, "vi", "en_US.UTF-8"), PS_LANG_VI);
    CHECK_INT(ps_lang_from_locale(NULL, "fr_FR", "vi_VN"), PS_LANG_EN);
    ps_lang l = PS_LANG_EN;
    CHECK(ps_lang_parse("vi", &l) && l == PS_LANG_VI);
    CHECK(ps_lang_parse("en", &l) && l == PS_LANG_EN);
    CHECK(!ps_lang_parse("vi_VN", &l));
    CHECK(!ps_lang_parse("", &l));
    CHECK(!ps_lang_parse(NULL, &l));
    CHECK_STR(ps_msg_text(PS_LANG_VI, PS_M_COUNT_), "?");
}

int main(void)
{
    RUN(every_text_exists_in_both_languages);
    RUN(both_languages_take_the_same_arguments);
    RUN(the_format_reader_sees_what_printf_takes);
    RUN(the_language_belongs_to_the_thread);
    RUN(positional_arguments_in_vietnamese);
    RUN(the_locale_chooses_by_its_first_set_variable);
    return check_done();
}
