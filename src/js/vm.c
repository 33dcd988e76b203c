/* vm.c - the interpreter: frames, calls, exceptions, and the suspensions of async functions
 * and generators.
 *
 * run() executes frames in one C loop, as Lua's luaV_execute does: a call to a closure pushes
 * a frame (its caller is the frame that was running) and the loop goes on in it; a return pops
 * it and pushes the result on the caller's operand stack.  The first frame of a loop is its
 * *base*: returning from it (or an exception nothing in it catches) returns from run().  Natives
 * run on the C stack; when they call JavaScript (a getter, Array.prototype.map's callback, the
 * embedder's timers) that is another run() inside theirs.
 *
 * An async function's frame is an ordinary frame until it awaits: AWAIT queues the promise
 * reaction that will resume it (promise.c, with V8's job counts), detaches the frame and hands
 * its promise to the caller, which goes on.  The job resumes the frame later as the base of a
 * new loop, where it was: registers, operand stack, environments, try handlers and pc are all
 * in the frame.  Generators work the same way, with next() as the native that resumes them.
 *
 * Exceptions: a throw looks for the innermost handler of the current frame whose range holds
 * the instruction (js_trycatch, made by compile.c), restores the stack depth and environment
 * it records and jumps there; a frame without one ends, and its caller is searched.  An async
 * function's frame that ends by a throw rejects its promise instead, and its caller goes on.
 * JS_STOP (the embedder's interrupt: a limit, process.exit) unwinds every frame without
 * running any handler.
 *
 * Time: every instruction counts in vm->ops; the embedder is charged (js_host.charge) and asked
 * whether to stop at backward jumps, calls and every POLL_OPS instructions.
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

enum { POLL_OPS = 4096, MAX_JS_DEPTH = 9000, MAX_C_DEPTH = 200 };

/* ---- atoms of programs -------------------------------------------------------------------- */

static js_program_atoms *program_atoms(js_vm *vm, const js_program *p)
{
    for (uint32_t i = 0; i < vm->nprograms; i++)
        if (vm->programs[i].program == p && vm->programs[i].id == p->id)
            return &vm->programs[i];
    vm->programs = realloc(vm->programs, (vm->nprograms + 1) * sizeof *vm->programs);
    if (!vm->programs)
        ls_out_of_memory(0);
    js_program_atoms *pa = &vm->programs[vm->nprograms++];
    pa->program = p;
    pa->id = p->id;
    pa->natoms = p->natoms;
    pa->atoms = calloc(p->natoms + 1, sizeof *pa->atoms);
    if (!pa->atoms)
        ls_out_of_memory(0);
    return pa;
}

js_string *proto_atom(js_vm *vm, const js_proto *p, uint32_t i)
{
    js_program_atoms *pa;
    /* the last program used is almost always the one asked for */
    if (vm->nprograms && vm->programs[vm->nprograms - 1].program == p->program &&
        vm->programs[vm->nprograms - 1].id == p->program->id)
        pa = &vm->programs[vm->nprograms - 1];
    else
        pa = program_atoms(vm, p->program);
    js_string **slot = &pa->atoms[p->name_base + i];
    if (!*slot) {
        *slot = atom(vm, p->names[i], p->name_lens[i]);
        if (vm->snapshot) { /* js_reset frees the atom: the slot must go back to empty */
            if (vm->nlate_slots == vm->late_slots_cap) {
                vm->late_slots_cap = vm->late_slots_cap ? 2 * vm->late_slots_cap : 64;
                vm->late_slots = realloc(vm->late_slots,
                                         vm->late_slots_cap * sizeof *vm->late_slots);
                if (!vm->late_slots)
                    ls_out_of_memory(0);
            }
            vm->late_slots[vm->nlate_slots++] = slot;
        }
    }
    return *slot;
}

/* ---- polling the embedder ------------------------------------------------------------------- */

bool vm_poll(js_vm *vm)
{
    if (vm->ops && vm->host.charge)
        vm->host.charge(vm->host.ctx, vm->ops);
    vm->ops = 0;
    if (vm->stopping)
        return false;
    if (vm->host.interrupt && vm->host.interrupt(vm->host.ctx)) {
        vm->stopping = true;
        return false;
    }
    return true;
}

/* ---- closures --------------------------------------------------------------------------------- */

static void define_closure_props(js_vm *vm, js_object *f, const js_proto *p)
{
    prop_define_value(vm, f, &A(vm, length)->gc, js_number(p->nparams), PROP_CONFIGURABLE);
    prop_define_value(vm, f, &A(vm, name)->gc, js_strv(proto_name_atom(vm, p)),
                      PROP_CONFIGURABLE);
}

/* Most closures are only called (callbacks, arrows made in a loop), so closure_new leaves their
 * `length` and `name` (ECMA-262 SetFunctionLength, SetFunctionName) out of the property map
 * until a property of the function is used (object.c prop_find, prop_add, obj_own_keys): a
 * pending setTimeout's arrow costs no property table.  Putting them in later is no write of
 * the program's (`touched` stays as it was). */
void fn_props_settle(js_vm *vm, js_object *f)
{
    if (!f->lazy_fn_props)
        return;
    f->lazy_fn_props = false;
    bool touched = f->touched;
    define_closure_props(vm, f, f->u.fn.proto);
    f->touched = touched;
}

js_value closure_new(js_vm *vm, const js_proto *proto, js_env *env, js_value this_value)
{
    js_object *proto_obj = vm->in.function_prototype;
    if ((proto->flags & PROTO_ASYNC) && (proto->flags & PROTO_GENERATOR))
        proto_obj = vm->in.async_generator_function_prototype;
    else if (proto->flags & PROTO_ASYNC)
        proto_obj = vm->in.async_function_prototype;
    else if (proto->flags & PROTO_GENERATOR)
        proto_obj = vm->in.generator_function_prototype;
    js_object *f = obj_new(vm, CLASS_FUNCTION, proto_obj);
    f->u.fn.proto = proto;
    f->u.fn.env = env;
    f->u.fn.this_value = this_value;
    f->u.fn.fields = js_undefined();
    f->u.fn.is_class = (proto->flags & PROTO_CLASS_CTOR) != 0;
    f->u.fn.derived = (proto->flags & PROTO_DERIVED) != 0;
    bool has_prototype = (proto->flags & PROTO_GENERATOR) ||
                         !(proto->flags & (PROTO_ARROW | PROTO_METHOD | PROTO_ASYNC)) ||
                         (proto->flags & PROTO_CLASS_CTOR);
    if (has_prototype || vm->building) /* the prelude's are snapshotted as they are */
        define_closure_props(vm, f, proto);
    else
        f->lazy_fn_props = true;
    if (proto->flags & PROTO_GENERATOR) {
        js_object *gp = obj_new(vm, CLASS_OBJECT, (proto->flags & PROTO_ASYNC)
                                                      ? vm->in.async_generator_prototype
                                                      : vm->in.generator_prototype);
        prop_define_value(vm, f, &A(vm, prototype)->gc, js_obj(gp), PROP_WRITABLE);
    } else if (has_prototype) {
        js_object *p = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
        prop_define_value(vm, p, &A(vm, constructor)->gc, js_obj(f), PROP_HIDDEN);
        prop_define_value(vm, f, &A(vm, prototype)->gc, js_obj(p),
                          (proto->flags & PROTO_CLASS_CTOR) ? 0 : PROP_WRITABLE);
        p->touched = false;
    }
    f->touched = false; /* as made: its properties follow from its code (gc.c fingerprints) */
    return js_obj(f);
}

bool js_is_callable(js_value v)
{
    if (v.type != JS_TOBJECT)
        return false;
    int c = v.u.object->cls;
    return c == CLASS_FUNCTION || c == CLASS_NATIVE || c == CLASS_BOUND;
}

static bool is_constructor(js_value v)
{
    if (v.type != JS_TOBJECT)
        return false;
    js_object *o = v.u.object;
    switch (o->cls) {
    case CLASS_FUNCTION: {
        uint32_t fl = o->u.fn.proto->flags;
        if (fl & PROTO_CLASS_CTOR)
            return true;
        return !(fl & (PROTO_ARROW | PROTO_METHOD | PROTO_ASYNC | PROTO_GENERATOR));
    }
    case CLASS_NATIVE:
        return o->u.native.constructor;
    case CLASS_BOUND:
        return is_constructor(o->u.bound.target);
    default:
        return false;
    }
}

const char *js_function_label(js_vm *vm, js_value fn)
{
    (void)vm;
    if (fn.type != JS_TOBJECT)
        return "(not a function)";
    js_object *o = fn.u.object;
    switch (o->cls) {
    case CLASS_FUNCTION:
        return o->u.fn.proto->label;
    case CLASS_NATIVE:
        return o->u.native.name;
    case CLASS_BOUND:
        return js_function_label(vm, o->u.bound.target);
    default:
        return "(not a function)";
    }
}

static void find_label(const js_proto *p, const char *label, const js_proto **same,
                       const js_proto **equal, int *nequal)
{
    if (p->label == label && !*same)
        *same = p;
    else if (p->label && strcmp(p->label, label) == 0) {
        if (!*equal)
            *equal = p;
        (*nequal)++;
    }
    for (uint32_t i = 0; i < p->nprotos; i++)
        find_label(p->protos[i], label, same, equal, nequal);
}

bool js_program_label_line(const js_program *program, const char *label, uint32_t *line)
{
    if (!program || !program->main || !label)
        return false;
    const js_proto *same = NULL, *equal = NULL;
    int nequal = 0;
    find_label(program->main, label, &same, &equal, &nequal);
    const js_proto *p = same ? same : nequal == 1 ? equal : NULL;
    if (p)
        *line = p->line;
    return p != NULL;
}

bool js_function_is_async(js_value fn)
{
    return fn.type == JS_TOBJECT && fn.u.object->cls == CLASS_FUNCTION &&
           (fn.u.object->u.fn.proto->flags & PROTO_ASYNC);
}

/* whether a call can see the this it is given: an arrow function's this is its scope's, so a
 * caller may skip making one (a bound function or a native is given it, as the call would) */
bool js_function_takes_this(js_value fn)
{
    return !(fn.type == JS_TOBJECT && fn.u.object->cls == CLASS_FUNCTION &&
             (fn.u.object->u.fn.proto->flags & PROTO_ARROW));
}

/* ---- where: line numbers and stack traces ------------------------------------------------- */

void vm_where(js_vm *vm, const js_frame *f, uint32_t *line, uint32_t *col)
{
    (void)vm;
    const js_proto *p = f->proto;
    uint32_t pc = f->pc ? f->pc - 1 : 0;
    *line = p->line;
    *col = p->col;
    uint32_t lo = 0, hi = p->nlines;
    while (lo < hi) { /* the last entry at or before pc */
        uint32_t mid = (lo + hi) / 2;
        if (p->lines[mid].pc <= pc)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0) {
        *line = p->lines[lo - 1].line;
        *col = p->lines[lo - 1].col;
    }
}

