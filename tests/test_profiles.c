/* test_profiles.c - the Node version profiles (src/process/profile.def): which version maps to which
 * row, and each column's effect on order.  Every expected order is what the real binaries
 * printed in shared/reference (node-ordering-semantics.md); the probe is named in each test. */
#include <check.h>

#include <string.h>

#include "check_main.h"
#include <stdio.h>

#include "engine_harness.h"

#define SCENARIO(...) "{\"loopsim\": 1, \"main\": [" __VA_ARGS__ "]}"

/* cb(n): log n, queue a tick and a promise that log n.tick and n.promise */
#define CB(n)                                                                                 \
    "[{\"console.log\": \"" n "\"}, {\"process.nextTick\": [{\"console.log\": \"" n ".tick\"}]}," \
    " {\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"" n ".promise\"}]}]}]"

START_TEST(test_versions_map_to_the_profile_of_their_range)
{
    ck_assert_str_eq(profile_for_version("10.7.0")->id, "node10");
    ck_assert_str_eq(profile_for_version("v10.24.1")->id, "node10.17");
    ck_assert_str_eq(profile_for_version("11.3.0")->id, "node11.2");
    ck_assert_str_eq(profile_for_version("11.9.0")->id, "node11.9");
    ck_assert_str_eq(profile_for_version("11.15.0")->id, "node11.14");
    ck_assert_str_eq(profile_for_version("12.22.12")->id, "node12.20");
    ck_assert_str_eq(profile_for_version("12.0.0")->id, "node12");
    ck_assert_str_eq(profile_for_version("14")->id, "node14.20");
    ck_assert_str_eq(profile_for_version("16.20.2")->id, "node16.17");
    ck_assert_str_eq(profile_for_version("18.20.8")->id, "node18.19");
    ck_assert_str_eq(profile_for_version("20.2")->id, "node20");
    ck_assert_str_eq(profile_for_version("20.3.0")->id, "node20.3");
    ck_assert_str_eq(profile_for_version("20.20.2")->id, "node20.12");
    ck_assert_str_eq(profile_for_version("21.7.3")->id, "node21.2");
    ck_assert_str_eq(profile_for_version("24.21.0")->id, "node22");
}
END_TEST

START_TEST(test_partial_version_means_the_latest_of_its_line)
{
    ck_assert_str_eq(profile_for_version("20")->id, "node20.12");
    ck_assert_str_eq(profile_for_version("11")->id, "node11.14");
    ck_assert_str_eq(profile_for_version("22")->id, "node22");
    ck_assert_ptr_eq(profile_for_version("20"), profile_default());
}
END_TEST

/* The version after `v` in the rows' notation: a last part of 99 means "and every later one",
 * so 10.15.99 is followed by 10.16.0 and 17.99.99 by 18.0.0. */
static void next_version(const long v[3], long out[3])
{
    out[0] = v[0];
    out[1] = v[1];
    out[2] = v[2] + 1;
    if (v[2] == 99) {
        out[1] = v[1] + 1;
        out[2] = 0;
        if (v[1] == 99) {
            out[0] = v[0] + 1;
            out[1] = 0;
        }
    }
}

static void parse3(const char *s, long out[3])
{
    char extra;
    ck_assert_msg(sscanf(s, "%ld.%ld.%ld%c", &out[0], &out[1], &out[2], &extra) == 3,
                  "\"%s\" is not a version MAJOR.MINOR.PATCH", s);
}

START_TEST(test_a_range_to_the_open_end_reads_and_later)
{
    /* headings (run --node all, check, profiles): the newest profile's last version, 99.99.99,
     * is an open end, not a version */
    char buf[64];
    ck_assert_str_eq(profile_range("10.0.0", "10.99.99", buf, sizeof buf), "10.0.0 to 10.99.99");
    ck_assert_str_eq(profile_range("11.0.0", ls_profiles[ls_profile_count - 1].last, buf,
                                   sizeof buf), "11.0.0 and later");
    const ls_profile *newest = &ls_profiles[ls_profile_count - 1];
    char want[64];
    snprintf(want, sizeof want, "Node %s and later", newest->first);
    ck_assert_str_eq(profile_versions(newest, buf, sizeof buf), want);
}
END_TEST

