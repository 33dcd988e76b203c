/* lex.c - the JavaScript lexer (see lex.h for what it promises the parser).
 *
 * One function per kind of token, dispatched on the first byte: names, numbers, strings,
 * templates, punctuators, and regular expressions on the parser's request.  The source is
 * UTF-8; the lexer decodes a character only where the byte is >= 0x80, to tell the few
 * non-ASCII spaces (U+00A0, U+FEFF, the Zs block) and line terminators (U+2028, U+2029) from
 * the rest, all of which may appear in names: names are not checked against Unicode's
 * ID_Start/ID_Continue tables, a known leniency.
 *
 * Positions.  The lexer counts lines as it passes line terminators anywhere (between tokens
 * and inside comments, strings and templates), so each token gets its line for free; its
 * column, in code points, comes from a cache of the last column computed on the current line,
 * so that computing columns stays linear.  An error position, which may lie anywhere before,
 * is computed from the start of the source (js_lex_position): once per parse.
 *
 * Values.  String and template values are decoded into a scratch buffer, then copied into the
 * arena; a string without escapes is copied straight from the source.  Numbers: integers of up
 * to 15 decimal digits are accumulated exactly; anything else goes through strtod (C locale),
 * hex directly, octal and binary after conversion to hex, so every literal is correctly
 * rounded.  What strict code forbids (legacy octal literals and escapes, \8 \9) is scanned
 * and flagged on the token for the parser to judge.
 */
#include "lex.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const tok_texts[] = {
#define JS_X_TEXT(id, text) text,
    JS_TOKENS(JS_X_TEXT)
#undef JS_X_TEXT
};

const char *js_tok_text(js_tok type)
{
    return (unsigned)type < JS_T_COUNT ? tok_texts[type] : "?";
}

static const char MSG_INVALID[] = "Invalid or unexpected token";

void js_lex_fail(js_lexer *L, size_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->sh->error.message, sizeof L->sh->error.message, fmt, ap);
    va_end(ap);
    L->sh->error.offset = offset;
    longjmp(L->sh->fail, 1);
}

/* ---- characters ---- */

/* The classes of the ASCII characters (bytes >= 0x80 have none): I may be part of a name, S
 * may start one, D a decimal digit, H a hex digit, W a space. */
enum { I = 1, S = 2, D = 4, W = 8, H = 16 };
static const unsigned char char_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0,
    0, W, 0, W, W, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    W, 0, 0, 0, I|S, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    I|D|H, I|D|H, I|D|H, I|D|H, I|D|H, I|D|H, I|D|H, I|D|H,
    I|D|H, I|D|H, 0, 0, 0, 0, 0, 0,
    0, I|S|H, I|S|H, I|S|H, I|S|H, I|S|H, I|S|H, I|S,
    I|S, I|S, I|S, I|S, I|S, I|S, I|S, I|S,
    I|S, I|S, I|S, I|S, I|S, I|S, I|S, I|S,
    I|S, I|S, I|S, 0, 0, 0, 0, I|S,
    0, I|S|H, I|S|H, I|S|H, I|S|H, I|S|H, I|S|H, I|S,
    I|S, I|S, I|S, I|S, I|S, I|S, I|S, I|S,
    I|S, I|S, I|S, I|S, I|S, I|S, I|S, I|S,
    I|S, I|S, I|S, 0, 0, 0, 0, 0,
};

static inline bool is_id_start_ascii(unsigned c)
{
    return char_class[c & 0xFF] & S;
}

static inline bool is_digit(unsigned c)
{
    return char_class[c & 0xFF] & D;
}

static inline bool is_id_part_ascii(unsigned c)
{
    return char_class[c & 0xFF] & I;
}

static int hex_value(unsigned c)
{
    if (!(char_class[c & 0xFF] & H))
        return -1;
    return is_digit(c) ? (int)(c - '0') : (int)((c | 0x20) - 'a' + 10);
}

/* Decodes the character at s[p] (a byte >= 0x80): returns its length and sets *cp; a
 * malformed byte is one character U+FFFD. */
static size_t utf8_decode(const unsigned char *s, size_t p, size_t n, uint32_t *cp)
{
    unsigned c = s[p];
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || p + len > n) {
        *cp = 0xFFFD;
        return 1;
    }
    uint32_t v = c & (0x3Fu >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[p + i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        v = v << 6 | (s[p + i] & 0x3Fu);
    }
    *cp = v;
    return len;
}

