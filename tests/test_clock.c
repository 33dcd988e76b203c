/* test_clock.c - unit tests for the virtual clock (src/process/clock.c) and its zone (src/base/dbm.c), one
 * test per rule.
 *
 * libuv keeps loop->time in whole ms, truncated from the monotonic clock, refreshed only by
 * uv__update_time; Node's GetNow() refreshes it first (shared/reference R3.4).  With costs as
 * ranges, "now" is a zone and every question about loop-ms with several possible answers is a
 * decision taken by an oracle. */
#include <check.h>

#include "check_main.h"
#include <stdlib.h>

#include "clock.h"
#include "dbm.h"

#define US(x) ((int64_t)(x) * 1000)

static void init_at(ls_clock *c, double phase_ms)
{
    clock_init(c, CLOCK_NOMINAL, cost_point(phase_ms), 0);
}

static uint64_t hrtime_ms(const ls_clock *c)
{
    return (uint64_t)(clock_now_ns(c) / LS_NS_PER_MS);
}

/* An oracle that takes answer `pick` (clamped) and remembers how many there were. */
typedef struct {
    ls_oracle base;
    int pick;
    int calls, last_n;
    int notes;
} test_oracle;

static int test_choose(ls_oracle *o, int n, const char *const *statements)
{
    (void)statements;
    test_oracle *t = (test_oracle *)o;
    t->calls++;
    t->last_n = n;
    return t->pick < n ? t->pick : n - 1;
}

static void test_note(ls_oracle *o, const char *statement)
{
    (void)statement;
    ((test_oracle *)o)->notes++;
}

static void init_ranges(ls_clock *c, test_oracle *t, int pick)
{
    ls_cost phase = {0.5, 0.0, 0.999, 0, 0};
    clock_init(c, CLOCK_RANGES, phase, 0);
    t->base.choose = test_choose;
    t->base.note = test_note;
    t->pick = pick;
    t->calls = t->last_n = t->notes = 0;
    c->oracle = &t->base;
}

START_TEST(test_clock_starts_inside_ms_zero_at_its_phase)
{
    ls_clock c;
    init_at(&c, 0.25);
    ck_assert_int_eq(clock_now_ns(&c), 250000);
    ck_assert_int_eq(clock_elapsed_ns(&c), 0);
    ck_assert_uint_eq(clock_now(&c), 0);
}
END_TEST

START_TEST(test_clock_phase_is_clamped_into_one_ms)
{
    ls_clock c;
    init_at(&c, -0.3);
    ck_assert_int_eq(clock_now_ns(&c), 0);
    init_at(&c, 1.0);
    ck_assert_int_eq(clock_now_ns(&c), LS_NS_PER_MS - 1);
    ck_assert_uint_eq(hrtime_ms(&c), 0); /* the process still starts inside ms 0 */
}
END_TEST

START_TEST(test_clock_loop_time_is_truncated_ms)
{
    ls_clock c;
    init_at(&c, 0.5);
    clock_spend_exact(&c, US(499)); /* 0.999 ms on the monotonic clock */
    ck_assert_uint_eq(clock_get_now(&c, "t"), 0);
    clock_spend_exact(&c, 999); /* 0.999999 ms */
    ck_assert_uint_eq(clock_get_now(&c, "t"), 0);
    clock_spend_exact(&c, 1); /* exactly 1 ms */
    ck_assert_uint_eq(clock_get_now(&c, "t"), 1);
    clock_spend_exact(&c, US(2999)); /* 3.999 ms */
    ck_assert_uint_eq(clock_get_now(&c, "t"), 3);
}
END_TEST

START_TEST(test_clock_now_is_cached_until_update)
{
    /* uv_now() reads loop->time as of the last uv__update_time. */
    ls_clock c;
    init_at(&c, 0.5);
    clock_spend_exact(&c, 5 * LS_NS_PER_MS);
    ck_assert_uint_eq(hrtime_ms(&c), 5);
    ck_assert_uint_eq(clock_now(&c), 0);
    clock_update_time(&c, "t");
    ck_assert_uint_eq(clock_now(&c), 5);
    clock_spend_exact(&c, 3 * LS_NS_PER_MS);
    ck_assert_uint_eq(clock_now(&c), 5);
    ck_assert(clock_reached(&c, 5));
    ck_assert(!clock_reached(&c, 6));
}
END_TEST

