/* parse_expr.c - expressions, functions, classes and patterns (see parse.c for the design).
 *
 * Precedence.  Assignment, conditional and unary expressions have a function each; the binary
 * operators are parsed by precedence climbing (parse_expr_op): a loop over left-associative
 * operators, recursing only for a right operand of higher precedence, so `a + b + c` costs no
 * depth.  `**` is right-associative and may not follow a unary operator (`-a ** b` is an
 * error): it is parsed in parse_maybe_unary, like acorn.
 *
 * Cover grammar.  `(a, b)`, `[a, b]` and `{a, b}` may turn out to be arrow parameters or
 * destructuring targets only once `=>` or `=` follows them.  They are parsed as expressions
 * first, and jsp_to_assignable then rewrites the nodes in place into patterns (ObjectExpression
 * becomes ObjectPattern, SpreadElement RestElement, `a = 1` AssignmentPattern...).  What is
 * valid in one reading only is recorded while parsing and judged once the reading is known:
 *   - in a jsp_cover: `{ a = 1 }` (pattern only), `[...a, b]` (expression only), a repeated
 *     __proto__ (pattern only);
 *   - in JS_NODE_PAREN: `(a) = 1` is fine, `({a}) = 1` and `((a)) => 1` are not;
 *   - in yield_pos/await_pos/await_ident_pos: a yield or await expression, or `await` used as a
 *     name, inside what becomes parameters.
 * potential_arrow_at marks the token where an assignment expression starts: only there may a
 * name or a parenthesis begin an arrow function (`a + b => c` is not one).
 *
 * Parameters and strictness.  A function's body may make it strict ("use strict"), which
 * changes the rules for its parameters and name, parsed before: they are checked and declared
 * after the body's directive prologue (on_function_prologue), once the strictness is known.
 */
#include "parse_int.h"

#include <string.h>

static const char MSG_LHS[] = "Invalid left-hand side in assignment";
static const char MSG_TARGET[] = "Invalid destructuring assignment target";
static const char MSG_REST_LAST[] = "Rest element must be last element";
static const char MSG_REST_PARAM_LAST[] = "Rest parameter must be last formal parameter";

/* The token order matches the operators' (lex.h, ast.h). */
_Static_assert(JS_T_AMP - JS_T_EQ == JS_OP_BIT_AND - JS_OP_EQ, "binary tokens and operators");
_Static_assert(JS_T_QUESTION_QUESTION - JS_T_PIPE_PIPE == JS_OP_NULLISH - JS_OP_OR,
               "logical tokens and operators");
_Static_assert(JS_T_QUESTION_QUESTION_ASSIGN - JS_T_ASSIGN == JS_OP_NULLISH_ASSIGN - JS_OP_ASSIGN,
               "assignment tokens and operators");

static js_node *parse_maybe_unary(jsp_parser *P, jsp_cover *c, bool operand, bool inc_dec,
                                  jsp_for_init fi);
static js_node *parse_expr_atom(jsp_parser *P, jsp_cover *c, jsp_for_init fi);
static js_node *parse_subscripts(jsp_parser *P, js_node *base, jsp_pos at, bool no_calls,
                                 jsp_for_init fi);
static js_node *parse_arrow(jsp_parser *P, jsp_pos at, js_list params, bool is_async,
                           jsp_for_init fi);
static js_node *parse_method(jsp_parser *P, bool generator, bool is_async, bool direct_super);
static js_node *parse_object(jsp_parser *P, bool is_pattern, jsp_cover *c);
static js_list parse_binding_list(jsp_parser *P, js_tok close, bool holes, bool params);
static void check_lval_simple(jsp_parser *P, js_node *n, jsp_decl decl, const char *msg);
static void check_lval_inner(jsp_parser *P, js_node *n, jsp_decl decl);

/* ---- context ---- */

static bool in_generator(jsp_parser *P)
{
    return jsp_var_scope(P)->flags & SC_GENERATOR;
}

static bool in_async(jsp_parser *P)
{
    return jsp_var_scope(P)->flags & SC_ASYNC;
}

static bool is_strict_reserved(const js_atom *a)
{
    switch (a->word) {
    case JS_W_IMPLEMENTS: case JS_W_INTERFACE: case JS_W_LET: case JS_W_PACKAGE:
    case JS_W_PRIVATE: case JS_W_PROTECTED: case JS_W_PUBLIC: case JS_W_STATIC: case JS_W_YIELD:
        return true;
    default:
        return false;
    }
}

/* May this name be an identifier here?  V8 calls a reserved word written with escapes an
 * escaped keyword when it is a reference, and by its usual message when it is declared. */
static void check_name(jsp_parser *P, const js_atom *a, size_t at, bool escaped, bool reference)
{
    const char *msg = NULL;
    if (a->keyword != JS_T_NAME)
        msg = "Unexpected token '%s'";
    else if (P->strict && is_strict_reserved(a))
        msg = "Unexpected strict mode reserved word";
    else if (a->word == JS_W_YIELD && in_generator(P))
        msg = "Unexpected identifier '%s'";
    else if (a->word == JS_W_AWAIT &&
             (in_async(P) || P->module || (jsp_var_scope(P)->flags & SC_STATIC_BLOCK)))
        msg = "Unexpected reserved word";
    if (msg && escaped && (reference || a->keyword != JS_T_NAME))
        jsp_fail(P, at, "Keyword must not contain escaped characters");
    if (msg)
        jsp_fail(P, at, msg, a->str); /* the messages without %s ignore the name */
    if (a->word == JS_W_ARGUMENTS && (jsp_this_scope(P)->flags & (SC_STATIC_BLOCK | SC_FIELD_INIT)))
        jsp_fail(P, at, "'arguments' is not allowed in class field initializer or static "
                       "initialization block");
}

void jsp_check_unreserved(jsp_parser *P, const js_node *id)
{
    check_name(P, jsp_node_atom(P, id), id->start, false, false);
}

/* ---- the cover grammar's pending errors ---- */

static bool has_expression_errors(const jsp_cover *c)
{
    return c && (c->shorthand_assign || c->double_proto);
}

void jsp_check_expression_errors(jsp_parser *P, const jsp_cover *c)
{
    if (!c)
        return;
    if (c->shorthand_assign)
        jsp_fail(P, c->shorthand_assign - 1, "Invalid shorthand property initializer");
    if (c->double_proto)
        jsp_fail(P, c->double_proto - 1,
                 "Duplicate __proto__ fields are not allowed in object literals");
}

static void check_pattern_errors(jsp_parser *P, const jsp_cover *c, const char *msg)
{
    if (c && c->trailing_comma)
        jsp_fail(P, c->trailing_comma - 1, "%s", msg);
}

typedef struct {
    uint32_t yield, await, await_ident;
} saved_positions;

static saved_positions positions_reset(jsp_parser *P)
{
    saved_positions s = {P->yield_pos, P->await_pos, P->await_ident_pos};
    P->yield_pos = P->await_pos = P->await_ident_pos = 0;
    return s;
}

static void positions_restore(jsp_parser *P, saved_positions s)
{
    P->yield_pos = s.yield;
    P->await_pos = s.await;
    P->await_ident_pos = s.await_ident;
}

/* After parameters: no yield or await expression among them. */
static void check_yield_await_in_params(jsp_parser *P)
{
    if (P->yield_pos && (!P->await_pos || P->yield_pos < P->await_pos))
        jsp_fail(P, P->yield_pos - 1, "Yield expression not allowed in formal parameter");
    if (P->await_pos)
        jsp_fail(P, P->await_pos - 1,
                 "Illegal await-expression in formal parameters of async function");
}

/* ---- names and literals ---- */

/* A name: liberal, any word (a property name); else an identifier, a reference or not. */
static js_node *parse_name(jsp_parser *P, bool liberal, bool reference)
{
    const js_token *t = &P->L.tok;
    if (t->type != JS_T_NAME && !(liberal && t->type >= JS_T_FIRST_KEYWORD))
        jsp_unexpected(P);
    js_node *n = jsp_new_node(P, JS_IDENTIFIER, jsp_here(P));
    n->identifier.name = t->atom->str;
    if (!liberal) {
        check_name(P, t->atom, t->start, t->escaped, reference);
        if (t->atom->word == JS_W_AWAIT && !P->await_ident_pos)
            P->await_ident_pos = t->start + 1;
    }
    jsp_next(P);
    return jsp_finish(P, n);
}

js_node *jsp_parse_ident(jsp_parser *P, bool liberal)
{
    return parse_name(P, liberal, false);
}

/* An Identifier made from a token already consumed (a contextual word that named a class
 * element). */
static js_node *ident_from_token(jsp_parser *P, const js_token *t)
{
    js_node *n = jsp_new_node(P, JS_IDENTIFIER, (jsp_pos){t->start, t->line, t->col});
    n->identifier.name = t->atom->str;
    n->end = t->end;
    return n;
}

/* An Identifier for a keyword of a meta property (`new`, `import`), which started at `at`. */
static js_node *ident_of_keyword(jsp_parser *P, jsp_pos at, const char *word)
{
    js_node *n = jsp_new_node(P, JS_IDENTIFIER, at);
    n->identifier.name = js_lex_intern(&P->L, word, strlen(word))->str;
    n->end = at.start + (uint32_t)strlen(word);
    return n;
}

static js_text source_text(jsp_parser *P, uint32_t start, uint32_t end)
{
    char *s = arena_alloc(P->arena, end - start + 1);
    memcpy(s, P->L.src + start, end - start);
    return (js_text){s, end - start};
}

js_node *jsp_parse_literal(jsp_parser *P)
{
    const js_token *t = &P->L.tok;
    js_node *n = jsp_new_node(P, JS_LITERAL, jsp_here(P));
    switch (t->type) {
    case JS_T_NUMBER:
        n->literal.kind = JS_LIT_NUMBER;
        n->literal.value.number = t->number;
        break;
    case JS_T_BIGINT:
        n->literal.kind = JS_LIT_BIGINT;
        n->literal.value.bigint = t->str.chars;
        break;
    case JS_T_STRING:
        n->literal.kind = JS_LIT_STRING;
        n->literal.value.string = t->str;
        break;
    case JS_T_REGEX:
        n->literal.kind = JS_LIT_REGEXP;
        n->literal.value.regex.pattern = t->str.chars;
        n->literal.value.regex.flags = t->raw.chars;
        break;
    case JS_T_NULL:
        n->literal.kind = JS_LIT_NULL;
        break;
    case JS_T_TRUE:
    case JS_T_FALSE:
        n->literal.kind = JS_LIT_BOOLEAN;
        n->literal.value.boolean = t->type == JS_T_TRUE;
        break;
    default:
        jsp_unexpected(P);
    }
    if (t->legacy && P->strict)
        jsp_fail(P, t->legacy - 1, "%s", t->legacy_msg);
    n->literal.raw = source_text(P, t->start, t->end);
    jsp_next(P);
    return jsp_finish(P, n);
}

