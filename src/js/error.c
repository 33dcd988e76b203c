/* error.c - Error and its subclasses (ECMA-262 20.5), and how the VM throws them.
 *
 * An error gets its `stack` when it is made, as V8 does (Error.captureStackTrace): the
 * header ("TypeError: x is not a function") and a line per frame of this VM's stack, in V8's
 * format.  Node's own frames (node:internal/...) are not modelled.
 */
#include "jsi.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[] = {"Error", "TypeError", "RangeError", "ReferenceError",
                                         "SyntaxError", "EvalError", "URIError", "AggregateError"};

static js_string *header_of(js_vm *vm, js_object *o)
{
    js_value name, msg;
    js_string *n = NULL, *m = NULL;
    if (obj_get(vm, o, &A(vm, name)->gc, js_obj(o), &name) == JS_OK && !js_is_undefined(name))
        n = js_to_string_safe(vm, name);
    if (obj_get(vm, o, &A(vm, message)->gc, js_obj(o), &msg) == JS_OK && !js_is_undefined(msg))
        m = js_to_string_safe(vm, msg);
    if (vm->has_exception)
        js_take_exception(vm);
    if (!n)
        n = A(vm, Error);
    if (!m || m->len == 0)
        return n;
    if (n->len == 0)
        return m;
    return str_printf(vm, "%s: %s", n->chars, m->chars);
}

static void capture_stack(js_vm *vm, js_object *o)
{
    js_string *trace = vm_stack_trace(vm, header_of(vm, o));
    prop_define_value(vm, o, &A(vm, stack)->gc, js_strv(trace), PROP_HIDDEN);
}

/* An error's own properties start with `stack` (V8 installs it first; its text, made last,
 * needs the message): a placeholder that capture_stack fills. */
static js_object *error_object(js_vm *vm, js_object *proto)
{
    js_object *o = obj_new(vm, CLASS_ERROR, proto);
    prop_define_value(vm, o, &A(vm, stack)->gc, js_undefined(), PROP_HIDDEN);
    return o;
}

js_value error_new(js_vm *vm, int kind, js_string *message)
{
    js_object *o = error_object(vm, vm->in.error_protos[kind]);
    if (message)
        prop_define_value(vm, o, &A(vm, message)->gc, js_strv(message), PROP_HIDDEN);
    capture_stack(vm, o);
    return js_obj(o);
}

js_status throw_kind(js_vm *vm, int kind, const char *fmt, ...)
{
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    vm->exception = error_new(vm, kind, str_cstr(vm, buf));
    vm->has_exception = true;
    vm_note_throw_site(vm);
    return JS_THROW;
}

js_status js_throw(js_vm *vm, js_value error)
{
    vm_note_throw_site(vm);
    vm->exception = error;
    vm->has_exception = true;
    return JS_THROW;
}

static int kind_of_name(const char *ctor)
{
    for (int i = 0; i < 8; i++)
        if (strcmp(kind_names[i], ctor) == 0)
            return i;
    return ERR_ERROR;
}

js_value js_new_error(js_vm *vm, const char *ctor, const char *message)
{
    return error_new(vm, kind_of_name(ctor), str_cstr(vm, message));
}

js_status js_throw_error(js_vm *vm, const char *ctor, const char *fmt, ...)
{
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return js_throw(vm, js_new_error(vm, ctor, buf));
}

js_status js_throw_type_error(js_vm *vm, const char *fmt, ...)
{
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return throw_kind(vm, ERR_TYPE, "%s", buf);
}

