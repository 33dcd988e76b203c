/* test_tasks.c - unit tests for the nextTick queue, the microtask queue and the drain
 * (src/process/tasks.c), one test per rule.  The first tests drive the module directly; the rest run
 * small scenarios through the whole engine.  Rule numbers are those of shared/reference
 * (node-ordering-semantics.md); expected orders are the outputs observed on real Node 20. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "profile.h"
#include "engine_harness.h"

static void tick(ls_engine *e, const char *fn)
{
    ls_origin o = {"process.nextTick", fn, engine_next_seq(e)};
    tasks_next_tick(e, global_fn(e, fn), NULL, 0, o);
}

/* queueMicrotask(fn) */
static void microtask(ls_engine *e, const char *fn)
{
    js_origin o = {"queueMicrotask", fn, engine_next_seq(e)};
    js_enqueue_callback_job(e->host.vm, global_fn(e, fn), &o);
}

/* Two functions that log their name, on the global object once the main script has run. */
#define LOGGERS                                                                              \
    "globalThis.T = function T() { console.log('T'); };\n"                                  \
    "globalThis.M = function M() { console.log('M'); };\n"

/* An engine whose main script (LOGGERS) has run, with its drain: every queue is empty. */
static ls_engine *engine_with_loggers(ls_program *p)
{
    ls_engine *e = engine_for(p);
    host_run_main(e);
    ck_assert_int_eq(e->stop, STOP_NONE);
    ck_assert_str_eq(output_of(e), "");
    ck_assert(!tasks_has_tick(e));
    ck_assert_uint_eq(tasks_microtask_count(e), 0);
    ck_assert_int_eq(e->tasks.scope_depth, 0);
    return e;
}

/* ---- the module, driven directly -------------------------------------------------------- */

START_TEST(test_ticks_run_before_microtasks_queued_earlier)
{
    /* R1.1: Close() with a tick queued goes to processTicksAndRejections: ticks first. */
    ls_program *p = load(LOGGERS);
    ls_engine *e = engine_with_loggers(p);
    tasks_scope_enter(e);
    microtask(e, "M");
    tick(e, "T");
    ck_assert(tasks_has_tick(e));
    ck_assert_uint_eq(tasks_microtask_count(e), 1);
    ck_assert_str_eq(output_of(e), "");
    tasks_scope_exit(e);
    ck_assert_str_eq(output_of(e), "T M");
    ck_assert(!tasks_has_tick(e));
    ck_assert_uint_eq(tasks_microtask_count(e), 0);
    ck_assert_int_eq(e->tasks.scope_depth, 0);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_nested_callback_scope_does_not_drain)
{
    /* R1.1: InternalCallbackScope::Close of a nested scope (depth > 1) returns early; only the
     * outermost one drains. */
    ls_program *p = load(LOGGERS);
    ls_engine *e = engine_with_loggers(p);
    tasks_scope_enter(e);
    tasks_scope_enter(e);
    tick(e, "T");
    microtask(e, "M");
    tasks_scope_exit(e);
    ck_assert_str_eq(output_of(e), "");
    ck_assert(tasks_has_tick(e));
    ck_assert_uint_eq(tasks_microtask_count(e), 1);
    tasks_scope_exit(e);
    ck_assert_str_eq(output_of(e), "T M");
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_run_next_ticks_with_no_tick_runs_only_microtasks)
{
    /* runNextTicks(): with no tick and no rejection it is just runMicrotasks(). */
    ls_program *p = load(LOGGERS);
    ls_engine *e = engine_with_loggers(p);
    microtask(e, "M");
    microtask(e, "M");
    ck_assert_uint_eq(tasks_microtask_count(e), 2);
    tasks_run_next_ticks(e);
    ck_assert_str_eq(output_of(e), "M M");
    ck_assert_uint_eq(tasks_microtask_count(e), 0);
    tasks_run_next_ticks(e); /* nothing to do */
    ck_assert_str_eq(output_of(e), "M M");
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_next_tick_is_dropped_while_exiting)
{
    /* R9.3: nextTick returns early once process._exiting is set. */
    ls_program *p = load(LOGGERS);
    ls_engine *e = engine_with_loggers(p);
    e->exiting = true;
    tick(e, "T");
    ck_assert(!tasks_has_tick(e));
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_handler_added_before_drain_cancels_pending_rejection)
{
    /* R8.3 / HostPromiseRejectionTracker: a rejection with no handler is pending until the
     * drain; a handler added before then removes it. */
    ls_program *p = load(LOGGERS);
    ls_engine *e = engine_with_loggers(p);
    js_vm *vm = e->host.vm;
    js_value a = js_new_promise(vm);
    js_value b = js_new_promise(vm);
    js_reject_promise(vm, a, js_new_cstring(vm, "x"));
    js_reject_promise(vm, b, js_new_cstring(vm, "y"));
    ck_assert_uint_eq(e->tasks.npending, 2);
    ck_assert(e->tasks.has_rejection_to_warn);
    js_origin o = {"catch", "c", engine_next_seq(e)};
    js_promise_then(vm, a, js_undefined(), js_undefined(), &o);
    ck_assert_uint_eq(e->tasks.npending, 1);
    ck_assert(js_strict_equals(e->tasks.pending_rejections[0], b));
    engine_free(e);
    program_free(p);
}
END_TEST

