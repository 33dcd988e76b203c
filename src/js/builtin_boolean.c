/* builtin_boolean.c - Boolean (ECMA-262 20.3) */
#include "jsi.h"

static js_status boolean_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    bool b = to_boolean(js_arg(a, 0));
    if (js_is_undefined(a->new_target)) {
        *out = js_bool(b);
        return JS_OK;
    }
    js_object *o = obj_new(vm, CLASS_BOOLEAN, fn_proto_of(vm, a->new_target, vm->in.boolean_prototype));
    o->u.primitive = js_bool(b);
    *out = js_obj(o);
    return JS_OK;
}

static js_status this_boolean(const js_args *a, bool *b)
{
    js_value v = a->this_value;
    if (v.type == JS_TOBJECT && v.u.object->cls == CLASS_BOOLEAN)
        v = v.u.object->u.primitive;
    if (v.type != JS_TBOOLEAN)
        return throw_kind(a->vm, ERR_TYPE, "Boolean.prototype method called on incompatible receiver");
    *b = v.u.boolean;
    return JS_OK;
}

static js_status boolean_to_string(const js_args *a, js_value *out)
{
    bool b = false;
    js_status st = this_boolean(a, &b);
    if (st == JS_OK)
        *out = js_strv(b ? A(a->vm, true) : A(a->vm, false));
    return st;
}

static js_status boolean_value_of(const js_args *a, js_value *out)
{
    bool b = false;
    js_status st = this_boolean(a, &b);
    if (st == JS_OK)
        *out = js_bool(b);
    return st;
}

void builtin_boolean(js_vm *vm)
{
    js_object *proto = obj_new(vm, CLASS_BOOLEAN, vm->in.object_prototype);
    proto->u.primitive = js_bool(false);
    vm->in.boolean_prototype = proto;
    define_ctor(vm, "Boolean", 1, boolean_ctor, proto);
    define_native(vm, proto, "toString", 0, boolean_to_string);
    define_native(vm, proto, "valueOf", 0, boolean_value_of);
}
