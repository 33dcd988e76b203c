/* jsi.h - the inside of loopsim's JavaScript: heap objects, strings, property maps, compiled
 * functions and frames.  Only src/js/ includes it; the embedder has js.h.
 *
 * The heap.  Every string, symbol, object and environment starts with a js_gc header and is
 * on the VM's list of allocations; gc.c marks from the roots and frees what is unmarked.
 *
 * Strings are immutable UTF-8 (WTF-8 for lone surrogates, as the parser makes them), with
 * their length in bytes and in UTF-16 code units (JavaScript's `length`); an ASCII string's
 * code units are its bytes, which is what nearly every quiz has.  Property names are *atoms*:
 * strings interned in the VM's table, compared by pointer.
 *
 * Objects have a class (what kind of exotic or builtin object they are), a prototype and an
 * ordered property map; arrays keep their elements in a dense vector beside it.  Property order
 * is ECMA-262's OrdinaryOwnPropertyKeys: integer keys ascending, then strings in insertion
 * order, then symbols in insertion order; the map keeps insertion order and the integer keys of
 * ordinary objects are sorted when keys are listed.
 *
 * Functions are closures: a js_proto (compiled code, shared by every VM that runs the program)
 * and the environment they close over.  Variables that no inner function captures live in
 * their frame's registers; captured ones live in heap environments (js_env), one per scope
 * that has any, fresh for each iteration of a loop that declares them with let.
 *
 * Frames live on the heap (js_frame), so a frame can stop at an await or a yield and be resumed
 * later by a job, anywhere in an expression: its registers, operand stack and try handlers are
 * all in it.  The interpreter (vm.c) runs JavaScript-to-JavaScript calls in one C loop, frame
 * after frame; only natives that call back into JavaScript (Array.prototype.map, getters, the
 * embedder's callbacks) nest on the C stack.
 */
#ifndef LOOPSIM_JSI_H
#define LOOPSIM_JSI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "js.h"

/* ---- the heap ------------------------------------------------------------------------- */

typedef enum {
    GC_STRING,
    GC_SYMBOL,
    GC_OBJECT,
    GC_ENV,
    GC_FRAME,
    GC_BIGINT
} js_gc_kind;

typedef struct js_gc {
    struct js_gc *next;
    uint8_t kind;
    uint8_t marked;
    uint8_t builtin;   /* made by js_new, before any program ran (fingerprint: by identity) */
    uint8_t dirty;     /* a builtin the program has written to (fingerprint: in full) */
    uint32_t id;       /* builtin: its creation number */
} js_gc;

/* ---- strings and symbols ---------------------------------------------------------------- */

enum { STR_ATOM = 1, STR_ASCII = 2, STR_INDEX = 4 /* an atom that is an array index */ };

struct js_string {
    js_gc gc;
    uint32_t len;        /* bytes */
    uint32_t length;     /* UTF-16 code units */
    uint32_t hash;
    uint32_t index;      /* STR_INDEX: the index */
    uint8_t flags;
    char chars[];        /* len bytes and a NUL */
};

struct js_symbol {
    js_gc gc;
    js_string *description; /* or NULL */
    bool registered;        /* Symbol.for */
    bool private_name;      /* a class's #name: never listed, never seen by the program */
};

/* A property key: an atom or a symbol. */
typedef js_gc *js_key;

static inline bool key_is_symbol(js_key k) { return k->kind == GC_SYMBOL; }

/* ---- objects ------------------------------------------------------------------------------- */

typedef enum {
    CLASS_OBJECT,
    CLASS_ARRAY,
    CLASS_FUNCTION,       /* a closure */
    CLASS_NATIVE,         /* a native function */
    CLASS_BOUND,          /* Function.prototype.bind */
    CLASS_ERROR,
    CLASS_PROMISE,
    CLASS_MAP,
    CLASS_SET,
    CLASS_WEAKMAP,
    CLASS_WEAKSET,
    CLASS_DATE,
    CLASS_REGEXP,
    CLASS_BOOLEAN,        /* wrappers */
    CLASS_NUMBER,
    CLASS_STRING,
    CLASS_SYMBOL,
    CLASS_ARGUMENTS,
    CLASS_GENERATOR,      /* a generator object (also async generators) */
    CLASS_ITERATOR,       /* a builtin iterator: array, string, map, set, for-in */
    CLASS_HOST,           /* an embedder's object (Timeout, Immediate, ...): host data */
    CLASS_BIGINT          /* a BigInt wrapper (Object(1n)): u.primitive */
} js_class;

enum {
    PROP_WRITABLE = 1,
    PROP_ENUMERABLE = 2,
    PROP_CONFIGURABLE = 4,
    PROP_ACCESSOR = 8,
    PROP_DELETED = 16
};
#define PROP_DEFAULT (PROP_WRITABLE | PROP_ENUMERABLE | PROP_CONFIGURABLE)
#define PROP_HIDDEN (PROP_WRITABLE | PROP_CONFIGURABLE) /* builtin methods */

