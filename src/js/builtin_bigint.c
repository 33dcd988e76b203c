/* builtin_bigint.c - BigInt (ECMA-262 6.1.6.2 the BigInt type, 21.2 BigInt objects): the values,
 * their arithmetic and conversions, and the global BigInt with BigInt.prototype.
 *
 * A BigInt is an immutable block on the VM's heap (js_bigint, GC_BIGINT: the collector frees it
 * like a string, it refers to nothing): a sign and a magnitude in 32-bit limbs, least
 * significant first, without leading zero limbs; 0n has no limb and is never negative, so two
 * equal values have the same representation and compare limb by limb.  Every operation makes a
 * new value.  The computing is done on plain limb arrays (mag_*) and the result is made a value
 * once, trimmed.
 *
 * The algorithms are the schoolbook ones (Knuth, TAOCP vol. 2, 4.3.1: addition, subtraction,
 * multiplication, and division with the divisor normalised so that each quotient digit is
 * estimated from the top limbs and corrected at most twice), exponentiation by squaring, and
 * radix conversion by repeated division by the largest power of the radix that fits a limb.
 * That is plenty for what programs do with BigInt (2n ** 200n, factorials, nanosecond clocks).
 *
 * The bitwise operators (6.1.6.2.17-20) act on the infinite two's complement representation:
 * operands are written in it over one limb more than the longer needs (the sign limb), combined
 * limb by limb and read back.  >> rounds toward negative infinity (a negative operand that
 * loses one bits moves one further from zero), and a shift by a negative count shifts the other
 * way (6.1.6.2.9-10).
 *
 * Limits and messages are V8's (Node 20): a BigInt has at most 2^30 bits (BigInt::kMaxLengthBits)
 * - "Maximum BigInt size exceeded" - division by zero is "Division by zero", a negative
 * exponent "undefined must be positive" (sic: V8's template without its argument), mixing
 * with a Number "Cannot mix BigInt and other types, use explicit conversions".
 *
 * The VM calls in here for the operators (vm.c's arith, conv.c's comparisons and equality);
 * BigInt(value), BigInt.asIntN/asUintN and BigInt.prototype.toString/toLocaleString/valueOf
 * are at the end.  toLocaleString is Intl.NumberFormat's en-US default: the decimal digits
 * grouped by three with "," (locales and options are not modelled).
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

#define MAX_BITS (UINT32_C(1) << 30)           /* V8's BigInt::kMaxLengthBits */
#define MAX_LIMBS (MAX_BITS / 32)
#define MAX_SAFE_INTEGER 9007199254740991.0

static void oom(void)
{
    ls_out_of_memory(0);
}

static uint32_t *limbs_alloc(size_t n)
{
    uint32_t *d = calloc(n ? n : 1, sizeof *d);
    if (!d)
        oom();
    return d;
}

static js_status too_big(js_vm *vm)
{
    return throw_kind(vm, ERR_RANGE, "Maximum BigInt size exceeded");
}

/* ---- magnitudes: limb arrays, least significant first ---------------------------------------- */

static uint32_t mag_trim(const uint32_t *d, uint32_t n)
{
    while (n && d[n - 1] == 0)
        n--;
    return n;
}

static int mag_cmp(const uint32_t *a, uint32_t an, const uint32_t *b, uint32_t bn)
{
    if (an != bn)
        return an < bn ? -1 : 1;
    for (uint32_t i = an; i-- > 0;)
        if (a[i] != b[i])
            return a[i] < b[i] ? -1 : 1;
    return 0;
}

/* out (max(an, bn) + 1 limbs) = a + b */
static void mag_add(const uint32_t *a, uint32_t an, const uint32_t *b, uint32_t bn, uint32_t *out)
{
    if (an < bn) {
        const uint32_t *t = a;
        a = b;
        b = t;
        uint32_t tn = an;
        an = bn;
        bn = tn;
    }
    uint64_t carry = 0;
    for (uint32_t i = 0; i < an; i++) {
        carry += (uint64_t)a[i] + (i < bn ? b[i] : 0);
        out[i] = (uint32_t)carry;
        carry >>= 32;
    }
    out[an] = (uint32_t)carry;
}

/* out (an limbs) = a - b, a >= b */
static void mag_sub(const uint32_t *a, uint32_t an, const uint32_t *b, uint32_t bn, uint32_t *out)
{
    int64_t borrow = 0;
    for (uint32_t i = 0; i < an; i++) {
        int64_t d = (int64_t)a[i] - (i < bn ? b[i] : 0) - borrow;
        borrow = d < 0;
        out[i] = (uint32_t)(d + (borrow << 32));
    }
}

