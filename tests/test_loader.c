/* test_loader.c - unit tests for the scenario loader (src/process/loader.c), one test per rule. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "loader.h"

/* ---- helpers ---- */

static ls_scenario *load_ok(const char *json)
{
    char *err = NULL;
    ls_scenario *p = loader_load_text("t.json", json, strlen(json), &err);
    ck_assert_msg(p != NULL, "expected success, got: %s", err ? err : "(no message)");
    ck_assert_ptr_null(err);
    return p;
}

/* Loads `json`, which must fail, and checks that the message contains `want`. */
static void load_fails(const char *json, const char *want)
{
    char *err = NULL;
    ls_scenario *p = loader_load_text("t.json", json, strlen(json), &err);
    ck_assert_msg(p == NULL, "expected an error containing '%s', but it loaded", want);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, want) != NULL, "error\n  %s\ndoes not contain\n  %s", err, want);
    size_t n = strlen(err);
    ck_assert_msg(n > 0 && err[n - 1] == '\n', "error does not end in a newline: %s", err);
    ck_assert_msg(strchr(err, '\n') == err + n - 1, "error is more than one line: %s", err);
    free(err);
}

/* Wraps a main script. */
#define MAIN(stmts) "{\"loopsim\": 1, \"main\": [" stmts "]}"
#define WITH_FUNCS(funcs, stmts) "{\"loopsim\": 1, \"functions\": {" funcs "}, \"main\": [" stmts "]}"

static const ls_node *stmt(const ls_scenario *p, size_t i)
{
    ck_assert_uint_gt(p->main->body.len, i);
    return p->main->body.items[i];
}

/* ---- malformed JSON ---- */

START_TEST(test_malformed_json_reports_line_and_column)
{
    load_fails("{\n  \"loopsim\": 1\n  \"main\": []\n}",
               "t.json:3:3: error: malformed JSON: expected ',' or '}', found a string \"main\"\n");
}
END_TEST

START_TEST(test_trailing_comma_in_array_is_rejected)
{
    load_fails("{\"loopsim\": 1, \"main\": [1,]}", "t.json:1:27: error: malformed JSON: expected a JSON value after ',', found ']'");
}
END_TEST

START_TEST(test_trailing_comma_in_object_is_rejected)
{
    load_fails("{\"loopsim\": 1, \"main\": [],\n}", "t.json:2:1: error: malformed JSON: expected a string key after ',', found '}'");
}
END_TEST

START_TEST(test_missing_array_separator_is_rejected)
{
    load_fails(MAIN("{\"console.log\": 1} {\"console.log\": 2}"), "t.json:1:44: error: malformed JSON: expected ',' or ']', found '{'");
}
END_TEST

START_TEST(test_unterminated_string_is_rejected)
{
    load_fails("{\"loopsim\": 1, \"main\": [\"abc", "expected '\"' to close the string that starts at 1:25, found end of file");
    load_fails("{\"loopsim\": 1, \"main\": [\"ab\nc\"]}", "t.json:1:28: error: malformed JSON: expected '\"' to close the string, found a line break");
}
END_TEST

START_TEST(test_misspelt_literal_is_rejected)
{
    load_fails("{\"loopsim\": tru}", "t.json:1:13: error: malformed JSON: expected a JSON value after ':', found 'tru'");
}
END_TEST

START_TEST(test_text_after_document_is_rejected)
{
    load_fails("{\"loopsim\": 1, \"main\": []} x", "t.json:1:28: error: malformed JSON: expected the end of the file after the JSON value, found 'x'");
}
END_TEST

START_TEST(test_unquoted_key_is_rejected)
{
    load_fails("{loopsim: 1}", "t.json:1:2: error: malformed JSON: expected a string key or '}', found 'loopsim'");
}
END_TEST

START_TEST(test_empty_file_is_rejected)
{
    load_fails("", "t.json:1:1: error: empty file");
    load_fails("  \n ", "t.json:2:2: error: empty file");
}
END_TEST

START_TEST(test_column_counts_utf8_characters)
{
    load_fails("{\"title\": \"\xc3\xa9\xc3\xa9\" \"x\"}", "t.json:1:16: error: malformed JSON: expected ',' or '}'");
}
END_TEST

START_TEST(test_nesting_deeper_than_200_levels_is_rejected)
{
    /* each Promise.resolve adds one object level; main adds two (the object, the array) */
    char buf[8192];
    for (int depth = 190; depth <= 210; depth += 20) {
        strcpy(buf, "{\"loopsim\": 1, \"main\": [");
        for (int i = 0; i < depth; i++)
            strcat(buf, "{\"Promise.resolve\": ");
        strcat(buf, "1");
        for (int i = 0; i < depth; i++)
            strcat(buf, "}");
        strcat(buf, "]}");
        if (depth < 200) {
            scenario_free(load_ok(buf));
        } else {
            load_fails(buf, "error: nesting deeper than 200 levels");
        }
    }
}
END_TEST

/* No count of nodes stops a scenario: memory is the only limit (src/base/xalloc.h). */
START_TEST(test_node_count_is_limited_only_by_memory)
{
    size_t n = 1000001;
    char *buf = malloc(2 * n + 64);
    strcpy(buf, "{\"loopsim\": 1, \"main\": [{\"console.log\": [");
    char *o = buf + strlen(buf);
    for (size_t i = 0; i < n; i++) {
        *o++ = '0';
        *o++ = ',';
    }
    o[-1] = '\0';
    strcat(buf, "]}]}");
    ls_scenario *p = load_ok(buf);
    ck_assert_uint_eq(p->main->body.len, 1);
    scenario_free(p);
    free(buf);
}
END_TEST

/* ---- top level ---- */

START_TEST(test_minimal_scenario_loads)
{
    ls_scenario *p = load_ok("{\"loopsim\": 1, \"title\": \"t\", \"description\": \"d\", \"from\": \"s\", \"main\": []}");
    ck_assert_str_eq(p->file, "t.json");
    ck_assert_str_eq(p->title, "t");
    ck_assert_str_eq(p->description, "d");
    ck_assert_ptr_null(p->main->name);
    ck_assert_str_eq(p->main->label, "main");
    ck_assert_str_eq(p->main->path, "$.main");
    ck_assert(!p->main->is_async);
    ck_assert_uint_eq(p->main->body.len, 0);
    ck_assert_uint_eq(p->nfunctions, 0);
    const ls_cost_info *first_log = costs_find("first_log_ms");
    ck_assert(p->costs.first_log.ms == first_log->def); /* costs.def's defaults */
    ck_assert(p->costs.first_log.lo == first_log->lo && p->costs.first_log.hi == first_log->hi);
    ck_assert(p->costs.first_log.lo < p->costs.first_log.hi); /* a range */
    scenario_free(p);
}
END_TEST

START_TEST(test_top_level_must_be_an_object)
{
    load_fails("[1, 2]", "t.json: $: error: expected a scenario object {\"loopsim\": 1, \"main\": [...]}, found an array of 2 elements");
}
END_TEST

