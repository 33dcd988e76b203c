/* object.c - properties: the ordered property map, [[Get]] and [[Set]] along the prototype
 * chain, arrays' elements, and the order keys are listed in.
 *
 * A property map (js_propmap) is an array of properties in insertion order and, once an object
 * has more than INDEX_AT of them, an open-addressing index from key to position.  Keys are atoms
 * or symbols, so a key compares by pointer.  Deleting a property marks it deleted; the array is
 * compacted when deleted entries outnumber live ones.
 *
 * Arrays (CLASS_ARRAY) keep their elements in a dense vector, holes as JS_THOLE; `length` is
 * that vector's length, not a stored property.  An element key is an atom flagged STR_INDEX
 * (string.c) or a number that is an array index; other keys go to the property map as for any
 * object.  The vector is limited to MAX_DENSE elements (a sparse array larger than that is not
 * modelled: a RangeError says so).
 *
 * Key order (ECMA-262 OrdinaryOwnPropertyKeys): an array's indexes, then an ordinary object's
 * integer-like keys ascending, then the other strings in insertion order, then symbols.
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

enum { INDEX_AT = 8, MAX_DENSE = 1 << 24 };

static void oom(void)
{
    ls_out_of_memory(0);
}

static uint32_t key_hash(js_key k)
{
    uintptr_t p = (uintptr_t)k;
    p ^= p >> 17;
    p *= 0xed5ad4bbu;
    p ^= p >> 11;
    return (uint32_t)p;
}

static void index_rebuild(js_propmap *m)
{
    free(m->index);
    m->index = NULL;
    m->index_cap = 0;
    if (m->live <= INDEX_AT)
        return;
    uint32_t cap = 16;
    while (cap < 2 * m->count)
        cap *= 2;
    m->index = calloc(cap, sizeof *m->index);
    if (!m->index)
        oom();
    m->index_cap = cap;
    for (uint32_t i = 0; i < m->count; i++) {
        if (m->props[i].flags & PROP_DELETED)
            continue;
        uint32_t h = key_hash(m->props[i].key) & (cap - 1);
        while (m->index[h])
            h = (h + 1) & (cap - 1);
        m->index[h] = i + 1;
    }
}

js_prop *prop_find(js_vm *vm, const js_object *o, js_key key)
{
    if (o->lazy_fn_props) { /* it has only those two */
        if (key != &A(vm, length)->gc && key != &A(vm, name)->gc)
            return NULL;
        fn_props_settle(vm, (js_object *)o);
    }
    const js_propmap *m = &o->props;
    if (m->index) {
        uint32_t h = key_hash(key) & (m->index_cap - 1);
        for (uint32_t i; (i = m->index[h]); h = (h + 1) & (m->index_cap - 1))
            if (m->props[i - 1].key == key)
                return &m->props[i - 1];
        return NULL;
    }
    for (uint32_t i = 0; i < m->count; i++)
        if (m->props[i].key == key && !(m->props[i].flags & PROP_DELETED))
            return &m->props[i];
    return NULL;
}

js_prop *prop_find_chain(js_vm *vm, const js_object *o, js_key key, js_object **holder)
{
    for (; o; o = o->proto) {
        js_prop *p = prop_find(vm, o, key);
        if (p) {
            if (holder)
                *holder = (js_object *)o;
            return p;
        }
    }
    return NULL;
}

void props_free(js_vm *vm, js_prop *props, uint32_t cap)
{
    if (props && cap == PROPS_FIRST_CAP) {
        memcpy(props, &vm->free_props, sizeof vm->free_props); /* the list's link, in place */
        vm->free_props = props;
        return;
    }
    free(props);
}

js_prop *prop_add(js_vm *vm, js_object *o, js_key key, uint8_t flags)
{
    fn_props_settle(vm, o); /* they come first */
    gc_note_write(vm, o);
    js_propmap *m = &o->props;
    if (m->count == m->cap) {
        if (!m->cap && vm->free_props) {
            /* most objects have a few properties, and a run of a search makes and drops the
             * same ones over and over (closures: length, name, prototype) */
            m->props = vm->free_props;
            memcpy(&vm->free_props, m->props, sizeof vm->free_props);
        } else {
            js_prop *grown = realloc(m->props, (m->cap ? 2 * m->cap : PROPS_FIRST_CAP)
                                                   * sizeof *m->props);
            if (!grown)
                oom();
            m->props = grown;
        }
        m->cap = m->cap ? 2 * m->cap : PROPS_FIRST_CAP;
    }
    js_prop *p = &m->props[m->count++];
    memset(p, 0, sizeof *p);
    p->key = key;
    p->flags = flags;
    p->value = js_undefined();
    m->live++;
    if (m->index && 2 * m->count > m->index_cap) {
        index_rebuild(m);
    } else if (m->index) {
        uint32_t h = key_hash(key) & (m->index_cap - 1);
        while (m->index[h])
            h = (h + 1) & (m->index_cap - 1);
        m->index[h] = m->count;
    } else if (m->live > INDEX_AT) {
        index_rebuild(m);
    }
    return &m->props[m->count - 1];
}

