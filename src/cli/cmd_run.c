/* cmd_run.c - loopsim run: a scenario's output under one profile, or every profile grouped by what they
 * print; and the note on stderr when other orders are possible. */
#include "cli.h"
#include "xalloc.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *range_text(const ls_cost_info *info)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "[%g, %g]", info->lo, info->hi);
    return buf;
}

void run_usage(FILE *f)
{
    fputs("usage: loopsim run [options] PROGRAM\n"
          "\n"
          "options:\n"
          "  --trace              print one line per callback run instead: the clock (ms; its\n"
          "                       whole ms are libuv's loop time), the loop iteration (0:\n"
          "                       before the loop; timers end an iteration), the phase, the API\n"
          "                       that queued it, its label, and what it queued; the lines it\n"
          "                       printed follow it, marked '|'\n"
          "  --format text|json|svg\n"
          "                       text (default), or one JSON document with the output lines,\n"
          "                       the exit code and the trace, or the run as one SVG picture\n"
          "                       (as loopsim explain --format svg; docs/pictures.md)\n"
          "  --esm                run the main script as an ES module (as \"module\": \"esm\")\n"
          "  --seed N             Math.random's seed (default 0): the same numbers in every run\n"
          "  --node VERSION|all   the Node version to model: 10.7.0, 12, 20.2 (default 20); a\n"
          "                       partial version is that line's latest release; 'all' runs\n"
          "                       every profile and groups the versions by what they print\n"
          "                       (with --trace or json, each group shows its first profile's)\n"
          "  --env node|browser|all\n"
          "                       node (default), or the program as a web page's one script in\n"
          "                       Chromium: the HTML event loop, its timers, messages, frames,\n"
          "                       idle callbacks and a small DOM (docs/browser.md; no --node, no\n"
          "                       svg); 'all' runs every Node profile and the browser and groups\n"
          "                       them by what they print; an .html page (a whole page) or a\n"
          "                       JSON scenario's \"env\": \"browser\" asks for the browser\n"
          "  --cost KEY=MS        override a timing parameter (may be repeated); KEY is one of\n"
          "                       the keys below\n"
          "  --slower K           every timing parameter but clock_phase_ms K times as long,\n"
          "                       after --cost: a machine K times slower, or that busy (1-100)\n"
          "  --max-callbacks N    stop after N callbacks (default 1000000)\n"
          "  --max-time MS        stop when the virtual clock passes MS ms (default 3600000)\n"
          "  --max-seconds S, --max-memory MB\n"
          "                       the budget of the search behind the note on stderr that other\n"
          "                       orders are possible (default 1 s, 256 MB; the output is printed\n"
          "                       first, and the note says \"at least\" when the budget ran out)\n"
          "  --no-note            no such search, no note (scripts that run many programs)\n"
          "\n"
          "timing parameters (ms; a scenario's \"timing\" object sets them too):\n",
          f);
    for (size_t i = 0; i < ls_cost_count; i++)
        fprintf(f, "  %-16s %6g  %-12s %s\n", ls_cost_table[i].key, ls_cost_table[i].def,
                range_text(&ls_cost_table[i]), ls_cost_table[i].doc);
    fputs("\n"
          "exit status: 0 the run reached the end (a non-zero exit code of the simulated\n"
          "process is reported on stderr), 2 bad input or out of memory, 3 stopped at a limit\n"
          "or the loop would wait forever (the output so far is printed first)\n",
          f);
}

/* One run of the program under `profile`: its output (text or JSON) and what stderr says. */
typedef struct {
    char *out;
    size_t out_len;
    char *err;
    size_t err_len;
    char *lines;     /* the printed lines alone: what --node all groups versions by */
    size_t lines_len;
    int status;
} run_result;

static void run_once(const ls_program *program, const ls_profile *profile, const run_options *o,
                     run_result *r)
{
    ls_costs run_costs = options_costs(program, profile, o);
    const ls_costs *costs = &run_costs;
    FILE *out = open_memstream(&r->out, &r->out_len);
    FILE *err = open_memstream(&r->err, &r->err_len);
    FILE *lines = open_memstream(&r->lines, &r->lines_len);
    if (!out || !err || !lines)
        ls_out_of_memory(BUFSIZ);
    cli_progress progress;
    progress_start(&progress, "loopsim run");
    ls_limits limits = o->limits;
    limits.progress = progress_run;
    limits.progress_ctx = &progress;
    ls_engine *e = engine_new(program, costs, profile, &limits);
    e->out.recording = e->out.queued = o->trace || o->format == FORMAT_JSON;
    int node_exit = engine_run(e);
    progress_done(&progress);
    r->status = EXIT_OK;
    if (e->stop == STOP_BAD_INPUT) {
        fprintf(err, "%s\n", e->stop_message);
        r->status = EXIT_BAD_INPUT;
    } else {
        out_render(e, out, o->format, o->trace);
        out_render(e, lines, FORMAT_TEXT, false);
        if (o->format == FORMAT_TEXT && !o->trace)
            out_render_errs(e, err); /* (the trace and JSON have them) */
        if (e->host.used_random)
            fprintf(err, "loopsim: the program called Math.random(): its numbers come from seed "
                         "%llu (--seed N for others), the same in every run\n",
                    (unsigned long long)o->limits.random_seed);
        if (out_render_ending(e, node_exit, true, err))
            r->status = EXIT_LIMIT;
    }
    engine_free(e);
    fclose(out);
    fclose(err);
    fclose(lines);
}

