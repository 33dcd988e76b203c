/* answer.h - `loopsim check`: a quiz answer against what Node prints.
 *
 * People write answers as lines, or on one line with spaces, commas or arrows between the
 * outputs ("1 -> 2 -> 3", "promise run, nextTick 1, ...").  An answer is compared word by word
 * (split on white space, commas and arrows; quotes dropped) with each order `loopsim orders`
 * finds, so the way it is written does not matter, only the order of what it says.
 *
 * The verdict: right (Node always prints it), right only under some timings (one of several
 * orders: when, and how likely), or wrong: where it first goes wrong, what Node prints there and
 * why, in the words of the event loop.  Then which Node versions print the answer.
 */
#ifndef LOOPSIM_ANSWER_H
#define LOOPSIM_ANSWER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "engine.h"

/* UNDECIDED: the answer is none of the orders the search found, but it could not see them all
 * (it stopped at a limit), or could not keep them (more than LS_MAX_COUNTED). */
typedef enum {
    VERDICT_RIGHT,
    VERDICT_SOMETIMES,
    VERDICT_WRONG,
    VERDICT_BAD_INPUT,
    VERDICT_UNDECIDED
} ls_verdict;

typedef struct {
    char **words;
    size_t n;
} ls_words;

/* Splits an answer (or a program's output) into words; free with answer_words_free. */
ls_words answer_words(const char *text, size_t len);
void answer_words_free(ls_words *w);

struct ls_orders_s;

typedef struct {
    /* processes (0 or 1: this one): with more, jobs - 1 workers (fanout.h) ask which versions
     * print the answer while this one searches for the verdict; the output is the same */
    int jobs;
    /* progress (NULL: none): the verdict's search (as explore.h's), then the versions, each
     * called when one more is known; `quiet` before anything is written to the output */
    void (*search_progress)(void *ctx, const struct ls_orders_s *so_far, uint64_t samples);
    void (*versions_progress)(void *ctx, size_t done, size_t total);
    void (*quiet)(void *ctx);
    void *ctx;
} ls_check_options;

/* Checks `answer` against the program under `profile`, writing the verdict to `f`. */
ls_verdict answer_check(const ls_program *program, const ls_costs *costs,
                        const ls_profile *profile, const ls_limits *limits, const char *answer,
                        const ls_check_options *options, bool color, FILE *f);

#endif
