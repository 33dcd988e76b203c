/* loop.c - libuv's uv_run; see loop.h.  loop_run below reads like uv_run in libuv v1.46.0
 * src/unix/core.c (lines 414-477), one call per phase. */
#include "loop.h"

#include <stddef.h>
#include <stdlib.h>

#include "engine.h"

#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

/* timer_less_than (src/timer.c): timeout first, then start_id, so equal timeouts run in the
 * order they were started. */
static bool uv_timer_less(const ls_heap_node *a, const ls_heap_node *b)
{
    const ls_uv_timer *ta = container_of(a, ls_uv_timer, node);
    const ls_uv_timer *tb = container_of(b, ls_uv_timer, node);
    if (ta->timeout != tb->timeout)
        return ta->timeout < tb->timeout;
    return ta->start_id < tb->start_id;
}

void loop_init(ls_engine *e)
{
    heap_init(&e->loop.timer_heap, uv_timer_less);
    e->loop.timer_counter = 0;
    e->loop.active_handles = 0;
    e->loop.active_reqs = 0;
    e->loop.closing_head = NULL;
    e->loop.pending_head = e->loop.pending_tail = NULL;
    e->loop.idle_handles = 0;
}

static bool counted(const ls_uv_handle *h)
{
    return h->active && h->refed && !h->closing;
}

void loop_handle_set(ls_engine *e, ls_uv_handle *h, bool active, bool refed)
{
    bool before = counted(h);
    h->active = active;
    h->refed = refed;
    bool after = counted(h);
    e->loop.active_handles += (int)after - (int)before;
}

void loop_timer_init(ls_uv_timer *t, ls_uv_timer_cb cb)
{
    t->handle.active = false;
    t->handle.refed = true;
    t->handle.closing = false;
    t->cb = cb;
}

void loop_timer_stop(ls_engine *e, ls_uv_timer *t)
{
    if (!t->handle.active)
        return;
    heap_remove(&e->loop.timer_heap, &t->node);
    loop_handle_set(e, &t->handle, false, t->handle.refed);
}

void loop_timer_start(ls_engine *e, ls_uv_timer *t, uint64_t timeout_ms)
{
    /* the cached loop->time, not a fresh read */
    loop_timer_start_at(e, t, clock_now(&e->clock) + timeout_ms);
}

void loop_timer_start_at(ls_engine *e, ls_uv_timer *t, uint64_t timeout)
{
    loop_timer_stop(e, t);
    t->timeout = timeout;
    t->start_id = e->loop.timer_counter++;
    heap_insert(&e->loop.timer_heap, &t->node);
    loop_handle_set(e, &t->handle, true, t->handle.refed);
}

void loop_idle_set(ls_engine *e, ls_uv_handle *idle, bool started)
{
    if (idle->active == started)
        return;
    e->loop.idle_handles += started ? 1 : -1;
    loop_handle_set(e, idle, started, idle->refed);
}

void loop_close(ls_engine *e, ls_uv_handle *h, ls_close_cb cb, void *data, const char *label)
{
    loop_handle_set(e, h, false, h->refed); /* uv_close stops the handle */
    h->closing = true;
    ls_closing *c = arena_alloc(e->arena, sizeof *c);
    c->cb = cb;
    c->data = data;
    c->label = label;
    /* uv__make_close_pending (src/unix/core.c @v1.46.0, alike @v1.22.0): pushed at the list's
     * head, so the close phase runs the handles closed last first */
    c->next = e->loop.closing_head;
    e->loop.closing_head = c;
}

/* uv__loop_alive: active ref'd handles, active requests, or closing handles. */
bool loop_alive(const ls_engine *e)
{
    return e->loop.active_handles > 0 || e->loop.active_reqs > 0 ||
           e->loop.closing_head != NULL;
}

/* ---- the phases ---------------------------------------------------------------------------- */

/* uv__run_timers (src/timer.c): every uv timer due by the cached loop time, in heap order.
 * Node has one uv timer (Environment::timer_handle), whose callback is RunTimers. */
static void uv_run_timers(ls_engine *e)
{
    e->phase = PHASE_TIMERS;
    for (;;) {
        ls_heap_node *n = heap_min(&e->loop.timer_heap);
        if (!n || engine_stopped(e))
            break;
        ls_uv_timer *t = container_of(n, ls_uv_timer, node);
        if (!clock_reached(&e->clock, t->timeout))
            break;
        loop_timer_stop(e, t); /* uv_timer_stop + uv_timer_again (repeat 0: nothing) */
        t->cb(e, t);
    }
}

