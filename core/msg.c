/* msg.c - message lookup and the current language of the thread. */
#include "core/msg.h"
#include "core/msg_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static _Thread_local ps_lang current = PS_LANG_EN;

const char *ps_msg_text(ps_lang lang, ps_msg_id id)
{
    if ((unsigned)id >= PS_M_COUNT_)
        return "?";
    const char *t = lang == PS_LANG_VI ? ps_msg_vi[id] : ps_msg_en[id];
    if (!t)
        t = ps_msg_en[id];
    return t ? t : "?";
}

const char *ps_msg(ps_msg_id id)
{
    return ps_msg_text(current, id);
}

char *ps_msg_vformat(char *buf, size_t n, ps_msg_id id, va_list ap)
{
    PS_TABLE_FORMAT_BEGIN
    vsnprintf(buf, n, ps_msg(id), ap);
    PS_TABLE_FORMAT_END
    return buf;
}

char *ps_msg_format(char *buf, size_t n, ps_msg_id id, ...)
{
    va_list ap;
    va_start(ap, id);
    ps_msg_vformat(buf, n, id, ap);
    va_end(ap);
    return buf;
}

ps_lang ps_lang_get(void)
{
    return current;
}

void ps_lang_set(ps_lang lang)
{
    current = lang == PS_LANG_VI ? PS_LANG_VI : PS_LANG_EN;
}

bool ps_lang_parse(const char *s, ps_lang *out)
{
    if (!s)
        return false;
    if (strcmp(s, "vi") == 0)
        *out = PS_LANG_VI;
    else if (strcmp(s, "en") == 0)
        *out = PS_LANG_EN;
    else
        return false;
    return true;
}

const char *ps_lang_name(ps_lang lang)
{
    return lang == PS_LANG_VI ? "vi" : "en";
}

ps_lang ps_lang_from_locale(const char *lc_all, const char *lc_messages, const char *lang)
{
    const char *v[3] = {lc_all, lc_messages, lang};
    for (int i = 0; i < 3; i++)
        if (v[i] && *v[i])
            return strncmp(v[i], "vi", 2) == 0 ? PS_LANG_VI : PS_LANG_EN;
    return PS_LANG_EN;
}