bool prop_delete(js_vm *vm, js_object *o, js_key key)
{
    js_prop *p = prop_find(vm, o, key);
    if (!p)
        return true;
    if (!(p->flags & PROP_CONFIGURABLE))
        return false;
    gc_note_write(vm, o);
    p->flags = PROP_DELETED;
    p->value = js_undefined();
    js_propmap *m = &o->props;
    m->live--;
    if (m->count > 2 * m->live + 8) { /* compact */
        uint32_t w = 0;
        for (uint32_t i = 0; i < m->count; i++)
            if (!(m->props[i].flags & PROP_DELETED))
                m->props[w++] = m->props[i];
        m->count = w;
    }
    index_rebuild(m);
    return true;
}

void prop_define_value(js_vm *vm, js_object *o, js_key key, js_value v, uint8_t flags)
{
    js_prop *p = prop_find(vm, o, key);
    if (!p)
        p = prop_add(vm, o, key, flags);
    else
        gc_note_write(vm, o);
    p->flags = flags & (PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE);
    p->value = v;
    p->getter = p->setter = NULL;
}

void prop_define_accessor(js_vm *vm, js_object *o, js_key key, js_object *getter,
                          js_object *setter, uint8_t flags)
{
    js_prop *p = prop_find(vm, o, key);
    if (!p) {
        p = prop_add(vm, o, key, flags);
    } else {
        gc_note_write(vm, o);
        if (!(p->flags & PROP_ACCESSOR)) {
            p->getter = p->setter = NULL;
            p->value = js_undefined();
        }
    }
    p->flags = (uint8_t)((flags & (PROP_ENUMERABLE | PROP_CONFIGURABLE)) | PROP_ACCESSOR);
    if (getter)
        p->getter = getter;
    if (setter)
        p->setter = setter;
}

/* ---- arrays --------------------------------------------------------------------------------- */

bool obj_is_array(const js_object *o)
{
    return o->cls == CLASS_ARRAY;
}

static void array_reserve(js_object *a, uint32_t n)
{
    js_array *arr = &a->u.array;
    if (n <= arr->cap)
        return;
    uint32_t cap = arr->cap ? arr->cap : 4;
    while (cap < n)
        cap = cap * 2 > cap ? cap * 2 : n;
    arr->items = realloc(arr->items, (size_t)cap * sizeof *arr->items);
    if (!arr->items)
        oom();
    arr->cap = cap;
}

js_object *array_new(js_vm *vm, uint32_t n)
{
    js_object *a = obj_new(vm, CLASS_ARRAY, vm->in.array_prototype);
    if (n) {
        array_reserve(a, n);
        for (uint32_t i = 0; i < n; i++)
            a->u.array.items[i].type = JS_THOLE;
        a->u.array.length = n;
    }
    return a;
}

void array_push(js_vm *vm, js_object *a, js_value v)
{
    note_write(vm, a);
    array_reserve(a, a->u.array.length + 1);
    a->u.array.items[a->u.array.length++] = v;
}

void array_set_length(js_vm *vm, js_object *a, uint32_t len)
{
    note_write(vm, a);
    js_array *arr = &a->u.array;
    if (len > arr->length) {
        array_reserve(a, len);
        for (uint32_t i = arr->length; i < len; i++)
            arr->items[i].type = JS_THOLE;
    }
    arr->length = len;
}

bool array_index_of_key(js_key key, uint32_t *out)
{
    if (key->kind != GC_STRING || !(((js_string *)key)->flags & STR_INDEX))
        return false;
    *out = ((js_string *)key)->index;
    return true;
}

/* An own element of an array-like exotic (arrays, arguments, String objects): found? */
static bool own_element(js_vm *vm, js_object *o, uint32_t i, js_value *out)
{
    if (o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS) {
        if (i < o->u.array.length && o->u.array.items[i].type != JS_THOLE) {
            *out = o->u.array.items[i];
            return true;
        }
        return false;
    }
    if (o->cls == CLASS_STRING) {
        js_string *s = o->u.primitive.u.string;
        if (i < s->length) {
            *out = js_strv(str_slice(vm, s, i, i + 1));
            return true;
        }
    }
    return false;
}

/* ---- [[Get]] and [[Set]] ------------------------------------------------------------------ */

