/* builtin_json.c - the JSON object (ECMA-262 25.5): JSON.parse with its reviver and
 * JSON.stringify with replacers, indentation, toJSON and V8's errors.
 *
 * JSON.stringify follows SerializeJSONProperty, SerializeJSONObject and SerializeJSONArray
 * (25.5.2.2-25.5.2.6), writing into one string buffer: a member whose value turns out to be
 * undefined is written and then cut off again.  A cycle throws V8's TypeError, with its
 * description of the path ("--> starting at object with constructor 'Object'", a line per
 * step, elided in the middle past three, "--- property 'x' closes the circle").  Strings are
 * quoted as QuoteJSONString says (25.5.2.3): the short escapes, \u00XX for the other control
 * characters, and lone surrogates as \uDXXX (well-formed JSON.stringify, ES2019).
 *
 * JSON.parse reads the text's UTF-16 code units (so that the positions in its messages are
 * V8's) with an explicit stack of the arrays and objects it is in, as V8's parser does: any
 * depth parses.  The messages are V8 11's (Node 20): which one depends on where the parser
 * is, as in V8's JsonParser ("Expected property name or '}'", "Expected ',' or ']' after array
 * element", "Unexpected token 'x', "...x..." is not valid JSON" with up to 10 characters of
 * context either side, "Unexpected end of JSON input", ...).  The reviver walks the result as
 * InternalizeJSONProperty (25.5.1.1) does, with two arguments (Node 20 has no source text
 * access).
 *
 * JSON.stringify and the reviver recurse on the C stack; past JSON_MAX_DEPTH nested arrays and
 * objects they throw V8's RangeError "Maximum call stack size exceeded", about where V8 (whose
 * limit is its stack) does.
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

#define JSON_MAX_DEPTH 4000          /* stringify and the reviver: V8 stops near 4200 */
#define JSON_MAX_PARSE_DEPTH 10000000 /* parse: an explicit stack */

static js_status too_deep(js_vm *vm)
{
    return throw_kind(vm, ERR_RANGE, "Maximum call stack size exceeded");
}

/* ======================================================================================
 * JSON.stringify
 * ====================================================================================== */

typedef struct {
    js_vm *vm;
    str_buf out;
    js_value replacer;        /* a function, or undefined */
    js_value *keys;           /* the replacer array's property list, or NULL */
    uint32_t nkeys;
    js_string *gap;
    str_buf indent;
    js_value *stack;          /* the objects being serialized, outermost first */
    js_value *via;            /* the key by which each was reached */
    uint32_t depth, cap;
} json_out;

/* ---- QuoteJSONString ---- */

static void quote_unit(str_buf *b, uint32_t c)
{
    static const char hex[] = "0123456789abcdef";
    switch (c) {
    case '\b': sb_cstr(b, "\\b"); return;
    case '\t': sb_cstr(b, "\\t"); return;
    case '\n': sb_cstr(b, "\\n"); return;
    case '\f': sb_cstr(b, "\\f"); return;
    case '\r': sb_cstr(b, "\\r"); return;
    case '"': sb_cstr(b, "\\\""); return;
    case '\\': sb_cstr(b, "\\\\"); return;
    default: break;
    }
    if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF)) {
        char e[7] = {'\\', 'u', hex[c >> 12], hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15], 0};
        sb_cstr(b, e);
    } else {
        sb_unit(b, c);
    }
}

static void quote(str_buf *b, const js_string *s)
{
    sb_cstr(b, "\"");
    if (s->flags & STR_ASCII) {
        size_t run = 0;
        for (size_t i = 0; i < s->len; i++) {
            unsigned char c = (unsigned char)s->chars[i];
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            sb_bytes(b, s->chars + run, i - run);
            quote_unit(b, c);
            run = i + 1;
        }
        sb_bytes(b, s->chars + run, s->len - run);
    } else {
        uint16_t *u = str_units(s);
        for (uint32_t i = 0; i < s->length; i++) {
            uint32_t c = u[i];
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s->length && u[i + 1] >= 0xDC00 &&
                u[i + 1] <= 0xDFFF) {
                sb_unit(b, 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00u));
                i++;
            } else {
                quote_unit(b, c);
            }
        }
        free(u);
    }
    sb_cstr(b, "\"");
}

