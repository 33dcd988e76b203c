/* builtin_function.c - Function.prototype (ECMA-262 20.2): call, apply, bind, toString and
 * [Symbol.hasInstance].  The Function constructor (code from a string) is not modelled. */
#include "jsi.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static js_status function_ctor(const js_args *a, js_value *out)
{
    (void)out;
    return throw_kind(a->vm, ERR_SYNTAX, "loopsim does not model the Function constructor "
                                         "(code from a string)");
}

static js_status function_proto_call(const js_args *a, js_value *out)
{
    /* Function.prototype itself is callable and returns undefined */
    (void)a;
    *out = js_undefined();
    return JS_OK;
}

static js_status fn_call(const js_args *a, js_value *out)
{
    if (!js_is_callable(a->this_value))
        return throw_kind(a->vm, ERR_TYPE, "Function.prototype.call called on a non-function");
    return vm_call(a->vm, a->this_value, js_arg(a, 0), a->argc > 1 ? a->argc - 1 : 0,
                   a->argv + 1, out);
}

/* CreateListFromArrayLike */
static js_status list_from(js_vm *vm, js_value v, js_value **items, int *n)
{
    *items = NULL;
    *n = 0;
    if (js_is_nullish(v))
        return JS_OK;
    if (v.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "CreateListFromArrayLike called on non-object");
    js_value lv;
    js_status st = obj_get(vm, v.u.object, &A(vm, length)->gc, v, &lv);
    uint32_t len;
    if (st != JS_OK || (st = to_length(vm, lv, &len)) != JS_OK)
        return st;
    if (len > 1000000)
        return throw_kind(vm, ERR_RANGE, "Maximum call stack size exceeded");
    *items = malloc((len ? len : 1) * sizeof **items);
    if (!*items)
        ls_out_of_memory(0);
    for (uint32_t i = 0; i < len; i++)
        if ((st = val_get_elem(vm, v, js_number(i), &(*items)[i])) != JS_OK) {
            free(*items);
            *items = NULL;
            return st;
        }
    *n = (int)len;
    return JS_OK;
}

static js_status fn_apply(const js_args *a, js_value *out)
{
    if (!js_is_callable(a->this_value))
        return throw_kind(a->vm, ERR_TYPE, "Function.prototype.apply was called on %s, which is "
                                           "not a function",
                          js_to_string_safe(a->vm, a->this_value)->chars);
    js_value *items;
    int n;
    js_status st = list_from(a->vm, js_arg(a, 1), &items, &n);
    if (st != JS_OK)
        return st;
    st = vm_call(a->vm, a->this_value, js_arg(a, 0), n, items, out);
    free(items);
    return st;
}

static js_status fn_bind(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value target = a->this_value;
    if (!js_is_callable(target))
        return throw_kind(vm, ERR_TYPE, "Bind must be called on a function");
    js_object *b = obj_new(vm, CLASS_BOUND, target.u.object->proto);
    b->u.bound.target = target;
    b->u.bound.this_value = js_arg(a, 0);
    int n = a->argc > 1 ? a->argc - 1 : 0;
    b->u.bound.argc = n;
    if (n) {
        b->u.bound.args = malloc((size_t)n * sizeof *b->u.bound.args);
        if (!b->u.bound.args)
            ls_out_of_memory(0);
        memcpy(b->u.bound.args, a->argv + 1, (size_t)n * sizeof *b->u.bound.args);
    }
    js_value name, len;
    js_string *ns = A(vm, empty);
    double l = 0;
    if (obj_get(vm, target.u.object, &A(vm, name)->gc, target, &name) == JS_OK &&
        name.type == JS_TSTRING)
        ns = name.u.string;
    if (obj_get(vm, target.u.object, &A(vm, length)->gc, target, &len) == JS_OK &&
        len.type == JS_TNUMBER)
        l = len.u.number - n > 0 ? len.u.number - n : 0;
    if (vm->has_exception)
        js_take_exception(vm);
    prop_define_value(vm, b, &A(vm, length)->gc, js_number(l), PROP_CONFIGURABLE);
    prop_define_value(vm, b, &A(vm, name)->gc, js_strv(str_printf(vm, "bound %s", ns->chars)),
                      PROP_CONFIGURABLE);
    *out = js_obj(b);
    return JS_OK;
}

static js_status fn_to_string(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value f = a->this_value;
    if (!js_is_callable(f))
        return throw_kind(vm, ERR_TYPE, "Function.prototype.toString requires that 'this' be a "
                                        "Function");
    js_object *o = f.u.object;
    if (o->cls == CLASS_FUNCTION) {
        const js_proto *p = o->u.fn.proto;
        const js_program *prog = p->program;
        if (prog && prog->source && p->end <= prog->source_len && p->end > p->start) {
            *out = js_strv(str_new(vm, prog->source + p->start, p->end - p->start));
            return JS_OK;
        }
    }
    js_value name;
    js_string *ns = A(vm, empty);
    if (obj_get(vm, o, &A(vm, name)->gc, f, &name) == JS_OK && name.type == JS_TSTRING)
        ns = name.u.string;
    *out = js_strv(str_printf(vm, "function %s() { [native code] }", ns->chars));
    return JS_OK;
}

static js_status fn_has_instance(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value f = a->this_value, v = js_arg(a, 0);
    if (!js_is_callable(f)) {
        *out = js_bool(false);
        return JS_OK;
    }
    if (f.u.object->cls == CLASS_BOUND) {
        bool r;
        js_status st = op_instanceof(vm, v, f.u.object->u.bound.target, &r);
        *out = js_bool(r);
        return st;
    }
    *out = js_bool(false);
    if (v.type != JS_TOBJECT)
        return JS_OK;
    js_value proto;
    js_status st = obj_get(vm, f.u.object, &A(vm, prototype)->gc, f, &proto);
    if (st != JS_OK)
        return st;
    if (proto.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Function has non-object prototype in instanceof check");
    for (js_object *o = v.u.object->proto; o; o = o->proto)
        if (o == proto.u.object) {
            *out = js_bool(true);
            break;
        }
    return JS_OK;
}

void builtin_function(js_vm *vm)
{
    js_object *proto = vm->in.function_prototype;
    proto->u.native.call = function_proto_call;
    proto->u.native.name = "";
    prop_define_value(vm, proto, &A(vm, length)->gc, js_number(0), PROP_CONFIGURABLE);
    prop_define_value(vm, proto, &A(vm, name)->gc, js_strv(A(vm, empty)), PROP_CONFIGURABLE);
    js_object *ctor = define_ctor(vm, "Function", 1, function_ctor, proto);
    vm->in.function_ctor = ctor;
    define_native(vm, proto, "call", 1, fn_call);
    define_native(vm, proto, "apply", 2, fn_apply);
    define_native(vm, proto, "bind", 1, fn_bind);
    define_native(vm, proto, "toString", 0, fn_to_string);
    js_object *hi = native_new(vm, "[Symbol.hasInstance]", 1, fn_has_instance, false);
    prop_define_value(vm, proto, sym_key(vm->sym.has_instance), js_obj(hi), 0);
    vm->in.has_instance = hi;
}
