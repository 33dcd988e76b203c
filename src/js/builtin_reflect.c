/* builtin_reflect.c - the Reflect object (ECMA-262 28.1): the internal methods of objects as
 * functions.
 *
 * Each function requires an object as its target ("Reflect.get called on non-object", as V8
 * says) and then is the internal method: [[Get]] and [[Set]] with a receiver (object.c's obj_get
 * and obj_set), [[HasProperty]], [[Delete]], [[OwnPropertyKeys]], [[GetPrototypeOf]],
 * [[SetPrototypeOf]], [[IsExtensible]], [[PreventExtensions]], [[GetOwnProperty]] and
 * [[DefineOwnProperty]], plus Call and Construct with an argument list (CreateListFromArrayLike,
 * 7.3.19).  Where Object's function throws a TypeError, Reflect's returns false: set,
 * defineProperty, deleteProperty and setPrototypeOf report whether they succeeded.
 *
 * getOwnPropertyDescriptor and defineProperty are builtin_object.c's Object functions (their
 * descriptors, their validation and messages), called directly: their C functions are taken
 * from %Object% when the VM is made, before a program could replace them.  Object's
 * defineProperty throws where [[DefineOwnProperty]] returns false ("Cannot redefine property"),
 * which Reflect turns into false; a new property on a non-extensible object is refused here,
 * after the descriptor has been read and checked (on a scratch object), as the specification
 * orders it.  Reflect.set predicts OrdinarySet's answer (28.1.13, 10.1.9.2) - a read-only
 * property, a missing setter, a receiver that is no object or cannot take the property - and
 * only then assigns.
 */
#include "jsi.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Object.defineProperty and Object.getOwnPropertyDescriptor (the same C functions in every VM) */
static js_native_fn object_define_property, object_get_own_property_descriptor;

#define MAX_ARGUMENTS 125000 /* about where Node 20 overflows its stack */

static js_status require_target(const js_args *a, const char *name, js_object **o)
{
    js_value t = js_arg(a, 0);
    if (t.type != JS_TOBJECT)
        return throw_kind(a->vm, ERR_TYPE, "Reflect.%s called on non-object", name);
    *o = t.u.object;
    return JS_OK;
}

static js_value key_value(js_key key)
{
    js_value v;
    if (key_is_symbol(key)) {
        v.type = JS_TSYMBOL;
        v.u.symbol = (js_symbol *)key;
    } else {
        v = js_strv((js_string *)key);
    }
    return v;
}

/* the target and ToPropertyKey(argument 1) */
static js_status target_and_key(const js_args *a, const char *name, js_object **o, js_key *key)
{
    js_status st = require_target(a, name, o);
    if (st != JS_OK)
        return st;
    return to_key(a->vm, js_arg(a, 1), key);
}

/* What [[GetOwnProperty]] finds, as far as [[Set]] and [[DefineOwnProperty]] need it. */
typedef enum { OWN_NONE, OWN_DATA, OWN_ACCESSOR } own_kind;

static own_kind own_property(js_vm *vm, js_object *o, js_key key, bool *writable,
                             js_object **setter)
{
    uint32_t i;
    bool is_index = array_index_of_key(key, &i);
    bool dense = o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS;
    *writable = false;
    *setter = NULL;
    if (is_index && dense && i < o->u.array.length && o->u.array.items[i].type != JS_THOLE) {
        *writable = !o->frozen_hint;
        return OWN_DATA;
    }
    if (o->cls == CLASS_STRING && ((is_index && i < o->u.primitive.u.string->length) ||
                                   key == &A(vm, length)->gc))
        return OWN_DATA;
    if (o->cls == CLASS_ARRAY && key == &A(vm, length)->gc) {
        *writable = !o->frozen_hint;
        return OWN_DATA;
    }
    js_prop *p = prop_find(vm, o, key);
    if (!p)
        return OWN_NONE;
    if (p->flags & PROP_ACCESSOR) {
        *setter = p->setter;
        return OWN_ACCESSOR;
    }
    *writable = p->flags & PROP_WRITABLE;
    return OWN_DATA;
}

