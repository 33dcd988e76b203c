/* numconv.c - ECMAScript's number <-> string conversions, digit for digit as V8 (Node 20).
 *
 * Numbers to strings.  Every decimal conversion starts from one exact object: the complete
 * decimal expansion of the double (struct decimal: significant digits and the position of
 * the point).  A finite double is m * 2^e with m < 2^53, so its expansion is finite: m * 2^e
 * for e >= 0, or m * 5^-e digits shifted -e places for e < 0, at most 767 significant
 * digits.  A small bignum in base 10^9 (struct big) computes it; at most 83 multiplications
 * by a single limb, so there is no need for anything faster.  From the exact expansion:
 *
 *   - toFixed, toExponential, toPrecision round it at the requested digit, a tie going away
 *     from zero ("let n be an integer for which n / 10^f - x is as close to zero as
 *     possible; if there are two such n, pick the larger n", ECMA-262 21.1.3.3 and its
 *     siblings).  That is what V8's DoubleToAscii gives in its DTOA_FIXED and DTOA_PRECISION
 *     modes (fixed-dtoa / fast-dtoa counted, falling back to bignum-dtoa, all exact), so
 *     (1.005).toFixed(2) is "1.00" (the double is 1.00499999999999989...) and (2.5)
 *     .toFixed(0) is "3".  The layout follows V8's DoubleToFixedCString,
 *     DoubleToExponentialCString and DoubleToPrecisionCString (src/numbers/conversions.cc).
 *
 *   - toString wants the shortest digit string that reads back as the same double and, of
 *     those, the closest to it (ECMA-262 6.1.6.1.20, with the choice its note recommends;
 *     V8's DTOA_SHORTEST: Grisu3 falling back to bignum-dtoa).  For each length p = 1..17
 *     the candidates are the expansion rounded to p digits (ties to even, as bignum-dtoa)
 *     and, if that one does not read back, its two neighbours at that length: the p-digit
 *     numbers inside the double's rounding interval are consecutive and the interval
 *     contains x, so if there is any, the nearest one on one side of x is.  "Reads back" is
 *     decided by strtod on the candidate written as "DIGITSe-N": correctly rounded, ties to
 *     even, which is exactly the interval V8 uses (boundaries included when the significand
 *     is even), and with no decimal point, so the locale cannot matter.  The layout is V8's
 *     DoubleToCString (ECMA-262 6.1.6.1.20 steps 5-12).
 *
 *   - toString(radix) is not decimal and not exact in V8: DoubleToRadixCString computes the
 *     fraction digits in double arithmetic until they are below half an ulp of x (with its
 *     own round-half-even carry), and the integer digits by repeated fmod/divide, writing
 *     '0' for the positions below 2^53.  js_number_to_radix_string repeats it step for step,
 *     since the digits are its artefacts (e.g. (0.1).toString(3)).
 *
 * Strings to numbers.  The syntax is checked here, character by character (ECMA-262
 * 7.1.4.1 StringNumericLiteral for ToNumber, 19.2.4 parseFloat's StrDecimalLiteral prefix,
 * 19.2.5 parseInt), following V8's InternalStringToDouble and NumberParseIntHelper
 * (conversions.cc) where they decide: trimming is V8's IsWhiteSpaceOrLineTerminator.  Then:
 *
 *   - a decimal literal becomes "DIGITSeN" (leading zeros dropped, the point folded into the
 *     exponent, beyond 780 significant digits a sticky 1 in place of the rest: every
 *     rounding boundary between doubles has at most 768) and goes to strtod, which glibc
 *     rounds correctly; out-of-range exponents become 0 or Infinity before it;
 *   - 0x/0o/0b literals, and parseInt in radix 2, 4, 8, 16, 32, are rounded exactly here
 *     (53 bits kept, round half to even on the rest, as V8's InternalStringToIntDouble);
 *   - parseInt in radix 10 rounds the digit string (strtod), and in any other radix
 *     accumulates 32-bit chunks into a double exactly as V8's HandleGenericCase (the
 *     specification allows an approximation there, and this is V8's).
 *
 * No function keeps state; all scratch space is on the stack (the largest, the radix
 * buffer, 2200 bytes).
 */