START_TEST(test_missing_required_field_is_reported)
{
    load_fails("{\"main\": []}", "t.json: $: error: missing key \"loopsim\"");
    load_fails("{\"loopsim\": 1}", "t.json: $: error: missing key \"main\"");
    load_fails(MAIN("{\"set\": \"x\"}"), "t.json: $.main[0]: error: missing key \"value\"");
    load_fails(MAIN("{\"new EventEmitter\": null, \"as\": \"e\"}, {\"on\": \"x\", \"emitter\": \"e\"}"),
               "t.json: $.main[1]: error: missing key \"listener\"");
    load_fails(MAIN("{\"if\": {\"equals\": [1, 1]}}"), "t.json: $.main[0]: error: missing key \"do\"");
    load_fails(MAIN("{\"setTimeout\": {\"params\": []}}"), "missing key \"body\"");
}
END_TEST

START_TEST(test_loopsim_must_be_1)
{
    load_fails("{\"loopsim\": 2, \"main\": []}", "t.json: $.loopsim: error: expected 1 (the only format version), found a number (2)");
    load_fails("{\"loopsim\": \"1\", \"main\": []}", "found a string \"1\"");
}
END_TEST

START_TEST(test_unknown_top_level_key_gets_suggestion)
{
    load_fails("{\"loopsim\": 1, \"mian\": []}", "t.json: $: error: unknown key \"mian\"; did you mean \"main\"?");
    load_fails("{\"loopsim\": 1, \"main\": [], \"zzzzzz\": 1}", "unknown key \"zzzzzz\" in the scenario (allowed:");
}
END_TEST

START_TEST(test_main_must_be_a_statement_list)
{
    load_fails("{\"loopsim\": 1, \"main\": {}}", "t.json: $.main: error: expected a statement list (an array of expressions), found an empty object");
}
END_TEST

/* ---- operations and keys ---- */

START_TEST(test_misspelt_operation_gets_suggestion)
{
    load_fails(MAIN("{\"setTimout\": [], \"delay\": 1}"), "t.json: $.main[0]: error: unknown operation \"setTimout\"; did you mean \"setTimeout\"?\n");
    load_fails(MAIN("{\"procces.nextTick\": []}"), "did you mean \"process.nextTick\"?");
}
END_TEST

START_TEST(test_case_mismatch_gets_suggestion)
{
    load_fails(MAIN("{\"settimeout\": []}"), "unknown operation \"settimeout\"; did you mean \"setTimeout\"?");
}
END_TEST

START_TEST(test_unknown_operation_without_close_match_has_no_suggestion)
{
    load_fails(MAIN("{\"fetchUrl\": []}"), "t.json: $.main[0]: error: unknown operation \"fetchUrl\"\n");
}
END_TEST

START_TEST(test_misspelt_key_gets_suggestion)
{
    load_fails(MAIN("{\"setTimeout\": [], \"delya\": 1}"), "t.json: $.main[0]: error: unknown key \"delya\"; did you mean \"delay\"?\n");
}
END_TEST

START_TEST(test_unknown_key_lists_allowed_keys)
{
    load_fails(MAIN("{\"setImmediate\": [], \"priority\": 1}"),
               "unknown key \"priority\" for \"setImmediate\" (allowed: \"args\", \"unref\", \"as\", \"chain\")");
}
END_TEST

START_TEST(test_two_operations_in_one_object_are_rejected)
{
    load_fails(MAIN("{\"setTimeout\": [], \"setImmediate\": []}"),
               "t.json: $.main[0]: error: two operations in one object: \"setTimeout\" and \"setImmediate\"");
}
END_TEST

START_TEST(test_object_without_operation_is_rejected)
{
    load_fails(MAIN("{\"delay\": 1}"), "t.json: $.main[0]: error: expected an expression (an object with one operation key");
    load_fails(MAIN("{\"then\": []}"), "\"then\" is a chain step");
    load_fails(MAIN("1"), "t.json: $.main[0]: error: expected an expression");
}
END_TEST

START_TEST(test_duplicate_key_is_rejected)
{
    load_fails(MAIN("{\"setTimeout\": [], \"delay\": 1, \"delay\": 2}"), "t.json: $.main[0]: error: duplicate key \"delay\"");
}
END_TEST

START_TEST(test_wrong_type_reports_what_was_found)
{
    load_fails(MAIN("{\"setTimeout\": 5}"),
               "t.json: $.main[0].setTimeout: error: expected a callback (a statement list, a function object, a function name or {\"expr\": ...}), found a number (5)");
    load_fails(MAIN("{\"busy\": \"abc\"}"), "t.json: $.main[0].busy: error: expected a number of milliseconds from 0 to 3600000, found a string \"abc\"");
    load_fails(MAIN("{\"setTimeout\": {\"x\": 1, \"y\": 2}}"), "found an object with keys \"x\", \"y\"");
    load_fails(MAIN("{\"console.log\": [[1]]}"), "t.json: $.main[0].console.log[0]: error: expected a value");
    load_fails(MAIN("{\"setTimeout\": [], \"unref\": 1}"), "t.json: $.main[0].unref: error: expected true or false, found a number (1)");
    load_fails(MAIN("{\"Promise.all\": 1}"), "t.json: $.main[0].Promise.all: error: expected an array of values, found a number (1)");
}
END_TEST

START_TEST(test_long_strings_are_shortened_in_messages)
{
    load_fails(MAIN("{\"busy\": \"0123456789012345678901234567890123456789abcdef\"}"),
               "found a string \"0123456789012345678901234567890123456789\"...\n");
}
END_TEST

START_TEST(test_reserved_names_cannot_be_declared)
{
    load_fails(MAIN("{\"let\": \"fs\", \"value\": 1}"), "t.json: $.main[0].let: error: expected a name that is not a JavaScript keyword");
    load_fails(MAIN("{\"let\": \"a b\"}"), "expected a JavaScript identifier");
    load_fails(MAIN("{\"Promise.resolve\": 1, \"as\": \"new\"}"), "t.json: $.main[0].as: error:");
}
END_TEST

/* ---- await ---- */

START_TEST(test_await_outside_async_is_rejected)
{
    load_fails(MAIN("{\"await\": 1}"), "t.json: $.main[0]: error: \"await\" is only allowed in an async function, and main is not async");
    load_fails(MAIN("{\"setTimeout\": [{\"await\": 1}]}"),
               "t.json: $.main[0].setTimeout[0]: error: \"await\" is only allowed in an async function, and anonymous@main[0].setTimeout is not async");
    load_fails(WITH_FUNCS("\"f\": [{\"await\": 1}]", ""), "t.json: $.functions.f[0]: error: \"await\"");
}
END_TEST

START_TEST(test_await_in_async_function_is_accepted)
{
    ls_scenario *p = load_ok(WITH_FUNCS(
        "\"f\": {\"async\": true, \"body\": [{\"await\": 1, \"as\": \"v\"},"
        " {\"if\": {\"equals\": [{\"var\": \"v\"}, 1]}, \"do\": [{\"await\": 2}]}]}",
        "{\"call\": \"f\"}"));
    ck_assert(p->functions[0]->is_async);
    ck_assert_int_eq(p->functions[0]->body.items[0]->kind, LS_N_AWAIT);
    ck_assert_str_eq(p->functions[0]->body.items[0]->bind, "v");
    scenario_free(p);
}
END_TEST

START_TEST(test_await_in_non_async_callback_inside_async_function_is_rejected)
{
    load_fails(WITH_FUNCS("\"f\": {\"async\": true, \"body\": [{\"setTimeout\": [{\"await\": 1}]}]}", ""),
               "t.json: $.functions.f.body[0].setTimeout[0]: error: \"await\"");
}
END_TEST