/* uv__run_pending (src/unix/core.c): the queue as it is now, each in the order fed; what is
 * fed meanwhile waits for the next run.  What loopsim feeds: a socket's shutdown with nothing
 * left to write (libuv >= 1.44.2, uv_shutdown: uv__io_feed; node/tcp.c). */
static void uv_run_pending(ls_engine *e)
{
    e->phase = PHASE_PENDING;
    ls_closing *c = e->loop.pending_head;
    e->loop.pending_head = e->loop.pending_tail = NULL;
    for (; c && !engine_stopped(e); c = c->next)
        c->cb(e, c->data);
}

void loop_feed(ls_engine *e, ls_close_cb cb, void *data)
{
    ls_closing *c = arena_alloc(e->arena, sizeof *c);
    c->cb = cb;
    c->data = data;
    c->label = NULL;
    c->next = NULL;
    if (e->loop.pending_tail)
        e->loop.pending_tail->next = c;
    else
        e->loop.pending_head = c;
    e->loop.pending_tail = c;
}

/* uv__run_idle / uv__run_prepare: Node's immediate_idle_handle has an empty callback; it only
 * exists to make the poll timeout 0.  No JavaScript runs in these phases. */
static void uv_run_idle(ls_engine *e)
{
    e->phase = PHASE_IDLE;
}

static void uv_run_prepare(ls_engine *e)
{
    e->phase = PHASE_PREPARE;
}

/* uv__backend_timeout (core.c): 0 unless the loop could sleep; else until the nearest uv timer
 * (uv__next_timeout), -1 when there is none. */
static int64_t uv_backend_timeout(ls_engine *e)
{
    ls_uv_loop *l = &e->loop;
    if (l->active_handles == 0 && l->active_reqs == 0)
        return 0;
    if (l->idle_handles > 0 || l->closing_head || l->pending_head)
        return 0;
    ls_heap_node *n = heap_min(&l->timer_heap);
    if (!n)
        return -1;
    const ls_uv_timer *t = container_of(n, ls_uv_timer, node);
    uint64_t now = clock_now(&e->clock);
    return t->timeout <= now ? 0 : (int64_t)(t->timeout - now);
}

/* uv__io_poll (src/unix/linux.c): wait up to `timeout` ms for I/O, update the loop time when
 * the wait returns, then run what is ready.  Waiting moves the virtual clock: to the first I/O
 * completion if it comes before the timeout, else to the end of the timeout (io.c decides
 * which, when costs are ranges). */
static void uv_io_poll(ls_engine *e, int64_t timeout);

/* The poll phase on a loop with UV_METRICS_IDLE_TIME and nothing in flight: loop->time is
 * refreshed as the phase starts, a due timer means no wait, and otherwise the wait ends when
 * the timer is due (clock_wait_until), without deciding which millisecond the refresh read.
 * False if the general case must run instead. */
static bool uv_io_poll_timer_only(ls_engine *e)
{
    const ls_uv_loop *l = &e->loop;
    if (!e->profile->poll_idle_metrics || io_in_flight(e) ||
        (l->active_handles == 0 && l->active_reqs == 0) || l->idle_handles > 0 || l->closing_head ||
        l->pending_head)
        return false;
    ls_heap_node *n = heap_min(&e->loop.timer_heap);
    if (!n)
        return false;
    const ls_uv_timer *t = container_of(n, ls_uv_timer, node);
    e->phase = PHASE_POLL;
    if (clock_reached(&e->clock, t->timeout)) /* uv__backend_timeout: 0 */
        return uv_io_poll(e, 0), true;
    clock_update_time(&e->clock, "the poll phase"); /* the idle-time refresh */
    if (clock_reached(&e->clock, t->timeout))
        return uv_io_poll(e, 0), true;
    if (!clock_wait_until(&e->clock, t->timeout, e->costs.poll_wakeup))
        return false;
    if (clock_elapsed_ns(&e->clock) > e->limits.max_time_ns) {
        e->stop = STOP_TIME_LIMIT;
        e->stop_message = "the virtual time limit was reached (--max-time)";
        return true;
    }
    clock_update_time(&e->clock, "the poll phase");
    io_poll(e);
    return true;
}

