/* promise.c - V8's promises and jobs; see promise.h.  Step names follow ECMA-262 27.2. */
#include "promise.h"

#include "engine.h"
#include "interp.h"

ls_promise *promise_new(ls_engine *e)
{
    ls_promise *p = arena_alloc(e->arena, sizeof *p);
    p->state = PS_PENDING;
    p->result = value_undefined();
    p->id = engine_next_seq(e);
    return p;
}

static ls_origin internal_origin(ls_engine *e, const char *api, const char *label)
{
    ls_origin o = {api, label, engine_next_seq(e)};
    return o;
}

/* TriggerPromiseReactions: one job per reaction, in the order they were added. */
static void trigger_reactions(ls_engine *e, ls_reaction *r, bool rejected, ls_value argument)
{
    for (; r; r = r->next) {
        ls_job *job = arena_alloc(e->arena, sizeof *job);
        job->kind = JOB_REACTION;
        job->reaction = r;
        job->rejected = rejected;
        job->argument = argument;
        job->origin = r->origin;
        job->origin.seq = engine_next_seq(e);
        tasks_enqueue_job(e, job);
    }
}

static void fulfill(ls_engine *e, ls_promise *p, ls_value value)
{
    if (p->state != PS_PENDING)
        return;
    ls_reaction *r = p->head;
    p->state = PS_FULFILLED;
    p->result = value;
    p->head = p->tail = NULL;
    trigger_reactions(e, r, false, value);
}

void promise_reject(ls_engine *e, ls_promise *p, ls_value reason)
{
    if (p->state != PS_PENDING)
        return;
    ls_reaction *r = p->head;
    p->state = PS_REJECTED;
    p->result = reason;
    p->head = p->tail = NULL;
    if (!p->is_handled)
        tasks_rejected_without_handler(e, p); /* HostPromiseRejectionTracker(p, "reject") */
    trigger_reactions(e, r, true, reason);
}

void promise_resolve(ls_engine *e, ls_promise *p, ls_value x)
{
    if (x.kind == LV_PROMISE && x.as.promise == p) {
        promise_reject(e, p, value_string("TypeError: Chaining cycle detected for promise #<Promise>"));
        return;
    }
    if (x.kind != LV_PROMISE && x.kind != LV_THENABLE) {
        fulfill(e, p, x); /* not an object with a callable then */
        return;
    }
    ls_job *job = arena_alloc(e->arena, sizeof *job);
    job->kind = JOB_THENABLE;
    job->promise = p;
    job->thenable = x;
    if (x.kind == LV_THENABLE)
        job->callback = value_function(x.as.thenable);
    else
        job->callback = value_undefined(); /* the intrinsic Promise.prototype.then */
    job->origin = internal_origin(e, "PromiseResolveThenableJob",
                                  x.kind == LV_THENABLE ? interp_label(job->callback) : "then");
    tasks_enqueue_job(e, job);
}

void promise_resolving_functions(ls_engine *e, ls_promise *p, ls_value *resolve, ls_value *reject)
{
    bool *already = arena_alloc(e->arena, sizeof *already);
    ls_function *res = arena_alloc(e->arena, sizeof *res);
    ls_function *rej = arena_alloc(e->arena, sizeof *rej);
    res->kind = FN_RESOLVE;
    rej->kind = FN_REJECT;
    res->promise = rej->promise = p;
    res->already_resolved = rej->already_resolved = already;
    *resolve = value_function(res);
    *reject = value_function(rej);
}

ls_promise *promise_resolve_static(ls_engine *e, ls_value x)
{
    if (x.kind == LV_PROMISE)
        return x.as.promise;
    ls_promise *p = promise_new(e);
    promise_resolve(e, p, x);
    return p;
}

ls_promise *promise_then(ls_engine *e, ls_promise *p, ls_handler on_fulfilled,
                         ls_handler on_rejected, bool derive, ls_origin origin)
{
    ls_reaction *r = arena_alloc(e->arena, sizeof *r);
    r->capability = derive ? promise_new(e) : NULL;
    r->on_fulfilled = on_fulfilled;
    r->on_rejected = on_rejected;
    r->origin = origin;
    switch (p->state) {
    case PS_PENDING:
        if (p->tail)
            p->tail->next = r;
        else
            p->head = r;
        p->tail = r;
        break;
    case PS_FULFILLED:
        trigger_reactions(e, r, false, p->result);
        break;
    case PS_REJECTED:
        if (!p->is_handled)
            tasks_handler_added_after_reject(e, p); /* HostPromiseRejectionTracker "handle" */
        trigger_reactions(e, r, true, p->result);
        break;
    }
    p->is_handled = true;
    return r->capability;
}