#include "numconv.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------
 * Output: every result is built in a local buffer, then copied out snprintf-style.
 */

static size_t emit(const char *s, size_t n, char *buf, size_t size)
{
    if (size > 0) {
        size_t k = n < size - 1 ? n : size - 1;
        memcpy(buf, s, k);
        buf[k] = '\0';
    }
    return n;
}

/* Appends the decimal digits of v at p; returns the new end. */
static char *put_uint(char *p, uint64_t v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n)
        *p++ = tmp[--n];
    return p;
}

static char *put_repeat(char *p, char c, int n)
{
    for (; n > 0; n--)
        *p++ = c;
    return p;
}

static uint64_t double_bits(double x)
{
    uint64_t u;
    memcpy(&u, &x, sizeof u);
    return u;
}

/* ------------------------------------------------------------------------------------------
 * The exact decimal expansion of a double.
 */

#define BIG_BASE 1000000000u
#define BIG_LIMBS 90   /* 2^53 * 5^1074 < 10^767 < 10^(9*90); 2^1024 < 10^309 */
#define DEC_MAX 800    /* significant digits: at most 767 */

typedef struct {
    uint32_t limb[BIG_LIMBS]; /* base 10^9, least significant first */
    int n;
} big;

static void big_mul_small(big *b, uint32_t k)
{
    uint64_t carry = 0;
    for (int i = 0; i < b->n; i++) {
        uint64_t t = (uint64_t)b->limb[i] * k + carry;
        b->limb[i] = (uint32_t)(t % BIG_BASE);
        carry = t / BIG_BASE;
    }
    while (carry) {
        b->limb[b->n++] = (uint32_t)(carry % BIG_BASE);
        carry /= BIG_BASE;
    }
}

/* value = 0.d[0]d[1]...d[n-1] * 10^point; d has no leading or trailing '0'; n == 0 is 0. */
typedef struct {
    char d[DEC_MAX];
    int n;
    int point;
} decimal;

/* The exact expansion of a finite x != 0 (the sign is ignored). */
static void exact_decimal(double x, decimal *out)
{
    uint64_t bits = double_bits(x);
    int biased = (int)((bits >> 52) & 0x7ff);
    uint64_t m = bits & ((UINT64_C(1) << 52) - 1);
    int e;
    if (biased == 0) {
        e = -1074;
    } else {
        m |= UINT64_C(1) << 52;
        e = biased - 1075;
    }
    while (!(m & 1) && e < 0) {
        m >>= 1;
        e++;
    }

    big b;
    b.n = 0;
    while (m) {
        b.limb[b.n++] = (uint32_t)(m % BIG_BASE);
        m /= BIG_BASE;
    }
    if (e > 0) {
        for (int left = e; left > 0; left -= 29)
            big_mul_small(&b, UINT32_C(1) << (left < 29 ? left : 29));
    } else {
        for (int left = -e; left > 0; left -= 13) {
            uint32_t k = 1;
            for (int i = 0; i < (left < 13 ? left : 13); i++)
                k *= 5;
            big_mul_small(&b, k);
        }
    }

    /* Digits, most significant limb first (without its leading zeros). */
    char tmp[16];
    int n = 0, t = 0;
    uint32_t top = b.limb[b.n - 1];
    do {
        tmp[t++] = (char)('0' + top % 10);
        top /= 10;
    } while (top);
    while (t)
        out->d[n++] = tmp[--t];
    for (int i = b.n - 2; i >= 0; i--) {
        uint32_t v = b.limb[i];
        for (int k = 8; k >= 0; k--) {
            out->d[n + k] = (char)('0' + v % 10);
            v /= 10;
        }
        n += 9;
    }
    out->point = n + (e < 0 ? e : 0);
    while (n > 0 && out->d[n - 1] == '0')
        n--;
    out->n = n;
}

/* Rounds d to its first `keep` significant digits (keep may be <= 0: then the result is 0 or
 * one unit at the position of digit `keep`).  A tie goes up, or to even if half_even. */
