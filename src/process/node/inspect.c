/* inspect.c - Node's util.format and util.inspect (lib/internal/util/inspect.js), in C.
 *
 * The algorithm is Node's, function for function, so that every line break and every label
 * comes out where Node puts it:
 *
 *   formatWithOptions  fmt_format: the %s %d %i %f %j %o %O %c %% placeholders, then the other
 *                      arguments, strings raw, the rest inspected
 *   formatValue        fmt_value: primitives, [util.inspect.custom], circular references
 *   formatRaw          fmt_raw: the constructor name (getConstructorName), Symbol.toStringTag,
 *                      the kind of object (braces, base, formatter), the depth limit, then the
 *                      entries and the properties, and reduceToSingleString
 *   formatProperty     fmt_property: `key: value`, [Getter]/[Setter], quoted keys
 *   formatError        fmt_error: the stack, improveStack's constructor name, [cause]
 *   groupArrayElements group_array: more than 6 entries in aligned columns
 *   reduceToSingleString / isBelowBreakLength  reduce: one line if it fits in breakLength
 *                      (compact 3: up to 3 inner levels), else an entry per line
 *
 * Node 10 (style->legacy_inspect) had another formatValue (lib/util.js of v10.7.0): compact
 * true, breakLength 60, keys computed first, no grouping; fmt_value_v10 and reduce_v10 follow
 * it, sharing the primitives, the properties and the constructor names with the newer path.
 *
 * Strings are built as UTF-8 in malloc'd buffers; Node measures entries in UTF-16 code units
 * (`.length`) for line breaking and in columns (getStringWidth) for grouping, so both are
 * computed from the UTF-8 text.  A formatting function returns a malloc'd string, or NULL when
 * JavaScript it called threw (ictx.status says how), and every caller passes the NULL up.
 */
#include "node/inspect.h"
#include "xalloc.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsi.h"
#include "numconv.h"

/* ---- buffers ------------------------------------------------------------------------------- */

typedef struct {
    char *p;
    size_t len, cap;
} ibuf;

static void oom(void)
{
    ls_out_of_memory(0);
}

static void b_putn(ibuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->p = realloc(b->p, cap);
        if (!b->p)
            oom();
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = 0;
}

static void b_puts(ibuf *b, const char *s)
{
    b_putn(b, s, strlen(s));
}

static void b_putc(ibuf *b, char c)
{
    b_putn(b, &c, 1);
}

static void b_spaces(ibuf *b, int n)
{
    for (int i = 0; i < n; i++)
        b_putc(b, ' ');
}

static void b_printf(ibuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void b_printf(ibuf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof tmp) {
        b_putn(b, tmp, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big)
        oom();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b_putn(b, big, (size_t)n);
    free(big);
}

/* the buffer's text, malloc'd ("" for an empty buffer) */
static char *b_take(ibuf *b)
{
    if (!b->p)
        b_putn(b, "", 0);
    char *s = b->p;
    b->p = NULL;
    b->len = b->cap = 0;
    return s;
}


static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n >= 0 && (size_t)n < sizeof tmp)
        return xstrdup(tmp);
    char *big = malloc((size_t)n + 1);
    if (!big)
        oom();
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return big;
}

/* JavaScript text in a C string: a NUL character is kept as the overlong pair C0 80 (Java's
 * modified UTF-8) so that strlen and %s work on it, and decoded when the result is handed out */
static void b_text(ibuf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i])
            b_putc(b, s[i]);
        else
            b_putn(b, "\xC0\x80", 2);
    }
}

static char *js_text(const js_string *s)
{
    ibuf b = {0};
    b_text(&b, s->chars, s->len);
    return b_take(&b);
}

/* ---- lists of entries (Node's `output` arrays) --------------------------------------------- */

typedef struct {
    char **v;
    size_t n, cap;
} slist;

static void sl_push(slist *l, char *s)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v)
            oom();
    }
    l->v[l->n++] = s;
}

/* pushes s unless it is NULL (a failure, returned as false) */
static bool sl_push_ok(slist *l, char *s)
{
    if (s)
        sl_push(l, s);
    return s != NULL;
}

static void sl_free(slist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}

static void sl_join_into(ibuf *b, const slist *l, const char *sep)
{
    for (size_t i = 0; i < l->n; i++) {
        if (i)
            b_puts(b, sep);
        b_puts(b, l->v[i]);
    }
}

/* ---- UTF-8 text measured as JavaScript measures it ----------------------------------------- */

/* Decodes the code point at s (UTF-8, or WTF-8 for a lone surrogate); its byte count in *n. */
static uint32_t utf8_decode(const unsigned char *s, size_t *n)
{
    if (s[0] < 0x80) {
        *n = 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0 && s[1]) {
        *n = 2;
        return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    }
    if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2]) {
        *n = 3;
        return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    }
    if ((s[0] & 0xF8) == 0xF0 && s[1] && s[2] && s[3]) {
        *n = 4;
        return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
               ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    }
    *n = 1;
    return 0xFFFD;
}

/* `.length`: UTF-16 code units */
static size_t u16len_n(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80)
            n += c >= 0xF0 ? 2 : 1;
    }
    return n;
}

static size_t u16len(const char *s)
{
    return u16len_n(s, strlen(s));
}

static bool in_ranges(uint32_t c, const uint32_t (*r)[2], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (c >= r[i][0] && c <= r[i][1])
            return true;
    return false;
}

/* ICU's column width as Node's getStringWidth asks for it (East Asian Wide and Fullwidth, and
 * emoji presentation, take 2 columns; controls, marks and format characters none), from the
 * tables of Node's non-ICU fallback and the common emoji blocks: an approximation of ICU for
 * what programs print. */
static int code_point_width(uint32_t c)
{
    static const uint32_t zero[][2] = {
        {0x0000, 0x001F}, {0x007F, 0x009F}, {0x0300, 0x036F}, {0x0483, 0x0489},
        {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0E31, 0x0E31},
        {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF},
        {0x200B, 0x200F}, {0x202A, 0x202E}, {0x2060, 0x2064}, {0x20D0, 0x20FF},
        {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0x1F3FB, 0x1F3FF},
        {0xE0000, 0xE007F}, {0xE0100, 0xE01EF}};
    static const uint32_t wide[][2] = {
        {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
        {0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
        {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
        {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
        {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
        {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
        {0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
        {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
        {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
        {0x3041, 0x3247}, {0x3250, 0x4DBF}, {0x4E00, 0xA4C6}, {0xA960, 0xA97C},
        {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6B},
        {0xFF01, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x18CFF}, {0x1B000, 0x1B2FF},
        {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A},
        {0x1F200, 0x1F251}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C},
        {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0},
        {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
        {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A},
        {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5},
        {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6EB, 0x1F6EC},
        {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
        {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x3FFFD}};
    if (in_ranges(c, zero, sizeof zero / sizeof *zero))
        return 0;
    return in_ranges(c, wide, sizeof wide / sizeof *wide) ? 2 : 1;
}

/* getStringWidth(str, false): ASCII counts 1 a character (controls 0); from the first other
 * character on, ICU's widths */
static size_t str_width(const char *s)
{
    size_t w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && *p < 0x80) {
        w += *p >= 32;
        p++;
    }
    while (*p) {
        size_t n;
        uint32_t c = utf8_decode(p, &n);
        w += (size_t)code_point_width(c);
        p += n;
    }
    return w;
}

/* ---- the inspection context (Node's ctx) --------------------------------------------------- */

enum { K_OBJECT, K_ARRAY, K_ARRAY_EXTRAS }; /* kObjectType, kArrayType, kArrayExtrasType */

enum { MAX_ARRAY_LENGTH = 100, MAX_STRING_LENGTH = 10000, MIN_LINE_LENGTH = 16 };

typedef struct {
    js_object **v;
    size_t n, cap;
} objlist;

typedef struct {
    js_vm *vm;
    const ls_inspect_style *st;
    int depth;              /* INT_MAX: null (no limit) */
    int indent;             /* indentationLvl */
    int current_depth;      /* currentDepth */
    int break_length;
    int compact;            /* a number; 0 for `true` (Node 10), -1 for `false` */
    bool show_hidden;
    bool custom_inspect;
    int max_array_length;
    int max_string_length;  /* INT_MAX: Infinity */
    objlist seen;
    objlist circular;       /* ctx.circular: the index of an object is its position + 1 */
    js_status status;       /* why a function returned NULL */
    js_value custom_symbol; /* Symbol.for('nodejs.util.inspect.custom'), or undefined */
} ictx;

static void ol_push(objlist *l, js_object *o)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 8;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v)
            oom();
    }
    l->v[l->n++] = o;
}

static size_t ol_index(const objlist *l, const js_object *o)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i] == o)
            return i + 1;
    return 0;
}

static void ctx_init(ictx *c, js_vm *vm, const ls_inspect_style *st)
{
    memset(c, 0, sizeof *c);
    c->vm = vm;
    c->st = st;
    c->depth = 2;
    c->break_length = st->legacy_inspect ? 60 : 80;
    c->compact = st->legacy_inspect ? 0 : 3;
    c->custom_inspect = true;
    c->max_array_length = MAX_ARRAY_LENGTH;
    c->max_string_length = st->max_string_length ? MAX_STRING_LENGTH : INT_MAX;
    c->status = JS_OK;
    c->custom_symbol = js_undefined();
}

static void ctx_free(ictx *c)
{
    free(c->seen.v);
    free(c->circular.v);
}

/* A call into JavaScript failed: remember how (the exception stays pending in the VM). */
static bool failed(ictx *c, js_status st)
{
    if (st == JS_OK)
        return false;
    c->status = st;
    return true;
}

/* recurseTimes is undefined (NaN) where Node 22 inspects a non-string stack: no depth limit,
 * no entries on one line (every comparison with NaN is false) */
enum { RT_NAN = INT_MIN };

static int rt_next(int rt)
{
    return rt == RT_NAN ? RT_NAN : rt + 1;
}

static bool depth_exceeded(const ictx *c, int rt)
{
    return c->depth != INT_MAX && rt != RT_NAN && rt > c->depth;
}

/* ---- strings: quotes and escapes (strEscape) ----------------------------------------------- */

/* How a code unit that needs it is escaped: meta[] of Node 16+ (\x0B) or of Node 10-12
 * (\u000b). */
static void put_meta(const ictx *c, ibuf *b, uint32_t u)
{
    switch (u) {
    case '\b': b_puts(b, "\\b"); return;
    case '\t': b_puts(b, "\\t"); return;
    case '\n': b_puts(b, "\\n"); return;
    case '\f': b_puts(b, "\\f"); return;
    case '\r': b_puts(b, "\\r"); return;
    case '\'': b_puts(b, "\\'"); return;
    case '\\': b_puts(b, "\\\\"); return;
    default: break;
    }
    if (u >= 0xD800 && u <= 0xDFFF)
        b_printf(b, "\\u%x", u);
    else if (c->st->hex_escapes)
        b_printf(b, "\\x%02X", u);
    else
        b_printf(b, "\\u%04x", u);
}

static bool is_lone_surrogate(uint32_t u)
{
    return u >= 0xD800 && u <= 0xDFFF; /* UTF-8 pairs decode to one code point: only lone ones */
}

/* Escapes s as strEscapeSequencesReplacer does: the quote (0: none), the backslash, C0
 * controls and, from Node 14, C1 controls, from Node 16 lone surrogates. */
static void escape_into(const ictx *c, ibuf *b, const char *s, size_t n, char quote)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    bool hex = c->st->hex_escapes && !c->st->legacy_inspect;
    bool lone = c->st->lone_surrogate_escapes && !c->st->legacy_inspect;
    while (p < end) {
        size_t k;
        uint32_t u = utf8_decode(p, &k);
        if ((quote && u == (unsigned char)quote) || u == '\\' || u < 32 ||
            (hex && u > 126 && u < 160) || (lone && is_lone_surrogate(u)))
            put_meta(c, b, u);
        else
            b_putn(b, (const char *)p, k);
        p += k;
    }
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= n; i++)
        if (memcmp(s + i, needle, m) == 0)
            return true;
    return false;
}

/* strEscape: the string quoted with ', or " when it has a ' and no ", or ` when it has both
 * and no ` or ${ (Node 12+; Node 10 always ' and escapes it) */
static void quote_into(const ictx *c, ibuf *b, const char *s, size_t n)
{
    char q = '\'';
    if (!c->st->legacy_inspect && contains(s, n, "'")) {
        if (!contains(s, n, "\""))
            q = '"';
        else if (!contains(s, n, "`") && !contains(s, n, "${"))
            q = '`';
    }
    b_putc(b, q);
    escape_into(c, b, s, n, q == '\'' ? '\'' : 0);
    b_putc(b, q);
}

static bool is_word_char(char ch)
{
    return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (ch >= '0' && ch <= '9');
}

/* /^[a-zA-Z_][a-zA-Z_0-9]*$/ */
static bool is_identifier_key(const js_string *k)
{
    if (k->len == 0 || (k->chars[0] >= '0' && k->chars[0] <= '9'))
        return false;
    for (uint32_t i = 0; i < k->len; i++)
        if (!is_word_char(k->chars[i]))
            return false;
    return true;
}

/* /^(0|[1-9][0-9]*)$/ */
static bool is_number_key(const char *s)
{
    if (s[0] == '0')
        return s[1] == 0;
    if (!(s[0] >= '1' && s[0] <= '9'))
        return false;
    for (s++; *s; s++)
        if (!(*s >= '0' && *s <= '9'))
            return false;
    return true;
}

/* ---- primitives (formatPrimitive, formatNumber) -------------------------------------------- */

static void number_into(ibuf *b, double d)
{
    char tmp[64];
    if (d == 0 && signbit(d)) {
        b_puts(b, "-0");
        return;
    }
    js_number_to_string(d, tmp, sizeof tmp);
    b_puts(b, tmp);
}

static void symbol_into(ibuf *b, const js_symbol *s)
{
    b_puts(b, "Symbol(");
    if (s->description)
        b_text(b, s->description->chars, s->description->len);
    b_putc(b, ')');
}

/* A long string inside an object: one quoted piece a line, joined by " +\n" (Node 12+, when it
 * is longer than 16 and than what is left of the line). */
static void split_string_into(const ictx *c, ibuf *b, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\n' || i + 1 == n)
            continue;
        quote_into(c, b, s + start, i + 1 - start);
        b_puts(b, " +\n");
        b_spaces(b, c->indent + 2);
        start = i + 1;
    }
    quote_into(c, b, s + start, n - start);
}

static void string_into(ictx *c, ibuf *b, js_string *s)
{
    uint32_t length = s->length;
    uint32_t remaining = 0;
    if (c->max_string_length != INT_MAX && length > (uint32_t)c->max_string_length) {
        remaining = length - (uint32_t)c->max_string_length;
        s = str_slice(c->vm, s, 0, (uint32_t)c->max_string_length);
        length = s->length;
    }
    if (c->compact != 0 && length > MIN_LINE_LENGTH &&
        (int64_t)length > (int64_t)c->break_length - c->indent - 4)
        split_string_into(c, b, s->chars, s->len);
    else
        quote_into(c, b, s->chars, s->len);
    if (remaining)
        b_printf(b, "... %u more character%s", remaining, remaining > 1 ? "s" : "");
}

/* formatBigInt: 123n */
static void bigint_into(ictx *c, ibuf *b, const js_bigint *n)
{
    js_string *s = bigint_to_string(c->vm, n, 10);
    b_putn(b, s->chars, s->len);
    b_putc(b, 'n');
}