typedef struct {
    js_key key;
    uint8_t flags;
    js_value value;             /* data property */
    js_object *getter, *setter; /* accessor */
} js_prop;

typedef struct {
    js_prop *props;      /* in insertion order; deleted ones are PROP_DELETED until compacted */
    uint32_t count;      /* used entries (deleted included) */
    uint32_t live;
    uint32_t cap;
    uint32_t *index;     /* open addressing: prop index + 1; built past a few properties */
    uint32_t index_cap;
} js_propmap;

typedef struct js_proto js_proto;
typedef struct js_env js_env;
typedef struct js_frame js_frame;

typedef struct {
    js_value *items;     /* JS_THOLE for holes */
    uint32_t length;
    uint32_t cap;
} js_array;

typedef struct js_reaction js_reaction;

typedef struct {
    js_promise_state state;
    js_value result;
    js_reaction *head, *tail;
    bool is_handled;
    uint64_t id;
} js_promise;

typedef struct {
    js_value *keys, *values; /* insertion order; deleted entries are JS_THOLE keys */
    uint32_t count, live, cap;
    uint32_t *index;         /* open addressing over entries: index + 1 */
    uint32_t index_cap;
} js_mapdata;

typedef enum { GEN_SUSPENDED_START, GEN_SUSPENDED_YIELD, GEN_RUNNING, GEN_COMPLETED } js_gen_state;



struct js_object {
    js_gc gc;
    uint8_t cls;          /* js_class */
    bool extensible;
    bool frozen_hint;     /* Object.freeze was applied (properties are also flagged) */
    bool sealed_hint;     /* Object.seal or Object.freeze was applied: the elements of an
                           * array or arguments object are not configurable */
    bool lazy_fn_props;   /* a closure whose `length` and `name` are not in `props` yet (vm.c
                           * closure_new, fn_props_settle) */
    bool touched;         /* written to since it was made (gc_note_write): a function and its
                           * prototype object as closure_new made them are fingerprinted by
                           * their code alone */
    js_object *proto;
    js_propmap props;
    union {
        js_array array;                       /* CLASS_ARRAY, CLASS_ARGUMENTS */
        struct {                              /* CLASS_FUNCTION */
            const js_proto *proto;
            js_env *env;
            js_value this_value;              /* arrows: captured with the env instead */
            js_object *home;                  /* methods: [[HomeObject]] for super */
            js_value fields;                  /* class constructors: the field initializer */
            bool derived;                     /* a derived class constructor */
            bool is_class;                    /* a class constructor: not callable without new */
        } fn;
        struct {                              /* CLASS_NATIVE */
            js_native_fn call;
            void *data;
            const char *name;
            bool constructor;                 /* may be called with new */
            bool api;                         /* an API call: js_host.api_call is charged */
            int nslots;
            js_value *slots;
        } native;
        struct {                              /* CLASS_BOUND */
            js_value target, this_value;
            js_value *args;
            int argc;
        } bound;
        js_promise promise;                   /* CLASS_PROMISE */
        js_mapdata map;                       /* CLASS_MAP, CLASS_SET, weak ones too */
        js_value primitive;                   /* wrappers; CLASS_DATE: the time value */
        struct {                              /* CLASS_GENERATOR */
            js_frame *frame;
            js_gen_state state;
            bool async;                       /* an async generator */
            js_value queue;                   /* async generators: their request queue (an array) */
        } gen;
        struct {                              /* CLASS_ITERATOR */
            int kind;                         /* ITER_ARRAY_VALUES, ... (builtins) */
            js_value target;
            uint32_t next;
            js_value extra;                   /* for-in: the key list */
        } iter;
        struct {                              /* CLASS_HOST */
            const js_host_class *cls;
            void *data;
        } host;
        struct {                              /* CLASS_REGEXP */
            js_string *source, *flags;
        } regexp;
    } u;
};

/* ---- environments and compiled code ------------------------------------------------------ */

struct js_env {
    js_gc gc;
    js_env *parent;
    uint32_t count;
    js_value slots[];
};

/* Opcodes: see opcodes.def. */
typedef enum {
#define OP(name, nargs, doc) OP_##name,
#include "opcodes.def"
#undef OP
    OP__COUNT
} js_opcode;

typedef struct {
    uint32_t pc;         /* first instruction of the run */
    uint32_t line, col;
} js_lineinfo;

typedef struct {
    uint32_t start, end; /* [start, end) instructions it covers */
    uint32_t handler;    /* where to go */
    uint32_t sp;         /* operand stack depth to restore */
    uint32_t env_depth;  /* scope depth (the env chain length) to restore */
} js_trycatch;