/* A name in an import or export list: an identifier, a reserved word or a string. */
js_node *jsp_parse_module_export_name(jsp_parser *P)
{
    if (P->L.tok.type != JS_T_STRING)
        return jsp_parse_ident(P, true);
    const js_text *s = &P->L.tok.str;
    for (size_t i = 0; i + 1 < s->len; i++)
        if ((unsigned char)s->chars[i] == 0xED && (unsigned char)s->chars[i + 1] >= 0xA0)
            jsp_fail(P, P->L.tok.start, "Invalid module export name: contains unpaired surrogate");
    return jsp_parse_literal(P);
}

/* `#x` used in an expression: resolved against the enclosing classes when they end. */
static js_node *parse_private_ref(jsp_parser *P)
{
    const js_token *t = &P->L.tok;
    if (P->class_depth == 0)
        jsp_fail(P, t->start, "Private field '#%s' must be declared in an enclosing class",
                 t->atom->str);
    js_node *n = jsp_new_node(P, JS_PRIVATE_IDENTIFIER, jsp_here(P));
    n->identifier.name = t->atom->str;
    jsp_next(P);
    jsp_finish(P, n);
    JSP_VEC_PUSH(P->private_refs, n);
    return n;
}

/* ---- templates ---- */

static js_node *parse_template_element(jsp_parser *P, bool tagged)
{
    const js_token *t = &P->L.tok;
    if (!t->str.chars && !tagged)
        jsp_fail(P, t->bad_escape - 1, "%s", t->bad_escape_msg);
    js_node *e = jsp_new_node(P, JS_TEMPLATE_ELEMENT, (jsp_pos){t->start + 1, t->line, t->col + 1});
    e->template_element.cooked = t->str;
    e->template_element.raw = t->raw;
    e->template_element.tail = t->tail;
    e->end = t->end - (t->tail ? 1 : 2);
    return e;
}

/* At the first part of a template: `...` or `...${. */
static js_node *parse_template(jsp_parser *P, bool tagged)
{
    js_node *n = jsp_new_node(P, JS_TEMPLATE_LITERAL, jsp_here(P));
    size_t mark = jsp_mark(P);
    for (;;) {
        js_node *q = parse_template_element(P, tagged);
        jsp_push(P, q);
        if (q->template_element.tail)
            break;
        jsp_next(P);
        jsp_push(P, jsp_parse_expression(P, FOR_NONE, NULL));
        if (P->L.tok.type != JS_T_RBRACE)
            jsp_unexpected(P);
        js_lex_template(&P->L);
    }
    jsp_next(P);
    /* the stack holds quasi, expression, quasi, ..., quasi */
    size_t total = P->stack.count - mark, nq = total / 2 + 1, ne = total / 2;
    js_node **q = arena_alloc(P->arena, nq * sizeof *q);
    js_node **e = ne ? arena_alloc(P->arena, ne * sizeof *e) : NULL;
    for (size_t i = 0; i < total; i++)
        (i % 2 ? e : q)[i / 2] = P->stack.items[mark + i];
    P->stack.count = mark;
    n->template_literal.quasis = (js_list){q, nq};
    n->template_literal.expressions = (js_list){e, ne};
    return jsp_finish(P, n);
}

/* ---- expressions ---- */

js_node *jsp_parse_expression(jsp_parser *P, jsp_for_init fi, jsp_cover *c)
{
    jsp_pos at = jsp_here(P);
    js_node *e = jsp_parse_maybe_assign(P, fi, c);
    if (P->L.tok.type != JS_T_COMMA)
        return e;
    js_node *n = jsp_new_node(P, JS_SEQUENCE_EXPRESSION, at);
    size_t mark = jsp_mark(P);
    jsp_push(P, e);
    while (jsp_eat(P, JS_T_COMMA))
        jsp_push(P, jsp_parse_maybe_assign(P, fi, c));
    n->sequence.expressions = jsp_take(P, mark);
    return jsp_finish(P, n);
}

js_node *jsp_parse_paren_expression(jsp_parser *P)
{
    jsp_expect(P, JS_T_LPAREN);
    js_node *e = jsp_parse_expression(P, FOR_NONE, NULL);
    jsp_expect(P, JS_T_RPAREN);
    return e;
}

/* Can the current token start an expression?  (After `yield`: whether it has an operand.) */
static bool starts_expression(const jsp_parser *P)
{
    switch (P->L.tok.type) {
    case JS_T_NAME: case JS_T_PRIVATE_NAME: case JS_T_NUMBER: case JS_T_BIGINT:
    case JS_T_STRING: case JS_T_TEMPLATE: case JS_T_LBRACE: case JS_T_LPAREN:
    case JS_T_LBRACKET: case JS_T_PLUS: case JS_T_MINUS: case JS_T_NOT: case JS_T_TILDE:
    case JS_T_INC: case JS_T_DEC: case JS_T_SLASH: case JS_T_SLASH_ASSIGN: case JS_T_THIS:
    case JS_T_SUPER: case JS_T_FUNCTION: case JS_T_CLASS: case JS_T_NEW: case JS_T_NULL:
    case JS_T_TRUE: case JS_T_FALSE: case JS_T_TYPEOF: case JS_T_VOID: case JS_T_DELETE:
    case JS_T_IMPORT:
        return true;
    default:
        return false;
    }
}

static js_node *parse_yield(jsp_parser *P, jsp_for_init fi)
{
    if (!P->yield_pos)
        P->yield_pos = P->L.tok.start + 1;
    js_node *n = jsp_new_node(P, JS_YIELD_EXPRESSION, jsp_here(P));
    jsp_next(P);
    if (P->L.tok.type == JS_T_SEMI || jsp_can_insert_semicolon(P) ||
        (P->L.tok.type != JS_T_STAR && !starts_expression(P)))
        return jsp_finish(P, n);
    n->yield.delegate = jsp_eat(P, JS_T_STAR);
    n->yield.argument = jsp_parse_maybe_assign(P, fi, NULL);
    return jsp_finish(P, n);
}

static js_node *parse_await(jsp_parser *P, jsp_for_init fi)
{
    if (!P->await_pos)
        P->await_pos = P->L.tok.start + 1;
    js_node *n = jsp_new_node(P, JS_AWAIT_EXPRESSION, jsp_here(P));
    jsp_next(P);
    jsp_enter(P);
    n->await.argument = parse_maybe_unary(P, NULL, true, false, fi);
    jsp_leave(P);
    return jsp_finish(P, n);
}

/* An arrow function that begins the expression at `at` and is not in parentheses: nothing
 * may follow it in the same expression (no operator, call or `?`). */
static bool is_bare_arrow(const js_node *e, jsp_pos at)
{
    return e->type == JS_ARROW_FUNCTION_EXPRESSION && e->start == at.start && !e->flags;
}

static js_node *build_binary(jsp_parser *P, jsp_pos at, js_node *left, js_node *right, js_op op,
                             bool logical)
{
    if (right->type == JS_PRIVATE_IDENTIFIER)
        jsp_fail(P, right->start, "Unexpected identifier '#%s'", right->identifier.name);
    js_node *n = jsp_new_node(P, logical ? JS_LOGICAL_EXPRESSION : JS_BINARY_EXPRESSION, at);
    n->binary.operator = op;
    n->binary.left = left;
    n->binary.right = right;
    return jsp_finish(P, n);
}

/* The precedence of a binary operator token (0 if it is none) and its operator.  `**` is
 * not here: parse_maybe_unary parses it. */
static int binary_precedence(js_tok t, js_op *op)
{
    if (t >= JS_T_EQ && t <= JS_T_AMP && t != JS_T_STAR_STAR)
        *op = (js_op)(JS_OP_EQ + (t - JS_T_EQ));
    else if (t >= JS_T_PIPE_PIPE && t <= JS_T_QUESTION_QUESTION)
        *op = (js_op)(JS_OP_OR + (t - JS_T_PIPE_PIPE));
    switch (t) {
    case JS_T_PIPE_PIPE: case JS_T_QUESTION_QUESTION: return 1;
    case JS_T_AMP_AMP: return 2;
    case JS_T_PIPE: return 3;
    case JS_T_CARET: return 4;
    case JS_T_AMP: return 5;
    case JS_T_EQ: case JS_T_NE: case JS_T_STRICT_EQ: case JS_T_STRICT_NE: return 6;
    case JS_T_LT: case JS_T_LE: case JS_T_GT: case JS_T_GE: return 7;
    case JS_T_IN: *op = JS_OP_IN; return 7;
    case JS_T_INSTANCEOF: *op = JS_OP_INSTANCEOF; return 7;
    case JS_T_SHL: case JS_T_SHR: case JS_T_USHR: return 8;
    case JS_T_PLUS: case JS_T_MINUS: return 9;
    case JS_T_STAR: case JS_T_SLASH: case JS_T_PERCENT: return 10;
    default: return 0;
    }
}

/* Precedence climbing: the operators after `left` that bind tighter than min_prec. */
static js_node *parse_expr_op(jsp_parser *P, js_node *left, jsp_pos left_at, int min_prec,
                              jsp_for_init fi)
{
    for (;;) {
        js_tok t = P->L.tok.type;
        js_op op = JS_OP_EQ;
        int prec = binary_precedence(t, &op);
        if (t == JS_T_IN && fi != FOR_NONE)
            prec = 0;
        if (prec <= min_prec)
            return left;
        bool logical = t == JS_T_PIPE_PIPE || t == JS_T_AMP_AMP;
        bool coalesce = t == JS_T_QUESTION_QUESTION;
        if (coalesce)
            prec = 2; /* its right operand may not be a && or || expression */
        jsp_next(P);
        jsp_pos right_at = jsp_here(P);
        js_node *right = parse_maybe_unary(P, NULL, false, false, fi);
        right = parse_expr_op(P, right, right_at, prec, fi);
        js_tok next = P->L.tok.type;
        if ((logical && next == JS_T_QUESTION_QUESTION) ||
            (coalesce && (next == JS_T_PIPE_PIPE || next == JS_T_AMP_AMP)))
            jsp_unexpected(P);
        left = build_binary(P, left_at, left, right, op, logical || coalesce);
    }
}

static js_node *parse_expr_ops(jsp_parser *P, jsp_for_init fi, jsp_cover *c)
{
    jsp_pos at = jsp_here(P);
    js_node *e = parse_maybe_unary(P, c, false, false, fi);
    if (has_expression_errors(c) || is_bare_arrow(e, at))
        return e;
    return parse_expr_op(P, e, at, 0, fi);
}