static void decimal_round(decimal *d, int keep, bool half_even)
{
    if (keep >= d->n)
        return;
    if (keep < 0) {
        d->n = 0;
        return;
    }
    bool up;
    char c = d->d[keep];
    if (c != '5')
        up = c > '5';
    else if (d->n > keep + 1) /* something non-zero after the 5 */
        up = true;
    else if (!half_even)
        up = true;
    else
        up = keep > 0 && ((d->d[keep - 1] - '0') & 1);
    d->n = keep;
    if (up) {
        int i = keep - 1;
        while (i >= 0 && d->d[i] == '9')
            i--;
        if (i < 0) { /* 999 -> 1000, or keep == 0 */
            d->d[0] = '1';
            d->n = 1;
            d->point++;
            return;
        }
        d->d[i]++;
        d->n = i + 1;
    }
    while (d->n > 0 && d->d[d->n - 1] == '0')
        d->n--;
}

/* Whether the p digits at s, times 10^(point - p), read back as x (> 0). */
static bool reads_back(const char *s, int p, int point, double x)
{
    char buf[48];
    memcpy(buf, s, (size_t)p);
    char *q = buf + p;
    *q++ = 'e';
    int exp = point - p;
    if (exp < 0) {
        *q++ = '-';
        exp = -exp;
    }
    q = put_uint(q, (uint64_t)exp);
    *q = '\0';
    return strtod(buf, NULL) == x;
}

/* The shortest digits that read back as x (finite, > 0), closest to x. */
static void shortest_decimal(double x, decimal *out)
{
    decimal exact;
    exact_decimal(x, &exact);
    for (int p = 1; p <= 17; p++) {
        *out = exact;
        decimal_round(out, p, true);
        char c[24];
        memset(c, '0', sizeof c);
        memcpy(c, out->d, (size_t)out->n);
        if (reads_back(c, p, out->point, x))
            return;
        /* The neighbours at this length: one more and one less in the last digit. */
        char up[24], down[24];
        memcpy(up, c, sizeof c);
        memcpy(down, c, sizeof c);
        int up_point = out->point, down_point = out->point;
        int i = p - 1;
        while (i >= 0 && up[i] == '9')
            up[i--] = '0';
        if (i < 0) { /* 99..9 + 1 = 100..0 */
            up[0] = '1';
            up_point++;
        } else {
            up[i]++;
        }
        i = p - 1;
        while (i >= 0 && down[i] == '0')
            down[i--] = '9';
        down[i]--; /* c != 0, so i >= 0 */
        if (down[0] == '0') { /* 100..0 - 1 = 99..9, one place lower */
            memset(down, '9', (size_t)p);
            down_point--;
        }
        const char *hit = NULL;
        int hit_point = 0;
        if (reads_back(up, p, up_point, x)) {
            hit = up;
            hit_point = up_point;
        } else if (reads_back(down, p, down_point, x)) {
            hit = down;
            hit_point = down_point;
        }
        if (hit) {
            int n = p;
            while (n > 0 && hit[n - 1] == '0')
                n--;
            memcpy(out->d, hit, (size_t)n);
            out->n = n;
            out->point = hit_point;
            return;
        }
    }
    /* Unreachable: 17 digits always read back. */
    exact_decimal(x, out);
    decimal_round(out, 17, true);
}

/* The digit at index i of d (0 is the first significant one; outside: '0'). */
static char digit_at(const decimal *d, int i)
{
    return i >= 0 && i < d->n ? d->d[i] : '0';
}

/* ------------------------------------------------------------------------------------------
 * Number::toString (ECMA-262 6.1.6.1.20; V8 DoubleToCString).
 */

/* The string of a non-finite x or a zero; NULL for the others. */
static const char *special_string(double x)
{
    if (isnan(x))
        return "NaN";
    if (isinf(x))
        return x < 0 ? "-Infinity" : "Infinity";
    if (x == 0)
        return "0";
    return NULL;
}

