/* test_fs.c - unit tests for Node's fs module over the virtual file system (src/process/node/fs.c):
 * how many thread-pool trips each call makes, what happens between them, the file system's
 * state, the descriptors, the errors, and the versions.  One test per rule. */
#include <check.h>

#include "check_main.h"
#include "engine_harness.h"

static int trips_on(const char *version, const char *text, const char *api)
{
    return records_of(version, text, api);
}

static int trips_of(const char *text, const char *api)
{
    return trips_on("20", text, api);
}

START_TEST(test_readfile_of_a_small_file_is_four_trips_and_of_a_missing_one_is_one)
{
    /* every trip but the last is a callback of Node's own, the last the program's */
    ck_assert_int_eq(trips_of("require('fs').readFile(__filename, () => {});", "fs.readFile"), 4);
    ck_assert_int_eq(trips_of("require('fs').readFile('nope', () => {});", "fs.readFile"), 1);
}
END_TEST

START_TEST(test_readfile_reads_once_per_chunk_of_its_version)
{
    /* a 600,000-byte file: 74 reads of 8 KiB before Node 12, 2 of 512 KiB from 12 (R7.2) */
    const char *text =
        "const fs = require('fs');\n"
        "fs.writeFileSync('big', 'x'.repeat(600000));\n"
        "fs.readFile('big', (err, b) => console.log(b.length));\n";
    ls_program *p = load(text);
    const char *versions[] = {"10.7.0", "20"};
    int want[] = {3 + 74, 3 + 2};
    for (int v = 0; v < 2; v++) {
        ls_engine *e = engine_for_profile(p, profile_for_version(versions[v]));
        e->out.recording = true;
        engine_run(e);
        ck_assert_str_eq(output_of(e), "600000");
        int n = 0;
        for (size_t i = 0; i < e->out.nrecords; i++)
            if (strcmp(e->out.records[i].api, "fs.readFile") == 0)
                n++;
        ck_assert_msg(n == want[v], "on %s: %d trips, expected %d", versions[v], n, want[v]);
        engine_free(e);
    }
    program_free(p);
}
END_TEST

START_TEST(test_writefile_is_open_write_close_and_its_data_is_there_after)
{
    ck_assert_int_eq(trips_of("require('fs').writeFile('f', 'x', () => {});", "fs.writeFile"), 3);
    expect_run("const fs = require('fs');\n"
               "fs.writeFile('f', 'ab', (err) => {\n"
               "  console.log(err, fs.readFileSync('f', 'utf8'));\n"
               "  fs.appendFile('f', 'c', () => console.log(fs.readFileSync('f', 'utf8')));\n"
               "});\n",
               "null ab abc");
}
END_TEST

START_TEST(test_a_new_file_is_empty_until_written)
{
    /* a new file has no data: reading it, and writing nothing or something to it (the fuzz
     * suite found a memcpy from a NULL pointer here, under UBSan) */
    expect_run("const fs = require('fs');\n"
               "fs.writeFileSync('e', '');\n"
               "console.log(fs.readFileSync('e', 'utf8').length, fs.statSync('e').size);\n"
               "fs.writeFileSync('f', 'y');\n"
               "fs.readFile('e', (err, b) => console.log(err, b.length, fs.readFileSync('f', 'utf8')));\n",
               "0 0 null 0 y");
}
END_TEST

START_TEST(test_each_trip_completes_in_a_poll_phase_so_a_check_phase_comes_between)
{
    /* a chain of immediates counts iterations: stat (1 trip) is done before readFile (4) */
    expect_run("const fs = require('fs');\n"
               "let n = 0; const tick = () => { n++; if (n < 50) setImmediate(tick); };\n"
               "setImmediate(tick);\n"
               "fs.readFile(__filename, () => console.log('readFile', n >= 3));\n"
               "fs.stat(__filename, () => console.log('stat'));\n",
               "stat readFile true");
}
END_TEST

