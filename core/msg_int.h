/* msg_int.h - the language tables, for the message module and its tests. */
#ifndef PS_MSG_INT_H
#define PS_MSG_INT_H

#include "core/msg.h"

/* Indexed by ps_msg_id; an id without a text is NULL (test_msg.c finds it). */
extern const char *const ps_msg_en[PS_M_COUNT_];
extern const char *const ps_msg_vi[PS_M_COUNT_];

#endif
