/* test_promise.c - unit tests for V8's promises (src/promise.c), one test per rule.
 *
 * Most tests measure a microtask depth as probe p8a of shared/reference R8.1 does: a "ticker"
 * chain Promise.resolve().then(log 1).then(log 2)... is queued first, then the expression under
 * test, whose callback logs "f"; the number of ticker lines before "f" is the number of jobs it
 * took.  The expected depths are the Node 12+ column of the R8.1 table.  The last tests drive
 * the module directly. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "interp.h"
#include "loader.h"
#include "profile.h"
#include "engine_harness.h"

#define TICKER                                                                               \
    "{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"1\"}]},"       \
    "{\"then\": [{\"console.log\": \"2\"}]}, {\"then\": [{\"console.log\": \"3\"}]},"        \
    "{\"then\": [{\"console.log\": \"4\"}]}, {\"then\": [{\"console.log\": \"5\"}]},"        \
    "{\"then\": [{\"console.log\": \"6\"}]}]}"

/* The microtask depth at which "f" is printed when `stmts` run after the ticker.  `funcs` are
 * extra function declarations (each followed by a comma), `r` is a fulfilled promise. */
static int depth_of(const char *funcs, const char *stmts)
{
    char json[4096];
    snprintf(json, sizeof json,
             "{\"loopsim\": 1, \"functions\": {%s \"f\": [{\"console.log\": \"f\"}]}, \"main\": ["
             "{\"Promise.resolve\": 1, \"as\": \"r\"}, " TICKER ", %s]}",
             funcs, stmts);
    ls_program *p = load(json);
    ls_engine *e = engine_for(p);
    ck_assert_int_eq(engine_run(e), 0);
    int depth = -1, ticks = 0;
    for (size_t i = 0; i < e->out.nlines; i++) {
        const char *t = e->out.lines[i].text;
        if (strcmp(t, "f") == 0) {
            ck_assert_msg(depth < 0, "f printed twice: %s", output_of(e));
            depth = ticks;
        } else {
            ck_assert_int_eq(atoi(t), ++ticks); /* the ticker itself is untouched */
        }
    }
    ck_assert_msg(depth >= 0, "f never printed: %s", output_of(e));
    ck_assert_int_eq(ticks, 6);
    engine_free(e);
    program_free(p);
    return depth;
}

#define THEN_F "\"chain\": [{\"then\": \"f\"}]"

/* ---- job counts (R8.1) ------------------------------------------------------------------- */

START_TEST(test_then_on_resolved_promise_is_one_job)
{
    ck_assert_int_eq(depth_of("", "{\"var\": \"r\", " THEN_F "}"), 1);
}
END_TEST

START_TEST(test_catch_on_rejected_promise_is_one_job)
{
    ck_assert_int_eq(depth_of("", "{\"Promise.reject\": 0, \"chain\": [{\"catch\": \"f\"}]}"), 1);
}
END_TEST

START_TEST(test_then_then_is_two_jobs)
{
    ck_assert_int_eq(depth_of("", "{\"var\": \"r\", \"chain\": [{\"then\": [{\"return\": 1}]},"
                                  "{\"then\": \"f\"}]}"),
                     2);
}
END_TEST

START_TEST(test_rejection_passes_through_then_without_handler)
{
    /* A then with no onRejected passes the rejection on, in one job of its own. */
    ck_assert_int_eq(depth_of("", "{\"Promise.reject\": 0, \"chain\": ["
                                  "{\"then\": [{\"console.log\": \"never\"}]}, {\"catch\": \"f\"}]}"),
                     2);
}
END_TEST

START_TEST(test_then_returning_promise_costs_two_extra_jobs)
{
    ck_assert_int_eq(depth_of("", "{\"var\": \"r\", \"chain\": [{\"then\": [{\"return\": {\"var\": \"r\"}}]},"
                                  "{\"then\": \"f\"}]}"),
                     4);
}
END_TEST

START_TEST(test_resolve_with_promise_costs_two_extra_jobs)
{
    /* PromiseResolveThenableJob, then the reaction it adds to r: new Promise(res => res(r)) */
    ck_assert_int_eq(depth_of("", "{\"new Promise\": {\"params\": [\"res\"], \"body\": ["
                                  "{\"call\": \"res\", \"args\": [{\"var\": \"r\"}]}]}, " THEN_F "}"),
                     3);
}
END_TEST

