/* promise.c - V8's promises and its microtask queue, as ECMA-262 specifies them and V8 11.x
 * implements them (src/builtins/promise-*.tq, builtins-async-gen.cc, builtins-microtask-queue.cc).
 *
 * Order among promise callbacks is a matter of counting jobs: every reaction of a settled
 * promise is one PromiseReactionJob on the microtask queue, and resolving a promise with
 * another promise or a thenable costs a PromiseResolveThenableJob, whose `then` call queues
 * the reaction that finally settles it: +2 jobs (shared/reference R8.1).  So this module does
 * not shortcut anything the spec does in a job: `finally` really calls then on a fresh promise
 * (thenFinally/catchFinally, valueThunk/thrower), and `await` is PromiseResolve +
 * PerformPromiseThen (V8 7.2+, Node 12+: features.await_direct) or a throwaway promise
 * resolved with the value (the older V8 await: 3 jobs for a native promise).
 *
 * The microtask queue is V8's: FIFO, drained by js_run_microtasks (MicrotaskQueue::
 * PerformCheckpoint), which the embedder calls at its own checkpoints (Node: after each
 * callback, and in processTicksAndRejections).  Each job is announced to the embedder
 * (js_host.job_begin/job_end) with its origin, for the trace and the job's cost.
 */
#include "jsi.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

js_origin origin_make(js_vm *vm, const char *api, const char *label)
{
    js_origin o = {api, label, vm->host.next_seq ? vm->host.next_seq(vm->host.ctx) : 0};
    return o;
}

js_object *promise_new(js_vm *vm)
{
    js_object *p = obj_new(vm, CLASS_PROMISE, vm->in.promise_prototype);
    p->u.promise.state = JS_PROMISE_PENDING;
    p->u.promise.result = js_undefined();
    p->u.promise.id = ++vm->next_promise_id;
    return p;
}

/* ---- the queue ----------------------------------------------------------------------------- */

static js_job *job_new(void)
{
    js_job *j = calloc(1, sizeof *j);
    if (!j)
        ls_out_of_memory(0);
    j->argument = js_undefined();
    j->thenable = js_undefined();
    j->callback = js_undefined();
    return j;
}

static void enqueue(js_vm *vm, js_job *j)
{
    if (vm->host.job_queued)
        vm->host.job_queued(vm->host.ctx, &j->origin);
    if (vm->job_tail)
        vm->job_tail->next = j;
    else
        vm->job_head = j;
    vm->job_tail = j;
    vm->njobs++;
}

static void mark_job(js_vm *vm, js_job *j);

void jobs_mark(js_vm *vm)
{
    for (js_job *j = vm->job_head; j; j = j->next)
        mark_job(vm, j);
    if (vm->current_job)
        mark_job(vm, vm->current_job);
}

static void mark_job(js_vm *vm, js_job *j)
{
    {
        gc_mark_value(vm, j->argument);
        gc_mark_value(vm, j->thenable);
        gc_mark_value(vm, j->callback);
        if (j->promise)
            gc_mark(vm, &j->promise->gc);
        if (j->reaction) {
            js_reaction *r = j->reaction;
            if (r->capability)
                gc_mark(vm, &r->capability->gc);
            gc_mark_value(vm, r->on_fulfilled.value);
            gc_mark_value(vm, r->on_rejected.value);
            if (r->on_fulfilled.frame)
                gc_mark(vm, &r->on_fulfilled.frame->gc);
            if (r->on_rejected.frame)
                gc_mark(vm, &r->on_rejected.frame->gc);
        }
    }
}

size_t js_microtask_count(const js_vm *vm)
{
    return vm->njobs;
}

/* TriggerPromiseReactions: one job per reaction, in the order they were added.  The reactions
 * leave the promise: the jobs own them now. */
static void trigger_reactions(js_vm *vm, js_reaction *r, bool rejected, js_value argument)
{
    while (r) {
        js_reaction *next = r->next;
        r->next = NULL;
        js_job *j = job_new();
        j->kind = JOB_REACTION;
        j->reaction = r;
        j->rejected = rejected;
        j->argument = argument;
        j->origin = r->origin;
        j->origin.seq = vm->host.next_seq ? vm->host.next_seq(vm->host.ctx) : 0;
        enqueue(vm, j);
        r = next;
    }
}

