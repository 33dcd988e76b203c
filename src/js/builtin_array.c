/* builtin_array.c - Array (ECMA-262 23.1): the constructor, Array.isArray/of/from, Array[@@species]
 * and every method of Array.prototype, as V8 (Node 20) runs them.
 *
 * Every method is generic (23.1.3: "intentionally generic"): it works on `this` converted by
 * ToObject and on its "length" (LengthOfArrayLike, 7.3.18), reading and writing elements through
 * the abstract operations the specification names: HasProperty, Get, Set(..., true),
 * DeletePropertyOrThrow and CreateDataPropertyOrThrow (7.3).  The helpers below (has_elem,
 * get_elem, set_elem, delete_elem, create_elem) are those operations on an index; they take the
 * short way for the VM's dense arrays (object.c) where the result cannot differ, so the order of
 * the accesses a program can observe (getters, array-likes, holes filled from the prototype) is
 * the specification's, and a method on `arguments` or on {length: 2, 0: 'a', 1: 'b'} works as
 * on an array.  Lengths and indexes are int64_t: a length is at most 2^53 - 1 (ToLength).
 *
 * Where V8 words its errors differently from the abstract operations (a frozen array's
 * elements, "Array.prototype.map called on null or undefined" for some methods and "Cannot
 * convert undefined or null to object" for others), the messages are V8's.
 *
 * Methods that make a new array (concat, filter, flat, flatMap, map, slice, splice) make it
 * with ArraySpeciesCreate (10.4.2.3), so a subclass of Array gets its own class back; the
 * change-array-by-copy ones (toReversed, toSorted, toSpliced, with: 23.1.3.33-39) always make a
 * plain array.  The callback methods share one loop (iterate: forEach, map, filter, every, some
 * and the find family), as reduce/reduceRight and indexOf/lastIndexOf/includes share theirs.
 *
 * sort (23.1.3.30) is V8's: the elements are read into a work list (holes skipped, undefined
 * counted apart), sorted there by TimSort - a port of V8's third_party/v8/builtins/array-sort.tq,
 * so that a comparator that logs sees the same calls in the same order as on Node - and written
 * back, undefineds after the values and holes deleted at the end.  The receiver is not touched
 * if the comparator throws.
 *
 * join, toString and toLocaleString detect cycles as V8 does (its JoinStack): an array that is
 * already being joined further up the C stack joins as "".
 *
 * Shortcuts, taken only where nothing observable can differ: push appends to the vector of an
 * ordinary writable array, shift and unshift move it with memmove when nothing on the prototype
 * chain has elements (a hole then moves as a hole), and the results of map, filter, slice, ...
 * are written straight into the new array's vector.
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

js_object *make_iterator(js_vm *vm, int kind, js_value target);

#define MAX_SAFE_INTEGER 9007199254740991.0   /* 2^53 - 1: the largest length */
#define MAX_ARRAY_LENGTH 4294967295.0         /* 2^32 - 1: ArrayCreate's limit */
#define MAX_DENSE (1 << 24)                   /* object.c models no longer arrays */
#define MAX_FLAT_DEPTH 10000                  /* flat(Infinity) of a cyclic array */

enum { ITER_VALUES = 1, ITER_KEYS = 2, ITER_ENTRIES = 3 }; /* builtin_iterator.c's kinds */

static void oom(void)
{
    ls_out_of_memory(0);
}

/* ---- the abstract operations, on an index ----------------------------------------------------- */

static js_value index_value(int64_t i)
{
    return js_number((double)i);
}

static bool is_dense(const js_object *o)
{
    return o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS;
}

static bool own_dense(const js_object *o, int64_t i)
{
    return is_dense(o) && i < o->u.array.length && o->u.array.items[i].type != JS_THOLE;
}

/* HasProperty(O, i) */
static js_status has_elem(js_vm *vm, js_object *o, int64_t i, bool *out)
{
    if (own_dense(o, i)) {
        *out = true;
        return JS_OK;
    }
    return val_has(vm, js_obj(o), index_value(i), out);
}

/* Get(O, i) */
static js_status get_elem(js_vm *vm, js_object *o, int64_t i, js_value *out)
{
    return val_get_elem(vm, js_obj(o), index_value(i), out);
}

/* HasProperty(O, i), then Get(O, i) if it has it: the step of the methods that skip holes */
static js_status get_present(js_vm *vm, js_object *o, int64_t i, bool *present, js_value *out)
{
    js_status st = has_elem(vm, o, i, present);
    if (st != JS_OK || !*present)
        return st;
    return get_elem(vm, o, i, out);
}

/* Whether O has the own property `key` (the element i when key is NULL), and whether it is
 * read-only: a frozen array's element or length, a String object's characters and length, a
 * non-writable data property */
static js_status own_property(js_vm *vm, js_object *o, js_key key, int64_t i, bool *own,
                              bool *readonly)
{
    bool length = key == &A(vm, length)->gc;
    *own = key ? length && o->cls == CLASS_ARRAY : own_dense(o, i);
    *readonly = *own && o->frozen_hint;
    if (o->cls == CLASS_STRING && (key ? length : i < o->u.primitive.u.string->length)) {
        *own = *readonly = true;
    } else if (!*own && !(key == NULL && is_dense(o)) && o->props.live) {
        js_status st = key ? JS_OK : to_key(vm, index_value(i), &key);
        if (st != JS_OK)
            return st;
        js_prop *p = prop_find(vm, o, key);
        *own = p != NULL;
        *readonly = p && !(p->flags & (PROP_ACCESSOR | PROP_WRITABLE));
    }
    return JS_OK;
}

/* Set(O, key or i, v, true), with V8's messages for what cannot be written */
static js_status set_checked(js_vm *vm, js_object *o, js_key key, int64_t i, js_value v)
{
    bool own, readonly;
    js_status st = own_property(vm, o, key, i, &own, &readonly);
    if (st != JS_OK)
        return st;
    if (readonly || (!own && !o->extensible)) {
        char name[32];
        snprintf(name, sizeof name, "%lld", (long long)i);
        if (readonly)
            return throw_kind(vm, ERR_TYPE, "Cannot assign to read only property '%s' of %s '%s'",
                              key ? "length" : name,
                              js_is_callable(js_obj(o)) ? "function" : "object",
                              val_describe(vm, js_obj(o))->chars);
        return throw_kind(vm, ERR_TYPE, "Cannot add property %s, object is not extensible",
                          key ? "length" : name);
    }
    if (key)
        return val_set(vm, js_obj(o), key, v, true);
    return val_set_elem(vm, js_obj(o), index_value(i), v, true);
}

/* Set(O, i, v, true) */
static js_status set_elem(js_vm *vm, js_object *o, int64_t i, js_value v)
{
    return set_checked(vm, o, NULL, i, v);
}

/* DeletePropertyOrThrow(O, i) */
static js_status delete_elem(js_vm *vm, js_object *o, int64_t i)
{
    if ((o->cls == CLASS_ARRAY && o->frozen_hint && own_dense(o, i)) ||
        (o->cls == CLASS_STRING && i < o->u.primitive.u.string->length))
        return throw_kind(vm, ERR_TYPE, "Cannot delete property '%lld' of %s", (long long)i,
                          val_describe(vm, js_obj(o))->chars);
    bool done;
    return val_delete(vm, js_obj(o), index_value(i), true, &done);
}

/* CreateDataPropertyOrThrow(A, i, v): A is an array this file made, or what a species
 * constructor returned (written with Set then, which throws where the definition would) */
static js_status create_elem(js_vm *vm, js_object *a, int64_t i, js_value v)
{
    if (a->cls == CLASS_ARRAY && a->extensible && !a->frozen_hint && i < MAX_DENSE) {
        if (i >= a->u.array.length)
            array_set_length(vm, a, (uint32_t)i + 1);
        note_write(vm, a);
        a->u.array.items[i] = v;
        return JS_OK;
    }
    return set_elem(vm, a, i, v);
}

/* Set(O, "length", len, true) */
static js_status set_length(js_vm *vm, js_object *o, int64_t len)
{
    return set_checked(vm, o, &A(vm, length)->gc, 0, index_value(len));
}

/* ToLength (7.1.20) */
static js_status to_length64(js_vm *vm, js_value v, int64_t *out)
{
    double d;
    js_status st = to_number(vm, v, &d);
    if (st != JS_OK)
        return st;
    d = js_to_integer_or_infinity(d);
    *out = d <= 0 ? 0 : d >= MAX_SAFE_INTEGER ? (int64_t)MAX_SAFE_INTEGER : (int64_t)d;
    return JS_OK;
}

