/* builtin_map.c - Map, Set, WeakMap and WeakSet (ECMA-262 24.1-24.4).
 *
 * A collection keeps its entries in a js_mapdata (jsi.h): keys and values in insertion order,
 * a deleted entry's key replaced by JS_THOLE, and an open-addressing index (entry + 1) over
 * the entries.  This is the specification's List of entries (24.1.3.3 Map.prototype.delete
 * "replaces the element with ~empty~"): an entry keeps its position for its whole life, so
 * the iterators (builtin_iterator.c: kinds 5-9 walk the keys by position) and forEach see
 * exactly what 24.1.5.1 CreateMapIterator and 24.1.3.5 forEach describe: a deleted entry
 * is skipped, an entry added during the iteration is visited, clear() empties every position
 * and what is added afterwards is visited.  The price is that positions are never reused:
 * the arrays grow with the insertions (V8 compacts its tables and moves its live iterators
 * along, which positional iterators cannot follow).  The index keeps deleted entries as
 * tombstones until it is rebuilt, when it grows.
 *
 * Keys are compared with SameValueZero (-0 is stored as +0; NaN finds NaN); strings hash by
 * their contents, objects and symbols by identity.  The index holds (entry + 1, hash) pairs,
 * so that a probe compares hashes before it looks at a key.  A Set has no values array
 * (NULL).
 *
 * WeakMap and WeakSet take only objects and symbols that are not registered (CanBeHeldWeakly,
 * 9.13) as keys, as V8 does, but hold them strongly: loopsim's collector has no ephemerons,
 * and a program cannot observe the difference (it has no WeakRef or FinalizationRegistry
 * here).
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

js_object *make_iterator(js_vm *vm, int kind, js_value target);

enum { ITER_MAP_KEYS = 5, ITER_MAP_VALUES, ITER_MAP_ENTRIES, ITER_SET_VALUES, ITER_SET_ENTRIES };

/* ---- the entries ---------------------------------------------------------------------------- */

static uint32_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    return (uint32_t)x;
}

static uint32_t key_hash(js_value k)
{
    switch (k.type) {
    case JS_TNUMBER: {
        double d = k.u.number;
        if (d == 0)
            d = 0; /* -0 */
        if (isnan(d))
            return 0x7ff80000u;
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        return mix(bits);
    }
    case JS_TSTRING: return k.u.string->hash;
    case JS_TBOOLEAN: return k.u.boolean ? 3 : 4;
    case JS_TSYMBOL: return mix((uint64_t)(uintptr_t)k.u.symbol);
    case JS_TOBJECT: return mix((uint64_t)(uintptr_t)k.u.object);
    default: return (uint32_t)k.type;
    }
}

static void index_insert(js_mapdata *m, uint32_t entry, uint32_t hash)
{
    uint32_t mask = m->index_cap - 1, i = hash & mask;
    while (m->index[2 * i])
        i = (i + 1) & mask;
    m->index[2 * i] = entry + 1;
    m->index[2 * i + 1] = hash;
}

/* rebuilds the index with room for the entries there are (deleted ones are dropped) */
static void index_rebuild(js_mapdata *m)
{
    uint32_t cap = 16;
    while (cap < 2 * m->count + 2)
        cap *= 2;
    free(m->index);
    m->index = calloc(2 * (size_t)cap, sizeof *m->index);
    if (!m->index)
        ls_out_of_memory(0);
    m->index_cap = cap;
    for (uint32_t e = 0; e < m->count; e++)
        if (m->keys[e].type != JS_THOLE)
            index_insert(m, e, key_hash(m->keys[e]));
}

/* the entry of key k (of that hash), or -1 */
static int64_t entry_of_hash(const js_mapdata *m, js_value k, uint32_t hash)
{
    if (!m->index_cap)
        return -1;
    uint32_t mask = m->index_cap - 1, i = hash & mask;
    for (uint32_t e; (e = m->index[2 * i]); i = (i + 1) & mask)
        if (m->index[2 * i + 1] == hash && m->keys[e - 1].type != JS_THOLE &&
            same_value_zero(m->keys[e - 1], k))
            return e - 1;
    return -1;
}

