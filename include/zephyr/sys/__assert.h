/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Zephyr's assertions: active with CONFIG_ASSERT, otherwise compiled out (but the
 * expression is still type-checked).
 */
#ifndef ZEPHYR_INCLUDE_SYS___ASSERT_H_
#define ZEPHYR_INCLUDE_SYS___ASSERT_H_

#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief Report a failed assertion and take the fatal path (K_ERR_KERNEL_PANIC). */
void assert_post_action(const char *file, unsigned int line);
/** @brief Print the assertion message (printf format). */
void assert_print(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#if defined(CONFIG_ASSERT) && CONFIG_ASSERT

#define __ASSERT_LOC(test)                                                                         \
	assert_print("ASSERTION FAIL [%s] @ %s:%d\n", #test, __FILE__, __LINE__)

/** @brief Assert @p test; on failure print the message and take the fatal path. */
#define __ASSERT(test, ...)                                                                        \
	do {                                                                                       \
		if (!(test)) {                                                                     \
			__ASSERT_LOC(test);                                                        \
			assert_print("\t" __VA_ARGS__);                                            \
			assert_print("\n");                                                        \
			assert_post_action(__FILE__, __LINE__);                                    \
		}                                                                                  \
	} while (false)

/** @brief Evaluate @p expr and assert @p test. */
#define __ASSERT_EVAL(expr1, expr2, test, fmt, ...)                                                \
	do {                                                                                       \
		expr2;                                                                             \
		__ASSERT(test, fmt, ##__VA_ARGS__);                                                \
	} while (false)

/** @brief Assert @p test without a message. */
#define __ASSERT_NO_MSG(test)                                                                      \
	do {                                                                                       \
		if (!(test)) {                                                                     \
			__ASSERT_LOC(test);                                                        \
			assert_post_action(__FILE__, __LINE__);                                    \
		}                                                                                  \
	} while (false)

#else

#define __ASSERT(test, ...)                                                                        \
	do {                                                                                       \
		if (false) {                                                                       \
			(void)(test);                                                              \
		}                                                                                  \
	} while (false)
#define __ASSERT_EVAL(expr1, expr2, test, fmt, ...) expr1
#define __ASSERT_NO_MSG(test) __ASSERT(test, "")

#endif /* CONFIG_ASSERT */

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_SYS___ASSERT_H_ */