/* ---- the circular structure message ---- */

/* the name of the object's constructor, as V8's message gives it */
static const char *constructor_name(js_vm *vm, js_value v)
{
    js_object *holder;
    js_prop *p = prop_find_chain(vm, v.u.object, &A(vm, constructor)->gc, &holder);
    if (p && !(p->flags & PROP_ACCESSOR) && p->value.type == JS_TOBJECT) {
        js_prop *n = prop_find(vm, p->value.u.object, &A(vm, name)->gc);
        if (n && !(n->flags & PROP_ACCESSOR) && n->value.type == JS_TSTRING && n->value.u.string->len)
            return n->value.u.string->chars;
    }
    return "Object";
}

/* A key is a string, or an array index as a number (made a string only when it is needed:
 * for toJSON, the replacer function or a message). */
static js_value key_string(js_vm *vm, js_value key)
{
    return key.type == JS_TNUMBER ? js_strv(atom_from_index(vm, (uint32_t)key.u.number)) : key;
}

static void describe_key(js_vm *vm, str_buf *b, js_value holder, js_value key)
{
    if (holder.u.object->cls == CLASS_ARRAY) {
        sb_cstr(b, "index ");
        sb_str(b, key_string(vm, key).u.string);
    } else {
        sb_cstr(b, "property '");
        sb_str(b, key_string(vm, key).u.string);
        sb_cstr(b, "'");
    }
}

static void describe_step(js_vm *vm, str_buf *b, const json_out *s, uint32_t j)
{
    sb_cstr(b, "\n    |     ");
    describe_key(vm, b, s->stack[j - 1], s->via[j]);
    sb_cstr(b, " -> object with constructor '");
    sb_cstr(b, constructor_name(vm, s->stack[j]));
    sb_cstr(b, "'");
}

/* the value at stack[start] is reached again from the innermost object by `key` */
static js_status circular_error(json_out *s, uint32_t start, js_value key)
{
    js_vm *vm = s->vm;
    str_buf b = {0};
    sb_cstr(&b, "Converting circular structure to JSON\n    --> starting at object with "
                "constructor '");
    sb_cstr(&b, constructor_name(vm, s->stack[start]));
    sb_cstr(&b, "'");
    uint32_t first = start + 1, steps = s->depth - first;
    for (uint32_t j = first; j < s->depth; j++) {
        if (steps > 3 && j == first + 2) {
            sb_cstr(&b, "\n    |     ...");
            j = s->depth - 2;
            continue;
        }
        describe_step(vm, &b, s, j);
    }
    sb_cstr(&b, "\n    --- ");
    describe_key(vm, &b, s->stack[s->depth - 1], key);
    sb_cstr(&b, " closes the circle");
    js_string *msg = sb_finish(vm, &b);
    return js_throw(vm, error_new(vm, ERR_TYPE, msg));
}

static js_status enter(json_out *s, js_value v, js_value key)
{
    for (uint32_t i = 0; i < s->depth; i++)
        if (s->stack[i].u.object == v.u.object)
            return circular_error(s, i, key);
    if (s->depth >= JSON_MAX_DEPTH)
        return too_deep(s->vm);
    if (s->depth == s->cap) {
        s->cap = s->cap ? 2 * s->cap : 16;
        s->stack = realloc(s->stack, s->cap * sizeof *s->stack);
        s->via = realloc(s->via, s->cap * sizeof *s->via);
        if (!s->stack || !s->via)
            ls_out_of_memory(0);
    }
    s->stack[s->depth] = v;
    s->via[s->depth++] = key;
    sb_str(&s->indent, s->gap);
    return JS_OK;
}

static void leave(json_out *s)
{
    s->depth--;
    s->indent.len -= s->gap->len;
}

/* a newline and the current indentation (nothing without a gap) */
static void newline(json_out *s)
{
    if (!s->gap->len)
        return;
    sb_cstr(&s->out, "\n");
    sb_bytes(&s->out, s->indent.p, s->indent.len);
}

