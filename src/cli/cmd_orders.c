/* cmd_orders.c - loopsim orders: every order the program can print under the timing model, when, and
 * how likely. */
#include "cli.h"
#include "picture.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- loopsim orders ------------------------------------------------------------------------ */

void orders_usage(FILE *f)
{
    fputs("usage: loopsim orders [options] PROGRAM\n"
          "\n"
          "Lists every order the program can print under the timing model: each cost anywhere in\n"
          "its range (loopsim run --help lists them) and the clock anywhere in its millisecond.\n"
          "Each order comes with what is true of time whenever it is printed, and its probability\n"
          "when every cost is drawn uniformly from its range (docs/timing-model.md).  The orders\n"
          "are counted exactly (up to 2097152); with more than 1000, only those the sampled\n"
          "timings printed are listed, without conditions.\n"
          "\n"
          "options:\n"
          "  --node VERSION       the Node version to model (default: 20, its latest)\n"
          "  --env node|browser   Node (default) or the page in Chromium, as for loopsim run (an\n"
          "                       .html page, or JSON \"env\": \"browser\", asks for the browser)\n"
          "  --esm                run the main script as an ES module\n"
          "  --cost KEY=MS        pin a timing parameter to one value; KEY=LO:HI gives it a range\n"
          "  --slower K           every timing parameter (its range too) K times as long, as for\n"
          "                       loopsim run\n"
          "  --seed N             Math.random's seed (default 0), as for loopsim run\n"
          "  --samples N          sampled timings for the probabilities (default 1000; 0: none)\n"
          "  --jobs N             processes (default: one per processor): N - 1 of them make\n"
          "                       the sampled runs while one searches; the output is the same\n"
          "  --max-paths N        stop the exact search after N runs of the program (default\n"
          "                       200000); a run explores one timing path, or stops where it\n"
          "                       joins a state an earlier run explored\n"
          "  --no-merge           explore every timing path to its end, merging no states (slow;\n"
          "                       for checking the merging)\n"
          "  --max-seconds S      or after S seconds of wall-clock time (default 10)\n"
          "  --max-memory MB      or when its graph of states holds MB megabytes (default 2048)\n"
          "  --format text|json|svg\n"
          "                       text (default), one JSON document, or the orders side by side\n"
          "                       as one SVG picture, the shared prefix shaded and each order's\n"
          "                       first difference from the nominal one highlighted\n"
          "  --max-callbacks N, --max-time MS   limits of each run, as for loopsim run\n"
          "\n"
          "exit status: 0 done (deterministic or not), 2 bad input, 3 the search stopped at\n"
          "--max-paths, --max-seconds or --max-memory before seeing every path (the orders found\n"
          "are printed, and stderr says which limit stopped it)\n",
          f);
}

/* The first line (1-based) where two outputs differ. */
static size_t first_difference(const ls_order *a, const ls_order *b)
{
    size_t line = 1;
    for (size_t i = 0; i < a->len && i < b->len; i++) {
        if (a->lines[i] != b->lines[i])
            return line;
        if (a->lines[i] == '\n')
            line++;
    }
    return line;
}

static void print_probability(const ls_orders *r, const ls_order *o, char *buf, size_t size)
{
    if (r->samples == 0)
        snprintf(buf, size, "p not sampled");
    else if (o->samples == 0)
        snprintf(buf, size, "p < %.2g%% (in none of %llu samples)", 100.0 / (double)r->samples,
                 (unsigned long long)r->samples);
    else
        snprintf(buf, size, "p = %.1f%%", 100.0 * (double)o->samples / (double)r->samples);
}

/* Text output lists the likeliest orders; JSON has them all. */
#define MAX_SHOWN_ORDERS 20

