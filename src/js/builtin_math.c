/* builtin_math.c - the Math object (ECMA-262 21.3): its constants, its functions and
 * Math[@@toStringTag].
 *
 * The specification leaves the digits of the transcendental functions to the implementation
 * (21.3.2: "implementation-approximated"); V8 computes them with its own port of fdlibm
 * (src/base/ieee754.cc), whose last bit differs from the C library's for a few percent of the
 * arguments (cbrt for nearly half of them).  So that Math.sin(x) prints what Node prints, the
 * second half of this file is that port, function for function, in C (its names prefixed fd_):
 * acos, acosh, asin, asinh, atan, atanh, atan2, cbrt, cos, cosh, exp, expm1, log, log1p, log2,
 * log10, sin, sinh, tan, tanh, and pow as V8's Math.pow and `**` compute it (fdlibm's e_pow.c,
 * V8's ieee754::legacy::pow; math_pow is there for vm.c's `**` too).  sqrt, the roundings and
 * abs are exact in C as in V8.
 *
 * The rest is V8's builtins/math.tq: every argument is converted with ToNumber first, in order
 * (Math.max(a, b) calls a's valueOf before b's even when a is NaN), max/min with NaN winning and
 * -0 < +0, hypot scaling by the largest argument and adding with Kahan's compensated sum, round
 * as ceil(x) less one when ceil(x) - 0.5 > x (so -0.5 rounds to -0 and 0.49999999999999994 to
 * 0).  Math.random() is the embedder's generator (js_host.random, seeded and reproducible); with
 * none, a xorshift64* generator with a fixed seed whose state is kept in the function's slots.
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

double math_pow(double x, double y);

static double fd_acos(double x);
static double fd_acosh(double x);
static double fd_asin(double x);
static double fd_asinh(double x);
static double fd_atan(double x);
static double fd_atanh(double x);
static double fd_atan2(double y, double x);
static double fd_cbrt(double x);
static double fd_cos(double x);
static double fd_cosh(double x);
static double fd_exp(double x);
static double fd_expm1(double x);
static double fd_log(double x);
static double fd_log1p(double x);
static double fd_log2(double x);
static double fd_log10(double x);
static double fd_sin(double x);
static double fd_sinh(double x);
static double fd_tan(double x);
static double fd_tanh(double x);
static double fd_pow(double x, double y);

/* ---- the functions of one argument ------------------------------------------------------------ */

static double js_round(double x)
{
    double c = ceil(x);
    return c - 0.5 > x ? c - 1.0 : c;
}

static double js_sign(double x)
{
    return isnan(x) || x == 0 ? x : x > 0 ? 1 : -1;
}

static double js_fround(double x)
{
    return (double)(float)x;
}

static double js_clz32(double x)
{
    uint32_t u = js_to_uint32(x);
    return u ? __builtin_clz(u) : 32;
}

static double js_abs(double x) { return fabs(x); }
static double js_ceil(double x) { return ceil(x); }
static double js_floor(double x) { return floor(x); }
static double js_sqrt(double x) { return sqrt(x); }
static double js_trunc(double x) { return trunc(x); }

/* Math.NAME(x): ToNumber(x), then the function; the C function is the native's data */
static js_status math_unary(const js_args *a, js_value *out)
{
    double (*fn)(double);
    void *data = js_native_data(a->callee);
    memcpy(&fn, &data, sizeof fn);
    double x;
    js_status st = to_number(a->vm, js_arg(a, 0), &x);
    *out = js_number(fn(x));
    return st;
}

/* ---- the functions of two or more ------------------------------------------------------------- */

/* ToNumber of the first n arguments (missing ones are undefined: NaN), in order */
static js_status numbers(const js_args *a, int n, double *out)
{
    for (int i = 0; i < n; i++) {
        js_status st = to_number(a->vm, js_arg(a, i), &out[i]);
        if (st != JS_OK)
            return st;
    }
    return JS_OK;
}

static js_status math_atan2(const js_args *a, js_value *out)
{
    double v[2];
    js_status st = numbers(a, 2, v);
    *out = js_number(fd_atan2(v[0], v[1]));
    return st;
}

static js_status math_pow_fn(const js_args *a, js_value *out)
{
    double v[2];
    js_status st = numbers(a, 2, v);
    *out = js_number(math_pow(v[0], v[1]));
    return st;
}

static js_status math_imul(const js_args *a, js_value *out)
{
    double v[2];
    js_status st = numbers(a, 2, v);
    uint32_t r = js_to_uint32(v[0]) * js_to_uint32(v[1]);
    *out = js_number((double)(int32_t)r);
    return st;
}

/* max and min: NaN wins, -0 < +0 */
static double max_of(double r, double x)
{
    if (isnan(r) || isnan(x))
        return NAN;
    if (r == x)
        return signbit(r) ? x : r;
    return x > r ? x : r;
}

static double min_of(double r, double x)
{
    if (isnan(r) || isnan(x))
        return NAN;
    if (r == x)
        return signbit(r) ? r : x;
    return x < r ? x : r;
}

static js_status extremum(const js_args *a, bool max, js_value *out)
{
    double r = max ? -INFINITY : INFINITY;
    for (int i = 0; i < a->argc; i++) {
        double x;
        js_status st = to_number(a->vm, a->argv[i], &x);
        if (st != JS_OK)
            return st;
        r = max ? max_of(r, x) : min_of(r, x);
    }
    *out = js_number(r);
    return JS_OK;
}

static js_status math_max(const js_args *a, js_value *out) { return extremum(a, true, out); }
static js_status math_min(const js_args *a, js_value *out) { return extremum(a, false, out); }

/* hypot as V8's MathHypot: normalized by the largest, Kahan summation */
static js_status math_hypot(const js_args *a, js_value *out)
{
    double abs_values[64], *v = abs_values, max = 0;
    bool nan = false;
    if (a->argc > 64 && !(v = malloc((size_t)a->argc * sizeof *v)))
        ls_out_of_memory((size_t)a->argc * sizeof *v);
    js_status st = JS_OK;
    for (int i = 0; i < a->argc && st == JS_OK; i++) {
        st = to_number(a->vm, a->argv[i], &v[i]);
        nan = nan || isnan(v[i]);
        v[i] = isnan(v[i]) ? 0 : fabs(v[i]);
        max = v[i] > max ? v[i] : max;
    }
    double r = 0;
    if (max == INFINITY || nan || max == 0) {
        r = max == INFINITY ? INFINITY : nan ? NAN : 0;
    } else {
        double sum = 0, compensation = 0;
        for (int i = 0; i < a->argc; i++) {
            double n = v[i] / max, summand = n * n - compensation, preliminary = sum + summand;
            compensation = (preliminary - sum) - summand;
            sum = preliminary;
        }
        r = sqrt(sum) * max;
    }
    if (v != abs_values)
        free(v);
    *out = js_number(r);
    return st;
}

/* Math.random: the host's generator, else xorshift64* (state: two 32-bit halves in slots) */
static js_status math_random(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    if (vm->host.random) {
        *out = js_number(vm->host.random(vm->host.ctx));
        return JS_OK;
    }
    js_value *hi = js_native_slot(a->callee, 0), *lo = js_native_slot(a->callee, 1);
    uint64_t s = (uint64_t)hi->u.number << 32 | (uint64_t)lo->u.number;
    s ^= s >> 12;
    s ^= s << 25;
    s ^= s >> 27;
    gc_note_write(vm, a->callee);
    *hi = js_number((double)(uint32_t)(s >> 32));
    *lo = js_number((double)(uint32_t)s);
    *out = js_number((double)((s * UINT64_C(0x2545F4914F6CDD1D)) >> 11) / 9007199254740992.0);
    return JS_OK;
}

/* ---- the object -------------------------------------------------------------------------------- */

