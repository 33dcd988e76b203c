/* host.c - the process's side of its JavaScript; see host.h.
 *
 * The globals Node gives a program are native functions here, each a thin layer over the
 * modules that model the mechanism: setTimeout over timers.c, setImmediate over immediates.c,
 * process.nextTick over tasks.c, fs and net over io.c.  What Node writes in JavaScript
 * (EventEmitter, the modules' wrappers) is JavaScript here too, in src/process/node/prelude/, run in
 * each VM when it starts, so that its observable behaviour (which listener runs when, what is
 * queued) is the language's own.
 *
 * Costs: a call of an API (setTimeout, nextTick, then, emit, ...) charges api_call_ms; the
 * first console.log of a process first_log_ms and the others log_ms; entering a callback
 * callback_ms; every bytecode instruction op_ms (costs.def).
 */
#include "host.h"

#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "browser/window.h"
#include "node/crypto.h"
#include "node/zlib.h"
#include "node/dns.h"
#include "node/fs.h"
#include "node/inspect.h"
#include "parse.h"
#include "xalloc.h"
#include "node/prelude.h"

/* Date.now() of the virtual clock's 0: 2026-01-01T00:00:00Z (a fixed date: runs are
 * reproducible) */
#define DATE_EPOCH_MS 1767225600000.0

/* Every native's data is the VM's link (host.h): the engine whose run the VM serves now. */
static ls_engine *engine_of(const js_args *a)
{
    return ((ls_host_link *)js_native_data(a->callee))->e;
}

static ls_engine *engine_at(void *ctx)
{
    return ((ls_host_link *)ctx)->e;
}

/* ---- the VM's hooks ------------------------------------------------------------------------- */

static void hook_charge(void *ctx, uint64_t ops)
{
    if (!((ls_host_link *)ctx)->making)
        engine_spend_ops(engine_at(ctx), ops);
}

static bool hook_interrupt(void *ctx)
{
    return engine_stopped(engine_at(ctx));
}

static uint64_t hook_next_seq(void *ctx)
{
    return engine_next_seq(engine_at(ctx));
}

static bool hook_job_begin(void *ctx, const js_origin *o)
{
    ls_engine *e = engine_at(ctx);
    if (!engine_count_callback(e))
        return false;
    out_begin(e, *o);
    engine_spend(e, e->costs.callback);
    return true;
}

static void hook_job_end(void *ctx)
{
    out_end(engine_at(ctx));
}

static void hook_rejection(void *ctx, js_object *p, js_rejection_event ev)
{
    ls_engine *e = engine_at(ctx);
    if (ev == JS_REJECT_UNHANDLED)
        tasks_rejected_without_handler(e, js_obj(p));
    else
        tasks_handler_added_after_reject(e, js_obj(p));
}

static void hook_uncaught(void *ctx, js_value error)
{
    host_uncaught(engine_at(ctx), error, "uncaughtException");
}

static void hook_mark(void *ctx, js_vm *vm)
{
    ls_engine *e = engine_at(ctx);
    ls_host *h = &e->host;
    js_gc_mark_value(vm, h->process);
    js_gc_mark_value(vm, h->module);
    js_gc_mark_value(vm, h->exports);
    js_gc_mark_value(vm, h->emitter_ctor);
    js_gc_mark_value(vm, h->timeout_proto);
    js_gc_mark_value(vm, h->immediate_proto);
    js_gc_mark_value(vm, h->modules);
    js_gc_mark_value(vm, h->buffer_proto);
    js_gc_mark_value(vm, h->window);
    js_gc_mark_value(vm, h->dom);
    timers_mark(e, vm);
    immediates_mark(e, vm);
    tasks_mark(e, vm);
    io_mark(e, vm);
    fs_mark(e, vm);
    tcp_mark(e, vm);
    html_mark(e, vm);
}

/* The clock as the program reads it (Date.now(), new Date(), performance.now(),
 * process.hrtime()): a read costs clock_read_ms, a point (costs.def), so that a busy-wait loop
 * turns as many times as in Node. */
static int64_t read_clock_ns(ls_engine *e)
{
    if (!e->host.link->making) {
        engine_spend_exact(e, e->costs.clock_read.ms);
        e->host.read_clock = true;
    }
    return clock_now_ns(&e->clock);
}

static double hook_time(void *ctx)
{
    ls_engine *e = engine_at(ctx);
    return DATE_EPOCH_MS + (double)read_clock_ns(e) / 1e6;
}

static double hook_random(void *ctx)
{
    ls_engine *e = engine_at(ctx);
    uint64_t x = e->host.random_state; /* xorshift64*, seeded per run (loopsim run --seed) */
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    e->host.random_state = x;
    e->host.used_random = true;
    return (double)((x * UINT64_C(2685821657736338717)) >> 11) / 9007199254740992.0;
}

static void hook_api(void *ctx)
{
    if (((ls_host_link *)ctx)->making)
        return;
    ls_engine *e = engine_at(ctx);
    engine_spend(e, e->costs.api_call);
}

static void hook_queued(void *ctx, const js_origin *o)
{
    out_queued(engine_at(ctx), o->api, o->label);
}

/* ---- helpers -------------------------------------------------------------------------------- */

void host_refuse(ls_engine *e, const char *fmt, ...)
{
    if (engine_stopped(e))
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    e->stop = STOP_BAD_INPUT;
    /* where: the program's position being run (the call), as the loader's refusals say it */
    uint32_t line, col;
    if (e->host.vm && js_position_in(e->host.vm, e->program->file, &line, &col))
        e->stop_message = arena_printf(e->arena, "%s:%u:%u: error: %s", e->program->file,
                                       (unsigned)line, (unsigned)col, msg);
    else
        e->stop_message = arena_printf(e->arena, "%s: error: %s", e->program->file, msg);
}

const char *host_label(ls_engine *e, js_value fn)
{
    return js_function_label(e->host.vm, fn);
}

/* An error of class `cls` (TypeError, RangeError) with Node's `code` (ERR_INVALID_ARG_TYPE,
 * ...), as lib/internal/errors.js makes it: its stack says "TypeError [CODE]: message"; its name
 * is "TypeError [CODE]" too before Node 12, "TypeError" from 12 (profile.def error_name_plain). */
static js_value coded_error(ls_engine *e, const char *cls, const char *code, const char *msg)
{
    js_vm *vm = e->host.vm;
    js_value err = js_new_error(vm, cls, msg), stack;
    js_define_value(vm, err.u.object, "code", js_new_cstring(vm, code),
                    e->profile->process.error_code_own);
    size_t n = strlen(cls);
    if (js_get(vm, err, "stack", &stack) == JS_OK && stack.type == JS_TSTRING) {
        const char *s = js_string_chars(stack.u.string, NULL);
        if (strncmp(s, cls, n) == 0 && s[n] == ':')
            js_define_value(vm, err.u.object, "stack",
                            js_new_cstring(vm, arena_printf(e->arena, "%s [%s]%s", cls, code,
                                                            s + n)), false);
    }
    if (!e->profile->process.error_name_plain)
        js_define_value(vm, err.u.object, "name",
                        js_new_cstring(vm, arena_printf(e->arena, "%s [%s]", cls, code)), false);
    return err;
}

static js_status node_error(ls_engine *e, const char *cls, const char *code, const char *fmt,
                            va_list ap)
{
    char msg[512];
    vsnprintf(msg, sizeof msg, fmt, ap);
    return js_throw(e->host.vm, coded_error(e, cls, code, msg));
}

js_status host_type_error(ls_engine *e, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    js_status st = node_error(e, "TypeError", code, fmt, ap);
    va_end(ap);
    return st;
}

/* util.inspect(v) into the arena, for messages: a throw while inspecting gives "?" */
static const char *inspect_text(ls_engine *e, js_value v)
{
    char *s = NULL;
    js_status st = ls_inspect(e->host.vm, &e->host.inspect, v, &s, NULL);
    if (st == JS_THROW)
        js_take_exception(e->host.vm);
    const char *r = arena_strdup(e->arena, st == JS_OK && s ? s : "?");
    free(s);
    return r;
}

/* Node's description of a received value in ERR_INVALID_ARG_TYPE */
static const char *received(ls_engine *e, js_value v)
{
    js_vm *vm = e->host.vm;
    switch (v.type) {
    case JS_TUNDEFINED: return "undefined";
    case JS_TNULL: return "null";
    case JS_TOBJECT:
        if (js_is_callable(v))
            return arena_printf(e->arena, "function %s", host_label(e, v));
        {
            js_value ctor, name;
            if (js_get(vm, v, "constructor", &ctor) == JS_OK && ctor.type == JS_TOBJECT &&
                js_get(vm, ctor, "name", &name) == JS_OK && name.type == JS_TSTRING)
                return arena_printf(e->arena, "an instance of %s",
                                    js_string_chars(name.u.string, NULL));
            js_take_exception(vm);
            return "an instance of Object";
        }
    default:
        return arena_printf(e->arena, "type %s (%s)", js_typeof(v), inspect_text(e, v));
    }
}

js_status host_invalid_arg_type(ls_engine *e, const char *name, const char *expected, js_value v)
{
    return host_type_error(e, "ERR_INVALID_ARG_TYPE", "The \"%s\" argument must be %s. Received %s",
                           name, expected, received(e, v));
}

js_status host_require_callback(ls_engine *e, js_value cb)
{
    if (js_is_callable(cb))
        return JS_OK;
    return host_type_error(e, "ERR_INVALID_ARG_TYPE",
                           "The \"callback\" argument must be of type function. Received %s",
                           received(e, cb));
}

/* Node's check of a callback argument: ERR_INVALID_CALLBACK ("Callback must be a function",
 * with ". Received X" from 12) until validateFunction(cb, NAME) took its place in fs and crypto
 * (18: ERR_INVALID_ARG_TYPE; lib/internal/validators.js validateFunction) */
js_status host_callback_arg(ls_engine *e, js_value cb, const char *name)
{
    if (js_is_callable(cb))
        return JS_OK;
    if (e->profile->process.fs_validate_function)
        return host_type_error(e, "ERR_INVALID_ARG_TYPE", "The \"%s\" argument must be of type "
                               "function. Received %s", name, received(e, cb));
    if (e->profile->process.invalid_callback_received)
        return host_type_error(e, "ERR_INVALID_CALLBACK", "Callback must be a function. "
                               "Received %s", inspect_text(e, cb));
    return host_type_error(e, "ERR_INVALID_CALLBACK", "Callback must be a function");
}

const char *host_received(ls_engine *e, js_value v)
{
    return received(e, v);
}

const char *host_inspect(ls_engine *e, js_value v)
{
    return inspect_text(e, v);
}

static js_value *copy_args(ls_engine *e, const js_args *a, int from, size_t *n)
{
    *n = a->argc > from ? (size_t)(a->argc - from) : 0;
    if (!*n)
        return NULL;
    js_value *v = arena_alloc(e->arena, *n * sizeof *v);
    memcpy(v, a->argv + from, *n * sizeof *v);
    return v;
}

/* A function of a module's exports or of process: an enumerable property, as Node's own
 * JavaScript assigns them (`module.exports = { readFile, ... }`, `process.nextTick = ...`), so
 * that an ES module's named imports (their keys) find them. */
void host_export(ls_engine *e, js_object *on, const char *name, int length, js_native_fn fn)
{
    js_value f = js_new_native(e->host.vm, name, length, fn, e->host.link, 0);
    js_define_value(e->host.vm, on, name, f, true);
}

static void define(ls_engine *e, js_object *on, const char *name, int length, js_native_fn fn)
{
    js_define_method(e->host.vm, on, name, length, fn, e->host.link);
}

/* A function loopsim does not model: calling it (or reading it, as a getter) stops the run
 * naming it; slot 0 holds the name's prefix ("fs.", "socket."). */
static js_status refused_call(const js_args *a, js_value *out)
{
    (void)out;
    const char *name = js_function_label(a->vm, js_obj(a->callee));
    host_refuse(engine_of(a), "loopsim does not model %s%s (docs/modules.md lists what it "
                "models)", js_string_chars(js_native_slot(a->callee, 0)->u.string, NULL), name);
    return JS_STOP;
}

void host_refuse_names(ls_engine *e, js_object *on, const char *prefix,
                       const char *const *names, size_t n, bool hidden)
{
    js_vm *vm = e->host.vm;
    js_value p = js_new_cstring(vm, prefix);
    for (size_t i = 0; i < n; i++) {
        js_value f = js_new_native(vm, names[i], 0, refused_call, e->host.link, 1);
        *js_native_slot(f.u.object, 0) = p;
        js_define_value(vm, on, names[i], f, !hidden);
    }
}

/* ---- for the process's other modules (io.c) -------------------------------------------------- */

void host_emitter_init(ls_engine *e, js_value object)
{
    js_vm *vm = e->host.vm;
    js_value init, r;
    if (js_get(vm, e->host.emitter_ctor, "init", &init) == JS_OK &&
        js_call(vm, init, object, 0, NULL, &r) == JS_THROW)
        js_take_exception(vm);
}

