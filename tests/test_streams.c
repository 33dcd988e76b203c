/* test_streams.c - unit tests for fs.createReadStream and fs.createWriteStream (the prelude's
 * src/process/node/prelude/fs_streams.js over fs.c's fsRead and fsWritev): the requests a
 * stream makes, where its events come, what its data is, and the versions that have it.  One
 * test per rule. */
#include <check.h>

#include "check_main.h"
#include "engine_harness.h"

START_TEST(test_a_read_stream_is_open_one_read_per_chunk_and_a_last_empty_read_then_close)
{
    /* a 1000-byte file with highWaterMark 400: open, reads of 400, 400, 200 and 0, close */
    const char *text =
        "const fs = require('fs');\n"
        "fs.writeFileSync('f', 'x'.repeat(1000));\n"
        "fs.createReadStream('f', { highWaterMark: 400 }).on('data', () => {});\n";
    ck_assert_int_eq(records_of("20", text, "fs.open"), 1);
    ck_assert_int_eq(records_of("20", text, "fs.read"), 4);
    ck_assert_int_eq(records_of("20", text, "fs.close"), 1);
}
END_TEST

START_TEST(test_data_comes_in_the_reads_completion_and_end_from_a_tick_after_the_last_read)
{
    /* each 'data' is its own poll-phase callback: an immediate queued in one runs before the
     * next; 'end' and 'close' after the last chunk's immediate */
    expect_run("const fs = require('fs');\n"
               "fs.writeFileSync('f', 'abcdef');\n"
               "const rs = fs.createReadStream('f', { highWaterMark: 4, encoding: 'utf8' });\n"
               "rs.on('data', (c) => { console.log(c); setImmediate(() => console.log('i' + c)); });\n"
               "rs.on('end', () => console.log('end'));\n"
               "rs.on('close', () => console.log('close'));\n",
               "abcd iabcd ef ief end close");
}
END_TEST

START_TEST(test_a_character_split_between_chunks_waits_for_the_next_chunk)
{
    /* 'é' is two bytes: with highWaterMark 1 the decoder holds the first byte back */
    expect_run("const fs = require('fs');\n"
               "fs.writeFileSync('f', 'aé');\n"
               "const parts = [];\n"
               "const rs = fs.createReadStream('f', { highWaterMark: 1, encoding: 'utf8' });\n"
               "rs.on('data', (c) => parts.push(c));\n"
               "rs.on('end', () => console.log(JSON.stringify(parts)));\n",
               "[\"a\",\"é\"]");
}
END_TEST

START_TEST(test_writes_before_the_open_go_as_one_writev_and_end_cb_runs_before_finish)
{
    const char *text =
        "const fs = require('fs');\n"
        "const ws = fs.createWriteStream('o');\n"
        "ws.write('a'); ws.write('b');\n"
        "ws.on('finish', () => console.log('finish'));\n"
        "ws.end('c', () => console.log('end cb'));\n"
        "ws.on('close', () => console.log(fs.readFileSync('o', 'utf8')));\n";
    expect_run(text, "end cb finish abc");
    ck_assert_int_eq(records_of("20", text, "fs.writev"), 1);
    ck_assert_int_eq(records_of("20", text, "fs.write"), 0);
}
END_TEST

START_TEST(test_finish_after_the_last_write_comes_from_a_tick_from_20_10)
{
    const char *text =
        "const fs = require('fs');\n"
        "const ws = fs.createWriteStream('o');\n"
        "ws.on('finish', () => console.log('finish'));\n"
        "ws.on('open', () => {\n"
        "  ws.write('a', () => process.nextTick(() => console.log('tick')));\n"
        "  ws.end();\n"
        "});\n";
    expect_run_on("16", text, "finish tick", 0, STOP_NONE);
    expect_run_on("20.9.0", text, "finish tick", 0, STOP_NONE);
    expect_run_on("20.10.0", text, "tick finish", 0, STOP_NONE);
    expect_run_on("22", text, "tick finish", 0, STOP_NONE);
}
END_TEST

START_TEST(test_a_missing_file_gives_error_then_close_and_no_open)
{
    expect_run("const fs = require('fs');\n"
               "const rs = fs.createReadStream('missing');\n"
               "rs.on('open', () => console.log('open'));\n"
               "rs.on('error', (e) => console.log(e.code));\n"
               "rs.on('close', () => console.log('close'));\n",
               "ENOENT close");
}
END_TEST

