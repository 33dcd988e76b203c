/* test_timers.c - unit tests for Node's timer lists (src/process/timers.c), one test per rule.
 *
 * The first half drives the module directly on an engine made from an (almost) empty program
 * and inspects the lists; the second half runs small scenarios through the whole engine and
 * checks the printed order.  Rule numbers are those of shared/reference
 * (node-ordering-semantics.md); expected orders are the outputs observed on real Node 20. */
#include <check.h>

#include "check_main.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "engine.h"
#include "profile.h"
#include "engine_harness.h"
#include "jsi.h"

/* A run that reaches its end with the given exit code. */
static void expect_run_code(const char *json, const char *want, int want_code)
{
    expect_run_ending(json, want, want_code, STOP_NONE);
}

/* ---- helpers ---------------------------------------------------------------------------- */

/* Zero costs and clock phase 0: the clock moves only through "busy" and poll waits. */
#define ZERO_TIMING                                                                          \
    "\"timing\": {\"clock_phase_ms\": 0, \"first_log_ms\": 0, \"log_ms\": 0, "              \
    "\"api_call_ms\": 0, \"callback_ms\": 0, \"bootstrap_ms\": 0, \"poll_wakeup_ms\": 0}"

static ls_timer *add(ls_engine *e, double delay)
{
    ls_origin o = {"setTimeout", "t", engine_next_seq(e)};
    return timers_create(e, js_undefined(), NULL, 0, delay, false, o);
}

static ls_timer_list *list_of(const ls_heap_node *n)
{
    return (ls_timer_list *)((char *)n - offsetof(ls_timer_list, node));
}

static void advance_ms(ls_engine *e, double ms)
{
    clock_spend_exact(&e->clock, clock_ms_to_ns(ms));
}

#define EMPTY "{\"loopsim\": 1, " ZERO_TIMING ", \"main\": []}"

/* ---- the module, driven directly -------------------------------------------------------- */

