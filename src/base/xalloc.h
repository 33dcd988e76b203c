/* xalloc.h - malloc that does not return NULL: loopsim stops with a message when memory runs
 * out, as there is nothing sensible to print instead.  For the modules that keep their data
 * outside the engine's arena (the loader's scratch, the search's graph).
 *
 * Memory is the only limit on a program's size (no count of statements, functions or timers):
 * when an allocation fails, ls_out_of_memory says on stderr how much more was needed and how
 * much the process holds, and exits with status 2 (oom.c). */
#ifndef LOOPSIM_XALLOC_H
#define LOOPSIM_XALLOC_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Says that `wanted` more bytes could not be had, and how much is in use; exits 2. */
_Noreturn void ls_out_of_memory(size_t wanted);

static inline void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        ls_out_of_memory(size);
    return q;
}

static inline char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

#endif
