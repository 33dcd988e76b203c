/* io.c - the thread pool and loopback sockets; see io.h. */
#include "io.h"

#include "engine.h"
#include "interp.h"

typedef enum { EV_FS_TRIP, EV_CONNECT, EV_PEER_EOF, EV_PEER_SHUTDOWN, EV_NATIVE } ev_kind;

struct ls_io_event {
    ls_io_event *next;
    ev_kind kind;
    int64_t ready_ns;
    uint64_t seq;
    bool cancelled;
    /* EV_FS_TRIP */
    const char *api;
    ls_value callback;
    int trip, trips;
    double latency_ms;
    ls_origin origin;
    /* EV_CONNECT, EV_PEER_EOF */
    ls_emitter *socket;
    ls_emitter *server;
    /* EV_NATIVE */
    ls_native_fn native;
    void *data;
};

void io_init(ls_engine *e)
{
    for (int i = 0; i < LS_POOL_THREADS; i++)
        e->io.worker_free_ns[i] = 0;
}

static void add_event(ls_engine *e, ls_io_event *ev)
{
    ev->seq = engine_next_seq(e);
    ls_io_event **link = &e->io.head;
    while (*link && ((*link)->ready_ns < ev->ready_ns ||
                     ((*link)->ready_ns == ev->ready_ns && (*link)->seq < ev->seq)))
        link = &(*link)->next;
    ev->next = *link;
    *link = ev;
}

/* uv_queue_work: the request waits for a free pool thread, then takes `latency_ms`. */
static void submit_trip(ls_engine *e, ls_io_event *ev)
{
    int best = 0;
    for (int i = 1; i < LS_POOL_THREADS; i++)
        if (e->io.worker_free_ns[i] < e->io.worker_free_ns[best])
            best = i;
    int64_t start = e->io.worker_free_ns[best] > e->clock.now_ns ? e->io.worker_free_ns[best]
                                                                  : e->clock.now_ns;
    ev->ready_ns = start + clock_ms_to_ns(ev->latency_ms);
    e->io.worker_free_ns[best] = ev->ready_ns;
    e->loop.active_reqs++; /* uv__req_register */
    add_event(e, ev);
}

static const char *trip_name(const ls_io_event *ev)
{
    static const char *readfile[] = {"open", "fstat", "read", "close"};
    if (ev->trips == 1)
        return ev->api + 3; /* "stat" of "fs.stat" */
    if (ev->trips == 4)
        return readfile[ev->trip];
    return "request";
}

void io_fs_start(ls_engine *e, const char *api, ls_value callback, int trips, double latency_ms,
                 ls_origin origin)
{
    ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
    ev->kind = EV_FS_TRIP;
    ev->api = api;
    ev->callback = callback;
    ev->trip = 0;
    ev->trips = trips;
    ev->latency_ms = latency_ms;
    ev->origin = origin;
    submit_trip(e, ev);
    if (e->out.recording)
        out_queued(e, api, arena_printf(e->arena, "%s: %s", origin.label, trip_name(ev)));
}

void io_call_from_poll(ls_engine *e, ls_native_fn fn, void *data)
{
    ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
    ev->kind = EV_NATIVE;
    ev->native = fn;
    ev->data = data;
    ev->ready_ns = e->clock.now_ns;
    e->loop.active_reqs++;
    add_event(e, ev);
}

int64_t io_next_ready_ns(const ls_engine *e)
{
    for (const ls_io_event *ev = e->io.head; ev; ev = ev->next)
        if (!ev->cancelled)
            return ev->ready_ns;
    return -1;
}

/* A native callback's frame for the trace. */
static void native_begin(ls_engine *e, const char *api, const char *label)
{
    ls_origin o = {api, label, engine_next_seq(e)};
    out_begin(e, o);
    engine_spend(e, e->costs.callback);
}

static void fs_complete(ls_engine *e, ls_io_event *ev)
{
    e->loop.active_reqs--;
    tasks_scope_enter(e); /* FSReqCallback's MakeCallback */
    if (ev->trip + 1 < ev->trips) {
        /* Node's own oncomplete (readFileAfterOpen, ...) starts the next request. */
        if (engine_count_callback(e)) {
            bool rec = e->out.recording;
            native_begin(e, ev->api, rec ? arena_printf(e->arena, "%s: %s done",
                                                        ev->origin.label, trip_name(ev))
                                         : "");
            ev->trip++;
            submit_trip(e, ev);
            if (rec)
                out_queued(e, ev->api, arena_printf(e->arena, "%s: %s", ev->origin.label,
                                                    trip_name(ev)));
            out_end(e);
        }
    } else {
        ls_value err = {.kind = LV_NULL};
        interp_run_callback(e, ev->origin, ev->callback, &err, 1);
    }
    tasks_scope_exit(e);
}