START_TEST(test_a_trip_effect_lands_when_it_completes_not_when_called)
{
    /* one pool thread: readFile's open, then the unlink queued behind it, then readFile's
     * fstat, read and close on the descriptor it holds (an unlinked file stays readable
     * through it, POSIX unlink(2)) */
    expect_run("process.env.UV_THREADPOOL_SIZE = 1;\n"
               "const fs = require('fs');\n"
               "fs.writeFileSync('f', 'x');\n"
               "fs.readFile('f', 'utf8', (err, s) => console.log(err, s));\n"
               "fs.unlink('f', () => console.log('unlinked', fs.existsSync('f')));\n",
               "unlinked false null x");
}
END_TEST

START_TEST(test_errors_are_uv_exceptions_with_code_syscall_and_path)
{
    expect_run("const fs = require('fs');\n"
               "fs.stat('nope', (e) => console.log(e.message, e.errno, e.code, e.syscall, e.path));\n"
               "try { fs.rmdirSync('.'); } catch (e) { console.log(e.code); }\n"
               "try { fs.mkdirSync('a/b'); } catch (e) { console.log(e.code, e.syscall); }\n"
               "fs.rename('nope', 'other', (e) => console.log(e.message));\n",
               "ENOTEMPTY ENOENT mkdir "
               "ENOENT: no such file or directory, stat 'nope' -2 ENOENT stat nope "
               "ENOENT: no such file or directory, rename 'nope' -> 'other'");
}
END_TEST

START_TEST(test_descriptors_are_the_lowest_free_from_the_versions_first)
{
    expect_run_on("10.7.0", "const fs = require('fs');\n"
                  "const a = fs.openSync(__filename, 'r'), b = fs.openSync(__filename, 'r');\n"
                  "fs.closeSync(a);\n"
                  "console.log(a, b, fs.openSync(__filename, 'r'));\n",
                  "10 11 10", 0, STOP_NONE);
    expect_run_on("22", "const fs = require('fs');\n"
                  "console.log(fs.openSync(__filename));\n"
                  "console.log(fs.openSync(__filename));\n",
                  "20 22", 0, STOP_NONE); /* the first console.log opened stdout's pipe */
}
END_TEST

START_TEST(test_a_missing_callback_throws_as_the_version_words_it)
{
    const char *text = "try { require('fs').stat('x'); } catch (e) { console.log(e.code, e.message); }";
    expect_run_on("10.7.0", text, "ERR_INVALID_CALLBACK Callback must be a function", 0,
                  STOP_NONE);
    expect_run_on("16", text, "ERR_INVALID_CALLBACK Callback must be a function. Received "
                  "undefined", 0, STOP_NONE);
    expect_run_on("20", text, "ERR_INVALID_ARG_TYPE The \"cb\" argument must be of type "
                  "function. Received undefined", 0, STOP_NONE);
}
END_TEST

START_TEST(test_internal_errors_are_named_and_coded_as_the_version_makes_them)
{
    /* lib/internal/errors.js: the stack says "TypeError [CODE]" everywhere; before 12 the name
     * does too and the code is no own property (console.log shows no { code }) */
    const char *text = "try { require('fs').stat('x'); } catch (e) {\n"
                       "  console.log(e.name, Object.keys(e).join(','), e.stack.split('\\n')[0]);\n"
                       "}\n";
    expect_run_on("10.7.0", text, "TypeError [ERR_INVALID_CALLBACK]  TypeError "
                  "[ERR_INVALID_CALLBACK]: Callback must be a function", 0, STOP_NONE);
    expect_run_on("20", text, "TypeError code TypeError [ERR_INVALID_ARG_TYPE]: The \"cb\" "
                  "argument must be of type function. Received undefined", 0, STOP_NONE);
}
END_TEST

START_TEST(test_writesync_to_stdout_is_output_in_program_order)
{
    expect_run("const fs = require('fs');\n"
               "console.log('a'); fs.writeSync(1, 'b\\nc'); fs.writeSync(process.stdout.fd, 'd\\n');\n",
               "a b cd");
}
END_TEST

