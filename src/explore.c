/* explore.c - see explore.h. */
#include "explore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q) {
        fputs("loopsim: out of memory\n", stderr);
        abort();
    }
    return q;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xrealloc(NULL, n), s, n);
}

void explore_run_key(ls_engine *e, int exit_code, char **lines, size_t *len, char **ending)
{
    size_t elen;
    FILE *f = open_memstream(lines, len);
    FILE *g = open_memstream(ending, &elen);
    if (!f || !g) {
        fputs("loopsim: out of memory\n", stderr);
        abort();
    }
    out_render(e, f, FORMAT_TEXT, false);
    out_render_ending(e, exit_code, false, g);
    fclose(f);
    fclose(g);
}

/* ---- the search's oracle: replay a prefix of answers, then take the first ------------------ */

typedef struct {
    int n;                /* possible answers */
    int taken;
    char *statement;      /* the taken answer's words */
} decision;

typedef struct {
    char *statement;
    bool decided;         /* a decision (more than one answer was possible), not forced */
} fact;

typedef struct {
    ls_oracle base;
    decision *trail;      /* this path's decisions; the first `replay` are replayed */
    size_t ntrail, cap, replay;
    fact *facts;          /* everything said of time on this path, decisions included */
    size_t nfacts, facts_cap;
} dfs_oracle;

static void add_fact(dfs_oracle *d, const char *statement, bool decided)
{
    for (size_t i = 0; i < d->nfacts; i++)
        if (strcmp(d->facts[i].statement, statement) == 0) {
            d->facts[i].decided |= decided; /* said again: one fact */
            return;
        }
    if (d->nfacts == d->facts_cap) {
        d->facts_cap = d->facts_cap ? 2 * d->facts_cap : 64;
        d->facts = xrealloc(d->facts, d->facts_cap * sizeof *d->facts);
    }
    d->facts[d->nfacts].statement = xstrdup(statement);
    d->facts[d->nfacts++].decided = decided;
}

static void clear_facts(dfs_oracle *d)
{
    for (size_t i = 0; i < d->nfacts; i++)
        free(d->facts[i].statement);
    d->nfacts = 0;
}

static void dfs_note(ls_oracle *o, const char *statement)
{
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
        free(d->trail[d->ntrail].statement);
    } else {
        if (d->ntrail == d->cap) {
            d->cap = d->cap ? 2 * d->cap : 64;
            d->trail = xrealloc(d->trail, d->cap * sizeof *d->trail);
        }
    }
    decision *x = &d->trail[d->ntrail++];
    x->n = n;
    x->taken = taken;
    x->statement = xstrdup(statements[taken] ? statements[taken] : "(a timing decision)");
    add_fact(d, x->statement, true);
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
        free(x->statement);
        d->ntrail--;
    }
    d->replay = 0;
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

static ls_order *add_order(ls_orders *out, char *lines, size_t len, char *ending, int exit_code)
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

/* The order's condition: what is said of time on every leaf that prints it.  Facts that were
 * forced on every such leaf say nothing about why this order and not another; they are kept
 * only while some leaf had them as a decision. */
static void keep_alternative(ls_order *o, const dfs_oracle *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nfacts; i++)
        n += d->facts[i].decided;
    char **list = xrealloc(NULL, (n ? n : 1) * sizeof *list);
    size_t k = 0;
    for (size_t i = 0; i < d->nfacts; i++)
        if (d->facts[i].decided)
            list[k++] = d->facts[i].statement;
    for (size_t a = 0; a < o->nalternatives; a++) {
        bool same = o->alternative_len[a] == k;
        for (size_t i = 0; same && i < k; i++)
            same = strcmp(o->alternatives[a][i], list[i]) == 0;
        if (same) {
            free(list);
            return;
        }
    }
    if (o->nalternatives == LS_MAX_ALTERNATIVES) {
        o->more_alternatives = true;
        free(list);
        return;
    }
    for (size_t i = 0; i < k; i++)
        list[i] = xstrdup(list[i]);
    o->alternatives[o->nalternatives] = list;
    o->alternative_len[o->nalternatives++] = k;
}

static void meet_conditions(ls_order *o, const dfs_oracle *d)
{
    keep_alternative(o, d);
    if (o->paths == 1) {
        o->conditions = xrealloc(NULL, (d->nfacts ? d->nfacts : 1) * sizeof *o->conditions);
        o->decided = xrealloc(NULL, (d->nfacts ? d->nfacts : 1) * sizeof *o->decided);
        for (size_t i = 0; i < d->nfacts; i++) {
            o->conditions[o->nconditions] = xstrdup(d->facts[i].statement);
            o->decided[o->nconditions++] = d->facts[i].decided;
        }
        return;
    }
    size_t kept = 0;
    for (size_t c = 0; c < o->nconditions; c++) {
        size_t i = 0;
        while (i < d->nfacts && strcmp(o->conditions[c], d->facts[i].statement) != 0)
            i++;
        if (i < d->nfacts) {
            o->decided[kept] = o->decided[c] || d->facts[i].decided;
            o->conditions[kept++] = o->conditions[c];
        } else {
            free(o->conditions[c]);
        }
    }
    o->nconditions = kept;
}

