/* loader.h - reads a JSON scenario file (docs/scenario-format.md) into the tree of scenario.h.
 *
 * The loader checks everything that can be checked before the run: JSON syntax (with the line
 * and column of the first error), the shape of every operation, names in scope, `await` only in
 * async functions, synchronous call cycles among the declared functions, and the "timing" keys.
 * It reports the first error only, as one line ending in '\n':
 *
 *   FILE:LINE:COL: error: malformed JSON: expected ',' or '}', found a string "main"
 *   FILE: $.main[2].setTimeout: error: expected a callback (...), found a number (5)
 *
 * A scenario whose program is JavaScript is only checked as JSON here: the text of "source" is
 * kept (ls_scenario.js_source), and so is the path in "script" (ls_scenario.script), for
 * program.c to read, parse and compile.
 */
#ifndef LOOPSIM_LOADER_H
#define LOOPSIM_LOADER_H

#include <stddef.h>

#include "scenario.h"

/* Loads and validates a scenario.  On success returns it (all memory in scenario->arena).  On
 * failure returns NULL and sets *error to a malloc'd message (one or more lines, each ending in
 * '\n'); the caller frees it. */
ls_scenario *loader_load_file(const char *path, char **error);
/* The same for a document already in memory; `display_name` is used in messages and as
 * scenario->file.  `text` need not be NUL-terminated. */
ls_scenario *loader_load_text(const char *display_name, const char *text, size_t len, char **error);
/* Reads a whole file: its bytes (malloc'd, with a '\0' after the last) and *len.  NULL and
 * *error ("PATH: error: cannot open: REASON" or "cannot read") if it cannot. */
char *loader_read_file(const char *path, size_t *len, char **error);
/* The same, with *err = the errno value instead of a message (0 on success). */
char *loader_read_bytes(const char *path, size_t *len, int *err);
/* Frees the scenario's arena (and so the scenario).  NULL is allowed. */
void scenario_free(ls_scenario *s);

/* Where byte `offset` of s->js_source (the decoded "source" string) was written in `text`, the
 * JSON text s was loaded from: its 1-based line and column (in characters, as in the loader's
 * messages).  An offset inside what an escape stands for (`\n`, `\u00e9`) gives the escape's
 * backslash.  Only for a "source" scenario (s->js_source_at is where its string starts). */
void loader_source_position(const char *text, size_t len, const ls_scenario *s, size_t offset,
                            int *line, int *col);

#endif
