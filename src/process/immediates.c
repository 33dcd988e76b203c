/* immediates.c - the setImmediate queue; see immediates.h. */
#include "immediates.h"

#include "engine.h"
#include "node/host.h"

void immediates_init(ls_engine *e)
{
    ls_immediates *q = &e->immediates;
    q->head = q->tail = NULL;
    q->count = q->ref_count = 0;
    q->spare = NULL;
    /* uv_idle_init(immediate_idle_handle): ref'd, not started */
    q->idle.active = false;
    q->idle.refed = true;
}

/* binding.toggleImmediateRef -> Environment::ToggleImmediateRef: uv_idle_start/stop */
static void toggle_immediate_ref(ls_engine *e, bool ref)
{
    loop_idle_set(e, &e->immediates.idle, ref);
}

static void queue_remove(ls_immediates *q, ls_immediate *im)
{
    if (!im->queued)
        return;
    if (im->prev)
        im->prev->next = im->next;
    else if (q->head == im)
        q->head = im->next;
    if (im->next)
        im->next->prev = im->prev;
    else if (q->tail == im)
        q->tail = im->prev;
    im->queued = false;
}

void immediates_mark_one(js_vm *vm, const ls_immediate *im)
{
    js_gc_mark_value(vm, im->callback);
    js_gc_mark_value(vm, im->object);
    for (size_t i = 0; i < im->nargs; i++)
        js_gc_mark_value(vm, im->args[i]);
}

void immediates_mark(ls_engine *e, js_vm *vm)
{
    const ls_immediates *q = &e->immediates;
    for (const ls_immediate *im = q->head; im; im = im->next)
        immediates_mark_one(vm, im);
    for (const ls_immediate *im = q->out_head; im; im = im->next)
        immediates_mark_one(vm, im);
    if (q->running)
        for (const ls_immediate *im = q->running->head; im; im = im->next)
            immediates_mark_one(vm, im);
    if (q->current)
        immediates_mark_one(vm, q->current);
}

ls_immediate *immediates_create(ls_engine *e, js_value callback, js_value *args, size_t nargs,
                                ls_origin origin)
{
    ls_immediates *q = &e->immediates;
    ls_immediate *im = q->spare;
    if (im)
        q->spare = im->next;
    else
        im = arena_alloc(e->arena, sizeof *im);
    im->destroyed = false;
    im->callback = callback;
    im->args = args;
    im->nargs = nargs;
    im->origin = origin;
    im->object = js_undefined();
    /* class Immediate: this.ref(); immediateInfo[kCount]++; immediateQueue.append(this) */
    im->refed = true;
    if (q->ref_count++ == 0)
        toggle_immediate_ref(e, true);
    q->count++;
    im->prev = q->tail;
    im->next = NULL;
    if (q->tail)
        q->tail->next = im;
    else
        q->head = im;
    q->tail = im;
    im->queued = true;
    return im;
}

void immediates_clear(ls_engine *e, ls_immediate *im)
{
    ls_immediates *q = &e->immediates;
    if (im->destroyed)
        return;
    q->count--;
    im->destroyed = true;
    if (im->refed && --q->ref_count == 0)
        toggle_immediate_ref(e, false);
    im->refed = false;
    queue_remove(q, im);
}

void immediates_recycle(ls_engine *e, ls_immediate *im)
{
    ls_immediates *q = &e->immediates;
    if (!im->destroyed || im->queued || im == q->current)
        return; /* cannot be: such an immediate marks its object */
    im->object = js_undefined();
    im->next = q->spare;
    q->spare = im;
}

void immediates_unref(ls_engine *e, ls_immediate *im)
{
    ls_immediates *q = &e->immediates;
    if (im->refed && !im->destroyed) {
        im->refed = false;
        if (--q->ref_count == 0)
            toggle_immediate_ref(e, false);
    }
}

void immediates_ref(ls_engine *e, ls_immediate *im)
{
    ls_immediates *q = &e->immediates;
    if (!im->refed && !im->destroyed) {
        im->refed = true;
        if (q->ref_count++ == 0)
            toggle_immediate_ref(e, true);
    }
}

static bool run_batch(ls_engine *e, ls_immediates *b);

