/* builtin_string.c - String (ECMA-262 22.1): the constructor, String.fromCharCode,
 * fromCodePoint and raw, and String.prototype's methods, with V8's messages and each method's
 * `length`, in V8's property order.
 *
 * Strings are string.c's UTF-8 with their UTF-16 length; the methods index in code units, as
 * the specification does (str_slice, str_unit_at, str_index_of), and work on the code units
 * (str_units) where they walk a string.  The methods that take a pattern (match, matchAll,
 * replace, replaceAll, search, split) hand RegExp objects to builtin_regexp.c, whose
 * functions are RegExp.prototype's @@match, @@replace, ... (22.2.6); a string pattern is
 * matched here (replace, replaceAll, split) or made a RegExp (match, matchAll, search), as
 * the specification says.  GetSubstitution (22.1.3.19.1), the $-patterns of a replacement,
 * is here and shared with builtin_regexp.c.  Also here: Annex B's substr and HTML methods
 * (anchor, big, ...); at, matchAll, replaceAll, isWellFormed and toWellFormed exist in the
 * Node versions that have them (builtin_string, at the end).
 *
 * What is approximated:
 *   - toLowerCase/toUpperCase (and the locale forms, which ignore the locale): string.c's
 *     simple case mapping (ASCII, Latin-1, Latin Extended-A and Additional, Greek, Cyrillic,
 *     Armenian, fullwidth Latin), the special mappings of SpecialCasing.txt that are not
 *     language-specific for those (ß -> SS, ŉ, ǰ, the ﬀ..ﬆ ligatures, İ -> i̇) and Greek final
 *     sigma; other scripts keep their case.
 *   - localeCompare: ICU's root collation as Node (full ICU) applies it to en-US, measured
 *     from Node 20 for ASCII and Latin-1 (the three levels of each character: base letter,
 *     accent, case; ß and æ expanded; control characters and the soft hyphen ignorable).
 *     Beyond Latin-1 it is coarser: the Latin letters of Latin Extended have their base
 *     letter, symbols, punctuation and emoji fall in ICU's groups (between the Latin-1
 *     ones), Greek and then the other scripts sort after Latin, by code point within their
 *     group; canonically equivalent sequences ("e" + U+0301 and "é") are not equal.  The
 *     locales and options arguments are ignored.
 *   - normalize: exact for text of Latin-1 letters and the combining marks that compose with
 *     them (NFC, NFD; NFKC, NFKD when there is no compatibility character); other text is
 *     refused with a RangeError saying loopsim does not model it.
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

js_object *make_iterator(js_vm *vm, int kind, js_value target);

/* builtin_regexp.c: IsRegExp, RegExpCreate and RegExp.prototype's @@methods */
bool regexp_is(js_value v);
js_status regexp_create(js_vm *vm, js_value pattern, const char *flags, js_value *out);
js_status regexp_match(js_vm *vm, js_value rx, js_string *s, js_value *out);
js_status regexp_match_all(js_vm *vm, js_value rx, js_string *s, js_value *out);
js_status regexp_replace(js_vm *vm, js_value rx, js_string *s, js_value replace_value,
                         js_value *out);
js_status regexp_search(js_vm *vm, js_value rx, js_string *s, js_value *out);
js_status regexp_split(js_vm *vm, js_value rx, js_string *s, js_value limit, js_value *out);

/* GetSubstitution, for builtin_regexp.c too */
js_status string_substitution(js_vm *vm, js_string *matched, js_string *str, uint32_t position,
                              const js_value *captures, uint32_t ncaptures, js_value named,
                              js_string *replacement, js_string **out);

#define MAX_STRING_LENGTH ((1u << 29) - 24) /* V8's String::kMaxLength */

/* ---- the constructor and the receiver --------------------------------------------------- */

static js_status string_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_string *s = A(vm, empty);
    if (a->argc) {
        if (a->argv[0].type == JS_TSYMBOL && js_is_undefined(a->new_target))
            s = js_to_string_safe(vm, a->argv[0]);
        else {
            js_status st = to_string(vm, a->argv[0], &s);
            if (st != JS_OK)
                return st;
        }
    }
    if (js_is_undefined(a->new_target)) {
        *out = js_strv(s);
        return JS_OK;
    }
    js_object *o = obj_new(vm, CLASS_STRING, fn_proto_of(vm, a->new_target, vm->in.string_prototype));
    o->u.primitive = js_strv(s);
    *out = js_obj(o);
    return JS_OK;
}

/* the method's name, for messages: the callee's */
static const char *method_name(const js_args *a)
{
    return a->callee ? a->callee->u.native.name : "?";
}

/* RequireObjectCoercible(this) and ToString */
static js_status this_string(const js_args *a, js_string **s)
{
    js_value v = a->this_value;
    if (v.type == JS_TSTRING) {
        *s = v.u.string;
        return JS_OK;
    }
    if (js_is_nullish(v))
        return throw_kind(a->vm, ERR_TYPE, "String.prototype.%s called on null or undefined",
                          method_name(a));
    return to_string(a->vm, v, s);
}

/* thisStringValue: toString and valueOf */
static js_status string_value_of(const js_args *a, js_value *out)
{
    js_value v = a->this_value;
    if (v.type == JS_TOBJECT && v.u.object->cls == CLASS_STRING)
        v = v.u.object->u.primitive;
    if (v.type != JS_TSTRING)
        return throw_kind(a->vm, ERR_TYPE, "String.prototype.%s requires that 'this' be a String",
                          method_name(a));
    *out = v;
    return JS_OK;
}

static js_status string_iterator(const js_args *a, js_value *out)
{
    js_string *s;
    js_status st = this_string(a, &s);
    if (st != JS_OK)
        return st;
    *out = js_obj(make_iterator(a->vm, 4, js_strv(s)));
    return JS_OK;
}

/* ---- argument conversions ---------------------------------------------------------------- */

/* ToIntegerOrInfinity */
static js_status to_int(js_vm *vm, js_value v, double *out)
{
    double d;
    js_status st = to_number(vm, v, &d);
    *out = js_to_integer_or_infinity(d);
    return st;
}

static double clamp(double d, double lo, double hi)
{
    return d < lo ? lo : d > hi ? hi : d;
}

/* a position argument: ToIntegerOrInfinity clamped to [0, len]; `dflt` when undefined */
static js_status position_arg(const js_args *a, int i, double dflt, uint32_t len, uint32_t *out)
{
    double d = dflt;
    js_value v = js_arg(a, i);
    if (!js_is_undefined(v)) {
        js_status st = to_int(a->vm, v, &d);
        if (st != JS_OK)
            return st;
    }
    *out = (uint32_t)clamp(d, 0, len);
    return JS_OK;
}

/* a relative index (slice, at): negative counts from the end */
static uint32_t relative(double d, uint32_t len)
{
    return (uint32_t)(d < 0 ? clamp(len + d, 0, len) : clamp(d, 0, len));
}

static js_status arg_string(const js_args *a, int i, js_string **out)
{
    return to_string(a->vm, js_arg(a, i), out);
}

static bool is_surrogate_lead(uint32_t c)
{
    return c >= 0xD800 && c <= 0xDBFF;
}

static bool is_surrogate_trail(uint32_t c)
{
    return c >= 0xDC00 && c <= 0xDFFF;
}

