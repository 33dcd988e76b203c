/* costs.h - the timing model (costs.def): how long each operation takes on the virtual clock.
 *
 * The engine orders everything exactly, but which of two callbacks runs first can depend on
 * whether a millisecond boundary of libuv's loop clock passed in between (shared/reference R5).
 * That is decided by these costs.  Each one is a row of costs.def, so the loader, the command
 * line and the docs all read the same table.
 */
#ifndef LOOPSIM_COSTS_H
#define LOOPSIM_COSTS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
#define LS_COST(field, key, def, doc) double field;
#include "costs.def"
#undef LS_COST
} ls_costs;

typedef struct {
    const char *key;   /* JSON key / --cost name, e.g. "first_log_ms" */
    double def;        /* default, ms */
    const char *doc;
    size_t offset;     /* of the field in ls_costs */
} ls_cost_info;

extern const ls_cost_info ls_cost_table[];
extern const size_t ls_cost_count;

void costs_defaults(ls_costs *c);
/* The row whose key is `key`, or NULL. */
const ls_cost_info *costs_find(const char *key);
double *costs_field(ls_costs *c, const ls_cost_info *info);
/* NULL if `ms` is acceptable for the row, else what is expected ("a number >= 0", ...). */
const char *costs_check(const ls_cost_info *info, double ms);

#endif
