/* main.c - the loopsim command line: `run` a scenario through the event-loop model, or
 * `emit-js` the equivalent Node program. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit_js.h"
#include "engine.h"
#include "gen.h"
#include "loader.h"

#ifndef LOOPSIM_VERSION
#define LOOPSIM_VERSION "0.0.0"
#endif

enum { EXIT_OK = 0, EXIT_BAD_INPUT = 2, EXIT_LIMIT = 3 };

#define DEFAULT_MAX_CALLBACKS 1000000ULL
#define DEFAULT_MAX_TIME_MS 3600000.0

static void usage(FILE *f)
{
    fputs("usage: loopsim run [options] SCENARIO.json\n"
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
          "  emit-js   print the equivalent CommonJS program, to run on real node\n"
          "  profiles  list the Node version profiles and how they differ\n"
          "  gen       print a random scenario whose order real Node prints deterministically\n"
          "            (for tools/fuzz-diff; docs/differential-testing.md)\n"
          "\n"
          "exit status: 0 the run reached the end, 2 bad input or usage, 3 stopped at a limit\n"
          "docs: README.md, docs/scenario-format.md, docs/timing-model.md, docs/model.md\n",
          f);
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
          "\n"
          "timing parameters (ms; a scenario's \"timing\" object sets them too):\n",
          f);
    for (size_t i = 0; i < ls_cost_count; i++)
        fprintf(f, "  %-16s %8g  %s\n", ls_cost_table[i].key, ls_cost_table[i].def,
                ls_cost_table[i].doc);
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

static int bad_usage(const char *fmt, const char *arg)
{
    fputs("loopsim: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'loopsim run --help'.\n", stderr);
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
        double ms;
    } costs[64];
    size_t ncosts;
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

static int parse_run_options(int argc, char **argv, run_options *o)
{
    o->format = FORMAT_TEXT;
    o->profile = profile_default();
    o->limits.max_callbacks = DEFAULT_MAX_CALLBACKS;
    o->limits.max_time_ns = clock_ms_to_ns(DEFAULT_MAX_TIME_MS);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *value = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            run_usage(stdout);
            return -1;
        } else if (strcmp(a, "--trace") == 0) {
            o->trace = true;
        } else if (strcmp(a, "--esm") == 0) {
            o->esm = true;
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
                else
                    return bad_usage("--format expects text or json, found '%s'", value);
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
                double ms;
                if (!parse_double(eq + 1, &ms) || costs_check(info, ms))
                    return bad_usage("--cost: bad value in '%s' (see loopsim run --help)", value);
                if (o->ncosts == sizeof o->costs / sizeof o->costs[0])
                    return bad_usage("too many --cost options%s", "");
                o->costs[o->ncosts].info = info;
                o->costs[o->ncosts].ms = ms;
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
                                          "--max-time", "--node", "--esm", "--help"};
            for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
                if (edit_distance(a, known[k]) <= 2) {
                    fprintf(stderr, "loopsim: unknown option '%s'; did you mean '%s'?\n", a,
                            known[k]);
                    fputs("Try 'loopsim run --help'.\n", stderr);
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
        *costs_field(&run_costs, o->costs[i].info) = o->costs[i].ms;
    const ls_costs *costs = &run_costs;
    FILE *out = open_memstream(&r->out, &r->out_len);
    FILE *err = open_memstream(&r->err, &r->err_len);
    FILE *lines = open_memstream(&r->lines, &r->lines_len);
    if (!out || !err || !lines) {
        fputs("loopsim: out of memory\n", stderr);
        abort();
    }
    ls_engine *e = engine_new(program, costs, profile, &o->limits);
    e->out.recording = o->trace || o->format == FORMAT_JSON;
    int node_exit = engine_run(e);
    r->status = EXIT_OK;
    if (e->stop == STOP_BAD_INPUT) {
        fprintf(err, "%s\n", e->stop_message);
        r->status = EXIT_BAD_INPUT;
    } else {
        out_render(e, out, o->format, o->trace);
        out_render(e, lines, FORMAT_TEXT, false);
        switch (e->stop) {
        case STOP_CALLBACK_LIMIT:
        case STOP_TIME_LIMIT:
        case STOP_HANG:
            fprintf(err, "loopsim: stopped at %.3f ms of virtual time after %llu callbacks: %s\n",
                    (double)e->clock.now_ns / 1e6, (unsigned long long)e->callbacks_run,
                    e->stop_message);
            r->status = EXIT_LIMIT;
            break;
        case STOP_FATAL:
            fprintf(err, "loopsim: node would print on stderr: %s\n", e->stop_message);
            fprintf(err, "loopsim: the process exits with code %d\n", node_exit);
            break;
        default:
            if (node_exit != 0)
                fprintf(err, "loopsim: the process exits with code %d\n", node_exit);
            break;
        }
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
        status = r.status;
        free(r.out);
        free(r.err);
        free(r.lines);
    }
    program_free(program);
    return status;
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
    fprintf(stderr, "loopsim: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_BAD_INPUT;
}