/* the code point at i of the units, and how many units it takes */
static uint32_t code_point_at(const uint16_t *u, uint32_t n, uint32_t i, uint32_t *width)
{
    *width = 1;
    if (is_surrogate_lead(u[i]) && i + 1 < n && is_surrogate_trail(u[i + 1])) {
        *width = 2;
        return 0x10000 + (((uint32_t)u[i] - 0xD800) << 10) + (u[i + 1] - 0xDC00);
    }
    return u[i];
}

/* ---- String's own functions ------------------------------------------------------------ */

static js_status string_from_char_code(const js_args *a, js_value *out)
{
    str_buf b = {0};
    for (int i = 0; i < a->argc; i++) {
        double d;
        js_status st = to_number(a->vm, a->argv[i], &d);
        if (st != JS_OK) {
            sb_free(&b);
            return st;
        }
        sb_unit(&b, js_to_uint32(d) & 0xFFFF);
    }
    *out = js_strv(sb_finish(a->vm, &b));
    return JS_OK;
}

static js_status string_from_code_point(const js_args *a, js_value *out)
{
    str_buf b = {0};
    for (int i = 0; i < a->argc; i++) {
        double d;
        js_status st = to_number(a->vm, a->argv[i], &d);
        if (st == JS_OK && (d != floor(d) || d < 0 || d > 0x10FFFF || isnan(d)))
            st = throw_kind(a->vm, ERR_RANGE, "Invalid code point %s",
                            str_from_number(a->vm, d)->chars);
        if (st != JS_OK) {
            sb_free(&b);
            return st;
        }
        sb_unit(&b, (uint32_t)d);
    }
    *out = js_strv(sb_finish(a->vm, &b));
    return JS_OK;
}

/* 22.1.2.4 String.raw */
static js_status string_raw(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *cooked, *literals;
    js_value raw, lv;
    uint32_t count;
    js_status st = to_object(vm, js_arg(a, 0), &cooked);
    if (st != JS_OK || (st = obj_get(vm, cooked, &A(vm, raw)->gc, js_obj(cooked), &raw)) != JS_OK ||
        (st = to_object(vm, raw, &literals)) != JS_OK ||
        (st = obj_get(vm, literals, &A(vm, length)->gc, js_obj(literals), &lv)) != JS_OK ||
        (st = to_length(vm, lv, &count)) != JS_OK)
        return st;
    str_buf b = {0};
    for (uint32_t i = 0; i < count; i++) {
        js_value part;
        js_string *s;
        if ((st = val_get_elem(vm, js_obj(literals), js_number(i), &part)) != JS_OK ||
            (st = to_string(vm, part, &s)) != JS_OK)
            break;
        sb_str(&b, s);
        if (i + 1 == count || (int)i + 1 >= a->argc)
            continue;
        if ((st = to_string(vm, a->argv[i + 1], &s)) != JS_OK)
            break;
        sb_str(&b, s);
    }
    if (st != JS_OK) {
        sb_free(&b);
        return st;
    }
    *out = js_strv(sb_finish(vm, &b));
    return JS_OK;
}

/* ---- characters ------------------------------------------------------------------------- */

static js_status string_at(const js_args *a, js_value *out)
{
    js_string *s;
    double d;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = to_int(a->vm, js_arg(a, 0), &d)) != JS_OK)
        return st;
    double k = d < 0 ? s->length + d : d;
    *out = k < 0 || k >= s->length ? js_undefined()
                                   : js_strv(str_slice(a->vm, s, (uint32_t)k, (uint32_t)k + 1));
    return JS_OK;
}

static js_status string_char_at(const js_args *a, js_value *out)
{
    js_string *s;
    double d;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = to_int(a->vm, js_arg(a, 0), &d)) != JS_OK)
        return st;
    *out = js_strv(d < 0 || d >= s->length ? A(a->vm, empty)
                                           : str_slice(a->vm, s, (uint32_t)d, (uint32_t)d + 1));
    return JS_OK;
}

static js_status string_char_code_at(const js_args *a, js_value *out)
{
    js_string *s;
    double d;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = to_int(a->vm, js_arg(a, 0), &d)) != JS_OK)
        return st;
    *out = js_number(d < 0 || d >= s->length ? NAN : str_unit_at(s, (uint32_t)d));
    return JS_OK;
}

static js_status string_code_point_at(const js_args *a, js_value *out)
{
    js_string *s;
    double d;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = to_int(a->vm, js_arg(a, 0), &d)) != JS_OK)
        return st;
    if (d < 0 || d >= s->length) {
        *out = js_undefined();
        return JS_OK;
    }
    uint32_t i = (uint32_t)d, c = str_unit_at(s, i);
    if (is_surrogate_lead(c) && i + 1 < s->length) {
        uint32_t t = str_unit_at(s, i + 1);
        if (is_surrogate_trail(t))
            c = 0x10000 + ((c - 0xD800) << 10) + (t - 0xDC00);
    }
    *out = js_number(c);
    return JS_OK;
}

static js_status string_concat(const js_args *a, js_value *out)
{
    js_string *s;
    js_status st = this_string(a, &s);
    if (st != JS_OK)
        return st;
    str_buf b = {0};
    sb_str(&b, s);
    for (int i = 0; i < a->argc && st == JS_OK; i++) {
        js_string *t;
        if ((st = to_string(a->vm, a->argv[i], &t)) == JS_OK)
            sb_str(&b, t);
    }
    if (st != JS_OK) {
        sb_free(&b);
        return st;
    }
    *out = js_strv(sb_finish(a->vm, &b));
    return JS_OK;
}

/* ---- searching ---------------------------------------------------------------------------- */

/* the search string of startsWith, endsWith, includes: not a RegExp */
static js_status search_string(const js_args *a, js_string **out)
{
    if (regexp_is(js_arg(a, 0)))
        return throw_kind(a->vm, ERR_TYPE, "First argument to String.prototype.%s must not be a "
                                           "regular expression", method_name(a));
    return arg_string(a, 0, out);
}

/* does s have t at code unit `at`? */
static bool has_at(const js_string *s, const js_string *t, uint32_t at)
{
    if ((uint64_t)at + t->length > s->length)
        return false;
    for (uint32_t i = 0; i < t->length; i++)
        if (str_unit_at(s, at + i) != str_unit_at(t, i))
            return false;
    return true;
}

static js_status string_starts_with(const js_args *a, js_value *out)
{
    js_string *s, *t;
    uint32_t pos;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = search_string(a, &t)) != JS_OK ||
        (st = position_arg(a, 1, 0, s->length, &pos)) != JS_OK)
        return st;
    *out = js_bool(has_at(s, t, pos));
    return JS_OK;
}

static js_status string_ends_with(const js_args *a, js_value *out)
{
    js_string *s, *t;
    uint32_t end;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = search_string(a, &t)) != JS_OK ||
        (st = position_arg(a, 1, s->length, s->length, &end)) != JS_OK)
        return st;
    *out = js_bool(end >= t->length && has_at(s, t, end - t->length));
    return JS_OK;
}

static js_status string_includes(const js_args *a, js_value *out)
{
    js_string *s, *t;
    uint32_t pos;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = search_string(a, &t)) != JS_OK ||
        (st = position_arg(a, 1, 0, s->length, &pos)) != JS_OK)
        return st;
    *out = js_bool(str_index_of(s, t, pos) >= 0);
    return JS_OK;
}