/* ---- scope analysis ---- */

START_TEST(test_call_of_undefined_function_is_rejected)
{
    load_fails(MAIN("{\"call\": \"foo\"}"), "t.json: $.main[0]: error: unknown function \"foo\"");
    load_fails(WITH_FUNCS("\"greet\": []", "{\"call\": \"gret\"}"), "unknown function \"gret\"; did you mean \"greet\"?");
    load_fails(MAIN("{\"setTimeout\": \"tick\"}"), "t.json: $.main[0].setTimeout: error: unknown function or variable \"tick\"");
}
END_TEST

START_TEST(test_unknown_variable_is_rejected)
{
    load_fails(MAIN("{\"let\": \"count\", \"value\": 0}, {\"console.log\": {\"var\": \"cont\"}}"),
               "t.json: $.main[1].console.log.var: error: unknown variable \"cont\"; did you mean \"count\"?");
}
END_TEST

START_TEST(test_set_and_increment_of_unknown_variable_are_rejected)
{
    load_fails(MAIN("{\"set\": \"x\", \"value\": 1}"), "t.json: $.main[0]: error: unknown variable \"x\"");
    load_fails(MAIN("{\"increment\": \"n\"}"), "t.json: $.main[0]: error: unknown variable \"n\"");
}
END_TEST

START_TEST(test_clear_of_unknown_timer_is_rejected)
{
    load_fails(MAIN("{\"setTimeout\": [], \"as\": \"timer\"}, {\"clearTimeout\": {\"var\": \"timr\"}}"),
               "unknown variable \"timr\"; did you mean \"timer\"?");
    load_fails(MAIN("{\"clearInterval\": {\"var\": \"i\"}}"), "unknown variable \"i\"");
    load_fails(MAIN("{\"clearImmediate\": {\"var\": \"i\"}}"), "unknown variable \"i\"");
    load_fails(MAIN("{\"unref\": {\"var\": \"i\"}}"), "unknown variable \"i\"");
    load_fails(MAIN("{\"ref\": {\"var\": \"i\"}}"), "unknown variable \"i\"");
    load_fails(MAIN("{\"refresh\": {\"var\": \"i\"}}"), "unknown variable \"i\"");
}
END_TEST

START_TEST(test_handles_of_unknown_variables_are_rejected)
{
    load_fails(MAIN("{\"listen\": \"srv\"}"), "t.json: $.main[0].listen: error: unknown variable \"srv\"");
    load_fails(MAIN("{\"destroy\": \"sock\"}"), "unknown variable \"sock\"");
    load_fails(MAIN("{\"close\": \"srv\"}"), "unknown variable \"srv\"");
    load_fails(MAIN("{\"net.connect\": \"srv\"}"), "unknown variable \"srv\"");
    load_fails(MAIN("{\"emit\": \"x\", \"emitter\": \"e\"}"), "t.json: $.main[0].emitter: error: unknown variable \"e\"");
    load_fails(MAIN("{\"on\": \"x\", \"emitter\": \"e\", \"listener\": []}"), "unknown variable \"e\"");
}
END_TEST

START_TEST(test_closures_see_enclosing_names)
{
    ls_scenario *p = load_ok(MAIN(
        "{\"let\": \"n\", \"value\": 0},"
        "{\"setTimeout\": {\"params\": [\"x\"], \"body\": ["
        "  {\"process.nextTick\": [{\"console.log\": [{\"var\": \"x\"}, {\"var\": \"n\"}, {\"var\": \"later\"}]}]}"
        "]}},"
        "{\"Promise.resolve\": 1, \"as\": \"later\"}"));
    scenario_free(p);
}
END_TEST

START_TEST(test_let_inside_if_is_visible_in_the_whole_function)
{
    ls_scenario *p = load_ok(MAIN("{\"if\": {\"less\": [1, 2]}, \"do\": [{\"let\": \"k\", \"value\": 1}]}, {\"increment\": \"k\"}"));
    scenario_free(p);
}
END_TEST

START_TEST(test_names_inside_nested_functions_are_not_visible_outside)
{
    load_fails(MAIN("{\"setTimeout\": [{\"let\": \"inner\", \"value\": 1}]}, {\"console.log\": {\"var\": \"inner\"}}"),
               "t.json: $.main[1].console.log.var: error: unknown variable \"inner\"");
}
END_TEST

START_TEST(test_declared_functions_are_visible_everywhere)
{
    ls_scenario *p = load_ok(WITH_FUNCS("\"a\": [{\"call\": \"b\"}], \"b\": [{\"setTimeout\": \"a\"}]",
                                       "{\"call\": \"b\"}, {\"setImmediate\": \"a\"}"));
    ck_assert_uint_eq(p->nfunctions, 2);
    scenario_free(p);
}
END_TEST

START_TEST(test_declared_functions_see_main_variables)
{
    ls_scenario *p = load_ok(WITH_FUNCS("\"f\": [{\"increment\": \"hits\"}]", "{\"let\": \"hits\", \"value\": 0}, {\"call\": \"f\"}"));
    scenario_free(p);
}
END_TEST

START_TEST(test_executor_params_are_in_scope)
{
    ls_scenario *p = load_ok(MAIN("{\"new Promise\": {\"params\": [\"resolve\", \"reject\"], \"body\": [{\"call\": \"resolve\", \"args\": [1]}]}}"));
    const ls_node *n = stmt(p, 0);
    ck_assert_int_eq(n->kind, LS_N_NEW_PROMISE);
    ck_assert_int_eq(n->cb->kind, LS_N_FUNCTION);
    ck_assert_uint_eq(n->cb->fn->nparams, 2);
    ck_assert_str_eq(n->cb->fn->params[1], "reject");
    scenario_free(p);
    load_fails(MAIN("{\"new Promise\": [{\"call\": \"resolve\"}]}"), "unknown function \"resolve\"");
}
END_TEST

START_TEST(test_main_variable_may_not_reuse_a_function_name)
{
    load_fails(WITH_FUNCS("\"f\": []", "{\"let\": \"f\", \"value\": 1}"), "t.json: $.main[0]: error: \"f\" is already declared in \"functions\"");
}
END_TEST

START_TEST(test_duplicate_parameter_is_rejected)
{
    load_fails(MAIN("{\"setTimeout\": {\"params\": [\"a\", \"a\"], \"body\": []}}"), "t.json: $.main[0].setTimeout.params[1]: error: duplicate parameter \"a\"");
}
END_TEST

/* ---- synchronous call cycles ---- */

START_TEST(test_sync_call_cycle_is_named)
{
    load_fails(WITH_FUNCS("\"f\": [{\"call\": \"g\"}], \"g\": [{\"console.log\": 1}, {\"call\": \"f\"}]", "{\"call\": \"f\"}"),
               "t.json: $.functions.g[1]: error: synchronous call cycle: f -> g -> f");
}
END_TEST

START_TEST(test_self_recursion_is_a_cycle)
{
    load_fails(WITH_FUNCS("\"f\": {\"body\": [{\"console.log\": {\"call\": \"f\"}}]}", ""),
               "t.json: $.functions.f.body[0].console.log: error: synchronous call cycle: f -> f");
}
END_TEST

