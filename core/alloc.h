/* alloc.h - allocation that aborts when memory runs out.
 *
 * Running out of memory ends the program: these print "provstat: out of
 * memory" and call abort(). No caller checks for NULL. This is the one place
 * where library code writes to standard error.
 */
#ifndef PS_ALLOC_H
#define PS_ALLOC_H

#include <stddef.h>

void *ps_xmalloc(size_t n);
void *ps_xcalloc(size_t count, size_t size);
void *ps_xrealloc(void *p, size_t n);
/* Returns an owned copy of s; NULL gives NULL. */
char *ps_xstrdup(const char *s);
/* Returns an owned, NUL-terminated copy of the first n bytes of s. */
char *ps_xstrndup(const char *s, size_t n);
/* The out-of-memory end itself, for a call other than malloc that fails
 * only for want of memory (fdopen, for one). Does not return. */
void ps_out_of_memory(void) __attribute__((noreturn));

#endif
