/* test_promise.c - V8's promise jobs as the VM (src/js/promise.c, builtin_promise.c) runs them,
 * through whole programs: one test per rule of shared/reference (node-ordering-semantics.md)
 * R8.
 *
 * Most tests measure a microtask depth as probe p8a of R8.1 does: a "ticker" chain
 * Promise.resolve().then(log 1).then(log 2)... is queued first, then the expression under test,
 * whose callback `f` logs "f"; the number of ticker lines before "f" is the number of jobs it
 * took.  Every expected output was printed by real node v20.20.2, and by v10.7.0 where a test
 * runs the program on "10.7.0" too (where the rule differs, or to show it does not). */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <string.h>

#include "engine_harness.h"

/* `r`: a fulfilled promise; `f`: logs "f"; then the ticker, 6 jobs deep. */
#define TICKER                                                                               \
    "const r = Promise.resolve(1);\n"                                                        \
    "const f = () => console.log('f');\n"                                                    \
    "Promise.resolve().then(() => console.log(1)).then(() => console.log(2))"                \
    ".then(() => console.log(3)).then(() => console.log(4)).then(() => console.log(5))"      \
    ".then(() => console.log(6));\n"

/* Runs TICKER + `code` on `version` and checks that "f" is printed after `depth` ticker lines
 * (and `before`, if not NULL, is printed first, by the main script). */
static void expect_depth_on(const char *version, const char *before, const char *code,
                            int depth)
{
    char js[4096], want[256];
    snprintf(js, sizeof js, "%s%s\n", TICKER, code);
    size_t n = 0;
    want[0] = '\0';
    if (before)
        n += (size_t)snprintf(want + n, sizeof want - n, "%s ", before);
    for (int i = 1; i <= 6; i++) {
        if (i == depth + 1)
            n += (size_t)snprintf(want + n, sizeof want - n, "f ");
        n += (size_t)snprintf(want + n, sizeof want - n, "%d%s", i, i < 6 ? " " : "");
    }
    ck_assert_int_lt(depth, 6);
    expect_run_on(version, js, want, 0, STOP_NONE);
}

static void expect_depth(const char *code, int depth)
{
    expect_depth_on("20", NULL, code, depth);
}

/* The depth on Node 20 and on Node 10.7.0. */
static void expect_depths(const char *code, int on_20, int on_10)
{
    expect_depth_on("20", NULL, code, on_20);
    expect_depth_on("10.7.0", NULL, code, on_10);
}

/* ---- job counts (R8.1) ------------------------------------------------------------------- */

START_TEST(test_then_on_resolved_promise_is_one_job)
{
    /* a reaction added to a settled promise is queued at once */
    expect_depth("r.then(f);", 1);
}
END_TEST

START_TEST(test_catch_on_rejected_promise_is_one_job)
{
    expect_depth("Promise.reject(0).catch(f);", 1);
}
END_TEST

START_TEST(test_then_then_is_two_jobs)
{
    expect_depth("r.then(() => 1).then(f);", 2);
}
END_TEST

START_TEST(test_rejection_passes_through_then_without_handler)
{
    /* a then with no onRejected passes the rejection on, in one job of its own */
    expect_depth("Promise.reject(0).then(() => console.log('never')).catch(f);", 2);
}
END_TEST

START_TEST(test_then_returning_promise_costs_two_extra_jobs)
{
    /* the derived promise is resolved with r: NewPromiseResolveThenableJob, then r's reaction */
    expect_depth("r.then(() => r).then(f);", 4);
}
END_TEST

START_TEST(test_resolve_with_promise_costs_two_extra_jobs)
{
    /* new Promise(res => res(r)): NewPromiseResolveThenableJob calls r.then, whose reaction
     * resolves the promise: 2 jobs before f's own; the same on Node 10 */
    expect_depths("new Promise((res) => res(r)).then(f);", 3, 3);
}
END_TEST

START_TEST(test_resolve_with_thenable_costs_one_extra_job)
{
    /* the thenable's then is called from a job, and calls ok() synchronously */
    expect_depth("new Promise((res) => res({ then(ok) { ok(); } })).then(f);", 2);
}
END_TEST

START_TEST(test_finally_callback_itself_is_one_job)
{
    expect_depth("r.finally(f);", 1);
}
END_TEST