static int64_t entry_of(const js_mapdata *m, js_value k)
{
    return entry_of_hash(m, k, key_hash(k));
}

static void entries_reserve(js_mapdata *m, bool with_values)
{
    if (m->count < m->cap)
        return;
    m->cap = m->cap ? 2 * m->cap : 8;
    m->keys = realloc(m->keys, m->cap * sizeof *m->keys);
    if (with_values)
        m->values = realloc(m->values, m->cap * sizeof *m->values);
    if (!m->keys || (with_values && !m->values))
        ls_out_of_memory(0);
}

/* sets k (to v in a map); a new key is appended */
static void entry_put(js_vm *vm, js_object *o, js_value k, js_value v, bool with_values)
{
    js_mapdata *m = &o->u.map;
    gc_note_write(vm, o);
    if (k.type == JS_TNUMBER && k.u.number == 0)
        k = js_number(0);
    uint32_t hash = key_hash(k);
    int64_t e = entry_of_hash(m, k, hash);
    if (e >= 0) {
        if (with_values)
            m->values[e] = v;
        return;
    }
    entries_reserve(m, with_values);
    m->keys[m->count] = k;
    if (with_values)
        m->values[m->count] = v;
    m->count++;
    m->live++;
    if (2 * m->count + 2 > m->index_cap)
        index_rebuild(m);
    else
        index_insert(m, m->count - 1, hash);
}

static bool entry_delete(js_vm *vm, js_object *o, js_value k)
{
    js_mapdata *m = &o->u.map;
    int64_t e = entry_of(m, k);
    if (e < 0)
        return false;
    gc_note_write(vm, o);
    m->keys[e].type = JS_THOLE;
    if (m->values)
        m->values[e] = js_undefined();
    m->live--;
    return true;
}

static void entries_clear(js_vm *vm, js_object *o)
{
    js_mapdata *m = &o->u.map;
    gc_note_write(vm, o);
    for (uint32_t e = 0; e < m->count; e++) {
        m->keys[e].type = JS_THOLE;
        if (m->values)
            m->values[e] = js_undefined();
    }
    m->live = 0;
    if (m->index)
        memset(m->index, 0, 2 * (size_t)m->index_cap * sizeof *m->index);
}

/* ---- receivers and messages ---------------------------------------------------------------- */

typedef struct {
    js_class cls;
    const char *name;
} collection;

static const collection MAP = {CLASS_MAP, "Map"}, SET = {CLASS_SET, "Set"},
                        WEAKMAP = {CLASS_WEAKMAP, "WeakMap"}, WEAKSET = {CLASS_WEAKSET, "WeakSet"};

static js_status this_collection(const js_args *a, const collection *c, js_object **out)
{
    js_value v = a->this_value;
    *out = NULL;
    if (v.type == JS_TOBJECT && v.u.object->cls == c->cls) {
        *out = v.u.object;
        return JS_OK;
    }
    return throw_kind(a->vm, ERR_TYPE, "Method %s.prototype.%s called on incompatible receiver %s",
                      c->name, a->callee->u.native.name, str_describe(a->vm, v)->chars);
}

/* how V8 names a value it cannot call when it cannot print the call site */
static js_string *callee_text(js_vm *vm, js_value v)
{
    switch (v.type) {
    case JS_TSTRING: return str_printf(vm, "string \"%s\"", v.u.string->chars);
    case JS_TNULL: return str_cstr(vm, "object null");
    case JS_TBOOLEAN: return str_cstr(vm, v.u.boolean ? "boolean true" : "boolean false");
    case JS_TNUMBER: return str_printf(vm, "number %s", str_from_number(vm, v.u.number)->chars);
    default: return typeof_string(vm, v);
    }
}

/* CanBeHeldWeakly (9.13) */
static bool can_be_held_weakly(js_value v)
{
    return v.type == JS_TOBJECT || (v.type == JS_TSYMBOL && !v.u.symbol->registered);
}

/* ---- the constructors ---------------------------------------------------------------------- */

