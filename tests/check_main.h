/* check_main.h - the main() of every Check test program: run the suite, exit non-zero if any
 * test failed. */
#ifndef LOOPSIM_TEST_CHECK_MAIN_H
#define LOOPSIM_TEST_CHECK_MAIN_H

#include <check.h>
#include <stdlib.h>

static inline int run_suite(Suite *suite)
{
    SRunner *sr = srunner_create(suite);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
