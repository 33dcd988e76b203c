/* test_crypto.c - unit tests for Node's crypto module (src/process/node/crypto.c): each
 * asynchronous call one thread-pool job, its callback in the poll phase, the job's work from the
 * cost rows, the pool shared with fs, the versions' differences, and the bytes loopsim does not
 * compute.  One test per rule. */
#include <check.h>

#include "check_main.h"
#include "engine_harness.h"

START_TEST(test_pbkdf2_is_one_pool_job_whose_callback_runs_in_the_poll_phase)
{
    /* its tick and promise right after it, before the check phase's immediate */
    expect_run("const crypto = require('crypto');\n"
               "crypto.pbkdf2('pw', 'salt', 1, 64, 'sha512', (err, key) => {\n"
               "  console.log('key', err, key.length);\n"
               "  setImmediate(() => console.log('immediate'));\n"
               "  process.nextTick(() => console.log('tick'));\n"
               "  Promise.resolve().then(() => console.log('promise'));\n"
               "});\n",
               "key null 64 tick promise immediate");
    ck_assert_int_eq(records_of("20", "require('crypto').pbkdf2('pw', 's', 1, 8, 'sha1', "
                                "() => {});", "crypto.pbkdf2"), 1);
}
END_TEST

START_TEST(test_a_jobs_work_is_iterations_times_blocks_times_the_digests_cost)
{
    /* nominal costs: a round trip of 0.2 ms plus 10 x 0.68 ms (sha512, one 64-byte block) is
     * about 7 ms; two blocks (keylen 65) about 13.8 ms; sha1 with one 20-byte block 3.4 ms */
    const char *timers = "setTimeout(() => console.log('5 ms'), 5);\n"
                         "setTimeout(() => console.log('10 ms'), 10);\n"
                         "setTimeout(() => console.log('20 ms'), 20);\n";
    static const struct {
        const char *call, *want;
    } cases[] = {
        {"pbkdf2('pw', 's', 10000, 64, 'sha512', ", "5 ms job 10 ms 20 ms"},
        {"pbkdf2('pw', 's', 10000, 65, 'sha512', ", "5 ms 10 ms job 20 ms"},
        {"pbkdf2('pw', 's', 10000, 20, 'SHA1', ", "job 5 ms 10 ms 20 ms"},
        /* scrypt's defaults: 51 ms; N = 1024: a sixteenth */
        {"scrypt('pw', 's', 16, { N: 1024 }, ", "job 5 ms 10 ms 20 ms"},
        {"scrypt('pw', 's', 16, ", "5 ms 10 ms 20 ms job"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[1024];
        snprintf(text, sizeof text, "%srequire('crypto').%s() => console.log('job'));\n", timers,
                 cases[i].call);
        expect_run(text, cases[i].want);
    }
}
END_TEST

START_TEST(test_crypto_jobs_and_fs_requests_share_one_pool_first_queued_first)
{
    expect_run("process.env.UV_THREADPOOL_SIZE = 1;\n"
               "const crypto = require('crypto');\n"
               "crypto.pbkdf2('pw', 's', 50000, 64, 'sha512', () => console.log('pbkdf2'));\n"
               "require('fs').stat(__filename, () => console.log('stat'));\n"
               "crypto.randomBytes(4, (err, b) => console.log('random', b.length));\n",
               "pbkdf2 stat random 4");
    /* with two threads the stat does not wait for the long job */
    expect_run("process.env.UV_THREADPOOL_SIZE = 2;\n"
               "const crypto = require('crypto');\n"
               "crypto.pbkdf2('pw', 's', 50000, 64, 'sha512', () => console.log('pbkdf2'));\n"
               "require('fs').stat(__filename, () => console.log('stat'));\n",
               "stat pbkdf2");
}
END_TEST

START_TEST(test_random_bytes_of_zero_calls_back_at_once_from_node_15)
{
    const char *text = "let returned = false;\n"
                       "require('crypto').randomBytes(0, () => console.log(returned));\n"
                       "returned = true;\n";
    expect_run_on("14", text, "true", 0, STOP_NONE);
    expect_run_on("15", text, "false", 0, STOP_NONE);
    expect_run_on("20", text, "false", 0, STOP_NONE);
}
END_TEST

START_TEST(test_the_sync_forms_spend_the_work_on_the_main_thread)
{
    /* 20,000 iterations of sha512: about 13.6 ms before the loop starts, so the timer is due
     * at the first timers phase, before the check phase's immediate */
    expect_run("setImmediate(() => console.log('immediate'));\n"
               "setTimeout(() => console.log('timeout'), 0);\n"
               "const key = require('crypto').pbkdf2Sync('pw', 's', 20000, 64, 'sha512');\n"
               "console.log(key.length);\n",
               "64 timeout immediate");
}
END_TEST

START_TEST(test_the_bytes_of_a_derived_key_stop_the_run_but_its_length_does_not)
{
    expect_run_ending("require('crypto').pbkdf2('pw', 's', 1, 8, 'sha1', (err, key) => {\n"
                      "  console.log(key.toString('hex'));\n"
                      "});\n",
                      "", 0, STOP_BAD_INPUT);
    ls_program *p = load("const crypto = require('crypto');\n"
                         "console.log(crypto.randomBytes(3).length);\n"
                         "console.log(crypto.randomBytes(3));\n");
    ls_engine *e = engine_for(p);
    engine_run(e);
    ck_assert_int_eq(e->stop, STOP_BAD_INPUT);
    ck_assert_msg(strstr(e->stop_message, ":3:") &&
                  strstr(e->stop_message, "does not model the bytes of crypto.randomBytes's"),
                  "%s", e->stop_message);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_a_digest_left_out_is_reported_before_the_callback_as_worded)
{
    const char *text = "try { require('crypto').pbkdf2('pw', 's', 1, 8, () => {}); }\n"
                       "catch (e) { console.log(e.code + ': ' + e.message); }\n";
    expect_run_on("10.7.0", text, "ERR_INVALID_ARG_TYPE: The \"digest\" argument must be one of "
                  "type string or null. Received type undefined", 0, STOP_NONE);
    expect_run_on("12.22.12", text, "ERR_INVALID_ARG_TYPE: The \"digest\" argument must be of "
                  "type string or null. Received undefined", 0, STOP_NONE);
    expect_run_on("20", text, "ERR_INVALID_ARG_TYPE: The \"digest\" argument must be of type "
                  "string. Received undefined", 0, STOP_NONE);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("crypto");
    TCase *t = tcase_create("crypto");
    tcase_add_test(t, test_pbkdf2_is_one_pool_job_whose_callback_runs_in_the_poll_phase);
    tcase_add_test(t, test_a_jobs_work_is_iterations_times_blocks_times_the_digests_cost);
    tcase_add_test(t, test_crypto_jobs_and_fs_requests_share_one_pool_first_queued_first);
    tcase_add_test(t, test_random_bytes_of_zero_calls_back_at_once_from_node_15);
    tcase_add_test(t, test_the_sync_forms_spend_the_work_on_the_main_thread);
    tcase_add_test(t, test_the_bytes_of_a_derived_key_stop_the_run_but_its_length_does_not);
    tcase_add_test(t, test_a_digest_left_out_is_reported_before_the_callback_as_worded);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