void builtin_math(js_vm *vm)
{
    js_object *math = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    prop_define_value(vm, vm->global, &atom_cstr(vm, "Math")->gc, js_obj(math), PROP_HIDDEN);
    /* in V8's order (Object.getOwnPropertyNames(Math)); NULL fn: a native of its own */
    static const struct {
        const char *name;
        int length;
        double (*fn)(double);
        js_native_fn native;
    } fns[] = {
        {"abs", 1, js_abs, NULL},       {"acos", 1, fd_acos, NULL},     {"acosh", 1, fd_acosh, NULL},
        {"asin", 1, fd_asin, NULL},     {"asinh", 1, fd_asinh, NULL},   {"atan", 1, fd_atan, NULL},
        {"atanh", 1, fd_atanh, NULL},   {"atan2", 2, NULL, math_atan2}, {"ceil", 1, js_ceil, NULL},
        {"cbrt", 1, fd_cbrt, NULL},     {"expm1", 1, fd_expm1, NULL},   {"clz32", 1, js_clz32, NULL},
        {"cos", 1, fd_cos, NULL},       {"cosh", 1, fd_cosh, NULL},     {"exp", 1, fd_exp, NULL},
        {"floor", 1, js_floor, NULL},   {"fround", 1, js_fround, NULL}, {"hypot", 2, NULL, math_hypot},
        {"imul", 2, NULL, math_imul},   {"log", 1, fd_log, NULL},       {"log1p", 1, fd_log1p, NULL},
        {"log2", 1, fd_log2, NULL},     {"log10", 1, fd_log10, NULL},   {"max", 2, NULL, math_max},
        {"min", 2, NULL, math_min},     {"pow", 2, NULL, math_pow_fn},  {"random", 0, NULL, math_random},
        {"round", 1, js_round, NULL},   {"sign", 1, js_sign, NULL},     {"sin", 1, fd_sin, NULL},
        {"sinh", 1, fd_sinh, NULL},     {"sqrt", 1, js_sqrt, NULL},     {"tan", 1, fd_tan, NULL},
        {"tanh", 1, fd_tanh, NULL},     {"trunc", 1, js_trunc, NULL},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        if (fns[i].native == math_random) {
            js_value f = js_new_native(vm, "random", 0, math_random, NULL, 2);
            *js_native_slot(f.u.object, 0) = js_number(0x9E3779B9u);
            *js_native_slot(f.u.object, 1) = js_number(0x7F4A7C15u);
            prop_define_value(vm, math, &atom_cstr(vm, "random")->gc, f, PROP_HIDDEN);
            continue;
        }
        js_object *f = define_native(vm, math, fns[i].name, fns[i].length,
                                     fns[i].native ? fns[i].native : math_unary);
        if (!fns[i].native)
            memcpy(&f->u.native.data, &fns[i].fn, sizeof fns[i].fn);
    }
    static const struct {
        const char *name;
        double value;
    } constants[] = {
        {"E", 2.718281828459045},       {"LN10", 2.302585092994046},
        {"LN2", 0.6931471805599453},    {"LOG10E", 0.4342944819032518},
        {"LOG2E", 1.4426950408889634},  {"PI", 3.141592653589793},
        {"SQRT1_2", 0.7071067811865476}, {"SQRT2", 1.4142135623730951},
    };
    for (size_t i = 0; i < sizeof constants / sizeof constants[0]; i++)
        prop_define_value(vm, math, &atom_cstr(vm, constants[i].name)->gc,
                          js_number(constants[i].value), 0);
    prop_define_value(vm, math, sym_key(vm->sym.to_string_tag), js_strv(atom_cstr(vm, "Math")),
                      PROP_CONFIGURABLE);
}

/* `**` and Math.pow (V8's math::pow) */
double math_pow(double x, double y)
{
    return fd_pow(x, y);
}

/* ================================================================================================
 * fdlibm, as V8 adapted it (src/base/ieee754.cc)
 *
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 * Developed at SunSoft, a Sun Microsystems, Inc. business.  Permission to use, copy, modify, and
 * distribute this software is freely granted, provided that this notice is preserved.
 * (Modified by the V8 project authors; brought to C here.)  The comments of the original
 * explain each method; they are abridged to a line.
 * ============================================================================================= */

static inline uint32_t hi_word(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return (uint32_t)(u >> 32);
}

static inline uint32_t lo_word(double d)
{
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    return (uint32_t)u;
}

