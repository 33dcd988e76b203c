/* answer.c - see answer.h. */
#include "answer.h"
#include "xalloc.h"
#include "fanout.h"

#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "explore.h"
#include "graph.h"

/* ---- words -------------------------------------------------------------------------------- */

/* Length of a separator at `p` (white space, a comma, "->", "=>", "→", "，", "、"), or 0.
 * It ends before `end`: answer_words' text need not be NUL-terminated, so a "-" or the first
 * byte of a "→" as its last byte must not look past it (tests/fuzz found the read). */
static size_t separator(const char *p, const char *end)
{
    size_t left = (size_t)(end - p);
    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == ',' || *p == ';')
        return 1;
    if (left >= 2 && (p[0] == '-' || p[0] == '=') && p[1] == '>')
        return 2;
    if (left >= 3 && (memcmp(p, "\xe2\x86\x92", 3) == 0 || memcmp(p, "\xef\xbc\x8c", 3) == 0 ||
                      memcmp(p, "\xe3\x80\x81", 3) == 0))
        return 3;
    return 0;
}

static bool is_quote(char c)
{
    return c == '"' || c == '\'' || c == '`';
}

ls_words answer_words(const char *text, size_t len)
{
    ls_words w = {NULL, 0};
    size_t cap = 0;
    const char *p = text, *end = text + len;
    while (p < end) {
        size_t s = separator(p, end);
        if (s) {
            p += s;
            continue;
        }
        const char *start = p;
        while (p < end && !separator(p, end))
            p++;
        const char *a = start, *b = p;
        while (a < b && is_quote(*a))
            a++;
        while (b > a && is_quote(b[-1]))
            b--;
        if (a == b)
            continue;
        if (w.n == cap) {
            cap = cap ? 2 * cap : 32;
            w.words = realloc(w.words, cap * sizeof *w.words);
            if (!w.words)
                ls_out_of_memory(0);
        }
        w.words[w.n++] = strndup(a, (size_t)(b - a));
    }
    return w;
}

void answer_words_free(ls_words *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->words[i]);
    free(w->words);
    w->words = NULL;
    w->n = 0;
}

static bool same_words(const ls_words *a, const ls_words *b)
{
    if (a->n != b->n)
        return false;
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->words[i], b->words[i]) != 0)
            return false;
    return true;
}

static bool order_matches(const ls_order *o, const ls_words *answer)
{
    ls_words w = answer_words(o->lines, o->len);
    bool same = same_words(&w, answer);
    answer_words_free(&w);
    return same;
}

/* ---- an answer among more orders than loopsim lists --------------------------------------- */

typedef struct {
    const ls_words *answer;
    ls_words *lines;      /* the words of each line the program can print */
    char **text;          /* the lines themselves */
    size_t nlines;
    const ls_orders *orders;
    bool *dead;           /* positions from which no cut leads to an order */
    char *buf;            /* the text being tried */
    size_t len, cap;
    size_t steps;
} cutting;

enum { MAX_CUT_STEPS = 200000 };

/* 1: the answer's words from `pos` on, cut into lines, make the rest of an order; 0: no cut
 * does; -1: too many cuts to try. */
static int cut_from(cutting *c, size_t pos)
{
    if (pos == c->answer->n)
        return explore_holds(c->orders, c->buf, c->len) ? 1 : 0;
    if (c->dead[pos])
        return 0;
    for (size_t i = 0; i < c->nlines; i++) {
        const ls_words *w = &c->lines[i];
        if (++c->steps > MAX_CUT_STEPS)
            return -1;
        if (pos + w->n > c->answer->n)
            continue;
        size_t k = 0;
        while (k < w->n && strcmp(w->words[k], c->answer->words[pos + k]) == 0)
            k++;
        if (k < w->n)
            continue;
        size_t n = strlen(c->text[i]), mark = c->len;
        if (c->len + n + 2 > c->cap) {
            c->cap = 2 * (c->len + n + 2);
            c->buf = realloc(c->buf, c->cap);
            if (!c->buf)
                ls_out_of_memory(0);
        }
        memcpy(c->buf + c->len, c->text[i], n);
        c->buf[c->len + n] = '\n';
        c->len += n + 1;
        int r = cut_from(c, pos + w->n);
        c->len = mark;
        if (r)
            return r;
    }
    c->dead[pos] = true;
    return 0;
}