/* `text` run with the pool's start and warm-up, and every round trip, set to points */
static void expect_with_pool(const char *text, double start, double warmup, double trip,
                             const char *want)
{
    ls_program *p = load(text);
    ls_costs costs = engine_default_costs(p, profile_default());
    costs.pool_start = cost_point(start);
    costs.pool_warmup = cost_point(warmup);
    costs.io_latency = cost_point(trip);
    ls_engine *e = engine_new(p, &costs, profile_default(), &LIMITS);
    engine_run(e);
    ck_assert_str_eq(output_of(e), want);
    engine_free(e);
    program_free(p);
}

START_TEST(test_the_first_request_starts_the_pool_and_waits_for_its_warm_up)
{
    /* pool_start_ms is spent by the caller; a request made before the warm-up ends completes
     * its latency after it, in the order made; one made after, its latency after it is made */
    const char *text = "const fs = require('fs'), seen = [];\n"
                       "const t = performance.now();\n"
                       "fs.stat(__filename, () => seen.push('first'));\n"
                       "seen.push(Math.round(performance.now() - t));\n"
                       "fs.stat(__filename, () => {\n"
                       "  seen.push('second');\n"
                       "  fs.stat(__filename, () => seen.push('third'));\n"
                       "  setTimeout(() => seen.push('timer 2'), 2);\n"
                       "});\n"
                       "setTimeout(() => seen.push('timer 10'), 10);\n"
                       "process.on('exit', () => console.log(seen.join(' ')));\n";
    expect_with_pool(text, 20, 30, 1, "20 timer 10 first second third timer 2");
    expect_with_pool(text, 20, 0.1, 1, "20 first second third timer 2 timer 10");
}
END_TEST

START_TEST(test_uv_threadpool_size_is_read_when_the_pool_starts)
{
    /* one thread: the second request waits for the first (done at 10 and 20 ms, a 15 ms timer
     * between them); set after the first request, it is too late: both run at once */
    const char *text = "const fs = require('fs'), seen = [];\n"
                       "%s"
                       "fs.stat(__filename, () => seen.push('first'));\n"
                       "%s"
                       "fs.stat(__filename, () => seen.push('second'));\n"
                       "setTimeout(() => seen.push('timer'), 15);\n"
                       "process.on('exit', () => console.log(seen.join(' ')));\n";
    char before[512], after[512];
    snprintf(before, sizeof before, text, "process.env.UV_THREADPOOL_SIZE = '1';\n", "");
    snprintf(after, sizeof after, text, "", "process.env.UV_THREADPOOL_SIZE = '1';\n");
    expect_with_pool(before, 0.1, 0.1, 10, "first timer second");
    expect_with_pool(after, 0.1, 0.1, 10, "first second timer");
    expect_run_ending("process.env.UV_THREADPOOL_SIZE = 64;\n"
                      "require('fs').stat(__filename, () => {});\n", "", 0, STOP_BAD_INPUT);
}
END_TEST

START_TEST(test_requests_beyond_the_pool_threads_wait_and_each_thread_takes_the_next_as_it_frees)
{
    /* 1,000 stats of 100 ms on 4 threads: waves done at 100, 200, 300, ... ms.  The first
     * callback keeps the loop busy until about 450 ms, but the threads go on (a thread takes the
     * queue's head when its request is done, not when the loop sees it), so the next poll phase
     * takes the three waves done by then at once, before the timer of 470 ms (it would see 8 if
     * a thread waited for the loop); the last wave is done at 25,000 ms.  Waiting requests are
     * not instants of the timing model: there is no limit of 77 requests in flight. */
    const char *text = "const fs = require('fs'), seen = [];\n"
                       "let done = 0;\n"
                       "for (let i = 0; i < 1000; i++)\n"
                       "  fs.stat(__filename, () => {\n"
                       "    if (++done === 1) { const t = Date.now(); while (Date.now() - t < 350); }\n"
                       "  });\n"
                       "setTimeout(() => seen.push('at 470: ' + done), 470);\n"
                       "setTimeout(() => seen.push('at 24900: ' + done), 24900);\n"
                       "setTimeout(() => seen.push('at 25100: ' + done), 25100);\n"
                       "process.on('exit', () => console.log(seen.join(', ')));\n";
    expect_with_pool(text, 0.1, 0.1, 100, "at 470: 16, at 24900: 996, at 25100: 1000");
}
END_TEST

