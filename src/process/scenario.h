/* scenario.h - the validated, in-memory form of a JSON scenario.
 *
 * A scenario is a small JavaScript program written as JSON (docs/scenario-format.md).  The
 * loader (loader.c) turns the JSON into this tree and checks it; emit_js.c turns the tree into
 * the JavaScript program it stands for, which program.c compiles and the VM (src/js/) runs, and
 * which real Node runs for the expected output.  Nothing here depends on cJSON: the JSON
 * document is freed before the loader returns.
 *
 * A scenario may instead hold its program as JavaScript: as text ("source"), then `js_source`
 * is set; or as the path of a JavaScript file ("script"), then `script` is set, and
 * `js_source` too once program.c has read the file.  Either way `main` and `functions` are
 * empty.
 *
 * The tree stays close to JavaScript on purpose.  Every node is one JavaScript expression or
 * statement (`setTimeout(cb, 0)`, `p.then(f)`, `await x`, `if (...) {...}`), so emit_js can
 * print it back one to one.
 *
 * All memory belongs to the scenario's arena (arena.h): nodes are never freed one by one.
 */
#ifndef LOOPSIM_SCENARIO_H
#define LOOPSIM_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "costs.h"

/* A JSON literal as JavaScript sees it.  Arrays appear only as setTimeout delays ([3] -> 3). */
typedef enum {
    LS_LIT_UNDEFINED,
    LS_LIT_NULL,
    LS_LIT_BOOL,
    LS_LIT_NUMBER,
    LS_LIT_STRING,
    LS_LIT_ARRAY
} ls_lit_kind;

typedef struct ls_lit {
    ls_lit_kind kind;
    bool boolean;
    double number;
    const char *string;
    struct ls_lit *elems; /* LS_LIT_ARRAY */
    size_t nelems;
} ls_lit;

typedef struct ls_node ls_node;

typedef struct {
    ls_node **items;
    size_t len;
} ls_block;

/* A function: a declaration in "functions", or a function literal in a callback position. */
typedef struct ls_func {
    const char *name;   /* declared or "name" given in the scenario; NULL if anonymous */
    const char *label;  /* name, or a label made from where it was written, for traces */
    const char *path;   /* JSON path of its definition, e.g. "$.main[3].setTimeout" */
    bool is_async;
    bool is_arrow;      /* written as an inline array body: emitted as an arrow function */
    const char **params;
    size_t nparams;
    ls_block body;
} ls_func;

/* Node kinds.  The comment gives the JavaScript each one stands for; `a`, `b`, `cb`, `cb2`,
 * `args` and `name` are the fields of ls_node each kind uses. */
typedef enum {
    /* values */
    LS_N_LITERAL,        /* lit                                                          */
    LS_N_VAR,            /* name                      (a variable, parameter or function) */
    LS_N_FUNCTION,       /* fn                        (a function literal)                */
    LS_N_THENABLE,       /* { then: cb }              (cb gets resolve, reject)           */
    /* statements and plain calls */
    LS_N_LOG,            /* console.log(...args)                                          */
    LS_N_CALL,           /* name(...args)                                                 */
    LS_N_LET,            /* let name = a                                                  */
    LS_N_SET,            /* name = a                                                      */
    LS_N_INCREMENT,      /* name++                                                        */
    LS_N_IF,             /* if (cond) { then_block } else { else_block }                  */
    LS_N_RETURN,         /* return a                                                      */
    LS_N_THROW,          /* throw a                                                       */
    LS_N_AWAIT,          /* await a                   (only in an async function)         */
    LS_N_BUSY,           /* const s = now(); while (now() - s < number) {}                */
    /* timers and immediates */
    LS_N_SET_TIMEOUT,    /* setTimeout(cb, delay, ...args)    [.unref() if unref]         */
    LS_N_SET_INTERVAL,   /* setInterval(cb, delay, ...args)   [.unref() if unref]         */
    LS_N_SET_IMMEDIATE,  /* setImmediate(cb, ...args)         [.unref() if unref]         */
    LS_N_CLEAR_TIMEOUT,  /* clearTimeout(a)                                               */
    LS_N_CLEAR_INTERVAL, /* clearInterval(a)                                              */
    LS_N_CLEAR_IMMEDIATE,/* clearImmediate(a)                                             */
    LS_N_UNREF,          /* a.unref()                                                     */
    LS_N_REF,            /* a.ref()                                                       */
    LS_N_REFRESH,        /* a.refresh()                                                   */
    /* the two job queues */
    LS_N_NEXT_TICK,      /* process.nextTick(cb, ...args)                                 */
    LS_N_QUEUE_MICROTASK,/* queueMicrotask(cb)                                            */
    /* promises */
    LS_N_NEW_PROMISE,    /* new Promise(cb)                                               */
    LS_N_PROMISE_RESOLVE,/* Promise.resolve(a)                                            */
    LS_N_PROMISE_REJECT, /* Promise.reject(a)                                             */
    LS_N_PROMISE_ALL,    /* Promise.all([...args])                                        */
    LS_N_PROMISE_RACE,   /* Promise.race([...args])                                       */
    LS_N_THEN,           /* a.then(cb, cb2)           (cb or cb2 may be NULL: not passed)  */
    LS_N_CATCH,          /* a.catch(cb)                                                   */
    LS_N_FINALLY,        /* a.finally(cb)                                                 */
    /* I/O */
    LS_N_FS,             /* fs.readFile(__filename, cb), ...: fs_op (ls_fs_ops)          */
    LS_N_FS_PROMISE,     /* fs.promises.readFile(__filename), ...: fs_op (ls_fsp_ops)     */
    LS_N_FS_STREAM,      /* fs.createReadStream(__filename), ...: fs_op (ls_fss_ops)      */
    /* events and the process */
    LS_N_NEW_EMITTER,    /* new EventEmitter()                                            */
    LS_N_ON,             /* a.on(name, cb)            (a NULL: process.on)                */
    LS_N_EMIT,           /* a.emit(name, ...args)                                         */
    LS_N_PROCESS_EXIT,   /* process.exit(a)                                               */
    /* net handles whose close callbacks the scenario format covers */
    LS_N_NET_SERVER,     /* net.createServer(cb)      (cb: 'connection' listener or NULL) */
    LS_N_LISTEN,         /* a.listen(0, cb)                                               */
    LS_N_CONNECT,        /* net.connect(port of server a, cb)                             */
    LS_N_DESTROY,        /* a.destroy()               (socket: 'close' in the close phase) */
    LS_N_SERVER_CLOSE,   /* a.close(cb)               (server: 'close' through nextTick)   */
    LS_N__COUNT
} ls_kind;

