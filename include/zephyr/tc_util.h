/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Test case utilities: result codes and the console lines Zephyr's tools parse.
 *
 * The line formats ("START - name", " PASS - name in 0.001 seconds", "Running TESTSUITE x",
 * "PROJECT EXECUTION SUCCESSFUL") are the ones twister's regular expressions expect, so a
 * zmem test's output reads like a Zephyr test's.
 */
#ifndef ZEPHYR_INCLUDE_TC_UTIL_H_
#define ZEPHYR_INCLUDE_TC_UTIL_H_

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#if defined(CONFIG_PRINTK) && CONFIG_PRINTK && !defined(ZTEST_SINGLE_THREAD)
#include <zephyr/sys/printk.h>
#ifndef PRINT_DATA
/** @brief Where test output goes: printk on the host runtime. */
#define PRINT_DATA(fmt, ...) printk(fmt, ##__VA_ARGS__)
#endif
#else
#include <stdio.h>
#ifndef PRINT_DATA
/** @brief Where test output goes: printf on freestanding targets (newlib). */
#define PRINT_DATA(fmt, ...) printf(fmt, ##__VA_ARGS__)
#endif
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define TC_STR_HELPER(x) #x
#define TC_STR(x)        TC_STR_HELPER(x)
#ifdef TC_RUNID
#define TC_PRINT_RUNID PRINT_DATA("RunID: " TC_STR(TC_RUNID) "\n")
#else
#define TC_PRINT_RUNID                                                                             \
	do {                                                                                       \
	} while (false)
#endif

#ifndef PRINT_LINE
/** @brief The separator line Zephyr prints after each test and before the final verdict. */
#define PRINT_LINE                                                                                 \
	PRINT_DATA("============================================================"                  \
		   "=======\n")
#endif

/** @brief Stack size Zephyr's old test tasks used. */
#define TASK_STACK_SIZE (1024 * 2)

#define FMT_ERROR "%s - %s@%d. "

#define TC_PASS  0
#define TC_FAIL  1
#define TC_SKIP  2
#define TC_FLAKY 3

#ifndef TC_PASS_STR
#define TC_PASS_STR "PASS"
#endif
#ifndef TC_FAIL_STR
#define TC_FAIL_STR "FAIL"
#endif
#ifndef TC_SKIP_STR
#define TC_SKIP_STR "SKIP"
#endif
#ifndef TC_FLAKY_STR
#define TC_FLAKY_STR "FLAKY"
#endif

/** @brief "PASS", "FAIL", "SKIP" or "FLAKY" for a TC_* result. */
static inline const char *TC_RESULT_TO_STR(int result)
{
	switch (result) {
	case TC_PASS:
		return TC_PASS_STR;
	case TC_FAIL:
		return TC_FAIL_STR;
	case TC_SKIP:
		return TC_SKIP_STR;
	case TC_FLAKY:
		return TC_FLAKY_STR;
	default:
		return "?";
	}
}

/** @brief Discards a message (TC_PRINT without CONFIG_ZTEST_VERBOSE_OUTPUT). */
static inline void print_nothing(const char *fmt, ...)
{
	(void)fmt;
}

