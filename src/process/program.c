/* program.c - the scenario front end: a file in, a compiled program out (program.h).
 *
 * Three kinds of input, told apart by the file's extension:
 *   .js, .cjs   a CommonJS script: parsed as Node parses a file it wraps in a function
 *               (`return` allowed at the top level) and compiled as such;
 *   .mjs        an ES module;
 *   otherwise   a JSON scenario (loader.c), whose program is one of
 *                 - "main" and "functions": the tree of scenario.h, turned into the JavaScript
 *                   it stands for by emit_js.c (the very text `loopsim emit-js` prints and real
 *                   Node runs for the expected output), which is then compiled like a file;
 *                 - "source": JavaScript text in a JSON string, compiled as it is;
 *                 - "script": the path of a JavaScript file, relative to the JSON file's
 *                   directory (from program_load_text, which has none: to the current
 *                   directory), read and compiled as if it had been given on the command line
 *                   (.mjs an ES module, .js and .cjs CommonJS unless "module": "esm"), with
 *                   the JSON's "title", "timing" and "module" around it.  The program's `file`
 *                   is then the script's path as resolved: its messages, stack traces and
 *                   __filename are about that file, as in Node (fs.readFile(__filename) reads
 *                   the script); scenario->file stays the JSON file's name.
 *
 * Labels.  A JSON scenario's functions have labels that name them in traces (a declared name,
 * or the JSON path of an anonymous function: "anonymous@main[2].setTimeout").  emit_js records,
 * for every function it prints, the offset where the function starts in the printed program;
 * the compiler asks label_at() for the label of each function that has no name.
 *
 * Positions in messages.  A JavaScript file's errors are where the parser and the compiler say
 * (FILE:LINE:COL), and so are a "script" file's.  A "source"'s are moved into the JSON file:
 * the program lies in one JSON string, so an offset in the decoded text is a place in that
 * string (the loader's loader_source_position counts its escapes).  A "main" scenario's JavaScript is loopsim's own
 * output, which parses by construction; if the parser or the compiler still refuses it, the
 * message is about that output, and a note says so.
 *
 * Memory.  Everything but the compiled js_program lives in one arena: for a JSON scenario the
 * scenario's own (so the tree, its labels and the program are freed together), else a new one.
 * The syntax tree is parsed into it too, and kept: the compiled program may point into it (the
 * names of functions), and its labels point into the scenario.
 */
#include "program.h"

#include "node/host.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "browser/page.h"
#include "emit_js.h"
#include "loader.h"
#include "parse.h"
#include "scenario.h"

typedef enum { INPUT_JSON, INPUT_COMMONJS, INPUT_MODULE } input_kind;

/* Where the positions in the compiled source are, for messages. */
typedef enum {
    SOURCE_IS_FILE,    /* the file itself (a .js or .mjs file, or a "script" file) */
    SOURCE_IN_JSON,    /* the decoded "source" string of a JSON file */
    SOURCE_IS_EMITTED  /* the JavaScript a "main" scenario stands for */
} source_kind;

typedef struct {
    source_kind kind;
    const char *text;              /* SOURCE_IN_JSON: the JSON text and its scenario */
    size_t len;
    const ls_scenario *scenario;
} source_place;

/* A malloc'd message, printf-style (NULL if memory runs out, which the callers pass on: the
 * caller then has no message, but still a NULL program). */
static char *message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *message(const char *fmt, ...)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(f, fmt, ap);
    va_end(ap);
    fclose(f);
    return buf;
}

/* ---- what a file is ----------------------------------------------------------------------- */

/* The extension of the file's base name ("js" for "a/b.js"); NULL if it has none. */
static const char *extension_of(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : NULL;
}

