/* builtin_number.c - Number (ECMA-262 21.1): the constructor (a conversion when called as a
 * function), its predicates and constants, and Number.prototype's formatting methods.
 *
 * The conversions are numconv.c's, which follow V8's digits (shortest round trip for
 * toString, exact binary values for toFixed, ...); this file adds the argument checks, in the
 * specification's order (thisNumberValue first, then the argument, then the RangeError; a
 * non-finite number formats as itself before toExponential's and toPrecision's range checks)
 * and with V8's messages.
 *
 * toLocaleString (ECMA-402 20.2.1, through Intl.NumberFormat) formats as Node with its default
 * ICU does for the "en-US" locale: the shortest decimal digits of the number (ICU reads a double
 * that way), rounded half away from zero to maximumFractionDigits (default 3), trailing zeros
 * dropped down to minimumFractionDigits (default 0), and the integer digits grouped by three
 * with ","; "NaN", "∞", "-∞", and "-0" for a negative number that rounds to zero.  The options
 * minimumFractionDigits, maximumFractionDigits (0..20) and useGrouping are honoured; other
 * locales, styles (currency, percent) and significant-digit options are not modelled and
 * format as the default.
 *
 * Number.parseFloat and Number.parseInt must be the very functions of the global object
 * (21.1.2.12-13): builtin_global.c runs after this file and is asked to install its functions
 * here; until then these are equivalent functions of their own.
 */
#include "jsi.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

#define MAX_SAFE_INTEGER 9007199254740991.0

static js_status number_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    double d = 0;
    if (a->argc) { /* ToNumeric: a BigInt becomes the nearest Number (21.1.1.1 step 1.b) */
        js_value n;
        js_status st = to_numeric(vm, a->argv[0], &n);
        if (st != JS_OK)
            return st;
        d = n.type == JS_TBIGINT ? bigint_to_double(n.u.bigint) : n.u.number;
    }
    if (js_is_undefined(a->new_target)) {
        *out = js_number(d);
        return JS_OK;
    }
    js_object *o = obj_new(vm, CLASS_NUMBER, fn_proto_of(vm, a->new_target, vm->in.number_prototype));
    o->u.primitive = js_number(d);
    *out = js_obj(o);
    return JS_OK;
}

/* ---- Number's functions (21.1.2) --------------------------------------------------------------- */

/* the argument if it is a number (the predicates convert nothing) */
static bool number_arg(const js_args *a, double *d)
{
    js_value v = js_arg(a, 0);
    *d = v.type == JS_TNUMBER ? v.u.number : NAN;
    return v.type == JS_TNUMBER;
}

static bool is_integral(double d)
{
    return isfinite(d) && trunc(d) == d;
}

static js_status number_is_finite(const js_args *a, js_value *out)
{
    double d;
    *out = js_bool(number_arg(a, &d) && isfinite(d));
    return JS_OK;
}

static js_status number_is_integer(const js_args *a, js_value *out)
{
    double d;
    *out = js_bool(number_arg(a, &d) && is_integral(d));
    return JS_OK;
}

static js_status number_is_nan(const js_args *a, js_value *out)
{
    double d;
    *out = js_bool(number_arg(a, &d) && isnan(d));
    return JS_OK;
}

static js_status number_is_safe_integer(const js_args *a, js_value *out)
{
    double d;
    *out = js_bool(number_arg(a, &d) && is_integral(d) && fabs(d) <= MAX_SAFE_INTEGER);
    return JS_OK;
}

static js_status number_parse_float(const js_args *a, js_value *out)
{
    js_string *s;
    js_status st = to_string(a->vm, js_arg(a, 0), &s);
    if (st == JS_OK)
        *out = js_number(js_parse_float(s->chars, s->len));
    return st;
}

static js_status number_parse_int(const js_args *a, js_value *out)
{
    js_string *s;
    double radix;
    js_status st = to_string(a->vm, js_arg(a, 0), &s);
    if (st != JS_OK || (st = to_number(a->vm, js_arg(a, 1), &radix)) != JS_OK)
        return st;
    *out = js_number(js_parse_int(s->chars, s->len, js_to_int32(radix)));
    return JS_OK;
}

/* ---- Number.prototype (21.1.3) ----------------------------------------------------------------- */

/* thisNumberValue (21.1.3.7.1), with V8's message naming the method */
static js_status this_number(const js_args *a, const char *method, double *d)
{
    js_value v = a->this_value;
    if (v.type == JS_TOBJECT && v.u.object->cls == CLASS_NUMBER)
        v = v.u.object->u.primitive;
    if (v.type != JS_TNUMBER)
        return throw_kind(a->vm, ERR_TYPE, "Number.prototype.%s requires that 'this' be a Number",
                          method);
    *d = v.u.number;
    return JS_OK;
}

/* ToIntegerOrInfinity of argument 0 */
static js_status int_arg(const js_args *a, double *d)
{
    js_status st = to_number(a->vm, js_arg(a, 0), d);
    *d = js_to_integer_or_infinity(*d);
    return st;
}

