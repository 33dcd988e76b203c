/* interp.h - runs the scenario's functions: the JavaScript side of the simulated process.
 *
 * Synchronous code runs to completion, as in JavaScript.  An async function runs until its
 * first `await`, then leaves a frame (its statement cursors and scope) that a promise job
 * resumes later, exactly where V8 would resume the generator.  Every call into the program
 * from a queue or the loop goes through interp_run_callback, which charges the callback's
 * cost, writes its trace line, and turns a throw into Node's uncaught-exception handling.
 */
#ifndef LOOPSIM_INTERP_H
#define LOOPSIM_INTERP_H

#include <stdbool.h>
#include <stddef.h>

#include "engine.h"

typedef enum { C_NORMAL, C_THROW, C_RETURN, C_SUSPEND } ls_completion_kind;

/* EventEmitter (lib/events.js): listeners by event name, called synchronously in order.
 * process, net.Server and net.Socket are emitters too. */
typedef enum { EM_EMITTER, EM_PROCESS, EM_SERVER, EM_SOCKET } ls_emitter_kind;

typedef struct {
    const char *event;
    ls_value fn;
    bool once;
    bool removed;
} ls_listener;

struct ls_emitter {
    ls_emitter_kind kind;
    const char *label;
    ls_listener *listeners;
    size_t nlisteners, cap;
    /* net.Server / net.Socket */
    ls_uv_handle handle;
    bool listening, closed, destroyed, connected;
    int connections;          /* server: accepted connections still open */
    struct ls_emitter *peer;  /* socket: its server */
};

typedef struct {
    ls_completion_kind kind;
    ls_value value;
} ls_completion;

static inline ls_value value_undefined(void)
{
    ls_value v = {.kind = LV_UNDEFINED};
    return v;
}

static inline ls_value value_string(const char *s)
{
    ls_value v = {.kind = LV_STRING, .as.string = s};
    return v;
}

static inline ls_value value_number(double n)
{
    ls_value v = {.kind = LV_NUMBER, .as.number = n};
    return v;
}

static inline ls_value value_promise(ls_promise *p)
{
    ls_value v = {.kind = LV_PROMISE, .as.promise = p};
    return v;
}

static inline ls_value value_function(ls_function *f)
{
    ls_value v = {.kind = LV_FUNCTION, .as.function = f};
    return v;
}

static inline bool value_is_callable(ls_value v)
{
    return v.kind == LV_FUNCTION;
}

/* Sets up the global scope (the declared functions). */
void interp_init(ls_engine *e);
/* Runs the main script inside the InternalCallbackScope that StartExecution opens. */
void interp_run_main(ls_engine *e);
/* Evaluates the main script as an ES module: a promise job in a callback scope.  Its
 * signature is ls_native_fn's, so that the poll phase can call it. */
void interp_run_module(ls_engine *e, void *data);

/* Calls a function value with `args`; `this` is not modelled. */
ls_completion interp_call(ls_engine *e, ls_value fn, const ls_value *args, size_t nargs);

/* Runs a callback from a queue or the loop: one trace line, the callback cost, and uncaught
 * exception handling.  False if it threw (or the run stopped). */
bool interp_run_callback(ls_engine *e, ls_origin origin, ls_value fn, const ls_value *args,
                         size_t nargs);

/* A throw nobody caught: 'uncaughtException' listeners, else the process dies (exit code 1). */
void interp_uncaught(ls_engine *e, ls_value error, const char *origin);

/* Resumes an async function suspended at an await. */
void interp_resume(ls_engine *e, void *frame, ls_value value, bool threw);

/* processPromiseRejections for one promise. */
void interp_unhandled_rejection(ls_engine *e, ls_promise *p);

/* process.emit(event, ...args) (beforeExit, exit): runs the listeners; false if none. */
bool interp_emit_process(ls_engine *e, const char *event, const ls_value *args, size_t nargs);

size_t emitter_listener_count(const ls_emitter *em, const char *event);
void emitter_on(ls_engine *e, ls_emitter *em, const char *event, ls_value fn, bool once);
/* emit(): true if there were listeners.  If one throws, the throw is stored in *thrown (when
 * given) and emit stops; else it is an uncaught exception. */
bool emitter_emit(ls_engine *e, ls_emitter *em, const char *event, const ls_value *args,
                  size_t nargs, ls_completion *thrown);

/* A label for traces: the function's label, or a description of the value. */
const char *interp_label(ls_value fn);

/* A fatal modelling error caused by the scenario at run time (wrong type of value, ...). */
void interp_error(ls_engine *e, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Hashes the program's objects (fingerprint.h): a function with the scope it closes over, a
 * scope with its variables, an emitter with its listeners (refused for sockets and servers),
 * an async function suspended at an await (its statement cursors and scope). */
void interp_fingerprint_function(ls_fp *fp, const ls_function *f);
void interp_fingerprint_env(ls_fp *fp, const ls_env *env);
void interp_fingerprint_emitter(ls_fp *fp, const ls_emitter *em);
void interp_fingerprint_frame(ls_fp *fp, const void *frame);

#endif
