/* labels.c - the portal's words from the message tables (labels.h). */
#include "web/labels.h"

enum { RING = 16, TEXT_MAX = 768 };

const char *ps_wl_text(ps_msg_id id)
{
    static _Thread_local char ring[RING][TEXT_MAX];
    static _Thread_local unsigned next;
    char *buf = ring[next++ % RING];
    return ps_msg_format(buf, TEXT_MAX, id);
}
