/* ast.c - names of the node types and operators, number formatting, and the S-expression
 * dumper of ast.h.
 *
 * The dumper is driven by one table per node type that lists its fields in ESTree's order:
 * first the scalar ones, printed as words right after the type name, then the children.  It
 * walks the tree with its own stack instead of recursing, because a chain of left-associative
 * operators makes a tree as deep as the chain is long (see ast.h).
 */
#include "ast.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static const char *const type_names[] = {
#define JS_X_NAME(id, name) #name,
    JS_NODE_TYPES(JS_X_NAME)
#undef JS_X_NAME
};

static const char *const op_texts[] = {
#define JS_X_TEXT(id, text) text,
    JS_OPERATORS(JS_X_TEXT)
#undef JS_X_TEXT
};

const char *js_node_type_name(js_node_type type)
{
    return (unsigned)type < JS_NODE_TYPE_COUNT ? type_names[type] : "?";
}

const char *js_op_text(js_op op)
{
    return (unsigned)op < JS_OP_COUNT ? op_texts[op] : "?";
}

js_op js_op_assign_base(js_op op)
{
    switch (op) {
    case JS_OP_ADD_ASSIGN: return JS_OP_ADD;
    case JS_OP_SUB_ASSIGN: return JS_OP_SUB;
    case JS_OP_MUL_ASSIGN: return JS_OP_MUL;
    case JS_OP_DIV_ASSIGN: return JS_OP_DIV;
    case JS_OP_MOD_ASSIGN: return JS_OP_MOD;
    case JS_OP_EXP_ASSIGN: return JS_OP_EXP;
    case JS_OP_SHL_ASSIGN: return JS_OP_SHL;
    case JS_OP_SHR_ASSIGN: return JS_OP_SHR;
    case JS_OP_USHR_ASSIGN: return JS_OP_USHR;
    case JS_OP_BIT_OR_ASSIGN: return JS_OP_BIT_OR;
    case JS_OP_BIT_XOR_ASSIGN: return JS_OP_BIT_XOR;
    case JS_OP_BIT_AND_ASSIGN: return JS_OP_BIT_AND;
    case JS_OP_OR_ASSIGN: return JS_OP_OR;
    case JS_OP_AND_ASSIGN: return JS_OP_AND;
    case JS_OP_NULLISH_ASSIGN: return JS_OP_NULLISH;
    default: return JS_OP_ASSIGN;
    }
}

const char *js_var_kind_name(js_var_kind kind)
{
    return kind == JS_LET ? "let" : kind == JS_CONST ? "const" : "var";
}

/* Adds delta (+1 or -1) to the last of the k digits, carrying; returns the change of the
 * decimal exponent (999 + 1 is 100 with one more, 100 - 1 is 999 with one less). */
static int bump_digits(char *d, int k, int delta)
{
    int i = k - 1;
    if (delta > 0) {
        while (i >= 0 && d[i] == '9')
            d[i--] = '0';
        if (i >= 0) {
            d[i]++;
            return 0;
        }
        d[0] = '1'; /* 99..9 became 00..0: 10..0, one digit more, the last one dropped */
        return 1;
    }
    while (i >= 0 && d[i] == '0')
        d[i--] = '9';
    d[i]--;
    if (d[0] != '0')
        return 0;
    memmove(d, d + 1, (size_t)k - 1); /* 10..0 became 09..9: 99..9 */
    d[k - 1] = '9';
    return -1;
}

static double digits_value(const char *d, int k, int exp10)
{
    char text[48];
    snprintf(text, sizeof text, "%c.%.*se%d", d[0], k - 1, d + 1, exp10);
    return strtod(text, NULL);
}

/* The shortest digits (at most 17) that read back as x > 0, and the exponent of the first:
 * for each length, the correctly rounded digits, or their neighbour on x's side, which can
 * read back as x when the rounded ones do not. */
