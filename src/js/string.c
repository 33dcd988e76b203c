/* string.c - JavaScript strings: immutable UTF-8 (WTF-8) with their UTF-16 length, interned
 * atoms, and symbols.
 *
 * JavaScript measures and indexes strings in UTF-16 code units; loopsim keeps them as the
 * parser makes them, UTF-8 (a lone surrogate in its 3-byte WTF-8 form), and counts the code
 * units once, at creation.  An ASCII string (STR_ASCII) indexes by byte; others decode as they
 * go, which costs a scan but is rare in programs that print the order of their callbacks.
 *
 * Atoms are the strings used as property names, interned in an open-addressing table so that
 * two equal names are one pointer.  The table is weak: an atom that nothing refers to is
 * dropped when the collector sweeps (atoms_sweep).  An atom that is a canonical array index
 * ("0", "17", not "017") carries the index (STR_INDEX), so array accesses by string key find
 * their element without parsing.
 */
#include "jsi.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

uint32_t str_hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* UTF-16 code units of UTF-8/WTF-8 bytes. */
static uint32_t utf16_length(const char *s, size_t len, bool *ascii)
{
    uint32_t n = 0;
    *ascii = true;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            n++;
        } else {
            *ascii = false;
            if (c >= 0xF0) {
                i += 4;
                n += 2;
            } else if (c >= 0xE0) {
                i += 3;
                n++;
            } else {
                i += 2;
                n++;
            }
        }
    }
    return n;
}

js_string *str_new(js_vm *vm, const char *s, size_t len)
{
    js_string *str = gc_alloc(vm, sizeof *str + len + 1, GC_STRING);
    if (len)
        memcpy(str->chars, s, len);
    str->chars[len] = '\0';
    str->len = (uint32_t)len;
    bool ascii;
    str->length = utf16_length(s, len, &ascii);
    if (ascii)
        str->flags |= STR_ASCII;
    str->hash = str_hash(s, len);
    return str;
}

js_string *str_cstr(js_vm *vm, const char *s)
{
    return str_new(vm, s, strlen(s));
}

js_string *str_printf(js_vm *vm, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof buf)
        return str_new(vm, buf, (size_t)n);
    char *big = malloc((size_t)n + 1);
    if (!big)
        ls_out_of_memory(0);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    js_string *s = str_new(vm, big, (size_t)n);
    free(big);
    return s;
}

js_string *str_concat(js_vm *vm, js_string *a, js_string *b)
{
    if (a->len == 0)
        return b;
    if (b->len == 0)
        return a;
    size_t len = (size_t)a->len + b->len;
    if (len > (1u << 29)) { /* V8's limit is about 2^29 characters */
        return NULL;
    }
    js_string *s = gc_alloc(vm, sizeof *s + len + 1, GC_STRING);
    memcpy(s->chars, a->chars, a->len);
    memcpy(s->chars + a->len, b->chars, b->len);
    s->chars[len] = '\0';
    s->len = (uint32_t)len;
    s->length = a->length + b->length;
    s->flags = (a->flags & b->flags) & STR_ASCII;
    s->hash = str_hash(s->chars, len);
    return s;
}

bool str_equal(const js_string *a, const js_string *b)
{
    return a == b ||
           (a->len == b->len && a->hash == b->hash && memcmp(a->chars, b->chars, a->len) == 0);
}

/* Decodes one UTF-16 code unit sequence at s[*i]: returns the code point and advances. */
static uint32_t decode(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    uint32_t cp;
    size_t n;
    if (c >= 0xF0) {
        cp = c & 0x07;
        n = 3;
    } else if (c >= 0xE0) {
        cp = c & 0x0F;
        n = 2;
    } else {
        cp = c & 0x1F;
        n = 1;
    }
    (*i)++;
    for (size_t k = 0; k < n && *i < len; k++, (*i)++)
        cp = (cp << 6) | ((unsigned char)s[*i] & 0x3F);
    return cp;
}

/* Calls out(unit) for each UTF-16 code unit; stops when it returns false. */
typedef bool (*unit_fn)(void *ctx, uint16_t unit);

static void each_unit(const js_string *s, unit_fn out, void *ctx)
{
    for (size_t i = 0; i < s->len;) {
        uint32_t cp = decode(s->chars, s->len, &i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            if (!out(ctx, (uint16_t)(0xD800 + (cp >> 10))) ||
                !out(ctx, (uint16_t)(0xDC00 + (cp & 0x3FF))))
                return;
        } else if (!out(ctx, (uint16_t)cp)) {
            return;
        }
    }
}