/* LengthOfArrayLike (7.3.18) */
static js_status length_of(js_vm *vm, js_object *o, int64_t *len)
{
    if (o->cls == CLASS_ARRAY) {
        *len = o->u.array.length;
        return JS_OK;
    }
    js_value v;
    js_status st = obj_get(vm, o, &A(vm, length)->gc, js_obj(o), &v);
    if (st != JS_OK)
        return st;
    return to_length64(vm, v, len);
}

/* ToIntegerOrInfinity (7.1.5) */
static js_status to_int(js_vm *vm, js_value v, double *out)
{
    js_status st = to_number(vm, v, out);
    *out = js_to_integer_or_infinity(*out);
    return st;
}

/* A relative index (start, end, target, ...) clamped to [0, len]; undefined gives dflt. */
static js_status relative_index(js_vm *vm, js_value v, int64_t len, int64_t dflt, int64_t *out)
{
    if (js_is_undefined(v)) {
        *out = dflt;
        return JS_OK;
    }
    double d;
    js_status st = to_int(vm, v, &d);
    if (st != JS_OK)
        return st;
    if (d < 0)
        *out = d + (double)len <= 0 ? 0 : (int64_t)(d + (double)len);
    else
        *out = d >= (double)len ? len : (int64_t)d;
    return JS_OK;
}

/* ToObject(this value), with the message V8 gives for the method: `name` for the methods whose
 * builtin says "Array.prototype.NAME called on null or undefined", NULL for the others */
static js_status this_object(const js_args *a, const char *name, js_object **o)
{
    if (name && js_is_nullish(a->this_value))
        return throw_kind(a->vm, ERR_TYPE, "Array.prototype.%s called on null or undefined", name);
    return to_object(a->vm, a->this_value, o);
}

/* this value and its length: the start of nearly every method */
static js_status this_and_length(const js_args *a, const char *name, js_object **o, int64_t *len)
{
    js_status st = this_object(a, name, o);
    if (st != JS_OK)
        return st;
    return length_of(a->vm, *o, len);
}

static js_status require_callable(js_vm *vm, js_value fn)
{
    if (js_is_callable(fn))
        return JS_OK;
    return throw_kind(vm, ERR_TYPE, "%s is not a function", val_describe(vm, fn)->chars);
}

static js_status length_overflow(js_vm *vm)
{
    return throw_kind(vm, ERR_TYPE, "Invalid array length");
}

/* ---- making arrays ----------------------------------------------------------------------------- */

/* ArrayCreate (10.4.2.2) */
static js_status array_create(js_vm *vm, int64_t len, js_object **out)
{
    if ((double)len > MAX_ARRAY_LENGTH)
        return throw_kind(vm, ERR_RANGE, "Invalid array length");
    if (len > MAX_DENSE)
        return throw_kind(vm, ERR_RANGE, "loopsim does not model arrays longer than %d", MAX_DENSE);
    *out = array_new(vm, (uint32_t)len);
    return JS_OK;
}

/* new C(len) (or new C() when len < 0), unless C is %Array% or no constructor: ArrayCreate */
static js_status construct_array(js_vm *vm, js_value c, int64_t len, js_object **out)
{
    if (!val_is_constructor(c) || c.u.object == vm->in.array_ctor)
        return array_create(vm, len < 0 ? 0 : len, out);
    js_value arg = index_value(len), r;
    js_status st = vm_construct(vm, c, len < 0 ? 0 : 1, &arg, js_undefined(), &r);
    if (st == JS_OK)
        *out = r.u.object;
    return st;
}

/* ArraySpeciesCreate (10.4.2.3) */
static js_status species_create(js_vm *vm, js_object *orig, int64_t len, js_object **out)
{
    if (orig->cls != CLASS_ARRAY)
        return array_create(vm, len, out);
    js_value c;
    js_status st = obj_get(vm, orig, &A(vm, constructor)->gc, js_obj(orig), &c);
    if (st != JS_OK)
        return st;
    if (c.type == JS_TOBJECT) {
        if ((st = obj_get(vm, c.u.object, sym_key(vm->sym.species), c, &c)) != JS_OK)
            return st;
        if (c.type == JS_TNULL)
            c = js_undefined();
    }
    if (js_is_undefined(c))
        return array_create(vm, len, out);
    if (!val_is_constructor(c))
        return throw_kind(vm, ERR_TYPE, "object.constructor[Symbol.species] is not a constructor");
    return construct_array(vm, c, len, out);
}

/* ---- the constructor and its functions -------------------------------------------------------- */

/* Array(...) (23.1.1.1) */
static js_status array_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *arr = array_new(vm, 0);
    if (!js_is_undefined(a->new_target))
        arr->proto = fn_proto_of(vm, a->new_target, vm->in.array_prototype);
    if (a->argc == 1 && a->argv[0].type == JS_TNUMBER) {
        double d = a->argv[0].u.number;
        if (d < 0 || d != floor(d) || d > MAX_ARRAY_LENGTH)
            return throw_kind(vm, ERR_RANGE, "Invalid array length");
        if (d > MAX_DENSE)
            return throw_kind(vm, ERR_RANGE, "loopsim does not model arrays longer than %d",
                              MAX_DENSE);
        array_set_length(vm, arr, (uint32_t)d);
    } else {
        for (int i = 0; i < a->argc; i++)
            array_push(vm, arr, a->argv[i]);
    }
    *out = js_obj(arr);
    return JS_OK;
}

static js_status array_is_array(const js_args *a, js_value *out)
{
    js_value v = js_arg(a, 0);
    *out = js_bool(v.type == JS_TOBJECT && obj_is_array(v.u.object));
    return JS_OK;
}

/* Array.of (23.1.2.3) */
static js_status array_of(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *r = NULL;
    js_status st = construct_array(vm, a->this_value, a->argc, &r);
    if (st != JS_OK)
        return st;
    *out = js_obj(r);
    for (int k = 0; k < a->argc && st == JS_OK; k++)
        st = create_elem(vm, r, k, a->argv[k]);
    return st == JS_OK ? set_length(vm, r, a->argc) : st;
}

/* IteratorClose after a throw: the iterator's return() runs, its own completion is ignored */
static js_status close_and_throw(js_vm *vm, js_iter *it, js_status st)
{
    if (st != JS_THROW)
        return st;
    js_value ex = vm->exception;
    js_status cs = iter_close(vm, it);
    if (cs == JS_STOP)
        return cs;
    vm->exception = ex;
    vm->has_exception = true;
    return JS_THROW;
}

/* one value of Array.from: mapped (mapfn(v, k)) and stored at k */
static js_status from_store(js_vm *vm, const js_args *a, js_object *r, int64_t k, js_value v)
{
    js_value fn = js_arg(a, 1);
    if (!js_is_undefined(fn)) {
        js_value args[2] = {v, index_value(k)};
        js_status st = vm_call(vm, fn, js_arg(a, 2), 2, args, &v);
        if (st != JS_OK)
            return st;
    }
    return create_elem(vm, r, k, v);
}

