/* lex.h - the JavaScript lexer: source text in, one token at a time out.
 *
 * The parser pulls tokens with js_lex_next and keeps only the current one (L->tok); to look
 * one token further it copies the lexer, scans, and copies it back (the lexer is a plain
 * struct for that reason).  Scanning is the same in sloppy and strict code and in scripts and
 * modules: whatever the mode changes is left to the parser, which the token tells what it
 * needs (a legacy octal literal or escape, an escaped name).  So the token after a
 * "use strict" directive, already scanned, never has to be scanned again.
 *
 * Two things only the parser knows:
 *   - whether `/` starts a regular expression: the lexer always returns `/` and `/=` as
 *     punctuators, and the parser, finding one where an expression starts, calls
 *     js_lex_regex to scan it again as a regular expression;
 *   - where a template substitution ends: the parser, at the `}` that closes `${ ... }`, calls
 *     js_lex_template to scan the rest of the template from there.
 *
 * Names are interned in the lexer's table (js_atom): one atom per distinct name, in the arena,
 * so the parser compares names by pointer and keeps its scope bookkeeping on the atom.
 * Reserved words come back as their own token types; contextual words (let, async, of, ...)
 * are JS_T_NAME tokens whose atom says which word they are.
 *
 * Errors stop the scan: the lexer writes the message and offset into sh->error and longjmps to
 * sh->fail, which the parser set up; the parser reports its own errors the same way.
 */
#ifndef LOOPSIM_JS_LEX_H
#define LOOPSIM_JS_LEX_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "ast.h"

/* Token types: X(ENUM_SUFFIX, "text" for messages). */
#define JS_TOKENS(X)                                                                            \
    X(EOF, "end of input") X(NAME, "identifier") X(PRIVATE_NAME, "private name")               \
    X(NUMBER, "number") X(BIGINT, "number") X(STRING, "string") X(TEMPLATE, "template string") \
    X(REGEX, "regular expression")                                                              \
    /* punctuators */                                                                           \
    X(LBRACE, "{") X(RBRACE, "}") X(LPAREN, "(") X(RPAREN, ")") X(LBRACKET, "[")                \
    X(RBRACKET, "]") X(SEMI, ";") X(COMMA, ",") X(COLON, ":") X(DOT, ".") X(ELLIPSIS, "...")     \
    X(QUESTION, "?") X(QUESTION_DOT, "?.") X(ARROW, "=>")                                       \
    X(TILDE, "~") X(NOT, "!") X(INC, "++") X(DEC, "--")                                          \
    /* binary operators (keep in the order of js_op's binary part) */                           \
    X(EQ, "==") X(NE, "!=") X(STRICT_EQ, "===") X(STRICT_NE, "!==")                             \
    X(LT, "<") X(LE, "<=") X(GT, ">") X(GE, ">=") X(SHL, "<<") X(SHR, ">>") X(USHR, ">>>")      \
    X(PLUS, "+") X(MINUS, "-") X(STAR, "*") X(SLASH, "/") X(PERCENT, "%") X(STAR_STAR, "**")    \
    X(PIPE, "|") X(CARET, "^") X(AMP, "&")                                                      \
    X(PIPE_PIPE, "||") X(AMP_AMP, "&&") X(QUESTION_QUESTION, "??")                               \
    /* assignment operators (in the order of js_op's assignment part) */                        \
    X(ASSIGN, "=") X(PLUS_ASSIGN, "+=") X(MINUS_ASSIGN, "-=") X(STAR_ASSIGN, "*=")              \
    X(SLASH_ASSIGN, "/=") X(PERCENT_ASSIGN, "%=") X(STAR_STAR_ASSIGN, "**=")                    \
    X(SHL_ASSIGN, "<<=") X(SHR_ASSIGN, ">>=") X(USHR_ASSIGN, ">>>=") X(PIPE_ASSIGN, "|=")        \
    X(CARET_ASSIGN, "^=") X(AMP_ASSIGN, "&=") X(PIPE_PIPE_ASSIGN, "||=")                        \
    X(AMP_AMP_ASSIGN, "&&=") X(QUESTION_QUESTION_ASSIGN, "?\?=")                                 \
    /* reserved words */                                                                        \
    JS_KEYWORDS(X)

/* The reserved words (always reserved, in every mode): X(ENUM_SUFFIX, "spelling"). */
#define JS_KEYWORDS(X)                                                                          \
    X(BREAK, "break") X(CASE, "case") X(CATCH, "catch") X(CLASS, "class") X(CONST, "const")     \
    X(CONTINUE, "continue") X(DEBUGGER, "debugger") X(DEFAULT, "default") X(DELETE, "delete")   \
    X(DO, "do") X(ELSE, "else") X(ENUM, "enum") X(EXPORT, "export") X(EXTENDS, "extends")       \
    X(FALSE, "false") X(FINALLY, "finally") X(FOR, "for") X(FUNCTION, "function") X(IF, "if")   \
    X(IMPORT, "import") X(IN, "in") X(INSTANCEOF, "instanceof") X(NEW, "new") X(NULL, "null")   \
    X(RETURN, "return") X(SUPER, "super") X(SWITCH, "switch") X(THIS, "this") X(THROW, "throw") \
    X(TRUE, "true") X(TRY, "try") X(TYPEOF, "typeof") X(VAR, "var") X(VOID, "void")             \
    X(WHILE, "while") X(WITH, "with")

typedef enum js_tok {
#define JS_X_ENUM(id, text) JS_T_##id,
    JS_TOKENS(JS_X_ENUM)
#undef JS_X_ENUM
    JS_T_COUNT
} js_tok;