static char *fmt_primitive(ictx *c, js_value v)
{
    ibuf b = {0};
    switch (v.type) {
    case JS_TSTRING: string_into(c, &b, v.u.string); break;
    case JS_TNUMBER: number_into(&b, v.u.number); break;
    case JS_TBOOLEAN: b_puts(&b, v.u.boolean ? "true" : "false"); break;
    case JS_TSYMBOL: symbol_into(&b, v.u.symbol); break;
    case JS_TBIGINT: bigint_into(c, &b, v.u.bigint); break;
    case JS_TNULL: b_puts(&b, "null"); break;
    default: b_puts(&b, "undefined"); break;
    }
    return b_take(&b);
}

/* ---- the VM's objects ---------------------------------------------------------------------- */

static js_key key_of(js_value k)
{
    return k.type == JS_TSYMBOL ? &k.u.symbol->gc : &k.u.string->gc;
}

static js_key named(ictx *c, const char *name)
{
    return &atom_cstr(c->vm, name)->gc;
}

/* [[Get]] (getters run); false when it threw */
static bool get_key(ictx *c, js_object *o, js_key key, js_value *out)
{
    return !failed(c, obj_get(c->vm, o, key, js_obj(o), out));
}

static bool get_named(ictx *c, js_object *o, const char *name, js_value *out)
{
    return get_key(c, o, named(c, name), out);
}

/* an own property descriptor (elements of arrays, arguments and String objects included) */
typedef struct {
    bool found, accessor, enumerable;
    js_value value;
    js_object *get, *set;
} pdesc;

/* an element of an array, arguments object or String object */
static bool element_desc(ictx *c, js_object *o, js_key key, pdesc *d)
{
    uint32_t i;
    if (!array_index_of_key(key, &i))
        return false;
    if (o->cls == CLASS_ARRAY || o->cls == CLASS_ARGUMENTS) {
        if (i >= o->u.array.length || o->u.array.items[i].type == JS_THOLE)
            return false;
        d->value = o->u.array.items[i];
    } else if (o->cls == CLASS_STRING && o->u.primitive.type == JS_TSTRING &&
               i < o->u.primitive.u.string->length) {
        d->value = js_strv(str_slice(c->vm, o->u.primitive.u.string, i, i + 1));
    } else {
        return false;
    }
    d->found = d->enumerable = true;
    return true;
}

static pdesc own_desc(ictx *c, js_object *o, js_key key)
{
    pdesc d = {false, false, false, {JS_TUNDEFINED, {.number = 0}}, NULL, NULL};
    if (element_desc(c, o, key, &d))
        return d;
    if (key == &A(c->vm, length)->gc && (o->cls == CLASS_ARRAY || o->cls == CLASS_STRING)) {
        d.found = true;
        d.value = js_number(o->cls == CLASS_ARRAY ? o->u.array.length
                                                  : o->u.primitive.u.string->length);
        return d;
    }
    js_prop *p = prop_find(c->vm, o, key);
    if (!p)
        return d;
    d.found = true;
    d.enumerable = (p->flags & PROP_ENUMERABLE) != 0;
    d.accessor = (p->flags & PROP_ACCESSOR) != 0;
    d.value = d.accessor ? js_undefined() : p->value;
    d.get = d.accessor ? p->getter : NULL;
    d.set = d.accessor ? p->setter : NULL;
    return d;
}

static bool has_own(ictx *c, js_object *o, js_key key)
{
    return own_desc(c, o, key).found;
}

/* HasProperty: own or inherited */
static bool has_property(ictx *c, js_object *o, js_key key)
{
    for (; o; o = o->proto)
        if (has_own(c, o, key))
            return true;
    return false;
}

/* keys as a growable list of js_values (strings and symbols) */
typedef struct {
    js_value *v;
    uint32_t n, cap;
} keylist;

static void kl_push(keylist *k, js_value v)
{
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 8;
        k->v = realloc(k->v, k->cap * sizeof *k->v);
        if (!k->v)
            oom();
    }
    k->v[k->n++] = v;
}

static void kl_remove(keylist *k, uint32_t i)
{
    memmove(k->v + i, k->v + i + 1, (k->n - i - 1) * sizeof *k->v);
    k->n--;
}

static int kl_find(const keylist *k, js_string *name)
{
    for (uint32_t i = 0; i < k->n; i++)
        if (k->v[i].type == JS_TSTRING && k->v[i].u.string == name)
            return (int)i;
    return -1;
}

static bool is_index_key(js_value k)
{
    return k.type == JS_TSTRING && (k.u.string->flags & STR_INDEX);
}

/* getKeys (Object.keys and the enumerable symbols; with showHidden all own keys), or for
 * arrays getOwnNonIndexProperties; an array's or String's hidden `length` comes after the
 * indexes, as V8 lists it */
static keylist own_keys(ictx *c, js_object *o, bool non_index, bool only_enumerable)
{
    uint32_t n;
    js_value *all = obj_own_keys(c->vm, o, true, true, only_enumerable, &n);
    keylist k = {0};
    bool length = !only_enumerable && (o->cls == CLASS_ARRAY || o->cls == CLASS_STRING);
    for (uint32_t i = 0; i < n; i++) {
        if (length && !is_index_key(all[i])) {
            kl_push(&k, js_strv(A(c->vm, length)));
            length = false;
        }
        if (all[i].type == JS_TSTRING && all[i].u.string == A(c->vm, length) &&
            o->cls == CLASS_STRING)
            continue;
        if (!(non_index && is_index_key(all[i])))
            kl_push(&k, all[i]);
    }
    if (length)
        kl_push(&k, js_strv(A(c->vm, length)));
    free(all);
    return k;
}

static bool is_function(js_object *o)
{
    return js_is_callable(js_obj(o));
}

static bool fn_is_class(const js_object *f)
{
    return f->cls == CLASS_FUNCTION &&
           (f->u.fn.is_class || (f->u.fn.proto->flags & PROTO_CLASS_CTOR));
}

static bool fn_has_flag(const js_object *f, uint32_t flag)
{
    return f->cls == CLASS_FUNCTION && (f->u.fn.proto->flags & flag);
}

/* OrdinaryHasInstance with ctor.prototype = proto: proto on o's chain */
static bool inherits_from(const js_object *o, const js_object *proto)
{
    for (const js_object *x = o->proto; x; x = x->proto)
        if (x == proto)
            return true;
    return false;
}

static bool is_error(ictx *c, js_object *o)
{
    return o->cls == CLASS_ERROR || inherits_from(o, c->vm->in.error_protos[ERR_ERROR]);
}

/* `o instanceof ctor` that counts a throw as false (Node's isInstanceof); false with
 * c->status set only when the VM is stopping */
static bool instance_of(ictx *c, js_object *o, js_value ctor)
{
    bool r = false;
    js_status st = op_instanceof(c->vm, js_obj(o), ctor, &r);
    if (st == JS_THROW) {
        js_take_exception(c->vm);
        return false;
    }
    failed(c, st);
    return st == JS_OK && r;
}

/* String(v) (a symbol as Symbol(desc)); NULL when its toString threw */
static char *to_cstring(ictx *c, js_value v)
{
    if (v.type == JS_TSYMBOL) { /* `${symbol}` throws in JavaScript: Node never does that */
        ibuf b = {0};
        symbol_into(&b, v.u.symbol);
        return b_take(&b);
    }
    js_string *s;
    if (failed(c, to_string(c->vm, v, &s)))
        return NULL;
    return js_text(s);
}

static bool is_string_value(js_value v, const char *s)
{
    return v.type == JS_TSTRING && strcmp(v.u.string->chars, s) == 0;
}

/* the builtin constructors' names Node treats as its own (builtInObjects: the global
 * object's capitalized names) */
