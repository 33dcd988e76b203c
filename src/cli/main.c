/* main.c - the loopsim command line: a table of subcommands (one file each, cmd_*.c), as
 * git's builtin/ is laid out.
 *
 *   run       a scenario's output under the timing model (cmd_run.c)
 *   orders    every order it can print, when, and how likely (cmd_orders.c)
 *   sweep     the order across a range of one timing parameter (cmd_sweep.c)
 *   check     a "what does it print?" answer checked (cmd_check.c)
 *   explain   the run walked phase by phase (cmd_explain.c)
 *   emit-js   the JavaScript a JSON scenario stands for (cmd_emit_js.c)
 *   profiles  the Node version profiles (cmd_profiles.c)
 *   gen       a random scenario for differential testing (cmd_gen.c)
 */
#include "cli.h"
#include "version.h"

#include <stdio.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: loopsim run [options] PROGRAM\n"
          "       loopsim orders [options] PROGRAM\n"
          "       loopsim sweep --vary KEY=FROM:TO:STEP [options] PROGRAM\n"
          "       loopsim check --answer FILE|- [options] PROGRAM\n"
          "       loopsim explain [options] PROGRAM\n"
          "       loopsim emit-js [--node VERSION] PROGRAM\n"
          "       loopsim gen --seed S [--size N] [--node VERSION]\n"
          "       loopsim profiles\n"
          "       loopsim --help | --version\n"
          "\n"
          "Prints, in order, what the Node.js program PROGRAM prints, by running it through a\n"
          "model of Node's event loop on a virtual clock.  PROGRAM is a JavaScript file as\n"
          "written (.js or .cjs: CommonJS; .mjs: an ES module) or a JSON scenario\n"
          "(docs/scenario-format.md).  The Node version modelled is 20's latest unless\n"
          "--node VERSION names another (loopsim profiles lists them).\n"
          "\n"
          "commands:\n"
          "  run       run the program and print its console.log lines (see loopsim run --help)\n"
          "  orders    every order it can print under the timing model, when, and how likely\n"
          "  sweep     the order it prints across a range of one timing parameter\n"
          "  check     check a \"what does it print?\" answer: right, right under some timings,\n"
          "            or wrong (where, and why); which Node versions print it\n"
          "  explain   walk through the run phase by phase, with the rule behind each step\n"
          "  emit-js   print the JavaScript a JSON scenario stands for, to run on real node\n"
          "  profiles  list the Node version profiles and how they differ\n"
          "  gen       print a random scenario whose order real Node prints deterministically\n"
          "            (for tools/fuzz-diff; docs/differential-testing.md)\n"
          "\n"
          "exit status: 0 the run reached the end, 2 bad input or usage, 3 stopped at a limit\n"
          "(check: 0 right, 1 wrong, 3 cannot tell)\n"
          "loopsim help COMMAND shows a command's options.\n"
          "docs: README.md, docs/scenario-format.md, docs/timing-model.md, docs/model.md\n",
          f);
}

typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    void (*usage)(FILE *f); /* NULL: the command prints its own (--help) */
} command;

static const command commands[] = {
    {"run", cmd_run, run_usage},
    {"orders", cmd_orders, orders_usage},
    {"sweep", cmd_sweep, sweep_usage},
    {"check", cmd_check, check_usage},
    {"explain", cmd_explain, explain_usage},
    {"emit-js", cmd_emit_js, NULL},
    {"profiles", cmd_profiles, NULL},
    {"gen", cmd_gen, NULL},
};

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

void command_usage(const char *name, FILE *f)
{
    const command *c = find_command(name);
    if (c && c->usage)
        c->usage(f);
    else
        usage(f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_BAD_INPUT;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        command_usage(argc > 2 ? argv[2] : "", stdout);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("loopsim %s (commit %s)\n"
               "models Node.js %s and later: %zu profiles, the last for %s and later; by "
               "default the one for %s (loopsim profiles lists them)\n"
               "browsers (--env browser): %s %s\n",
               LOOPSIM_VERSION, LOOPSIM_COMMIT, ls_profiles[0].first, ls_profile_count,
               ls_profiles[ls_profile_count - 1].first, profile_default()->first,
               profile_browser_default()->browser.name, profile_browser_default()->first);
        return EXIT_OK;
    }
    const command *c = find_command(cmd);
    if (c) {
        current_command = c->name;
        return c->run(argc - 2, argv + 2);
    }
    fprintf(stderr, "loopsim: unknown command '%s'\n", cmd);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (edit_distance(cmd, commands[i].name) <= 2) {
            fprintf(stderr, "loopsim: did you mean '%s'?\n", commands[i].name);
            break;
        }
    usage(stderr);
    return EXIT_BAD_INPUT;
}
