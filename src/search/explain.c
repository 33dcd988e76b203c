/* explain.c - see explain.h. */
#include "explain.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---- words for callbacks ------------------------------------------------------------------ */

bool explain_is_drain_api(const char *api)
{
    /* the nextTick queue, and V8's microtasks: reaction jobs (then, catch, finally, await),
     * queueMicrotask and NewPromiseResolveThenableJob (src/js/promise.c's origins) */
    static const char *drains[] = {"process.nextTick", "then", "catch", "finally", "await",
                                   "queueMicrotask", "PromiseResolveThenableJob", "thenable",
                                   "Promise.all", "Promise.race", "async"};
    for (size_t i = 0; i < sizeof drains / sizeof drains[0]; i++)
        if (strcmp(api, drains[i]) == 0)
            return true;
    return false;
}

/* The first line a record printed, or NULL. */
static const char *first_line_of(const ls_engine *e, size_t record)
{
    for (size_t l = 0; l < e->out.nlines; l++)
        if (e->out.lines[l].record == record)
            return e->out.lines[l].text;
    return NULL;
}

/* A callback's name for people: its own name, or what it prints. */
const char *explain_display_label(ls_engine *e, const char *label)
{
    if (strncmp(label, "anonymous@", 10) != 0)
        return arena_printf(e->arena, "`%s`", label);
    for (size_t r = 0; r < e->out.nrecords; r++)
        if (strcmp(e->out.records[r].label, label) == 0) {
            const char *line = first_line_of(e, r);
            if (line)
                return arena_printf(e->arena, "<prints \"%s\">", line);
        }
    /* "LABEL: open done" (Node's own step of an fs call): the call's callback, then the step */
    const char *colon = strstr(label, ": ");
    if (colon) {
        const char *base = explain_display_label(e, arena_printf(e->arena, "%.*s", (int)(colon - label),
                                                         label));
        return arena_printf(e->arena, "%s%s", base, colon);
    }
    return arena_printf(e->arena, "`%s`", label);
}

const char *explain_callback_words(ls_engine *e, size_t record)
{
    const ls_record *r = &e->out.records[record];
    if (strcmp(r->label, "main script") == 0)
        return "the main script";
    const char *where = r->phase == PHASE_MAIN ? "right after the main script"
                        : r->iteration == 0
                            ? arena_printf(e->arena, "%s phase before the loop",
                                           phase_name((ls_phase)r->phase))
                            : arena_printf(e->arena, "iteration %llu, %s phase",
                                           (unsigned long long)r->iteration,
                                           phase_name((ls_phase)r->phase));
    const char *line = strncmp(r->label, "anonymous@", 10) == 0 ? first_line_of(e, record) : NULL;
    if (line)
        return arena_printf(e->arena, "the %s callback that prints \"%s\" (%s)", r->api, line,
                            where);
    return arena_printf(e->arena, "the %s callback %s (%s)", r->api, explain_display_label(e, r->label),
                        where);
}

/* Replaces every anonymous label (and "{label}" placeholder) in `text` by its display form. */
static const char *strip_ticks(ls_engine *e, const char *s)
{
    char *out = arena_strdup(e->arena, s), *w = out;
    for (const char *p = out; *p; p++) {
        if (p[0] == '`' && p[1] == '<')
            continue; /* "`<prints ...>`": the quotes of a label now shown by what it prints */
        if (p[0] == '`' && p > out && p[-1] == '>')
            continue;
        *w++ = *p;
    }
    *w = '\0';
    return out;
}

/* A condition of `x` names this phase: "the timers phase before the loop", "the check phase of
 * iteration 2" (explore.c's words for the moments the clock is read). */
bool explain_order_races_at(ls_engine *e, const ls_order *x, ls_phase phase, uint64_t iteration)
{
    const char *name = iteration == 0
                           ? arena_printf(e->arena, "the %s phase before the loop", phase_name(phase))
                           : arena_printf(e->arena, "the %s phase of iteration %llu",
                                          phase_name(phase), (unsigned long long)iteration);
    for (size_t c = 0; c < x->nconditions; c++)
        if (strstr(x->conditions[c], name))
            return true;
    return false;
}