START_TEST(test_profile_rows_cover_every_version_from_10_in_order)
{
    /* profile.def: the rows are in order and cover every version from 10.0.0 on, without gaps
     * or overlaps, up to 99.99.99. */
    ck_assert_uint_gt(ls_profile_count, 0);
    ck_assert_str_eq(ls_profiles[0].first, "10.0.0");
    ck_assert_str_eq(ls_profiles[ls_profile_count - 1].last, "99.99.99");
    for (size_t i = 0; i < ls_profile_count; i++) {
        const ls_profile *p = &ls_profiles[i];
        long first[3], last[3];
        parse3(p->first, first);
        parse3(p->last, last);
        ck_assert_msg(profile_compare_versions(p->first, p->last) <= 0, "%s: %s after %s", p->id,
                      p->first, p->last);
        ck_assert_ptr_eq(profile_for_version(p->first), p);
        ck_assert_ptr_eq(profile_for_version(p->last), p);
        if (i + 1 < ls_profile_count) {
            long next[3], following[3];
            next_version(last, next);
            parse3(ls_profiles[i + 1].first, following);
            ck_assert_msg(next[0] == following[0] && next[1] == following[1] &&
                              next[2] == following[2],
                          "%s ends at %s but %s starts at %s", p->id, p->last,
                          ls_profiles[i + 1].id, ls_profiles[i + 1].first);
        }
    }
}
END_TEST

static bool is_first_version_of_a_row(const char *version)
{
    for (size_t i = 0; i < ls_profile_count; i++)
        if (profile_compare_versions(ls_profiles[i].first, version) == 0)
            return true;
    return false;
}

START_TEST(test_no_profile_spans_a_feature_boundary)
{
    /* LS_FEATURE: a profile has a feature by its first version, so every version a feature (or
     * its backport) starts at must start a row: then every version of a row agrees. */
    ck_assert_uint_gt(ls_feature_count, 0);
    for (size_t i = 0; i < ls_feature_count; i++) {
        const ls_feature_info *f = &ls_feature_table[i];
        ck_assert_msg(is_first_version_of_a_row(f->first), "%s.%s starts at %s, inside a row",
                      f->group, f->field, f->first);
        /* backports: versions separated by spaces */
        for (const char *b = f->backport; *b;) {
            char one[16];
            size_t n = strcspn(b, " ");
            snprintf(one, sizeof one, "%.*s", (int)(n < sizeof one ? n : sizeof one - 1), b);
            ck_assert_msg(is_first_version_of_a_row(one),
                          "%s.%s is backported to %s, inside a row", f->group, f->field, one);
            ck_assert_msg(profile_compare_versions(one, f->first) < 0,
                          "%s.%s: backport %s is not before %s", f->group, f->field, one,
                          f->first);
            b += n;
            while (*b == ' ')
                b++;
        }
    }
}
END_TEST

START_TEST(test_bad_or_too_old_versions_have_no_profile)
{
    ck_assert_ptr_null(profile_for_version("9.11.2"));
    ck_assert_ptr_null(profile_for_version("twenty"));
    ck_assert_ptr_null(profile_for_version("20.x"));
    ck_assert_ptr_null(profile_for_version(""));
}
END_TEST

START_TEST(test_node10_drains_after_a_whole_timer_list)
{
    /* R2.2, probe p2a */
    const char *json = SCENARIO("{\"setTimeout\": " CB("T1") ", \"delay\": 1},"
                                "{\"setTimeout\": " CB("T2") ", \"delay\": 1}, {\"busy\": 5}");
    expect_run_on("10.7.0", json, "T1 T2 T1.tick T2.tick T1.promise T2.promise", 0, STOP_NONE);
    expect_run_on("11.15.0", json, "T1 T1.tick T1.promise T2 T2.tick T2.promise", 0, STOP_NONE);
}
END_TEST

START_TEST(test_node10_drains_after_the_whole_immediate_queue)
{
    /* R2.2, probe p2b */
    const char *json = SCENARIO("{\"setImmediate\": " CB("I1") "}, {\"setImmediate\": " CB("I2") "},"
                                "{\"setImmediate\": " CB("I3") "}");
    expect_run_on("10.7.0", json,
                  "I1 I2 I3 I1.tick I2.tick I3.tick I1.promise I2.promise I3.promise", 0,
                  STOP_NONE);
    expect_run_on("11.0.0", json,
                  "I1 I1.tick I1.promise I2 I2.tick I2.promise I3 I3.tick I3.promise", 0,
                  STOP_NONE);
}
END_TEST