/* out (an + bn limbs, zeroed) = a * b */
static void mag_mul(const uint32_t *a, uint32_t an, const uint32_t *b, uint32_t bn, uint32_t *out)
{
    for (uint32_t i = 0; i < an; i++) {
        uint64_t carry = 0;
        for (uint32_t j = 0; j < bn; j++) {
            carry += (uint64_t)a[i] * b[j] + out[i + j];
            out[i + j] = (uint32_t)carry;
            carry >>= 32;
        }
        out[i + bn] = (uint32_t)carry;
    }
}

/* a (n limbs) = a * m + add, in place; returns the carry out */
static uint32_t mag_mul_small(uint32_t *a, uint32_t n, uint32_t m, uint32_t add)
{
    uint64_t carry = add;
    for (uint32_t i = 0; i < n; i++) {
        carry += (uint64_t)a[i] * m;
        a[i] = (uint32_t)carry;
        carry >>= 32;
    }
    return (uint32_t)carry;
}

/* a (n limbs) = a / m in place; returns the remainder */
static uint32_t mag_div_small(uint32_t *a, uint32_t n, uint32_t m)
{
    uint64_t rem = 0;
    for (uint32_t i = n; i-- > 0;) {
        uint64_t cur = (rem << 32) | a[i];
        a[i] = (uint32_t)(cur / m);
        rem = cur % m;
    }
    return (uint32_t)rem;
}

static int leading_zeros(uint32_t x)
{
    int n = 0;
    while (!(x & 0x80000000u)) {
        x <<= 1;
        n++;
    }
    return n;
}

/* Knuth's algorithm D (TAOCP 4.3.1): q (an - bn + 1 limbs) = a / b, r (bn limbs) = a % b,
 * for an >= bn >= 2 and b without a leading zero limb; either output may be NULL. */
static void mag_divmod_long(const uint32_t *a, uint32_t an, const uint32_t *b, uint32_t bn,
                            uint32_t *q, uint32_t *r)
{
    int s = leading_zeros(b[bn - 1]);
    uint32_t *v = limbs_alloc(bn), *u = limbs_alloc((size_t)an + 1);
    for (uint32_t i = bn; i-- > 0;)   /* normalise: the divisor's top bit set */
        v[i] = (b[i] << s) | (s && i ? (uint32_t)(b[i - 1] >> (32 - s)) : 0);
    u[an] = s ? a[an - 1] >> (32 - s) : 0;
    for (uint32_t i = an; i-- > 0;)
        u[i] = (a[i] << s) | (s && i ? (uint32_t)(a[i - 1] >> (32 - s)) : 0);
    for (uint32_t j = an - bn + 1; j-- > 0;) {
        /* estimate the digit from the top two limbs, then correct it */
        uint64_t num = ((uint64_t)u[j + bn] << 32) | u[j + bn - 1];
        uint64_t qhat = num / v[bn - 1], rhat = num % v[bn - 1];
        while (qhat > 0xffffffffu ||
               qhat * v[bn - 2] > ((rhat << 32) | u[j + bn - 2])) {
            qhat--;
            rhat += v[bn - 1];
            if (rhat > 0xffffffffu)
                break;
        }
        /* u[j .. j+bn] -= qhat * v */
        int64_t borrow = 0;
        uint64_t carry = 0;
        for (uint32_t i = 0; i < bn; i++) {
            carry += qhat * v[i];
            int64_t t = (int64_t)u[i + j] - (int64_t)(uint32_t)carry - borrow;
            carry >>= 32;
            borrow = t < 0;
            u[i + j] = (uint32_t)(t + (borrow << 32));
        }
        int64_t t = (int64_t)u[j + bn] - (int64_t)carry - borrow;
        borrow = t < 0;
        u[j + bn] = (uint32_t)(t + (borrow << 32));
        if (borrow) { /* qhat was one too large: add v back */
            qhat--;
            uint64_t c = 0;
            for (uint32_t i = 0; i < bn; i++) {
                c += (uint64_t)u[i + j] + v[i];
                u[i + j] = (uint32_t)c;
                c >>= 32;
            }
            u[j + bn] += (uint32_t)c;
        }
        if (q)
            q[j] = (uint32_t)qhat;
    }
    if (r) /* unnormalise the remainder */
        for (uint32_t i = 0; i < bn; i++)
            r[i] = (u[i] >> s) | (s ? (uint32_t)((uint64_t)u[i + 1] << (32 - s)) : 0);
    free(u);
    free(v);
}

/* ---- values ------------------------------------------------------------------------------------ */