static js_status string_index_of(const js_args *a, js_value *out)
{
    js_string *s, *t;
    uint32_t pos;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = arg_string(a, 0, &t)) != JS_OK ||
        (st = position_arg(a, 1, 0, s->length, &pos)) != JS_OK)
        return st;
    *out = js_number((double)str_index_of(s, t, pos));
    return JS_OK;
}

static js_status string_last_index_of(const js_args *a, js_value *out)
{
    js_string *s, *t;
    double d;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = arg_string(a, 0, &t)) != JS_OK ||
        (st = to_number(a->vm, js_arg(a, 1), &d)) != JS_OK)
        return st;
    d = isnan(d) ? INFINITY : js_to_integer_or_infinity(d);
    *out = js_number(-1);
    if (t->length > s->length)
        return JS_OK;
    uint32_t from = (uint32_t)clamp(d, 0, s->length - t->length);
    for (uint32_t i = from + 1; i-- > 0;)
        if (has_at(s, t, i)) {
            *out = js_number(i);
            break;
        }
    return JS_OK;
}

/* ---- localeCompare: ICU's root collation for ASCII and Latin-1 (see the top) ---------- */

/* weights of U+0000..U+00FF: primary (0: ignorable), secondary (accent), tertiary (case),
 * measured with Intl.Collator in Node 20 (ß, æ and Æ are expansions, handled below) */
