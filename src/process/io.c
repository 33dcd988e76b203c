/* io.c - the thread pool and loopback sockets; see io.h.
 *
 * The first half is libuv's side: requests in flight, each completing at an instant of the
 * clock's zone (the thread pool's, src/threadpool.c, and the sockets'), and the poll phase
 * taking those done.  The second half is Node's net module as the program sees it:
 * net.Server/net.Socket objects (EventEmitters whose C state is an ls_net).  The fs module is
 * node/fs.c, over io_pool_submit.
 */
#include "io.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"

typedef enum { EV_POOL, EV_CONNECT, EV_PEER_EOF, EV_PEER_SHUTDOWN, EV_NATIVE } ev_kind;

struct ls_io_event {
    ls_io_event *next;
    ev_kind kind;
    int var;              /* the instant it completes: a variable of the clock's zone */
    int worker;           /* EV_POOL: the pool thread that runs it */
    uint64_t seq;
    /* EV_POOL: the request (Node's FSReqCallback and its like) */
    ls_pool_job *job;
    /* EV_CONNECT, EV_PEER_EOF */
    ls_net *socket;
    ls_net *server;
    /* EV_NATIVE */
    ls_native_fn native;
    void *data;
    const char *what;     /* its words in decisions (NULL: the module loader's) */
    bool req;             /* it counts as a request (loop->active_reqs) */
    uint64_t *rank;       /* a descriptor's place in epoll's ready list (io_post_event) */
    js_value subject;     /* what the event is of, for the fingerprint (io_post_event) */
    int sub;              /* among one descriptor's events: reads before writes */
};

/* A net.Server or net.Socket: the JavaScript object is an EventEmitter (its listeners, its
 * 'connection', 'listening', 'connect' and 'close' events); this is the handle under it. */
struct ls_net {
    ls_net *next_all;         /* every one made, for the collector */
    bool server;
    bool server_end;          /* a socket: the server's end of a connection */
    js_value object;
    const char *label;        /* "server#1", "socket#2" */
    ls_uv_handle handle;
    bool listening, closed, destroyed, connected;
    int connections;          /* server: accepted connections still open */
    int port;                 /* server: from listen */
    ls_net *peer;             /* socket: its server */
};

void io_init(ls_engine *e)
{
    for (int i = 0; i < LS_POOL_MAX; i++)
        e->io.worker_job[i] = NULL;
    e->io.queued = e->io.queued_tail = NULL;
    e->io.done = e->io.done_tail = NULL;
    e->io.nthreads = 0;
    e->io.warm = -1;
    e->io.nets = NULL;
    e->io.nnets = 0;
    e->io.epoll_seq = 0;
    e->io.epoll_floor = 1; /* a rank of 0 is stale: no descriptor is in the list yet */
    e->io.net = e->io.server_proto = e->io.socket_proto = js_undefined();
}

/* The event completes `cost` after instant `base`; it joins the in-flight list, which is kept
 * in the order the requests were made (the tie-break between equal completion instants): a pool
 * request was numbered when it was made (submit_trip), which may be before it starts. */
static bool add_event(ls_engine *e, ls_io_event *ev, int base, ls_cost cost)
{
    int64_t lo, hi;
    clock_cost_ns(&e->clock, cost, &lo, &hi);
    ev->var = dbm_add(&e->clock.zone, base, lo, hi);
    if (ev->var < 0) {
        e->stop = STOP_BAD_INPUT;
        e->stop_message = arena_printf(e->arena, "%s: error: more than %d I/O events in flight at "
                                       "once (socket events, thread-pool requests running or "
                                       "completed); loopsim's timing model cannot follow them",
                                       e->program->file, DBM_MAX - 3);
        return false;
    }
    if (ev->kind != EV_POOL)
        ev->seq = engine_next_seq(e);
    ls_io_event **link = &e->io.head;
    while (*link && (*link)->seq < ev->seq)
        link = &(*link)->next;
    ev->next = *link;
    *link = ev;
    return true;
}

/* Pool thread w starts request `ev` at instant `base`. */
static bool start_on(ls_engine *e, int w, ls_io_event *ev, int base)
{
    ev->worker = w;
    e->io.worker_job[w] = ev;
    return add_event(e, ev, base, ev->job->latency);
}

/* The request that waited longest, off the queue. */
static ls_io_event *dequeue(ls_engine *e)
{
    ls_io_event *ev = e->io.queued;
    e->io.queued = ev->next;
    if (!e->io.queued)
        e->io.queued_tail = NULL;
    ev->next = NULL;
    return ev;
}

