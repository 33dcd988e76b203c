/* test_html.c - unit tests for the browser's event loop (src/process/browser/html.c, window.c),
 * one test per rule, each a small program run through the whole engine under the browser
 * profile (--env browser) at the default timing.  The rules and their sources are those of
 * docs/browser.md; what Chromium prints for the corpus is checked by tests/browser_golden.py. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "profile.h"
#include "engine_harness.h"

/* Runs `text` as the page's script; checks what it printed and how the run ended. */
static void expect_page(const char *text, const char *want, ls_stop want_stop)
{
    ls_program *p = load(text);
    ls_engine *e = engine_for_profile(p, profile_browser_default());
    engine_run(e);
    ck_assert_msg(strcmp(output_of(e), want) == 0, "printed \"%s\", expected \"%s\"",
                  output_of(e), want);
    ck_assert_msg(e->stop == want_stop, "the run ended with stop %d (%s), expected %d",
                  (int)e->stop, e->stop_message ? e->stop_message : "-", (int)want_stop);
    engine_free(e);
    program_free(p);
}

START_TEST(test_script_is_followed_by_a_microtask_checkpoint_before_any_task)
{
    /* HTML 8.1.4.4 "clean up after running script" */
    expect_page("setTimeout(() => console.log('timeout'), 0);\n"
                "Promise.resolve().then(() => console.log('then'));\n"
                "queueMicrotask(() => console.log('micro'));\n"
                "console.log('script');\n",
                "script then micro timeout", STOP_NONE);
}
END_TEST

START_TEST(test_checkpoint_after_each_task_drains_microtasks_queued_by_it)
{
    /* HTML event loop step 7: each task, then every microtask, then the next task */
    expect_page("setTimeout(() => { console.log('t1'); "
                "Promise.resolve().then(() => console.log('p1')); }, 0);\n"
                "setTimeout(() => console.log('t2'), 0);\n",
                "t1 p1 t2", STOP_NONE);
}
END_TEST

START_TEST(test_zero_delay_timer_is_posted_at_once_and_beats_a_one_ms_timer_started_first)
{
    /* DOMTimer: a zero delay is no delayed task (TaskType::kJavascriptTimerImmediate) */
    expect_page("setTimeout(() => console.log('one'), 1);\n"
                "setTimeout(() => console.log('zero'), 0);\n",
                "zero one", STOP_NONE);
}
END_TEST

START_TEST(test_timers_of_one_delay_run_in_the_order_started)
{
    /* DelayedIncomingQueue: by due instant, then sequence number */
    expect_page("for (let i = 0; i < 4; i++) setTimeout(() => console.log(i), 5);\n",
                "0 1 2 3", STOP_NONE);
}
END_TEST

START_TEST(test_shorter_delay_runs_first_whatever_the_order_started)
{
    expect_page("setTimeout(() => console.log('20'), 20);\n"
                "setTimeout(() => console.log('10'), 10);\n",
                "10 20", STOP_NONE);
}
END_TEST

START_TEST(test_nested_timers_are_clamped_to_4ms_from_the_seventh_of_a_chain)
{
    /* HTML 8.6 timer initialization steps 10-11: nesting level > 5 -> 4 ms; the script's timer
     * has level 0, so hops 1-6 are unclamped ('u') and the 7th on clamped ('c') */
    expect_page("let last = performance.now(), n = 0, s = [];\n"
                "function hop() {\n"
                "  const now = performance.now();\n"
                "  s.push(now - last >= 4 ? 'c' : 'u');\n"
                "  last = now;\n"
                "  if (++n < 9) setTimeout(hop, 0); else console.log(s.join(''));\n"
                "}\n"
                "setTimeout(hop, 0);\n",
                "uuuuuuccc", STOP_NONE);
}
END_TEST

