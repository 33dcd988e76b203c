/* budget.h - how long, and how much memory, a search may take.
 *
 * Every search loopsim makes (the note `loopsim run` prints after a racy program's output,
 * `orders`, `sweep`, `check`, `explain`) works under a budget: a wall-clock deadline and a
 * ceiling on the memory it keeps.  The search asks `budget_spent` at the places where it can
 * stop cleanly (between runs, at every callback and loop iteration of a run, in the counting
 * pass over its graph); once the budget is spent it stays spent, the search stops, and the
 * command says on stderr that it stopped early and what it found up to then.
 *
 * Time is wall-clock time (CLOCK_MONOTONIC): it is what the person waiting sees.  Reading the
 * clock costs about 20 ns, so `budget_spent` reads it only every BUDGET_TICKS calls.  Memory
 * is what the search charges itself (budget_charge): a count the code keeps, not the process's
 * resident size, so the same search stops at the same point in every build (the sanitizers
 * double the resident size).
 *
 * The verdicts of the test suite must not depend on how fast the machine is; the tests set
 * LOOPSIM_NO_TIME_BUDGET=1 in the environment, which makes the default time budgets unlimited
 * (main.c), so only the counts (runs, callbacks, bytes) stop a search there.  A budget given on
 * the command line (--max-seconds) applies whatever the environment says.
 */
#ifndef LOOPSIM_BUDGET_H
#define LOOPSIM_BUDGET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BUDGET_TICKS 64

typedef enum { BUDGET_LEFT, BUDGET_TIME, BUDGET_MEMORY } ls_budget_state;

typedef struct {
    double seconds;       /* as given (0: no time limit) */
    double megabytes;     /* as given (0: no memory limit) */
    int64_t deadline_ns;  /* CLOCK_MONOTONIC; 0: no time limit */
    size_t max_bytes;     /* 0: no memory limit */
    size_t bytes;         /* charged so far */
    unsigned ticks;       /* calls since the clock was last read */
    ls_budget_state state;
} ls_budget;

/* Starts a budget of `seconds` from now and `megabytes` (each 0: unlimited). */
void budget_start(ls_budget *b, double seconds, double megabytes);
/* True once the budget is spent (time or memory); NULL is a budget never spent. */
bool budget_spent(ls_budget *b);
/* True once the time is spent (memory aside: the count pass of a search that stopped at its
 * memory budget still counts what it found). */
bool budget_time_spent(ls_budget *b);
/* Charges (or, negative, gives back) memory the search keeps. */
void budget_charge(ls_budget *b, long long bytes);
/* Keeps `share` (0..1) of the time left for later: the deadline moves that much earlier until
 * budget_release(b, the value returned) puts it back, the budget then left again if its time
 * was all that was spent.  Returns 0 (and changes nothing) for a budget without a deadline. */
int64_t budget_reserve(ls_budget *b, double share);
void budget_release(ls_budget *b, int64_t deadline_ns);
/* The monotonic clock in ns. */
int64_t budget_now_ns(void);

#endif
