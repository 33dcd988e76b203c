/* io.c - the thread pool and loopback sockets; see io.h. */
#include "io.h"

#include "engine.h"
#include "interp.h"

typedef enum { EV_FS_TRIP, EV_CONNECT, EV_PEER_EOF, EV_PEER_SHUTDOWN, EV_NATIVE } ev_kind;

struct ls_io_event {
    ls_io_event *next;
    ev_kind kind;
    int var;              /* the instant it completes: a variable of the clock's zone */
    int worker;           /* EV_FS_TRIP: the pool thread that runs it */
    uint64_t seq;
    /* EV_FS_TRIP */
    const char *api;
    ls_value callback;
    int trip, trips;
    ls_cost latency;
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
        e->io.worker_last[i] = NULL;
}

/* The event completes `cost` after instant `base`; it joins the in-flight list, which is kept
 * in the order the requests were made (the tie-break between equal completion instants). */
static bool add_event(ls_engine *e, ls_io_event *ev, int base, ls_cost cost)
{
    int64_t lo, hi;
    clock_cost_ns(&e->clock, cost, &lo, &hi);
    ev->var = dbm_add(&e->clock.zone, base, lo, hi);
    if (ev->var < 0) {
        e->stop = STOP_BAD_INPUT;
        e->stop_message = arena_printf(e->arena, "%s: error: more than %d I/O requests in flight "
                                       "at once; loopsim's timing model cannot follow them",
                                       e->program->file, DBM_MAX - 3);
        return false;
    }
    ev->seq = engine_next_seq(e);
    ls_io_event **link = &e->io.head;
    while (*link)
        link = &(*link)->next;
    ev->next = NULL;
    *link = ev;
    return true;
}

static void unlink_event(ls_engine *e, ls_io_event *ev)
{
    for (ls_io_event **link = &e->io.head; *link; link = &(*link)->next)
        if (*link == ev) {
            *link = ev->next;
            break;
        }
    ev->next = NULL;
    if (ev->kind == EV_FS_TRIP && e->io.worker_last[ev->worker] == ev)
        e->io.worker_last[ev->worker] = NULL;
    dbm_drop(&e->clock.zone, ev->var);
}

/* What an in-flight event is, for the words of a decision. */
static const char *event_words(ls_engine *e, const ls_io_event *ev);

/* Bounds saying that `ev` completes first among the in-flight events: no later than any, and
 * before those made earlier (which win a tie).  Returns how many were written. */
static int first_bounds(const ls_engine *e, const ls_io_event *ev, ls_bound *b)
{
    int n = 0;
    bool earlier = true;
    for (const ls_io_event *x = e->io.head; x; x = x->next) {
        if (x == ev) {
            earlier = false;
            continue;
        }
        b[n++] = (ls_bound){ev->var, x->var, earlier ? -1 : 0};
    }
    return n;
}

#define MAX_CHOICES DBM_MAX

/* uv_queue_work: the request runs on a free pool thread at once; with all four busy, it waits
 * for the first to finish (libuv src/threadpool.c: one queue, four workers taking from it). */
