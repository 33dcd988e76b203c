/* builtin_object.c - Object (ECMA-262 20.1): the constructor's statics (keys, entries, assign,
 * freeze, create, defineProperty, ...) and Object.prototype (hasOwnProperty, toString, ...).
 *
 * defineProperty is the specification's: ToPropertyDescriptor (6.2.6.5) reads the attributes
 * object's fields in order and checks them, then ValidateAndApplyPropertyDescriptor (10.1.6.3)
 * compares the descriptor with the current property - a non-configurable property may be
 * "redefined" with the same attributes and values (SameValue), which changes nothing - and
 * applies it.  What it refuses throws V8's TypeErrors ("Cannot redefine property: x", "Cannot
 * define property x, object is not extensible"), which builtin_reflect.c turns into false.
 * The elements of arrays, arguments and String objects are object.c's (own_exotic): their
 * attributes are the object's as a whole (frozen, sealed), so a definition that would give one
 * element attributes of its own sets its value only. */
#include "jsi.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#include "numconv.h"

static js_status require_object(js_vm *vm, js_value v, const char *what, js_object **out)
{
    if (v.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "%s called on non-object", what);
    *out = v.u.object;
    return JS_OK;
}

static js_status object_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value v = js_arg(a, 0);
    if (!js_is_undefined(a->new_target) && a->new_target.u.object != a->callee) {
        *out = js_obj(obj_new(vm, CLASS_OBJECT, fn_proto_of(vm, a->new_target,
                                                             vm->in.object_prototype)));
        return JS_OK;
    }
    if (js_is_nullish(v)) {
        *out = js_obj(obj_new(vm, CLASS_OBJECT, vm->in.object_prototype));
        return JS_OK;
    }
    js_object *o;
    js_status st = to_object(vm, v, &o);
    *out = js_obj(o);
    return st;
}

static js_value key_value(js_value k)
{
    return k;
}

/* keys: 0 keys, 1 values, 2 entries */
static js_status list_own(const js_args *a, int what, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o;
    js_status st = to_object(vm, js_arg(a, 0), &o);
    if (st != JS_OK)
        return st;
    uint32_t n;
    js_value *keys = obj_own_keys(vm, o, true, false, true, &n);
    js_object *r = array_new(vm, 0);
    for (uint32_t i = 0; i < n && st == JS_OK; i++) {
        if (what == 0) {
            array_push(vm, r, key_value(keys[i]));
            continue;
        }
        js_value v;
        st = obj_get(vm, o, &keys[i].u.string->gc, js_obj(o), &v);
        if (st != JS_OK)
            break;
        if (what == 1) {
            array_push(vm, r, v);
        } else {
            js_object *e = array_new(vm, 0);
            array_push(vm, e, keys[i]);
            array_push(vm, e, v);
            array_push(vm, r, js_obj(e));
        }
    }
    free(keys);
    *out = js_obj(r);
    return st;
}

static js_status object_keys(const js_args *a, js_value *out) { return list_own(a, 0, out); }
static js_status object_values(const js_args *a, js_value *out) { return list_own(a, 1, out); }
static js_status object_entries(const js_args *a, js_value *out) { return list_own(a, 2, out); }

static js_status own_names(const js_args *a, bool symbols, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o;
    js_status st = to_object(vm, js_arg(a, 0), &o);
    if (st != JS_OK)
        return st;
    uint32_t n;
    js_value *keys = obj_own_property_keys(vm, o, !symbols, symbols, &n);
    js_object *r = array_new(vm, 0);
    for (uint32_t i = 0; i < n; i++)
        array_push(vm, r, keys[i]);
    free(keys);
    *out = js_obj(r);
    return JS_OK;
}

static js_status object_get_own_property_names(const js_args *a, js_value *out)
{
    return own_names(a, false, out);
}

static js_status object_get_own_property_symbols(const js_args *a, js_value *out)
{
    return own_names(a, true, out);
}