/* Writes cp as UTF-8 (a surrogate as its 3-byte WTF-8 form); returns the length. */
static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | cp >> 12);
        out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | cp >> 18);
    out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static bool is_unicode_space(uint32_t cp)
{
    return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

static bool is_line_sep(uint32_t cp)
{
    return cp == 0x2028 || cp == 0x2029;
}

/* Whether a non-ASCII code point may be part of a name (first: may start one).  Lenient: any
 * code point but spaces, line terminators and surrogates; ZWNJ and ZWJ only after the first. */
static bool is_id_char(uint32_t cp, bool first)
{
    if (is_unicode_space(cp) || is_line_sep(cp) || (cp >= 0xD800 && cp <= 0xDFFF))
        return false;
    return !(first && (cp == 0x200C || cp == 0x200D));
}

/* U+2028 or U+2029 at s[p]? */
static bool at_line_sep(const unsigned char *s, size_t p, size_t n)
{
    return s[p] == 0xE2 && p + 2 < n && s[p + 1] == 0x80 && (s[p + 2] == 0xA8 || s[p + 2] == 0xA9);
}

/* ---- scratch buffer and arena strings ---- */

typedef struct {
    js_lex_shared *sh;
    size_t len;
} builder;

static void b_reserve(builder *b, size_t more)
{
    js_lex_shared *sh = b->sh;
    if (b->len + more + 1 <= sh->buf_cap)
        return;
    size_t cap = sh->buf_cap ? sh->buf_cap : 256;
    while (cap < b->len + more + 1)
        cap *= 2;
    sh->buf = xrealloc(sh->buf, cap);
    sh->buf_cap = cap;
}

static void b_append(builder *b, const char *s, size_t n)
{
    b_reserve(b, n);
    memcpy(b->sh->buf + b->len, s, n);
    b->len += n;
}

static void b_put(builder *b, char c)
{
    b_reserve(b, 1);
    b->sh->buf[b->len++] = c;
}

/* Appends a code point; a low surrogate right after a high one (two \u escapes) joins it into
 * one 4-byte character. */
static void b_code_point(builder *b, uint32_t cp)
{
    if (cp >= 0xDC00 && cp <= 0xDFFF && b->len >= 3) {
        const unsigned char *t = (const unsigned char *)b->sh->buf + b->len - 3;
        if (t[0] == 0xED && t[1] >= 0xA0 && t[1] <= 0xAF) {
            uint32_t hi = 0xD000u | (uint32_t)(t[1] & 0x3F) << 6 | (t[2] & 0x3Fu);
            b->len -= 3;
            cp = 0x10000 + ((hi - 0xD800) << 10) + (cp - 0xDC00);
        }
    }
    char tmp[4];
    b_append(b, tmp, utf8_encode(cp, tmp));
}

static js_text arena_str(js_lexer *L, const char *s, size_t n)
{
    char *p = arena_alloc(L->arena, n + 1);
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return (js_text){p, n};
}

static js_text b_finish(js_lexer *L, const builder *b)
{
    return arena_str(L, b->sh->buf, b->len);
}

/* ---- atoms ---- */

static uint32_t hash_step(uint32_t h, unsigned char c)
{
    return (h ^ c) * 16777619u;
}

#define HASH_SEED 2166136261u

static void atoms_grow(js_lex_shared *sh)
{
    size_t cap = sh->cap ? 2 * sh->cap : 1024;
    js_atom **slots = xrealloc(NULL, cap * sizeof *slots);
    memset(slots, 0, cap * sizeof *slots);
    for (size_t i = 0; i < sh->cap; i++) {
        js_atom *a = sh->slots[i];
        if (!a)
            continue;
        size_t j = a->hash & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = a;
    }
    free(sh->slots);
    sh->slots = slots;
    sh->cap = cap;
}

static js_atom *intern_hashed(js_lexer *L, const char *s, size_t len, uint32_t h)
{
    js_lex_shared *sh = L->sh;
    if (2 * (sh->count + 1) > sh->cap)
        atoms_grow(sh);
    size_t mask = sh->cap - 1, i = h & mask;
    for (js_atom *a; (a = sh->slots[i]); i = (i + 1) & mask)
        if (a->hash == h && a->len == len && memcmp(a->str, s, len) == 0)
            return a;
    js_atom *a = arena_alloc(L->arena, sizeof *a);
    a->str = arena_str(L, s, len).chars;
    a->len = (uint32_t)len;
    a->hash = h;
    a->keyword = JS_T_NAME;
    sh->slots[i] = a;
    sh->count++;
    return a;
}

js_atom *js_lex_intern(js_lexer *L, const char *s, size_t len)
{
    uint32_t h = HASH_SEED;
    for (size_t i = 0; i < len; i++)
        h = hash_step(h, (unsigned char)s[i]);
    return intern_hashed(L, s, len, h);
}

static const char *const word_texts[] = {
    NULL,
#define JS_X_TEXT(id, text) text,
    JS_WORDS(JS_X_TEXT)
#undef JS_X_TEXT
};

/* ---- set-up and positions ---- */

/* The offset of the first byte >= 0x80 from p on (len if none), eight bytes at a time. */
static size_t next_non_ascii(const js_lexer *L, size_t p)
{
    for (; p + 8 <= L->len; p += 8) {
        uint64_t w;
        memcpy(&w, L->src + p, 8);
        if (w & 0x8080808080808080u)
            break;
    }
    while (p < L->len && !((unsigned char)L->src[p] & 0x80))
        p++;
    return p;
}

void js_lex_init(js_lexer *L, js_lex_shared *sh, ls_arena *arena, const char *src, size_t len)
{
    memset(L, 0, sizeof *L);
    L->src = src;
    L->len = len;
    L->line = 1;
    L->col_col = 1;
    L->arena = arena;
    L->sh = sh;
    L->non_ascii = next_non_ascii(L, 0);
    for (int t = JS_T_FIRST_KEYWORD; t < JS_T_COUNT; t++) {
        const char *w = tok_texts[t];
        js_lex_intern(L, w, strlen(w))->keyword = (uint8_t)t;
    }
    for (int w = 1; w < JS_W_COUNT; w++) {
        js_atom *a = js_lex_intern(L, word_texts[w], strlen(word_texts[w]));
        a->word = (uint8_t)w;
        L->words[w] = a;
    }
    if (len >= 2 && src[0] == '#' && src[1] == '!') {
        size_t p = 2;
        const unsigned char *s = (const unsigned char *)src;
        while (p < len && s[p] != '\n' && s[p] != '\r' && !at_line_sep(s, p, len))
            p++;
        L->pos = p;
    }
}

void js_lex_free(js_lex_shared *sh)
{
    free(sh->slots);
    free(sh->buf);
    sh->slots = NULL;
    sh->buf = NULL;
}

void js_lex_position(const js_lexer *L, size_t offset, uint32_t *line, uint32_t *col)
{
    const unsigned char *s = (const unsigned char *)L->src;
    uint32_t ln = 1, c = 1;
    if (offset > L->len)
        offset = L->len;
    for (size_t p = 0; p < offset; p++) {
        if (s[p] == '\n' || (s[p] == '\r' && !(p + 1 < L->len && s[p + 1] == '\n'))) {
            ln++;
            c = 1;
        } else if (at_line_sep(s, p, L->len)) {
            ln++;
            c = 1;
            p += 2;
        } else if ((s[p] & 0xC0) != 0x80 && s[p] != '\r') {
            c++;
        }
    }
    *line = ln;
    *col = c;
}

/* A line terminator ends just before `next`. */
static void line_break(js_lexer *L, size_t next)
{
    L->line++;
    L->line_start = next;
}

static uint32_t column_of(js_lexer *L, size_t pos)
{
    if (L->non_ascii < L->line_start)
        L->non_ascii = next_non_ascii(L, L->line_start);
    if (pos <= L->non_ascii) /* only ASCII before pos on its line: a column is an offset */
        return (uint32_t)(pos - L->line_start + 1);
    if (L->col_line_start != L->line_start || L->col_pos > pos) {
        L->col_line_start = L->line_start;
        L->col_pos = L->line_start;
        L->col_col = 1;
    }
    const unsigned char *s = (const unsigned char *)L->src;
    size_t p = L->col_pos, n = pos - p, cont = 0;
    /* columns count code points: every byte but UTF-8 continuation bytes (10xxxxxx), counted
     * eight at a time */
    for (; n >= 8; p += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s + p, 8);
        uint64_t hi = w & 0x8080808080808080u, bit6 = (w << 1) & 0x8080808080808080u;
        cont += (size_t)((((hi & ~bit6) >> 7) * 0x0101010101010101u) >> 56);
    }
    for (; n; p++, n--)
        cont += (s[p] & 0xC0) == 0x80;
    L->col_col += (uint32_t)(pos - L->col_pos - cont);
    L->col_pos = pos;
    return L->col_col;
}

