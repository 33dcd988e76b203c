/* main.c - the loopsim command line: `run` a scenario through the event-loop model, list the
 * `orders` it can print or `sweep` one timing parameter, or `emit-js` the equivalent Node
 * program. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit_js.h"
#include "engine.h"
#include "answer.h"
#include "explain.h"
#include "explore.h"
#include "gen.h"
#include "loader.h"

#ifndef LOOPSIM_VERSION
#define LOOPSIM_VERSION "0.0.0"
#endif

enum { EXIT_OK = 0, EXIT_BAD_INPUT = 2, EXIT_LIMIT = 3 };

#define DEFAULT_MAX_CALLBACKS 1000000ULL
/* loopsim run's note on other orders: its search's runs, seconds and megabytes */
#define RUN_NOTE_RUNS 500
#define RUN_NOTE_SECONDS 1.0
#define RUN_NOTE_MB 256.0
/* orders, explain, check, sweep: default seconds and megabytes */
#define SEARCH_SECONDS 10.0
#define CHECK_SECONDS 30.0
#define SEARCH_MB 2048.0
#define DEFAULT_MAX_TIME_MS 3600000.0

static void usage(FILE *f)
{
    fputs("usage: loopsim run [options] SCENARIO.json\n"
          "       loopsim orders [options] SCENARIO.json\n"
          "       loopsim sweep --vary KEY=FROM:TO:STEP [options] SCENARIO.json\n"
          "       loopsim check --answer FILE|- [options] SCENARIO.json\n"
          "       loopsim explain [options] SCENARIO.json\n"
          "       loopsim emit-js [--node VERSION] SCENARIO.json\n"
          "       loopsim gen --seed S [--size N] [--node VERSION]\n"
          "       loopsim profiles\n"
          "       loopsim --help | --version\n"
          "\n"
          "Prints, in order, what the Node.js program that SCENARIO describes prints, by running\n"
          "it through a model of Node's event loop on a virtual clock (Node 20.3+ unless\n"
          "--node VERSION names another; loopsim profiles lists them).\n"
          "\n"
          "commands:\n"
          "  run       run the scenario and print its console.log lines (see loopsim run --help)\n"
          "  orders    every order it can print under the timing model, when, and how likely\n"
          "  sweep     the order it prints across a range of one timing parameter\n"
          "  check     check a \"what does it print?\" answer: right, right under some timings,\n"
          "            or wrong (where, and why); which Node versions print it\n"
          "  explain   walk through the run phase by phase, with the rule behind each step\n"
          "  emit-js   print the equivalent CommonJS program, to run on real node\n"
          "  profiles  list the Node version profiles and how they differ\n"
          "  gen       print a random scenario whose order real Node prints deterministically\n"
          "            (for tools/fuzz-diff; docs/differential-testing.md)\n"
          "\n"
          "exit status: 0 the run reached the end, 2 bad input or usage, 3 stopped at a limit\n"
          "(check: 0 right, 1 wrong, 3 cannot tell)\n"
          "docs: README.md, docs/scenario-format.md, docs/timing-model.md, docs/model.md\n",
          f);
}

static const char *range_text(const ls_cost_info *info)
{
    static char buf[64];
    snprintf(buf, sizeof buf, "[%g, %g]", info->lo, info->hi);
    return buf;
}

static void run_usage(FILE *f)
{
    fputs("usage: loopsim run [options] SCENARIO.json\n"
          "\n"
          "options:\n"
          "  --trace              print one line per callback run instead: the clock (ms; its\n"
          "                       whole ms are libuv's loop time), the loop iteration (0:\n"
          "                       before the loop; timers end an iteration), the phase, the API\n"
          "                       that queued it, its label, and what it queued; the lines it\n"
          "                       printed follow it, marked '|'\n"
          "  --format text|json   text (default), or one JSON document with the output lines,\n"
          "                       the exit code and the trace\n"
          "  --esm                run the main script as an ES module (as \"module\": \"esm\")\n"
          "  --node VERSION|all   the Node version to model (default 20.3+): 10.7.0, 12, 20.2;\n"
          "                       a partial version is that line's latest release; 'all' runs\n"
          "                       every profile and groups the versions by what they print\n"
          "                       (with --trace or json, each group shows its first profile's)\n"
          "  --cost KEY=MS        override a timing parameter (may be repeated); KEY is one of\n"
          "                       the keys below\n"
          "  --max-callbacks N    stop after N callbacks (default 1000000)\n"
          "  --max-time MS        stop when the virtual clock passes MS ms (default 3600000)\n"
          "  --max-seconds S, --max-memory MB\n"
          "                       the budget of the search behind the note on stderr that other\n"
          "                       orders are possible (default 1 s, 256 MB; the output is printed\n"
          "                       first, and the note says \"at least\" when the budget ran out)\n"
          "\n"
          "timing parameters (ms; a scenario's \"timing\" object sets them too):\n",
          f);
    for (size_t i = 0; i < ls_cost_count; i++)
        fprintf(f, "  %-16s %6g  %-12s %s\n", ls_cost_table[i].key, ls_cost_table[i].def,
                range_text(&ls_cost_table[i]), ls_cost_table[i].doc);
    fputs("\n"
          "exit status: 0 the run reached the end (a non-zero exit code of the simulated\n"
          "process is reported on stderr), 2 bad input, 3 stopped at a limit or the loop would\n"
          "wait forever (the output so far is printed first)\n",
          f);
}

static bool parse_double(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end)
        return false;
    *out = v;
    return true;
}

/* Edit distance, for "did you mean" on a misspelt option. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    size_t d[41][41];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t sub = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            size_t del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
            d[i][j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
    return d[la][lb];
}

/* The subcommand being parsed, for "Try 'loopsim CMD --help'". */
static const char *current_command = "run";

static int bad_usage(const char *fmt, const char *arg)
{
    fputs("loopsim: ", stderr);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'loopsim %s --help'.\n", current_command);
    return EXIT_BAD_INPUT;
}

typedef struct {
    const char *file;
    bool trace;
    ls_format format;
    ls_limits limits;
    const ls_profile *profile; /* NULL with --node all */
    bool esm;                  /* --esm: run the main script as an ES module */
    struct {
        const ls_cost_info *info;
        ls_cost cost;
    } costs[64];
    size_t ncosts;
    /* orders */
    uint64_t max_paths;
    uint64_t samples;
    bool no_merge;
    /* the budget of the command's search (budget.h); < 0: the command's default */
    double max_seconds;
    double max_memory_mb;
    /* sweep */
    const ls_cost_info *vary;
    double vary_from, vary_to, vary_step;
    bool csv;
} run_options;

