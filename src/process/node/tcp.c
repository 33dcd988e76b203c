/* tcp.c - loopback TCP streams; see tcp.h.
 *
 * A handle is a host object of class "tcp"; the prelude (prelude/http.js) sets the callbacks on
 * it as properties, as Node's net.js sets them on its TCPWrap: onconnection(handle) on a server,
 * onconnect() on a client, onread(string) and onread(null) for the FIN, onshutdown(), onclose().
 * Each comes from the loop in a callback scope of its own (Node's MakeCallback).  The bytes are
 * strings: what the prelude's HTTP writes and parses is text.
 */
#include "tcp.h"

#include <math.h>
#include <string.h>

#include "engine.h"

struct ls_tcp {
    ls_tcp *next_all;
    ls_engine *e;           /* the run's (a handle lives in its arena) */
    js_value object;
    const char *label;      /* "tcp#1" */
    ls_uv_handle handle;
    bool server, listening, closed;
    int port;               /* a server's, once listening */
    ls_tcp *peer;           /* a connected stream's other end */
    ls_tcp *listener;       /* a server's end not accepted yet: its listening handle */
    uint64_t accepted_at;   /* a listening handle: the poll (epoll_floor) of its last accept */
    bool connecting;        /* a client whose connect has not completed */
    bool reading;           /* uv_read_start'ed */
    bool read_posted;       /* a read is waiting for a poll phase */
    char *in;               /* bytes arrived, not read yet */
    size_t in_len, in_cap;
    bool fin_in;            /* the peer's FIN arrived (after the bytes in `in`) */
    bool fin_read;          /* ... and was read */
    bool fin_out;           /* this end sent its FIN (shutdown done, or closed) */
    bool shutdown_pending;  /* a shutdown request not completed yet */
    uint64_t rank;          /* its place in epoll's ready list (io.h io_post_event) */
    uint64_t armed_at;      /* the poll count (epoll_floor) when it asked to be read (or, a
                             * listening handle, to accept) */
    uint64_t queued_at;     /* the poll count when it last joined libuv's watcher queue */
    uint64_t queue_seq;     /* ... and its place there (an epoll_seq) */
};

/* uv__io_start: the descriptor joins the loop's watcher queue (once until the next poll's
 * start, where uv__io_poll calls epoll_ctl for each in the queue's order) */
static void arm(ls_engine *e, ls_tcp *t)
{
    if (t->queued_at != e->io.epoll_floor || !t->queue_seq) {
        t->queued_at = e->io.epoll_floor;
        t->queue_seq = ++e->io.epoll_seq;
    }
}

/* The descriptor becomes ready: it keeps its place in epoll's ready list if it has one, else it
 * goes to the end, or, when epoll does not watch it yet for this (its epoll_ctl waits for the
 * next poll's start), where that start puts it: after the descriptors ready by then, in the
 * watcher queue's order (arm). */
static uint64_t *ready_now(ls_engine *e, ls_tcp *t, bool watched)
{
    if (t->rank < e->io.epoll_floor)
        t->rank = watched ? ++e->io.epoll_seq : IO_RANK_DEFERRED + t->queue_seq;
    return &t->rank;
}

/* epoll watches it for what it asked at `armed_at` once a poll phase has started since */
static bool watched(const ls_engine *e, const ls_tcp *t)
{
    return e->io.epoll_floor > t->armed_at;
}

static ls_engine *engine_of(const js_args *a)
{
    return ((ls_host_link *)js_native_data(a->callee))->e;
}

static void tcp_fp(js_vm *vm, ls_fp *fp, void *data);

static const js_host_class tcp_class = {"tcp", NULL, tcp_fp, NULL};

static ls_tcp *as_tcp(js_value v)
{
    return js_host_data(v, &tcp_class);
}