js_value host_new_emitter_proto(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value proto, object_ctor, create, p = js_undefined();
    js_get(vm, e->host.emitter_ctor, "prototype", &proto);
    js_get(vm, js_obj(js_global(vm)), "Object", &object_ctor);
    js_get(vm, object_ctor, "create", &create);
    if (js_call(vm, create, object_ctor, 1, &proto, &p) != JS_OK)
        js_take_exception(vm);
    return p;
}

void host_add_listener(ls_engine *e, js_value emitter, const char *event, js_value fn, bool once)
{
    js_vm *vm = e->host.vm;
    js_value add, r;
    js_value args[2] = {js_new_cstring(vm, event), fn};
    if (js_get(vm, emitter, once ? "once" : "on", &add) == JS_OK &&
        js_call(vm, add, emitter, 2, args, &r) == JS_THROW)
        host_uncaught(e, js_take_exception(vm), "uncaughtException");
}

typedef struct {
    ls_engine *e;
    void (*fn)(ls_engine *e, js_value arg);
} native_tick;

static js_status native_tick_call(const js_args *a, js_value *out)
{
    native_tick *t = js_native_data(a->callee);
    t->fn(t->e, *js_native_slot(a->callee, 0));
    *out = js_undefined();
    return engine_stopped(t->e) ? JS_STOP : JS_OK;
}

void host_next_tick_native(ls_engine *e, const char *name, void (*fn)(ls_engine *e, js_value arg),
                           js_value arg)
{
    native_tick *t = arena_alloc(e->arena, sizeof *t);
    t->e = e;
    t->fn = fn;
    js_value f = js_new_native(e->host.vm, name, 0, native_tick_call, t, 1);
    *js_native_slot(f.u.object, 0) = arg;
    ls_origin o = {"process.nextTick", name, engine_next_seq(e)};
    tasks_next_tick(e, f, NULL, 0, o);
}

ls_fs_site host_fs_site(ls_engine *e)
{
    ls_fs_site none = {0, 0, -1};
    const ls_program *p = e->program;
    uint32_t line, col;
    if (!p->nfs_sites || !js_position_in(e->host.vm, e->program->file, &line, &col))
        return none;
    for (size_t i = 0; i < p->nfs_sites; i++)
        if (p->fs_sites[i].line == line)
            return p->fs_sites[i];
    return none;
}

/* Buffer: what fs.readFile gives without an encoding, Buffer.alloc, Buffer.from.  Only what a
 * program may do with the contents of a file it read or the buffer it reads into is modelled:
 * length, toString(), slice()/subarray() (views of the same bytes), fs.read's writes. */
typedef struct {
    char *bytes;
    size_t len;
    const char *unknown; /* bytes loopsim does not compute: what they are ("crypto.pbkdf2's
                          * key"); reading them stops the run */
    bool held;           /* unknown to the program, but `bytes` holds what loopsim computed:
                          * another of Node's functions may take them (host_new_held_buffer) */
} buffer_data;

static void fingerprint_buffer(js_vm *vm, ls_fp *fp, void *data)
{
    (void)vm;
    const buffer_data *b = data;
    if (b->unknown) { /* no bytes: its length and what it is */
        fp_u64(fp, b->len);
        fp_bytes(fp, b->unknown, strlen(b->unknown));
        if (!b->held)
            return;
    }
    fp_bytes(fp, b->bytes, b->len);
}

static const js_host_class buffer_class = {"Buffer", NULL, fingerprint_buffer, NULL};

static bool bytes_unknown(ls_engine *e, const buffer_data *b)
{
    if (!b->unknown)
        return false;
    host_refuse(e, "loopsim does not model the bytes of %s (only its length)", b->unknown);
    return true;
}

/* an encoding argument: utf8 (the default) or hex; NULL (and the run stopped) for another */
static const char *encoding_arg(ls_engine *e, const char *api, js_value v)
{
    if (js_is_undefined(v))
        return "utf8";
    if (v.type == JS_TSTRING) {
        const char *s = js_string_chars(v.u.string, NULL);
        if (strcmp(s, "utf8") == 0 || strcmp(s, "utf-8") == 0)
            return "utf8";
        if (strcmp(s, "hex") == 0 || strcmp(s, "base64") == 0)
            return strcmp(s, "hex") == 0 ? "hex" : "base64";
    }
    host_refuse(e, "%s: loopsim models the encodings 'utf8', 'hex' and 'base64' (got %s)", api,
                inspect_text(e, v));
    return NULL;
}

/* An index argument of toString, slice, subarray: a number (truncated, NaN 0) or undefined
 * (*given false); another value is refused (Node coerces it, loopsim does not model that). */
static bool index_arg(ls_engine *e, const char *api, js_value v, double *out, bool *given)
{
    *given = !js_is_undefined(v);
    *out = 0;
    if (!*given)
        return true;
    if (v.type != JS_TNUMBER) {
        host_refuse(e, "%s: loopsim models indexes that are numbers (got %s)", api,
                    inspect_text(e, v));
        return false;
    }
    *out = isnan(v.u.number) ? 0 : trunc(v.u.number);
    return true;
}

/* buf.toString([encoding[, start[, end]]]): bytes start to end as UTF-8 text, or in hex
 * (lib/buffer.js toString @v10.7.0 and @v22.23.3 agree for numbers: a start at or below 0 is
 * 0, one at or past the length gives ''; an end left out or past the length is the length;
 * an end at or before the start gives '') */
static js_status buffer_to_string(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    buffer_data *b = js_host_data(a->this_value, &buffer_class);
    if (b && bytes_unknown(e, b))
        return JS_STOP;
    const char *enc = encoding_arg(e, "buf.toString", js_arg(a, 0));
    double start, end;
    bool has_start, has_end;
    if (!enc || !index_arg(e, "buf.toString", js_arg(a, 1), &start, &has_start) ||
        !index_arg(e, "buf.toString", js_arg(a, 2), &end, &has_end))
        return JS_STOP;
    size_t len = b ? b->len : 0;
    if (start < 0)
        start = 0;
    if (!has_end || end > (double)len)
        end = (double)len;
    if (start >= (double)len || end <= start) {
        *out = js_new_cstring(a->vm, "");
        return JS_OK;
    }
    const char *bytes = b->bytes + (size_t)start;
    size_t n = (size_t)end - (size_t)start;
    if (strcmp(enc, "hex") == 0) {
        char *hex = arena_alloc(e->arena, 2 * n + 1);
        for (size_t i = 0; i < n; i++)
            snprintf(hex + 2 * i, 3, "%02x", (unsigned char)bytes[i]);
        *out = js_new_string(a->vm, hex, 2 * n);
    } else if (strcmp(enc, "base64") == 0) { /* RFC 4648 with padding, as Node writes it */
        static const char digits[] =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        char *t = arena_alloc(e->arena, 4 * ((n + 2) / 3) + 1);
        size_t k = 0;
        for (size_t i = 0; i < n; i += 3) {
            unsigned v = (unsigned char)bytes[i] << 16;
            if (i + 1 < n)
                v |= (unsigned char)bytes[i + 1] << 8;
            if (i + 2 < n)
                v |= (unsigned char)bytes[i + 2];
            t[k++] = digits[(v >> 18) & 63];
            t[k++] = digits[(v >> 12) & 63];
            t[k++] = i + 1 < n ? digits[(v >> 6) & 63] : '=';
            t[k++] = i + 2 < n ? digits[v & 63] : '=';
        }
        *out = js_new_string(a->vm, t, k);
    } else {
        *out = js_new_string(a->vm, bytes, n);
    }
    return JS_OK;
}

/* adjustOffset (lib/buffer.js @v10.7.0, @v22.23.3): a negative index counts from the end */
static size_t adjust_offset(double at, size_t len)
{
    if (at < 0)
        return at + (double)len > 0 ? (size_t)(at + (double)len) : 0;
    return at < (double)len ? (size_t)at : len;
}

/* buf.slice([start[, end]]), buf.subarray([start[, end]]): a Buffer over the same memory
 * (new FastBuffer(this.buffer, this.byteOffset + start, newLength): what is later written
 * into one, fs.read's bytes, shows in the other) */
static js_status buffer_subarray(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    buffer_data *b = js_host_data(a->this_value, &buffer_class);
    double start, end;
    bool has_start, has_end;
    if (!index_arg(e, "buf.slice", js_arg(a, 0), &start, &has_start) ||
        !index_arg(e, "buf.slice", js_arg(a, 1), &end, &has_end))
        return JS_STOP;
    size_t len = b ? b->len : 0, s = adjust_offset(start, len);
    size_t en = has_end ? adjust_offset(end, len) : len;
    size_t n = en > s ? en - s : 0;
    if (b && b->unknown) {
        *out = host_new_unknown_buffer(e, n, b->unknown);
        return JS_OK;
    }
    *out = host_new_buffer(e, "", 0);
    buffer_data *view = js_host_data(*out, &buffer_class);
    view->bytes = b ? b->bytes + s : view->bytes;
    view->len = n;
    js_define_value(a->vm, out->u.object, "length", js_number((double)n), false);
    return JS_OK;
}

/* Buffer's prototype, made with the VM's globals (g_buffer_install): toString, and the
 * methods a quiz might call refused by name rather than missing */
static js_value buffer_proto(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    if (e->host.buffer_proto.type != JS_TOBJECT) {
        js_value proto = js_new_object(vm);
        define(e, proto.u.object, "toString", 3, buffer_to_string);
        define(e, proto.u.object, "slice", 2, buffer_subarray);
        define(e, proto.u.object, "subarray", 2, buffer_subarray);
        static const char *const refused[] = {
            "equals", "compare", "copy", "write", "fill", "indexOf",
            "includes", "toJSON", "readUInt8", "readInt8", "readUInt16LE", "readUInt32LE",
            "readUInt32BE", "writeUInt8", "keys", "values", "entries", "at", "toLocaleString",
        };
        host_refuse_names(e, proto.u.object, "buf.", refused,
                          sizeof refused / sizeof refused[0], true);
        e->host.buffer_proto = proto;
    }
    return e->host.buffer_proto;
}

/* a Buffer object over a copy of bytes[0..len), without its length property */
static js_value new_buffer_object(ls_engine *e, const char *bytes, size_t len, buffer_data **out)
{
    buffer_proto(e);
    buffer_data *b = arena_alloc(e->arena, sizeof *b);
    b->bytes = arena_alloc(e->arena, len + 1);
    memcpy(b->bytes, bytes, len);
    b->len = len;
    *out = b;
    return js_new_host_object(e->host.vm, &buffer_class, b, e->host.buffer_proto);
}

js_value host_new_buffer(ls_engine *e, const char *bytes, size_t len)
{
    buffer_data *b;
    js_value o = new_buffer_object(e, bytes, len, &b);
    js_define_value(e->host.vm, o.u.object, "length", js_number((double)len), false);
    return o;
}

js_value host_new_unknown_buffer(ls_engine *e, size_t len, const char *what)
{
    js_value o = host_new_buffer(e, "", 0);
    buffer_data *b = js_host_data(o, &buffer_class);
    b->len = len;
    b->unknown = what;
    js_define_value(e->host.vm, o.u.object, "length", js_number((double)len), false);
    return o;
}

/* a held Buffer's length: not modelled either (zlib's output: its length is the encoder's) */
static js_status held_length(const js_args *a, js_value *out)
{
    (void)out;
    buffer_data *b = js_host_data(a->this_value, &buffer_class);
    host_refuse(engine_of(a), "loopsim does not model the length of %s",
                b && b->unknown ? b->unknown : "this Buffer");
    return JS_STOP;
}

js_value host_new_held_buffer(ls_engine *e, const char *bytes, size_t len, const char *what)
{
    buffer_data *b;
    js_value o = new_buffer_object(e, bytes, len, &b);
    b->unknown = what;
    b->held = true;
    js_define_getter(e->host.vm, o.u.object, "length", held_length, e->host.link, false);
    return o;
}

/* ---- the Buffer global: Buffer.from(string | buffer), Buffer.alloc(size[, fill]),
 * Buffer.isBuffer, Buffer.byteLength (lib/buffer.js); the rest refused by name */

