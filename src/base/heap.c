/* heap.c - see heap.h.  A pointer-linked complete binary tree: the slot for the n-th element is
 * reached from the root by reading the bits of n below its highest bit (0 = left, 1 = right). */
#include "heap.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void heap_init(ls_heap *heap, ls_heap_less less)
{
    heap->min = NULL;
    heap->count = 0;
    heap->less = less;
}

ls_heap_node *heap_min(const ls_heap *heap)
{
    return heap->min;
}

/* The link that holds slot n (1-based): *result is where the element of slot n hangs.  When
 * `parent_out` is given, the parent of slot n is stored there. */
static ls_heap_node **slot_link(ls_heap *heap, size_t n, ls_heap_node **parent_out)
{
    size_t bits = 0;
    for (size_t m = n; m > 1; m >>= 1)
        bits++;
    ls_heap_node **link = &heap->min;
    ls_heap_node *parent = NULL;
    while (bits-- > 0) {
        parent = *link;
        link = ((n >> bits) & 1) ? &parent->right : &parent->left;
    }
    if (parent_out)
        *parent_out = parent;
    return link;
}

/* Exchanges `child` with its parent `parent` in the tree. */
static void swap_with_parent(ls_heap *heap, ls_heap_node *parent, ls_heap_node *child)
{
    ls_heap_node saved = *parent;
    *parent = *child;
    *child = saved;

    parent->parent = child;
    ls_heap_node *sibling;
    if (child->left == child) {
        child->left = parent;
        sibling = child->right;
    } else {
        child->right = parent;
        sibling = child->left;
    }
    if (sibling)
        sibling->parent = child;
    if (parent->left)
        parent->left->parent = parent;
    if (parent->right)
        parent->right->parent = parent;

    if (!child->parent)
        heap->min = child;
    else if (child->parent->left == parent)
        child->parent->left = child;
    else
        child->parent->right = child;
}

static void sift_up(ls_heap *heap, ls_heap_node *node)
{
    while (node->parent && heap->less(node, node->parent))
        swap_with_parent(heap, node->parent, node);
}

static void sift_down(ls_heap *heap, ls_heap_node *node)
{
    for (;;) {
        ls_heap_node *smallest = node;
        if (node->left && heap->less(node->left, smallest))
            smallest = node->left;
        if (node->right && heap->less(node->right, smallest))
            smallest = node->right;
        if (smallest == node)
            return;
        swap_with_parent(heap, node, smallest);
    }
}

void heap_insert(ls_heap *heap, ls_heap_node *node)
{
    node->left = node->right = node->parent = NULL;
    ls_heap_node *parent;
    ls_heap_node **link = slot_link(heap, heap->count + 1, &parent);
    node->parent = parent;
    *link = node;
    heap->count++;
    sift_up(heap, node);
}

void heap_remove(ls_heap *heap, ls_heap_node *node)
{
    if (heap->count == 0)
        return;
    ls_heap_node **link = slot_link(heap, heap->count, NULL);
    ls_heap_node *last = *link;
    *link = NULL;
    heap->count--;
    if (last == node) {
        if (heap->min == node)
            heap->min = NULL;
        return;
    }
    /* `last` takes the place of `node`. */
    last->left = node->left;
    last->right = node->right;
    last->parent = node->parent;
    if (last->left)
        last->left->parent = last;
    if (last->right)
        last->right->parent = last;
    if (!node->parent)
        heap->min = last;
    else if (node->parent->left == node)
        node->parent->left = last;
    else
        node->parent->right = last;
    sift_down(heap, last);
    sift_up(heap, last);
}

void heap_update(ls_heap *heap, ls_heap_node *node)
{
    sift_down(heap, node);
    sift_up(heap, node);
}

static size_t collect(ls_heap_node *n, ls_heap_node **out, size_t k)
{
    if (!n)
        return k;
    out[k++] = n;
    k = collect(n->left, out, k);
    return collect(n->right, out, k);
}

/* Stable merge sort of v[0..n) by `less`, through tmp (n elements): a big program's heap
 * holds thousands of timer lists, and it is sorted at every loop iteration loopsim orders
 * fingerprints. */
static void merge_sort(ls_heap_node **v, ls_heap_node **tmp, size_t n, ls_heap_less less)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    merge_sort(v, tmp, h, less);
    merge_sort(v + h, tmp, n - h, less);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = less(v[j], v[i]) ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    memcpy(v, tmp, k * sizeof *v);
}

void heap_sorted(const ls_heap *heap, ls_heap_node **out)
{
    size_t n = collect(heap->min, out, 0);
    ls_heap_node **tmp = malloc((n + 1) * sizeof *tmp);
    if (!tmp)
        ls_out_of_memory((n + 1) * sizeof *tmp);
    merge_sort(out, tmp, n, heap->less);
    free(tmp);
}