START_TEST(test_readdir_lists_the_virtual_directory_sorted)
{
    expect_run("const fs = require('fs');\n"
               "fs.mkdirSync('d'); fs.writeFileSync('d/b', ''); fs.mkdirSync('d/a');\n"
               "fs.readdir('d', (e, names) => {\n"
               "  console.log(names.join(','));\n"
               "  fs.readdir('d/b', (e) => console.log(e.code));\n"
               "});\n",
               "a,b ENOTDIR");
}
END_TEST

START_TEST(test_promises_readfile_reads_until_nothing_before_14_and_to_the_size_from_14)
{
    const char *text = "require('fs').promises.readFile(__filename).then(() => {});";
    ck_assert_int_eq(trips_on("12.22.12", text, "fs.promises.readFile"), 5);
    ck_assert_int_eq(trips_on("14", text, "fs.promises.readFile"), 4);
    ck_assert_int_eq(trips_on("20", text, "fs.promises.readFile"), 4);
    /* writeFile: open, write, close; with no data no write from 14 (and before) */
    ck_assert_int_eq(trips_on("20", "require('fs').promises.writeFile('f', 'x');",
                              "fs.promises.writeFile"), 3);
    ck_assert_int_eq(trips_on("20", "require('fs').promises.writeFile('f', '');",
                              "fs.promises.writeFile"), 2);
}
END_TEST

START_TEST(test_promises_settle_in_the_last_trips_completion_before_the_check_phase)
{
    expect_run("const fsp = require('fs').promises;\n"
               "setImmediate(() => console.log('immediate'));\n"
               "fsp.stat(__filename).then((s) => {\n"
               "  process.nextTick(() => console.log('tick'));\n"
               "  console.log('stat', s.isFile());\n"
               "});\n"
               "console.log('main');\n",
               "main stat true tick immediate");
}
END_TEST

START_TEST(test_promises_reject_where_the_callback_form_throws_or_calls_back_an_error)
{
    expect_run("const fsp = require('fs').promises;\n"
               "const p = fsp.stat(42);\n"
               "console.log(p instanceof Promise);\n"
               "p.catch((e) => console.log(e.code));\n"
               "fsp.readFile('nope').catch((e) => console.log(e.code, e.syscall));\n",
               "true ERR_INVALID_ARG_TYPE ENOENT open");
}
END_TEST

START_TEST(test_reading_fs_promises_warns_once_through_a_tick_before_11_14_and_10_17)
{
    const char *text = "process.on('warning', (w) => console.log(w.name));\n"
                       "const fs = require('fs');\n"
                       "fs.promises; fs.promises;\n"
                       "console.log('main');\n";
    expect_run_on("10.7.0", text, "main ExperimentalWarning", 0, STOP_NONE);
    expect_run_on("11.13.0", text, "main ExperimentalWarning", 0, STOP_NONE);
    expect_run_on("10.17.0", text, "main", 0, STOP_NONE);
    expect_run_on("11.14.0", text, "main", 0, STOP_NONE);
}
END_TEST

