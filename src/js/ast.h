/* ast.h - the JavaScript syntax tree: what the parser (parse.h) builds and the compiler reads.
 *
 * The tree is ESTree (https://github.com/estree/estree, es5 to es2022), spelt in C.  Anyone who
 * knows ESTree, acorn or @babel/types can read it: every ESTree node type is a js_node_type with
 * the same name in upper snake case (IfStatement is JS_IF_STATEMENT), and its fields are the
 * members of the union member named after the type (an IfStatement's `test` is
 * `n->if_statement.test`).  The comment on each member gives the node types that use it.
 * Where C forces a change of spelling it is small and said: `static` is `static_`, a list is a
 * js_list, an optional child is NULL, ESTree string enums ("let", "get", "+=") are C enums.
 *
 * Beyond ESTree:
 *   - every node carries where it starts (1-based line and column) and its byte range
 *     [start, end) in the source.  Columns count Unicode code points from the line's start;
 *     lines end at LF, CR, CRLF, U+2028 and U+2029, as in JavaScript.  The ranges are acorn's:
 *     a parenthesized expression's range leaves its parentheses out, but a node that starts
 *     with one, like `(a) + b`, starts at the parenthesis;
 *   - functions say whether their code is strict, whether their parameter list is simple, and
 *     whether they are arrows; Program says whether the script or module is strict;
 *   - `flags` records what ESTree drops: JS_NODE_PAREN, the expression was written in
 *     parentheses (ESTree has no ParenthesizedExpression node);
 *   - import attributes (`import j from "./x.json" with { type: "json" }`, and the older
 *     `assert {...}`), which Node 20 accepts, as ESTree's ImportAttribute (es2025).
 *
 * Strings.  Every string in the tree is a js_text: UTF-8 bytes and their length,
 * NUL-terminated for convenience but possibly containing NULs ("\0" in a string literal).
 * String literals are decoded (escapes, line continuations, legacy octal escapes of sloppy
 * code); a \u escape of a lone surrogate, which UTF-8 cannot encode, is stored as WTF-8 (its
 * 3-byte form); a surrogate pair written as two \u escapes becomes one 4-byte character.
 * Names (Identifier, PrivateIdentifier) are plain C strings, decoded the same way (`\u0061` is
 * `a`) and interned per parse: two names that are equal share one pointer, so they can be
 * compared with ==.
 *
 * Numbers are doubles, converted as JavaScript does (hex, octal, binary, legacy octal `017`,
 * separators `1_000` removed).  A BigInt literal keeps its digits as written, without the `n`
 * and the separators, its prefix kept (`0x1f`): the VM converts it to its own big integers.
 * A regular expression literal keeps its pattern and flags as source text; the flags are
 * checked, the pattern is not.
 *
 * Memory.  Every node, list and string lives in the arena given to js_parse (src/base/arena.h) and
 * is freed with it; the tree does not point into the source buffer, which may be freed once
 * the parse is done.  Nodes are never shared: each child has one parent.
 *
 * Depth.  The parser refuses sources nested more than JS_MAX_NESTING deep (parse.h), but a
 * long chain of left-associative operators (`a + b + c ...`, `a.b.c ...`, `f()()()`) is a tree as
 * deep as the chain is long, whatever the nesting: a consumer that recurses along `left`,
 * `object` or `callee` should loop on that spine instead (js_ast_dump does not recurse at all).
 */
#ifndef LOOPSIM_JS_AST_H
#define LOOPSIM_JS_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct js_node js_node;

/* A list of child nodes.  ArrayExpression and ArrayPattern use NULL items for holes. */
typedef struct js_list {
    js_node **items;
    size_t count;
} js_list;

/* A string: `len` bytes of UTF-8 (or WTF-8, see above) followed by a NUL.  (Named js_text,
 * not js_str, which is the VM's.) */
typedef struct js_text {
    const char *chars;
    size_t len;
} js_text;