void vm_note_throw_site(js_vm *vm)
{
    vm->throw_file = NULL;
    if (!vm->top)
        return;
    vm_where(vm, vm->top, &vm->throw_line, &vm->throw_col);
    const js_proto *p = vm->top->proto;
    vm->throw_file = p->program ? p->program->file : NULL;
}

bool js_exception_site(js_vm *vm, const char **file, uint32_t *line, uint32_t *col)
{
    if (!vm->throw_file)
        return false;
    *file = vm->throw_file;
    *line = vm->throw_line;
    *col = vm->throw_col;
    return true;
}

bool js_in_javascript(const js_vm *vm)
{
    return vm->top != NULL;
}

bool js_current_position(js_vm *vm, uint32_t *line, uint32_t *col)
{
    if (!vm->top)
        return false;
    vm_where(vm, vm->top, line, col);
    return true;
}

bool js_position_in(js_vm *vm, const char *file, uint32_t *line, uint32_t *col)
{
    for (js_frame *f = vm->top; f; f = f->caller) {
        const js_proto *p = f->proto;
        if (p->program && p->program->file && strcmp(p->program->file, file) == 0) {
            vm_where(vm, f, line, col);
            return true;
        }
    }
    return false;
}

/* "Error: message\n    at f (file:line:col)..." in V8's format, for the frames of this VM
 * (the embedder's own frames, Node's internals, are not modelled). */
js_string *vm_stack_trace(js_vm *vm, js_string *header)
{
    char buf[4096];
    size_t n = (size_t)snprintf(buf, sizeof buf, "%s", header->chars);
    int count = 0;
    for (js_frame *f = vm->top; f && count < 10 && n < sizeof buf - 200; f = f->caller, count++) {
        uint32_t line, col;
        vm_where(vm, f, &line, &col);
        const js_proto *p = f->proto;
        const char *file = p->program ? p->program->file : "<anonymous>";
        if (p->flags & PROTO_SCRIPT)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "\n    at Object.<anonymous> (%s:%u:%u)",
                                  file, line, col);
        else if (p->name && *p->name)
            n += (size_t)snprintf(buf + n, sizeof buf - n, "\n    at %s%s (%s:%u:%u)",
                                  (p->flags & PROTO_ASYNC) && f->caller == NULL && f->kind == FRAME_ASYNC && f->pc > 0 ? "async " : "",
                                  p->name, file, line, col);
        else
            n += (size_t)snprintf(buf + n, sizeof buf - n, "\n    at %s:%u:%u", file, line, col);
    }
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    return str_new(vm, buf, n);
}

/* ---- frames ---------------------------------------------------------------------------------- */

static js_frame *push_frame(js_vm *vm, js_object *callee, js_value this_value, int argc,
                            const js_value *argv, js_value new_target)
{
    const js_proto *p = callee->u.fn.proto;
    js_frame *f = frame_new(vm, p);
    f->callee = callee;
    f->env = callee->u.fn.env;
    f->new_target = new_target;
    f->argc = (uint32_t)argc;
    if (argc) {
        f->argv = malloc((size_t)argc * sizeof *f->argv);
        if (!f->argv)
            ls_out_of_memory(0);
        memcpy(f->argv, argv, (size_t)argc * sizeof *argv);
    }
    if (p->flags & PROTO_ARROW) {
        f->this_value = callee->u.fn.this_value;
    } else if (!(p->flags & PROTO_STRICT) && js_is_nullish(this_value)) {
        f->this_value = js_obj(vm->global);
    } else if (!(p->flags & PROTO_STRICT) && this_value.type != JS_TOBJECT &&
               this_value.type != JS_THOLE) {
        js_object *o;
        to_object(vm, this_value, &o);
        f->this_value = js_obj(o);
    } else {
        f->this_value = this_value;
    }
    if ((p->flags & PROTO_ASYNC) && (p->flags & PROTO_GENERATOR))
        f->kind = FRAME_ASYNC_GENERATOR;
    else if (p->flags & PROTO_ASYNC)
        f->kind = FRAME_ASYNC;
    else if (p->flags & PROTO_GENERATOR)
        f->kind = FRAME_GENERATOR;
    if (f->kind == FRAME_ASYNC)
        f->promise = promise_new(vm);
    f->caller = vm->top;
    vm->top = f;
    vm->js_depth++;
    return f;
}

static void pop_frame(js_vm *vm, js_frame *f)
{
    vm->top = f->caller;
    vm->js_depth--;
    f->caller = NULL;
}

/* ---- the interpreter loop -------------------------------------------------------------------- */

typedef enum { RUN_RETURN, RUN_THROW, RUN_STOP, RUN_SUSPEND } run_end;

static js_status call_value(js_vm *vm, js_value fn, js_value this_value, int argc,
                            const js_value *argv, js_value *out);
static js_status construct_value(js_vm *vm, js_value fn, int argc, const js_value *argv,
                                 js_value new_target, js_value *out);
static run_end run(js_vm *vm, js_frame *entry, js_value *result);

/* the values of an array made by the compiler for a spread call (a real array) */
static void spread_args(js_value arr, js_value **argv, int *argc)
{
    js_object *a = arr.u.object;
    *argv = a->u.array.items;
    *argc = (int)a->u.array.length;
}

static js_status tdz_error(js_vm *vm, const js_proto *p, uint32_t name)
{
    return throw_kind(vm, ERR_REFERENCE, "Cannot access '%s' before initialization",
                      p->names[name]);
}

static js_env *env_at(js_frame *f, uint32_t depth)
{
    js_env *e = f->env;
    while (depth--)
        e = e->parent;
    return e;
}

static js_status get_iterator(js_vm *vm, js_value v, bool async, js_value *iter, js_value *next);
static js_status iter_step_raw(js_vm *vm, js_value iter, js_value next, js_value *value,
                               bool *done);
static js_status class_create(js_vm *vm, js_frame *f, js_value super, uint32_t k,
                              uint32_t name, js_value *ctor, js_value *proto_out);
static js_status super_call(js_vm *vm, js_frame *f, int argc, const js_value *argv,
                            js_value *out);
static js_status run_fields(js_vm *vm, js_object *callee, js_value this_value);
static js_status copy_data_properties(js_vm *vm, js_object *target, js_value src,
                                      js_value excluded);
static js_status define_with_home(js_vm *vm, js_value obj, js_value key, js_value fn, int how);
static void set_function_name(js_vm *vm, js_value fn, js_value key, int prefix);
static js_status for_in_keys(js_vm *vm, js_value v, js_value *out);
static bool for_in_next(js_vm *vm, js_value keys, js_value *key);
static js_status fast_count(js_vm *vm, js_frame *f, const uint32_t *args);
static js_status private_get(js_vm *vm, js_value obj, js_value key, js_value *out);
static js_status private_set(js_vm *vm, js_value obj, js_value key, js_value v, bool define);
static js_status super_get(js_vm *vm, js_frame *f, js_value key, js_value *out);
static js_status super_set(js_vm *vm, js_frame *f, js_value key, js_value v);

static js_object *home_of(js_frame *f)
{
    return f->callee ? f->callee->u.fn.home : NULL;
}

/* A numeric operator on ToNumeric's results (13.15.3 ApplyStringOrNumericBinaryOperator):
 * both Numbers, or both BigInts; a BigInt with a Number is a TypeError. */
static inline js_status numeric_op(js_vm *vm, int op, js_value a, js_value b, js_value *out)
{
    if (a.type != b.type)
        return throw_kind(vm, ERR_TYPE, "Cannot mix BigInt and other types, use explicit "
                                        "conversions");
    if (a.type == JS_TBIGINT)
        return bigint_binary(vm, op, a.u.bigint, b.u.bigint, out);
    double x = a.u.number, y = b.u.number, r;
    switch (op) {
    case OP_ADD: r = x + y; break;
    case OP_SUB: r = x - y; break;
    case OP_MUL: r = x * y; break;
    case OP_DIV: r = x / y; break;
    case OP_MOD: r = fmod(x, y); break;
    case OP_EXP:
        r = (isnan(y) || ((x == 1 || x == -1) && isinf(y))) ? NAN : math_pow(x, y);
        break;
    case OP_SHL: r = (double)(int32_t)((uint32_t)js_to_int32(x) << (js_to_uint32(y) & 31)); break;
    case OP_SHR: r = (double)(js_to_int32(x) >> (js_to_uint32(y) & 31)); break;
    case OP_USHR: r = (double)(js_to_uint32(x) >> (js_to_uint32(y) & 31)); break;
    case OP_BIT_AND: r = (double)(js_to_int32(x) & js_to_int32(y)); break;
    case OP_BIT_OR: r = (double)(js_to_int32(x) | js_to_int32(y)); break;
    case OP_BIT_XOR: r = (double)(js_to_int32(x) ^ js_to_int32(y)); break;
    default: r = NAN; break;
    }
    *out = js_number(r);
    return JS_OK;
}

js_status op_numeric(js_vm *vm, int op, js_value a, js_value b, js_value *out)
{
    return numeric_op(vm, op, a, b, out);
}

/* Numeric binary operators: ToNumeric of both operands (left first), then the Number or the
 * BigInt operator. */
static js_status arith(js_vm *vm, js_opcode op, js_value a, js_value b, js_value *out)
{
    js_value na = a, nb = b;
    js_status st;
    if (a.type != JS_TNUMBER || b.type != JS_TNUMBER) {
        if ((st = to_numeric(vm, a, &na)) != JS_OK || (st = to_numeric(vm, b, &nb)) != JS_OK)
            return st;
    }
    return numeric_op(vm, op, na, nb, out);
}

static js_status compare(js_vm *vm, js_opcode op, js_value a, js_value b, bool *out)
{
    if (a.type == JS_TNUMBER && b.type == JS_TNUMBER) {
        double x = a.u.number, y = b.u.number;
        switch (op) {
        case OP_LT: *out = x < y; break;
        case OP_LE: *out = x <= y; break;
        case OP_GT: *out = x > y; break;
        default: *out = x >= y; break;
        }
        return JS_OK;
    }
    int r;
    js_status st;
    switch (op) {
    case OP_LT:
        st = op_compare(vm, a, b, true, &r);
        *out = r == -1;
        return st;
    case OP_GT:
        st = op_compare(vm, b, a, false, &r);
        *out = r == -1;
        return st;
    case OP_LE:
        st = op_compare(vm, b, a, false, &r);
        *out = r == 0;
        return st;
    default:
        st = op_compare(vm, a, b, true, &r);
        *out = r == 0;
        return st;
    }
}

/* A frame ends (return value, or an exception with `threw`): what its caller gets.  Async
 * frames settle their promise and give it; constructors give `this` unless an object was
 * returned. */
