/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Names of compiler warnings for TOOLCHAIN_DISABLE_WARNING() and
 * TOOLCHAIN_ENABLE_WARNING() (<zephyr/toolchain.h>), as Zephyr's test suites use them.
 *
 * Each is the warning's GCC/Clang option string. Clang does not know the ones GCC alone has,
 * so those are left undefined for Clang, as on Zephyr.
 */
#ifndef ZEPHYR_TESTSUITE_INCLUDE_TEST_TOOLCHAIN_H_
#define ZEPHYR_TESTSUITE_INCLUDE_TEST_TOOLCHAIN_H_

#include <zephyr/toolchain.h>

#define TOOLCHAIN_WARNING_DANGLING_POINTER   "-Wdangling-pointer"   /**< Dangling pointers. */
#define TOOLCHAIN_WARNING_FORMAT_TRUNCATION  "-Wformat-truncation"  /**< Truncated output. */
#define TOOLCHAIN_WARNING_INFINITE_RECURSION "-Winfinite-recursion" /**< Infinite recursion. */
#define TOOLCHAIN_WARNING_OVERFLOW           "-Woverflow"           /**< Constant overflow. */
#define TOOLCHAIN_WARNING_PRAGMAS            "-Wpragmas"            /**< Unknown pragmas. */
#define TOOLCHAIN_WARNING_UNUSED_FUNCTION    "-Wunused-function"    /**< Unused functions. */

#if defined(__clang__)
#define TOOLCHAIN_WARNING_INTEGER_OVERFLOW "-Winteger-overflow" /**< Clang only. */
#endif
#if defined(__GNUC__) && !defined(__clang__)
#define TOOLCHAIN_WARNING_ALLOC_SIZE_LARGER_THAN "-Walloc-size-larger-than=" /**< GCC only. */
#define TOOLCHAIN_WARNING_STRINGOP_OVERFLOW      "-Wstringop-overflow"       /**< GCC only. */
#define TOOLCHAIN_WARNING_STRINGOP_TRUNCATION    "-Wstringop-truncation"     /**< GCC only. */
#endif

#endif /* ZEPHYR_TESTSUITE_INCLUDE_TEST_TOOLCHAIN_H_ */