START_TEST(test_before_15_a_failed_open_emits_error_without_close)
{
    /* the legacy stream's destroy() waits for an 'open' that never comes */
    const char *text = "const rs = require('fs').createReadStream('missing');\n"
                       "rs.on('error', (e) => console.log(e.code));\n"
                       "rs.on('close', () => console.log('close'));\n";
    expect_run_on("10.7.0", text, "ENOENT", 0, STOP_NONE);
    expect_run_on("14", text, "ENOENT", 0, STOP_NONE);
    expect_run_on("15", text, "ENOENT close", 0, STOP_NONE);
}
END_TEST

START_TEST(test_before_15_end_cb_is_a_finish_listener_after_those_already_there)
{
    const char *text =
        "const fs = require('fs');\n"
        "const ws = fs.createWriteStream('o');\n"
        "ws.on('finish', () => console.log('finish'));\n"
        "ws.end('x', () => console.log('end cb'));\n";
    expect_run_on("12.22.12", text, "finish end cb", 0, STOP_NONE);
    expect_run_on("14", text, "finish end cb", 0, STOP_NONE);
    expect_run_on("15", text, "end cb finish", 0, STOP_NONE);
}
END_TEST

START_TEST(test_an_empty_write_stream_finishes_before_its_open_before_12_13_and_13)
{
    const char *text =
        "const fs = require('fs');\n"
        "const ws = fs.createWriteStream('o');\n"
        "ws.on('open', () => console.log('open'));\n"
        "ws.on('finish', () => console.log('finish'));\n"
        "ws.end();\n";
    expect_run_on("10.7.0", text, "finish open", 0, STOP_NONE);
    expect_run_on("12.12.0", text, "finish open", 0, STOP_NONE);
    expect_run_on("12.13.0", text, "open finish", 0, STOP_NONE);
    expect_run_on("13", text, "open finish", 0, STOP_NONE);
    expect_run_on("16", text, "open finish", 0, STOP_NONE);
}
END_TEST

START_TEST(test_destroy_waits_for_the_read_in_flight_from_13_4_and_12_16)
{
    /* one pool thread: the stat asked for after destroy() is served before the close only
     * when the close waits for the read in flight */
    const char *text =
        "process.env.UV_THREADPOOL_SIZE = '1';\n"
        "const fs = require('fs');\n"
        "fs.writeFileSync('f', 'x'.repeat(100));\n"
        "const rs = fs.createReadStream('f', { highWaterMark: 16 });\n"
        "let first = true;\n"
        "rs.on('data', () => {\n"
        "  if (!first) return;\n"
        "  first = false;\n"
        "  setImmediate(() => { rs.destroy(); fs.stat('f', () => console.log('stat')); });\n"
        "});\n"
        "rs.on('close', () => console.log('close'));\n";
    expect_run_on("12.15.0", text, "close stat", 0, STOP_NONE);
    expect_run_on("12.16.0", text, "stat close", 0, STOP_NONE);
    expect_run_on("13.3.0", text, "close stat", 0, STOP_NONE);
    expect_run_on("13.4.0", text, "stat close", 0, STOP_NONE);
    expect_run_on("20", text, "stat close", 0, STOP_NONE);
}
END_TEST

START_TEST(test_pending_is_there_from_11_2_and_10_16)
{
    const char *text = "console.log(require('fs').createReadStream(__filename).pending);\n";
    expect_run_on("10.15.0", text, "undefined", 0, STOP_NONE);
    expect_run_on("10.16.0", text, "true", 0, STOP_NONE);
    expect_run_on("11.1.0", text, "undefined", 0, STOP_NONE);
    expect_run_on("11.2.0", text, "true", 0, STOP_NONE);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("streams");
    TCase *t = tcase_create("streams");
    tcase_add_test(t, test_a_read_stream_is_open_one_read_per_chunk_and_a_last_empty_read_then_close);
    tcase_add_test(t, test_data_comes_in_the_reads_completion_and_end_from_a_tick_after_the_last_read);
    tcase_add_test(t, test_a_character_split_between_chunks_waits_for_the_next_chunk);
    tcase_add_test(t, test_writes_before_the_open_go_as_one_writev_and_end_cb_runs_before_finish);
    tcase_add_test(t, test_finish_after_the_last_write_comes_from_a_tick_from_20_10);
    tcase_add_test(t, test_a_missing_file_gives_error_then_close_and_no_open);
    tcase_add_test(t, test_before_15_a_failed_open_emits_error_without_close);
    tcase_add_test(t, test_before_15_end_cb_is_a_finish_listener_after_those_already_there);
    tcase_add_test(t, test_an_empty_write_stream_finishes_before_its_open_before_12_13_and_13);
    tcase_add_test(t, test_destroy_waits_for_the_read_in_flight_from_13_4_and_12_16);
    tcase_add_test(t, test_pending_is_there_from_11_2_and_10_16);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
