/* test_program.c - unit tests for the scenario front end (src/process/program.c): what a file is by its
 * name, what a JSON scenario becomes in JavaScript, where errors are reported, and the labels
 * the compiled functions get.  One test per rule. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "emit_js.h"
#include "jsi.h" /* to read the labels of the compiled functions back */
#include "loader.h"
#include "program.h"

/* ---- helpers ---- */

static ls_program *load_ok(const char *name, const char *text, bool json)
{
    char *err = NULL;
    ls_program *p = program_load_text(name, text, strlen(text), json, &err);
    ck_assert_msg(p != NULL, "expected %s to load, got: %s", name, err ? err : "(no message)");
    ck_assert_ptr_null(err);
    ck_assert_ptr_nonnull(p->js);
    return p;
}

/* Loads text, which must fail with exactly `want` as the message. */
static void load_fails(const char *name, const char *text, const char *want)
{
    char *err = NULL;
    ls_program *p = program_load_text(name, text, strlen(text), false, &err);
    ck_assert_msg(p == NULL, "expected %s to fail with %s", name, want);
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err, want);
    free(err);
}

#define MAIN(stmts) "{\"loopsim\": 1, \"main\": [" stmts "]}"

/* The labels of every function compiled into the program, nested ones included, in the order
 * of their start offsets. */
typedef struct {
    const js_proto *items[64];
    size_t len;
} proto_list;

static void collect_protos(proto_list *list, const js_proto *p)
{
    for (uint32_t i = 0; i < p->nprotos; i++) {
        ck_assert_uint_lt(list->len, 64);
        list->items[list->len++] = p->protos[i];
        collect_protos(list, p->protos[i]);
    }
}

static const char *label_starting_at(const ls_program *p, uint32_t start)
{
    proto_list list = {{0}, 0};
    collect_protos(&list, p->js->main);
    for (size_t i = 0; i < list.len; i++)
        if (list.items[i]->start == start)
            return list.items[i]->label;
    return NULL;
}

/* ---- what a file is ---- */

START_TEST(test_a_long_program_without_finally_copies_is_not_bounded)
{
    /* the bound on finally copies is not a bound on a program's size: 8,000 functions (about
     * 1 MB, more bytecode than that bound) compile and run */
    size_t cap = 1200000, n = 0;
    char *text = malloc(cap);
    ck_assert_ptr_nonnull(text);
    for (int i = 0; i < 8000; i++)
        n += (size_t)snprintf(text + n, cap - n,
                              "function f%d(x) { const a = [%d, %d, 'x%d']; if (x > %d) return "
                              "a.map(v => v + x).join(','); return String(x * %d); }\n",
                              i, i, i + 1, i, i % 7, i);
    snprintf(text + n, cap - n, "console.log(f1(3));\n");
    ck_assert_uint_gt(strlen(text), 1000000);
    program_free(load_ok("long.js", text, false));
    free(text);
}
END_TEST

START_TEST(test_finally_blocks_copied_past_the_bound_are_refused_at_the_innermost)
{
    /* each return through a finally block copies it (compile.c leave_tgt): nested 20 deep,
     * 2^20 copies; refused at once, at the innermost finally block being copied, instead of
     * taking minutes and gigabytes.  Five deep compiles. */
    char text[4096];
    for (int depth = 5; depth <= 20; depth += 15) {
        size_t n = 0;
        n += (size_t)snprintf(text + n, sizeof text - n, "function f() {\n");
        for (int i = 0; i < depth; i++)
            n += (size_t)snprintf(text + n, sizeof text - n,
                                  "try { if (x) return %d; } finally {\n", i);
        n += (size_t)snprintf(text + n, sizeof text - n, "console.log(1);\n");
        for (int i = 0; i < depth; i++)
            n += (size_t)snprintf(text + n, sizeof text - n, "}\n");
        snprintf(text + n, sizeof text - n, "}\nvar x = 0; f();\n");
        if (depth == 5) {
            program_free(load_ok("n.js", text, false));
            continue;
        }
        char *err = NULL;
        ck_assert_ptr_null(program_load_text("n.js", text, strlen(text), false, &err));
        ck_assert_ptr_nonnull(err);
        int line = 0, col = 0; /* a finally block's line: 2 to depth + 1 */
        ck_assert_msg(sscanf(err, "n.js:%d:%d:", &line, &col) == 2 && line >= 2 &&
                          line <= depth + 1, "%s", err);
        ck_assert_ptr_nonnull(strstr(err, "error: loopsim does not model finally blocks copied "
                                          "this often"));
        free(err);
    }
}
END_TEST

