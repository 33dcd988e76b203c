/* fuzz_loader.c - libFuzzer target: arbitrary bytes as a scenario (tools/fuzz runs it).
 *
 * The bytes go to program_load_text as a JSON scenario (the loader, then the JavaScript it
 * stands for, compiled), whose errors (the usual result) are expected: the message is freed
 * and the input is done.  A document that loads is then run the way `loopsim run`
 * runs it (engine_new/engine_run with the trace recorded, then rendered as JSON with the trace,
 * and the ending), translated by `loopsim emit-js`, and searched by `loopsim orders`
 * (explore_orders), all under small limits so that one input stays far below libFuzzer's
 * -timeout: 1000 callbacks for the run and 200 for each run of the search, 10 s of virtual
 * time, 20 runs of the search and 2 sampled timings, within a budget of 2 s and 256 MB
 * (budget.h).  A long run costs the search's graph time that grows faster than its number of
 * loop iterations, and this build's instrumentation makes it some 30 times slower than in
 * loopsim: an endless setInterval stopped at 2000 callbacks took 7 s, and the corpus
 * libFuzzer builds is full of runs that reach the limit (the search's limit of 200 made it
 * run 2.4 times faster than 1000).
 *
 * The input's length picks the Node version profile (length % number of profiles), so every
 * profile's code is fuzzed without spending input bytes on it and a given input always runs
 * the same way.  Everything is freed: LeakSanitizer runs with libFuzzer.  What the program
 * prints goes to /dev/null.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "budget.h"
#include "emit_js.h"
#include "engine.h"
#include "explore.h"
#include "output.h"
#include "program.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sink = fopen("/dev/null", "w");
    if (!sink) {
        perror("fuzz_loader: /dev/null");
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *error = NULL;
    ls_program *program = program_load_text("fuzz.json", (const char *)data, size, true, &error);
    if (!program) {
        free(error);
        return 0;
    }
    const ls_profile *profile = &ls_profiles[size % ls_profile_count];
    ls_costs costs = engine_default_costs(program, profile);
    ls_limits limits = {.max_callbacks = 1000, .max_time_ns = clock_ms_to_ns(10000.0)};

    ls_engine *e = engine_new(program, &costs, profile, &limits);
    e->out.recording = e->out.queued = true;
    int exit_code = engine_run(e);
    if (e->stop != STOP_BAD_INPUT) {
        out_render(e, sink, FORMAT_JSON, true);
        out_render_ending(e, exit_code, true, sink);
    }
    engine_free(e);

    if (program->scenario)
        emit_js(program->scenario, sink);

    ls_budget budget;
    budget_start(&budget, 2.0, 256.0);
    ls_explore_options options = {.max_paths = 20, .samples = 2, .budget = &budget};
    ls_orders orders;
    limits.max_callbacks = 200;
    explore_orders(program, &costs, profile, &limits, &options, &orders);
    explore_free(&orders);

    program_free(program);
    return 0;
}