static const uint8_t collation[256][3] = {
    {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0},
    {0, 0, 0}, {1, 0, 0}, {2, 0, 0}, {3, 0, 0}, {4, 0, 0}, {5, 0, 0}, {0, 0, 0}, {0, 0, 0},
    {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0},
    {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0},
    {7, 0, 0}, {13, 0, 0}, {20, 0, 0}, {36, 0, 0}, {60, 0, 0}, {37, 0, 0}, {35, 0, 0}, {19, 0, 0},
    {23, 0, 0}, {24, 0, 0}, {32, 0, 0}, {47, 0, 0}, {10, 0, 0}, {9, 0, 0}, {17, 0, 0}, {33, 0, 0},
    {63, 0, 0}, {64, 0, 0}, {67, 0, 0}, {68, 0, 0}, {70, 0, 0}, {71, 0, 0}, {72, 0, 0}, {73, 0, 0},
    {74, 0, 0}, {75, 0, 0}, {12, 0, 0}, {11, 0, 0}, {51, 0, 0}, {52, 0, 0}, {53, 0, 0}, {15, 0, 0},
    {31, 0, 0}, {76, 0, 1}, {77, 0, 1}, {78, 0, 1}, {79, 0, 1}, {80, 0, 1}, {81, 0, 1}, {82, 0, 1},
    {83, 0, 1}, {84, 0, 1}, {85, 0, 1}, {86, 0, 1}, {87, 0, 1}, {88, 0, 1}, {89, 0, 1}, {90, 0, 1},
    {91, 0, 1}, {92, 0, 1}, {93, 0, 1}, {94, 0, 1}, {95, 0, 1}, {96, 0, 1}, {97, 0, 1}, {98, 0, 1},
    {99, 0, 1}, {100, 0, 1}, {101, 0, 1}, {25, 0, 0}, {34, 0, 0}, {26, 0, 0}, {40, 0, 0}, {8, 0, 0},
    {38, 0, 0}, {76, 0, 0}, {77, 0, 0}, {78, 0, 0}, {79, 0, 0}, {80, 0, 0}, {81, 0, 0}, {82, 0, 0},
    {83, 0, 0}, {84, 0, 0}, {85, 0, 0}, {86, 0, 0}, {87, 0, 0}, {88, 0, 0}, {89, 0, 0}, {90, 0, 0},
    {91, 0, 0}, {92, 0, 0}, {93, 0, 0}, {94, 0, 0}, {95, 0, 0}, {96, 0, 0}, {97, 0, 0}, {98, 0, 0},
    {99, 0, 0}, {100, 0, 0}, {101, 0, 0}, {27, 0, 0}, {55, 0, 0}, {28, 0, 0}, {57, 0, 0}, {0, 0, 0},
    {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {6, 0, 0}, {0, 0, 0}, {0, 0, 0},
    {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0},
    {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0},
    {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0},
    {7, 0, 1}, {14, 0, 0}, {59, 0, 0}, {61, 0, 0}, {58, 0, 0}, {62, 0, 0}, {56, 0, 0}, {29, 0, 0},
    {42, 0, 0}, {45, 0, 0}, {76, 0, 2}, {21, 0, 0}, {54, 0, 0}, {0, 0, 0}, {46, 0, 0}, {41, 0, 0},
    {44, 0, 0}, {48, 0, 0}, {67, 0, 1}, {68, 0, 1}, {39, 0, 0}, {103, 0, 0}, {30, 0, 0}, {18, 0, 0},
    {43, 0, 0}, {64, 0, 1}, {90, 0, 2}, {22, 0, 0}, {66, 0, 0}, {65, 0, 0}, {69, 0, 0}, {16, 0, 0},
    {76, 2, 1}, {76, 1, 1}, {76, 3, 1}, {76, 6, 1}, {76, 5, 1}, {76, 4, 1}, {0, 0, 0}, {78, 1, 1},
    {80, 2, 1}, {80, 1, 1}, {80, 3, 1}, {80, 4, 1}, {84, 2, 1}, {84, 1, 1}, {84, 3, 1}, {84, 4, 1},
    {79, 1, 1}, {89, 1, 1}, {90, 2, 1}, {90, 1, 1}, {90, 3, 1}, {90, 5, 1}, {90, 4, 1}, {50, 0, 0},
    {90, 6, 1}, {96, 2, 1}, {96, 1, 1}, {96, 3, 1}, {96, 4, 1}, {100, 1, 1}, {102, 0, 1}, {0, 0, 0},
    {76, 2, 0}, {76, 1, 0}, {76, 3, 0}, {76, 6, 0}, {76, 5, 0}, {76, 4, 0}, {0, 0, 0}, {78, 1, 0},
    {80, 2, 0}, {80, 1, 0}, {80, 3, 0}, {80, 4, 0}, {84, 2, 0}, {84, 1, 0}, {84, 3, 0}, {84, 4, 0},
    {79, 1, 0}, {89, 1, 0}, {90, 2, 0}, {90, 1, 0}, {90, 3, 0}, {90, 5, 0}, {90, 4, 0}, {49, 0, 0},
    {90, 6, 0}, {96, 2, 0}, {96, 1, 0}, {96, 3, 0}, {96, 4, 0}, {100, 1, 0}, {102, 0, 0}, {100, 2, 0},
};

/* the base letters of Latin Extended-A and -B (U+0100..U+024F) and Latin Extended
 * Additional (U+1E00..U+1EFF), measured the same way ('.': none) */
static const char latin_ext[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiii.iijjkk.llllllllllnnnnnn...oooooooorrrrrr"
    "sssssssstttt..uuuuuuuuuuuuwwyyyzzzzzzs.............z..................oo.............uu."
    "............t.....dddlllnnnaaiioouuuuuuuuuu.aaaaaa..ggkkoooo..jdddgg..nnaaaaooaaaaeeeeiiii"
    "oooorrrruuuusstt..hh......aaeeooooooooyy....dq......................";
static const char latin_ext_additional[] =
    "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprr"
    "rrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy.s..s.aaaaaaaaaaaaaaaaaaaa"
    "aaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyyll....";

/* A collation element: primary (0: none at the first level), secondary, tertiary.  The
 * primaries of the table are spaced (P) so that the other groups fall between them, where
 * ICU puts them: dashes after '-', quotes after '"', other punctuation after '%', arithmetic
 * and technical symbols after '^', other symbols and emoji after '~', currencies after '¥',
 * Greek after Latin, the other scripts after Greek. */
typedef struct {
    uint32_t p;
    uint16_t s, t;
} coll_elem;

#define P(x) ((uint32_t)(x) << 21)

static bool is_mark(uint32_t c)
{
    return c >= 0x300 && c <= 0x36F;
}

static bool ignorable(uint32_t c)
{
    return (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x206F) ||
           (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF || (c >= 0xE0000 && c <= 0xE0FFF);
}

/* the primary of a symbol or punctuation outside Latin-1, or 0 */
static uint32_t symbol_primary(uint32_t c)
{
    static const struct {
        uint32_t first, last, after;
    } groups[] = {
        {0x2010, 0x2015, 9},   {0x2018, 0x201F, 20},  {0x2024, 0x2026, 17},
        {0x2016, 0x205E, 37},  {0x20A0, 0x20CF, 62},  {0x2100, 0x25FF, 46},
        {0x2600, 0x27BF, 57},  {0x2B00, 0x2BFF, 57},  {0x3000, 0x303F, 28},
        {0x1F000, 0x1FAFF, 57},
    };
    for (size_t i = 0; i < sizeof groups / sizeof groups[0]; i++)
        if (c >= groups[i].first && c <= groups[i].last)
            return P(groups[i].after) + 1 + (c - groups[i].first);
    return 0;
}

/* the ASCII character a typographic variant is equal to at the first level, or 0 */
static char variant_of(uint32_t c)
{
    if (c >= 0x2018 && c <= 0x201B)
        return '\'';
    if (c >= 0x201C && c <= 0x201F)
        return '"';
    return c == 0x2024 ? '.' : c == 0x202F ? ' ' : 0;
}

/* the base letter of a Latin letter outside Latin-1, or 0 */
static char latin_base(uint32_t c)
{
    char b = 0;
    if (c >= 0x100 && c < 0x100 + sizeof latin_ext - 1)
        b = latin_ext[c - 0x100];
    else if (c >= 0x1E00 && c < 0x1E00 + sizeof latin_ext_additional - 1)
        b = latin_ext_additional[c - 0x1E00];
    return b == '.' ? 0 : b;
}

/* the characters that collate as a sequence (ICU's expansions), with their tertiary */
static const struct {
    uint32_t c;
    const char *as;
    uint16_t t;
} expansions[] = {
    {0xDF, "ss", 2},  {0x1E9E, "ss", 3}, {0xE6, "ae", 2},    {0xC6, "ae", 3},
    {0x153, "oe", 2}, {0x152, "oe", 3},  {0x2026, "...", 2},
};

/* the collation elements of code point c (at most MAX_ELEMENTS) */
#define MAX_ELEMENTS 3

static size_t elements_of(uint32_t c, coll_elem *out)
{
    uint16_t upper = char_to_lower(c) != c;
    for (size_t k = 0; k < sizeof expansions / sizeof expansions[0]; k++) {
        if (expansions[k].c != c)
            continue;
        size_t n = strlen(expansions[k].as);
        for (size_t i = 0; i < n; i++)
            out[i] = (coll_elem){P(collation[(unsigned char)expansions[k].as[i]][0]), 0,
                                 expansions[k].t};
        return n;
    }
    if (c == 0xB5) /* the micro sign is a Greek mu */
        c = 0x3BC;
    if (c < 256) {
        out[0] = (coll_elem){P(collation[c][0]), collation[c][1], collation[c][2]};
        return collation[c][0] != 0;
    }
    if (ignorable(c))
        return 0;
    if (is_mark(c)) {
        out[0] = (coll_elem){0, (uint16_t)(16 + c - 0x300), 0};
        return 1;
    }
    char base = latin_base(c), variant = variant_of(c);
    uint32_t sym = symbol_primary(c);
    if (variant)
        out[0] = (coll_elem){P(collation[(unsigned char)variant][0]), 0, (uint16_t)(2 + (c & 0xF))};
    else if (base)
        out[0] = (coll_elem){P(collation[(unsigned char)base][0]),
                             (uint16_t)(16 + (char_to_lower(c) & 0xFF)), upper};
    else if (sym)
        out[0] = (coll_elem){sym, 0, 0};
    else if (c >= 0x370 && c <= 0x3FF)
        out[0] = (coll_elem){P(105) + char_to_lower(c), 0, upper};
    else
        out[0] = (coll_elem){P(106) + char_to_lower(c), 0, upper};
    return 1;
}

/* the collation elements of a string (at most MAX_ELEMENTS per code unit) */
static size_t collation_elements(const js_string *str, coll_elem *out)
{
    uint16_t *u = str_units(str);
    size_t n = 0;
    for (uint32_t i = 0, w; i < str->length; i += w)
        n += elements_of(code_point_at(u, str->length, i, &w), out + n);
    free(u);
    return n;
}

/* the elements' weights at one level in order (primaries: the non-zero ones) */
static int compare_level(const coll_elem *x, size_t nx, const coll_elem *y, size_t ny, int level)
{
    size_t i = 0, j = 0;
    for (;;) {
        if (level == 0) {
            while (i < nx && !x[i].p)
                i++;
            while (j < ny && !y[j].p)
                j++;
        }
        if (i >= nx || j >= ny)
            return i < nx ? 1 : j < ny ? -1 : 0;
        uint32_t a = level == 0 ? x[i].p : level == 1 ? x[i].s : x[i].t;
        uint32_t b = level == 0 ? y[j].p : level == 1 ? y[j].s : y[j].t;
        if (a != b)
            return a < b ? -1 : 1;
        i++;
        j++;
    }
}

static int collate(const js_string *a, const js_string *b)
{
    coll_elem *x = malloc((MAX_ELEMENTS * (size_t)a->length + 1) * sizeof *x);
    coll_elem *y = malloc((MAX_ELEMENTS * (size_t)b->length + 1) * sizeof *y);
    if (!x || !y)
        ls_out_of_memory(0);
    size_t nx = collation_elements(a, x), ny = collation_elements(b, y);
    int r = 0;
    for (int level = 0; level < 3 && r == 0; level++)
        r = compare_level(x, nx, y, ny, level);
    free(x);
    free(y);
    return r;
}

static js_status string_locale_compare(const js_args *a, js_value *out)
{
    js_string *s, *t;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = arg_string(a, 0, &t)) != JS_OK)
        return st;
    *out = js_number(collate(s, t));
    return JS_OK;
}

/* ---- normalize: Latin-1 letters and their combining marks ------------------------------- */

/* the Latin-1 letters with a canonical decomposition: letter, base, combining mark */
static const uint16_t decompositions[][3] = {
    {0xC0, 'A', 0x300}, {0xC1, 'A', 0x301}, {0xC2, 'A', 0x302}, {0xC3, 'A', 0x303},
    {0xC4, 'A', 0x308}, {0xC5, 'A', 0x30A}, {0xC7, 'C', 0x327}, {0xC8, 'E', 0x300},
    {0xC9, 'E', 0x301}, {0xCA, 'E', 0x302}, {0xCB, 'E', 0x308}, {0xCC, 'I', 0x300},
    {0xCD, 'I', 0x301}, {0xCE, 'I', 0x302}, {0xCF, 'I', 0x308}, {0xD1, 'N', 0x303},
    {0xD2, 'O', 0x300}, {0xD3, 'O', 0x301}, {0xD4, 'O', 0x302}, {0xD5, 'O', 0x303},
    {0xD6, 'O', 0x308}, {0xD9, 'U', 0x300}, {0xDA, 'U', 0x301}, {0xDB, 'U', 0x302},
    {0xDC, 'U', 0x308}, {0xDD, 'Y', 0x301}, {0xE0, 'a', 0x300}, {0xE1, 'a', 0x301},
    {0xE2, 'a', 0x302}, {0xE3, 'a', 0x303}, {0xE4, 'a', 0x308}, {0xE5, 'a', 0x30A},
    {0xE7, 'c', 0x327}, {0xE8, 'e', 0x300}, {0xE9, 'e', 0x301}, {0xEA, 'e', 0x302},
    {0xEB, 'e', 0x308}, {0xEC, 'i', 0x300}, {0xED, 'i', 0x301}, {0xEE, 'i', 0x302},
    {0xEF, 'i', 0x308}, {0xF1, 'n', 0x303}, {0xF2, 'o', 0x300}, {0xF3, 'o', 0x301},
    {0xF4, 'o', 0x302}, {0xF5, 'o', 0x303}, {0xF6, 'o', 0x308}, {0xF9, 'u', 0x300},
    {0xFA, 'u', 0x301}, {0xFB, 'u', 0x302}, {0xFC, 'u', 0x308}, {0xFD, 'y', 0x301},
    {0xFF, 'y', 0x308},
};
#define NDECOMP (sizeof decompositions / sizeof decompositions[0])

/* Latin-1's compatibility characters (NFKC and NFKD change them) */
static bool is_compat(uint32_t c)
{
    return c == 0xA0 || c == 0xA8 || c == 0xAA || c == 0xAF || (c >= 0xB2 && c <= 0xB5) ||
           c == 0xB8 || c == 0xB9 || c == 0xBA || (c >= 0xBC && c <= 0xBE);
}

/* can loopsim normalize these units? (Latin-1, lone combining marks after a letter) */
static bool normalizable(const uint16_t *u, uint32_t n, bool compat)
{
    for (uint32_t i = 0; i < n; i++) {
        if (is_mark(u[i]) ? i + 1 < n && is_mark(u[i + 1]) : u[i] > 0xFF)
            return false;
        if (compat && is_compat(u[i]))
            return false;
    }
    return true;
}

static void normalize_units(str_buf *b, const uint16_t *u, uint32_t n, bool compose)
{
    for (uint32_t i = 0; i < n; i++) {
        uint32_t c = u[i];
        size_t k = 0;
        if (compose && i + 1 < n && is_mark(u[i + 1])) {
            while (k < NDECOMP && !(decompositions[k][1] == c && decompositions[k][2] == u[i + 1]))
                k++;
            if (k < NDECOMP) {
                sb_unit(b, decompositions[k][0]);
                i++;
                continue;
            }
        } else if (!compose) {
            while (k < NDECOMP && decompositions[k][0] != c)
                k++;
            if (k < NDECOMP) {
                sb_unit(b, decompositions[k][1]);
                sb_unit(b, decompositions[k][2]);
                continue;
            }
        }
        sb_unit(b, c);
    }
}

static js_status string_normalize(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_string *s, *f = NULL;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (!js_is_undefined(js_arg(a, 0)) && (st = arg_string(a, 0, &f)) != JS_OK))
        return st;
    const char *form = f ? f->chars : "NFC";
    if (strcmp(form, "NFC") && strcmp(form, "NFD") && strcmp(form, "NFKC") && strcmp(form, "NFKD"))
        return throw_kind(vm, ERR_RANGE, "The normalization form should be one of NFC, NFD, "
                                         "NFKC, NFKD.");
    *out = js_strv(s);
    if (s->flags & STR_ASCII)
        return JS_OK;
    uint16_t *u = str_units(s);
    if (!normalizable(u, s->length, form[2] == 'K')) {
        free(u);
        return throw_kind(vm, ERR_RANGE, "loopsim does not model String.prototype.normalize "
                                         "beyond Latin-1 letters and their accents");
    }
    str_buf b = {0};
    normalize_units(&b, u, s->length, form[strlen(form) - 1] == 'C');
    free(u);
    *out = js_strv(sb_finish(vm, &b));
    return JS_OK;
}