/* --node VERSION|all */
static int parse_node_option(const char *value, const ls_profile **out)
{
    if (strcmp(value, "all") == 0) {
        *out = NULL;
        return 0;
    }
    *out = profile_for_version(value);
    if (!*out)
        return bad_usage("--node expects a Node version from 10 on (20, 20.3, 10.7.0) or 'all', "
                         "found '%s' (see loopsim profiles)", value);
    return 0;
}

static void orders_usage(FILE *f);
static void sweep_usage(FILE *f);
static void explain_usage(FILE *f);
static void check_usage(FILE *f);

/* --vary KEY=FROM:TO:STEP */
static int parse_vary(const char *value, run_options *o)
{
    const char *eq = strchr(value, '=');
    char key[64];
    if (!eq || (size_t)(eq - value) >= sizeof key)
        return bad_usage("--vary expects KEY=FROM:TO:STEP (e.g. clock_phase_ms=0:0.99:0.01), "
                         "found '%s'", value);
    memcpy(key, value, (size_t)(eq - value));
    key[eq - value] = '\0';
    o->vary = costs_find(key);
    if (!o->vary)
        return bad_usage("--vary: unknown timing parameter '%s' (see loopsim run --help)", key);
    char buf[128];
    if (strlen(eq + 1) >= sizeof buf)
        return bad_usage("--vary: value too long in '%s'", value);
    strcpy(buf, eq + 1);
    char *from = buf, *to = strchr(from, ':'), *step = to ? strchr(to + 1, ':') : NULL;
    if (!to || !step)
        return bad_usage("--vary expects KEY=FROM:TO:STEP, found '%s'", value);
    *to++ = '\0';
    *step++ = '\0';
    if (!parse_double(from, &o->vary_from) || !parse_double(to, &o->vary_to) ||
        !parse_double(step, &o->vary_step) || costs_check(o->vary, o->vary_from) ||
        costs_check(o->vary, o->vary_to) || o->vary_to < o->vary_from)
        return bad_usage("--vary: FROM and TO must be values of the parameter with FROM <= TO, "
                         "in '%s'", value);
    if (!(o->vary_step > 0) || (o->vary_to - o->vary_from) / o->vary_step > 100000)
        return bad_usage("--vary: STEP must be > 0 and give at most 100000 points, in '%s'",
                         value);
    return 0;
}

static int parse_run_options(int argc, char **argv, run_options *o)
{
    o->max_seconds = o->max_memory_mb = -1;
    o->format = FORMAT_TEXT;
    o->profile = profile_default();
    o->limits.max_callbacks = DEFAULT_MAX_CALLBACKS;
    o->limits.max_time_ns = clock_ms_to_ns(DEFAULT_MAX_TIME_MS);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *value = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            if (strcmp(current_command, "orders") == 0)
                orders_usage(stdout);
            else if (strcmp(current_command, "sweep") == 0)
                sweep_usage(stdout);
            else if (strcmp(current_command, "explain") == 0)
                explain_usage(stdout);
            else if (strcmp(current_command, "check") == 0)
                check_usage(stdout);
            else
                run_usage(stdout);
            return -1;
        } else if (strcmp(a, "--trace") == 0) {
            o->trace = true;
        } else if (strcmp(a, "--esm") == 0) {
            o->esm = true;
        } else if (strcmp(a, "--max-seconds") == 0 || strcmp(a, "--max-memory") == 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            value = argv[++i];
            bool seconds = strcmp(a, "--max-seconds") == 0;
            double v;
            if (!parse_double(value, &v) || v <= 0 || v > 1e6)
                return bad_usage(seconds ? "--max-seconds expects a number of seconds > 0, "
                                           "found '%s'"
                                         : "--max-memory expects a number of megabytes > 0, "
                                           "found '%s'", value);
            *(seconds ? &o->max_seconds : &o->max_memory_mb) = v;
        } else if ((strcmp(a, "--max-paths") == 0 || strcmp(a, "--samples") == 0) &&
                   strcmp(current_command, "orders") == 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            value = argv[++i];
            double n;
            bool paths = strcmp(a, "--max-paths") == 0;
            if (!parse_double(value, &n) || n < (paths ? 1 : 0) || n > 1e9 ||
                n != (double)(long long)n)
                return bad_usage(paths ? "--max-paths expects a whole number from 1 to 1e9, "
                                         "found '%s'"
                                       : "--samples expects a whole number from 0 to 1e9, "
                                         "found '%s'", value);
            if (paths)
                o->max_paths = (uint64_t)n;
            else
                o->samples = (uint64_t)n;
        } else if (strcmp(a, "--no-merge") == 0 && strcmp(current_command, "orders") == 0) {
            o->no_merge = true;
        } else if (strcmp(a, "--vary") == 0 && strcmp(current_command, "sweep") == 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            int rc = parse_vary(argv[++i], o);
            if (rc)
                return rc;
        } else if (strcmp(a, "--format") == 0 || strcmp(a, "--cost") == 0 ||
                   strcmp(a, "--max-callbacks") == 0 || strcmp(a, "--max-time") == 0 ||
                   strcmp(a, "--node") == 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            value = argv[++i];
            if (strcmp(a, "--node") == 0) {
                int rc = parse_node_option(value, &o->profile);
                if (rc)
                    return rc;
            } else if (strcmp(a, "--format") == 0) {
                if (strcmp(value, "text") == 0)
                    o->format = FORMAT_TEXT;
                else if (strcmp(value, "json") == 0)
                    o->format = FORMAT_JSON;
                else if (strcmp(value, "csv") == 0 && strcmp(current_command, "sweep") == 0)
                    o->csv = true;
                else
                    return bad_usage(strcmp(current_command, "sweep") == 0
                                         ? "--format expects text, csv or json, found '%s'"
                                         : "--format expects text or json, found '%s'", value);
            } else if (strcmp(a, "--cost") == 0) {
                const char *eq = strchr(value, '=');
                char key[64];
                if (!eq || (size_t)(eq - value) >= sizeof key)
                    return bad_usage("--cost expects KEY=MS, found '%s'", value);
                memcpy(key, value, (size_t)(eq - value));
                key[eq - value] = '\0';
                const ls_cost_info *info = costs_find(key);
                if (!info)
                    return bad_usage("--cost: unknown timing parameter '%s'", key);
                ls_cost cost;
                const char *why = costs_parse(info, eq + 1, &cost);
                if (why) {
                    fprintf(stderr, "loopsim: --cost: bad value in '%s': expected MS or LO:HI, "
                                    "each %s\n", value, why);
                    fprintf(stderr, "Try 'loopsim %s --help'.\n", current_command);
                    return EXIT_BAD_INPUT;
                }
                if (o->ncosts == sizeof o->costs / sizeof o->costs[0])
                    return bad_usage("too many --cost options%s", "");
                o->costs[o->ncosts].info = info;
                o->costs[o->ncosts].cost = cost;
                o->ncosts++;
            } else if (strcmp(a, "--max-callbacks") == 0) {
                double n;
                if (!parse_double(value, &n) || n < 1 || n > 1e12 || n != (double)(long long)n)
                    return bad_usage("--max-callbacks expects a whole number >= 1, found '%s'",
                                     value);
                o->limits.max_callbacks = (uint64_t)n;
            } else {
                double ms;
                if (!parse_double(value, &ms) || ms <= 0 || ms > 1e12)
                    return bad_usage("--max-time expects milliseconds > 0, found '%s'", value);
                o->limits.max_time_ns = clock_ms_to_ns(ms);
            }
        } else if (a[0] == '-' && a[1] != '\0') {
            static const char *known[] = {"--trace", "--format", "--cost", "--max-callbacks",
                                          "--max-time", "--node", "--esm", "--help",
                                          "--max-paths", "--samples", "--vary",
                                          "--max-seconds", "--max-memory"};
            for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
                if (edit_distance(a, known[k]) <= 2) {
                    fprintf(stderr, "loopsim: unknown option '%s'; did you mean '%s'?\n", a,
                            known[k]);
                    fprintf(stderr, "Try 'loopsim %s --help'.\n", current_command);
                    return EXIT_BAD_INPUT;
                }
            return bad_usage("unknown option '%s'", a);
        } else if (!o->file) {
            o->file = a;
        } else {
            return bad_usage("more than one scenario given ('%s')", a);
        }
    }
    if (!o->file)
        return bad_usage("no scenario given%s", "");
    return 0;
}