/* x as Number::toString writes it, into p (JS_NUMBER_STRING_MAX); returns the end. */
static char *to_string(double x, char *p)
{
    const char *sp = special_string(x);
    if (sp) {
        size_t n = strlen(sp);
        memcpy(p, sp, n);
        return p + n;
    }
    if (x < 0) {
        *p++ = '-';
        x = -x;
    }
    if (x < 9007199254740992.0 && x == floor(x)) /* an integer below 2^53: its own digits */
        return put_uint(p, (uint64_t)x);
    decimal d;
    shortest_decimal(x, &d);
    int k = d.n, n = d.point;
    if (k <= n && n <= 21) { /* step 6: integer, padded with zeros */
        memcpy(p, d.d, (size_t)k);
        p = put_repeat(p + k, '0', n - k);
    } else if (0 < n && n <= 21) { /* step 7: point inside the digits */
        memcpy(p, d.d, (size_t)n);
        p += n;
        *p++ = '.';
        memcpy(p, d.d + n, (size_t)(k - n));
        p += k - n;
    } else if (-6 < n && n <= 0) { /* step 8: 0.000ddd */
        *p++ = '0';
        *p++ = '.';
        p = put_repeat(p, '0', -n);
        memcpy(p, d.d, (size_t)k);
        p += k;
    } else { /* steps 9-10: d.ddde+-n */
        *p++ = d.d[0];
        if (k > 1) {
            *p++ = '.';
            memcpy(p, d.d + 1, (size_t)(k - 1));
            p += k - 1;
        }
        *p++ = 'e';
        *p++ = n - 1 >= 0 ? '+' : '-';
        p = put_uint(p, (uint64_t)abs(n - 1));
    }
    return p;
}

size_t js_number_to_string(double x, char *buf, size_t size)
{
    char tmp[JS_NUMBER_STRING_MAX];
    char *end = to_string(x, tmp);
    return emit(tmp, (size_t)(end - tmp), buf, size);
}

/* ------------------------------------------------------------------------------------------
 * toFixed, toExponential, toPrecision (ECMA-262 21.1.3.3, 21.1.3.2, 21.1.3.5; V8
 * DoubleToFixedCString, DoubleToExponentialCString, DoubleToPrecisionCString).
 */

size_t js_number_to_fixed(double x, int digits, char *buf, size_t size)
{
    if (digits < 0 || digits > 100)
        return emit("", 0, buf, size);
    if (!isfinite(x) || fabs(x) >= 1e21)
        return js_number_to_string(x, buf, size);

    char tmp[JS_NUMBER_FORMAT_MAX];
    char *p = tmp;
    decimal d;
    d.n = 0;
    d.point = 1;
    if (x < 0) { /* V8 tests value < 0: -0 has no sign, -0.001 has ("-0.00") */
        *p++ = '-';
        x = -x;
    }
    if (x != 0) {
        exact_decimal(x, &d);
        decimal_round(&d, d.point + digits, false);
    }
    if (d.point <= 0) {
        *p++ = '0';
    } else {
        for (int i = 0; i < d.point; i++)
            *p++ = digit_at(&d, i);
    }
    if (digits > 0) {
        *p++ = '.';
        for (int i = d.point; i < d.point + digits; i++)
            *p++ = digit_at(&d, i);
    }
    return emit(tmp, (size_t)(p - tmp), buf, size);
}

/* d.ddd...e+-n with `sig` significant digits (zeros past d's), after an optional sign. */
static char *put_exponential(char *p, const decimal *d, int sig)
{
    *p++ = digit_at(d, 0);
    if (sig > 1) {
        *p++ = '.';
        for (int i = 1; i < sig; i++)
            *p++ = digit_at(d, i);
    }
    int e = d->point - 1;
    *p++ = 'e';
    *p++ = e >= 0 ? '+' : '-';
    return put_uint(p, (uint64_t)abs(e));
}

size_t js_number_to_exponential(double x, int digits, char *buf, size_t size)
{
    if (!isfinite(x))
        return js_number_to_string(x, buf, size);
    if (digits < -1 || digits > 100)
        return emit("", 0, buf, size);

    char tmp[JS_NUMBER_FORMAT_MAX];
    char *p = tmp;
    decimal d;
    int sig;
    if (x < 0) {
        *p++ = '-';
        x = -x;
    }
    if (x == 0) {
        d.n = 0;
        d.point = 1;
        sig = digits < 0 ? 1 : digits + 1;
    } else if (digits < 0) {
        shortest_decimal(x, &d);
        sig = d.n;
    } else {
        exact_decimal(x, &d);
        decimal_round(&d, digits + 1, false);
        sig = digits + 1;
    }
    p = put_exponential(p, &d, sig);
    return emit(tmp, (size_t)(p - tmp), buf, size);
}

