/* arena.h - bump allocation for everything a run creates.
 *
 * The loader puts the whole program tree in one arena, and the engine puts every runtime object
 * (promises, closures, timers, queue entries) in another.  Objects live until the run ends, as
 * they would in a program whose garbage collector never ran; the limits in limits.h bound how
 * much a run can create.  One free per arena, so there is nothing to leak.
 */
#ifndef LOOPSIM_ARENA_H
#define LOOPSIM_ARENA_H

#include <stddef.h>

typedef struct ls_arena ls_arena;

ls_arena *arena_new(void);
void arena_free(ls_arena *arena);
/* Zeroed memory, aligned for any object; aborts with a message if memory runs out. */
void *arena_alloc(ls_arena *arena, size_t size);
/* The same, not cleared. */
void *arena_alloc_raw(ls_arena *arena, size_t size);
char *arena_strdup(ls_arena *arena, const char *s);
char *arena_printf(ls_arena *arena, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), nonnull(2)));
/* Grows an array held in the arena: returns a copy of `old` (n elements of `size`) with room
 * for `cap` elements.  The old block is left to the arena. */
void *arena_grow(ls_arena *arena, void *old, size_t n, size_t cap, size_t size);
size_t arena_bytes(const ls_arena *arena);

#endif
