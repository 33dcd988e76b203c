/* arena.c - see arena.h. */
#include "arena.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct chunk {
    struct chunk *next;
    size_t used, size;
    max_align_t data[];
};

struct ls_arena {
    struct chunk *head;
    size_t bytes;
};

enum { CHUNK_SIZE = 64 * 1024 };

static void *xmalloc(size_t n)
{
    void *p = malloc(n);
    if (!p)
        ls_out_of_memory(n);
    return p;
}

ls_arena *arena_new(void)
{
    ls_arena *a = xmalloc(sizeof *a);
    a->head = NULL;
    a->bytes = 0;
    return a;
}

void arena_free(ls_arena *arena)
{
    if (!arena)
        return;
    struct chunk *c = arena->head;
    while (c) {
        struct chunk *next = c->next;
        free(c);
        c = next;
    }
    free(arena);
}

void *arena_alloc_raw(ls_arena *arena, size_t size)
{
    const size_t align = sizeof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    struct chunk *c = arena->head;
    if (!c || c->size - c->used < size) {
        size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
        c = xmalloc(sizeof *c + cap);
        c->size = cap;
        c->used = 0;
        c->next = arena->head;
        arena->head = c;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    arena->bytes += size;
    return p;
}

void *arena_alloc(ls_arena *arena, size_t size)
{
    void *p = arena_alloc_raw(arena, size);
    memset(p, 0, size);
    return p;
}

char *arena_strdup(ls_arena *arena, const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = arena_alloc(arena, n);
    memcpy(p, s, n);
    return p;
}

char *arena_printf(ls_arena *arena, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char probe[1];
    int n = vsnprintf(probe, sizeof probe, fmt, ap);
    va_end(ap);
    char *p = arena_alloc(arena, (size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void *arena_grow(ls_arena *arena, void *old, size_t n, size_t cap, size_t size)
{
    void *p = arena_alloc(arena, cap * size);
    if (old && n)
        memcpy(p, old, n * size);
    return p;
}

size_t arena_bytes(const ls_arena *arena)
{
    return arena->bytes;
}
