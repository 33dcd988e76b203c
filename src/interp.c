/* interp.c - runs the scenario's functions; see interp.h. */
#include "interp.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "io.h"

/* ---- scopes --------------------------------------------------------------------------- */

static ls_env *env_new(ls_engine *e, ls_env *parent)
{
    ls_env *env = arena_alloc(e->arena, sizeof *env);
    env->parent = parent;
    return env;
}

static ls_value *env_slot_here(ls_env *env, const char *name)
{
    for (size_t i = 0; i < env->len; i++)
        if (strcmp(env->names[i], name) == 0)
            return &env->values[i];
    return NULL;
}

static ls_value *env_lookup(ls_env *env, const char *name)
{
    for (; env; env = env->parent) {
        ls_value *v = env_slot_here(env, name);
        if (v)
            return v;
    }
    return NULL;
}

static void env_define(ls_engine *e, ls_env *env, const char *name, ls_value value)
{
    ls_value *slot = env_slot_here(env, name);
    if (slot) {
        *slot = value;
        return;
    }
    if (env->len == env->cap) {
        size_t cap = env->cap ? env->cap * 2 : 4;
        env->names = arena_grow(e->arena, env->names, env->len, cap, sizeof *env->names);
        env->values = arena_grow(e->arena, env->values, env->len, cap, sizeof *env->values);
        env->cap = cap;
    }
    env->names[env->len] = name;
    env->values[env->len] = value;
    env->len++;
}

/* ---- errors ----------------------------------------------------------------------------- */

void interp_error(ls_engine *e, const char *path, const char *fmt, ...)
{
    if (engine_stopped(e))
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    e->stop = STOP_BAD_INPUT;
    e->stop_message = arena_printf(e->arena, "%s: %s: error: %s", e->program->file,
                                   path ? path : "$", msg);
}

static ls_completion normal(ls_value v)
{
    ls_completion c = {C_NORMAL, v};
    return c;
}

static ls_completion thrown(ls_value v)
{
    ls_completion c = {C_THROW, v};
    return c;
}

/* The run stopped (a limit, process.exit, a fatal error): unwind without running more. */
static ls_completion unwind(void)
{
    ls_completion c = {C_THROW, {.kind = LV_UNDEFINED}};
    return c;
}

/* ---- values as console.log prints them (util.format / util.inspect) -------------------- */

static const char *value_kind_name(ls_value v)
{
    switch (v.kind) {
    case LV_UNDEFINED: return "undefined";
    case LV_NULL: return "null";
    case LV_BOOL: return "a boolean";
    case LV_NUMBER: return "a number";
    case LV_STRING: return "a string";
    case LV_ARRAY: return "an array";
    case LV_FUNCTION: return "a function";
    case LV_PROMISE: return "a promise";
    case LV_THENABLE: return "a thenable object";
    case LV_TIMEOUT: return "a Timeout object";
    case LV_IMMEDIATE: return "an Immediate object";
    case LV_EMITTER: return "an EventEmitter";
    }
    return "a value";
}

typedef struct {
    char *buf;
    size_t len, cap;
    ls_arena *arena;
} strbuf;

static void sb_putn(strbuf *sb, const char *s, size_t n)
{
    if (sb->len + n + 1 > sb->cap) {
        size_t cap = (sb->len + n + 1) * 2;
        sb->buf = arena_grow(sb->arena, sb->buf, sb->len, cap, 1);
        sb->cap = cap;
    }
    memcpy(sb->buf + sb->len, s, n);
    sb->len += n;
    sb->buf[sb->len] = '\0';
}

static void sb_puts(strbuf *sb, const char *s)
{
    sb_putn(sb, s, strlen(s));
}

/* util.inspect's quoting: single quotes unless the string has some and no double quotes. */
static void sb_quoted(strbuf *sb, const char *s)
{
    bool has_single = strchr(s, '\'') != NULL, has_double = strchr(s, '"') != NULL;
    char q = '\'';
    if (has_single && !has_double)
        q = '"';
    else if (has_single && has_double && !strchr(s, '`'))
        q = '`';
    sb_putn(sb, &q, 1);
    for (const char *p = s; *p; p++) {
        unsigned char ch = (unsigned char)*p;
        char esc[8];
        if (ch == (unsigned char)q || ch == '\\') {
            esc[0] = '\\';
            esc[1] = (char)ch;
            sb_putn(sb, esc, 2);
        } else if (ch == '\n') {
            sb_puts(sb, "\\n");
        } else if (ch == '\t') {
            sb_puts(sb, "\\t");
        } else if (ch == '\r') {
            sb_puts(sb, "\\r");
        } else if (ch < 0x20 || ch == 0x7f) {
            snprintf(esc, sizeof esc, "\\x%02X", ch);
            sb_puts(sb, esc);
        } else {
            sb_putn(sb, p, 1);
        }
    }
    sb_putn(sb, &q, 1);
}

static bool format_value(ls_engine *e, strbuf *sb, ls_value v, bool top, const char *path);

static bool format_promise(ls_engine *e, strbuf *sb, const ls_promise *p, const char *path)
{
    sb_puts(sb, "Promise { ");
    if (p->state == PS_PENDING) {
        sb_puts(sb, "<pending>");
    } else {
        if (p->state == PS_REJECTED)
            sb_puts(sb, "<rejected> ");
        if (!format_value(e, sb, p->result, false, path))
            return false;
    }
    sb_puts(sb, " }");
    return true;
}

