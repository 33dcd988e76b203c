/* compile.c - from the syntax tree (ast.h) to bytecode (opcodes.def).
 *
 * Two passes over each program, as in most compilers of closures (Lua's lparser.c does both in
 * one because Lua declares before use; JavaScript hoists, so it cannot):
 *
 *   1. Scopes (analyze): every function, block, loop head, catch clause, switch and class gets
 *      a scope, with the names it declares, hoisted as ECMA-262 says (var and function
 *      declarations to the function, let/const/class to their block).  Every identifier is then
 *      resolved along the scope chain, and a name that an inner function uses is marked
 *      captured.  `arguments`, and `this` and `new.target` where an arrow function uses its
 *      parent's, are bindings of the function that has them, so arrows capture them like any
 *      variable.
 *
 *   2. Code (gen): a binding that nothing captures lives in a register of its frame; captured
 *      bindings live in an environment, one per scope that has any, made when the scope is
 *      entered (PUSH_SCOPE) and, for a `for (let ...)` loop, copied for each iteration
 *      (COPY_SCOPE) as CreatePerIterationEnvironment does, so that each iteration's closures
 *      see their own `i`.  Expressions push their value on the operand stack; the compiler keeps
 *      the stack depth to size frames.  `try` has a handler table (not instructions); a
 *      `finally` block is compiled inline on every way out of its `try` (falling through,
 *      break, continue, return) and once more in a handler that rethrows, which is also how a
 *      `for...of` loop closes its iterator.
 *
 * What the compiler refuses: `with`, direct `eval`, `import()` of anything but a builtin module
 * name is left to the embedder.  Refusals say "loopsim does not model ..." with the place, as
 * every input error does (FILE:LINE:COL: error: ...).
 */
#include "jsi.h"
#include "xalloc.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "numconv.h"

/* ---- scopes (pass 1) ------------------------------------------------------------------------ */

typedef enum {
    B_VAR,
    B_LET,
    B_CONST,
    B_FUNCTION,   /* a function declaration (var-like at a function's top, let-like in blocks) */
    B_PARAM,
    B_CLASS,      /* a class declaration (let-like); or a class's inner name (const-like) */
    B_CATCH,
    B_IMPORT,     /* const-like */
    B_SELF,       /* a named function expression's own name (read-only, silently) */
    B_ARGUMENTS,
    B_THIS,       /* a function's this, when an arrow inside uses it */
    B_NEW_TARGET,
    B_PRIVATE     /* a class's #name: holds its private symbol */
} bkind;

typedef struct binding {
    const char *name;
    uint8_t kind;
    bool captured;
    bool lexical;          /* TDZ applies */
    bool is_const;
    int32_t reg;           /* register, or -1 */
    int32_t slot;          /* environment slot, or -1 */
    uint32_t decl_end;     /* where the declaration ends in the source (TDZ check elision) */
    struct scope *scope;
} binding;

typedef struct func func;

typedef struct scope {
    struct scope *parent;
    func *fn;
    binding **b;
    uint32_t n, cap;
    binding **index;       /* past SCOPE_INDEX_AT bindings: open addressing by the name's hash,
                            * so a scope of thousands of names (a long program's top level) is
                            * not searched from the start for every name used below it */
    uint32_t index_cap;
    bool function_scope;   /* var and function declarations go here */
    bool switch_scope;     /* a switch's cases: TDZ checks always (jumps skip declarations) */
    bool allocated;        /* pass 2 gave its bindings registers and slots */
    uint32_t env_slots;    /* captured bindings */
    uint32_t env_level;    /* pass 2: its environment's position among those of its function */
    const js_node *node;
} scope;

struct func {
    func *parent;
    const js_node *node;      /* a function node, or the Program */
    scope *top;               /* its function scope (parameters, vars) */
    bool arrow, async, generator, strict, method, class_ctor, derived, program;
    bool uses_arguments, uses_this_binding, uses_new_target_binding;
    bool has_super_call;
    binding *arguments_binding, *this_binding, *new_target_binding;
    const char *name;         /* given or inferred */
    js_node *class_node;      /* class constructors: their class (fields) */
};

/* node -> scope, node -> func */
typedef struct {
    const void **keys;
    void **vals;
    size_t n, cap;
} nodemap;

/* ---- code (pass 2) -------------------------------------------------------------------------- */

typedef struct {
    uint32_t *v;
    uint32_t n, cap;
} u32vec;

/* a target of break/continue: a loop, a switch or a labelled statement, or a construct to
 * clean up when a jump leaves it (a finally, a for...of iterator, a for...in key list) */
typedef enum { T_LOOP, T_SWITCH, T_LABEL, T_FINALLY, T_ITERATOR, T_STACK } ttype;

typedef struct target {
    struct target *outer;
    ttype type;
    const char *label;        /* T_LABEL (and loops with a label on them) */
    const char **labels;      /* labels naming this loop */
    uint32_t nlabels;
    u32vec breaks, continues; /* jumps to patch */
    uint32_t scope_depth;     /* environments pushed when it starts */
    uint32_t sp;              /* operand stack depth where a jump out of it lands */
    const js_node *finalizer; /* T_FINALLY */
    uint32_t stack_items;     /* T_ITERATOR (2), T_STACK (n): values to drop */
    int handler;              /* T_FINALLY / T_ITERATOR: its handler entry (segments) */
} target;

/* a handler that closes an iterator and rethrows, emitted after the function's code (nothing
 * falls into it there): the stack depth and scope depth where it runs, the handler table
 * entries to point at it */
typedef struct {
    uint32_t sp, depth;
    u32vec entries;
    bool async;               /* for await: the result of return() is awaited */
} iter_closer;

typedef struct cfunc {
    struct cfunc *parent;
    func *fn;
    js_proto *proto;
    u32vec code;
    js_value *numbers;
    uint32_t nnumbers, numbers_cap;
    const char **names;
    uint32_t *name_lens;
    uint32_t nnames, names_cap;
    js_proto **protos;
    uint32_t nprotos, protos_cap;
    js_trycatch *handlers;
    uint32_t nhandlers, handlers_cap;
    js_lineinfo *lines;
    uint32_t nlines, lines_cap;
    uint32_t nregs;
    uint32_t sp, maxstack;
    uint32_t scope_depth;     /* environments pushed now (the function scope's counts) */
    scope *cur;               /* innermost scope */
    target *targets;
    uint32_t last_line, last_col;
    uint32_t created_at_depth;/* the parent's scope depth where this function's closure is made */
    iter_closer *closers;     /* gen_close_on_throw's handlers, emitted by finish */
    uint32_t nclosers, closers_cap;
} cfunc;


typedef struct {
    ls_arena *arena;               /* the program's: protos, code, names */
    const js_compile_options *opt;
    nodemap scopes, funcs;
    jmp_buf fail;
    char *error;
    js_program *program;
    func *fn1;                     /* pass 1: the function being analyzed */
    scope *sc1;                    /* pass 1: the innermost scope */
    cfunc *cf;                     /* pass 2: the function being generated */
    uint32_t natoms;
    uint32_t text_start, text_end; /* gen_method: the source text of the next function (its
                                    * toString), when not its own node's; end 0: unset */
    size_t copied_words;           /* bytecode emitted as copies of finally blocks (leave_tgt) */
    const js_node *finally_copied; /* the innermost finally block being copied (leave_tgt) */
} compiler;

/* A finally block is compiled once on its normal and throw paths and copied at every return,
 * break or continue that leaves it (leave_tgt), so nested finally blocks with such exits
 * multiply: 16 levels took 190 s and 11 GB to compile.  The copies stop here, 16 times what
 * the largest program of the corpora needs in all (under 16,384 words), and the program is
 * refused.  Only copies count: a program's own code is as long as its text makes it (a 1 MB
 * program of 8,000 functions compiles to about 300,000 words), and memory is its limit. */
enum { MAX_COPIED_WORDS = 1 << 18 };

/* ---- errors --------------------------------------------------------------------------------- */

static void fail_at(compiler *C, const js_node *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4), noreturn));

static void fail_at(compiler *C, const js_node *n, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    size_t size = strlen(msg) + strlen(C->opt->file) + 64;
    C->error = malloc(size);
    if (C->error)
        snprintf(C->error, size, "%s:%u:%u: error: %s\n", C->opt->file, n ? n->line : 1,
                 n ? n->col : 1, msg);
    longjmp(C->fail, 1);
}

#define REFUSE(C, n, what) fail_at(C, n, "loopsim does not model %s", what)

/* ---- small tables ------------------------------------------------------------------------------ */

static void *grow(void *p, uint32_t *cap, uint32_t need, size_t size)
{
    if (need <= *cap)
        return p;
    uint32_t c = *cap ? *cap : 8;
    while (c < need)
        c *= 2;
    p = realloc(p, (size_t)c * size);
    if (!p)
        ls_out_of_memory(0);
    *cap = c;
    return p;
}

static void vec_push(u32vec *v, uint32_t x)
{
    v->v = grow(v->v, &v->cap, v->n + 1, sizeof *v->v);
    v->v[v->n++] = x;
}

static size_t map_slot(const nodemap *m, const void *k)
{
    size_t h = ((uintptr_t)k >> 4) * 0x9E3779B97F4A7C15ull;
    size_t i = h & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != k)
        i = (i + 1) & (m->cap - 1);
    return i;
}

static void map_put(nodemap *m, const void *k, void *v)
{
    if (2 * (m->n + 1) > m->cap) {
        nodemap old = *m;
        m->cap = old.cap ? 2 * old.cap : 256;
        m->keys = calloc(m->cap, sizeof *m->keys);
        m->vals = calloc(m->cap, sizeof *m->vals);
        if (!m->keys || !m->vals)
            ls_out_of_memory(0);
        m->n = 0;
        for (size_t i = 0; i < old.cap; i++)
            if (old.keys[i]) {
                size_t j = map_slot(m, old.keys[i]);
                m->keys[j] = old.keys[i];
                m->vals[j] = old.vals[i];
                m->n++;
            }
        free(old.keys);
        free(old.vals);
    }
    size_t i = map_slot(m, k);
    if (!m->keys[i])
        m->n++;
    m->keys[i] = k;
    m->vals[i] = v;
}

static void *map_get(const nodemap *m, const void *k)
{
    if (!m->cap)
        return NULL;
    size_t i = map_slot(m, k);
    return m->keys[i] ? m->vals[i] : NULL;
}

static void map_free(nodemap *m)
{
    free(m->keys);
    free(m->vals);
}

/* ---- pass 1: scopes ----------------------------------------------------------------------------- */

static scope *scope_new(compiler *C, scope *parent, func *fn, const js_node *node, bool fscope)
{
    scope *s = arena_alloc(C->arena, sizeof *s);
    s->parent = parent;
    s->fn = fn;
    s->node = node;
    s->function_scope = fscope;
    if (node)
        map_put(&C->scopes, node, s);
    return s;
}

/* Names of the program are interned by the parser (equal names, one pointer); the compiler's
 * own ("require", "%this") are not, hence the strcmp after the pointer test. */
static bool same_name(const char *a, const char *b)
{
    return a == b || strcmp(a, b) == 0;
}

enum { SCOPE_INDEX_AT = 16 };

static uint32_t name_hash(const char *name)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

static binding *find_here(const scope *s, const char *name)
{
    if (s->index) {
        for (uint32_t i = name_hash(name) & (s->index_cap - 1); s->index[i];
             i = (i + 1) & (s->index_cap - 1))
            if (same_name(s->index[i]->name, name))
                return s->index[i];
        return NULL;
    }
    for (uint32_t i = 0; i < s->n; i++)
        if (same_name(s->b[i]->name, name))
            return s->b[i];
    return NULL;
}

static void index_put(scope *s, binding *b)
{
    uint32_t i = name_hash(b->name) & (s->index_cap - 1);
    while (s->index[i])
        i = (i + 1) & (s->index_cap - 1);
    s->index[i] = b;
}

/* Keeps a scope past SCOPE_INDEX_AT bindings indexed, at most half full (in the arena). */
static void index_binding(compiler *C, scope *s, binding *b)
{
    if (s->n <= SCOPE_INDEX_AT)
        return;
    if (!s->index || 2 * s->n > s->index_cap) {
        uint32_t cap = 64;
        while (cap < 4 * s->n)
            cap *= 2;
        s->index = arena_alloc(C->arena, cap * sizeof *s->index);
        memset(s->index, 0, cap * sizeof *s->index);
        s->index_cap = cap;
        for (uint32_t i = 0; i < s->n; i++)
            index_put(s, s->b[i]);
        return;
    }
    index_put(s, b);
}

static binding *declare(compiler *C, scope *s, const char *name, bkind kind, uint32_t decl_end)
{
    binding *b = find_here(s, name);
    if (b) {
        /* var over var or function, a function redeclared: one binding (the parser has
         * refused the redeclarations that are errors) */
        if (kind == B_FUNCTION && b->kind == B_VAR)
            b->kind = B_FUNCTION;
        return b;
    }
    b = arena_alloc(C->arena, sizeof *b);
    b->name = name;
    b->kind = (uint8_t)kind;
    b->lexical = kind == B_LET || kind == B_CONST || kind == B_CLASS;
    b->is_const = kind == B_CONST || kind == B_IMPORT;
    b->reg = b->slot = -1;
    b->decl_end = decl_end;
    b->scope = s;
    if (s->n == s->cap) { /* in the arena, with the scope */
        uint32_t cap = s->cap ? 2 * s->cap : 8;
        s->b = arena_grow(C->arena, s->b, s->n, cap, sizeof *s->b);
        s->cap = cap;
    }
    s->b[s->n++] = b;
    index_binding(C, s, b);
    return b;
}

static scope *function_scope_of(scope *s)
{
    while (!s->function_scope)
        s = s->parent;
    return s;
}

/* the identifiers a pattern binds */
static void pattern_names(compiler *C, const js_node *p, scope *s, bkind kind, uint32_t end)
{
    if (!p)
        return;
    switch (p->type) {
    case JS_IDENTIFIER:
        declare(C, s, p->identifier.name, kind, end);
        break;
    case JS_OBJECT_PATTERN:
        for (size_t i = 0; i < p->object.properties.count; i++) {
            const js_node *x = p->object.properties.items[i];
            pattern_names(C, x->type == JS_PROPERTY ? x->property.value : x, s, kind, end);
        }
        break;
    case JS_ARRAY_PATTERN:
        for (size_t i = 0; i < p->array.elements.count; i++)
            pattern_names(C, p->array.elements.items[i], s, kind, end);
        break;
    case JS_REST_ELEMENT:
        pattern_names(C, p->rest.argument, s, kind, end);
        break;
    case JS_ASSIGNMENT_PATTERN:
        pattern_names(C, p->assignment_pattern.left, s, kind, end);
        break;
    default:
        break;
    }
}

/* var declarations of a function body, through blocks, loops, try, switch, labels (not into
 * nested functions) */
static void hoist_vars(compiler *C, const js_node *n, scope *fs)
{
    if (!n)
        return;
    switch (n->type) {
    case JS_VARIABLE_DECLARATION:
        if (n->variable_declaration.kind == JS_VAR)
            for (size_t i = 0; i < n->variable_declaration.declarations.count; i++) {
                const js_node *d = n->variable_declaration.declarations.items[i];
                pattern_names(C, d->variable_declarator.id, fs, B_VAR, 0);
            }
        break;
    case JS_BLOCK_STATEMENT:
        for (size_t i = 0; i < n->block.body.count; i++)
            hoist_vars(C, n->block.body.items[i], fs);
        break;
    case JS_IF_STATEMENT:
        hoist_vars(C, n->if_statement.consequent, fs);
        hoist_vars(C, n->if_statement.alternate, fs);
        break;
    case JS_FOR_STATEMENT:
        hoist_vars(C, n->for_statement.init, fs);
        hoist_vars(C, n->for_statement.body, fs);
        break;
    case JS_FOR_IN_STATEMENT:
    case JS_FOR_OF_STATEMENT:
        hoist_vars(C, n->for_in.left, fs);
        hoist_vars(C, n->for_in.body, fs);
        break;
    case JS_WHILE_STATEMENT:
        hoist_vars(C, n->while_statement.body, fs);
        break;
    case JS_DO_WHILE_STATEMENT:
        hoist_vars(C, n->do_while.body, fs);
        break;
    case JS_TRY_STATEMENT:
        hoist_vars(C, n->try_statement.block, fs);
        if (n->try_statement.handler)
            hoist_vars(C, n->try_statement.handler->catch_clause.body, fs);
        hoist_vars(C, n->try_statement.finalizer, fs);
        break;
    case JS_LABELED_STATEMENT:
        hoist_vars(C, n->labeled.body, fs);
        break;
    case JS_SWITCH_STATEMENT:
        for (size_t i = 0; i < n->switch_statement.cases.count; i++) {
            const js_node *k = n->switch_statement.cases.items[i];
            for (size_t j = 0; j < k->switch_case.consequent.count; j++)
                hoist_vars(C, k->switch_case.consequent.items[j], fs);
        }
        break;
    case JS_EXPORT_NAMED_DECLARATION:
        hoist_vars(C, n->export_named.declaration, fs);
        break;
    default:
        break;
    }
}

static const js_node *unwrap_export(const js_node *n)
{
    if (n->type == JS_EXPORT_NAMED_DECLARATION && n->export_named.declaration)
        return n->export_named.declaration;
    if (n->type == JS_EXPORT_DEFAULT_DECLARATION &&
        (n->export_default.declaration->type == JS_FUNCTION_DECLARATION ||
         n->export_default.declaration->type == JS_CLASS_DECLARATION))
        return n->export_default.declaration;
    return n;
}

/* the lexical declarations of a statement list, and its function declarations */
static void hoist_lexical(compiler *C, const js_list *body, scope *s)
{
    for (size_t i = 0; i < body->count; i++) {
        const js_node *n = unwrap_export(body->items[i]);
        if (n->type == JS_VARIABLE_DECLARATION && n->variable_declaration.kind != JS_VAR) {
            bkind k = n->variable_declaration.kind == JS_CONST ? B_CONST : B_LET;
            for (size_t j = 0; j < n->variable_declaration.declarations.count; j++) {
                const js_node *d = n->variable_declaration.declarations.items[j];
                pattern_names(C, d->variable_declarator.id, s, k, d->end);
            }
        } else if (n->type == JS_CLASS_DECLARATION && n->class.id) {
            declare(C, s, n->class.id->identifier.name, B_CLASS, n->end);
        } else if (n->type == JS_FUNCTION_DECLARATION && n->function.id) {
            binding *b = declare(C, s, n->function.id->identifier.name, B_FUNCTION, 0);
            b->lexical = false;
            if (!s->function_scope && !C->fn1->strict) {
                /* Annex B.3.3: in sloppy code a function declared in a block is also a var of
                 * the function, assigned when the declaration is evaluated */
                scope *fs = function_scope_of(s);
                if (!find_here(fs, b->name) || find_here(fs, b->name)->kind == B_VAR ||
                    find_here(fs, b->name)->kind == B_FUNCTION)
                    declare(C, fs, b->name, B_VAR, 0);
            }
        } else if (n->type == JS_IMPORT_DECLARATION) {
            for (size_t j = 0; j < n->import_declaration.specifiers.count; j++) {
                const js_node *sp = n->import_declaration.specifiers.items[j];
                declare(C, s, sp->import_specifier.local->identifier.name, B_IMPORT, 0);
            }
        }
    }
}