static ls_tcp *new_tcp(ls_engine *e, bool server)
{
    ls_tcp *t = arena_alloc(e->arena, sizeof *t);
    memset(t, 0, sizeof *t);
    t->server = server;
    t->e = e;
    t->label = arena_printf(e->arena, "tcp#%d", ++e->tcp.count);
    t->object = js_new_host_object(e->host.vm, &tcp_class, t, js_null());
    t->next_all = e->tcp.all;
    e->tcp.all = t;
    return t;
}

/* handle[name](args...) from the loop, in a callback scope of its own */
static void call_in_scope(ls_engine *e, ls_tcp *t, const char *name, const js_value *args,
                          size_t nargs)
{
    js_value fn;
    if (js_get(e->host.vm, t->object, name, &fn) != JS_OK || !js_is_callable(fn))
        return;
    tasks_scope_enter(e);
    js_origin origin = {"tcp", arena_printf(e->arena, "%s %s", t->label, name),
                        engine_next_seq(e)};
    host_run_callback_this(e, origin, fn, t->object, args, nargs);
    tasks_scope_exit(e);
}

static void post_read(ls_engine *e, ls_tcp *t);

/* uv__read in the poll phase: every byte there is, or else the FIN */
static void read_ready(ls_engine *e, void *data)
{
    ls_tcp *t = data;
    t->read_posted = false;
    if (t->closed || !t->reading)
        return;
    if (t->in_len) {
        js_value s = js_new_string(e->host.vm, t->in, t->in_len);
        t->in_len = 0;
        if (t->fin_in) /* a short read: the FIN waits for the next poll phase */
            post_read(e, t);
        call_in_scope(e, t, "onread", &s, 1);
    } else if (t->fin_in && !t->fin_read) {
        t->fin_read = true;
        js_value eof = js_null();
        call_in_scope(e, t, "onread", &eof, 1);
    }
}

static void post_read(ls_engine *e, ls_tcp *t)
{
    if (t->read_posted || t->closed || !t->reading)
        return;
    if (!t->in_len && (!t->fin_in || t->fin_read))
        return;
    t->read_posted = true;
    ls_io_post p = {read_ready, t, cost_point(0),
                    arena_printf(e->arena, "the read of `%s`", t->label), false,
                    ready_now(e, t, watched(e, t)), 0, t->object, NULL};
    io_post_event(e, &p);
}

static void send_fin(ls_engine *e, ls_tcp *t)
{
    if (t->fin_out)
        return;
    t->fin_out = true;
    if (t->peer && !t->peer->closed) {
        t->peer->fin_in = true;
        post_read(e, t->peer);
    }
}

/* internal.tcpServer(): a handle to listen on */
static js_status tcp_server(const js_args *a, js_value *out)
{
    *out = new_tcp(engine_of(a), true)->object;
    return JS_OK;
}

static ls_tcp *arg_tcp(const js_args *a)
{
    ls_tcp *t = as_tcp(js_arg(a, 0));
    if (!t)
        host_refuse(engine_of(a), "internal: not a tcp handle");
    return t;
}

static bool port_in_use(ls_engine *e, int port)
{
    for (ls_tcp *t = e->tcp.all; t; t = t->next_all)
        if (t->server && t->listening && !t->closed && t->port == port)
            return true;
    return false;
}

/* internal.tcpListen(handle, port): the port (0: the next free one from 41000), or -1 when a
 * server of the program listens there already; the handle is active from now */
static js_status tcp_listen(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_tcp *t = arg_tcp(a);
    if (!t)
        return JS_STOP;
    double asked = 0;
    js_status st = js_to_number(a->vm, js_arg(a, 1), &asked);
    if (st != JS_OK)
        return st;
    int port = (int)asked;
    if (port > 0 && port_in_use(e, port)) {
        *out = js_number(-1);
        return JS_OK;
    }
    if (port <= 0)
        for (port = 41000 + e->tcp.count; port_in_use(e, port); port++)
            ;
    t->listening = true;
    t->armed_at = e->io.epoll_floor;
    arm(e, t);
    t->port = port;
    loop_handle_set(e, &t->handle, true, true);
    *out = js_number(t->port);
    return JS_OK;
}