static js_status frame_result(js_vm *vm, js_frame *f, bool threw, js_value v, js_value *out)
{
    switch ((js_frame_kind)f->kind) {
    case FRAME_ASYNC:
        if (threw)
            promise_reject(vm, f->promise, v);
        else
            promise_resolve(vm, f->promise, v);
        *out = js_obj(f->promise);
        f->done = true;
        return JS_OK;
    case FRAME_GENERATOR:
    case FRAME_ASYNC_GENERATOR:
        f->done = true;
        if (f->generator)
            f->generator->u.gen.state = GEN_COMPLETED;
        if (threw) {
            vm->exception = v;
            vm->has_exception = true;
            return JS_THROW;
        }
        *out = v;
        return JS_OK;
    case FRAME_NORMAL:
        break;
    }
    if (threw) {
        vm->exception = v;
        vm->has_exception = true;
        return JS_THROW;
    }
    if (f->construct && v.type != JS_TOBJECT) {
        if (f->this_value.type == JS_THOLE)
            return throw_kind(vm, ERR_REFERENCE, "Must call super constructor in derived class "
                                                 "before accessing 'this' or returning from "
                                                 "derived constructor");
        if (!js_is_undefined(v) && (f->proto->flags & PROTO_DERIVED))
            return throw_kind(vm, ERR_TYPE, "Derived constructors may only return object or "
                                            "undefined");
        v = f->this_value;
    }
    *out = v;
    return JS_OK;
}

/* The innermost handler of f for its current instruction, or NULL. */
static const js_trycatch *find_handler(const js_frame *f)
{
    uint32_t pc = f->pc ? f->pc - 1 : 0;
    const js_proto *p = f->proto;
    for (uint32_t i = 0; i < p->nhandlers; i++) {
        const js_trycatch *h = &p->handlers[i];
        if (pc >= h->start && pc < h->end)
            return h;
    }
    return NULL;
}

js_value js_take_exception(js_vm *vm)
{
    js_value v = vm->exception;
    vm->has_exception = false;
    vm->exception = js_undefined();
    return v;
}

#define CODE_AT(f) ((f)->proto->code)