static js_status object_assign(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *target;
    js_status st = to_object(vm, js_arg(a, 0), &target);
    if (st != JS_OK)
        return st;
    for (int i = 1; i < a->argc && st == JS_OK; i++) {
        if (js_is_nullish(a->argv[i]))
            continue;
        js_object *src;
        if ((st = to_object(vm, a->argv[i], &src)) != JS_OK)
            break;
        uint32_t n;
        js_value *keys = obj_own_keys(vm, src, true, true, true, &n);
        for (uint32_t k = 0; k < n && st == JS_OK; k++) {
            js_key key = keys[k].type == JS_TSTRING ? &keys[k].u.string->gc : &keys[k].u.symbol->gc;
            js_value v;
            st = obj_get(vm, src, key, js_obj(src), &v);
            if (st == JS_OK)
                st = obj_set(vm, target, key, v, js_obj(target), true);
        }
        free(keys);
    }
    *out = js_obj(target);
    return st;
}

static void set_integrity(js_vm *vm, js_object *o, bool freeze)
{
    gc_note_write(vm, o);
    o->extensible = false;
    o->sealed_hint = true;
    if (freeze)
        o->frozen_hint = true;
    fn_props_settle(vm, o);
    for (uint32_t i = 0; i < o->props.count; i++) {
        js_prop *p = &o->props.props[i];
        p->flags &= (uint8_t)~PROP_CONFIGURABLE;
        if (freeze && !(p->flags & PROP_ACCESSOR))
            p->flags &= (uint8_t)~PROP_WRITABLE;
    }
}

static js_status object_freeze(const js_args *a, js_value *out)
{
    js_value v = js_arg(a, 0);
    if (v.type == JS_TOBJECT)
        set_integrity(a->vm, v.u.object, true);
    *out = v;
    return JS_OK;
}

static js_status object_seal(const js_args *a, js_value *out)
{
    js_value v = js_arg(a, 0);
    if (v.type == JS_TOBJECT)
        set_integrity(a->vm, v.u.object, false);
    *out = v;
    return JS_OK;
}

static js_status object_prevent_extensions(const js_args *a, js_value *out)
{
    js_value v = js_arg(a, 0);
    if (v.type == JS_TOBJECT)
        v.u.object->extensible = false;
    *out = v;
    return JS_OK;
}

/* TestIntegrityLevel (7.3.16) */
static bool test_integrity(js_vm *vm, js_object *o, bool frozen)
{
    if (o->extensible)
        return false;
    fn_props_settle(vm, o);
    if ((o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS) && !(frozen ? o->frozen_hint
                                                                          : o->sealed_hint))
        for (uint32_t i = 0; i < o->u.array.length; i++)
            if (o->u.array.items[i].type != JS_THOLE)
                return false;
    for (uint32_t i = 0; i < o->props.count; i++) {
        js_prop *p = &o->props.props[i];
        if (p->flags & PROP_DELETED)
            continue;
        if (p->flags & PROP_CONFIGURABLE)
            return false;
        if (frozen && !(p->flags & PROP_ACCESSOR) && (p->flags & PROP_WRITABLE))
            return false;
    }
    return true;
}

static js_status object_is_frozen(const js_args *a, js_value *out)
{
    js_value v = js_arg(a, 0);
    *out = js_bool(v.type != JS_TOBJECT || test_integrity(a->vm, v.u.object, true));
    return JS_OK;
}

static js_status object_is_sealed(const js_args *a, js_value *out)
{
    js_value v = js_arg(a, 0);
    *out = js_bool(v.type != JS_TOBJECT || test_integrity(a->vm, v.u.object, false));
    return JS_OK;
}

static js_status object_is_extensible(const js_args *a, js_value *out)
{
    js_value v = js_arg(a, 0);
    *out = js_bool(v.type == JS_TOBJECT && v.u.object->extensible);
    return JS_OK;
}

/* ---- property descriptors -------------------------------------------------------------------- */

/* A Property Descriptor (6.2.6): the fields it has and their values */
typedef struct {
    bool has_value, has_writable, has_get, has_set, has_enumerable, has_configurable;
    bool writable, enumerable, configurable;
    js_value value, get, set;
} prop_desc;

