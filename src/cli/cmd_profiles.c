/* cmd_profiles.c - loopsim profiles: the Node version profiles and how they differ. */
#include "cli.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* loopsim profiles */
int cmd_profiles(int argc, char **argv)
{
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs("usage: loopsim profiles\n"
                  "Lists the Node version profiles, one per range of versions that behave alike,\n"
                  "with the rules each differs in, then the browser profiles.\n",
                  stdout);
            return EXIT_OK;
        }
        return bad_usage("profiles takes no argument, found '%s'", argv[i]);
    }
    static const struct {
        const char *name;
        size_t offset;
        const char *yes, *no;
    } columns[] = {
        {"drains", offsetof(ls_profile, drain_per_callback), "after each timer and immediate",
         "after a whole batch (a duration list, the immediate queue)"},
        {"timer handles", offsetof(ls_profile, timer_per_list), "one libuv timer per list",
         "one libuv timer for all"},
        {"fractional delay", offsetof(ls_profile, fractional_lists), "its own list",
         "truncated (1.7 is in the 1 ms list)"},
        {"await of a promise", offsetof(ls_profile, await_direct), "1 job", "3 jobs"},
        {"queueMicrotask", offsetof(ls_profile, has_queue_microtask), "yes", "not defined"},
        {"poll wait", offsetof(ls_profile, poll_idle_metrics),
         "counted from the loop time it was computed with (UV_METRICS_IDLE_TIME)",
         "in full, from when the poll phase starts"},
        {"timers phase", offsetof(ls_profile, loop_timers_at_end),
         "before the loop and at the end of each iteration (libuv >= 1.45)",
         "at the start of each iteration (libuv < 1.45)"},
        {"unhandled rejection", offsetof(ls_profile, unhandled_rejections_throw),
         "uncaught exception, exit code 1", "a warning, the process goes on"},
    };
    static const char *esm_entry[] = {"needs --experimental-modules (refused)",
                                      "evaluated from the first poll phase",
                                      "evaluated before the loop"};
    for (size_t i = 0; i < ls_profile_count; i++) {
        const ls_profile *p = &ls_profiles[i];
        char range[64];
        printf("%s%s: Node %s%s\n", i ? "\n" : "", p->id,
               profile_range(p->first, p->last, range, sizeof range),
               p == profile_default() ? " (the default)" : "");
        for (size_t c = 0; c < sizeof columns / sizeof columns[0]; c++) {
            bool v = *(const bool *)((const char *)p + columns[c].offset);
            printf("  %-20s %s\n", columns[c].name, v ? columns[c].yes : columns[c].no);
        }
        printf("  %-20s %s\n", "ES-module entry", esm_entry[p->esm_entry]);
    }
    /* the browsers (--env browser): their LS_BROWSER columns */
    for (size_t i = 0; i < ls_browser_profile_count; i++) {
        const ls_profile *p = &ls_browser_profiles[i];
        const ls_browser *b = &p->browser;
        printf("\n%s: %s %s%s%s (--env browser)\n", p->id, b->name, p->first,
               strcmp(p->first, p->last) ? " to " : "", strcmp(p->first, p->last) ? p->last : "");
        printf("  %-20s %s\n", "event loop", "HTML's: a task, then a microtask checkpoint; "
               "frames with requestAnimationFrame; idle periods");
        printf("  %-20s a delay under %g ms becomes %g ms from nesting level %d on (the %dth "
               "timer of a chain)\n", "timer clamp", b->timer_clamp_ms, b->timer_clamp_ms,
               b->timer_clamp_nesting + 1, b->timer_clamp_nesting + 2);
        printf("  %-20s a frame's task goes before every other task once one ends %g ms "
               "after the last frame\n", "starved rendering", b->starve_after_ms);
        printf("  %-20s %s\n", "await of a promise", p->await_direct ? "1 job" : "3 jobs");
    }
    /* the LS_FEATURE rows: the profiles above split at each of these versions */
    puts("\nwhat exists from a version on (the profiles above split at each):");
    for (size_t i = 0; i < ls_feature_count; i++) {
        const ls_feature_info *f = &ls_feature_table[i];
        /* "17.5.0, 16.15.0, 14.20.0": the version, then the backports (space-separated) */
        char since[64];
        size_t n = (size_t)snprintf(since, sizeof since, "%s", f->first);
        for (const char *b = f->backport; *b && n + 3 < sizeof since; b++) {
            if (b == f->backport || *b == ' ') {
                since[n++] = ',';
                since[n++] = ' ';
                if (*b == ' ')
                    continue;
            }
            since[n++] = *b;
        }
        since[n] = '\0';
        printf("  %-18s %s\n", since, f->what);
    }
    puts("\ndocs/node-versions.md gives the source of each difference and a scenario that shows it.");
    return EXIT_OK;
}