/* A value of the limbs (trimmed); 0n is never negative. */
static js_bigint *make(js_vm *vm, bool negative, const uint32_t *d, uint32_t n)
{
    n = mag_trim(d, n);
    js_bigint *b = gc_alloc(vm, sizeof *b + (size_t)n * sizeof(uint32_t), GC_BIGINT);
    b->len = n;
    b->negative = negative && n;
    if (n)
        memcpy(b->limbs, d, (size_t)n * sizeof(uint32_t));
    return b;
}

/* make(), then frees the scratch limbs */
static js_bigint *make_free(js_vm *vm, bool negative, uint32_t *d, uint32_t n)
{
    js_bigint *b = make(vm, negative, d, n);
    free(d);
    return b;
}

js_bigint *bigint_from_i64(js_vm *vm, int64_t v)
{
    uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    uint32_t d[2] = {(uint32_t)m, (uint32_t)(m >> 32)};
    return make(vm, v < 0, d, 2);
}

static uint64_t bit_length(const js_bigint *b)
{
    return b->len ? (uint64_t)b->len * 32 - (uint64_t)leading_zeros(b->limbs[b->len - 1]) : 0;
}

static js_bigint *with_sign(js_vm *vm, const js_bigint *a, bool negative)
{
    return make(vm, negative, a->limbs, a->len);
}

/* |a| << k, or |a| >> k (truncating: *lost tells whether one bits fell off) */
static js_bigint *shift_mag(js_vm *vm, const js_bigint *a, bool negative, uint64_t k, bool left,
                            bool *lost)
{
    uint32_t limbs = (uint32_t)(k / 32), bits = (uint32_t)(k % 32);
    if (left) {
        uint32_t n = a->len + limbs + 1;
        uint32_t *d = limbs_alloc(n);
        for (uint32_t i = 0; i < a->len; i++) {
            d[i + limbs] |= a->limbs[i] << bits;
            if (bits)
                d[i + limbs + 1] = a->limbs[i] >> (32 - bits);
        }
        return make_free(vm, negative, d, n);
    }
    *lost = false;
    if (k >= (uint64_t)a->len * 32) {
        *lost = a->len != 0;
        return make(vm, negative, NULL, 0);
    }
    uint32_t n = a->len - limbs;
    uint32_t *d = limbs_alloc(n);
    for (uint32_t i = 0; i < limbs; i++)
        *lost = *lost || a->limbs[i];
    if (bits && (a->limbs[limbs] & ((UINT32_C(1) << bits) - 1)))
        *lost = true;
    for (uint32_t i = 0; i < n; i++)
        d[i] = (a->limbs[i + limbs] >> bits) |
               (bits && i + limbs + 1 < a->len ? a->limbs[i + limbs + 1] << (32 - bits) : 0);
    return make_free(vm, negative, d, n);
}

/* NumberToBigInt (21.2.1.1.1) of an integral finite double: exact */
js_bigint *bigint_from_double(js_vm *vm, double x)
{
    int e;
    double m = frexp(fabs(x), &e); /* |x| = m * 2^e, 0.5 <= m < 1 */
    if (x == 0)
        return make(vm, false, NULL, 0);
    uint64_t mant = (uint64_t)ldexp(m, 53);
    e -= 53;
    uint32_t d[2] = {(uint32_t)mant, (uint32_t)(mant >> 32)};
    js_bigint *b = make(vm, x < 0, d, 2);
    if (e == 0)
        return b;
    bool lost;
    return shift_mag(vm, b, x < 0, (uint64_t)(e > 0 ? e : -e), e > 0, &lost);
}

/* 𝔽(ℝ(b)): the nearest double, ties to even; beyond the largest double, ±Infinity */
double bigint_to_double(const js_bigint *b)
{
    uint64_t bits = bit_length(b);
    if (bits == 0)
        return 0;
    double r;
    if (bits <= 64) {
        uint64_t m = b->limbs[0] | (b->len > 1 ? (uint64_t)b->limbs[1] << 32 : 0);
        r = (double)m; /* the conversion rounds to nearest, ties to even */
    } else if (bits > 1100) {
        r = INFINITY;
    } else {
        /* the top 64 bits, with a sticky bit for anything below: rounding them to 53 bits
         * rounds the whole */
        uint64_t shift = bits - 64, m = 0;
        bool sticky = false;
        for (uint64_t i = 0; i < 64; i++) {
            uint64_t bit = shift + i;
            if ((b->limbs[bit / 32] >> (bit % 32)) & 1)
                m |= UINT64_C(1) << i;
        }
        for (uint64_t w = 0; w < shift / 32 && !sticky; w++)
            sticky = b->limbs[w] != 0;
        if (!sticky && shift % 32)
            sticky = (b->limbs[shift / 32] & ((UINT32_C(1) << (shift % 32)) - 1)) != 0;
        if (sticky)
            m |= 1;
        r = ldexp((double)m, (int)shift);
    }
    return b->negative ? -r : r;
}