/* The node types: X(ENUM_SUFFIX, ESTreeName). */
#define JS_NODE_TYPES(X)                                                                        \
    X(PROGRAM, Program)                                                                         \
    /* statements */                                                                            \
    X(EXPRESSION_STATEMENT, ExpressionStatement)                                                \
    X(BLOCK_STATEMENT, BlockStatement)                                                          \
    X(EMPTY_STATEMENT, EmptyStatement)                                                          \
    X(DEBUGGER_STATEMENT, DebuggerStatement)                                                    \
    X(WITH_STATEMENT, WithStatement)                                                            \
    X(RETURN_STATEMENT, ReturnStatement)                                                        \
    X(LABELED_STATEMENT, LabeledStatement)                                                      \
    X(BREAK_STATEMENT, BreakStatement)                                                          \
    X(CONTINUE_STATEMENT, ContinueStatement)                                                    \
    X(IF_STATEMENT, IfStatement)                                                                \
    X(SWITCH_STATEMENT, SwitchStatement)                                                        \
    X(SWITCH_CASE, SwitchCase)                                                                  \
    X(THROW_STATEMENT, ThrowStatement)                                                          \
    X(TRY_STATEMENT, TryStatement)                                                              \
    X(CATCH_CLAUSE, CatchClause)                                                                \
    X(WHILE_STATEMENT, WhileStatement)                                                          \
    X(DO_WHILE_STATEMENT, DoWhileStatement)                                                     \
    X(FOR_STATEMENT, ForStatement)                                                              \
    X(FOR_IN_STATEMENT, ForInStatement)                                                         \
    X(FOR_OF_STATEMENT, ForOfStatement)                                                         \
    /* declarations */                                                                          \
    X(FUNCTION_DECLARATION, FunctionDeclaration)                                                \
    X(VARIABLE_DECLARATION, VariableDeclaration)                                                \
    X(VARIABLE_DECLARATOR, VariableDeclarator)                                                  \
    X(CLASS_DECLARATION, ClassDeclaration)                                                      \
    /* expressions */                                                                           \
    X(IDENTIFIER, Identifier)                                                                   \
    X(PRIVATE_IDENTIFIER, PrivateIdentifier)                                                    \
    X(LITERAL, Literal)                                                                         \
    X(THIS_EXPRESSION, ThisExpression)                                                          \
    X(SUPER, Super)                                                                             \
    X(ARRAY_EXPRESSION, ArrayExpression)                                                        \
    X(OBJECT_EXPRESSION, ObjectExpression)                                                      \
    X(PROPERTY, Property)                                                                       \
    X(FUNCTION_EXPRESSION, FunctionExpression)                                                  \
    X(ARROW_FUNCTION_EXPRESSION, ArrowFunctionExpression)                                       \
    X(CLASS_EXPRESSION, ClassExpression)                                                        \
    X(TEMPLATE_LITERAL, TemplateLiteral)                                                        \
    X(TEMPLATE_ELEMENT, TemplateElement)                                                        \
    X(TAGGED_TEMPLATE_EXPRESSION, TaggedTemplateExpression)                                     \
    X(UNARY_EXPRESSION, UnaryExpression)                                                        \
    X(UPDATE_EXPRESSION, UpdateExpression)                                                      \
    X(BINARY_EXPRESSION, BinaryExpression)                                                      \
    X(LOGICAL_EXPRESSION, LogicalExpression)                                                    \
    X(ASSIGNMENT_EXPRESSION, AssignmentExpression)                                              \
    X(CONDITIONAL_EXPRESSION, ConditionalExpression)                                            \
    X(CALL_EXPRESSION, CallExpression)                                                          \
    X(NEW_EXPRESSION, NewExpression)                                                            \
    X(MEMBER_EXPRESSION, MemberExpression)                                                      \
    X(CHAIN_EXPRESSION, ChainExpression)                                                        \
    X(SEQUENCE_EXPRESSION, SequenceExpression)                                                  \
    X(YIELD_EXPRESSION, YieldExpression)                                                        \
    X(AWAIT_EXPRESSION, AwaitExpression)                                                        \
    X(META_PROPERTY, MetaProperty)                                                              \
    X(IMPORT_EXPRESSION, ImportExpression)                                                      \
    X(SPREAD_ELEMENT, SpreadElement)                                                            \
    /* patterns */                                                                              \
    X(OBJECT_PATTERN, ObjectPattern)                                                            \
    X(ARRAY_PATTERN, ArrayPattern)                                                              \
    X(REST_ELEMENT, RestElement)                                                                \
    X(ASSIGNMENT_PATTERN, AssignmentPattern)                                                    \
    /* classes */                                                                               \
    X(CLASS_BODY, ClassBody)                                                                    \
    X(METHOD_DEFINITION, MethodDefinition)                                                      \
    X(PROPERTY_DEFINITION, PropertyDefinition)                                                  \
    X(STATIC_BLOCK, StaticBlock)                                                                \
    /* modules */                                                                               \
    X(IMPORT_DECLARATION, ImportDeclaration)                                                    \
    X(IMPORT_SPECIFIER, ImportSpecifier)                                                        \
    X(IMPORT_DEFAULT_SPECIFIER, ImportDefaultSpecifier)                                         \
    X(IMPORT_NAMESPACE_SPECIFIER, ImportNamespaceSpecifier)                                     \
    X(IMPORT_ATTRIBUTE, ImportAttribute)                                                        \
    X(EXPORT_NAMED_DECLARATION, ExportNamedDeclaration)                                         \
    X(EXPORT_SPECIFIER, ExportSpecifier)                                                        \
    X(EXPORT_DEFAULT_DECLARATION, ExportDefaultDeclaration)                                     \
    X(EXPORT_ALL_DECLARATION, ExportAllDeclaration)