/* ---- SerializeJSONProperty ---- */

static js_status serialize(json_out *s, js_value holder, js_value key, js_value v, bool *written);

/* toJSON, the replacer function, and the wrappers' unwrapping: the value to write */
static js_status prepare(json_out *s, js_value holder, js_value key, js_value *v)
{
    js_vm *vm = s->vm;
    js_status st;
    if (v->type == JS_TOBJECT || js_is_callable(s->replacer))
        key = key_string(vm, key);
    if (v->type == JS_TOBJECT) {
        js_value to_json;
        if ((st = val_get(vm, *v, &A(vm, toJSON)->gc, &to_json)) != JS_OK)
            return st;
        if (js_is_callable(to_json) && (st = vm_call(vm, to_json, *v, 1, &key, v)) != JS_OK)
            return st;
    }
    if (js_is_callable(s->replacer)) {
        js_value args[2] = {key, *v};
        if ((st = vm_call(vm, s->replacer, holder, 2, args, v)) != JS_OK)
            return st;
    }
    if (v->type != JS_TOBJECT)
        return JS_OK;
    switch (v->u.object->cls) {
    case CLASS_NUMBER: {
        double d;
        st = to_number(vm, *v, &d);
        *v = js_number(d);
        return st;
    }
    case CLASS_STRING: {
        js_string *str;
        st = to_string(vm, *v, &str);
        *v = js_strv(str);
        return st;
    }
    case CLASS_BOOLEAN:
        *v = v->u.object->u.primitive;
        return JS_OK;
    default:
        return JS_OK;
    }
}

static js_status serialize_object(json_out *s, js_value v)
{
    js_vm *vm = s->vm;
    uint32_t n = s->nkeys;
    js_value *keys = s->keys;
    if (!keys)
        keys = obj_own_keys(vm, v.u.object, true, false, true, &n);
    sb_cstr(&s->out, "{");
    bool any = false;
    js_status st = JS_OK;
    for (uint32_t i = 0; i < n && st == JS_OK; i++) {
        size_t mark = s->out.len;
        js_value value;
        bool written;
        if ((st = val_get(vm, v, &atom_of(vm, keys[i].u.string)->gc, &value)) != JS_OK)
            break;
        if (any)
            sb_cstr(&s->out, ",");
        newline(s);
        quote(&s->out, keys[i].u.string);
        sb_cstr(&s->out, s->gap->len ? ": " : ":");
        if ((st = serialize(s, v, keys[i], value, &written)) != JS_OK)
            break;
        if (written)
            any = true;
        else
            s->out.len = mark;
    }
    if (keys != s->keys)
        free(keys);
    if (st != JS_OK)
        return st;
    leave(s);
    if (any)
        newline(s);
    sb_cstr(&s->out, "}");
    return JS_OK;
}

static js_status serialize_array(json_out *s, js_value v)
{
    js_vm *vm = s->vm;
    js_value lv;
    uint32_t len;
    js_status st = val_get(vm, v, &A(vm, length)->gc, &lv);
    if (st != JS_OK || (st = to_length(vm, lv, &len)) != JS_OK)
        return st;
    sb_cstr(&s->out, "[");
    for (uint32_t i = 0; i < len; i++) {
        js_value item;
        bool written;
        if ((st = val_get_elem(vm, v, js_number(i), &item)) != JS_OK)
            return st;
        if (i)
            sb_cstr(&s->out, ",");
        newline(s);
        if ((st = serialize(s, v, js_number(i), item, &written)) != JS_OK)
            return st;
        if (!written)
            sb_cstr(&s->out, "null");
    }
    leave(s);
    if (len)
        newline(s);
    sb_cstr(&s->out, "]");
    return JS_OK;
}

/* 25.5.2.2 SerializeJSONProperty, with the value already read: *written is false for
 * undefined (nothing written) */