int bigint_compare(const js_bigint *a, const js_bigint *b)
{
    if (a->negative != b->negative)
        return a->negative ? -1 : 1;
    int c = mag_cmp(a->limbs, a->len, b->limbs, b->len);
    return a->negative ? -c : c;
}

bool bigint_equal(const js_bigint *a, const js_bigint *b)
{
    return bigint_compare(a, b) == 0;
}

uint32_t bigint_hash(const js_bigint *b)
{
    uint32_t h = b->negative ? 0x9e3779b9u : 2166136261u;
    for (uint32_t i = 0; i < b->len; i++) {
        h ^= b->limbs[i];
        h *= 16777619u;
    }
    return h;
}

/* the comparison of a BigInt with a Number that is not NaN (-1, 0, 1): exact (6.1.6.2.12
 * BigInt::lessThan with a Number operand, 7.2.13 IsLessThan step 4) */
int bigint_compare_number(js_vm *vm, const js_bigint *a, double d)
{
    if (isinf(d))
        return d > 0 ? -1 : 1;
    double t = trunc(d);
    int c = bigint_compare(a, bigint_from_double(vm, t));
    if (c == 0 && t != d) /* d has a fraction: a is the integer between d and 0 */
        c = d > 0 ? -1 : 1;
    return c;
}

/* ---- text ------------------------------------------------------------------------------------- */

static int digit_of(unsigned char c, int radix)
{
    int v = c >= '0' && c <= '9' ? c - '0'
            : c >= 'a' && c <= 'z' ? c - 'a' + 10
            : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 99;
    return v < radix ? v : -1;
}

/* The magnitude of the digits s[0..n) in radix (all valid); NULL with *count 0 for none. */
static uint32_t *parse_digits(const char *s, size_t n, int radix, uint32_t *count)
{
    /* limbs needed: n digits of log2(radix) <= 6 bits each */
    size_t cap = n * 6 / 32 + 2;
    uint32_t *d = limbs_alloc(cap);
    uint32_t len = 0;
    uint32_t chunk_max = 1; /* the largest radix^k that fits a limb, and k */
    int per = 0;
    while ((uint64_t)chunk_max * (uint32_t)radix <= 0xffffffffu) {
        chunk_max *= (uint32_t)radix;
        per++;
    }
    for (size_t i = 0; i < n;) {
        uint32_t chunk = 0, scale = 1;
        for (int k = 0; k < per && i < n; k++, i++) {
            chunk = chunk * (uint32_t)radix + (uint32_t)digit_of((unsigned char)s[i], radix);
            scale *= (uint32_t)radix;
        }
        uint32_t carry = mag_mul_small(d, len, scale, chunk);
        if (carry)
            d[len++] = carry;
    }
    *count = len;
    return d;
}

/* A StringIntegerLiteral (7.1.14 StringToBigInt), or with `literal` a BigInt literal's digits
 * as the lexer keeps them (0x/0o/0b prefixes, separators already removed, no sign, no white
 * space).  Returns false if the text is not one. */
static bool parse_text(const char *s, size_t len, bool literal, bool *negative, uint32_t **d,
                       uint32_t *n)
{
    size_t from = 0, to = len;
    if (!literal)
        js_string_trim(s, len, &from, &to);
    *negative = false;
    *d = NULL;
    *n = 0;
    if (from == to)
        return !literal; /* "" and white space are 0n */
    int radix = 10;
    char p = to - from > 2 && s[from] == '0' ? (char)(s[from + 1] | 0x20) : 0;
    if (p == 'x' || p == 'o' || p == 'b') {
        radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
        from += 2;
    } else if (!literal && (s[from] == '+' || s[from] == '-')) {
        *negative = s[from] == '-';
        from++;
    }
    if (from == to)
        return false;
    for (size_t i = from; i < to; i++)
        if (digit_of((unsigned char)s[i], radix) < 0)
            return false;
    *d = parse_digits(s + from, to - from, radix, n);
    return true;
}

js_bigint *bigint_from_text(js_vm *vm, const char *s, size_t len, bool literal)
{
    bool negative;
    uint32_t *d, n;
    if (!parse_text(s, len, literal, &negative, &d, &n))
        return NULL;
    return make_free(vm, negative, d, n);
}

