/* parse.c - the JavaScript parser's driver, its bookkeeping, and the statements.
 *
 * A hand-written recursive-descent parser in the manner of acorn (whose structure, cover
 * grammar handling and early-error bookkeeping it follows closely) and of MuJS and Lua's
 * lparser.c: one function per grammar production, one token of lookahead (the lexer's current
 * token), and a copy of the lexer to peek one token further in the few places the grammar
 * needs it (`let [`, `async function`).
 *
 * Errors.  The first error ends the parse: jsp_fail records the message and offset and
 * longjmps back to js_parse, which frees what the parse held outside the arena and returns
 * NULL.  Nothing else has to be unwound: the nodes are in the caller's arena, the parser's own
 * arrays are freed in one place.
 *
 * Lists.  While a list (a block's statements, call arguments, ...) is being parsed, its items
 * are pushed on one scratch stack shared by all the lists being built; when the list ends,
 * its items are copied into the arena in one piece (jsp_take).  Lists nest, so their segments
 * nest on the stack.
 *
 * Scopes.  To find redeclarations, each name (an atom, interned by the lexer) keeps a stack
 * of its declarations, innermost scope first, and each scope the list of the names declared
 * in it, to pop when it ends.  A var is recorded in its var scope only, with a timestamp that
 * tells a later let whether the var was inside the let's block (jsp_declare): declaring costs a
 * walk over the scopes that declare the same name, never over all the names or all the
 * scopes.  The rules are acorn's (scopeflags.js, scope.js), which are the spec's plus Annex B:
 * var may repeat, let, const and class may not, sloppy functions in blocks behave as var among
 * themselves, catch (e) allows `var e`.  The same records hold a class's private names and a
 * module's exported names.
 *
 * Labels are a stack of the enclosing labels, loops and switches of the current function
 * (a function starts a new segment of it).
 *
 * Nesting.  jsp_enter/jsp_leave count the depth and stop at JS_MAX_NESTING.  They are called
 * once per level of the source's nesting, by the productions every nested construct goes
 * through: statements, assignment expressions (which every parenthesis, bracket, brace,
 * argument and template substitution contains), the operands of unary operators, await and
 * `**`, `new`, binding patterns and classes.  Each level costs a bounded number of C frames
 * (at most about eight), so the C stack stays bounded too.
 */
#include "parse_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors ---- */

void jsp_fail(jsp_parser *P, size_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(P->sh.error.message, sizeof P->sh.error.message, fmt, ap);
    va_end(ap);
    P->sh.error.offset = offset;
    longjmp(P->sh.fail, 1);
}

/* V8's message for a token that cannot come where it is. */
void jsp_unexpected(jsp_parser *P)
{
    const js_token *t = &P->L.tok;
    switch (t->type) {
    case JS_T_EOF:
        jsp_fail(P, t->start, "Unexpected end of input");
    case JS_T_NAME:
        if (t->escaped && t->atom->keyword != JS_T_NAME)
            jsp_fail(P, t->start, "Keyword must not contain escaped characters");
        jsp_fail(P, t->start, "Unexpected identifier '%s'", t->atom->str);
    case JS_T_PRIVATE_NAME:
        jsp_fail(P, t->start, "Unexpected identifier '#%s'", t->atom->str);
    case JS_T_NUMBER:
    case JS_T_BIGINT:
        jsp_fail(P, t->start, "Unexpected number");
    case JS_T_STRING:
        jsp_fail(P, t->start, "Unexpected string");
    case JS_T_TEMPLATE:
        jsp_fail(P, t->start, "Unexpected template string");
    case JS_T_REGEX:
        jsp_fail(P, t->start, "Unexpected regular expression");
    case JS_T_ENUM:
        jsp_fail(P, t->start, "Unexpected reserved word");
    default:
        jsp_fail(P, t->start, "Unexpected token '%s'", js_tok_text(t->type));
    }
}

void jsp_enter(jsp_parser *P)
{
    if (++P->depth > JS_MAX_NESTING)
        jsp_fail(P, P->L.tok.start, "Too deeply nested: more than %d levels", JS_MAX_NESTING);
}

void jsp_leave(jsp_parser *P)
{
    P->depth--;
}

/* ---- tokens ---- */

void jsp_next(jsp_parser *P)
{
    const js_token *t = &P->L.tok;
    P->prev_start = t->start;
    P->prev_end = t->end;
    P->prev_was_await = t->type == JS_T_NAME && !t->escaped && t->atom->word == JS_W_AWAIT;
    js_lex_next(&P->L);
}

void jsp_expect(jsp_parser *P, js_tok t)
{
    if (!jsp_eat(P, t))
        jsp_unexpected(P);
}

bool jsp_eat_word(jsp_parser *P, js_word w)
{
    if (!jsp_is_word(P, w))
        return false;
    jsp_next(P);
    return true;
}

void jsp_expect_word(jsp_parser *P, js_word w)
{
    if (!jsp_eat_word(P, w))
        jsp_unexpected(P);
}

js_token jsp_peek(jsp_parser *P)
{
    js_lexer saved = P->L;
    js_lex_next(&P->L);
    js_token t = P->L.tok;
    P->L = saved;
    return t;
}

/* Is the innermost function (class field initializers and static blocks are part of theirs,
 * as V8 parses them) async? */
static bool in_async_function(jsp_parser *P)
{
    jsp_scope *s = jsp_var_scope(P);
    while (s->flags & (SC_FIELD_INIT | SC_STATIC_BLOCK))
        s = &P->scopes.items[s->outer_var];
    return s->flags & SC_ASYNC;
}

/* The end of a statement: `;`, or automatic semicolon insertion (ECMA-262 12.10). */
void jsp_semicolon(jsp_parser *P)
{
    if (jsp_eat(P, JS_T_SEMI) || jsp_can_insert_semicolon(P))
        return;
    if (P->prev_was_await && !in_async_function(P))
        jsp_fail(P, P->prev_start,
                 "await is only valid in async functions and the top level bodies of modules");
    jsp_unexpected(P);
}

/* `async function` with no line break between them, at the current token. */
bool jsp_is_async_function(jsp_parser *P)
{
    if (!jsp_is_word(P, JS_W_ASYNC))
        return false;
    js_token next = jsp_peek(P);
    return next.type == JS_T_FUNCTION && !next.nl_before;
}

/* ---- nodes and lists ---- */

/* A zeroed node from the parser's pool: nodes are taken from the arena a block at a time,
 * which saves the arena's per-allocation rounding and bookkeeping (nodes are most of what a
 * parse allocates). */
static js_node *alloc_node(jsp_parser *P)
{
    enum { NODES_PER_BLOCK = 256 };
    if (P->pool_left == 0) {
        P->pool = arena_alloc(P->arena, NODES_PER_BLOCK * sizeof *P->pool);
        P->pool_left = NODES_PER_BLOCK;
    }
    P->pool_left--;
    return P->pool++;
}