START_TEST(test_node10_runs_a_list_that_fell_due_during_the_timers_phase)
{
    /* R3.6, probe p3g: C3 is created in A1; B2's busy-wait and setTimeout refresh the loop
     * time, so on Node 10 C3's own uv timer is due in the same uv__run_timers pass. */
    const char *json = SCENARIO(
        "{\"setTimeout\": [{\"console.log\": \"A1\"},"
        " {\"setTimeout\": [{\"console.log\": \"C3\"}], \"delay\": 3},"
        " {\"setImmediate\": [{\"console.log\": \"I\"}]}], \"delay\": 1},"
        "{\"setTimeout\": [{\"console.log\": \"B2\"}, {\"busy\": 6},"
        " {\"setTimeout\": [], \"delay\": 50}], \"delay\": 2},"
        "{\"busy\": 10}");
    expect_run_on("10.7.0", json, "A1 B2 C3 I", 0, STOP_NONE);
    expect_run_on("12.22.12", json, "A1 B2 I C3", 0, STOP_NONE);
    expect_run_on("20", json, "A1 B2 I C3", 0, STOP_NONE);
}
END_TEST

START_TEST(test_node10_unref_gives_a_timer_its_own_batch)
{
    /* R3.11, probe p3o */
    const char *json = SCENARIO(
        "{\"setTimeout\": [{\"console.log\": \"A\"}, {\"process.nextTick\": [{\"console.log\": \"A.tick\"}]}], \"delay\": 1},"
        "{\"setTimeout\": [{\"console.log\": \"B-unref\"}, {\"process.nextTick\": [{\"console.log\": \"B-unref.tick\"}]}], \"delay\": 1, \"unref\": true},"
        "{\"setTimeout\": [{\"console.log\": \"C\"}, {\"process.nextTick\": [{\"console.log\": \"C.tick\"}]}], \"delay\": 1},"
        "{\"setTimeout\": [], \"delay\": 20}, {\"busy\": 5}");
    expect_run_on("10.7.0", json, "A C A.tick C.tick B-unref B-unref.tick", 0, STOP_NONE);
    expect_run_on("20", json, "A A.tick B-unref B-unref.tick C C.tick", 0, STOP_NONE);
}
END_TEST

START_TEST(test_node10_interval_overrun_restarts_from_its_end)
{
    /* R3.8, probe p3q: a 10 ms interval whose body takes 15 ms.  On Node 10 the next start is
     * the end + 1 - 10 (so the next expiry is end + 1); from Node 11 it is the callback's start. */
    const char *json =
        "{\"loopsim\": 1, \"timing\": {\"first_log_ms\": 3}, \"main\": ["
        "{\"let\": \"k\", \"value\": 0},"
        "{\"setInterval\": [{\"increment\": \"k\"}, {\"console.log\": {\"var\": \"k\"}}, {\"busy\": 15},"
        " {\"if\": {\"equals\": [{\"var\": \"k\"}, 2]}, \"do\": [{\"clearInterval\": {\"var\": \"iv\"}}]}],"
        " \"delay\": 10, \"as\": \"iv\"}]}";
    const char *versions[] = {"10.7.0", "20"};
    int64_t gaps[2];
    for (int v = 0; v < 2; v++) {
        ls_program *p = load(json);
        ls_engine *e = engine_for_profile(p, profile_for_version(versions[v]));
        e->out.recording = true;
        engine_run(e);
        ck_assert_str_eq(output_of(e), "1 2");
        int64_t at[2];
        int n = 0;
        for (size_t i = 0; i < e->out.nrecords && n < 2; i++)
            if (strcmp(e->out.records[i].api, "setInterval") == 0)
                at[n++] = e->out.records[i].time_ns;
        ck_assert_int_eq(n, 2);
        gaps[v] = at[1] - at[0];
        engine_free(e);
        program_free(p);
    }
    /* The body takes 18 ms (the first console.log, pinned to 3 ms, then 15 ms busy).  Node 10: due at the
     * body's end + 1 ms.  Node 20: due 10 ms after the start, long passed, and the poll phase
     * (UV_METRICS_IDLE_TIME) does not wait: the next run follows at once. */
    ck_assert_msg(gaps[0] >= 19 * LS_NS_PER_MS && gaps[0] < 20 * LS_NS_PER_MS,
                  "node10 gap %lld ns", (long long)gaps[0]);
    ck_assert_msg(gaps[1] >= 18 * LS_NS_PER_MS && gaps[1] < 19 * LS_NS_PER_MS,
                  "node20 gap %lld ns", (long long)gaps[1]);
}
END_TEST