/* ---- whitespace and comments ---- */

/* After a line terminator at s[p] (LF, CR, CRLF, U+2028, U+2029): the position after it.
 * Counts the line. */
static size_t skip_newline(js_lexer *L, size_t p)
{
    const unsigned char *s = (const unsigned char *)L->src;
    if (s[p] == '\r' && p + 1 < L->len && s[p + 1] == '\n')
        p += 2;
    else if (s[p] == '\n' || s[p] == '\r')
        p += 1;
    else
        p += 3;
    line_break(L, p);
    return p;
}

static size_t skip_line_comment(js_lexer *L, size_t p)
{
    const unsigned char *s = (const unsigned char *)L->src;
    for (; p < L->len; p++)
        if (s[p] == '\n' || s[p] == '\r' || (s[p] == 0xE2 && at_line_sep(s, p, L->len)))
            break;
    return p;
}

static size_t skip_block_comment(js_lexer *L, size_t start)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t p = start + 2;
    for (;;) {
        if (p + 1 >= L->len)
            js_lex_fail(L, start, MSG_INVALID);
        if (s[p] == '*' && s[p + 1] == '/')
            return p + 2;
        if (s[p] == '\n' || s[p] == '\r' || (s[p] == 0xE2 && at_line_sep(s, p, L->len))) {
            p = skip_newline(L, p);
            L->nl = true;
        } else {
            p++;
        }
    }
}

/* `<!--` anywhere, or `-->` first on its line (after spaces and comments only), starts a
 * comment to the end of the line in scripts (Annex B.1.1). */
static bool html_comment_at(const js_lexer *L, size_t p)
{
    const char *s = L->src + p;
    size_t left = L->len - p;
    if (left >= 4 && memcmp(s, "<!--", 4) == 0)
        return true;
    return left >= 3 && memcmp(s, "-->", 3) == 0 && (L->nl || L->tok.end == 0);
}

/* Skips spaces, line terminators and comments from L->pos; sets L->nl if it passed a line
 * terminator. */
