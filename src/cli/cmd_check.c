/* cmd_check.c - loopsim check: is a "what does it print?" answer right, right under some timings, or
 * wrong (where and why), and on which Node versions. */
#include "cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "answer.h"

/* ---- loopsim check ------------------------------------------------------------------------- */

void check_usage(FILE *f)
{
    fputs("usage: loopsim check --answer ANSWER [options] PROGRAM\n"
          "\n"
          "Checks a \"what does this print?\" answer.  ANSWER is a file, or - for standard input:\n"
          "the lines in order, one per line, or on one line separated by spaces, commas or ->.\n"
          "The verdict is right (Node always prints it), right only under some timings (when,\n"
          "and how likely), or wrong (where it first differs, what Node prints there, and why);\n"
          "then which Node versions print it, and whether the browser (--env browser) does.\n"
          "\n"
          "options: --node VERSION (default: 20, its latest), --env node|browser, --esm,\n"
          "         --cost KEY=MS|LO:HI,\n"
          "         --slower K, --seed N, --max-callbacks N, --max-time MS, as for loopsim run\n"
          "         --max-seconds S, --max-memory MB: the budget of all its searches together\n"
          "         (default 30 s, 2048 MB); what they could not see is \"cannot tell\"\n"
          "         --jobs N: processes (default: one per processor), as for loopsim orders\n"
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

int cmd_check(int argc, char **argv)
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
    cli_progress progress;
    progress_start(&progress, "loopsim check");
    ls_check_options co = {o.jobs ? o.jobs : fanout_cores(), progress_search, progress_versions,
                           progress_quiet, &progress};
    ls_verdict v = answer_check(program, &costs, o.profile, &o.limits, answer, &co, use_color(),
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