enum {
    PROTO_ASYNC = 1,
    PROTO_GENERATOR = 2,
    PROTO_ARROW = 4,
    PROTO_STRICT = 8,
    PROTO_METHOD = 16,         /* has a home object */
    PROTO_CLASS_CTOR = 32,
    PROTO_DERIVED = 64,
    PROTO_USES_ARGUMENTS = 128,
    PROTO_USES_THIS = 256,     /* arrows: none of their own */
    PROTO_MODULE = 512,        /* an ES module's body */
    PROTO_SCRIPT = 1024        /* a program's top level */
};

struct js_proto {
    uint32_t *code;
    uint32_t ncode;
    js_value *numbers;        /* numeric constants (no strings: see names) */
    uint32_t nnumbers;
    const char **names;       /* string constants and property names: atoms per VM, made on
                               * first use (vm->atoms[name_base + i]); names[nnames] is the
                               * function's own name (`name`) */
    uint32_t *name_lens;
    uint32_t nnames;
    uint32_t name_base;       /* this proto's first slot in the program's atom table */
    const js_proto **protos;  /* nested functions */
    uint32_t nprotos;
    js_trycatch *handlers;
    uint32_t nhandlers;
    js_lineinfo *lines;
    uint32_t nlines;
    uint32_t nregs;           /* registers: parameters, locals, temporaries */
    uint32_t maxstack;        /* operand stack */
    uint32_t nparams;         /* formal parameters before the first default/rest (length) */
    uint32_t flags;           /* PROTO_* */
    const char *name;         /* the function's name, or "" */
    const char *label;        /* for traces */
    uint32_t line, col;       /* where it starts */
    uint32_t start, end;      /* source range (Function.prototype.toString) */
    const js_program *program;
};

struct js_program {
    const char *file;
    char *source;             /* a copy, for error messages */
    size_t source_len;
    bool module;
    js_proto *main;
    uint32_t natoms;          /* total name slots of all protos */
    struct ls_arena *arena;   /* everything above */
    uint32_t id;              /* for per-VM caches */
};

/* ---- frames ------------------------------------------------------------------------------- */

typedef enum { FRAME_NORMAL, FRAME_ASYNC, FRAME_GENERATOR, FRAME_ASYNC_GENERATOR } js_frame_kind;

struct js_frame {
    js_gc gc;
    js_frame *caller;          /* the frame to return to in the same interpreter loop */
    const js_proto *proto;
    js_object *callee;
    js_value this_value;
    js_value new_target;
    js_env *env;               /* innermost scope */
    js_object *arguments;      /* or NULL */
    js_value *argv;            /* the arguments as passed (for `arguments` and rest) */
    uint32_t argc;
    uint32_t pc;
    uint32_t sp;               /* operand stack depth (after the registers) */
    uint32_t return_pc;        /* suspended at a yield: where return(x) resumes (0: completes) */
    uint8_t kind;              /* js_frame_kind */
    bool construct;            /* called with new: the result is `this` unless an object */
    bool done;
    bool base;                 /* the first frame of an interpreter loop: returning from it
                                * returns from the loop (vm.c run) */
    uint32_t depth;            /* environments pushed by its own scopes */
    js_object *promise;        /* FRAME_ASYNC: the promise the call returned */
    js_object *generator;      /* FRAME_GENERATOR: its generator object */
    uint32_t nslots;           /* nregs + maxstack */
    js_value slots[];          /* registers, then the operand stack */
};

/* ---- promises ------------------------------------------------------------------------------ */

typedef enum {
    H_EMPTY,          /* no handler: pass the value (or the rejection) through */
    H_FUNCTION,       /* a function value; a non-callable value behaves as H_EMPTY */
    H_AWAIT,          /* resume an async function (frame) */
    H_ASYNC_GEN,      /* resume an async generator's await (frame) */
    H_THEN_FINALLY,   /* Promise.prototype.finally's thenFinally (value: onFinally) */
    H_CATCH_FINALLY,
    H_VALUE_THUNK,    /* returns value */
    H_THROWER,        /* throws value */
    H_NATIVE          /* a native job function */
} js_handler_kind;

typedef struct {
    uint8_t kind;
    js_value value;
    js_frame *frame;          /* H_AWAIT */
    js_job_fn native;         /* H_NATIVE */
    void *data;
} js_handler;

struct js_reaction {
    js_reaction *next;
    js_object *capability;     /* the derived promise, or NULL */
    js_handler on_fulfilled, on_rejected;
    js_origin origin;
};

typedef enum { JOB_REACTION, JOB_THENABLE, JOB_CALLBACK, JOB_NATIVE } js_job_kind;

