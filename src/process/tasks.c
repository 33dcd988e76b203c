/* tasks.c - the nextTick queue, the microtask queue and the drain; see tasks.h. */
#include "tasks.h"

#include "engine.h"
#include "node/host.h"

void tasks_init(ls_engine *e)
{
    (void)e;
}

void tasks_next_tick(ls_engine *e, js_value callback, js_value *args, size_t nargs,
                     ls_origin origin)
{
    if (e->exiting) /* lib/internal/process/task_queues.js nextTick: if (process._exiting) return */
        return;
    ls_tasks *t = &e->tasks;
    ls_tick *tick = t->free_ticks;
    if (tick) {
        t->free_ticks = tick->next;
        tick->next = NULL;
    } else {
        tick = arena_alloc(e->arena, sizeof *tick);
    }
    tick->callback = callback;
    tick->args = args;
    tick->nargs = nargs;
    tick->origin = origin;
    if (t->tick_tail)
        t->tick_tail->next = tick;
    else
        t->tick_head = tick;
    t->tick_tail = tick;
    out_queued(e, "process.nextTick", origin.label);
}

bool tasks_has_tick(const ls_engine *e)
{
    return e->tasks.tick_head != NULL;
}

size_t tasks_microtask_count(const ls_engine *e)
{
    return js_microtask_count(e->host.vm);
}

void tasks_run_microtasks(ls_engine *e)
{
    js_run_microtasks(e->host.vm);
}

static void run_ticks(ls_engine *e)
{
    ls_tasks *t = &e->tasks;
    while (t->tick_head && !engine_stopped(e)) {
        ls_tick *tick = t->tick_head;
        t->tick_head = tick->next;
        if (!t->tick_head)
            t->tick_tail = NULL;
        t->running = tick;
        host_run_callback(e, tick->origin, tick->callback, tick->args, tick->nargs);
        t->running = NULL;
        tick->next = t->free_ticks;
        t->free_ticks = tick;
    }
}

/* processPromiseRejections (lib/internal/process/promises.js): the rejections pending now are
 * taken as one batch; each promise still unhandled gets 'unhandledRejection' (or, with no
 * listener, is an uncaught exception under the default throw mode).  True if it did anything. */
static bool process_promise_rejections(ls_engine *e)
{
    ls_tasks *t = &e->tasks;
    size_t n = t->npending;
    if (n == 0)
        return false;
    js_value *batch = arena_grow(e->arena, t->pending_rejections, n, n, sizeof *batch);
    t->npending = 0;
    t->running_batch = batch;
    t->nbatch = n;
    for (size_t i = 0; i < n && !engine_stopped(e); i++)
        host_unhandled_rejection(e, batch[i]);
    t->running_batch = NULL;
    t->nbatch = 0;
    return true;
}

void tasks_process_ticks_and_rejections(ls_engine *e)
{
    do {
        run_ticks(e);
        if (engine_stopped(e))
            return;
        tasks_run_microtasks(e);
        if (engine_stopped(e))
            return;
    } while (tasks_has_tick(e) || process_promise_rejections(e));
    e->tasks.has_rejection_to_warn = false;
}

void tasks_run_next_ticks(ls_engine *e)
{
    ls_tasks *t = &e->tasks;
    if (!tasks_has_tick(e) && !t->has_rejection_to_warn)
        tasks_run_microtasks(e);
    if (!tasks_has_tick(e) && !t->has_rejection_to_warn)
        return;
    tasks_process_ticks_and_rejections(e);
}

void tasks_scope_enter(ls_engine *e)
{
    e->tasks.scope_depth++;
}

void tasks_scope_exit(ls_engine *e)
{
    ls_tasks *t = &e->tasks;
    if (t->scope_depth == 1 && !engine_stopped(e)) {
        if (!tasks_has_tick(e))
            tasks_run_microtasks(e);
        if (!engine_stopped(e) && (tasks_has_tick(e) || t->has_rejection_to_warn))
            tasks_process_ticks_and_rejections(e);
    }
    t->scope_depth--;
}

void tasks_rejected_without_handler(ls_engine *e, js_value p)
{
    ls_tasks *t = &e->tasks;
    if (t->npending == t->pending_cap) {
        size_t cap = t->pending_cap ? t->pending_cap * 2 : 8;
        t->pending_rejections = arena_grow(e->arena, t->pending_rejections, t->npending, cap,
                                           sizeof *t->pending_rejections);
        t->pending_cap = cap;
    }
    t->pending_rejections[t->npending++] = p;
    t->has_rejection_to_warn = true;
}

void tasks_handler_added_after_reject(ls_engine *e, js_value p)
{
    ls_tasks *t = &e->tasks;
    for (size_t i = 0; i < t->npending; i++) {
        if (js_strict_equals(t->pending_rejections[i], p)) {
            for (size_t j = i + 1; j < t->npending; j++)
                t->pending_rejections[j - 1] = t->pending_rejections[j];
            t->npending--;
            return;
        }
    }
}

void tasks_mark(ls_engine *e, js_vm *vm)
{
    const ls_tasks *t = &e->tasks;
    for (const ls_tick *k = t->tick_head; k; k = k->next) {
        js_gc_mark_value(vm, k->callback);
        for (size_t i = 0; i < k->nargs; i++)
            js_gc_mark_value(vm, k->args[i]);
    }
    if (t->running) {
        js_gc_mark_value(vm, t->running->callback);
        for (size_t i = 0; i < t->running->nargs; i++)
            js_gc_mark_value(vm, t->running->args[i]);
    }
    for (size_t i = 0; i < t->npending; i++)
        js_gc_mark_value(vm, t->pending_rejections[i]);
    for (size_t i = 0; i < t->nbatch; i++)
        js_gc_mark_value(vm, t->running_batch[i]);
}

void tasks_fingerprint(ls_engine *e, ls_fp *fp)
{
    const ls_tasks *t = &e->tasks;
    if (t->tick_head || js_microtask_count(e->host.vm))
        fp_refuse(fp);
    fp_u64(fp, t->npending);
    for (size_t i = 0; i < t->npending; i++)
        fp_value(fp, t->pending_rejections[i]);
    fp_bool(fp, t->has_rejection_to_warn);
    fp_i64(fp, t->scope_depth);
}