typedef enum js_node_type {
#define JS_X_ENUM(id, name) JS_##id,
    JS_NODE_TYPES(JS_X_ENUM)
#undef JS_X_ENUM
    JS_NODE_TYPE_COUNT
} js_node_type;

/* The operators of UnaryExpression, UpdateExpression, BinaryExpression, LogicalExpression and
 * AssignmentExpression: X(ENUM_SUFFIX, "source text"). */
#define JS_OPERATORS(X)                                                                         \
    /* BinaryExpression */                                                                      \
    X(EQ, "==") X(NE, "!=") X(STRICT_EQ, "===") X(STRICT_NE, "!==")                             \
    X(LT, "<") X(LE, "<=") X(GT, ">") X(GE, ">=")                                               \
    X(SHL, "<<") X(SHR, ">>") X(USHR, ">>>")                                                    \
    X(ADD, "+") X(SUB, "-") X(MUL, "*") X(DIV, "/") X(MOD, "%") X(EXP, "**")                    \
    X(BIT_OR, "|") X(BIT_XOR, "^") X(BIT_AND, "&") X(IN, "in") X(INSTANCEOF, "instanceof")      \
    /* LogicalExpression */                                                                     \
    X(OR, "||") X(AND, "&&") X(NULLISH, "??")                                                   \
    /* AssignmentExpression */                                                                  \
    X(ASSIGN, "=") X(ADD_ASSIGN, "+=") X(SUB_ASSIGN, "-=") X(MUL_ASSIGN, "*=")                  \
    X(DIV_ASSIGN, "/=") X(MOD_ASSIGN, "%=") X(EXP_ASSIGN, "**=") X(SHL_ASSIGN, "<<=")           \
    X(SHR_ASSIGN, ">>=") X(USHR_ASSIGN, ">>>=") X(BIT_OR_ASSIGN, "|=")                          \
    X(BIT_XOR_ASSIGN, "^=") X(BIT_AND_ASSIGN, "&=") X(OR_ASSIGN, "||=") X(AND_ASSIGN, "&&=")    \
    X(NULLISH_ASSIGN, "?\?=")                                                                    \
    /* UnaryExpression */                                                                       \
    X(NEG, "-") X(PLUS, "+") X(NOT, "!") X(BIT_NOT, "~") X(TYPEOF, "typeof") X(VOID, "void")    \
    X(DELETE, "delete")                                                                         \
    /* UpdateExpression */                                                                      \
    X(INC, "++") X(DEC, "--")