static js_node *parse_maybe_conditional(jsp_parser *P, jsp_for_init fi, jsp_cover *c)
{
    jsp_pos at = jsp_here(P);
    js_node *e = parse_expr_ops(P, fi, c);
    if (has_expression_errors(c) || is_bare_arrow(e, at) || !jsp_eat(P, JS_T_QUESTION))
        return e;
    js_node *n = jsp_new_node(P, JS_CONDITIONAL_EXPRESSION, at);
    n->conditional.test = e;
    n->conditional.consequent = jsp_parse_maybe_assign(P, FOR_NONE, NULL);
    jsp_expect(P, JS_T_COLON);
    n->conditional.alternate = jsp_parse_maybe_assign(P, fi, NULL);
    return jsp_finish(P, n);
}

js_node *jsp_parse_maybe_assign(jsp_parser *P, jsp_for_init fi, jsp_cover *c)
{
    if (jsp_is_word(P, JS_W_YIELD) && in_generator(P))
        return parse_yield(P, fi);
    jsp_enter(P);
    jsp_cover own = {0, 0, 0};
    bool is_own = !c;
    uint32_t old_trailing = 0, old_proto = 0;
    if (c) {
        old_trailing = c->trailing_comma;
        old_proto = c->double_proto;
        c->trailing_comma = 0;
    } else {
        c = &own;
    }
    jsp_pos at = jsp_here(P);
    js_tok t = P->L.tok.type;
    if (t == JS_T_LPAREN || t == JS_T_NAME) {
        P->potential_arrow_at = P->L.tok.start + 1;
        P->potential_arrow_in_for_await = fi == FOR_AWAIT;
    }
    js_node *left = parse_maybe_conditional(P, fi, c);
    t = P->L.tok.type;
    if (t == JS_T_ARROW && left->start == at.start && left->type != JS_IDENTIFIER && !left->flags)
        jsp_fail(P, left->start, "Malformed arrow function parameter list");
    if (t < JS_T_ASSIGN || t > JS_T_QUESTION_QUESTION_ASSIGN) {
        if (is_own)
            jsp_check_expression_errors(P, c);
        if (old_trailing)
            c->trailing_comma = old_trailing;
        jsp_leave(P);
        return left;
    }
    if (is_bare_arrow(left, at))
        jsp_unexpected(P);
    js_op op = (js_op)(JS_OP_ASSIGN + (t - JS_T_ASSIGN));
    if (op == JS_OP_ASSIGN)
        left = jsp_to_assignable(P, left, false, MSG_LHS, c);
    if (!is_own)
        c->trailing_comma = c->double_proto = 0;
    if (c->shorthand_assign > left->start)
        c->shorthand_assign = 0; /* the shorthand default was in this pattern: fine */
    if (op == JS_OP_ASSIGN)
        jsp_check_lval_pattern(P, left, DECL_NONE, MSG_LHS);
    else if (op >= JS_OP_OR_ASSIGN && left->type == JS_CALL_EXPRESSION)
        jsp_fail(P, left->start, MSG_LHS); /* no legacy for &&= ||= ??= */
    else
        check_lval_simple(P, left, DECL_NONE, MSG_LHS);
    js_node *n = jsp_new_node(P, JS_ASSIGNMENT_EXPRESSION, at);
    jsp_next(P);
    n->assignment.operator = op;
    n->assignment.left = left;
    n->assignment.right = jsp_parse_maybe_assign(P, fi, NULL);
    if (old_proto)
        c->double_proto = old_proto;
    jsp_leave(P);
    return jsp_finish(P, n);
}

static bool is_prefix_operator(js_tok t, js_op *op)
{
    switch (t) {
    case JS_T_NOT: *op = JS_OP_NOT; return true;
    case JS_T_TILDE: *op = JS_OP_BIT_NOT; return true;
    case JS_T_PLUS: *op = JS_OP_PLUS; return true;
    case JS_T_MINUS: *op = JS_OP_NEG; return true;
    case JS_T_TYPEOF: *op = JS_OP_TYPEOF; return true;
    case JS_T_VOID: *op = JS_OP_VOID; return true;
    case JS_T_DELETE: *op = JS_OP_DELETE; return true;
    case JS_T_INC: *op = JS_OP_INC; return true;
    case JS_T_DEC: *op = JS_OP_DEC; return true;
    default: return false;
    }
}

static bool is_private_access(const js_node *n)
{
    if (n->type == JS_CHAIN_EXPRESSION)
        return is_private_access(n->chain.expression);
    return n->type == JS_MEMBER_EXPRESSION &&
           n->member.property->type == JS_PRIVATE_IDENTIFIER;
}

/* A prefix operator at `at`, its token current. */
static js_node *parse_prefix(jsp_parser *P, js_op op, jsp_for_init fi)
{
    bool update = op == JS_OP_INC || op == JS_OP_DEC;
    js_node *n = jsp_new_node(P, update ? JS_UPDATE_EXPRESSION : JS_UNARY_EXPRESSION, jsp_here(P));
    jsp_next(P);
    jsp_enter(P);
    js_node *arg = parse_maybe_unary(P, NULL, true, update, fi);
    jsp_leave(P);
    if (update) {
        n->update.operator = op;
        n->update.prefix = true;
        n->update.argument = arg;
        check_lval_simple(P, arg, DECL_NONE,
                          "Invalid left-hand side expression in prefix operation");
        return jsp_finish(P, n);
    }
    if (op == JS_OP_DELETE && P->strict && arg->type == JS_IDENTIFIER)
        jsp_fail(P, arg->start, "Delete of an unqualified identifier in strict mode.");
    if (op == JS_OP_DELETE && is_private_access(arg)) {
        const js_node *m = arg->type == JS_CHAIN_EXPRESSION ? arg->chain.expression : arg;
        jsp_fail(P, m->member.property->start, "Private fields can not be deleted");
    }
    n->unary.operator = op;
    n->unary.argument = arg;
    return jsp_finish(P, n);
}

/* Unary and update expressions, and `**`.  `operand`: this is the operand of a unary
 * operator, which leaves a following `**` to the operator's level (an error there). */
static js_node *parse_maybe_unary(jsp_parser *P, jsp_cover *c, bool operand, bool inc_dec,
                                  jsp_for_init fi)
{
    jsp_pos at = jsp_here(P);
    js_tok t = P->L.tok.type;
    js_op op;
    js_node *e;
    bool unary = false;
    if (jsp_is_word(P, JS_W_AWAIT) && jsp_can_await(P)) {
        e = parse_await(P, fi);
        unary = true;
    } else if (is_prefix_operator(t, &op)) {
        jsp_check_expression_errors(P, c);
        e = parse_prefix(P, op, fi);
        unary = e->type == JS_UNARY_EXPRESSION;
    } else if (!operand && t == JS_T_PRIVATE_NAME) {
        if (fi != FOR_NONE)
            jsp_unexpected(P);
        e = parse_private_ref(P);
        if (P->L.tok.type != JS_T_IN)
            jsp_unexpected(P);
    } else {
        e = jsp_parse_expr_subscripts(P, c, fi);
        if (has_expression_errors(c))
            return e;
        while ((P->L.tok.type == JS_T_INC || P->L.tok.type == JS_T_DEC) && !P->L.tok.nl_before) {
            js_node *n = jsp_new_node(P, JS_UPDATE_EXPRESSION, at);
            n->update.operator = P->L.tok.type == JS_T_INC ? JS_OP_INC : JS_OP_DEC;
            n->update.argument = e;
            check_lval_simple(P, e, DECL_NONE,
                              "Invalid left-hand side expression in postfix operation");
            jsp_next(P);
            e = jsp_finish(P, n);
        }
    }
    if (!inc_dec && P->L.tok.type == JS_T_STAR_STAR) {
        if (unary)
            jsp_fail(P, at.start, "Unary operator used immediately before exponentiation "
                                 "expression. Parenthesis must be used to disambiguate operator "
                                 "precedence");
        if (!operand) {
            jsp_next(P);
            jsp_enter(P);
            js_node *right = parse_maybe_unary(P, NULL, false, false, fi);
            jsp_leave(P);
            e = build_binary(P, at, e, right, JS_OP_EXP, false);
        }
    }
    return e;
}

js_node *jsp_parse_expr_subscripts(jsp_parser *P, jsp_cover *c, jsp_for_init fi)
{
    jsp_pos at = jsp_here(P);
    js_node *e = parse_expr_atom(P, c, fi);
    if (e->type == JS_ARROW_FUNCTION_EXPRESSION && !e->flags)
        return e;
    e = parse_subscripts(P, e, at, false, fi);
    if (c && e->type == JS_MEMBER_EXPRESSION && c->trailing_comma > e->start)
        c->trailing_comma = 0; /* `[...a, b].c = 1`: the array is an expression there */
    return e;
}

/* Arguments and array elements up to `close`.  holes: `[a, , b]`; call: V8's message when a
 * comma is missing. */
static js_list parse_expr_list(jsp_parser *P, js_tok close, bool holes, bool call, jsp_cover *c)
{
    size_t mark = jsp_mark(P);
    for (bool first = true; !jsp_eat(P, close); first = false) {
        if (!first) {
            if (P->L.tok.type != JS_T_COMMA && call)
                jsp_fail(P, P->L.tok.start, "missing ) after argument list");
            jsp_expect(P, JS_T_COMMA);
            if (jsp_eat(P, close))
                break;
        }
        js_node *el = NULL;
        if (P->L.tok.type == JS_T_ELLIPSIS) {
            el = jsp_new_node(P, JS_SPREAD_ELEMENT, jsp_here(P));
            jsp_next(P);
            el->spread.argument = jsp_parse_maybe_assign(P, FOR_NONE, c);
            jsp_finish(P, el);
            if (c && P->L.tok.type == JS_T_COMMA && !c->trailing_comma)
                c->trailing_comma = el->start + 1;
        } else if (!(holes && P->L.tok.type == JS_T_COMMA)) {
            el = jsp_parse_maybe_assign(P, FOR_NONE, c);
        }
        jsp_push(P, el);
    }
    return jsp_take(P, mark);
}

/* The message for a comma after a rest element among `async (...)`'s arguments: the
 * arguments' own rest is a parameter, an inner one an element. */
static const char *rest_param_msg(const js_list *args, const jsp_cover *c)
{
    for (size_t i = 0; i < args->count; i++)
        if (args->items[i]->start + 1 == c->trailing_comma)
            return MSG_REST_PARAM_LAST;
    return MSG_REST_LAST;
}

