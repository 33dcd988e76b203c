/* timers.h - Node's timer lists (Node 11+, lib/internal/timers.js and lib/timers.js @v20.20.2).
 *
 * Node does not give every setTimeout its own libuv timer.  It groups Timeout objects into
 * lists, one per integer duration (`timerListMap[msecs]`): every timer of a list has the same
 * duration, so appending keeps a list sorted by expiry, and only a list's head can be due.
 * The lists sit in a binary heap (`timerListQueue`) ordered by (expiry, id).  A list's expiry is
 * start + msecs of the timer that created it, and is moved forward only when the list is
 * processed and its head is not due yet (`listOnTimeout`): then the list also gets a NEW id,
 * so it queues behind lists of the same expiry that were created or rescheduled earlier
 * (shared/reference R3.3, R3.5).  All of Node's timers share ONE libuv timer
 * (`Environment::timer_handle`), armed for the earliest list; when it fires, C++
 * `Environment::RunTimers` calls `processTimers(now)` with one fresh `now` for the whole phase
 * and re-arms the uv timer for what processTimers returns.
 *
 * loopsim keeps exactly that shape: ls_timer is a Timeout, ls_timer_list a TimersList (its heap
 * node inside it, heap.h), and ls_timers the module's state.  Times are loop-ms (clock.h).
 *
 * Node 10 (profile column timer_per_list; lib/timers.js @v10.7.0) had the same lists but no
 * list heap: every TimersList owned a TimerWrap, i.e. its own uv timer, so libuv's timer heap
 * ordered the lists by (timeout, start_id), each list ran as one MakeCallback (one drain per
 * list), a rescheduled list got a new start_id from uv_timer_start, and since every list's
 * callback refreshed the loop time, a list that became due while the phase ran still ran in it
 * (R2.2, R3.6).  unref() moved a timer to a TimerWrap of its own (R3.11), and an interval whose
 * callback overran its period was re-armed from its end + 1 ms (R3.8).  The second half of
 * timers.c models that.  Before Node 11.9, a fractional delay kept its own list
 * (fractional_lists, R3.2); later versions truncate it in insert().
 */
#ifndef LOOPSIM_TIMERS_H
#define LOOPSIM_TIMERS_H

#include "fingerprint.h"
#include "types.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "heap.h"
#include "loop.h"

typedef struct ls_timer_list ls_timer_list;

struct ls_timer {                 /* a Timeout object */
    ls_timer *prev, *next;        /* _idlePrev/_idleNext inside its list */
    ls_timer_list *list;          /* NULL while in no list */
    double idle_timeout;          /* _idleTimeout, the coerced delay (fractions kept); -1 cleared */
    double repeat;                /* _repeat: the interval, 0 for a setTimeout */
    uint64_t idle_start;          /* _idleStart */
    bool destroyed;               /* _destroyed */
    bool refed;                   /* [kRefed] */
    bool has_callback;            /* _onTimeout !== null */
    bool called;                  /* _called: it has run (Node 10's unref checks it) */
    ls_uv_timer *own;             /* Node 10: the TimerWrap of an unref'd timer (_handle) */
    js_value callback;
    js_value *args;
    size_t nargs;
    ls_origin origin;
    js_value object;              /* the Timeout object the program sees (host.c), once made */
    ls_timer *all_next;           /* in ls_timers.all, while `kept` */
    bool kept;                    /* a root of the collector: in a list, with a TimerWrap of its
                                   * own (Node 10), or running; else only the program's Timeout
                                   * object keeps it (its class's mark) */
};

struct ls_timer_list {            /* a TimersList */
    ls_heap_node node;            /* in timerListQueue */
    double msecs;                 /* an integer unless fractional_lists */
    double expiry;
    int64_t id;
    ls_timer *head, *tail;
    bool queued;                  /* in timerListQueue */
    ls_uv_timer handle;           /* Node 10: the list's own TimerWrap (list._timer) */
};

typedef struct {
    ls_heap queue;                /* timerListQueue */
    ls_timer_list **map;          /* timerListMap: open addressing by msecs */
    size_t map_cap, map_len;
    int64_t next_list_id;         /* timerListId */
    int64_t ref_count;            /* timeoutInfo[0] */
    double next_expiry;           /* nextExpiry; INFINITY when none */
    ls_uv_timer handle;           /* Environment::timer_handle */
    ls_timer *all;                /* the timers kept (see ls_timer.kept), newest first */
    ls_timer *current;            /* the timer whose callback runs, until it is re-armed */
    ls_timer *spare;              /* no longer kept, and the collector freed its Timeout object:
                                   * reused by the next setTimeout (linked by `next`) */
} ls_timers;

void timers_init(ls_engine *e);
/* Marks the callbacks, arguments and Timeout objects of the timers kept (the VM's collector),
 * and stops keeping those that are in no list, have no TimerWrap and are not running: only
 * the program can still reach such a timer, through its Timeout (timers_mark_one, from the
 * Timeout class's mark), to refresh() it. */
void timers_mark(ls_engine *e, js_vm *vm);
void timers_mark_one(js_vm *vm, const ls_timer *timer);
/* Its Timeout object was collected: a timer no longer kept is reused by the next setTimeout. */
void timers_recycle(ls_engine *e, ls_timer *timer);

/* new Timeout(...) + insert(): setTimeout/setInterval.  `delay` is the already coerced delay. */
ls_timer *timers_create(ls_engine *e, js_value callback, js_value *args, size_t nargs,
                        double delay, bool repeat, ls_origin origin);
/* The Timeout constructor's coercion: after *= 1; 1 unless 1 <= after <= 2^31-1 (R3.1). */
/* clearTimeout/clearInterval */
void timers_clear(ls_engine *e, ls_timer *t);
void timers_unref(ls_engine *e, ls_timer *t);
void timers_ref(ls_engine *e, ls_timer *t);
void timers_refresh(ls_engine *e, ls_timer *t);

/* Writes the first `max` pending timers by due time, ", "-separated, naming each callback with
 * `name` (then ", ... and N more"); returns how many are pending. */
size_t timers_describe(const ls_engine *e, FILE *f,
                       const char *(*name)(const ls_engine *, ls_origin), size_t max);

/* The list for `msecs`, or NULL (for tests and traces). */
ls_timer_list *timers_list_for(const ls_timers *timers, double msecs);

/* Hashes Node's timers (fingerprint.h): the lists in timerListQueue order and by duration,
 * each Timeout with its callback; and one of libuv's timer handles, with what it belongs to. */
void timers_fingerprint(ls_engine *e, ls_fp *fp);
void timers_fingerprint_timer(ls_fp *fp, const ls_timer *timer);
void timers_fingerprint_uv_timer(ls_engine *e, ls_fp *fp, const ls_uv_timer *t);

#endif
