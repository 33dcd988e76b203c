/* explore.c - see explore.h. */
#include "explore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fingerprint.h"

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
    size_t facts_mark;    /* where the facts since the last state begin */
    uint64_t iteration;   /* the last state's loop iteration: facts are said relative to it */
} dfs_oracle;

/* Words with every iteration number (engine.h LS_ITERATION_WORDS) moved by `delta`; with
 * `plain`, the numbers as the user reads them. */
static char *shift_words(const char *s, long long delta, bool plain)
{
    size_t n = strlen(s), cap = n + 64, k = 0;
    char *out = xrealloc(NULL, cap);
    while (*s) {
        if (k + 32 >= cap)
            out = xrealloc(out, cap *= 2);
        if (*s != '\001') {
            out[k++] = *s++;
            continue;
        }
        char *end;
        long long v = strtoll(s + 1, &end, 10) + delta;
        k += (size_t)snprintf(out + k, cap - k, plain ? "%lld" : "\001%lld\002", v);
        s = *end == '\002' ? end + 1 : end;
    }
    out[k] = '\0';
    return out;
}

static void add_fact(dfs_oracle *d, const char *said, bool decided)
{
    char *statement = shift_words(said, -(long long)d->iteration, false);
    for (size_t i = d->facts_mark; i < d->nfacts; i++)
        if (strcmp(d->facts[i].statement, statement) == 0) {
            d->facts[i].decided |= decided; /* said again: one fact */
            free(statement);
            return;
        }
    if (d->nfacts == d->facts_cap) {
        d->facts_cap = d->facts_cap ? 2 * d->facts_cap : 64;
        d->facts = xrealloc(d->facts, d->facts_cap * sizeof *d->facts);
    }
    d->facts[d->nfacts].statement = statement;
    d->facts[d->nfacts++].decided = decided;
}

static void clear_facts(dfs_oracle *d)
{
    for (size_t i = 0; i < d->nfacts; i++)
        free(d->facts[i].statement);
    d->nfacts = 0;
    d->facts_mark = 0;
    d->iteration = 0;
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

/* ---- the graph of states ------------------------------------------------------------------ */

#define END SIZE_MAX      /* an edge's target when the run ended */
#define MAX_ALTS LS_MAX_ALTERNATIVES

typedef struct {
    char **items;         /* decided statements, in the order met */
    size_t n;
} fact_list;

typedef struct {
    size_t target;        /* a node, or END */
    char *lines;          /* printed between the two states, '\n'-terminated lines */
    size_t len;
    char *ending;         /* END: how the run ended */
    int exit_code;
    fact *facts;          /* said on every run along it (decided: on some run a decision) */
    size_t nfacts;
    fact_list alts[MAX_ALTS]; /* the decisions of the first runs along it, one per distinct set */
    size_t nalts;
    bool more_alts;
    uint64_t runs;        /* distinct decision sequences along it */
    long long iterations; /* loop iterations from one state to the other (facts are said
                           * relative to the first; the second's, relative to itself) */
} edge;

/* What a node can print from its state on: the count pass keeps a set of text hashes, the list
 * pass every text with its conditions. */
typedef struct {
    uint64_t h, len;
} text_hash;

typedef struct {
    char *lines;
    size_t len;
    char *ending;
    int exit_code;
    fact *facts;
    size_t nfacts;
    fact_list alts[MAX_ALTS];
    size_t nalts;
    bool more_alts;
    uint64_t paths;
} suffix;

typedef struct {
    text_hash *v;         /* sorted, distinct */
    size_t n;
} hash_set;

typedef struct {
    uint64_t key;
    bool by_content;
    size_t set;
} memo_entry;

typedef struct {
    ls_fingerprint fp;
    size_t depth;         /* decisions taken when the search first reached it */
    bool done;            /* every path from it is explored */
    edge *edges;
    size_t nedges, cap;
    size_t parents;       /* edges into it (for freeing the passes' sets) */
    size_t waiting;       /* parents not yet computed */
    bool computed;
    size_t set;           /* count pass: its set in graph.sets (END: too large) */
    bool capped;
    uint64_t paths;
    suffix *suffixes;     /* list pass */
    size_t nsuffixes;
} node;

typedef struct {
    node *nodes;
    size_t n, cap;
    size_t *index;        /* open addressing over nodes by fingerprint */
    size_t index_cap;
    size_t *open;         /* nodes on the current path not yet done, by depth */
    size_t nopen, open_cap;
    uint64_t joins;
    /* the run in progress */
    dfs_oracle *d;
    size_t current;       /* the last state this run reached */
    size_t line_mark;     /* output lines printed before it */
    size_t current_depth; /* decisions taken when it reached it */
    bool merge;
    hash_set *sets;       /* count pass */
    size_t nsets, sets_cap;
    memo_entry *memo;
    size_t nmemo, memo_cap;
} graph;

static size_t *index_slot(graph *g, ls_fingerprint fp)
{
    size_t i = (size_t)fp.a & (g->index_cap - 1);
    while (g->index[i] != END &&
           (g->nodes[g->index[i]].fp.a != fp.a || g->nodes[g->index[i]].fp.b != fp.b))
        i = (i + 1) & (g->index_cap - 1);
    return &g->index[i];
}

static void index_grow(graph *g)
{
    free(g->index);
    g->index_cap = g->index_cap ? 2 * g->index_cap : 1024;
    g->index = xrealloc(NULL, g->index_cap * sizeof *g->index);
    for (size_t i = 0; i < g->index_cap; i++)
        g->index[i] = END;
    for (size_t k = 1; k < g->n; k++) /* node 0, the start, has no fingerprint */
        *index_slot(g, g->nodes[k].fp) = k;
}

static size_t new_node(graph *g, ls_fingerprint fp, size_t depth)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 64;
        g->nodes = xrealloc(g->nodes, g->cap * sizeof *g->nodes);
    }
    node *x = &g->nodes[g->n];
    memset(x, 0, sizeof *x);
    x->fp = fp;
    x->depth = depth;
    size_t k = g->n++;
    if (k > 0) {
        if (2 * g->n > g->index_cap)
            index_grow(g);
        else
            *index_slot(g, fp) = k;
    }
    if (g->nopen == g->open_cap) {
        g->open_cap = g->open_cap ? 2 * g->open_cap : 64;
        g->open = xrealloc(g->open, g->open_cap * sizeof *g->open);
    }
    g->open[g->nopen++] = k;
    return k;
}