/* ---- writing ------------------------------------------------------------------------------ */

/* The records' generated labels ("anonymous@main[0].setTimeout"), to find them in a text in
 * time linear in the text, whatever the number of callbacks. */
typedef struct {
    const char **slots;   /* open addressing; NULL empty */
    size_t cap;
    size_t *lengths;      /* the distinct lengths of the labels, longest first */
    size_t nlengths;
} label_index;

struct ls_label_words {
    label_index labels;
};

typedef struct {
    FILE *f;
    const ls_explain_style *style;
    ls_label_words words;
    size_t *first_line;   /* per record: its first printed line (lines come record by record) */
} writer;

static const char **label_slot(const label_index *ix, const char *s, size_t n)
{
    size_t i = (size_t)fnv1a(FNV1A_START, s, n) & (ix->cap - 1);
    while (ix->slots[i] && !(strlen(ix->slots[i]) == n && memcmp(ix->slots[i], s, n) == 0))
        i = (i + 1) & (ix->cap - 1);
    return &ix->slots[i];
}

static int longer_first(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x > y ? -1 : x < y;
}

static void index_labels(ls_engine *e, label_index *ix)
{
    const ls_output *o = &e->out;
    ix->cap = 16;
    while (ix->cap < 2 * (o->nrecords + 1))
        ix->cap *= 2;
    ix->slots = arena_alloc(e->arena, ix->cap * sizeof *ix->slots);
    ix->lengths = arena_alloc(e->arena, (o->nrecords + 1) * sizeof *ix->lengths);
    ix->nlengths = 0;
    for (size_t r = 0; r < o->nrecords; r++) {
        const char *label = o->records[r].label;
        if (strncmp(label, "anonymous@", 10) != 0)
            continue;
        size_t n = strlen(label);
        const char **slot = label_slot(ix, label, n);
        if (*slot)
            continue;
        *slot = label;
        bool known = false;
        for (size_t i = 0; i < ix->nlengths && !known; i++)
            known = ix->lengths[i] == n;
        if (!known)
            ix->lengths[ix->nlengths++] = n;
    }
    qsort(ix->lengths, ix->nlengths, sizeof *ix->lengths, longer_first);
}

static const char *humanize_raw(const ls_label_words *w, ls_engine *e, const char *text);

const char *explain_humanize(const ls_label_words *w, ls_engine *e, const char *text)
{
    return text ? strip_ticks(e, humanize_raw(w, e, text)) : NULL;
}

static const char *humanize(const writer *w, ls_engine *e, const char *text)
{
    return explain_humanize(&w->words, e, text);
}

ls_label_words *explain_words(ls_engine *e)
{
    ls_label_words *w = arena_alloc(e->arena, sizeof *w);
    index_labels(e, &w->labels);
    return w;
}

/* `text` with every {label} and every generated label of a callback in its display form. */
static const char *humanize_raw(const ls_label_words *w, ls_engine *e, const char *text)
{
    if (!text)
        return NULL;
    char *out = arena_strdup(e->arena, text);
    /* {label} -> label's display form */
    for (char *open = strchr(out, '{'); open; open = strchr(out, '{')) {
        char *close = strchr(open, '}');
        if (!close)
            break;
        char *label = arena_printf(e->arena, "%.*s", (int)(close - open - 1), open + 1);
        out = arena_printf(e->arena, "%.*s%s%s", (int)(open - out), out,
                           explain_display_label(e, label),
                           close + 1);
    }
    /* generated labels: at each "anonymous@", the longest label that starts there */
    const label_index *ix = &w->labels;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return out;
    const char *p = out;
    for (const char *at = strstr(p, "anonymous@"); at; at = strstr(p, "anonymous@")) {
        size_t rest = strlen(at), n = 0;
        for (size_t i = 0; i < ix->nlengths && !n; i++)
            if (ix->lengths[i] <= rest && *label_slot(ix, at, ix->lengths[i]))
                n = ix->lengths[i];
        if (!n) { /* not a label: keep the text */
            fwrite(p, 1, (size_t)(at - p) + 10, f);
            p = at + 10;
            continue;
        }
        fwrite(p, 1, (size_t)(at - p), f);
        fputs(explain_display_label(e, arena_printf(e->arena, "%.*s", (int)n, at)), f);
        p = at + n;
    }
    fputs(p, f);
    fclose(f);
    out = arena_strdup(e->arena, buf);
    free(buf);
    return out;
}