START_TEST(test_resolve_with_thenable_costs_one_extra_job)
{
    ck_assert_int_eq(depth_of("", "{\"new Promise\": {\"params\": [\"res\"], \"body\": ["
                                  "{\"call\": \"res\", \"args\": [{\"thenable\": {\"params\": [\"ok\"], "
                                  "\"body\": [{\"call\": \"ok\"}]}}]}]}, " THEN_F "}"),
                     2);
}
END_TEST

START_TEST(test_finally_then_is_four_jobs)
{
    /* thenFinally calls onFinally, then returns PromiseResolve(result).then(valueThunk). */
    ck_assert_int_eq(depth_of("", "{\"var\": \"r\", \"chain\": [{\"finally\": []}, {\"then\": \"f\"}]}"), 4);
}
END_TEST

START_TEST(test_finally_callback_itself_is_one_job)
{
    ck_assert_int_eq(depth_of("", "{\"var\": \"r\", \"chain\": [{\"finally\": \"f\"}]}"), 1);
}
END_TEST

START_TEST(test_promise_all_and_race_then_are_two_jobs)
{
    ck_assert_int_eq(depth_of("", "{\"Promise.all\": [{\"var\": \"r\"}, {\"var\": \"r\"}], " THEN_F "}"), 2);
    ck_assert_int_eq(depth_of("", "{\"Promise.race\": [{\"var\": \"r\"}], " THEN_F "}"), 2);
}
END_TEST

START_TEST(test_promise_resolve_of_a_promise_is_that_promise)
{
    ck_assert_int_eq(depth_of("", "{\"Promise.resolve\": {\"var\": \"r\"}, " THEN_F "}"), 1);
}
END_TEST

START_TEST(test_await_native_promise_is_one_job)
{
    /* Node 12+ (V8 >= 7.2): await is PromiseResolve + PerformPromiseThen. */
    ck_assert(profile_default()->await_direct);
    ck_assert_int_eq(depth_of("\"af\": {\"async\": true, \"body\": [{\"await\": {\"var\": \"r\"}}, {\"call\": \"f\"}]},",
                              "{\"call\": \"af\"}"),
                     1);
    ck_assert_int_eq(depth_of("\"af\": {\"async\": true, \"body\": [{\"await\": 5}, {\"call\": \"f\"}]},",
                              "{\"call\": \"af\"}"),
                     1);
}
END_TEST

START_TEST(test_await_thenable_is_two_jobs)
{
    ck_assert_int_eq(depth_of("\"af\": {\"async\": true, \"body\": [{\"await\": {\"thenable\": "
                              "{\"params\": [\"ok\"], \"body\": [{\"call\": \"ok\"}]}}}, {\"call\": \"f\"}]},",
                              "{\"call\": \"af\"}"),
                     2);
}
END_TEST

START_TEST(test_async_function_returning_promise_is_three_jobs)
{
    ck_assert_int_eq(depth_of("\"ar\": {\"async\": true, \"body\": [{\"return\": {\"var\": \"r\"}}]},",
                              "{\"call\": \"ar\", " THEN_F "}"),
                     3);
    ck_assert_int_eq(depth_of("\"ae\": {\"async\": true, \"body\": []},", "{\"call\": \"ae\", " THEN_F "}"), 1);
}
END_TEST

/* ---- settling ------------------------------------------------------------------------------ */

START_TEST(test_resolving_functions_settle_only_once)
{
    expect_run("{\"loopsim\": 1, \"main\": [{\"new Promise\": {\"params\": [\"res\", \"rej\"], \"body\": ["
               "{\"call\": \"res\", \"args\": [1]}, {\"call\": \"rej\", \"args\": [2]},"
               "{\"call\": \"res\", \"args\": [3]}]},"
               "\"chain\": [{\"then\": {\"params\": [\"v\"], \"body\": [{\"console.log\": {\"var\": \"v\"}}]},"
               "\"onRejected\": [{\"console.log\": \"rejected\"}]}]}]}",
               "1");
}
END_TEST

