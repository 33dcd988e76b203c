/* test_clock.c - unit tests for the virtual clock (src/clock.c), one test per rule.
 *
 * libuv keeps loop->time in whole ms, truncated from the monotonic clock, refreshed only by
 * uv__update_time; Node's GetNow() refreshes it first (shared/reference R3.4). */
#include <check.h>

#include "check_main.h"
#include <stdlib.h>

#include "clock.h"

#define US(x) ((int64_t)(x) * 1000)

START_TEST(test_clock_starts_at_zero_inside_ms_zero)
{
    ls_clock c;
    clock_init(&c, 0.25);
    ck_assert_int_eq(c.now_ns, 0);
    ck_assert_int_eq(c.phase_ns, 250000);
    ck_assert_uint_eq(clock_now(&c), 0);
    ck_assert_uint_eq(clock_hrtime_ms(&c), 0);
}
END_TEST

START_TEST(test_clock_phase_is_clamped_into_one_ms)
{
    ls_clock c;
    clock_init(&c, -0.3);
    ck_assert_int_eq(c.phase_ns, 0);
    clock_init(&c, 1.0);
    ck_assert_int_eq(c.phase_ns, LS_NS_PER_MS - 1);
    ck_assert_uint_eq(clock_hrtime_ms(&c), 0); /* the process still starts inside ms 0 */
    clock_init(&c, 0.9999999);
    ck_assert_int_eq(c.phase_ns, LS_NS_PER_MS - 1); /* rounds to 1e6 ns, clamped back */
}
END_TEST

START_TEST(test_clock_loop_time_is_truncated_ms)
{
    ls_clock c;
    clock_init(&c, 0.5);
    clock_advance(&c, US(499)); /* 0.999 ms on the monotonic clock */
    ck_assert_uint_eq(clock_get_now(&c), 0);
    clock_advance(&c, 999); /* 0.999999 ms */
    ck_assert_uint_eq(clock_get_now(&c), 0);
    clock_advance(&c, 1); /* exactly 1 ms */
    ck_assert_uint_eq(clock_get_now(&c), 1);
    clock_advance(&c, US(2999)); /* 3.999 ms */
    ck_assert_uint_eq(clock_get_now(&c), 3);
}
END_TEST

START_TEST(test_clock_hrtime_includes_phase)
{
    ls_clock c;
    clock_init(&c, 0.9);
    clock_advance(&c, US(100)); /* 0.9 + 0.1 = 1.0 ms */
    ck_assert_uint_eq(clock_hrtime_ms(&c), 1);
    clock_init(&c, 0.0);
    clock_advance(&c, US(999));
    ck_assert_uint_eq(clock_hrtime_ms(&c), 0);
}
END_TEST

START_TEST(test_clock_now_is_cached_until_update)
{
    /* uv_now() reads loop->time as of the last uv__update_time. */
    ls_clock c;
    clock_init(&c, 0.5);
    clock_advance(&c, 5 * LS_NS_PER_MS);
    ck_assert_uint_eq(clock_hrtime_ms(&c), 5);
    ck_assert_uint_eq(clock_now(&c), 0);
    clock_update_time(&c);
    ck_assert_uint_eq(clock_now(&c), 5);
    clock_advance(&c, 3 * LS_NS_PER_MS);
    ck_assert_uint_eq(clock_now(&c), 5);
}
END_TEST

START_TEST(test_get_now_refreshes_cached_loop_time)
{
    /* Environment::GetNow = uv_update_time + uv_now: a later uv_now sees the refreshed value. */
    ls_clock c;
    clock_init(&c, 0.5);
    clock_advance(&c, 7 * LS_NS_PER_MS);
    ck_assert_uint_eq(clock_now(&c), 0);
    ck_assert_uint_eq(clock_get_now(&c), 7);
    ck_assert_uint_eq(clock_now(&c), 7);
    ck_assert_uint_eq(c.loop_time, 7);
}
END_TEST

START_TEST(test_clock_never_goes_backwards)
{
    ls_clock c;
    clock_init(&c, 0.5);
    clock_advance(&c, US(1500));
    clock_advance(&c, -US(1000));
    clock_advance(&c, 0);
    ck_assert_int_eq(c.now_ns, US(1500));
    ck_assert_uint_eq(clock_get_now(&c), 2);
}
END_TEST

START_TEST(test_ns_until_ms_reaches_the_boundary_exactly)
{
    ls_clock c;
    clock_init(&c, 0.5);
    int64_t d = clock_ns_until_ms(&c, 1);
    ck_assert_int_eq(d, US(500));
    clock_advance(&c, d - 1);
    ck_assert_uint_eq(clock_hrtime_ms(&c), 0);
    clock_advance(&c, 1);
    ck_assert_uint_eq(clock_hrtime_ms(&c), 1);
    ck_assert_int_eq(clock_ns_until_ms(&c, 1), 0); /* already there */
    ck_assert_int_eq(clock_ns_until_ms(&c, 0), 0); /* already past */
    ck_assert_int_eq(clock_ns_until_ms(&c, 4), 3 * LS_NS_PER_MS);
}
END_TEST

START_TEST(test_ms_to_ns_rounds_to_nearest_ns)
{
    ck_assert_int_eq(clock_ms_to_ns(0), 0);
    ck_assert_int_eq(clock_ms_to_ns(1), LS_NS_PER_MS);
    ck_assert_int_eq(clock_ms_to_ns(0.1), 100000);    /* 0.1 is not exact in binary */
    ck_assert_int_eq(clock_ms_to_ns(0.005), 5000);
    ck_assert_int_eq(clock_ms_to_ns(0.0000004), 0);
    ck_assert_int_eq(clock_ms_to_ns(0.0000006), 1);
    ck_assert_int_eq(clock_ms_to_ns(2.5), 2500000);
    ck_assert_int_eq(clock_ms_to_ns(3600000), INT64_C(3600000000000));
}
END_TEST

START_TEST(test_many_small_costs_cross_the_boundary_when_they_sum_to_it)
{
    /* Ten 0.1 ms steps from phase 0 reach 1 ms exactly: no drift from float rounding. */
    ls_clock c;
    clock_init(&c, 0.0);
    for (int i = 0; i < 10; i++) {
        ck_assert_uint_eq(clock_get_now(&c), 0);
        clock_advance(&c, clock_ms_to_ns(0.1));
    }
    ck_assert_uint_eq(clock_get_now(&c), 1);
}
END_TEST

static Suite *clock_suite(void)
{
    Suite *s = suite_create("clock");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_clock_starts_at_zero_inside_ms_zero);
    tcase_add_test(tc, test_clock_phase_is_clamped_into_one_ms);
    tcase_add_test(tc, test_clock_loop_time_is_truncated_ms);
    tcase_add_test(tc, test_clock_hrtime_includes_phase);
    tcase_add_test(tc, test_clock_now_is_cached_until_update);
    tcase_add_test(tc, test_get_now_refreshes_cached_loop_time);
    tcase_add_test(tc, test_clock_never_goes_backwards);
    tcase_add_test(tc, test_ns_until_ms_reaches_the_boundary_exactly);
    tcase_add_test(tc, test_ms_to_ns_rounds_to_nearest_ns);
    tcase_add_test(tc, test_many_small_costs_cross_the_boundary_when_they_sum_to_it);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(clock_suite());
}