/* the digits of a magnitude in radix (most significant first), NUL-terminated, malloc'd */
static char *mag_to_text(const uint32_t *limbs, uint32_t len, int radix, bool negative,
                         size_t *out_len)
{
    static const char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    size_t cap = (size_t)len * 32 + 3;
    char *buf = malloc(cap);
    uint32_t *d = limbs_alloc(len);
    if (!buf)
        oom();
    if (len)
        memcpy(d, limbs, (size_t)len * sizeof *d);
    uint32_t chunk = 1;
    int per = 0;
    while ((uint64_t)chunk * (uint32_t)radix <= 0xffffffffu) {
        chunk *= (uint32_t)radix;
        per++;
    }
    size_t n = 0; /* written backwards from the end */
    uint32_t n_limbs = len;
    while (n_limbs) {
        uint32_t r = mag_div_small(d, n_limbs, chunk);
        n_limbs = mag_trim(d, n_limbs);
        for (int k = 0; k < per && (n_limbs || r); k++) {
            buf[cap - 1 - ++n] = digits[r % (uint32_t)radix];
            r /= (uint32_t)radix;
        }
    }
    if (n == 0)
        buf[cap - 1 - ++n] = '0';
    if (negative)
        buf[cap - 1 - ++n] = '-';
    memmove(buf, buf + cap - 1 - n, n);
    buf[n] = '\0';
    free(d);
    *out_len = n;
    return buf;
}

js_string *bigint_to_string(js_vm *vm, const js_bigint *b, int radix)
{
    size_t n;
    char *text = mag_to_text(b->limbs, b->len, radix, b->negative, &n);
    js_string *s = str_new(vm, text, n);
    free(text);
    return s;
}

char *bigint_literal_decimal(const char *digits, size_t len)
{
    bool negative;
    uint32_t *d, n;
    if (!parse_text(digits, len, true, &negative, &d, &n))
        return NULL;
    size_t out_len;
    char *text = mag_to_text(d, n, 10, false, &out_len);
    free(d);
    return text;
}

/* ---- arithmetic ----------------------------------------------------------------------------- */

/* a + b, with b's sign flipped for a - b */
static js_bigint *add(js_vm *vm, const js_bigint *a, const js_bigint *b, bool flip)
{
    bool bneg = b->negative != flip && b->len;
    uint32_t n = (a->len > b->len ? a->len : b->len) + 1;
    uint32_t *d = limbs_alloc(n);
    if (a->negative == bneg) {
        mag_add(a->limbs, a->len, b->limbs, b->len, d);
        return make_free(vm, a->negative, d, n);
    }
    if (mag_cmp(a->limbs, a->len, b->limbs, b->len) >= 0) {
        mag_sub(a->limbs, a->len, b->limbs, b->len, d);
        return make_free(vm, a->negative, d, a->len);
    }
    mag_sub(b->limbs, b->len, a->limbs, a->len, d);
    return make_free(vm, bneg, d, b->len);
}

static js_status multiply(js_vm *vm, const js_bigint *a, const js_bigint *b, js_bigint **out)
{
    if (bit_length(a) + bit_length(b) > (uint64_t)MAX_BITS + 1)
        return too_big(vm);
    uint32_t n = a->len + b->len;
    uint32_t *d = limbs_alloc(n);
    mag_mul(a->limbs, a->len, b->limbs, b->len, d);
    *out = make_free(vm, a->negative != b->negative, d, n);
    return JS_OK;
}

/* truncating division (6.1.6.2.5 BigInt::divide) and its remainder (6.1.6.2.6: the sign of
 * the dividend) */
static js_status divide(js_vm *vm, const js_bigint *a, const js_bigint *b, bool want_rem,
                        js_bigint **out)
{
    if (!b->len)
        return throw_kind(vm, ERR_RANGE, "Division by zero");
    if (mag_cmp(a->limbs, a->len, b->limbs, b->len) < 0) {
        *out = want_rem ? with_sign(vm, a, a->negative) : make(vm, false, NULL, 0);
        return JS_OK;
    }
    uint32_t *q = limbs_alloc((size_t)a->len - b->len + 1), *r = limbs_alloc(b->len);
    if (b->len == 1) {
        memcpy(q, a->limbs, (size_t)a->len * sizeof *q);
        r[0] = mag_div_small(q, a->len, b->limbs[0]);
    } else {
        mag_divmod_long(a->limbs, a->len, b->limbs, b->len, q, r);
    }
    if (want_rem) {
        *out = make(vm, a->negative, r, b->len);
    } else {
        *out = make(vm, a->negative != b->negative, q, b->len == 1 ? a->len : a->len - b->len + 1);
    }
    free(q);
    free(r);
    return JS_OK;
}