START_TEST(test_reactions_run_in_registration_order)
{
    /* TriggerPromiseReactions: one job per reaction, in the order the reactions were added. */
    ls_program *p = load("{\"loopsim\": 1, \"functions\": {"
                         "\"A\": {\"params\": [\"v\"], \"body\": [{\"console.log\": [\"A\", {\"var\": \"v\"}]}]},"
                         "\"B\": {\"params\": [\"v\"], \"body\": [{\"console.log\": [\"B\", {\"var\": \"v\"}]}]}},"
                         "\"main\": []}");
    ls_engine *e = engine_for(p);
    ls_value fa = value_undefined(), fb = value_undefined();
    for (size_t i = 0; i < e->globals->len; i++) {
        if (strcmp(e->globals->names[i], "A") == 0)
            fa = e->globals->values[i];
        if (strcmp(e->globals->names[i], "B") == 0)
            fb = e->globals->values[i];
    }
    ls_promise *pr = promise_new(e);
    ls_handler none = {H_EMPTY, value_undefined(), NULL, 0};
    ls_handler ha = {H_FUNCTION, fa, NULL, 0}, hb = {H_FUNCTION, fb, NULL, 0};
    ls_origin o = {"then", "x", 0};
    ls_promise *da = promise_then(e, pr, ha, none, true, o);
    promise_then(e, pr, hb, none, false, o);
    ck_assert_ptr_nonnull(da);
    ck_assert_int_eq(da->state, PS_PENDING);
    ck_assert_uint_eq(tasks_microtask_count(e), 0);
    promise_resolve(e, pr, value_number(7));
    ck_assert_int_eq(pr->state, PS_FULFILLED);
    ck_assert_uint_eq(tasks_microtask_count(e), 2);
    promise_resolve(e, pr, value_number(8)); /* already settled: nothing more */
    ck_assert_uint_eq(tasks_microtask_count(e), 2);
    tasks_run_microtasks(e);
    ck_assert_str_eq(output_of(e), "A 7 B 7");
    ck_assert_int_eq(da->state, PS_FULFILLED); /* A returned undefined */
    ck_assert_int_eq(da->result.kind, LV_UNDEFINED);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_promise_all_empty_resolves_synchronously)
{
    /* Promise.all([]): remainingElementsCount reaches 0 inside the call: fulfilled with []. */
    ls_program *p = load("{\"loopsim\": 1, \"main\": []}");
    ls_engine *e = engine_for(p);
    ls_origin o = {"Promise.all", "all", 0};
    ls_promise *all = promise_all(e, NULL, 0, o);
    ck_assert_int_eq(all->state, PS_FULFILLED);
    ck_assert_int_eq(all->result.kind, LV_ARRAY);
    ck_assert_uint_eq(all->result.as.array->len, 0);
    ck_assert_uint_eq(tasks_microtask_count(e), 0);
    /* With a pending element it stays pending. */
    ls_value pending = value_promise(promise_new(e));
    ls_promise *all2 = promise_all(e, &pending, 1, o);
    ck_assert_int_eq(all2->state, PS_PENDING);
    engine_free(e);
    program_free(p);
}
END_TEST

START_TEST(test_self_resolution_rejects_with_type_error)
{
    /* Promise resolve functions step 7: resolving p with p itself rejects it with a TypeError. */
    ls_program *p = load("{\"loopsim\": 1, \"main\": []}");
    ls_engine *e = engine_for(p);
    ls_promise *pr = promise_new(e);
    promise_resolve(e, pr, value_promise(pr));
    ck_assert_int_eq(pr->state, PS_REJECTED);
    ck_assert_int_eq(pr->result.kind, LV_STRING);
    ck_assert_ptr_nonnull(strstr(pr->result.as.string, "TypeError"));
    ck_assert_uint_eq(tasks_microtask_count(e), 0); /* no thenable job */
    /* PromiseResolve(%Promise%, p) is p itself for a native promise. */
    ck_assert_ptr_eq(promise_resolve_static(e, value_promise(pr)), pr);
    engine_free(e);
    program_free(p);
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
    tcase_add_test(tc, test_finally_then_is_four_jobs);
    tcase_add_test(tc, test_finally_callback_itself_is_one_job);
    tcase_add_test(tc, test_promise_all_and_race_then_are_two_jobs);
    tcase_add_test(tc, test_promise_resolve_of_a_promise_is_that_promise);
    tcase_add_test(tc, test_await_native_promise_is_one_job);
    tcase_add_test(tc, test_await_thenable_is_two_jobs);
    tcase_add_test(tc, test_async_function_returning_promise_is_three_jobs);
    suite_add_tcase(s, tc);
    tc = tcase_create("settling");
    tcase_add_test(tc, test_resolving_functions_settle_only_once);
    tcase_add_test(tc, test_reactions_run_in_registration_order);
    tcase_add_test(tc, test_promise_all_empty_resolves_synchronously);
    tcase_add_test(tc, test_self_resolution_rejects_with_type_error);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(promise_suite());
}