static js_status buffer_call(const js_args *a, js_value *out)
{
    (void)out;
    host_refuse(engine_of(a), "loopsim does not model calling Buffer() (deprecated, DEP0005); "
                "Buffer.from and Buffer.alloc are modelled");
    return JS_STOP;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static js_status buffer_from(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value v = js_arg(a, 0);
    if (v.type == JS_TSTRING) {
        const char *enc = encoding_arg(e, "Buffer.from", js_arg(a, 1));
        if (!enc)
            return JS_STOP;
        size_t len;
        const char *s = js_string_chars(v.u.string, &len);
        if (strcmp(enc, "hex") == 0) { /* pairs of hex digits, up to the first that is not one
                                        * (lib/buffer.js fromString -> hexWrite) */
            char *bytes = arena_alloc(e->arena, len / 2 + 1);
            size_t n = 0;
            for (; 2 * n + 1 < len; n++) {
                int hi = hex_digit(s[2 * n]), lo = hex_digit(s[2 * n + 1]);
                if (hi < 0 || lo < 0)
                    break;
                bytes[n] = (char)(hi * 16 + lo);
            }
            *out = host_new_buffer(e, bytes, n);
            return JS_OK;
        }
        if (strcmp(enc, "utf8") != 0) {
            host_refuse(e, "Buffer.from: loopsim models a string in 'utf8' or 'hex'");
            return JS_STOP;
        }
        *out = host_new_buffer(e, s, len);
        return JS_OK;
    }
    buffer_data *b = js_host_data(v, &buffer_class);
    if (b) {
        *out = b->unknown ? host_new_unknown_buffer(e, b->len, b->unknown)
                          : host_new_buffer(e, b->bytes, b->len);
        return JS_OK;
    }
    host_refuse(e, "Buffer.from: loopsim models a string or a Buffer (got %s)", inspect_text(e, v));
    return JS_STOP;
}

static js_status buffer_alloc(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value size = js_arg(a, 0), fill = js_arg(a, 1);
    if (size.type != JS_TNUMBER || size.u.number != floor(size.u.number) || size.u.number < 0 ||
        size.u.number > 1048576) {
        host_refuse(e, "Buffer.alloc: loopsim models a size that is an integer from 0 to 1048576");
        return JS_STOP;
    }
    size_t n = (size_t)size.u.number, flen = 0;
    const char *f = NULL;
    if (fill.type == JS_TSTRING && a->argc < 3)
        f = js_string_chars(fill.u.string, &flen);
    else if (!js_is_undefined(fill) && !(fill.type == JS_TNUMBER && fill.u.number == 0)) {
        host_refuse(e, "Buffer.alloc: loopsim models no fill, 0 or a string");
        return JS_STOP;
    }
    char *bytes = arena_alloc(e->arena, n + 1);
    for (size_t i = 0; i < n; i++)
        bytes[i] = flen ? f[i % flen] : 0;
    *out = host_new_buffer(e, bytes, n);
    return JS_OK;
}

static js_status buffer_is_buffer(const js_args *a, js_value *out)
{
    *out = js_bool(host_is_buffer(js_arg(a, 0)));
    return JS_OK;
}

static js_status buffer_byte_length(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value v = js_arg(a, 0);
    buffer_data *b = js_host_data(v, &buffer_class);
    size_t len = 0;
    if (b)
        len = b->len;
    else if (v.type == JS_TSTRING && js_is_undefined(js_arg(a, 1)))
        js_string_chars(v.u.string, &len);
    else {
        host_refuse(e, "Buffer.byteLength: loopsim models a string in 'utf8' or a Buffer");
        return JS_STOP;
    }
    *out = js_number((double)len);
    return JS_OK;
}

static void g_buffer_install(ls_engine *e, js_object *g)
{
    js_vm *vm = e->host.vm;
    js_value ctor = js_new_native(vm, "Buffer", 3, buffer_call, e->host.link, 0);
    host_export(e, ctor.u.object, "from", 3, buffer_from);
    host_export(e, ctor.u.object, "alloc", 3, buffer_alloc);
    host_export(e, ctor.u.object, "isBuffer", 1, buffer_is_buffer);
    host_export(e, ctor.u.object, "byteLength", 2, buffer_byte_length);
    static const char *const refused[] = {"allocUnsafe", "allocUnsafeSlow", "concat", "compare",
                                          "isEncoding", "copyBytesFrom", "of"};
    host_refuse_names(e, ctor.u.object, "Buffer.", refused, sizeof refused / sizeof refused[0],
                      false);
    js_value proto = buffer_proto(e);
    js_define_value(vm, ctor.u.object, "prototype", proto, false);
    js_define_value(vm, proto.u.object, "constructor", ctor, false);
    js_define_value(vm, g, "Buffer", ctor, false);
}

const char *host_env(ls_engine *e, const char *name)
{
    js_vm *vm = e->host.vm;
    js_value env, v;
    if (js_get(vm, e->host.process, "env", &env) != JS_OK || env.type != JS_TOBJECT) {
        js_take_exception(vm);
        return NULL;
    }
    if (js_get(vm, env, name, &v) != JS_OK) {
        js_take_exception(vm);
        return NULL;
    }
    if (js_is_undefined(v))
        return NULL;
    js_string *s;
    if (js_to_string(vm, v, &s) != JS_OK) {
        js_take_exception(vm);
        return NULL;
    }
    return arena_strdup(e->arena, js_string_chars(s, NULL));
}

bool host_is_buffer(js_value v)
{
    return js_host_data(v, &buffer_class) != NULL;
}

bool host_buffer_target(ls_engine *e, js_value v, char **bytes, size_t *len)
{
    buffer_data *b = js_host_data(v, &buffer_class);
    if (!b || bytes_unknown(e, b))
        return false;
    *bytes = b->bytes;
    *len = b->len;
    return true;
}

bool host_buffer_bytes(ls_engine *e, js_value v, const char **bytes, size_t *len)
{
    (void)e;
    buffer_data *b = js_host_data(v, &buffer_class);
    if (!b || bytes_unknown(e, b))
        return false;
    *bytes = b->bytes;
    *len = b->len;
    return true;
}

bool host_buffer_held_bytes(ls_engine *e, js_value v, const char **bytes, size_t *len)
{
    buffer_data *b = js_host_data(v, &buffer_class);
    if (b && b->unknown && b->held) {
        *bytes = b->bytes;
        *len = b->len;
        return true;
    }
    return host_buffer_bytes(e, v, bytes, len);
}

/* ---- console -------------------------------------------------------------------------------- */

/* the stream's afterWriteTick: its cost (costs.def after_log_ms) */
static void after_write_tick(ls_engine *e, js_value arg)
{
    (void)arg;
    engine_spend(e, e->costs.after_log);
}

/* The first write of the process sets up its stream (first_log_ms), and, as every write to a
 * stdio stream completes synchronously (a file, a pipe or a terminal on Linux), the stream's
 * onwrite queues afterWriteTick with process.nextTick (lib/internal/streams/writable.js
 * onwrite: `process.nextTick(afterWriteTick, ...)`).  That first tick is slow: measured on
 * Node 20 as the time from a main script's last statement to its first check phase, 0.33 ms
 * (p50) without a console.log before it and 0.76 ms with one.  The ticks of later writes
 * are cheap and not modelled.  The tick prints nothing, so it orders nothing: it only moves
 * time, before whatever is queued after it (a timer set in a later microtask starts later). */
static void spend_print(ls_engine *e)
{
    if (e->printed_once || e->profile->is_browser) { /* a page's console has no stream */
        engine_spend(e, e->costs.log);
        return;
    }
    engine_spend(e, e->costs.first_log);
    e->printed_once = true;
    host_next_tick_native(e, "afterWriteTick", after_write_tick, js_undefined());
}

static void print(ls_engine *e, bool to_stderr, const char *text, size_t len)
{
    spend_print(e);
    if (!to_stderr)
        fs_stdout_opened(e);
    /* one record per line: a line is what an answer lists */
    const char *p = text, *end = text + len;
    for (;;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        char *line = arena_alloc(e->arena, n + 1);
        memcpy(line, p, n);
        out_line_n(e, line, n, to_stderr);
        if (!nl)
            break;
        p = nl + 1;
    }
}

static js_status console_print(const js_args *a, bool to_stderr)
{
    ls_engine *e = engine_of(a);
    char *s = NULL;
    size_t len = 0;
    js_status st = ls_format(a->vm, &e->host.inspect, a->argc, a->argv, &s, &len);
    if (st == JS_OK)
        print(e, to_stderr, s, len);
    free(s);
    return st;
}

js_status host_console_print(const js_args *a, bool to_stderr)
{
    return console_print(a, to_stderr);
}

static js_status console_log(const js_args *a, js_value *out)
{
    *out = js_undefined();
    return console_print(a, false);
}

static js_status console_error(const js_args *a, js_value *out)
{
    *out = js_undefined();
    return console_print(a, true);
}

/* What a write to stdout or stderr puts out: a line at each newline, the rest kept until the
 * next write completes it.  Through the stream (process.stdout.write), each line costs a
 * console.log's time; a write(2) of fs.writeSync costs its call's. */
void host_write_output(ls_engine *e, bool to_stderr, const char *text, size_t len, bool stream)
{
    ls_host *h = &e->host;
    if (!to_stderr)
        fs_stdout_opened(e);
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (text + i)) : len - i;
        /* what is pending, then this chunk up to the newline */
        size_t have = (size_t)h->pending_write_len;
        char *grown = arena_alloc(e->arena, have + n + 1);
        if (have)
            memcpy(grown, h->pending_write, have);
        memcpy(grown + have, text + i, n);
        i += n;
        if (!nl) {
            h->pending_write = grown;
            h->pending_write_len = have + n;
            break;
        }
        i++; /* the newline */
        h->pending_write_len = 0;
        if (stream)
            spend_print(e);
        out_line_n(e, grown, have + n, to_stderr);
    }
}

/* process.stdout.write(chunk) */
static js_status stream_write(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_string *s;
    js_status st = js_to_string(a->vm, js_arg(a, 0), &s);
    if (st != JS_OK)
        return st;
    size_t len;
    const char *text = js_string_chars(s, &len);
    bool err = js_native_slot(a->callee, 0)->type == JS_TBOOLEAN;
    host_write_output(e, err, text, len, true);
    *out = js_bool(true);
    return JS_OK;
}

/* ---- timers ---------------------------------------------------------------------------------- */

static js_value timer_object(ls_engine *e, ls_timer *t);
static ls_timer *as_timer(js_value v);
static js_value immediate_object(ls_engine *e, ls_immediate *im);
static ls_immediate *as_immediate(js_value v);

/* Timeout constructor: after *= 1; if (!(after >= 1 && after <= TIMEOUT_MAX)) after = 1 */
static js_status coerce_delay(ls_engine *e, const js_args *a, double *after)
{
    *after = NAN;
    if (a->argc > 1) {
        js_status st = js_to_number(e->host.vm, a->argv[1], after);
        if (st != JS_OK)
            return st;
    }
    if (!(*after >= 1 && *after <= 2147483647.0))
        *after = 1;
    return JS_OK;
}

