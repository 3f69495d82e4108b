/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief A tiny portable test harness: assertions, a test table and a runner.
 *
 * Only C11 and printf are used, so the same test programs run on the host and, cross-compiled,
 * on a Cortex-M target under QEMU (output through semihosting). A failed assertion prints
 * file:line, the expression and, for comparisons, both values; it then returns from the
 * current test function (so assertions belong in functions returning void). The runner prints
 * one line per test and a closing "N passed, N failed" line and returns non-zero on failure.
 *
 * Usage:
 *   ZT_TEST(test_something) { ZT_ASSERT(x == 1); }
 *   static const struct zt_case cases[] = { ZT_CASE(test_something) };
 *   int main(int argc, char **argv) { return zt_main(argc, argv, "suite", cases, ZT_COUNT(cases)); }
 *
 * Command line (optional): names of the tests to run, or names prefixed with '-' to skip; so
 * ctest can register one test case on its own, or leave one out.
 */
#ifndef ZMEM_TESTS_COMMON_ZMEM_TEST_H_
#define ZMEM_TESTS_COMMON_ZMEM_TEST_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Divisor applied to iteration counts (ZT_ITER). Small targets build with e.g.
 * -DZT_ITER_DIVISOR=20 to keep run time under QEMU low; the host uses the full counts.
 */
#ifndef ZT_ITER_DIVISOR
#define ZT_ITER_DIVISOR 1
#endif

/** @brief An iteration count scaled down by ZT_ITER_DIVISOR, never below 1. */
#define ZT_ITER(n) ((n) / ZT_ITER_DIVISOR > 0 ? (n) / ZT_ITER_DIVISOR : 1)

/** @brief One registered test. */
struct zt_case {
	const char *name; /**< Printed by the runner. */
	void (*fn)(void); /**< The test body. */
};

/** @brief Define a test function. */
#define ZT_TEST(name) static void name(void)
/** @brief Entry of a test table. */
#define ZT_CASE(name) {#name, name}
/** @brief Number of entries in a test table. */
#define ZT_COUNT(cases) (sizeof(cases) / sizeof((cases)[0]))

/**
 * @brief Run every test of a table in order.
 * @return 0 when every test passed, 1 otherwise (use as main's return value).
 */
int zt_run(const char *suite, const struct zt_case *cases, size_t count);

/**
 * @brief zt_run() restricted by the command line: arguments name the tests to run; an argument
 * "-name" skips that test instead. An unknown name is an error.
 * @return 0 when every selected test passed, 1 otherwise.
 */
int zt_main(int argc, char **argv, const char *suite, const struct zt_case *cases, size_t count);

/** @brief Record a failure of the running test and print where it happened. */
void zt_fail(const char *file, int line, const char *expr);
/** @brief Record a failed comparison of two integers and print both values. */
void zt_fail_cmp(const char *file, int line, const char *expr, unsigned long long a,
		 unsigned long long b);
/** @brief Print an extra line of context for the last failure (printf format). */
void zt_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/** @brief True once the running test has failed (helpers use it to stop early). */
bool zt_failed(void);

/** @brief Fail the test and return when @p cond is false. */
#define ZT_ASSERT(cond)                                                                            \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			zt_fail(__FILE__, __LINE__, #cond);                                        \
			return;                                                                    \
		}                                                                                  \
	} while (0)

/** @brief Like ZT_ASSERT, also printing a message (printf format). */
#define ZT_ASSERT_MSG(cond, ...)                                                                   \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			zt_fail(__FILE__, __LINE__, #cond);                                        \
			zt_note(__VA_ARGS__);                                                      \
			return;                                                                    \
		}                                                                                  \
	} while (0)

#define ZT_ASSERT_CMP_(a, op, b)                                                                   \
	do {                                                                                       \
		unsigned long long zt_a_ = (unsigned long long)(a);                                \
		unsigned long long zt_b_ = (unsigned long long)(b);                                \
		if (!(zt_a_ op zt_b_)) {                                                           \
			zt_fail_cmp(__FILE__, __LINE__, #a " " #op " " #b, zt_a_, zt_b_);          \
			return;                                                                    \
		}                                                                                  \
	} while (0)

/** @brief Unsigned integer comparisons that print both values on failure. */
#define ZT_ASSERT_EQ(a, b) ZT_ASSERT_CMP_(a, ==, b)
#define ZT_ASSERT_NE(a, b) ZT_ASSERT_CMP_(a, !=, b)
#define ZT_ASSERT_LT(a, b) ZT_ASSERT_CMP_(a, <, b)
#define ZT_ASSERT_LE(a, b) ZT_ASSERT_CMP_(a, <=, b)
#define ZT_ASSERT_GT(a, b) ZT_ASSERT_CMP_(a, >, b)
#define ZT_ASSERT_GE(a, b) ZT_ASSERT_CMP_(a, >=, b)

/** @brief Pointer checks. */
#define ZT_ASSERT_NULL(p)     ZT_ASSERT((p) == NULL)
#define ZT_ASSERT_NOT_NULL(p) ZT_ASSERT((p) != NULL)

/** @brief Return from the calling test when a helper it called has failed. */
#define ZT_RETURN_IF_FAILED()                                                                      \
	do {                                                                                       \
		if (zt_failed()) {                                                                 \
			return;                                                                    \
		}                                                                                  \
	} while (0)

/** @brief A small deterministic PRNG (xorshift64); tests seed it explicitly. */
struct zt_rng {
	uint64_t s; /**< State, never 0. */
};

/** @brief Seed @p r (0 is mapped to a fixed non-zero seed). */
void zt_rng_seed(struct zt_rng *r, uint64_t seed);
/** @brief Next 64-bit value. */
uint64_t zt_rng_next(struct zt_rng *r);
/** @brief Uniform-ish value in [0, n) for n > 0. */
uint32_t zt_rng_below(struct zt_rng *r, uint32_t n);

#ifdef __cplusplus
}
#endif

#endif /* ZMEM_TESTS_COMMON_ZMEM_TEST_H_ */
