/* builtin_regexp.c - RegExp (ECMA-262 22.2) with loopsim's own backtracking matcher.
 *
 * The engine has three stages, each a section below:
 *
 *   parse    the pattern (22.2.1, with Annex B.1.2's web-compatible syntax when the u flag is
 *            absent) into a tree of nodes, with V8's SyntaxError messages ("Unterminated group",
 *            "Nothing to repeat", ...).  With the u flag the pattern is read as code points,
 *            without it as UTF-16 code units, as the specification says.
 *   compile  the tree to a small bytecode: characters, classes (sorted ranges), assertions,
 *            SPLIT/JMP for alternatives and loops, SAVE for captures, loop counters in
 *            registers, LOOK ... LOOK_END around lookarounds.  A lookbehind's body is compiled
 *            backwards (its terms in reverse order, each character read before the position),
 *            as V8 and the specification's direction parameter (22.2.2) do.
 *   match    a backtracking interpreter with an explicit stack: choice points and an undo log
 *            of the captures and registers they must restore, so that deep greedy loops use
 *            no C stack.  A quantifier over a single character (\d+, .*, [a-z]{2,5}) runs in
 *            one instruction that remembers how far it can give back.  Quantified groups
 *            follow RepeatMatcher (22.2.2.3.1): captures inside are reset at each iteration,
 *            and an iteration past the minimum that matches the empty string fails.
 *            Lookarounds are atomic: when their body matches, the choice points it left are
 *            dropped and its captures kept (positive) or the whole assertion fails (negative).
 *
 * A search that takes more than RE_STEP_LIMIT steps and RE_STEPS_PER_UNIT per code unit it
 * may scan (catastrophic backtracking such as /(a+)+b/ on a long run of a's, which in Node
 * hangs the process; a linear scan never comes near) throws a RangeError naming that limit.
 * Case-insensitive matching canonicalizes with string.c's simple case mapping (22.2.2.7.3
 * Canonicalize: upper case without the u flag, and never from non-ASCII to ASCII; lower case,
 * i.e. simple case folding, with it); it covers the alphabets that mapping covers.  Not
 * modelled: Unicode property escapes (\p{...}: a SyntaxError saying so) and the v flag (also
 * refused).
 *
 * The objects: a RegExp is a CLASS_REGEXP object with its source and flags and an own
 * `lastIndex`; exec builds the result array (index, input, groups; indices with the d flag) as
 * RegExpBuiltinExec does (22.2.7.2).  js_object has no field for the compiled program: a
 * RegExp keeps it, serialized in a byte string, under a private symbol (never seen by the
 * program), and recent programs are cached by source and flags (a literal in a loop makes
 * a new RegExp each time).  What else the VM has no intrinsic slot for (the RegExp String
 * Iterator prototype, the last match for RegExp.$1 and co., that cache) is kept on
 * RegExp.prototype under another private symbol.
 *
 * The String methods that take a pattern (match, matchAll, replace, replaceAll, search,
 * split) call regexp_match, regexp_replace, ... below: they are RegExp.prototype[@@match],
 * [@@replace], ... (22.2.6), which the String methods would reach through those symbols;
 * loopsim's Symbol has no Symbol.match etc., so String calls them directly for RegExp objects.
 * They call a replaced `exec` as RegExpExec (22.2.7.1) says, except split, which matches
 * directly with the engine; with the builtin exec a global match or replace makes no result
 * arrays, only the strings it needs.
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numconv.h"

/* builtin_string.c: GetSubstitution (22.1.3.19.1) */
js_status string_substitution(js_vm *vm, js_string *matched, js_string *str, uint32_t position,
                              const js_value *captures, uint32_t ncaptures, js_value named,
                              js_string *replacement, js_string **out);

/* the step budget of a search: a base and a share per code unit it may scan, so that a linear
 * scan of a long string never reaches it */
#define RE_STEP_LIMIT 20000000u
#define RE_STEPS_PER_UNIT 100u
#define RE_INFINITY UINT32_MAX

/* ======================================================================================
 * parse
 * ====================================================================================== */

enum {
    N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_SEQ, N_ALT, N_GROUP, N_REPEAT, N_BOL, N_EOL, N_WORDB,
    N_NWORDB, N_LOOK, N_BACKREF
};

typedef struct {
    uint8_t kind;
    bool flag;          /* N_CLASS: negated; N_REPEAT: greedy; N_LOOK: negative */
    bool behind;        /* N_LOOK: a lookbehind */
    int32_t a;          /* N_CHAR: the character; N_GROUP: capture index or -1; N_BACKREF:
                         * the group (or -1 - pending named reference); N_CLASS: first range */
    int32_t b;          /* N_CLASS: number of ranges; N_REPEAT: first capture inside */
    int32_t c;          /* N_REPEAT: captures inside end here */
    uint32_t min, max;  /* N_REPEAT */
    int child, next;    /* first child; next sibling (-1: none) */
} re_node;

typedef struct {
    uint32_t *v;
    size_t n, cap;
} u32vec;

static void vec_push(u32vec *v, uint32_t x)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? 2 * v->cap : 32;
        v->v = realloc(v->v, v->cap * sizeof *v->v);
        if (!v->v)
            ls_out_of_memory(0);
    }
    v->v[v->n++] = x;
}

typedef struct {
    const uint32_t *p;      /* the pattern: code points (u flag) or code units */
    uint32_t n, i;
    bool unicode, icase;
    const char *error;      /* V8's message, once something is wrong */
    re_node *nodes;
    size_t nnodes, cap;
    u32vec ranges;          /* all classes' ranges: lo, hi pairs */
    int ngroups;            /* capturing groups opened so far */
    int total_groups;       /* in the whole pattern (a pre-scan): decides what \N is */
    bool has_named;         /* the pattern has a named group: \k is a reference */
    char **names;           /* group names by index (1-based; NULL: unnamed) */
    int names_cap;
    char **refs;            /* names of \k<name> references, resolved at the end */
    int nrefs;
} re_parser;

static int fail(re_parser *p, const char *msg)
{
    if (!p->error)
        p->error = msg;
    return -1;
}

static int node_new(re_parser *p, int kind)
{
    if (p->nnodes == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 32;
        p->nodes = realloc(p->nodes, p->cap * sizeof *p->nodes);
        if (!p->nodes)
            ls_out_of_memory(0);
    }
    re_node *n = &p->nodes[p->nnodes];
    memset(n, 0, sizeof *n);
    n->kind = (uint8_t)kind;
    n->child = n->next = -1;
    return (int)p->nnodes++;
}

static int char_node(re_parser *p, uint32_t c)
{
    int n = node_new(p, N_CHAR);
    p->nodes[n].a = (int32_t)c;
    return n;
}

static bool at_end(const re_parser *p)
{
    return p->i >= p->n;
}

static uint32_t peek(const re_parser *p)
{
    return p->i < p->n ? p->p[p->i] : 0;
}

static uint32_t peek_at(const re_parser *p, uint32_t k)
{
    return p->i + k < p->n ? p->p[p->i + k] : 0;
}

static bool eat(re_parser *p, uint32_t c)
{
    if (!at_end(p) && p->p[p->i] == c) {
        p->i++;
        return true;
    }
    return false;
}

static bool is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

static int hex_value(uint32_t c)
{
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    if (c >= 'A' && c <= 'F')
        return (int)(c - 'A' + 10);
    return -1;
}

/* n hex digits at the position: their value (and they are consumed), or -1 */
static int32_t eat_hex(re_parser *p, int n)
{
    int32_t v = 0;
    for (int k = 0; k < n; k++) {
        int h = hex_value(peek_at(p, (uint32_t)k));
        if (h < 0 || p->i + (uint32_t)k >= p->n)
            return -1;
        v = v * 16 + h;
    }
    p->i += (uint32_t)n;
    return v;
}

static bool is_surrogate_lead(uint32_t c)
{
    return c >= 0xD800 && c <= 0xDBFF;
}

static bool is_surrogate_trail(uint32_t c)
{
    return c >= 0xDC00 && c <= 0xDFFF;
}

/* ---- the pre-scan: how many groups, and whether any is named ---- */

static void prescan(re_parser *p)
{
    bool in_class = false;
    for (uint32_t i = 0; i < p->n; i++) {
        uint32_t c = p->p[i];
        if (c == '\\') {
            i++;
        } else if (in_class) {
            in_class = c != ']';
        } else if (c == '[') {
            in_class = true;
        } else if (c == '(') {
            if (i + 1 < p->n && p->p[i + 1] == '?') {
                if (i + 2 < p->n && p->p[i + 2] == '<' && i + 3 < p->n && p->p[i + 3] != '=' &&
                    p->p[i + 3] != '!') {
                    p->total_groups++;
                    p->has_named = true;
                }
            } else {
                p->total_groups++;
            }
        }
    }
}

/* ---- character classes ---- */

typedef struct {
    u32vec r; /* lo, hi pairs */
} class_set;

static void set_add(class_set *s, uint32_t lo, uint32_t hi)
{
    vec_push(&s->r, lo);
    vec_push(&s->r, hi);
}

static const uint32_t space_ranges[] = {0x09, 0x0D, 0x20, 0x20, 0xA0, 0xA0, 0x1680, 0x1680,
                                        0x2000, 0x200A, 0x2028, 0x2029, 0x202F, 0x202F,
                                        0x205F, 0x205F, 0x3000, 0x3000, 0xFEFF, 0xFEFF};
static const uint32_t word_ranges[] = {'0', '9', 'A', 'Z', '_', '_', 'a', 'z'};
static const uint32_t digit_ranges[] = {'0', '9'};

/* \d \s \w (or their complements \D \S \W) into the set */
static void set_add_escape(class_set *s, uint32_t e)
{
    const uint32_t *r;
    size_t n;
    switch (e | 0x20) {
    case 'd': r = digit_ranges; n = 2; break;
    case 's': r = space_ranges; n = sizeof space_ranges / sizeof *space_ranges; break;
    default: r = word_ranges; n = sizeof word_ranges / sizeof *word_ranges; break;
    }
    if (e >= 'a') {
        for (size_t i = 0; i < n; i += 2)
            set_add(s, r[i], r[i + 1]);
        return;
    }
    uint32_t from = 0;
    for (size_t i = 0; i < n; i += 2) {
        if (r[i] > from)
            set_add(s, from, r[i] - 1);
        from = r[i + 1] + 1;
    }
    set_add(s, from, 0x10FFFF);
}

static int cmp_range(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* sorts and merges the set's ranges into the parser's table: a class node */
static int class_node(re_parser *p, class_set *s, bool negated)
{
    size_t n = s->r.n / 2;
    qsort(s->r.v, n, 2 * sizeof(uint32_t), cmp_range);
    int node = node_new(p, N_CLASS);
    p->nodes[node].a = (int32_t)(p->ranges.n / 2);
    p->nodes[node].flag = negated;
    int32_t count = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t lo = s->r.v[2 * i], hi = s->r.v[2 * i + 1];
        if (count && lo <= p->ranges.v[p->ranges.n - 1] + 1) {
            if (hi > p->ranges.v[p->ranges.n - 1])
                p->ranges.v[p->ranges.n - 1] = hi;
            continue;
        }
        vec_push(&p->ranges, lo);
        vec_push(&p->ranges, hi);
        count++;
    }
    p->nodes[node].b = count;
    free(s->r.v);
    return node;
}

static int escape_class_node(re_parser *p, uint32_t e)
{
    class_set s = {{0}};
    set_add_escape(&s, e);
    return class_node(p, &s, false);
}

/* ---- escapes ---- */

static bool is_syntax_char(uint32_t c)
{
    return c && strchr("^$\\.*+?()[]{}|/", (int)c) != NULL;
}

/* \u escapes: XXXX, a surrogate pair of two (u flag), {X...} (u flag); -1 if none */
static int32_t unicode_escape(re_parser *p)
{
    if (p->unicode && peek(p) == '{') {
        uint32_t save = p->i++;
        int64_t v = 0;
        int digits = 0;
        for (int h; (h = hex_value(peek(p))) >= 0 && !at_end(p); p->i++, digits++) {
            v = v * 16 + h;
            if (v > 0x10FFFF)
                return fail(p, "Invalid Unicode escape");
        }
        if (!digits || !eat(p, '}')) {
            p->i = save;
            return -1;
        }
        return (int32_t)v;
    }
    int32_t v = eat_hex(p, 4);
    if (v >= 0 && p->unicode && is_surrogate_lead((uint32_t)v) && peek(p) == '\\' &&
        peek_at(p, 1) == 'u') {
        uint32_t save = p->i;
        p->i += 2;
        int32_t w = eat_hex(p, 4);
        if (w >= 0 && is_surrogate_trail((uint32_t)w))
            return 0x10000 + ((v - 0xD800) << 10) + (w - 0xDC00);
        p->i = save;
    }
    return v;
}

/* a legacy octal escape (Annex B): up to 3 octal digits, at most \377 */
static uint32_t octal_escape(re_parser *p)
{
    uint32_t v = p->p[p->i++] - '0';
    if (peek(p) >= '0' && peek(p) <= '7' && !at_end(p)) {
        v = v * 8 + (p->p[p->i++] - '0');
        if (v < 32 && peek(p) >= '0' && peek(p) <= '7' && !at_end(p))
            v = v * 8 + (p->p[p->i++] - '0');
    }
    return v;
}

static bool is_id_start(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_' || c >= 0x80;
}

static bool is_id_part(uint32_t c)
{
    return is_id_start(c) || is_digit(c);
}

/* a group name after '<', through '>': malloc'd UTF-8, or NULL (error set) */
static char *group_name(re_parser *p)
{
    str_buf b = {0};
    for (bool first = true;; first = false) {
        if (at_end(p))
            break;
        uint32_t c = p->p[p->i++];
        if (c == '>' && !first) {
            sb_bytes(&b, "", 1); /* the NUL */
            return b.p;
        }
        if (c == '\\' && eat(p, 'u')) {
            int32_t v = unicode_escape(p);
            if (v < 0)
                break;
            c = (uint32_t)v;
        } else if (is_surrogate_lead(c) && is_surrogate_trail(peek(p))) {
            c = 0x10000 + ((c - 0xD800) << 10) + (p->p[p->i++] - 0xDC00);
        }
        if (first ? !is_id_start(c) : !is_id_part(c))
            break;
        sb_unit(&b, c);
    }
    sb_free(&b);
    fail(p, "Invalid capture group name");
    return NULL;
}