static js_status get_field(js_vm *vm, js_value desc, const char *name, bool *has, js_value *v)
{
    js_value key = js_strv(atom_cstr(vm, name));
    js_status st = val_has(vm, desc, key, has);
    if (st != JS_OK || !*has)
        return st;
    return val_get_elem(vm, desc, key, v);
}

/* ToPropertyDescriptor (6.2.6.5): the fields read in the specification's order, each checked
 * as it is read, with V8's messages */
static js_status to_descriptor(js_vm *vm, js_value obj, prop_desc *d)
{
    memset(d, 0, sizeof *d);
    d->value = d->get = d->set = js_undefined();
    if (obj.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Property description must be an object: %s",
                          js_to_string_safe(vm, obj)->chars);
    js_value e = js_undefined(), c = js_undefined(), w = js_undefined();
    js_status st;
    if ((st = get_field(vm, obj, "enumerable", &d->has_enumerable, &e)) != JS_OK ||
        (st = get_field(vm, obj, "configurable", &d->has_configurable, &c)) != JS_OK ||
        (st = get_field(vm, obj, "value", &d->has_value, &d->value)) != JS_OK ||
        (st = get_field(vm, obj, "writable", &d->has_writable, &w)) != JS_OK)
        return st;
    d->enumerable = to_boolean(e);
    d->configurable = to_boolean(c);
    d->writable = to_boolean(w);
    if ((st = get_field(vm, obj, "get", &d->has_get, &d->get)) != JS_OK)
        return st;
    if (d->has_get && !js_is_undefined(d->get) && !js_is_callable(d->get))
        return throw_kind(vm, ERR_TYPE, "Getter must be a function: %s",
                          val_describe(vm, d->get)->chars);
    if ((st = get_field(vm, obj, "set", &d->has_set, &d->set)) != JS_OK)
        return st;
    if (d->has_set && !js_is_undefined(d->set) && !js_is_callable(d->set))
        return throw_kind(vm, ERR_TYPE, "Setter must be a function: %s",
                          val_describe(vm, d->set)->chars);
    if ((d->has_get || d->has_set) && (d->has_value || d->has_writable))
        return throw_kind(vm, ERR_TYPE, "Invalid property descriptor. Cannot both specify "
                                        "accessors and a value or writable attribute, %s",
                          val_describe(vm, obj)->chars);
    return JS_OK;
}

/* [[GetOwnProperty]] (10.1.5.1): a property of the map, or an element, length or character
 * object.c keeps outside it (exotic) */
typedef struct {
    bool found, exotic;
    uint8_t flags;
    js_value value;
    js_object *getter, *setter;
    js_prop *prop;
} own_prop;

static void get_own(js_vm *vm, js_object *o, js_key key, own_prop *c)
{
    memset(c, 0, sizeof *c);
    c->value = js_undefined();
    c->prop = prop_find(vm, o, key);
    if (c->prop) {
        c->found = true;
        c->flags = c->prop->flags;
        c->value = c->prop->value;
        c->getter = c->prop->getter;
        c->setter = c->prop->setter;
        return;
    }
    c->found = c->exotic = own_exotic(vm, o, key, &c->value, &c->flags);
}

static js_object *function_or_null(js_value v)
{
    return v.type == JS_TOBJECT ? v.u.object : NULL;
}

typedef enum { DEFINED, REFUSED_REDEFINE, REFUSED_NOT_EXTENSIBLE } define_result;

/* Validates the descriptor against a non-configurable current property (10.1.6.3 step 5):
 * true if the definition would change something it may not. */
static bool changes_fixed(const own_prop *cur, const prop_desc *d)
{
    bool accessor = d->has_get || d->has_set, generic = !accessor && !d->has_value &&
                                                          !d->has_writable;
    bool cur_accessor = (cur->flags & PROP_ACCESSOR) != 0;
    if ((d->has_configurable && d->configurable) ||
        (d->has_enumerable && d->enumerable != ((cur->flags & PROP_ENUMERABLE) != 0)) ||
        (!generic && accessor != cur_accessor))
        return true;
    if (cur_accessor)
        return (d->has_get && !same_value(d->get, cur->getter ? js_obj(cur->getter) : js_undefined())) ||
               (d->has_set && !same_value(d->set, cur->setter ? js_obj(cur->setter) : js_undefined()));
    if (!(cur->flags & PROP_WRITABLE))
        return (d->has_writable && d->writable) ||
               (d->has_value && !same_value(d->value, cur->value));
    return false;
}

