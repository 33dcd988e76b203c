/* fanout.c - see fanout.h.
 *
 * The pipe carries records: a header, then, the first time a worker sends a result, its bytes.
 * The parent keeps per worker the distinct results it has been sent (by number) and a queue of
 * the items received and not yet taken; items arrive from a worker in increasing order, and the
 * caller takes them in increasing order, so the item asked for is at the head of its worker's
 * queue or not received yet.
 */
#define _GNU_SOURCE
#include "fanout.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "text.h"
#include "xalloc.h"

typedef struct {
    uint64_t item;
    uint32_t id;          /* the worker's number for this result */
    uint32_t fresh;       /* 1: its bytes follow (the first time the worker sends it) */
    int32_t status, code;
    uint64_t len, note_len;
} record;

typedef struct {
    char *data;
    size_t len;
    char *note;
} distinct;

typedef struct {
    uint64_t item;
    uint32_t id;
    int32_t status, code;
} received;

typedef struct {
    pid_t pid;            /* 0: waited for */
    int fd;               /* the read end; -1 after end of file */
    char *buf;            /* bytes read, not yet a whole record */
    size_t nbuf, buf_cap;
    distinct *results;
    size_t nresults, results_cap;
    received *queue;      /* ring of items received, oldest at head */
    size_t head, count, queue_cap;
} worker;

struct fanout {
    uint64_t n;
    int nworkers;
    worker *w;
    uint64_t received;
};

int fanout_cores(void)
{
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)n : 1;
}

/* ---- a worker ------------------------------------------------------------------------------ */

static uint64_t hash_result(const fanout_result *r)
{
    return fnv1a(fnv1a(FNV1A_START, r->data, r->len), r->note, strlen(r->note));
}

static bool write_all(int fd, const void *p, size_t n)
{
    const char *c = p;
    while (n > 0) {
        ssize_t k = write(fd, c, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        c += k;
        n -= (size_t)k;
    }
    return true;
}

/* Worker `w`'s life: its items, each result sent (its bytes once), then _exit. */
static void work(int fd, uint64_t n, int w, int nworkers, fanout_fn fn, void *ctx)
{
    fanout_result *seen = NULL;  /* the distinct results sent, by id */
    uint64_t *hashes = NULL;
    size_t nseen = 0, cap = 0;
    for (uint64_t i = (uint64_t)w; i < n; i += (uint64_t)nworkers) {
        fanout_result r = {0, 0, NULL, 0, NULL};
        if (!fn(ctx, i, &r))
            break;
        if (!r.data)
            r.data = xstrdup("");
        if (!r.note)
            r.note = xstrdup("");
        uint64_t h = hash_result(&r);
        const char *note = r.note;
        size_t id = 0;
        while (id < nseen && !(hashes[id] == h && seen[id].len == r.len &&
                               memcmp(seen[id].data, r.data, r.len) == 0 &&
                               strcmp(seen[id].note, note) == 0))
            id++;
        record rec = {i, (uint32_t)id, id == nseen, r.status, r.code, r.len, strlen(note)};
        bool ok = write_all(fd, &rec, sizeof rec);
        if (id == nseen) {
            ok = ok && write_all(fd, r.data, r.len) && write_all(fd, note, rec.note_len);
            if (nseen == cap) {
                cap = cap ? 2 * cap : 16;
                seen = xrealloc(seen, cap * sizeof *seen);
                hashes = xrealloc(hashes, cap * sizeof *hashes);
            }
            seen[nseen] = r;
            hashes[nseen++] = h;
        } else {
            free(r.data);
            free(r.note);
        }
        if (!ok)
            _exit(1); /* the parent is gone or stopped listening */
    }
    _exit(0);
}

/* ---- the parent ---------------------------------------------------------------------------- */

fanout *fanout_start(uint64_t n, int workers, fanout_fn fn, void *ctx)
{
    if (workers < 1)
        return NULL;
    fanout *f = xrealloc(NULL, sizeof *f);
    memset(f, 0, sizeof *f);
    f->n = n;
    f->w = xrealloc(NULL, (size_t)workers * sizeof *f->w);
    memset(f->w, 0, (size_t)workers * sizeof *f->w);
    fflush(NULL); /* a child must not write the parent's buffered output again */
    for (int k = 0; k < workers; k++) {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) {
            fanout_end(f);
            return NULL;
        }
        pid_t pid = fork();
        if (pid < 0) {
            close(fds[0]);
            close(fds[1]);
            fanout_end(f);
            return NULL;
        }
        if (pid == 0) {
            for (int j = 0; j < k; j++)
                close(f->w[j].fd);
            close(fds[0]);
            signal(SIGPIPE, SIG_DFL); /* the parent gone: stop */
            signal(SIGTERM, SIG_DFL); /* not a handler of the parent's (a test harness's) */
            signal(SIGINT, SIG_DFL);
            work(fds[1], n, k, workers, fn, ctx);
        }
        close(fds[1]);
        fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
        f->w[k].pid = pid;
        f->w[k].fd = fds[0];
        f->nworkers = k + 1;
    }
    return f;
}

