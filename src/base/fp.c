/* fp.c - see fp.h. */
#include "fp.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline uint64_t mix(uint64_t x);

uint64_t fp_mix64(uint64_t x)
{
    return mix(x); /* splitmix64's finalizer */
}

static uint64_t rotl(uint64_t x, int r)
{
    return (x << r) | (x >> (64 - r));
}

static inline uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= UINT64_C(0xbf58476d1ce4e5b9);
    x ^= x >> 27;
    x *= UINT64_C(0x94d049bb133111eb);
    return x ^ (x >> 31);
}

void fp_u64(ls_fp *fp, uint64_t x)
{
    /* two 64-bit chains, each its own way, fed the value mixed once (a bijection: distinct
     * values stay distinct); one mix per value was half the cost of fingerprinting a state */
    uint64_t m = mix(x);
    fp->a = rotl(fp->a ^ m, 23) * UINT64_C(0x9e3779b97f4a7c15);
    fp->b = rotl(fp->b + (m ^ (m >> 29)) * UINT64_C(0x5851f42d4c957f2d), 31) *
            UINT64_C(0xd6e8feb86659fd93);
}

void fp_i64(ls_fp *fp, int64_t x)
{
    fp_u64(fp, (uint64_t)x);
}

void fp_bool(ls_fp *fp, bool x)
{
    fp_u64(fp, x ? 1 : 0);
}

void fp_double(ls_fp *fp, double x)
{
    uint64_t bits;
    if (x == 0)
        x = 0; /* -0 and 0 */
    if (x != x)
        x = __builtin_nan("");
    memcpy(&bits, &x, sizeof bits);
    fp_u64(fp, bits);
}

void fp_str(ls_fp *fp, const char *s)
{
    if (!s) {
        fp_u64(fp, UINT64_C(0xdead));
        return;
    }
    size_t n = strlen(s);
    fp_u64(fp, n);
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w = 0;
        memcpy(&w, s + i, n - i < 8 ? n - i : 8);
        fp_u64(fp, w);
    }
}

void fp_code(ls_fp *fp, const void *p)
{
    fp_u64(fp, (uint64_t)(uintptr_t)p);
}

static size_t slot(const ls_fp *fp, const void *p)
{
    size_t i = (size_t)mix((uint64_t)(uintptr_t)p) & (fp->cap - 1);
    while (fp->keys[i] && fp->keys[i] != p)
        i = (i + 1) & (fp->cap - 1);
    return i;
}

static void grow(ls_fp *fp)
{
    const void **keys = fp->keys;
    uint64_t *ids = fp->ids;
    size_t cap = fp->cap;
    fp->cap = cap ? 2 * cap : 256;
    fp->keys = calloc(fp->cap, sizeof *fp->keys);
    fp->ids = calloc(fp->cap, sizeof *fp->ids);
    if (!fp->keys || !fp->ids)
        ls_out_of_memory(fp->cap * (sizeof *fp->keys + sizeof *fp->ids));
    for (size_t i = 0; i < cap; i++)
        if (keys[i]) {
            size_t j = slot(fp, keys[i]);
            fp->keys[j] = keys[i];
            fp->ids[j] = ids[i];
        }
    free(keys);
    free(ids);
}

bool fp_object(ls_fp *fp, const void *p)
{
    if (!p) {
        fp_u64(fp, 0);
        return false;
    }
    if (2 * (fp->len + 1) > fp->cap)
        grow(fp);
    size_t i = slot(fp, p);
    if (fp->keys[i]) {
        fp_u64(fp, fp->ids[i]);
        return false;
    }
    fp->keys[i] = p;
    fp->ids[i] = ++fp->len;
    fp_u64(fp, fp->len);
    return true;
}

void fp_refuse(ls_fp *fp)
{
    fp->refused = true;
}

bool fp_refused(const ls_fp *fp)
{
    return fp->refused;
}

void fp_bytes(ls_fp *fp, const void *p, size_t n)
{
    const unsigned char *s = p;
    fp_u64(fp, n);
    for (size_t i = 0; i < n; i += 8) {
        uint64_t w = 0;
        memcpy(&w, s + i, n - i < 8 ? n - i : 8);
        fp_u64(fp, w);
    }
}

void fp_begin(ls_fp *fp)
{
    memset(fp, 0, sizeof *fp);
    fp->a = UINT64_C(0x6a09e667f3bcc908);
    fp->b = UINT64_C(0xbb67ae8584caa73b);
}

bool fp_end(ls_fp *fp, uint64_t *a, uint64_t *b)
{
    free(fp->keys);
    free(fp->ids);
    fp->keys = NULL;
    fp->ids = NULL;
    *a = fp->a;
    *b = fp->b;
    return !fp->refused;
}
