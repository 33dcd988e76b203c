/* options.c - the options run, orders, sweep, explain and check share, and their parsing; see
 * cli.h. */
#include "cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool parse_double(const char *s, double *out)
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
size_t edit_distance(const char *a, const char *b)
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

const char *current_command = "run";

int bad_usage(const char *fmt, const char *arg)
{
    fputs("loopsim: ", stderr);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'loopsim %s --help'.\n", current_command);
    return EXIT_BAD_INPUT;
}

/* --node VERSION|all */
int parse_node_option(const char *value, const ls_profile **out)
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

/* The formats each command writes (the others: text and json; setup_command refuses json
 * where it does not apply). */
static const struct {
    const char *command;
    const char *formats[3];
    const char *words;
} FORMATS[] = {
    {"run", {"text", "json", "svg"}, "text, json or svg"},
    {"orders", {"text", "json", "svg"}, "text, json or svg"},
    {"sweep", {"text", "csv", "json"}, "text, csv or json"},
    {"explain", {"text", "svg", "html"}, "text, svg or html"},
    {"check", {"text", NULL, NULL}, "text"},
};

static int parse_format(const char *value, run_options *o)
{
    const char *const *formats = (const char *const[]){"text", "json", NULL};
    const char *words = "text or json";
    for (size_t i = 0; i < sizeof FORMATS / sizeof FORMATS[0]; i++)
        if (strcmp(FORMATS[i].command, current_command) == 0) {
            formats = FORMATS[i].formats;
            words = FORMATS[i].words;
        }
    for (size_t i = 0; i < 3 && formats[i]; i++) {
        if (strcmp(formats[i], value) != 0)
            continue;
        if (strcmp(value, "csv") == 0)
            o->csv = true;
        else
            o->format = strcmp(value, "json") == 0   ? FORMAT_JSON
                        : strcmp(value, "svg") == 0  ? FORMAT_SVG
                        : strcmp(value, "html") == 0 ? FORMAT_HTML
                                                     : FORMAT_TEXT;
        return 0;
    }
    char msg[96];
    snprintf(msg, sizeof msg, "--format expects %s, found '%%s'", words);
    return bad_usage(msg, value);
}

/* --env node|browser|all: Node (the default; --node names the version), a page in the
 * browser, or (run only) every Node profile and the browser */
static int parse_env(const char *value, bool *browser, bool *all)
{
    bool run = strcmp(current_command, "run") == 0;
    if (strcmp(value, "node") == 0 || strcmp(value, "browser") == 0 ||
        (run && strcmp(value, "all") == 0)) {
        *browser = strcmp(value, "browser") == 0;
        *all = strcmp(value, "all") == 0;
        return 0;
    }
    return bad_usage(run ? "--env expects node, browser or all, found '%s'"
                         : "--env expects node or browser, found '%s'", value);
}

int parse_run_options(int argc, char **argv, run_options *o)
{
    bool browser = false, node_given = false, all = false;
    o->max_seconds = o->max_memory_mb = -1;
    o->slower = 1;
    o->format = FORMAT_TEXT;
    o->profile = profile_default();
    o->limits.max_callbacks = DEFAULT_MAX_CALLBACKS;
    o->limits.max_time_ns = clock_ms_to_ns(DEFAULT_MAX_TIME_MS);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *value = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            command_usage(current_command, stdout);
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
        } else if (strcmp(a, "--jobs") == 0 && strcmp(current_command, "run") != 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            value = argv[++i];
            double n;
            if (!parse_double(value, &n) || n < 1 || n > 64 || n != (double)(long long)n)
                return bad_usage("--jobs expects a whole number of processes from 1 to 64, "
                                 "found '%s'", value);
            o->jobs = (int)n;
        } else if (strcmp(a, "--seed") == 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            value = argv[++i];
            double n;
            if (!parse_double(value, &n) || n < 0 || n > 9007199254740991.0 ||
                n != (double)(long long)n)
                return bad_usage("--seed expects a whole number from 0 to 2^53-1, found '%s'",
                                 value);
            o->limits.random_seed = (uint64_t)n;
        } else if (strcmp(a, "--no-merge") == 0 && strcmp(current_command, "orders") == 0) {
            o->no_merge = true;
        } else if (strcmp(a, "--no-note") == 0 && strcmp(current_command, "run") == 0) {
            o->no_note = true;
        } else if (strcmp(a, "--vary") == 0 && strcmp(current_command, "sweep") == 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            int rc = parse_vary(argv[++i], o);
            if (rc)
                return rc;
        } else if (strcmp(a, "--slower") == 0) {
            double k;
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            value = argv[++i];
            if (!parse_double(value, &k) || k < 1 || k > 100)
                return bad_usage("--slower expects a factor from 1 to 100, found '%s'", value);
            o->slower = k;
        } else if (strcmp(a, "--format") == 0 || strcmp(a, "--cost") == 0 ||
                   strcmp(a, "--max-callbacks") == 0 || strcmp(a, "--max-time") == 0 ||
                   strcmp(a, "--node") == 0 || strcmp(a, "--env") == 0) {
            if (i + 1 >= argc)
                return bad_usage("%s needs a value", a);
            value = argv[++i];
            if (strcmp(a, "--env") == 0) {
                int rc = parse_env(value, &browser, &all);
                if (rc)
                    return rc;
                o->env_given = true;
            } else if (strcmp(a, "--node") == 0) {
                int rc = parse_node_option(value, &o->profile);
                if (rc)
                    return rc;
                node_given = o->env_given = true;
            } else if (strcmp(a, "--format") == 0) {
                int rc = parse_format(value, o);
                if (rc)
                    return rc;
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
                                          "--max-seconds", "--max-memory", "--no-note",
                                          "--no-merge", "--seed", "--slower", "--env",
                                          "--jobs"};
            for (size_t k = 0; k < sizeof known / sizeof known[0]; k++)
                if (strcmp(a, known[k]) == 0) {
                    fprintf(stderr, "loopsim: %s is not an option of loopsim %s\n", a,
                            current_command);
                    fprintf(stderr, "Try 'loopsim %s --help'.\n", current_command);
                    return EXIT_BAD_INPUT;
                }
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
    if ((browser || all) && node_given)
        return bad_usage("--node names a Node version, and --env %s: give one of them",
                         all ? "all runs every version and the browser"
                             : "browser runs the program in a browser");
    if (all) {
        o->env_all = true;
        o->profile = NULL;
    }
    if (browser) {
        if (node_given)
            return bad_usage("--node names a Node version, and --env browser runs the program "
                             "in a browser: give one of them%s", "");
        if (o->format == FORMAT_SVG || o->format == FORMAT_HTML)
            return bad_usage("--format svg and html draw Node's loop; loopsim has no pictures of "
                             "the browser's yet (--env browser)%s", "");
        o->profile = profile_browser_default();
    }
    return 0;
}

