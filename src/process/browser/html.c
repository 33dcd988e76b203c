/* html.c - the browser's event loop; see html.h.  html_run below reads like the HTML standard's
 * "event loop processing model" (https://html.spec.whatwg.org/multipage/webappapis.html
 * #event-loop-processing-model), one call per step that a quiz can see:
 *
 *   script          the parser runs the inline <script> (or the module script): a task, then
 *                   "clean up after running script", a microtask checkpoint     (8.1.4.4)
 *   loop:
 *     select        step 2: the oldest runnable task; Chromium enqueues the due delayed tasks
 *                   at this moment (SequenceManagerImpl::SelectNextTask ->
 *                   MoveReadyDelayedTasksToWorkQueues), after those already queued
 *     run           steps 3-6: run it; step 7: a microtask checkpoint after it (for event
 *                   listeners, after each listener: "clean up after running a callback")
 *     render        step 14: when the task was the frame (BeginMainFrame), update the
 *                   rendering: "run the animation frame callbacks" (14.13), each callback
 *                   followed by a microtask checkpoint
 *     idle          step 15: no task runnable and no frame wanted: "start an idle period",
 *                   one idle callback a task (requestIdleCallback)
 *     wait          nothing runnable: the clock moves to the first delayed task's instant
 *                   (and on by the thread's wake-up slack, for a timer)
 *   until nothing is queued, delayed or requested: a page never ends, but a quiz's output does.
 */
#include "browser/html.h"

#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "browser/window.h"

void html_init(ls_engine *e)
{
    memset(&e->html, 0, sizeof e->html);
    e->html.last_frame_var = -1;
    e->html.frame_end_var = -1;
}

/* ---- the queues ---------------------------------------------------------------------------- */

static ls_html_task *new_task(ls_engine *e, ls_html_kind kind, ls_origin origin)
{
    ls_html_task *t = arena_alloc(e->arena, sizeof *t);
    t->kind = kind;
    t->origin = origin;
    t->var = -1;
    t->seq = engine_next_seq(e);
    t->target = t->data = js_undefined();
    return t;
}

static bool due_now(ls_engine *e, ls_html_task *t);
static void became_ready(ls_engine *e, ls_html_task *t);

static void enqueue(ls_engine *e, ls_html_task *t)
{
    /* The frame's task is posted by the compositor thread at its vsync tick, an immediate task
     * (cc::ProxyMain / ThreadProxy BeginMainFrame), not a delayed one: a task posted after the
     * tick is behind it.  So a frame due by now goes first. */
    ls_html_task *f = e->html.frame;
    if (t->kind != HTML_FRAME && f && f->var >= 0 && !engine_stopped(e) && due_now(e, f))
        became_ready(e, f);
    t->next = NULL;
    if (e->html.ready_tail)
        e->html.ready_tail->next = t;
    else
        e->html.ready_head = t;
    e->html.ready_tail = t;
}

/* A delayed task due `lo`..`hi` ns after the instant `base` of the zone. */
static bool add_delayed(ls_engine *e, ls_html_task *t, int base, int64_t lo, int64_t hi)
{
    t->var = dbm_add(&e->clock.zone, base, lo, hi);
    if (t->var < 0) {
        e->stop = STOP_BAD_INPUT;
        e->stop_message = arena_printf(e->arena, "%s: error: more than %d timers and frames "
                                       "pending at once; loopsim's timing model cannot follow "
                                       "them (docs/browser.md)", e->program->file, DBM_MAX - 4);
        return false;
    }
    ls_html_task **link = &e->html.delayed;
    while (*link)
        link = &(*link)->next;
    t->next = NULL;
    *link = t;
    return true;
}

static void unlink_delayed(ls_engine *e, ls_html_task *t, bool drop)
{
    for (ls_html_task **link = &e->html.delayed; *link; link = &(*link)->next)
        if (*link == t) {
            *link = t->next;
            break;
        }
    t->next = NULL;
    if (drop && t->var >= 0) {
        dbm_drop(&e->clock.zone, t->var);
        t->var = -1;
    }
}