/* The client's connect completes (uv__stream_connect, on POLLOUT): 'connect' */
static void connect_done(ls_engine *e, void *data)
{
    ls_tcp *c = data;
    c->connecting = false;
    if (c->closed) /* the request was cancelled with the handle (ECANCELED is Node's own) */
        return;
    js_value status = js_number(0);
    call_in_scope(e, c, "onconnect", &status, 1);
}

static bool post_accept(ls_engine *e, ls_tcp *end, const ls_io_event *with);

/* The listening descriptor is readable: uv__server_io accepts.  libuv before 1.45 accepts in a
 * loop until none is left, so each connection waiting is accepted in this poll phase; from 1.45
 * one per poll phase (libuv 6c692ad1c, "unix: don't accept() connections in a loop": Node
 * 20.3.0), the next when epoll reports the descriptor again. */
static void accept_ready(ls_engine *e, void *data)
{
    ls_tcp *end = data, *srv = end->listener;
    if (!srv->listening || srv->closed) { /* closed first: the kernel resets the connection */
        end->closed = true;
        send_fin(e, end);
        return;
    }
    if (e->profile->process.uv_single_accept && srv->accepted_at == e->io.epoll_floor) {
        post_accept(e, end, NULL);
        return;
    }
    srv->accepted_at = e->io.epoll_floor;
    end->listener = NULL;
    loop_handle_set(e, &end->handle, true, true);
    call_in_scope(e, srv, "onconnection", &end->object, 1);
}

static bool post_accept(ls_engine *e, ls_tcp *end, const ls_io_event *with)
{
    ls_tcp *srv = end->listener;
    ls_io_post p = {accept_ready, end, cost_point(0),
                    arena_printf(e->arena, "the accept of `%s`", end->label), false,
                    ready_now(e, srv, watched(e, srv)), 0, end->object, with};
    return io_post_event(e, &p) != NULL;
}

/* internal.tcpConnect(port): a client handle connecting to the program's server on `port`, or
 * null when none listens there.  On loopback the kernel completes the handshake within the
 * connect(2) call: the server's end exists from now (bytes the client sends wait in it), and
 * both descriptors are ready now, so the next poll phase takes them: the listening one, in
 * epoll already, before the client's, which epoll is told of at that poll's start (strace on
 * Node 10.7.0 to 22.23.3: the accept4 and the client's EPOLLOUT come from the first epoll_wait
 * after the connect, whatever the loop does in between). */
static js_status tcp_connect(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    double port = NAN;
    js_status st = js_to_number(a->vm, js_arg(a, 0), &port);
    if (st != JS_OK)
        return st;
    ls_tcp *srv = NULL;
    for (ls_tcp *t = e->tcp.all; t; t = t->next_all)
        if (t->server && t->listening && !t->closed && t->port == port)
            srv = t;
    if (!srv) {
        *out = js_null();
        return JS_OK;
    }
    ls_tcp *c = new_tcp(e, false);
    ls_tcp *end = new_tcp(e, false);
    c->connecting = true;
    c->peer = end;
    end->peer = c;
    end->listener = srv;
    loop_handle_set(e, &c->handle, true, true);
    arm(e, c); /* uv__tcp_connect: POLLOUT */
    ls_io_post p = {connect_done, c, cost_point(0), /* a request: uv_connect_t */
                    arena_printf(e->arena, "the connect of `%s`", c->label), true,
                    ready_now(e, c, false), 0, c->object, NULL};
    const ls_io_event *connected = io_post_event(e, &p);
    if (!connected || !post_accept(e, end, connected))
        return JS_STOP;
    *out = c->object;
    return JS_OK;
}

static js_status tcp_read_start(const js_args *a, js_value *out)
{
    ls_tcp *t = arg_tcp(a);
    if (!t)
        return JS_STOP;
    if (!t->reading) {
        t->armed_at = engine_of(a)->io.epoll_floor;
        arm(engine_of(a), t);
    }
    t->reading = true;
    post_read(engine_of(a), t);
    *out = js_undefined();
    return JS_OK;
}