static void skip_trivia(js_lexer *L)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t p = L->pos, n = L->len;
    while (p < n) {
        unsigned c = s[p];
        if (char_class[c] & W) {
            p++;
        } else if (c == '\n' || c == '\r') {
            p = skip_newline(L, p);
            L->nl = true;
        } else if (c == '/' && p + 1 < n && s[p + 1] == '/') {
            p = skip_line_comment(L, p + 2);
        } else if (c == '/' && p + 1 < n && s[p + 1] == '*') {
            p = skip_block_comment(L, p);
        } else if ((c == '<' || c == '-') && html_comment_at(L, p)) {
            if (!L->html_comments)
                js_lex_fail(L, p, "HTML comments are not allowed in modules");
            p = skip_line_comment(L, p + 3);
        } else if (c >= 0x80) {
            uint32_t cp;
            size_t w = utf8_decode(s, p, n, &cp);
            if (is_line_sep(cp)) {
                p = skip_newline(L, p);
                L->nl = true;
            } else if (is_unicode_space(cp)) {
                p += w;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    L->pos = p;
}

/* ---- names ---- */

/* The token ends at `end`. */
static void finish(js_lexer *L, js_tok type, size_t end)
{
    L->tok.type = type;
    L->tok.end = (uint32_t)end;
    L->pos = end;
}

static void finish_name(js_lexer *L, js_atom *a, size_t end, js_tok type, bool escaped)
{
    L->tok.atom = a;
    L->tok.escaped = escaped;
    if (type == JS_T_NAME && !escaped)
        type = (js_tok)a->keyword;
    finish(L, type, end);
}

/* Reads the \u escape whose `u` is at s[*p - 1]: \uXXXX or \u{X...}.  Returns the code
 * point, -1 if malformed, -2 if above U+10FFFF; *p ends after it (or where it went wrong). */
static long read_unicode_escape(js_lexer *L, size_t *p)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t q = *p, n = L->len;
    long v = 0;
    if (q < n && s[q] == '{') {
        size_t digits = 0;
        for (q++; q < n && hex_value(s[q]) >= 0; q++, digits++)
            if ((v = v * 16 + hex_value(s[q])) > 0x10FFFF)
                v = 0x110000; /* stays too large without overflowing */
        if (digits == 0 || q >= n || s[q] != '}') {
            *p = q;
            return -1;
        }
        *p = q + 1;
        return v > 0x10FFFF ? -2 : v;
    }
    for (int i = 0; i < 4; i++, q++) {
        int h = q < n ? hex_value(s[q]) : -1;
        if (h < 0) {
            *p = q;
            return -1;
        }
        v = v * 16 + h;
    }
    *p = q;
    return v;
}

/* A name with \u escapes, from `begin`: decoded into the scratch buffer, then interned. */
static void scan_escaped_name(js_lexer *L, size_t begin, js_tok type)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t p = begin, n = L->len;
    builder b = {L->sh, 0};
    for (bool first = true; p < n; first = false) {
        unsigned c = s[p];
        if (c == '\\') {
            size_t at = p;
            p += 2;
            if (!(at + 1 < n && s[at + 1] == 'u'))
                js_lex_fail(L, at, MSG_INVALID);
            long cp = read_unicode_escape(L, &p);
            if (cp < 0)
                js_lex_fail(L, at, "Invalid Unicode escape sequence");
            bool ok = cp >= 0x80 ? is_id_char((uint32_t)cp, first)
                      : first    ? is_id_start_ascii((unsigned)cp)
                                 : is_id_part_ascii((unsigned)cp);
            if (!ok)
                js_lex_fail(L, at, MSG_INVALID);
            b_code_point(&b, (uint32_t)cp);
        } else if (c < 0x80) {
            if (!is_id_part_ascii(c))
                break;
            b_put(&b, (char)c);
            p++;
        } else {
            uint32_t cp;
            size_t w = utf8_decode(s, p, n, &cp);
            if (!is_id_char(cp, false))
                break;
            b_append(&b, L->src + p, w);
            p += w;
        }
    }
    finish_name(L, js_lex_intern(L, L->sh->buf, b.len), p, type, true);
}

/* A name starting at `begin` (its first character already known to start a name). */
static void scan_name(js_lexer *L, size_t begin, js_tok type)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t p = begin, n = L->len;
    uint32_t h = HASH_SEED;
    while (p < n) {
        unsigned c = s[p];
        if (c < 0x80) {
            if (!is_id_part_ascii(c)) {
                if (c == '\\') {
                    scan_escaped_name(L, begin, type);
                    return;
                }
                break;
            }
            h = hash_step(h, (unsigned char)c);
            p++;
        } else {
            uint32_t cp;
            size_t w = utf8_decode(s, p, n, &cp);
            if (!is_id_char(cp, false))
                break;
            for (size_t i = 0; i < w; i++)
                h = hash_step(h, s[p + i]);
            p += w;
        }
    }
    finish_name(L, intern_hashed(L, L->src + begin, p - begin, h), p, type, false);
}

/* Does a name start at s[p]? */
static bool name_starts(const js_lexer *L, size_t p)
{
    const unsigned char *s = (const unsigned char *)L->src;
    if (p >= L->len)
        return false;
    if (s[p] < 0x80)
        return is_id_start_ascii(s[p]) || s[p] == '\\';
    uint32_t cp;
    utf8_decode(s, p, L->len, &cp);
    return is_id_char(cp, true);
}

/* ---- numbers ---- */

static const char MSG_SEP_END[] =
    "Numeric separators are not allowed at the end of numeric literals";

/* Digits of `radix` with separators from p, appended to b without the separators.  Returns the
 * position after them. */
static size_t scan_digits(js_lexer *L, size_t p, int radix, builder *b)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t n = L->len, first = p;
    for (; p < n; p++) {
        int d = hex_value(s[p]);
        if (d >= 0 && d < radix) {
            b_put(b, (char)s[p]);
            continue;
        }
        if (s[p] != '_')
            break;
        if (p == first)
            js_lex_fail(L, L->tok.start, MSG_INVALID);
        if (p + 1 < n && s[p + 1] == '_')
            js_lex_fail(L, p + 1, "Only one underscore is allowed as numeric separator");
        d = p + 1 < n ? hex_value(s[p + 1]) : -1;
        if (d < 0 || d >= radix)
            js_lex_fail(L, p, MSG_SEP_END);
    }
    return p;
}

