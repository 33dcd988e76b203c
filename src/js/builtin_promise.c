/* builtin_promise.c - the Promise constructor and prototype (ECMA-262 27.2), on promise.c's
 * machinery: resolving functions, then/catch/finally, and the combinators, each with the jobs
 * V8 makes (a combinator calls `then` on each element through Invoke, as the spec says, so a
 * subclass or a patched then is seen). */
#include "jsi.h"

#include <stdlib.h>
#include <string.h>

/* ---- resolving functions --------------------------------------------------------------------- */

/* slots: 0 the promise, 1 the shared "already resolved" flag (an array of one boolean) */
static js_status resolve_fn(const js_args *a, js_value *out)
{
    js_object *self = a->callee;
    js_value flag = self->u.native.slots[1];
    js_array *f = &flag.u.object->u.array;
    *out = js_undefined();
    js_object *p = self->u.native.slots[0].u.object;
    if (to_boolean(f->items[0])) {
        /* V8's promise-abstract-operations.tq: an already-resolved function reports
         * PromiseResolveAfterResolved / PromiseRejectAfterResolved (Node: 'multipleResolves') */
        if (a->vm->host.resolved_twice)
            a->vm->host.resolved_twice(a->vm->host.ctx, p, self->u.native.data != NULL,
                                       js_arg(a, 0));
        return JS_OK;
    }
    f->items[0] = js_bool(true);
    if (self->u.native.data)
        promise_reject(a->vm, p, js_arg(a, 0));
    else
        promise_resolve(a->vm, p, js_arg(a, 0));
    return JS_OK;
}

void promise_resolving_functions(js_vm *vm, js_object *p, js_object **resolve, js_object **reject)
{
    js_object *flag = array_new(vm, 0);
    array_push(vm, flag, js_bool(false));
    js_value r = js_new_native(vm, "", 1, resolve_fn, NULL, 2);
    js_value j = js_new_native(vm, "", 1, resolve_fn, (void *)1, 2);
    r.u.object->u.native.api = j.u.object->u.native.api = true;
    r.u.object->u.native.slots[0] = j.u.object->u.native.slots[0] = js_obj(p);
    r.u.object->u.native.slots[1] = j.u.object->u.native.slots[1] = js_obj(flag);
    *resolve = r.u.object;
    *reject = j.u.object;
}

/* ---- capabilities: NewPromiseCapability(C) -------------------------------------------------- */

typedef struct {
    js_value promise, resolve, reject;
} capability;

static js_status executor_fn(const js_args *a, js_value *out)
{
    js_object *self = a->callee;
    js_value *slots = self->u.native.slots;
    if (!js_is_undefined(slots[0]) || !js_is_undefined(slots[1]))
        return throw_kind(a->vm, ERR_TYPE, "Promise executor has already been invoked with "
                                           "non-undefined arguments");
    slots[0] = js_arg(a, 0);
    slots[1] = js_arg(a, 1);
    *out = js_undefined();
    return JS_OK;
}

static js_status new_capability(js_vm *vm, js_value ctor, capability *cap)
{
    if (ctor.type == JS_TOBJECT && ctor.u.object == vm->in.promise_ctor) {
        js_object *p = promise_new(vm), *res, *rej;
        promise_resolving_functions(vm, p, &res, &rej);
        cap->promise = js_obj(p);
        cap->resolve = js_obj(res);
        cap->reject = js_obj(rej);
        return JS_OK;
    }
    if (!js_is_callable(ctor))
        return throw_kind(vm, ERR_TYPE, "Promise resolve or reject function is not callable");
    js_value exec = js_new_native(vm, "", 2, executor_fn, NULL, 2);
    exec.u.object->u.native.slots[0] = exec.u.object->u.native.slots[1] = js_undefined();
    js_status st = vm_construct(vm, ctor, 1, &exec, ctor, &cap->promise);
    if (st != JS_OK)
        return st;
    cap->resolve = exec.u.object->u.native.slots[0];
    cap->reject = exec.u.object->u.native.slots[1];
    if (!js_is_callable(cap->resolve) || !js_is_callable(cap->reject))
        return throw_kind(vm, ERR_TYPE, "Promise resolve or reject function is not callable");
    return JS_OK;
}

