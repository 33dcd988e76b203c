/* test_explore.c - unit tests for `loopsim orders` (src/search/explore.c): the exact search over timing
 * decisions, one test per property it must have. */
#include <check.h>

#include "check_main.h"
#include "engine_harness.h"
#include "explore.h"

static ls_orders orders_of(const char *json, const char *version, uint64_t samples)
{
    ls_program *p = load(json);
    const ls_profile *profile = profile_for_version(version);
    ls_costs costs = engine_default_costs(p, profile);
    ls_explore_options o = {20000, samples, NULL, false, false, NULL, NULL, 1};
    ls_orders r;
    explore_orders(p, &costs, profile, &LIMITS, &o, &r);
    program_free(p);
    return r;
}

static bool has_order(const ls_orders *r, const char *lines)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->orders[i].len == strlen(lines) && memcmp(r->orders[i].lines, lines, r->orders[i].len) == 0)
            return true;
    return false;
}

#define RACE_001D "{\"loopsim\": 1, \"main\": [" \
    "{\"setTimeout\": [{\"console.log\": \"timeout\"}], \"delay\": 0}," \
    "{\"setImmediate\": [{\"console.log\": \"immediate\"}]}]}"

START_TEST(test_a_vm_outlives_the_programs_it_ran)
{
    /* The profile's VM is kept from run to run and from program to program (node/host.c), and
     * js_snapshot_program adds a program's names to its snapshot: a collection in a later
     * program's runs must not read an earlier program, freed by then (a use after free the
     * fuzzer found: run under the sanitizer build) */
    const char *first[] = {"setTimeout(() => console.log('a'), 0);\n",
                           "setImmediate(function named() { console.log('b'); });\n"};
    for (size_t k = 0; k < 2; k++) {
        ls_orders r = orders_of(first[k], "20", 2);
        ck_assert_uint_eq(r.n, 1);
        explore_free(&r);
    }
    ls_orders r = orders_of("const a = [];\n"
                            "for (let i = 0; i < 60000; i++) a.push({ i, s: 'x' + i });\n"
                            "setTimeout(() => console.log(a.length), 0);\n", "20", 2);
    ck_assert_uint_eq(r.n, 1);
    ck_assert(has_order(&r, "60000\n"));
    explore_free(&r);
}
END_TEST

START_TEST(test_timeout_vs_immediate_from_main_has_both_orders)
{
    /* R5.1: timeout first iff a loop-ms boundary falls between setTimeout and the first
     * timers phase: possible and not certain under the default ranges */
    ls_orders r = orders_of(RACE_001D, "20", 500);
    ck_assert_uint_eq(r.n, 2);
    ck_assert(r.complete);
    ck_assert(has_order(&r, "timeout\nimmediate\n"));
    ck_assert(has_order(&r, "immediate\ntimeout\n"));
    ck_assert_uint_eq(r.sampled_outside, 0);
    ck_assert_uint_eq(r.orders[0].samples + r.orders[1].samples, 500);
    explore_free(&r);
}
END_TEST

START_TEST(test_pinned_phase_makes_the_race_deterministic)
{
    /* with the clock pinned at 0.1 ms into its millisecond, ~0.2 ms of work cannot reach the
     * next boundary */
    ls_orders r = orders_of("{\"loopsim\": 1, \"timing\": {\"clock_phase_ms\": 0.1}, \"main\": ["
                            "{\"setTimeout\": [{\"console.log\": \"timeout\"}], \"delay\": 0},"
                            "{\"setImmediate\": [{\"console.log\": \"immediate\"}]}]}", "20", 100);
    ck_assert_uint_eq(r.n, 1);
    ck_assert(has_order(&r, "immediate\ntimeout\n"));
    ck_assert(r.orders[0].nominal);
    explore_free(&r);
}
END_TEST

START_TEST(test_timeout_vs_immediate_from_io_callback_is_deterministic)
{
    /* R5.2: from a poll-phase callback the check phase comes first, whatever the timing */
    ls_orders r = orders_of("{\"loopsim\": 1, \"main\": [{\"fs.stat\": ["
                            "{\"setTimeout\": [{\"console.log\": \"timeout\"}], \"delay\": 0},"
                            "{\"setImmediate\": [{\"console.log\": \"immediate\"}]}]}]}", "20", 200);
    ck_assert_uint_eq(r.n, 1);
    ck_assert(r.complete);
    ck_assert(has_order(&r, "immediate\ntimeout\n"));
    explore_free(&r);
}
END_TEST