static js_status set_timer(const js_args *a, js_value *out, bool repeat)
{
    ls_engine *e = engine_of(a);
    js_value cb = js_arg(a, 0);
    js_status st = host_require_callback(e, cb);
    if (st != JS_OK)
        return st;
    double delay;
    if ((st = coerce_delay(e, a, &delay)) != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    size_t nargs;
    js_value *args = copy_args(e, a, 2, &nargs);
    ls_origin o = {repeat ? "setInterval" : "setTimeout", host_label(e, cb), engine_next_seq(e)};
    ls_timer *t = timers_create(e, cb, args, nargs, delay, repeat, o);
    if (e->out.recording && e->out.queued) {
        char d[40];
        out_format_number(delay, d, sizeof d);
        out_queued(e, o.api, arena_printf(e->arena, "%s, %s ms, start %llu", o.label, d,
                                          (unsigned long long)t->idle_start));
    }
    *out = timer_object(e, t);
    return JS_OK;
}

static js_status g_set_timeout(const js_args *a, js_value *out)
{
    return set_timer(a, out, false);
}

static js_status g_set_interval(const js_args *a, js_value *out)
{
    return set_timer(a, out, true);
}

static js_status g_set_immediate(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value cb = js_arg(a, 0);
    js_status st = host_require_callback(e, cb);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    size_t nargs;
    js_value *args = copy_args(e, a, 1, &nargs);
    ls_origin o = {"setImmediate", host_label(e, cb), engine_next_seq(e)};
    ls_immediate *im = immediates_create(e, cb, args, nargs, o);
    out_queued(e, o.api, o.label);
    *out = immediate_object(e, im);
    return JS_OK;
}

static js_status g_clear_timeout(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    engine_spend(e, e->costs.api_call);
    ls_timer *t = as_timer(js_arg(a, 0));
    if (t)
        timers_clear(e, t);
    *out = js_undefined();
    return JS_OK;
}

static js_status g_clear_immediate(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    engine_spend(e, e->costs.api_call);
    ls_immediate *im = as_immediate(js_arg(a, 0));
    if (im)
        immediates_clear(e, im);
    *out = js_undefined();
    return JS_OK;
}

/* Timeout and Immediate objects: host objects whose data is the timer; a state's fingerprint
 * meets the timer here or in the timer lists, the same walk (timers.c, immediates.c) */
static void fingerprint_timeout(js_vm *vm, ls_fp *fp, void *data)
{
    (void)vm;
    timers_fingerprint_timer(fp, data);
}

static void fingerprint_immediate(js_vm *vm, ls_fp *fp, void *data)
{
    (void)vm;
    immediates_fingerprint_immediate(fp, data);
}

/* a Timeout the program holds keeps its callback and arguments (refresh() may run them again) */
static void mark_timeout(js_vm *vm, void *data)
{
    timers_mark_one(vm, data);
}

static void finalize_timeout(void *ctx, void *data)
{
    timers_recycle(engine_at(ctx), data);
}

static const js_host_class timeout_class = {"Timeout", mark_timeout, fingerprint_timeout,
                                            finalize_timeout};
/* an Immediate the program holds keeps its callback and arguments (util.inspect shows them) */
static void mark_immediate(js_vm *vm, void *data)
{
    immediates_mark_one(vm, data);
}

static void finalize_immediate(void *ctx, void *data)
{
    immediates_recycle(engine_at(ctx), data);
}

static const js_host_class immediate_class = {"Immediate", mark_immediate, fingerprint_immediate,
                                              finalize_immediate};

static js_value timer_object(ls_engine *e, ls_timer *t)
{
    if (t->object.type != JS_TOBJECT)
        t->object = js_new_host_object(e->host.vm, &timeout_class, t, e->host.timeout_proto);
    return t->object;
}

static ls_timer *as_timer(js_value v)
{
    return js_host_data(v, &timeout_class);
}

static js_value immediate_object(ls_engine *e, ls_immediate *im)
{
    if (im->object.type != JS_TOBJECT)
        im->object = js_new_host_object(e->host.vm, &immediate_class, im, e->host.immediate_proto);
    return im->object;
}

static ls_immediate *as_immediate(js_value v)
{
    return js_host_data(v, &immediate_class);
}

js_value host_timer_this(ls_engine *e, ls_timer *t)
{
    return js_function_takes_this(t->callback) ? timer_object(e, t) : js_undefined();
}

js_value host_immediate_this(ls_engine *e, ls_immediate *im)
{
    return js_function_takes_this(im->callback) ? immediate_object(e, im) : js_undefined();
}

/* ref/unref/hasRef/refresh of Timeout, ref/unref/hasRef of Immediate (slot 0: which) */
enum { M_REF, M_UNREF, M_HAS_REF, M_REFRESH, M_CLOSE };

static js_status timeout_method(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    int which = (int)js_native_slot(a->callee, 0)->u.number;
    ls_timer *t = as_timer(a->this_value);
    ls_immediate *im = as_immediate(a->this_value);
    *out = a->this_value;
    if (!t && !im)
        return JS_OK;
    if (which != M_HAS_REF)
        engine_spend(e, e->costs.api_call);
    switch (which) {
    case M_REF:
        if (t)
            timers_ref(e, t);
        else
            immediates_ref(e, im);
        break;
    case M_UNREF:
        if (t)
            timers_unref(e, t);
        else
            immediates_unref(e, im);
        break;
    case M_HAS_REF:
        *out = js_bool(t ? t->refed : im->refed);
        break;
    case M_REFRESH:
        if (t)
            timers_refresh(e, t);
        break;
    case M_CLOSE:
        if (t)
            timers_clear(e, t);
        break;
    }
    return JS_OK;
}

/* Timeout.prototype[Symbol.toPrimitive] (profile.def timeout_to_primitive): `+timeout` and
 * `${timeout}` are its async id, which counts every async resource Node's own code made; loopsim
 * does not model those ids, so the coercion stops the run naming it.  Defined through
 * Reflect.defineProperty (a symbol key), not enumerable, as a class method is. */
static void refuse_to_primitive(ls_engine *e, js_value proto)
{
    js_vm *vm = e->host.vm;
    js_value g = js_obj(js_global(vm)), sym_ctor, key, reflect, define;
    if (js_get(vm, g, "Symbol", &sym_ctor) != JS_OK ||
        js_get(vm, sym_ctor, "toPrimitive", &key) != JS_OK ||
        js_get(vm, g, "Reflect", &reflect) != JS_OK ||
        js_get(vm, reflect, "defineProperty", &define) != JS_OK)
        abort(); /* the language's own builtins */
    js_value fn = js_new_native(vm, "[Symbol.toPrimitive]", 0, refused_call, e->host.link, 1);
    *js_native_slot(fn.u.object, 0) = js_new_cstring(vm, "timeout");
    js_value desc = js_new_object(vm);
    js_set(vm, desc, "value", fn);
    js_set(vm, desc, "writable", js_bool(true));
    js_set(vm, desc, "configurable", js_bool(true));
    js_value args[3] = {proto, key, desc}, r;
    if (js_call(vm, define, reflect, 3, args, &r) != JS_OK)
        abort();
}

/* Timeout.prototype or Immediate.prototype: the methods, and a constructor named as Node's class
 * (lib/internal/timers.js `class Timeout`, lib/timers.js `class Immediate`), so
 * `this.constructor.name` in a callback reads as on Node; calling it is refused. */
static js_value make_proto_with_methods(ls_engine *e, const char *cls, const char *const *names,
                                        const int *which, size_t n)
{
    js_vm *vm = e->host.vm;
    js_value proto = js_new_object(vm);
    js_value ctor = js_new_native(vm, cls, 0, refused_call, e->host.link, 1);
    *js_native_slot(ctor.u.object, 0) = js_new_cstring(vm, "calling ");
    js_define_value(vm, ctor.u.object, "prototype", proto, false);
    js_define_value(vm, proto.u.object, "constructor", ctor, false);
    for (size_t i = 0; i < n; i++) {
        js_value f = js_new_native(vm, names[i], 0, timeout_method, e->host.link, 1);
        *js_native_slot(f.u.object, 0) = js_number(which[i]);
        js_define_value(vm, proto.u.object, names[i], f, false);
    }
    return proto;
}

/* ---- process ---------------------------------------------------------------------------------- */

static js_status p_next_tick(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value cb = js_arg(a, 0);
    js_status st = host_require_callback(e, cb);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    size_t nargs;
    js_value *args = copy_args(e, a, 1, &nargs);
    ls_origin o = {"process.nextTick", host_label(e, cb), engine_next_seq(e)};
    tasks_next_tick(e, cb, args, nargs, o);
    *out = js_undefined();
    return JS_OK;
}

static js_status g_queue_microtask(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value cb = js_arg(a, 0);
    js_status st = host_require_callback(e, cb);
    if (st != JS_OK)
        return st;
    engine_spend(e, e->costs.api_call);
    js_origin o = {"queueMicrotask", host_label(e, cb), engine_next_seq(e)};
    js_enqueue_callback_job(a->vm, cb, &o);
    *out = js_undefined();
    return JS_OK;
}

static js_status p_exit(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    engine_spend(e, e->costs.api_call);
    js_value code = js_arg(a, 0);
    if (!js_is_undefined(code)) {
        double d;
        js_status st = js_to_number(a->vm, code, &d);
        if (st != JS_OK)
            return st;
        e->exit_code = (int)d;
    } else {
        e->exit_code = host_exit_code(e);
    }
    /* process.reallyExit after emitting 'exit' (lib/internal/process/per_thread.js) */
    if (!e->exiting) {
        e->exiting = true;
        js_value c = js_number(e->exit_code);
        host_emit_process(e, "exit", &c, 1);
    }
    if (e->stop == STOP_NONE) {
        e->stop = STOP_PROCESS_EXIT;
        e->stop_message = "process.exit()";
    }
    *out = js_undefined();
    return JS_STOP;
}

static js_status p_hrtime(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    int64_t ns = read_clock_ns(e) + INT64_C(1000000000) * 3600;
    js_value prev = js_arg(a, 0);
    if (prev.type == JS_TOBJECT) {
        js_value s, n;
        double ds = 0, dn = 0;
        if (js_get(a->vm, prev, "0", &s) == JS_OK && js_get(a->vm, prev, "1", &n) == JS_OK &&
            js_to_number(a->vm, s, &ds) == JS_OK && js_to_number(a->vm, n, &dn) == JS_OK)
            ns -= (int64_t)ds * INT64_C(1000000000) + (int64_t)dn;
    }
    js_value parts[2] = {js_number((double)(ns / INT64_C(1000000000))),
                         js_number((double)(ns % INT64_C(1000000000)))};
    *out = js_new_array(a->vm, 2, parts);
    return JS_OK;
}

static js_status p_hrtime_bigint(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    /* the same clock as process.hrtime(), in nanoseconds */
    *out = js_new_bigint_from_i64(a->vm, read_clock_ns(e) + INT64_C(1000000000) * 3600);
    return JS_OK;
}

static js_status p_memory_usage(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value o = js_new_object(vm);
    double heap = (double)js_heap_bytes(vm);
    js_define_value(vm, o.u.object, "rss", js_number(heap + 30e6), true);
    js_define_value(vm, o.u.object, "heapTotal", js_number(heap + 4e6), true);
    js_define_value(vm, o.u.object, "heapUsed", js_number(heap), true);
    js_define_value(vm, o.u.object, "external", js_number(1e6), true);
    js_define_value(vm, o.u.object, "arrayBuffers", js_number(1e4), true);
    *out = o;
    return JS_OK;
}

static js_status p_cwd(const js_args *a, js_value *out)
{
    *out = js_new_cstring(a->vm, "/");
    return JS_OK;
}

static js_status p_uptime(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    *out = js_number(0.03 + (double)clock_elapsed_ns(&e->clock) / 1e9);
    return JS_OK;
}

/* process.emitWarning(warning): printed on stderr from a nextTick, as Node does
 * (lib/internal/process/warning.js: process.nextTick(doEmitWarning, warning)) */
static js_status emit_warning_nt(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value w = js_arg(a, 0);
    js_value args[1] = {w};
    if (!host_emit_process(e, "warning", args, 1) || true) {
        js_string *s = js_to_string_safe(a->vm, w);
        out_err_line(e, arena_printf(e->arena, "(node:%d) %s", 4242, js_string_chars(s, NULL)));
    }
    *out = js_undefined();
    return JS_OK;
}

/* process.emit('multipleResolves', type, promise, value), from the nextTick resolveError
 * queues (lib/internal/process/promises.js: "We have to wrap this in a next tick. Otherwise
 * the error could be caught by the executed promise.") */
static js_status multiple_resolves_nt(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value emit, args[4] = {js_new_cstring(a->vm, "multipleResolves"), js_arg(a, 0),
                              js_arg(a, 1), js_arg(a, 2)};
    js_status st = js_get(a->vm, e->host.process, "emit", &emit);
    if (st != JS_OK)
        return st;
    return js_call(a->vm, emit, e->host.process, 4, args, out);
}

/* V8 reported a resolve or reject after the promise was resolved (js_host.resolved_twice):
 * Node's promiseRejectHandler calls resolveError('resolve' or 'reject', promise, value) */
static void hook_resolved_twice(void *ctx, js_object *p, bool reject, js_value value)
{
    ls_engine *e = engine_at(ctx);
    if (!e->profile->process.multiple_resolves || e->host.link->making)
        return;
    js_vm *vm = e->host.vm;
    js_value fn = js_new_native(vm, "", 3, multiple_resolves_nt, e->host.link, 0);
    js_value *args = arena_alloc(e->arena, 3 * sizeof *args);
    args[0] = js_new_cstring(vm, reject ? "reject" : "resolve");
    args[1] = js_obj(p);
    args[2] = value;
    ls_origin o = {"process.nextTick", "resolveError", engine_next_seq(e)};
    tasks_next_tick(e, fn, args, 3, o);
}

/* the warning `w` (an Error) emitted and printed from a tick */
static void emit_warning(ls_engine *e, js_value w)
{
    js_vm *vm = e->host.vm;
    js_value fn = js_new_native(vm, "doEmitWarning", 1, emit_warning_nt, e->host.link, 0);
    js_value *args = arena_alloc(e->arena, sizeof *args);
    args[0] = w;
    ls_origin o = {"process.nextTick", "doEmitWarning", engine_next_seq(e)};
    tasks_next_tick(e, fn, args, 1, o);
}

void host_emit_warning(ls_engine *e, const char *name, const char *message)
{
    js_value w = js_new_error(e->host.vm, "Error", message);
    js_set(e->host.vm, w, "name", js_new_cstring(e->host.vm, name));
    emit_warning(e, w);
}

static js_status p_emit_warning(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_vm *vm = a->vm;
    js_value w = js_arg(a, 0);
    if (w.type != JS_TOBJECT) {
        js_string *s;
        js_status st = js_to_string(vm, w, &s);
        if (st != JS_OK)
            return st;
        js_value type = js_arg(a, 1);
        const char *t = type.type == JS_TSTRING ? js_string_chars(type.u.string, NULL) : "Warning";
        w = js_new_error(vm, "Error", js_string_chars(s, NULL));
        js_set(vm, w, "name", js_new_cstring(vm, t));
    }
    engine_spend(e, e->costs.api_call);
    emit_warning(e, w);
    *out = js_undefined();
    return JS_OK;
}

static js_status api_fn(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    if (!e->host.link->making)
        engine_spend(e, e->costs.api_call);
    *out = js_undefined();
    return JS_OK;
}

static js_status inspect_fn(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    char *s = NULL;
    js_status st = ls_inspect(a->vm, &e->host.inspect, js_arg(a, 0), &s, NULL);
    if (st == JS_OK)
        *out = js_new_cstring(a->vm, s);
    free(s);
    return st;
}

static js_status format_fn(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    char *s = NULL;
    js_status st = ls_format(a->vm, &e->host.inspect, a->argc, a->argv, &s, NULL);
    if (st == JS_OK)
        *out = js_new_cstring(a->vm, s);
    free(s);
    return st;
}

static js_status performance_now(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    /* performance.now() is about 25 ms into the process when the main script starts */
    read_clock_ns(e);
    *out = js_number(25.0 + (double)clock_elapsed_ns(&e->clock) / 1e6);
    return JS_OK;
}

/* ---- modules ---------------------------------------------------------------------------------
 *
 * require() and import of Node's builtin modules, from a table: each is made in C (over the
 * process's mechanisms) or is a prelude module (src/process/node/prelude/NAME.js, '/' written '_'),
 * made once per VM and cached.  A module that appeared in a later Node than the profile's is
 * not found there, as on that Node.  Anything else is refused: loopsim runs one file against
 * the builtins it models.
 */

static js_status require_in(ls_engine *e, const char *name, bool import, bool internal,
                            js_value *out);

static js_status g_require(const js_args *a, js_value *out);
static js_status g_require_internal(const js_args *a, js_value *out);

/* Runs a prelude module in this VM: its module.exports.  Its require() reaches the process's
 * bindings too (require('internal')). */
static js_status run_prelude(ls_engine *e, const char *name, js_value *out)
{
    js_vm *vm = e->host.vm;
    char file[64];
    snprintf(file, sizeof file, "%s", name);
    for (char *c = file; *c; c++)
        if (*c == '/')
            *c = '_';
    const js_program *p = prelude_program(file);
    if (!p) {
        host_refuse(e, "internal error: there is no prelude module %s", file);
        return JS_STOP;
    }
    js_value fn = js_program_function(vm, p);
    js_value module = js_new_object(vm), exports = js_new_object(vm);
    js_set(vm, module, "exports", exports);
    js_value req = js_new_native(vm, "require", 1, g_require_internal, e->host.link, 0);
    js_value args[5] = {exports, req, module, js_new_cstring(vm, name),
                        js_new_cstring(vm, "node:internal")};
    js_value r;
    js_status st = js_call(vm, fn, exports, 5, args, &r);
    if (st != JS_OK)
        return st;
    return js_get(vm, module, "exports", out);
}

/* what the prelude learns of the profile: the LS_FEATURE rows of the process group */
static js_value features_object(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value o = js_new_object(vm);
    const ls_profile *p = e->profile;
    struct {
        const char *name;
        bool on;
    } f[] = {
        {"events_once", p->process.events_once},
        {"events_on", p->process.events_on},
        {"timers_promises", p->process.timers_promises},
        {"abort_controller", p->process.abort_controller},
        {"queue_microtask", p->has_queue_microtask},
        {"promise_any", p->language.promise_any},
        {"stream_finish_tick", p->process.stream_finish_tick},
        {"fs_streams_construct", p->process.fs_streams_construct},
        {"fs_stream_emit_close", p->process.fs_stream_emit_close},
        {"fs_stream_final_waits_open", p->process.fs_stream_final_waits_open},
        {"fs_stream_io_done", p->process.fs_stream_io_done},
        {"readable_emitted_reset", p->process.readable_emitted_reset},
        {"fs_stream_pending", p->process.fs_stream_pending},
        {"readable_stops_flowing", p->process.readable_stops_flowing},
        {"readable_state_bits", p->process.readable_state_bits},
        {"readable_add_chunk_needs_listener", p->process.readable_add_chunk_needs_listener},
        {"pipe_drain_lazy", p->process.pipe_drain_lazy},
        {"pipe_checks_need_drain", p->process.pipe_checks_need_drain},
        {"pipe_drain_resumes", p->process.pipe_drain_resumes},
        {"readable_update_resumes", p->process.readable_update_resumes},
        {"unpipe_pauses", p->process.unpipe_pauses},
        {"stream_default_hwm_64k", p->process.stream_default_hwm_64k},
        {"stream_state_getters", p->process.stream_state_getters},
        {"http_empty_write_via_socket", p->process.http_empty_write_via_socket},
        {"http_end_full_uncork", p->process.http_end_full_uncork},
        {"http_clear_incoming_close", p->process.http_clear_incoming_close},
        {"net_end_waits_shutdown", p->process.net_end_waits_shutdown},
        {"net_final_shuts_down_after_eof", p->process.net_final_shuts_down_after_eof},
        {"net_socket_auto_destroy", p->process.net_socket_auto_destroy},
        {"http_flush_after_socket", p->process.http_flush_after_socket},
        {"http_incoming_auto_destroy", p->process.http_incoming_auto_destroy},
        {"http_end_skips_empty_write", p->process.http_end_skips_empty_write},
        {"http_incoming_destroy_tick", p->process.http_incoming_destroy_tick},
        {"http_keep_alive_default", p->process.http_keep_alive_default},
        {"http_connections_checking", p->process.http_connections_checking},
        {"fs_read_callback_checked", p->process.fs_read_callback_checked},
        {"fs_read_offset_validated", p->process.fs_read_offset_validated},
        {"fs_read_options", p->process.fs_read_options},
        {"fs_read_sync_object_options", p->process.fs_read_sync_object_options},
        {"fs_read_sync_options", p->process.fs_read_sync_options},
        {"fs_read_buffer_options", p->process.fs_read_buffer_options},
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        js_define_value(vm, o.u.object, f[i].name, js_bool(f[i].on), true);
    js_define_value(vm, o.u.object, "major", js_number(atoi(p->first)), true);
    return o;
}

/* Buffer's insides the prelude's streams need (readable.js fromList, string_decoder; a slice
 * is the Buffer's own slice()):
 *   bufferConcat(list, total)  Buffer.concat: one Buffer of the list's bytes
 *   utf8Decode(rest, buf)      [text, rest]: the UTF-8 text of rest + buf up to its last whole
 *                              character, and the bytes after (a Buffer, or null), as
 *                              StringDecoder.write keeps them for the next chunk */
static bool bytes_of(ls_engine *e, js_value v, const char **bytes, size_t *len)
{
    if (js_is_undefined(v) || v.type == JS_TNULL) {
        *bytes = "";
        *len = 0;
        return true;
    }
    if (host_buffer_bytes(e, v, bytes, len))
        return true;
    host_refuse(e, "internal error: a stream's chunk is not a Buffer");
    return false;
}

static js_status buffer_concat_fn(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value list = js_arg(a, 0), n;
    js_status st = js_get(a->vm, list, "length", &n);
    if (st != JS_OK)
        return st;
    size_t count = n.type == JS_TNUMBER ? (size_t)n.u.number : 0;
    char *acc = NULL;
    size_t len = 0, cap = 0;
    for (size_t i = 0; i < count; i++) {
        char key[24];
        snprintf(key, sizeof key, "%zu", i);
        js_value c;
        const char *b;
        size_t bl;
        if ((st = js_get(a->vm, list, key, &c)) != JS_OK)
            return st;
        if (!bytes_of(e, c, &b, &bl))
            return JS_STOP;
        if (len + bl > cap) {
            cap = (len + bl) * 2 + 16;
            char *grown = arena_alloc(e->arena, cap);
            if (len)
                memcpy(grown, acc, len);
            acc = grown;
        }
        if (bl)
            memcpy(acc + len, b, bl);
        len += bl;
    }
    *out = host_new_buffer(e, acc ? acc : "", len);
    return JS_OK;
}

/* refuse(message): what the prelude does not model stops the run, named, as host_refuse */
static js_status refuse_fn(const js_args *a, js_value *out)
{
    (void)out;
    js_string *m = js_to_string_safe(a->vm, js_arg(a, 0));
    host_refuse(engine_of(a), "%s", js_string_chars(m, NULL));
    return JS_STOP;
}

/* invalidArgType(name, expected, value): throws Node's ERR_INVALID_ARG_TYPE as the native
 * modules word it (host_invalid_arg_type) */
static js_status invalid_arg_type_fn(const js_args *a, js_value *out)
{
    (void)out;
    js_string *name = js_to_string_safe(a->vm, js_arg(a, 0));
    js_string *expected = js_to_string_safe(a->vm, js_arg(a, 1));
    return host_invalid_arg_type(engine_of(a), js_string_chars(name, NULL),
                                 js_string_chars(expected, NULL), js_arg(a, 2));
}

/* codedError(cls, code, message): an error as lib/internal/errors.js makes it (coded_error:
 * "TypeError [CODE]: message" in its stack), not thrown */
static js_status coded_error_fn(const js_args *a, js_value *out)
{
    js_string *cls = js_to_string_safe(a->vm, js_arg(a, 0));
    js_string *code = js_to_string_safe(a->vm, js_arg(a, 1));
    js_string *msg = js_to_string_safe(a->vm, js_arg(a, 2));
    const char *c = js_string_chars(cls, NULL);
    if (strcmp(c, "TypeError") != 0 && strcmp(c, "RangeError") != 0)
        c = "Error";
    *out = coded_error(engine_of(a), c, js_string_chars(code, NULL), js_string_chars(msg, NULL));
    return JS_OK;
}

/* how many bytes at the end of b[0..len) begin a character that is not whole */
static size_t utf8_incomplete_tail(const unsigned char *b, size_t len)
{
    for (size_t back = 1; back <= 3 && back <= len; back++) {
        unsigned char c = b[len - back];
        if ((c & 0xC0) == 0x80)
            continue; /* a continuation byte: look further back */
        size_t need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        return need > back ? back : 0;
    }
    return 0;
}

static js_status utf8_decode_fn(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const char *r, *b;
    size_t rl, bl;
    if (!bytes_of(e, js_arg(a, 0), &r, &rl) || !bytes_of(e, js_arg(a, 1), &b, &bl))
        return JS_STOP;
    char *all = arena_alloc(e->arena, rl + bl + 1);
    if (rl)
        memcpy(all, r, rl);
    if (bl)
        memcpy(all + rl, b, bl);
    size_t n = rl + bl, tail = utf8_incomplete_tail((const unsigned char *)all, n);
    js_value items[2] = {js_new_string(a->vm, all, n - tail),
                         tail ? host_new_buffer(e, all + n - tail, tail) : js_null()};
    *out = js_new_array(a->vm, 2, items);
    return JS_OK;
}

/* promisifyArgs(fn): the names util.promisify resolves an object of, for the functions whose
 * callbacks give several values (Node's customPromisifyArgs symbol on them), else undefined */
static js_status promisify_args_fn(const js_args *a, js_value *out)
{
    js_value fn = js_arg(a, 0);
    const char *const *names = fs_promisify_args(fn);
    if (!names)
        names = dns_promisify_args(fn);
    *out = js_undefined();
    if (!names)
        return JS_OK;
    js_value items[4];
    int n = 0;
    while (names[n] && n < 4) {
        items[n] = js_new_cstring(a->vm, names[n]);
        n++;
    }
    *out = js_new_array(a->vm, (size_t)n, items);
    return JS_OK;
}

/* the process layer's bindings for the prelude: require('internal') */
static js_value internal_bindings(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value o = js_new_object(vm);
    define(e, o.u.object, "api", 0, api_fn);
    define(e, o.u.object, "inspect", 1, inspect_fn);
    if (e->host.inspect.legacy_custom.type == JS_TSYMBOL)
        js_define_value(vm, o.u.object, "inspectCustom", e->host.inspect.legacy_custom, true);
    define(e, o.u.object, "format", 1, format_fn);
    define(e, o.u.object, "refuse", 1, refuse_fn);
    define(e, o.u.object, "invalidArgType", 3, invalid_arg_type_fn);
    define(e, o.u.object, "codedError", 3, coded_error_fn);
    define(e, o.u.object, "bufferConcat", 2, buffer_concat_fn);
    define(e, o.u.object, "utf8Decode", 2, utf8_decode_fn);
    define(e, o.u.object, "promisifyArgs", 1, promisify_args_fn);
    fs_internal_bindings(e, o.u.object);
    tcp_internal_bindings(e, o.u.object);
    js_define_value(vm, o.u.object, "features", features_object(e), true);
    return o;
}

static js_value timers_module(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value o = js_new_object(vm);
    static const char *const names[] = {"setTimeout", "setInterval", "setImmediate",
                                        "clearTimeout", "clearInterval", "clearImmediate"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        js_value f;
        js_get(vm, js_obj(js_global(vm)), names[i], &f);
        js_define_value(vm, o.u.object, names[i], f, true);
    }
    return o;
}

/* url.fileURLToPath(string): the path of a file: URL (lib/internal/url.js getPathFromURLPosix:
 * percent-decoded, "%2F" refused), what an ES module quiz needs for its __filename; a URL
 * object is not modelled. */
static js_status url_file_url_to_path(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value v = js_arg(a, 0);
    if (v.type != JS_TSTRING)
        return host_type_error(e, "ERR_INVALID_ARG_TYPE", "The \"path\" argument must be of "
                               "type string or an instance of URL. Received %s", received(e, v));
    size_t len;
    const char *s = js_string_chars(v.u.string, &len);
    if (len < 7 || strncmp(s, "file://", 7) != 0)
        return host_type_error(e, "ERR_INVALID_URL_SCHEME", "The URL must be of scheme file");
    const char *p = s + 7;
    if (*p != '/') /* file://host/...: only an empty host (or localhost) on POSIX */
        return host_type_error(e, "ERR_INVALID_FILE_URL_HOST",
                               "File URL host must be \"localhost\" or empty on linux");
    size_t n = len - 7;
    char *path = arena_alloc(e->arena, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '%' && i + 2 < n && hex_digit(p[i + 1]) >= 0 && hex_digit(p[i + 2]) >= 0) {
            int c = hex_digit(p[i + 1]) * 16 + hex_digit(p[i + 2]);
            if (c == '/')
                return host_type_error(e, "ERR_INVALID_FILE_URL_PATH",
                                       "File URL path must not include encoded / characters");
            path[k++] = (char)c;
            i += 2;
        } else if (p[i] == '?' || p[i] == '#') {
            break;
        } else {
            path[k++] = p[i];
        }
    }
    *out = js_new_string(a->vm, path, k);
    return JS_OK;
}

static js_value url_module(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value o = js_new_object(vm);
    host_export(e, o.u.object, "fileURLToPath", 1, url_file_url_to_path);
    return o;
}

static js_value perf_hooks_module(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value o = js_new_object(vm);
    js_value perf = js_new_object(vm);
    host_export(e, perf.u.object, "now", 0, performance_now);
    js_define_value(vm, o.u.object, "performance", perf, true);
    return o;
}

static js_value events_module(ls_engine *e)
{
    return e->host.emitter_ctor;
}

static js_value process_module(ls_engine *e)
{
    return e->host.process;
}

typedef struct {
    const char *name;
    js_value (*make)(ls_engine *e); /* NULL: the prelude module */
    size_t feature;                 /* offsetof a bool of ls_profile; 0: every version */
} module_info;

#define FEATURE(f) offsetof(ls_profile, process.f)

static const module_info module_table[] = {
    {"events", events_module, 0},
    {"process", process_module, 0},
    {"timers", timers_module, 0},
    {"timers/promises", NULL, FEATURE(timers_promises)},
    {"perf_hooks", perf_hooks_module, 0},
    {"fs", fs_module, 0},
    {"fs/promises", fs_promises_module, FEATURE(fs_promises_module)},
    {"crypto", crypto_module, 0},
    {"zlib", zlib_module, 0},
    {"dns", dns_module, 0},
    {"net", io_net_module, 0},
    {"http", NULL, 0},
    {"util", NULL, 0},
    {"url", url_module, 0},
};

/* Node's other builtins, refused by name (node -p "require('module').builtinModules") */
static bool is_node_builtin(const char *name)
{
    static const char *const names[] = {
        "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants",
        "dgram", "diagnostics_channel", "domain",
        "http2", "https", "inspector", "module", "os", "path", "punycode", "querystring",
        "readline", "repl", "stream", "string_decoder", "sys", "tls", "trace_events", "tty",
        "util/types", "v8", "vm", "wasi", "worker_threads", "stream/promises",
        "dns/promises", "assert/strict", "path/posix", "path/win32", "readline/promises",
        "test", "sqlite", "sea",
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

const char *host_module_refused(const char *name)
{
    const char *bare = strncmp(name, "node:", 5) == 0 ? name + 5 : name;
    for (size_t i = 0; i < sizeof module_table / sizeof module_table[0]; i++)
        if (strcmp(module_table[i].name, bare) == 0)
            return NULL;
    static char msg[400];
    if (is_node_builtin(bare))
        snprintf(msg, sizeof msg, "loopsim does not model the module '%s' (docs/modules.md lists "
                                  "the modules it does)", name);
    else
        snprintf(msg, sizeof msg, "loopsim runs one file: it does not load '%s' (only Node's "
                                  "builtin modules, those docs/modules.md lists)", name);
    return msg;
}

/* Node's MODULE_NOT_FOUND, as the profile's Node throws it */
static js_status not_found(ls_engine *e, const char *name)
{
    js_vm *vm = e->host.vm;
    js_value err = js_new_error(vm, "Error", arena_printf(e->arena, "Cannot find module '%s'",
                                                          name));
    js_set(vm, err, "code", js_new_cstring(vm, "MODULE_NOT_FOUND"));
    return js_throw(vm, err);
}

static js_status require_in(ls_engine *e, const char *name, bool import, bool internal,
                            js_value *out)
{
    js_vm *vm = e->host.vm;
    const char *bare = name;
    if (strncmp(name, "node:", 5) == 0) {
        bool scheme = import ? e->profile->process.node_prefix_import
                             : e->profile->process.node_prefix_require;
        if (!scheme)
            return not_found(e, name);
        bare = name + 5;
    }
    if (internal && strcmp(bare, "internal") == 0) {
        *out = internal_bindings(e);
        return JS_OK;
    }
    /* the prelude's own modules, not the program's: require('internal/fs_streams') */
    if (internal && strncmp(bare, "internal/", 9) == 0) {
        if (js_get(vm, e->host.modules, bare, out) == JS_OK && !js_is_undefined(*out))
            return JS_OK;
        js_status st = run_prelude(e, bare + 9, out);
        if (st == JS_OK)
            js_set(vm, e->host.modules, bare, *out);
        return st;
    }
    /* the cache: one module object per VM */
    if (js_get(vm, e->host.modules, bare, out) == JS_OK && !js_is_undefined(*out))
        return JS_OK;
    for (size_t i = 0; i < sizeof module_table / sizeof module_table[0]; i++) {
        const module_info *m = &module_table[i];
        if (strcmp(m->name, bare) != 0)
            continue;
        if (m->feature && !*(const bool *)((const char *)e->profile + m->feature))
            return not_found(e, name);
        js_status st = JS_OK;
        if (m->make)
            *out = m->make(e);
        else
            st = run_prelude(e, m->name, out);
        if (st == JS_OK)
            js_set(vm, e->host.modules, bare, *out);
        return st;
    }
    if (is_node_builtin(bare))
        host_refuse(e, "loopsim does not model require('%s') (docs/modules.md lists the modules "
                       "it does)", name);
    else
        host_refuse(e, "loopsim runs one file: it does not load require('%s') (only Node's "
                       "builtin modules, those docs/modules.md lists)", name);
    return JS_STOP;
}

static js_status module_arg(const js_args *a, const char **name)
{
    ls_engine *e = engine_of(a);
    js_value v = js_arg(a, 0);
    if (v.type != JS_TSTRING)
        return host_type_error(e, "ERR_INVALID_ARG_TYPE",
                               "The \"id\" argument must be of type string. Received %s",
                               received(e, v));
    *name = js_string_chars(v.u.string, NULL);
    return JS_OK;
}

js_status host_require_internal(ls_engine *e, const char *name, js_value *out)
{
    return require_in(e, name, false, true, out);
}

static js_status g_require(const js_args *a, js_value *out)
{
    const char *name = NULL;
    js_status st = module_arg(a, &name);
    return st == JS_OK ? require_in(engine_of(a), name, false, false, out) : st;
}

static js_status g_require_internal(const js_args *a, js_value *out)
{
    const char *name = NULL;
    js_status st = module_arg(a, &name);
    return st == JS_OK ? require_in(engine_of(a), name, false, true, out) : st;
}

/* import declarations: the namespace of a builtin module: its exports' enumerable own keys
 * (what Node's builtin ES-module facades export), their statics for a class (events), and
 * `default` (module.exports) */
static js_status g_import(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    const char *name = NULL;
    js_value m;
    js_status st = module_arg(a, &name);
    if (st == JS_OK)
        st = require_in(e, name, true, false, &m);
    if (st != JS_OK)
        return st;
    js_vm *vm = a->vm;
    js_value ns = js_new_object(vm);
    if (m.type == JS_TOBJECT) {
        js_value keys, fn;
        js_value object_ctor;
        js_get(vm, js_obj(js_global(vm)), "Object", &object_ctor);
        js_get(vm, object_ctor, "keys", &fn);
        if (js_call(vm, fn, object_ctor, 1, &m, &keys) == JS_OK) {
            js_value len;
            js_get(vm, keys, "length", &len);
            for (int i = 0; i < (int)len.u.number; i++) {
                js_value k, v;
                char idx[16];
                snprintf(idx, sizeof idx, "%d", i);
                js_get(vm, keys, idx, &k);
                const char *kn = js_string_chars(k.u.string, NULL);
                js_get(vm, m, kn, &v);
                js_define_value(vm, ns.u.object, kn, v, true);
            }
        }
    }
    js_define_value(vm, ns.u.object, "default", m, true);
    *out = ns;
    return JS_OK;
}

static js_status g_dynamic_import(const js_args *a, js_value *out)
{
    js_value ns;
    js_status st = g_import(a, &ns);
    js_value p = js_new_promise(a->vm);
    if (st == JS_THROW)
        js_reject_promise(a->vm, p, js_take_exception(a->vm));
    else if (st == JS_OK)
        js_resolve_promise(a->vm, p, ns);
    else
        return st;
    *out = p;
    return JS_OK;
}

/* ---- the process object and the globals ------------------------------------------------------ */

static js_value make_process(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value proto;
    js_get(vm, e->host.emitter_ctor, "prototype", &proto);
    js_value object_ctor, create, p;
    js_get(vm, js_obj(js_global(vm)), "Object", &object_ctor);
    js_get(vm, object_ctor, "create", &create);
    js_call(vm, create, object_ctor, 1, &proto, &p);
    js_value init;
    js_get(vm, e->host.emitter_ctor, "init", &init);
    js_value r;
    js_call(vm, init, p, 0, NULL, &r);
    js_object *o = p.u.object;
    host_export(e, o, "nextTick", 1, p_next_tick);
    host_export(e, o, "exit", 1, p_exit);
    host_export(e, o, "cwd", 0, p_cwd);
    host_export(e, o, "uptime", 0, p_uptime);
    host_export(e, o, "memoryUsage", 0, p_memory_usage);
    host_export(e, o, "emitWarning", 1, p_emit_warning);
    js_value hr = js_new_native(vm, "hrtime", 1, p_hrtime, e->host.link, 0);
    define(e, hr.u.object, "bigint", 0, p_hrtime_bigint);
    js_define_value(vm, o, "hrtime", hr, true);
    js_define_value(vm, o, "argv", js_undefined(), true); /* set by each run (set_up_run) */
    js_define_value(vm, o, "env", js_new_object(vm), true);
    js_define_value(vm, o, "platform", js_new_cstring(vm, "linux"), true);
    js_define_value(vm, o, "pid", js_number(4242), true);
    js_define_value(vm, o, "exitCode", js_undefined(), true);
    char version[32];
    snprintf(version, sizeof version, "v%s", e->profile->first);
    js_define_value(vm, o, "version", js_new_cstring(vm, version), true);
    js_value versions = js_new_object(vm);
    js_define_value(vm, versions.u.object, "node", js_new_cstring(vm, e->profile->first), true);
    js_define_value(vm, o, "versions", versions, true);
    for (int i = 0; i < 2; i++) {
        js_value stream = js_new_object(vm);
        js_value w = js_new_native(vm, "write", 1, stream_write, e->host.link, 1);
        *js_native_slot(w.u.object, 0) = i ? js_bool(true) : js_undefined();
        js_define_value(vm, stream.u.object, "write", w, false);
        js_define_value(vm, stream.u.object, "fd", js_number(i ? 2 : 1), true);
        js_define_value(vm, o, i ? "stderr" : "stdout", stream, true);
    }
    return p;
}

/* The program's file as an absolute path (what Node's module loader resolves it to). */
static const char *absolute_file(ls_engine *e)
{
    const char *f = e->program->file;
    if (f[0] == '/')
        return f;
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd))
        return f;
    while (strncmp(f, "./", 2) == 0)
        f += 2;
    return arena_printf(e->arena, "%s/%s", cwd, f);
}

/* import.meta of the entry module: url, and from 20.11/21.2 filename and dirname */
static js_value import_meta(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    const char *file = absolute_file(e);
    js_value meta = js_new_object(vm);
    js_define_value(vm, meta.u.object, "url",
                    js_new_cstring(vm, arena_printf(e->arena, "file://%s", file)), true);
    if (e->profile->process.import_meta_filename) {
        const char *slash = strrchr(file, '/');
        js_define_value(vm, meta.u.object, "dirname",
                        js_new_cstring(vm, arena_printf(e->arena, "%.*s",
                                                        (int)(slash - file), file)), true);
        js_define_value(vm, meta.u.object, "filename", js_new_cstring(vm, file), true);
    }
    return meta;
}

static void make_globals(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_object *g = js_global(vm);
    js_value console = js_new_object(vm);
    define(e, console.u.object, "log", 0, console_log);
    define(e, console.u.object, "info", 0, console_log);
    define(e, console.u.object, "debug", 0, console_log);
    define(e, console.u.object, "error", 0, console_error);
    define(e, console.u.object, "warn", 0, console_error);
    define(e, console.u.object, "trace", 0, console_error);
    js_define_value(vm, g, "console", console, false);
    g_buffer_install(e, g);
    define(e, g, "setTimeout", 2, g_set_timeout);
    define(e, g, "setInterval", 2, g_set_interval);
    define(e, g, "setImmediate", 1, g_set_immediate);
    define(e, g, "clearTimeout", 1, g_clear_timeout);
    define(e, g, "clearInterval", 1, g_clear_timeout);
    define(e, g, "clearImmediate", 1, g_clear_immediate);
    if (e->profile->has_queue_microtask)
        define(e, g, "queueMicrotask", 1, g_queue_microtask);
    define(e, g, "%import", 1, g_import);
    define(e, g, "%dynamic_import", 1, g_dynamic_import);
    js_define_value(vm, g, "global", js_obj(g), false);
    if (e->profile->process.global_performance) {
        js_value perf = js_new_object(vm);
        define(e, perf.u.object, "now", 0, performance_now);
        js_define_value(vm, g, "performance", perf, false);
    }
    static const char *const tnames[] = {"ref", "unref", "hasRef", "refresh", "close"};
    static const int twhich[] = {M_REF, M_UNREF, M_HAS_REF, M_REFRESH, M_CLOSE};
    e->host.timeout_proto = make_proto_with_methods(e, "Timeout", tnames, twhich, 5);
    if (e->profile->process.timeout_to_primitive)
        refuse_to_primitive(e, e->host.timeout_proto);
    e->host.immediate_proto = make_proto_with_methods(e, "Immediate", tnames, twhich, 3);
}

/* console.log of a Buffer: its first 50 bytes in hex (buffer.INSPECT_MAX_BYTES), then how many
 * more (lib/buffer.js Buffer.prototype[customInspectSymbol]); a Buffer whose bytes loopsim does
 * not know (a derived key) stops the run.  A Timeout or an Immediate stops it too: Node prints
 * its internal fields (lib/internal/timers.js: _idleTimeout, _idlePrev, _idleStart, _onTimeout,
 * ..., and the async ids, which count every async resource Node's own code made), which loopsim
 * does not model (docs/modules.md). */
static bool inspect_host_object(void *ctx, js_vm *vm, struct js_object *host, js_value *out,
                                char **text)
{
    (void)out;
    ls_engine *e = engine_at(ctx);
    bool timeout = js_host_data(js_obj(host), &timeout_class) != NULL;
    if (timeout || js_host_data(js_obj(host), &immediate_class)) {
        host_refuse(e, "loopsim does not model how Node prints %s object (its internal fields "
                    "and async ids)", timeout ? "a Timeout" : "an Immediate");
        *text = xstrdup(timeout ? "Timeout {}" : "Immediate {}");
        return true;
    }
    buffer_data *b = js_host_data(js_obj(host), &buffer_class);
    if (!b)
        return false;
    (void)vm;
    if (bytes_unknown(e, b)) {
        *text = xstrdup("<Buffer>");
        return true;
    }
    size_t shown = b->len < 50 ? b->len : 50, more = b->len - shown;
    size_t cap = 16 + 3 * shown + 40, n = 0;
    char *s = xrealloc(NULL, cap);
    n += (size_t)snprintf(s + n, cap - n, "<Buffer");
    for (size_t i = 0; i < shown; i++)
        n += (size_t)snprintf(s + n, cap - n, " %02x", (unsigned char)b->bytes[i]);
    if (more && e->profile->process.buffer_inspect_more_bytes)
        snprintf(s + n, cap - n, " ... %zu more byte%s>", more, more > 1 ? "s" : "");
    else
        snprintf(s + n, cap - n, "%s>", more ? " ... " : shown ? "" : " ");
    *text = s;
    return true;
}

/* ---- the VMs: made once per profile, reset between runs --------------------------------------
 *
 * A VM with Node's globals costs several times a small program's run to make (the builtins, the
 * prelude, the process object), and `loopsim orders` runs a program thousands of times.  So the
 * VM of a profile is made once, snapshotted (js_snapshot) when its globals are ready, and reset
 * (js_reset) when a run ends: the next run of that profile finds it as new.  What depends on the
 * program (process.argv, import.meta) is set after the snapshot, in each run.  A VM that cannot
 * be reset, or a second one wanted while the first serves a run, is made and freed as before.
 */

typedef struct {
    const ls_profile *profile;
    js_vm *vm;
    ls_host_link *link;
    ls_host made;                /* the host's values as the VM was made (its globals) */
    bool in_use;
} vm_slot;

enum { VM_CACHE = 64 };
static vm_slot vm_cache[VM_CACHE];

/* Makes a VM with Node's globals for `e`'s profile into *h (h->link set); false if the prelude
 * failed (the run is stopped then). */
static bool make_vm(ls_engine *e, ls_host *h)
{
    js_host hooks = {
        .ctx = h->link,
        .charge = hook_charge,
        .interrupt = hook_interrupt,
        .next_seq = hook_next_seq,
        .job_begin = hook_job_begin,
        .job_end = hook_job_end,
        .rejection = hook_rejection,
        .uncaught = hook_uncaught,
        .mark = hook_mark,
        .current_time_ms = hook_time,
        .random = hook_random,
        .api_call = hook_api,
        .job_queued = hook_queued,
        .resolved_twice = hook_resolved_twice,
    };
    h->process = h->module = h->exports = h->emitter_ctor = js_undefined();
    h->timeout_proto = h->immediate_proto = h->modules = h->buffer_proto = js_undefined();
    h->window = h->dom = js_undefined();
    /* console.log's formatting: by major version, as inspect.c compares them (its flags name
     * the versions), with this process's printer for Timeout, Immediate and Buffer */
    h->inspect = ls_inspect_style_for_major(atoi(e->profile->first));
    h->inspect.error_frames_hidden = e->profile->is_browser;
    h->inspect.host.fn = inspect_host_object;
    h->inspect.host.ctx = h->link;
    h->link->making = true;
    h->vm = js_new(&hooks, &e->profile->language);
    js_vm *vm = h->vm;
    js_set_building(vm, true);
    h->modules = js_new_object(vm);
    if (e->profile->is_browser) { /* a page's window (browser/window.c), no process */
        bool ok = window_make_globals(e);
        if (!ok && !engine_stopped(e))
            host_refuse(e, "internal error: the prelude (window) failed");
        js_set_building(vm, false);
        if (ok)
            js_snapshot(vm);
        h->link->making = false;
        return ok;
    }
    make_globals(e);
    if (h->inspect.legacy_inspect) { /* Node 10's util.inspect.custom (inspect.h) */
        js_value sym, name = js_new_cstring(vm, "util.inspect.custom");
        if (js_get(vm, js_obj(js_global(vm)), "Symbol", &sym) == JS_OK)
            js_call(vm, sym, js_undefined(), 1, &name, &h->inspect.legacy_custom);
    }
    js_value ee;
    if (run_prelude(e, "events", &ee) != JS_OK) {
        if (!engine_stopped(e))
            host_refuse(e, "internal error: the prelude (events) failed");
        js_set_building(vm, false);
        h->link->making = false;
        return false;
    }
    h->emitter_ctor = ee;
    h->process = make_process(e);
    js_define_value(vm, js_global(vm), "process", h->process, false);
    /* AbortController and its kin (src/process/node/prelude/abort.js): globals of the versions that
     * have them (profile.def's abort_controller row; DOMException and CustomEvent come later,
     * the prelude exports them where the version has them) */
    if (e->profile->process.abort_controller) {
        js_value ab;
        if (run_prelude(e, "abort", &ab) != JS_OK) {
            if (!engine_stopped(e))
                host_refuse(e, "internal error: the prelude (abort) failed");
            js_set_building(vm, false);
            h->link->making = false;
            return false;
        }
        static const char *const names[] = {"AbortController", "AbortSignal", "EventTarget",
                                            "Event", "DOMException", "CustomEvent"};
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            js_value v;
            if (js_get(vm, ab, names[i], &v) == JS_OK && !js_is_undefined(v))
                js_define_value(vm, js_global(vm), names[i], v, false);
        }
    }
    js_set_building(vm, false);
    js_snapshot(vm);
    h->link->making = false;
    return true;
}

