/* cmd_emit_js.c - loopsim emit-js: the JavaScript a scenario stands for (a JSON scenario's, or a
 * JavaScript file itself), to run on real node. */
#include "cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "emit_js.h"

int cmd_emit_js(int argc, char **argv)
{
    const char *file = NULL;
    bool esm = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs("usage: loopsim emit-js [--node VERSION] [--esm] PROGRAM\n"
                  "Prints a standalone CommonJS program that does what the scenario describes; run\n"
                  "it with node to see what real Node prints (tools/record-expected does this).\n"
                  "The program is the same for every version; --node only checks the version.\n",
                  stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--esm") == 0) {
            esm = true;
        } else if (strcmp(argv[i], "--node") == 0 && i + 1 < argc) {
            const ls_profile *profile;
            int rc = parse_node_option(argv[++i], &profile);
            if (rc)
                return rc;
        } else if (!file && argv[i][0] != '-') {
            file = argv[i];
        } else {
            return bad_usage("emit-js: unexpected argument '%s'", argv[i]);
        }
    }
    if (!file)
        return bad_usage("emit-js takes one scenario%s", "");
    ls_program *program = load(file, esm);
    if (!program)
        return EXIT_BAD_INPUT;
    /* a JSON scenario: the JavaScript it stands for; a JavaScript file: itself */
    int rc = 0;
    if (program->scenario)
        rc = emit_js(program->scenario, stdout);
    else
        fwrite(program->source, 1, program->source_len, stdout);
    program_free(program);
    if (rc != 0) {
        fprintf(stderr, "loopsim: %s: part of the scenario has no JavaScript form (see the "
                        "comments in the output)\n", file);
        return EXIT_BAD_INPUT;
    }
    return EXIT_OK;
}
