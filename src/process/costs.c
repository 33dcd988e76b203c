/* costs.c - see costs.h. */
#include "costs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const ls_cost_info ls_cost_table[] = {
#define LS_COST(field, key, def, lo, hi, tail, share, doc) \
    {key, def, lo, hi, tail, (share) / 100.0, doc, offsetof(ls_costs, field)},
#include "costs.def"
#undef LS_COST
};
const size_t ls_cost_count = sizeof ls_cost_table / sizeof ls_cost_table[0];

void costs_defaults(ls_costs *c)
{
    for (size_t i = 0; i < ls_cost_count; i++) {
        const ls_cost_info *info = &ls_cost_table[i];
        ls_cost *f = costs_field(c, info);
        f->ms = info->def;
        f->lo = info->lo;
        f->hi = info->hi;
        f->tail = info->tail;
        f->share = info->share;
    }
}

const ls_cost_info *costs_find(const char *key)
{
    for (size_t i = 0; i < ls_cost_count; i++)
        if (strcmp(ls_cost_table[i].key, key) == 0)
            return &ls_cost_table[i];
    return NULL;
}

ls_cost *costs_field(ls_costs *c, const ls_cost_info *info)
{
    return (ls_cost *)((char *)c + info->offset);
}

const char *costs_check(const ls_cost_info *info, double ms)
{
    if (strcmp(info->key, "clock_phase_ms") == 0)
        return (ms >= 0 && ms < 1) ? NULL : "a number of milliseconds from 0 up to (not including) 1";
    return (ms >= 0 && ms <= 3600000) ? NULL : "a number of milliseconds from 0 to 3600000";
}

void costs_scale(ls_costs *c, double k)
{
    for (size_t i = 0; i < ls_cost_count; i++) {
        const ls_cost_info *info = &ls_cost_table[i];
        if (strcmp(info->key, "clock_phase_ms") == 0)
            continue; /* where the loop clock starts in its millisecond, not a duration */
        ls_cost *f = costs_field(c, info);
        f->ms *= k;
        f->lo *= k;
        f->hi *= k;
        f->tail *= k;
    }
}

ls_cost cost_point(double ms)
{
    ls_cost c = {ms, ms, ms, 0, 0};
    return c;
}

ls_cost cost_range(const ls_cost_info *info, double lo, double hi)
{
    ls_cost c = {info->def, lo, hi, 0, 0}; /* a range given by hand has no tail */
    if (c.ms < lo || c.ms > hi)
        c.ms = (lo + hi) / 2;
    return c;
}

static bool parse_ms(const char *s, const char *end, double *out)
{
    char buf[64];
    size_t n = (size_t)(end - s);
    if (n == 0 || n >= sizeof buf)
        return false;
    memcpy(buf, s, n);
    buf[n] = '\0';
    char *stop;
    errno = 0;
    *out = strtod(buf, &stop);
    return errno == 0 && *stop == '\0';
}

const char *costs_parse(const ls_cost_info *info, const char *text, ls_cost *out)
{
    const char *colon = strchr(text, ':');
    const char *end = text + strlen(text);
    double lo, hi;
    if (!colon) {
        if (!parse_ms(text, end, &lo) || costs_check(info, lo))
            return costs_check(info, -1);
        *out = cost_point(lo);
        return NULL;
    }
    if (!parse_ms(text, colon, &lo) || !parse_ms(colon + 1, end, &hi) || costs_check(info, lo) ||
        costs_check(info, hi))
        return costs_check(info, -1);
    if (lo > hi)
        return "a value of the range, with LO <= HI";
    *out = cost_range(info, lo, hi);
    return NULL;
}
