/* js.h - loopsim's JavaScript: what an embedder (the simulated Node process, src/process/node/) sees.
 *
 * A js_vm is one JavaScript realm with its heap, its builtins (the ECMAScript library that V8
 * provides: Object, Array, Promise, JSON, ...), its microtask queue and a garbage collector.  The
 * embedder compiles programs (js_compile: a syntax tree from parse.h to bytecode that any number
 * of VMs can run), calls functions (js_call), registers its own functions and objects (natives:
 * setTimeout, process, console are the embedder's, as in V8 they are Node's), and drains the
 * microtask queue when its own rules say so (js_run_microtasks: V8's PerformCheckpoint).
 *
 * The layering is Lua's and MuJS's: this layer includes nothing above it.  What it needs from
 * the embedder comes through js_host: the time an operation costs (the embedder's clock),
 * whether to stop (limits), where a microtask comes from (for traces), promise rejection events
 * (V8's PromiseRejectCallback), and the embedder's own GC roots.
 *
 * Values are a tagged union (js_value).  Objects, strings and symbols live on the VM's heap and
 * are reclaimed by a mark-and-sweep collector (gc.c) when nothing reachable refers to them.  The
 * collector runs only at safe points: between host calls (js_gc_step, which the embedder calls
 * when no JavaScript is running) and at backward jumps of the interpreter when no native
 * function is on the C stack.  A native function may therefore hold values in C variables while
 * it runs, and the embedder may hold values between its own calls into the VM only where it
 * roots them (the values its js_host.mark hook marks).
 *
 * Errors: a call returns JS_OK with the result, JS_THROW with the exception, or JS_STOP when the
 * embedder asked the VM to stop (js_host.interrupt): the run unwinds without running any more
 * JavaScript, as when a process exits.
 */
#ifndef LOOPSIM_JS_H
#define LOOPSIM_JS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct js_vm js_vm;
typedef struct js_object js_object;
typedef struct js_string js_string;
typedef struct js_symbol js_symbol;
typedef struct js_program js_program;
typedef struct js_bigint js_bigint;

typedef enum {
    JS_TUNDEFINED,
    JS_TNULL,
    JS_TBOOLEAN,
    JS_TNUMBER,
    JS_TSTRING,
    JS_TSYMBOL,
    JS_TOBJECT,
    JS_THOLE,    /* internal: an uninitialized let/const (TDZ), an array hole; never seen by
                  * the embedder as the value of an expression */
    JS_TBIGINT   /* a BigInt: an immutable heap value (js_bigint); typeof is "bigint" */
} js_type;

typedef struct js_value {
    js_type type;
    union {
        bool boolean;
        double number;
        js_string *string;
        js_symbol *symbol;
        js_object *object;
        js_bigint *bigint;
    } u;
} js_value;

static inline js_value js_undefined(void) { js_value v = {JS_TUNDEFINED, {.number = 0}}; return v; }
static inline js_value js_null(void) { js_value v = {JS_TNULL, {.number = 0}}; return v; }
static inline js_value js_bool(bool b) { js_value v = {JS_TBOOLEAN, {.boolean = b}}; return v; }
static inline js_value js_number(double n) { js_value v = {JS_TNUMBER, {.number = n}}; return v; }
static inline js_value js_obj(js_object *o) { js_value v = {JS_TOBJECT, {.object = o}}; return v; }
static inline js_value js_strv(js_string *s) { js_value v = {JS_TSTRING, {.string = s}}; return v; }
static inline bool js_is_object(js_value v) { return v.type == JS_TOBJECT; }
static inline bool js_is_undefined(js_value v) { return v.type == JS_TUNDEFINED; }
static inline bool js_is_nullish(js_value v)
{
    return v.type == JS_TUNDEFINED || v.type == JS_TNULL;
}

/* ---- completions ------------------------------------------------------------------------ */

typedef enum { JS_OK, JS_THROW, JS_STOP } js_status;