/* Applies a validated descriptor to an element, length or character (own_exotic): a value, or
 * an element turned into an accessor (the map keeps it, the element becomes a hole) */
static js_status apply_exotic(js_vm *vm, js_object *o, js_key key, const own_prop *cur,
                              const prop_desc *d, define_result *r)
{
    uint32_t index;
    if (o->cls == CLASS_STRING)
        return JS_OK; /* validated: nothing changes */
    if (!array_index_of_key(key, &index)) { /* an array's length: ArraySetLength */
        bool refused = false;
        js_status st = d->has_value ? array_define_length(vm, o, d->value, &refused) : JS_OK;
        if (refused)
            *r = REFUSED_REDEFINE;
        return st;
    }
    gc_note_write(vm, o);
    if (d->has_get || d->has_set) {
        uint8_t flags = (uint8_t)(((d->has_enumerable ? d->enumerable : (cur->flags & PROP_ENUMERABLE) != 0)
                                       ? PROP_ENUMERABLE : 0) |
                                  ((d->has_configurable ? d->configurable
                                                        : (cur->flags & PROP_CONFIGURABLE) != 0)
                                       ? PROP_CONFIGURABLE : 0));
        o->u.array.items[index].type = JS_THOLE;
        prop_define_accessor(vm, o, key, function_or_null(d->get), function_or_null(d->set),
                             flags);
    } else if (d->has_value) {
        o->u.array.items[index] = d->value;
    }
    return JS_OK;
}

/* [[DefineOwnProperty]]: ValidateAndApplyPropertyDescriptor (10.1.6.3), and ArraySetLength
 * (10.4.2.4) for an array's length, whose new value is converted before anything is checked */
static js_status define_own(js_vm *vm, js_object *o, js_key key, const prop_desc *desc,
                            define_result *r)
{
    prop_desc len_desc;
    const prop_desc *d = desc;
    *r = DEFINED;
    if (o->cls == CLASS_ARRAY && key == &A(vm, length)->gc && d->has_value) {
        double num;
        js_status st = to_number(vm, d->value, &num);
        if (st != JS_OK)
            return st;
        if ((double)js_to_uint32(num) != num)
            return throw_kind(vm, ERR_RANGE, "Invalid array length");
        len_desc = *d;
        len_desc.value = js_number(num);
        d = &len_desc;
    }
    own_prop cur;
    get_own(vm, o, key, &cur);
    bool accessor = d->has_get || d->has_set;
    if (!cur.found) {
        if (!o->extensible) {
            *r = REFUSED_NOT_EXTENSIBLE;
            return JS_OK;
        }
        uint8_t flags = (uint8_t)((d->enumerable ? PROP_ENUMERABLE : 0) |
                                  (d->configurable ? PROP_CONFIGURABLE : 0));
        uint32_t index;
        if (accessor)
            prop_define_accessor(vm, o, key, function_or_null(d->get), function_or_null(d->set),
                                 flags);
        else if ((o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS) &&
                 array_index_of_key(key, &index)) /* a new element (object.c's checks) */
            return obj_set(vm, o, key, d->value, js_obj(o), true);
        else
            prop_define_value(vm, o, key, d->value,
                              (uint8_t)(flags | (d->writable ? PROP_WRITABLE : 0)));
        return JS_OK;
    }
    if (!d->has_value && !d->has_writable && !accessor && !d->has_enumerable &&
        !d->has_configurable)
        return JS_OK;
    if (!(cur.flags & PROP_CONFIGURABLE) && changes_fixed(&cur, d)) {
        *r = REFUSED_REDEFINE;
        return JS_OK;
    }
    if (cur.exotic)
        return apply_exotic(vm, o, key, &cur, d, r);
    js_prop *p = cur.prop;
    bool cur_accessor = (cur.flags & PROP_ACCESSOR) != 0;
    bool generic = !accessor && !d->has_value && !d->has_writable;
    uint8_t flags = (uint8_t)(((d->has_enumerable ? d->enumerable : (cur.flags & PROP_ENUMERABLE) != 0)
                                   ? PROP_ENUMERABLE : 0) |
                              ((d->has_configurable ? d->configurable
                                                    : (cur.flags & PROP_CONFIGURABLE) != 0)
                                   ? PROP_CONFIGURABLE : 0));
    gc_note_write(vm, o);
    if (accessor || (generic && cur_accessor)) {
        p->getter = d->has_get ? function_or_null(d->get) : cur_accessor ? p->getter : NULL;
        p->setter = d->has_set ? function_or_null(d->set) : cur_accessor ? p->setter : NULL;
        p->value = js_undefined();
        p->flags = (uint8_t)(flags | PROP_ACCESSOR);
    } else {
        bool writable = d->has_writable ? d->writable
                                        : !cur_accessor && (cur.flags & PROP_WRITABLE);
        if (d->has_value || cur_accessor)
            p->value = d->value;
        p->getter = p->setter = NULL;
        p->flags = (uint8_t)(flags | (writable ? PROP_WRITABLE : 0));
    }
    return JS_OK;
}

