/* builtin_iterator.c - iterators and generators (ECMA-262 27.1-27.6): %IteratorPrototype%, the
 * array, string, map and set iterators, generator objects' next/return/throw, async generators
 * with their request queue, and the async-from-sync iterator `for await` wraps a sync one in.
 *
 * A generator's body is a frame (vm.c) suspended at INITIAL_YIELD, YIELD or YIELD_DELEGATE;
 * next() resumes it.  An async generator also suspends at AWAIT, resumed by a job; its driver
 * (asyncgen_run) settles the promise of the request at the head of its queue when the body
 * yields (after awaiting the value, as AsyncGeneratorYield does), returns or throws, then takes
 * the next request.
 */
#include "jsi.h"

#include <stdlib.h>
#include <string.h>

enum {
    ITER_ARRAY_VALUES = 1,
    ITER_ARRAY_KEYS,
    ITER_ARRAY_ENTRIES,
    ITER_STRING,
    ITER_MAP_KEYS,
    ITER_MAP_VALUES,
    ITER_MAP_ENTRIES,
    ITER_SET_VALUES,
    ITER_SET_ENTRIES
};

js_object *make_iterator(js_vm *vm, int kind, js_value target);

js_object *make_iterator(js_vm *vm, int kind, js_value target)
{
    js_object *proto;
    js_value key = {JS_TSYMBOL, {.symbol = vm->sym.to_string_tag}};
    (void)key;
    switch (kind) {
    case ITER_STRING: proto = vm->in.string_iterator_prototype; break;
    case ITER_MAP_KEYS: case ITER_MAP_VALUES: case ITER_MAP_ENTRIES:
        proto = vm->in.map_iterator_prototype;
        break;
    case ITER_SET_VALUES: case ITER_SET_ENTRIES: proto = vm->in.set_iterator_prototype; break;
    default: proto = vm->in.array_iterator_prototype; break;
    }
    js_object *it = obj_new(vm, CLASS_ITERATOR, proto);
    it->u.iter.kind = kind;
    it->u.iter.target = target;
    it->u.iter.extra = js_undefined();
    return it;
}

static js_status iterator_self(const js_args *a, js_value *out)
{
    *out = a->this_value;
    return JS_OK;
}

static js_value pair(js_vm *vm, js_value a, js_value b)
{
    js_object *arr = array_new(vm, 0);
    array_push(vm, arr, a);
    array_push(vm, arr, b);
    return js_obj(arr);
}