/* One member access, call or tagged template after `base`, or base itself if none follows. */
static js_node *parse_subscript(jsp_parser *P, js_node *base, jsp_pos at, bool no_calls,
                                bool maybe_async_arrow, bool chained, jsp_for_init fi)
{
    bool optional = jsp_eat(P, JS_T_QUESTION_DOT);
    if (optional && no_calls)
        jsp_fail(P, P->prev_start, "Invalid optional chain from new expression");
    if (optional && base->type == JS_SUPER)
        jsp_fail(P, P->prev_start, "Invalid optional chain from super property");
    js_tok t = P->L.tok.type;
    bool computed = jsp_eat(P, JS_T_LBRACKET);
    if (computed || (optional && t != JS_T_LPAREN && t != JS_T_TEMPLATE) || jsp_eat(P, JS_T_DOT)) {
        js_node *n = jsp_new_node(P, JS_MEMBER_EXPRESSION, at);
        n->member.object = base;
        if (computed) {
            n->member.property = jsp_parse_expression(P, FOR_NONE, NULL);
            jsp_expect(P, JS_T_RBRACKET);
        } else if (P->L.tok.type == JS_T_PRIVATE_NAME) {
            if (base->type == JS_SUPER)
                jsp_fail(P, P->L.tok.start, "Unexpected private field");
            n->member.property = parse_private_ref(P);
        } else {
            n->member.property = jsp_parse_ident(P, true);
        }
        n->member.computed = computed;
        n->member.optional = optional;
        return jsp_finish(P, n);
    }
    if (!no_calls && jsp_eat(P, JS_T_LPAREN)) {
        saved_positions saved = positions_reset(P);
        jsp_cover c = {0, 0, 0};
        js_list args = parse_expr_list(P, JS_T_RPAREN, false, true, &c);
        if (maybe_async_arrow && !optional && !jsp_can_insert_semicolon(P) &&
            P->L.tok.type == JS_T_ARROW) {
            check_pattern_errors(P, &c, rest_param_msg(&args, &c));
            check_yield_await_in_params(P);
            if (P->await_ident_pos)
                jsp_fail(P, P->await_ident_pos - 1,
                         "'await' is not a valid identifier name in an async function");
            positions_restore(P, saved);
            jsp_next(P);
            return parse_arrow(P, at, args, true, fi);
        }
        jsp_check_expression_errors(P, &c);
        P->yield_pos = saved.yield ? saved.yield : P->yield_pos;
        P->await_pos = saved.await ? saved.await : P->await_pos;
        P->await_ident_pos = saved.await_ident ? saved.await_ident : P->await_ident_pos;
        js_node *n = jsp_new_node(P, JS_CALL_EXPRESSION, at);
        n->call.callee = base;
        n->call.arguments = args;
        n->call.optional = optional;
        return jsp_finish(P, n);
    }
    if (P->L.tok.type == JS_T_TEMPLATE) {
        if (optional || chained)
            jsp_fail(P, P->L.tok.start, "Invalid tagged template on optional chain");
        js_node *n = jsp_new_node(P, JS_TAGGED_TEMPLATE_EXPRESSION, at);
        n->tagged_template.tag = base;
        n->tagged_template.quasi = parse_template(P, true);
        return jsp_finish(P, n);
    }
    return base;
}

static bool is_optional_link(const js_node *n)
{
    return (n->type == JS_MEMBER_EXPRESSION && n->member.optional) ||
           (n->type == JS_CALL_EXPRESSION && n->call.optional);
}

/* The member accesses, calls and tagged templates after `base`; an optional chain among them
 * is wrapped in a ChainExpression, as ESTree does. */
static js_node *parse_subscripts(jsp_parser *P, js_node *base, jsp_pos at, bool no_calls,
                                 jsp_for_init fi)
{
    bool maybe_async_arrow = base->type == JS_IDENTIFIER && !base->flags &&
                             base->end - base->start == 5 &&
                             base->identifier.name == P->L.words[JS_W_ASYNC]->str &&
                             P->prev_end == base->end && !jsp_can_insert_semicolon(P) &&
                             P->potential_arrow_at == base->start + 1;
    bool chained = false;
    for (;;) {
        js_node *el = parse_subscript(P, base, at, no_calls, maybe_async_arrow, chained, fi);
        maybe_async_arrow = false;
        chained |= is_optional_link(el);
        if (el == base || el->type == JS_ARROW_FUNCTION_EXPRESSION) {
            if (!chained)
                return el;
            js_node *chain = jsp_new_node(P, JS_CHAIN_EXPRESSION, at);
            chain->chain.expression = el;
            chain->end = el->end;
            return chain;
        }
        base = el;
    }
}

/* `(...)`: a parenthesized expression, or the parameters of an arrow function. */
static js_node *parse_paren(jsp_parser *P, bool can_be_arrow, jsp_for_init fi)
{
    jsp_pos at = jsp_here(P);
    jsp_next(P);
    jsp_pos inner = jsp_here(P);
    size_t mark = jsp_mark(P);
    jsp_cover c = {0, 0, 0};
    uint32_t old_yield = P->yield_pos, old_await = P->await_pos, rest_at = 0;
    P->yield_pos = P->await_pos = 0;
    bool trailing_comma = false;
    for (bool first = true; P->L.tok.type != JS_T_RPAREN; first = false) {
        if (!first) {
            jsp_expect(P, JS_T_COMMA);
            if (P->L.tok.type == JS_T_RPAREN) {
                trailing_comma = true;
                break;
            }
        }
        if (P->L.tok.type == JS_T_ELLIPSIS) {
            rest_at = P->L.tok.start + 1;
            js_node *rest = jsp_new_node(P, JS_REST_ELEMENT, jsp_here(P));
            jsp_next(P);
            rest->rest.argument = jsp_parse_binding_atom(P);
            jsp_push(P, jsp_finish(P, rest));
            if (P->L.tok.type == JS_T_COMMA)
                jsp_fail(P, rest->rest.argument->start, MSG_REST_PARAM_LAST);
            if (P->L.tok.type == JS_T_ASSIGN)
                jsp_fail(P, P->L.tok.start, "Rest parameter may not have a default initializer");
            break;
        }
        jsp_push(P, jsp_parse_maybe_assign(P, FOR_NONE, &c));
    }
    uint32_t inner_end = P->prev_end;
    jsp_expect(P, JS_T_RPAREN);
    if (P->L.tok.type == JS_T_ARROW && (!can_be_arrow || jsp_can_insert_semicolon(P)))
        jsp_unexpected(P); /* `()\n=> x` */
    if (P->L.tok.type == JS_T_ARROW) {
        check_pattern_errors(P, &c, MSG_REST_LAST);
        check_yield_await_in_params(P);
        P->yield_pos = old_yield;
        P->await_pos = old_await;
        jsp_next(P);
        return parse_arrow(P, at, jsp_take(P, mark), false, fi);
    }
    size_t count = P->stack.count - mark;
    if (count == 0 || trailing_comma)
        jsp_fail(P, P->prev_start, "Unexpected token ')'");
    if (rest_at)
        jsp_fail(P, rest_at - 1, "Unexpected token '...'");
    jsp_check_expression_errors(P, &c);
    P->yield_pos = old_yield ? old_yield : P->yield_pos;
    P->await_pos = old_await ? old_await : P->await_pos;
    js_node *e;
    if (count > 1) {
        e = jsp_new_node(P, JS_SEQUENCE_EXPRESSION, inner);
        e->sequence.expressions = jsp_take(P, mark);
        e->end = inner_end;
    } else {
        e = P->stack.items[mark];
        P->stack.count = mark;
    }
    e->flags |= JS_NODE_PAREN;
    return e;
}

/* One node as a list (the parameter of `x => ...`). */
static js_list list_of(jsp_parser *P, js_node *n)
{
    size_t mark = jsp_mark(P);
    jsp_push(P, n);
    return jsp_take(P, mark);
}

/* A name at the start of an expression: an identifier, or `async function`, `x => ...`,
 * `async x => ...`. */
static js_node *parse_name_atom(jsp_parser *P, jsp_for_init fi)
{
    jsp_pos at = jsp_here(P);
    const js_token *t = &P->L.tok;
    bool is_async = t->atom->word == JS_W_ASYNC && !t->escaped;
    bool can_be_arrow = P->potential_arrow_at == t->start + 1;
    js_node *id = parse_name(P, false, true);
    if (is_async && !jsp_can_insert_semicolon(P) && P->L.tok.type == JS_T_FUNCTION) {
        js_node *f = jsp_new_node(P, JS_FUNCTION_EXPRESSION, at);
        jsp_next(P);
        return jsp_parse_function(P, f, 0, true, fi);
    }
    if (!can_be_arrow || jsp_can_insert_semicolon(P))
        return id;
    if (jsp_eat(P, JS_T_ARROW))
        return parse_arrow(P, at, list_of(P, id), false, fi);
    /* `async of`: in `for (async of x)` the left side, not an arrow (unless `=>` follows) */
    bool for_of = jsp_is_word(P, JS_W_OF) &&
                  (P->potential_arrow_in_for_await ||
                   (fi != FOR_NONE && jsp_peek(P).type != JS_T_ARROW));
    if (is_async && P->L.tok.type == JS_T_NAME && !for_of) {
        id = jsp_parse_ident(P, false);
        if (jsp_can_insert_semicolon(P) || !jsp_eat(P, JS_T_ARROW))
            jsp_unexpected(P);
        return parse_arrow(P, at, list_of(P, id), true, fi);
    }
    return id;
}

static js_node *parse_super(jsp_parser *P)
{
    jsp_scope *s = jsp_this_scope(P);
    js_node *n = jsp_new_node(P, JS_SUPER, jsp_here(P));
    if (!(s->flags & SC_SUPER))
        jsp_fail(P, n->start, "'super' keyword unexpected here");
    jsp_next(P);
    js_tok t = P->L.tok.type;
    if ((t == JS_T_LPAREN && !(s->flags & SC_DIRECT_SUPER)) ||
        (t != JS_T_LPAREN && t != JS_T_DOT && t != JS_T_LBRACKET && t != JS_T_QUESTION_DOT))
        jsp_fail(P, n->start, "'super' keyword unexpected here");
    return jsp_finish(P, n);
}

/* `new.target` or `import.meta`: `word` is the keyword, at `at`, and the dot is current. */
static js_node *parse_meta_property(jsp_parser *P, jsp_pos at, const char *word, js_word property)
{
    js_node *n = jsp_new_node(P, JS_META_PROPERTY, at);
    n->meta_property.meta = ident_of_keyword(P, at, word);
    jsp_next(P);
    bool escaped = P->L.tok.escaped;
    js_node *prop = n->meta_property.property = jsp_parse_ident(P, true);
    const char *expected = P->L.words[property]->str;
    if (prop->identifier.name != expected)
        jsp_fail(P, prop->start, "Unexpected identifier '%s'", prop->identifier.name);
    if (escaped)
        jsp_fail(P, at.start, "'%s.%s' must not contain escaped characters", word, expected);
    return jsp_finish(P, n);
}

