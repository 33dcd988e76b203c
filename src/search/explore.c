/* explore.c - see explore.h. */
#include "explore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fanout.h"
#include "fingerprint.h"
#include "graph.h"
#include "text.h"
#include "xalloc.h"



void explore_run_key(ls_engine *e, int exit_code, char **lines, size_t *len, char **ending)
{
    size_t elen;
    FILE *f = open_memstream(lines, len);
    FILE *g = open_memstream(ending, &elen);
    if (!f || !g)
        ls_out_of_memory(BUFSIZ);
    out_render(e, f, FORMAT_TEXT, false);
    out_render_ending(e, exit_code, false, g);
    fclose(f);
    fclose(g);
}


/* ---- the search's oracle: replay a prefix of answers, then take the first ------------------ */

typedef struct {
    int n;                /* possible answers */
    int taken;
} decision;

typedef struct {
    ls_oracle base;
    decision *trail;      /* this path's decisions; the first `replay` are replayed */
    size_t ntrail, cap, replay;
    graph_fact *facts;    /* what was said of time since the last state, decisions included */
    size_t nfacts, facts_cap;
    size_t *slots;        /* open addressing over facts by their text: index + 1, 0 empty */
    size_t slots_cap;     /* a power of two, at least twice facts_cap */
} dfs_oracle;

/* The slot of `statement` in d->slots: the fact's (index + 1), or 0 where it would go. */
static size_t *fact_slot(dfs_oracle *d, const char *statement)
{
    size_t i = (size_t)fnv1a(FNV1A_START, statement, strlen(statement)) & (d->slots_cap - 1);
    while (d->slots[i] && strcmp(d->facts[d->slots[i] - 1].statement, statement) != 0)
        i = (i + 1) & (d->slots_cap - 1);
    return &d->slots[i];
}

/* A few facts are looked up one by one; past FEW_FACTS (a main script that reads the clock
 * 100,000 times) through the index. */
#define FEW_FACTS 32

/* (Re)builds the index of the facts, growing it to at least twice their number. */
static void index_facts(dfs_oracle *d)
{
    size_t want = d->slots_cap ? d->slots_cap : 4 * FEW_FACTS;
    while (2 * (d->nfacts + 1) > want)
        want *= 2;
    if (want != d->slots_cap) {
        free(d->slots);
        d->slots = calloc(want, sizeof *d->slots);
        if (!d->slots)
            ls_out_of_memory(want * sizeof *d->slots);
        d->slots_cap = want;
    } else {
        memset(d->slots, 0, want * sizeof *d->slots);
    }
    for (size_t i = 0; i < d->nfacts; i++)
        *fact_slot(d, d->facts[i].statement) = i + 1;
}

static void add_fact(dfs_oracle *d, const char *statement, bool decided)
{
    size_t *slot = NULL, found = 0;
    if (d->nfacts < FEW_FACTS) {
        for (size_t i = 0; i < d->nfacts && !found; i++)
            if (strcmp(d->facts[i].statement, statement) == 0)
                found = i + 1;
    } else {
        if (2 * (d->nfacts + 1) > d->slots_cap || d->nfacts == FEW_FACTS)
            index_facts(d);
        slot = fact_slot(d, statement);
        found = *slot;
    }
    if (found) {
        d->facts[found - 1].decided |= decided; /* said again: one fact */
        return;
    }
    if (d->nfacts == d->facts_cap) {
        d->facts_cap = d->facts_cap ? 2 * d->facts_cap : 64;
        d->facts = xrealloc(d->facts, d->facts_cap * sizeof *d->facts);
    }
    d->facts[d->nfacts].statement = xstrdup(statement);
    d->facts[d->nfacts++].decided = decided;
    if (slot)
        *slot = d->nfacts;
}

static void clear_facts(dfs_oracle *d)
{
    bool indexed = d->nfacts > FEW_FACTS;
    /* newest first: each fact's probe sequence passes only older facts, still there */
    for (size_t i = d->nfacts; i-- > 0;) {
        if (indexed)
            *fact_slot(d, d->facts[i].statement) = 0;
        free(d->facts[i].statement);
    }
    d->nfacts = 0;
}

static void dfs_note(ls_oracle *o, const char *statement)
{
    if (!o->quiet && statement)
        add_fact((dfs_oracle *)o, statement, false);
}