/* After a number: a name or a digit may not follow it directly (`3in x`, `1.toFixed`). */
static void check_after_number(js_lexer *L, size_t start, size_t p)
{
    if (name_starts(L, p) || (p < L->len && is_digit((unsigned char)L->src[p])))
        js_lex_fail(L, start, MSG_INVALID);
}

/* The value of n digits of radix 2 or 8: converted to hex text so that strtod rounds it. */
static double pow2_radix_value(const char *digits, size_t n, int radix)
{
    int bits = radix == 2 ? 1 : 3;
    size_t total = n * (size_t)bits;
    char *hex = xrealloc(NULL, total / 4 + 4);
    size_t k = 0;
    hex[k++] = '0';
    hex[k++] = 'x';
    unsigned acc = 0;
    int have = (int)((4 - total % 4) % 4); /* leading zero bits that align the digits */
    for (size_t i = 0; i < n; i++) {
        acc = acc << bits | (unsigned)(digits[i] - '0');
        have += bits;
        while (have >= 4) {
            hex[k++] = "0123456789abcdef"[(acc >> (have - 4)) & 0xF];
            have -= 4;
        }
        acc &= (1u << have) - 1;
    }
    hex[k] = '\0';
    double v = strtod(hex, NULL);
    free(hex);
    return v;
}

/* Decimal digits (with at most one '.' and an exponent) in the scratch buffer. */
static double decimal_value(js_lexer *L, size_t len)
{
    const char *d = L->sh->buf;
    if (len <= 15 && !memchr(d, '.', len) && !memchr(d, 'e', len) && !memchr(d, 'E', len)) {
        double v = 0;
        for (size_t i = 0; i < len; i++)
            v = v * 10 + (d[i] - '0');
        return v;
    }
    L->sh->buf[len] = '\0';
    return strtod(d, NULL);
}

/* The fraction and exponent after an integer part ending at p; returns the end. */
static size_t scan_decimal_tail(js_lexer *L, size_t p, builder *b, bool *is_int)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t n = L->len;
    if (p < n && s[p] == '.') {
        *is_int = false;
        b_put(b, '.');
        p++;
        p = scan_digits(L, p, 10, b);
    }
    if (p < n && (s[p] | 0x20) == 'e') {
        *is_int = false;
        b_put(b, 'e');
        p++;
        if (p < n && (s[p] == '+' || s[p] == '-'))
            b_put(b, (char)s[p++]);
        if (p >= n || !is_digit(s[p]))
            js_lex_fail(L, L->tok.start, MSG_INVALID);
        p = scan_digits(L, p, 10, b);
    }
    return p;
}

/* 0x 0o 0b literals, and BigInts of them. */
static void scan_radix_number(js_lexer *L, size_t start, int radix)
{
    const unsigned char *s = (const unsigned char *)L->src;
    builder b = {L->sh, 0};
    b_append(&b, L->src + start, 2);
    size_t p = scan_digits(L, start + 2, radix, &b);
    if (b.len == 2)
        js_lex_fail(L, start, MSG_INVALID);
    js_tok type = JS_T_NUMBER;
    if (p < L->len && s[p] == 'n') {
        L->tok.str = b_finish(L, &b);
        type = JS_T_BIGINT;
        p++;
    } else if (radix == 16) {
        b_put(&b, '\0');
        L->tok.number = strtod(L->sh->buf, NULL);
    } else {
        L->tok.number = pow2_radix_value(L->sh->buf + 2, b.len - 2, radix);
    }
    check_after_number(L, start, p);
    finish(L, type, p);
}

/* 017 (legacy octal) and 08, 09.5 (decimal with a leading zero): sloppy code only. */
static void scan_leading_zero(js_lexer *L, size_t start)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t p = start + 1, n = L->len;
    bool octal = true;
    for (; p < n && is_digit(s[p]); p++)
        octal = octal && s[p] < '8';
    if (p < n && s[p] == '_')
        js_lex_fail(L, p, MSG_INVALID);
    L->tok.legacy = (uint32_t)start + 1;
    if (octal) {
        L->tok.legacy_msg = "Octal literals are not allowed in strict mode.";
        L->tok.number = pow2_radix_value(L->src + start + 1, p - start - 1, 8);
    } else {
        L->tok.legacy_msg = "Decimals with leading zeros are not allowed in strict mode.";
        builder b = {L->sh, 0};
        b_append(&b, L->src + start, p - start);
        bool is_int = true;
        p = scan_decimal_tail(L, p, &b, &is_int);
        L->tok.number = decimal_value(L, b.len);
    }
    if (p < n && s[p] == 'n')
        js_lex_fail(L, start, MSG_INVALID);
    check_after_number(L, start, p);
    finish(L, JS_T_NUMBER, p);
}