START_TEST(test_a_file_handle_reads_from_its_position_and_its_fd_is_cleared_from_13_9)
{
    const char *text = "const fsp = require('fs').promises;\n"
                       "(async () => {\n"
                       "  const fh = await fsp.open(__filename, 'r');\n"
                       "  const all = await fh.readFile('utf8');\n"
                       "  console.log(all.length > 0, (await fh.readFile('utf8')).length);\n"
                       "  await fh.close();\n"
                       "  await fh.close().catch((e) => console.log(e.code));\n"
                       "  console.log(fh.fd === -1);\n"
                       "  await fh.stat().catch((e) => console.log(e.code, e.syscall));\n"
                       "})();\n";
    /* a second close: resolved from 14.9, EBADF before; the other methods: "file closed" */
    expect_run_on("20", text, "true 0 true EBADF fstat", 0, STOP_NONE);
    expect_run_on("13.9.0", text, "true 0 EBADF true EBADF fstat", 0, STOP_NONE);
    expect_run_on("13.8.0", text, "true 0 EBADF false EBADF fstat", 0, STOP_NONE);
}
END_TEST

START_TEST(test_open_without_flags_throws_before_11_1_and_10_16)
{
    const char *text = "try { require('fs').openSync(__filename); console.log('opened'); }\n"
                       "catch (e) { console.log(e.code); }\n";
    expect_run_on("10.15.0", text, "ERR_INVALID_OPT_VALUE", 0, STOP_NONE);
    expect_run_on("11.0.0", text, "ERR_INVALID_OPT_VALUE", 0, STOP_NONE);
    expect_run_on("10.16.0", text, "opened", 0, STOP_NONE);
    expect_run_on("11.1.0", text, "opened", 0, STOP_NONE);
}
END_TEST

START_TEST(test_read_is_one_trip_writing_into_the_buffer_at_its_offset)
{
    const char *text = "const fs = require('fs');\n"
                       "fs.writeFileSync('f', 'abcdefgh');\n"
                       "const fd = fs.openSync('f', 'r'), buf = Buffer.alloc(6, '.');\n"
                       "fs.read(fd, buf, 1, 4, 2, (err, n, b) => {\n"
                       "  console.log(err, n, b === buf, buf.toString());\n"
                       "});\n";
    ck_assert_int_eq(trips_of(text, "fs.read"), 1);
    expect_run(text, "null 4 true .cdef.");
}
END_TEST

START_TEST(test_read_of_length_zero_calls_back_from_a_tick_without_a_request)
{
    const char *text = "const fs = require('fs');\n"
                       "Promise.resolve().then(() => console.log('promise'));\n"
                       "fs.read(fs.openSync(__filename, 'r'), Buffer.alloc(2), 0, 0, null,\n"
                       "        (err, n) => console.log('read', err, n));\n"
                       "process.nextTick(() => console.log('tick'));\n";
    expect_run(text, "read null 0 tick promise");
}
END_TEST

START_TEST(test_read_at_a_position_keeps_the_offset_and_at_null_moves_it)
{
    expect_run("const fs = require('fs');\n"
               "fs.writeFileSync('f', 'abcdefgh');\n"
               "const fd = fs.openSync('f', 'r'), b = Buffer.alloc(3);\n"
               "fs.readSync(fd, b, 0, 3, 4); console.log(b.toString());\n"
               "fs.readSync(fd, b, 0, 3, null); console.log(b.toString());\n"
               "fs.readSync(fd, b, 0, 3, -1); console.log(b.toString());\n"
               "console.log(fs.readSync(fd, b, 0, 3, null), fs.readSync(fd, b, 0, 3, 100));\n",
               "efg abc def 2 0");
}
END_TEST