static func *func_of_scope(const scope *s)
{
    return s->fn;
}

/* Resolves a name used in the current scope (pass 1): marks it captured when an inner function
 * uses it.  `arguments` is made on demand for the nearest non-arrow function. */
static void use_name(compiler *C, const char *name)
{
    for (scope *s = C->sc1; s; s = s->parent) {
        binding *b = find_here(s, name);
        if (b) {
            if (func_of_scope(s) != C->fn1)
                b->captured = true;
            return;
        }
        if (s->function_scope && !s->fn->arrow && !s->fn->program &&
            strcmp(name, "arguments") == 0) {
            binding *a = declare(C, s, name, B_ARGUMENTS, 0);
            s->fn->uses_arguments = true;
            s->fn->arguments_binding = a;
            if (s->fn != C->fn1)
                a->captured = true;
            return;
        }
    }
}

/* an arrow's `this` (or new.target): a binding of the nearest function that has one */
static void use_outer_this(compiler *C, bool new_target)
{
    func *f = C->fn1;
    while (f->arrow && f->parent)
        f = f->parent;
    if (f == C->fn1)
        return;
    binding **slot = new_target ? &f->new_target_binding : &f->this_binding;
    if (!*slot) {
        *slot = declare(C, f->top, new_target ? "%new.target" : "%this",
                        new_target ? B_NEW_TARGET : B_THIS, 0);
    }
    (*slot)->captured = true;
}

static void an(compiler *C, const js_node *n);

static void an_list(compiler *C, const js_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        an(C, l->items[i]);
}

static void an_pattern(compiler *C, const js_node *p)
{
    if (!p)
        return;
    switch (p->type) {
    case JS_IDENTIFIER:
        use_name(C, p->identifier.name);
        break;
    case JS_OBJECT_PATTERN:
        for (size_t i = 0; i < p->object.properties.count; i++) {
            const js_node *x = p->object.properties.items[i];
            if (x->type == JS_PROPERTY) {
                if (x->property.computed)
                    an(C, x->property.key);
                an_pattern(C, x->property.value);
            } else {
                an_pattern(C, x);
            }
        }
        break;
    case JS_ARRAY_PATTERN:
        for (size_t i = 0; i < p->array.elements.count; i++)
            an_pattern(C, p->array.elements.items[i]);
        break;
    case JS_REST_ELEMENT:
        an_pattern(C, p->rest.argument);
        break;
    case JS_ASSIGNMENT_PATTERN:
        an_pattern(C, p->assignment_pattern.left);
        an(C, p->assignment_pattern.right);
        break;
    default:
        an(C, p); /* a member expression as an assignment target */
        break;
    }
}

static void an_function(compiler *C, const js_node *n, const char *name);
static void an_class(compiler *C, const js_node *n);

static void an_block(compiler *C, const js_node *node, const js_list *body)
{
    scope *saved = C->sc1;
    C->sc1 = scope_new(C, saved, C->fn1, node, false);
    hoist_lexical(C, body, C->sc1);
    an_list(C, body);
    C->sc1 = saved;
}

static void an(compiler *C, const js_node *n)
{
    if (!n)
        return;
    switch (n->type) {
    case JS_IDENTIFIER:
        use_name(C, n->identifier.name);
        break;
    case JS_THIS_EXPRESSION:
        use_outer_this(C, false);
        break;
    case JS_META_PROPERTY:
        if (strcmp(n->meta_property.meta->identifier.name, "new") == 0)
            use_outer_this(C, true);
        break;
    case JS_SUPER:
        if (C->fn1->arrow)
            REFUSE(C, n, "super inside an arrow function");
        break;
    case JS_WITH_STATEMENT:
        REFUSE(C, n, "the with statement");
    case JS_BLOCK_STATEMENT:
    case JS_STATIC_BLOCK:
        an_block(C, n, &n->block.body);
        break;
    case JS_FOR_STATEMENT: {
        scope *saved = C->sc1;
        const js_node *init = n->for_statement.init;
        if (init && init->type == JS_VARIABLE_DECLARATION &&
            init->variable_declaration.kind != JS_VAR) {
            C->sc1 = scope_new(C, saved, C->fn1, n, false);
            js_list one = {(js_node **)&n->for_statement.init, 1};
            hoist_lexical(C, &one, C->sc1);
        }
        an(C, init);
        an(C, n->for_statement.test);
        an(C, n->for_statement.update);
        an(C, n->for_statement.body);
        C->sc1 = saved;
        break;
    }
    case JS_FOR_IN_STATEMENT:
    case JS_FOR_OF_STATEMENT: {
        an(C, n->for_in.right);
        scope *saved = C->sc1;
        const js_node *left = n->for_in.left;
        if (left->type == JS_VARIABLE_DECLARATION && left->variable_declaration.kind != JS_VAR) {
            C->sc1 = scope_new(C, saved, C->fn1, n, false);
            js_list one = {(js_node **)&n->for_in.left, 1};
            hoist_lexical(C, &one, C->sc1);
        }
        if (left->type == JS_VARIABLE_DECLARATION)
            an(C, left);
        else
            an_pattern(C, left);
        an(C, n->for_in.body);
        C->sc1 = saved;
        break;
    }
    case JS_SWITCH_STATEMENT: {
        an(C, n->switch_statement.discriminant);
        scope *saved = C->sc1;
        C->sc1 = scope_new(C, saved, C->fn1, n, false);
        C->sc1->switch_scope = true;
        for (size_t i = 0; i < n->switch_statement.cases.count; i++)
            hoist_lexical(C, &n->switch_statement.cases.items[i]->switch_case.consequent, C->sc1);
        for (size_t i = 0; i < n->switch_statement.cases.count; i++) {
            const js_node *k = n->switch_statement.cases.items[i];
            an(C, k->switch_case.test);
            an_list(C, &k->switch_case.consequent);
        }
        C->sc1 = saved;
        break;
    }
    case JS_TRY_STATEMENT:
        an(C, n->try_statement.block);
        if (n->try_statement.handler) {
            const js_node *h = n->try_statement.handler;
            scope *saved = C->sc1;
            C->sc1 = scope_new(C, saved, C->fn1, h, false);
            pattern_names(C, h->catch_clause.param, C->sc1, B_CATCH, 0);
            if (h->catch_clause.param && h->catch_clause.param->type != JS_IDENTIFIER)
                an_pattern(C, h->catch_clause.param);
            an(C, h->catch_clause.body);
            C->sc1 = saved;
        }
        an(C, n->try_statement.finalizer);
        break;
    case JS_VARIABLE_DECLARATION:
        for (size_t i = 0; i < n->variable_declaration.declarations.count; i++) {
            const js_node *d = n->variable_declaration.declarations.items[i];
            an_pattern(C, d->variable_declarator.id);
            const js_node *init = d->variable_declarator.init;
            if (init && (init->type == JS_FUNCTION_EXPRESSION ||
                         init->type == JS_ARROW_FUNCTION_EXPRESSION) &&
                d->variable_declarator.id->type == JS_IDENTIFIER && !init->function.id)
                an_function(C, init, d->variable_declarator.id->identifier.name);
            else
                an(C, init);
        }
        break;
    case JS_FUNCTION_DECLARATION:
    case JS_FUNCTION_EXPRESSION:
    case JS_ARROW_FUNCTION_EXPRESSION:
        an_function(C, n, NULL);
        break;
    case JS_CLASS_DECLARATION:
    case JS_CLASS_EXPRESSION:
        an_class(C, n);
        break;
    case JS_MEMBER_EXPRESSION:
        an(C, n->member.object);
        if (n->member.computed)
            an(C, n->member.property);
        else if (n->member.property->type == JS_PRIVATE_IDENTIFIER)
            use_name(C, n->member.property->identifier.name);
        break;
    case JS_PROPERTY:
        if (n->property.computed)
            an(C, n->property.key);
        an(C, n->property.value);
        if (n->property.method || n->property.kind != JS_PROP_INIT) {
            /* methods, getters and setters are MethodDefinitions: a [[HomeObject]], no
             * [[Construct]] and no prototype (ECMA-262 15.4.4 DefineMethod) */
            func *f = map_get(&C->funcs, n->property.value);
            if (f)
                f->method = true;
        }
        break;
    case JS_LABELED_STATEMENT:
        an(C, n->labeled.body);
        break;
    case JS_BREAK_STATEMENT:
    case JS_CONTINUE_STATEMENT:
    case JS_EMPTY_STATEMENT:
    case JS_DEBUGGER_STATEMENT:
    case JS_LITERAL:
    case JS_TEMPLATE_ELEMENT:
    case JS_PRIVATE_IDENTIFIER:
        break;
    case JS_ASSIGNMENT_EXPRESSION:
        an_pattern(C, n->assignment.left);
        an(C, n->assignment.right);
        break;
    case JS_BINARY_EXPRESSION:
        if (n->binary.left->type == JS_PRIVATE_IDENTIFIER)
            use_name(C, n->binary.left->identifier.name);
        else
            an(C, n->binary.left);
        an(C, n->binary.right);
        break;
    case JS_IMPORT_DECLARATION:
    case JS_EXPORT_ALL_DECLARATION:
        break;
    case JS_EXPORT_NAMED_DECLARATION:
        if (n->export_named.declaration)
            an(C, n->export_named.declaration);
        else if (!n->export_named.source)
            for (size_t i = 0; i < n->export_named.specifiers.count; i++) {
                const js_node *sp = n->export_named.specifiers.items[i];
                if (sp->export_specifier.local->type == JS_IDENTIFIER)
                    use_name(C, sp->export_specifier.local->identifier.name);
            }
        break;
    case JS_EXPORT_DEFAULT_DECLARATION:
        an(C, n->export_default.declaration);
        break;
    case JS_OBJECT_PATTERN:
    case JS_ARRAY_PATTERN:
    case JS_REST_ELEMENT:
    case JS_ASSIGNMENT_PATTERN:
        an_pattern(C, n);
        break;
    default: {
        /* every other node: its children, in ESTree's order */
        switch (n->type) {
        case JS_PROGRAM:
            an_list(C, &n->program.body);
            break;
        case JS_EXPRESSION_STATEMENT:
            an(C, n->expression_statement.expression);
            break;
        case JS_RETURN_STATEMENT:
            an(C, n->return_statement.argument);
            break;
        case JS_IF_STATEMENT:
            an(C, n->if_statement.test);
            an(C, n->if_statement.consequent);
            an(C, n->if_statement.alternate);
            break;
        case JS_THROW_STATEMENT:
            an(C, n->throw_statement.argument);
            break;
        case JS_WHILE_STATEMENT:
            an(C, n->while_statement.test);
            an(C, n->while_statement.body);
            break;
        case JS_DO_WHILE_STATEMENT:
            an(C, n->do_while.body);
            an(C, n->do_while.test);
            break;
        case JS_ARRAY_EXPRESSION:
            an_list(C, &n->array.elements);
            break;
        case JS_OBJECT_EXPRESSION:
            an_list(C, &n->object.properties);
            break;
        case JS_TEMPLATE_LITERAL:
            an_list(C, &n->template_literal.expressions);
            break;
        case JS_TAGGED_TEMPLATE_EXPRESSION:
            an(C, n->tagged_template.tag);
            an(C, n->tagged_template.quasi);
            break;
        case JS_UNARY_EXPRESSION:
            an(C, n->unary.argument);
            break;
        case JS_UPDATE_EXPRESSION:
            an(C, n->update.argument);
            break;
        case JS_LOGICAL_EXPRESSION:
            an(C, n->binary.left);
            an(C, n->binary.right);
            break;
        case JS_CONDITIONAL_EXPRESSION:
            an(C, n->conditional.test);
            an(C, n->conditional.consequent);
            an(C, n->conditional.alternate);
            break;
        case JS_CALL_EXPRESSION:
        case JS_NEW_EXPRESSION:
            if (n->call.callee->type == JS_IDENTIFIER &&
                strcmp(n->call.callee->identifier.name, "eval") == 0 && n->type == JS_CALL_EXPRESSION)
                REFUSE(C, n, "eval");
            an(C, n->call.callee);
            an_list(C, &n->call.arguments);
            break;
        case JS_CHAIN_EXPRESSION:
            an(C, n->chain.expression);
            break;
        case JS_SEQUENCE_EXPRESSION:
            an_list(C, &n->sequence.expressions);
            break;
        case JS_YIELD_EXPRESSION:
            an(C, n->yield.argument);
            break;
        case JS_AWAIT_EXPRESSION:
            an(C, n->await.argument);
            break;
        case JS_IMPORT_EXPRESSION:
            an(C, n->import_expression.source);
            an(C, n->import_expression.options);
            break;
        case JS_SPREAD_ELEMENT:
            an(C, n->spread.argument);
            break;
        default:
            break;
        }
    }
    }
}

static func *func_new(compiler *C, const js_node *n)
{
    func *f = arena_alloc(C->arena, sizeof *f);
    f->parent = C->fn1;
    f->node = n;
    map_put(&C->funcs, n, f);
    return f;
}

static void an_params_and_body(compiler *C, func *f, const js_node *n)
{
    const js_function_info *fn = &n->function;
    for (size_t i = 0; i < fn->params.count; i++)
        pattern_names(C, fn->params.items[i], f->top, B_PARAM, 0);
    for (size_t i = 0; i < fn->params.count; i++) {
        const js_node *p = fn->params.items[i];
        if (p->type != JS_IDENTIFIER)
            an_pattern(C, p);
    }
    if (fn->expression) {
        an(C, fn->body);
    } else {
        hoist_vars(C, fn->body, f->top);
        hoist_lexical(C, &fn->body->block.body, f->top);
        an_list(C, &fn->body->block.body);
    }
}

static void an_function(compiler *C, const js_node *n, const char *name)
{
    func *f = func_new(C, n);
    const js_function_info *fn = &n->function;
    f->arrow = fn->arrow;
    f->async = fn->async;
    f->generator = fn->generator;
    f->strict = fn->strict;
    f->name = fn->id ? fn->id->identifier.name : name;
    func *saved_fn = C->fn1;
    scope *saved = C->sc1;
    C->fn1 = f;
    f->top = scope_new(C, saved, f, n, true);
    if (n->type == JS_FUNCTION_EXPRESSION && fn->id)
        declare(C, f->top, fn->id->identifier.name, B_SELF, 0);
    C->sc1 = f->top;
    an_params_and_body(C, f, n);
    C->sc1 = saved;
    C->fn1 = saved_fn;
}

static void an_class(compiler *C, const js_node *n)
{
    an(C, n->class.super_class);
    scope *saved = C->sc1;
    C->sc1 = scope_new(C, saved, C->fn1, n, false);
    if (n->class.id)
        declare(C, C->sc1, n->class.id->identifier.name, B_CLASS, 0);
    const js_list *body = &n->class.body->class_body.body;
    /* private names, declared before anything uses them */
    for (size_t i = 0; i < body->count; i++) {
        const js_node *m = body->items[i];
        const js_node *key = m->type == JS_METHOD_DEFINITION ? m->method.key
                             : m->type == JS_PROPERTY_DEFINITION ? m->property_definition.key
                                                                 : NULL;
        if (key && key->type == JS_PRIVATE_IDENTIFIER) {
            binding *b = declare(C, C->sc1, key->identifier.name, B_PRIVATE, 0);
            b->lexical = false;
        }
    }
    /* the constructor and methods are functions; field initializers and static blocks are
     * each a method of their own (their `this` is the instance, or the class) */
    for (size_t i = 0; i < body->count; i++) {
        const js_node *m = body->items[i];
        if (m->type == JS_METHOD_DEFINITION) {
            if (m->method.computed)
                an(C, m->method.key);
            an_function(C, m->method.value, NULL);
            func *f = map_get(&C->funcs, m->method.value);
            f->method = true;
            if (m->method.kind == JS_METHOD_CONSTRUCTOR) {
                f->class_ctor = true;
                f->derived = n->class.super_class != NULL;
                f->class_node = (js_node *)n;
            }
        } else if (m->type == JS_PROPERTY_DEFINITION) {
            if (m->property_definition.computed)
                an(C, m->property_definition.key);
        }
    }
    /* field initializers and static blocks: analyzed as the bodies of synthetic methods */
    for (int pass = 0; pass < 2; pass++) {
        func *f = func_new(C, pass ? (const js_node *)&n->class.body->class_body
                                   : (const js_node *)n->class.body);
        f->method = true;
        f->strict = true;
        f->name = pass ? "<static_initializer>" : "<instance_members_initializer>";
        func *saved_fn = C->fn1;
        scope *saved_sc = C->sc1;
        C->fn1 = f;
        f->top = scope_new(C, saved_sc, f, NULL, true);
        C->sc1 = f->top;
        for (size_t i = 0; i < body->count; i++) {
            const js_node *m = body->items[i];
            bool is_static = m->type == JS_STATIC_BLOCK ||
                             (m->type == JS_PROPERTY_DEFINITION && m->property_definition.static_);
            if (is_static != (pass == 1))
                continue;
            if (m->type == JS_PROPERTY_DEFINITION) {
                const js_node *v = m->property_definition.value;
                if (v && (v->type == JS_FUNCTION_EXPRESSION ||
                          v->type == JS_ARROW_FUNCTION_EXPRESSION) && !v->function.id &&
                    !m->property_definition.computed &&
                    m->property_definition.key->type == JS_IDENTIFIER)
                    an_function(C, v, m->property_definition.key->identifier.name);
                else
                    an(C, v);
            } else if (m->type == JS_STATIC_BLOCK) {
                an(C, m);
            }
        }
        C->sc1 = saved_sc;
        C->fn1 = saved_fn;
    }
    C->sc1 = saved;
}

/* ---- pass 2: emitting ------------------------------------------------------------------------- */