static void uv_io_poll(ls_engine *e, int64_t timeout)
{
    e->phase = PHASE_POLL;
    if (timeout > 0 && e->profile->poll_idle_metrics) {
        /* UV_METRICS_IDLE_TIME: a first epoll with timeout 0, uv__update_time, then only what
         * is left of `timeout` counted from the loop time it was computed from. */
        uint64_t base = clock_now(&e->clock);
        clock_update_time(&e->clock, "the poll phase");
        timeout -= (int64_t)(clock_now(&e->clock) - base);
        if (timeout <= 0)
            timeout = 0;
    }
    if (timeout != 0) {
        if (io_wait(e, timeout, e->costs.poll_wakeup) == IO_WAIT_FOREVER) {
            e->stop = STOP_HANG;
            e->stop_message = "the loop waits forever: a handle (a listening server or an "
                              "open socket) keeps it alive and nothing else can happen";
            return;
        }
        if (engine_stopped(e))
            return;
        if (clock_elapsed_ns(&e->clock) > e->limits.max_time_ns) {
            e->stop = STOP_TIME_LIMIT;
            e->stop_message = "the virtual time limit was reached (--max-time)";
            return;
        }
    }
    clock_update_time(&e->clock, "the poll phase");
    io_poll(e);
}

/* Node's check handle, always started and unref'd: Environment::CheckImmediate. */
static void uv_run_check(ls_engine *e)
{
    e->phase = PHASE_CHECK;
    immediates_check(e);
}

/* uv__run_closing_handles: the whole list as it is now, each close callback in its order (the
 * newest first: loop_close). */
static void uv_run_closing_handles(ls_engine *e)
{
    e->phase = PHASE_CLOSE;
    ls_closing *c = e->loop.closing_head;
    e->loop.closing_head = NULL;
    for (; c && !engine_stopped(e); c = c->next)
        if (c->cb)
            c->cb(e, c->data);
}

/* uv_run(loop, UV_RUN_DEFAULT) */
bool loop_run(ls_engine *e)
{
    bool timers_at_end = e->profile->loop_timers_at_end; /* libuv >= 1.45 */
    bool r = loop_alive(e);
    if (!r)
        clock_update_time(&e->clock, "the loop's start");

    if (timers_at_end && r) {
        clock_update_time(&e->clock, "the timers phase");
        uv_run_timers(e);
    }

    while (r && !engine_stopped(e)) {
        e->iteration++;
        engine_snapshot(e);
        if (engine_checkpoint(e))
            break; /* loopsim orders has seen this state: it stops this run here */
        if (!timers_at_end) {
            clock_update_time(&e->clock, "the timers phase");
            uv_run_timers(e);
            if (engine_stopped(e))
                break; /* process.exit() in a timer: no poll phase may wait after it */
        }
        uv_run_pending(e);
        if (engine_stopped(e))
            break;
        uv_run_idle(e);
        uv_run_prepare(e);

        if (!uv_io_poll_timer_only(e))
            uv_io_poll(e, uv_backend_timeout(e));
        if (engine_stopped(e))
            break;
        /* libuv >= 1.44.2 (uv_run): the pending queue again, up to 8 times, before the check
         * phase: what the poll phase's callbacks fed runs in this iteration */
        for (int k = 0; k < 8 && e->loop.pending_head && !engine_stopped(e) &&
                        e->profile->process.uv_shutdown_from_pending; k++)
            uv_run_pending(e);
        if (engine_stopped(e))
            break;

        uv_run_check(e);
        uv_run_closing_handles(e);

        if (timers_at_end) {
            clock_update_time(&e->clock, "the timers phase");
            uv_run_timers(e);
        }
        r = loop_alive(e);
    }
    return r;
}

void loop_fingerprint(ls_engine *e, ls_fp *fp)
{
    ls_uv_loop *l = &e->loop;
    fp_i64(fp, l->active_handles);
    fp_i64(fp, l->active_reqs);
    fp_i64(fp, l->idle_handles);
    if (l->closing_head || l->pending_head)
        fp_refuse(fp);
    fp_u64(fp, l->timer_heap.count);
    ls_heap_node **nodes = malloc((l->timer_heap.count + 1) * sizeof *nodes);
    if (!nodes) {
        fp_refuse(fp);
        return;
    }
    heap_sorted(&l->timer_heap, nodes);
    for (size_t i = 0; i < l->timer_heap.count; i++)
        timers_fingerprint_uv_timer(e, fp, container_of(nodes[i], ls_uv_timer, node));
    free(nodes);
}
