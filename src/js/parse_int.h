/* parse_int.h - what the two halves of the parser share: parse.c (the driver, tokens, nodes,
 * scopes and labels, statements and modules) and parse_expr.c (expressions, functions, classes
 * and patterns).  Private to src/js; see parse.c for the design.
 */
#ifndef LOOPSIM_JS_PARSE_INT_H
#define LOOPSIM_JS_PARSE_INT_H

#include "lex.h"
#include "parse.h"
#include "xalloc.h"

/* Scope flags.  A scope is a block, a function, a class body, a field initializer...; the
 * "var scope" of a point is the innermost scope with SC_VAR: where `var` declarations go, and
 * what decides whether await, yield, return, super and new.target are allowed there. */
enum {
    SC_TOP = 1 << 0,          /* the script or module */
    SC_FUNCTION = 1 << 1,
    SC_ASYNC = 1 << 2,
    SC_GENERATOR = 1 << 3,
    SC_ARROW = 1 << 4,
    SC_SIMPLE_CATCH = 1 << 5, /* catch (e): `var e` in its body is allowed */
    SC_SUPER = 1 << 6,        /* super.x allowed: methods, field initializers, static blocks */
    SC_DIRECT_SUPER = 1 << 7, /* super() allowed: constructors of derived classes */
    SC_STATIC_BLOCK = 1 << 8,
    SC_FIELD_INIT = 1 << 9,   /* a class field's initializer */
    SC_CLASS = 1 << 10,       /* a class body: holds its private names */
    SC_VAR = SC_TOP | SC_FUNCTION | SC_STATIC_BLOCK | SC_FIELD_INIT,
};

/* How a name was declared in one scope (jsp_binding.kinds). */
enum {
    B_VAR = 1 << 0,        /* var and parameters (recorded in their var scope only) */
    B_LEXICAL = 1 << 1,    /* let, const, class, import, non-simple catch parameters */
    B_FUNCTION = 1 << 2,   /* sloppy function declarations in blocks (Annex B) */
    B_CATCH = 1 << 3,      /* the parameter of `catch (e)` */
    B_PARAM = 1 << 4,      /* a parameter (with B_VAR) */
    B_EXPORTED = 1 << 5,   /* top scope of a module: exported under this name */
    B_PRIV_FIELD = 1 << 6, /* class scope: private field or method */
    B_PRIV_GET = 1 << 7,   /* class scope: private getter (instance) */
    B_PRIV_SET = 1 << 8,
    B_PRIV_SGET = 1 << 9,  /* class scope: private getter (static) */
    B_PRIV_SSET = 1 << 10,
    B_PRIVATE = B_PRIV_FIELD | B_PRIV_GET | B_PRIV_SET | B_PRIV_SGET | B_PRIV_SSET,
};

/* One name in one scope.  Each atom has a stack of them, innermost scope first
 * (atom->binding), and each scope the list of its own, to pop them when it ends. */
typedef struct jsp_binding {
    js_atom *atom;
    uint32_t scope;               /* index in the scope stack */
    uint16_t kinds;               /* B_* */
    uint32_t var_time;            /* B_VAR: the parser's var_clock at the last var declaration */
    struct jsp_binding *next;     /* the same name in an outer scope */
    struct jsp_binding *in_scope; /* the next binding of the same scope */
} jsp_binding;

typedef struct {
    uint32_t flags;         /* SC_* */
    uint32_t outer_var;     /* the var scope around this one, if this is a var scope */
    uint32_t var_clock;     /* the parser's var_clock when the scope began */
    jsp_binding *bindings;
} jsp_scope;

/* The statement a label (or an unlabeled loop or switch) names. */
typedef enum { LABEL_PLAIN, LABEL_LOOP, LABEL_SWITCH } jsp_label_kind;

typedef struct {
    js_atom *name;          /* NULL: an unlabeled loop or switch, the target of plain break */
    jsp_label_kind kind;
    uint32_t stmt_start;    /* offset of the labeled statement */
} jsp_label;

/* What an expression parsed by the cover grammar leaves to decide until it is known to be a
 * pattern or an expression (acorn's DestructuringErrors); each is 1 + offset, or 0. */