typedef enum js_op {
#define JS_X_ENUM(id, text) JS_OP_##id,
    JS_OPERATORS(JS_X_ENUM)
#undef JS_X_ENUM
    JS_OP_COUNT
} js_op;

typedef enum js_literal_kind {
    JS_LIT_NULL,
    JS_LIT_BOOLEAN,
    JS_LIT_NUMBER,
    JS_LIT_STRING,
    JS_LIT_BIGINT,
    JS_LIT_REGEXP
} js_literal_kind;

typedef enum js_var_kind { JS_VAR, JS_LET, JS_CONST } js_var_kind;
typedef enum js_property_kind { JS_PROP_INIT, JS_PROP_GET, JS_PROP_SET } js_property_kind;
typedef enum js_method_kind {
    JS_METHOD_METHOD,
    JS_METHOD_CONSTRUCTOR,
    JS_METHOD_GET,
    JS_METHOD_SET
} js_method_kind;
typedef enum js_source_type { JS_SCRIPT, JS_MODULE } js_source_type;

/* js_node.flags */
enum { JS_NODE_PAREN = 1 }; /* written in parentheses: `(a)`, `(a, b)`, `(f)()` */

/* FunctionDeclaration, FunctionExpression, ArrowFunctionExpression.  A method's value
 * (Property with method, get or set; MethodDefinition) is a FunctionExpression whose range
 * starts at its parameter list. */
typedef struct js_function_info {
    js_node *id;         /* Identifier, or NULL (anonymous; always NULL for arrows) */
    js_list params;      /* patterns: Identifier, ObjectPattern, ArrayPattern, AssignmentPattern
                          * (a default), RestElement (last only) */
    js_node *body;       /* BlockStatement, or any expression when `expression` */
    bool async;
    bool generator;
    bool arrow;          /* an ArrowFunctionExpression */
    bool expression;     /* an arrow whose body is an expression: `x => x + 1` */
    bool strict;         /* its code is strict: "use strict", or inside a class, a module or
                          * strict code */
    bool simple_params;  /* only plain identifiers as parameters: no default, rest or pattern */
} js_function_info;

/* ClassDeclaration, ClassExpression */
typedef struct js_class_info {
    js_node *id;          /* Identifier; NULL for an anonymous class expression or
                           * `export default class {}` */
    js_node *super_class; /* the expression after `extends`, or NULL */
    js_node *body;        /* ClassBody */
} js_class_info;

struct js_node {
    js_node_type type;
    uint8_t flags;        /* JS_NODE_PAREN */
    uint32_t line, col;   /* where the node starts, both 1-based */
    uint32_t start, end;  /* byte offsets in the source: [start, end) */
    union {
        struct {          /* Program */
            js_list body;                /* statements and module declarations */
            js_source_type source_type;  /* sourceType */
            bool use_strict;             /* its directive prologue has "use strict" */
            bool strict;                 /* a module, or use_strict */
        } program;

