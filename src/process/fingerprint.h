/* fingerprint.h - a hash of everything that decides what a simulated process does next.
 *
 * `loopsim orders` re-runs a program once per path of timing decisions (explore.h).  Two paths
 * often reach the same state by different routes: two independent races, each decided either
 * way, leave the process waiting for the same next timer whichever way each went.  What the
 * process prints from such a state on does not depend on the route, so the search explores it
 * once and joins every later route to it (state merging, as explicit-state model checkers do;
 * SPIN hashes its state vector the same way).
 *
 * The fingerprint is taken only at the start of a loop iteration (uv_run's `while` test, see
 * loop.c), where no JavaScript is on the stack, the nextTick and microtask queues are empty,
 * and the engine's C stack holds nothing of its own: all state is in the structs walked here.
 * It covers the clock (the zone of possible instants, the cached loop time), libuv's loop (the
 * timer heap, handle counts), Node's timer lists and immediate queue, the task queues, every
 * value reachable from the program's scopes (closures, promises with their reactions,
 * suspended async functions, timers, emitters), the callbacks run (the limit counts them) and
 * the moments the words of later decisions refer to (clock.h), their iterations counted back
 * from the current one.  The text printed so far is not part of it: that is the route.
 * Counters that only number things are left out: nothing reads an origin's seq or a promise's
 * id, and libuv's timer start ids and Node's list ids are compared only with each other (uv
 * timer_less_than, compareTimersLists), a later one always the greater, so the order in which
 * the walk takes the heaps says all there is.  The loop iteration is left out too: only words
 * name it, and they are kept relative (above; explore.c shifts them back).
 *
 * Objects are identified by the order in which the walk first meets them, never by address,
 * and the heaps are walked in their ordering (timeout, start id), not in their tree shape, so
 * equal states built in different orders hash equally.  Pointers into the program (functions'
 * definitions, statement cursors) are the same in every run of one process and are hashed as
 * they are.  A state holding what the walk does not follow (I/O in flight, sockets and
 * servers, handles being closed, a zone with pending instants) has no fingerprint: the search
 * then does not merge there, which costs time, never correctness.
 *
 * The hash is 128 bits and equal hashes are taken as equal states without comparing them:
 * with the tens of thousands of states of a search, a collision has a probability below 1e-28.
 */
#ifndef LOOPSIM_FINGERPRINT_H
#define LOOPSIM_FINGERPRINT_H

#include <stdbool.h>
#include <stdint.h>

#include "fp.h"
#include "types.h"

typedef struct {
    uint64_t a, b;
} ls_fingerprint;

/* The state's fingerprint at the start of a loop iteration; false if it has none. */
bool engine_fingerprint(ls_engine *e, ls_fingerprint *out);

/* ---- the engine's values, for the modules' walkers (fp.h has the primitives) ----------- */

/* A value of the program, through the VM (js_fingerprint_value). */
void fp_value(ls_fp *fp, js_value v);
void fp_origin(ls_fp *fp, ls_origin o);

#endif