START_TEST(test_finally_then_is_four_jobs)
{
    /* thenFinally calls onFinally, then returns PromiseResolve(result).then(valueThunk): the
     * derived promise is resolved with a promise (+2) after that then's job (+1); a rejection
     * goes through thrower the same way */
    expect_depths("r.finally(() => {}).then(f);", 4, 4);
    expect_depth("Promise.reject(0).finally(() => {}).catch(f);", 4);
}
END_TEST

START_TEST(test_promise_all_and_race_then_are_two_jobs)
{
    /* the element's reaction settles the combined promise (1 job), then f's reaction (1) */
    expect_depths("Promise.all([r, r]).then(f);", 2, 2);
    expect_depth("Promise.race([r]).then(f);", 2);
}
END_TEST

START_TEST(test_promise_all_settled_and_any_then_are_two_jobs)
{
    /* Promise.allSettled (Node 12.9+) and Promise.any (15+) combine like all */
    expect_depth("Promise.allSettled([r, Promise.reject(0)]).then(f);", 2);
    expect_depth("Promise.any([Promise.reject(0), r]).then(f);", 2);
}
END_TEST

START_TEST(test_promise_resolve_of_a_promise_is_that_promise)
{
    /* PromiseResolve(%Promise%, r) is r itself: no job is added */
    expect_depth_on("20", "true", "console.log(Promise.resolve(r) === r);\n"
                                  "Promise.resolve(r).then(f);", 1);
}
END_TEST

START_TEST(test_await_native_promise_is_one_job)
{
    /* Node 12+ (V8 7.2+): await is PromiseResolve + PerformPromiseThen: 1 job.  Node 10 (V8
     * 6.8) resolved a throwaway promise with it: NewPromiseResolveThenableJob and r's reaction
     * come first, 3 jobs (R8.1). */
    ck_assert(profile_default()->await_direct);
    expect_depths("(async () => { await r; f(); })();", 1, 3);
}
END_TEST

START_TEST(test_await_non_promise_value_is_one_job)
{
    /* any non-thenable: 1 job on every version */
    expect_depths("(async () => { await 5; f(); })();", 1, 1);
}
END_TEST

START_TEST(test_await_thenable_is_two_jobs)
{
    /* the thenable's then runs in NewPromiseResolveThenableJob (1), its ok() queues the
     * await's reaction (2); on every version */
    expect_depths("(async () => { await { then(ok) { ok(); } }; f(); })();", 2, 2);
}
END_TEST

START_TEST(test_async_function_returning_promise_is_three_jobs)
{
    /* `return r` resolves the async function's promise with r: +2, then f's reaction; an async
     * function returning nothing settles at once: f's reaction only */
    expect_depths("(async () => r)().then(f);", 3, 3);
    expect_depth("(async () => {})().then(f);", 1);
}
END_TEST

START_TEST(test_return_await_is_one_job_less_than_return_from_node12)
{
    /* `return await r`: the await's job (1 on Node 12+, 3 on Node 10), then the function's
     * promise is resolved with a plain value, then f's reaction: 2 jobs, against 3 for
     * `return r`; on Node 10 4, one more than `return r` */
    expect_depths("(async () => { return await r; })().then(f);", 2, 4);
}
END_TEST

/* ---- combinators: what they settle with, and when ------------------------------------------- */

START_TEST(test_promise_all_keeps_input_order_and_race_takes_the_first_settled)
{
    /* `fast` is resolved by a tick, `slow` by an immediate; all lists the values in input
     * order whatever order they came in; race settles with the first to settle (rejected or
     * not).  The same on 10.7.0. */
    const char *js =
        "const slow = new Promise((res) => setImmediate(() => res('slow')));\n"
        "const fast = new Promise((res) => process.nextTick(() => res('fast')));\n"
        "Promise.all([slow, 'plain', fast]).then((v) => console.log('all', v.join(',')));\n"
        "Promise.race([slow, fast]).then((v) => console.log('race', v));\n"
        "Promise.race([Promise.reject('first'), Promise.resolve('second')])\n"
        "  .catch((e) => console.log('race rejected', e));\n";
    const char *want = "race rejected first race fast all slow,plain,fast";
    expect_run(js, want);
    expect_run_on("10.7.0", js, want, 0, STOP_NONE);
}
END_TEST