typedef struct jsp_cover {
    uint32_t shorthand_assign; /* `{ a = 1 }`: a pattern only */
    uint32_t trailing_comma;   /* `[...a, b]`: an expression only (rest must be last) */
    uint32_t double_proto;     /* `{ __proto__: 1, __proto__: 2 }`: a pattern only */
} jsp_cover;

/* Where `in` is not an operator: the head of a for statement (acorn's forInit). */
typedef enum { FOR_NONE, FOR_INIT, FOR_AWAIT } jsp_for_init;

/* Where a statement is: a statement list allows declarations, the other places do not (and
 * sloppy code allows a function declaration as the body of an if or a label). */
typedef enum { CTX_LIST, CTX_IF, CTX_LABEL, CTX_IF_LABEL, CTX_OTHER } jsp_stmt_ctx;

/* How a name is being declared (or only checked, for DECL_NONE). */
typedef enum {
    DECL_NONE,      /* an assignment target */
    DECL_VAR,
    DECL_LEXICAL,
    DECL_FUNCTION,  /* Annex B block function */
    DECL_CATCH,     /* simple catch parameter */
    DECL_PARAM,     /* a parameter; duplicates are an error */
    DECL_PARAM_DUP, /* a parameter of a sloppy function with simple parameters */
    DECL_OUTSIDE    /* checked only (a function's name, once its body turned out strict) */
} jsp_decl;

/* A position: where a node starts. */
typedef struct {
    uint32_t start, line, col;
} jsp_pos;

/* A growable array (malloc) */
#define JSP_VEC(type) struct { type *items; size_t count, cap; }

#define JSP_VEC_PUSH(v, x)                                                                         \
    do {                                                                                           \
        if ((v).count == (v).cap) {                                                                \
            (v).cap = (v).cap ? 2 * (v).cap : 64;                                                  \
            (v).items = xrealloc((v).items, (v).cap * sizeof *(v).items);                          \
        }                                                                                          \
        (v).items[(v).count++] = (x);                                                              \
    } while (0)

typedef struct jsp_parser {
    js_lexer L;
    js_lex_shared sh;
    ls_arena *arena;
    bool module, allow_return;
    bool strict;
    int depth;                   /* nesting, against JS_MAX_NESTING */
    /* the token before the current one */
    uint32_t prev_start, prev_end;
    bool prev_was_await;         /* it was the name `await` (V8's message for a missing ;) */
    /* arrow functions and the cover grammar (see parse_expr.c) */
    uint32_t potential_arrow_at; /* 1 + offset of a token where an arrow function may start */
    bool potential_arrow_in_for_await;
    uint32_t yield_pos, await_pos, await_ident_pos; /* 1 + offset of the first one seen */
    /* scopes, labels, private names, exports */
    JSP_VEC(jsp_scope) scopes;
    uint32_t var_scope;          /* index of the innermost var scope */
    uint32_t var_clock;          /* counts var declarations: their timestamps */
    jsp_binding *free_bindings;
    JSP_VEC(jsp_label) labels;
    size_t label_base;           /* labels of the current function start here */
    JSP_VEC(js_node *) private_refs; /* #names used in the classes being parsed */
    int class_depth;
    JSP_VEC(js_node *) export_refs;  /* `export { x }`: x must be declared */
    js_node *pool;               /* nodes allocated but not yet used (parse.c alloc_node) */
    size_t pool_left;
    /* scratch stack of nodes for lists being built */
    JSP_VEC(js_node *) stack;
} jsp_parser;

/* ---- parse.c: infrastructure ---- */