js_status obj_get(js_vm *vm, js_object *o, js_key key, js_value receiver, js_value *out)
{
    uint32_t index;
    bool is_index = array_index_of_key(key, &index);
    for (js_object *x = o; x; x = x->proto) {
        if (is_index && own_element(vm, x, index, out))
            return JS_OK;
        if ((x->cls == CLASS_ARRAY || x->cls == CLASS_ARGUMENTS) && key == &A(vm, length)->gc &&
            x->cls == CLASS_ARRAY) {
            *out = js_number(x->u.array.length);
            return JS_OK;
        }
        if (x->cls == CLASS_STRING && key == &A(vm, length)->gc) {
            *out = js_number(x->u.primitive.u.string->length);
            return JS_OK;
        }
        js_prop *p = prop_find(vm, x, key);
        if (!p)
            continue;
        if (!(p->flags & PROP_ACCESSOR)) {
            *out = p->value;
            return JS_OK;
        }
        if (!p->getter) {
            *out = js_undefined();
            return JS_OK;
        }
        return vm_call(vm, js_obj(p->getter), receiver, 0, NULL, out);
    }
    *out = js_undefined();
    return JS_OK;
}

/* ---- what cannot be written: V8's messages ------------------------------------------------ */

const char *key_display(js_vm *vm, js_key key)
{
    if (key->kind == GC_STRING)
        return ((js_string *)key)->chars;
    js_symbol *s = (js_symbol *)key;
    return str_printf(vm, "Symbol(%s)", s->description ? s->description->chars : "")->chars;
}

/* OrdinarySet returned false (10.1.9.2): a TypeError in strict code, nothing in sloppy code */
static js_status read_only(js_vm *vm, js_value receiver, js_key key, bool strict)
{
    if (!strict)
        return JS_OK;
    const char *type = receiver.type != JS_TOBJECT ? js_typeof(receiver)
                       : js_is_callable(receiver) ? "function" : "object";
    return throw_kind(vm, ERR_TYPE, "Cannot assign to read only property '%s' of %s '%s'",
                      key_display(vm, key), type, val_describe(vm, receiver)->chars);
}

static js_status not_extensible(js_vm *vm, js_key key, bool strict)
{
    if (!strict)
        return JS_OK;
    return throw_kind(vm, ERR_TYPE, "Cannot add property %s, object is not extensible",
                      key_display(vm, key));
}

static js_status only_getter(js_vm *vm, js_value receiver, js_key key, bool strict)
{
    if (!strict)
        return JS_OK;
    return throw_kind(vm, ERR_TYPE, "Cannot set property %s of %s which has only a getter",
                      key_display(vm, key), val_describe(vm, receiver)->chars);
}

/* ---- [[Set]] ------------------------------------------------------------------------------- */

/* An element of an array or arguments object: an existing one is read-only once the object is
 * frozen, a new one (a hole included) needs an extensible object. */
static js_status set_element(js_vm *vm, js_object *a, uint32_t index, js_value v, bool strict)
{
    bool exists = index < a->u.array.length && a->u.array.items[index].type != JS_THOLE;
    if (exists ? a->frozen_hint : !a->extensible) {
        js_key key = &atom_from_index(vm, index)->gc;
        return exists ? read_only(vm, js_obj(a), key, strict) : not_extensible(vm, key, strict);
    }
    if (index >= MAX_DENSE)
        return throw_kind(vm, ERR_RANGE, "loopsim does not model sparse arrays of more than "
                                         "%d elements (index %u)", MAX_DENSE, index);
    if (index >= a->u.array.length)
        array_set_length(vm, a, index + 1);
    note_write(vm, a);
    a->u.array.items[index] = v;
    return JS_OK;
}

/* ArraySetLength (10.4.2.4) once the length is a valid one: a sealed array's elements cannot
 * be deleted, so it shrinks only down to past its last element at or above `len`. */
static js_status shrink_or_grow(js_vm *vm, js_object *a, uint32_t len, bool strict)
{
    uint32_t keep = len;
    if (a->sealed_hint)
        for (uint32_t i = a->u.array.length; i > len; i--)
            if (a->u.array.items[i - 1].type != JS_THOLE) {
                keep = i;
                break;
            }
    array_set_length(vm, a, keep);
    if (keep > len && strict)
        return throw_kind(vm, ERR_TYPE, "Cannot delete property '%u' of %s", keep - 1,
                          val_describe(vm, js_obj(a))->chars);
    return JS_OK;
}

/* ToUint32 of a new length, which must be the number itself (RangeError otherwise) */
static js_status new_length(js_vm *vm, js_value v, uint32_t *out)
{
    double d;
    js_status st = to_number(vm, v, &d);
    if (st != JS_OK)
        return st;
    *out = js_to_uint32(d);
    if ((double)*out != d)
        return throw_kind(vm, ERR_RANGE, "Invalid array length");
    if (*out > MAX_DENSE)
        return throw_kind(vm, ERR_RANGE, "loopsim does not model arrays longer than %d", MAX_DENSE);
    return JS_OK;
}

static js_status set_array_length(js_vm *vm, js_object *a, js_value v, bool strict)
{
    uint32_t len;
    js_status st = new_length(vm, v, &len);
    if (st != JS_OK)
        return st;
    if (a->frozen_hint)
        return read_only(vm, js_obj(a), &A(vm, length)->gc, strict);
    return shrink_or_grow(vm, a, len, strict);
}

/* Object.defineProperty(array, "length", {value}) after validation: ArraySetLength's deletions
 * (a TypeError where a sealed array's element stays, as V8 says it) */