#ifndef TC_ERROR
#define TC_ERROR(fmt, ...)                                                                         \
	do {                                                                                       \
		PRINT_DATA(FMT_ERROR, "FAIL", __func__, __LINE__);                                 \
		PRINT_DATA(fmt, ##__VA_ARGS__);                                                    \
	} while (false)
#endif

/* Under Kconfig (CONFIG_ZTEST set) an n bool is undefined; without it: the default, on. */
#if defined(CONFIG_ZTEST_VERBOSE_OUTPUT) || !defined(CONFIG_ZTEST)
#define Z_TC_VERBOSE 1
#else
#define Z_TC_VERBOSE 0
#endif

#ifndef TC_PRINT
#if Z_TC_VERBOSE
/** @brief Print from a test (printf format); silent with CONFIG_ZTEST_VERBOSE_OUTPUT=n. */
#define TC_PRINT(fmt, ...) PRINT_DATA(fmt, ##__VA_ARGS__)
#else
#define TC_PRINT(fmt, ...) print_nothing(fmt, ##__VA_ARGS__)
#endif
#endif

#ifndef TC_SUMMARY_PRINT
#define TC_SUMMARY_PRINT(fmt, ...) PRINT_DATA(fmt, ##__VA_ARGS__)
#endif

#ifndef TC_START_PRINT
#if Z_TC_VERBOSE
#define TC_START_PRINT(name) PRINT_DATA("START - %s\n", name)
#else
#define TC_START_PRINT(name) print_nothing(name)
#endif
#endif

#ifndef TC_START
/** @brief "START - name". */
#define TC_START(name)                                                                             \
	do {                                                                                       \
		TC_START_PRINT(name);                                                              \
	} while (false)
#endif

#ifndef TC_END
#define TC_END(result, fmt, ...) PRINT_DATA(fmt, ##__VA_ARGS__)
#endif

#ifndef TC_END_PRINT
#if Z_TC_VERBOSE
#define TC_END_PRINT(result, fmt, ...)                                                             \
	do {                                                                                       \
		PRINT_DATA(fmt, ##__VA_ARGS__);                                                    \
		PRINT_LINE;                                                                        \
	} while (false)
#else
#define TC_END_PRINT(result, fmt, ...) print_nothing(fmt)
#endif
#endif

/** @brief Milliseconds the last test took, as Z_TC_END_RESULT prints them (set by ztest). */
extern uint32_t tc_spend_time;

#ifndef Z_TC_END_RESULT
/** @brief " PASS - name in 0.001 seconds" and the separator line. */
#define Z_TC_END_RESULT(result, func)                                                              \
	TC_END_PRINT(result, " %s - %s in %u.%03u seconds\n", TC_RESULT_TO_STR(result), func,      \
		     (unsigned int)(tc_spend_time / 1000U), (unsigned int)(tc_spend_time % 1000U))
#endif

#ifndef TC_END_RESULT
#define TC_END_RESULT(result) Z_TC_END_RESULT((result), __func__)
#endif

#ifndef TC_END_RESULT_CUSTOM
#define TC_END_RESULT_CUSTOM(result, func) Z_TC_END_RESULT((result), func)
#endif

#ifndef TC_SUITE_PRINT
#define TC_SUITE_PRINT(fmt, ...) PRINT_DATA(fmt, ##__VA_ARGS__)
#endif

#ifndef TC_SUITE_START
/** @brief "Running TESTSUITE name" and the separator line. */
#define TC_SUITE_START(name)                                                                       \
	do {                                                                                       \
		TC_SUITE_PRINT("Running TESTSUITE %s\n", name);                                    \
		PRINT_LINE;                                                                        \
	} while (false)
#endif

#ifndef TC_SUITE_END
/** @brief "TESTSUITE name succeeded" or "TESTSUITE name failed.". */
#define TC_SUITE_END(name, result)                                                                 \
	do {                                                                                       \
		if ((result) != TC_FAIL) {                                                         \
			TC_SUITE_PRINT("TESTSUITE %s succeeded\n", name);                          \
		} else {                                                                           \
			TC_SUITE_PRINT("TESTSUITE %s failed.\n", name);                            \
		}                                                                                  \
	} while (false)
#endif

#ifndef TC_END_REPORT
/** @brief The separator line and "PROJECT EXECUTION SUCCESSFUL" (or "FAILED"). */
#define TC_END_REPORT(result)                                                                      \
	do {                                                                                       \
		PRINT_LINE;                                                                        \
		TC_PRINT_RUNID;                                                                    \
		TC_END(result, "PROJECT EXECUTION %s\n",                                           \
		       (result) == TC_PASS ? "SUCCESSFUL" : "FAILED");                             \
	} while (false)
#endif

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_TC_UTIL_H_ */