static bool format_value(ls_engine *e, strbuf *sb, ls_value v, bool top, const char *path)
{
    char num[40];
    switch (v.kind) {
    case LV_UNDEFINED:
        sb_puts(sb, "undefined");
        return true;
    case LV_NULL:
        sb_puts(sb, "null");
        return true;
    case LV_BOOL:
        sb_puts(sb, v.as.boolean ? "true" : "false");
        return true;
    case LV_NUMBER:
        out_format_number(v.as.number, num, sizeof num);
        if (v.as.number == 0 && signbit(v.as.number))
            strcpy(num, "-0"); /* inspect shows -0 */
        sb_puts(sb, num);
        return true;
    case LV_STRING:
        if (top)
            sb_puts(sb, v.as.string);
        else
            sb_quoted(sb, v.as.string);
        return true;
    case LV_ARRAY: {
        const ls_array *a = v.as.array;
        if (a->len == 0) {
            sb_puts(sb, "[]");
            return true;
        }
        size_t start = sb->len;
        sb_puts(sb, "[ ");
        for (size_t i = 0; i < a->len; i++) {
            if (i)
                sb_puts(sb, ", ");
            if (!format_value(e, sb, a->items[i], false, path))
                return false;
        }
        sb_puts(sb, " ]");
        if (a->len > 6 || sb->len - start > 72) {
            /* util.inspect would break the line or group the items; not modelled. */
            interp_error(e, path, "cannot print an array this long the way Node would "
                                  "(more than 6 items or 72 characters)");
            return false;
        }
        return true;
    }
    case LV_PROMISE:
        return format_promise(e, sb, v.as.promise, path);
    case LV_FUNCTION: {
        const ls_function *f = v.as.function;
        if (f->kind != FN_USER) {
            sb_puts(sb, "[Function (anonymous)]");
            return true;
        }
        sb_puts(sb, f->def->is_async ? "[AsyncFunction" : "[Function");
        if (f->def->name) {
            sb_puts(sb, ": ");
            sb_puts(sb, f->def->name);
        } else {
            sb_puts(sb, " (anonymous)");
        }
        sb_puts(sb, "]");
        return true;
    }
    default:
        interp_error(e, path, "cannot print %s: console.log of it is not modelled",
                     value_kind_name(v));
        return false;
    }
}

/* ---- labels ------------------------------------------------------------------------------ */

const char *interp_label(ls_value fn)
{
    if (fn.kind == LV_FUNCTION) {
        const ls_function *f = fn.as.function;
        switch (f->kind) {
        case FN_USER: return f->def->label;
        case FN_RESOLVE: return "resolve";
        case FN_REJECT: return "reject";
        case FN_NATIVE: return f->name;
        }
    }
    return "(not a function)";
}

static ls_origin origin_of(ls_engine *e, const char *api, ls_value fn)
{
    ls_origin o = {api, interp_label(fn), engine_next_seq(e)};
    return o;
}

/* ---- frames: statement cursors, so that async functions can stop at an await ---------- */

typedef struct {
    const ls_block *block;
    size_t index;
} cursor;

typedef struct frame {
    const ls_func *def;
    ls_env *env;
    cursor *stack;
    size_t depth, cap;
    ls_promise *promise;      /* async functions: the promise the call returned */
    const char *await_bind;   /* the `as` of the await we are suspended at */
} frame;

static void frame_push(ls_engine *e, frame *f, const ls_block *block)
{
    if (block->len == 0)
        return;
    if (f->depth == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 4;
        f->stack = arena_grow(e->arena, f->stack, f->depth, cap, sizeof *f->stack);
        f->cap = cap;
    }
    f->stack[f->depth].block = block;
    f->stack[f->depth].index = 0;
    f->depth++;
}

static ls_completion eval(ls_engine *e, const ls_node *n, ls_env *env);

static bool strict_equals(ls_value a, ls_value b)
{
    if (a.kind != b.kind)
        return false;
    switch (a.kind) {
    case LV_UNDEFINED:
    case LV_NULL:
        return true;
    case LV_BOOL:
        return a.as.boolean == b.as.boolean;
    case LV_NUMBER:
        return a.as.number == b.as.number;
    case LV_STRING:
        return strcmp(a.as.string, b.as.string) == 0;
    default:
        return a.as.promise == b.as.promise; /* same object */
    }
}

/* Runs a frame until it returns, throws, ends or (async only) awaits. */
static ls_completion run_frame(ls_engine *e, frame *f)
{
    while (f->depth > 0) {
        if (engine_stopped(e))
            return unwind();
        cursor *cur = &f->stack[f->depth - 1];
        if (cur->index >= cur->block->len) {
            f->depth--;
            continue;
        }
        const ls_node *n = cur->block->items[cur->index++];
        switch (n->kind) {
        case LS_N_IF: {
            ls_completion a = eval(e, n->a, f->env);
            if (a.kind != C_NORMAL)
                return a;
            ls_completion b = eval(e, n->b, f->env);
            if (b.kind != C_NORMAL)
                return b;
            bool yes;
            if (n->cond == LS_COND_EQUALS) {
                yes = strict_equals(a.value, b.value);
            } else {
                if (a.value.kind != LV_NUMBER || b.value.kind != LV_NUMBER) {
                    interp_error(e, n->path, "\"less\" compares numbers; found %s and %s",
                                 value_kind_name(a.value), value_kind_name(b.value));
                    return unwind();
                }
                yes = a.value.as.number < b.value.as.number;
            }
            frame_push(e, f, yes ? &n->then_block : &n->else_block);
            break;
        }
        case LS_N_RETURN: {
            ls_completion c = n->a ? eval(e, n->a, f->env) : normal(value_undefined());
            if (c.kind == C_NORMAL)
                c.kind = C_RETURN;
            return c;
        }
        case LS_N_AWAIT: {
            ls_completion c = eval(e, n->a, f->env);
            if (c.kind != C_NORMAL)
                return c;
            if (!f->promise) {
                interp_error(e, n->path, "await outside an async function");
                return unwind();
            }
            engine_spend(e, e->costs.api_call);
            f->await_bind = n->bind;
            ls_origin o = {"await", f->def->label, engine_next_seq(e)};
            promise_await(e, f, c.value, o);
            ls_completion s = {C_SUSPEND, {.kind = LV_UNDEFINED}};
            return s;
        }
        default: {
            ls_completion c = eval(e, n, f->env);
            if (c.kind != C_NORMAL)
                return c;
            if (n->bind && n->kind != LS_N_LET)
                env_define(e, f->env, n->bind, c.value);
            break;
        }
        }
    }
    return normal(value_undefined());
}