static const char *task_words(ls_engine *e, const ls_html_task *t)
{
    switch (t->kind) {
    case HTML_TIMER:
        return arena_printf(e->arena, "%s `%s`", t->origin.api, t->origin.label);
    case HTML_FRAME:
        return "the next animation frame";
    case HTML_IDLE_TIMEOUT:
        return arena_printf(e->arena, "the timeout of requestIdleCallback `%s`", t->origin.label);
    case HTML_MESSAGE:
        break;
    }
    return arena_printf(e->arena, "the message `%s`", t->origin.label);
}

/* Which delayed task is due first: the least instant, and of equal ones the first posted
 * (Chromium's delayed incoming queue is ordered by delayed run time, then sequence number:
 * base/task/sequence_manager/task_queue_impl.h DelayedIncomingQueue, task_order.h). */
static ls_html_task *first_delayed(ls_engine *e)
{
    ls_html_task *all[DBM_MAX];
    int n = 0;
    for (ls_html_task *t = e->html.delayed; t && n < DBM_MAX; t = t->next)
        all[n++] = t;
    if (n <= 1)
        return n ? all[0] : NULL;
    ls_bound bounds[DBM_MAX][DBM_MAX];
    const ls_bound *options[DBM_MAX];
    int counts[DBM_MAX];
    const char *statements[DBM_MAX] = {NULL};
    bool words = clock_wants_words(&e->clock);
    for (int k = 0; k < n; k++) {
        int c = 0;
        for (int j = 0; j < n; j++)
            if (j != k)
                bounds[k][c++] = (ls_bound){all[k]->var, all[j]->var,
                                            all[j]->seq < all[k]->seq ? -1 : 0};
        options[k] = bounds[k];
        counts[k] = c;
        if (words)
            statements[k] = arena_printf(e->arena, "%s is due first of the %d delayed tasks",
                                         task_words(e, all[k]), n);
    }
    int k = clock_decide(&e->clock, n, options, counts, statements);
    return k < 0 ? all[0] : all[k];
}

/* Is `t` due now?  Decides only that. */
static bool due_now(ls_engine *e, ls_html_task *t)
{
    ls_bound due = {t->var, DBM_NOW, 0}, not_yet = {DBM_NOW, t->var, -1};
    const ls_bound *options[2] = {&due, &not_yet};
    int counts[2] = {1, 1};
    const char *statements[2] = {NULL, NULL};
    if (clock_wants_words(&e->clock)) {
        statements[0] = arena_printf(e->arena, "%s is due when the next task is chosen",
                                     task_words(e, t));
        statements[1] = arena_printf(e->arena, "%s is not due yet when the next task is chosen",
                                     task_words(e, t));
    }
    return clock_decide(&e->clock, 2, options, counts, statements) == 0;
}

/* The frame's task keeps its vsync tick: the next frame is counted from it. */
static void became_ready(ls_engine *e, ls_html_task *t)
{
    unlink_delayed(e, t, t->kind != HTML_FRAME);
    if (t->kind == HTML_FRAME) {
        if (e->html.last_frame_var >= 0)
            dbm_drop(&e->clock.zone, e->html.last_frame_var);
        e->html.last_frame_var = t->var;
        t->var = -1;
    }
    enqueue(e, t);
}

/* MoveReadyDelayedTasksToWorkQueues: every delayed task due by now, in due order, goes behind
 * the tasks already queued (base/task/sequence_manager/sequence_manager_impl.cc
 * SelectNextTask; each gets its enqueue order then: task_queue_impl.cc
 * MoveReadyDelayedTasksToWorkQueue). */
static void enqueue_due(ls_engine *e)
{
    while (!engine_stopped(e)) {
        ls_html_task *t = first_delayed(e);
        if (!t || !due_now(e, t))
            return;
        became_ready(e, t);
    }
}

/* ---- timers (window.c's DOMTimer) ---------------------------------------------------------- */

static bool arm_timer(ls_engine *e, ls_dom_timer *tm, int base)
{
    ls_html_task *t = new_task(e, HTML_TIMER, tm->origin);
    t->timer = tm;
    tm->task = t;
    if (tm->interval_ms <= 0 && base == DBM_NOW) {
        /* delay 0: posted as a task at once (DOMTimer::DOMTimer: a zero delay is no delayed
         * task, TaskType::kJavascriptTimerImmediate) */
        enqueue(e, t);
        return true;
    }
    /* due exactly `delay` after it was started: Chromium orders its delayed tasks by that
     * instant, then by sequence number, so timers of one delay started in turn run in turn
     * (task_queue_impl.h DelayedIncomingQueue); how late the thread wakes for it is paid in
     * html_run's wait */
    int64_t d = clock_ms_to_ns(tm->interval_ms);
    return add_delayed(e, t, base, d, d);
}