/* CreateListFromArrayLike (7.3.19) */
static js_status list_from_array_like(js_vm *vm, js_value v, js_value **items, int *n)
{
    *items = NULL;
    *n = 0;
    if (v.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "CreateListFromArrayLike called on non-object");
    js_value lv;
    double len;
    js_status st = obj_get(vm, v.u.object, &A(vm, length)->gc, v, &lv);
    if (st != JS_OK || (st = to_number(vm, lv, &len)) != JS_OK)
        return st;
    len = len > 0 ? to_integer(len) : 0;
    if (len > 4294967295.0)
        return throw_kind(vm, ERR_RANGE, "Invalid array length");
    if (len > MAX_ARGUMENTS)
        return throw_kind(vm, ERR_RANGE, "Maximum call stack size exceeded");
    *items = malloc((size_t)(len > 0 ? len : 1) * sizeof **items);
    if (!*items)
        ls_out_of_memory(0);
    for (int i = 0; i < (int)len; i++)
        if ((st = val_get_elem(vm, v, js_number(i), &(*items)[i])) != JS_OK) {
            free(*items);
            *items = NULL;
            return st;
        }
    *n = (int)len;
    return JS_OK;
}

/* ---- the functions ----------------------------------------------------------------------------- */

/* "a number", "an object", "null": how V8's apply message names a type */
static const char *type_phrase(js_value v)
{
    switch (v.type) {
    case JS_TNULL: return "null";
    case JS_TOBJECT: return "an object";
    case JS_TNUMBER: return "a number";
    case JS_TSTRING: return "a string";
    case JS_TBOOLEAN: return "a boolean";
    case JS_TSYMBOL: return "a symbol";
    case JS_TBIGINT: return "a bigint";
    default: return "a undefined";
    }
}

static js_status reflect_apply(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value target = js_arg(a, 0);
    if (!js_is_callable(target))
        return throw_kind(vm, ERR_TYPE, "Function.prototype.apply was called on %s, which is %s "
                                        "and not a function",
                          val_describe(vm, target)->chars, type_phrase(target));
    js_value *args;
    int n;
    js_status st = list_from_array_like(vm, js_arg(a, 2), &args, &n);
    if (st != JS_OK)
        return st;
    st = vm_call(vm, target, js_arg(a, 1), n, args, out);
    free(args);
    return st;
}

static js_status require_constructor(js_vm *vm, js_value v)
{
    if (val_is_constructor(v))
        return JS_OK;
    return throw_kind(vm, ERR_TYPE, "%s is not a constructor", val_describe(vm, v)->chars);
}

static js_status reflect_construct(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value target = js_arg(a, 0), new_target = a->argc > 2 ? a->argv[2] : target;
    js_status st = require_constructor(vm, target);
    if (st != JS_OK || (st = require_constructor(vm, new_target)) != JS_OK)
        return st;
    js_value *args;
    int n;
    if ((st = list_from_array_like(vm, js_arg(a, 1), &args, &n)) != JS_OK)
        return st;
    st = vm_construct(vm, target, n, args, new_target, out);
    free(args);
    return st;
}

/* Object.defineProperty(target, key, attributes) through its C function */
static js_status call_define_property(const js_args *a, js_value target, js_key key)
{
    js_value args[3] = {target, key_value(key), js_arg(a, 2)}, r;
    js_args b = {a->vm, js_undefined(), 3, args, js_undefined(), a->callee};
    return object_define_property(&b, &r);
}