js_node *jsp_new_node(jsp_parser *P, js_node_type type, jsp_pos at)
{
    js_node *n = alloc_node(P);
    n->type = type;
    n->start = at.start;
    n->line = at.line;
    n->col = at.col;
    return n;
}

js_node *jsp_copy_node(jsp_parser *P, const js_node *n)
{
    js_node *c = alloc_node(P);
    *c = *n;
    return c;
}

size_t jsp_mark(const jsp_parser *P)
{
    return P->stack.count;
}

void jsp_push(jsp_parser *P, js_node *n)
{
    JSP_VEC_PUSH(P->stack, n);
}

/* The items pushed since `mark`, as a list in the arena; pops them. */
js_list jsp_take(jsp_parser *P, size_t mark)
{
    js_list l = {NULL, P->stack.count - mark};
    if (l.count) {
        l.items = arena_alloc(P->arena, l.count * sizeof *l.items);
        memcpy(l.items, P->stack.items + mark, l.count * sizeof *l.items);
    }
    P->stack.count = mark;
    return l;
}

/* The name of an Identifier or PrivateIdentifier, or the value of a string Literal, as an
 * atom. */
js_atom *jsp_node_atom(jsp_parser *P, const js_node *id)
{
    if (id->type == JS_LITERAL)
        return js_lex_intern(&P->L, id->literal.value.string.chars, id->literal.value.string.len);
    return js_lex_intern(&P->L, id->identifier.name, strlen(id->identifier.name));
}

/* ---- scopes ---- */

void jsp_scope_enter(jsp_parser *P, uint32_t flags)
{
    jsp_scope s = {flags, P->var_scope, P->var_clock, NULL};
    JSP_VEC_PUSH(P->scopes, s);
    if (flags & SC_VAR)
        P->var_scope = (uint32_t)(P->scopes.count - 1);
}

void jsp_scope_exit(jsp_parser *P)
{
    jsp_scope *s = &P->scopes.items[P->scopes.count - 1];
    for (jsp_binding *b = s->bindings, *next; b; b = next) {
        next = b->in_scope;
        b->atom->binding = b->next; /* the innermost scope's entries head their stacks */
        b->in_scope = P->free_bindings;
        P->free_bindings = b;
    }
    if (s->flags & SC_VAR)
        P->var_scope = s->outer_var;
    P->scopes.count--;
}

jsp_scope *jsp_var_scope(jsp_parser *P)
{
    return &P->scopes.items[P->var_scope];
}

/* The var scope that gives `this`, super and new.target their meaning: arrows skipped. */
jsp_scope *jsp_this_scope(jsp_parser *P)
{
    jsp_scope *s = jsp_var_scope(P);
    while (s->flags & SC_ARROW)
        s = &P->scopes.items[s->outer_var];
    return s;
}

/* Is `await` an operator here? */
bool jsp_can_await(jsp_parser *P)
{
    uint32_t f = jsp_var_scope(P)->flags;
    if (f & SC_FUNCTION)
        return f & SC_ASYNC;
    if (f & (SC_STATIC_BLOCK | SC_FIELD_INIT))
        return false;
    return P->module;
}

/* The entry of `atom` in scope `scope`, or NULL. */
jsp_binding *jsp_binding_in(js_atom *atom, uint32_t scope)
{
    jsp_binding *b = atom->binding;
    while (b && b->scope > scope)
        b = b->next;
    return b && b->scope == scope ? b : NULL;
}

/* The entry of `atom` in scope `scope`, made if missing. */
jsp_binding *jsp_binding_get(jsp_parser *P, js_atom *atom, uint32_t scope)
{
    jsp_binding **link = &atom->binding;
    while (*link && (*link)->scope > scope)
        link = &(*link)->next;
    if (*link && (*link)->scope == scope)
        return *link;
    jsp_binding *b = P->free_bindings;
    if (b)
        P->free_bindings = b->in_scope;
    else
        b = arena_alloc(P->arena, sizeof *b);
    jsp_scope *s = &P->scopes.items[scope];
    *b = (jsp_binding){atom, scope, 0, 0, *link, s->bindings};
    s->bindings = b;
    *link = b;
    return b;
}

/* Sloppy function declarations directly in a function body or a script act as var. */
static bool functions_as_var(const jsp_parser *P, const jsp_scope *s)
{
    return (s->flags & SC_FUNCTION) || (!P->module && (s->flags & SC_TOP));
}

/* Was `a` declared with var inside scope s (which is still open): since s began? */
static bool var_declared_within(jsp_parser *P, js_atom *a, const jsp_scope *s)
{
    const jsp_binding *v = jsp_binding_in(a, P->var_scope);
    return v && (v->kinds & B_VAR) && v->var_time > s->var_clock;
}

/* var and parameters: a clash with a let, const, class or (in a block) function declaration of
 * the same name in any scope between here and the var scope, where the name is recorded.
 * Only the scopes that declare the name are visited, through the name's own stack. */
static bool declare_var(jsp_parser *P, js_atom *a, jsp_decl decl, size_t at)
{
    const jsp_binding *b = a->binding;
    for (; b && b->scope > P->var_scope; b = b->next) {
        const jsp_scope *s = &P->scopes.items[b->scope];
        if ((b->kinds & B_LEXICAL) || (!functions_as_var(P, s) && (b->kinds & B_FUNCTION)))
            return true;
    }
    jsp_binding *v = jsp_binding_get(P, a, P->var_scope);
    if (v->kinds & B_LEXICAL)
        return true;
    if (decl == DECL_PARAM && (v->kinds & B_PARAM))
        jsp_fail(P, at, "Duplicate parameter name not allowed in this context");
    v->kinds |= B_VAR | (decl == DECL_VAR ? 0 : B_PARAM);
    v->var_time = ++P->var_clock;
    return false;
}

/* Declares the name of Identifier `id` in the current scope.  A let (or a block's function)
 * clashes with the same name declared in its scope, and with a var declared anywhere inside
 * its scope, before or after it: a var is only recorded in its var scope, with the time it
 * was declared, which tells whether it came from inside the let's scope. */
void jsp_declare(jsp_parser *P, const js_node *id, jsp_decl decl)
{
    js_atom *a = jsp_node_atom(P, id);
    jsp_scope *top = &P->scopes.items[P->scopes.count - 1];
    jsp_binding *b;
    bool clash = false;
    switch (decl) {
    case DECL_LEXICAL:
        b = jsp_binding_get(P, a, (uint32_t)P->scopes.count - 1);
        clash = (b->kinds & (B_LEXICAL | B_CATCH | B_FUNCTION | B_VAR)) ||
                var_declared_within(P, a, top);
        b->kinds |= B_LEXICAL;
        break;
    case DECL_CATCH:
        jsp_binding_get(P, a, (uint32_t)P->scopes.count - 1)->kinds |= B_CATCH;
        break;
    case DECL_FUNCTION:
        b = jsp_binding_get(P, a, (uint32_t)P->scopes.count - 1);
        clash = (b->kinds & (B_LEXICAL | B_CATCH)) ||
                (!functions_as_var(P, top) &&
                 ((b->kinds & B_VAR) || var_declared_within(P, a, top)));
        b->kinds |= B_FUNCTION;
        break;
    case DECL_VAR:
    case DECL_PARAM:
    case DECL_PARAM_DUP:
        clash = declare_var(P, a, decl, id->start);
        break;
    default:
        break;
    }
    if (clash)
        jsp_fail(P, id->start, "Identifier '%s' has already been declared", a->str);
}