/* `ev` off the in-flight list. */
static void detach(ls_engine *e, ls_io_event *ev)
{
    for (ls_io_event **link = &e->io.head; *link; link = &(*link)->next)
        if (*link == ev) {
            *link = ev->next;
            break;
        }
    ev->next = NULL;
}

/* `ev` at the end of a list kept with its tail (the pool's queue, the done list). */
static void append(ls_io_event **head, ls_io_event **tail, ls_io_event *ev)
{
    ev->next = NULL;
    if (*tail)
        (*tail)->next = ev;
    else
        *head = ev;
    *tail = ev;
}

static void unlink_event(ls_engine *e, ls_io_event *ev)
{
    detach(e, ev);
    /* The thread that ran it, if it has not moved on already (submit_trip), takes the request
     * that has waited longest at the instant this one completed (libuv src/threadpool.c worker:
     * after a request's work, the thread takes the queue's head, or sleeps if it is empty). */
    if (ev->kind == EV_POOL && e->io.worker_job[ev->worker] == ev) {
        e->io.worker_job[ev->worker] = NULL;
        if (e->io.queued)
            start_on(e, ev->worker, dequeue(e), ev->var);
    }
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

/* The first request starts the pool (libuv src/threadpool.c uv__work_submit -> uv_once(init_once)
 * -> init_threads): UV_THREADPOOL_SIZE threads as the environment says when that happens
 * (atoi into an unsigned count; 0 is 1; default 4), and the calling thread waits until every one has started: the
 * first request's cost on the thread that made it (pool_start_ms).  Node's process.env writes
 * the real environment, so a program can set it first.  The new threads take their first work
 * only some time later (pool_warmup_ms, an instant of the zone): a request made before then
 * completes its latency after it. */
static bool start_pool(ls_engine *e)
{
    const char *val = host_env(e, "UV_THREADPOOL_SIZE");
    long n = val ? atol(val) : LS_POOL_THREADS;
    if (n == 0)
        n = 1;
    if (n < 0 || n > LS_POOL_MAX) { /* libuv's count is unsigned: a negative one is huge */
        e->stop = STOP_BAD_INPUT;
        e->stop_message = arena_printf(e->arena, "%s: error: UV_THREADPOOL_SIZE is %ld; loopsim "
                                       "models a thread pool of at most %d threads",
                                       e->program->file, n, LS_POOL_MAX);
        return false;
    }
    e->io.nthreads = (int)n;
    engine_spend(e, e->costs.pool_start);
    int64_t lo, hi;
    clock_cost_ns(&e->clock, e->costs.pool_warmup, &lo, &hi);
    e->io.warm = dbm_add(&e->clock.zone, DBM_NOW, lo, hi);
    return true;
}

/* Once the zone says the warm-up is over whatever the timing, its instant is forgotten (so
 * that the state can be fingerprinted again). */
static void forget_warm_if_passed(ls_engine *e)
{
    if (e->io.warm >= 0 && e->clock.zone.m[e->io.warm][DBM_NOW] <= 0) {
        dbm_drop(&e->clock.zone, e->io.warm);
        e->io.warm = -1;
    }
}

void io_settle(ls_engine *e)
{
    forget_warm_if_passed(e);
}

/* Where a request made now starts its latency: now, or the instant the pool's threads take
 * their first work if that is still to come (decided, once it may have passed). */
static int start_instant(ls_engine *e, const ls_io_event *ev)
{
    forget_warm_if_passed(e);
    if (e->io.warm < 0)
        return DBM_NOW;
    ls_bound passed = {e->io.warm, DBM_NOW, 0}, later = {DBM_NOW, e->io.warm, -1};
    const ls_bound *options[2] = {&passed, &later};
    int counts[2] = {1, 1};
    const char *statements[2] = {NULL, NULL};
    if (clock_wants_words(&e->clock)) {
        statements[0] = arena_printf(e->arena, "the thread pool takes work already when %s is "
                                     "made", event_words(e, ev));
        statements[1] = arena_printf(e->arena, "the thread pool's new threads take no work yet "
                                     "when %s is made", event_words(e, ev));
    }
    int k = clock_decide(&e->clock, 2, options, counts, statements);
    if (k == 1)
        return e->io.warm;
    dbm_drop(&e->clock.zone, e->io.warm);
    e->io.warm = -1;
    return DBM_NOW;
}

/* Request x is known to have completed before now and before every other request its thread
 * pool is running (submit_trip decided so), and its thread has moved on.  If everything else
 * in flight is a request a thread is running, x completed before all of them and before
 * anything made from now on, so the poll phase takes it before them: it leaves the zone for the
 * done list, in the order of those decisions.  Otherwise (a socket's event, or a request
 * completed earlier and still in the zone, may come before it) it stays in the zone.  This keeps
 * a program that makes thousands of requests at once within the zone's size. */
static void settle(ls_engine *e, ls_io_event *x)
{
    for (const ls_io_event *y = e->io.head; y; y = y->next)
        if (y != x && (y->kind != EV_POOL || e->io.worker_job[y->worker] != y))
            return;
    detach(e, x);
    append(&e->io.done, &e->io.done_tail, x);
    dbm_drop(&e->clock.zone, x->var);
    x->var = -1;
}

/* uv_queue_work: the request runs on a free pool thread at once; with all of them busy, it
 * waits in one FIFO queue that the threads take from as they finish (libuv src/threadpool.c:
 * post() appends to wq, worker() takes its head).  A waiting request has no instant in the zone:
 * it gets one when a thread takes it, at the instant that thread's request completed, which is
 * decided when the loop takes that completion (unlink_event) or, below, when a later request
 * finds that a thread has finished already.  So the zone holds the requests running, at most
 * one per thread, however many wait.
 *
 * Requests wait only while every thread is busy past the instant the last of them was made, so
 * a thread that frees takes the queue's head at the instant it frees. */
static bool submit_trip(ls_engine *e, ls_io_event *ev)
{
    if (e->io.nthreads == 0 && !start_pool(e))
        return false;
    ev->seq = engine_next_seq(e);
    ev->next = NULL;
    e->loop.active_reqs++; /* uv__req_register */
    int nt = e->io.nthreads;
    for (int w = 0; w < nt; w++)
        if (!e->io.worker_job[w]) /* an idle thread: the queue is empty */
            return start_on(e, w, ev, start_instant(e, ev));
    bool words = clock_wants_words(&e->clock);
    for (;;) {
        /* Which thread frees first, and has it by now?  Each option: thread w's request ends
         * first (ties to the request made first, as in io_poll), then at or before "now", or
         * after it. */
        ls_bound bounds[2 * LS_POOL_MAX][LS_POOL_MAX + 1];
        const ls_bound *options[2 * LS_POOL_MAX];
        int counts[2 * LS_POOL_MAX];
        const char *statements[2 * LS_POOL_MAX] = {NULL};
        for (int w = 0; w < nt; w++) {
            const ls_io_event *mine = e->io.worker_job[w];
            int ends = mine->var;
            for (int half = 0; half < 2; half++) {
                int k = 2 * w + half, n = 0;
                for (int j = 0; j < nt; j++)
                    if (j != w) {
                        const ls_io_event *other = e->io.worker_job[j];
                        bounds[k][n++] = (ls_bound){ends, other->var,
                                                    other->seq < mine->seq ? -1 : 0};
                    }
                bounds[k][n++] = half == 0 ? (ls_bound){ends, DBM_NOW, 0}
                                           : (ls_bound){DBM_NOW, ends, -1};
                options[k] = bounds[k];
                counts[k] = n;
                if (words)
                    statements[k] = arena_printf(
                        e->arena, "%s is the first of the %d busy pool requests to finish, %s %s",
                        event_words(e, e->io.worker_job[w]), nt,
                        half == 0 ? "already before" : "only after", event_words(e, ev));
            }
        }
        int k = clock_decide(&e->clock, 2 * nt, options, counts, statements);
        if (k < 0 || k % 2 == 1) { /* every thread is busy past now: the request waits */
            append(&e->io.queued, &e->io.queued_tail, ev);
            return true;
        }
        /* thread w freed before now: it took the request waiting longest then, or this one */
        int w = k / 2;
        ls_io_event *freed = e->io.worker_job[w];
        bool none_waits = !e->io.queued;
        if (!(none_waits ? start_on(e, w, ev, DBM_NOW)
                         : start_on(e, w, dequeue(e), freed->var)))
            return false;
        settle(e, freed);
        if (none_waits)
            return true;
    }
}

static const char *event_words(ls_engine *e, const ls_io_event *ev)
{
    switch (ev->kind) {
    case EV_POOL:
        if (!ev->job->several)
            return arena_printf(e->arena, "%s `%s`", ev->job->api, ev->job->origin.label);
        return arena_printf(e->arena, "%s `%s` (%s)", ev->job->api, ev->job->origin.label,
                            ev->job->trip);
    case EV_CONNECT:
        return arena_printf(e->arena, "the connect of `%s`", ev->socket->label);
    case EV_PEER_EOF:
    case EV_PEER_SHUTDOWN:
        return "the server end's EOF";
    case EV_NATIVE:
        return ev->what ? ev->what : "the module loader";
    }
    return "an I/O completion";
}

void io_pool_job_init(ls_engine *e, ls_pool_job *job, const char *api, js_value cb,
                      ls_cost latency, const char *trip,
                      bool (*complete)(ls_engine *e, ls_pool_job *job), void *data)
{
    memset(job, 0, sizeof *job);
    job->api = api;
    job->origin = (ls_origin){api, host_label(e, cb), engine_next_seq(e)};
    job->latency = latency;
    job->trip = trip;
    job->complete = complete;
    job->callback = cb;
    job->data = data;
    for (size_t i = 0; i < 3; i++)
        job->args[i] = js_undefined();
    job->keep[0] = job->keep[1] = js_undefined();
}

bool io_pool_submit(ls_engine *e, ls_pool_job *job)
{
    ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
    ev->kind = EV_POOL;
    ev->job = job;
    if (!submit_trip(e, ev))
        return false;
    if (e->out.queued)
        out_queued(e, job->api, arena_printf(e->arena, "%s: %s", job->origin.label, job->trip));
    return true;
}

void io_call_from_poll(ls_engine *e, ls_native_fn fn, void *data)
{
    ls_io_post p = {fn, data, cost_point(0), NULL, true, NULL, 0, js_undefined(), NULL};
    io_post_event(e, &p);
}

ls_io_event *io_post_event(ls_engine *e, const ls_io_post *p)
{
    ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
    ev->rank = p->rank;
    ev->subject = p->subject;
    ev->sub = p->sub;
    ev->kind = EV_NATIVE;
    ev->native = p->fn;
    ev->data = p->data;
    ev->what = p->what;
    ev->req = p->req;
    if (p->req)
        e->loop.active_reqs++;
    bool ok = p->with ? add_event(e, ev, p->with->var, cost_point(0))
                      : add_event(e, ev, DBM_NOW, p->latency);
    return ok ? ev : NULL;
}

bool io_in_flight(const ls_engine *e)
{
    return e->io.head != NULL || e->io.done != NULL;
}

io_wait_result io_wait(ls_engine *e, int64_t timeout_ms, ls_cost wakeup)
{
    ls_clock *c = &e->clock;
    if (e->io.done) /* completed already: the async handle is readable, epoll returns at once */
        return IO_WAIT_DONE;
    int wake = -1; /* the instant the wait times out */
    if (timeout_ms >= 0) {
        ls_cost t = {wakeup.ms + (double)timeout_ms, wakeup.lo + (double)timeout_ms,
                     wakeup.hi + (double)timeout_ms,
                     wakeup.tail > 0 ? wakeup.tail + (double)timeout_ms : 0, wakeup.share};
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

/* ---- completions ------------------------------------------------------------------------------ */

/* A native callback's frame for the trace. */
static void native_begin(ls_engine *e, const char *api, const char *label)
{
    ls_origin o = {api, label, engine_next_seq(e)};
    out_begin(e, o);
    engine_spend(e, e->costs.callback);
}

/* A pool request's trip is done: what its thread did takes effect (job->complete), then, in a
 * callback scope of its own (the request's MakeCallback), either Node's own callback starts the
 * next trip (readFileAfterOpen, ...) or the program's callback runs. */
static void pool_complete(ls_engine *e, ls_io_event *ev)
{
    ls_pool_job *job = ev->job;
    e->loop.active_reqs--;
    const char *done = job->trip;
    bool again = job->complete(e, job);
    if (engine_stopped(e))
        return;
    tasks_scope_enter(e); /* FSReqCallback's MakeCallback */
    if (again) {
        if (engine_count_callback(e)) {
            bool rec = e->out.recording;
            native_begin(e, job->api, rec ? arena_printf(e->arena, "%s: %s done",
                                                         job->origin.label, done)
                                          : "");
            io_pool_submit(e, job);
            out_end(e);
        }
    } else if (js_is_callable(job->callback)) {
        host_run_callback(e, job->origin, job->callback, job->args, job->nargs);
    }
    tasks_scope_exit(e);
}

/* emitter.emit(event, ...args) from the loop, in a callback scope of its own; nothing if no
 * listener (Node emits anyway, but an emit without listeners runs no JavaScript) */
static void emit_in_scope(ls_engine *e, ls_net *net, const char *event, const char *api,
                          const js_value *args, size_t nargs)
{
    if (host_listener_count(e, net->object, event) == 0)
        return;
    if (!engine_count_callback(e))
        return;
    tasks_scope_enter(e);
    native_begin(e, api, e->out.recording ? arena_printf(e->arena, "%s '%s'", net->label, event)
                                          : "");
    host_emit(e, net->object, event, args, nargs);
    out_end(e);
    tasks_scope_exit(e);
}

static ls_net *new_net(ls_engine *e, bool server, bool server_end);

static void connect_complete(ls_engine *e, ls_io_event *ev)
{
    ls_net *sock = ev->socket, *srv = ev->server;
    /* The server accepts (onconnection: a new Socket for its end, 'connection'), then the
     * client's connect request completes (afterConnect: 'connect'): both are ready in the same
     * poll. */
    srv->connections++;
    ls_net *end = new_net(e, false, true);
    end->connected = true;
    end->peer = srv;
    emit_in_scope(e, srv, "connection", "net.Server", &end->object, 1);
    if (engine_stopped(e))
        return;
    sock->connected = true;
    emit_in_scope(e, sock, "connect", "net.Socket", NULL, 0);
}

static void emit_close_if_drained(ls_engine *e, ls_net *srv);

/* The server's end of a connection is destroyed: Socket._destroy does
 * `_server._connections--; _server._emitCloseIfDrained()` (lib/net.js), so a closed server's
 * 'close' is queued (nextTick) from here.  The handle's own close has no JavaScript callback. */
static void server_end_destroyed(ls_engine *e, ls_net *srv)
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

/* The descriptors' events of a batch in the order epoll_wait reports them (src/unix/linux.c
 * uv__io_poll runs them in that order): its ready list is level-triggered, so a descriptor it
 * reported last time is put back at the list's end as it is reported, and keeps that place while
 * it stays ready; one that becomes ready later goes after those (fs/eventpoll.c ep_send_events,
 * ep_poll_callback).  The ranks say so (io_post_event); the other events keep their places.
 * Then the descriptors reported get their places for the next batch, in this order, and a
 * rank below the floor is stale: that descriptor left the list. */
static ls_io_event *epoll_order(ls_engine *e, ls_io_event *batch)
{
    e->io.epoll_floor = e->io.epoll_seq + 1;
    size_t n = 0;
    for (ls_io_event *ev = batch; ev; ev = ev->next)
        if (ev->kind == EV_NATIVE && ev->rank)
            n++;
    if (!n)
        return batch;
    /* a stable insertion sort of the ranked events by (rank, sub): batches are small */
    ls_io_event **sorted = arena_alloc(e->arena, n * sizeof *sorted);
    size_t k = 0;
    for (ls_io_event *ev = batch; ev; ev = ev->next) {
        if (ev->kind != EV_NATIVE || !ev->rank)
            continue;
        size_t j = k++;
        while (j > 0 && (*sorted[j - 1]->rank > *ev->rank ||
                         (*sorted[j - 1]->rank == *ev->rank && sorted[j - 1]->sub > ev->sub))) {
            sorted[j] = sorted[j - 1];
            j--;
        }
        sorted[j] = ev;
    }
    /* relinked: the ranked events take the ranked places in that order */
    size_t all = 0;
    for (ls_io_event *ev = batch; ev; ev = ev->next)
        all++;
    ls_io_event **order = arena_alloc(e->arena, all * sizeof *order);
    k = 0;
    size_t i = 0;
    for (ls_io_event *ev = batch; ev; ev = ev->next)
        order[i++] = (ev->kind == EV_NATIVE && ev->rank) ? sorted[k++] : ev;
    for (i = 0; i + 1 < all; i++)
        order[i]->next = order[i + 1];
    order[all - 1]->next = NULL;
    ls_io_event *out = order[0];
    for (i = 0; i < n; i++)
        if (*sorted[i]->rank < e->io.epoll_floor || *sorted[i]->rank >= IO_RANK_DEFERRED)
            *sorted[i]->rank = ++e->io.epoll_seq;
    return out;
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
    ls_io_event *ready = e->io.done, **tail = &ready; /* those first, in the order they completed */
    if (ready)
        tail = &e->io.done_tail->next;
    e->io.done = e->io.done_tail = NULL;
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
    *tail = NULL;
    ready = epoll_order(e, ready);
    /* the batch stays reachable for the collector until each has run */
    e->io.running = ready;
    int n = 0;
    for (ls_io_event *ev = ready, *next; ev && !engine_stopped(e); ev = next) {
        next = ev->next;
        e->io.running = ev;
        n++;
        switch (ev->kind) {
        case EV_POOL:
            pool_complete(e, ev);
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
            if (ev->req)
                e->loop.active_reqs--;
            ev->native(e, ev->data);
            break;
        }
    }
    e->io.running = NULL;
    return n;
}

size_t io_describe(ls_engine *e, FILE *f, size_t max)
{
    size_t n = 0;
    for (const ls_io_event *x = e->io.head; x; x = x->next, n++)
        if (n < max)
            fprintf(f, "%s%s", n ? ", " : "", event_words(e, x));
    for (const ls_io_event *x = e->io.done; x; x = x->next, n++)
        if (n < max)
            fprintf(f, "%s%s (completed)", n ? ", " : "", event_words(e, x));
    for (const ls_io_event *x = e->io.queued; x; x = x->next, n++)
        if (n < max)
            fprintf(f, "%s%s (waiting for a pool thread)", n ? ", " : "", event_words(e, x));
    if (n > max)
        fprintf(f, ", ... and %zu more", n - max);
    return n;
}

/* An event in flight the walk can follow: a descriptor's (its subject's state is walked, and
 * its instant by the clock's walk); not a request of the pool, whose threads are not walked. */
static bool walkable(const ls_io_event *ev)
{
    return ev->kind == EV_NATIVE && ev->rank && ev->subject.type == JS_TOBJECT;
}

int io_pending_instants(ls_engine *e, int *vars, int max)
{
    int n = 0;
    for (const ls_io_event *ev = e->io.head; ev; ev = ev->next) {
        if (!walkable(ev) || n >= max)
            return -1;
        vars[n++] = ev->var;
    }
    return n;
}

void io_fingerprint(ls_engine *e, ls_fp *fp)
{
    if (e->io.queued || e->io.done)
        fp_refuse(fp);
    /* the descriptors' events in flight, in the order made: what, whose, their places in
     * epoll's list relative to the last poll's (the instants are the clock's) */
    for (const ls_io_event *ev = e->io.head; ev; ev = ev->next) {
        if (!walkable(ev)) {
            fp_refuse(fp);
            continue;
        }
        fp_str(fp, ev->what);
        fp_i64(fp, ev->sub);
        fp_bool(fp, ev->req);
        fp_bytes(fp, &ev->native, sizeof ev->native);
        fp_value(fp, ev->subject);
    }
    fp_u64(fp, UINT64_C(0x10e7));
    for (int i = 0; i < e->io.nthreads; i++)
        if (e->io.worker_job[i])
            fp_refuse(fp);
    fp_u64(fp, (uint64_t)e->io.nthreads);
    if (e->io.warm >= 0)
        fp_refuse(fp);
    /* a socket or server in any state but none at all: its handle, its listeners */
    if (e->io.nets)
        fp_refuse(fp);
}

static void mark_job(js_vm *vm, const ls_io_event *ev)
{
    if (ev->kind == EV_NATIVE)
        js_gc_mark_value(vm, ev->subject);
    if (ev->kind != EV_POOL)
        return;
    const ls_pool_job *job = ev->job;
    js_gc_mark_value(vm, job->callback);
    for (size_t i = 0; i < sizeof job->args / sizeof job->args[0]; i++)
        js_gc_mark_value(vm, job->args[i]);
    for (size_t i = 0; i < sizeof job->keep / sizeof job->keep[0]; i++)
        js_gc_mark_value(vm, job->keep[i]);
}

void io_mark(ls_engine *e, js_vm *vm)
{
    for (ls_io_event *ev = e->io.head; ev; ev = ev->next)
        mark_job(vm, ev);
    for (ls_io_event *ev = e->io.running; ev; ev = ev->next)
        mark_job(vm, ev);
    for (ls_io_event *ev = e->io.queued; ev; ev = ev->next)
        mark_job(vm, ev);
    for (ls_io_event *ev = e->io.done; ev; ev = ev->next)
        mark_job(vm, ev);
    for (int i = 0; i < e->io.nthreads; i++)
        if (e->io.worker_job[i])
            mark_job(vm, e->io.worker_job[i]);
    for (ls_net *n = e->io.nets; n; n = n->next_all)
        js_gc_mark_value(vm, n->object);
    js_gc_mark_value(vm, e->io.net);
    js_gc_mark_value(vm, e->io.server_proto);
    js_gc_mark_value(vm, e->io.socket_proto);
}

/* ---- the net module ------------------------------------------------------------------------- */

static ls_engine *engine_of(const js_args *a)
{
    return ((ls_host_link *)js_native_data(a->callee))->e;
}

static const js_host_class net_class = {"net", NULL, NULL, NULL};

static ls_net *as_net(js_value v)
{
    return js_host_data(v, &net_class);
}

/* A Server or a Socket: a host object whose prototype inherits EventEmitter.prototype, set
 * up by EventEmitter.init as the constructors do (lib/net.js: FunctionPrototypeCall(
 * EventEmitter, this)). */
static ls_net *new_net(ls_engine *e, bool server, bool server_end)
{
    ls_net *n = arena_alloc(e->arena, sizeof *n);
    n->server = server;
    n->server_end = server_end;
    n->label = arena_printf(e->arena, "%s#%d", server ? "server" : "socket", ++e->io.nnets);
    n->object = js_new_host_object(e->host.vm, &net_class, n,
                                   server ? e->io.server_proto : e->io.socket_proto);
    n->next_all = e->io.nets;
    e->io.nets = n;
    host_emitter_init(e, n->object);
    return n;
}

static ls_net *this_net(const js_args *a, bool server)
{
    ls_net *n = as_net(a->this_value);
    return n && n->server == server ? n : NULL;
}

static void emit_listening_nt(ls_engine *e, js_value obj)
{
    ls_net *srv = as_net(obj);
    if (srv && srv->listening)
        host_emit(e, obj, "listening", NULL, 0);
}

static void emit_close_nt(ls_engine *e, js_value obj)
{
    host_emit(e, obj, "close", NULL, 0);
}

/* server.listen([port[, host]][, callback]): the port is the next free one, whatever asked
 * (loopback, port 0 or not) */
static js_status server_listen(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_net *srv = this_net(a, true);
    if (!srv) {
        host_refuse(e, "server.listen() on something that is not a net.Server");
        return JS_STOP;
    }
    if (srv->listening || srv->closed) {
        /* ERR_SERVER_ALREADY_LISTEN: not modelled */
        host_refuse(e, "server.listen() on a server that is %s",
                    srv->listening ? "already listening" : "closed");
        return JS_STOP;
    }
    engine_spend(e, e->costs.api_call);
    js_value cb = a->argc ? a->argv[a->argc - 1] : js_undefined();
    if (js_is_callable(cb))
        host_add_listener(e, srv->object, "listening", cb, true);
    srv->listening = true;
    srv->port = 40000 + e->io.nnets;
    loop_handle_set(e, &srv->handle, true, true);
    /* setupListenHandle: defaultTriggerAsyncIdScope(..., process.nextTick, emitListeningNT) */
    host_next_tick_native(e, "emitListeningNT", emit_listening_nt, srv->object);
    *out = a->this_value;
    return JS_OK;
}

/* server.address(): { port, family, address } while listening, else null */
static js_status server_address(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_net *srv = this_net(a, true);
    if (!srv || !srv->listening) {
        *out = js_null();
        return JS_OK;
    }
    js_vm *vm = a->vm;
    js_value o = js_new_object(vm);
    js_set(vm, o, "address", js_new_cstring(vm, "::"));
    js_set(vm, o, "family", js_new_cstring(vm, "IPv6"));
    js_set(vm, o, "port", js_number(srv->port));
    (void)e;
    *out = o;
    return JS_OK;
}

/* Server.prototype._emitCloseIfDrained */
static void emit_close_if_drained(ls_engine *e, ls_net *srv)
{
    if (srv->listening || srv->connections > 0 || !srv->closed)
        return;
    host_next_tick_native(e, "emitCloseNT", emit_close_nt, srv->object);
}

static js_status server_close(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_net *srv = this_net(a, true);
    if (!srv || !srv->listening) {
        host_refuse(e, "server.close() on a server that is not running (ERR_SERVER_NOT_RUNNING "
                       "is not modelled)");
        return JS_STOP;
    }
    engine_spend(e, e->costs.api_call);
    js_value cb = js_arg(a, 0);
    if (js_is_callable(cb))
        host_add_listener(e, srv->object, "close", cb, true);
    srv->listening = false;
    srv->closed = true;
    /* this._handle.close(): no JS callback */
    loop_close(e, &srv->handle, NULL, NULL, srv->label);
    emit_close_if_drained(e, srv);
    *out = a->this_value;
    return JS_OK;
}

/* ref()/unref() of a server or socket (slot-less: which from the name) */
static js_status net_ref(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_net *n = as_net(a->this_value);
    *out = a->this_value;
    if (!n)
        return JS_OK;
    bool ref = strcmp(js_function_label(a->vm, js_obj(a->callee)), "ref") == 0;
    engine_spend(e, e->costs.api_call);
    loop_handle_set(e, &n->handle, n->handle.active, ref);
    return JS_OK;
}

static ls_net *server_on_port(ls_engine *e, double port)
{
    for (ls_net *n = e->io.nets; n; n = n->next_all)
        if (n->server && n->listening && n->port == port)
            return n;
    return NULL;
}

/* net.connect(port[, host][, cb]) / net.connect({ port, host }[, cb]) / net.createConnection */
static js_status net_connect(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    js_value first = js_arg(a, 0), portv = first;
    js_status st;
    if (first.type == JS_TOBJECT && !js_is_callable(first) &&
        (st = js_get(a->vm, first, "port", &portv)) != JS_OK)
        return st;
    double port = NAN;
    if ((st = js_to_number(a->vm, portv, &port)) != JS_OK)
        return st;
    ls_net *srv = server_on_port(e, port);
    if (!srv) {
        /* ECONNREFUSED: not modelled */
        host_refuse(e, "net.connect() to port %g, where no server of this program listens "
                       "(loopsim models loopback connections to the program's own servers)",
                    port);
        return JS_STOP;
    }
    engine_spend(e, e->costs.api_call);
    ls_net *sock = new_net(e, false, false);
    sock->peer = srv;
    js_value cb = a->argc > 1 ? a->argv[a->argc - 1] : js_undefined();
    if (js_is_callable(cb))
        host_add_listener(e, sock->object, "connect", cb, true);
    loop_handle_set(e, &sock->handle, true, true);
    ls_io_event *ev = arena_alloc(e->arena, sizeof *ev);
    ev->kind = EV_CONNECT;
    ev->socket = sock;
    ev->server = srv;
    e->loop.active_reqs++;
    if (!add_event(e, ev, DBM_NOW, e->costs.net_latency))
        return JS_STOP;
    out_queued(e, "net.connect", sock->label);
    *out = sock->object;
    return JS_OK;
}

static void close_socket_done(ls_engine *e, void *data)
{
    ls_net *sock = data;
    /* closeSocketHandle: _handle.close(() => this.emit('close', isException)) */
    js_value had_error = js_bool(false);
    emit_in_scope(e, sock, "close", "net.Socket", &had_error, 1);
}

static js_status socket_destroy(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    ls_net *sock = this_net(a, false);
    *out = a->this_value;
    if (!sock)
        return JS_OK;
    if (sock->server_end) {
        host_refuse(e, "socket.destroy() on the server's end of a connection: loopsim models "
                       "the client closing");
        return JS_STOP;
    }
    engine_spend(e, e->costs.api_call);
    if (sock->destroyed)
        return JS_OK;
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
    return JS_OK;
}

static js_status net_create_server(const js_args *a, js_value *out)
{
    ls_engine *e = engine_of(a);
    engine_spend(e, e->costs.api_call);
    ls_net *srv = new_net(e, true, false);
    js_value cb = a->argc ? a->argv[a->argc - 1] : js_undefined();
    if (js_is_callable(cb))
        host_add_listener(e, srv->object, "connection", cb, false);
    *out = srv->object;
    return JS_OK;
}

js_value io_net_module(ls_engine *e)
{
    if (e->io.net.type == JS_TOBJECT)
        return e->io.net;
    js_vm *vm = e->host.vm;
    js_value sp = host_new_emitter_proto(e), kp = host_new_emitter_proto(e);
    js_define_method(vm, sp.u.object, "listen", 2, server_listen, e->host.link);
    js_define_method(vm, sp.u.object, "address", 0, server_address, e->host.link);
    js_define_method(vm, sp.u.object, "close", 1, server_close, e->host.link);
    js_define_method(vm, sp.u.object, "ref", 0, net_ref, e->host.link);
    js_define_method(vm, sp.u.object, "unref", 0, net_ref, e->host.link);
    js_define_method(vm, kp.u.object, "destroy", 1, socket_destroy, e->host.link);
    js_define_method(vm, kp.u.object, "ref", 0, net_ref, e->host.link);
    js_define_method(vm, kp.u.object, "unref", 0, net_ref, e->host.link);
    static const char *const refused[] = {"write", "end", "pipe", "setTimeout", "setEncoding",
                                          "setNoDelay", "setKeepAlive", "pause", "resume"};
    host_refuse_names(e, kp.u.object, "socket.", refused, sizeof refused / sizeof refused[0], true);
    e->io.server_proto = sp;
    e->io.socket_proto = kp;
    js_value net = js_new_object(vm);
    host_export(e, net.u.object, "createServer", 2, net_create_server);
    host_export(e, net.u.object, "connect", 3, net_connect);
    host_export(e, net.u.object, "createConnection", 3, net_connect);
    e->io.net = net;
    return net;
}
