/* loader.h - reads a scenario file (docs/scenario-format.md) into the program tree of ast.h.
 *
 * The loader checks everything that can be checked before the run: JSON syntax (with the line
 * and column of the first error), the shape of every operation, names in scope, `await` only in
 * async functions, synchronous call cycles among the declared functions, and the "timing" keys.
 * It reports the first error only, as one line ending in '\n':
 *
 *   FILE:LINE:COL: error: malformed JSON: expected ',' or '}', found a string "main"
 *   FILE: $.main[2].setTimeout: error: expected a callback (...), found a number (5)
 */
#ifndef LOOPSIM_LOADER_H
#define LOOPSIM_LOADER_H

#include <stddef.h>

#include "ast.h"

/* Loads and validates a scenario.  On success returns the program (all memory in
 * program->arena).  On failure returns NULL and sets *error to a malloc'd message (one or more
 * lines, each ending in '\n'); the caller frees it. */
ls_program *loader_load_file(const char *path, char **error);
/* The same for a document already in memory; `display_name` is used in messages and as
 * program->file.  `text` need not be NUL-terminated. */
ls_program *loader_load_text(const char *display_name, const char *text, size_t len, char **error);
/* Frees the program's arena (and so the program).  NULL is allowed. */
void program_free(ls_program *p);

#endif
