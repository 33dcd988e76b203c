/* test_immediates.c - unit tests for the setImmediate queue (src/process/immediates.c), one test per
 * rule.  The first tests drive the module directly and check its bookkeeping (the queue, the
 * counts, Node's idle handle); the rest run small scenarios through the whole engine.  Rule
 * numbers are those of shared/reference (node-ordering-semantics.md). */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "engine.h"
#include "profile.h"
#include "engine_harness.h"

static ls_immediate *add(ls_engine *e)
{
    ls_origin o = {"setImmediate", "i", engine_next_seq(e)};
    return immediates_create(e, js_undefined(), NULL, 0, o);
}

#define EMPTY "{\"loopsim\": 1, \"main\": []}"

/* ---- the module, driven directly -------------------------------------------------------- */

START_TEST(test_set_immediate_starts_idle_handle_and_keeps_loop_alive)
{
    /* R4.4: while ref'd immediates are pending, Node's idle handle is started. */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    ck_assert(!loop_alive(e));
    ls_immediate *a = add(e);
    ls_immediate *b = add(e);
    ck_assert_ptr_eq(e->immediates.head, a);
    ck_assert_ptr_eq(a->next, b);
    ck_assert_ptr_eq(e->immediates.tail, b);
    ck_assert_uint_eq(e->immediates.count, 2);
    ck_assert_uint_eq(e->immediates.ref_count, 2);
    ck_assert(e->immediates.idle.active);
    ck_assert_int_eq(e->loop.idle_handles, 1); /* started once, not once per immediate */
    ck_assert(loop_alive(e));
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_unref_last_immediate_stops_idle_handle)
{
    /* unref(): toggleImmediateRef(false) when the ref count drops to 0; it stays queued. */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    ls_immediate *a = add(e);
    immediates_unref(e, a);
    ck_assert_uint_eq(e->immediates.ref_count, 0);
    ck_assert_uint_eq(e->immediates.count, 1);
    ck_assert_ptr_eq(e->immediates.head, a);
    ck_assert(!e->immediates.idle.active);
    ck_assert_int_eq(e->loop.idle_handles, 0);
    ck_assert(!loop_alive(e));
    immediates_unref(e, a); /* twice: no effect */
    ck_assert_uint_eq(e->immediates.ref_count, 0);
    immediates_ref(e, a);
    ck_assert_uint_eq(e->immediates.ref_count, 1);
    ck_assert(e->immediates.idle.active);
    ck_assert(loop_alive(e));
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_clear_immediate_unlinks_it_and_drops_its_ref)
{
    /* clearImmediate: kCount--, kRefCount-- (idle handle stopped at 0), removed from the queue */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    ls_immediate *a = add(e);
    ls_immediate *b = add(e);
    ls_immediate *c = add(e);
    immediates_clear(e, b);
    ck_assert_ptr_eq(e->immediates.head, a);
    ck_assert_ptr_eq(a->next, c);
    ck_assert_ptr_eq(c->prev, a);
    ck_assert_ptr_eq(e->immediates.tail, c);
    ck_assert_uint_eq(e->immediates.count, 2);
    ck_assert_uint_eq(e->immediates.ref_count, 2);
    immediates_clear(e, b); /* twice: no effect */
    ck_assert_uint_eq(e->immediates.count, 2);
    immediates_clear(e, c);
    ck_assert_ptr_eq(e->immediates.tail, a);
    immediates_clear(e, a);
    ck_assert_ptr_null(e->immediates.head);
    ck_assert_ptr_null(e->immediates.tail);
    ck_assert_uint_eq(e->immediates.count, 0);
    ck_assert_uint_eq(e->immediates.ref_count, 0);
    ck_assert(!e->immediates.idle.active);
    ck_assert(!loop_alive(e));
    engine_free(e);
    program_free(p);
}
END_TEST

/* ---- whole scenarios ---------------------------------------------------------------------- */