static const char *on(const writer *w, const char *code)
{
    return w->style->color ? code : "";
}

#define BOLD "\033[1m"
#define DIM "\033[2m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define RESET "\033[0m"

/* `text` wrapped to the width, the first line after `lead`, the others indented to match. */
static void wrap(const writer *w, int indent, const char *lead, const char *text, const char *color)
{
    int width = w->style->width;
    int col = fprintf(w->f, "%*s%s", indent, "", lead);
    int hang = indent + (int)strlen(lead) + (*lead ? 0 : 2);
    fputs(on(w, color), w->f);
    const char *p = text;
    bool first = true;
    while (*p) {
        const char *sp = strchr(p, ' ');
        int len = sp ? (int)(sp - p) : (int)strlen(p);
        if (!first && col + 1 + len > width) {
            fprintf(w->f, "%s\n%*s%s", on(w, RESET), hang, "", on(w, color));
            col = hang;
        } else if (!first) {
            fputc(' ', w->f);
            col++;
        }
        col += fprintf(w->f, "%.*s", len, p);
        first = false;
        p += len;
        while (*p == ' ')
            p++;
    }
    fprintf(w->f, "%s\n", on(w, RESET));
}

static void heading(const writer *w, const char *text)
{
    fputc('\n', w->f);
    wrap(w, 0, "", text, BOLD);
}

/* The lines a record printed, as "prints a, b". */
static const char *printed(const writer *w, ls_engine *e, size_t record)
{
    char *s = NULL;
    for (size_t l = w->first_line[record]; l < e->out.nlines && e->out.lines[l].record == record;
         l++)
        s = s ? arena_printf(e->arena, "%s, %s", s, e->out.lines[l].text)
              : arena_printf(e->arena, "%s", e->out.lines[l].text);
    return s;
}

/* first_line[r]: where record r's lines start (each callback's lines are printed together). */
static size_t *index_lines(ls_engine *e)
{
    const ls_output *o = &e->out;
    size_t *first = arena_alloc(e->arena, (o->nrecords + 1) * sizeof *first);
    for (size_t r = 0; r <= o->nrecords; r++)
        first[r] = o->nlines;
    for (size_t l = o->nlines; l-- > 0;)
        if (o->lines[l].record < o->nrecords)
            first[o->lines[l].record] = l;
    return first;
}

static const char *callback_text(const ls_label_words *w, ls_engine *e, size_t r, const char *p)
{
    const ls_record *rec = &e->out.records[r];
    return arena_printf(e->arena, "%s %s%s%s%s%s", rec->api, explain_display_label(e, rec->label),
                        p ? ": prints " : "", p ? p : "", rec->queued ? "; queues " : "",
                        rec->queued ? explain_humanize(w, e, rec->queued) : "");
}

static void callback_line(const writer *w, ls_engine *e, size_t r, int indent, const char *lead)
{
    wrap(w, indent, lead, callback_text(&w->words, e, r, printed(w, e, r)), "");
}