#define JS_T_FIRST_KEYWORD JS_T_BREAK

/* Words that matter in some contexts only: X(ENUM_SUFFIX, "spelling"). */
#define JS_WORDS(X)                                                                             \
    X(LET, "let") X(STATIC, "static") X(YIELD, "yield") X(AWAIT, "await") X(ASYNC, "async")     \
    X(OF, "of") X(GET, "get") X(SET, "set") X(TARGET, "target") X(META, "meta") X(FROM, "from") \
    X(AS, "as") X(EVAL, "eval") X(ARGUMENTS, "arguments") X(CONSTRUCTOR, "constructor")         \
    X(PROTOTYPE, "prototype") X(PROTO, "__proto__") X(IMPLEMENTS, "implements")                 \
    X(INTERFACE, "interface") X(PACKAGE, "package") X(PRIVATE, "private")                       \
    X(PROTECTED, "protected") X(PUBLIC, "public") X(ASSERT, "assert")

typedef enum js_word {
    JS_W_NONE,
#define JS_X_ENUM(id, text) JS_W_##id,
    JS_WORDS(JS_X_ENUM)
#undef JS_X_ENUM
    JS_W_COUNT
} js_word;

struct jsp_binding; /* parse.c's scope entries */

/* An interned name. */
typedef struct js_atom {
    const char *str;            /* NUL-terminated, in the arena */
    uint32_t len, hash;
    uint8_t keyword;            /* its js_tok if it is a reserved word, else JS_T_NAME */
    uint8_t word;               /* its js_word, or JS_W_NONE */
    struct jsp_binding *binding; /* the parser's innermost declaration of the name */
} js_atom;

typedef struct js_token {
    js_tok type;
    bool nl_before;        /* a line terminator comes between the previous token and this one */
    bool escaped;          /* a name written with \u escapes */
    bool tail;             /* TEMPLATE: the text ends the literal (` rather than ${) */
    uint32_t start, end;   /* byte offsets: [start, end) */
    uint32_t line, col;    /* of start, 1-based; col in code points */
    js_atom *atom;         /* NAME, PRIVATE_NAME (without the #), reserved words */
    double number;         /* NUMBER */
    js_text str;           /* STRING: the value; TEMPLATE: cooked value (chars NULL when an
                            * escape is invalid); BIGINT: the digits; REGEX: the pattern */
    js_text raw;           /* TEMPLATE: raw text; REGEX: the flags */
    uint32_t legacy;       /* NUMBER, STRING: 1 + offset of a legacy octal literal or escape, or
                            * of \8 \9; 0 if none (an error in strict code) */
    const char *legacy_msg;/* the message for it */
    uint32_t bad_escape;   /* TEMPLATE: 1 + offset of the first invalid escape, or 0 */
    const char *bad_escape_msg;
} js_token;

typedef struct js_lex_error {
    size_t offset;
    char message[200];
} js_lex_error;

/* What the copies of a lexer share (a copy is made to look ahead): the atom table, the
 * scratch buffer for decoding, and the way out on errors.  Zero it, then set up `fail` with
 * setjmp before scanning. */
typedef struct js_lex_shared {
    js_atom **slots;       /* the atom table: open addressing, power-of-two size */
    size_t cap, count;
    char *buf;             /* scratch (malloc) */
    size_t buf_cap;
    js_lex_error error;
    jmp_buf fail;
} js_lex_shared;

typedef struct js_lexer {
    const char *src;
    size_t len, pos;       /* pos: where the next scan starts */
    uint32_t line;         /* line of pos */
    size_t line_start;     /* offset of that line's first byte */
    size_t non_ascii;      /* the first byte >= 0x80 at or after line_start (len if none) */
    size_t col_line_start; /* column cache: col_col is the column of col_pos, on the line that */
    size_t col_pos;        /* starts at col_line_start */
    uint32_t col_col;
    bool nl;               /* a line terminator was skipped since the last token */
    bool html_comments;    /* <!-- and --> start comments (scripts); an error in modules */
    js_token tok;          /* the current token */
    ls_arena *arena;
    js_lex_shared *sh;
    js_atom *words[JS_W_COUNT];
} js_lexer;

/* Sets up a lexer over src[0..len) (len < 4 GiB) with the caller's zeroed `sh`, and interns
 * the reserved and contextual words (which may fail: set up sh->fail first).  Does not scan:
 * call js_lex_next for the first token.  A hashbang line (#!) at the start is a comment. */
void js_lex_init(js_lexer *L, js_lex_shared *sh, ls_arena *arena, const char *src, size_t len);
/* Frees what sh holds outside the arena (the atoms themselves are in the arena). */
void js_lex_free(js_lex_shared *sh);

/* Scans the next token into L->tok. */
void js_lex_next(js_lexer *L);
/* The current token is `/` or `/=` where an expression starts: scans it as a regular
 * expression literal instead. */
void js_lex_regex(js_lexer *L);
/* The current token is the `}` that ends a template substitution: scans the template's next
 * part from there (a TEMPLATE token). */
void js_lex_template(js_lexer *L);

/* Interns len bytes. */
js_atom *js_lex_intern(js_lexer *L, const char *s, size_t len);
/* The line and column (1-based, column in code points) of an offset. */
void js_lex_position(const js_lexer *L, size_t offset, uint32_t *line, uint32_t *col);
/* Stops with a SyntaxError at `offset`. */
_Noreturn void js_lex_fail(js_lexer *L, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The text used in messages for a token type: "(", "if", "identifier". */
const char *js_tok_text(js_tok type);

#endif
