/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * ztest self-test that must pass: every registration form, every check family with passing
 * operands, fixtures and the order of suite callbacks, user-mode tests, rules, expected
 * results, and expected faults and assertions through <zephyr/ztest_error_hook.h>.
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

/* ---- Checks: every zassert/zassume/zexpect variant with operands that hold ---- */

ZTEST(ztest_checks, test_zassert_all)
{
	int a = 4;
	int *p = &a;
	int *null = NULL;
	const char buf[] = "abc";

	zassert_true(a == 4);
	zassert_true(a == 4, "with a message");
	zassert_true(a == 4, "with a formatted message %d %s", a, "x");
	zassert_true(a == 4, NULL);
	zassert_false(a == 5);
	zassert_ok(0);
	zassert_ok(0, "ok %d", 0);
	zassert_not_ok(-EINVAL);
	zassert_is_null(null);
	zassert_not_null(p, "p %p", (void *)p);
	zassert_equal(a, 4);
	zassert_equal(a, 4, "a is %d", a);
	zassert_not_equal(a, 5);
	zassert_equal_ptr(p, &a);
	zassert_within(a, 5, 1);
	zassert_within(a, 3, 1);
	zassert_between_inclusive(a, 4, 4);
	zassert_between_inclusive(a, 0, 10, "%d", a);
	zassert_mem_equal(buf, "abc", 4);
	zassert_mem_equal(buf, "abd", 2, "first two bytes");
	zassert_str_equal(buf, "abc");
}

ZTEST(ztest_checks, test_zassume_all)
{
	int a = 4;
	const char buf[] = "abc";

	zassume_true(a == 4);
	zassume_false(a == 5, "msg");
	zassume_ok(0);
	zassume_not_ok(1);
	zassume_is_null(NULL);
	zassume_not_null(&a);
	zassume_equal(a, 4);
	zassume_not_equal(a, 3);
	zassume_equal_ptr(&a, &a);
	zassume_within(a, 4, 0);
	zassume_between_inclusive(a, 3, 5);
	zassume_mem_equal(buf, "abc", 3);
	zassume_str_equal(buf, "abc", "%s", buf);
}

ZTEST(ztest_checks, test_zexpect_all)
{
	int a = 4;
	const char buf[] = "abc";

	zexpect_true(a == 4);
	zexpect_false(a == 5);
	zexpect_ok(0);
	zexpect_not_ok(1, "msg %d", 1);
	zexpect_is_null(NULL);
	zexpect_not_null(&a);
	zexpect_equal(a, 4);
	zexpect_not_equal(a, 3);
	zexpect_equal_ptr(&a, &a);
	zexpect_within(a, 4, 0);
	zexpect_between_inclusive(a, 3, 5);
	zexpect_mem_equal(buf, "abc", 3);
	zexpect_str_equal(buf, "abc");
}

/* ztest_test_pass() ends the test at once, as passed. */
ZTEST(ztest_checks, test_pass_early)
{
	ztest_test_pass();
	zassert_unreachable("ztest_test_pass() returned");
}

/* A failing test can be expected to fail: it then reports PASS. */
ZTEST_EXPECT_FAIL(ztest_checks, test_expected_to_fail);
ZTEST(ztest_checks, test_expected_to_fail)
{
	zassert_equal(1, 2, "this failure is expected");
}

ZTEST_EXPECT_SKIP(ztest_checks, test_expected_to_skip);
ZTEST(ztest_checks, test_expected_to_skip)
{
	zassume_true(false, "this skip is expected");
}

ZTEST_SUITE(ztest_checks, NULL, NULL, NULL, NULL, NULL);

/* ---- Fixtures: setup/before/after/teardown order, the fixture pointer, test order ---- */

struct ztest_fixture_fixture {
	int setups;
	int befores;
	int afters;
	char order[8];
	int n;
};

static struct ztest_fixture_fixture fixture_data;
static int teardowns;

static void *fixture_setup(void)
{
	fixture_data.setups++;
	return &fixture_data;
}