START_TEST(test_get_now_refreshes_cached_loop_time)
{
    /* Environment::GetNow = uv_update_time + uv_now: a later uv_now sees the refreshed value. */
    ls_clock c;
    init_at(&c, 0.5);
    clock_spend_exact(&c, 7 * LS_NS_PER_MS);
    ck_assert_uint_eq(clock_now(&c), 0);
    ck_assert_uint_eq(clock_get_now(&c, "t"), 7);
    ck_assert_uint_eq(clock_now(&c), 7);
}
END_TEST

START_TEST(test_ms_to_ns_rounds_to_nearest_ns)
{
    ck_assert_int_eq(clock_ms_to_ns(0), 0);
    ck_assert_int_eq(clock_ms_to_ns(1), LS_NS_PER_MS);
    ck_assert_int_eq(clock_ms_to_ns(0.1), 100000); /* 0.1 is not exact in binary */
    ck_assert_int_eq(clock_ms_to_ns(0.0000004), 0);
    ck_assert_int_eq(clock_ms_to_ns(0.0000006), 1);
    ck_assert_int_eq(clock_ms_to_ns(3600000), INT64_C(3600000000000));
}
END_TEST

START_TEST(test_many_small_costs_cross_the_boundary_when_they_sum_to_it)
{
    /* Ten 0.1 ms steps from phase 0 reach 1 ms exactly: no drift from float rounding. */
    ls_clock c;
    init_at(&c, 0.0);
    for (int i = 0; i < 10; i++) {
        ck_assert_uint_eq(clock_get_now(&c, "t"), 0);
        clock_spend(&c, cost_point(0.1));
    }
    ck_assert_uint_eq(clock_get_now(&c, "t"), 1);
}
END_TEST

START_TEST(test_nominal_spend_uses_the_nominal_value)
{
    ls_clock c;
    init_at(&c, 0.0);
    ls_cost log = {0.1, 0.03, 0.24, 0, 0};
    clock_spend(&c, log);
    ck_assert_int_eq(clock_now_ns(&c), 100000);
}
END_TEST

START_TEST(test_sampled_spend_draws_inside_the_range_reproducibly)
{
    ls_clock a, b;
    ls_cost phase = {0.5, 0.0, 0.999, 0, 0}, log = {0.1, 0.03, 0.24, 0, 0};
    clock_init(&a, CLOCK_SAMPLED, phase, 42);
    clock_init(&b, CLOCK_SAMPLED, phase, 42);
    for (int i = 0; i < 100; i++) {
        int64_t before = clock_now_ns(&a);
        clock_spend(&a, log);
        clock_spend(&b, log);
        int64_t step = clock_now_ns(&a) - before;
        ck_assert_int_ge(step, 30000);
        ck_assert_int_le(step, 240000);
    }
    ck_assert_int_eq(clock_now_ns(&a), clock_now_ns(&b)); /* same seed, same draws */
}
END_TEST

START_TEST(test_sampled_tail_is_rare_and_inside_the_range)
{
    /* costs.def: a row with a tail draws from [lo, tail] except its share (here 2%) of draws */
    ls_clock c;
    ls_cost phase = {0.5, 0.0, 0.999, 0, 0}, wake = {0.05, 0.01, 3.0, 0.3, 0.02};
    clock_init(&c, CLOCK_SAMPLED, phase, 7);
    int tail = 0, n = 20000;
    for (int i = 0; i < n; i++) {
        int64_t lo, hi;
        clock_cost_ns(&c, wake, &lo, &hi);
        ck_assert_int_eq(lo, hi);
        ck_assert_int_ge(lo, 10000);
        ck_assert_int_le(lo, 3000000);
        tail += lo > 300000;
    }
    ck_assert_int_gt(tail, n * wake.share / 2);
    ck_assert_int_lt(tail, n * wake.share * 2);
}
END_TEST

START_TEST(test_point_zone_never_asks_the_oracle)
{
    ls_clock c;
    test_oracle t;
    init_ranges(&c, &t, 0);
    ls_cost phase = cost_point(0.3);
    clock_init(&c, CLOCK_RANGES, phase, 0);
    c.oracle = &t.base;
    clock_spend(&c, cost_point(0.8));
    ck_assert_uint_eq(clock_get_now(&c, "t"), 1);
    ck_assert_int_eq(t.calls, 0);
}
END_TEST

