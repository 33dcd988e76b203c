/* heap.h - an intrusive binary min-heap.
 *
 * Models the two priority queues whose order Node programs can observe:
 *   - libuv's timer heap (libuv src/heap-inl.h, used by src/timer.c): uv timers ordered by
 *     (timeout, start_id), start_id taken from loop->timer_counter at every uv_timer_start;
 *   - Node's timer-list queue (lib/internal/timers.js `timerListQueue`, a PriorityQueue ordered by
 *     `compareTimersLists`: expiry, then list id, the id renewed at every reschedule).
 * As in libuv, the node lives inside the element and the tree is made of pointers, so no
 * operation allocates; the path to the last slot is found from the element count.  The
 * comparison is the heap's own function: "a sorts before b".
 */
#ifndef LOOPSIM_HEAP_H
#define LOOPSIM_HEAP_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ls_heap_node {
    struct ls_heap_node *left, *right, *parent;
} ls_heap_node;

typedef bool (*ls_heap_less)(const ls_heap_node *a, const ls_heap_node *b);

typedef struct {
    ls_heap_node *min;
    size_t count;
    ls_heap_less less;
} ls_heap;

void heap_init(ls_heap *heap, ls_heap_less less);
ls_heap_node *heap_min(const ls_heap *heap);
void heap_insert(ls_heap *heap, ls_heap_node *node);
void heap_remove(ls_heap *heap, ls_heap_node *node);
/* After the key of `node` changed in place (grown or shrunk): restores the order. */
void heap_update(ls_heap *heap, ls_heap_node *node);
/* Every node, in the heap's order (out holds heap->count): what the heap means, whatever its
 * tree's shape (for fingerprint.h). */
void heap_sorted(const ls_heap *heap, ls_heap_node **out);

#endif
