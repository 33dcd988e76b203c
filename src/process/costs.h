/* costs.h - the timing model (costs.def): how long each operation takes on the virtual clock.
 *
 * The engine orders everything exactly, but which of two callbacks runs first can depend on
 * whether a millisecond boundary of libuv's loop clock passed in between (shared/reference R5).
 * That is decided by these costs.  Each one is a row of costs.def, so the loader, the command
 * line and the docs all read the same table.  A cost is a nominal value (what `loopsim run`
 * uses) and the range [lo, hi] an operation's real cost can fall in (what `loopsim orders`
 * explores and samples).
 */
#ifndef LOOPSIM_COSTS_H
#define LOOPSIM_COSTS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    double ms;         /* nominal */
    double lo, hi;     /* lo <= ms <= hi */
    double tail;       /* > 0: sampling draws from [lo, tail] but for a share of draws from
                        * [tail, hi] (costs.def) */
    double share;      /* that share, 0..1 */
} ls_cost;

typedef struct {
#define LS_COST(field, key, def, lo, hi, tail, share, doc) ls_cost field;
#include "costs.def"
#undef LS_COST
} ls_costs;

typedef struct {
    const char *key;   /* JSON key / --cost name, e.g. "first_log_ms" */
    double def, lo, hi, tail; /* ms */
    double share;      /* of the draws, from the tail: 0..1 */
    const char *doc;
    size_t offset;     /* of the field in ls_costs */
} ls_cost_info;

extern const ls_cost_info ls_cost_table[];
extern const size_t ls_cost_count;

void costs_defaults(ls_costs *c);
/* The row whose key is `key`, or NULL. */
const ls_cost_info *costs_find(const char *key);
ls_cost *costs_field(ls_costs *c, const ls_cost_info *info);
/* Every cost but clock_phase (a position, not a duration) `k` times as long: its nominal value,
 * its range and its tail (--slower: a machine k times slower, or that busy). */
void costs_scale(ls_costs *c, double k);
/* NULL if `ms` is acceptable for the row, else what is expected ("a number >= 0", ...). */
const char *costs_check(const ls_cost_info *info, double ms);
/* A cost pinned to one value. */
ls_cost cost_point(double ms);
/* A cost that ranges over [lo, hi] (lo <= hi); its nominal value is the row's default if that
 * lies in the range, else the middle. */
ls_cost cost_range(const ls_cost_info *info, double lo, double hi);
/* Parses "MS" or "LO:HI" for the row; NULL on success, else what was expected. */
const char *costs_parse(const ls_cost_info *info, const char *text, ls_cost *out);

#endif