START_TEST(test_read_straddling_a_boundary_is_a_decision_of_two_answers)
{
    /* The clock anywhere in [0, 0.999] ms plus 0.1 ms: loop-ms 0 or 1. */
    for (int pick = 0; pick < 2; pick++) {
        ls_clock c;
        test_oracle t;
        init_ranges(&c, &t, pick);
        clock_spend(&c, cost_point(0.1));
        ck_assert_uint_eq(clock_get_now(&c, "t"), (uint64_t)pick);
        ck_assert_int_eq(t.calls, 1);
        ck_assert_int_eq(t.last_n, 2);
        /* the zone now holds the answer: the same read is no decision */
        ck_assert_uint_eq(clock_get_now(&c, "t"), (uint64_t)pick);
        ck_assert_int_eq(t.calls, 1);
    }
}
END_TEST

START_TEST(test_decided_read_constrains_later_reads)
{
    /* Read 0 after 0.1 ms means the phase was below 0.9 ms; 0.05 ms later, ms 1 is still
     * possible; but after reading 1 at +0.1, a read 0.5 ms later can only be 1. */
    ls_clock c;
    test_oracle t;
    init_ranges(&c, &t, 0);
    clock_spend(&c, cost_point(0.1));
    ck_assert_uint_eq(clock_get_now(&c, "t"), 0);
    t.pick = 1;
    clock_spend(&c, cost_point(0.1));
    ck_assert_uint_eq(clock_get_now(&c, "t"), 1); /* a boundary fell in this 0.1 ms */
    int calls = t.calls;
    clock_spend(&c, cost_point(0.5));
    ck_assert_uint_eq(clock_get_now(&c, "t"), 1); /* now within [1.0, 1.6): forced */
    ck_assert_int_eq(t.calls, calls);
}
END_TEST

START_TEST(test_lazy_refresh_decides_only_when_read)
{
    /* uv__update_time with no one reading loop->time afterwards is no decision. */
    ls_clock c;
    test_oracle t;
    init_ranges(&c, &t, 0);
    clock_spend(&c, cost_point(0.1));
    clock_update_time(&c, "t");
    clock_update_time(&c, "t");
    ck_assert_int_eq(t.calls, 0);
    ck_assert(!clock_reached(&c, 2)); /* impossible: forced, no decision */
    ck_assert_int_eq(t.calls, 0);
    ck_assert(!clock_reached(&c, 1)); /* possible either way: a decision, answer 0 = no */
    ck_assert_int_eq(t.calls, 1);
    ck_assert_uint_eq(clock_now(&c), 0); /* consistent with the answer, forced */
    ck_assert_int_eq(t.calls, 1);
}
END_TEST

START_TEST(test_reading_keeps_its_instant_while_time_moves_on)
{
    ls_clock c;
    test_oracle t;
    init_ranges(&c, &t, 1);
    clock_spend(&c, cost_point(0.1));
    ls_reading r = clock_read(&c, "timers");
    clock_spend(&c, cost_point(5)); /* callbacks run; the reading stays where it was */
    ck_assert(!clock_reading_reached(&c, &r, 3));
    ck_assert_int_eq(t.calls, 0);
    ck_assert(clock_reading_reached(&c, &r, 1)); /* the oracle says yes */
    ck_assert_uint_eq(clock_reading_ms(&c, &r), 1);
    clock_reading_done(&c, &r);
}
END_TEST

START_TEST(test_wait_for_a_timer_ends_at_its_ms_plus_the_fraction)
{
    /* epoll_wait(due - loop->time) from a refresh at now: the wait ends at due plus now's
     * fraction of a ms, whichever ms the refresh read: no decision */
    ls_clock c;
    test_oracle t;
    init_ranges(&c, &t, 0); /* now anywhere in [0, 0.999] ms */
    ls_cost work = {0.25, 0.0, 0.5, 0, 0};
    clock_spend(&c, work); /* [0, 1.499]: any fraction of a ms */
    clock_update_time(&c, "poll");
    ck_assert(clock_wait_until(&c, 5, cost_point(0)));
    ck_assert_int_eq(t.calls, 0);
    ck_assert_int_eq(clock_now_ns(&c), 5 * LS_NS_PER_MS);
    ck_assert_int_eq(dbm_max(&c.zone, DBM_NOW), 6 * LS_NS_PER_MS - 1);
    /* within one ms, the wait keeps now's relation: exactly due - k ms */
    ls_cost phase = cost_point(0.25);
    clock_init(&c, CLOCK_RANGES, phase, 0);
    c.oracle = &t.base;
    clock_update_time(&c, "poll");
    ck_assert(clock_wait_until(&c, 3, cost_point(0)));
    ck_assert_int_eq(clock_now_ns(&c), 3 * LS_NS_PER_MS + 250000);
    /* fractions in two pieces with a gap between: not one interval, the caller decides */
    init_ranges(&c, &t, 0);
    clock_spend(&c, cost_point(0.5)); /* [0.5, 1.499]: fractions [0.5, 1) and [0, 0.499] */
    clock_update_time(&c, "poll");
    ck_assert(!clock_wait_until(&c, 5, cost_point(0)));
}
END_TEST

