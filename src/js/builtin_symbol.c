/* builtin_symbol.c - Symbol (ECMA-262 20.4): the constructor, Symbol.for, the well-known
 * symbols, and the prototype's description and toString. */
#include "jsi.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static js_status symbol_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    if (!js_is_undefined(a->new_target))
        return throw_kind(vm, ERR_TYPE, "Symbol is not a constructor");
    js_string *desc = NULL;
    if (!js_is_undefined(js_arg(a, 0))) {
        js_status st = to_string(vm, js_arg(a, 0), &desc);
        if (st != JS_OK)
            return st;
    }
    *out = (js_value){JS_TSYMBOL, {.symbol = symbol_new(vm, desc)}};
    return JS_OK;
}

static js_symbol *this_symbol(js_value v)
{
    if (v.type == JS_TSYMBOL)
        return v.u.symbol;
    if (v.type == JS_TOBJECT && v.u.object->cls == CLASS_SYMBOL)
        return v.u.object->u.primitive.u.symbol;
    return NULL;
}

static js_status symbol_to_string(const js_args *a, js_value *out)
{
    js_symbol *s = this_symbol(a->this_value);
    if (!s)
        return throw_kind(a->vm, ERR_TYPE, "Symbol.prototype.toString requires that 'this' be a "
                                           "Symbol");
    *out = js_strv(str_printf(a->vm, "Symbol(%s)", s->description ? s->description->chars : ""));
    return JS_OK;
}

static js_status symbol_value_of(const js_args *a, js_value *out)
{
    js_symbol *s = this_symbol(a->this_value);
    if (!s)
        return throw_kind(a->vm, ERR_TYPE, "Symbol.prototype.valueOf requires that 'this' be a "
                                           "Symbol");
    *out = (js_value){JS_TSYMBOL, {.symbol = s}};
    return JS_OK;
}

static js_status symbol_description(const js_args *a, js_value *out)
{
    js_symbol *s = this_symbol(a->this_value);
    *out = s && s->description ? js_strv(s->description) : js_undefined();
    return JS_OK;
}

/* Symbol.for: the registry is a hidden object keyed by the description */
static js_status symbol_for(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_string *key;
    js_status st = to_string(vm, js_arg(a, 0), &key);
    if (st != JS_OK)
        return st;
    js_object *registry = a->callee->u.native.slots[0].u.object;
    js_prop *p = prop_find(vm, registry, &atom_of(vm, key)->gc);
    if (p) {
        *out = p->value;
        return JS_OK;
    }
    js_symbol *s = symbol_new(vm, key);
    s->registered = true;
    *out = (js_value){JS_TSYMBOL, {.symbol = s}};
    prop_define_value(vm, registry, &atom_of(vm, key)->gc, *out, PROP_DEFAULT);
    return JS_OK;
}

static js_status symbol_key_for(const js_args *a, js_value *out)
{
    js_value v = js_arg(a, 0);
    if (v.type != JS_TSYMBOL)
        return throw_kind(a->vm, ERR_TYPE, "%s is not a symbol",
                          js_to_string_safe(a->vm, v)->chars);
    *out = v.u.symbol->registered && v.u.symbol->description ? js_strv(v.u.symbol->description)
                                                              : js_undefined();
    return JS_OK;
}

void builtin_symbol(js_vm *vm)
{
    static const struct {
        const char *name;
        size_t offset;
    } wk[] = {{"iterator", offsetof(js_wellknown, iterator)},
              {"asyncIterator", offsetof(js_wellknown, async_iterator)},
              {"hasInstance", offsetof(js_wellknown, has_instance)},
              {"toPrimitive", offsetof(js_wellknown, to_primitive)},
              {"toStringTag", offsetof(js_wellknown, to_string_tag)},
              {"species", offsetof(js_wellknown, species)}};
    js_object *proto = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    vm->in.symbol_prototype = proto;
    js_object *ctor = define_ctor(vm, "Symbol", 0, symbol_ctor, proto);
    ctor->u.native.constructor = false;
    for (size_t i = 0; i < sizeof wk / sizeof wk[0]; i++) {
        js_symbol *s = symbol_new(vm, str_printf(vm, "Symbol.%s", wk[i].name));
        *(js_symbol **)((char *)&vm->sym + wk[i].offset) = s;
        prop_define_value(vm, ctor, &atom_cstr(vm, wk[i].name)->gc,
                          (js_value){JS_TSYMBOL, {.symbol = s}}, 0);
    }
    define_native(vm, proto, "toString", 0, symbol_to_string);
    define_native(vm, proto, "valueOf", 0, symbol_value_of);
    define_getter(vm, proto, "description", symbol_description);
    js_object *f = define_native(vm, ctor, "for", 1, symbol_for);
    f->u.native.slots = calloc(1, sizeof(js_value));
    f->u.native.nslots = 1;
    f->u.native.slots[0] = js_obj(obj_new(vm, CLASS_OBJECT, NULL));
    define_native(vm, ctor, "keyFor", 1, symbol_key_for);
    prop_define_value(vm, proto, sym_key(vm->sym.to_string_tag), js_strv(atom_cstr(vm, "Symbol")),
                      PROP_CONFIGURABLE);
}