/* What a run sets after the snapshot: the values that depend on its program. */
static void set_up_run(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    if (e->profile->is_browser) {
        if (!window_set_up_page(e) && !engine_stopped(e))
            host_refuse(e, "internal error: the page's nodes (dom.js) could not be made");
        return;
    }
    js_value argv[2] = {js_new_cstring(vm, "/usr/local/bin/node"),
                        js_new_cstring(vm, absolute_file(e))};
    js_set(vm, e->host.process, "argv", js_new_array(vm, 2, argv));
    if (e->program->esm)
        js_define_value(vm, js_global(vm), "%import.meta", import_meta(e), false);
}

void host_init(ls_engine *e)
{
    ls_host *h = &e->host;
    h->random_state = fp_mix64(UINT64_C(0x9E3779B97F4A7C15) ^ e->limits.random_seed);
    if (!h->random_state)
        h->random_state = 1;
    /* this profile's VM, if one is free */
    vm_slot *slot = NULL, *empty = NULL;
    for (int i = 0; i < VM_CACHE; i++) {
        if (vm_cache[i].vm && vm_cache[i].profile == e->profile && !vm_cache[i].in_use) {
            slot = &vm_cache[i];
            break;
        }
        if (!vm_cache[i].vm && !empty)
            empty = &vm_cache[i];
    }
    uint64_t random_state = h->random_state;
    if (slot) {
        *h = slot->made;
        h->random_state = random_state;
        h->link->e = e;
        h->cache_slot = (int)(slot - vm_cache);
        slot->in_use = true;
    } else {
        h->link = calloc(1, sizeof *h->link);
        if (!h->link)
            ls_out_of_memory(0);
        h->link->e = e;
        h->cache_slot = -1;
        if (!make_vm(e, h))
            return;
        if (empty) {
            empty->profile = e->profile;
            empty->vm = h->vm;
            empty->link = h->link;
            empty->made = *h;
            empty->in_use = true;
            h->cache_slot = (int)(empty - vm_cache);
        }
    }
    /* the program's names, interned once into the snapshot: each run of a search finds them */
    if (h->cache_slot >= 0) {
        js_snapshot_program(h->vm, e->program->js);
        js_snapshot_program(h->vm, e->program->script_js);
    }
    set_up_run(e);
}