/* ---- the constructor ------------------------------------------------------------------------- */

static js_status promise_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    if (js_is_undefined(a->new_target))
        return throw_kind(vm, ERR_TYPE, "Promise constructor cannot be invoked without 'new'");
    js_value executor = js_arg(a, 0);
    if (!js_is_callable(executor))
        return throw_kind(vm, ERR_TYPE, "Promise resolver %s is not a function",
                          js_to_string_safe(vm, executor)->chars);
    js_object *p = promise_new(vm);
    p->proto = fn_proto_of(vm, a->new_target, vm->in.promise_prototype);
    js_object *res, *rej;
    promise_resolving_functions(vm, p, &res, &rej);
    js_value args[2] = {js_obj(res), js_obj(rej)}, r;
    *out = js_obj(p);
    js_status st = vm_call(vm, executor, js_undefined(), 2, args, &r);
    if (st == JS_THROW) {
        js_value ex = js_take_exception(vm);
        vm_call(vm, js_obj(rej), js_undefined(), 1, &ex, &r);
        return JS_OK;
    }
    return st;
}

static bool is_promise(js_value v)
{
    return v.type == JS_TOBJECT && v.u.object->cls == CLASS_PROMISE;
}

static js_value species_ctor(js_vm *vm, js_value p)
{
    js_value c;
    if (obj_get(vm, p.u.object, &A(vm, constructor)->gc, p, &c) != JS_OK) {
        js_take_exception(vm);
        return js_obj(vm->in.promise_ctor);
    }
    if (js_is_undefined(c))
        return js_obj(vm->in.promise_ctor);
    return c;
}

static js_status promise_then_method(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value p = a->this_value;
    if (!is_promise(p))
        return throw_kind(vm, ERR_TYPE, "Method Promise.prototype.then called on incompatible "
                                        "receiver %s", js_to_string_safe(vm, p)->chars);
    js_value f = js_arg(a, 0), r = js_arg(a, 1);
    js_handler hf = {js_is_callable(f) ? H_FUNCTION : H_EMPTY, f, NULL, NULL, NULL};
    js_handler hr = {js_is_callable(r) ? H_FUNCTION : H_EMPTY, r, NULL, NULL, NULL};
    js_value c = species_ctor(vm, p);
    js_origin o = origin_make(vm, "then", js_is_callable(f) ? js_function_label(vm, f)
                                      : js_is_callable(r) ? js_function_label(vm, r)
                                                          : "(pass-through)");
    if (c.type == JS_TOBJECT && c.u.object == vm->in.promise_ctor) {
        *out = js_obj(promise_then(vm, p.u.object, hf, hr, true, o));
        return JS_OK;
    }
    /* a subclass: its capability, resolved by the reaction through a native handler */
    capability cap;
    js_status st = new_capability(vm, c, &cap);
    if (st != JS_OK)
        return st;
    js_object *derived = promise_then(vm, p.u.object, hf, hr, true, o);
    js_handler res = {H_FUNCTION, cap.resolve, NULL, NULL, NULL};
    js_handler rej = {H_FUNCTION, cap.reject, NULL, NULL, NULL};
    promise_then(vm, derived, res, rej, false, origin_make(vm, "then", "resolve"));
    *out = cap.promise;
    return JS_OK;
}

/* Invoke(p, "then", ...) */
static js_status invoke_then(js_vm *vm, js_value p, js_value f, js_value r, js_value *out)
{
    js_value then;
    js_status st = val_get(vm, p, &A(vm, then)->gc, &then);
    if (st != JS_OK)
        return st;
    if (!js_is_callable(then))
        return throw_kind(vm, ERR_TYPE, "then is not a function");
    js_value args[2] = {f, r};
    return vm_call(vm, then, p, 2, args, out);
}