static int shortest_digits(double x, char *d, int *exp10)
{
    for (int k = 1;; k++) {
        char sci[48];
        snprintf(sci, sizeof sci, "%.*e", k - 1, x);
        int n = 0;
        const char *s = sci;
        for (; *s != 'e'; s++)
            if (*s != '.')
                d[n++] = *s;
        *exp10 = atoi(s + 1);
        double v = digits_value(d, k, *exp10);
        if (v == x || k == 17)
            return k;
        *exp10 += bump_digits(d, k, v < x ? 1 : -1);
        if (digits_value(d, k, *exp10) == x)
            return k;
    }
}

/* Writes x as JavaScript's String(x) does ("0.1", "1e+21", "NaN") into buf, which holds
 * NUMBER_BUF bytes (Number::toString, ECMA-262 6.1.6.1.20): the shortest digits that read back
 * as x, then positional notation for exponents -7 < n <= 21, scientific otherwise.  For the
 * dump only: the VM has its own conversions. */
enum { NUMBER_BUF = 32 };
static char *number_text(double x, char *buf)
{
    if (isnan(x))
        return strcpy(buf, "NaN");
    if (x == 0)
        return strcpy(buf, "0");
    if (isinf(x))
        return strcpy(buf, x < 0 ? "-Infinity" : "Infinity");
    char *p = buf;
    if (x < 0) {
        *p++ = '-';
        x = -x;
    }
    char digits[20];
    int e;
    int k = shortest_digits(x, digits, &e);
    while (k > 1 && digits[k - 1] == '0')
        k--;
    int n = e + 1; /* the decimal point comes after n digits */
    if (k <= n && n <= 21) {
        memcpy(p, digits, (size_t)k);
        memset(p + k, '0', (size_t)(n - k));
        p[n] = '\0';
    } else if (0 < n && n <= 21) {
        memcpy(p, digits, (size_t)n);
        p[n] = '.';
        memcpy(p + n + 1, digits + n, (size_t)(k - n));
        p[k + 1] = '\0';
    } else if (-6 < n && n <= 0) {
        p[0] = '0';
        p[1] = '.';
        memset(p + 2, '0', (size_t)-n);
        memcpy(p + 2 - n, digits, (size_t)k);
        p[2 - n + k] = '\0';
    } else {
        *p++ = digits[0];
        if (k > 1) {
            *p++ = '.';
            memcpy(p, digits + 1, (size_t)(k - 1));
            p += k - 1;
        }
        sprintf(p, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
    }
    return buf;
}

/* ---- the dumper's tables ---- */

typedef enum {
    F_END,
    /* scalars, printed as words */
    F_FLAG,          /* bool: its word when true */
    F_OP,            /* js_op */
    F_VAR_KIND,      /* js_var_kind */
    F_PROP_KIND,     /* js_property_kind, unless init */
    F_METHOD_KIND,   /* js_method_kind, unless method */
    F_SOURCE_TYPE,   /* js_source_type: `module` */
    F_DIRECTIVE,     /* const char *: `directive` when set */
    /* children */
    F_NODE,
    F_LIST
} field_kind;

typedef struct {
    field_kind kind;
    const char *word;
    size_t offset;
} field;

#define FIELD(k, w, m) {k, w, offsetof(js_node, m)}
#define NODE(m) FIELD(F_NODE, NULL, m)
#define LIST(m) FIELD(F_LIST, NULL, m)
#define FLAG(w, m) FIELD(F_FLAG, w, m)
#define END {F_END, NULL, 0}

static const field f_none[] = {END};
static const field f_program[] = {
    FIELD(F_SOURCE_TYPE, NULL, program.source_type), FLAG("strict", program.strict),
    LIST(program.body), END};
static const field f_expression_statement[] = {
    FIELD(F_DIRECTIVE, "directive", expression_statement.directive),
    NODE(expression_statement.expression), END};
static const field f_block[] = {LIST(block.body), END};
static const field f_with[] = {NODE(with_statement.object), NODE(with_statement.body), END};
static const field f_return[] = {NODE(return_statement.argument), END};
static const field f_labeled[] = {NODE(labeled.label), NODE(labeled.body), END};
static const field f_jump[] = {NODE(jump.label), END};
static const field f_if[] = {NODE(if_statement.test), NODE(if_statement.consequent),
                             NODE(if_statement.alternate), END};
static const field f_switch[] = {NODE(switch_statement.discriminant),
                                 LIST(switch_statement.cases), END};
static const field f_switch_case[] = {NODE(switch_case.test), LIST(switch_case.consequent), END};
static const field f_throw[] = {NODE(throw_statement.argument), END};
static const field f_try[] = {NODE(try_statement.block), NODE(try_statement.handler),
                              NODE(try_statement.finalizer), END};
static const field f_catch[] = {NODE(catch_clause.param), NODE(catch_clause.body), END};
static const field f_while[] = {NODE(while_statement.test), NODE(while_statement.body), END};
static const field f_do_while[] = {NODE(do_while.body), NODE(do_while.test), END};
static const field f_for[] = {NODE(for_statement.init), NODE(for_statement.test),
                              NODE(for_statement.update), NODE(for_statement.body), END};
static const field f_for_in[] = {FLAG("await", for_in.await), NODE(for_in.left),
                                 NODE(for_in.right), NODE(for_in.body), END};
static const field f_function[] = {
    FLAG("async", function.async), FLAG("generator", function.generator),
    FLAG("expression", function.expression), FLAG("strict", function.strict),
    NODE(function.id), LIST(function.params), NODE(function.body), END};
static const field f_var_decl[] = {FIELD(F_VAR_KIND, NULL, variable_declaration.kind),
                                   LIST(variable_declaration.declarations), END};
static const field f_var_declarator[] = {NODE(variable_declarator.id),
                                         NODE(variable_declarator.init), END};
static const field f_class[] = {NODE(class.id), NODE(class.super_class), NODE(class.body), END};
static const field f_array[] = {LIST(array.elements), END};
static const field f_object[] = {LIST(object.properties), END};
static const field f_property[] = {
    FIELD(F_PROP_KIND, NULL, property.kind), FLAG("method", property.method),
    FLAG("shorthand", property.shorthand), FLAG("computed", property.computed),
    NODE(property.key), NODE(property.value), END};
static const field f_template[] = {LIST(template_literal.quasis),
                                   LIST(template_literal.expressions), END};
static const field f_tagged[] = {NODE(tagged_template.tag), NODE(tagged_template.quasi), END};
static const field f_unary[] = {FIELD(F_OP, NULL, unary.operator), NODE(unary.argument), END};
static const field f_update[] = {FIELD(F_OP, NULL, update.operator),
                                 FLAG("prefix", update.prefix), NODE(update.argument), END};
static const field f_binary[] = {FIELD(F_OP, NULL, binary.operator), NODE(binary.left),
                                 NODE(binary.right), END};
static const field f_assignment[] = {FIELD(F_OP, NULL, assignment.operator),
                                     NODE(assignment.left), NODE(assignment.right), END};
static const field f_conditional[] = {NODE(conditional.test), NODE(conditional.consequent),
                                      NODE(conditional.alternate), END};
static const field f_call[] = {FLAG("optional", call.optional), NODE(call.callee),
                               LIST(call.arguments), END};
static const field f_member[] = {FLAG("computed", member.computed),
                                 FLAG("optional", member.optional), NODE(member.object),
                                 NODE(member.property), END};
static const field f_chain[] = {NODE(chain.expression), END};
static const field f_sequence[] = {LIST(sequence.expressions), END};
static const field f_yield[] = {FLAG("delegate", yield.delegate), NODE(yield.argument), END};
static const field f_await[] = {NODE(await.argument), END};
static const field f_meta[] = {NODE(meta_property.meta), NODE(meta_property.property), END};
static const field f_import_expr[] = {NODE(import_expression.source),
                                      NODE(import_expression.options), END};
static const field f_spread[] = {NODE(spread.argument), END};
static const field f_rest[] = {NODE(rest.argument), END};
static const field f_assignment_pattern[] = {NODE(assignment_pattern.left),
                                             NODE(assignment_pattern.right), END};
static const field f_class_body[] = {LIST(class_body.body), END};
static const field f_method[] = {
    FIELD(F_METHOD_KIND, NULL, method.kind), FLAG("static", method.static_),
    FLAG("computed", method.computed), NODE(method.key), NODE(method.value), END};
static const field f_property_def[] = {
    FLAG("static", property_definition.static_), FLAG("computed", property_definition.computed),
    NODE(property_definition.key), NODE(property_definition.value), END};
static const field f_import_decl[] = {LIST(import_declaration.specifiers),
                                      NODE(import_declaration.source),
                                      LIST(import_declaration.attributes), END};
static const field f_import_spec[] = {NODE(import_specifier.imported),
                                      NODE(import_specifier.local), END};
static const field f_import_local[] = {NODE(import_specifier.local), END};
static const field f_import_attr[] = {NODE(import_attribute.key), NODE(import_attribute.value),
                                      END};
static const field f_export_named[] = {NODE(export_named.declaration),
                                       LIST(export_named.specifiers), NODE(export_named.source),
                                       LIST(export_named.attributes), END};
static const field f_export_spec[] = {NODE(export_specifier.local),
                                      NODE(export_specifier.exported), END};
static const field f_export_default[] = {NODE(export_default.declaration), END};
static const field f_export_all[] = {NODE(export_all.exported), NODE(export_all.source),
                                     LIST(export_all.attributes), END};

/* Identifier, PrivateIdentifier, Literal and TemplateElement print their values themselves
 * (print_value); their tables are empty. */
static const field *const type_fields[JS_NODE_TYPE_COUNT] = {
    [JS_PROGRAM] = f_program,
    [JS_EXPRESSION_STATEMENT] = f_expression_statement,
    [JS_BLOCK_STATEMENT] = f_block,
    [JS_EMPTY_STATEMENT] = f_none,
    [JS_DEBUGGER_STATEMENT] = f_none,
    [JS_WITH_STATEMENT] = f_with,
    [JS_RETURN_STATEMENT] = f_return,
    [JS_LABELED_STATEMENT] = f_labeled,
    [JS_BREAK_STATEMENT] = f_jump,
    [JS_CONTINUE_STATEMENT] = f_jump,
    [JS_IF_STATEMENT] = f_if,
    [JS_SWITCH_STATEMENT] = f_switch,
    [JS_SWITCH_CASE] = f_switch_case,
    [JS_THROW_STATEMENT] = f_throw,
    [JS_TRY_STATEMENT] = f_try,
    [JS_CATCH_CLAUSE] = f_catch,
    [JS_WHILE_STATEMENT] = f_while,
    [JS_DO_WHILE_STATEMENT] = f_do_while,
    [JS_FOR_STATEMENT] = f_for,
    [JS_FOR_IN_STATEMENT] = f_for_in,
    [JS_FOR_OF_STATEMENT] = f_for_in,
    [JS_FUNCTION_DECLARATION] = f_function,
    [JS_VARIABLE_DECLARATION] = f_var_decl,
    [JS_VARIABLE_DECLARATOR] = f_var_declarator,
    [JS_CLASS_DECLARATION] = f_class,
    [JS_IDENTIFIER] = f_none,
    [JS_PRIVATE_IDENTIFIER] = f_none,
    [JS_LITERAL] = f_none,
    [JS_THIS_EXPRESSION] = f_none,
    [JS_SUPER] = f_none,
    [JS_ARRAY_EXPRESSION] = f_array,
    [JS_OBJECT_EXPRESSION] = f_object,
    [JS_PROPERTY] = f_property,
    [JS_FUNCTION_EXPRESSION] = f_function,
    [JS_ARROW_FUNCTION_EXPRESSION] = f_function,
    [JS_CLASS_EXPRESSION] = f_class,
    [JS_TEMPLATE_LITERAL] = f_template,
    [JS_TEMPLATE_ELEMENT] = f_none,
    [JS_TAGGED_TEMPLATE_EXPRESSION] = f_tagged,
    [JS_UNARY_EXPRESSION] = f_unary,
    [JS_UPDATE_EXPRESSION] = f_update,
    [JS_BINARY_EXPRESSION] = f_binary,
    [JS_LOGICAL_EXPRESSION] = f_binary,
    [JS_ASSIGNMENT_EXPRESSION] = f_assignment,
    [JS_CONDITIONAL_EXPRESSION] = f_conditional,
    [JS_CALL_EXPRESSION] = f_call,
    [JS_NEW_EXPRESSION] = f_call,
    [JS_MEMBER_EXPRESSION] = f_member,
    [JS_CHAIN_EXPRESSION] = f_chain,
    [JS_SEQUENCE_EXPRESSION] = f_sequence,
    [JS_YIELD_EXPRESSION] = f_yield,
    [JS_AWAIT_EXPRESSION] = f_await,
    [JS_META_PROPERTY] = f_meta,
    [JS_IMPORT_EXPRESSION] = f_import_expr,
    [JS_SPREAD_ELEMENT] = f_spread,
    [JS_OBJECT_PATTERN] = f_object,
    [JS_ARRAY_PATTERN] = f_array,
    [JS_REST_ELEMENT] = f_rest,
    [JS_ASSIGNMENT_PATTERN] = f_assignment_pattern,
    [JS_CLASS_BODY] = f_class_body,
    [JS_METHOD_DEFINITION] = f_method,
    [JS_PROPERTY_DEFINITION] = f_property_def,
    [JS_STATIC_BLOCK] = f_block,
    [JS_IMPORT_DECLARATION] = f_import_decl,
    [JS_IMPORT_SPECIFIER] = f_import_spec,
    [JS_IMPORT_DEFAULT_SPECIFIER] = f_import_local,
    [JS_IMPORT_NAMESPACE_SPECIFIER] = f_import_local,
    [JS_IMPORT_ATTRIBUTE] = f_import_attr,
    [JS_EXPORT_NAMED_DECLARATION] = f_export_named,
    [JS_EXPORT_SPECIFIER] = f_export_spec,
    [JS_EXPORT_DEFAULT_DECLARATION] = f_export_default,
    [JS_EXPORT_ALL_DECLARATION] = f_export_all,
};

#define AT(n, f, type) (*(type const *)((const char *)(n) + (f)->offset))

/* ---- printing values ---- */

static void print_string(const char *s, size_t len, FILE *out)
{
    putc('"', out);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        case '\b': fputs("\\b", out); break;
        case '\f': fputs("\\f", out); break;
        default:
            if (c < 0x20 || c == 0x7f)
                fprintf(out, "\\u%04x", c);
            else
                putc(c, out);
        }
    }
    putc('"', out);
}

