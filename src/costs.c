/* costs.c - see costs.h. */
#include "costs.h"

#include <string.h>

const ls_cost_info ls_cost_table[] = {
#define LS_COST(field, key, def, doc) {key, def, doc, offsetof(ls_costs, field)},
#include "costs.def"
#undef LS_COST
};
const size_t ls_cost_count = sizeof ls_cost_table / sizeof ls_cost_table[0];

void costs_defaults(ls_costs *c)
{
    for (size_t i = 0; i < ls_cost_count; i++)
        *costs_field(c, &ls_cost_table[i]) = ls_cost_table[i].def;
}

const ls_cost_info *costs_find(const char *key)
{
    for (size_t i = 0; i < ls_cost_count; i++)
        if (strcmp(ls_cost_table[i].key, key) == 0)
            return &ls_cost_table[i];
    return NULL;
}

double *costs_field(ls_costs *c, const ls_cost_info *info)
{
    return (double *)((char *)c + info->offset);
}

const char *costs_check(const ls_cost_info *info, double ms)
{
    if (strcmp(info->key, "clock_phase_ms") == 0)
        return (ms >= 0 && ms < 1) ? NULL : "a number of milliseconds from 0 up to (not including) 1";
    return (ms >= 0 && ms <= 3600000) ? NULL : "a number of milliseconds from 0 to 3600000";
}