ls_dom_timer *html_timer_start(ls_engine *e, js_value callback, js_value *args, size_t nargs,
                               double delay_ms, bool repeat, int nesting, ls_origin origin)
{
    ls_dom_timer *tm = arena_alloc(e->arena, sizeof *tm);
    tm->id = ++e->html.last_timer_id;
    tm->callback = callback;
    tm->args = args;
    tm->nargs = nargs;
    tm->interval_ms = delay_ms;
    tm->repeat = repeat;
    tm->nesting = nesting;
    tm->origin = origin;
    tm->next = e->html.timers;
    e->html.timers = tm;
    if (!arm_timer(e, tm, DBM_NOW))
        return NULL;
    return tm;
}

static void forget_timer(ls_engine *e, ls_dom_timer *tm)
{
    for (ls_dom_timer **link = &e->html.timers; *link; link = &(*link)->next)
        if (*link == tm) {
            *link = tm->next;
            break;
        }
    tm->next = NULL;
}

void html_timer_clear(ls_engine *e, int id)
{
    for (ls_dom_timer *tm = e->html.timers; tm; tm = tm->next)
        if (tm->id == id) {
            ls_html_task *t = tm->task;
            if (t) {
                t->cancelled = true;
                if (t->var >= 0)
                    unlink_delayed(e, t, true);
            }
            tm->task = NULL;
            forget_timer(e, tm);
            return;
        }
}

/* ---- messages, frames, idle callbacks ------------------------------------------------------ */

void html_post_message(ls_engine *e, js_value target, js_value data, ls_origin origin)
{
    ls_html_task *t = new_task(e, HTML_MESSAGE, origin);
    t->target = target;
    t->data = data;
    enqueue(e, t);
}

/* The vsync tick after now: the next of the last frame's ticks when there was one (the ticks
 * are `frame_interval_ms` apart), else the page's first frame's (`first_frame_ms` after the
 * script's start: the compositor's first BeginMainFrame, mostly within 5 ms, now and then
 * much later). */
static bool schedule_frame(ls_engine *e)
{
    ls_html_task *t = new_task(e, HTML_FRAME, (ls_origin){"requestAnimationFrame", "frame",
                                                         0});
    e->html.frame = t;
    int64_t lo, hi, period = clock_ms_to_ns(e->costs.frame_interval.ms);
    if (period < 1)
        period = 1;
    int last = e->html.last_frame_var;
    if (last < 0) {
        clock_cost_ns(&e->clock, e->costs.first_frame, &lo, &hi);
        return add_delayed(e, t, DBM_NOW, lo, hi);
    }
    /* now - last lies in ((k-1) period, k period] for some k >= 1: the tick is last + k period */
    int64_t least = -e->clock.zone.m[last][DBM_NOW];   /* now - last >= least */
    int64_t most = e->clock.zone.m[DBM_NOW][last];     /* now - last <= most */
    int64_t kmin = least <= 0 ? 1 : (least + period - 1) / period;
    int64_t kmax = most <= 0 ? 1 : (most + period - 1) / period;
    if (kmin < 1)
        kmin = 1;
    if (kmax < kmin)
        kmax = kmin;
    enum { KMAX = 8 };
    if (kmax - kmin >= KMAX)
        kmax = kmin + KMAX - 1; /* the zone's later ticks: beyond what a quiz waits */
    int n = (int)(kmax - kmin + 1);
    ls_bound bounds[KMAX][2];
    const ls_bound *options[KMAX];
    int counts[KMAX];
    const char *statements[KMAX] = {NULL};
    bool words = clock_wants_words(&e->clock);
    for (int i = 0; i < n; i++) {
        int64_t k = kmin + i;
        bounds[i][0] = (ls_bound){DBM_NOW, last, k * period};
        bounds[i][1] = (ls_bound){last, DBM_NOW, -(k - 1) * period - 1};
        options[i] = bounds[i];
        counts[i] = 2;
        if (words)
            statements[i] = arena_printf(e->arena, "the frame is asked for in the %lld%s vsync "
                                         "interval after the last frame", (long long)k,
                                         k == 1 ? "st" : k == 2 ? "nd" : k == 3 ? "rd" : "th");
    }
    int i = n == 1 ? 0 : clock_decide(&e->clock, n, options, counts, statements);
    int64_t k = kmin + (i < 0 ? 0 : i);
    return add_delayed(e, t, last, k * period, k * period);
}