static bool same_list(const fact_list *a, char *const *items, size_t n)
{
    if (a->n != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (strcmp(a->items[i], items[i]) != 0)
            return false;
    return true;
}

/* Adds a list of decided statements to `alts` unless it is there; `more` when full. */
static void add_alt(fact_list *alts, size_t *nalts, bool *more, char *const *items, size_t n)
{
    for (size_t a = 0; a < *nalts; a++)
        if (same_list(&alts[a], items, n))
            return;
    if (*nalts == MAX_ALTS) {
        *more = true;
        return;
    }
    fact_list *l = &alts[(*nalts)++];
    l->items = xrealloc(NULL, (n ? n : 1) * sizeof *l->items);
    for (size_t i = 0; i < n; i++)
        l->items[i] = xstrdup(items[i]);
    l->n = n;
}

static void free_alts(fact_list *alts, size_t n)
{
    for (size_t a = 0; a < n; a++) {
        for (size_t i = 0; i < alts[a].n; i++)
            free(alts[a].items[i]);
        free(alts[a].items);
    }
}

static void free_facts(fact *f, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(f[i].statement);
    free(f);
}

/* Keeps in `have` only the facts also in `other`; decided if decided in either. */
static void meet(fact *have, size_t *nhave, const fact *other, size_t nother)
{
    size_t kept = 0;
    for (size_t c = 0; c < *nhave; c++) {
        size_t i = 0;
        while (i < nother && strcmp(have[c].statement, other[i].statement) != 0)
            i++;
        if (i < nother) {
            have[kept].statement = have[c].statement;
            have[kept++].decided = have[c].decided || other[i].decided;
        } else {
            free(have[c].statement);
        }
    }
    *nhave = kept;
}

static fact *copy_facts(const fact *f, size_t n)
{
    fact *c = xrealloc(NULL, (n ? n : 1) * sizeof *c);
    for (size_t i = 0; i < n; i++) {
        c[i].statement = xstrdup(f[i].statement);
        c[i].decided = f[i].decided;
    }
    return c;
}

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

/* The run went from the current state to `target` (or ended): an edge, unless a run before it
 * took the same decisions on the way (it is replaying them). */
static void add_edge(graph *g, ls_engine *e, size_t target, size_t depth, const char *ending,
                     int exit_code)
{
    long long iterations = (long long)e->iteration - (long long)g->d->iteration;
    dfs_oracle *d = g->d;
    if (depth < d->replay && d->replay > 0)
        return; /* every decision on the way is one the previous run took: seen */
    size_t len;
    char *lines = segment(e, g->line_mark, &len);
    const fact *f = d->facts + d->facts_mark;
    size_t nf = d->nfacts - d->facts_mark;
    node *from = &g->nodes[g->current];
    edge *x = NULL;
    for (size_t i = 0; i < from->nedges && !x; i++) {
        edge *y = &from->edges[i];
        if (y->target == target && y->len == len && memcmp(y->lines, lines, len) == 0 &&
            (target == END || y->iterations == iterations) &&
            (target != END || strcmp(y->ending, ending) == 0))
            x = y;
    }
    char **decided = xrealloc(NULL, (nf ? nf : 1) * sizeof *decided);
    size_t nd = 0;
    for (size_t i = 0; i < nf; i++)
        if (f[i].decided)
            decided[nd++] = f[i].statement;
    if (x) {
        free(lines);
        meet(x->facts, &x->nfacts, f, nf);
        x->runs++;
    } else {
        if (from->nedges == from->cap) {
            from->cap = from->cap ? 2 * from->cap : 4;
            from->edges = xrealloc(from->edges, from->cap * sizeof *from->edges);
        }
        x = &from->edges[from->nedges++];
        memset(x, 0, sizeof *x);
        x->target = target;
        x->lines = lines;
        x->len = len;
        x->ending = target == END ? xstrdup(ending) : NULL;
        x->exit_code = exit_code;
        x->facts = copy_facts(f, nf);
        x->nfacts = nf;
        x->runs = 1;
        x->iterations = iterations;
        if (target != END)
            g->nodes[target].parents++;
    }
    add_alt(x->alts, &x->nalts, &x->more_alts, decided, nd);
    free(decided);
}

/* engine.h's checkpoint: a loop iteration starts. */
static bool at_state(void *ctx, ls_engine *e)
{
    graph *g = ctx;
    if (!g->merge)
        return false;
    ls_fingerprint fp;
    if (!engine_fingerprint(e, &fp))
        return false;
    dfs_oracle *d = g->d;
    size_t depth = d->ntrail;
    size_t *slot = g->index_cap ? index_slot(g, fp) : NULL;
    size_t k = slot ? *slot : END;
    bool join = k != END && g->nodes[k].done;
    if (k == END) {
        k = new_node(g, fp, depth);
    }
    add_edge(g, e, k, depth, NULL, 0);
    if (join) {
        g->joins++;
        return true;
    }
    g->current = k;
    g->current_depth = depth;
    g->line_mark = e->out.nlines;
    d->facts_mark = d->nfacts;
    d->iteration = e->iteration;
    return false;
}

/* The search moved on to replay `replay` decisions: the states reached after more are done. */
static void close_states(graph *g, size_t replay)
{
    while (g->nopen > 0 && g->nodes[g->open[g->nopen - 1]].depth >= replay && g->open[g->nopen - 1] != 0)
        g->nodes[g->open[--g->nopen]].done = true;
}

/* ---- counting the orders: text hashes ----------------------------------------------------- */

#define HASH_P ((UINT64_C(1) << 61) - 1)
#define HASH_B UINT64_C(1000000007)

__extension__ typedef unsigned __int128 u128;

static uint64_t mulmod(uint64_t a, uint64_t b)
{
    u128 r = (u128)a * b;
    uint64_t lo = (uint64_t)(r & HASH_P), hi = (uint64_t)(r >> 61);
    uint64_t s = lo + hi;
    return s >= HASH_P ? s - HASH_P : s;
}

static uint64_t powmod(uint64_t b, uint64_t e)
{
    uint64_t r = 1;
    for (; e; e >>= 1, b = mulmod(b, b))
        if (e & 1)
            r = mulmod(r, b);
    return r;
}

static text_hash hash_text(const char *s, size_t len)
{
    uint64_t h = 0;
    for (size_t i = 0; i < len; i++)
        h = (mulmod(h, HASH_B) + (unsigned char)s[i] + 1) % HASH_P;
    return (text_hash){h, len};
}

/* a's text followed by b's */
static text_hash hash_concat(text_hash a, text_hash b)
{
    uint64_t h = mulmod(a.h, powmod(HASH_B, b.len)) + b.h;
    return (text_hash){h >= HASH_P ? h - HASH_P : h, a.len + b.len};
}

/* An order's whole text: its lines, a separator, how it ended. */
static text_hash hash_ending(const char *ending)
{
    size_t n = strlen(ending);
    char *s = xrealloc(NULL, n + 2);
    s[0] = '\x1e';
    memcpy(s + 1, ending, n + 1);
    text_hash h = hash_text(s, n + 1);
    free(s);
    return h;
}

static int by_hash(const void *a, const void *b)
{
    const text_hash *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->len < y->len ? -1 : x->len > y->len;
}

static uint64_t add_sat(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static uint64_t mul_sat(uint64_t a, uint64_t b)
{
    return a && b > UINT64_MAX / a ? UINT64_MAX : a * b;
}

static void release(graph *g, node *x, bool hashes)
{
    for (size_t i = 0; i < x->nedges; i++) {
        if (x->edges[i].target == END)
            continue;
        node *t = &g->nodes[x->edges[i].target];
        if (--t->waiting > 0)
            continue;
        if (!hashes) {
            for (size_t k = 0; k < t->nsuffixes; k++) {
                suffix *u = &t->suffixes[k];
                free(u->lines);
                free(u->ending);
                free_facts(u->facts, u->nfacts);
                free_alts(u->alts, u->nalts);
            }
            free(t->suffixes);
            t->suffixes = NULL;
            t->nsuffixes = 0;
        }
    }
}

/* The sets are shared: a node whose edges print the same texts in front of the same sets as
 * another node's has the same set (the nodes of one race, whatever loop-ms each reached), and
 * so has a node whose set comes out equal to one already made.  Twenty independent races
 * then build a few sets per race instead of one per node. */
static uint64_t mix(uint64_t x)
{
    x ^= x >> 33;
    x *= UINT64_C(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x *= UINT64_C(0xc4ceb9fe1a85ec53);
    return x ^ (x >> 33);
}

static size_t memo_find(const graph *g, uint64_t key, bool by_content)
{
    for (size_t i = 0; i < g->nmemo; i++)
        if (g->memo[i].key == key && g->memo[i].by_content == by_content)
            return g->memo[i].set;
    return END;
}

static void memo_add(graph *g, uint64_t key, bool by_content, size_t set)
{
    if (g->nmemo == g->memo_cap) {
        g->memo_cap = g->memo_cap ? 2 * g->memo_cap : 64;
        g->memo = xrealloc(g->memo, g->memo_cap * sizeof *g->memo);
    }
    g->memo[g->nmemo++] = (memo_entry){key, by_content, set};
}

static int by_key(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return x[0] < y[0] ? -1 : x[0] > y[0];
}

static void count_node(graph *g, size_t k)
{
    node *x = &g->nodes[k];
    if (x->computed)
        return;
    for (size_t i = 0; i < x->nedges; i++)
        if (x->edges[i].target != END)
            count_node(g, x->edges[i].target);
    x = &g->nodes[k];
    x->computed = true;
    /* what the set is made of: each edge's text and its successor's set */
    uint64_t *parts = xrealloc(NULL, (x->nedges + 1) * sizeof *parts);
    text_hash *heads = xrealloc(NULL, (x->nedges + 1) * sizeof *heads);
    for (size_t i = 0; i < x->nedges; i++) {
        const edge *y = &x->edges[i];
        heads[i] = hash_text(y->lines, y->len);
        if (y->target == END) {
            heads[i] = hash_concat(heads[i], hash_ending(y->ending));
            x->paths = add_sat(x->paths, y->runs);
            parts[i] = mix(heads[i].h ^ mix(heads[i].len));
        } else {
            const node *t = &g->nodes[y->target];
            x->paths = add_sat(x->paths, mul_sat(y->runs, t->paths));
            if (t->set == END)
                x->capped = true;
            parts[i] = mix(heads[i].h ^ mix(heads[i].len + 1) ^ mix(t->set + 7));
        }
    }
    x->set = END;
    if (x->capped) {
        free(parts);
        free(heads);
        return;
    }
    qsort(parts, x->nedges, sizeof *parts, by_key);
    uint64_t key = UINT64_C(0x2545f4914f6cdd1d);
    for (size_t i = 0; i < x->nedges; i++)
        key = mix(key ^ parts[i]) + i;
    free(parts);
    x->set = memo_find(g, key, false);
    if (x->set != END) {
        free(heads);
        return;
    }
    size_t cap = 16, n = 0;
    text_hash *set = xrealloc(NULL, cap * sizeof *set);
    for (size_t i = 0; i < x->nedges && !x->capped; i++) {
        const edge *y = &x->edges[i];
        if (y->target == END) {
            if (n == cap)
                set = xrealloc(set, (cap *= 2) * sizeof *set);
            set[n++] = heads[i];
            continue;
        }
        const hash_set *t = &g->sets[g->nodes[y->target].set];
        for (size_t j = 0; j < t->n; j++) {
            if (n == cap)
                set = xrealloc(set, (cap *= 2) * sizeof *set);
            set[n++] = hash_concat(heads[i], t->v[j]);
        }
        if (n > 2 * (size_t)LS_MAX_COUNTED) { /* dedupe before growing further */
            qsort(set, n, sizeof *set, by_hash);
            size_t u = 0;
            for (size_t j = 0; j < n; j++)
                if (u == 0 || by_hash(&set[u - 1], &set[j]) != 0)
                    set[u++] = set[j];
            n = u;
            if (n > LS_MAX_COUNTED)
                x->capped = true;
        }
    }
    free(heads);
    qsort(set, n, sizeof *set, by_hash);
    size_t u = 0;
    uint64_t content = UINT64_C(0x9e3779b97f4a7c15);
    for (size_t j = 0; j < n; j++)
        if (u == 0 || by_hash(&set[u - 1], &set[j]) != 0) {
            set[u++] = set[j];
            content = mix(content ^ mix(set[j].h ^ mix(set[j].len)));
        }
    if (u > LS_MAX_COUNTED || x->capped) {
        x->capped = true;
        free(set);
        return;
    }
    content ^= mix(u);
    size_t same = memo_find(g, content, true);
    if (same != END) {
        free(set);
    } else {
        if (g->nsets == g->sets_cap) {
            g->sets_cap = g->sets_cap ? 2 * g->sets_cap : 64;
            g->sets = xrealloc(g->sets, g->sets_cap * sizeof *g->sets);
        }
        g->sets[g->nsets] = (hash_set){set, u};
        same = g->nsets++;
        memo_add(g, content, true, same);
    }
    memo_add(g, key, false, same);
    x->set = same;
}

/* ---- listing the orders: every text with its conditions ----------------------------------- */

static suffix *find_suffix(node *x, const char *lines, size_t len, const char *ending)
{
    for (size_t i = 0; i < x->nsuffixes; i++)
        if (x->suffixes[i].len == len && memcmp(x->suffixes[i].lines, lines, len) == 0 &&
            strcmp(x->suffixes[i].ending, ending) == 0)
            return &x->suffixes[i];
    return NULL;
}

/* The facts of an edge followed by those of what comes after it, each statement once. */
static fact *join_facts(const edge *y, const suffix *t, size_t *n)
{
    size_t nt = t ? t->nfacts : 0;
    fact *f = copy_facts(y->facts, y->nfacts);
    f = xrealloc(f, (y->nfacts + nt + 1) * sizeof *f);
    *n = y->nfacts;
    for (size_t i = 0; i < nt; i++) {
        char *said = shift_words(t->facts[i].statement, y->iterations, false);
        size_t j = 0;
        while (j < *n && strcmp(f[j].statement, said) != 0)
            j++;
        if (j < *n) {
            f[j].decided |= t->facts[i].decided;
            free(said);
            continue;
        }
        f[*n].statement = said;
        f[(*n)++].decided = t->facts[i].decided;
    }
    return f;
}

static void add_suffix(node *x, const edge *y, const suffix *t)
{
    size_t len = y->len + (t ? t->len : 0);
    char *lines = xrealloc(NULL, len + 1);
    memcpy(lines, y->lines, y->len);
    if (t)
        memcpy(lines + y->len, t->lines, t->len);
    lines[len] = '\0';
    const char *ending = t ? t->ending : y->ending;
    size_t nf;
    fact *f = join_facts(y, t, &nf);
    uint64_t paths = t ? mul_sat(y->runs, t->paths) : y->runs;
    suffix *u = find_suffix(x, lines, len, ending);
    if (u) {
        free(lines);
        meet(u->facts, &u->nfacts, f, nf);
        free_facts(f, nf);
        u->paths = add_sat(u->paths, paths);
    } else {
        x->suffixes = xrealloc(x->suffixes, (x->nsuffixes + 1) * sizeof *x->suffixes);
        u = &x->suffixes[x->nsuffixes++];
        memset(u, 0, sizeof *u);
        u->lines = lines;
        u->len = len;
        u->ending = xstrdup(ending);
        u->exit_code = t ? t->exit_code : y->exit_code;
        u->facts = f;
        u->nfacts = nf;
        u->paths = paths;
    }
    /* the alternatives: each of the edge's followed by each of what comes after */
    size_t nafter = t ? t->nalts : 1;
    u->more_alts |= y->more_alts || (t && t->more_alts);
    for (size_t a = 0; a < y->nalts; a++)
        for (size_t b = 0; b < nafter; b++) {
            size_t nb = t ? t->alts[b].n : 0;
            char **items = xrealloc(NULL, (y->alts[a].n + nb + 1) * sizeof *items);
            char **shifted = xrealloc(NULL, (nb + 1) * sizeof *shifted);
            size_t n = 0;
            for (size_t i = 0; i < y->alts[a].n; i++)
                items[n++] = y->alts[a].items[i];
            for (size_t i = 0; i < nb; i++) {
                shifted[i] = shift_words(t->alts[b].items[i], y->iterations, false);
                size_t j = 0;
                while (j < n && strcmp(items[j], shifted[i]) != 0)
                    j++;
                if (j == n)
                    items[n++] = shifted[i];
            }
            add_alt(u->alts, &u->nalts, &u->more_alts, items, n);
            for (size_t i = 0; i < nb; i++)
                free(shifted[i]);
            free(shifted);
            free(items);
        }
}

static void list_node(graph *g, size_t k)
{
    node *x = &g->nodes[k];
    if (x->computed)
        return;
    for (size_t i = 0; i < x->nedges; i++)
        if (x->edges[i].target != END)
            list_node(g, x->edges[i].target);
    x = &g->nodes[k];
    for (size_t i = 0; i < x->nedges; i++) {
        const edge *y = &x->edges[i];
        if (y->target == END) {
            add_suffix(x, y, NULL);
            continue;
        }
        const node *t = &g->nodes[y->target];
        for (size_t j = 0; j < t->nsuffixes; j++)
            add_suffix(x, y, &t->suffixes[j]);
    }
    x->computed = true;
    x->waiting = x->parents;
    release(g, x, false);
}

static void free_graph(graph *g)
{
    for (size_t k = 0; k < g->n; k++) {
        node *x = &g->nodes[k];
        for (size_t i = 0; i < x->nedges; i++) {
            edge *y = &x->edges[i];
            free(y->lines);
            free(y->ending);
            free_facts(y->facts, y->nfacts);
            free_alts(y->alts, y->nalts);
        }
        free(x->edges);
        for (size_t i = 0; i < x->nsuffixes; i++) {
            suffix *u = &x->suffixes[i];
            free(u->lines);
            free(u->ending);
            free_facts(u->facts, u->nfacts);
            free_alts(u->alts, u->nalts);
        }
        free(x->suffixes);
    }
    for (size_t i = 0; i < g->nsets; i++)
        free(g->sets[i].v);
    free(g->sets);
    free(g->memo);
    free(g->nodes);
    free(g->index);
    free(g->open);
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

/* An order from the start node's list: its condition is what was said on every path that
 * prints it and decided on some (a fact forced on every such path says nothing of why this
 * order and not another). */
static void take_suffix(ls_orders *out, suffix *u)
{
    ls_order *o = add_order(out, u->lines, u->len, u->ending, u->exit_code);
    u->lines = NULL;
    u->ending = NULL;
    o->searched = true;
    o->paths = u->paths;
    o->conditions = xrealloc(NULL, (u->nfacts ? u->nfacts : 1) * sizeof *o->conditions);
    /* the start state is iteration 0: relative numbers are the plain ones */
    for (size_t i = 0; i < u->nfacts; i++)
        if (u->facts[i].decided)
            o->conditions[o->nconditions++] = shift_words(u->facts[i].statement, 0, true);
    for (size_t a = 0; a < u->nalts; a++) {
        o->alternatives[a] = xrealloc(NULL, (u->alts[a].n + 1) * sizeof *o->alternatives[a]);
        for (size_t i = 0; i < u->alts[a].n; i++)
            o->alternatives[a][i] = shift_words(u->alts[a].items[i], 0, true);
        o->alternative_len[a] = u->alts[a].n;
    }
    o->nalternatives = u->nalts;
    o->more_alternatives = u->more_alts;
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
    if (e->checkpoint && e->stop != STOP_MERGED && !r->bad_input)
        add_edge(e->checkpoint_ctx, e, END, ((graph *)e->checkpoint_ctx)->d->ntrail, r->ending,
                 r->exit_code);
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

/* Was this text found by the search?  With every order listed, it is one of them; else its
 * hash is in the start node's set. */
static bool searched(const ls_orders *out, const graph *g, const ls_order *o)
{
    if (out->listed_all)
        return o->searched;
    if (out->count_capped)
        return true; /* cannot tell */
    text_hash h = hash_concat(hash_text(o->lines, o->len), hash_ending(o->ending));
    const hash_set *all = &g->sets[g->nodes[0].set];
    return bsearch(&h, all->v, all->n, sizeof h, by_hash) != NULL;
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
    graph g;
    memset(&g, 0, sizeof g);
    g.d = &d;
    g.merge = !options->no_merge;
    new_node(&g, (ls_fingerprint){0, 0}, 0); /* the start */
    ls_timing ranges = {CLOCK_RANGES, 0, &d.base, at_state, &g};
    out->complete = true;
    for (;;) {
        g.current = 0;
        g.current_depth = 0;
        g.line_mark = 0;
        run_out r;
        run(program, costs, profile, limits, &ranges, &r);
        free(r.lines);
        free(r.ending);
        if (r.bad_input) {
            clear_facts(&d);
            out->bad_input = true;
            out->error = r.error;
            break;
        }
        out->runs++;
        clear_facts(&d);
        if (!dfs_next(&d))
            break;
        close_states(&g, d.replay);
        if (out->runs >= max_paths) {
            out->complete = false;
            break;
        }
        if (options->max_seconds > 0 && out->runs % 64 == 0 &&
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
    if (out->bad_input) {
        free_graph(&g);
        return;
    }
    out->states = g.n - 1;
    out->joins = g.joins;

    /* count the orders; list them if there are few enough */
    count_node(&g, 0);
    out->count_capped = g.nodes[0].capped;
    out->count = out->count_capped ? LS_MAX_COUNTED : g.sets[g.nodes[0].set].n;
    out->paths = g.nodes[0].paths;
    if (!out->count_capped && out->count <= LS_MAX_LISTED) {
        for (size_t k = 0; k < g.n; k++)
            g.nodes[k].computed = false;
        list_node(&g, 0);
        for (size_t i = 0; i < g.nodes[0].nsuffixes; i++)
            take_suffix(out, &g.nodes[0].suffixes[i]);
        out->listed_all = true;
        out->count = out->n;
    }

    /* the nominal run */
    {
        ls_timing nominal = {CLOCK_NOMINAL, 0, NULL, NULL, NULL};
        run_out r;
        run(program, costs, profile, limits, &nominal, &r);
        free(r.error);
        ls_order *o = record(out, &r);
        if (!o->searched && !(o->searched = searched(out, &g, o)))
            out->sampled_outside++; /* the nominal costs lie in the ranges: a model bug */
        o->nominal = true;
    }

    for (uint64_t s = 1; s <= options->samples; s++) {
        ls_timing sampled = {CLOCK_SAMPLED, s, NULL, NULL, NULL};
        run_out r;
        run(program, costs, profile, limits, &sampled, &r);
        free(r.error);
        size_t before = out->n;
        ls_order *o = record(out, &r);
        if (out->n > before) {
            o->searched = searched(out, &g, o);
            if (!o->searched && out->complete)
                out->sampled_outside++;
        }
        o->samples++;
        out->samples++;
    }
    free_graph(&g);
    /* orders only sampling found (the search stopped early) are orders too */
    for (size_t i = 0; i < out->n && !out->count_capped; i++)
        out->count += !out->orders[i].searched;
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
