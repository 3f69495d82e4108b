/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief ztest's checks: zassert_* (fail the test and end it), zassume_* (skip the test and
 * end it), zexpect_* (fail the test and go on).
 *
 * Every check takes an optional printf-style message and its arguments after its operands:
 * `zassert_equal(got, 4)`, `zassert_equal(got, 4, "size %zu", size)`; the message may also be
 * NULL, as older Zephyr code writes. A failure prints
 * `    Assertion failed at <file>:<line>: <function>: (<a> not equal to <b>)` and the message.
 */
#ifndef ZEPHYR_INCLUDE_ZTEST_ASSERT_H_
#define ZEPHYR_INCLUDE_ZTEST_ASSERT_H_

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <zephyr/tc_util.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief @p file relative to the working directory when it is below it. */
const char *ztest_relative_filename(const char *file);
/** @brief End the running test as failed (from its thread: the thread ends). */
void ztest_test_fail(void);
/** @brief End the running test as skipped. */
void ztest_test_skip(void);
/** @brief End the running test as passed. */
void ztest_test_pass(void);
/** @brief Mark the running test failed; it goes on (zexpect_*). */
void ztest_test_expect_fail(void);
/** @brief A zassume_* failed: skip the test (fail it with CONFIG_ZTEST_FAIL_ON_ASSUME). */
void ztest_skip_failed_assumption(void);

/** @brief What z_zcheck() does when the condition is false. */
enum z_ztest_check_kind {
	Z_ZTEST_ASSERT,
	Z_ZTEST_ASSUME,
	Z_ZTEST_EXPECT,
};

/**
 * @brief The check behind every zassert/zassume/zexpect: on failure prints where and why,
 * then the caller's message (printf format, may be empty), then fails, skips or marks the test.
 *
 * @return @p cond
 */
bool z_zcheck(enum z_ztest_check_kind kind, bool cond, const char *default_msg, const char *file,
	      int line, const char *func, const char *msg, ...)
#if defined(__GNUC__) && !defined(__clang__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* A message argument given as NULL counts as no message (older Zephyr code passes NULL). */
static inline bool z_ztest_msg_given(const char *msg)
{
	return msg != NULL;
}

/* Z_ZTEST_MSG_ARGS(...): the message and its arguments, or NULL when there are none. */
#define Z_ZTEST_SECOND_(a, b, ...) b
#define Z_ZTEST_SECOND(...)        Z_ZTEST_SECOND_(__VA_ARGS__)
#define Z_ZTEST_IS_EMPTY(...)      Z_ZTEST_SECOND(__VA_OPT__(, ) 0, 1, ~)
#define Z_ZTEST_CAT_(a, b)         a##b
#define Z_ZTEST_CAT(a, b)          Z_ZTEST_CAT_(a, b)
#define Z_ZTEST_IF_1(x)            x
#define Z_ZTEST_IF_0(x)
#define Z_ZTEST_IF_EMPTY(...) Z_ZTEST_CAT(Z_ZTEST_IF_, Z_ZTEST_IS_EMPTY(__VA_ARGS__))
#define Z_ZTEST_MSG_ARGS(...) __VA_ARGS__ Z_ZTEST_IF_EMPTY(__VA_ARGS__)(NULL)

/*
 * Without threads (single-thread ztest on bare-metal targets) ztest_test_fail() leaves the test
 * by longjmp, so nothing after a failed assertion runs in either mode.
 */
#define Z_ZTEST_CHECK_BASE(kind, cond, default_msg, msg, ...)                                      \
	do {                                                                                       \
		bool _zt_msg = z_ztest_msg_given(msg);                                             \
		(void)z_zcheck(kind, (cond) ? true : false,                                        \
			       _zt_msg ? ("(" default_msg ")") : (default_msg), __FILE__,          \
			       __LINE__, __func__,                                                 \
			       _zt_msg ? (msg) : "" __VA_OPT__(, ) __VA_ARGS__);                   \
	} while (0)
#define Z_ZTEST_CHECK_VA(kind, cond, default_msg, ...)                                             \
	Z_ZTEST_CHECK_BASE(kind, cond, default_msg, __VA_ARGS__)

/** @brief Fail and end the test if @p cond is false, printing @p default_msg. */
#define zassert(cond, default_msg, ...)                                                            \
	Z_ZTEST_CHECK_VA(Z_ZTEST_ASSERT, cond, default_msg, Z_ZTEST_MSG_ARGS(__VA_ARGS__))
/** @brief Skip and end the test if @p cond is false. */
#define zassume(cond, default_msg, ...)                                                            \
	Z_ZTEST_CHECK_VA(Z_ZTEST_ASSUME, cond, default_msg, Z_ZTEST_MSG_ARGS(__VA_ARGS__))