static inline double from_words(uint32_t hi, uint32_t lo)
{
    uint64_t u = (uint64_t)hi << 32 | lo;
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

#define EXTRACT_WORDS(ix0, ix1, d) ((ix0) = (int32_t)hi_word(d), (ix1) = lo_word(d))
#define GET_HIGH_WORD(i, d) ((i) = (int32_t)hi_word(d))
#define GET_LOW_WORD(i, d) ((i) = lo_word(d))
#define INSERT_WORDS(d, ix0, ix1) ((d) = from_words((uint32_t)(ix0), (uint32_t)(ix1)))
#define SET_HIGH_WORD(d, v) ((d) = from_words((uint32_t)(v), lo_word(d)))
#define SET_LOW_WORD(d, v) ((d) = from_words(hi_word(d), (uint32_t)(v)))

/* k << 20 for a k that may be negative */
static inline int32_t shl20(int32_t k)
{
    return (int32_t)((uint32_t)k << 20);
}

/* __ieee754_rem_pio2 and __kernel_rem_pio2: x rem pi/2 in y[0] + y[1] */
static int kernel_rem_pio2(double *x, double *y, int e0, int nx, int prec, const int32_t *ipio2)
{
    static const int init_jk[] = {2, 3, 4, 6};
    static const double PIo2[] = {
        1.57079625129699707031e+00, 7.54978941586159635335e-08, 5.39030252995776476554e-15,
        3.28200341580791294123e-22, 1.27065575308067607349e-29, 1.22933308981111328932e-36,
        2.73370053816464559624e-44, 2.16741683877804819444e-51,
    };
    static const double zero = 0.0, one = 1.0, two24 = 1.67772160000000000000e+07,
                        twon24 = 5.96046447753906250000e-08;
    int32_t jz, jx, jv, jp, jk, carry, n, iq[20], i, j, k, m, q0, ih;
    double z, fw, f[20] = {0}, fq[20] = {0}, q[20] = {0};

    jk = init_jk[prec];
    jp = jk;
    jx = nx - 1;
    jv = (e0 - 3) / 24;
    if (jv < 0)
        jv = 0;
    q0 = e0 - 24 * (jv + 1);
    j = jv - jx;
    m = jx + jk;
    for (i = 0; i <= m; i++, j++)
        f[i] = (j < 0) ? zero : (double)ipio2[j];
    for (i = 0; i <= jk; i++) {
        for (j = 0, fw = 0.0; j <= jx; j++)
            fw += x[j] * f[jx + i - j];
        q[i] = fw;
    }
    jz = jk;
recompute:
    for (i = 0, j = jz, z = q[jz]; j > 0; i++, j--) {
        fw = (double)(int32_t)(twon24 * z);
        iq[i] = (int32_t)(z - two24 * fw);
        z = q[j - 1] + fw;
    }
    z = scalbn(z, q0);
    z -= 8.0 * floor(z * 0.125);
    n = (int32_t)z;
    z -= (double)n;
    ih = 0;
    if (q0 > 0) {
        i = (iq[jz - 1] >> (24 - q0));
        n += i;
        iq[jz - 1] -= i << (24 - q0);
        ih = iq[jz - 1] >> (23 - q0);
    } else if (q0 == 0) {
        ih = iq[jz - 1] >> 23;
    } else if (z >= 0.5) {
        ih = 2;
    }
    if (ih > 0) {
        n += 1;
        carry = 0;
        for (i = 0; i < jz; i++) {
            j = iq[i];
            if (carry == 0) {
                if (j != 0) {
                    carry = 1;
                    iq[i] = 0x1000000 - j;
                }
            } else {
                iq[i] = 0xFFFFFF - j;
            }
        }
        if (q0 > 0) {
            switch (q0) {
            case 1: iq[jz - 1] &= 0x7FFFFF; break;
            case 2: iq[jz - 1] &= 0x3FFFFF; break;
            }
        }
        if (ih == 2) {
            z = one - z;
            if (carry != 0)
                z -= scalbn(one, q0);
        }
    }
    if (z == zero) {
        j = 0;
        for (i = jz - 1; i >= jk; i--)
            j |= iq[i];
        if (j == 0) {
            for (k = 1; jk >= k && iq[jk - k] == 0; k++) {
            }
            for (i = jz + 1; i <= jz + k; i++) {
                f[jx + i] = ipio2[jv + i];
                for (j = 0, fw = 0.0; j <= jx; j++)
                    fw += x[j] * f[jx + i - j];
                q[i] = fw;
            }
            jz += k;
            goto recompute;
        }
    }
    if (z == 0.0) {
        jz -= 1;
        q0 -= 24;
        while (iq[jz] == 0) {
            jz--;
            q0 -= 24;
        }
    } else {
        z = scalbn(z, -q0);
        if (z >= two24) {
            fw = (double)(int32_t)(twon24 * z);
            iq[jz] = (int32_t)(z - two24 * fw);
            jz += 1;
            q0 += 24;
            iq[jz] = (int32_t)fw;
        } else {
            iq[jz] = (int32_t)z;
        }
    }
    fw = scalbn(one, q0);
    for (i = jz; i >= 0; i--) {
        q[i] = fw * iq[i];
        fw *= twon24;
    }
    for (i = jz; i >= 0; i--) {
        for (fw = 0.0, k = 0; k <= jp && k <= jz - i; k++)
            fw += PIo2[k] * q[i + k];
        fq[jz - i] = fw;
    }
    switch (prec) {
    case 0:
        fw = 0.0;
        for (i = jz; i >= 0; i--)
            fw += fq[i];
        y[0] = (ih == 0) ? fw : -fw;
        break;
    case 1:
    case 2:
        fw = 0.0;
        for (i = jz; i >= 0; i--)
            fw += fq[i];
        y[0] = (ih == 0) ? fw : -fw;
        fw = fq[0] - fw;
        for (i = 1; i <= jz; i++)
            fw += fq[i];
        y[1] = (ih == 0) ? fw : -fw;
        break;
    case 3:
        for (i = jz; i > 0; i--) {
            fw = fq[i - 1] + fq[i];
            fq[i] += fq[i - 1] - fw;
            fq[i - 1] = fw;
        }
        for (i = jz; i > 1; i--) {
            fw = fq[i - 1] + fq[i];
            fq[i] += fq[i - 1] - fw;
            fq[i - 1] = fw;
        }
        for (fw = 0.0, i = jz; i >= 2; i--)
            fw += fq[i];
        if (ih == 0) {
            y[0] = fq[0];
            y[1] = fq[1];
            y[2] = fw;
        } else {
            y[0] = -fq[0];
            y[1] = -fq[1];
            y[2] = -fw;
        }
    }
    return n & 7;
}

static int32_t ieee754_rem_pio2(double x, double *y)
{
    static const int32_t two_over_pi[] = {
        0xA2F983, 0x6E4E44, 0x1529FC, 0x2757D1, 0xF534DD, 0xC0DB62, 0x95993C, 0x439041, 0xFE5163,
        0xABDEBB, 0xC561B7, 0x246E3A, 0x424DD2, 0xE00649, 0x2EEA09, 0xD1921C, 0xFE1DEB, 0x1CB129,
        0xA73EE8, 0x8235F5, 0x2EBB44, 0x84E99C, 0x7026B4, 0x5F7E41, 0x3991D6, 0x398353, 0x39F49C,
        0x845F8B, 0xBDF928, 0x3B1FF8, 0x97FFDE, 0x05980F, 0xEF2F11, 0x8B5A0A, 0x6D1F6D, 0x367ECF,
        0x27CB09, 0xB74F46, 0x3F669E, 0x5FEA2D, 0x7527BA, 0xC7EBE5, 0xF17B3D, 0x0739F7, 0x8A5292,
        0xEA6BFB, 0x5FB11F, 0x8D5D08, 0x560330, 0x46FC7B, 0x6BABF0, 0xCFBC20, 0x9AF436, 0x1DA9E3,
        0x91615E, 0xE61B08, 0x659985, 0x5F14A0, 0x68408D, 0xFFD880, 0x4D7327, 0x310606, 0x1556CA,
        0x73A8C9, 0x60E27B, 0xC08C6B,
    };
    static const int32_t npio2_hw[] = {
        0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB,
        0x402921FB, 0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB,
        0x40378FDB, 0x403921FB, 0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C,
        0x4041475C, 0x4042106C, 0x4042D97C, 0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB,
        0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
    };
    static const double zero = 0.00000000000000000000e+00, half = 5.00000000000000000000e-01,
                        two24 = 1.67772160000000000000e+07, invpio2 = 6.36619772367581382433e-01,
                        pio2_1 = 1.57079632673412561417e+00, pio2_1t = 6.07710050650619224932e-11,
                        pio2_2 = 6.07710050630396597660e-11, pio2_2t = 2.02226624879595063154e-21,
                        pio2_3 = 2.02226624871116645580e-21, pio2_3t = 8.47842766036889956997e-32;
    double z, w, t, r, fn;
    double tx[3];
    int32_t e0, i, j, nx, n, ix, hx;
    uint32_t low;

    z = 0;
    GET_HIGH_WORD(hx, x);
    ix = hx & 0x7FFFFFFF;
    if (ix <= 0x3FE921FB) {
        y[0] = x;
        y[1] = 0;
        return 0;
    }
    if (ix < 0x4002D97C) {
        if (hx > 0) {
            z = x - pio2_1;
            if (ix != 0x3FF921FB) {
                y[0] = z - pio2_1t;
                y[1] = (z - y[0]) - pio2_1t;
            } else {
                z -= pio2_2;
                y[0] = z - pio2_2t;
                y[1] = (z - y[0]) - pio2_2t;
            }
            return 1;
        } else {
            z = x + pio2_1;
            if (ix != 0x3FF921FB) {
                y[0] = z + pio2_1t;
                y[1] = (z - y[0]) + pio2_1t;
            } else {
                z += pio2_2;
                y[0] = z + pio2_2t;
                y[1] = (z - y[0]) + pio2_2t;
            }
            return -1;
        }
    }
    if (ix <= 0x413921FB) {
        t = fabs(x);
        n = (int32_t)(t * invpio2 + half);
        fn = (double)n;
        r = t - fn * pio2_1;
        w = fn * pio2_1t;
        if (n < 32 && ix != npio2_hw[n - 1]) {
            y[0] = r - w;
        } else {
            uint32_t high;
            j = ix >> 20;
            y[0] = r - w;
            GET_HIGH_WORD(high, y[0]);
            i = j - (int32_t)((high >> 20) & 0x7FF);
            if (i > 16) {
                t = r;
                w = fn * pio2_2;
                r = t - w;
                w = fn * pio2_2t - ((t - r) - w);
                y[0] = r - w;
                GET_HIGH_WORD(high, y[0]);
                i = j - (int32_t)((high >> 20) & 0x7FF);
                if (i > 49) {
                    t = r;
                    w = fn * pio2_3;
                    r = t - w;
                    w = fn * pio2_3t - ((t - r) - w);
                    y[0] = r - w;
                }
            }
        }
        y[1] = (r - y[0]) - w;
        if (hx < 0) {
            y[0] = -y[0];
            y[1] = -y[1];
            return -n;
        }
        return n;
    }
    if (ix >= 0x7FF00000) {
        y[0] = y[1] = x - x;
        return 0;
    }
    GET_LOW_WORD(low, x);
    SET_LOW_WORD(z, low);
    e0 = (ix >> 20) - 1046;
    SET_HIGH_WORD(z, ix - shl20(e0));
    for (i = 0; i < 2; i++) {
        tx[i] = (double)(int32_t)z;
        z = (z - tx[i]) * two24;
    }
    tx[2] = z;
    nx = 3;
    while (tx[nx - 1] == zero)
        nx--;
    n = kernel_rem_pio2(tx, y, e0, nx, 2, two_over_pi);
    if (hx < 0) {
        y[0] = -y[0];
        y[1] = -y[1];
        return -n;
    }
    return n;
}

/* __kernel_cos: cos on [-pi/4, pi/4], y the tail of x */
static double kernel_cos(double x, double y)
{
    static const double one = 1.00000000000000000000e+00, C1 = 4.16666666666666019037e-02,
                        C2 = -1.38888888888741095749e-03, C3 = 2.48015872894767294178e-05,
                        C4 = -2.75573143513906633035e-07, C5 = 2.08757232129817482790e-09,
                        C6 = -1.13596475577881948265e-11;
    double a, iz, z, r, qx;
    int32_t ix;
    GET_HIGH_WORD(ix, x);
    ix &= 0x7FFFFFFF;
    if (ix < 0x3E400000) {
        if ((int)x == 0)
            return one;
    }
    z = x * x;
    r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
    if (ix < 0x3FD33333)
        return one - (0.5 * z - (z * r - x * y));
    if (ix > 0x3FE90000)
        qx = 0.28125;
    else
        INSERT_WORDS(qx, ix - 0x00200000, 0);
    iz = 0.5 * z - qx;
    a = one - qx;
    return a - (iz - (z * r - x * y));
}

/* __kernel_sin: sin on [-pi/4, pi/4], y the tail of x (iy = 0: none) */
static double kernel_sin(double x, double y, int iy)
{
    static const double half = 5.00000000000000000000e-01, S1 = -1.66666666666666324348e-01,
                        S2 = 8.33333333332248946124e-03, S3 = -1.98412698298579493134e-04,
                        S4 = 2.75573137070700676789e-06, S5 = -2.50507602534068634195e-08,
                        S6 = 1.58969099521155010221e-10;
    double z, r, v;
    int32_t ix;
    GET_HIGH_WORD(ix, x);
    ix &= 0x7FFFFFFF;
    if (ix < 0x3E400000) {
        if ((int)x == 0)
            return x;
    }
    z = x * x;
    v = z * x;
    r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
    if (iy == 0)
        return x + v * (S1 + z * r);
    return x - ((z * (half * y - v * r) - y) - v * S1);
}

/* __kernel_tan: tan (iy = 1) or -1/tan (iy = -1) on [-pi/4, pi/4] */
static double kernel_tan(double x, double y, int iy)
{
    static const double T[] = {
        3.33333333333334091986e-01,  1.33333333333201242699e-01,  5.39682539762260521377e-02,
        2.18694882948595424599e-02,  8.86323982359930005737e-03,  3.59207910759131235356e-03,
        1.45620945432529025516e-03,  5.88041240820264096874e-04,  2.46463134818469906812e-04,
        7.81794442939557092300e-05,  7.14072491382608190305e-05,  -1.85586374855275456654e-05,
        2.59073051863633712884e-05,
    };
    static const double one = 1.00000000000000000000e+00, pio4 = 7.85398163397448278999e-01,
                        pio4lo = 3.06161699786838301793e-17;
    double z, r, v, w, s;
    int32_t ix, hx;

    GET_HIGH_WORD(hx, x);
    ix = hx & 0x7FFFFFFF;
    if (ix < 0x3E300000) {
        if ((int)x == 0) {
            uint32_t low;
            GET_LOW_WORD(low, x);
            if ((((uint32_t)ix | low) | (uint32_t)(iy + 1)) == 0)
                return one / fabs(x);
            if (iy == 1)
                return x;
            double a, t;
            z = w = x + y;
            SET_LOW_WORD(z, 0);
            v = y - (z - x);
            t = a = -one / w;
            SET_LOW_WORD(t, 0);
            s = one + t * z;
            return t + a * (s + t * v);
        }
    }
    if (ix >= 0x3FE59428) {
        if (hx < 0) {
            x = -x;
            y = -y;
        }
        z = pio4 - x;
        w = pio4lo - y;
        x = z + w;
        y = 0.0;
    }
    z = x * x;
    w = z * z;
    r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
    v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
    s = z * x;
    r = y + z * (s * (r + v) + y);
    r += T[0] * s;
    w = x + r;
    if (ix >= 0x3FE59428) {
        v = iy;
        return (1 - ((hx >> 30) & 2)) * (v - 2.0 * (x - (w * w / (w + v) - r)));
    }
    if (iy == 1)
        return w;
    double a, t;
    z = w;
    SET_LOW_WORD(z, 0);
    v = r - (z - x);
    t = a = -1.0 / w;
    SET_LOW_WORD(t, 0);
    s = 1.0 + t * z;
    return t + a * (s + t * v);
}

/* acos: pi/2 - asin(x), by a rational approximation on [0, 0.5] */
static double fd_acos(double x)
{
    static const double one = 1.00000000000000000000e+00, pi = 3.14159265358979311600e+00,
                        pio2_hi = 1.57079632679489655800e+00, pio2_lo = 6.12323399573676603587e-17,
                        pS0 = 1.66666666666666657415e-01, pS1 = -3.25565818622400915405e-01,
                        pS2 = 2.01212532134862925881e-01, pS3 = -4.00555345006794114027e-02,
                        pS4 = 7.91534994289814532176e-04, pS5 = 3.47933107596021167570e-05,
                        qS1 = -2.40339491173441421878e+00, qS2 = 2.02094576023350569471e+00,
                        qS3 = -6.88283971605453293030e-01, qS4 = 7.70381505559019352791e-02;
    double z, p, q, r, w, s, c, df;
    int32_t hx, ix;
    GET_HIGH_WORD(hx, x);
    ix = hx & 0x7FFFFFFF;
    if (ix >= 0x3FF00000) {
        uint32_t lx;
        GET_LOW_WORD(lx, x);
        if (((uint32_t)(ix - 0x3FF00000) | lx) == 0)
            return hx > 0 ? 0.0 : pi + 2.0 * pio2_lo;
        return NAN;
    }
    if (ix < 0x3FE00000) {
        if (ix <= 0x3C600000)
            return pio2_hi + pio2_lo;
        z = x * x;
        p = z * (pS0 + z * (pS1 + z * (pS2 + z * (pS3 + z * (pS4 + z * pS5)))));
        q = one + z * (qS1 + z * (qS2 + z * (qS3 + z * qS4)));
        r = p / q;
        return pio2_hi - (x - (pio2_lo - x * r));
    } else if (hx < 0) {
        z = (one + x) * 0.5;
        p = z * (pS0 + z * (pS1 + z * (pS2 + z * (pS3 + z * (pS4 + z * pS5)))));
        q = one + z * (qS1 + z * (qS2 + z * (qS3 + z * qS4)));
        s = sqrt(z);
        r = p / q;
        w = r * s - pio2_lo;
        return pi - 2.0 * (s + w);
    }
    z = (one - x) * 0.5;
    s = sqrt(z);
    df = s;
    SET_LOW_WORD(df, 0);
    c = (z - df * df) / (s + df);
    p = z * (pS0 + z * (pS1 + z * (pS2 + z * (pS3 + z * (pS4 + z * pS5)))));
    q = one + z * (qS1 + z * (qS2 + z * (qS3 + z * qS4)));
    r = p / q;
    w = r * s + c;
    return 2.0 * (df + w);
}

/* acosh: log(x + sqrt(x*x - 1)) by cases */
static double fd_acosh(double x)
{
    static const double one = 1.0, ln2 = 6.93147180559945286227e-01;
    double t;
    int32_t hx;
    uint32_t lx;
    EXTRACT_WORDS(hx, lx, x);
    if (hx < 0x3FF00000)
        return NAN;
    if (hx >= 0x41B00000) {
        if (hx >= 0x7FF00000)
            return x + x;
        return fd_log(x) + ln2;
    }
    if (((uint32_t)(hx - 0x3FF00000) | lx) == 0)
        return 0.0;
    if (hx > 0x40000000) {
        t = x * x;
        return fd_log(2.0 * x - one / (x + sqrt(t - one)));
    }
    t = x - one;
    return fd_log1p(t + sqrt(2.0 * t + t * t));
}

/* asin: x + x*x^2*R(x^2) on [0, 0.5], pi/2 - 2*asin(sqrt((1-x)/2)) beyond */
static double fd_asin(double x)
{
    static const double one = 1.00000000000000000000e+00, huge = 1.000e+300,
                        pio2_hi = 1.57079632679489655800e+00, pio2_lo = 6.12323399573676603587e-17,
                        pio4_hi = 7.85398163397448278999e-01, pS0 = 1.66666666666666657415e-01,
                        pS1 = -3.25565818622400915405e-01, pS2 = 2.01212532134862925881e-01,
                        pS3 = -4.00555345006794114027e-02, pS4 = 7.91534994289814532176e-04,
                        pS5 = 3.47933107596021167570e-05, qS1 = -2.40339491173441421878e+00,
                        qS2 = 2.02094576023350569471e+00, qS3 = -6.88283971605453293030e-01,
                        qS4 = 7.70381505559019352791e-02;
    double t, w, p, q, c, r, s;
    int32_t hx, ix;

    t = 0;
    GET_HIGH_WORD(hx, x);
    ix = hx & 0x7FFFFFFF;
    if (ix >= 0x3FF00000) {
        uint32_t lx;
        GET_LOW_WORD(lx, x);
        if (((uint32_t)(ix - 0x3FF00000) | lx) == 0)
            return x * pio2_hi + x * pio2_lo;
        return NAN;
    } else if (ix < 0x3FE00000) {
        if (ix < 0x3E400000) {
            if (huge + x > one)
                return x;
        } else {
            t = x * x;
        }
        p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
        q = one + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
        w = p / q;
        return x + x * w;
    }
    w = one - fabs(x);
    t = w * 0.5;
    p = t * (pS0 + t * (pS1 + t * (pS2 + t * (pS3 + t * (pS4 + t * pS5)))));
    q = one + t * (qS1 + t * (qS2 + t * (qS3 + t * qS4)));
    s = sqrt(t);
    if (ix >= 0x3FEF3333) {
        w = p / q;
        t = pio2_hi - (2.0 * (s + s * w) - pio2_lo);
    } else {
        w = s;
        SET_LOW_WORD(w, 0);
        c = (t - w * w) / (s + w);
        r = p / q;
        p = 2.0 * s * r - (pio2_lo - 2.0 * c);
        q = pio4_hi - 2.0 * w;
        t = pio4_hi - (p - q);
    }
    return hx > 0 ? t : -t;
}

/* asinh: sign(x) * log(|x| + sqrt(x*x + 1)) by cases */
static double fd_asinh(double x)
{
    static const double one = 1.00000000000000000000e+00, ln2 = 6.93147180559945286227e-01,
                        huge = 1.00000000000000000000e+300;
    double t, w;
    int32_t hx, ix;
    GET_HIGH_WORD(hx, x);
    ix = hx & 0x7FFFFFFF;
    if (ix >= 0x7FF00000)
        return x + x;
    if (ix < 0x3E300000) {
        if (huge + x > one)
            return x;
    }
    if (ix > 0x41B00000) {
        w = fd_log(fabs(x)) + ln2;
    } else if (ix > 0x40000000) {
        t = fabs(x);
        w = fd_log(2.0 * t + one / (sqrt(x * x + one) + t));
    } else {
        t = x * x;
        w = fd_log1p(fabs(x) + t / (one + sqrt(one + t)));
    }
    return hx > 0 ? w : -w;
}

/* atan: reduced to [0, 7/16] around atan(0.5), atan(1), atan(1.5), atan(inf) */
static double fd_atan(double x)
{
    static const double atanhi[] = {
        4.63647609000806093515e-01, 7.85398163397448278999e-01,
        9.82793723247329054082e-01, 1.57079632679489655800e+00,
    };
    static const double atanlo[] = {
        2.26987774529616870924e-17, 3.06161699786838301793e-17,
        1.39033110312309984516e-17, 6.12323399573676603587e-17,
    };
    static const double aT[] = {
        3.33333333333329318027e-01,  -1.99999999998764832476e-01, 1.42857142725034663711e-01,
        -1.11111104054623557880e-01, 9.09088713343650656196e-02,  -7.69187620504482999495e-02,
        6.66107313738753120669e-02,  -5.83357013379057348645e-02, 4.97687799461593236017e-02,
        -3.65315727442169155270e-02, 1.62858201153657823623e-02,
    };
    static const double one = 1.0, huge = 1.0e300;
    double w, s1, s2, z;
    int32_t ix, hx, id;

    GET_HIGH_WORD(hx, x);
    ix = hx & 0x7FFFFFFF;
    if (ix >= 0x44100000) {
        uint32_t low;
        GET_LOW_WORD(low, x);
        if (ix > 0x7FF00000 || (ix == 0x7FF00000 && (low != 0)))
            return x + x;
        return hx > 0 ? atanhi[3] + atanlo[3] : -atanhi[3] - atanlo[3];
    }
    if (ix < 0x3FDC0000) {
        if (ix < 0x3E400000) {
            if (huge + x > one)
                return x;
        }
        id = -1;
    } else {
        x = fabs(x);
        if (ix < 0x3FF30000) {
            if (ix < 0x3FE60000) {
                id = 0;
                x = (2.0 * x - one) / (2.0 + x);
            } else {
                id = 1;
                x = (x - one) / (x + one);
            }
        } else {
            if (ix < 0x40038000) {
                id = 2;
                x = (x - 1.5) / (one + 1.5 * x);
            } else {
                id = 3;
                x = -1.0 / x;
            }
        }
    }
    z = x * x;
    w = z * z;
    s1 = z * (aT[0] + w * (aT[2] + w * (aT[4] + w * (aT[6] + w * (aT[8] + w * aT[10])))));
    s2 = w * (aT[1] + w * (aT[3] + w * (aT[5] + w * (aT[7] + w * aT[9]))));
    if (id < 0)
        return x - x * (s1 + s2);
    z = atanhi[id] - ((x * (s1 + s2) - atanlo[id]) - x);
    return (hx < 0) ? -z : z;
}

/* atan2: atan(y/x) in the right quadrant, with the special cases of zeros and infinities */
static double fd_atan2(double y, double x)
{
    static const double tiny = 1.0e-300, zero = 0.0, pi_o_4 = 7.8539816339744827900E-01,
                        pi_o_2 = 1.5707963267948965580E+00, pi = 3.1415926535897931160E+00,
                        pi_lo = 1.2246467991473531772E-16;
    double z;
    int32_t k, m, hx, hy, ix, iy;
    uint32_t lx, ly;

    EXTRACT_WORDS(hx, lx, x);
    ix = hx & 0x7FFFFFFF;
    EXTRACT_WORDS(hy, ly, y);
    iy = hy & 0x7FFFFFFF;
    if (((uint32_t)ix | ((lx | (0u - lx)) >> 31)) > 0x7FF00000 ||
        ((uint32_t)iy | ((ly | (0u - ly)) >> 31)) > 0x7FF00000)
        return x + y;
    if ((((uint32_t)hx - 0x3FF00000u) | lx) == 0)
        return fd_atan(y);
    m = ((hy >> 31) & 1) | ((hx >> 30) & 2);
    if (((uint32_t)iy | ly) == 0) {
        switch (m) {
        case 0:
        case 1: return y;
        case 2: return pi + tiny;
        default: return -pi - tiny;
        }
    }
    if (((uint32_t)ix | lx) == 0)
        return (hy < 0) ? -pi_o_2 - tiny : pi_o_2 + tiny;
    if (ix == 0x7FF00000) {
        if (iy == 0x7FF00000) {
            switch (m) {
            case 0: return pi_o_4 + tiny;
            case 1: return -pi_o_4 - tiny;
            case 2: return 3.0 * pi_o_4 + tiny;
            default: return -3.0 * pi_o_4 - tiny;
            }
        } else {
            switch (m) {
            case 0: return zero;
            case 1: return -zero;
            case 2: return pi + tiny;
            default: return -pi - tiny;
            }
        }
    }
    if (iy == 0x7FF00000)
        return (hy < 0) ? -pi_o_2 - tiny : pi_o_2 + tiny;
    k = (iy - ix) >> 20;
    if (k > 60) {
        z = pi_o_2 + 0.5 * pi_lo;
        m &= 1;
    } else if (hx < 0 && k < -60) {
        z = 0.0;
    } else {
        z = fd_atan(fabs(y / x));
    }
    switch (m) {
    case 0: return z;
    case 1: return -z;
    case 2: return pi - (z - pi_lo);
    default: return (z - pi_lo) - pi;
    }
}

/* cbrt: a 5-bit estimate from the exponent, a polynomial to 23 bits, one Newton step */
static double fd_cbrt(double x)
{
    static const uint32_t B1 = 715094163, B2 = 696219795;
    static const double P0 = 1.87595182427177009643, P1 = -1.88497979543377169875,
                        P2 = 1.621429720105354466140, P3 = -0.758397934778766047437,
                        P4 = 0.145996192886612446982;
    int32_t hx;
    uint64_t bits;
    double r, s, t = 0.0, w;
    uint32_t sign, high, low;

    EXTRACT_WORDS(hx, low, x);
    sign = (uint32_t)hx & 0x80000000u;
    hx = (int32_t)((uint32_t)hx ^ sign);
    if (hx >= 0x7FF00000)
        return x + x;
    if (hx < 0x00100000) {
        if (((uint32_t)hx | low) == 0)
            return x;
        SET_HIGH_WORD(t, 0x43500000);
        t *= x;
        GET_HIGH_WORD(high, t);
        INSERT_WORDS(t, sign | ((high & 0x7FFFFFFF) / 3 + B2), 0);
    } else {
        INSERT_WORDS(t, sign | ((uint32_t)hx / 3 + B1), 0);
    }
    r = (t * t) * (t / x);
    t = t * ((P0 + r * (P1 + r * P2)) + ((r * r) * r) * (P3 + r * P4));
    memcpy(&bits, &t, sizeof bits);
    bits = (bits + 0x80000000u) & UINT64_C(0xFFFFFFFFC0000000);
    memcpy(&t, &bits, sizeof t);
    s = t * t;
    r = x / s;
    w = t + t;
    r = (r - t) / (w + r);
    t = t + t * r;
    return t;
}

/* cos: reduced modulo pi/2, then the kernels */
static double fd_cos(double x)
{
    double y[2], z = 0.0;
    int32_t n, ix;
    GET_HIGH_WORD(ix, x);
    ix &= 0x7FFFFFFF;
    if (ix <= 0x3FE921FB)
        return kernel_cos(x, z);
    if (ix >= 0x7FF00000)
        return x - x;
    n = ieee754_rem_pio2(x, y);
    switch (n & 3) {
    case 0: return kernel_cos(y[0], y[1]);
    case 1: return -kernel_sin(y[0], y[1], 1);
    case 2: return -kernel_cos(y[0], y[1]);
    default: return kernel_sin(y[0], y[1], 1);
    }
}

/* exp: x = k*ln2 + r, exp(r) by a rational function, scaled by 2^k */
static double fd_exp(double x)
{
    static const double one = 1.0, halF[2] = {0.5, -0.5}, o_threshold = 7.09782712893383973096e+02,
                        u_threshold = -7.45133219101941108420e+02,
                        ln2HI[2] = {6.93147180369123816490e-01, -6.93147180369123816490e-01},
                        ln2LO[2] = {1.90821492927058770002e-10, -1.90821492927058770002e-10},
                        invln2 = 1.44269504088896338700e+00, P1 = 1.66666666666666019037e-01,
                        P2 = -2.77777777770155933842e-03, P3 = 6.61375632143793436117e-05,
                        P4 = -1.65339022054652515390e-06, P5 = 4.13813679705723846039e-08,
                        E = 2.718281828459045, huge = 1.0e+300,
                        twom1000 = 9.33263618503218878990e-302, two1023 = 8.988465674311579539e307;
    double y, hi = 0.0, lo = 0.0, c, t, twopk;
    int32_t k = 0, xsb;
    uint32_t hx;

    GET_HIGH_WORD(hx, x);
    xsb = (int32_t)((hx >> 31) & 1);
    hx &= 0x7FFFFFFF;
    if (hx >= 0x40862E42) {
        if (hx >= 0x7FF00000) {
            uint32_t lx;
            GET_LOW_WORD(lx, x);
            if (((hx & 0xFFFFF) | lx) != 0)
                return x + x;
            return (xsb == 0) ? x : 0.0;
        }
        if (x > o_threshold)
            return huge * huge;
        if (x < u_threshold)
            return twom1000 * twom1000;
    }
    if (hx > 0x3FD62E42) {
        if (hx < 0x3FF0A2B2) {
            if (x == 1.0)
                return E;
            hi = x - ln2HI[xsb];
            lo = ln2LO[xsb];
            k = 1 - xsb - xsb;
        } else {
            k = (int32_t)(invln2 * x + halF[xsb]);
            t = k;
            hi = x - t * ln2HI[0];
            lo = t * ln2LO[0];
        }
        x = hi - lo;
    } else if (hx < 0x3E300000) {
        if (huge + x > one)
            return one + x;
    } else {
        k = 0;
    }
    t = x * x;
    if (k >= -1021)
        INSERT_WORDS(twopk, 0x3FF00000 + shl20(k), 0);
    else
        INSERT_WORDS(twopk, 0x3FF00000 + shl20(k + 1000), 0);
    c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    if (k == 0)
        return one - ((x * c) / (c - 2.0) - x);
    y = one - ((lo - (x * c) / (2.0 - c)) - hi);
    if (k >= -1021) {
        if (k == 1024)
            return y * 2.0 * two1023;
        return y * twopk;
    }
    return y * twopk * twom1000;
}

/* atanh: 0.5 * log1p(2x + 2x*x/(1-x)) */
static double fd_atanh(double x)
{
    static const double one = 1.0, huge = 1e300, zero = 0.0;
    double t;
    int32_t hx, ix;
    uint32_t lx;
    EXTRACT_WORDS(hx, lx, x);
    ix = hx & 0x7FFFFFFF;
    if (((uint32_t)ix | ((lx | (0u - lx)) >> 31)) > 0x3FF00000)
        return NAN;
    if (ix == 0x3FF00000)
        return x > 0 ? INFINITY : -INFINITY;
    if (ix < 0x3E300000 && (huge + x) > zero)
        return x;
    SET_HIGH_WORD(x, ix);
    if (ix < 0x3FE00000) {
        t = x + x;
        t = 0.5 * fd_log1p(t + t * x / (one - x));
    } else {
        t = 0.5 * fd_log1p((x + x) / (one - x));
    }
    return hx >= 0 ? t : -t;
}

/* log: x = 2^k * (1+f), log(1+f) by a polynomial in s = f/(2+f) */
static double fd_log(double x)
{
    static const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10,
                        two54 = 1.80143985094819840000e+16, Lg1 = 6.666666666666735130e-01,
                        Lg2 = 3.999999999940941908e-01, Lg3 = 2.857142874366239149e-01,
                        Lg4 = 2.222219843214978396e-01, Lg5 = 1.818357216161805012e-01,
                        Lg6 = 1.531383769920937332e-01, Lg7 = 1.479819860511658591e-01;
    static const double zero = 0.0;
    double hfsq, f, s, z, R, w, t1, t2, dk;
    int32_t k, hx, i, j;
    uint32_t lx;

    EXTRACT_WORDS(hx, lx, x);
    k = 0;
    if (hx < 0x00100000) {
        if ((((uint32_t)hx & 0x7FFFFFFF) | lx) == 0)
            return -INFINITY;
        if (hx < 0)
            return NAN;
        k -= 54;
        x *= two54;
        GET_HIGH_WORD(hx, x);
    }
    if (hx >= 0x7FF00000)
        return x + x;
    k += (hx >> 20) - 1023;
    hx &= 0x000FFFFF;
    i = (hx + 0x95F64) & 0x100000;
    SET_HIGH_WORD(x, hx | (i ^ 0x3FF00000));
    k += (i >> 20);
    f = x - 1.0;
    if ((0x000FFFFF & (2 + hx)) < 3) {
        if (f == zero) {
            if (k == 0)
                return zero;
            dk = (double)k;
            return dk * ln2_hi + dk * ln2_lo;
        }
        R = f * f * (0.5 - 0.33333333333333333 * f);
        if (k == 0)
            return f - R;
        dk = (double)k;
        return dk * ln2_hi - ((R - dk * ln2_lo) - f);
    }
    s = f / (2.0 + f);
    dk = (double)k;
    z = s * s;
    i = hx - 0x6147A;
    w = z * z;
    j = 0x6B851 - hx;
    t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    i |= j;
    R = t2 + t1;
    if (i > 0) {
        hfsq = 0.5 * f * f;
        if (k == 0)
            return f - (hfsq - s * (hfsq + R));
        return dk * ln2_hi - ((hfsq - (s * (hfsq + R) + dk * ln2_lo)) - f);
    }
    if (k == 0)
        return f - s * (f - R);
    return dk * ln2_hi - ((s * (f - R) - dk * ln2_lo) - f);
}

/* log1p: as log, with a correction term for the rounding of 1+x */
static double fd_log1p(double x)
{
    static const double ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10,
                        two54 = 1.80143985094819840000e+16, Lp1 = 6.666666666666735130e-01,
                        Lp2 = 3.999999999940941908e-01, Lp3 = 2.857142874366239149e-01,
                        Lp4 = 2.222219843214978396e-01, Lp5 = 1.818357216161805012e-01,
                        Lp6 = 1.531383769920937332e-01, Lp7 = 1.479819860511658591e-01;
    static const double zero = 0.0;
    double hfsq, f = 0, c = 0, s, z, R, u;
    int32_t k, hx, hu = 0, ax;

    GET_HIGH_WORD(hx, x);
    ax = hx & 0x7FFFFFFF;
    k = 1;
    if (hx < 0x3FDA827A) {
        if (ax >= 0x3FF00000) {
            if (x == -1.0)
                return -INFINITY;
            return NAN;
        }
        if (ax < 0x3E200000) {
            if (two54 + x > zero && ax < 0x3C900000)
                return x;
            return x - x * x * 0.5;
        }
        if (hx > 0 || hx <= (int32_t)0xBFD2BEC4) {
            k = 0;
            f = x;
            hu = 1;
        }
    }
    if (hx >= 0x7FF00000)
        return x + x;
    if (k != 0) {
        if (hx < 0x43400000) {
            u = 1.0 + x;
            GET_HIGH_WORD(hu, u);
            k = (hu >> 20) - 1023;
            c = (k > 0) ? 1.0 - (u - x) : x - (u - 1.0);
            c /= u;
        } else {
            u = x;
            GET_HIGH_WORD(hu, u);
            k = (hu >> 20) - 1023;
            c = 0;
        }
        hu &= 0x000FFFFF;
        if (hu < 0x6A09E) {
            SET_HIGH_WORD(u, hu | 0x3FF00000);
        } else {
            k += 1;
            SET_HIGH_WORD(u, hu | 0x3FE00000);
            hu = (0x00100000 - hu) >> 2;
        }
        f = u - 1.0;
    }
    hfsq = 0.5 * f * f;
    if (hu == 0) {
        if (f == zero) {
            if (k == 0)
                return zero;
            c += k * ln2_lo;
            return k * ln2_hi + c;
        }
        R = hfsq * (1.0 - 0.66666666666666666 * f);
        if (k == 0)
            return f - R;
        return k * ln2_hi - ((R - (k * ln2_lo + c)) - f);
    }
    s = f / (2.0 + f);
    z = s * s;
    R = z * (Lp1 + z * (Lp2 + z * (Lp3 + z * (Lp4 + z * (Lp5 + z * (Lp6 + z * Lp7))))));
    if (k == 0)
        return f - (hfsq - s * (hfsq + R));
    return k * ln2_hi - ((hfsq - (s * (hfsq + R) + (k * ln2_lo + c))) - f);
}

/* k_log1p: log(1+f) - f for 1+f in [sqrt(2)/2, sqrt(2)] (log2's kernel) */
static inline double k_log1p(double f)
{
    static const double Lg1 = 6.666666666666735130e-01, Lg2 = 3.999999999940941908e-01,
                        Lg3 = 2.857142874366239149e-01, Lg4 = 2.222219843214978396e-01,
                        Lg5 = 1.818357216161805012e-01, Lg6 = 1.531383769920937332e-01,
                        Lg7 = 1.479819860511658591e-01;
    double hfsq, s, z, R, w, t1, t2;
    s = f / (2.0 + f);
    z = s * s;
    w = z * z;
    t1 = w * (Lg2 + w * (Lg4 + w * Lg6));
    t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)));
    R = t2 + t1;
    hfsq = 0.5 * f * f;
    return s * (hfsq + R);
}