START_TEST(test_dbm_advance_by_range_widens_now)
{
    ls_dbm d;
    dbm_init(&d, 100, 200);
    dbm_advance(&d, 10, 50);
    ck_assert_int_eq(dbm_min(&d, DBM_NOW), 110);
    ck_assert_int_eq(dbm_max(&d, DBM_NOW), 250);
}
END_TEST

START_TEST(test_dbm_event_keeps_its_offset_from_its_start)
{
    /* x = now + [5, 7]; then now moves on by [1, 2]: x - now is in [3, 6]. */
    ls_dbm d;
    dbm_init(&d, 0, 0);
    int x = dbm_add(&d, DBM_NOW, 5, 7);
    ck_assert_int_ge(x, 2);
    dbm_advance(&d, 1, 2);
    ck_assert(dbm_allows(&d, x, DBM_NOW, 3));   /* x - now <= 3 possible */
    ck_assert(!dbm_allows(&d, x, DBM_NOW, 2));  /* x - now <= 2 impossible */
    ck_assert(dbm_allows(&d, DBM_NOW, x, -6));  /* now - x <= -6 possible */
    ck_assert(!dbm_allows(&d, DBM_NOW, x, -7));
}
END_TEST

START_TEST(test_dbm_constraint_tightens_related_instants)
{
    /* two events from one instant, [0, 10] apart in latency; saying the second finishes first
     * bounds the first from below through it. */
    ls_dbm d;
    dbm_init(&d, 0, 0);
    int a = dbm_add(&d, DBM_NOW, 0, 10);
    dbm_advance(&d, 2, 2);
    int b = dbm_add(&d, DBM_NOW, 0, 10);
    ck_assert(dbm_constrain(&d, b, a, -1)); /* b < a */
    ck_assert_int_ge(dbm_min(&d, a), 3);     /* a > b >= 2 */
    ck_assert(!dbm_constrain(&d, a, DBM_ZERO, 2)); /* a <= 2 is now impossible */
}
END_TEST

START_TEST(test_dbm_assign_moves_now_to_an_instant)
{
    ls_dbm d;
    dbm_init(&d, 0, 0);
    int x = dbm_add(&d, DBM_NOW, 4, 6);
    dbm_assign(&d, DBM_NOW, x);
    dbm_drop(&d, x);
    ck_assert_int_eq(dbm_min(&d, DBM_NOW), 4);
    ck_assert_int_eq(dbm_max(&d, DBM_NOW), 6);
}
END_TEST

static Suite *clock_suite(void)
{
    Suite *s = suite_create("clock");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_clock_starts_inside_ms_zero_at_its_phase);
    tcase_add_test(tc, test_clock_phase_is_clamped_into_one_ms);
    tcase_add_test(tc, test_clock_loop_time_is_truncated_ms);
    tcase_add_test(tc, test_clock_now_is_cached_until_update);
    tcase_add_test(tc, test_get_now_refreshes_cached_loop_time);
    tcase_add_test(tc, test_ms_to_ns_rounds_to_nearest_ns);
    tcase_add_test(tc, test_many_small_costs_cross_the_boundary_when_they_sum_to_it);
    tcase_add_test(tc, test_nominal_spend_uses_the_nominal_value);
    tcase_add_test(tc, test_sampled_spend_draws_inside_the_range_reproducibly);
    tcase_add_test(tc, test_sampled_tail_is_rare_and_inside_the_range);
    tcase_add_test(tc, test_point_zone_never_asks_the_oracle);
    tcase_add_test(tc, test_read_straddling_a_boundary_is_a_decision_of_two_answers);
    tcase_add_test(tc, test_decided_read_constrains_later_reads);
    tcase_add_test(tc, test_lazy_refresh_decides_only_when_read);
    tcase_add_test(tc, test_reading_keeps_its_instant_while_time_moves_on);
    tcase_add_test(tc, test_wait_for_a_timer_ends_at_its_ms_plus_the_fraction);
    tcase_add_test(tc, test_dbm_advance_by_range_widens_now);
    tcase_add_test(tc, test_dbm_event_keeps_its_offset_from_its_start);
    tcase_add_test(tc, test_dbm_constraint_tightens_related_instants);
    tcase_add_test(tc, test_dbm_assign_moves_now_to_an_instant);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(clock_suite());
}