_Noreturn void jsp_fail(jsp_parser *P, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn void jsp_unexpected(jsp_parser *P);
void jsp_enter(jsp_parser *P);
void jsp_leave(jsp_parser *P);

void jsp_next(jsp_parser *P);
void jsp_expect(jsp_parser *P, js_tok t);
bool jsp_eat_word(jsp_parser *P, js_word w);
void jsp_expect_word(jsp_parser *P, js_word w);
js_token jsp_peek(jsp_parser *P);
void jsp_semicolon(jsp_parser *P);

js_node *jsp_new_node(jsp_parser *P, js_node_type type, jsp_pos at);
js_node *jsp_copy_node(jsp_parser *P, const js_node *n);

size_t jsp_mark(const jsp_parser *P);
void jsp_push(jsp_parser *P, js_node *n);
js_list jsp_take(jsp_parser *P, size_t mark);

void jsp_scope_enter(jsp_parser *P, uint32_t flags);
void jsp_scope_exit(jsp_parser *P);
jsp_scope *jsp_var_scope(jsp_parser *P);
jsp_scope *jsp_this_scope(jsp_parser *P);
bool jsp_can_await(jsp_parser *P);
void jsp_declare(jsp_parser *P, const js_node *id, jsp_decl decl);
jsp_binding *jsp_binding_in(js_atom *atom, uint32_t scope);
jsp_binding *jsp_binding_get(jsp_parser *P, js_atom *atom, uint32_t scope);

js_atom *jsp_node_atom(jsp_parser *P, const js_node *id);
bool jsp_is_async_function(jsp_parser *P);

js_node *jsp_parse_statement(jsp_parser *P, jsp_stmt_ctx ctx, bool top_level);
/* The statements of a function body or a program up to `end` (RBRACE or EOF): the directive
 * prologue first.  Returns 1 + offset of a "use strict" directive, or 0; on_prologue runs
 * right after the prologue, with that value (the function checks its parameters there). */
uint32_t jsp_parse_body(jsp_parser *P, js_tok end,
                        void (*on_prologue)(jsp_parser *, void *, uint32_t use_strict), void *ctx);

/* ---- parse_expr.c ---- */

js_node *jsp_parse_expression(jsp_parser *P, jsp_for_init fi, jsp_cover *c);
js_node *jsp_parse_maybe_assign(jsp_parser *P, jsp_for_init fi, jsp_cover *c);
js_node *jsp_parse_expr_subscripts(jsp_parser *P, jsp_cover *c, jsp_for_init fi);
js_node *jsp_parse_paren_expression(jsp_parser *P);
js_node *jsp_parse_ident(jsp_parser *P, bool liberal);
js_node *jsp_parse_literal(jsp_parser *P);
js_node *jsp_parse_module_export_name(jsp_parser *P);
void jsp_check_unreserved(jsp_parser *P, const js_node *id);
void jsp_check_expression_errors(jsp_parser *P, const jsp_cover *c);

js_node *jsp_parse_binding_atom(jsp_parser *P);
js_node *jsp_to_assignable(jsp_parser *P, js_node *n, bool binding, const char *top_msg,
                           jsp_cover *c);
/* Checks (and for a declaration declares) the names of a pattern; msg: for an invalid target at
 * its top (DECL_NONE). */
void jsp_check_lval_pattern(jsp_parser *P, js_node *n, jsp_decl decl, const char *msg);

/* `function` has been consumed; n is a FunctionDeclaration or FunctionExpression. */
enum { FN_STATEMENT = 1, FN_HANGING = 2, FN_NULLABLE_ID = 4 };
js_node *jsp_parse_function(jsp_parser *P, js_node *n, int flags, bool is_async, jsp_for_init fi);
/* At `class`. */
js_node *jsp_parse_class(jsp_parser *P, bool is_statement, bool nullable_id);

/* ---- the small helpers every production uses, inline ---- */

static inline bool jsp_eat(jsp_parser *P, js_tok t)
{
    if (P->L.tok.type != t)
        return false;
    jsp_next(P);
    return true;
}

/* The current token is the contextual word w, written without escapes. */
static inline bool jsp_is_word(const jsp_parser *P, js_word w)
{
    const js_token *t = &P->L.tok;
    return t->type == JS_T_NAME && t->atom->word == w && !t->escaped;
}

/* A semicolon may be inserted before the current token (ECMA-262 12.10). */
static inline bool jsp_can_insert_semicolon(const jsp_parser *P)
{
    const js_token *t = &P->L.tok;
    return t->type == JS_T_EOF || t->type == JS_T_RBRACE || t->nl_before;
}

static inline jsp_pos jsp_here(const jsp_parser *P)
{
    return (jsp_pos){P->L.tok.start, P->L.tok.line, P->L.tok.col};
}

static inline jsp_pos jsp_pos_of(const js_node *n)
{
    return (jsp_pos){n->start, n->line, n->col};
}

/* The node ends with the last token consumed. */
static inline js_node *jsp_finish(jsp_parser *P, js_node *n)
{
    n->end = P->prev_end;
    return n;
}

#endif