const char *explain_callback_text(const ls_label_words *w, ls_engine *e, size_t r)
{
    char *p = NULL;
    size_t first = SIZE_MAX;
    for (size_t l = 0; l < e->out.nlines && first == SIZE_MAX; l++)
        if (e->out.lines[l].record == r)
            first = l;
    for (size_t l = first; l < e->out.nlines && e->out.lines[l].record == r; l++)
        p = p ? arena_printf(e->arena, "%s, %s", p, e->out.lines[l].text)
              : arena_printf(e->arena, "%s", e->out.lines[l].text);
    return callback_text(w, e, r, p);
}

const char *explain_phase_rule(const ls_engine *e, ls_phase phase)
{
    bool per_callback = e->profile->drain_per_callback;
    switch (phase) {
    case PHASE_TIMERS:
        return per_callback
                   ? "every timer due by the loop time runs, lists in order of expiry, FIFO within "
                     "a list; the nextTick queue, then the microtask queue, drain after each one "
                     "(Node 11+, lib/internal/timers.js listOnTimeout)"
                   : "every timer due by the loop time runs; Node 10 drains the nextTick and "
                     "microtask queues only after a whole list (lib/timers.js listOnTimeout)";
    case PHASE_POLL:
        return "the callbacks of completed I/O run, each in its own callback scope, so the queues "
               "drain after each (libuv uv__io_poll, uv__work_done)";
    case PHASE_CHECK:
        return per_callback
                   ? "the immediates queued before this phase began run in FIFO order, with a drain "
                     "after each; those queued now wait for the next iteration (processImmediate)"
                   : "the immediates queued before this phase began run in FIFO order; Node 10 "
                     "drains only after the whole queue (processImmediate)";
    case PHASE_CLOSE:
        return "close callbacks (uv__run_closing_handles)";
    case PHASE_BEFORE_EXIT:
        return "the loop had nothing left, so Node emits 'beforeExit'; the loop runs again if a "
               "listener queued work";
    case PHASE_EXIT:
        return "'exit' listeners run; nothing queued from here runs";
    case PHASE_TASK:
        return "the oldest runnable task runs (a timer due, a message); a microtask checkpoint "
               "follows it, and each event listener (HTML event loop processing model, steps 2-7)";
    case PHASE_RENDER:
        return "a frame: the animation frame callbacks asked for before it began run in order, "
               "each followed by a microtask checkpoint (HTML 'update the rendering')";
    case PHASE_IDLE_PERIOD:
        return "nothing else was runnable and no frame was wanted: an idle callback runs (HTML "
               "'start an idle period', requestIdleCallback)";
    default:
        return NULL;
    }
}

ls_engine *explain_traced_run(const ls_program *program, const ls_costs *costs,
                              const ls_profile *profile, const ls_limits *limits, int *code)
{
    ls_engine *e = engine_new(program, costs, profile, limits);
    e->out.recording = e->out.queued = true;
    e->out.snapshots = true;
    *code = engine_run(e);
    if (e->stop == STOP_BAD_INPUT) {
        fprintf(stderr, "%s\n", e->stop_message);
        engine_free(e);
        return NULL;
    }
    return e;
}

const char *explain_order_lines(ls_engine *e, const ls_order *x)
{
    const char *lines = "";
    for (const char *c = x->lines; c < x->lines + x->len;) {
        const char *nl = memchr(c, '\n', (size_t)(x->lines + x->len - c));
        int n = nl ? (int)(nl - c) : (int)(x->lines + x->len - c);
        lines = arena_printf(e->arena, "%s%s%.*s", lines, *lines ? ", " : "", n, c);
        c += n + 1;
    }
    return lines;
}

const char *explain_conditions(const ls_label_words *w, ls_engine *e, char *const *conditions,
                               size_t n)
{
    const char *all = "";
    for (size_t c = 0; c < n; c++)
        all = arena_printf(e->arena, "%s%s%s", all, c ? " and " : "",
                           explain_humanize(w, e, conditions[c]));
    return all;
}