/* Keeps only the conditions some leaf decided. */
static void prune_conditions(ls_order *o)
{
    size_t kept = 0;
    for (size_t c = 0; c < o->nconditions; c++) {
        if (o->decided[c])
            o->conditions[kept++] = o->conditions[c];
        else
            free(o->conditions[c]);
    }
    o->nconditions = kept;
    free(o->decided);
    o->decided = NULL;
}

typedef struct {
    char *lines;
    size_t len;
    char *ending;
    int exit_code;
    bool bad_input;
    char *error;
} run_out;

static void run(const ls_program *program, const ls_costs *costs, const ls_profile *profile,
                const ls_limits *limits, const ls_timing *timing, run_out *r)
{
    ls_engine *e = engine_new_timed(program, costs, profile, limits, timing);
    r->exit_code = engine_run(e);
    r->bad_input = e->stop == STOP_BAD_INPUT;
    r->error = r->bad_input ? xstrdup(e->stop_message) : NULL;
    explore_run_key(e, r->exit_code, &r->lines, &r->len, &r->ending);
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
    return add_order(out, r->lines, r->len, r->ending, r->exit_code);
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

void explore_orders(const ls_program *program, const ls_costs *costs, const ls_profile *profile,
                    const ls_limits *limits, const ls_explore_options *options, ls_orders *out)
{
    memset(out, 0, sizeof *out);
    uint64_t max_paths = options->max_paths ? options->max_paths : 20000;
    clock_t started = clock();

    dfs_oracle d;
    memset(&d, 0, sizeof d);
    d.base.choose = dfs_choose;
    d.base.note = dfs_note;
    ls_timing ranges = {CLOCK_RANGES, 0, &d.base};
    out->complete = true;
    for (;;) {
        run_out r;
        run(program, costs, profile, limits, &ranges, &r);
        if (r.bad_input) {
            clear_facts(&d);
            out->bad_input = true;
            out->error = r.error;
            free(r.lines);
            free(r.ending);
            break;
        }
        out->paths++;
        ls_order *o = record(out, &r);
        o->searched = true;
        o->paths++;
        meet_conditions(o, &d);
        clear_facts(&d);
        if (!dfs_next(&d))
            break;
        if (out->paths >= max_paths) {
            out->complete = false;
            break;
        }
        if (options->max_seconds > 0 && out->paths % 64 == 0 &&
            (double)(clock() - started) / CLOCKS_PER_SEC > options->max_seconds) {
            out->complete = false;
            out->stopped_by_time = true;
            break;
        }
    }
    /* the trail's live entries: this path's, or the prefix the next path was to replay */
    size_t live = d.ntrail > d.replay ? d.ntrail : d.replay;
    for (size_t i = 0; i < live; i++)
        free(d.trail[i].statement);
    free(d.trail);
    clear_facts(&d);
    free(d.facts);
    for (size_t i = 0; i < out->n; i++)
        prune_conditions(&out->orders[i]);
    if (out->bad_input)
        return;

    /* the nominal run */
    {
        ls_timing nominal = {CLOCK_NOMINAL, 0, NULL};
        run_out r;
        run(program, costs, profile, limits, &nominal, &r);
        free(r.error);
        ls_order *o = find_order(out, r.lines, r.len, r.ending);
        if (!o) {
            o = record(out, &r);
            out->sampled_outside++; /* the nominal costs lie in the ranges: a model bug */
        } else {
            free(r.lines);
            free(r.ending);
        }
        o->nominal = true;
    }

    for (uint64_t s = 1; s <= options->samples; s++) {
        ls_timing sampled = {CLOCK_SAMPLED, s, NULL};
        run_out r;
        run(program, costs, profile, limits, &sampled, &r);
        free(r.error);
        size_t before = out->n;
        ls_order *o = record(out, &r);
        if (out->n > before && out->complete)
            out->sampled_outside++;
        o->samples++;
        out->samples++;
    }
    qsort(out->orders, out->n, sizeof *out->orders, by_probability);
}

void explore_free(ls_orders *orders)
{
    for (size_t i = 0; i < orders->n; i++) {
        ls_order *o = &orders->orders[i];
        free(o->lines);
        free(o->ending);
        for (size_t c = 0; c < o->nconditions; c++)
            free(o->conditions[c]);
        free(o->conditions);
        free(o->decided);
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