/* ---- padding, repeating ------------------------------------------------------------------- */

/* 22.1.3.17.2 StringPad */
static js_status pad(const js_args *a, bool at_start, js_value *out)
{
    js_vm *vm = a->vm;
    js_string *s, *filler = NULL;
    uint32_t max;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = to_length(vm, js_arg(a, 0), &max)) != JS_OK)
        return st;
    *out = js_strv(s);
    if (max <= s->length)
        return JS_OK;
    if (!js_is_undefined(js_arg(a, 1)) && (st = arg_string(a, 1, &filler)) != JS_OK)
        return st;
    if (filler && filler->length == 0)
        return JS_OK;
    if (max > MAX_STRING_LENGTH)
        return throw_kind(vm, ERR_RANGE, "Invalid string length");
    uint16_t space = ' ';
    uint16_t *f = filler ? str_units(filler) : &space;
    uint32_t flen = filler ? filler->length : 1, fill = max - s->length;
    str_buf b = {0};
    if (!at_start)
        sb_str(&b, s);
    for (uint32_t i = 0; i < fill; i++)
        sb_unit(&b, f[i % flen]);
    if (at_start)
        sb_str(&b, s);
    if (filler)
        free(f);
    *out = js_strv(sb_finish(vm, &b));
    return JS_OK;
}

static js_status string_pad_start(const js_args *a, js_value *out) { return pad(a, true, out); }
static js_status string_pad_end(const js_args *a, js_value *out) { return pad(a, false, out); }

static js_status string_repeat(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_string *s;
    double n;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = to_int(vm, js_arg(a, 0), &n)) != JS_OK)
        return st;
    if (n < 0 || isinf(n))
        return throw_kind(vm, ERR_RANGE, "Invalid count value: %s", str_from_number(vm, n)->chars);
    if (s->length == 0 || n == 0) {
        *out = js_strv(A(vm, empty));
        return JS_OK;
    }
    if (n * s->length > MAX_STRING_LENGTH)
        return throw_kind(vm, ERR_RANGE, "Invalid string length");
    str_buf b = {0};
    for (uint32_t i = 0; i < (uint32_t)n; i++)
        sb_str(&b, s);
    *out = js_strv(sb_finish(vm, &b));
    return JS_OK;
}

/* ---- substrings --------------------------------------------------------------------------- */