/* 24.1.1.2 AddEntriesFromIterable (pairs) or the Set constructor's loop (values) */
static js_status add_from_iterable(js_vm *vm, js_value target, js_value iterable, bool pairs)
{
    const char *adder_name = pairs ? "set" : "add";
    js_value adder;
    js_status st = val_get(vm, target, &atom_cstr(vm, adder_name)->gc, &adder);
    if (st != JS_OK)
        return st;
    if (!js_is_callable(adder))
        return throw_kind(vm, ERR_TYPE, "'%s' returned for property '%s' of object '%s' is not a "
                                        "function", js_to_string_safe(vm, adder)->chars,
                          adder_name, str_describe(vm, target)->chars);
    js_value method;
    if ((st = val_get(vm, iterable, sym_key(vm->sym.iterator), &method)) != JS_OK)
        return st;
    if (!js_is_callable(method))
        return throw_kind(vm, ERR_TYPE, "%s is not iterable (cannot read property "
                                        "Symbol(Symbol.iterator))",
                          callee_text(vm, iterable)->chars);
    js_iter it;
    if ((st = iter_open(vm, iterable, &it)) != JS_OK)
        return st;
    for (;;) {
        js_value item, args[2], r;
        bool done;
        if ((st = iter_step(vm, &it, &item, &done)) != JS_OK || done)
            return st;
        int argc = 1;
        args[0] = item;
        if (pairs) {
            argc = 2;
            if (item.type != JS_TOBJECT)
                st = throw_kind(vm, ERR_TYPE, "Iterator value %s is not an entry object",
                                js_to_string_safe(vm, item)->chars);
            if (st == JS_OK)
                st = val_get_elem(vm, item, js_number(0), &args[0]);
            if (st == JS_OK)
                st = val_get_elem(vm, item, js_number(1), &args[1]);
        }
        if (st == JS_OK)
            st = vm_call(vm, adder, target, argc, args, &r);
        if (st != JS_OK) {
            if (st == JS_THROW) {
                js_value ex = js_take_exception(vm);
                if (iter_close(vm, &it) == JS_THROW)
                    js_take_exception(vm);
                return js_throw(vm, ex);
            }
            return st;
        }
    }
}

static js_status construct(const js_args *a, const collection *c, js_object *proto, bool pairs,
                           js_value *out)
{
    js_vm *vm = a->vm;
    if (js_is_undefined(a->new_target))
        return throw_kind(vm, ERR_TYPE, "Constructor %s requires 'new'", c->name);
    js_object *o = obj_new(vm, c->cls, fn_proto_of(vm, a->new_target, proto));
    *out = js_obj(o);
    js_value iterable = js_arg(a, 0);
    if (js_is_nullish(iterable))
        return JS_OK;
    return add_from_iterable(vm, *out, iterable, pairs);
}

static js_status map_ctor(const js_args *a, js_value *out)
{
    return construct(a, &MAP, a->vm->in.map_prototype, true, out);
}

static js_status set_ctor(const js_args *a, js_value *out)
{
    return construct(a, &SET, a->vm->in.set_prototype, false, out);
}

static js_status weakmap_ctor(const js_args *a, js_value *out)
{
    return construct(a, &WEAKMAP, a->vm->in.weakmap_prototype, true, out);
}

static js_status weakset_ctor(const js_args *a, js_value *out)
{
    return construct(a, &WEAKSET, a->vm->in.weakset_prototype, false, out);
}

/* ---- the methods, shared by the four where they can be ---------------------------------- */

/* the collection of the native's data: &MAP, &SET, ... */
static const collection *kind_of(const js_args *a)
{
    return a->callee->u.native.data;
}

static bool is_weak(const collection *c)
{
    return c->cls == CLASS_WEAKMAP || c->cls == CLASS_WEAKSET;
}

static js_status method_get(const js_args *a, js_value *out)
{
    js_object *o;
    js_status st = this_collection(a, kind_of(a), &o);
    if (st != JS_OK)
        return st;
    int64_t e = entry_of(&o->u.map, js_arg(a, 0));
    *out = e >= 0 ? o->u.map.values[e] : js_undefined();
    return JS_OK;
}

static js_status method_has(const js_args *a, js_value *out)
{
    js_object *o;
    js_status st = this_collection(a, kind_of(a), &o);
    if (st != JS_OK)
        return st;
    *out = js_bool(entry_of(&o->u.map, js_arg(a, 0)) >= 0);
    return JS_OK;
}