/* ---- where a callback or job comes from (for the embedder's traces) -------------------- */

typedef struct {
    const char *api;    /* "then", "await", "queueMicrotask", "PromiseResolveThenableJob" */
    const char *label;  /* the callback's label (js_function_label) */
    uint64_t seq;       /* given by js_host.next_seq */
} js_origin;

/* ---- the embedder ---------------------------------------------------------------------- */

typedef enum {
    JS_REJECT_UNHANDLED,        /* kPromiseRejectWithNoHandler */
    JS_REJECT_HANDLER_ADDED     /* kPromiseHandlerAddedAfterReject */
} js_rejection_event;

typedef struct js_job js_job;

typedef struct {
    void *ctx;
    /* Interpreted code costs time: `ops` bytecode operations were executed since the last
     * call (called at least every few thousand operations, at calls and at loop back edges). */
    void (*charge)(void *ctx, uint64_t ops);
    /* True once the VM must stop (a limit, process.exit, a fatal error): the running code
     * unwinds with JS_STOP. */
    bool (*interrupt)(void *ctx);
    /* A number for js_origin.seq (the embedder's sequence of events). */
    uint64_t (*next_seq)(void *ctx);
    /* A microtask starts / ends (the embedder writes its trace record and charges the job's
     * cost; returning false from begin skips the job: the run is stopping). */
    bool (*job_begin)(void *ctx, const js_origin *origin);
    void (*job_end)(void *ctx);
    /* V8's PromiseRejectCallback. */
    void (*rejection)(void *ctx, js_object *promise, js_rejection_event event);
    /* A job threw (a queueMicrotask callback: V8 reports it as an uncaught exception). */
    void (*uncaught)(void *ctx, js_value error);
    /* Marks the embedder's own roots (js_gc_mark_value for each). */
    void (*mark)(void *ctx, js_vm *vm);
    /* The time for Date (ms since the epoch, with its fraction): the embedder's clock. */
    double (*current_time_ms)(void *ctx);
    /* A builtin that models an API call ran (Promise, then, resolve, await, throw): the
     * embedder charges its cost. */
    void (*api_call)(void *ctx);
    /* A microtask was queued (the embedder's trace lists what each callback queued). */
    void (*job_queued)(void *ctx, const js_origin *origin);
    /* Math.random(): a number in [0, 1) (the embedder's seeded, reproducible generator). */
    double (*random)(void *ctx);
    /* A resolving function was called on a promise already resolved (V8 reports it to the
     * PromiseRejectCallback as kPromiseResolveAfterResolved / kPromiseRejectAfterResolved):
     * `reject` says which function, `value` what it was given.  NULL: nothing. */
    void (*resolved_twice)(void *ctx, js_object *promise, bool reject, js_value value);
} js_host;

/* How V8 versions differ in what the language layer models (the process layer's profile.def
 * sets them). */
typedef struct {
    bool await_direct;          /* V8 7.2+ (Node 12+): await takes 1 job on a native promise, not 3 */
    bool promise_with_resolvers;/* Promise.withResolvers (V8 11.9+: Node 22+) */
    bool array_find_last;       /* Array.prototype.findLast (Node 18+) */
    bool array_at;              /* Array/String.prototype.at (Node 16.6+) */
    bool object_has_own;        /* Object.hasOwn (Node 16.9+) */
    bool array_to_sorted;       /* toSorted/toReversed/with (Node 20+) */
    bool promise_any;           /* Promise.any, AggregateError (Node 15+) */
    bool structured_clone;      /* unused by the language layer: the embedder's */
} js_features;

/* ---- the VM ---------------------------------------------------------------------------- */

js_vm *js_new(const js_host *host, const js_features *features);
void js_free(js_vm *vm);
/* The global object. */
js_object *js_global(js_vm *vm);
/* Collects garbage if enough was allocated since the last collection (no JavaScript may be
 * running: the embedder calls it between callbacks). */