/* ---- labels ---- */

static void label_push(jsp_parser *P, js_atom *name, jsp_label_kind kind, uint32_t start)
{
    jsp_label l = {name, kind, start};
    JSP_VEC_PUSH(P->labels, l);
}

static void label_pop(jsp_parser *P)
{
    P->labels.count--;
}

/* ---- statements ---- */

static js_node *parse_block(jsp_parser *P, bool new_scope)
{
    js_node *n = jsp_new_node(P, JS_BLOCK_STATEMENT, jsp_here(P));
    jsp_expect(P, JS_T_LBRACE);
    if (new_scope)
        jsp_scope_enter(P, 0);
    size_t mark = jsp_mark(P);
    while (!jsp_eat(P, JS_T_RBRACE))
        jsp_push(P, jsp_parse_statement(P, CTX_LIST, false));
    n->block.body = jsp_take(P, mark);
    if (new_scope)
        jsp_scope_exit(P);
    return jsp_finish(P, n);
}

/* One binding of a var, let or const declaration. */
static js_node *parse_var_id(jsp_parser *P, js_var_kind kind)
{
    if (kind != JS_VAR && jsp_is_word(P, JS_W_LET))
        jsp_fail(P, P->L.tok.start, "let is disallowed as a lexically bound name");
    js_node *id = jsp_parse_binding_atom(P);
    jsp_check_lval_pattern(P, id, kind == JS_VAR ? DECL_VAR : DECL_LEXICAL, NULL);
    return id;
}

static bool at_in_or_of(const jsp_parser *P)
{
    return P->L.tok.type == JS_T_IN || jsp_is_word(P, JS_W_OF);
}

/* The declarators of `n`, a VariableDeclaration whose keyword has been consumed. */
static void parse_var(jsp_parser *P, js_node *n, bool in_for, js_var_kind kind)
{
    n->variable_declaration.kind = kind;
    size_t mark = jsp_mark(P);
    do {
        js_node *d = jsp_new_node(P, JS_VARIABLE_DECLARATOR, jsp_here(P));
        js_node *id = d->variable_declarator.id = parse_var_id(P, kind);
        if (jsp_eat(P, JS_T_ASSIGN)) {
            d->variable_declarator.init = jsp_parse_maybe_assign(P, in_for ? FOR_INIT : FOR_NONE,
                                                                 NULL);
        } else if (!(in_for && at_in_or_of(P))) {
            if (kind == JS_CONST)
                jsp_fail(P, id->start, "Missing initializer in const declaration");
            if (id->type != JS_IDENTIFIER)
                jsp_fail(P, id->start, "Missing initializer in destructuring declaration");
        }
        jsp_push(P, jsp_finish(P, d));
    } while (jsp_eat(P, JS_T_COMMA));
    n->variable_declaration.declarations = jsp_take(P, mark);
}

static js_node *parse_var_statement(jsp_parser *P, js_var_kind kind)
{
    js_node *n = jsp_new_node(P, JS_VARIABLE_DECLARATION, jsp_here(P));
    jsp_next(P);
    parse_var(P, n, false, kind);
    jsp_semicolon(P);
    return jsp_finish(P, n);
}

/* Is the `let` here the start of a declaration?  In a statement list: when a name, `[` or
 * `{` follows; elsewhere only `let [` (which ExpressionStatement excludes), and `let` then a
 * name or `{` on the same line, which V8 reports as a misplaced declaration. */
static bool is_let_declaration(jsp_parser *P, jsp_stmt_ctx ctx)
{
    if (!jsp_is_word(P, JS_W_LET))
        return false;
    js_token next = jsp_peek(P);
    if (next.type == JS_T_LBRACKET)
        return true;
    bool name = next.type == JS_T_NAME ||
                (next.type >= JS_T_FIRST_KEYWORD && next.type != JS_T_IN &&
                 next.type != JS_T_INSTANCEOF);
    if (!name && next.type != JS_T_LBRACE)
        return false;
    return ctx == CTX_LIST || !next.nl_before;
}

static js_node *parse_expression_statement(jsp_parser *P, js_node *n, js_node *expr)
{
    n->type = JS_EXPRESSION_STATEMENT;
    n->expression_statement.expression = expr;
    jsp_semicolon(P);
    return jsp_finish(P, n);
}

static js_node *parse_break_continue(jsp_parser *P, js_node *n)
{
    bool is_break = P->L.tok.type == JS_T_BREAK;
    n->type = is_break ? JS_BREAK_STATEMENT : JS_CONTINUE_STATEMENT;
    jsp_next(P);
    js_node *label = NULL;
    if (P->L.tok.type == JS_T_NAME && !jsp_can_insert_semicolon(P))
        label = jsp_parse_ident(P, false);
    jsp_semicolon(P);
    n->jump.label = label;
    js_atom *name = label ? jsp_node_atom(P, label) : NULL;
    for (size_t i = P->labels.count; i-- > P->label_base;) {
        jsp_label *l = &P->labels.items[i];
        if (!name && l->kind != LABEL_PLAIN && (is_break || l->kind == LABEL_LOOP))
            return jsp_finish(P, n);
        if (name && l->name == name) {
            if (is_break || l->kind == LABEL_LOOP)
                return jsp_finish(P, n);
            jsp_fail(P, label->start,
                     "Illegal continue statement: '%s' does not denote an iteration statement",
                     name->str);
        }
    }
    if (name)
        jsp_fail(P, label->start, "Undefined label '%s'", name->str);
    if (is_break)
        jsp_fail(P, n->start, "Illegal break statement");
    jsp_fail(P, n->start, "Illegal continue statement: no surrounding iteration statement");
}

/* The body of a loop: labels it as a loop for break and continue. */
static js_node *parse_loop_body(jsp_parser *P)
{
    label_push(P, NULL, LABEL_LOOP, P->L.tok.start);
    js_node *body = jsp_parse_statement(P, CTX_OTHER, false);
    label_pop(P);
    return body;
}

static js_node *parse_do_while(jsp_parser *P, js_node *n)
{
    n->type = JS_DO_WHILE_STATEMENT;
    jsp_next(P);
    n->do_while.body = parse_loop_body(P);
    jsp_expect(P, JS_T_WHILE);
    n->do_while.test = jsp_parse_paren_expression(P);
    jsp_eat(P, JS_T_SEMI); /* a semicolon is inserted after do-while even on the same line */
    return jsp_finish(P, n);
}