static bool submit_trip(ls_engine *e, ls_io_event *ev)
{
    for (int w = 0; w < LS_POOL_THREADS; w++)
        if (!e->io.worker_last[w]) {
            ev->worker = w;
            e->io.worker_last[w] = ev;
            e->loop.active_reqs++; /* uv__req_register */
            return add_event(e, ev, DBM_NOW, ev->latency);
        }
    /* Which thread frees first, and has it by now?  Each option: thread w's last request ends
     * first (ties to the lower thread), then at or before "now", or after it. */
    ls_bound bounds[2 * LS_POOL_THREADS][LS_POOL_THREADS + 1];
    const ls_bound *options[2 * LS_POOL_THREADS];
    int counts[2 * LS_POOL_THREADS];
    const char *statements[2 * LS_POOL_THREADS] = {NULL};
    bool words = clock_wants_words(&e->clock);
    for (int w = 0; w < LS_POOL_THREADS; w++) {
        int last = e->io.worker_last[w]->var;
        for (int half = 0; half < 2; half++) {
            int k = 2 * w + half, n = 0;
            for (int j = 0; j < LS_POOL_THREADS; j++)
                if (j != w)
                    bounds[k][n++] = (ls_bound){last, e->io.worker_last[j]->var, j < w ? -1 : 0};
            bounds[k][n++] = half == 0 ? (ls_bound){last, DBM_NOW, 0}
                                       : (ls_bound){DBM_NOW, last, -1};
            options[k] = bounds[k];
            counts[k] = n;
            if (words)
                statements[k] = arena_printf(
                    e->arena, "%s is the first of the four busy pool requests to finish, %s %s",
                    event_words(e, e->io.worker_last[w]),
                    half == 0 ? "already before" : "only after", event_words(e, ev));
        }
    }
    int k = clock_decide(&e->clock, 2 * LS_POOL_THREADS, options, counts, statements);
    int w = k < 0 ? 0 : k / 2;
    int base = k % 2 == 0 ? DBM_NOW : e->io.worker_last[w]->var;
    ev->worker = w;
    e->io.worker_last[w] = ev;
    e->loop.active_reqs++;
    return add_event(e, ev, base, ev->latency);
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

static const char *event_words(ls_engine *e, const ls_io_event *ev)
{
    switch (ev->kind) {
    case EV_FS_TRIP:
        if (ev->trips == 1)
            return arena_printf(e->arena, "%s `%s`", ev->api, ev->origin.label);
        return arena_printf(e->arena, "%s `%s` (%s)", ev->api, ev->origin.label, trip_name(ev));
    case EV_CONNECT:
        return arena_printf(e->arena, "the connect of `%s`", ev->socket->label);
    case EV_PEER_EOF:
    case EV_PEER_SHUTDOWN:
        return "the server end's EOF";
    case EV_NATIVE:
        return "the module loader";
    }
    return "an I/O completion";
}

void io_fs_start(ls_engine *e, const char *api, ls_value callback, int trips, ls_cost latency,
                 ls_origin origin)
{
    ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
    ev->kind = EV_FS_TRIP;
    ev->api = api;
    ev->callback = callback;
    ev->trip = 0;
    ev->trips = trips;
    ev->latency = latency;
    ev->origin = origin;
    if (!submit_trip(e, ev))
        return;
    if (e->out.queued)
        out_queued(e, api, arena_printf(e->arena, "%s: %s", origin.label, trip_name(ev)));
}

void io_call_from_poll(ls_engine *e, ls_native_fn fn, void *data)
{
    ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
    ev->kind = EV_NATIVE;
    ev->native = fn;
    ev->data = data;
    e->loop.active_reqs++;
    add_event(e, ev, DBM_NOW, cost_point(0));
}

bool io_in_flight(const ls_engine *e)
{
    return e->io.head != NULL;
}

io_wait_result io_wait(ls_engine *e, int64_t timeout_ms, ls_cost wakeup)
{
    ls_clock *c = &e->clock;
    int wake = -1; /* the instant the wait times out */
    if (timeout_ms >= 0) {
        ls_cost t = {wakeup.ms + (double)timeout_ms, wakeup.lo + (double)timeout_ms,
                     wakeup.hi + (double)timeout_ms,
                     wakeup.tail > 0 ? wakeup.tail + (double)timeout_ms : 0};
        int64_t lo, hi;
        clock_cost_ns(c, t, &lo, &hi);
        if (!e->io.head) {
            dbm_advance(&c->zone, lo, hi);
            return IO_WAIT_TIMED_OUT;
        }
        wake = dbm_add(&c->zone, DBM_NOW, lo, hi);
        if (wake < 0) {
            e->stop = STOP_BAD_INPUT;
            e->stop_message = "too many I/O requests in flight for the timing model";
            return IO_WAIT_DONE;
        }
    } else if (!e->io.head) {
        return IO_WAIT_FOREVER;
    }
    /* Options, per in-flight event x (in request order): x completes first and is done before
     * the poll phase starts waiting (no wait); x completes first during the wait, before it
     * times out; then, with a timeout, nothing completes before it. */
    ls_bound bounds[2 * MAX_CHOICES + 1][MAX_CHOICES + 2];
    const ls_bound *options[2 * MAX_CHOICES + 1];
    int counts[2 * MAX_CHOICES + 1];
    const char *statements[2 * MAX_CHOICES + 1] = {NULL};
    ls_io_event *who[2 * MAX_CHOICES + 1];
    bool words = clock_wants_words(c);
    const char *poll = words ? arena_printf(e->arena, "the poll phase of iteration "
                                            LS_ITERATION_WORDS, (unsigned long long)e->iteration)
                             : NULL;
    int n = 0;
    for (ls_io_event *x = e->io.head; x && n + 2 < 2 * MAX_CHOICES; x = x->next) {
        for (int half = 0; half < 2; half++) {
            int m = first_bounds(e, x, bounds[n]);
            if (half == 0) {
                bounds[n][m++] = (ls_bound){x->var, DBM_NOW, 0};
            } else {
                bounds[n][m++] = (ls_bound){DBM_NOW, x->var, -1};
                if (wake >= 0)
                    bounds[n][m++] = (ls_bound){x->var, wake, 0};
            }
            options[n] = bounds[n];
            counts[n] = m;
            who[n] = x;
            if (words)
                statements[n] = arena_printf(e->arena, half == 0
                    ? "%s completes first, before %s starts to wait"
                    : "%s completes first, while %s waits", event_words(e, x), poll);
            n++;
        }
    }
    if (wake >= 0) {
        int m = 0;
        for (ls_io_event *x = e->io.head; x && m < MAX_CHOICES; x = x->next)
            bounds[n][m++] = (ls_bound){wake, x->var, -1};
        options[n] = bounds[n];
        counts[n] = m;
        who[n] = NULL;
        if (words)
            statements[n] = arena_printf(e->arena, "nothing in flight completes before %s times "
                                         "out", poll);
        n++;
    }
    int k = clock_decide(c, n, options, counts, statements);
    io_wait_result r = IO_WAIT_DONE;
    if (k < 0 || who[k] == NULL) {
        dbm_assign(&c->zone, DBM_NOW, wake); /* the wait times out */
        r = IO_WAIT_TIMED_OUT;
    } else if (k % 2 == 1) {
        dbm_assign(&c->zone, DBM_NOW, who[k]->var); /* woken by the completion */
    }
    if (wake >= 0)
        dbm_drop(&c->zone, wake);
    return r;
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
            if (e->out.queued)
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
    add_event(e, shutdown, DBM_NOW, cost_point(0));
}

int io_poll(ls_engine *e)
{
    /* uv__work_done takes every request done by now, in the order they completed, then runs
     * their callbacks.  Which are done, and in what order, is decided one at a time: the next
     * is one done by now that completed before every other still in flight. */
    ls_clock *c = &e->clock;
    int at = dbm_add(&c->zone, DBM_NOW, 0, 0);
    if (at < 0)
        at = DBM_NOW; /* no room: the batch is taken against "now" as it moves */
    bool words = clock_wants_words(c);
    const char *poll = words ? arena_printf(e->arena, "the poll phase of iteration "
                                            LS_ITERATION_WORDS, (unsigned long long)e->iteration)
                             : NULL;
    ls_io_event *ready = NULL, **tail = &ready;
    while (e->io.head) {
        ls_bound bounds[MAX_CHOICES + 1][MAX_CHOICES + 1];
        const ls_bound *options[MAX_CHOICES + 1];
        int counts[MAX_CHOICES + 1];
        const char *statements[MAX_CHOICES + 1] = {NULL};
        ls_io_event *who[MAX_CHOICES + 1];
        int n = 0, m = 0;
        for (ls_io_event *x = e->io.head; x && n < MAX_CHOICES; x = x->next) {
            int b = first_bounds(e, x, bounds[n]);
            bounds[n][b++] = (ls_bound){x->var, at, 0};
            options[n] = bounds[n];
            counts[n] = b;
            who[n] = x;
            if (words)
                statements[n] = arena_printf(e->arena, ready ? "%s has completed too, next, when "
                                             "%s looks" : "%s has completed first when %s looks",
                                             event_words(e, x), poll);
            n++;
        }
        for (ls_io_event *x = e->io.head; x && m < MAX_CHOICES; x = x->next)
            bounds[n][m++] = (ls_bound){at, x->var, -1};
        options[n] = bounds[n];
        counts[n] = m;
        who[n] = NULL;
        if (words)
            statements[n] = arena_printf(e->arena, ready ? "nothing else has completed when %s "
                                         "looks" : "nothing has completed when %s looks", poll);
        n++;
        int k = clock_decide(c, n, options, counts, statements);
        if (k < 0 || !who[k])
            break;
        ls_io_event *ev = who[k];
        unlink_event(e, ev);
        *tail = ev;
        tail = &ev->next;
    }
    if (at != DBM_NOW)
        dbm_drop(&c->zone, at);
    int n = 0;
    for (ls_io_event *ev = ready, *next; ev && !engine_stopped(e); ev = next) {
        next = ev->next;
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
    e->loop.active_reqs++;
    if (!add_event(e, ev, DBM_NOW, e->costs.net_latency))
        return false;
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
    for (ls_io_event *ev = e->io.head, *next; ev; ev = next) {
        next = ev->next;
        if (ev->kind == EV_CONNECT && ev->socket == sock) {
            unlink_event(e, ev);
            e->loop.active_reqs--;
        }
    }
    loop_close(e, &sock->handle, close_socket_done, sock, sock->label);
    if (sock->connected) {
        ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
        ev->kind = EV_PEER_EOF;
        ev->server = sock->peer;
        add_event(e, ev, DBM_NOW, cost_point(0)); /* loopback: the FIN is there at once */
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

size_t io_describe(ls_engine *e, FILE *f, size_t max)
{
    size_t n = 0;
    for (const ls_io_event *x = e->io.head; x; x = x->next, n++)
        if (n < max)
            fprintf(f, "%s%s", n ? ", " : "", event_words(e, x));
    if (n > max)
        fprintf(f, ", ... and %zu more", n - max);
    return n;
}

void io_fingerprint(ls_engine *e, ls_fp *fp)
{
    if (e->io.head)
        fp_refuse(fp);
    for (int i = 0; i < LS_POOL_THREADS; i++)
        if (e->io.worker_last[i])
            fp_refuse(fp);
}