/* DefinePropertyOrThrow (7.3.8) with V8's messages */
static js_status define_or_throw(js_vm *vm, js_object *o, js_key key, const prop_desc *d)
{
    define_result r;
    js_status st = define_own(vm, o, key, d, &r);
    if (st != JS_OK || r == DEFINED)
        return st;
    if (r == REFUSED_NOT_EXTENSIBLE)
        return throw_kind(vm, ERR_TYPE, "Cannot define property %s, object is not extensible",
                          key_display(vm, key));
    return throw_kind(vm, ERR_TYPE, "Cannot redefine property: %s", key_display(vm, key));
}

static js_key key_of(js_value k)
{
    return k.type == JS_TSTRING ? &k.u.string->gc : &k.u.symbol->gc;
}

/* ObjectDefineProperties (20.1.2.3.1): every descriptor is read and checked before any
 * property is defined */
static js_status define_properties(js_vm *vm, js_object *o, js_value properties)
{
    js_object *props;
    js_status st = to_object(vm, properties, &props);
    if (st != JS_OK)
        return st;
    uint32_t n;
    js_value *keys = obj_own_keys(vm, props, true, true, true, &n);
    prop_desc *descs = malloc((n ? n : 1) * sizeof *descs);
    if (!descs)
        ls_out_of_memory(0);
    for (uint32_t i = 0; i < n && st == JS_OK; i++) {
        js_value d;
        st = obj_get(vm, props, key_of(keys[i]), js_obj(props), &d);
        if (st == JS_OK)
            st = to_descriptor(vm, d, &descs[i]);
    }
    for (uint32_t i = 0; i < n && st == JS_OK; i++)
        st = define_or_throw(vm, o, key_of(keys[i]), &descs[i]);
    free(descs);
    free(keys);
    return st;
}

static js_status object_create(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value p = js_arg(a, 0);
    if (p.type != JS_TOBJECT && p.type != JS_TNULL)
        return throw_kind(vm, ERR_TYPE, "Object prototype may only be an Object or null: %s",
                          js_to_string_safe(vm, p)->chars);
    js_object *o = obj_new(vm, CLASS_OBJECT, p.type == JS_TOBJECT ? p.u.object : NULL);
    *out = js_obj(o);
    js_value props = js_arg(a, 1);
    return js_is_undefined(props) ? JS_OK : define_properties(vm, o, props);
}

static js_status object_get_prototype_of(const js_args *a, js_value *out)
{
    js_object *o;
    js_status st = to_object(a->vm, js_arg(a, 0), &o);
    if (st != JS_OK)
        return st;
    *out = o->proto ? js_obj(o->proto) : js_null();
    return JS_OK;
}