js_status array_define_length(js_vm *vm, js_object *a, js_value v, bool *refused)
{
    uint32_t len;
    js_status st = new_length(vm, v, &len);
    *refused = st == JS_OK && a->frozen_hint && len != a->u.array.length;
    if (st != JS_OK || *refused)
        return st;
    return shrink_or_grow(vm, a, len, true);
}

static bool is_dense(const js_object *o)
{
    return o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS;
}

js_status obj_set(js_vm *vm, js_object *o, js_key key, js_value v, js_value receiver,
                  bool strict)
{
    uint32_t index = 0;
    bool is_index = array_index_of_key(key, &index);
    bool receiver_is_o = receiver.type == JS_TOBJECT && receiver.u.object == o;
    if (receiver_is_o && is_dense(o)) {
        /* an element (unless an accessor was defined on that index: the map has it) */
        if (is_index && !(o->props.live && prop_find(vm, o, key)))
            return set_element(vm, o, index, v, strict);
        if (key == &A(vm, length)->gc && o->cls == CLASS_ARRAY)
            return set_array_length(vm, o, v, strict);
    }
    /* find the property along the chain: a setter or a read-only one decides */
    for (js_object *x = o; x; x = x->proto) {
        js_prop *p = prop_find(vm, x, key);
        if (!p) { /* an element, length or character (a key is never in both) */
            uint8_t flags;
            if (!(is_dense(x) || x->cls == CLASS_STRING) || !own_exotic(vm, x, key, NULL, &flags))
                continue;
            if (!(flags & PROP_WRITABLE))
                return read_only(vm, receiver, key, strict);
            break; /* a writable element: defined on the receiver */
        }
        if (p->flags & PROP_ACCESSOR) {
            if (!p->setter)
                return only_getter(vm, receiver, key, strict);
            js_value r;
            js_value arg = v;
            return vm_call(vm, js_obj(p->setter), receiver, 1, &arg, &r);
        }
        if (!(p->flags & PROP_WRITABLE))
            return read_only(vm, receiver, key, strict);
        if (x == o && receiver_is_o) {
            gc_note_write(vm, o);
            p->value = v;
            return JS_OK;
        }
        break; /* an inherited writable data property: define on the receiver */
    }
    if (receiver.type != JS_TOBJECT)
        return strict ? throw_kind(vm, ERR_TYPE, "Cannot create property '%s' on %s '%s'",
                                   key_display(vm, key), js_typeof(receiver),
                                   js_to_string_safe(vm, receiver)->chars)
                      : JS_OK;
    js_object *r = receiver.u.object;
    if (r != o) {
        uint8_t flags;
        js_prop *own = prop_find(vm, r, key);
        if (own && !(own->flags & PROP_ACCESSOR)) {
            if (!(own->flags & PROP_WRITABLE))
                return read_only(vm, receiver, key, strict);
            gc_note_write(vm, r);
            own->value = v;
            return JS_OK;
        }
        if (own)
            return JS_OK; /* an accessor of the receiver's own: OrdinarySet returns false */
        if ((is_dense(r) || r->cls == CLASS_STRING) && own_exotic(vm, r, key, NULL, &flags)) {
            if (!(flags & PROP_WRITABLE))
                return read_only(vm, receiver, key, strict);
            if (is_index)
                return set_element(vm, r, index, v, strict);
            return set_array_length(vm, r, v, strict);
        }
    }
    if (!r->extensible)
        return not_extensible(vm, key, strict);
    if (is_index && is_dense(r))
        return set_element(vm, r, index, v, strict);
    js_prop *p = prop_add(vm, r, key, PROP_DEFAULT);
    p->value = v;
    return JS_OK;
}

/* ---- on any value --------------------------------------------------------------------------- */

static js_object *proto_for_primitive(js_vm *vm, js_value v)
{
    switch (v.type) {
    case JS_TBOOLEAN: return vm->in.boolean_prototype;
    case JS_TNUMBER: return vm->in.number_prototype;
    case JS_TSTRING: return vm->in.string_prototype;
    case JS_TSYMBOL: return vm->in.symbol_prototype;
    case JS_TBIGINT: return vm->in.bigint_prototype;
    default: return NULL;
    }
}

js_status val_get(js_vm *vm, js_value base, js_key key, js_value *out)
{
    if (base.type == JS_TOBJECT)
        return obj_get(vm, base.u.object, key, base, out);
    if (js_is_nullish(base))
        return throw_kind(vm, ERR_TYPE, "Cannot read properties of %s (reading '%s')",
                          base.type == JS_TNULL ? "null" : "undefined", key_display(vm, key));
    if (base.type == JS_TSTRING) {
        uint32_t index;
        if (key == &A(vm, length)->gc) {
            *out = js_number(base.u.string->length);
            return JS_OK;
        }
        if (array_index_of_key(key, &index)) {
            if (index < base.u.string->length) {
                *out = js_strv(str_slice(vm, base.u.string, index, index + 1));
                return JS_OK;
            }
        }
    }
    js_object *proto = proto_for_primitive(vm, base);
    if (!proto) {
        *out = js_undefined();
        return JS_OK;
    }
    return obj_get(vm, proto, key, base, out);
}