static void emit_in_scope(ls_engine *e, ls_emitter *em, const char *event, const char *api)
{
    if (emitter_listener_count(em, event) == 0)
        return;
    if (!engine_count_callback(e))
        return;
    tasks_scope_enter(e);
    native_begin(e, api, e->out.recording ? arena_printf(e->arena, "%s '%s'", em->label, event)
                                          : "");
    emitter_emit(e, em, event, NULL, 0, NULL);
    out_end(e);
    tasks_scope_exit(e);
}

static void close_socket_done(ls_engine *e, void *data);

static void connect_complete(ls_engine *e, ls_io_event *ev)
{
    ls_emitter *sock = ev->socket, *srv = ev->server;
    /* The server accepts (onconnection), then the client's connect request completes
     * (afterConnect): both are ready in the same poll. */
    srv->connections++;
    emit_in_scope(e, srv, "connection", "net.Server");
    if (engine_stopped(e))
        return;
    sock->connected = true;
    emit_in_scope(e, sock, "connect", "net.Socket");
}

static void emit_close_if_drained(ls_engine *e, ls_emitter *srv);

/* The server's end of a connection is destroyed: Socket._destroy does
 * `_server._connections--; _server._emitCloseIfDrained()` (lib/net.js), so a closed server's
 * 'close' is queued (nextTick) from here.  The handle's own close has no JavaScript callback. */
static void server_end_destroyed(ls_engine *e, ls_emitter *srv)
{
    e->loop.active_reqs--;
    srv->connections--;
    ls_uv_handle *h = arena_alloc(e->arena, sizeof *h);
    loop_close(e, h, NULL, NULL, "server connection");
    tasks_scope_enter(e);
    emit_close_if_drained(e, srv);
    tasks_scope_exit(e);
}

/* The server's end of the connection reads EOF in this poll phase.  With allowHalfOpen false it
 * ends its side: on some versions it is destroyed at once, on others only when its shutdown
 * request completes, in the next poll phase (profile column server_end_waits_for_shutdown). */
static void peer_eof(ls_engine *e, ls_io_event *ev)
{
    if (!e->profile->server_end_waits_for_shutdown) {
        server_end_destroyed(e, ev->server);
        return;
    }
    ls_io_event *shutdown = arena_alloc(e->arena, sizeof *shutdown);
    shutdown->kind = EV_PEER_SHUTDOWN;
    shutdown->server = ev->server;
    shutdown->ready_ns = e->clock.now_ns;
    add_event(e, shutdown);
}

int io_poll(ls_engine *e)
{
    /* uv__work_done takes every request done by now, then runs their callbacks. */
    int64_t now = e->clock.now_ns;
    ls_io_event *ready = NULL, **tail = &ready;
    while (e->io.head && e->io.head->ready_ns <= now) {
        ls_io_event *ev = e->io.head;
        e->io.head = ev->next;
        ev->next = NULL;
        *tail = ev;
        tail = &ev->next;
    }
    int n = 0;
    for (ls_io_event *ev = ready; ev && !engine_stopped(e); ev = ev->next) {
        if (ev->cancelled)
            continue;
        n++;
        switch (ev->kind) {
        case EV_FS_TRIP:
            fs_complete(e, ev);
            break;
        case EV_CONNECT:
            e->loop.active_reqs--;
            connect_complete(e, ev);
            break;
        case EV_PEER_EOF:
            peer_eof(e, ev);
            break;
        case EV_PEER_SHUTDOWN:
            server_end_destroyed(e, ev->server);
            break;
        case EV_NATIVE:
            e->loop.active_reqs--;
            ev->native(e, ev->data);
            break;
        }
    }
    return n;
}

/* ---- net ------------------------------------------------------------------------------------ */

static ls_function *native(ls_engine *e, const char *name, ls_native_fn fn, void *data)
{
    ls_function *f = arena_alloc(e->arena, sizeof *f);
    f->kind = FN_NATIVE;
    f->name = name;
    f->native = fn;
    f->data = data;
    return f;
}