void host_free(ls_engine *e)
{
    ls_host *h = &e->host;
    if (!h->vm)
        return;
    if (h->cache_slot >= 0) {
        vm_slot *slot = &vm_cache[h->cache_slot];
        slot->in_use = false;
        slot->link->e = NULL;
        if (js_reset(slot->vm)) {
            h->vm = NULL;
            return;
        }
        memset(slot, 0, sizeof *slot); /* it cannot be reset: freed below */
    }
    js_free(h->vm);
    free(h->link);
    h->vm = NULL;
    h->link = NULL;
}

/* ---- running ----------------------------------------------------------------------------------- */

/* A throw nobody caught: what Node prints first ("Uncaught Error: boom"). */
static const char *describe_thrown(ls_engine *e, js_value v)
{
    js_vm *vm = e->host.vm;
    if (v.type == JS_TOBJECT && js_object_class(v) == 5 /* CLASS_ERROR */) {
        js_value stack;
        if (js_get(vm, v, "stack", &stack) == JS_OK && stack.type == JS_TSTRING) {
            const char *s = js_string_chars(stack.u.string, NULL);
            const char *nl = strchr(s, '\n');
            return nl ? arena_printf(e->arena, "%.*s", (int)(nl - s), s) : arena_strdup(e->arena, s);
        }
    }
    return inspect_text(e, v);
}

