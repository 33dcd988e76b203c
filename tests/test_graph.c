/* test_graph.c - unit tests for the graph of states `loopsim orders` builds (src/search/graph.c):
 * edges, counting, listing, conditions and iteration words. */
#include <check.h>
#include <string.h>

#include "check_main.h"
#include "engine.h"
#include "graph.h"

static ls_fingerprint fp(uint64_t n)
{
    return (ls_fingerprint){n * 7919 + 1, n};
}

static size_t state(ls_graph *g, uint64_t n, size_t depth)
{
    bool done;
    return graph_state(g, fp(n), depth, &done);
}

static void edge(ls_graph *g, size_t from, size_t to, const char *lines, const char *said,
                 bool decided, uint64_t from_it, uint64_t to_it)
{
    graph_fact f = {(char *)said, decided};
    graph_add_edge(g, from, to, lines, strlen(lines), "", 0, &f, said ? 1 : 0, from_it, to_it);
}

static void end(ls_graph *g, size_t from, const char *lines, const char *said)
{
    graph_fact f = {(char *)said, true};
    graph_add_edge(g, from, GRAPH_END, lines, strlen(lines), "", 0, &f, said ? 1 : 0, 0, 0);
}

static const ls_order *find(const ls_orders *r, const char *lines)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->orders[i].len == strlen(lines) &&
            memcmp(r->orders[i].lines, lines, r->orders[i].len) == 0)
            return &r->orders[i];
    return NULL;
}

START_TEST(test_two_races_joined_at_one_state_make_four_orders)
{
    /* start -(a b | b a)-> s1 -(c d | d c)-> end: 2 x 2 texts */
    ls_graph *g = graph_new(NULL);
    size_t s1 = state(g, 1, 1);
    edge(g, 0, s1, "a\nb\n", "a first", true, 0, 1);
    edge(g, 0, s1, "b\na\n", "b first", true, 0, 1);
    end(g, s1, "c\nd\n", "c first");
    end(g, s1, "d\nc\n", "d first");
    uint64_t count, paths;
    bool capped;
    graph_count(g, &count, &capped, &paths);
    ck_assert(!capped);
    ck_assert_uint_eq(count, 4);
    ck_assert_uint_eq(paths, 4);
    ck_assert(graph_holds(g, "b\na\nd\nc\n", 8, ""));
    ck_assert(!graph_holds(g, "a\nb\nd\n", 6, ""));
    graph_free(g);
}
END_TEST

START_TEST(test_equal_heads_before_overlapping_sets_count_each_text_once)
{
    /* "a" before {x, y} and "a" before {y, z}: a x, a y, a z (the shared "a y" once); "b" and
     * "c", one length, before one set {x}: b x, c x (different heads of one length never make
     * the same text, so the count needs no check there: graph.c disjoint_parts) */
    ls_graph *g = graph_new(NULL);
    size_t s1 = state(g, 1, 1), s2 = state(g, 2, 1), s3 = state(g, 3, 1);
    edge(g, 0, s1, "a\n", NULL, false, 0, 1);
    edge(g, 0, s2, "a\n", NULL, false, 0, 1);
    end(g, s1, "x\n", NULL);
    end(g, s1, "y\n", NULL);
    end(g, s2, "y\n", NULL);
    end(g, s2, "z\n", NULL);
    edge(g, 0, s3, "b\n", NULL, false, 0, 1);
    edge(g, 0, s3, "c\n", NULL, false, 0, 1);
    end(g, s3, "x\n", NULL);
    uint64_t count, paths;
    bool capped;
    graph_count(g, &count, &capped, &paths);
    ck_assert(!capped);
    ck_assert_uint_eq(count, 5);
    ck_assert_uint_eq(paths, 6);
    ck_assert(graph_holds(g, "a\ny\n", 4, ""));
    ck_assert(graph_holds(g, "c\nx\n", 4, ""));
    ck_assert(!graph_holds(g, "b\ny\n", 4, ""));
    graph_free(g);
}
END_TEST

START_TEST(test_texts_split_differently_are_one_order)
{
    /* "x y" printed as x then y, or all before the state: one text, two paths */
    ls_graph *g = graph_new(NULL);
    size_t s1 = state(g, 1, 1), s2 = state(g, 2, 1);
    edge(g, 0, s1, "x\n", NULL, false, 0, 1);
    edge(g, 0, s2, "x\ny\n", NULL, false, 0, 1);
    end(g, s1, "y\n", NULL);
    end(g, s2, "", NULL);
    uint64_t count, paths;
    bool capped;
    graph_count(g, &count, &capped, &paths);
    ck_assert_uint_eq(count, 1);
    ck_assert_uint_eq(paths, 2);
    ls_orders r;
    memset(&r, 0, sizeof r);
    graph_list(g, &r);
    ck_assert_uint_eq(r.n, 1);
    ck_assert_uint_eq(r.orders[0].paths, 2);
    explore_free(&r);
    graph_free(g);
}
END_TEST