START_TEST(test_js_and_cjs_files_are_commonjs_scripts)
{
    static const char *const names[] = {"a.js", "dir.x/b.cjs"};
    for (size_t i = 0; i < 2; i++) {
        /* `return` at the top level: Node wraps a CommonJS file in a function */
        ls_program *p = load_ok(names[i], "console.log(1);\nreturn;\n", false);
        ck_assert(!p->esm);
        ck_assert(!p->js->module);
        ck_assert_ptr_null(p->scenario);
        ck_assert_ptr_null(p->title);
        ck_assert_ptr_null(p->description);
        ck_assert_str_eq(p->file, names[i]);
        ck_assert_str_eq(p->source, "console.log(1);\nreturn;\n");
        ck_assert_uint_eq(p->costs_set, 0);
        ls_costs defaults;
        costs_defaults(&defaults);
        ck_assert(memcmp(&p->costs, &defaults, sizeof defaults) == 0);
        program_free(p);
    }
}
END_TEST

START_TEST(test_unmodelled_modules_are_refused_before_the_run_at_their_name)
{
    /* even where the run would never get to it: refused by its literal name */
    load_fails("q.js", "if (false) {\n  require('os');\n}\n",
               "q.js:2:11: error: loopsim does not model the module 'os' (docs/modules.md lists "
               "the modules it does)\n");
    load_fails("q.mjs", "import x from './x.mjs';\n",
               "q.mjs:1:15: error: loopsim runs one file: it does not load './x.mjs' (only "
               "Node's builtin modules, those docs/modules.md lists)\n");
    load_fails("q.mjs", "export * from 'node:https';\n",
               "q.mjs:1:15: error: loopsim does not model the module 'node:https' "
               "(docs/modules.md lists the modules it does)\n");
    /* modelled ones load, whatever the version (a later Node's module is MODULE_NOT_FOUND at
     * run time on an earlier one, as there) */
    program_free(load_ok("q.js", "require('timers/promises'); require('node:events');\n", false));
    /* a computed name is left to the run */
    program_free(load_ok("q.js", "const m = 'os'; require(m);\n", false));
}
END_TEST

START_TEST(test_mjs_files_are_es_modules)
{
    ls_program *p = load_ok("m.mjs", "await null;\nconsole.log(1);\n", false);
    ck_assert(p->esm);
    ck_assert(p->js->module);
    program_free(p);
    /* a module's top level is not a function: no `return` there */
    load_fails("m.mjs", "return;", "m.mjs:1:1: error: SyntaxError: Illegal return statement\n");
}
END_TEST

START_TEST(test_json_and_other_extensions_are_scenarios)
{
    static const char *const names[] = {"s.json", "s.txt"};
    for (size_t i = 0; i < 2; i++) {
        ls_program *p = load_ok(names[i], MAIN("{\"console.log\": 1}"), false);
        ck_assert_ptr_nonnull(p->scenario);
        ck_assert(strstr(p->source, "console.log(1);\n") != NULL);
        program_free(p);
    }
}
END_TEST

START_TEST(test_without_extension_a_brace_means_json)
{
    ls_program *p = load_ok("stdin", " \n" MAIN("{\"console.log\": 1}"), false);
    ck_assert_ptr_nonnull(p->scenario);
    program_free(p);
    p = load_ok("stdin", "console.log(1)", false);
    ck_assert_ptr_null(p->scenario);
    ck_assert(!p->esm);
    program_free(p);
}
END_TEST