static void print_literal(const js_node *n, FILE *out)
{
    char buf[NUMBER_BUF];
    switch (n->literal.kind) {
    case JS_LIT_NULL: fputs(" null", out); break;
    case JS_LIT_BOOLEAN: fputs(n->literal.value.boolean ? " true" : " false", out); break;
    case JS_LIT_NUMBER:
        fprintf(out, " %s", number_text(n->literal.value.number, buf));
        break;
    case JS_LIT_STRING:
        putc(' ', out);
        print_string(n->literal.value.string.chars, n->literal.value.string.len, out);
        break;
    case JS_LIT_BIGINT: fprintf(out, " %sn", n->literal.value.bigint); break;
    case JS_LIT_REGEXP:
        fprintf(out, " /%s/%s", n->literal.value.regex.pattern, n->literal.value.regex.flags);
        break;
    }
}

/* The value of the nodes whose tables are empty: names, literals, template text. */
static void print_value(const js_node *n, FILE *out)
{
    switch (n->type) {
    case JS_IDENTIFIER:
    case JS_PRIVATE_IDENTIFIER:
        fprintf(out, " %s", n->identifier.name);
        break;
    case JS_LITERAL:
        print_literal(n, out);
        break;
    case JS_TEMPLATE_ELEMENT:
        if (n->template_element.tail)
            fputs(" tail", out);
        putc(' ', out);
        if (n->template_element.cooked.chars)
            print_string(n->template_element.cooked.chars, n->template_element.cooked.len, out);
        else
            fputs("null", out);
        putc(' ', out);
        print_string(n->template_element.raw.chars, n->template_element.raw.len, out);
        break;
    default:
        break;
    }
}