START_TEST(test_three_concurrent_stats_can_complete_in_any_order)
{
    /* R7.1: four pool threads, latencies anywhere in their range: all 3! orders */
    ls_orders r = orders_of("{\"loopsim\": 1, \"main\": ["
                            "{\"fs.stat\": [{\"console.log\": \"a\"}]},"
                            "{\"fs.stat\": [{\"console.log\": \"b\"}]},"
                            "{\"fs.stat\": [{\"console.log\": \"c\"}]}]}", "20", 0);
    ck_assert_uint_eq(r.n, 6);
    ck_assert(r.complete);
    ck_assert(has_order(&r, "c\nb\na\n"));
    explore_free(&r);
}
END_TEST

START_TEST(test_pinned_latency_keeps_request_order)
{
    ls_orders r = orders_of("{\"loopsim\": 1, \"timing\": {\"io_latency_ms\": 0.2}, \"main\": ["
                            "{\"fs.stat\": [{\"console.log\": \"a\"}]},"
                            "{\"fs.stat\": [{\"console.log\": \"b\"}]}]}", "20", 0);
    ck_assert_uint_eq(r.n, 1);
    ck_assert(has_order(&r, "a\nb\n"));
    explore_free(&r);
}
END_TEST

START_TEST(test_fifth_request_waits_for_a_pool_thread)
{
    /* five stats, each pinned to 1 ms: the fifth starts only when a thread frees, so it
     * completes a whole latency after the first four */
    ls_orders r = orders_of("{\"loopsim\": 1, \"timing\": {\"io_latency_ms\": 1}, \"main\": ["
                            "{\"fs.stat\": [{\"console.log\": \"a\"}]},"
                            "{\"fs.stat\": [{\"console.log\": \"b\"}]},"
                            "{\"fs.stat\": [{\"console.log\": \"c\"}]},"
                            "{\"fs.stat\": [{\"console.log\": \"d\"}]},"
                            "{\"fs.stat\": [{\"console.log\": \"e\"}]},"
                            "{\"setTimeout\": [{\"console.log\": \"t\"}], \"delay\": 1}]}", "20", 0);
    ck_assert(r.complete);
    for (size_t i = 0; i < r.n; i++) {
        const char *e = memchr(r.orders[i].lines, 'e', r.orders[i].len);
        const char *d = memchr(r.orders[i].lines, 'd', r.orders[i].len);
        ck_assert(e && d && e > d);
    }
    explore_free(&r);
}
END_TEST

START_TEST(test_conditions_name_the_boundary_that_decides)
{
    ls_orders r = orders_of(RACE_001D, "20", 0);
    for (size_t i = 0; i < r.n; i++) {
        const ls_order *o = &r.orders[i];
        bool timeout_first = strncmp(o->lines, "timeout", 7) == 0;
        bool found = false;
        for (size_t c = 0; c < o->nconditions; c++)
            found |= strstr(o->conditions[c], timeout_first ? "a loop-ms boundary passes between"
                                                            : "no loop-ms boundary passes between")
                     != NULL && strstr(o->conditions[c], "timers phase") != NULL;
        ck_assert_msg(found, "order %zu has no condition on the timers phase", i);
    }
    explore_free(&r);
}
END_TEST

START_TEST(test_node10_same_phase_pickup_is_found)
{
    /* node10 (one uv timer per list): a timer whose callback busy-waits past another list's
     * expiry, then refreshes the loop time (setTimeout calls GetNow), lets that list run in the
     * same timers phase (uv__run_timers re-reads the heap) */
    ls_orders r = orders_of("{\"loopsim\": 1, \"main\": ["
                            "{\"setTimeout\": [{\"console.log\": \"A\"},"
                            " {\"setImmediate\": [{\"console.log\": \"I\"}]}, {\"busy\": 3},"
                            " {\"setTimeout\": [], \"delay\": 20}], \"delay\": 1},"
                            "{\"setTimeout\": [{\"console.log\": \"B\"}], \"delay\": 3}]}",
                            "10.7.0", 0);
    ck_assert(r.complete);
    ck_assert(has_order(&r, "A\nB\nI\n"));
    explore_free(&r);
}
END_TEST

START_TEST(test_next_fs_trip_queued_in_a_poll_batch_keeps_the_batch)
{
    /* a readFile's completion starts its next trip (the same request, re-queued) while the
     * poll phase is still running its batch: the other completions of the batch must still
     * run (found by the helper that wrote scenarios/races: stat, readFile, stat lost s2) */
    ls_orders r = orders_of("{\"loopsim\": 1, \"main\": ["
                            "{\"fs.stat\": [{\"console.log\": \"s1\"}]},"
                            "{\"fs.readFile\": [{\"console.log\": \"r1\"}]},"
                            "{\"fs.stat\": [{\"console.log\": \"s2\"}]}]}", "20", 100);
    ck_assert(r.complete);
    ck_assert_uint_gt(r.n, 1);
    for (size_t i = 0; i < r.n; i++) {
        ck_assert_uint_eq(r.orders[i].len, strlen("s1\nr1\ns2\n"));
        ck_assert_str_eq(r.orders[i].ending, "");
    }
    explore_free(&r);
}
END_TEST

