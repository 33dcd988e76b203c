/* test_fanout.c - unit tests for src/base/fanout.c: work spread over forked processes, its
 * results handed back in item order, as one process would have made them. */
#include <check.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check_main.h"
#include "fanout.h"

/* item i: "v<i mod m>" as data, "note<i mod 3>" as note, status i mod 5, code i; the workers
 * take different times (items divisible by 7 sleep), so results arrive out of order */
typedef struct {
    int modulo;           /* distinct data values */
    int64_t decline_at;   /* the item a worker declines (-1: none) */
    int64_t crash_at;     /* the item a worker dies on (-1: none) */
} spec;

static bool compute(void *ctx, uint64_t item, fanout_result *r)
{
    const spec *s = ctx;
    if ((int64_t)item == s->decline_at)
        return false;
    if ((int64_t)item == s->crash_at)
        raise(SIGKILL);
    if (item % 7 == 0) {
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
    }
    char buf[64];
    snprintf(buf, sizeof buf, "v%llu", (unsigned long long)(item % (uint64_t)s->modulo));
    r->data = strdup(buf);
    r->len = strlen(buf);
    snprintf(buf, sizeof buf, "note%llu", (unsigned long long)(item % 3));
    r->note = strdup(buf);
    r->status = (int)(item % 5);
    r->code = (int)item;
    return true;
}

static void expect_item(fanout *f, uint64_t i, const spec *s)
{
    fanout_result got, want;
    ck_assert(fanout_get(f, i, &got));
    ck_assert(compute((void *)s, i, &want));
    ck_assert_uint_eq(got.len, want.len);
    ck_assert_str_eq(got.data, want.data);
    ck_assert_str_eq(got.note, want.note);
    ck_assert_int_eq(got.status, want.status);
    ck_assert_int_eq(got.code, want.code);
    free(got.data);
    free(got.note);
    free(want.data);
    free(want.note);
}

START_TEST(test_results_come_back_in_item_order_whatever_order_workers_finish)
{
    spec s = {1000, -1, -1};
    fanout *f = fanout_start(100, 3, compute, &s);
    ck_assert_ptr_nonnull(f);
    for (uint64_t i = 0; i < 100; i++)
        expect_item(f, i, &s);
    ck_assert_uint_eq(fanout_received(f), 100);
    fanout_end(f);
}
END_TEST

START_TEST(test_a_result_sent_again_by_number_is_the_same_result)
{
    /* two distinct data values over 200 items: each worker sends each value's bytes once */
    spec s = {2, -1, -1};
    fanout *f = fanout_start(200, 2, compute, &s);
    for (uint64_t i = 0; i < 200; i++)
        expect_item(f, i, &s);
    fanout_end(f);
}
END_TEST

/* Takes items 0..n-1 of two workers: those of worker `lost` (item % 2) from item `from` on are
 * not sent; every other item is, and right. */
static void expect_lost_from(fanout *f, uint64_t n, const spec *s, uint64_t lost, uint64_t from)
{
    for (uint64_t i = 0; i < n; i++) {
        fanout_result r;
        if (i % 2 == lost && i >= from)
            ck_assert(!fanout_get(f, i, &r));
        else
            expect_item(f, i, s);
    }
}

START_TEST(test_a_declined_item_ends_its_worker_but_not_the_others)
{
    /* worker 1 of 2 (odd items) declines item 41: 41, 43, ... are not sent; even items are */
    spec s = {1000, 41, -1};
    fanout *f = fanout_start(60, 2, compute, &s);
    expect_lost_from(f, 60, &s, 1, 41);
    fanout_end(f);
}
END_TEST

START_TEST(test_a_worker_that_dies_loses_its_items_and_nothing_else)
{
    spec s = {1000, -1, 10};
    fanout *f = fanout_start(30, 2, compute, &s);
    expect_lost_from(f, 30, &s, 0, 10);
    fanout_end(f);
}
END_TEST

START_TEST(test_more_workers_than_items_and_no_items_at_all)
{
    spec s = {1000, -1, -1};
    fanout *f = fanout_start(3, 8, compute, &s);
    for (uint64_t i = 0; i < 3; i++)
        expect_item(f, i, &s);
    fanout_result r;
    ck_assert(!fanout_get(f, 3, &r)); /* past the end */
    fanout_end(f);
    f = fanout_start(0, 2, compute, &s);
    ck_assert(!fanout_get(f, 0, &r));
    fanout_end(f);
}
END_TEST

START_TEST(test_ending_early_stops_workers_still_running)
{
    /* 100000 items, two taken: fanout_end must not wait for the rest */
    spec s = {1000, -1, -1};
    fanout *f = fanout_start(100000, 2, compute, &s);
    expect_item(f, 0, &s);
    expect_item(f, 1, &s);
    fanout_end(f);
}
END_TEST

START_TEST(test_no_fanout_means_the_caller_computes)
{
    fanout_result r;
    ck_assert(!fanout_get(NULL, 0, &r));
    ck_assert_uint_eq(fanout_received(NULL), 0);
    fanout_poll(NULL);
    fanout_end(NULL);
    ck_assert_ptr_null(fanout_start(10, 0, compute, NULL));
    ck_assert_int_ge(fanout_cores(), 1);
}
END_TEST

START_TEST(test_buffered_output_is_not_written_twice)
{
    /* what the parent has buffered for stdout is flushed before the fork, not copied into a
     * worker that writes it again at its exit */
    int fds[2];
    ck_assert_int_eq(pipe(fds), 0);
    FILE *out = fdopen(fds[1], "w");
    setvbuf(out, NULL, _IOFBF, 4096);
    fputs("once\n", out);
    spec s = {1000, -1, -1};
    fanout *f = fanout_start(4, 2, compute, &s);
    for (uint64_t i = 0; i < 4; i++)
        expect_item(f, i, &s);
    fanout_end(f);
    fclose(out);
    char buf[64] = "";
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    ck_assert_int_eq(n, 5);
    ck_assert_str_eq(buf, "once\n");
    close(fds[0]);
}
END_TEST

static Suite *fanout_suite(void)
{
    Suite *s = suite_create("fanout");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_results_come_back_in_item_order_whatever_order_workers_finish);
    tcase_add_test(tc, test_a_result_sent_again_by_number_is_the_same_result);
    tcase_add_test(tc, test_a_declined_item_ends_its_worker_but_not_the_others);
    tcase_add_test(tc, test_a_worker_that_dies_loses_its_items_and_nothing_else);
    tcase_add_test(tc, test_more_workers_than_items_and_no_items_at_all);
    tcase_add_test(tc, test_ending_early_stops_workers_still_running);
    tcase_add_test(tc, test_no_fanout_means_the_caller_computes);
    tcase_add_test(tc, test_buffered_output_is_not_written_twice);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(fanout_suite());
}