START_TEST(test_promise_all_settled_waits_for_every_element)
{
    /* a rejection does not settle allSettled early: it waits for `slow`, whose immediate drains
     * its microtasks before the next immediate (R2.1) */
    expect_run("const slow = new Promise((res) => setImmediate(() => res('slow')));\n"
               "Promise.allSettled([slow, Promise.reject('no'), 'plain']).then((v) => console.log(\n"
               "  'allSettled', v.map((x) => x.status + ':' + (x.value || x.reason)).join(',')));\n"
               "Promise.resolve().then(() => console.log('microtask'));\n"
               "setImmediate(() => console.log('immediate'));\n",
               "microtask allSettled fulfilled:slow,rejected:no,fulfilled:plain immediate");
}
END_TEST

START_TEST(test_promise_any_takes_the_first_fulfilled)
{
    /* any skips rejections and settles with the first fulfilment; if every element rejects, it
     * rejects with an AggregateError of the reasons in input order */
    expect_run("const slow = new Promise((res) => setImmediate(() => res('slow')));\n"
               "Promise.any([Promise.reject('no'), slow, Promise.resolve('fast')])\n"
               "  .then((v) => console.log('any', v));\n"
               "Promise.any([Promise.reject('a'), slow.then(() => Promise.reject('b'))])\n"
               "  .catch((e) => console.log(e.constructor.name, e.errors.join(',')));\n"
               "Promise.resolve().then(() => console.log('microtask'));\n",
               "microtask any fast AggregateError a,b");
}
END_TEST

/* ---- settling ------------------------------------------------------------------------------ */

START_TEST(test_resolving_functions_settle_only_once)
{
    expect_run("new Promise((res, rej) => { res(1); rej(2); res(3); })\n"
               "  .then((v) => console.log(v), () => console.log('rejected'));\n",
               "1");
}
END_TEST

START_TEST(test_reactions_run_in_registration_order)
{
    /* TriggerPromiseReactions: one job per reaction, queued when the promise is resolved, in
     * the order the reactions were added; resolving again does nothing; A's derived promise is
     * fulfilled with what A returned */
    expect_run("let resolve;\n"
               "const p = new Promise((res) => { resolve = res; });\n"
               "p.then((v) => console.log('A', v)).then((v) => console.log('after A', v));\n"
               "p.then((v) => console.log('B', v));\n"
               "Promise.resolve().then(() => console.log('before resolve'));\n"
               "resolve(7);\n"
               "resolve(8);\n",
               "before resolve A 7 B 7 after A undefined");
}
END_TEST

START_TEST(test_promise_all_empty_resolves_synchronously)
{
    /* Promise.all([]): remainingElementsCount reaches 0 inside the call: fulfilled with [];
     * with a pending element it stays pending */
    expect_run("console.log(Promise.all([]));\n"
               "console.log(Promise.all([new Promise(() => {})]));\n",
               "Promise { [] } Promise { <pending> }");
}
END_TEST

START_TEST(test_self_resolution_rejects_with_type_error)
{
    /* Promise resolve functions step 7: resolving p with p itself rejects it at once with a
     * TypeError (no thenable job: the catch runs after 1 job) */
    expect_depth_on("20", NULL,
                    "let resolve;\n"
                    "const p = new Promise((res) => { resolve = res; });\n"
                    "resolve(p);\n"
                    "p.catch((e) => { if (e instanceof TypeError) f(); });", 1);
    expect_run("let resolve;\n"
               "const p = new Promise((res) => { resolve = res; });\n"
               "resolve(p);\n"
               "p.catch((e) => console.log(e.name, e.message));\n",
               "TypeError Chaining cycle detected for promise #<Promise>");
}
END_TEST

/* ---- unhandled rejections (R8.3) ------------------------------------------------------------
 * V8 reports a rejection with no handler to Node at once (kPromiseRejectWithNoHandler), and a
 * handler added afterwards (kPromiseHandlerAddedAfterReject); Node warns only in
 * processPromiseRejections, after the drain has run every tick and microtask. */

START_TEST(test_handler_added_in_the_same_tick_prevents_unhandled_rejection)
{
    expect_run("process.on('unhandledRejection', (r) => console.log('unhandledRejection', r));\n"
               "const p = Promise.reject('x');\n"
               "console.log('main');\n"
               "p.catch((r) => console.log('caught', r));\n",
               "main caught x");
}
END_TEST

