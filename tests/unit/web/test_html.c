/* test_html.c - the portal's HTML writer escapes every value (web/html.h),
 * and the names of uploaded files are made safe (web/form.h). */
#include "check.h"
#include "web/form.h"
#include "web/html.h"

TEST(text_is_escaped)
{
    ps_html h;
    ps_html_init(&h);
    ps_html_text(&h, "<script>alert('x') & \"y\"</script>");
    CHECK_STR(ps_sb_str(&h.sb), "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    ps_html_free(&h);
}

TEST(fmt_escapes_every_string)
{
    ps_html h;
    ps_html_init(&h);
    ps_html_fmt(&h, "<a href=\"/trend?unit=%u\" title=\"%s\">%s</a> %d %ld %lld %zu 100%%", "19 3&x=\"", "a\"b",
                "<b>", -5, 7L, 1234567890123LL, (size_t)42);
    CHECK_STR(ps_sb_str(&h.sb), "<a href=\"/trend?unit=19%203%26x%3D%22\" title=\"a&quot;b\">&lt;b&gt;</a> -5 7 "
                                "1234567890123 42 100%");
    ps_html_free(&h);
}

TEST(null_text_is_empty)
{
    ps_html h;
    ps_html_init(&h);
    ps_html_fmt(&h, "[%s]", (const char *)NULL);
    CHECK_STR(ps_sb_str(&h.sb), "[]");
    ps_html_free(&h);
}

TEST(vietnamese_passes_through)
{
    ps_html h;
    ps_html_init(&h);
    ps_html_text(&h, "Tổng mức bán lẻ hàng hoá");
    CHECK_STR(ps_sb_str(&h.sb), "Tổng mức bán lẻ hàng hoá");
    ps_html_free(&h);
}

TEST(upload_names_are_made_safe)
{
    char out[256];
    ps_web_safe_name("../../etc/passwd", out, sizeof out);
    CHECK_STR(out, "passwd");
    ps_web_safe_name("C:\\Users\\ana\\Báo cáo.csv", out, sizeof out);
    CHECK_STR(out, "Báo cáo.csv");
    ps_web_safe_name("..", out, sizeof out);
    CHECK_STR(out, "upload");
    ps_web_safe_name(".hidden", out, sizeof out);
    CHECK_STR(out, "hidden");
    ps_web_safe_name("a\r\nb\x1b[2J.csv", out, sizeof out);
    CHECK_STR(out, "ab[2J.csv");
    ps_web_safe_name("", out, sizeof out);
    CHECK_STR(out, "upload");
    /* cut at 100 bytes, never inside a UTF-8 sequence: 'ạ' is 3 bytes */
    char longname[200] = "";
    for (int i = 0; i < 40; i++)
        strcat(longname, "ạ");
    ps_web_safe_name(longname, out, sizeof out);
    CHECK_INT((int)strlen(out), 99);
}

int main(void)
{
    RUN(text_is_escaped);
    RUN(fmt_escapes_every_string);
    RUN(null_text_is_empty);
    RUN(vietnamese_passes_through);
    RUN(upload_names_are_made_safe);
    return check_done();
}