START_TEST(test_an_edge_taken_twice_is_one_edge_with_the_facts_both_said)
{
    ls_graph *g = graph_new(NULL);
    graph_fact first[2] = {{"shared", true}, {"only the first", true}};
    graph_fact second[1] = {{"shared", true}};
    graph_add_edge(g, 0, GRAPH_END, "a\n", 2, "", 0, first, 2, 0, 0);
    graph_add_edge(g, 0, GRAPH_END, "a\n", 2, "", 0, second, 1, 0, 0);
    uint64_t count, paths;
    bool capped;
    graph_count(g, &count, &capped, &paths);
    ck_assert_uint_eq(count, 1);
    ck_assert_uint_eq(paths, 2);
    ls_orders r;
    memset(&r, 0, sizeof r);
    graph_list(g, &r);
    ck_assert_uint_eq(r.orders[0].nconditions, 1);
    ck_assert_str_eq(r.orders[0].conditions[0], "shared");
    ck_assert_uint_eq(r.orders[0].nalternatives, 2); /* both decision lists */
    explore_free(&r);
    graph_free(g);
}
END_TEST

START_TEST(test_words_after_a_state_keep_their_iteration_through_every_route)
{
    /* s1 is reached at iteration 2 by one route and 3 by another: what is said after it names
     * the iteration each route really had */
    ls_graph *g = graph_new(NULL);
    size_t s1 = state(g, 1, 1);
    edge(g, 0, s1, "a\n", NULL, false, 0, 2);
    edge(g, 0, s1, "b\n", NULL, false, 0, 3);
    graph_fact f = {"the timers phase of iteration " "\001" "2" "\002", true};
    graph_add_edge(g, s1, GRAPH_END, "c\n", 2, "", 0, &f, 1, 2, 2);
    ls_orders r;
    memset(&r, 0, sizeof r);
    uint64_t count, paths;
    bool capped;
    graph_count(g, &count, &capped, &paths);
    graph_list(g, &r);
    const ls_order *a = find(&r, "a\nc\n"), *b = find(&r, "b\nc\n");
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_nonnull(b);
    ck_assert_str_eq(a->conditions[0], "the timers phase of iteration 2");
    ck_assert_str_eq(b->conditions[0], "the timers phase of iteration 3");
    explore_free(&r);
    graph_free(g);
}
END_TEST

START_TEST(test_states_past_the_changed_decision_are_done)
{
    ls_graph *g = graph_new(NULL);
    bool done;
    size_t s1 = graph_state(g, fp(1), 1, &done);
    ck_assert(!done);
    size_t s2 = graph_state(g, fp(2), 3, &done);
    graph_close(g, 3); /* decision 2 changes: a state reached after 3 decisions is done */
    ck_assert_uint_eq(graph_state(g, fp(2), 5, &done), s2);
    ck_assert(done);
    ck_assert_uint_eq(graph_state(g, fp(1), 1, &done), s1);
    ck_assert(!done);
    ck_assert_uint_eq(graph_states(g), 2);
    graph_free(g);
}
END_TEST

/* A run of a million callbacks is a path of as many states: counting and listing walk it with
 * their own stacks, where recursing once per state overflowed C's (a crash of `loopsim run` on
 * a million chained setImmediates).  Two orders: the race at the start, then one long path. */
START_TEST(test_a_path_a_million_states_deep_is_counted_and_listed)
{
    enum { DEPTH = 1000000 };
    ls_graph *g = graph_new(NULL);
    size_t s1 = state(g, 1, 1);
    edge(g, 0, s1, "a\nb\n", "a first", true, 0, 1);
    edge(g, 0, s1, "b\na\n", "b first", true, 0, 1);
    size_t prev = s1;
    for (uint64_t i = 2; i <= DEPTH; i++) {
        size_t next = state(g, i, i);
        edge(g, prev, next, "", NULL, false, i - 1, i);
        prev = next;
    }
    end(g, prev, "c\n", NULL);
    uint64_t count, paths;
    bool capped;
    ck_assert(graph_count(g, &count, &capped, &paths));
    ck_assert(!capped);
    ck_assert_uint_eq(count, 2);
    ck_assert_uint_eq(paths, 2);
    ls_orders r = {0};
    graph_list(g, &r);
    ck_assert_uint_eq(r.n, 2);
    ck_assert_ptr_nonnull(find(&r, "a\nb\nc\n"));
    ck_assert_ptr_nonnull(find(&r, "b\na\nc\n"));
    explore_free(&r);
    graph_free(g);
}
END_TEST

static Suite *graph_suite(void)
{
    Suite *s = suite_create("graph");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_two_races_joined_at_one_state_make_four_orders);
    tcase_add_test(tc, test_equal_heads_before_overlapping_sets_count_each_text_once);
    tcase_add_test(tc, test_texts_split_differently_are_one_order);
    tcase_add_test(tc, test_an_edge_taken_twice_is_one_edge_with_the_facts_both_said);
    tcase_add_test(tc, test_words_after_a_state_keep_their_iteration_through_every_route);
    tcase_add_test(tc, test_states_past_the_changed_decision_are_done);
    tcase_add_test(tc, test_a_path_a_million_states_deep_is_counted_and_listed);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(graph_suite());
}