        /* ---- statements ---- */
        struct {                   /* ExpressionStatement */
            js_node *expression;
            const char *directive; /* a directive of a prologue ("use strict"): the raw text
                                    * between the quotes; NULL for other statements */
        } expression_statement;
        struct {                   /* BlockStatement, StaticBlock */
            js_list body;
        } block;
        struct {                   /* WithStatement */
            js_node *object, *body;
        } with_statement;
        struct {                   /* ReturnStatement */
            js_node *argument;     /* or NULL */
        } return_statement;
        struct {                   /* LabeledStatement */
            js_node *label;        /* Identifier */
            js_node *body;
        } labeled;
        struct {                   /* BreakStatement, ContinueStatement */
            js_node *label;        /* Identifier, or NULL */
        } jump;
        struct {                   /* IfStatement */
            js_node *test, *consequent;
            js_node *alternate;    /* or NULL */
        } if_statement;
        struct {                   /* SwitchStatement */
            js_node *discriminant;
            js_list cases;         /* SwitchCase */
        } switch_statement;
        struct {                   /* SwitchCase */
            js_node *test;         /* NULL for `default:` */
            js_list consequent;    /* statements */
        } switch_case;
        struct {                   /* ThrowStatement */
            js_node *argument;
        } throw_statement;
        struct {                   /* TryStatement: a handler, a finalizer or both */
            js_node *block;        /* BlockStatement */
            js_node *handler;      /* CatchClause, or NULL */
            js_node *finalizer;    /* BlockStatement, or NULL */
        } try_statement;
        struct {                   /* CatchClause */
            js_node *param;        /* a pattern, or NULL: `catch {` */
            js_node *body;         /* BlockStatement */
        } catch_clause;
        struct {                   /* WhileStatement */
            js_node *test, *body;
        } while_statement;
        struct {                   /* DoWhileStatement */
            js_node *body, *test;
        } do_while;
        struct {                   /* ForStatement */
            js_node *init;         /* VariableDeclaration, an expression, or NULL */
            js_node *test;         /* or NULL */
            js_node *update;       /* or NULL */
            js_node *body;
        } for_statement;
        struct {                   /* ForInStatement, ForOfStatement */
            js_node *left;         /* VariableDeclaration (one declarator) or a pattern */
            js_node *right, *body;
            bool await;            /* ForOfStatement: `for await (...)` */
        } for_in;

        /* ---- declarations ---- */
        js_function_info function; /* FunctionDeclaration, FunctionExpression,
                                    * ArrowFunctionExpression */
        struct {                   /* VariableDeclaration */
            js_list declarations;  /* VariableDeclarator */
            js_var_kind kind;
        } variable_declaration;
        struct {                   /* VariableDeclarator */
            js_node *id;           /* a pattern */
            js_node *init;         /* or NULL */
        } variable_declarator;
        js_class_info class;       /* ClassDeclaration, ClassExpression */

