/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief ztest, Zephyr's test framework: include this one header in a test.
 *
 * Enable it with `CONFIG_ZTEST=y` in the application's prj.conf: ztest then provides main(),
 * which runs every ZTEST_SUITE (or the application's own test_main(), legacy form) and prints
 * Zephyr's console format. See docs/ztest.md.
 */
#ifndef ZEPHYR_INCLUDE_ZTEST_H_
#define ZEPHYR_INCLUDE_ZTEST_H_

#if defined(__STDC_HOSTED__) && __STDC_HOSTED__ && defined(__linux__) &&                           \
    !defined(ZTEST_SINGLE_THREAD)
#include <zephyr/kernel.h>
#endif

#include <zephyr/tc_util.h>
#include <zephyr/ztest_assert.h>
#include <zephyr/ztest_test.h>

#if defined(CONFIG_USERSPACE) && CONFIG_USERSPACE && !defined(ZTEST_SINGLE_THREAD)
#include <zephyr/app_memory/app_memdomain.h>
/** @brief The partition of ztest's own data; user-mode tests can use it (Zephyr's name). */
extern struct k_mem_partition ztest_mem_partition;
/** @brief Put an initialized variable where user-mode tests may write it. */
#define ZTEST_DMEM K_APP_DMEM(ztest_mem_partition)
/** @brief Put a zero-initialized variable where user-mode tests may write it. */
#define ZTEST_BMEM K_APP_BMEM(ztest_mem_partition)
/** @brief Put a variable in ztest's partition. */
#define ZTEST_SECTION K_APP_DMEM_SECTION(ztest_mem_partition)
#else
#define ZTEST_DMEM
#define ZTEST_BMEM
#define ZTEST_SECTION ".data"
#endif

#ifndef PRINT
/** @brief Old name of PRINT_DATA that Zephyr tests still use. */
#define PRINT PRINT_DATA
#endif

#endif /* ZEPHYR_INCLUDE_ZTEST_H_ */