START_TEST(test_guarded_recursion_is_not_a_cycle)
{
    ls_scenario *p = load_ok(WITH_FUNCS(
        "\"f\": [{\"increment\": \"n\"}, {\"if\": {\"less\": [{\"var\": \"n\"}, 3]}, \"do\": [{\"call\": \"f\"}]}]",
        "{\"let\": \"n\", \"value\": 0}, {\"call\": \"f\"}"));
    scenario_free(p);
}
END_TEST

START_TEST(test_calls_through_callbacks_are_not_cycles)
{
    ls_scenario *p = load_ok(WITH_FUNCS("\"f\": [{\"setTimeout\": [{\"call\": \"f\"}]}, {\"process.nextTick\": \"f\"}]", ""));
    scenario_free(p);
}
END_TEST

START_TEST(test_calls_after_await_or_return_are_not_cycles)
{
    ls_scenario *p = load_ok(WITH_FUNCS(
        "\"f\": {\"async\": true, \"body\": [{\"await\": null}, {\"call\": \"f\"}]},"
        "\"g\": [{\"return\": 1}, {\"call\": \"g\"}]", ""));
    scenario_free(p);
}
END_TEST

START_TEST(test_shadowed_function_name_is_not_a_cycle)
{
    ls_scenario *p = load_ok(WITH_FUNCS("\"f\": {\"params\": [\"g\"], \"body\": [{\"call\": \"g\"}]}, \"g\": [{\"call\": \"f\", \"args\": [1]}]", ""));
    scenario_free(p);
}
END_TEST

/* ---- timing ---- */

START_TEST(test_timing_overrides_costs)
{
    ls_scenario *p = load_ok("{\"loopsim\": 1, \"timing\": {\"clock_phase_ms\": 0.9, \"first_log_ms\": 5}, \"main\": []}");
    ck_assert(p->costs.clock_phase.ms == 0.9);
    ck_assert(p->costs.clock_phase.lo == 0.9 && p->costs.clock_phase.hi == 0.9); /* pinned */
    ck_assert(p->costs.first_log.ms == 5.0);
    ck_assert(p->costs.log.ms == 0.10);
    scenario_free(p);
    p = load_ok("{\"loopsim\": 1, \"timing\": {\"log_ms\": [0.05, 0.5]}, \"main\": []}");
    ck_assert(p->costs.log.lo == 0.05 && p->costs.log.hi == 0.5);
    ck_assert(p->costs.log.ms == 0.10); /* the default, inside the range */
    scenario_free(p);
}
END_TEST

START_TEST(test_unknown_timing_key_gets_suggestion)
{
    load_fails("{\"loopsim\": 1, \"timing\": {\"first_log\": 3}, \"main\": []}",
               "t.json: $.timing: error: unknown timing key \"first_log\"; did you mean \"first_log_ms\"?");
    load_fails("{\"loopsim\": 1, \"timing\": {\"log_sm\": 3}, \"main\": []}", "did you mean \"log_ms\"?");
}
END_TEST

START_TEST(test_bad_timing_value_is_rejected)
{
    load_fails("{\"loopsim\": 1, \"timing\": {\"clock_phase_ms\": 1}, \"main\": []}",
               "t.json: $.timing.clock_phase_ms: error: expected a number of milliseconds from 0 up to (not including) 1, found a number (1)");
    load_fails("{\"loopsim\": 1, \"timing\": {\"log_ms\": -1}, \"main\": []}", "t.json: $.timing.log_ms: error: expected a number of milliseconds from 0 to 3600000");
    load_fails("{\"loopsim\": 1, \"timing\": {\"log_ms\": \"fast\"}, \"main\": []}", "found a string \"fast\"");
}
END_TEST

/* ---- the tree ---- */

START_TEST(test_function_labels_and_paths)
{
    ls_scenario *p = load_ok(WITH_FUNCS(
        "\"decl\": [], \"obj\": {\"body\": [], \"async\": true}",
        "{\"setTimeout\": []},"
        "{\"setImmediate\": {\"name\": \"imm1\", \"body\": []}},"
        "{\"new Promise\": []}"));
    ck_assert_str_eq(p->functions[0]->name, "decl");
    ck_assert_str_eq(p->functions[0]->label, "decl");
    ck_assert_str_eq(p->functions[0]->path, "$.functions.decl");
    ck_assert(!p->functions[0]->is_arrow);
    ck_assert(p->functions[1]->is_async);
    const ls_func *f0 = stmt(p, 0)->cb->fn;
    ck_assert_ptr_null(f0->name);
    ck_assert_str_eq(f0->label, "anonymous@main[0].setTimeout");
    ck_assert_str_eq(f0->path, "$.main[0].setTimeout");
    ck_assert(f0->is_arrow);
    const ls_func *f1 = stmt(p, 1)->cb->fn;
    ck_assert_str_eq(f1->name, "imm1");
    ck_assert_str_eq(f1->label, "imm1");
    ck_assert(!f1->is_arrow);
    ck_assert_str_eq(stmt(p, 2)->cb->fn->path, "$.main[2]['new Promise']");
    ck_assert_str_eq(stmt(p, 2)->path, "$.main[2]");
    scenario_free(p);
}
END_TEST

START_TEST(test_chain_desugars_left_to_right)
{
    ls_scenario *p = load_ok(MAIN(
        "{\"Promise.reject\": 1, \"as\": \"p\", \"chain\": ["
        " {\"then\": [], \"onRejected\": \"h\"}, {\"catch\": \"h\"}, {\"finally\": []}]},"
        "{\"let\": \"h\", \"value\": null}"));
    const ls_node *fin = stmt(p, 0);
    ck_assert_int_eq(fin->kind, LS_N_FINALLY);
    ck_assert_str_eq(fin->bind, "p");
    ck_assert_str_eq(fin->path, "$.main[0].chain[2].finally");
    const ls_node *cat = fin->a;
    ck_assert_int_eq(cat->kind, LS_N_CATCH);
    ck_assert_ptr_null(cat->bind);
    ck_assert_int_eq(cat->cb->kind, LS_N_VAR);
    const ls_node *then = cat->a;
    ck_assert_int_eq(then->kind, LS_N_THEN);
    ck_assert_str_eq(then->path, "$.main[0].chain[0].then");
    ck_assert_int_eq(then->cb->kind, LS_N_FUNCTION);
    ck_assert_str_eq(then->cb->fn->label, "anonymous@main[0].chain[0].then");
    ck_assert_str_eq(then->cb2->name, "h");
    const ls_node *recv = then->a;
    ck_assert_int_eq(recv->kind, LS_N_PROMISE_REJECT);
    ck_assert_ptr_null(recv->bind);
    ck_assert_str_eq(recv->path, "$.main[0]");
    scenario_free(p);
    load_fails(MAIN("{\"Promise.resolve\": 1, \"chain\": [{\"then\": [], \"catch\": []}]}"),
               "t.json: $.main[0].chain[0]: error: two operations in one object: \"then\" and \"catch\"");
    load_fails(MAIN("{\"Promise.resolve\": 1, \"chain\": [{\"thn\": []}]}"), "unknown key \"thn\"; did you mean \"then\"?");
}
END_TEST