/* Array.from's iterable path: GetIteratorFromMethod, then each value */
static js_status from_iterable(const js_args *a, js_value items, js_value method, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *r = NULL;
    js_status st = construct_array(vm, a->this_value, -1, &r);
    if (st != JS_OK)
        return st;
    *out = js_obj(r);
    js_iter it = {js_undefined(), js_undefined(), false};
    if ((st = vm_call(vm, method, items, 0, NULL, &it.iterator)) != JS_OK)
        return st;
    if (it.iterator.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Result of the Symbol.iterator method is not an object");
    if ((st = obj_get(vm, it.iterator.u.object, &A(vm, next)->gc, it.iterator, &it.next)) != JS_OK)
        return st;
    for (int64_t k = 0;; k++) {
        js_value v;
        bool done;
        if ((st = iter_step(vm, &it, &v, &done)) != JS_OK)
            return st;
        if (done)
            return set_length(vm, r, k);
        if ((st = from_store(vm, a, r, k, v)) != JS_OK)
            return close_and_throw(vm, &it, st);
    }
}

/* Array.from (23.1.2.1) */
static js_status array_from(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value items = js_arg(a, 0), fn = js_arg(a, 1);
    if (!js_is_undefined(fn) && !js_is_callable(fn))
        return require_callable(vm, fn);
    if (js_is_nullish(items))
        return throw_kind(vm, ERR_TYPE, "%s is not iterable (cannot read property "
                                        "Symbol(Symbol.iterator))",
                          items.type == JS_TNULL ? "object null" : "undefined");
    js_value method;
    js_status st = val_get(vm, items, sym_key(vm->sym.iterator), &method);
    if (st != JS_OK)
        return st;
    if (!js_is_nullish(method)) {
        if (!js_is_callable(method))
            return throw_kind(vm, ERR_TYPE, "%%Array%%.from requires that the property of the "
                                            "first argument, items[Symbol.iterator], when exists, "
                                            "be a function");
        return from_iterable(a, items, method, out);
    }
    js_object *src = NULL, *r = NULL;
    int64_t len;
    if ((st = to_object(vm, items, &src)) != JS_OK || (st = length_of(vm, src, &len)) != JS_OK ||
        (st = construct_array(vm, a->this_value, len, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    for (int64_t k = 0; k < len; k++) {
        js_value v;
        if ((st = get_elem(vm, src, k, &v)) != JS_OK || (st = from_store(vm, a, r, k, v)) != JS_OK)
            return st;
    }
    return set_length(vm, r, len);
}

/* get Array[@@species] (23.1.2.5) */
static js_status array_species(const js_args *a, js_value *out)
{
    *out = a->this_value;
    return JS_OK;
}

/* ---- the callback methods: forEach, map, filter, every, some, find, findIndex, findLast,
 * findLastIndex (23.1.3) ----------------------------------------------------------------------- */

typedef enum {
    EACH_FOR_EACH,
    EACH_MAP,
    EACH_FILTER,
    EACH_EVERY,
    EACH_SOME,
    EACH_FIND,
    EACH_FIND_INDEX,
    EACH_FIND_LAST,
    EACH_FIND_LAST_INDEX
} each_kind;

static const struct {
    const char *name;
    bool holes;      /* visits holes (as undefined) rather than skipping them */
    bool backwards;
} each_spec[] = {
    {"forEach", false, false},    {"map", false, false},          {"filter", false, false},
    {"every", false, false},      {"some", false, false},         {"find", true, false},
    {"findIndex", true, false},   {"findLast", true, true},       {"findLastIndex", true, true},
};

/* What one callback result does: true when the method returns now (with *out). */
static js_status each_step(js_vm *vm, each_kind kind, js_object *r, int64_t k, js_value v,
                           js_value res, int64_t *to, bool *stop, js_value *out)
{
    bool t = to_boolean(res);
    *stop = false;
    switch (kind) {
    case EACH_MAP:
        return create_elem(vm, r, k, res);
    case EACH_FILTER:
        return t ? create_elem(vm, r, (*to)++, v) : JS_OK;
    case EACH_EVERY:
        *stop = !t;
        *out = js_bool(false);
        return JS_OK;
    case EACH_SOME:
        *stop = t;
        *out = js_bool(true);
        return JS_OK;
    case EACH_FIND:
    case EACH_FIND_LAST:
        *stop = t;
        *out = v;
        return JS_OK;
    case EACH_FIND_INDEX:
    case EACH_FIND_LAST_INDEX:
        *stop = t;
        *out = index_value(k);
        return JS_OK;
    default:
        return JS_OK;
    }
}

static js_value each_default(each_kind kind, js_object *r)
{
    switch (kind) {
    case EACH_MAP:
    case EACH_FILTER:
        return js_obj(r);
    case EACH_EVERY:
        return js_bool(true);
    case EACH_SOME:
        return js_bool(false);
    case EACH_FIND_INDEX:
    case EACH_FIND_LAST_INDEX:
        return js_number(-1);
    default:
        return js_undefined();
    }
}

static js_status iterate(const js_args *a, each_kind kind, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o, *r = NULL;
    int64_t len, to = 0;
    js_status st = this_and_length(a, each_spec[kind].name, &o, &len);
    if (st != JS_OK)
        return st;
    js_value fn = js_arg(a, 0), self = js_arg(a, 1);
    if ((st = require_callable(vm, fn)) != JS_OK)
        return st;
    if ((kind == EACH_MAP || kind == EACH_FILTER) &&
        (st = species_create(vm, o, kind == EACH_MAP ? len : 0, &r)) != JS_OK)
        return st;
    for (int64_t n = 0; n < len; n++) {
        int64_t k = each_spec[kind].backwards ? len - 1 - n : n;
        js_value v = js_undefined(), res;
        bool present = true, stop;
        st = each_spec[kind].holes ? get_elem(vm, o, k, &v) : get_present(vm, o, k, &present, &v);
        if (st != JS_OK)
            return st;
        if (!present)
            continue;
        js_value args[3] = {v, index_value(k), js_obj(o)};
        if ((st = vm_call(vm, fn, self, 3, args, &res)) != JS_OK ||
            (st = each_step(vm, kind, r, k, v, res, &to, &stop, out)) != JS_OK)
            return st;
        if (stop)
            return JS_OK;
    }
    *out = each_default(kind, r);
    return JS_OK;
}

static js_status array_for_each(const js_args *a, js_value *out) { return iterate(a, EACH_FOR_EACH, out); }
static js_status array_map(const js_args *a, js_value *out) { return iterate(a, EACH_MAP, out); }
static js_status array_filter(const js_args *a, js_value *out) { return iterate(a, EACH_FILTER, out); }
static js_status array_every(const js_args *a, js_value *out) { return iterate(a, EACH_EVERY, out); }
static js_status array_some(const js_args *a, js_value *out) { return iterate(a, EACH_SOME, out); }
static js_status array_find(const js_args *a, js_value *out) { return iterate(a, EACH_FIND, out); }
static js_status array_find_index(const js_args *a, js_value *out) { return iterate(a, EACH_FIND_INDEX, out); }
static js_status array_find_last(const js_args *a, js_value *out) { return iterate(a, EACH_FIND_LAST, out); }
static js_status array_find_last_index(const js_args *a, js_value *out)
{
    return iterate(a, EACH_FIND_LAST_INDEX, out);
}

/* reduce, reduceRight (23.1.3.24-25) */
static js_status reduce(const js_args *a, bool right, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len;
    js_status st = this_and_length(a, right ? "reduceRight" : "reduce", &o, &len);
    if (st != JS_OK)
        return st;
    js_value fn = js_arg(a, 0);
    if ((st = require_callable(vm, fn)) != JS_OK)
        return st;
    int64_t n = 0;
    bool present = a->argc > 1;
    js_value acc = js_arg(a, 1);
    for (; !present && n < len; n++)
        if ((st = get_present(vm, o, right ? len - 1 - n : n, &present, &acc)) != JS_OK)
            return st;
    if (!present)
        return throw_kind(vm, ERR_TYPE, "Reduce of empty array with no initial value");
    for (; n < len; n++) {
        int64_t k = right ? len - 1 - n : n;
        js_value v;
        if ((st = get_present(vm, o, k, &present, &v)) != JS_OK)
            return st;
        if (!present)
            continue;
        js_value args[4] = {acc, v, index_value(k), js_obj(o)};
        if ((st = vm_call(vm, fn, js_undefined(), 4, args, &acc)) != JS_OK)
            return st;
    }
    *out = acc;
    return JS_OK;
}

static js_status array_reduce(const js_args *a, js_value *out) { return reduce(a, false, out); }
static js_status array_reduce_right(const js_args *a, js_value *out) { return reduce(a, true, out); }

/* ---- searching: indexOf, lastIndexOf, includes (23.1.3.14, 16, 20) ---------------------------- */

typedef enum { SEARCH_INDEX_OF, SEARCH_LAST_INDEX_OF, SEARCH_INCLUDES } search_kind;

/* the first index to look at, or -1 if there is none */
static js_status search_start(js_vm *vm, const js_args *a, search_kind kind, int64_t len,
                              int64_t *k)
{
    double n = kind == SEARCH_LAST_INDEX_OF ? (double)len - 1 : 0;
    if ((kind != SEARCH_LAST_INDEX_OF || a->argc > 1)) {
        js_status st = to_int(vm, js_arg(a, 1), &n);
        if (st != JS_OK)
            return st;
    }
    if (kind == SEARCH_LAST_INDEX_OF)
        *k = n >= 0 ? (n >= (double)len - 1 ? len - 1 : (int64_t)n)
                    : (n + (double)len < 0 ? -1 : (int64_t)(n + (double)len));
    else
        *k = n >= 0 ? (n >= (double)len ? -1 : (int64_t)n)
                    : (n + (double)len <= 0 ? 0 : (int64_t)(n + (double)len));
    return JS_OK;
}

static js_status search(const js_args *a, search_kind kind, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len, k;
    js_status st = this_and_length(a, kind == SEARCH_INDEX_OF ? "indexOf" : NULL, &o, &len);
    if (st != JS_OK)
        return st;
    *out = kind == SEARCH_INCLUDES ? js_bool(false) : js_number(-1);
    if (len == 0 || (st = search_start(vm, a, kind, len, &k)) != JS_OK || k < 0)
        return st;
    js_value target = js_arg(a, 0);
    int step = kind == SEARCH_LAST_INDEX_OF ? -1 : 1;
    for (; k >= 0 && k < len; k += step) {
        js_value v;
        bool present = true;
        st = kind == SEARCH_INCLUDES ? get_elem(vm, o, k, &v) : get_present(vm, o, k, &present, &v);
        if (st != JS_OK)
            return st;
        if (kind == SEARCH_INCLUDES && same_value_zero(v, target)) {
            *out = js_bool(true);
            return JS_OK;
        }
        if (kind != SEARCH_INCLUDES && present && strict_equals(v, target)) {
            *out = index_value(k);
            return JS_OK;
        }
    }
    return JS_OK;
}

static js_status array_index_of(const js_args *a, js_value *out) { return search(a, SEARCH_INDEX_OF, out); }
static js_status array_last_index_of(const js_args *a, js_value *out) { return search(a, SEARCH_LAST_INDEX_OF, out); }
static js_status array_includes(const js_args *a, js_value *out) { return search(a, SEARCH_INCLUDES, out); }

/* at (23.1.3.1) */
static js_status array_at(const js_args *a, js_value *out)
{
    js_object *o = NULL;
    int64_t len;
    double rel;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK || (st = to_int(a->vm, js_arg(a, 0), &rel)) != JS_OK)
        return st;
    double k = rel >= 0 ? rel : (double)len + rel;
    if (k < 0 || k >= (double)len) {
        *out = js_undefined();
        return JS_OK;
    }
    return get_elem(a->vm, o, (int64_t)k, out);
}

/* ---- join, toString, toLocaleString (23.1.3.18, 23.1.3.36, 23.1.3.32) ----------------------- */

/* V8's JoinStack: the arrays being joined, innermost first (frames live on the C stack) */
typedef struct join_frame {
    js_object *o;
    struct join_frame *up;
} join_frame;

static join_frame *join_top;

typedef struct {
    char *buf;
    size_t len, cap;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->buf = realloc(b->buf, cap);
        if (!b->buf)
            oom();
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
}

/* the string of one element: "" for undefined and null, else ToString of it, or (locale) of
 * Invoke(element, "toLocaleString", locales, options) */
static js_status join_piece(const js_args *a, js_value v, bool locale, js_string **s)
{
    js_vm *vm = a->vm;
    *s = A(vm, empty);
    if (js_is_nullish(v))
        return JS_OK;
    if (locale) {
        js_value args[2] = {js_arg(a, 0), js_arg(a, 1)}, fn;
        js_status st = val_get(vm, v, &atom_cstr(vm, "toLocaleString")->gc, &fn);
        if (st != JS_OK || (st = require_callable(vm, fn)) != JS_OK ||
            (st = vm_call(vm, fn, v, 2, args, &v)) != JS_OK)
            return st;
    }
    return to_string(vm, v, s);
}

static js_status join_all(const js_args *a, js_object *o, int64_t len, js_string *sep,
                          bool locale, js_value *out)
{
    js_vm *vm = a->vm;
    strbuf b = {NULL, 0, 0};
    js_status st = JS_OK;
    for (int64_t k = 0; k < len && st == JS_OK; k++) {
        js_value v;
        js_string *s;
        if (k)
            sb_add(&b, sep->chars, sep->len);
        if ((st = get_elem(vm, o, k, &v)) == JS_OK && (st = join_piece(a, v, locale, &s)) == JS_OK)
            sb_add(&b, s->chars, s->len);
        if (b.len > (1u << 29))
            st = throw_kind(vm, ERR_RANGE, "Invalid string length");
    }
    if (st == JS_OK)
        *out = js_strv(str_new(vm, b.buf ? b.buf : "", b.len));
    free(b.buf);
    return st;
}

static js_status join(const js_args *a, bool locale, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK)
        return st;
    if ((double)len > MAX_ARRAY_LENGTH)
        return length_overflow(vm);
    js_string *sep = str_cstr(vm, ",");
    if (!locale && !js_is_undefined(js_arg(a, 0)) && (st = to_string(vm, js_arg(a, 0), &sep)) != JS_OK)
        return st;
    for (join_frame *f = join_top; f; f = f->up)
        if (f->o == o) {
            *out = js_strv(A(vm, empty));
            return JS_OK;
        }
    join_frame frame = {o, join_top};
    join_top = &frame;
    st = join_all(a, o, len, sep, locale, out);
    join_top = frame.up;
    return st;
}

static js_status array_join(const js_args *a, js_value *out) { return join(a, false, out); }
static js_status array_to_locale_string(const js_args *a, js_value *out) { return join(a, true, out); }

/* toString: this.join(), or %Object.prototype.toString% (kept in the function's slot 0) */
static js_status array_to_string(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    js_status st = to_object(vm, a->this_value, &o);
    if (st != JS_OK)
        return st;
    js_value fn;
    if ((st = obj_get(vm, o, &atom_cstr(vm, "join")->gc, js_obj(o), &fn)) != JS_OK)
        return st;
    if (!js_is_callable(fn))
        fn = *js_native_slot(a->callee, 0);
    return vm_call(vm, fn, js_obj(o), 0, NULL, out);
}

/* ---- the stack and queue methods: push, pop, shift, unshift (23.1.3.22-23, 27, 37) ----------- */

/* An ordinary writable array (no own properties besides its elements) that can grow by
 * `extra`: push, shift and unshift may work on its vector, with the same result as the
 * property operations (writes past the end meet no setter in object.c either) */
static bool plain_array(const js_object *o, int64_t extra)
{
    return o->cls == CLASS_ARRAY && o->extensible && !o->frozen_hint && o->props.live == 0 &&
           o->u.array.length + extra <= MAX_DENSE;
}

/* Whether o's holes read as nothing: no object on its prototype chain has elements, so a hole
 * moved with the vector is what the property operations would leave there */
static bool holes_are_empty(const js_object *o)
{
    for (const js_object *x = o->proto; x; x = x->proto) {
        if ((is_dense(x) && x->u.array.length) ||
            (x->cls == CLASS_STRING && x->u.primitive.u.string->length))
            return false;
        for (uint32_t i = 0; i < x->props.count; i++) {
            const js_prop *p = &x->props.props[i];
            if (!(p->flags & PROP_DELETED) && !key_is_symbol(p->key) &&
                (((const js_string *)p->key)->flags & STR_INDEX))
                return false;
        }
    }
    return true;
}

static js_status array_push_m(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK)
        return st;
    if ((double)len + a->argc > MAX_SAFE_INTEGER)
        return throw_kind(vm, ERR_TYPE, "Pushing %d elements on an array-like of length %.0f is "
                                        "disallowed, as the total surpasses 2**53-1",
                          a->argc, (double)len);
    if (plain_array(o, a->argc)) {
        for (int i = 0; i < a->argc; i++)
            array_push(vm, o, a->argv[i]);
        *out = index_value(o->u.array.length);
        return JS_OK;
    }
    for (int i = 0; i < a->argc; i++)
        if ((st = set_elem(vm, o, len++, a->argv[i])) != JS_OK)
            return st;
    *out = index_value(len);
    return set_length(vm, o, len);
}

static js_status array_pop(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len;
    js_status st = this_and_length(a, NULL, &o, &len);
    *out = js_undefined();
    if (st != JS_OK)
        return st;
    if (len > 0 && ((st = get_elem(vm, o, len - 1, out)) != JS_OK ||
                    (st = delete_elem(vm, o, len - 1)) != JS_OK))
        return st;
    return set_length(vm, o, len > 0 ? len - 1 : 0);
}

/* Moves the element at `from` to `to` (Set), or deletes `to` if there is none there: the step
 * that shift, unshift, splice and copyWithin repeat. */
static js_status move_elem(js_vm *vm, js_object *o, int64_t from, int64_t to)
{
    js_value v;
    bool present;
    js_status st = get_present(vm, o, from, &present, &v);
    if (st != JS_OK)
        return st;
    return present ? set_elem(vm, o, to, v) : delete_elem(vm, o, to);
}

static js_status array_shift(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len;
    js_status st = this_and_length(a, NULL, &o, &len);
    *out = js_undefined();
    if (st != JS_OK)
        return st;
    if (len == 0)
        return set_length(vm, o, 0);
    if (plain_array(o, 0) && holes_are_empty(o)) {
        note_write(vm, o); /* before the elements move: a builtin's copy is taken here */
        js_value *items = o->u.array.items;
        *out = items[0];
        memmove(items, items + 1, (size_t)(len - 1) * sizeof *items);
        array_set_length(vm, o, (uint32_t)len - 1);
        return JS_OK;
    }
    if ((st = get_elem(vm, o, 0, out)) != JS_OK)
        return st;
    for (int64_t k = 1; k < len; k++)
        if ((st = move_elem(vm, o, k, k - 1)) != JS_OK)
            return st;
    if ((st = delete_elem(vm, o, len - 1)) != JS_OK)
        return st;
    return set_length(vm, o, len - 1);
}

static js_status array_unshift(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK)
        return st;
    int n = a->argc;
    if (n > 0) {
        if ((double)len + n > MAX_SAFE_INTEGER)
            return length_overflow(vm);
        if (plain_array(o, n) && holes_are_empty(o)) {
            array_set_length(vm, o, (uint32_t)(len + n));
            js_value *items = o->u.array.items;
            memmove(items + n, items, (size_t)len * sizeof *items);
            memcpy(items, a->argv, (size_t)n * sizeof *items);
            *out = index_value(len + n);
            return JS_OK;
        }
        for (int64_t k = len; k > 0; k--)
            if ((st = move_elem(vm, o, k - 1, k + n - 1)) != JS_OK)
                return st;
        for (int j = 0; j < n; j++)
            if ((st = set_elem(vm, o, j, a->argv[j])) != JS_OK)
                return st;
    }
    *out = index_value(len + n);
    return set_length(vm, o, len + n);
}

