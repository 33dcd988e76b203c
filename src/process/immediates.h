/* immediates.h - Node's setImmediate queue (lib/internal/timers.js processImmediate and the
 * Immediate class, lib/timers.js setImmediate/clearImmediate, src/env.cc CheckImmediate,
 * all @v20.20.2).
 *
 * setImmediate appends to `immediateQueue`.  The check phase runs Node's check handle,
 * CheckImmediate, which calls processImmediate inside one MakeCallback.  processImmediate first
 * detaches the whole queue (head = tail = null), so immediates queued while it runs wait for the
 * next iteration (R4.2), then runs the detached batch in order, calling runNextTicks() before
 * each immediate but the first (R2.1), and skipping immediates cleared meanwhile (R4.3).
 * While ref'd immediates are pending, Node keeps its idle handle started, which keeps the loop
 * alive and makes the poll phase not block (R4.4).
 */
#ifndef LOOPSIM_IMMEDIATES_H
#define LOOPSIM_IMMEDIATES_H

#include <stdio.h>

#include "fingerprint.h"
#include "types.h"

#include <stdbool.h>
#include <stddef.h>

#include "loop.h"

struct ls_immediate {
    ls_immediate *prev, *next;  /* _idlePrev/_idleNext in immediateQueue or the running batch */
    bool destroyed;             /* _destroyed */
    bool refed;                 /* [kRefed] */
    bool queued;                /* still linked in a queue */
    js_value callback;
    js_value *args;
    size_t nargs;
    ls_origin origin;
    js_value object;            /* the Immediate object the program sees (host.c), once made */
};

typedef struct ls_immediates {
    ls_immediate *head, *tail;  /* immediateQueue */
    ls_immediate *out_head, *out_tail; /* outstandingQueue: the rest of a batch after a throw */
    size_t count;               /* immediateInfo[kCount] */
    size_t ref_count;           /* immediateInfo[kRefCount] */
    ls_uv_handle idle;          /* Environment::immediate_idle_handle */
    struct ls_immediates *running; /* processImmediate's batch being run (for the collector) */
    ls_immediate *current;      /* the immediate whose callback runs (its values stay roots) */
    ls_immediate *spare;        /* run or cleared, and the collector freed its Immediate object:
                                 * reused by the next setImmediate (linked by `next`), so memory
                                 * follows the immediates alive, not those that ran */
} ls_immediates;

void immediates_init(ls_engine *e);
void immediates_mark_one(js_vm *vm, const ls_immediate *im);
/* Marks the callbacks, arguments and Immediate objects in both queues and in the batch being
 * run (the VM's collector); an immediate run or cleared is kept only by its Immediate object,
 * if the program holds that (immediates_mark_one, its class's mark). */
void immediates_mark(ls_engine *e, js_vm *vm);
ls_immediate *immediates_create(ls_engine *e, js_value callback, js_value *args, size_t nargs,
                                ls_origin origin);
void immediates_clear(ls_engine *e, ls_immediate *im);
/* Its Immediate object was collected: nothing can reach `im` any more (a queued, running or
 * current immediate marks its object), so it is kept for reuse. */
void immediates_recycle(ls_engine *e, ls_immediate *im);
void immediates_unref(ls_engine *e, ls_immediate *im);
void immediates_ref(ls_engine *e, ls_immediate *im);
/* Environment::CheckImmediate: the check handle's callback. */
void immediates_check(ls_engine *e);

/* Writes the first `max` immediates of the queue in order, ", "-separated (then ", ... and N
 * more"); returns how many are queued. */
size_t immediates_describe(const ls_engine *e, FILE *f,
                           const char *(*name)(const ls_engine *, ls_origin), size_t max);

/* Hashes the immediate queue (fingerprint.h): both queues in order, each Immediate with its
 * callback, and the counts. */
void immediates_fingerprint(ls_engine *e, ls_fp *fp);
void immediates_fingerprint_immediate(ls_fp *fp, const ls_immediate *im);

#endif
