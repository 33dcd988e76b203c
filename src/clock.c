/* clock.c - see clock.h. */
#include "clock.h"

#include <math.h>

int64_t clock_ms_to_ns(double ms)
{
    return (int64_t)llround(ms * 1e6);
}

void clock_init(ls_clock *c, double phase_ms)
{
    c->now_ns = 0;
    c->phase_ns = clock_ms_to_ns(phase_ms);
    if (c->phase_ns < 0)
        c->phase_ns = 0;
    if (c->phase_ns >= LS_NS_PER_MS)
        c->phase_ns = LS_NS_PER_MS - 1;
    c->loop_time = 0;
}

uint64_t clock_hrtime_ms(const ls_clock *c)
{
    return (uint64_t)((c->phase_ns + c->now_ns) / LS_NS_PER_MS);
}

void clock_update_time(ls_clock *c)
{
    c->loop_time = clock_hrtime_ms(c);
}

uint64_t clock_now(const ls_clock *c)
{
    return c->loop_time;
}

uint64_t clock_get_now(ls_clock *c)
{
    clock_update_time(c);
    return c->loop_time;
}

void clock_advance(ls_clock *c, int64_t ns)
{
    if (ns > 0)
        c->now_ns += ns;
}

int64_t clock_ns_until_ms(const ls_clock *c, uint64_t ms)
{
    int64_t target = (int64_t)ms * LS_NS_PER_MS - c->phase_ns;
    return target > c->now_ns ? target - c->now_ns : 0;
}