static size_t bom_length(const char *text, size_t len)
{
    return len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* By the extension; a name without one is JSON if the text starts with '{' (after white space
 * and a byte order mark), else CommonJS, when `sniff`, and JSON otherwise. */
static input_kind kind_of(const char *name, const char *text, size_t len, bool sniff)
{
    const char *ext = extension_of(name);
    if (ext) {
        if (strcmp(ext, "js") == 0 || strcmp(ext, "cjs") == 0)
            return INPUT_COMMONJS;
        if (strcmp(ext, "mjs") == 0)
            return INPUT_MODULE;
        return INPUT_JSON;
    }
    if (!sniff)
        return INPUT_JSON;
    size_t i = bom_length(text, len);
    while (i < len && strchr(" \t\r\n", text[i]))
        i++;
    return i < len && text[i] == '{' ? INPUT_JSON : INPUT_COMMONJS;
}

/* ---- positions in a "source" -------------------------------------------------------------- */

/* The byte offset in src of 1-based line:col (columns in code points; lines end at LF, CR,
 * CRLF, U+2028 and U+2029, as the parser counts them). */
static size_t offset_of_line_col(const char *src, size_t len, unsigned long line, unsigned long col)
{
    size_t i = 0;
    for (unsigned long l = 1; l < line && i < len; i++) {
        unsigned char c = (unsigned char)src[i];
        if (c == '\r' && i + 1 < len && src[i + 1] == '\n')
            i++;
        if (c == '\n' || c == '\r')
            l++;
        else if (c == 0xE2 && i + 2 < len && (unsigned char)src[i + 1] == 0x80 &&
                 ((unsigned char)src[i + 2] == 0xA8 || (unsigned char)src[i + 2] == 0xA9)) {
            i += 2;
            l++;
        }
    }
    for (unsigned long c = 1; c < col && i < len; c++) /* one code point: a lead byte and its tail */
        for (i++; i < len && ((unsigned char)src[i] & 0xC0) == 0x80; i++)
            ;
    return i;
}

/* A compiler message "FILE:LINE:COL: error: ..." about the "source", with LINE:COL moved into
 * the JSON file.  Takes `msg`; returns it unchanged if it does not start that way. */
static char *move_compile_message(char *msg, const char *file, const source_place *at)
{
    size_t flen = strlen(file);
    if (!msg || strncmp(msg, file, flen) != 0 || msg[flen] != ':')
        return msg;
    char *end;
    unsigned long line = strtoul(msg + flen + 1, &end, 10);
    if (*end != ':')
        return msg;
    unsigned long col = strtoul(end + 1, &end, 10);
    if (*end != ':')
        return msg;
    const ls_scenario *s = at->scenario;
    int jline, jcol;
    loader_source_position(at->text, at->len, s,
                           offset_of_line_col(s->js_source, s->js_source_len, line, col), &jline,
                           &jcol);
    char *moved = message("%s:%d:%d%s", file, jline, jcol, end);
    if (!moved)
        return msg;
    free(msg);
    return moved;
}

/* ---- compiling ---------------------------------------------------------------------------- */

/* The label emit_js recorded for the function that starts at `offset`, or NULL. */
static const char *label_at(void *ctx, uint32_t offset)
{
    const emit_js_labels *labels = ctx;
    size_t lo = 0, hi = labels->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (labels->items[mid].offset < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < labels->len && labels->items[lo].offset == offset ? labels->items[lo].label : NULL;
}

static char *emitted_note(char *msg, const char *file)
{
    char *noted = message("%s%s: note: the place is in the JavaScript this scenario stands for, "
                          "which `loopsim emit-js %s` prints\n", msg ? msg : "", file, file);
    if (!noted)
        return msg;
    free(msg);
    return noted;
}

/* A module the program names that loopsim does not model: refused before the run */
static const char *module_refused(void *ctx, const char *name)
{
    (void)ctx;
    return host_module_refused(name);
}

/* Parses and compiles p->source into p->js.  False and *error if it cannot. */
static bool compile_source(ls_program *p, const source_place *at, emit_js_labels *labels,
                           char **error)
{
    js_parse_options popt = {.module = p->esm, .allow_return_outside_function = !p->esm};
    js_parse_error perr;
    js_node *tree = js_parse(p->arena, p->file, p->source, p->source_len, &popt, &perr);
    if (!tree) {
        if (at->kind == SOURCE_IN_JSON) {
            int line, col;
            loader_source_position(at->text, at->len, at->scenario, perr.offset, &line, &col);
            perr.line = (uint32_t)line;
            perr.col = (uint32_t)col;
        }
        char *buf = NULL;
        size_t size = 0;
        FILE *f = open_memstream(&buf, &size);
        if (f) {
            js_parse_error_print(&perr, f);
            fclose(f);
        }
        *error = at->kind == SOURCE_IS_EMITTED ? emitted_note(buf, p->file) : buf;
        return false;
    }
    js_compile_options copt = {
        .file = p->file,
        .source = p->source,
        .source_len = p->source_len,
        .module = p->esm,
        .label_for = labels ? label_at : NULL,
        .label_ctx = labels,
        .module_refused = module_refused,
    };
    char *cerr = NULL;
    p->js = js_compile(tree, &copt, &cerr);
    if (!p->js) {
        if (at->kind == SOURCE_IN_JSON)
            cerr = move_compile_message(cerr, p->file, at);
        else if (at->kind == SOURCE_IS_EMITTED)
            cerr = emitted_note(cerr, p->file);
        *error = cerr;
        return false;
    }
    free(cerr);
    return true;
}

/* What emit_js printed where it could not go on: "WHAT at PATH" of its first
 * `/ * loopsim: cannot emit WHAT at PATH * /` comment. */
static char *no_javascript_form(const char *file, const char *printed)
{
    static const char mark[] = "/* loopsim: cannot emit ";
    const char *what = printed ? strstr(printed, mark) : NULL;
    if (!what)
        return message("%s: error: this scenario has no JavaScript form: it could not be printed\n",
                       file);
    what += sizeof mark - 1;
    const char *end = strstr(what, " */");
    int n = end ? (int)(end - what) : (int)strlen(what);
    return message("%s: error: this scenario has no JavaScript form: %.*s\n", file, n, what);
}

/* The fs calls that set their own timing ("trips", "latency_ms"), by the line they are printed
 * on: the engine finds them by the line of the running call.  Lines are counted at '\n' alone:
 * emit_js writes no other line terminator (strings escape them, comments replace them). */
static void find_fs_sites(ls_program *p, const emit_js_labels *labels)
{
    p->fs_sites = arena_alloc(p->arena, (labels->nfs_calls + 1) * sizeof *p->fs_sites);
    uint32_t line = 1;
    size_t at = 0;
    for (size_t i = 0; i < labels->nfs_calls; i++) {
        const emit_js_site *call = &labels->fs_calls[i];
        for (; at < call->offset && at < p->source_len; at++)
            line += p->source[at] == '\n';
        const ls_node *n = call->node;
        if (n->fs_trips != 0 || n->fs_latency_ms >= 0)
            p->fs_sites[p->nfs_sites++] = (ls_fs_site){line, n->fs_trips, n->fs_latency_ms};
    }
}

/* A "main" scenario: the JavaScript it stands for, with the labels of its functions. */
static bool compile_emitted(ls_program *p, char **error)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f) {
        *error = message("%s: error: cannot print the JavaScript of this scenario: out of memory\n",
                         p->file);
        return false;
    }
    emit_js_labels labels = {0};
    int failed = emit_js_with_labels(p->scenario, f, &labels);
    if (fclose(f) != 0)
        failed = 1;
    bool ok = false;
    if (failed) {
        *error = no_javascript_form(p->file, buf);
    } else {
        p->source = arena_alloc(p->arena, size + 1);
        memcpy(p->source, buf, size);
        p->source_len = size;
        find_fs_sites(p, &labels);
        source_place at = {SOURCE_IS_EMITTED, NULL, 0, NULL};
        ok = compile_source(p, &at, &labels, error);
    }
    free(buf);
    emit_js_labels_free(&labels);
    return ok;
}

