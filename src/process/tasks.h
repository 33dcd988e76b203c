/* tasks.h - the nextTick queue, V8's microtask queue, and the drain that empties them.
 *
 * Node runs ticks and microtasks at "drain points" (shared/reference R1): when the outermost
 * InternalCallbackScope closes (src/api/callback.cc InternalCallbackScope::Close: after the main
 * script, after every callback libuv triggers), and between two timers or two immediates
 * (runNextTicks in lib/internal/process/task_queues.js).  The drain is:
 *
 *   Close():  if no tick is queued: run all microtasks (V8 PerformCheckpoint);
 *             if a tick is queued or a rejection is waiting: processTicksAndRejections().
 *   processTicksAndRejections():
 *             do { run every tick, FIFO, including ticks queued meanwhile;
 *                  run all microtasks; }
 *             while (a tick is queued || processPromiseRejections() did something);
 *   runNextTicks(): the same, entered only when there is something to do.
 *
 * Unhandled rejections are tracked as V8 reports them to Node (promiseRejectHandler in
 * lib/internal/process/promises.js): a promise rejected with no handler is pending until the
 * drain reaches processPromiseRejections; a handler added before then removes it silently.
 */
#ifndef LOOPSIM_TASKS_H
#define LOOPSIM_TASKS_H

#include "fingerprint.h"
#include "types.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct ls_tick {
    struct ls_tick *next;
    js_value callback;
    js_value *args;
    size_t nargs;
    ls_origin origin;
} ls_tick;

typedef struct {
    ls_tick *tick_head, *tick_tail;
    ls_tick *running;                /* the tick being run (its values stay roots) */
    ls_tick *free_ticks;             /* ticks run, kept for the next nextTick: memory follows
                                      * the ticks queued, not the ticks ever run */
    js_value *pending_rejections;    /* pendingUnhandledRejections, in rejection order */
    size_t npending, pending_cap;
    js_value *running_batch;         /* the batch processPromiseRejections is going through */
    size_t nbatch;
    bool has_rejection_to_warn;
    int scope_depth;                 /* async_callback_scope_depth */
} ls_tasks;

void tasks_init(ls_engine *e);

/* process.nextTick(cb, ...args); dropped once the process is exiting (process._exiting). */
void tasks_next_tick(ls_engine *e, js_value callback, js_value *args, size_t nargs,
                     ls_origin origin);
bool tasks_has_tick(const ls_engine *e);
size_t tasks_microtask_count(const ls_engine *e);

/* V8's MicrotaskQueue::PerformCheckpoint: runs microtasks until the queue is empty. */
void tasks_run_microtasks(ls_engine *e);
void tasks_process_ticks_and_rejections(ls_engine *e);
void tasks_run_next_ticks(ls_engine *e);

/* InternalCallbackScope: the outermost one drains when it closes. */
void tasks_scope_enter(ls_engine *e);
void tasks_scope_exit(ls_engine *e);

/* V8's PromiseRejectCallback events. */
void tasks_rejected_without_handler(ls_engine *e, js_value promise);
void tasks_handler_added_after_reject(ls_engine *e, js_value promise);
/* Marks the ticks and the pending rejections (the VM's collector). */
void tasks_mark(ls_engine *e, js_vm *vm);

/* Hashes the task queues (fingerprint.h); refused unless both are empty, as they are between
 * callbacks (the microtask queue is the VM's: js_fingerprint_vm). */
void tasks_fingerprint(ls_engine *e, ls_fp *fp);

#endif