static void print_word(const js_node *n, const field *f, FILE *out)
{
    static const char *const prop_kinds[] = {"init", "get", "set"};
    static const char *const method_kinds[] = {"method", "constructor", "get", "set"};
    switch (f->kind) {
    case F_FLAG:
        if (AT(n, f, bool))
            fprintf(out, " %s", f->word);
        break;
    case F_OP: fprintf(out, " %s", js_op_text(AT(n, f, js_op))); break;
    case F_VAR_KIND: fprintf(out, " %s", js_var_kind_name(AT(n, f, js_var_kind))); break;
    case F_PROP_KIND:
        if (AT(n, f, js_property_kind) != JS_PROP_INIT)
            fprintf(out, " %s", prop_kinds[AT(n, f, js_property_kind)]);
        break;
    case F_METHOD_KIND:
        if (AT(n, f, js_method_kind) != JS_METHOD_METHOD)
            fprintf(out, " %s", method_kinds[AT(n, f, js_method_kind)]);
        break;
    case F_SOURCE_TYPE:
        if (AT(n, f, js_source_type) == JS_MODULE)
            fputs(" module", out);
        break;
    case F_DIRECTIVE:
        if (AT(n, f, const char *))
            fprintf(out, " %s", f->word);
        break;
    default:
        break;
    }
}