START_TEST(test_search_stops_at_max_paths_and_says_so)
{
    ls_program *p = load("{\"loopsim\": 1, \"main\": ["
                         "{\"fs.stat\": [{\"console.log\": \"a\"}]},"
                         "{\"fs.stat\": [{\"console.log\": \"b\"}]},"
                         "{\"fs.stat\": [{\"console.log\": \"c\"}]}]}");
    const ls_profile *profile = profile_default();
    ls_costs costs = engine_default_costs(p, profile);
    ls_explore_options o = {2, 0, NULL, false, false, NULL, NULL, 1};
    ls_orders r;
    explore_orders(p, &costs, profile, &LIMITS, &o, &r);
    ck_assert(!r.complete);
    ck_assert_uint_eq(r.paths, 2);
    explore_free(&r);
    program_free(p);
}
END_TEST

/* n independent races: timer k (at 10k ms) queues an immediate that calls setTimeout(0) and
 * setImmediate, so "tk" and "ik" print in either order (R5.3), whatever the others did. */
static char *independent_races(int n)
{
    static char json[8192];
    size_t k = (size_t)snprintf(json, sizeof json, "{\"loopsim\": 1, \"main\": [");
    for (int i = 1; i <= n; i++)
        k += (size_t)snprintf(json + k, sizeof json - k,
                              "%s{\"setTimeout\": [{\"setImmediate\": [{\"setTimeout\": "
                              "[{\"console.log\": \"t%d\"}], \"delay\": 0}, {\"setImmediate\": "
                              "[{\"console.log\": \"i%d\"}]}]}], \"delay\": %d}",
                              i > 1 ? ", " : "", i, i, 10 * i);
    snprintf(json + k, sizeof json - k, "]}");
    return json;
}

static ls_orders orders_merging(const char *json, bool merge, uint64_t max_runs)
{
    ls_program *p = load(json);
    const ls_profile *profile = profile_for_version("20");
    ls_costs costs = engine_default_costs(p, profile);
    ls_explore_options o = {max_runs, 0, NULL, !merge, false, NULL, NULL, 1};
    ls_orders r;
    explore_orders(p, &costs, profile, &LIMITS, &o, &r);
    program_free(p);
    return r;
}

START_TEST(test_independent_races_are_counted_by_merging_states)
{
    /* 2^6 orders; merged states keep the runs far below the timing paths */
    ls_orders r = orders_merging(independent_races(6), true, 20000);
    ck_assert(r.complete);
    ck_assert_uint_eq(r.count, 64);
    ck_assert_uint_eq(r.n, 64);
    ck_assert(r.joins > 0);
    ck_assert(r.runs * 10 < r.paths);
    explore_free(&r);
}
END_TEST

START_TEST(test_merging_states_finds_what_exploring_every_path_finds)
{
    /* three races: the same orders, paths and conditions with and without merging */
    ls_orders a = orders_merging(independent_races(3), true, 20000);
    ls_orders b = orders_merging(independent_races(3), false, 20000);
    ck_assert(a.complete && b.complete);
    ck_assert_uint_eq(a.n, 8);
    ck_assert_uint_eq(b.n, 8);
    ck_assert_uint_eq(a.paths, b.paths);
    ck_assert_uint_eq(b.joins, 0);
    for (size_t i = 0; i < a.n; i++) {
        const ls_order *x = &a.orders[i], *y = NULL;
        for (size_t j = 0; j < b.n && !y; j++)
            if (b.orders[j].len == x->len && memcmp(b.orders[j].lines, x->lines, x->len) == 0)
                y = &b.orders[j];
        ck_assert_ptr_nonnull(y);
        ck_assert_uint_eq(x->paths, y->paths);
        ck_assert_uint_eq(x->nconditions, y->nconditions);
        for (size_t c = 0; c < x->nconditions; c++)
            ck_assert_str_eq(x->conditions[c], y->conditions[c]);
    }
    explore_free(&a);
    explore_free(&b);
}
END_TEST

