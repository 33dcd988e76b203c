/* test_heap.c - unit tests for the intrusive binary min-heap (src/base/heap.c), one test per rule.
 *
 * Elements are (key, id) pairs ordered by key, then id, the shape of both heaps loopsim uses
 * (libuv's (timeout, start_id) and Node's timer lists' (expiry, id)).  Every mutation in the
 * random tests is followed by a full structural check (heap order, parent links, complete-tree
 * shape, count) and a comparison of the minimum with a plain sorted-array reference. */
#include <check.h>

#include "check_main.h"
#include <stddef.h>
#include <stdlib.h>

#include "heap.h"

typedef struct {
    int key;
    int id;
    bool in_heap;
    ls_heap_node node;
} item;

#define ITEM(n) ((item *)((char *)(n) - offsetof(item, node)))

static bool item_less(const ls_heap_node *a, const ls_heap_node *b)
{
    const item *x = ITEM(a), *y = ITEM(b);
    if (x->key != y->key)
        return x->key < y->key;
    return x->id < y->id;
}

static int item_cmp(const void *a, const void *b)
{
    const item *x = *(item *const *)a, *y = *(item *const *)b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->id > y->id) - (x->id < y->id);
}

/* Walks the tree from `n`, the element of slot `slot` (1-based): checks the parent links, the
 * heap order and that every slot is within the count.  Returns the number of nodes.  (Plain
 * ifs, not ck_assert: check records every assertion, which is slow in a loop this hot.) */
static size_t check_subtree(const ls_heap *h, const ls_heap_node *n, const ls_heap_node *parent,
                            size_t slot)
{
    if (!n)
        return 0;
    if (n->parent != parent)
        ck_abort_msg("(%d,%d): wrong parent link", ITEM(n)->key, ITEM(n)->id);
    if (slot > h->count)
        ck_abort_msg("slot %zu beyond count %zu: the tree is not complete", slot, h->count);
    if (parent && h->less(n, parent))
        ck_abort_msg("child (%d,%d) sorts before its parent (%d,%d)", ITEM(n)->key, ITEM(n)->id,
                     ITEM(parent)->key, ITEM(parent)->id);
    return 1 + check_subtree(h, n->left, n, 2 * slot) + check_subtree(h, n->right, n, 2 * slot + 1);
}

static void check_heap(const ls_heap *h)
{
    size_t n = check_subtree(h, h->min, NULL, 1);
    if (n != h->count)
        ck_abort_msg("%zu nodes in the tree, count says %zu", n, h->count);
}

/* Pops everything; the keys must come out in (key, id) order. */
static void drain_sorted(ls_heap *h, item **expected, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ls_heap_node *m = heap_min(h);
        if (!m)
            ck_abort_msg("pop %zu: the heap is empty", i);
        if (ITEM(m) != expected[i])
            ck_abort_msg("pop %zu: got (%d,%d), want (%d,%d)", i, ITEM(m)->key, ITEM(m)->id,
                         expected[i]->key, expected[i]->id);
        heap_remove(h, m);
        check_heap(h);
    }
    ck_assert_ptr_null(heap_min(h));
    ck_assert_uint_eq(h->count, 0);
}

START_TEST(test_heap_empty_has_no_min)
{
    ls_heap h;
    heap_init(&h, item_less);
    ck_assert_ptr_null(heap_min(&h));
    ck_assert_uint_eq(h.count, 0);
    heap_remove(&h, NULL); /* removing from an empty heap is a no-op */
    ck_assert_uint_eq(h.count, 0);
}
END_TEST

START_TEST(test_heap_min_is_smallest_key)
{
    item it[5] = {{50, 0, 0, {0}}, {20, 1, 0, {0}}, {40, 2, 0, {0}}, {10, 3, 0, {0}}, {30, 4, 0, {0}}};
    ls_heap h;
    heap_init(&h, item_less);
    int want_min[5] = {50, 20, 20, 10, 10};
    for (int i = 0; i < 5; i++) {
        heap_insert(&h, &it[i].node);
        check_heap(&h);
        ck_assert_int_eq(ITEM(heap_min(&h))->key, want_min[i]);
    }
    item *sorted[5] = {&it[3], &it[1], &it[4], &it[2], &it[0]};
    drain_sorted(&h, sorted, 5);
}
END_TEST

START_TEST(test_heap_ties_broken_by_insertion_id)
{
    /* Equal keys come out by id, whatever order they went in. */
    item it[6];
    int ids[6] = {5, 2, 4, 0, 3, 1};
    ls_heap h;
    heap_init(&h, item_less);
    for (int i = 0; i < 6; i++) {
        it[i] = (item){7, ids[i], true, {0}};
        heap_insert(&h, &it[i].node);
        check_heap(&h);
    }
    for (int want = 0; want < 6; want++) {
        ls_heap_node *m = heap_min(&h);
        ck_assert_int_eq(ITEM(m)->id, want);
        heap_remove(&h, m);
    }
    ck_assert_ptr_null(heap_min(&h));
}
END_TEST

