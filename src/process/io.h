/* io.h - what completes in the poll phase: the thread pool's requests and loopback TCP.
 *
 * fs calls (node/fs.c) go to libuv's thread pool (4 threads); each request's completion comes back through
 * the loop's async handle and runs in the poll phase, in its own MakeCallback, so the queues
 * drain after each one (R7.1).  fs.readFile is several requests in a row: open, fstat, read,
 * close, each started by the previous one's completion (lib/fs.js readFile,
 * lib/internal/fs/read/context.js @v20.20.2), so it needs at least four poll phases (R7.2).
 * Waiting is modelled in round trips: a request takes `latency` ms of a pool thread.
 *
 * Sockets are handles: a server's 'listening' and (with no connections) its 'close' come through
 * process.nextTick (emitListeningNT, emitCloseNT in lib/net.js), a connect completes in the poll
 * phase after the net latency, and socket.destroy() closes the handle, so its 'close' listeners
 * run in the close phase (R7.5).
 */
#ifndef LOOPSIM_IO_H
#define LOOPSIM_IO_H

#include "costs.h"
#include "fingerprint.h"
#include "types.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define LS_POOL_THREADS 4 /* UV_THREADPOOL_SIZE's default (libuv src/threadpool.c) */
#define LS_POOL_MAX 16    /* the most loopsim models (libuv's MAX_THREADPOOL_SIZE is 1024) */

typedef struct ls_io_event ls_io_event;

/* A request of the thread pool (libuv's uv__work_submit), such as Node's FSReqCallback: one or
 * more trips, each `latency` long on a pool thread, each started by the previous one's
 * completion (Node's own callbacks: readFileAfterOpen, writeFile's open callback, ...).  The
 * owner (node/fs.c) fills it and keeps it alive until its last trip is done. */
typedef struct ls_pool_job ls_pool_job;
struct ls_pool_job {
    const char *api;          /* "fs.readFile" */
    ls_origin origin;         /* the program's callback: its label, for traces and decisions */
    ls_cost latency;          /* each trip's */
    const char *trip;         /* the trip in flight ("open", "fstat", ...) */
    bool several;             /* trips are named in the words of decisions */
    /* The trip in flight is done: its work takes effect (the system call, on the pool thread);
     * true if Node's own callback then starts another (`trip` renamed), false if the program's
     * `callback` is next, called with args[0..nargs). */
    bool (*complete)(ls_engine *e, ls_pool_job *job);
    js_value callback;
    js_value args[3];
    size_t nargs;
    js_value keep[2];         /* other values the request holds (the data it writes, ...) */
    void *data;               /* the owner's */
};

typedef struct {
    ls_io_event *head;                   /* completions in flight, in request order */
    ls_io_event *worker_job[LS_POOL_MAX]; /* the request each pool thread runs, until the loop
                                          * takes it or the thread takes the next one */
    ls_io_event *queued, *queued_tail;   /* requests waiting for a pool thread, in the order
                                          * made: libuv's wq (they are not in the zone yet) */
    ls_io_event *done, *done_tail;       /* requests known to have completed before any
                                          * still running, in that order, not yet taken by the
                                          * poll phase (no longer in the zone: io.c settle) */
    int nthreads;                        /* the pool's threads, once started (0: not yet) */
    int warm;                            /* the instant they take work, while it may be to
                                          * come: a variable of the clock's zone, else -1 */
    int slow_jobs;                       /* getaddrinfo jobs in flight (node/dns.c) */
    ls_io_event *running;                /* the poll phase's batch being run */
    uint64_t epoll_seq, epoll_floor;     /* places in epoll's ready list (io_post_event) */
    ls_net *nets;                        /* every net.Server and net.Socket made */
    int nnets;
    js_value net;                        /* the module, made on first require */
    js_value server_proto, socket_proto;
} ls_io;

void io_init(ls_engine *e);
/* require('net'): what the program sees (the modelled calls; the others stop the run with a
 * message saying so). */
js_value io_net_module(ls_engine *e);
/* Fills a new request: the program's callback `cb` (its origin numbered now), each trip
 * `latency` long, the first trip `trip`, the owner's `complete` and `data`; no arguments yet. */
