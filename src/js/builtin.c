/* builtin.c - what the builtin objects share: making native functions and defining them, as
 * MuJS's jsbuiltin.c does for its library.  Each builtin object has its own file
 * (builtin_object.c, builtin_array.c, ...) with its constructor, prototype and methods. */
#include "jsi.h"
#include "xalloc.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

js_object *native_new(js_vm *vm, const char *name, int length, js_native_fn fn, bool ctor)
{
    js_object *f = obj_new(vm, CLASS_NATIVE, vm->in.function_prototype);
    f->u.native.call = fn;
    f->u.native.name = name;
    f->u.native.constructor = ctor;
    prop_define_value(vm, f, &A(vm, length)->gc, js_number(length), PROP_CONFIGURABLE);
    prop_define_value(vm, f, &A(vm, name)->gc, js_strv(atom_cstr(vm, name)), PROP_CONFIGURABLE);
    return f;
}

js_object *define_native(js_vm *vm, js_object *on, const char *name, int length, js_native_fn fn)
{
    js_object *f = native_new(vm, name, length, fn, false);
    prop_define_value(vm, on, &atom_cstr(vm, name)->gc, js_obj(f), PROP_HIDDEN);
    return f;
}

js_object *define_ctor(js_vm *vm, const char *name, int length, js_native_fn fn,
                       js_object *prototype)
{
    js_object *f = native_new(vm, name, length, fn, true);
    prop_define_value(vm, f, &A(vm, prototype)->gc, js_obj(prototype), 0);
    prop_define_value(vm, prototype, &A(vm, constructor)->gc, js_obj(f), PROP_HIDDEN);
    prop_define_value(vm, vm->global, &atom_cstr(vm, name)->gc, js_obj(f), PROP_HIDDEN);
    return f;
}

void define_getter(js_vm *vm, js_object *on, const char *name, js_native_fn fn)
{
    char buf[128];
    snprintf(buf, sizeof buf, "get %s", name);
    js_object *g = native_new(vm, atom_cstr(vm, buf)->chars, 0, fn, false);
    prop_define_accessor(vm, on, &atom_cstr(vm, name)->gc, g, NULL, PROP_CONFIGURABLE);
}

js_key sym_key(js_symbol *s)
{
    return &s->gc;
}

js_value js_new_native(js_vm *vm, const char *name, int length, js_native_fn fn, void *data,
                       int nslots)
{
    js_object *f = native_new(vm, name, length, fn, false);
    f->u.native.data = data;
    if (nslots) {
        f->u.native.slots = calloc((size_t)nslots, sizeof *f->u.native.slots);
        if (!f->u.native.slots)
            ls_out_of_memory(0);
        f->u.native.nslots = nslots;
    }
    return js_obj(f);
}

void *js_native_data(const js_object *callee)
{
    return callee->u.native.data;
}

js_native_fn js_native_function(js_value v)
{
    if (v.type != JS_TOBJECT || v.u.object->cls != CLASS_NATIVE)
        return NULL;
    return v.u.object->u.native.call;
}

js_value *js_native_slot(js_object *callee, int i)
{
    return &callee->u.native.slots[i];
}

void js_define_getter(js_vm *vm, js_object *obj, const char *name, js_native_fn fn, void *data,
                      bool enumerable)
{
    char buf[128];
    snprintf(buf, sizeof buf, "get %s", name);
    js_object *g = native_new(vm, atom_cstr(vm, buf)->chars, 0, fn, false);
    g->u.native.data = data;
    prop_define_accessor(vm, obj, &atom_cstr(vm, name)->gc, g, NULL,
                         PROP_CONFIGURABLE | (enumerable ? PROP_ENUMERABLE : 0));
}

void js_define_method(js_vm *vm, js_object *obj, const char *name, int length, js_native_fn fn,
                      void *data)
{
    js_object *f = native_new(vm, name, length, fn, false);
    f->u.native.data = data;
    prop_define_value(vm, obj ? obj : vm->global, &atom_cstr(vm, name)->gc, js_obj(f), PROP_HIDDEN);
}