/* The stack effect of each instruction (pops, pushes), written out once. */
static void stack_effect(js_opcode op, uint32_t arg, int *pops, int *pushes)
{
    int po = 0, pu = 0;
    switch (op) {
    case OP_UNDEF: case OP_NULL: case OP_TRUE: case OP_FALSE: case OP_INT: case OP_NUMBER:
    case OP_STRING: case OP_HOLE: case OP_GET_REG: case OP_GET_REG_CHECK: case OP_GET_ENV:
    case OP_GET_ENV_CHECK: case OP_GET_GLOBAL: case OP_TYPEOF_GLOBAL: case OP_CLOSURE:
    case OP_THIS: case OP_NEW_TARGET: case OP_GET_ARG: case OP_ARGUMENTS: case OP_REST:
    case OP_HOME_OBJECT: case OP_SELF: case OP_NEW_OBJECT: case OP_NEW_ARRAY:
    case OP_TEMPLATE_OBJECT: case OP_NEW_PRIVATE_NAME: case OP_BIGINT:
        pu = 1;
        break;
    case OP_POP: case OP_PUT_REG: case OP_PUT_ENV: case OP_JUMP_FALSE: case OP_JUMP_TRUE:
    case OP_THROW: case OP_RETURN:
        po = 1;
        break;
    case OP_DUP: po = 1; pu = 2; break;
    case OP_DUP2: po = 2; pu = 4; break;
    case OP_SWAP: po = 2; pu = 2; break;
    case OP_ROT3: po = 3; pu = 3; break;
    case OP_ROT4: po = 4; pu = 4; break;
    case OP_OVER: po = 2; pu = 3; break;
    case OP_SET_REG: case OP_SET_ENV: case OP_SET_GLOBAL: case OP_GET_PROP: case OP_DELETE_PROP:
    case OP_ARRAY_HOLE: case OP_GET_SUPER: case OP_TO_KEY: case OP_NEG: case OP_PLUS: case OP_NOT:
    case OP_BIT_NOT: case OP_TYPEOF: case OP_INC: case OP_DEC: case OP_TO_NUMERIC:
    case OP_TO_STRING: case OP_AWAIT: case OP_YIELD:
    case OP_ASYNC_GEN_YIELD: case OP_FOR_IN:
        po = 1;
        pu = 1;
        break;
    case OP_SET_PROP: case OP_GET_ELEM: case OP_DELETE_ELEM: case OP_IN: case OP_INSTANCEOF:
    case OP_GET_PRIVATE: case OP_HAS_PRIVATE: case OP_SET_SUPER: case OP_ARRAY_PUSH:
    case OP_ARRAY_SPREAD: case OP_INIT_PROP: case OP_OBJ_SPREAD: case OP_OBJ_REST:
    case OP_INIT_PROTO: case OP_NEW_SPREAD: case OP_SET_FIELDS:
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_MOD: case OP_EXP: case OP_SHL:
    case OP_SHR: case OP_USHR: case OP_BIT_AND: case OP_BIT_OR: case OP_BIT_XOR: case OP_EQ:
    case OP_NE: case OP_STRICT_EQ: case OP_STRICT_NE: case OP_LT: case OP_LE: case OP_GT:
    case OP_GE:
        po = 2;
        pu = 1;
        break;
    case OP_SET_ELEM: case OP_SET_PRIVATE: case OP_DEFINE_PRIVATE: case OP_INIT_ELEM:
    case OP_INIT_GETTER: case OP_INIT_SETTER: case OP_INIT_METHOD: case OP_INIT_CLASS_GETTER:
    case OP_INIT_CLASS_SETTER: case OP_CALL_SPREAD:
        po = 3;
        pu = 1;
        break;
    case OP_SET_FN_NAME: po = 2; pu = 2; break;
    case OP_YIELD_DELEGATE: po = 3; pu = 1; break;
    case OP_CALL: po = (int)arg + 2; pu = 1; break;
    case OP_NEW: po = (int)arg + 1; pu = 1; break;
    case OP_SUPER_CALL: po = (int)arg; pu = 1; break;
    case OP_SUPER_CALL_SPREAD: po = 1; pu = 1; break;
    case OP_RETHROW_IF: po = 2; break;
    case OP_GET_ITERATOR: case OP_GET_ASYNC_ITERATOR: po = 1; pu = 2; break;
    case OP_ITER_VALUE: case OP_ITER_REST: case OP_ITER_CALL_NEXT: po = 2; pu = 3; break;
    case OP_ITER_CLOSE: po = 2; break;
    case OP_ITER_CLOSE_ASYNC: po = 2; pu = 1; break;
    case OP_ITER_CLOSE_CHECK: po = 1; break;
    case OP_CLASS: po = 1; pu = 2; break;
    /* conditional stack effects are handled where they are emitted: the fall-through's */
    case OP_JUMP_FALSE_KEEP: case OP_JUMP_TRUE_KEEP: case OP_JUMP_NOT_NULLISH_KEEP:
    case OP_JUMP_NOT_UNDEF:
        po = 1;
        break;
    case OP_JUMP_NULLISH: po = 1; pu = 1; break;
    case OP_ITER_STEP: po = 2; pu = 3; break;
    case OP_ITER_RESULT: po = 3; pu = 3; break;
    case OP_FOR_IN_NEXT: po = 1; pu = 2; break;
    default:
        break;
    }
    *pops = po;
    *pushes = pu;
}

static cfunc *CF(compiler *C)
{
    return C->cf;
}

static uint32_t here(compiler *C)
{
    return CF(C)->code.n;
}

static void set_sp(compiler *C, uint32_t sp)
{
    cfunc *f = CF(C);
    f->sp = sp;
    if (sp > f->maxstack)
        f->maxstack = sp;
}

/* Emits op with its operands and applies its stack effect. */
static uint32_t emitv(compiler *C, js_opcode op, int nargs, const uint32_t *args)
{
    cfunc *f = CF(C);
    uint32_t at = f->code.n;
    if (C->finally_copied && (C->copied_words += 1 + (size_t)nargs) > MAX_COPIED_WORDS)
        fail_at(C, C->finally_copied,
                "loopsim does not model finally blocks copied this often (its bytecode copies a "
                "finally block at every return, break or continue that leaves it, and nested ones "
                "multiply: this program's copies need more than %u words)",
                (unsigned)MAX_COPIED_WORDS);
    vec_push(&f->code, (uint32_t)op);
    for (int i = 0; i < nargs; i++)
        vec_push(&f->code, args[i]);
    int pops, pushes;
    stack_effect(op, nargs ? args[0] : 0, &pops, &pushes);
    if ((int)f->sp < pops)
        pops = (int)f->sp; /* the compiler's own bookkeeping keeps this from happening */
    set_sp(C, f->sp - (uint32_t)pops + (uint32_t)pushes);
    return at;
}

static uint32_t emit0(compiler *C, js_opcode op)
{
    return emitv(C, op, 0, NULL);
}

static uint32_t emit1(compiler *C, js_opcode op, uint32_t a)
{
    return emitv(C, op, 1, &a);
}

static uint32_t emit2(compiler *C, js_opcode op, uint32_t a, uint32_t b)
{
    uint32_t v[2] = {a, b};
    return emitv(C, op, 2, v);
}

static uint32_t emit3(compiler *C, js_opcode op, uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t v[3] = {a, b, c};
    return emitv(C, op, 3, v);
}

/* A forward jump: returns where its operand is, for patch(). */
static uint32_t jump(compiler *C, js_opcode op)
{
    return emit1(C, op, 0) + 1;
}

static void patch(compiler *C, uint32_t operand_at)
{
    CF(C)->code.v[operand_at] = here(C);
}

static void patch_to(compiler *C, uint32_t operand_at, uint32_t to)
{
    CF(C)->code.v[operand_at] = to;
}

/* The node whose place V8 reports for an operation (in stack traces and the caret of an
 * uncaught exception): for `a.b` and a call `a.b(...)`, the property name; otherwise the
 * node itself. */
static const js_node *position_of(const js_node *n)
{
    const js_node *m = n->type == JS_CALL_EXPRESSION ? n->call.callee : n;
    while (m->type == JS_CHAIN_EXPRESSION)
        m = m->chain.expression;
    if (m->type == JS_MEMBER_EXPRESSION && !m->member.computed &&
        m->member.object->type != JS_SUPER)
        return m->member.property;
    return n;
}

static void note_line(compiler *C, const js_node *n)
{
    cfunc *f = CF(C);
    if (!n || (n->line == f->last_line && n->col == f->last_col))
        return;
    f->last_line = n->line;
    f->last_col = n->col;
    if (f->nlines && f->lines[f->nlines - 1].pc == f->code.n) {
        f->lines[f->nlines - 1].line = n->line;
        f->lines[f->nlines - 1].col = n->col;
        return;
    }
    f->lines = grow(f->lines, &f->lines_cap, f->nlines + 1, sizeof *f->lines);
    f->lines[f->nlines++] = (js_lineinfo){f->code.n, n->line, n->col};
}

static uint32_t name_index(compiler *C, const char *s, size_t len)
{
    cfunc *f = CF(C);
    for (uint32_t i = 0; i < f->nnames; i++)
        if (f->name_lens[i] == len && memcmp(f->names[i], s, len) == 0)
            return i;
    f->names = grow(f->names, &f->names_cap, f->nnames + 1, sizeof *f->names);
    uint32_t cap = f->names_cap;
    (void)cap;
    f->name_lens = realloc(f->name_lens, f->names_cap * sizeof *f->name_lens);
    if (!f->name_lens)
        ls_out_of_memory(0);
    char *copy = arena_alloc(C->arena, len + 1);
    memcpy(copy, s, len);
    copy[len] = '\0';
    f->names[f->nnames] = copy;
    f->name_lens[f->nnames] = (uint32_t)len;
    return f->nnames++;
}

static uint32_t name_of(compiler *C, const char *s)
{
    return name_index(C, s, strlen(s));
}

static uint32_t number_index(compiler *C, double d)
{
    cfunc *f = CF(C);
    for (uint32_t i = 0; i < f->nnumbers; i++)
        if (memcmp(&f->numbers[i].u.number, &d, sizeof d) == 0)
            return i;
    f->numbers = grow(f->numbers, &f->numbers_cap, f->nnumbers + 1, sizeof *f->numbers);
    f->numbers[f->nnumbers] = js_number(d);
    return f->nnumbers++;
}

static void emit_number(compiler *C, double d)
{
    /* an int32 operand when d is one (the range test first: converting a double outside it
     * is undefined behaviour) */
    if (d >= -2147483648.0 && d <= 2147483647.0 && d == (double)(int32_t)d &&
        !(d == 0 && signbit(d)))
        emit1(C, OP_INT, (uint32_t)(int32_t)d);
    else
        emit1(C, OP_NUMBER, number_index(C, d));
}

static void emit_string(compiler *C, const char *s, size_t len)
{
    emit1(C, OP_STRING, name_index(C, s, len));
}

static uint32_t new_reg(compiler *C)
{
    return CF(C)->nregs++;
}

/* ---- scopes in pass 2 --------------------------------------------------------------------------- */

static scope *scope_for(compiler *C, const js_node *n)
{
    return map_get(&C->scopes, n);
}

/* Gives the scope's bindings their registers and slots; pushes its environment if it has one
 * and resets its lexical registers to the TDZ. */
static void enter_scope(compiler *C, scope *s)
{
    cfunc *f = CF(C);
    if (!s->allocated) {
        s->allocated = true;
        for (uint32_t i = 0; i < s->n; i++) {
            binding *b = s->b[i];
            if (b->captured)
                b->slot = (int32_t)s->env_slots++;
            else
                b->reg = (int32_t)new_reg(C);
        }
    }
    if (s->env_slots) {
        emit1(C, OP_PUSH_SCOPE, s->env_slots);
        s->env_level = ++f->scope_depth;
    }
    for (uint32_t i = 0; i < s->n; i++) {
        binding *b = s->b[i];
        if (b->lexical && b->reg >= 0 && !s->function_scope) {
            emit0(C, OP_HOLE);
            emit1(C, OP_PUT_REG, (uint32_t)b->reg);
        }
    }
    f->cur = s;
}

static void leave_scope(compiler *C, scope *s)
{
    cfunc *f = CF(C);
    if (s->env_slots) {
        emit0(C, OP_POP_SCOPE);
        f->scope_depth--;
    }
    f->cur = s->parent;
}

/* ---- bindings: where a name is, and how to read and write it ------------------------------ */

typedef struct {
    binding *b;            /* NULL: a global */
    uint32_t depth;        /* environment depth, when b is in an environment */
} place;

static place resolve(compiler *C, const char *name)
{
    place p = {NULL, 0};
    for (scope *s = CF(C)->cur; s; s = s->parent) {
        binding *b = find_here(s, name);
        if (!b)
            continue;
        p.b = b;
        if (b->slot >= 0) {
            /* count the environments between here and the binding's */
            uint32_t d = CF(C)->scope_depth;
            for (cfunc *x = CF(C); x->fn != s->fn; x = x->parent)
                d += x->created_at_depth;
            p.depth = d - s->env_level;
        }
        return p;
    }
    return p;
}

static bool needs_tdz_check(compiler *C, const binding *b, const js_node *use)
{
    if (!b->lexical)
        return false;
    if (b->scope->fn != CF(C)->fn || b->scope->switch_scope)
        return true;
    return use->start < b->decl_end;
}

static void load_binding(compiler *C, place p, const js_node *use, const char *name)
{
    binding *b = p.b;
    if (!b) {
        note_line(C, use);
        emit1(C, OP_GET_GLOBAL, name_of(C, name));
        return;
    }
    bool check = needs_tdz_check(C, b, use);
    if (b->reg >= 0) {
        if (check)
            emit2(C, OP_GET_REG_CHECK, (uint32_t)b->reg, name_of(C, name));
        else
            emit1(C, OP_GET_REG, (uint32_t)b->reg);
    } else if (check) {
        note_line(C, use);
        emit3(C, OP_GET_ENV_CHECK, p.depth, (uint32_t)b->slot, name_of(C, name));
    } else {
        emit2(C, OP_GET_ENV, p.depth, (uint32_t)b->slot);
    }
}

/* store the top of the stack; `keep` leaves it there; `init` is the declaration's own
 * initialization (no TDZ check, no const error) */
static void store_binding(compiler *C, place p, const char *name, bool keep, bool init,
                          const js_node *use)
{
    binding *b = p.b;
    if (!b) {
        note_line(C, use);
        emit1(C, OP_SET_GLOBAL, name_of(C, name));
        if (!keep)
            emit0(C, OP_POP);
        return;
    }
    if (!init) {
        if (b->kind == B_SELF) { /* assigning to a named function expression's name: ignored
                                  * (a TypeError in strict code) */
            if (CF(C)->fn->strict)
                emit1(C, OP_THROW_CONST, name_of(C, name));
            if (!keep)
                emit0(C, OP_POP);
            return;
        }
        if (needs_tdz_check(C, b, use)) {
            note_line(C, use);
            if (b->reg >= 0)
                emit2(C, OP_CHECK_REG, (uint32_t)b->reg, name_of(C, name));
            else
                emit3(C, OP_CHECK_ENV, p.depth, (uint32_t)b->slot, name_of(C, name));
        }
        if (b->is_const) {
            note_line(C, use);
            emit1(C, OP_THROW_CONST, name_of(C, name));
            if (!keep)
                emit0(C, OP_POP);
            return;
        }
    }
    if (b->reg >= 0)
        emit1(C, keep ? OP_SET_REG : OP_PUT_REG, (uint32_t)b->reg);
    else
        emit2(C, keep ? OP_SET_ENV : OP_PUT_ENV, p.depth, (uint32_t)b->slot);
}

/* ---- expressions ------------------------------------------------------------------------------ */

static void cfunc_free_vectors(cfunc *f);
static void gen_yield(compiler *C);
static void gen_expr(compiler *C, const js_node *n);
static void gen_expr_named(compiler *C, const js_node *n, const char *name);
static void gen_stmt(compiler *C, const js_node *n);
static uint32_t gen_function(compiler *C, const js_node *n, const char *name);
static uint32_t gen_method(compiler *C, const js_node *def, const js_node *fn, const char *name,
                           const js_node *cls);

/* A getter's or setter's name: "get x", "set x" (ECMA-262 10.2.9 SetFunctionName with a
 * prefix); a computed key's is set when it is known (SET_FN_NAME) */
static const char *accessor_name(compiler *C, const char *key, bool getter)
{
    if (!key)
        return "";
    return arena_printf(C->arena, "%s %s", getter ? "get" : "set", key);
}
static void gen_class(compiler *C, const js_node *n, const char *name);
static void gen_pattern(compiler *C, const js_node *p, int mode);

/* pattern modes: how a destructured value is stored */
enum { BIND_ASSIGN, BIND_INIT, BIND_VAR };

static bool is_anonymous_fn(const js_node *n)
{
    return n && ((n->type == JS_FUNCTION_EXPRESSION && !n->function.id) ||
                 n->type == JS_ARROW_FUNCTION_EXPRESSION ||
                 (n->type == JS_CLASS_EXPRESSION && !n->class.id));
}

static void gen_expr_named(compiler *C, const js_node *n, const char *name)
{
    if (name && is_anonymous_fn(n)) {
        if (n->type == JS_CLASS_EXPRESSION)
            gen_class(C, n, name);
        else
            emit1(C, OP_CLOSURE, gen_function(C, n, name));
        return;
    }
    gen_expr(C, n);
}

static const char *key_name(compiler *C, const js_node *key, char *buf, size_t size)
{
    (void)C;
    if (key->type == JS_IDENTIFIER || key->type == JS_PRIVATE_IDENTIFIER)
        return key->identifier.name;
    if (key->type == JS_LITERAL && key->literal.kind == JS_LIT_STRING)
        return key->literal.value.string.chars;
    if (key->type == JS_LITERAL && key->literal.kind == JS_LIT_BIGINT) {
        /* `{ 0x10n: v }` is the property "16" (ECMA-262 13.2.5.4: the BigInt's ToString) */
        char *digits = bigint_literal_decimal(key->literal.value.bigint,
                                              strlen(key->literal.value.bigint));
        char *name = arena_strdup(C->arena, digits ? digits : "0");
        free(digits);
        return name;
    }
    if (key->type == JS_LITERAL && key->literal.kind == JS_LIT_NUMBER) {
        /* the property name is the number's ToString (`{ 0.1: v }` is "0.1", `{ 1e21: v }`
         * "1e+21"); no conversion to an integer type, which is undefined out of its range */
        char tmp[64];
        size_t n = js_number_to_string(key->literal.value.number, tmp, sizeof tmp);
        if (n >= sizeof tmp)
            n = sizeof tmp - 1;
        if (n >= size)
            n = size - 1;
        memcpy(buf, tmp, n);
        buf[n] = '\0';
        return buf;
    }
    return NULL;
}

/* the property name of a non-computed key, as a name index */
static uint32_t key_index(compiler *C, const js_node *key)
{
    char buf[64];
    if (key->type == JS_LITERAL && key->literal.kind == JS_LIT_STRING)
        return name_index(C, key->literal.value.string.chars, key->literal.value.string.len);
    if (key->type == JS_LITERAL && key->literal.kind == JS_LIT_NUMBER) {
        /* a number key is its ToString: the VM makes it */
        return UINT32_MAX;
    }
    return name_of(C, key_name(C, key, buf, sizeof buf));
}

/* pushes a property key (for computed access, or a number key) */
static void gen_key(compiler *C, const js_node *key, bool computed)
{
    if (computed) {
        gen_expr(C, key);
        emit0(C, OP_TO_KEY);
    } else if (key->type == JS_LITERAL && key->literal.kind == JS_LIT_NUMBER) {
        emit_number(C, key->literal.value.number);
        emit0(C, OP_TO_KEY);
    } else {
        uint32_t k = key_index(C, key);
        emit1(C, OP_STRING, k);
    }
}

/* The callee as written (V8 names it in "x.y is not a function"): its source text, trimmed of
 * an optional chain's marks. */
static uint32_t callee_text(compiler *C, const js_node *callee)
{
    const char *src = C->opt->source;
    if (!src || callee->end <= callee->start || callee->end > C->opt->source_len)
        return name_of(C, "expression");
    size_t len = callee->end - callee->start;
    if (len > 80)
        return name_of(C, "expression");
    return name_index(C, src + callee->start, len);
}

