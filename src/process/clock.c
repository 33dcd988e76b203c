/* clock.c - see clock.h. */
#include "clock.h"

#include <math.h>
#include <stdio.h>

int64_t clock_ms_to_ns(double ms)
{
    return (int64_t)llround(ms * 1e6);
}

static double uniform01(ls_clock *c)
{
    /* xorshift64* */
    c->rng ^= c->rng >> 12;
    c->rng ^= c->rng << 25;
    c->rng ^= c->rng >> 27;
    return (double)((c->rng * UINT64_C(2685821657736338717)) >> 11) / 9007199254740992.0;
}

void clock_cost_ns(ls_clock *c, ls_cost cost, int64_t *lo, int64_t *hi)
{
    switch (c->mode) {
    case CLOCK_NOMINAL:
        *lo = *hi = clock_ms_to_ns(cost.ms);
        return;
    case CLOCK_SAMPLED: {
        double u = uniform01(c), from = cost.lo, to = cost.hi;
        if (cost.tail > cost.lo && cost.tail < cost.hi) {
            /* costs.def: most draws from [lo, tail], a few from the slow tail [tail, hi] */
            if (u < cost.share) {
                from = cost.tail;
                u /= cost.share;
            } else {
                to = cost.tail;
                u = (u - cost.share) / (1 - cost.share);
            }
        }
        *lo = *hi = clock_ms_to_ns(from + (to - from) * u);
        return;
    }
    case CLOCK_RANGES:
        *lo = clock_ms_to_ns(cost.lo);
        *hi = clock_ms_to_ns(cost.hi);
        return;
    }
}

void clock_init(ls_clock *c, ls_clock_mode mode, ls_cost phase, uint64_t seed)
{
    c->mode = mode;
    c->rng = seed * UINT64_C(0x9E3779B97F4A7C15) + 1;
    int64_t lo, hi;
    clock_cost_ns(c, phase, &lo, &hi);
    lo = lo < 0 ? 0 : lo >= LS_NS_PER_MS ? LS_NS_PER_MS - 1 : lo;
    hi = hi < lo ? lo : hi >= LS_NS_PER_MS ? LS_NS_PER_MS - 1 : hi;
    dbm_init(&c->zone, lo, hi);
    c->start_ns = lo;
    c->loop_time = 0;
    c->refresh_var = -1;
    c->refresh_who = (ls_moment){NULL, NULL, NULL, NULL, 0, 0, true};
    c->oracle = NULL;
    c->capture = NULL;
    c->describe = NULL;
    c->describe_ctx = NULL;
    c->last_read = (ls_moment){"the start of the main script", NULL, NULL, NULL, 0, 0, true};
    c->last_read_ms = 0;
}

void clock_spend(ls_clock *c, ls_cost cost)
{
    int64_t lo, hi;
    clock_cost_ns(c, cost, &lo, &hi);
    if (hi > 0)
        dbm_advance(&c->zone, lo < 0 ? 0 : lo, hi);
}

void clock_spend_exact(ls_clock *c, int64_t ns)
{
    if (ns > 0)
        dbm_advance(&c->zone, ns, ns);
}

int64_t clock_now_ns(const ls_clock *c)
{
    return dbm_min(&c->zone, DBM_NOW);
}

int64_t clock_elapsed_ns(const ls_clock *c)
{
    return clock_now_ns(c) - c->start_ns;
}

bool clock_wants_words(const ls_clock *c)
{
    return c->oracle && c->describe && !c->oracle->quiet;
}

/* The current instant, for words made later (if any). */
static ls_moment capture(ls_clock *c, const char *what)
{
    if (c->capture)
        return c->capture(c->describe_ctx, what);
    return (ls_moment){what, NULL, NULL, NULL, 0, 0, true};
}

enum { WORDS_MAX = 320 }; /* a statement's length, cut there */

/* Moment `m` in words, in `buf` (WORDS_MAX bytes) unless its `what` says it all. */
static const char *words(ls_clock *c, const ls_moment *m, char *buf)
{
    if (m->plain || !c->describe)
        return m->what;
    ls_text t = text_on(buf, WORDS_MAX);
    c->describe(c->describe_ctx, m, &t);
    return buf;
}