START_TEST(test_immediates_run_fifo_with_their_args)
{
    /* R4.1 */
    expect_run("{\"loopsim\": 1, \"functions\": {\"cb\": {\"params\": [\"a\", \"b\"], \"body\": ["
               "{\"console.log\": [{\"var\": \"a\"}, {\"var\": \"b\"}]}]}}, \"main\": ["
               "{\"setImmediate\": \"cb\", \"args\": [\"I1\", 1]},"
               "{\"setImmediate\": \"cb\", \"args\": [\"I2\", 2]},"
               "{\"setImmediate\": \"cb\", \"args\": [\"I3\"]}]}",
               "I1 1 I2 2 I3 undefined");
}
END_TEST

/* processImmediate calls immediate._onImmediate(): a function callback's this is its
 * Immediate, with its arguments too (Node 10: runCallback, the same) */
START_TEST(test_immediate_callback_this_is_its_immediate)
{
    static const char *const versions[] = {"10.7.0", "20"};
    for (size_t i = 0; i < 2; i++)
        expect_run_on(versions[i],
                      "const im = setImmediate(function (a) { console.log('i', this === im, a, "
                      "this.constructor.name); }, 'x');\n"
                      "setImmediate(function () { console.log(this === im); });\n",
                      "i true x Immediate false", 0, STOP_NONE);
}
END_TEST

/* An immediate that ran, whose Immediate object the collector freed, is reused by the next
 * setImmediate: a chain of 200,000 costs the arena what a few do (the arena grew about 100
 * bytes a callback before); an Immediate the program holds is never reused, so clearing it
 * later clears nothing new */
START_TEST(test_immediates_that_ran_are_reused_unless_the_program_holds_them)
{
    const char *js = "const held = setImmediate(() => console.log('held ran'));\n"
                     "let n = 0;\n"
                     "function f() { if (++n < 200000) setImmediate(f); else last(); }\n"
                     "function last() {\n"
                     "  const fresh = setImmediate(() => console.log('fresh ran', n));\n"
                     "  clearImmediate(held);\n"
                     "  console.log('held', held.hasRef(), 'fresh', fresh.hasRef());\n"
                     "}\n"
                     "setImmediate(f);\n";
    ls_program *p = load(js);
    ls_engine *e = engine_for(p);
    size_t before = arena_bytes(e->arena);
    ck_assert_int_eq(engine_run(e), 0);
    ck_assert_str_eq(output_of(e), "held ran held false fresh true fresh ran 200000");
    ck_assert_msg(arena_bytes(e->arena) - before < 4u << 20,
                  "the arena grew %zu bytes for 200,000 immediates",
                  arena_bytes(e->arena) - before);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_immediates_queued_during_check_wait)
{
    /* R4.2, probe p4e: queued in the check phase, it runs in the next iteration, after that
     * iteration's due timers. */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"setImmediate\": [{\"console.log\": \"I1\"},"
               "  {\"setTimeout\": [{\"console.log\": \"T\"}], \"delay\": 1},"
               "  {\"setImmediate\": [{\"console.log\": \"I2\"}]},"
               "  {\"busy\": 3}]}]}",
               "I1 T I2");
}
END_TEST

START_TEST(test_clear_immediate_skips_it)
{
    /* R4.3, probe p4a: I1 I3 I-from-tick I-from-promise I1.child */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"let\": \"i2\", \"value\": null},"
               "{\"setImmediate\": [{\"console.log\": \"I1\"}, {\"clearImmediate\": {\"var\": \"i2\"}},"
               "  {\"setImmediate\": [{\"console.log\": \"I1.child\"}]}]},"
               "{\"set\": \"i2\", \"value\": {\"setImmediate\": [{\"console.log\": \"I2\"}]}},"
               "{\"setImmediate\": [{\"console.log\": \"I3\"}]},"
               "{\"process.nextTick\": [{\"setImmediate\": [{\"console.log\": \"I-from-tick\"}]}]},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": "
               "  [{\"setImmediate\": [{\"console.log\": \"I-from-promise\"}]}]}]}]}",
               "I1 I3 I-from-tick I-from-promise I1.child");
}
END_TEST