int html_request_frame(ls_engine *e, js_value callback, ls_origin origin)
{
    ls_html *h = &e->html;
    if (h->nframe_cbs == h->frame_cbs_cap) {
        size_t cap = h->frame_cbs_cap ? 2 * h->frame_cbs_cap : 8;
        h->frame_cbs = arena_grow(e->arena, h->frame_cbs, h->nframe_cbs, cap, sizeof *h->frame_cbs);
        h->frame_cbs_cap = cap;
    }
    ls_frame_request *r = &h->frame_cbs[h->nframe_cbs++];
    r->id = ++h->last_frame_id;
    r->callback = callback;
    r->cancelled = false;
    r->origin = origin;
    /* a frame is asked for now, unless one is (ScriptedAnimationController::
     * RegisterFrameCallback -> ScheduleAnimationIfNeeded); while the callbacks run, the one
     * asked for is the next (the tick after this frame's) */
    if (!h->frame)
        schedule_frame(e); /* a refusal (too many pending) stops the run there */
    return r->id;
}

void html_cancel_frame(ls_engine *e, int id)
{
    for (size_t i = 0; i < e->html.nframe_cbs; i++)
        if (e->html.frame_cbs[i].id == id)
            e->html.frame_cbs[i].cancelled = true;
    for (size_t i = 0; i < e->html.nrunning; i++) /* a later callback of the running frame */
        if (e->html.running[i].id == id)
            e->html.running[i].cancelled = true;
}

int html_request_idle(ls_engine *e, js_value callback, double timeout_ms, ls_origin origin)
{
    ls_idle_request *r = arena_alloc(e->arena, sizeof *r);
    r->id = ++e->html.last_idle_id;
    r->callback = callback;
    r->origin = origin;
    if (e->html.idle_tail)
        e->html.idle_tail->next = r;
    else
        e->html.idle_head = r;
    e->html.idle_tail = r;
    if (timeout_ms > 0) {
        /* "requestIdleCallback" step 5: after `timeout`, a task on the idle-task source that
         * runs the callback with didTimeout true if it has not run */
        ls_html_task *t = new_task(e, HTML_IDLE_TIMEOUT, origin);
        t->idle = r;
        r->timeout = t;
        int64_t d = clock_ms_to_ns(timeout_ms);
        add_delayed(e, t, DBM_NOW, d, d);
    }
    return r->id;
}

void html_cancel_idle(ls_engine *e, int id)
{
    for (ls_idle_request *r = e->html.idle_head; r; r = r->next)
        if (r->id == id && !r->done) {
            r->cancelled = true;
            if (r->timeout && r->timeout->var >= 0)
                unlink_delayed(e, r->timeout, true);
            if (r->timeout)
                r->timeout->cancelled = true;
        }
}

/* ---- running ------------------------------------------------------------------------------- */

/* A callback the loop calls, then the microtask checkpoint after it ("clean up after running a
 * callback": the JavaScript stack is empty). */
static void call(ls_engine *e, ls_origin origin, js_value fn, js_value this_value,
                 const js_value *args, size_t nargs)
{
    tasks_scope_enter(e);
    host_run_callback_this(e, origin, fn, this_value, args, nargs);
    tasks_scope_exit(e);
}

