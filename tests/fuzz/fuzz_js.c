/* fuzz_js.c - libFuzzer target: arbitrary bytes as a JavaScript program (tools/fuzz runs it).
 *
 * The bytes are the text of a file given to `loopsim run`: program_load_text compiles them
 * (js_parse, then js_compile) as CommonJS ("fuzz.js") when the input's length is even and as an
 * ES module ("fuzz.mjs") when it is odd, so both goals are fuzzed without spending a byte on
 * the choice (tools/fuzz pads each seed with a newline to the parity of its extension).  A
 * syntax error, a construct loopsim refuses ("loopsim does not model ..."), an uncaught
 * exception or a run that ends with exit code 2 are ordinary outcomes; only crashes, sanitizer
 * reports, leaks and hangs are bugs.
 *
 * A program that compiles is run once as `loopsim run --format json --trace` runs it
 * (engine_new/engine_run, the trace recorded, rendered with its ending) under 1000 callbacks,
 * 10 s of virtual time and a wall-clock budget of 1 s (budget.h; the engine checks it at every
 * charge of bytecode operations, callback and loop iteration).  The engine has no limit of its
 * own on VM operations: they cost virtual time (costs.def op_ms and op_hot_ms, 2.7 and 0.09 ns
 * each), so at the default
 * cost 10 s of virtual time is over 3e9 of them, which this build runs in minutes.  The run
 * therefore charges each operation 10 us instead (FUZZ_OP_MS): 10 s of virtual time is then
 * 1e6 operations, a fraction of a second here, and `for (;;);` stops at the time limit rather
 * than at the wall-clock budget (which stays as the bound on what costs no virtual time: a
 * native builtin's own loop).
 *
 * A run that ended by itself (not at a limit or the budget) within 200 callbacks is then
 * searched by `loopsim orders` (explore_orders) with 10 runs and 1 sampled timing, 200
 * callbacks in each run, in a budget of 1 s and 256 MB.
 *
 * The profile is (length / 2) % number of profiles.  What the program prints goes to
 * /dev/null; everything is freed (LeakSanitizer runs with libFuzzer).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "budget.h"
#include "engine.h"
#include "explore.h"
#include "output.h"
#include "program.h"

#define FUZZ_OP_MS 0.01 /* one bytecode operation: 10 us of virtual time (see above) */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sink = fopen("/dev/null", "w");
    if (!sink) {
        perror("fuzz_js: /dev/null");
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *name = size % 2 ? "fuzz.mjs" : "fuzz.js";
    char *error = NULL;
    ls_program *program = program_load_text(name, (const char *)data, size, false, &error);
    if (!program) {
        free(error);
        return 0;
    }
    const ls_profile *profile = &ls_profiles[size / 2 % ls_profile_count];
    ls_costs costs = engine_default_costs(program, profile);
    costs.op.ms = costs.op.lo = costs.op.hi = FUZZ_OP_MS;
    costs.op_hot.ms = costs.op_hot.lo = costs.op_hot.hi = FUZZ_OP_MS; /* hot ones too */
    costs.op.tail = 0;

    ls_budget budget;
    budget_start(&budget, 1.0, 256.0);
    ls_limits limits = {.max_callbacks = 1000, .max_time_ns = clock_ms_to_ns(10000.0),
                        .budget = &budget};
    ls_engine *e = engine_new(program, &costs, profile, &limits);
    e->out.recording = e->out.queued = true;
    int exit_code = engine_run(e);
    if (e->stop != STOP_BAD_INPUT) {
        out_render(e, sink, FORMAT_JSON, true);
        out_render(e, sink, FORMAT_TEXT, false);
        out_render_errs(e, sink);
        out_render_ending(e, exit_code, true, sink);
    }
    bool cheap = e->callbacks_run <= 200 &&
                 (e->stop == STOP_NONE || e->stop == STOP_PROCESS_EXIT || e->stop == STOP_FATAL ||
                  e->stop == STOP_HANG);
    engine_free(e);

    if (cheap) {
        budget_start(&budget, 1.0, 256.0);
        ls_explore_options options = {.max_paths = 10, .samples = 1, .budget = &budget};
        ls_orders orders;
        limits.max_callbacks = 200; /* limits.budget (the same budget) bounds the nominal
                                     * run, which explore_orders makes with `limits` as is */
        explore_orders(program, &costs, profile, &limits, &options, &orders);
        explore_free(&orders);
    }

    program_free(program);
    return 0;
}