void promise_fulfill(js_vm *vm, js_object *p, js_value value)
{
    js_promise *pr = &p->u.promise;
    if (pr->state != JS_PROMISE_PENDING)
        return;
    js_reaction *r = pr->head;
    pr->state = JS_PROMISE_FULFILLED;
    pr->result = value;
    pr->head = pr->tail = NULL;
    trigger_reactions(vm, r, false, value);
}

void promise_reject(js_vm *vm, js_object *p, js_value reason)
{
    js_promise *pr = &p->u.promise;
    if (pr->state != JS_PROMISE_PENDING)
        return;
    js_reaction *r = pr->head;
    pr->state = JS_PROMISE_REJECTED;
    pr->result = reason;
    pr->head = pr->tail = NULL;
    if (!pr->is_handled && vm->host.rejection) /* HostPromiseRejectionTracker(p, "reject") */
        vm->host.rejection(vm->host.ctx, p, JS_REJECT_UNHANDLED);
    trigger_reactions(vm, r, true, reason);
}

/* The promise's resolve function, steps 7-16: fulfil, reject on self-resolution, or queue a
 * PromiseResolveThenableJob for a thenable. */
void promise_resolve(js_vm *vm, js_object *p, js_value x)
{
    if (x.type == JS_TOBJECT && x.u.object == p) {
        promise_reject(vm, p, error_new(vm, ERR_TYPE,
                                        str_cstr(vm, "Chaining cycle detected for promise #<Promise>")));
        return;
    }
    if (x.type != JS_TOBJECT) {
        promise_fulfill(vm, p, x);
        return;
    }
    js_value then;
    js_status st = obj_get(vm, x.u.object, &A(vm, then)->gc, x, &then);
    if (st == JS_THROW) {
        promise_reject(vm, p, js_take_exception(vm));
        return;
    }
    if (st != JS_OK || !js_is_callable(then)) {
        if (st == JS_OK)
            promise_fulfill(vm, p, x);
        return;
    }
    js_job *j = job_new();
    j->kind = JOB_THENABLE;
    j->promise = p;
    j->thenable = x;
    j->callback = then;
    bool native = x.u.object->cls == CLASS_PROMISE && strict_equals(then, vm->in.promise_then);
    j->origin = origin_make(vm, "PromiseResolveThenableJob",
                            native ? "then" : js_function_label(vm, then));
    enqueue(vm, j);
}

js_object *promise_resolve_static(js_vm *vm, js_value x)
{
    if (x.type == JS_TOBJECT && x.u.object->cls == CLASS_PROMISE) {
        /* PromiseResolve(%Promise%, x): x itself if its constructor is %Promise% */
        js_value ctor;
        if (obj_get(vm, x.u.object, &A(vm, constructor)->gc, x, &ctor) == JS_OK &&
            ctor.type == JS_TOBJECT && ctor.u.object == vm->in.promise_ctor)
            return x.u.object;
        if (vm->has_exception)
            js_take_exception(vm);
    }
    js_object *p = promise_new(vm);
    promise_resolve(vm, p, x);
    return p;
}

/* PerformPromiseThen; with `derive`, returns the new derived promise, else NULL. */
js_object *promise_then(js_vm *vm, js_object *p, js_handler on_fulfilled, js_handler on_rejected,
                        bool derive, js_origin origin)
{
    js_reaction *r = calloc(1, sizeof *r);
    if (!r)
        ls_out_of_memory(0);
    r->capability = derive ? promise_new(vm) : NULL;
    r->on_fulfilled = on_fulfilled;
    r->on_rejected = on_rejected;
    r->origin = origin;
    js_promise *pr = &p->u.promise;
    switch (pr->state) {
    case JS_PROMISE_PENDING:
        if (pr->tail)
            pr->tail->next = r;
        else
            pr->head = r;
        pr->tail = r;
        break;
    case JS_PROMISE_FULFILLED:
        trigger_reactions(vm, r, false, pr->result);
        break;
    case JS_PROMISE_REJECTED:
        if (!pr->is_handled && vm->host.rejection) /* HostPromiseRejectionTracker "handle" */
            vm->host.rejection(vm->host.ctx, p, JS_REJECT_HANDLER_ADDED);
        trigger_reactions(vm, r, true, pr->result);
        break;
    }
    pr->is_handled = true;
    return r->capability;
}

void promise_await(js_vm *vm, js_frame *f, js_value v, const char *label)
{
    js_object *p;
    if (vm->features.await_direct) {
        p = promise_resolve_static(vm, v);
    } else {
        p = promise_new(vm); /* the throwaway promise of the pre-7.2 await */
        promise_resolve(vm, p, v);
    }
    js_handler h = {f->kind == FRAME_ASYNC_GENERATOR ? H_ASYNC_GEN : H_AWAIT, js_undefined(), f,
                    NULL, NULL};
    promise_then(vm, p, h, h, false, origin_make(vm, "await", label));
}