typedef struct {
    uint32_t want, at;
    uint16_t unit;
} unit_at_ctx;

static bool unit_at_step(void *ctx, uint16_t u)
{
    unit_at_ctx *c = ctx;
    if (c->at++ == c->want) {
        c->unit = u;
        return false;
    }
    return true;
}

uint16_t str_unit_at(const js_string *s, uint32_t i)
{
    if (s->flags & STR_ASCII)
        return (uint16_t)(unsigned char)s->chars[i];
    unit_at_ctx c = {i, 0, 0};
    each_unit(s, unit_at_step, &c);
    return c.unit;
}

typedef struct {
    uint16_t *units;
    size_t n;
} units_ctx;

static bool collect_step(void *ctx, uint16_t u)
{
    units_ctx *c = ctx;
    c->units[c->n++] = u;
    return true;
}

/* The string's code units (malloc'd, s->length of them). */
static uint16_t *to_units(const js_string *s)
{
    units_ctx c = {malloc((s->length + 1) * sizeof(uint16_t)), 0};
    if (!c.units)
        ls_out_of_memory(0);
    each_unit(s, collect_step, &c);
    return c.units;
}

static size_t put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

js_string *str_from_units(js_vm *vm, const uint16_t *units, size_t n)
{
    char *buf = malloc(n * 3 + 1);
    if (!buf)
        ls_out_of_memory(0);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t u = units[i];
        if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n && units[i + 1] >= 0xDC00 &&
            units[i + 1] <= 0xDFFF) {
            u = 0x10000 + ((u - 0xD800) << 10) + (units[i + 1] - 0xDC00);
            i++;
        }
        k += put_utf8(buf + k, u);
    }
    js_string *s = str_new(vm, buf, k);
    free(buf);
    return s;
}

js_string *str_slice(js_vm *vm, const js_string *s, uint32_t from, uint32_t to)
{
    if (to > s->length)
        to = s->length;
    if (from >= to)
        return A(vm, empty);
    if (s->flags & STR_ASCII)
        return str_new(vm, s->chars + from, to - from);
    uint16_t *u = to_units(s);
    js_string *r = str_from_units(vm, u + from, to - from);
    free(u);
    return r;
}

int str_compare(const js_string *a, const js_string *b)
{
    if ((a->flags & b->flags) & STR_ASCII) {
        size_t n = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->chars, b->chars, n);
        if (c)
            return c < 0 ? -1 : 1;
        return a->len < b->len ? -1 : a->len > b->len;
    }
    uint16_t *x = to_units(a), *y = to_units(b);
    uint32_t n = a->length < b->length ? a->length : b->length;
    int r = 0;
    for (uint32_t i = 0; i < n && !r; i++)
        if (x[i] != y[i])
            r = x[i] < y[i] ? -1 : 1;
    if (!r)
        r = a->length < b->length ? -1 : a->length > b->length;
    free(x);
    free(y);
    return r;
}

int64_t str_index_of(const js_string *s, const js_string *needle, uint32_t from)
{
    if ((s->flags & needle->flags) & STR_ASCII) {
        if (needle->len == 0)
            return from <= s->len ? from : s->len;
        for (size_t i = from; i + needle->len <= s->len; i++)
            if (memcmp(s->chars + i, needle->chars, needle->len) == 0)
                return (int64_t)i;
        return -1;
    }
    uint16_t *x = to_units(s), *y = to_units(needle);
    int64_t r = -1;
    if (needle->length == 0)
        r = from <= s->length ? from : s->length;
    for (uint32_t i = from; r < 0 && i + needle->length <= s->length; i++)
        if (memcmp(x + i, y, needle->length * sizeof *x) == 0)
            r = i;
    free(x);
    free(y);
    return r;
}

js_string *str_from_number(js_vm *vm, double n)
{
    if (n >= 0 && n < 1e9 && n == (double)(uint32_t)n)
        return atom_from_index(vm, (uint32_t)n);
    char buf[64];
    size_t len = js_number_to_string(n, buf, sizeof buf);
    return str_new(vm, buf, len);
}

/* ---- atoms ------------------------------------------------------------------------------ */