static int dfs_choose(ls_oracle *o, int n, const char *const *statements)
{
    dfs_oracle *d = (dfs_oracle *)o;
    int taken = 0;
    if (d->ntrail < d->replay) {
        taken = d->trail[d->ntrail].taken;
        if (taken >= n) /* cannot happen: the engine is deterministic */
            taken = n - 1;
    } else if (d->ntrail == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 64;
        d->trail = xrealloc(d->trail, d->cap * sizeof *d->trail);
    }
    d->trail[d->ntrail++] = (decision){n, taken};
    if (!o->quiet)
        add_fact(d, statements[taken] ? statements[taken] : "(a timing decision)", true);
    return taken;
}

/* Moves to the next leaf: the deepest decision with an answer not yet tried takes it. */
static bool dfs_next(dfs_oracle *d)
{
    while (d->ntrail > 0) {
        decision *x = &d->trail[d->ntrail - 1];
        if (x->taken + 1 < x->n) {
            x->taken++;
            d->replay = d->ntrail;
            d->ntrail = 0;
            return true;
        }
        d->ntrail--;
    }
    d->replay = 0;
    return false;
}

/* ---- a run's way through the graph of states (graph.h) ------------------------------------ */

typedef struct {
    ls_graph *graph;
    dfs_oracle *d;
    bool merge;
    size_t current;       /* the last state this run reached */
    uint64_t iteration;   /* its loop iteration */
    size_t line_mark;     /* output lines printed before it */
    size_t *path;         /* the states this run met, one per loop iteration (GRAPH_END: none) */
    size_t *path_depth;   /* decisions taken when it met each */
    size_t npath, path_cap, met;
    uint64_t joins;
    size_t fp_trail;      /* decisions taken when the last state was fingerprinted */
    uint64_t quiet_iterations, next_fp; /* iterations since then; the next back-off point */
} walk;

/* The lines printed since the last state, as one text. */
static char *segment(const ls_engine *e, size_t from, size_t *len)
{
    size_t n = 0;
    for (size_t i = from; i < e->out.nlines; i++)
        n += strlen(e->out.lines[i].text) + 1;
    char *s = xrealloc(NULL, n + 1);
    size_t k = 0;
    for (size_t i = from; i < e->out.nlines; i++) {
        size_t l = strlen(e->out.lines[i].text);
        memcpy(s + k, e->out.lines[i].text, l);
        s[k + l] = '\n';
        k += l + 1;
    }
    s[k] = '\0';
    *len = n;
    return s;
}

/* The run went from the current state to `to` (or ended): an edge, unless every decision on
 * the way is one the previous run took (it replays them: that edge is known). */
static void add_edge(walk *w, ls_engine *e, size_t to, const char *ending, int exit_code)
{
    dfs_oracle *d = w->d;
    if (d->ntrail < d->replay)
        return;
    size_t len;
    char *lines = segment(e, w->line_mark, &len);
    graph_add_edge(w->graph, w->current, to, lines, len, ending, exit_code, d->facts, d->nfacts,
                   w->iteration, e->iteration);
    free(lines);
}

/* The words said from here to the next state are thrown away when this run reaches that state
 * before the decision it changes (the previous run met it there: the edge is known), so none
 * are made: the clock keeps its moments and words them only when asked (clock.h). */
static void be_quiet(walk *w, size_t next)
{
    while (next < w->npath && w->path[next] == GRAPH_END)
        next++; /* no state there: the edge goes on */
    w->d->base.quiet = w->merge && next < w->npath && w->path_depth[next] < w->d->replay;
}

static void start_walk(walk *w)
{
    w->npath = w->met; /* the states the last run met: the next one meets the same, up to where
                        * it changes a decision */
    w->current = 0;
    w->iteration = 0;
    w->line_mark = 0;
    w->met = 0;
    w->fp_trail = 0;
    w->quiet_iterations = 0;
    w->next_fp = 1;
    be_quiet(w, 0);
}

/* Is this loop iteration's state worth a fingerprint?  Hashing the state costs as much as the
 * state is big, so hashing it at every iteration made one run of a big program (10,000 pending
 * timers) quadratic.  A small state (fewer than SMALL_STATE timer lists and immediates) is
 * always fingerprinted.  A big one only when a decision was taken since the last fingerprint
 * (two paths can only reach the same state after they have differed, which takes a decision),
 * and otherwise at 1, 2, 4, 8... iterations after it, so that paths that join a while after
 * their race are still joined, a little later.  A state not fingerprinted is no state (as with
 * I/O in flight): the edge goes on through it.  The choice depends only on the state and the
 * decisions taken, so a run that replays another's decisions meets the same states. */