static js_node *parse_while(jsp_parser *P, js_node *n)
{
    n->type = JS_WHILE_STATEMENT;
    jsp_next(P);
    n->while_statement.test = jsp_parse_paren_expression(P);
    n->while_statement.body = parse_loop_body(P);
    return jsp_finish(P, n);
}

/* `for (init; test; update) body` once init has been parsed. */
static js_node *parse_for_rest(jsp_parser *P, js_node *n, js_node *init)
{
    n->type = JS_FOR_STATEMENT;
    n->for_statement.init = init;
    jsp_expect(P, JS_T_SEMI);
    if (P->L.tok.type != JS_T_SEMI)
        n->for_statement.test = jsp_parse_expression(P, FOR_NONE, NULL);
    jsp_expect(P, JS_T_SEMI);
    if (P->L.tok.type != JS_T_RPAREN)
        n->for_statement.update = jsp_parse_expression(P, FOR_NONE, NULL);
    jsp_expect(P, JS_T_RPAREN);
    n->for_statement.body = parse_loop_body(P);
    return jsp_finish(P, n);
}

/* `for (left in right) body` and `for (left of right) body`, at `in` or `of`. */
static js_node *parse_for_in(jsp_parser *P, js_node *n, js_node *left)
{
    bool is_in = P->L.tok.type == JS_T_IN;
    jsp_next(P);
    if (left->type == JS_VARIABLE_DECLARATION) {
        js_node *d = left->variable_declaration.declarations.items[0];
        if (d->variable_declarator.init &&
            (!is_in || P->strict || left->variable_declaration.kind != JS_VAR ||
             d->variable_declarator.id->type != JS_IDENTIFIER))
            jsp_fail(P, d->start, "%s loop variable declaration may not have an initializer.",
                     is_in ? "for-in" : n->for_in.await ? "for-await-of" : "for-of");
    }
    n->type = is_in ? JS_FOR_IN_STATEMENT : JS_FOR_OF_STATEMENT;
    n->for_in.left = left;
    n->for_in.right = is_in ? jsp_parse_expression(P, FOR_NONE, NULL)
                            : jsp_parse_maybe_assign(P, FOR_NONE, NULL);
    jsp_expect(P, JS_T_RPAREN);
    n->for_in.body = parse_loop_body(P);
    return jsp_finish(P, n);
}

/* A for statement whose head declares: `for (let x ...`. */
static js_node *parse_for_declaration(jsp_parser *P, js_node *n, js_var_kind kind,
                                      uint32_t await_at)
{
    js_node *decl = jsp_new_node(P, JS_VARIABLE_DECLARATION, jsp_here(P));
    jsp_next(P);
    parse_var(P, decl, true, kind);
    jsp_finish(P, decl);
    if (at_in_or_of(P)) {
        if (decl->variable_declaration.declarations.count != 1)
            jsp_fail(P, decl->variable_declaration.declarations.items[0]->start,
                     "Invalid left-hand side in %s loop: Must have a single binding.",
                     P->L.tok.type == JS_T_IN ? "for-in" : "for-of");
        if (await_at && P->L.tok.type == JS_T_IN)
            jsp_unexpected(P);
        n->for_in.await = await_at != 0;
        return parse_for_in(P, n, decl);
    }
    if (await_at)
        jsp_fail(P, await_at - 1, "Unexpected reserved word");
    return parse_for_rest(P, n, decl);
}

/* A for statement whose head starts with an expression: `for (x in o)`, `for (;;)`. */
static js_node *parse_for_expression(jsp_parser *P, js_node *n, uint32_t await_at)
{
    bool starts_with_let = jsp_is_word(P, JS_W_LET);
    bool starts_with_async = jsp_is_word(P, JS_W_ASYNC);
    jsp_cover c = {0, 0, 0};
    uint32_t init_start = P->L.tok.start;
    js_node *init = await_at ? jsp_parse_expr_subscripts(P, &c, FOR_AWAIT)
                             : jsp_parse_expression(P, FOR_INIT, &c);
    if (at_in_or_of(P)) {
        bool is_of = P->L.tok.type != JS_T_IN;
        if (await_at && !is_of)
            jsp_unexpected(P);
        n->for_in.await = await_at != 0;
        if (is_of && !await_at && starts_with_async && init->type == JS_IDENTIFIER &&
            init->start == init_start && init->end == init_start + 5 && !init->flags)
            jsp_fail(P, init->start, "The left-hand side of a for-of loop may not be 'async'.");
        if (is_of && starts_with_let)
            jsp_fail(P, init->start,
                     "The left-hand side of a for-of loop may not start with 'let'.");
        const char *msg = "Invalid left-hand side in for-loop";
        init = jsp_to_assignable(P, init, false, msg, &c);
        jsp_check_lval_pattern(P, init, DECL_NONE, msg);
        return parse_for_in(P, n, init);
    }
    jsp_check_expression_errors(P, &c);
    if (await_at)
        jsp_unexpected(P);
    return parse_for_rest(P, n, init);
}

static js_node *parse_for(jsp_parser *P, js_node *n)
{
    jsp_next(P);
    uint32_t await_at = 0;
    if (jsp_is_word(P, JS_W_AWAIT)) {
        if (!jsp_can_await(P))
            jsp_fail(P, P->L.tok.start, "Unexpected reserved word");
        await_at = P->L.tok.start + 1;
        jsp_next(P);
    }
    jsp_scope_enter(P, 0);
    jsp_expect(P, JS_T_LPAREN);
    js_node *r;
    js_tok t = P->L.tok.type;
    if (t == JS_T_SEMI) {
        if (await_at)
            jsp_unexpected(P);
        r = parse_for_rest(P, n, NULL);
    } else if (t == JS_T_VAR || t == JS_T_CONST || is_let_declaration(P, CTX_LIST)) {
        js_var_kind kind = t == JS_T_VAR ? JS_VAR : t == JS_T_CONST ? JS_CONST : JS_LET;
        r = parse_for_declaration(P, n, kind, await_at);
    } else {
        r = parse_for_expression(P, n, await_at);
    }
    jsp_scope_exit(P);
    return r;
}

static js_node *parse_if(jsp_parser *P, js_node *n)
{
    n->type = JS_IF_STATEMENT;
    jsp_next(P);
    n->if_statement.test = jsp_parse_paren_expression(P);
    n->if_statement.consequent = jsp_parse_statement(P, CTX_IF, false);
    if (jsp_eat(P, JS_T_ELSE))
        n->if_statement.alternate = jsp_parse_statement(P, CTX_IF, false);
    return jsp_finish(P, n);
}