/* next() of the builtin iterators */
static js_status builtin_next(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value self = a->this_value;
    if (self.type != JS_TOBJECT || self.u.object->cls != CLASS_ITERATOR ||
        self.u.object->u.iter.kind < ITER_ARRAY_VALUES)
        return throw_kind(vm, ERR_TYPE, "next method called on incompatible receiver %s",
                          js_to_string_safe(vm, self)->chars);
    js_object *it = self.u.object;
    js_value target = it->u.iter.target;
    if (js_is_undefined(target)) {
        *out = js_obj(iterator_result(vm, js_undefined(), true));
        return JS_OK;
    }
    uint32_t i = it->u.iter.next;
    js_value v = js_undefined();
    bool done = false;
    switch (it->u.iter.kind) {
    case ITER_ARRAY_VALUES:
    case ITER_ARRAY_KEYS:
    case ITER_ARRAY_ENTRIES: {
        uint32_t len;
        js_object *o = target.u.object;
        if (o->cls == CLASS_ARRAY) {
            len = o->u.array.length;
        } else {
            js_value lv;
            js_status st = obj_get(vm, o, &A(vm, length)->gc, target, &lv);
            if (st != JS_OK || (st = to_length(vm, lv, &len)) != JS_OK)
                return st;
        }
        if (i >= len) {
            /* V8 keeps the array-like and marks the iterator exhausted with an index no
             * length reaches: each later next() reads the length again (a getter runs) and is
             * done (ECMA-262 23.1.5.1 would forget the array-like) */
            it->u.iter.next = UINT32_MAX;
            *out = js_obj(iterator_result(vm, js_undefined(), true));
            return JS_OK;
        }
        it->u.iter.next = i + 1;
        if (it->u.iter.kind == ITER_ARRAY_KEYS) {
            v = js_number(i);
        } else {
            js_status st = val_get_elem(vm, target, js_number(i), &v);
            if (st != JS_OK)
                return st;
            if (it->u.iter.kind == ITER_ARRAY_ENTRIES)
                v = pair(vm, js_number(i), v);
        }
        break;
    }
    case ITER_STRING: {
        js_string *s = target.u.string;
        if (i >= s->length) {
            done = true;
            break;
        }
        uint16_t u = str_unit_at(s, i);
        uint32_t n = 1;
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < s->length) {
            uint16_t w = str_unit_at(s, i + 1);
            if (w >= 0xDC00 && w <= 0xDFFF)
                n = 2;
        }
        v = js_strv(str_slice(vm, s, i, i + n));
        it->u.iter.next = i + n;
        break;
    }
    default: { /* maps and sets: their entries in insertion order, deleted ones skipped */
        js_mapdata *m = &target.u.object->u.map;
        while (i < m->count && m->keys[i].type == JS_THOLE)
            i++;
        if (i >= m->count) {
            done = true;
            break;
        }
        it->u.iter.next = i + 1;
        js_value k = m->keys[i];
        switch (it->u.iter.kind) {
        case ITER_MAP_KEYS: case ITER_SET_VALUES: v = k; break;
        case ITER_MAP_VALUES: v = m->values[i]; break;
        case ITER_MAP_ENTRIES: v = pair(vm, k, m->values[i]); break;
        default: v = pair(vm, k, k); break;
        }
        break;
    }
    }
    if (done)
        it->u.iter.target = js_undefined();
    *out = js_obj(iterator_result(vm, v, done));
    return JS_OK;
}

/* ---- generators ------------------------------------------------------------------------------ */

static js_object *this_generator(js_vm *vm, js_value v, bool async, js_status *st)
{
    if (v.type != JS_TOBJECT || v.u.object->cls != CLASS_GENERATOR ||
        v.u.object->u.gen.async != async) {
        *st = throw_kind(vm, ERR_TYPE, "next method called on incompatible receiver %s",
                         js_to_string_safe(vm, v)->chars);
        return NULL;
    }
    return v.u.object;
}

static js_status generator_resume(const js_args *a, int mode, js_value *out)
{
    js_vm *vm = a->vm;
    js_status st = JS_OK;
    js_object *g = this_generator(vm, a->this_value, false, &st);
    if (!g)
        return st;
    js_value v = js_arg(a, 0);
    switch (g->u.gen.state) {
    case GEN_RUNNING:
        return throw_kind(vm, ERR_TYPE, "Generator is already running");
    case GEN_COMPLETED:
        if (mode == RESUME_THROW) {
            vm->exception = v;
            vm->has_exception = true;
            return JS_THROW;
        }
        *out = js_obj(iterator_result(vm, mode == RESUME_RETURN ? v : js_undefined(), true));
        return JS_OK;
    case GEN_SUSPENDED_START:
        if (mode != RESUME_NEXT) {
            g->u.gen.state = GEN_COMPLETED;
            g->u.gen.frame = NULL;
            if (mode == RESUME_THROW) {
                vm->exception = v;
                vm->has_exception = true;
                return JS_THROW;
            }
            *out = js_obj(iterator_result(vm, v, true));
            return JS_OK;
        }
        mode = RESUME_START;
        break;
    case GEN_SUSPENDED_YIELD:
        break;
    }
    js_frame *f = g->u.gen.frame;
    g->u.gen.state = GEN_RUNNING;
    js_value r;
    st = vm_resume(vm, f, v, mode, &r);
    if (st != JS_OK) {
        g->u.gen.state = GEN_COMPLETED;
        g->u.gen.frame = NULL;
        return st;
    }
    if (f->done) {
        g->u.gen.state = GEN_COMPLETED;
        g->u.gen.frame = NULL;
        *out = js_obj(iterator_result(vm, r, true));
        return JS_OK;
    }
    g->u.gen.state = GEN_SUSPENDED_YIELD;
    *out = vm->yield_raw ? r : js_obj(iterator_result(vm, r, false));
    return JS_OK;
}