START_TEST(test_clear_immediate_from_tick_between_immediates)
{
    /* R4.3, probe p4b (11+): the tick runs before I2, clears it, and I3 still runs. */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"let\": \"i2\", \"value\": null},"
               "{\"setImmediate\": [{\"console.log\": \"I1\"}, {\"process.nextTick\": ["
               "  {\"console.log\": \"I1.tick clears I2\"}, {\"clearImmediate\": {\"var\": \"i2\"}}]}]},"
               "{\"set\": \"i2\", \"value\": {\"setImmediate\": [{\"console.log\": \"I2\"}]}},"
               "{\"setImmediate\": [{\"console.log\": \"I3\"}]}]}",
               "I1 I1.tick clears I2 I3");
}
END_TEST

START_TEST(test_clear_immediate_from_tick_clears_the_last_of_the_batch)
{
    /* R4.3 (11+): the same with the batch's last immediate; an immediate queued by the tick
     * is not part of the running batch (R4.2). */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"let\": \"i3\", \"value\": null},"
               "{\"setImmediate\": [{\"console.log\": \"I1\"}]},"
               "{\"setImmediate\": [{\"console.log\": \"I2\"}, {\"process.nextTick\": ["
               "  {\"clearImmediate\": {\"var\": \"i3\"}},"
               "  {\"setImmediate\": [{\"console.log\": \"I4\"}]}]}]},"
               "{\"set\": \"i3\", \"value\": {\"setImmediate\": [{\"console.log\": \"I3\"}]}}]}",
               "I1 I2 I4");
}
END_TEST

START_TEST(test_ticks_and_microtasks_drain_after_each_immediate)
{
    /* R10 / R2.1, probe p2d (11+): I1 I1.tick I2 I2.promise I3 I1.child */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"setImmediate\": [{\"console.log\": \"I1\"},"
               "  {\"process.nextTick\": [{\"console.log\": \"I1.tick\"}]},"
               "  {\"setImmediate\": [{\"console.log\": \"I1.child\"}]}]},"
               "{\"setImmediate\": [{\"console.log\": \"I2\"},"
               "  {\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"I2.promise\"}]}]}]},"
               "{\"setImmediate\": [{\"console.log\": \"I3\"}]}]}",
               "I1 I1.tick I2 I2.promise I3 I1.child");
}
END_TEST

START_TEST(test_unref_immediate_queued_by_last_immediate_never_runs)
{
    /* R6.2, probe p6b: the check phase has passed and nothing keeps the loop alive. */
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"process.on\": \"exit\", \"listener\": [{\"console.log\": \"exit\"}]},"
               "{\"setImmediate\": [{\"console.log\": \"imm\"},"
               "  {\"setImmediate\": [{\"console.log\": \"unref imm\"}], \"unref\": true}]}]}",
               "imm exit");
}
END_TEST

START_TEST(test_pending_immediate_makes_poll_not_block)
{
    /* R4.4 / R6.1: with a ref'd immediate pending the poll timeout is 0, so the immediate runs
     * at once, not after the 50 ms timer's wait. */
    ls_program *p = load("{\"loopsim\": 1, \"main\": ["
                         "{\"setTimeout\": [{\"console.log\": \"T\"}], \"delay\": 50},"
                         "{\"setImmediate\": [{\"console.log\": \"I\"}]}]}");
    ls_engine *e = engine_for(p);
    e->out.recording = true;
    ck_assert_int_eq(engine_run(e), 0);
    ck_assert_str_eq(output_of(e), "I T");
    const ls_record *ri = &e->out.records[e->out.lines[0].record];
    const ls_record *rt = &e->out.records[e->out.lines[1].record];
    ck_assert_int_eq(ri->phase, PHASE_CHECK);
    ck_assert_uint_eq(ri->iteration, 1);
    ck_assert_int_lt(ri->time_ns, LS_NS_PER_MS);
    ck_assert_int_eq(rt->phase, PHASE_TIMERS);
    ck_assert_int_ge(rt->time_ns, 49 * LS_NS_PER_MS);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_immediate_before_timer_when_scheduled_from_io)
{
    /* R5.2, probe p5c: from a poll-phase callback the check phase always comes first. */
    expect_run("{\"loopsim\": 1, \"main\": [{\"fs.stat\": ["
               "{\"setTimeout\": [{\"console.log\": \"timeout\"}], \"delay\": 0},"
               "{\"setImmediate\": [{\"console.log\": \"immediate\"}]}]}]}",
               "immediate timeout");
}
END_TEST