/* The end of an async function's run (to its end, a return, or a throw): settles its promise.
 * V8 AsyncFunctionResolve/AsyncFunctionReject: ResolvePromise / RejectPromise. */
static void settle_async(ls_engine *e, frame *f, ls_completion c)
{
    if (engine_stopped(e))
        return;
    if (c.kind == C_THROW)
        promise_reject(e, f->promise, c.value);
    else
        promise_resolve(e, f->promise, c.value);
}

void interp_resume(ls_engine *e, void *opaque, ls_value value, bool threw)
{
    frame *f = opaque;
    if (!engine_count_callback(e))
        return;
    ls_origin o = {"await", f->def->label, engine_next_seq(e)};
    out_begin(e, o);
    engine_spend(e, e->costs.callback);
    ls_completion c;
    if (threw) {
        c = thrown(value); /* the await expression throws; nothing catches it in our language */
    } else {
        if (f->await_bind)
            env_define(e, f->env, f->await_bind, value);
        f->await_bind = NULL;
        c = run_frame(e, f);
    }
    if (c.kind != C_SUSPEND)
        settle_async(e, f, c);
    out_end(e);
}

static ls_completion call_user(ls_engine *e, const ls_function *fn, const ls_value *args,
                               size_t nargs)
{
    const ls_func *def = fn->def;
    if (++e->call_depth > 10000) {
        e->call_depth--;
        interp_error(e, def->path, "Maximum call stack size exceeded (calls nested 10000 deep)");
        return unwind();
    }
    frame *f = arena_alloc(e->arena, sizeof *f);
    f->def = def;
    f->env = env_new(e, fn->scope);
    for (size_t i = 0; i < def->nparams; i++)
        env_define(e, f->env, def->params[i], i < nargs ? args[i] : value_undefined());
    frame_push(e, f, &def->body);
    ls_completion c;
    if (def->is_async) {
        f->promise = promise_new(e);
        ls_completion r = run_frame(e, f);
        if (r.kind != C_SUSPEND)
            settle_async(e, f, r);
        c = engine_stopped(e) ? unwind() : normal(value_promise(f->promise));
    } else {
        c = run_frame(e, f);
        if (c.kind == C_RETURN)
            c.kind = C_NORMAL;
    }
    e->call_depth--;
    return c;
}

ls_completion interp_call(ls_engine *e, ls_value fnv, const ls_value *args, size_t nargs)
{
    if (engine_stopped(e))
        return unwind();
    if (fnv.kind != LV_FUNCTION)
        return thrown(value_string("TypeError: not a function"));
    ls_function *fn = fnv.as.function;
    ls_value arg = nargs ? args[0] : value_undefined();
    switch (fn->kind) {
    case FN_USER:
        return call_user(e, fn, args, nargs);
    case FN_RESOLVE:
    case FN_REJECT:
        engine_spend(e, e->costs.api_call);
        if (!*fn->already_resolved) {
            *fn->already_resolved = true;
            if (fn->kind == FN_RESOLVE)
                promise_resolve(e, fn->promise, arg);
            else
                promise_reject(e, fn->promise, arg);
        }
        return normal(value_undefined());
    case FN_NATIVE:
        fn->native(e, fn->data);
        return engine_stopped(e) ? unwind() : normal(value_undefined());
    }
    return normal(value_undefined());
}

/* ---- callbacks from queues and the loop -------------------------------------------------- */

bool interp_run_callback(ls_engine *e, ls_origin origin, ls_value fn, const ls_value *args,
                         size_t nargs)
{
    if (!engine_count_callback(e))
        return false;
    out_begin(e, origin);
    engine_spend(e, e->costs.callback);
    ls_completion c = interp_call(e, fn, args, nargs);
    bool ok = c.kind != C_THROW;
    if (c.kind == C_THROW && !engine_stopped(e))
        interp_uncaught(e, c.value, "uncaughtException");
    out_end(e);
    return ok && !engine_stopped(e);
}

/* process.emit('exit', code) as Node's fatal-exception path does it, then the process dies. */
static void die(ls_engine *e, int code, const char *message)
{
    if (!e->exiting) {
        e->exiting = true;
        e->exit_code = code;
        ls_value c = value_number(code);
        interp_emit_process(e, "exit", &c, 1);
    }
    if (e->stop == STOP_NONE) {
        e->stop = STOP_FATAL;
        e->stop_message = message;
    }
}

static char *describe_thrown(ls_engine *e, ls_value v)
{
    strbuf sb = {.arena = e->arena};
    ls_stop saved = e->stop;
    if (v.kind == LV_STRING || v.kind == LV_NUMBER || v.kind == LV_BOOL || v.kind == LV_NULL ||
        v.kind == LV_UNDEFINED || v.kind == LV_ARRAY) {
        format_value(e, &sb, v, false, NULL);
    } else {
        sb_puts(&sb, value_kind_name(v));
    }
    e->stop = saved;
    return sb.buf ? sb.buf : arena_strdup(e->arena, "?");
}