/* The answer is none of the listed orders, and the program has more than loopsim lists: is
 * it one of the others?  Its words are cut into lines the program prints, every way they can
 * be, and each text is looked up among all the orders (explore_holds).  1 yes, 0 no, -1 cannot
 * tell (the search was not complete, or a line the answer cannot show: one with no words). */
static int among_all_orders(const ls_orders *orders, const ls_words *answer)
{
    if (!orders->graph)
        return -1;
    cutting c;
    memset(&c, 0, sizeof c);
    c.answer = answer;
    c.orders = orders;
    graph_vocabulary(orders->graph, &c.text, &c.nlines);
    c.lines = calloc(c.nlines + 1, sizeof *c.lines);
    c.dead = calloc(answer->n + 1, sizeof *c.dead);
    if (!c.lines || !c.dead)
        ls_out_of_memory(0);
    int r = 0;
    for (size_t i = 0; i < c.nlines; i++) {
        c.lines[i] = answer_words(c.text[i], strlen(c.text[i]));
        if (c.lines[i].n == 0)
            r = -1;
    }
    if (r == 0)
        r = cut_from(&c, 0);
    for (size_t i = 0; i < c.nlines; i++) {
        answer_words_free(&c.lines[i]);
        free(c.text[i]);
    }
    free(c.lines);
    free(c.text);
    free(c.dead);
    free(c.buf);
    return r;
}

/* ---- why Node prints what it prints ------------------------------------------------------- */

typedef enum { K_MAIN, K_TICK, K_MICRO, K_TIMER, K_IMMEDIATE, K_IO, K_OTHER } kind;

static kind kind_of(const ls_record *r)
{
    if (strcmp(r->label, "main script") == 0)
        return K_MAIN;
    if (strcmp(r->api, "process.nextTick") == 0)
        return K_TICK;
    static const char *micro[] = {"then", "catch", "finally", "await", "queueMicrotask",
                                  "thenable", "async"};
    for (size_t i = 0; i < sizeof micro / sizeof micro[0]; i++)
        if (strcmp(r->api, micro[i]) == 0)
            return K_MICRO;
    if (strcmp(r->api, "setTimeout") == 0 || strcmp(r->api, "setInterval") == 0)
        return K_TIMER;
    if (strcmp(r->api, "setImmediate") == 0)
        return K_IMMEDIATE;
    if (strncmp(r->api, "fs.", 3) == 0 || strncmp(r->api, "net.", 4) == 0)
        return K_IO;
    return K_OTHER;
}

static bool uses_await(const ls_engine *e)
{
    for (size_t r = 0; r < e->out.nrecords; r++)
        if (strcmp(e->out.records[r].api, "await") == 0)
            return true;
    return false;
}

/* "Node", or the browser's name */
static const char *runtime_name(const ls_profile *p)
{
    return p->is_browser ? p->browser.name : "Node";
}

/* The browser's rules (html.c): a microtask checkpoint after the script and after each task or
 * callback, tasks in the order they became runnable; NULL where the general rules below say it
 * as well. */