struct js_job {
    js_job *next;
    uint8_t kind;
    bool rejected;
    js_origin origin;
    js_reaction *reaction;     /* JOB_REACTION */
    js_value argument;         /* JOB_REACTION: the settled value; JOB_NATIVE: its argument */
    js_object *promise;        /* JOB_THENABLE: the promise to resolve */
    js_value thenable;         /* JOB_THENABLE */
    js_value callback;         /* JOB_THENABLE: its then; JOB_CALLBACK: the callback */
    js_job_fn native;          /* JOB_NATIVE */
    void *data;
};

/* ---- the VM -------------------------------------------------------------------------------- */

typedef struct {
    js_string **slots;
    uint32_t count, cap;
    /* after a snapshot: the slots filled since, so that js_reset empties those alone (a copy
     * of the whole table was a tenth of a small run); `rebuilt` when they are not known */
    uint32_t *filled;
    uint32_t nfilled, filled_cap;
    bool logging, rebuilt;
} js_atoms;

enum { GC_FREE_CLASSES = 33 }; /* blocks up to 512 bytes are recycled (gc.c) */

/* Builtin objects the interpreter needs at hand. */
typedef struct {
    js_object *object_prototype, *function_prototype, *array_prototype, *string_prototype,
        *number_prototype, *boolean_prototype, *symbol_prototype, *error_prototype,
        *promise_prototype, *map_prototype, *set_prototype, *weakmap_prototype,
        *weakset_prototype, *date_prototype, *regexp_prototype, *generator_prototype,
        *async_generator_prototype, *iterator_prototype, *array_iterator_prototype,
        *async_from_sync_prototype, *generator_function_prototype,
        *async_function_prototype, *async_generator_function_prototype,
        *string_iterator_prototype, *map_iterator_prototype, *set_iterator_prototype;
    js_object *promise_ctor, *object_ctor, *array_ctor, *function_ctor;
    js_object *error_protos[8];      /* Error, TypeError, RangeError, ReferenceError,
                                      * SyntaxError, EvalError, URIError, AggregateError */
    js_object *throw_type_error;
    js_object *has_instance;         /* %Function.prototype[Symbol.hasInstance]% */
    js_value array_values;           /* %Array.prototype.values% */
    js_value promise_then;           /* %Promise.prototype.then% */
    js_object *bigint_prototype;     /* rooted with js_root_value (not marked with the above) */
} js_intrinsics;

/* well-known symbols */
typedef struct {
    js_symbol *iterator, *async_iterator, *has_instance, *to_primitive, *to_string_tag,
        *species;
} js_wellknown;

/* A program's atoms in this VM: made on first use. */
typedef struct {
    const js_program *program; /* compared, never read: it may have been freed since (a VM
                                * kept for many programs keeps their entries, js_snapshot_program) */
    uint32_t id;              /* the program's: a freed program's address may come again */
    uint32_t natoms;
    js_string **atoms;
} js_program_atoms;

struct js_vm {
    js_host host;
    js_features features;
    js_gc *objects;             /* every allocation */
    size_t bytes, peak, next_gc;
    uint32_t next_builtin_id;
    bool building;              /* js_new is making the builtins */
    js_object **dirty;          /* builtins written to since (gc_note_write), in that order */
    uint32_t ndirty, dirty_cap;
    js_atoms atoms;             /* the intern table (open addressing) */
    js_object *global;
    js_intrinsics in;
    js_wellknown sym;
    js_string *common[64];      /* frequent atoms: "length", "prototype", ... (see atoms.def) */
    js_program_atoms *programs; /* per program run here */
    js_string ***late_slots;    /* after a snapshot: program atom slots filled since (js_reset
                                 * empties them: their atoms go) */
    uint32_t nlate_slots, late_slots_cap;
    uint32_t nprograms;
    /* the interpreter */
    js_frame *top;              /* innermost frame of the innermost interpreter loop */
    int native_depth;           /* natives on the C stack (no collection while > 0) */
    int c_depth;                /* nested interpreter loops */
    uint32_t js_depth;          /* frames in all loops */
    uint64_t ops;               /* operations since the last charge */
    bool has_exception;
    js_value exception;
    bool stopping;
    bool yield_raw;             /* the last suspension was yield*'s: its value is the inner
                                 * iterator's result object, given as it is */
    int suspend_kind;           /* how the last frame suspended: SUSPEND_AWAIT, SUSPEND_YIELD */
    /* microtasks */
    js_job *job_head, *job_tail;
    js_job *current_job;        /* running now (its values are roots) */
    size_t njobs;
    bool running_microtasks;
    uint64_t next_promise_id;
    /* roots the builtins keep (js_root_value) */
    js_value *roots;
    size_t nroots, roots_cap;
    /* where the last exception was thrown (js_exception_site) */
    const char *throw_file;
    uint32_t throw_line, throw_col;
    struct js_snapshot_state *snapshot; /* js_snapshot's (snapshot.c); NULL before */
    js_gc *free_blocks[GC_FREE_CLASSES]; /* freed blocks by size class (gc.c), for reuse */
    void *free_props; /* freed property tables of PROPS_FIRST_CAP entries (object.c), for reuse */
};