START_TEST(test_json_flag_overrides_the_extension)
{
    ls_program *p = load_ok("x.js", MAIN("{\"console.log\": 1}"), true);
    ck_assert_ptr_nonnull(p->scenario);
    program_free(p);
}
END_TEST

START_TEST(test_file_is_read_by_its_extension_unless_esm_is_forced)
{
    char *err = NULL;
    ck_assert_ptr_null(program_load_file("/nonexistent/x.js", &err));
    ck_assert_str_eq(err, "/nonexistent/x.js: error: cannot open: No such file or directory\n");
    free(err);

    char dir[] = "/tmp/test_program_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64], js_path[64];
    snprintf(path, sizeof path, "%s/a.mjs", dir);
    snprintf(js_path, sizeof js_path, "%s/a.js", dir);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("\xEF\xBB\xBFlet x = 1;\n", f); /* a byte order mark, which Node strips */
    fclose(f);
    ls_program *p = program_load_file(path, &err);
    ck_assert_msg(p != NULL, "%s", err);
    ck_assert(p->esm);
    ck_assert_str_eq(p->file, path);
    ck_assert_str_eq(p->source, "let x = 1;\n");
    program_free(p);
    /* --esm: a .js file as a module */
    ck_assert_int_eq(rename(path, js_path), 0);
    p = program_load_file_as(js_path, true, &err);
    ck_assert_msg(p != NULL, "%s", err);
    ck_assert(p->esm && p->js->module);
    program_free(p);
    remove(js_path);
    /* --esm: a JSON scenario as "module": "esm", in its tree too (emit-js prints the module) */
    snprintf(path, sizeof path, "%s/s.json", dir);
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(MAIN("{\"busy\": 1}"), f);
    fclose(f);
    p = program_load_file_as(path, true, &err);
    ck_assert_msg(p != NULL, "%s", err);
    ck_assert(p->esm && p->js->module && p->scenario->esm);
    ck_assert(strstr(p->source, "import { performance } from 'perf_hooks';\n") != NULL);
    program_free(p);
    remove(path);
    rmdir(dir);
}
END_TEST

/* ---- a JSON scenario's JavaScript ---- */

START_TEST(test_json_scenario_copies_title_timing_and_module)
{
    ls_program *p = load_ok("s.json",
                            "{\"loopsim\": 1, \"title\": \"T\", \"description\": \"D\", \"module\": \"esm\", "
                            "\"timing\": {\"first_log_ms\": 3}, \"main\": [{\"console.log\": 1}]}",
                            false);
    ck_assert_str_eq(p->title, "T");
    ck_assert_str_eq(p->description, "D");
    ck_assert(p->esm && p->js->module);
    ck_assert(p->costs.first_log.ms == 3);
    ck_assert_uint_ne(p->costs_set, 0);
    program_free(p);
}
END_TEST

START_TEST(test_busy_wait_becomes_a_performance_now_loop)
{
    ls_program *p = load_ok("s.json", MAIN("{\"busy\": 2.5}"), false);
    ck_assert_msg(strstr(p->source, "const { performance } = require('perf_hooks');\n") != NULL,
                  "%s", p->source);
    ck_assert_msg(strstr(p->source, "{ const __s = performance.now(); while (performance.now() - __s < 2.5) {} }\n")
                      != NULL, "%s", p->source);
    ck_assert_ptr_null(strstr(p->source, "hrtime"));
    program_free(p);
    /* an ES module imports it */
    p = load_ok("s.json", "{\"loopsim\": 1, \"module\": \"esm\", \"main\": [{\"busy\": 1}]}", false);
    ck_assert(strstr(p->source, "import { performance } from 'perf_hooks';\n") != NULL);
    program_free(p);
    /* no busy-wait, no perf_hooks */
    p = load_ok("s.json", MAIN("{\"console.log\": 1}"), false);
    ck_assert_ptr_null(strstr(p->source, "perf_hooks"));
    program_free(p);
}
END_TEST