/* log2: (f - f*f/2 + k_log1p(f)) / ln2 + k in extra precision */
static double fd_log2(double x)
{
    static const double two54 = 1.80143985094819840000e+16, ivln2hi = 1.44269504072144627571e+00,
                        ivln2lo = 1.67517131648865118353e-10;
    double f, hfsq, hi, lo, r, val_hi, val_lo, w, y;
    int32_t i, k, hx;
    uint32_t lx;

    EXTRACT_WORDS(hx, lx, x);
    k = 0;
    if (hx < 0x00100000) {
        if ((((uint32_t)hx & 0x7FFFFFFF) | lx) == 0)
            return -INFINITY;
        if (hx < 0)
            return NAN;
        k -= 54;
        x *= two54;
        GET_HIGH_WORD(hx, x);
    }
    if (hx >= 0x7FF00000)
        return x + x;
    if (hx == 0x3FF00000 && lx == 0)
        return 0.0;
    k += (hx >> 20) - 1023;
    hx &= 0x000FFFFF;
    i = (hx + 0x95F64) & 0x100000;
    SET_HIGH_WORD(x, hx | (i ^ 0x3FF00000));
    k += (i >> 20);
    y = (double)k;
    f = x - 1.0;
    hfsq = 0.5 * f * f;
    r = k_log1p(f);
    hi = f - hfsq;
    SET_LOW_WORD(hi, 0);
    lo = (f - hi) - hfsq + r;
    val_hi = hi * ivln2hi;
    val_lo = (lo + hi) * ivln2lo + lo * ivln2hi;
    w = y + val_hi;
    val_lo += (y - w) + val_hi;
    val_hi = w;
    return val_lo + val_hi;
}

