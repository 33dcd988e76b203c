/* timers.c - Node's timer lists; see timers.h for the design.  Each function names the
 * function of lib/internal/timers.js or lib/timers.js (v20.20.2) it models. */
#include "timers.h"

#include <stdio.h>
#include <stdlib.h>

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "node/host.h"

#define TIMEOUT_MAX 2147483647.0 /* 2 ** 31 - 1 */

/* ---- timerListQueue order: compareTimersLists ------------------------------------------ */

static bool list_less(const ls_heap_node *a, const ls_heap_node *b)
{
    const ls_timer_list *la = (const ls_timer_list *)((const char *)a - offsetof(ls_timer_list, node));
    const ls_timer_list *lb = (const ls_timer_list *)((const char *)b - offsetof(ls_timer_list, node));
    if (la->expiry != lb->expiry)
        return la->expiry < lb->expiry;
    return la->id < lb->id;
}

static ls_timer_list *queue_peek(const ls_timers *t)
{
    ls_heap_node *n = heap_min(&t->queue);
    return n ? (ls_timer_list *)((char *)n - offsetof(ls_timer_list, node)) : NULL;
}

/* ---- timerListMap: msecs -> list --------------------------------------------------------- */

static size_t map_index(const ls_timers *t, double msecs)
{
    uint64_t bits;
    memcpy(&bits, &msecs, sizeof bits);
    uint64_t h = bits * UINT64_C(0x9E3779B97F4A7C15);
    return (size_t)(h >> 32) & (t->map_cap - 1);
}

ls_timer_list *timers_list_for(const ls_timers *t, double msecs)
{
    for (size_t i = map_index(t, msecs);; i = (i + 1) & (t->map_cap - 1)) {
        ls_timer_list *l = t->map[i];
        if (!l)
            return NULL;
        if (l->msecs == msecs)
            return l;
    }
}

static void map_put_raw(ls_timers *t, ls_timer_list *list)
{
    size_t i = map_index(t, list->msecs);
    while (t->map[i])
        i = (i + 1) & (t->map_cap - 1);
    t->map[i] = list;
}

static void map_put(ls_engine *e, ls_timer_list *list)
{
    ls_timers *t = &e->timers;
    if ((t->map_len + 1) * 2 > t->map_cap) {
        ls_timer_list **old = t->map;
        size_t old_cap = t->map_cap;
        t->map_cap *= 2;
        t->map = arena_alloc(e->arena, t->map_cap * sizeof *t->map);
        for (size_t i = 0; i < old_cap; i++)
            if (old[i])
                map_put_raw(t, old[i]);
    }
    map_put_raw(t, list);
    t->map_len++;
}

/* Linear-probing delete: re-seat the entries of the cluster after the hole. */
static void map_delete(ls_timers *t, double msecs)
{
    size_t i = map_index(t, msecs);
    while (t->map[i] && t->map[i]->msecs != msecs)
        i = (i + 1) & (t->map_cap - 1);
    if (!t->map[i])
        return;
    t->map[i] = NULL;
    t->map_len--;
    for (size_t j = (i + 1) & (t->map_cap - 1); t->map[j]; j = (j + 1) & (t->map_cap - 1)) {
        ls_timer_list *l = t->map[j];
        t->map[j] = NULL;
        map_put_raw(t, l);
    }
}

/* ---- the linked list inside a TimersList (internal/linkedlist) ------------------------- */

static void list_remove(ls_timer *timer)
{
    ls_timer_list *l = timer->list;
    if (!l)
        return;
    if (timer->prev)
        timer->prev->next = timer->next;
    else
        l->head = timer->next;
    if (timer->next)
        timer->next->prev = timer->prev;
    else
        l->tail = timer->prev;
    timer->prev = timer->next = NULL;
    timer->list = NULL;
}

static void list_append(ls_timer_list *l, ls_timer *timer)
{
    list_remove(timer);
    timer->list = l;
    timer->prev = l->tail;
    timer->next = NULL;
    if (l->tail)
        l->tail->next = timer;
    else
        l->head = timer;
    l->tail = timer;
}