static void run_timer(ls_engine *e, ls_html_task *t)
{
    ls_dom_timer *tm = t->timer;
    tm->task = NULL;
    if (!tm->repeat)
        forget_timer(e, tm);
    /* the instant the callback starts: a setInterval's next run is counted from it */
    int start = tm->repeat ? dbm_add(&e->clock.zone, DBM_NOW, 0, 0) : -1;
    e->html.nesting = tm->nesting;
    call(e, tm->origin, tm->callback, js_undefined(), tm->args, tm->nargs);
    e->html.nesting = 0;
    bool cleared = true;
    for (ls_dom_timer *x = e->html.timers; x; x = x->next)
        if (x == tm)
            cleared = false;
    if (tm->repeat && !cleared && !engine_stopped(e)) {
        /* the timer initialization steps again, from within its own task (HTML 8.6 step 13,
         * "repeat"; DOMTimer::Fired): the nesting level is this task's, so each run's is
         * one more and the interval is raised to the minimum past the clamping level */
        tm->interval_ms = window_clamp_delay(e, tm->interval_ms, tm->nesting);
        if (tm->nesting < 1000)
            tm->nesting++;
        arm_timer(e, tm, start >= 0 ? start : DBM_NOW);
    }
    if (start >= 0)
        dbm_drop(&e->clock.zone, start);
}

static void run_message(ls_engine *e, ls_html_task *t)
{
    js_value listeners, event;
    if (!window_message_event(e, t->target, t->data, &listeners, &event))
        return;
    js_vm *vm = e->host.vm;
    js_value len_v;
    double len = 0;
    if (js_get(vm, listeners, "length", &len_v) == JS_OK && len_v.type == JS_TNUMBER)
        len = len_v.u.number;
    if (len == 0) {
        /* a message nobody listens to is still a task: it costs its time */
        engine_spend(e, e->costs.callback);
        return;
    }
    for (int i = 0; i < (int)len && !engine_stopped(e); i++) {
        js_value fn, self;
        if (!window_listener_at(e, t->target, listeners, i, &fn, &self))
            continue;
        ls_origin o = t->origin;
        o.label = host_label(e, fn);
        call(e, o, fn, self, &event, 1);
    }
}

/* The instant rendering starvation counts from: now minus somewhere in [lo, hi] ns (the end of
 * a frame: 0; before the first: the scheduler's start, `starve_epoch_ms` before the script's).
 * False when the zone has no room left (the run is refused there, as for a timer). */
static bool set_frame_end(ls_engine *e, int64_t lo, int64_t hi)
{
    ls_html *h = &e->html;
    if (h->frame_end_var >= 0)
        dbm_drop(&e->clock.zone, h->frame_end_var);
    h->frame_end_var = dbm_add(&e->clock.zone, DBM_NOW, -hi, -lo);
    h->starve_after_ns = clock_ms_to_ns(e->profile->browser.starve_after_ms);
    return h->frame_end_var >= 0;
}

/* Is rendering starved (Blink's kRenderingStarved): has a task ended `starve_after_ms` or more
 * after the last frame?  Then the compositor's queue has kVeryHighPriority
 * (ComputeCompositorPriorityForMainFrame), above every task a quiz queues.  Decided when a
 * frame's task waits behind another: now, when the last task has just ended. */
static bool rendering_starved(ls_engine *e)
{
    ls_html *h = &e->html;
    if (h->frame_end_var < 0)
        return false;
    int64_t th = h->starve_after_ns;
    ls_bound yes = {h->frame_end_var, DBM_NOW, -th}, no = {DBM_NOW, h->frame_end_var, th - 1};
    const ls_bound *options[2] = {&yes, &no};
    int counts[2] = {1, 1};
    const char *statements[2] = {NULL, NULL};
    if (clock_wants_words(&e->clock)) {
        statements[0] = arena_printf(e->arena, "%g ms or more have passed without a frame: the "
                                     "frame's task goes first", (double)th / 1e6);
        statements[1] = arena_printf(e->arena, "less than %g ms have passed without a frame",
                                     (double)th / 1e6);
    }
    return clock_decide(&e->clock, 2, options, counts, statements) == 0;
}

/* "run the animation frame callbacks" (HTML 8.1.7.3 step 14.13 / 8.10.1): the callbacks in the
 * map when the frame starts, in the order asked for; one cancelled meanwhile is skipped; one
 * asked for by a callback waits for the next frame.  Each gets the frame's start time. */
