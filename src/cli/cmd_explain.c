/* cmd_explain.c - loopsim explain: the run walked phase by phase, with the rule behind each step. */
#include "cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "explain.h"

/* ---- loopsim explain ----------------------------------------------------------------------- */

void explain_usage(FILE *f)
{
    fputs("usage: loopsim explain [options] PROGRAM\n"
          "\n"
          "Walks through the run the way quiz articles do: the main script (what it printed, what\n"
          "it queued), the queues when it is done, then each loop iteration and phase with what\n"
          "ran, what it queued and the rule behind the order; the races the order depends on are\n"
          "marked [race] and listed at the end.  Colour on a terminal, unless NO_COLOR is set.\n"
          "\n"
          "options: --node VERSION, --esm, --cost KEY=MS, --slower K, --max-callbacks N,\n"
          "         --max-time MS, as for loopsim run\n"
          "         --max-seconds S, --max-memory MB: the budget of the search for races\n"
          "         (default 10 s, 2048 MB; stderr says when it ran out)\n",
          f);
}


int cmd_explain(int argc, char **argv)
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
