/* conv.c - ECMA-262's type conversions (7.1) and the operators built on them (7.2, 13): what
 * `+`, `==`, `<`, `instanceof` and template literals do to their operands.
 *
 * Objects become primitives through Symbol.toPrimitive, then valueOf/toString (or the other way
 * round for the string hint), each of which may be the program's own function: these run
 * JavaScript, so every conversion returns a js_status.  Numbers print as numconv.c does (V8's
 * shortest round-trip digits).
 *
 * BigInts (builtin_bigint.c) are numeric values that never mix with Numbers: ToNumber of one is
 * a TypeError and the arithmetic operators take ToNumeric of both operands (7.1.3), but
 * comparisons and == compare a BigInt with a Number or a numeric string mathematically
 * (7.2.13 IsLessThan, 7.2.14 IsLooselyEqual).
 */
#include "jsi.h"

#include <math.h>
#include <string.h>

#include "numconv.h"

bool to_boolean(js_value v)
{
    switch (v.type) {
    case JS_TUNDEFINED:
    case JS_TNULL:
    case JS_THOLE:
        return false;
    case JS_TBOOLEAN:
        return v.u.boolean;
    case JS_TNUMBER:
        return !(v.u.number == 0 || isnan(v.u.number));
    case JS_TSTRING:
        return v.u.string->len != 0;
    case JS_TSYMBOL:
    case JS_TOBJECT:
        return true;
    case JS_TBIGINT:
        return v.u.bigint->len != 0;
    }
    return false;
}

bool js_to_boolean(js_value v)
{
    return to_boolean(v);
}

static js_status call_method(js_vm *vm, js_value obj, js_key key, bool *called, js_value *out)
{
    js_value fn;
    js_status st = obj_get(vm, obj.u.object, key, obj, &fn);
    if (st != JS_OK)
        return st;
    *called = false;
    if (!js_is_callable(fn))
        return JS_OK;
    *called = true;
    return vm_call(vm, fn, obj, 0, NULL, out);
}

js_status to_primitive(js_vm *vm, js_value v, int hint, js_value *out)
{
    if (v.type != JS_TOBJECT) {
        *out = v;
        return JS_OK;
    }
    js_value exotic;
    js_status st = obj_get(vm, v.u.object, &vm->sym.to_primitive->gc, v, &exotic);
    if (st != JS_OK)
        return st;
    if (!js_is_nullish(exotic)) {
        if (!js_is_callable(exotic))
            return throw_kind(vm, ERR_TYPE, "Symbol.toPrimitive is not a function");
        js_value h = js_strv(atom_cstr(vm, hint == 1 ? "number" : hint == 2 ? "string" : "default"));
        st = vm_call(vm, exotic, v, 1, &h, out);
        if (st != JS_OK)
            return st;
        if (out->type == JS_TOBJECT)
            return throw_kind(vm, ERR_TYPE, "Cannot convert object to primitive value");
        return JS_OK;
    }
    /* Date objects default to the string hint */
    if (hint == 0 && v.u.object->cls == CLASS_DATE)
        hint = 2;
    js_key order[2] = {&A(vm, valueOf)->gc, &A(vm, toString)->gc};
    if (hint == 2) {
        order[0] = &A(vm, toString)->gc;
        order[1] = &A(vm, valueOf)->gc;
    }
    for (int i = 0; i < 2; i++) {
        bool called;
        js_value r;
        st = call_method(vm, v, order[i], &called, &r);
        if (st != JS_OK)
            return st;
        if (called && r.type != JS_TOBJECT) {
            *out = r;
            return JS_OK;
        }
    }
    return throw_kind(vm, ERR_TYPE, "Cannot convert object to primitive value");
}

js_status to_number(js_vm *vm, js_value v, double *out)
{
    switch (v.type) {
    case JS_TUNDEFINED:
    case JS_THOLE:
        *out = NAN;
        return JS_OK;
    case JS_TNULL:
        *out = 0;
        return JS_OK;
    case JS_TBOOLEAN:
        *out = v.u.boolean ? 1 : 0;
        return JS_OK;
    case JS_TNUMBER:
        *out = v.u.number;
        return JS_OK;
    case JS_TSTRING:
        *out = js_string_to_number(v.u.string->chars, v.u.string->len);
        return JS_OK;
    case JS_TSYMBOL:
        return throw_kind(vm, ERR_TYPE, "Cannot convert a Symbol value to a number");
    case JS_TBIGINT:
        return throw_kind(vm, ERR_TYPE, "Cannot convert a BigInt value to a number");
    case JS_TOBJECT: {
        js_value p;
        js_status st = to_primitive(vm, v, 1, &p);
        if (st != JS_OK)
            return st;
        return to_number(vm, p, out);
    }
    }
    *out = NAN;
    return JS_OK;
}