/* [[SetPrototypeOf]] or V8's TypeError */
static js_status set_prototype_or_throw(js_vm *vm, js_object *o, js_value proto)
{
    switch (obj_set_prototype(vm, o, proto.type == JS_TOBJECT ? proto.u.object : NULL)) {
    case SETPROTO_NOT_EXTENSIBLE:
        return throw_kind(vm, ERR_TYPE, "%s is not extensible", val_describe(vm, js_obj(o))->chars);
    case SETPROTO_CYCLE:
        return throw_kind(vm, ERR_TYPE, "Cyclic __proto__ value");
    default:
        return JS_OK;
    }
}

/* Object.setPrototypeOf (20.1.2.23) */
static js_status object_set_prototype_of(const js_args *a, js_value *out)
{
    js_value o = js_arg(a, 0), p = js_arg(a, 1);
    if (js_is_nullish(o))
        return throw_kind(a->vm, ERR_TYPE, "Object.setPrototypeOf called on null or undefined");
    if (p.type != JS_TOBJECT && p.type != JS_TNULL)
        return throw_kind(a->vm, ERR_TYPE, "Object prototype may only be an Object or null: %s",
                          js_to_string_safe(a->vm, p)->chars);
    *out = o;
    return o.type == JS_TOBJECT ? set_prototype_or_throw(a->vm, o.u.object, p) : JS_OK;
}

static js_status object_define_property(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    js_status st = require_object(vm, js_arg(a, 0), "Object.defineProperty", &o);
    if (st != JS_OK)
        return st;
    js_key key;
    if ((st = to_key(vm, js_arg(a, 1), &key)) != JS_OK)
        return st;
    *out = js_obj(o);
    prop_desc d;
    if ((st = to_descriptor(vm, js_arg(a, 2), &d)) != JS_OK)
        return st;
    return define_or_throw(vm, o, key, &d);
}

static js_status object_define_properties(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o = NULL;
    js_status st = require_object(vm, js_arg(a, 0), "Object.defineProperties", &o);
    if (st != JS_OK)
        return st;
    *out = js_obj(o);
    return define_properties(vm, o, js_arg(a, 1));
}

/* FromPropertyDescriptor (6.2.6.4) of o's own property, or undefined */
static js_value descriptor_of(js_vm *vm, js_object *o, js_key key)
{
    own_prop c;
    get_own(vm, o, key, &c);
    if (!c.found)
        return js_undefined();
    js_object *d = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    if (c.flags & PROP_ACCESSOR) {
        prop_define_value(vm, d, &A(vm, get)->gc, c.getter ? js_obj(c.getter) : js_undefined(), PROP_DEFAULT);
        prop_define_value(vm, d, &A(vm, set)->gc, c.setter ? js_obj(c.setter) : js_undefined(), PROP_DEFAULT);
    } else {
        prop_define_value(vm, d, &A(vm, value)->gc, c.value, PROP_DEFAULT);
        prop_define_value(vm, d, &A(vm, writable)->gc, js_bool(c.flags & PROP_WRITABLE), PROP_DEFAULT);
    }
    prop_define_value(vm, d, &A(vm, enumerable)->gc, js_bool(c.flags & PROP_ENUMERABLE), PROP_DEFAULT);
    prop_define_value(vm, d, &A(vm, configurable)->gc, js_bool(c.flags & PROP_CONFIGURABLE),
                      PROP_DEFAULT);
    return js_obj(d);
}

static js_status object_get_own_property_descriptor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o;
    js_status st = to_object(vm, js_arg(a, 0), &o);
    if (st != JS_OK)
        return st;
    js_key key;
    if ((st = to_key(vm, js_arg(a, 1), &key)) != JS_OK)
        return st;
    *out = descriptor_of(vm, o, key);
    return JS_OK;
}

static js_status object_get_own_property_descriptors(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *o;
    js_status st = to_object(vm, js_arg(a, 0), &o);
    if (st != JS_OK)
        return st;
    js_object *r = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    uint32_t n;
    js_value *keys = obj_own_property_keys(vm, o, true, true, &n);
    for (uint32_t i = 0; i < n; i++)
        prop_define_value(vm, r, key_of(keys[i]), descriptor_of(vm, o, key_of(keys[i])),
                          PROP_DEFAULT);
    free(keys);
    *out = js_obj(r);
    return JS_OK;
}