static void gen_args(compiler *C, const js_list *args, bool *spread, uint32_t *argc)
{
    *spread = false;
    for (size_t i = 0; i < args->count; i++)
        if (args->items[i]->type == JS_SPREAD_ELEMENT)
            *spread = true;
    if (*spread) {
        emit0(C, OP_NEW_ARRAY);
        for (size_t i = 0; i < args->count; i++) {
            const js_node *a = args->items[i];
            if (a->type == JS_SPREAD_ELEMENT) {
                gen_expr(C, a->spread.argument);
                emit0(C, OP_ARRAY_SPREAD);
            } else {
                gen_expr(C, a);
                emit0(C, OP_ARRAY_PUSH);
            }
        }
        *argc = 0;
        return;
    }
    for (size_t i = 0; i < args->count; i++)
        gen_expr(C, args->items[i]);
    *argc = (uint32_t)args->count;
}

/* optional chains: each ?. jumps, when its object is nullish, to a landing pad that drops
 * what the chain had pushed so far and gives undefined */
typedef struct {
    uint32_t operand;    /* the jump to patch */
    uint32_t extra;      /* values above the chain's base to drop */
} pad;

typedef struct {
    pad *pads;
    uint32_t n, cap;
    uint32_t base_sp;
} chain;

static chain *cur_chain;

static void chain_check(compiler *C)
{
    /* the value to test is on top; `extra` counts what lies between it and the chain's base */
    cfunc *f = CF(C);
    chain *ch = cur_chain;
    uint32_t extra = f->sp - 1 - ch->base_sp;
    uint32_t operand = emit1(C, OP_JUMP_NULLISH, 0) + 1;
    ch->pads = grow(ch->pads, &ch->cap, ch->n + 1, sizeof *ch->pads);
    ch->pads[ch->n++] = (pad){operand, extra};
}

static void gen_callee_and_this(compiler *C, const js_node *callee);

static void gen_member_get(compiler *C, const js_node *n)
{
    const js_node *obj = n->member.object;
    if (obj->type == JS_SUPER) {
        gen_key(C, n->member.property, n->member.computed);
        note_line(C, n);
        emit0(C, OP_GET_SUPER);
        return;
    }
    gen_expr(C, obj);
    if (n->member.optional)
        chain_check(C);
    note_line(C, position_of(n));
    if (n->member.property->type == JS_PRIVATE_IDENTIFIER) {
        place p = resolve(C, n->member.property->identifier.name);
        load_binding(C, p, n, n->member.property->identifier.name);
        emit0(C, OP_GET_PRIVATE);
    } else if (n->member.computed) {
        gen_expr(C, n->member.property);
        note_line(C, n);
        emit0(C, OP_GET_ELEM);
    } else {
        emit1(C, OP_GET_PROP, key_index(C, n->member.property));
    }
}

/* [fn this] for a call */
static void gen_callee_and_this(compiler *C, const js_node *callee)
{
    if (callee->type == JS_MEMBER_EXPRESSION) {
        const js_node *obj = callee->member.object;
        if (obj->type == JS_SUPER) {
            gen_key(C, callee->member.property, callee->member.computed);
            note_line(C, callee);
            emit0(C, OP_GET_SUPER);
            emit0(C, OP_THIS);
            return;
        }
        gen_expr(C, obj);
        if (callee->member.optional)
            chain_check(C);
        emit0(C, OP_DUP);
        note_line(C, callee);
        if (callee->member.property->type == JS_PRIVATE_IDENTIFIER) {
            place p = resolve(C, callee->member.property->identifier.name);
            load_binding(C, p, callee, callee->member.property->identifier.name);
            emit0(C, OP_GET_PRIVATE);
        } else if (callee->member.computed) {
            gen_expr(C, callee->member.property);
            note_line(C, callee);
            emit0(C, OP_GET_ELEM);
        } else {
            emit1(C, OP_GET_PROP, key_index(C, callee->member.property));
        }
        emit0(C, OP_SWAP);
        return;
    }
    gen_expr(C, callee);
    emit0(C, OP_UNDEF);
}

/* A module named by a literal (require, import, export from): the embedder may refuse it now,
 * before the run (js_compile_options.module_refused). */
static void check_module(compiler *C, const js_node *name)
{
    if (!C->opt->module_refused || !name || name->type != JS_LITERAL ||
        name->literal.kind != JS_LIT_STRING)
        return;
    const js_text *t = &name->literal.value.string;
    if (memchr(t->chars, 0, t->len))
        return; /* not a name the embedder could have */
    char buf[256];
    snprintf(buf, sizeof buf, "%.*s", (int)(t->len < 255 ? t->len : 255), t->chars);
    const char *why = C->opt->module_refused(C->opt->module_ctx, buf);
    if (why)
        fail_at(C, name, "%s", why);
}

static void gen_call(compiler *C, const js_node *n)
{
    const js_node *callee = n->call.callee;
    if (callee->type == JS_IDENTIFIER && strcmp(callee->identifier.name, "require") == 0 &&
        n->call.arguments.count >= 1 && !C->opt->module)
        check_module(C, n->call.arguments.items[0]);
    if (callee->type == JS_SUPER) {
        bool spread;
        uint32_t argc;
        gen_args(C, &n->call.arguments, &spread, &argc);
        note_line(C, n);
        if (spread)
            emit0(C, OP_SUPER_CALL_SPREAD);
        else
            emit1(C, OP_SUPER_CALL, argc);
        /* `this` is bound now: an arrow's copy of it too */
        func *f = CF(C)->fn;
        if (f->this_binding) {
            emit0(C, OP_DUP);
            store_binding(C, resolve(C, "%this"), "%this", false, true, n);
        }
        return;
    }
    gen_callee_and_this(C, callee);
    if (n->call.optional) {
        /* [fn this] -> test fn: swap it on top, test, swap back */
        emit0(C, OP_SWAP);
        chain_check(C);
        emit0(C, OP_SWAP);
    }
    bool spread;
    uint32_t argc;
    gen_args(C, &n->call.arguments, &spread, &argc);
    note_line(C, position_of(n));
    if (spread)
        emit1(C, OP_CALL_SPREAD, callee_text(C, callee));
    else
        emit2(C, OP_CALL, argc, callee_text(C, callee));
}

static void gen_delete_operand(compiler *C, const js_node *n, const js_node *a);

/* An optional chain: its `?.` tests jump to pads that drop what the chain left on the stack and
 * push undefined (for `delete a?.b`, true: ECMA-262 13.5.1.2, a short-circuited chain is no
 * Reference).  `delete_of`: the delete expression whose operand the chain is. */
static void gen_chain_as(compiler *C, const js_node *n, const js_node *delete_of)
{
    chain ch = {NULL, 0, 0, CF(C)->sp};
    chain *saved = cur_chain;
    cur_chain = &ch;
    if (delete_of)
        gen_delete_operand(C, delete_of, n->chain.expression);
    else
        gen_expr(C, n->chain.expression);
    cur_chain = saved;
    if (ch.n == 0) {
        free(ch.pads);
        return;
    }
    uint32_t end = jump(C, OP_JUMP);
    uint32_t result_sp = CF(C)->sp;
    for (uint32_t i = 0; i < ch.n; i++) {
        patch(C, ch.pads[i].operand);
        set_sp(C, ch.base_sp + ch.pads[i].extra);
        for (uint32_t k = 0; k < ch.pads[i].extra; k++)
            emit0(C, OP_POP);
        emit0(C, delete_of ? OP_TRUE : OP_UNDEF);
        if (i + 1 < ch.n) {
            uint32_t j = jump(C, OP_JUMP);
            /* chain the jumps to the end */
            ch.pads[i].operand = j;
        } else {
            ch.pads[i].operand = UINT32_MAX;
        }
    }
    patch(C, end);
    for (uint32_t i = 0; i < ch.n; i++)
        if (ch.pads[i].operand != UINT32_MAX)
            patch(C, ch.pads[i].operand);
    set_sp(C, result_sp);
    free(ch.pads);
}

static void gen_chain(compiler *C, const js_node *n)
{
    gen_chain_as(C, n, NULL);
}

/* `delete a`: of a member, the delete (inside a chain, `a?.b` tests a first); of a variable,
 * false for a declared one; of anything else, its value is computed and dropped: true */
static void gen_delete_operand(compiler *C, const js_node *n, const js_node *a)
{
    if (a->type == JS_MEMBER_EXPRESSION && a->member.object->type != JS_SUPER) {
        gen_expr(C, a->member.object);
        if (a->member.optional)
            chain_check(C);
        note_line(C, n);
        if (a->member.computed) {
            gen_expr(C, a->member.property);
            emit0(C, OP_DELETE_ELEM);
        } else {
            emit1(C, OP_DELETE_PROP, key_index(C, a->member.property));
        }
    } else if (a->type == JS_IDENTIFIER) {
        emit0(C, resolve(C, a->identifier.name).b ? OP_FALSE : OP_TRUE);
    } else {
        gen_expr(C, a);
        emit0(C, OP_POP);
        emit0(C, OP_TRUE);
    }
}

static js_opcode binary_op(js_op op)
{
    switch (op) {
    case JS_OP_ADD: return OP_ADD;
    case JS_OP_SUB: return OP_SUB;
    case JS_OP_MUL: return OP_MUL;
    case JS_OP_DIV: return OP_DIV;
    case JS_OP_MOD: return OP_MOD;
    case JS_OP_EXP: return OP_EXP;
    case JS_OP_SHL: return OP_SHL;
    case JS_OP_SHR: return OP_SHR;
    case JS_OP_USHR: return OP_USHR;
    case JS_OP_BIT_AND: return OP_BIT_AND;
    case JS_OP_BIT_OR: return OP_BIT_OR;
    case JS_OP_BIT_XOR: return OP_BIT_XOR;
    case JS_OP_EQ: return OP_EQ;
    case JS_OP_NE: return OP_NE;
    case JS_OP_STRICT_EQ: return OP_STRICT_EQ;
    case JS_OP_STRICT_NE: return OP_STRICT_NE;
    case JS_OP_LT: return OP_LT;
    case JS_OP_LE: return OP_LE;
    case JS_OP_GT: return OP_GT;
    case JS_OP_GE: return OP_GE;
    case JS_OP_IN: return OP_IN;
    case JS_OP_INSTANCEOF: return OP_INSTANCEOF;
    default: return OP_NOP;
    }
}

/* Assignment to a simple target whose value is on top: the value stays. */
static void store_target(compiler *C, const js_node *target, bool keep)
{
    switch (target->type) {
    case JS_IDENTIFIER: {
        place p = resolve(C, target->identifier.name);
        store_binding(C, p, target->identifier.name, keep, false, target);
        return;
    }
    case JS_MEMBER_EXPRESSION: {
        /* [v] -> evaluate the object (and key) now, then store */
        if (target->member.object->type == JS_SUPER) {
            gen_key(C, target->member.property, target->member.computed);
            emit0(C, OP_SWAP);
            note_line(C, target);
            emit0(C, OP_SET_SUPER);
        } else if (target->member.property->type == JS_PRIVATE_IDENTIFIER) {
            gen_expr(C, target->member.object);
            place p = resolve(C, target->member.property->identifier.name);
            load_binding(C, p, target, target->member.property->identifier.name);
            emit0(C, OP_ROT3); /* [v obj key] -> [obj key v] */
            emit0(C, OP_ROT3);
            note_line(C, target);
            emit0(C, OP_SET_PRIVATE);
        } else if (target->member.computed) {
            gen_expr(C, target->member.object);
            gen_expr(C, target->member.property);
            emit0(C, OP_ROT3); /* [v obj key] -> [obj key v] */
            emit0(C, OP_ROT3);
            note_line(C, target);
            emit0(C, OP_SET_ELEM);
        } else {
            gen_expr(C, target->member.object);
            emit0(C, OP_SWAP);
            note_line(C, target);
            emit1(C, OP_SET_PROP, key_index(C, target->member.property));
        }
        if (!keep)
            emit0(C, OP_POP);
        return;
    }
    case JS_OBJECT_PATTERN:
    case JS_ARRAY_PATTERN:
        if (keep)
            emit0(C, OP_DUP);
        gen_pattern(C, target, BIND_ASSIGN);
        return;
    default:
        note_line(C, target);
        emit1(C, OP_GET_GLOBAL, name_of(C, "%invalid_assignment_target"));
        return;
    }
}

/* `o.k = v`, `o[k] = v`, `o.#k = v`, `super.k = v`: the reference (object, then key) is
 * evaluated before the right-hand side (ECMA-262 13.15.2 AssignmentExpression evaluation,
 * step 1.a before 1.d); leaves [v]. */
static void gen_assign_member(compiler *C, const js_node *target, const js_node *rhs)
{
    const js_node *obj = target->member.object, *prop = target->member.property;
    if (obj->type == JS_SUPER) {
        gen_key(C, prop, target->member.computed);
        gen_expr(C, rhs);
        note_line(C, target);
        emit0(C, OP_SET_SUPER);
    } else if (prop->type == JS_PRIVATE_IDENTIFIER) {
        gen_expr(C, obj);
        place p = resolve(C, prop->identifier.name);
        load_binding(C, p, target, prop->identifier.name);
        gen_expr(C, rhs);
        note_line(C, target);
        emit0(C, OP_SET_PRIVATE);
    } else if (target->member.computed) {
        gen_expr(C, obj);
        gen_expr(C, prop);
        gen_expr(C, rhs);
        note_line(C, target);
        emit0(C, OP_SET_ELEM);
    } else {
        gen_expr(C, obj);
        gen_expr(C, rhs);
        note_line(C, target);
        emit1(C, OP_SET_PROP, key_index(C, prop));
    }
}

/* `a op= b`, `a &&= b`, ... and the updates ++/--.  The target is read, combined and written
 * back with its object (and key) evaluated once. */
static void gen_compound(compiler *C, const js_node *target, js_op op, const js_node *rhs,
                         bool update, bool prefix, bool keep)
{
    bool logical = op == JS_OP_OR || op == JS_OP_AND || op == JS_OP_NULLISH;
    /* read: leaves [refs... value] */
    int refs = 0;
    place p = {NULL, 0};
    const char *name = NULL;
    if (target->type == JS_IDENTIFIER) {
        name = target->identifier.name;
        p = resolve(C, name);
        load_binding(C, p, target, name);
    } else if (target->type == JS_MEMBER_EXPRESSION) {
        if (target->member.object->type == JS_SUPER) {
            gen_key(C, target->member.property, target->member.computed);
            emit0(C, OP_DUP);
            note_line(C, target);
            emit0(C, OP_GET_SUPER);
            refs = 1;
        } else if (target->member.property->type == JS_PRIVATE_IDENTIFIER) {
            gen_expr(C, target->member.object);
            place pk = resolve(C, target->member.property->identifier.name);
            load_binding(C, pk, target, target->member.property->identifier.name);
            emit0(C, OP_DUP2);
            note_line(C, target);
            emit0(C, OP_GET_PRIVATE);
            refs = 2;
        } else if (target->member.computed) {
            gen_expr(C, target->member.object);
            gen_expr(C, target->member.property);
            emit0(C, OP_TO_KEY);
            emit0(C, OP_DUP2);
            note_line(C, target);
            emit0(C, OP_GET_ELEM);
            refs = 2;
        } else {
            gen_expr(C, target->member.object);
            emit0(C, OP_DUP);
            note_line(C, target);
            emit1(C, OP_GET_PROP, key_index(C, target->member.property));
            refs = 1;
        }
    } else {
        note_line(C, target);
        emit1(C, OP_GET_GLOBAL, name_of(C, "%invalid_assignment_target"));
        return;
    }
    uint32_t skip = UINT32_MAX;
    uint32_t old_reg = UINT32_MAX;
    if (update) {
        if (!prefix) { /* the old value, as a number, is the result */
            emit0(C, OP_TO_NUMERIC);
            old_reg = new_reg(C);
            emit1(C, OP_SET_REG, old_reg);
        }
        emit0(C, op == JS_OP_INC ? OP_INC : OP_DEC);
    } else if (logical) {
        /* short-circuit: keep the old value when it decides */
        js_opcode j = op == JS_OP_OR ? OP_JUMP_TRUE_KEEP
                      : op == JS_OP_AND ? OP_JUMP_FALSE_KEEP : OP_JUMP_NOT_NULLISH_KEEP;
        skip = jump(C, j);
        gen_expr_named(C, rhs, name);
    } else {
        gen_expr(C, rhs);
        emit0(C, binary_op(js_op_assign_base(op)));
    }
    /* write back */
    if (target->type == JS_IDENTIFIER) {
        store_binding(C, p, name, true, false, target);
    } else if (target->member.object->type == JS_SUPER) {
        note_line(C, target);
        emit0(C, OP_SET_SUPER);
    } else if (target->member.property->type == JS_PRIVATE_IDENTIFIER) {
        emit0(C, OP_SET_PRIVATE);
    } else if (refs == 2) {
        note_line(C, target);
        emit0(C, OP_SET_ELEM);
    } else {
        note_line(C, target);
        emit1(C, OP_SET_PROP, key_index(C, target->member.property));
    }
    if (skip != UINT32_MAX) {
        /* the short-circuit lands with [refs... old] */
        uint32_t done = jump(C, OP_JUMP);
        uint32_t after_sp = CF(C)->sp;
        patch(C, skip);
        set_sp(C, after_sp + (uint32_t)refs);
        for (int i = 0; i < refs; i++) { /* drop the references under the value */
            emit0(C, OP_SWAP);
            emit0(C, OP_POP);
        }
        patch(C, done);
        set_sp(C, after_sp);
    }
    if (old_reg != UINT32_MAX) {
        emit0(C, OP_POP);
        emit1(C, OP_GET_REG, old_reg);
    }
    if (!keep)
        emit0(C, OP_POP);
}

static void gen_template(compiler *C, const js_node *n)
{
    const js_list *q = &n->template_literal.quasis, *e = &n->template_literal.expressions;
    const js_text *first = &q->items[0]->template_element.cooked;
    emit_string(C, first->chars ? first->chars : "", first->chars ? first->len : 0);
    for (size_t i = 0; i < e->count; i++) {
        gen_expr(C, e->items[i]);
        note_line(C, e->items[i]);
        emit0(C, OP_TO_STRING);
        emit0(C, OP_ADD);
        const js_text *s = &q->items[i + 1]->template_element.cooked;
        if (s->chars && s->len) {
            emit_string(C, s->chars, s->len);
            emit0(C, OP_ADD);
        }
    }
}