static run_end run(js_vm *vm, js_frame *entry, js_value *result)
{
    js_frame *f = entry;
    f->base = true;
    vm->c_depth++;
    if (vm->c_depth > MAX_C_DEPTH) {
        vm->c_depth--;
        throw_kind(vm, ERR_RANGE, "Maximum call stack size exceeded");
        js_value ex = js_take_exception(vm);
        js_frame *caller = f->caller;
        pop_frame(vm, f);
        (void)caller;
        frame_result(vm, f, true, ex, result);
        return f->kind == FRAME_ASYNC ? RUN_RETURN : RUN_THROW;
    }
    js_value *regs, *stack;
    const uint32_t *code;
    uint32_t pc, sp;
    js_value a, b, c, v;
    js_status st = JS_OK;
    run_end end = RUN_RETURN;

#define LOAD()                                          \
    do {                                                \
        code = CODE_AT(f);                              \
        regs = f->slots;                                \
        stack = f->slots + f->proto->nregs;             \
        pc = f->pc;                                     \
        sp = f->sp;                                     \
    } while (0)
#define SAVE()          \
    do {                \
        f->pc = pc;     \
        f->sp = sp;     \
    } while (0)
#define PUSH(x) (stack[sp++] = (x))
#define POP() (stack[--sp])
#define TOP() (stack[sp - 1])
#define ARG(i) (code[pc + (i)])
#define CHECK(expr)                  \
    do {                             \
        SAVE();                      \
        if ((st = (expr)) != JS_OK)  \
            goto exception;          \
    } while (0)

    LOAD();
    for (;;) {
        js_opcode op = (js_opcode)code[pc++];
        vm->ops++;
        switch (op) {
        case OP_UNDEF: PUSH(js_undefined()); break;
        case OP_NULL: PUSH(js_null()); break;
        case OP_TRUE: PUSH(js_bool(true)); break;
        case OP_FALSE: PUSH(js_bool(false)); break;
        case OP_INT: PUSH(js_number((double)(int32_t)ARG(0))); pc += 1; break;
        case OP_NUMBER: PUSH(f->proto->numbers[ARG(0)]); pc += 1; break;
        case OP_STRING: PUSH(js_strv(proto_atom(vm, f->proto, ARG(0)))); pc += 1; break;
        case OP_BIGINT:
            PUSH(js_bigv(bigint_from_text(vm, f->proto->names[ARG(0)], f->proto->name_lens[ARG(0)],
                                          true)));
            pc += 1;
            break;
        case OP_HOLE: v.type = JS_THOLE; PUSH(v); break;

        case OP_POP: sp--; break;
        case OP_DUP: a = TOP(); PUSH(a); break;
        case OP_DUP2: a = stack[sp - 2]; b = stack[sp - 1]; PUSH(a); PUSH(b); break;
        case OP_SWAP: a = stack[sp - 1]; stack[sp - 1] = stack[sp - 2]; stack[sp - 2] = a; break;
        case OP_ROT3: /* a b c -> c a b */
            c = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = stack[sp - 3];
            stack[sp - 3] = c;
            break;
        case OP_ROT4:
            c = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = stack[sp - 3];
            stack[sp - 3] = stack[sp - 4];
            stack[sp - 4] = c;
            break;
        case OP_OVER: a = stack[sp - 2]; PUSH(a); break;

        case OP_GET_REG: PUSH(regs[ARG(0)]); pc += 1; break;
        case OP_GET_REG_CHECK:
            a = regs[ARG(0)];
            if (a.type == JS_THOLE)
                CHECK(tdz_error(vm, f->proto, ARG(1)));
            PUSH(a);
            pc += 2;
            break;
        case OP_PUT_REG: regs[ARG(0)] = POP(); pc += 1; break;
        case OP_SET_REG: regs[ARG(0)] = TOP(); pc += 1; break;
        case OP_CHECK_REG:
            if (regs[ARG(0)].type == JS_THOLE)
                CHECK(tdz_error(vm, f->proto, ARG(1)));
            pc += 2;
            break;
        case OP_GET_ENV: PUSH(env_at(f, ARG(0))->slots[ARG(1)]); pc += 2; break;
        case OP_GET_ENV_CHECK:
            a = env_at(f, ARG(0))->slots[ARG(1)];
            if (a.type == JS_THOLE)
                CHECK(tdz_error(vm, f->proto, ARG(2)));
            PUSH(a);
            pc += 3;
            break;
        case OP_PUT_ENV: {
            js_env *env = env_at(f, ARG(0));
            note_env_write(vm, env);
            env->slots[ARG(1)] = POP();
            pc += 2;
            break;
        }
        case OP_SET_ENV: {
            js_env *env = env_at(f, ARG(0));
            note_env_write(vm, env);
            env->slots[ARG(1)] = TOP();
            pc += 2;
            break;
        }
        case OP_CHECK_ENV:
            if (env_at(f, ARG(0))->slots[ARG(1)].type == JS_THOLE)
                CHECK(tdz_error(vm, f->proto, ARG(2)));
            pc += 3;
            break;
        case OP_THROW_CONST:
            CHECK(throw_kind(vm, ERR_TYPE, "Assignment to constant variable."));
            break;
        case OP_GET_GLOBAL: {
            js_string *name = proto_atom(vm, f->proto, ARG(0));
            pc += 1;
            js_object *holder;
            js_prop *p = prop_find_chain(vm, vm->global, &name->gc, &holder);
            if (!p) {
                SAVE();
                st = throw_kind(vm, ERR_REFERENCE, "%s is not defined", name->chars);
                goto exception;
            }
            if (p->flags & PROP_ACCESSOR) {
                CHECK(obj_get(vm, vm->global, &name->gc, js_obj(vm->global), &v));
                PUSH(v);
            } else {
                PUSH(p->value);
            }
            break;
        }
        case OP_TYPEOF_GLOBAL: {
            js_string *name = proto_atom(vm, f->proto, ARG(0));
            pc += 1;
            js_prop *p = prop_find_chain(vm, vm->global, &name->gc, NULL);
            if (!p) {
                PUSH(js_strv(A(vm, undefined)));
            } else {
                CHECK(obj_get(vm, vm->global, &name->gc, js_obj(vm->global), &v));
                PUSH(js_strv(typeof_string(vm, v)));
            }
            break;
        }
        case OP_SET_GLOBAL: {
            js_string *name = proto_atom(vm, f->proto, ARG(0));
            pc += 1;
            bool strict = (f->proto->flags & PROTO_STRICT) != 0;
            if (strict && !prop_find_chain(vm, vm->global, &name->gc, NULL)) {
                SAVE();
                st = throw_kind(vm, ERR_REFERENCE, "%s is not defined", name->chars);
                goto exception;
            }
            CHECK(obj_set(vm, vm->global, &name->gc, TOP(), js_obj(vm->global), strict));
            break;
        }
        case OP_PUSH_SCOPE:
            f->env = env_new(vm, f->env, ARG(0));
            f->depth++;
            pc += 1;
            break;
        case OP_POP_SCOPE:
            f->env = f->env->parent;
            f->depth--;
            break;
        case OP_COPY_SCOPE: {
            js_env *old = f->env;
            js_env *e = env_new(vm, old->parent, old->count);
            memcpy(e->slots, old->slots, old->count * sizeof *e->slots);
            f->env = e;
            break;
        }

        case OP_CLOSURE: {
            const js_proto *p = f->proto->protos[ARG(0)];
            pc += 1;
            v = closure_new(vm, p, f->env, (p->flags & PROTO_ARROW) ? f->this_value : js_undefined());
            if ((p->flags & PROTO_ARROW) && f->callee)
                v.u.object->u.fn.home = f->callee->u.fn.home;
            PUSH(v);
            break;
        }
        case OP_THIS:
            if (f->this_value.type == JS_THOLE) {
                SAVE();
                st = throw_kind(vm, ERR_REFERENCE, "Must call super constructor in derived "
                                                   "class before accessing 'this' or returning "
                                                   "from derived constructor");
                goto exception;
            }
            PUSH(f->this_value);
            break;
        case OP_NEW_TARGET: PUSH(f->new_target); break;
        case OP_GET_ARG:
            PUSH(ARG(0) < f->argc ? f->argv[ARG(0)] : js_undefined());
            pc += 1;
            break;
        case OP_ARGUMENTS: {
            if (!f->arguments) {
                js_object *o = obj_new(vm, CLASS_ARGUMENTS, vm->in.object_prototype);
                for (uint32_t i = 0; i < f->argc; i++)
                    array_push(vm, o, f->argv[i]);
                prop_define_value(vm, o, &A(vm, length)->gc, js_number(f->argc), PROP_HIDDEN);
                prop_define_value(vm, o, &vm->sym.iterator->gc, vm->in.array_values, PROP_HIDDEN);
                if (f->callee && !(f->proto->flags & PROTO_STRICT))
                    prop_define_value(vm, o, &A(vm, callee)->gc, js_obj(f->callee), PROP_HIDDEN);
                f->arguments = o;
            }
            PUSH(js_obj(f->arguments));
            break;
        }
        case OP_REST: {
            uint32_t from = ARG(0);
            pc += 1;
            js_object *arr = array_new(vm, 0);
            for (uint32_t i = from; i < f->argc; i++)
                array_push(vm, arr, f->argv[i]);
            PUSH(js_obj(arr));
            break;
        }
        case OP_HOME_OBJECT: {
            js_object *h = home_of(f);
            PUSH(h ? js_obj(h) : js_undefined());
            break;
        }
        case OP_SELF: PUSH(f->callee ? js_obj(f->callee) : js_undefined()); break;

        case OP_GET_PROP: {
            js_string *name = proto_atom(vm, f->proto, ARG(0));
            pc += 1;
            a = TOP();
            if (a.type == JS_TOBJECT) {
                /* the common case: an own data property */
                js_prop *p = prop_find(vm, a.u.object, &name->gc);
                if (p && !(p->flags & PROP_ACCESSOR)) {
                    stack[sp - 1] = p->value;
                    break;
                }
            }
            CHECK(val_get(vm, a, &name->gc, &v));
            stack[sp - 1] = v;
            break;
        }
        case OP_SET_PROP: {
            js_string *name = proto_atom(vm, f->proto, ARG(0));
            pc += 1;
            b = POP();
            a = POP();
            CHECK(val_set(vm, a, &name->gc, b, (f->proto->flags & PROTO_STRICT) != 0));
            PUSH(b);
            break;
        }
        case OP_GET_ELEM:
            b = POP();
            a = POP();
            CHECK(val_get_elem(vm, a, b, &v));
            PUSH(v);
            break;
        case OP_SET_ELEM:
            c = POP();
            b = POP();
            a = POP();
            CHECK(val_set_elem(vm, a, b, c, (f->proto->flags & PROTO_STRICT) != 0));
            PUSH(c);
            break;
        case OP_DELETE_PROP: {
            js_string *name = proto_atom(vm, f->proto, ARG(0));
            pc += 1;
            a = POP();
            bool ok;
            CHECK(val_delete(vm, a, js_strv(name), (f->proto->flags & PROTO_STRICT) != 0, &ok));
            PUSH(js_bool(ok));
            break;
        }
        case OP_DELETE_ELEM: {
            b = POP();
            a = POP();
            bool ok;
            CHECK(val_delete(vm, a, b, (f->proto->flags & PROTO_STRICT) != 0, &ok));
            PUSH(js_bool(ok));
            break;
        }
        case OP_IN: {
            b = POP();
            a = POP();
            bool has;
            CHECK(val_has(vm, b, a, &has));
            PUSH(js_bool(has));
            break;
        }
        case OP_INSTANCEOF: {
            b = POP();
            a = POP();
            bool is;
            CHECK(op_instanceof(vm, a, b, &is));
            PUSH(js_bool(is));
            break;
        }
        case OP_GET_PRIVATE:
            b = POP();
            a = POP();
            CHECK(private_get(vm, a, b, &v));
            PUSH(v);
            break;
        case OP_SET_PRIVATE:
            c = POP();
            b = POP();
            a = POP();
            CHECK(private_set(vm, a, b, c, false));
            PUSH(c);
            break;
        case OP_DEFINE_PRIVATE:
            c = POP();
            b = POP();
            a = TOP();
            CHECK(private_set(vm, a, b, c, true));
            break;
        case OP_HAS_PRIVATE:
            b = POP();
            a = POP();
            if (b.type != JS_TOBJECT)
                CHECK(throw_kind(vm, ERR_TYPE, "Cannot use 'in' operator to search for a private "
                                               "field in a non-object"));
            PUSH(js_bool(prop_find(vm, b.u.object, &a.u.symbol->gc) != NULL));
            break;
        case OP_GET_SUPER:
            a = POP();
            CHECK(super_get(vm, f, a, &v));
            PUSH(v);
            break;
        case OP_SET_SUPER:
            b = POP();
            a = POP();
            CHECK(super_set(vm, f, a, b));
            PUSH(b);
            break;
        case OP_TO_KEY: {
            js_key k;
            CHECK(to_key(vm, TOP(), &k));
            if (k->kind == GC_STRING)
                stack[sp - 1] = js_strv((js_string *)k);
            else
                stack[sp - 1] = (js_value){JS_TSYMBOL, {.symbol = (js_symbol *)k}};
            break;
        }

        case OP_NEW_OBJECT: PUSH(js_obj(obj_new(vm, CLASS_OBJECT, vm->in.object_prototype))); break;
        case OP_NEW_ARRAY: PUSH(js_obj(array_new(vm, 0))); break;
        case OP_ARRAY_PUSH: b = POP(); array_push(vm, TOP().u.object, b); break;
        case OP_ARRAY_HOLE: {
            js_object *arr = TOP().u.object;
            array_set_length(vm, arr, arr->u.array.length + 1);
            break;
        }
        case OP_ARRAY_SPREAD: {
            b = POP();
            js_value it, next, val;
            bool done;
            CHECK(get_iterator(vm, b, false, &it, &next));
            for (;;) {
                CHECK(iter_step_raw(vm, it, next, &val, &done));
                if (done)
                    break;
                array_push(vm, TOP().u.object, val);
            }
            break;
        }
        case OP_INIT_PROP: {
            js_string *name = proto_atom(vm, f->proto, ARG(0));
            pc += 1;
            b = POP();
            CHECK(define_with_home(vm, TOP(), js_strv(name), b, 0));
            break;
        }
        case OP_INIT_ELEM:
            c = POP();
            b = POP();
            CHECK(define_with_home(vm, TOP(), b, c, 0));
            break;
        case OP_INIT_GETTER:
        case OP_INIT_SETTER:
        case OP_INIT_METHOD:
        case OP_INIT_CLASS_GETTER:
        case OP_INIT_CLASS_SETTER: {
            c = POP();
            b = POP();
            int how = op == OP_INIT_GETTER ? 1 : op == OP_INIT_SETTER ? 2 : op == OP_INIT_METHOD ? 3
                      : op == OP_INIT_CLASS_GETTER ? 4 : 5;
            CHECK(define_with_home(vm, TOP(), b, c, how));
            break;
        }
        case OP_OBJ_SPREAD:
            b = POP();
            CHECK(copy_data_properties(vm, TOP().u.object, b, js_undefined()));
            break;
        case OP_OBJ_REST: {
            b = POP();
            a = POP();
            if (js_is_nullish(a))
                CHECK(throw_kind(vm, ERR_TYPE, "Cannot destructure '%s' as it is %s.",
                                 js_typeof(a), a.type == JS_TNULL ? "null" : "undefined"));
            js_object *o = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
            PUSH(js_obj(o));
            CHECK(copy_data_properties(vm, o, a, b));
            break;
        }
        case OP_INIT_PROTO:
            b = POP();
            if (b.type == JS_TOBJECT || b.type == JS_TNULL)
                TOP().u.object->proto = b.type == JS_TOBJECT ? b.u.object : NULL;
            break;
        case OP_SET_FN_NAME:
            set_function_name(vm, stack[sp - 1], stack[sp - 2], (int)ARG(0));
            pc += 1;
            break;
        case OP_TEMPLATE_OBJECT:
            pc += 1;
            PUSH(js_obj(array_new(vm, 0)));
            break;

        case OP_CALL:
        case OP_CALL_SPREAD: {
            int argc;
            js_value *argv;
            js_value *base;
            uint32_t callee;
            if (op == OP_CALL) {
                argc = (int)ARG(0);
                callee = ARG(1);
                pc += 2;
                base = &stack[sp - argc - 2];
                argv = base + 2;
            } else {
                callee = ARG(0);
                pc += 1;
                base = &stack[sp - 3];
                spread_args(base[2], &argv, &argc);
            }
            js_value fn = base[0], self = base[1];
            SAVE();
            if (!vm_poll(vm)) {
                st = JS_STOP;
                goto exception;
            }
            if (!js_is_callable(fn)) {
                st = throw_kind(vm, ERR_TYPE, "%s is not a function", f->proto->names[callee]);
                goto exception;
            }
            if (fn.type == JS_TOBJECT && fn.u.object->cls == CLASS_FUNCTION &&
                !fn.u.object->u.fn.is_class &&
                !(fn.u.object->u.fn.proto->flags & PROTO_GENERATOR)) {
                if (vm->js_depth >= MAX_JS_DEPTH)
                    CHECK(throw_kind(vm, ERR_RANGE, "Maximum call stack size exceeded"));
                sp = (uint32_t)(base - stack);
                f->sp = sp;
                f = push_frame(vm, fn.u.object, self, argc, argv, js_undefined());
                LOAD();
                break;
            }
            js_value r;
            st = call_value(vm, fn, self, argc, argv, &r);
            sp = (uint32_t)(base - stack);
            if (st != JS_OK) {
                SAVE();
                goto exception;
            }
            PUSH(r);
            break;
        }
        case OP_NEW:
        case OP_NEW_SPREAD: {
            int argc;
            js_value *argv, *base;
            uint32_t callee;
            if (op == OP_NEW) {
                argc = (int)ARG(0);
                callee = ARG(1);
                pc += 2;
                base = &stack[sp - argc - 1];
                argv = base + 1;
            } else {
                callee = ARG(0);
                pc += 1;
                base = &stack[sp - 2];
                spread_args(base[1], &argv, &argc);
            }
            js_value fn = base[0], r;
            SAVE();
            if (!vm_poll(vm)) {
                st = JS_STOP;
                goto exception;
            }
            if (!is_constructor(fn)) {
                st = throw_kind(vm, ERR_TYPE, "%s is not a constructor", f->proto->names[callee]);
                goto exception;
            }
            st = construct_value(vm, fn, argc, argv, fn, &r);
            sp = (uint32_t)(base - stack);
            if (st != JS_OK) {
                SAVE();
                goto exception;
            }
            PUSH(r);
            break;
        }
        case OP_SUPER_CALL:
        case OP_SUPER_CALL_SPREAD: {
            int argc;
            js_value *argv, *base;
            if (op == OP_SUPER_CALL) {
                argc = (int)ARG(0);
                pc += 1;
                base = &stack[sp - argc];
                argv = base;
            } else {
                base = &stack[sp - 1];
                spread_args(base[0], &argv, &argc);
            }
            js_value r;
            SAVE();
            st = super_call(vm, f, argc, argv, &r);
            sp = (uint32_t)(base - stack);
            if (st != JS_OK) {
                SAVE();
                goto exception;
            }
            PUSH(r);
            break;
        }
        case OP_INIT_FIELDS:
            if (f->callee && !js_is_undefined(f->callee->u.fn.fields))
                CHECK(run_fields(vm, f->callee, f->this_value));
            break;

        case OP_RETURN_UNDEF:
            v = js_undefined();
            goto do_return;
        case OP_RETURN:
            v = POP();
        do_return: {
            SAVE();
            js_value r;
            if ((st = frame_result(vm, f, false, v, &r)) != JS_OK)
                goto exception;
            js_frame *done = f;
            pop_frame(vm, done);
            if (done->base) {
                *result = r;
                end = RUN_RETURN;
                goto out;
            }
            f = vm->top;
            LOAD();
            PUSH(r);
            break;
        }

        case OP_JUMP: {
            uint32_t to = ARG(0);
            if (to < pc) { /* a loop's back edge: time passes; the collector may run */
                SAVE();
                f->pc = to;
                if (!vm_poll(vm)) {
                    st = JS_STOP;
                    goto exception;
                }
                if (vm->c_depth == 1)
                    gc_maybe(vm);
            }
            pc = to;
            break;
        }
        case OP_JUMP_FALSE:
            a = POP();
            pc = to_boolean(a) ? pc + 1 : ARG(0);
            break;
        case OP_JUMP_TRUE: {
            a = POP();
            uint32_t to = ARG(0);
            if (to_boolean(a) && to < pc) {
                SAVE();
                if (!vm_poll(vm)) {
                    st = JS_STOP;
                    goto exception;
                }
                if (vm->c_depth == 1)
                    gc_maybe(vm);
            }
            pc = to_boolean(a) ? to : pc + 1;
            break;
        }
        case OP_JUMP_FALSE_KEEP:
            if (!to_boolean(TOP()))
                pc = ARG(0);
            else {
                sp--;
                pc += 1;
            }
            break;
        case OP_JUMP_TRUE_KEEP:
            if (to_boolean(TOP()))
                pc = ARG(0);
            else {
                sp--;
                pc += 1;
            }
            break;
        case OP_JUMP_NOT_NULLISH_KEEP:
            if (!js_is_nullish(TOP()))
                pc = ARG(0);
            else {
                sp--;
                pc += 1;
            }
            break;
        case OP_JUMP_NULLISH:
            if (js_is_nullish(TOP())) {
                sp--;
                pc = ARG(0);
            } else {
                pc += 1;
            }
            break;
        case OP_JUMP_NOT_UNDEF:
            if (!js_is_undefined(TOP()))
                pc = ARG(0);
            else {
                sp--;
                pc += 1;
            }
            break;
        case OP_THROW:
            a = POP();
            SAVE();
            vm_note_throw_site(vm);
            if (vm->host.api_call)
                vm->host.api_call(vm->host.ctx);
            vm->exception = a;
            vm->has_exception = true;
            st = JS_THROW;
            goto exception;
        case OP_RETHROW_IF:
            b = POP();
            a = POP();
            if (to_boolean(a)) {
                SAVE();
                vm->exception = b;
                vm->has_exception = true;
                st = JS_THROW;
                goto exception;
            }
            break;
        case OP_NOP:
        case OP_DEBUGGER:
            break;

        case OP_GET_ITERATOR:
        case OP_GET_ASYNC_ITERATOR: {
            a = POP();
            js_value it, next;
            CHECK(get_iterator(vm, a, op == OP_GET_ASYNC_ITERATOR, &it, &next));
            PUSH(it);
            PUSH(next);
            break;
        }
        case OP_ITER_STEP: {
            bool done;
            CHECK(iter_step_raw(vm, stack[sp - 2], stack[sp - 1], &v, &done));
            if (done) {
                stack[sp - 1] = js_undefined(); /* exhausted: ITER_CLOSE does nothing */
                pc = ARG(0);
            } else {
                PUSH(v);
                pc += 1;
            }
            break;
        }
        case OP_ITER_VALUE: {
            bool done = js_is_undefined(stack[sp - 1]);
            if (!done) {
                SAVE();
                if ((st = iter_step_raw(vm, stack[sp - 2], stack[sp - 1], &v, &done)) != JS_OK) {
                    /* a throwing next() (or result) leaves the iterator done: not closed */
                    stack[sp - 1] = js_undefined();
                    goto exception;
                }
                if (done)
                    stack[sp - 1] = js_undefined();
            }
            PUSH(done ? js_undefined() : v);
            break;
        }
        case OP_ITER_REST: {
            js_object *arr = array_new(vm, 0);
            PUSH(js_obj(arr));
            for (;;) {
                bool done = js_is_undefined(stack[sp - 2]);
                if (!done) {
                    SAVE();
                    if ((st = iter_step_raw(vm, stack[sp - 3], stack[sp - 2], &v, &done)) != JS_OK) {
                        stack[sp - 2] = js_undefined(); /* done: not closed */
                        goto exception;
                    }
                }
                if (done) {
                    stack[sp - 2] = js_undefined();
                    break;
                }
                array_push(vm, arr, v);
            }
            break;
        }
        case OP_ITER_CLOSE: {
            b = POP();
            a = POP();
            if (!js_is_undefined(b) && a.type == JS_TOBJECT) {
                js_value ret;
                CHECK(obj_get(vm, a.u.object, &A(vm, return)->gc, a, &ret));
                if (js_is_callable(ret)) {
                    js_value r;
                    CHECK(vm_call(vm, ret, a, 0, NULL, &r));
                    if (r.type != JS_TOBJECT)
                        CHECK(throw_kind(vm, ERR_TYPE, "Iterator result %s is not an object",
                                         js_to_string_safe(vm, r)->chars));
                }
            }
            break;
        }
        case OP_ITER_CLOSE_ASYNC: {
            b = POP();
            a = POP();
            js_value ret = js_undefined();
            if (!js_is_undefined(b) && a.type == JS_TOBJECT)
                CHECK(obj_get(vm, a.u.object, &A(vm, return)->gc, a, &ret));
            if (js_is_callable(ret)) {
                js_value r;
                CHECK(vm_call(vm, ret, a, 0, NULL, &r));
                PUSH(r);
                pc += 1;
            } else {
                pc = ARG(0);
            }
            break;
        }
        case OP_ITER_CLOSE_CHECK:
            a = POP();
            if (a.type != JS_TOBJECT)
                CHECK(throw_kind(vm, ERR_TYPE, "Iterator result %s is not an object",
                                 js_to_string_safe(vm, a)->chars));
            break;
        case OP_ITER_CALL_NEXT: {
            js_value r;
            CHECK(vm_call(vm, stack[sp - 1], stack[sp - 2], 0, NULL, &r));
            PUSH(r);
            break;
        }
        case OP_ITER_RESULT: {
            a = POP();
            if (a.type != JS_TOBJECT)
                CHECK(throw_kind(vm, ERR_TYPE, "Iterator result %s is not an object",
                                 js_to_string_safe(vm, a)->chars));
            js_value d;
            CHECK(obj_get(vm, a.u.object, &A(vm, done)->gc, a, &d));
            if (to_boolean(d)) {
                stack[sp - 1] = js_undefined();
                pc = ARG(0);
            } else {
                CHECK(obj_get(vm, a.u.object, &A(vm, value)->gc, a, &v));
                PUSH(v);
                pc += 1;
            }
            break;
        }
        case OP_FOR_IN:
            a = POP();
            CHECK(for_in_keys(vm, a, &v));
            PUSH(v);
            break;
        case OP_FOR_IN_NEXT:
            if (for_in_next(vm, TOP(), &v)) {
                PUSH(v);
                pc += 1;
            } else {
                pc = ARG(0);
            }
            break;

        case OP_ADD:
            b = POP();
            a = POP();
            if (a.type == JS_TNUMBER && b.type == JS_TNUMBER) {
                PUSH(js_number(a.u.number + b.u.number));
            } else {
                CHECK(op_add(vm, a, b, &v));
                PUSH(v);
            }
            break;
        case OP_SUB: case OP_MUL: case OP_DIV: case OP_MOD: case OP_EXP: case OP_SHL:
        case OP_SHR: case OP_USHR: case OP_BIT_AND: case OP_BIT_OR: case OP_BIT_XOR:
            b = POP();
            a = POP();
            CHECK(arith(vm, op, a, b, &v));
            PUSH(v);
            break;
        case OP_EQ:
        case OP_NE: {
            b = POP();
            a = POP();
            bool eq;
            CHECK(loose_equals(vm, a, b, &eq));
            PUSH(js_bool(op == OP_EQ ? eq : !eq));
            break;
        }
        case OP_STRICT_EQ: b = POP(); a = POP(); PUSH(js_bool(strict_equals(a, b))); break;
        case OP_STRICT_NE: b = POP(); a = POP(); PUSH(js_bool(!strict_equals(a, b))); break;
        case OP_LT: case OP_LE: case OP_GT: case OP_GE: {
            b = POP();
            a = POP();
            bool r;
            CHECK(compare(vm, op, a, b, &r));
            PUSH(js_bool(r));
            break;
        }
        case OP_NEG:
            CHECK(to_numeric(vm, TOP(), &v));
            stack[sp - 1] = v.type == JS_TBIGINT ? js_bigv(bigint_negate(vm, v.u.bigint))
                                                 : js_number(-v.u.number);
            break;
        case OP_PLUS: {
            double d;
            CHECK(to_number(vm, TOP(), &d));
            stack[sp - 1] = js_number(d);
            break;
        }
        case OP_NOT: stack[sp - 1] = js_bool(!to_boolean(TOP())); break;
        case OP_BIT_NOT:
            CHECK(to_numeric(vm, TOP(), &v));
            stack[sp - 1] = v.type == JS_TBIGINT ? js_bigv(bigint_bit_not(vm, v.u.bigint))
                                                 : js_number((double)~js_to_int32(v.u.number));
            break;
        case OP_TYPEOF: stack[sp - 1] = js_strv(typeof_string(vm, TOP())); break;
        case OP_INC:
        case OP_DEC:
            v = TOP();
            if (v.type != JS_TNUMBER)
                CHECK(to_numeric(vm, v, &v));
            if (v.type == JS_TBIGINT)
                stack[sp - 1] = js_bigv(bigint_add_small(vm, v.u.bigint, op == OP_INC ? 1 : -1));
            else
                stack[sp - 1] = js_number(op == OP_INC ? v.u.number + 1 : v.u.number - 1);
            break;
        case OP_TO_NUMERIC:
            CHECK(to_numeric(vm, TOP(), &v));
            stack[sp - 1] = v;
            break;
        case OP_TO_STRING: {
            js_string *s;
            CHECK(to_string(vm, TOP(), &s));
            stack[sp - 1] = js_strv(s);
            break;
        }
        case OP_FAST_COUNT:
            SAVE();
            if ((st = fast_count(vm, f, &code[pc])) != JS_OK)
                goto exception;
            pc += 4;
            break;

        case OP_AWAIT: {
            a = POP();
            SAVE();
            if (vm->host.api_call)
                vm->host.api_call(vm->host.ctx);
            if (f->kind != FRAME_ASYNC && f->kind != FRAME_ASYNC_GENERATOR) {
                st = throw_kind(vm, ERR_SYNTAX, "await is only valid in async functions");
                goto exception;
            }
            promise_await(vm, f, a, f->proto->label);
            vm->suspend_kind = SUSPEND_AWAIT;
            /* suspend: the caller gets the promise (or, at the base, the loop ends) */
            js_frame *done = f;
            pop_frame(vm, done);
            if (done->base) {
                done->base = false;
                *result = done->promise ? js_obj(done->promise) : js_undefined();
                end = RUN_SUSPEND;
                goto out;
            }
            f = vm->top;
            LOAD();
            PUSH(done->promise ? js_obj(done->promise) : js_undefined());
            break;
        }
        case OP_INITIAL_YIELD: {
            /* a generator's call ends here: the caller gets the generator object */
            SAVE();
            js_object *g = obj_new(vm, CLASS_GENERATOR,
                                   fn_proto_of(vm, js_obj(f->callee),
                                               f->kind == FRAME_ASYNC_GENERATOR
                                                   ? vm->in.async_generator_prototype
                                                   : vm->in.generator_prototype));
            g->u.gen.frame = f;
            g->u.gen.state = GEN_SUSPENDED_START;
            g->u.gen.async = f->kind == FRAME_ASYNC_GENERATOR;
            g->u.gen.queue = js_undefined();
            f->generator = g;
            js_frame *done = f;
            pop_frame(vm, done);
            if (done->base) {
                done->base = false;
                *result = js_obj(g);
                end = RUN_SUSPEND;
                goto out;
            }
            f = vm->top;
            LOAD();
            PUSH(js_obj(g));
            break;
        }
        case OP_YIELD:
        case OP_ASYNC_GEN_YIELD: {
            a = POP();
            f->return_pc = ARG(0); /* where a return(x) resumes (vm_resume) */
            pc += 1;
            SAVE();
            js_frame *done = f;
            pop_frame(vm, done);
            done->base = false;
            vm->suspend_kind = SUSPEND_YIELD;
            *result = a;
            end = RUN_SUSPEND;
            goto out;
        }
        case OP_YIELD_DELEGATE: {
            /* yield* (sync generators): [iter next received] -> calls next(received); done:
             * its value; else the generator yields the inner result object as it is and this
             * instruction runs again when it resumes, with what next(x) sent pushed */
            if (f->kind != FRAME_GENERATOR)
                CHECK(throw_kind(vm, ERR_TYPE, "loopsim does not model yield* in async "
                                               "generators"));
            js_value res;
            CHECK(vm_call(vm, stack[sp - 2], stack[sp - 3], 1, &stack[sp - 1], &res));
            if (res.type != JS_TOBJECT)
                CHECK(throw_kind(vm, ERR_TYPE, "Iterator result %s is not an object",
                                 js_to_string_safe(vm, res)->chars));
            js_value d;
            CHECK(obj_get(vm, res.u.object, &A(vm, done)->gc, res, &d));
            if (to_boolean(d)) {
                CHECK(obj_get(vm, res.u.object, &A(vm, value)->gc, res, &v));
                sp -= 3;
                PUSH(v);
                break;
            }
            sp--;      /* [iter next]: the received value is pushed on resumption */
            pc--;      /* run this instruction again then */
            f->return_pc = 0; /* return(x) is not passed on to the inner iterator */
            SAVE();
            js_frame *done = f;
            pop_frame(vm, done);
            done->base = false;
            vm->yield_raw = true;
            vm->suspend_kind = SUSPEND_YIELD;
            *result = res;
            end = RUN_SUSPEND;
            goto out;
        }

        case OP_CLASS: {
            a = POP();
            js_value ctor, proto;
            uint32_t k = ARG(0), name = ARG(1);
            pc += 2;
            CHECK(class_create(vm, f, a, k, name, &ctor, &proto));
            PUSH(ctor);
            PUSH(proto);
            break;
        }
        case OP_SET_FIELDS:
            b = POP();
            TOP().u.object->u.fn.fields = b;
            if (b.type == JS_TOBJECT)
                b.u.object->u.fn.home = fn_proto_of(vm, TOP(), NULL);
            break;
        case OP_NEW_PRIVATE_NAME: {
            js_symbol *s = symbol_new(vm, str_printf(vm, "#%s", f->proto->names[ARG(0)]));
            s->private_name = true;
            pc += 1;
            PUSH(((js_value){JS_TSYMBOL, {.symbol = s}}));
            break;
        }

        case OP__COUNT:
        default:
            SAVE();
            st = throw_kind(vm, ERR_SYNTAX, "internal error: bad instruction %d", (int)op);
            goto exception;
        }
        if (vm->ops >= POLL_OPS) {
            SAVE();
            if (!vm_poll(vm)) {
                st = JS_STOP;
                goto exception;
            }
        }
        continue;

    exception:
        /* st is JS_THROW (vm->exception set) or JS_STOP */
        if (st == JS_STOP || vm->stopping) {
            for (;;) {
                js_frame *done = f;
                pop_frame(vm, done);
                if (done->base)
                    break;
                f = vm->top;
            }
            end = RUN_STOP;
            goto out;
        }
        for (;;) {
            const js_trycatch *h = find_handler(f);
            if (h) {
                while (f->depth > h->env_depth) {
                    f->env = f->env->parent;
                    f->depth--;
                }
                f->sp = h->sp;
                f->pc = h->handler;
                LOAD();
                PUSH(js_take_exception(vm));
                break;
            }
            js_value ex = js_take_exception(vm);
            js_value r;
            js_frame *done = f;
            js_status fs = frame_result(vm, done, true, ex, &r);
            pop_frame(vm, done);
            if (done->base) {
                if (fs == JS_OK) { /* an async function: its promise is rejected */
                    *result = r;
                    end = RUN_RETURN;
                } else {
                    end = RUN_THROW;
                }
                goto out;
            }
            f = vm->top;
            LOAD();
            if (fs == JS_OK) { /* the caller goes on with the rejected promise */
                PUSH(r);
                break;
            }
            /* the exception propagates into the caller, at its call instruction */
        }
        continue;
    }
out:
    vm->c_depth--;
    return end;
#undef LOAD
#undef SAVE
#undef PUSH
#undef POP
#undef TOP
#undef ARG
#undef CHECK
}