size_t js_number_to_precision(double x, int precision, char *buf, size_t size)
{
    if (!isfinite(x) || precision == 0)
        return js_number_to_string(x, buf, size);
    if (precision < 1 || precision > 100)
        return emit("", 0, buf, size);

    char tmp[JS_NUMBER_FORMAT_MAX];
    char *p = tmp;
    decimal d;
    if (x < 0) {
        *p++ = '-';
        x = -x;
    }
    if (x == 0) {
        d.n = 0;
        d.point = 1;
    } else {
        exact_decimal(x, &d);
        decimal_round(&d, precision, false);
    }
    int e = d.point - 1;
    if (e < -6 || e >= precision) {
        p = put_exponential(p, &d, precision);
    } else if (d.point <= 0) { /* 0.000ddd */
        *p++ = '0';
        *p++ = '.';
        p = put_repeat(p, '0', -d.point);
        for (int i = 0; i < precision; i++)
            *p++ = digit_at(&d, i);
    } else { /* ddd.ddd: the point falls within the precision */
        for (int i = 0; i < d.point; i++)
            *p++ = digit_at(&d, i);
        if (d.point < precision) {
            *p++ = '.';
            for (int i = d.point; i < precision; i++)
                *p++ = digit_at(&d, i);
        }
    }
    return emit(tmp, (size_t)(p - tmp), buf, size);
}

/* ------------------------------------------------------------------------------------------
 * Number.prototype.toString(radix) (ECMA-262 21.1.3.6; V8 DoubleToRadixCString).
 */

/* V8's Double::Exponent(): x = significand * 2^exponent with a 53-bit integer significand. */
static int v8_exponent(double x)
{
    int biased = (int)((double_bits(x) >> 52) & 0x7ff);
    return biased == 0 ? -1074 : biased - 1075;
}

#define RADIX_HALF 1100

static const char radix_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

size_t js_number_to_radix_string(double x, int radix, char *buf, size_t size)
{
    if (radix < 2 || radix > 36)
        return emit("", 0, buf, size);
    if (radix == 10 || !isfinite(x) || x == 0)
        return js_number_to_string(x, buf, size);

    /* The integer digits grow leftwards from the middle, the fraction rightwards. */
    char tmp[2 * RADIX_HALF];
    int int_cur = RADIX_HALF, frac_cur = RADIX_HALF;
    bool negative = x < 0;
    double value = negative ? -x : x;

    double integer = floor(value);
    double fraction = value - integer;
    /* Fraction digits only down to half the distance to the next double. */
    double delta = 0.5 * (nextafter(value, INFINITY) - value);
    delta = fmax(nextafter(0.0, 1.0), delta);
    if (fraction >= delta) {
        tmp[frac_cur++] = '.';
        do {
            fraction *= radix;
            delta *= radix;
            int digit = (int)fraction;
            tmp[frac_cur++] = radix_chars[digit];
            fraction -= digit;
            /* Round half to even, if the rounding is within the precision. */
            if (fraction > 0.5 || (fraction == 0.5 && (digit & 1))) {
                if (fraction + delta > 1) {
                    /* Carry into the digits already written (maybe into the integer). */
                    for (;;) {
                        frac_cur--;
                        if (frac_cur == RADIX_HALF) {
                            integer += 1;
                            break;
                        }
                        char c = tmp[frac_cur];
                        digit = c > '9' ? c - 'a' + 10 : c - '0';
                        if (digit + 1 < radix) {
                            tmp[frac_cur++] = radix_chars[digit + 1];
                            break;
                        }
                    }
                    break;
                }
            }
        } while (fraction >= delta);
    }

    /* Integer digits; the positions below the 53 bits of precision are written as 0. */
    while (v8_exponent(integer / radix) > 0) {
        integer /= radix;
        tmp[--int_cur] = '0';
    }
    do {
        double rem = fmod(integer, radix);
        tmp[--int_cur] = radix_chars[(int)rem];
        integer = (integer - rem) / radix;
    } while (integer > 0);

    if (negative)
        tmp[--int_cur] = '-';
    return emit(tmp + int_cur, (size_t)(frac_cur - int_cur), buf, size);
}