START_TEST(test_callback_forms)
{
    ls_scenario *p = load_ok(WITH_FUNCS("\"f\": []",
        "{\"setTimeout\": [{\"console.log\": 1}]},"
        "{\"setTimeout\": {\"params\": [\"a\"], \"async\": true, \"body\": []}},"
        "{\"setTimeout\": \"f\"},"
        "{\"Promise.resolve\": 1, \"chain\": [{\"then\": {\"expr\": {\"console.log\": \"x\"}}}]},"
        "{\"setTimeout\": {\"var\": \"f\"}}"));
    ck_assert_int_eq(stmt(p, 0)->cb->kind, LS_N_FUNCTION);
    ck_assert(stmt(p, 0)->cb->fn->is_arrow);
    ck_assert_uint_eq(stmt(p, 0)->cb->fn->nparams, 0);
    ck_assert_uint_eq(stmt(p, 0)->cb->fn->body.len, 1);
    ck_assert(stmt(p, 1)->cb->fn->is_async);
    ck_assert(!stmt(p, 1)->cb->fn->is_arrow);
    ck_assert_str_eq(stmt(p, 1)->cb->fn->params[0], "a");
    ck_assert_int_eq(stmt(p, 2)->cb->kind, LS_N_VAR);
    ck_assert_str_eq(stmt(p, 2)->cb->name, "f");
    ck_assert_int_eq(stmt(p, 3)->cb->kind, LS_N_LOG);
    ck_assert_str_eq(stmt(p, 3)->cb->path, "$.main[3].chain[0].then.expr");
    ck_assert_int_eq(stmt(p, 4)->cb->kind, LS_N_VAR);
    scenario_free(p);
    load_fails(MAIN("{\"setTimeout\": [], \"extra\": {\"body\": [], \"bdy\": 1}}"), "unknown key \"extra\"");
    load_fails(MAIN("{\"setTimeout\": {\"body\": [], \"parms\": []}}"), "t.json: $.main[0].setTimeout: error: unknown key \"parms\"; did you mean \"params\"?");
}
END_TEST

START_TEST(test_values)
{
    ls_scenario *p = load_ok(MAIN(
        "{\"console.log\": [\"s\", 1.5, true, null, {\"undefined\": true}, {\"Promise.resolve\": 1, \"as\": \"q\"}, {\"var\": \"q\"}]}"));
    const ls_node *n = stmt(p, 0);
    ck_assert_uint_eq(n->nargs, 7);
    ck_assert_int_eq(n->args[0]->lit.kind, LS_LIT_STRING);
    ck_assert_str_eq(n->args[0]->lit.string, "s");
    ck_assert_int_eq(n->args[1]->lit.kind, LS_LIT_NUMBER);
    ck_assert(n->args[1]->lit.number == 1.5);
    ck_assert_int_eq(n->args[2]->lit.kind, LS_LIT_BOOL);
    ck_assert(n->args[2]->lit.boolean);
    ck_assert_int_eq(n->args[3]->lit.kind, LS_LIT_NULL);
    ck_assert_int_eq(n->args[4]->kind, LS_N_LITERAL);
    ck_assert_int_eq(n->args[4]->lit.kind, LS_LIT_UNDEFINED);
    ck_assert_int_eq(n->args[5]->kind, LS_N_PROMISE_RESOLVE);
    ck_assert_str_eq(n->args[5]->bind, "q");
    ck_assert_int_eq(n->args[6]->kind, LS_N_VAR);
    scenario_free(p);
    load_fails(MAIN("{\"console.log\": {\"undefined\": false}}"), "t.json: $.main[0].console.log.undefined: error: expected true, found false");
}
END_TEST

START_TEST(test_console_log_single_value_is_one_argument)
{
    ls_scenario *p = load_ok(MAIN("{\"console.log\": \"a\"}, {\"console.log\": [\"a\", \"b\"]}"));
    ck_assert_uint_eq(stmt(p, 0)->nargs, 1);
    ck_assert_uint_eq(stmt(p, 1)->nargs, 2);
    scenario_free(p);
}
END_TEST

START_TEST(test_delay_is_kept_raw)
{
    ls_scenario *p = load_ok(MAIN(
        "{\"setTimeout\": [], \"delay\": 1.7},"
        "{\"setTimeout\": [], \"delay\": \"2\"},"
        "{\"setInterval\": [], \"delay\": [[3]]},"
        "{\"setTimeout\": [], \"delay\": null},"
        "{\"setTimeout\": [], \"args\": [1, 2], \"unref\": true}"));
    ck_assert(stmt(p, 0)->has_delay);
    ck_assert(stmt(p, 0)->lit.number == 1.7);
    ck_assert_int_eq(stmt(p, 1)->lit.kind, LS_LIT_STRING);
    ck_assert_int_eq(stmt(p, 2)->kind, LS_N_SET_INTERVAL);
    ck_assert_int_eq(stmt(p, 2)->lit.kind, LS_LIT_ARRAY);
    ck_assert_uint_eq(stmt(p, 2)->lit.nelems, 1);
    ck_assert_int_eq(stmt(p, 2)->lit.elems[0].kind, LS_LIT_ARRAY);
    ck_assert(stmt(p, 2)->lit.elems[0].elems[0].number == 3);
    ck_assert(stmt(p, 3)->has_delay);
    ck_assert_int_eq(stmt(p, 3)->lit.kind, LS_LIT_NULL);
    ck_assert(!stmt(p, 4)->has_delay);
    ck_assert(stmt(p, 4)->unref);
    ck_assert_uint_eq(stmt(p, 4)->nargs, 2);
    scenario_free(p);
    load_fails(MAIN("{\"setTimeout\": [], \"delay\": {\"ms\": 1}}"), "t.json: $.main[0].delay: error: expected a delay");
}
END_TEST

START_TEST(test_busy_and_fs_options)
{
    ls_scenario *p = load_ok(MAIN(
        "{\"busy\": 2.5}, {\"fs.readFile\": []}, {\"fs.stat\": [], \"trips\": 2, \"latency_ms\": 0.5}"));
    ck_assert(stmt(p, 0)->number == 2.5);
    ck_assert_int_eq(stmt(p, 1)->fs_op, LS_FS_READ_FILE);
    ck_assert_int_eq(stmt(p, 1)->fs_trips, 0);
    ck_assert(stmt(p, 1)->fs_latency_ms < 0);
    ck_assert_int_eq(stmt(p, 2)->fs_op, LS_FS_STAT);
    ck_assert_int_eq(stmt(p, 2)->fs_trips, 2);
    ck_assert(stmt(p, 2)->fs_latency_ms == 0.5);
    scenario_free(p);
    load_fails(MAIN("{\"busy\": -1}"), "t.json: $.main[0].busy: error: expected a number of milliseconds");
    load_fails(MAIN("{\"fs.readFile\": [], \"trips\": 0}"), "t.json: $.main[0].trips: error: expected an integer from 1 to 1000, found a number (0)");
    load_fails(MAIN("{\"fs.readFile\": [], \"latency_ms\": -2}"), "t.json: $.main[0].latency_ms: error:");
}
END_TEST