START_TEST(test_timeout_vs_immediate_from_main_follows_ms_boundary)
{
    /* R5.1: the timer runs first iff a loop-ms boundary passes between setTimeout and the first
     * timers phase.  Phase 0.5 + ~0.16 ms of work: no boundary; phase 0.9: a boundary; the first
     * console.log (3 ms, after setTimeout, probe p5g): a boundary. */
#define RACE(before, after)                                                             \
    "{\"loopsim\": 1, " before " \"main\": ["                                          \
    "{\"setTimeout\": [{\"console.log\": \"timeout\"}], \"delay\": 0},"                \
    "{\"setImmediate\": [{\"console.log\": \"immediate\"}]}" after "]}"
    expect_run(RACE("", ""), "immediate timeout");
    expect_run(RACE("\"timing\": {\"clock_phase_ms\": 0.9},", ""), "timeout immediate");
    expect_run(RACE("", ", {\"console.log\": \"main\"}"), "main timeout immediate");
#undef RACE
}
END_TEST

/* ---- exceptions (R11) ---------------------------------------------------------------------
 * Probe p4c (11.0.0+): when an immediate throws (with an 'uncaughtException' listener),
 * CheckImmediate's do-while re-enters processImmediate for the outstanding immediates without a
 * drain, and the "first immediate gets no runNextTicks" rule applies again, so a tick queued by
 * the throwing immediate runs only after the NEXT immediate.  The committed src/process/immediates.c
 * (c376ab3) failed this: it printed "I1 uncaught boom I1.tick I2 ...". */
START_TEST(test_tick_from_throwing_immediate_runs_after_the_next_immediate)
{
    expect_run("{\"loopsim\": 1, \"main\": ["
               "{\"process.on\": \"uncaughtException\", \"listener\": {\"params\": [\"e\"], \"body\": "
               "  [{\"console.log\": [\"uncaught\", {\"var\": \"e\"}]}]}},"
               "{\"setImmediate\": [{\"console.log\": \"I1\"}, {\"process.nextTick\": [{\"console.log\": \"I1.tick\"}]},"
               "  {\"throw\": \"boom\"}]},"
               "{\"setImmediate\": [{\"console.log\": \"I2\"}]},"
               "{\"setImmediate\": [{\"console.log\": \"I3\"}, {\"setImmediate\": [{\"console.log\": \"I3.child\"}]}]}]}",
               "I1 uncaught boom I2 I1.tick I3 I3.child");
}
END_TEST

static Suite *immediates_suite(void)
{
    Suite *s = suite_create("immediates");
    TCase *tc = tcase_create("module");
    tcase_add_test(tc, test_set_immediate_starts_idle_handle_and_keeps_loop_alive);
    tcase_add_test(tc, test_unref_last_immediate_stops_idle_handle);
    tcase_add_test(tc, test_clear_immediate_unlinks_it_and_drops_its_ref);
    suite_add_tcase(s, tc);
    tc = tcase_create("scenarios");
    tcase_add_test(tc, test_immediates_run_fifo_with_their_args);
    tcase_add_test(tc, test_immediates_queued_during_check_wait);
    tcase_add_test(tc, test_clear_immediate_skips_it);
    tcase_add_test(tc, test_clear_immediate_from_tick_between_immediates);
    tcase_add_test(tc, test_clear_immediate_from_tick_clears_the_last_of_the_batch);
    tcase_add_test(tc, test_ticks_and_microtasks_drain_after_each_immediate);
    tcase_add_test(tc, test_unref_immediate_queued_by_last_immediate_never_runs);
    tcase_add_test(tc, test_pending_immediate_makes_poll_not_block);
    tcase_add_test(tc, test_immediate_before_timer_when_scheduled_from_io);
    tcase_add_test(tc, test_timeout_vs_immediate_from_main_follows_ms_boundary);
    tcase_add_test(tc, test_immediate_callback_this_is_its_immediate);
    tcase_add_test(tc, test_immediates_that_ran_are_reused_unless_the_program_holds_them);
    suite_add_tcase(s, tc);
    tc = tcase_create("exceptions");
    tcase_add_test(tc, test_tick_from_throwing_immediate_runs_after_the_next_immediate);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(immediates_suite());
}