/* ------------------------------------------------------------------------------------------
 * Strings to numbers.
 */

/* The length of the white space or line terminator at s[i] (UTF-8), 0 if there is none:
 * V8's IsWhiteSpaceOrLineTerminator (ECMA-262 12.2 WhiteSpace, 12.3 LineTerminator). */
static size_t space_at(const unsigned char *s, size_t i, size_t len)
{
    unsigned c = s[i];
    if (c == ' ' || (c >= 0x09 && c <= 0x0d))
        return 1;
    size_t left = len - i;
    if (c == 0xc2 && left >= 2 && s[i + 1] == 0xa0) /* U+00A0 */
        return 2;
    if (left < 3)
        return 0;
    unsigned c1 = s[i + 1], c2 = s[i + 2];
    switch (c) {
    case 0xe1: /* U+1680 */
        return c1 == 0x9a && c2 == 0x80 ? 3 : 0;
    case 0xe2:
        if (c1 == 0x80) /* U+2000..200A, U+2028, U+2029, U+202F */
            return (c2 >= 0x80 && c2 <= 0x8a) || c2 == 0xa8 || c2 == 0xa9 || c2 == 0xaf ? 3 : 0;
        return c1 == 0x81 && c2 == 0x9f ? 3 : 0; /* U+205F */
    case 0xe3: /* U+3000 */
        return c1 == 0x80 && c2 == 0x80 ? 3 : 0;
    case 0xef: /* U+FEFF */
        return c1 == 0xbb && c2 == 0xbf ? 3 : 0;
    default:
        return 0;
    }
}

static size_t skip_space(const unsigned char *s, size_t i, size_t len)
{
    size_t k;
    while (i < len && (k = space_at(s, i, len)) > 0)
        i += k;
    return i;
}

/* The end of s without its trailing white space. */
static size_t trim_end(const unsigned char *s, size_t i, size_t len)
{
    size_t end = i;
    while (i < len) {
        size_t k = space_at(s, i, len);
        if (k) {
            i += k;
        } else {
            i++;
            end = i;
        }
    }
    return end;
}

static bool is_dec(unsigned c)
{
    return c >= '0' && c <= '9';
}

/* The value of c as a digit in radix, or -1. */
static int digit_value(unsigned c, int radix)
{
    int v;
    if (c >= '0' && c <= '9')
        v = (int)(c - '0');
    else if (c >= 'a' && c <= 'z')
        v = (int)(c - 'a') + 10;
    else if (c >= 'A' && c <= 'Z')
        v = (int)(c - 'A') + 10;
    else
        return -1;
    return v < radix ? v : -1;
}

/* Digits in radix 2^log2 from s[i], correctly rounded (round half to even), as V8's
 * InternalStringToIntDouble.  Stops at the first non-digit: *stop gets its index. */
static double pow2_digits(const unsigned char *s, size_t i, size_t len, int log2, size_t *stop)
{
    int radix = 1 << log2;
    uint64_t m = 0;
    long exp2 = 0;
    bool sticky = false;
    int d;
    for (; i < len && (d = digit_value(s[i], radix)) >= 0; i++) {
        if (m >> 53 == 0) {
            m = m * (uint64_t)radix + (uint64_t)d;
        } else {
            if (exp2 < 4096)
                exp2 += log2;
            sticky |= d != 0;
        }
    }
    *stop = i;
    if (m >> 53) {
        int shift = 0;
        while (m >> (53 + shift))
            shift++;
        uint64_t dropped = m & ((UINT64_C(1) << shift) - 1);
        uint64_t half = UINT64_C(1) << (shift - 1);
        m >>= shift;
        exp2 += shift;
        if (dropped > half || (dropped == half && (sticky || (m & 1))))
            m++;
        if (m >> 53) {
            m >>= 1;
            exp2++;
        }
    }
    return ldexp((double)m, (int)exp2);
}

#define SIG_MAX 780 /* significant digits handed to strtod; the rest become a sticky 1 */