static js_node *parse_new(jsp_parser *P)
{
    jsp_enter(P);
    jsp_pos at = jsp_here(P);
    jsp_next(P);
    if (P->L.tok.type == JS_T_DOT) {
        js_node *n = parse_meta_property(P, at, "new", JS_W_TARGET);
        uint32_t f = jsp_this_scope(P)->flags;
        bool commonjs_top = (f & SC_TOP) && P->allow_return && !P->module;
        if (!(f & (SC_FUNCTION | SC_STATIC_BLOCK | SC_FIELD_INIT)) && !commonjs_top)
            jsp_fail(P, at.start, "new.target expression is not allowed here");
        jsp_leave(P);
        return n;
    }
    if (P->L.tok.type == JS_T_IMPORT && jsp_peek(P).type == JS_T_LPAREN)
        jsp_fail(P, P->L.tok.start, "Cannot use new with import");
    js_node *n = jsp_new_node(P, JS_NEW_EXPRESSION, at);
    jsp_pos callee_at = jsp_here(P);
    n->call.callee = parse_subscripts(P, parse_expr_atom(P, NULL, FOR_NONE), callee_at, true,
                                      FOR_NONE);
    if (jsp_eat(P, JS_T_LPAREN))
        n->call.arguments = parse_expr_list(P, JS_T_RPAREN, false, true, NULL);
    jsp_leave(P);
    return jsp_finish(P, n);
}

/* `import(...)` or `import.meta`. */
static js_node *parse_import_expr(jsp_parser *P)
{
    jsp_pos at = jsp_here(P);
    jsp_next(P);
    if (P->L.tok.type == JS_T_DOT) {
        js_node *n = parse_meta_property(P, at, "import", JS_W_META);
        if (!P->module)
            jsp_fail(P, n->meta_property.property->start,
                     "Cannot use 'import.meta' outside a module");
        return n;
    }
    if (P->L.tok.type != JS_T_LPAREN && !P->module)
        jsp_fail(P, at.start, "Cannot use import statement outside a module");
    jsp_expect(P, JS_T_LPAREN);
    if (P->L.tok.type == JS_T_RPAREN)
        jsp_fail(P, P->L.tok.start, "import() requires a specifier");
    js_node *n = jsp_new_node(P, JS_IMPORT_EXPRESSION, at);
    n->import_expression.source = jsp_parse_maybe_assign(P, FOR_NONE, NULL);
    if (jsp_eat(P, JS_T_COMMA) && P->L.tok.type != JS_T_RPAREN) {
        n->import_expression.options = jsp_parse_maybe_assign(P, FOR_NONE, NULL);
        jsp_eat(P, JS_T_COMMA);
    }
    jsp_expect(P, JS_T_RPAREN);
    return jsp_finish(P, n);
}

static js_node *parse_expr_atom(jsp_parser *P, jsp_cover *c, jsp_for_init fi)
{
    js_tok t = P->L.tok.type;
    if (t == JS_T_SLASH || t == JS_T_SLASH_ASSIGN) {
        js_lex_regex(&P->L);
        t = JS_T_REGEX;
    }
    js_node *n;
    switch (t) {
    case JS_T_NAME:
        return parse_name_atom(P, fi);
    case JS_T_SUPER:
        return parse_super(P);
    case JS_T_THIS:
        n = jsp_new_node(P, JS_THIS_EXPRESSION, jsp_here(P));
        jsp_next(P);
        return jsp_finish(P, n);
    case JS_T_REGEX: case JS_T_NUMBER: case JS_T_BIGINT: case JS_T_STRING: case JS_T_NULL:
    case JS_T_TRUE: case JS_T_FALSE:
        return jsp_parse_literal(P);
    case JS_T_LPAREN:
        return parse_paren(P, P->potential_arrow_at == P->L.tok.start + 1, fi);
    case JS_T_LBRACKET:
        n = jsp_new_node(P, JS_ARRAY_EXPRESSION, jsp_here(P));
        jsp_next(P);
        n->array.elements = parse_expr_list(P, JS_T_RBRACKET, true, false, c);
        return jsp_finish(P, n);
    case JS_T_LBRACE:
        return parse_object(P, false, c);
    case JS_T_FUNCTION:
        n = jsp_new_node(P, JS_FUNCTION_EXPRESSION, jsp_here(P));
        jsp_next(P);
        return jsp_parse_function(P, n, 0, false, fi);
    case JS_T_CLASS:
        return jsp_parse_class(P, false, false);
    case JS_T_NEW:
        return parse_new(P);
    case JS_T_TEMPLATE:
        return parse_template(P, false);
    case JS_T_IMPORT:
        return parse_import_expr(P);
    default:
        jsp_unexpected(P);
    }
}

/* ---- object literals and patterns ---- */

/* A property name: an identifier or reserved word, a string or number, or `[expression]`. */
static js_node *parse_property_name(jsp_parser *P, bool *computed)
{
    js_tok t = P->L.tok.type;
    *computed = t == JS_T_LBRACKET;
    if (*computed) {
        jsp_next(P);
        js_node *key = jsp_parse_maybe_assign(P, FOR_NONE, NULL);
        jsp_expect(P, JS_T_RBRACKET);
        return key;
    }
    if (t == JS_T_NUMBER || t == JS_T_STRING || t == JS_T_BIGINT)
        return jsp_parse_literal(P);
    return jsp_parse_ident(P, true);
}

/* Does `key` (not computed) spell `word`? */
static bool key_is(jsp_parser *P, const js_node *key, bool computed, js_word word)
{
    if (computed)
        return false;
    const js_atom *a = P->L.words[word];
    if (key->type == JS_IDENTIFIER)
        return key->identifier.name == a->str;
    return key->type == JS_LITERAL && key->literal.kind == JS_LIT_STRING &&
           key->literal.value.string.len == a->len &&
           memcmp(key->literal.value.string.chars, a->str, a->len) == 0;
}

/* Getters take no parameter, setters one (not a rest parameter). */
static void check_accessor(jsp_parser *P, const js_node *fn, bool is_getter)
{
    const js_list *params = &fn->function.params;
    if (is_getter && params->count != 0)
        jsp_fail(P, fn->start, "Getter must not have any formal parameters.");
    if (!is_getter && params->count != 1)
        jsp_fail(P, fn->start, "Setter must have exactly one formal parameter.");
    if (!is_getter && params->items[0]->type == JS_REST_ELEMENT)
        jsp_fail(P, fn->start, "Setter function argument must not be a rest parameter");
}

/* Can a class element's or property's name start here? */
static bool element_name_starts(const jsp_parser *P)
{
    js_tok t = P->L.tok.type;
    return t == JS_T_NAME || t == JS_T_PRIVATE_NAME || t == JS_T_NUMBER || t == JS_T_BIGINT ||
           t == JS_T_STRING || t == JS_T_LBRACKET || t >= JS_T_FIRST_KEYWORD;
}

/* get, set or async: a word that modifies a method when written without escapes. */
static bool is_modifier_word(jsp_parser *P, const js_node *key)
{
    return key_is(P, key, false, JS_W_GET) || key_is(P, key, false, JS_W_SET) ||
           key_is(P, key, false, JS_W_ASYNC);
}

/* After an object literal's `async`: is it the modifier of a method? */
static bool is_async_method(jsp_parser *P, const js_node *key, bool computed, bool escaped)
{
    if (escaped || !key_is(P, key, computed, JS_W_ASYNC) || P->L.tok.nl_before)
        return false;
    js_tok t = P->L.tok.type;
    return t == JS_T_NAME || t == JS_T_NUMBER || t == JS_T_STRING || t == JS_T_BIGINT ||
           t == JS_T_LBRACKET || t == JS_T_STAR || t >= JS_T_FIRST_KEYWORD;
}

/* `a` or `a = 1` in an object literal or pattern, at the token after the name. */
static void parse_shorthand(jsp_parser *P, js_node *prop, bool is_pattern, jsp_cover *c,
                            bool escaped)
{
    js_node *key = prop->property.key;
    js_atom *a = jsp_node_atom(P, key);
    check_name(P, a, key->start, escaped, true);
    if (a->word == JS_W_AWAIT && !P->await_ident_pos)
        P->await_ident_pos = key->start + 1;
    js_node *value = jsp_copy_node(P, key);
    if (P->L.tok.type == JS_T_ASSIGN && (is_pattern || c)) {
        if (!is_pattern && !c->shorthand_assign)
            c->shorthand_assign = key->start + 1;
        jsp_next(P);
        js_node *d = jsp_new_node(P, JS_ASSIGNMENT_PATTERN, jsp_pos_of(key));
        d->assignment_pattern.left = value;
        d->assignment_pattern.right = jsp_parse_maybe_assign(P, FOR_NONE, NULL);
        value = jsp_finish(P, d);
    }
    prop->property.value = value;
    prop->property.shorthand = true;
}

static void parse_property_value(jsp_parser *P, js_node *prop, bool is_pattern, bool generator,
                                 bool is_async, jsp_cover *c, bool escaped)
{
    js_node *key = prop->property.key;
    bool computed = prop->property.computed;
    js_tok t = P->L.tok.type;
    if ((generator || is_async) && t == JS_T_COLON)
        jsp_unexpected(P);
    if (jsp_eat(P, JS_T_COLON)) {
        if (is_pattern) {
            jsp_pos at = jsp_here(P);
            js_node *target = jsp_parse_binding_atom(P);
            if (jsp_eat(P, JS_T_ASSIGN)) {
                js_node *d = jsp_new_node(P, JS_ASSIGNMENT_PATTERN, at);
                d->assignment_pattern.left = target;
                d->assignment_pattern.right = jsp_parse_maybe_assign(P, FOR_NONE, NULL);
                target = jsp_finish(P, d);
            }
            prop->property.value = target;
        } else {
            prop->property.value = jsp_parse_maybe_assign(P, FOR_NONE, c);
        }
    } else if (t == JS_T_LPAREN) {
        if (is_pattern)
            jsp_unexpected(P);
        prop->property.method = true;
        prop->property.value = parse_method(P, generator, is_async, false);
    } else if (!is_pattern && !escaped && (key_is(P, key, computed, JS_W_GET) ||
                                           key_is(P, key, computed, JS_W_SET)) &&
               key->type == JS_IDENTIFIER && t != JS_T_COMMA && t != JS_T_RBRACE &&
               t != JS_T_ASSIGN) {
        if (generator || is_async)
            jsp_unexpected(P);
        bool getter = key_is(P, key, computed, JS_W_GET);
        prop->property.kind = getter ? JS_PROP_GET : JS_PROP_SET;
        prop->property.key = parse_property_name(P, &prop->property.computed);
        prop->property.value = parse_method(P, false, false, false);
        check_accessor(P, prop->property.value, getter);
    } else if (!computed && key->type == JS_IDENTIFIER) {
        if (generator || is_async)
            jsp_unexpected(P);
        if (escaped && is_modifier_word(P, key) && (element_name_starts(P) || t == JS_T_STAR))
            jsp_fail(P, key->start, "Keyword must not contain escaped characters");
        parse_shorthand(P, prop, is_pattern, c, escaped);
    } else if (computed) {
        jsp_fail(P, prop->start, "Unexpected token '['");
    } else if (escaped && is_modifier_word(P, key)) {
        jsp_fail(P, key->start, "Keyword must not contain escaped characters");
    } else {
        jsp_fail(P, key->start, key->literal.kind == JS_LIT_STRING ? "Unexpected string"
                                                                   : "Unexpected number");
    }
}