static void gen_object(compiler *C, const js_node *n)
{
    emit0(C, OP_NEW_OBJECT);
    for (size_t i = 0; i < n->object.properties.count; i++) {
        const js_node *p = n->object.properties.items[i];
        if (p->type == JS_SPREAD_ELEMENT) {
            gen_expr(C, p->spread.argument);
            emit0(C, OP_OBJ_SPREAD);
            continue;
        }
        const js_node *key = p->property.key;
        char buf[64];
        const char *kname = p->property.computed ? NULL : key_name(C, key, buf, sizeof buf);
        if (!p->property.computed && kname && strcmp(kname, "__proto__") == 0 &&
            p->property.kind == JS_PROP_INIT && !p->property.shorthand && !p->property.method) {
            gen_expr(C, p->property.value);
            emit0(C, OP_INIT_PROTO);
            continue;
        }
        if (p->property.kind != JS_PROP_INIT) {
            gen_key(C, key, p->property.computed);
            emit1(C, OP_CLOSURE, gen_method(C, p, p->property.value,
                                            accessor_name(C, kname, p->property.kind == JS_PROP_GET),
                                            NULL));
            if (p->property.computed)
                emit1(C, OP_SET_FN_NAME, p->property.kind == JS_PROP_GET ? 1 : 2);
            emit0(C, p->property.kind == JS_PROP_GET ? OP_INIT_GETTER : OP_INIT_SETTER);
            continue;
        }
        bool simple_key = !p->property.computed && key->type != JS_LITERAL;
        if (simple_key || (!p->property.computed && key->literal.kind == JS_LIT_STRING)) {
            if (p->property.method)
                emit1(C, OP_CLOSURE, gen_method(C, p, p->property.value, kname, NULL));
            else
                gen_expr_named(C, p->property.value, kname);
            emit1(C, OP_INIT_PROP, key_index(C, key));
        } else {
            gen_key(C, key, p->property.computed);
            if (p->property.method) {
                emit1(C, OP_CLOSURE, gen_method(C, p, p->property.value, kname ? kname : "", NULL));
                if (p->property.computed)
                    emit1(C, OP_SET_FN_NAME, 0);
            } else if (is_anonymous_fn(p->property.value) && p->property.computed) {
                gen_expr(C, p->property.value);
                emit1(C, OP_SET_FN_NAME, 0);
            } else {
                gen_expr_named(C, p->property.value, kname);
            }
            emit0(C, OP_INIT_ELEM);
        }
    }
}

static void gen_array(compiler *C, const js_node *n)
{
    emit0(C, OP_NEW_ARRAY);
    for (size_t i = 0; i < n->array.elements.count; i++) {
        const js_node *e = n->array.elements.items[i];
        if (!e) {
            emit0(C, OP_ARRAY_HOLE);
        } else if (e->type == JS_SPREAD_ELEMENT) {
            gen_expr(C, e->spread.argument);
            note_line(C, e);
            emit0(C, OP_ARRAY_SPREAD);
        } else {
            gen_expr(C, e);
            emit0(C, OP_ARRAY_PUSH);
        }
    }
}

static void gen_logical(compiler *C, const js_node *n)
{
    gen_expr(C, n->binary.left);
    js_opcode j = n->binary.operator == JS_OP_OR ? OP_JUMP_TRUE_KEEP
                  : n->binary.operator == JS_OP_AND ? OP_JUMP_FALSE_KEEP
                                                    : OP_JUMP_NOT_NULLISH_KEEP;
    uint32_t end = jump(C, j);
    gen_expr(C, n->binary.right);
    patch(C, end);
}

static void gen_conditional(compiler *C, const js_node *n)
{
    gen_expr(C, n->conditional.test);
    uint32_t no = jump(C, OP_JUMP_FALSE);
    uint32_t sp = CF(C)->sp;
    gen_expr(C, n->conditional.consequent);
    uint32_t end = jump(C, OP_JUMP);
    patch(C, no);
    set_sp(C, sp);
    gen_expr(C, n->conditional.alternate);
    patch(C, end);
}

static void gen_unary(compiler *C, const js_node *n)
{
    const js_node *a = n->unary.argument;
    switch (n->unary.operator) {
    case JS_OP_TYPEOF:
        if (a->type == JS_IDENTIFIER && !resolve(C, a->identifier.name).b) {
            emit1(C, OP_TYPEOF_GLOBAL, name_of(C, a->identifier.name));
            return;
        }
        gen_expr(C, a);
        emit0(C, OP_TYPEOF);
        return;
    case JS_OP_DELETE:
        if (a->type == JS_CHAIN_EXPRESSION)
            gen_chain_as(C, a, n);
        else
            gen_delete_operand(C, n, a);
        return;
    case JS_OP_VOID:
        gen_expr(C, a);
        emit0(C, OP_POP);
        emit0(C, OP_UNDEF);
        return;
    default:
        gen_expr(C, a);
        note_line(C, n);
        emit0(C, n->unary.operator == JS_OP_NEG ? OP_NEG
                 : n->unary.operator == JS_OP_PLUS ? OP_PLUS
                 : n->unary.operator == JS_OP_NOT ? OP_NOT : OP_BIT_NOT);
    }
}

static void gen_literal(compiler *C, const js_node *n)
{
    switch (n->literal.kind) {
    case JS_LIT_NULL:
        emit0(C, OP_NULL);
        break;
    case JS_LIT_BOOLEAN:
        emit0(C, n->literal.value.boolean ? OP_TRUE : OP_FALSE);
        break;
    case JS_LIT_NUMBER:
        emit_number(C, n->literal.value.number);
        break;
    case JS_LIT_STRING:
        emit_string(C, n->literal.value.string.chars, n->literal.value.string.len);
        break;
    case JS_LIT_BIGINT: /* made by the VM that runs it (values live on a VM's heap) */
        emit1(C, OP_BIGINT, name_index(C, n->literal.value.bigint, strlen(n->literal.value.bigint)));
        break;
    case JS_LIT_REGEXP: {
        /* new RegExp(pattern, flags) */
        emit1(C, OP_GET_GLOBAL, name_of(C, "RegExp"));
        emit_string(C, n->literal.value.regex.pattern, strlen(n->literal.value.regex.pattern));
        emit_string(C, n->literal.value.regex.flags, strlen(n->literal.value.regex.flags));
        note_line(C, n);
        emit2(C, OP_NEW, 2, name_of(C, "RegExp"));
        break;
    }
    }
}

static void gen_expr(compiler *C, const js_node *n)
{
    switch (n->type) {
    case JS_LITERAL:
        gen_literal(C, n);
        break;
    case JS_IDENTIFIER: {
        const char *name = n->identifier.name;
        if (strcmp(name, "undefined") == 0 && !resolve(C, name).b) {
            emit0(C, OP_UNDEF);
            break;
        }
        load_binding(C, resolve(C, name), n, name);
        break;
    }
    case JS_THIS_EXPRESSION:
        if (CF(C)->fn->arrow) {
            place p = resolve(C, "%this");
            if (p.b)
                load_binding(C, p, n, "%this");
            else
                emit0(C, OP_THIS);
        } else {
            note_line(C, n);
            emit0(C, OP_THIS);
        }
        break;
    case JS_TEMPLATE_LITERAL:
        gen_template(C, n);
        break;
    case JS_TAGGED_TEMPLATE_EXPRESSION: {
        gen_callee_and_this(C, n->tagged_template.tag);
        const js_node *q = n->tagged_template.quasi;
        /* the strings (a new array each time, without `raw`: not V8's cached frozen one) */
        emit0(C, OP_NEW_ARRAY);
        for (size_t i = 0; i < q->template_literal.quasis.count; i++) {
            const js_text *s = &q->template_literal.quasis.items[i]->template_element.cooked;
            if (s->chars)
                emit_string(C, s->chars, s->len);
            else
                emit0(C, OP_UNDEF);
            emit0(C, OP_ARRAY_PUSH);
        }
        for (size_t i = 0; i < q->template_literal.expressions.count; i++)
            gen_expr(C, q->template_literal.expressions.items[i]);
        note_line(C, n);
        emit2(C, OP_CALL, (uint32_t)q->template_literal.expressions.count + 1,
              callee_text(C, n->tagged_template.tag));
        break;
    }
    case JS_ARRAY_EXPRESSION:
        gen_array(C, n);
        break;
    case JS_OBJECT_EXPRESSION:
        gen_object(C, n);
        break;
    case JS_FUNCTION_EXPRESSION:
    case JS_ARROW_FUNCTION_EXPRESSION:
        emit1(C, OP_CLOSURE, gen_function(C, n, NULL));
        break;
    case JS_CLASS_EXPRESSION:
        gen_class(C, n, NULL);
        break;
    case JS_UNARY_EXPRESSION:
        gen_unary(C, n);
        break;
    case JS_UPDATE_EXPRESSION:
        gen_compound(C, n->update.argument, n->update.operator, NULL, true, n->update.prefix,
                     true);
        break;
    case JS_BINARY_EXPRESSION:
        if (n->binary.left->type == JS_PRIVATE_IDENTIFIER) {
            place p = resolve(C, n->binary.left->identifier.name);
            load_binding(C, p, n, n->binary.left->identifier.name);
            gen_expr(C, n->binary.right);
            note_line(C, n);
            emit0(C, OP_HAS_PRIVATE);
            break;
        }
        gen_expr(C, n->binary.left);
        gen_expr(C, n->binary.right);
        note_line(C, n);
        emit0(C, binary_op(n->binary.operator));
        break;
    case JS_LOGICAL_EXPRESSION:
        gen_logical(C, n);
        break;
    case JS_ASSIGNMENT_EXPRESSION:
        if (n->assignment.operator == JS_OP_ASSIGN &&
            n->assignment.left->type == JS_MEMBER_EXPRESSION) {
            gen_assign_member(C, n->assignment.left, n->assignment.right);
        } else if (n->assignment.operator == JS_OP_ASSIGN) {
            const js_node *t = n->assignment.left;
            gen_expr_named(C, n->assignment.right,
                           t->type == JS_IDENTIFIER ? t->identifier.name : NULL);
            store_target(C, t, true);
        } else {
            gen_compound(C, n->assignment.left, n->assignment.operator, n->assignment.right,
                         false, false, true);
        }
        break;
    case JS_CONDITIONAL_EXPRESSION:
        gen_conditional(C, n);
        break;
    case JS_CALL_EXPRESSION:
        gen_call(C, n);
        break;
    case JS_NEW_EXPRESSION: {
        gen_expr(C, n->call.callee);
        bool spread;
        uint32_t argc;
        gen_args(C, &n->call.arguments, &spread, &argc);
        note_line(C, n);
        if (spread)
            emit1(C, OP_NEW_SPREAD, callee_text(C, n->call.callee));
        else
            emit2(C, OP_NEW, argc, callee_text(C, n->call.callee));
        break;
    }
    case JS_MEMBER_EXPRESSION:
        gen_member_get(C, n);
        break;
    case JS_CHAIN_EXPRESSION:
        gen_chain(C, n);
        break;
    case JS_SEQUENCE_EXPRESSION:
        for (size_t i = 0; i < n->sequence.expressions.count; i++) {
            gen_expr(C, n->sequence.expressions.items[i]);
            if (i + 1 < n->sequence.expressions.count)
                emit0(C, OP_POP);
        }
        break;
    case JS_AWAIT_EXPRESSION:
        gen_expr(C, n->await.argument);
        note_line(C, n);
        emit0(C, OP_AWAIT);
        break;
    case JS_YIELD_EXPRESSION:
        if (n->yield.argument)
            gen_expr(C, n->yield.argument);
        else
            emit0(C, OP_UNDEF);
        note_line(C, n);
        if (n->yield.delegate) {
            emit0(C, OP_GET_ITERATOR);
            emit0(C, OP_UNDEF);
            emit0(C, OP_YIELD_DELEGATE);
        } else {
            gen_yield(C);
        }
        break;
    case JS_META_PROPERTY:
        if (strcmp(n->meta_property.meta->identifier.name, "new") == 0) {
            if (CF(C)->fn->arrow) {
                place p = resolve(C, "%new.target");
                if (p.b)
                    load_binding(C, p, n, "%new.target");
                else
                    emit0(C, OP_UNDEF);
            } else {
                emit0(C, OP_NEW_TARGET);
            }
        } else { /* import.meta */
            emit1(C, OP_GET_GLOBAL, name_of(C, "%import.meta"));
        }
        break;
    case JS_IMPORT_EXPRESSION:
        check_module(C, n->import_expression.source);
        emit1(C, OP_GET_GLOBAL, name_of(C, "%dynamic_import"));
        emit0(C, OP_UNDEF);
        gen_expr(C, n->import_expression.source);
        note_line(C, n);
        emit2(C, OP_CALL, 1, name_of(C, "import"));
        break;
    case JS_SUPER:
        REFUSE(C, n, "super outside a method call or property access");
    case JS_SPREAD_ELEMENT:
    default:
        fail_at(C, n, "SyntaxError: Unexpected %s", js_node_type_name(n->type));
    }
}

/* ---- protected regions: the handler table ------------------------------------------------------ */

/* A region of code whose exceptions go to a handler (a try block, a for-of body, the elements
 * of an array pattern): its segments become js_trycatch entries. */
typedef struct region {
    uint32_t start;       /* open segment's start, or UINT32_MAX */
    uint32_t sp, depth;   /* where the handler runs */
    u32vec entries;       /* handler entries to patch with the handler's pc */
} region;

/* A region's handler entries live in the program's arena: a region is a C local of the
 * generator that opened it, which a compile error's longjmp leaves without freeing anything. */
static void region_add_entry(compiler *C, u32vec *v, uint32_t x)
{
    if (v->n == v->cap) {
        uint32_t cap = v->cap ? 2 * v->cap : 4;
        v->v = arena_grow(C->arena, v->v, v->n, cap, sizeof *v->v);
        v->cap = cap;
    }
    v->v[v->n++] = x;
}

static void region_open(compiler *C, region *r)
{
    r->start = here(C);
}

static void region_close(compiler *C, region *r)
{
    if (r->start == UINT32_MAX)
        return;
    cfunc *f = CF(C);
    if (here(C) > r->start) {
        f->handlers = grow(f->handlers, &f->handlers_cap, f->nhandlers + 1, sizeof *f->handlers);
        f->handlers[f->nhandlers] = (js_trycatch){r->start, here(C), 0, r->sp, r->depth};
        region_add_entry(C, &r->entries, f->nhandlers++);
    }
    r->start = UINT32_MAX;
}

static void region_handler_here(compiler *C, region *r)
{
    for (uint32_t i = 0; i < r->entries.n; i++)
        CF(C)->handlers[r->entries.v[i]].handler = here(C);
    r->entries.v = NULL;
    r->entries.n = r->entries.cap = 0;
}

/* Closes the iterator on top (iter next).  For await's (ECMA-262 AsyncIteratorClose: "If
 * innerResult.[[Type]] is normal, set innerResult to Await(innerResult.[[Value]])", before its
 * type is checked) awaits what return() gave, one more job on the microtask queue than the sync
 * loop's closing; no return() means no await. */
static void emit_iter_close(compiler *C, bool async)
{
    if (!async) {
        emit0(C, OP_ITER_CLOSE);
        return;
    }
    uint32_t sp = CF(C)->sp;
    uint32_t skip = emit1(C, OP_ITER_CLOSE_ASYNC, 0) + 1;
    emit0(C, OP_AWAIT);
    emit0(C, OP_ITER_CLOSE_CHECK);
    patch(C, skip);
    set_sp(C, sp - 2);
}

/* After a region protected while [iter next] are on the stack: the handler an exception there
 * goes to closes the iterator and rethrows.  IteratorClose with a throw completion (ECMA-262
 * 7.4.11) ignores what getting or calling return() throws, hence a second region around
 * ITER_CLOSE.  The handler is emitted after the function's last instruction (emit_closers), so
 * the normal path runs no jump over it. */
static void gen_close_on_throw(compiler *C, region *r, bool async)
{
    cfunc *f = CF(C);
    f->closers = grow(f->closers, &f->closers_cap, f->nclosers + 1, sizeof *f->closers);
    f->closers[f->nclosers++] = (iter_closer){r->sp, r->depth, r->entries, async};
    r->entries = (u32vec){NULL, 0, 0};
}

static bool in_vec(const u32vec *v, uint32_t x)
{
    for (uint32_t i = 0; i < v->n; i++)
        if (v->v[i] == x)
            return true;
    return false;
}

/* The deferred handlers, outermost first: an exception they rethrow goes to the handlers that
 * enclosed their region (a try, an outer pattern, a for-of), so their code gets copies of those
 * handler entries, innermost first as the table has them (an outer closer's entries are patched
 * by then). */
static void emit_closers(compiler *C)
{
    cfunc *f = CF(C);
    for (uint32_t i = f->nclosers; i-- > 0;) {
        iter_closer *c = &f->closers[i];
        if (!c->entries.n)
            continue; /* an empty region: nothing can throw in it */
        uint32_t at = f->handlers[c->entries.v[0]].start, known = f->nhandlers;
        u32vec own = c->entries;
        region r = {UINT32_MAX, c->sp, c->depth, {NULL, 0, 0}};
        for (uint32_t k = 0; k < own.n; k++)
            region_add_entry(C, &r.entries, own.v[k]);
        uint32_t block = here(C);
        set_sp(C, r.sp + 1);
        region_handler_here(C, &r);
        uint32_t ex = new_reg(C);
        emit1(C, OP_PUT_REG, ex);
        region quiet = {UINT32_MAX, r.sp - 2, r.depth, {NULL, 0, 0}};
        region_open(C, &quiet);
        emit_iter_close(C, c->async);
        region_close(C, &quiet);
        emit1(C, OP_GET_REG, ex);
        emit0(C, OP_THROW);
        set_sp(C, quiet.sp + 1);
        region_handler_here(C, &quiet);
        emit0(C, OP_POP);
        emit1(C, OP_GET_REG, ex);
        emit0(C, OP_THROW);
        for (uint32_t h = 0; h < known; h++) {
            js_trycatch e = f->handlers[h];
            if (in_vec(&own, h) || at < e.start || at >= e.end)
                continue;
            f->handlers = grow(f->handlers, &f->handlers_cap, f->nhandlers + 1, sizeof *f->handlers);
            f->handlers[f->nhandlers++] = (js_trycatch){block, here(C), e.handler, e.sp, e.env_depth};
        }
        c->entries = (u32vec){NULL, 0, 0};
    }
    free(f->closers);
    f->closers = NULL;
    f->nclosers = f->closers_cap = 0;
}

/* ---- patterns ----------------------------------------------------------------------------------- */

/* stores the value on top into a binding target (identifier) or a member (assignments) */
static void bind_target(compiler *C, const js_node *t, int mode)
{
    if (t->type == JS_IDENTIFIER) {
        place p = resolve(C, t->identifier.name);
        store_binding(C, p, t->identifier.name, false, mode != BIND_ASSIGN, t);
        return;
    }
    if (t->type == JS_OBJECT_PATTERN || t->type == JS_ARRAY_PATTERN) {
        gen_pattern(C, t, mode);
        return;
    }
    store_target(C, t, false);
}

/* A destructuring assignment's target that is a property reference (o.k, o[k], o.#k) has its
 * object and key evaluated before the value is taken from the iterator or the source object
 * (ECMA-262 13.15.5.5-6: "Let lref be ? Evaluation of DestructuringAssignmentTarget" comes
 * first); they wait in registers, and the key's ToPropertyKey waits for the store (PutValue). */
typedef struct {
    bool held;
    uint32_t obj, key;
} held_ref;

static const js_node *element_target(const js_node *e)
{
    return e->type == JS_ASSIGNMENT_PATTERN ? e->assignment_pattern.left : e;
}