START_TEST(test_interval_is_clamped_from_its_seventh_run)
{
    expect_page("let last = performance.now(), n = 0, s = [];\n"
                "const id = setInterval(() => {\n"
                "  const now = performance.now();\n"
                "  s.push(now - last >= 4 ? 'c' : 'u');\n"
                "  last = now;\n"
                "  if (++n === 9) { clearInterval(id); console.log(s.join('')); }\n"
                "}, 0);\n",
                "uuuuuuccc", STOP_NONE);
}
END_TEST

START_TEST(test_each_message_listener_is_followed_by_a_checkpoint)
{
    /* HTML "clean up after running a callback" after each listener */
    expect_page("const { port1, port2 } = new MessageChannel();\n"
                "port1.addEventListener('message', e => { console.log('a ' + e.data); "
                "queueMicrotask(() => console.log('ma')); });\n"
                "port1.addEventListener('message', () => { console.log('b'); "
                "queueMicrotask(() => console.log('mb')); });\n"
                "port1.start();\n"
                "port2.postMessage('x');\n",
                "a x ma b mb", STOP_NONE);
}
END_TEST

START_TEST(test_messages_and_zero_timers_run_in_the_order_posted)
{
    expect_page("onmessage = e => console.log('message ' + e.data);\n"
                "setTimeout(() => console.log('timeout'), 0);\n"
                "postMessage('hi', '*');\n",
                "timeout message hi", STOP_NONE);
}
END_TEST

START_TEST(test_animation_frame_callbacks_each_get_a_checkpoint)
{
    /* HTML 8.1.7.3 step 14.13, "run the animation frame callbacks" */
    expect_page("requestAnimationFrame(() => { console.log('a'); "
                "queueMicrotask(() => console.log('ma')); });\n"
                "requestAnimationFrame(() => console.log('b'));\n",
                "a ma b", STOP_NONE);
}
END_TEST

START_TEST(test_frame_asked_for_in_a_frame_callback_waits_for_the_next_frame)
{
    expect_page("requestAnimationFrame(() => {\n"
                "  console.log('f1');\n"
                "  requestAnimationFrame(() => console.log('f2'));\n"
                "  setTimeout(() => console.log('t'), 0);\n"
                "});\n",
                "f1 t f2", STOP_NONE);
}
END_TEST

START_TEST(test_cancelled_frame_callback_does_not_run)
{
    expect_page("let id;\n"
                "requestAnimationFrame(() => { console.log('a'); cancelAnimationFrame(id); });\n"
                "id = requestAnimationFrame(() => console.log('b'));\n",
                "a", STOP_NONE);
}
END_TEST

START_TEST(test_idle_callback_waits_until_no_task_is_runnable)
{
    expect_page("requestIdleCallback(d => console.log('idle ' + d.didTimeout));\n"
                "setTimeout(() => console.log('timeout'), 0);\n"
                "postMessage('m', '*');\n"
                "onmessage = () => console.log('message');\n",
                "timeout message idle false", STOP_NONE);
}
END_TEST

START_TEST(test_uncaught_error_is_reported_and_the_page_goes_on)
{
    expect_page("setTimeout(() => { throw new Error('boom'); }, 0);\n"
                "setTimeout(() => console.log('after'), 0);\n",
                "Uncaught Error: boom after", STOP_NONE);
}
END_TEST

START_TEST(test_node_only_api_is_refused)
{
    expect_page("process.nextTick(() => console.log('tick'));\n", "", STOP_BAD_INPUT);
}
END_TEST

START_TEST(test_unmodelled_browser_api_is_refused)
{
    expect_page("console.log('a');\nfetch('/x');\n", "a", STOP_BAD_INPUT);
}
END_TEST

START_TEST(test_frame_task_goes_first_once_a_task_ends_100ms_after_the_last_frame)
{
    /* main_thread_scheduler_impl.cc: kRenderingStarved, the compositor's queue very high */
    expect_page("requestAnimationFrame(() => console.log('frame'));\n"
                "setTimeout(() => console.log('timeout'), 0);\n"
                "const t = Date.now();\nwhile (Date.now() - t < 150) {}\n",
                "frame timeout", STOP_NONE);
}
END_TEST