/* ---- calls from C ----------------------------------------------------------------------------- */

static js_status run_status(run_end e)
{
    switch (e) {
    case RUN_RETURN:
    case RUN_SUSPEND:
        return JS_OK;
    case RUN_THROW:
        return JS_THROW;
    case RUN_STOP:
        return JS_STOP;
    }
    return JS_OK;
}

static js_status call_native(js_vm *vm, js_object *fn, js_value this_value, int argc,
                             const js_value *argv, js_value new_target, js_value *out)
{
    js_args a = {vm, this_value, argc, argv, new_target, fn};
    *out = js_undefined();
    if (fn->u.native.api && vm->host.api_call)
        vm->host.api_call(vm->host.ctx);
    vm->native_depth++;
    js_status st = fn->u.native.call(&a, out);
    vm->native_depth--;
    if (st == JS_OK && vm->stopping)
        st = JS_STOP;
    return st;
}

static js_status call_value(js_vm *vm, js_value fn, js_value this_value, int argc,
                            const js_value *argv, js_value *out)
{
    *out = js_undefined();
    if (vm->stopping)
        return JS_STOP;
    if (fn.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "%s is not a function", js_to_string_safe(vm, fn)->chars);
    js_object *o = fn.u.object;
    switch (o->cls) {
    case CLASS_FUNCTION: {
        if (o->u.fn.is_class)
            return throw_kind(vm, ERR_TYPE, "Class constructor %s cannot be invoked without 'new'",
                              o->u.fn.proto->name);
        if (vm->js_depth >= MAX_JS_DEPTH)
            return throw_kind(vm, ERR_RANGE, "Maximum call stack size exceeded");
        js_frame *f = push_frame(vm, o, this_value, argc, argv, js_undefined());
        return run_status(run(vm, f, out));
    }
    case CLASS_NATIVE:
        return call_native(vm, o, this_value, argc, argv, js_undefined(), out);
    case CLASS_BOUND: {
        int n = o->u.bound.argc + argc;
        js_value *args = malloc((size_t)(n ? n : 1) * sizeof *args);
        if (!args)
            ls_out_of_memory(0);
        if (o->u.bound.argc)
            memcpy(args, o->u.bound.args, (size_t)o->u.bound.argc * sizeof *args);
        if (argc)
            memcpy(args + o->u.bound.argc, argv, (size_t)argc * sizeof *args);
        js_status st = call_value(vm, o->u.bound.target, o->u.bound.this_value, n, args, out);
        free(args);
        return st;
    }
    default:
        return throw_kind(vm, ERR_TYPE, "%s is not a function",
                          js_to_string_safe(vm, fn)->chars);
    }
}