js_status val_set(js_vm *vm, js_value base, js_key key, js_value v, bool strict)
{
    if (base.type == JS_TOBJECT)
        return obj_set(vm, base.u.object, key, v, base, strict);
    if (js_is_nullish(base))
        return throw_kind(vm, ERR_TYPE, "Cannot set properties of %s (setting '%s')",
                          base.type == JS_TNULL ? "null" : "undefined", key_display(vm, key));
    /* a string's characters and length are its own, read-only (10.4.3) */
    uint32_t index;
    if (base.type == JS_TSTRING &&
        (key == &A(vm, length)->gc ||
         (array_index_of_key(key, &index) && index < base.u.string->length)))
        return read_only(vm, base, key, strict);
    /* OrdinarySet on the prototype with the primitive as the receiver: a setter runs; a
     * writable data property would be created on the primitive, which fails */
    js_object *proto = proto_for_primitive(vm, base);
    return proto ? obj_set(vm, proto, key, v, base, strict) : JS_OK;
}

js_status to_key(js_vm *vm, js_value v, js_key *out)
{
    if (v.type == JS_TSTRING) {
        *out = &atom_of(vm, v.u.string)->gc;
        return JS_OK;
    }
    if (v.type == JS_TNUMBER) {
        double d = v.u.number;
        if (d >= 0 && d < 4294967295.0 && d == (double)(uint32_t)d) {
            *out = &atom_from_index(vm, (uint32_t)d)->gc;
            return JS_OK;
        }
    }
    if (v.type == JS_TSYMBOL) {
        *out = &v.u.symbol->gc;
        return JS_OK;
    }
    js_value prim = v;
    if (v.type == JS_TOBJECT) {
        js_status st = to_primitive(vm, v, 2, &prim);
        if (st != JS_OK)
            return st;
        if (prim.type == JS_TSYMBOL) {
            *out = &prim.u.symbol->gc;
            return JS_OK;
        }
    }
    js_string *s;
    js_status st = to_string(vm, prim, &s);
    if (st != JS_OK)
        return st;
    *out = &atom_of(vm, s)->gc;
    return JS_OK;
}

/* a number key that is an index, without making its atom */
static bool number_index(js_value key, uint32_t *out)
{
    if (key.type != JS_TNUMBER)
        return false;
    double d = key.u.number;
    if (d >= 0 && d < 4294967295.0 && d == (double)(uint32_t)d) {
        *out = (uint32_t)d;
        return true;
    }
    return false;
}

js_status val_get_elem(js_vm *vm, js_value base, js_value key, js_value *out)
{
    uint32_t i;
    if (base.type == JS_TOBJECT && number_index(key, &i)) {
        js_object *o = base.u.object;
        if ((o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS) && i < o->u.array.length &&
            o->u.array.items[i].type != JS_THOLE) {
            *out = o->u.array.items[i];
            return JS_OK;
        }
    } else if (base.type == JS_TSTRING && number_index(key, &i)) {
        if (i < base.u.string->length) {
            *out = js_strv(str_slice(vm, base.u.string, i, i + 1));
            return JS_OK;
        }
        *out = js_undefined();
        return JS_OK;
    }
    if (js_is_nullish(base)) {
        return throw_kind(vm, ERR_TYPE, "Cannot read properties of %s (reading '%s')",
                          base.type == JS_TNULL ? "null" : "undefined",
                          js_to_string_safe(vm, key)->chars);
    }
    js_key k;
    js_status st = to_key(vm, key, &k);
    if (st != JS_OK)
        return st;
    return val_get(vm, base, k, out);
}

js_status val_set_elem(js_vm *vm, js_value base, js_value key, js_value v, bool strict)
{
    uint32_t i;
    if (base.type == JS_TOBJECT && base.u.object->cls == CLASS_ARRAY && number_index(key, &i) &&
        base.u.object->extensible && !base.u.object->frozen_hint && !base.u.object->props.live) {
        js_object *o = base.u.object;
        if (i < o->u.array.length) {
            note_write(vm, o);
            o->u.array.items[i] = v;
            return JS_OK;
        }
        /* an index past the end: setters on the prototype chain are not looked for */
        return set_element(vm, o, i, v, strict);
    }
    if (js_is_nullish(base)) {
        return throw_kind(vm, ERR_TYPE, "Cannot set properties of %s (setting '%s')",
                          base.type == JS_TNULL ? "null" : "undefined",
                          js_to_string_safe(vm, key)->chars);
    }
    js_key k;
    js_status st = to_key(vm, key, &k);
    if (st != JS_OK)
        return st;
    return val_set(vm, base, k, v, strict);
}