START_TEST(test_frame_task_waits_its_turn_while_rendering_is_not_starved)
{
    expect_page("requestAnimationFrame(() => console.log('frame'));\n"
                "setTimeout(() => console.log('timeout'), 0);\n"
                "const t = Date.now();\nwhile (Date.now() - t < 20) {}\n",
                "timeout frame", STOP_NONE);
}
END_TEST

/* Runs a whole page (a .html file's text). */
static void expect_html(const char *page, const char *want)
{
    char *err = NULL;
    ls_program *p = program_load_text("t.html", page, strlen(page), false, &err);
    ck_assert_msg(p != NULL, "page does not load: %s", err ? err : "?");
    free(err);
    ls_engine *e = engine_for_profile(p, profile_browser_default());
    engine_run(e);
    ck_assert_msg(strcmp(output_of(e), want) == 0, "printed \"%s\", expected \"%s\"",
                  output_of(e), want);
    ck_assert_msg(e->stop == STOP_NONE, "the run ended with stop %d (%s)", (int)e->stop,
                  e->stop_message ? e->stop_message : "-");
    engine_free(e);
    program_free(p);
}

START_TEST(test_click_from_script_runs_every_listener_before_any_microtask)
{
    /* HTML 8.1.4.4: no checkpoint while the script is on the stack; the event bubbles */
    expect_html("<div id=outer><button id=b></button></div><script>\n"
                "const b = document.getElementById('b');\n"
                "b.addEventListener('click', () => { Promise.resolve().then(() => "
                "console.log('then')); console.log('button'); });\n"
                "document.querySelector('#outer').addEventListener('click', () => "
                "console.log('outer'));\n"
                "b.click();\nconsole.log('after');\n</script>",
                "button outer after then");
}
END_TEST

START_TEST(test_capture_listeners_run_before_bubble_ones_and_stop_propagation_stops)
{
    /* DOM 2.9 dispatch: the capturing pass root to target, then the bubbling pass */
    expect_html("<p class=x><span>s</span></p><script>\n"
                "const s = document.querySelector('p.x > span');\n"
                "document.body.addEventListener('click', () => console.log('body capture'), "
                "true);\n"
                "s.parentNode.addEventListener('click', (e) => { console.log('p bubble'); "
                "e.stopPropagation(); });\n"
                "document.body.addEventListener('click', () => console.log('body bubble'));\n"
                "s.addEventListener('click', () => console.log('span'));\n"
                "s.click();\n</script>",
                "body capture span p bubble");
}
END_TEST

START_TEST(test_mutation_records_are_delivered_in_one_microtask_queued_by_the_first)
{
    /* DOM 4.3.2: the first record queues the microtask; later ones join it */
    expect_html("<div id=d></div><script>\n"
                "const d = document.getElementById('d');\n"
                "new MutationObserver((rs) => console.log('mutate', rs.length))"
                ".observe(d, { attributes: true });\n"
                "d.setAttribute('a', 1);\n"
                "Promise.resolve().then(() => console.log('then'));\n"
                "d.setAttribute('b', 2);\n"
                "console.log('script');\n</script>",
                "script mutate 2 then");
}
END_TEST

START_TEST(test_mutation_no_observer_wants_queues_no_microtask)
{
    /* Blink queues the notification for a record only (mutation_observer.cc) */
    expect_html("<div id=d></div><script>\n"
                "const d = document.getElementById('d');\n"
                "new MutationObserver(() => console.log('mutate'))"
                ".observe(d, { childList: true });\n"
                "d.setAttribute('a', 1);\n"
                "Promise.resolve().then(() => console.log('then'));\n"
                "d.appendChild(document.createElement('i'));\n</script>",
                "then mutate");
}
END_TEST

START_TEST(test_observers_are_notified_in_the_order_they_were_made)
{
    expect_html("<div id=d></div><script>\n"
                "const d = document.getElementById('d');\n"
                "const first = new MutationObserver(() => { console.log('first'); "
                "Promise.resolve().then(() => console.log('first then')); });\n"
                "const second = new MutationObserver(() => console.log('second'));\n"
                "second.observe(d, { attributes: true });\n"
                "first.observe(d, { attributes: true });\n"
                "d.id = 'e';\n</script>",
                "first second first then");
}
END_TEST

