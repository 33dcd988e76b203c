/* clock.h - the virtual clock, libuv's millisecond loop time read from it, and the timing
 * decisions a run takes.
 *
 * Time is kept in nanoseconds on the monotonic clock, whose whole milliseconds are libuv's
 * `loop->time` (src/unix/internal.h uv__update_time: uv__hrtime(UV_CLOCK_FAST) / 1000000);
 * the main script starts at `clock_phase_ms` into millisecond 0, and Node's timers see loop
 * time minus `timer_base`, the loop time when the process started (src/env.cc
 * Environment::GetNowUint64), here 0.  The loop time is refreshed only at uv__update_time, and
 * which of two reads Node uses where decides races (shared/reference R3.4):
 *   clock_now()     uv_now(): the cached loop->time;
 *   clock_get_now() Environment::GetNow(): uv_update_time() then uv_now(), a fresh read;
 *                   every setTimeout start, every processTimers `now` and every interval
 *                   restart uses it (lib/internal/timers.js getLibuvNow()).
 *
 * A run is in one of three modes.  NOMINAL (loopsim run) and SAMPLED (a random draw of the
 * probabilities in loopsim orders) give every cost one value, so "now" is a point.  RANGES
 * (loopsim orders' exact search) lets each cost take any value in its range, so "now" is a
 * zone of possible instants (dbm.h), and every question the engine asks of time ("which
 * loop-ms is it?", "has this fs request completed?") may have several possible answers.  Each
 * such question is a decision: the clock finds the answers the zone allows, asks the oracle
 * which one this run takes (the explorer, explore.h, walks them all), and narrows the zone to
 * it.  A decision with one possible answer is no decision.  Loop-time refreshes are lazy: the
 * refreshed value is decided only when something reads it, so a program that never compares
 * times never branches on them.
 */
#ifndef LOOPSIM_CLOCK_H
#define LOOPSIM_CLOCK_H

#include <stdbool.h>
#include <stdint.h>

#include "costs.h"
#include "dbm.h"
#include "text.h"
#include "fingerprint.h"

#define LS_NS_PER_MS INT64_C(1000000)

typedef enum { CLOCK_NOMINAL, CLOCK_SAMPLED, CLOCK_RANGES } ls_clock_mode;

/* x_i - x_j <= c, on the clock's zone */
typedef struct {
    int i, j;
    int64_t c;
} ls_bound;

/* Who takes decisions with more than one possible answer.  `statements` says what each answer
 * means, in words tied to the program; the oracle returns the index of the one to take. */
typedef struct ls_oracle ls_oracle;
struct ls_oracle {
    int (*choose)(ls_oracle *o, int n, const char *const *statements);
    /* A question with one possible answer, said in words: a fact of this run's path. */
    void (*note)(ls_oracle *o, const char *statement);
    bool quiet;   /* set by the oracle: it would throw the words away, so none are made */
};

/* An instant named for the words of decisions: what reads the clock there and where the run
 * is.  Kept as it is and put into words only when a statement needs it: formatting every
 * loop-time refresh would cost more than the run. */
typedef struct {
    const char *what;        /* "setTimeout", "the timers phase" */
    const char *subject;     /* what `what` acts on, if anything ("A": setTimeout `A`) */
    const char *api, *label; /* the running callback, if any ("main script" for the script) */
    uint64_t iteration;
    int phase;               /* ls_phase, when no callback runs */
    bool plain;              /* `what` says it all ("the start of the main script") */
} ls_moment;

/* Captures the current instant as a moment (cheap), and puts one into words ("setTimeout `A`
 * in the main script"). */
typedef ls_moment (*ls_capture_fn)(void *ctx, const char *what);
typedef void (*ls_describe_fn)(void *ctx, const ls_moment *m, ls_text *words);

typedef struct {
    ls_clock_mode mode;
    uint64_t loop_time;       /* loop->time - timer_base, in ms, once decided */
    int refresh_var;          /* the instant of the last uv__update_time while undecided, else -1 */
    ls_moment refresh_who;    /* what refreshed it */
    ls_oracle *oracle;        /* NULL: the first possible answer (only one in point modes) */
    uint64_t rng;             /* SAMPLED: xorshift state */
    ls_capture_fn capture;    /* for the words; NULL: none are made */
    ls_describe_fn describe;
    void *describe_ctx;
    ls_moment last_read;      /* the last decided read of the loop time, for the words */
    uint64_t last_read_ms;
    int64_t start_ns;         /* the least instant the main script can start at */
    /* last, and left as clock_init writes it: the matrix is 52 KB, and a search makes a
     * clock per run (engine.c) */
    ls_dbm zone;              /* DBM_NOW is "now"; a point in NOMINAL and SAMPLED */
} ls_clock;