/* `...x` in an object literal (SpreadElement) or pattern (RestElement). */
static js_node *parse_object_rest(jsp_parser *P, bool is_pattern, jsp_cover *c)
{
    js_node *n = jsp_new_node(P, is_pattern ? JS_REST_ELEMENT : JS_SPREAD_ELEMENT, jsp_here(P));
    jsp_next(P);
    if (is_pattern) {
        if (P->L.tok.type == JS_T_LBRACE || P->L.tok.type == JS_T_LBRACKET)
            jsp_fail(P, P->L.tok.start,
                     "`...` must be followed by an identifier in declaration contexts");
        n->rest.argument = jsp_parse_ident(P, false);
        if (P->L.tok.type == JS_T_COMMA)
            jsp_fail(P, n->start, MSG_REST_LAST);
        return jsp_finish(P, n);
    }
    n->spread.argument = jsp_parse_maybe_assign(P, FOR_NONE, c);
    if (c && P->L.tok.type == JS_T_COMMA && !c->trailing_comma)
        c->trailing_comma = n->start + 1;
    return jsp_finish(P, n);
}

static js_node *parse_property(jsp_parser *P, bool is_pattern, jsp_cover *c)
{
    if (P->L.tok.type == JS_T_ELLIPSIS)
        return parse_object_rest(P, is_pattern, c);
    js_node *prop = jsp_new_node(P, JS_PROPERTY, jsp_here(P));
    bool generator = !is_pattern && jsp_eat(P, JS_T_STAR), is_async = false;
    bool escaped = P->L.tok.escaped;
    prop->property.key = parse_property_name(P, &prop->property.computed);
    if (!is_pattern && !generator &&
        is_async_method(P, prop->property.key, prop->property.computed, escaped)) {
        is_async = true;
        generator = jsp_eat(P, JS_T_STAR);
        escaped = P->L.tok.escaped;
        prop->property.key = parse_property_name(P, &prop->property.computed);
    }
    parse_property_value(P, prop, is_pattern, generator, is_async, c, escaped);
    return jsp_finish(P, prop);
}

/* A second `__proto__: v` in an object literal: an error, unless the literal turns out to be a
 * pattern. */
static void check_proto(jsp_parser *P, const js_node *prop, bool *seen, jsp_cover *c)
{
    if (prop->type != JS_PROPERTY || prop->property.method || prop->property.shorthand ||
        prop->property.kind != JS_PROP_INIT ||
        !key_is(P, prop->property.key, prop->property.computed, JS_W_PROTO))
        return;
    if (*seen) {
        if (!c)
            jsp_fail(P, prop->property.key->start,
                     "Duplicate __proto__ fields are not allowed in object literals");
        if (!c->double_proto)
            c->double_proto = prop->property.key->start + 1;
    }
    *seen = true;
}

static js_node *parse_object(jsp_parser *P, bool is_pattern, jsp_cover *c)
{
    js_node_type type = is_pattern ? JS_OBJECT_PATTERN : JS_OBJECT_EXPRESSION;
    js_node *n = jsp_new_node(P, type, jsp_here(P));
    jsp_next(P);
    size_t mark = jsp_mark(P);
    bool seen_proto = false;
    while (!jsp_eat(P, JS_T_RBRACE)) {
        js_node *prop = parse_property(P, is_pattern, c);
        if (!is_pattern)
            check_proto(P, prop, &seen_proto, c);
        jsp_push(P, prop);
        if (P->L.tok.type != JS_T_RBRACE)
            jsp_expect(P, JS_T_COMMA);
    }
    n->object.properties = jsp_take(P, mark);
    return jsp_finish(P, n);
}

/* ---- patterns ---- */

static js_node *parse_maybe_default(jsp_parser *P, jsp_pos at, js_node *left)
{
    if (!jsp_eat(P, JS_T_ASSIGN))
        return left;
    js_node *n = jsp_new_node(P, JS_ASSIGNMENT_PATTERN, at);
    n->assignment_pattern.left = left;
    n->assignment_pattern.right = jsp_parse_maybe_assign(P, FOR_NONE, NULL);
    return jsp_finish(P, n);
}

js_node *jsp_parse_binding_atom(jsp_parser *P)
{
    jsp_enter(P);
    js_node *n;
    if (P->L.tok.type == JS_T_LBRACKET) {
        n = jsp_new_node(P, JS_ARRAY_PATTERN, jsp_here(P));
        jsp_next(P);
        n->array.elements = parse_binding_list(P, JS_T_RBRACKET, true, false);
        jsp_finish(P, n);
    } else if (P->L.tok.type == JS_T_LBRACE) {
        n = parse_object(P, true, NULL);
    } else {
        n = jsp_parse_ident(P, false);
    }
    jsp_leave(P);
    return n;
}

/* Parameters (params) or the elements of an array pattern (holes), up to `close`. */
static js_list parse_binding_list(jsp_parser *P, js_tok close, bool holes, bool params)
{
    size_t mark = jsp_mark(P);
    for (bool first = true; !jsp_eat(P, close); first = false) {
        if (!first) {
            jsp_expect(P, JS_T_COMMA);
            if (jsp_eat(P, close))
                break;
        }
        if (holes && P->L.tok.type == JS_T_COMMA) {
            jsp_push(P, NULL);
            continue;
        }
        if (P->L.tok.type == JS_T_ELLIPSIS) {
            js_node *rest = jsp_new_node(P, JS_REST_ELEMENT, jsp_here(P));
            jsp_next(P);
            rest->rest.argument = jsp_parse_binding_atom(P);
            jsp_push(P, jsp_finish(P, rest));
            if (P->L.tok.type == JS_T_ASSIGN)
                jsp_fail(P, params ? P->L.tok.start : rest->start,
                         params ? "Rest parameter may not have a default initializer" : MSG_TARGET);
            if (P->L.tok.type == JS_T_COMMA)
                jsp_fail(P, params ? P->L.tok.start : rest->start,
                         params ? MSG_REST_PARAM_LAST : MSG_REST_LAST);
            jsp_expect(P, close);
            break;
        }
        jsp_pos at = jsp_here(P);
        jsp_push(P, parse_maybe_default(P, at, jsp_parse_binding_atom(P)));
    }
    return jsp_take(P, mark);
}

static void fail_target(jsp_parser *P, const js_node *n, const char *top_msg)
{
    jsp_fail(P, n->start, "%s", top_msg ? top_msg : MSG_TARGET);
}

/* The properties of an object literal that became a pattern. */
static void object_to_pattern(jsp_parser *P, js_node *n, bool binding)
{
    js_list *props = &n->object.properties;
    for (size_t i = 0; i < props->count; i++) {
        js_node *p = props->items[i];
        if (p->type == JS_SPREAD_ELEMENT) {
            if (i + 1 != props->count)
                jsp_fail(P, p->start, MSG_REST_LAST);
            js_node *arg = jsp_to_assignable(P, p->spread.argument, binding, NULL, NULL);
            if (arg->type == JS_OBJECT_PATTERN || arg->type == JS_ARRAY_PATTERN)
                jsp_fail(P, arg->start, binding
                                           ? "`...` must be followed by an identifier in "
                                             "declaration contexts"
                                           : "`...` must be followed by an assignable reference "
                                             "in assignment contexts");
            p->type = JS_REST_ELEMENT;
            p->rest.argument = arg;
        } else if (p->type == JS_PROPERTY) {
            if (p->property.kind != JS_PROP_INIT || p->property.method)
                jsp_fail(P, p->start, MSG_TARGET);
            p->property.value = jsp_to_assignable(P, p->property.value, binding, NULL, NULL);
        }
    }
}

/* The elements of an array literal that became a pattern. */
static void array_to_pattern(jsp_parser *P, js_node *n, bool binding)
{
    js_list *elems = &n->array.elements;
    for (size_t i = 0; i < elems->count; i++) {
        js_node *e = elems->items[i];
        if (!e)
            continue;
        if (e->type == JS_SPREAD_ELEMENT && i + 1 != elems->count)
            jsp_fail(P, e->start, MSG_REST_LAST);
        elems->items[i] = jsp_to_assignable(P, e, binding, NULL, NULL);
    }
}

js_node *jsp_to_assignable(jsp_parser *P, js_node *n, bool binding, const char *top_msg,
                           jsp_cover *c)
{
    bool paren = n->flags & JS_NODE_PAREN;
    switch (n->type) {
    case JS_IDENTIFIER:
        if (paren && binding)
            fail_target(P, n, NULL);
        if (binding && in_async(P) && n->identifier.name == P->L.words[JS_W_AWAIT]->str)
            jsp_fail(P, n->start, "'await' is not a valid identifier name in an async function");
        return n;
    case JS_MEMBER_EXPRESSION:
        if (binding)
            fail_target(P, n, NULL);
        return n;
    case JS_CALL_EXPRESSION: /* `f() = 1` is a ReferenceError when run, in V8 */
        if (binding || !top_msg)
            fail_target(P, n, binding ? NULL : top_msg);
        return n;
    case JS_OBJECT_EXPRESSION:
    case JS_ARRAY_EXPRESSION:
        if (paren)
            fail_target(P, n, top_msg);
        if (n->type == JS_OBJECT_EXPRESSION) {
            n->type = JS_OBJECT_PATTERN;
            object_to_pattern(P, n, binding);
        } else {
            n->type = JS_ARRAY_PATTERN;
            array_to_pattern(P, n, binding);
        }
        check_pattern_errors(P, c, MSG_REST_LAST);
        return n;
    case JS_SPREAD_ELEMENT: {
        js_node *arg = jsp_to_assignable(P, n->spread.argument, binding, NULL, NULL);
        if (arg->type == JS_ASSIGNMENT_PATTERN)
            fail_target(P, arg, NULL);
        n->type = JS_REST_ELEMENT;
        n->rest.argument = arg;
        return n;
    }
    case JS_ASSIGNMENT_EXPRESSION: {
        if (paren || n->assignment.operator != JS_OP_ASSIGN || top_msg)
            fail_target(P, n, top_msg);
        js_node *left = n->assignment.left, *right = n->assignment.right;
        memset(&n->assignment, 0, sizeof n->assignment);
        n->type = JS_ASSIGNMENT_PATTERN;
        n->assignment_pattern.left = left;
        n->assignment_pattern.right = right;
        return n;
    }
    case JS_OBJECT_PATTERN:
    case JS_ARRAY_PATTERN:
    case JS_ASSIGNMENT_PATTERN:
    case JS_REST_ELEMENT:
        if (paren)
            fail_target(P, n, top_msg);
        return n;
    default:
        fail_target(P, n, top_msg);
    }
    return n;
}