/* 6.1.6.2.3 BigInt::exponentiate, by squaring */
static js_status power(js_vm *vm, const js_bigint *base, const js_bigint *exp, js_bigint **out)
{
    if (exp->negative)
        return throw_kind(vm, ERR_RANGE, "undefined must be positive");
    uint32_t one = 1;
    if (!exp->len) {
        *out = make(vm, false, &one, 1);
        return JS_OK;
    }
    bool odd = exp->limbs[0] & 1;
    if (!base->len || (base->len == 1 && base->limbs[0] == 1)) { /* 0, 1, -1 */
        *out = with_sign(vm, base, base->negative && odd);
        return JS_OK;
    }
    uint64_t bits = bit_length(base);
    if (exp->len > 1 || (bits - 1) * exp->limbs[0] >= MAX_BITS)
        return too_big(vm);
    uint32_t e = exp->limbs[0];
    js_bigint *result = make(vm, false, &one, 1), *sq = with_sign(vm, base, false);
    js_status st = JS_OK;
    for (;;) {
        if ((e & 1) && (st = multiply(vm, result, sq, &result)) != JS_OK)
            return st;
        e >>= 1;
        if (!e)
            break;
        if ((st = multiply(vm, sq, sq, &sq)) != JS_OK)
            return st;
    }
    *out = with_sign(vm, result, base->negative && odd);
    return JS_OK;
}

/* a << k for a count that is itself a BigInt; a negative count shifts right, rounding toward
 * negative infinity (6.1.6.2.9 BigInt::leftShift, 6.1.6.2.10 signedRightShift) */
static js_status shift(js_vm *vm, const js_bigint *a, const js_bigint *count, bool left,
                       js_bigint **out)
{
    if (count->negative)
        left = !left;
    bool huge = count->len > 2 || (count->len == 2 && count->limbs[1] > 0);
    uint64_t k = count->len ? count->limbs[0] | (count->len > 1 ? (uint64_t)count->limbs[1] << 32 : 0) : 0;
    if (!a->len) {
        *out = make(vm, false, NULL, 0);
        return JS_OK;
    }
    if (left) {
        if (huge || bit_length(a) + k > MAX_BITS)
            return too_big(vm);
        bool lost;
        *out = shift_mag(vm, a, a->negative, k, true, &lost);
        return JS_OK;
    }
    if (huge)
        k = UINT64_MAX / 2;
    bool lost;
    js_bigint *r = shift_mag(vm, a, a->negative, k, false, &lost);
    if (a->negative && lost) { /* floor: one further from zero */
        uint32_t one = 1;
        r = add(vm, r, make(vm, true, &one, 1), false);
    }
    *out = r;
    return JS_OK;
}

/* a's two's complement in n limbs (n > a->len) */
static void to_twos(const js_bigint *a, uint32_t *d, uint32_t n)
{
    memset(d, 0, (size_t)n * sizeof *d);
    if (a->len)
        memcpy(d, a->limbs, (size_t)a->len * sizeof *d);
    if (a->negative) {
        uint64_t carry = 1;
        for (uint32_t i = 0; i < n; i++) {
            carry += (uint32_t)~d[i];
            d[i] = (uint32_t)carry;
            carry >>= 32;
        }
    }
}

/* the value of n limbs of two's complement (the top bit is the sign); frees d */
static js_bigint *from_twos(js_vm *vm, uint32_t *d, uint32_t n)
{
    bool negative = n && (d[n - 1] & 0x80000000u);
    if (negative) {
        uint64_t carry = 1;
        for (uint32_t i = 0; i < n; i++) {
            carry += (uint32_t)~d[i];
            d[i] = (uint32_t)carry;
            carry >>= 32;
        }
    }
    return make_free(vm, negative, d, n);
}

/* & | ^ (6.1.6.2.18-20 BigInt::bitwiseAND/OR/XOR through BigIntBitwiseOp) */
static js_bigint *bitwise(js_vm *vm, int op, const js_bigint *a, const js_bigint *b)
{
    uint32_t n = (a->len > b->len ? a->len : b->len) + 1;
    uint32_t *x = limbs_alloc(n), *y = limbs_alloc(n);
    to_twos(a, x, n);
    to_twos(b, y, n);
    for (uint32_t i = 0; i < n; i++)
        x[i] = op == OP_BIT_AND ? x[i] & y[i] : op == OP_BIT_OR ? x[i] | y[i] : x[i] ^ y[i];
    free(y);
    return from_twos(vm, x, n);
}

js_bigint *bigint_negate(js_vm *vm, const js_bigint *a)
{
    return with_sign(vm, a, !a->negative);
}

/* ~a is -a - 1 (6.1.6.2.2 BigInt::bitwiseNOT) */
js_bigint *bigint_bit_not(js_vm *vm, const js_bigint *a)
{
    uint32_t one = 1;
    return add(vm, bigint_negate(vm, a), make(vm, false, &one, 1), true);
}

js_bigint *bigint_add_small(js_vm *vm, const js_bigint *a, int delta)
{
    uint32_t m = (uint32_t)(delta < 0 ? -delta : delta);
    return add(vm, a, make(vm, delta < 0, &m, 1), false);
}

