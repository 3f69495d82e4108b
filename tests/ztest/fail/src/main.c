/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * ztest self-test that must fail, in known ways: failed assertions, expectations, faults,
 * panics and skips each end as Zephyr reports them, every other test still runs, and the run
 * ends with PROJECT EXECUTION FAILED and a non-zero exit status (checked by expect_fail.txt).
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

static volatile uintptr_t bad_base = 8;

ZTEST(ztest_fail, test_a_pass)
{
	zassert_true(true);
}

ZTEST(ztest_fail, test_assert)
{
	int sum = 1 + 1;

	zassert_equal(sum, 3, "sum is %d", sum);
	TC_PRINT("not reached after a failed assertion\n");
}

ZTEST(ztest_fail, test_assume)
{
	zassume_true(false, "assumption %s", "not met");
	TC_PRINT("not reached after a failed assumption\n");
}

ZTEST(ztest_fail, test_expect)
{
	zexpect_equal(1, 2, "first expectation");
	zexpect_true(false);
	TC_PRINT("still running after two failed expectations\n");
}

ZTEST(ztest_fail, test_fault)
{
	*(volatile int *)(bad_base * 2) = 1;
	TC_PRINT("not reached after a fault\n");
}

ZTEST(ztest_fail, test_kernel_assert)
{
	__ASSERT(bad_base == 0, "an unexpected __ASSERT failure");
	TC_PRINT("not reached after a failed __ASSERT\n");
}

ZTEST_USER(ztest_fail, test_user_oops)
{
	k_oops();
}

ZTEST(ztest_fail, test_skip)
{
	ztest_test_skip();
}

ZTEST(ztest_fail, test_test_fail)
{
	ztest_test_fail();
}

ZTEST(ztest_fail, test_z_last_pass)
{
	zassert_equal(2, 2);
}

ZTEST_SUITE(ztest_fail, NULL, NULL, NULL, NULL, NULL);

/* A suite whose setup skips: each of its tests reports SKIP. */
static void *skipping_setup(void)
{
	ztest_test_skip();
	return NULL;
}

ZTEST(ztest_fail_setup_skip, test_one)
{
	zassert_unreachable("setup skipped the suite");
}

ZTEST(ztest_fail_setup_skip, test_two)
{
	zassert_unreachable("setup skipped the suite");
}

ZTEST_SUITE(ztest_fail_setup_skip, NULL, skipping_setup, NULL, NULL, NULL);

/* Runs after the failures: the run goes on. */
ZTEST(ztest_fail_zz_after, test_runs)
{
	zassert_true(true);
}

ZTEST_SUITE(ztest_fail_zz_after, NULL, NULL, NULL, NULL, NULL);