static bool builtin_name(const char *name)
{
    static const char *const names[] = {
        "Object", "Function", "Array", "Number", "Infinity", "NaN", "Boolean", "String",
        "Symbol", "Date", "Promise", "RegExp", "Error", "AggregateError", "EvalError",
        "RangeError", "ReferenceError", "SyntaxError", "TypeError", "URIError", "JSON", "Math",
        "Intl", "ArrayBuffer", "Uint8Array", "Int8Array", "Uint16Array", "Int16Array",
        "Uint32Array", "Int32Array", "Float32Array", "Float64Array", "Uint8ClampedArray",
        "BigUint64Array", "BigInt64Array", "DataView", "Map", "BigInt", "Set", "WeakMap",
        "WeakSet", "Proxy", "Reflect", "FinalizationRegistry", "WeakRef", "Buffer", "URL",
        "URLSearchParams", "DOMException", "AbortController", "AbortSignal", "Event",
        "EventTarget", "TextEncoder", "TextDecoder", "MessageChannel", "MessagePort",
        "MessageEvent", "Blob", "BroadcastChannel", "SharedArrayBuffer", "Atomics",
        "WebAssembly", "Iterator"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* ---- constructor names and tags (getConstructorName, getPrefix) ---------------------------- */

static char *fmt_value(ictx *c, js_value v, int rt);
static char *fmt_property(ictx *c, js_object *o, int rt, js_value key, int type,
                          const pdesc *given);
static char *inspect_with_depth(ictx *parent, js_value v, int depth, bool custom_inspect);

/* V8's JSReceiver::GetConstructorName as far as the VM can tell: an own or inherited string
 * Symbol.toStringTag data property, a `constructor` data property along the chain (not the
 * object's own) with a name other than Object, else the class name */
static char *internal_ctor_name(ictx *c, js_object *o)
{
    static const char *const class_names[] = {
        [CLASS_OBJECT] = "Object", [CLASS_ARRAY] = "Array", [CLASS_FUNCTION] = "Function",
        [CLASS_NATIVE] = "Function", [CLASS_BOUND] = "Function", [CLASS_ERROR] = "Error",
        [CLASS_PROMISE] = "Promise", [CLASS_MAP] = "Map", [CLASS_SET] = "Set",
        [CLASS_WEAKMAP] = "WeakMap", [CLASS_WEAKSET] = "WeakSet", [CLASS_DATE] = "Date",
        [CLASS_REGEXP] = "RegExp", [CLASS_BOOLEAN] = "Boolean", [CLASS_NUMBER] = "Number",
        [CLASS_STRING] = "String", [CLASS_SYMBOL] = "Symbol", [CLASS_ARGUMENTS] = "Arguments",
        [CLASS_GENERATOR] = "Object", [CLASS_ITERATOR] = "Object", [CLASS_HOST] = "Object",
        [CLASS_BIGINT] = "BigInt"};
    for (js_object *x = o; x; x = x->proto) {
        pdesc t = own_desc(c, x, sym_key(c->vm->sym.to_string_tag));
        if (t.found && !t.accessor && t.value.type == JS_TSTRING)
            return js_text(t.value.u.string);
        if (x == o)
            continue;
        pdesc k = own_desc(c, x, &A(c->vm, constructor)->gc);
        if (!k.found || k.accessor || !js_is_callable(k.value))
            continue;
        pdesc n = own_desc(c, k.value.u.object, &A(c->vm, name)->gc);
        if (n.found && !n.accessor && n.value.type == JS_TSTRING && n.value.u.string->len &&
            strcmp(n.value.u.string->chars, "Object") != 0)
            return js_text(n.value.u.string);
    }
    return xstrdup(o->cls < sizeof class_names / sizeof *class_names && class_names[o->cls]
                       ? class_names[o->cls] : "Object");
}

/* Node 20's wellKnownPrototypes (Object, Function) and 22's (the other builtins): the name
 * of a builtin prototype, or NULL */
static const char *well_known_name(ictx *c, const js_object *p)
{
    const js_intrinsics *in = &c->vm->in;
    if (!c->st->well_known_prototypes)
        return NULL;
    if (p == in->object_prototype)
        return "Object";
    if (p == in->function_prototype)
        return "Function";
    if (!c->st->more_well_known_prototypes)
        return NULL;
    const struct {
        const js_object *proto;
        const char *name;
    } more[] = {{in->array_prototype, "Array"}, {in->map_prototype, "Map"},
                {in->set_prototype, "Set"}, {in->regexp_prototype, "RegExp"},
                {in->date_prototype, "Date"}, {in->error_protos[ERR_ERROR], "Error"},
                {in->error_protos[ERR_AGGREGATE], "AggregateError"},
                {in->error_protos[ERR_RANGE], "RangeError"},
                {in->error_protos[ERR_TYPE], "TypeError"}, {in->boolean_prototype, "Boolean"},
                {in->number_prototype, "Number"}, {in->string_prototype, "String"},
                {in->promise_prototype, "Promise"}, {in->weakmap_prototype, "WeakMap"},
                {in->weakset_prototype, "WeakSet"}};
    for (size_t i = 0; i < sizeof more / sizeof *more; i++)
        if (more[i].proto && more[i].proto == p)
            return more[i].name;
    return NULL;
}

static bool add_prototype_properties(ictx *c, js_object *main, js_object *obj, int rt,
                                     slist *out);

/* A `constructor` property names the object when it is a function with a name (and, Node 16+,
 * the object is an instance of it): *name set (malloc'd), or left NULL; false when a getter
 * threw. */
static bool ctor_property_name(ictx *c, js_object *o, js_object *holder, char **name)
{
    pdesc d = own_desc(c, holder, &A(c->vm, constructor)->gc);
    *name = NULL;
    if (!d.found || d.accessor || !js_is_callable(d.value))
        return true;
    js_value n;
    if (!get_named(c, d.value.u.object, "name", &n))
        return false;
    if (is_string_value(n, ""))
        return true;
    if (c->st->ctor_instanceof && !c->st->legacy_inspect && !instance_of(c, o, d.value))
        return c->status == JS_OK;
    *name = to_cstring(c, n);
    return *name != NULL;
}

/* the prototype layers' accessors, for showHidden (Node 16+): protoProps */
static bool proto_props_for(ictx *c, js_object *o, js_object *holder, js_object *first,
                            const char *name, bool well_known, int rt, slist *props)
{
    if (!props)
        return true;
    if (well_known ? first == holder : (first == holder && builtin_name(name)))
        return true;
    return add_prototype_properties(c, o, first ? first : o, rt, props);
}

/* getConstructorName: *name is the constructor's name, or NULL for a null prototype (Node 10:
 * "" when there is none); false when a getter threw */
static bool ctor_name(ictx *c, js_object *o, int rt, slist *props, char **name)
{
    js_object *first = NULL;
    bool first_set = false;
    for (js_object *x = o; x; x = x->proto) {
        const char *wk = x != o ? well_known_name(c, x) : NULL;
        if (wk) {
            *name = xstrdup(wk);
            return proto_props_for(c, o, x, first, wk, true, rt, props);
        }
        if (!ctor_property_name(c, o, x, name))
            return false;
        if (*name)
            return proto_props_for(c, o, x, first, *name, false, rt, props);
        if (!first_set) {
            first = x->proto;
            first_set = true;
        }
    }
    if (c->st->legacy_inspect) {
        *name = xstrdup("");
        return true;
    }
    if (!first)
        return true; /* null */
    char *res = internal_ctor_name(c, o);
    if (depth_exceeded(c, rt)) {
        *name = xprintf("%s <Complex prototype>", res);
        free(res);
        return true;
    }
    char *proto_name;
    if (!ctor_name(c, first, rt_next(rt), props, &proto_name)) {
        free(res);
        return false;
    }
    if (!proto_name) {
        proto_name = inspect_with_depth(c, js_obj(first), -1, false);
        if (!proto_name) {
            free(res);
            return false;
        }
    }
    *name = xprintf("%s <%s>", res, proto_name);
    free(res);
    free(proto_name);
    return true;
}

/* value[Symbol.toStringTag] when it is a string and not an own enumerable property (with
 * showHidden: not an own property); "" otherwise; NULL when its getter threw */
static char *string_tag(ictx *c, js_object *o)
{
    js_value t;
    js_key key = sym_key(c->vm->sym.to_string_tag);
    if (!get_key(c, o, key, &t))
        return NULL;
    if (t.type != JS_TSTRING)
        return xstrdup("");
    if (!c->st->legacy_inspect && t.u.string->len) {
        pdesc d = own_desc(c, o, key);
        if (d.found && (c->show_hidden || d.enumerable))
            return xstrdup("");
    }
    return js_text(t.u.string);
}

/* Node 22: a tag found in the constructor name, followed by its end or an uppercase letter,
 * is not repeated */
static bool tag_shown(const ictx *c, const char *ctor, const char *tag)
{
    if (!*tag)
        return false;
    if (!c->st->tag_in_constructor_hidden)
        return strcmp(ctor, tag) != 0;
    const char *pos = strstr(ctor, tag);
    if (!pos)
        return true;
    char next = pos[strlen(tag)];
    return next != 0 && !(next >= 'A' && next <= 'Z');
}

/* getPrefix: "Foo ", "Foo(2) [Tag] ", "[Object: null prototype] " */
static char *prefix(const ictx *c, const char *ctor, const char *tag, const char *fallback,
                    const char *size)
{
    if (c->st->legacy_inspect) {
        if (*ctor)
            return *tag && strcmp(ctor, tag) ? xprintf("%s [%s] ", ctor, tag)
                                             : xprintf("%s ", ctor);
        return *tag ? xprintf("[%s] ", tag) : xstrdup("");
    }
    if (!ctor) {
        bool with_tag = *tag && (!c->st->ctor_instanceof || strcmp(fallback, tag) != 0);
        return with_tag ? xprintf("[%s%s: null prototype] [%s] ", fallback, size, tag)
                        : xprintf("[%s%s: null prototype] ", fallback, size);
    }
    return tag_shown(c, ctor, tag) ? xprintf("%s%s [%s] ", ctor, size, tag)
                                   : xprintf("%s%s ", ctor, size);
}

/* getPrefix's text followed by `text` */
static char *prefixed(const ictx *c, const char *ctor, const char *tag, const char *fallback,
                      const char *text)
{
    char *p = prefix(c, ctor, tag, fallback, "");
    char *s = xprintf("%s%s", p, text);
    free(p);
    return s;
}

/* getCtxStyle */
static char *ctx_style(ictx *c, js_object *o, const char *ctor, const char *tag)
{
    char *fallback = NULL;
    if (!ctor) {
        fallback = internal_ctor_name(c, o);
        if (strcmp(fallback, tag) == 0) {
            free(fallback);
            fallback = xstrdup("Object");
        }
    }
    char *p = prefix(c, ctor, tag, fallback ? fallback : "", "");
    free(fallback);
    return p;
}

/* ---- properties (formatProperty) ----------------------------------------------------------- */

/* the key as formatProperty names it: [Symbol(x)], ['__proto__'], [hidden], name, 'a-b' */
static void key_name_into(ictx *c, ibuf *b, js_value key, bool enumerable)
{
    bool legacy = c->st->legacy_inspect;
    if (key.type == JS_TSYMBOL) {
        ibuf s = {0};
        symbol_into(&s, key.u.symbol);
        b_putc(b, '[');
        if (legacy)
            b_putn(b, s.p, s.len);
        else
            escape_into(c, b, s.p, s.len, '\'');
        b_putc(b, ']');
        free(s.p);
        return;
    }
    js_string *k = key.u.string;
    if (!legacy && c->st->proto_key_bracketed && strcmp(k->chars, "__proto__") == 0) {
        b_puts(b, "['__proto__']");
    } else if (!enumerable) {
        b_putc(b, '[');
        if (legacy)
            b_text(b, k->chars, k->len);
        else
            escape_into(c, b, k->chars, k->len, '\'');
        b_putc(b, ']');
    } else if (is_identifier_key(k)) {
        b_putn(b, k->chars, k->len);
    } else {
        quote_into(c, b, k->chars, k->len);
    }
}

/* a data property's value, indented by 2 (3 in Node 10's compact mode, where a value wider
 * than breakLength goes on the next line) */
static char *property_value(ictx *c, js_value v, int rt, int type, const char **extra)
{
    int diff = (c->compact != 0 || type != K_OBJECT) ? 2 : 3;
    c->indent += diff;
    char *str = fmt_value(c, v, rt);
    if (str && diff == 3) {
        size_t len = c->st->legacy_inspect ? u16len(str) : str_width(str);
        if ((size_t)c->break_length < len)
            *extra = "\n";
    }
    c->indent -= diff;
    return str;
}

/* (getters are not called: the getters option is false) */
static char *fmt_property(ictx *c, js_object *o, int rt, js_value key, int type,
                          const pdesc *given)
{
    pdesc d = given ? *given : own_desc(c, o, key_of(key));
    if (!d.found) {
        d.enumerable = true;
        if (!get_key(c, o, key_of(key), &d.value))
            return NULL;
    }
    const char *extra = " ";
    char *str;
    if (!d.accessor && d.value.type != JS_TUNDEFINED)
        str = property_value(c, d.value, rt, type, &extra);
    else if (d.get)
        str = xstrdup(d.set ? "[Getter/Setter]" : "[Getter]");
    else if (d.set)
        str = xstrdup("[Setter]");
    else
        str = xstrdup("undefined");
    if (!str || type == K_ARRAY)
        return str;
    ibuf b = {0};
    key_name_into(c, &b, key, d.enumerable);
    b_putc(&b, ':');
    if (*extra == '\n') {
        b_putc(&b, '\n');
        b_spaces(&b, c->indent + 3);
    } else {
        b_putc(&b, ' ');
    }
    b_puts(&b, str);
    free(str);
    return b_take(&b);
}

/* addPrototypeProperties: with showHidden, the non-function properties of up to three user
 * prototype layers, as if they were the object's own */
static bool proto_layer_is_builtin(ictx *c, js_object *obj)
{
    pdesc d = own_desc(c, obj, &A(c->vm, constructor)->gc);
    if (!d.found || d.accessor || !js_is_callable(d.value))
        return false;
    pdesc n = own_desc(c, d.value.u.object, &A(c->vm, name)->gc);
    return n.found && !n.accessor && n.value.type == JS_TSTRING &&
           builtin_name(n.value.u.string->chars);
}

static bool key_in(const keylist *k, js_value key)
{
    for (uint32_t i = 0; i < k->n; i++)
        if (key_of(k->v[i]) == key_of(key))
            return true;
    return false;
}

static bool add_layer_properties(ictx *c, js_object *main, js_object *obj, int rt,
                                 const keylist *above, slist *out)
{
    keylist keys = own_keys(c, obj, false, false);
    bool ok = true;
    ol_push(&c->seen, main);
    for (uint32_t i = 0; i < keys.n && ok; i++) {
        js_value key = keys.v[i];
        if (key_of(key) == &A(c->vm, constructor)->gc || has_own(c, main, key_of(key)) ||
            key_in(above, key))
            continue;
        pdesc d = own_desc(c, obj, key_of(key));
        if (!d.accessor && js_is_callable(d.value))
            continue;
        ok = sl_push_ok(out, fmt_property(c, obj, rt, key, K_OBJECT, &d));
    }
    c->seen.n--;
    free(keys.v);
    return ok;
}

static bool add_prototype_properties(ictx *c, js_object *main, js_object *obj, int rt,
                                     slist *out)
{
    keylist above = {0};
    bool ok = true;
    for (int depth = 0; depth < 3 && ok; depth++) {
        if (depth != 0 || main == obj) {
            obj = obj->proto;
            if (!obj || proto_layer_is_builtin(c, obj))
                break;
        }
        ok = add_layer_properties(c, main, obj, rt, &above, out);
        keylist keys = own_keys(c, obj, false, false);
        for (uint32_t i = 0; i < keys.n; i++)
            kl_push(&above, keys.v[i]);
        free(keys.v);
    }
    free(above.v);
    return ok;
}

/* ---- entries: arrays, sets, maps, iterators, promises -------------------------------------- */

static char *remaining_text(size_t remaining)
{
    return xprintf("... %zu more item%s", remaining, remaining > 1 ? "s" : "");
}

static char *empty_items(size_t n)
{
    return xprintf("<%zu empty item%s>", n, n > 1 ? "s" : "");
}

static js_value index_key(ictx *c, uint32_t i)
{
    return js_strv(atom_from_index(c->vm, i));
}

/* formatSpecialArray: the array has holes; keys are its enumerable own string keys, from the
 * i-th on */
static bool fmt_special_array(ictx *c, js_object *o, int rt, size_t max, slist *out, uint32_t i)
{
    uint32_t nkeys;
    js_value *keys = obj_own_keys(c->vm, o, true, false, true, &nkeys);
    double index = i;
    bool ok = true;
    for (; i < nkeys && out->n < max && ok; i++) {
        const char *key = keys[i].u.string->chars;
        double tmp = js_string_to_number(key, strlen(key));
        if (tmp > 4294967294.0)
            break;
        char digits[32];
        js_number_to_string(index, digits, sizeof digits);
        if (strcmp(digits, key) != 0) {
            if (!is_number_key(key))
                break;
            sl_push(out, empty_items((size_t)(tmp - index)));
            index = tmp;
            if (out->n == max)
                break;
        }
        ok = sl_push_ok(out, fmt_property(c, o, rt, keys[i], K_ARRAY, NULL));
        index++;
    }
    free(keys);
    double remaining = o->u.array.length - index;
    if (ok && remaining > 0)
        sl_push(out, out->n != max ? empty_items((size_t)remaining)
                                   : remaining_text((size_t)remaining));
    return ok;
}

static bool has_element(ictx *c, js_object *o, uint32_t i)
{
    if (i < o->u.array.length && o->u.array.items[i].type != JS_THOLE)
        return true;
    return prop_find(c->vm, o, key_of(index_key(c, i))) != NULL;
}

/* formatArray */
static bool fmt_array(ictx *c, js_object *o, int rt, slist *out)
{
    uint32_t len = o->u.array.length;
    uint32_t max = (uint32_t)(c->max_array_length < 0 ? 0 : c->max_array_length);
    if (max > len)
        max = len;
    for (uint32_t i = 0; i < max; i++) {
        if (!has_element(c, o, i))
            return fmt_special_array(c, o, rt, max, out, i);
        char *s = fmt_property(c, o, rt, index_key(c, i), K_ARRAY, NULL);
        if (!s)
            return false;
        sl_push(out, s);
    }
    if (len > max)
        sl_push(out, remaining_text(len - max));
    return true;
}

/* the live entries of a Map or Set from entry `from` on */
static uint32_t live_entries(const js_mapdata *m, uint32_t from)
{
    uint32_t n = 0;
    for (uint32_t i = from; i < m->count; i++)
        n += m->keys[i].type != JS_THOLE;
    return n;
}

/* formatSet and formatMap (Node 16.20.2 and 20+ show at most maxArrayLength entries) */
static bool fmt_map_or_set(ictx *c, js_object *o, int rt, slist *out)
{
    const js_mapdata *m = &o->u.map;
    bool is_map = o->cls == CLASS_MAP;
    uint32_t size = live_entries(m, 0);
    uint32_t max = c->st->max_collection_entries && (uint32_t)c->max_array_length < size
                       ? (uint32_t)c->max_array_length : size;
    bool ok = true;
    c->indent += 2;
    for (uint32_t i = 0, k = 0; i < m->count && k < max && ok; i++) {
        if (m->keys[i].type == JS_THOLE)
            continue;
        k++;
        char *key = fmt_value(c, m->keys[i], rt);
        char *val = key && is_map ? fmt_value(c, m->values[i], rt) : NULL;
        ok = key && (!is_map || val);
        if (ok)
            sl_push(out, is_map ? xprintf("%s => %s", key, val) : xstrdup(key));
        free(key);
        free(val);
    }
    if (ok && size > max)
        sl_push(out, remaining_text(size - max));
    if (ok && c->show_hidden && !c->st->map_set_sizes)
        sl_push(out, xprintf("[size]: %u", size)); /* Node 10-12 */
    c->indent -= 2;
    return ok;
}

static char *reduce(ictx *c, slist *out, const char *base, const char *brace0,
                    const char *brace1, int extras, int rt, js_object *value);

/* builtin_iterator.c's kinds of map and set iterators */
enum { ITER_MAP_KEYS = 5, ITER_MAP_VALUES, ITER_MAP_ENTRIES, ITER_SET_VALUES, ITER_SET_ENTRIES };

static bool is_map_iterator(const js_object *o)
{
    return o->cls == CLASS_ITERATOR && o->u.iter.kind >= ITER_MAP_KEYS &&
           o->u.iter.kind <= ITER_MAP_ENTRIES;
}

static bool is_set_iterator(const js_object *o)
{
    return o->cls == CLASS_ITERATOR &&
           (o->u.iter.kind == ITER_SET_VALUES || o->u.iter.kind == ITER_SET_ENTRIES);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* formatSetIterInner / formatMapIterInner over a map's entries: kIterator (values), kMapEntries
 * ([ k, v ] pairs) or kWeak (sorted `k => v` or values) */
enum {
    ITER_VALUES_OF_KEYS,   /* map.keys(), set.values(), a WeakSet's values */
    ITER_VALUES_OF_VALUES, /* map.values() */
    ITER_PAIRS,            /* map.entries(): [ k, v ] */
    ITER_SET_PAIRS,        /* set.entries(): [ v, v ] */
    ITER_WEAK_PAIRS,       /* a WeakMap's k => v, sorted */
    ITER_WEAK_KEYS         /* a WeakSet's values, sorted */
};

static char *iter_entry(ictx *c, const js_mapdata *m, uint32_t i, int how, int rt)
{
    js_value v = how == ITER_VALUES_OF_VALUES ? m->values[i] : m->keys[i];
    if (how != ITER_PAIRS && how != ITER_SET_PAIRS && how != ITER_WEAK_PAIRS)
        return fmt_value(c, v, rt);
    js_value second = how == ITER_SET_PAIRS ? m->keys[i] : m->values[i];
    char *a = fmt_value(c, m->keys[i], rt);
    char *b = a ? fmt_value(c, second, rt) : NULL;
    char *r = NULL;
    if (b && how == ITER_WEAK_PAIRS) {
        r = xprintf("%s => %s", a, b);
    } else if (b) {
        slist pair = {0};
        sl_push(&pair, a);
        sl_push(&pair, b);
        r = reduce(c, &pair, "", "[", "]", K_ARRAY_EXTRAS, rt, NULL);
        sl_free(&pair);
        return r;
    }
    free(a);
    free(b);
    return r;
}

static bool fmt_iter_entries(ictx *c, const js_mapdata *m, uint32_t from, int how, int rt,
                             slist *out)
{
    uint32_t size = live_entries(m, from);
    uint32_t max = (uint32_t)c->max_array_length < size ? (uint32_t)c->max_array_length : size;
    size_t first = out->n;
    bool ok = true;
    c->indent += 2;
    for (uint32_t i = from, k = 0; i < m->count && k < max && ok; i++) {
        if (m->keys[i].type == JS_THOLE)
            continue;
        k++;
        ok = sl_push_ok(out, iter_entry(c, m, i, how, rt));
    }
    c->indent -= 2;
    if (ok && (how == ITER_WEAK_PAIRS || how == ITER_WEAK_KEYS))
        qsort(out->v + first, out->n - first, sizeof *out->v, compare_strings);
    if (ok && size > max)
        sl_push(out, remaining_text(size - max));
    return ok;
}

/* formatIterator: a map or set iterator's remaining entries; entries iterators say so in
 * their braces */
static bool fmt_iterator(ictx *c, js_object *o, int rt, char **brace0, slist *out)
{
    js_value target = o->u.iter.target;
    if (target.type != JS_TOBJECT)
        return true;
    int kind = o->u.iter.kind;
    if (kind == ITER_MAP_ENTRIES || kind == ITER_SET_ENTRIES) {
        char *p = strstr(*brace0, " Iterator] {");
        if (p && strcmp(p, " Iterator] {") == 0) {
            *p = 0;
            char *b = xprintf("%s Entries] {", *brace0);
            free(*brace0);
            *brace0 = b;
        }
        return fmt_iter_entries(c, &target.u.object->u.map, o->u.iter.next,
                                kind == ITER_MAP_ENTRIES ? ITER_PAIRS : ITER_SET_PAIRS, rt, out);
    }
    int how = kind == ITER_MAP_VALUES ? ITER_VALUES_OF_VALUES : ITER_VALUES_OF_KEYS;
    return fmt_iter_entries(c, &target.u.object->u.map, o->u.iter.next, how, rt, out);
}

/* formatWeakCollection, or with showHidden formatWeakMap / formatWeakSet */
static bool fmt_weak(ictx *c, js_object *o, int rt, slist *out)
{
    if (!c->show_hidden) {
        sl_push(out, xstrdup(c->st->legacy_inspect ? "[items unknown]" : "<items unknown>"));
        return true;
    }
    int how = o->cls == CLASS_WEAKMAP ? ITER_WEAK_PAIRS : ITER_WEAK_KEYS;
    return fmt_iter_entries(c, &o->u.map, 0, how, rt, out);
}

/* formatPromise */
static bool fmt_promise(ictx *c, js_object *o, int rt, slist *out)
{
    const js_promise *p = &o->u.promise;
    if (p->state == JS_PROMISE_PENDING) {
        sl_push(out, xstrdup("<pending>"));
        return true;
    }
    c->indent += c->st->legacy_inspect ? 0 : 2;
    char *str = fmt_value(c, p->result, rt);
    c->indent -= c->st->legacy_inspect ? 0 : 2;
    if (!str)
        return false;
    sl_push(out, p->state == JS_PROMISE_REJECTED ? xprintf("<rejected> %s", str) : xstrdup(str));
    free(str);
    return true;
}

/* ---- errors (formatError, improveStack, getStackFrames) ------------------------------------ */

/* err[name]; Node 22 ignores a getter that throws (the value is then undefined, *threw set) */
static bool error_field(ictx *c, js_object *err, const char *name, js_value *out, bool *threw)
{
    js_status st = obj_get(c->vm, err, named(c, name), js_obj(err), out);
    *threw = st == JS_THROW && c->st->error_own_keys && !c->st->legacy_inspect;
    if (*threw) {
        js_take_exception(c->vm);
        *out = js_undefined();
        return true;
    }
    return !failed(c, st);
}

/* Error.prototype.toString; NULL when a getter threw */
static char *error_to_string(ictx *c, js_object *o)
{
    js_value name, msg;
    if (!get_named(c, o, "name", &name) || !get_named(c, o, "message", &msg))
        return NULL;
    char *n = js_is_undefined(name) ? xstrdup("Error") : to_cstring(c, name);
    char *m = js_is_undefined(msg) ? xstrdup("") : to_cstring(c, msg);
    char *r = NULL;
    if (n && m)
        r = !*n ? xstrdup(m) : !*m ? xstrdup(n) : xprintf("%s: %s", n, m);
    free(n);
    free(m);
    return r;
}

/* Node 22: a stack that is not a string is inspected (with recurseTimes undefined) under the
 * error's toString */
static char *inspected_stack(ictx *c, js_object *o, js_value stack)
{
    ol_push(&c->seen, o);
    c->indent += 4;
    char *s = fmt_value(c, stack, RT_NAN);
    c->indent -= 4;
    c->seen.n--;
    char *head = s ? error_to_string(c, o) : NULL;
    char *r = head ? xprintf("%s\n    %s", head, s) : NULL;
    free(s);
    free(head);
    return r;
}

/* getStackString: String(err.stack) when it is truthy, else Error.prototype.toString */
static char *stack_string(ictx *c, js_object *o)
{
    js_value stack;
    bool threw;
    if (!error_field(c, o, "stack", &stack, &threw))
        return NULL;
    if (!to_boolean(stack))
        return error_to_string(c, o);
    if (stack.type != JS_TSTRING && c->st->error_own_keys && !c->st->legacy_inspect)
        return inspected_stack(c, o, stack);
    return to_cstring(c, stack);
}

/* removeDuplicateErrorKeys: name, message and stack are not listed when the stack shows them
 * (Node 22: stack never; a name or message that is not a string neither) */
static bool remove_duplicate_error_keys(ictx *c, keylist *keys, js_object *err, const char *stack)
{
    static const char *const names[] = {"name", "message", "stack"};
    if (c->show_hidden)
        return true;
    for (int i = 0; i < 3 && keys->n; i++) {
        int at = kl_find(keys, atom_cstr(c->vm, names[i]));
        if (at < 0)
            continue;
        js_value v;
        bool threw;
        if (!error_field(c, err, names[i], &v, &threw))
            return false;
        if (threw)
            continue;
        bool drop;
        if (c->st->error_own_keys && (i == 2 || v.type != JS_TSTRING)) {
            drop = true;
        } else {
            char *s = to_cstring(c, v);
            if (!s)
                return false;
            drop = strstr(stack, s) != NULL;
            free(s);
        }
        if (drop)
            kl_remove(keys, (uint32_t)at);
    }
    return true;
}

/* [cause] and AggregateError's [errors] are listed after the stack (Node 16+) */
static bool add_error_keys(ictx *c, keylist *keys, js_object *err)
{
    if (!c->st->error_cause)
        return true;
    js_key cause = &A(c->vm, cause)->gc;
    bool has = c->st->error_own_keys ? has_own(c, err, cause) : has_property(c, err, cause);
    if (has && kl_find(keys, A(c->vm, cause)) < 0)
        kl_push(keys, js_strv(A(c->vm, cause)));
    js_value errors;
    bool threw;
    if (!error_field(c, err, "errors", &errors, &threw))
        return false;
    bool own = !c->st->error_own_keys || has_own(c, err, &A(c->vm, errors)->gc);
    if (errors.type == JS_TOBJECT && errors.u.object->cls == CLASS_ARRAY && own &&
        kl_find(keys, A(c->vm, errors)) < 0)
        kl_push(keys, js_strv(A(c->vm, errors)));
    return true;
}

/* /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n {4}at)/ or /^([a-z_A-Z0-9-]*Error)$/: the length of the
 * name a stack starts with, 0 if none */
static size_t stack_name_length(const char *stack)
{
    const char *p = stack;
    if (*p >= 'A' && *p <= 'Z') {
        p++;
        while (*p && (strchr("_ []()-", *p) || (*p >= 'a' && *p <= 'z') ||
                      (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
            p++;
        if (p - stack >= 2 && (*p == ':' || strncmp(p, "\n    at", 7) == 0))
            return (size_t)(p - stack);
    }
    size_t n = strlen(stack);
    for (p = stack; *p; p++)
        if (!(*p == '_' || *p == '-' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9')))
            return 0;
    return n >= 5 && strcmp(stack + n - 5, "Error") == 0 ? n : 0;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* improveStack: a stack that does not name the constructor (a subclass, a null prototype) gets
 * it: "MyError: x" for class MyError, "Error [Renamed]: x"... */
static char *improve_stack(ictx *c, char *stack, const char *ctor, const char *name,
                           const char *tag)
{
    size_t len = strlen(name);
    bool regular = ends_with(name, "Error") && strncmp(stack, name, len) == 0 &&
                   (stack[len] == 0 || stack[len] == ':' || stack[len] == '\n');
    if (ctor && !regular)
        return stack;
    char *fallback = xstrdup("Error");
    if (!ctor) {
        len = stack_name_length(stack);
        if (len) {
            free(fallback);
            fallback = xprintf("%.*s", (int)len, stack);
        }
    }
    char *p = prefix(c, ctor, tag, fallback, "");
    p[strlen(p) - 1] = 0;
    char *r = stack;
    if (strcmp(name, p) != 0) {
        if (strstr(p, name))
            r = len == 0 ? xprintf("%s: %s", p, stack) : xprintf("%s%s", p, stack + len);
        else
            r = xprintf("%s [%s]%s", p, name, stack + len);
        free(stack);
    }
    free(p);
    free(fallback);
    return r;
}

static void split_lines(const char *s, slist *out)
{
    for (;;) {
        const char *nl = strchr(s, '\n');
        if (!nl) {
            sl_push(out, xstrdup(s));
            return;
        }
        sl_push(out, xprintf("%.*s", (int)(nl - s), s));
        s = nl + 1;
    }
}

static long find_line(const slist *l, const char *line)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], line) == 0)
            return (long)i;
    return -1;
}

/* identicalSequenceRange: a run of more than 3 frames of a also in b */
static size_t identical_sequence(const slist *a, const slist *b, size_t *offset)
{
    for (size_t i = 0; i + 3 < a->n; i++) {
        long pos = find_line(b, a->v[i]);
        if (pos < 0)
            continue;
        size_t rest = b->n - (size_t)pos;
        if (rest <= 3)
            continue;
        size_t len = 1, max = a->n - i < rest ? a->n - i : rest;
        while (max > len && strcmp(a->v[i + len], b->v[(size_t)pos + len]) == 0)
            len++;
        if (len > 3) {
            *offset = i;
            return len;
        }
    }
    return 0;
}

/* getStackFrames: the frames also in the cause's stack are replaced by a line saying so */
static bool stack_frames(ictx *c, js_object *err, const char *frames_text, slist *frames)
{
    split_lines(frames_text, frames);
    if (!c->st->error_cause)
        return true;
    js_value cause;
    bool threw;
    if (!error_field(c, err, "cause", &cause, &threw))
        return false;
    if (cause.type != JS_TOBJECT || !is_error(c, cause.u.object))
        return true;
    char *cs = stack_string(c, cause.u.object);
    if (!cs)
        return false;
    char *at = strstr(cs, "\n    at");
    if (at) {
        slist cf = {0};
        split_lines(at + 1, &cf);
        size_t offset = 0, len = identical_sequence(frames, &cf, &offset);
        if (len > 0) {
            size_t skipped = len - 2;
            for (size_t i = 0; i < skipped; i++)
                free(frames->v[offset + 1 + i]);
            frames->v[offset + 1] =
                xprintf("    ... %zu lines matching cause stack trace ...", skipped);
            memmove(frames->v + offset + 2, frames->v + offset + 1 + skipped,
                    (frames->n - offset - 1 - skipped) * sizeof *frames->v);
            frames->n -= skipped - 1;
        }
        sl_free(&cf);
    }
    free(cs);
    return true;
}

static char *indent_lines(const char *s, int indent)
{
    ibuf b = {0};
    for (; *s; s++) {
        b_putc(&b, *s);
        if (*s == '\n')
            b_spaces(&b, indent);
    }
    return b_take(&b);
}

/* the message is skipped when looking for the first frame: (err.message && stack.indexOf(
 * err.message)) || -1, plus its length */
static bool frames_start(ictx *c, js_object *err, const char *stack, const char **start)
{
    js_value msg;
    bool threw;
    if (!error_field(c, err, "message", &msg, &threw))
        return false;
    const char *from = stack;
    if (to_boolean(msg)) {
        char *m = to_cstring(c, msg);
        if (!m)
            return false;
        const char *pos = strstr(stack, m);
        if (pos && pos != stack)
            from = pos + strlen(m);
        free(m);
    }
    *start = strstr(from, "\n    at");
    return true;
}

/* String(err.name), "Error" when it is null or undefined; *other when it is something else
 * than a string */
static char *error_name(ictx *c, js_object *err, bool *other)
{
    js_value name;
    bool threw;
    if (!error_field(c, err, "name", &name, &threw))
        return NULL;
    *other = !js_is_nullish(name) && name.type != JS_TSTRING;
    return js_is_nullish(name) ? xstrdup("Error") : to_cstring(c, name);
}

/* Node 22's improveStack for a name that is not a string: "42 [Error]: x" */
static char *improve_stack_other_name(ictx *c, char *stack, const char *ctor, const char *name,
                                      const char *tag)
{
    char *at = strstr(stack, name);
    if (!at)
        return stack;
    char *p = prefix(c, ctor, tag, "Error", "");
    p[strlen(p) - 1] = 0;
    char *r = xprintf("%.*s%s [%s]%s", (int)(at - stack), stack, name, p, at + strlen(name));
    free(p);
    free(stack);
    return r;
}

/* Node 22: Object.prototype.toString of an error whose stack could not be had */
static char *object_to_string(ictx *c, js_object *err)
{
    js_take_exception(c->vm);
    c->status = JS_OK;
    js_value t;
    pdesc d = {0};
    for (js_object *x = err; x && !d.found; x = x->proto)
        d = own_desc(c, x, sym_key(c->vm->sym.to_string_tag));
    t = d.found && !d.accessor ? d.value : js_undefined();
    return xprintf("[object %s]", t.type == JS_TSTRING ? t.u.string->chars : "Error");
}

/* formatError: the stack, improved, with frames and indentation; keys adjusted */
static char *fmt_error(ictx *c, js_object *err, const char *ctor, const char *tag, keylist *keys)
{
    bool other_name = false;
    char *name = error_name(c, err, &other_name), *stack = name ? stack_string(c, err) : NULL;
    if (name && !stack && c->status == JS_THROW && c->st->error_own_keys) {
        free(name);
        return object_to_string(c, err);
    }
    const char *at = NULL;
    bool ok = stack && remove_duplicate_error_keys(c, keys, err, stack) &&
              add_error_keys(c, keys, err);
    if (ok) {
        if (other_name && c->st->error_own_keys)
            stack = improve_stack_other_name(c, stack, ctor, name, tag);
        if (!other_name || !c->st->error_own_keys || !ctor)
            stack = improve_stack(c, stack, ctor, name, tag);
        ok = frames_start(c, err, stack, &at);
    }
    char *r = NULL;
    if (ok && !at) {
        r = xprintf("[%s]", stack);
    } else if (ok && c->st->error_frames_hidden) {
        r = xprintf("%.*s", (int)(at - stack), stack); /* the lines before the frames */
    } else if (ok) {
        slist frames = {0};
        if (stack_frames(c, err, at + 1, &frames)) {
            ibuf b = {0};
            b_putn(&b, stack, (size_t)(at - stack));
            b_putc(&b, '\n');
            sl_join_into(&b, &frames, "\n");
            r = b_take(&b);
        }
        sl_free(&frames);
    }
    free(name);
    free(stack);
    if (r && c->indent) {
        char *ind = indent_lines(r, c->indent);
        free(r);
        r = ind;
    }
    return r;
}

/* ---- functions, boxed primitives, dates, regexps ------------------------------------------- */

/* getClassBase: [class A extends B] */
static char *class_base(ictx *c, js_object *f, const char *ctor, const char *tag)
{
    ibuf b = {0};
    char *name = NULL;
    js_value v;
    if (has_own(c, f, &A(c->vm, name)->gc)) {
        if (!get_named(c, f, "name", &v))
            return NULL;
        if (to_boolean(v) && !(name = to_cstring(c, v)))
            return NULL;
    }
    b_printf(&b, "[class %s", name ? name : "(anonymous)");
    free(name);
    if (ctor && strcmp(ctor, "Function") != 0)
        b_printf(&b, " [%s]", ctor);
    if (*tag && (!ctor || strcmp(ctor, tag) != 0))
        b_printf(&b, " [%s]", tag);
    if (!ctor) {
        b_puts(&b, " extends [null prototype]");
    } else if (f->proto) {
        char *super = NULL;
        if (!get_named(c, f->proto, "name", &v) ||
            (to_boolean(v) && !(super = to_cstring(c, v)))) {
            free(b.p);
            return NULL;
        }
        if (super)
            b_printf(&b, " extends %s", super);
        free(super);
    }
    b_putc(&b, ']');
    return b_take(&b);
}

/* getFunctionBase: [Function: f], [AsyncFunction (anonymous)], [Function: bound f] Object */
static char *function_base(ictx *c, js_object *f, const char *ctor, const char *tag)
{
    if (fn_is_class(f) && !c->st->legacy_inspect)
        return class_base(c, f, ctor, tag);
    js_value v;
    if (!get_named(c, f, "name", &v))
        return NULL;
    char *name = to_cstring(c, v);
    if (!name)
        return NULL;
    bool gen = fn_has_flag(f, PROTO_GENERATOR), async = fn_has_flag(f, PROTO_ASYNC);
    const char *type = gen ? (async ? "AsyncGeneratorFunction" : "GeneratorFunction")
                           : (async ? "AsyncFunction" : "Function");
    ibuf b = {0};
    if (c->st->legacy_inspect) {
        b_printf(&b, "[%s", *ctor ? ctor : tag);
        if (to_boolean(v))
            b_printf(&b, ": %s", name);
        b_putc(&b, ']');
        free(name);
        return b_take(&b);
    }
    b_printf(&b, "[%s", type);
    if (!ctor)
        b_puts(&b, " (null prototype)");
    if (!*name && v.type == JS_TSTRING)
        b_puts(&b, c->st->anonymous_function_label ? " (anonymous)" : "");
    else
        b_printf(&b, ": %s", name);
    b_putc(&b, ']');
    if (ctor && strcmp(ctor, type) != 0)
        b_printf(&b, " %s", ctor);
    if (*tag && (!ctor || strcmp(ctor, tag) != 0))
        b_printf(&b, " [%s]", tag);
    free(name);
    return b_take(&b);
}

static bool is_boxed(const js_object *o)
{
    return o->cls == CLASS_NUMBER || o->cls == CLASS_STRING || o->cls == CLASS_BOOLEAN ||
           o->cls == CLASS_SYMBOL || o->cls == CLASS_BIGINT;
}

/* getBoxedBase: [Number: 3], [String (MyStr): 'q'] [Tag]; a String's index keys dropped */
static char *boxed_base(ictx *c, js_object *o, keylist *keys, const char *ctor, const char *tag)
{
    const char *type = o->cls == CLASS_NUMBER ? "Number" : o->cls == CLASS_STRING ? "String"
                       : o->cls == CLASS_BOOLEAN ? "Boolean" : o->cls == CLASS_BIGINT ? "BigInt"
                       : "Symbol";
    if (o->cls == CLASS_STRING)
        for (uint32_t i = keys->n; i-- > 0;)
            if (is_index_key(keys->v[i]) &&
                keys->v[i].u.string->index < o->u.primitive.u.string->length)
                kl_remove(keys, i);
    ibuf b = {0};
    b_printf(&b, "[%s", type);
    if (!ctor)
        b_puts(&b, " (null prototype)");
    else if (strcmp(type, ctor) != 0)
        b_printf(&b, " (%s)", ctor);
    char *prim = fmt_primitive(c, o->u.primitive);
    b_printf(&b, ": %s]", prim);
    free(prim);
    if (*tag && (!ctor || strcmp(tag, ctor) != 0))
        b_printf(&b, " [%s]", tag);
    return b_take(&b);
}

/* Date.prototype.toISOString, or "Invalid Date" */
static void date_into(ibuf *b, double t)
{
    if (isnan(t)) {
        b_puts(b, "Invalid Date");
        return;
    }
    double days = floor(t / 86400000.0);
    long ms = (long)(t - days * 86400000.0);
    /* days to a civil date (Howard Hinnant's algorithm) */
    long z = (long)days + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2);
    if (y >= 0 && y <= 9999)
        b_printf(b, "%04ld", y);
    else
        b_printf(b, "%c%06ld", y < 0 ? '-' : '+', y < 0 ? -y : y);
    b_printf(b, "-%02ld-%02ldT%02ld:%02ld:%02ld.%03ldZ", m, d, ms / 3600000, ms / 60000 % 60,
             ms / 1000 % 60, ms % 1000);
}

/* RegExp.prototype.toString: /source/flags */
static char *regexp_string(ictx *c, js_object *o)
{
    js_value src, flags;
    if (!get_named(c, o, "source", &src) || !get_named(c, o, "flags", &flags))
        return NULL;
    char *s = to_cstring(c, src), *f = s ? to_cstring(c, flags) : NULL;
    char *r = f ? xprintf("/%s/%s", s, f) : NULL;
    free(s);
    free(f);
    return r;
}

/* ---- formatRaw ----------------------------------------------------------------------------- */

typedef enum { F_NONE, F_ARRAY, F_MAP_OR_SET, F_ITERATOR, F_PROMISE, F_WEAK } formatter;

/* what formatRaw decides about an object before formatting its entries */
typedef struct {
    js_object *o;
    char *ctor;          /* NULL: null prototype */
    char *tag;
    char *base;          /* printed before the braces ("" for none) */
    char *brace0;
    const char *brace1;
    int extras;          /* K_OBJECT or K_ARRAY_EXTRAS */
    formatter fmt;
    keylist keys;
    slist proto_props;   /* showHidden: the prototypes' accessors */
} shape;

static void shape_free(shape *r)
{
    free(r->ctor);
    free(r->tag);
    free(r->base);
    free(r->brace0);
    free(r->keys.v);
    sl_free(&r->proto_props);
}

/* no keys and no prototype properties: formatRaw's early returns */
static bool shape_empty(const shape *r)
{
    return r->keys.n == 0 && r->proto_props.n == 0;
}

static char *size_text(const ictx *c, uint32_t n)
{
    return c->st->map_set_sizes ? xprintf("(%u)", n) : xstrdup("");
}

/* the branch for arrays, maps, sets and their iterators (Symbol.iterator in value, or a null
 * prototype): *done when it is one of them (the result: an empty one's text, or NULL) */
static char *classify_iterable(ictx *c, shape *r, bool *done)
{
    js_object *o = r->o;
    bool only_enum = !c->show_hidden;
    *done = true;
    if (o->cls == CLASS_ARRAY) {
        bool plain = r->ctor && strcmp(r->ctor, "Array") == 0 && !*r->tag;
        char *size = xprintf("(%u)", o->u.array.length);
        char *p = plain ? xstrdup("") : prefix(c, r->ctor, r->tag, "Array", size);
        free(size);
        r->keys = own_keys(c, o, true, only_enum);
        r->brace0 = xprintf("%s[", p);
        r->brace1 = "]";
        free(p);
        r->extras = K_ARRAY_EXTRAS;
        r->fmt = F_ARRAY;
        return o->u.array.length == 0 && shape_empty(r) ? xprintf("%s]", r->brace0) : NULL;
    }
    if (o->cls == CLASS_MAP || o->cls == CLASS_SET) {
        uint32_t n = live_entries(&o->u.map, 0);
        char *size = size_text(c, n);
        char *p = prefix(c, r->ctor, r->tag, o->cls == CLASS_MAP ? "Map" : "Set", size);
        free(size);
        r->keys = own_keys(c, o, false, only_enum);
        r->fmt = F_MAP_OR_SET;
        r->brace0 = xprintf("%s{", p);
        free(p);
        return n == 0 && shape_empty(r) ? xprintf("%s}", r->brace0) : NULL;
    }
    if (is_map_iterator(o) || is_set_iterator(o)) {
        const char *type = is_map_iterator(o) ? "Map" : "Set";
        r->keys = own_keys(c, o, false, only_enum);
        char *want = xprintf("%s Iterator", type);
        r->brace0 = strcmp(r->tag, want) == 0 ? xprintf("[%s] {", want)
                    : *r->tag ? xprintf("[%s] [%s] {", r->tag, want) : xprintf("[%s] {", want);
        free(want);
        r->fmt = F_ITERATOR;
        return NULL;
    }
    *done = false;
    return NULL;
}

static bool classify_error_and_boxed(ictx *c, shape *r, char **early)
{
    js_object *o = r->o;
    if (is_error(c, o)) {
        r->base = fmt_error(c, o, r->ctor, r->tag, &r->keys);
        if (r->base && shape_empty(r))
            *early = xstrdup(r->base);
        return r->base != NULL;
    }
    r->base = boxed_base(c, o, &r->keys, r->ctor, r->tag);
    if (shape_empty(r))
        *early = xstrdup(r->base);
    return true;
}

/* `[Arguments] {`, `Object [Tag] {` or `{`; an empty one returned at once */
static char *classify_plain_object(const ictx *c, shape *r)
{
    if (r->o->cls == CLASS_ARGUMENTS)
        r->brace0 = xstrdup("[Arguments] {");
    else if (*r->tag)
        r->brace0 = prefixed(c, r->ctor, r->tag, "Object", "{");
    return shape_empty(r) ? xprintf("%s}", r->brace0 ? r->brace0 : "{") : NULL;
}

/* RegExp.prototype.toString of new RegExp(value): a null-prototype regexp's own text */
static char *regexp_copy_string(ictx *c, js_object *o)
{
    js_value ctor, copy, arg = js_obj(o);
    js_status st = js_get(c->vm, js_obj(c->vm->global), "RegExp", &ctor);
    if (st == JS_OK)
        st = js_construct(c->vm, ctor, 1, &arg, &copy);
    if (st == JS_OK && copy.type != JS_TOBJECT)
        st = js_throw_type_error(c->vm, "RegExp is not a constructor");
    if (failed(c, st))
        return NULL;
    return regexp_string(c, copy.u.object);
}

/* a regexp's or date's text, after its prefix unless that is the plain "RegExp " or "Date " */
static char *with_prefix(const ictx *c, const shape *r, const char *fallback, const char *text)
{
    char *p = prefix(c, r->ctor, r->tag, fallback, "");
    size_t n = strlen(fallback);
    bool plain = strncmp(p, fallback, n) == 0 && strcmp(p + n, " ") == 0;
    char *res = plain ? xstrdup(text) : xprintf("%s%s", p, text);
    free(p);
    return res;
}

/* dates and regexps: their text is the base */
static bool classify_date_regexp(ictx *c, shape *r, int rt, char **early)
{
    js_object *o = r->o;
    if (o->cls == CLASS_REGEXP) {
        char *s = r->ctor ? regexp_string(c, o) : regexp_copy_string(c, o);
        if (!s)
            return false;
        r->base = with_prefix(c, r, "RegExp", s);
        free(s);
        if (shape_empty(r) || depth_exceeded(c, rt))
            *early = xstrdup(r->base);
        return true;
    }
    ibuf b = {0};
    date_into(&b, o->u.primitive.type == JS_TNUMBER ? o->u.primitive.u.number : NAN);
    r->base = with_prefix(c, r, "Date", b.p);
    free(b.p);
    if (shape_empty(r))
        *early = xstrdup(r->base);
    return true;
}

/* the other objects (noIterator): functions, plain objects, regexps, dates, errors, promises,
 * weak collections, boxed primitives, the rest; false when JavaScript threw */
static bool classify_other(ictx *c, shape *r, int rt, char **early)
{
    js_object *o = r->o;
    bool fn_first = c->st->well_known_prototypes;
    bool object = r->ctor && strcmp(r->ctor, "Object") == 0;
    r->keys = own_keys(c, o, false, !c->show_hidden);
    if (is_function(o) && (fn_first || !object)) {
        r->base = function_base(c, o, r->ctor, r->tag);
        if (r->base && shape_empty(r))
            *early = xstrdup(r->base);
        return r->base != NULL;
    }
    if (object) {
        *early = classify_plain_object(c, r);
        return true;
    }
    switch (o->cls) {
    case CLASS_REGEXP:
    case CLASS_DATE:
        return classify_date_regexp(c, r, rt, early);
    case CLASS_PROMISE:
        r->brace0 = prefixed(c, r->ctor, r->tag, "Promise", "{");
        r->fmt = F_PROMISE;
        return true;
    case CLASS_WEAKSET:
    case CLASS_WEAKMAP:
        r->brace0 = prefixed(c, r->ctor, r->tag,
                             o->cls == CLASS_WEAKSET ? "WeakSet" : "WeakMap", "{");
        r->fmt = F_WEAK;
        return true;
    default:
        break;
    }
    if (is_error(c, o) || is_boxed(o))
        return classify_error_and_boxed(c, r, early);
    char *style = ctx_style(c, o, r->ctor, r->tag);
    if (shape_empty(r))
        *early = xprintf("%s{}", style);
    else
        r->brace0 = xprintf("%s{", style);
    free(style);
    return true;
}

/* [Object], [Array], [Foo], [Object: null prototype] past the depth limit */
static char *depth_label(ictx *c, const shape *r)
{
    char *style = ctx_style(c, r->o, r->ctor, r->tag);
    style[strlen(style) - 1] = 0;
    char *s = r->ctor ? xprintf("[%s]", style) : xstrdup(style);
    free(style);
    return s;
}

static bool run_formatter(ictx *c, shape *r, int rt, slist *out)
{
    switch (r->fmt) {
    case F_ARRAY: return fmt_array(c, r->o, rt, out);
    case F_MAP_OR_SET: return fmt_map_or_set(c, r->o, rt, out);
    case F_ITERATOR: return fmt_iterator(c, r->o, rt, &r->brace0, out);
    case F_PROMISE: return fmt_promise(c, r->o, rt, out);
    case F_WEAK: return fmt_weak(c, r->o, rt, out);
    default: return true;
    }
}

/* the entries, the properties and the prototypes' properties, reduced to a string */
static char *fmt_entries(ictx *c, shape *r, int rt)
{
    slist out = {0};
    rt = rt_next(rt);
    ol_push(&c->seen, r->o);
    c->current_depth = rt;
    bool ok = run_formatter(c, r, rt, &out);
    for (uint32_t i = 0; ok && i < r->keys.n; i++) {
        ok = sl_push_ok(&out, fmt_property(c, r->o, rt, r->keys.v[i], r->extras, NULL));
    }
    for (size_t i = 0; ok && i < r->proto_props.n; i++) {
        sl_push(&out, r->proto_props.v[i]);
        r->proto_props.v[i] = NULL;
    }
    c->seen.n--;
    size_t index = c->st->circular_ref_index ? ol_index(&c->circular, r->o) : 0;
    if (ok && index) {
        char *base = *r->base ? xprintf("<ref *%zu> %s", index, r->base)
                              : xprintf("<ref *%zu>", index);
        free(r->base);
        r->base = base;
    }
    char *res = ok ? reduce(c, &out, r->base, r->brace0 ? r->brace0 : "{", r->brace1, r->extras,
                            rt, r->o)
                   : NULL;
    sl_free(&out);
    return res;
}

static char *fmt_raw(ictx *c, js_object *o, int rt)
{
    shape r = {0};
    r.o = o;
    r.brace1 = "}";
    r.extras = K_OBJECT;
    char *res = NULL;
    slist *props = c->show_hidden && !depth_exceeded(c, rt) ? &r.proto_props : NULL;
    bool ok = ctor_name(c, o, rt, props, &r.ctor) && (r.tag = string_tag(c, o)) != NULL;
    if (ok && o->cls == CLASS_HOST) {
        free(r.ctor);
        r.ctor = xstrdup(o->u.host.cls && o->u.host.cls->name ? o->u.host.cls->name : "Object");
    }
    bool done = false;
    if (ok && (has_property(c, o, sym_key(c->vm->sym.iterator)) || !r.ctor))
        res = classify_iterable(c, &r, &done);
    if (ok && !done)
        ok = classify_other(c, &r, rt, &res);
    if (!r.base)
        r.base = xstrdup("");
    if (ok && !res)
        res = depth_exceeded(c, rt) ? depth_label(c, &r) : fmt_entries(c, &r, rt);
    shape_free(&r);
    return ok ? res : NULL;
}

/* ---- layout (groupArrayElements, isBelowBreakLength, reduceToSingleString) ----------------- */

static void pad_into(ibuf *b, const char *s, long width, bool at_start)
{
    long pad = width - (long)u16len(s);
    if (at_start)
        b_spaces(b, (int)(pad > 0 ? pad : 0));
    b_puts(b, s);
    if (!at_start)
        b_spaces(b, (int)(pad > 0 ? pad : 0));
}

/* typeof value[i] is 'number' or 'bigint' for every entry: numbers are aligned to the right */
static bool all_numbers(const js_object *value, size_t n)
{
    if (!value)
        return true;
    for (size_t i = 0; i < n; i++) {
        if (value->cls != CLASS_ARRAY || i >= value->u.array.length ||
            (value->u.array.items[i].type != JS_TNUMBER &&
             value->u.array.items[i].type != JS_TBIGINT))
            return false;
    }
    return true;
}

static long columns_for(const ictx *c, size_t total, size_t actual_max, size_t entries,
                        size_t output_length)
{
    double average_bias = sqrt((double)actual_max - (double)total / (double)entries);
    double biased_max = fmax((double)actual_max - 3 - average_bias, 1);
    double columns = fmin(fmin(floor(sqrt(2.5 * biased_max * (double)output_length) / biased_max
                                     + 0.5),
                               floor((double)(c->break_length - c->indent) / (double)actual_max)),
                          fmin((double)c->compact * 4, 15));
    return (long)columns;
}

/* one line of grouped entries */
static char *grouped_line(const slist *out, const size_t *data_len, const size_t *max_line,
                          size_t from, size_t to, bool at_start)
{
    ibuf b = {0};
    size_t j = from;
    for (; j + 1 < to; j++) {
        char *s = xprintf("%s, ", out->v[j]);
        pad_into(&b, s, (long)(max_line[j - from] + u16len(out->v[j]) - data_len[j]), at_start);
        free(s);
    }
    if (at_start)
        pad_into(&b, out->v[j], (long)(max_line[j - from] + u16len(out->v[j]) - data_len[j]) - 2,
                 true);
    else
        b_puts(&b, out->v[j]);
    return b_take(&b);
}

/* groupArrayElements: entries of similar width in columns, as square as characters allow */
static void group_array(ictx *c, slist *out, const js_object *value)
{
    size_t output_length = out->n, total = 0, max_len = 0;
    if ((size_t)c->max_array_length < out->n)
        output_length--;
    size_t *data_len = calloc(out->n + 1, sizeof *data_len);
    if (!data_len)
        oom();
    for (size_t i = 0; i < output_length; i++) {
        data_len[i] = str_width(out->v[i]);
        total += data_len[i] + 2;
        if (max_len < data_len[i])
            max_len = data_len[i];
    }
    size_t actual_max = max_len + 2;
    long columns = 0;
    if ((long)actual_max * 3 + c->indent < c->break_length &&
        ((double)total / (double)actual_max > 5 || max_len <= 6))
        columns = columns_for(c, total, actual_max, out->n, output_length);
    if (columns <= 1) {
        free(data_len);
        return;
    }
    size_t *max_line = calloc((size_t)columns, sizeof *max_line);
    if (!max_line)
        oom();
    for (size_t i = 0; i < (size_t)columns; i++) {
        for (size_t j = i; j < output_length; j += (size_t)columns)
            if (data_len[j] > max_line[i])
                max_line[i] = data_len[j];
        max_line[i] += 2;
    }
    bool at_start = all_numbers(value, out->n);
    slist tmp = {0};
    for (size_t i = 0; i < output_length; i += (size_t)columns) {
        size_t to = i + (size_t)columns < output_length ? i + (size_t)columns : output_length;
        sl_push(&tmp, grouped_line(out, data_len, max_line, i, to, at_start));
    }
    if (output_length < out->n) {
        sl_push(&tmp, out->v[output_length]);
        out->v[output_length] = NULL;
    }
    sl_free(out);
    *out = tmp;
    free(data_len);
    free(max_line);
}

/* isBelowBreakLength */
static bool below_break_length(const ictx *c, const slist *out, size_t start, const char *base)
{
    size_t total = out->n + start;
    if (total + out->n > (size_t)c->break_length)
        return false;
    for (size_t i = 0; i < out->n; i++) {
        total += u16len(out->v[i]);
        if (total > (size_t)c->break_length)
            return false;
    }
    return !strchr(base, '\n');
}

/* the entries joined by ",\n" and the indentation of their level */
static void join_lines_into(const ictx *c, ibuf *b, const slist *out)
{
    ibuf sep = {0};
    b_puts(&sep, ",\n");
    b_spaces(&sep, c->indent + 2);
    sl_join_into(b, out, sep.p);
    free(sep.p);
}

/* Node 10's reduceToSingleString (compact true): one line when the entries and their
 * separators fit in breakLength, else the first entry stays on the brace's line (when the
 * brace is one character and there is no base) */
static char *reduce_v10(ictx *c, const slist *out, const char *base, const char *brace0,
                        const char *brace1)
{
    ibuf b = {0};
    if (out->n * 2 <= (size_t)c->break_length) {
        size_t length = 0;
        for (size_t i = 0; i < out->n && length <= (size_t)c->break_length; i++)
            length += u16len(out->v[i]) + 1;
        if (length <= (size_t)c->break_length) {
            b_printf(&b, "%s%s%s ", brace0, *base ? " " : "", base);
            sl_join_into(&b, out, ", ");
            b_printf(&b, " %s", brace1);
            return b_take(&b);
        }
    }
    b_puts(&b, brace0);
    if (!*base && u16len(brace0) == 1) {
        b_putc(&b, ' ');
    } else {
        b_printf(&b, "%s%s\n", *base ? " " : "", base);
        b_spaces(&b, c->indent + 2);
    }
    join_lines_into(c, &b, out);
    b_printf(&b, " %s", brace1);
    return b_take(&b);
}

/* reduceToSingleString (compact 3): up to `compact` inner levels on one line when they fit */
static char *reduce(ictx *c, slist *out, const char *base, const char *brace0,
                    const char *brace1, int extras, int rt, js_object *value)
{
    if (c->compact == 0)
        return reduce_v10(c, out, base, brace0, brace1);
    size_t entries = out->n;
    if (c->compact >= 1 && extras == K_ARRAY_EXTRAS && entries > 6)
        group_array(c, out, value);
    ibuf b = {0};
    if (*base) {
        b_puts(&b, base);
        b_putc(&b, ' ');
    }
    b_puts(&b, brace0);
    bool nan = rt == RT_NAN || c->current_depth == RT_NAN;
    if (c->compact >= 1 && !nan && c->current_depth - rt < c->compact && entries == out->n) {
        size_t start = out->n + (size_t)c->indent + u16len(brace0) + u16len(base) + 10;
        if (below_break_length(c, out, start, base)) {
            ibuf joined = {0};
            sl_join_into(&joined, out, ", ");
            if (!c->st->break_multiline_entries || !joined.p || !strchr(joined.p, '\n')) {
                b_printf(&b, " %s %s", joined.p ? joined.p : "", brace1);
                free(joined.p);
                return b_take(&b);
            }
            free(joined.p);
        }
    }
    b_putc(&b, '\n');
    b_spaces(&b, c->indent + 2);
    join_lines_into(c, &b, out);
    b_putc(&b, '\n');
    b_spaces(&b, c->indent);
    b_puts(&b, brace1);
    return b_take(&b);
}

/* ---- styles as bits (kept in util.inspect's native function given to custom inspectors) ---- */

#define STYLE_FLAGS(X)                                                                         \
    X(legacy_format) X(legacy_inspect) X(map_set_sizes) X(circular_ref_index)                 \
    X(anonymous_function_label) X(hex_escapes) X(lone_surrogate_escapes)                     \
    X(max_string_length) X(max_collection_entries) X(break_multiline_entries)                \
    X(ctor_instanceof) X(proto_key_bracketed) X(error_cause) X(well_known_prototypes)          \
    X(to_primitive_not_builtin) X(more_well_known_prototypes) X(tag_in_constructor_hidden)     \
    X(error_own_keys) X(custom_inspect_v16)

static uint32_t style_to_bits(const ls_inspect_style *s)
{
    uint32_t bits = 0, bit = 1;
#define X(f) bits |= s->f ? bit : 0; bit <<= 1;
    STYLE_FLAGS(X)
#undef X
    return bits;
}

static ls_inspect_style style_from_bits(uint32_t bits)
{
    ls_inspect_style s;
    uint32_t bit = 1;
    memset(&s, 0, sizeof s);
#define X(f) s.f = (bits & bit) != 0; bit <<= 1;
    STYLE_FLAGS(X)
#undef X
    return s;
}

ls_inspect_style ls_inspect_style_for_major(int major)
{
    ls_inspect_style s;
    memset(&s, 0, sizeof s);
    if (major < 12) {
        s.legacy_format = s.legacy_inspect = true;
        return s;
    }
    bool v14 = major >= 13, v16 = major >= 16, v20 = major >= 20, v22 = major >= 22;
    s.map_set_sizes = s.circular_ref_index = s.anonymous_function_label = v14;
    s.hex_escapes = s.ctor_instanceof = s.proto_key_bracketed = v14;
    s.lone_surrogate_escapes = s.max_string_length = s.break_multiline_entries = v16;
    s.max_collection_entries = v16 && !(major >= 17 && major <= 19);
    s.error_cause = s.custom_inspect_v16 = v16;
    s.well_known_prototypes = s.to_primitive_not_builtin = v20;
    s.more_well_known_prototypes = s.tag_in_constructor_hidden = s.error_own_keys = v22;
    return s;
}

/* ---- [util.inspect.custom] ----------------------------------------------------------------- */

static char *fmt_value_v10(ictx *c, js_value v, int rt);

/* Symbol.for('nodejs.util.inspect.custom'), found once per inspection (undefined when the VM
 * has no Symbol.for); in Node 10.7.0, whose util.inspect.custom was not a registered symbol,
 * the embedder's (style->legacy_custom) */
static js_value custom_symbol(ictx *c)
{
    if (c->st->legacy_inspect)
        return c->st->legacy_custom;
    if (c->custom_symbol.type == JS_TSYMBOL)
        return c->custom_symbol;
    js_value sym, fn, r;
    js_value key = js_new_cstring(c->vm, "nodejs.util.inspect.custom");
    if (js_get(c->vm, js_obj(c->vm->global), "Symbol", &sym) == JS_OK && sym.type == JS_TOBJECT &&
        js_get(c->vm, sym, "for", &fn) == JS_OK && js_is_callable(fn) &&
        js_call(c->vm, fn, sym, 1, &key, &r) == JS_OK && r.type == JS_TSYMBOL)
        c->custom_symbol = r;
    else if (c->vm->has_exception)
        js_take_exception(c->vm);
    return c->custom_symbol;
}

static js_status stylize_native(const js_args *a, js_value *out)
{
    js_string *s;
    js_status st = to_string(a->vm, js_arg(a, 0), &s);
    if (st == JS_OK)
        *out = js_strv(s);
    return st;
}

static js_status inspect_native(const js_args *a, js_value *out);

static void set_field(ictx *c, js_value o, const char *name, js_value v)
{
    prop_define_value(c->vm, o.u.object, named(c, name), v, PROP_DEFAULT);
}

static js_value limit_value(int n)
{
    return n == INT_MAX ? js_number(INFINITY) : js_number(n);
}

/* getUserOptions (Node 10: the context itself) */
static js_value user_options(ictx *c)
{
    js_value o = js_new_object(c->vm);
    bool legacy = c->st->legacy_inspect;
    if (legacy)
        set_field(c, o, "seen", js_new_array(c->vm, 0, NULL));
    set_field(c, o, "stylize",
              js_new_native(c->vm, "stylizeNoColor", 1, stylize_native, NULL, 0));
    set_field(c, o, "showHidden", js_bool(c->show_hidden));
    set_field(c, o, "depth", c->depth == INT_MAX ? js_null() : js_number(c->depth));
    set_field(c, o, "colors", js_bool(false));
    set_field(c, o, "customInspect", js_bool(c->custom_inspect));
    set_field(c, o, "showProxy", js_bool(false));
    set_field(c, o, "maxArrayLength", limit_value(c->max_array_length));
    if (!legacy)
        set_field(c, o, "maxStringLength", limit_value(c->max_string_length));
    set_field(c, o, "breakLength", js_number(c->break_length));
    if (legacy)
        set_field(c, o, "indentationLvl", js_number(c->indent));
    set_field(c, o, "compact", c->compact > 0 ? js_number(c->compact) : js_bool(c->compact == 0));
    if (!legacy) {
        set_field(c, o, "sorted", js_bool(false));
        set_field(c, o, "getters", js_bool(false));
    }
    if (c->st->custom_inspect_v16)
        set_field(c, o, "numericSeparator", js_bool(false));
    return o;
}

/* !(value.constructor && value.constructor.prototype === value): a prototype object's own
 * custom inspector is not used; Node 22 looks at an own data `constructor` only */
static bool is_prototype_object(ictx *c, js_object *o, bool *is_proto)
{
    js_value ctor, proto;
    *is_proto = false;
    if (c->st->error_own_keys) {
        pdesc d = own_desc(c, o, &A(c->vm, constructor)->gc);
        if (!d.found || d.accessor || js_is_nullish(d.value))
            return true;
        ctor = d.value;
    } else {
        if (!get_named(c, o, "constructor", &ctor))
            return false;
        if (!to_boolean(ctor))
            return true;
    }
    if (failed(c, val_get(c->vm, ctor, &A(c->vm, prototype)->gc, &proto)))
        return false;
    *is_proto = proto.type == JS_TOBJECT && proto.u.object == o;
    return true;
}

static char *indent_result(ictx *c, js_string *s)
{
    if (c->st->legacy_inspect)
        return js_text(s);
    char *text = js_text(s), *r = indent_lines(text, c->indent);
    free(text);
    return r;
}

/* the [util.inspect.custom] method (Node 10: or an `inspect` method): its result, or NULL with
 * *used false when there is none (or it returned the value itself) */
static char *try_custom(ictx *c, js_object *o, int rt, bool *used)
{
    js_value fn = js_undefined();
    js_value sym = custom_symbol(c);
    *used = false;
    if (sym.type == JS_TSYMBOL && !get_key(c, o, &sym.u.symbol->gc, &fn))
        return NULL;
    if (c->st->legacy_inspect && !to_boolean(fn) && !get_named(c, o, "inspect", &fn))
        return NULL;
    bool is_proto;
    if (!js_is_callable(fn) || !is_prototype_object(c, o, &is_proto) || is_proto)
        return NULL;
    js_value args[3];
    args[0] = c->depth == INT_MAX ? js_null()
              : js_number(rt == RT_NAN ? NAN : (double)(c->depth - rt));
    args[1] = user_options(c);
    args[2] = js_new_native(c->vm, "inspect", 2, inspect_native, NULL, 1);
    *js_native_slot(args[2].u.object, 0) = js_number(style_to_bits(c->st));
    int argc = c->st->custom_inspect_v16 ? 3 : 2;
    js_value ret;
    if (failed(c, js_call(c->vm, fn, js_obj(o), argc, args, &ret))) {
        *used = true;
        return NULL;
    }
    if (ret.type == JS_TOBJECT && ret.u.object == o)
        return NULL;
    *used = true;
    if (ret.type != JS_TSTRING)
        return c->st->legacy_inspect ? fmt_value_v10(c, ret, rt) : fmt_value(c, ret, rt);
    return indent_result(c, ret.u.string);
}

/* ---- formatValue --------------------------------------------------------------------------- */

static char *circular_label(ictx *c, js_object *o)
{
    if (!c->st->circular_ref_index || c->st->legacy_inspect)
        return xstrdup("[Circular]");
    size_t index = ol_index(&c->circular, o);
    if (!index) {
        ol_push(&c->circular, o);
        index = c->circular.n;
    }
    return xprintf("[Circular *%zu]", index);
}

/* the embedder's replacement for a host object */
static bool host_replacement(ictx *c, js_object *o, js_value *out, char **text)
{
    const ls_inspect_host *h = &c->st->host;
    *text = NULL;
    return o->cls == CLASS_HOST && h->fn && h->fn(h->ctx, c->vm, o, out, text);
}

static char *fmt_value(ictx *c, js_value v, int rt)
{
    if (c->st->legacy_inspect)
        return fmt_value_v10(c, v, rt);
    if (v.type != JS_TOBJECT)
        return fmt_primitive(c, v);
    js_object *o = v.u.object;
    js_value replacement;
    char *text;
    if (host_replacement(c, o, &replacement, &text))
        return text ? text : fmt_value(c, replacement, rt);
    if (c->custom_inspect) {
        bool used;
        char *s = try_custom(c, o, rt, &used);
        if (s || used || c->status != JS_OK)
            return s;
    }
    if (ol_index(&c->seen, o))
        return circular_label(c, o);
    return fmt_raw(c, o, rt);
}

/* util.inspect(value, options) inside an inspection: a new context with the parent's style */
static char *inspect_with_depth(ictx *parent, js_value v, int depth, bool custom_inspect)
{
    ictx c;
    ctx_init(&c, parent->vm, parent->st);
    c.depth = depth;
    c.custom_inspect = custom_inspect;
    c.show_hidden = parent->show_hidden;
    char *s = fmt_value(&c, v, 0);
    parent->status = c.status;
    ctx_free(&c);
    return s;
}

/* ---- util.inspect(value, options) for custom inspectors ------------------------------------ */

static int limit_option(js_value v, int fallback)
{
    if (v.type == JS_TNULL || (v.type == JS_TNUMBER && v.u.number >= INT_MAX))
        return INT_MAX;
    if (v.type != JS_TNUMBER || isnan(v.u.number))
        return fallback;
    return (int)v.u.number;
}

/* the options util.inspect takes: depth, showHidden, breakLength, compact, maxArrayLength,
 * maxStringLength, customInspect (others are ignored) */
static bool read_options(ictx *c, js_value opts)
{
    if (opts.type == JS_TBOOLEAN)
        c->show_hidden = opts.u.boolean;
    if (opts.type != JS_TOBJECT)
        return true;
    js_value v;
    js_object *o = opts.u.object;
    if (!get_named(c, o, "depth", &v))
        return false;
    c->depth = v.type == JS_TUNDEFINED ? c->depth : limit_option(v, c->depth);
    if (!get_named(c, o, "showHidden", &v))
        return false;
    c->show_hidden = v.type == JS_TUNDEFINED ? c->show_hidden : to_boolean(v);
    if (!get_named(c, o, "breakLength", &v))
        return false;
    c->break_length = limit_option(v, c->break_length);
    if (!get_named(c, o, "compact", &v))
        return false;
    if (v.type == JS_TBOOLEAN)
        c->compact = v.u.boolean ? 0 : -1;
    else
        c->compact = limit_option(v, c->compact);
    if (!get_named(c, o, "maxArrayLength", &v))
        return false;
    c->max_array_length = limit_option(v, c->max_array_length);
    if (!get_named(c, o, "maxStringLength", &v))
        return false;
    c->max_string_length = limit_option(v, c->max_string_length);
    if (!get_named(c, o, "customInspect", &v))
        return false;
    c->custom_inspect = v.type == JS_TUNDEFINED ? c->custom_inspect : to_boolean(v);
    return true;
}

static js_status inspect_native(const js_args *a, js_value *out)
{
    ls_inspect_style st = style_from_bits((uint32_t)js_native_slot(a->callee, 0)->u.number);
    ictx c;
    ctx_init(&c, a->vm, &st);
    char *s = read_options(&c, js_arg(a, 1)) ? fmt_value(&c, js_arg(a, 0), 0) : NULL;
    js_status status = c.status;
    ctx_free(&c);
    if (!s)
        return status;
    *out = js_new_string(a->vm, s, strlen(s));
    free(s);
    return JS_OK;
}

/* ---- Node 10's formatValue (lib/util.js of v10.7.0) ---------------------------------------- */

/* what Node 10's formatValue decides before formatting */
typedef struct {
    js_object *o;
    char *ctor;          /* "" when there is none */
    char *tag;
    char *base;
    char *brace0;
    const char *brace1;
    formatter fmt;
    keylist keys;        /* string keys (Object.keys, or all with showHidden) */
    keylist symbols;
    const char *extra;   /* "[items unknown]" */
    uint32_t skip_keys;  /* a boxed String: keys.slice(value.length) */
} shape10;

static void shape10_free(shape10 *r)
{
    free(r->ctor);
    free(r->tag);
    free(r->base);
    free(r->brace0);
    free(r->keys.v);
    free(r->symbols.v);
}

static uint32_t key_count10(const shape10 *r)
{
    return r->keys.n + r->symbols.n;
}

/* value.valueOf(), errors ignored as Node 10 does (try { raw = value.valueOf() } catch {}) */
static js_value value_of10(ictx *c, js_object *o)
{
    js_value fn, r = js_undefined();
    if (obj_get(c->vm, o, &A(c->vm, valueOf)->gc, js_obj(o), &fn) != JS_OK ||
        !js_is_callable(fn) || js_call(c->vm, fn, js_obj(o), 0, NULL, &r) != JS_OK) {
        if (c->vm->has_exception)
            js_take_exception(c->vm);
        return js_undefined();
    }
    return r;
}

/* [String: 'x'], [Number: 1], [Boolean: true], [Symbol: Symbol(s)] */
static char *boxed10(ictx *c, const char *type, js_value prim)
{
    char *f = fmt_primitive(c, prim);
    char *s = xprintf("[%s: %s]", type, f);
    free(f);
    return s;
}

static bool classify10_iterable(ictx *c, shape10 *r, char **early)
{
    js_object *o = r->o;
    if (o->cls == CLASS_ARRAY) {
        char *p = prefix(c, r->ctor, r->tag, "", "");
        r->brace0 = xprintf("%s[", strcmp(p, "Array ") == 0 ? "" : p);
        free(p);
        r->brace1 = "]";
        r->fmt = F_ARRAY;
        if (o->u.array.length == 0 && key_count10(r) == 0)
            *early = xprintf("%s]", r->brace0);
        return true;
    }
    if (o->cls == CLASS_MAP || o->cls == CLASS_SET) {
        r->brace0 = prefixed(c, r->ctor, r->tag, "", "{");
        r->fmt = F_MAP_OR_SET;
        if (live_entries(&o->u.map, 0) == 0 && key_count10(r) == 0)
            *early = prefixed(c, r->ctor, r->tag, "", "{}");
        return true;
    }
    if (is_map_iterator(o) || is_set_iterator(o)) {
        r->brace0 = xprintf("[%s] {", r->tag);
        r->fmt = F_ITERATOR;
        return true;
    }
    js_value raw = value_of10(c, o);
    if (raw.type != JS_TSTRING)
        return false;
    char *boxed = boxed10(c, "String", raw);
    if (key_count10(r) == raw.u.string->length) {
        *early = boxed;
        return true;
    }
    r->base = boxed;
    js_value len;
    if (!get_named(c, o, "length", &len))
        return false;
    r->skip_keys = len.type == JS_TNUMBER && len.u.number > 0 ? (uint32_t)len.u.number : 0;
    return true;
}

static bool classify10_error(ictx *c, shape10 *r, char **early)
{
    js_value v;
    if (!get_named(c, r->o, "stack", &v))
        return false;
    if (to_boolean(v) && v.type != JS_TSTRING) { /* value.stack || ...; then base.indexOf() */
        c->status = js_throw_type_error(c->vm, "base.indexOf is not a function");
        return false;
    }
    char *stack = stack_string(c, r->o);
    if (!stack)
        return false;
    if (!strstr(stack, "\n    at"))
        r->base = xprintf("[%s]", stack);
    else
        r->base = xstrdup(stack);
    if (c->indent) {
        free(r->base);
        r->base = indent_lines(stack, c->indent); /* formatError again: no brackets */
    }
    free(stack);
    if (key_count10(r) == 0)
        *early = xstrdup(r->base);
    return true;
}

/* the final else of Node 10's chain: boxed numbers and booleans by valueOf(), or braces */
static bool classify10_rest(ictx *c, shape10 *r, char **early)
{
    js_value raw = value_of10(c, r->o);
    const char *type = raw.type == JS_TNUMBER ? "Number" : raw.type == JS_TBOOLEAN ? "Boolean"
                       : raw.type == JS_TSYMBOL ? "Symbol" : raw.type == JS_TBIGINT ? "BigInt"
                       : NULL;
    if (type) {
        r->base = boxed10(c, type, raw);
        if (key_count10(r) == 0 || raw.type == JS_TSYMBOL)
            *early = xstrdup(r->base);
    } else if (key_count10(r) == 0) {
        *early = prefixed(c, r->ctor, r->tag, "", "{}");
    } else {
        r->brace0 = prefixed(c, r->ctor, r->tag, "", "{");
    }
    return true;
}

static bool classify10_other(ictx *c, shape10 *r, int rt, char **early)
{
    js_object *o = r->o;
    uint32_t n = key_count10(r);
    if (strcmp(r->ctor, "Object") == 0) {
        if (o->cls == CLASS_ARGUMENTS)
            r->brace0 = xstrdup("[Arguments] {");
        else if (*r->tag)
            r->brace0 = prefixed(c, r->ctor, r->tag, "", "{");
        if (n == 0)
            *early = xprintf("%s}", r->brace0 ? r->brace0 : "{");
        return true;
    }
    if (is_function(o)) {
        r->base = function_base(c, o, r->ctor, r->tag);
        if (r->base && n == 0)
            *early = xstrdup(r->base);
        return r->base != NULL;
    }
    if (o->cls == CLASS_REGEXP) {
        r->base = regexp_string(c, o);
        if (r->base && (n == 0 || depth_exceeded(c, rt)))
            *early = xstrdup(r->base);
        return r->base != NULL;
    }
    if (o->cls == CLASS_DATE) {
        js_value get_time;
        if (n == 0 && !get_named(c, o, "getTime", &get_time))
            return false;
        if (n == 0 && !js_is_callable(get_time)) { /* Number.isNaN(value.getTime()) */
            c->status = js_throw_type_error(c->vm, "value.getTime is not a function");
            return false;
        }
        ibuf b = {0};
        date_into(&b, o->u.primitive.u.number);
        r->base = b_take(&b);
        if (n == 0)
            *early = xstrdup(r->base);
        return true;
    }
    if (is_error(c, o))
        return classify10_error(c, r, early);
    if (o->cls == CLASS_PROMISE || o->cls == CLASS_WEAKMAP || o->cls == CLASS_WEAKSET) {
        r->brace0 = prefixed(c, r->ctor, r->tag, "", "{");
        r->fmt = o->cls == CLASS_PROMISE ? F_PROMISE : F_WEAK;
        if (o->cls != CLASS_PROMISE && !c->show_hidden) {
            r->fmt = F_NONE;
            r->extra = "[items unknown]";
        }
        return true;
    }
    return classify10_rest(c, r, early);
}

/* formatArray and formatSpecialArray of Node 10: elements, holes, the extra keys */
static bool fmt_special_array10(ictx *c, shape10 *r, int rt, uint32_t max, slist *out)
{
    js_object *o = r->o;
    const keylist *keys = &r->keys;
    uint32_t len = o->u.array.length, i = 0, visible = 0;
    bool ok = true;
    if (keys->n && is_number_key(keys->v[0].u.string->chars)) {
        for (uint32_t k = 0; k < keys->n && visible < max && ok; k++) {
            const char *key = keys->v[k].u.string->chars;
            double index = js_string_to_number(key, strlen(key));
            if (index > 4294967294.0)
                break;
            if ((double)i != index) {
                if (!is_number_key(key))
                    break;
                sl_push(out, empty_items((size_t)(index - i)));
                i = (uint32_t)index;
                if (++visible == max)
                    break;
            }
            ok = sl_push_ok(out, fmt_property(c, o, rt, keys->v[k], K_ARRAY, NULL));
            visible++;
            i++;
        }
    }
    if (ok && i < len && visible != max) {
        sl_push(out, empty_items(len - i));
        i = len;
        if (keys->n == 0)
            return true;
    }
    if (ok && len > i)
        sl_push(out, remaining_text(len - i));
    if (!ok)
        return false;
    /* the extra keys after the last index */
    uint32_t last = keys->n;
    while (last > 0 && !is_index_key(keys->v[last - 1]))
        last--;
    for (uint32_t k = last; k < keys->n && ok; k++) {
        ok = sl_push_ok(out, fmt_property(c, o, rt, keys->v[k], K_ARRAY_EXTRAS, NULL));
    }
    return ok;
}

static bool fmt_array10(ictx *c, shape10 *r, int rt, slist *out)
{
    js_object *o = r->o;
    uint32_t len = o->u.array.length, max = (uint32_t)c->max_array_length;
    if (max > len)
        max = len;
    uint32_t dense = 0;
    while (dense < r->keys.n && is_index_key(r->keys.v[dense]))
        dense++;
    if (dense != len || (len && r->keys.v[len - 1].u.string->index != len - 1))
        return fmt_special_array10(c, r, rt, max, out);
    bool ok = true;
    for (uint32_t i = 0; i < max && ok; i++) {
        ok = sl_push_ok(out, fmt_property(c, o, rt, r->keys.v[i], K_ARRAY, NULL));
    }
    if (ok && len > max)
        sl_push(out, remaining_text(len - max));
    for (uint32_t k = len; k < r->keys.n && ok; k++) {
        ok = sl_push_ok(out, fmt_property(c, o, rt, r->keys.v[k], K_ARRAY_EXTRAS, NULL));
    }
    return ok;
}

/* formatCollectionIterator: the remaining entries, [ k, v ] arrays for entries iterators */
static bool fmt_iterator10(ictx *c, js_object *o, int rt, slist *out)
{
    js_value target = o->u.iter.target;
    if (target.type != JS_TOBJECT)
        return true;
    const js_mapdata *m = &target.u.object->u.map;
    int kind = o->u.iter.kind;
    bool pairs = kind == ITER_MAP_ENTRIES; /* V8 6.7 previews a set's entries as values */
    for (uint32_t i = o->u.iter.next; i < m->count; i++) {
        if (m->keys[i].type == JS_THOLE)
            continue;
        if (out->n == (size_t)c->max_array_length) {
            sl_push(out, xstrdup("... more items"));
            break;
        }
        js_value v = kind == ITER_MAP_VALUES ? m->values[i] : m->keys[i];
        if (pairs) {
            js_value pair[2] = {m->keys[i], kind == ITER_MAP_ENTRIES ? m->values[i] : m->keys[i]};
            v = js_new_array(c->vm, 2, pair);
        }
        char *s = fmt_value_v10(c, v, rt);
        if (!s)
            return false;
        sl_push(out, s);
    }
    return true;
}

static bool run_formatter10(ictx *c, shape10 *r, int rt, slist *out)
{
    bool ok = true;
    switch (r->fmt) {
    case F_ARRAY: return fmt_array10(c, r, rt, out);
    case F_MAP_OR_SET: ok = fmt_map_or_set(c, r->o, rt, out); break;
    case F_ITERATOR: ok = fmt_iterator10(c, r->o, rt, out); break;
    case F_PROMISE: ok = fmt_promise(c, r->o, rt, out); break;
    case F_WEAK: ok = fmt_weak(c, r->o, rt, out); break;
    default: break;
    }
    uint32_t from = r->skip_keys < r->keys.n ? r->skip_keys : r->keys.n;
    for (uint32_t i = from; ok && i < r->keys.n; i++) {
        ok = sl_push_ok(out, fmt_property(c, r->o, rt, r->keys.v[i], K_OBJECT, NULL));
    }
    return ok;
}

static char *fmt_entries10(ictx *c, shape10 *r, int rt)
{
    slist out = {0};
    ol_push(&c->seen, r->o);
    bool ok = run_formatter10(c, r, rt + 1, &out);
    if (ok && r->extra) {
        sl_push(&out, NULL);
        memmove(out.v + 1, out.v, (out.n - 1) * sizeof *out.v);
        out.v[0] = xstrdup(r->extra);
    }
    for (uint32_t i = 0; ok && i < r->symbols.n; i++) {
        ok = sl_push_ok(&out, fmt_property(c, r->o, rt + 1, r->symbols.v[i], K_OBJECT, NULL));
    }
    c->seen.n--;
    char *res = ok ? reduce_v10(c, &out, r->base, r->brace0 ? r->brace0 : "{", r->brace1) : NULL;
    sl_free(&out);
    return res;
}

/* the keys Node 10 computes first: Object.keys (or getOwnPropertyNames), and the symbols */
static void keys10(ictx *c, shape10 *r)
{
    keylist all = own_keys(c, r->o, false, !c->show_hidden);
    for (uint32_t i = 0; i < all.n; i++)
        kl_push(all.v[i].type == JS_TSYMBOL ? &r->symbols : &r->keys, all.v[i]);
    free(all.v);
}

static char *fmt_value_v10(ictx *c, js_value v, int rt)
{
    if (v.type != JS_TOBJECT)
        return fmt_primitive(c, v);
    js_object *o = v.u.object;
    js_value replacement;
    char *text;
    if (host_replacement(c, o, &replacement, &text))
        return text ? text : fmt_value_v10(c, replacement, rt);
    bool used = false;
    char *custom = c->custom_inspect ? try_custom(c, o, rt, &used) : NULL;
    if (custom || used || c->status != JS_OK)
        return custom;
    if (ol_index(&c->seen, o))
        return xstrdup("[Circular]");
    shape10 r = {0};
    r.o = o;
    r.brace1 = "}";
    keys10(c, &r);
    char *res = NULL;
    js_value iter;
    bool ok = ctor_name(c, o, rt, NULL, &r.ctor) && (r.tag = string_tag(c, o)) != NULL &&
              get_key(c, o, sym_key(c->vm->sym.iterator), &iter);
    if (ok && o->cls == CLASS_HOST) {
        free(r.ctor);
        r.ctor = xstrdup(o->u.host.cls && o->u.host.cls->name ? o->u.host.cls->name : "Object");
    }
    bool done = ok && to_boolean(iter) && classify10_iterable(c, &r, &res);
    if (ok && !done && c->status == JS_OK)
        ok = classify10_other(c, &r, rt, &res);
    ok = ok && c->status == JS_OK;
    if (!r.base)
        r.base = xstrdup("");
    if (ok && !res && depth_exceeded(c, rt))
        res = xprintf("[%s]", *r.ctor ? r.ctor : *r.tag ? r.tag : "Object");
    else if (ok && !res)
        res = fmt_entries10(c, &r, rt);
    shape10_free(&r);
    return ok ? res : NULL;
}

/* ---- util.format (formatWithOptions) ------------------------------------------------------- */

typedef struct {
    int depth;
    bool show_hidden;
} inspect_options;

static const inspect_options DEFAULT_OPTIONS = {2, false};

/* util.inspect(v, options) as util.format calls it: a context of its own */
static char *inspect_arg(ictx *parent, js_value v, inspect_options opts)
{
    ictx c;
    ctx_init(&c, parent->vm, parent->st);
    c.depth = opts.depth;
    c.show_hidden = opts.show_hidden;
    c.custom_symbol = parent->custom_symbol;
    char *s = fmt_value(&c, v, 0);
    parent->status = c.status;
    parent->custom_symbol = c.custom_symbol;
    ctx_free(&c);
    return s;
}

/* typeof o[key] === 'function'; false when a getter threw */
static bool method_at(ictx *c, js_object *o, js_key key, bool *is_fn)
{
    js_value v;
    if (!get_key(c, o, key, &v))
        return false;
    *is_fn = js_is_callable(v);
    return true;
}

/* hasBuiltInToString: an object whose toString (Node 20+: or Symbol.toPrimitive) comes from a
 * builtin prototype is inspected by %s, others are String()ed */
static bool builtin_to_string(ictx *c, js_object *o, bool *builtin)
{
    js_key to_string_key = &A(c->vm, toString)->gc;
    js_key to_prim = sym_key(c->vm->sym.to_primitive);
    bool has_ts, has_tp = false;
    bool check_ts = true, check_tp = c->st->to_primitive_not_builtin;
    *builtin = true;
    if (!method_at(c, o, to_string_key, &has_ts) ||
        (check_tp && !method_at(c, o, to_prim, &has_tp)))
        return false;
    if (!has_ts) {
        if (!has_tp)
            return true;
        if (has_own(c, o, to_prim)) {
            *builtin = false;
            return true;
        }
        check_ts = false;
    } else if (has_own(c, o, to_string_key) || (has_tp && has_own(c, o, to_prim))) {
        *builtin = false;
        return true;
    } else if (!has_tp) {
        check_tp = false;
    }
    js_object *p = o->proto;
    while (p && !(check_ts && has_own(c, p, to_string_key)) &&
           !(check_tp && has_own(c, p, to_prim)))
        p = p->proto;
    *builtin = p && proto_layer_is_builtin(c, p);
    return true;
}

static char *number_text(double d)
{
    ibuf b = {0};
    number_into(&b, d);
    return b_take(&b);
}

/* %s */
static char *format_s(ictx *c, js_value v)
{
    if (v.type == JS_TNUMBER || v.type == JS_TBIGINT)
        return fmt_primitive(c, v);
    if (v.type != JS_TOBJECT || is_function(v.u.object))
        return to_cstring(c, v);
    bool builtin;
    if (!builtin_to_string(c, v.u.object, &builtin))
        return NULL;
    if (!builtin)
        return to_cstring(c, v);
    inspect_options o = {0, false};
    return inspect_arg(c, v, o);
}

/* %d %i %f: Number(), parseInt(), parseFloat() (ToString first: a symbol throws); false
 * when that threw */
static bool number_of(ictx *c, js_value v, char conv, double *d)
{
    if (conv == 'd' && v.type == JS_TBIGINT) { /* Number(1n) */
        *d = bigint_to_double(v.u.bigint);
        return true;
    }
    if (conv == 'd')
        return !failed(c, to_number(c->vm, v, d));
    js_string *s;
    if (failed(c, to_string(c->vm, v, &s)))
        return false;
    *d = conv == 'i' ? js_parse_int(s->chars, s->len, 0) : js_parse_float(s->chars, s->len);
    return true;
}

/* %d %i %f: a symbol is NaN, a BigInt 1n, -0 is -0 (Node 10: ${Number(x)}, so a symbol throws,
 * a BigInt is a number and -0 is 0) */
static char *format_number(ictx *c, js_value v, char conv)
{
    double d;
    if (v.type == JS_TSYMBOL && !c->st->legacy_format)
        return xstrdup("NaN");
    if (v.type == JS_TBIGINT && conv != 'f' && !c->st->legacy_format)
        return fmt_primitive(c, v);
    if (!number_of(c, v, conv, &d))
        return NULL;
    if (c->st->legacy_format && d == 0)
        d = 0;
    return number_text(d);
}

/* JSON.stringify(v) through the VM's JSON; a circular structure gives "[Circular]" */
static char *stringify(ictx *c, js_value v, js_value *fn)
{
    js_value json, r;
    js_status st = js_get(c->vm, js_obj(c->vm->global), "JSON", &json);
    if (st == JS_OK && json.type == JS_TOBJECT)
        st = js_get(c->vm, json, "stringify", fn);
    if (st == JS_OK && !js_is_callable(*fn))
        st = js_throw_type_error(c->vm, "JSON.stringify is not a function");
    if (st == JS_OK)
        st = js_call(c->vm, *fn, json, 1, &v, &r);
    if (failed(c, st))
        return NULL;
    return r.type == JS_TUNDEFINED ? xstrdup("undefined") : to_cstring(c, r);
}

/* the first line of an error's message */
static char *first_line_of_message(ictx *c, js_value err)
{
    js_value msg;
    if (err.type != JS_TOBJECT || !get_named(c, err.u.object, "message", &msg))
        return NULL;
    char *s = to_cstring(c, msg);
    if (s && strchr(s, '\n'))
        *strchr(s, '\n') = 0;
    return s;
}

/* tryStringify: is this exception JSON.stringify's circular-structure TypeError? */
static bool is_circular_error(ictx *c, js_value err, js_value fn)
{
    js_value name, r;
    if (err.type != JS_TOBJECT || !get_named(c, err.u.object, "name", &name) ||
        !is_string_value(name, "TypeError"))
        return false;
    js_value a = js_new_object(c->vm);
    js_set(c->vm, a, "a", a);
    if (js_call(c->vm, fn, js_undefined(), 1, &a, &r) != JS_THROW)
        return false;
    js_value probe = js_take_exception(c->vm);
    char *want = first_line_of_message(c, probe), *got = first_line_of_message(c, err);
    bool same = want && got && strcmp(want, got) == 0;
    free(want);
    free(got);
    return same;
}

/* %j */
static char *format_j(ictx *c, js_value v)
{
    js_value fn = js_undefined();
    char *s = stringify(c, v, &fn);
    if (s || c->status != JS_THROW)
        return s;
    js_value err = js_take_exception(c->vm);
    c->status = JS_OK;
    if (js_is_callable(fn) && is_circular_error(c, err, fn))
        return xstrdup("[Circular]");
    c->status = JS_THROW;
    js_throw(c->vm, err);
    return NULL;
}

/* one placeholder's text */
static char *placeholder(ictx *c, char conv, js_value arg)
{
    inspect_options o = DEFAULT_OPTIONS;
    switch (conv) {
    case 's': return c->st->legacy_format ? to_cstring(c, arg) : format_s(c, arg);
    case 'j': return format_j(c, arg);
    case 'd':
    case 'i':
    case 'f': return format_number(c, arg, conv);
    case 'O': return inspect_arg(c, arg, o);
    case 'o':
        o.depth = 4;
        o.show_hidden = true;
        return inspect_arg(c, arg, o);
    default: return xstrdup(""); /* %c */
    }
}

static bool is_placeholder(char ch, bool legacy)
{
    return strchr(legacy ? "sjdOoif" : "sjdOoifc", ch) != NULL && ch;
}

/* the format string's placeholders; *used: the arguments consumed (first included) */
static char *format_string(ictx *c, int argc, const js_value *argv, int *used)
{
    const js_string *fs = argv[0].u.string;
    const char *f = fs->chars;
    size_t n = fs->len, last = 0;
    int a = 0;
    bool legacy = c->st->legacy_format;
    ibuf b = {0};
    for (size_t i = 0; i + 1 < n; i++) {
        if (f[i] != '%')
            continue;
        char next = f[++i];
        if (a + 1 != argc && is_placeholder(next, legacy)) {
            char *s = placeholder(c, next, argv[++a]);
            if (!s) {
                free(b.p);
                return NULL;
            }
            b_text(&b, f + last, i - 1 - last);
            b_puts(&b, s);
            free(s);
            last = i + 1;
        } else if (next == '%') {
            b_text(&b, f + last, i - last);
            last = i + 1;
        }
    }
    *used = a + 1;
    if (last == 0) {
        free(b.p);
        *used = legacy ? a + 1 : 0;
        return legacy ? js_text(fs) : xstrdup("");
    }
    if (last < n)
        b_text(&b, f + last, n - last);
    return b_take(&b);
}

/* an argument after the format string (or any argument when the first is not a string) */
static char *format_rest(ictx *c, js_value v, bool first_is_string)
{
    if (!c->st->legacy_format)
        return v.type == JS_TSTRING ? js_text(v.u.string)
                                    : inspect_arg(c, v, DEFAULT_OPTIONS);
    bool primitive = (v.type != JS_TOBJECT && v.type != JS_TSYMBOL) || is_function(v.u.object);
    if (first_is_string && primitive)
        return to_cstring(c, v);
    return inspect_arg(c, v, DEFAULT_OPTIONS);
}

/* formatWithOptions (Node 10: format) */
static char *fmt_format(ictx *c, int argc, const js_value *argv)
{
    bool first_string = argc > 0 && argv[0].type == JS_TSTRING;
    if (first_string && argc == 1)
        return js_text(argv[0].u.string);
    ibuf b = {0};
    int a = 0;
    if (first_string) {
        char *s = format_string(c, argc, argv, &a);
        if (!s)
            return NULL;
        b_puts(&b, s);
        free(s);
    }
    for (; a < argc; a++) {
        char *s = format_rest(c, argv[a], first_string);
        if (!s) {
            free(b.p);
            return NULL;
        }
        if (b.len || a > 0)
            b_putc(&b, ' ');
        b_puts(&b, s);
        free(s);
    }
    return b_take(&b);
}

/* ---- the API ------------------------------------------------------------------------------- */

/* the result as Node writes it: UTF-8 with lone surrogates (WTF-8) as U+FFFD, NUL characters
 * decoded (see b_text); its length in *len */
static char *to_utf8(char *s, size_t *len)
{
    unsigned char *w = (unsigned char *)s;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (p[0] == 0xC0 && p[1] == 0x80) {
            *w++ = 0;
            p++;
        } else if (p[0] == 0xED && p[1] >= 0xA0 && p[1] <= 0xBF && p[2]) {
            *w++ = 0xEF;
            *w++ = 0xBF;
            *w++ = 0xBD;
            p += 2;
        } else {
            *w++ = *p;
        }
    }
    *w = 0;
    if (len)
        *len = (size_t)((char *)w - s);
    return s;
}

static js_status finish(ictx *c, char *s, char **out, size_t *len)
{
    js_status st = c->status;
    ctx_free(c);
    *out = s ? to_utf8(s, len) : NULL;
    return s ? JS_OK : st == JS_OK ? JS_THROW : st;
}

js_status ls_format(js_vm *vm, const ls_inspect_style *style, int argc, const js_value *argv,
                    char **out, size_t *len)
{
    ictx c;
    ctx_init(&c, vm, style);
    return finish(&c, fmt_format(&c, argc, argv), out, len);
}

js_status ls_inspect(js_vm *vm, const ls_inspect_style *style, js_value v, char **out,
                     size_t *len)
{
    ictx c;
    ctx_init(&c, vm, style);
    return finish(&c, fmt_value(&c, v, 0), out, len);
}