/* "<count> between <from> and <to>" */
static const char *between(char *buf, const char *count, const char *from, const char *to)
{
    ls_text t = text_on(buf, WORDS_MAX);
    text_put(text_put(text_put(text_put(text_put(&t, count), " between "), from), " and "), to);
    return buf;
}

static void note(ls_clock *c, const char *statement)
{
    if (c->oracle && c->oracle->note && statement)
        c->oracle->note(c->oracle, statement);
}

static int take(ls_clock *c, int nf, const char *const *statements)
{
    if (!c->oracle)
        return 0;
    int k = c->oracle->choose(c->oracle, nf, statements);
    return k >= 0 && k < nf ? k : 0;
}

static const char *boundaries(uint64_t n)
{
    static const char *words[] = {"no loop-ms boundary passes", "one loop-ms boundary passes",
                                  "two loop-ms boundaries pass", "three loop-ms boundaries pass"};
    return n < 4 ? words[n] : "four or more loop-ms boundaries pass";
}

/* Decides the whole loop-ms of instant `var`, narrows the zone to it, and returns it. */
static uint64_t decide_ms(ls_clock *c, int var, ls_moment reader)
{
    int64_t kmin = dbm_min(&c->zone, var) / LS_NS_PER_MS;
    int64_t kmax = dbm_max(&c->zone, var) / LS_NS_PER_MS;
    int64_t k = kmin;
    if (kmax > kmin) {
        /* The zone is convex, so every whole ms between the least and greatest is possible. */
        enum { MAX_OPTIONS = 64 };
        if (kmax - kmin >= MAX_OPTIONS)
            kmax = kmin + MAX_OPTIONS - 1;
        const char *statements[MAX_OPTIONS];
        char buf[MAX_OPTIONS][WORDS_MAX], from_buf[WORDS_MAX], to_buf[WORDS_MAX];
        bool said = clock_wants_words(c);
        const char *from = said ? words(c, &c->last_read, from_buf) : NULL;
        const char *to = said ? words(c, &reader, to_buf) : NULL;
        for (int64_t x = kmin; x <= kmax; x++) {
            uint64_t passed = (uint64_t)x >= c->last_read_ms ? (uint64_t)x - c->last_read_ms : 0;
            statements[x - kmin] = said ? between(buf[x - kmin], boundaries(passed), from, to)
                                        : NULL;
        }
        k = kmin + take(c, (int)(kmax - kmin + 1), statements);
    } else if (clock_wants_words(c)) {
        char buf[WORDS_MAX], from_buf[WORDS_MAX], to_buf[WORDS_MAX];
        uint64_t passed = (uint64_t)k >= c->last_read_ms ? (uint64_t)k - c->last_read_ms : 0;
        note(c, between(buf, boundaries(passed), words(c, &c->last_read, from_buf),
                        words(c, &reader, to_buf)));
    }
    c->last_read = reader;
    dbm_constrain(&c->zone, var, DBM_ZERO, (k + 1) * LS_NS_PER_MS - 1);
    dbm_constrain(&c->zone, DBM_ZERO, var, -k * LS_NS_PER_MS);
    c->last_read_ms = (uint64_t)k;
    return (uint64_t)k;
}

void clock_update_time(ls_clock *c, const char *what)
{
    if (c->refresh_var >= 0)
        dbm_drop(&c->zone, c->refresh_var);
    c->refresh_var = -1;
    if (dbm_max(&c->zone, DBM_NOW) / LS_NS_PER_MS == dbm_min(&c->zone, DBM_NOW) / LS_NS_PER_MS) {
        c->loop_time = decide_ms(c, DBM_NOW, capture(c, what)); /* one value: no decision */
        return;
    }
    c->refresh_var = dbm_add(&c->zone, DBM_NOW, 0, 0);
    if (c->refresh_var < 0) {
        c->loop_time = decide_ms(c, DBM_NOW, capture(c, what));
        return;
    }
    c->refresh_who = capture(c, what);
}

uint64_t clock_now(ls_clock *c)
{
    if (c->refresh_var >= 0) {
        c->loop_time = decide_ms(c, c->refresh_var, c->refresh_who);
        dbm_drop(&c->zone, c->refresh_var);
        c->refresh_var = -1;
    }
    return c->loop_time;
}