/* log10: n*log10(2) + log(x/2^n)/ln(10) */
static double fd_log10(double x)
{
    static const double two54 = 1.80143985094819840000e+16, ivln10 = 4.34294481903251816668e-01,
                        log10_2hi = 3.01029995663611771306e-01,
                        log10_2lo = 3.69423907715893078616e-13;
    double y;
    int32_t i, k, hx;
    uint32_t lx;

    EXTRACT_WORDS(hx, lx, x);
    k = 0;
    if (hx < 0x00100000) {
        if ((((uint32_t)hx & 0x7FFFFFFF) | lx) == 0)
            return -INFINITY;
        if (hx < 0)
            return NAN;
        k -= 54;
        x *= two54;
        GET_HIGH_WORD(hx, x);
        GET_LOW_WORD(lx, x);
    }
    if (hx >= 0x7FF00000)
        return x + x;
    if (hx == 0x3FF00000 && lx == 0)
        return 0.0;
    k += (hx >> 20) - 1023;
    i = (int32_t)(((uint32_t)k & 0x80000000u) >> 31);
    hx = (hx & 0x000FFFFF) | ((0x3FF - i) << 20);
    y = k + i;
    SET_HIGH_WORD(x, hx);
    SET_LOW_WORD(x, lx);
    double z = y * log10_2lo + ivln10 * fd_log(x);
    return z + y * log10_2hi;
}