static js_node *parse_return(jsp_parser *P, js_node *n)
{
    bool in_function = jsp_var_scope(P)->flags & SC_FUNCTION;
    if (!in_function && !(P->allow_return && !P->module &&
                          (jsp_var_scope(P)->flags & SC_TOP)))
        jsp_fail(P, n->start, "Illegal return statement");
    n->type = JS_RETURN_STATEMENT;
    jsp_next(P);
    if (!jsp_eat(P, JS_T_SEMI) && !jsp_can_insert_semicolon(P)) {
        n->return_statement.argument = jsp_parse_expression(P, FOR_NONE, NULL);
        jsp_semicolon(P);
    }
    return jsp_finish(P, n);
}

/* The cases of a switch, after its `{`. */
static js_list parse_switch_cases(jsp_parser *P)
{
    size_t cases = jsp_mark(P);
    js_node *current = NULL;
    size_t consequent = 0;
    bool seen_default = false;
    for (;;) {
        js_tok t = P->L.tok.type;
        if (t == JS_T_CASE || t == JS_T_DEFAULT || t == JS_T_RBRACE) {
            if (current) {
                current->switch_case.consequent = jsp_take(P, consequent);
                jsp_push(P, jsp_finish(P, current));
            }
            if (t == JS_T_RBRACE)
                break;
            if (t == JS_T_DEFAULT && seen_default)
                jsp_fail(P, P->L.tok.start, "More than one default clause in switch statement");
            seen_default |= t == JS_T_DEFAULT;
            current = jsp_new_node(P, JS_SWITCH_CASE, jsp_here(P));
            jsp_next(P);
            if (t == JS_T_CASE)
                current->switch_case.test = jsp_parse_expression(P, FOR_NONE, NULL);
            jsp_expect(P, JS_T_COLON);
            consequent = jsp_mark(P);
        } else if (!current) {
            jsp_unexpected(P);
        } else {
            jsp_push(P, jsp_parse_statement(P, CTX_LIST, false));
        }
    }
    jsp_next(P);
    return jsp_take(P, cases);
}

static js_node *parse_switch(jsp_parser *P, js_node *n)
{
    n->type = JS_SWITCH_STATEMENT;
    jsp_next(P);
    n->switch_statement.discriminant = jsp_parse_paren_expression(P);
    jsp_expect(P, JS_T_LBRACE);
    label_push(P, NULL, LABEL_SWITCH, n->start);
    jsp_scope_enter(P, 0);
    n->switch_statement.cases = parse_switch_cases(P);
    jsp_scope_exit(P);
    label_pop(P);
    return jsp_finish(P, n);
}

static js_node *parse_throw(jsp_parser *P, js_node *n)
{
    n->type = JS_THROW_STATEMENT;
    jsp_next(P);
    if (P->L.tok.nl_before)
        jsp_fail(P, n->start, "Illegal newline after throw");
    n->throw_statement.argument = jsp_parse_expression(P, FOR_NONE, NULL);
    jsp_semicolon(P);
    return jsp_finish(P, n);
}

static js_node *parse_catch(jsp_parser *P)
{
    js_node *n = jsp_new_node(P, JS_CATCH_CLAUSE, jsp_here(P));
    jsp_next(P);
    if (jsp_eat(P, JS_T_LPAREN)) {
        js_node *param = jsp_parse_binding_atom(P);
        bool simple = param->type == JS_IDENTIFIER;
        jsp_scope_enter(P, simple ? SC_SIMPLE_CATCH : 0);
        jsp_check_lval_pattern(P, param, simple ? DECL_CATCH : DECL_LEXICAL, NULL);
        jsp_expect(P, JS_T_RPAREN);
        n->catch_clause.param = param;
    } else {
        jsp_scope_enter(P, 0);
    }
    n->catch_clause.body = parse_block(P, false); /* shares the parameter's scope */
    jsp_scope_exit(P);
    return jsp_finish(P, n);
}

static js_node *parse_try(jsp_parser *P, js_node *n)
{
    n->type = JS_TRY_STATEMENT;
    jsp_next(P);
    n->try_statement.block = parse_block(P, true);
    if (P->L.tok.type == JS_T_CATCH)
        n->try_statement.handler = parse_catch(P);
    if (jsp_eat(P, JS_T_FINALLY))
        n->try_statement.finalizer = parse_block(P, true);
    if (!n->try_statement.handler && !n->try_statement.finalizer)
        jsp_fail(P, P->prev_start, "Missing catch or finally after try");
    return jsp_finish(P, n);
}

static js_node *parse_with(jsp_parser *P, js_node *n)
{
    if (P->strict)
        jsp_fail(P, n->start, "Strict mode code may not include a with statement");
    n->type = JS_WITH_STATEMENT;
    jsp_next(P);
    n->with_statement.object = jsp_parse_paren_expression(P);
    n->with_statement.body = jsp_parse_statement(P, CTX_OTHER, false);
    return jsp_finish(P, n);
}

static jsp_stmt_ctx label_context(jsp_stmt_ctx ctx)
{
    return ctx == CTX_LIST ? CTX_LABEL : ctx == CTX_IF ? CTX_IF_LABEL : ctx;
}

static js_node *parse_labeled(jsp_parser *P, js_node *n, js_node *label, jsp_stmt_ctx ctx)
{
    js_atom *name = jsp_node_atom(P, label);
    for (size_t i = P->label_base; i < P->labels.count; i++)
        if (P->labels.items[i].name == name)
            jsp_fail(P, label->start, "Label '%s' has already been declared", name->str);
    js_tok t = P->L.tok.type;
    jsp_label_kind kind = t == JS_T_DO || t == JS_T_FOR || t == JS_T_WHILE ? LABEL_LOOP
                         : t == JS_T_SWITCH                               ? LABEL_SWITCH
                                                                          : LABEL_PLAIN;
    /* `a: b: while (...)`: the labels before this one name the same statement */
    for (size_t i = P->labels.count; i-- > P->label_base;) {
        jsp_label *l = &P->labels.items[i];
        if (l->stmt_start != n->start)
            break;
        l->stmt_start = P->L.tok.start;
        l->kind = kind;
    }
    label_push(P, name, kind, P->L.tok.start);
    n->type = JS_LABELED_STATEMENT;
    n->labeled.label = label;
    n->labeled.body = jsp_parse_statement(P, label_context(ctx), false);
    label_pop(P);
    return jsp_finish(P, n);
}

/* A function declaration where only a statement may be (`if (a) function f() {}`): sloppy
 * code allows plain functions as the body of an if or a label (Annex B.3.3, B.3.4). */
static void check_hanging_function(jsp_parser *P, jsp_stmt_ctx ctx, bool is_async)
{
    if (ctx == CTX_LIST)
        return;
    if (is_async)
        jsp_fail(P, P->L.tok.start,
                 "Async functions can only be declared at the top level or inside a block.");
    if (P->strict)
        jsp_fail(P, P->L.tok.start, "In strict mode code, functions can only be declared at top "
                                   "level or inside a block.");
    if (ctx != CTX_IF && ctx != CTX_LABEL)
        jsp_fail(P, P->L.tok.start,
                 "In non-strict mode code, functions can only be declared at top level, inside a "
                 "block, or as the body of an if statement.");
    js_token next = jsp_peek(P);
    if (next.type == JS_T_STAR)
        jsp_fail(P, next.start,
                 "Generators can only be declared at the top level or inside a block.");
}