void js_gc_step(js_vm *vm);
void js_gc_mark_value(js_vm *vm, js_value v);
void js_gc_mark_object(js_vm *vm, js_object *o);
/* Bytes the heap holds now, and its peak. */
size_t js_heap_bytes(const js_vm *vm);
/* While on, every object made is a builtin: hashed by identity by fingerprints until the
 * program changes it (the embedder's globals: console, process, setTimeout...). */
void js_set_building(js_vm *vm, bool on);
/* Snapshots (snapshot.c): js_snapshot marks the VM's state now (the builtins, the embedder's
 * globals) as the one js_reset brings it back to, freeing what runs made since and restoring
 * what they changed, so one VM serves any number of runs.  js_reset returns false when the VM
 * cannot be reset (no snapshot, JavaScript running, or a change it cannot undo): make a new
 * one then.  The embedder's hooks stay as they are: their ctx should be a place that says
 * which run is current. */
void js_snapshot(js_vm *vm);
bool js_reset(js_vm *vm);
/* Adds the names of `program` (every string constant, property and function name it uses,
 * interned as atoms) to the snapshot, so that its runs after js_reset do not intern them again.
 * Only at the snapshot's state (made or reset, nothing run since); false if not done. */
bool js_snapshot_program(js_vm *vm, const js_program *program);
/* Marks a native function as an API call (js_host.api_call is charged when it is called). */
void js_native_set_api(js_value fn);

/* ---- programs -------------------------------------------------------------------------- */

/* Compiling is separate from running: a js_program is immutable and can be run by many VMs
 * (loopsim orders runs one program thousands of times). */
struct js_node;
typedef struct {
    const char *file;            /* for messages and stack traces */
    const char *source;          /* the text (for the line printed with an uncaught error) */
    size_t source_len;
    bool module;                 /* an ES module (else CommonJS: a function of exports,
                                  * require, module, __filename, __dirname) */
    /* labels for functions that have no name, by their start offset (the JSON front end gives
     * its paths); NULL: "anonymous@LINE:COL" */
    const char *(*label_for)(void *ctx, uint32_t offset);
    void *label_ctx;
    /* the modules the embedder can give: for each `require('NAME')`, `import ... from 'NAME'`,
     * `export ... from 'NAME'` and `import('NAME')` with a literal name, NULL if it can, else
     * the message the compile fails with at the name's place (a refusal before the run);
     * NULL: every name is left to the run */
    const char *(*module_refused)(void *ctx, const char *name);
    void *module_ctx;
} js_compile_options;

/* Compiles a parsed program (parse.h).  NULL on an error the compiler finds (a construct it
 * does not model, an early error the parser left to it), with the message in *error (malloc'd,
 * "FILE:LINE:COL: error: ..."). */
js_program *js_compile(const struct js_node *program, const js_compile_options *options,
                       char **error);
void js_program_free(js_program *program);

/* The program's top level as a function: for CommonJS, the module wrapper (call it with
 * exports, require, module, __filename, __dirname and `this` = module.exports); for a module,
 * an async function of no arguments (its promise settles when the body has run, top-level
 * awaits included). */
js_value js_program_function(js_vm *vm, const js_program *program);

/* ---- calling --------------------------------------------------------------------------- */

js_status js_call(js_vm *vm, js_value fn, js_value this_value, int argc, const js_value *argv,
                  js_value *result);
js_status js_construct(js_vm *vm, js_value fn, int argc, const js_value *argv, js_value *result);
bool js_is_callable(js_value v);
/* The label of a function for traces: its name, the label the front end gave, or
 * "anonymous@LINE:COL"; natives: their name. */
const char *js_function_label(js_vm *vm, js_value fn);
/* The line a function of `program` starts on, found by its label (js_function_label's: the
 * same pointer, else the same text when one function alone has it); false if none has it. */
bool js_program_label_line(const js_program *program, const char *label, uint32_t *line);
bool js_function_is_async(js_value fn);
bool js_function_takes_this(js_value fn);
/* Where the innermost running JavaScript is (1-based line and column of the instruction being
 * run: for a native, the call that called it); false if no JavaScript is running. */