/* expm1: exp(x) - 1 without the cancellation: reduced as exp, a rational function of r */
static double fd_expm1(double x)
{
    static const double one = 1.0, tiny = 1.0e-300, o_threshold = 7.09782712893383973096e+02,
                        ln2_hi = 6.93147180369123816490e-01, ln2_lo = 1.90821492927058770002e-10,
                        invln2 = 1.44269504088896338700e+00, Q1 = -3.33333333333331316428e-02,
                        Q2 = 1.58730158725481460165e-03, Q3 = -7.93650757867487942473e-05,
                        Q4 = 4.00821782732936239552e-06, Q5 = -2.01099218183624371326e-07,
                        huge = 1.0e+300;
    double y, hi, lo, c = 0, t, e, hxs, hfx, r1, twopk;
    int32_t k;
    uint32_t hx, xsb;

    GET_HIGH_WORD(hx, x);
    xsb = hx & 0x80000000u;
    hx &= 0x7FFFFFFF;
    if (hx >= 0x4043687A) {
        if (hx >= 0x40862E42) {
            if (hx >= 0x7FF00000) {
                uint32_t low;
                GET_LOW_WORD(low, x);
                if (((hx & 0xFFFFF) | low) != 0)
                    return x + x;
                return (xsb == 0) ? x : -1.0;
            }
            if (x > o_threshold)
                return huge * huge;
        }
        if (xsb != 0) {
            if (x + tiny < 0.0)
                return tiny - one;
        }
    }
    if (hx > 0x3FD62E42) {
        if (hx < 0x3FF0A2B2) {
            if (xsb == 0) {
                hi = x - ln2_hi;
                lo = ln2_lo;
                k = 1;
            } else {
                hi = x + ln2_hi;
                lo = -ln2_lo;
                k = -1;
            }
        } else {
            k = (int32_t)(invln2 * x + ((xsb == 0) ? 0.5 : -0.5));
            t = k;
            hi = x - t * ln2_hi;
            lo = t * ln2_lo;
        }
        x = hi - lo;
        c = (hi - x) - lo;
    } else if (hx < 0x3C900000) {
        t = huge + x;
        return x - (t - (huge + x));
    } else {
        k = 0;
    }
    hfx = 0.5 * x;
    hxs = x * hfx;
    r1 = one + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
    t = 3.0 - r1 * hfx;
    e = hxs * ((r1 - t) / (6.0 - x * t));
    if (k == 0)
        return x - (x * e - hxs);
    INSERT_WORDS(twopk, 0x3FF00000 + shl20(k), 0);
    e = (x * (e - c) - c);
    e -= hxs;
    if (k == -1)
        return 0.5 * (x - e) - 0.5;
    if (k == 1) {
        if (x < -0.25)
            return -2.0 * (e - (x + 0.5));
        return one + 2.0 * (x - e);
    }
    if (k <= -2 || k > 56) {
        y = one - (e - x);
        if (k == 1024)
            y = y * 2.0 * 8.98846567431158e+307;
        else
            y = y * twopk;
        return y - one;
    }
    t = one;
    if (k < 20) {
        SET_HIGH_WORD(t, 0x3FF00000 - (0x200000 >> k));
        y = t - (e - x);
        y = y * twopk;
    } else {
        SET_HIGH_WORD(t, ((0x3FF - k) << 20));
        y = x - (e + t);
        y += one;
        y = y * twopk;
    }
    return y;
}