js_status js_to_number(js_vm *vm, js_value v, double *out)
{
    return to_number(vm, v, out);
}

/* ToNumeric (7.1.3): a BigInt stays one, anything else becomes a Number */
js_status to_numeric(js_vm *vm, js_value v, js_value *out)
{
    js_value p = v;
    js_status st;
    if (v.type == JS_TOBJECT && (st = to_primitive(vm, v, 1, &p)) != JS_OK)
        return st;
    if (p.type == JS_TBIGINT) {
        *out = p;
        return JS_OK;
    }
    double d;
    st = to_number(vm, p, &d);
    *out = js_number(d);
    return st;
}

js_status to_string(js_vm *vm, js_value v, js_string **out)
{
    switch (v.type) {
    case JS_TUNDEFINED:
    case JS_THOLE:
        *out = A(vm, undefined);
        return JS_OK;
    case JS_TNULL:
        *out = A(vm, null);
        return JS_OK;
    case JS_TBOOLEAN:
        *out = v.u.boolean ? A(vm, true) : A(vm, false);
        return JS_OK;
    case JS_TNUMBER:
        *out = str_from_number(vm, v.u.number);
        return JS_OK;
    case JS_TSTRING:
        *out = v.u.string;
        return JS_OK;
    case JS_TSYMBOL:
        return throw_kind(vm, ERR_TYPE, "Cannot convert a Symbol value to a string");
    case JS_TBIGINT:
        *out = bigint_to_string(vm, v.u.bigint, 10);
        return JS_OK;
    case JS_TOBJECT: {
        js_value p;
        js_status st = to_primitive(vm, v, 2, &p);
        if (st != JS_OK)
            return st;
        return to_string(vm, p, out);
    }
    }
    *out = A(vm, empty);
    return JS_OK;
}

js_status js_to_string(js_vm *vm, js_value v, js_string **out)
{
    return to_string(vm, v, out);
}

js_string *js_to_string_safe(js_vm *vm, js_value v)
{
    if (v.type == JS_TSYMBOL) {
        js_symbol *s = v.u.symbol;
        return str_printf(vm, "Symbol(%s)", s->description ? s->description->chars : "");
    }
    js_string *s;
    bool saved = vm->has_exception;
    js_value saved_ex = vm->exception;
    if (to_string(vm, v, &s) != JS_OK) {
        vm->has_exception = saved;
        vm->exception = saved_ex;
        return str_cstr(vm, v.type == JS_TOBJECT ? "[object Object]" : "?");
    }
    return s;
}

js_status to_object(js_vm *vm, js_value v, js_object **out)
{
    js_class cls;
    js_object *proto;
    switch (v.type) {
    case JS_TOBJECT:
        *out = v.u.object;
        return JS_OK;
    case JS_TUNDEFINED:
    case JS_TNULL:
    case JS_THOLE:
        return throw_kind(vm, ERR_TYPE, "Cannot convert undefined or null to object");
    case JS_TBOOLEAN:
        cls = CLASS_BOOLEAN;
        proto = vm->in.boolean_prototype;
        break;
    case JS_TNUMBER:
        cls = CLASS_NUMBER;
        proto = vm->in.number_prototype;
        break;
    case JS_TSTRING:
        cls = CLASS_STRING;
        proto = vm->in.string_prototype;
        break;
    case JS_TBIGINT:
        cls = CLASS_BIGINT;
        proto = vm->in.bigint_prototype;
        break;
    default:
        cls = CLASS_SYMBOL;
        proto = vm->in.symbol_prototype;
        break;
    }
    js_object *o = obj_new(vm, cls, proto);
    o->u.primitive = v;
    *out = o;
    return JS_OK;
}

/* ---- equality ------------------------------------------------------------------------------- */

bool strict_equals(js_value a, js_value b)
{
    if (a.type != b.type)
        return false;
    switch (a.type) {
    case JS_TUNDEFINED:
    case JS_TNULL:
    case JS_THOLE:
        return true;
    case JS_TBOOLEAN:
        return a.u.boolean == b.u.boolean;
    case JS_TNUMBER:
        return a.u.number == b.u.number;
    case JS_TSTRING:
        return str_equal(a.u.string, b.u.string);
    case JS_TSYMBOL:
        return a.u.symbol == b.u.symbol;
    case JS_TOBJECT:
        return a.u.object == b.u.object;
    case JS_TBIGINT:
        return bigint_equal(a.u.bigint, b.u.bigint);
    }
    return false;
}

bool js_strict_equals(js_value a, js_value b)
{
    return strict_equals(a, b);
}

bool same_value_zero(js_value a, js_value b)
{
    if (a.type == JS_TNUMBER && b.type == JS_TNUMBER && isnan(a.u.number) && isnan(b.u.number))
        return true;
    return strict_equals(a, b);
}