static void scan_number(js_lexer *L, size_t start)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t n = L->len;
    if (s[start] == '0' && start + 1 < n) {
        unsigned c = s[start + 1] | 0x20;
        if (c == 'x' || c == 'o' || c == 'b') {
            scan_radix_number(L, start, c == 'x' ? 16 : c == 'o' ? 8 : 2);
            return;
        }
        if (is_digit(s[start + 1]) || s[start + 1] == '_') {
            if (s[start + 1] == '_')
                js_lex_fail(L, start + 1, "Numeric separator can not be used after leading 0.");
            scan_leading_zero(L, start);
            return;
        }
    }
    builder b = {L->sh, 0};
    size_t p = scan_digits(L, start, 10, &b);
    bool is_int = true;
    p = scan_decimal_tail(L, p, &b, &is_int);
    js_tok type = JS_T_NUMBER;
    if (p < n && s[p] == 'n' && is_int) {
        L->tok.str = b_finish(L, &b);
        type = JS_T_BIGINT;
        p++;
    } else {
        L->tok.number = decimal_value(L, b.len);
    }
    check_after_number(L, start, p);
    finish(L, type, p);
}

/* ---- strings and templates ---- */

/* What an escape sequence left to judge: legacy escapes (strings), invalid ones (templates). */
typedef struct {
    uint32_t legacy, bad;       /* 1 + offset, or 0 */
    const char *legacy_msg, *bad_msg;
} escapes;

static void note(uint32_t *at, const char **msg, size_t offset, const char *text)
{
    if (!*at) {
        *at = (uint32_t)offset + 1;
        *msg = text;
    }
}

/* An escape a template does not allow: in a string it is an error, in a template it makes
 * the cooked value invalid (an error unless the template is tagged). */
static void bad_escape(js_lexer *L, bool in_template, escapes *e, size_t at, const char *msg)
{
    if (!in_template)
        js_lex_fail(L, at, "%s", msg);
    note(&e->bad, &e->bad_msg, at, msg);
}

/* \0 \1 ... \7 (octal), \8 \9: `d` is at s[q], the backslash at q - 1.  Returns the end. */
static size_t read_digit_escape(js_lexer *L, size_t q, builder *b, bool in_template, escapes *e)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t n = L->len;
    unsigned d = s[q];
    if (d == '0' && !(q + 1 < n && is_digit(s[q + 1]))) {
        b_put(b, '\0');
        return q + 1;
    }
    if (d >= '8') {
        if (in_template)
            note(&e->bad, &e->bad_msg, q - 1, "\\8 and \\9 are not allowed in template strings.");
        note(&e->legacy, &e->legacy_msg, q - 1, "\\8 and \\9 are not allowed in strict mode.");
        b_put(b, (char)d);
        return q + 1;
    }
    if (in_template) {
        note(&e->bad, &e->bad_msg, q,
             "Octal escape sequences are not allowed in template strings.");
        return q + 1;
    }
    note(&e->legacy, &e->legacy_msg, q, "Octal escape sequences are not allowed in strict mode.");
    unsigned v = d - '0';
    size_t max = d <= '3' ? 3 : 2, i = 1;
    for (; i < max && q + i < n && s[q + i] >= '0' && s[q + i] <= '7'; i++)
        v = v * 8 + (s[q + i] - '0');
    b_code_point(b, v);
    return q + i;
}

/* The escape sequence whose backslash is at s[p]: appends its value to b and returns the
 * position after it. */
static size_t read_escape(js_lexer *L, size_t p, builder *b, bool in_template, escapes *e)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t q = p + 1, n = L->len;
    if (q >= n)
        return q;
    unsigned c = s[q];
    switch (c) {
    case '\n': case '\r':
        return skip_newline(L, q);
    case 'b': b_put(b, '\b'); return q + 1;
    case 'f': b_put(b, '\f'); return q + 1;
    case 'n': b_put(b, '\n'); return q + 1;
    case 'r': b_put(b, '\r'); return q + 1;
    case 't': b_put(b, '\t'); return q + 1;
    case 'v': b_put(b, '\v'); return q + 1;
    case 'x': {
        int h1 = q + 1 < n ? hex_value(s[q + 1]) : -1;
        int h2 = q + 2 < n ? hex_value(s[q + 2]) : -1;
        if (h1 < 0 || h2 < 0) {
            bad_escape(L, in_template, e, p, "Invalid hexadecimal escape sequence");
            return q + 1;
        }
        b_code_point(b, (uint32_t)(h1 * 16 + h2));
        return q + 3;
    }
    case 'u': {
        size_t r = q + 1;
        long cp = read_unicode_escape(L, &r);
        if (cp < 0) {
            bad_escape(L, in_template, e, p,
                       cp == -2 ? "Undefined Unicode code-point"
                                : "Invalid Unicode escape sequence");
            return q + 1;
        }
        b_code_point(b, (uint32_t)cp);
        return r;
    }
    default:
        if (is_digit(c))
            return read_digit_escape(L, q, b, in_template, e);
        if (at_line_sep(s, q, n))
            return skip_newline(L, q);
        if (c >= 0x80) {
            uint32_t cp;
            size_t w = utf8_decode(s, q, n, &cp);
            b_append(b, L->src + q, w);
            return q + w;
        }
        b_put(b, (char)c);
        return q + 1;
    }
}

