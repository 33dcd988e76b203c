/* types.h - the values a simulated program computes with, shared by every engine module.
 *
 * JavaScript values are a tagged union; objects (promises, functions, timers, ...) are pointers
 * into the engine's arena.  The structs themselves live with the module that models them.
 */
#ifndef LOOPSIM_TYPES_H
#define LOOPSIM_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"

typedef struct ls_engine ls_engine;
typedef struct ls_promise ls_promise;
typedef struct ls_function ls_function;
typedef struct ls_timer ls_timer;
typedef struct ls_immediate ls_immediate;
typedef struct ls_emitter ls_emitter;
typedef struct ls_array ls_array;
typedef struct ls_env ls_env;
typedef struct ls_reaction ls_reaction;
typedef struct ls_job ls_job;

/* ---- values ---------------------------------------------------------------------------- */

typedef enum {
    LV_UNDEFINED,
    LV_NULL,
    LV_BOOL,
    LV_NUMBER,
    LV_STRING,
    LV_ARRAY,     /* what Promise.all fulfils with */
    LV_FUNCTION,
    LV_PROMISE,
    LV_THENABLE,  /* { then: fn } */
    LV_TIMEOUT,   /* what setTimeout/setInterval return */
    LV_IMMEDIATE,
    LV_EMITTER    /* EventEmitter, net.Server, net.Socket */
} ls_value_kind;

typedef struct ls_value {
    ls_value_kind kind;
    union {
        bool boolean;
        double number;
        const char *string;
        ls_array *array;
        ls_function *function;
        ls_promise *promise;
        ls_function *thenable; /* its `then` method */
        ls_timer *timer;
        ls_immediate *immediate;
        ls_emitter *emitter;
    } as;
} ls_value;

struct ls_array {
    ls_value *items;
    size_t len;
};

/* ---- functions and scopes -------------------------------------------------------------- */

typedef enum {
    FN_USER,     /* a function of the scenario, with the scope it closes over */
    FN_RESOLVE,  /* a promise's resolve function (ECMA-262 CreateResolvingFunctions) */
    FN_REJECT,   /* its reject function; both share `already_resolved` */
    FN_NATIVE    /* a function of Node's own JavaScript (emitListeningNT, ...), written in C */
} ls_function_kind;

typedef void (*ls_native_fn)(ls_engine *e, void *data);

struct ls_function {
    ls_function_kind kind;
    const ls_func *def;     /* FN_USER */
    ls_env *scope;          /* FN_USER */
    ls_promise *promise;    /* FN_RESOLVE, FN_REJECT */
    bool *already_resolved; /* FN_RESOLVE, FN_REJECT */
    ls_native_fn native;    /* FN_NATIVE */
    void *data;             /* FN_NATIVE */
    const char *name;       /* FN_NATIVE */
};

struct ls_env {
    ls_env *parent;
    const char **names;
    ls_value *values;
    size_t len, cap;
};

/* ---- where a callback came from, for --trace ------------------------------------------ */

typedef struct {
    const char *api;   /* "setTimeout", "process.nextTick", "then", "await", "fs.readFile", ... */
    const char *label; /* the callback's name or generated label */
    uint64_t seq;      /* enqueue order, unique per run */
} ls_origin;

#endif