/* The line `line` (1-based) of the program's source, without its newline. */
static const char *source_line(ls_engine *e, uint32_t line)
{
    const char *s = e->program->source, *end = s + e->program->source_len;
    for (uint32_t l = 1; l < line && s < end; l++) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        if (!nl)
            return NULL;
        s = nl + 1;
    }
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    return arena_printf(e->arena, "%.*s", (int)((nl ? nl : end) - s), s);
}

/* What Node prints on stderr when a throw kills the process (src/node_errors.cc
 * PrintException and TriggerUncaughtException, lib/internal/process/execution.js): where it
 * was thrown (FILE:LINE, the line, a caret under the column), then the error's stack, or the
 * value inspected with, from 12.16/13.1, a hint about --trace-uncaught; from 17, the Node
 * version.  Node's own frames (listOnTimeout, Module._compile, ...) are not in the stack: the
 * VM has only the program's. */
static const char *fatal_report(ls_engine *e, js_value error, bool from_promise)
{
    js_vm *vm = e->host.vm;
    const char *text = "";
    const char *file;
    uint32_t line, col;
    if (!from_promise && js_exception_site(vm, &file, &line, &col) &&
        strcmp(file, e->program->file) == 0) {
        const char *src = source_line(e, line);
        if (src)
            text = arena_printf(e->arena, "%s:%u\n%s\n%*s^\n", file, line, src,
                                (int)(col > 0 ? col - 1 : 0), "");
    }
    js_value stack;
    bool is_error = error.type == JS_TOBJECT && js_object_class(error) == 5 /* CLASS_ERROR */;
    if (is_error && js_get(vm, error, "stack", &stack) == JS_OK && stack.type == JS_TSTRING) {
        text = arena_printf(e->arena, "%s%s%s\n", text, *text ? "\n" : "",
                            js_string_chars(stack.u.string, NULL));
    } else {
        if (is_error)
            js_take_exception(vm);
        /* a string as it is, anything else inspected */
        text = arena_printf(e->arena, "%s%s\n", text,
                            error.type == JS_TSTRING ? js_string_chars(error.u.string, NULL)
                                                     : inspect_text(e, error));
        if (!from_promise && e->profile->process.trace_uncaught_hint)
            text = arena_printf(e->arena, "%s(Use `node --trace-uncaught ...` to show where the "
                                          "exception was thrown)\n", text);
    }
    if (e->profile->process.fatal_version_trailer)
        text = arena_printf(e->arena, "%s\nNode.js v%s\n", text, e->profile->first);
    return text;
}

/* process.emit('exit', code) as Node's fatal-exception path does it, then the process dies
 * with `message` (for loopsim's summaries) and `report` (what Node prints on stderr). */