static js_status string_slice(const js_args *a, js_value *out)
{
    js_string *s;
    double from, to = INFINITY;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = to_int(a->vm, js_arg(a, 0), &from)) != JS_OK ||
        (!js_is_undefined(js_arg(a, 1)) && (st = to_int(a->vm, js_arg(a, 1), &to)) != JS_OK))
        return st;
    *out = js_strv(str_slice(a->vm, s, relative(from, s->length), relative(to, s->length)));
    return JS_OK;
}

static js_status string_substring(const js_args *a, js_value *out)
{
    js_string *s;
    uint32_t start, end;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = position_arg(a, 0, 0, s->length, &start)) != JS_OK ||
        (st = position_arg(a, 1, s->length, s->length, &end)) != JS_OK)
        return st;
    *out = js_strv(str_slice(a->vm, s, start < end ? start : end, start < end ? end : start));
    return JS_OK;
}

/* B.2.2.1 String.prototype.substr */
static js_status string_substr(const js_args *a, js_value *out)
{
    js_string *s;
    double start, length = INFINITY;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (st = to_int(a->vm, js_arg(a, 0), &start)) != JS_OK ||
        (!js_is_undefined(js_arg(a, 1)) && (st = to_int(a->vm, js_arg(a, 1), &length)) != JS_OK))
        return st;
    uint32_t from = relative(start, s->length);
    double end = clamp(from + clamp(length, 0, s->length), 0, s->length);
    *out = js_strv(str_slice(a->vm, s, from, (uint32_t)end));
    return JS_OK;
}

/* ---- case ------------------------------------------------------------------------------------ */

static bool is_cased(uint32_t c)
{
    return char_to_lower(c) != c || char_to_upper(c) != c;
}

/* the special (one to many) mappings of SpecialCasing.txt for the modelled alphabets */
static const char *special_upper(uint32_t c)
{
    static const char *const ligatures[] = {"FF", "FI", "FL", "FFI", "FFL", "ST", "ST"};
    switch (c) {
    case 0xDF: return "SS";
    case 0x149: return "\xCA\xBCN";
    case 0x1F0: return "J\xCC\x8C";
    default: return c >= 0xFB00 && c <= 0xFB06 ? ligatures[c - 0xFB00] : NULL;
    }
}

static js_status change_case(const js_args *a, bool upper, js_value *out)
{
    js_string *s;
    js_status st = this_string(a, &s);
    if (st != JS_OK)
        return st;
    uint16_t *u = str_units(s);
    str_buf b = {0};
    uint32_t prev = 0;
    for (uint32_t i = 0, w; i < s->length; i += w) {
        uint32_t c = code_point_at(u, s->length, i, &w);
        const char *special = upper ? special_upper(c) : NULL;
        if (special) {
            sb_cstr(&b, special);
        } else if (!upper && c == 0x130) {
            sb_cstr(&b, "i\xCC\x87");
        } else if (!upper && c == 0x3A3 && is_cased(prev) &&
                   !(i + 1 < s->length && is_cased(u[i + 1]))) {
            sb_unit(&b, 0x3C2); /* final sigma */
        } else {
            sb_unit(&b, upper ? char_to_upper(c) : char_to_lower(c));
        }
        prev = c;
    }
    free(u);
    *out = js_strv(sb_finish(a->vm, &b));
    return JS_OK;
}

static js_status string_to_lower_case(const js_args *a, js_value *out) { return change_case(a, false, out); }
static js_status string_to_upper_case(const js_args *a, js_value *out) { return change_case(a, true, out); }

/* ---- trimming and well-formedness -------------------------------------------------------- */