/* \k<name> after the k: a backreference resolved when the pattern is parsed */
static int named_reference(re_parser *p)
{
    if (!eat(p, '<'))
        return fail(p, "Invalid named reference");
    char *name = group_name(p);
    if (!name)
        return -1;
    p->refs = realloc(p->refs, (size_t)(p->nrefs + 1) * sizeof *p->refs);
    if (!p->refs)
        ls_out_of_memory(0);
    p->refs[p->nrefs] = name;
    int n = node_new(p, N_BACKREF);
    p->nodes[n].a = -1 - p->nrefs++;
    return n;
}

/* \1..\9...: a backreference, or (Annex B) an octal escape or an identity escape */
static int decimal_escape(re_parser *p)
{
    uint32_t start = p->i;
    uint64_t v = 0;
    while (is_digit(peek(p)) && !at_end(p) && v < 100000)
        v = v * 10 + (p->p[p->i++] - '0');
    if (v <= (uint64_t)p->total_groups) {
        int n = node_new(p, N_BACKREF);
        p->nodes[n].a = (int32_t)v;
        return n;
    }
    if (p->unicode)
        return fail(p, "Invalid escape");
    p->i = start;
    if (peek(p) >= '8')
        return char_node(p, p->p[p->i++]);
    return char_node(p, octal_escape(p));
}

/* A CharacterEscape shared by atoms and classes, after the backslash: the character, or -1
 * (error set, or for Annex B's "\c" with no letter: -2, the backslash stands for itself). */
static int32_t character_escape(re_parser *p, bool in_class)
{
    uint32_t c = p->p[p->i++];
    switch (c) {
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case 'c': {
        uint32_t l = peek(p);
        if (((l | 0x20) >= 'a' && (l | 0x20) <= 'z') ||
            (in_class && !p->unicode && (is_digit(l) || l == '_'))) {
            p->i++;
            return (int32_t)(l % 32);
        }
        if (p->unicode)
            return fail(p, "Invalid Unicode escape");
        p->i--; /* "\c": a backslash, then the c as itself */
        return -2;
    }
    case '0':
        if (!is_digit(peek(p)) || at_end(p))
            return 0;
        if (p->unicode)
            return fail(p, in_class ? "Invalid class escape" : "Invalid decimal escape");
        p->i--;
        return (int32_t)octal_escape(p);
    case 'x': {
        int32_t v = eat_hex(p, 2);
        if (v >= 0)
            return v;
        return p->unicode ? fail(p, "Invalid escape") : 'x';
    }
    case 'u': {
        int32_t v = unicode_escape(p);
        if (v >= 0 || p->error)
            return v;
        return p->unicode ? fail(p, "Invalid Unicode escape") : 'u';
    }
    default:
        if (p->unicode && !is_syntax_char(c) && !(in_class && c == '-'))
            return fail(p, in_class && is_digit(c) ? "Invalid class escape" : "Invalid escape");
        if (!p->unicode && in_class && is_digit(c)) {
            p->i--;
            return c >= '8' ? (int32_t)p->p[p->i++] : (int32_t)octal_escape(p);
        }
        return (int32_t)c;
    }
}

/* an AtomEscape after the backslash: a node */
static int atom_escape(re_parser *p)
{
    if (at_end(p))
        return fail(p, "\\ at end of pattern");
    uint32_t c = peek(p);
    if (strchr("dDsSwW", (int)c)) {
        p->i++;
        return escape_class_node(p, c);
    }
    if ((c == 'p' || c == 'P') && p->unicode)
        return fail(p, "loopsim does not model Unicode property escapes");
    if (c >= '1' && c <= '9')
        return decimal_escape(p);
    if (c == 'k' && (p->unicode || p->has_named)) {
        p->i++;
        return named_reference(p);
    }
    int32_t v = character_escape(p, false);
    if (v == -2)
        return char_node(p, '\\');
    return v < 0 ? -1 : char_node(p, (uint32_t)v);
}

/* one ClassAtom: a character (*ch) or a class escape (*esc = 'd', 'W', ...) */
static int class_atom(re_parser *p, uint32_t *ch, uint32_t *esc)
{
    *esc = 0;
    uint32_t c = p->p[p->i++];
    if (c != '\\') {
        if (is_surrogate_lead(c) && p->unicode && is_surrogate_trail(peek(p)))
            c = 0x10000 + ((c - 0xD800) << 10) + (p->p[p->i++] - 0xDC00);
        *ch = c;
        return 0;
    }
    if (at_end(p))
        return fail(p, "\\ at end of pattern");
    c = peek(p);
    if (strchr("dDsSwW", (int)c)) {
        p->i++;
        *esc = c;
        return 0;
    }
    if ((c == 'p' || c == 'P') && p->unicode)
        return fail(p, "loopsim does not model Unicode property escapes");
    if (c == 'b') {
        p->i++;
        *ch = '\b';
        return 0;
    }
    int32_t v = character_escape(p, true);
    if (v == -1)
        return -1;
    *ch = v == -2 ? '\\' : (uint32_t)v;
    return 0;
}

/* [...] after the '[' */
static int parse_class(re_parser *p)
{
    bool negated = eat(p, '^');
    class_set s = {{0}};
    for (;;) {
        if (at_end(p)) {
            free(s.r.v);
            return fail(p, "Unterminated character class");
        }
        if (eat(p, ']'))
            break;
        uint32_t lo, hi, esc1, esc2;
        if (class_atom(p, &lo, &esc1) < 0)
            break;
        if (peek(p) != '-' || peek_at(p, 1) == ']' || p->i + 1 >= p->n) {
            if (esc1)
                set_add_escape(&s, esc1);
            else
                set_add(&s, lo, lo);
            continue;
        }
        p->i++; /* the '-' */
        if (class_atom(p, &hi, &esc2) < 0)
            break;
        if (esc1 || esc2) {
            if (p->unicode) {
                fail(p, "Invalid character class");
                break;
            }
            /* Annex B: [\d-a] is \d, '-' and a */
            esc1 ? set_add_escape(&s, esc1) : set_add(&s, lo, lo);
            set_add(&s, '-', '-');
            esc2 ? set_add_escape(&s, esc2) : set_add(&s, hi, hi);
            continue;
        }
        if (lo > hi) {
            fail(p, "Range out of order in character class");
            break;
        }
        set_add(&s, lo, hi);
    }
    if (p->error) {
        free(s.r.v);
        return -1;
    }
    return class_node(p, &s, negated);
}

/* ---- quantifiers ---- */

/* {n}, {n,}, {n,m} at the position: true with the bounds (consumed), false if it is not one */
static bool brace_quantifier(re_parser *p, uint32_t *min, uint32_t *max)
{
    uint32_t save = p->i;
    if (!eat(p, '{') || !is_digit(peek(p)) || at_end(p)) {
        p->i = save;
        return false;
    }
    uint64_t a = 0, b;
    while (is_digit(peek(p)) && !at_end(p)) {
        a = a * 10 + (p->p[p->i++] - '0');
        if (a > RE_INFINITY - 1)
            a = RE_INFINITY - 1;
    }
    b = a;
    if (eat(p, ',')) {
        if (is_digit(peek(p)) && !at_end(p)) {
            b = 0;
            while (is_digit(peek(p)) && !at_end(p)) {
                b = b * 10 + (p->p[p->i++] - '0');
                if (b > RE_INFINITY - 1)
                    b = RE_INFINITY - 1;
            }
        } else {
            b = RE_INFINITY;
        }
    }
    if (!eat(p, '}')) {
        p->i = save;
        return false;
    }
    *min = (uint32_t)a;
    *max = (uint32_t)b;
    return true;
}

/* a quantifier at the position? (then *min, *max, and the position after it) */
static bool quantifier(re_parser *p, uint32_t *min, uint32_t *max)
{
    switch (peek(p)) {
    case '*': p->i++; *min = 0; *max = RE_INFINITY; return true;
    case '+': p->i++; *min = 1; *max = RE_INFINITY; return true;
    case '?': p->i++; *min = 0; *max = 1; return true;
    case '{':
        if (brace_quantifier(p, min, max))
            return true;
        if (p->unicode)
            fail(p, "Incomplete quantifier");
        return false;
    default:
        return false;
    }
}

static int parse_disjunction(re_parser *p);

/* records group `index`'s name (taken), unless another group has it */
static int add_group_name(re_parser *p, int index, char *name)
{
    for (int g = 1; g < index && g < p->names_cap; g++)
        if (p->names[g] && strcmp(p->names[g], name) == 0) {
            free(name);
            return fail(p, "Duplicate capture group name");
        }
    if (index >= p->names_cap) {
        int cap = index * 2 + 8;
        p->names = realloc(p->names, (size_t)cap * sizeof *p->names);
        if (!p->names)
            ls_out_of_memory(0);
        memset(p->names + p->names_cap, 0, (size_t)(cap - p->names_cap) * sizeof *p->names);
        p->names_cap = cap;
    }
    p->names[index] = name;
    return 0;
}

/* a group after the '(': capturing, named, non-capturing or a lookaround */
static int parse_group(re_parser *p, bool *quantifiable)
{
    *quantifiable = true;
    int index = -1, kind = N_GROUP;
    bool negative = false, behind = false;
    if (eat(p, '?')) {
        uint32_t c = at_end(p) ? 0 : p->p[p->i++];
        if (c == '=' || c == '!') {
            kind = N_LOOK;
            negative = c == '!';
            *quantifiable = !p->unicode;
        } else if (c == '<' && (peek(p) == '=' || peek(p) == '!')) {
            kind = N_LOOK;
            behind = true;
            negative = p->p[p->i++] == '!';
            *quantifiable = false;
        } else if (c == '<') {
            char *name = group_name(p);
            if (!name || add_group_name(p, index = ++p->ngroups, name) < 0)
                return -1;
        } else if (c != ':') {
            return fail(p, "Invalid group");
        }
    } else {
        index = ++p->ngroups;
    }
    int body = parse_disjunction(p);
    if (body < 0)
        return -1;
    if (!eat(p, ')'))
        return fail(p, "Unterminated group");
    int n = node_new(p, kind);
    p->nodes[n].child = body;
    p->nodes[n].a = index;
    p->nodes[n].flag = negative;
    p->nodes[n].behind = behind;
    return n;
}

/* the atom of a Term, and whether a quantifier may follow it (assertions take none) */
static int parse_atom(re_parser *p, bool *quantifiable)
{
    uint32_t c = p->p[p->i++];
    *quantifiable = true;
    switch (c) {
    case '^': case '$':
        *quantifiable = false;
        return node_new(p, c == '^' ? N_BOL : N_EOL);
    case '.': return node_new(p, N_ANY);
    case '[': return parse_class(p);
    case '(': return parse_group(p, quantifiable);
    case ')': return fail(p, "Unmatched ')'");
    case '*': case '+': case '?': return fail(p, "Nothing to repeat");
    case '{': case '}': case ']': {
        uint32_t mn, mx;
        p->i--;
        if (p->unicode)
            return fail(p, "Lone quantifier brackets");
        if (c == '{' && brace_quantifier(p, &mn, &mx))
            return fail(p, "Nothing to repeat");
        p->i++;
        return char_node(p, c); /* Annex B: a literal */
    }
    case '\\':
        if (peek(p) == 'b' || peek(p) == 'B') {
            *quantifiable = false;
            return node_new(p, p->p[p->i++] == 'b' ? N_WORDB : N_NWORDB);
        }
        return atom_escape(p);
    default:
        if (p->unicode && is_surrogate_lead(c) && is_surrogate_trail(peek(p)))
            c = 0x10000 + ((c - 0xD800) << 10) + (p->p[p->i++] - 0xDC00);
        return char_node(p, c);
    }
}

/* a Term: an assertion, or an atom with its quantifier; -1 on error; the alternative ends
 * at '|', ')' or the end (the caller looks) */
static int parse_term(re_parser *p)
{
    int groups_before = p->ngroups;
    bool quantifiable;
    int atom = parse_atom(p, &quantifiable);
    if (atom < 0)
        return -1;
    uint32_t min, max, save = p->i;
    if (!quantifier(p, &min, &max))
        return p->error ? -1 : atom;
    if (!quantifiable) {
        p->i = save;
        /* a quantified lookbehind (or lookahead with u) is V8's "Invalid quantifier" */
        return fail(p, p->nodes[atom].kind == N_LOOK ? "Invalid quantifier" : "Nothing to repeat");
    }
    if (min > max)
        return fail(p, "numbers out of order in {} quantifier");
    int r = node_new(p, N_REPEAT);
    re_node *n = &p->nodes[r];
    n->child = atom;
    n->min = min;
    n->max = max;
    n->flag = !eat(p, '?');
    n->b = groups_before + 1;
    n->c = p->ngroups + 1;
    return r;
}

static int parse_alternative(re_parser *p)
{
    int seq = node_new(p, N_SEQ), last = -1;
    while (!at_end(p) && peek(p) != '|' && peek(p) != ')') {
        int t = parse_term(p);
        if (t < 0)
            return -1;
        if (last < 0)
            p->nodes[seq].child = t;
        else
            p->nodes[last].next = t;
        last = t;
    }
    return seq;
}

static int parse_disjunction(re_parser *p)
{
    int first = parse_alternative(p);
    if (first < 0 || peek(p) != '|' || at_end(p))
        return first;
    int alt = node_new(p, N_ALT), last = first;
    p->nodes[alt].child = first;
    while (eat(p, '|')) {
        int next = parse_alternative(p);
        if (next < 0)
            return -1;
        p->nodes[last].next = next;
        last = next;
    }
    return alt;
}