static js_status construct_value(js_vm *vm, js_value fn, int argc, const js_value *argv,
                                 js_value new_target, js_value *out)
{
    *out = js_undefined();
    if (!is_constructor(fn))
        return throw_kind(vm, ERR_TYPE, "%s is not a constructor",
                          js_to_string_safe(vm, fn)->chars);
    js_object *o = fn.u.object;
    switch (o->cls) {
    case CLASS_FUNCTION: {
        js_value this_value;
        if (o->u.fn.derived) {
            this_value.type = JS_THOLE;
        } else {
            js_object *proto = fn_proto_of(vm, new_target, vm->in.object_prototype);
            this_value = js_obj(obj_new(vm, CLASS_OBJECT, proto));
        }
        if (vm->js_depth >= MAX_JS_DEPTH)
            return throw_kind(vm, ERR_RANGE, "Maximum call stack size exceeded");
        js_frame *f = push_frame(vm, o, this_value, argc, argv, new_target);
        f->construct = true;
        return run_status(run(vm, f, out));
    }
    case CLASS_NATIVE:
        return call_native(vm, o, js_undefined(), argc, argv, new_target, out);
    case CLASS_BOUND: {
        int n = o->u.bound.argc + argc;
        js_value *args = malloc((size_t)(n ? n : 1) * sizeof *args);
        if (!args)
            ls_out_of_memory(0);
        if (o->u.bound.argc)
            memcpy(args, o->u.bound.args, (size_t)o->u.bound.argc * sizeof *args);
        if (argc)
            memcpy(args + o->u.bound.argc, argv, (size_t)argc * sizeof *args);
        js_value nt = new_target.type == JS_TOBJECT && new_target.u.object == o
                          ? o->u.bound.target : new_target;
        js_status st = construct_value(vm, o->u.bound.target, n, args, nt, out);
        free(args);
        return st;
    }
    default:
        return throw_kind(vm, ERR_TYPE, "not a constructor");
    }
}