static js_status generator_next(const js_args *a, js_value *out)
{
    return generator_resume(a, RESUME_NEXT, out);
}

static js_status generator_return(const js_args *a, js_value *out)
{
    return generator_resume(a, RESUME_RETURN, out);
}

static js_status generator_throw(const js_args *a, js_value *out)
{
    return generator_resume(a, RESUME_THROW, out);
}

/* ---- async generators -------------------------------------------------------------------------- */

/* the request queue: an array of [mode, value, promise] triples */
static void asyncgen_drain(js_vm *vm, js_object *g);

static js_object *queue_of(js_vm *vm, js_object *g)
{
    if (g->u.gen.queue.type != JS_TOBJECT)
        g->u.gen.queue = js_obj(array_new(vm, 0));
    return g->u.gen.queue.u.object;
}

static void queue_shift(js_object *q)
{
    js_array *a = &q->u.array;
    if (a->length >= 3) {
        memmove(a->items, a->items + 3, (a->length - 3) * sizeof *a->items);
        a->length -= 3;
    }
}

/* settles the head request */
static void settle_head(js_vm *vm, js_object *g, bool rejected, js_value v, bool done)
{
    js_object *q = queue_of(vm, g);
    if (q->u.array.length < 3)
        return;
    js_object *p = q->u.array.items[2].u.object;
    queue_shift(q);
    if (rejected)
        promise_reject(vm, p, v);
    else
        promise_fulfill(vm, p, js_obj(iterator_result(vm, v, done)));
}

/* the yielded value, awaited: a native function whose slot 0 is the generator */
static js_status yield_settled(const js_args *a, js_value *out)
{
    js_object *g = a->callee->u.native.slots[0].u.object;
    g->u.gen.state = GEN_SUSPENDED_YIELD;
    settle_head(a->vm, g, false, js_arg(a, 0), false);
    asyncgen_drain(a->vm, g);
    *out = js_undefined();
    return JS_OK;
}

/* what the body did after it ran: yielded, awaited, returned or threw */
static void asyncgen_after(js_vm *vm, js_object *g, js_frame *f, js_status st, js_value r)
{
    if (st == JS_STOP)
        return;
    if (st == JS_THROW) {
        g->u.gen.state = GEN_COMPLETED;
        g->u.gen.frame = NULL;
        settle_head(vm, g, true, js_take_exception(vm), true);
        asyncgen_drain(vm, g);
        return;
    }
    if (f->done) {
        g->u.gen.state = GEN_COMPLETED;
        g->u.gen.frame = NULL;
        settle_head(vm, g, false, r, true);
        asyncgen_drain(vm, g);
        return;
    }
    if (vm->suspend_kind == SUSPEND_AWAIT)
        return; /* a job resumes it (asyncgen_resume_from_await) */
    /* a yield: await the value first (AsyncGeneratorYield), then settle the request */
    js_object *p = promise_resolve_static(vm, r);
    js_value fn = js_new_native(vm, "", 1, yield_settled, NULL, 1);
    fn.u.object->u.native.slots[0] = js_obj(g);
    js_handler ok = {H_FUNCTION, fn, NULL, NULL, NULL};
    js_handler fail = {H_EMPTY, js_undefined(), NULL, NULL, NULL};
    promise_then(vm, p, ok, fail, false, origin_make(vm, "await", f->proto->label));
}

void asyncgen_resume_from_await(js_vm *vm, js_frame *f, js_value value, bool threw)
{
    js_object *g = f->generator;
    js_value r;
    js_status st = vm_resume(vm, f, value, threw ? RESUME_THROW : RESUME_NEXT, &r);
    if (g)
        asyncgen_after(vm, g, f, st, r);
}