/* the \k<name> references, now that every group is known */
static int resolve_references(re_parser *p)
{
    for (size_t i = 0; i < p->nnodes; i++) {
        re_node *n = &p->nodes[i];
        if (n->kind != N_BACKREF || n->a >= 0)
            continue;
        const char *name = p->refs[-1 - n->a];
        int found = -1;
        for (int g = 1; g < p->names_cap && found < 0; g++)
            if (p->names[g] && strcmp(p->names[g], name) == 0)
                found = g;
        if (found < 0)
            return fail(p, "Invalid named capture referenced");
        n->a = found;
    }
    return 0;
}

/* ======================================================================================
 * compile
 * ====================================================================================== */

enum {
    RX_CHAR, RX_CHAR_I, RX_ANY, RX_ANY_ALL, RX_CLASS, RX_BACKREF, /* consume input */
    RX_BOL, RX_EOL, RX_WORDB, RX_NWORDB,
    RX_SPLIT,        /* target: try the next instruction, then target */
    RX_JMP,          /* target */
    RX_SAVE,         /* slot */
    RX_RESET,        /* from, to: slots [from, to) become -1 */
    RX_SET_REG,      /* reg, value */
    RX_POS_REG,      /* reg: reg = position */
    RX_LOOP,         /* count reg, min, max, greedy, exit */
    RX_LOOP_END,     /* count reg, position reg, min, loop */
    RX_REPEAT,       /* min, max, greedy, after; then one consuming instruction */
    RX_LOOK,         /* negative, end */
    RX_LOOK_END,
    RX_MATCH
};
#define RX_BACKWARD 0x100u /* a consuming instruction reads before the position */

typedef struct {
    uint32_t *code;
    uint32_t ncode;
    uint32_t ncaps;         /* capture groups, group 0 included */
    uint32_t nslots;        /* 2 * ncaps + registers */
    char **names;           /* by group (1-based), NULL when unnamed */
    bool unicode, icase, multiline, dotall;
    int32_t first;          /* a character every match starts with, or -1 */
} re_prog;

typedef struct {
    re_parser *p;
    u32vec code;
    uint32_t nregs;
    bool multiline, dotall;
} re_compiler;

static uint32_t canonicalize(uint32_t c, bool unicode);

static void emit(re_compiler *c, uint32_t x)
{
    vec_push(&c->code, x);
}

static uint32_t here(const re_compiler *c)
{
    return (uint32_t)c->code.n;
}

static uint32_t new_reg(re_compiler *c)
{
    return c->nregs++;
}

static void compile_node(re_compiler *c, int n, bool back);

static void compile_seq(re_compiler *c, int first, bool back)
{
    if (!back) {
        for (int k = first; k >= 0; k = c->p->nodes[k].next)
            compile_node(c, k, back);
        return;
    }
    int count = 0;
    for (int k = first; k >= 0; k = c->p->nodes[k].next)
        count++;
    int *items = malloc((size_t)(count ? count : 1) * sizeof *items);
    if (!items)
        ls_out_of_memory(0);
    int i = 0;
    for (int k = first; k >= 0; k = c->p->nodes[k].next)
        items[i++] = k;
    while (i--)
        compile_node(c, items[i], back);
    free(items);
}

static void compile_alt(re_compiler *c, int first, bool back)
{
    u32vec ends = {0};
    for (int k = first; k >= 0; k = c->p->nodes[k].next) {
        uint32_t split = 0;
        if (c->p->nodes[k].next >= 0) {
            emit(c, RX_SPLIT);
            split = here(c);
            emit(c, 0);
        }
        compile_node(c, k, back);
        if (c->p->nodes[k].next >= 0) {
            emit(c, RX_JMP);
            vec_push(&ends, here(c));
            emit(c, 0);
            c->code.v[split] = here(c);
        }
    }
    for (size_t i = 0; i < ends.n; i++)
        c->code.v[ends.v[i]] = here(c);
    free(ends.v);
}

static bool single_char(const re_node *n)
{
    return n->kind == N_CHAR || n->kind == N_ANY || n->kind == N_CLASS;
}

static void compile_repeat(re_compiler *c, const re_node *n, bool back)
{
    const re_node *atom = &c->p->nodes[n->child];
    if (n->max == 0)
        return;
    if (single_char(atom) && !back) {
        emit(c, RX_REPEAT);
        emit(c, n->min);
        emit(c, n->max);
        emit(c, n->flag);
        uint32_t after = here(c);
        emit(c, 0);
        compile_node(c, n->child, back);
        c->code.v[after] = here(c);
        return;
    }
    uint32_t count = new_reg(c), pos = new_reg(c);
    emit(c, RX_SET_REG);
    emit(c, count);
    emit(c, 0);
    uint32_t loop = here(c);
    emit(c, RX_LOOP);
    emit(c, count);
    emit(c, n->min);
    emit(c, n->max);
    emit(c, n->flag);
    uint32_t exit = here(c);
    emit(c, 0);
    emit(c, RX_POS_REG);
    emit(c, pos);
    if (n->c > n->b) {
        emit(c, RX_RESET);
        emit(c, 2 * (uint32_t)n->b);
        emit(c, 2 * (uint32_t)n->c);
    }
    compile_node(c, n->child, back);
    emit(c, RX_LOOP_END);
    emit(c, count);
    emit(c, pos);
    emit(c, n->min);
    emit(c, loop);
    c->code.v[exit] = here(c);
}

static void compile_node(re_compiler *c, int k, bool back)
{
    const re_node *n = &c->p->nodes[k];
    uint32_t dir = back ? RX_BACKWARD : 0;
    switch (n->kind) {
    case N_EMPTY:
        break;
    case N_CHAR:
        if (c->p->icase) {
            emit(c, RX_CHAR_I | dir);
            emit(c, canonicalize((uint32_t)n->a, c->p->unicode));
        } else {
            emit(c, RX_CHAR | dir);
            emit(c, (uint32_t)n->a);
        }
        break;
    case N_ANY:
        emit(c, (c->dotall ? RX_ANY_ALL : RX_ANY) | dir);
        break;
    case N_CLASS:
        emit(c, RX_CLASS | dir);
        emit(c, n->flag);
        emit(c, (uint32_t)n->b);
        for (int32_t i = 0; i < 2 * n->b; i++)
            emit(c, c->p->ranges.v[2 * n->a + i]);
        break;
    case N_SEQ:
        compile_seq(c, n->child, back);
        break;
    case N_ALT:
        compile_alt(c, n->child, back);
        break;
    case N_GROUP:
        if (n->a >= 0) {
            emit(c, RX_SAVE);
            emit(c, 2 * (uint32_t)n->a + (back ? 1 : 0));
        }
        compile_node(c, n->child, back);
        if (n->a >= 0) {
            emit(c, RX_SAVE);
            emit(c, 2 * (uint32_t)n->a + (back ? 0 : 1));
        }
        break;
    case N_REPEAT:
        compile_repeat(c, n, back);
        break;
    case N_BOL: emit(c, RX_BOL); break;
    case N_EOL: emit(c, RX_EOL); break;
    case N_WORDB: emit(c, RX_WORDB); break;
    case N_NWORDB: emit(c, RX_NWORDB); break;
    case N_LOOK: {
        emit(c, RX_LOOK);
        emit(c, n->flag);
        uint32_t end = here(c);
        emit(c, 0);
        compile_node(c, n->child, n->behind);
        emit(c, RX_LOOK_END);
        c->code.v[end] = here(c);
        break;
    }
    case N_BACKREF:
        emit(c, RX_BACKREF | dir);
        emit(c, (uint32_t)n->a);
        break;
    }
}

/* the character every match must start with, if the program begins with one */
static int32_t first_char(const re_prog *prog)
{
    const uint32_t *code = prog->code;
    uint32_t pc = 2; /* after SAVE 0 */
    while (code[pc] == RX_SAVE)
        pc += 2;
    return code[pc] == RX_CHAR && code[pc + 1] < 0x80 ? (int32_t)code[pc + 1] : -1;
}

static void prog_free(re_prog *prog)
{
    if (!prog)
        return;
    free(prog->code);
    if (prog->names)
        for (uint32_t g = 0; g < prog->ncaps; g++)
            free(prog->names[g]);
    free(prog->names);
    free(prog);
}

/* the pattern's characters as the parser reads them: code units; with the u flag the
 * parser joins surrogate pairs where it reads a character */
static re_prog *re_compile(const js_string *source, bool unicode, bool icase, bool multiline,
                           bool dotall, const char **error)
{
    uint16_t *units = str_units(source);
    uint32_t *pat = malloc((source->length + 1) * sizeof *pat);
    if (!pat)
        ls_out_of_memory(0);
    for (uint32_t i = 0; i < source->length; i++)
        pat[i] = units[i];
    free(units);
    re_parser p = {0};
    p.p = pat;
    p.n = source->length;
    p.unicode = unicode;
    p.icase = icase;
    prescan(&p);
    int root = parse_disjunction(&p);
    if (root >= 0 && !at_end(&p))
        fail(&p, "Unmatched ')'");
    if (!p.error)
        resolve_references(&p);
    re_prog *prog = NULL;
    *error = p.error;
    if (!p.error) {
        re_compiler c = {&p, {0}, 0, multiline, dotall};
        emit(&c, RX_SAVE);
        emit(&c, 0);
        compile_node(&c, root, false);
        emit(&c, RX_SAVE);
        emit(&c, 1);
        emit(&c, RX_MATCH);
        prog = calloc(1, sizeof *prog);
        if (!prog)
            ls_out_of_memory(0);
        prog->code = c.code.v;
        prog->ncode = (uint32_t)c.code.n;
        prog->ncaps = (uint32_t)p.ngroups + 1;
        prog->nslots = 2 * prog->ncaps + c.nregs;
        prog->unicode = unicode;
        prog->icase = icase;
        prog->multiline = multiline;
        prog->dotall = dotall;
        if (p.names) {
            prog->names = calloc(prog->ncaps, sizeof *prog->names);
            if (!prog->names)
                ls_out_of_memory(0);
            for (int g = 1; g < p.names_cap && g < (int)prog->ncaps; g++) {
                prog->names[g] = p.names[g];
                p.names[g] = NULL;
            }
        }
        prog->first = icase ? -1 : first_char(prog);
    }
    for (int g = 0; g < p.names_cap; g++)
        free(p.names[g]);
    free(p.names);
    for (int r = 0; r < p.nrefs; r++)
        free(p.refs[r]);
    free(p.refs);
    free(p.nodes);
    free(p.ranges.v);
    free(pat);
    return prog;
}

/* ======================================================================================
 * match
 * ====================================================================================== */

/* 22.2.2.7.3 Canonicalize: without u, the upper case unless that leaves Latin-1 for ASCII;
 * with u, simple case folding (the lower case for the alphabets modelled) */
static uint32_t canonicalize(uint32_t c, bool unicode)
{
    if (unicode) {
        switch (c) {
        case 0x017F: return 's';
        case 0x212A: return 'k';
        case 0x2126: return 0x03C9;
        case 0x212B: return 0x00E5;
        default: return char_to_lower(c);
        }
    }
    uint32_t u = char_to_upper(c);
    return c >= 0x80 && u < 0x80 ? c : u;
}

typedef struct {
    const unsigned char *ascii; /* the subject's bytes when it is ASCII */
    const uint16_t *units;      /* else its code units */
    uint32_t len;
} re_input;

static inline uint32_t unit_at(const re_input *in, uint32_t i)
{
    return in->ascii ? in->ascii[i] : in->units[i];
}

enum { BT_CHOICE, BT_SLOT, BT_GREEDY, BT_LAZY, BT_LOOK };

typedef struct {
    uint8_t kind;
    uint32_t pc;
    int32_t pos;
    int32_t x, y;
} re_bt;

typedef struct {
    const re_prog *prog;
    const re_input *in;
    int32_t *slots;
    re_bt *stack;
    size_t sp, cap;
    uint64_t steps, budget;
    re_bt local[64];
} re_exec;

static void push(re_exec *x, uint8_t kind, uint32_t pc, int32_t pos, int32_t a, int32_t b)
{
    if (x->sp == x->cap) { /* the first stack is re_search's own (x->local) */
        re_bt *bigger = malloc(2 * x->cap * sizeof *x->stack);
        if (!bigger)
            ls_out_of_memory(0);
        memcpy(bigger, x->stack, x->sp * sizeof *x->stack);
        if (x->stack != x->local)
            free(x->stack);
        x->stack = bigger;
        x->cap *= 2;
    }
    re_bt *e = &x->stack[x->sp++];
    e->kind = kind;
    e->pc = pc;
    e->pos = pos;
    e->x = a;
    e->y = b;
}

static void set_slot(re_exec *x, uint32_t slot, int32_t v)
{
    if (x->sp && x->slots[slot] != v)
        push(x, BT_SLOT, 0, 0, (int32_t)slot, x->slots[slot]);
    x->slots[slot] = v;
}

/* the character at pos (forward) or before it (backward), and its width in code units */
static bool read_char(const re_exec *x, int32_t pos, bool back, uint32_t *c, int32_t *w)
{
    const re_input *in = x->in;
    if (back ? pos <= 0 : (uint32_t)pos >= in->len)
        return false;
    uint32_t i = back ? (uint32_t)pos - 1 : (uint32_t)pos;
    *c = unit_at(in, i);
    *w = 1;
    if (!x->prog->unicode)
        return true;
    if (!back && is_surrogate_lead(*c) && i + 1 < in->len &&
        is_surrogate_trail(unit_at(in, i + 1))) {
        *c = 0x10000 + ((*c - 0xD800) << 10) + (unit_at(in, i + 1) - 0xDC00);
        *w = 2;
    } else if (back && is_surrogate_trail(*c) && i >= 1 && is_surrogate_lead(unit_at(in, i - 1))) {
        *c = 0x10000 + ((unit_at(in, i - 1) - 0xD800) << 10) + (*c - 0xDC00);
        *w = 2;
    }
    return true;
}

static bool is_line_terminator(uint32_t c)
{
    return c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
}