START_TEST(test_read_forms_with_options_by_version)
{
    const char *text = "const fs = require('fs'), fd = fs.openSync(__filename, 'r');\n"
                       "try { fs.read(fd, (err, n, b) => console.log(b.length)); }\n"
                       "catch (e) { console.log(e.code); }\n";
    expect_run_on("12.16.3", text, "ERR_INVALID_ARG_TYPE", 0, STOP_NONE);
    expect_run_on("13.10.1", text, "ERR_INVALID_ARG_TYPE", 0, STOP_NONE);
    expect_run_on("12.17.0", text, "16384", 0, STOP_NONE);
    expect_run_on("13.11.0", text, "16384", 0, STOP_NONE);
    /* fs.read(fd, buffer, cb): the buffer taken for the options before 16.17 and 18.2 */
    const char *with_buffer = "const fs = require('fs'), fd = fs.openSync(__filename, 'r');\n"
                              "try { fs.read(fd, Buffer.alloc(3), (err, n) => console.log(n)); }\n"
                              "catch (e) { console.log(e.code); }\n";
    expect_run_on("16.16.0", with_buffer, "ERR_INVALID_ARG_TYPE", 0, STOP_NONE);
    expect_run_on("18.1.0", with_buffer, "ERR_INVALID_ARG_TYPE", 0, STOP_NONE);
    expect_run_on("16.17.0", with_buffer, "3", 0, STOP_NONE);
    expect_run_on("18.2.0", with_buffer, "3", 0, STOP_NONE);
    /* readSync: options from 12.17 and 13.13; an object (null too) in third place with more
     * arguments still options from 19 */
    const char *sync = "const fs = require('fs'), fd = fs.openSync(__filename, 'r');\n"
                       "const b = Buffer.alloc(8);\n"
                       "try { console.log(fs.readSync(fd, b, { length: 2 }), fs.readSync(fd, b, null, 4, 0)); }\n"
                       "catch (e) { console.log(e.code); }\n";
    expect_run_on("12.16.3", sync, "0 4", 0, STOP_NONE); /* `offset |= 0`, `length |= 0` */
    expect_run_on("13.12.0", sync, "ERR_INVALID_ARG_TYPE", 0, STOP_NONE); /* validateInteger */
    expect_run_on("13.13.0", sync, "2 4", 0, STOP_NONE);
    expect_run_on("18.20.8", sync, "2 4", 0, STOP_NONE);
    expect_run_on("19.0.0", sync, "2 8", 0, STOP_NONE);
}
END_TEST

START_TEST(test_read_without_a_callback_calls_nothing_on_10_and_throws_from_11)
{
    const char *text = "const fs = require('fs');\n"
                       "try { fs.read(fs.openSync(__filename, 'r'), Buffer.alloc(2), 0, 2, 0);\n"
                       "      console.log('made'); }\n"
                       "catch (e) { console.log(e.code); }\n";
    expect_run_on("10.24.1", text, "made", 0, STOP_NONE);
    expect_run_on("11.0.0", text, "ERR_INVALID_CALLBACK", 0, STOP_NONE);
    expect_run_on("20", text, "ERR_INVALID_ARG_TYPE", 0, STOP_NONE);
    /* the offset: `offset |= 0` before 13, validateInteger from 13 */
    const char *offset = "const fs = require('fs'), b = Buffer.alloc(4);\n"
                         "try { console.log(fs.readSync(fs.openSync(__filename, 'r'), b, '1', 2, 0)); }\n"
                         "catch (e) { console.log(e.code); }\n";
    expect_run_on("12.22.12", offset, "2", 0, STOP_NONE);
    expect_run_on("13.0.0", offset, "ERR_INVALID_ARG_TYPE", 0, STOP_NONE);
}
END_TEST

START_TEST(test_promisify_resolves_an_object_of_read_write_and_lookup_values)
{
    expect_run("const fs = require('fs'), util = require('util');\n"
               "const fd = fs.openSync('f', 'w+');\n"
               "(async () => {\n"
               "  const w = await util.promisify(fs.write)(fd, 'abc');\n"
               "  console.log(Object.keys(w).join(), w.bytesWritten, w.buffer);\n"
               "  const r = await util.promisify(fs.read)(fd, Buffer.alloc(3), 0, 3, 0);\n"
               "  console.log(Object.keys(r).join(), r.bytesRead, r.buffer.toString());\n"
               "  const l = await util.promisify(require('dns').lookup)('127.0.0.1');\n"
               "  console.log(l.address, l.family);\n"
               "  console.log(typeof await util.promisify(fs.open)('f', 'r'));\n"
               "})();\n",
               "bytesWritten,buffer 3 abc bytesRead,buffer 3 abc 127.0.0.1 4 number");
}
END_TEST