static void hold_ref(compiler *C, const js_node *e, held_ref *h)
{
    const js_node *t = element_target(e);
    h->held = t->type == JS_MEMBER_EXPRESSION && t->member.object->type != JS_SUPER;
    if (!h->held)
        return; /* super.k: evaluated at the store, as before */
    gen_expr(C, t->member.object);
    h->obj = new_reg(C);
    emit1(C, OP_PUT_REG, h->obj);
    if (t->member.computed) {
        gen_expr(C, t->member.property);
        h->key = new_reg(C);
        emit1(C, OP_PUT_REG, h->key);
    }
}

/* [value] -> []: a pattern element (its default when the value is undefined) into its target,
 * a held reference or anything gen_pattern takes */
static void store_element(compiler *C, const js_node *e, int mode, const held_ref *h)
{
    if (!h->held) {
        gen_pattern(C, e, mode);
        return;
    }
    if (e->type == JS_ASSIGNMENT_PATTERN) {
        uint32_t have = jump(C, OP_JUMP_NOT_UNDEF);
        gen_expr(C, e->assignment_pattern.right);
        patch(C, have);
    }
    const js_node *t = element_target(e);
    emit1(C, OP_GET_REG, h->obj);                       /* [v obj] */
    if (t->member.property->type == JS_PRIVATE_IDENTIFIER) {
        const char *pn = t->member.property->identifier.name;
        load_binding(C, resolve(C, pn), t, pn);
        emit0(C, OP_ROT3);                               /* [v obj key] -> [obj key v] */
        emit0(C, OP_ROT3);
        note_line(C, t);
        emit0(C, OP_SET_PRIVATE);
    } else if (t->member.computed) {
        emit1(C, OP_GET_REG, h->key);
        emit0(C, OP_ROT3);
        emit0(C, OP_ROT3);
        note_line(C, t);
        emit0(C, OP_SET_ELEM);
    } else {
        emit0(C, OP_SWAP);
        note_line(C, t);
        emit1(C, OP_SET_PROP, key_index(C, t->member.property));
    }
    emit0(C, OP_POP);
}

/* [value] -> []: the value destructured into the pattern */
static void gen_pattern(compiler *C, const js_node *p, int mode)
{
    switch (p->type) {
    case JS_IDENTIFIER:
    case JS_MEMBER_EXPRESSION:
        bind_target(C, p, mode);
        return;
    case JS_ASSIGNMENT_PATTERN: {
        uint32_t have = jump(C, OP_JUMP_NOT_UNDEF);
        const js_node *l = p->assignment_pattern.left;
        gen_expr_named(C, p->assignment_pattern.right,
                       l->type == JS_IDENTIFIER ? l->identifier.name : NULL);
        patch(C, have);
        bind_target(C, l, mode);
        return;
    }
    case JS_OBJECT_PATTERN: {
        const js_list *props = &p->object.properties;
        bool rest = props->count && props->items[props->count - 1]->type == JS_REST_ELEMENT;
        uint32_t keys_reg = 0;
        if (rest) { /* the keys taken, for the rest object */
            keys_reg = new_reg(C);
            emit0(C, OP_NEW_ARRAY);
            emit1(C, OP_PUT_REG, keys_reg);
        }
        note_line(C, p);
        /* RequireObjectCoercible: reading a property of null/undefined throws */
        for (size_t i = 0; i < props->count; i++) {
            const js_node *x = props->items[i];
            held_ref h;
            if (x->type == JS_REST_ELEMENT) {
                hold_ref(C, x->rest.argument, &h);
                emit1(C, OP_GET_REG, keys_reg);
                note_line(C, x);
                emit0(C, OP_OBJ_REST);
                store_element(C, x->rest.argument, mode, &h);
                return;
            }
            emit0(C, OP_DUP);
            if (x->property.computed || (x->property.key->type == JS_LITERAL &&
                                         x->property.key->literal.kind == JS_LIT_NUMBER)) {
                gen_key(C, x->property.key, x->property.computed);
                if (rest) {
                    emit0(C, OP_DUP);
                    emit1(C, OP_GET_REG, keys_reg);
                    emit0(C, OP_SWAP);
                    emit0(C, OP_ARRAY_PUSH);
                    emit0(C, OP_POP);
                }
                hold_ref(C, x->property.value, &h);
                note_line(C, x);
                emit0(C, OP_GET_ELEM);
            } else {
                uint32_t k = key_index(C, x->property.key);
                if (rest) {
                    emit1(C, OP_GET_REG, keys_reg);
                    emit1(C, OP_STRING, k);
                    emit0(C, OP_ARRAY_PUSH);
                    emit0(C, OP_POP);
                }
                hold_ref(C, x->property.value, &h);
                note_line(C, x);
                emit1(C, OP_GET_PROP, k);
            }
            store_element(C, x->property.value, mode, &h);
        }
        emit0(C, OP_POP);
        return;
    }
    case JS_ARRAY_PATTERN: {
        note_line(C, p);
        emit0(C, OP_GET_ITERATOR);
        /* an exception while the elements are taken closes the iterator unless it is done
         * (8.6.2 BindingInitialization, 13.15.5.2: IteratorClose) */
        region r = {UINT32_MAX, CF(C)->sp, CF(C)->scope_depth, {NULL, 0, 0}};
        region_open(C, &r);
        for (size_t i = 0; i < p->array.elements.count; i++) {
            const js_node *e = p->array.elements.items[i];
            held_ref h = {false, 0, 0};
            if (e && e->type == JS_REST_ELEMENT) {
                hold_ref(C, e->rest.argument, &h);
                emit0(C, OP_ITER_REST);
                store_element(C, e->rest.argument, mode, &h);
                continue;
            }
            if (e)
                hold_ref(C, e, &h);
            emit0(C, OP_ITER_VALUE);
            if (e)
                store_element(C, e, mode, &h);
            else
                emit0(C, OP_POP);
        }
        region_close(C, &r);
        emit0(C, OP_ITER_CLOSE);
        gen_close_on_throw(C, &r, false);
        return;
    }
    default:
        fail_at(C, p, "SyntaxError: Invalid destructuring assignment target");
    }
}

/* ---- targets: break, continue, return and what they leave ------------------------------------- */

typedef struct tgt {
    struct tgt *outer;
    ttype type;
    const char **labels;
    uint32_t nlabels;
    u32vec breaks, continues;
    uint32_t sp;              /* the stack inside (loops: with their items) */
    uint32_t items;           /* values the loop keeps on the stack (for-in 1, for-of 2) */
    bool iterator;            /* for-of: close it when leaving */
    bool async_iterator;      /* for await: the closing awaits return()'s result */
    uint32_t depth;           /* scope depth inside */
    scope *cur;
    region *reg;              /* a try's (or for-of's) protected region */
    const js_node *finalizer;
    uint32_t finally_depth;   /* the try statement's scope depth, for its finally code */
    scope *finally_scope;
    struct tgt *live_prev, *live_next; /* every target not popped yet (a failure frees them) */
} tgt;

static tgt *tgts;
/* Every target pushed and not popped, whichever chain holds it (a nested function's, the one a
 * finally block's copy is generated in): a compile error frees them all from here. */
static tgt *live_tgts;

static tgt *push_tgt(compiler *C, ttype type)
{
    tgt *t = calloc(1, sizeof *t);
    if (!t)
        ls_out_of_memory(0);
    t->live_next = live_tgts;
    if (live_tgts)
        live_tgts->live_prev = t;
    live_tgts = t;
    t->outer = tgts;
    t->type = type;
    t->sp = CF(C)->sp;
    t->depth = CF(C)->scope_depth;
    t->cur = CF(C)->cur;
    tgts = t;
    return t;
}

static void pop_tgt(compiler *C, tgt *t)
{
    (void)C;
    tgts = t->outer;
    if (t->live_prev)
        t->live_prev->live_next = t->live_next;
    else
        live_tgts = t->live_next;
    if (t->live_next)
        t->live_next->live_prev = t->live_prev;
    free(t->breaks.v);
    free(t->continues.v);
    free(t->labels);
    free(t);
}

static void drop_to(compiler *C, uint32_t sp)
{
    while (CF(C)->sp > sp)
        emit0(C, OP_POP);
}

static void pop_scopes_to(compiler *C, uint32_t depth)
{
    while (CF(C)->scope_depth > depth) {
        emit0(C, OP_POP_SCOPE);
        CF(C)->scope_depth--;
    }
}

/* Leaves target t on a jump out of it: what it holds is dropped, its finally runs, its
 * iterator is closed; its region no longer covers the code emitted for that. */
static void leave_tgt(compiler *C, tgt *t, region **closed, uint32_t *nclosed)
{
    if (t->reg && t->reg->start != UINT32_MAX) {
        region_close(C, t->reg);
        closed[(*nclosed)++] = t->reg;
    }
    if (t->type == T_FINALLY && t->finalizer) {
        drop_to(C, t->sp);
        pop_scopes_to(C, t->finally_depth);
        scope *saved = CF(C)->cur;
        CF(C)->cur = t->finally_scope;
        /* the finally block's code is outside its try: a return, break or yield in it leaves
         * only the targets around the try (else it would inline this block again, forever) */
        tgt *inner = tgts;
        tgts = t->outer;
        const js_node *copied = C->finally_copied;
        C->finally_copied = t->finalizer;
        gen_stmt(C, t->finalizer);
        C->finally_copied = copied;
        tgts = inner;
        CF(C)->cur = saved;
    }
    if (t->type == T_LOOP && t->items) {
        drop_to(C, t->sp);
        pop_scopes_to(C, t->depth);
        if (t->iterator)
            emit_iter_close(C, t->async_iterator);
        else
            for (uint32_t i = 0; i < t->items; i++)
                emit0(C, OP_POP);
    }
}

/* A jump out to `to` (break: past it, continue: to its next iteration; to == NULL: return,
 * with the value already in a register).  The compile state is restored afterwards. */
static void gen_exit(compiler *C, tgt *to, bool is_break, uint32_t *patch_out)
{
    cfunc *f = CF(C);
    uint32_t sp = f->sp, depth = f->scope_depth;
    scope *cur = f->cur;
    region *closed[256];
    uint32_t nclosed = 0;
    for (tgt *t = tgts; t != to; t = t->outer)
        if (nclosed < 250)
            leave_tgt(C, t, closed, &nclosed);
    if (to) {
        if (is_break) {
            leave_tgt(C, to, closed, &nclosed);
            drop_to(C, to->sp - to->items);
        } else {
            drop_to(C, to->sp);
        }
        pop_scopes_to(C, to->depth);
        *patch_out = jump(C, OP_JUMP);
    }
    for (uint32_t i = 0; i < nclosed; i++)
        region_open(C, closed[i]);
    f->sp = sp;
    f->scope_depth = depth;
    f->cur = cur;
}

static tgt *find_tgt(compiler *C, const js_node *n, bool is_break)
{
    const js_node *label = n->jump.label;
    for (tgt *t = tgts; t; t = t->outer) {
        if (label) {
            for (uint32_t i = 0; i < t->nlabels; i++)
                if (t->labels[i] == label->identifier.name &&
                    (is_break || t->type == T_LOOP))
                    return t;
        } else if (t->type == T_LOOP || (is_break && t->type == T_SWITCH)) {
            return t;
        }
    }
    fail_at(C, n, "SyntaxError: Undefined label");
}

/* ---- statements -------------------------------------------------------------------------------- */

static const char **pending_labels;
static uint32_t npending_labels;

static void take_labels(tgt *t)
{
    t->labels = pending_labels;
    t->nlabels = npending_labels;
    pending_labels = NULL;
    npending_labels = 0;
}

static void hoist_functions(compiler *C, const js_list *body)
{
    for (size_t i = 0; i < body->count; i++) {
        const js_node *n = unwrap_export(body->items[i]);
        if (n->type != JS_FUNCTION_DECLARATION || !n->function.id)
            continue;
        const char *name = n->function.id->identifier.name;
        emit1(C, OP_CLOSURE, gen_function(C, n, name));
        store_binding(C, resolve(C, name), name, false, true, n);
    }
}

static void gen_block(compiler *C, const js_node *n, const js_list *body)
{
    scope *s = scope_for(C, n);
    enter_scope(C, s);
    hoist_functions(C, body);
    for (size_t i = 0; i < body->count; i++)
        gen_stmt(C, body->items[i]);
    leave_scope(C, s);
}

static void gen_var_decl(compiler *C, const js_node *n)
{
    int mode = n->variable_declaration.kind == JS_VAR ? BIND_VAR : BIND_INIT;
    for (size_t i = 0; i < n->variable_declaration.declarations.count; i++) {
        const js_node *d = n->variable_declaration.declarations.items[i];
        const js_node *id = d->variable_declarator.id;
        const js_node *init = d->variable_declarator.init;
        if (!init) {
            if (mode == BIND_VAR)
                continue; /* `var x;` does nothing where it stands */
            emit0(C, OP_UNDEF);
        } else {
            gen_expr_named(C, init, id->type == JS_IDENTIFIER ? id->identifier.name : NULL);
        }
        note_line(C, d);
        if (id->type == JS_IDENTIFIER) {
            place p = resolve(C, id->identifier.name);
            store_binding(C, p, id->identifier.name, false, true, id);
        } else {
            gen_pattern(C, id, mode);
        }
    }
}

/* `for (let i = a; i < b; i++) {}` with nothing in its body: FAST_COUNT runs it at once when
 * i and b are numbers (compile.c's only loop optimization; the loop's own code follows it and
 * finds the test false, so the result is the same) */
static void try_fast_count(compiler *C, const js_node *n)
{
    const js_node *body = n->for_statement.body, *test = n->for_statement.test;
    const js_node *upd = n->for_statement.update;
    if (!test || !upd || !(body->type == JS_EMPTY_STATEMENT ||
                           (body->type == JS_BLOCK_STATEMENT && body->block.body.count == 0)))
        return;
    if (test->type != JS_BINARY_EXPRESSION || test->binary.left->type != JS_IDENTIFIER)
        return;
    int cmp;
    switch (test->binary.operator) {
    case JS_OP_LT: cmp = 0; break;
    case JS_OP_LE: cmp = 1; break;
    case JS_OP_GT: cmp = 2; break;
    case JS_OP_GE: cmp = 3; break;
    default: return;
    }
    const char *var = test->binary.left->identifier.name;
    double step;
    if (upd->type == JS_UPDATE_EXPRESSION && upd->update.argument->type == JS_IDENTIFIER &&
        same_name(upd->update.argument->identifier.name, var)) {
        step = upd->update.operator == JS_OP_INC ? 1 : -1;
    } else if (upd->type == JS_ASSIGNMENT_EXPRESSION &&
               (upd->assignment.operator == JS_OP_ADD_ASSIGN ||
                upd->assignment.operator == JS_OP_SUB_ASSIGN) &&
               upd->assignment.left->type == JS_IDENTIFIER &&
               same_name(upd->assignment.left->identifier.name, var) &&
               upd->assignment.right->type == JS_LITERAL &&
               upd->assignment.right->literal.kind == JS_LIT_NUMBER) {
        step = upd->assignment.right->literal.value.number;
        if (upd->assignment.operator == JS_OP_SUB_ASSIGN)
            step = -step;
    } else {
        return;
    }
    if (step == 0 || step != floor(step))
        return;
    place p = resolve(C, var);
    if (!p.b || p.b->reg < 0)
        return;
    const js_node *lim = test->binary.right;
    uint32_t kind, limit;
    if (lim->type == JS_LITERAL && lim->literal.kind == JS_LIT_NUMBER) {
        kind = 1;
        limit = number_index(C, lim->literal.value.number);
    } else if (lim->type == JS_IDENTIFIER && !same_name(lim->identifier.name, var)) {
        place q = resolve(C, lim->identifier.name);
        if (!q.b || q.b->reg < 0 || q.b->lexical)
            return;
        kind = 0;
        limit = (uint32_t)q.b->reg;
    } else {
        return;
    }
    uint32_t args[4] = {(uint32_t)p.b->reg, (uint32_t)cmp | (kind << 4), limit,
                        number_index(C, step)};
    emitv(C, OP_FAST_COUNT, 4, args);
}

static void gen_loop_body(compiler *C, tgt *t, const js_node *body)
{
    (void)t;
    gen_stmt(C, body);
}

static void patch_list(compiler *C, u32vec *v, uint32_t to)
{
    for (uint32_t i = 0; i < v->n; i++)
        patch_to(C, v->v[i], to);
}

static void gen_for(compiler *C, const js_node *n)
{
    scope *head = scope_for(C, n);
    if (head)
        enter_scope(C, head);
    const js_node *init = n->for_statement.init;
    if (init) {
        if (init->type == JS_VARIABLE_DECLARATION) {
            gen_var_decl(C, init);
        } else {
            gen_expr(C, init);
            emit0(C, OP_POP);
        }
    }
    bool per_iteration = head && head->env_slots;
    if (per_iteration)
        emit0(C, OP_COPY_SCOPE);
    try_fast_count(C, n);
    tgt *t = push_tgt(C, T_LOOP);
    take_labels(t);
    uint32_t top = here(C), exit = UINT32_MAX;
    if (n->for_statement.test) {
        note_line(C, n->for_statement.test);
        gen_expr(C, n->for_statement.test);
        exit = jump(C, OP_JUMP_FALSE);
    }
    gen_loop_body(C, t, n->for_statement.body);
    uint32_t cont = here(C);
    if (per_iteration)
        emit0(C, OP_COPY_SCOPE);
    if (n->for_statement.update) {
        gen_expr(C, n->for_statement.update);
        emit0(C, OP_POP);
    }
    emit1(C, OP_JUMP, top);
    if (exit != UINT32_MAX)
        patch(C, exit);
    patch_list(C, &t->breaks, here(C));
    patch_list(C, &t->continues, cont);
    pop_tgt(C, t);
    if (head)
        leave_scope(C, head);
}

static void gen_while(compiler *C, const js_node *n)
{
    tgt *t = push_tgt(C, T_LOOP);
    take_labels(t);
    uint32_t top = here(C);
    note_line(C, n->while_statement.test);
    gen_expr(C, n->while_statement.test);
    uint32_t exit = jump(C, OP_JUMP_FALSE);
    gen_loop_body(C, t, n->while_statement.body);
    emit1(C, OP_JUMP, top);
    patch(C, exit);
    patch_list(C, &t->breaks, here(C));
    patch_list(C, &t->continues, top);
    pop_tgt(C, t);
}

static void gen_do_while(compiler *C, const js_node *n)
{
    tgt *t = push_tgt(C, T_LOOP);
    take_labels(t);
    uint32_t top = here(C);
    gen_loop_body(C, t, n->do_while.body);
    uint32_t cont = here(C);
    note_line(C, n->do_while.test);
    gen_expr(C, n->do_while.test);
    emit1(C, OP_JUMP_TRUE, top);
    patch_list(C, &t->breaks, here(C));
    patch_list(C, &t->continues, cont);
    pop_tgt(C, t);
}

