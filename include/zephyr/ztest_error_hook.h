/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Expected faults and assertions in tests (CONFIG_ZTEST_FATAL_HOOK,
 * CONFIG_ZTEST_ASSERT_HOOK).
 *
 * A test that provokes a fault on purpose calls ztest_set_fault_valid(true) first: the fatal
 * error is then reported as expected, ztest_post_fatal_error_hook() runs and the faulting
 * thread ends, and the test passes unless it failed otherwise. Likewise
 * ztest_set_assert_valid(true) before a failing __ASSERT: ztest_post_assert_fail_hook() runs
 * (by default it ends the current thread; the test passes).
 */
#ifndef ZEPHYR_INCLUDE_ZTEST_ERROR_HOOK_H_
#define ZEPHYR_INCLUDE_ZTEST_ERROR_HOOK_H_

#include <stdbool.h>

#include <zephyr/kernel.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(CONFIG_ZTEST_FATAL_HOOK) && CONFIG_ZTEST_FATAL_HOOK
/**
 * @brief Expect (true) or stop expecting (false) a fatal error in the current thread (or in
 * an ISR when called from one).
 */
void ztest_set_fault_valid(bool valid);

/**
 * @brief Called after an expected fatal error, on the faulting thread's fatal path. Weak:
 * tests override it to check the reason or to clean up. The faulting thread ends after it.
 */
void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf);
#endif

#if defined(CONFIG_ZTEST_ASSERT_HOOK) && CONFIG_ZTEST_ASSERT_HOOK
/** @brief Expect (true) or stop expecting (false) a failed __ASSERT in the current thread. */
void ztest_set_assert_valid(bool valid);

/**
 * @brief Called after an expected __ASSERT failure, instead of returning to the caller. Weak:
 * the default ends the current thread.
 */
void ztest_post_assert_fail_hook(void);
#endif

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_ZTEST_ERROR_HOOK_H_ */