START_TEST(test_fractional_delay_has_its_own_list_before_11_9)
{
    /* R3.2, probe p3b: a 2 ms, a 1.7 ms and a 1 ms timer, all due */
    const char *json = SCENARIO(
        "{\"setTimeout\": [{\"console.log\": \"A2\"}], \"delay\": 2},"
        "{\"setTimeout\": [{\"console.log\": \"B1.7\"}], \"delay\": 1.7},"
        "{\"setTimeout\": [{\"console.log\": \"C1\"}], \"delay\": 1}, {\"busy\": 10}");
    expect_run_on("11.8.0", json, "C1 B1.7 A2", 0, STOP_NONE);
    expect_run_on("11.9.0", json, "B1.7 C1 A2", 0, STOP_NONE);
    expect_run_on("10.7.0", json, "B1.7 C1 A2", 0, STOP_NONE);
}
END_TEST

START_TEST(test_await_of_a_native_promise_costs_three_jobs_before_node12)
{
    /* R8.1, the seed 000b difference: await p resumes after 3 jobs on 10/11, 1 from 12 */
    const char *json =
        "{\"loopsim\": 1, \"functions\": {\"f\": {\"async\": true, \"body\": ["
        " {\"await\": {\"Promise.resolve\": null}}, {\"console.log\": \"f\"}]}},"
        " \"main\": [{\"Promise.resolve\": null, \"chain\": [{\"then\": [{\"console.log\": \"1\"}]},"
        " {\"then\": [{\"console.log\": \"2\"}]}, {\"then\": [{\"console.log\": \"3\"}]},"
        " {\"then\": [{\"console.log\": \"4\"}]}]}, {\"call\": \"f\"}]}";
    expect_run_on("11.15.0", json, "1 2 3 f 4", 0, STOP_NONE);
    expect_run_on("12.0.0", json, "1 f 2 3 4", 0, STOP_NONE);
}
END_TEST

START_TEST(test_queue_microtask_is_not_defined_on_node10)
{
    /* R8.2: a ReferenceError, uncaught: the process exits with code 1 */
    const char *json = SCENARIO("{\"console.log\": \"before\"},"
                                "{\"queueMicrotask\": [{\"console.log\": \"never\"}]},"
                                "{\"console.log\": \"never either\"}");
    expect_run_on("10.7.0", json, "before", 1, STOP_FATAL);
    expect_run_on("11.0.0", json, "before never either never", 0, STOP_NONE);
}
END_TEST

START_TEST(test_unhandled_rejection_warns_before_15_and_exits_after)
{
    /* R8.4, probe p8d */
    const char *json = SCENARIO("{\"Promise.reject\": \"x\"},"
                                "{\"setTimeout\": [{\"console.log\": \"timeout runs\"}], \"delay\": 0}");
    expect_run_on("14", json, "timeout runs", 0, STOP_NONE);
    expect_run_on("16.20.2", json, "", 1, STOP_FATAL);
}
END_TEST

START_TEST(test_versions_map_to_the_idle_metrics_rows)
{
    /* UV_METRICS_IDLE_TIME came with performance.eventLoopUtilization: 12.19.0 and 14.10.0 */
    ck_assert(!profile_for_version("12.18.4")->poll_idle_metrics);
    ck_assert(profile_for_version("12.19.0")->poll_idle_metrics);
    ck_assert(!profile_for_version("13.14.0")->poll_idle_metrics);
    ck_assert(!profile_for_version("14.9.0")->poll_idle_metrics);
    ck_assert(profile_for_version("14.10.0")->poll_idle_metrics);
    ck_assert(profile_for_version("20")->poll_idle_metrics);
}
END_TEST

START_TEST(test_server_end_of_a_connection_waits_for_its_shutdown_on_12_to_17)
{
    /* rules/server-close-after-connection, recorded on 10.7.0, 12.22.12, 16.20.2, 18.20.8, 20 */
    const char *json = SCENARIO(
        "{\"net.createServer\": null, \"as\": \"srv\"},"
        "{\"listen\": \"srv\", \"callback\": [{\"net.connect\": \"srv\", \"as\": \"sock\", \"callback\": ["
        " {\"on\": \"close\", \"emitter\": \"sock\", \"listener\": [{\"console.log\": \"socket close\"},"
        "  {\"close\": \"srv\", \"callback\": [{\"console.log\": \"server closed\"}]},"
        "  {\"setImmediate\": [{\"console.log\": \"imm\"}]}]},"
        " {\"destroy\": \"sock\"}]}]}");
    expect_run_on("16.20.2", json, "socket close imm server closed", 0, STOP_NONE);
    expect_run_on("18.20.8", json, "socket close server closed imm", 0, STOP_NONE);
    expect_run_on("10.7.0", json, "socket close server closed imm", 0, STOP_NONE);
}
END_TEST

