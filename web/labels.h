/* labels.h - the words of the portal's pages, in Vietnamese and English:
 * one table per language in labels.c. */
#ifndef PS_WEB_LABELS_H
#define PS_WEB_LABELS_H

#include "web/request.h"

typedef enum ps_wl {
#define L(id, vi, en) PS_WL_##id,
#include "web/labels.def"
#undef L
    PS_WL_COUNT_
} ps_wl;

/* The label in the request's language. */
const char *ps_wl_text(const ps_web_req *r, ps_wl id);
#define T(id) ps_wl_text(r, PS_WL_##id)

#endif