/** @brief Mark the test failed if @p cond is false; the test goes on. */
#define zexpect(cond, default_msg, ...)                                                            \
	Z_ZTEST_CHECK_VA(Z_ZTEST_EXPECT, cond, default_msg, Z_ZTEST_MSG_ARGS(__VA_ARGS__))

/** @brief Fail: this point must not be reached. */
#define zassert_unreachable(...) zassert(0, "Reached unreachable code", ##__VA_ARGS__)

/* zassert_*: a failure fails the test and ends it. */
/** @brief Assert that @p cond is true. */
#define zassert_true(cond, ...) zassert(cond, #cond " is false", ##__VA_ARGS__)
/** @brief Assert that @p cond is false. */
#define zassert_false(cond, ...) zassert(!(cond), #cond " is true", ##__VA_ARGS__)
/** @brief Assert that @p cond is 0 (success). */
#define zassert_ok(cond, ...) zassert(!(cond), #cond " is non-zero", ##__VA_ARGS__)
/** @brief Assert that @p cond is not 0 (failure). */
#define zassert_not_ok(cond, ...) zassert(!!(cond), #cond " is zero", ##__VA_ARGS__)
/** @brief Assert that @p ptr is NULL. */
#define zassert_is_null(ptr, ...) zassert((ptr) == NULL, #ptr " is not NULL", ##__VA_ARGS__)
/** @brief Assert that @p ptr is not NULL. */
#define zassert_not_null(ptr, ...) zassert((ptr) != NULL, #ptr " is NULL", ##__VA_ARGS__)
/** @brief Assert that @p a equals @p b (compared as they are). */
#define zassert_equal(a, b, ...) zassert((a) == (b), #a " not equal to " #b, ##__VA_ARGS__)
/** @brief Assert that @p a differs from @p b. */
#define zassert_not_equal(a, b, ...) zassert((a) != (b), #a " equal to " #b, ##__VA_ARGS__)
/** @brief Assert that @p a and @p b are the same pointer. */
#define zassert_equal_ptr(a, b, ...)                                                               \
	zassert((void *)(a) == (void *)(b), #a " not equal to " #b, ##__VA_ARGS__)
/** @brief Assert that @p a is within @p b +/- @p d. */
#define zassert_within(a, b, d, ...)                                                               \
	zassert(((a) >= ((b) - (d))) && ((a) <= ((b) + (d))), #a " not within " #b " +/- " #d,     \
		##__VA_ARGS__)
/** @brief Assert that @p l <= @p a <= @p u. */
#define zassert_between_inclusive(a, l, u, ...)                                                    \
	zassert(((a) >= (l)) && ((a) <= (u)), #a " not between " #l " and " #u " inclusive",       \
		##__VA_ARGS__)
/** @brief Assert that strings @p s1 and @p s2 are equal. */
#define zassert_str_equal(s1, s2, ...)                                                             \
	zassert(strcmp(s1, s2) == 0, #s1 " not equal to " #s2, ##__VA_ARGS__)
/** @brief Assert that @p size bytes at @p buf equal those at @p exp. */
#define zassert_mem_equal(...) zassert_mem_equal__(__VA_ARGS__)
#define zassert_mem_equal__(buf, exp, size, ...)                                                   \
	zassert(memcmp(buf, exp, size) == 0, #buf " not equal to " #exp, ##__VA_ARGS__)

/* zassume_*: a failure skips the test and ends it. */
/** @brief Assume that @p cond is true. */
#define zassume_true(cond, ...) zassume(cond, #cond " is false", ##__VA_ARGS__)
/** @brief Assume that @p cond is false. */
#define zassume_false(cond, ...) zassume(!(cond), #cond " is true", ##__VA_ARGS__)
/** @brief Assume that @p cond is 0 (success). */
#define zassume_ok(cond, ...) zassume(!(cond), #cond " is non-zero", ##__VA_ARGS__)
/** @brief Assume that @p cond is not 0 (failure). */
#define zassume_not_ok(cond, ...) zassume(!!(cond), #cond " is zero", ##__VA_ARGS__)
/** @brief Assume that @p ptr is NULL. */
#define zassume_is_null(ptr, ...) zassume((ptr) == NULL, #ptr " is not NULL", ##__VA_ARGS__)
/** @brief Assume that @p ptr is not NULL. */
#define zassume_not_null(ptr, ...) zassume((ptr) != NULL, #ptr " is NULL", ##__VA_ARGS__)
/** @brief Assume that @p a equals @p b (compared as they are). */
#define zassume_equal(a, b, ...) zassume((a) == (b), #a " not equal to " #b, ##__VA_ARGS__)
/** @brief Assume that @p a differs from @p b. */
#define zassume_not_equal(a, b, ...) zassume((a) != (b), #a " equal to " #b, ##__VA_ARGS__)
/** @brief Assume that @p a and @p b are the same pointer. */
#define zassume_equal_ptr(a, b, ...)                                                               \
	zassume((void *)(a) == (void *)(b), #a " not equal to " #b, ##__VA_ARGS__)
/** @brief Assume that @p a is within @p b +/- @p d. */
#define zassume_within(a, b, d, ...)                                                               \
	zassume(((a) >= ((b) - (d))) && ((a) <= ((b) + (d))), #a " not within " #b " +/- " #d,     \
		##__VA_ARGS__)
/** @brief Assume that @p l <= @p a <= @p u. */
#define zassume_between_inclusive(a, l, u, ...)                                                    \
	zassume(((a) >= (l)) && ((a) <= (u)), #a " not between " #l " and " #u " inclusive",       \
		##__VA_ARGS__)
/** @brief Assume that strings @p s1 and @p s2 are equal. */
#define zassume_str_equal(s1, s2, ...)                                                             \
	zassume(strcmp(s1, s2) == 0, #s1 " not equal to " #s2, ##__VA_ARGS__)
/** @brief Assume that @p size bytes at @p buf equal those at @p exp. */
#define zassume_mem_equal(...) zassume_mem_equal__(__VA_ARGS__)
#define zassume_mem_equal__(buf, exp, size, ...)                                                   \
	zassume(memcmp(buf, exp, size) == 0, #buf " not equal to " #exp, ##__VA_ARGS__)

/* zexpect_*: a failure fails the test, which goes on. */
/** @brief Expect that @p cond is true. */
#define zexpect_true(cond, ...) zexpect(cond, #cond " is false", ##__VA_ARGS__)
/** @brief Expect that @p cond is false. */
#define zexpect_false(cond, ...) zexpect(!(cond), #cond " is true", ##__VA_ARGS__)
/** @brief Expect that @p cond is 0 (success). */
#define zexpect_ok(cond, ...) zexpect(!(cond), #cond " is non-zero", ##__VA_ARGS__)
/** @brief Expect that @p cond is not 0 (failure). */
#define zexpect_not_ok(cond, ...) zexpect(!!(cond), #cond " is zero", ##__VA_ARGS__)
/** @brief Expect that @p ptr is NULL. */
#define zexpect_is_null(ptr, ...) zexpect((ptr) == NULL, #ptr " is not NULL", ##__VA_ARGS__)
/** @brief Expect that @p ptr is not NULL. */
#define zexpect_not_null(ptr, ...) zexpect((ptr) != NULL, #ptr " is NULL", ##__VA_ARGS__)
/** @brief Expect that @p a equals @p b (compared as they are). */
#define zexpect_equal(a, b, ...) zexpect((a) == (b), #a " not equal to " #b, ##__VA_ARGS__)
/** @brief Expect that @p a differs from @p b. */
#define zexpect_not_equal(a, b, ...) zexpect((a) != (b), #a " equal to " #b, ##__VA_ARGS__)
/** @brief Expect that @p a and @p b are the same pointer. */
#define zexpect_equal_ptr(a, b, ...)                                                               \
	zexpect((void *)(a) == (void *)(b), #a " not equal to " #b, ##__VA_ARGS__)
/** @brief Expect that @p a is within @p b +/- @p d. */
#define zexpect_within(a, b, d, ...)                                                               \
	zexpect(((a) >= ((b) - (d))) && ((a) <= ((b) + (d))), #a " not within " #b " +/- " #d,     \
		##__VA_ARGS__)
/** @brief Expect that @p l <= @p a <= @p u. */
#define zexpect_between_inclusive(a, l, u, ...)                                                    \
	zexpect(((a) >= (l)) && ((a) <= (u)), #a " not between " #l " and " #u " inclusive",       \
		##__VA_ARGS__)
/** @brief Expect that strings @p s1 and @p s2 are equal. */
#define zexpect_str_equal(s1, s2, ...)                                                             \
	zexpect(strcmp(s1, s2) == 0, #s1 " not equal to " #s2, ##__VA_ARGS__)
/** @brief Expect that @p size bytes at @p buf equal those at @p exp. */
#define zexpect_mem_equal(...) zexpect_mem_equal__(__VA_ARGS__)
#define zexpect_mem_equal__(buf, exp, size, ...)                                                   \
	zexpect(memcmp(buf, exp, size) == 0, #buf " not equal to " #exp, ##__VA_ARGS__)

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_ZTEST_ASSERT_H_ */