static const char *browser_rule(ls_engine *e, const ls_record *E, const ls_record *A, kind ke,
                                kind ka, const char *eline)
{
    if (ke == K_MAIN)
        return arena_printf(e->arena, "\"%s\" is printed synchronously by the script, before "
                            "any task or microtask runs", eline);
    if (ke == K_MICRO && ka == K_MICRO)
        return NULL;
    if (ke == K_MICRO && E->phase == PHASE_MAIN)
        return "a microtask checkpoint runs as soon as the script ends (HTML \"clean up after "
               "running script\"), before the event loop takes its first task";
    if (ke == K_MICRO)
        return "a microtask checkpoint follows every task and every callback (HTML event loop "
               "processing model, step 7), before the next task is chosen";
    if (ke == K_TIMER && ka == K_TIMER)
        return "timers run in the order they fall due (a shorter delay first; of equal ones, "
               "the one started first)";
    if (A->phase == PHASE_RENDER && E->phase == PHASE_TASK)
        return "its task is taken before the next frame's rendering steps, where "
               "requestAnimationFrame callbacks run";
    if (E->phase == PHASE_RENDER && A->phase == PHASE_TASK)
        return "the frame's rendering steps come before that task is taken";
    if (A->phase == PHASE_IDLE_PERIOD)
        return "idle callbacks run only when no task is runnable and no frame is due";
    return "the tasks run one at a time, in the order they became runnable";
}

/* Node's rules (and the browser's where browser_rule leaves it to them) */
static const char *node_rule(ls_engine *e, const ls_record *E, const ls_record *A, kind ke,
                             kind ka, const char *eline, const char *aline)
{
    bool per_callback = e->profile->drain_per_callback;
    const char *rule;
    if (ke == K_MAIN)
        rule = arena_printf(e->arena, "\"%s\" is printed synchronously by the main script, before "
                            "any callback runs", eline);
    else if (ke == K_MICRO && ka == K_MICRO)
        rule = arena_printf(e->arena, "both are promise jobs, and the microtask queue runs first in, "
                            "first out: the job that prints \"%s\" is queued first%s", eline,
                            uses_await(e) ? " (how many jobs an await takes differs by version: "
                                            "3 for a native promise on Node 10 and 11, 1 from "
                                            "Node 12, V8's await optimization)" : "");
    else if (ke == K_TICK && ka == K_TICK && E->phase == A->phase &&
             E->iteration == A->iteration)
        rule = arena_printf(e->arena, "both are nextTick callbacks, run first in, first out: the "
                            "one that prints \"%s\" is queued first", eline);
    else if (ke == K_TICK && ka == K_MICRO)
        rule = "the nextTick queue drains before the microtask (promise) queue "
               "(lib/internal/process/task_queues.js processTicksAndRejections)";
    else if ((ke == K_TICK || ke == K_MICRO) && E->phase == PHASE_MAIN)
        rule = "the nextTick and microtask queues drain as soon as the main script ends, before "
               "the event loop starts";
    else if ((ke == K_TICK || ke == K_MICRO) && (ka == K_TIMER || ka == K_IMMEDIATE || ka == K_IO)
             && (E->iteration < A->iteration ||
                 (E->iteration == A->iteration && E->phase < A->phase)))
        rule = "the nextTick and microtask queues drain right after the callback that queued them, "
               "before the loop moves on to a later phase";
    else if ((ke == K_TICK || ke == K_MICRO) && (ka == K_TIMER || ka == K_IMMEDIATE || ka == K_IO)
             && E->phase == A->phase && E->iteration == A->iteration)
        rule = per_callback
                   ? arena_printf(e->arena, "Node 11+ drains the nextTick and microtask queues after "
                                  "each %s callback, so \"%s\" comes before the next one",
                                  ka == K_TIMER ? "timer" : ka == K_IMMEDIATE ? "immediate" : "I/O",
                                  eline)
                   : "Node 10 drains the queues only after the whole batch";
    else if (ke == K_MICRO && ka == K_TICK)
        rule = "a microtask drain runs to the end before the ticks queued inside it";
    else if (ke == K_TIMER && ka == K_IMMEDIATE && E->iteration <= A->iteration)
        rule = "in each loop iteration the timers phase comes before the check phase, and this "
               "timer is already due";
    else if (ke == K_IMMEDIATE && ka == K_TIMER)
        rule = arena_printf(e->arena, "the timer that prints \"%s\" is not due yet at the timers "
                            "phase before this check phase; it runs in iteration %llu", aline,
                            (unsigned long long)A->iteration);
    else if (ke == ka && E->phase == A->phase && E->iteration == A->iteration)
        rule = "both callbacks are in the same queue, which runs first in, first out";
    else if (E->iteration < A->iteration || (E->iteration == A->iteration && E->phase < A->phase))
        rule = "its callback runs in an earlier phase of the loop";
    else
        rule = "its callback runs first";
    return rule;
}