/* ---- the uv timer and the ref count ---------------------------------------------------- */

/* binding.toggleTimerRef -> Environment::ToggleTimerRef: uv_ref/uv_unref(timer_handle) */
static void toggle_timer_ref(ls_engine *e, bool ref)
{
    ls_uv_timer *h = &e->timers.handle;
    loop_handle_set(e, &h->handle, h->handle.active, ref);
}

static void inc_ref_count(ls_engine *e)
{
    if (e->timers.ref_count++ == 0)
        toggle_timer_ref(e, true);
}

static void dec_ref_count(ls_engine *e)
{
    if (--e->timers.ref_count == 0)
        toggle_timer_ref(e, false);
}

/* binding.scheduleTimer -> Environment::ScheduleTimer -> uv_timer_start(timer_handle, RunTimers) */
static void schedule_timer(ls_engine *e, int64_t duration)
{
    loop_timer_start(e, &e->timers.handle, (uint64_t)duration);
}

/* The key of a delay's list: insert() truncates it (MathTrunc, Node 11.9+), or not. */
static double list_key(const ls_engine *e, double delay)
{
    return e->profile->fractional_lists ? delay : trunc(delay);
}

/* The timer is scheduled again (or for the first time): a root of the collector. */
static void keep(ls_timers *t, ls_timer *timer)
{
    if (timer->kept)
        return;
    timer->kept = true;
    timer->all_next = t->all;
    t->all = timer;
}

/* insert(item, msecs, start = getLibuvNow()) */
static void insert(ls_engine *e, ls_timer *timer, double msecs_in, uint64_t start)
{
    ls_timers *t = &e->timers;
    keep(t, timer);
    double msecs = list_key(e, msecs_in);
    timer->idle_start = start;
    ls_timer_list *list = timers_list_for(t, msecs);
    if (!list) {
        double expiry = (double)start + msecs;
        list = arena_alloc(e->arena, sizeof *list);
        list->msecs = msecs;
        list->expiry = expiry;
        list->id = t->next_list_id++;
        map_put(e, list);
        heap_insert(&t->queue, &list->node);
        list->queued = true;
        if (t->next_expiry > expiry) {
            schedule_timer(e, (int64_t)msecs); /* ScheduleTimer takes an integer (IntegerValue) */
            t->next_expiry = expiry;
        }
    }
    list_append(list, timer);
}

static void remove_list(ls_timers *t, ls_timer_list *list)
{
    if (list->queued) {
        heap_remove(&t->queue, &list->node);
        list->queued = false;
    }
    if (timers_list_for(t, list->msecs) == list)
        map_delete(t, list->msecs);
}

/* ---- Node 10: a libuv timer per list (lib/timers.js @v10.7.0) ---------------------------- */

static void n10_on_list_timeout(ls_engine *e, ls_uv_timer *handle);
static void n10_on_own_timeout(ls_engine *e, ls_uv_timer *handle);

/* insert(item, unrefed = false, start): a new list starts its TimerWrap for `msecs` (an integer:
 * TimerWrap::Start reads IntegerValue). */
static void n10_insert(ls_engine *e, ls_timer *timer, uint64_t start)
{
    ls_timers *t = &e->timers;
    keep(t, timer);
    double msecs = timer->idle_timeout;
    timer->idle_start = start;
    ls_timer_list *list = timers_list_for(t, msecs);
    if (!list) {
        list = arena_alloc(e->arena, sizeof *list);
        list->msecs = msecs;
        list->queued = true; /* its TimerWrap is open */
        map_put(e, list);
        loop_timer_init(&list->handle, n10_on_list_timeout);
        list->handle.data = list;
        loop_timer_start(e, &list->handle, (uint64_t)trunc(msecs));
    }
    list_append(list, timer);
}

/* handle.close() */
static void n10_close_handle(ls_engine *e, ls_uv_timer *handle)
{
    loop_timer_stop(e, handle);
    loop_close(e, &handle->handle, NULL, NULL, "TimerWrap");
}