js_status val_delete(js_vm *vm, js_value base, js_value key, bool strict, bool *out)
{
    js_object *o;
    js_status st = to_object(vm, base, &o);
    if (st != JS_OK)
        return st;
    js_key k;
    if ((st = to_key(vm, key, &k)) != JS_OK)
        return st;
    uint8_t flags;
    uint32_t i;
    if ((is_dense(o) || o->cls == CLASS_STRING) && own_exotic(vm, o, k, NULL, &flags)) {
        /* elements, lengths, characters: an element is deleted unless the object is sealed */
        *out = (flags & PROP_CONFIGURABLE) != 0;
        if (*out && array_index_of_key(k, &i)) {
            gc_note_write(vm, o);
            o->u.array.items[i].type = JS_THOLE;
        }
    } else {
        *out = prop_delete(vm, o, k);
    }
    if (!*out && strict)
        return throw_kind(vm, ERR_TYPE, "Cannot delete property '%s' of %s", key_display(vm, k),
                          val_describe(vm, js_obj(o))->chars);
    return JS_OK;
}

js_status val_has(js_vm *vm, js_value obj, js_value key, bool *out)
{
    if (obj.type != JS_TOBJECT) {
        return throw_kind(vm, ERR_TYPE, "Cannot use 'in' operator to search for '%s' in %s",
                          js_to_string_safe(vm, key)->chars, js_to_string_safe(vm, obj)->chars);
    }
    js_key k;
    js_status st = to_key(vm, key, &k);
    if (st != JS_OK)
        return st;
    uint32_t i;
    bool idx = array_index_of_key(k, &i);
    for (js_object *o = obj.u.object; o; o = o->proto) {
        js_value dummy;
        if ((idx && own_element(vm, o, i, &dummy)) || prop_find(vm, o, k) ||
            (o->cls == CLASS_ARRAY && k == &A(vm, length)->gc)) {
            *out = true;
            return JS_OK;
        }
    }
    *out = false;
    return JS_OK;
}

/* ---- listing keys ---------------------------------------------------------------------------- */

static int by_index(const void *a, const void *b)
{
    uint32_t x = ((const js_string *)((const js_value *)a)->u.string)->index;
    uint32_t y = ((const js_string *)((const js_value *)b)->u.string)->index;
    return x < y ? -1 : x > y;
}

js_value *obj_own_keys(js_vm *vm, js_object *o, bool strings, bool symbols, bool only_enumerable,
                       uint32_t *n)
{
    fn_props_settle(vm, o);
    uint32_t cap = o->props.count + 1;
    uint32_t nelems = 0;
    if (o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS)
        nelems = o->u.array.length;
    else if (o->cls == CLASS_STRING)
        nelems = o->u.primitive.u.string->length;
    js_value *keys = malloc((size_t)(cap + nelems) * sizeof *keys);
    if (!keys)
        oom();
    uint32_t k = 0;
    if (strings) {
        for (uint32_t i = 0; i < nelems; i++) {
            if ((o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS) &&
                o->u.array.items[i].type == JS_THOLE)
                continue;
            keys[k++] = js_strv(atom_from_index(vm, i));
        }
        /* integer-like keys of the map, ascending (an array's with its elements: an accessor
         * defined on an index is in the map), then the other strings in order */
        uint32_t first = k;
        for (uint32_t i = 0; i < o->props.count; i++) {
            js_prop *p = &o->props.props[i];
            if ((p->flags & PROP_DELETED) || key_is_symbol(p->key) ||
                !(((js_string *)p->key)->flags & STR_INDEX))
                continue;
            if (only_enumerable && !(p->flags & PROP_ENUMERABLE))
                continue;
            keys[k++] = js_strv((js_string *)p->key);
        }
        if (k > first)
            qsort(keys, k, sizeof *keys, by_index);
        for (uint32_t i = 0; i < o->props.count; i++) {
            js_prop *p = &o->props.props[i];
            if ((p->flags & PROP_DELETED) || key_is_symbol(p->key) ||
                (((js_string *)p->key)->flags & STR_INDEX))
                continue;
            if (only_enumerable && !(p->flags & PROP_ENUMERABLE))
                continue;
            if (((js_string *)p->key) == A(vm, length) && o->cls == CLASS_ARRAY)
                continue;
            keys[k++] = js_strv((js_string *)p->key);
        }
    }
    if (symbols) {
        for (uint32_t i = 0; i < o->props.count; i++) {
            js_prop *p = &o->props.props[i];
            if ((p->flags & PROP_DELETED) || !key_is_symbol(p->key) ||
                ((js_symbol *)p->key)->private_name)
                continue;
            if (only_enumerable && !(p->flags & PROP_ENUMERABLE))
                continue;
            js_value v = {JS_TSYMBOL, {.symbol = (js_symbol *)p->key}};
            keys[k++] = v;
        }
    }
    *n = k;
    return keys;
}

