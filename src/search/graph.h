/* graph.h - the states `loopsim orders` met, what was printed between them, and the orders
 * that makes.
 *
 * The search (explore.c) re-runs the program once per path of timing decisions.  At the start
 * of each loop iteration a run fingerprints the engine's state (fingerprint.h); each distinct
 * state is a node here, and each stretch of a run from one state to the next (or to the end)
 * is an edge: the lines printed on the way, what was said of time on the way (the facts, with
 * iteration numbers relative to the edge's first state), and how many different decision
 * sequences took it.  A run that reaches a state whose every path is already explored stops
 * there: the edge it adds joins that state, whose future is known.  Node 0 is the start of the
 * process.
 *
 * The orders are the texts of the paths from node 0 to an end.  Two passes read them from the
 * end backwards:
 *   graph_count  each node's set of 61-bit polynomial hashes of the texts after it, built from
 *                its edges' texts in front of their targets' sets.  Sets are shared: a node
 *                whose edges print the same texts in front of the same sets as another's has
 *                the same set (the many states of one race, whatever loop-ms each reached),
 *                so twenty independent races make a few sets per race, not one per state.
 *   graph_list   each node's texts in full, with what holds on every path that prints each
 *                (the conditions) and the first few decision lists (the alternatives); run
 *                only when the count is small (LS_MAX_LISTED).  Statements are interned and
 *                their iteration numbers moved by table look-up, not by rewriting text.
 */
#ifndef LOOPSIM_GRAPH_H
#define LOOPSIM_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "budget.h"
#include "explore.h"
#include "fingerprint.h"

#define GRAPH_END SIZE_MAX   /* an edge's target when the run ended; "no state" */

typedef struct ls_graph ls_graph;

/* Something said of time on the way, in words whose iteration numbers are absolute (engine.h
 * LS_ITERATION_WORDS); decided: a decision (more than one answer was possible), not forced. */
typedef struct {
    char *statement;
    bool decided;
} graph_fact;

/* A graph that charges what it keeps (nodes, edges and their texts, the count pass's sets) to
 * `budget` (NULL: none). */
ls_graph *graph_new(ls_budget *budget);
void graph_free(ls_graph *g);

/* The node of state `fp`, added if new (reached with `depth` decisions taken); *done says
 * whether every path from it is explored already. */
size_t graph_state(ls_graph *g, ls_fingerprint fp, size_t depth, bool *done);
/* The search moved on to a path that changes decision number `replay` - 1: every state first
 * reached with `replay` decisions or more taken is done. */
void graph_close(ls_graph *g, size_t replay);
/* A run went from node `from` (at loop iteration `from_iteration`) to node `to` (at
 * `to_iteration`), or to its end (`to` GRAPH_END, with `ending` and `exit_code`), printing
 * `lines` and saying `facts` on the way.  Equal edges are one, taken by several runs. */
void graph_add_edge(ls_graph *g, size_t from, size_t to, const char *lines, size_t len,
                    const char *ending, int exit_code, const graph_fact *facts, size_t nfacts,
                    uint64_t from_iteration, uint64_t to_iteration);
size_t graph_states(const ls_graph *g);   /* not counting node 0 */

/* The distinct orders (at most LS_MAX_COUNTED, else *capped) and the timing paths (saturating
 * at UINT64_MAX).  False (nothing counted) if the budget ran out first. */
bool graph_count(ls_graph *g, uint64_t *count, bool *capped, uint64_t *paths);
/* After graph_count, unless capped: is this order one of them (with any ending, when `ending`
 * is NULL)? */
bool graph_holds(const ls_graph *g, const char *lines, size_t len, const char *ending);
/* Every distinct line printed on some edge, sorted (malloc'd, each and the array): what an
 * order's lines can be (loopsim check cuts an answer into them). */
void graph_vocabulary(const ls_graph *g, char ***lines, size_t *nlines);
/* Appends every order to out->orders, with its paths, conditions and alternatives, in the
 * order the search found them. */
void graph_list(ls_graph *g, ls_orders *out);

#endif
