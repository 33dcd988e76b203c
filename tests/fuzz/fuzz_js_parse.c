/* fuzz_js_parse.c - libFuzzer target: arbitrary bytes as JavaScript source, through the front
 * end only (tools/fuzz runs it).
 *
 * The bytes are parsed (js_parse) twice, each time into a fresh arena: as a CommonJS script
 * (allow_return_outside_function, as program.c parses a .js file) and as an ES module; each
 * tree that parses is compiled (js_compile) and the program freed.  Nothing runs: this is the
 * fast target, for the lexer, the parser with its early errors and the compiler.  Syntax errors
 * and the compiler's refusals are the usual outcome; js_parse_error_print and the compiler's
 * message go to /dev/null (the message is formatted, then freed).
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "js.h"
#include "parse.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    sink = fopen("/dev/null", "w");
    if (!sink) {
        perror("fuzz_js_parse: /dev/null");
        abort();
    }
    return 0;
}

static void parse_and_compile(const char *src, size_t len, bool module)
{
    const char *file = module ? "fuzz.mjs" : "fuzz.js";
    js_parse_options options = {.module = module, .allow_return_outside_function = !module};
    js_parse_error err;
    ls_arena *arena = arena_new();
    js_node *tree = js_parse(arena, file, src, len, &options, &err);
    if (!tree) {
        js_parse_error_print(&err, sink);
    } else {
        js_compile_options co = {.file = file, .source = src, .source_len = len, .module = module};
        char *error = NULL;
        js_program *program = js_compile(tree, &co, &error);
        if (program)
            js_program_free(program);
        else if (error)
            fputs(error, sink);
        free(error);
    }
    arena_free(arena);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    parse_and_compile((const char *)data, size, false);
    parse_and_compile((const char *)data, size, true);
    return 0;
}
