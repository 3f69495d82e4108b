/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * ztest self-test: the runner fits in the 640-byte main stack that Zephyr's
 * tests/kernel/mem_protect/stackprot gives main, with stack canaries on (prj.conf). On a
 * 64-bit host the runner's frames and the kernel calls it makes once took 1240 bytes of it, so
 * main overflowed in the first case (a stack overflow of main: the run halts, exit status 4).
 * Every part of the runner that runs on main is used here: a suite with setup, before, after
 * and teardown, a rule, a kernel-mode, a user-mode, a parameterised and an expected-to-fail
 * case. The last case prints main's high-water mark (CONFIG_INIT_STACKS). The hooks that run
 * on main neither check with zassert nor print: a zassert call takes 272 bytes of the caller's
 * stack and a printk 224 on a 64-bit host (the variadic register save area), where Zephyr's
 * 32-bit targets need a fraction of that; on main that is the application's cost, not the
 * runner's.
 */
#include <zephyr/kernel.h>
#include <zephyr/ztest.h>

#if !defined(CONFIG_STACK_CANARIES)
#error "this test is about main's stack with canaries on"
#endif

static k_tid_t main_tid;
static ZTEST_BMEM int befores, afters, afters_on_main, rule_afters, values_seen;
static bool torn_down;

static void *small_main_setup(void)
{
	main_tid = k_current_get();
	return NULL;
}

static void small_main_before(void *data)
{
	(void)data;
	befores++;
}

static void small_main_after(void *data)
{
	(void)data;
	/* on main, after the test's thread ended */
	afters_on_main += k_current_get() == main_tid ? 1 : 0;
	afters++;
}

static void small_main_teardown(void *data)
{
	(void)data;
	torn_down = true;
}

static void count_rule_after(const struct ztest_unit_test *test, void *data)
{
	(void)test;
	(void)data;
	rule_afters++;
}
ZTEST_RULE(small_main_rule, NULL, count_rule_after);

/* The configuration took: main's stack is the 640 bytes asked for, not more. */
ZTEST(small_main, test_a_main_stack_is_640)
{
	zassert_not_null(main_tid);
	zassert_equal(main_tid->stack_info.size, 640U);
	zassert_not_equal(k_current_get(), main_tid, "tests run on a thread of their own");
}

ZTEST(small_main, test_b_kernel_calls)
{
	struct k_sem sem;

	k_sem_init(&sem, 0, 1);
	k_sem_give(&sem);
	zassert_equal(k_sem_take(&sem, K_MSEC(10)), 0);
	k_sleep(K_MSEC(1));
}

ZTEST_USER(small_main, test_c_user_mode)
{
	zassert_true(k_is_user_context());
}

ZTEST_DEFINE_PARAM_VALUES(small_values, int, 1, 2, 3);

ZTEST_P(small_main, test_d_param)
{
	int v = ZTEST_GET_PARAM(int);

	zassert_true(v >= 1 && v <= 3);
	values_seen++;
}
ZTEST_INSTANTIATE_TEST_SUITE_P(small, small_main, test_d_param, small_values);

/* A failing check prints its message on the test's thread; the runner reports the expected
 * failure as a pass. */
ZTEST(small_main, test_e_expected_failure)
{
	zassert_equal(1, 2, "expected to fail");
}
ZTEST_EXPECT_FAIL(small_main, test_e_expected_failure);

/* Runs last (tests run in name order): everything before ran, and main's hooks with it. */
ZTEST(small_main, test_z_counts)
{
	/* 1 + 1 + 1 + 3 + 1 cases before this one */
	zassert_equal(befores, 8, "before() ran %d times", befores);
	zassert_equal(afters, 7);
	zassert_equal(afters_on_main, 7, "after() runs on main");
	zassert_equal(rule_afters, 7);
	zassert_equal(values_seen, 3);
	zassert_false(torn_down);

	size_t unused = 0;

	zassert_equal(k_thread_stack_space_get(main_tid, &unused), 0);
	TC_PRINT("main used %zu of its %zu-byte stack\n", main_tid->stack_info.size - unused,
		 main_tid->stack_info.size);
}

ZTEST_SUITE(small_main, NULL, small_main_setup, small_main_before, small_main_after,
	    small_main_teardown);