/* ---- running jobs ---------------------------------------------------------------------------- */

typedef struct {
    js_status st;
    js_value value;
} completion;

void asyncgen_resume_from_await(js_vm *vm, js_frame *f, js_value value, bool threw);

/* A reaction's handler: what it returns, or what it throws. */
static completion run_handler(js_vm *vm, const js_handler *h, js_value arg, bool rejected,
                              js_origin origin)
{
    completion c = {JS_OK, arg};
    switch ((js_handler_kind)h->kind) {
    case H_FUNCTION:
    case H_EMPTY:
        if (h->kind == H_FUNCTION && js_is_callable(h->value)) {
            c.st = vm_call(vm, h->value, js_undefined(), 1, &arg, &c.value);
            if (c.st == JS_THROW)
                c.value = js_take_exception(vm);
            return c;
        }
        if (rejected)
            c.st = JS_THROW;
        return c;
    case H_THEN_FINALLY:
    case H_CATCH_FINALLY: {
        /* thenFinally/catchFinally: result = onFinally(); p = PromiseResolve(C, result);
         * return p.then(valueThunk) / p.then(thrower) */
        c.st = vm_call(vm, h->value, js_undefined(), 0, NULL, &c.value);
        if (c.st != JS_OK) {
            if (c.st == JS_THROW)
                c.value = js_take_exception(vm);
            return c;
        }
        js_object *p = promise_resolve_static(vm, c.value);
        js_handler thunk = {h->kind == H_THEN_FINALLY ? H_VALUE_THUNK : H_THROWER, arg, NULL,
                            NULL, NULL};
        js_handler none = {H_EMPTY, js_undefined(), NULL, NULL, NULL};
        js_origin o = origin;
        o.api = h->kind == H_THEN_FINALLY ? "valueThunk" : "thrower";
        c.value = js_obj(promise_then(vm, p, thunk, none, true, o));
        return c;
    }
    case H_VALUE_THUNK:
        c.value = h->value;
        return c;
    case H_THROWER:
        c.st = JS_THROW;
        c.value = h->value;
        return c;
    case H_NATIVE:
        h->native(vm, h->data, arg);
        c.value = js_undefined();
        return c;
    case H_AWAIT:
    case H_ASYNC_GEN:
        break; /* handled by the caller */
    }
    return c;
}

static void run_job(js_vm *vm, js_job *j)
{
    const js_host *host = &vm->host;
    switch ((js_job_kind)j->kind) {
    case JOB_CALLBACK: {
        if (host->job_begin && !host->job_begin(host->ctx, &j->origin))
            return;
        js_value r;
        js_status st = vm_call(vm, j->callback, js_undefined(), 0, NULL, &r);
        if (st == JS_THROW) {
            js_value ex = js_take_exception(vm);
            if (host->uncaught)
                host->uncaught(host->ctx, ex);
        }
        if (host->job_end)
            host->job_end(host->ctx);
        return;
    }
    case JOB_NATIVE:
        if (host->job_begin && !host->job_begin(host->ctx, &j->origin))
            return;
        j->native(vm, j->data, j->argument);
        if (host->job_end)
            host->job_end(host->ctx);
        return;
    case JOB_THENABLE: {
        if (host->job_begin && !host->job_begin(host->ctx, &j->origin))
            return;
        js_object *resolve, *reject;
        promise_resolving_functions(vm, j->promise, &resolve, &reject);
        if (j->thenable.type == JS_TOBJECT && j->thenable.u.object->cls == CLASS_PROMISE &&
            strict_equals(j->callback, vm->in.promise_then)) {
            js_handler res = {H_FUNCTION, js_obj(resolve), NULL, NULL, NULL};
            js_handler rej = {H_FUNCTION, js_obj(reject), NULL, NULL, NULL};
            promise_then(vm, j->thenable.u.object, res, rej, false,
                         origin_make(vm, "then", "resolve"));
        } else {
            js_value fns[2] = {js_obj(resolve), js_obj(reject)}, r;
            js_status st = vm_call(vm, j->callback, j->thenable, 2, fns, &r);
            if (st == JS_THROW) {
                js_value ex = js_take_exception(vm);
                js_value rr;
                vm_call(vm, js_obj(reject), js_undefined(), 1, &ex, &rr);
            }
        }
        if (host->job_end)
            host->job_end(host->ctx);
        return;
    }
    case JOB_REACTION: {
        js_reaction *r = j->reaction;
        const js_handler *h = j->rejected ? &r->on_rejected : &r->on_fulfilled;
        if (h->kind == H_AWAIT || h->kind == H_ASYNC_GEN) {
            js_origin o = j->origin;
            if (host->job_begin && !host->job_begin(host->ctx, &o))
                return;
            if (h->kind == H_AWAIT) {
                js_value out;
                js_status st = vm_resume(vm, h->frame, j->argument, j->rejected ? 1 : 0, &out);
                if (st == JS_THROW) /* cannot happen: the frame's promise takes it */
                    js_take_exception(vm);
            } else {
                asyncgen_resume_from_await(vm, h->frame, j->argument, j->rejected);
            }
            if (host->job_end)
                host->job_end(host->ctx);
            return;
        }
        if (host->job_begin && !host->job_begin(host->ctx, &j->origin))
            return;
        completion c = run_handler(vm, h, j->argument, j->rejected, j->origin);
        if (c.st != JS_STOP && !vm->stopping && r->capability) {
            if (c.st == JS_THROW)
                promise_reject(vm, r->capability, c.value);
            else
                promise_resolve(vm, r->capability, c.value);
        }
        if (host->job_end)
            host->job_end(host->ctx);
        return;
    }
    }
}