static void die(ls_engine *e, int code, const char *message, const char *report)
{
    if (!e->exiting) {
        e->exiting = true;
        e->exit_code = code;
        js_value c = js_number(code);
        host_emit_process(e, "exit", &c, 1);
    }
    if (e->stop == STOP_NONE || e->stop == STOP_PROCESS_EXIT) {
        e->stop = STOP_FATAL;
        e->stop_message = message;
        e->fatal_report = report;
    }
}

void host_syntax_error(ls_engine *e, uint32_t line, uint32_t col, const char *message)
{
    const char *src = source_line(e, line);
    const char *report = arena_printf(e->arena, "%s:%u\n%s\n%*s^\n\nSyntaxError: %s\n",
                                      e->program->file, line, src ? src : "",
                                      (int)(col > 0 ? col - 1 : 0), "", message);
    e->stop = STOP_FATAL;
    e->exit_code = 1;
    e->stop_message = arena_printf(e->arena, "SyntaxError: %s", message);
    e->fatal_report = report;
}

/* A page does not die of a throw: Chromium reports it on the console ("Uncaught Error: boom",
 * "Uncaught (in promise) ...": HTML 8.1.4.6 "report an exception", "notify about rejected
 * promises") and the event loop goes on.  The console is the page's one output, so the line
 * goes where console.log's do, in order with them. */
static void browser_report(ls_engine *e, const char *what, js_value error)
{
    out_line(e, arena_printf(e->arena, "Uncaught %s%s", what, describe_thrown(e, error)));
}

void host_uncaught(ls_engine *e, js_value error, const char *origin)
{
    if (engine_stopped(e))
        return;
    if (e->profile->is_browser) {
        browser_report(e, strcmp(origin, "unhandledRejection") == 0 ? "(in promise) " : "", error);
        return;
    }
    if (host_listener_count(e, e->host.process, "uncaughtException") > 0) {
        /* process._fatalException emits it; a throw from a listener is fatal, exit code 7
         * (src/node_errors.cc TriggerUncaughtException: "the global uncaught exception
         * handler threw") */
        js_value args[2] = {error, js_new_cstring(e->host.vm, origin)}, emit, all[3], r;
        js_vm *vm = e->host.vm;
        if (js_get(vm, e->host.process, "emit", &emit) != JS_OK || !js_is_callable(emit))
            return;
        all[0] = js_new_cstring(vm, "uncaughtException");
        all[1] = args[0];
        all[2] = args[1];
        if (js_call(vm, emit, e->host.process, 3, all, &r) == JS_THROW) {
            js_value ex = js_take_exception(vm);
            if (!engine_stopped(e)) {
                /* no 'exit' event: the process ends at once (real Node 10.7.0 and 20.20.2
                 * print nothing from an 'exit' listener there) */
                e->exiting = true;
                e->exit_code = 7;
                die(e, 7, arena_printf(e->arena, "Uncaught %s (thrown by an uncaughtException "
                                       "listener)", describe_thrown(e, ex)),
                    fatal_report(e, ex, false));
            }
        }
        return;
    }
    const char *report = fatal_report(e, error, false);
    die(e, 1, arena_printf(e->arena, "Uncaught %s", describe_thrown(e, error)), report);
}

void host_unhandled_rejection(ls_engine *e, js_value promise)
{
    js_value reason;
    js_promise_state_of(promise, &reason);
    if (e->profile->is_browser) {
        browser_report(e, "(in promise) ", reason);
        return;
    }
    if (host_listener_count(e, e->host.process, "unhandledRejection") > 0) {
        js_value args[2] = {reason, promise};
        host_emit_process(e, "unhandledRejection", args, 2);
        return;
    }
    const char *what = describe_thrown(e, reason);
    if (e->profile->unhandled_rejections_throw) {
        /* triggerUncaughtException(new UnhandledPromiseRejection(reason), true) */
        if (host_listener_count(e, e->host.process, "uncaughtException") > 0) {
            js_value err = js_new_error(e->host.vm, "Error",
                                        arena_printf(e->arena, "This error originated either by "
                                                     "throwing inside of an async function without "
                                                     "a catch block, or by rejecting a promise "
                                                     "which was not handled with .catch(). The "
                                                     "promise rejected with the reason \"%s\".",
                                                     what));
            js_set(e->host.vm, err, "code", js_new_cstring(e->host.vm, "ERR_UNHANDLED_REJECTION"));
            js_value args[2] = {reason.type == JS_TOBJECT ? reason : err,
                                js_new_cstring(e->host.vm, "unhandledRejection")};
            host_emit_process(e, "uncaughtException", args, 2);
            return;
        }
        die(e, 1, arena_printf(e->arena, "Unhandled promise rejection: %s", what),
            fatal_report(e, reason, true));
    } else {
        out_warning(e, arena_printf(e->arena, "UnhandledPromiseRejectionWarning: %s", what));
    }
}

bool host_run_callback(ls_engine *e, js_origin origin, js_value fn, const js_value *args,
                       size_t nargs)
{
    return host_run_callback_this(e, origin, fn, js_undefined(), args, nargs);
}

bool host_run_callback_this(ls_engine *e, js_origin origin, js_value fn, js_value this_value,
                            const js_value *args, size_t nargs)
{
    if (!engine_count_callback(e))
        return false;
    out_begin(e, origin);
    engine_spend(e, e->costs.callback);
    js_value r;
    js_status st = js_call(e->host.vm, fn, this_value, (int)nargs, args, &r);
    bool ok = st == JS_OK;
    if (st == JS_THROW) {
        js_value ex = js_take_exception(e->host.vm);
        if (!engine_stopped(e))
            host_uncaught(e, ex, "uncaughtException");
    }
    out_end(e);
    js_gc_step(e->host.vm);
    return ok && !engine_stopped(e);
}

bool host_emit(ls_engine *e, js_value emitter, const char *event, const js_value *args,
               size_t nargs)
{
    js_vm *vm = e->host.vm;
    js_value emit;
    if (js_get(vm, emitter, "emit", &emit) != JS_OK || !js_is_callable(emit))
        return false;
    js_value *all = malloc((nargs + 1) * sizeof *all);
    if (!all)
        ls_out_of_memory(0);
    all[0] = js_new_cstring(vm, event);
    if (nargs)
        memcpy(all + 1, args, nargs * sizeof *args);
    js_value r;
    js_status st = js_call(vm, emit, emitter, (int)nargs + 1, all, &r);
    free(all);
    if (st == JS_THROW) {
        js_value ex = js_take_exception(vm);
        host_uncaught(e, ex, "uncaughtException");
        return true;
    }
    return st == JS_OK && js_to_boolean(r);
}

size_t host_listener_count(ls_engine *e, js_value emitter, const char *event)
{
    js_vm *vm = e->host.vm;
    js_value fn, r;
    if (emitter.type != JS_TOBJECT || js_get(vm, emitter, "listenerCount", &fn) != JS_OK ||
        !js_is_callable(fn))
        return 0;
    js_value name = js_new_cstring(vm, event);
    if (js_call(vm, fn, emitter, 1, &name, &r) != JS_OK) {
        js_take_exception(vm);
        return 0;
    }
    return r.type == JS_TNUMBER ? (size_t)r.u.number : 0;
}

bool host_emit_process(ls_engine *e, const char *event, const js_value *args, size_t nargs)
{
    if (host_listener_count(e, e->host.process, event) == 0)
        return false;
    return host_emit(e, e->host.process, event, args, nargs);
}

int host_exit_code(ls_engine *e)
{
    js_value c;
    if (js_get(e->host.vm, e->host.process, "exitCode", &c) != JS_OK || js_is_undefined(c))
        return 0;
    double d = 0;
    if (js_to_number(e->host.vm, c, &d) != JS_OK)
        js_take_exception(e->host.vm);
    return (int)d;
}

/* The main module's function with Node's CommonJS wrapper arguments; the main script's trace
 * record around it (StartExecution's InternalCallbackScope). */
static js_status module_rejected(const js_args *a, js_value *out)
{
    *out = js_undefined();
    host_uncaught(engine_of(a), js_arg(a, 0), "unhandledRejection");
    return JS_OK;
}

static void run_main_body(ls_engine *e, bool module, const js_program *js)
{
    js_vm *vm = e->host.vm;
    js_value fn = js_program_function(vm, js);
    js_value r;
    js_status st;
    if (!module) { /* a module's job has its record already (module_job) */
        ls_origin o = {"node", "main script", engine_next_seq(e)};
        engine_count_callback(e);
        out_begin(e, o);
    }
    if (module) {
        st = js_call(vm, fn, js_undefined(), 0, NULL, &r);
        /* the module's evaluation promise: a rejection (a throw in its body, before or after
         * a top-level await) is fatal, as the ES-module loader's catch makes it
         * (lib/internal/process/esm_loader.js @v12.22.12 loadESM, lib/internal/modules/run_main.js
         * @v20.20.2: triggerUncaughtException(err, true), "fromPromise") */
        if (st == JS_OK && js_is_promise(r)) {
            js_value on_rejected = js_new_native(vm, "", 1, module_rejected, e->host.link, 0);
            js_origin o = {"ES module", "loader", engine_next_seq(e)};
            js_promise_then(vm, r, js_undefined(), on_rejected, &o);
        }
    } else {
        js_value m = js_new_object(vm), exports = js_new_object(vm);
        e->host.module = m;
        e->host.exports = exports;
        js_set(vm, m, "exports", exports);
        js_value req = js_new_native(vm, "require", 1, g_require, e->host.link, 0);
        const char *dir = strrchr(e->program->file, '/');
        const char *dirname = dir ? arena_printf(e->arena, "%.*s", (int)(dir - e->program->file),
                                                 e->program->file)
                                  : ".";
        js_value args[5] = {exports, req, m, js_new_cstring(vm, e->program->file),
                            js_new_cstring(vm, dirname)};
        st = js_call(vm, fn, exports, 5, args, &r);
    }
    if (st == JS_THROW) {
        js_value ex = js_take_exception(vm);
        if (!engine_stopped(e))
            host_uncaught(e, ex, "uncaughtException");
    }
    if (!module)
        out_end(e);
}

void host_run_main(ls_engine *e)
{
    /* StartExecution runs the main module inside an InternalCallbackScope: the drain after it
     * is the first drain point (R1.2a). */
    tasks_scope_enter(e);
    run_main_body(e, false, e->program->js);
    tasks_scope_exit(e);
}

void host_run_main_as_script(ls_engine *e)
{
    tasks_scope_enter(e);
    run_main_body(e, false, e->program->script_js);
    tasks_scope_exit(e);
}

/* An ES module's body is evaluated inside the loader's promise chain: a microtask, so the
 * microtasks it queues run right after it, in the same checkpoint, before its ticks (R1.3). */
static void module_job(js_vm *vm, void *data, js_value arg)
{
    (void)vm;
    (void)arg;
    run_main_body(data, true, ((ls_engine *)data)->program->js); /* the job's trace record is the main script's */
}

void host_run_module(ls_engine *e, void *data)
{
    (void)data;
    js_origin o = {"ES module", "main script", engine_next_seq(e)};
    tasks_scope_enter(e);
    js_enqueue_native_job(e->host.vm, module_job, e, js_undefined(), &o);
    tasks_scope_exit(e);
}

/* require() in a page: there is none (Chromium: "ReferenceError: require is not defined") */
static js_status browser_require(const js_args *a, js_value *out)
{
    (void)out;
    host_refuse(engine_of(a), "require is Node's, not the browser's: Chromium throws "
                "\"ReferenceError: require is not defined\" (loopsim stops instead; run without "
                "--env browser for Node)");
    return JS_STOP;
}

void host_run_script(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value fn = js_program_function(vm, e->program->js);
    js_value r;
    js_status st;
    ls_origin o = {"script", "main script", engine_next_seq(e)};
    engine_count_callback(e);
    out_begin(e, o);
    if (e->program->esm) {
        /* a module script: its evaluation's promise rejects on a throw, which is reported */
        st = js_call(vm, fn, js_undefined(), 0, NULL, &r);
        if (st == JS_OK && js_is_promise(r)) {
            js_value on_rejected = js_new_native(vm, "", 1, module_rejected, e->host.link, 0);
            js_origin ro = {"script", "module evaluation", engine_next_seq(e)};
            js_promise_then(vm, r, js_undefined(), on_rejected, &ro);
        }
    } else {
        /* a classic script: `this` is the window; the CommonJS wrapper's parameters are there
         * (the program is compiled as Node's), but a page has none of them */
        js_value req = js_new_native(vm, "require", 1, browser_require, e->host.link, 0);
        js_value args[5] = {js_undefined(), req, js_undefined(), js_undefined(), js_undefined()};
        st = js_call(vm, fn, js_obj(js_global(vm)), 5, args, &r);
    }
    if (st == JS_THROW) {
        js_value ex = js_take_exception(vm);
        if (!engine_stopped(e))
            host_uncaught(e, ex, "uncaughtException");
    }
    out_end(e);
}

void host_fingerprint(ls_engine *e, ls_fp *fp)
{
    js_vm *vm = e->host.vm;
    js_fingerprint_vm(vm, fp);
    js_fingerprint_value(vm, fp, e->host.process);
    js_fingerprint_value(vm, fp, e->host.module);
    fp_bool(fp, e->host.used_random);
    fp_u64(fp, e->host.random_state);
    fp_u64(fp, (uint64_t)e->host.pending_write_len);
}