/* The orders of `json` with `samples` sampled runs made by `jobs` processes. */
static ls_orders orders_with_jobs(const char *json, uint64_t samples, int jobs)
{
    ls_program *p = load(json);
    const ls_profile *profile = profile_for_version("20");
    ls_costs costs = engine_default_costs(p, profile);
    ls_explore_options o = {20000, samples, NULL, false, false, NULL, NULL, jobs};
    ls_orders r;
    explore_orders(p, &costs, profile, &LIMITS, &o, &r);
    program_free(p);
    return r;
}

START_TEST(test_sampling_in_worker_processes_gives_what_one_process_gives)
{
    /* three stats racing (six orders) beside four timeout-vs-immediate races: the orders, their
     * ranks, counts and flags are the same whether this process samples or three others do */
    char json[8192];
    snprintf(json, sizeof json, "%s", independent_races(4));
    json[strlen(json) - 2] = '\0'; /* reopen the main list */
    strcat(json, ", {\"fs.stat\": [{\"console.log\": \"a\"}]},"
                 "{\"fs.stat\": [{\"console.log\": \"b\"}]},"
                 "{\"fs.stat\": [{\"console.log\": \"c\"}]}]}");
    ls_orders one = orders_with_jobs(json, 300, 1);
    ls_orders four = orders_with_jobs(json, 300, 4);
    ck_assert(one.complete && four.complete);
    ck_assert_uint_eq(one.count, 96);
    ck_assert_uint_eq(one.samples, 300);
    ck_assert_uint_eq(four.samples, 300);
    ck_assert_uint_eq(one.sampled_outside, 0);
    ck_assert_uint_eq(four.sampled_outside, 0);
    ck_assert_uint_eq(one.n, four.n);
    for (size_t i = 0; i < one.n; i++) {
        const ls_order *x = &one.orders[i], *y = &four.orders[i];
        ck_assert_uint_eq(x->len, y->len);
        ck_assert(memcmp(x->lines, y->lines, x->len) == 0);
        ck_assert_str_eq(x->ending, y->ending);
        ck_assert_uint_eq(x->samples, y->samples);
        ck_assert_uint_eq(x->rank, y->rank);
        ck_assert_int_eq(x->nominal, y->nominal);
        ck_assert_int_eq(x->searched, y->searched);
    }
    explore_free(&one);
    explore_free(&four);
}
END_TEST

START_TEST(test_orders_beyond_those_listed_are_still_looked_up_exactly)
{
    /* 11 races: 2048 orders, more than are listed; every one can still be asked about */
    ls_orders r = orders_merging(independent_races(11), true, 200000);
    ck_assert(r.complete);
    ck_assert(!r.listed_all);
    ck_assert_uint_eq(r.count, 2048);
    char yes[256] = "", no[256] = "";
    for (int i = 1; i <= 11; i++) {
        char race[32];
        snprintf(race, sizeof race, "t%d\ni%d\n", i, i); /* every timeout first */
        strcat(yes, race);
        snprintf(race, sizeof race, "%s%d\n", i == 1 ? "i" : "t", i); /* i1 alone: none */
        strcat(no, race);
    }
    ck_assert(explore_holds(&r, yes, strlen(yes)));
    ck_assert(!explore_holds(&r, no, strlen(no)));
    explore_free(&r);
}
END_TEST

static Suite *explore_suite(void)
{
    Suite *s = suite_create("explore");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_timeout_vs_immediate_from_main_has_both_orders);
    tcase_add_test(tc, test_pinned_phase_makes_the_race_deterministic);
    tcase_add_test(tc, test_timeout_vs_immediate_from_io_callback_is_deterministic);
    tcase_add_test(tc, test_three_concurrent_stats_can_complete_in_any_order);
    tcase_add_test(tc, test_pinned_latency_keeps_request_order);
    tcase_add_test(tc, test_fifth_request_waits_for_a_pool_thread);
    tcase_add_test(tc, test_conditions_name_the_boundary_that_decides);
    tcase_add_test(tc, test_node10_same_phase_pickup_is_found);
    tcase_add_test(tc, test_next_fs_trip_queued_in_a_poll_batch_keeps_the_batch);
    tcase_add_test(tc, test_search_stops_at_max_paths_and_says_so);
    tcase_add_test(tc, test_independent_races_are_counted_by_merging_states);
    tcase_add_test(tc, test_merging_states_finds_what_exploring_every_path_finds);
    tcase_add_test(tc, test_orders_beyond_those_listed_are_still_looked_up_exactly);
    tcase_add_test(tc, test_sampling_in_worker_processes_gives_what_one_process_gives);
    tcase_add_test(tc, test_a_vm_outlives_the_programs_it_ran);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(explore_suite());
}
