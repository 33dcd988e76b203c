/* test_zlib.c - unit tests for Node's zlib module (src/process/node/zlib.c): the convenience
 * methods' pool trips (the data, the flush, one more per full 16 KiB output buffer), an error
 * ending the call at its trip, gunzip's members and padding, the Sync forms, the versions'
 * differences, and the compressed bytes loopsim does not show after Node 11.  One test per rule. */
#include <check.h>

#include "check_main.h"
#include "engine_harness.h"

START_TEST(test_gzip_is_two_pool_trips_so_a_request_queued_after_runs_between)
{
    const char *text = "process.env.UV_THREADPOOL_SIZE = 1;\n"
                       "require('zlib').gzip('abc', () => console.log('gzip'));\n"
                       "require('fs').stat(__filename, () => console.log('stat'));\n";
    expect_run(text, "stat gzip");
    expect_run_on("10.7.0", text, "stat gzip", 0, STOP_NONE);
    /* with two threads the stat runs beside the first trip and still comes first, and with the
     * stat queued first it is first either way */
    expect_run("process.env.UV_THREADPOOL_SIZE = 2;\n"
               "require('zlib').gzip('abc', () => console.log('gzip'));\n"
               "require('fs').stat(__filename, () => console.log('stat'));\n",
               "stat gzip");
}
END_TEST

START_TEST(test_the_callback_runs_in_a_later_poll_phase_after_the_immediate)
{
    expect_run("require('fs').stat(__filename, () => {\n"
               "  require('zlib').deflate('abc', (err, d) => console.log('deflate', err));\n"
               "  setImmediate(() => console.log('immediate'));\n"
               "});\n",
               "immediate deflate null");
}
END_TEST

START_TEST(test_each_full_output_buffer_is_one_more_trip)
{
    /* 40,000 bytes out of gunzip: 16 KiB, 16 KiB, the rest, the flush (4 trips recorded); with
     * a 64 KiB chunkSize: the data and the flush */
    const char *text = "process.env.UV_THREADPOOL_SIZE = 1;\n"
                       "const zlib = require('zlib');\n"
                       "const big = zlib.gzipSync('x'.repeat(40000));\n"
                       "zlib.gunzip(big, %s(e, o) => console.log('big', o.length));\n"
                       "zlib.gunzip(zlib.gzipSync('y'), (e, o) => console.log('small'));\n";
    char buf[512];
    snprintf(buf, sizeof buf, text, "");
    expect_run(buf, "small big 40000");
    snprintf(buf, sizeof buf, text, "{ chunkSize: 65536 }, ");
    expect_run(buf, "big 40000 small");
    ck_assert_int_eq(records_of("20", "const z = require('zlib');\n"
                                "z.gunzip(z.gzipSync('x'.repeat(40000)), () => {});",
                                "zlib.gunzip"), 4);
}
END_TEST

START_TEST(test_an_error_ends_the_call_at_its_trip_with_zlibs_words)
{
    /* bad data fails in the first trip: before a stat queued after it on one thread */
    const char *text = "process.env.UV_THREADPOOL_SIZE = 1;\n"
                       "require('zlib').gunzip('not gzip', (err, out) => console.log(err.message, "
                       "err.code, err.errno, out));\n"
                       "require('fs').stat(__filename, () => console.log('stat'));\n";
    expect_run(text, "incorrect header check Z_DATA_ERROR -3 undefined stat");
    expect_run_on("10.7.0", text, "incorrect header check Z_DATA_ERROR -3 undefined stat", 0,
                  STOP_NONE);
    /* an empty input: two trips, then zlib's Z_BUF_ERROR under Z_FINISH */
    expect_run("require('zlib').inflate('', (err) => console.log(err.message, err.code));\n",
               "unexpected end of file Z_BUF_ERROR");
}
END_TEST

START_TEST(test_gunzip_reads_every_member_and_takes_zeros_as_padding)
{
    /* two members, then zero bytes; trailing bytes that are neither fail */
    const char *text = "const zlib = require('zlib');\n"
                       "const hex = zlib.gzipSync('one ').toString('hex') + "
                       "zlib.gzipSync('two').toString('hex');\n"
                       "zlib.gunzip(Buffer.from(hex + '0000', 'hex'), (e, o) => {\n"
                       "  console.log(e, o.toString());\n"
                       "  zlib.gunzip(Buffer.from(hex + '4142', 'hex'), (e) => "
                       "console.log(e.message));\n"
                       "});\n";
    expect_run_on("10.7.0", text, "null 'one two' incorrect header check", 0, STOP_NONE);
}
END_TEST

START_TEST(test_the_sync_forms_run_at_once_and_throw)
{
    expect_run("const zlib = require('zlib');\n"
               "setTimeout(() => console.log('timeout'), 0);\n"
               "console.log(zlib.inflateSync(zlib.deflateSync('abc')).toString());\n"
               "try { zlib.unzipSync('xyz'); } catch (e) { console.log(e.code); }\n",
               "abc Z_DATA_ERROR timeout");
}
END_TEST

START_TEST(test_a_missing_callback_throws_from_node_12_and_is_refused_before)
{
    const char *text = "try { require('zlib').gzip('a'); }\n"
                       "catch (e) { console.log(e.code + ': ' + e.message); }\n";
    expect_run(text, "ERR_INVALID_ARG_TYPE: The \"callback\" argument must be of type function. "
                     "Received undefined");
    expect_run_on("10.7.0", text, "", 0, STOP_BAD_INPUT);
}
END_TEST

START_TEST(test_compressed_bytes_are_shown_on_node_10_and_refused_from_12)
{
    const char *text = "const zlib = require('zlib');\n"
                       "const g = zlib.gzipSync('hello hello hello');\n"
                       "console.log(zlib.gunzipSync(g).toString());\n"
                       "console.log(g.length, g.toString('base64'));\n";
    expect_run_on("10.7.0", text,
                  "hello hello hello 28 'H4sIAAAAAAAAA8tIzcnJV8hAkACAiPnlEQAAAA=='", 0, STOP_NONE);
    ls_program *p = load(text);
    ls_engine *e = engine_for(p);
    engine_run(e);
    ck_assert_int_eq(e->stop, STOP_BAD_INPUT);
    ck_assert_msg(strstr(e->stop_message, ":4:") &&
                  strstr(e->stop_message, "does not model the length of zlib.gzipSync's output"),
                  "%s", e->stop_message);
    ck_assert_str_eq(output_of(e), "hello hello hello");
    engine_free(e);
    program_free(p);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("zlib");
    TCase *t = tcase_create("zlib");
    tcase_add_test(t, test_gzip_is_two_pool_trips_so_a_request_queued_after_runs_between);
    tcase_add_test(t, test_the_callback_runs_in_a_later_poll_phase_after_the_immediate);
    tcase_add_test(t, test_each_full_output_buffer_is_one_more_trip);
    tcase_add_test(t, test_an_error_ends_the_call_at_its_trip_with_zlibs_words);
    tcase_add_test(t, test_gunzip_reads_every_member_and_takes_zeros_as_padding);
    tcase_add_test(t, test_the_sync_forms_run_at_once_and_throw);
    tcase_add_test(t, test_a_missing_callback_throws_from_node_12_and_is_refused_before);
    tcase_add_test(t, test_compressed_bytes_are_shown_on_node_10_and_refused_from_12);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