START_TEST(test_events_and_process)
{
    ls_scenario *p = load_ok(MAIN(
        "{\"new EventEmitter\": null, \"as\": \"e\"},"
        "{\"on\": \"ping\", \"emitter\": \"e\", \"listener\": {\"params\": [\"x\"], \"body\": []}},"
        "{\"emit\": \"ping\", \"emitter\": {\"var\": \"e\"}, \"args\": [1]},"
        "{\"process.on\": \"exit\", \"listener\": []},"
        "{\"process.exit\": 0}"));
    ck_assert_int_eq(stmt(p, 0)->kind, LS_N_NEW_EMITTER);
    ck_assert_int_eq(stmt(p, 1)->kind, LS_N_ON);
    ck_assert_str_eq(stmt(p, 1)->name, "ping");
    ck_assert_int_eq(stmt(p, 1)->a->kind, LS_N_VAR);
    ck_assert_str_eq(stmt(p, 1)->a->name, "e");
    ck_assert_int_eq(stmt(p, 1)->cb->kind, LS_N_FUNCTION);
    ck_assert_int_eq(stmt(p, 2)->kind, LS_N_EMIT);
    ck_assert_uint_eq(stmt(p, 2)->nargs, 1);
    ck_assert_int_eq(stmt(p, 3)->kind, LS_N_ON);
    ck_assert_ptr_null(stmt(p, 3)->a);
    ck_assert_str_eq(stmt(p, 3)->name, "exit");
    ck_assert_int_eq(stmt(p, 4)->kind, LS_N_PROCESS_EXIT);
    scenario_free(p);
}
END_TEST

START_TEST(test_unknown_process_event_gets_suggestion)
{
    load_fails(MAIN("{\"process.on\": \"beforeexit\", \"listener\": []}"),
               "t.json: $.main[0].process.on: error: unknown process event \"beforeexit\"; did you mean \"beforeExit\"?");
    load_fails(MAIN("{\"process.on\": \"SIGINT\", \"listener\": []}"), "unknown process event \"SIGINT\" (expected one of");
}
END_TEST

START_TEST(test_net_operations)
{
    ls_scenario *p = load_ok(MAIN(
        "{\"net.createServer\": null, \"as\": \"srv\"},"
        "{\"listen\": \"srv\", \"callback\": [{\"net.connect\": \"srv\", \"as\": \"sock\", \"callback\": [{\"destroy\": \"sock\"}]}]},"
        "{\"close\": \"srv\"},"
        "{\"net.createServer\": [], \"as\": \"srv2\"}"));
    ck_assert_int_eq(stmt(p, 0)->kind, LS_N_NET_SERVER);
    ck_assert_ptr_null(stmt(p, 0)->cb);
    ck_assert_int_eq(stmt(p, 1)->kind, LS_N_LISTEN);
    ck_assert_str_eq(stmt(p, 1)->a->name, "srv");
    const ls_node *conn = stmt(p, 1)->cb->fn->body.items[0];
    ck_assert_int_eq(conn->kind, LS_N_CONNECT);
    ck_assert_int_eq(conn->cb->fn->body.items[0]->kind, LS_N_DESTROY);
    ck_assert_int_eq(stmt(p, 2)->kind, LS_N_SERVER_CLOSE);
    ck_assert_ptr_null(stmt(p, 2)->cb);
    ck_assert_ptr_nonnull(stmt(p, 3)->cb);
    scenario_free(p);
    load_fails(MAIN("{\"net.createServer\": null, \"as\": \"s\"}, {\"listen\": 5}"), "t.json: $.main[1].listen: error: expected a variable name (a string), found a number (5)");
}
END_TEST

START_TEST(test_if_conditions)
{
    ls_scenario *p = load_ok(MAIN(
        "{\"if\": {\"equals\": [1, 2]}, \"do\": [{\"console.log\": 1}], \"else\": [{\"console.log\": 2}, {\"console.log\": 3}]},"
        "{\"if\": {\"less\": [1, 2]}, \"do\": []}"));
    const ls_node *a = stmt(p, 0), *b = stmt(p, 1);
    ck_assert_int_eq(a->cond, LS_COND_EQUALS);
    ck_assert_uint_eq(a->then_block.len, 1);
    ck_assert_uint_eq(a->else_block.len, 2);
    ck_assert_int_eq(b->cond, LS_COND_LESS);
    ck_assert(b->a->lit.number == 1 && b->b->lit.number == 2);
    ck_assert_uint_eq(b->else_block.len, 0);
    scenario_free(p);
    load_fails(MAIN("{\"if\": {\"equal\": [1, 2]}, \"do\": []}"), "unknown key \"equal\"; did you mean \"equals\"?");
    load_fails(MAIN("{\"if\": {\"less\": [1]}, \"do\": []}"), "t.json: $.main[0].if.less: error: expected an array of two values, found an array of 1 element");
}
END_TEST

START_TEST(test_promise_operations)
{
    ls_scenario *p = load_ok(MAIN(
        "{\"Promise.all\": [1, {\"Promise.resolve\": 2}]},"
        "{\"Promise.race\": []},"
        "{\"thenable\": {\"params\": [\"res\"], \"body\": [{\"call\": \"res\", \"args\": [1]}]}},"
        "{\"queueMicrotask\": []},"
        "{\"let\": \"x\"}"));
    ck_assert_uint_eq(stmt(p, 0)->nargs, 2);
    ck_assert_int_eq(stmt(p, 1)->kind, LS_N_PROMISE_RACE);
    ck_assert_ptr_nonnull(stmt(p, 2)->fn);
    ck_assert_ptr_eq(stmt(p, 2)->fn, stmt(p, 2)->cb->fn);
    ck_assert_int_eq(stmt(p, 3)->kind, LS_N_QUEUE_MICROTASK);
    ck_assert_int_eq(stmt(p, 4)->a->lit.kind, LS_LIT_UNDEFINED);
    scenario_free(p);
    load_fails(MAIN("{\"thenable\": {\"expr\": 1}}"), "t.json: $.main[0].thenable: error: expected a function");
}
END_TEST

START_TEST(test_nodes_record_line_and_column)
{
    ls_scenario *p = load_ok("{\"loopsim\": 1,\n \"main\": [\n   {\"console.log\": \"x\"},\n  {\"busy\": 1}]}");
    ck_assert_int_eq(stmt(p, 0)->line, 3);
    ck_assert_int_eq(stmt(p, 0)->col, 4);
    ck_assert_int_eq(stmt(p, 0)->args[0]->col, 20);
    ck_assert_int_eq(stmt(p, 1)->line, 4);
    ck_assert_int_eq(stmt(p, 1)->col, 3);
    scenario_free(p);
}
END_TEST

START_TEST(test_load_file)
{
    char *err = NULL;
    ck_assert_ptr_null(loader_load_file("/nonexistent/x.json", &err));
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/x.json: error: cannot open"));
    free(err);
    char path[] = "/tmp/test_loader_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    FILE *f = fdopen(fd, "w");
    fputs(MAIN("{\"console.log\": \"hi\"}"), f);
    fclose(f);
    ls_scenario *p = loader_load_file(path, &err);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(p->file, path);
    scenario_free(p);
    remove(path);
}
END_TEST

/* ---- "from": where a scenario comes from ---- */

START_TEST(test_from_is_a_string_for_people)
{
    ls_scenario *p = load_ok("{\"loopsim\": 1, \"from\": \"reference p2a\", \"main\": []}");
    ck_assert_ptr_null(p->js_source);
    ck_assert_ptr_null(p->script);
    scenario_free(p);
    load_fails("{\"loopsim\": 1, \"from\": 1, \"main\": []}",
               "t.json: $.from: error: expected a string, found a number (1)");
}
END_TEST

