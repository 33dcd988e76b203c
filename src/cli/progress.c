/* progress.c - the one-line progress indicator of long work (orders, explain, check, sweep, a
 * long run) on stderr.
 *
 * Only on a terminal: when stderr is not one (a pipe, a file, the test suite) nothing is ever
 * written, so the output of a command never depends on how fast the machine is.  On a
 * terminal, the line appears once the work has taken PROGRESS_AFTER seconds (quick commands
 * show nothing), is rewritten in place at most every PROGRESS_EVERY seconds ("\r" and erase
 * to the end of the line), and is erased when the work is done, before the command prints its
 * result.  LOOPSIM_PROGRESS_AFTER=S sets the delay (tests/progress.py uses 0).
 */
#include "cli.h"

#include <stdarg.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define PROGRESS_AFTER 2.0
#define PROGRESS_EVERY 0.25

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_start(cli_progress *p, const char *what)
{
    p->what = what;
    p->on = isatty(fileno(stderr)) != 0;
    p->start = now_s();
    p->last = 0;
    p->shown = false;
    p->after = PROGRESS_AFTER;
    const char *after = getenv("LOOPSIM_PROGRESS_AFTER");
    double v;
    if (after && parse_double(after, &v) && v >= 0)
        p->after = v;
}

bool progress_due(cli_progress *p)
{
    if (!p->on)
        return false;
    double t = now_s();
    if (t - p->start < p->after || (p->shown && t - p->last < PROGRESS_EVERY))
        return false;
    p->last = t;
    return true;
}

double progress_elapsed(const cli_progress *p)
{
    return now_s() - p->start;
}

void progress_show(cli_progress *p, const char *fmt, ...)
{
    char line[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\r\033[K%s: %s", p->what, line);
    fflush(stderr);
    p->shown = true;
}

void progress_done(cli_progress *p)
{
    if (p->shown) {
        fputs("\r\033[K", stderr);
        fflush(stderr);
        p->shown = false;
    }
}

/* a search (explore.h's progress): runs, then the sampled timings with their ETA */
void progress_search(void *ctx, const struct ls_orders_s *so_far, uint64_t samples_wanted)
{
    cli_progress *p = ctx;
    if (!progress_due(p))
        return;
    const ls_orders *o = so_far;
    double t = progress_elapsed(p);
    if (o->samples == 0)
        progress_show(p, "searching: %llu runs, %.0f runs/s, %.1f s", (unsigned long long)o->runs,
                      (double)o->runs / (t > 0 ? t : 1), t);
    else
        progress_show(p, "sampling timings: %llu of %llu, %zu order%s so far, %.1f s",
                      (unsigned long long)o->samples, (unsigned long long)samples_wanted, o->n,
                      o->n == 1 ? "" : "s", t);
}

/* check's versions (answer.h's versions_progress) */
void progress_versions(void *ctx, size_t done, size_t total)
{
    cli_progress *p = ctx;
    if (progress_due(p))
        progress_show(p, "which versions print it: %zu of %zu profiles, %.1f s", done, total,
                      progress_elapsed(p));
}

/* answer.h's quiet: the line is erased before the verdict is written */
void progress_quiet(void *ctx)
{
    progress_done(ctx);
}

/* a run (engine.h's limits.progress) */
void progress_run(void *ctx, uint64_t callbacks, double clock_ms)
{
    cli_progress *p = ctx;
    if (!progress_due(p))
        return;
    double t = progress_elapsed(p);
    progress_show(p, "%llu callbacks run, virtual clock %.1f ms, %.0f callbacks/s, %.1f s",
                  (unsigned long long)callbacks, clock_ms, (double)callbacks / (t > 0 ? t : 1),
                  t);
}