/* for-in/of: binds the value on top to the head's target */
static void bind_head(compiler *C, const js_node *left)
{
    if (left->type == JS_VARIABLE_DECLARATION) {
        const js_node *d = left->variable_declaration.declarations.items[0];
        int mode = left->variable_declaration.kind == JS_VAR ? BIND_VAR : BIND_INIT;
        const js_node *id = d->variable_declarator.id;
        if (id->type == JS_IDENTIFIER)
            store_binding(C, resolve(C, id->identifier.name), id->identifier.name, false, true,
                          id);
        else
            gen_pattern(C, id, mode);
    } else {
        bind_target(C, left, BIND_ASSIGN);
    }
}

static void gen_for_in_of(compiler *C, const js_node *n)
{
    bool of = n->type == JS_FOR_OF_STATEMENT;
    bool await_ = of && n->for_in.await;
    note_line(C, n->for_in.right);
    gen_expr(C, n->for_in.right);
    if (of)
        emit0(C, await_ ? OP_GET_ASYNC_ITERATOR : OP_GET_ITERATOR);
    else
        emit0(C, OP_FOR_IN);
    tgt *t = push_tgt(C, T_LOOP);
    take_labels(t);
    t->items = of ? 2 : 1;
    t->iterator = of;
    t->async_iterator = await_;
    region r = {UINT32_MAX, CF(C)->sp, CF(C)->scope_depth, {NULL, 0, 0}};
    if (of)
        t->reg = &r;
    uint32_t top = here(C), done;
    if (await_) {
        emit0(C, OP_ITER_CALL_NEXT);
        emit0(C, OP_AWAIT);
        done = emit1(C, OP_ITER_RESULT, 0) + 1;
    } else if (of) {
        done = emit1(C, OP_ITER_STEP, 0) + 1;
    } else {
        done = emit1(C, OP_FOR_IN_NEXT, 0) + 1;
    }
    if (of)
        region_open(C, &r);
    scope *head = scope_for(C, n);
    if (head)
        enter_scope(C, head);
    bind_head(C, n->for_in.left);
    gen_loop_body(C, t, n->for_in.body);
    if (head)
        leave_scope(C, head);
    if (of)
        region_close(C, &r);
    emit1(C, OP_JUMP, top);
    patch(C, done);
    set_sp(C, t->sp);
    for (uint32_t i = 0; i < t->items; i++)
        emit0(C, OP_POP);
    if (of) /* an exception in the body closes the iterator, then goes on */
        gen_close_on_throw(C, &r, await_);
    uint32_t brk = here(C);
    patch_list(C, &t->breaks, brk);
    patch_list(C, &t->continues, top);
    uint32_t after = t->sp - t->items;
    pop_tgt(C, t);
    set_sp(C, after);
}

static void gen_switch(compiler *C, const js_node *n)
{
    gen_expr(C, n->switch_statement.discriminant);
    uint32_t disc = new_reg(C);
    emit1(C, OP_PUT_REG, disc);
    scope *s = scope_for(C, n);
    enter_scope(C, s);
    for (size_t i = 0; i < n->switch_statement.cases.count; i++)
        hoist_functions(C, &n->switch_statement.cases.items[i]->switch_case.consequent);
    tgt *t = push_tgt(C, T_SWITCH);
    take_labels(t);
    size_t ncases = n->switch_statement.cases.count;
    uint32_t *jumps = calloc(ncases + 1, sizeof *jumps);
    if (!jumps)
        ls_out_of_memory(0);
    size_t default_case = SIZE_MAX;
    for (size_t i = 0; i < ncases; i++) {
        const js_node *k = n->switch_statement.cases.items[i];
        if (!k->switch_case.test) {
            default_case = i;
            continue;
        }
        emit1(C, OP_GET_REG, disc);
        gen_expr(C, k->switch_case.test);
        emit0(C, OP_STRICT_EQ);
        jumps[i] = jump(C, OP_JUMP_TRUE);
    }
    uint32_t otherwise = jump(C, OP_JUMP);
    for (size_t i = 0; i < ncases; i++) {
        const js_node *k = n->switch_statement.cases.items[i];
        if (i == default_case)
            patch(C, otherwise);
        else
            patch(C, jumps[i]);
        for (size_t j = 0; j < k->switch_case.consequent.count; j++)
            gen_stmt(C, k->switch_case.consequent.items[j]);
    }
    if (default_case == SIZE_MAX)
        patch(C, otherwise);
    patch_list(C, &t->breaks, here(C));
    free(jumps);
    pop_tgt(C, t);
    leave_scope(C, s);
}

static void gen_try(compiler *C, const js_node *n)
{
    const js_node *handler = n->try_statement.handler, *fin = n->try_statement.finalizer;
    cfunc *f = CF(C);
    uint32_t sp = f->sp, depth = f->scope_depth;
    region rfin = {UINT32_MAX, sp, depth, {NULL, 0, 0}};
    region rcatch = {UINT32_MAX, sp, depth, {NULL, 0, 0}};
    tgt *tfin = NULL, *tcatch = NULL;
    if (fin) {
        tfin = push_tgt(C, T_FINALLY);
        tfin->reg = &rfin;
        tfin->finalizer = fin;
        tfin->finally_depth = depth;
        tfin->finally_scope = f->cur;
        region_open(C, &rfin);
    }
    if (handler) {
        tcatch = push_tgt(C, T_FINALLY);
        tcatch->reg = &rcatch;
        region_open(C, &rcatch);
    }
    gen_stmt(C, n->try_statement.block);
    uint32_t after_catch = UINT32_MAX;
    if (handler) {
        region_close(C, &rcatch);
        pop_tgt(C, tcatch);
        after_catch = jump(C, OP_JUMP);
        /* the catch: entered with the exception on the stack */
        set_sp(C, sp + 1);
        region_handler_here(C, &rcatch);
        scope *s = scope_for(C, handler);
        enter_scope(C, s);
        const js_node *param = handler->catch_clause.param;
        if (param)
            gen_pattern(C, param, BIND_INIT);
        else
            emit0(C, OP_POP);
        gen_stmt(C, handler->catch_clause.body);
        leave_scope(C, s);
        patch(C, after_catch);
    }
    if (fin) {
        region_close(C, &rfin);
        pop_tgt(C, tfin);
        gen_stmt(C, fin);
        uint32_t end = jump(C, OP_JUMP);
        set_sp(C, sp + 1);
        region_handler_here(C, &rfin);
        uint32_t tmp = new_reg(C);
        emit1(C, OP_PUT_REG, tmp);
        gen_stmt(C, fin);
        emit1(C, OP_GET_REG, tmp);
        emit0(C, OP_THROW);
        patch(C, end);
        set_sp(C, sp);
    }
}

static void gen_return_with_cleanup(compiler *C);
static bool needs_cleanup(void);

/* A generator's yield.  gen.return(x) at a yield is a return completion there (ECMA-262
 * GeneratorResumeAbrupt; for an async generator AsyncGeneratorUnwrapYieldResumption awaits x
 * first): inside a try with a finally or a for-of, the yield's operand is the code that does
 * what `return x` would do there, which the VM jumps to with x pushed (vm_resume). */
static void gen_yield(compiler *C)
{
    bool async = CF(C)->fn->async;
    uint32_t at = emit1(C, async ? OP_ASYNC_GEN_YIELD : OP_YIELD, 0);
    if (!needs_cleanup())
        return;
    uint32_t sp = CF(C)->sp;
    uint32_t cont = jump(C, OP_JUMP);
    CF(C)->code.v[at + 1] = here(C);
    if (async)
        emit0(C, OP_AWAIT);
    gen_return_with_cleanup(C);
    patch(C, cont);
    set_sp(C, sp);
}

static void gen_return(compiler *C, const js_node *n)
{
    const js_node *arg = n->return_statement.argument;
    bool cleanup = needs_cleanup();
    if (arg)
        gen_expr(C, arg);
    else
        emit0(C, OP_UNDEF);
    note_line(C, n);
    if (!cleanup) {
        emit0(C, OP_RETURN);
        return;
    }
    gen_return_with_cleanup(C);
}

static bool needs_cleanup(void)
{
    for (tgt *t = tgts; t; t = t->outer)
        if (t->reg || t->items)
            return true;
    return false;
}

/* Returns the value on top after leaving every target (finally blocks run, iterators close).
 * The compile state is restored afterwards. */
static void gen_return_with_cleanup(compiler *C)
{
    uint32_t tmp = new_reg(C);
    emit1(C, OP_PUT_REG, tmp);
    cfunc *f = CF(C);
    uint32_t sp = f->sp, depth = f->scope_depth;
    scope *cur = f->cur;
    region *closed[256];
    uint32_t nclosed = 0;
    for (tgt *t = tgts; t; t = t->outer)
        if (nclosed < 250)
            leave_tgt(C, t, closed, &nclosed);
    emit1(C, OP_GET_REG, tmp);
    emit0(C, OP_RETURN);
    for (uint32_t i = 0; i < nclosed; i++)
        region_open(C, closed[i]);
    f->sp = sp;
    f->scope_depth = depth;
    f->cur = cur;
}

static void gen_import(compiler *C, const js_node *n)
{
    check_module(C, n->import_declaration.source);
    emit1(C, OP_GET_GLOBAL, name_of(C, "%import"));
    emit0(C, OP_UNDEF);
    const js_text *src = &n->import_declaration.source->literal.value.string;
    emit_string(C, src->chars, src->len);
    note_line(C, n);
    emit2(C, OP_CALL, 1, name_of(C, "import"));
    for (size_t i = 0; i < n->import_declaration.specifiers.count; i++) {
        const js_node *sp = n->import_declaration.specifiers.items[i];
        const char *local = sp->import_specifier.local->identifier.name;
        emit0(C, OP_DUP);
        if (sp->type == JS_IMPORT_SPECIFIER) {
            const js_node *im = sp->import_specifier.imported;
            if (im->type == JS_IDENTIFIER)
                emit1(C, OP_GET_PROP, name_of(C, im->identifier.name));
            else
                emit1(C, OP_GET_PROP, name_index(C, im->literal.value.string.chars,
                                                 im->literal.value.string.len));
        } else if (sp->type == JS_IMPORT_DEFAULT_SPECIFIER) {
            emit1(C, OP_GET_PROP, name_of(C, "default"));
        }
        store_binding(C, resolve(C, local), local, false, true, sp);
    }
    emit0(C, OP_POP);
}

static void gen_stmt(compiler *C, const js_node *n)
{
    note_line(C, n);
    switch (n->type) {
    case JS_EXPRESSION_STATEMENT:
        gen_expr(C, n->expression_statement.expression);
        emit0(C, OP_POP);
        break;
    case JS_BLOCK_STATEMENT:
    case JS_STATIC_BLOCK:
        gen_block(C, n, &n->block.body);
        break;
    case JS_EMPTY_STATEMENT:
        break;
    case JS_DEBUGGER_STATEMENT:
        emit0(C, OP_DEBUGGER);
        break;
    case JS_VARIABLE_DECLARATION:
        gen_var_decl(C, n);
        break;
    case JS_FUNCTION_DECLARATION: {
        /* hoisted where its scope starts; Annex B: a block's function is also the var's */
        scope *cur = CF(C)->cur;
        if (!cur->function_scope && !CF(C)->fn->strict && n->function.id) {
            const char *name = n->function.id->identifier.name;
            scope *fs = function_scope_of(cur);
            binding *vb = find_here(fs, name);
            if (vb && vb->kind == B_VAR) {
                load_binding(C, resolve(C, name), n, name);
                place p = {vb, 0};
                if (vb->slot >= 0) {
                    uint32_t d = CF(C)->scope_depth;
                    p.depth = d - fs->env_level;
                }
                store_binding(C, p, name, false, true, n);
            }
        }
        break;
    }
    case JS_CLASS_DECLARATION: {
        const char *name = n->class.id->identifier.name;
        gen_class(C, n, name);
        store_binding(C, resolve(C, name), name, false, true, n);
        break;
    }
    case JS_RETURN_STATEMENT:
        gen_return(C, n);
        break;
    case JS_IF_STATEMENT: {
        gen_expr(C, n->if_statement.test);
        uint32_t no = jump(C, OP_JUMP_FALSE);
        gen_stmt(C, n->if_statement.consequent);
        if (n->if_statement.alternate) {
            uint32_t end = jump(C, OP_JUMP);
            patch(C, no);
            gen_stmt(C, n->if_statement.alternate);
            patch(C, end);
        } else {
            patch(C, no);
        }
        break;
    }
    case JS_FOR_STATEMENT:
        gen_for(C, n);
        break;
    case JS_FOR_IN_STATEMENT:
    case JS_FOR_OF_STATEMENT:
        gen_for_in_of(C, n);
        break;
    case JS_WHILE_STATEMENT:
        gen_while(C, n);
        break;
    case JS_DO_WHILE_STATEMENT:
        gen_do_while(C, n);
        break;
    case JS_BREAK_STATEMENT:
    case JS_CONTINUE_STATEMENT: {
        bool brk = n->type == JS_BREAK_STATEMENT;
        tgt *t = find_tgt(C, n, brk);
        uint32_t at;
        gen_exit(C, t, brk, &at);
        vec_push(brk ? &t->breaks : &t->continues, at);
        break;
    }
    case JS_LABELED_STATEMENT: {
        const js_node *body = n->labeled.body;
        pending_labels = realloc(pending_labels, (npending_labels + 1) * sizeof *pending_labels);
        if (!pending_labels)
            ls_out_of_memory(0);
        pending_labels[npending_labels++] = n->labeled.label->identifier.name;
        bool loop = body->type == JS_FOR_STATEMENT || body->type == JS_WHILE_STATEMENT ||
                    body->type == JS_DO_WHILE_STATEMENT || body->type == JS_FOR_IN_STATEMENT ||
                    body->type == JS_FOR_OF_STATEMENT || body->type == JS_LABELED_STATEMENT ||
                    body->type == JS_SWITCH_STATEMENT;
        if (loop) {
            gen_stmt(C, body);
        } else {
            tgt *t = push_tgt(C, T_LABEL);
            take_labels(t);
            gen_stmt(C, body);
            patch_list(C, &t->breaks, here(C));
            pop_tgt(C, t);
        }
        break;
    }
    case JS_SWITCH_STATEMENT:
        gen_switch(C, n);
        break;
    case JS_THROW_STATEMENT:
        gen_expr(C, n->throw_statement.argument);
        note_line(C, n);
        emit0(C, OP_THROW);
        break;
    case JS_TRY_STATEMENT:
        gen_try(C, n);
        break;
    case JS_IMPORT_DECLARATION:
        break; /* done at the start of the module */
    case JS_EXPORT_NAMED_DECLARATION:
        check_module(C, n->export_named.source);
        if (n->export_named.declaration)
            gen_stmt(C, n->export_named.declaration);
        break;
    case JS_EXPORT_DEFAULT_DECLARATION: {
        const js_node *d = n->export_default.declaration;
        if (d->type == JS_FUNCTION_DECLARATION) {
            if (!d->function.id) {
                emit1(C, OP_CLOSURE, gen_function(C, d, "default"));
                emit0(C, OP_POP);
            }
        } else if (d->type == JS_CLASS_DECLARATION) {
            if (d->class.id) {
                gen_stmt(C, d);
            } else {
                gen_class(C, d, "default");
                emit0(C, OP_POP);
            }
        } else {
            gen_expr_named(C, d, "default");
            emit0(C, OP_POP);
        }
        break;
    }
    case JS_EXPORT_ALL_DECLARATION:
        check_module(C, n->export_all.source);
        break;
    case JS_WITH_STATEMENT:
        REFUSE(C, n, "the with statement");
    default:
        fail_at(C, n, "SyntaxError: Unexpected %s", js_node_type_name(n->type));
    }
}

/* ---- functions ----------------------------------------------------------------------------------- */

static const char *label_for(compiler *C, const js_node *n, const char *name)
{
    if (name && *name)
        return name;
    if (C->opt->label_for) {
        const char *l = C->opt->label_for(C->opt->label_ctx, n->start);
        if (l)
            return l;
    }
    char buf[64];
    snprintf(buf, sizeof buf, "anonymous@%u:%u", n->line, n->col);
    char *s = arena_alloc(C->arena, strlen(buf) + 1);
    strcpy(s, buf);
    return s;
}

/* Finishes the function being generated: its proto, owned by the program's arena. */
static js_proto *finish(compiler *C, const js_node *n, const char *name, uint32_t flags,
                        uint32_t nparams)
{
    emit_closers(C);
    cfunc *f = CF(C);
    js_proto *p = arena_alloc(C->arena, sizeof *p);
    p->ncode = f->code.n;
    p->code = arena_alloc(C->arena, (f->code.n + 1) * sizeof *p->code);
    memcpy(p->code, f->code.v, f->code.n * sizeof *p->code);
    p->nnumbers = f->nnumbers;
    p->numbers = arena_alloc(C->arena, (f->nnumbers + 1) * sizeof *p->numbers);
    if (f->nnumbers)
        memcpy(p->numbers, f->numbers, f->nnumbers * sizeof *p->numbers);
    p->nnames = f->nnames;
    p->names = arena_alloc(C->arena, (f->nnames + 1) * sizeof *p->names);
    p->name_lens = arena_alloc(C->arena, (f->nnames + 1) * sizeof *p->name_lens);
    if (f->nnames) {
        memcpy(p->names, f->names, f->nnames * sizeof *p->names);
        memcpy(p->name_lens, f->name_lens, f->nnames * sizeof *p->name_lens);
    }
    p->name_base = C->natoms;
    C->natoms += f->nnames + 1; /* and the function's own name, set below (closure_new) */
    p->nprotos = f->nprotos;
    p->protos = arena_alloc(C->arena, (f->nprotos + 1) * sizeof *p->protos);
    for (uint32_t i = 0; i < f->nprotos; i++)
        p->protos[i] = f->protos[i];
    p->nhandlers = f->nhandlers;
    p->handlers = arena_alloc(C->arena, (f->nhandlers + 1) * sizeof *p->handlers);
    if (f->nhandlers)
        memcpy(p->handlers, f->handlers, f->nhandlers * sizeof *p->handlers);
    p->nlines = f->nlines;
    p->lines = arena_alloc(C->arena, (f->nlines + 1) * sizeof *p->lines);
    if (f->nlines)
        memcpy(p->lines, f->lines, f->nlines * sizeof *p->lines);
    p->nregs = f->nregs;
    p->maxstack = f->maxstack + 2;
    p->nparams = nparams;
    p->flags = flags;
    /* a copy: a number key's name (key_name) is in its caller's buffer */
    name = name ? arena_strdup(C->arena, name) : NULL;
    p->name = name ? name : "";
    p->names[p->nnames] = p->name;
    p->name_lens[p->nnames] = (uint32_t)strlen(p->name);
    p->label = label_for(C, n, name);
    p->line = n ? n->line : 1;
    p->col = n ? n->col : 1;
    p->start = n ? n->start : 0;
    p->end = n ? n->end : 0;
    p->program = C->program;
    cfunc_free_vectors(f);
    return p;
}

static uint32_t add_proto(compiler *C, js_proto *p)
{
    cfunc *f = CF(C);
    f->protos = grow(f->protos, &f->protos_cap, f->nprotos + 1, sizeof *f->protos);
    f->protos[f->nprotos] = p;
    return f->nprotos++;
}