/* p->source: a NUL-terminated copy of text, in p's arena. */
static void set_source(ls_program *p, const char *text, size_t len)
{
    p->source = arena_alloc(p->arena, len + 1);
    memcpy(p->source, text, len);
    p->source_len = len;
}

/* Where a "script" path leads: as written if absolute or if there is no JSON file to be
 * relative to (json_path NULL: the current directory), else in the JSON file's directory
 * ("a/s.json" and "./q.js" give "a/q.js"). */
static const char *resolve_script(ls_arena *arena, const char *script, const char *json_path)
{
    const char *slash = json_path ? strrchr(json_path, '/') : NULL;
    if (script[0] == '/' || !slash)
        return script;
    while (strncmp(script, "./", 2) == 0)
        script += 2;
    return arena_printf(arena, "%.*s%s", (int)(slash - json_path + 1), json_path, script);
}

/* A "script" scenario: reads the file into p->source (and the scenario's js_source, for
 * emit-js) and compiles it as the file it is. */
static bool compile_script(ls_program *p, ls_scenario *s, const char *json_path, char **error)
{
    const char *path = resolve_script(p->arena, s->script, json_path);
    size_t len;
    int err;
    char *text = loader_read_bytes(path, &len, &err);
    if (!text) {
        if (strcmp(path, s->script) == 0)
            *error = message("%s: $.script: error: cannot read '%s': %s\n", s->file, s->script,
                             strerror(err));
        else
            *error = message("%s: $.script: error: cannot read '%s' (resolved to %s): %s\n", s->file,
                             s->script, path, strerror(err));
        return false;
    }
    size_t bom = bom_length(text, len); /* Node strips it before parsing */
    set_source(p, text + bom, len - bom);
    free(text);
    p->file = s->script_path = path;
    s->js_source = p->source;
    s->js_source_len = p->source_len;
    source_place at = {SOURCE_IS_FILE, NULL, 0, NULL};
    return compile_source(p, &at, NULL, error);
}

