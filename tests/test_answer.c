/* test_answer.c - unit tests for reading quiz answers (src/search/answer.c): however an answer is
 * written (lines, spaces, commas, arrows, quotes), the same words in the same order. */
#include <check.h>

#include "check_main.h"
#include <string.h>

#include "answer.h"

static void assert_words(const char *text, const char *const *want, size_t n)
{
    ls_words w = answer_words(text, strlen(text));
    ck_assert_uint_eq(w.n, n);
    for (size_t i = 0; i < n; i++)
        ck_assert_str_eq(w.words[i], want[i]);
    answer_words_free(&w);
}

START_TEST(test_answer_lines_and_spaces_give_the_same_words)
{
    static const char *want[] = {"1", "async", "start", "bar"};
    assert_words("1\nasync start\nbar\n", want, 4);
    assert_words("1 async start bar", want, 4);
    assert_words("  1\r\n async   start\tbar  ", want, 4);
}
END_TEST

START_TEST(test_answer_arrows_and_commas_separate)
{
    static const char *want[] = {"setTimeout1:", "nextTick", "setTimeout2:"};
    assert_words("setTimeout1: -> nextTick -> setTimeout2:", want, 3);
    assert_words("setTimeout1:,nextTick,  setTimeout2:", want, 3);
    assert_words("setTimeout1: \xe2\x86\x92 nextTick => setTimeout2:", want, 3); /* → and => */
    assert_words("setTimeout1:\xef\xbc\x8cnextTick\xe3\x80\x81setTimeout2:", want, 3); /* ，、 */
}
END_TEST

START_TEST(test_answer_quotes_are_dropped)
{
    static const char *want[] = {"tick", "timer", "it's"};
    assert_words("'tick', \"timer\", `it's`", want, 3);
}
END_TEST

START_TEST(test_answer_empty_or_only_separators_has_no_words)
{
    assert_words("", NULL, 0);
    assert_words(" , -> \n ''", NULL, 0);
}
END_TEST

START_TEST(test_answer_words_keep_non_ascii_text)
{
    static const char *want[] = {"Promise\xe6\x89\xa7\xe8\xa1\x8c", "nextTick",
                                 "\xe6\x89\xa7\xe8\xa1\x8c"};
    assert_words("Promise\xe6\x89\xa7\xe8\xa1\x8c -> nextTick \xe6\x89\xa7\xe8\xa1\x8c", want, 3);
}
END_TEST

static Suite *answer_suite(void)
{
    Suite *s = suite_create("answer");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_answer_lines_and_spaces_give_the_same_words);
    tcase_add_test(tc, test_answer_arrows_and_commas_separate);
    tcase_add_test(tc, test_answer_quotes_are_dropped);
    tcase_add_test(tc, test_answer_empty_or_only_separators_has_no_words);
    tcase_add_test(tc, test_answer_words_keep_non_ascii_text);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(answer_suite());
}