/* sin: reduced modulo pi/2, then the kernels */
static double fd_sin(double x)
{
    double y[2], z = 0.0;
    int32_t n, ix;
    GET_HIGH_WORD(ix, x);
    ix &= 0x7FFFFFFF;
    if (ix <= 0x3FE921FB)
        return kernel_sin(x, z, 0);
    if (ix >= 0x7FF00000)
        return x - x;
    n = ieee754_rem_pio2(x, y);
    switch (n & 3) {
    case 0: return kernel_sin(y[0], y[1], 1);
    case 1: return kernel_cos(y[0], y[1]);
    case 2: return -kernel_sin(y[0], y[1], 1);
    default: return -kernel_cos(y[0], y[1]);
    }
}

/* tan: reduced modulo pi/2, then the kernel */
static double fd_tan(double x)
{
    double y[2], z = 0.0;
    int32_t n, ix;
    GET_HIGH_WORD(ix, x);
    ix &= 0x7FFFFFFF;
    if (ix <= 0x3FE921FB)
        return kernel_tan(x, z, 1);
    if (ix >= 0x7FF00000)
        return x - x;
    n = ieee754_rem_pio2(x, y);
    return kernel_tan(y[0], y[1], 1 - ((n & 1) << 1));
}

/* cosh: from expm1 near 0, from exp beyond */
static double fd_cosh(double x)
{
    static const double KCOSH_OVERFLOW = 710.4758600739439, one = 1.0, half = 0.5, huge = 1.0e+300;
    int32_t ix;
    GET_HIGH_WORD(ix, x);
    ix &= 0x7FFFFFFF;
    if (ix < 0x3FD62E43) {
        double t = fd_expm1(fabs(x));
        double w = one + t;
        if (ix < 0x3C800000)
            return w;
        return one + (t * t) / (w + w);
    }
    if (ix < 0x40360000) {
        double t = fd_exp(fabs(x));
        return half * t + half / t;
    }
    if (ix < 0x40862E42)
        return half * fd_exp(fabs(x));
    if (fabs(x) <= KCOSH_OVERFLOW) {
        double w = fd_exp(half * fabs(x));
        double t = half * w;
        return t * w;
    }
    if (ix >= 0x7FF00000)
        return x * x;
    return huge * huge;
}

/* sinh: from expm1 below 22, from exp beyond */
static double fd_sinh(double x)
{
    static const double KSINH_OVERFLOW = 710.4758600739439, TWO_M28 = 3.725290298461914e-9,
                        LOG_MAXD = 709.7822265625, shuge = 1.0e307;
    double h = (x < 0) ? -0.5 : 0.5;
    double ax = fabs(x);
    if (ax < 22) {
        if (ax < TWO_M28)
            return x;
        double t = fd_expm1(ax);
        if (ax < 1)
            return h * (2 * t - t * t / (t + 1));
        return h * (t + t / (t + 1));
    }
    if (ax < LOG_MAXD)
        return h * fd_exp(ax);
    if (ax <= KSINH_OVERFLOW) {
        double w = fd_exp(0.5 * ax);
        double t = h * w;
        return t * w;
    }
    return x * shuge;
}