/* WhiteSpace and LineTerminator (12.2, 12.3) */
static bool is_js_space(uint32_t c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

static js_status trim(const js_args *a, bool start, bool end, js_value *out)
{
    js_string *s;
    js_status st = this_string(a, &s);
    if (st != JS_OK)
        return st;
    uint32_t from = 0, to = s->length;
    while (start && from < to && is_js_space(str_unit_at(s, from)))
        from++;
    while (end && to > from && is_js_space(str_unit_at(s, to - 1)))
        to--;
    *out = js_strv(from == 0 && to == s->length ? s : str_slice(a->vm, s, from, to));
    return JS_OK;
}

static js_status string_trim(const js_args *a, js_value *out) { return trim(a, true, true, out); }
static js_status string_trim_start(const js_args *a, js_value *out) { return trim(a, true, false, out); }
static js_status string_trim_end(const js_args *a, js_value *out) { return trim(a, false, true, out); }

/* lone surrogates: replaced by U+FFFD (toWellFormed) or counted (isWellFormed) */
static js_status well_formed(const js_args *a, bool fix, js_value *out)
{
    js_string *s;
    js_status st = this_string(a, &s);
    if (st != JS_OK)
        return st;
    uint16_t *u = str_units(s);
    str_buf b = {0};
    bool ok = true;
    for (uint32_t i = 0, w; i < s->length; i += w) {
        uint32_t c = code_point_at(u, s->length, i, &w);
        bool lone = c >= 0xD800 && c <= 0xDFFF;
        ok = ok && !lone;
        sb_unit(&b, lone ? 0xFFFD : c);
    }
    free(u);
    if (fix) {
        *out = js_strv(sb_finish(a->vm, &b));
    } else {
        sb_free(&b);
        *out = js_bool(ok);
    }
    return JS_OK;
}

static js_status string_is_well_formed(const js_args *a, js_value *out) { return well_formed(a, false, out); }
static js_status string_to_well_formed(const js_args *a, js_value *out) { return well_formed(a, true, out); }

/* ---- GetSubstitution (22.1.3.19.1) ------------------------------------------------------ */

/* "$n" / "$nn" at t[i] (t[i] is '$', t[i+1] a digit): the capture it names, how many code
 * units the reference takes (0: it is no reference) */
static uint32_t capture_reference(const uint16_t *t, uint32_t n, uint32_t i, uint32_t ncaptures,
                                  uint32_t *index)
{
    uint32_t d1 = t[i + 1] - '0';
    if (i + 2 < n && t[i + 2] >= '0' && t[i + 2] <= '9') {
        uint32_t two = d1 * 10 + (t[i + 2] - '0');
        if (two >= 1 && two <= ncaptures) {
            *index = two;
            return 3;
        }
    }
    if (d1 >= 1 && d1 <= ncaptures) {
        *index = d1;
        return 2;
    }
    return 0;
}

/* "$<name>" at t[i]: appends the named capture; how many code units it takes (0: literal) */
static js_status named_reference(js_vm *vm, str_buf *b, const uint16_t *t, uint32_t n,
                                 uint32_t i, js_value named, uint32_t *used)
{
    *used = 0;
    if (js_is_undefined(named))
        return JS_OK;
    uint32_t gt = i + 2;
    while (gt < n && t[gt] != '>')
        gt++;
    if (gt >= n)
        return JS_OK;
    js_string *name = str_from_units(vm, t + i + 2, gt - i - 2);
    js_value v;
    js_status st = val_get(vm, named, &atom_of(vm, name)->gc, &v);
    if (st != JS_OK)
        return st;
    if (!js_is_undefined(v)) {
        js_string *vs;
        if ((st = to_string(vm, v, &vs)) != JS_OK)
            return st;
        sb_str(b, vs);
    }
    *used = gt - i + 1;
    return JS_OK;
}

js_status string_substitution(js_vm *vm, js_string *matched, js_string *str, uint32_t position,
                              const js_value *captures, uint32_t ncaptures, js_value named,
                              js_string *replacement, js_string **out)
{
    uint16_t *t = str_units(replacement);
    uint32_t n = replacement->length;
    str_buf b = {0};
    js_status st = JS_OK;
    for (uint32_t i = 0; i < n && st == JS_OK;) {
        uint32_t c = i + 1 < n && t[i] == '$' ? t[i + 1] : 0, used = 0, index;
        if (c == '$') {
            sb_cstr(&b, "$");
            used = 2;
        } else if (c == '&') {
            sb_str(&b, matched);
            used = 2;
        } else if (c == '`') {
            sb_str(&b, str_slice(vm, str, 0, position));
            used = 2;
        } else if (c == '\'') {
            uint32_t tail = position + matched->length;
            sb_str(&b, str_slice(vm, str, tail < str->length ? tail : str->length, str->length));
            used = 2;
        } else if (c >= '0' && c <= '9' && (used = capture_reference(t, n, i, ncaptures, &index))) {
            if (captures[index - 1].type == JS_TSTRING)
                sb_str(&b, captures[index - 1].u.string);
        } else if (c == '<') {
            st = named_reference(vm, &b, t, n, i, named, &used);
        }
        if (!used) {
            sb_unit(&b, t[i]);
            used = 1;
        }
        i += used;
    }
    free(t);
    if (st != JS_OK) {
        sb_free(&b);
        return st;
    }
    *out = sb_finish(vm, &b);
    return JS_OK;
}

/* ---- replace, replaceAll ----------------------------------------------------------------- */

/* the replacement of a string match at `position` */
static js_status string_replacement(js_vm *vm, js_value replace, js_string *template,
                                    js_string *matched, js_string *s, uint32_t position,
                                    js_string **out)
{
    if (template)
        return string_substitution(vm, matched, s, position, NULL, 0, js_undefined(), template,
                                   out);
    js_value args[3] = {js_strv(matched), js_number(position), js_strv(s)}, r;
    js_status st = vm_call(vm, replace, js_undefined(), 3, args, &r);
    if (st != JS_OK)
        return st;
    return to_string(vm, r, out);
}

static js_status replace(const js_args *a, bool all, js_value *out)
{
    js_vm *vm = a->vm;
    js_value search = js_arg(a, 0), replace_value = js_arg(a, 1);
    js_string *s, *t, *template = NULL;
    js_status st;
    if (js_is_nullish(a->this_value))
        return this_string(a, &s);
    if (regexp_is(search)) {
        if (all) {
            js_value flags;
            js_string *fs;
            if ((st = val_get(vm, search, &atom_cstr(vm, "flags")->gc, &flags)) != JS_OK ||
                (st = to_string(vm, flags, &fs)) != JS_OK)
                return st;
            if (!memchr(fs->chars, 'g', fs->len))
                return throw_kind(vm, ERR_TYPE, "String.prototype.replaceAll called with a "
                                                "non-global RegExp argument");
        }
        if ((st = this_string(a, &s)) != JS_OK)
            return st;
        return regexp_replace(vm, search, s, replace_value, out);
    }
    if ((st = this_string(a, &s)) != JS_OK || (st = to_string(vm, search, &t)) != JS_OK)
        return st;
    if (!js_is_callable(replace_value) && (st = to_string(vm, replace_value, &template)) != JS_OK)
        return st;
    uint32_t advance = t->length ? t->length : 1, end = 0;
    int64_t pos = str_index_of(s, t, 0);
    str_buf b = {0};
    while (pos >= 0 && st == JS_OK) {
        js_string *r;
        if ((st = string_replacement(vm, replace_value, template, t, s, (uint32_t)pos, &r)) != JS_OK)
            break;
        sb_str(&b, str_slice(vm, s, end, (uint32_t)pos));
        sb_str(&b, r);
        end = (uint32_t)pos + t->length;
        if (!all || pos + advance > s->length)
            break;
        pos = str_index_of(s, t, (uint32_t)pos + advance);
    }
    if (st != JS_OK) {
        sb_free(&b);
        return st;
    }
    sb_str(&b, str_slice(vm, s, end, s->length));
    *out = js_strv(sb_finish(vm, &b));
    return JS_OK;
}

static js_status string_replace(const js_args *a, js_value *out) { return replace(a, false, out); }
static js_status string_replace_all(const js_args *a, js_value *out) { return replace(a, true, out); }

/* ---- match, matchAll, search ----------------------------------------------------------- */

typedef js_status (*regexp_op)(js_vm *vm, js_value rx, js_string *s, js_value *out);

/* a RegExp argument as it is, anything else made one with `flags` */
static js_status with_regexp(const js_args *a, const char *flags, regexp_op op, js_value *out)
{
    js_string *s;
    js_value rx = js_arg(a, 0);
    js_status st = this_string(a, &s);
    if (st != JS_OK)
        return st;
    if (!regexp_is(rx) && (st = regexp_create(a->vm, rx, flags, &rx)) != JS_OK)
        return st;
    return op(a->vm, rx, s, out);
}

static js_status string_match(const js_args *a, js_value *out)
{
    return with_regexp(a, "", regexp_match, out);
}

static js_status string_search(const js_args *a, js_value *out)
{
    return with_regexp(a, "", regexp_search, out);
}

static js_status string_match_all(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value rx = js_arg(a, 0);
    if (js_is_nullish(a->this_value)) {
        js_string *s;
        return this_string(a, &s);
    }
    if (regexp_is(rx)) {
        js_value flags;
        js_string *fs;
        js_status st = val_get(vm, rx, &atom_cstr(vm, "flags")->gc, &flags);
        if (st == JS_OK && js_is_nullish(flags))
            st = throw_kind(vm, ERR_TYPE, "String.prototype.matchAll called on null or undefined");
        if (st != JS_OK || (st = to_string(vm, flags, &fs)) != JS_OK)
            return st;
        if (!memchr(fs->chars, 'g', fs->len))
            return throw_kind(vm, ERR_TYPE, "String.prototype.matchAll called with a non-global "
                                            "RegExp argument");
    }
    return with_regexp(a, "g", regexp_match_all, out);
}

/* ---- split ---------------------------------------------------------------------------------- */

static js_status string_split(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value sep = js_arg(a, 0), limit = js_arg(a, 1);
    js_string *s, *r;
    js_status st = this_string(a, &s);
    if (st != JS_OK)
        return st;
    if (regexp_is(sep))
        return regexp_split(vm, sep, s, limit, out);
    uint32_t lim = UINT32_MAX;
    double d;
    if (!js_is_undefined(limit)) {
        if ((st = to_number(vm, limit, &d)) != JS_OK)
            return st;
        lim = js_to_uint32(d);
    }
    if ((st = to_string(vm, sep, &r)) != JS_OK)
        return st;
    js_object *arr = array_new(vm, 0);
    *out = js_obj(arr);
    if (lim == 0)
        return JS_OK;
    if (js_is_undefined(sep)) {
        array_push(vm, arr, js_strv(s));
        return JS_OK;
    }
    if (r->length == 0) {
        for (uint32_t i = 0; i < s->length && i < lim; i++)
            array_push(vm, arr, js_strv(str_slice(vm, s, i, i + 1)));
        return JS_OK;
    }
    uint32_t p = 0;
    for (int64_t q; arr->u.array.length < lim && (q = str_index_of(s, r, p)) >= 0;) {
        array_push(vm, arr, js_strv(str_slice(vm, s, p, (uint32_t)q)));
        p = (uint32_t)q + r->length;
    }
    if (arr->u.array.length < lim)
        array_push(vm, arr, js_strv(str_slice(vm, s, p, s->length)));
    return JS_OK;
}

/* ---- the HTML methods (B.2.2.2-14, CreateHTML) ------------------------------------------- */

static const struct {
    const char *name, *tag, *attribute;
} html_methods[] = {
    {"anchor", "a", "name"}, {"big", "big", NULL},     {"blink", "blink", NULL},
    {"bold", "b", NULL},     {"fontcolor", "font", "color"}, {"fontsize", "font", "size"},
    {"fixed", "tt", NULL},   {"italics", "i", NULL},   {"link", "a", "href"},
    {"small", "small", NULL}, {"strike", "strike", NULL}, {"sub", "sub", NULL},
    {"sup", "sup", NULL},
};

static js_status create_html(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    size_t k = 0;
    while (strcmp(html_methods[k].name, method_name(a)))
        k++;
    js_string *s, *v = NULL;
    js_status st = this_string(a, &s);
    if (st != JS_OK || (html_methods[k].attribute && (st = arg_string(a, 0, &v)) != JS_OK))
        return st;
    str_buf b = {0};
    sb_cstr(&b, "<");
    sb_cstr(&b, html_methods[k].tag);
    if (v) {
        sb_cstr(&b, " ");
        sb_cstr(&b, html_methods[k].attribute);
        sb_cstr(&b, "=\"");
        for (uint32_t i = 0; i < v->len; i++)
            v->chars[i] == '"' ? sb_cstr(&b, "&quot;") : sb_bytes(&b, v->chars + i, 1);
        sb_cstr(&b, "\"");
    }
    sb_cstr(&b, ">");
    sb_str(&b, s);
    sb_cstr(&b, "</");
    sb_cstr(&b, html_methods[k].tag);
    sb_cstr(&b, ">");
    *out = js_strv(sb_finish(vm, &b));
    return JS_OK;
}

/* ---- setup ------------------------------------------------------------------------------------ */

static void define_html(js_vm *vm, js_object *proto, const char *first, const char *last)
{
    size_t n = sizeof html_methods / sizeof html_methods[0], k = 0;
    while (k < n && strcmp(html_methods[k].name, first))
        k++;
    for (; k < n; k++) {
        define_native(vm, proto, html_methods[k].name, html_methods[k].attribute ? 1 : 0,
                      create_html);
        if (!strcmp(html_methods[k].name, last))
            break;
    }
}

/* Which Node versions have which methods, from the features the profile gives (js.h):
 * at with Array.prototype.at (Node 16.6+), matchAll with V8 7.2+ (await_direct: Node 12+),
 * replaceAll with Promise.any (V8 8.5: Node 15+), isWellFormed and toWellFormed with
 * toSorted (V8 11: Node 20+). */
void builtin_string(js_vm *vm)
{
    const js_features *f = &vm->features;
    js_object *proto = obj_new(vm, CLASS_STRING, vm->in.object_prototype);
    proto->u.primitive = js_strv(A(vm, empty));
    vm->in.string_prototype = proto;
    js_object *ctor = define_ctor(vm, "String", 1, string_ctor, proto);
    define_native(vm, ctor, "fromCharCode", 1, string_from_char_code);
    define_native(vm, ctor, "fromCodePoint", 1, string_from_code_point);
    define_native(vm, ctor, "raw", 1, string_raw);

    define_html(vm, proto, "anchor", "anchor");
    if (f->array_at)
        define_native(vm, proto, "at", 1, string_at);
    define_html(vm, proto, "big", "bold");
    define_native(vm, proto, "charAt", 1, string_char_at);
    define_native(vm, proto, "charCodeAt", 1, string_char_code_at);
    define_native(vm, proto, "codePointAt", 1, string_code_point_at);
    define_native(vm, proto, "concat", 1, string_concat);
    define_native(vm, proto, "endsWith", 1, string_ends_with);
    define_html(vm, proto, "fontcolor", "fixed");
    define_native(vm, proto, "includes", 1, string_includes);
    define_native(vm, proto, "indexOf", 1, string_index_of);
    if (f->array_to_sorted)
        define_native(vm, proto, "isWellFormed", 0, string_is_well_formed);
    define_html(vm, proto, "italics", "italics");
    define_native(vm, proto, "lastIndexOf", 1, string_last_index_of);
    define_html(vm, proto, "link", "link");
    define_native(vm, proto, "localeCompare", 1, string_locale_compare);
    define_native(vm, proto, "match", 1, string_match);
    if (f->await_direct)
        define_native(vm, proto, "matchAll", 1, string_match_all);
    define_native(vm, proto, "normalize", 0, string_normalize);
    define_native(vm, proto, "padEnd", 1, string_pad_end);
    define_native(vm, proto, "padStart", 1, string_pad_start);
    define_native(vm, proto, "repeat", 1, string_repeat);
    define_native(vm, proto, "replace", 2, string_replace);
    if (f->promise_any)
        define_native(vm, proto, "replaceAll", 2, string_replace_all);
    define_native(vm, proto, "search", 1, string_search);
    define_native(vm, proto, "slice", 2, string_slice);
    define_html(vm, proto, "small", "small");
    define_native(vm, proto, "split", 2, string_split);
    define_html(vm, proto, "strike", "sub");
    define_native(vm, proto, "substr", 2, string_substr);
    define_native(vm, proto, "substring", 2, string_substring);
    define_html(vm, proto, "sup", "sup");
    define_native(vm, proto, "startsWith", 1, string_starts_with);
    define_native(vm, proto, "toString", 0, string_value_of);
    if (f->array_to_sorted)
        define_native(vm, proto, "toWellFormed", 0, string_to_well_formed);
    define_native(vm, proto, "trim", 0, string_trim);
    js_object *start = define_native(vm, proto, "trimStart", 0, string_trim_start);
    prop_define_value(vm, proto, &atom_cstr(vm, "trimLeft")->gc, js_obj(start), PROP_HIDDEN);
    js_object *end = define_native(vm, proto, "trimEnd", 0, string_trim_end);
    prop_define_value(vm, proto, &atom_cstr(vm, "trimRight")->gc, js_obj(end), PROP_HIDDEN);
    define_native(vm, proto, "toLocaleLowerCase", 0, string_to_lower_case);
    define_native(vm, proto, "toLocaleUpperCase", 0, string_to_upper_case);
    define_native(vm, proto, "toLowerCase", 0, string_to_lower_case);
    define_native(vm, proto, "toUpperCase", 0, string_to_upper_case);
    define_native(vm, proto, "valueOf", 0, string_value_of);
    js_object *it = native_new(vm, "[Symbol.iterator]", 0, string_iterator, false);
    prop_define_value(vm, proto, sym_key(vm->sym.iterator), js_obj(it), PROP_HIDDEN);
}