static js_status serialize(json_out *s, js_value holder, js_value key, js_value v, bool *written)
{
    js_status st = prepare(s, holder, key, &v);
    if (st != JS_OK)
        return st;
    *written = true;
    switch (v.type) {
    case JS_TNULL:
        sb_cstr(&s->out, "null");
        return JS_OK;
    case JS_TBOOLEAN:
        sb_cstr(&s->out, v.u.boolean ? "true" : "false");
        return JS_OK;
    case JS_TSTRING:
        quote(&s->out, v.u.string);
        return JS_OK;
    case JS_TNUMBER:
        sb_str(&s->out, isfinite(v.u.number) ? str_from_number(s->vm, v.u.number)
                                             : A(s->vm, null));
        return JS_OK;
    case JS_TOBJECT:
        if (js_is_callable(v))
            break;
        if ((st = enter(s, v, key)) != JS_OK)
            return st;
        return v.u.object->cls == CLASS_ARRAY ? serialize_array(s, v) : serialize_object(s, v);
    default:
        break;
    }
    *written = false;
    return JS_OK;
}

/* ---- the replacer array and the space argument ---- */

static js_status property_list(json_out *s, js_value replacer)
{
    js_vm *vm = s->vm;
    js_value lv;
    uint32_t len;
    js_status st = val_get(vm, replacer, &A(vm, length)->gc, &lv);
    if (st != JS_OK || (st = to_length(vm, lv, &len)) != JS_OK)
        return st;
    s->keys = malloc(((size_t)len + 1) * sizeof *s->keys);
    if (!s->keys)
        ls_out_of_memory(0);
    for (uint32_t i = 0; i < len; i++) {
        js_value v;
        js_string *item = NULL;
        if ((st = val_get_elem(vm, replacer, js_number(i), &v)) != JS_OK)
            return st;
        bool wrapper = v.type == JS_TOBJECT &&
                       (v.u.object->cls == CLASS_STRING || v.u.object->cls == CLASS_NUMBER);
        if ((v.type == JS_TSTRING || v.type == JS_TNUMBER || wrapper) &&
            (st = to_string(vm, v, &item)) != JS_OK)
            return st;
        if (!item)
            continue;
        bool seen = false;
        for (uint32_t k = 0; k < s->nkeys && !seen; k++)
            seen = str_equal(s->keys[k].u.string, item);
        if (!seen)
            s->keys[s->nkeys++] = js_strv(atom_of(vm, item));
    }
    return JS_OK;
}

static js_status gap_of(json_out *s, js_value space)
{
    js_vm *vm = s->vm;
    js_status st;
    s->gap = A(vm, empty);
    if (space.type == JS_TOBJECT && space.u.object->cls == CLASS_NUMBER) {
        double d;
        if ((st = to_number(vm, space, &d)) != JS_OK)
            return st;
        space = js_number(d);
    } else if (space.type == JS_TOBJECT && space.u.object->cls == CLASS_STRING) {
        js_string *str;
        if ((st = to_string(vm, space, &str)) != JS_OK)
            return st;
        space = js_strv(str);
    }
    if (space.type == JS_TNUMBER) {
        double n = js_to_integer_or_infinity(space.u.number);
        n = n > 10 ? 10 : n;
        s->gap = str_new(vm, "          ", n >= 1 ? (size_t)n : 0);
    } else if (space.type == JS_TSTRING) {
        s->gap = str_slice(vm, space.u.string, 0, 10);
    }
    return JS_OK;
}

/* 25.5.2 JSON.stringify(value, replacer, space) */
static js_status json_stringify(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    json_out s = {0};
    s.vm = vm;
    s.replacer = js_undefined();
    js_value replacer = js_arg(a, 1);
    js_status st = JS_OK;
    if (js_is_callable(replacer))
        s.replacer = replacer;
    else if (replacer.type == JS_TOBJECT && replacer.u.object->cls == CLASS_ARRAY)
        st = property_list(&s, replacer);
    if (st == JS_OK)
        st = gap_of(&s, js_arg(a, 2));
    bool written = false;
    if (st == JS_OK) {
        js_object *wrapper = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
        prop_define_value(vm, wrapper, &A(vm, empty)->gc, js_arg(a, 0), PROP_DEFAULT);
        st = serialize(&s, js_obj(wrapper), js_strv(A(vm, empty)), js_arg(a, 0), &written);
    }
    *out = js_undefined();
    if (st == JS_OK && written)
        *out = js_strv(sb_finish(vm, &s.out));
    sb_free(&s.out);
    sb_free(&s.indent);
    free(s.keys);
    free(s.stack);
    free(s.via);
    return st;
}