static js_status ascii_result(js_vm *vm, const char *buf, size_t n, js_value *out)
{
    *out = js_strv(str_new(vm, buf, n));
    return JS_OK;
}

static js_status number_to_string(const js_args *a, js_value *out)
{
    double x = 0, radix = 10;
    js_status st = this_number(a, "toString", &x);
    if (st != JS_OK || (!js_is_undefined(js_arg(a, 0)) && (st = int_arg(a, &radix)) != JS_OK))
        return st;
    if (radix < 2 || radix > 36)
        return throw_kind(a->vm, ERR_RANGE, "toString() radix argument must be between 2 and 36");
    char buf[JS_NUMBER_RADIX_MAX];
    return ascii_result(a->vm, buf, js_number_to_radix_string(x, (int)radix, buf, sizeof buf), out);
}

static js_status number_to_fixed(const js_args *a, js_value *out)
{
    double x = 0, f = 0;
    js_status st = this_number(a, "toFixed", &x);
    if (st != JS_OK || (st = int_arg(a, &f)) != JS_OK)
        return st;
    if (f < 0 || f > 100)
        return throw_kind(a->vm, ERR_RANGE, "toFixed() digits argument must be between 0 and 100");
    char buf[JS_NUMBER_FORMAT_MAX];
    return ascii_result(a->vm, buf, js_number_to_fixed(x, (int)f, buf, sizeof buf), out);
}

static js_status number_to_exponential(const js_args *a, js_value *out)
{
    double x = 0, f = 0;
    js_status st = this_number(a, "toExponential", &x);
    if (st != JS_OK || (st = int_arg(a, &f)) != JS_OK)
        return st;
    if (isfinite(x) && (f < 0 || f > 100))
        return throw_kind(a->vm, ERR_RANGE, "toExponential() argument must be between 0 and 100");
    char buf[JS_NUMBER_FORMAT_MAX];
    int digits = js_is_undefined(js_arg(a, 0)) ? -1 : isfinite(x) ? (int)f : 0;
    return ascii_result(a->vm, buf, js_number_to_exponential(x, digits, buf, sizeof buf), out);
}

static js_status number_to_precision(const js_args *a, js_value *out)
{
    double x = 0, p = 0;
    js_status st = this_number(a, "toPrecision", &x);
    if (st != JS_OK || (!js_is_undefined(js_arg(a, 0)) && (st = int_arg(a, &p)) != JS_OK))
        return st;
    if (isfinite(x) && !js_is_undefined(js_arg(a, 0)) && (p < 1 || p > 100))
        return throw_kind(a->vm, ERR_RANGE, "toPrecision() argument must be between 1 and 100");
    char buf[JS_NUMBER_FORMAT_MAX];
    int precision = isfinite(x) ? (int)p : 0;
    return ascii_result(a->vm, buf, js_number_to_precision(x, precision, buf, sizeof buf), out);
}

static js_status number_value_of(const js_args *a, js_value *out)
{
    double x = 0;
    js_status st = this_number(a, "valueOf", &x);
    *out = js_number(x);
    return st;
}

/* ---- toLocaleString: Intl.NumberFormat's en-US decimal format ------------------------------- */

typedef struct {
    int min_fraction, max_fraction;
    bool grouping;
} locale_format;

/* GetNumberOption (ECMA-402 9.2.15): an integer in [0, 20] or `fallback` when undefined */
static js_status number_option(js_vm *vm, js_value options, const char *name, int fallback,
                               int *out)
{
    js_value v;
    js_status st = val_get(vm, options, &atom_cstr(vm, name)->gc, &v);
    if (st != JS_OK)
        return st;
    *out = fallback;
    if (js_is_undefined(v))
        return JS_OK;
    double d;
    if ((st = to_number(vm, v, &d)) != JS_OK)
        return st;
    if (isnan(d) || d < 0 || d > 20)
        return throw_kind(vm, ERR_RANGE, "%s value is out of range.", name);
    *out = (int)floor(d);
    return JS_OK;
}

/* the options that matter (SetNumberFormatDigitOptions, ECMA-402 15.1.3) */
static js_status locale_options(js_vm *vm, js_value options, locale_format *f)
{
    f->min_fraction = 0;
    f->max_fraction = 3;
    f->grouping = true;
    if (js_is_undefined(options))
        return JS_OK;
    if (options.type == JS_TNULL)
        return throw_kind(vm, ERR_TYPE, "Cannot convert undefined or null to object");
    int mn, mx;
    js_status st = number_option(vm, options, "minimumFractionDigits", -1, &mn);
    if (st != JS_OK || (st = number_option(vm, options, "maximumFractionDigits", -1, &mx)) != JS_OK)
        return st;
    if (mn >= 0 && mx >= 0 && mn > mx)
        return throw_kind(vm, ERR_RANGE, "maximumFractionDigits value is out of range.");
    f->min_fraction = mn >= 0 ? mn : 0;
    f->max_fraction = mx >= 0 ? mx : f->min_fraction > 3 ? f->min_fraction : 3;
    js_value g;
    if ((st = val_get(vm, options, &atom_cstr(vm, "useGrouping")->gc, &g)) != JS_OK)
        return st;
    f->grouping = js_is_undefined(g) || to_boolean(g);
    return JS_OK;
}