/* ---- "source": the program as JavaScript text ---- */

START_TEST(test_source_is_kept_as_text_without_a_main)
{
    ls_scenario *p = load_ok("{\"loopsim\": 1, \"module\": \"esm\", \"timing\": {\"first_log_ms\": 2}, "
                             "\"source\": \"console.log('a');\\nlet x = 1;\"}");
    ck_assert_ptr_null(p->main);
    ck_assert_uint_eq(p->nfunctions, 0);
    ck_assert_str_eq(p->js_source, "console.log('a');\nlet x = 1;");
    ck_assert_uint_eq(p->js_source_len, strlen(p->js_source));
    ck_assert_ptr_null(p->script);
    ck_assert(p->esm);
    ck_assert(p->costs.first_log.ms == 2);
    scenario_free(p);
}
END_TEST

START_TEST(test_source_excludes_script_main_and_functions)
{
    load_fails("{\"loopsim\": 1, \"source\": \"1\", \"main\": []}",
               "t.json: $.source: error: expected \"source\" alone as the program (JavaScript text), "
               "found \"main\" too (a program written as JSON); keep one of them (where a scenario comes from, once "
               "\"source\", is now \"from\")");
    load_fails("{\"loopsim\": 1, \"functions\": {}, \"source\": \"1\"}",
               "t.json: $.source: error: expected \"source\" alone as the program (JavaScript text), "
               "found \"functions\" too (a program written as JSON); keep one of them (where a scenario comes from, "
               "once \"source\", is now \"from\")");
}
END_TEST

START_TEST(test_script_and_source_together_are_an_error)
{
    load_fails("{\"loopsim\": 1, \"script\": \"q.js\", \"source\": \"1\"}",
               "t.json: $.source: error: expected \"source\" alone as the program (JavaScript text), "
               "found \"script\" too (a path to a JavaScript file); keep one of them");
}
END_TEST

START_TEST(test_source_must_be_a_string_without_nul)
{
    load_fails("{\"loopsim\": 1, \"source\": [\"a\"]}",
               "t.json: $.source: error: expected the program as JavaScript text (a string), found an array of 1 element");
    /* the first is an escaped backslash and "u0000"; the second a NUL */
    load_fails("{\"loopsim\": 1, \"source\": \"a\\\\u0000\\u0000\"}",
               "t.json: $.source: error: expected the program as JavaScript text without NUL characters, found "
               "\"\\u0000\" at 1:35");
}
END_TEST

START_TEST(test_missing_main_names_source_and_script_too)
{
    load_fails("{\"loopsim\": 1}", "t.json: $: error: missing key \"main\" (the main script: a statement list; "
                                   "or \"source\": the program as JavaScript text; or \"script\": a path to a "
                                   "JavaScript file)");
}
END_TEST

START_TEST(test_source_position_counts_escapes_in_the_json_text)
{
    /* the source "a\n\u00e9\"b" decodes to a, newline, é (2 bytes), quote, b */
    const char *json = "{\"loopsim\": 1,\n \"source\": \"a\\n\\u00e9\\\"b\"}";
    ls_scenario *p = load_ok(json);
    ck_assert_str_eq(p->js_source, "a\n\xc3\xa9\"b");
    int line, col;
    size_t len = strlen(json);
    loader_source_position(json, len, p, 0, &line, &col); /* a */
    ck_assert_int_eq(line, 2);
    ck_assert_int_eq(col, 13);
    loader_source_position(json, len, p, 2, &line, &col); /* é: its \u escape */
    ck_assert_int_eq(col, 16);
    loader_source_position(json, len, p, 3, &line, &col); /* inside é: the same escape */
    ck_assert_int_eq(col, 16);
    loader_source_position(json, len, p, 5, &line, &col); /* b, after \" */
    ck_assert_int_eq(col, 24);
    scenario_free(p);
}
END_TEST

/* ---- "script": the path of a JavaScript file ---- */

START_TEST(test_script_is_kept_as_the_path_written)
{
    ls_scenario *p = load_ok("{\"loopsim\": 1, \"title\": \"q\", \"timing\": {\"first_log_ms\": 2}, "
                             "\"script\": \"../quizzes/q.cjs\"}");
    ck_assert_ptr_null(p->main);
    ck_assert_str_eq(p->script, "../quizzes/q.cjs");
    ck_assert_ptr_null(p->script_path); /* program.c resolves and reads it */
    ck_assert_ptr_null(p->js_source);
    ck_assert(!p->esm);
    ck_assert(p->costs.first_log.ms == 2);
    scenario_free(p);
}
END_TEST

START_TEST(test_mjs_script_is_an_es_module)
{
    ls_scenario *p = load_ok("{\"loopsim\": 1, \"script\": \"q.mjs\"}");
    ck_assert(p->esm);
    scenario_free(p);
    p = load_ok("{\"loopsim\": 1, \"module\": \"esm\", \"script\": \"q.mjs\"}");
    ck_assert(p->esm);
    scenario_free(p);
    /* "module": "esm" makes a .js script a module, as --esm does */
    p = load_ok("{\"loopsim\": 1, \"module\": \"esm\", \"script\": \"q.js\"}");
    ck_assert(p->esm);
    scenario_free(p);
    load_fails("{\"loopsim\": 1, \"module\": \"commonjs\", \"script\": \"q.mjs\"}",
               "t.json: $.module: error: expected \"esm\" or no \"module\" with a .mjs script (Node runs it as "
               "an ES module), found a string \"commonjs\"");
}
END_TEST