/* ---- snapshot.c ------------------------------------------------------------------------------ */

typedef struct {
    js_object *object;
    js_object copy;           /* as it was at the snapshot, with copies of its side tables */
} js_saved_object;

typedef struct {
    js_env *env;
    js_value *slots;          /* its slots at the snapshot */
} js_saved_env;

typedef struct js_snapshot_state {
    js_saved_object *objects;
    uint32_t nobjects, objects_cap;
    js_saved_env *envs;
    uint32_t nenvs, envs_cap;
    uint32_t nprograms;       /* vm->nprograms, vm->nroots, ... at the snapshot */
    uint32_t nprograms_made;  /* at js_snapshot (js_snapshot_program adds after them) */
    size_t nroots;
    uint64_t next_promise_id;
    size_t bytes;
    js_atoms atoms;           /* the intern table at the snapshot (its builtin atoms) */
    bool broken;              /* something was written that cannot be restored */
} js_snapshot_state;

/* The first write to a builtin since the snapshot: keep a copy (gc_note_write calls it). */
void snapshot_save_object(js_vm *vm, js_object *o);
void snapshot_save_env(js_vm *vm, js_env *e);
void snapshot_free(js_vm *vm);
/* A write to a builtin environment's slot (PUT_ENV, SET_ENV) */
static inline void note_env_write(js_vm *vm, js_env *e)
{
    if (e->gc.builtin && !e->gc.dirty && vm->snapshot)
        snapshot_save_env(vm, e);
}

/* common atoms */
#define ATOMS(X)                                                                               \
    X(length) X(prototype) X(constructor) X(name) X(message) X(stack) X(value) X(done)         \
    X(next) X(then) X(toString) X(valueOf) X(get) X(set) X(writable) X(enumerable)              \
    X(configurable) X(cause) X(errors) X(callee) X(caller) X(arguments) X(index) X(input)       \
    X(default) X(return) X(throw) X(status) X(reason) X(raw) X(lastIndex) X(toJSON)             \
    X(__proto__) X(empty) X(undefined) X(null) X(true) X(false) X(object) X(function)           \
    X(number) X(string) X(boolean) X(symbol) X(bigint) X(Error) X(code) X(anonymous)
enum {
#define X(a) ATOM_##a,
    ATOMS(X)
#undef X
    ATOM__COUNT
};
#define A(vm, a) ((vm)->common[ATOM_##a])

/* ---- gc.c ---------------------------------------------------------------------------------- */

void *gc_alloc(js_vm *vm, size_t size, js_gc_kind kind);
js_object *obj_new(js_vm *vm, js_class cls, js_object *proto);
js_env *env_new(js_vm *vm, js_env *parent, uint32_t count);
js_frame *frame_new(js_vm *vm, const js_proto *proto);
void gc_collect(js_vm *vm);
/* May collect now: at a safe point (no native on the C stack). */
void gc_maybe(js_vm *vm);
void gc_mark_value(js_vm *vm, js_value v);
void gc_mark(js_vm *vm, js_gc *g);
/* Keeps v alive for the VM's life (a builtin's hidden state). */
void js_root_value(js_vm *vm, js_value v);
void gc_note_write(js_vm *vm, js_object *o);
/* The check every write to an object's own state makes (a builtin's first write is noted) */
static inline void note_write(js_vm *vm, js_object *o)
{
    if (o->gc.builtin)
        gc_note_write(vm, o);
}
/* Frees one block and its side tables (snapshot.c resets with it). */
void gc_free_block(js_vm *vm, js_gc *g);
/* Frees an object's side tables (properties, elements, map entries, native slots, bound
 * arguments), not the object: the collector's and the snapshot's copies (snapshot.c). */
void gc_free_side_tables(js_vm *vm, js_object *o);
/* A property table's first allocation, and its end (object.c): recycled through vm->free_props. */
enum { PROPS_FIRST_CAP = 4 };
void props_free(js_vm *vm, js_prop *props, uint32_t cap);

/* ---- string.c ------------------------------------------------------------------------------ */

