/* window.c - the browser's globals; see window.h. */
#include "browser/window.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "browser/html.h"
#include "browser/page.h"
#include "node/prelude.h"

static ls_engine *engine_of(const js_args *a)
{
    return ((ls_host_link *)js_native_data(a->callee))->e;
}

static void define(ls_engine *e, js_object *on, const char *name, int length, js_native_fn fn)
{
    js_value f = js_new_native(e->host.vm, name, length, fn, e->host.link, 0);
    js_native_set_api(f);
    js_define_value(e->host.vm, on, name, f, false);
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

/* A callback argument that is no function: Chromium compiles a string as code (loopsim does not
 * model that) and ignores anything else; both are refused. */
static bool callback_arg(ls_engine *e, js_value cb, const char *api)
{
    if (js_is_callable(cb))
        return true;
    host_refuse(e, "%s with %s for its callback: loopsim models a function only (a string "
                "would be compiled as code)", api, js_typeof(cb));
    return false;
}

/* ---- timers: Blink's DOMTimer -------------------------------------------------------------- */

/* DOMTimer::DOMTimer (third_party/blink/renderer/core/frame/dom_timer.cc), HTML 8.6 "timer
 * initialization steps" 10-11: the nesting level is the running task's timer nesting level (0
 * when the running task is no timer's); past the clamping level, a delay under the minimum
 * interval becomes the minimum (nesting level > 5 and timeout < 4 -> 4).  So in a chain of
 * setTimeout(f, 0) the script's timer and the next five run unclamped and the seventh waits
 * 4 ms, as Chromium 156 does (a 10-hop chain, 6 runs with tools/browser-diff: the 7th hop
 * 4.2 to 15.7 ms after the 6th, the others 0.0 to 1.6 ms).  The level and the minimum are the
 * profile's (profile.def LS_BROWSER). */
double window_clamp_delay(ls_engine *e, double delay_ms, int level)
{
    const ls_browser *b = &e->profile->browser;
    if (level > b->timer_clamp_nesting && delay_ms < b->timer_clamp_ms)
        return b->timer_clamp_ms;
    return delay_ms;
}

static js_status set_timer(const js_args *a, js_value *out, bool repeat)
{
    ls_engine *e = engine_of(a);
    const char *api = repeat ? "setInterval" : "setTimeout";
    js_value cb = js_arg(a, 0);
    if (!callback_arg(e, cb, api))
        return JS_STOP;
    /* WebIDL `long timeout = 0`: ToNumber, then ToInt32 (NaN and negatives are 0) */
    double delay = 0;
    if (a->argc > 1) {
        js_status st = js_to_number(a->vm, a->argv[1], &delay);
        if (st != JS_OK)
            return st;
    }
    if (!isfinite(delay))
        delay = 0;
    delay = trunc(delay);
    delay = fmod(delay, 4294967296.0);
    if (delay < 0)
        delay += 4294967296.0;
    if (delay >= 2147483648.0)
        delay -= 4294967296.0;
    if (delay < 0)
        delay = 0;
    /* step 10: the nesting level; step 12: the new timer's task has that level plus one */
    int level = e->html.nesting;
    delay = window_clamp_delay(e, delay, level);
    int nesting = level + 1;
    engine_spend(e, e->costs.api_call);
    size_t nargs;
    js_value *args = copy_args(e, a, 2, &nargs);
    ls_origin o = {api, host_label(e, cb), engine_next_seq(e)};
    ls_dom_timer *tm = html_timer_start(e, cb, args, nargs, delay, repeat, nesting, o);
    if (e->out.recording && e->out.queued) {
        char d[40];
        out_format_number(delay, d, sizeof d);
        out_queued(e, api, arena_printf(e->arena, "%s, %s ms", o.label, d));
    }
    *out = js_number(tm ? tm->id : 0);
    return engine_stopped(e) ? JS_STOP : JS_OK;
}

static js_status g_set_timeout(const js_args *a, js_value *out)
{
    return set_timer(a, out, false);
}

static js_status g_set_interval(const js_args *a, js_value *out)
{
    return set_timer(a, out, true);
}

static int id_arg(const js_args *a)
{
    double d = 0;
    if (a->argc < 1 || js_to_number(a->vm, a->argv[0], &d) != JS_OK || !isfinite(d))
        return 0;
    return (int)d;
}

static js_status g_clear_timer(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    engine_spend(e, e->costs.api_call);
    int id = id_arg(a);
    if (id > 0)
        html_timer_clear(e, id);
    *out = js_undefined();
    return JS_OK;
}

/* ---- frames, idle callbacks, microtasks ---------------------------------------------------- */

/* WebIDL's conversion of a callback argument that is not callable, as Chromium words it */
static js_status not_a_function(const js_args *a, const char *api)
{
    return js_throw_type_error(a->vm, "Failed to execute '%s' on 'Window': The callback "
                               "provided as parameter 1 is not a function.", api);
}

/* The cost of the call, and the line `--trace` shows for what it queued */
static ls_origin queued(ls_engine *e, const char *api, js_value cb)
{
    engine_spend(e, e->costs.api_call);
    ls_origin o = {api, host_label(e, cb), engine_next_seq(e)};
    if (e->out.recording && e->out.queued)
        out_queued(e, o.api, o.label);
    return o;
}

static js_status g_request_frame(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value cb = js_arg(a, 0);
    if (!js_is_callable(cb))
        return not_a_function(a, "requestAnimationFrame");
    ls_origin o = queued(e, "requestAnimationFrame", cb);
    *out = js_number(html_request_frame(e, cb, o));
    return engine_stopped(e) ? JS_STOP : JS_OK;
}

static js_status g_cancel_frame(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    engine_spend(e, e->costs.api_call);
    html_cancel_frame(e, id_arg(a));
    *out = js_undefined();
    return JS_OK;
}

static js_status g_request_idle(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value cb = js_arg(a, 0);
    if (!js_is_callable(cb))
        return not_a_function(a, "requestIdleCallback");
    double timeout = -1;
    js_value opts = js_arg(a, 1), t;
    if (opts.type == JS_TOBJECT && js_get(a->vm, opts, "timeout", &t) == JS_OK &&
        !js_is_undefined(t)) {
        js_status st = js_to_number(a->vm, t, &timeout);
        if (st != JS_OK)
            return st;
    }
    ls_origin o = queued(e, "requestIdleCallback", cb);
    *out = js_number(html_request_idle(e, cb, isfinite(timeout) ? timeout : -1, o));
    return engine_stopped(e) ? JS_STOP : JS_OK;
}

static js_status g_cancel_idle(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    engine_spend(e, e->costs.api_call);
    html_cancel_idle(e, id_arg(a));
    *out = js_undefined();
    return JS_OK;
}

static js_status g_queue_microtask(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value cb = js_arg(a, 0);
    if (!js_is_callable(cb))
        return not_a_function(a, "queueMicrotask");
    engine_spend(e, e->costs.api_call);
    js_origin o = {"queueMicrotask", host_label(e, cb), engine_next_seq(e)};
    js_enqueue_callback_job(a->vm, cb, &o);
    *out = js_undefined();
    return JS_OK;
}

double window_now_ms(ls_engine *e)
{
    /* navigation start is the time origin; the script runs some way into the page's load */
    return e->profile->browser.script_start_ms + (double)clock_elapsed_ns(&e->clock) / 1e6;
}

static js_status performance_now(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    engine_spend(e, e->costs.clock_read);
    *out = js_number(window_now_ms(e));
    return JS_OK;
}

/* ---- console ------------------------------------------------------------------------------- */

/* Every console method writes one stream: the page's console, in order (what
 * tools/browser-diff records) */
static js_status console_any(const js_args *a, js_value *out)
{
    *out = js_undefined();
    return host_console_print(a, false);
}

/* ---- what the browser has and loopsim does not model, and what only Node has ---------------- */

static const char *const node_only[] = {
    "process", "setImmediate", "clearImmediate", "global", "Buffer", "__filename", "__dirname",
};

static const char *const not_modelled[] = {
    "fetch", "XMLHttpRequest", "ResizeObserver",
    "IntersectionObserver", "PerformanceObserver", "Worker", "SharedWorker", "BroadcastChannel",
    "WebSocket", "EventSource", "Image", "alert", "confirm", "prompt", "localStorage",
    "sessionStorage", "indexedDB", "navigator", "location", "history", "scheduler",
    "structuredClone", "Notification", "caches", "crypto", "AbortController", "AbortSignal",
    "customElements", "KeyboardEvent", "InputEvent", "FocusEvent",
    "reportError", "createImageBitmap", "Blob", "FileReader",
    "URL", "TextEncoder", "TextDecoder", "ReadableStream", "WritableStream", "Response",
    "Request", "Headers", "getComputedStyle", "matchMedia", "open", "close", "print", "focus",
    "blur", "scrollTo", "innerWidth", "innerHeight", "devicePixelRatio", "screen",
};

/* getters that need their name: one native per name, its slots say which */
static js_status refused_getter(const js_args *a, js_value *out);

static void refuse_all(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_value table = js_new_object(vm);
    for (size_t i = 0; i < sizeof node_only / sizeof node_only[0]; i++) {
        js_value why = js_new_cstring(vm, arena_printf(e->arena,
            "is Node's, not the browser's: Chromium throws \"ReferenceError: %s is not "
            "defined\" (loopsim stops instead; run without --env browser for Node)",
            node_only[i]));
        js_set(vm, table, node_only[i], why);
        js_define_getter(vm, js_global(vm), node_only[i], refused_getter, e->host.link, false);
    }
    for (size_t i = 0; i < sizeof not_modelled / sizeof not_modelled[0]; i++) {
        js_value why = js_new_cstring(vm, "is a browser API that loopsim does not model "
                                          "(docs/browser.md lists what --env browser models)");
        js_set(vm, table, not_modelled[i], why);
        js_define_getter(vm, js_global(vm), not_modelled[i], refused_getter, e->host.link, false);
    }
    js_define_value(vm, js_global(vm), "%refused", table, false);
}

/* The getter's name is "get NAME" (js_define_getter): the table says why NAME is refused. */
static js_status refused_getter(const js_args *a, js_value *out)
{
    (void)out;
    ls_engine *e = engine_of(a);
    const char *name = js_function_label(a->vm, js_obj(a->callee));
    /* "get NAME" */
    if (strncmp(name, "get ", 4) == 0)
        name += 4;
    js_value table, why;
    const char *text = "is not modelled";
    if (js_get(a->vm, js_obj(js_global(a->vm)), "%refused", &table) == JS_OK &&
        js_get(a->vm, table, name, &why) == JS_OK && why.type == JS_TSTRING)
        text = js_string_chars(why.u.string, NULL);
    host_refuse(e, "%s %s", name, text);
    return JS_STOP;
}

/* ---- the prelude (window.js) --------------------------------------------------------------- */

static js_status internal_api(const js_args *a, js_value *out)
{
    engine_spend(engine_of(a), engine_of(a)->costs.api_call);
    *out = js_undefined();
    return JS_OK;
}

static js_status internal_post_message(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value target = js_arg(a, 0);
    const char *label = target.type == JS_TOBJECT &&
                        target.u.object == js_global(a->vm) ? "window" : "port";
    ls_origin o = {"postMessage", label, engine_next_seq(e)};
    html_post_message(e, target, js_arg(a, 1), o);
    if (e->out.recording && e->out.queued)
        out_queued(e, o.api, o.label);
    *out = js_undefined();
    return JS_OK;
}

static js_status internal_refuse(const js_args *a, js_value *out)
{
    (void)out;
    js_string *s = js_to_string_safe(a->vm, js_arg(a, 0));
    host_refuse(engine_of(a), "loopsim does not model %s", js_string_chars(s, NULL));
    return JS_STOP;
}

/* internal.report(error): an exception a listener threw, reported as the console reports it
 * (HTML 8.1.4.6 "report an exception"); the run goes on */
static js_status internal_report(const js_args *a, js_value *out)
{
    host_uncaught(engine_of(a), js_arg(a, 0), "uncaughtException");
    *out = js_undefined();
    return engine_stopped(engine_of(a)) ? JS_STOP : JS_OK;
}

/* internal.microtask(fn): the mutation observers' notification, a microtask of the browser's
 * own (Blink's MutationObserver::EnqueueMutationRecord posts it to V8's microtask queue, where
 * the promise jobs are) */
static js_status internal_microtask(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_origin o = {"MutationObserver", host_label(e, js_arg(a, 0)), engine_next_seq(e)};
    js_enqueue_callback_job(a->vm, js_arg(a, 0), &o);
    *out = js_undefined();
    return JS_OK;
}

/* require('internal') is the object of natives above; require('window') window.js's exports
 * (for dom.js) */
static js_status internal_require(const js_args *a, js_value *out)
{
    js_string *name = js_to_string_safe(a->vm, js_arg(a, 0));
    bool window = strcmp(js_string_chars(name, NULL), "window") == 0;
    *out = *js_native_slot(a->callee, window ? 1 : 0);
    return JS_OK;
}

/* Runs prelude/NAME.js as a CommonJS module; `req` its require. */
static bool run_prelude(ls_engine *e, const char *name, js_value req, js_value *exports)
{
    js_vm *vm = e->host.vm;
    const js_program *p = prelude_program(name);
    if (!p)
        return false;
    js_value fn = js_program_function(vm, p);
    js_value module = js_new_object(vm), ex = js_new_object(vm);
    js_set(vm, module, "exports", ex);
    js_value args[5] = {ex, req, module, js_new_cstring(vm, name),
                        js_new_cstring(vm, "loopsim:internal")};
    js_value r;
    if (js_call(vm, fn, ex, 5, args, &r) != JS_OK)
        return false;
    return js_get(vm, module, "exports", exports) == JS_OK;
}

/* window.js, then dom.js: *window_exports and *dom_exports */
static bool run_preludes(ls_engine *e, js_value *window_exports, js_value *dom_exports)
{
    js_vm *vm = e->host.vm;
    js_value internal = js_new_object(vm);
    define(e, internal.u.object, "api", 0, internal_api);
    define(e, internal.u.object, "postMessage", 2, internal_post_message);
    define(e, internal.u.object, "refuse", 1, internal_refuse);
    define(e, internal.u.object, "report", 1, internal_report);
    define(e, internal.u.object, "microtask", 1, internal_microtask);
    js_value req = js_new_native(vm, "require", 1, internal_require, e->host.link, 2);
    *js_native_slot(req.u.object, 0) = internal;
    *js_native_slot(req.u.object, 1) = js_undefined();
    if (!run_prelude(e, "window", req, window_exports))
        return false;
    *js_native_slot(req.u.object, 1) = *window_exports;
    return run_prelude(e, "dom", req, dom_exports);
}

static js_value prelude_get(ls_engine *e, const char *name)
{
    js_value v;
    if (js_get(e->host.vm, e->host.window, name, &v) != JS_OK)
        return js_undefined();
    return v;
}

bool window_make_globals(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    js_object *g = js_global(vm);
    js_value console = js_new_object(vm);
    static const char *const methods[] = {"log", "info", "debug", "warn", "error", "trace"};
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++)
        define(e, console.u.object, methods[i], 0, console_any);
    js_define_value(vm, g, "console", console, false);
    define(e, g, "setTimeout", 1, g_set_timeout);
    define(e, g, "setInterval", 1, g_set_interval);
    define(e, g, "clearTimeout", 0, g_clear_timer);
    define(e, g, "clearInterval", 0, g_clear_timer);
    define(e, g, "requestAnimationFrame", 1, g_request_frame);
    define(e, g, "cancelAnimationFrame", 1, g_cancel_frame);
    define(e, g, "requestIdleCallback", 1, g_request_idle);
    define(e, g, "cancelIdleCallback", 1, g_cancel_idle);
    define(e, g, "queueMicrotask", 1, g_queue_microtask);
    js_value perf = js_new_object(vm);
    define(e, perf.u.object, "now", 0, performance_now);
    js_define_value(vm, g, "performance", perf, false);
    js_define_value(vm, g, "window", js_obj(g), false);
    js_define_value(vm, g, "self", js_obj(g), false);
    js_define_value(vm, g, "frames", js_obj(g), false);
    refuse_all(e);
    js_value w, dom;
    if (!run_preludes(e, &w, &dom))
        return false;
    e->host.window = w;
    e->host.dom = dom;
    static const char *const names[] = {"MessageChannel", "MessagePort", "MessageEvent",
                                        "addEventListener", "removeEventListener",
                                        "dispatchEvent", "postMessage", "EventTarget", "Event",
                                        "CustomEvent", "DOMException"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        js_define_value(vm, g, names[i], prelude_get(e, names[i]), false);
    static const char *const dom_names[] = {
        "document", "Node", "Element", "HTMLElement", "CharacterData", "Text", "Comment",
        "Document", "DocumentFragment", "DOMTokenList", "MutationObserver", "MutationRecord",
        "UIEvent", "MouseEvent", "PointerEvent"};
    for (size_t i = 0; i < sizeof dom_names / sizeof dom_names[0]; i++) {
        js_value v;
        if (js_get(vm, dom, dom_names[i], &v) != JS_OK)
            return false;
        js_define_value(vm, g, dom_names[i], v, false);
    }
    /* window.onmessage, window.onclick */
    js_value define_handler = prelude_get(e, "defineHandler"), r;
    static const char *const handlers[] = {"onmessage", "onclick"};
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++) {
        js_value args[2] = {js_obj(g), js_new_cstring(vm, handlers[i])};
        if (js_call(vm, define_handler, js_undefined(), 2, args, &r) != JS_OK)
            return false;
    }
    return true;
}

