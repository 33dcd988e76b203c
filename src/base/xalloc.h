/* xalloc.h - malloc that does not return NULL: loopsim stops with a message when memory runs
 * out, as there is nothing sensible to print instead.  For the modules that keep their data
 * outside the engine's arena (the loader's scratch, the search's graph). */
#ifndef LOOPSIM_XALLOC_H
#define LOOPSIM_XALLOC_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q) {
        fputs("loopsim: out of memory\n", stderr);
        abort();
    }
    return q;
}

static inline char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

#endif