static void asyncgen_drain(js_vm *vm, js_object *g)
{
    js_object *q = queue_of(vm, g);
    while (q->u.array.length >= 3 && g->u.gen.state != GEN_RUNNING) {
        int mode = (int)q->u.array.items[0].u.number;
        js_value v = q->u.array.items[1];
        if (g->u.gen.state == GEN_COMPLETED ||
            (g->u.gen.state == GEN_SUSPENDED_START && mode != RESUME_NEXT)) {
            g->u.gen.state = GEN_COMPLETED;
            settle_head(vm, g, mode == RESUME_THROW, mode == RESUME_RETURN || mode == RESUME_THROW
                                                         ? v : js_undefined(),
                        true);
            continue;
        }
        js_frame *f = g->u.gen.frame;
        if (g->u.gen.state == GEN_SUSPENDED_START)
            mode = RESUME_START;
        g->u.gen.state = GEN_RUNNING;
        js_value r;
        js_status st = vm_resume(vm, f, v, mode, &r);
        if (f->done && mode == RESUME_RETURN)
            st = JS_OK;
        asyncgen_after(vm, g, f, st, r);
        return; /* asyncgen_after drains again when the body has finished with the request */
    }
}

static js_status asyncgen_request(const js_args *a, int mode, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *p = promise_new(vm);
    *out = js_obj(p);
    js_status st = JS_OK;
    js_object *g = this_generator(vm, a->this_value, true, &st);
    if (!g) {
        promise_reject(vm, p, js_take_exception(vm));
        return JS_OK;
    }
    js_object *q = queue_of(vm, g);
    array_push(vm, q, js_number(mode));
    array_push(vm, q, js_arg(a, 0));
    array_push(vm, q, js_obj(p));
    if (g->u.gen.state != GEN_RUNNING)
        asyncgen_drain(vm, g);
    return JS_OK;
}

static js_status asyncgen_next(const js_args *a, js_value *out)
{
    return asyncgen_request(a, RESUME_NEXT, out);
}

static js_status asyncgen_return(const js_args *a, js_value *out)
{
    return asyncgen_request(a, RESUME_RETURN, out);
}

static js_status asyncgen_throw(const js_args *a, js_value *out)
{
    return asyncgen_request(a, RESUME_THROW, out);
}

/* ---- the async-from-sync iterator (for await over a sync iterable) ---------------------------- */

/* AsyncFromSyncIteratorContinuation: the value is awaited (PromiseResolve + then), and the
 * promise the step returns is fulfilled with a fresh iterator result */
/* slots: 0 the step's promise, 1 done */
static js_status unwrap_fulfilled(const js_args *a, js_value *out)
{
    js_value *s = a->callee->u.native.slots;
    promise_fulfill(a->vm, s[0].u.object,
                    js_obj(iterator_result(a->vm, js_arg(a, 0), to_boolean(s[1]))));
    *out = js_undefined();
    return JS_OK;
}

static js_status function_kind_ctor(const js_args *a, js_value *out)
{
    (void)out;
    return throw_kind(a->vm, ERR_SYNTAX, "loopsim does not model the constructors of functions "
                                         "(code from a string)");
}

/* AsyncFromSyncIteratorContinuation (ECMA-262 27.1.4.4) of a step's result `r` (st: how the
 * call that gave it ended), settling p */