static void orders_text(const char *file, const ls_profile *profile, const ls_orders *r)
{
    char head[512], versions[96];
    snprintf(head, sizeof head, "%s: %s%llu possible order%s (%s, profile %s)", file,
             r->complete && !r->count_capped ? "" : r->count_capped ? "more than " : "at least ",
             (unsigned long long)r->count, r->count == 1 ? "" : "s",
             profile_versions(profile, versions, sizeof versions), profile->id);
    out_wrap(stdout, 0, "", head, 100);
    char line[256];
    int n;
    char paths[64];
    if (r->paths == UINT64_MAX)
        snprintf(paths, sizeof paths, "more than 1.8e19");
    else
        snprintf(paths, sizeof paths, "%llu", (unsigned long long)r->paths);
    if (r->complete)
        n = snprintf(line, sizeof line, "searched all %s timing path%s", paths,
                     r->paths == 1 ? "" : "s");
    else
        n = snprintf(line, sizeof line, "the search stopped after %llu run%s (%s): there may be "
                     "more orders", (unsigned long long)r->runs, r->runs == 1 ? "" : "s",
                     r->stopped_by == STOPPED_TIME     ? "--max-seconds"
                     : r->stopped_by == STOPPED_MEMORY ? "--max-memory"
                                                       : "--max-paths");
    if (r->joins && r->complete && n > 0 && (size_t)n < sizeof line)
        n += snprintf(line + n, sizeof line - (size_t)n, " (%llu runs: %llu stopped at a state an "
                      "earlier run explored; %llu states)", (unsigned long long)r->runs,
                      (unsigned long long)r->joins, (unsigned long long)r->states);
    if (r->samples && n > 0 && (size_t)n < sizeof line)
        snprintf(line + n, sizeof line - (size_t)n, "; probabilities from %llu sampled timings",
                 (unsigned long long)r->samples);
    out_wrap(stdout, 0, "", line, 100);
    if (r->count == 1 && r->complete)
        printf("deterministic: every timing the model allows prints the same\n");
    if (!r->listed_all) {
        char listed[256];
        if (r->count_partial)
            snprintf(listed, sizeof listed, "listed: the %zu order%s sampling or the nominal "
                     "costs printed (the budget ran out before the search's orders were counted)",
                     r->n, r->n == 1 ? "" : "s");
        else
            snprintf(listed, sizeof listed, "listed: the %zu order%s sampling or the nominal "
                     "costs printed (too many to list them all: at most %d are listed, with "
                     "their conditions)", r->n, r->n == 1 ? "" : "s", LS_MAX_LISTED);
        out_wrap(stdout, 0, "", listed, 100);
    }
    if (r->sampled_outside && r->read_clock) {
        char note[400];
        snprintf(note, sizeof note, "note: %llu sampled run%s printed lines the search did not "
                 "find. The program reads the clock (Date.now(), new Date(), performance.now() "
                 "or process.hrtime()): if it prints what it read, each timing prints other "
                 "numbers, and the orders below differ in those numbers only; if not, this is a "
                 "bug of loopsim: please report it", (unsigned long long)r->sampled_outside,
                 r->sampled_outside == 1 ? "" : "s");
        out_wrap(stdout, 0, "", note, 100);
    } else if (r->sampled_outside) {
        printf("loopsim: internal error: %llu sampled run(s) printed an order the search did not "
               "find; please report it\n", (unsigned long long)r->sampled_outside);
    }
    size_t shown = r->n <= MAX_SHOWN_ORDERS + 5 ? r->n : MAX_SHOWN_ORDERS;
    for (size_t i = 0; i < shown; i++) {
        const ls_order *o = &r->orders[i];
        char p[96];
        print_probability(r, o, p, sizeof p);
        printf("\norder %zu of %llu, %s", i + 1, (unsigned long long)r->count, p);
        if (i > 0)
            printf(", differs from order 1 at line %zu", first_difference(o, &r->orders[0]));
        if (o->nominal)
            printf(" (loopsim run prints this one)");
        if (!o->searched)
            printf(" (found only by sampling)");
        printf("\n");
        out_print_lines(stdout, o->lines, o->len, "    ");
        if (o->len == 0)
            printf("    (prints nothing)\n");
        if (o->ending[0])
            out_wrap(stdout, 4, "", o->ending, 100);
        if (r->count > 1) {
            if (!r->listed_all && o->searched) {
                printf("  when: not listed (conditions are listed for programs with at most %d "
                       "orders)\n", LS_MAX_LISTED);
            } else if (!o->searched && r->complete && r->read_clock) {
                printf("  when: a sampled timing printed it (numbers read from the clock "
                       "differ)\n");
            } else if (!o->searched) {
                printf("  when: a sampled timing printed it; the search stopped before reaching "
                       "it\n");
            } else if (o->nconditions == 0 && o->nalternatives > 0) {
                printf("  when one of these holds (no condition is shared by every timing that "
                       "prints it):\n");
                for (size_t a = 0; a < o->nalternatives; a++) {
                    printf("    %c)\n", 'a' + (int)a);
                    for (size_t c = 0; c < o->alternative_len[a]; c++)
                        out_wrap(stdout, 6, "- ", o->alternatives[a][c], 100);
                }
                if (o->more_alternatives)
                    printf("    or other combinations of timing\n");
            } else if (o->nconditions == 0) {
                printf("  when: several different timings print it, with no condition in "
                       "common\n");
            } else {
                printf("  when%s:\n", o->paths > 1 ? ", on every timing path that prints it" : "");
                for (size_t c = 0; c < o->nconditions; c++)
                    out_wrap(stdout, 4, "- ", o->conditions[c], 100);
            }
        }
    }
    if (shown < r->n) {
        uint64_t rest = 0;
        for (size_t i = shown; i < r->n; i++)
            rest += r->orders[i].samples;
        char tail[160];
        snprintf(tail, sizeof tail, "\n... and %zu more orders (--format json lists them all)",
                 r->n - shown);
        printf("%s\n", tail);
        if (r->samples)
            printf("    together p = %.1f%%\n", 100.0 * (double)rest / (double)r->samples);
    }
}