void io_pool_job_init(ls_engine *e, ls_pool_job *job, const char *api, js_value cb,
                      ls_cost latency, const char *trip,
                      bool (*complete)(ls_engine *e, ls_pool_job *job), void *data);
/* Starts a pool request's trip (job->trip): false if the timing model has no room (the run
 * stops as bad input). */
bool io_pool_submit(ls_engine *e, ls_pool_job *job);
/* Calls `fn` from the poll phase as soon as the loop gets there, in a callback scope of its
 * own (an I/O completion of Node's own, e.g. the ES-module loader's). */
void io_call_from_poll(ls_engine *e, ls_native_fn fn, void *data);
/* io_post_event: calls `fn` from the first poll phase that looks once `latency` has passed
 * since now (an event posted during a poll phase waits for the next one: the batch is taken
 * first), in no callback scope (fn opens its own).  `what` names it in the words of decisions;
 * `req`: it is a request, which keeps the loop alive (else a handle must).  A descriptor's
 * event has a rank: `*rank` is its place in epoll's ready list, which orders the ranked events
 * of one poll phase (io.c epoll_order), then `sub` among one descriptor's events; `subject` is
 * what the fingerprint walks for it (and the collector marks).  A rank from e->io.epoll_floor
 * on is current; the owner gives a descriptor that becomes ready with a stale rank the next
 * one (++e->io.epoll_seq), or, when epoll is told of it only at the next poll's start, where
 * that start puts it: IO_RANK_DEFERRED + its place in libuv's watcher queue.  `with`: the event
 * completes at the same instant as that one (the two ends of one connect), not `latency` after
 * now.  Unranked events (the pool's completions) keep the places their completion gives them:
 * libuv runs all of those from the async handle's one place in the list (uv__work_done), which
 * loopsim does not rank. */
#define IO_RANK_DEFERRED ((uint64_t)1 << 62) /* + seq: joins the list at the next poll's start */
typedef struct {
    ls_native_fn fn;
    void *data;
    ls_cost latency;
    const char *what;
    bool req;
    uint64_t *rank;
    int sub;
    js_value subject;
    const ls_io_event *with;
} ls_io_post;
/* NULL if the timing model has no room (the run stops as bad input). */
ls_io_event *io_post_event(ls_engine *e, const ls_io_post *p);
/* The instants of the I/O in flight, in the order io_fingerprint walks them, into vars; -1 if
 * something in flight is not walked (a pool request: the state has no fingerprint). */
int io_pending_instants(ls_engine *e, int *vars, int max);
typedef enum { IO_WAIT_DONE, IO_WAIT_TIMED_OUT, IO_WAIT_FOREVER } io_wait_result;
/* The poll phase's wait (epoll_wait with `timeout_ms`, -1 for none): moves "now" to the first
 * completion (io_latency counts the wake-up), or to the timeout plus `wakeup`; no wait if
 * something is done already.  IO_WAIT_FOREVER: nothing in flight and no timeout. */
io_wait_result io_wait(ls_engine *e, int64_t timeout_ms, ls_cost wakeup);
bool io_in_flight(const ls_engine *e);
/* The poll phase's work: every completion ready now, each in its own callback scope.  Returns
 * how many ran. */
int io_poll(ls_engine *e);


/* Writes the first `max` requests in flight, in request order, ", "-separated (then ", ... and
 * N more"); returns how many are in flight. */
size_t io_describe(ls_engine *e, FILE *f, size_t max);

/* At the start of each loop iteration, whatever the search does with it: forgets the instants of
 * the zone that can no longer matter (the pool's warm-up, once passed on every timing), so that
 * a run with and one without merging see the same zone. */
void io_settle(ls_engine *e);
/* Hashes the I/O state (fingerprint.h): refused while a pool request is in flight or a
 * net.Socket or net.Server exists; a descriptor's event in flight (io_post_event) is walked. */
void io_fingerprint(ls_engine *e, ls_fp *fp);
/* Marks the callbacks and results in flight and the modules' objects (the VM's collector). */
void io_mark(ls_engine *e, js_vm *vm);

#endif