START_TEST(test_a_buffer_slice_is_a_view_and_to_string_takes_start_and_end)
{
    expect_run("const b = Buffer.from('abcdef'), s = b.slice(1, -1);\n"
               "require('fs').writeFileSync('f', 'XY');\n"
               "require('fs').readSync(require('fs').openSync('f', 'r'), s, 1, 2, 0);\n"
               "console.log(b.toString(), s.length, b.subarray(4).toString(),\n"
               "            b.toString('utf8', 2, 4), b.toString('hex', -3, 1), b.toString(undefined, 5, 2) === '');\n",
               "abXYef 4 ef XY 61 true");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("fs");
    TCase *t = tcase_create("fs");
    tcase_add_test(t, test_readfile_of_a_small_file_is_four_trips_and_of_a_missing_one_is_one);
    tcase_add_test(t, test_readfile_reads_once_per_chunk_of_its_version);
    tcase_add_test(t, test_writefile_is_open_write_close_and_its_data_is_there_after);
    tcase_add_test(t, test_each_trip_completes_in_a_poll_phase_so_a_check_phase_comes_between);
    tcase_add_test(t, test_a_new_file_is_empty_until_written);
    tcase_add_test(t, test_a_trip_effect_lands_when_it_completes_not_when_called);
    tcase_add_test(t, test_errors_are_uv_exceptions_with_code_syscall_and_path);
    tcase_add_test(t, test_descriptors_are_the_lowest_free_from_the_versions_first);
    tcase_add_test(t, test_a_missing_callback_throws_as_the_version_words_it);
    tcase_add_test(t, test_writesync_to_stdout_is_output_in_program_order);
    tcase_add_test(t, test_internal_errors_are_named_and_coded_as_the_version_makes_them);
    tcase_add_test(t, test_readdir_lists_the_virtual_directory_sorted);
    tcase_add_test(t, test_the_first_request_starts_the_pool_and_waits_for_its_warm_up);
    tcase_add_test(t, test_uv_threadpool_size_is_read_when_the_pool_starts);
    tcase_add_test(t, test_requests_beyond_the_pool_threads_wait_and_each_thread_takes_the_next_as_it_frees);
    tcase_add_test(t, test_promises_readfile_reads_until_nothing_before_14_and_to_the_size_from_14);
    tcase_add_test(t, test_promises_settle_in_the_last_trips_completion_before_the_check_phase);
    tcase_add_test(t, test_promises_reject_where_the_callback_form_throws_or_calls_back_an_error);
    tcase_add_test(t, test_reading_fs_promises_warns_once_through_a_tick_before_11_14_and_10_17);
    tcase_add_test(t, test_a_file_handle_reads_from_its_position_and_its_fd_is_cleared_from_13_9);
    tcase_add_test(t, test_open_without_flags_throws_before_11_1_and_10_16);
    tcase_add_test(t, test_read_is_one_trip_writing_into_the_buffer_at_its_offset);
    tcase_add_test(t, test_read_of_length_zero_calls_back_from_a_tick_without_a_request);
    tcase_add_test(t, test_read_at_a_position_keeps_the_offset_and_at_null_moves_it);
    tcase_add_test(t, test_read_forms_with_options_by_version);
    tcase_add_test(t, test_read_without_a_callback_calls_nothing_on_10_and_throws_from_11);
    tcase_add_test(t, test_promisify_resolves_an_object_of_read_write_and_lookup_values);
    tcase_add_test(t, test_a_buffer_slice_is_a_view_and_to_string_takes_start_and_end);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return run_suite(suite());
}