bool same_value(js_value a, js_value b)
{
    if (a.type == JS_TNUMBER && b.type == JS_TNUMBER) {
        if (isnan(a.u.number) && isnan(b.u.number))
            return true;
        if (a.u.number == 0 && b.u.number == 0)
            return signbit(a.u.number) == signbit(b.u.number);
    }
    return strict_equals(a, b);
}

js_status loose_equals(js_vm *vm, js_value a, js_value b, bool *out)
{
    for (;;) {
        if (a.type == b.type) {
            *out = strict_equals(a, b);
            return JS_OK;
        }
        if (js_is_nullish(a) && js_is_nullish(b)) {
            *out = true;
            return JS_OK;
        }
        if (js_is_nullish(a) || js_is_nullish(b)) {
            *out = false;
            return JS_OK;
        }
        if (a.type == JS_TNUMBER && b.type == JS_TSTRING) {
            *out = a.u.number == js_string_to_number(b.u.string->chars, b.u.string->len);
            return JS_OK;
        }
        if (a.type == JS_TSTRING && b.type == JS_TNUMBER) {
            *out = js_string_to_number(a.u.string->chars, a.u.string->len) == b.u.number;
            return JS_OK;
        }
        if (a.type == JS_TSTRING && b.type == JS_TBIGINT) {
            js_value t = a;
            a = b;
            b = t;
        }
        if (a.type == JS_TBIGINT && b.type == JS_TSTRING) { /* StringToBigInt, or unequal */
            js_bigint *n = bigint_from_text(vm, b.u.string->chars, b.u.string->len, false);
            *out = n && bigint_equal(a.u.bigint, n);
            return JS_OK;
        }
        if (a.type == JS_TBOOLEAN) {
            a = js_number(a.u.boolean ? 1 : 0);
            continue;
        }
        if (b.type == JS_TBOOLEAN) {
            b = js_number(b.u.boolean ? 1 : 0);
            continue;
        }
        if (a.type == JS_TOBJECT && b.type != JS_TOBJECT) {
            js_status st = to_primitive(vm, a, 0, &a);
            if (st != JS_OK)
                return st;
            continue;
        }
        if (b.type == JS_TOBJECT && a.type != JS_TOBJECT) {
            js_status st = to_primitive(vm, b, 0, &b);
            if (st != JS_OK)
                return st;
            continue;
        }
        if (a.type == JS_TNUMBER && b.type == JS_TBIGINT) {
            js_value t = a;
            a = b;
            b = t;
        }
        if (a.type == JS_TBIGINT && b.type == JS_TNUMBER) { /* mathematically; NaN never */
            *out = !isnan(b.u.number) && bigint_compare_number(vm, a.u.bigint, b.u.number) == 0;
            return JS_OK;
        }
        *out = false;
        return JS_OK;
    }
}

/* ---- operators ------------------------------------------------------------------------------ */

js_status op_add(js_vm *vm, js_value a, js_value b, js_value *out)
{
    if (a.type == JS_TNUMBER && b.type == JS_TNUMBER) {
        *out = js_number(a.u.number + b.u.number);
        return JS_OK;
    }
    js_value pa, pb;
    js_status st = to_primitive(vm, a, 0, &pa);
    if (st != JS_OK)
        return st;
    if ((st = to_primitive(vm, b, 0, &pb)) != JS_OK)
        return st;
    if (pa.type == JS_TSTRING || pb.type == JS_TSTRING) {
        js_string *sa, *sb;
        if ((st = to_string(vm, pa, &sa)) != JS_OK)
            return st;
        if ((st = to_string(vm, pb, &sb)) != JS_OK)
            return st;
        js_string *r = str_concat(vm, sa, sb);
        if (!r)
            return throw_kind(vm, ERR_RANGE, "Invalid string length");
        *out = js_strv(r);
        return JS_OK;
    }
    js_value na, nb;
    if ((st = to_numeric(vm, pa, &na)) != JS_OK || (st = to_numeric(vm, pb, &nb)) != JS_OK)
        return st;
    return op_numeric(vm, OP_ADD, na, nb, out);
}