/* `json_path`: the JSON file's path, which a "script" is relative to; NULL for the current
 * directory. */
static ls_program *from_json(const char *name, const char *text, size_t len, bool esm,
                             const char *json_path, char **error)
{
    ls_scenario *s = loader_load_text(name, text, len, error);
    if (!s)
        return NULL;
    if (esm) /* --esm: as "module": "esm", so that emit-js prints the module too */
        s->esm = true;
    ls_program *p = arena_alloc(s->arena, sizeof *p);
    p->arena = s->arena;
    p->scenario = s;
    p->file = s->file;
    p->title = s->title;
    p->description = s->description;
    p->esm = s->esm;
    p->browser = s->browser;
    p->costs = s->costs;
    p->costs_set = s->costs_set;
    bool ok;
    if (s->js_source) {
        set_source(p, s->js_source, s->js_source_len);
        source_place at = {SOURCE_IN_JSON, text, len, s};
        ok = compile_source(p, &at, NULL, error);
    } else if (s->script) {
        ok = compile_script(p, s, json_path, error);
    } else {
        ok = compile_emitted(p, error);
    }
    if (!ok) {
        scenario_free(s); /* and p, in its arena */
        return NULL;
    }
    return p;
}

/* An .mjs file's text as a CommonJS script (ls_program.script_js), for Node 10. */
static void compile_as_script(ls_program *p)
{
    js_parse_options popt = {.module = false, .allow_return_outside_function = true};
    js_parse_error perr;
    js_node *tree = js_parse(p->arena, p->file, p->source, p->source_len, &popt, &perr);
    if (!tree) {
        p->script_error = arena_strdup(p->arena, perr.message);
        p->script_error_line = perr.line;
        p->script_error_col = perr.col;
        return;
    }
    js_compile_options copt = {
        .file = p->file,
        .source = p->source,
        .source_len = p->source_len,
        .module = false,
        .module_refused = module_refused,
    };
    char *cerr = NULL;
    p->script_js = js_compile(tree, &copt, &cerr);
    if (!p->script_js) {
        /* a refusal (a construct loopsim does not model) or an early error: the message */
        p->script_error = arena_strdup(p->arena, cerr ? cerr : "does not compile");
        p->script_error_line = p->script_error_col = 0;
    }
    free(cerr);
}