/* reuse(item): unlinks the timer; if that emptied its list, stops the list's TimerWrap, drops
 * the list and returns it (its handle can be reused or closed). */
static ls_timer_list *n10_reuse(ls_engine *e, ls_timer *timer)
{
    list_remove(timer);
    ls_timer_list *list = timers_list_for(&e->timers, timer->idle_timeout);
    if (list && !list->head) {
        loop_timer_stop(e, &list->handle);
        map_delete(&e->timers, list->msecs);
        list->queued = false;
        return list;
    }
    return NULL;
}

static void n10_unenroll(ls_engine *e, ls_timer *timer)
{
    ls_timer_list *emptied = n10_reuse(e, timer);
    if (emptied)
        n10_close_handle(e, &emptied->handle);
    timer->idle_timeout = -1;
}

/* rearm(timer, start): an interval that overran its period restarts from its end + 1 ms. */
static void n10_rearm(ls_engine *e, ls_timer *timer, uint64_t start)
{
    if (timer->idle_timeout == -1)
        return;
    if (timer->own) {
        loop_timer_start(e, timer->own, (uint64_t)trunc(timer->repeat));
        return;
    }
    timer->idle_timeout = timer->repeat;
    double duration = (double)clock_get_now(&e->clock, "the restart of an interval") - (double)start;
    if (duration >= timer->repeat)
        n10_insert(e, timer, (uint64_t)((double)start + duration - timer->repeat + 1));
    else
        n10_insert(e, timer, start);
}

/* tryOnTimeout/ontimeout: runs the callback, then re-arms an interval.  False if it threw (the
 * exception skips the re-arm). */
static bool n10_ontimeout(ls_engine *e, ls_timer *timer, bool have_start, uint64_t start)
{
    timer->called = true;
    if (!have_start && timer->repeat != 0)
        start = clock_get_now(&e->clock, "the restart of an interval");
    ls_timer *outer = e->timers.current;
    e->timers.current = timer; /* kept until re-armed */
    bool ok = host_run_callback_this(e, timer->origin, timer->callback,
                                     host_timer_this(e, timer), timer->args, timer->nargs);
    if (ok && timer->repeat != 0)
        n10_rearm(e, timer, start);
    e->timers.current = outer;
    return ok ? true : engine_stopped(e);
}

/* listOnTimeout(handle, now): every due timer of the list, with no drain in between. */
static bool n10_list_on_timeout(ls_engine *e, ls_timer_list *list, uint64_t now)
{
    ls_timer *timer;
    while ((timer = list->head) != NULL && !engine_stopped(e)) {
        double diff = (double)now - (double)timer->idle_start;
        if (diff < list->msecs) {
            double remaining =
                list->msecs - ((double)clock_get_now(&e->clock, "the timers phase") - (double)timer->idle_start);
            if (remaining < 0)
                remaining = 1;
            loop_timer_start(e, &list->handle, (uint64_t)trunc(remaining));
            return true;
        }
        list_remove(timer);
        if (!timer->has_callback)
            continue;
        if (!n10_ontimeout(e, timer, false, 0))
            return false;
    }
    if (engine_stopped(e))
        return true;
    if (timers_list_for(&e->timers, list->msecs) == list)
        map_delete(&e->timers, list->msecs);
    if (list->queued) {
        list->queued = false;
        n10_close_handle(e, &list->handle);
    }
    return true;
}

/* TimerWrap::OnTimeout: MakeCallback(processTimers, GetNow()), again after a throw. */
static void n10_on_list_timeout(ls_engine *e, ls_uv_timer *handle)
{
    ls_timer_list *list = handle->data;
    tasks_scope_enter(e);
    while (!n10_list_on_timeout(e, list, clock_get_now(&e->clock, "the timers phase")) && !engine_stopped(e) &&
           list->queued)
        ;
    tasks_scope_exit(e);
}

