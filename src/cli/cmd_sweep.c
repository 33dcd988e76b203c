/* cmd_sweep.c - loopsim sweep: the order printed across a range of one timing parameter. */
#include "cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "xalloc.h"

/* ---- loopsim sweep ------------------------------------------------------------------------- */

/* One value of the parameter, run as loopsim run runs it.  With --jobs, worker processes run the
 * values (fanout.h: each its own copy of the costs, which it sets) and this one takes their
 * results in order, so the orders are named as one process names them. */
typedef struct {
    const ls_program *program;
    ls_costs *costs;
    const run_options *o;
    const ls_limits *limits;
} sweep_ctx;

enum { POINT_RAN, POINT_BAD_INPUT };

/* fanout_fn: the run at value `i`; declined when the budget stops it */
static bool sweep_point(void *ctx, uint64_t i, fanout_result *r)
{
    const sweep_ctx *s = ctx;
    *costs_field(s->costs, s->o->vary) = cost_point(s->o->vary_from + (double)i * s->o->vary_step);
    ls_engine *e = engine_new(s->program, s->costs, s->o->profile, s->limits);
    int code = engine_run(e);
    if (e->stop == STOP_BUDGET) { /* cut short: the values before it are reported */
        engine_free(e);
        return false;
    }
    if (e->stop == STOP_BAD_INPUT) {
        *r = (fanout_result){POINT_BAD_INPUT, code, xstrdup(e->stop_message), 0, NULL};
        r->len = strlen(r->data);
    } else {
        *r = (fanout_result){POINT_RAN, code, NULL, 0, NULL};
        explore_run_key(e, code, &r->data, &r->len, &r->note);
    }
    engine_free(e);
    return true;
}

void sweep_usage(FILE *f)
{
    fputs("usage: loopsim sweep --vary KEY=FROM:TO:STEP [options] PROGRAM\n"
          "\n"
          "Runs the scenario as loopsim run does, once per value of one timing parameter (KEY is a\n"
          "row of loopsim run --help), and prints which order each value gives and where the\n"
          "order flips.  Orders are named A, B, C... as they first appear.\n"
          "\n"
          "options:\n"
          "  --vary KEY=FROM:TO:STEP   the parameter and its values (FROM, FROM+STEP, ... <= TO)\n"
          "  --format text|csv|json    text (default), CSV (value,order,lines) or JSON\n"
          "  --node VERSION, --env node|browser, --esm, --cost KEY=MS, --slower K,\n"
          "  --seed N, --max-callbacks N, --max-time MS\n"
          "                            as for loopsim run\n"
          "  --max-seconds S           stop after S seconds of wall-clock time (default 10) and\n"
          "                            report the values done (exit 3)\n"
          "  --jobs N                  processes running the values (default: one per\n"
          "                            processor); the output is the same\n",
          f);
}