#define SMALL_STATE 256

static bool worth_a_fingerprint(walk *w, const ls_engine *e)
{
    bool small = e->timers.queue.count + e->immediates.count < SMALL_STATE;
    if (small || w->d->ntrail != w->fp_trail || ++w->quiet_iterations >= w->next_fp) {
        w->next_fp = w->d->ntrail != w->fp_trail ? 1 : 2 * w->next_fp;
        w->fp_trail = w->d->ntrail;
        w->quiet_iterations = 0;
        return true;
    }
    return false;
}

/* engine.h's checkpoint: a loop iteration starts. */
static bool at_state(void *ctx, ls_engine *e)
{
    walk *w = ctx;
    if (!w->merge)
        return false;
    dfs_oracle *d = w->d;
    size_t depth = d->ntrail, met = w->met++;
    size_t k;
    bool done = false;
    bool wanted = worth_a_fingerprint(w, e); /* in replays too: the same states as before */
    if (depth < d->replay && met < w->npath) {
        /* every decision so far is one the previous run took: it met this state here too */
        k = w->path[met];
        if (k == GRAPH_END)
            return false;
    } else {
        ls_fingerprint fp;
        k = wanted && engine_fingerprint(e, &fp)
                ? graph_state(w->graph, fp, depth, &done)
                : GRAPH_END;
        if (met == w->path_cap) {
            w->path_cap = w->path_cap ? 2 * w->path_cap : 64;
            w->path = xrealloc(w->path, w->path_cap * sizeof *w->path);
            w->path_depth = xrealloc(w->path_depth, w->path_cap * sizeof *w->path_depth);
        }
        w->path[met] = k;
        w->path_depth[met] = depth;
        w->npath = met + 1;
        if (k == GRAPH_END)
            return false;
        add_edge(w, e, k, NULL, 0);
        if (done) {
            w->joins++;
            return true; /* its future is known: stop here */
        }
    }
    w->current = k;
    w->iteration = e->iteration;
    w->line_mark = e->out.nlines;
    clear_facts(d);
    be_quiet(w, met + 1);
    return false;
}

/* ---- orders ------------------------------------------------------------------------------- */

static ls_order *find_order(ls_orders *out, const char *lines, size_t len, const char *ending)
{
    for (size_t i = 0; i < out->n; i++)
        if (out->orders[i].len == len && memcmp(out->orders[i].lines, lines, len) == 0 &&
            strcmp(out->orders[i].ending, ending) == 0)
            return &out->orders[i];
    return NULL;
}

ls_order *explore_add_order(ls_orders *out, char *lines, size_t len, char *ending, int exit_code)
{
    out->orders = xrealloc(out->orders, (out->n + 1) * sizeof *out->orders);
    ls_order *o = &out->orders[out->n++];
    memset(o, 0, sizeof *o);
    o->lines = lines;
    o->len = len;
    o->ending = ending;
    o->exit_code = exit_code;
    o->rank = out->n - 1;
    return o;
}

typedef struct {
    char *lines;
    size_t len;
    char *ending;
    int exit_code;
    bool bad_input;
    bool out_of_budget;   /* stopped by the search's budget: not an order */
    bool read_clock;      /* the program read the clock (what it printed may hold the time) */
    char *error;
} run_out;

static void run(const ls_program *program, const ls_costs *costs, const ls_profile *profile,
                const ls_limits *limits, const ls_timing *timing, run_out *r)
{
    ls_engine *e = engine_new_timed(program, costs, profile, limits, timing);
    r->exit_code = engine_run(e);
    r->bad_input = e->stop == STOP_BAD_INPUT;
    r->out_of_budget = e->stop == STOP_BUDGET;
    r->read_clock = e->host.read_clock;
    r->error = r->bad_input ? xstrdup(e->stop_message) : NULL;
    explore_run_key(e, r->exit_code, &r->lines, &r->len, &r->ending);
    if (e->checkpoint && e->stop != STOP_MERGED && !r->bad_input && !r->out_of_budget)
        add_edge(e->checkpoint_ctx, e, GRAPH_END, r->ending, r->exit_code);
    engine_free(e);
}