/* The main script starts at `phase` into millisecond 0 (a point, or the range lo..hi in
 * RANGES mode); `seed` feeds SAMPLED. */
void clock_init(ls_clock *c, ls_clock_mode mode, ls_cost phase, uint64_t seed);
/* Spends one operation's cost: its nominal value, a draw from its range, or the range. */
void clock_spend(ls_clock *c, ls_cost cost);
/* The range, in ns, one operation of `cost` takes in this mode (a point unless RANGES; SAMPLED
 * draws it). */
void clock_cost_ns(ls_clock *c, ls_cost cost, int64_t *lo, int64_t *hi);
/* Spends exactly `ns` (busy work, whose length the program itself measures). */
void clock_spend_exact(ls_clock *c, int64_t ns);
/* The least possible "now", in ns since the start of millisecond 0 (the trace's clock). */
int64_t clock_now_ns(const ls_clock *c);
/* The least possible time since the main script started, in ns. */
int64_t clock_elapsed_ns(const ls_clock *c);

/* uv__update_time (lazy: decided when read) */
void clock_update_time(ls_clock *c, const char *what);
/* uv_now: the cached value */
uint64_t clock_now(ls_clock *c);
/* loop->time >= ms?  Decides only that, not the value (uv__run_timers' test). */
bool clock_reached(ls_clock *c, uint64_t ms);
/* Environment::GetNow: refresh, then read */
uint64_t clock_get_now(ls_clock *c, const char *what);
/* The same, read by `what` of `subject` (a setTimeout and its callback's label) */
uint64_t clock_get_now_of(ls_clock *c, const char *what, const char *subject);
int64_t clock_ms_to_ns(double ms);

/* A loop-ms value read at some instant and not decided until something needs it: Node's
 * processTimers(now) compares `now` with expiries, and only the comparisons matter. */
typedef struct {
    int var;              /* the instant read, while undecided; -1 once decided */
    uint64_t ms;          /* once decided */
    ls_moment who;
} ls_reading;

/* Environment::GetNow, lazily: the loop time is refreshed (lazily too) and a reading of the
 * same instant is returned; free it with clock_reading_done. */
ls_reading clock_read(ls_clock *c, const char *what);
/* reading >= ms?  Decides only that. */
bool clock_reading_reached(ls_clock *c, ls_reading *r, uint64_t ms);
/* The value, decided now if it was not. */
uint64_t clock_reading_ms(ls_clock *c, ls_reading *r);
void clock_reading_done(ls_clock *c, ls_reading *r);

/* The poll phase's epoll_wait when only a timer can end it, on a loop that refreshed loop->time
 * at the instant the wait starts (UV_METRICS_IDLE_TIME): the timeout is `due` - loop->time ms,
 * counted from now, so the wait ends at `due` plus now's fraction of a millisecond, whichever
 * millisecond loop->time read, plus `wakeup`.  So no decision on that millisecond is needed.
 * False (nothing done) when the zone holds other instants whose relation to now matters, or
 * when the possible fractions are not one interval: the caller then decides the millisecond. */
bool clock_wait_until(ls_clock *c, uint64_t due, ls_cost wakeup);

/* Decisions over other instants of the zone (io.c's completions).  Each option is a list of
 * bounds; returns the index of the option taken, whose bounds now hold, or -1 if none is
 * possible.  `statements[k]` describes option k; it may be NULL when no words are made. */
int clock_decide(ls_clock *c, int n, const ls_bound *const *options, const int *counts,
                 const char *const *statements);
/* Hashes the clock's state (fingerprint.h): the zone over zero, "now", a pending loop-time
 * refresh and the `pending` instants of the I/O in flight (in the caller's canonical order;
 * refused if it holds any other), the loop time and what the words refer to. */
void clock_fingerprint(const ls_clock *c, ls_fp *fp, uint64_t iteration, const int *pending,
                       int npending);
/* True when decisions need words (an oracle that explains its choices is listening, and
 * keeps them). */
bool clock_wants_words(const ls_clock *c);

#endif