static js_node *parse_function_statement(jsp_parser *P, js_node *n, jsp_stmt_ctx ctx,
                                         bool is_async)
{
    check_hanging_function(P, ctx, is_async);
    if (is_async)
        jsp_next(P);
    n->type = JS_FUNCTION_DECLARATION;
    jsp_next(P);
    return jsp_parse_function(P, n, FN_STATEMENT | (ctx == CTX_LIST ? 0 : FN_HANGING), is_async,
                              FOR_NONE);
}

/* ---- modules ---- */

/* Records an exported name; a name exported twice is an error. */
static void add_export(jsp_parser *P, const js_node *name_node)
{
    js_atom *a = jsp_node_atom(P, name_node);
    jsp_binding *b = jsp_binding_get(P, a, 0);
    if (b->kinds & B_EXPORTED)
        jsp_fail(P, name_node->start, "Duplicate export of '%s'", a->str);
    b->kinds |= B_EXPORTED;
}

static void add_export_text(jsp_parser *P, const char *name, size_t at)
{
    js_node id = {.type = JS_IDENTIFIER, .start = (uint32_t)at};
    id.identifier.name = name;
    add_export(P, &id);
}

/* The names a declaration binds, exported. */
static void export_pattern(jsp_parser *P, const js_node *n)
{
    switch (n->type) {
    case JS_IDENTIFIER: add_export(P, n); break;
    case JS_OBJECT_PATTERN:
        for (size_t i = 0; i < n->object.properties.count; i++) {
            const js_node *p = n->object.properties.items[i];
            export_pattern(P, p->type == JS_PROPERTY ? p->property.value : p);
        }
        break;
    case JS_ARRAY_PATTERN:
        for (size_t i = 0; i < n->array.elements.count; i++)
            if (n->array.elements.items[i])
                export_pattern(P, n->array.elements.items[i]);
        break;
    case JS_ASSIGNMENT_PATTERN: export_pattern(P, n->assignment_pattern.left); break;
    case JS_REST_ELEMENT: export_pattern(P, n->rest.argument); break;
    default: break;
    }
}

static void export_declaration(jsp_parser *P, const js_node *d)
{
    if (d->type == JS_VARIABLE_DECLARATION) {
        const js_list *decls = &d->variable_declaration.declarations;
        for (size_t i = 0; i < decls->count; i++)
            export_pattern(P, decls->items[i]->variable_declarator.id);
    } else if (d->type == JS_FUNCTION_DECLARATION) {
        add_export(P, d->function.id);
    } else if (d->type == JS_CLASS_DECLARATION) {
        add_export(P, d->class.id);
    }
}

/* Every `export { x }` without `from` names something the module declares. */
static void check_export_refs(jsp_parser *P)
{
    for (size_t i = 0; i < P->export_refs.count; i++) {
        const js_node *id = P->export_refs.items[i];
        jsp_binding *b = jsp_binding_in(jsp_node_atom(P, id), 0);
        if (!b || !(b->kinds & (B_VAR | B_LEXICAL | B_FUNCTION)))
            jsp_fail(P, id->start, "Export '%s' is not defined in module", id->identifier.name);
    }
}

static js_node *parse_string_literal(jsp_parser *P)
{
    if (P->L.tok.type != JS_T_STRING)
        jsp_unexpected(P);
    return jsp_parse_literal(P);
}

/* `with { type: "json" }` (or `assert {...}`) after a module specifier. */
static js_list parse_import_attributes(jsp_parser *P)
{
    size_t mark = jsp_mark(P);
    if (!(P->L.tok.type == JS_T_WITH || (jsp_is_word(P, JS_W_ASSERT) && !P->L.tok.nl_before)))
        return jsp_take(P, mark);
    jsp_next(P);
    jsp_expect(P, JS_T_LBRACE);
    while (!jsp_eat(P, JS_T_RBRACE)) {
        js_node *a = jsp_new_node(P, JS_IMPORT_ATTRIBUTE, jsp_here(P));
        a->import_attribute.key = P->L.tok.type == JS_T_STRING ? jsp_parse_literal(P)
                                                                : jsp_parse_ident(P, true);
        js_atom *key = jsp_node_atom(P, a->import_attribute.key);
        for (size_t i = mark; i < P->stack.count; i++)
            if (jsp_node_atom(P, P->stack.items[i]->import_attribute.key) == key)
                jsp_fail(P, a->start, "Import assertion has duplicate key '%s'", key->str);
        jsp_expect(P, JS_T_COLON);
        a->import_attribute.value = parse_string_literal(P);
        jsp_push(P, jsp_finish(P, a));
        if (P->L.tok.type != JS_T_RBRACE)
            jsp_expect(P, JS_T_COMMA);
    }
    return jsp_take(P, mark);
}

/* `local` of an import: a name, declared like let. */
static js_node *parse_import_local(jsp_parser *P)
{
    js_node *local = jsp_parse_ident(P, false);
    jsp_check_lval_pattern(P, local, DECL_LEXICAL, NULL);
    return local;
}

static js_node *parse_import_specifier(jsp_parser *P)
{
    js_node *s = jsp_new_node(P, JS_IMPORT_SPECIFIER, jsp_here(P));
    js_node *imported = s->import_specifier.imported = jsp_parse_module_export_name(P);
    if (jsp_eat_word(P, JS_W_AS)) {
        s->import_specifier.local = parse_import_local(P);
    } else {
        if (imported->type != JS_IDENTIFIER)
            jsp_fail(P, imported->start, "Unexpected string");
        jsp_check_unreserved(P, imported);
        jsp_check_lval_pattern(P, imported, DECL_LEXICAL, NULL);
        s->import_specifier.local = jsp_copy_node(P, imported);
    }
    return jsp_finish(P, s);
}

static js_list parse_import_specifiers(jsp_parser *P)
{
    size_t mark = jsp_mark(P);
    if (P->L.tok.type == JS_T_NAME) {
        js_node *s = jsp_new_node(P, JS_IMPORT_DEFAULT_SPECIFIER, jsp_here(P));
        s->import_specifier.local = parse_import_local(P);
        jsp_push(P, jsp_finish(P, s));
        if (!jsp_eat(P, JS_T_COMMA))
            return jsp_take(P, mark);
    }
    if (P->L.tok.type == JS_T_STAR) {
        js_node *s = jsp_new_node(P, JS_IMPORT_NAMESPACE_SPECIFIER, jsp_here(P));
        jsp_next(P);
        jsp_expect_word(P, JS_W_AS);
        s->import_specifier.local = parse_import_local(P);
        jsp_push(P, jsp_finish(P, s));
        return jsp_take(P, mark);
    }
    jsp_expect(P, JS_T_LBRACE);
    while (!jsp_eat(P, JS_T_RBRACE)) {
        jsp_push(P, parse_import_specifier(P));
        if (P->L.tok.type != JS_T_RBRACE)
            jsp_expect(P, JS_T_COMMA);
    }
    return jsp_take(P, mark);
}

