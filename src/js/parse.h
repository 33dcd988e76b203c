/* parse.h - the JavaScript parser: source text in, an ESTree-shaped tree (ast.h) out.
 *
 * js_parse reads a whole program, a script or an ES module, as Node 20 does (ECMAScript 2022,
 * plus what V8 11.3 also accepts: hashbang lines, import attributes `with`/`assert`, regular
 * expression flag `v`, and the web-compatibility rules of Annex B in sloppy code).  It stops
 * at the first error, which it reports the way V8 does: the same SyntaxError message where
 * there is one ("Unexpected token ')'", "Missing initializer in const declaration", ...), and
 * where it is.
 *
 * The goals:
 *   - a script (module = false) is sloppy unless it says "use strict"; for a CommonJS file set
 *     allow_return_outside_function, as Node wraps the file in a function before running it;
 *   - a module (module = true) is strict, may use import and export declarations, import.meta
 *     and top-level await; `return` is never allowed at its top level.
 *
 * Besides the grammar, the parser reports the errors V8 reports before running anything (the
 * "early errors"): redeclarations of let, const, class and imports (also with var), const
 * without initializer, invalid assignment targets, break/continue without a target, return
 * outside functions, misplaced await/yield/super/new.target, strict mode's rules (with, octal
 * literals and escapes, delete of a name, eval and arguments as targets, duplicate or reserved
 * parameter names), private names that no enclosing class declares, duplicate constructors,
 * duplicate or undefined exports, and invalid regular expression flags.  It does not check the
 * pattern of a regular expression literal, which V8 also rejects early when it is malformed.
 *
 * Resources.  Time is linear in the source length; the tree takes about 11 bytes of arena per
 * byte of source.  The parser recurses as deep as the source nests, and refuses sources nested
 * more than JS_MAX_NESTING levels deep (brackets, blocks, unary operators, ...) with an error
 * ("Too deeply nested") rather than exhausting the C stack: at that limit it uses under 1 MB of
 * stack (under 3 MB with AddressSanitizer).  It has no global state: any number of parses may
 * run at once, in different threads, with different arenas.
 */
#ifndef LOOPSIM_JS_PARSE_H
#define LOOPSIM_JS_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "ast.h"

enum { JS_MAX_NESTING = 1000 };

typedef struct js_parse_options {
    bool module;                         /* the ES module goal (else a script) */
    bool allow_return_outside_function;  /* scripts only, for CommonJS: the top level is the
                                          * body of the function Node wraps a file in, so
                                          * `return` and `new.target` are allowed there */
} js_parse_options;

typedef struct js_parse_error {
    const char *file;   /* as given to js_parse */
    uint32_t line;      /* 1-based */
    uint32_t col;       /* 1-based, in code points */
    size_t offset;      /* in bytes from the start of the source */
    char message[200];  /* V8's wording, without "SyntaxError: " */
} js_parse_error;

/* Parses src[0..len) (UTF-8; it may contain NULs, need not be NUL-terminated, and must be
 * shorter than 4 GiB) and returns the Program node, every part of which is in `arena`.  On a
 * syntax error returns NULL and fills *err (the arena may then hold partial results, freed with
 * it).  `file` only names the source in *err; opt may be NULL for a sloppy script. */
js_node *js_parse(ls_arena *arena, const char *file, const char *src, size_t len,
                  const js_parse_options *opt, js_parse_error *err);

/* Prints `FILE:LINE:COL: error: SyntaxError: MESSAGE` and a newline. */
void js_parse_error_print(const js_parse_error *err, FILE *out);

#endif