/* the exception is a TypeError for a property that cannot be (re)defined */
static bool refused_definition(js_vm *vm)
{
    js_value ex = vm->exception, msg;
    if (ex.type != JS_TOBJECT || ex.u.object->proto != vm->in.error_protos[ERR_TYPE])
        return false;
    js_prop *p = prop_find(vm, ex.u.object, &A(vm, message)->gc);
    msg = p ? p->value : js_undefined();
    return msg.type == JS_TSTRING && (strncmp(msg.u.string->chars, "Cannot redefine property", 24) == 0 ||
                                      strncmp(msg.u.string->chars, "Cannot define property", 22) == 0);
}

static js_status reflect_define_property(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    js_key key;
    js_status st = target_and_key(a, "defineProperty", &o, &key);
    if (st != JS_OK)
        return st;
    bool writable;
    js_object *setter;
    *out = js_bool(false);
    if (!o->extensible && own_property(vm, o, key, &writable, &setter) == OWN_NONE) {
        /* ToPropertyDescriptor still reads and checks the attributes */
        js_object *scratch = obj_new(vm, CLASS_OBJECT, NULL);
        return call_define_property(a, js_obj(scratch), key);
    }
    st = call_define_property(a, js_obj(o), key);
    if (st == JS_THROW && refused_definition(vm)) {
        js_take_exception(vm);
        return JS_OK;
    }
    *out = js_bool(st == JS_OK);
    return st;
}

static js_status reflect_delete_property(const js_args *a, js_value *out)
{
    js_object *o = NULL;
    bool done = false;
    js_status st = require_target(a, "deleteProperty", &o);
    if (st == JS_OK)
        st = val_delete(a->vm, js_obj(o), js_arg(a, 1), false, &done);
    *out = js_bool(done);
    return st;
}

static js_status reflect_get(const js_args *a, js_value *out)
{
    js_object *o = NULL;
    js_key key;
    js_status st = target_and_key(a, "get", &o, &key);
    if (st != JS_OK)
        return st;
    return obj_get(a->vm, o, key, a->argc > 2 ? a->argv[2] : js_obj(o), out);
}

static js_status reflect_get_own_property_descriptor(const js_args *a, js_value *out)
{
    js_object *o = NULL;
    js_status st = require_target(a, "getOwnPropertyDescriptor", &o);
    if (st != JS_OK)
        return st;
    js_value args[2] = {js_obj(o), js_arg(a, 1)};
    js_args b = {a->vm, js_undefined(), 2, args, js_undefined(), a->callee};
    return object_get_own_property_descriptor(&b, out);
}

static js_status reflect_get_prototype_of(const js_args *a, js_value *out)
{
    js_object *o = NULL;
    js_status st = require_target(a, "getPrototypeOf", &o);
    if (st == JS_OK)
        *out = o->proto ? js_obj(o->proto) : js_null();
    return st;
}

static js_status reflect_has(const js_args *a, js_value *out)
{
    js_object *o = NULL;
    bool has = false;
    js_status st = require_target(a, "has", &o);
    if (st == JS_OK)
        st = val_has(a->vm, js_obj(o), js_arg(a, 1), &has);
    *out = js_bool(has);
    return st;
}

static js_status reflect_is_extensible(const js_args *a, js_value *out)
{
    js_object *o = NULL;
    js_status st = require_target(a, "isExtensible", &o);
    if (st == JS_OK)
        *out = js_bool(o->extensible);
    return st;
}

/* [[OwnPropertyKeys]]: integer keys, "length" of an array or a String object, the other
 * strings, the symbols */
static js_status reflect_own_keys(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    js_status st = require_target(a, "ownKeys", &o);
    if (st != JS_OK)
        return st;
    uint32_t n;
    js_value *keys = obj_own_property_keys(vm, o, true, true, &n);
    *out = js_new_array(vm, (int)n, keys);
    free(keys);
    return JS_OK;
}

static js_status reflect_prevent_extensions(const js_args *a, js_value *out)
{
    js_object *o = NULL;
    js_status st = require_target(a, "preventExtensions", &o);
    if (st != JS_OK)
        return st;
    gc_note_write(a->vm, o);
    o->extensible = false;
    *out = js_bool(true);
    return JS_OK;
}

