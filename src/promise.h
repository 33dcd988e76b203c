/* promise.h - V8's promises, as ECMA-262 specifies them and V8 11.x implements them
 * (src/builtins/promise-*.tq, builtins-async-gen.cc).
 *
 * Order among promise callbacks is a matter of counting jobs: every reaction of a settled
 * promise is one PromiseReactionJob on the microtask queue, and resolving a promise with
 * another promise or a thenable costs a PromiseResolveThenableJob, whose `then` call queues
 * the reaction that finally settles it: +2 jobs (shared/reference R8.1).  So this module does
 * not shortcut anything the spec does in a job: `finally` really calls then on a fresh promise
 * (thenFinally/catchFinally, valueThunk/thrower), `Promise.all` really counts resolveElement
 * calls, and `await` is PromiseResolve + PerformPromiseThen (await_direct) or a throwaway
 * promise resolved with the value (the older V8 await, 3 jobs for a native promise).
 */
#ifndef LOOPSIM_PROMISE_H
#define LOOPSIM_PROMISE_H

#include "fingerprint.h"
#include "types.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum { PS_PENDING, PS_FULFILLED, PS_REJECTED } ls_promise_state;

typedef enum {
    H_EMPTY,          /* no handler: pass the value (or the rejection) through */
    H_FUNCTION,       /* a function value; a non-callable value behaves as H_EMPTY */
    H_AWAIT,          /* resume an async function (data: its frame) */
    H_THEN_FINALLY,   /* Promise.prototype.finally's thenFinally (value: onFinally) */
    H_CATCH_FINALLY,  /* ... catchFinally */
    H_VALUE_THUNK,    /* returns `value` */
    H_THROWER,        /* throws `value` */
    H_ALL_ELEMENT     /* Promise.all's resolveElement (data: the all state, index) */
} ls_handler_kind;

typedef struct {
    ls_handler_kind kind;
    ls_value value;
    void *data;
    size_t index;
} ls_handler;

struct ls_reaction {               /* a PromiseReaction pair: fulfil and reject */
    ls_reaction *next;
    ls_promise *capability;        /* the derived promise, or NULL (await, internal thens) */
    ls_handler on_fulfilled, on_rejected;
    ls_origin origin;              /* for the trace: the API and the callback's label */
};

struct ls_promise {
    ls_promise_state state;
    ls_value result;
    ls_reaction *head, *tail;
    bool is_handled;               /* [[PromiseIsHandled]] */
    uint64_t id;
};

ls_promise *promise_new(ls_engine *e);
/* A promise's resolve function, steps 7-16: fulfil, reject on self-resolution, or queue a
 * PromiseResolveThenableJob for a thenable. */
void promise_resolve(ls_engine *e, ls_promise *p, ls_value resolution);
void promise_reject(ls_engine *e, ls_promise *p, ls_value reason);
/* CreateResolvingFunctions */
void promise_resolving_functions(ls_engine *e, ls_promise *p, ls_value *resolve, ls_value *reject);
/* PromiseResolve(%Promise%, x): x itself if it is a native promise, else a new one resolved with x */
ls_promise *promise_resolve_static(ls_engine *e, ls_value x);
/* PerformPromiseThen; with `derive`, returns the new derived promise, else NULL. */
ls_promise *promise_then(ls_engine *e, ls_promise *p, ls_handler on_fulfilled,
                         ls_handler on_rejected, bool derive, ls_origin origin);
/* p.finally(onFinally) */
ls_promise *promise_finally(ls_engine *e, ls_promise *p, ls_value on_finally, ls_origin origin);
/* Promise.all / Promise.race over already evaluated values */
ls_promise *promise_all(ls_engine *e, ls_value *values, size_t n, ls_origin origin);
ls_promise *promise_race(ls_engine *e, ls_value *values, size_t n, ls_origin origin);
/* `await value` inside an async function whose suspended frame is `frame`. */
void promise_await(ls_engine *e, void *frame, ls_value value, ls_origin origin);

/* Runs one microtask. */
void promise_run_job(ls_engine *e, ls_job *job);

/* Hashes a promise (fingerprint.h): its state and value, and its reactions with their
 * handlers (suspended async functions and Promise.all's elements included). */
void promise_fingerprint(ls_fp *fp, const ls_promise *p);

#endif
