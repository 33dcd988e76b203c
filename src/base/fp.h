/* fp.h - hashing a state into a fingerprint: the primitives every layer's walker uses.
 *
 * A walk (ls_fp) folds words into two independent 64-bit chains and numbers the objects it
 * meets in the order it first meets them (fp_object), so that two equal states built in
 * different orders, at different addresses, hash equally.  fingerprint.h says what the search
 * hashes and why; each layer hashes its own structs with these.
 */
#ifndef LOOPSIM_FP_H
#define LOOPSIM_FP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ls_fp ls_fp;   /* a walk in progress */

void fp_u64(ls_fp *fp, uint64_t x);
void fp_i64(ls_fp *fp, int64_t x);
void fp_bool(ls_fp *fp, bool x);
void fp_double(ls_fp *fp, double x);
/* A string's contents (NULL is distinct from ""). */
void fp_str(ls_fp *fp, const char *s);
/* n bytes (which may hold NULs) */
void fp_bytes(ls_fp *fp, const void *p, size_t n);
/* A pointer that is the same in every run of this process: into the program, or a C
 * function's address. */
void fp_code(ls_fp *fp, const void *p);
/* A 64-bit mixer (splitmix64's finalizer), for other hash tables of the search. */
uint64_t fp_mix64(uint64_t x);
/* An object of the run: hashes its identity (NULL, or when the walk first met it) and returns
 * true the first time, when the caller must hash its contents. */
bool fp_object(ls_fp *fp, const void *p);
/* The state holds something the walk cannot follow: there is no fingerprint. */
void fp_refuse(ls_fp *fp);
bool fp_refused(const ls_fp *fp);
/* A walk: begin, hash, end (the 128-bit result; false if refused). */
struct ls_fp {
    uint64_t a, b;
    const void **keys;     /* objects met, open addressing; their number is their identity */
    uint64_t *ids;
    size_t cap, len;
    bool refused;
    void *ctx;             /* the walker's (the engine's walk: its VM, for fp_value) */
};
void fp_begin(ls_fp *fp);
bool fp_end(ls_fp *fp, uint64_t *a, uint64_t *b);

#endif