/* Scans a StrUnsignedDecimalLiteral without "Infinity" (digits, optional point and
 * fraction, optional exponent) from s[i]: returns false if there is none, else its value,
 * correctly rounded, and *stop, the index after it. */
static bool unsigned_decimal(const unsigned char *s, size_t i, size_t len, double *value,
                             size_t *stop)
{
    size_t int_start = i;
    while (i < len && is_dec(s[i]))
        i++;
    size_t int_end = i, frac_start = i, frac_end = i;
    if (i < len && s[i] == '.') {
        frac_start = ++i;
        while (i < len && is_dec(s[i]))
            i++;
        frac_end = i;
    }
    if (int_end == int_start && frac_end == frac_start)
        return false;
    long exp10 = 0;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        size_t j = i + 1;
        bool neg = false;
        if (j < len && (s[j] == '+' || s[j] == '-'))
            neg = s[j++] == '-';
        if (j < len && is_dec(s[j])) {
            for (; j < len && is_dec(s[j]); j++)
                if (exp10 < 100000000)
                    exp10 = exp10 * 10 + (s[j] - '0');
            if (neg)
                exp10 = -exp10;
            i = j;
        }
    }
    *stop = i;

    /* value = 0.DIGITS * 10^point, DIGITS without leading zeros. */
    char digits[SIG_MAX + 1];
    int nd = 0;
    bool sticky = false;
    long point = 0;
    for (size_t k = int_start; k < int_end; k++) {
        if (nd == 0 && s[k] == '0')
            continue;
        if (point < 100000000)
            point++;
        if (nd < SIG_MAX)
            digits[nd++] = (char)s[k];
        else
            sticky |= s[k] != '0';
    }
    for (size_t k = frac_start; k < frac_end; k++) {
        if (nd == 0 && s[k] == '0') {
            if (point > -100000000)
                point--;
            continue;
        }
        if (nd < SIG_MAX)
            digits[nd++] = (char)s[k];
        else
            sticky |= s[k] != '0';
    }
    if (nd == 0) {
        *value = 0;
        return true;
    }
    point += exp10;
    if (point > 310) {
        *value = INFINITY;
        return true;
    }
    if (point < -330) {
        *value = 0;
        return true;
    }
    if (sticky)
        digits[nd++] = '1';
    /* "DIGITSeN" with N = point - nd: no decimal point, so no locale can change the parse */
    char text[SIG_MAX + 16];
    memcpy(text, digits, (size_t)nd);
    char *q = text + nd;
    *q++ = 'e';
    long e = point - nd;
    if (e < 0) {
        *q++ = '-';
        e = -e;
    }
    q = put_uint(q, (uint64_t)e);
    *q = '\0';
    *value = strtod(text, NULL);
    return true;
}

void js_string_trim(const char *str, size_t len, size_t *from, size_t *to)
{
    const unsigned char *s = (const unsigned char *)str;
    *from = skip_space(s, 0, len);
    *to = trim_end(s, *from, len);
}

/* "Infinity" at s[i]? */
static bool infinity_at(const unsigned char *s, size_t i, size_t len)
{
    return len - i >= 8 && memcmp(s + i, "Infinity", 8) == 0;
}

double js_string_to_number(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = skip_space(s, 0, len);
    size_t end = trim_end(s, i, len);
    if (i == end)
        return 0;

    /* 0x, 0o, 0b: unsigned, nothing after the digits. */
    if (end - i >= 2 && s[i] == '0') {
        int log2 = 0;
        switch (s[i + 1]) {
        case 'x': case 'X': log2 = 4; break;
        case 'o': case 'O': log2 = 3; break;
        case 'b': case 'B': log2 = 1; break;
        default: break;
        }
        if (log2) {
            size_t stop;
            if (end - i == 2)
                return NAN;
            double v = pow2_digits(s, i + 2, end, log2, &stop);
            return stop == end ? v : NAN;
        }
    }

    bool negative = false;
    if (s[i] == '+' || s[i] == '-')
        negative = s[i++] == '-';
    double v;
    size_t stop;
    if (infinity_at(s, i, end)) {
        v = INFINITY;
        stop = i + 8;
    } else if (!unsigned_decimal(s, i, end, &v, &stop)) {
        return NAN;
    }
    if (stop != end)
        return NAN;
    return negative ? -v : v;
}

