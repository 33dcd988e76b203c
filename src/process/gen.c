/* gen.c - random scenarios whose order real Node prints the same on every run (see gen.h and
 * docs/differential-testing.md for the rules that keep them deterministic).
 *
 * The program is built as a set of *windows*: stretches of the run that are far apart in time.
 * The main script (with its ticks, microtasks and immediates) is window 0; every other window is
 * rooted at a timer callback whose delay puts it in its own *slot* (multiples of SLOT_MS), or at
 * an fs callback, or at a small-delay timer whose place is forced.  What a window may schedule
 * depends on its *mode*, chosen when it is created:
 *
 *   M_IMM    immediates, which may queue immediates (a chain of up to 3 check phases);
 *   M_SMALL  immediates that queue no more immediates, and, in an fs-callback window, ONE
 *            small-delay timer (0..5 ms) created outside them: the check phase comes before
 *            the next timers phase, so it runs after all of them;
 *   M_FS     one fs operation, and no immediates or small timers while it is in flight;
 *   M_PLAIN  none of these.
 *
 * Anything may schedule a timer into a free later slot (at most 2 hops from main, to bound the
 * drift of late timers), a timer it clears again at once, ticks, microtasks, promises, ...
 * Code whose callbacks run more than once (an interval, an emitter listener) logs a *tag*
 * variable with each line, so lines stay unique.
 */
#include "gen.h"

#include <cjson/cJSON.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"

enum {
    SLOT_MS = 80,   /* distance between slots: every window is over long before the next, even
                     * on a loaded machine, where Node 10.7.0's main script with its ticks and
                     * three generations of immediates took longer than 80 ms (seed 351 of a
                     * 2,000-seed run with 40 ms slots: 6 orders in 8 runs beside another fuzz
                     * run) */
    NSLOTS = 7,     /* slots 1..7: timers at 80..560 ms */
    MAX_HOPS = 2,   /* timer-from-timer hops from the main script to a slot window */
    MAX_SUB = 2,    /* small-timer / fs-callback windows nested in one slot window */
    MAX_DEPTH = 5,  /* callback nesting */
    MAX_WIN = 256,
    MAX_EMITTERS = 2
};

typedef enum { W_MAIN, W_TIMER, W_IO } wkind;
typedef enum { M_PLAIN, M_IMM, M_SMALL, M_FS } wmode;

typedef struct {
    wkind kind;
    wmode mode;
    int slot;      /* the slot the window lives in (0: the main script) */
    int hops;      /* slot timers between the main script and this window */
    int sub;       /* small-timer/fs windows between the slot window and this one */
    bool small_used, fs_used, no_slots;
    int busy_ms;   /* busy-waiting already in the window */
} window;

/* Where a piece of code runs. */
typedef struct {
    window *w;
    bool in_imm;     /* in an immediate of w (or in its ticks and microtasks) */
    int imm_left;    /* how many more generations of immediates may be queued */
    int depth;       /* callback nesting */
    bool pure;       /* only synchronous work, ticks, microtasks and promises (listeners) */
    const char *tag; /* a variable logged with every line; NULL if the code runs once */
} ctx;

typedef enum { S_FULFILLED, S_REJECTED } pstate;

typedef struct {
    uint64_t rng;
    int budget;
    int nlog, nvar, nfn;
    bool failed;
    cJSON *functions;
    cJSON *prelude;
    bool slot_used[NSLOTS + 1];
    window wins[MAX_WIN];
    int nwin;
    int nemitters;
    char emitters[MAX_EMITTERS][16];
    int emit_arg;
    bool no_queue_microtask; /* Node 10: queueMicrotask is not defined */
} G;

/* ------------------------------------------------------------------------------------------ */
/* PRNG: splitmix64                                                                           */

