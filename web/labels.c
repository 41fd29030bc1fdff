/* labels.c - the portal's words: the Vietnamese table and the English table. */
#include "web/labels.h"

static const char *const vi[PS_WL_COUNT_] = {
#define L(id, v, e) [PS_WL_##id] = v,
#include "web/labels.def"
#undef L
};

static const char *const en[PS_WL_COUNT_] = {
#define L(id, v, e) [PS_WL_##id] = e,
#include "web/labels.def"
#undef L
};

const char *ps_wl_text(const ps_web_req *r, ps_wl id)
{
    return (r->lang == PS_WEB_EN ? en : vi)[id];
}
