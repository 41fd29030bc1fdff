/* labels.h - the words of the portal's pages, from the message tables of
 * the command line (core/msg_en.c, core/msg_vi.c: the PS_M_WEB_* texts), in
 * the request's language (route.c sets the thread's language per request). */
#ifndef PS_WEB_LABELS_H
#define PS_WEB_LABELS_H

#include "core/msg.h"
#include "web/request.h"

/* The text of id in the current request's language, valid for a while: a
 * small ring of buffers per thread, so that a page may pass several to one
 * call of ps_html_fmt. */
const char *ps_wl_text(ps_msg_id id);
#define T(id) ps_wl_text(PS_M_WEB_##id)

#endif