/* The thread-pool calls of the JSON format (fs's, crypto's and zlib's): the key, and the JavaScript
 * call it stands for (up to the callback).  Only readFile and stat take "trips". */
typedef enum { LS_FS_READ_FILE, LS_FS_STAT, LS_FS_WRITE_FILE, LS_FS_APPEND_FILE, LS_FS_ACCESS,
               LS_FS_OPEN, LS_FS_READ, LS_FS_PBKDF2, LS_FS_RANDOM_BYTES, LS_FS_GZIP,
               LS_FS__COUNT } ls_fs_op;
typedef struct {
    const char *key;   /* "fs.writeFile" */
    const char *call;  /* "fs.writeFile('loopsim-scenario.txt', 'x', " */
    const char *module; /* the module: "fs", "crypto", "zlib" */
} ls_fs_op_info;
extern const ls_fs_op_info ls_fs_ops[LS_FS__COUNT];
/* fs.promises' calls of the JSON format: the key, and the whole JavaScript call */
typedef enum { LS_FSP_READ_FILE, LS_FSP_STAT, LS_FSP_WRITE_FILE, LS_FSP__COUNT } ls_fsp_op;
extern const ls_fs_op_info ls_fsp_ops[LS_FSP__COUNT];
/* fs's streams in the JSON format: the key, and the whole JavaScript expression (a stream, to
 * bind with "as" and give listeners with "on") */
typedef enum { LS_FSS_READ, LS_FSS_WRITE, LS_FSS__COUNT } ls_fss_op;
extern const ls_fs_op_info ls_fss_ops[LS_FSS__COUNT];
typedef enum { LS_COND_EQUALS, LS_COND_LESS } ls_cond_op;

struct ls_node {
    ls_kind kind;
    const char *path;   /* JSON path, e.g. "$.main[2]" */
    int line, col;      /* where the object starts in the file (1-based) */

    const char *name;   /* VAR, CALL, LET, SET, INCREMENT; event name of ON and EMIT */
    const char *bind;   /* "as": binds the result to a new variable; NULL if none */
    ls_lit lit;         /* LITERAL; the delay of SET_TIMEOUT/SET_INTERVAL (raw, coerced at run) */
    bool has_delay;     /* delay given (else undefined, which Node coerces to 1) */
    bool unref;         /* setTimeout(...).unref() written in one expression */

    ls_node *a;         /* main operand (see the kind table) */
    ls_node *b;         /* IF: the right-hand side of cond */
    ls_cond_op cond;    /* IF: a <op> b */
    ls_node *cb;        /* callback or executor, or a non-function value in a callback place */
    ls_node *cb2;       /* THEN: onRejected */
    ls_node **args;
    size_t nargs;
    ls_func *fn;        /* FUNCTION, THENABLE */
    ls_block then_block, else_block; /* IF */

    double number;      /* BUSY: milliseconds */
    ls_fs_op fs_op;     /* FS */
    int fs_trips;       /* FS: thread-pool round trips; 0 = the operation's default */
    double fs_latency_ms; /* FS: per-trip latency; < 0 = the scenario's io_latency_ms */
};

typedef struct ls_scenario {
    const char *file;        /* as given on the command line */
    const char *title;       /* optional */
    const char *description; /* optional */
    ls_func **functions;     /* "functions": hoisted declarations, in file order */
    size_t nfunctions;
    ls_func *main;           /* the main script, as a function with no params; NULL when
                              * the program is JavaScript ("source" or "script") */
    const char *js_source;   /* the program as JavaScript (NUL-terminated, js_source_len
                              * bytes): "source" as decoded (the loader refuses a \u0000 in
                              * it), or the text of the "script" file, which program.c reads
                              * and puts here; else NULL */
    size_t js_source_len;
    size_t js_source_at;     /* "source": byte offset in the JSON text of the string's opening
                              * quote (loader_source_position); 0 for a "script" */
    const char *script;      /* "script": the path as written in the JSON file; else NULL */
    const char *script_path; /* that path as program.c resolved and read it (relative to the
                              * JSON file's directory); NULL until then */
    bool browser;            /* "env": "browser": run it in the browser (--env browser) */
    bool esm;                /* "module": "esm", or a .mjs "script": the entry point is an
                              * ES module */
    ls_costs costs;          /* defaults overridden by "timing" */
    unsigned long long costs_set; /* bit i: ls_cost_table[i] was set by "timing" */
    ls_arena *arena;         /* owns everything above */
} ls_scenario;

const char *ls_kind_name(ls_kind kind);   /* the JSON key of a kind, e.g. "setTimeout" */

#endif