static void orders_json(const char *file, const ls_profile *profile, const ls_orders *r)
{
    printf("{\"scenario\": ");
    out_json_string(stdout, file);
    printf(", \"profile\": ");
    out_json_string(stdout, profile->id);
    static const char *stopped[] = {"null", "\"max-paths\"", "\"max-seconds\"",
                                    "\"max-memory\""};
    printf(", \"complete\": %s, \"stopped_by\": %s, \"count\": %llu, \"count_capped\": %s, "
           "\"count_partial\": %s, \"listed_all\": %s, \"paths\": %llu, \"runs\": %llu, \"states\": %llu, \"joins\": %llu, "
           "\"samples\": %llu, \"deterministic\": %s, \"sampled_outside\": %llu, "
           "\"read_clock\": %s, \"orders\": [",
           r->complete ? "true" : "false", stopped[r->stopped_by], (unsigned long long)r->count,
           r->count_capped ? "true" : "false", r->count_partial ? "true" : "false",
           r->listed_all ? "true" : "false",
           (unsigned long long)r->paths, (unsigned long long)r->runs,
           (unsigned long long)r->states, (unsigned long long)r->joins,
           (unsigned long long)r->samples, r->count == 1 && r->complete ? "true" : "false",
           (unsigned long long)r->sampled_outside, r->read_clock ? "true" : "false");
    for (size_t i = 0; i < r->n; i++) {
        const ls_order *o = &r->orders[i];
        printf("%s\n  {\"lines\": ", i ? "," : "");
        out_json_lines(stdout, o->lines, o->len);
        printf(", \"ending\": ");
        out_json_string(stdout, o->ending);
        printf(", \"exit_code\": %d, \"samples\": %llu, \"probability\": ", o->exit_code,
               (unsigned long long)o->samples);
        if (r->samples)
            printf("%.4f", (double)o->samples / (double)r->samples);
        else
            printf("null");
        printf(", \"paths\": %llu, \"nominal\": %s, \"searched\": %s, \"conditions\": [",
               (unsigned long long)o->paths, o->nominal ? "true" : "false",
               o->searched ? "true" : "false");
        for (size_t c = 0; c < o->nconditions; c++) {
            printf("%s", c ? ", " : "");
            out_json_string(stdout, o->conditions[c]);
        }
        printf("], \"alternatives\": [");
        for (size_t a = 0; a < o->nalternatives; a++) {
            printf("%s[", a ? ", " : "");
            for (size_t c = 0; c < o->alternative_len[a]; c++) {
                printf("%s", c ? ", " : "");
                out_json_string(stdout, o->alternatives[a][c]);
            }
            printf("]");
        }
        printf("]}");
    }
    printf("\n]}\n");
}


int cmd_orders(int argc, char **argv)
{
    current_command = "orders";
    run_options o;
    memset(&o, 0, sizeof o);
    o.samples = 1000;
    o.max_paths = 200000;
    ls_costs costs;
    int rc;
    ls_program *program = setup_command(argc, argv, &o, false, &costs, &rc);
    if (!program)
        return rc;
    ls_budget budget;
    start_budget(&o, SEARCH_SECONDS, SEARCH_MB, &budget);
    cli_progress progress;
    progress_start(&progress, "loopsim orders");
    ls_explore_options eo = {o.max_paths, o.samples, &budget, o.no_merge, false,
                             progress_search, &progress, o.jobs ? o.jobs : fanout_cores()};
    ls_orders r;
    explore_orders(program, &costs, o.profile, &o.limits, &eo, &r);
    progress_done(&progress);
    if (!r.bad_input && !r.complete) {
        char why[96];
        fprintf(stderr, "loopsim: the search stopped at %s after %llu run%s: the orders found "
                        "so far are printed\n",
                stopped_words(r.stopped_by, &budget, why, sizeof why),
                (unsigned long long)r.runs, r.runs == 1 ? "" : "s");
    }
    int status = EXIT_OK;
    if (r.bad_input) {
        fprintf(stderr, "%s\n", r.error);
        status = EXIT_BAD_INPUT;
    } else {
        if (o.format == FORMAT_JSON)
            orders_json(o.file, o.profile, &r);
        else if (o.format == FORMAT_SVG) {
            if (picture_orders_svg(program, &costs, o.profile, &o.limits, &r, stdout) < 0)
                status = EXIT_BAD_INPUT;
        } else
            orders_text(o.file, o.profile, &r);
        if (!r.complete && status == EXIT_OK)
            status = EXIT_LIMIT;
    }
    explore_free(&r);
    program_free(program);
    return status;
}