START_TEST(test_handler_added_before_the_drain_ends_prevents_unhandled_rejection)
{
    /* from a tick, from a microtask, from a tick queued by a microtask: all before
     * processPromiseRejections; the same on 10.7.0 */
    const char *js =
        "process.on('unhandledRejection', (r) => console.log('unhandledRejection', r));\n"
        "const p = Promise.reject('x');\n"
        "const q = Promise.reject('y');\n"
        "const s = Promise.reject('z');\n"
        "process.nextTick(() => p.catch((r) => console.log('caught in tick', r)));\n"
        "Promise.resolve().then(() => q.catch((r) => console.log('caught in microtask', r)));\n"
        "Promise.resolve().then(() => process.nextTick(() =>\n"
        "  s.catch((r) => console.log('caught in a tick from a microtask', r))));\n";
    const char *want = "caught in tick x caught in microtask y caught in a tick from a microtask z";
    expect_run(js, want);
    expect_run_on("10.7.0", js, want, 0, STOP_NONE);
}
END_TEST

START_TEST(test_handler_added_later_comes_after_unhandled_rejection)
{
    /* probe p8c without its 'rejectionHandled' listener: the drain after the main script
     * emits 'unhandledRejection'; the handler added in a later timer still runs */
    const char *js =
        "process.on('unhandledRejection', (r) => console.log('unhandledRejection', r));\n"
        "const p = Promise.reject('x');\n"
        "setTimeout(() => {\n"
        "  p.catch((r) => console.log('caught late', r));\n"
        "  console.log('handler added');\n"
        "}, 1);\n";
    const char *want = "unhandledRejection x handler added caught late x";
    expect_run(js, want);
    expect_run_on("10.7.0", js, want, 0, STOP_NONE);
}
END_TEST

static Suite *promise_suite(void)
{
    Suite *s = suite_create("promise");
    TCase *tc = tcase_create("job counts");
    tcase_add_test(tc, test_then_on_resolved_promise_is_one_job);
    tcase_add_test(tc, test_catch_on_rejected_promise_is_one_job);
    tcase_add_test(tc, test_then_then_is_two_jobs);
    tcase_add_test(tc, test_rejection_passes_through_then_without_handler);
    tcase_add_test(tc, test_then_returning_promise_costs_two_extra_jobs);
    tcase_add_test(tc, test_resolve_with_promise_costs_two_extra_jobs);
    tcase_add_test(tc, test_resolve_with_thenable_costs_one_extra_job);
    tcase_add_test(tc, test_finally_callback_itself_is_one_job);
    tcase_add_test(tc, test_finally_then_is_four_jobs);
    tcase_add_test(tc, test_promise_all_and_race_then_are_two_jobs);
    tcase_add_test(tc, test_promise_all_settled_and_any_then_are_two_jobs);
    tcase_add_test(tc, test_promise_resolve_of_a_promise_is_that_promise);
    tcase_add_test(tc, test_await_native_promise_is_one_job);
    tcase_add_test(tc, test_await_non_promise_value_is_one_job);
    tcase_add_test(tc, test_await_thenable_is_two_jobs);
    tcase_add_test(tc, test_async_function_returning_promise_is_three_jobs);
    tcase_add_test(tc, test_return_await_is_one_job_less_than_return_from_node12);
    suite_add_tcase(s, tc);
    tc = tcase_create("combinators");
    tcase_add_test(tc, test_promise_all_keeps_input_order_and_race_takes_the_first_settled);
    tcase_add_test(tc, test_promise_all_settled_waits_for_every_element);
    tcase_add_test(tc, test_promise_any_takes_the_first_fulfilled);
    suite_add_tcase(s, tc);
    tc = tcase_create("settling");
    tcase_add_test(tc, test_resolving_functions_settle_only_once);
    tcase_add_test(tc, test_reactions_run_in_registration_order);
    tcase_add_test(tc, test_promise_all_empty_resolves_synchronously);
    tcase_add_test(tc, test_self_resolution_rejects_with_type_error);
    suite_add_tcase(s, tc);
    tc = tcase_create("unhandled rejections");
    tcase_add_test(tc, test_handler_added_in_the_same_tick_prevents_unhandled_rejection);
    tcase_add_test(tc, test_handler_added_before_the_drain_ends_prevents_unhandled_rejection);
    tcase_add_test(tc, test_handler_added_later_comes_after_unhandled_rejection);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(promise_suite());
}