/* what a function being generated holds outside the arena (finish copies it in) */
static void cfunc_free_vectors(cfunc *f)
{
    free(f->code.v);
    free(f->numbers);
    free(f->names);
    free(f->name_lens);
    free(f->protos);
    free(f->handlers);
    free(f->lines);
    free(f->closers); /* their entries are the arena's */
    memset(&f->code, 0, sizeof f->code);
    f->numbers = NULL;
    f->names = NULL;
    f->name_lens = NULL;
    f->protos = NULL;
    f->handlers = NULL;
    f->lines = NULL;
    f->closers = NULL;
    f->nclosers = 0;
}

/* The functions being generated are on the heap, so that a compile error (a longjmp out of any
 * depth) can free what they hold: js_compile walks C->cf. */
static cfunc *begin_cfunc(compiler *C, func *fn)
{
    cfunc *cf = calloc(1, sizeof *cf);
    if (!cf)
        ls_out_of_memory(0);
    cf->parent = C->cf;
    cf->fn = fn;
    cf->created_at_depth = C->cf ? C->cf->scope_depth : 0;
    C->cf = cf;
    return cf;
}

static void end_cfunc(compiler *C, cfunc *cf)
{
    C->cf = cf->parent;
    cfunc_free_vectors(cf);
    free(cf);
}

/* the prologue: the function's special bindings, vars, parameters, hoisted functions */
static void gen_prologue(compiler *C, func *fn, const js_node *n)
{
    scope *top = fn->top;
    enter_scope(C, top);
    if (fn->this_binding && !fn->derived) {
        emit0(C, OP_THIS);
        store_binding(C, resolve(C, "%this"), "%this", false, true, n);
    }
    if (fn->new_target_binding) {
        emit0(C, OP_NEW_TARGET);
        store_binding(C, resolve(C, "%new.target"), "%new.target", false, true, n);
    }
    if (fn->arguments_binding) {
        emit0(C, OP_ARGUMENTS);
        store_binding(C, resolve(C, "arguments"), "arguments", false, true, n);
    }
    for (uint32_t i = 0; i < top->n; i++) {
        binding *b = top->b[i];
        if (b->kind == B_SELF) {
            emit0(C, OP_SELF);
            store_binding(C, resolve(C, b->name), b->name, false, true, n);
        } else if (b->kind == B_VAR || (b->kind == B_FUNCTION && !b->lexical)) {
            emit0(C, OP_UNDEF);
            store_binding(C, resolve(C, b->name), b->name, false, true, n);
        }
    }
}

static void gen_params(compiler *C, const js_function_info *fn)
{
    for (size_t i = 0; i < fn->params.count; i++) {
        const js_node *p = fn->params.items[i];
        if (p->type == JS_REST_ELEMENT) {
            emit1(C, OP_REST, (uint32_t)i);
            gen_pattern(C, p->rest.argument, BIND_INIT);
            continue;
        }
        emit1(C, OP_GET_ARG, (uint32_t)i);
        gen_pattern(C, p, BIND_INIT);
    }
}

static uint32_t count_simple_params(const js_function_info *fn)
{
    uint32_t n = 0;
    for (size_t i = 0; i < fn->params.count; i++) {
        const js_node *p = fn->params.items[i];
        if (p->type == JS_ASSIGNMENT_PATTERN || p->type == JS_REST_ELEMENT)
            break;
        n++;
    }
    return n;
}

static void gen_field_inits(compiler *C, const js_node *cls, bool statics);

static uint32_t gen_function(compiler *C, const js_node *n, const char *name)
{
    func *fn = map_get(&C->funcs, n);
    if (!fn)
        fail_at(C, n, "internal error: a function the analysis did not see");
    if (!name)
        name = fn->name;
    uint32_t text_start = C->text_start, text_end = C->text_end;
    C->text_start = C->text_end = 0;
    const js_function_info *f = &n->function;
    cfunc *cf = begin_cfunc(C, fn);
    tgt *saved_tgts = tgts;
    tgts = NULL;
    note_line(C, n);
    gen_prologue(C, fn, n);
    gen_params(C, f);
    if (fn->class_ctor && !fn->derived)
        emit0(C, OP_INIT_FIELDS);
    if (!f->expression)
        hoist_functions(C, &f->body->block.body);
    if (fn->generator)
        emit0(C, OP_INITIAL_YIELD);
    if (f->expression) {
        gen_expr(C, f->body);
        emit0(C, OP_RETURN);
    } else {
        for (size_t i = 0; i < f->body->block.body.count; i++)
            gen_stmt(C, f->body->block.body.items[i]);
        emit0(C, OP_RETURN_UNDEF);
    }
    uint32_t flags = (fn->async ? PROTO_ASYNC : 0) | (fn->generator ? PROTO_GENERATOR : 0) |
                     (fn->arrow ? PROTO_ARROW : 0) | (fn->strict ? PROTO_STRICT : 0) |
                     (fn->method ? PROTO_METHOD : 0) | (fn->class_ctor ? PROTO_CLASS_CTOR : 0) |
                     (fn->derived ? PROTO_DERIVED : 0) |
                     (fn->uses_arguments ? PROTO_USES_ARGUMENTS : 0);
    js_proto *p = finish(C, n, name, flags, count_simple_params(f));
    if (text_end) {
        p->start = text_start;
        p->end = text_end;
    }
    tgts = saved_tgts;
    end_cfunc(C, cf);
    return add_proto(C, p);
}

/* The offset past `static` and the white space and comments after it, if the text at `at`
 * starts with that word. */
static uint32_t skip_static(compiler *C, uint32_t at, uint32_t end)
{
    const char *s = C->opt->source;
    if (!s || end > C->opt->source_len || end - at < 6 || memcmp(s + at, "static", 6) != 0)
        return at;
    uint32_t i = at + 6;
    while (i < end) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\v' ||
            s[i] == '\f') {
            i++;
        } else if (s[i] == '/' && i + 1 < end && s[i + 1] == '/') {
            while (i < end && s[i] != '\n')
                i++;
        } else if (s[i] == '/' && i + 1 < end && s[i + 1] == '*') {
            i += 2;
            while (i + 1 < end && !(s[i] == '*' && s[i + 1] == '/'))
                i++;
            i += 2;
        } else {
            break;
        }
    }
    return i < end ? i : at;
}

/* A method, getter or setter of an object literal (a JS_PROPERTY) or a class (a
 * JS_METHOD_DEFINITION): its toString is the MethodDefinition's source text, from its name or
 * first modifier (get, set, async, *) - `static` is the ClassElement's, not the method's
 * (ECMA-262 15.4 MethodDefinition, 20.2.3.5 Function.prototype.toString) - and a class
 * constructor's is the whole class. */
static uint32_t gen_method(compiler *C, const js_node *def, const js_node *fn, const char *name,
                           const js_node *cls)
{
    if (cls) {
        C->text_start = cls->start;
        C->text_end = cls->end;
    } else {
        bool is_static = def->type == JS_METHOD_DEFINITION && def->method.static_;
        C->text_start = is_static ? skip_static(C, def->start, def->end) : def->start;
        C->text_end = def->end;
    }
    return gen_function(C, fn, name);
}

/* A class's field initializer (instance fields and private methods: run on each new instance)
 * or static initializer (static fields and blocks: run once, with this = the class), as a
 * method of its own.  Returns the proto index, or UINT32_MAX if there is nothing to run. */
static uint32_t gen_initializer(compiler *C, const js_node *cls, bool statics)
{
    const js_list *body = &cls->class.body->class_body.body;
    bool any = false;
    for (size_t i = 0; i < body->count; i++) {
        const js_node *m = body->items[i];
        if (m->type == JS_PROPERTY_DEFINITION && m->property_definition.static_ == statics)
            any = true;
        if (m->type == JS_STATIC_BLOCK && statics)
            any = true;
        if (m->type == JS_METHOD_DEFINITION && m->method.key->type == JS_PRIVATE_IDENTIFIER &&
            m->method.static_ == statics)
            any = true;
    }
    if (!any)
        return UINT32_MAX;
    const js_node *key = statics ? (const js_node *)&cls->class.body->class_body
                                 : (const js_node *)cls->class.body;
    func *fn = map_get(&C->funcs, key);
    cfunc *cf = begin_cfunc(C, fn);
    tgt *saved_tgts = tgts;
    tgts = NULL;
    gen_prologue(C, fn, cls);
    gen_field_inits(C, cls, statics);
    emit0(C, OP_RETURN_UNDEF);
    js_proto *p = finish(C, cls, statics ? "<static_initializer>" : "<instance_members_initializer>",
                         PROTO_STRICT | PROTO_METHOD, 0);
    tgts = saved_tgts;
    end_cfunc(C, cf);
    return add_proto(C, p);
}

static void gen_field_inits(compiler *C, const js_node *cls, bool statics)
{
    const js_list *body = &cls->class.body->class_body.body;
    /* private methods first (they exist before any field initializer runs) */
    for (size_t i = 0; i < body->count; i++) {
        const js_node *m = body->items[i];
        if (m->type != JS_METHOD_DEFINITION || m->method.key->type != JS_PRIVATE_IDENTIFIER ||
            m->method.static_ != statics)
            continue;
        if (m->method.kind != JS_METHOD_METHOD)
            REFUSE(C, m, "private getters and setters");
        emit0(C, OP_THIS);
        const char *pn = m->method.key->identifier.name;
        load_binding(C, resolve(C, pn), m, pn);
        emit1(C, OP_CLOSURE, gen_method(C, m, m->method.value, pn, NULL));
        emit0(C, OP_DEFINE_PRIVATE);
        emit0(C, OP_POP);
    }
    for (size_t i = 0; i < body->count; i++) {
        const js_node *m = body->items[i];
        if (m->type == JS_STATIC_BLOCK) {
            if (statics)
                gen_stmt(C, m);
            continue;
        }
        if (m->type != JS_PROPERTY_DEFINITION || m->property_definition.static_ != statics)
            continue;
        const js_node *key = m->property_definition.key;
        const js_node *v = m->property_definition.value;
        char buf[64];
        const char *kname = m->property_definition.computed ? NULL : key_name(C, key, buf, sizeof buf);
        emit0(C, OP_THIS);
        note_line(C, m);
        if (key->type == JS_PRIVATE_IDENTIFIER) {
            load_binding(C, resolve(C, key->identifier.name), m, key->identifier.name);
            if (v)
                gen_expr_named(C, v, kname);
            else
                emit0(C, OP_UNDEF);
            emit0(C, OP_DEFINE_PRIVATE);
        } else {
            gen_key(C, key, m->property_definition.computed);
            if (v)
                gen_expr_named(C, v, kname);
            else
                emit0(C, OP_UNDEF);
            emit0(C, OP_INIT_ELEM);
        }
        emit0(C, OP_POP);
    }
}

/* A class without a constructor gets the default one: `constructor() {}`, or for a derived
 * class `constructor(...args) { super(...args); }` (ECMA-262 15.7.14 ClassDefinitionEvaluation) */
static uint32_t gen_default_ctor(compiler *C, const js_node *cls, bool derived, const char *name)
{
    func *fn = arena_alloc(C->arena, sizeof *fn);
    fn->parent = CF(C)->fn;
    fn->method = fn->class_ctor = fn->strict = true;
    fn->derived = derived;
    fn->name = name;
    fn->top = scope_new(C, CF(C)->cur, fn, NULL, true);
    cfunc *cf = begin_cfunc(C, fn);
    enter_scope(C, fn->top);
    if (derived) {
        emit1(C, OP_REST, 0);
        emit0(C, OP_SUPER_CALL_SPREAD);
        emit0(C, OP_POP);
    } else {
        emit0(C, OP_INIT_FIELDS);
    }
    emit0(C, OP_RETURN_UNDEF);
    js_proto *p = finish(C, cls, name, PROTO_STRICT | PROTO_METHOD | PROTO_CLASS_CTOR |
                                           (derived ? PROTO_DERIVED : 0), 0);
    end_cfunc(C, cf);
    return add_proto(C, p);
}

static void gen_class(compiler *C, const js_node *n, const char *name)
{
    scope *s = scope_for(C, n);
    const char *cname = n->class.id ? n->class.id->identifier.name : (name ? name : "");
    enter_scope(C, s);
    for (uint32_t i = 0; i < s->n; i++) {
        binding *b = s->b[i];
        if (b->kind == B_PRIVATE) {
            emit1(C, OP_NEW_PRIVATE_NAME, name_of(C, b->name));
            store_binding(C, resolve(C, b->name), b->name, false, true, n);
        }
    }
    if (n->class.super_class) {
        gen_expr(C, n->class.super_class);
    } else {
        emit0(C, OP_HOLE);
    }
    const js_list *body = &n->class.body->class_body.body;
    const js_node *ctor = NULL;
    for (size_t i = 0; i < body->count; i++) {
        const js_node *m = body->items[i];
        if (m->type == JS_METHOD_DEFINITION && m->method.kind == JS_METHOD_CONSTRUCTOR)
            ctor = m;
    }
    uint32_t k = ctor ? gen_method(C, ctor, ctor->method.value, cname, n)
                      : gen_default_ctor(C, n, n->class.super_class != NULL, cname);
    note_line(C, n);
    emit2(C, OP_CLASS, k, name_of(C, cname)); /* -> [F P] */
    for (size_t i = 0; i < body->count; i++) {
        const js_node *m = body->items[i];
        if (m->type != JS_METHOD_DEFINITION || m->method.kind == JS_METHOD_CONSTRUCTOR ||
            m->method.key->type == JS_PRIVATE_IDENTIFIER)
            continue;
        emit0(C, m->method.static_ ? OP_OVER : OP_DUP);
        char buf[64];
        const char *kname = m->method.computed ? NULL : key_name(C, m->method.key, buf, sizeof buf);
        gen_key(C, m->method.key, m->method.computed);
        const char *fname = m->method.kind == JS_METHOD_GET || m->method.kind == JS_METHOD_SET
                                ? accessor_name(C, kname, m->method.kind == JS_METHOD_GET)
                                : kname ? kname : "";
        emit1(C, OP_CLOSURE, gen_method(C, m, m->method.value, fname, NULL));
        if (m->method.computed)
            emit1(C, OP_SET_FN_NAME, m->method.kind == JS_METHOD_GET ? 1
                                     : m->method.kind == JS_METHOD_SET ? 2 : 0);
        emit0(C, m->method.kind == JS_METHOD_GET ? OP_INIT_CLASS_GETTER
                 : m->method.kind == JS_METHOD_SET ? OP_INIT_CLASS_SETTER : OP_INIT_METHOD);
        emit0(C, OP_POP);
    }
    uint32_t fields = gen_initializer(C, n, false);
    if (fields != UINT32_MAX) {
        emit0(C, OP_OVER);
        emit1(C, OP_CLOSURE, fields);
        emit0(C, OP_SET_FIELDS);
        emit0(C, OP_POP);
    }
    emit0(C, OP_POP); /* P */
    if (n->class.id) { /* the inner binding of the name */
        emit0(C, OP_DUP);
        store_binding(C, resolve(C, n->class.id->identifier.name), n->class.id->identifier.name,
                      false, true, n);
    }
    uint32_t statics = gen_initializer(C, n, true);
    if (statics != UINT32_MAX) {
        emit0(C, OP_DUP);
        emit1(C, OP_CLOSURE, statics);
        emit0(C, OP_SWAP);
        emit2(C, OP_CALL, 0, name_of(C, "static initializer"));
        emit0(C, OP_POP);
    }
    leave_scope(C, s);
}

/* ---- the program ------------------------------------------------------------------------------- */

static const char *const cjs_params[] = {"exports", "require", "module", "__filename",
                                         "__dirname"};

static void analyze_program(compiler *C, const js_node *prog, bool module)
{
    func *f = func_new(C, prog);
    f->program = true;
    f->strict = prog->program.strict;
    f->async = module;
    f->name = "";
    C->fn1 = f;
    f->top = scope_new(C, NULL, f, prog, true);
    C->sc1 = f->top;
    if (!module)
        for (size_t i = 0; i < 5; i++)
            declare(C, f->top, cjs_params[i], B_PARAM, 0);
    hoist_vars(C, prog, f->top);
    for (size_t i = 0; i < prog->program.body.count; i++)
        hoist_vars(C, prog->program.body.items[i], f->top);
    hoist_lexical(C, &prog->program.body, f->top);
    an_list(C, &prog->program.body);
}

static void gen_program(compiler *C, const js_node *prog, bool module)
{
    func *f = map_get(&C->funcs, prog);
    cfunc *cf = begin_cfunc(C, f);
    tgts = NULL;
    gen_prologue(C, f, prog);
    if (!module)
        for (size_t i = 0; i < 5; i++) {
            emit1(C, OP_GET_ARG, (uint32_t)i);
            const char *name = f->top->b[i]->name;
            store_binding(C, resolve(C, name), name, false, true, prog);
        }
    for (size_t i = 0; i < prog->program.body.count; i++)
        if (prog->program.body.items[i]->type == JS_IMPORT_DECLARATION)
            gen_import(C, prog->program.body.items[i]);
    hoist_functions(C, &prog->program.body);
    for (size_t i = 0; i < prog->program.body.count; i++)
        gen_stmt(C, prog->program.body.items[i]);
    emit0(C, OP_RETURN_UNDEF);
    uint32_t flags = PROTO_SCRIPT | (module ? PROTO_MODULE | PROTO_ASYNC | PROTO_STRICT : 0) |
                     (f->strict ? PROTO_STRICT : 0);
    C->program->main = finish(C, prog, module ? "" : "", flags, module ? 0 : 5);
    C->program->main->label = "main script";
    end_cfunc(C, cf);
}

static uint32_t next_program_id;

js_program *js_compile(const js_node *prog, const js_compile_options *opt, char **error)
{
    compiler C;
    memset(&C, 0, sizeof C);
    C.opt = opt;
    C.arena = arena_new();
    js_program *p = arena_alloc(C.arena, sizeof *p);
    p->arena = (struct ls_arena *)C.arena;
    p->file = arena_strdup(C.arena, opt->file);
    p->module = opt->module;
    p->id = ++next_program_id;
    if (opt->source) {
        p->source = arena_alloc(C.arena, opt->source_len + 1);
        memcpy(p->source, opt->source, opt->source_len);
        p->source_len = opt->source_len;
    }
    C.program = p;
    if (setjmp(C.fail)) {
        while (C.cf)
            end_cfunc(&C, C.cf);
        map_free(&C.scopes);
        map_free(&C.funcs);
        while (live_tgts)
            pop_tgt(&C, live_tgts);
        tgts = NULL;
        free(pending_labels);
        pending_labels = NULL;
        npending_labels = 0;
        cur_chain = NULL;
        arena_free(C.arena);
        *error = C.error;
        return NULL;
    }
    analyze_program(&C, prog, opt->module);
    gen_program(&C, prog, opt->module);
    p->natoms = C.natoms;
    map_free(&C.scopes);
    map_free(&C.funcs);
    free(pending_labels);
    pending_labels = NULL;
    npending_labels = 0;
    *error = NULL;
    return p;
}

void js_program_free(js_program *p)
{
    if (p)
        arena_free((ls_arena *)p->arena);
}