void interp_uncaught(ls_engine *e, ls_value error, const char *origin)
{
    if (engine_stopped(e))
        return;
    ls_value args[2] = {error, value_string(origin)};
    if (emitter_listener_count(e->process, "uncaughtException") > 0) {
        emitter_emit(e, e->process, "uncaughtException", args, 2, NULL);
        return;
    }
    const char *what = describe_thrown(e, error);
    die(e, 1, arena_printf(e->arena, "Uncaught %s", what));
}

void interp_unhandled_rejection(ls_engine *e, ls_promise *p)
{
    ls_value args[2] = {p->result, value_promise(p)};
    if (emitter_listener_count(e->process, "unhandledRejection") > 0) {
        emitter_emit(e, e->process, "unhandledRejection", args, 2, NULL);
        return;
    }
    const char *what = describe_thrown(e, p->result);
    if (e->profile->unhandled_rejections_throw) {
        /* triggerUncaughtException(new UnhandledPromiseRejection(reason), true) */
        if (emitter_listener_count(e->process, "uncaughtException") > 0) {
            ls_value err = value_string(arena_printf(
                e->arena, "UnhandledPromiseRejection: The promise rejected with the reason %s.", what));
            ls_value uargs[2] = {err, value_string("unhandledRejection")};
            emitter_emit(e, e->process, "uncaughtException", uargs, 2, NULL);
            return;
        }
        die(e, 1, arena_printf(e->arena, "Unhandled promise rejection: %s", what));
    } else {
        out_warning(e, arena_printf(e->arena, "UnhandledPromiseRejectionWarning: %s", what));
    }
}

bool interp_emit_process(ls_engine *e, const char *event, const ls_value *args, size_t nargs)
{
    if (emitter_listener_count(e->process, event) == 0)
        return false;
    return emitter_emit(e, e->process, event, args, nargs, NULL);
}

/* ---- emitters ---------------------------------------------------------------------------- */

size_t emitter_listener_count(const ls_emitter *em, const char *event)
{
    size_t n = 0;
    for (size_t i = 0; i < em->nlisteners; i++)
        if (strcmp(em->listeners[i].event, event) == 0)
            n++;
    return n;
}

void emitter_on(ls_engine *e, ls_emitter *em, const char *event, ls_value fn, bool once)
{
    if (em->nlisteners == em->cap) {
        size_t cap = em->cap ? em->cap * 2 : 4;
        em->listeners = arena_grow(e->arena, em->listeners, em->nlisteners, cap,
                                   sizeof *em->listeners);
        em->cap = cap;
    }
    ls_listener *l = &em->listeners[em->nlisteners++];
    l->event = event;
    l->fn = fn;
    l->once = once;
    l->removed = false;
}

/* EventEmitter.prototype.emit: the listeners registered now, synchronously, in order.  A
 * listener that throws makes emit throw (returned in *thrown, else uncaught). */
bool emitter_emit(ls_engine *e, ls_emitter *em, const char *event, const ls_value *args,
                  size_t nargs, ls_completion *thrown_out)
{
    size_t n = em->nlisteners;
    ls_listener *snapshot = arena_grow(e->arena, em->listeners, n, n ? n : 1, sizeof *snapshot);
    bool any = false;
    for (size_t i = 0; i < n && !engine_stopped(e); i++) {
        if (strcmp(snapshot[i].event, event) != 0 || em->listeners[i].removed)
            continue;
        if (snapshot[i].once)
            em->listeners[i].removed = true;
        any = true;
        ls_completion c = interp_call(e, snapshot[i].fn, args, nargs);
        if (c.kind == C_THROW && !engine_stopped(e)) {
            if (thrown_out) {
                *thrown_out = c;
                return true;
            }
            interp_uncaught(e, c.value, "uncaughtException");
        }
    }
    /* drop removed once-listeners */
    size_t w = 0;
    for (size_t i = 0; i < em->nlisteners; i++)
        if (!em->listeners[i].removed)
            em->listeners[w++] = em->listeners[i];
    em->nlisteners = w;
    return any;
}

/* ---- expressions -------------------------------------------------------------------------- */

static ls_value literal_value(const ls_lit *lit)
{
    ls_value v = {.kind = LV_UNDEFINED};
    switch (lit->kind) {
    case LS_LIT_UNDEFINED:
        break;
    case LS_LIT_NULL:
        v.kind = LV_NULL;
        break;
    case LS_LIT_BOOL:
        v.kind = LV_BOOL;
        v.as.boolean = lit->boolean;
        break;
    case LS_LIT_NUMBER:
        v.kind = LV_NUMBER;
        v.as.number = lit->number;
        break;
    case LS_LIT_STRING:
        v.kind = LV_STRING;
        v.as.string = lit->string;
        break;
    case LS_LIT_ARRAY:
        v.kind = LV_UNDEFINED; /* arrays only appear as delays, read by timers_coerce_delay */
        break;
    }
    return v;
}

/* Evaluates n->args into a fresh array; false (and *c set) if one throws. */
static bool eval_args(ls_engine *e, const ls_node *n, ls_env *env, ls_value **out,
                      ls_completion *c)
{
    *out = n->nargs ? arena_alloc(e->arena, n->nargs * sizeof **out) : NULL;
    for (size_t i = 0; i < n->nargs; i++) {
        *c = eval(e, n->args[i], env);
        if (c->kind != C_NORMAL)
            return false;
        (*out)[i] = c->value;
    }
    return true;
}

