/* prelude.c - compiles the embedded prelude modules on first use; see prelude.h. */
#include "prelude.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "parse.h"

#define PRELUDE_MAX 32

static const js_program *compiled[PRELUDE_MAX];

static void internal_error(const char *what)
{
    fprintf(stderr, "loopsim: internal error: the prelude %s\n", what);
    exit(70); /* EX_SOFTWARE */
}

static const js_program *compile(const ls_prelude_source *src)
{
    char file[64];
    snprintf(file, sizeof file, "node:%s", src->name);
    ls_arena *arena = arena_new();
    js_parse_options opt = {false, true};
    js_parse_error perr;
    js_node *tree = js_parse(arena, file, src->text, src->len, &opt, &perr);
    if (!tree) {
        js_parse_error_print(&perr, stderr);
        internal_error("does not parse");
    }
    js_compile_options copt = {file, src->text, src->len, false, NULL, NULL, NULL, NULL};
    char *error = NULL;
    js_program *p = js_compile(tree, &copt, &error);
    arena_free(arena);
    if (!p) {
        fputs(error ? error : "?\n", stderr);
        free(error);
        internal_error("does not compile");
    }
    return p;
}

const js_program *prelude_program(const char *name)
{
    for (size_t i = 0; i < ls_prelude_count && i < PRELUDE_MAX; i++)
        if (strcmp(ls_prelude_sources[i].name, name) == 0) {
            if (!compiled[i])
                compiled[i] = compile(&ls_prelude_sources[i]);
            return compiled[i];
        }
    return NULL;
}