js_status vm_call(js_vm *vm, js_value fn, js_value this_value, int argc, const js_value *argv,
                  js_value *out)
{
    return call_value(vm, fn, this_value, argc, argv, out);
}

js_status vm_construct(js_vm *vm, js_value fn, int argc, const js_value *argv,
                       js_value new_target, js_value *out)
{
    return construct_value(vm, fn, argc, argv, js_is_undefined(new_target) ? fn : new_target,
                           out);
}

js_status js_call(js_vm *vm, js_value fn, js_value this_value, int argc, const js_value *argv,
                  js_value *result)
{
    js_value r;
    js_status st = call_value(vm, fn, this_value, argc, argv, &r);
    if (result)
        *result = r;
    return st;
}

js_status js_construct(js_vm *vm, js_value fn, int argc, const js_value *argv, js_value *result)
{
    return construct_value(vm, fn, argc, argv, fn, result);
}

/* Resumes a suspended frame (an async function's await, a generator's yield): mode 0 gives
 * `value` as the result of the await/yield, 1 throws it there, 2 returns it (generators). */
js_status vm_resume(js_vm *vm, js_frame *f, js_value value, int mode, js_value *out)
{
    *out = js_undefined();
    if (vm->stopping)
        return JS_STOP;
    vm->yield_raw = false;
    vm->suspend_kind = SUSPEND_NONE;
    if (mode == RESUME_RETURN && f->return_pc) {
        /* at a yield inside a try with a finally or a for-of: its return path runs them
         * (compile.c's gen_yield) */
        f->pc = f->return_pc;
        f->return_pc = 0;
        mode = RESUME_NEXT;
    } else if (mode == RESUME_RETURN) {
        f->done = true;
        if (f->generator)
            f->generator->u.gen.state = GEN_COMPLETED;
        *out = value;
        return JS_OK;
    }
    f->caller = vm->top;
    vm->top = f;
    vm->js_depth++;
    if (mode == RESUME_THROW) {
        /* throw at the suspension point: as if the await/yield instruction threw */
        vm->exception = value;
        vm->has_exception = true;
        const js_trycatch *h = find_handler(f);
        if (!h) {
            js_value r;
            js_frame *done = f;
            js_status fs = frame_result(vm, done, true, js_take_exception(vm), &r);
            pop_frame(vm, done);
            *out = r;
            return fs;
        }
        while (f->depth > h->env_depth) {
            f->env = f->env->parent;
            f->depth--;
        }
        f->sp = h->sp;
        f->pc = h->handler;
        value = js_take_exception(vm);
    }
    if (mode != RESUME_START)
        f->slots[f->proto->nregs + f->sp++] = value;
    return run_status(run(vm, f, out));
}

/* ---- classes ----------------------------------------------------------------------------------- */

static js_status class_create(js_vm *vm, js_frame *f, js_value super, uint32_t k,
                              uint32_t name, js_value *ctor_out, js_value *proto_out)
{
    js_object *proto_parent = vm->in.object_prototype;
    js_object *ctor_parent = vm->in.function_prototype;
    if (super.type != JS_THOLE) {
        if (super.type == JS_TNULL) {
            proto_parent = NULL;
        } else {
            if (!is_constructor(super))
                return throw_kind(vm, ERR_TYPE, "Class extends value %s is not a constructor or "
                                                "null", js_to_string_safe(vm, super)->chars);
            js_value pp;
            js_status st = obj_get(vm, super.u.object, &A(vm, prototype)->gc, super, &pp);
            if (st != JS_OK)
                return st;
            if (pp.type != JS_TOBJECT && pp.type != JS_TNULL)
                return throw_kind(vm, ERR_TYPE, "Class extends value does not have valid "
                                                "prototype property %s",
                                  js_to_string_safe(vm, pp)->chars);
            proto_parent = pp.type == JS_TOBJECT ? pp.u.object : NULL;
            ctor_parent = super.u.object;
        }
    }
    (void)name;
    js_object *proto = obj_new(vm, CLASS_OBJECT, proto_parent);
    const js_proto *p = f->proto->protos[k];
    js_value ctor = closure_new(vm, p, f->env, js_undefined());
    js_object *F = ctor.u.object;
    F->proto = ctor_parent;
    F->u.fn.home = proto;
    F->u.fn.is_class = true;
    F->u.fn.derived = super.type != JS_THOLE;
    prop_define_value(vm, F, &A(vm, prototype)->gc, js_obj(proto), 0);
    prop_define_value(vm, proto, &A(vm, constructor)->gc, ctor, PROP_HIDDEN);
    *ctor_out = ctor;
    *proto_out = js_obj(proto);
    return JS_OK;
}

static js_status run_fields(js_vm *vm, js_object *callee, js_value this_value)
{
    js_value fields = callee->u.fn.fields, r;
    if (!js_is_callable(fields))
        return JS_OK;
    return vm_call(vm, fields, this_value, 0, NULL, &r);
}

static js_status super_call(js_vm *vm, js_frame *f, int argc, const js_value *argv,
                            js_value *out)
{
    js_object *F = f->callee;
    if (!F || !F->u.fn.derived)
        return throw_kind(vm, ERR_SYNTAX, "'super' keyword unexpected here");
    js_value parent = F->proto ? js_obj(F->proto) : js_null();
    if (!is_constructor(parent))
        return throw_kind(vm, ERR_TYPE, "Super constructor %s of anonymous class is not a "
                                        "constructor", js_to_string_safe(vm, parent)->chars);
    js_value obj;
    js_status st = construct_value(vm, parent, argc, argv, f->new_target, &obj);
    if (st != JS_OK)
        return st;
    if (f->this_value.type != JS_THOLE)
        return throw_kind(vm, ERR_REFERENCE, "Super constructor may only be called once");
    f->this_value = obj;
    if ((st = run_fields(vm, F, obj)) != JS_OK)
        return st;
    *out = obj;
    return JS_OK;
}

static js_status super_get(js_vm *vm, js_frame *f, js_value key, js_value *out)
{
    js_object *home = home_of(f);
    js_key k;
    js_status st = to_key(vm, key, &k);
    if (st != JS_OK)
        return st;
    if (!home || !home->proto) {
        *out = js_undefined();
        return JS_OK;
    }
    return obj_get(vm, home->proto, k, f->this_value, out);
}

static js_status super_set(js_vm *vm, js_frame *f, js_value key, js_value v)
{
    js_object *home = home_of(f);
    js_key k;
    js_status st = to_key(vm, key, &k);
    if (st != JS_OK)
        return st;
    if (!home || !home->proto)
        return JS_OK;
    return obj_set(vm, home->proto, k, v, f->this_value, true);
}

static js_status private_get(js_vm *vm, js_value obj, js_value key, js_value *out)
{
    js_symbol *s = key.u.symbol;
    js_prop *p = obj.type == JS_TOBJECT ? prop_find(vm, obj.u.object, &s->gc) : NULL;
    if (!p)
        return throw_kind(vm, ERR_TYPE, "Cannot read private member %s from an object whose "
                                        "class did not declare it",
                          s->description ? s->description->chars : "#");
    *out = p->value;
    return JS_OK;
}