static ls_program *load(const char *file)
{
    char *error = NULL;
    ls_program *p = loader_load_file(file, &error);
    if (!p) {
        fputs(error ? error : "loopsim: could not load the scenario\n", stderr);
        free(error);
    }
    return p;
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
    ls_costs run_costs = engine_default_costs(program, profile);
    for (size_t i = 0; i < o->ncosts; i++)
        *costs_field(&run_costs, o->costs[i].info) = o->costs[i].cost;
    const ls_costs *costs = &run_costs;
    FILE *out = open_memstream(&r->out, &r->out_len);
    FILE *err = open_memstream(&r->err, &r->err_len);
    FILE *lines = open_memstream(&r->lines, &r->lines_len);
    if (!out || !err || !lines) {
        fputs("loopsim: out of memory\n", stderr);
        abort();
    }
    ls_engine *e = engine_new(program, costs, profile, &o->limits);
    e->out.recording = e->out.queued = o->trace || o->format == FORMAT_JSON;
    int node_exit = engine_run(e);
    r->status = EXIT_OK;
    if (e->stop == STOP_BAD_INPUT) {
        fprintf(err, "%s\n", e->stop_message);
        r->status = EXIT_BAD_INPUT;
    } else {
        out_render(e, out, o->format, o->trace);
        out_render(e, lines, FORMAT_TEXT, false);
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
 * version ranges they cover. */
static int run_all_profiles(const ls_program *program, const run_options *o)
{
    run_result results[16];
    size_t n = ls_profile_count < 16 ? ls_profile_count : 16;
    for (size_t i = 0; i < n; i++)
        run_once(program, &ls_profiles[i], o, &results[i]);
    bool shown[16] = {false};
    int status = EXIT_OK;
    bool json = o->format == FORMAT_JSON; /* one JSON array: [{"versions": [...], "run": {...}}] */
    if (json)
        printf("[");
    for (size_t i = 0; i < n; i++) {
        if (shown[i])
            continue;
        printf(json ? "%s\n{\"versions\": [" : "== Node ", i ? (json ? "," : "") : "");
        const char *sep = "";
        for (size_t j = i; j < n; j++) {
            if (shown[j] || !same_result(&results[i], &results[j]))
                continue;
            shown[j] = true;
            /* merge a run of adjacent profiles into one range */
            size_t k = j;
            while (k + 1 < n && !shown[k + 1] && same_result(&results[i], &results[k + 1]))
                shown[++k] = true;
            printf(json ? "%s\"%s to %s\"" : "%s%s to %s", sep, ls_profiles[j].first,
                   ls_profiles[k].last);
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

static ls_costs options_costs(const ls_program *program, const ls_profile *profile,
                              const run_options *o);

/* The command's budget (budget.h): --max-seconds and --max-memory, else the command's defaults.
 * With LOOPSIM_NO_TIME_BUDGET set (the test suite), the default time is unlimited, so that
 * machine speed decides nothing there. */
static void start_budget(const run_options *o, double default_seconds, double default_mb,
                         ls_budget *b)
{
    const char *no_time = getenv("LOOPSIM_NO_TIME_BUDGET");
    if (no_time && *no_time && strcmp(no_time, "0") != 0)
        default_seconds = 0;
    budget_start(b, o->max_seconds >= 0 ? o->max_seconds : default_seconds,
                 o->max_memory_mb >= 0 ? o->max_memory_mb : default_mb);
}

/* "the time budget (--max-seconds 10)": what stopped a search, in the words of its option. */
static const char *stopped_words(ls_stopped_by by, const ls_budget *b, char *buf, size_t size)
{
    switch (by) {
    case STOPPED_TIME:
        snprintf(buf, size, "its time budget (--max-seconds %g)", b->seconds);
        break;
    case STOPPED_MEMORY:
        snprintf(buf, size, "its memory budget (--max-memory %g)", b->megabytes);
        break;
    default:
        snprintf(buf, size, "--max-paths");
    }
    return buf;
}

/* A racy program: say on stderr that the order printed is one of several (loopsim orders). */
static void note_other_orders(const ls_program *program, const ls_profile *profile,
                              const run_options *o)
{
    ls_costs costs = options_costs(program, profile, o);
    ls_budget budget;
    start_budget(o, RUN_NOTE_SECONDS, RUN_NOTE_MB, &budget);
    ls_explore_options eo = {RUN_NOTE_RUNS, 0, &budget, false, true};
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

static int cmd_run(int argc, char **argv)
{
    run_options o;
    memset(&o, 0, sizeof o);
    int rc = parse_run_options(argc, argv, &o);
    if (rc != 0)
        return rc < 0 ? EXIT_OK : rc;
    ls_program *program = load(o.file);
    if (!program)
        return EXIT_BAD_INPUT;
    if (o.esm)
        program->esm = true;

    int status;
    if (!o.profile) {
        status = run_all_profiles(program, &o);
    } else {
        run_result r;
        run_once(program, o.profile, &o, &r);
        if (r.status != EXIT_BAD_INPUT)
            fwrite(r.out, 1, r.out_len, stdout);
        fflush(stdout);
        fwrite(r.err, 1, r.err_len, stderr);
        if (r.status == EXIT_OK)
            note_other_orders(program, o.profile, &o);
        status = r.status;
        free(r.out);
        free(r.err);
        free(r.lines);
    }
    program_free(program);
    return status;
}

/* The start orders, sweep, explain and check share: run's options, one profile (not 'all'), no
 * --trace, the program loaded and the costs its runs start from.  NULL when the command is
 * over already, *rc saying how (0 after --help).  `text_only`: no --format json. */
static ls_program *setup_command(int argc, char **argv, run_options *o, bool text_only,
                                 ls_costs *costs, int *rc)
{
    int r = parse_run_options(argc, argv, o);
    if (r != 0) {
        *rc = r < 0 ? EXIT_OK : r;
        return NULL;
    }
    if (o->trace || !o->profile || (text_only && o->format != FORMAT_TEXT)) {
        *rc = bad_usage(text_only ? "%s takes neither --trace, --format nor --node all (name one "
                                    "version)"
                                  : "%s takes neither --trace nor --node all (name one version)",
                        current_command);
        return NULL;
    }
    ls_program *program = load(o->file);
    if (!program) {
        *rc = EXIT_BAD_INPUT;
        return NULL;
    }
    if (o->esm)
        program->esm = true;
    *costs = options_costs(program, o->profile, o);
    return program;
}

/* ---- loopsim orders ------------------------------------------------------------------------ */

static void orders_usage(FILE *f)
{
    fputs("usage: loopsim orders [options] SCENARIO.json\n"
          "\n"
          "Lists every order the program can print under the timing model: each cost anywhere in\n"
          "its range (loopsim run --help lists them) and the clock anywhere in its millisecond.\n"
          "Each order comes with what is true of time whenever it is printed, and its probability\n"
          "when every cost is drawn uniformly from its range (docs/timing-model.md).  The orders\n"
          "are counted exactly (up to 2097152); with more than 1000, only those the sampled\n"
          "timings printed are listed, without conditions.\n"
          "\n"
          "options:\n"
          "  --node VERSION       the Node version to model (default 20.3+)\n"
          "  --esm                run the main script as an ES module\n"
          "  --cost KEY=MS        pin a timing parameter to one value; KEY=LO:HI gives it a range\n"
          "  --samples N          sampled timings for the probabilities (default 1000; 0: none)\n"
          "  --max-paths N        stop the exact search after N runs of the program (default\n"
          "                       200000); a run explores one timing path, or stops where it\n"
          "                       joins a state an earlier run explored\n"
          "  --no-merge           explore every timing path to its end, merging no states (slow;\n"
          "                       for checking the merging)\n"
          "  --max-seconds S      or after S seconds of wall-clock time (default 10)\n"
          "  --max-memory MB      or when its graph of states holds MB megabytes (default 2048)\n"
          "  --format text|json   text (default) or one JSON document\n"
          "  --max-callbacks N, --max-time MS   limits of each run, as for loopsim run\n"
          "\n"
          "exit status: 0 done (deterministic or not), 2 bad input, 3 the search stopped at\n"
          "--max-paths, --max-seconds or --max-memory before seeing every path (the orders found\n"
          "are printed, and stderr says which limit stopped it)\n",
          f);
}

/* The first line (1-based) where two outputs differ. */
static size_t first_difference(const ls_order *a, const ls_order *b)
{
    size_t line = 1;
    for (size_t i = 0; i < a->len && i < b->len; i++) {
        if (a->lines[i] != b->lines[i])
            return line;
        if (a->lines[i] == '\n')
            line++;
    }
    return line;
}

static void print_probability(const ls_orders *r, const ls_order *o, char *buf, size_t size)
{
    if (r->samples == 0)
        snprintf(buf, size, "p not sampled");
    else if (o->samples == 0)
        snprintf(buf, size, "p < %.2g%% (in none of %llu samples)", 100.0 / (double)r->samples,
                 (unsigned long long)r->samples);
    else
        snprintf(buf, size, "p = %.1f%%", 100.0 * (double)o->samples / (double)r->samples);
}

/* Text output lists the likeliest orders; JSON has them all. */
#define MAX_SHOWN_ORDERS 20

static void orders_text(const char *file, const ls_profile *profile, const ls_orders *r)
{
    char head[512];
    snprintf(head, sizeof head, "%s: %s%llu possible order%s (Node %s to %s, profile %s)", file,
             r->complete && !r->count_capped ? "" : r->count_capped ? "more than " : "at least ",
             (unsigned long long)r->count, r->count == 1 ? "" : "s", profile->first,
             profile->last, profile->id);
    out_wrap(stdout, 0, "", head, 100);
    char line[256];
    int n;
    char paths[64];
    if (r->paths == UINT64_MAX)
        snprintf(paths, sizeof paths, "more than 1.8e19");
    else
        snprintf(paths, sizeof paths, "%llu", (unsigned long long)r->paths);
    if (r->complete)
        n = snprintf(line, sizeof line, "searched all %s timing path%s", paths,
                     r->paths == 1 ? "" : "s");
    else
        n = snprintf(line, sizeof line, "the search stopped after %llu run%s (%s): there may be "
                     "more orders", (unsigned long long)r->runs, r->runs == 1 ? "" : "s",
                     r->stopped_by == STOPPED_TIME     ? "--max-seconds"
                     : r->stopped_by == STOPPED_MEMORY ? "--max-memory"
                                                       : "--max-paths");
    if (r->joins && r->complete && n > 0 && (size_t)n < sizeof line)
        n += snprintf(line + n, sizeof line - (size_t)n, " (%llu runs: %llu stopped at a state an "
                      "earlier run explored; %llu states)", (unsigned long long)r->runs,
                      (unsigned long long)r->joins, (unsigned long long)r->states);
    if (r->samples && n > 0 && (size_t)n < sizeof line)
        snprintf(line + n, sizeof line - (size_t)n, "; probabilities from %llu sampled timings",
                 (unsigned long long)r->samples);
    out_wrap(stdout, 0, "", line, 100);
    if (r->count == 1 && r->complete)
        printf("deterministic: every timing the model allows prints the same\n");
    if (!r->listed_all) {
        char listed[256];
        if (r->count_partial)
            snprintf(listed, sizeof listed, "listed: the %zu order%s sampling or the nominal "
                     "costs printed (the budget ran out before the search's orders were counted)",
                     r->n, r->n == 1 ? "" : "s");
        else
            snprintf(listed, sizeof listed, "listed: the %zu order%s sampling or the nominal "
                     "costs printed (too many to list them all: at most %d are listed, with "
                     "their conditions)", r->n, r->n == 1 ? "" : "s", LS_MAX_LISTED);
        out_wrap(stdout, 0, "", listed, 100);
    }
    if (r->sampled_outside)
        printf("loopsim: internal error: %llu sampled run(s) printed an order the search did not "
               "find; please report it\n", (unsigned long long)r->sampled_outside);
    size_t shown = r->n <= MAX_SHOWN_ORDERS + 5 ? r->n : MAX_SHOWN_ORDERS;
    for (size_t i = 0; i < shown; i++) {
        const ls_order *o = &r->orders[i];
        char p[96];
        print_probability(r, o, p, sizeof p);
        printf("\norder %zu of %llu, %s", i + 1, (unsigned long long)r->count, p);
        if (i > 0)
            printf(", differs from order 1 at line %zu", first_difference(o, &r->orders[0]));
        if (o->nominal)
            printf(" (loopsim run prints this one)");
        if (!o->searched)
            printf(" (found only by sampling)");
        printf("\n");
        out_print_lines(stdout, o->lines, o->len, "    ");
        if (o->len == 0)
            printf("    (prints nothing)\n");
        if (o->ending[0])
            out_wrap(stdout, 4, "", o->ending, 100);
        if (r->count > 1) {
            if (!r->listed_all && o->searched) {
                printf("  when: not listed (conditions are listed for programs with at most %d "
                       "orders)\n", LS_MAX_LISTED);
            } else if (!o->searched) {
                printf("  when: a sampled timing printed it; the search stopped before reaching "
                       "it\n");
            } else if (o->nconditions == 0 && o->nalternatives > 0) {
                printf("  when one of these holds (no condition is shared by every timing that "
                       "prints it):\n");
                for (size_t a = 0; a < o->nalternatives; a++) {
                    printf("    %c)\n", 'a' + (int)a);
                    for (size_t c = 0; c < o->alternative_len[a]; c++)
                        out_wrap(stdout, 6, "- ", o->alternatives[a][c], 100);
                }
                if (o->more_alternatives)
                    printf("    or other combinations of timing\n");
            } else if (o->nconditions == 0) {
                printf("  when: several different timings print it, with no condition in "
                       "common\n");
            } else {
                printf("  when%s:\n", o->paths > 1 ? ", on every timing path that prints it" : "");
                for (size_t c = 0; c < o->nconditions; c++)
                    out_wrap(stdout, 4, "- ", o->conditions[c], 100);
            }
        }
    }
    if (shown < r->n) {
        uint64_t rest = 0;
        for (size_t i = shown; i < r->n; i++)
            rest += r->orders[i].samples;
        char tail[160];
        snprintf(tail, sizeof tail, "\n... and %zu more orders (--format json lists them all)",
                 r->n - shown);
        printf("%s\n", tail);
        if (r->samples)
            printf("    together p = %.1f%%\n", 100.0 * (double)rest / (double)r->samples);
    }
}

static void orders_json(const char *file, const ls_profile *profile, const ls_orders *r)
{
    printf("{\"scenario\": ");
    out_json_string(stdout, file);
    printf(", \"profile\": ");
    out_json_string(stdout, profile->id);
    static const char *stopped[] = {"null", "\"max-paths\"", "\"max-seconds\"",
                                    "\"max-memory\""};
    printf(", \"complete\": %s, \"stopped_by\": %s, \"count\": %llu, \"count_capped\": %s, "
           "\"count_partial\": %s, \"listed_all\": %s, \"paths\": %llu, \"runs\": %llu, \"states\": %llu, \"joins\": %llu, "
           "\"samples\": %llu, \"deterministic\": %s, \"sampled_outside\": %llu, \"orders\": [",
           r->complete ? "true" : "false", stopped[r->stopped_by], (unsigned long long)r->count,
           r->count_capped ? "true" : "false", r->count_partial ? "true" : "false",
           r->listed_all ? "true" : "false",
           (unsigned long long)r->paths, (unsigned long long)r->runs,
           (unsigned long long)r->states, (unsigned long long)r->joins,
           (unsigned long long)r->samples, r->count == 1 && r->complete ? "true" : "false",
           (unsigned long long)r->sampled_outside);
    for (size_t i = 0; i < r->n; i++) {
        const ls_order *o = &r->orders[i];
        printf("%s\n  {\"lines\": ", i ? "," : "");
        out_json_lines(stdout, o->lines, o->len);
        printf(", \"ending\": ");
        out_json_string(stdout, o->ending);
        printf(", \"exit_code\": %d, \"samples\": %llu, \"probability\": ", o->exit_code,
               (unsigned long long)o->samples);
        if (r->samples)
            printf("%.4f", (double)o->samples / (double)r->samples);
        else
            printf("null");
        printf(", \"paths\": %llu, \"nominal\": %s, \"searched\": %s, \"conditions\": [",
               (unsigned long long)o->paths, o->nominal ? "true" : "false",
               o->searched ? "true" : "false");
        for (size_t c = 0; c < o->nconditions; c++) {
            printf("%s", c ? ", " : "");
            out_json_string(stdout, o->conditions[c]);
        }
        printf("], \"alternatives\": [");
        for (size_t a = 0; a < o->nalternatives; a++) {
            printf("%s[", a ? ", " : "");
            for (size_t c = 0; c < o->alternative_len[a]; c++) {
                printf("%s", c ? ", " : "");
                out_json_string(stdout, o->alternatives[a][c]);
            }
            printf("]");
        }
        printf("]}");
    }
    printf("\n]}\n");
}

static ls_costs options_costs(const ls_program *program, const ls_profile *profile,
                              const run_options *o)
{
    ls_costs costs = engine_default_costs(program, profile);
    for (size_t i = 0; i < o->ncosts; i++)
        *costs_field(&costs, o->costs[i].info) = o->costs[i].cost;
    return costs;
}

static int cmd_orders(int argc, char **argv)
{
    current_command = "orders";
    run_options o;
    memset(&o, 0, sizeof o);
    o.samples = 1000;
    o.max_paths = 200000;
    ls_costs costs;
    int rc;
    ls_program *program = setup_command(argc, argv, &o, false, &costs, &rc);
    if (!program)
        return rc;
    ls_budget budget;
    start_budget(&o, SEARCH_SECONDS, SEARCH_MB, &budget);
    ls_explore_options eo = {o.max_paths, o.samples, &budget, o.no_merge, false};
    ls_orders r;
    explore_orders(program, &costs, o.profile, &o.limits, &eo, &r);
    if (!r.bad_input && !r.complete) {
        char why[96];
        fprintf(stderr, "loopsim: the search stopped at %s after %llu run%s: the orders found "
                        "so far are printed\n",
                stopped_words(r.stopped_by, &budget, why, sizeof why),
                (unsigned long long)r.runs, r.runs == 1 ? "" : "s");
    }
    int status = EXIT_OK;
    if (r.bad_input) {
        fprintf(stderr, "%s\n", r.error);
        status = EXIT_BAD_INPUT;
    } else {
        if (o.format == FORMAT_JSON)
            orders_json(o.file, o.profile, &r);
        else
            orders_text(o.file, o.profile, &r);
        if (!r.complete)
            status = EXIT_LIMIT;
    }
    explore_free(&r);
    program_free(program);
    return status;
}

/* ---- loopsim sweep ------------------------------------------------------------------------- */

static void sweep_usage(FILE *f)
{
    fputs("usage: loopsim sweep --vary KEY=FROM:TO:STEP [options] SCENARIO.json\n"
          "\n"
          "Runs the scenario as loopsim run does, once per value of one timing parameter (KEY is a\n"
          "row of loopsim run --help), and prints which order each value gives and where the\n"
          "order flips.  Orders are named A, B, C... as they first appear.\n"
          "\n"
          "options:\n"
          "  --vary KEY=FROM:TO:STEP   the parameter and its values (FROM, FROM+STEP, ... <= TO)\n"
          "  --format text|csv|json    text (default), CSV (value,order,lines) or JSON\n"
          "  --node VERSION, --esm, --cost KEY=MS, --max-callbacks N, --max-time MS\n"
          "                            as for loopsim run\n"
          "  --max-seconds S           stop after S seconds of wall-clock time (default 10) and\n"
          "                            report the values done (exit 3)\n",
          f);
}

static int cmd_sweep(int argc, char **argv)
{
    current_command = "sweep";
    run_options o;
    memset(&o, 0, sizeof o);
    ls_costs costs;
    int rc;
    ls_program *program = setup_command(argc, argv, &o, false, &costs, &rc);
    if (!program)
        return rc;
    if (!o.vary) {
        program_free(program);
        return bad_usage("sweep needs --vary KEY=FROM:TO:STEP%s", "");
    }
    size_t npoints = (size_t)((o.vary_to - o.vary_from) / o.vary_step + 1e-9) + 1;
    int *point_order = calloc(npoints, sizeof *point_order);
    ls_orders seen; /* the distinct orders, in order of appearance */
    memset(&seen, 0, sizeof seen);
    int status = EXIT_OK;
    ls_budget budget;
    start_budget(&o, SEARCH_SECONDS, SEARCH_MB, &budget);
    ls_limits bounded = o.limits;
    bounded.budget = &budget;
    size_t wanted = npoints;
    for (size_t i = 0; i < npoints && point_order; i++) {
        double v = o.vary_from + (double)i * o.vary_step;
        *costs_field(&costs, o.vary) = cost_point(v);
        ls_engine *e = engine_new(program, &costs, o.profile, &bounded);
        int code = engine_run(e);
        if (e->stop == STOP_BUDGET) { /* cut short: the values before it are reported */
            engine_free(e);
            npoints = i;
            break;
        }
        if (e->stop == STOP_BAD_INPUT) {
            fprintf(stderr, "%s\n", e->stop_message);
            engine_free(e);
            status = EXIT_BAD_INPUT;
            break;
        }
        char *lines, *ending;
        size_t len;
        explore_run_key(e, code, &lines, &len, &ending);
        engine_free(e);
        size_t k = 0;
        while (k < seen.n && !(seen.orders[k].len == len &&
                               memcmp(seen.orders[k].lines, lines, len) == 0 &&
                               strcmp(seen.orders[k].ending, ending) == 0))
            k++;
        if (k == seen.n) {
            seen.orders = realloc(seen.orders, (seen.n + 1) * sizeof *seen.orders);
            if (!seen.orders)
                abort();
            memset(&seen.orders[k], 0, sizeof seen.orders[k]);
            seen.orders[k].lines = lines;
            seen.orders[k].len = len;
            seen.orders[k].ending = ending;
            seen.orders[k].exit_code = code;
            seen.n++;
        } else {
            free(lines);
            free(ending);
        }
        seen.orders[k].samples++;
        point_order[i] = (int)k;
        if (i + 1 < npoints && budget_spent(&budget)) {
            npoints = i + 1;
            break;
        }
    }
    if (status == EXIT_OK && npoints < wanted) {
        char why[96];
        fprintf(stderr, "loopsim: sweep stopped at %s after %zu of %zu values: the values "
                        "done are reported\n",
                stopped_words(budget.state == BUDGET_MEMORY ? STOPPED_MEMORY : STOPPED_TIME,
                              &budget, why, sizeof why), npoints, wanted);
        status = EXIT_LIMIT;
    }
    if (status != EXIT_BAD_INPUT && point_order && npoints > 0) {
        const char *key = o.vary->key;
        if (o.csv) {
            printf("%s,order,lines\n", key);
            for (size_t i = 0; i < npoints; i++) {
                const ls_order *x = &seen.orders[point_order[i]];
                printf("%.6g,%c,\"", o.vary_from + (double)i * o.vary_step, 'A' + point_order[i] % 26);
                for (size_t c = 0; c < x->len; c++) {
                    char ch = x->lines[c];
                    if (ch == '\n')
                        printf(c + 1 < x->len ? " | " : "");
                    else if (ch == '"')
                        printf("\"\"");
                    else
                        putchar(ch);
                }
                printf("\"\n");
            }
        } else if (o.format == FORMAT_JSON) {
            printf("{\"parameter\": ");
            out_json_string(stdout, key);
            printf(", \"points\": [");
            for (size_t i = 0; i < npoints; i++)
                printf("%s{\"value\": %.6g, \"order\": \"%c\"}", i ? ", " : "",
                       o.vary_from + (double)i * o.vary_step, 'A' + point_order[i] % 26);
            printf("],\n \"flips\": [");
            const char *sep = "";
            for (size_t i = 1; i < npoints; i++)
                if (point_order[i] != point_order[i - 1]) {
                    printf("%s{\"between\": [%.6g, %.6g], \"from\": \"%c\", \"to\": \"%c\"}", sep,
                           o.vary_from + (double)(i - 1) * o.vary_step,
                           o.vary_from + (double)i * o.vary_step, 'A' + point_order[i - 1] % 26,
                           'A' + point_order[i] % 26);
                    sep = ", ";
                }
            printf("],\n \"orders\": {");
            for (size_t k = 0; k < seen.n; k++) {
                printf("%s\n  \"%c\": ", k ? "," : "", 'A' + (int)k % 26);
                out_json_lines(stdout, seen.orders[k].lines, seen.orders[k].len);
            }
            printf("\n}}\n");
        } else {
            printf("%s: %zu value%s of %s from %g to %g, %zu order%s\n", o.file, npoints,
                   npoints == 1 ? "" : "s", key, o.vary_from, o.vary_to, seen.n,
                   seen.n == 1 ? "" : "s");
            /* runs of equal orders, as ranges */
            for (size_t i = 0; i < npoints;) {
                size_t j = i;
                while (j + 1 < npoints && point_order[j + 1] == point_order[i])
                    j++;
                printf("  %s %-10g to %-10g order %c\n", key, o.vary_from + (double)i * o.vary_step,
                       o.vary_from + (double)j * o.vary_step, 'A' + point_order[i] % 26);
                i = j + 1;
            }
            for (size_t i = 1; i < npoints; i++)
                if (point_order[i] != point_order[i - 1])
                    printf("flip: between %s %g and %g, order %c becomes %c\n", key,
                           o.vary_from + (double)(i - 1) * o.vary_step,
                           o.vary_from + (double)i * o.vary_step, 'A' + point_order[i - 1] % 26,
                           'A' + point_order[i] % 26);
            for (size_t k = 0; k < seen.n; k++) {
                const ls_order *x = &seen.orders[k];
                printf("\norder %c (%llu value%s):\n", 'A' + (int)k % 26,
                       (unsigned long long)x->samples, x->samples == 1 ? "" : "s");
                out_print_lines(stdout, x->lines, x->len, "    ");
                if (x->ending[0])
                    out_wrap(stdout, 4, "", x->ending, 100);
            }
        }
    }
    free(point_order);
    explore_free(&seen);
    program_free(program);
    return status;
}

/* ---- loopsim explain ----------------------------------------------------------------------- */

static void explain_usage(FILE *f)
{
    fputs("usage: loopsim explain [options] SCENARIO.json\n"
          "\n"
          "Walks through the run the way quiz articles do: the main script (what it printed, what\n"
          "it queued), the queues when it is done, then each loop iteration and phase with what\n"
          "ran, what it queued and the rule behind the order; the races the order depends on are\n"
          "marked [race] and listed at the end.  Colour on a terminal, unless NO_COLOR is set.\n"
          "\n"
          "options: --node VERSION, --esm, --cost KEY=MS, --max-callbacks N, --max-time MS,\n"
          "         as for loopsim run\n"
          "         --max-seconds S, --max-memory MB: the budget of the search for races\n"
          "         (default 10 s, 2048 MB; stderr says when it ran out)\n",
          f);
}

static bool use_color(void)
{
    const char *no = getenv("NO_COLOR");
    return isatty(fileno(stdout)) && !(no && *no);
}

static int cmd_explain(int argc, char **argv)
{
    current_command = "explain";
    run_options o;
    memset(&o, 0, sizeof o);
    ls_costs costs;
    int rc;
    ls_program *program = setup_command(argc, argv, &o, true, &costs, &rc);
    if (!program)
        return rc;
    ls_budget budget;
    start_budget(&o, SEARCH_SECONDS, SEARCH_MB, &budget);
    ls_explore_options eo = {20000, 1000, &budget, false, false};
    ls_orders orders;
    explore_orders(program, &costs, o.profile, &o.limits, &eo, &orders);
    if (!orders.bad_input && !orders.complete) {
        char why[96];
        fprintf(stderr, "loopsim: the search for the races stopped at %s after %llu run%s: the "
                        "races marked are those it found\n",
                stopped_words(orders.stopped_by, &budget, why, sizeof why),
                (unsigned long long)orders.runs, orders.runs == 1 ? "" : "s");
    }
    int status = EXIT_OK;
    if (orders.bad_input) {
        fprintf(stderr, "%s\n", orders.error);
        status = EXIT_BAD_INPUT;
    } else {
        ls_explain_style style = {use_color(), 100};
        if (explain_run(program, &costs, o.profile, &o.limits, &orders, &style, stdout) < 0)
            status = EXIT_BAD_INPUT;
    }
    explore_free(&orders);
    program_free(program);
    return status;
}

/* ---- loopsim check ------------------------------------------------------------------------- */

static void check_usage(FILE *f)
{
    fputs("usage: loopsim check --answer ANSWER [options] SCENARIO.json\n"
          "\n"
          "Checks a \"what does this print?\" answer.  ANSWER is a file, or - for standard input:\n"
          "the lines in order, one per line, or on one line separated by spaces, commas or ->.\n"
          "The verdict is right (Node always prints it), right only under some timings (when,\n"
          "and how likely), or wrong (where it first differs, what Node prints there, and why);\n"
          "then which Node versions print it.\n"
          "\n"
          "options: --node VERSION (default 20.3+), --esm, --cost KEY=MS|LO:HI,\n"
          "         --max-callbacks N, --max-time MS, as for loopsim run\n"
          "         --max-seconds S, --max-memory MB: the budget of all its searches together\n"
          "         (default 30 s, 2048 MB); what they could not see is \"cannot tell\"\n"
          "\n"
          "exit status: 0 right (always or under some timings), 1 wrong, 2 bad input, 3 cannot\n"
          "tell (the search stopped at a limit, or the program has more than 2097152 orders)\n",
          f);
}

static char *read_answer(const char *path)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!in)
        return NULL;
    char *text = NULL;
    size_t len = 0, cap = 0;
    int c;
    while ((c = fgetc(in)) != EOF) {
        if (len + 1 >= cap) {
            cap = cap ? 2 * cap : 4096;
            char *bigger = realloc(text, cap);
            if (!bigger) {
                free(text);
                if (in != stdin)
                    fclose(in);
                return NULL;
            }
            text = bigger;
        }
        text[len++] = (char)c;
    }
    if (in != stdin)
        fclose(in);
    if (!text)
        text = calloc(1, 1);
    else
        text[len] = '\0';
    return text;
}

static int cmd_check(int argc, char **argv)
{
    current_command = "check";
    const char *answer_path = NULL;
    char *rest[64];
    int nrest = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--answer") == 0) {
            if (i + 1 >= argc)
                return bad_usage("--answer needs a file, or - for standard input%s", "");
            answer_path = argv[++i];
        } else if (nrest < 64) {
            rest[nrest++] = argv[i];
        } else {
            return bad_usage("too many arguments%s", "");
        }
    }
    run_options o;
    memset(&o, 0, sizeof o);
    ls_costs costs;
    int rc;
    ls_program *program = setup_command(nrest, rest, &o, true, &costs, &rc);
    if (!program)
        return rc;
    if (!answer_path) {
        program_free(program);
        return bad_usage("check needs --answer FILE (or --answer - to read standard input)%s", "");
    }
    char *answer = read_answer(answer_path);
    if (!answer) {
        fprintf(stderr, "loopsim: check: cannot read the answer '%s': %s\n", answer_path,
                strerror(errno));
        program_free(program);
        return EXIT_BAD_INPUT;
    }
    ls_budget budget;
    start_budget(&o, CHECK_SECONDS, SEARCH_MB, &budget);
    o.limits.budget = &budget; /* shared by the verdict's search and each version's */
    ls_verdict v = answer_check(program, &costs, o.profile, &o.limits, answer, use_color(),
                                stdout);
    if (budget.state != BUDGET_LEFT && v != VERDICT_BAD_INPUT) {
        char why[96];
        fprintf(stderr, "loopsim: check stopped searching at %s: what it could not see is "
                        "\"cannot tell\"\n",
                stopped_words(budget.state == BUDGET_MEMORY ? STOPPED_MEMORY : STOPPED_TIME,
                              &budget, why, sizeof why));
    }
    free(answer);
    program_free(program);
    return v == VERDICT_BAD_INPUT ? EXIT_BAD_INPUT : v == VERDICT_WRONG ? 1
           : v == VERDICT_UNDECIDED ? EXIT_LIMIT : EXIT_OK;
}

/* loopsim profiles */
static int cmd_profiles(void)
{
    static const struct {
        const char *name;
        size_t offset;
        const char *yes, *no;
    } columns[] = {
        {"drains", offsetof(ls_profile, drain_per_callback), "after each timer and immediate",
         "after a whole batch (a duration list, the immediate queue)"},
        {"timer handles", offsetof(ls_profile, timer_per_list), "one libuv timer per list",
         "one libuv timer for all"},
        {"fractional delay", offsetof(ls_profile, fractional_lists), "its own list",
         "truncated (1.7 is in the 1 ms list)"},
        {"await of a promise", offsetof(ls_profile, await_direct), "1 job", "3 jobs"},
        {"queueMicrotask", offsetof(ls_profile, has_queue_microtask), "yes", "not defined"},
        {"poll wait", offsetof(ls_profile, poll_idle_metrics),
         "counted from the loop time it was computed with (UV_METRICS_IDLE_TIME)",
         "in full, from when the poll phase starts"},
        {"timers phase", offsetof(ls_profile, loop_timers_at_end),
         "before the loop and at the end of each iteration (libuv >= 1.45)",
         "at the start of each iteration (libuv < 1.45)"},
        {"unhandled rejection", offsetof(ls_profile, unhandled_rejections_throw),
         "uncaught exception, exit code 1", "a warning, the process goes on"},
    };
    static const char *esm_entry[] = {"needs --experimental-modules (refused)",
                                      "evaluated from the first poll phase",
                                      "evaluated before the loop"};
    for (size_t i = 0; i < ls_profile_count; i++) {
        const ls_profile *p = &ls_profiles[i];
        printf("%s%s: Node %s to %s%s\n", i ? "\n" : "", p->id, p->first, p->last,
               p == profile_default() ? " (the default)" : "");
        for (size_t c = 0; c < sizeof columns / sizeof columns[0]; c++) {
            bool v = *(const bool *)((const char *)p + columns[c].offset);
            printf("  %-20s %s\n", columns[c].name, v ? columns[c].yes : columns[c].no);
        }
        printf("  %-20s %s\n", "ES-module entry", esm_entry[p->esm_entry]);
    }
    puts("\ndocs/node-versions.md gives the source of each difference and a scenario that shows it.");
    return EXIT_OK;
}

static int cmd_emit_js(int argc, char **argv)
{
    const char *file = NULL;
    bool esm = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs("usage: loopsim emit-js [--node VERSION] [--esm] SCENARIO.json\n"
                  "Prints a standalone CommonJS program that does what the scenario describes; run\n"
                  "it with node to see what real Node prints (tools/record-expected does this).\n"
                  "The program is the same for every version; --node only checks the version.\n",
                  stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--esm") == 0) {
            esm = true;
        } else if (strcmp(argv[i], "--node") == 0 && i + 1 < argc) {
            const ls_profile *profile;
            int rc = parse_node_option(argv[++i], &profile);
            if (rc)
                return rc;
        } else if (!file && argv[i][0] != '-') {
            file = argv[i];
        } else {
            return bad_usage("emit-js: unexpected argument '%s'", argv[i]);
        }
    }
    if (!file)
        return bad_usage("emit-js takes one scenario%s", "");
    ls_program *program = load(file);
    if (!program)
        return EXIT_BAD_INPUT;
    if (esm)
        program->esm = true;
    int rc = emit_js(program, stdout);
    program_free(program);
    if (rc != 0) {
        fprintf(stderr, "loopsim: %s: part of the scenario has no JavaScript form (see the "
                        "comments in the output)\n", file);
        return EXIT_BAD_INPUT;
    }
    return EXIT_OK;
}

static int cmd_gen(int argc, char **argv)
{
    double seed = -1, size = 60;
    const char *size_arg = "60";
    const ls_profile *profile = profile_default();
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs("usage: loopsim gen --seed S [--size N] [--node VERSION]\n"
                  "Prints a random scenario (about N operations, default 60) built so that real\n"
                  "Node prints one order; the same seed gives the same scenario everywhere.\n"
                  "With --node, only what that version has is used (no queueMicrotask on 10).\n",
                  stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--node") == 0 && i + 1 < argc) {
            int rc = parse_node_option(argv[++i], &profile);
            if (rc)
                return rc;
            if (!profile)
                return bad_usage("gen: --node all makes no sense here; name one version%s", "");
        } else if ((strcmp(argv[i], "--seed") == 0 || strcmp(argv[i], "--size") == 0) &&
                   i + 1 < argc) {
            double v;
            if (!parse_double(argv[i + 1], &v) || v < 0 || v > 1e15 || v != (double)(long long)v)
                return bad_usage("gen: expected a whole number >= 0, found '%s'", argv[i + 1]);
            if (strcmp(argv[i], "--seed") == 0) {
                seed = v;
            } else {
                size = v;
                size_arg = argv[i + 1];
            }
            i++;
        } else {
            return bad_usage("gen: unknown argument '%s' (loopsim gen --seed S [--size N])",
                             argv[i]);
        }
    }
    if (seed < 0)
        return bad_usage("gen needs --seed S%s", "");
    if (size < 1 || size > 500)
        return bad_usage("gen: --size must be from 1 to 500, found '%s'", size_arg);
    return gen_scenario((uint64_t)seed, (int)size, profile, stdout) == 0 ? EXIT_OK
                                                                        : EXIT_BAD_INPUT;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_BAD_INPUT;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        if (argc > 2 && strcmp(argv[2], "run") == 0)
            run_usage(stdout);
        else
            usage(stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("loopsim %s (models Node.js %s and later by default; loopsim profiles lists the "
               "others)\n", LOOPSIM_VERSION, profile_default()->first);
        return EXIT_OK;
    }
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 2, argv + 2);
    if (strcmp(cmd, "emit-js") == 0)
        return cmd_emit_js(argc - 2, argv + 2);
    if (strcmp(cmd, "gen") == 0)
        return cmd_gen(argc - 2, argv + 2);
    if (strcmp(cmd, "profiles") == 0)
        return cmd_profiles();
    if (strcmp(cmd, "orders") == 0)
        return cmd_orders(argc - 2, argv + 2);
    if (strcmp(cmd, "sweep") == 0)
        return cmd_sweep(argc - 2, argv + 2);
    if (strcmp(cmd, "explain") == 0)
        return cmd_explain(argc - 2, argv + 2);
    if (strcmp(cmd, "check") == 0)
        return cmd_check(argc - 2, argv + 2);
    fprintf(stderr, "loopsim: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_BAD_INPUT;
}
