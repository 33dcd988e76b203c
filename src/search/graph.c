/* graph.c - see graph.h. */
#include "graph.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "xalloc.h"



static uint64_t add_sat(uint64_t a, uint64_t b)
{
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static uint64_t mul_sat(uint64_t a, uint64_t b)
{
    return a && b > UINT64_MAX / a ? UINT64_MAX : a * b;
}

/* ---- the graph ---------------------------------------------------------------------------- */

#define MAX_ALTS LS_MAX_ALTERNATIVES
#define TOO_MANY (SIZE_MAX - 1) /* a set of more than LS_MAX_COUNTED texts: not kept */

typedef struct {          /* a fact: an interned statement */
    uint32_t id;
    bool decided;
} said;

typedef struct {          /* decided statements, in the order met */
    uint32_t *items;
    size_t n;
} said_list;

typedef struct {          /* what is said on every path along an edge, or after a node */
    said *facts;
    size_t nfacts;
    said_list alts[MAX_ALTS]; /* the decisions of the first paths, one per distinct list */
    size_t nalts;
    bool more_alts;
} knowledge;

typedef struct {
    size_t to;            /* a node, or GRAPH_END */
    char *lines;          /* printed on the way, '\n'-terminated lines */
    size_t len;
    char *ending;         /* GRAPH_END: how the run ended */
    int exit_code;
    knowledge k;          /* iteration numbers relative to the first state */
    uint64_t runs;        /* distinct decision sequences along it */
    long long iterations; /* from one state to the other */
} edge;

typedef struct {
    uint64_t h, len;
} text_hash;

typedef struct {          /* list pass: one text that can be printed after a node */
    char *lines;
    size_t len;
    text_hash h;          /* of the lines, a separator and the ending (hash_order) */
    const char *ending;
    int exit_code;
    knowledge k;
    uint64_t paths;
} suffix;

typedef struct {
    ls_fingerprint fp;
    size_t depth;         /* decisions taken when the search first reached it */
    bool done;            /* every path from it is explored */
    edge *edges;
    size_t nedges, cap;
    size_t waiting;       /* list pass: routes to it not yet listed (at 0 its suffixes go) */
    edge *routes;         /* list pass: its edges, each followed to a state with several ways
                           * out (one per edge) */
    bool counted, listed;
    size_t set;           /* count pass: its set in sets, or TOO_MANY */
    uint64_t paths;
    suffix *suffixes;     /* list pass */
    size_t nsuffixes;
} node;

typedef struct {
    text_hash *v;         /* distinct (node 0's sorted, for graph_holds) */
    size_t n;
} hash_set;

typedef struct {
    uint64_t key;
    size_t set;
} memo_entry;

struct ls_graph {
    ls_budget *budget;    /* charged with what the graph keeps */
    bool out_of_budget;   /* the count pass stopped at the budget */
    node *nodes;
    size_t n, cap;
    size_t *index;        /* open addressing over nodes 1.. by fingerprint */
    size_t index_cap;
    size_t *open;         /* nodes not yet done, in the order reached (depths ascending) */
    size_t nopen, open_cap;
    /* interned statements, with iteration numbers relative (engine.h LS_ITERATION_WORDS) */
    char **words;
    bool *marked;         /* has iteration numbers */
    uint64_t *seen;       /* per statement: stamp << 32 | index in the list being built */
    uint32_t stamp;       /* the list being built (see list_begin) */
    size_t nwords, words_cap;
    uint32_t *word_slots; /* id + 1, 0: empty */
    size_t word_slots_cap;
    struct moved { uint32_t id; long long by; uint32_t to; bool used; } *moves;
    size_t nmoves, moves_cap;
    /* count pass */
    hash_set *sets;
    size_t nsets, sets_cap;
    memo_entry *memo;     /* open addressing: set by its parts, and by its content */
    size_t nmemo, memo_cap;
};

static size_t *index_slot(ls_graph *g, ls_fingerprint fp)
{
    size_t i = (size_t)fp.a & (g->index_cap - 1);
    while (g->index[i] != GRAPH_END &&
           (g->nodes[g->index[i]].fp.a != fp.a || g->nodes[g->index[i]].fp.b != fp.b))
        i = (i + 1) & (g->index_cap - 1);
    return &g->index[i];
}

static void index_grow(ls_graph *g)
{
    free(g->index);
    g->index_cap = g->index_cap ? 2 * g->index_cap : 1024;
    g->index = xrealloc(NULL, g->index_cap * sizeof *g->index);
    for (size_t i = 0; i < g->index_cap; i++)
        g->index[i] = GRAPH_END;
    for (size_t k = 1; k < g->n; k++)
        *index_slot(g, g->nodes[k].fp) = k;
}

static size_t new_node(ls_graph *g, ls_fingerprint fp, size_t depth)
{
    if (g->n == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 64;
        g->nodes = xrealloc(g->nodes, g->cap * sizeof *g->nodes);
    }
    node *x = &g->nodes[g->n];
    memset(x, 0, sizeof *x);
    budget_charge(g->budget, (long long)(sizeof *x + 2 * sizeof(size_t)));
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

ls_graph *graph_new(ls_budget *budget)
{
    ls_graph *g = xrealloc(NULL, sizeof *g);
    memset(g, 0, sizeof *g);
    g->budget = budget;
    new_node(g, (ls_fingerprint){0, 0}, 0);
    return g;
}

size_t graph_state(ls_graph *g, ls_fingerprint fp, size_t depth, bool *done)
{
    size_t k = g->index_cap ? *index_slot(g, fp) : GRAPH_END;
    *done = k != GRAPH_END && g->nodes[k].done;
    return k != GRAPH_END ? k : new_node(g, fp, depth);
}

void graph_close(ls_graph *g, size_t replay)
{
    /* node 0 stays open: every run starts there */
    while (g->nopen > 1 && g->nodes[g->open[g->nopen - 1]].depth >= replay)
        g->nodes[g->open[--g->nopen]].done = true;
}

size_t graph_states(const ls_graph *g)
{
    return g->n - 1;
}

/* ---- statements ---------------------------------------------------------------------------- */

/* Words with every iteration number moved by `delta`; with `plain`, the numbers as the user
 * reads them. */
static char *move_words(const char *s, long long delta, bool plain)
{
    size_t cap = strlen(s) + 64, k = 0;
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

static uint64_t hash_string(const char *s)
{
    uint64_t h = UINT64_C(0xcbf29ce484222325);
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * UINT64_C(0x100000001b3);
    return h;
}

/* The id of statement `s` (taken over: freed if already known). */
static uint32_t intern(ls_graph *g, char *s)
{
    if (2 * (g->nwords + 1) > g->word_slots_cap) {
        free(g->word_slots);
        g->word_slots_cap = g->word_slots_cap ? 2 * g->word_slots_cap : 256;
        g->word_slots = xrealloc(NULL, g->word_slots_cap * sizeof *g->word_slots);
        memset(g->word_slots, 0, g->word_slots_cap * sizeof *g->word_slots);
        for (size_t i = 0; i < g->nwords; i++) {
            size_t j = (size_t)hash_string(g->words[i]) & (g->word_slots_cap - 1);
            while (g->word_slots[j])
                j = (j + 1) & (g->word_slots_cap - 1);
            g->word_slots[j] = (uint32_t)i + 1;
        }
    }
    size_t j = (size_t)hash_string(s) & (g->word_slots_cap - 1);
    while (g->word_slots[j]) {
        if (strcmp(g->words[g->word_slots[j] - 1], s) == 0) {
            free(s);
            return g->word_slots[j] - 1;
        }
        j = (j + 1) & (g->word_slots_cap - 1);
    }
    if (g->nwords == g->words_cap) {
        g->words_cap = g->words_cap ? 2 * g->words_cap : 256;
        g->words = xrealloc(g->words, g->words_cap * sizeof *g->words);
        g->marked = xrealloc(g->marked, g->words_cap * sizeof *g->marked);
        g->seen = xrealloc(g->seen, g->words_cap * sizeof *g->seen);
        memset(g->seen + g->nwords, 0, (g->words_cap - g->nwords) * sizeof *g->seen);
    }
    g->words[g->nwords] = s;
    g->marked[g->nwords] = strchr(s, '\001') != NULL;
    g->word_slots[j] = (uint32_t)g->nwords + 1;
    return (uint32_t)g->nwords++;
}

/* Statement `id` with its iteration numbers moved by `by`, remembered. */
static uint32_t moved(ls_graph *g, uint32_t id, long long by)
{
    if (by == 0 || !g->marked[id])
        return id;
    if (2 * (g->nmoves + 1) > g->moves_cap) {
        struct moved *old = g->moves;
        size_t cap = g->moves_cap;
        g->moves_cap = cap ? 2 * cap : 256;
        g->moves = xrealloc(NULL, g->moves_cap * sizeof *g->moves);
        memset(g->moves, 0, g->moves_cap * sizeof *g->moves);
        for (size_t i = 0; i < cap; i++)
            if (old[i].used) {
                uint64_t h = fp_mix64(old[i].id ^ fp_mix64((uint64_t)old[i].by));
                size_t j = (size_t)h & (g->moves_cap - 1);
                while (g->moves[j].used)
                    j = (j + 1) & (g->moves_cap - 1);
                g->moves[j] = old[i];
            }
        free(old);
    }
    size_t j = (size_t)fp_mix64(id ^ fp_mix64((uint64_t)by)) & (g->moves_cap - 1);
    for (; g->moves[j].used; j = (j + 1) & (g->moves_cap - 1))
        if (g->moves[j].id == id && g->moves[j].by == by)
            return g->moves[j].to;
    uint32_t to = intern(g, move_words(g->words[id], by, false));
    j = (size_t)fp_mix64(id ^ fp_mix64((uint64_t)by)) & (g->moves_cap - 1);
    while (g->moves[j].used)
        j = (j + 1) & (g->moves_cap - 1);
    g->moves[j] = (struct moved){id, by, to, true};
    g->nmoves++;
    return to;
}

/* ---- knowledge: facts and alternatives ---------------------------------------------------- */

static void knowledge_free(knowledge *k)
{
    free(k->facts);
    for (size_t a = 0; a < k->nalts; a++)
        free(k->alts[a].items);
    memset(k, 0, sizeof *k);
}

/* Adds a list of decided statements to the alternatives unless it is there. */
static void add_alt(knowledge *k, const uint32_t *items, size_t n)
{
    for (size_t a = 0; a < k->nalts; a++)
        if (k->alts[a].n == n && memcmp(k->alts[a].items, items, n * sizeof *items) == 0)
            return;
    if (k->nalts == MAX_ALTS) {
        k->more_alts = true;
        return;
    }
    said_list *l = &k->alts[k->nalts++];
    l->items = xrealloc(NULL, (n ? n : 1) * sizeof *l->items);
    memcpy(l->items, items, n * sizeof *items);
    l->n = n;
}

/* Lists of statements are built each statement once: list_begin starts a list, and g->seen
 * remembers where in it each statement stands (for this list's stamp), so that a main script
 * that reads the clock 100,000 times makes its edge in linear time. */
static void list_begin(ls_graph *g)
{
    if (++g->stamp == 0) { /* wrapped: forget every old stamp */
        memset(g->seen, 0, g->words_cap * sizeof *g->seen);
        g->stamp = 1;
    }
}

/* The index of `id` in the list being built, or SIZE_MAX. */
static size_t list_find(const ls_graph *g, uint32_t id)
{
    uint64_t v = g->seen[id];
    return (uint32_t)(v >> 32) == g->stamp ? (size_t)(uint32_t)v : SIZE_MAX;
}

static void list_mark(ls_graph *g, uint32_t id, size_t index)
{
    g->seen[id] = (uint64_t)g->stamp << 32 | (uint32_t)index;
}

/* Appends `id` to the list being built unless it is there (the index of it). */
static size_t add_said(ls_graph *g, said *f, size_t *n, uint32_t id, bool decided)
{
    size_t j = list_find(g, id);
    if (j != SIZE_MAX) {
        f[j].decided |= decided;
        return j;
    }
    list_mark(g, id, *n);
    f[*n] = (said){id, decided};
    return (*n)++;
}

/* Keeps only the facts also in `other`; decided if decided in either. */
static void meet(ls_graph *g, knowledge *k, const said *other, size_t nother)
{
    list_begin(g);
    for (size_t i = 0; i < nother; i++)
        list_mark(g, other[i].id, i);
    size_t kept = 0;
    for (size_t c = 0; c < k->nfacts; c++) {
        size_t i = list_find(g, k->facts[c].id);
        if (i != SIZE_MAX) {
            k->facts[kept].id = k->facts[c].id;
            k->facts[kept++].decided = k->facts[c].decided || other[i].decided;
        }
    }
    k->nfacts = kept;
}

void graph_add_edge(ls_graph *g, size_t from, size_t to, const char *lines, size_t len,
                    const char *ending, int exit_code, const graph_fact *facts, size_t nfacts,
                    uint64_t from_iteration, uint64_t to_iteration)
{
    long long iterations = (long long)to_iteration - (long long)from_iteration;
    said *f = xrealloc(NULL, (nfacts + 1) * sizeof *f);
    uint32_t *decided = xrealloc(NULL, (nfacts + 1) * sizeof *decided);
    size_t nf = 0, nd = 0;
    uint32_t *ids = xrealloc(NULL, (nfacts + 1) * sizeof *ids);
    for (size_t i = 0; i < nfacts; i++) /* interned first: list_begin needs every id known */
        ids[i] = intern(g, move_words(facts[i].statement, -(long long)from_iteration, false));
    list_begin(g);
    for (size_t i = 0; i < nfacts; i++) {
        uint32_t id = ids[i];
        add_said(g, f, &nf, id, facts[i].decided);
        if (facts[i].decided)
            decided[nd++] = id;
    }
    node *x = &g->nodes[from];
    edge *y = NULL;
    for (size_t i = 0; i < x->nedges && !y; i++) {
        edge *e = &x->edges[i];
        if (e->to == to && e->len == len && memcmp(e->lines, lines, len) == 0 &&
            (to == GRAPH_END ? strcmp(e->ending, ending) == 0 : e->iterations == iterations))
            y = e;
    }
    if (y) {
        meet(g, &y->k, f, nf);
        free(f);
        y->runs++;
    } else {
        if (x->nedges == x->cap) {
            x->cap = x->cap ? 2 * x->cap : 4;
            x->edges = xrealloc(x->edges, x->cap * sizeof *x->edges);
        }
        y = &x->edges[x->nedges++];
        memset(y, 0, sizeof *y);
        budget_charge(g->budget, (long long)(sizeof *y + len + 1 + nf * sizeof *f));
        y->to = to;
        y->lines = xrealloc(NULL, len + 1);
        memcpy(y->lines, lines, len);
        y->lines[len] = '\0';
        y->len = len;
        y->ending = to == GRAPH_END ? xstrdup(ending) : NULL;
        y->exit_code = exit_code;
        y->k.facts = f;
        y->k.nfacts = nf;
        y->runs = 1;
        y->iterations = iterations;
    }
    add_alt(&y->k, decided, nd);
    free(decided);
    free(ids);
}

/* ---- counting: text hashes ---------------------------------------------------------------- */

#define HASH_P ((UINT64_C(1) << 61) - 1)
#define HASH_B UINT64_C(1000000007)

__extension__ typedef unsigned __int128 u128;

static uint64_t mulmod(uint64_t a, uint64_t b)
{
    u128 r = (u128)a * b;
    uint64_t s = (uint64_t)(r & HASH_P) + (uint64_t)(r >> 61);
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
static text_hash hash_order(const char *lines, size_t len, const char *ending)
{
    text_hash h = hash_concat(hash_text(lines, len), hash_text("\x1e", 1));
    return hash_concat(h, hash_text(ending, strlen(ending)));
}

static int by_hash(const void *a, const void *b)
{
    const text_hash *x = a, *y = b;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->len < y->len ? -1 : x->len > y->len;
}

/* Keeps each hash once (in the order first met); returns how many remain. */
static size_t distinct(text_hash *v, size_t n)
{
    size_t cap = 16;
    while (cap < 2 * n)
        cap *= 2;
    size_t *seen = xrealloc(NULL, cap * sizeof *seen); /* index + 1, 0: empty */
    memset(seen, 0, cap * sizeof *seen);
    size_t u = 0;
    for (size_t j = 0; j < n; j++) {
        size_t i = (size_t)fp_mix64(v[j].h ^ fp_mix64(v[j].len)) & (cap - 1);
        while (seen[i] && (v[seen[i] - 1].h != v[j].h || v[seen[i] - 1].len != v[j].len))
            i = (i + 1) & (cap - 1);
        if (!seen[i]) {
            v[u] = v[j];
            seen[i] = ++u;
        }
    }
    free(seen);
    return u;
}

/* One edge's contribution to a node's set: its text in front of its target's set. */
typedef struct {
    uint64_t key;         /* a hash of the other two: the order parts are taken in */
    text_hash head;       /* the edge's text (with the ending when it ends) */
    size_t set;           /* the target's set; GRAPH_END: the edge ends */
} part;

static int by_part(const void *a, const void *b)
{
    const part *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->set != y->set)
        return x->set < y->set ? -1 : 1;
    return by_hash(&x->head, &y->head);
}

/* Are the parts' elements distinct without checking?  A part's elements are distinct (its
 * head in front of a set's distinct texts), and two parts whose heads are different texts of
 * the same length cannot make the same text: one part, or heads all of one length and all
 * different (the races of a search: "t1 i1" or "i1 t1", then the same rest).  Then `distinct`,
 * a hash table over every element (most of the count's time), is not needed. */
static bool disjoint_parts(const part *parts, size_t n)
{
    if (n <= 1)
        return true;
    if (n > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (parts[i].set == GRAPH_END || parts[i].head.len != parts[0].head.len)
            return false;
        for (size_t j = 0; j < i; j++)
            if (parts[j].head.h == parts[i].head.h)
                return false;
    }
    return true;
}

static size_t *memo_slot(ls_graph *g, uint64_t key)
{
    size_t i = (size_t)key & (g->memo_cap - 1);
    while (g->memo[i].set != GRAPH_END && g->memo[i].key != key)
        i = (i + 1) & (g->memo_cap - 1);
    g->memo[i].key = key;
    return &g->memo[i].set;
}

static void memo_grow(ls_graph *g)
{
    memo_entry *old = g->memo;
    size_t cap = g->memo_cap;
    g->memo_cap = cap ? 2 * cap : 1024;
    g->memo = xrealloc(NULL, g->memo_cap * sizeof *g->memo);
    for (size_t i = 0; i < g->memo_cap; i++)
        g->memo[i].set = GRAPH_END;
    for (size_t i = 0; i < cap; i++)
        if (old[i].set != GRAPH_END)
            *memo_slot(g, old[i].key) = old[i].set;
    free(old);
}

/* The set remembered under `key` (GRAPH_END: none); with `set`, remembers it. */
static size_t memo(ls_graph *g, uint64_t key, size_t set)
{
    if (2 * (g->nmemo + 1) > g->memo_cap)
        memo_grow(g);
    size_t *slot = memo_slot(g, key);
    if (set != GRAPH_END) {
        g->nmemo += *slot == GRAPH_END;
        *slot = set;
    }
    return *slot;
}

/* Node k's set, once the sets of the states its edges lead to are made. */
static void count_one(ls_graph *g, size_t k)
{
    if (g->out_of_budget || (g->out_of_budget = budget_time_spent(g->budget)))
        return;
    node *x = &g->nodes[k];
    x->counted = true;
    x->set = TOO_MANY;
    /* what its set is made of: each edge's text in front of its target's set */
    bool capped = false;
    part *parts = xrealloc(NULL, (x->nedges + 1) * sizeof *parts);
    for (size_t i = 0; i < x->nedges; i++) {
        const edge *y = &x->edges[i];
        part *p = &parts[i];
        if (y->to == GRAPH_END) {
            p->head = hash_order(y->lines, y->len, y->ending);
            p->set = GRAPH_END;
            x->paths = add_sat(x->paths, y->runs);
        } else {
            const node *t = &g->nodes[y->to];
            p->head = hash_text(y->lines, y->len);
            p->set = t->set;
            x->paths = add_sat(x->paths, mul_sat(y->runs, t->paths));
            capped |= t->set == TOO_MANY;
        }
        p->key = fp_mix64(p->head.h ^ fp_mix64(p->head.len) ^ fp_mix64(p->set));
    }
    /* each distinct part once: edges to other states with the same set add nothing new */
    qsort(parts, x->nedges, sizeof *parts, by_part);
    size_t nparts = 0;
    for (size_t i = 0; i < x->nedges; i++)
        if (nparts == 0 || by_part(&parts[nparts - 1], &parts[i]) != 0)
            parts[nparts++] = parts[i];
    uint64_t key = UINT64_C(0x2545f4914f6cdd1d);
    for (size_t i = 0; i < nparts; i++)
        key = fp_mix64(key ^ parts[i].key) + i;
    size_t known = capped ? TOO_MANY : memo(g, key, GRAPH_END);
    if (known != GRAPH_END) {
        x->set = known; /* made before, too large or not */
        free(parts);
        return;
    }
    bool disjoint = disjoint_parts(parts, nparts);
    size_t cap = 16, n = 0;
    text_hash *v = xrealloc(NULL, cap * sizeof *v);
    for (size_t i = 0; i < nparts && !capped; i++) {
        const part *p = &parts[i];
        size_t add = p->set == GRAPH_END ? 1 : g->sets[p->set].n; /* none is TOO_MANY here */
        while (n + add > cap)
            v = xrealloc(v, (cap *= 2) * sizeof *v);
        if (p->set == GRAPH_END) {
            v[n++] = p->head;
        } else {
            const hash_set *t = &g->sets[p->set];
            uint64_t len = UINT64_MAX, shift = 0; /* B^len, for the last length met */
            for (size_t j = 0; j < t->n; j++) {
                if (t->v[j].len != len)
                    shift = powmod(HASH_B, len = t->v[j].len);
                uint64_t h = mulmod(p->head.h, shift) + t->v[j].h;
                v[n++] = (text_hash){h >= HASH_P ? h - HASH_P : h, p->head.len + len};
            }
        }
        if (n > LS_MAX_COUNTED) { /* keep each once before growing further */
            if (!disjoint)
                n = distinct(v, n);
            capped = n > LS_MAX_COUNTED;
        }
    }
    free(parts);
    n = capped || disjoint ? n : distinct(v, n);
    if (capped || n > LS_MAX_COUNTED) {
        free(v);
        memo(g, key, TOO_MANY);
        return;
    }
    /* the set's content, whatever the order of its elements */
    uint64_t sum = 0, xor = 0;
    for (size_t j = 0; j < n; j++) {
        uint64_t m = fp_mix64(v[j].h ^ fp_mix64(v[j].len));
        sum += m;
        xor ^= fp_mix64(m);
    }
    /* (complemented: apart from the keys by parts) */
    uint64_t content = ~fp_mix64(fp_mix64(n) ^ sum ^ fp_mix64(xor));
    size_t same = memo(g, content, GRAPH_END);
    if (same != GRAPH_END) {
        free(v);
    } else {
        if (g->nsets == g->sets_cap) {
            g->sets_cap = g->sets_cap ? 2 * g->sets_cap : 64;
            g->sets = xrealloc(g->sets, g->sets_cap * sizeof *g->sets);
        }
        g->sets[g->nsets] = (hash_set){v, n};
        budget_charge(g->budget, (long long)(n * sizeof *v));
        same = g->nsets++;
        memo(g, content, same);
    }
    memo(g, key, same);
    x->set = same;
}

/* Visits every state reachable from `root` (along its edges, or its routes once planned) that
 * is not `done`, each after the states it leads to: a depth-first walk with its own stack, not
 * C's, since a run of a million callbacks is a path of a million states.  The graph has no
 * cycle (the recursion this walk replaced relied on that too).  Stops early when the graph's
 * budget is spent. */
static void walk_after(ls_graph *g, size_t root, bool routes, bool (*done)(const node *),
                       void (*visit)(ls_graph *, size_t))
{
    typedef struct {
        size_t k, next; /* the state, and its next edge to walk */
    } frame;
    if (done(&g->nodes[root]) || g->out_of_budget)
        return;
    size_t cap = 64, n = 0;
    frame *st = xrealloc(NULL, cap * sizeof *st);
    st[n++] = (frame){root, 0};
    while (n > 0 && !g->out_of_budget) {
        frame *f = &st[n - 1];
        const node *x = &g->nodes[f->k];
        if (f->next < x->nedges) {
            size_t to = (routes ? x->routes : x->edges)[f->next++].to;
            if (to != GRAPH_END && !done(&g->nodes[to])) {
                if (n == cap)
                    st = xrealloc(st, (cap *= 2) * sizeof *st);
                st[n++] = (frame){to, 0};
            }
            continue;
        }
        visit(g, f->k);
        n--;
    }
    free(st);
}

static bool counted(const node *x)
{
    return x->counted;
}

bool graph_count(ls_graph *g, uint64_t *count, bool *capped, uint64_t *paths)
{
    walk_after(g, 0, false, counted, count_one);
    if (g->out_of_budget)
        return false;
    *capped = g->nodes[0].set == TOO_MANY;
    *count = *capped ? LS_MAX_COUNTED : g->sets[g->nodes[0].set].n;
    *paths = g->nodes[0].paths;
    if (!*capped) {
        hash_set *all = &g->sets[g->nodes[0].set];
        qsort(all->v, all->n, sizeof *all->v, by_hash);
    }
    return true;
}

bool graph_holds(const ls_graph *g, const char *lines, size_t len, const char *ending)
{
    if (!g->nodes[0].counted || g->nodes[0].set == TOO_MANY)
        return false;
    if (!ending) {
        for (size_t k = 0; k < g->n; k++)
            for (size_t i = 0; i < g->nodes[k].nedges; i++)
                if (g->nodes[k].edges[i].to == GRAPH_END &&
                    graph_holds(g, lines, len, g->nodes[k].edges[i].ending))
                    return true;
        return false;
    }
    text_hash h = hash_order(lines, len, ending);
    const hash_set *all = &g->sets[g->nodes[0].set];
    return bsearch(&h, all->v, all->n, sizeof h, by_hash) != NULL;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts and keeps each string once (freeing the others); returns how many remain. */
static size_t unique_strings(char **v, size_t n)
{
    qsort(v, n, sizeof *v, by_string);
    size_t u = 0;
    for (size_t i = 0; i < n; i++) {
        if (u == 0 || strcmp(v[u - 1], v[i]) != 0)
            v[u++] = v[i];
        else
            free(v[i]);
    }
    return u;
}

void graph_vocabulary(const ls_graph *g, char ***lines, size_t *nlines)
{
    size_t nl = 0, cap = 16;
    char **l = xrealloc(NULL, cap * sizeof *l);
    for (size_t k = 0; k < g->n; k++)
        for (size_t i = 0; i < g->nodes[k].nedges; i++) {
            const edge *y = &g->nodes[k].edges[i];
            for (const char *p = y->lines, *end = y->lines + y->len; p < end;) {
                const char *at = memchr(p, '\n', (size_t)(end - p));
                size_t n = at ? (size_t)(at - p) : (size_t)(end - p);
                if (nl == cap)
                    l = xrealloc(l, (cap *= 2) * sizeof *l);
                l[nl] = memcpy(xrealloc(NULL, n + 1), p, n);
                l[nl++][n] = '\0';
                p += n + 1;
            }
        }
    *nlines = unique_strings(l, nl);
    *lines = l;
}

/* ---- listing: every text with what holds on every path that prints it --------------------- */

typedef struct {          /* a node's suffixes by text, while they are being made */
    size_t *slots;        /* suffix index + 1, 0: empty */
    size_t cap;
    size_t room;          /* of the node's suffix array */
} suffix_index;

static void suffixes_free(node *x)
{
    for (size_t i = 0; i < x->nsuffixes; i++) {
        free(x->suffixes[i].lines);
        knowledge_free(&x->suffixes[i].k);
    }
    free(x->suffixes);
    x->suffixes = NULL;
    x->nsuffixes = 0;
}

/* The suffix of `x` printing `lines` then `ending`, made if new. */
static suffix *suffix_for(node *x, suffix_index *ix, char *lines, size_t len, text_hash h,
                          const char *ending, int exit_code, bool *made)
{
    if (2 * (x->nsuffixes + 1) > ix->cap) {
        free(ix->slots);
        ix->cap = ix->cap ? 2 * ix->cap : 64;
        ix->slots = xrealloc(NULL, ix->cap * sizeof *ix->slots);
        memset(ix->slots, 0, ix->cap * sizeof *ix->slots);
        for (size_t i = 0; i < x->nsuffixes; i++) {
            size_t j = (size_t)x->suffixes[i].h.h & (ix->cap - 1);
            while (ix->slots[j])
                j = (j + 1) & (ix->cap - 1);
            ix->slots[j] = i + 1;
        }
    }
    size_t j = (size_t)h.h & (ix->cap - 1);
    for (; ix->slots[j]; j = (j + 1) & (ix->cap - 1)) {
        suffix *u = &x->suffixes[ix->slots[j] - 1];
        if (u->h.h == h.h && u->len == len && memcmp(u->lines, lines, len) == 0 &&
            strcmp(u->ending, ending) == 0) {
            free(lines);
            *made = false;
            return u;
        }
    }
    if (x->nsuffixes == ix->room) {
        ix->room = ix->room ? 2 * ix->room : 16;
        x->suffixes = xrealloc(x->suffixes, ix->room * sizeof *x->suffixes);
    }
    ix->slots[j] = x->nsuffixes + 1;
    suffix *u = &x->suffixes[x->nsuffixes++];
    memset(u, 0, sizeof *u);
    u->lines = lines;
    u->len = len;
    u->h = h;
    u->ending = ending;
    u->exit_code = exit_code;
    *made = true;
    return u;
}

/* Adds to `u` the alternatives of `first` each followed by each of `then`'s (moved by `by`
 * iterations; none: `first`'s alone). */
static void add_alts_after(ls_graph *g, knowledge *u, const knowledge *first,
                           const knowledge *then, long long by)
{
    u->more_alts |= first->more_alts || (then && then->more_alts);
    size_t nafter = then ? then->nalts : 1;
    for (size_t a = 0; a < first->nalts; a++)
        for (size_t b = 0; b < nafter; b++) {
            if (u->nalts == MAX_ALTS && u->more_alts)
                return; /* full, and known to have more: nothing can change */
            size_t nb = then ? then->alts[b].n : 0;
            said *items = xrealloc(NULL, (first->alts[a].n + nb + 1) * sizeof *items);
            size_t n = 0;
            uint32_t *after = xrealloc(NULL, (nb + 1) * sizeof *after);
            for (size_t i = 0; i < nb; i++) /* moved (and interned) before the list starts */
                after[i] = moved(g, then->alts[b].items[i], by);
            list_begin(g);
            for (size_t i = 0; i < first->alts[a].n; i++)
                add_said(g, items, &n, first->alts[a].items[i], true);
            for (size_t i = 0; i < nb; i++)
                add_said(g, items, &n, after[i], true);
            free(after);
            uint32_t *ids = xrealloc(NULL, (n + 1) * sizeof *ids);
            for (size_t i = 0; i < n; i++)
                ids[i] = items[i].id;
            add_alt(u, ids, n);
            free(ids);
            free(items);
        }
}

/* `first`'s facts, then `then`'s moved by `by` iterations, each statement once. */
static said *join_facts(ls_graph *g, const knowledge *first, const knowledge *then, long long by,
                        size_t *n)
{
    size_t nt = then ? then->nfacts : 0;
    said *f = xrealloc(NULL, (first->nfacts + nt + 1) * sizeof *f);
    uint32_t *after = xrealloc(NULL, (nt + 1) * sizeof *after);
    for (size_t i = 0; i < nt; i++) /* moved (and interned) before the list starts */
        after[i] = moved(g, then->facts[i].id, by);
    *n = 0;
    list_begin(g);
    for (size_t i = 0; i < first->nfacts; i++)
        add_said(g, f, n, first->facts[i].id, first->facts[i].decided);
    for (size_t i = 0; i < nt; i++)
        add_said(g, f, n, after[i], then->facts[i].decided);
    free(after);
    return f;
}

static void edge_free(edge *y)
{
    free(y->lines);
    free(y->ending);
    knowledge_free(&y->k);
}

static void route_free(edge *r)
{
    free(r->lines);
    knowledge_free(&r->k); /* the ending is the graph edge's */
}

/* Edge y followed through every state with one way out, to a state with several or to the
 * end: what a path prints and says along that stretch.  The states in between are not
 * listed (their one way is part of the stretch): chains of loop iterations with no decision
 * cost nothing. */
static edge route(ls_graph *g, const edge *y)
{
    edge r = *y;
    r.lines = memcpy(xrealloc(NULL, y->len + 1), y->lines, y->len + 1);
    /* the ending stays the graph edge's: suffixes point at it after the route is gone */
    r.k.facts = join_facts(g, &y->k, NULL, 0, &r.k.nfacts);
    r.k.nalts = 0;
    r.k.more_alts = false;
    add_alts_after(g, &r.k, &y->k, NULL, 0);
    while (r.to != GRAPH_END && g->nodes[r.to].nedges == 1) {
        const edge *z = &g->nodes[r.to].edges[0];
        r.lines = xrealloc(r.lines, r.len + z->len + 1);
        memcpy(r.lines + r.len, z->lines, z->len + 1);
        r.len += z->len;
        knowledge k;
        memset(&k, 0, sizeof k);
        k.facts = join_facts(g, &r.k, &z->k, r.iterations, &k.nfacts);
        add_alts_after(g, &k, &r.k, &z->k, r.iterations);
        knowledge_free(&r.k);
        r.k = k;
        r.runs = mul_sat(r.runs, z->runs);
        r.iterations += z->iterations;
        r.to = z->to;
        if (z->to == GRAPH_END) {
            r.ending = z->ending;
            r.exit_code = z->exit_code;
        }
    }
    return r;
}

/* What `x` prints along route `y` (whose text hashes to `head`), then `t` (a suffix of y's
 * target; NULL when y ends, `head` then covering the ending). */
static void add_suffix(ls_graph *g, node *x, suffix_index *ix, const edge *y, text_hash head,
                       const suffix *t)
{
    size_t len = y->len + (t ? t->len : 0);
    char *lines = xrealloc(NULL, len + 1);
    memcpy(lines, y->lines, y->len);
    if (t)
        memcpy(lines + y->len, t->lines, t->len);
    lines[len] = '\0';
    size_t nf;
    said *f = join_facts(g, &y->k, t ? &t->k : NULL, y->iterations, &nf);
    bool made;
    suffix *u = suffix_for(x, ix, lines, len, t ? hash_concat(head, t->h) : head,
                           t ? t->ending : y->ending, t ? t->exit_code : y->exit_code, &made);
    if (made) {
        u->k.facts = f;
        u->k.nfacts = nf;
    } else {
        meet(g, &u->k, f, nf);
        free(f);
    }
    u->paths = add_sat(u->paths, t ? mul_sat(y->runs, t->paths) : y->runs);
    add_alts_after(g, &u->k, &y->k, t ? &t->k : NULL, y->iterations);
}

/* The routes out of every state the list pass will list, and how many lead to each (a walk
 * with its own stack, as walk_after's). */
static void plan_node(ls_graph *g, size_t root)
{
    size_t cap = 64, n = 0;
    size_t *st = xrealloc(NULL, cap * sizeof *st);
    st[n++] = root;
    while (n > 0) {
        node *x = &g->nodes[st[--n]];
        if (x->routes || x->nedges == 0)
            continue;
        x->routes = xrealloc(NULL, x->nedges * sizeof *x->routes);
        for (size_t i = 0; i < x->nedges; i++)
            x->routes[i] = route(g, &x->edges[i]);
        for (size_t i = 0; i < x->nedges; i++) {
            size_t to = x->routes[i].to;
            if (to != GRAPH_END) {
                g->nodes[to].waiting++;
                if (n == cap)
                    st = xrealloc(st, (cap *= 2) * sizeof *st);
                st[n++] = to;
            }
        }
    }
    free(st);
}

static bool listed(const node *x)
{
    return x->listed;
}

/* Node k's suffixes, once those of the states its routes lead to are made. */
static void list_one(ls_graph *g, size_t k)
{
    node *x = &g->nodes[k];
    suffix_index ix = {NULL, 0, 0};
    for (size_t i = 0; i < x->nedges; i++) {
        const edge *y = &x->routes[i];
        if (y->to == GRAPH_END) {
            add_suffix(g, x, &ix, y, hash_order(y->lines, y->len, y->ending), NULL);
            continue;
        }
        const node *t = &g->nodes[y->to];
        text_hash head = hash_text(y->lines, y->len);
        for (size_t j = 0; j < t->nsuffixes; j++)
            add_suffix(g, x, &ix, y, head, &t->suffixes[j]);
    }
    free(ix.slots);
    x->listed = true;
    /* a target every route to which is listed is needed no more */
    for (size_t i = 0; i < x->nedges; i++)
        if (x->routes[i].to != GRAPH_END && --g->nodes[x->routes[i].to].waiting == 0)
            suffixes_free(&g->nodes[x->routes[i].to]);
    for (size_t i = 0; i < x->nedges; i++)
        route_free(&x->routes[i]);
    free(x->routes);
    x->routes = NULL;
}

void graph_list(ls_graph *g, ls_orders *out)
{
    plan_node(g, 0);
    if (g->nodes[0].nedges)
        walk_after(g, 0, true, listed, list_one);
    node *x = &g->nodes[0];
    for (size_t i = 0; i < x->nsuffixes; i++) {
        suffix *u = &x->suffixes[i];
        ls_order *o = explore_add_order(out, u->lines, u->len, xstrdup(u->ending), u->exit_code);
        u->lines = NULL;
        o->searched = true;
        o->paths = u->paths;
        /* the condition: what every path that prints it says, where some path decided it (a
         * fact forced on every such path says nothing of why this order and not another);
         * node 0 is iteration 0, so relative numbers are the plain ones */
        o->conditions = xrealloc(NULL, (u->k.nfacts + 1) * sizeof *o->conditions);
        for (size_t c = 0; c < u->k.nfacts; c++)
            if (u->k.facts[c].decided)
                o->conditions[o->nconditions++] = move_words(g->words[u->k.facts[c].id], 0, true);
        for (size_t a = 0; a < u->k.nalts; a++) {
            o->alternatives[a] = xrealloc(NULL, (u->k.alts[a].n + 1) * sizeof *o->alternatives[a]);
            for (size_t c = 0; c < u->k.alts[a].n; c++)
                o->alternatives[a][c] = move_words(g->words[u->k.alts[a].items[c]], 0, true);
            o->alternative_len[a] = u->k.alts[a].n;
        }
        o->nalternatives = u->k.nalts;
        o->more_alternatives = u->k.more_alts;
    }
    suffixes_free(x);
}

void graph_free(ls_graph *g)
{
    if (!g)
        return;
    for (size_t k = 0; k < g->n; k++) {
        node *x = &g->nodes[k];
        for (size_t i = 0; i < x->nedges; i++)
            edge_free(&x->edges[i]);
        free(x->edges);
        if (x->routes)
            for (size_t i = 0; i < x->nedges; i++)
                route_free(&x->routes[i]);
        free(x->routes);
        suffixes_free(x);
    }
    for (size_t i = 0; i < g->nwords; i++)
        free(g->words[i]);
    free(g->words);
    free(g->marked);
    free(g->seen);
    free(g->word_slots);
    free(g->moves);
    for (size_t i = 0; i < g->nsets; i++)
        free(g->sets[i].v);
    free(g->sets);
    free(g->memo);
    free(g->nodes);
    free(g->index);
    free(g->open);
    free(g);
}