js_string *str_new(js_vm *vm, const char *s, size_t len);
js_string *str_cstr(js_vm *vm, const char *s);
js_string *str_printf(js_vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
js_string *str_concat(js_vm *vm, js_string *a, js_string *b);
js_string *atom(js_vm *vm, const char *s, size_t len);
js_string *atom_cstr(js_vm *vm, const char *s);
js_string *atom_of(js_vm *vm, js_string *s);
js_string *str_from_number(js_vm *vm, double n);
js_string *atom_from_index(js_vm *vm, uint32_t i);

bool str_equal(const js_string *a, const js_string *b);
int str_compare(const js_string *a, const js_string *b); /* by UTF-16 code units */
uint32_t str_hash(const char *s, size_t len);
/* UTF-16 code unit at i (i < s->length) */
uint16_t str_unit_at(const js_string *s, uint32_t i);
/* the substring of code units [from, to) */
js_string *str_slice(js_vm *vm, const js_string *s, uint32_t from, uint32_t to);
/* index of `needle` from code unit `from`, or -1 */
int64_t str_index_of(const js_string *s, const js_string *needle, uint32_t from);
js_string *str_from_units(js_vm *vm, const uint16_t *units, size_t n);
js_symbol *symbol_new(js_vm *vm, js_string *description);
void atoms_sweep(js_vm *vm);
/* helpers for the builtins (appended to string.c) */
/* the string's UTF-16 code units (malloc'd: s->length of them and a spare) */
uint16_t *str_units(const js_string *s);
/* a string builder (zero-initialize it); a lone high surrogate followed by a lone low one
 * becomes one code point, as the two code units make one in UTF-16 */
typedef struct {
    char *p;
    size_t len, cap;
} str_buf;
void sb_bytes(str_buf *b, const char *s, size_t n);
void sb_str(str_buf *b, const js_string *s);
void sb_cstr(str_buf *b, const char *s);
void sb_unit(str_buf *b, uint32_t code_point); /* a code point, or a lone surrogate */
js_string *sb_finish(js_vm *vm, str_buf *b);   /* the string; frees the buffer */
void sb_free(str_buf *b);
/* simple (one to one) case mapping of the common alphabets; others map to themselves */
uint32_t char_to_lower(uint32_t c);
uint32_t char_to_upper(uint32_t c);
/* a value as V8's messages name it ("#<Foo>", "[object Array]", "1", "function f() {}") */
js_string *str_describe(js_vm *vm, js_value v);

/* ---- builtin_bigint.c: BigInt values ------------------------------------------------------- */

/* A BigInt: a sign and a magnitude in 32-bit limbs, least significant first, without leading
 * zero limbs (0n has none and is not negative).  Immutable. */
struct js_bigint {
    js_gc gc;
    uint32_t len;
    bool negative;
    uint32_t limbs[];
};

static inline js_value js_bigv(js_bigint *b) { js_value v = {JS_TBIGINT, {.bigint = b}}; return v; }
js_bigint *bigint_from_i64(js_vm *vm, int64_t v);
/* NumberToBigInt of an integral, finite double */
js_bigint *bigint_from_double(js_vm *vm, double d);
/* StringToBigInt (ECMA-262 7.1.14), or with `literal` a BigInt literal's digits as the lexer
 * keeps them (0x/0o/0b, no sign, no white space); NULL if the text is not one */
js_bigint *bigint_from_text(js_vm *vm, const char *s, size_t len, bool literal);
/* a literal's digits as decimal (malloc'd), NULL if they are not a literal's: property keys */
char *bigint_literal_decimal(const char *digits, size_t len);
double bigint_to_double(const js_bigint *b);
js_string *bigint_to_string(js_vm *vm, const js_bigint *b, int radix);
int bigint_compare(const js_bigint *a, const js_bigint *b);
/* with a Number that is not NaN: -1, 0, 1 */
int bigint_compare_number(js_vm *vm, const js_bigint *a, double d);
bool bigint_equal(const js_bigint *a, const js_bigint *b);
/* a hash of the value (for hash tables keyed by SameValueZero) */
uint32_t bigint_hash(const js_bigint *b);
/* a binary operator of BigInts: op is OP_ADD .. OP_BIT_XOR (a RangeError or TypeError as V8) */
js_status bigint_binary(js_vm *vm, int op, const js_bigint *a, const js_bigint *b, js_value *out);
js_bigint *bigint_negate(js_vm *vm, const js_bigint *a);
js_bigint *bigint_bit_not(js_vm *vm, const js_bigint *a);
js_bigint *bigint_add_small(js_vm *vm, const js_bigint *a, int delta);
/* ToBigInt (7.1.13) */
js_status to_bigint(js_vm *vm, js_value v, js_bigint **out);

/* ---- object.c ------------------------------------------------------------------------------ */

js_prop *prop_find(js_vm *vm, const js_object *o, js_key key);
js_prop *prop_find_chain(js_vm *vm, const js_object *o, js_key key, js_object **holder);
js_prop *prop_add(js_vm *vm, js_object *o, js_key key, uint8_t flags);
bool prop_delete(js_vm *vm, js_object *o, js_key key);
void prop_define_value(js_vm *vm, js_object *o, js_key key, js_value v, uint8_t flags);
void prop_define_accessor(js_vm *vm, js_object *o, js_key key, js_object *getter,
                          js_object *setter, uint8_t flags);
/* [[Get]] with receiver; may call getters */
js_status obj_get(js_vm *vm, js_object *o, js_key key, js_value receiver, js_value *out);
js_status obj_set(js_vm *vm, js_object *o, js_key key, js_value v, js_value receiver,
                  bool strict);
/* property access on any value (primitives through their prototypes) */
js_status val_get(js_vm *vm, js_value base, js_key key, js_value *out);
js_status val_set(js_vm *vm, js_value base, js_key key, js_value v, bool strict);
js_status val_get_elem(js_vm *vm, js_value base, js_value key, js_value *out);
js_status val_set_elem(js_vm *vm, js_value base, js_value key, js_value v, bool strict);
js_status val_delete(js_vm *vm, js_value base, js_value key, bool strict, bool *out);
js_status val_has(js_vm *vm, js_value obj, js_value key, bool *out);
/* ToPropertyKey: an atom (array indexes too) or a symbol */
js_status to_key(js_vm *vm, js_value v, js_key *out);
/* own keys in ECMA-262 order; strings only, enumerable only: for-in, Object.keys */
js_value *obj_own_keys(js_vm *vm, js_object *o, bool strings, bool symbols, bool only_enumerable,
                       uint32_t *n);
/* arrays */
js_object *array_new(js_vm *vm, uint32_t n);
void array_push(js_vm *vm, js_object *a, js_value v);
void array_set_length(js_vm *vm, js_object *a, uint32_t len);
bool array_index_of_key(js_key key, uint32_t *out);
bool obj_is_array(const js_object *o);
js_object *fn_proto_of(js_vm *vm, js_value ctor, js_object *fallback);
/* shared by the builtins (end of object.c) */
bool val_is_constructor(js_value v);
/* [[GetOwnProperty]] of what an object keeps outside its property map: the elements of an
 * array or arguments object, an array's length, a String object's characters and length.
 * True if `key` is one of those, with its value (when `value` is not NULL) and PROP_* flags. */
bool own_exotic(js_vm *vm, js_object *o, js_key key, js_value *value, uint8_t *flags);
/* [[OwnPropertyKeys]] (ECMA-262 10.1.11): obj_own_keys with an array's or String object's
 * "length" after the integer keys (malloc'd; *n keys) */
js_value *obj_own_property_keys(js_vm *vm, js_object *o, bool strings, bool symbols,
                                uint32_t *n);
/* OrdinarySetPrototypeOf (10.1.2.1): SETPROTO_OK, or why it returns false */
enum { SETPROTO_OK, SETPROTO_NOT_EXTENSIBLE, SETPROTO_CYCLE };
int obj_set_prototype(js_vm *vm, js_object *o, js_object *proto);
/* Object.defineProperty(array, "length", {value: v}) once validated: ArraySetLength's deletions
 * (*refused: a frozen array's length cannot change) */
js_status array_define_length(js_vm *vm, js_object *a, js_value v, bool *refused);
/* a property key as V8's messages name it: the string, or "Symbol(description)" */
const char *key_display(js_vm *vm, js_key key);
/* how V8's TypeErrors show a value, without running JavaScript ("#<Foo>", "[object Array]") */
js_string *val_describe(js_vm *vm, js_value v);

/* ---- conv.c: conversions and operators ----------------------------------------------------- */

js_status to_primitive(js_vm *vm, js_value v, int hint /* 0 default, 1 number, 2 string */,
                       js_value *out);
js_status to_number(js_vm *vm, js_value v, double *out);
js_status to_numeric(js_vm *vm, js_value v, js_value *out);
js_status to_string(js_vm *vm, js_value v, js_string **out);
js_status to_object(js_vm *vm, js_value v, js_object **out);
bool to_boolean(js_value v);
js_status loose_equals(js_vm *vm, js_value a, js_value b, bool *out);
bool strict_equals(js_value a, js_value b);
bool same_value_zero(js_value a, js_value b);
bool same_value(js_value a, js_value b);
js_status op_add(js_vm *vm, js_value a, js_value b, js_value *out);
/* a numeric binary operator (OP_SUB .. OP_BIT_XOR, OP_ADD) on two ToNumeric results */
js_status op_numeric(js_vm *vm, int op, js_value a, js_value b, js_value *out);
js_status op_compare(js_vm *vm, js_value a, js_value b, bool left_first, int *out /* -1 lt, 0 ge, 1 undefined */);
js_status op_instanceof(js_vm *vm, js_value v, js_value ctor, bool *out);
js_string *typeof_string(js_vm *vm, js_value v);
double to_integer(double d);
js_status to_length(js_vm *vm, js_value v, uint32_t *out);

/* ---- vm.c ----------------------------------------------------------------------------------- */

js_status vm_call(js_vm *vm, js_value fn, js_value this_value, int argc, const js_value *argv,
                  js_value *out);
js_status vm_construct(js_vm *vm, js_value fn, int argc, const js_value *argv,
                       js_value new_target, js_value *out);
js_value closure_new(js_vm *vm, const js_proto *proto, js_env *env, js_value this_value);
/* Puts a closure's `length` and `name` into its property map if closure_new left them out:
 * before anything lists, adds or changes its properties, or reads either of them. */
void fn_props_settle(js_vm *vm, js_object *f);
/* Resumes a suspended frame with a value (or a throw): what the resumed code returns or yields.
 * mode: RESUME_NEXT gives the value to the await/yield, RESUME_THROW throws it there,
 * RESUME_RETURN completes the frame with it, RESUME_START starts a generator's body. */
enum { RESUME_NEXT, RESUME_THROW, RESUME_RETURN, RESUME_START };
enum { SUSPEND_NONE, SUSPEND_AWAIT, SUSPEND_YIELD };
js_status vm_resume(js_vm *vm, js_frame *f, js_value value, int mode, js_value *out);
js_string *proto_atom(js_vm *vm, const js_proto *p, uint32_t i);
/* The function's own name (names[nnames]), as an atom. */
#define proto_name_atom(vm, p) proto_atom((vm), (p), (p)->nnames)
/* charges and checks the embedder's interrupt */
bool vm_poll(js_vm *vm);
/* The source position the innermost frame is at (for errors and stack traces). */
void vm_where(js_vm *vm, const js_frame *f, uint32_t *line, uint32_t *col);
/* Remembers where the running JavaScript is as the place of the exception being thrown. */
void vm_note_throw_site(js_vm *vm);
/* builtin_math.c: V8's pow (fdlibm's, as ieee754.cc has it), for `**` and Math.pow alike */
double math_pow(double x, double y);
js_string *vm_stack_trace(js_vm *vm, js_string *header);

/* ---- error.c -------------------------------------------------------------------------------- */

js_value error_new(js_vm *vm, int kind /* index into error_protos */, js_string *message);
enum { ERR_ERROR, ERR_TYPE, ERR_RANGE, ERR_REFERENCE, ERR_SYNTAX, ERR_EVAL, ERR_URI, ERR_AGGREGATE };
js_status throw_kind(js_vm *vm, int kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* ---- promise.c ------------------------------------------------------------------------------ */

js_object *promise_new(js_vm *vm);
void promise_resolve(js_vm *vm, js_object *p, js_value resolution);
void promise_reject(js_vm *vm, js_object *p, js_value reason);
void promise_fulfill(js_vm *vm, js_object *p, js_value value);
js_object *promise_resolve_static(js_vm *vm, js_value x);
js_object *promise_then(js_vm *vm, js_object *p, js_handler on_fulfilled, js_handler on_rejected,
                        bool derive, js_origin origin);
/* CreateResolvingFunctions (builtin_promise.c) */
void promise_resolving_functions(js_vm *vm, js_object *p, js_object **resolve, js_object **reject);
/* await: frames resume through H_AWAIT reactions */
void promise_await(js_vm *vm, js_frame *f, js_value v, const char *label);
void promise_mark(js_vm *vm, js_object *p);
void jobs_mark(js_vm *vm);
js_origin origin_make(js_vm *vm, const char *api, const char *label);

/* ---- builtins (one file each; each defines its objects on the global) --------------------- */

void builtin_object(js_vm *vm);
void builtin_function(js_vm *vm);
void builtin_array(js_vm *vm);
void builtin_string(js_vm *vm);
void builtin_number(js_vm *vm);
void builtin_boolean(js_vm *vm);
void builtin_symbol(js_vm *vm);
void builtin_math(js_vm *vm);
void builtin_json(js_vm *vm);
void builtin_error(js_vm *vm);
void builtin_promise(js_vm *vm);
void builtin_map(js_vm *vm);
void builtin_iterator(js_vm *vm);
void builtin_global(js_vm *vm);
void builtin_date(js_vm *vm);
void builtin_regexp(js_vm *vm);
void builtin_reflect(js_vm *vm);
void builtin_bigint(js_vm *vm);

/* helpers for defining builtins */
js_object *native_new(js_vm *vm, const char *name, int length, js_native_fn fn, bool ctor);
js_object *define_native(js_vm *vm, js_object *on, const char *name, int length, js_native_fn fn);
js_object *define_ctor(js_vm *vm, const char *name, int length, js_native_fn fn,
                       js_object *prototype);
void define_getter(js_vm *vm, js_object *on, const char *name, js_native_fn fn);
js_key sym_key(js_symbol *s);
/* iterating: GetIterator / IteratorStep, used by builtins (Promise.all, Array.from, Map) */
typedef struct {
    js_value iterator, next;
    bool done;
} js_iter;
js_status iter_open(js_vm *vm, js_value iterable, js_iter *it);
js_status iter_step(js_vm *vm, js_iter *it, js_value *value, bool *done);
js_status iter_close(js_vm *vm, js_iter *it);
js_object *iterator_result(js_vm *vm, js_value value, bool done);

#endif