static js_node *parse_import(jsp_parser *P, js_node *n)
{
    n->type = JS_IMPORT_DECLARATION;
    jsp_next(P);
    if (P->L.tok.type != JS_T_STRING) {
        n->import_declaration.specifiers = parse_import_specifiers(P);
        jsp_expect_word(P, JS_W_FROM);
    }
    n->import_declaration.source = parse_string_literal(P);
    n->import_declaration.attributes = parse_import_attributes(P);
    jsp_semicolon(P);
    return jsp_finish(P, n);
}

static js_list parse_export_specifiers(jsp_parser *P)
{
    size_t mark = jsp_mark(P);
    jsp_expect(P, JS_T_LBRACE);
    while (!jsp_eat(P, JS_T_RBRACE)) {
        js_node *s = jsp_new_node(P, JS_EXPORT_SPECIFIER, jsp_here(P));
        s->export_specifier.local = jsp_parse_module_export_name(P);
        s->export_specifier.exported = jsp_eat_word(P, JS_W_AS)
                                           ? jsp_parse_module_export_name(P)
                                           : jsp_copy_node(P, s->export_specifier.local);
        add_export(P, s->export_specifier.exported);
        jsp_push(P, jsp_finish(P, s));
        if (P->L.tok.type != JS_T_RBRACE)
            jsp_expect(P, JS_T_COMMA);
    }
    return jsp_take(P, mark);
}

/* `export { a, b as c }` without `from`: the locals are names of this module. */
static void check_local_exports(jsp_parser *P, js_list specifiers)
{
    for (size_t i = 0; i < specifiers.count; i++) {
        js_node *local = specifiers.items[i]->export_specifier.local;
        if (local->type != JS_IDENTIFIER)
            jsp_fail(P, local->start,
                     "String literal module export names must be followed by a 'from' clause");
        const js_atom *a = jsp_node_atom(P, local);
        if (a->keyword != JS_T_NAME || a->word == JS_W_AWAIT)
            jsp_fail(P, local->start, "Unexpected reserved word");
        jsp_check_unreserved(P, local);
        JSP_VEC_PUSH(P->export_refs, local);
    }
}

static js_node *parse_export_default(jsp_parser *P, js_node *n, size_t default_at)
{
    n->type = JS_EXPORT_DEFAULT_DECLARATION;
    add_export_text(P, "default", default_at);
    bool is_async = jsp_is_async_function(P);
    if (P->L.tok.type == JS_T_FUNCTION || is_async) {
        js_node *f = jsp_new_node(P, JS_FUNCTION_DECLARATION, jsp_here(P));
        if (is_async)
            jsp_next(P);
        jsp_next(P);
        n->export_default.declaration =
            jsp_parse_function(P, f, FN_STATEMENT | FN_NULLABLE_ID, is_async, FOR_NONE);
    } else if (P->L.tok.type == JS_T_CLASS) {
        n->export_default.declaration = jsp_parse_class(P, true, true);
    } else {
        n->export_default.declaration = jsp_parse_maybe_assign(P, FOR_NONE, NULL);
        jsp_semicolon(P);
    }
    return jsp_finish(P, n);
}

static js_node *parse_export_all(jsp_parser *P, js_node *n)
{
    n->type = JS_EXPORT_ALL_DECLARATION;
    if (jsp_eat_word(P, JS_W_AS)) {
        n->export_all.exported = jsp_parse_module_export_name(P);
        add_export(P, n->export_all.exported);
    }
    jsp_expect_word(P, JS_W_FROM);
    n->export_all.source = parse_string_literal(P);
    n->export_all.attributes = parse_import_attributes(P);
    jsp_semicolon(P);
    return jsp_finish(P, n);
}

static js_node *parse_export(jsp_parser *P, js_node *n)
{
    jsp_next(P);
    if (jsp_eat(P, JS_T_STAR))
        return parse_export_all(P, n);
    if (P->L.tok.type == JS_T_DEFAULT) {
        size_t at = P->L.tok.start;
        jsp_next(P);
        return parse_export_default(P, n, at);
    }
    n->type = JS_EXPORT_NAMED_DECLARATION;
    js_tok t = P->L.tok.type;
    if (t == JS_T_VAR || t == JS_T_CONST || t == JS_T_CLASS || t == JS_T_FUNCTION ||
        is_let_declaration(P, CTX_LIST) || jsp_is_async_function(P)) {
        js_node *d = n->export_named.declaration = jsp_parse_statement(P, CTX_LIST, true);
        export_declaration(P, d);
        return jsp_finish(P, n);
    }
    n->export_named.specifiers = parse_export_specifiers(P);
    if (jsp_eat_word(P, JS_W_FROM)) {
        n->export_named.source = parse_string_literal(P);
        n->export_named.attributes = parse_import_attributes(P);
    } else {
        check_local_exports(P, n->export_named.specifiers);
    }
    jsp_semicolon(P);
    return jsp_finish(P, n);
}

/* `import` or `export` at the start of a statement. */
static js_node *parse_module_item(jsp_parser *P, js_node *n, bool top_level)
{
    bool is_import = P->L.tok.type == JS_T_IMPORT;
    if (is_import) {
        js_tok next = jsp_peek(P).type;
        if (next == JS_T_LPAREN || next == JS_T_DOT)
            return parse_expression_statement(P, n, jsp_parse_expression(P, FOR_NONE, NULL));
    }
    if (!P->module && is_import)
        jsp_fail(P, n->start, "Cannot use import statement outside a module");
    if (!P->module || !top_level) {
        if (is_import)
            jsp_next(P); /* V8 names the token after a misplaced import */
        jsp_unexpected(P);
    }
    return is_import ? parse_import(P, n) : parse_export(P, n);
}

/* ---- the statement dispatch ---- */

/* `\u0061sync function`: V8 rejects the escaped modifier at a statement's start. */
static bool is_escaped_async_function(jsp_parser *P)
{
    const js_token *t = &P->L.tok;
    if (t->type != JS_T_NAME || !t->escaped || t->atom->word != JS_W_ASYNC)
        return false;
    js_token next = jsp_peek(P);
    return next.type == JS_T_FUNCTION && !next.nl_before;
}

