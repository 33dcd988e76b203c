/* loop.h - libuv's event loop: uv_run and the handles Node puts in it (libuv v1.46.0,
 * src/unix/core.c uv_run, src/timer.c, src/unix/linux.c uv__io_poll).
 *
 * Only what decides order is modelled: which phases run in which order, the uv timer heap
 * ordered by (timeout, start_id), the poll timeout (0 while an idle handle is active, i.e. while
 * ref'd immediates are pending; else until the nearest uv timer; -1 when there is none), the
 * loop-time updates, closing handles, and the alive check.  Waiting is not sleeping: the poll
 * phase moves the virtual clock to the moment it would wake up.
 */
#ifndef LOOPSIM_LOOP_H
#define LOOPSIM_LOOP_H

#include "types.h"

#include <stdbool.h>
#include <stdint.h>

#include "fingerprint.h"
#include "heap.h"

typedef struct ls_uv_timer ls_uv_timer;
typedef void (*ls_uv_timer_cb)(ls_engine *e, ls_uv_timer *timer);

/* The part of uv_handle_t that matters: a handle keeps the loop alive while active and ref'd. */
typedef struct {
    bool active;
    bool refed;
    bool closing;
} ls_uv_handle;

struct ls_uv_timer {             /* uv_timer_t */
    ls_uv_handle handle;
    ls_heap_node node;           /* in loop->timer_heap */
    uint64_t timeout;            /* absolute loop-ms */
    uint64_t start_id;
    ls_uv_timer_cb cb;
    void *data;                  /* handle->data: what the callback works on */
};

typedef void (*ls_close_cb)(ls_engine *e, void *data);

typedef struct ls_closing {
    struct ls_closing *next;
    ls_close_cb cb;
    void *data;
    const char *label;
} ls_closing;

typedef struct {
    ls_heap timer_heap;
    uint64_t timer_counter;      /* loop->timer_counter: the next start_id */
    int active_handles;          /* handles that are active and ref'd */
    int active_reqs;             /* thread-pool requests in flight (uv__req_register) */
    ls_closing *closing_head;           /* loop->closing_handles: a stack (loop_close) */
    ls_closing *pending_head, *pending_tail; /* loop->pending_queue (uv__io_feed) */
    int idle_handles;            /* started idle handles (Node's immediate_idle_handle) */
} ls_uv_loop;

void loop_init(ls_engine *e);

/* uv_handle bookkeeping: sets `active`/`refed` and keeps loop->active_handles right. */
void loop_handle_set(ls_engine *e, ls_uv_handle *h, bool active, bool refed);

void loop_timer_init(ls_uv_timer *t, ls_uv_timer_cb cb);
/* uv_timer_start(t, cb, timeout_ms, 0): due at the CACHED loop time + timeout_ms. */
void loop_timer_start(ls_engine *e, ls_uv_timer *t, uint64_t timeout_ms);
/* uv_timer_start with the timeout given as a loop time (the sum uv_timer_start would form). */
void loop_timer_start_at(ls_engine *e, ls_uv_timer *t, uint64_t timeout);
void loop_timer_stop(ls_engine *e, ls_uv_timer *t);

/* uv_idle_start/uv_idle_stop on Node's immediate_idle_handle (ref'd, so it keeps the loop
 * alive and makes the poll timeout 0). */
void loop_idle_set(ls_engine *e, ls_uv_handle *idle, bool started);

/* uv_close(handle, cb): `cb` runs in the close phase. */
void loop_close(ls_engine *e, ls_uv_handle *h, ls_close_cb cb, void *data, const char *label);
/* uv__io_feed: `cb` runs from the pending queue (the next iteration's pending phase, or right
 * after this poll phase where libuv does that); the caller keeps the loop alive meanwhile. */
void loop_feed(ls_engine *e, ls_close_cb cb, void *data);

/* uv__loop_alive */
bool loop_alive(const ls_engine *e);
/* uv_run(loop, UV_RUN_DEFAULT); returns whether the loop is still alive. */
bool loop_run(ls_engine *e);

/* Hashes libuv's part of the state (fingerprint.h): the timer heap in (timeout, start_id)
 * order, the counters; refused while handles are closing. */
void loop_fingerprint(ls_engine *e, ls_fp *fp);

#endif