ls_promise *promise_finally(ls_engine *e, ls_promise *p, ls_value on_finally, ls_origin origin)
{
    ls_handler then_h = {H_FUNCTION, on_finally, NULL, 0};
    ls_handler catch_h = then_h;
    if (value_is_callable(on_finally)) {
        then_h.kind = H_THEN_FINALLY;
        catch_h.kind = H_CATCH_FINALLY;
    }
    return promise_then(e, p, then_h, catch_h, true, origin);
}

/* Promise.all's state: the values array and remainingElementsCount. */
typedef struct {
    ls_promise *capability;
    ls_value reject;       /* the capability's reject function */
    ls_array *values;
    size_t remaining;
    bool *called;          /* [[AlreadyCalled]] per element */
} all_state;

ls_promise *promise_all(ls_engine *e, ls_value *values, size_t n, ls_origin origin)
{
    all_state *s = arena_alloc(e->arena, sizeof *s);
    s->capability = promise_new(e);
    ls_value resolve;
    promise_resolving_functions(e, s->capability, &resolve, &s->reject);
    s->values = arena_alloc(e->arena, sizeof *s->values);
    s->values->len = n;
    s->values->items = arena_alloc(e->arena, (n ? n : 1) * sizeof(ls_value));
    s->called = arena_alloc(e->arena, n ? n : 1);
    s->remaining = 1;
    for (size_t i = 0; i < n; i++) {
        s->values->items[i] = value_undefined();
        ls_promise *next = promise_resolve_static(e, values[i]);
        s->remaining++;
        ls_handler res = {H_ALL_ELEMENT, value_undefined(), s, i};
        ls_handler rej = {H_FUNCTION, s->reject, NULL, 0};
        promise_then(e, next, res, rej, false, origin);
    }
    if (--s->remaining == 0) {
        ls_value arr = {.kind = LV_ARRAY, .as.array = s->values};
        promise_resolve(e, s->capability, arr);
    }
    return s->capability;
}

ls_promise *promise_race(ls_engine *e, ls_value *values, size_t n, ls_origin origin)
{
    ls_promise *capability = promise_new(e);
    ls_value resolve, reject;
    promise_resolving_functions(e, capability, &resolve, &reject);
    for (size_t i = 0; i < n; i++) {
        ls_promise *next = promise_resolve_static(e, values[i]);
        ls_handler res = {H_FUNCTION, resolve, NULL, 0};
        ls_handler rej = {H_FUNCTION, reject, NULL, 0};
        promise_then(e, next, res, rej, false, origin);
    }
    return capability;
}

void promise_await(ls_engine *e, void *frame, ls_value value, ls_origin origin)
{
    ls_promise *p;
    if (e->profile->await_direct) {
        p = promise_resolve_static(e, value);
    } else {
        p = promise_new(e); /* the throwaway promise of the pre-7.2 await */
        promise_resolve(e, p, value);
    }
    ls_handler h = {H_AWAIT, value_undefined(), frame, 0};
    promise_then(e, p, h, h, false, origin);
}

/* Runs a reaction's handler: the value it returns, or what it throws. */
static ls_completion run_handler(ls_engine *e, const ls_handler *h, ls_value arg, bool rejected,
                                 ls_origin origin)
{
    ls_completion c = {C_NORMAL, arg};
    switch (h->kind) {
    case H_FUNCTION:
    case H_EMPTY:
        if (h->kind == H_FUNCTION && value_is_callable(h->value))
            return interp_call(e, h->value, &arg, 1);
        if (rejected) /* no handler, or a non-function one: pass the value through */
            c.kind = C_THROW;
        return c;
    case H_THEN_FINALLY:
    case H_CATCH_FINALLY: {
        /* thenFinally/catchFinally: result = onFinally(); p = PromiseResolve(C, result);
         * return p.then(valueThunk) / p.then(thrower) */
        c = interp_call(e, h->value, NULL, 0);
        if (c.kind == C_THROW)
            return c;
        ls_promise *p = promise_resolve_static(e, c.value);
        ls_handler thunk = {h->kind == H_THEN_FINALLY ? H_VALUE_THUNK : H_THROWER, arg, NULL, 0};
        ls_handler none = {H_EMPTY, value_undefined(), NULL, 0};
        ls_origin o = origin;
        o.api = h->kind == H_THEN_FINALLY ? "valueThunk" : "thrower";
        c.kind = C_NORMAL;
        c.value = value_promise(promise_then(e, p, thunk, none, true, o));
        return c;
    }
    case H_VALUE_THUNK:
        c.value = h->value;
        return c;
    case H_THROWER:
        c.kind = C_THROW;
        c.value = h->value;
        return c;
    case H_ALL_ELEMENT: {
        all_state *s = h->data;
        if (!s->called[h->index]) {
            s->called[h->index] = true;
            s->values->items[h->index] = arg;
            if (--s->remaining == 0) {
                ls_value arr = {.kind = LV_ARRAY, .as.array = s->values};
                promise_resolve(e, s->capability, arr);
            }
        }
        c.value = value_undefined();
        return c;
    }
    case H_AWAIT:
        break; /* handled by the caller */
    }
    return c;
}

