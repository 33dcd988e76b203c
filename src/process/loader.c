/* loader.c - reads a JSON scenario (docs/scenario-format.md) and builds the tree of scenario.h.
 *
 * Four steps, each stopping at the first error (errors leave through longjmp to load(), which
 * frees everything):
 *   1. scan:     our own strict JSON scanner finds the first syntax error, with line, column
 *                and what was expected there; it also records where every JSON value starts, so
 *                nodes get a line and column; nesting is capped at MAX_DEPTH.
 *   2. build:    cJSON parses the text; the tree is walked into ls_nodes (all in the scenario's
 *                arena), checking the shape of every operation and noting each function's
 *                declared names and every name that is read, called or assigned.
 *   3. resolve:  every noted name must be in scope (static scoping, closures included).
 *   4. cycles:   no declared function may reach itself through unconditional synchronous calls.
 * A scenario whose program is JavaScript ends with its top-level keys: the text ("source") or
 * the path of the file ("script") is kept for program.c, which reads and parses it.
 * cJSON is used only in this file, and its tree is freed before load() returns.
 */
#include "loader.h"

#include <cjson/cJSON.h>

#include <errno.h>
#include <math.h> /* isfinite: a macro, no libm needed */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

enum { MAX_DEPTH = 200 };
#define MAX_MS 3600000.0

/* ------------------------------------------------------------------------------------------ */
/* small helpers                                                                              */