js_object *fn_proto_of(js_vm *vm, js_value ctor, js_object *fallback)
{
    if (ctor.type != JS_TOBJECT)
        return fallback;
    js_value p;
    if (obj_get(vm, ctor.u.object, &A(vm, prototype)->gc, ctor, &p) != JS_OK)
        return fallback;
    return p.type == JS_TOBJECT ? p.u.object : fallback;
}

/* ---- js.h --------------------------------------------------------------------------------------- */

js_value js_new_object(js_vm *vm)
{
    return js_obj(obj_new(vm, CLASS_OBJECT, vm->in.object_prototype));
}

js_value js_new_array(js_vm *vm, int n, const js_value *items)
{
    js_object *a = array_new(vm, 0);
    for (int i = 0; i < n; i++)
        array_push(vm, a, items[i]);
    return js_obj(a);
}

js_status js_get(js_vm *vm, js_value obj, const char *name, js_value *out)
{
    return val_get(vm, obj, &atom_cstr(vm, name)->gc, out);
}

js_status js_set(js_vm *vm, js_value obj, const char *name, js_value value)
{
    return val_set(vm, obj, &atom_cstr(vm, name)->gc, value, false);
}

void js_define_value(js_vm *vm, js_object *obj, const char *name, js_value value,
                     bool enumerable)
{
    prop_define_value(vm, obj ? obj : vm->global, &atom_cstr(vm, name)->gc, value,
                      enumerable ? PROP_DEFAULT : PROP_HIDDEN);
}

int js_object_class(js_value v)
{
    return v.type == JS_TOBJECT ? v.u.object->cls : -1;
}

/* ---- shared by the builtins (added for builtin_array.c and builtin_reflect.c) ---------------- */

/* IsConstructor (ECMA-262 7.2.4).  (vm.c has the same test as a static function.) */
bool val_is_constructor(js_value v)
{
    if (v.type != JS_TOBJECT)
        return false;
    js_object *o = v.u.object;
    switch (o->cls) {
    case CLASS_FUNCTION:
        return o->u.fn.is_class || (o->u.fn.proto->flags & PROTO_CLASS_CTOR) ||
               !(o->u.fn.proto->flags & (PROTO_ARROW | PROTO_METHOD | PROTO_ASYNC | PROTO_GENERATOR));
    case CLASS_NATIVE:
        return o->u.native.constructor;
    case CLASS_BOUND:
        return val_is_constructor(o->u.bound.target);
    default:
        return false;
    }
}

/* V8's JSReceiver::GetDataProperty: a data property along the chain, without running getters
 * (an accessor gives undefined). */
static js_value data_property(js_vm *vm, js_object *o, js_key key)
{
    js_prop *p = prop_find_chain(vm, o, key, NULL);
    return p && !(p->flags & PROP_ACCESSOR) ? p->value : js_undefined();
}

static js_string *describe_function(js_vm *vm, js_object *f)
{
    if (f->cls == CLASS_FUNCTION) {
        const js_proto *p = f->u.fn.proto;
        const js_program *prog = p->program;
        if (prog && prog->source && p->end <= prog->source_len && p->end > p->start)
            return str_new(vm, prog->source + p->start, p->end - p->start);
    }
    js_value name = f->cls == CLASS_NATIVE ? data_property(vm, f, &A(vm, name)->gc) : js_undefined();
    return str_printf(vm, "function %s() { [native code] }",
                      name.type == JS_TSTRING ? name.u.string->chars : "");
}

static js_string *describe_error(js_vm *vm, js_object *o)
{
    js_value name = data_property(vm, o, &A(vm, name)->gc), msg = data_property(vm, o, &A(vm, message)->gc);
    const char *n = name.type == JS_TSTRING ? name.u.string->chars : "Error";
    const char *m = msg.type == JS_TSTRING ? msg.u.string->chars : "";
    if (!*n || !*m)
        return str_cstr(vm, *n ? n : m);
    return str_printf(vm, "%s: %s", n, m);
}

/* V8's Object::NoSideEffectsToString, how its TypeErrors show a value ("#<Foo> is not a
 * function", "[object Array] is not a constructor"): primitives as ToString prints them,
 * symbols as "Symbol(description)", functions by their source text, errors as "Name: message",
 * an object whose toString is Object.prototype.toString as "#<ConstructorName>", any other
 * object as "[object Tag]".  Runs no JavaScript. */
