/* test_page.c - unit tests for the page parser (src/process/browser/page.c): the document's
 * nodes an HTML page gives, its one script, and what is refused with its place. */
#include <check.h>

#include "check_main.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "browser/page.h"

static ls_page *parse(ls_arena *a, const char *text, char **error)
{
    *error = NULL;
    return page_parse(a, "t.html", text, strlen(text), error);
}

/* "html(head(meta) body(div(#text)) script)" style outline of the tree */
static void outline(const ls_page *p, int parent, char *out, size_t size)
{
    const char *sep = "";
    for (size_t i = 0; i < p->n; i++) {
        const ls_page_node *n = &p->nodes[i];
        if (n->parent != parent)
            continue;
        size_t len = strlen(out);
        const char *name = n->kind == PAGE_ELEMENT ? n->name : n->kind == PAGE_TEXT ? "#text"
                                                                                    : "#comment";
        snprintf(out + len, size - len, "%s%s%s", sep, name, n->after_script ? "*" : "");
        sep = " ";
        if (n->kind == PAGE_ELEMENT) {
            len = strlen(out);
            snprintf(out + len, size - len, "(");
            outline(p, (int)i, out, size);
            len = strlen(out);
            snprintf(out + len, size - len, ")");
        }
    }
}

static void expect_tree(const char *text, const char *want)
{
    ls_arena *a = arena_new();
    char *error;
    ls_page *p = parse(a, text, &error);
    ck_assert_msg(p != NULL, "does not parse: %s", error ? error : "?");
    char got[1024] = "";
    outline(p, -1, got, sizeof got);
    ck_assert_msg(strcmp(got, want) == 0, "tree %s, expected %s", got, want);
    arena_free(a);
}

static void expect_error(const char *text, const char *want)
{
    ls_arena *a = arena_new();
    char *error;
    ls_page *p = parse(a, text, &error);
    ck_assert_msg(p == NULL, "parsed, expected the error %s", want);
    ck_assert_msg(error && strstr(error, want), "error %s, expected one with %s",
                  error ? error : "(none)", want);
    free(error);
    arena_free(a);
}

START_TEST(test_html_head_and_body_are_implied_and_head_elements_stay_in_head)
{
    expect_tree("<meta charset=utf-8><div>x</div><script>1</script>",
                "html(head(meta()) body(div(#text) script()))");
}
END_TEST

START_TEST(test_a_comment_before_any_tag_is_the_documents_child)
{
    expect_tree("<!-- source -->\n<div></div><script></script>",
                "#comment html(head() body(div() script()))");
}
END_TEST

START_TEST(test_nodes_after_a_classic_script_come_after_it_and_body_exists_by_then)
{
    expect_tree("<head><script>1</script></head><body><p>a</p></body>",
                "html(head(script()) body*(p*(#text*)))");
}
END_TEST

START_TEST(test_nodes_after_a_module_script_are_parsed_before_it_runs)
{
    expect_tree("<script type=module>1</script><p>a</p>",
                "html(head(script()) body(p(#text)))");
}
END_TEST

START_TEST(test_a_block_start_tag_closes_an_open_p_and_li_closes_li)
{
    expect_tree("<body><p>a<div></div><ul><li>1<li>2</ul><script></script>",
                "html(head() body(p(#text) div() ul(li(#text) li(#text)) script()))");
}
END_TEST

START_TEST(test_script_text_keeps_its_line_and_column_in_the_page)
{
    ls_arena *a = arena_new();
    char *error;
    ls_page *p = parse(a, "<div>\xC3\xA9</div>\n  <script>var x = '</div>';\n</script>", &error);
    ck_assert_ptr_nonnull(p);
    /* "<div>é</div>" is 12 code points: 12 spaces; "</script>" 9 */
    ck_assert_str_eq(p->source, "            \n          var x = '</div>';\n         ");
    ck_assert(!p->module);
    ck_assert_int_ge(p->script, 0);
    ck_assert_str_eq(p->nodes[p->script].name, "script");
    arena_free(a);
}
END_TEST

START_TEST(test_character_references_in_text_and_attributes_are_decoded)
{
    ls_arena *a = arena_new();
    char *error;
    ls_page *p = parse(a, "<div title=\"a&amp;b &#65;&#x42;\">&lt;x&gt;</div><script></script>",
                       &error);
    ck_assert_ptr_nonnull(p);
    const ls_page_node *div = NULL, *text = NULL;
    for (size_t i = 0; i < p->n; i++) {
        if (p->nodes[i].kind == PAGE_ELEMENT && strcmp(p->nodes[i].name, "div") == 0)
            div = &p->nodes[i];
        if (p->nodes[i].kind == PAGE_TEXT)
            text = &p->nodes[i];
    }
    ck_assert_ptr_nonnull(div);
    ck_assert_ptr_nonnull(text);
    ck_assert_str_eq(div->attrs[1], "a&b AB");
    ck_assert_str_eq(text->data, "<x>");
    arena_free(a);
}
END_TEST

START_TEST(test_a_data_block_is_not_run)
{
    expect_error("<script type=text/template>x</script>", "has no script loopsim can run");
}
END_TEST

START_TEST(test_a_second_script_is_refused_at_its_place)
{
    expect_error("<script>1</script>\n<script>2</script>",
                 "t.html:2:1: error: a second script (the first is at 1:1)");
}
END_TEST

START_TEST(test_script_src_and_event_handler_attributes_are_refused)
{
    expect_error("<script src=a.js></script>", "t.html:1:1: error: a <script src=...>");
    expect_error("<div>\n <button onclick=\"f()\"></button><script></script>",
                 "t.html:2:2: error: the event handler attribute onclick=");
}
END_TEST

START_TEST(test_an_unclosed_script_comment_or_tag_is_an_error)
{
    expect_error("<script>1", "t.html:1:1: error: this <script> has no </script>");
    expect_error("<!-- x", "t.html:1:1: error: this comment has no -->");
    expect_error("<div class=\"a", "the value of class= is not closed");
}
END_TEST

static Suite *page_suite(void)
{
    Suite *s = suite_create("page");
    TCase *tc = tcase_create("parser");
    tcase_add_test(tc, test_html_head_and_body_are_implied_and_head_elements_stay_in_head);
    tcase_add_test(tc, test_a_comment_before_any_tag_is_the_documents_child);
    tcase_add_test(tc, test_nodes_after_a_classic_script_come_after_it_and_body_exists_by_then);
    tcase_add_test(tc, test_nodes_after_a_module_script_are_parsed_before_it_runs);
    tcase_add_test(tc, test_a_block_start_tag_closes_an_open_p_and_li_closes_li);
    tcase_add_test(tc, test_script_text_keeps_its_line_and_column_in_the_page);
    tcase_add_test(tc, test_character_references_in_text_and_attributes_are_decoded);
    tcase_add_test(tc, test_a_data_block_is_not_run);
    tcase_add_test(tc, test_a_second_script_is_refused_at_its_place);
    tcase_add_test(tc, test_script_src_and_event_handler_attributes_are_refused);
    tcase_add_test(tc, test_an_unclosed_script_comment_or_tag_is_an_error);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(page_suite());
}
