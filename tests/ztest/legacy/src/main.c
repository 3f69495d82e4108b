/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * ztest's legacy form, still found in older Zephyr tests: the application's test_main() lists
 * the tests with ztest_test_suite() and runs them with ztest_run_test_suite().
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

static int setups;
static int teardowns;

static void count_setup(void)
{
	setups++;
}

static void count_teardown(void)
{
	teardowns++;
}

static void test_plain(void)
{
	zassert_equal(1 + 1, 2, NULL);
}

static void test_with_setup(void)
{
	zassert_equal(setups, 1, "setup ran %d times", setups);
	zassert_equal(teardowns, 0, NULL);
}

static void test_user(void)
{
	zassert_true(k_is_user_context(), "not in user mode");
}

static void test_after_teardown(void)
{
	zassert_equal(teardowns, 1, NULL);
}

void test_main(void)
{
	ztest_test_suite(
	    legacy_suite, ztest_unit_test(test_plain),
	    ztest_unit_test_setup_teardown(test_with_setup, count_setup, count_teardown),
	    ztest_user_unit_test(test_user), ztest_unit_test(test_after_teardown));
	ztest_run_test_suite(legacy_suite);
}