int explain_run(const ls_program *program, const ls_costs *costs, const ls_profile *profile,
                const ls_limits *limits, const ls_orders *orders, const ls_explain_style *style,
                FILE *f)
{
    int code;
    ls_engine *e = explain_traced_run(program, costs, profile, limits, &code);
    if (!e)
        return -1;
    writer w = {f, style, {{NULL, 0, NULL, 0}}, index_lines(e)};
    index_labels(e, &w.words.labels);
    const ls_output *o = &e->out;

    char versions[96];
    wrap(&w, 0, "", arena_printf(e->arena, "%s: %s (profile %s), the nominal timing "
                                 "(loopsim run's order)", program->file,
                                 profile_versions(profile, versions, sizeof versions),
                                 profile->id), BOLD);
    if (orders && orders->count > 1)
        wrap(&w, 0, "", arena_printf(e->arena, "Racy: %zu orders are possible under the timing "
                                     "model; the races this walk depends on are marked %s and "
                                     "listed at the end (loopsim orders shows the others).",
                                     orders->n, "[race]"), YELLOW);

    /* which condition of the nominal order names which phase */
    const ls_order *nominal = NULL;
    for (size_t i = 0; orders && i < orders->n; i++)
        if (orders->orders[i].nominal)
            nominal = &orders->orders[i];

    ls_phase last_phase = PHASE_EXIT;
    uint64_t last_iter = UINT64_MAX;
    bool rule_said[PHASE_EXIT + 1] = {false};
    size_t snapshots = 0;
    for (size_t r = 0; r < o->nrecords; r++) {
        const ls_record *rec = &o->records[r];
        if (strcmp(rec->api, "(queues)") == 0) {
            bool module_later = program->esm && profile->esm_entry == ESM_IN_POLL;
            heading(&w, snapshots == 0 ? (module_later ? "Queued before the ES module runs (Node "
                                                          "12.17 to 21 evaluate it from the first "
                                                          "poll phase)"
                                                        : "Queued when the main script and its "
                                                          "drain are done")
                                       : arena_printf(e->arena, "Iteration %llu of the loop; "
                                                      "queued at its start",
                                                      (unsigned long long)rec->iteration));
            snapshots++;
            const char *text = humanize(&w, e, rec->label);
            for (const char *line = text; *line;) {
                const char *nl = strchr(line, '\n');
                size_t n = nl ? (size_t)(nl - line) : strlen(line);
                wrap(&w, 2, "", arena_printf(e->arena, "%.*s", (int)n, line), DIM);
                line += n + (nl ? 1 : 0);
            }
            last_phase = PHASE_EXIT;
            last_iter = rec->iteration;
            continue;
        }
        bool drain = explain_is_drain_api(rec->api) && strcmp(rec->label, "main script") != 0;
        ls_phase phase = (ls_phase)rec->phase;
        if (strcmp(rec->label, "main script") == 0) {
            heading(&w, !program->esm ? "The main script"
                        : phase == PHASE_POLL
                            ? arena_printf(e->arena, "The main script (an ES module, evaluated in "
                                           "the poll phase of iteration %llu; its microtasks "
                                           "drain before its ticks)",
                                           (unsigned long long)rec->iteration)
                            : "The main script (an ES module: its microtasks drain before its "
                              "ticks)");
            const char *p = printed(&w, e, r);
            if (p)
                wrap(&w, 2, "prints ", p, GREEN);
            if (rec->queued)
                wrap(&w, 2, "queues ", humanize(&w, e, rec->queued), "");
            last_phase = PHASE_EXIT; /* its drain gets a heading */
            last_iter = rec->iteration;
            continue;
        }
        if (phase != last_phase || rec->iteration != last_iter) {
            const char *title;
            if (phase == PHASE_MAIN && e->profile->is_browser)
                title = "Then a microtask checkpoint: the microtask queue drains until it is empty";
            else if (phase == PHASE_MAIN)
                title = "Then the nextTick queue and the microtask queue drain, ticks first, until "
                        "both are empty";
            else if (phase == PHASE_BEFORE_EXIT || phase == PHASE_EXIT)
                title = arena_printf(e->arena, "'%s'", phase == PHASE_EXIT ? "exit" : "beforeExit");
            else if (rec->iteration == 0) {
                heading(&w, "The loop starts");
                title = arena_printf(e->arena, "%s phase, before the first iteration (libuv 1.45+ "
                                     "runs due timers when the loop starts; clock %.3f ms)",
                                     phase_name(phase), (double)rec->time_ns / 1e6);
            }
            else
                title = arena_printf(e->arena, "%s phase (iteration %llu, clock %.3f ms)",
                                     phase_name(phase), (unsigned long long)rec->iteration,
                                     (double)rec->time_ns / 1e6);
            wrap(&w, 2, "", title, BOLD);
            const char *rule = explain_phase_rule(e, phase);
            if (rule && !rule_said[phase]) {
                wrap(&w, 4, "why: ", rule, DIM);
                rule_said[phase] = true;
            }
            if (nominal) {
                /* a condition of another order that names this phase: the race is here */
                for (size_t i = 0; i < orders->n; i++) {
                    const ls_order *x = &orders->orders[i];
                    if (x == nominal || !explain_order_races_at(e, x, phase, rec->iteration))
                        continue;
                    const char *all = explain_conditions(&w.words, e, x->conditions,
                                                         x->nconditions);
                    wrap(&w, 4, "[race] ", arena_printf(e->arena, "if %s, the order changes "
                         "(order %zu of loopsim orders)", all, i + 1), YELLOW);
                }
            }
            last_phase = phase;
            last_iter = rec->iteration;
        }
        if (drain && phase != PHASE_MAIN)
            callback_line(&w, e, r, 6, "drain: ");
        else
            callback_line(&w, e, r, 4, "");
    }
    if (o->nrecords == 0 || o->nlines == 0)
        fprintf(f, "\n(the program prints nothing)\n");
    if (e->stop != STOP_NONE || code != 0) {
        heading(&w, "The end");
        char *ending = NULL;
        size_t len = 0;
        FILE *g = open_memstream(&ending, &len);
        if (g) {
            out_render_ending(e, code, true, g);
            fclose(g);
            for (char *line = ending, *nl; len && line && *line; line = nl ? nl + 1 : NULL) {
                nl = strchr(line, '\n');
                if (nl)
                    *nl = '\0';
                wrap(&w, 2, "", line, "");
            }
            free(ending);
        }
    }
    if (orders && orders->count > 1 && nominal) {
        heading(&w, "Races");
        wrap(&w, 2, "", arena_printf(e->arena, "This walk is the nominal timing's (p = %.0f%% "
                                     "under the timing model). It holds when:",
                                     orders->samples ? 100.0 * (double)nominal->samples /
                                                           (double)orders->samples : 0.0), "");
        for (size_t c = 0; c < nominal->nconditions; c++)
            wrap(&w, 4, "- ", humanize(&w, e, nominal->conditions[c]), YELLOW);
        if (nominal->nconditions == 0 && nominal->nalternatives > 0) {
            wrap(&w, 4, "", "(no one condition: several timings print it; one of them:)", DIM);
            for (size_t c = 0; c < nominal->alternative_len[0]; c++)
                wrap(&w, 4, "- ", humanize(&w, e, nominal->alternatives[0][c]), YELLOW);
        }
        for (size_t i = 0; i < orders->n; i++) {
            const ls_order *x = &orders->orders[i];
            if (x == nominal)
                continue;
            const char *lines = explain_order_lines(e, x);
            wrap(&w, 2, "", arena_printf(e->arena, "Otherwise (p = %.0f%%) it prints: %s",
                                         orders->samples ? 100.0 * (double)x->samples /
                                                               (double)orders->samples : 0.0,
                                         lines), "");
            for (size_t c = 0; c < x->nconditions; c++)
                wrap(&w, 4, "when ", humanize(&w, e, x->conditions[c]), DIM);
        }
    }
    engine_free(e);
    return code;
}
