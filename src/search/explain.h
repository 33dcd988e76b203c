/* explain.h - `loopsim explain`: a walk through one run, round by round, in the words of the
 * event loop.
 *
 * The quiz articles this project started from explain their answers as a walk: the main
 * script, what it queued where, then each turn of the loop.  explain writes that walk from the
 * trace of the nominal run (output.h records, plus snapshots of the queues when the main script
 * is done and at the top of each iteration), with the rule behind each step, and points out the
 * races `loopsim orders` finds: the decisions of time the nominal order rests on.
 */
#ifndef LOOPSIM_EXPLAIN_H
#define LOOPSIM_EXPLAIN_H

#include <stdbool.h>
#include <stdio.h>

#include "engine.h"
#include "explore.h"

typedef struct {
    bool color;           /* ANSI colour (a terminal, and NO_COLOR unset) */
    int width;            /* wrap at this many columns */
} ls_explain_style;

/* Runs `program` (nominal timing, with its trace) and writes the walk to `f`.  `orders` is the
 * program's orders under the same profile and costs (for the races).  Returns the simulated
 * process's exit code, or -1 on bad input (message on stderr). */
int explain_run(const ls_program *program, const ls_costs *costs, const ls_profile *profile,
                const ls_limits *limits, const ls_orders *orders, const ls_explain_style *style,
                FILE *f);

/* The words for the callback that printed a line, e.g. "the process.nextTick callback
 * `nextTick1` (iteration 1, timers phase)"; `record` indexes e->out.records. */
const char *explain_callback_words(ls_engine *e, size_t record);

#endif