static void run_frame(ls_engine *e)
{
    ls_html *h = &e->html;
    h->frame = NULL;
    e->phase = PHASE_RENDER;
    double now_ms = window_now_ms(e);
    size_t n = h->nframe_cbs;
    ls_frame_request *list = arena_alloc(e->arena, (n ? n : 1) * sizeof *list);
    if (n)
        memcpy(list, h->frame_cbs, n * sizeof *list);
    h->nframe_cbs = 0;
    h->running = list;
    h->nrunning = n;
    h->in_frame = true;
    for (size_t i = 0; i < n && !engine_stopped(e); i++) {
        if (list[i].cancelled) /* by an earlier callback of this frame */
            continue;
        js_value ts = js_number(now_ms);
        call(e, list[i].origin, list[i].callback, js_undefined(), &ts, 1);
    }
    h->running = NULL;
    h->nrunning = 0;
    h->in_frame = false;
    /* the rest of the rendering update: style, layout, paint */
    engine_spend(e, e->costs.render);
    e->phase = PHASE_TASK;
    /* a main frame resets the rendering prioritization state (main_thread_scheduler_impl.cc
     * UpdateRenderingPrioritizationStateOnTaskCompleted: last_frame_time = its end) */
    set_frame_end(e, 0, 0);
}

static void run_idle(ls_engine *e, ls_idle_request *r, bool timed_out)
{
    r->done = true;
    if (r->timeout && r->timeout->var >= 0)
        unlink_delayed(e, r->timeout, true);
    /* the deadline of a long idle period: 50 ms (HTML "start an idle period", Blink
     * kMaximumIdlePeriodMillis); a timed-out callback has none left */
    js_value deadline = window_idle_deadline(e, timed_out ? 0.0 : 50.0, timed_out);
    e->phase = PHASE_IDLE_PERIOD;
    call(e, r->origin, r->callback, js_undefined(), &deadline, 1);
    e->phase = PHASE_TASK;
}

static ls_idle_request *next_idle(ls_engine *e)
{
    while (e->html.idle_head) {
        ls_idle_request *r = e->html.idle_head;
        e->html.idle_head = r->next;
        if (!e->html.idle_head)
            e->html.idle_tail = NULL;
        if (!r->cancelled && !r->done)
            return r;
    }
    return NULL;
}

static void run_task(ls_engine *e, ls_html_task *t)
{
    e->phase = PHASE_TASK;
    switch (t->kind) {
    case HTML_TIMER:
        run_timer(e, t);
        break;
    case HTML_MESSAGE:
        run_message(e, t);
        break;
    case HTML_FRAME:
        run_frame(e);
        break;
    case HTML_IDLE_TIMEOUT:
        if (!t->idle->done && !t->idle->cancelled)
            run_idle(e, t->idle, true);
        break;
    }
}

static ls_html_task *dequeue(ls_engine *e)
{
    ls_html_task *t = e->html.ready_head;
    /* a frame's task behind others goes first while rendering is starved (the frame asked
     * for is queued once its tick has come: became_ready took its variable) */
    ls_html_task *f = e->html.frame;
    if (f && f->var < 0 && f != t && rendering_starved(e)) {
        ls_html_task *prev = t;
        while (prev->next != f)
            prev = prev->next;
        prev->next = f->next;
        if (e->html.ready_tail == f)
            e->html.ready_tail = prev;
        f->next = NULL;
        return f;
    }
    if (t) {
        e->html.ready_head = t->next;
        if (!e->html.ready_head)
            e->html.ready_tail = NULL;
        t->next = NULL;
    }
    return t;
}

