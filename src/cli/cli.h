/* cli.h - what loopsim's subcommands share: the exit codes, the options of run and of the
 * commands built on it (orders, sweep, explain, check), and their parsing.
 *
 * The command line is one file per subcommand (cmd_*.c), as git's builtin/ is, and main.c's
 * table maps a command's name to its function and usage: the commands sit on the search
 * (src/search/explore.h, answer.h, explain.h) and the simulated process (src/process/engine.h), and nothing
 * below includes this folder.
 */
#ifndef LOOPSIM_CLI_H
#define LOOPSIM_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "budget.h"
#include "engine.h"
#include "explore.h"
#include "fanout.h"
#include "program.h"

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

typedef struct {
    const char *file;
    bool trace;
    ls_out_format format;
    ls_limits limits;
    const ls_profile *profile; /* NULL with --node all and --env all */
    bool env_given;            /* --env or --node: the command line names the environment */
    bool env_all;              /* run --env all: every Node profile and the browser */
    bool esm;                  /* --esm: run the main script as an ES module */
    struct {
        const ls_cost_info *info;
        ls_cost cost;
    } costs[64];
    size_t ncosts;
    double slower;            /* --slower K: every cost K times as long (1: as set) */
    /* orders */
    uint64_t max_paths;
    uint64_t samples;
    bool no_merge;
    bool no_note;             /* run: no search for other orders after the output */
    int jobs;                 /* orders, sweep: processes (--jobs; 0: one per processor) */
    /* the budget of the command's search (budget.h); < 0: the command's default */
    double max_seconds;
    double max_memory_mb;
    /* sweep */
    const ls_cost_info *vary;
    double vary_from, vary_to, vary_step;
    bool csv;
} run_options;

/* The subcommand being parsed, for "Try 'loopsim CMD --help'". */
extern const char *current_command;

/* A usage error: "loopsim: " fmt (with arg), the help hint; returns EXIT_BAD_INPUT. */
int bad_usage(const char *fmt, const char *arg);
bool parse_double(const char *s, double *out);
size_t edit_distance(const char *a, const char *b);
/* --node VERSION|all (all: *out = NULL) */
int parse_node_option(const char *value, const ls_profile **out);
/* The options of run, orders, sweep, explain and check (current_command says which apply);
 * 0, -1 after --help, or an exit status. */
int parse_run_options(int argc, char **argv, run_options *o);
/* After load: the environment the program asks for (an .html page, JSON "env": "browser")
 * when the command line names none; 0, or an exit status after saying why (a page under
 * Node). */
int settle_env(run_options *o, const ls_program *program);
/* The program; `esm` (--esm) runs it as an ES module whatever its file's name says; NULL
 * after printing why. */
ls_program *load(const char *file, bool esm);
/* The costs runs of `program` start from, with the --cost options. */
ls_costs options_costs(const ls_program *program, const ls_profile *profile, const run_options *o);
/* The command's search budget: --max-seconds/--max-memory, else the defaults. */
void start_budget(const run_options *o, double default_seconds, double default_mb, ls_budget *b);
/* What stopped a search, in the words of its option. */
const char *stopped_words(ls_stopped_by by, const ls_budget *b, char *buf, size_t size);
/* orders, sweep, explain and check: run's options, one profile, the program and its costs. */
ls_program *setup_command(int argc, char **argv, run_options *o, bool text_only, ls_costs *costs,
                          int *rc);
/* The usage of a command (main.c's table), for --help. */
void command_usage(const char *name, FILE *f);
/* Whether explain and check colour their output (a terminal, NO_COLOR unset). */
bool use_color(void);

/* explain --format svg|html and run --format svg: the search for races, then the timeline or
 * the step-through page on stdout (picture.h); an exit status. */
int draw_timeline(const run_options *o, const ls_program *program, const ls_costs *costs);

/* The progress line of long work on a terminal (progress.c): nothing when stderr is not one. */
typedef struct {
    const char *what;   /* "loopsim orders" */
    bool on;            /* stderr is a terminal */
    bool shown;         /* a line is on the screen */
    double start, last, after;
} cli_progress;
void progress_start(cli_progress *p, const char *what);
/* True when a line is due now (rate-limited; never before `after` seconds). */
bool progress_due(cli_progress *p);
double progress_elapsed(const cli_progress *p);
void progress_show(cli_progress *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Erases the line, if one was shown: call before printing the result. */
void progress_done(cli_progress *p);
/* The callbacks for explore.h's options (ctx: a cli_progress) and engine.h's limits. */
void progress_search(void *ctx, const struct ls_orders_s *so_far, uint64_t samples_wanted);
void progress_run(void *ctx, uint64_t callbacks, double clock_ms);
/* check's (answer.h's ls_check_options) */
void progress_versions(void *ctx, size_t done, size_t total);
void progress_quiet(void *ctx);

/* the commands (cmd_*.c) */
int cmd_run(int argc, char **argv);
int cmd_orders(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_emit_js(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_profiles(int argc, char **argv);
void run_usage(FILE *f);
void orders_usage(FILE *f);
void sweep_usage(FILE *f);
void explain_usage(FILE *f);
void check_usage(FILE *f);

#endif