/* set (maps) and add (sets) */
static js_status method_put(const js_args *a, js_value *out)
{
    const collection *c = kind_of(a);
    js_object *o;
    js_status st = this_collection(a, c, &o);
    if (st != JS_OK)
        return st;
    js_value k = js_arg(a, 0);
    bool pairs = c->cls == CLASS_MAP || c->cls == CLASS_WEAKMAP;
    if (is_weak(c) && !can_be_held_weakly(k))
        return throw_kind(a->vm, ERR_TYPE, pairs ? "Invalid value used as weak map key"
                                                 : "Invalid value used in weak set");
    entry_put(a->vm, o, k, js_arg(a, 1), pairs);
    *out = a->this_value;
    return JS_OK;
}

static js_status method_delete(const js_args *a, js_value *out)
{
    js_object *o;
    js_status st = this_collection(a, kind_of(a), &o);
    if (st != JS_OK)
        return st;
    *out = js_bool(entry_delete(a->vm, o, js_arg(a, 0)));
    return JS_OK;
}

static js_status method_clear(const js_args *a, js_value *out)
{
    js_object *o;
    js_status st = this_collection(a, kind_of(a), &o);
    if (st != JS_OK)
        return st;
    entries_clear(a->vm, o);
    *out = js_undefined();
    return JS_OK;
}

static js_status method_size(const js_args *a, js_value *out)
{
    const collection *c = kind_of(a);
    js_value v = a->this_value;
    if (v.type != JS_TOBJECT || v.u.object->cls != c->cls)
        return throw_kind(a->vm, ERR_TYPE, "Method get %s.prototype.size called on incompatible "
                                           "receiver %s", c->name, str_describe(a->vm, v)->chars);
    *out = js_number(v.u.object->u.map.live);
    return JS_OK;
}

/* forEach: callback(value, key, collection) over the entries as they are when it gets there */
static js_status method_for_each(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o;
    js_status st = this_collection(a, kind_of(a), &o);
    if (st != JS_OK)
        return st;
    js_value fn = js_arg(a, 0), self = js_arg(a, 1);
    if (!js_is_callable(fn))
        return throw_kind(vm, ERR_TYPE, "%s is not a function", callee_text(vm, fn)->chars);
    js_mapdata *m = &o->u.map;
    for (uint32_t e = 0; e < m->count; e++) {
        if (m->keys[e].type == JS_THOLE)
            continue;
        js_value k = m->keys[e], args[3] = {m->values ? m->values[e] : k, k, js_obj(o)}, r;
        if ((st = vm_call(vm, fn, self, 3, args, &r)) != JS_OK)
            return st;
    }
    *out = js_undefined();
    return JS_OK;
}

/* keys, values, entries: the iterator kind is the native's data */
static js_status method_iterate(const js_args *a, js_value *out)
{
    int kind = (int)(intptr_t)a->callee->u.native.data;
    const collection *c = kind >= ITER_SET_VALUES ? &SET : &MAP;
    js_value v = a->this_value;
    if (v.type != JS_TOBJECT || v.u.object->cls != c->cls)
        return throw_kind(a->vm, ERR_TYPE, "Method %s.prototype.%s called on incompatible receiver "
                                           "%s", c->name, a->callee->u.native.name,
                          str_describe(a->vm, v)->chars);
    *out = js_obj(make_iterator(a->vm, kind, v));
    return JS_OK;
}

/* ---- setup ------------------------------------------------------------------------------------ */

static js_object *method(js_vm *vm, js_object *proto, const char *name, int length,
                         js_native_fn fn, const void *data)
{
    js_object *f = define_native(vm, proto, name, length, fn);
    f->u.native.data = (void *)data;
    return f;
}

static js_object *iterate(js_vm *vm, js_object *proto, const char *name, int kind)
{
    return method(vm, proto, name, 0, method_iterate, (void *)(intptr_t)kind);
}

static void size_getter(js_vm *vm, js_object *proto, const collection *c)
{
    js_object *g = native_new(vm, "get size", 0, method_size, false);
    g->u.native.data = (void *)c;
    prop_define_accessor(vm, proto, &atom_cstr(vm, "size")->gc, g, NULL, PROP_CONFIGURABLE);
}