int settle_env(run_options *o, const ls_program *program)
{
    if (program->browser && !o->env_given) {
        /* an .html page, or JSON "env": "browser": as --env browser */
        if (o->format == FORMAT_SVG || o->format == FORMAT_HTML)
            return bad_usage("--format svg and html draw Node's loop; loopsim has no pictures "
                             "of the browser's yet (the program asks for the browser)%s", "");
        o->profile = profile_browser_default();
    }
    if (program->html && (!o->profile || !o->profile->is_browser)) {
        fprintf(stderr, "%s:1:1: error: an HTML page runs in a browser, not in Node: %s\n",
                o->file, o->env_all ? "--env all runs Node too (give --env browser)"
                                    : "leave out --node and --env node (or give --env browser)");
        return EXIT_BAD_INPUT;
    }
    return 0;
}

/* The program; `esm` (--esm) runs it as an ES module whatever its file's name says. */
ls_program *load(const char *file, bool esm)
{
    char *error = NULL;
    ls_program *p = program_load_file_as(file, esm, &error);
    if (!p) {
        fputs(error ? error : "loopsim: could not load the scenario\n", stderr);
        free(error);
    }
    return p;
}

ls_costs options_costs(const ls_program *program, const ls_profile *profile,
                              const run_options *o)
{
    ls_costs costs = engine_default_costs(program, profile);
    for (size_t i = 0; i < o->ncosts; i++)
        *costs_field(&costs, o->costs[i].info) = o->costs[i].cost;
    if (o->slower != 1)
        costs_scale(&costs, o->slower);
    return costs;
}

/* The command's budget (budget.h): --max-seconds and --max-memory, else the command's defaults.
 * With LOOPSIM_NO_TIME_BUDGET set (the test suite), the default time is unlimited, so that
 * machine speed decides nothing there. */
void start_budget(const run_options *o, double default_seconds, double default_mb,
                         ls_budget *b)
{
    const char *no_time = getenv("LOOPSIM_NO_TIME_BUDGET");
    if (no_time && *no_time && strcmp(no_time, "0") != 0)
        default_seconds = 0;
    budget_start(b, o->max_seconds >= 0 ? o->max_seconds : default_seconds,
                 o->max_memory_mb >= 0 ? o->max_memory_mb : default_mb);
}

/* "the time budget (--max-seconds 10)": what stopped a search, in the words of its option. */
const char *stopped_words(ls_stopped_by by, const ls_budget *b, char *buf, size_t size)
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

/* The start orders, sweep, explain and check share: run's options, one profile (not 'all'), no
 * --trace, the program loaded and the costs its runs start from.  NULL when the command is
 * over already, *rc saying how (0 after --help).  `text_only`: no --format json. */
ls_program *setup_command(int argc, char **argv, run_options *o, bool text_only,
                                 ls_costs *costs, int *rc)
{
    int r = parse_run_options(argc, argv, o);
    if (r != 0) {
        *rc = r < 0 ? EXIT_OK : r;
        return NULL;
    }
    if (o->trace || !o->profile || (text_only && o->format == FORMAT_JSON)) {
        *rc = bad_usage(text_only ? "%s takes neither --trace, --format nor --node all (name one "
                                    "version)"
                                  : "%s takes neither --trace nor --node all (name one version)",
                        current_command);
        return NULL;
    }
    ls_program *program = load(o->file, o->esm);
    if (!program) {
        *rc = EXIT_BAD_INPUT;
        return NULL;
    }
    int env_rc = settle_env(o, program);
    if (env_rc) {
        program_free(program);
        *rc = env_rc;
        return NULL;
    }
    *costs = options_costs(program, o->profile, o);
    return program;
}

bool use_color(void)
{
    const char *no = getenv("NO_COLOR");
    return isatty(fileno(stdout)) && !(no && *no);
}