static js_status async_from_sync_continue(js_vm *vm, js_object *p, js_status st, js_value r)
{
    js_value v = js_undefined(), d = js_bool(true);
    if (st == JS_OK && r.type != JS_TOBJECT)
        st = throw_kind(vm, ERR_TYPE, "Iterator result is not an object");
    if (st == JS_OK)
        st = obj_get(vm, r.u.object, &A(vm, done)->gc, r, &d);
    if (st == JS_OK)
        st = obj_get(vm, r.u.object, &A(vm, value)->gc, r, &v);
    if (st == JS_THROW) {
        promise_reject(vm, p, js_take_exception(vm));
        return JS_OK;
    }
    if (st != JS_OK)
        return st;
    /* valueWrapper: PromiseResolve(v) since the await change (V8 7.2, Node 12: await_direct,
     * as promise_await); before it a new promise resolved with v, two jobs more for a promise */
    js_object *wrapper;
    if (vm->features.await_direct) {
        wrapper = promise_resolve_static(vm, v);
    } else {
        wrapper = promise_new(vm);
        promise_resolve(vm, wrapper, v);
    }
    js_value fn = js_new_native(vm, "", 1, unwrap_fulfilled, NULL, 2);
    fn.u.object->u.native.slots[0] = js_obj(p);
    fn.u.object->u.native.slots[1] = js_bool(to_boolean(d));
    js_handler ok = {H_FUNCTION, fn, NULL, NULL, NULL};
    js_handler fail = {H_FUNCTION, js_undefined(), NULL, NULL, NULL};
    js_object *res, *rej;
    promise_resolving_functions(vm, p, &res, &rej);
    fail.value = js_obj(rej);
    promise_then(vm, wrapper, ok, fail, false, origin_make(vm, "await", "for await"));
    return JS_OK;
}

/* %AsyncFromSyncIteratorPrototype%.next (ECMA-262 27.1.4.2.1) */
static js_status async_from_sync_next(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *self = a->this_value.u.object;
    js_object *p = promise_new(vm);
    *out = js_obj(p);
    js_value r = js_undefined();
    js_value arg = js_arg(a, 0);
    js_status st = vm_call(vm, self->u.iter.extra, self->u.iter.target, a->argc ? 1 : 0, &arg, &r);
    return async_from_sync_continue(vm, p, st, r);
}

/* %AsyncFromSyncIteratorPrototype%.return (ECMA-262 27.1.4.2.2): what closing a for await over
 * a sync iterable calls (and awaits): with no return() on the sync iterator, a promise already
 * fulfilled with { value, done: true } */
static js_status async_from_sync_return(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *self = a->this_value.u.object;
    js_object *p = promise_new(vm);
    *out = js_obj(p);
    js_value it = self->u.iter.target, ret = js_undefined(), r = js_undefined();
    js_value arg = js_arg(a, 0);
    js_status st = JS_OK;
    if (it.type == JS_TOBJECT)
        st = obj_get(vm, it.u.object, &A(vm, return)->gc, it, &ret);
    if (st == JS_THROW) {
        promise_reject(vm, p, js_take_exception(vm));
        return JS_OK;
    }
    if (st != JS_OK)
        return st;
    if (js_is_nullish(ret)) {
        promise_fulfill(vm, p, js_obj(iterator_result(vm, arg, true)));
        return JS_OK;
    }
    st = vm_call(vm, ret, it, a->argc ? 1 : 0, &arg, &r);
    return async_from_sync_continue(vm, p, st, r);
}