static void atoms_insert(js_atoms *t, js_string *s)
{
    uint32_t i = s->hash & (t->cap - 1);
    while (t->slots[i])
        i = (i + 1) & (t->cap - 1);
    t->slots[i] = s;
    t->count++;
}

static void atoms_grow(js_atoms *t)
{
    js_string **old = t->slots;
    uint32_t cap = t->cap;
    t->cap = cap ? 2 * cap : 1024;
    t->rebuilt = true; /* every slot may have moved */
    t->slots = calloc(t->cap, sizeof *t->slots);
    if (!t->slots)
        ls_out_of_memory(0);
    t->count = 0;
    for (uint32_t i = 0; i < cap; i++)
        if (old[i])
            atoms_insert(t, old[i]);
    free(old);
}

js_string *atom(js_vm *vm, const char *s, size_t len)
{
    js_atoms *t = &vm->atoms;
    if (2 * (t->count + 1) > t->cap)
        atoms_grow(t);
    uint32_t h = str_hash(s, len);
    uint32_t i = h & (t->cap - 1);
    for (js_string *x; (x = t->slots[i]); i = (i + 1) & (t->cap - 1))
        if (x->hash == h && x->len == len && memcmp(x->chars, s, len) == 0)
            return x;
    js_string *a = str_new(vm, s, len);
    a->flags |= STR_ATOM;
    uint32_t index;
    if (js_number_is_array_index(s, len, &index)) {
        a->flags |= STR_INDEX;
        a->index = index;
    }
    t->slots[i] = a;
    t->count++;
    if (t->logging && !t->rebuilt) {
        if (t->nfilled == t->filled_cap) {
            uint32_t cap = t->filled_cap ? 2 * t->filled_cap : 64;
            uint32_t *grown = realloc(t->filled, cap * sizeof *grown);
            if (!grown)
                ls_out_of_memory(0);
            t->filled = grown;
            t->filled_cap = cap;
        }
        t->filled[t->nfilled++] = i;
    }
    return a;
}

js_string *atom_cstr(js_vm *vm, const char *s)
{
    return atom(vm, s, strlen(s));
}

js_string *atom_of(js_vm *vm, js_string *s)
{
    return (s->flags & STR_ATOM) ? s : atom(vm, s->chars, s->len);
}

js_string *atom_from_index(js_vm *vm, uint32_t i)
{
    char buf[16];
    int n = snprintf(buf, sizeof buf, "%u", i);
    return atom(vm, buf, (size_t)n);
}

void atoms_sweep(js_vm *vm)
{
    js_atoms *t = &vm->atoms;
    js_string **old = t->slots;
    uint32_t cap = t->cap;
    t->rebuilt = true;
    t->slots = calloc(cap ? cap : 1, sizeof *t->slots);
    if (!t->slots)
        ls_out_of_memory(0);
    t->count = 0;
    for (uint32_t i = 0; i < cap; i++)
        if (old[i] && (old[i]->gc.marked || (old[i]->gc.builtin && vm->snapshot)))
            atoms_insert(t, old[i]);
    free(old);
}

js_symbol *symbol_new(js_vm *vm, js_string *description)
{
    js_symbol *s = gc_alloc(vm, sizeof *s, GC_SYMBOL);
    s->description = description;
    return s;
}

/* ---- js.h ---------------------------------------------------------------------------------- */

js_value js_new_string(js_vm *vm, const char *s, size_t len)
{
    return js_strv(str_new(vm, s, len));
}

js_value js_new_cstring(js_vm *vm, const char *s)
{
    return js_strv(str_cstr(vm, s));
}

const char *js_string_chars(const js_string *s, size_t *len)
{
    if (len)
        *len = s->len;
    return s->chars;
}

/* ---- helpers for the builtins (builtin_string.c, builtin_regexp.c, builtin_json.c,
 * builtin_map.c, builtin_date.c) ---------------------------------------------------------- */

uint16_t *str_units(const js_string *s)
{
    if (!(s->flags & STR_ASCII))
        return to_units(s);
    uint16_t *u = malloc((s->length + 1) * sizeof *u);
    if (!u)
        ls_out_of_memory(0);
    for (uint32_t i = 0; i < s->length; i++)
        u[i] = (unsigned char)s->chars[i];
    return u;
}

