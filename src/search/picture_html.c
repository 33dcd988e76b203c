/* picture_html.c - `loopsim explain --format html`: the run as a page to step through.
 *
 * The page is one file with nothing outside it (no network, no external script or font): the
 * run as data (a JSON object in a <script type="application/json">) and a small script that
 * shows one step at a time.  A step is one callback run, in the order of the trace; for each,
 * the page shows:
 *   - the phase diagram (main, timers, pending, idle/prepare, poll, check, close, then
 *     beforeExit and exit; the nextTick and microtask queues as the drain), the current one lit
 *     (outlined and marked, not by colour alone);
 *   - the callback in explain's words (api, label, what it printed, what it queued) and the
 *     rule behind its place (explain's words for the phase, or for the drain);
 *   - what waits in each queue as it starts: every callback the trace shows queued before this
 *     step (by a callback that ran before it: ls_record.parent, or by its own earlier run for
 *     an interval) and run after it; and explain's own snapshot of the timers, immediates and
 *     I/O in flight at the top of the iteration;
 *   - the console so far (stderr marked), the race decided here if any, and the program with
 *     the callback's line lit (JavaScript scenarios; a JSON scenario shows the program it
 *     stands for), linked from the step.
 * Buttons and keys (arrows, Home, End) step; the page prints the step shown, without its
 * buttons.  The data is written in the order of the trace, so the same run gives the same
 * bytes.
 */
#include "picture.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#include "explain.h"
#include "output.h"

/* out_json_string escapes what JSON needs; inside <script> "</" must not appear either. */
static void json_str_html(FILE *f, const char *s, size_t n)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *g = open_memstream(&buf, &len);
    if (!g)
        ls_out_of_memory(0);
    out_json_string_n(g, s ? s : "", s ? n : 0);
    fclose(g);
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '<')
            fputs("\\u003c", f);
        else if (buf[i] == '>')
            fputs("\\u003e", f);
        else if (buf[i] == '&')
            fputs("\\u0026", f);
        else
            fputc(buf[i], f);
    }
    free(buf);
}

static void json_text(FILE *f, const char *s)
{
    json_str_html(f, s, s ? strlen(s) : 0);
}

