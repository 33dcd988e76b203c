/* builtin_global.c - the global object's own properties (ECMA-262 19): globalThis, NaN,
 * Infinity, undefined, parseInt, parseFloat, isNaN, isFinite. */
#include "jsi.h"

#include <math.h>

#include "numconv.h"

static js_status g_parse_int(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_string *s;
    js_status st = to_string(vm, js_arg(a, 0), &s);
    if (st != JS_OK)
        return st;
    double r = 0;
    if ((st = to_number(vm, js_arg(a, 1), &r)) != JS_OK)
        return st;
    *out = js_number(js_parse_int(s->chars, s->len, js_to_int32(r)));
    return JS_OK;
}

static js_status g_parse_float(const js_args *a, js_value *out)
{
    js_string *s;
    js_status st = to_string(a->vm, js_arg(a, 0), &s);
    if (st != JS_OK)
        return st;
    *out = js_number(js_parse_float(s->chars, s->len));
    return JS_OK;
}

static js_status g_is_nan(const js_args *a, js_value *out)
{
    double d;
    js_status st = to_number(a->vm, js_arg(a, 0), &d);
    *out = js_bool(isnan(d));
    return st;
}

static js_status g_is_finite(const js_args *a, js_value *out)
{
    double d;
    js_status st = to_number(a->vm, js_arg(a, 0), &d);
    *out = js_bool(isfinite(d));
    return st;
}

void builtin_global(js_vm *vm)
{
    js_object *g = vm->global;
    prop_define_value(vm, g, &atom_cstr(vm, "globalThis")->gc, js_obj(g), PROP_HIDDEN);
    prop_define_value(vm, g, &atom_cstr(vm, "NaN")->gc, js_number(NAN), 0);
    prop_define_value(vm, g, &atom_cstr(vm, "Infinity")->gc, js_number(INFINITY), 0);
    prop_define_value(vm, g, &A(vm, undefined)->gc, js_undefined(), 0);
    js_object *pi = define_native(vm, g, "parseInt", 2, g_parse_int);
    js_object *pf = define_native(vm, g, "parseFloat", 1, g_parse_float);
    define_native(vm, g, "isNaN", 1, g_is_nan);
    define_native(vm, g, "isFinite", 1, g_is_finite);
    /* Number.parseInt === parseInt (ECMA-262 21.1.2.12-13): the same function objects */
    js_value number;
    if (obj_get(vm, g, &atom_cstr(vm, "Number")->gc, js_obj(g), &number) == JS_OK &&
        number.type == JS_TOBJECT) {
        prop_define_value(vm, number.u.object, &atom_cstr(vm, "parseInt")->gc, js_obj(pi),
                          PROP_HIDDEN);
        prop_define_value(vm, number.u.object, &atom_cstr(vm, "parseFloat")->gc, js_obj(pf),
                          PROP_HIDDEN);
    }
}