/* An identifier or member expression as a target or a declaration (check_lval_* follow
 * acorn's checkLValSimple, checkLValPattern and checkLValInnerPattern). */
static void check_lval_simple(jsp_parser *P, js_node *n, jsp_decl decl, const char *msg)
{
    if (n->type == JS_IDENTIFIER) {
        js_atom *a = jsp_node_atom(P, n);
        if (P->strict && (a->word == JS_W_EVAL || a->word == JS_W_ARGUMENTS))
            jsp_fail(P, n->start, decl == DECL_NONE && !msg
                                     ? MSG_TARGET
                                     : "Unexpected eval or arguments in strict mode");
        if (decl == DECL_NONE)
            return;
        if (P->strict && is_strict_reserved(a))
            jsp_fail(P, n->start, "Unexpected strict mode reserved word");
        if (decl == DECL_LEXICAL && a->word == JS_W_LET)
            jsp_fail(P, n->start, "let is disallowed as a lexically bound name");
        if (decl != DECL_OUTSIDE)
            jsp_declare(P, n, decl);
        return;
    }
    if (decl == DECL_NONE &&
        (n->type == JS_MEMBER_EXPRESSION || (n->type == JS_CALL_EXPRESSION && msg)))
        return;
    fail_target(P, n, msg);
}

void jsp_check_lval_pattern(jsp_parser *P, js_node *n, jsp_decl decl, const char *msg)
{
    if (n->type == JS_OBJECT_PATTERN) {
        for (size_t i = 0; i < n->object.properties.count; i++)
            check_lval_inner(P, n->object.properties.items[i], decl);
    } else if (n->type == JS_ARRAY_PATTERN) {
        for (size_t i = 0; i < n->array.elements.count; i++)
            if (n->array.elements.items[i])
                check_lval_inner(P, n->array.elements.items[i], decl);
    } else {
        check_lval_simple(P, n, decl, msg);
    }
}

static void check_lval_inner(jsp_parser *P, js_node *n, jsp_decl decl)
{
    switch (n->type) {
    case JS_PROPERTY:
        if (n->property.shorthand && decl == DECL_NONE) { /* V8 names eval there, not the target */
            js_node *v = n->property.value;
            check_lval_simple(P, v->type == JS_ASSIGNMENT_PATTERN ? v->assignment_pattern.left : v,
                              decl, MSG_LHS);
        } else {
            check_lval_inner(P, n->property.value, decl);
        }
        break;
    case JS_ASSIGNMENT_PATTERN:
        jsp_check_lval_pattern(P, n->assignment_pattern.left, decl, NULL);
        break;
    case JS_REST_ELEMENT: jsp_check_lval_pattern(P, n->rest.argument, decl, NULL); break;
    default: jsp_check_lval_pattern(P, n, decl, NULL); break;
    }
}

/* ---- functions ---- */

static uint32_t function_flags(bool is_async, bool generator)
{
    return SC_FUNCTION | (is_async ? SC_ASYNC : 0) | (generator ? SC_GENERATOR : 0);
}

static bool params_are_simple(const js_list *params)
{
    for (size_t i = 0; i < params->count; i++)
        if (params->items[i]->type != JS_IDENTIFIER)
            return false;
    return true;
}

typedef struct {
    js_node *fn;
    bool arrow_or_method;
} body_ctx;

/* After a function body's directive prologue: its strictness is known, so its parameters
 * (and name) can be checked and declared. */
static void on_function_prologue(jsp_parser *P, void *ctx, uint32_t use_strict)
{
    const body_ctx *b = ctx;
    js_function_info *fn = &b->fn->function;
    if (use_strict && !fn->simple_params)
        jsp_fail(P, use_strict - 1,
                 "Illegal 'use strict' directive in function with non-simple parameter list");
    fn->strict = P->strict;
    bool dups = !P->strict && !b->arrow_or_method && fn->simple_params;
    for (size_t i = 0; i < fn->params.count; i++)
        check_lval_inner(P, fn->params.items[i], dups ? DECL_PARAM_DUP : DECL_PARAM);
    if (P->strict && fn->id)
        check_lval_simple(P, fn->id, DECL_OUTSIDE, NULL);
}

/* The body of function node n, whose scope is open; closes it. */
static void parse_function_body(jsp_parser *P, js_node *n, bool arrow, bool method,
                                jsp_for_init fi)
{
    js_function_info *fn = &n->function;
    fn->simple_params = params_are_simple(&fn->params);
    body_ctx ctx = {n, arrow || method};
    if (arrow && P->L.tok.type != JS_T_LBRACE) {
        on_function_prologue(P, &ctx, 0);
        fn->expression = true;
        fn->body = jsp_parse_maybe_assign(P, fi, NULL);
        jsp_scope_exit(P);
        return;
    }
    bool old_strict = P->strict;
    size_t old_labels = P->label_base;
    P->label_base = P->labels.count;
    js_node *body = jsp_new_node(P, JS_BLOCK_STATEMENT, jsp_here(P));
    jsp_expect(P, JS_T_LBRACE);
    size_t mark = jsp_mark(P);
    jsp_parse_body(P, JS_T_RBRACE, on_function_prologue, &ctx);
    jsp_next(P);
    body->block.body = jsp_take(P, mark);
    fn->body = jsp_finish(P, body);
    P->label_base = old_labels;
    P->strict = old_strict;
    jsp_scope_exit(P);
}

static void parse_function_params(jsp_parser *P, js_node *n)
{
    jsp_expect(P, JS_T_LPAREN);
    n->function.params = parse_binding_list(P, JS_T_RPAREN, false, true);
    check_yield_await_in_params(P);
}

/* How a function declaration's name is declared (acorn's parseFunction). */
static jsp_decl function_decl_kind(jsp_parser *P, const js_function_info *fn)
{
    if (!P->strict && !fn->generator && !fn->async)
        return DECL_FUNCTION;
    const jsp_scope *s = &P->scopes.items[P->scopes.count - 1];
    bool as_var = (s->flags & SC_FUNCTION) || (!P->module && (s->flags & SC_TOP));
    return as_var ? DECL_VAR : DECL_LEXICAL;
}

js_node *jsp_parse_function(jsp_parser *P, js_node *n, int flags, bool is_async, jsp_for_init fi)
{
    js_function_info *fn = &n->function;
    fn->generator = jsp_eat(P, JS_T_STAR);
    fn->async = is_async;
    if (flags & FN_STATEMENT) {
        if (P->L.tok.type == JS_T_NAME) {
            fn->id = jsp_parse_ident(P, false);
            if (!(flags & FN_HANGING))
                check_lval_simple(P, fn->id, function_decl_kind(P, fn), NULL);
        } else if (!(flags & FN_NULLABLE_ID)) {
            if (P->L.tok.type == JS_T_LPAREN)
                jsp_fail(P, P->L.tok.start, "Function statements require a function name");
            jsp_unexpected(P);
        }
    }
    saved_positions saved = positions_reset(P);
    jsp_scope_enter(P, function_flags(is_async, fn->generator));
    if (!(flags & FN_STATEMENT) && P->L.tok.type == JS_T_NAME)
        fn->id = jsp_parse_ident(P, false);
    parse_function_params(P, n);
    parse_function_body(P, n, false, false, fi);
    positions_restore(P, saved);
    return jsp_finish(P, n);
}

static js_node *parse_arrow(jsp_parser *P, jsp_pos at, js_list params, bool is_async,
                           jsp_for_init fi)
{
    js_node *n = jsp_new_node(P, JS_ARROW_FUNCTION_EXPRESSION, at);
    saved_positions saved = positions_reset(P);
    jsp_scope_enter(P, function_flags(is_async, false) | SC_ARROW);
    for (size_t i = 0; i < params.count; i++) {
        js_node *p = params.items[i];
        if (p->type == JS_SPREAD_ELEMENT && p->spread.argument->type == JS_ASSIGNMENT_EXPRESSION)
            jsp_fail(P, p->spread.argument->start,
                     "Rest parameter may not have a default initializer");
        params.items[i] = jsp_to_assignable(P, p, true, NULL, NULL);
    }
    n->function.params = params;
    n->function.async = is_async;
    n->function.arrow = true;
    parse_function_body(P, n, true, false, fi);
    positions_restore(P, saved);
    return jsp_finish(P, n);
}

/* A method of an object literal or class, at its parameter list: a FunctionExpression. */
static js_node *parse_method(jsp_parser *P, bool generator, bool is_async, bool direct_super)
{
    js_node *n = jsp_new_node(P, JS_FUNCTION_EXPRESSION, jsp_here(P));
    saved_positions saved = positions_reset(P);
    jsp_scope_enter(P, function_flags(is_async, generator) | SC_SUPER |
                          (direct_super ? SC_DIRECT_SUPER : 0));
    n->function.generator = generator;
    n->function.async = is_async;
    parse_function_params(P, n);
    parse_function_body(P, n, false, true, FOR_NONE);
    positions_restore(P, saved);
    return jsp_finish(P, n);
}

/* ---- classes ---- */

/* A private name declared in the class whose scope is `scope`: `bits` is B_PRIV_FIELD for
 * fields and methods, or the getter/setter bit; a getter and a setter may share a name. */