static js_node *parse_keyword_statement(jsp_parser *P, js_node *n, jsp_stmt_ctx ctx, bool top)
{
    switch (P->L.tok.type) {
    case JS_T_BREAK:
    case JS_T_CONTINUE: return parse_break_continue(P, n);
    case JS_T_DEBUGGER:
        n->type = JS_DEBUGGER_STATEMENT;
        jsp_next(P);
        jsp_semicolon(P);
        return jsp_finish(P, n);
    case JS_T_DO: return parse_do_while(P, n);
    case JS_T_FOR: return parse_for(P, n);
    case JS_T_FUNCTION: return parse_function_statement(P, n, ctx, false);
    case JS_T_CLASS:
        if (ctx != CTX_LIST)
            jsp_unexpected(P);
        return jsp_parse_class(P, true, false);
    case JS_T_IF: return parse_if(P, n);
    case JS_T_RETURN: return parse_return(P, n);
    case JS_T_SWITCH: return parse_switch(P, n);
    case JS_T_THROW: return parse_throw(P, n);
    case JS_T_TRY: return parse_try(P, n);
    case JS_T_CONST:
        if (ctx != CTX_LIST)
            jsp_unexpected(P);
        return parse_var_statement(P, JS_CONST);
    case JS_T_VAR: return parse_var_statement(P, JS_VAR);
    case JS_T_WHILE: return parse_while(P, n);
    case JS_T_WITH: return parse_with(P, n);
    case JS_T_LBRACE: return parse_block(P, true);
    case JS_T_SEMI:
        n->type = JS_EMPTY_STATEMENT;
        jsp_next(P);
        return jsp_finish(P, n);
    case JS_T_IMPORT:
    case JS_T_EXPORT: return parse_module_item(P, n, top);
    default: return NULL;
    }
}

js_node *jsp_parse_statement(jsp_parser *P, jsp_stmt_ctx ctx, bool top_level)
{
    jsp_enter(P);
    js_node *n = jsp_new_node(P, JS_EMPTY_STATEMENT, jsp_here(P));
    js_node *r;
    if (is_let_declaration(P, ctx)) {
        if (ctx != CTX_LIST)
            jsp_fail(P, n->start,
                     "Lexical declaration cannot appear in a single-statement context");
        r = parse_var_statement(P, JS_LET);
    } else if (jsp_is_async_function(P)) {
        r = parse_function_statement(P, n, ctx, true);
    } else if (is_escaped_async_function(P)) {
        jsp_fail(P, n->start, "Keyword must not contain escaped characters");
    } else if (!(r = parse_keyword_statement(P, n, ctx, top_level))) {
        bool name = P->L.tok.type == JS_T_NAME;
        js_node *expr = jsp_parse_expression(P, FOR_NONE, NULL);
        if (name && expr->type == JS_IDENTIFIER && !expr->flags && jsp_eat(P, JS_T_COLON))
            r = parse_labeled(P, n, expr, ctx);
        else
            r = parse_expression_statement(P, n, expr);
    }
    jsp_leave(P);
    return r;
}

/* ---- bodies and the program ---- */

/* Is `s`, parsed from the string token `t`, a directive: just that string, unparenthesized? */
static bool is_directive(const js_node *s, const js_token *t)
{
    if (s->type != JS_EXPRESSION_STATEMENT)
        return false;
    const js_node *e = s->expression_statement.expression;
    return e->type == JS_LITERAL && e->start == t->start && e->end == t->end && !e->flags;
}

uint32_t jsp_parse_body(jsp_parser *P, js_tok end,
                        void (*on_prologue)(jsp_parser *, void *, uint32_t), void *ctx)
{
    bool top = end == JS_T_EOF;
    uint32_t use_strict = 0, octal = 0;
    const char *octal_msg = NULL;
    while (P->L.tok.type == JS_T_STRING) {
        js_token t = P->L.tok;
        js_node *s = jsp_parse_statement(P, CTX_LIST, top);
        jsp_push(P, s);
        if (!is_directive(s, &t))
            break;
        const char *raw = P->L.src + t.start + 1;
        size_t len = t.end - t.start - 2;
        char *d = arena_alloc(P->arena, len + 1);
        memcpy(d, raw, len);
        s->expression_statement.directive = d;
        if (len == 10 && memcmp(raw, "use strict", 10) == 0) {
            use_strict = t.start + 1;
            P->strict = true;
            if (octal)
                jsp_fail(P, octal - 1, "%s", octal_msg);
        }
        if (t.legacy && !octal) {
            octal = t.legacy;
            octal_msg = t.legacy_msg;
        }
    }
    if (on_prologue)
        on_prologue(P, ctx, use_strict);
    while (P->L.tok.type != end) {
        if (P->L.tok.type == JS_T_EOF)
            jsp_unexpected(P);
        jsp_push(P, jsp_parse_statement(P, CTX_LIST, top));
    }
    return use_strict;
}

static js_node *parse_program(jsp_parser *P)
{
    js_node *n = jsp_new_node(P, JS_PROGRAM, (jsp_pos){0, 1, 1});
    jsp_scope_enter(P, SC_TOP);
    P->strict = P->module;
    size_t mark = jsp_mark(P);
    uint32_t use_strict = jsp_parse_body(P, JS_T_EOF, NULL, NULL);
    if (P->module)
        check_export_refs(P);
    n->program.body = jsp_take(P, mark);
    n->program.source_type = P->module ? JS_MODULE : JS_SCRIPT;
    n->program.use_strict = use_strict != 0;
    n->program.strict = P->strict;
    n->end = (uint32_t)P->L.len;
    jsp_scope_exit(P);
    return n;
}

/* ---- the API ---- */

static void parser_free(jsp_parser *P)
{
    js_lex_free(&P->sh);
    free(P->scopes.items);
    free(P->labels.items);
    free(P->private_refs.items);
    free(P->export_refs.items);
    free(P->stack.items);
    free(P);
}

/* Parses with P->sh.fail set; NULL after an error. */
static js_node *parse_guarded(jsp_parser *P, const char *src, size_t len)
{
    if (setjmp(P->sh.fail))
        return NULL;
    js_lex_init(&P->L, &P->sh, P->arena, src, len);
    P->L.html_comments = !P->module;
    if (len >= UINT32_MAX)
        jsp_fail(P, 0, "Source too large: 4 GiB or more");
    js_lex_next(&P->L);
    return parse_program(P);
}

js_node *js_parse(ls_arena *arena, const char *file, const char *src, size_t len,
                  const js_parse_options *opt, js_parse_error *err)
{
    jsp_parser *P = xrealloc(NULL, sizeof *P);
    memset(P, 0, sizeof *P);
    P->arena = arena;
    P->module = opt && opt->module;
    P->allow_return = opt && opt->allow_return_outside_function;
    js_node *program = parse_guarded(P, src, len);
    if (!program) {
        err->file = file;
        err->offset = P->sh.error.offset;
        js_lex_position(&P->L, err->offset, &err->line, &err->col);
        snprintf(err->message, sizeof err->message, "%s", P->sh.error.message);
    }
    parser_free(P);
    return program;
}

void js_parse_error_print(const js_parse_error *err, FILE *out)
{
    fprintf(out, "%s:%u:%u: error: SyntaxError: %s\n", err->file ? err->file : "<input>",
            err->line, err->col, err->message);
}