static void fixture_before(void *f)
{
	struct ztest_fixture_fixture *fx = f;

	zassert_equal_ptr(fx, &fixture_data);
	fx->befores++;
}

static void fixture_after(void *f)
{
	struct ztest_fixture_fixture *fx = f;

	fx->afters++;
}

static void fixture_teardown(void *f)
{
	zassert_equal_ptr(f, &fixture_data);
	teardowns++;
}

/* Defined out of alphabetical order: they must run as a, b, c. */
ZTEST_F(ztest_fixture, test_c)
{
	fixture->order[fixture->n++] = 'c';
	zassert_str_equal(fixture->order, "abc", "tests ran in the order %s", fixture->order);
	zassert_equal(fixture->befores, 3);
	zassert_equal(fixture->afters, 2);
}

ZTEST_F(ztest_fixture, test_a)
{
	zassert_equal(fixture->setups, 1);
	zassert_equal(fixture->befores, 1);
	zassert_equal(fixture->afters, 0);
	fixture->order[fixture->n++] = 'a';
}

ZTEST_F(ztest_fixture, test_b)
{
	fixture->order[fixture->n++] = 'b';
}

ZTEST_SUITE(ztest_fixture, NULL, fixture_setup, fixture_before, fixture_after, fixture_teardown);

/* Runs after ztest_fixture (alphabetical suite order): its teardown has run. */
ZTEST(ztest_fixture_done, test_teardown_ran)
{
	zassert_equal(teardowns, 1);
	zassert_equal(fixture_data.afters, 3);
}

ZTEST_SUITE(ztest_fixture_done, NULL, NULL, NULL, NULL, NULL);

/* ---- Threads: each test on its own thread, of the configured size and priority ---- */

static k_tid_t previous_test_thread;
static k_tid_t main_tid;

static void *threads_setup(void)
{
	main_tid = k_current_get();
	return NULL;
}

ZTEST(ztest_threads, test_own_thread)
{
	zassert_not_equal(k_current_get(), main_tid, "the test runs on the runner's thread");
	zassert_equal(k_thread_priority_get(k_current_get()), CONFIG_ZTEST_THREAD_PRIORITY);
	zassert_true(k_current_get()->stack_info.size >=
			 CONFIG_ZTEST_STACK_SIZE + CONFIG_TEST_EXTRA_STACK_SIZE,
		     "stack of %zu bytes", (size_t)k_current_get()->stack_info.size);
	zassert_str_equal(k_thread_name_get(k_current_get()), "test_own_thread");
	previous_test_thread = k_current_get();
}

/* Older Zephyr tests print TC_START("...") inside a test (tests/kernel/mutex/sys_mutex): the
 * "START - Test kernel Mutex API" line is no case of its own, twister must not count one. */
ZTEST(ztest_threads, test_tc_start_inside)
{
	TC_START("Inner step of this test");
	zassert_true(true);
}

ZTEST(ztest_threads, test_sleep_in_test)
{
	int64_t t0 = k_uptime_get();

	k_msleep(20);
	zassert_true(k_uptime_get() - t0 >= 20);
}

static ZTEST_BMEM int user_counter;

ZTEST_USER(ztest_threads, test_user_mode)
{
	zassert_true(k_is_user_context(), "ZTEST_USER test not in user mode");
	user_counter++; /* ZTEST_BMEM data is open to user-mode tests */
	zassert_equal(user_counter, 1);
}

struct ztest_user_fix_fixture {
	int value;
};

static struct ztest_user_fix_fixture user_fix = {.value = 42};

static void *user_fix_setup(void)
{
	return &user_fix;
}

ZTEST_USER_F(ztest_user_fix, test_user_fixture)
{
	zassert_true(k_is_user_context());
	zassert_equal(fixture->value, 42);
}

ZTEST_SUITE(ztest_user_fix, NULL, user_fix_setup, NULL, NULL, NULL);

ZTEST_SUITE(ztest_threads, NULL, threads_setup, ztest_simple_1cpu_before, ztest_simple_1cpu_after,
	    NULL);

/* ---- Predicates: a suite whose predicate says no is skipped ---- */