/* The page's nodes (browser/page.h), before the script runs: each a call of dom.js's
 * addParsed. */
bool window_set_up_page(ls_engine *e)
{
    js_vm *vm = e->host.vm;
    const ls_page *page = e->program->page;
    js_value add;
    if (!page || js_get(vm, e->host.dom, "addParsed", &add) != JS_OK)
        return false;
    for (size_t i = 0; i < page->n; i++) {
        const ls_page_node *n = &page->nodes[i];
        js_value *attrs = n->nattrs ? arena_alloc(e->arena, 2 * n->nattrs * sizeof *attrs) : NULL;
        for (size_t k = 0; k < 2 * n->nattrs; k++)
            attrs[k] = js_new_cstring(vm, n->attrs[k]);
        js_value args[6] = {js_number(n->kind), js_number(n->parent),
                            n->name ? js_new_cstring(vm, n->name) : js_undefined(),
                            js_new_array(vm, 2 * n->nattrs, attrs),
                            n->data ? js_new_cstring(vm, n->data) : js_undefined(),
                            js_bool(n->after_script)}, r;
        if (js_call(vm, add, js_undefined(), 6, args, &r) != JS_OK) {
            js_take_exception(vm);
            return false;
        }
    }
    return true;
}

/* ---- tasks' help --------------------------------------------------------------------------- */

