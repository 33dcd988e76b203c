/* budget.c - see budget.h. */
#include "budget.h"

#include <time.h>

int64_t budget_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void budget_start(ls_budget *b, double seconds, double megabytes)
{
    b->seconds = seconds > 0 ? seconds : 0;
    b->deadline_ns = seconds > 0 ? budget_now_ns() + (int64_t)(seconds * 1e9) : 0;
    b->megabytes = megabytes > 0 ? megabytes : 0;
    b->max_bytes = (size_t)(b->megabytes * 1048576.0);
    b->bytes = 0;
    b->ticks = 0;
    b->state = BUDGET_LEFT;
}

bool budget_time_spent(ls_budget *b)
{
    if (!b || b->state == BUDGET_MEMORY)
        return false;
    if (b->state == BUDGET_TIME)
        return true;
    if (b->deadline_ns && ++b->ticks >= BUDGET_TICKS) {
        b->ticks = 0;
        if (budget_now_ns() >= b->deadline_ns)
            b->state = BUDGET_TIME;
    }
    return b->state == BUDGET_TIME;
}

bool budget_spent(ls_budget *b)
{
    if (!b)
        return false;
    if (b->state != BUDGET_LEFT)
        return true;
    if (b->max_bytes && b->bytes > b->max_bytes) {
        b->state = BUDGET_MEMORY;
        return true;
    }
    return budget_time_spent(b);
}

void budget_charge(ls_budget *b, long long bytes)
{
    if (!b)
        return;
    if (bytes < 0 && (size_t)-bytes > b->bytes)
        b->bytes = 0;
    else
        b->bytes += (size_t)bytes;
}

int64_t budget_reserve(ls_budget *b, double share)
{
    if (!b || !b->deadline_ns || b->state != BUDGET_LEFT)
        return 0;
    int64_t now = budget_now_ns(), full = b->deadline_ns;
    if (full > now)
        b->deadline_ns = full - (int64_t)((double)(full - now) * share);
    return full;
}

void budget_release(ls_budget *b, int64_t deadline_ns)
{
    if (!b || !deadline_ns)
        return;
    b->deadline_ns = deadline_ns;
    if (b->state == BUDGET_TIME && budget_now_ns() < deadline_ns)
        b->state = BUDGET_LEFT;
    b->ticks = 0;
}