static void scan_string(js_lexer *L, size_t start)
{
    const unsigned char *s = (const unsigned char *)L->src;
    unsigned quote = s[start];
    size_t p = start + 1, n = L->len;
    while (p < n && s[p] != quote && s[p] != '\\' && s[p] != '\n' && s[p] != '\r' && s[p] != 0xE2)
        p++;
    if (p < n && s[p] == quote) {
        L->tok.str = arena_str(L, L->src + start + 1, p - start - 1);
        finish(L, JS_T_STRING, p + 1);
        return;
    }
    builder b = {L->sh, 0};
    b_append(&b, L->src + start + 1, p - start - 1);
    escapes e = {0, 0, NULL, NULL};
    for (;;) {
        if (p >= n || s[p] == '\n' || s[p] == '\r')
            js_lex_fail(L, start, MSG_INVALID);
        if (s[p] == quote)
            break;
        if (s[p] == '\\') {
            p = read_escape(L, p, &b, false, &e);
        } else if (at_line_sep(s, p, n)) {
            b_append(&b, L->src + p, 3);
            p = skip_newline(L, p);
        } else {
            b_put(&b, (char)s[p++]);
        }
    }
    L->tok.str = b_finish(L, &b);
    L->tok.legacy = e.legacy;
    L->tok.legacy_msg = e.legacy_msg;
    finish(L, JS_T_STRING, p + 1);
}

/* The raw text of a template part: the source with CR and CRLF made LF. */
static js_text template_raw(js_lexer *L, size_t from, size_t to)
{
    if (!memchr(L->src + from, '\r', to - from))
        return arena_str(L, L->src + from, to - from);
    builder b = {L->sh, 0};
    for (size_t p = from; p < to; p++) {
        if (L->src[p] != '\r')
            b_put(&b, L->src[p]);
        else if (!(p + 1 < to && L->src[p + 1] == '\n'))
            b_put(&b, '\n');
    }
    return b_finish(L, &b);
}

/* A template part from its opening ` or } at `start` to the next ${ or closing `. */
static void scan_template(js_lexer *L, size_t start)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t p = start + 1, n = L->len;
    builder b = {L->sh, 0};
    escapes e = {0, 0, NULL, NULL};
    for (;;) {
        if (p >= n)
            js_lex_fail(L, n, "Unexpected end of input");
        unsigned c = s[p];
        if (c == '`' || (c == '$' && p + 1 < n && s[p + 1] == '{'))
            break;
        if (c == '\\') {
            p = read_escape(L, p, &b, true, &e);
        } else if (c == '\r' || c == '\n' || at_line_sep(s, p, n)) {
            size_t next = skip_newline(L, p);
            if (c == '\r')
                b_put(&b, '\n');
            else
                b_append(&b, L->src + p, next - p);
            p = next;
        } else {
            b_put(&b, (char)c);
            p++;
        }
    }
    js_token *t = &L->tok;
    t->tail = s[p] == '`';
    t->str = e.bad ? (js_text){NULL, 0} : b_finish(L, &b);
    t->raw = template_raw(L, start + 1, p);
    t->bad_escape = e.bad;
    t->bad_escape_msg = e.bad_msg;
    finish(L, JS_T_TEMPLATE, p + (t->tail ? 1 : 2));
}

void js_lex_template(js_lexer *L)
{
    scan_template(L, L->tok.start);
}

/* ---- regular expressions ---- */

static void check_regex_flags(js_lexer *L, size_t start, const char *flags, size_t n)
{
    unsigned seen = 0;
    for (size_t i = 0; i < n; i++) {
        const char *f = strchr("dgimsuyv", flags[i]);
        unsigned bit = f && flags[i] ? 1u << (f - "dgimsuyv") : 0;
        if (!bit || (seen & bit))
            js_lex_fail(L, start, "Invalid regular expression flags");
        seen |= bit;
    }
    if ((seen & (1u << 5)) && (seen & (1u << 7))) /* u and v */
        js_lex_fail(L, start, "Invalid regular expression flags");
}

void js_lex_regex(js_lexer *L)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t start = L->tok.start, p = start + 1, n = L->len;
    const char *missing = "Invalid regular expression: missing /";
    for (bool in_class = false;; p++) {
        if (p >= n || s[p] == '\n' || s[p] == '\r' || at_line_sep(s, p, n))
            js_lex_fail(L, start, "%s", missing);
        if (s[p] == '\\') {
            p++;
            if (p >= n || s[p] == '\n' || s[p] == '\r' || at_line_sep(s, p, n))
                js_lex_fail(L, start, "%s", missing);
        } else if (s[p] == '[') {
            in_class = true;
        } else if (s[p] == ']') {
            in_class = false;
        } else if (s[p] == '/' && !in_class) {
            break;
        }
    }
    L->tok.str = arena_str(L, L->src + start + 1, p - start - 1);
    size_t flags = ++p;
    while (p < n && (is_id_part_ascii(s[p]) || s[p] == '\\' || name_starts(L, p)))
        p++;
    check_regex_flags(L, start, L->src + flags, p - flags);
    L->tok.raw = arena_str(L, L->src + flags, p - flags);
    finish(L, JS_T_REGEX, p);
}

/* ---- punctuators and the dispatch ---- */