static char *xvprintf(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *s = xrealloc(NULL, (size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

static char *xprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *xprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = xvprintf(fmt, ap);
    va_end(ap);
    return s;
}

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_hex(int c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
static int lower(int c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

/* 1-based line and column (in characters, counting UTF-8 sequences as one) of byte `pos`. */
static void line_col(const char *text, size_t pos, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < pos; i++) {
        unsigned char b = (unsigned char)text[i];
        if (b == '\n') {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
    *line = l;
    *col = c;
}

/* ------------------------------------------------------------------------------------------ */
/* step 1: the JSON scanner                                                                   */

typedef struct {
    const char *s;
    size_t len, pos;
    int depth;
    size_t *starts; /* byte offset of every value, in document (pre-)order */
    size_t nstarts, capstarts;
    bool failed, too_deep;
    size_t err_pos;
    char expected[160];
} scanner;

static bool scan_fail(scanner *sc, size_t pos, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static bool scan_fail(scanner *sc, size_t pos, const char *fmt, ...)
{
    if (!sc->failed) {
        sc->failed = true;
        sc->err_pos = pos;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(sc->expected, sizeof sc->expected, fmt, ap);
        va_end(ap);
    }
    return false;
}

static void scan_ws(scanner *sc)
{
    while (sc->pos < sc->len) {
        char c = sc->s[sc->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        sc->pos++;
    }
}

static bool scan_string(scanner *sc)
{
    size_t start = sc->pos++;
    while (sc->pos < sc->len) {
        unsigned char c = (unsigned char)sc->s[sc->pos];
        if (c == '"') {
            sc->pos++;
            return true;
        }
        if (c == '\\') {
            sc->pos++;
            if (sc->pos >= sc->len)
                break;
            char e = sc->s[sc->pos];
            if (e == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (sc->pos + (size_t)k >= sc->len || !is_hex(sc->s[sc->pos + (size_t)k]))
                        return scan_fail(sc, sc->pos + (size_t)k, "four hex digits after '\\u'");
                sc->pos += 5;
            } else if (e && strchr("\"\\/bfnrt", e)) {
                sc->pos++;
            } else {
                return scan_fail(sc, sc->pos, "an escape (one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX) after '\\'");
            }
            continue;
        }
        if (c < 0x20)
            return scan_fail(sc, sc->pos, "'\"' to close the string");
        sc->pos++;
    }
    int l, col;
    line_col(sc->s, start, &l, &col);
    return scan_fail(sc, sc->len, "'\"' to close the string that starts at %d:%d", l, col);
}

static bool scan_digits(scanner *sc, const char *what)
{
    if (sc->pos >= sc->len || !is_digit(sc->s[sc->pos]))
        return scan_fail(sc, sc->pos, "%s", what);
    while (sc->pos < sc->len && is_digit(sc->s[sc->pos]))
        sc->pos++;
    return true;
}

static bool scan_number(scanner *sc)
{
    if (sc->s[sc->pos] == '-')
        sc->pos++;
    if (sc->pos < sc->len && sc->s[sc->pos] == '0')
        sc->pos++;
    else if (!scan_digits(sc, "a digit"))
        return false;
    if (sc->pos < sc->len && sc->s[sc->pos] == '.') {
        sc->pos++;
        if (!scan_digits(sc, "a digit after '.'"))
            return false;
    }
    if (sc->pos < sc->len && (sc->s[sc->pos] == 'e' || sc->s[sc->pos] == 'E')) {
        sc->pos++;
        if (sc->pos < sc->len && (sc->s[sc->pos] == '+' || sc->s[sc->pos] == '-'))
            sc->pos++;
        if (!scan_digits(sc, "a digit in the exponent"))
            return false;
    }
    return true;
}

static bool scan_word(scanner *sc, const char *word, const char *expected)
{
    size_t n = strlen(word);
    if (sc->len - sc->pos >= n && memcmp(sc->s + sc->pos, word, n) == 0 &&
        (sc->pos + n == sc->len || !is_alpha(sc->s[sc->pos + n]))) {
        sc->pos += n;
        return true;
    }
    return scan_fail(sc, sc->pos, "%s", expected);
}

static bool scan_value(scanner *sc, const char *expected);

static bool scan_enter(scanner *sc)
{
    if (++sc->depth > MAX_DEPTH) {
        sc->too_deep = true;
        return scan_fail(sc, sc->pos, "nesting deeper than %d levels", MAX_DEPTH);
    }
    sc->pos++;
    scan_ws(sc);
    return true;
}

static bool scan_object(scanner *sc)
{
    if (!scan_enter(sc))
        return false;
    if (sc->pos < sc->len && sc->s[sc->pos] == '}') {
        sc->pos++;
        sc->depth--;
        return true;
    }
    const char *key_expected = "a string key or '}'";
    for (;;) {
        if (sc->pos >= sc->len || sc->s[sc->pos] != '"')
            return scan_fail(sc, sc->pos, "%s", key_expected);
        if (!scan_string(sc))
            return false;
        scan_ws(sc);
        if (sc->pos >= sc->len || sc->s[sc->pos] != ':')
            return scan_fail(sc, sc->pos, "':' after the key");
        sc->pos++;
        scan_ws(sc);
        if (!scan_value(sc, "a JSON value after ':'"))
            return false;
        scan_ws(sc);
        if (sc->pos < sc->len && sc->s[sc->pos] == ',') {
            sc->pos++;
            scan_ws(sc);
            key_expected = "a string key after ','";
            continue;
        }
        if (sc->pos < sc->len && sc->s[sc->pos] == '}') {
            sc->pos++;
            sc->depth--;
            return true;
        }
        return scan_fail(sc, sc->pos, "',' or '}'");
    }
}

static bool scan_array(scanner *sc)
{
    if (!scan_enter(sc))
        return false;
    if (sc->pos < sc->len && sc->s[sc->pos] == ']') {
        sc->pos++;
        sc->depth--;
        return true;
    }
    const char *value_expected = "a JSON value or ']'";
    for (;;) {
        if (!scan_value(sc, value_expected))
            return false;
        scan_ws(sc);
        if (sc->pos < sc->len && sc->s[sc->pos] == ',') {
            sc->pos++;
            scan_ws(sc);
            value_expected = "a JSON value after ','";
            continue;
        }
        if (sc->pos < sc->len && sc->s[sc->pos] == ']') {
            sc->pos++;
            sc->depth--;
            return true;
        }
        return scan_fail(sc, sc->pos, "',' or ']'");
    }
}

static bool scan_value(scanner *sc, const char *expected)
{
    if (sc->pos >= sc->len)
        return scan_fail(sc, sc->pos, "%s", expected);
    if (sc->nstarts == sc->capstarts) {
        sc->capstarts = sc->capstarts ? 2 * sc->capstarts : 256;
        sc->starts = xrealloc(sc->starts, sc->capstarts * sizeof *sc->starts);
    }
    sc->starts[sc->nstarts++] = sc->pos;
    char c = sc->s[sc->pos];
    switch (c) {
    case '{': return scan_object(sc);
    case '[': return scan_array(sc);
    case '"': return scan_string(sc);
    case 't': return scan_word(sc, "true", expected);
    case 'f': return scan_word(sc, "false", expected);
    case 'n': return scan_word(sc, "null", expected);
    default:
        if (c == '-' || is_digit(c))
            return scan_number(sc);
        return scan_fail(sc, sc->pos, "%s", expected);
    }
}

/* Describes what is at `pos` for "found ...". */
static void describe_text_at(const char *s, size_t len, size_t pos, char *buf, size_t size)
{
    if (pos >= len) {
        snprintf(buf, size, "end of file");
        return;
    }
    unsigned char c = (unsigned char)s[pos];
    if (c == '"') {
        size_t e = pos + 1;
        while (e < len && s[e] != '"' && s[e] != '\n' && e - pos < 24)
            e++;
        bool closed = e < len && s[e] == '"';
        snprintf(buf, size, "a string %.*s%s", (int)(e - pos + (closed ? 1 : 0)), s + pos, closed ? "" : "...");
    } else if (is_alpha(c) || is_digit(c) || c == '_' || c == '$' || c == '-') {
        size_t e = pos;
        while (e < len && e - pos < 20 &&
               (is_alpha(s[e]) || is_digit(s[e]) || s[e] == '_' || s[e] == '$' || s[e] == '.' || s[e] == '-'))
            e++;
        if (e == pos)
            e = pos + 1;
        snprintf(buf, size, "'%.*s'", (int)(e - pos), s + pos);
    } else if (c == '\n' || c == '\r') {
        snprintf(buf, size, "a line break");
    } else if (c < 0x20 || c == 0x7f) {
        snprintf(buf, size, "a control character (U+%04X)", c);
    } else if (c >= 0x80) {
        size_t e = pos + 1;
        while (e < len && ((unsigned char)s[e] & 0xC0) == 0x80 && e - pos < 4)
            e++;
        snprintf(buf, size, "'%.*s'", (int)(e - pos), s + pos);
    } else {
        snprintf(buf, size, "'%c'", c);
    }
}

/* ------------------------------------------------------------------------------------------ */
/* the loader's state                                                                         */

typedef struct {
    const char *name;
    const char *path; /* where it is declared */
} decl;

typedef struct scope scope;
struct scope {
    ls_func *fn;
    scope *parent;   /* the enclosing function's scope; NULL for the main script */
    decl *names;     /* params, then every "let" and "as" in the function's own body */
    size_t nnames, capnames;
};

typedef enum { REF_READ, REF_CALL, REF_CALLBACK, REF_WRITE } ref_kind;

typedef struct {
    const char *name;
    const char *path;
    scope *sc;
    ref_kind kind;
} ref;

typedef struct {
    const cJSON *item;
    int line, col;
    size_t offset; /* in the text, of the value's first byte */
} pos_entry;

typedef struct {
    const char *file;
    const char *text;
    size_t len;
    ls_arena *arena;
    ls_scenario *prog;         /* the scenario being built */
    jmp_buf fail;
    char *error;
    cJSON *root;
    scanner sc;
    pos_entry *pos; /* sorted by item, for node line/col */
    size_t npos;
    scope *cur;     /* the function whose body is being read */
    scope *main_scope;
    scope *last_scope; /* of the function parse_function() read last */
    scope **fscopes; /* of prog->functions[i] */
    ref *refs;
    size_t nrefs, caprefs;
    bool at_statement; /* the expression being read is an item of a statement list */
} loader;

static _Noreturn void fail(loader *L, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static _Noreturn void fail(loader *L, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = xvprintf(fmt, ap);
    va_end(ap);
    L->error = xprintf("%s: %s: error: %s\n", L->file, path, msg);
    free(msg);
    longjmp(L->fail, 1);
}

/* ------------------------------------------------------------------------------------------ */
/* descriptions and suggestions                                                               */

/* `s` quoted and escaped, cut after `max` bytes (at a character boundary). */
static const char *quote(loader *L, const char *s, size_t max)
{
    size_t n = strlen(s);
    char *out = arena_alloc(L->arena, 2 * (n < max ? n : max) + 8);
    char *o = out;
    *o++ = '"';
    size_t i = 0;
    for (; s[i] && i < max; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            *o++ = '\\';
            *o++ = (char)c;
        } else if (c == '\n') {
            *o++ = '\\';
            *o++ = 'n';
        } else if (c < 0x20) {
            *o++ = '?';
        } else {
            *o++ = (char)c;
        }
    }
    while (i > 0 && s[i] && ((unsigned char)s[i] & 0xC0) == 0x80) { /* do not cut a character */
        i--;
        o--;
    }
    *o++ = '"';
    if (s[i]) {
        memcpy(o, "...", 3);
        o += 3;
    }
    *o = '\0';
    return out;
}

/* What a JSON value is, for "found ...": `a number (5)`, `a string "abc"`, ... */
static const char *describe(loader *L, const cJSON *j)
{
    if (!j)
        return "nothing";
    if (cJSON_IsString(j))
        return arena_printf(L->arena, "a string %s", quote(L, j->valuestring, 40));
    if (cJSON_IsNumber(j))
        return arena_printf(L->arena, "a number (%.15g)", j->valuedouble);
    if (cJSON_IsTrue(j))
        return "true";
    if (cJSON_IsFalse(j))
        return "false";
    if (cJSON_IsNull(j))
        return "null";
    int n = cJSON_GetArraySize(j);
    if (cJSON_IsArray(j)) {
        if (n == 0)
            return "an empty array";
        return arena_printf(L->arena, "an array of %d element%s", n, n == 1 ? "" : "s");
    }
    if (n == 0)
        return "an empty object";
    char *s = arena_printf(L->arena, "an object with key%s ", n == 1 ? "" : "s");
    int k = 0;
    for (const cJSON *c = j->child; c; c = c->next, k++) {
        if (k == 4) {
            s = arena_printf(L->arena, "%s, ...", s);
            break;
        }
        s = arena_printf(L->arena, "%s%s%s", s, k ? ", " : "", quote(L, c->string, 30));
    }
    return s;
}

/* Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
static size_t edit_distance(const char *a, const char *b)
{
    enum { MAXN = 64 };
    size_t n = strlen(a), m = strlen(b);
    if (n >= MAXN || m >= MAXN)
        return (size_t)-1;
    size_t d[MAXN + 1][MAXN + 1];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m];
}

typedef struct {
    const char *word;
    const char *best;
    size_t best_score;
} suggester;

static void consider(suggester *sg, const char *cand)
{
    if (!cand || strcmp(cand, sg->word) == 0)
        return;
    size_t score;
    const char *a = sg->word, *b = cand;
    while (*a && *b && lower(*a) == lower(*b)) {
        a++;
        b++;
    }
    if (!*a && !*b) {
        score = 0; /* differs only in case */
    } else {
        size_t d = edit_distance(sg->word, cand);
        size_t longest = strlen(sg->word) > strlen(cand) ? strlen(sg->word) : strlen(cand);
        if (d > 2 || d >= longest)
            return;
        score = d;
    }
    if (!sg->best || score < sg->best_score) {
        sg->best = cand;
        sg->best_score = score;
    }
}

static const char *did_you_mean(loader *L, const suggester *sg)
{
    return sg->best ? arena_printf(L->arena, "; did you mean \"%s\"?", sg->best) : "";
}

static const char *suggest_from(loader *L, const char *word, const char *const *cands)
{
    suggester sg = {word, NULL, 0};
    for (; *cands; cands++)
        consider(&sg, *cands);
    return did_you_mean(L, &sg);
}

/* ------------------------------------------------------------------------------------------ */
/* paths, nodes, names                                                                        */

static const char *path_key(loader *L, const char *base, const char *key)
{
    bool plain = *key != '\0';
    for (const char *k = key; *k; k++)
        if (!is_alpha(*k) && !is_digit(*k) && *k != '_' && *k != '$' && *k != '.')
            plain = false;
    if (plain)
        return arena_printf(L->arena, "%s.%s", base, key);
    return arena_printf(L->arena, "%s['%s']", base, key);
}

static const char *path_index(loader *L, const char *base, size_t i)
{
    return arena_printf(L->arena, "%s[%zu]", base, i);
}

static int cmp_pos(const void *a, const void *b)
{
    uintptr_t x = (uintptr_t)((const pos_entry *)a)->item, y = (uintptr_t)((const pos_entry *)b)->item;
    return x < y ? -1 : x > y;
}

/* Where the value j starts in the text; NULL if unknown. */
static const pos_entry *position_of(loader *L, const cJSON *j)
{
    if (!j || !L->pos)
        return NULL;
    pos_entry key = {j, 0, 0, 0};
    return bsearch(&key, L->pos, L->npos, sizeof *L->pos, cmp_pos);
}

static void where(loader *L, const cJSON *j, int *line, int *col)
{
    const pos_entry *e = position_of(L, j);
    *line = e ? e->line : 0;
    *col = e ? e->col : 0;
}

static ls_node *new_node(loader *L, ls_kind kind, const char *path, const cJSON *j)
{
    ls_node *n = arena_alloc(L->arena, sizeof *n);
    n->kind = kind;
    n->path = path;
    n->fs_latency_ms = -1;
    where(L, j, &n->line, &n->col);
    return n;
}

static const char *const reserved_names[] = {
    "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
    "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "import",
    "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
    "typeof", "var", "void", "while", "with", "yield", "let", "static", "await", "implements",
    "package", "protected", "interface", "private", "public", "arguments", "eval",
    /* globals the emitted program uses */
    "undefined", "NaN", "Infinity", "console", "process", "setTimeout", "setInterval",
    "setImmediate", "clearTimeout", "clearInterval", "clearImmediate", "queueMicrotask", "Promise",
    "fs", "net", "EventEmitter", "performance", "require", "module", "exports", "__filename",
    "__dirname", NULL,
};

static bool is_identifier(const char *s)
{
    if (!*s || is_digit(*s))
        return false;
    for (; *s; s++)
        if (!is_alpha(*s) && !is_digit(*s) && *s != '_' && *s != '$')
            return false;
    return true;
}

/* A name being declared (function, parameter, "let", "as"): an identifier, not reserved. */
static const char *decl_name(loader *L, const cJSON *j, const char *path)
{
    if (!cJSON_IsString(j))
        fail(L, path, "expected a name (a string), found %s", describe(L, j));
    if (!is_identifier(j->valuestring))
        fail(L, path, "expected a JavaScript identifier (letters, digits, _ and $, not starting with a digit), found %s",
             describe(L, j));
    for (const char *const *r = reserved_names; *r; r++)
        if (strcmp(*r, j->valuestring) == 0)
            fail(L, path, "expected a name that is not a JavaScript keyword or a global the program uses, found %s",
                 describe(L, j));
    return arena_strdup(L->arena, j->valuestring);
}

/* A name being used (read, called, assigned): a non-empty string, resolved later. */
static const char *use_name(loader *L, const cJSON *j, const char *path, const char *what)
{
    if (!cJSON_IsString(j) || !*j->valuestring)
        fail(L, path, "expected %s, found %s", what, describe(L, j));
    return arena_strdup(L->arena, j->valuestring);
}

static void scope_add(loader *L, scope *sc, const char *name, const char *path)
{
    if (sc->nnames == sc->capnames) {
        size_t cap = sc->capnames ? 2 * sc->capnames : 8;
        sc->names = arena_grow(L->arena, sc->names, sc->nnames, cap, sizeof *sc->names);
        sc->capnames = cap;
    }
    sc->names[sc->nnames].name = name;
    sc->names[sc->nnames].path = path;
    sc->nnames++;
}

static bool scope_has(const scope *sc, const char *name)
{
    for (size_t i = 0; i < sc->nnames; i++)
        if (strcmp(sc->names[i].name, name) == 0)
            return true;
    return false;
}

static void add_ref(loader *L, const char *name, const char *path, ref_kind kind)
{
    if (L->nrefs == L->caprefs) {
        L->caprefs = L->caprefs ? 2 * L->caprefs : 64;
        L->refs = xrealloc(L->refs, L->caprefs * sizeof *L->refs);
    }
    L->refs[L->nrefs++] = (ref){name, path, L->cur, kind};
}

static ls_node *var_node(loader *L, const cJSON *j, const char *path, ref_kind kind, const char *what)
{
    ls_node *n = new_node(L, LS_N_VAR, path, j);
    n->name = use_name(L, j, path, what);
    add_ref(L, n->name, path, kind);
    return n;
}

static bool in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(*list, s) == 0)
            return true;
    return false;
}

static const char *list_keys(loader *L, const char *const *keys)
{
    const char *s = "";
    for (size_t i = 0; keys[i]; i++)
        s = arena_printf(L->arena, "%s%s\"%s\"", s, i ? ", " : "", keys[i]);
    return s;
}

static void check_duplicate_keys(loader *L, const cJSON *obj, const char *path)
{
    for (const cJSON *a = obj->child; a; a = a->next)
        for (const cJSON *b = a->next; b; b = b->next)
            if (strcmp(a->string, b->string) == 0)
                fail(L, path, "duplicate key \"%s\"", a->string);
}

/* Every key of `obj` must be in `allowed` (NULL-terminated). */
static void check_keys(loader *L, const cJSON *obj, const char *path, const char *const *allowed, const char *what)
{
    check_duplicate_keys(L, obj, path);
    for (const cJSON *c = obj->child; c; c = c->next) {
        if (in_list(c->string, allowed))
            continue;
        const char *hint = suggest_from(L, c->string, allowed);
        if (*hint)
            fail(L, path, "unknown key \"%s\"%s", c->string, hint);
        fail(L, path, "unknown key \"%s\" in %s (allowed: %s)", c->string, what, list_keys(L, allowed));
    }
}

static double number_in(loader *L, const cJSON *j, const char *path, double lo, double hi, bool integer,
                        const char *expected)
{
    if (!cJSON_IsNumber(j) || !isfinite(j->valuedouble) || j->valuedouble < lo || j->valuedouble > hi ||
        (integer && (double)(long long)j->valuedouble != j->valuedouble))
        fail(L, path, "expected %s, found %s", expected, describe(L, j));
    return j->valuedouble;
}

/* ------------------------------------------------------------------------------------------ */
/* step 2: building the tree                                                                  */

static ls_node *parse_value(loader *L, const cJSON *j, const char *path);
static ls_node *parse_expression(loader *L, const cJSON *j, const char *path);
static ls_block parse_block(loader *L, const cJSON *j, const char *path);

static const char *const function_keys[] = {"body", "params", "async", "name", NULL};

/* A function literal (an array body or a {"body": ...} object) or a declaration in
 * "functions" (declared != NULL). */
static ls_func *parse_function(loader *L, const cJSON *j, const char *path, const char *declared)
{
    ls_func *fn = arena_alloc(L->arena, sizeof *fn);
    fn->path = path;
    scope *sc = arena_alloc(L->arena, sizeof *sc);
    sc->fn = fn;
    sc->parent = declared ? L->main_scope : L->cur;
    const cJSON *body = j;
    const char *body_path = path;
    if (cJSON_IsArray(j)) {
        fn->is_arrow = declared == NULL;
    } else if (cJSON_IsObject(j)) {
        check_keys(L, j, path, function_keys, "a function");
        body = cJSON_GetObjectItemCaseSensitive(j, "body");
        body_path = path_key(L, path, "body");
        if (!body)
            fail(L, path, "missing key \"body\" (the function's statement list)");
        const cJSON *async = cJSON_GetObjectItemCaseSensitive(j, "async");
        if (async) {
            if (!cJSON_IsBool(async))
                fail(L, path_key(L, path, "async"), "expected true or false, found %s", describe(L, async));
            fn->is_async = cJSON_IsTrue(async);
        }
        const cJSON *name = cJSON_GetObjectItemCaseSensitive(j, "name");
        if (name) {
            const char *npath = path_key(L, path, "name");
            if (!cJSON_IsString(name) || !*name->valuestring)
                fail(L, npath, "expected a name (a non-empty string), found %s", describe(L, name));
            if (declared && strcmp(declared, name->valuestring) != 0)
                fail(L, npath, "expected the declared name \"%s\" (or no \"name\"), found %s", declared,
                     describe(L, name));
            fn->name = arena_strdup(L->arena, name->valuestring);
        }
        const cJSON *params = cJSON_GetObjectItemCaseSensitive(j, "params");
        if (params) {
            const char *ppath = path_key(L, path, "params");
            if (!cJSON_IsArray(params))
                fail(L, ppath, "expected an array of parameter names, found %s", describe(L, params));
            size_t n = (size_t)cJSON_GetArraySize(params);
            fn->params = arena_alloc(L->arena, (n ? n : 1) * sizeof *fn->params);
            for (const cJSON *p = params->child; p; p = p->next) {
                const char *pp = path_index(L, ppath, fn->nparams);
                const char *pname = decl_name(L, p, pp);
                if (scope_has(sc, pname))
                    fail(L, pp, "duplicate parameter \"%s\"", pname);
                fn->params[fn->nparams++] = pname;
                scope_add(L, sc, pname, pp);
            }
        }
    } else {
        fail(L, path, "expected a function (a statement list or an object with \"body\"), found %s", describe(L, j));
    }
    if (declared)
        fn->name = declared;
    fn->label = fn->name ? fn->name : arena_printf(L->arena, "anonymous@%s", path + 2);
    scope *saved = L->cur;
    L->cur = sc;
    fn->body = parse_block(L, body, body_path);
    L->cur = saved;
    L->last_scope = sc;
    return fn;
}

static ls_node *function_node(loader *L, const cJSON *j, const char *path)
{
    ls_node *n = new_node(L, LS_N_FUNCTION, path, j);
    n->fn = parse_function(L, j, path, NULL);
    return n;
}

#define CALLBACK_EXPECTED \
    "a callback (a statement list, a function object, a function name or {\"expr\": ...})"

static ls_node *parse_callback(loader *L, const cJSON *j, const char *path)
{
    if (cJSON_IsArray(j))
        return function_node(L, j, path);
    if (cJSON_IsString(j))
        return var_node(L, j, path, REF_CALLBACK, "a function name");
    if (cJSON_IsObject(j)) {
        for (const char *const *k = function_keys; *k; k++)
            if (cJSON_GetObjectItemCaseSensitive(j, *k))
                return function_node(L, j, path);
        const cJSON *e = cJSON_GetObjectItemCaseSensitive(j, "expr");
        if (e) {
            static const char *const expr_keys[] = {"expr", NULL};
            check_keys(L, j, path, expr_keys, "{\"expr\": ...}");
            return parse_value(L, e, path_key(L, path, "expr"));
        }
        if (cJSON_GetObjectItemCaseSensitive(j, "var"))
            return parse_value(L, j, path);
    }
    fail(L, path, "expected " CALLBACK_EXPECTED ", found %s", describe(L, j));
}

static void lit_from_json(loader *L, const cJSON *j, ls_lit *lit)
{
    if (cJSON_IsString(j)) {
        lit->kind = LS_LIT_STRING;
        lit->string = arena_strdup(L->arena, j->valuestring);
    } else if (cJSON_IsNumber(j)) {
        lit->kind = LS_LIT_NUMBER;
        lit->number = j->valuedouble;
    } else if (cJSON_IsBool(j)) {
        lit->kind = LS_LIT_BOOL;
        lit->boolean = cJSON_IsTrue(j);
    } else {
        lit->kind = LS_LIT_NULL;
    }
}

static bool is_undefined_object(const cJSON *j)
{
    return cJSON_IsObject(j) && cJSON_GetObjectItemCaseSensitive(j, "undefined") != NULL;
}

static void check_undefined_object(loader *L, const cJSON *j, const char *path)
{
    static const char *const undefined_keys[] = {"undefined", NULL};
    check_keys(L, j, path, undefined_keys, "{\"undefined\": true}");
    const cJSON *u = cJSON_GetObjectItemCaseSensitive(j, "undefined");
    if (!cJSON_IsTrue(u))
        fail(L, path_key(L, path, "undefined"), "expected true, found %s", describe(L, u));
}

#define VALUE_EXPECTED "a value (a JSON literal, {\"undefined\": true}, {\"var\": \"name\"} or an expression)"

static ls_node *parse_chain(loader *L, ls_node *n, const cJSON *chain, const char *path);
static const char *decl_name(loader *L, const cJSON *j, const char *path);

/* What any expression may carry: "chain" (method calls on its result, left to right) and "as"
 * (a variable for the result of the last step). */
static ls_node *chain_and_bind(loader *L, ls_node *n, const cJSON *j, const char *path)
{
    const cJSON *chain = cJSON_GetObjectItemCaseSensitive(j, "chain");
    if (chain)
        n = parse_chain(L, n, chain, path_key(L, path, "chain"));
    const cJSON *as = cJSON_GetObjectItemCaseSensitive(j, "as");
    if (as) {
        const char *apath = path_key(L, path, "as");
        n->bind = decl_name(L, as, apath);
        scope_add(L, L->cur, n->bind, apath);
    }
    return n;
}

/* {"var": "p"}, optionally with "chain" (p.then(...)) and "as". */
static ls_node *var_expression(loader *L, const cJSON *j, const char *path)
{
    static const char *const var_keys[] = {"var", "chain", "as", NULL};
    check_keys(L, j, path, var_keys, "{\"var\": ...}");
    ls_node *n = var_node(L, cJSON_GetObjectItemCaseSensitive(j, "var"), path_key(L, path, "var"),
                          REF_READ, "a variable name (a string)");
    return chain_and_bind(L, n, j, path);
}

static ls_node *parse_value(loader *L, const cJSON *j, const char *path)
{
    if (cJSON_IsString(j) || cJSON_IsNumber(j) || cJSON_IsBool(j) || cJSON_IsNull(j)) {
        ls_node *n = new_node(L, LS_N_LITERAL, path, j);
        lit_from_json(L, j, &n->lit);
        return n;
    }
    if (!cJSON_IsObject(j))
        fail(L, path, "expected " VALUE_EXPECTED ", found %s", describe(L, j));
    if (is_undefined_object(j)) {
        check_undefined_object(L, j, path);
        ls_node *n = new_node(L, LS_N_LITERAL, path, j);
        n->lit.kind = LS_LIT_UNDEFINED;
        return n;
    }
    if (cJSON_GetObjectItemCaseSensitive(j, "var"))
        return var_expression(L, j, path);
    if (cJSON_GetObjectItemCaseSensitive(j, "body"))
        return function_node(L, j, path);
    return parse_expression(L, j, path);
}

static void parse_values(loader *L, const cJSON *j, const char *path, ls_node ***out, size_t *n)
{
    if (!cJSON_IsArray(j))
        fail(L, path, "expected an array of values, found %s", describe(L, j));
    size_t cap = (size_t)cJSON_GetArraySize(j);
    *out = arena_alloc(L->arena, (cap ? cap : 1) * sizeof **out);
    *n = 0;
    for (const cJSON *c = j->child; c; c = c->next, (*n)++)
        (*out)[*n] = parse_value(L, c, path_index(L, path, *n));
}

static ls_block parse_block(loader *L, const cJSON *j, const char *path)
{
    if (!cJSON_IsArray(j))
        fail(L, path, "expected a statement list (an array of expressions), found %s", describe(L, j));
    ls_block b = {NULL, 0};
    size_t cap = (size_t)cJSON_GetArraySize(j);
    b.items = arena_alloc(L->arena, (cap ? cap : 1) * sizeof *b.items);
    for (const cJSON *c = j->child; c; c = c->next, b.len++) {
        L->at_statement = true;
        b.items[b.len] = parse_expression(L, c, path_index(L, path, b.len));
    }
    return b;
}

static void parse_delay_lit(loader *L, const cJSON *j, const char *path, ls_lit *lit)
{
    if (cJSON_IsArray(j)) {
        lit->kind = LS_LIT_ARRAY;
        size_t n = (size_t)cJSON_GetArraySize(j);
        lit->elems = arena_alloc(L->arena, (n ? n : 1) * sizeof *lit->elems);
        for (const cJSON *c = j->child; c; c = c->next, lit->nelems++)
            parse_delay_lit(L, c, path_index(L, path, lit->nelems), &lit->elems[lit->nelems]);
    } else if (cJSON_IsObject(j)) {
        if (!is_undefined_object(j))
            fail(L, path,
                 "expected a delay (a number, string, boolean, null, {\"undefined\": true} or an array of those), found %s",
                 describe(L, j));
        check_undefined_object(L, j, path);
        lit->kind = LS_LIT_UNDEFINED;
    } else {
        lit_from_json(L, j, lit);
    }
}

/* The operation table. */
typedef struct {
    const char *key;
    ls_kind kind;
    const char *const *extras; /* the operation's own keys besides "as" and "chain" */
} op_info;

static const char *const no_keys[] = {NULL};
static const char *const k_args[] = {"args", NULL};
static const char *const k_value[] = {"value", NULL};
static const char *const k_if[] = {"do", "else", NULL};
static const char *const k_timer[] = {"delay", "args", "unref", NULL};
static const char *const k_immediate[] = {"args", "unref", NULL};
static const char *const k_fs[] = {"trips", "latency_ms", NULL};
static const char *const k_fs_latency[] = {"latency_ms", NULL};
static const char *const k_on[] = {"emitter", "listener", NULL};
static const char *const k_emit[] = {"emitter", "args", NULL};
static const char *const k_listener[] = {"listener", NULL};
static const char *const k_callback[] = {"callback", NULL};

static const op_info ops[] = {
    {"console.log", LS_N_LOG, no_keys},
    {"call", LS_N_CALL, k_args},
    {"let", LS_N_LET, k_value},
    {"set", LS_N_SET, k_value},
    {"increment", LS_N_INCREMENT, no_keys},
    {"if", LS_N_IF, k_if},
    {"return", LS_N_RETURN, no_keys},
    {"throw", LS_N_THROW, no_keys},
    {"await", LS_N_AWAIT, no_keys},
    {"busy", LS_N_BUSY, no_keys},
    {"setTimeout", LS_N_SET_TIMEOUT, k_timer},
    {"setInterval", LS_N_SET_INTERVAL, k_timer},
    {"setImmediate", LS_N_SET_IMMEDIATE, k_immediate},
    {"clearTimeout", LS_N_CLEAR_TIMEOUT, no_keys},
    {"clearInterval", LS_N_CLEAR_INTERVAL, no_keys},
    {"clearImmediate", LS_N_CLEAR_IMMEDIATE, no_keys},
    {"unref", LS_N_UNREF, no_keys},
    {"ref", LS_N_REF, no_keys},
    {"refresh", LS_N_REFRESH, no_keys},
    {"process.nextTick", LS_N_NEXT_TICK, k_args},
    {"queueMicrotask", LS_N_QUEUE_MICROTASK, no_keys},
    {"new Promise", LS_N_NEW_PROMISE, no_keys},
    {"Promise.resolve", LS_N_PROMISE_RESOLVE, no_keys},
    {"Promise.reject", LS_N_PROMISE_REJECT, no_keys},
    {"Promise.all", LS_N_PROMISE_ALL, no_keys},
    {"Promise.race", LS_N_PROMISE_RACE, no_keys},
    {"thenable", LS_N_THENABLE, no_keys},
    {"fs.readFile", LS_N_FS, k_fs},
    {"fs.stat", LS_N_FS, k_fs},
    {"fs.writeFile", LS_N_FS, k_fs_latency},
    {"fs.appendFile", LS_N_FS, k_fs_latency},
    {"fs.access", LS_N_FS, k_fs_latency},
    {"fs.open", LS_N_FS, k_fs_latency},
    {"fs.read", LS_N_FS, k_fs_latency},
    {"crypto.pbkdf2", LS_N_FS, k_fs_latency},
    {"crypto.randomBytes", LS_N_FS, k_fs_latency},
    {"zlib.gzip", LS_N_FS, k_fs_latency},
    {"fs.promises.readFile", LS_N_FS_PROMISE, no_keys},
    {"fs.promises.stat", LS_N_FS_PROMISE, no_keys},
    {"fs.promises.writeFile", LS_N_FS_PROMISE, no_keys},
    {"fs.createReadStream", LS_N_FS_STREAM, no_keys},
    {"fs.createWriteStream", LS_N_FS_STREAM, no_keys},
    {"new EventEmitter", LS_N_NEW_EMITTER, no_keys},
    {"on", LS_N_ON, k_on},
    {"emit", LS_N_EMIT, k_emit},
    {"process.on", LS_N_ON, k_listener},
    {"process.exit", LS_N_PROCESS_EXIT, no_keys},
    {"net.createServer", LS_N_NET_SERVER, no_keys},
    {"listen", LS_N_LISTEN, k_callback},
    {"net.connect", LS_N_CONNECT, k_callback},
    {"destroy", LS_N_DESTROY, no_keys},
    {"close", LS_N_SERVER_CLOSE, k_callback},
};
enum { NOPS = sizeof ops / sizeof ops[0] };


static const char *const process_events[] = {"beforeExit", "exit", "unhandledRejection", "uncaughtException", NULL};
static const char *const chain_step_keys[] = {"then", "catch", "finally", "onRejected", NULL};

/* the closest operation's key, for "did you mean" */
static const char *suggest_op(loader *L, const char *word)
{
    suggester sg = {word, NULL, 0};
    for (size_t i = 0; i < NOPS; i++)
        consider(&sg, ops[i].key);
    return did_you_mean(L, &sg);
}

static const op_info *find_op(const char *key)
{
    for (size_t i = 0; i < NOPS; i++)
        if (strcmp(ops[i].key, key) == 0)
            return &ops[i];
    return NULL;
}

/* Is `key` an extra key of some operation, or "as"/"chain"? */
static bool is_modifier_key(const char *key)
{
    if (strcmp(key, "as") == 0 || strcmp(key, "chain") == 0)
        return true;
    for (size_t i = 0; i < NOPS; i++)
        if (in_list(key, ops[i].extras))
            return true;
    return false;
}

static const cJSON *get(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

static const cJSON *require_key(loader *L, const cJSON *obj, const char *path, const char *key, const char *what)
{
    const cJSON *v = get(obj, key);
    if (!v)
        fail(L, path, "missing key \"%s\" (%s)", key, what);
    return v;
}

/* The target of listen/destroy/close/net.connect and the emitter of on/emit: a variable name
 * (or, for emitters, any value). */
static ls_node *parse_handle(loader *L, const cJSON *j, const char *path, bool any_value)
{
    if (cJSON_IsString(j))
        return var_node(L, j, path, REF_READ, "a variable name");
    if (any_value && cJSON_IsObject(j))
        return parse_value(L, j, path);
    fail(L, path, "expected a variable name (a string), found %s", describe(L, j));
}

static void parse_operation(loader *L, ls_node *n, const op_info *op, const cJSON *obj, const cJSON *v,
                            const char *path, const char *vpath)
{
    const cJSON *x;
    switch (op->kind) {
    case LS_N_LOG:
        if (cJSON_IsArray(v)) {
            parse_values(L, v, vpath, &n->args, &n->nargs);
        } else {
            n->args = arena_alloc(L->arena, sizeof *n->args);
            n->args[0] = parse_value(L, v, vpath);
            n->nargs = 1;
        }
        break;
    case LS_N_CALL:
        n->name = use_name(L, v, vpath, "a function name (a string)");
        add_ref(L, n->name, path, REF_CALL);
        if ((x = get(obj, "args")))
            parse_values(L, x, path_key(L, path, "args"), &n->args, &n->nargs);
        break;
    case LS_N_LET:
        n->name = decl_name(L, v, vpath);
        scope_add(L, L->cur, n->name, path);
        if ((x = get(obj, "value"))) {
            n->a = parse_value(L, x, path_key(L, path, "value"));
        } else {
            n->a = new_node(L, LS_N_LITERAL, path, obj);
            n->a->lit.kind = LS_LIT_UNDEFINED;
        }
        break;
    case LS_N_SET:
        n->name = use_name(L, v, vpath, "a variable name (a string)");
        add_ref(L, n->name, path, REF_WRITE);
        n->a = parse_value(L, require_key(L, obj, path, "value", "the value to assign"), path_key(L, path, "value"));
        break;
    case LS_N_INCREMENT:
        n->name = use_name(L, v, vpath, "a variable name (a string)");
        add_ref(L, n->name, path, REF_WRITE);
        break;
    case LS_N_IF: {
        static const char *const cond_keys[] = {"equals", "less", NULL};
        if (!cJSON_IsObject(v) || cJSON_GetArraySize(v) != 1)
            fail(L, vpath, "expected a condition ({\"equals\": [a, b]} or {\"less\": [a, b]}), found %s",
                 describe(L, v));
        check_keys(L, v, vpath, cond_keys, "a condition");
        const cJSON *pair = v->child;
        const char *ppath = path_key(L, vpath, pair->string);
        n->cond = strcmp(pair->string, "less") == 0 ? LS_COND_LESS : LS_COND_EQUALS;
        if (!cJSON_IsArray(pair) || cJSON_GetArraySize(pair) != 2)
            fail(L, ppath, "expected an array of two values, found %s", describe(L, pair));
        n->a = parse_value(L, pair->child, path_index(L, ppath, 0));
        n->b = parse_value(L, pair->child->next, path_index(L, ppath, 1));
        n->then_block = parse_block(L, require_key(L, obj, path, "do", "the statements run when the condition holds"),
                                    path_key(L, path, "do"));
        if ((x = get(obj, "else")))
            n->else_block = parse_block(L, x, path_key(L, path, "else"));
        break;
    }
    case LS_N_AWAIT:
        if (!L->cur->fn->is_async)
            fail(L, path, "\"await\" is only allowed in an async function, and %s is not async%s", L->cur->fn->label,
                 L->cur == L->main_scope ? " (the main script never is)"
                                         : " (write it as {\"async\": true, \"body\": [...]})");
        n->a = parse_value(L, v, vpath);
        break;
    case LS_N_RETURN:
    case LS_N_THROW:
    case LS_N_CLEAR_TIMEOUT:
    case LS_N_CLEAR_INTERVAL:
    case LS_N_CLEAR_IMMEDIATE:
    case LS_N_UNREF:
    case LS_N_REF:
    case LS_N_REFRESH:
    case LS_N_PROMISE_RESOLVE:
    case LS_N_PROMISE_REJECT:
    case LS_N_PROCESS_EXIT:
        n->a = parse_value(L, v, vpath);
        break;
    case LS_N_BUSY:
        n->number = number_in(L, v, vpath, 0, MAX_MS, false, "a number of milliseconds from 0 to 3600000");
        break;
    case LS_N_SET_TIMEOUT:
    case LS_N_SET_INTERVAL:
    case LS_N_SET_IMMEDIATE:
        n->cb = parse_callback(L, v, vpath);
        if ((x = get(obj, "delay"))) {
            parse_delay_lit(L, x, path_key(L, path, "delay"), &n->lit);
            n->has_delay = true;
        }
        if ((x = get(obj, "args")))
            parse_values(L, x, path_key(L, path, "args"), &n->args, &n->nargs);
        if ((x = get(obj, "unref"))) {
            if (!cJSON_IsBool(x))
                fail(L, path_key(L, path, "unref"), "expected true or false, found %s", describe(L, x));
            n->unref = cJSON_IsTrue(x);
        }
        break;
    case LS_N_NEXT_TICK:
        n->cb = parse_callback(L, v, vpath);
        if ((x = get(obj, "args")))
            parse_values(L, x, path_key(L, path, "args"), &n->args, &n->nargs);
        break;
    case LS_N_QUEUE_MICROTASK:
    case LS_N_NEW_PROMISE:
        n->cb = parse_callback(L, v, vpath);
        break;
    case LS_N_PROMISE_ALL:
    case LS_N_PROMISE_RACE:
        parse_values(L, v, vpath, &n->args, &n->nargs);
        break;
    case LS_N_THENABLE:
        n->cb = parse_callback(L, v, vpath);
        if (n->cb->kind == LS_N_FUNCTION)
            n->fn = n->cb->fn;
        else if (n->cb->kind != LS_N_VAR)
            fail(L, vpath, "expected a function (a statement list, a function object or a function name), found %s",
                 describe(L, v));
        break;
    case LS_N_FS:
        for (int k = 0; k < LS_FS__COUNT; k++)
            if (strcmp(op->key, ls_fs_ops[k].key) == 0)
                n->fs_op = (ls_fs_op)k;
        n->cb = parse_callback(L, v, vpath);
        if ((x = get(obj, "trips")))
            n->fs_trips = (int)number_in(L, x, path_key(L, path, "trips"), 1, 1000, true, "an integer from 1 to 1000");
        if ((x = get(obj, "latency_ms")))
            n->fs_latency_ms = number_in(L, x, path_key(L, path, "latency_ms"), 0, MAX_MS, false,
                                         "a number of milliseconds from 0 to 3600000");
        break;
    case LS_N_NEW_EMITTER:
        if (!cJSON_IsNull(v))
            fail(L, vpath, "expected null, found %s", describe(L, v));
        break;
    case LS_N_FS_PROMISE:
    case LS_N_FS_STREAM: {
        const ls_fs_op_info *ops = op->kind == LS_N_FS_STREAM ? ls_fss_ops : ls_fsp_ops;
        int nops = op->kind == LS_N_FS_STREAM ? LS_FSS__COUNT : LS_FSP__COUNT;
        for (int k = 0; k < nops; k++)
            if (strcmp(op->key, ops[k].key) == 0)
                n->fs_op = (ls_fs_op)k;
        if (!cJSON_IsNull(v))
            fail(L, vpath, "expected null, found %s", describe(L, v));
        break;
    }
    case LS_N_ON:
        if (strcmp(op->key, "process.on") == 0) {
            if (!cJSON_IsString(v))
                fail(L, vpath, "expected a process event name (a string), found %s", describe(L, v));
            if (!in_list(v->valuestring, process_events)) {
                const char *hint = suggest_from(L, v->valuestring, process_events);
                fail(L, vpath, "unknown process event %s%s%s", quote(L, v->valuestring, 40), hint,
                     *hint ? "" : " (expected one of \"beforeExit\", \"exit\", \"unhandledRejection\", \"uncaughtException\")");
            }
            n->name = arena_strdup(L->arena, v->valuestring);
        } else {
            if (!cJSON_IsString(v))
                fail(L, vpath, "expected an event name (a string), found %s", describe(L, v));
            n->name = arena_strdup(L->arena, v->valuestring);
            n->a = parse_handle(L, require_key(L, obj, path, "emitter", "the emitter's variable"),
                                path_key(L, path, "emitter"), true);
        }
        n->cb = parse_callback(L, require_key(L, obj, path, "listener", "the listener callback"),
                               path_key(L, path, "listener"));
        break;
    case LS_N_EMIT:
        if (!cJSON_IsString(v))
            fail(L, vpath, "expected an event name (a string), found %s", describe(L, v));
        n->name = arena_strdup(L->arena, v->valuestring);
        n->a = parse_handle(L, require_key(L, obj, path, "emitter", "the emitter's variable"),
                            path_key(L, path, "emitter"), true);
        if ((x = get(obj, "args")))
            parse_values(L, x, path_key(L, path, "args"), &n->args, &n->nargs);
        break;
    case LS_N_NET_SERVER:
        if (!cJSON_IsNull(v))
            n->cb = parse_callback(L, v, vpath);
        break;
    case LS_N_LISTEN:
    case LS_N_CONNECT:
    case LS_N_DESTROY:
    case LS_N_SERVER_CLOSE:
        n->a = parse_handle(L, v, vpath, false);
        if ((x = get(obj, "callback")))
            n->cb = parse_callback(L, x, path_key(L, path, "callback"));
        break;
    default:
        fail(L, path, "internal error: operation \"%s\" has no reader", op->key);
    }
}

static ls_node *parse_chain(loader *L, ls_node *receiver, const cJSON *chain, const char *cpath)
{
    if (!cJSON_IsArray(chain))
        fail(L, cpath, "expected a chain (an array of {\"then\": ...}, {\"catch\": ...} or {\"finally\": ...}), found %s",
             describe(L, chain));
    size_t i = 0;
    for (const cJSON *step = chain->child; step; step = step->next, i++) {
        const char *spath = path_index(L, cpath, i);
        if (!cJSON_IsObject(step))
            fail(L, spath, "expected a chain step ({\"then\": ...}, {\"catch\": ...} or {\"finally\": ...}), found %s",
                 describe(L, step));
        check_keys(L, step, spath, chain_step_keys, "a chain step");
        const cJSON *t = get(step, "then"), *c = get(step, "catch"), *f = get(step, "finally");
        const cJSON *onrej = get(step, "onRejected");
        int count = (t != NULL) + (c != NULL) + (f != NULL);
        if (count == 0)
            fail(L, spath, "expected a chain step ({\"then\": ...}, {\"catch\": ...} or {\"finally\": ...}), found %s",
                 describe(L, step));
        if (count > 1) {
            const char *first = t ? "then" : "catch", *second = (t && c) ? "catch" : "finally";
            fail(L, spath, "two operations in one object: \"%s\" and \"%s\" (make them two chain steps)", first, second);
        }
        if (onrej && !t)
            fail(L, spath, "\"onRejected\" goes with \"then\", found it with \"%s\"", c ? "catch" : "finally");
        const cJSON *cbj = t ? t : c ? c : f;
        const char *key = t ? "then" : c ? "catch" : "finally";
        const char *npath = path_key(L, spath, key);
        ls_node *n = new_node(L, t ? LS_N_THEN : c ? LS_N_CATCH : LS_N_FINALLY, npath, step);
        n->a = receiver;
        n->cb = parse_callback(L, cbj, npath);
        if (onrej)
            n->cb2 = parse_callback(L, onrej, path_key(L, spath, "onRejected"));
        receiver = n;
    }
    return receiver;
}

static ls_node *parse_expression(loader *L, const cJSON *j, const char *path)
{
    bool statement = L->at_statement;
    L->at_statement = false;
    if (!cJSON_IsObject(j))
        fail(L, path, "expected an expression (an object with one operation key, e.g. {\"console.log\": \"hi\"}), found %s",
             describe(L, j));
    check_duplicate_keys(L, j, path);
    const op_info *op = NULL;
    const cJSON *opj = NULL;
    for (const cJSON *c = j->child; c; c = c->next) {
        const op_info *o = find_op(c->string);
        if (!o)
            continue;
        /* "unref" is an operation and also a key of setTimeout/setInterval/setImmediate */
        bool is_extra = false;
        for (const cJSON *d = j->child; d && !is_extra; d = d->next) {
            const op_info *other = d != c ? find_op(d->string) : NULL;
            is_extra = other && in_list(c->string, other->extras);
        }
        if (is_extra)
            continue;
        if (op)
            fail(L, path, "two operations in one object: \"%s\" and \"%s\" (write them as two expressions)", op->key,
                 o->key);
        op = o;
        opj = c;
    }
    if (!op && cJSON_GetObjectItemCaseSensitive(j, "var"))
        return var_expression(L, j, path);
    if (!op) {
        for (const cJSON *c = j->child; c; c = c->next) {
            if (in_list(c->string, chain_step_keys))
                fail(L, path, "\"%s\" is a chain step: write it in the \"chain\" of the expression it is called on",
                     c->string);
            if (!is_modifier_key(c->string))
                fail(L, path, "unknown operation \"%s\"%s", c->string, suggest_op(L, c->string));
        }
        fail(L, path, "expected an expression (an object with one operation key, e.g. {\"console.log\": \"hi\"}), found %s",
             describe(L, j));
    }
    for (const cJSON *c = j->child; c; c = c->next) {
        if (c == opj || strcmp(c->string, "as") == 0 || strcmp(c->string, "chain") == 0 || in_list(c->string, op->extras))
            continue;
        suggester sg = {c->string, NULL, 0};
        for (const char *const *k = op->extras; *k; k++)
            consider(&sg, *k);
        consider(&sg, "as");
        consider(&sg, "chain");
        if (sg.best)
            fail(L, path, "unknown key \"%s\"%s", c->string, did_you_mean(L, &sg));
        const char *allowed = list_keys(L, op->extras);
        fail(L, path, "unknown key \"%s\" for \"%s\" (allowed: %s%s\"as\", \"chain\")", c->string, op->key, allowed,
             *allowed ? ", " : "");
    }
    ls_node *n = new_node(L, op->kind, path, j);
    if (!statement && (op->kind == LS_N_AWAIT || op->kind == LS_N_IF || op->kind == LS_N_RETURN))
        fail(L, path, "expected a value, found a \"%s\" statement: %s only stands as an item of a statement list%s",
             op->key, op->key,
             op->kind == LS_N_AWAIT ? " (bind its result with \"as\" and use {\"var\": ...})" : "");
    parse_operation(L, n, op, j, opj, path, path_key(L, path, op->key));
    return chain_and_bind(L, n, j, path);
}

static const char *const top_keys[] = {"loopsim", "title", "description", "from", "timing", "functions", "main",
                                       "source", "script", "module", "env", "$schema", NULL};

static const char *optional_string(loader *L, const cJSON *root, const char *key)
{
    const cJSON *v = get(root, key);
    if (!v)
        return NULL;
    if (!cJSON_IsString(v))
        fail(L, path_key(L, "$", key), "expected a string, found %s", describe(L, v));
    return arena_strdup(L->arena, v->valuestring);
}

static void parse_timing(loader *L, const cJSON *t)
{
    if (!cJSON_IsObject(t))
        fail(L, "$.timing", "expected an object of timing parameters (e.g. {\"first_log_ms\": 3}), found %s",
             describe(L, t));
    check_duplicate_keys(L, t, "$.timing");
    for (const cJSON *c = t->child; c; c = c->next) {
        const char *p = path_key(L, "$.timing", c->string);
        const ls_cost_info *info = costs_find(c->string);
        if (!info) {
            suggester sg = {c->string, NULL, 0};
            for (size_t i = 0; i < ls_cost_count; i++) {
                const char *k = ls_cost_table[i].key;
                size_t kl = strlen(k);
                if (kl == strlen(c->string) + 3 && strncmp(k, c->string, kl - 3) == 0 && !sg.best) {
                    sg.best = k; /* "first_log" for "first_log_ms" */
                    sg.best_score = 1;
                }
                consider(&sg, k);
            }
            fail(L, "$.timing", "unknown timing key \"%s\"%s", c->string,
                 sg.best ? did_you_mean(L, &sg) : " (docs/timing-model.md lists the keys)");
        }
        ls_cost *field = costs_field(&L->prog->costs, info);
        if (cJSON_IsNumber(c)) {
            const char *bad = costs_check(info, c->valuedouble);
            if (bad)
                fail(L, p, "expected %s, found %s", bad, describe(L, c));
            *field = cost_point(c->valuedouble); /* a number pins the cost */
        } else if (cJSON_IsArray(c) && cJSON_GetArraySize(c) == 2 &&
                   cJSON_IsNumber(cJSON_GetArrayItem(c, 0)) &&
                   cJSON_IsNumber(cJSON_GetArrayItem(c, 1))) {
            double lo = cJSON_GetArrayItem(c, 0)->valuedouble;
            double hi = cJSON_GetArrayItem(c, 1)->valuedouble;
            const char *bad = costs_check(info, lo) ? costs_check(info, lo) : costs_check(info, hi);
            if (bad)
                fail(L, p, "expected [LO, HI], each %s, found %s", bad, describe(L, c));
            if (lo > hi)
                fail(L, p, "expected [LO, HI] with LO <= HI, found %s", describe(L, c));
            *field = cost_range(info, lo, hi); /* [lo, hi]: `loopsim orders` explores the range */
        } else {
            fail(L, p, "expected a number of milliseconds or a range [LO, HI], found %s",
                 describe(L, c));
        }
        L->prog->costs_set |= 1ull << (info - ls_cost_table);
    }
}

static void parse_functions(loader *L, const cJSON *fns)
{
    if (!cJSON_IsObject(fns))
        fail(L, "$.functions", "expected an object of function declarations ({\"name\": [...], ...}), found %s",
             describe(L, fns));
    check_duplicate_keys(L, fns, "$.functions");
    ls_scenario *p = L->prog;
    size_t n = (size_t)cJSON_GetArraySize(fns);
    p->functions = arena_alloc(L->arena, (n ? n : 1) * sizeof *p->functions);
    L->fscopes = arena_alloc(L->arena, (n ? n : 1) * sizeof *L->fscopes);
    /* names first: a function may call one declared after it */
    for (const cJSON *c = fns->child; c; c = c->next) {
        const char *fpath = path_key(L, "$.functions", c->string);
        cJSON key = {0};
        key.type = cJSON_String;
        key.valuestring = c->string;
        decl_name(L, &key, fpath);
    }
    for (const cJSON *c = fns->child; c; c = c->next) {
        const char *fpath = path_key(L, "$.functions", c->string);
        L->cur = L->main_scope;
        ls_func *fn = parse_function(L, c, fpath, arena_strdup(L->arena, c->string));
        L->fscopes[p->nfunctions] = L->last_scope;
        p->functions[p->nfunctions] = fn;
        p->nfunctions++;
    }
    L->cur = L->main_scope;
}

/* ------------------------------------------------------------------------------------------ */
/* step 3: names in scope                                                                     */

static const ls_func *find_function(const ls_scenario *p, const char *name, size_t *index)
{
    for (size_t i = 0; i < p->nfunctions; i++)
        if (strcmp(p->functions[i]->name, name) == 0) {
            if (index)
                *index = i;
            return p->functions[i];
        }
    return NULL;
}

static void resolve_names(loader *L)
{
    ls_scenario *p = L->prog;
    for (size_t i = 0; i < L->main_scope->nnames; i++)
        if (find_function(p, L->main_scope->names[i].name, NULL))
            fail(L, L->main_scope->names[i].path, "\"%s\" is already declared in \"functions\"",
                 L->main_scope->names[i].name);
    for (size_t r = 0; r < L->nrefs; r++) {
        const ref *rf = &L->refs[r];
        bool found = find_function(p, rf->name, NULL) != NULL;
        for (const scope *s = rf->sc; s && !found; s = s->parent)
            found = scope_has(s, rf->name);
        if (found)
            continue;
        suggester sg = {rf->name, NULL, 0};
        for (const scope *s = rf->sc; s; s = s->parent)
            for (size_t i = 0; i < s->nnames; i++)
                consider(&sg, s->names[i].name);
        for (size_t i = 0; i < p->nfunctions; i++)
            consider(&sg, p->functions[i]->name);
        const char *hint = did_you_mean(L, &sg);
        switch (rf->kind) {
        case REF_CALL:
            fail(L, rf->path, "unknown function \"%s\"%s", rf->name, *hint ? hint : " (declare it in \"functions\")");
        case REF_CALLBACK:
            fail(L, rf->path, "unknown function or variable \"%s\"%s", rf->name, hint);
        case REF_WRITE:
            fail(L, rf->path, "unknown variable \"%s\"%s", rf->name,
                 *hint ? hint : " (declare it first with {\"let\": ...})");
        case REF_READ:
        default:
            fail(L, rf->path, "unknown variable \"%s\"%s", rf->name, hint);
        }
    }
}

/* ------------------------------------------------------------------------------------------ */
/* step 4: synchronous call cycles among the declared functions                               */

typedef struct {
    size_t to;
    const char *path; /* of the call */
} edge;

typedef struct {
    edge *edges;
    size_t n, cap;
} edge_list;

typedef struct {
    loader *L;
    size_t from;
    edge_list *out;
    bool stopped; /* past an await, return or throw: later calls are not synchronous */
} cycle_walk;

static void walk_calls(cycle_walk *w, const ls_node *n)
{
    if (!n || w->stopped || n->kind == LS_N_FUNCTION || n->kind == LS_N_THENABLE)
        return;
    walk_calls(w, n->a);
    walk_calls(w, n->b);
    for (size_t i = 0; i < n->nargs; i++)
        walk_calls(w, n->args[i]);
    /* a callback runs later (or is not ours to follow); only a value passed with {"expr": ...}
     * is evaluated here, and it is not a function literal */
    if (n->cb && n->cb->kind != LS_N_VAR)
        walk_calls(w, n->cb);
    if (n->cb2 && n->cb2->kind != LS_N_VAR)
        walk_calls(w, n->cb2);
    /* "if" blocks are conditional: guarded recursion is allowed */
    if (n->kind == LS_N_CALL) {
        size_t to;
        const scope *own = w->L->fscopes[w->from];
        if (!scope_has(own, n->name) && find_function(w->L->prog, n->name, &to)) {
            edge_list *el = w->out;
            if (el->n == el->cap) {
                size_t cap = el->cap ? 2 * el->cap : 4;
                el->edges = arena_grow(w->L->arena, el->edges, el->n, cap, sizeof *el->edges);
                el->cap = cap;
            }
            el->edges[el->n++] = (edge){to, n->path};
        }
    }
    if (n->kind == LS_N_AWAIT || n->kind == LS_N_RETURN || n->kind == LS_N_THROW)
        w->stopped = true;
}

static void dfs(loader *L, edge_list *g, unsigned char *color, size_t *stack, size_t depth, size_t v)
{
    color[v] = 1;
    stack[depth] = v;
    for (size_t e = 0; e < g[v].n; e++) {
        size_t to = g[v].edges[e].to;
        if (color[to] == 1) {
            size_t start = 0;
            while (stack[start] != to)
                start++;
            const char *cycle = "";
            for (size_t k = start; k <= depth; k++)
                cycle = arena_printf(L->arena, "%s%s -> ", cycle, L->prog->functions[stack[k]]->name);
            cycle = arena_printf(L->arena, "%s%s", cycle, L->prog->functions[to]->name);
            fail(L, g[v].edges[e].path,
                 "synchronous call cycle: %s (each call runs the next before returning, so it never ends)", cycle);
        }
        if (color[to] == 0)
            dfs(L, g, color, stack, depth + 1, to);
    }
    color[v] = 2;
}

static void check_cycles(loader *L)
{
    ls_scenario *p = L->prog;
    if (p->nfunctions == 0)
        return;
    edge_list *g = arena_alloc(L->arena, p->nfunctions * sizeof *g);
    for (size_t i = 0; i < p->nfunctions; i++) {
        cycle_walk w = {L, i, &g[i], false};
        const ls_block *b = &p->functions[i]->body;
        for (size_t k = 0; k < b->len && !w.stopped; k++)
            walk_calls(&w, b->items[k]);
    }
    unsigned char *color = arena_alloc(L->arena, p->nfunctions);
    size_t *stack = arena_alloc(L->arena, p->nfunctions * sizeof *stack);
    for (size_t i = 0; i < p->nfunctions; i++)
        if (color[i] == 0)
            dfs(L, g, color, stack, 0, i);
}

/* ------------------------------------------------------------------------------------------ */
/* "source" and "script": the program as JavaScript                                           */

/* The keys that give the program, each with what it is for messages: a scenario has one. */
static const char *const program_keys[][2] = {
    {"source", "JavaScript text"},
    {"script", "a path to a JavaScript file"},
    {"main", "a program written as JSON"},
    {"functions", "a program written as JSON"},
};
enum { NPROGRAM_KEYS = sizeof program_keys / sizeof program_keys[0] };

/* "source" or "script" (program_keys[k][0]) must come alone: none of the keys after it. */
static void check_alone(loader *L, const cJSON *root, size_t k)
{
    const char *key = program_keys[k][0];
    for (size_t i = k + 1; i < NPROGRAM_KEYS; i++)
        if (get(root, program_keys[i][0]))
            fail(L, path_key(L, "$", key), "expected \"%s\" alone as the program (%s), found \"%s\" "
                 "too (%s); keep one of them%s", key, program_keys[k][1], program_keys[i][0], program_keys[i][1],
                 k == 0 && i >= 2 ? " (where a scenario comes from, once \"source\", is now \"from\")" : "");
}

/* The string at `$.KEY`, which cJSON ends at a NUL: a \u0000 escape in it is refused, as it
 * would cut the text short.  `what` says what the string is, and `expected` what is expected
 * when it is not a string, for messages. */
static const char *string_without_nul(loader *L, const cJSON *j, const char *key, const char *what,
                                      const char *expected)
{
    const char *path = path_key(L, "$", key);
    if (!cJSON_IsString(j))
        fail(L, path, "expected %s, found %s", expected, describe(L, j));
    const pos_entry *at = position_of(L, j);
    if (!at) /* cannot happen: map_positions found every value */
        fail(L, path, "internal error: expected the place of the string in the file, found none");
    for (size_t i = at->offset + 1; i < L->len && L->text[i] != '"'; i++) {
        if (L->text[i] != '\\')
            continue;
        if (i + 5 < L->len && memcmp(L->text + i + 1, "u0000", 5) == 0) {
            int line, col;
            line_col(L->text, i, &line, &col);
            fail(L, path, "expected %s without NUL characters, found \"\\u0000\" at %d:%d", what, line,
                 col);
        }
        i++; /* the escaped character: \" does not end the string */
    }
    return arena_strdup(L->arena, j->valuestring);
}

/* "source": the JavaScript is kept as text: program.c parses it, and maps the positions of
 * its errors back into the JSON text (loader_source_position). */
static void parse_source(loader *L, const cJSON *root, const cJSON *sourcej)
{
    check_alone(L, root, 0);
    ls_scenario *p = L->prog;
    p->js_source = string_without_nul(L, sourcej, "source", "the program as JavaScript text",
                                      "the program as JavaScript text (a string)");
    p->js_source_len = strlen(p->js_source);
    p->js_source_at = position_of(L, sourcej)->offset;
}

/* "script": the path is kept as written; program.c resolves it and reads the file.  Its name
 * says how Node would run it: .mjs an ES module, .js and .cjs CommonJS (unless "module": "esm"
 * says module, as `loopsim run --esm` does). */
static void parse_script_path(loader *L, const cJSON *root, const cJSON *scriptj, const char *module)
{
    check_alone(L, root, 1);
    static const char what[] = "a path to a JavaScript file (.js, .cjs or .mjs)";
    const char *path = string_without_nul(L, scriptj, "script", what, what);
    const char *name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    const char *dot = strrchr(name, '.');
    bool mjs = dot && strcmp(dot, ".mjs") == 0;
    if (!dot || dot == name || (!mjs && strcmp(dot, ".js") != 0 && strcmp(dot, ".cjs") != 0))
        fail(L, "$.script", "expected %s, found %s", what, describe(L, scriptj));
    if (mjs && module && strcmp(module, "commonjs") == 0)
        fail(L, "$.module", "expected \"esm\" or no \"module\" with a .mjs script (Node runs it as an ES "
             "module), found a string \"commonjs\"");
    ls_scenario *p = L->prog;
    p->script = path;
    if (mjs)
        p->esm = true;
}

/* Decodes the escape at text[i] ('\\'); returns its length in the text and sets *bytes to the
 * length of what it stands for in UTF-8 (a surrogate pair written as two \u escapes is one
 * 4-byte character, as cJSON decodes it). */
static size_t escape_length(const char *text, size_t len, size_t i, size_t *bytes)
{
    if (i + 1 >= len || text[i + 1] != 'u' || i + 6 > len) {
        *bytes = 1;
        return 2;
    }
    unsigned cu = 0; /* the scanner checked the four hex digits */
    for (size_t k = i + 2; k < i + 6; k++)
        cu = cu * 16 + (unsigned)(is_digit(text[k]) ? text[k] - '0' : lower(text[k]) - 'a' + 10);
    /* cJSON accepts a high surrogate only with a low one: two escapes, one character */
    if (cu >= 0xD800 && cu <= 0xDBFF && i + 12 <= len && text[i + 6] == '\\' && text[i + 7] == 'u') {
        *bytes = 4;
        return 12;
    }
    *bytes = cu < 0x80 ? 1 : cu < 0x800 ? 2 : 3;
    return 6;
}

void loader_source_position(const char *text, size_t len, const ls_scenario *s, size_t offset,
                            int *line, int *col)
{
    size_t i = s->js_source_at + 1, decoded = 0;
    while (i < len && text[i] != '"' && decoded < offset) {
        size_t bytes = 1, step = 1;
        if (text[i] == '\\')
            step = escape_length(text, len, i, &bytes);
        if (decoded + bytes > offset)
            break; /* inside the escape: report the escape */
        decoded += bytes;
        i += step;
    }
    line_col(text, i < len ? i : len, line, col);
}

/* ------------------------------------------------------------------------------------------ */
/* driver                                                                                     */

static _Noreturn void fail_syntax(loader *L, size_t pos, const char *what)
{
    int line, col;
    line_col(L->text, pos, &line, &col);
    L->error = xprintf("%s:%d:%d: error: %s\n", L->file, line, col, what);
    longjmp(L->fail, 1);
}

/* Pairs the cJSON items, in document order, with the value starts the scanner recorded (in
 * increasing offset order), tracking line and column in one pass over the text. */
static void map_positions(loader *L, const cJSON *item, size_t *i, size_t *at, int *line, int *col)
{
    if (*i < L->sc.nstarts) {
        size_t off = L->sc.starts[*i];
        for (; *at < off; (*at)++) {
            unsigned char b = (unsigned char)L->text[*at];
            if (b == '\n') {
                (*line)++;
                *col = 1;
            } else if ((b & 0xC0) != 0x80) {
                (*col)++;
            }
        }
        L->pos[*i].item = item;
        L->pos[*i].line = *line;
        L->pos[*i].col = *col;
        L->pos[*i].offset = off;
    }
    (*i)++;
    for (const cJSON *c = item->child; c; c = c->next)
        map_positions(L, c, i, at, line, col);
}

static void load_steps(loader *L)
{
    /* 1. scan */
    if (L->len == 0)
        fail_syntax(L, 0, "empty file: expected a scenario object {\"loopsim\": 1, \"main\": [...]}");
    size_t skip = 0;
    if (L->len >= 3 && memcmp(L->text, "\xEF\xBB\xBF", 3) == 0) /* a UTF-8 byte order mark */
        skip = 3;
    scanner *sc = &L->sc;
    sc->s = L->text;
    sc->len = L->len;
    sc->pos = skip;
    scan_ws(sc);
    if (sc->pos == sc->len)
        fail_syntax(L, sc->pos, "empty file: expected a scenario object {\"loopsim\": 1, \"main\": [...]}");
    if (scan_value(sc, "a JSON value")) {
        scan_ws(sc);
        if (sc->pos < sc->len)
            scan_fail(sc, sc->pos, "the end of the file after the JSON value");
    }
    if (sc->failed) {
        if (sc->too_deep)
            fail_syntax(L, sc->err_pos, sc->expected);
        char found[96];
        describe_text_at(L->text, L->len, sc->err_pos, found, sizeof found);
        char msg[sizeof sc->expected + sizeof found + 64];
        snprintf(msg, sizeof msg, "malformed JSON: expected %s, found %s", sc->expected, found);
        fail_syntax(L, sc->err_pos, msg);
    }

    /* 2. build */
    const char *end = NULL;
    L->root = cJSON_ParseWithLengthOpts(L->text + skip, L->len - skip, &end, false);
    if (!L->root) {
        const char *at = end ? end : cJSON_GetErrorPtr();
        size_t pos = (at && at >= L->text && at <= L->text + L->len) ? (size_t)(at - L->text) : skip;
        fail_syntax(L, pos, "malformed JSON: the JSON parser rejected the document here");
    }
    L->pos = xrealloc(NULL, (sc->nstarts ? sc->nstarts : 1) * sizeof *L->pos);
    size_t count = 0, at = 0;
    int line = 1, col = 1;
    map_positions(L, L->root, &count, &at, &line, &col);
    if (count == sc->nstarts) {
        L->npos = count;
        qsort(L->pos, L->npos, sizeof *L->pos, cmp_pos);
    } else { /* cannot happen; positions are a nicety */
        free(L->pos);
        L->pos = NULL;
    }

    const cJSON *root = L->root;
    if (!cJSON_IsObject(root))
        fail(L, "$", "expected a scenario object {\"loopsim\": 1, \"main\": [...]}, found %s", describe(L, root));
    check_keys(L, root, "$", top_keys, "the scenario");
    const cJSON *version = get(root, "loopsim");
    if (!version)
        fail(L, "$", "missing key \"loopsim\" (the format version: 1)");
    if (!cJSON_IsNumber(version) || version->valuedouble != 1)
        fail(L, "$.loopsim", "expected 1 (the only format version), found %s", describe(L, version));
    const cJSON *mainj = get(root, "main");
    const cJSON *sourcej = get(root, "source");
    const cJSON *scriptj = get(root, "script");
    if (!mainj && !sourcej && !scriptj)
        fail(L, "$", "missing key \"main\" (the main script: a statement list; or \"source\": the "
             "program as JavaScript text; or \"script\": a path to a JavaScript file)");

    ls_scenario *p = L->prog;
    p->title = optional_string(L, root, "title");
    p->description = optional_string(L, root, "description");
    optional_string(L, root, "from");
    optional_string(L, root, "$schema");
    const char *module = optional_string(L, root, "module");
    if (module) {
        if (strcmp(module, "esm") == 0)
            p->esm = true;
        else if (strcmp(module, "commonjs") != 0)
            fail(L, "$.module", "expected \"commonjs\" or \"esm\", found a string \"%s\"", module);
    }
    const char *env = optional_string(L, root, "env");
    if (env) {
        if (strcmp(env, "browser") == 0)
            p->browser = true;
        else if (strcmp(env, "node") != 0)
            fail(L, "$.env", "expected \"node\" or \"browser\", found a string \"%s\"", env);
    }
    const cJSON *timing = get(root, "timing");
    if (timing)
        parse_timing(L, timing);

    if (sourcej) {
        parse_source(L, root, sourcej);
        return;
    }
    if (scriptj) {
        parse_script_path(L, root, scriptj, module);
        return;
    }

    ls_func *mainfn = arena_alloc(L->arena, sizeof *mainfn);
    mainfn->label = "main";
    mainfn->path = "$.main";
    p->main = mainfn;
    L->main_scope = arena_alloc(L->arena, sizeof *L->main_scope);
    L->main_scope->fn = mainfn;
    L->cur = L->main_scope;

    const cJSON *fns = get(root, "functions");
    if (fns)
        parse_functions(L, fns);
    L->cur = L->main_scope;
    mainfn->body = parse_block(L, mainj, "$.main");

    /* 3 and 4 */
    resolve_names(L);
    check_cycles(L);
}

/* The function that calls setjmp has no locals that change afterwards. */
static ls_scenario *load(loader *L)
{
    if (setjmp(L->fail))
        return NULL;
    load_steps(L);
    return L->prog;
}

ls_scenario *loader_load_text(const char *display_name, const char *text, size_t len, char **error)
{
    loader L;
    memset(&L, 0, sizeof L);
    L.file = display_name ? display_name : "<input>";
    L.text = text ? text : "";
    L.len = text ? len : 0;
    L.arena = arena_new();
    L.prog = arena_alloc(L.arena, sizeof *L.prog);
    L.prog->arena = L.arena;
    L.prog->file = arena_strdup(L.arena, L.file);
    costs_defaults(&L.prog->costs);

    ls_scenario *p = load(&L);

    cJSON_Delete(L.root);
    free(L.sc.starts);
    free(L.pos);
    free(L.refs);
    if (!p) {
        arena_free(L.arena);
        if (error)
            *error = L.error;
        else
            free(L.error);
        return NULL;
    }
    if (error)
        *error = NULL;
    return p;
}

/* Reads the whole file into a malloc'd buffer with a '\0' after the last byte.  NULL, with
 * *err = errno and *opened = whether fopen succeeded, if it cannot. */
static char *read_whole_file(const char *path, size_t *len_out, int *err, bool *opened)
{
    *opened = false;
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = errno;
        return NULL;
    }
    *opened = true;
    size_t cap = 64 * 1024, len = 0;
    char *buf = xrealloc(NULL, cap);
    for (;;) {
        if (len == cap) {
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0)
            break;
    }
    bool bad = ferror(f) != 0;
    int e = errno;
    fclose(f);
    if (bad) {
        free(buf);
        *err = e;
        return NULL;
    }
    if (len == cap)
        buf = xrealloc(buf, cap + 1);
    buf[len] = '\0';
    *len_out = len;
    return buf;
}

char *loader_read_bytes(const char *path, size_t *len, int *err)
{
    bool opened;
    int e = 0;
    char *buf = read_whole_file(path, len, &e, &opened);
    if (err)
        *err = buf ? 0 : e;
    return buf;
}

char *loader_read_file(const char *path, size_t *len_out, char **error)
{
    bool opened;
    int e = 0;
    char *buf = read_whole_file(path, len_out, &e, &opened);
    if (error)
        *error = buf ? NULL : xprintf("%s: error: cannot %s: %s\n", path, opened ? "read" : "open", strerror(e));
    return buf;
}

ls_scenario *loader_load_file(const char *path, char **error)
{
    size_t len;
    char *buf = loader_read_file(path, &len, error);
    if (!buf)
        return NULL;
    ls_scenario *p = loader_load_text(path, buf, len, error);
    free(buf);
    return p;
}

void scenario_free(ls_scenario *p)
{
    if (p)
        arena_free(p->arena);
}