/* unrefdHandle(timer, now): an unref'd timer's own TimerWrap fired. */
static void n10_on_own_timeout(ls_engine *e, ls_uv_timer *handle)
{
    ls_timer *timer = handle->data;
    tasks_scope_enter(e);
    uint64_t now = clock_get_now(&e->clock, "the timers phase");
    if (timer->has_callback)
        n10_ontimeout(e, timer, true, now);
    if (!engine_stopped(e) && (timer->repeat == 0 || !timer->has_callback) && timer->own) {
        n10_close_handle(e, timer->own); /* timer.close() */
        timer->own = NULL;
    }
    tasks_scope_exit(e);
}

/* Timeout.prototype.unref: the timer leaves its list for a TimerWrap of its own (reusing the
 * list's if it was the last one), started for what is left of its delay, and unref'd. */
static void n10_unref(ls_engine *e, ls_timer *timer)
{
    if (timer->own) {
        loop_handle_set(e, &timer->own->handle, timer->own->handle.active, false);
        return;
    }
    if (!timer->has_callback)
        return;
    double now = (double)clock_get_now(&e->clock, "unref()");
    double delay = (double)timer->idle_start + timer->idle_timeout - now;
    if (delay < 0)
        delay = 0;
    if (timer->called && timer->repeat == 0) {
        n10_unenroll(e, timer);
        return;
    }
    ls_timer_list *emptied = n10_reuse(e, timer);
    ls_uv_timer *own = emptied ? &emptied->handle : arena_alloc(e->arena, sizeof *own);
    if (!emptied)
        loop_timer_init(own, n10_on_own_timeout);
    own->cb = n10_on_own_timeout;
    own->data = timer;
    timer->own = own;
    keep(&e->timers, timer);
    loop_timer_start(e, own, (uint64_t)trunc(delay));
    loop_handle_set(e, &own->handle, own->handle.active, false);
}

/* Timeout.prototype.close (clearTimeout) */
static void n10_clear(ls_engine *e, ls_timer *timer)
{
    if (!timer->has_callback)
        return;
    timer->has_callback = false;
    if (timer->own) {
        n10_close_handle(e, timer->own);
        timer->own = NULL;
    } else {
        n10_unenroll(e, timer);
    }
}

/* Timeout.prototype.refresh */
static void n10_refresh(ls_engine *e, ls_timer *timer)
{
    if (timer->own)
        loop_timer_start(e, timer->own, (uint64_t)trunc(timer->idle_timeout));
    else if (timer->idle_timeout >= 0)
        n10_insert(e, timer, clock_get_now(&e->clock, "refresh()"));
}

/* ---- setTimeout / setInterval ------------------------------------------------------------ */

/* What reads the clock when a timer starts, for the words of a decision on it. */

/* getLibuvNow() when a timer starts: "setTimeout `A`" reads the clock, for the words */
static uint64_t start_now(ls_engine *e, const ls_timer *timer)
{
    return clock_get_now_of(&e->clock, timer->origin.api, timer->origin.label);
}


ls_timer *timers_create(ls_engine *e, js_value callback, js_value *args, size_t nargs,
                        double delay, bool repeat, ls_origin origin)
{
    ls_timer *timer = e->timers.spare;
    if (timer) {
        e->timers.spare = timer->next;
        memset(timer, 0, sizeof *timer);
    } else {
        timer = arena_alloc(e->arena, sizeof *timer);
    }
    timer->idle_timeout = delay;
    timer->repeat = repeat ? delay : 0;
    timer->has_callback = true;
    timer->callback = callback;
    timer->args = args;
    timer->nargs = nargs;
    timer->origin = origin;
    timer->object = js_undefined();
    keep(&e->timers, timer);
    timer->refed = true;
    if (e->profile->timer_per_list) {
        n10_insert(e, timer, start_now(e, timer)); /* active(timeout) */
        return timer;
    }
    inc_ref_count(e);                                    /* new Timeout(..., isRefed = true) */
    insert(e, timer, delay, start_now(e, timer)); /* insert(timeout, timeout._idleTimeout) */
    return timer;
}