START_TEST(test_node18_bootstrap_makes_settimeout_0_usually_first)
{
    /* R5.1 probe p5a: setTimeout(0) first in 90/100 runs on 18.20.8, 18/100 on 20.20.2; the
     * profiles' bootstrap_ms put the nominal order on the majority side, and a scenario's
     * own "timing" still wins. */
    const char *json = SCENARIO("{\"setTimeout\": [{\"console.log\": \"timeout\"}], \"delay\": 0},"
                                "{\"setImmediate\": [{\"console.log\": \"immediate\"}]}");
    expect_run_on("18.20.8", json, "timeout immediate", 0, STOP_NONE);
    expect_run_on("20", json, "immediate timeout", 0, STOP_NONE);
    expect_run_on("18.20.8",
                  "{\"loopsim\": 1, \"timing\": {\"bootstrap_ms\": 0.1}, \"main\": ["
                  "{\"setTimeout\": [{\"console.log\": \"timeout\"}], \"delay\": 0},"
                  "{\"setImmediate\": [{\"console.log\": \"immediate\"}]}]}",
                  "immediate timeout", 0, STOP_NONE);
}
END_TEST

START_TEST(test_unref_immediate_at_exit_depends_on_the_libuv_loop_shape)
{
    /* R6.2, probe p6a: the last ref'd timer queues an unref'd immediate.  Before libuv 1.45
     * the alive check comes after the close phase, so the check phase of the same iteration
     * still runs it; from 1.45 the timers run at the end of the iteration and the loop stops
     * before any check phase. */
    const char *json = SCENARIO(
        "{\"setTimeout\": [{\"console.log\": \"timer\"},"
        " {\"setImmediate\": [{\"console.log\": \"unref immediate\"}], \"unref\": true}], \"delay\": 1},"
        "{\"process.on\": \"exit\", \"listener\": [{\"console.log\": \"exit\"}]}");
    expect_run_on("20.2.0", json, "timer unref immediate exit", 0, STOP_NONE);
    expect_run_on("20.3.0", json, "timer exit", 0, STOP_NONE);
}
END_TEST

static Suite *profiles_suite(void)
{
    Suite *s = suite_create("profiles");
    TCase *tc = tcase_create("versions");
    tcase_add_test(tc, test_versions_map_to_the_profile_of_their_range);
    tcase_add_test(tc, test_a_range_to_the_open_end_reads_and_later);
    tcase_add_test(tc, test_partial_version_means_the_latest_of_its_line);
    tcase_add_test(tc, test_bad_or_too_old_versions_have_no_profile);
    tcase_add_test(tc, test_profile_rows_cover_every_version_from_10_in_order);
    tcase_add_test(tc, test_no_profile_spans_a_feature_boundary);
    tcase_add_test(tc, test_versions_map_to_the_idle_metrics_rows);
    suite_add_tcase(s, tc);
    tc = tcase_create("columns");
    tcase_add_test(tc, test_node10_drains_after_a_whole_timer_list);
    tcase_add_test(tc, test_node10_drains_after_the_whole_immediate_queue);
    tcase_add_test(tc, test_node10_runs_a_list_that_fell_due_during_the_timers_phase);
    tcase_add_test(tc, test_node10_unref_gives_a_timer_its_own_batch);
    tcase_add_test(tc, test_node10_interval_overrun_restarts_from_its_end);
    tcase_add_test(tc, test_fractional_delay_has_its_own_list_before_11_9);
    tcase_add_test(tc, test_await_of_a_native_promise_costs_three_jobs_before_node12);
    tcase_add_test(tc, test_queue_microtask_is_not_defined_on_node10);
    tcase_add_test(tc, test_unhandled_rejection_warns_before_15_and_exits_after);
    tcase_add_test(tc, test_server_end_of_a_connection_waits_for_its_shutdown_on_12_to_17);
    tcase_add_test(tc, test_node18_bootstrap_makes_settimeout_0_usually_first);
    tcase_add_test(tc, test_unref_immediate_at_exit_depends_on_the_libuv_loop_shape);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(profiles_suite());
}