/* Keeps `r` as an order (or counts it against the one it equals); returns the order. */
static ls_order *record(ls_orders *out, run_out *r)
{
    ls_order *o = find_order(out, r->lines, r->len, r->ending);
    if (o) {
        free(r->lines);
        free(r->ending);
        return o;
    }
    return explore_add_order(out, r->lines, r->len, r->ending, r->exit_code);
}

/* ---- the sampled runs, in other processes ---------------------------------------------------- */

typedef struct {
    const ls_program *program;
    const ls_costs *costs;
    const ls_profile *profile;
    const ls_limits *limits;
} sampling;

/* fanout_fn: sample `item` + 1 (the seeds are 1..samples); declined when the budget stops it */
static bool sample_item(void *ctx, uint64_t item, fanout_result *fr)
{
    const sampling *s = ctx;
    ls_timing sampled = {CLOCK_SAMPLED, item + 1, NULL, NULL, NULL};
    run_out r;
    run(s->program, s->costs, s->profile, s->limits, &sampled, &r);
    free(r.error);
    if (r.out_of_budget) {
        free(r.lines);
        free(r.ending);
        return false;
    }
    *fr = (fanout_result){r.read_clock, r.exit_code, r.lines, r.len, r.ending};
    return true;
}

/* Sample `seed`: as a worker made it, or here (none did, or it stopped before it). */
static void sample(fanout *workers, const sampling *s, uint64_t seed, run_out *r)
{
    fanout_result fr;
    if (fanout_get(workers, seed - 1, &fr)) {
        *r = (run_out){fr.data, fr.len, fr.note, fr.code, false, false, fr.status != 0, NULL};
        return;
    }
    ls_timing sampled = {CLOCK_SAMPLED, seed, NULL, NULL, NULL};
    run(s->program, s->costs, s->profile, s->limits, &sampled, r);
    free(r->error);
}