double js_parse_float(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = skip_space(s, 0, len);
    bool negative = false;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        negative = s[i++] == '-';
    double v;
    size_t stop;
    if (infinity_at(s, i, len))
        v = INFINITY;
    else if (!unsigned_decimal(s, i, len, &v, &stop))
        return NAN;
    return negative ? -v : v;
}

double js_parse_int(const char *str, size_t len, int radix)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = skip_space(s, 0, len);
    if (i == len)
        return NAN;
    bool negative = false;
    if (s[i] == '+' || s[i] == '-') {
        negative = s[i++] == '-';
        if (i == len)
            return NAN;
    }
    const double zero = negative ? -0.0 : 0.0;

    /* Radix detection and prefix (V8's DetectRadixInternal). */
    bool leading_zero = false;
    if (radix == 0 || radix == 16) {
        if (radix == 0)
            radix = 10;
        if (s[i] == '0') {
            i++;
            if (i == len)
                return zero;
            if (s[i] == 'x' || s[i] == 'X') {
                radix = 16;
                i++;
                if (i == len)
                    return NAN;
            } else {
                leading_zero = true;
            }
        }
    } else if (radix < 2 || radix > 36) {
        return NAN;
    }
    while (s[i] == '0') {
        leading_zero = true;
        i++;
        if (i == len)
            return zero;
    }
    if (digit_value(s[i], radix) < 0)
        return leading_zero ? zero : NAN;

    double v;
    if (radix == 10) {
        /* The digit string, correctly rounded; more than 309 digits is beyond DBL_MAX. */
        char text[312];
        int nd = 0;
        for (; i < len && is_dec(s[i]); i++) {
            if (nd > 309)
                return negative ? -INFINITY : INFINITY;
            text[nd++] = (char)s[i];
        }
        text[nd] = '\0';
        v = strtod(text, NULL);
    } else if ((radix & (radix - 1)) == 0) {
        int log2 = 0;
        while ((1 << log2) < radix)
            log2++;
        size_t stop;
        v = pow2_digits(s, i, len, log2, &stop);
    } else {
        /* V8's HandleGenericCase: chunks of digits whose multiplier stays below 2^32 / 36,
         * accumulated in a double (inexact beyond 2^53, as V8). */
        const uint32_t max_multiplier = UINT32_C(0xFFFFFFFF) / 36;
        bool done = false;
        v = 0;
        do {
            uint32_t part = 0, multiplier = 1;
            for (;;) {
                int d = i < len ? digit_value(s[i], radix) : -1;
                if (d < 0) {
                    done = true;
                    break;
                }
                uint32_t m = multiplier * (uint32_t)radix;
                if (m > max_multiplier)
                    break;
                part = part * (uint32_t)radix + (uint32_t)d;
                multiplier = m;
                i++;
            }
            double scaled = v * multiplier; /* two statements: never a fused multiply-add */
            v = scaled + part;
        } while (!done);
    }
    return negative ? -v : v;
}

/* ------------------------------------------------------------------------------------------
 * Integer conversions and array indexes.
 */

uint32_t js_to_uint32(double x)
{
    if (!isfinite(x))
        return 0;
    double m = fmod(trunc(x), 4294967296.0); /* exact; the sign of x */
    if (m < 0)
        m += 4294967296.0;
    return (uint32_t)m;
}

int32_t js_to_int32(double x)
{
    uint32_t u = js_to_uint32(x);
    return u < UINT32_C(0x80000000) ? (int32_t)u : (int32_t)((int64_t)u - INT64_C(0x100000000));
}

double js_to_integer_or_infinity(double x)
{
    if (isnan(x) || x == 0)
        return 0;
    if (isinf(x))
        return x;
    double t = trunc(x);
    return t == 0 ? 0 : t;
}

bool js_number_is_array_index(const char *s, size_t len, uint32_t *out)
{
    if (len == 0 || len > 10 || (s[0] == '0' && len > 1))
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < len; i++) {
        if (!is_dec((unsigned char)s[i]))
            return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (v > UINT64_C(4294967294))
        return false;
    if (out)
        *out = (uint32_t)v;
    return true;
}