START_TEST(test_fs_timing_is_found_by_the_line_of_the_call)
{
    ls_program *p = load_ok("s.json",
                            MAIN("{\"fs.stat\": []}, "
                                 "{\"setTimeout\": [{\"fs.readFile\": [], \"trips\": 2, \"latency_ms\": 0.5}]}"),
                            false);
    ck_assert_uint_eq(p->nfs_sites, 1); /* only the call with timing of its own */
    uint32_t line = 1;
    const char *call = strstr(p->source, "fs.readFile(");
    ck_assert_ptr_nonnull(call);
    for (const char *c = p->source; c < call; c++)
        line += *c == '\n';
    ck_assert_uint_eq(p->fs_sites[0].line, line);
    ck_assert_int_eq(p->fs_sites[0].trips, 2);
    ck_assert(p->fs_sites[0].latency_ms == 0.5);
    program_free(p);
}
END_TEST

START_TEST(test_json_errors_are_the_loaders)
{
    load_fails("s.json", MAIN("{\"setTimout\": []}"),
               "s.json: $.main[0]: error: unknown operation \"setTimout\"; did you mean \"setTimeout\"?\n");
}
END_TEST

/* ---- "source": JavaScript text in a JSON scenario ---- */

START_TEST(test_source_is_compiled_as_it_is)
{
    ls_program *p = load_ok("s.json",
                            "{\"loopsim\": 1, \"title\": \"T\", \"source\": \"console.log(1);\\nreturn;\"}",
                            false);
    ck_assert_str_eq(p->source, "console.log(1);\nreturn;");
    ck_assert_str_eq(p->title, "T");
    ck_assert_str_eq(p->file, "s.json");
    ck_assert(!p->esm);
    ck_assert_ptr_nonnull(p->scenario);
    program_free(p);
    p = load_ok("s.json", "{\"loopsim\": 1, \"module\": \"esm\", \"source\": \"await 1;\"}", false);
    ck_assert(p->esm && p->js->module);
    program_free(p);
}
END_TEST

START_TEST(test_source_and_main_together_are_an_error_at_source)
{
    load_fails("s.json", "{\"loopsim\": 1, \"main\": [], \"source\": \"1\"}",
               "s.json: $.source: error: expected \"source\" alone as the program (JavaScript text), found "
               "\"main\" too (a program written as JSON); keep one of them (where a scenario comes from, once "
               "\"source\", is now \"from\")\n");
}
END_TEST

START_TEST(test_source_syntax_error_points_into_the_json_file)
{
    /* line 3 of the JSON file; the source's second line starts after the \n escape, at column 26 */
    load_fails("s.json", "{\n  \"loopsim\": 1,\n  \"source\": \"let a = 1;\\nlet = ;\"\n}\n",
               "s.json:3:32: error: SyntaxError: Unexpected token ';'\n");
}
END_TEST

START_TEST(test_source_compile_error_points_into_the_json_file)
{
    /* `with` is at column 33: after the \n and \t escapes, two characters each */
    load_fails("s.json", "{\"loopsim\": 1, \"source\": \"1;\\n\\twith (a) {}\"}",
               "s.json:1:33: error: loopsim does not model the with statement\n");
}
END_TEST

START_TEST(test_old_provenance_source_is_now_parsed_as_javascript)
{
    /* before "from", "source" said where a scenario came from: such a file no longer loads */
    load_fails("s.json", "{\"loopsim\": 1, \"source\": \"reference p2a\"}",
               "s.json:1:37: error: SyntaxError: Unexpected identifier 'p2a'\n");
}
END_TEST

/* ---- "script": a JavaScript file named by a JSON scenario ---- */