/* A value the scenario must have given as an object of one kind. */
static bool expect_kind(ls_engine *e, const ls_node *n, ls_value v, ls_value_kind kind,
                        const char *what)
{
    if (v.kind == kind)
        return true;
    interp_error(e, n->path, "expected %s, found %s", what, value_kind_name(v));
    return false;
}

/* Node validates callbacks (validateFunction) and throws ERR_INVALID_ARG_TYPE; a scenario that
 * passes a non-function where one is needed is refused instead. */
static bool require_function(ls_engine *e, const ls_node *n, ls_value v, const char *what)
{
    if (value_is_callable(v))
        return true;
    interp_error(e, n->path, "%s%s must be a function, found %s", what,
                 strcmp(what, "the callback of ") == 0 ? ls_kind_name(n->kind) : "",
                 value_kind_name(v));
    return false;
}

static ls_emitter *new_emitter(ls_engine *e, ls_emitter_kind kind, const char *label)
{
    ls_emitter *em = arena_alloc(e->arena, sizeof *em);
    em->kind = kind;
    em->label = label;
    return em;
}

static ls_completion eval(ls_engine *e, const ls_node *n, ls_env *env)
{
    if (engine_stopped(e))
        return unwind();
    ls_completion c = normal(value_undefined());
    ls_value a = value_undefined(), cb = value_undefined(), cb2 = value_undefined();
    ls_value *args = NULL;

    /* Operands first, left to right, as JavaScript evaluates a call's receiver and arguments. */
    if (n->kind != LS_N_FUNCTION && n->kind != LS_N_THENABLE && n->kind != LS_N_IF) {
        if (n->a) {
            c = eval(e, n->a, env);
            if (c.kind != C_NORMAL)
                return c;
            a = c.value;
        }
        if (n->cb) {
            c = eval(e, n->cb, env);
            if (c.kind != C_NORMAL)
                return c;
            cb = c.value;
        }
        if (n->cb2) {
            c = eval(e, n->cb2, env);
            if (c.kind != C_NORMAL)
                return c;
            cb2 = c.value;
        }
        if (!eval_args(e, n, env, &args, &c))
            return c;
        c = normal(value_undefined());
    }

    switch (n->kind) {
    case LS_N_LITERAL:
        return normal(literal_value(&n->lit));
    case LS_N_VAR: {
        ls_value *slot = env_lookup(env, n->name);
        if (!slot) {
            /* The loader checks names statically; a binding not made yet (its `as` has not
             * run) reads as a ReferenceError would. */
            return thrown(value_string(arena_printf(
                e->arena, "ReferenceError: Cannot access '%s' before initialization", n->name)));
        }
        return normal(*slot);
    }
    case LS_N_FUNCTION:
    case LS_N_THENABLE: {
        ls_function *f = arena_alloc(e->arena, sizeof *f);
        f->kind = FN_USER;
        f->def = n->fn;
        f->scope = env;
        if (n->kind == LS_N_FUNCTION)
            return normal(value_function(f));
        ls_value v = {.kind = LV_THENABLE, .as.thenable = f};
        return normal(v);
    }
    case LS_N_LOG: {
        strbuf sb = {.arena = e->arena};
        sb_puts(&sb, "");
        for (size_t i = 0; i < n->nargs; i++) {
            if (i)
                sb_puts(&sb, " ");
            if (!format_value(e, &sb, args[i], true, n->path))
                return unwind();
        }
        engine_spend(e, e->printed_once ? e->costs.log : e->costs.first_log);
        e->printed_once = true;
        out_line(e, sb.buf);
        return c;
    }
    case LS_N_CALL: {
        ls_value *slot = env_lookup(env, n->name);
        if (!slot || !value_is_callable(*slot)) {
            if (!slot)
                return thrown(value_string(arena_printf(
                    e->arena, "ReferenceError: %s is not defined", n->name)));
            interp_error(e, n->path, "\"%s\" is %s, not a function", n->name,
                         value_kind_name(*slot));
            return unwind();
        }
        return interp_call(e, *slot, args, n->nargs);
    }
    case LS_N_LET:
    case LS_N_SET: {
        c = n->a ? normal(a) : normal(value_undefined());
        if (n->kind == LS_N_LET) {
            env_define(e, env, n->name, c.value);
        } else {
            ls_value *slot = env_lookup(env, n->name);
            if (!slot)
                return thrown(value_string(arena_printf(
                    e->arena, "ReferenceError: %s is not defined", n->name)));
            *slot = c.value;
        }
        return normal(value_undefined());
    }
    case LS_N_INCREMENT: {
        ls_value *slot = env_lookup(env, n->name);
        if (!slot || slot->kind != LV_NUMBER) {
            interp_error(e, n->path, "\"%s\" must hold a number to be incremented", n->name);
            return unwind();
        }
        ls_value old = *slot;
        slot->as.number += 1;
        return normal(old);
    }
    case LS_N_IF:
    case LS_N_RETURN:
    case LS_N_AWAIT:
        interp_error(e, n->path, "%s is a statement: it cannot be used as a value",
                     ls_kind_name(n->kind));
        return unwind();
    case LS_N_THROW:
        engine_spend(e, e->costs.api_call);
        return thrown(a);
    case LS_N_BUSY:
        engine_spend_exact(e, n->number);
        return c;

    case LS_N_SET_TIMEOUT:
    case LS_N_SET_INTERVAL: {
        if (!require_function(e, n, cb, "the callback of "))
            return unwind();
        engine_spend(e, e->costs.api_call);
        bool repeat = n->kind == LS_N_SET_INTERVAL;
        double delay = timers_coerce_delay(&n->lit, n->has_delay);
        ls_origin o = origin_of(e, repeat ? "setInterval" : "setTimeout", cb);
        ls_timer *t = timers_create(e, cb, args, n->nargs, delay, repeat, o);
        if (e->out.recording && e->out.queued) {
            char d[40];
            out_format_number(delay, d, sizeof d);
            out_queued(e, o.api, arena_printf(e->arena, "%s, %s ms, start %llu", o.label, d,
                                              (unsigned long long)t->idle_start));
        }
        if (n->unref)
            timers_unref(e, t);
        ls_value v = {.kind = LV_TIMEOUT, .as.timer = t};
        return normal(v);
    }
    case LS_N_SET_IMMEDIATE: {
        if (!require_function(e, n, cb, "the callback of "))
            return unwind();
        engine_spend(e, e->costs.api_call);
        ls_origin o = origin_of(e, "setImmediate", cb);
        ls_immediate *im = immediates_create(e, cb, args, n->nargs, o);
        out_queued(e, o.api, o.label);
        if (n->unref)
            immediates_unref(e, im);
        ls_value v = {.kind = LV_IMMEDIATE, .as.immediate = im};
        return normal(v);
    }
    case LS_N_CLEAR_TIMEOUT:
    case LS_N_CLEAR_INTERVAL:
        engine_spend(e, e->costs.api_call);
        if (a.kind == LV_TIMEOUT)
            timers_clear(e, a.as.timer);
        else if (a.kind != LV_UNDEFINED && a.kind != LV_NULL)
            return expect_kind(e, n, a, LV_TIMEOUT, "a Timeout (what setTimeout returned)")
                       ? c : unwind();
        return c;
    case LS_N_CLEAR_IMMEDIATE:
        engine_spend(e, e->costs.api_call);
        if (a.kind == LV_IMMEDIATE)
            immediates_clear(e, a.as.immediate);
        else if (a.kind != LV_UNDEFINED && a.kind != LV_NULL)
            return expect_kind(e, n, a, LV_IMMEDIATE, "an Immediate (what setImmediate returned)")
                       ? c : unwind();
        return c;
    case LS_N_UNREF:
    case LS_N_REF:
    case LS_N_REFRESH:
        engine_spend(e, e->costs.api_call);
        if (a.kind == LV_TIMEOUT) {
            if (n->kind == LS_N_UNREF)
                timers_unref(e, a.as.timer);
            else if (n->kind == LS_N_REF)
                timers_ref(e, a.as.timer);
            else
                timers_refresh(e, a.as.timer);
        } else if (a.kind == LV_IMMEDIATE && n->kind != LS_N_REFRESH) {
            if (n->kind == LS_N_UNREF)
                immediates_unref(e, a.as.immediate);
            else
                immediates_ref(e, a.as.immediate);
        } else if (a.kind == LV_EMITTER && a.as.emitter->kind != EM_EMITTER &&
                   n->kind != LS_N_REFRESH) {
            io_handle_ref(e, a.as.emitter, n->kind == LS_N_REF);
        } else {
            interp_error(e, n->path, "%s() needs a Timeout%s, found %s", ls_kind_name(n->kind),
                         n->kind == LS_N_REFRESH ? "" : ", an Immediate or a socket",
                         value_kind_name(a));
            return unwind();
        }
        return normal(a);

    case LS_N_NEXT_TICK:
        if (!require_function(e, n, cb, "the callback of "))
            return unwind();
        engine_spend(e, e->costs.api_call);
        tasks_next_tick(e, cb, args, n->nargs, origin_of(e, "process.nextTick", cb));
        return c;
    case LS_N_QUEUE_MICROTASK: {
        if (!e->profile->has_queue_microtask) /* Node 10 has no such global */
            return thrown(value_string("ReferenceError: queueMicrotask is not defined"));
        if (!require_function(e, n, cb, "the callback of "))
            return unwind();
        engine_spend(e, e->costs.api_call);
        ls_job *job = arena_alloc(e->arena, sizeof *job);
        job->kind = JOB_CALLBACK;
        job->callback = cb;
        job->origin = origin_of(e, "queueMicrotask", cb);
        tasks_enqueue_job(e, job);
        return c;
    }

    case LS_N_NEW_PROMISE: {
        if (!require_function(e, n, cb, "the executor of new Promise"))
            return unwind();
        engine_spend(e, e->costs.api_call);
        ls_promise *p = promise_new(e);
        ls_value fns[2];
        promise_resolving_functions(e, p, &fns[0], &fns[1]);
        ls_completion r = interp_call(e, cb, fns, 2);
        if (engine_stopped(e))
            return unwind();
        if (r.kind == C_THROW) /* the executor threw: reject, unless already resolved */
            interp_call(e, fns[1], &r.value, 1);
        return normal(value_promise(p));
    }
    case LS_N_PROMISE_RESOLVE:
        engine_spend(e, e->costs.api_call);
        return normal(value_promise(promise_resolve_static(e, a)));
    case LS_N_PROMISE_REJECT: {
        engine_spend(e, e->costs.api_call);
        ls_promise *p = promise_new(e);
        promise_reject(e, p, a);
        return normal(value_promise(p));
    }
    case LS_N_PROMISE_ALL:
    case LS_N_PROMISE_RACE: {
        engine_spend(e, e->costs.api_call);
        ls_origin o = {n->kind == LS_N_PROMISE_ALL ? "Promise.all" : "Promise.race",
                       n->kind == LS_N_PROMISE_ALL ? "resolveElement" : "resolve",
                       engine_next_seq(e)};
        ls_promise *p = n->kind == LS_N_PROMISE_ALL ? promise_all(e, args, n->nargs, o)
                                                    : promise_race(e, args, n->nargs, o);
        return normal(value_promise(p));
    }
    case LS_N_THEN:
    case LS_N_CATCH:
    case LS_N_FINALLY: {
        if (a.kind != LV_PROMISE) {
            interp_error(e, n->path, "%s() is called on %s, which is not a promise",
                         ls_kind_name(n->kind), value_kind_name(a));
            return unwind();
        }
        engine_spend(e, e->costs.api_call);
        if (n->kind == LS_N_FINALLY) {
            ls_origin o = origin_of(e, "finally", cb);
            return normal(value_promise(promise_finally(e, a.as.promise, cb, o)));
        }
        ls_handler f = {n->cb ? H_FUNCTION : H_EMPTY, cb, NULL, 0};
        ls_handler r = {n->cb2 ? H_FUNCTION : H_EMPTY, cb2, NULL, 0};
        ls_value shown = cb;
        if (n->kind == LS_N_CATCH) { /* catch(f) is then(undefined, f) */
            r = f;
            f.kind = H_EMPTY;
        } else if (!n->cb && n->cb2) {
            shown = cb2;
        }
        ls_origin o = origin_of(e, ls_kind_name(n->kind), shown);
        if (!value_is_callable(shown))
            o.label = "(pass-through)";
        return normal(value_promise(promise_then(e, a.as.promise, f, r, true, o)));
    }

    case LS_N_FS: {
        if (!require_function(e, n, cb, "the callback of "))
            return unwind();
        engine_spend(e, e->costs.api_call);
        int trips = n->fs_trips > 0 ? n->fs_trips
                    : n->fs_op == LS_FS_READ_FILE ? LS_READFILE_TRIPS : 1;
        ls_cost latency = n->fs_latency_ms >= 0 ? cost_point(n->fs_latency_ms) : e->costs.io_latency;
        const char *api = n->fs_op == LS_FS_READ_FILE ? "fs.readFile" : "fs.stat";
        io_fs_start(e, api, cb, trips, latency, origin_of(e, api, cb));
        return c;
    }

    case LS_N_NEW_EMITTER:
        engine_spend(e, e->costs.api_call);
        return normal((ls_value){.kind = LV_EMITTER,
                                 .as.emitter = new_emitter(e, EM_EMITTER, n->bind)});
    case LS_N_ON: {
        ls_emitter *em = e->process;
        if (n->a) {
            if (!expect_kind(e, n, a, LV_EMITTER, "an EventEmitter"))
                return unwind();
            em = a.as.emitter;
        }
        if (!require_function(e, n, cb, "a listener"))
            return unwind();
        engine_spend(e, e->costs.api_call);
        emitter_on(e, em, n->name, cb, false);
        return normal(n->a ? a : value_undefined());
    }
    case LS_N_EMIT: {
        if (!expect_kind(e, n, a, LV_EMITTER, "an EventEmitter"))
            return unwind();
        engine_spend(e, e->costs.api_call);
        ls_completion t = normal(value_undefined());
        bool any = emitter_emit(e, a.as.emitter, n->name, args, n->nargs, &t);
        if (t.kind == C_THROW)
            return t;
        return normal((ls_value){.kind = LV_BOOL, .as.boolean = any});
    }
    case LS_N_PROCESS_EXIT: {
        engine_spend(e, e->costs.api_call);
        int code = a.kind == LV_NUMBER ? (int)a.as.number : e->exit_code;
        /* process.exit: process._exiting = true; emit('exit', code); then the process ends. */
        if (!e->exiting) {
            e->exiting = true;
            e->exit_code = code;
            ls_value cv = value_number(code);
            interp_emit_process(e, "exit", &cv, 1);
        }
        if (e->stop == STOP_NONE)
            e->stop = STOP_PROCESS_EXIT;
        return unwind();
    }

    case LS_N_NET_SERVER: {
        engine_spend(e, e->costs.api_call);
        ls_emitter *srv = new_emitter(e, EM_SERVER, n->bind ? n->bind : "server");
        if (n->cb) {
            if (!require_function(e, n, cb, "a connection listener"))
                return unwind();
            emitter_on(e, srv, "connection", cb, false);
        }
        return normal((ls_value){.kind = LV_EMITTER, .as.emitter = srv});
    }
    case LS_N_LISTEN:
    case LS_N_CONNECT:
    case LS_N_DESTROY:
    case LS_N_SERVER_CLOSE: {
        if (!expect_kind(e, n, a, LV_EMITTER, n->kind == LS_N_DESTROY ? "a socket" : "a server"))
            return unwind();
        ls_emitter_kind want = n->kind == LS_N_DESTROY ? EM_SOCKET : EM_SERVER;
        if (a.as.emitter->kind != want) {
            interp_error(e, n->path, "expected %s, found another kind of emitter",
                         want == EM_SOCKET ? "a socket (from net.connect)"
                                           : "a server (from net.createServer)");
            return unwind();
        }
        if (n->cb && !require_function(e, n, cb, "the callback"))
            return unwind();
        engine_spend(e, e->costs.api_call);
        ls_value cbv = n->cb ? cb : value_undefined();
        switch (n->kind) {
        case LS_N_LISTEN:
            if (!io_listen(e, a.as.emitter, cbv, n->path))
                return unwind();
            return normal(a);
        case LS_N_CONNECT: {
            ls_emitter *sock = new_emitter(e, EM_SOCKET, n->bind ? n->bind : "socket");
            if (!io_connect(e, a.as.emitter, sock, cbv, n->path))
                return unwind();
            return normal((ls_value){.kind = LV_EMITTER, .as.emitter = sock});
        }
        case LS_N_DESTROY:
            io_destroy(e, a.as.emitter);
            return normal(a);
        default:
            if (!io_server_close(e, a.as.emitter, cbv, n->path))
                return unwind();
            return normal(a);
        }
    }
    case LS_N__COUNT:
        break;
    }
    interp_error(e, n->path, "this operation cannot be run");
    return unwind();
}

