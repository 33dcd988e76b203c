/* host.h - the simulated process's side of its JavaScript: what Node is to V8.
 *
 * Each run of a program has its own VM (src/js/js.h).  The host makes it (with the language
 * features of the Node version modelled), gives it Node's globals as native functions
 * (setTimeout, setImmediate, process.nextTick, queueMicrotask, console), its own JavaScript
 * (the prelude: EventEmitter and the modules written in JavaScript, src/process/node/prelude/), and the
 * hooks through which the VM reaches the process: the virtual clock for every instruction and
 * API call, the trace for every microtask, the unhandled-rejection tracker, the GC roots held
 * in the process's queues.
 *
 * Every call from the event loop into JavaScript goes through host_run_callback, which counts
 * it against the callback limit, writes its trace record, charges the callback's cost, and
 * turns a throw nobody caught into Node's uncaught-exception handling (host_uncaught).
 */
#ifndef LOOPSIM_HOST_H
#define LOOPSIM_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "fp.h"
#include "js.h"
#include "node/inspect.h"
#include "program.h"
#include "types.h"

typedef struct ls_engine ls_engine;

/* Where a VM finds the run it serves: a VM outlives the runs (it is reset between them,
 * js_reset), so its natives and hooks hold this, not the engine. */
typedef struct {
    ls_engine *e;
    bool making;                 /* the VM is being made: its JavaScript (the prelude) costs
                                  * no virtual time (Node's bootstrap is a cost of its own) */
} ls_host_link;

typedef struct {
    js_vm *vm;
    ls_host_link *link;          /* the VM's */
    int cache_slot;              /* the VM's place in the cache (host.c), or -1: its own */
    js_value process;            /* the process object (an EventEmitter) */
    js_value module, exports;    /* the main module's */
    js_value emitter_ctor;       /* the prelude's EventEmitter */
    js_value timeout_proto;      /* Timeout.prototype, Immediate.prototype */
    js_value immediate_proto;
    js_value modules;            /* require's cache of builtin modules: an object */
    js_value buffer_proto;       /* Buffer.prototype (fs.readFile's data) */
    js_value window;             /* --env browser: the prelude window.js's exports */
    js_value dom;                /* --env browser: the prelude dom.js's exports */
    ls_inspect_style inspect;    /* console.log's formatting for the Node version */
    bool used_random;            /* Math.random was called (loopsim run says so) */
    bool read_clock;             /* the program read the clock (Date, performance.now, hrtime) */
    uint64_t random_state;
    int pending_write_len;       /* process.stdout.write without a newline yet */
    char *pending_write;
} ls_host;

/* Makes the VM and the globals (before the main script). */
void host_init(ls_engine *e);
void host_free(ls_engine *e);

/* StartExecution: the main script as a CommonJS module, inside a callback scope. */
/* An .mjs file as Node 10 runs it: its text as a CommonJS script (ls_program.script_js). */
void host_run_main_as_script(ls_engine *e);
/* The process dies of a SyntaxError in its main file before running (Node 10 and an .mjs file
 * that is no script): Node's report on stderr, exit code 1. */
void host_syntax_error(ls_engine *e, uint32_t line, uint32_t col, const char *message);
/* Throws Node's ERR_INVALID_ARG_TYPE TypeError: 'The "NAME" argument must be EXPECTED.
 * Received ...' (EXPECTED: "of type string or an instance of Buffer or URL"). */
js_status host_invalid_arg_type(ls_engine *e, const char *name, const char *expected, js_value v);
/* NULL if loopsim models the builtin module NAME ('node:' prefix or not) on some version,
 * else why it refuses it (compile time: js_compile_options.module_refused); static storage. */
const char *host_module_refused(const char *name);
void host_run_main(ls_engine *e);
/* An ES module entry: its evaluation as a microtask (R1.3); the signature of io.h's
 * io_call_from_poll callbacks. */
void host_run_module(ls_engine *e, void *data);

/* A callback from a queue or the loop: counted, traced, charged; false if it threw (or the
 * run is stopping). */
bool host_run_callback(ls_engine *e, js_origin origin, js_value fn, const js_value *args,
                       size_t nargs);
/* The same with `this` (an event listener's target). */
bool host_run_callback_this(ls_engine *e, js_origin origin, js_value fn, js_value this_value,
                            const js_value *args, size_t nargs);
/* The `this` of a timer's or an immediate's callback: Node calls it as a method of its Timeout
 * (lib/internal/timers.js listOnTimeout: `timer._onTimeout()`, or ReflectApply(timer._onTimeout,
 * timer, args); Node 10's lib/timers.js ontimeout the same) or its Immediate (processImmediate:
 * `immediate._onImmediate()`), so a `function` callback sees the object setTimeout returned and
 * `clearInterval(this)` stops its interval.  Undefined for an arrow function, which cannot see
 * it (no object is made for it). */
js_value host_timer_this(ls_engine *e, ls_timer *t);
js_value host_immediate_this(ls_engine *e, ls_immediate *im);
/* console.log and its kin: the arguments formatted, printed as lines (to stderr: console.error
 * under Node) */