static js_status tcp_read_stop(const js_args *a, js_value *out)
{
    ls_tcp *t = arg_tcp(a);
    if (!t)
        return JS_STOP;
    t->reading = false;
    *out = js_undefined();
    return JS_OK;
}

/* internal.tcpWrite(handle, string): written at once; the peer reads it in a later poll */
static js_status tcp_write(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_tcp *t = arg_tcp(a);
    if (!t)
        return JS_STOP;
    js_string *s = js_to_string_safe(a->vm, js_arg(a, 1));
    size_t n;
    const char *bytes = js_string_chars(s, &n);
    *out = js_undefined();
    ls_tcp *p = t->peer;
    if (t->fin_out || !p || p->closed || !n)
        return JS_OK; /* EPIPE and the like are not modelled: the bytes are dropped */
    if (p->in_len + n > p->in_cap) {
        size_t cap = p->in_cap ? p->in_cap : 256;
        while (cap < p->in_len + n)
            cap *= 2;
        char *grown = arena_alloc(e->arena, cap);
        if (p->in_len)
            memcpy(grown, p->in, p->in_len);
        p->in = grown;
        p->in_cap = cap;
    }
    memcpy(p->in + p->in_len, bytes, n);
    p->in_len += n;
    post_read(e, p);
    return JS_OK;
}

static void shutdown_done(ls_engine *e, void *data)
{
    ls_tcp *t = data;
    if (t->closed) /* cancelled: its callback runs with the close (close_done) */
        return;
    t->shutdown_pending = false;
    send_fin(e, t);
    call_in_scope(e, t, "onshutdown", NULL, 0);
}

static void shutdown_fed(ls_engine *e, void *data)
{
    e->loop.active_reqs--;
    shutdown_done(e, data);
}

/* internal.tcpShutdown(handle): the FIN, sent in the next poll phase (from libuv 1.44.2: from
 * the pending queue, right after this poll phase or in the next iteration's pending phase);
 * then onshutdown() */
static js_status tcp_shutdown(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_tcp *t = arg_tcp(a);
    if (!t)
        return JS_STOP;
    *out = js_undefined();
    t->shutdown_pending = true;
    if (e->profile->process.uv_shutdown_from_pending) {
        /* libuv >= 1.44.2: nothing left to write (every write here completed at once), so
         * uv_shutdown feeds the handle to the pending queue, where uv__drain shuts it down */
        e->loop.active_reqs++;
        loop_feed(e, shutdown_fed, t);
        return JS_OK;
    }
    /* before: uv_shutdown asks for POLLOUT; epoll is told at the next poll's start */
    arm(e, t);
    ls_io_post p = {shutdown_done, t, cost_point(0),
                    arena_printf(e->arena, "the shutdown of `%s`", t->label), true,
                    ready_now(e, t, false), 1, t->object, NULL};
    if (!io_post_event(e, &p))
        return JS_STOP;
    return JS_OK;
}

/* The handle's close callback; then it leaves the list of handles (an event still in flight
 * for it finds it closed; a peer still open keeps its object alive: tcp_mark) */
static void close_done(ls_engine *e, void *data)
{
    ls_tcp *t = data;
    /* uv__finish_close -> uv__stream_destroy: a shutdown still pending is called back first,
     * with ECANCELED (Node's afterShutdown calls its callback whatever the status) */
    if (t->shutdown_pending) {
        t->shutdown_pending = false;
        call_in_scope(e, t, "onshutdown", NULL, 0);
        if (engine_stopped(e))
            return;
    }
    call_in_scope(e, t, "onclose", NULL, 0);
    for (ls_tcp **link = &e->tcp.all; *link; link = &(*link)->next_all)
        if (*link == t) {
            *link = t->next_all;
            break;
        }
}

