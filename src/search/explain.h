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

/* The words explain uses, for the other pictures of a run (picture.h). */
/* Runs `program` with its nominal timing, recording its trace (what each callback queued, the
 * snapshots of the queues): the engine to read it from (engine_free it), its exit code in
 * *code; NULL on bad input (message on stderr). */
ls_engine *explain_traced_run(const ls_program *program, const ls_costs *costs,
                              const ls_profile *profile, const ls_limits *limits, int *code);
/* An order's lines as "a, b, c". */
const char *explain_order_lines(ls_engine *e, const ls_order *x);
typedef struct ls_label_words ls_label_words;
/* The index of a run's generated labels (made once per run, in e's arena). */
ls_label_words *explain_words(ls_engine *e);
/* `text` (a trace's "queued" list, a condition) with every label in its display form. */
const char *explain_humanize(const ls_label_words *w, ls_engine *e, const char *text);
/* Conditions joined with "and", each in its display form. */
const char *explain_conditions(const ls_label_words *w, ls_engine *e, char *const *conditions,
                               size_t n);
/* A callback's name for people: `name`, or <prints "what it prints"> for an anonymous one. */
const char *explain_display_label(ls_engine *e, const char *label);
/* A callback's line in the walk: "setTimeout `t1`: prints 2, 4; queues process.nextTick(...)". */
const char *explain_callback_text(const ls_label_words *w, ls_engine *e, size_t record);
/* Whether an API's callbacks run in the drain of the nextTick and microtask queues. */
bool explain_is_drain_api(const char *api);
/* The rule of a phase, in the words of the walk (NULL for main). */
const char *explain_phase_rule(const ls_engine *e, ls_phase phase);
/* Whether a condition of order `x` names this phase of this iteration: a race decided there. */
bool explain_order_races_at(ls_engine *e, const ls_order *x, ls_phase phase, uint64_t iteration);

#endif