void js_run_microtasks(js_vm *vm)
{
    if (vm->running_microtasks)
        return;
    vm->running_microtasks = true;
    while (vm->job_head && !vm->stopping) {
        js_job *j = vm->job_head;
        vm->job_head = j->next;
        if (!vm->job_head)
            vm->job_tail = NULL;
        vm->njobs--;
        /* the job's values stay reachable while it runs: it is the queue's head no more, so
         * keep it as the current one */
        j->next = NULL;
        js_job *saved = vm->current_job;
        vm->current_job = j;
        run_job(vm, j);
        vm->current_job = saved;
        if (j->reaction)
            free(j->reaction);
        free(j);
        /* between two jobs of a drain called from outside the interpreter: a safe point as a
         * loop's back edge is (vm.c OP_JUMP), so that a long chain of jobs does not keep the
         * garbage of all of them until its end */
        if (vm->c_depth == 0)
            gc_maybe(vm);
    }
    vm->running_microtasks = false;
}

/* ---- js.h ------------------------------------------------------------------------------------ */

js_value js_new_promise(js_vm *vm)
{
    return js_obj(promise_new(vm));
}

bool js_is_promise(js_value v)
{
    return v.type == JS_TOBJECT && v.u.object->cls == CLASS_PROMISE;
}

js_promise_state js_promise_state_of(js_value promise, js_value *result)
{
    const js_promise *p = &promise.u.object->u.promise;
    if (result)
        *result = p->result;
    return p->state;
}

bool js_promise_is_handled(js_value promise)
{
    return promise.u.object->u.promise.is_handled;
}

void js_resolve_promise(js_vm *vm, js_value promise, js_value resolution)
{
    promise_resolve(vm, promise.u.object, resolution);
}

void js_reject_promise(js_vm *vm, js_value promise, js_value reason)
{
    promise_reject(vm, promise.u.object, reason);
}

js_value js_promise_resolve(js_vm *vm, js_value x)
{
    return js_obj(promise_resolve_static(vm, x));
}

js_value js_promise_then(js_vm *vm, js_value promise, js_value on_fulfilled,
                         js_value on_rejected, const js_origin *origin)
{
    js_handler f = {H_FUNCTION, on_fulfilled, NULL, NULL, NULL};
    js_handler r = {H_FUNCTION, on_rejected, NULL, NULL, NULL};
    return js_obj(promise_then(vm, promise.u.object, f, r, true, *origin));
}

void js_enqueue_callback_job(js_vm *vm, js_value fn, const js_origin *origin)
{
    js_job *j = job_new();
    j->kind = JOB_CALLBACK;
    j->callback = fn;
    j->origin = *origin;
    enqueue(vm, j);
}

void js_enqueue_native_job(js_vm *vm, js_job_fn fn, void *data, js_value arg,
                           const js_origin *origin)
{
    js_job *j = job_new();
    j->kind = JOB_NATIVE;
    j->native = fn;
    j->data = data;
    j->argument = arg;
    j->origin = *origin;
    enqueue(vm, j);
}