/* Is instant `v` (read by `who`) at loop-ms `ms` or later?  Decides only that. */
static bool var_reached(ls_clock *c, int v, ls_moment who_at, uint64_t ms)
{
    int64_t at = (int64_t)ms * LS_NS_PER_MS;
    ls_bound yes = {DBM_ZERO, v, -at}, no = {v, DBM_ZERO, at - 1};
    const ls_bound *options[2] = {&no, &yes};
    int counts[2] = {1, 1};
    const char *statements[2] = {NULL, NULL};
    char buf[2][WORDS_MAX];
    if (clock_wants_words(c)) {
        char last_buf[WORDS_MAX], who_buf[WORDS_MAX], count[2][64];
        const char *last = words(c, &c->last_read, last_buf), *who = words(c, &who_at, who_buf);
        uint64_t n = ms > c->last_read_ms ? ms - c->last_read_ms : 0;
        if (n <= 1) {
            between(buf[0], "no loop-ms boundary passes", last, who);
            between(buf[1], "a loop-ms boundary passes", last, who);
        } else {
            ls_text t = text_on(count[0], sizeof count[0]);
            text_put(text_u64(text_put(&t, "fewer than "), n), " loop-ms boundaries pass");
            t = text_on(count[1], sizeof count[1]);
            text_put(text_u64(text_put(&t, "at least "), n), " loop-ms boundaries pass");
            between(buf[0], count[0], last, who);
            between(buf[1], count[1], last, who);
        }
        statements[0] = buf[0];
        statements[1] = buf[1];
    }
    if (dbm_min(&c->zone, v) >= at) {
        note(c, statements[1]);
        return true;
    }
    if (dbm_max(&c->zone, v) < at) {
        note(c, statements[0]);
        return false;
    }
    return clock_decide(c, 2, options, counts, statements) == 1;
}

bool clock_reached(ls_clock *c, uint64_t ms)
{
    if (c->refresh_var < 0)
        return c->loop_time >= ms;
    return var_reached(c, c->refresh_var, c->refresh_who, ms);
}

ls_reading clock_read(ls_clock *c, const char *what)
{
    ls_reading r = {-1, 0, {NULL, NULL, NULL, NULL, 0, 0, true}};
    clock_update_time(c, what);
    if (c->refresh_var < 0) {
        r.ms = c->loop_time;
        return r;
    }
    r.var = dbm_add(&c->zone, c->refresh_var, 0, 0);
    r.who = c->refresh_who;
    if (r.var < 0)
        r.ms = clock_now(c);
    return r;
}

bool clock_reading_reached(ls_clock *c, ls_reading *r, uint64_t ms)
{
    if (r->var < 0)
        return r->ms >= ms;
    return var_reached(c, r->var, r->who, ms);
}

uint64_t clock_reading_ms(ls_clock *c, ls_reading *r)
{
    if (r->var >= 0) {
        r->ms = decide_ms(c, r->var, r->who);
        dbm_drop(&c->zone, r->var);
        r->var = -1;
    }
    return r->ms;
}

void clock_reading_done(ls_clock *c, ls_reading *r)
{
    if (r->var >= 0)
        dbm_drop(&c->zone, r->var);
    r->var = -1;
}

uint64_t clock_get_now_of(ls_clock *c, const char *what, const char *subject)
{
    if (c->refresh_var >= 0)
        dbm_drop(&c->zone, c->refresh_var);
    c->refresh_var = -1;
    ls_moment m = capture(c, what);
    m.subject = subject;
    c->loop_time = decide_ms(c, DBM_NOW, m);
    return c->loop_time;
}

uint64_t clock_get_now(ls_clock *c, const char *what)
{
    return clock_get_now_of(c, what, NULL);
}