js_status bigint_binary(js_vm *vm, int op, const js_bigint *a, const js_bigint *b,
                        js_value *out)
{
    js_bigint *r = NULL;
    js_status st = JS_OK;
    switch (op) {
    case OP_ADD: r = add(vm, a, b, false); break;
    case OP_SUB: r = add(vm, a, b, true); break;
    case OP_MUL: st = multiply(vm, a, b, &r); break;
    case OP_DIV: st = divide(vm, a, b, false, &r); break;
    case OP_MOD: st = divide(vm, a, b, true, &r); break;
    case OP_EXP: st = power(vm, a, b, &r); break;
    case OP_SHL: st = shift(vm, a, b, true, &r); break;
    case OP_SHR: st = shift(vm, a, b, false, &r); break;
    case OP_USHR:
        return throw_kind(vm, ERR_TYPE, "BigInts have no unsigned right shift, use >> instead");
    case OP_BIT_AND: case OP_BIT_OR: case OP_BIT_XOR: r = bitwise(vm, op, a, b); break;
    default:
        return throw_kind(vm, ERR_TYPE, "internal error: no BigInt operator %d", op);
    }
    if (st == JS_OK)
        *out = js_bigv(r);
    return st;
}

/* ---- conversions ---------------------------------------------------------------------------- */

/* ToBigInt (7.1.13), with V8's messages */
js_status to_bigint(js_vm *vm, js_value v, js_bigint **out)
{
    js_value p;
    js_status st = to_primitive(vm, v, 1, &p);
    if (st != JS_OK)
        return st;
    switch (p.type) {
    case JS_TBIGINT:
        *out = p.u.bigint;
        return JS_OK;
    case JS_TBOOLEAN: {
        uint32_t one = 1;
        *out = make(vm, false, &one, p.u.boolean);
        return JS_OK;
    }
    case JS_TSTRING:
        *out = bigint_from_text(vm, p.u.string->chars, p.u.string->len, false);
        if (!*out)
            return throw_kind(vm, ERR_SYNTAX, "Cannot convert %s to a BigInt", p.u.string->chars);
        return JS_OK;
    default:
        return throw_kind(vm, ERR_TYPE, "Cannot convert %s to a BigInt",
                          js_to_string_safe(vm, p)->chars);
    }
}

js_value js_new_bigint_from_i64(js_vm *vm, int64_t v)
{
    return js_bigv(bigint_from_i64(vm, v));
}

bool js_is_bigint(js_value v)
{
    return v.type == JS_TBIGINT;
}

/* ---- BigInt and BigInt.prototype (21.2) ----------------------------------------------------- */

/* BigInt(value) (21.2.1.1): not a constructor; a Number must be an integer */
static js_status bigint_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    if (!js_is_undefined(a->new_target))
        return throw_kind(vm, ERR_TYPE, "BigInt is not a constructor");
    js_value prim;
    js_status st = to_primitive(vm, js_arg(a, 0), 1, &prim);
    if (st != JS_OK)
        return st;
    if (prim.type == JS_TNUMBER) {
        double d = prim.u.number;
        if (!isfinite(d) || d != trunc(d))
            return throw_kind(vm, ERR_RANGE, "The number %s cannot be converted to a BigInt "
                                             "because it is not an integer",
                              str_from_number(vm, d)->chars);
        *out = js_bigv(bigint_from_double(vm, d));
        return JS_OK;
    }
    js_bigint *b = NULL;
    if ((st = to_bigint(vm, prim, &b)) == JS_OK)
        *out = js_bigv(b);
    return st;
}

/* ToIndex (7.1.22) of asIntN's and asUintN's bits */
static js_status to_index(js_vm *vm, js_value v, uint64_t *out)
{
    double d = 0;
    js_status st = js_is_undefined(v) ? JS_OK : to_number(vm, v, &d);
    if (st != JS_OK)
        return st;
    d = js_to_integer_or_infinity(d);
    if (d < 0 || d > MAX_SAFE_INTEGER)
        return throw_kind(vm, ERR_RANGE, "Invalid value: not (convertible to) a safe integer");
    *out = (uint64_t)d;
    return JS_OK;
}

/* BigInt.asUintN(bits, x) (21.2.2.2): x modulo 2^bits; asIntN (21.2.2.1): that, less 2^bits
 * when its bit bits-1 is set */