/* clearTimeout(timer): _onTimeout = null; unenroll(timer) */
void timers_clear(ls_engine *e, ls_timer *timer)
{
    if (e->profile->timer_per_list) {
        n10_clear(e, timer);
        return;
    }
    if (!timer->has_callback)
        return;
    timer->has_callback = false;
    if (timer->destroyed)
        return;
    timer->destroyed = true;
    list_remove(timer);
    if (timer->refed) {
        /* Only ref'd timers delete an emptied list (lib/timers.js unenroll). */
        ls_timer_list *list = timers_list_for(&e->timers, list_key(e, timer->idle_timeout));
        if (list && !list->head)
            remove_list(&e->timers, list);
        dec_ref_count(e);
    }
    timer->idle_timeout = -1;
}

void timers_unref(ls_engine *e, ls_timer *timer)
{
    if (e->profile->timer_per_list) {
        n10_unref(e, timer);
        return;
    }
    if (timer->refed) {
        timer->refed = false;
        if (!timer->destroyed)
            dec_ref_count(e);
    }
}

void timers_ref(ls_engine *e, ls_timer *timer)
{
    if (e->profile->timer_per_list) { /* Timeout.prototype.ref: this._handle.ref() */
        if (timer->own)
            loop_handle_set(e, &timer->own->handle, timer->own->handle.active, true);
        return;
    }
    if (!timer->refed) {
        timer->refed = true;
        if (!timer->destroyed)
            inc_ref_count(e);
    }
}

/* Timeout.prototype.refresh -> insertGuarded(this, this[kRefed]) */
void timers_refresh(ls_engine *e, ls_timer *timer)
{
    if (e->profile->timer_per_list) {
        n10_refresh(e, timer);
        return;
    }
    if (timer->idle_timeout < 0)
        return;
    insert(e, timer, timer->idle_timeout, clock_get_now(&e->clock, "refresh()"));
    if (timer->destroyed) {
        timer->destroyed = false;
        if (timer->refed)
            inc_ref_count(e);
    }
}

/* ---- processTimers / listOnTimeout: what RunTimers calls ---------------------------------- */

/* Returns false if a timer callback threw: the exception leaves processTimers (after the
 * callback's `finally` block), and RunTimers calls processTimers again (R11). */
static bool list_on_timeout(ls_engine *e, ls_timer_list *list, ls_reading *now)
{
    ls_timers *t = &e->timers;
    double msecs = list->msecs;
    bool ran_at_least_one_timer = false;
    ls_timer *timer;
    while ((timer = list->head) != NULL) {
        /* diff = now - timer._idleStart; if (diff < msecs): now < _idleStart + msecs */
        double expiry = (double)timer->idle_start + msecs;
        if (!clock_reading_reached(&e->clock, now, (uint64_t)ceil(expiry))) {
            /* Not due: the list moves to the head's expiry (at least now + 1) and gets a new
             * id, so it sorts after lists of equal expiry (R3.5).  With now < expiry, now + 1
             * exceeds it only for a fractional expiry and now = floor(expiry). */
            if (expiry != floor(expiry) &&
                clock_reading_reached(&e->clock, now, (uint64_t)floor(expiry)))
                expiry = floor(expiry) + 1;
            list->expiry = expiry;
            list->id = t->next_list_id++;
            heap_update(&t->queue, &list->node);
            return true;
        }
        if (ran_at_least_one_timer)
            tasks_run_next_ticks(e); /* R2.1: ticks and microtasks between two timers */
        else
            ran_at_least_one_timer = true;
        if (engine_stopped(e))
            return true;
        list_remove(timer);
        if (!timer->has_callback) {
            if (!timer->destroyed) {
                timer->destroyed = true;
                if (timer->refed)
                    t->ref_count--;
            }
            continue;
        }
        uint64_t start = 0;
        if (timer->repeat != 0)
            start = clock_get_now(&e->clock, "the restart of an interval"); /* an interval restarts from the callback's start */
        ls_timer *outer = t->current;
        t->current = timer; /* kept until re-armed */
        bool ok = host_run_callback_this(e, timer->origin, timer->callback,
                                         host_timer_this(e, timer), timer->args, timer->nargs);
        t->current = outer;
        if (engine_stopped(e))
            return true;
        if (timer->repeat != 0 && timer->idle_timeout != -1) {
            timer->idle_timeout = timer->repeat;
            insert(e, timer, timer->idle_timeout, start);
        } else if (!timer->list && !timer->destroyed) {
            timer->destroyed = true;
            if (timer->refed)
                t->ref_count--;
        }
        if (!ok)
            return false;
    }
    if (timers_list_for(t, msecs) == list)
        remove_list(t, list);
    return true;
}