void builtin_iterator(js_vm *vm)
{
    js_object *ip = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    vm->in.iterator_prototype = ip;
    js_object *self = native_new(vm, "[Symbol.iterator]", 0, iterator_self, false);
    prop_define_value(vm, ip, sym_key(vm->sym.iterator), js_obj(self), PROP_HIDDEN);

    static const char *const tags[] = {"Array Iterator", "String Iterator", "Map Iterator",
                                       "Set Iterator"};
    /* intrinsics of the VM (vm->in: roots of the collector) */
    js_object **protos[] = {&vm->in.array_iterator_prototype, &vm->in.string_iterator_prototype,
                            &vm->in.map_iterator_prototype, &vm->in.set_iterator_prototype};
    for (int i = 0; i < 4; i++) {
        *protos[i] = obj_new(vm, CLASS_OBJECT, ip);
        define_native(vm, *protos[i], "next", 0, builtin_next);
        prop_define_value(vm, *protos[i], sym_key(vm->sym.to_string_tag),
                          js_strv(atom_cstr(vm, tags[i])), PROP_CONFIGURABLE);
    }

    /* %GeneratorFunction.prototype% and %GeneratorPrototype% */
    js_object *gp = obj_new(vm, CLASS_OBJECT, ip);
    vm->in.generator_prototype = gp;
    define_native(vm, gp, "next", 1, generator_next);
    define_native(vm, gp, "return", 1, generator_return);
    define_native(vm, gp, "throw", 1, generator_throw);
    prop_define_value(vm, gp, sym_key(vm->sym.to_string_tag), js_strv(atom_cstr(vm, "Generator")),
                      PROP_CONFIGURABLE);
    js_object *gfp = obj_new(vm, CLASS_OBJECT, vm->in.function_prototype);
    vm->in.generator_function_prototype = gfp;
    prop_define_value(vm, gfp, &A(vm, prototype)->gc, js_obj(gp), PROP_CONFIGURABLE);
    prop_define_value(vm, gfp, sym_key(vm->sym.to_string_tag),
                      js_strv(atom_cstr(vm, "GeneratorFunction")), PROP_CONFIGURABLE);

    /* async iteration */
    js_object *aip = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    js_object *aself = native_new(vm, "[Symbol.asyncIterator]", 0, iterator_self, false);
    prop_define_value(vm, aip, sym_key(vm->sym.async_iterator), js_obj(aself), PROP_HIDDEN);
    js_object *agp = obj_new(vm, CLASS_OBJECT, aip);
    vm->in.async_generator_prototype = agp;
    define_native(vm, agp, "next", 1, asyncgen_next);
    define_native(vm, agp, "return", 1, asyncgen_return);
    define_native(vm, agp, "throw", 1, asyncgen_throw);
    prop_define_value(vm, agp, sym_key(vm->sym.to_string_tag),
                      js_strv(atom_cstr(vm, "AsyncGenerator")), PROP_CONFIGURABLE);
    js_object *agfp = obj_new(vm, CLASS_OBJECT, vm->in.function_prototype);
    vm->in.async_generator_function_prototype = agfp;
    prop_define_value(vm, agfp, &A(vm, prototype)->gc, js_obj(agp), PROP_CONFIGURABLE);
    js_object *afp = obj_new(vm, CLASS_OBJECT, vm->in.function_prototype);
    vm->in.async_function_prototype = afp;
    prop_define_value(vm, afp, sym_key(vm->sym.to_string_tag),
                      js_strv(atom_cstr(vm, "AsyncFunction")), PROP_CONFIGURABLE);
    js_object *afs = obj_new(vm, CLASS_OBJECT, aip);
    vm->in.async_from_sync_prototype = afs;
    define_native(vm, afs, "next", 1, async_from_sync_next);
    define_native(vm, afs, "return", 1, async_from_sync_return);

    /* the constructors of the function kinds (ECMA-262 27.3.1, 27.4.1, 27.7.1): not globals,
     * reached as Object.getPrototypeOf(async function () {}).constructor; what they do (code
     * from a string) is not modelled */
    prop_define_value(vm, gp, &A(vm, constructor)->gc, js_obj(gfp), PROP_CONFIGURABLE);
    prop_define_value(vm, agp, &A(vm, constructor)->gc, js_obj(agfp), PROP_CONFIGURABLE);
    prop_define_value(vm, agfp, sym_key(vm->sym.to_string_tag),
                      js_strv(atom_cstr(vm, "AsyncGeneratorFunction")), PROP_CONFIGURABLE);
    static const char *const names[] = {"GeneratorFunction", "AsyncGeneratorFunction",
                                        "AsyncFunction"};
    js_object *kind_protos[] = {gfp, agfp, afp};
    for (int i = 0; i < 3; i++) {
        js_object *ctor = native_new(vm, names[i], 1, function_kind_ctor, true);
        ctor->proto = vm->in.function_ctor;
        prop_define_value(vm, ctor, &A(vm, prototype)->gc, js_obj(kind_protos[i]), 0);
        prop_define_value(vm, kind_protos[i], &A(vm, constructor)->gc, js_obj(ctor), PROP_CONFIGURABLE);
    }
}