js_status js_throw_range_error(js_vm *vm, const char *fmt, ...)
{
    char buf[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return throw_kind(vm, ERR_RANGE, "%s", buf);
}

/* ---- the constructors --------------------------------------------------------------------- */

/* Error(message, options): works with and without new; a subclass's new.target gives the
 * prototype (class MyError extends Error) */
static js_status error_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    int kind = (int)(intptr_t)a->callee->u.native.data;
    js_object *fallback = vm->in.error_protos[kind];
    js_object *proto = js_is_undefined(a->new_target)
                           ? fallback
                           : fn_proto_of(vm, a->new_target, fallback);
    js_object *o = error_object(vm, proto);
    int msg_at = kind == ERR_AGGREGATE ? 1 : 0;
    js_value msg = js_arg(a, msg_at);
    if (!js_is_undefined(msg)) {
        js_string *s;
        js_status st = to_string(vm, msg, &s);
        if (st != JS_OK)
            return st;
        prop_define_value(vm, o, &A(vm, message)->gc, js_strv(s), PROP_HIDDEN);
    }
    js_value opts = js_arg(a, msg_at + 1);
    if (opts.type == JS_TOBJECT) {
        bool has;
        js_value cause_key = js_strv(A(vm, cause));
        if (val_has(vm, opts, cause_key, &has) == JS_OK && has) {
            js_value c;
            js_status st = obj_get(vm, opts.u.object, &A(vm, cause)->gc, opts, &c);
            if (st != JS_OK)
                return st;
            prop_define_value(vm, o, &A(vm, cause)->gc, c, PROP_HIDDEN);
        }
    }
    if (kind == ERR_AGGREGATE) {
        js_object *list = array_new(vm, 0);
        js_iter it;
        js_status st = iter_open(vm, js_arg(a, 0), &it);
        if (st != JS_OK)
            return st;
        for (;;) {
            js_value v;
            bool done;
            if ((st = iter_step(vm, &it, &v, &done)) != JS_OK)
                return st;
            if (done)
                break;
            array_push(vm, list, v);
        }
        prop_define_value(vm, o, &A(vm, errors)->gc, js_obj(list), PROP_HIDDEN);
    }
    capture_stack(vm, o);
    *out = js_obj(o);
    return JS_OK;
}

static js_status error_to_string(const js_args *a, js_value *out)
{
    if (a->this_value.type != JS_TOBJECT)
        return throw_kind(a->vm, ERR_TYPE, "Error.prototype.toString requires that 'this' be "
                                           "an Object");
    *out = js_strv(header_of(a->vm, a->this_value.u.object));
    return JS_OK;
}

static js_status capture_stack_trace(const js_args *a, js_value *out)
{
    js_value o = js_arg(a, 0);
    if (o.type != JS_TOBJECT)
        return throw_kind(a->vm, ERR_TYPE, "Invalid argument");
    capture_stack(a->vm, o.u.object);
    *out = js_undefined();
    return JS_OK;
}

void builtin_error(js_vm *vm)
{
    js_object *base = NULL, *base_ctor = NULL;
    for (int k = 0; k < 8; k++) {
        js_object *proto = obj_new(vm, CLASS_OBJECT, k ? base : vm->in.object_prototype);
        vm->in.error_protos[k] = proto;
        js_object *ctor = define_ctor(vm, kind_names[k], 1, error_ctor, proto);
        ctor->u.native.data = (void *)(intptr_t)k;
        prop_define_value(vm, proto, &A(vm, name)->gc, js_strv(atom_cstr(vm, kind_names[k])),
                          PROP_HIDDEN);
        prop_define_value(vm, proto, &A(vm, message)->gc, js_strv(A(vm, empty)), PROP_HIDDEN);
        if (k == 0) {
            base = proto;
            base_ctor = ctor;
            define_native(vm, proto, "toString", 0, error_to_string);
            define_native(vm, ctor, "captureStackTrace", 2, capture_stack_trace);
            prop_define_value(vm, ctor, &atom_cstr(vm, "stackTraceLimit")->gc, js_number(10),
                              PROP_DEFAULT);
        } else {
            ctor->proto = base_ctor;
        }
    }
    if (!vm->features.promise_any) /* AggregateError came with Promise.any (V8 8.5) */
        prop_delete(vm, vm->global, &atom_cstr(vm, "AggregateError")->gc);
}