/* A lone surrogate's WTF-8 form is ED A0..BF xx: high surrogates ED A0..AF, low ED B0..BF. */
static bool wtf8_high_at_end(const str_buf *b)
{
    return b->len >= 3 && (unsigned char)b->p[b->len - 3] == 0xED &&
           ((unsigned char)b->p[b->len - 2] & 0xF0) == 0xA0;
}

static bool wtf8_low_at(const char *s, size_t n)
{
    return n >= 3 && (unsigned char)s[0] == 0xED && ((unsigned char)s[1] & 0xF0) == 0xB0;
}

static void sb_reserve(str_buf *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + more + 1)
        cap *= 2;
    b->p = realloc(b->p, cap);
    if (!b->p)
        ls_out_of_memory(0);
    b->cap = cap;
}

/* Appends a low surrogate's 3 bytes, making one 4-byte sequence with a high one before it. */
static void sb_join_low(str_buf *b, const char *low)
{
    uint32_t hi = (((uint32_t)b->p[b->len - 2] & 0x0F) << 6) | ((uint32_t)b->p[b->len - 1] & 0x3F);
    uint32_t lo = (((uint32_t)low[1] & 0x0F) << 6) | ((uint32_t)low[2] & 0x3F);
    b->len -= 3;
    sb_unit(b, 0x10000 + (hi << 10) + lo);
}