/* processTimers(now): runs every due list in (expiry, id) order; returns the next expiry,
 * negative when no ref'd timer is left, 0 when there are no timers.  *threw is set when a
 * timer callback threw (an 'uncaughtException' listener handled it). */
static double process_timers(ls_engine *e, ls_reading *now, bool *threw)
{
    ls_timers *t = &e->timers;
    t->next_expiry = INFINITY;
    bool ran_at_least_one_list = false;
    ls_timer_list *list;
    while ((list = queue_peek(t)) != NULL) {
        if (!clock_reading_reached(&e->clock, now, (uint64_t)ceil(list->expiry))) {
            t->next_expiry = list->expiry;
            return t->ref_count > 0 ? t->next_expiry : -t->next_expiry;
        }
        if (ran_at_least_one_list)
            tasks_run_next_ticks(e);
        else
            ran_at_least_one_list = true;
        if (engine_stopped(e))
            return 0;
        if (!list_on_timeout(e, list, now)) {
            *threw = true;
            return 0;
        }
        if (engine_stopped(e))
            return 0;
    }
    return 0;
}

/* Environment::RunTimers (src/env.cc): the uv timer callback.  One InternalCallbackScope around
 * the whole phase, so the drain after the last timer happens when it closes. */
static void run_timers(ls_engine *e, ls_uv_timer *handle)
{
    tasks_scope_enter(e);
    ls_reading now = clock_read(&e->clock, "the timers phase");
    /* do { ret = processTimers(now) } while (ret.IsEmpty() && can_call_into_js()): a throw
     * re-enters with the same `now`, and the re-entered call runs its first timer without a
     * drain before it, so a tick queued by the throwing timer waits one more timer (R11). */
    double expiry;
    bool threw;
    do {
        threw = false;
        expiry = process_timers(e, &now, &threw);
    } while (threw && !engine_stopped(e));
    clock_reading_done(&e->clock, &now);
    if (!engine_stopped(e)) {
        if (expiry != 0) {
            /* expiry_ms = ret->IntegerValue(); duration = expiry_ms - uv_now; ScheduleTimer
             * (duration > 0 ? duration : 1): uv_timer_start adds the same uv_now back, so the
             * uv timer's timeout is expiry_ms itself unless uv_now has reached it. */
            uint64_t at = (uint64_t)trunc(fabs(expiry));
            if (!clock_reached(&e->clock, at))
                loop_timer_start_at(e, &e->timers.handle, at);
            else
                schedule_timer(e, 1);
            loop_handle_set(e, &handle->handle, handle->handle.active, expiry > 0);
        } else {
            loop_handle_set(e, &handle->handle, handle->handle.active, false);
        }
    }
    tasks_scope_exit(e);
}

void timers_mark_one(js_vm *vm, const ls_timer *timer)
{
    js_gc_mark_value(vm, timer->callback);
    js_gc_mark_value(vm, timer->object);
    for (size_t i = 0; i < timer->nargs; i++)
        js_gc_mark_value(vm, timer->args[i]);
}