js_status host_console_print(const js_args *a, bool to_stderr);
/* --env browser: the program as a page's one script, classic or module (window.c) */
void host_run_script(ls_engine *e);
/* A throw nobody caught: 'uncaughtException' listeners, else the process dies (code 1). */
void host_uncaught(ls_engine *e, js_value error, const char *origin);
/* processPromiseRejections for one promise. */
void host_unhandled_rejection(ls_engine *e, js_value promise);
/* process.emit(event, ...args) (beforeExit, exit, warnings); false if nobody listens. */
bool host_emit_process(ls_engine *e, const char *event, const js_value *args, size_t nargs);
/* emitter.emit(event, ...args) for the process's own objects (net servers and sockets). */
bool host_emit(ls_engine *e, js_value emitter, const char *event, const js_value *args,
               size_t nargs);
size_t host_listener_count(ls_engine *e, js_value emitter, const char *event);
/* EventEmitter.init on a new object (net's servers and sockets); a new object inheriting
 * EventEmitter.prototype, for their prototypes. */
void host_emitter_init(ls_engine *e, js_value object);
js_value host_new_emitter_proto(ls_engine *e);
/* emitter.on/once(event, fn) */
void host_add_listener(ls_engine *e, js_value emitter, const char *event, js_value fn, bool once);
/* process.nextTick of one of Node's own functions (emitListeningNT, ...): `fn(e, arg)`. */
void host_next_tick_native(ls_engine *e, const char *name, void (*fn)(ls_engine *e, js_value arg),
                           js_value arg);
/* A TypeError ERR_INVALID_ARG_TYPE unless `cb` is callable (JS_OK if it is). */
js_status host_require_callback(ls_engine *e, js_value cb);
/* A TypeError with Node's `code` (ERR_INVALID_ARG_TYPE, ...), thrown; JS_THROW. */
js_status host_type_error(ls_engine *e, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Defines each of `names` on `on` as a function that stops the run when called, saying
 * "loopsim does not model PREFIXNAME": an export (enumerable) or, `hidden`, a method. */
void host_refuse_names(ls_engine *e, js_object *on, const char *prefix,
                       const char *const *names, size_t n, bool hidden);
/* process.emitWarning(message, name) as Node's own code calls it: emitted ('warning') and
 * printed on stderr from a tick. */
void host_emit_warning(ls_engine *e, const char *name, const char *message);
/* A callback argument checked as Node checks it, per version (ERR_INVALID_CALLBACK, then
 * ERR_INVALID_ARG_TYPE naming the argument `name`: "cb" in fs, "callback" in crypto). */
/* A module of the prelude's own (require('internal/NAME')), made once: what fs.createReadStream
 * runs. */
js_status host_require_internal(ls_engine *e, const char *name, js_value *out);
js_status host_callback_arg(ls_engine *e, js_value cb, const char *name);
/* How ERR_INVALID_ARG_TYPE names a received value ("type string ('x')", "undefined"), and how
 * util.inspect prints it (%O of Node's messages); in the run's arena. */
const char *host_received(ls_engine *e, js_value v);
const char *host_inspect(ls_engine *e, js_value v);
/* Output written to stdout or stderr (process.stdout.write, fs.writeSync(1, ...)): a line at
 * each newline; `stream`: through the stream, each line costing a console.log's time. */
void host_write_output(ls_engine *e, bool to_stderr, const char *text, size_t len, bool stream);
/* process.env[name] as a string (Node's process.env is the real environment), NULL if unset. */
const char *host_env(ls_engine *e, const char *name);
/* Is `v` one of loopsim's Buffers? */
bool host_is_buffer(js_value v);
/* The bytes of one of loopsim's Buffers; false if `v` is none, or if its bytes are unknown
 * (host_new_unknown_buffer: the run is stopped then). */
bool host_buffer_bytes(ls_engine *e, js_value v, const char **bytes, size_t *len);
/* The memory of one of loopsim's Buffers, to be written into (fs.read); false as
 * host_buffer_bytes. */
bool host_buffer_target(ls_engine *e, js_value v, char **bytes, size_t *len);
/* A Buffer holding a copy of bytes[0..len). */
js_value host_new_buffer(ls_engine *e, const char *bytes, size_t len);
/* A Buffer of `len` bytes that loopsim does not compute (a derived key, random bytes): its
 * length can be read; reading its bytes stops the run, naming `what` ("crypto.pbkdf2's key"). */
js_value host_new_unknown_buffer(ls_engine *e, size_t len, const char *what);
/* A Buffer of bytes loopsim computed but does not show the program (zlib's compressed bytes
 * where Node's bundled zlib may encode differently): reading its bytes or its length stops the
 * run naming `what`; host_buffer_held_bytes gives them to Node's own functions. */
js_value host_new_held_buffer(ls_engine *e, const char *bytes, size_t len, const char *what);
/* host_buffer_bytes, and the bytes of a held Buffer too. */
bool host_buffer_held_bytes(ls_engine *e, js_value v, const char **bytes, size_t *len);
/* The timing a JSON scenario gave the fs call being made (program.h ls_fs_site); trips 0 and
 * latency -1 when none. */
ls_fs_site host_fs_site(ls_engine *e);
/* `name` on a module's exports (or process): an enumerable native function. */
void host_export(ls_engine *e, js_object *on, const char *name, int length, js_native_fn fn);
/* A label for traces: the function's, or a description of the value. */
const char *host_label(ls_engine *e, js_value fn);
/* What the program asked for cannot be modelled (a module loopsim does not have): the run
 * stops as bad input (exit 2), with the message. */
void host_refuse(ls_engine *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The exit code process.exitCode asks for (0 if unset). */
int host_exit_code(ls_engine *e);
/* Hashes the VM's state that the process's own walk does not reach. */
void host_fingerprint(ls_engine *e, ls_fp *fp);

#endif