static bool never(const void *state)
{
	(void)state;
	return false;
}

ZTEST(ztest_predicate_no, test_never_runs)
{
	zassert_unreachable("a suite whose predicate is false ran");
}

ZTEST_SUITE(ztest_predicate_no, never, NULL, NULL, NULL, NULL);

/* ---- Rules run around every test ---- */

static int rule_before_count;
static int rule_after_count;

static void rule_before(const struct ztest_unit_test *test, void *data)
{
	(void)data;
	if (strcmp(test->test_suite_name, "ztest_rules") == 0) {
		rule_before_count++;
	}
}

static void rule_after(const struct ztest_unit_test *test, void *data)
{
	(void)data;
	if (strcmp(test->test_suite_name, "ztest_rules") == 0) {
		rule_after_count++;
	}
}

ZTEST_RULE(count_rule, rule_before, rule_after);

ZTEST(ztest_rules, test_first)
{
	zassert_equal(rule_before_count, 1);
	zassert_equal(rule_after_count, 0);
}

ZTEST(ztest_rules, test_second)
{
	zassert_equal(rule_before_count, 2);
	zassert_equal(rule_after_count, 1);
}

ZTEST_SUITE(ztest_rules, NULL, NULL, NULL, NULL, NULL);

/* ---- Expected faults and assertions (ztest_error_hook.h) ---- */

static volatile uintptr_t bad_base = 8;
static unsigned int hook_reason = 99;

void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	(void)esf;
	hook_reason = reason;
}

static void faulting_thread(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	ztest_set_fault_valid(true);
	*(volatile int *)(bad_base * 2) = 1;
}

K_THREAD_STACK_DEFINE(fault_stack, 8192);
static struct k_thread fault_thread;

ZTEST(ztest_error_hook, test_expected_fault_in_other_thread)
{
	hook_reason = 99;
	k_thread_create(&fault_thread, fault_stack, K_THREAD_STACK_SIZEOF(fault_stack),
			faulting_thread, NULL, NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
	zassert_ok(k_thread_join(&fault_thread, K_FOREVER));
	zassert_equal(hook_reason, K_ERR_CPU_EXCEPTION);
}

/* The test thread itself faults as expected: it ends there and the test passes. */
ZTEST(ztest_error_hook, test_expected_fault_ends_test)
{
	ztest_set_fault_valid(true);
	k_oops();
	zassert_unreachable("k_oops() returned");
}

ZTEST(ztest_error_hook, test_expected_assert)
{
	ztest_set_assert_valid(true);
	__ASSERT(1 == 2, "this assertion is expected to fail");
	zassert_unreachable("the assertion did not end the test");
}

ZTEST_SUITE(ztest_error_hook, NULL, NULL, NULL, NULL, NULL);

/* A user-mode test writing a live thread's stack faults: the host closes other threads' stacks
 * to user threads. before() runs in supervisor mode on the test's thread, before user mode. */
K_THREAD_STACK_DEFINE(victim_stack, 8192);
static struct k_thread victim_thread;
K_SEM_DEFINE(victim_sem, 0, 1);

static void victim(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	k_sem_take(&victim_sem, K_FOREVER);
}

static void victim_before(void *f)
{
	(void)f;
	k_thread_create(&victim_thread, victim_stack, K_THREAD_STACK_SIZEOF(victim_stack), victim,
			NULL, NULL, NULL, K_PRIO_PREEMPT(0), 0, K_NO_WAIT);
}

static void victim_after(void *f)
{
	(void)f;
	k_sem_give(&victim_sem);
	zassert_ok(k_thread_join(&victim_thread, K_FOREVER));
}

ZTEST_USER(ztest_user_fault, test_expected_user_fault)
{
	TC_PRINT("writing another thread's stack from user mode\n");
	ztest_set_fault_valid(true);
	((volatile char *)victim_stack)[K_THREAD_STACK_RESERVED + 64] = 1;
	zassert_unreachable("a user thread wrote another thread's stack");
}

ZTEST_SUITE(ztest_user_fault, NULL, NULL, victim_before, victim_after, NULL);