static const char PAGE_HEAD[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";

/* The style: the lanes' colours are picture.c's (Okabe-Ito); the lit phase is also outlined
 * and marked with a triangle, so colour is never the only cue. */
static const char PAGE_STYLE[] =
    "<style>\n"
    "body { font: 14px/1.45 'DejaVu Sans', sans-serif; margin: 16px 24px; color: #111; }\n"
    "code, pre, .mono { font-family: 'DejaVu Sans Mono', monospace; font-size: 13px; }\n"
    "h1 { font-size: 18px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 14px 0 6px; }\n"
    ".sub { color: #444; margin-bottom: 10px; }\n"
    "#controls { display: flex; gap: 8px; align-items: center; margin: 10px 0; }\n"
    "#controls button { font-size: 14px; padding: 4px 12px; }\n"
    "#phases { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }\n"
    ".phase { border: 2px solid #bbb; border-radius: 6px; padding: 3px 9px; background: #fff; }\n"
    ".phase.lit { border-width: 3px; font-weight: bold; box-shadow: 0 0 0 2px #000; }\n"
    ".phase.lit::before { content: '\\25B6\\00A0'; }\n"
    ".phase.within { border-style: dashed; border-width: 3px; }\n"
    ".phase.within::after { content: '\\00A0(draining after it)'; font-size: 12px; }\n"
    ".arrow { color: #777; }\n"
    "#grid { display: grid; grid-template-columns: minmax(320px, 1fr) minmax(320px, 1fr); "
    "gap: 8px 28px; }\n"
    "#step { border-left: 6px solid #999; padding: 6px 12px; background: #f7f7f7; }\n"
    ".q { margin: 2px 0 6px; } .q b { display: inline-block; min-width: 9em; }\n"
    ".q ol { margin: 2px 0 2px 0; padding-left: 2.2em; }\n"
    ".empty { color: #777; }\n"
    "#console { margin: 0; padding-left: 2.6em; }\n"
    "#console li.err { color: #8f3300; } #console li.err::before { content: 'stderr: '; }\n"
    "#console li.new { font-weight: bold; }\n"
    "#source { position: relative; margin: 0; padding: 0; list-style: none; counter-reset: line; "
    "max-height: 420px; overflow: auto; border: 1px solid #ddd; }\n"
    "#source li { white-space: pre; font-family: 'DejaVu Sans Mono', monospace; "
    "font-size: 12px; padding: 0 6px; }\n"
    "#source li::before { counter-increment: line; content: counter(line); display: "
    "inline-block; width: 3em; color: #888; }\n"
    "#source li.lit { background: #f0e442; font-weight: bold; }\n"
    "#race { border: 2px dashed #000; padding: 4px 8px; }\n"
    ".why { color: #333; }\n"
    "@media print { #controls, #keys { display: none; } #source { max-height: none; } "
    ".phase.lit { box-shadow: none; } }\n"
    "</style>\n";

/* The script: no library, no network; it reads the data and draws the step `cur`. */
static const char PAGE_SCRIPT[] =
    "<script>\n"
    "'use strict';\n"
    "const D = JSON.parse(document.getElementById('data').textContent);\n"
    "const $ = id => document.getElementById(id);\n"
    "let cur = 0;\n"
    "function el(tag, cls, text) { const e = document.createElement(tag);\n"
    "  if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }\n"
    "function phases() { const box = $('phases'); box.textContent = '';\n"
    "  D.diagram.forEach((p, i) => { if (i) box.appendChild(el('span', 'arrow', p.sep || '\\u2192'));\n"
    "    const d = el('span', 'phase', p.name); d.dataset.lane = p.lane;\n"
    "    d.style.borderColor = p.color; d.style.background = p.fill; box.appendChild(d); }); }\n"
    "function show() {\n"
    "  const s = D.steps[cur];\n"
    "  $('step-count').textContent = 'step ' + (cur + 1) + ' of ' + D.steps.length;\n"
    "  $('first').disabled = $('prev').disabled = cur === 0;\n"
    "  $('next').disabled = $('last').disabled = cur === D.steps.length - 1;\n"
    "  for (const p of document.querySelectorAll('.phase')) {\n"
    "    const lane = Number(p.dataset.lane);\n"
    "    p.classList.toggle('lit', lane === s.lane);\n"
    "    p.classList.toggle('within', s.phase_lane !== s.lane && s.phase_lane !== 0 &&\n"
    "                       lane === s.phase_lane); }\n"
    "  $('step').style.borderLeftColor = D.lanes[s.lane].color;\n"
    "  $('where').textContent = s.where;\n"
    "  $('callback-words').textContent = s.words;\n"
    "  $('why').textContent = s.why;\n"
    "  const line = $('line'); line.textContent = '';\n"
    "  if (s.line && D.source) { const a = el('a', '', 'line ' + s.line); a.href = '#L' + s.line;\n"
    "    line.append('at ', a, ' of the program'); }\n"
    "  const race = $('race'); race.hidden = !s.race; race.textContent = s.race || '';\n"
    "  const qs = $('queues'); qs.textContent = '';\n"
    "  D.lanes.forEach((lane, i) => { if (!lane.queues) return;\n"
    "    const waiting = [];\n"
    "    D.steps.forEach((t, j) => { if (t.lane === i && t.queued_at < cur && j > cur) waiting.push(t); });\n"
    "    const q = el('div', 'q'); q.dataset.lane = lane.name; q.appendChild(el('b', '', lane.name + ':'));\n"
    "    if (!waiting.length) q.appendChild(el('span', 'empty', ' nothing waits'));\n"
    "    else { const ol = el('ol'); waiting.forEach(t => ol.appendChild(el('li', 'mono', t.api + ' ' + t.label + ' (#' + t.n + ')'))); q.appendChild(ol); }\n"
    "    qs.appendChild(q); });\n"
    "  const snap = D.snapshots[s.snapshot];\n"
    "  $('snapshot-title').textContent = snap ? snap.title : '';\n"
    "  $('snapshot').textContent = snap ? snap.text : '(nothing yet: the main script is running)';\n"
    "  const con = $('console'); con.textContent = '';\n"
    "  D.console.forEach(c => { if (c.step > cur) return;\n"
    "    con.appendChild(el('li', (c.err ? 'err' : 'out') + (c.step === cur ? ' new' : ''), c.text)); });\n"
    "  $('ending').textContent = cur === D.steps.length - 1 ? D.ending : '';\n"
    "  for (const li of document.querySelectorAll('#source li'))\n"
    "    li.classList.toggle('lit', li.id === 'L' + s.line);\n"
    "  const lit = $('L' + s.line), src = $('source');  /* scroll the program, not the page */\n"
    "  if (lit) src.scrollTop = Math.max(0, lit.offsetTop - src.clientHeight / 2);\n"
    "}\n"
    "function go(n) { cur = Math.max(0, Math.min(D.steps.length - 1, n)); show(); }\n"
    "$('first').onclick = () => go(0); $('prev').onclick = () => go(cur - 1);\n"
    "$('next').onclick = () => go(cur + 1); $('last').onclick = () => go(D.steps.length - 1);\n"
    "document.addEventListener('keydown', e => {\n"
    "  if (e.key === 'ArrowRight' || e.key === 'n') go(cur + 1);\n"
    "  else if (e.key === 'ArrowLeft' || e.key === 'p') go(cur - 1);\n"
    "  else if (e.key === 'Home') go(0); else if (e.key === 'End') go(D.steps.length - 1); });\n"
    "if (D.source) { const src = $('source');\n"
    "  D.source.split('\\n').forEach((t, i) => { const li = el('li', '', t); li.id = 'L' + (i + 1); src.appendChild(li); }); }\n"
    "else $('program').hidden = true;\n"
    "phases();\n"
    "if (D.steps.length) show(); else $('where').textContent = 'the program runs no callback';\n"
    "</script>\n";

static const char PAGE_BODY[] =
    "<div id=\"controls\"><button id=\"first\" title=\"first step (Home)\">&#x25C0;&#x25C0; first</button>"
    "<button id=\"prev\" title=\"previous step (left arrow)\">&#x25C0; previous</button>"
    "<button id=\"next\" title=\"next step (right arrow)\">next &#x25B6;</button>"
    "<button id=\"last\" title=\"last step (End)\">last &#x25B6;&#x25B6;</button>"
    "<span id=\"step-count\" class=\"mono\"></span>"
    "<span id=\"keys\" class=\"sub\">keys: &#x2190; &#x2192; Home End</span></div>\n"
    "<div id=\"phases\"></div>\n"
    "<div id=\"grid\">\n"
    "<div>\n<h2>This step</h2>\n<div id=\"step\"><div id=\"where\" class=\"mono\"></div>"
    "<div id=\"callback-words\" class=\"mono\"></div><div id=\"line\"></div>"
    "<p class=\"why\">why here: <span id=\"why\"></span></p>"
    "<div id=\"race\" hidden></div></div>\n"
    "<h2>Waiting as it starts</h2>\n<div id=\"queues\"></div>\n"
    "<h2 id=\"snapshot-title\"></h2>\n<pre id=\"snapshot\"></pre>\n"
    "</div>\n<div>\n<h2>Console so far</h2>\n<ol id=\"console\"></ol>\n"
    "<p id=\"ending\" class=\"mono\"></p>\n"
    "<div id=\"program\"><h2>The program</h2>\n<ol id=\"source\"></ol></div>\n</div>\n</div>\n";

/* The diagram: libuv's phases in uv_run's order (src/unix/core.c), the drain, and the ends;
 * each with its lane (picture.c's lane numbers: picture_lane_name). */
static const struct {
    const char *name;
    int lane;
    const char *sep;
} DIAGRAM[] = {
    {"main script", 0, NULL},
    {"drain: nextTick queue", 1, NULL},
    {"then microtasks", 2, "\xE2\x86\x92"},
    {"timers", 3, "\xE2\x86\x92 loop:"},
    {"pending", 4, NULL},
    {"idle, prepare, poll", 5, NULL},
    {"check", 6, NULL},
    {"close", 7, NULL},
    {"beforeExit", 8, "\xE2\x86\xBA or, when nothing is left:"},
    {"exit", 9, NULL},
};

static const char *where_words(ls_engine *e, const ls_record *r)
{
    const char *clock = arena_printf(e->arena, "clock %.3f ms", (double)r->time_ns / 1e6);
    if (r->phase == PHASE_MAIN)
        return arena_printf(e->arena, "the main script and its drain, %s", clock);
    if (r->iteration == 0)
        return arena_printf(e->arena, "%s phase before the first iteration, %s",
                            phase_name((ls_phase)r->phase), clock);
    return arena_printf(e->arena, "iteration %llu, %s phase, %s",
                        (unsigned long long)r->iteration, phase_name((ls_phase)r->phase), clock);
}

int picture_explain_html(const ls_program *program, const ls_costs *costs,
                         const ls_profile *profile, const ls_limits *limits,
                         const ls_orders *orders, FILE *f)
{
    int code;
    ls_engine *e = explain_traced_run(program, costs, profile, limits, &code);
    if (!e)
        return -1;
    const ls_output *o = &e->out;
    ls_label_words *words = explain_words(e);
    const ls_order *nominal = NULL;
    for (size_t i = 0; orders && i < orders->n; i++)
        if (orders->orders[i].nominal)
            nominal = &orders->orders[i];

    /* steps: the callback records; snapshots: the "(queues)" records */
    size_t *step_of = arena_alloc(e->arena, (o->nrecords + 1) * sizeof *step_of);
    size_t nsteps = 0, nsnaps = 0;
    for (size_t r = 0; r < o->nrecords; r++)
        step_of[r] = strcmp(o->records[r].api, "(queues)") == 0 ? SIZE_MAX : nsteps++;

    char range[64];
    const char *title = arena_printf(e->arena, "%s: Node %s (profile %s), the run with the "
                                     "nominal timing, step by step", program->file,
                                     profile_range(profile->first, profile->last, range,
                                                   sizeof range), profile->id);
    fputs(PAGE_HEAD, f);
    fputs("<title>", f);
    for (const char *p = title; *p; p++) {
        if (*p == '<')
            fputs("&lt;", f);
        else if (*p == '&')
            fputs("&amp;", f);
        else
            fputc(*p, f);
    }
    fputs("</title>\n", f);
    fputs(PAGE_STYLE, f);
    fputs("</head>\n<body>\n<h1 id=\"title\"></h1>\n<div class=\"sub\" id=\"subtitle\"></div>\n", f);
    fputs(PAGE_BODY, f);

    fputs("<script type=\"application/json\" id=\"data\">\n{\"title\": ", f);
    json_text(f, title);
    const char *sub = !orders ? "races not searched"
                      : orders->count > 1
                          ? arena_printf(e->arena, "Racy: %llu orders are possible under the "
                                         "timing model; this is the nominal timing's (loopsim "
                                         "run's).", (unsigned long long)orders->count)
                      : orders->complete ? "Deterministic under the timing model."
                                         : "The search for races did not finish.";
    fputs(",\n\"subtitle\": ", f);
    json_text(f, sub);
    fputs(",\n\"lanes\": [", f);
    for (int l = 0; l < picture_lane_count(); l++) {
        fprintf(f, "%s{\"name\": ", l ? ", " : "");
        json_text(f, picture_lane_name(l));
        fprintf(f, ", \"color\": \"%s\", \"fill\": \"%s\", \"queues\": %s}",
                picture_lane_color(l, false), picture_lane_color(l, true),
                picture_lane_queues(l) ? "true" : "false");
    }
    fputs("],\n\"diagram\": [", f);
    for (size_t d = 0; d < sizeof DIAGRAM / sizeof DIAGRAM[0]; d++) {
        fprintf(f, "%s{\"name\": ", d ? ", " : "");
        json_text(f, DIAGRAM[d].name);
        fprintf(f, ", \"lane\": %d, \"color\": \"%s\", \"fill\": \"%s\", \"sep\": ",
                DIAGRAM[d].lane, picture_lane_color(DIAGRAM[d].lane, false),
                picture_lane_color(DIAGRAM[d].lane, true));
        if (DIAGRAM[d].sep)
            json_text(f, DIAGRAM[d].sep);
        else
            fputs("null", f);
        fputs("}", f);
    }

    fputs("],\n\"snapshots\": [", f);
    for (size_t r = 0; r < o->nrecords; r++) {
        const ls_record *rec = &o->records[r];
        if (step_of[r] != SIZE_MAX)
            continue;
        fprintf(f, "%s\n  {\"title\": ", nsnaps ? "," : "");
        bool module_later = program->esm && profile->esm_entry == ESM_IN_POLL;
        json_text(f, nsnaps == 0 ? (module_later ? "Queued before the ES module runs (explain)"
                                                 : "Queued when the main script and its drain "
                                                   "are done (explain)")
                                 : arena_printf(e->arena, "Queued at the start of iteration %llu "
                                                "(explain)",
                                                (unsigned long long)rec->iteration));
        fputs(", \"text\": ", f);
        json_text(f, explain_humanize(words, e, rec->label));
        fputs("}", f);
        nsnaps++;
    }

    fputs("\n],\n\"steps\": [", f);
    size_t snap = SIZE_MAX, nsnap_seen = 0;
    ls_phase last_phase = PHASE_EXIT;
    uint64_t last_iter = UINT64_MAX;
    for (size_t r = 0; r < o->nrecords; r++) {
        const ls_record *rec = &o->records[r];
        if (step_of[r] == SIZE_MAX) {
            snap = nsnap_seen++;
            last_phase = PHASE_EXIT;
            continue;
        }
        size_t s = step_of[r];
        /* queued at: the step that queued it, or (an interval's later run) its previous run,
         * whichever came later; a callback the loop itself queued waits for no step */
        long long queued_at = -1;
        if (rec->parent < o->nrecords && step_of[rec->parent] != SIZE_MAX)
            queued_at = (long long)step_of[rec->parent];
        for (size_t p = r; rec->seq && p-- > 0;)
            if (o->records[p].seq == rec->seq && step_of[p] != SIZE_MAX) {
                if ((long long)step_of[p] > queued_at)
                    queued_at = (long long)step_of[p];
                break;
            }
        if (queued_at < 0 || queued_at > (long long)s)
            queued_at = (long long)s;
        uint32_t line = program_label_line(program, rec->label);
        const char *why;
        bool drain = picture_is_drain(rec);
        if (strcmp(rec->label, "main script") == 0)
            why = "the main script runs first, to its end; what it queues waits";
        else if (drain)
            why = rec->phase == PHASE_MAIN
                      ? "after the main script the nextTick queue, then the microtask queue, "
                        "drain, ticks first, until both are empty"
                      : e->profile->drain_per_callback
                          ? "after each callback the nextTick queue drains, then the microtask "
                            "queue (Node 11+: lib/internal/timers.js listOnTimeout, "
                            "processImmediate)"
                          : "Node 10 drains the nextTick queue, then the microtask queue, after "
                            "a whole timer list or the whole immediate queue, and after each I/O "
                            "callback";
        else
            why = explain_phase_rule(e, (ls_phase)rec->phase);
        /* a race decided where this phase begins */
        const char *race = NULL;
        if (nominal && ((ls_phase)rec->phase != last_phase || rec->iteration != last_iter)) {
            for (size_t i = 0; i < orders->n; i++) {
                const ls_order *x = &orders->orders[i];
                if (x == nominal || !explain_order_races_at(e, x, (ls_phase)rec->phase,
                                                            rec->iteration))
                    continue;
                const char *all = explain_conditions(words, e, x->conditions, x->nconditions);
                race = arena_printf(e->arena, "%s%s[race] if %s, the order changes (order %zu "
                                    "of loopsim orders)", race ? race : "", race ? "; " : "",
                                    all, i + 1);
            }
        }
        last_phase = (ls_phase)rec->phase;
        last_iter = rec->iteration;
        fprintf(f, "%s\n  {\"n\": %zu, \"lane\": %d, \"phase_lane\": %d, \"queued_at\": %lld, "
                   "\"line\": %u, \"snapshot\": %lld, \"api\": ",
                s ? "," : "", s + 1, picture_lane_of(rec), picture_phase_lane((ls_phase)rec->phase),
                queued_at, (unsigned)line,
                snap == SIZE_MAX ? -1LL : (long long)snap);
        json_text(f, rec->api);
        fputs(", \"label\": ", f);
        {
            const char *shown = explain_display_label(e, rec->label);
            size_t n = strlen(shown);
            if (n >= 2 && shown[0] == '`' && shown[n - 1] == '`')
                json_str_html(f, shown + 1, n - 2);
            else
                json_text(f, shown);
        }
        fputs(", \"where\": ", f);
        json_text(f, where_words(e, rec));
        fputs(", \"words\": ", f);
        json_text(f, explain_callback_text(words, e, r));
        fputs(", \"why\": ", f);
        json_text(f, why ? why : "");
        fputs(", \"race\": ", f);
        if (race)
            json_text(f, race);
        else
            fputs("null", f);
        fputs("}", f);
    }
    fputs("\n],\n\"console\": [", f);
    size_t n = 0, err = 0;
    for (size_t l = 0; l <= o->nlines; l++) {
        for (; err < o->nerrs && o->errs[err].after == l; err++) {
            const ls_err_line *el = &o->errs[err];
            long long step = el->record < o->nrecords && step_of[el->record] != SIZE_MAX
                                 ? (long long)step_of[el->record] : -1;
            fprintf(f, "%s\n  {\"err\": true, \"step\": %lld, \"text\": ", n++ ? "," : "", step);
            json_str_html(f, el->text, strnlen(el->text, el->len));
            fputs("}", f);
        }
        if (l == o->nlines)
            break;
        const ls_line *ln = &o->lines[l];
        long long step = ln->record < o->nrecords && step_of[ln->record] != SIZE_MAX
                             ? (long long)step_of[ln->record] : -1;
        fprintf(f, "%s\n  {\"err\": false, \"step\": %lld, \"text\": ", n++ ? "," : "", step);
        json_str_html(f, ln->text, strnlen(ln->text, ln->len));
        fputs("}", f);
    }
    fputs("\n],\n\"ending\": ", f);
    char *ending = NULL;
    size_t ending_len = 0;
    if (e->stop != STOP_NONE || code != 0) {
        FILE *g = open_memstream(&ending, &ending_len);
        if (g) {
            out_render_ending(e, code, true, g);
            fclose(g);
        }
    }
    json_str_html(f, ending ? ending : "", ending ? ending_len : 0);
    free(ending);
    fputs(",\n\"source\": ", f);
    if (program->source)
        json_str_html(f, program->source, program->source_len);
    else
        fputs("null", f);
    fputs("\n}\n</script>\n", f);
    fputs("<script>document.getElementById('title').textContent = "
          "JSON.parse(document.getElementById('data').textContent).title;\n"
          "document.getElementById('subtitle').textContent = "
          "JSON.parse(document.getElementById('data').textContent).subtitle;</script>\n", f);
    fputs(PAGE_SCRIPT, f);
    fputs("</body>\n</html>\n", f);
    engine_free(e);
    return code;
}