static const char *reason(ls_engine *e, size_t re, size_t ra, const char *eline,
                          const char *aline)
{
    const ls_record *E = &e->out.records[re], *A = &e->out.records[ra];
    kind ke = kind_of(E), ka = kind_of(A);
    const char *rule = e->profile->is_browser ? browser_rule(e, E, A, ke, ka, eline) : NULL;
    if (!rule)
        rule = node_rule(e, E, A, ke, ka, eline, aline);
    const char *who = runtime_name(e->profile);
    return arena_printf(e->arena, "%s. %s prints \"%s\" from %s; \"%s\" comes from %s", rule,
                        who, eline, explain_callback_words(e, re), aline,
                        explain_callback_words(e, ra));
}

/* ---- the check ---------------------------------------------------------------------------- */

/* Whether profile `p` prints the answer: 0 no (or it cannot run the program: *refused), 1
 * always, 2 under some timings, 3 cannot tell.  Runs decide, not the clock, unless the budget
 * runs out ("cannot tell"). */
static int prints_it(const ls_program *program, const ls_costs *costs, const ls_profile *p,
                     const ls_limits *limits, const ls_words *words, bool *refused)
{
    ls_explore_options quick = {20000, 0, limits->budget, false, false, NULL, NULL, 1};
    ls_orders po;
    ls_costs pc = *costs;
    /* the version's own timing default (bootstrap), unless the scenario set it */
    if (!(program->costs_set & (1ull << (costs_find("bootstrap_ms") - ls_cost_table))))
        pc.bootstrap = engine_default_costs(program, p).bootstrap;
    explore_orders(program, &pc, p, limits, &quick, &po);
    int status = 0;
    for (size_t k = 0; !po.bad_input && k < po.n; k++)
        if (order_matches(&po.orders[k], words))
            status = po.count == 1 && po.complete ? 1 : 2;
    if (!status && !po.bad_input && (!po.complete || !po.listed_all)) {
        int r = among_all_orders(&po, words);
        status = r > 0 ? 2 : r < 0 ? 3 : 0;
    }
    if (refused)
        *refused = po.bad_input;
    explore_free(&po);
    return status;
}

/* Which versions print the answer: item i < nnode is Node profile i, the rest the browser's.
 * The result: its status in `status`; in `code`, bit 0 refused, bits 1-2 the budget's state
 * (a worker's budget is its own copy: the parent says it stopped if a worker's did). */
typedef struct {
    const ls_program *program;
    const ls_costs *costs;
    const ls_limits *limits;
    const ls_words *words;
    size_t nnode;
} versions_ctx;

static const ls_profile *version_profile(const versions_ctx *v, uint64_t i)
{
    return i < v->nnode ? &ls_profiles[i] : &ls_browser_profiles[i - v->nnode];
}

static bool version_item(void *ctx, uint64_t i, fanout_result *r)
{
    const versions_ctx *v = ctx;
    bool refused = false;
    int st = prints_it(v->program, v->costs, version_profile(v, i), v->limits, v->words,
                       &refused);
    int spent = v->limits->budget ? (int)v->limits->budget->state : BUDGET_LEFT;
    *r = (fanout_result){st, (int)refused | spent << 1, NULL, 0, NULL};
    return true;
}