void timers_mark(ls_engine *e, js_vm *vm)
{
    ls_timers *t = &e->timers;
    for (ls_timer **link = &t->all; *link;) {
        ls_timer *timer = *link;
        if (!timer->list && !timer->own && timer != t->current) {
            *link = timer->all_next; /* ran or cleared: the program's to keep, or not */
            timer->kept = false;
            continue;
        }
        timers_mark_one(vm, timer);
        link = &timer->all_next;
    }
    /* (the current timer's callback was linked out of its list before it ran) */
    if (t->current && !t->current->kept)
        timers_mark_one(vm, t->current);
}

void timers_recycle(ls_engine *e, ls_timer *timer)
{
    ls_timers *t = &e->timers;
    if (timer->kept || timer->list || timer->own || timer == t->current)
        return; /* cannot be: a kept timer marks its Timeout */
    timer->next = t->spare;
    t->spare = timer;
}

void timers_init(ls_engine *e)
{
    ls_timers *t = &e->timers;
    heap_init(&t->queue, list_less);
    t->map_cap = 16;
    t->map = arena_alloc(e->arena, t->map_cap * sizeof *t->map);
    t->next_list_id = 0;
    t->ref_count = 0;
    t->next_expiry = INFINITY;
    t->all = t->current = t->spare = NULL;
    /* Environment::InitializeLibuv: uv_timer_init(timer_handle) then uv_unref(timer_handle). */
    loop_timer_init(&t->handle, run_timers);
    t->handle.handle.refed = false;
}

/* ---- what is pending, for loopsim explain ------------------------------------------------ */

static double due_of(const ls_timer *x)
{
    return (double)x->idle_start + x->idle_timeout;
}

/* By due time, then in the order they were collected (a stable sort's order). */
static int by_due(const void *a, const void *b)
{
    const ls_timer *const *x = a, *const *y = b;
    double dx = due_of(*x), dy = due_of(*y);
    return dx < dy ? -1 : dx > dy ? 1 : x < y ? -1 : x > y;
}

size_t timers_describe(const ls_engine *e, FILE *f, const char *(*name)(const ls_engine *,
                                                                       ls_origin), size_t max)
{
    const ls_timers *t = &e->timers;
    size_t n = 0;
    for (size_t i = 0; i < t->map_cap; i++)
        for (const ls_timer *x = t->map[i] ? t->map[i]->head : NULL; x; x = x->next)
            n++;
    if (n == 0)
        return 0;
    const ls_timer **all = malloc(n * sizeof *all);
    if (!all)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < t->map_cap; i++)
        for (const ls_timer *x = t->map[i] ? t->map[i]->head : NULL; x; x = x->next)
            all[k++] = x;
    /* the first `max` by due time: sorted in place when few, else picked into a sorted prefix
     * (each timer compared with the last kept one first), so that a snapshot of 10,000 timers
     * at every loop iteration stays linear */
    size_t shown = n < max ? n : max;
    if (n <= 4 * max) {
        qsort(all, n, sizeof *all, by_due);
    } else {
        qsort(all, shown, sizeof *all, by_due);
        for (size_t i = shown; i < n; i++) {
            if (by_due(&all[i], &all[shown - 1]) >= 0)
                continue;
            const ls_timer *x = all[i];
            size_t j = shown - 1;
            while (j > 0 && by_due(&x, &all[j - 1]) < 0)
                j--;
            memmove(&all[j + 1], &all[j], (shown - 1 - j) * sizeof *all);
            all[j] = x;
        }
    }
    for (size_t i = 0; i < shown; i++) {
        const ls_timer *x = all[i];
        char due[32], delay[32];
        out_format_number(due_of(x), due, sizeof due);
        out_format_number(x->idle_timeout, delay, sizeof delay);
        fprintf(f, "%s%s %s (%s ms from loop-ms %llu: due at %s%s%s)", i ? ", " : "",
                x->origin.api, name(e, x->origin), delay, (unsigned long long)x->idle_start,
                due, x->refed ? "" : ", unref'd", x->repeat != 0 ? ", repeating" : "");
    }
    if (n > shown)
        fprintf(f, ", ... and %zu more", n - shown);
    free(all);
    return n;
}