        /* ---- expressions ---- */
        struct {                   /* Identifier, PrivateIdentifier (name without the #) */
            const char *name;      /* interned: equal names share the pointer */
        } identifier;
        struct {                   /* Literal */
            js_literal_kind kind;
            union {
                bool boolean;      /* JS_LIT_BOOLEAN */
                double number;     /* JS_LIT_NUMBER */
                js_text string;    /* JS_LIT_STRING, decoded */
                const char *bigint;/* JS_LIT_BIGINT: digits as written, "0x1f" for 0x1_fn */
                struct {           /* JS_LIT_REGEXP */
                    const char *pattern, *flags;
                } regex;
            } value;
            js_text raw;           /* the source text of the literal */
        } literal;
        struct {                   /* ArrayExpression, ArrayPattern */
            js_list elements;      /* expressions and SpreadElement (ArrayExpression), patterns
                                    * and a last RestElement (ArrayPattern); NULL for holes */
        } array;
        struct {                   /* ObjectExpression, ObjectPattern */
            js_list properties;    /* Property and SpreadElement (ObjectExpression), Property
                                    * and a last RestElement (ObjectPattern) */
        } object;
        struct {                   /* Property (in ObjectExpression and ObjectPattern) */
            js_node *key;          /* Identifier, Literal (string or number), or any
                                    * expression when `computed` */
            js_node *value;        /* an expression, a FunctionExpression (method, get, set),
                                    * or in an ObjectPattern a pattern */
            js_property_kind kind;
            bool method;           /* `{ f() {} }` */
            bool shorthand;        /* `{ a }`, `{ a = 1 }` (ObjectPattern): value is a copy of
                                    * key, or an AssignmentPattern whose left is */
            bool computed;         /* `{ [k]: v }` */
        } property;
        struct {                   /* TemplateLiteral: quasis.count == expressions.count + 1 */
            js_list quasis;        /* TemplateElement */
            js_list expressions;
        } template_literal;
        struct {                   /* TemplateElement: its range is the text between the
                                    * delimiters (` ${ }) */
            js_text cooked;        /* the string value; chars is NULL when the text has an
                                    * invalid escape (allowed in tagged templates only) */
            js_text raw;           /* the text as written, CR and CRLF made LF */
            bool tail;             /* the last quasi */
        } template_element;
        struct {                   /* TaggedTemplateExpression */
            js_node *tag;
            js_node *quasi;        /* TemplateLiteral */
        } tagged_template;
        struct {                   /* UnaryExpression (ESTree's prefix is always true) */
            js_op operator;        /* NEG PLUS NOT BIT_NOT TYPEOF VOID DELETE */
            js_node *argument;
        } unary;
        struct {                   /* UpdateExpression */
            js_op operator;        /* INC DEC */
            bool prefix;           /* ++x rather than x++ */
            js_node *argument;     /* Identifier or MemberExpression (or, as V8 allows, a
                                    * CallExpression: a ReferenceError when run) */
        } update;
        struct {                   /* BinaryExpression, LogicalExpression */
            js_op operator;
            js_node *left;         /* BinaryExpression `#x in o`: a PrivateIdentifier */
            js_node *right;
        } binary;
        struct {                   /* AssignmentExpression */
            js_op operator;        /* ASSIGN ... NULLISH_ASSIGN */
            js_node *left;         /* a pattern for `=`; otherwise Identifier or
                                    * MemberExpression (or, as V8 allows, a CallExpression:
                                    * a ReferenceError when run) */
            js_node *right;
        } assignment;
        struct {                   /* ConditionalExpression */
            js_node *test, *consequent, *alternate;
        } conditional;
        struct {                   /* CallExpression, NewExpression */
            js_node *callee;       /* an expression or Super (`super(...)`) */
            js_list arguments;     /* expressions and SpreadElement */
            bool optional;         /* CallExpression: `f?.()` */
        } call;
        struct {                   /* MemberExpression */
            js_node *object;       /* an expression or Super */
            js_node *property;     /* Identifier, PrivateIdentifier, or any expression when
                                    * `computed` */
            bool computed;         /* `a[b]` */
            bool optional;         /* `a?.b`: this link starts with ?. */
        } member;
        struct {                   /* ChainExpression: the whole of an optional chain
                                    * `a?.b.c()`, whose links are MemberExpression and
                                    * CallExpression */
            js_node *expression;
        } chain;
        struct {                   /* SequenceExpression */
            js_list expressions;
        } sequence;
        struct {                   /* YieldExpression */
            js_node *argument;     /* or NULL */
            bool delegate;         /* yield* */
        } yield;
        struct {                   /* AwaitExpression */
            js_node *argument;
        } await;
        struct {                   /* MetaProperty: new.target, import.meta */
            js_node *meta, *property;   /* Identifier */
        } meta_property;
        struct {                   /* ImportExpression: import(source) */
            js_node *source;
            js_node *options;      /* the second argument, or NULL */
        } import_expression;
        struct {                   /* SpreadElement */
            js_node *argument;
        } spread;

        /* ---- patterns ---- */
        struct {                   /* RestElement */
            js_node *argument;     /* a pattern (in ObjectPattern: Identifier or, in
                                    * assignments, MemberExpression) */
        } rest;
        struct {                   /* AssignmentPattern: a default, `a = 1` */
            js_node *left;         /* a pattern */
            js_node *right;
        } assignment_pattern;

        /* ---- classes ---- */
        struct {                   /* ClassBody */
            js_list body;          /* MethodDefinition, PropertyDefinition, StaticBlock */
        } class_body;
        struct {                   /* MethodDefinition */
            js_node *key;          /* Identifier, PrivateIdentifier, Literal, or any
                                    * expression when `computed` */
            js_node *value;        /* FunctionExpression */
            js_method_kind kind;
            bool computed;
            bool static_;
        } method;
        struct {                   /* PropertyDefinition: a class field */
            js_node *key;          /* as MethodDefinition's */
            js_node *value;        /* the initializer, or NULL */
            bool computed;
            bool static_;
        } property_definition;

