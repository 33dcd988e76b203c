/* cmd_explain.c - loopsim explain: the run walked phase by phase, with the rule behind each step. */
#include "cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "explain.h"
#include "picture.h"

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
          "options: --node VERSION, --env node|browser, --esm, --cost KEY=MS, --slower K,\n"
          "         --seed N, --max-callbacks N, --max-time MS, as for loopsim run\n"
          "         --format text|svg|html: the walk (default); the run as one SVG picture (a\n"
          "         lane per queue and phase, a box per callback in the order they ran, arrows\n"
          "         from what queued each, the clock, the races); or one HTML page that steps\n"
          "         through the run (docs/pictures.md)\n"
          "         --max-seconds S, --max-memory MB: the budget of the search for races\n"
          "         (default 10 s, 2048 MB; stderr says when it ran out)\n"
          "         --jobs N: processes (default: one per processor), as for loopsim orders\n",
          f);
}


/* The search explain's races come from (and the timeline's): every order, sampled for their
 * probabilities, within the command's budget; stderr says when the budget ran out.  False on
 * bad input (message on stderr). */
static bool search_races(const run_options *o, const ls_program *program, const ls_costs *costs,
                         ls_orders *orders)
{
    ls_budget budget;
    start_budget(o, SEARCH_SECONDS, SEARCH_MB, &budget);
    cli_progress progress;
    progress_start(&progress, "loopsim explain: the search for races");
    ls_explore_options eo = {20000, 1000, &budget, false, false, progress_search, &progress,
                             o->jobs ? o->jobs : fanout_cores()};
    explore_orders(program, costs, o->profile, &o->limits, &eo, orders);
    progress_done(&progress);
    if (!orders->bad_input && !orders->complete) {
        char why[96];
        fprintf(stderr, "loopsim: the search for the races stopped at %s after %llu run%s: the "
                        "races marked are those it found\n",
                stopped_words(orders->stopped_by, &budget, why, sizeof why),
                (unsigned long long)orders->runs, orders->runs == 1 ? "" : "s");
    }
    if (orders->bad_input) {
        fprintf(stderr, "%s\n", orders->error);
        return false;
    }
    return true;
}

int draw_timeline(const run_options *o, const ls_program *program, const ls_costs *costs)
{
    ls_orders orders;
    int status = EXIT_OK;
    if (!search_races(o, program, costs, &orders))
        status = EXIT_BAD_INPUT;
    else if ((o->format == FORMAT_HTML
                  ? picture_explain_html(program, costs, o->profile, &o->limits, &orders, stdout)
                  : picture_timeline_svg(program, costs, o->profile, &o->limits, &orders,
                                         stdout)) < 0)
        status = EXIT_BAD_INPUT;
    explore_free(&orders);
    return status;
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
    int status = EXIT_OK;
    if (o.format == FORMAT_SVG || o.format == FORMAT_HTML) {
        status = draw_timeline(&o, program, &costs);
    } else {
        ls_orders orders;
        if (!search_races(&o, program, &costs, &orders)) {
            status = EXIT_BAD_INPUT;
        } else {
            ls_explain_style style = {use_color(), 100};
            if (explain_run(program, &costs, o.profile, &o.limits, &orders, &style, stdout) < 0)
                status = EXIT_BAD_INPUT;
        }
        explore_free(&orders);
    }
    program_free(program);
    return status;
}
