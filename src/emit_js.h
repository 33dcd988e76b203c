/* emit_js.h - prints a scenario back as the standalone CommonJS program it describes.
 *
 * `loopsim emit-js FILE` and tools/record-expected use it: the printed program, run with real
 * Node, prints the stdout lines that expected/ records.  See emit_js.c for the mapping.
 */
#ifndef LOOPSIM_EMIT_JS_H
#define LOOPSIM_EMIT_JS_H

#include <stdio.h>

#include "ast.h"

/* Writes the program to `out`.  Returns 0 on success; non-zero if some part of the tree has no
 * JavaScript form (a `/ * loopsim: cannot emit ... * /` comment marks each such place in the
 * output, which is then not a faithful program) or if writing to `out` failed. */
int emit_js(const ls_program *program, FILE *out);

#endif