/* Same printed lines, same ending (what stderr says: exit code, limits). */
static bool same_result(const run_result *a, const run_result *b)
{
    return a->status == b->status && a->lines_len == b->lines_len &&
           a->err_len == b->err_len && memcmp(a->lines, b->lines, a->lines_len) == 0 &&
           memcmp(a->err, b->err, a->err_len) == 0;
}

/* --node all: one run per profile; profiles that print the same are shown together, as the
 * version ranges they cover.  --env all: the browser's profiles too, after Node's ("== Node 12
 * to 24; Chromium 156:"). */
static int run_all_profiles(const ls_program *program, const run_options *o)
{
    enum { MAX = 64 };
    const ls_profile *ps[MAX];
    size_t n = 0;
    for (size_t i = 0; i < ls_profile_count && n < MAX; i++)
        ps[n++] = &ls_profiles[i];
    size_t nodes = n;
    for (size_t i = 0; o->env_all && i < ls_browser_profile_count && n < MAX; i++)
        ps[n++] = &ls_browser_profiles[i];
    run_result results[MAX];
    for (size_t i = 0; i < n; i++)
        run_once(program, ps[i], o, &results[i]);
    bool shown[MAX] = {false};
    int status = EXIT_OK;
    bool json = o->format == FORMAT_JSON; /* one JSON array: [{"versions": [...], "run": {...}}] */
    if (json)
        printf("[");
    for (size_t i = 0; i < n; i++) {
        if (shown[i])
            continue;
        printf(json ? "%s\n{\"versions\": [" : "== ", i ? (json ? "," : "") : "");
        const char *sep = i < nodes ? (json ? "" : "Node ") : "";
        for (size_t j = i; j < n; j++) {
            if (shown[j] || !same_result(&results[i], &results[j]))
                continue;
            shown[j] = true;
            if (j >= nodes) { /* a browser: its name and version */
                char name[64];
                printf(json ? "%s\"%s\"" : "%s%s", *sep ? (json ? ", " : "; ") : "",
                       profile_versions(ps[j], name, sizeof name));
                sep = ", ";
                continue;
            }
            /* merge a run of adjacent Node profiles into one range */
            size_t k = j;
            while (k + 1 < nodes && !shown[k + 1] && same_result(&results[i], &results[k + 1]))
                shown[++k] = true;
            char range[64];
            printf(json ? "%s\"%s\"" : "%s%s", sep,
                   profile_range(ps[j]->first, ps[k]->last, range, sizeof range));
            sep = ", ";
            j = k;
        }
        printf(json ? "], \"run\": " : ":\n");
        fwrite(results[i].out, 1, results[i].out_len, stdout);
        if (json)
            printf("}");
        if (results[i].err_len) {
            fflush(stdout);
            fwrite(results[i].err, 1, results[i].err_len, stderr);
        }
        if (results[i].status > status)
            status = results[i].status;
    }
    if (json)
        printf("\n]\n");
    for (size_t i = 0; i < n; i++) {
        free(results[i].out);
        free(results[i].err);
        free(results[i].lines);
    }
    return status;
}

/* A racy program: say on stderr that the order printed is one of several (loopsim orders). */
static void note_other_orders(const ls_program *program, const ls_profile *profile,
                              const run_options *o)
{
    ls_costs costs = options_costs(program, profile, o);
    ls_budget budget;
    start_budget(o, RUN_NOTE_SECONDS, RUN_NOTE_MB, &budget);
    ls_explore_options eo = {RUN_NOTE_RUNS, 0, &budget, false, true, NULL, NULL, 1};
    ls_orders r;
    explore_orders(program, &costs, profile, &o->limits, &eo, &r);
    char why[96];
    if (r.bad_input) {
        /* the run itself went through: nothing to say */
    } else if (r.count > 1) {
        fprintf(stderr, "loopsim: other orders are possible (%s%llu under the timing model); "
                        "loopsim orders %s lists them\n",
                r.complete && !r.count_capped ? "" : "at least ", (unsigned long long)r.count,
                o->file);
    } else if (!r.complete && r.stopped_by != STOPPED_MAX_PATHS) {
        fprintf(stderr, "loopsim: the search for other orders stopped at %s after %llu run%s; "
                        "loopsim orders %s searches further\n",
                stopped_words(r.stopped_by, &budget, why, sizeof why),
                (unsigned long long)r.runs, r.runs == 1 ? "" : "s", o->file);
    }
    explore_free(&r);
}

int cmd_run(int argc, char **argv)
{
    run_options o;
    memset(&o, 0, sizeof o);
    int rc = parse_run_options(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    ls_program *program = load(o.file, o.esm);
    if (!program)
        return EXIT_BAD_INPUT;
    rc = settle_env(&o, program);
    if (rc) {
        program_free(program);
        return rc;
    }

    int status;
    if (o.format == FORMAT_SVG) {
        if (!o.profile || o.trace) {
            status = bad_usage("--format svg draws one run: name one version with --node, and "
                               "leave out --trace%s", "");
        } else {
            ls_costs costs = options_costs(program, o.profile, &o);
            status = draw_timeline(&o, program, &costs);
        }
    } else if (!o.profile) {
        status = run_all_profiles(program, &o);
    } else {
        run_result r;
        run_once(program, o.profile, &o, &r);
        if (r.status != EXIT_BAD_INPUT)
            fwrite(r.out, 1, r.out_len, stdout);
        fflush(stdout);
        fwrite(r.err, 1, r.err_len, stderr);
        if (r.status == EXIT_OK && !o.no_note)
            note_other_orders(program, o.profile, &o);
        status = r.status;
        free(r.out);
        free(r.err);
        free(r.lines);
    }
    program_free(program);
    return status;
}