static int by_probability(const void *a, const void *b)
{
    const ls_order *x = a, *y = b;
    if (x->samples != y->samples)
        return x->samples < y->samples ? 1 : -1;
    if (x->searched != y->searched)
        return x->searched ? -1 : 1;
    return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* Was this order, met by the nominal or a sampled run, found by the search? */
static bool searched(const ls_orders *out, const ls_graph *g, const ls_order *o)
{
    if (out->listed_all)
        return o->searched;
    if (out->count_partial)
        return false; /* not counted: each order the runs printed counts on its own */
    if (out->count_capped)
        return true; /* cannot tell */
    return graph_holds(g, o->lines, o->len, o->ending);
}

static ls_stopped_by budget_stop(const ls_budget *b)
{
    return b && b->state == BUDGET_MEMORY ? STOPPED_MEMORY : STOPPED_TIME;
}

void explore_orders(const ls_program *program, const ls_costs *costs, const ls_profile *profile,
                    const ls_limits *limits, const ls_explore_options *options, ls_orders *out)
{
    memset(out, 0, sizeof *out);
    uint64_t max_paths = options->max_paths ? options->max_paths : 200000;
    ls_budget *budget = options->budget;
    ls_limits bounded = *limits; /* every run stops when the budget is spent */
    bounded.budget = budget;

    dfs_oracle d;
    memset(&d, 0, sizeof d);
    d.base.choose = dfs_choose;
    d.base.note = dfs_note;
    walk w;
    memset(&w, 0, sizeof w);
    w.graph = graph_new(budget);
    w.d = &d;
    w.merge = !options->no_merge;
    ls_timing ranges = {CLOCK_RANGES, 0, &d.base, at_state, &w};
    out->complete = true;
    sampling sampler = {program, costs, profile, &bounded};
    fanout *workers = options->jobs > 1 && options->samples && !options->count_only
                          ? fanout_start(options->samples, options->jobs - 1, sample_item, &sampler)
                          : NULL;
    /* a search that would run out of time keeps a quarter of it for sampling, so that the
     * orders sampling finds are listed, with their probabilities, whatever the search saw
     * (workers sample meanwhile: then it keeps none) */
    int64_t deadline = options->samples && !workers ? budget_reserve(budget, 0.25) : 0;
    for (;;) {
        start_walk(&w);
        run_out r;
        run(program, costs, profile, &bounded, &ranges, &r);
        free(r.lines);
        free(r.ending);
        clear_facts(&d);
        if (r.bad_input) {
            out->bad_input = true;
            out->error = r.error;
            break;
        }
        if (r.out_of_budget) {
            out->complete = false;
            out->stopped_by = budget_stop(budget);
            break;
        }
        out->runs++;
        fanout_poll(workers); /* no worker waits on a full pipe */
        if (options->progress)
            options->progress(options->progress_ctx, out, options->samples);
        if (!dfs_next(&d))
            break;
        graph_close(w.graph, d.replay);
        if (out->runs >= max_paths) {
            out->complete = false;
            out->stopped_by = STOPPED_MAX_PATHS;
            break;
        }
        if (budget_spent(budget)) {
            out->complete = false;
            out->stopped_by = budget_stop(budget);
            break;
        }
    }
    budget_release(budget, deadline);
    free(d.trail);
    free(d.facts);
    free(d.slots);
    free(w.path);
    free(w.path_depth);
    if (out->bad_input) {
        fanout_end(workers);
        graph_free(w.graph);
        return;
    }
    out->states = graph_states(w.graph);
    out->joins = w.joins;

    /* count the orders; list them if there are few enough */
    if (!graph_count(w.graph, &out->count, &out->count_capped, &out->paths)) {
        out->count_partial = true;
        out->count = 0;
        if (out->complete) {
            out->complete = false;
            out->stopped_by = budget_stop(budget);
        }
    } else if (!out->count_capped && out->count <= LS_MAX_LISTED && !options->count_only) {
        graph_list(w.graph, out);
        out->listed_all = true;
    }
    if (options->count_only) {
        fanout_end(workers);
        graph_free(w.graph);
        return;
    }

    /* the nominal run (not bounded: loopsim run makes it without a budget too) */
    {
        ls_timing nominal = {CLOCK_NOMINAL, 0, NULL, NULL, NULL};
        run_out r;
        run(program, costs, profile, limits, &nominal, &r);
        free(r.error);
        out->read_clock |= r.read_clock;
        ls_order *o = record(out, &r);
        if (!o->searched && !(o->searched = searched(out, w.graph, o)))
            out->sampled_outside += !out->count_partial; /* the nominal costs lie in the
                                                           * ranges: a model bug */
        o->nominal = true;
    }

    for (uint64_t s = 1; s <= options->samples; s++) {
        run_out r;
        sample(workers, &sampler, s, &r);
        if (r.out_of_budget) {
            free(r.lines);
            free(r.ending);
            if (out->complete) {
                out->complete = false;
                out->stopped_by = budget_stop(budget);
            }
            break;
        }
        out->read_clock |= r.read_clock;
        size_t before = out->n;
        ls_order *o = record(out, &r);
        if (out->n > before) {
            o->searched = searched(out, w.graph, o);
            if (!o->searched && out->complete)
                out->sampled_outside++;
        }
        o->samples++;
        out->samples++;
        if (options->progress)
            options->progress(options->progress_ctx, out, options->samples);
    }
    fanout_end(workers);
    if (!out->listed_all && !out->count_capped && !out->count_partial && out->complete)
        out->graph = w.graph; /* explore_holds can still answer for any order */
    else
        graph_free(w.graph);
    /* orders only sampling found (the search stopped early) are orders too */
    for (size_t i = 0; i < out->n && !out->count_capped; i++)
        out->count += !out->orders[i].searched;
    qsort(out->orders, out->n, sizeof *out->orders, by_probability);
}

bool explore_holds(const ls_orders *orders, const char *lines, size_t len)
{
    for (size_t i = 0; i < orders->n; i++)
        if (orders->orders[i].searched && orders->orders[i].len == len &&
            memcmp(orders->orders[i].lines, lines, len) == 0)
            return true;
    if (!orders->graph)
        return false;
    return graph_holds(orders->graph, lines, len, NULL);
}

void explore_free(ls_orders *orders)
{
    graph_free(orders->graph);
    for (size_t i = 0; i < orders->n; i++) {
        ls_order *o = &orders->orders[i];
        free(o->lines);
        free(o->ending);
        for (size_t c = 0; c < o->nconditions; c++)
            free(o->conditions[c]);
        free(o->conditions);
        for (size_t a = 0; a < o->nalternatives; a++) {
            for (size_t i = 0; i < o->alternative_len[a]; i++)
                free(o->alternatives[a][i]);
            free(o->alternatives[a]);
        }
    }
    free(orders->orders);
    free(orders->error);
    memset(orders, 0, sizeof *orders);
}
