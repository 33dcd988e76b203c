/* explore.h - every order a program can print under the timing model, and how likely each is.
 *
 * A run whose costs are ranges (clock.h, CLOCK_RANGES) meets decisions: questions about time
 * with more than one possible answer ("which loop-ms does this setTimeout read?", "which fs
 * request completes first?").  The engine is deterministic given the answers, so the explorer
 * walks the tree of answers depth first, re-running the program from the start with a prefix
 * of answers replayed and the first possible answer taken after it, until every branch is
 * done (stateless model checking, as in CHESS or Verisoft: no engine state is copied).  Each
 * leaf is one class of timings and prints one order; leaves that print the same lines and end
 * the same way are merged into one order.  What is true on every path to an order (the
 * statements of its decisions shared by all of them) is its condition.
 *
 * Identical states are merged (fingerprint.h, graph.h).  At the start of every loop
 * iteration the run fingerprints the engine's state; a state whose every path is explored
 * (the search has moved past the decisions that led to it) is joined, not explored again: the
 * run stops there.  Twenty independent races then cost about twenty thousand runs, not 2^20
 * paths.  Replays are cheap too: up to the decision a run changes, it meets the states the
 * previous run met (no fingerprint is taken), and it makes no words where the edge it is on
 * is known (the oracle is `quiet`; the clock words its moments only when asked).  The orders
 * are counted from the graph, and listed with their conditions when there are at most
 * LS_MAX_LISTED; beyond that only the orders the nominal and sampled runs printed are listed,
 * and the count says how many there are.
 *
 * The tree's leaves are not equally likely, so the probabilities come from sampling instead:
 * `samples` runs with every cost drawn uniformly from its range (CLOCK_SAMPLED, seeds 1..N, so
 * the result is reproducible).  A sampled run is one point of the space the search covers, so
 * its order must be among the search's; `sampled_outside` counts those that are not (always 0
 * unless the model has a bug, and checked by the tests).
 *
 * The sampled runs need nothing from the search, so with `jobs` > 1 they are made by other
 * processes (fanout.h) while this one searches, and taken in seed order afterwards: the same
 * orders, counts and ranks as one process gives.  The search itself stays in one process: its
 * merging of states is what makes it fast, and a state is only known to be explored once the
 * runs before it are done, so splitting the tree between processes would make each explore the
 * states the others explore (twenty independent races split at the first race: both halves meet
 * every later state).
 *
 * The search stops after `max_paths` runs, or when its budget (budget.h: wall-clock seconds and
 * the memory its graph keeps) is spent: between runs, inside a run (at every callback and loop
 * iteration), in the count pass and in the sampled runs.  `complete` says whether it saw every
 * path, `stopped_by` what stopped it; the orders it found up to then are real orders of the
 * model, so a count that stopped early is "at least".
 */
#ifndef LOOPSIM_EXPLORE_H
#define LOOPSIM_EXPLORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "engine.h"

#define LS_MAX_LISTED 1000          /* orders listed with conditions; more are only counted */
#define LS_MAX_COUNTED (1u << 21)   /* orders counted exactly; more: "more than" */

struct ls_orders_s;

typedef struct {
    uint64_t max_paths;   /* runs of the search (default 200000) */
    uint64_t samples;     /* sampled runs for the probabilities (0: none) */
    ls_budget *budget;    /* time and memory for everything below (NULL: unlimited) */
    bool no_merge;        /* explore every path on its own (for testing the merging) */
    bool count_only;      /* only count the orders: no nominal run, no list (loopsim run's note) */
    /* called after every run of the search and every sampled run, with what is done so far
     * (out's runs and samples, the orders sampling found) and the samples asked for: a
     * progress line on a terminal (NULL: none) */
    void (*progress)(void *ctx, const struct ls_orders_s *so_far, uint64_t samples_wanted);
    void *progress_ctx;
    /* processes to use (0 or 1: this one only): with more, the sampled runs are made by jobs - 1
     * worker processes (fanout.h) while this one searches; the result is the same */
    int jobs;
} ls_explore_options;

/* What stopped a search before it saw every path. */
typedef enum { STOPPED_NOT, STOPPED_MAX_PATHS, STOPPED_TIME, STOPPED_MEMORY } ls_stopped_by;

#define LS_MAX_ALTERNATIVES 3

typedef struct {
    char *lines;          /* what the program prints, one line each, '\n'-terminated */
    size_t len;
    char *ending;         /* how the run ends, as `loopsim run` says it on stderr ("" if exit 0) */
    int exit_code;        /* the simulated process's */
    uint64_t paths;       /* leaves of the search that print it */
    uint64_t samples;     /* sampled runs that printed it */
    bool nominal;         /* `loopsim run` (the nominal costs) prints it */
    bool searched;        /* found by the search (else only by sampling: search incomplete) */
    char **conditions;    /* true on every leaf that prints it, in the order met */
    size_t nconditions;
    /* the decisions of the first leaves that print it, one list per distinct set: shown when
     * the leaves share no condition */
    char **alternatives[LS_MAX_ALTERNATIVES];
    size_t alternative_len[LS_MAX_ALTERNATIVES];
    size_t nalternatives;
    bool more_alternatives;  /* more leaves decided otherwise */
    size_t rank;          /* when it was found */
} ls_order;

typedef struct ls_orders_s {
    ls_order *orders;     /* by probability, then as found */
    size_t n;             /* orders listed: all of them, unless count > LS_MAX_LISTED */
    uint64_t count;       /* distinct orders found by the search */
    bool count_capped;    /* more than LS_MAX_COUNTED: count is that bound */
    bool listed_all;      /* orders[] holds every order the search found, with conditions */
    uint64_t paths;       /* timing paths searched (saturates at UINT64_MAX) */
    uint64_t runs;        /* runs of the program the search took */
    uint64_t states;      /* distinct loop-iteration states it met */
    uint64_t joins;       /* runs stopped at a state already explored */
    bool complete;
    ls_stopped_by stopped_by; /* STOPPED_NOT when complete */
    bool count_partial;   /* the budget ran out in the count pass: `count` is only what the
                           * nominal and sampled runs printed (a lower bound) */
    uint64_t samples;
    uint64_t sampled_outside; /* sampled runs whose order the search did not find: a bug,
                               * unless the program prints what it read from the clock */
    bool read_clock;      /* the nominal or a sampled run read the clock (Date.now(), ...) */
    bool bad_input;       /* the program failed as bad input (message in `error`) */
    char *error;
    /* the search's graph, kept when it found more orders than it lists (and could count
     * them): for explore_holds and graph_vocabulary */
    struct ls_graph *graph;
} ls_orders;

void explore_orders(const ls_program *program, const ls_costs *costs, const ls_profile *profile,
                    const ls_limits *limits, const ls_explore_options *options, ls_orders *out);
void explore_free(ls_orders *orders);
/* Appends an order (taking `lines` and `ending` over), ranked after those already there. */
ls_order *explore_add_order(ls_orders *out, char *lines, size_t len, char *ending, int exit_code);
/* Did the search find an order that prints `lines` (then ends in any way)?  Exact for listed
 * orders and, with the graph kept, for every order; false otherwise. */
bool explore_holds(const ls_orders *orders, const char *lines, size_t len);

/* One run's printed lines and ending, as the explorer keys orders (malloc'd). */
void explore_run_key(ls_engine *e, int exit_code, char **lines, size_t *len, char **ending);

#endif
