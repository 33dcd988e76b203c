/* main.c - the loopsim command line: `run` a scenario through the event-loop model, or
 * `emit-js` the equivalent Node program. */
#include <errno.h>
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
          "       loopsim emit-js SCENARIO.json\n"
          "       loopsim gen --seed S [--size N]\n"
          "       loopsim --help | --version\n"
          "\n"
          "Prints, in order, what the Node.js program that SCENARIO describes prints, by running\n"
          "it through a model of Node's event loop (Node 20.3+) on a virtual clock.\n"
          "\n"
          "commands:\n"
          "  run       run the scenario and print its console.log lines (see loopsim run --help)\n"
          "  emit-js   print the equivalent CommonJS program, to run on real node\n"
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
    struct {
        const ls_cost_info *info;
        double ms;
    } costs[64];
    size_t ncosts;
} run_options;

static int parse_run_options(int argc, char **argv, run_options *o)
{
    o->format = FORMAT_TEXT;
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
        } else if (strcmp(a, "--format") == 0 || strcmp(a, "--cost") == 0 ||
                   strcmp(a, "--max-callbacks") == 0 || strcmp(a, "--max-time") == 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            value = argv[++i];
            if (strcmp(a, "--format") == 0) {
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
    ls_costs costs = program->costs;
    for (size_t i = 0; i < o.ncosts; i++)
        *costs_field(&costs, o.costs[i].info) = o.costs[i].ms;

    ls_engine *e = engine_new(program, &costs, profile_default(), &o.limits);
    e->out.recording = o.trace || o.format == FORMAT_JSON;
    int node_exit = engine_run(e);
    int status = EXIT_OK;
    if (e->stop == STOP_BAD_INPUT) {
        fprintf(stderr, "%s\n", e->stop_message);
        status = EXIT_BAD_INPUT;
    } else {
        out_render(e, stdout, o.format, o.trace);
        fflush(stdout);
        switch (e->stop) {
        case STOP_CALLBACK_LIMIT:
        case STOP_TIME_LIMIT:
        case STOP_HANG:
            fprintf(stderr, "loopsim: stopped at %.3f ms of virtual time after %llu callbacks: "
                            "%s\n",
                    (double)e->clock.now_ns / 1e6, (unsigned long long)e->callbacks_run,
                    e->stop_message);
            status = EXIT_LIMIT;
            break;
        case STOP_FATAL:
            fprintf(stderr, "loopsim: node would print on stderr: %s\n", e->stop_message);
            fprintf(stderr, "loopsim: the process exits with code %d\n", node_exit);
            break;
        default:
            if (node_exit != 0)
                fprintf(stderr, "loopsim: the process exits with code %d\n", node_exit);
            break;
        }
    }
    engine_free(e);
    program_free(program);
    return status;
}

static int cmd_emit_js(int argc, char **argv)
{
    if (argc == 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
        fputs("usage: loopsim emit-js SCENARIO.json\n"
              "Prints a standalone CommonJS program that does what the scenario describes; run\n"
              "it with node to see what real Node prints (tools/record-expected does this).\n",
              stdout);
        return EXIT_OK;
    }
    if (argc != 1)
        return bad_usage("emit-js takes one scenario%s", "");
    ls_program *program = load(argv[0]);
    if (!program)
        return EXIT_BAD_INPUT;
    int rc = emit_js(program, stdout);
    program_free(program);
    if (rc != 0) {
        fprintf(stderr, "loopsim: %s: part of the scenario has no JavaScript form (see the "
                        "comments in the output)\n", argv[0]);
        return EXIT_BAD_INPUT;
    }
    return EXIT_OK;
}

static int cmd_gen(int argc, char **argv)
{
    double seed = -1, size = 60;
    const char *size_arg = "60";
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs("usage: loopsim gen --seed S [--size N]\n"
                  "Prints a random scenario (about N operations, default 60) built so that real\n"
                  "Node prints one order; the same seed gives the same scenario everywhere.\n",
                  stdout);
            return EXIT_OK;
        }
        if ((strcmp(argv[i], "--seed") == 0 || strcmp(argv[i], "--size") == 0) && i + 1 < argc) {
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
    return gen_scenario((uint64_t)seed, (int)size, stdout) == 0 ? EXIT_OK : EXIT_BAD_INPUT;
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
        printf("loopsim %s (models Node.js %s)\n", LOOPSIM_VERSION, profile_default()->versions);
        return EXIT_OK;
    }
    if (strcmp(cmd, "run") == 0)
        return cmd_run(argc - 2, argv + 2);
    if (strcmp(cmd, "emit-js") == 0)
        return cmd_emit_js(argc - 2, argv + 2);
    if (strcmp(cmd, "gen") == 0)
        return cmd_gen(argc - 2, argv + 2);
    fprintf(stderr, "loopsim: unknown command '%s'\n", cmd);
    usage(stderr);
    return EXIT_BAD_INPUT;
}