static js_status as_n(const js_args *a, bool is_signed, js_value *out)
{
    js_vm *vm = a->vm;
    uint64_t bits = 0;
    js_bigint *x = NULL;
    js_status st = to_index(vm, js_arg(a, 0), &bits);
    if (st != JS_OK || (st = to_bigint(vm, js_arg(a, 1), &x)) != JS_OK)
        return st;
    uint64_t have = bit_length(x);
    if (bits == 0) {
        *out = js_bigv(make(vm, false, NULL, 0));
        return JS_OK;
    }
    if ((!x->negative && have + is_signed <= bits) || (is_signed && have + 1 < bits)) {
        *out = js_bigv(x); /* it fits */
        return JS_OK;
    }
    if (bits > MAX_BITS) /* a negative x modulo a huge power of two */
        return too_big(vm);
    uint32_t n = (uint32_t)((bits + 31) / 32);
    uint32_t width = (n > x->len ? n : x->len) + 1;
    uint32_t *d = limbs_alloc(width);
    to_twos(x, d, width);
    if (bits % 32)
        d[n - 1] &= (UINT32_C(1) << (bits % 32)) - 1;
    for (uint32_t i = n; i < width; i++)
        d[i] = 0;
    bool top = (d[(bits - 1) / 32] >> ((bits - 1) % 32)) & 1;
    if (is_signed && top) { /* sign-extend: the value less 2^bits */
        if (bits % 32)
            d[n - 1] |= ~((UINT32_C(1) << (bits % 32)) - 1);
        for (uint32_t i = n; i < width; i++)
            d[i] = 0xffffffffu;
        *out = js_bigv(from_twos(vm, d, width));
        return JS_OK;
    }
    *out = js_bigv(make_free(vm, false, d, n));
    return JS_OK;
}

static js_status bigint_as_int_n(const js_args *a, js_value *out)
{
    return as_n(a, true, out);
}

static js_status bigint_as_uint_n(const js_args *a, js_value *out)
{
    return as_n(a, false, out);
}

/* thisBigIntValue (21.2.3.4.1) */
static js_status this_bigint(const js_args *a, const char *method, js_bigint **out)
{
    js_value v = a->this_value;
    if (v.type == JS_TOBJECT && v.u.object->cls == CLASS_BIGINT)
        v = v.u.object->u.primitive;
    if (v.type != JS_TBIGINT)
        return throw_kind(a->vm, ERR_TYPE, "BigInt.prototype.%s requires that 'this' be a BigInt",
                          method);
    *out = v.u.bigint;
    return JS_OK;
}

static js_status bigint_to_string_m(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_bigint *b = NULL;
    js_status st = this_bigint(a, "toString", &b);
    if (st != JS_OK)
        return st;
    double radix = 10;
    js_value r = js_arg(a, 0);
    if (!js_is_undefined(r)) {
        if ((st = to_number(vm, r, &radix)) != JS_OK)
            return st;
        radix = js_to_integer_or_infinity(radix);
        if (radix < 2 || radix > 36)
            return throw_kind(vm, ERR_RANGE, "toString() radix argument must be between 2 and 36");
    }
    *out = js_strv(bigint_to_string(vm, b, (int)radix));
    return JS_OK;
}

/* Intl.NumberFormat's en-US default for a BigInt: the digits grouped by three */
static js_status bigint_to_locale_string(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_bigint *b = NULL;
    js_status st = this_bigint(a, "toLocaleString", &b);
    if (st != JS_OK)
        return st;
    size_t n;
    char *text = mag_to_text(b->limbs, b->len, 10, false, &n);
    str_buf sb = {0};
    if (b->negative)
        sb_cstr(&sb, "-");
    for (size_t i = 0; i < n; i++) {
        sb_bytes(&sb, text + i, 1);
        if ((n - 1 - i) % 3 == 0 && i + 1 < n)
            sb_cstr(&sb, ",");
    }
    free(text);
    *out = js_strv(sb_finish(vm, &sb));
    return JS_OK;
}

static js_status bigint_value_of(const js_args *a, js_value *out)
{
    js_bigint *b = NULL;
    js_status st = this_bigint(a, "valueOf", &b);
    if (st == JS_OK)
        *out = js_bigv(b);
    return st;
}

void builtin_bigint(js_vm *vm)
{
    js_object *proto = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    vm->in.bigint_prototype = proto;
    js_root_value(vm, js_obj(proto));
    js_object *ctor = define_ctor(vm, "BigInt", 1, bigint_ctor, proto);
    define_native(vm, ctor, "asUintN", 2, bigint_as_uint_n);
    define_native(vm, ctor, "asIntN", 2, bigint_as_int_n);
    define_native(vm, proto, "toLocaleString", 0, bigint_to_locale_string);
    define_native(vm, proto, "toString", 0, bigint_to_string_m);
    define_native(vm, proto, "valueOf", 0, bigint_value_of);
    prop_define_value(vm, proto, sym_key(vm->sym.to_string_tag), js_strv(atom_cstr(vm, "BigInt")),
                      PROP_CONFIGURABLE);
}
