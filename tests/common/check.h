/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * CHECK(), CHECK_EQ() and RUN_TEST() of the small test programs that count their own failed
 * checks and return them as their exit status: tests/compat (compat_tests.h), tests/protection
 * (ptest.h) and the one-thread kernel tests on the target (tests/kernel/common/ktest.h).
 * A failed check does not stop the test: it prints a line "FAIL file:line: expression" (with
 * both values for CHECK_EQ) and counts; RUN_TEST() prints PASS or FAIL per test function. Every
 * failure line starts with FAIL: the expected-output files of tests/protection refuse any such
 * line ("!^FAIL").
 *
 * Each harness defines, before including this file:
 *   CHECK_COUNT, CHECK_FAILURES  its two counters (int lvalues);
 *   CHECK_REPORT(...)            where a failed check is printed (printf-like);
 *   CHECK_PRINT(...)             where RUN_TEST() prints (only if the harness uses RUN_TEST).
 */
#ifndef ZMEM_TESTS_COMMON_CHECK_H_
#define ZMEM_TESTS_COMMON_CHECK_H_

#define CHECK(cond)                                                                                \
	do {                                                                                       \
		CHECK_COUNT++;                                                                     \
		if (!(cond)) {                                                                     \
			CHECK_FAILURES++;                                                          \
			CHECK_REPORT("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);               \
		}                                                                                  \
	} while (0)

#define CHECK_EQ(a, b)                                                                             \
	do {                                                                                       \
		long long check_a_ = (long long)(a);                                               \
		long long check_b_ = (long long)(b);                                               \
		CHECK_COUNT++;                                                                     \
		if (check_a_ != check_b_) {                                                        \
			CHECK_FAILURES++;                                                          \
			CHECK_REPORT("FAIL %s:%d: %s == %s (%lld != %lld)\n", __FILE__, __LINE__,  \
				     #a, #b, check_a_, check_b_);                                  \
		}                                                                                  \
	} while (0)

#define RUN_TEST(fn)                                                                               \
	do {                                                                                       \
		int check_before_ = CHECK_FAILURES;                                                \
		fn();                                                                              \
		CHECK_PRINT("%s %s\n", CHECK_FAILURES == check_before_ ? "PASS" : "FAIL", #fn);    \
	} while (0)

#endif /* ZMEM_TESTS_COMMON_CHECK_H_ */