void promise_run_job(ls_engine *e, ls_job *job)
{
    switch (job->kind) {
    case JOB_CALLBACK:
        interp_run_callback(e, job->origin, job->callback, NULL, 0);
        return;
    case JOB_MODULE: /* the body writes its own trace line */
        interp_call(e, job->callback, NULL, 0);
        return;
    case JOB_THENABLE: {
        if (!engine_count_callback(e))
            return;
        out_begin(e, job->origin);
        engine_spend(e, e->costs.callback);
        ls_value resolve, reject;
        promise_resolving_functions(e, job->promise, &resolve, &reject);
        if (job->thenable.kind == LV_PROMISE) {
            ls_handler res = {H_FUNCTION, resolve, NULL, 0};
            ls_handler rej = {H_FUNCTION, reject, NULL, 0};
            ls_origin o = internal_origin(e, "then", "resolve");
            promise_then(e, job->thenable.as.promise, res, rej, false, o);
        } else {
            ls_value fns[2] = {resolve, reject};
            ls_completion c = interp_call(e, job->callback, fns, 2);
            if (c.kind == C_THROW && !*reject.as.function->already_resolved) {
                *reject.as.function->already_resolved = true;
                promise_reject(e, job->promise, c.value);
            }
        }
        out_end(e);
        return;
    }
    case JOB_REACTION: {
        ls_reaction *r = job->reaction;
        const ls_handler *h = job->rejected ? &r->on_rejected : &r->on_fulfilled;
        if (h->kind == H_AWAIT) {
            interp_resume(e, h->data, job->argument, job->rejected);
            return;
        }
        if (!engine_count_callback(e))
            return;
        out_begin(e, job->origin);
        engine_spend(e, e->costs.callback);
        ls_completion c = run_handler(e, h, job->argument, job->rejected, job->origin);
        if (!engine_stopped(e) && r->capability) {
            if (c.kind == C_THROW)
                promise_reject(e, r->capability, c.value);
            else
                promise_resolve(e, r->capability, c.value);
        }
        out_end(e);
        return;
    }
    }
}

/* ---- fingerprint.h ------------------------------------------------------------------------ */

static void fingerprint_handler(ls_fp *fp, const ls_handler *h)
{
    fp_u64(fp, h->kind);
    fp_value(fp, h->value);
    fp_u64(fp, h->index);
    if (h->kind == H_AWAIT) {
        interp_fingerprint_frame(fp, h->data);
    } else if (h->kind == H_ALL_ELEMENT) {
        const all_state *s = h->data;
        if (fp_object(fp, s)) {
            promise_fingerprint(fp, s->capability);
            fp_value(fp, s->reject);
            ls_value values = {.kind = LV_ARRAY, .as.array = s->values};
            fp_value(fp, values);
            fp_u64(fp, s->remaining);
            if (fp_object(fp, s->called))
                for (size_t i = 0; i < s->values->len; i++)
                    fp_bool(fp, s->called[i]);
        }
    } else if (h->data) {
        fp_refuse(fp);
    }
}

void promise_fingerprint(ls_fp *fp, const ls_promise *p)
{
    if (!fp_object(fp, p))
        return;
    fp_u64(fp, p->state);
    fp_value(fp, p->result);
    fp_bool(fp, p->is_handled);
    for (const ls_reaction *r = p->head; r; r = r->next) {
        promise_fingerprint(fp, r->capability);
        fingerprint_handler(fp, &r->on_fulfilled);
        fingerprint_handler(fp, &r->on_rejected);
        fp_origin(fp, r->origin);
    }
    fp_u64(fp, UINT64_C(0x7e5c)); /* the reactions' end */
}