static bool is_word(const re_input *in, int32_t i)
{
    if (i < 0 || (uint32_t)i >= in->len)
        return false;
    uint32_t c = unit_at(in, (uint32_t)i);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static bool ranges_have(const uint32_t *r, uint32_t n, uint32_t c)
{
    uint32_t lo = 0, hi = n;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (c < r[2 * mid])
            hi = mid;
        else if (c > r[2 * mid + 1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

/* is c in the class (ins points at the CLASS instruction)? */
static bool class_match(const re_prog *prog, const uint32_t *ins, uint32_t c)
{
    const uint32_t *r = ins + 3;
    uint32_t n = ins[2];
    bool in = ranges_have(r, n, c);
    if (!in && prog->icase) {
        uint32_t canon = canonicalize(c, prog->unicode);
        uint32_t other = prog->unicode ? char_to_upper(c) : char_to_lower(c);
        in = ranges_have(r, n, canon) ||
             (canonicalize(other, prog->unicode) == canon && ranges_have(r, n, other));
    }
    return in != (ins[1] != 0);
}

/* the backreference's text at pos (forward: from it; backward: ending at it) */
static bool match_backref(re_exec *x, uint32_t group, bool back, int32_t *pos)
{
    int32_t s = x->slots[2 * group], e = x->slots[2 * group + 1];
    if (s < 0 || e < 0)
        return true; /* an unset group matches the empty string */
    int32_t len = e - s;
    int32_t from = back ? *pos - len : *pos;
    if (from < 0 || (uint32_t)(from + len) > x->in->len)
        return false;
    for (int32_t i = 0; i < len; i++) {
        uint32_t a = unit_at(x->in, (uint32_t)(s + i)), b = unit_at(x->in, (uint32_t)(from + i));
        if (a != b && !(x->prog->icase && canonicalize(a, x->prog->unicode) ==
                                              canonicalize(b, x->prog->unicode)))
            return false;
    }
    *pos = back ? from : from + len;
    return true;
}

/* a consuming instruction at ins: advances *pos if it matches */
static bool consume(re_exec *x, const uint32_t *ins, int32_t *pos)
{
    bool back = (ins[0] & RX_BACKWARD) != 0;
    uint32_t op = ins[0] & 0xFF;
    if (op == RX_BACKREF)
        return match_backref(x, ins[1], back, pos);
    uint32_t c;
    int32_t w;
    if (!read_char(x, *pos, back, &c, &w))
        return false;
    bool ok;
    switch (op) {
    case RX_CHAR: ok = c == ins[1]; break;
    case RX_CHAR_I: ok = canonicalize(c, x->prog->unicode) == ins[1]; break;
    case RX_ANY: ok = !is_line_terminator(c); break;
    case RX_ANY_ALL: ok = true; break;
    default: ok = class_match(x->prog, ins, c); break;
    }
    if (ok)
        *pos += back ? -w : w;
    return ok;
}

static uint32_t width(const uint32_t *ins)
{
    switch (ins[0] & 0xFF) {
    case RX_CLASS: return 3 + 2 * ins[2];
    case RX_ANY: case RX_ANY_ALL: return 1;
    default: return 2;
    }
}

/* one step back for a greedy single-character loop, over a surrogate pair with the u flag */
static int32_t step_back(const re_exec *x, int32_t pos, int32_t min_pos)
{
    if (x->prog->unicode && pos - 2 >= min_pos &&
        is_surrogate_trail(unit_at(x->in, (uint32_t)pos - 1)) &&
        is_surrogate_lead(unit_at(x->in, (uint32_t)pos - 2)))
        return pos - 2;
    return pos - 1;
}

static void unwind_to(re_exec *x, size_t to)
{
    while (x->sp > to) {
        re_bt *e = &x->stack[--x->sp];
        if (e->kind == BT_SLOT)
            x->slots[e->x] = e->y;
    }
}

/* Pops the stack to the next alternative: false when there is none. */
static bool backtrack(re_exec *x, uint32_t *pc, int32_t *pos)
{
    while (x->sp) {
        re_bt *e = &x->stack[x->sp - 1];
        switch (e->kind) {
        case BT_SLOT:
            x->slots[e->x] = e->y;
            x->sp--;
            break;
        case BT_CHOICE:
            *pc = e->pc;
            *pos = e->pos;
            x->sp--;
            return true;
        case BT_GREEDY: {
            int32_t p = step_back(x, e->pos, e->x);
            *pc = e->pc;
            *pos = p;
            if (p > e->x)
                e->pos = p;
            else
                x->sp--;
            return true;
        }
        case BT_LAZY: {
            const uint32_t *ins = x->prog->code + e->pc;
            int32_t p = e->pos;
            x->steps++;
            if (!consume(x, ins + 5, &p)) {
                x->sp--;
                break;
            }
            uint32_t count = (uint32_t)e->x + 1;
            *pc = ins[4];
            *pos = p;
            if (count < ins[2]) {
                e->pos = p;
                e->x = (int32_t)count;
            } else {
                x->sp--;
            }
            return true;
        }
        case BT_LOOK:
            x->sp--;
            if (e->x) { /* a negative lookaround whose body failed: it succeeds */
                *pc = e->pc;
                *pos = e->pos;
                return true;
            }
            break;
        }
    }
    return false;
}

/* the body of a lookaround matched: keep its captures (positive) or fail (negative) */
static bool look_end(re_exec *x, uint32_t *pc, int32_t *pos)
{
    size_t m = x->sp;
    while (m > 0 && x->stack[m - 1].kind != BT_LOOK)
        m--;
    re_bt marker = x->stack[m - 1];
    if (marker.x) {
        unwind_to(x, m - 1);
        return false;
    }
    size_t j = m - 1;
    for (size_t k = m; k < x->sp; k++)
        if (x->stack[k].kind == BT_SLOT)
            x->stack[j++] = x->stack[k];
    x->sp = j;
    *pc = marker.pc;
    *pos = marker.pos;
    return true;
}

static bool repeat_start(re_exec *x, uint32_t pc, int32_t *pos)
{
    const uint32_t *ins = x->prog->code + pc;
    uint32_t min = ins[1], max = ins[2], count = 0;
    while (count < min) {
        if (!consume(x, ins + 5, pos))
            return false;
        count++;
    }
    if (!ins[3]) {
        if (count < max)
            push(x, BT_LAZY, pc, *pos, (int32_t)count, 0);
        return true;
    }
    int32_t min_pos = *pos;
    while (count < max && consume(x, ins + 5, pos))
        count++;
    x->steps += count;
    if (*pos != min_pos)
        push(x, BT_GREEDY, ins[4], *pos, min_pos, 0);
    return true;
}

static bool assertion(const re_exec *x, uint32_t op, int32_t pos)
{
    const re_input *in = x->in;
    switch (op) {
    case RX_BOL:
        return pos == 0 || (x->prog->multiline && is_line_terminator(unit_at(in, (uint32_t)pos - 1)));
    case RX_EOL:
        return (uint32_t)pos == in->len ||
               (x->prog->multiline && is_line_terminator(unit_at(in, (uint32_t)pos)));
    case RX_WORDB:
        return is_word(in, pos - 1) != is_word(in, pos);
    default:
        return is_word(in, pos - 1) == is_word(in, pos);
    }
}

/* Runs the program from pos: 1 matched (slots hold the captures), 0 not, -1 too many steps. */
static int run(re_exec *x, int32_t pos)
{
    const uint32_t *code = x->prog->code;
    uint32_t pc = 0;
    for (;;) {
        if (++x->steps > x->budget)
            return -1;
        const uint32_t *ins = code + pc;
        uint32_t op = ins[0] & 0xFF;
        bool ok = true;
        switch (op) {
        case RX_CHAR: case RX_CHAR_I: case RX_ANY: case RX_ANY_ALL: case RX_CLASS:
        case RX_BACKREF:
            ok = consume(x, ins, &pos);
            pc += width(ins);
            break;
        case RX_BOL: case RX_EOL: case RX_WORDB: case RX_NWORDB:
            ok = assertion(x, op, pos);
            pc++;
            break;
        case RX_SPLIT:
            push(x, BT_CHOICE, ins[1], pos, 0, 0);
            pc += 2;
            break;
        case RX_JMP:
            pc = ins[1];
            break;
        case RX_SAVE:
            set_slot(x, ins[1], pos);
            pc += 2;
            break;
        case RX_RESET:
            for (uint32_t s = ins[1]; s < ins[2]; s++)
                set_slot(x, s, -1);
            pc += 3;
            break;
        case RX_SET_REG:
            set_slot(x, 2 * x->prog->ncaps + ins[1], (int32_t)ins[2]);
            pc += 3;
            break;
        case RX_POS_REG:
            set_slot(x, 2 * x->prog->ncaps + ins[1], pos);
            pc += 2;
            break;
        case RX_LOOP: {
            uint32_t count = (uint32_t)x->slots[2 * x->prog->ncaps + ins[1]];
            uint32_t body = pc + 6;
            if (count < ins[2]) {
                pc = body;
            } else if (count >= ins[3]) {
                pc = ins[5];
            } else if (ins[4]) {
                push(x, BT_CHOICE, ins[5], pos, 0, 0);
                pc = body;
            } else {
                push(x, BT_CHOICE, body, pos, 0, 0);
                pc = ins[5];
            }
            break;
        }
        case RX_LOOP_END: {
            uint32_t reg = 2 * x->prog->ncaps + ins[1];
            uint32_t count = (uint32_t)x->slots[reg];
            if (count >= ins[3] && pos == x->slots[2 * x->prog->ncaps + ins[2]]) {
                ok = false; /* an empty iteration past the minimum */
                break;
            }
            set_slot(x, reg, (int32_t)(count + 1));
            pc = ins[4];
            break;
        }
        case RX_REPEAT:
            ok = repeat_start(x, pc, &pos);
            pc = ins[4];
            break;
        case RX_LOOK:
            push(x, BT_LOOK, ins[2], pos, (int32_t)ins[1], 0);
            pc += 3;
            break;
        case RX_LOOK_END:
            ok = look_end(x, &pc, &pos);
            break;
        case RX_MATCH:
            return 1;
        }
        if (!ok && !backtrack(x, &pc, &pos))
            return 0;
    }
}

/* Looks for a match from `start` (only there if sticky): 1 found (slots[0..2*ncaps)), 0 none,
 * -1 the step limit. */
static int re_search(const re_prog *prog, const re_input *in, uint32_t start, bool sticky,
                     int32_t *slots)
{
    re_exec x;
    x.prog = prog;
    x.in = in;
    x.slots = slots;
    x.stack = x.local;
    x.sp = 0;
    x.cap = sizeof x.local / sizeof x.local[0];
    x.steps = 0;
    x.budget = RE_STEP_LIMIT + (uint64_t)RE_STEPS_PER_UNIT * (in->len - start);
    int r = 0;
    for (uint32_t s = start; s <= in->len; s++) {
        if (prog->first >= 0 && !sticky) {
            while (s < in->len && unit_at(in, s) != (uint32_t)prog->first)
                s++;
            if (s >= in->len)
                break;
        }
        for (uint32_t i = 0; i < prog->nslots; i++)
            slots[i] = i < 2 * prog->ncaps ? -1 : 0;
        x.sp = 0;
        r = run(&x, (int32_t)s);
        if (r != 0 || sticky)
            break;
        if (prog->unicode && s + 1 < in->len && is_surrogate_lead(unit_at(in, s)) &&
            is_surrogate_trail(unit_at(in, s + 1)))
            s++;
    }
    if (x.stack != x.local)
        free(x.stack);
    return r;
}

/* ======================================================================================
 * RegExp objects
 * ====================================================================================== */

/* A subject string prepared for matching, and the program: kept across the matches of one
 * operation (a global replace matches the same string many times). */
typedef struct {
    re_prog *prog;
    js_string *subject;
    re_input in;
    uint16_t *units;
    int32_t *slots;
    int32_t *last;          /* the last match's slots, for RegExp.$1 and co. (once per
                             * session: a global replace records only its last match) */
    bool have_last;
} re_session;

static void session_free(re_session *s)
{
    prog_free(s->prog);
    free(s->units);
    free(s->slots);
    free(s->last);
    memset(s, 0, sizeof *s);
}

static bool has_flag(const js_string *flags, char f)
{
    return memchr(flags->chars, f, flags->len) != NULL;
}

static js_status syntax_error(js_vm *vm, js_string *source, js_string *flags, const char *msg)
{
    return throw_kind(vm, ERR_SYNTAX, "Invalid regular expression: /%s/%s: %s", source->chars,
                      flags->chars, msg);
}

/* ---- RegExp's hidden state ---- */

/* What the VM has no intrinsic slot for is kept in an array on RegExp.prototype under a
 * private symbol (never seen by the program): %RegExpStringIteratorPrototype%, the last
 * successful match, which the legacy static properties (RegExp.$1, RegExp.lastMatch, ...,
 * Annex B of the proposal V8 implements) read, and the recently compiled programs (a regular
 * expression literal in a loop makes a new RegExp each time, with the same source). */
#define CACHE_SIZE 16 /* programs */

enum {
    HIDDEN_ITERATOR_PROTO,
    HIDDEN_PROGRAM_KEY,   /* the private symbol each RegExp keeps its program under */
    HIDDEN_CACHE,         /* an array of CACHE_SIZE (source, flags, program) triples */
    HIDDEN_LAST_SUBJECT,  /* the string the last match was in */
    HIDDEN_LAST_INPUT,    /* RegExp.input: the same, unless the program set it */
    HIDDEN_LAST_CAPTURES, /* its capture positions */
    HIDDEN__COUNT
};

static js_object *hidden_state(js_vm *vm)
{
    js_object *rp = vm->in.regexp_prototype;
    for (uint32_t i = 0; i < rp->props.count; i++) {
        js_prop *p = &rp->props.props[i];
        if (!(p->flags & PROP_DELETED) && key_is_symbol(p->key) &&
            ((js_symbol *)p->key)->private_name && p->value.type == JS_TOBJECT)
            return p->value.u.object;
    }
    abort(); /* builtin_regexp defines it */
}

/* ---- the compiled program, kept with the object ----
 * A RegExp keeps its program as a byte string under a private symbol (never seen by the
 * program; js_object has no field for it): the header, the code, then each group's name as
 * a length and its bytes. */


enum { BLOB_NCODE, BLOB_NCAPS, BLOB_NSLOTS, BLOB_FLAGS, BLOB_FIRST, BLOB__HEADER };

static void blob_u32(str_buf *b, uint32_t v)
{
    sb_bytes(b, (const char *)&v, sizeof v);
}

static js_string *prog_serialize(js_vm *vm, const re_prog *p)
{
    str_buf b = {0};
    uint32_t flags = (uint32_t)p->unicode | (uint32_t)p->icase << 1 |
                     (uint32_t)p->multiline << 2 | (uint32_t)p->dotall << 3;
    uint32_t header[BLOB__HEADER] = {p->ncode, p->ncaps, p->nslots, flags, (uint32_t)p->first};
    for (int i = 0; i < BLOB__HEADER; i++)
        blob_u32(&b, header[i]);
    sb_bytes(&b, (const char *)p->code, p->ncode * sizeof *p->code);
    for (uint32_t g = 1; g < p->ncaps; g++) {
        const char *name = p->names ? p->names[g] : NULL;
        blob_u32(&b, name ? (uint32_t)strlen(name) + 1 : 0);
        if (name)
            sb_bytes(&b, name, strlen(name) + 1);
    }
    js_string *blob = str_new(vm, b.p, b.len);
    sb_free(&b);
    return blob;
}

static uint32_t blob_read(const char **at)
{
    uint32_t v;
    memcpy(&v, *at, sizeof v);
    *at += sizeof v;
    return v;
}

static re_prog *prog_deserialize(const js_string *blob)
{
    const char *at = blob->chars;
    re_prog *p = calloc(1, sizeof *p);
    if (!p)
        ls_out_of_memory(0);
    p->ncode = blob_read(&at);
    p->ncaps = blob_read(&at);
    p->nslots = blob_read(&at);
    uint32_t flags = blob_read(&at);
    p->first = (int32_t)blob_read(&at);
    p->unicode = flags & 1;
    p->icase = (flags >> 1) & 1;
    p->multiline = (flags >> 2) & 1;
    p->dotall = (flags >> 3) & 1;
    p->code = malloc(p->ncode * sizeof *p->code);
    if (!p->code)
        ls_out_of_memory(0);
    memcpy(p->code, at, p->ncode * sizeof *p->code);
    at += p->ncode * sizeof *p->code;
    for (uint32_t g = 1; g < p->ncaps; g++) {
        uint32_t len = blob_read(&at);
        if (!len)
            continue;
        if (!p->names && !(p->names = calloc(p->ncaps, sizeof *p->names)))
            ls_out_of_memory(0);
        if (!(p->names[g] = malloc(len)))
            ls_out_of_memory(0);
        memcpy(p->names[g], at, len);
        at += len;
    }
    return p;
}

/* the object's program (its byte string), or NULL */
static js_prop *program_prop(js_vm *vm, js_object *rx)
{
    js_key key = &hidden_state(vm)->u.array.items[HIDDEN_PROGRAM_KEY].u.symbol->gc;
    return prop_find(vm, rx, key);
}

static void keep_program(js_vm *vm, js_object *rx, js_string *blob)
{
    js_key key = &hidden_state(vm)->u.array.items[HIDDEN_PROGRAM_KEY].u.symbol->gc;
    prop_define_value(vm, rx, key, js_strv(blob), 0);
}

/* The cache: a source and flags have one slot (by their hashes), so that what it holds
 * depends on which patterns were compiled more than on their order (it is part of the VM's
 * state that loopsim fingerprints). */
static uint32_t cache_slot(const js_string *source, const js_string *flags)
{
    return (source->hash ^ (flags->hash * 31u)) % CACHE_SIZE;
}

/* the program of a source and canonical flags compiled recently, or NULL */
static js_string *cache_find(js_vm *vm, const js_string *source, const js_string *flags)
{
    js_value *c = hidden_state(vm)->u.array.items[HIDDEN_CACHE].u.object->u.array.items;
    uint32_t i = cache_slot(source, flags);
    if (c[3 * i].type == JS_TSTRING && str_equal(c[3 * i].u.string, source) &&
        str_equal(c[3 * i + 1].u.string, flags))
        return c[3 * i + 2].u.string;
    return NULL;
}

static void cache_add(js_vm *vm, js_string *source, js_string *flags, js_string *blob)
{
    js_object *cache = hidden_state(vm)->u.array.items[HIDDEN_CACHE].u.object;
    js_value *c = cache->u.array.items;
    uint32_t i = cache_slot(source, flags);
    gc_note_write(vm, cache);
    c[3 * i] = js_strv(source);
    c[3 * i + 1] = js_strv(flags);
    c[3 * i + 2] = js_strv(blob);
}

static js_status compile_object(js_vm *vm, js_object *rx, re_prog **out)
{
    js_prop *p = program_prop(vm, rx);
    if (p && p->value.type == JS_TSTRING) {
        *out = prog_deserialize(p->value.u.string);
        return JS_OK;
    }
    js_string *src = rx->u.regexp.source, *flags = rx->u.regexp.flags;
    const char *error;
    *out = re_compile(src, has_flag(flags, 'u'), has_flag(flags, 'i'), has_flag(flags, 'm'),
                      has_flag(flags, 's'), &error);
    if (!*out)
        return syntax_error(vm, src, flags, error);
    return JS_OK;
}

/* the session's buffers for its program */
static void session_buffers(re_session *s)
{
    s->slots = malloc(s->prog->nslots * sizeof *s->slots);
    s->last = malloc(2 * s->prog->ncaps * sizeof *s->last);
    if (!s->slots || !s->last)
        ls_out_of_memory(0);
}

static js_status session_open(js_vm *vm, re_session *s, js_object *rx, js_string *subject)
{
    if (!s->prog) {
        js_status st = compile_object(vm, rx, &s->prog);
        if (st != JS_OK)
            return st;
        session_buffers(s);
    }
    if (s->subject != subject) {
        free(s->units);
        s->units = NULL;
        s->subject = subject;
        s->in.len = subject->length;
        s->in.ascii = (subject->flags & STR_ASCII) ? (const unsigned char *)subject->chars : NULL;
        if (!s->in.ascii)
            s->units = str_units(subject);
        s->in.units = s->units;
    }
    return JS_OK;
}

static bool is_regexp(js_value v)
{
    return v.type == JS_TOBJECT && v.u.object->cls == CLASS_REGEXP;
}

bool regexp_is(js_value v);
bool regexp_is(js_value v)
{
    return is_regexp(v);
}

static js_status get_last_index(js_vm *vm, js_value rx, double *out)
{
    js_value v;
    js_status st = val_get(vm, rx, &A(vm, lastIndex)->gc, &v);
    if (st != JS_OK)
        return st;
    uint32_t len;
    if ((st = to_length(vm, v, &len)) != JS_OK)
        return st;
    *out = len;
    return JS_OK;
}

static js_status set_last_index(js_vm *vm, js_value rx, double v)
{
    return val_set(vm, rx, &A(vm, lastIndex)->gc, js_number(v), true);
}

static js_value capture_value(js_vm *vm, js_string *s, const int32_t *slots, uint32_t g)
{
    if (slots[2 * g] < 0 || slots[2 * g + 1] < 0)
        return js_undefined();
    return js_strv(str_slice(vm, s, (uint32_t)slots[2 * g], (uint32_t)slots[2 * g + 1]));
}

/* the groups object: null-prototype, the named groups in order; undefined if none */
static js_value groups_object(js_vm *vm, const re_prog *prog, const js_value *values)
{
    if (!prog->names)
        return js_undefined();
    js_object *g = obj_new(vm, CLASS_OBJECT, NULL);
    for (uint32_t i = 1; i < prog->ncaps; i++)
        if (prog->names[i])
            prop_define_value(vm, g, &atom_cstr(vm, prog->names[i])->gc, values[i], PROP_DEFAULT);
    return js_obj(g);
}

/* the d flag's indices: [start, end] pairs (undefined when unmatched), with their groups */
static js_value indices_array(js_vm *vm, const re_prog *prog, const int32_t *slots)
{
    js_object *a = array_new(vm, 0);
    js_value *pairs = malloc(prog->ncaps * sizeof *pairs);
    if (!pairs)
        ls_out_of_memory(0);
    for (uint32_t g = 0; g < prog->ncaps; g++) {
        pairs[g] = js_undefined();
        if (slots[2 * g] >= 0 && slots[2 * g + 1] >= 0) {
            js_value p[2] = {js_number(slots[2 * g]), js_number(slots[2 * g + 1])};
            pairs[g] = js_new_array(vm, 2, p);
        }
        array_push(vm, a, pairs[g]);
    }
    prop_define_value(vm, a, &atom_cstr(vm, "groups")->gc, groups_object(vm, prog, pairs),
                      PROP_DEFAULT);
    free(pairs);
    return js_obj(a);
}

static js_value match_result(js_vm *vm, const re_prog *prog, js_string *s, const int32_t *slots,
                             bool indices)
{
    js_object *a = array_new(vm, 0);
    js_value *values = malloc(prog->ncaps * sizeof *values);
    if (!values)
        ls_out_of_memory(0);
    for (uint32_t g = 0; g < prog->ncaps; g++) {
        values[g] = capture_value(vm, s, slots, g);
        array_push(vm, a, values[g]);
    }
    prop_define_value(vm, a, &A(vm, index)->gc, js_number(slots[0]), PROP_DEFAULT);
    prop_define_value(vm, a, &A(vm, input)->gc, js_strv(s), PROP_DEFAULT);
    prop_define_value(vm, a, &atom_cstr(vm, "groups")->gc, groups_object(vm, prog, values),
                      PROP_DEFAULT);
    if (indices)
        prop_define_value(vm, a, &atom_cstr(vm, "indices")->gc, indices_array(vm, prog, slots),
                          PROP_DEFAULT);
    free(values);
    return js_obj(a);
}

static js_status step_limit_error(js_vm *vm)
{
    return throw_kind(vm, ERR_RANGE, "Maximum regular expression backtracking exceeded "
                                     "(loopsim's limit: %u steps and %u per character)",
                      RE_STEP_LIMIT, RE_STEPS_PER_UNIT);
}

/* the capture positions are kept as a byte string of int32s */
static void record_match(js_vm *vm, js_string *s, const re_prog *prog, const int32_t *slots)
{
    js_object *state = hidden_state(vm);
    js_string *caps = str_new(vm, (const char *)slots, 2 * prog->ncaps * sizeof *slots);
    gc_note_write(vm, state);
    state->u.array.items[HIDDEN_LAST_SUBJECT] = js_strv(s);
    state->u.array.items[HIDDEN_LAST_INPUT] = js_strv(s);
    state->u.array.items[HIDDEN_LAST_CAPTURES] = js_strv(caps);
}

/* the end of a session: its last match becomes RegExp's last match */
static void session_close(js_vm *vm, re_session *s)
{
    if (s->have_last)
        record_match(vm, s->subject, s->prog, s->last);
    session_free(s);
}

/* 22.2.7.2 RegExpBuiltinExec: *matched tells whether it did; the session keeps the slots */
static js_status builtin_exec(js_vm *vm, js_object *rx, js_string *s, re_session *session,
                              bool *matched)
{
    js_value self = js_obj(rx);
    double last;
    js_status st = get_last_index(vm, self, &last);
    if (st != JS_OK)
        return st;
    js_string *flags = rx->u.regexp.flags;
    bool global = has_flag(flags, 'g'), sticky = has_flag(flags, 'y');
    if (!global && !sticky)
        last = 0;
    *matched = false;
    if (last > s->length)
        return global || sticky ? set_last_index(vm, self, 0) : JS_OK;
    if ((st = session_open(vm, session, rx, s)) != JS_OK)
        return st;
    int r = re_search(session->prog, &session->in, (uint32_t)last, sticky, session->slots);
    if (r < 0)
        return step_limit_error(vm);
    if (r == 0)
        return global || sticky ? set_last_index(vm, self, 0) : JS_OK;
    *matched = true;
    memcpy(session->last, session->slots, 2 * session->prog->ncaps * sizeof *session->last);
    session->have_last = true;
    if (global || sticky)
        return set_last_index(vm, self, session->slots[1]);
    return JS_OK;
}

static js_status exec_to_value(js_vm *vm, js_object *rx, js_string *s, re_session *session,
                               js_value *out)
{
    bool matched;
    js_status st = builtin_exec(vm, rx, s, session, &matched);
    if (st != JS_OK)
        return st;
    *out = matched ? match_result(vm, session->prog, s, session->slots,
                                  has_flag(rx->u.regexp.flags, 'd'))
                   : js_null();
    return JS_OK;
}

static js_status regexp_exec_m(const js_args *a, js_value *out);

/* What RegExpExec found: nothing, a match of the builtin exec (its captures are in the
 * session: no result array is made unless one is needed), or a replaced exec's result. */
enum { FOUND_NONE, FOUND_BY_ENGINE, FOUND_OBJECT };

/* 22.2.7.1 RegExpExec */
static js_status exec_step(js_vm *vm, js_value rx, js_string *s, re_session *session,
                           int *found, js_value *result)
{
    js_value exec;
    js_status st = val_get(vm, rx, &atom_cstr(vm, "exec")->gc, &exec);
    if (st != JS_OK)
        return st;
    bool builtin = exec.type == JS_TOBJECT && exec.u.object->cls == CLASS_NATIVE &&
                   exec.u.object->u.native.call == regexp_exec_m;
    *found = FOUND_NONE;
    *result = js_null();
    if (js_is_callable(exec) && !builtin) {
        js_value arg = js_strv(s);
        if ((st = vm_call(vm, exec, rx, 1, &arg, result)) != JS_OK)
            return st;
        if (result->type != JS_TOBJECT && result->type != JS_TNULL)
            return throw_kind(vm, ERR_TYPE, "RegExp exec method returned something other than "
                                            "an Object or null");
        *found = result->type == JS_TOBJECT ? FOUND_OBJECT : FOUND_NONE;
        return JS_OK;
    }
    if (!is_regexp(rx))
        return throw_kind(vm, ERR_TYPE, "Method RegExp.prototype.exec called on incompatible "
                                        "receiver %s", str_describe(vm, rx)->chars);
    bool matched;
    if ((st = builtin_exec(vm, rx.u.object, s, session, &matched)) != JS_OK)
        return st;
    *found = matched ? FOUND_BY_ENGINE : FOUND_NONE;
    return JS_OK;
}

/* RegExpExec with its result as a value (an array or null) */
static js_status regexp_exec_value(js_vm *vm, js_value rx, js_string *s, re_session *session,
                                   js_value *out)
{
    int found;
    js_status st = exec_step(vm, rx, s, session, &found, out);
    if (st == JS_OK && found == FOUND_BY_ENGINE)
        *out = match_result(vm, session->prog, s, session->slots,
                            has_flag(rx.u.object->u.regexp.flags, 'd'));
    return st;
}

/* ---- the constructor ---- */

/* the flags of the modelled Node version: d (hasIndices) since V8 9 (Node 16: loopsim's
 * profiles tell it by Array.prototype.at), v since V8 11 (Node 20: by toSorted; refused
 * anyway) */
static bool valid_flags(const js_vm *vm, const js_string *f)
{
    const char *all = vm->features.array_to_sorted ? "dgimsuvy"
                      : vm->features.array_at     ? "dgimsuy_"
                                                  : "_gimsuy_";
    bool seen[8] = {false};
    for (uint32_t i = 0; i < f->len; i++) {
        const char *k = memchr(all, f->chars[i], 8);
        if (!k || f->chars[i] == 0 || f->chars[i] == '_' || seen[k - all])
            return false;
        seen[k - all] = true;
    }
    return !(seen[5] && seen[6]);
}

/* the flags in canonical order (the flags getter's) */
static js_string *canonical_flags(js_vm *vm, const js_string *f)
{
    char buf[9];
    size_t n = 0;
    for (const char *k = "dgimsuvy"; *k; k++)
        if (has_flag(f, *k))
            buf[n++] = *k;
    return atom(vm, buf, n);
}

/* 22.2.3.1 RegExpInitialize: the checked source and flags */
static js_status check_pattern(js_vm *vm, js_value pattern, js_value flags, js_string **source,
                               js_string **canonical, js_string **program)
{
    js_string *p = A(vm, empty), *f = A(vm, empty);
    js_status st;
    if (!js_is_undefined(pattern) && (st = to_string(vm, pattern, &p)) != JS_OK)
        return st;
    if (!js_is_undefined(flags) && (st = to_string(vm, flags, &f)) != JS_OK)
        return st;
    if (!valid_flags(vm, f))
        return throw_kind(vm, ERR_SYNTAX, "Invalid flags supplied to RegExp constructor '%s'",
                          f->chars);
    if (has_flag(f, 'v'))
        return syntax_error(vm, p, f, "loopsim does not model the v flag");
    *source = p;
    *canonical = canonical_flags(vm, f);
    if ((*program = cache_find(vm, p, *canonical)))
        return JS_OK;
    const char *error;
    re_prog *prog = re_compile(p, has_flag(f, 'u'), has_flag(f, 'i'), has_flag(f, 'm'),
                               has_flag(f, 's'), &error);
    if (!prog)
        return syntax_error(vm, p, f, error);
    *program = prog_serialize(vm, prog);
    prog_free(prog);
    cache_add(vm, p, *canonical, *program);
    return JS_OK;
}

/* RegExpAlloc and RegExpInitialize: a new RegExp */
static js_status regexp_initialize(js_vm *vm, js_object *proto, js_value pattern, js_value flags,
                                   js_value *out)
{
    js_string *source, *canonical, *program;
    js_status st = check_pattern(vm, pattern, flags, &source, &canonical, &program);
    if (st != JS_OK)
        return st;
    js_object *o = obj_new(vm, CLASS_REGEXP, proto);
    o->u.regexp.source = source;
    o->u.regexp.flags = canonical;
    prop_define_value(vm, o, &A(vm, lastIndex)->gc, js_number(0), PROP_WRITABLE);
    keep_program(vm, o, program);
    *out = js_obj(o);
    return JS_OK;
}

static js_status regexp_ctor(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value pattern = js_arg(a, 0), flags = js_arg(a, 1);
    bool pattern_is_regexp = is_regexp(pattern);
    if (js_is_undefined(a->new_target) && pattern_is_regexp && js_is_undefined(flags)) {
        js_value ctor;
        js_status st = val_get(vm, pattern, &A(vm, constructor)->gc, &ctor);
        if (st != JS_OK)
            return st;
        if (ctor.type == JS_TOBJECT && ctor.u.object == a->callee) {
            *out = pattern;
            return JS_OK;
        }
    }
    if (pattern_is_regexp) {
        js_object *r = pattern.u.object;
        if (js_is_undefined(flags))
            flags = js_strv(r->u.regexp.flags);
        pattern = js_strv(r->u.regexp.source);
    }
    js_object *proto = js_is_undefined(a->new_target)
                           ? vm->in.regexp_prototype
                           : fn_proto_of(vm, a->new_target, vm->in.regexp_prototype);
    return regexp_initialize(vm, proto, pattern, flags, out);
}

/* RegExpCreate(pattern, flags) for the String methods */
js_status regexp_create(js_vm *vm, js_value pattern, const char *flags, js_value *out);
js_status regexp_create(js_vm *vm, js_value pattern, const char *flags, js_value *out)
{
    return regexp_initialize(vm, vm->in.regexp_prototype, pattern,
                             js_strv(atom_cstr(vm, flags)), out);
}

/* ---- the prototype ---- */

static js_status this_regexp(const js_args *a, const char *method, js_object **out)
{
    *out = NULL;
    if (!is_regexp(a->this_value))
        return throw_kind(a->vm, ERR_TYPE, "Method RegExp.prototype.%s called on incompatible "
                                           "receiver %s", method,
                          str_describe(a->vm, a->this_value)->chars);
    *out = a->this_value.u.object;
    return JS_OK;
}

static js_status subject_string(const js_args *a, js_string **s)
{
    return to_string(a->vm, js_arg(a, 0), s);
}

static js_status regexp_exec_m(const js_args *a, js_value *out)
{
    js_object *rx = NULL;
    js_string *s;
    js_status st = this_regexp(a, "exec", &rx);
    if (st != JS_OK || (st = subject_string(a, &s)) != JS_OK)
        return st;
    re_session session = {0};
    st = exec_to_value(a->vm, rx, s, &session, out);
    session_close(a->vm, &session);
    return st;
}

/* B.2.4.1 RegExp.prototype.compile: the RegExp starts again with a new pattern */
static js_status regexp_compile(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_object *rx = NULL;
    js_value pattern = js_arg(a, 0), flags = js_arg(a, 1);
    js_status st = this_regexp(a, "compile", &rx);
    if (st != JS_OK)
        return st;
    if (is_regexp(pattern)) {
        if (!js_is_undefined(flags))
            return throw_kind(vm, ERR_TYPE, "Cannot supply flags when constructing one RegExp "
                                            "from another");
        flags = js_strv(pattern.u.object->u.regexp.flags);
        pattern = js_strv(pattern.u.object->u.regexp.source);
    }
    js_string *source, *canonical, *program;
    if ((st = check_pattern(vm, pattern, flags, &source, &canonical, &program)) != JS_OK)
        return st;
    gc_note_write(vm, rx);
    rx->u.regexp.source = source;
    rx->u.regexp.flags = canonical;
    keep_program(vm, rx, program);
    *out = a->this_value;
    return set_last_index(vm, a->this_value, 0);
}

static js_status require_object_receiver(const js_args *a, const char *method)
{
    if (a->this_value.type != JS_TOBJECT)
        return throw_kind(a->vm, ERR_TYPE, "Method RegExp.prototype.%s called on incompatible "
                                           "receiver %s", method,
                          str_describe(a->vm, a->this_value)->chars);
    return JS_OK;
}

static js_status regexp_test(const js_args *a, js_value *out)
{
    js_string *s;
    if (a->this_value.type != JS_TOBJECT) /* V8 names no receiver here */
        return throw_kind(a->vm, ERR_TYPE, "Method RegExp.prototype.test called on incompatible "
                                           "receiver undefined");
    js_status st = subject_string(a, &s);
    if (st != JS_OK)
        return st;
    re_session session = {0};
    js_value r;
    int found;
    st = exec_step(a->vm, a->this_value, s, &session, &found, &r);
    session_close(a->vm, &session);
    *out = js_bool(found != FOUND_NONE);
    return st;
}

static js_status get_string_prop(js_vm *vm, js_value o, const char *name, js_string **out)
{
    js_value v;
    js_status st = val_get(vm, o, &atom_cstr(vm, name)->gc, &v);
    if (st != JS_OK)
        return st;
    return to_string(vm, v, out);
}

static js_status regexp_to_string(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_string *source, *flags;
    js_status st = require_object_receiver(a, "toString");
    if (st != JS_OK || (st = get_string_prop(vm, a->this_value, "source", &source)) != JS_OK ||
        (st = get_string_prop(vm, a->this_value, "flags", &flags)) != JS_OK)
        return st;
    str_buf b = {0};
    sb_cstr(&b, "/");
    sb_str(&b, source);
    sb_cstr(&b, "/");
    sb_str(&b, flags);
    *out = js_strv(sb_finish(vm, &b));
    return JS_OK;
}

/* 22.2.6.13.1 EscapeRegExpPattern: '/' and line terminators escaped, "(?:)" for "" */
static js_string *escape_source(js_vm *vm, js_string *src)
{
    if (src->length == 0)
        return atom_cstr(vm, "(?:)");
    uint16_t *u = str_units(src);
    str_buf b = {0};
    bool in_class = false;
    for (uint32_t i = 0; i < src->length; i++) {
        uint16_t c = u[i];
        if (c == '\\' && i + 1 < src->length) {
            if (is_line_terminator(u[i + 1]))
                continue; /* the line terminator is escaped instead */
            sb_unit(&b, c);
            sb_unit(&b, u[++i]);
            continue;
        }
        if (c == '[' || c == ']')
            in_class = c == '[';
        switch (c) {
        case '/': sb_cstr(&b, in_class ? "/" : "\\/"); break;
        case '\n': sb_cstr(&b, "\\n"); break;
        case '\r': sb_cstr(&b, "\\r"); break;
        case 0x2028: sb_cstr(&b, "\\u2028"); break;
        case 0x2029: sb_cstr(&b, "\\u2029"); break;
        default: sb_unit(&b, c); break;
        }
    }
    free(u);
    return sb_finish(vm, &b);
}

static js_status regexp_source(const js_args *a, js_value *out)
{
    js_value v = a->this_value;
    if (v.type == JS_TOBJECT && v.u.object == a->vm->in.regexp_prototype) {
        *out = js_strv(atom_cstr(a->vm, "(?:)"));
        return JS_OK;
    }
    if (!is_regexp(v))
        return throw_kind(a->vm, ERR_TYPE, "RegExp.prototype.source getter called on "
                                           "non-RegExp object");
    *out = js_strv(escape_source(a->vm, v.u.object->u.regexp.source));
    return JS_OK;
}

/* the flag getters: the flag's letter is the getter's data */
static const struct {
    const char *name;
    char letter;
} flag_getters[] = {{"hasIndices", 'd'}, {"global", 'g'},  {"ignoreCase", 'i'},
                    {"multiline", 'm'},  {"dotAll", 's'},  {"unicode", 'u'},
                    {"unicodeSets", 'v'}, {"sticky", 'y'}};

static js_status flag_getter(const js_args *a, int which, js_value *out)
{
    js_value v = a->this_value;
    if (v.type == JS_TOBJECT && v.u.object == a->vm->in.regexp_prototype) {
        *out = js_undefined();
        return JS_OK;
    }
    if (!is_regexp(v))
        return throw_kind(a->vm, ERR_TYPE, "RegExp.prototype.%s getter called on non-RegExp "
                                           "object", flag_getters[which].name);
    *out = js_bool(has_flag(v.u.object->u.regexp.flags, flag_getters[which].letter));
    return JS_OK;
}

#define FLAG_GETTER(i, fn)                                                                    \
    static js_status fn(const js_args *a, js_value *out) { return flag_getter(a, i, out); }
FLAG_GETTER(0, get_has_indices)
FLAG_GETTER(1, get_global)
FLAG_GETTER(2, get_ignore_case)
FLAG_GETTER(3, get_multiline)
FLAG_GETTER(4, get_dot_all)
FLAG_GETTER(5, get_unicode)
FLAG_GETTER(6, get_unicode_sets)
FLAG_GETTER(7, get_sticky)

/* 22.2.6.4 get RegExp.prototype.flags: from the individual getters */
static js_status regexp_flags(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    if (a->this_value.type != JS_TOBJECT)
        return throw_kind(vm, ERR_TYPE, "RegExp.prototype.flags getter called on non-object %s",
                          str_describe(vm, a->this_value)->chars);
    char buf[9];
    size_t n = 0;
    for (size_t i = 0; i < sizeof flag_getters / sizeof flag_getters[0]; i++) {
        js_value v;
        js_status st = val_get(vm, a->this_value, &atom_cstr(vm, flag_getters[i].name)->gc, &v);
        if (st != JS_OK)
            return st;
        if (to_boolean(v))
            buf[n++] = flag_getters[i].letter;
    }
    *out = js_strv(atom(vm, buf, n));
    return JS_OK;
}

/* ======================================================================================
 * what the String methods call (RegExp.prototype[@@match], [@@replace], ...)
 * ====================================================================================== */

static js_status flags_of(js_vm *vm, js_value rx, js_string **out)
{
    return get_string_prop(vm, rx, "flags", out);
}

static bool unicode_flags(const js_string *flags)
{
    return has_flag(flags, 'u') || has_flag(flags, 'v');
}

/* AdvanceStringIndex after an empty match: lastIndex moves one character */
static js_status advance_after_empty(js_vm *vm, js_value rx, js_string *s, bool unicode)
{
    double last;
    js_status st = get_last_index(vm, rx, &last);
    if (st != JS_OK)
        return st;
    double next = last + 1;
    if (unicode && last + 1 < s->length && is_surrogate_lead(str_unit_at(s, (uint32_t)last)) &&
        is_surrogate_trail(str_unit_at(s, (uint32_t)last + 1)))
        next = last + 2;
    return set_last_index(vm, rx, next);
}

/* the match's text (ToString(result[0])) */
static js_status match_text(js_vm *vm, js_value result, js_string **out)
{
    js_value v;
    js_status st = val_get_elem(vm, result, js_number(0), &v);
    if (st != JS_OK)
        return st;
    return to_string(vm, v, out);
}

/* One match, for each_match's callbacks: a replaced exec's result object, or (result
 * undefined) the engine's, in the session's slots. */
typedef js_status (*match_fn)(js_vm *vm, void *ctx, js_value result, const re_session *engine,
                              bool *stop);

/* Runs RegExpExec over the string as the global @@methods do: lastIndex starts at 0 and moves
 * past empty matches; each match goes to `each` (which may stop). */
static js_status each_match(js_vm *vm, js_value rx, js_string *s, bool global, bool unicode,
                            re_session *session, match_fn each, void *ctx)
{
    js_status st = global ? set_last_index(vm, rx, 0) : JS_OK;
    for (bool stop = false; st == JS_OK && !stop;) {
        int found;
        js_value r;
        if ((st = exec_step(vm, rx, s, session, &found, &r)) != JS_OK || found == FOUND_NONE)
            break;
        bool engine = found == FOUND_BY_ENGINE;
        if ((st = each(vm, ctx, engine ? js_undefined() : r, engine ? session : NULL, &stop)) !=
                JS_OK ||
            !global)
            break;
        bool empty = engine && session->slots[0] == session->slots[1];
        js_string *m;
        if (!engine && (st = match_text(vm, r, &m)) == JS_OK)
            empty = m->length == 0;
        if (st == JS_OK && empty)
            st = advance_after_empty(vm, rx, s, unicode);
    }
    return st;
}

static js_status collect_text(js_vm *vm, void *ctx, js_value result, const re_session *engine,
                              bool *stop)
{
    (void)stop;
    js_string *m;
    js_status st = JS_OK;
    if (engine)
        m = str_slice(vm, engine->subject, (uint32_t)engine->slots[0], (uint32_t)engine->slots[1]);
    else
        st = match_text(vm, result, &m);
    if (st == JS_OK)
        array_push(vm, ctx, js_strv(m));
    return st;
}

/* RegExpExec once: its result, or null */
static js_status exec_once(js_vm *vm, js_value rx, js_string *s, js_value *out)
{
    re_session session = {0};
    js_status st = regexp_exec_value(vm, rx, s, &session, out);
    session_close(vm, &session);
    return st;
}

/* 22.2.6.8 RegExp.prototype[@@match] */
js_status regexp_match(js_vm *vm, js_value rx, js_string *s, js_value *out);
js_status regexp_match(js_vm *vm, js_value rx, js_string *s, js_value *out)
{
    js_string *flags;
    js_status st = flags_of(vm, rx, &flags);
    if (st != JS_OK)
        return st;
    if (!has_flag(flags, 'g'))
        return exec_once(vm, rx, s, out);
    js_object *a = array_new(vm, 0);
    re_session session = {0};
    st = each_match(vm, rx, s, true, unicode_flags(flags), &session, collect_text, a);
    session_close(vm, &session);
    *out = a->u.array.length ? js_obj(a) : js_null();
    return st;
}

/* 22.2.6.11 RegExp.prototype[@@search] */
js_status regexp_search(js_vm *vm, js_value rx, js_string *s, js_value *out);
js_status regexp_search(js_vm *vm, js_value rx, js_string *s, js_value *out)
{
    js_value previous;
    js_status st = val_get(vm, rx, &A(vm, lastIndex)->gc, &previous);
    if (st != JS_OK)
        return st;
    if (!same_value(previous, js_number(0)) && (st = set_last_index(vm, rx, 0)) != JS_OK)
        return st;
    js_value result;
    if ((st = exec_once(vm, rx, s, &result)) != JS_OK)
        return st;
    js_value current;
    if ((st = val_get(vm, rx, &A(vm, lastIndex)->gc, &current)) != JS_OK)
        return st;
    if (!same_value(current, previous) &&
        (st = val_set(vm, rx, &A(vm, lastIndex)->gc, previous, true)) != JS_OK)
        return st;
    if (result.type == JS_TNULL) {
        *out = js_number(-1);
        return JS_OK;
    }
    return val_get(vm, result, &A(vm, index)->gc, out);
}

/* ---- @@replace ---- */

/* the matches of a replace: result objects, or the engine's capture positions (all in one
 * buffer) */
typedef struct {
    js_value result;
    int64_t at;       /* the match's first slot in `slots`, or -1 for a result object */
} replace_match;

typedef struct {
    replace_match *items;
    size_t n, cap;
    int32_t *slots;
    size_t nslots, slots_cap;
} replace_matches;

static void grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    *cap = *cap ? 2 * *cap : 16;
    if (*cap < need)
        *cap = need;
    *p = realloc(*p, *cap * size);
    if (!*p)
        ls_out_of_memory(0);
}

static js_status collect_match(js_vm *vm, void *ctx, js_value result, const re_session *engine,
                               bool *stop)
{
    (void)vm;
    (void)stop;
    replace_matches *list = ctx;
    grow((void **)&list->items, &list->cap, list->n + 1, sizeof *list->items);
    replace_match *m = &list->items[list->n++];
    m->result = result;
    m->at = -1;
    if (engine) {
        size_t n = 2 * engine->prog->ncaps;
        grow((void **)&list->slots, &list->slots_cap, list->nslots + n, sizeof *list->slots);
        memcpy(list->slots + list->nslots, engine->slots, n * sizeof *list->slots);
        m->at = (int64_t)list->nslots;
        list->nslots += n;
    }
    return JS_OK;
}

static void matches_free(replace_matches *list)
{
    free(list->items);
    free(list->slots);
}

/* what a replacement is made of (22.2.6.10 steps 14.a-k) */
typedef struct {
    js_string *matched;
    uint32_t position;
    js_value *captures;   /* malloc'd: strings or undefined */
    uint32_t ncaptures;
    js_value named;       /* the groups object, or undefined */
} replace_parts;

/* ... from a result object: ToString of its match and of each defined capture */
static js_status parts_of_result(js_vm *vm, js_value result, js_string *s, replace_parts *p)
{
    js_value lv, pv;
    uint32_t len;
    double position;
    js_status st = val_get(vm, result, &A(vm, length)->gc, &lv);
    if (st != JS_OK || (st = to_length(vm, lv, &len)) != JS_OK ||
        (st = match_text(vm, result, &p->matched)) != JS_OK ||
        (st = val_get(vm, result, &A(vm, index)->gc, &pv)) != JS_OK ||
        (st = to_number(vm, pv, &position)) != JS_OK)
        return st;
    position = js_to_integer_or_infinity(position);
    p->position = (uint32_t)(position < 0 ? 0 : position > s->length ? s->length : position);
    p->ncaptures = len ? len - 1 : 0;
    p->captures = malloc((p->ncaptures + 1) * sizeof *p->captures);
    if (!p->captures)
        ls_out_of_memory(0);
    for (uint32_t i = 1; i <= p->ncaptures; i++) {
        js_value c;
        if ((st = val_get_elem(vm, result, js_number(i), &c)) != JS_OK)
            return st;
        if (!js_is_undefined(c)) {
            js_string *cs;
            if ((st = to_string(vm, c, &cs)) != JS_OK)
                return st;
            c = js_strv(cs);
        }
        p->captures[i - 1] = c;
    }
    return val_get(vm, result, &atom_cstr(vm, "groups")->gc, &p->named);
}

/* ... from the engine's capture positions */
static void parts_of_slots(js_vm *vm, const re_prog *prog, const int32_t *slots, js_string *s,
                           replace_parts *p)
{
    p->matched = str_slice(vm, s, (uint32_t)slots[0], (uint32_t)slots[1]);
    p->position = (uint32_t)slots[0];
    p->ncaptures = prog->ncaps - 1;
    p->captures = malloc(prog->ncaps * sizeof *p->captures);
    if (!p->captures)
        ls_out_of_memory(0);
    p->captures[0] = js_strv(p->matched);
    for (uint32_t g = 1; g < prog->ncaps; g++)
        p->captures[g] = capture_value(vm, s, slots, g);
    p->named = groups_object(vm, prog, p->captures);
    memmove(p->captures, p->captures + 1, p->ncaptures * sizeof *p->captures);
}

/* the replacement: the function's answer or GetSubstitution (template) */
static js_status replacement(js_vm *vm, const replace_parts *p, js_string *s, js_value fn,
                             js_string *template, js_string **out)
{
    js_status st;
    js_value named = p->named;
    if (template) {
        if (!js_is_undefined(named)) {
            js_object *o;
            if ((st = to_object(vm, named, &o)) != JS_OK)
                return st;
            named = js_obj(o);
        }
        return string_substitution(vm, p->matched, s, p->position, p->captures, p->ncaptures,
                                   named, template, out);
    }
    js_value *args = malloc((p->ncaptures + 4) * sizeof *args), r;
    if (!args)
        ls_out_of_memory(0);
    uint32_t k = 0;
    args[k++] = js_strv(p->matched);
    for (uint32_t i = 0; i < p->ncaptures; i++)
        args[k++] = p->captures[i];
    args[k++] = js_number(p->position);
    args[k++] = js_strv(s);
    if (!js_is_undefined(named))
        args[k++] = named;
    st = vm_call(vm, fn, js_undefined(), (int)k, args, &r);
    free(args);
    if (st == JS_OK)
        st = to_string(vm, r, out);
    return st;
}

/* the result with the replacements of the matches, in order */
static js_status replace_all(js_vm *vm, const replace_matches *list, const re_prog *prog,
                             js_string *s, js_value fn, js_string *template, js_value *out)
{
    str_buf b = {0};
    uint32_t next = 0;
    js_status st = JS_OK;
    for (size_t i = 0; i < list->n && st == JS_OK; i++) {
        replace_parts p = {0};
        js_string *rep;
        if (list->items[i].at >= 0)
            parts_of_slots(vm, prog, list->slots + list->items[i].at, s, &p);
        else
            st = parts_of_result(vm, list->items[i].result, s, &p);
        if (st == JS_OK && (st = replacement(vm, &p, s, fn, template, &rep)) == JS_OK &&
            p.position >= next) {
            sb_str(&b, str_slice(vm, s, next, p.position));
            sb_str(&b, rep);
            next = p.position + p.matched->length;
        }
        free(p.captures);
    }
    if (st != JS_OK) {
        sb_free(&b);
        return st;
    }
    if (next < s->length)
        sb_str(&b, str_slice(vm, s, next, s->length));
    *out = js_strv(sb_finish(vm, &b));
    return JS_OK;
}

/* 22.2.6.10 RegExp.prototype[@@replace]: replace_value is a function or a string */
js_status regexp_replace(js_vm *vm, js_value rx, js_string *s, js_value replace_value,
                         js_value *out);
js_status regexp_replace(js_vm *vm, js_value rx, js_string *s, js_value replace_value,
                         js_value *out)
{
    js_string *template = NULL, *flags;
    js_status st;
    if (!js_is_callable(replace_value) && (st = to_string(vm, replace_value, &template)) != JS_OK)
        return st;
    if ((st = flags_of(vm, rx, &flags)) != JS_OK)
        return st;
    re_session session = {0};
    replace_matches list = {0};
    st = each_match(vm, rx, s, has_flag(flags, 'g'), unicode_flags(flags), &session,
                    collect_match, &list);
    if (st == JS_OK)
        st = replace_all(vm, &list, session.prog, s, replace_value, template, out);
    matches_free(&list);
    session_close(vm, &session);
    return st;
}

/* ---- @@split ---- */

/* the splitter's program: the RegExp's own, unless its flags getter says otherwise */
static js_status split_program(js_vm *vm, js_value rx, js_string *flags, re_session *session)
{
    if (!is_regexp(rx))
        return throw_kind(vm, ERR_TYPE, "Method RegExp.prototype.exec called on incompatible "
                                        "receiver %s", str_describe(vm, rx)->chars);
    js_object *o = rx.u.object;
    if (str_equal(flags, o->u.regexp.flags))
        return compile_object(vm, o, &session->prog);
    const char *error;
    session->prog = re_compile(o->u.regexp.source, has_flag(flags, 'u'), has_flag(flags, 'i'),
                               has_flag(flags, 'm'), has_flag(flags, 's'), &error);
    return session->prog ? JS_OK : syntax_error(vm, o->u.regexp.source, flags, error);
}

/* a match of the splitter exactly at q (the specification's sticky splitter): its end */
static js_status split_match_at(js_vm *vm, re_session *session, uint32_t q, bool *found,
                                uint32_t *end)
{
    *found = false;
    *end = 0;
    int r = re_search(session->prog, &session->in, q, true, session->slots);
    if (r < 0)
        return step_limit_error(vm);
    *found = r > 0;
    *end = r > 0 ? (uint32_t)session->slots[1] : 0;
    if (r > 0) {
        memcpy(session->last, session->slots, 2 * session->prog->ncaps * sizeof *session->last);
        session->have_last = true;
    }
    return JS_OK;
}

/* the pieces of s between the matches, and their captures, up to lim */
static js_status split_pieces(js_vm *vm, re_session *session, js_string *s, uint32_t lim,
                              js_object *a)
{
    uint32_t p = 0, q = 0, size = s->length;
    while (q < size) {
        bool found;
        uint32_t e;
        js_status st = split_match_at(vm, session, q, &found, &e);
        if (st != JS_OK)
            return st;
        if (!found || e == p) {
            bool pair = session->prog->unicode && q + 1 < size &&
                        is_surrogate_lead(unit_at(&session->in, q)) &&
                        is_surrogate_trail(unit_at(&session->in, q + 1));
            q += pair ? 2 : 1;
            continue;
        }
        array_push(vm, a, js_strv(str_slice(vm, s, p, q)));
        for (uint32_t g = 1; g < session->prog->ncaps && a->u.array.length < lim; g++)
            array_push(vm, a, capture_value(vm, s, session->slots, g));
        if (a->u.array.length >= lim)
            return JS_OK;
        q = p = e;
    }
    array_push(vm, a, js_strv(str_slice(vm, s, p, size)));
    return JS_OK;
}

/* 22.2.6.14 RegExp.prototype[@@split], matching with the engine at each position */
js_status regexp_split(js_vm *vm, js_value rx, js_string *s, js_value limit, js_value *out);
js_status regexp_split(js_vm *vm, js_value rx, js_string *s, js_value limit, js_value *out)
{
    js_string *flags;
    js_status st = flags_of(vm, rx, &flags);
    if (st != JS_OK)
        return st;
    uint32_t lim = UINT32_MAX;
    double d;
    if (!js_is_undefined(limit)) {
        if ((st = to_number(vm, limit, &d)) != JS_OK)
            return st;
        lim = js_to_uint32(d);
    }
    js_object *a = array_new(vm, 0);
    *out = js_obj(a);
    if (lim == 0)
        return JS_OK;
    re_session session = {0};
    if ((st = split_program(vm, rx, flags, &session)) != JS_OK)
        return st;
    session_buffers(&session);
    session_open(vm, &session, rx.u.object, s);
    if (s->length) {
        st = split_pieces(vm, &session, s, lim, a);
    } else {
        bool found;
        uint32_t e;
        if ((st = split_match_at(vm, &session, 0, &found, &e)) == JS_OK && !found)
            array_push(vm, a, js_strv(s));
    }
    session_close(vm, &session);
    return st;
}

/* ---- @@matchAll and %RegExpStringIteratorPrototype% (22.2.9) ---- */

/* the iterator: CLASS_ITERATOR of kind ITER_REGEXP_STRING, target the matcher, extra the
 * string, next's bits: 1 global, 2 unicode, 4 done */
#define ITER_REGEXP_STRING (-1)

static js_object *string_iterator_proto(js_vm *vm)
{
    js_value p = hidden_state(vm)->u.array.items[HIDDEN_ITERATOR_PROTO];
    return p.type == JS_TOBJECT ? p.u.object : vm->in.iterator_prototype;
}

/* new C(rx, flags) with C = SpeciesConstructor(rx, %RegExp%) */
static js_status species_construct(js_vm *vm, js_value rx, js_string *flags, js_value *out)
{
    js_value ctor, species = js_undefined();
    js_status st = val_get(vm, rx, &A(vm, constructor)->gc, &ctor);
    if (st != JS_OK)
        return st;
    if (ctor.type == JS_TOBJECT) {
        if ((st = val_get(vm, ctor, sym_key(vm->sym.species), &species)) != JS_OK)
            return st;
    } else if (!js_is_undefined(ctor)) {
        return throw_kind(vm, ERR_TYPE, "The .constructor property is not an object");
    }
    js_value args[2] = {rx, js_strv(flags)};
    if (js_is_nullish(species)) {
        js_value pattern = is_regexp(rx) ? js_strv(rx.u.object->u.regexp.source) : rx;
        return regexp_initialize(vm, vm->in.regexp_prototype, pattern, args[1], out);
    }
    return vm_construct(vm, species, 2, args, species, out);
}

js_status regexp_match_all(js_vm *vm, js_value rx, js_string *s, js_value *out);
js_status regexp_match_all(js_vm *vm, js_value rx, js_string *s, js_value *out)
{
    js_string *flags;
    js_status st = flags_of(vm, rx, &flags);
    if (st != JS_OK)
        return st;
    js_value matcher;
    if ((st = species_construct(vm, rx, flags, &matcher)) != JS_OK)
        return st;
    double last;
    if ((st = get_last_index(vm, rx, &last)) != JS_OK ||
        (st = set_last_index(vm, matcher, last)) != JS_OK)
        return st;
    js_object *it = obj_new(vm, CLASS_ITERATOR, string_iterator_proto(vm));
    it->u.iter.kind = ITER_REGEXP_STRING;
    it->u.iter.target = matcher;
    it->u.iter.extra = js_strv(s);
    it->u.iter.next = (has_flag(flags, 'g') ? 1u : 0u) |
                      (has_flag(flags, 'u') || has_flag(flags, 'v') ? 2u : 0u);
    *out = js_obj(it);
    return JS_OK;
}

static js_status regexp_string_iterator_next(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    js_value self = a->this_value;
    if (self.type != JS_TOBJECT || self.u.object->cls != CLASS_ITERATOR ||
        self.u.object->u.iter.kind != ITER_REGEXP_STRING)
        return throw_kind(vm, ERR_TYPE, "Method %%RegExpStringIterator%%.prototype.next called "
                                        "on incompatible receiver %s",
                          str_describe(vm, self)->chars);
    js_object *it = self.u.object;
    if (it->u.iter.next & 4) {
        *out = js_obj(iterator_result(vm, js_undefined(), true));
        return JS_OK;
    }
    js_value rx = it->u.iter.target, r;
    js_string *s = it->u.iter.extra.u.string;
    re_session session = {0};
    js_status st = regexp_exec_value(vm, rx, s, &session, &r);
    session_close(vm, &session);
    if (st != JS_OK)
        return st;
    if (r.type == JS_TNULL) {
        it->u.iter.next |= 4;
        *out = js_obj(iterator_result(vm, js_undefined(), true));
        return JS_OK;
    }
    if (!(it->u.iter.next & 1)) {
        it->u.iter.next |= 4;
    } else {
        js_string *m;
        if ((st = match_text(vm, r, &m)) != JS_OK)
            return st;
        if (m->length == 0 &&
            (st = advance_after_empty(vm, rx, s, (it->u.iter.next & 2) != 0)) != JS_OK)
            return st;
    }
    *out = js_obj(iterator_result(vm, r, false));
    return JS_OK;
}

/* ======================================================================================
 * the legacy static properties: RegExp.$1-$9, input, lastMatch, lastParen, leftContext,
 * rightContext (and their $ names), from the last successful match
 * ====================================================================================== */

enum { LEGACY_INPUT = -1, LEGACY_LAST_MATCH = -2, LEGACY_LAST_PAREN = -3, LEGACY_LEFT = -4,
       LEGACY_RIGHT = -5 };

/* the last match's capture positions (a byte string of int32 pairs): how many, and one */
static uint32_t last_count(const js_object *state)
{
    return state->u.array.items[HIDDEN_LAST_CAPTURES].u.string->len / (2 * sizeof(int32_t));
}

static int32_t last_position(const js_object *state, uint32_t i)
{
    int32_t v;
    memcpy(&v, state->u.array.items[HIDDEN_LAST_CAPTURES].u.string->chars + i * sizeof v,
           sizeof v);
    return v;
}

/* the text of capture g of the last match ("" if it did not take part) */
static js_value last_capture(js_vm *vm, const js_object *state, int g)
{
    js_string *s = state->u.array.items[HIDDEN_LAST_SUBJECT].u.string;
    if (g < 0 || (uint32_t)g >= last_count(state))
        return js_strv(A(vm, empty));
    int32_t from = last_position(state, 2 * (uint32_t)g), to = last_position(state, 2 * (uint32_t)g + 1);
    if (from < 0 || to < 0)
        return js_strv(A(vm, empty));
    return js_strv(str_slice(vm, s, (uint32_t)from, (uint32_t)to));
}

static js_status legacy_get(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    int which = (int)(intptr_t)a->callee->u.native.data;
    js_object *state = hidden_state(vm);
    js_string *s = state->u.array.items[HIDDEN_LAST_SUBJECT].u.string;
    uint32_t n = last_count(state);
    uint32_t start = n ? (uint32_t)last_position(state, 0) : 0;
    uint32_t end = n ? (uint32_t)last_position(state, 1) : 0;
    switch (which) {
    case LEGACY_INPUT: *out = state->u.array.items[HIDDEN_LAST_INPUT]; break;
    case LEGACY_LAST_MATCH: *out = last_capture(vm, state, 0); break;
    case LEGACY_LAST_PAREN: *out = last_capture(vm, state, n > 1 ? (int)n - 1 : -1); break;
    case LEGACY_LEFT: *out = js_strv(str_slice(vm, s, 0, start)); break;
    case LEGACY_RIGHT: *out = js_strv(str_slice(vm, s, end, s->length)); break;
    default: *out = last_capture(vm, state, which); break;
    }
    return JS_OK;
}

/* RegExp.input = x (and $_); the other setters do nothing */
static js_status legacy_set(const js_args *a, js_value *out)
{
    js_vm *vm = a->vm;
    *out = js_undefined();
    if ((int)(intptr_t)a->callee->u.native.data != LEGACY_INPUT)
        return JS_OK;
    js_string *s;
    js_status st = to_string(vm, js_arg(a, 0), &s);
    if (st != JS_OK)
        return st;
    js_object *state = hidden_state(vm);
    gc_note_write(vm, state);
    state->u.array.items[HIDDEN_LAST_INPUT] = js_strv(s);
    return JS_OK;
}

static void define_legacy(js_vm *vm, js_object *ctor, const char *name, int which)
{
    char get_name[32], set_name[32];
    snprintf(get_name, sizeof get_name, "get %s", name);
    snprintf(set_name, sizeof set_name, "set %s", name);
    js_object *g = native_new(vm, atom_cstr(vm, get_name)->chars, 0, legacy_get, false);
    js_object *s = native_new(vm, atom_cstr(vm, set_name)->chars, 1, legacy_set, false);
    g->u.native.data = s->u.native.data = (void *)(intptr_t)which;
    prop_define_accessor(vm, ctor, &atom_cstr(vm, name)->gc, g, s, PROP_CONFIGURABLE);
}

static void define_legacy_statics(js_vm *vm, js_object *ctor)
{
    static const struct {
        const char *name, *alias;
        int which;
    } props[] = {{"input", "$_", LEGACY_INPUT},         {"lastMatch", "$&", LEGACY_LAST_MATCH},
                 {"lastParen", "$+", LEGACY_LAST_PAREN}, {"leftContext", "$`", LEGACY_LEFT},
                 {"rightContext", "$'", LEGACY_RIGHT}};
    for (size_t i = 0; i < sizeof props / sizeof props[0]; i++) {
        define_legacy(vm, ctor, props[i].name, props[i].which);
        define_legacy(vm, ctor, props[i].alias, props[i].which);
    }
    for (int g = 1; g <= 9; g++) {
        char name[4] = {'$', (char)('0' + g), 0, 0};
        define_legacy(vm, ctor, name, g);
    }
}

/* ======================================================================================
 * setup
 * ====================================================================================== */

static js_status species_getter(const js_args *a, js_value *out)
{
    *out = a->this_value;
    return JS_OK;
}

void builtin_regexp(js_vm *vm)
{
    js_object *proto = obj_new(vm, CLASS_OBJECT, vm->in.object_prototype);
    vm->in.regexp_prototype = proto;
    js_object *ctor = define_ctor(vm, "RegExp", 2, regexp_ctor, proto);
    js_object *species = native_new(vm, "get [Symbol.species]", 0, species_getter, false);
    prop_define_accessor(vm, ctor, sym_key(vm->sym.species), species, NULL, PROP_CONFIGURABLE);
    define_native(vm, proto, "exec", 1, regexp_exec_m);
    define_getter(vm, proto, "dotAll", get_dot_all);
    define_getter(vm, proto, "flags", regexp_flags);
    define_getter(vm, proto, "global", get_global);
    if (vm->features.array_at)
        define_getter(vm, proto, "hasIndices", get_has_indices);
    define_getter(vm, proto, "ignoreCase", get_ignore_case);
    define_getter(vm, proto, "multiline", get_multiline);
    define_getter(vm, proto, "source", regexp_source);
    define_getter(vm, proto, "sticky", get_sticky);
    define_getter(vm, proto, "unicode", get_unicode);
    define_native(vm, proto, "compile", 2, regexp_compile);
    define_native(vm, proto, "toString", 0, regexp_to_string);
    define_native(vm, proto, "test", 1, regexp_test);
    if (vm->features.array_to_sorted)
        define_getter(vm, proto, "unicodeSets", get_unicode_sets);

    js_object *ip = obj_new(vm, CLASS_OBJECT, vm->in.iterator_prototype);
    define_native(vm, ip, "next", 0, regexp_string_iterator_next);
    prop_define_value(vm, ip, sym_key(vm->sym.to_string_tag),
                      js_strv(atom_cstr(vm, "RegExp String Iterator")), PROP_CONFIGURABLE);
    js_symbol *key = symbol_new(vm, atom_cstr(vm, "RegExp internal state"));
    key->private_name = true;
    js_symbol *program = symbol_new(vm, atom_cstr(vm, "[[RegExpMatcher]]"));
    program->private_name = true;
    js_object *state = array_new(vm, HIDDEN__COUNT);
    state->u.array.items[HIDDEN_ITERATOR_PROTO] = js_obj(ip);
    state->u.array.items[HIDDEN_PROGRAM_KEY] = (js_value){JS_TSYMBOL, {.symbol = program}};
    state->u.array.items[HIDDEN_CACHE] = js_obj(array_new(vm, 3 * CACHE_SIZE));
    state->u.array.items[HIDDEN_LAST_SUBJECT] = js_strv(A(vm, empty));
    state->u.array.items[HIDDEN_LAST_INPUT] = js_strv(A(vm, empty));
    state->u.array.items[HIDDEN_LAST_CAPTURES] = js_strv(A(vm, empty));
    prop_define_value(vm, proto, &key->gc, js_obj(state), 0);
    define_legacy_statics(vm, ctor);
}