static js_status object_from_entries(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *r = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    *out = js_obj(r);
    js_iter it;
    js_status st = iter_open(vm, js_arg(a, 0), &it);
    while (st == JS_OK) {
        js_value e, k, v;
        bool done;
        if ((st = iter_step(vm, &it, &e, &done)) != JS_OK || done)
            break;
        if ((st = val_get_elem(vm, e, js_number(0), &k)) != JS_OK ||
            (st = val_get_elem(vm, e, js_number(1), &v)) != JS_OK)
            break;
        js_key key;
        if ((st = to_key(vm, k, &key)) == JS_OK)
            prop_define_value(vm, r, key, v, PROP_DEFAULT);
    }
    return st;
}

static js_status object_is(const js_args *a, js_value *out)
{
    *out = js_bool(same_value(js_arg(a, 0), js_arg(a, 1)));
    return JS_OK;
}

static js_status has_own(js_vm *vm, js_value ov, js_value k, bool *out)
{
    js_object *o;
    js_status st = to_object(vm, ov, &o);
    if (st != JS_OK)
        return st;
    js_key key;
    if ((st = to_key(vm, k, &key)) != JS_OK)
        return st;
    uint8_t flags;
    *out = prop_find(vm, o, key) || own_exotic(vm, o, key, NULL, &flags);
    return JS_OK;
}

static js_status object_has_own(const js_args *a, js_value *out)
{
    bool r = false;
    js_status st = has_own(a->vm, js_arg(a, 0), js_arg(a, 1), &r);
    *out = js_bool(r);
    return st;
}

/* ---- Object.prototype ------------------------------------------------------------------------- */

static js_status proto_has_own_property(const js_args *a, js_value *out)
{
    bool r = false;
    js_status st = has_own(a->vm, a->this_value, js_arg(a, 0), &r);
    *out = js_bool(r);
    return st;
}

static js_status proto_is_prototype_of(const js_args *a, js_value *out)
{
    js_value v = js_arg(a, 0);
    *out = js_bool(false);
    if (v.type != JS_TOBJECT || a->this_value.type != JS_TOBJECT)
        return JS_OK;
    for (js_object *o = v.u.object->proto; o; o = o->proto)
        if (o == a->this_value.u.object) {
            *out = js_bool(true);
            break;
        }
    return JS_OK;
}

static js_status proto_property_is_enumerable(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_key key;
    js_status st = to_key(vm, js_arg(a, 0), &key);
    js_object *o;
    if (st != JS_OK || (st = to_object(vm, a->this_value, &o)) != JS_OK)
        return st;
    own_prop c;
    get_own(vm, o, key, &c);
    *out = js_bool(c.found && (c.flags & PROP_ENUMERABLE));
    return JS_OK;
}

/* Object.prototype.toString: "[object Tag]" */
static js_status proto_to_string(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value v = a->this_value;
    if (v.type == JS_TUNDEFINED) {
        *out = js_strv(atom_cstr(vm, "[object Undefined]"));
        return JS_OK;
    }
    if (v.type == JS_TNULL) {
        *out = js_strv(atom_cstr(vm, "[object Null]"));
        return JS_OK;
    }
    js_object *o;
    js_status st = to_object(vm, v, &o);
    if (st != JS_OK)
        return st;
    const char *builtin;
    switch ((js_class)o->cls) {
    case CLASS_ARRAY: builtin = "Array"; break;
    case CLASS_FUNCTION: case CLASS_NATIVE: case CLASS_BOUND: builtin = "Function"; break;
    case CLASS_ERROR: builtin = "Error"; break;
    case CLASS_BOOLEAN: builtin = "Boolean"; break;
    case CLASS_NUMBER: builtin = "Number"; break;
    case CLASS_STRING: builtin = "String"; break;
    case CLASS_DATE: builtin = "Date"; break;
    case CLASS_REGEXP: builtin = "RegExp"; break;
    case CLASS_ARGUMENTS: builtin = "Arguments"; break;
    default: builtin = "Object"; break;
    }
    js_value tag;
    if ((st = obj_get(vm, o, sym_key(vm->sym.to_string_tag), js_obj(o), &tag)) != JS_OK)
        return st;
    const char *t = tag.type == JS_TSTRING ? tag.u.string->chars : builtin;
    *out = js_strv(str_printf(vm, "[object %s]", t));
    return JS_OK;
}