int cmd_sweep(int argc, char **argv)
{
    current_command = "sweep";
    run_options o;
    memset(&o, 0, sizeof o);
    ls_costs costs;
    int rc;
    ls_program *program = setup_command(argc, argv, &o, false, &costs, &rc);
    if (!program)
        return rc;
    if (!o.vary) {
        program_free(program);
        return bad_usage("sweep needs --vary KEY=FROM:TO:STEP%s", "");
    }
    size_t npoints = (size_t)((o.vary_to - o.vary_from) / o.vary_step + 1e-9) + 1;
    int *point_order = calloc(npoints, sizeof *point_order);
    ls_orders seen; /* the distinct orders, in order of appearance */
    memset(&seen, 0, sizeof seen);
    int status = EXIT_OK;
    ls_budget budget;
    start_budget(&o, SEARCH_SECONDS, SEARCH_MB, &budget);
    ls_limits bounded = o.limits;
    bounded.budget = &budget;
    size_t wanted = npoints;
    sweep_ctx sw = {program, &costs, &o, &bounded};
    int jobs = o.jobs ? o.jobs : fanout_cores();
    fanout *workers = jobs > 1 && npoints > 1 ? fanout_start(npoints, jobs, sweep_point, &sw)
                                              : NULL;
    cli_progress progress;
    progress_start(&progress, "loopsim sweep");
    for (size_t i = 0; i < npoints && point_order; i++) {
        if (i > 0 && progress_due(&progress)) {
            double t = progress_elapsed(&progress);
            progress_show(&progress, "%zu of %zu values, %zu order%s so far, %.1f s, about %.0f s "
                          "left", i, npoints, seen.n, seen.n == 1 ? "" : "s", t,
                          t / (double)i * (double)(npoints - i));
        }
        fanout_result point;
        if (!fanout_get(workers, i, &point) && !sweep_point(&sw, i, &point)) {
            npoints = i; /* the budget is spent: the values before it are reported */
            break;
        }
        if (point.status == POINT_BAD_INPUT) {
            fprintf(stderr, "%s\n", point.data);
            free(point.data);
            free(point.note);
            status = EXIT_BAD_INPUT;
            break;
        }
        char *lines = point.data, *ending = point.note;
        size_t len = point.len;
        int code = point.code;
        size_t k = 0;
        while (k < seen.n && !(seen.orders[k].len == len &&
                               memcmp(seen.orders[k].lines, lines, len) == 0 &&
                               strcmp(seen.orders[k].ending, ending) == 0))
            k++;
        if (k == seen.n) {
            seen.orders = realloc(seen.orders, (seen.n + 1) * sizeof *seen.orders);
            if (!seen.orders)
                ls_out_of_memory(0);
            memset(&seen.orders[k], 0, sizeof seen.orders[k]);
            seen.orders[k].lines = lines;
            seen.orders[k].len = len;
            seen.orders[k].ending = ending;
            seen.orders[k].exit_code = code;
            seen.n++;
        } else {
            free(lines);
            free(ending);
        }
        seen.orders[k].samples++;
        point_order[i] = (int)k;
        if (i + 1 < npoints && budget_spent(&budget)) {
            npoints = i + 1;
            break;
        }
    }
    fanout_end(workers);
    progress_done(&progress);
    if (status == EXIT_OK && npoints < wanted) {
        char why[96];
        fprintf(stderr, "loopsim: sweep stopped at %s after %zu of %zu values: the values "
                        "done are reported\n",
                stopped_words(budget.state == BUDGET_MEMORY ? STOPPED_MEMORY : STOPPED_TIME,
                              &budget, why, sizeof why), npoints, wanted);
        status = EXIT_LIMIT;
    }
    if (status != EXIT_BAD_INPUT && point_order && npoints > 0) {
        const char *key = o.vary->key;
        if (o.csv) {
            printf("%s,order,lines\n", key);
            for (size_t i = 0; i < npoints; i++) {
                const ls_order *x = &seen.orders[point_order[i]];
                printf("%.6g,%c,\"", o.vary_from + (double)i * o.vary_step, 'A' + point_order[i] % 26);
                for (size_t c = 0; c < x->len; c++) {
                    char ch = x->lines[c];
                    if (ch == '\n')
                        printf(c + 1 < x->len ? " | " : "");
                    else if (ch == '"')
                        printf("\"\"");
                    else
                        putchar(ch);
                }
                printf("\"\n");
            }
        } else if (o.format == FORMAT_JSON) {
            printf("{\"parameter\": ");
            out_json_string(stdout, key);
            printf(", \"points\": [");
            for (size_t i = 0; i < npoints; i++)
                printf("%s{\"value\": %.6g, \"order\": \"%c\"}", i ? ", " : "",
                       o.vary_from + (double)i * o.vary_step, 'A' + point_order[i] % 26);
            printf("],\n \"flips\": [");
            const char *sep = "";
            for (size_t i = 1; i < npoints; i++)
                if (point_order[i] != point_order[i - 1]) {
                    printf("%s{\"between\": [%.6g, %.6g], \"from\": \"%c\", \"to\": \"%c\"}", sep,
                           o.vary_from + (double)(i - 1) * o.vary_step,
                           o.vary_from + (double)i * o.vary_step, 'A' + point_order[i - 1] % 26,
                           'A' + point_order[i] % 26);
                    sep = ", ";
                }
            printf("],\n \"orders\": {");
            for (size_t k = 0; k < seen.n; k++) {
                printf("%s\n  \"%c\": ", k ? "," : "", 'A' + (int)k % 26);
                out_json_lines(stdout, seen.orders[k].lines, seen.orders[k].len);
            }
            printf("\n}}\n");
        } else {
            printf("%s: %zu value%s of %s from %g to %g, %zu order%s\n", o.file, npoints,
                   npoints == 1 ? "" : "s", key, o.vary_from, o.vary_to, seen.n,
                   seen.n == 1 ? "" : "s");
            /* runs of equal orders, as ranges */
            for (size_t i = 0; i < npoints;) {
                size_t j = i;
                while (j + 1 < npoints && point_order[j + 1] == point_order[i])
                    j++;
                printf("  %s %-10g to %-10g order %c\n", key, o.vary_from + (double)i * o.vary_step,
                       o.vary_from + (double)j * o.vary_step, 'A' + point_order[i] % 26);
                i = j + 1;
            }
            for (size_t i = 1; i < npoints; i++)
                if (point_order[i] != point_order[i - 1])
                    printf("flip: between %s %g and %g, order %c becomes %c\n", key,
                           o.vary_from + (double)(i - 1) * o.vary_step,
                           o.vary_from + (double)i * o.vary_step, 'A' + point_order[i - 1] % 26,
                           'A' + point_order[i] % 26);
            for (size_t k = 0; k < seen.n; k++) {
                const ls_order *x = &seen.orders[k];
                printf("\norder %c (%llu value%s):\n", 'A' + (int)k % 26,
                       (unsigned long long)x->samples, x->samples == 1 ? "" : "s");
                out_print_lines(stdout, x->lines, x->len, "    ");
                if (x->ending[0])
                    out_wrap(stdout, 4, "", x->ending, 100);
            }
        }
    }
    free(point_order);
    explore_free(&seen);
    program_free(program);
    return status;
}