void html_run(ls_engine *e)
{
    /* the page's first rendering update is wanted from the start, whatever the script asks
     * for: the compositor's first BeginMainFrame comes at a vsync tick while the parser's
     * task (and so the script) may still be running, and its rendering steps run the
     * animation frame callbacks asked for by then.  (Chromium 156: a script that calls
     * setTimeout(f, 0), then requestAnimationFrame(g) after a 200 ms busy loop ran g first in
     * 197 of 200 runs: the frame's task was queued before the timer's.) */
    /* the scheduler's last frame time: its start, before the script's */
    int64_t lo, hi;
    clock_cost_ns(&e->clock, e->costs.starve_epoch, &lo, &hi);
    set_frame_end(e, lo, hi);
    if (!schedule_frame(e))
        return;
    /* the script: the parser's task (window.c) */
    window_run_script(e);
    engine_snapshot(e);
    while (!engine_stopped(e)) {
        e->iteration++;
        enqueue_due(e);                               /* select: step 2 */
        ls_html_task *t = dequeue(e);
        if (t) {
            if (!t->cancelled)
                run_task(e, t);                       /* run, then the checkpoint: 3-7 */
            continue;
        }
        if (!e->html.frame) {                         /* idle: step 15 */
            ls_idle_request *r = next_idle(e);
            if (r) {
                run_idle(e, r, false);
                continue;
            }
        }
        ls_html_task *first = first_delayed(e);       /* wait */
        if (!first)
            break;
        dbm_assign(&e->clock.zone, DBM_NOW, first->var);
        e->phase = PHASE_TASK;
        /* the thread slept until a timer's instant and wakes a little late (the OS timer's
         * slack, `timer_late_ms`); a frame's task is posted by the compositor at its tick */
        if (first->kind != HTML_FRAME)
            engine_spend(e, e->costs.timer_late);
    }
}

static void describe_task(ls_engine *e, FILE *f, const ls_html_task *t)
{
    fputs(task_words(e, t), f);
    if (t->var >= 0)
        fprintf(f, " (due at %.3f ms)", (double)dbm_min(&e->clock.zone, t->var) / 1e6);
}

void html_describe(ls_engine *e, FILE *f, int max)
{
    ls_html *h = &e->html;
    int n = 0, more = 0;
    fputs("tasks queued: ", f);
    for (ls_html_task *t = h->ready_head; t; t = t->next)
        if (!t->cancelled && n++ < max) {
            fputs(n > 1 ? ", " : "", f);
            describe_task(e, f, t);
        } else if (!t->cancelled) {
            more++;
        }
    fputs(n ? "" : "none", f);
    if (more)
        fprintf(f, " and %d more", more);
    n = more = 0;
    fputs("\ndelayed: ", f);
    for (ls_html_task *t = h->delayed; t; t = t->next)
        if (n++ < max) {
            fputs(n > 1 ? ", " : "", f);
            describe_task(e, f, t);
        } else {
            more++;
        }
    fputs(n ? "" : "none", f);
    if (more)
        fprintf(f, " and %d more", more);
    n = 0;
    fputs("\nanimation frame callbacks: ", f);
    for (size_t i = 0; i < h->nframe_cbs; i++)
        if (!h->frame_cbs[i].cancelled && n++ < max)
            fprintf(f, "%s`%s`", n > 1 ? ", " : "", h->frame_cbs[i].origin.label);
    fputs(n ? "" : "none", f);
    n = 0;
    fputs("\nidle callbacks: ", f);
    for (ls_idle_request *r = h->idle_head; r; r = r->next)
        if (!r->cancelled && !r->done && n++ < max)
            fprintf(f, "%s`%s`", n > 1 ? ", " : "", r->origin.label);
    fputs(n ? "" : "none", f);
}

void html_mark(ls_engine *e, js_vm *vm)
{
    ls_html *h = &e->html;
    for (ls_dom_timer *tm = h->timers; tm; tm = tm->next) {
        js_gc_mark_value(vm, tm->callback);
        for (size_t i = 0; i < tm->nargs; i++)
            js_gc_mark_value(vm, tm->args[i]);
    }
    for (ls_html_task *t = h->ready_head; t; t = t->next) {
        js_gc_mark_value(vm, t->target);
        js_gc_mark_value(vm, t->data);
        if (t->timer) {
            js_gc_mark_value(vm, t->timer->callback);
            for (size_t i = 0; i < t->timer->nargs; i++)
                js_gc_mark_value(vm, t->timer->args[i]);
        }
    }
    for (size_t i = 0; i < h->nframe_cbs; i++)
        js_gc_mark_value(vm, h->frame_cbs[i].callback);
    for (size_t i = 0; i < h->nrunning; i++)
        js_gc_mark_value(vm, h->running[i].callback);
    for (ls_idle_request *r = h->idle_head; r; r = r->next)
        js_gc_mark_value(vm, r->callback);
}
