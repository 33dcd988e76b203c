/* cmd_gen.c - loopsim gen: a random scenario real Node prints deterministically (tools/fuzz-diff). */
#include "cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen.h"

int cmd_gen(int argc, char **argv)
{
    double seed = -1, size = 60;
    const char *size_arg = "60";
    const ls_profile *profile = profile_default();
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs("usage: loopsim gen --seed S [--size N] [--node VERSION]\n"
                  "Prints a random scenario (about N operations, default 60) built so that real\n"
                  "Node prints one order; the same seed gives the same scenario everywhere.\n"
                  "With --node, only what that version has is used (no queueMicrotask on 10).\n",
                  stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--node") == 0 && i + 1 < argc) {
            int rc = parse_node_option(argv[++i], &profile);
            if (rc)
                return rc;
            if (!profile)
                return bad_usage("gen: --node all makes no sense here; name one version%s", "");
        } else if ((strcmp(argv[i], "--seed") == 0 || strcmp(argv[i], "--size") == 0) &&
                   i + 1 < argc) {
            double v;
            if (!parse_double(argv[i + 1], &v) || v < 0 || v > 1e15 || v != (double)(long long)v)
                return bad_usage("gen: expected a whole number >= 0, found '%s'", argv[i + 1]);
            if (strcmp(argv[i], "--seed") == 0) {
                seed = v;
            } else {
                size = v;
                size_arg = argv[i + 1];
            }
            i++;
        } else {
            return bad_usage("gen: unknown argument '%s' (loopsim gen --seed S [--size N])",
                             argv[i]);
        }
    }
    if (seed < 0)
        return bad_usage("gen needs --seed S%s", "");
    if (size < 1 || size > 500)
        return bad_usage("gen: --size must be from 1 to 500, found '%s'", size_arg);
    return gen_scenario((uint64_t)seed, (int)size, profile, stdout) == 0 ? EXIT_OK
                                                                        : EXIT_BAD_INPUT;
}