bool window_message_event(ls_engine *e, js_value target, js_value data, js_value *listeners,
                          js_value *event)
{
    js_vm *vm = e->host.vm;
    js_value r, args[2];
    args[0] = target;
    if (js_call(vm, prelude_get(e, "portClosed"), js_undefined(), 1, args, &r) != JS_OK) {
        js_take_exception(vm);
        return false;
    }
    if (js_to_boolean(r))
        return false;
    args[1] = js_new_cstring(vm, "message");
    if (js_call(vm, prelude_get(e, "listenersFor"), js_undefined(), 2, args, listeners) != JS_OK) {
        js_take_exception(vm);
        return false;
    }
    js_value init = js_new_object(vm);
    js_set(vm, init, "data", data);
    js_value ctor_args[2] = {js_new_cstring(vm, "message"), init};
    if (js_construct(vm, prelude_get(e, "MessageEvent"), 2, ctor_args, event) != JS_OK) {
        js_take_exception(vm);
        return false;
    }
    js_set(vm, *event, "target", target);
    js_set(vm, *event, "currentTarget", target);
    return true;
}

bool window_listener_at(ls_engine *e, js_value target, js_value listeners, int i, js_value *fn,
                        js_value *self)
{
    js_vm *vm = e->host.vm;
    char key[16];
    snprintf(key, sizeof key, "%d", i);
    js_value l, r;
    if (js_get(vm, listeners, key, &l) != JS_OK || l.type != JS_TOBJECT) {
        js_take_exception(vm);
        return false;
    }
    js_value args[3] = {target, js_new_cstring(vm, "message"), l};
    if (js_call(vm, prelude_get(e, "listenerLive"), js_undefined(), 3, args, &r) != JS_OK) {
        js_take_exception(vm);
        return false;
    }
    if (!js_to_boolean(r))
        return false;
    js_value cb;
    if (js_get(vm, l, "callback", &cb) != JS_OK)
        return false;
    if (js_is_callable(cb)) {
        *fn = cb;
        *self = target;
        return true;
    }
    /* an object listener: its handleEvent, called on it */
    js_value h;
    if (cb.type == JS_TOBJECT && js_get(vm, cb, "handleEvent", &h) == JS_OK && js_is_callable(h)) {
        *fn = h;
        *self = cb;
        return true;
    }
    return false;
}