/* IsLessThan(a, b): *out -1 (a < b), 0 (not), 1 (undefined: a NaN) */
js_status op_compare(js_vm *vm, js_value a, js_value b, bool left_first, int *out)
{
    js_value pa, pb;
    js_status st;
    if (left_first) {
        if ((st = to_primitive(vm, a, 1, &pa)) != JS_OK)
            return st;
        if ((st = to_primitive(vm, b, 1, &pb)) != JS_OK)
            return st;
    } else {
        if ((st = to_primitive(vm, b, 1, &pb)) != JS_OK)
            return st;
        if ((st = to_primitive(vm, a, 1, &pa)) != JS_OK)
            return st;
    }
    if (pa.type == JS_TSTRING && pb.type == JS_TSTRING) {
        *out = str_compare(pa.u.string, pb.u.string) < 0 ? -1 : 0;
        return JS_OK;
    }
    /* a BigInt and a string: the string's StringToBigInt, undefined if it has none */
    if ((pa.type == JS_TBIGINT && pb.type == JS_TSTRING) ||
        (pa.type == JS_TSTRING && pb.type == JS_TBIGINT)) {
        js_value *sv = pa.type == JS_TSTRING ? &pa : &pb;
        js_bigint *n = bigint_from_text(vm, sv->u.string->chars, sv->u.string->len, false);
        if (!n) {
            *out = 1;
            return JS_OK;
        }
        *sv = js_bigv(n);
    }
    js_value na, nb;
    if ((st = to_numeric(vm, pa, &na)) != JS_OK || (st = to_numeric(vm, pb, &nb)) != JS_OK)
        return st;
    if (na.type == JS_TBIGINT || nb.type == JS_TBIGINT) {
        int c;
        if (na.type == JS_TBIGINT && nb.type == JS_TBIGINT)
            c = bigint_compare(na.u.bigint, nb.u.bigint);
        else if (isnan(na.type == JS_TNUMBER ? na.u.number : nb.u.number))
            c = 2;
        else if (na.type == JS_TBIGINT)
            c = bigint_compare_number(vm, na.u.bigint, nb.u.number);
        else
            c = -bigint_compare_number(vm, nb.u.bigint, na.u.number);
        *out = c == 2 ? 1 : c < 0 ? -1 : 0;
        return JS_OK;
    }
    double x = na.u.number, y = nb.u.number;
    if (isnan(x) || isnan(y))
        *out = 1;
    else
        *out = x < y ? -1 : 0;
    return JS_OK;
}

js_status op_instanceof(js_vm *vm, js_value v, js_value ctor, bool *out)
{
    if (ctor.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Right-hand side of 'instanceof' is not callable");
    js_value hi;
    js_status st = obj_get(vm, ctor.u.object, &vm->sym.has_instance->gc, ctor, &hi);
    if (st != JS_OK)
        return st;
    if (!js_is_nullish(hi) && !(hi.type == JS_TOBJECT && hi.u.object == vm->in.has_instance)) {
        js_value r;
        st = vm_call(vm, hi, ctor, 1, &v, &r);
        if (st != JS_OK)
            return st;
        *out = to_boolean(r);
        return JS_OK;
    }
    if (!js_is_callable(ctor))
        return throw_kind(vm, ERR_TYPE, "Right-hand side of 'instanceof' is not callable");
    js_object *c = ctor.u.object;
    if (c->cls == CLASS_BOUND)
        return op_instanceof(vm, v, c->u.bound.target, out);
    if (v.type != JS_TOBJECT) {
        *out = false;
        return JS_OK;
    }
    js_value proto;
    if ((st = obj_get(vm, c, &A(vm, prototype)->gc, ctor, &proto)) != JS_OK)
        return st;
    if (proto.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Function has non-object prototype '%s' in instanceof "
                                        "check", js_to_string_safe(vm, proto)->chars);
    for (js_object *o = v.u.object->proto; o; o = o->proto)
        if (o == proto.u.object) {
            *out = true;
            return JS_OK;
        }
    *out = false;
    return JS_OK;
}

const char *js_typeof(js_value v)
{
    switch (v.type) {
    case JS_TUNDEFINED:
    case JS_THOLE:
        return "undefined";
    case JS_TNULL:
        return "object";
    case JS_TBOOLEAN:
        return "boolean";
    case JS_TNUMBER:
        return "number";
    case JS_TSTRING:
        return "string";
    case JS_TSYMBOL:
        return "symbol";
    case JS_TOBJECT:
        return js_is_callable(v) ? "function" : "object";
    case JS_TBIGINT:
        return "bigint";
    }
    return "undefined";
}

js_string *typeof_string(js_vm *vm, js_value v)
{
    return atom_cstr(vm, js_typeof(v));
}

double to_integer(double d)
{
    if (isnan(d))
        return 0;
    if (isinf(d))
        return d;
    return trunc(d) + 0.0;
}

js_status to_length(js_vm *vm, js_value v, uint32_t *out)
{
    double d;
    js_status st = to_number(vm, v, &d);
    if (st != JS_OK)
        return st;
    d = to_integer(d);
    if (d <= 0)
        *out = 0;
    else if (d >= 4294967295.0)
        *out = 4294967295u;
    else
        *out = (uint32_t)d;
    return JS_OK;
}