/* catch(f) is Invoke(p, "then", undefined, f); on a native promise whose then is the
 * intrinsic one that is exactly PerformPromiseThen, traced as "catch" */
static js_status promise_catch(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value p = a->this_value, f = js_arg(a, 0);
    if (is_promise(p)) {
        js_value then, c;
        js_status st = val_get(vm, p, &A(vm, then)->gc, &then);
        if (st != JS_OK)
            return st;
        c = species_ctor(vm, p);
        if (strict_equals(then, vm->in.promise_then) && c.type == JS_TOBJECT &&
            c.u.object == vm->in.promise_ctor) {
            js_handler none = {H_EMPTY, js_undefined(), NULL, NULL, NULL};
            js_handler hr = {js_is_callable(f) ? H_FUNCTION : H_EMPTY, f, NULL, NULL, NULL};
            js_origin o = origin_make(vm, "catch", js_is_callable(f) ? js_function_label(vm, f)
                                                                      : "(pass-through)");
            *out = js_obj(promise_then(vm, p.u.object, none, hr, true, o));
            return JS_OK;
        }
    }
    return invoke_then(vm, p, js_undefined(), f, out);
}

static js_status promise_finally(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value p = a->this_value;
    if (p.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Promise.prototype.finally called on a non-object");
    js_value on_finally = js_arg(a, 0);
    if (!is_promise(p) || !js_is_callable(on_finally))
        return invoke_then(vm, p, on_finally, on_finally, out);
    js_value c = species_ctor(vm, p);
    if (!(c.type == JS_TOBJECT && c.u.object == vm->in.promise_ctor))
        return invoke_then(vm, p, on_finally, on_finally, out);
    js_handler then_h = {H_THEN_FINALLY, on_finally, NULL, NULL, NULL};
    js_handler catch_h = {H_CATCH_FINALLY, on_finally, NULL, NULL, NULL};
    *out = js_obj(promise_then(vm, p.u.object, then_h, catch_h, true,
                               origin_make(vm, "finally", js_function_label(vm, on_finally))));
    return JS_OK;
}

/* ---- statics ------------------------------------------------------------------------------------ */

static js_status promise_resolve_s(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value c = a->this_value, x = js_arg(a, 0);
    if (c.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "PromiseResolve called on non-object");
    if (c.u.object == vm->in.promise_ctor) {
        *out = js_obj(promise_resolve_static(vm, x));
        return JS_OK;
    }
    if (is_promise(x) && strict_equals(species_ctor(vm, x), c)) {
        *out = x;
        return JS_OK;
    }
    capability cap;
    js_status st = new_capability(vm, c, &cap);
    if (st != JS_OK)
        return st;
    js_value r;
    if ((st = vm_call(vm, cap.resolve, js_undefined(), 1, &x, &r)) != JS_OK)
        return st;
    *out = cap.promise;
    return JS_OK;
}

static js_status promise_reject_s(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    capability cap;
    js_status st = new_capability(vm, a->this_value, &cap);
    if (st != JS_OK)
        return st;
    js_value r, x = js_arg(a, 0);
    if ((st = vm_call(vm, cap.reject, js_undefined(), 1, &x, &r)) != JS_OK)
        return st;
    *out = cap.promise;
    return JS_OK;
}

static js_status with_resolvers(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    capability cap;
    js_status st = new_capability(vm, a->this_value, &cap);
    if (st != JS_OK)
        return st;
    js_object *o = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    prop_define_value(vm, o, &atom_cstr(vm, "promise")->gc, cap.promise, PROP_DEFAULT);
    prop_define_value(vm, o, &atom_cstr(vm, "resolve")->gc, cap.resolve, PROP_DEFAULT);
    prop_define_value(vm, o, &atom_cstr(vm, "reject")->gc, cap.reject, PROP_DEFAULT);
    *out = js_obj(o);
    return JS_OK;
}

/* The combinators share one shape: for each element, C.resolve(element).then(onF, onR), where
 * onF/onR are element functions keeping a shared state (all, allSettled, any) or the
 * capability's own functions (race).  The state: slots of a native function object:
 *   0 the values array, 1 the remaining count (an array of one number), 2 the capability's
 *   resolve, 3 its reject. */
enum { COMB_ALL, COMB_ALL_SETTLED, COMB_ANY, COMB_RACE };

/* element function: slots 0 state, 1 index, 2 already called (bool), 3 which (0 value,
 * 1 fulfilled record, 2 rejected record, 3 an error of any) */
static js_status element_fn(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value *s = a->callee->u.native.slots;
    *out = js_undefined();
    if (to_boolean(s[2]))
        return JS_OK;
    s[2] = js_bool(true);
    js_value *state = s[0].u.object->u.native.slots;
    js_object *values = state[0].u.object;
    uint32_t index = (uint32_t)s[1].u.number;
    js_value x = js_arg(a, 0);
    int which = (int)s[3].u.number;
    if (which == 1 || which == 2) {
        js_object *rec = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
        prop_define_value(vm, rec, &A(vm, status)->gc,
                          js_strv(atom_cstr(vm, which == 1 ? "fulfilled" : "rejected")), PROP_DEFAULT);
        prop_define_value(vm, rec, which == 1 ? &A(vm, value)->gc : &A(vm, reason)->gc, x,
                          PROP_DEFAULT);
        x = js_obj(rec);
    }
    values->u.array.items[index] = x;
    js_array *rem = &state[1].u.object->u.array;
    rem->items[0].u.number -= 1;
    if (rem->items[0].u.number == 0) {
        js_value r, arr = js_obj(values);
        if (which == 3) {
            js_value err = error_new(vm, ERR_AGGREGATE, str_cstr(vm, "All promises were rejected"));
            prop_define_value(vm, err.u.object, &A(vm, errors)->gc, arr, PROP_HIDDEN);
            return vm_call(vm, state[3], js_undefined(), 1, &err, &r);
        }
        return vm_call(vm, state[2], js_undefined(), 1, &arr, &r);
    }
    return JS_OK;
}

static js_value make_element(js_vm *vm, js_value state, uint32_t index, int which)
{
    js_value f = js_new_native(vm, "", 1, element_fn, NULL, 4);
    js_value *s = f.u.object->u.native.slots;
    s[0] = state;
    s[1] = js_number(index);
    s[2] = js_bool(false);
    s[3] = js_number(which);
    return f;
}

static js_status combinator(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    int kind = (int)(intptr_t)a->callee->u.native.data;
    js_value c = a->this_value;
    capability cap;
    js_status st = new_capability(vm, c, &cap);
    if (st != JS_OK)
        return st;
    *out = cap.promise;
    js_value resolve_m;
    if ((st = val_get(vm, c, &atom_cstr(vm, "resolve")->gc, &resolve_m)) != JS_OK ||
        (!js_is_callable(resolve_m) &&
         (st = throw_kind(vm, ERR_TYPE, "Promise resolve is not a function")) != JS_OK))
        goto reject;
    js_value state = js_new_native(vm, "", 0, element_fn, NULL, 4);
    js_value *ss = state.u.object->u.native.slots;
    js_object *values = array_new(vm, 0), *rem = array_new(vm, 0);
    array_push(vm, rem, js_number(1));
    ss[0] = js_obj(values);
    ss[1] = js_obj(rem);
    ss[2] = cap.resolve;
    ss[3] = cap.reject;
    js_iter it;
    if ((st = iter_open(vm, js_arg(a, 0), &it)) != JS_OK)
        goto reject;
    for (uint32_t index = 0;; index++) {
        js_value x, next;
        bool done;
        if ((st = iter_step(vm, &it, &x, &done)) != JS_OK)
            goto reject;
        if (done)
            break;
        if ((st = vm_call(vm, resolve_m, c, 1, &x, &next)) != JS_OK)
            goto close_and_reject;
        js_value onf, onr, r;
        switch (kind) {
        case COMB_ALL:
            array_push(vm, values, js_undefined());
            rem->u.array.items[0].u.number += 1;
            onf = make_element(vm, state, index, 0);
            onr = cap.reject;
            break;
        case COMB_ALL_SETTLED: {
            array_push(vm, values, js_undefined());
            rem->u.array.items[0].u.number += 1;
            onf = make_element(vm, state, index, 1);
            onr = make_element(vm, state, index, 2);
            /* both share one "already called" */
            break;
        }
        case COMB_ANY:
            array_push(vm, values, js_undefined());
            rem->u.array.items[0].u.number += 1;
            onf = cap.resolve;
            onr = make_element(vm, state, index, 3);
            break;
        default:
            onf = cap.resolve;
            onr = cap.reject;
            break;
        }
        if ((st = invoke_then(vm, next, onf, onr, &r)) != JS_OK)
            goto close_and_reject;
    }
    if (kind != COMB_RACE) {
        rem->u.array.items[0].u.number -= 1;
        if (rem->u.array.items[0].u.number == 0) {
            js_value r, arr = js_obj(values);
            if (kind == COMB_ANY) {
                js_value err = error_new(vm, ERR_AGGREGATE,
                                         str_cstr(vm, "All promises were rejected"));
                prop_define_value(vm, err.u.object, &A(vm, errors)->gc, arr, PROP_HIDDEN);
                st = vm_call(vm, cap.reject, js_undefined(), 1, &err, &r);
            } else {
                st = vm_call(vm, cap.resolve, js_undefined(), 1, &arr, &r);
            }
            return st;
        }
    }
    return JS_OK;
close_and_reject:
    if (st == JS_THROW) {
        js_value ex = js_take_exception(vm);
        iter_close(vm, &it);
        if (vm->has_exception)
            js_take_exception(vm);
        vm->exception = ex;
        vm->has_exception = true;
    }
reject:
    if (st == JS_THROW) {
        js_value ex = js_take_exception(vm), r;
        return vm_call(vm, cap.reject, js_undefined(), 1, &ex, &r);
    }
    return st;
}

static js_status species_getter(const js_args *a, js_value *out)
{
    *out = a->this_value;
    return JS_OK;
}

void builtin_promise(js_vm *vm)
{
    js_object *proto = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    vm->in.promise_prototype = proto;
    js_object *ctor = define_ctor(vm, "Promise", 1, promise_ctor, proto);
    vm->in.promise_ctor = ctor;
    ctor->u.native.api = true;
    js_object *then = define_native(vm, proto, "then", 2, promise_then_method);
    vm->in.promise_then = js_obj(then);
    then->u.native.api = true;
    define_native(vm, proto, "catch", 1, promise_catch)->u.native.api = true;
    define_native(vm, proto, "finally", 1, promise_finally)->u.native.api = true;
    prop_define_value(vm, proto, sym_key(vm->sym.to_string_tag), js_strv(atom_cstr(vm, "Promise")),
                      PROP_CONFIGURABLE);
    define_native(vm, ctor, "resolve", 1, promise_resolve_s)->u.native.api = true;
    define_native(vm, ctor, "reject", 1, promise_reject_s)->u.native.api = true;
    static const struct {
        const char *name;
        int kind;
    } combs[] = {{"all", COMB_ALL}, {"allSettled", COMB_ALL_SETTLED}, {"race", COMB_RACE},
                 {"any", COMB_ANY}};
    for (size_t i = 0; i < sizeof combs / sizeof combs[0]; i++) {
        if (combs[i].kind == COMB_ANY && !vm->features.promise_any)
            continue;
        js_object *f = define_native(vm, ctor, combs[i].name, 1, combinator);
        f->u.native.data = (void *)(intptr_t)combs[i].kind;
        f->u.native.api = true;
    }
    if (vm->features.promise_with_resolvers)
        define_native(vm, ctor, "withResolvers", 0, with_resolvers)->u.native.api = true;
    js_object *g = native_new(vm, "get [Symbol.species]", 0, species_getter, false);
    prop_define_accessor(vm, ctor, sym_key(vm->sym.species), g, NULL, PROP_CONFIGURABLE);
}