/* In `arena` (NULL: a new one), which the program then owns. */
static ls_program *from_javascript(ls_arena *arena, const char *name, const char *text,
                                   size_t len, bool module, bool mjs, char **error)
{
    size_t bom = bom_length(text, len); /* Node strips it before parsing */
    if (!arena)
        arena = arena_new();
    ls_program *p = arena_alloc(arena, sizeof *p);
    p->arena = arena;
    p->file = arena_strdup(arena, name);
    p->esm = module;
    costs_defaults(&p->costs);
    set_source(p, text + bom, len - bom);
    source_place at = {SOURCE_IS_FILE, NULL, 0, NULL};
    if (!compile_source(p, &at, NULL, error)) {
        arena_free(arena);
        return NULL;
    }
    if (mjs)
        compile_as_script(p);
    return p;
}

/* A whole page (browser/page.h): its script, compiled where it stands in the page. */
static ls_program *from_page(const char *name, const char *text, size_t len, char **error)
{
    ls_arena *arena = arena_new();
    ls_page *page = page_parse(arena, name, text, len, error);
    if (!page) {
        arena_free(arena);
        return NULL;
    }
    ls_program *p = from_javascript(arena, name, page->source, page->source_len, page->module,
                                    false, error); /* frees the arena when it fails */
    if (p) {
        p->page = page;
        p->browser = p->html = true;
    }
    return p;
}

/* ---- the API ------------------------------------------------------------------------------ */

/* `esm` makes any input an ES module; `json_path` is what a JSON scenario's "script" is
 * relative to (NULL: the current directory). */
static ls_program *load(const char *name, const char *text, size_t len, input_kind kind, bool esm,
                        const char *json_path, char **error)
{
    char *err = NULL;
    ls_program *p = kind == INPUT_JSON
                        ? from_json(name, text, len, esm, json_path, &err)
                        : from_javascript(NULL, name, text, len, esm || kind == INPUT_MODULE,
                                          !esm && kind == INPUT_MODULE, &err);
    if (p) {
        free(err);
        err = NULL;
        p->page = page_for_script(p->arena, p->esm);
    }
    if (error)
        *error = err;
    else
        free(err);
    return p;
}

ls_program *program_load_text(const char *display_name, const char *text, size_t len, bool json,
                              char **error)
{
    const char *name = display_name ? display_name : "<input>";
    if (!text) {
        text = "";
        len = 0;
    }
    const char *ext = extension_of(name);
    if (!json && ext && (strcmp(ext, "html") == 0 || strcmp(ext, "htm") == 0))
        return from_page(name, text, len, error);
    return load(name, text, len, json ? INPUT_JSON : kind_of(name, text, len, true), false, NULL,
                error);
}

ls_program *program_load_file_as(const char *path, bool esm, char **error)
{
    size_t len;
    char *text = loader_read_file(path, &len, error);
    if (!text)
        return NULL;
    const char *ext = extension_of(path);
    ls_program *p;
    if (ext && (strcmp(ext, "html") == 0 || strcmp(ext, "htm") == 0))
        p = from_page(path, text, len, error);
    else
        p = load(path, text, len, kind_of(path, text, len, false), esm, path, error);
    free(text);
    return p;
}

ls_program *program_load_file(const char *path, char **error)
{
    return program_load_file_as(path, false, error);
}

void program_free(ls_program *p)
{
    if (!p)
        return;
    js_program_free(p->js);
    js_program_free(p->script_js);
    arena_free(p->arena); /* p is in it */
}

uint32_t program_label_line(const ls_program *p, const char *label)
{
    uint32_t line = 0;
    if (strcmp(label, "main script") == 0)
        return 0;
    if (strncmp(label, "anonymous@", 10) == 0) {
        unsigned l = 0;
        return sscanf(label + 10, "%u:", &l) == 1 ? (uint32_t)l : 0;
    }
    if (!p->js)
        return 0;
    if (js_program_label_line(p->js, label, &line))
        return line;
    const char *colon = strstr(label, ": ");
    if (colon) {
        char name[256];
        size_t n = (size_t)(colon - label);
        if (n < sizeof name) {
            memcpy(name, label, n);
            name[n] = '\0';
            if (js_program_label_line(p->js, name, &line))
                return line;
        }
    }
    return 0;
}