static void declare_private(jsp_parser *P, const js_node *key, uint16_t bits, uint32_t scope)
{
    jsp_binding *b = jsp_binding_get(P, jsp_node_atom(P, key), scope);
    uint16_t prev = b->kinds & B_PRIVATE;
    bool pair = (prev == B_PRIV_GET && bits == B_PRIV_SET) ||
                (prev == B_PRIV_SET && bits == B_PRIV_GET) ||
                (prev == B_PRIV_SGET && bits == B_PRIV_SSET) ||
                (prev == B_PRIV_SSET && bits == B_PRIV_SGET);
    if (prev && !pair)
        jsp_fail(P, key->start, "Identifier '#%s' has already been declared",
                 key->identifier.name);
    b->kinds |= prev ? B_PRIV_FIELD : bits;
}

/* When a class ends: the #names it used that it declares are resolved; the others are left
 * to the enclosing class, or are an error if there is none. */
static void resolve_private_refs(jsp_parser *P, size_t mark, uint32_t scope)
{
    size_t keep = mark;
    for (size_t i = mark; i < P->private_refs.count; i++) {
        js_node *ref = P->private_refs.items[i];
        jsp_binding *b = jsp_binding_in(jsp_node_atom(P, ref), scope);
        if (!b || !(b->kinds & B_PRIVATE))
            P->private_refs.items[keep++] = ref;
    }
    P->private_refs.count = keep;
    if (P->class_depth == 1 && keep > mark) {
        const js_node *ref = P->private_refs.items[mark];
        jsp_fail(P, ref->start, "Private field '#%s' must be declared in an enclosing class",
                 ref->identifier.name);
    }
}

static js_node *parse_element_name(jsp_parser *P, bool *computed)
{
    const js_token *t = &P->L.tok;
    if (t->type != JS_T_PRIVATE_NAME)
        return parse_property_name(P, computed);
    *computed = false;
    js_node *n = jsp_new_node(P, JS_PRIVATE_IDENTIFIER, jsp_here(P));
    n->identifier.name = t->atom->str;
    jsp_next(P);
    return jsp_finish(P, n);
}

static js_node *parse_static_block(jsp_parser *P, jsp_pos at)
{
    js_node *n = jsp_new_node(P, JS_STATIC_BLOCK, at);
    jsp_next(P);
    size_t old_labels = P->label_base;
    P->label_base = P->labels.count;
    jsp_scope_enter(P, SC_STATIC_BLOCK | SC_SUPER);
    size_t mark = jsp_mark(P);
    while (!jsp_eat(P, JS_T_RBRACE))
        jsp_push(P, jsp_parse_statement(P, CTX_LIST, false));
    n->block.body = jsp_take(P, mark);
    jsp_scope_exit(P);
    P->label_base = old_labels;
    return jsp_finish(P, n);
}

/* The modifiers of a class element: static, async, *, get, set.  A modifier that turns out to
 * be the element's name (`static() {}`, `get = 1`) is left in *name_tok. */
typedef struct {
    bool is_static, is_async, generator, named_by_word;
    js_method_kind kind;
    js_token name_tok;
} element_head;

/* Consumes a contextual word (async, get, set): true if it modifies the element, false if it
 * is the element's name (then h records it). */
static bool eat_modifier(jsp_parser *P, element_head *h, bool also_star, bool same_line)
{
    h->name_tok = P->L.tok;
    jsp_next(P);
    bool modifier = (element_name_starts(P) || (also_star && P->L.tok.type == JS_T_STAR)) &&
                    !(same_line && P->L.tok.nl_before);
    h->named_by_word = !modifier;
    return modifier;
}

static bool is_private_constructor(jsp_parser *P, const js_node *key)
{
    return key->type == JS_PRIVATE_IDENTIFIER &&
           key->identifier.name == P->L.words[JS_W_CONSTRUCTOR]->str;
}

static js_node *parse_class_method(jsp_parser *P, jsp_pos at, js_node *key, bool computed,
                                  const element_head *h, bool derived)
{
    if (is_private_constructor(P, key))
        jsp_fail(P, key->start, "Class constructor may not be a private method");
    bool ctor = !h->is_static && key_is(P, key, computed, JS_W_CONSTRUCTOR);
    if (ctor && h->kind != JS_METHOD_METHOD)
        jsp_fail(P, key->start, "Class constructor may not be an accessor");
    if (ctor && h->generator)
        jsp_fail(P, key->start, "Class constructor may not be a generator");
    if (ctor && h->is_async)
        jsp_fail(P, key->start, "Class constructor may not be an async method");
    if (h->is_static && key_is(P, key, computed, JS_W_PROTOTYPE))
        jsp_fail(P, key->start, "Classes may not have a static property named 'prototype'");
    js_node *el = jsp_new_node(P, JS_METHOD_DEFINITION, at);
    el->method.key = key;
    el->method.computed = computed;
    el->method.kind = ctor ? JS_METHOD_CONSTRUCTOR : h->kind;
    el->method.static_ = h->is_static;
    el->method.value = parse_method(P, h->generator, h->is_async, ctor && derived);
    if (h->kind == JS_METHOD_GET || h->kind == JS_METHOD_SET)
        check_accessor(P, el->method.value, h->kind == JS_METHOD_GET);
    return jsp_finish(P, el);
}

static js_node *parse_class_field(jsp_parser *P, jsp_pos at, js_node *key, bool computed,
                                  const element_head *h)
{
    if (key_is(P, key, computed, JS_W_CONSTRUCTOR) || is_private_constructor(P, key))
        jsp_fail(P, key->start, "Classes may not have a field named 'constructor'");
    if (h->is_static && key_is(P, key, computed, JS_W_PROTOTYPE))
        jsp_fail(P, key->start, "Classes may not have a static property named 'prototype'");
    js_node *el = jsp_new_node(P, JS_PROPERTY_DEFINITION, at);
    el->property_definition.key = key;
    el->property_definition.computed = computed;
    el->property_definition.static_ = h->is_static;
    if (jsp_eat(P, JS_T_ASSIGN)) {
        jsp_scope_enter(P, SC_FIELD_INIT | SC_SUPER);
        el->property_definition.value = jsp_parse_maybe_assign(P, FOR_NONE, NULL);
        jsp_scope_exit(P);
    }
    jsp_semicolon(P);
    return jsp_finish(P, el);
}

static uint16_t private_bits(const js_node *el)
{
    if (el->type != JS_METHOD_DEFINITION)
        return B_PRIV_FIELD;
    bool s = el->method.static_;
    switch (el->method.kind) {
    case JS_METHOD_GET: return s ? B_PRIV_SGET : B_PRIV_GET;
    case JS_METHOD_SET: return s ? B_PRIV_SSET : B_PRIV_SET;
    default: return B_PRIV_FIELD;
    }
}

static js_node *parse_class_element(jsp_parser *P, bool derived, uint32_t scope)
{
    if (jsp_eat(P, JS_T_SEMI))
        return NULL;
    jsp_pos at = jsp_here(P);
    element_head h = {false, false, false, false, JS_METHOD_METHOD, P->L.tok};
    if (jsp_is_word(P, JS_W_STATIC)) {
        jsp_next(P);
        if (P->L.tok.type == JS_T_LBRACE)
            return parse_static_block(P, at);
        h.is_static = P->L.tok.type == JS_T_STAR || element_name_starts(P);
        h.named_by_word = !h.is_static;
    }
    if (!h.named_by_word && jsp_is_word(P, JS_W_ASYNC))
        h.is_async = eat_modifier(P, &h, true, true);
    if (!h.named_by_word && P->L.tok.type == JS_T_STAR) {
        h.generator = true;
        jsp_next(P);
    }
    if (!h.named_by_word && !h.is_async && !h.generator &&
        (jsp_is_word(P, JS_W_GET) || jsp_is_word(P, JS_W_SET))) {
        bool get = jsp_is_word(P, JS_W_GET);
        if (eat_modifier(P, &h, false, false))
            h.kind = get ? JS_METHOD_GET : JS_METHOD_SET;
    }
    bool computed = false, escaped = P->L.tok.escaped;
    js_node *key = h.named_by_word ? ident_from_token(P, &h.name_tok)
                                   : parse_element_name(P, &computed);
    if (escaped && !h.named_by_word && is_modifier_word(P, key) && element_name_starts(P))
        jsp_fail(P, key->start, "Keyword must not contain escaped characters");
    bool method = P->L.tok.type == JS_T_LPAREN || h.kind != JS_METHOD_METHOD || h.generator ||
                  h.is_async;
    js_node *el = method ? parse_class_method(P, at, key, computed, &h, derived)
                         : parse_class_field(P, at, key, computed, &h);
    if (key->type == JS_PRIVATE_IDENTIFIER)
        declare_private(P, key, private_bits(el), scope);
    return el;
}

static js_node *parse_class_body(jsp_parser *P, bool derived)
{
    js_node *body = jsp_new_node(P, JS_CLASS_BODY, jsp_here(P));
    jsp_expect(P, JS_T_LBRACE);
    jsp_scope_enter(P, SC_CLASS);
    uint32_t scope = (uint32_t)P->scopes.count - 1;
    size_t refs = P->private_refs.count, mark = jsp_mark(P);
    P->class_depth++;
    bool seen_constructor = false;
    while (!jsp_eat(P, JS_T_RBRACE)) {
        js_node *el = parse_class_element(P, derived, scope);
        if (!el)
            continue;
        if (el->type == JS_METHOD_DEFINITION && el->method.kind == JS_METHOD_CONSTRUCTOR) {
            if (seen_constructor)
                jsp_fail(P, el->method.key->start, "A class may only have one constructor");
            seen_constructor = true;
        }
        jsp_push(P, el);
    }
    body->class_body.body = jsp_take(P, mark);
    resolve_private_refs(P, refs, scope);
    P->class_depth--;
    jsp_scope_exit(P);
    return jsp_finish(P, body);
}

js_node *jsp_parse_class(jsp_parser *P, bool is_statement, bool nullable_id)
{
    jsp_enter(P); /* `class A extends class B extends ...` nests without other productions */
    js_node *n = jsp_new_node(P, is_statement ? JS_CLASS_DECLARATION : JS_CLASS_EXPRESSION,
                              jsp_here(P));
    jsp_next(P);
    bool old_strict = P->strict;
    P->strict = true; /* all of a class is strict code, its name and heritage too */
    if (P->L.tok.type == JS_T_NAME) {
        n->class.id = jsp_parse_ident(P, false);
        if (is_statement)
            check_lval_simple(P, n->class.id, DECL_LEXICAL, NULL);
    } else if (is_statement && !nullable_id) {
        jsp_unexpected(P);
    }
    if (jsp_eat(P, JS_T_EXTENDS))
        n->class.super_class = jsp_parse_expr_subscripts(P, NULL, FOR_NONE);
    n->class.body = parse_class_body(P, n->class.super_class != NULL);
    P->strict = old_strict;
    jsp_leave(P);
    return jsp_finish(P, n);
}