/* ---- the main script ------------------------------------------------------------------- */

void interp_init(ls_engine *e)
{
    e->globals = env_new(e, NULL);
    e->process = new_emitter(e, EM_PROCESS, "process");
    for (size_t i = 0; i < e->program->nfunctions; i++) {
        ls_function *f = arena_alloc(e->arena, sizeof *f);
        f->kind = FN_USER;
        f->def = e->program->functions[i];
        f->scope = e->globals;
        env_define(e, e->globals, f->def->name, value_function(f));
    }
}

/* The main script's body, with its trace line; a throw is an uncaught exception. */
static void run_main_body(ls_engine *e, void *data)
{
    (void)data;
    /* The main script's own scope is the global scope, so its bindings are globals. */
    frame *f = arena_alloc(e->arena, sizeof *f);
    f->def = e->program->main;
    f->env = e->globals;
    frame_push(e, f, &f->def->body);
    ls_origin o = {e->program->esm ? "ES module" : "node", "main script", engine_next_seq(e)};
    engine_count_callback(e);
    out_begin(e, o);
    ls_completion c = run_frame(e, f);
    if (c.kind == C_THROW && !engine_stopped(e))
        interp_uncaught(e, c.value, "uncaughtException");
    out_end(e);
}

void interp_run_main(ls_engine *e)
{
    /* StartExecution runs the main module inside an InternalCallbackScope: the drain after it
     * is the first drain point (R1.2a). */
    tasks_scope_enter(e);
    run_main_body(e, NULL);
    tasks_scope_exit(e);
}