/* ---- slice, splice, toSpliced (23.1.3.28, 31, 35) ------------------------------------------- */

static js_status array_slice(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL, *r = NULL;
    int64_t len, k, end, n = 0;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK || (st = relative_index(vm, js_arg(a, 0), len, 0, &k)) != JS_OK ||
        (st = relative_index(vm, js_arg(a, 1), len, len, &end)) != JS_OK ||
        (st = species_create(vm, o, end > k ? end - k : 0, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    for (; k < end; k++, n++) {
        js_value v;
        bool present;
        if ((st = get_present(vm, o, k, &present, &v)) != JS_OK ||
            (present && (st = create_elem(vm, r, n, v)) != JS_OK))
            return st;
    }
    return set_length(vm, r, n);
}

/* splice's and toSpliced's start and count: the count of elements removed (skipped) */
static js_status splice_bounds(const js_args *a, int64_t len, int64_t *start, int64_t *count)
{
    js_status st = relative_index(a->vm, js_arg(a, 0), len, 0, start);
    if (st != JS_OK)
        return st;
    if (a->argc == 0) {
        *count = 0;
    } else if (a->argc == 1) {
        *count = len - *start;
    } else {
        double dc;
        if ((st = to_int(a->vm, a->argv[1], &dc)) != JS_OK)
            return st;
        *count = dc <= 0 ? 0 : dc >= (double)(len - *start) ? len - *start : (int64_t)dc;
    }
    return JS_OK;
}

/* splice's moves: the elements after the removed ones, to make room for `items` new ones */
static js_status splice_move(js_vm *vm, js_object *o, int64_t len, int64_t start, int64_t count,
                             int64_t items)
{
    js_status st = JS_OK;
    if (items < count) {
        for (int64_t k = start; k < len - count && st == JS_OK; k++)
            st = move_elem(vm, o, k + count, k + items);
        for (int64_t k = len; k > len - count + items && st == JS_OK; k--)
            st = delete_elem(vm, o, k - 1);
    } else if (items > count) {
        for (int64_t k = len - count; k > start && st == JS_OK; k--)
            st = move_elem(vm, o, k + count - 1, k + items - 1);
    }
    return st;
}

static js_status array_splice(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL, *r = NULL;
    int64_t len, start, count, items = a->argc > 2 ? a->argc - 2 : 0;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK || (st = splice_bounds(a, len, &start, &count)) != JS_OK)
        return st;
    if ((double)(len + items - count) > MAX_SAFE_INTEGER)
        return length_overflow(vm);
    if ((st = species_create(vm, o, count, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    for (int64_t k = 0; k < count; k++) {
        js_value v;
        bool present;
        if ((st = get_present(vm, o, start + k, &present, &v)) != JS_OK ||
            (present && (st = create_elem(vm, r, k, v)) != JS_OK))
            return st;
    }
    if ((st = set_length(vm, r, count)) != JS_OK ||
        (st = splice_move(vm, o, len, start, count, items)) != JS_OK)
        return st;
    for (int64_t i = 0; i < items; i++)
        if ((st = set_elem(vm, o, start + i, a->argv[i + 2])) != JS_OK)
            return st;
    return set_length(vm, o, len - count + items);
}

static js_status array_to_spliced(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL, *r = NULL;
    int64_t len, start, skip, items = a->argc > 2 ? a->argc - 2 : 0;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK || (st = splice_bounds(a, len, &start, &skip)) != JS_OK)
        return st;
    int64_t new_len = len + items - skip;
    if ((double)new_len > MAX_SAFE_INTEGER)
        return length_overflow(vm);
    if ((st = array_create(vm, new_len, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    int64_t i = 0;
    for (; i < start && st == JS_OK; i++)
        st = get_elem(vm, o, i, &r->u.array.items[i]);
    for (int64_t j = 0; j < items; j++)
        r->u.array.items[i++] = a->argv[j + 2];
    for (int64_t from = start + skip; i < new_len && st == JS_OK; i++, from++)
        st = get_elem(vm, o, from, &r->u.array.items[i]);
    return st;
}

/* ---- reverse, toReversed, with, fill, copyWithin (23.1.3.26, 34, 39, 7, 4) ------------------- */

static js_status array_reverse(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK)
        return st;
    *out = js_obj(o);
    for (int64_t lower = 0; lower < len / 2; lower++) {
        int64_t upper = len - lower - 1;
        js_value lv, uv;
        bool lp, up;
        if ((st = get_present(vm, o, lower, &lp, &lv)) != JS_OK ||
            (st = get_present(vm, o, upper, &up, &uv)) != JS_OK)
            return st;
        if (up)
            st = set_elem(vm, o, lower, uv);
        else if (lp)
            st = delete_elem(vm, o, lower);
        if (st == JS_OK && lp)
            st = set_elem(vm, o, upper, lv);
        else if (st == JS_OK && up)
            st = delete_elem(vm, o, upper);
        if (st != JS_OK)
            return st;
    }
    return JS_OK;
}

static js_status array_to_reversed(const js_args *a, js_value *out)
{
    js_object *o = NULL, *r = NULL;
    int64_t len;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK || (st = array_create(a->vm, len, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    for (int64_t k = 0; k < len && st == JS_OK; k++)
        st = get_elem(a->vm, o, len - 1 - k, &r->u.array.items[k]);
    return st;
}

static js_status array_with(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL, *r = NULL;
    int64_t len;
    double rel;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK || (st = to_int(vm, js_arg(a, 0), &rel)) != JS_OK)
        return st;
    double k = rel >= 0 ? rel : (double)len + rel;
    if (k < 0 || k >= (double)len)
        return throw_kind(vm, ERR_RANGE, "Invalid index : %s", val_describe(vm, js_arg(a, 0))->chars);
    if ((st = array_create(vm, len, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    for (int64_t i = 0; i < len && st == JS_OK; i++) {
        if (i == (int64_t)k)
            r->u.array.items[i] = js_arg(a, 1);
        else
            st = get_elem(vm, o, i, &r->u.array.items[i]);
    }
    return st;
}

static js_status array_fill(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len, k, end;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK || (st = relative_index(vm, js_arg(a, 1), len, 0, &k)) != JS_OK ||
        (st = relative_index(vm, js_arg(a, 2), len, len, &end)) != JS_OK)
        return st;
    for (; k < end; k++)
        if ((st = set_elem(vm, o, k, js_arg(a, 0))) != JS_OK)
            return st;
    *out = js_obj(o);
    return JS_OK;
}

static js_status array_copy_within(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    int64_t len, to, from, end;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK || (st = relative_index(vm, js_arg(a, 0), len, 0, &to)) != JS_OK ||
        (st = relative_index(vm, js_arg(a, 1), len, 0, &from)) != JS_OK ||
        (st = relative_index(vm, js_arg(a, 2), len, len, &end)) != JS_OK)
        return st;
    int64_t count = end - from < len - to ? end - from : len - to;
    int step = 1;
    if (from < to && to < from + count) {
        step = -1;
        from += count - 1;
        to += count - 1;
    }
    for (; count > 0; count--, from += step, to += step)
        if ((st = move_elem(vm, o, from, to)) != JS_OK)
            return st;
    *out = js_obj(o);
    return JS_OK;
}

/* ---- concat, flat, flatMap (23.1.3.2, 13, 14) ----------------------------------------------- */

static js_status array_concat(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL, *r = NULL;
    js_status st = this_object(a, "concat", &o);
    if (st != JS_OK || (st = species_create(vm, o, 0, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    int64_t n = 0;
    for (int i = -1; i < a->argc; i++) {
        js_value e = i < 0 ? js_obj(o) : a->argv[i];
        if (e.type != JS_TOBJECT || !obj_is_array(e.u.object)) {
            if ((double)n >= MAX_SAFE_INTEGER)
                return length_overflow(vm);
            if ((st = create_elem(vm, r, n++, e)) != JS_OK)
                return st;
            continue;
        }
        int64_t len;
        if ((st = length_of(vm, e.u.object, &len)) != JS_OK)
            return st;
        if ((double)(n + len) > MAX_SAFE_INTEGER)
            return length_overflow(vm);
        for (int64_t k = 0; k < len; k++, n++) {
            js_value v;
            bool present;
            if ((st = get_present(vm, e.u.object, k, &present, &v)) != JS_OK ||
                (present && (st = create_elem(vm, r, n, v)) != JS_OK))
                return st;
        }
    }
    return set_length(vm, r, n);
}

/* FlattenIntoArray (23.1.3.13.1): returns the next target index in *to */
static js_status flatten(js_vm *vm, js_object *target, js_object *src, int64_t len, int64_t *to,
                         double depth, js_value mapper, js_value self, int level)
{
    if (level > MAX_FLAT_DEPTH)
        return throw_kind(vm, ERR_RANGE, "Maximum call stack size exceeded");
    for (int64_t k = 0; k < len; k++) {
        js_value v;
        bool present;
        js_status st = get_present(vm, src, k, &present, &v);
        if (st != JS_OK)
            return st;
        if (!present)
            continue;
        if (!js_is_undefined(mapper)) {
            js_value args[3] = {v, index_value(k), js_obj(src)};
            if ((st = vm_call(vm, mapper, self, 3, args, &v)) != JS_OK)
                return st;
        }
        if (depth > 0 && v.type == JS_TOBJECT && obj_is_array(v.u.object)) {
            int64_t n;
            if ((st = length_of(vm, v.u.object, &n)) != JS_OK ||
                (st = flatten(vm, target, v.u.object, n, to, depth - 1, js_undefined(),
                              js_undefined(), level + 1)) != JS_OK)
                return st;
            continue;
        }
        if ((double)*to >= MAX_SAFE_INTEGER)
            return length_overflow(vm);
        if ((st = create_elem(vm, target, (*to)++, v)) != JS_OK)
            return st;
    }
    return JS_OK;
}

static js_status array_flat(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL, *r = NULL;
    int64_t len, to = 0;
    double depth = 1;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK || (!js_is_undefined(js_arg(a, 0)) && (st = to_int(vm, a->argv[0], &depth)) != JS_OK) ||
        (st = species_create(vm, o, 0, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    return flatten(vm, r, o, len, &to, depth < 0 ? 0 : depth, js_undefined(), js_undefined(), 0);
}

static js_status array_flat_map(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL, *r = NULL;
    int64_t len, to = 0;
    js_status st = this_and_length(a, NULL, &o, &len);
    if (st != JS_OK)
        return st;
    if (!js_is_callable(js_arg(a, 0)))
        return throw_kind(vm, ERR_TYPE, "flatMap mapper function is not callable");
    if ((st = species_create(vm, o, 0, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    return flatten(vm, r, o, len, &to, 1, a->argv[0], js_arg(a, 1), 0);
}

/* ---- sort, toSorted (23.1.3.30, 23.1.3.34): V8's TimSort ---------------------------------------
 *
 * A port of third_party/v8/builtins/array-sort.tq (itself CPython's listobject.c): the same runs,
 * merges and gallops, hence the same comparator calls in the same order.  Every function that
 * compares returns false once a comparison threw (the status is in the sorter). */

enum { MAX_MERGE_PENDING = 85, MIN_GALLOP = 7, TEMP_MIN = 32 };

typedef struct {
    js_vm *vm;
    js_value cmp;              /* the comparator, or undefined: by ToString */
    js_value *work;
    js_value *temp;
    int64_t temp_cap;
    int64_t min_gallop;
    int64_t run_base[MAX_MERGE_PENDING], run_len[MAX_MERGE_PENDING];
    int nruns;
    js_status st;
} sorter;

/* SortCompare (23.1.3.30.2) for two values that are not undefined: *order < 0 when x < y */
static bool compare(sorter *s, js_value x, js_value y, double *order)
{
    js_vm *vm = s->vm;
    if (!js_is_undefined(s->cmp)) {
        js_value args[2] = {x, y}, r;
        if ((s->st = vm_call(vm, s->cmp, js_undefined(), 2, args, &r)) != JS_OK ||
            (s->st = to_number(vm, r, order)) != JS_OK)
            return false;
        if (isnan(*order))
            *order = 0;
        return true;
    }
    js_string *xs, *ys;
    if ((s->st = to_string(vm, x, &xs)) != JS_OK || (s->st = to_string(vm, y, &ys)) != JS_OK)
        return false;
    *order = str_compare(xs, ys);
    return true;
}

static js_value *temp_array(sorter *s, int64_t n)
{
    if (n < TEMP_MIN)
        n = TEMP_MIN;
    if (s->temp_cap < n) {
        free(s->temp);
        s->temp = malloc((size_t)n * sizeof *s->temp);
        if (!s->temp)
            oom();
        s->temp_cap = n;
    }
    return s->temp;
}

static void copy_values(const js_value *src, int64_t from, js_value *dst, int64_t to, int64_t n)
{
    memmove(dst + to, src + from, (size_t)n * sizeof *dst);
}

/* Sorts [low, high) by binary insertion, [low, start) being sorted already. */
static bool binary_insertion_sort(sorter *s, int64_t low, int64_t start, int64_t high)
{
    js_value *w = s->work;
    if (low == start)
        start++;
    for (; start < high; start++) {
        int64_t left = low, right = start;
        js_value pivot = w[right];
        while (left < right) {
            int64_t mid = left + ((right - left) >> 1);
            double order;
            if (!compare(s, pivot, w[mid], &order))
                return false;
            if (order < 0)
                right = mid;
            else
                left = mid + 1;
        }
        for (int64_t p = start; p > left; p--)
            w[p] = w[p - 1];
        w[left] = pivot;
    }
    return true;
}

/* The length of the run at low (a descending one is reversed in place), or -1. */
static int64_t count_and_make_run(sorter *s, int64_t low, int64_t high)
{
    js_value *w = s->work;
    if (low + 1 == high)
        return 1;
    int64_t run = 2;
    double order;
    if (!compare(s, w[low + 1], w[low], &order))
        return -1;
    bool descending = order < 0;
    js_value prev = w[low + 1];
    for (int64_t i = low + 2; i < high; i++) {
        if (!compare(s, w[i], prev, &order))
            return -1;
        if (descending ? order >= 0 : order < 0)
            break;
        prev = w[i];
        run++;
    }
    if (descending)
        for (int64_t lo = low, hi = low + run - 1; lo < hi; lo++, hi--) {
            js_value t = w[lo];
            w[lo] = w[hi];
            w[hi] = t;
        }
    return run;
}

/* GallopLeft / GallopRight: where key belongs in the sorted a[base, base + len), starting the
 * search at hint; left: before any equal element, right: after them.  -1 if a compare threw. */
static int64_t gallop(sorter *s, const js_value *a, js_value key, int64_t base, int64_t len,
                      int64_t hint, bool right)
{
    int64_t last = 0, ofs = 1;
    double order;
    /* "before": key goes before a[i] (left: key <= a[i]; right: key < a[i]) */
#define BEFORE(i, res)                                                                         \
    do {                                                                                       \
        if (!(right ? compare(s, key, a[i], &order) : compare(s, a[i], key, &order)))          \
            return -1;                                                                         \
        res = right ? order < 0 : order >= 0;                                                  \
    } while (0)
    bool before;
    BEFORE(base + hint, before);
    if (!before) {
        int64_t max = len - hint;
        while (ofs < max) {
            BEFORE(base + hint + ofs, before);
            if (before)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > max)
            ofs = max;
        last += hint;
        ofs += hint;
    } else {
        int64_t max = hint + 1;
        while (ofs < max) {
            BEFORE(base + hint - ofs, before);
            if (!before)
                break;
            last = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > max)
            ofs = max;
        int64_t t = last;
        last = hint - ofs;
        ofs = hint - t;
    }
    for (last++; last < ofs;) {
        int64_t m = last + ((ofs - last) >> 1);
        BEFORE(base + m, before);
        if (before)
            ofs = m;
        else
            last = m + 1;
    }
#undef BEFORE
    return ofs;
}

/* MergeLow: merges a[baseA, +lenA) and a[baseB, +lenB), lenA <= lenB, through a copy of A */
static bool merge_low(sorter *s, int64_t base_a, int64_t len_a, int64_t base_b, int64_t len_b)
{
    js_value *w = s->work, *t = temp_array(s, len_a);
    copy_values(w, base_a, t, 0, len_a);
    int64_t dest = base_a, ct = 0, cb = base_b;
    double order;
    w[dest++] = w[cb++];
    if (--len_b == 0)
        goto succeed;
    if (len_a == 1)
        goto copy_b;
    for (;;) {
        int64_t wins_a = 0, wins_b = 0;
        for (;;) {
            if (!compare(s, w[cb], t[ct], &order))
                return false;
            if (order < 0) {
                w[dest++] = w[cb++];
                wins_b++;
                wins_a = 0;
                if (--len_b == 0)
                    goto succeed;
                if (wins_b >= s->min_gallop)
                    break;
            } else {
                w[dest++] = t[ct++];
                wins_a++;
                wins_b = 0;
                if (--len_a == 1)
                    goto copy_b;
                if (wins_a >= s->min_gallop)
                    break;
            }
        }
        s->min_gallop++;
        bool first = true;
        while (wins_a >= MIN_GALLOP || wins_b >= MIN_GALLOP || first) {
            first = false;
            s->min_gallop = s->min_gallop > 1 ? s->min_gallop - 1 : 1;
            if ((wins_a = gallop(s, t, w[cb], ct, len_a, 0, true)) < 0)
                return false;
            if (wins_a > 0) {
                copy_values(t, ct, w, dest, wins_a);
                dest += wins_a;
                ct += wins_a;
                len_a -= wins_a;
                if (len_a == 1)
                    goto copy_b;
                if (len_a == 0)
                    goto succeed;
            }
            w[dest++] = w[cb++];
            if (--len_b == 0)
                goto succeed;
            if ((wins_b = gallop(s, w, t[ct], cb, len_b, 0, false)) < 0)
                return false;
            if (wins_b > 0) {
                copy_values(w, cb, w, dest, wins_b);
                dest += wins_b;
                cb += wins_b;
                len_b -= wins_b;
                if (len_b == 0)
                    goto succeed;
            }
            w[dest++] = t[ct++];
            if (--len_a == 1)
                goto copy_b;
        }
        s->min_gallop++;
    }
succeed:
    if (len_a > 0)
        copy_values(t, ct, w, dest, len_a);
    return true;
copy_b:
    copy_values(w, cb, w, dest, len_b);
    w[dest + len_b] = t[ct];
    return true;
}

/* MergeHigh: the same backwards, lenA >= lenB, through a copy of B */
static bool merge_high(sorter *s, int64_t base_a, int64_t len_a, int64_t base_b, int64_t len_b)
{
    js_value *w = s->work, *t = temp_array(s, len_b);
    copy_values(w, base_b, t, 0, len_b);
    int64_t dest = base_b + len_b - 1, ct = len_b - 1, ca = base_a + len_a - 1;
    double order;
    w[dest--] = w[ca--];
    if (--len_a == 0)
        goto succeed;
    if (len_b == 1)
        goto copy_a;
    for (;;) {
        int64_t wins_a = 0, wins_b = 0;
        for (;;) {
            if (!compare(s, t[ct], w[ca], &order))
                return false;
            if (order < 0) {
                w[dest--] = w[ca--];
                wins_a++;
                wins_b = 0;
                if (--len_a == 0)
                    goto succeed;
                if (wins_a >= s->min_gallop)
                    break;
            } else {
                w[dest--] = t[ct--];
                wins_b++;
                wins_a = 0;
                if (--len_b == 1)
                    goto copy_a;
                if (wins_b >= s->min_gallop)
                    break;
            }
        }
        s->min_gallop++;
        bool first = true;
        while (wins_a >= MIN_GALLOP || wins_b >= MIN_GALLOP || first) {
            first = false;
            s->min_gallop = s->min_gallop > 1 ? s->min_gallop - 1 : 1;
            int64_t k = gallop(s, w, t[ct], base_a, len_a, len_a - 1, true);
            if (k < 0)
                return false;
            wins_a = len_a - k;
            if (wins_a > 0) {
                dest -= wins_a;
                ca -= wins_a;
                copy_values(w, ca + 1, w, dest + 1, wins_a);
                len_a -= wins_a;
                if (len_a == 0)
                    goto succeed;
            }
            w[dest--] = t[ct--];
            if (--len_b == 1)
                goto copy_a;
            if ((k = gallop(s, t, w[ca], 0, len_b, len_b - 1, false)) < 0)
                return false;
            wins_b = len_b - k;
            if (wins_b > 0) {
                dest -= wins_b;
                ct -= wins_b;
                copy_values(t, ct + 1, w, dest + 1, wins_b);
                len_b -= wins_b;
                if (len_b == 1)
                    goto copy_a;
                if (len_b == 0)
                    goto succeed;
            }
            w[dest--] = w[ca--];
            if (--len_a == 0)
                goto succeed;
        }
        s->min_gallop++;
    }
succeed:
    if (len_b > 0)
        copy_values(t, 0, w, dest - (len_b - 1), len_b);
    return true;
copy_a:
    dest -= len_a;
    ca -= len_a;
    copy_values(w, ca + 1, w, dest + 1, len_a);
    w[dest] = t[ct];
    return true;
}

/* MergeAt: merges runs i and i + 1 of the stack */
static bool merge_at(sorter *s, int i)
{
    int64_t base_a = s->run_base[i], len_a = s->run_len[i];
    int64_t base_b = s->run_base[i + 1], len_b = s->run_len[i + 1];
    s->run_len[i] = len_a + len_b;
    if (i == s->nruns - 3) {
        s->run_base[i + 1] = s->run_base[i + 2];
        s->run_len[i + 1] = s->run_len[i + 2];
    }
    s->nruns--;
    int64_t k = gallop(s, s->work, s->work[base_b], base_a, len_a, 0, true);
    if (k < 0)
        return false;
    base_a += k;
    len_a -= k;
    if (len_a == 0)
        return true;
    len_b = gallop(s, s->work, s->work[base_a + len_a - 1], base_b, len_b, len_b - 1, false);
    if (len_b <= 0)
        return len_b == 0;
    return len_a <= len_b ? merge_low(s, base_a, len_a, base_b, len_b)
                          : merge_high(s, base_a, len_a, base_b, len_b);
}

static bool run_invariant(const sorter *s, int n)
{
    return n < 2 || s->run_len[n - 2] > s->run_len[n - 1] + s->run_len[n];
}

static bool merge_collapse(sorter *s)
{
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        if (!run_invariant(s, n + 1) || !run_invariant(s, n)) {
            if (s->run_len[n - 1] < s->run_len[n + 1])
                n--;
        } else if (s->run_len[n] > s->run_len[n + 1]) {
            break;
        }
        if (!merge_at(s, n))
            return false;
    }
    return true;
}

static bool merge_force_collapse(sorter *s)
{
    while (s->nruns > 1) {
        int n = s->nruns - 2;
        if (n > 0 && s->run_len[n - 1] < s->run_len[n + 1])
            n--;
        if (!merge_at(s, n))
            return false;
    }
    return true;
}

static int64_t min_run_length(int64_t n)
{
    int64_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* ArrayTimSortImpl: sorts s->work[0, n) */
static bool tim_sort(sorter *s, int64_t n)
{
    if (n < 2)
        return true;
    int64_t low = 0, remaining = n, min_run = min_run_length(n);
    while (remaining) {
        int64_t run = count_and_make_run(s, low, low + remaining);
        if (run < 0)
            return false;
        if (run < min_run) {
            int64_t forced = min_run < remaining ? min_run : remaining;
            if (!binary_insertion_sort(s, low, low + run, low + forced))
                return false;
            run = forced;
        }
        s->run_base[s->nruns] = low;
        s->run_len[s->nruns++] = run;
        if (!merge_collapse(s))
            return false;
        low += run;
        remaining -= run;
    }
    return merge_force_collapse(s);
}

/* Sorts o[0, len) as Array.prototype.sort does: values read, sorted, written back */
static js_status sort_object(js_vm *vm, js_object *o, int64_t len, js_value cmp)
{
    if (len > MAX_DENSE)
        return throw_kind(vm, ERR_RANGE, "loopsim does not sort more than %d elements", MAX_DENSE);
    sorter s = {vm, cmp, malloc((size_t)(len ? len : 1) * sizeof(js_value)), NULL, 0,
                MIN_GALLOP, {0}, {0}, 0, JS_OK};
    if (!s.work)
        oom();
    int64_t n = 0, undefs = 0;
    js_status st = JS_OK;
    for (int64_t k = 0; k < len && st == JS_OK; k++) {
        js_value v;
        bool present;
        st = get_present(vm, o, k, &present, &v);
        if (st == JS_OK && present && js_is_undefined(v))
            undefs++;
        else if (st == JS_OK && present)
            s.work[n++] = v;
    }
    if (st == JS_OK && !tim_sort(&s, n))
        st = s.st;
    int64_t k = 0;
    for (; k < n && st == JS_OK; k++)
        st = set_elem(vm, o, k, s.work[k]);
    for (; k < n + undefs && st == JS_OK; k++)
        st = set_elem(vm, o, k, js_undefined());
    for (; k < len && st == JS_OK; k++)
        st = delete_elem(vm, o, k);
    free(s.work);
    free(s.temp);
    return st;
}

static js_status require_comparator(js_vm *vm, js_value cmp)
{
    if (js_is_undefined(cmp) || js_is_callable(cmp))
        return JS_OK;
    return throw_kind(vm, ERR_TYPE, "The comparison function must be either a function or "
                                    "undefined");
}

static js_status array_sort(const js_args *a, js_value *out)
{
    js_object *o = NULL;
    int64_t len;
    js_status st = require_comparator(a->vm, js_arg(a, 0));
    if (st != JS_OK || (st = this_and_length(a, NULL, &o, &len)) != JS_OK)
        return st;
    *out = js_obj(o);
    return len < 2 ? JS_OK : sort_object(a->vm, o, len, js_arg(a, 0));
}

static js_status array_to_sorted(const js_args *a, js_value *out)
{
    js_object *o = NULL, *r = NULL;
    int64_t len;
    js_status st = require_comparator(a->vm, js_arg(a, 0));
    if (st != JS_OK || (st = this_and_length(a, NULL, &o, &len)) != JS_OK ||
        (st = array_create(a->vm, len, &r)) != JS_OK)
        return st;
    *out = js_obj(r);
    for (int64_t k = 0; k < len && st == JS_OK; k++)
        st = get_elem(a->vm, o, k, &r->u.array.items[k]);
    return st != JS_OK || len < 2 ? st : sort_object(a->vm, r, len, js_arg(a, 0));
}

/* ---- iterators: keys, values, entries (23.1.3.19, 38, 6) --------------------------------------- */

static js_status iterator_of(const js_args *a, int kind, js_value *out)
{
    js_object *o = NULL;
    js_status st = this_object(a, NULL, &o);
    if (st == JS_OK)
        *out = js_obj(make_iterator(a->vm, kind, js_obj(o)));
    return st;
}

static js_status array_values(const js_args *a, js_value *out) { return iterator_of(a, ITER_VALUES, out); }
static js_status array_keys(const js_args *a, js_value *out) { return iterator_of(a, ITER_KEYS, out); }
static js_status array_entries(const js_args *a, js_value *out) { return iterator_of(a, ITER_ENTRIES, out); }

/* ---- the objects ------------------------------------------------------------------------------- */

enum { ALWAYS, IF_AT, IF_FIND_LAST, IF_TO_SORTED };

/* Array.prototype's methods in V8's order (Object.getOwnPropertyNames lists them so) */
static const struct {
    const char *name;
    int length;
    js_native_fn fn;
    int feature;
} methods[] = {
    {"at", 1, array_at, IF_AT},
    {"concat", 1, array_concat, ALWAYS},
    {"copyWithin", 2, array_copy_within, ALWAYS},
    {"fill", 1, array_fill, ALWAYS},
    {"find", 1, array_find, ALWAYS},
    {"findIndex", 1, array_find_index, ALWAYS},
    {"findLast", 1, array_find_last, IF_FIND_LAST},
    {"findLastIndex", 1, array_find_last_index, IF_FIND_LAST},
    {"lastIndexOf", 1, array_last_index_of, ALWAYS},
    {"pop", 0, array_pop, ALWAYS},
    {"push", 1, array_push_m, ALWAYS},
    {"reverse", 0, array_reverse, ALWAYS},
    {"shift", 0, array_shift, ALWAYS},
    {"unshift", 1, array_unshift, ALWAYS},
    {"slice", 2, array_slice, ALWAYS},
    {"sort", 1, array_sort, ALWAYS},
    {"splice", 2, array_splice, ALWAYS},
    {"includes", 1, array_includes, ALWAYS},
    {"indexOf", 1, array_index_of, ALWAYS},
    {"join", 1, array_join, ALWAYS},
    {"keys", 0, array_keys, ALWAYS},
    {"entries", 0, array_entries, ALWAYS},
    {"values", 0, array_values, ALWAYS},
    {"forEach", 1, array_for_each, ALWAYS},
    {"filter", 1, array_filter, ALWAYS},
    {"flat", 0, array_flat, ALWAYS},
    {"flatMap", 1, array_flat_map, ALWAYS},
    {"map", 1, array_map, ALWAYS},
    {"every", 1, array_every, ALWAYS},
    {"some", 1, array_some, ALWAYS},
    {"reduce", 1, array_reduce, ALWAYS},
    {"reduceRight", 1, array_reduce_right, ALWAYS},
    {"toLocaleString", 0, array_to_locale_string, ALWAYS},
    {"toString", 0, array_to_string, ALWAYS},
    {"toReversed", 0, array_to_reversed, IF_TO_SORTED},
    {"toSorted", 1, array_to_sorted, IF_TO_SORTED},
    {"toSpliced", 2, array_to_spliced, IF_TO_SORTED},
    {"with", 2, array_with, IF_TO_SORTED},
};

static bool has_feature(const js_vm *vm, int feature)
{
    switch (feature) {
    case IF_AT: return vm->features.array_at;
    case IF_FIND_LAST: return vm->features.array_find_last;
    case IF_TO_SORTED: return vm->features.array_to_sorted;
    default: return true;
    }
}

void builtin_array(js_vm *vm)
{
    js_object *proto = array_new(vm, 0);
    proto->proto = vm->in.object_prototype;
    vm->in.array_prototype = proto;
    js_object *ctor = define_ctor(vm, "Array", 1, array_ctor, proto);
    vm->in.array_ctor = ctor;
    define_native(vm, ctor, "isArray", 1, array_is_array);
    define_native(vm, ctor, "from", 1, array_from);
    define_native(vm, ctor, "of", 0, array_of);
    js_object *species = native_new(vm, "get [Symbol.species]", 0, array_species, false);
    prop_define_accessor(vm, ctor, sym_key(vm->sym.species), species, NULL, PROP_CONFIGURABLE);
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        if (!has_feature(vm, methods[i].feature))
            continue;
        if (methods[i].fn == array_to_string) {
            js_value f = js_new_native(vm, "toString", 0, array_to_string, NULL, 1);
            js_prop *ots = prop_find(vm, vm->in.object_prototype, &A(vm, toString)->gc);
            *js_native_slot(f.u.object, 0) = ots ? ots->value : js_undefined();
            prop_define_value(vm, proto, &A(vm, toString)->gc, f, PROP_HIDDEN);
            continue;
        }
        js_object *f = define_native(vm, proto, methods[i].name, methods[i].length, methods[i].fn);
        if (methods[i].fn == array_values) {
            prop_define_value(vm, proto, sym_key(vm->sym.iterator), js_obj(f), PROP_HIDDEN);
            vm->in.array_values = js_obj(f);
        }
    }
}
