/* clock.h - the virtual clock, and libuv's millisecond loop time read from it.
 *
 * Time is kept in nanoseconds since the main script started; `phase_ns` says where inside its
 * millisecond the monotonic clock was at that moment (the timing model's clock_phase_ms).
 * libuv keeps `loop->time` in whole milliseconds, truncated from the monotonic clock
 * (src/unix/internal.h uv__update_time: uv__hrtime(UV_CLOCK_FAST) / 1000000), and refreshes it
 * only at uv__update_time; Node's timers see it minus `timer_base`, the loop time when the
 * process started (src/env.cc Environment::GetNowUint64).  Since the process starts inside
 * millisecond 0 here, timer_base is 0 and loop-ms is floor((phase_ns + now_ns) / 1e6).
 *
 * Two reads exist, and which one Node uses where decides races (shared/reference R3.4):
 *   clock_now()     uv_now(): the cached loop->time;
 *   clock_get_now() Environment::GetNow(): uv_update_time() then uv_now(), i.e. a fresh read;
 *                   every setTimeout start, every processTimers `now` and every interval
 *                   restart uses it (lib/internal/timers.js getLibuvNow()).
 */
#ifndef LOOPSIM_CLOCK_H
#define LOOPSIM_CLOCK_H

#include <stdint.h>

typedef struct {
    int64_t now_ns;     /* virtual time since the main script started */
    int64_t phase_ns;   /* 0 <= phase_ns < 1e6 */
    uint64_t loop_time; /* loop->time - timer_base, in ms, as of the last update */
} ls_clock;

#define LS_NS_PER_MS INT64_C(1000000)

void clock_init(ls_clock *c, double phase_ms);
/* floor of the monotonic clock in ms: what uv__update_time would store now. */
uint64_t clock_hrtime_ms(const ls_clock *c);
/* uv__update_time */
void clock_update_time(ls_clock *c);
/* uv_now: the cached value */
uint64_t clock_now(const ls_clock *c);
/* Environment::GetNow: refresh, then read */
uint64_t clock_get_now(ls_clock *c);
void clock_advance(ls_clock *c, int64_t ns);
/* Nanoseconds from now until loop-ms first reads `ms` (0 if it already does or did). */
int64_t clock_ns_until_ms(const ls_clock *c, uint64_t ms);
int64_t clock_ms_to_ns(double ms);

#endif