bool js_current_position(js_vm *vm, uint32_t *line, uint32_t *col);
/* The same for the innermost frame of code from the file `file` (the program's, not a builtin
 * module's written in JavaScript); false if none is running. */
bool js_position_in(js_vm *vm, const char *file, uint32_t *line, uint32_t *col);
/* Where the last exception was thrown: the file, line and column of the throw statement, or
 * of the call or operation that raised it (for a native, its caller's); false if unknown
 * (raised with no JavaScript running). */
bool js_exception_site(js_vm *vm, const char **file, uint32_t *line, uint32_t *col);
/* True while JavaScript is on the stack (a native called from it included). */
bool js_in_javascript(const js_vm *vm);

/* ---- natives --------------------------------------------------------------------------- */

typedef struct {
    js_vm *vm;
    js_value this_value;
    int argc;
    const js_value *argv;
    js_value new_target;   /* undefined unless called with new */
    js_object *callee;     /* the native function object (its data and slots) */
} js_args;

static inline js_value js_arg(const js_args *a, int i)
{
    return i < a->argc ? a->argv[i] : js_undefined();
}

/* A native returns JS_OK with *result set, or js_throw_*()'s JS_THROW, or JS_STOP. */
typedef js_status (*js_native_fn)(const js_args *args, js_value *result);

/* A function object that calls `fn`; `data` is the embedder's (js_native_data); `nslots`
 * values are kept with it (js_native_slot) and marked by the collector. */
js_value js_new_native(js_vm *vm, const char *name, int length, js_native_fn fn, void *data,
                       int nslots);
void *js_native_data(const js_object *callee);
/* The C function of a native function value (js_new_native), NULL for any other value. */
js_native_fn js_native_function(js_value v);
js_value *js_native_slot(js_object *callee, int i);
/* `name` on `obj` as a configurable accessor with a getter and no setter (`data` as a
 * method's). */
void js_define_getter(js_vm *vm, js_object *obj, const char *name, js_native_fn fn, void *data,
                      bool enumerable);
/* `name` on the global object, or on `obj`, as a writable, configurable, non-enumerable
 * method (as builtins are). */
void js_define_method(js_vm *vm, js_object *obj, const char *name, int length, js_native_fn fn,
                      void *data);
void js_define_value(js_vm *vm, js_object *obj, const char *name, js_value value,
                     bool enumerable);

/* ---- the embedder's own objects -------------------------------------------------------- */

struct ls_fp;
typedef struct js_host_class {
    const char *name;                        /* util.inspect's constructor name: "Timeout" */
    void (*mark)(js_vm *vm, void *data);     /* its references, for the collector */
    void (*fingerprint)(js_vm *vm, struct ls_fp *fp, void *data);
    /* the collector freed the object (ctx: js_host's); not called when the VM is reset or freed,
     * since the embedder's data goes with its run then */
    void (*finalize)(void *ctx, void *data);
} js_host_class;

/* An object of the embedder's (a Timeout, an Immediate, a net.Server): `data` is its; the
 * prototype gives its methods. */
js_value js_new_host_object(js_vm *vm, const js_host_class *cls, void *data, js_value proto);
/* Its data, if v is a host object of that class; else NULL. */
void *js_host_data(js_value v, const js_host_class *cls);

/* ---- throwing -------------------------------------------------------------------------- */