ls_verdict answer_check(const ls_program *program, const ls_costs *costs,
                        const ls_profile *profile, const ls_limits *limits, const char *answer,
                        const ls_check_options *options, bool color, FILE *f)
{
    const char *red = color ? "\033[31m" : "", *green = color ? "\033[32m" : "",
               *yellow = color ? "\033[33m" : "", *reset = color ? "\033[0m" : "";
    ls_words words = answer_words(answer, strlen(answer));
    if (words.n == 0) {
        fprintf(stderr, "loopsim: check: the answer is empty (expected the lines the program "
                        "prints, one per line or separated by spaces, commas or ->)\n");
        return VERDICT_BAD_INPUT;
    }
    /* the searches share the budget the caller put in `limits` (each worker its copy of it);
     * the explanatory run below does not count against it */
    size_t np = program->html ? 0 : ls_profile_count < 64 ? ls_profile_count : 64;
    size_t nversions = np + ls_browser_profile_count;
    versions_ctx vc = {program, costs, limits, &words, np};
    fanout *workers = options->jobs > 1 ? fanout_start(nversions, options->jobs - 1,
                                                       version_item, &vc)
                                        : NULL;
    ls_explore_options eo = {20000, 1000, limits->budget, false, false, options->search_progress,
                             options->ctx, 1};
    ls_limits unbounded = *limits;
    unbounded.budget = NULL;
    ls_orders orders;
    explore_orders(program, costs, profile, limits, &eo, &orders);
    if (orders.bad_input) {
        fanout_end(workers);
        if (options->quiet)
            options->quiet(options->ctx);
        fprintf(stderr, "%s\n", orders.error);
        explore_free(&orders);
        answer_words_free(&words);
        return VERDICT_BAD_INPUT;
    }
    /* which versions print it (status: 0 no, 1 always, 2 under some timings, 3 cannot tell) */
    int status[64 + 8] = {0};
    bool refused[64 + 8] = {false};
    for (size_t i = 0; i < nversions && i < 64 + 8; i++) {
        fanout_result r;
        if (!fanout_get(workers, i, &r))
            version_item(&vc, i, &r);
        status[i] = r.status;
        refused[i] = r.code & 1;
        if ((r.code >> 1) != BUDGET_LEFT && limits->budget &&
            limits->budget->state == BUDGET_LEFT)
            limits->budget->state = (ls_budget_state)(r.code >> 1); /* a worker's */
        free(r.data);
        free(r.note);
        if (options->versions_progress)
            options->versions_progress(options->ctx, i + 1, nversions);
    }
    fanout_end(workers);
    if (options->quiet)
        options->quiet(options->ctx);
    const char *who = runtime_name(profile);
    char head[512], versions[96];
    snprintf(head, sizeof head, "%s: %s (profile %s)", program->file,
             profile_versions(profile, versions, sizeof versions), profile->id);
    out_wrap(f, 0, "", head, 100);
    const ls_order *match = NULL, *nominal = NULL;
    size_t match_index = 0;
    for (size_t i = 0; i < orders.n; i++) {
        if (!match && order_matches(&orders.orders[i], &words)) {
            match = &orders.orders[i];
            match_index = i;
        }
        if (orders.orders[i].nominal)
            nominal = &orders.orders[i];
    }
    /* not listed: with every order listed it is none; else look it up among them all */
    int among = match                                  ? 1
                : orders.listed_all && orders.complete ? 0
                                                       : among_all_orders(&orders, &words);
    ls_verdict verdict;
    if (match && orders.count == 1 && orders.complete) {
        verdict = VERDICT_RIGHT;
        fprintf(f, "%sright%s: %s always prints this (the program is deterministic under the "
                   "timing model)\n", green, reset, who);
    } else if (match) {
        verdict = VERDICT_SOMETIMES;
        fprintf(f, "%sright only under some timings%s: it is order %zu of the %llu%s this "
                   "program can print", yellow, reset, match_index + 1,
                (unsigned long long)orders.count,
                orders.complete && !orders.count_capped ? "" : " (or more)");
        if (orders.samples)
            fprintf(f, ", p = %.1f%%", 100.0 * (double)match->samples / (double)orders.samples);
        fprintf(f, "\n");
        if (match->nconditions) {
            fprintf(f, "  it is printed when:\n");
            for (size_t c = 0; c < match->nconditions; c++)
                out_wrap(f, 4, "- ", match->conditions[c], 100);
        } else if (match->nalternatives) {
            fprintf(f, "  it is printed under several timings, e.g. when:\n");
            for (size_t c = 0; c < match->alternative_len[0]; c++)
                out_wrap(f, 4, "- ", match->alternatives[0][c], 100);
        }
        fprintf(f, "  loopsim orders lists the others\n");
    } else if (among == 1) {
        verdict = VERDICT_SOMETIMES;
        char text[512];
        snprintf(text, sizeof text, "right only under some timings: it is one of the %s%llu "
                 "orders this program can print, too many for loopsim to list with conditions "
                 "and probabilities (at most %d)", orders.count_capped ? "more than " : "",
                 (unsigned long long)orders.count, LS_MAX_LISTED);
        fputs(yellow, f);
        out_wrap(f, 0, "", text, 100);
        fputs(reset, f);
    } else if (among < 0) {
        verdict = VERDICT_UNDECIDED;
        char why[256];
        if (!orders.complete)
            snprintf(why, sizeof why, "the search stopped before it saw every timing");
        else
            snprintf(why, sizeof why, "the program can print %s%llu orders, too many to list "
                     "(at most %d)", orders.count_capped ? "more than " : "",
                     (unsigned long long)orders.count, LS_MAX_LISTED);
        char text[512];
        snprintf(text, sizeof text, "cannot tell: it is none of the %zu orders loopsim lists, but "
                 "%s", orders.n, why);
        fputs(yellow, f);
        out_wrap(f, 0, "", text, 100);
        fputs(reset, f);
    } else {
        verdict = VERDICT_WRONG;
        char versions[96];
        fprintf(f, "%swrong%s: no timing of %s prints it\n", red, reset,
                profile_versions(profile, versions, sizeof versions));
        /* the first divergence from the nominal order, explained from the nominal run */
        ls_engine *e = engine_new(program, costs, profile, &unbounded);
        e->out.recording = e->out.queued = true;
        engine_run(e);
        const ls_output *o = &e->out;
        size_t wi = 0, line = 0, word_in_line = 0;
        ls_words lw = {NULL, 0};
        bool diverged = false;
        for (line = 0; line < o->nlines && !diverged; line++) {
            answer_words_free(&lw);
            lw = answer_words(o->lines[line].text, strlen(o->lines[line].text));
            for (word_in_line = 0; word_in_line < lw.n; word_in_line++, wi++)
                if (wi >= words.n || strcmp(words.words[wi], lw.words[word_in_line]) != 0) {
                    diverged = true;
                    break;
                }
        }
        if (diverged) {
            line--;
            const char *eline = o->lines[line].text;
            if (wi >= words.n) {
                out_wrap(f, 2, "", arena_printf(e->arena, "the answer stops after %zu word%s; %s "
                                                "goes on at line %zu with \"%s\"", words.n,
                                                words.n == 1 ? "" : "s", who, line + 1,
                                                eline), 100);
            } else {
                const char *said = words.words[wi];
                /* the line of Node's output (from here on) that the answer's word starts */
                size_t al = SIZE_MAX;
                for (size_t l = line; l < o->nlines && al == SIZE_MAX; l++) {
                    ls_words x = answer_words(o->lines[l].text, strlen(o->lines[l].text));
                    if (x.n && strcmp(x.words[0], said) == 0 && l != line)
                        al = l;
                    answer_words_free(&x);
                }
                const char *shown = said;
                if (al != SIZE_MAX) {
                    /* quote the whole line when the answer has all of it */
                    ls_words x = answer_words(o->lines[al].text, strlen(o->lines[al].text));
                    bool whole = wi + x.n <= words.n;
                    for (size_t k = 0; whole && k < x.n; k++)
                        whole = strcmp(words.words[wi + k], x.words[k]) == 0;
                    if (whole)
                        shown = o->lines[al].text;
                    answer_words_free(&x);
                }
                out_wrap(f, 2, "", arena_printf(e->arena, "first difference at line %zu: the answer "
                                                "says \"%s\", %s prints \"%s\"", line + 1,
                                                shown, who, eline), 100);
                size_t re = o->lines[line].record;
                if (al == SIZE_MAX) {
                    out_wrap(f, 2, "why: ", arena_printf(e->arena, "%s does not print \"%s\" "
                                                         "here or later%s", who, said,
                             re != SIZE_MAX ? arena_printf(e->arena, "; \"%s\" comes from %s",
                                                           eline, explain_callback_words(e, re))
                                            : ""), 100);
                } else if (re != SIZE_MAX && o->lines[al].record != SIZE_MAX) {
                    out_wrap(f, 2, "why: ", reason(e, re, o->lines[al].record, eline,
                                                   o->lines[al].text), 100);
                }
            }
        } else if (wi < words.n) {
            out_wrap(f, 2, "", arena_printf(e->arena, "the answer goes on after everything %s "
                                            "prints, with \"%s\"", who, words.words[wi]), 100);
        }
        answer_words_free(&lw);
        engine_free(e);
        if (nominal) {
            fprintf(f, "  %s prints%s:\n", who, orders.count > 1 ? " (nominal timing; loopsim "
                                                                 "orders lists the other orders)"
                                                               : "");
            out_print_lines(f, nominal->lines, nominal->len, "    ");
        }
    }

    /* which versions print it: adjacent profiles with the same answer are one range (none
     * for a whole page, which Node does not run) */
    char *list = NULL;
    size_t list_len = 0;
    FILE *lf = open_memstream(&list, &list_len);
    bool any = false;
    for (size_t i = 0; lf && i < np;) {
        size_t j = i;
        while (j + 1 < np && status[j + 1] == status[i])
            j++;
        if (status[i]) {
            char range[64];
            fprintf(lf, "%sNode %s%s", any ? ", " : "",
                    profile_range(ls_profiles[i].first, ls_profiles[j].last, range, sizeof range),
                    status[i] == 2 ? " (under some timings)"
                    : status[i] == 3 ? " (cannot tell)" : "");
            any = true;
        }
        i = j + 1;
    }
    if (lf)
        fclose(lf);
    bool printed = false; /* by some version, for sure */
    for (size_t i = 0; i < np; i++)
        printed |= status[i] == 1 || status[i] == 2;
    out_wrap(f, 0, verdict == VERDICT_WRONG && printed ? "this is the order of: "
                                                   : "versions that print it: ",
             program->html ? "no Node version: Node does not run an HTML page"
             : any ? (status[0] && np && status[np - 1] && strstr(list, ", ") == NULL
                        ? (status[0] == 1   ? "every version modelled (Node 10 on)"
                           : status[0] == 2 ? "every version modelled (Node 10 on), under some "
                                              "timings"
                                            : "cannot tell for any version modelled")
                        : list)
                 : "none of the versions modelled (Node 10 on)", 100);
    free(list);
    /* and the browser: the same program as a page's one script (--env browser) */
    for (size_t i = 0; i < ls_browser_profile_count && np + i < 64 + 8; i++) {
        const ls_profile *b = &ls_browser_profiles[i];
        int st = status[np + i];
        char name[96], line[160];
        snprintf(line, sizeof line, "%s%s", profile_versions(b, name, sizeof name),
                 refused[np + i] ? " cannot run it (loopsim run --env browser says why)"
                 : st == 1 ? " prints it"
                 : st == 2 ? " prints it under some timings"
                 : st == 3 ? ": cannot tell"
                           : " does not print it");
        out_wrap(f, 0, "the browser: ", line, 100);
    }
    explore_free(&orders);
    answer_words_free(&words);
    return verdict;
}