static js_status proto_to_locale_string(const js_args *a, js_value *out)
{
    js_value fn;
    js_status st = val_get(a->vm, a->this_value, &A(a->vm, toString)->gc, &fn);
    if (st != JS_OK)
        return st;
    return vm_call(a->vm, fn, a->this_value, 0, NULL, out);
}

static js_status proto_value_of(const js_args *a, js_value *out)
{
    js_object *o;
    js_status st = to_object(a->vm, a->this_value, &o);
    *out = js_obj(o);
    return st;
}

static js_status proto_get_proto(const js_args *a, js_value *out)
{
    js_object *o;
    js_status st = to_object(a->vm, a->this_value, &o);
    if (st != JS_OK)
        return st;
    *out = o->proto ? js_obj(o->proto) : js_null();
    return JS_OK;
}

/* set Object.prototype.__proto__ (B.2.2.1.2) */
static js_status proto_set_proto(const js_args *a, js_value *out)
{
    js_value p = js_arg(a, 0);
    *out = js_undefined();
    if (js_is_nullish(a->this_value))
        return throw_kind(a->vm, ERR_TYPE, "set Object.prototype.__proto__ called on null or "
                                           "undefined");
    if (a->this_value.type != JS_TOBJECT || (p.type != JS_TOBJECT && p.type != JS_TNULL))
        return JS_OK;
    return set_prototype_or_throw(a->vm, a->this_value.u.object, p);
}

void builtin_object(js_vm *vm)
{
    js_object *proto = vm->in.object_prototype;
    js_object *ctor = define_ctor(vm, "Object", 1, object_ctor, proto);
    vm->in.object_ctor = ctor;
    static const struct {
        const char *name;
        int length;
        js_native_fn fn;
    } statics[] = {
        {"keys", 1, object_keys},
        {"values", 1, object_values},
        {"entries", 1, object_entries},
        {"assign", 2, object_assign},
        {"freeze", 1, object_freeze},
        {"seal", 1, object_seal},
        {"preventExtensions", 1, object_prevent_extensions},
        {"isFrozen", 1, object_is_frozen},
        {"isSealed", 1, object_is_sealed},
        {"isExtensible", 1, object_is_extensible},
        {"create", 2, object_create},
        {"getPrototypeOf", 1, object_get_prototype_of},
        {"setPrototypeOf", 2, object_set_prototype_of},
        {"defineProperty", 3, object_define_property},
        {"defineProperties", 2, object_define_properties},
        {"getOwnPropertyNames", 1, object_get_own_property_names},
        {"getOwnPropertySymbols", 1, object_get_own_property_symbols},
        {"getOwnPropertyDescriptor", 2, object_get_own_property_descriptor},
        {"getOwnPropertyDescriptors", 1, object_get_own_property_descriptors},
        {"fromEntries", 1, object_from_entries},
        {"is", 2, object_is},
    };
    for (size_t i = 0; i < sizeof statics / sizeof statics[0]; i++)
        define_native(vm, ctor, statics[i].name, statics[i].length, statics[i].fn);
    if (vm->features.object_has_own)
        define_native(vm, ctor, "hasOwn", 2, object_has_own);
    define_native(vm, proto, "hasOwnProperty", 1, proto_has_own_property);
    define_native(vm, proto, "isPrototypeOf", 1, proto_is_prototype_of);
    define_native(vm, proto, "propertyIsEnumerable", 1, proto_property_is_enumerable);
    define_native(vm, proto, "toString", 0, proto_to_string);
    define_native(vm, proto, "toLocaleString", 0, proto_to_locale_string);
    define_native(vm, proto, "valueOf", 0, proto_value_of);
    js_object *g = native_new(vm, "get __proto__", 0, proto_get_proto, false);
    js_object *s = native_new(vm, "set __proto__", 1, proto_set_proto, false);
    prop_define_accessor(vm, proto, &A(vm, __proto__)->gc, g, s, PROP_CONFIGURABLE);
}