static void enqueue(worker *w, const record *rec)
{
    if (w->count == w->queue_cap) {
        size_t cap = w->queue_cap ? 2 * w->queue_cap : 64;
        received *q = xrealloc(NULL, cap * sizeof *q);
        for (size_t i = 0; i < w->count; i++)
            q[i] = w->queue[(w->head + i) % w->queue_cap];
        free(w->queue);
        w->queue = q;
        w->queue_cap = cap;
        w->head = 0;
    }
    w->queue[(w->head + w->count++) % w->queue_cap] =
        (received){rec->item, rec->id, rec->status, rec->code};
}

/* Takes the whole records out of w's buffer. */
static void parse(fanout *f, worker *w)
{
    size_t at = 0;
    while (w->nbuf - at >= sizeof(record)) {
        record rec;
        memcpy(&rec, w->buf + at, sizeof rec);
        size_t need = sizeof rec + (rec.fresh ? rec.len + rec.note_len : 0);
        if (w->nbuf - at < need)
            break;
        if (rec.fresh) {
            if (w->nresults == w->results_cap) {
                w->results_cap = w->results_cap ? 2 * w->results_cap : 16;
                w->results = xrealloc(w->results, w->results_cap * sizeof *w->results);
            }
            distinct *d = &w->results[w->nresults++];
            const char *p = w->buf + at + sizeof rec;
            d->len = rec.len;
            d->data = xrealloc(NULL, rec.len + 1);
            memcpy(d->data, p, rec.len);
            d->data[rec.len] = '\0';
            d->note = xrealloc(NULL, rec.note_len + 1);
            memcpy(d->note, p + rec.len, rec.note_len);
            d->note[rec.note_len] = '\0';
        }
        enqueue(w, &rec);
        f->received++;
        at += need;
    }
    memmove(w->buf, w->buf + at, w->nbuf - at);
    w->nbuf -= at;
}

/* Reads what is there on w's pipe (all of it); marks the end of file. */
static void drain(fanout *f, worker *w)
{
    while (w->fd >= 0) {
        if (w->buf_cap - w->nbuf < 65536) {
            w->buf_cap = w->buf_cap ? 2 * w->buf_cap : 131072;
            w->buf = xrealloc(w->buf, w->buf_cap);
        }
        ssize_t k = read(w->fd, w->buf + w->nbuf, w->buf_cap - w->nbuf);
        if (k > 0) {
            w->nbuf += (size_t)k;
            parse(f, w);
        } else if (k < 0 && errno == EINTR) {
            continue;
        } else if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return;
        } else { /* end of file (or an error: the same, nothing more comes) */
            close(w->fd);
            w->fd = -1;
        }
    }
}

/* Waits up to `timeout_ms` (-1: until something comes) for any worker, and reads. */
static void wait_and_read(fanout *f, int timeout_ms)
{
    struct pollfd p[64];
    int idx[64], np = 0;
    for (int k = 0; k < f->nworkers && np < 64; k++)
        if (f->w[k].fd >= 0) {
            p[np] = (struct pollfd){f->w[k].fd, POLLIN, 0};
            idx[np++] = k;
        }
    if (np == 0)
        return;
    int ready = poll(p, (nfds_t)np, timeout_ms);
    if (ready <= 0)
        return;
    for (int i = 0; i < np; i++)
        if (p[i].revents)
            drain(f, &f->w[idx[i]]);
}

void fanout_poll(fanout *f)
{
    if (f)
        wait_and_read(f, 0);
}

bool fanout_get(fanout *f, uint64_t item, fanout_result *r)
{
    if (!f || item >= f->n)
        return false;
    worker *w = &f->w[item % (uint64_t)f->nworkers];
    for (;;) {
        /* items taken out of order (not this module's use) are dropped on the way */
        while (w->count > 0 && w->queue[w->head].item < item) {
            w->head = (w->head + 1) % w->queue_cap;
            w->count--;
        }
        if (w->count > 0) {
            received got = w->queue[w->head];
            if (got.item != item)
                return false;
            w->head = (w->head + 1) % w->queue_cap;
            w->count--;
            const distinct *d = &w->results[got.id];
            r->status = got.status;
            r->code = got.code;
            r->len = d->len;
            r->data = xrealloc(NULL, d->len + 1);
            memcpy(r->data, d->data, d->len + 1);
            r->note = xstrdup(d->note);
            return true;
        }
        if (w->fd < 0)
            return false; /* the worker stopped before it */
        wait_and_read(f, -1);
    }
}

uint64_t fanout_received(const fanout *f)
{
    return f ? f->received : 0;
}

void fanout_end(fanout *f)
{
    if (!f)
        return;
    for (int k = 0; k < f->nworkers; k++) {
        worker *w = &f->w[k];
        if (w->fd >= 0)
            close(w->fd);
        if (w->pid > 0) {
            kill(w->pid, SIGKILL); /* it has nothing to clean up, and no handler runs */
            while (waitpid(w->pid, NULL, 0) < 0 && errno == EINTR)
                ;
        }
        for (size_t i = 0; i < w->nresults; i++) {
            free(w->results[i].data);
            free(w->results[i].note);
        }
        free(w->results);
        free(w->queue);
        free(w->buf);
    }
    free(f->w);
    free(f);
}