/* OrdinarySet's answer (10.1.9.2) before anything is assigned: false for a read-only property,
 * an accessor without a setter, a receiver that is no object, or one that cannot take the
 * property */
static bool set_succeeds(js_vm *vm, js_object *o, js_key key, js_value receiver)
{
    bool writable;
    js_object *setter;
    for (js_object *x = o; x; x = x->proto) {
        own_kind k = own_property(vm, x, key, &writable, &setter);
        if (k == OWN_ACCESSOR)
            return setter != NULL;
        if (k == OWN_DATA && !writable)
            return false;
        if (k == OWN_DATA)
            break;
    }
    if (receiver.type != JS_TOBJECT)
        return false;
    js_object *r = receiver.u.object;
    own_kind k = own_property(vm, r, key, &writable, &setter);
    if (k == OWN_ACCESSOR)
        return false;
    return k == OWN_DATA ? writable : r->extensible;
}

static js_status reflect_set(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    js_key key;
    js_status st = target_and_key(a, "set", &o, &key);
    if (st != JS_OK)
        return st;
    js_value receiver = a->argc > 3 ? a->argv[3] : js_obj(o);
    *out = js_bool(set_succeeds(vm, o, key, receiver));
    if (!out->u.boolean)
        return JS_OK;
    return obj_set(vm, o, key, js_arg(a, 2), receiver, false);
}

/* [[SetPrototypeOf]] (10.1.2.1): false for a non-extensible object or a cycle */
static js_status reflect_set_prototype_of(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    js_status st = require_target(a, "setPrototypeOf", &o);
    if (st != JS_OK)
        return st;
    js_value pv = js_arg(a, 1);
    if (pv.type != JS_TOBJECT && pv.type != JS_TNULL)
        return throw_kind(vm, ERR_TYPE, "Object prototype may only be an Object or null: %s",
                          val_describe(vm, pv)->chars);
    *out = js_bool(obj_set_prototype(vm, o, pv.type == JS_TOBJECT ? pv.u.object : NULL) ==
                   SETPROTO_OK);
    return JS_OK;
}

/* ---- the object -------------------------------------------------------------------------------- */

static js_native_fn object_function(js_vm *vm, const char *name)
{
    js_prop *p = prop_find(vm, vm->in.object_ctor, &atom_cstr(vm, name)->gc);
    return p->value.u.object->u.native.call;
}

void builtin_reflect(js_vm *vm)
{
    object_define_property = object_function(vm, "defineProperty");
    object_get_own_property_descriptor = object_function(vm, "getOwnPropertyDescriptor");
    js_object *reflect = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    prop_define_value(vm, vm->global, &atom_cstr(vm, "Reflect")->gc, js_obj(reflect), PROP_HIDDEN);
    static const struct {
        const char *name;
        int length;
        js_native_fn fn;
    } fns[] = {
        {"defineProperty", 3, reflect_define_property},
        {"deleteProperty", 2, reflect_delete_property},
        {"apply", 3, reflect_apply},
        {"construct", 2, reflect_construct},
        {"get", 2, reflect_get},
        {"getOwnPropertyDescriptor", 2, reflect_get_own_property_descriptor},
        {"getPrototypeOf", 1, reflect_get_prototype_of},
        {"has", 2, reflect_has},
        {"isExtensible", 1, reflect_is_extensible},
        {"ownKeys", 1, reflect_own_keys},
        {"preventExtensions", 1, reflect_prevent_extensions},
        {"set", 3, reflect_set},
        {"setPrototypeOf", 2, reflect_set_prototype_of},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        define_native(vm, reflect, fns[i].name, fns[i].length, fns[i].fn);
    prop_define_value(vm, reflect, sym_key(vm->sym.to_string_tag),
                      js_strv(atom_cstr(vm, "Reflect")), PROP_CONFIGURABLE);
}