/* ---- the walk ---- */

typedef struct {
    const js_node *node;
    const field *f;   /* the next child field */
    size_t item;      /* the next item of a list field */
} frame;

typedef struct {
    frame *frames;
    size_t n, cap;
    FILE *out;
    unsigned options;
} walker;

/* Prints "(Type words..." of a node (or "null"), and pushes it if it has children to print. */
static void open_node(walker *w, const js_node *n)
{
    if (!n) {
        fputs("null", w->out);
        return;
    }
    fprintf(w->out, "(%s", js_node_type_name(n->type));
    if (w->options & JS_DUMP_LOCATIONS)
        fprintf(w->out, "@%u:%u:%u-%u", n->line, n->col, n->start, n->end);
    const field *f = type_fields[n->type];
    for (; f->kind != F_END && f->kind < F_NODE; f++)
        print_word(n, f, w->out);
    print_value(n, w->out);
    if (f->kind == F_END) {
        putc(')', w->out);
        return;
    }
    if (w->n == w->cap) {
        w->cap = w->cap ? 2 * w->cap : 64;
        w->frames = xrealloc(w->frames, w->cap * sizeof *w->frames);
    }
    w->frames[w->n++] = (frame){n, f, 0};
}

/* Prints the next child of the top frame, or closes it. */
static void step(walker *w)
{
    frame *fr = &w->frames[w->n - 1];
    const field *f = fr->f;
    if (f->kind == F_END) {
        putc(')', w->out);
        w->n--;
        return;
    }
    if (f->kind == F_NODE) {
        fr->f++;
        putc(' ', w->out);
        open_node(w, AT(fr->node, f, js_node *));
        return;
    }
    const js_list *list = &AT(fr->node, f, js_list);
    bool spliced = f[1].kind == F_END;
    if (fr->item < list->count) {
        if (fr->item == 0 && !spliced)
            fputs(" [", w->out);
        else
            putc(' ', w->out);
        open_node(w, list->items[fr->item++]);
        return;
    }
    if (!spliced)
        fputs(list->count ? "]" : " []", w->out);
    fr->f++;
    fr->item = 0;
}

void js_ast_dump(const js_node *node, FILE *out)
{
    js_ast_print(node, out, 0);
}

void js_ast_print(const js_node *node, FILE *out, unsigned options)
{
    walker w = {NULL, 0, 0, out, options};
    open_node(&w, node);
    while (w.n)
        step(&w);
    putc('\n', out);
    free(w.frames);
}