        /* ---- modules ---- */
        struct {                   /* ImportDeclaration */
            js_list specifiers;    /* ImportDefaultSpecifier, ImportNamespaceSpecifier,
                                    * ImportSpecifier */
            js_node *source;       /* Literal (string) */
            js_list attributes;    /* ImportAttribute */
        } import_declaration;
        struct {                   /* ImportSpecifier (imported and local);
                                    * ImportDefaultSpecifier, ImportNamespaceSpecifier (local,
                                    * imported NULL) */
            js_node *imported;     /* Identifier or Literal (string): `import {"a b" as c}` */
            js_node *local;        /* Identifier */
        } import_specifier;
        struct {                   /* ImportAttribute: `type: "json"` */
            js_node *key;          /* Identifier or Literal (string) */
            js_node *value;        /* Literal (string) */
        } import_attribute;
        struct {                   /* ExportNamedDeclaration: a declaration, or specifiers */
            js_node *declaration;  /* VariableDeclaration, FunctionDeclaration,
                                    * ClassDeclaration, or NULL */
            js_list specifiers;    /* ExportSpecifier */
            js_node *source;       /* Literal (string) of `export {...} from "m"`, or NULL */
            js_list attributes;    /* ImportAttribute */
        } export_named;
        struct {                   /* ExportSpecifier */
            js_node *local;        /* Identifier (Literal, string, with a source) */
            js_node *exported;     /* Identifier or Literal (string) */
        } export_specifier;
        struct {                   /* ExportDefaultDeclaration */
            js_node *declaration;  /* FunctionDeclaration or ClassDeclaration (id may be
                                    * NULL), or an expression */
        } export_default;
        struct {                   /* ExportAllDeclaration: export * [as x] from "m" */
            js_node *exported;     /* Identifier or Literal (string), or NULL */
            js_node *source;       /* Literal (string) */
            js_list attributes;    /* ImportAttribute */
        } export_all;
    };
};

/* "IfStatement" for JS_IF_STATEMENT. */
const char *js_node_type_name(js_node_type type);
/* "+=" for JS_OP_ADD_ASSIGN, "typeof" for JS_OP_TYPEOF. */
const char *js_op_text(js_op op);
/* The binary operator of a compound assignment (JS_OP_ADD for JS_OP_ADD_ASSIGN, JS_OP_OR for
 * JS_OP_OR_ASSIGN); JS_OP_ASSIGN for JS_OP_ASSIGN and any other operator. */
js_op js_op_assign_base(js_op op);
/* "var", "let", "const" */
const char *js_var_kind_name(js_var_kind kind);

/* Prints the tree as one S-expression per node, `(Type words... children...)`:
 *   - words: the true flags (computed, optional, async, generator, expression, strict, static,
 *     delegate, prefix, await, method, shorthand, tail, directive, module), the declaration
 *     kind (var, let, const), the kind of a property or method unless it is the default (get,
 *     set, constructor) and the operator;
 *   - children in ESTree's field order; NULL is `null`; a list is spliced into its parent when
 *     it is the last field and written `[a b]` otherwise;
 *   - Identifier `(Identifier name)`, Literal `(Literal "str")` `(Literal 1.5)` (numbers as
 *     JavaScript's String(x) writes them: `1e+21`), `(Literal 1n)`
 *     `(Literal /re/g)` `(Literal null)`, TemplateElement `(TemplateElement "cooked" "raw")`;
 *     strings are quoted with JSON's escapes.
 * For example `console.log("a")`:
 *   (Program (ExpressionStatement (CallExpression (MemberExpression (Identifier console)
 *   (Identifier log)) (Literal "a"))))
 * on one line, with a newline at the end.  Iterative: any depth is fine. */
void js_ast_dump(const js_node *node, FILE *out);

/* js_ast_dump with options: JS_DUMP_LOCATIONS writes where each node is after its type,
 * `(Identifier@LINE:COL:START-END x)`. */
enum { JS_DUMP_LOCATIONS = 1 };
void js_ast_print(const js_node *node, FILE *out, unsigned options);

#endif