/* Sets the VM's pending exception and returns JS_THROW. */
js_status js_throw(js_vm *vm, js_value error);
js_status js_throw_type_error(js_vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
js_status js_throw_range_error(js_vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
js_status js_throw_error(js_vm *vm, const char *ctor, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The exception of the last JS_THROW (taken: the VM forgets it). */
js_value js_take_exception(js_vm *vm);
/* A new Error (ctor "Error", "TypeError", ...) with `message`. */
js_value js_new_error(js_vm *vm, const char *ctor, const char *message);

/* ---- objects and properties ------------------------------------------------------------ */

js_value js_new_object(js_vm *vm);
js_value js_new_array(js_vm *vm, int n, const js_value *items);
js_value js_new_string(js_vm *vm, const char *s, size_t len);
js_value js_new_cstring(js_vm *vm, const char *s);
/* obj[name] (getters run); JS_OK or what the getter threw. */
js_status js_get(js_vm *vm, js_value obj, const char *name, js_value *out);
js_status js_set(js_vm *vm, js_value obj, const char *name, js_value value);
/* The string's UTF-8 bytes (NUL-terminated) and length. */
const char *js_string_chars(const js_string *s, size_t *len);
/* ToString for printing: "[object Object]" etc.; never throws (a throwing toString gives
 * "[object]"). */
js_string *js_to_string_safe(js_vm *vm, js_value v);
js_status js_to_string(js_vm *vm, js_value v, js_string **out);
js_status js_to_number(js_vm *vm, js_value v, double *out);
bool js_to_boolean(js_value v);
/* A BigInt of an integer (process.hrtime.bigint()); whether a value is a BigInt.  ToString
 * (js_to_string) gives its decimal digits, without the "n" util.inspect adds. */
js_value js_new_bigint_from_i64(js_vm *vm, int64_t v);
bool js_is_bigint(js_value v);
bool js_strict_equals(js_value a, js_value b);
const char *js_typeof(js_value v);
/* The value's class for util.inspect ("Object", "Array", "Function", "Error", "Promise",
 * "Map", "Set", "Date", ...), see jsi.h js_class. */
int js_object_class(js_value v);

/* ---- promises and the microtask queue -------------------------------------------------- */

typedef enum { JS_PROMISE_PENDING, JS_PROMISE_FULFILLED, JS_PROMISE_REJECTED } js_promise_state;

js_value js_new_promise(js_vm *vm);
bool js_is_promise(js_value v);
js_promise_state js_promise_state_of(js_value promise, js_value *result);
/* The promise's resolve function steps (thenables queue a job), and reject. */
void js_resolve_promise(js_vm *vm, js_value promise, js_value resolution);
void js_reject_promise(js_vm *vm, js_value promise, js_value reason);
/* PromiseResolve(%Promise%, x). */
js_value js_promise_resolve(js_vm *vm, js_value x);
/* p.then(onFulfilled, onRejected) with an origin for the trace; returns the derived promise. */
js_value js_promise_then(js_vm *vm, js_value promise, js_value on_fulfilled,
                         js_value on_rejected, const js_origin *origin);
/* A microtask that calls fn() (queueMicrotask), or a native job. */
void js_enqueue_callback_job(js_vm *vm, js_value fn, const js_origin *origin);
typedef void (*js_job_fn)(js_vm *vm, void *data, js_value arg);
void js_enqueue_native_job(js_vm *vm, js_job_fn fn, void *data, js_value arg,
                           const js_origin *origin);
/* V8's MicrotaskQueue::PerformCheckpoint: runs jobs until the queue is empty (or the VM is
 * stopped).  Reentrant calls do nothing, as in V8. */
void js_run_microtasks(js_vm *vm);
size_t js_microtask_count(const js_vm *vm);
bool js_promise_is_handled(js_value promise);

/* ---- fingerprints (loopsim orders' state merging) --------------------------------------- */

struct ls_fp;
/* Hashes a value and everything reachable from it that can change: objects by their shape
 * (class, prototype, properties in order), closures by their code and environment, suspended
 * functions by their code position, stack and environment.  Builtin objects the program did
 * not change are hashed by identity (their creation order). */
void js_fingerprint_value(js_vm *vm, struct ls_fp *fp, js_value v);
/* The VM's own state: the global object's changes and the microtask queue. */
void js_fingerprint_vm(js_vm *vm, struct ls_fp *fp);

#endif