static uint64_t next64(G *g)
{
    uint64_t z = (g->rng += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static int rnd(G *g, int n) /* 0..n-1 */
{
    return n <= 1 ? 0 : (int)(next64(g) % (uint64_t)n);
}

static bool chance(G *g, int percent)
{
    return rnd(g, 100) < percent;
}

/* A thread-pool call of the JSON format (scenario.h ls_fs_ops): stat and readFile (1 and 4 pool
 * trips) most often, then writeFile and appendFile (3 trips: open, write, close), access, open
 * and read (1; read's open is openSync), crypto's pbkdf2 (a job of about a millisecond) and
 * randomBytes (1), zlib's gzip (2: the data, then the flush). */
static const char *fs_op(G *g)
{
    static const ls_fs_op ops[] = {LS_FS_STAT, LS_FS_STAT, LS_FS_STAT, LS_FS_READ_FILE,
                                   LS_FS_READ_FILE, LS_FS_READ_FILE, LS_FS_WRITE_FILE,
                                   LS_FS_APPEND_FILE, LS_FS_ACCESS, LS_FS_OPEN, LS_FS_READ,
                                   LS_FS_PBKDF2, LS_FS_RANDOM_BYTES, LS_FS_GZIP};
    return ls_fs_ops[ops[rnd(g, (int)(sizeof ops / sizeof ops[0]))]].key;
}

/* ------------------------------------------------------------------------------------------ */
/* JSON helpers                                                                               */

static cJSON *chk(G *g, cJSON *j)
{
    if (!j)
        g->failed = true;
    return j;
}

static cJSON *jstr(G *g, const char *s) { return chk(g, cJSON_CreateString(s)); }
static cJSON *jnum(G *g, double n) { return chk(g, cJSON_CreateNumber(n)); }
static cJSON *jarr(G *g) { return chk(g, cJSON_CreateArray()); }
static cJSON *jobj(G *g) { return chk(g, cJSON_CreateObject()); }

static cJSON *put(cJSON *o, const char *key, cJSON *v)
{
    if (o && v)
        cJSON_AddItemToObject(o, key, v);
    else
        cJSON_Delete(v);
    return o;
}

static cJSON *obj1(G *g, const char *key, cJSON *v)
{
    return put(jobj(g), key, v);
}

static void push(cJSON *a, cJSON *v)
{
    if (a && v)
        cJSON_AddItemToArray(a, v);
    else
        cJSON_Delete(v);
}

static cJSON *var(G *g, const char *name) { return obj1(g, "var", jstr(g, name)); }
static cJSON *undef(G *g) { return obj1(g, "undefined", chk(g, cJSON_CreateTrue())); }

static const char *newname(G *g, const char *prefix, char *buf, size_t n)
{
    snprintf(buf, n, "%s%d", prefix, ++g->nvar);
    return buf;
}

/* ------------------------------------------------------------------------------------------ */
/* windows and slots                                                                          */

static window *new_window(G *g, wkind kind, int slot, int hops, int sub)
{
    if (g->nwin >= MAX_WIN) {
        g->failed = true;
        return &g->wins[0];
    }
    window *w = &g->wins[g->nwin++];
    memset(w, 0, sizeof *w);
    w->kind = kind;
    w->slot = slot;
    w->hops = hops;
    w->sub = sub;
    int r = rnd(g, 100);
    if (kind == W_MAIN)
        w->mode = r < 60 ? M_IMM : r < 85 ? M_FS : M_PLAIN;
    else
        w->mode = r < 35 ? M_IMM : r < 65 ? M_SMALL : r < 85 ? M_FS : M_PLAIN;
    if (sub >= MAX_SUB && (w->mode == M_SMALL || w->mode == M_FS))
        w->mode = M_IMM;
    return w;
}

static ctx root_ctx(window *w, int depth, const char *tag)
{
    ctx c = {w, false, 0, depth, false, tag};
    c.imm_left = w->mode == M_IMM ? 3 : w->mode == M_SMALL ? 1 : 0;
    return c;
}

/* A free slot after the window's own, or 0. */
static int pick_slot(G *g, const ctx *c)
{
    if (c->pure || c->tag || c->w->no_slots || c->w->hops >= MAX_HOPS)
        return 0;
    int cand[NSLOTS], n = 0;
    /* not slot 1 from the main script: on a loaded machine Node 10.7.0 can take longer than
     * a slot from the script's start to its first check phase (seed 383 of a 2,000-seed run
     * with 40 ms slots: a 40 ms timer of the main script ran before its immediates in 2 runs
     * of 8), while a slot window's timers count from that window */
    int first = c->w->slot == 0 ? 2 : c->w->slot + 1;
    for (int s = first; s <= NSLOTS; s++)
        if (!g->slot_used[s])
            cand[n++] = s;
    if (!n)
        return 0;
    /* prefer near slots, so that later windows still have room */
    int s = cand[rnd(g, n < 3 ? n : 3)];
    g->slot_used[s] = true;
    return s;
}

/* ------------------------------------------------------------------------------------------ */
/* statements                                                                                 */


/* queueMicrotask(cb), or on Node 10, which has none, Promise.resolve().then(cb): also one
 * microtask, queued at the same point. */
static cJSON *microtask(G *g, cJSON *cb)
{
    if (!g->no_queue_microtask)
        return obj1(g, "queueMicrotask", cb);
    cJSON *then = obj1(g, "then", cb);
    cJSON *chain = jarr(g);
    push(chain, then);
    cJSON *p = obj1(g, "Promise.resolve", undef(g));
    put(p, "chain", chain);
    return p;
}

static void gen_stmt(G *g, ctx *c, cJSON *list);
static cJSON *gen_promise(G *g, ctx c, pstate *st, ctx *settle, int depth_left);
static void gen_chain_steps(G *g, cJSON *expr, pstate st, ctx settle);

static cJSON *logv(G *g, const ctx *c, const char *valvar)
{
    char name[24];
    snprintf(name, sizeof name, "L%d", ++g->nlog);
    if (!c->tag && !valvar)
        return obj1(g, "console.log", jstr(g, name));
    cJSON *a = jarr(g);
    push(a, jstr(g, name));
    if (c->tag)
        push(a, var(g, c->tag));
    if (valvar)
        push(a, var(g, valvar));
    return obj1(g, "console.log", a);
}

static cJSON *log_stmt(G *g, const ctx *c)
{
    return logv(g, c, NULL);
}

/* A callback body: a log, then up to `extra` random statements. */
static cJSON *body(G *g, ctx c, int extra)
{
    cJSON *b = jarr(g);
    push(b, log_stmt(g, &c));
    if (c.depth >= MAX_DEPTH)
        return b;
    int n = rnd(g, extra + 1);
    for (int i = 0; i < n && g->budget > 0; i++)
        gen_stmt(g, &c, b);
    return b;
}

static cJSON *literal(G *g)
{
    switch (rnd(g, 6)) {
    case 0: return jnum(g, rnd(g, 100));
    case 1: {
        char s[16];
        snprintf(s, sizeof s, "s%d", rnd(g, 100));
        return jstr(g, s);
    }
    case 2: return chk(g, cJSON_CreateBool(rnd(g, 2)));
    case 3: return chk(g, cJSON_CreateNull());
    case 4: return undef(g);
    default: return jnum(g, rnd(g, 1000) - 500);
    }
}

/* { then(res) { log; res(v) } }: settles one microtask later, in the same context. */
static cJSON *thenable(G *g, const ctx *c)
{
    cJSON *b = jarr(g);
    if (chance(g, 60))
        push(b, log_stmt(g, c));
    cJSON *call = obj1(g, "call", jstr(g, "res"));
    cJSON *args = jarr(g);
    push(args, literal(g));
    put(call, "args", args);
    push(b, call);
    cJSON *fn = obj1(g, "params", jarr(g));
    push(cJSON_GetObjectItem(fn, "params"), jstr(g, "res"));
    put(fn, "body", b);
    return obj1(g, "thenable", fn);
}

static cJSON *fnlit(G *g, const char *param, cJSON *b)
{
    cJSON *f = jobj(g);
    if (param) {
        cJSON *p = jarr(g);
        push(p, jstr(g, param));
        put(f, "params", p);
    }
    put(f, "body", b);
    return f;
}

/* new Promise(function (res, rej) { exec }) */
static cJSON *new_promise(G *g, cJSON *exec)
{
    cJSON *params = jarr(g);
    push(params, jstr(g, "res"));
    push(params, jstr(g, "rej"));
    cJSON *f = obj1(g, "params", params);
    put(f, "body", exec);
    return obj1(g, "new Promise", f);
}

/* new Promise((res, rej) => ...) that settles later: from a tick, an immediate, a slot timer or
 * an fs callback.  *settle is where its reactions run. */
static cJSON *deferred_promise(G *g, ctx c, ctx *settle)
{
    cJSON *exec = jarr(g);
    if (chance(g, 50))
        push(exec, log_stmt(g, &c));
    cJSON *res = obj1(g, "call", jstr(g, "res"));
    cJSON *args = jarr(g);
    push(args, literal(g));
    put(res, "args", args);

    int kinds[4], n = 0;
    kinds[n++] = 0; /* nextTick */
    if (!c.pure && c.imm_left > 0)
        kinds[n++] = 1;
    if (!c.pure && !c.tag && !c.w->no_slots && c.w->hops < MAX_HOPS)
        kinds[n++] = 2;
    if (!c.pure && c.w->mode == M_FS && !c.w->fs_used && !c.in_imm)
        kinds[n++] = 3;
    int k = kinds[rnd(g, n)];
    ctx inner = c;
    inner.depth++;
    cJSON *cb = NULL;
    switch (k) {
    case 0:
        cb = body(g, inner, 1);
        push(cb, res);
        push(exec, obj1(g, "process.nextTick", cb));
        break;
    case 1:
        inner.in_imm = true;
        inner.imm_left = c.imm_left - 1;
        cb = body(g, inner, 1);
        push(cb, res);
        push(exec, obj1(g, "setImmediate", cb));
        break;
    case 2: {
        int s = pick_slot(g, &c);
        if (!s) { /* no room: a tick instead */
            cb = body(g, inner, 1);
            push(cb, res);
            push(exec, obj1(g, "process.nextTick", cb));
            break;
        }
        window *w = new_window(g, W_TIMER, s, c.w->hops + 1, 0);
        inner = root_ctx(w, c.depth + 1, NULL);
        cb = body(g, inner, 2);
        push(cb, res);
        cJSON *st = obj1(g, "setTimeout", cb);
        put(st, "delay", jnum(g, (s - c.w->slot) * SLOT_MS));
        push(exec, st);
        break;
    }
    case 3: {
        c.w->fs_used = true;
        window *w = new_window(g, W_IO, c.w->slot, c.w->hops, c.w->sub + 1);
        w->no_slots = c.w->no_slots;
        inner = root_ctx(w, c.depth + 1, c.tag);
        cb = body(g, inner, 2);
        push(cb, res);
        push(exec, obj1(g, fs_op(g), cb));
        break;
    }
    }
    *settle = inner;
    settle->depth = c.depth + 1;
    return new_promise(g, exec);
}

/* An async function declared in "functions", called once from context c.  Returns its name;
 * *st is how its promise settles and *settle where. */
static const char *async_fn(G *g, ctx c, pstate *st, ctx *settle, int depth_left)
{
    char name[16];
    snprintf(name, sizeof name, "af%d", ++g->nfn);
    ctx cur = c;
    cur.depth++;
    cJSON *b = jarr(g);
    push(b, log_stmt(g, &cur));
    *st = S_FULFILLED;
    int segs = 1 + rnd(g, 3);
    for (int i = 0; i < segs; i++) {
        int n = rnd(g, 2);
        for (int k = 0; k < n && g->budget > 0 && cur.depth < MAX_DEPTH; k++)
            gen_stmt(g, &cur, b);
        cJSON *aw = NULL;
        char rv[16] = "";
        int kind = rnd(g, 7);
        if (depth_left <= 0 && kind >= 4)
            kind = rnd(g, 4);
        g->budget--;
        switch (kind) {
        case 0: aw = literal(g); break;
        case 1: aw = obj1(g, "Promise.resolve", literal(g)); break;
        case 2: aw = thenable(g, &cur); break;
        case 3: aw = deferred_promise(g, cur, &cur); break;
        case 4: /* another async function */
        case 5: { /* a promise chain */
            pstate s2;
            ctx set2;
            aw = gen_promise(g, cur, &s2, &set2, depth_left - 1);
            if (kind == 5 && s2 == S_FULFILLED) {
                cJSON *chain = jarr(g);
                cJSON *then = jarr(g);
                push(then, log_stmt(g, &set2));
                push(then, obj1(g, "return", literal(g)));
                push(chain, obj1(g, "then", then));
                put(aw, "chain", chain);
            }
            cur = set2;
            if (s2 == S_REJECTED)
                *st = S_REJECTED;
            break;
        }
        default: {
            pstate s2;
            ctx set2;
            const char *f = async_fn(g, cur, &s2, &set2, depth_left - 1);
            aw = obj1(g, "call", jstr(g, f));
            if (cur.tag) {
                cJSON *args = jarr(g);
                push(args, var(g, cur.tag));
                put(aw, "args", args);
            }
            cur = set2;
            if (s2 == S_REJECTED)
                *st = S_REJECTED;
        }
        }
        cJSON *a = obj1(g, "await", aw);
        if (*st == S_FULFILLED && chance(g, 40)) {
            snprintf(rv, sizeof rv, "r%d", ++g->nvar);
            put(a, "as", jstr(g, rv));
        }
        push(b, a);
        if (*st == S_REJECTED) {
            push(b, log_stmt(g, &cur)); /* never printed: the await throws */
            break;
        }
        if (rv[0])
            push(b, logv(g, &cur, rv));
    }
    if (*st == S_FULFILLED) {
        int r = rnd(g, 10);
        if (r < 3)
            push(b, obj1(g, "return", literal(g)));
        else if (r == 3)
            push(b, obj1(g, "return", obj1(g, "Promise.resolve", literal(g))));
        else if (r == 4) {
            push(b, obj1(g, "throw", literal(g)));
            *st = S_REJECTED;
        }
    }
    cJSON *f = jobj(g);
    if (c.tag) {
        cJSON *p = jarr(g);
        push(p, jstr(g, c.tag));
        put(f, "params", p);
    }
    put(f, "async", chk(g, cJSON_CreateTrue()));
    put(f, "body", b);
    put(g->functions, name, f);
    *settle = cur;
    settle->depth = c.depth + 1;
    return cJSON_GetObjectItem(g->functions, name)->string;
}

/* A promise-valued expression (no chain yet).  *st: how it settles; *settle: where its
 * reactions run. */
static cJSON *gen_promise(G *g, ctx c, pstate *st, ctx *settle, int depth_left)
{
    *st = S_FULFILLED;
    *settle = c;
    settle->depth = c.depth + 1;
    int kind = rnd(g, 10);
    if (depth_left <= 0 && kind >= 7)
        kind = rnd(g, 5);
    switch (kind) {
    case 0:
        return obj1(g, "Promise.resolve", literal(g));
    case 1:
        return obj1(g, "Promise.resolve", thenable(g, &c));
    case 2:
        *st = S_REJECTED;
        return obj1(g, "Promise.reject", literal(g));
    case 3: { /* new Promise, settled in the executor */
        cJSON *exec = jarr(g);
        push(exec, log_stmt(g, &c));
        int r = rnd(g, 5);
        cJSON *args = jarr(g);
        if (r == 0) {
            push(args, literal(g));
            cJSON *call = obj1(g, "call", jstr(g, "rej"));
            put(call, "args", args);
            push(exec, call);
            *st = S_REJECTED;
        } else if (r == 1) {
            cJSON_Delete(args);
            push(exec, obj1(g, "throw", literal(g)));
            *st = S_REJECTED;
        } else {
            push(args, r == 2 ? thenable(g, &c) : r == 3 ? obj1(g, "Promise.resolve", literal(g))
                                                        : literal(g));
            cJSON *call = obj1(g, "call", jstr(g, "res"));
            put(call, "args", args);
            push(exec, call);
            if (chance(g, 30))
                push(exec, log_stmt(g, &c));
        }
        return new_promise(g, exec);
    }
    case 4:
    case 5: { /* Promise.all / Promise.race of promises that settle now */
        bool all = kind == 4;
        cJSON *elems = jarr(g);
        int n = 1 + rnd(g, 3);
        for (int i = 0; i < n; i++) {
            int r = rnd(g, 5);
            if (r == 0)
                push(elems, literal(g));
            else if (r == 1)
                push(elems, thenable(g, &c));
            else if (r == 2 && all && chance(g, 30)) {
                push(elems, obj1(g, "Promise.reject", literal(g)));
                *st = S_REJECTED;
            } else
                push(elems, obj1(g, "Promise.resolve", literal(g)));
        }
        return obj1(g, all ? "Promise.all" : "Promise.race", elems);
    }
    case 6:
        if (depth_left > 0)
            return deferred_promise(g, c, settle);
        return obj1(g, "Promise.resolve", literal(g));
    default: {
        ctx set2;
        const char *f = async_fn(g, c, st, &set2, depth_left - 1);
        *settle = set2;
        cJSON *call = obj1(g, "call", jstr(g, f));
        if (c.tag) {
            cJSON *args = jarr(g);
            push(args, var(g, c.tag));
            put(call, "args", args);
        }
        return call;
    }
    }
}

/* A then/catch/finally callback running in `settle`; `ret` says what it ends with. */
static cJSON *reaction(G *g, ctx settle, bool with_value, pstate *out, ctx *next)
{
    char pv[16] = "";
    cJSON *b = jarr(g);
    if (with_value && chance(g, 50)) {
        snprintf(pv, sizeof pv, "v%d", ++g->nvar);
        push(b, logv(g, &settle, pv));
    } else {
        push(b, log_stmt(g, &settle));
    }
    int n = rnd(g, 3);
    for (int i = 0; i < n && g->budget > 0 && settle.depth < MAX_DEPTH; i++)
        gen_stmt(g, &settle, b);
    *out = S_FULFILLED;
    *next = settle;
    next->depth = settle.depth + 1;
    int r = rnd(g, 12);
    if (r < 3) {
        push(b, obj1(g, "return", literal(g)));
    } else if (r == 3) {
        push(b, obj1(g, "return", obj1(g, "Promise.resolve", literal(g))));
    } else if (r == 4) {
        push(b, obj1(g, "return", thenable(g, &settle)));
    } else if (r == 5) {
        push(b, obj1(g, "throw", literal(g)));
        *out = S_REJECTED;
    } else if (r == 6 && settle.depth < MAX_DEPTH) {
        push(b, obj1(g, "return", deferred_promise(g, settle, next)));
    } else if (r == 7) {
        push(b, obj1(g, "return", obj1(g, "Promise.reject", literal(g))));
        *out = S_REJECTED;
    }
    return fnlit(g, pv[0] ? pv : NULL, b);
}

/* A callback that is never called (its promise took the other path): just a log. */
static cJSON *skipped(G *g, const ctx *c)
{
    cJSON *b = jarr(g);
    push(b, log_stmt(g, c));
    return b;
}

/* Appends "chain": 0..3 steps (plus a catch if it would end rejected) to expr. */
static void gen_chain_steps(G *g, cJSON *expr, pstate st, ctx settle)
{
    int n = rnd(g, 4);
    cJSON *chain = jarr(g);
    for (int i = 0; i < n || st == S_REJECTED; i++) {
        if (settle.depth >= MAX_DEPTH + 2 && st == S_FULFILLED)
            break;
        g->budget--;
        int r = rnd(g, 10);
        if (i >= n)
            r = 5; /* the closing catch */
        cJSON *step = NULL;
        pstate out;
        ctx next;
        if (r < 4) { /* then(cb) */
            if (st == S_FULFILLED) {
                step = obj1(g, "then", reaction(g, settle, true, &out, &next));
                st = out;
                settle = next;
            } else {
                step = obj1(g, "then", skipped(g, &settle));
            }
        } else if (r == 4) { /* then(cb, onRejected) */
            if (st == S_FULFILLED) {
                step = obj1(g, "then", reaction(g, settle, true, &out, &next));
                put(step, "onRejected", skipped(g, &settle));
            } else {
                step = obj1(g, "then", skipped(g, &settle));
                put(step, "onRejected", reaction(g, settle, true, &out, &next));
            }
            st = out;
            settle = next;
        } else if (r < 7) { /* catch */
            if (st == S_REJECTED) {
                step = obj1(g, "catch", reaction(g, settle, true, &out, &next));
                st = out;
                settle = next;
            } else {
                step = obj1(g, "catch", skipped(g, &settle));
            }
        } else if (r < 9) { /* finally: runs either way, keeps the state */
            cJSON *b = jarr(g);
            push(b, log_stmt(g, &settle));
            if (chance(g, 40) && settle.depth < MAX_DEPTH)
                gen_stmt(g, &settle, b);
            step = obj1(g, "finally", b);
            settle.depth++;
        } else { /* then(console.log(...)): the log runs now, then() gets undefined */
            ctx now = settle;
            step = obj1(g, "then", obj1(g, "expr", logv(g, &now, NULL)));
        }
        push(chain, step);
    }
    if (cJSON_GetArraySize(chain) > 0)
        put(expr, "chain", chain);
    else
        cJSON_Delete(chain);
}

static void gen_promise_stmt(G *g, ctx *c, cJSON *list)
{
    pstate st;
    ctx settle;
    cJSON *p = gen_promise(g, *c, &st, &settle, 2);
    gen_chain_steps(g, p, st, settle);
    push(list, p);
}

/* An fs stream in an M_FS window (one file, the program's own, read or written): its 'close'
 * listener is the window's body, run once the stream is done; the events before it come while
 * the stream's requests are in flight, so their listeners only do synchronous work, ticks and
 * microtasks (pure), and each runs once (one 'data': the program is far smaller than a read's
 * 64 KiB). */
static void gen_stream(G *g, const ctx *c, window *nw, cJSON *list)
{
    static const char *const read_events[] = {"open", "ready", "data", "end"};
    static const char *const write_events[] = {"open", "ready", "finish"};
    bool read = chance(g, 60);
    char nm[16];
    newname(g, read ? "rs" : "ws", nm, sizeof nm);
    cJSON *mk = obj1(g, ls_fss_ops[read ? LS_FSS_READ : LS_FSS_WRITE].key,
                     chk(g, cJSON_CreateNull()));
    put(mk, "as", jstr(g, nm));
    push(list, mk);
    const char *const *events = read ? read_events : write_events;
    int nevents = read ? 4 : 3;
    for (int i = 0; i < nevents; i++) {
        if (!chance(g, 40))
            continue;
        ctx lc = {nw, false, 0, c->depth + 1, true, NULL};
        int saved = g->budget;
        g->budget = 3;
        cJSON *b = body(g, lc, 1);
        g->budget = saved - 1;
        cJSON *on = obj1(g, "on", jstr(g, events[i]));
        put(on, "emitter", jstr(g, nm));
        put(on, "listener", fnlit(g, NULL, b));
        push(list, on);
    }
    cJSON *on = obj1(g, "on", jstr(g, "close"));
    put(on, "emitter", jstr(g, nm));
    put(on, "listener", fnlit(g, NULL, body(g, root_ctx(nw, c->depth + 1, c->tag), 3)));
    push(list, on);
}

/* A slot timer's delay: usually a number; sometimes "80" or [80], which Node coerces to 80. */
static cJSON *slot_delay(G *g, int d)
{
    if (!chance(g, 10))
        return jnum(g, d);
    if (rnd(g, 2)) {
        char ds[16];
        snprintf(ds, sizeof ds, "%d", d);
        return jstr(g, ds);
    }
    cJSON *a = jarr(g);
    push(a, jnum(g, d));
    return a;
}

static cJSON *small_delay(G *g)
{
    switch (rnd(g, 8)) {
    case 0: return jnum(g, 0);
    case 1: return jnum(g, 1);
    case 2: return jnum(g, 2);
    case 3: return jnum(g, 5);
    case 4: return jnum(g, -1);
    case 5: return chk(g, cJSON_CreateNull());
    case 6: return jstr(g, "3");
    default: return NULL; /* no delay: undefined, 1 ms */
    }
}

static void gen_stmt(G *g, ctx *c, cJSON *list)
{
    g->budget--;
    window *w = c->w;
    ctx in = *c;
    in.depth++;
    bool deep = c->depth >= MAX_DEPTH;
    for (int tries = 0; tries < 20; tries++) {
        int r = rnd(g, 100);
        if (deep || r < 10) {
            push(list, log_stmt(g, c));
            return;
        }
        if (r < 18) {
            push(list, obj1(g, "process.nextTick", body(g, in, 2)));
            return;
        }
        if (r < 24) {
            push(list, microtask(g, body(g, in, 2)));
            return;
        }
        if (r < 40) {
            gen_promise_stmt(g, c, list);
            return;
        }
        if (r < 46) { /* async function call, maybe with a chain */
            pstate st;
            ctx settle;
            const char *f = async_fn(g, *c, &st, &settle, 2);
            cJSON *call = obj1(g, "call", jstr(g, f));
            if (c->tag) {
                cJSON *args = jarr(g);
                push(args, var(g, c->tag));
                put(call, "args", args);
            }
            if (st == S_REJECTED || chance(g, 50))
                gen_chain_steps(g, call, st, settle);
            push(list, call);
            return;
        }
        if (r < 56) {
            if (c->pure || c->imm_left <= 0)
                continue;
            ctx ic = in;
            ic.in_imm = true;
            ic.imm_left = c->imm_left - 1;
            cJSON *b = body(g, ic, 3);
            if (chance(g, 15)) { /* an immediate cleared before it runs */
                char nm[16];
                newname(g, "i", nm, sizeof nm);
                cJSON *si = obj1(g, "setImmediate", skipped(g, &ic));
                put(si, "as", jstr(g, nm));
                push(list, si);
                push(list, obj1(g, "setImmediate", b));
                cJSON *clr = obj1(g, "clearImmediate", var(g, nm));
                if (chance(g, 50)) {
                    push(list, clr);
                } else {
                    cJSON *tb = jarr(g);
                    push(tb, log_stmt(g, c));
                    push(tb, clr);
                    push(list, obj1(g, "process.nextTick", tb));
                }
                return;
            }
            push(list, obj1(g, "setImmediate", b));
            return;
        }
        if (r < 64) { /* a timer in a slot of its own */
            int s = pick_slot(g, c);
            if (!s)
                continue;
            window *nw = new_window(g, W_TIMER, s, w->hops + 1, 0);
            cJSON *st = obj1(g, "setTimeout", body(g, root_ctx(nw, c->depth + 1, NULL), 4));
            int d = (s - w->slot) * SLOT_MS;
            put(st, "delay", slot_delay(g, d));
            push(list, st);
            return;
        }
        if (r < 69) { /* a small-delay timer whose place is forced */
            /* Only from an fs callback: the check phase follows the poll phase at once.  From a
             * timer callback the small timer races the check phase: with libuv >= 1.45,
             * uv__run_timers looks at the heap again after RunTimers, and if any later
             * setTimeout in the same phase refreshed the loop time past the small timer's due
             * time, it runs before the immediates (seen as seed 1828). */
            if (c->pure || w->mode != M_SMALL || w->small_used || c->in_imm || w->kind != W_IO
                || w->sub >= MAX_SUB)
                continue;
            w->small_used = true;
            window *nw = new_window(g, W_TIMER, w->slot, w->hops, w->sub + 1);
            nw->no_slots = w->no_slots;
            cJSON *st = obj1(g, "setTimeout", body(g, root_ctx(nw, c->depth + 1, c->tag), 3));
            cJSON *d = small_delay(g);
            if (d)
                put(st, "delay", d);
            push(list, st);
            return;
        }
        if (r < 74) { /* fs operation, the only one in flight */
            if (c->pure || w->mode != M_FS || w->fs_used || c->in_imm)
                continue;
            w->fs_used = true;
            window *nw = new_window(g, W_IO, w->slot, w->hops, w->sub + 1);
            nw->no_slots = w->no_slots;
            if (chance(g, 20)) {
                /* fs.promises: the then callback runs in the last trip's completion too, in
                 * its callback scope (its ticks after its microtasks, unlike a callback's) */
                static const ls_fsp_op pops[] = {LS_FSP_STAT, LS_FSP_READ_FILE,
                                                 LS_FSP_WRITE_FILE};
                cJSON *b = body(g, root_ctx(nw, c->depth + 1, c->tag), 3);
                cJSON *chain = jarr(g);
                push(chain, obj1(g, "then", b));
                cJSON *call = obj1(g, ls_fsp_ops[pops[rnd(g, 3)]].key, chk(g, cJSON_CreateNull()));
                put(call, "chain", chain);
                push(list, call);
                return;
            }
            if (chance(g, 30)) {
                gen_stream(g, c, nw, list);
                return;
            }
            const char *op = fs_op(g);
            cJSON *b = body(g, root_ctx(nw, c->depth + 1, c->tag), 3);
            cJSON *cb = b;
            if (chance(g, 30)) {
                cJSON *p = jarr(g);
                push(p, jstr(g, "err"));
                push(p, jstr(g, "data"));
                cb = obj1(g, "params", p);
                put(cb, "body", b);
            }
            push(list, obj1(g, op, cb));
            return;
        }
        if (r < 79) { /* a timer cleared before it is due */
            if (c->pure)
                continue;
            char nm[16];
            newname(g, "t", nm, sizeof nm);
            bool interval = chance(g, 25);
            cJSON *st = obj1(g, interval ? "setInterval" : "setTimeout", skipped(g, c));
            int delay = 20 + 10 * rnd(g, 8);
            put(st, "as", jstr(g, nm));
            push(list, st);
            cJSON *clr = obj1(g, interval ? "clearInterval" : "clearTimeout", var(g, nm));
            int where = rnd(g, 4);
            /* cleared from an immediate: the next check phase, which a loaded machine can reach
             * 100 ms after the main script began (Node 10.7.0 under load, seed 1771 of a 2,000-
             * seed run: the 20 ms interval ran once first), so such a timer is set 10 times as
             * far; a tick or a microtask clears it in the same drain, before any timers phase */
            if (where == 3 && c->imm_left > 0)
                delay *= 10;
            put(st, "delay", jnum(g, delay));
            if (where == 0) {
                push(list, clr);
            } else {
                cJSON *tb = jarr(g);
                push(tb, log_stmt(g, c));
                push(tb, clr);
                if (where == 1)
                    push(list, obj1(g, "process.nextTick", tb));
                else if (where == 2)
                    push(list, microtask(g, tb));
                else if (c->imm_left > 0)
                    push(list, obj1(g, "setImmediate", tb));
                else {
                    cJSON *p = obj1(g, "Promise.resolve", undef(g));
                    cJSON *chain = jarr(g);
                    push(chain, obj1(g, "then", tb));
                    put(p, "chain", chain);
                    push(list, p);
                }
            }
            return;
        }
        if (r < 84) { /* emit */
            if (c->pure || c->tag || g->nemitters == 0)
                continue;
            cJSON *e = obj1(g, "emit", jstr(g, "ev"));
            put(e, "emitter", jstr(g, g->emitters[rnd(g, g->nemitters)]));
            cJSON *args = jarr(g);
            push(args, jnum(g, ++g->emit_arg));
            put(e, "args", args);
            push(list, e);
            return;
        }
        if (r < 87) { /* busy-wait */
            /* not in a listener: its body runs once per emit, in whichever window emits, so a
             * busy-wait there is not counted once in one window (seed 24 of the 10.7.0 gate: three
             * emits waited 6 ms in the main script, and a loaded machine made the rest) */
            if (w->busy_ms >= 4 || (c->pure && c->tag))
                continue;
            int ms = 1 + rnd(g, 2);
            w->busy_ms += ms;
            push(list, obj1(g, "busy", jnum(g, ms)));
            return;
        }
        if (r < 92) { /* let / increment / if */
            char nm[16];
            newname(g, "n", nm, sizeof nm);
            int v0 = rnd(g, 3);
            cJSON *let = obj1(g, "let", jstr(g, nm));
            put(let, "value", jnum(g, v0));
            push(list, let);
            int inc = rnd(g, 3);
            for (int i = 0; i < inc; i++)
                push(list, obj1(g, "increment", jstr(g, nm)));
            cJSON *cond = jarr(g);
            push(cond, var(g, nm));
            push(cond, jnum(g, rnd(g, 5)));
            cJSON *iff = obj1(g, "if", obj1(g, chance(g, 50) ? "equals" : "less", cond));
            cJSON *d = jarr(g);
            push(d, log_stmt(g, c));
            put(iff, "do", d);
            if (chance(g, 60)) {
                cJSON *e = jarr(g);
                push(e, log_stmt(g, c));
                put(iff, "else", e);
            }
            push(list, iff);
            return;
        }
        /* a nested function literal callback through a tick with an argument */
        {
            cJSON *b = body(g, in, 2);
            cJSON *nt = obj1(g, "process.nextTick", b);
            push(list, nt);
            return;
        }
    }
    push(list, log_stmt(g, c));
}

/* ------------------------------------------------------------------------------------------ */
/* the program                                                                                */

static void gen_emitters(G *g, cJSON *mainlist)
{
    int n = rnd(g, 3);
    if (n > MAX_EMITTERS)
        n = MAX_EMITTERS;
    for (int i = 0; i < n; i++) {
        snprintf(g->emitters[i], sizeof g->emitters[i], "e%d", i + 1);
        cJSON *ne = obj1(g, "new EventEmitter", chk(g, cJSON_CreateNull()));
        put(ne, "as", jstr(g, g->emitters[i]));
        push(mainlist, ne);
        int nl = 1 + rnd(g, 2);
        for (int k = 0; k < nl; k++) {
            /* listeners run inside whoever emits: synchronous work, ticks, microtasks only */
            ctx lc = {&g->wins[0], false, 0, 1, true, "v"};
            int saved = g->budget;
            g->budget = 4; /* keep listeners small: they run once per emit */
            cJSON *b = body(g, lc, 2);
            g->budget = saved - 2;
            cJSON *on = obj1(g, "on", jstr(g, "ev"));
            put(on, "emitter", jstr(g, g->emitters[i]));
            put(on, "listener", fnlit(g, "v", b));
            push(mainlist, on);
        }
    }
    g->nemitters = n;
}

static void gen_interval(G *g, cJSON *mainlist)
{
    int m = 1 + rnd(g, 2), runs = 2 + rnd(g, 2);
    if (m == 1) /* its first run not in slot 1, as pick_slot's timers of the main script */
        m = 2;
    if (m * runs > NSLOTS)
        return;
    for (int k = 1; k <= runs; k++)
        if (g->slot_used[k * m])
            return;
    for (int k = 1; k <= runs; k++)
        g->slot_used[k * m] = true;
    char kv[16], iv[16];
    newname(g, "k", kv, sizeof kv);
    newname(g, "iv", iv, sizeof iv);
    cJSON *let = obj1(g, "let", jstr(g, kv));
    put(let, "value", jnum(g, 0));
    push(mainlist, let);
    window *w = new_window(g, W_TIMER, m, 1, 0);
    w->no_slots = true; /* its body runs `runs` times: nothing it schedules may outlive a run */
    ctx c = root_ctx(w, 1, kv);
    cJSON *b = jarr(g);
    push(b, obj1(g, "increment", jstr(g, kv)));
    push(b, log_stmt(g, &c));
    int n = 1 + rnd(g, 3);
    for (int i = 0; i < n && g->budget > 0; i++)
        gen_stmt(g, &c, b);
    cJSON *cond = jarr(g);
    push(cond, var(g, kv));
    push(cond, jnum(g, runs));
    cJSON *iff = obj1(g, "if", obj1(g, "equals", cond));
    cJSON *d = jarr(g);
    push(d, obj1(g, "clearInterval", var(g, iv)));
    put(iff, "do", d);
    push(b, iff);
    cJSON *si = obj1(g, "setInterval", b);
    put(si, "delay", jnum(g, m * SLOT_MS));
    put(si, "as", jstr(g, iv));
    push(mainlist, si);
}

int gen_scenario(uint64_t seed, int size, const ls_profile *profile, FILE *out)
{
    G *g = calloc(1, sizeof *g);
    if (!g)
        return 1;
    g->no_queue_microtask = profile && !profile->has_queue_microtask;
    if (size < 1)
        size = 1;
    if (size > 500)
        size = 500;
    g->rng = seed ^ 0x6C6F6F7073696D31ull; /* "loopsim1" */
    g->budget = size;
    g->functions = jobj(g);
    cJSON *root = jobj(g);
    put(root, "loopsim", jnum(g, 1));
    char title[96];
    snprintf(title, sizeof title, "generated: seed %llu, size %d", (unsigned long long)seed, size);
    put(root, "title", jstr(g, title));
    put(root, "description", jstr(g, "Written by gen_scenario() (src/process/gen.c) for tools/fuzz-diff; "
                                      "built to print one order on real Node "
                                      "(docs/differential-testing.md)."));
    cJSON *mainlist = jarr(g);
    window *mw = new_window(g, W_MAIN, 0, 0, 0);
    ctx mc = root_ctx(mw, 0, NULL);

    if (chance(g, 40))
        gen_emitters(g, mainlist);
    if (chance(g, 35))
        gen_interval(g, mainlist);
    if (chance(g, 15)) {
        ctx pc = {mw, false, 0, 1, true, NULL};
        cJSON *on = obj1(g, "process.on", jstr(g, "beforeExit"));
        int saved = g->budget;
        g->budget = 3;
        put(on, "listener", body(g, pc, 2));
        g->budget = saved - 1;
        push(mainlist, on);
    }
    if (chance(g, 15)) {
        ctx pc = {mw, false, 0, 4, true, NULL};
        cJSON *b = jarr(g);
        push(b, log_stmt(g, &pc));
        if (chance(g, 50)) {
            cJSON *p = obj1(g, "Promise.resolve", undef(g));
            cJSON *chain = jarr(g);
            push(chain, obj1(g, "then", skipped(g, &pc)));
            put(p, "chain", chain);
            push(b, p);
        }
        cJSON *on = obj1(g, "process.on", jstr(g, "exit"));
        put(on, "listener", b);
        push(mainlist, on);
    }
    while (g->budget > 0 && !g->failed)
        gen_stmt(g, &mc, mainlist);
    if (g->nemitters > 0 && g->emit_arg == 0) { /* let the listeners run at least once */
        cJSON *e = obj1(g, "emit", jstr(g, "ev"));
        put(e, "emitter", jstr(g, g->emitters[0]));
        cJSON *args = jarr(g);
        push(args, jnum(g, ++g->emit_arg));
        put(e, "args", args);
        push(mainlist, e);
    }

    put(root, "functions", g->functions);
    if (cJSON_GetArraySize(g->functions) == 0)
        cJSON_DeleteItemFromObject(root, "functions");
    put(root, "main", mainlist);

    int rc = 1;
    if (!g->failed) {
        char *text = cJSON_Print(root);
        if (text) {
            rc = fputs(text, out) < 0 || fputc('\n', out) == EOF ? 1 : 0;
            cJSON_free(text);
        }
    }
    cJSON_Delete(root);
    free(g);
    return rc;
}