/* The punctuator at s[p]: the longest of the candidates. */
static void scan_punctuator(js_lexer *L, size_t p)
{
    const unsigned char *s = (const unsigned char *)L->src;
    size_t n = L->len;
    unsigned c = s[p], c1 = p + 1 < n ? s[p + 1] : 0, c2 = p + 2 < n ? s[p + 2] : 0;
    unsigned c3 = p + 3 < n ? s[p + 3] : 0;
    js_tok t;
    size_t len = 1;
#define PICK(cond, tok, l) if (cond) { t = tok; len = l; } else
    switch (c) {
    case '{': t = JS_T_LBRACE; break;
    case '}': t = JS_T_RBRACE; break;
    case '(': t = JS_T_LPAREN; break;
    case ')': t = JS_T_RPAREN; break;
    case '[': t = JS_T_LBRACKET; break;
    case ']': t = JS_T_RBRACKET; break;
    case ';': t = JS_T_SEMI; break;
    case ',': t = JS_T_COMMA; break;
    case ':': t = JS_T_COLON; break;
    case '~': t = JS_T_TILDE; break;
    case '.':
        PICK(c1 == '.' && c2 == '.', JS_T_ELLIPSIS, 3) t = JS_T_DOT;
        break;
    case '?':
        PICK(c1 == '?' && c2 == '=', JS_T_QUESTION_QUESTION_ASSIGN, 3)
        PICK(c1 == '?', JS_T_QUESTION_QUESTION, 2)
        PICK(c1 == '.' && !is_digit(c2), JS_T_QUESTION_DOT, 2) t = JS_T_QUESTION;
        break;
    case '<':
        PICK(c1 == '<' && c2 == '=', JS_T_SHL_ASSIGN, 3) PICK(c1 == '<', JS_T_SHL, 2)
        PICK(c1 == '=', JS_T_LE, 2) t = JS_T_LT;
        break;
    case '>':
        PICK(c1 == '>' && c2 == '>' && c3 == '=', JS_T_USHR_ASSIGN, 4)
        PICK(c1 == '>' && c2 == '>', JS_T_USHR, 3) PICK(c1 == '>' && c2 == '=', JS_T_SHR_ASSIGN, 3)
        PICK(c1 == '>', JS_T_SHR, 2) PICK(c1 == '=', JS_T_GE, 2) t = JS_T_GT;
        break;
    case '=':
        PICK(c1 == '=' && c2 == '=', JS_T_STRICT_EQ, 3) PICK(c1 == '=', JS_T_EQ, 2)
        PICK(c1 == '>', JS_T_ARROW, 2) t = JS_T_ASSIGN;
        break;
    case '!':
        PICK(c1 == '=' && c2 == '=', JS_T_STRICT_NE, 3) PICK(c1 == '=', JS_T_NE, 2) t = JS_T_NOT;
        break;
    case '+':
        PICK(c1 == '+', JS_T_INC, 2) PICK(c1 == '=', JS_T_PLUS_ASSIGN, 2) t = JS_T_PLUS;
        break;
    case '-':
        PICK(c1 == '-', JS_T_DEC, 2) PICK(c1 == '=', JS_T_MINUS_ASSIGN, 2) t = JS_T_MINUS;
        break;
    case '*':
        PICK(c1 == '*' && c2 == '=', JS_T_STAR_STAR_ASSIGN, 3) PICK(c1 == '*', JS_T_STAR_STAR, 2)
        PICK(c1 == '=', JS_T_STAR_ASSIGN, 2) t = JS_T_STAR;
        break;
    case '/':
        PICK(c1 == '=', JS_T_SLASH_ASSIGN, 2) t = JS_T_SLASH;
        break;
    case '%':
        PICK(c1 == '=', JS_T_PERCENT_ASSIGN, 2) t = JS_T_PERCENT;
        break;
    case '&':
        PICK(c1 == '&' && c2 == '=', JS_T_AMP_AMP_ASSIGN, 3) PICK(c1 == '&', JS_T_AMP_AMP, 2)
        PICK(c1 == '=', JS_T_AMP_ASSIGN, 2) t = JS_T_AMP;
        break;
    case '|':
        PICK(c1 == '|' && c2 == '=', JS_T_PIPE_PIPE_ASSIGN, 3) PICK(c1 == '|', JS_T_PIPE_PIPE, 2)
        PICK(c1 == '=', JS_T_PIPE_ASSIGN, 2) t = JS_T_PIPE;
        break;
    case '^':
        PICK(c1 == '=', JS_T_CARET_ASSIGN, 2) t = JS_T_CARET;
        break;
    default:
        js_lex_fail(L, p, MSG_INVALID);
    }
#undef PICK
    finish(L, t, p + len);
}

void js_lex_next(js_lexer *L)
{
    L->nl = false;
    skip_trivia(L);
    size_t p = L->pos;
    js_token *t = &L->tok;
    /* the value fields are set by the scanner of each kind; these apply to all */
    t->nl_before = L->nl;
    t->escaped = t->tail = false;
    t->start = t->end = (uint32_t)p;
    t->line = L->line;
    t->col = column_of(L, p);
    t->atom = NULL;
    t->legacy = t->bad_escape = 0;
    if (p >= L->len) {
        t->type = JS_T_EOF;
        return;
    }
    const unsigned char *s = (const unsigned char *)L->src;
    unsigned c = s[p];
    if (is_id_start_ascii(c) || c == '\\' || (c >= 0x80 && name_starts(L, p))) {
        scan_name(L, p, JS_T_NAME);
    } else if (is_digit(c) || (c == '.' && p + 1 < L->len && is_digit(s[p + 1]))) {
        scan_number(L, p);
    } else if (c == '"' || c == '\'') {
        scan_string(L, p);
    } else if (c == '`') {
        scan_template(L, p);
    } else if (c == '#') {
        if (!name_starts(L, p + 1))
            js_lex_fail(L, p, MSG_INVALID);
        scan_name(L, p + 1, JS_T_PRIVATE_NAME);
    } else {
        scan_punctuator(L, p);
    }
}