static js_status species_getter(const js_args *a, js_value *out)
{
    *out = a->this_value;
    return JS_OK;
}

/* the prototype, the constructor with its Symbol.species (Map, Set) and the tag */
static js_object *define_collection(js_vm *vm, const collection *c, js_native_fn ctor_fn,
                                    js_object **intrinsic)
{
    js_object *proto = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    *intrinsic = proto;
    js_object *ctor = define_ctor(vm, c->name, 0, ctor_fn, proto);
    if (!is_weak(c)) {
        js_object *g = native_new(vm, "get [Symbol.species]", 0, species_getter, false);
        prop_define_accessor(vm, ctor, sym_key(vm->sym.species), g, NULL, PROP_CONFIGURABLE);
    }
    return proto;
}

static void tag(js_vm *vm, js_object *proto, const collection *c)
{
    prop_define_value(vm, proto, sym_key(vm->sym.to_string_tag), js_strv(atom_cstr(vm, c->name)),
                      PROP_CONFIGURABLE);
}

static void builtin_map_proto(js_vm *vm)
{
    js_object *p = define_collection(vm, &MAP, map_ctor, &vm->in.map_prototype);
    method(vm, p, "get", 1, method_get, &MAP);
    method(vm, p, "set", 2, method_put, &MAP);
    method(vm, p, "has", 1, method_has, &MAP);
    method(vm, p, "delete", 1, method_delete, &MAP);
    method(vm, p, "clear", 0, method_clear, &MAP);
    js_object *entries = iterate(vm, p, "entries", ITER_MAP_ENTRIES);
    method(vm, p, "forEach", 1, method_for_each, &MAP);
    iterate(vm, p, "keys", ITER_MAP_KEYS);
    size_getter(vm, p, &MAP);
    iterate(vm, p, "values", ITER_MAP_VALUES);
    tag(vm, p, &MAP);
    prop_define_value(vm, p, sym_key(vm->sym.iterator), js_obj(entries), PROP_HIDDEN);
}

static void builtin_set_proto(js_vm *vm)
{
    js_object *p = define_collection(vm, &SET, set_ctor, &vm->in.set_prototype);
    method(vm, p, "has", 1, method_has, &SET);
    method(vm, p, "add", 1, method_put, &SET);
    method(vm, p, "delete", 1, method_delete, &SET);
    method(vm, p, "clear", 0, method_clear, &SET);
    iterate(vm, p, "entries", ITER_SET_ENTRIES);
    method(vm, p, "forEach", 1, method_for_each, &SET);
    size_getter(vm, p, &SET);
    js_object *values = iterate(vm, p, "values", ITER_SET_VALUES);
    prop_define_value(vm, p, &atom_cstr(vm, "keys")->gc, js_obj(values), PROP_HIDDEN);
    tag(vm, p, &SET);
    prop_define_value(vm, p, sym_key(vm->sym.iterator), js_obj(values), PROP_HIDDEN);
}

static void builtin_weak_protos(js_vm *vm)
{
    js_object *wm = define_collection(vm, &WEAKMAP, weakmap_ctor, &vm->in.weakmap_prototype);
    method(vm, wm, "delete", 1, method_delete, &WEAKMAP);
    method(vm, wm, "get", 1, method_get, &WEAKMAP);
    method(vm, wm, "set", 2, method_put, &WEAKMAP);
    method(vm, wm, "has", 1, method_has, &WEAKMAP);
    tag(vm, wm, &WEAKMAP);
    js_object *ws = define_collection(vm, &WEAKSET, weakset_ctor, &vm->in.weakset_prototype);
    method(vm, ws, "delete", 1, method_delete, &WEAKSET);
    method(vm, ws, "has", 1, method_has, &WEAKSET);
    method(vm, ws, "add", 1, method_put, &WEAKSET);
    tag(vm, ws, &WEAKSET);
}

void builtin_map(js_vm *vm)
{
    builtin_map_proto(vm);
    builtin_set_proto(vm);
    builtin_weak_protos(vm);
}