START_TEST(test_delay_coercion_matches_node)
{
    /* R3.1: after *= 1; if (!(after >= 1 && after <= 2**31-1)) after = 1.  Node 20 and 10.7.0
     * give these _idleTimeout values: [1,1,1,1,1,1,2,3,1.7,1,2147483647,1,1,25,16,1,1,1,1]. */
    static const double want[] = {1, 1, 1, 1, 1, 1, 2, 3, 1.7, 1, 2147483647.0, 1, 1, 25, 16, 1,
                                  1, 1, 1};
    ls_program *p = load("const f = () => {};\n"
                         "const delays = [0, -1, NaN, 'abc', null, true, '2', [3], 1.7, 2 ** 31,\n"
                         "  2 ** 31 - 1, Infinity, undefined, ' 25 ', '0x10', '', [1, 2], false];\n"
                         "for (const d of delays) setTimeout(f, d);\n"
                         "setTimeout(f); // no delay argument: undefined\n");
    ls_engine *e = engine_for(p);
    host_run_main(e);
    ck_assert_int_eq(e->stop, STOP_NONE);
    size_t n = sizeof want / sizeof want[0];
    const ls_timer *got[sizeof want / sizeof want[0]];
    size_t k = 0;
    for (const ls_timer *t = e->timers.all; t; t = t->all_next) { /* newest first */
        ck_assert_uint_lt(k, n);
        got[n - 1 - k++] = t;
    }
    ck_assert_uint_eq(k, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_msg(got[i]->idle_timeout == want[i], "case %zu: got %g, want %g", i,
                      got[i]->idle_timeout, want[i]);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_fractional_delay_keeps_fraction_but_joins_truncated_list)
{
    /* R3.2 (11.9+): _idleTimeout keeps 1.7, insert() truncates: the timer is in the 1 ms list. */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    ls_timer *a = add(e, 1);
    ls_timer *b = add(e, 1.7);
    ck_assert(b->idle_timeout == 1.7);
    ls_timer_list *l1 = timers_list_for(&e->timers, 1);
    ck_assert_ptr_nonnull(l1);
    ck_assert_ptr_null(timers_list_for(&e->timers, 2));
    ck_assert_ptr_eq(b->list, l1);
    ck_assert_ptr_eq(l1->head, a);
    ck_assert_ptr_eq(l1->tail, b);
    ck_assert_uint_eq(e->timers.queue.count, 1);
    engine_free(e);
    program_free(p);
    /* Through the engine, probe p3b (11.9+): B1.7 C1 A2 */
    expect_run_code("{\"loopsim\": 1, \"main\": ["
               "{\"setTimeout\": [{\"console.log\": \"A2\"}], \"delay\": 2},"
               "{\"setTimeout\": [{\"console.log\": \"B1.7\"}], \"delay\": 1.7},"
               "{\"setTimeout\": [{\"console.log\": \"C1\"}], \"delay\": 1},"
               "{\"busy\": 10}]}",
               "B1.7 C1 A2", 0);
}
END_TEST

START_TEST(test_same_duration_timers_share_one_fifo_list)
{
    /* R3.3: one list per duration; the list keeps the expiry of the timer that created it. */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    ls_timer *a = add(e, 5);
    advance_ms(e, 1);
    ls_timer *b = add(e, 5);
    advance_ms(e, 2);
    ls_timer *c = add(e, 5);
    ls_timer_list *l = timers_list_for(&e->timers, 5);
    ck_assert_ptr_nonnull(l);
    ck_assert_ptr_eq(l->head, a);
    ck_assert_ptr_eq(a->next, b);
    ck_assert_ptr_eq(b->next, c);
    ck_assert_ptr_eq(l->tail, c);
    ck_assert_uint_eq(a->idle_start, 0);
    ck_assert_uint_eq(b->idle_start, 1);
    ck_assert_uint_eq(c->idle_start, 3);
    ck_assert_uint_eq(l->expiry, 5);
    ck_assert_int_eq(e->timers.ref_count, 3);
    engine_free(e);
    program_free(p);
}
END_TEST

/* listOnTimeout calls timer._onTimeout(): a function callback's this is its Timeout (on Node 10
 * too: lib/timers.js ontimeout), an arrow's is its scope's; clearInterval(this) stops it */
START_TEST(test_timer_callback_this_is_its_timeout)
{
    static const char *const versions[] = {"10.7.0", "20"};
    for (size_t i = 0; i < 2; i++)
        expect_run_on(versions[i],
                      "const t = setTimeout(function (a) { console.log('t', this === t, a, "
                      "this.constructor.name); }, 20, 'arg');\n"
                      "let n = 0; const iv = setInterval(function () { n++; "
                      "console.log(this === iv); if (n === 2) clearInterval(this); }, 5);\n"
                      "setTimeout(() => console.log('a', this === module.exports, typeof this), 30);\n",
                      "true true t true arg Timeout a true object", 0, STOP_NONE);
}
END_TEST

/* A timer that ran or was cleared is a root of the collector no more: only its Timeout, if the
 * program holds it, keeps its callback (refresh() runs it again, after thousands of
 * collections); once that object is freed the timer is reused by the next setTimeout, so a
 * chain of 100,000 costs the arena what a few do (it grew about 380 bytes a timer before).
 * Node 10's timers (a TimerWrap per list, one of its own once unref'd) too. */
START_TEST(test_timers_that_ran_are_reused_unless_the_program_holds_them)
{
    static const char *const versions[] = {"10.7.0", "20"};
    const char *js = "const held = setTimeout((x) => console.log('held ran', x), 1, 'arg');\n"
                     "const own = setInterval(() => {}, 50000); own.unref();\n"
                     "let n = 0;\n"
                     "function f() { if (++n < 100000) setTimeout(f, 0); else last(); }\n"
                     "function last() {\n"
                     "  held.refresh();\n"
                     "  setTimeout(() => console.log('fresh ran', n), 5);\n"
                     "}\n"
                     "setTimeout(f, 0);\n";
    for (size_t i = 0; i < 2; i++) {
        ls_program *p = load(js);
        ls_engine *e = engine_for_profile(p, profile_for_version(versions[i]));
        size_t before = arena_bytes(e->arena);
        ck_assert_int_eq(engine_run(e), 0);
        ck_assert_msg(strcmp(output_of(e), "held ran arg held ran arg fresh ran 100000") == 0,
                      "on %s: %s", versions[i], output_of(e));
        ck_assert_msg(arena_bytes(e->arena) - before < 4u << 20,
                      "on %s: the arena grew %zu bytes for 100,000 timers", versions[i],
                      arena_bytes(e->arena) - before);
        engine_free(e);
        program_free(p);
    }
}
END_TEST

START_TEST(test_an_arrow_that_is_only_called_has_no_property_table)
{
    /* a closure's length and name (vm.c fn_props_settle) are put in its property map when a
     * property of it is first used: a setTimeout callback that only runs costs no table */
    ls_program *p = load("globalThis.A = () => 1; globalThis.B = (x) => x; "
                         "globalThis.C = () => 2;\n"
                         "setTimeout(A, 1); B.name; C.tag = 1;\n");
    ls_engine *e = engine_for(p);
    ck_assert_int_eq(engine_run(e), 0); /* A has run */
    js_object *a = global_fn(e, "A").u.object, *b = global_fn(e, "B").u.object,
              *c = global_fn(e, "C").u.object;
    ck_assert(a->lazy_fn_props && a->props.props == NULL && !a->touched);
    ck_assert(!b->lazy_fn_props && b->props.live == 2 && !b->touched);
    ck_assert(!c->lazy_fn_props && c->props.live == 3 && c->touched);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_timer_start_is_fresh_loop_time)
{
    /* R3.4: _idleStart = getLibuvNow(), which updates the loop time, not the cached uv_now. */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    advance_ms(e, 3.2);
    ck_assert_uint_eq(clock_now(&e->clock), 0); /* the cached loop time is stale */
    ls_timer *t = add(e, 10);
    ck_assert_uint_eq(t->idle_start, 3);
    ck_assert_uint_eq(t->list->expiry, 13);
    ck_assert_uint_eq(clock_now(&e->clock), 3); /* GetNow refreshed it */
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_timer_lists_ordered_by_expiry_then_id)
{
    /* R3.3: timerListQueue is ordered by (expiry, id); ids are given at list creation. */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    add(e, 5);      /* list 5: expiry 5, id 0 */
    add(e, 3);      /* list 3: expiry 3, id 1 */
    advance_ms(e, 2);
    add(e, 1);      /* list 1: expiry 3, id 2 */
    add(e, 3);      /* joins list 3 */
    add(e, 4);      /* list 4: expiry 6, id 3 */
    ck_assert_uint_eq(e->timers.queue.count, 4);
    /* The single uv timer is armed for the earliest list. */
    ck_assert(e->timers.handle.handle.active);
    ck_assert_uint_eq(e->timers.handle.timeout, 3);
    ck_assert(e->timers.next_expiry == 3);
    int64_t want_msecs[4] = {3, 1, 5, 4};
    int64_t want_ids[4] = {1, 2, 0, 3};
    uint64_t want_expiry[4] = {3, 3, 5, 6};
    for (int i = 0; i < 4; i++) {
        ls_heap_node *n = heap_min(&e->timers.queue);
        ck_assert_ptr_nonnull(n);
        ls_timer_list *l = list_of(n);
        ck_assert_int_eq(l->msecs, want_msecs[i]);
        ck_assert_int_eq(l->id, want_ids[i]);
        ck_assert_uint_eq(l->expiry, want_expiry[i]);
        heap_remove(&e->timers.queue, n);
    }
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_clear_removes_empty_ref_list)
{
    /* lib/timers.js unenroll: a ref'd timer that empties its list deletes the list. */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    ls_timer *a = add(e, 5);
    ls_timer *b = add(e, 5);
    timers_clear(e, a);
    ls_timer_list *l = timers_list_for(&e->timers, 5);
    ck_assert_ptr_nonnull(l); /* b is still in it */
    ck_assert_ptr_eq(l->head, b);
    ck_assert_ptr_null(a->list);
    ck_assert(a->destroyed);
    ck_assert(a->idle_timeout == -1);
    timers_clear(e, b);
    ck_assert_ptr_null(timers_list_for(&e->timers, 5));
    ck_assert_uint_eq(e->timers.queue.count, 0);
    ck_assert_int_eq(e->timers.ref_count, 0);
    ck_assert(!loop_alive(e));
    timers_clear(e, b); /* clearing twice changes nothing */
    ck_assert_int_eq(e->timers.ref_count, 0);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_clear_unrefed_timer_keeps_its_empty_list)
{
    /* unenroll: "We only delete refed lists" - an unref'd timer leaves its emptied list. */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    ls_timer *a = add(e, 5);
    timers_unref(e, a);
    timers_clear(e, a);
    ls_timer_list *l = timers_list_for(&e->timers, 5);
    ck_assert_ptr_nonnull(l);
    ck_assert_ptr_null(l->head);
    ck_assert_uint_eq(e->timers.queue.count, 1);
    ck_assert_int_eq(e->timers.ref_count, 0);
    /* A new 5 ms timer joins that list, which keeps its old expiry and id. */
    advance_ms(e, 2);
    ls_timer *b = add(e, 5);
    ck_assert_ptr_eq(b->list, l);
    ck_assert_uint_eq(l->expiry, 5);
    ck_assert_int_eq(l->id, 0);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_unref_keeps_timer_in_list)
{
    /* R3.11 (11+): unref() only changes the ref count; the timer keeps its place.  The uv timer
     * handle is unref'd when the count reaches 0, and the loop is then not alive. */
    ls_program *p = load(EMPTY);
    ls_engine *e = engine_for(p);
    ls_timer *a = add(e, 1);
    ls_timer *b = add(e, 1);
    ls_timer *c = add(e, 1);
    ck_assert(loop_alive(e));
    timers_unref(e, b);
    ls_timer_list *l = timers_list_for(&e->timers, 1);
    ck_assert_ptr_eq(b->list, l);
    ck_assert_ptr_eq(a->next, b);
    ck_assert_ptr_eq(b->next, c);
    ck_assert_int_eq(e->timers.ref_count, 2);
    timers_unref(e, b); /* twice: no effect */
    ck_assert_int_eq(e->timers.ref_count, 2);
    timers_unref(e, a);
    timers_unref(e, c);
    ck_assert_int_eq(e->timers.ref_count, 0);
    ck_assert(!e->timers.handle.handle.refed);
    ck_assert(!loop_alive(e));
    ck_assert_uint_eq(l->expiry, 1);
    timers_ref(e, b);
    ck_assert_int_eq(e->timers.ref_count, 1);
    ck_assert(loop_alive(e));
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_rescheduled_list_gets_new_id)
{
    /* R3.5, probe p3n: B0 (2 ms) starts at 0, B1 (2 ms) at 1, A (1 ms) at 2.  A timers phase at
     * 2 runs B0; B1 is not due, so the 2 ms list moves to expiry 3 with a NEW id (2), behind the
     * 1 ms list (expiry 3, id 1): at 3, A runs before B1. */
    ls_program *p = load("{\"loopsim\": 1, " ZERO_TIMING ", \"source\": "
                         "\"globalThis.B0 = function B0() { console.log('B0'); };\\n"
                         "globalThis.B1 = function B1() { console.log('B1'); };\\n"
                         "globalThis.A = function A() { console.log('A'); };\\n\"}");
    ls_engine *e = engine_for(p);
    host_run_main(e);
    ck_assert_uint_eq(clock_now(&e->clock), 0);
    ls_origin o = {"setTimeout", "t", 0};
    timers_create(e, global_fn(e, "B0"), NULL, 0, 2, false, o);
    advance_ms(e, 1);
    timers_create(e, global_fn(e, "B1"), NULL, 0, 2, false, o);
    advance_ms(e, 1);
    timers_create(e, global_fn(e, "A"), NULL, 0, 1, false, o);
    ls_timer_list *l2 = timers_list_for(&e->timers, 2);
    ls_timer_list *l1 = timers_list_for(&e->timers, 1);
    ck_assert_int_eq(l2->id, 0);
    ck_assert_int_eq(l1->id, 1);
    ck_assert_uint_eq(l1->expiry, 3);

    e->timers.handle.cb(e, &e->timers.handle); /* RunTimers at loop-ms 2 */
    ck_assert_str_eq(output_of(e), "B0");
    ck_assert_ptr_eq(timers_list_for(&e->timers, 2), l2);
    ck_assert_uint_eq(l2->expiry, 3);
    ck_assert_int_eq(l2->id, 2);
    ck_assert_ptr_eq(list_of(heap_min(&e->timers.queue)), l1);
    ck_assert_uint_eq(e->timers.handle.timeout, 3); /* re-armed for expiry 3 */

    advance_ms(e, 1);
    e->timers.handle.cb(e, &e->timers.handle); /* RunTimers at loop-ms 3 */
    ck_assert_str_eq(output_of(e), "B0 A B1");
    ck_assert_uint_eq(e->timers.queue.count, 0);
    ck_assert_int_eq(e->timers.ref_count, 0);
    engine_free(e);
    program_free(p);
}
END_TEST

/* ---- whole scenarios ---------------------------------------------------------------------- */

START_TEST(test_zero_and_one_ms_timers_are_one_fifo_list)
{
    /* R3.7, probe p3p */
    expect_run_code("{\"loopsim\": 1, \"main\": ["
               "{\"setTimeout\": [{\"console.log\": \"A(1)\"}], \"delay\": 1},"
               "{\"setTimeout\": [{\"console.log\": \"B(0)\"}], \"delay\": 0},"
               "{\"setTimeout\": [{\"console.log\": \"C(1)\"}], \"delay\": 1},"
               "{\"setTimeout\": [{\"console.log\": \"D(-1)\"}], \"delay\": -1}]}",
               "A(1) B(0) C(1) D(-1)", 0);
}
END_TEST

START_TEST(test_ticks_and_microtasks_drain_after_each_timer)
{
    /* R2.1, probe p2a: T1 T1.tick T1.promise T2 T2.tick T2.promise */
    expect_run_code("{\"loopsim\": 1, \"functions\": {\"cb\": {\"params\": [\"n\"], \"body\": ["
               "{\"console.log\": {\"var\": \"n\"}},"
               "{\"process.nextTick\": [{\"console.log\": [{\"var\": \"n\"}, \"tick\"]}]},"
               "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": [{\"var\": \"n\"}, \"promise\"]}]}]}"
               "]}}, \"main\": ["
               "{\"setTimeout\": \"cb\", \"delay\": 1, \"args\": [\"T1\"]},"
               "{\"setTimeout\": \"cb\", \"delay\": 1, \"args\": [\"T2\"]},"
               "{\"busy\": 5}]}",
               "T1 T1 tick T1 promise T2 T2 tick T2 promise", 0);
}
END_TEST

START_TEST(test_equal_expiry_runs_older_list_first)
{
    /* R3.5, probe p3d: A (2 ms) at loop-ms 0 and B (1 ms) at loop-ms 1 expire together; the
     * older list wins.  Created in the same ms, B's earlier expiry wins instead. */
    expect_run_code("{\"loopsim\": 1, " ZERO_TIMING ", \"main\": ["
               "{\"setTimeout\": [{\"console.log\": \"A2\"}], \"delay\": 2},"
               "{\"busy\": 1},"
               "{\"setTimeout\": [{\"console.log\": \"B1\"}], \"delay\": 1},"
               "{\"busy\": 10}]}",
               "A2 B1", 0);
    expect_run_code("{\"loopsim\": 1, " ZERO_TIMING ", \"main\": ["
               "{\"setTimeout\": [{\"console.log\": \"A2\"}], \"delay\": 2},"
               "{\"busy\": 0.9},"
               "{\"setTimeout\": [{\"console.log\": \"B1\"}], \"delay\": 1},"
               "{\"busy\": 10}]}",
               "B1 A2", 0);
}
END_TEST

START_TEST(test_rescheduled_list_queues_behind_list_of_equal_expiry)
{
    /* R3.5, probe p3n, through the whole loop: starts 0, 1, 2; the first timers phase is at 2. */
    expect_run_code("{\"loopsim\": 1, " ZERO_TIMING ", \"main\": ["
               "{\"setTimeout\": [{\"console.log\": \"B0\"}], \"delay\": 2},"
               "{\"busy\": 1},"
               "{\"setTimeout\": [{\"console.log\": \"B1\"}], \"delay\": 2},"
               "{\"busy\": 1},"
               "{\"setTimeout\": [{\"console.log\": \"A\"}], \"delay\": 1}]}",
               "B0 A B1", 0);
}
END_TEST

START_TEST(test_timer_created_in_timer_waits_for_next_phase)
{
    /* R3.6, probe p3g (11+): A1 B2 I C3 */
    expect_run_code("{\"loopsim\": 1, \"main\": ["
               "{\"setTimeout\": [{\"console.log\": \"A1\"},"
               "  {\"setTimeout\": [{\"console.log\": \"C3\"}], \"delay\": 3},"
               "  {\"setImmediate\": [{\"console.log\": \"I\"}]}], \"delay\": 1},"
               "{\"setTimeout\": [{\"console.log\": \"B2\"}, {\"busy\": 6},"
               "  {\"setTimeout\": [], \"delay\": 50}], \"delay\": 2},"
               "{\"busy\": 10}]}",
               "A1 B2 I C3", 0);
}
END_TEST

START_TEST(test_clear_from_earlier_callback_prevents_run)
{
    /* R3.9, probe p3i: T1 IV1 T4 IV2 */
    expect_run_code("{\"loopsim\": 1, \"main\": ["
               "{\"let\": \"t2\", \"value\": null}, {\"let\": \"t3\", \"value\": null},"
               "{\"setTimeout\": [{\"console.log\": \"T1\"}, {\"clearTimeout\": {\"var\": \"t2\"}},"
               "  {\"clearTimeout\": {\"var\": \"t3\"}}], \"delay\": 1},"
               "{\"set\": \"t2\", \"value\": {\"setTimeout\": [{\"console.log\": \"T2\"}], \"delay\": 1}},"
               "{\"set\": \"t3\", \"value\": {\"setTimeout\": [{\"console.log\": \"T3\"}], \"delay\": 2}},"
               "{\"setTimeout\": [{\"console.log\": \"T4\"}], \"delay\": 2},"
               "{\"let\": \"k\", \"value\": 0},"
               "{\"setInterval\": [{\"increment\": \"k\"}, {\"console.log\": [\"IV\", {\"var\": \"k\"}]},"
               "  {\"if\": {\"equals\": [{\"var\": \"k\"}, 2]}, \"do\": [{\"clearInterval\": {\"var\": \"iv\"}}]}],"
               "  \"delay\": 1, \"as\": \"iv\"},"
               "{\"busy\": 10}]}",
               "T1 IV 1 T4 IV 2", 0);
}
END_TEST

START_TEST(test_refresh_moves_timer_to_list_tail)
{
    /* R3.10, probe p3j */
    expect_run_code("{\"loopsim\": 1, \"main\": ["
               "{\"setTimeout\": [{\"console.log\": \"A5\"}], \"delay\": 5, \"as\": \"a\"},"
               "{\"setTimeout\": [{\"console.log\": \"B5\"}], \"delay\": 5},"
               "{\"refresh\": {\"var\": \"a\"}}]}",
               "B5 A5", 0);
}
END_TEST

START_TEST(test_unref_timer_runs_in_place_when_its_list_runs)
{
    /* R3.11, probe p3o (11+): A A.tick B-unref B-unref.tick C C.tick */
    expect_run_code("{\"loopsim\": 1, \"functions\": {\"cb\": {\"params\": [\"n\"], \"body\": ["
               "{\"console.log\": {\"var\": \"n\"}},"
               "{\"process.nextTick\": [{\"console.log\": [{\"var\": \"n\"}, \"tick\"]}]}]}},"
               "\"main\": ["
               "{\"setTimeout\": \"cb\", \"delay\": 1, \"args\": [\"A\"]},"
               "{\"setTimeout\": \"cb\", \"delay\": 1, \"args\": [\"B-unref\"], \"unref\": true},"
               "{\"setTimeout\": \"cb\", \"delay\": 1, \"args\": [\"C\"]},"
               "{\"setTimeout\": [], \"delay\": 20},"
               "{\"busy\": 5}]}",
               "A A tick B-unref B-unref tick C C tick", 0);
}
END_TEST

START_TEST(test_unref_timer_alone_does_not_keep_loop_alive)
{
    /* R3.11, probe p3k: the unref'd 60 ms timer never runs */
    expect_run_code("{\"loopsim\": 1, \"main\": ["
               "{\"setTimeout\": [{\"console.log\": \"unref 10\"}], \"delay\": 10, \"unref\": true},"
               "{\"setTimeout\": [{\"console.log\": \"ref 30\"}], \"delay\": 30},"
               "{\"setTimeout\": [{\"console.log\": \"unref 60\"}], \"delay\": 60, \"unref\": true},"
               "{\"process.on\": \"exit\", \"listener\": [{\"console.log\": \"exit\"}]}]}",
               "unref 10 ref 30 exit", 0);
}
END_TEST

START_TEST(test_interval_restarts_from_its_callback_start)
{
    /* R3.8 (11+): start = getLibuvNow() before the callback; next expiry = start + repeat. */
    ls_program *p = load("{\"loopsim\": 1, " ZERO_TIMING ", \"main\": ["
                         "{\"let\": \"k\", \"value\": 0},"
                         "{\"setInterval\": [{\"increment\": \"k\"}, {\"console.log\": {\"var\": \"k\"}},"
                         "  {\"if\": {\"equals\": [{\"var\": \"k\"}, 3]}, \"do\": [{\"clearInterval\": {\"var\": \"iv\"}}]}],"
                         "  \"delay\": 10, \"as\": \"iv\"}]}");
    ls_engine *e = engine_for(p);
    e->out.recording = true; /* keep the trace records: when each callback began */
    ck_assert_int_eq(engine_run(e), 0);
    ck_assert_str_eq(output_of(e), "1 2 3");
    int64_t want_ms[3] = {10, 20, 30}; /* clock phase 0: loop-ms = time_ns / 1e6 */
    for (size_t i = 0; i < 3; i++) {
        ck_assert_uint_lt(e->out.lines[i].record, e->out.nrecords);
        const ls_record *r = &e->out.records[e->out.lines[i].record];
        ck_assert_int_eq(r->time_ns / LS_NS_PER_MS, want_ms[i]);
        ck_assert_int_eq(r->phase, PHASE_TIMERS);
    }
    engine_free(e);
    program_free(p);
}
END_TEST

/* ---- exceptions (R11) ---------------------------------------------------------------------
 * Probe p4d (all versions): when a timer throws (with an 'uncaughtException' listener),
 * RunTimers' do-while re-enters processTimers for the remaining timers without a drain, and the
 * "first timer gets no runNextTicks" rule applies again, so a tick queued by the throwing timer
 * runs only after the NEXT timer.  The committed src/process/timers.c (c376ab3) failed this: it printed
 * "T1 uncaught boom T1.tick T2 ...". */
START_TEST(test_tick_from_throwing_timer_runs_after_the_next_timer)
{
    expect_run_code("{\"loopsim\": 1, \"main\": ["
               "{\"process.on\": \"uncaughtException\", \"listener\": {\"params\": [\"e\"], \"body\": "
               "  [{\"console.log\": [\"uncaught\", {\"var\": \"e\"}]}]}},"
               "{\"setTimeout\": [{\"console.log\": \"T1\"}, {\"process.nextTick\": [{\"console.log\": \"T1.tick\"}]},"
               "  {\"throw\": \"boom\"}], \"delay\": 1},"
               "{\"setTimeout\": [{\"console.log\": \"T2\"}], \"delay\": 1},"
               "{\"setTimeout\": [{\"console.log\": \"T3 (list 2)\"}], \"delay\": 2},"
               "{\"setImmediate\": [{\"console.log\": \"imm\"}]},"
               "{\"busy\": 10}]}",
               "T1 uncaught boom T2 T1.tick T3 (list 2) imm", 0);
}
END_TEST

static Suite *timers_suite(void)
{
    Suite *s = suite_create("timers");
    TCase *tc = tcase_create("module");
    tcase_add_test(tc, test_delay_coercion_matches_node);
    tcase_add_test(tc, test_fractional_delay_keeps_fraction_but_joins_truncated_list);
    tcase_add_test(tc, test_same_duration_timers_share_one_fifo_list);
    tcase_add_test(tc, test_an_arrow_that_is_only_called_has_no_property_table);
    tcase_add_test(tc, test_timer_start_is_fresh_loop_time);
    tcase_add_test(tc, test_timer_lists_ordered_by_expiry_then_id);
    tcase_add_test(tc, test_clear_removes_empty_ref_list);
    tcase_add_test(tc, test_clear_unrefed_timer_keeps_its_empty_list);
    tcase_add_test(tc, test_unref_keeps_timer_in_list);
    tcase_add_test(tc, test_rescheduled_list_gets_new_id);
    suite_add_tcase(s, tc);
    tc = tcase_create("scenarios");
    tcase_add_test(tc, test_zero_and_one_ms_timers_are_one_fifo_list);
    tcase_add_test(tc, test_ticks_and_microtasks_drain_after_each_timer);
    tcase_add_test(tc, test_equal_expiry_runs_older_list_first);
    tcase_add_test(tc, test_rescheduled_list_queues_behind_list_of_equal_expiry);
    tcase_add_test(tc, test_timer_created_in_timer_waits_for_next_phase);
    tcase_add_test(tc, test_clear_from_earlier_callback_prevents_run);
    tcase_add_test(tc, test_refresh_moves_timer_to_list_tail);
    tcase_add_test(tc, test_unref_timer_runs_in_place_when_its_list_runs);
    tcase_add_test(tc, test_unref_timer_alone_does_not_keep_loop_alive);
    tcase_add_test(tc, test_interval_restarts_from_its_callback_start);
    tcase_add_test(tc, test_timer_callback_this_is_its_timeout);
    tcase_add_test(tc, test_timers_that_ran_are_reused_unless_the_program_holds_them);
    suite_add_tcase(s, tc);
    tc = tcase_create("exceptions");
    tcase_add_test(tc, test_tick_from_throwing_timer_runs_after_the_next_timer);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(timers_suite());
}