/* ---- fingerprint.h ------------------------------------------------------------------------ */

static void fingerprint_handle(ls_fp *fp, const ls_uv_timer *t)
{
    fp_bool(fp, t->handle.active);
    fp_bool(fp, t->handle.refed);
    fp_bool(fp, t->handle.closing);
    fp_u64(fp, t->timeout);
}

static void fingerprint_list(ls_fp *fp, const ls_timer_list *list)
{
    if (!fp_object(fp, list))
        return;
    fp_double(fp, list->msecs);
    fp_double(fp, list->expiry);
    fp_bool(fp, list->queued);
    fingerprint_handle(fp, &list->handle);
    for (const ls_timer *x = list->head; x; x = x->next)
        timers_fingerprint_timer(fp, x);
    fp_u64(fp, UINT64_C(0x11575e2d)); /* the list's end */
}

void timers_fingerprint_timer(ls_fp *fp, const ls_timer *timer)
{
    if (!fp_object(fp, timer))
        return;
    fingerprint_list(fp, timer->list);
    fp_double(fp, timer->idle_timeout);
    fp_double(fp, timer->repeat);
    fp_u64(fp, timer->idle_start);
    fp_bool(fp, timer->destroyed);
    fp_bool(fp, timer->refed);
    fp_bool(fp, timer->has_callback);
    fp_bool(fp, timer->called);
    fp_bool(fp, timer->own != NULL);
    if (timer->own)
        fingerprint_handle(fp, timer->own);
    fp_value(fp, timer->callback);
    fp_u64(fp, timer->nargs);
    for (size_t i = 0; i < timer->nargs; i++)
        fp_value(fp, timer->args[i]);
    fp_origin(fp, timer->origin);
}

void timers_fingerprint_uv_timer(ls_engine *e, ls_fp *fp, const ls_uv_timer *t)
{
    fingerprint_handle(fp, t);
    if (t == &e->timers.handle) {
        fp_u64(fp, 1);
    } else if (t->cb == n10_on_list_timeout) {
        fp_u64(fp, 2);
        fingerprint_list(fp, t->data);
    } else if (t->cb == n10_on_own_timeout) {
        fp_u64(fp, 3);
        timers_fingerprint_timer(fp, t->data);
    } else {
        fp_refuse(fp);
    }
}

/* timerListMap has one list per duration: the durations are distinct keys */
static int by_msecs(const void *a, const void *b)
{
    const ls_timer_list *x = *(const ls_timer_list *const *)a, *y = *(const ls_timer_list *const *)b;
    return x->msecs < y->msecs ? -1 : x->msecs > y->msecs;
}

void timers_fingerprint(ls_engine *e, ls_fp *fp)
{
    ls_timers *t = &e->timers;
    fp_i64(fp, t->ref_count);
    fp_double(fp, t->next_expiry);
    fingerprint_handle(fp, &t->handle);
    ls_heap_node **nodes = malloc((t->queue.count + 1) * sizeof *nodes);
    ls_timer_list **lists = malloc((t->map_len + 1) * sizeof *lists);
    if (!nodes || !lists) {
        free(nodes);
        free(lists);
        fp_refuse(fp);
        return;
    }
    heap_sorted(&t->queue, nodes);
    fp_u64(fp, t->queue.count);
    for (size_t i = 0; i < t->queue.count; i++)
        fingerprint_list(fp, (const ls_timer_list *)((const char *)nodes[i] -
                                                    offsetof(ls_timer_list, node)));
    /* timerListMap, by duration */
    size_t n = 0;
    for (size_t i = 0; i < t->map_cap; i++)
        if (t->map[i] && n < t->map_len + 1)
            lists[n++] = t->map[i];
    qsort(lists, n, sizeof *lists, by_msecs);
    fp_u64(fp, n);
    for (size_t i = 0; i < n; i++)
        fingerprint_list(fp, lists[i]);
    free(nodes);
    free(lists);
}