js_string *val_describe(js_vm *vm, js_value v)
{
    if (v.type != JS_TOBJECT)
        return js_to_string_safe(vm, v);
    js_object *o = v.u.object;
    if (js_is_callable(v))
        return describe_function(vm, o);
    js_value to_string = data_property(vm, o, &A(vm, toString)->gc);
    js_value error_to_string = data_property(vm, vm->in.error_protos[ERR_ERROR], &A(vm, toString)->gc);
    if (o->cls == CLASS_ERROR || (to_string.type == JS_TOBJECT && strict_equals(to_string, error_to_string)))
        return describe_error(vm, o);
    js_value object_to_string = data_property(vm, vm->in.object_prototype, &A(vm, toString)->gc);
    if (to_string.type == JS_TOBJECT && strict_equals(to_string, object_to_string)) {
        js_value ctor = data_property(vm, o, &A(vm, constructor)->gc);
        js_value name = js_is_callable(ctor) ? data_property(vm, ctor.u.object, &A(vm, name)->gc)
                                             : js_undefined();
        if (name.type == JS_TSTRING && name.u.string->len)
            return str_printf(vm, "#<%s>", name.u.string->chars);
    }
    const char *tag;
    switch ((js_class)o->cls) {
    case CLASS_ARRAY: tag = "Array"; break;
    case CLASS_BOOLEAN: tag = "Boolean"; break;
    case CLASS_NUMBER: tag = "Number"; break;
    case CLASS_STRING: tag = "String"; break;
    case CLASS_DATE: tag = "Date"; break;
    case CLASS_REGEXP: tag = "RegExp"; break;
    case CLASS_ARGUMENTS: tag = "Arguments"; break;
    default: tag = "Object"; break;
    }
    js_value t = data_property(vm, o, sym_key(vm->sym.to_string_tag));
    return str_printf(vm, "[object %s]", t.type == JS_TSTRING ? t.u.string->chars : tag);
}

js_value js_new_host_object(js_vm *vm, const js_host_class *cls, void *data, js_value proto)
{
    js_object *o = obj_new(vm, CLASS_HOST, proto.type == JS_TOBJECT ? proto.u.object
                                                                    : vm->in.object_prototype);
    o->u.host.cls = cls;
    o->u.host.data = data;
    return js_obj(o);
}

void *js_host_data(js_value v, const js_host_class *cls)
{
    if (v.type != JS_TOBJECT || v.u.object->cls != CLASS_HOST || v.u.object->u.host.cls != cls)
        return NULL;
    return v.u.object->u.host.data;
}

/* ---- exotic objects' own properties (added for builtin_object.c and builtin_reflect.c) -------- */

/* The properties of array exotic objects (10.4.2), String exotic objects (10.4.3) and arguments
 * objects (10.4.4) that live outside the property map.  Their attributes are the object's as a
 * whole: an element is writable until the object is frozen and configurable until it is sealed
 * (Object.freeze and Object.seal set the hints; attributes of single elements are not modelled);
 * an array's length is writable until it is frozen; a String object's characters and length
 * are read-only and non-configurable. */
bool own_exotic(js_vm *vm, js_object *o, js_key key, js_value *value, uint8_t *flags)
{
    uint32_t i;
    bool is_index = array_index_of_key(key, &i);
    if (is_dense(o)) {
        if (is_index && i < o->u.array.length && o->u.array.items[i].type != JS_THOLE) {
            if (value)
                *value = o->u.array.items[i];
            *flags = (uint8_t)(PROP_ENUMERABLE | (o->frozen_hint ? 0 : PROP_WRITABLE) |
                               (o->sealed_hint ? 0 : PROP_CONFIGURABLE));
            return true;
        }
        if (o->cls == CLASS_ARRAY && key == &A(vm, length)->gc) {
            if (value)
                *value = js_number(o->u.array.length);
            *flags = o->frozen_hint ? 0 : PROP_WRITABLE;
            return true;
        }
        return false;
    }
    if (o->cls == CLASS_STRING && o->u.primitive.type == JS_TSTRING) {
        js_string *s = o->u.primitive.u.string;
        if (is_index && i < s->length) {
            if (value)
                *value = js_strv(str_slice(vm, s, i, i + 1));
            *flags = PROP_ENUMERABLE;
            return true;
        }
        if (key == &A(vm, length)->gc) {
            if (value)
                *value = js_number(s->length);
            *flags = 0;
            return true;
        }
    }
    return false;
}

js_value *obj_own_property_keys(js_vm *vm, js_object *o, bool strings, bool symbols,
                                uint32_t *n)
{
    js_value *keys = obj_own_keys(vm, o, strings, symbols, false, n);
    if (!strings || (o->cls != CLASS_ARRAY && o->cls != CLASS_STRING))
        return keys;
    /* the virtual "length": after the integer keys (room for it: obj_own_keys keeps one) */
    uint32_t at = 0;
    while (at < *n && keys[at].type == JS_TSTRING && (keys[at].u.string->flags & STR_INDEX))
        at++;
    memmove(keys + at + 1, keys + at, (*n - at) * sizeof *keys);
    keys[at] = js_strv(A(vm, length));
    (*n)++;
    return keys;
}

int obj_set_prototype(js_vm *vm, js_object *o, js_object *proto)
{
    if (proto == o->proto)
        return SETPROTO_OK;
    if (!o->extensible)
        return SETPROTO_NOT_EXTENSIBLE;
    for (js_object *p = proto; p; p = p->proto)
        if (p == o)
            return SETPROTO_CYCLE;
    gc_note_write(vm, o);
    o->proto = proto;
    return SETPROTO_OK;
}