/* internal.tcpClose(handle): uv_close; onclose() from the close phase */
static js_status tcp_close(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_tcp *t = arg_tcp(a);
    if (!t)
        return JS_STOP;
    *out = js_undefined();
    if (t->closed)
        return JS_OK;
    t->closed = true;
    t->listening = false;
    t->reading = false;
    send_fin(e, t);
    loop_close(e, &t->handle, close_done, t, t->label);
    return JS_OK;
}

/* internal.tcpRef(handle, bool) */
static js_status tcp_ref(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_tcp *t = arg_tcp(a);
    if (!t)
        return JS_STOP;
    *out = js_undefined();
    if (!t->closed)
        loop_handle_set(e, &t->handle, t->handle.active, js_to_boolean(js_arg(a, 1)));
    return JS_OK;
}

void tcp_internal_bindings(ls_engine *e, js_object *on)
{
    static const struct {
        const char *name;
        int length;
        js_native_fn fn;
    } fns[] = {
        {"tcpServer", 0, tcp_server},       {"tcpListen", 2, tcp_listen},
        {"tcpConnect", 1, tcp_connect},     {"tcpReadStart", 1, tcp_read_start},
        {"tcpReadStop", 1, tcp_read_stop},  {"tcpWrite", 2, tcp_write},
        {"tcpShutdown", 1, tcp_shutdown},   {"tcpClose", 1, tcp_close},
        {"tcpRef", 2, tcp_ref},
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        js_define_method(e->host.vm, on, fns[i].name, fns[i].length, fns[i].fn, e->host.link);
}

/* every open handle, and what it refers to (a peer or a listener closed already) */
void tcp_mark(ls_engine *e, js_vm *vm)
{
    for (ls_tcp *t = e->tcp.all; t; t = t->next_all) {
        js_gc_mark_value(vm, t->object);
        if (t->peer)
            js_gc_mark_value(vm, t->peer->object);
        if (t->listener)
            js_gc_mark_value(vm, t->listener->object);
    }
}

/* A handle's state: its flags, the bytes it has not read, its place in epoll's list relative to
 * the last poll's start, and its peer (walked as a value: its identity is the walk's order). */
static void tcp_fp(js_vm *vm, ls_fp *fp, void *data)
{
    const ls_tcp *t = data;
    const ls_engine *e = t->e;
    bool flags[] = {t->server,  t->listening, t->closed,   t->connecting, t->reading,
                    t->read_posted, t->fin_in, t->fin_read, t->fin_out, t->shutdown_pending,
                    watched(e, t),
                    t->handle.active, t->handle.refed, t->handle.closing};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        fp_bool(fp, flags[i]);
    fp_i64(fp, t->port);
    fp_bytes(fp, t->in, t->in_len);
    fp_u64(fp, t->in_len);
    uint64_t floor = e->io.epoll_floor;
    if (t->rank >= IO_RANK_DEFERRED)
        fp_u64(fp, 2 + (t->rank - IO_RANK_DEFERRED - floor) * 3);
    else if (t->rank >= floor)
        fp_u64(fp, 1 + (t->rank - floor) * 3);
    else
        fp_u64(fp, 0);
    /* its place in the watcher queue, when it joined since the last poll's start (arm) */
    bool queued = t->queued_at == floor && t->queue_seq;
    fp_u64(fp, queued ? t->queue_seq - floor + 1 : 0);
    fp_bool(fp, t->accepted_at == e->io.epoll_floor);
    js_fingerprint_value(vm, fp, t->peer ? t->peer->object : js_null());
    js_fingerprint_value(vm, fp, t->listener ? t->listener->object : js_null());
}

/* every handle not closed yet, newest first: each walked as a value */
void tcp_fingerprint(ls_engine *e, ls_fp *fp)
{
    fp_i64(fp, e->tcp.count);
    for (ls_tcp *t = e->tcp.all; t; t = t->next_all)
        fp_value(fp, t->object);
}