static void emit_listening_nt(ls_engine *e, void *data)
{
    ls_emitter *srv = data;
    if (srv->listening)
        emitter_emit(e, srv, "listening", NULL, 0, NULL);
}

static void emit_close_nt(ls_engine *e, void *data)
{
    emitter_emit(e, data, "close", NULL, 0, NULL);
}

static ls_origin native_origin(ls_engine *e, const char *label)
{
    ls_origin o = {"process.nextTick", label, engine_next_seq(e)};
    return o;
}

bool io_listen(ls_engine *e, ls_emitter *srv, ls_value callback, const char *path)
{
    if (srv->listening || srv->closed) {
        interp_error(e, path, "server.listen() on a server that is %s",
                     srv->listening ? "already listening" : "closed");
        return false;
    }
    if (callback.kind != LV_UNDEFINED)
        emitter_on(e, srv, "listening", callback, true);
    srv->listening = true;
    loop_handle_set(e, &srv->handle, true, true);
    /* setupListenHandle: defaultTriggerAsyncIdScope(..., process.nextTick, emitListeningNT) */
    ls_value fn = value_function(native(e, "emitListeningNT", emit_listening_nt, srv));
    tasks_next_tick(e, fn, NULL, 0, native_origin(e, "emitListeningNT"));
    return true;
}

bool io_connect(ls_engine *e, ls_emitter *srv, ls_emitter *sock, ls_value callback,
                const char *path)
{
    if (!srv->listening) {
        interp_error(e, path, "net.connect() to a server that is not listening "
                              "(call listen first)");
        return false;
    }
    sock->peer = srv;
    if (callback.kind != LV_UNDEFINED)
        emitter_on(e, sock, "connect", callback, true);
    loop_handle_set(e, &sock->handle, true, true);
    ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
    ev->kind = EV_CONNECT;
    ev->socket = sock;
    ev->server = srv;
    ev->ready_ns = e->clock.now_ns + clock_ms_to_ns(e->costs.net_latency);
    e->loop.active_reqs++;
    add_event(e, ev);
    out_queued(e, "net.connect", sock->label);
    return true;
}

static void close_socket_done(ls_engine *e, void *data)
{
    ls_emitter *sock = data;
    /* closeSocketHandle: _handle.close(() => this.emit('close', isException)) */
    emit_in_scope(e, sock, "close", "net.Socket");
}

void io_destroy(ls_engine *e, ls_emitter *sock)
{
    if (sock->destroyed)
        return;
    sock->destroyed = true;
    /* A connect still in flight is cancelled with the handle. */
    for (ls_io_event *ev = e->io.head; ev; ev = ev->next) {
        if (ev->kind == EV_CONNECT && ev->socket == sock && !ev->cancelled) {
            ev->cancelled = true;
            e->loop.active_reqs--;
        }
    }
    loop_close(e, &sock->handle, close_socket_done, sock, sock->label);
    if (sock->connected) {
        ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
        ev->kind = EV_PEER_EOF;
        ev->server = sock->peer;
        ev->ready_ns = e->clock.now_ns; /* loopback: the FIN is there at once */
        add_event(e, ev);
        /* The server's end is a handle too: it keeps the loop alive until it closes. */
        e->loop.active_reqs++;
    }
}

/* Server.prototype._emitCloseIfDrained */
static void emit_close_if_drained(ls_engine *e, ls_emitter *srv)
{
    if (srv->listening || srv->connections > 0 || !srv->closed)
        return;
    ls_value fn = value_function(native(e, "emitCloseNT", emit_close_nt, srv));
    tasks_next_tick(e, fn, NULL, 0, native_origin(e, "emitCloseNT"));
}

bool io_server_close(ls_engine *e, ls_emitter *srv, ls_value callback, const char *path)
{
    if (!srv->listening) {
        interp_error(e, path, "server.close() on a server that is not running "
                              "(ERR_SERVER_NOT_RUNNING is not modelled)");
        return false;
    }
    if (callback.kind != LV_UNDEFINED)
        emitter_on(e, srv, "close", callback, true);
    srv->listening = false;
    srv->closed = true;
    /* this._handle.close(): no JS callback */
    loop_close(e, &srv->handle, NULL, NULL, srv->label);
    emit_close_if_drained(e, srv);
    return true;
}

void io_handle_ref(ls_engine *e, ls_emitter *owner, bool ref)
{
    loop_handle_set(e, &owner->handle, owner->handle.active, ref);
}