/* ---- whole scenarios ---------------------------------------------------------------------- */

START_TEST(test_ticks_run_before_microtasks)
{
    /* R1.2, probe p1a */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"console.log\": \"main start\"},"
               "{\"process.nextTick\": [{\"console.log\": \"tick1\"}]},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"p1\"}]}]},"
               "{\"process.nextTick\": [{\"console.log\": \"tick2\"}]},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"p2\"}]}]},"
               "{\"console.log\": \"main end\"}]}",
               "main start main end tick1 tick2 p1 p2");
}
END_TEST

START_TEST(test_microtask_queued_by_tick_runs_after_all_ticks)
{
    /* R1.1, probe p1b: t1 t-from-t1 p1 p-from-t1 p-from-p1 p-from-p-from-t1 t-from-p1
     * t-from-p-from-t1 */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"process.nextTick\": [{\"console.log\": \"t1\"},"
               "  {\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"p-from-t1\"},"
               "    {\"process.nextTick\": [{\"console.log\": \"t-from-p-from-t1\"}]},"
               "    {\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"p-from-p-from-t1\"}]}]}]}]},"
               "  {\"process.nextTick\": [{\"console.log\": \"t-from-t1\"}]}]},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"p1\"},"
               "  {\"process.nextTick\": [{\"console.log\": \"t-from-p1\"}]},"
               "  {\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"p-from-p1\"}]}]}]}]}]}",
               "t1 t-from-t1 p1 p-from-t1 p-from-p1 p-from-p-from-t1 t-from-p1 t-from-p-from-t1");
}
END_TEST

START_TEST(test_tick_queued_by_microtask_runs_after_all_microtasks)
{
    /* R1.1, probe p1c: p1 p2 tick-from-p1 p-from-tick */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"p1\"},"
               "  {\"process.nextTick\": [{\"console.log\": \"tick-from-p1\"},"
               "    {\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"p-from-tick\"}]}]}]}]}]},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"p2\"}]}]}]}",
               "p1 p2 tick-from-p1 p-from-tick");
}
END_TEST

START_TEST(test_recursive_next_tick_runs_before_any_promise)
{
    /* R1.2, probe p1d: tick1 tickB tick2 tick3 promise micro1 micro2 micro3 */
    expect_run("{\"loopsim\": 1, \"functions\": {"
               "\"t\": [{\"if\": {\"less\": [{\"var\": \"n\"}, 3]}, \"do\": [{\"increment\": \"n\"},"
               "  {\"console.log\": [\"tick\", {\"var\": \"n\"}]}, {\"process.nextTick\": \"t\"}]}],"
               "\"p\": [{\"if\": {\"less\": [{\"var\": \"m\"}, 3]}, \"do\": [{\"increment\": \"m\"},"
               "  {\"console.log\": [\"micro\", {\"var\": \"m\"}]},"
               "  {\"Promise.resolve\": null, \"chain\": [{\"then\": \"p\"}]}]}]},"
               "\"main\": [{\"let\": \"n\", \"value\": 0}, {\"let\": \"m\", \"value\": 0},"
               "{\"process.nextTick\": \"t\"},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"promise\"}]}]},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": \"p\"}]},"
               "{\"process.nextTick\": [{\"console.log\": \"tickB\"}]}]}",
               "tick 1 tickB tick 2 tick 3 promise micro 1 micro 2 micro 3");
}
END_TEST

START_TEST(test_queue_microtask_shares_the_promise_fifo)
{
    /* R8.2: queueMicrotask uses V8's queue, FIFO with promise reactions. */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"A\"},"
               "  {\"queueMicrotask\": [{\"console.log\": \"D\"}]}]}]},"
               "{\"queueMicrotask\": [{\"console.log\": \"B\"}]},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"C\"}]}]}]}",
               "A B C D");
}
END_TEST

START_TEST(test_next_tick_passes_its_arguments)
{
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"process.nextTick\": {\"params\": [\"a\", \"b\"], \"body\": "
               "  [{\"console.log\": [{\"var\": \"a\"}, {\"var\": \"b\"}]}]}, \"args\": [\"x\", 2]}]}",
               "x 2");
}
END_TEST

START_TEST(test_unhandled_rejection_emitted_after_microtasks_then_its_ticks)
{
    /* R8.3, probe p8b */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"process.on\": \"unhandledRejection\", \"listener\": {\"params\": [\"r\"], \"body\": ["
               "  {\"console.log\": [\"unhandledRejection\", {\"var\": \"r\"}]},"
               "  {\"process.nextTick\": [{\"console.log\": \"tick from handler\"}]},"
               "  {\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"micro from handler\"}]}]}]}},"
               "{\"Promise.reject\": \"x\"},"
               "{\"process.nextTick\": [{\"console.log\": \"tick\"}, {\"Promise.reject\": \"y\"}]},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"micro\"}]}]},"
               "{\"setImmediate\": [{\"console.log\": \"immediate\"}]},"
               "{\"setTimeout\": [{\"console.log\": \"timeout\"}, {\"Promise.reject\": \"z\"},"
               "  {\"process.nextTick\": [{\"console.log\": \"tick in timeout\"}]}], \"delay\": 0}]}",
               "tick micro unhandledRejection x unhandledRejection y tick from handler "
               "tick from handler micro from handler micro from handler timeout tick in timeout "
               "unhandledRejection z tick from handler micro from handler immediate");
}
END_TEST