START_TEST(test_script_must_name_a_javascript_file)
{
    static const char *const bad[][2] = {
        {"\"q.json\"", "a string \"q.json\""},
        {"\"q\"", "a string \"q\""},
        {"\"dir.js/q\"", "a string \"dir.js/q\""},
        {"\"dir/.js\"", "a string \"dir/.js\""},
        {"\"\"", "a string \"\""},
        {"[\"q.js\"]", "an array of 1 element"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char json[128], want[256];
        snprintf(json, sizeof json, "{\"loopsim\": 1, \"script\": %s}", bad[i][0]);
        snprintf(want, sizeof want, "t.json: $.script: error: expected a path to a JavaScript file (.js, .cjs or "
                 ".mjs), found %s", bad[i][1]);
        load_fails(json, want);
    }
    load_fails("{\"loopsim\": 1, \"script\": \"q\\u0000.js\"}",
               "t.json: $.script: error: expected a path to a JavaScript file (.js, .cjs or .mjs) without NUL "
               "characters, found \"\\u0000\" at 1:28");
}
END_TEST

START_TEST(test_script_excludes_main_and_functions)
{
    load_fails("{\"loopsim\": 1, \"script\": \"q.js\", \"main\": []}",
               "t.json: $.script: error: expected \"script\" alone as the program (a path to a JavaScript file), "
               "found \"main\" too (a program written as JSON); keep one of them");
    load_fails("{\"loopsim\": 1, \"functions\": {}, \"script\": \"q.js\"}",
               "t.json: $.script: error: expected \"script\" alone as the program (a path to a JavaScript file), "
               "found \"functions\" too (a program written as JSON); keep one of them");
}
END_TEST

START_TEST(test_performance_is_reserved_for_busy_waits)
{
    load_fails(MAIN("{\"let\": \"performance\", \"value\": 1}"),
               "t.json: $.main[0].let: error: expected a name that is not a JavaScript keyword or a global the program uses, found a string \"performance\"");
}
END_TEST

START_TEST(test_kind_names)
{
    ck_assert_str_eq(ls_kind_name(LS_N_SET_TIMEOUT), "setTimeout");
    ck_assert_str_eq(ls_kind_name(LS_N_NEXT_TICK), "process.nextTick");
    ck_assert_str_eq(ls_kind_name(LS_N_NEW_PROMISE), "new Promise");
    ck_assert_str_eq(ls_kind_name(LS_N_THEN), "then");
    ck_assert_str_eq(ls_kind_name(LS_N_CATCH), "catch");
    ck_assert_str_eq(ls_kind_name(LS_N_FINALLY), "finally");
    ck_assert_str_eq(ls_kind_name(LS_N_VAR), "var");
    ck_assert_str_eq(ls_kind_name(LS_N_FUNCTION), "function");
    ck_assert_str_eq(ls_kind_name(LS_N_THENABLE), "thenable");
    ck_assert_str_eq(ls_kind_name(LS_N_SERVER_CLOSE), "close");
    for (int k = 0; k < LS_N__COUNT; k++)
        ck_assert_str_ne(ls_kind_name((ls_kind)k), "?");
}
END_TEST

static Suite *loader_suite(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("loader");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_malformed_json_reports_line_and_column);
    tcase_add_test(tc, test_trailing_comma_in_array_is_rejected);
    tcase_add_test(tc, test_trailing_comma_in_object_is_rejected);
    tcase_add_test(tc, test_missing_array_separator_is_rejected);
    tcase_add_test(tc, test_unterminated_string_is_rejected);
    tcase_add_test(tc, test_misspelt_literal_is_rejected);
    tcase_add_test(tc, test_text_after_document_is_rejected);
    tcase_add_test(tc, test_unquoted_key_is_rejected);
    tcase_add_test(tc, test_empty_file_is_rejected);
    tcase_add_test(tc, test_column_counts_utf8_characters);
    tcase_add_test(tc, test_nesting_deeper_than_200_levels_is_rejected);
    tcase_add_test(tc, test_node_count_is_limited_only_by_memory);
    tcase_add_test(tc, test_minimal_scenario_loads);
    tcase_add_test(tc, test_top_level_must_be_an_object);
    tcase_add_test(tc, test_missing_required_field_is_reported);
    tcase_add_test(tc, test_loopsim_must_be_1);
    tcase_add_test(tc, test_unknown_top_level_key_gets_suggestion);
    tcase_add_test(tc, test_main_must_be_a_statement_list);
    tcase_add_test(tc, test_misspelt_operation_gets_suggestion);
    tcase_add_test(tc, test_case_mismatch_gets_suggestion);
    tcase_add_test(tc, test_unknown_operation_without_close_match_has_no_suggestion);
    tcase_add_test(tc, test_misspelt_key_gets_suggestion);
    tcase_add_test(tc, test_unknown_key_lists_allowed_keys);
    tcase_add_test(tc, test_two_operations_in_one_object_are_rejected);
    tcase_add_test(tc, test_object_without_operation_is_rejected);
    tcase_add_test(tc, test_duplicate_key_is_rejected);
    tcase_add_test(tc, test_wrong_type_reports_what_was_found);
    tcase_add_test(tc, test_long_strings_are_shortened_in_messages);
    tcase_add_test(tc, test_reserved_names_cannot_be_declared);
    tcase_add_test(tc, test_await_outside_async_is_rejected);
    tcase_add_test(tc, test_await_in_async_function_is_accepted);
    tcase_add_test(tc, test_await_in_non_async_callback_inside_async_function_is_rejected);
    tcase_add_test(tc, test_call_of_undefined_function_is_rejected);
    tcase_add_test(tc, test_unknown_variable_is_rejected);
    tcase_add_test(tc, test_set_and_increment_of_unknown_variable_are_rejected);
    tcase_add_test(tc, test_clear_of_unknown_timer_is_rejected);
    tcase_add_test(tc, test_handles_of_unknown_variables_are_rejected);
    tcase_add_test(tc, test_closures_see_enclosing_names);
    tcase_add_test(tc, test_let_inside_if_is_visible_in_the_whole_function);
    tcase_add_test(tc, test_names_inside_nested_functions_are_not_visible_outside);
    tcase_add_test(tc, test_declared_functions_are_visible_everywhere);
    tcase_add_test(tc, test_declared_functions_see_main_variables);
    tcase_add_test(tc, test_executor_params_are_in_scope);
    tcase_add_test(tc, test_main_variable_may_not_reuse_a_function_name);
    tcase_add_test(tc, test_duplicate_parameter_is_rejected);
    tcase_add_test(tc, test_sync_call_cycle_is_named);
    tcase_add_test(tc, test_self_recursion_is_a_cycle);
    tcase_add_test(tc, test_guarded_recursion_is_not_a_cycle);
    tcase_add_test(tc, test_calls_through_callbacks_are_not_cycles);
    tcase_add_test(tc, test_calls_after_await_or_return_are_not_cycles);
    tcase_add_test(tc, test_shadowed_function_name_is_not_a_cycle);
    tcase_add_test(tc, test_timing_overrides_costs);
    tcase_add_test(tc, test_unknown_timing_key_gets_suggestion);
    tcase_add_test(tc, test_bad_timing_value_is_rejected);
    tcase_add_test(tc, test_function_labels_and_paths);
    tcase_add_test(tc, test_chain_desugars_left_to_right);
    tcase_add_test(tc, test_callback_forms);
    tcase_add_test(tc, test_values);
    tcase_add_test(tc, test_console_log_single_value_is_one_argument);
    tcase_add_test(tc, test_delay_is_kept_raw);
    tcase_add_test(tc, test_busy_and_fs_options);
    tcase_add_test(tc, test_events_and_process);
    tcase_add_test(tc, test_unknown_process_event_gets_suggestion);
    tcase_add_test(tc, test_net_operations);
    tcase_add_test(tc, test_if_conditions);
    tcase_add_test(tc, test_promise_operations);
    tcase_add_test(tc, test_nodes_record_line_and_column);
    tcase_add_test(tc, test_load_file);
    tcase_add_test(tc, test_from_is_a_string_for_people);
    tcase_add_test(tc, test_source_is_kept_as_text_without_a_main);
    tcase_add_test(tc, test_source_excludes_script_main_and_functions);
    tcase_add_test(tc, test_script_and_source_together_are_an_error);
    tcase_add_test(tc, test_source_must_be_a_string_without_nul);
    tcase_add_test(tc, test_missing_main_names_source_and_script_too);
    tcase_add_test(tc, test_source_position_counts_escapes_in_the_json_text);
    tcase_add_test(tc, test_script_is_kept_as_the_path_written);
    tcase_add_test(tc, test_mjs_script_is_an_es_module);
    tcase_add_test(tc, test_script_must_name_a_javascript_file);
    tcase_add_test(tc, test_script_excludes_main_and_functions);
    tcase_add_test(tc, test_performance_is_reserved_for_busy_waits);
    tcase_add_test(tc, test_kind_names);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(loader_suite());
}