START_TEST(test_nodes_after_a_classic_script_are_not_there_while_it_runs)
{
    /* HTML 13.2.6.4.8: the parser runs the script at its end tag, then goes on */
    expect_html("<div id=a></div><script>\n"
                "console.log(!!document.getElementById('a'), !!document.getElementById('b'));\n"
                "setTimeout(() => console.log(!!document.getElementById('b')), 0);\n"
                "</script><div id=b></div>",
                "true false true");
}
END_TEST

START_TEST(test_module_script_runs_when_the_whole_page_is_parsed)
{
    expect_html("<script type=module>\n"
                "console.log(!!document.getElementById('b'));\n"
                "</script><div id=b></div>",
                "true");
}
END_TEST

START_TEST(test_listener_that_throws_is_reported_and_the_next_runs)
{
    /* DOM 2.10 "inner invoke": report the exception, go on */
    expect_html("<div></div><script>\n"
                "const d = document.querySelector('div');\n"
                "d.addEventListener('x', () => { throw new Error('boom'); });\n"
                "d.addEventListener('x', () => console.log('second'));\n"
                "console.log(d.dispatchEvent(new Event('x')));\n</script>",
                "Uncaught Error: boom second true");
}
END_TEST

static Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("rules");
    tcase_add_test(tc, test_script_is_followed_by_a_microtask_checkpoint_before_any_task);
    tcase_add_test(tc, test_checkpoint_after_each_task_drains_microtasks_queued_by_it);
    tcase_add_test(tc,
                   test_zero_delay_timer_is_posted_at_once_and_beats_a_one_ms_timer_started_first);
    tcase_add_test(tc, test_timers_of_one_delay_run_in_the_order_started);
    tcase_add_test(tc, test_shorter_delay_runs_first_whatever_the_order_started);
    tcase_add_test(tc, test_nested_timers_are_clamped_to_4ms_from_the_seventh_of_a_chain);
    tcase_add_test(tc, test_interval_is_clamped_from_its_seventh_run);
    tcase_add_test(tc, test_each_message_listener_is_followed_by_a_checkpoint);
    tcase_add_test(tc, test_messages_and_zero_timers_run_in_the_order_posted);
    tcase_add_test(tc, test_animation_frame_callbacks_each_get_a_checkpoint);
    tcase_add_test(tc, test_frame_asked_for_in_a_frame_callback_waits_for_the_next_frame);
    tcase_add_test(tc, test_cancelled_frame_callback_does_not_run);
    tcase_add_test(tc, test_idle_callback_waits_until_no_task_is_runnable);
    tcase_add_test(tc, test_frame_task_goes_first_once_a_task_ends_100ms_after_the_last_frame);
    tcase_add_test(tc, test_frame_task_waits_its_turn_while_rendering_is_not_starved);
    tcase_add_test(tc, test_uncaught_error_is_reported_and_the_page_goes_on);
    tcase_add_test(tc, test_node_only_api_is_refused);
    tcase_add_test(tc, test_unmodelled_browser_api_is_refused);
    tcase_add_test(tc, test_click_from_script_runs_every_listener_before_any_microtask);
    tcase_add_test(tc, test_capture_listeners_run_before_bubble_ones_and_stop_propagation_stops);
    tcase_add_test(tc, test_mutation_records_are_delivered_in_one_microtask_queued_by_the_first);
    tcase_add_test(tc, test_mutation_no_observer_wants_queues_no_microtask);
    tcase_add_test(tc, test_observers_are_notified_in_the_order_they_were_made);
    tcase_add_test(tc, test_nodes_after_a_classic_script_are_not_there_while_it_runs);
    tcase_add_test(tc, test_module_script_runs_when_the_whole_page_is_parsed);
    tcase_add_test(tc, test_listener_that_throws_is_reported_and_the_next_runs);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(html_suite());
}