void sb_bytes(str_buf *b, const char *s, size_t n)
{
    if (n && wtf8_low_at(s, n) && wtf8_high_at_end(b)) {
        sb_join_low(b, s);
        s += 3;
        n -= 3;
    }
    sb_reserve(b, n);
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

void sb_str(str_buf *b, const js_string *s)
{
    sb_bytes(b, s->chars, s->len);
}

void sb_cstr(str_buf *b, const char *s)
{
    sb_bytes(b, s, strlen(s));
}

void sb_unit(str_buf *b, uint32_t cp)
{
    char tmp[4];
    size_t n = put_utf8(tmp, cp);
    sb_bytes(b, tmp, n);
}

js_string *sb_finish(js_vm *vm, str_buf *b)
{
    js_string *s = str_new(vm, b->p ? b->p : "", b->len);
    sb_free(b);
    return s;
}

void sb_free(str_buf *b)
{
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- simple case mapping: ASCII, Latin-1, Latin Extended-A, Latin Extended Additional,
 * Greek, Cyrillic, Armenian and the fullwidth Latin letters (one code point to one; the
 * multi-character mappings are builtin_string.c's) ----------------------------------------- */

/* pairs of case-alternating letters: upper at even (or odd) positions of [first, last] */
typedef struct {
    uint32_t first, last;
    uint8_t upper_odd;
} case_pairs;

static const case_pairs alternating[] = {
    {0x0100, 0x012F, 0}, {0x0132, 0x0137, 0}, {0x0139, 0x0148, 1}, {0x014A, 0x0177, 0},
    {0x0179, 0x017E, 1}, {0x01A0, 0x01A5, 0}, {0x01DE, 0x01EF, 0}, {0x01F8, 0x021F, 0},
    {0x0460, 0x0481, 0}, {0x048A, 0x04BF, 0}, {0x04C1, 0x04CE, 1}, {0x04D0, 0x052F, 0},
    {0x1E00, 0x1E95, 0}, {0x1EA0, 0x1EFF, 0},
};

/* blocks where lower = upper + delta */
typedef struct {
    uint32_t first, last; /* the upper-case range */
    int32_t delta;
} case_block;

static const case_block blocks[] = {
    {0x0041, 0x005A, 32},  {0x00C0, 0x00D6, 32},  {0x00D8, 0x00DE, 32}, {0x0391, 0x03A1, 32},
    {0x03A3, 0x03AB, 32},  {0x0388, 0x038A, 37},  {0x0386, 0x0386, 38}, {0x038C, 0x038C, 64},
    {0x038E, 0x038F, 63},  {0x0410, 0x042F, 32},  {0x0400, 0x040F, 80}, {0x0531, 0x0556, 48},
    {0xFF21, 0xFF3A, 32},
};

uint32_t char_to_lower(uint32_t c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (c >= blocks[i].first && c <= blocks[i].last)
            return (uint32_t)((int32_t)c + blocks[i].delta);
    for (size_t i = 0; i < sizeof alternating / sizeof alternating[0]; i++)
        if (c >= alternating[i].first && c <= alternating[i].last)
            return (c & 1) == alternating[i].upper_odd ? c + 1 : c;
    if (c >= 0x01C4 && c <= 0x01CC)  /* the digraphs: upper, title, lower */
        return c - (c - 0x01C4) % 3 + 2;
    if (c >= 0x01F1 && c <= 0x01F3)
        return 0x01F3;
    switch (c) {
    case 0x0130: return 'i';
    case 0x0178: return 0x00FF;
    case 0x1E9E: return 0x00DF;
    default: return c;
    }
}

uint32_t char_to_upper(uint32_t c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
        uint32_t lo = (uint32_t)((int32_t)blocks[i].first + blocks[i].delta);
        if (c >= lo && c <= lo + (blocks[i].last - blocks[i].first))
            return (uint32_t)((int32_t)c - blocks[i].delta);
    }
    for (size_t i = 0; i < sizeof alternating / sizeof alternating[0]; i++)
        if (c >= alternating[i].first && c <= alternating[i].last)
            return (c & 1) != alternating[i].upper_odd ? c - 1 : c;
    if (c >= 0x01C4 && c <= 0x01CC)
        return c - (c - 0x01C4) % 3;
    if (c >= 0x01F1 && c <= 0x01F3)
        return 0x01F1;
    switch (c) {
    case 0x00B5: return 0x039C;
    case 0x00FF: return 0x0178;
    case 0x0131: return 'I';
    case 0x017F: return 'S';
    case 0x03C2: return 0x03A3;
    default: return c;
    }
}

/* ---- naming a value in a message ----------------------------------------------------------- */

/* a data property found up the chain, without running getters */
static js_value data_prop(js_vm *vm, js_object *o, js_key key)
{
    js_object *holder;
    js_prop *p = prop_find_chain(vm, o, key, &holder);
    return p && !(p->flags & PROP_ACCESSOR) ? p->value : js_undefined();
}

static const char *builtin_tag(const js_object *o)
{
    switch ((js_class)o->cls) {
    case CLASS_ARRAY: return "Array";
    case CLASS_FUNCTION: case CLASS_NATIVE: case CLASS_BOUND: return "Function";
    case CLASS_ERROR: return "Error";
    case CLASS_BOOLEAN: return "Boolean";
    case CLASS_NUMBER: return "Number";
    case CLASS_STRING: return "String";
    case CLASS_DATE: return "Date";
    case CLASS_REGEXP: return "RegExp";
    case CLASS_ARGUMENTS: return "Arguments";
    default: return "Object";
    }
}

/* V8's Object::NoSideEffectsToString, as its "incompatible receiver" messages print a value:
 * primitives as String(), functions as their source, errors as "Name: message", objects that
 * inherit Object.prototype.toString as "#<Constructor>", others as "[object Tag]". */
js_string *str_describe(js_vm *vm, js_value v)
{
    if (v.type != JS_TOBJECT)
        return js_to_string_safe(vm, v);
    js_object *o = v.u.object;
    if (o->cls == CLASS_FUNCTION || o->cls == CLASS_NATIVE || o->cls == CLASS_BOUND)
        return js_to_string_safe(vm, v);
    if (o->cls == CLASS_ERROR) {
        js_value name = data_prop(vm, o, &A(vm, name)->gc), msg = data_prop(vm, o, &A(vm, message)->gc);
        js_string *n = name.type == JS_TSTRING ? name.u.string : A(vm, Error);
        if (msg.type != JS_TSTRING || msg.u.string->len == 0)
            return n;
        return str_printf(vm, "%s: %s", n->chars, msg.u.string->chars);
    }
    js_value ts = data_prop(vm, o, &A(vm, toString)->gc);
    js_value object_ts = data_prop(vm, vm->in.object_prototype, &A(vm, toString)->gc);
    if (ts.type == JS_TOBJECT && ts.u.object == object_ts.u.object) {
        js_value ctor = data_prop(vm, o, &A(vm, constructor)->gc);
        if (ctor.type == JS_TOBJECT && js_is_callable(ctor)) {
            js_value name = data_prop(vm, ctor.u.object, &A(vm, name)->gc);
            if (name.type == JS_TSTRING && name.u.string->len)
                return str_printf(vm, "#<%s>", name.u.string->chars);
        }
    }
    js_value tag = data_prop(vm, o, sym_key(vm->sym.to_string_tag));
    return str_printf(vm, "[object %s]",
                      tag.type == JS_TSTRING ? tag.u.string->chars : builtin_tag(o));
}