bool clock_wait_until(ls_clock *c, uint64_t due, ls_cost wakeup)
{
    int64_t lo = dbm_min(&c->zone, DBM_NOW), hi = dbm_max(&c->zone, DBM_NOW);
    int64_t klo = lo / LS_NS_PER_MS, khi = hi / LS_NS_PER_MS;
    int64_t at = (int64_t)due * LS_NS_PER_MS;
    if (klo >= (int64_t)due)
        return false;
    if (klo == khi) {
        /* one millisecond: the wait is exactly due - k ms, and now keeps its relations */
        if (c->refresh_var >= 0)
            dbm_drop(&c->zone, c->refresh_var);
        c->refresh_var = -1;
        dbm_advance(&c->zone, at - klo * LS_NS_PER_MS, at - klo * LS_NS_PER_MS);
    } else {
        /* now's fraction of a ms: [lo's, end] for the first ms, the whole ms between, [0, hi's]
         * for the last; one interval unless two ms leave a gap */
        int64_t flo = lo - klo * LS_NS_PER_MS, fhi = hi - khi * LS_NS_PER_MS;
        if (khi == klo + 1 && fhi + 1 < flo)
            return false;
        int others = 0;
        for (int i = 2; i < c->zone.n; i++)
            others += c->zone.used[i] && i != c->refresh_var;
        if (others)
            return false;
        c->refresh_var = -1;
        dbm_init(&c->zone, at, at + LS_NS_PER_MS - 1);
    }
    clock_spend(c, wakeup);
    return true;
}

int clock_decide(ls_clock *c, int n, const ls_bound *const *options, const int *counts,
                 const char *const *statements)
{
    enum { MAX_OPTIONS = 2 * DBM_MAX + 1 };
    int feasible[MAX_OPTIONS];
    const char *said[MAX_OPTIONS];
    int nf = 0;
    ls_dbm trial;
    for (int k = 0; k < n && k < MAX_OPTIONS; k++) {
        dbm_copy(&trial, &c->zone);
        bool ok = true;
        for (int b = 0; b < counts[k] && ok; b++)
            ok = dbm_constrain(&trial, options[k][b].i, options[k][b].j, options[k][b].c);
        if (ok) {
            said[nf] = statements ? statements[k] : NULL;
            feasible[nf++] = k;
        }
    }
    if (nf == 0)
        return -1;
    if (nf == 1)
        note(c, said[0]);
    int pick = feasible[nf == 1 ? 0 : take(c, nf, said)];
    for (int b = 0; b < counts[pick]; b++)
        dbm_constrain(&c->zone, options[pick][b].i, options[pick][b].j, options[pick][b].c);
    return pick;
}

/* A moment as its words would say it: its iteration relative to the current one. */
static void fingerprint_moment(ls_fp *fp, const ls_moment *m, uint64_t iteration)
{
    fp_str(fp, m->what);
    fp_str(fp, m->subject);
    fp_str(fp, m->api);
    fp_str(fp, m->label);
    fp_u64(fp, iteration - m->iteration);
    fp_i64(fp, m->phase);
    fp_bool(fp, m->plain);
}

void clock_fingerprint(const ls_clock *c, ls_fp *fp, uint64_t iteration, const int *pending,
                       int npending)
{
    /* the instants: zero, now, the refresh, then those of the I/O in flight in the order the
     * caller lists them (a canonical one: io_fingerprint's); any other one is not walked */
    int vars[DBM_MAX];
    int nvars = 0;
    vars[nvars++] = DBM_ZERO;
    vars[nvars++] = DBM_NOW;
    if (c->refresh_var >= 0)
        vars[nvars++] = c->refresh_var;
    for (int k = 0; k < npending && nvars < DBM_MAX; k++)
        vars[nvars++] = pending[k];
    for (int i = 2; i < c->zone.n; i++) {
        bool listed = false;
        for (int k = 2; k < nvars && !listed; k++)
            listed = vars[k] == i;
        if (c->zone.used[i] && !listed)
            fp_refuse(fp);
    }
    fp_u64(fp, c->mode);
    fp_i64(fp, nvars);
    for (int i = 0; i < nvars; i++)
        for (int j = 0; j < nvars; j++)
            fp_i64(fp, c->zone.m[vars[i]][vars[j]]);
    fp_u64(fp, c->loop_time);
    fp_bool(fp, c->refresh_var >= 0);
    if (c->refresh_var >= 0)
        fingerprint_moment(fp, &c->refresh_who, iteration);
    fingerprint_moment(fp, &c->last_read, iteration);
    fp_u64(fp, c->last_read_ms);
    fp_i64(fp, c->start_ns);
}