START_TEST(test_heap_pops_1000_random_keys_in_sorted_order)
{
    enum { N = 1000 };
    static item it[N];
    static item *ref[N];
    srand(12345);
    ls_heap h;
    heap_init(&h, item_less);
    for (int i = 0; i < N; i++) {
        it[i] = (item){rand() % 200, i, true, {0}}; /* many duplicate keys */
        ref[i] = &it[i];
        heap_insert(&h, &it[i].node);
    }
    check_heap(&h);
    ck_assert_uint_eq(h.count, N);
    qsort(ref, N, sizeof ref[0], item_cmp);
    drain_sorted(&h, ref, N);
}
END_TEST

START_TEST(test_heap_random_ops_match_sorted_array)
{
    /* 3000 seeded random operations: insert, remove the min, remove an arbitrary element, or
     * change a key in place (heap_update).  After each, the heap's min must be the smallest
     * element of the reference set. */
    enum { POOL = 400, OPS = 3000 };
    static item pool[POOL];
    static item *live[POOL];
    size_t nlive = 0;
    int next_id = 0;
    srand(20240601);
    ls_heap h;
    heap_init(&h, item_less);
    for (int i = 0; i < POOL; i++)
        pool[i].in_heap = false;
    for (int op = 0; op < OPS; op++) {
        int r = rand() % 10;
        if ((r < 4 || nlive == 0) && nlive < POOL) {
            item *x = NULL;
            for (int i = 0; i < POOL && !x; i++)
                if (!pool[(op + i) % POOL].in_heap)
                    x = &pool[(op + i) % POOL];
            x->key = rand() % 100;
            x->id = next_id++;
            x->in_heap = true;
            heap_insert(&h, &x->node);
            live[nlive++] = x;
        } else if (r < 6) {
            item *m = ITEM(heap_min(&h));
            heap_remove(&h, &m->node);
            m->in_heap = false;
            for (size_t i = 0; i < nlive; i++)
                if (live[i] == m) {
                    live[i] = live[--nlive];
                    break;
                }
        } else if (r < 8) {
            size_t k = (size_t)rand() % nlive;
            item *x = live[k];
            heap_remove(&h, &x->node);
            x->in_heap = false;
            live[k] = live[--nlive];
        } else {
            item *x = live[(size_t)rand() % nlive];
            x->key = rand() % 100;
            x->id = next_id++; /* as a rescheduled timer list gets a new id */
            heap_update(&h, &x->node);
        }
        check_heap(&h);
        if (h.count != nlive)
            ck_abort_msg("op %d: count %zu, want %zu", op, h.count, nlive);
        if (nlive == 0) {
            if (heap_min(&h))
                ck_abort_msg("op %d: min of an empty heap", op);
        } else {
            item *best = live[0];
            for (size_t i = 1; i < nlive; i++)
                if (item_cmp(&live[i], &best) < 0)
                    best = live[i];
            if (ITEM(heap_min(&h)) != best)
                ck_abort_msg("op %d: min (%d,%d), want (%d,%d)", op, ITEM(heap_min(&h))->key,
                             ITEM(heap_min(&h))->id, best->key, best->id);
        }
    }
    qsort(live, nlive, sizeof live[0], item_cmp);
    drain_sorted(&h, live, nlive);
}
END_TEST

START_TEST(test_heap_remove_arbitrary_node_keeps_the_rest_ordered)
{
    enum { N = 64 };
    static item it[N];
    static item *rest[N];
    ls_heap h;
    heap_init(&h, item_less);
    for (int i = 0; i < N; i++) {
        it[i] = (item){(i * 37) % N, i, true, {0}};
        heap_insert(&h, &it[i].node);
    }
    /* Remove inner nodes, leaves and the root's children, not in key order. */
    int victims[] = {5, 63, 17, 0, 40, 31, 8, 22};
    size_t nv = sizeof victims / sizeof victims[0];
    for (size_t v = 0; v < nv; v++) {
        heap_remove(&h, &it[victims[v]].node);
        it[victims[v]].in_heap = false;
        check_heap(&h);
    }
    ck_assert_uint_eq(h.count, N - nv);
    size_t n = 0;
    for (int i = 0; i < N; i++)
        if (it[i].in_heap)
            rest[n++] = &it[i];
    qsort(rest, n, sizeof rest[0], item_cmp);
    drain_sorted(&h, rest, n);
}
END_TEST

