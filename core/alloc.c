/* alloc.c - allocation that aborts when memory runs out. */
#include "core/alloc.h"
#include "core/msg.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ps_out_of_memory(void)
{
    /* static texts and fputs: nothing here may allocate */
    fputs("provstat: ", stderr);
    fputs(ps_msg(PS_M_OUT_OF_MEMORY), stderr);
    fputs("\n", stderr);
    abort();
}

void *ps_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        ps_out_of_memory();
    return p;
}

void *ps_xcalloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        ps_out_of_memory();
    return p;
}

void *ps_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        ps_out_of_memory();
    return q;
}

char *ps_xstrdup(const char *s)
{
    return s ? ps_xstrndup(s, strlen(s)) : NULL;
}

char *ps_xstrndup(const char *s, size_t n)
{
    char *p = ps_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