START_TEST(test_unhandled_rejection_without_listener_exits_1)
{
    /* R8.4, probe p8d (15+): the process dies at the end-of-main drain; the timer never runs. */
    expect_run_ending("{\"loopsim\": 1, \"main\": ["
                      "{\"process.on\": \"exit\", \"listener\": {\"params\": [\"c\"], \"body\": "
                      "  [{\"console.log\": [\"exit code\", {\"var\": \"c\"}]}]}},"
                      "{\"Promise.reject\": \"x\"},"
                      "{\"setTimeout\": [{\"console.log\": \"timeout runs\"}], \"delay\": 0}]}",
                      "exit code 1", 1, STOP_FATAL);
}
END_TEST

START_TEST(test_a_throw_from_an_uncaught_exception_listener_is_fatal_with_code_7)
{
    /* src/node_errors.cc TriggerUncaughtException: the handler threw; no 'exit' event
     * (real Node 10.7.0 and 20.20.2).  This recursed until the stack overflowed before. */
    expect_run_ending("process.on('exit', (c) => console.log('exit', c));\n"
                      "process.on('uncaughtException', (e) => { console.log('caught', e.message);"
                      " null.x; });\n"
                      "setTimeout(() => console.log('never'), 0);\n"
                      "throw new Error('boom');\n",
                      "caught boom", 7, STOP_FATAL);
}
END_TEST

START_TEST(test_process_exit_in_tick_stops_all_queues)
{
    /* R9.3, probe p9b: tick1 exit 3 */
    expect_run_ending("{\"loopsim\": 1, \"main\": ["
                      "{\"process.on\": \"exit\", \"listener\": {\"params\": [\"c\"], \"body\": ["
                      "  {\"console.log\": [\"exit\", {\"var\": \"c\"}]},"
                      "  {\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"promise in exit\"}]}]}]}},"
                      "{\"process.nextTick\": [{\"console.log\": \"tick1\"}, {\"process.exit\": 3}]},"
                      "{\"process.nextTick\": [{\"console.log\": \"tick2 (never)\"}]},"
                      "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"promise (never)\"}]}]},"
                      "{\"setImmediate\": [{\"console.log\": \"immediate (never)\"}]}]}",
                      "tick1 exit 3", 3, STOP_PROCESS_EXIT);
}
END_TEST

START_TEST(test_exit_listener_microtasks_run_but_ticks_are_dropped)
{
    /* R9.3: on natural exit, microtasks queued in 'exit' run; nextTick there is a no-op. */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"process.on\": \"exit\", \"listener\": [{\"console.log\": \"exit\"},"
               "  {\"process.nextTick\": [{\"console.log\": \"tick in exit\"}]},"
               "  {\"setTimeout\": [{\"console.log\": \"never\"}], \"delay\": 0},"
               "  {\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"promise in exit\"}]}]}]}]}",
               "exit promise in exit");
}
END_TEST

static Suite *tasks_suite(void)
{
    Suite *s = suite_create("tasks");
    TCase *tc = tcase_create("module");
    tcase_add_test(tc, test_ticks_run_before_microtasks_queued_earlier);
    tcase_add_test(tc, test_nested_callback_scope_does_not_drain);
    tcase_add_test(tc, test_run_next_ticks_with_no_tick_runs_only_microtasks);
    tcase_add_test(tc, test_next_tick_is_dropped_while_exiting);
    tcase_add_test(tc, test_handler_added_before_drain_cancels_pending_rejection);
    suite_add_tcase(s, tc);
    tc = tcase_create("scenarios");
    tcase_add_test(tc, test_a_throw_from_an_uncaught_exception_listener_is_fatal_with_code_7);
    tcase_add_test(tc, test_ticks_run_before_microtasks);
    tcase_add_test(tc, test_microtask_queued_by_tick_runs_after_all_ticks);
    tcase_add_test(tc, test_tick_queued_by_microtask_runs_after_all_microtasks);
    tcase_add_test(tc, test_recursive_next_tick_runs_before_any_promise);
    tcase_add_test(tc, test_queue_microtask_shares_the_promise_fifo);
    tcase_add_test(tc, test_next_tick_passes_its_arguments);
    tcase_add_test(tc, test_unhandled_rejection_emitted_after_microtasks_then_its_ticks);
    tcase_add_test(tc, test_unhandled_rejection_without_listener_exits_1);
    tcase_add_test(tc, test_process_exit_in_tick_stops_all_queues);
    tcase_add_test(tc, test_exit_listener_microtasks_run_but_ticks_are_dropped);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(tasks_suite());
}
