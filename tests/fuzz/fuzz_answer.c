/* fuzz_answer.c - libFuzzer target: arbitrary bytes as a `loopsim check` answer (tools/fuzz
 * runs it).
 *
 * The bytes are split into words by answer_words (exactly `size` bytes: the buffer is not
 * NUL-terminated, so a read past the answer is caught), then, as a NUL-terminated string,
 * checked by answer_check against one fixed scenario: seed 001d, the setTimeout(0) against
 * setImmediate race, whose two orders let an answer be right under some timings, wrong at
 * some line, or run past the end of what Node prints.  The scenario is loaded once; the
 * verdict goes to /dev/null, in colour for inputs of odd length.  An answer without words is
 * only split: answer_check would refuse it on stderr.
 *
 * Each check searches the scenario's orders again (for every Node profile), which costs far
 * more than splitting the words, whatever the answer: the target is slow (some 20 executions a
 * second with the engine of 2026-11-29; with the JavaScript engine of src/js/ one check takes
 * seconds under the sanitizers), so each check gets a budget of 2 s (budget.h), well under
 * libFuzzer's -timeout of 10 s.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "budget.h"
#include "program.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char scenario[] =
    "{\n"
    "  \"loopsim\": 1,\n"
    "  \"title\": \"seed 001d: setTimeout(0) vs setImmediate from the main module\",\n"
    "  \"main\": [\n"
    "    {\"setTimeout\": [{\"console.log\": \"setTimeout\"}], \"delay\": 0},\n"
    "    {\"setImmediate\": [{\"console.log\": \"setImmediate\"}]}\n"
    "  ]\n"
    "}\n";

static ls_program *program;
static ls_costs costs;
static ls_limits limits;
static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    char *error = NULL;
    program = program_load_text("001d.json", scenario, sizeof scenario - 1, true, &error);
    sink = fopen("/dev/null", "w");
    if (!program || !sink) {
        fprintf(stderr, "fuzz_answer: cannot set up: %s", error ? error : "/dev/null\n");
        abort();
    }
    costs = engine_default_costs(program, profile_default());
    limits.max_callbacks = 2000;
    limits.max_time_ns = clock_ms_to_ns(10000.0);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ls_words words = answer_words((const char *)data, size);
    answer_words_free(&words);

    char *answer = malloc(size + 1);
    if (!answer)
        abort();
    memcpy(answer, data, size);
    answer[size] = '\0';
    words = answer_words(answer, strlen(answer));
    size_t n = words.n;
    answer_words_free(&words);
    if (n > 0) {
        ls_budget budget; /* for the searches of one check: far more than this scenario needs */
        budget_start(&budget, 2.0, 256.0);
        ls_limits bounded = limits;
        bounded.budget = &budget;
        ls_check_options one = {1, NULL, NULL, NULL, NULL}; /* one process: no forks here */
        answer_check(program, &costs, profile_default(), &bounded, answer, &one, size % 2 == 1,
                     sink);
    }
    free(answer);
    return 0;
}
