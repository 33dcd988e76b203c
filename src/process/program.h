/* program.h - what a simulated process runs: the program's JavaScript, compiled, and the
 * scenario's settings around it (its timing parameters, whether it is an ES module).
 *
 * A program is made once (program.c: from a JavaScript file, or from a JSON scenario through
 * the JavaScript it stands for) and run by any number of engines: loopsim orders runs one
 * program thousands of times, and nothing in it changes.
 */
#ifndef LOOPSIM_PROGRAM_H
#define LOOPSIM_PROGRAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "costs.h"
#include "js.h"

struct ls_scenario;
struct ls_page;

/* A JSON scenario's fs call with its own timing ("trips", "latency_ms"), which the JavaScript
 * it stands for cannot say: found by the line of the call (emit_js puts each statement on its
 * own line). */
typedef struct {
    uint32_t line;
    int trips;          /* 0: the call's default */
    double latency_ms;  /* < 0: timing.io_latency_ms */
} ls_fs_site;

typedef struct {
    const char *file;        /* the file whose JavaScript this is: as given on the command line;
                              * for a JSON scenario with "script", the script's path as
                              * resolved (messages, stack traces, __filename and process.argv[1]
                              * name it, as in Node; scenario->file is the JSON file) */
    const char *title;       /* optional (JSON "title"; NULL for a JavaScript file) */
    const char *description; /* optional (JSON "description") */
    bool esm;                /* the entry point is an ES module */
    ls_costs costs;          /* defaults overridden by the scenario's "timing" */
    unsigned long long costs_set; /* bit i: ls_cost_table[i] was set by "timing" */
    char *source;            /* the JavaScript: the file's (a byte order mark stripped), a JSON
                              * scenario's "source" or "script" file, or what its "main"
                              * stands for */
    size_t source_len;
    js_program *js;          /* compiled; its file is `file`, so for a "main" scenario its
                              * positions are in `source`, the emitted program */
    /* An .mjs file (so by its name, not by --esm): its text as a CommonJS script, which is
     * what Node 10 ran it as (no ES modules without --experimental-modules: its CommonJS
     * loader takes an unknown extension for .js, lib/module.js @v10.7.0 Module._load ->
     * Module._extensions['.js']); NULL when it does not parse as a script, and then
     * script_error is V8's SyntaxError there ("LINE:COL: MESSAGE", what Node 10 dies of). */
    js_program *script_js;
    char *script_error;
    uint32_t script_error_line, script_error_col;
    const struct ls_scenario *scenario; /* the JSON tree, for a JSON scenario (emit-js, gen) */
    ls_fs_site *fs_sites;    /* by line; a JSON scenario's only */
    size_t nfs_sites;
    /* The page it runs in under the browser (browser/page.h): an .html file's own, else the
     * page tools/lib/chromium.py wraps a script in. */
    const struct ls_page *page;
    bool browser;            /* it asks for the browser: an .html page, or JSON "env": "browser"
                              * (the command line's --env or --node wins over JSON's) */
    bool html;               /* an .html page: Node cannot run it */
    ls_arena *arena;         /* owns everything above but js (js_program_free), and the
                              * program itself */
} ls_program;

/* Loads a scenario file: `.js`/`.cjs` (CommonJS), `.mjs` (an ES module), `.html`/`.htm` (a
 * whole page, for the browser: its one script, browser/page.h), or JSON (any other extension,
 * or none; its program is JSON, "main"; JavaScript text, "source"; or a JavaScript
 * file, "script", relative to the JSON file's directory).  NULL and *error (malloc'd, lines
 * ending in '\n': "FILE:LINE:COL: error: ..." or "FILE: $.PATH: error: ...") on bad input. */
ls_program *program_load_file(const char *path, char **error);
/* The same; `esm` runs it as an ES module whatever its name says (loopsim run --esm; for a
 * JSON scenario as "module": "esm", which p->scenario then says too). */
ls_program *program_load_file_as(const char *path, bool esm, char **error);
/* The same for a text in memory (need not be NUL-terminated); `display_name` names it in
 * messages, and its extension says what it is as above, unless `json` forces JSON; without an
 * extension, a text whose first non-space character is '{' is JSON, any other CommonJS.  A
 * JSON text has no directory: its "script" is relative to the current directory. */
ls_program *program_load_text(const char *display_name, const char *text, size_t len, bool json,
                              char **error);
void program_free(ls_program *p);
/* The line of the program a callback's function starts on, from its label (the trace's): an
 * anonymous function's label holds it ("anonymous@7:25"); a named one is looked up among the
 * program's functions (not found when two have the name).  0 for none (the main script,
 * Node's own callbacks).  A step of an fs call ("LABEL: open done") is its callback's. */
uint32_t program_label_line(const ls_program *p, const char *label);

#endif
