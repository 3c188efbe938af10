/*
 * CHECK(condition) for the C test programs: counts each check, and prints the
 * file, line and condition of each one that fails. A program ends with
 * `return check_summary();`, which prints "N checks, M failed" and returns the
 * exit status, 0 only when no check failed.
 */
#ifndef BCC_TEST_CHECK_H
#define BCC_TEST_CHECK_H

#include <stdio.h>

static int check_failures = 0;
static int check_count = 0;

#define CHECK(condition)                                                   \
    do {                                                                   \
        check_count++;                                                     \
        if (!(condition)) {                                                \
            check_failures++;                                              \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,         \
                    __LINE__, #condition);                                 \
        }                                                                  \
    } while (0)

static inline int check_summary(void) {
    printf("%d checks, %d failed\n", check_count, check_failures);
    return check_failures == 0 ? 0 : 1;
}

#endif /* BCC_TEST_CHECK_H */
