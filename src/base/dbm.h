/* dbm.h - a difference-bound matrix: what the timing model knows about time when costs are
 * ranges, not numbers.
 *
 * `loopsim orders` runs a program with every cost a range (costs.def) and the clock's phase
 * anywhere in [0, 1) ms.  The instants that matter are then unknown but related: "now" is the
 * start plus a sum of costs, an fs request completes its latency after "now" at submission, and
 * each decision the run takes ("loop-ms read 3 here", "this request completed before that
 * one") adds a bound.  All of these are constraints of the form x_i - x_j <= c, so the set of
 * instants consistent with a path of decisions is a zone, kept as the matrix of its tightest
 * bounds (Dill's DBMs, as in timed-automata model checkers).  A zone is convex and closed under
 * "advance now by a range", so testing whether a choice is still possible is exact: a path of
 * choices exists in the model iff its zone is not empty.
 *
 * Variable 0 is the constant 0 (absolute bounds are x_i - 0 <= c); variable 1 is "now"; the
 * others are allocated for instants still pending (an fs request's completion, the instant the
 * loop time was last refreshed).  Times are in nanoseconds.
 */
#ifndef LOOPSIM_DBM_H
#define LOOPSIM_DBM_H

#include <stdbool.h>
#include <stdint.h>

#define DBM_MAX 80             /* variables, the zero and "now" included */
#define DBM_INF INT64_C(0x3fffffffffffffff)
#define DBM_ZERO 0
#define DBM_NOW 1

typedef struct {
    int n;                     /* variables 0 .. n-1 may be in use */
    bool used[DBM_MAX];
    int64_t m[DBM_MAX][DBM_MAX]; /* m[i][j]: the least upper bound of x_i - x_j */
} ls_dbm;

/* A zone where now lies in [lo, hi]. */
void dbm_init(ls_dbm *d, int64_t lo, int64_t hi);
/* now += c for some c in [lo, hi]; lo <= hi, both >= 0. */
void dbm_advance(ls_dbm *d, int64_t lo, int64_t hi);
/* A new variable x = x_base + c, c in [lo, hi]; returns its index, or -1 if the matrix is full. */
int dbm_add(ls_dbm *d, int base, int64_t lo, int64_t hi);
/* x_i := x_j (an instant becomes another, e.g. "now" becomes a completion it waited for). */
void dbm_assign(ls_dbm *d, int i, int j);
/* Forgets variable i (its bounds on the others stay implied). */
void dbm_drop(ls_dbm *d, int i);
/* Adds x_i - x_j <= c; false (and the zone is left unusable) if that empties the zone. */
bool dbm_constrain(ls_dbm *d, int i, int j, int64_t c);
/* Would x_i - x_j <= c leave the zone non-empty? */
bool dbm_allows(const ls_dbm *d, int i, int j, int64_t c);
/* The least and greatest value x_i can have. */
int64_t dbm_min(const ls_dbm *d, int i);
int64_t dbm_max(const ls_dbm *d, int i);
void dbm_copy(ls_dbm *dst, const ls_dbm *src);

#endif