/* An ES module's body is evaluated inside the loader's promise chain: a microtask, so the
 * microtasks it queues run right after it, in the same checkpoint, before its ticks (R1.3). */
void interp_run_module(ls_engine *e, void *data)
{
    (void)data;
    ls_function *fn = arena_alloc(e->arena, sizeof *fn);
    fn->kind = FN_NATIVE;
    fn->name = "module evaluation";
    fn->native = run_main_body;
    ls_job *job = arena_alloc(e->arena, sizeof *job);
    job->kind = JOB_MODULE;
    job->callback = value_function(fn);
    job->origin.api = "ES module";
    job->origin.label = "module evaluation";
    job->origin.seq = engine_next_seq(e);
    tasks_scope_enter(e);
    tasks_enqueue_job(e, job);
    tasks_scope_exit(e);
}

/* ---- fingerprint.h ------------------------------------------------------------------------ */

void interp_fingerprint_env(ls_fp *fp, const ls_env *env)
{
    if (!fp_object(fp, env))
        return;
    interp_fingerprint_env(fp, env->parent);
    fp_u64(fp, env->len);
    for (size_t i = 0; i < env->len; i++) {
        fp_str(fp, env->names[i]);
        fp_value(fp, env->values[i]);
    }
}

void interp_fingerprint_function(ls_fp *fp, const ls_function *f)
{
    if (!fp_object(fp, f))
        return;
    fp_u64(fp, f->kind);
    switch (f->kind) {
    case FN_USER:
        fp_code(fp, f->def);
        interp_fingerprint_env(fp, f->scope);
        return;
    case FN_RESOLVE:
    case FN_REJECT:
        promise_fingerprint(fp, f->promise);
        if (fp_object(fp, f->already_resolved))
            fp_bool(fp, *f->already_resolved);
        return;
    case FN_NATIVE:
        {
            uint64_t address = 0; /* a C function's: the same in every run */
            memcpy(&address, &f->native, sizeof f->native < 8 ? sizeof f->native : 8);
            fp_u64(fp, address);
        }
        fp_str(fp, f->name);
        if (f->data)
            fp_refuse(fp); /* its data is the module's own (sockets) */
        return;
    }
    fp_refuse(fp);
}

void interp_fingerprint_emitter(ls_fp *fp, const ls_emitter *em)
{
    if (!fp_object(fp, em))
        return;
    fp_u64(fp, em->kind);
    fp_str(fp, em->label);
    if (em->kind == EM_SERVER || em->kind == EM_SOCKET)
        fp_refuse(fp);
    fp_u64(fp, em->nlisteners);
    for (size_t i = 0; i < em->nlisteners; i++) {
        fp_str(fp, em->listeners[i].event);
        fp_value(fp, em->listeners[i].fn);
        fp_bool(fp, em->listeners[i].once);
        fp_bool(fp, em->listeners[i].removed);
    }
}

void interp_fingerprint_frame(ls_fp *fp, const void *data)
{
    const frame *f = data;
    if (!fp_object(fp, f))
        return;
    fp_code(fp, f->def);
    interp_fingerprint_env(fp, f->env);
    fp_u64(fp, f->depth);
    for (size_t i = 0; i < f->depth; i++) {
        fp_code(fp, f->stack[i].block);
        fp_u64(fp, f->stack[i].index);
    }
    promise_fingerprint(fp, f->promise);
    fp_str(fp, f->await_bind);
}
