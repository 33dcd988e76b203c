/* fanout.h - the same kind of work spread over several processes, its results handed back in
 * order, so that the caller sees exactly what one process would have seen.
 *
 * `loopsim orders` makes a thousand sampled runs of a program, and `loopsim sweep` a run per
 * value of a parameter; each run is independent of the others and deterministic.  fanout_start
 * forks `workers` processes after the program is loaded (fork shares it, copy on write: nothing
 * is loaded twice, and no state is sent to a worker).  Worker w computes items w, w + workers,
 * w + 2 * workers, ... (strides, so that each has a share of every part of the range) and
 * writes each result on its pipe as it is done.  The caller takes the results in item order
 * (fanout_get), whatever order they came in, so its output does not depend on the number of
 * workers.
 *
 * A result is a pair of byte strings and two integers (for loopsim: the lines a run printed, its
 * ending, its exit code and how it stopped).  Most runs print one of a few orders, so a worker
 * sends each distinct result once and then only its number: a thousand samples cost a few
 * kilobytes of pipe, not a thousand copies of the output.
 *
 * A worker stops at the first item its function declines (false: the search's budget is spent)
 * and exits.  fanout_get then answers false for that item and every later item of that worker,
 * and the caller computes the item itself if it wants it: one process would have met the same
 * spent budget there.  A worker that dies (a crash in the model) loses its items the same way,
 * so the caller, computing the item again, meets the same crash, as one process would.
 *
 * Workers leave with _exit: no atexit handler, stdio buffer or leak check of the parent's runs
 * twice.  fanout_end stops (SIGKILL) the workers still running and waits for every one.
 */
#ifndef LOOPSIM_FANOUT_H
#define LOOPSIM_FANOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    int status;           /* the caller's: passed through */
    int code;
    char *data;           /* malloc'd bytes (the caller frees them), `len` of them, NUL after */
    size_t len;
    char *note;           /* a malloc'd string (the caller frees it) */
} fanout_result;

/* Computes item `item` into *r (data and note malloc'd); false: declined (r untouched), and the
 * worker stops. */
typedef bool (*fanout_fn)(void *ctx, uint64_t item, fanout_result *r);

typedef struct fanout fanout;

/* The number of processors this process may run on (sched_getaffinity), at least 1. */
int fanout_cores(void);

/* Forks `workers` (>= 1) processes computing items 0..n-1 with fn(ctx, ...).  NULL when fork
 * or pipe fails (after stopping those started): the caller computes every item itself. */
fanout *fanout_start(uint64_t n, int workers, fanout_fn fn, void *ctx);
/* Reads what the workers have sent, without waiting: call it now and then while doing other
 * work, so that no worker waits on a full pipe. */
void fanout_poll(fanout *f);
/* Waits for item `item` (< n) and hands it over in *r; false when no worker will send it. */
bool fanout_get(fanout *f, uint64_t item, fanout_result *r);
/* Items received so far (for a progress line). */
uint64_t fanout_received(const fanout *f);
/* Stops the workers still running, waits for them, frees everything (NULL: nothing). */
void fanout_end(fanout *f);

#endif