/* processImmediate(): runs the batch detached from immediateQueue, or what is left of one in
 * outstandingQueue.  Returns false if an immediate threw: the rest of the batch stays
 * outstanding, and CheckImmediate calls processImmediate again (R11). */
static bool process_immediate(ls_engine *e)
{
    ls_immediates *q = &e->immediates;
    /* The batch is a queue of its own, so that clearImmediate can unlink from it. */
    ls_immediates batch = {0};
    if (q->out_head) {
        batch.head = q->out_head;
        batch.tail = q->out_tail;
    } else {
        batch.head = q->head;
        batch.tail = q->tail;
        q->head = q->tail = NULL;
    }
    q->out_head = q->out_tail = NULL;
    q->running = &batch;
    bool ok = run_batch(e, &batch);
    q->running = NULL;
    return ok;
}

static bool run_batch(ls_engine *e, ls_immediates *b)
{
    ls_immediates *q = &e->immediates;
    bool ran_at_least_one = false;
    while (b->head && !engine_stopped(e)) {
        /* R2.1 (Node 11+): ticks and microtasks between two immediates; Node 10 drains only
         * after the batch (R2.2). */
        if (ran_at_least_one && e->profile->drain_per_callback)
            tasks_run_next_ticks(e);
        ran_at_least_one = true;
        if (engine_stopped(e))
            return true;
        /* A tick run above may have cleared the next immediates: take the head again. */
        ls_immediate *im = b->head;
        if (!im)
            break;
        b->head = im->next;
        if (b->head)
            b->head->prev = NULL;
        else
            b->tail = NULL;
        im->queued = false;
        if (im->destroyed)
            continue;
        im->destroyed = true;
        q->count--;
        if (im->refed)
            q->ref_count--;
        im->refed = false;
        q->current = im;
        bool ok = host_run_callback_this(e, im->origin, im->callback, host_immediate_this(e, im),
                                         im->args, im->nargs);
        q->current = NULL;
        if (!ok && !engine_stopped(e)) {
            q->out_head = b->head;
            q->out_tail = b->tail;
            return false;
        }
    }
    return true;
}

void immediates_check(ls_engine *e)
{
    ls_immediates *q = &e->immediates;
    if (q->count == 0)
        return;
    tasks_scope_enter(e); /* MakeCallback(processImmediate) */
    while (!process_immediate(e) && !engine_stopped(e))
        ; /* do ... while (has_outstanding()) */
    tasks_scope_exit(e);
    if (q->ref_count == 0)
        toggle_immediate_ref(e, false);
}

size_t immediates_describe(const ls_engine *e, FILE *f,
                           const char *(*name)(const ls_engine *, ls_origin), size_t max)
{
    size_t n = 0;
    for (const ls_immediate *x = e->immediates.head; x; x = x->next, n++)
        if (n < max)
            fprintf(f, "%s%s%s", n ? ", " : "", name(e, x->origin), x->refed ? "" : " (unref'd)");
    if (n > max)
        fprintf(f, ", ... and %zu more", n - max);
    return n;
}

/* ---- fingerprint.h ------------------------------------------------------------------------ */

void immediates_fingerprint_immediate(ls_fp *fp, const ls_immediate *im)
{
    if (!fp_object(fp, im))
        return;
    fp_bool(fp, im->destroyed);
    fp_bool(fp, im->refed);
    fp_bool(fp, im->queued);
    fp_value(fp, im->callback);
    fp_u64(fp, im->nargs);
    for (size_t i = 0; i < im->nargs; i++)
        fp_value(fp, im->args[i]);
    fp_origin(fp, im->origin);
}

void immediates_fingerprint(ls_engine *e, ls_fp *fp)
{
    const ls_immediates *q = &e->immediates;
    for (const ls_immediate *im = q->head; im; im = im->next)
        immediates_fingerprint_immediate(fp, im);
    fp_u64(fp, UINT64_C(0x1a2b)); /* the queue's end */
    for (const ls_immediate *im = q->out_head; im; im = im->next)
        immediates_fingerprint_immediate(fp, im);
    fp_u64(fp, UINT64_C(0x1a2b));
    fp_u64(fp, q->count);
    fp_u64(fp, q->ref_count);
    fp_bool(fp, q->idle.active);
    fp_bool(fp, q->idle.refed);
}