js_value window_idle_deadline(ls_engine *e, double left_ms, bool did_timeout)
{
    js_vm *vm = e->host.vm;
    js_value args[2] = {js_number(window_now_ms(e) + left_ms), js_bool(did_timeout)}, d;
    if (js_construct(vm, prelude_get(e, "IdleDeadline"), 2, args, &d) != JS_OK) {
        js_take_exception(vm);
        return js_undefined();
    }
    return d;
}

/* ---- the script ---------------------------------------------------------------------------- */

void window_run_script(ls_engine *e)
{
    /* the parser runs the script element: a task of its own ("prepare the script element",
     * "execute the script element"), then "clean up after running script" performs a microtask
     * checkpoint (HTML 8.1.4.4) */
    e->phase = PHASE_MAIN;
    tasks_scope_enter(e);
    host_run_script(e);
    tasks_scope_exit(e);
    /* then the parser goes on: what follows a classic script in the page (page.h) */
    if (e->program->page && e->program->page->later && !engine_stopped(e)) {
        js_value finish, r;
        tasks_scope_enter(e);
        if (js_get(e->host.vm, e->host.dom, "finishParsing", &finish) == JS_OK &&
            js_call(e->host.vm, finish, js_undefined(), 0, NULL, &r) != JS_OK)
            js_take_exception(e->host.vm);
        tasks_scope_exit(e);
    }
    if (!engine_stopped(e))
        engine_spend(e, e->costs.bootstrap);
}
