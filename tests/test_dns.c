/* test_dns.c - unit tests for dns.lookup (src/process/node/dns.c): an address is a tick, a name
 * a thread-pool job in the poll phase, libuv's bound on slow jobs, names refused.  One test per
 * rule. */
#include <check.h>

#include "check_main.h"
#include "engine_harness.h"

START_TEST(test_an_address_comes_back_through_a_tick_before_the_promise_jobs)
{
    expect_run("const dns = require('dns');\n"
               "Promise.resolve().then(() => console.log('promise'));\n"
               "dns.lookup('127.0.0.1', (e, a, f) => console.log(a, f));\n"
               "process.nextTick(() => console.log('tick'));\n",
               "127.0.0.1 4 tick promise");
}
END_TEST

START_TEST(test_localhost_is_one_pool_job_whose_callback_runs_in_the_poll_phase)
{
    expect_run("require('dns').lookup('localhost', (e, a, f) => {\n"
               "  setImmediate(() => console.log('immediate'));\n"
               "  process.nextTick(() => console.log('tick'));\n"
               "  console.log(e, a, f);\n"
               "});\n"
               "setTimeout(() => console.log('timeout'), 30);\n",
               "null 127.0.0.1 4 tick immediate timeout");
    ck_assert_int_eq(records_of("20", "require('dns').lookup('localhost', () => {});",
                                "dns.lookup"), 1);
}
END_TEST

START_TEST(test_more_slow_jobs_than_half_the_threads_are_refused)
{
    /* 4 threads: 2 getaddrinfo jobs at once; 8 threads: 4 */
    const char *three = "const dns = require('dns');\n"
                        "for (let i = 0; i < 3; i++) dns.lookup('localhost', () => {});\n";
    expect_run_ending(three, "", 0, STOP_BAD_INPUT);
    char text[256];
    snprintf(text, sizeof text, "process.env.UV_THREADPOOL_SIZE = 8;\n%s"
             "console.log('three');\n", three);
    expect_run(text, "three");
}
END_TEST

START_TEST(test_a_name_other_than_localhost_is_refused_by_name)
{
    ls_program *p = load("require('dns').lookup('example.com', () => {});");
    ls_engine *e = engine_for(p);
    engine_run(e);
    ck_assert_int_eq(e->stop, STOP_BAD_INPUT);
    ck_assert_ptr_nonnull(strstr(e->stop_message, "dns.lookup('example.com')"));
    engine_free(e);
    program_free(p);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("dns");
    TCase *t = tcase_create("dns");
    tcase_add_test(t, test_an_address_comes_back_through_a_tick_before_the_promise_jobs);
    tcase_add_test(t, test_localhost_is_one_pool_job_whose_callback_runs_in_the_poll_phase);
    tcase_add_test(t, test_more_slow_jobs_than_half_the_threads_are_refused);
    tcase_add_test(t, test_a_name_other_than_localhost_is_refused_by_name);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