/* A temporary directory for files, removed (with what the test put in it) by rm_tree. */
typedef struct {
    char dir[64];
    char paths[8][128];
    int n;
} tree;

static const char *put(tree *t, const char *name, const char *text)
{
    ck_assert_int_lt(t->n, 8);
    char *path = t->paths[t->n++];
    char dir[sizeof t->dir];
    memcpy(dir, t->dir, sizeof dir); /* (path and dir are both in *t: -Wrestrict) */
    snprintf(path, 128, "%s/%s", dir, name);
    char *slash = strrchr(path, '/');
    *slash = '\0';
    mkdir(path, 0700); /* a subdirectory, or the directory itself (EEXIST) */
    *slash = '/';
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static void make_tree(tree *t)
{
    snprintf(t->dir, sizeof t->dir, "/tmp/test_program_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(t->dir));
    t->n = 0;
}

static void rm_tree(tree *t)
{
    for (int i = t->n - 1; i >= 0; i--) {
        remove(t->paths[i]);
        char *slash = strrchr(t->paths[i], '/');
        *slash = '\0';
        if (strcmp(t->paths[i], t->dir) != 0)
            rmdir(t->paths[i]); /* fails while not empty */
    }
    rmdir(t->dir);
}

static ls_program *load_file_ok(const char *path)
{
    char *err = NULL;
    ls_program *p = program_load_file(path, &err);
    ck_assert_msg(p != NULL, "expected %s to load, got: %s", path, err ? err : "(no message)");
    ck_assert_ptr_null(err);
    return p;
}

static void load_file_fails(const char *path, const char *want)
{
    char *err = NULL;
    ck_assert_ptr_null(program_load_file(path, &err));
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err, want);
    free(err);
}

START_TEST(test_script_path_is_relative_to_the_scenario)
{
    tree t;
    make_tree(&t);
    const char *js = put(&t, "quizzes/quiz.js", "console.log(1);\nreturn;\n");
    const char *json = put(&t, "runs/s.json",
                           "{\"loopsim\": 1, \"title\": \"T\", \"timing\": {\"first_log_ms\": 3}, "
                           "\"script\": \"../quizzes/quiz.js\"}");
    ls_program *p = load_file_ok(json);
    /* the program is the quiz: its file (__filename, messages), its text, CommonJS */
    char want[160];
    snprintf(want, sizeof want, "%s/runs/../quizzes/quiz.js", t.dir);
    ck_assert_str_eq(p->file, want);
    ck_assert_str_eq(p->source, "console.log(1);\nreturn;\n");
    ck_assert(!p->esm && !p->js->module);
    /* the JSON's title and timing around it */
    ck_assert_str_eq(p->title, "T");
    ck_assert(p->costs.first_log.ms == 3);
    ck_assert_str_eq(p->scenario->file, json);
    ck_assert_str_eq(p->scenario->script, "../quizzes/quiz.js");
    ck_assert_str_eq(p->scenario->script_path, want);
    /* emit-js prints the header, naming the script, and the file */
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_int_eq(emit_js(p->scenario, f), 0);
    fclose(f);
    char head[400];
    snprintf(head, sizeof head, "// Generated by loopsim emit-js from %s\n// Its program is the script %s\n",
             json, want);
    ck_assert_msg(strncmp(buf, head, strlen(head)) == 0, "%s", buf);
    ck_assert_msg(strstr(buf, "\n\nconsole.log(1);\nreturn;\n") != NULL, "%s", buf);
    free(buf);
    program_free(p);
    /* "./" in front adds nothing */
    json = put(&t, "quizzes/s.json", "{\"loopsim\": 1, \"script\": \"./quiz.js\"}");
    p = load_file_ok(json);
    ck_assert_str_eq(p->file, js);
    program_free(p);
    rm_tree(&t);
}
END_TEST

START_TEST(test_absolute_script_path_is_kept)
{
    tree t;
    make_tree(&t);
    const char *js = put(&t, "a/quiz.js", "console.log(1);\n");
    char json_text[256];
    snprintf(json_text, sizeof json_text, "{\"loopsim\": 1, \"script\": \"%s\"}", js);
    const char *json = put(&t, "b/s.json", json_text);
    ls_program *p = load_file_ok(json);
    ck_assert_str_eq(p->file, js);
    program_free(p);
    rm_tree(&t);
}
END_TEST

START_TEST(test_script_of_a_text_is_relative_to_the_current_directory)
{
    tree t;
    make_tree(&t);
    put(&t, "quiz.js", "console.log(1);\n");
    char cwd[4096];
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_int_eq(chdir(t.dir), 0);
    ls_program *p = load_ok("elsewhere/s.json", "{\"loopsim\": 1, \"script\": \"quiz.js\"}", false);
    ck_assert_str_eq(p->file, "quiz.js");
    ck_assert_str_eq(p->source, "console.log(1);\n");
    program_free(p);
    load_fails("elsewhere/s.json", "{\"loopsim\": 1, \"script\": \"none.js\"}",
               "elsewhere/s.json: $.script: error: cannot read 'none.js': No such file or directory\n");
    ck_assert_int_eq(chdir(cwd), 0);
    rm_tree(&t);
}
END_TEST

START_TEST(test_script_module_kind_follows_its_name_and_module)
{
    tree t;
    make_tree(&t);
    put(&t, "m.mjs", "await null;\n");
    put(&t, "c.js", "await null;\n");
    put(&t, "c.cjs", "return;\n");
    const char *mjs = put(&t, "mjs.json", "{\"loopsim\": 1, \"script\": \"m.mjs\"}");
    const char *esm = put(&t, "esm.json", "{\"loopsim\": 1, \"module\": \"esm\", \"script\": \"c.js\"}");
    const char *cjs = put(&t, "cjs.json", "{\"loopsim\": 1, \"script\": \"c.cjs\"}");
    ls_program *p = load_file_ok(mjs);
    ck_assert(p->esm && p->js->module && p->scenario->esm);
    program_free(p);
    p = load_file_ok(esm);
    ck_assert(p->esm && p->js->module);
    program_free(p);
    p = load_file_ok(cjs);
    ck_assert(!p->esm && !p->js->module);
    program_free(p);
    rm_tree(&t);
}
END_TEST

START_TEST(test_script_errors_name_the_script_file)
{
    tree t;
    make_tree(&t);
    const char *js = put(&t, "quiz.js", "let a = 1;\nlet = ;\n");
    const char *with = put(&t, "with.js", "1;\n  with (a) {}\n");
    const char *json = put(&t, "s.json", "{\"loopsim\": 1,\n \"script\": \"quiz.js\"}");
    const char *json2 = put(&t, "t.json", "{\"loopsim\": 1, \"script\": \"with.js\"}");
    char want[256];
    snprintf(want, sizeof want, "%s:2:7: error: SyntaxError: Unexpected token ';'\n", js);
    load_file_fails(json, want);
    snprintf(want, sizeof want, "%s:2:3: error: loopsim does not model the with statement\n", with);
    load_file_fails(json2, want);
    rm_tree(&t);
}
END_TEST

START_TEST(test_missing_script_file_names_the_resolved_path)
{
    tree t;
    make_tree(&t);
    const char *json = put(&t, "s.json", "{\"loopsim\": 1, \"script\": \"quiz.js\"}");
    char want[256];
    snprintf(want, sizeof want,
             "%s: $.script: error: cannot read 'quiz.js' (resolved to %s/quiz.js): No such file or directory\n",
             json, t.dir);
    load_file_fails(json, want);
    rm_tree(&t);
}
END_TEST

START_TEST(test_script_and_source_together_are_an_error)
{
    load_fails("s.json", "{\"loopsim\": 1, \"source\": \"1\", \"script\": \"q.js\"}",
               "s.json: $.source: error: expected \"source\" alone as the program (JavaScript text), found "
               "\"script\" too (a path to a JavaScript file); keep one of them\n");
}
END_TEST

START_TEST(test_unread_script_has_no_javascript_form)
{
    char *err = NULL;
    const char *json = "{\"loopsim\": 1, \"script\": \"q.js\"}";
    ls_scenario *s = loader_load_text("s.json", json, strlen(json), &err);
    ck_assert_msg(s != NULL, "%s", err);
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    ck_assert_int_ne(emit_js(s, f), 0);
    fclose(f);
    ck_assert_msg(strstr(buf, "/* loopsim: cannot emit the script, which has not been read, at $.script */")
                      != NULL, "%s", buf);
    free(buf);
    scenario_free(s);
}
END_TEST

/* ---- JavaScript errors ---- */

START_TEST(test_syntax_error_names_file_line_col_and_syntax_error)
{
    load_fails("x.js", "let a = 1;\nlet = ;\n", "x.js:2:7: error: SyntaxError: Unexpected token ';'\n");
    /* columns count characters, not bytes */
    load_fails("x.js", "'\xc3\xa9\xc3\xa9' )", "x.js:1:6: error: SyntaxError: Unexpected token ')'\n");
}
END_TEST

START_TEST(test_compile_error_names_file_line_col)
{
    load_fails("x.js", "1;\n  with (a) {}", "x.js:2:3: error: loopsim does not model the with statement\n");
}
END_TEST

START_TEST(test_error_without_an_error_pointer_is_still_null)
{
    ck_assert_ptr_null(program_load_text("x.js", "(", 1, false, NULL));
}
END_TEST

/* ---- labels ---- */

START_TEST(test_emitted_functions_start_where_the_label_table_says)
{
    char *err = NULL;
    const char *json = "{\"loopsim\": 1, \"functions\": {\"f\": {\"async\": true, \"body\": []}}, \"main\": ["
                       "{\"setTimeout\": [{\"console.log\": 1}]}, "
                       "{\"setImmediate\": {\"async\": true, \"params\": [\"x\"], \"body\": []}}, "
                       "{\"process.nextTick\": {\"name\": \"tick\", \"body\": [{\"console.log\": 2}]}}]}";
    ls_scenario *s = loader_load_text("s.json", json, strlen(json), &err);
    ck_assert_msg(s != NULL, "%s", err);
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    emit_js_labels labels = {0};
    ck_assert_int_eq(emit_js_with_labels(s, f, &labels), 0);
    fclose(f);
    /* the declaration, then the literals in the order they are printed */
    static const char *const want_label[] = {"f", "anonymous@main[0].setTimeout",
                                             "anonymous@main[1].setImmediate", "tick"};
    static const char *const want_text[] = {"async function f", "() => {", "async function (x) {}",
                                            "function tick() {"};
    ck_assert_uint_eq(labels.len, 4);
    for (size_t i = 0; i < labels.len; i++) {
        ck_assert_str_eq(labels.items[i].label, want_label[i]);
        ck_assert_msg(strncmp(buf + labels.items[i].offset, want_text[i], strlen(want_text[i])) == 0,
                      "at %u: %.20s", labels.items[i].offset, buf + labels.items[i].offset);
        if (i)
            ck_assert_uint_gt(labels.items[i].offset, labels.items[i - 1].offset);
    }
    /* emit_js with labels prints exactly what emit_js prints */
    char *plain = NULL;
    size_t plain_size = 0;
    f = open_memstream(&plain, &plain_size);
    ck_assert_int_eq(emit_js(s, f), 0);
    fclose(f);
    ck_assert_uint_eq(plain_size, size);
    ck_assert(memcmp(plain, buf, size) == 0);
    free(plain);
    free(buf);
    emit_js_labels_free(&labels);
    ck_assert_ptr_null(labels.items);
    scenario_free(s);
}
END_TEST

START_TEST(test_compiled_anonymous_functions_get_their_json_path_labels)
{
    ls_program *p = load_ok("s.json",
                            MAIN("{\"setTimeout\": [{\"console.log\": 1}]}, "
                                 "{\"Promise.resolve\": 1, \"chain\": [{\"then\": {\"params\": [\"v\"], \"body\": []}}]}"),
                            false);
    const char *arrow = strstr(p->source, "setTimeout(");
    ck_assert_ptr_nonnull(arrow);
    arrow += strlen("setTimeout(");
    ck_assert_str_eq(label_starting_at(p, (uint32_t)(arrow - p->source)), "anonymous@main[0].setTimeout");
    const char *then = strstr(p->source, ".then(");
    ck_assert_ptr_nonnull(then);
    then += strlen(".then(");
    ck_assert_str_eq(label_starting_at(p, (uint32_t)(then - p->source)),
                     "anonymous@main[1].chain[0].then");
    program_free(p);
}
END_TEST

START_TEST(test_javascript_files_keep_the_vms_own_labels)
{
    ls_program *p = load_ok("a.js", "setTimeout(() => {}, 0);\nfunction g() {}\n", false);
    ck_assert_str_eq(label_starting_at(p, 11), "anonymous@1:12");
    program_free(p);
}
END_TEST

static Suite *program_suite(void)
{
    Suite *s = suite_create("program");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_js_and_cjs_files_are_commonjs_scripts);
    tcase_add_test(tc, test_finally_blocks_copied_past_the_bound_are_refused_at_the_innermost);
    tcase_add_test(tc, test_a_long_program_without_finally_copies_is_not_bounded);
    tcase_add_test(tc, test_mjs_files_are_es_modules);
    tcase_add_test(tc, test_json_and_other_extensions_are_scenarios);
    tcase_add_test(tc, test_without_extension_a_brace_means_json);
    tcase_add_test(tc, test_json_flag_overrides_the_extension);
    tcase_add_test(tc, test_file_is_read_by_its_extension_unless_esm_is_forced);
    tcase_add_test(tc, test_json_scenario_copies_title_timing_and_module);
    tcase_add_test(tc, test_busy_wait_becomes_a_performance_now_loop);
    tcase_add_test(tc, test_fs_timing_is_found_by_the_line_of_the_call);
    tcase_add_test(tc, test_json_errors_are_the_loaders);
    tcase_add_test(tc, test_source_is_compiled_as_it_is);
    tcase_add_test(tc, test_source_and_main_together_are_an_error_at_source);
    tcase_add_test(tc, test_source_syntax_error_points_into_the_json_file);
    tcase_add_test(tc, test_source_compile_error_points_into_the_json_file);
    tcase_add_test(tc, test_old_provenance_source_is_now_parsed_as_javascript);
    tcase_add_test(tc, test_script_path_is_relative_to_the_scenario);
    tcase_add_test(tc, test_absolute_script_path_is_kept);
    tcase_add_test(tc, test_script_of_a_text_is_relative_to_the_current_directory);
    tcase_add_test(tc, test_script_module_kind_follows_its_name_and_module);
    tcase_add_test(tc, test_script_errors_name_the_script_file);
    tcase_add_test(tc, test_missing_script_file_names_the_resolved_path);
    tcase_add_test(tc, test_script_and_source_together_are_an_error);
    tcase_add_test(tc, test_unread_script_has_no_javascript_form);
    tcase_add_test(tc, test_syntax_error_names_file_line_col_and_syntax_error);
    tcase_add_test(tc, test_compile_error_names_file_line_col);
    tcase_add_test(tc, test_error_without_an_error_pointer_is_still_null);
    tcase_add_test(tc, test_emitted_functions_start_where_the_label_table_says);
    tcase_add_test(tc, test_compiled_anonymous_functions_get_their_json_path_labels);
    tcase_add_test(tc, test_javascript_files_keep_the_vms_own_labels);
    tcase_add_test(tc, test_unmodelled_modules_are_refused_before_the_run_at_their_name);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(program_suite());
}