static js_status private_set(js_vm *vm, js_value obj, js_value key, js_value v, bool define)
{
    js_symbol *s = key.u.symbol;
    if (obj.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Cannot write private member to a non-object");
    js_prop *p = prop_find(vm, obj.u.object, &s->gc);
    if (define) {
        if (p)
            return throw_kind(vm, ERR_TYPE, "Cannot initialize %s twice on the same object",
                              s->description ? s->description->chars : "#");
        prop_define_value(vm, obj.u.object, &s->gc, v, PROP_WRITABLE);
        return JS_OK;
    }
    if (!p)
        return throw_kind(vm, ERR_TYPE, "Cannot write private member %s to an object whose "
                                        "class did not declare it",
                          s->description ? s->description->chars : "#");
    p->value = v;
    return JS_OK;
}

/* ---- object literals and class members -------------------------------------------------------- */

static void set_function_name(js_vm *vm, js_value fn, js_value key, int prefix)
{
    if (fn.type != JS_TOBJECT)
        return;
    js_string *name;
    if (key.type == JS_TSYMBOL) {
        js_symbol *s = key.u.symbol;
        name = s->description ? str_printf(vm, "[%s]", s->description->chars) : A(vm, empty);
    } else {
        name = js_to_string_safe(vm, key);
    }
    if (prefix)
        name = str_printf(vm, "%s %s", prefix == 1 ? "get" : "set", name->chars);
    prop_define_value(vm, fn.u.object, &A(vm, name)->gc, js_strv(name), PROP_CONFIGURABLE);
}

/* how: 0 data (enumerable), 1 getter, 2 setter (enumerable: object literals), 3 method,
 * 4 getter, 5 setter (not enumerable: classes) */
static js_status define_with_home(js_vm *vm, js_value obj, js_value key, js_value fn, int how)
{
    js_key k;
    js_status st = to_key(vm, key, &k);
    if (st != JS_OK)
        return st;
    js_object *o = obj.u.object;
    if (fn.type == JS_TOBJECT && fn.u.object->cls == CLASS_FUNCTION &&
        (fn.u.object->u.fn.proto->flags & PROTO_METHOD))
        fn.u.object->u.fn.home = o;
    uint8_t flags = how >= 3 ? PROP_HIDDEN : PROP_DEFAULT;
    switch (how) {
    case 1:
    case 4:
        prop_define_accessor(vm, o, k, fn.u.object, NULL, flags & ~PROP_WRITABLE);
        break;
    case 2:
    case 5:
        prop_define_accessor(vm, o, k, NULL, fn.u.object, flags & ~PROP_WRITABLE);
        break;
    default: {
        uint32_t i;
        if (o->cls == CLASS_ARRAY && array_index_of_key(k, &i)) {
            if (i >= o->u.array.length)
                array_set_length(vm, o, i + 1);
            o->u.array.items[i] = fn;
        } else {
            prop_define_value(vm, o, k, fn, flags);
        }
        break;
    }
    }
    return JS_OK;
}

static bool key_in_array(js_value arr, js_key k)
{
    if (arr.type != JS_TOBJECT)
        return false;
    js_array *a = &arr.u.object->u.array;
    for (uint32_t i = 0; i < a->length; i++) {
        js_value x = a->items[i];
        if ((x.type == JS_TSTRING && &x.u.string->gc == k) ||
            (x.type == JS_TSYMBOL && &x.u.symbol->gc == k))
            return true;
        if (x.type == JS_TSTRING && k->kind == GC_STRING &&
            str_equal(x.u.string, (js_string *)k))
            return true;
    }
    return false;
}

static js_status copy_data_properties(js_vm *vm, js_object *target, js_value src,
                                      js_value excluded)
{
    if (js_is_nullish(src))
        return JS_OK;
    js_object *o;
    js_status st = to_object(vm, src, &o);
    if (st != JS_OK)
        return st;
    uint32_t n;
    js_value *keys = obj_own_keys(vm, o, true, true, true, &n);
    for (uint32_t i = 0; i < n && st == JS_OK; i++) {
        js_key k = keys[i].type == JS_TSTRING ? &keys[i].u.string->gc : &keys[i].u.symbol->gc;
        if (key_in_array(excluded, k))
            continue;
        js_value v;
        st = obj_get(vm, o, k, js_obj(o), &v);
        if (st == JS_OK)
            prop_define_value(vm, target, k, v, PROP_DEFAULT);
    }
    free(keys);
    return st;
}

/* ---- for-in ------------------------------------------------------------------------------------ */

enum { ITER_FOR_IN = 100 };

static js_status for_in_keys(js_vm *vm, js_value v, js_value *out)
{
    js_object *it = obj_new(vm, CLASS_ITERATOR, NULL);
    it->u.iter.kind = ITER_FOR_IN;
    it->u.iter.target = js_undefined();
    it->u.iter.extra = js_undefined();
    *out = js_obj(it);
    if (js_is_nullish(v))
        return JS_OK;
    js_object *o;
    js_status st = to_object(vm, v, &o);
    if (st != JS_OK)
        return st;
    js_object *list = array_new(vm, 0);
    it->u.iter.target = js_obj(o);
    it->u.iter.extra = js_obj(list);
    /* own keys first, then each prototype's, skipping shadowed ones */
    for (js_object *x = o; x; x = x->proto) {
        uint32_t n;
        js_value *keys = obj_own_keys(vm, x, true, false, false, &n);
        for (uint32_t i = 0; i < n; i++) {
            js_key k = &keys[i].u.string->gc;
            bool seen = false;
            for (uint32_t j = 0; j < list->u.array.length && !seen; j++)
                seen = &list->u.array.items[j].u.string->gc == k;
            if (seen)
                continue;
            /* enumerable? (arrays' elements are) */
            js_prop *p = prop_find(vm, x, k);
            if (p && !(p->flags & PROP_ENUMERABLE)) {
                /* not enumerable, but it shadows: record it as seen with a marker */
                continue;
            }
            array_push(vm, list, keys[i]);
        }
        free(keys);
    }
    return JS_OK;
}

static bool for_in_next(js_vm *vm, js_value keys, js_value *key)
{
    js_object *it = keys.u.object;
    if (it->u.iter.extra.type != JS_TOBJECT)
        return false;
    js_object *list = it->u.iter.extra.u.object;
    while (it->u.iter.next < list->u.array.length) {
        js_value k = list->u.array.items[it->u.iter.next++];
        /* a key deleted meanwhile is skipped */
        bool has = false;
        val_has(vm, it->u.iter.target, k, &has);
        if (has) {
            *key = k;
            return true;
        }
    }
    return false;
}

/* ---- iterators --------------------------------------------------------------------------------- */

static js_status get_iterator(js_vm *vm, js_value v, bool async, js_value *iter, js_value *next)
{
    js_value method = js_undefined();
    js_status st;
    if (async) {
        if ((st = val_get(vm, v, &vm->sym.async_iterator->gc, &method)) != JS_OK)
            return st;
        if (js_is_nullish(method)) {
            /* CreateAsyncFromSyncIterator */
            js_value si, sn;
            if ((st = get_iterator(vm, v, false, &si, &sn)) != JS_OK)
                return st;
            js_object *w = obj_new(vm, CLASS_ITERATOR, vm->in.async_from_sync_prototype);
            w->u.iter.kind = 0;
            w->u.iter.target = si;
            w->u.iter.extra = sn;
            *iter = js_obj(w);
            return obj_get(vm, w, &A(vm, next)->gc, *iter, next);
        }
    } else {
        if (js_is_nullish(v))
            return throw_kind(vm, ERR_TYPE, "%s is not iterable",
                              v.type == JS_TNULL ? "null" : "undefined");
        if ((st = val_get(vm, v, &vm->sym.iterator->gc, &method)) != JS_OK)
            return st;
    }
    if (!js_is_callable(method))
        return throw_kind(vm, ERR_TYPE, "%s is not iterable",
                          v.type == JS_TOBJECT ? "object" : js_to_string_safe(vm, v)->chars);
    if ((st = vm_call(vm, method, v, 0, NULL, iter)) != JS_OK)
        return st;
    if (iter->type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Result of the Symbol.iterator method is not an object");
    return obj_get(vm, iter->u.object, &A(vm, next)->gc, *iter, next);
}

static js_status iter_step_raw(js_vm *vm, js_value iter, js_value next, js_value *value,
                               bool *done)
{
    js_value r;
    js_status st = vm_call(vm, next, iter, 0, NULL, &r);
    if (st != JS_OK)
        return st;
    if (r.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "Iterator result %s is not an object",
                          js_to_string_safe(vm, r)->chars);
    js_value d;
    if ((st = obj_get(vm, r.u.object, &A(vm, done)->gc, r, &d)) != JS_OK)
        return st;
    *done = to_boolean(d);
    if (*done)
        return JS_OK;
    return obj_get(vm, r.u.object, &A(vm, value)->gc, r, value);
}

js_status iter_open(js_vm *vm, js_value iterable, js_iter *it)
{
    it->done = false;
    return get_iterator(vm, iterable, false, &it->iterator, &it->next);
}

js_status iter_step(js_vm *vm, js_iter *it, js_value *value, bool *done)
{
    js_status st = iter_step_raw(vm, it->iterator, it->next, value, done);
    if (st != JS_OK || *done)
        it->done = true;
    return st;
}

js_status iter_close(js_vm *vm, js_iter *it)
{
    if (it->done || it->iterator.type != JS_TOBJECT)
        return JS_OK;
    js_value ret, r;
    js_status st = obj_get(vm, it->iterator.u.object, &A(vm, return)->gc, it->iterator, &ret);
    if (st != JS_OK || !js_is_callable(ret))
        return st;
    return vm_call(vm, ret, it->iterator, 0, NULL, &r);
}

js_object *iterator_result(js_vm *vm, js_value value, bool done)
{
    js_object *o = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    prop_add(vm, o, &A(vm, value)->gc, PROP_DEFAULT)->value = value;
    prop_add(vm, o, &A(vm, done)->gc, PROP_DEFAULT)->value = js_bool(done);
    return o;
}

/* ---- the counting-loop shortcut ---------------------------------------------------------------- */

static js_status fast_count(js_vm *vm, js_frame *f, const uint32_t *args)
{
    js_value *regs = f->slots;
    js_value i = regs[args[0]];
    int cmp = (int)(args[1] & 15);
    js_value lim = (args[1] >> 4) ? f->proto->numbers[args[2]] : regs[args[2]];
    double step = f->proto->numbers[args[3]].u.number;
    if (i.type != JS_TNUMBER || lim.type != JS_TNUMBER)
        return JS_OK;
    double x = i.u.number, l = lim.u.number;
    if (x != floor(x) || fabs(x) > 9e15 || isnan(l) || fabs(l) > 9e15)
        return JS_OK;
    double n; /* iterations the loop would run */
    switch (cmp) {
    case 0: n = step > 0 && x < l ? ceil((l - x) / step) : 0; break;
    case 1: n = step > 0 && x <= l ? floor((l - x) / step) + 1 : 0; break;
    case 2: n = step < 0 && x > l ? ceil((x - l) / -step) : 0; break;
    default: n = step < 0 && x >= l ? floor((x - l) / -step) + 1 : 0; break;
    }
    if (n <= 0)
        return JS_OK;
    regs[args[0]] = js_number(x + n * step);
    /* each iteration of `i < n; i++` is about 8 instructions */
    double ops = n * 8;
    while (ops > 0) {
        uint64_t chunk = ops > 1e15 ? (uint64_t)1e15 : (uint64_t)ops;
        vm->ops += chunk;
        ops -= (double)chunk;
        if (!vm_poll(vm))
            return JS_STOP;
    }
    return JS_OK;
}

/* ---- the VM's life ----------------------------------------------------------------------------- */

js_vm *js_new(const js_host *host, const js_features *features)
{
    js_vm *vm = calloc(1, sizeof *vm);
    if (!vm)
        ls_out_of_memory(0);
    if (host)
        vm->host = *host;
    if (features)
        vm->features = *features;
    vm->next_gc = 4 << 20;
    vm->exception = js_undefined();
    vm->building = true;
    static const char *const names[] = {
#define X(a) #a,
        ATOMS(X)
#undef X
    };
    for (int i = 0; i < ATOM__COUNT; i++)
        vm->common[i] = atom_cstr(vm, names[i]);
    vm->common[ATOM_empty] = atom(vm, "", 0);
    vm->in.object_prototype = obj_new(vm, CLASS_OBJECT, NULL);
    vm->in.function_prototype = obj_new(vm, CLASS_NATIVE, vm->in.object_prototype);
    vm->global = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    builtin_symbol(vm);
    builtin_object(vm);
    builtin_function(vm);
    builtin_error(vm);
    builtin_iterator(vm);
    builtin_array(vm);
    builtin_string(vm);
    builtin_number(vm);
    builtin_boolean(vm);
    builtin_math(vm);
    builtin_json(vm);
    builtin_promise(vm);
    builtin_map(vm);
    builtin_global(vm);
    builtin_date(vm);
    builtin_regexp(vm);
    builtin_reflect(vm);
    builtin_bigint(vm);
    vm->building = false;
    return vm;
}

void gc_free_all(js_vm *vm);

void js_free(js_vm *vm)
{
    if (!vm)
        return;
    snapshot_free(vm);
    gc_free_all(vm);
    js_job *j = vm->job_head;
    while (j) {
        js_job *next = j->next;
        free(j->reaction); /* a PromiseReactionJob owns its reaction (promise.c) */
        free(j);
        j = next;
    }
    for (uint32_t i = 0; i < vm->nprograms; i++)
        free(vm->programs[i].atoms);
    free(vm->programs);
    free(vm->atoms.slots);
    free(vm->atoms.filled);
    free(vm->late_slots);
    free(vm->roots);
    free(vm);
}

js_object *js_global(js_vm *vm)
{
    return vm->global;
}

void js_native_set_api(js_value fn)
{
    if (fn.type == JS_TOBJECT && fn.u.object->cls == CLASS_NATIVE)
        fn.u.object->u.native.api = true;
}

js_value js_program_function(js_vm *vm, const js_program *program)
{
    program_atoms(vm, program);
    return closure_new(vm, program->main, NULL, js_undefined());
}