/* tanh: from expm1(2|x|) */
static double fd_tanh(double x)
{
    static const double tiny = 1.0e-300, one = 1.0, two = 2.0, huge = 1.0e300;
    double t, z;
    int32_t jx, ix;
    GET_HIGH_WORD(jx, x);
    ix = jx & 0x7FFFFFFF;
    if (ix >= 0x7FF00000) {
        if (jx >= 0)
            return one / x + one;
        return one / x - one;
    }
    if (ix < 0x40360000) {
        if (ix < 0x3E300000) {
            if (huge + x > one)
                return x;
        }
        if (ix >= 0x3FF00000) {
            t = fd_expm1(two * fabs(x));
            z = one - two / (t + two);
        } else {
            t = fd_expm1(-two * fabs(x));
            z = -t / (t + two);
        }
    } else {
        z = one - tiny;
    }
    return (jx >= 0) ? z : -z;
}

/* pow (V8's ieee754::legacy::pow, fdlibm's e_pow.c): log2(x) in two pieces, y*log2(x) =
 * n + y', x**y = 2**n * exp(y'*ln2) */
static double fd_pow(double x, double y)
{
    static const double bp[] = {1.0, 1.5}, dp_h[] = {0.0, 5.84962487220764160156e-01},
                        dp_l[] = {0.0, 1.35003920212974897128e-08}, zero = 0.0, one = 1.0,
                        two = 2.0, two53 = 9007199254740992.0, huge = 1.0e300, tiny = 1.0e-300,
                        L1 = 5.99999999999994648725e-01, L2 = 4.28571428578550184252e-01,
                        L3 = 3.33333329818377432918e-01, L4 = 2.72728123808534006489e-01,
                        L5 = 2.30660745775561754067e-01, L6 = 2.06975017800338417784e-01,
                        P1 = 1.66666666666666019037e-01, P2 = -2.77777777770155933842e-03,
                        P3 = 6.61375632143793436117e-05, P4 = -1.65339022054652515390e-06,
                        P5 = 4.13813679705723846039e-08, lg2 = 6.93147180559945286227e-01,
                        lg2_h = 6.93147182464599609375e-01, lg2_l = -1.90465429995776804525e-09,
                        ovt = 8.0085662595372944372e-0017, cp = 9.61796693925975554329e-01,
                        cp_h = 9.61796700954437255859e-01, cp_l = -7.02846165095275826516e-09,
                        ivln2 = 1.44269504088896338700e+00, ivln2_h = 1.44269502162933349609e+00,
                        ivln2_l = 1.92596299112661746887e-08;
    double z, ax, z_h, z_l, p_h, p_l;
    double y1, t1, t2, r, s, t, u, v, w;
    int32_t i, j, k, yisint, n;
    int32_t hx, hy, ix, iy;
    uint32_t lx, ly;

    EXTRACT_WORDS(hx, lx, x);
    EXTRACT_WORDS(hy, ly, y);
    ix = hx & 0x7fffffff;
    iy = hy & 0x7fffffff;
    if (((uint32_t)iy | ly) == 0)
        return one;
    if (ix > 0x7ff00000 || ((ix == 0x7ff00000) && (lx != 0)) || iy > 0x7ff00000 ||
        ((iy == 0x7ff00000) && (ly != 0)))
        return x + y;
    yisint = 0;
    if (hx < 0) {
        if (iy >= 0x43400000) {
            yisint = 2;
        } else if (iy >= 0x3ff00000) {
            k = (iy >> 20) - 0x3ff;
            if (k > 20) {
                uint32_t uj = ly >> (52 - k);
                if ((uj << (52 - k)) == ly)
                    yisint = 2 - (int32_t)(uj & 1);
            } else if (ly == 0) {
                j = iy >> (20 - k);
                if ((j << (20 - k)) == iy)
                    yisint = 2 - (j & 1);
            }
        }
    }
    if (ly == 0) {
        if (iy == 0x7ff00000) {
            if (((uint32_t)(ix - 0x3ff00000) | lx) == 0)
                return y - y;
            else if (ix >= 0x3ff00000)
                return (hy >= 0) ? y : zero;
            else
                return (hy < 0) ? -y : zero;
        }
        if (iy == 0x3ff00000)
            return hy < 0 ? one / x : x;
        if (hy == 0x40000000)
            return x * x;
        if (hy == 0x3fe00000) {
            if (hx >= 0)
                return sqrt(x);
        }
    }
    ax = fabs(x);
    if (lx == 0) {
        if (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000) {
            z = ax;
            if (hy < 0)
                z = one / z;
            if (hx < 0) {
                if (((ix - 0x3ff00000) | yisint) == 0)
                    z = NAN;
                else if (yisint == 1)
                    z = -z;
            }
            return z;
        }
    }
    n = (hx >> 31) + 1;
    if ((n | yisint) == 0)
        return NAN;
    s = one;
    if ((n | (yisint - 1)) == 0)
        s = -one;
    if (iy > 0x41e00000) {
        if (iy > 0x43f00000) {
            if (ix <= 0x3fefffff)
                return (hy < 0) ? huge * huge : tiny * tiny;
            if (ix >= 0x3ff00000)
                return (hy > 0) ? huge * huge : tiny * tiny;
        }
        if (ix < 0x3fefffff)
            return (hy < 0) ? s * huge * huge : s * tiny * tiny;
        if (ix > 0x3ff00000)
            return (hy > 0) ? s * huge * huge : s * tiny * tiny;
        t = ax - one;
        w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
        u = ivln2_h * t;
        v = t * ivln2_l - w * ivln2;
        t1 = u + v;
        SET_LOW_WORD(t1, 0);
        t2 = v - (t1 - u);
    } else {
        double ss, s2, s_h, s_l, t_h, t_l;
        n = 0;
        if (ix < 0x00100000) {
            ax *= two53;
            n -= 53;
            GET_HIGH_WORD(ix, ax);
        }
        n += ((ix) >> 20) - 0x3ff;
        j = ix & 0x000fffff;
        ix = j | 0x3ff00000;
        if (j <= 0x3988E) {
            k = 0;
        } else if (j < 0xBB67A) {
            k = 1;
        } else {
            k = 0;
            n += 1;
            ix -= 0x00100000;
        }
        SET_HIGH_WORD(ax, ix);
        u = ax - bp[k];
        v = one / (ax + bp[k]);
        ss = u * v;
        s_h = ss;
        SET_LOW_WORD(s_h, 0);
        t_h = zero;
        SET_HIGH_WORD(t_h, ((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18));
        t_l = ax - (t_h - bp[k]);
        s_l = v * ((u - s_h * t_h) - s_h * t_l);
        s2 = ss * ss;
        r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
        r += s_l * (s_h + ss);
        s2 = s_h * s_h;
        t_h = 3.0 + s2 + r;
        SET_LOW_WORD(t_h, 0);
        t_l = r - ((t_h - 3.0) - s2);
        u = s_h * t_h;
        v = s_l * t_h + t_l * ss;
        p_h = u + v;
        SET_LOW_WORD(p_h, 0);
        p_l = v - (p_h - u);
        z_h = cp_h * p_h;
        z_l = cp_l * p_h + p_l * cp + dp_l[k];
        t = (double)n;
        t1 = (((z_h + z_l) + dp_h[k]) + t);
        SET_LOW_WORD(t1, 0);
        t2 = z_l - (((t1 - t) - dp_h[k]) - z_h);
    }
    y1 = y;
    SET_LOW_WORD(y1, 0);
    p_l = (y - y1) * t1 + y * t2;
    p_h = y1 * t1;
    z = p_l + p_h;
    uint32_t ui;
    EXTRACT_WORDS(j, ui, z);
    if (j >= 0x40900000) {
        if (((uint32_t)(j - 0x40900000) | ui) != 0)
            return s * huge * huge;
        if (p_l + ovt > z - p_h)
            return s * huge * huge;
    } else if ((j & 0x7fffffff) >= 0x4090cc00) {
        if ((((uint32_t)j - 0xc090cc00u) | ui) != 0)
            return s * tiny * tiny;
        if (p_l <= z - p_h)
            return s * tiny * tiny;
    }
    i = j & 0x7fffffff;
    k = (i >> 20) - 0x3ff;
    n = 0;
    if (i > 0x3fe00000) {
        n = j + (0x00100000 >> (k + 1));
        k = ((n & 0x7fffffff) >> 20) - 0x3ff;
        t = zero;
        SET_HIGH_WORD(t, n & ~(0x000fffff >> k));
        n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
        if (j < 0)
            n = -n;
        p_h -= t;
    }
    t = p_l + p_h;
    SET_LOW_WORD(t, 0);
    u = t * lg2_h;
    v = (p_l - (t - p_h)) * lg2 + t * lg2_l;
    z = u + v;
    w = v - (z - u);
    t = z * z;
    t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
    r = (z * t1) / ((t1 - two) - (w + z * w));
    z = one - (r - z);
    GET_HIGH_WORD(j, z);
    j += shl20(n);
    if ((j >> 20) <= 0) {
        z = scalbn(z, n);
    } else {
        int32_t tmp;
        GET_HIGH_WORD(tmp, z);
        SET_HIGH_WORD(z, tmp + shl20(n));
    }
    return s * z;
}