START_TEST(test_heap_remove_last_slot_and_only_element)
{
    item a = {1, 0, true, {0}}, b = {2, 1, true, {0}}, c = {3, 2, true, {0}};
    ls_heap h;
    heap_init(&h, item_less);
    heap_insert(&h, &a.node);
    heap_remove(&h, &a.node); /* the only element: the heap becomes empty */
    ck_assert_ptr_null(heap_min(&h));
    ck_assert_uint_eq(h.count, 0);
    heap_insert(&h, &a.node);
    heap_insert(&h, &b.node);
    heap_insert(&h, &c.node);
    heap_remove(&h, &c.node); /* the element in the last slot */
    check_heap(&h);
    ck_assert_ptr_eq(heap_min(&h), &a.node);
    ck_assert_ptr_null(a.node.right);
    heap_remove(&h, &a.node); /* the root: b moves up */
    check_heap(&h);
    ck_assert_ptr_eq(heap_min(&h), &b.node);
    ck_assert_ptr_null(b.node.parent);
    ck_assert_uint_eq(h.count, 1);
}
END_TEST

START_TEST(test_heap_update_moves_decreased_key_up)
{
    enum { N = 31 };
    item it[N];
    ls_heap h;
    heap_init(&h, item_less);
    for (int i = 0; i < N; i++) {
        it[i] = (item){10 + i, i, true, {0}};
        heap_insert(&h, &it[i].node);
    }
    it[N - 1].key = 0; /* a leaf becomes the smallest */
    heap_update(&h, &it[N - 1].node);
    check_heap(&h);
    ck_assert_ptr_eq(heap_min(&h), &it[N - 1].node);
}
END_TEST

START_TEST(test_heap_update_moves_increased_key_down)
{
    enum { N = 31 };
    item it[N];
    ls_heap h;
    heap_init(&h, item_less);
    for (int i = 0; i < N; i++) {
        it[i] = (item){10 + i, i, true, {0}};
        heap_insert(&h, &it[i].node);
    }
    ck_assert_ptr_eq(heap_min(&h), &it[0].node);
    it[0].key = 100; /* the root becomes the largest */
    heap_update(&h, &it[0].node);
    check_heap(&h);
    ck_assert_ptr_eq(heap_min(&h), &it[1].node);
    item *sorted[N];
    for (int i = 1; i < N; i++)
        sorted[i - 1] = &it[i];
    sorted[N - 1] = &it[0];
    drain_sorted(&h, sorted, N);
}
END_TEST

START_TEST(test_heap_update_with_new_id_queues_behind_equal_key)
{
    /* A rescheduled timer list: same expiry as another list, but a newer id, so it goes
     * behind it (shared/reference R3.5). */
    item a = {5, 0, true, {0}}, b = {5, 1, true, {0}};
    ls_heap h;
    heap_init(&h, item_less);
    heap_insert(&h, &a.node);
    heap_insert(&h, &b.node);
    ck_assert_ptr_eq(heap_min(&h), &a.node);
    a.id = 2;
    heap_update(&h, &a.node);
    check_heap(&h);
    ck_assert_ptr_eq(heap_min(&h), &b.node);
}
END_TEST

START_TEST(test_heap_element_can_be_reinserted_after_removal)
{
    item it[8];
    ls_heap h;
    heap_init(&h, item_less);
    for (int i = 0; i < 8; i++) {
        it[i] = (item){i, i, true, {0}};
        heap_insert(&h, &it[i].node);
    }
    heap_remove(&h, &it[3].node);
    it[3].key = -1;
    heap_insert(&h, &it[3].node);
    check_heap(&h);
    ck_assert_ptr_eq(heap_min(&h), &it[3].node);
    item *sorted[8] = {&it[3], &it[0], &it[1], &it[2], &it[4], &it[5], &it[6], &it[7]};
    drain_sorted(&h, sorted, 8);
}
END_TEST

static Suite *heap_suite(void)
{
    Suite *s = suite_create("heap");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_heap_empty_has_no_min);
    tcase_add_test(tc, test_heap_min_is_smallest_key);
    tcase_add_test(tc, test_heap_ties_broken_by_insertion_id);
    tcase_add_test(tc, test_heap_pops_1000_random_keys_in_sorted_order);
    tcase_add_test(tc, test_heap_random_ops_match_sorted_array);
    tcase_add_test(tc, test_heap_remove_arbitrary_node_keeps_the_rest_ordered);
    tcase_add_test(tc, test_heap_remove_last_slot_and_only_element);
    tcase_add_test(tc, test_heap_update_moves_decreased_key_up);
    tcase_add_test(tc, test_heap_update_moves_increased_key_down);
    tcase_add_test(tc, test_heap_update_with_new_id_queues_behind_equal_key);
    tcase_add_test(tc, test_heap_element_can_be_reinserted_after_removal);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(heap_suite());
}