/* The shortest digits of |x| (no leading zeros) and the position of the decimal point: |x| is
 * 0.DIGITS x 10^point.  Returns the number of digits. */
static int shortest_digits(double x, char *digits, int *point)
{
    char buf[JS_NUMBER_FORMAT_MAX];
    js_number_to_exponential(fabs(x), -1, buf, sizeof buf);   /* "d.ddde+N" */
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p != '.')
            digits[n++] = *p;
    *point = atoi(p + 1) + 1;
    return n;
}

/* Rounds the digits half away from zero to `keep` digits (keep may be <= 0); a carry out of
 * the first digit moves the point. */
static int round_digits(char *digits, int n, int keep, int *point)
{
    if (keep >= n)
        return n;
    if (keep < 0)
        return 0;
    bool up = digits[keep] >= '5';
    n = keep;
    for (int i = n - 1; up && i >= 0; i--) {
        up = digits[i] == '9';
        digits[i] = up ? '0' : (char)(digits[i] + 1);
    }
    if (up) {
        memmove(digits + 1, digits, (size_t)n);
        digits[0] = '1';
        n++;
        (*point)++;
    }
    return n;
}

static size_t format_locale(double x, const locale_format *f, char *out)
{
    char digits[400];
    int point = 1;
    int n = x == 0 ? 0 : shortest_digits(x, digits, &point);
    if (n)
        n = round_digits(digits, n, point + f->max_fraction, &point);
    while (n > 0 && digits[n - 1] == '0')
        n--;
    if (n == 0)
        point = 1;
    size_t len = 0;
    if (signbit(x))
        out[len++] = '-';
    int int_digits = point > 0 ? point : 1;
    for (int i = 0; i < int_digits; i++) {
        int d = point - int_digits + i; /* index into digits */
        out[len++] = d >= 0 && d < n ? digits[d] : '0';
        int left = int_digits - 1 - i;
        if (f->grouping && left > 0 && left % 3 == 0)
            out[len++] = ',';
    }
    int frac = n - point > f->min_fraction ? n - point : f->min_fraction;
    if (frac > 0)
        out[len++] = '.';
    for (int i = 0; i < frac; i++) {
        int d = point + i;
        out[len++] = d >= 0 && d < n ? digits[d] : '0';
    }
    out[len] = '\0';
    return len;
}

static js_status number_to_locale_string(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    double x = 0;
    js_status st = this_number(a, "toLocaleString", &x);
    if (st != JS_OK)
        return st;
    locale_format f;
    if ((st = locale_options(vm, js_arg(a, 1), &f)) != JS_OK)
        return st;
    if (isnan(x) || isinf(x)) {
        *out = js_strv(str_cstr(vm, isnan(x) ? "NaN" : x > 0 ? "\xE2\x88\x9E" : "-\xE2\x88\x9E"));
        return JS_OK;
    }
    char buf[512];
    return ascii_result(vm, buf, format_locale(x, &f, buf), out);
}

/* ---- the objects ------------------------------------------------------------------------------- */

void builtin_number(js_vm *vm)
{
    js_object *proto = obj_new(vm, CLASS_NUMBER, vm->in.object_prototype);
    proto->u.primitive = js_number(0);
    vm->in.number_prototype = proto;
    js_object *ctor = define_ctor(vm, "Number", 1, number_ctor, proto);
    static const struct {
        const char *name;
        int length;
        js_native_fn fn;
        bool on_proto;
    } fns[] = {
        {"isFinite", 1, number_is_finite, false},
        {"isInteger", 1, number_is_integer, false},
        {"isNaN", 1, number_is_nan, false},
        {"isSafeInteger", 1, number_is_safe_integer, false},
        {"parseFloat", 1, number_parse_float, false},
        {"parseInt", 2, number_parse_int, false},
        {"toExponential", 1, number_to_exponential, true},
        {"toFixed", 1, number_to_fixed, true},
        {"toPrecision", 1, number_to_precision, true},
        {"toString", 1, number_to_string, true},
        {"valueOf", 0, number_value_of, true},
        {"toLocaleString", 0, number_to_locale_string, true},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        define_native(vm, fns[i].on_proto ? proto : ctor, fns[i].name, fns[i].length, fns[i].fn);
    static const struct {
        const char *name;
        double value;
    } constants[] = {
        {"MAX_VALUE", 1.7976931348623157e308},
        {"MIN_VALUE", 5e-324},
        {"NaN", NAN},
        {"NEGATIVE_INFINITY", -INFINITY},
        {"POSITIVE_INFINITY", INFINITY},
        {"MAX_SAFE_INTEGER", MAX_SAFE_INTEGER},
        {"MIN_SAFE_INTEGER", -MAX_SAFE_INTEGER},
        {"EPSILON", 2.220446049250313e-16},
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        prop_define_value(vm, ctor, &atom_cstr(vm, constants[i].name)->gc,
                          js_number(constants[i].value), 0);
}