/* ======================================================================================
 * JSON.parse
 * ====================================================================================== */

typedef struct {
    js_vm *vm;
    js_string *source;
    const uint16_t *u;
    uint32_t n, i;
} json_in;

/* ---- V8's messages ---- */

static js_status parse_error(json_in *p, const char *fmt, uint32_t pos)
{
    return throw_kind(p->vm, ERR_SYNTAX, fmt, pos);
}

static bool source_is(const json_in *p, const char *text)
{
    size_t n = strlen(text);
    if (n != p->n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (p->u[i] != (unsigned char)text[i])
            return false;
    return true;
}

/* "Unexpected token 'x', ..." with up to 10 characters of context either side */
static js_status unexpected_character(json_in *p, uint32_t pos)
{
    js_vm *vm = p->vm;
    if (source_is(p, "undefined") || source_is(p, "NaN") || source_is(p, "Infinity") ||
        source_is(p, "[object Object]"))
        return throw_kind(vm, ERR_SYNTAX, "\"%s\" is not valid JSON", p->source->chars);
    enum { CONTEXT = 10 };
    uint32_t from = 0, to = p->n;
    const char *before = "", *after = "";
    if (p->n > 2 * CONTEXT + 1) {
        if (pos < CONTEXT) {
            to = pos + CONTEXT;
            after = "...";
        } else if (pos < p->n - CONTEXT) {
            from = pos - CONTEXT;
            to = pos + CONTEXT;
            before = after = "...";
        } else {
            from = pos - CONTEXT;
            before = "...";
        }
    }
    js_string *token = str_from_units(vm, p->u + pos, 1);
    js_string *context = str_slice(vm, p->source, from, to);
    return throw_kind(vm, ERR_SYNTAX, "Unexpected token '%s', %s\"%s\"%s is not valid JSON",
                      token->chars, before, context->chars, after);
}

/* ReportUnexpectedToken without a message of the parser's: by what is at pos */
static js_status unexpected(json_in *p, uint32_t pos)
{
    if (pos >= p->n)
        return throw_kind(p->vm, ERR_SYNTAX, "Unexpected end of JSON input");
    uint16_t c = p->u[pos];
    if (c == '"')
        return parse_error(p, "Unexpected string in JSON at position %u", pos);
    if ((c >= '0' && c <= '9') || c == '-')
        return parse_error(p, "Unexpected number in JSON at position %u", pos);
    return unexpected_character(p, pos);
}

/* ---- scanning ---- */

static void skip_space(json_in *p)
{
    while (p->i < p->n && (p->u[p->i] == ' ' || p->u[p->i] == '\t' || p->u[p->i] == '\n' ||
                           p->u[p->i] == '\r'))
        p->i++;
}

static uint16_t peek(const json_in *p)
{
    return p->i < p->n ? p->u[p->i] : 0;
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static uint32_t skip_digits(json_in *p)
{
    uint32_t start = p->i;
    while (p->i < p->n && is_digit(p->u[p->i]))
        p->i++;
    return p->i - start;
}

static js_status parse_number(json_in *p, js_value *out)
{
    uint32_t start = p->i;
    if (peek(p) == '-') {
        p->i++;
        if (!is_digit(peek(p)) || p->i >= p->n)
            return parse_error(p, "No number after minus sign in JSON at position %u", p->i);
    }
    if (peek(p) == '0') {
        p->i++;
        if (is_digit(peek(p)) && p->i < p->n)
            return unexpected(p, p->i);
    } else {
        skip_digits(p);
    }
    if (peek(p) == '.' && p->i < p->n) {
        p->i++;
        if (!skip_digits(p))
            return parse_error(p, "Unterminated fractional number in JSON at position %u", p->i);
    }
    if ((peek(p) == 'e' || peek(p) == 'E') && p->i < p->n) {
        p->i++;
        if ((peek(p) == '+' || peek(p) == '-') && p->i < p->n)
            p->i++;
        if (!skip_digits(p))
            return parse_error(p, "Exponent part is missing a number in JSON at position %u", p->i);
    }
    char buf[64], *text = p->i - start < sizeof buf ? buf : malloc(p->i - start + 1);
    if (!text)
        ls_out_of_memory(0);
    for (uint32_t k = start; k < p->i; k++)
        text[k - start] = (char)p->u[k];
    *out = js_number(js_string_to_number(text, p->i - start));
    if (text != buf)
        free(text);
    return JS_OK;
}

static int hex_digit(uint16_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
        return (c | 0x20) - 'a' + 10;
    return -1;
}

/* an escape after the backslash: the code unit */
static js_status parse_escape(json_in *p, uint32_t *unit)
{
    if (p->i >= p->n)
        return unexpected(p, p->i);
    uint16_t c = p->u[p->i++];
    switch (c) {
    case '"': case '\\': case '/': *unit = c; return JS_OK;
    case 'b': *unit = '\b'; return JS_OK;
    case 'f': *unit = '\f'; return JS_OK;
    case 'n': *unit = '\n'; return JS_OK;
    case 'r': *unit = '\r'; return JS_OK;
    case 't': *unit = '\t'; return JS_OK;
    case 'u':
        *unit = 0;
        for (int k = 0; k < 4; k++, p->i++) {
            int h = p->i < p->n ? hex_digit(p->u[p->i]) : -1;
            if (h < 0)
                return parse_error(p, "Bad Unicode escape in JSON at position %u", p->i);
            *unit = *unit * 16 + (uint32_t)h;
        }
        return JS_OK;
    default: /* V8 knows the escapes of Latin-1 characters only */
        if (c > 0xFF)
            return unexpected(p, p->i - 1);
        return parse_error(p, "Bad escaped character in JSON at position %u", p->i - 1);
    }
}

/* a string after its opening quote */
static js_status parse_string(json_in *p, js_string **out)
{
    str_buf b = {0};
    js_status st = JS_OK;
    for (;;) {
        if (p->i >= p->n) {
            st = parse_error(p, "Unterminated string in JSON at position %u", p->i);
            break;
        }
        uint16_t c = p->u[p->i++];
        if (c == '"')
            break;
        if (c < 0x20) {
            st = parse_error(p, "Bad control character in string literal in JSON at position %u",
                             p->i - 1);
            break;
        }
        uint32_t unit = c;
        if (c == '\\' && (st = parse_escape(p, &unit)) != JS_OK)
            break;
        sb_unit(&b, unit);
    }
    if (st != JS_OK) {
        sb_free(&b);
        return st;
    }
    *out = sb_finish(p->vm, &b);
    return JS_OK;
}

/* true, false, null: the first letter is known */
static js_status parse_literal(json_in *p, const char *word, js_value v, js_value *out)
{
    for (size_t k = 1; word[k]; k++) {
        uint32_t at = p->i + (uint32_t)k;
        if (at >= p->n || p->u[at] != (unsigned char)word[k])
            return unexpected(p, at);
    }
    p->i += (uint32_t)strlen(word);
    *out = v;
    return JS_OK;
}

/* ---- arrays and objects, without recursion (V8's parser has an explicit stack too: any
 * depth parses) ---- */

typedef struct {
    js_object *container;
    js_string *key;           /* objects: the member being parsed */
} json_frame;

typedef struct {
    json_frame *items;
    size_t n, cap;
} json_stack;

static void frame_push(json_stack *st, js_object *container, js_string *key)
{
    if (st->n == st->cap) {
        st->cap = st->cap ? 2 * st->cap : 16;
        st->items = realloc(st->items, st->cap * sizeof *st->items);
        if (!st->items)
            ls_out_of_memory(0);
    }
    st->items[st->n++] = (json_frame){container, key};
}

/* a property name and its ':' ; `message` for a missing colon, or NULL (V8 words the first
 * member's and the others' differently) */
static js_status member_name(json_in *p, const char *message, js_string **name)
{
    js_status st = parse_string(p, name);
    if (st != JS_OK)
        return st;
    skip_space(p);
    if (peek(p) != ':' || p->i >= p->n)
        return message ? parse_error(p, message, p->i) : unexpected(p, p->i);
    p->i++;
    return JS_OK;
}

/* after '{' or '[': an empty container is the value (*done), or a frame is pushed for the
 * first member or element */
static js_status open_container(json_in *p, json_stack *stack, uint16_t c, js_value *out,
                                bool *done)
{
    js_object *o = c == '{' ? obj_new(p->vm, CLASS_OBJECT, p->vm->in.object_prototype)
                            : array_new(p->vm, 0);
    *out = js_obj(o);
    skip_space(p);
    *done = peek(p) == (c == '{' ? '}' : ']') && p->i < p->n;
    if (*done) {
        p->i++;
        return JS_OK;
    }
    if (stack->n >= JSON_MAX_PARSE_DEPTH)
        return too_deep(p->vm);
    js_string *name = NULL;
    if (c == '{') {
        if (peek(p) != '"' || p->i >= p->n)
            return parse_error(p, "Expected property name or '}' in JSON at position %u", p->i);
        p->i++;
        js_status st = member_name(p, "Expected ':' after property name in JSON at position %u",
                                   &name);
        if (st != JS_OK)
            return st;
    }
    frame_push(stack, o, name);
    return JS_OK;
}

/* a scalar, or the opening of a container (*opened) */
static js_status parse_scalar(json_in *p, js_value *out, bool *opened)
{
    skip_space(p);
    *opened = false;
    if (p->i >= p->n)
        return unexpected(p, p->i);
    uint16_t c = p->u[p->i];
    switch (c) {
    case '"': {
        js_string *s;
        p->i++;
        js_status st = parse_string(p, &s);
        *out = st == JS_OK ? js_strv(s) : js_undefined();
        return st;
    }
    case '{':
    case '[':
        *opened = true;
        return JS_OK;
    case 't': return parse_literal(p, "true", js_bool(true), out);
    case 'f': return parse_literal(p, "false", js_bool(false), out);
    case 'n': return parse_literal(p, "null", js_null(), out);
    default:
        if (c == '-' || is_digit(c))
            return parse_number(p, out);
        return unexpected(p, p->i);
    }
}

/* the value done in the innermost container: what follows it (',' and the next member, or
 * the container's end: then *closed) */
static js_status after_member(json_in *p, json_stack *stack, js_value v, bool *closed)
{
    json_frame *f = &stack->items[stack->n - 1];
    bool is_array = f->container->cls == CLASS_ARRAY;
    if (is_array)
        array_push(p->vm, f->container, v);
    else
        prop_define_value(p->vm, f->container, &atom_of(p->vm, f->key)->gc, v, PROP_DEFAULT);
    skip_space(p);
    uint16_t c = p->i < p->n ? p->u[p->i] : 0;
    *closed = c == (is_array ? ']' : '}');
    if (*closed) {
        p->i++;
        return JS_OK;
    }
    if (c != ',')
        return parse_error(p, is_array ? "Expected ',' or ']' after array element in JSON at "
                                         "position %u"
                                       : "Expected ',' or '}' after property value in JSON at "
                                         "position %u",
                           p->i);
    p->i++;
    if (is_array)
        return JS_OK;
    skip_space(p);
    if (peek(p) != '"' || p->i >= p->n)
        return parse_error(p, "Expected double-quoted property name in JSON at position %u",
                           p->i);
    p->i++;
    return member_name(p, NULL, &f->key);
}

static js_status parse_value(json_in *p, js_value *out)
{
    json_stack stack = {0};
    js_status st;
    for (;;) {
        bool opened, done = true, closed;
        js_value v;
        if ((st = parse_scalar(p, &v, &opened)) != JS_OK)
            break;
        if (opened && (st = open_container(p, &stack, p->u[p->i++], &v, &done)) != JS_OK)
            break;
        if (!done)
            continue; /* the container's first member */
        /* a value is complete: it ends members as long as they close their containers */
        for (closed = true; closed && stack.n && st == JS_OK;) {
            if ((st = after_member(p, &stack, v, &closed)) == JS_OK && closed)
                v = js_obj(stack.items[--stack.n].container);
        }
        if (st != JS_OK || !stack.n) {
            *out = v;
            break;
        }
    }
    free(stack.items);
    return st;
}

/* ---- the reviver: 25.5.1.1 InternalizeJSONProperty ---- */

static js_status internalize(js_vm *vm, js_value reviver, js_value holder, js_value name,
                             uint32_t depth, js_value *out);

/* revives holder[key] and stores (or deletes) the result */
static js_status revive_member(js_vm *vm, js_value reviver, js_value holder, js_value key,
                               uint32_t depth)
{
    js_value v;
    js_status st = internalize(vm, reviver, holder, key, depth + 1, &v);
    if (st != JS_OK)
        return st;
    if (js_is_undefined(v)) {
        bool deleted;
        return val_delete(vm, holder, key, false, &deleted);
    }
    js_key k;
    if ((st = to_key(vm, key, &k)) != JS_OK)
        return st;
    if (holder.u.object->cls == CLASS_ARRAY)
        return val_set_elem(vm, holder, key, v, false);
    prop_define_value(vm, holder.u.object, k, v, PROP_DEFAULT);
    return JS_OK;
}

static js_status internalize(js_vm *vm, js_value reviver, js_value holder, js_value name,
                             uint32_t depth, js_value *out)
{
    js_value v;
    js_status st = val_get_elem(vm, holder, name, &v);
    if (st != JS_OK)
        return st;
    if (depth >= JSON_MAX_DEPTH)
        return too_deep(vm);
    if (v.type == JS_TOBJECT && v.u.object->cls == CLASS_ARRAY) {
        js_value lv;
        uint32_t len;
        if ((st = val_get(vm, v, &A(vm, length)->gc, &lv)) != JS_OK ||
            (st = to_length(vm, lv, &len)) != JS_OK)
            return st;
        for (uint32_t i = 0; i < len && st == JS_OK; i++)
            st = revive_member(vm, reviver, v, js_strv(atom_from_index(vm, i)), depth);
    } else if (v.type == JS_TOBJECT) {
        uint32_t n;
        js_value *keys = obj_own_keys(vm, v.u.object, true, false, true, &n);
        for (uint32_t i = 0; i < n && st == JS_OK; i++)
            st = revive_member(vm, reviver, v, keys[i], depth);
        free(keys);
    }
    if (st != JS_OK)
        return st;
    js_value args[2] = {name, v};
    return vm_call(vm, reviver, holder, 2, args, out);
}

/* 25.5.1 JSON.parse(text, reviver) */
static js_status json_parse(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_string *text;
    js_status st = to_string(vm, js_arg(a, 0), &text);
    if (st != JS_OK)
        return st;
    uint16_t *u = str_units(text);
    json_in p = {vm, text, u, text->length, 0};
    st = parse_value(&p, out);
    if (st == JS_OK) {
        skip_space(&p);
        if (p.i < p.n)
            st = parse_error(&p, "Unexpected non-whitespace character after JSON at position %u",
                             p.i);
    }
    free(u);
    js_value reviver = js_arg(a, 1);
    if (st != JS_OK || !js_is_callable(reviver))
        return st;
    js_object *root = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    prop_define_value(vm, root, &A(vm, empty)->gc, *out, PROP_DEFAULT);
    return internalize(vm, reviver, js_obj(root), js_strv(A(vm, empty)), 0, out);
}

void builtin_json(js_vm *vm)
{
    js_object *json = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    define_native(vm, json, "parse", 2, json_parse);
    define_native(vm, json, "stringify", 3, json_stringify);
    prop_define_value(vm, json, sym_key(vm->sym.to_string_tag), js_strv(atom_cstr(vm, "JSON")),
                      PROP_CONFIGURABLE);
    prop_define_value(vm, vm->global, &atom_cstr(vm, "JSON")->gc, js_obj(json), PROP_HIDDEN);
}
