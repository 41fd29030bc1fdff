/* text_int.h - what only the text module and its tests use. */
#ifndef PS_TEXT_INT_H
#define PS_TEXT_INT_H

#include "core/text.h"

/* Returns an owned, NUL-terminated NFC copy of valid UTF-8 s[0..n)
 * (libunistring). ASCII input is copied without calling the normaliser.
 * *outlen (if not NULL) receives the length. */
char *ps_utf8_nfc(const char *s, size_t n, size_t *outlen);

#endif
