/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Runtime stack safety (CONFIG_THREAD_RUNTIME_STACK_SAFETY): per-thread unused-stack
 * thresholds (bytes and percent, their limits), the full check (measure, report, fire below
 * the threshold only, NULL handler), the abbreviated check (nothing read past the threshold
 * when the far end is untouched; the full result when it fires), the calls from user mode.
 */
#include <errno.h>
#include <stdint.h>

#include <zephyr/kernel.h>

#include <zephyr/ztest.h>

#define CHILD_STACK 8192
#define CONSUME     3000

K_THREAD_STACK_DEFINE(child_stack, CHILD_STACK);
static struct k_thread child;
K_SEM_DEFINE(ready, 0, 1);
K_SEM_DEFINE(park, 0, 1);

static void child_fn(void *p1, void *p2, void *p3)
{
	volatile uint8_t buf[CONSUME];

	(void)p1;
	(void)p2;
	(void)p3;
	for (size_t i = 0; i < sizeof(buf); i++) {
		buf[i] = (uint8_t)i;
	}
	k_sem_give(&ready);
	k_sem_take(&park, K_FOREVER);
}

static int calls;
static const struct k_thread *seen_thread;
static size_t seen_unused;
static void *seen_arg;

static void on_low(const struct k_thread *t, size_t unused, void *arg)
{
	calls++;
	seen_thread = t;
	seen_unused = unused;
	seen_arg = arg;
}

ZTEST(stack_safety, test_thresholds)
{
	size_t size = child.stack_info.size;

	zexpect_equal(size, CHILD_STACK);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_pct_set(&child, 33), 0);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_get(&child), size * 33 / 100);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_pct_set(&child, 100), -EINVAL);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_get(&child), size * 33 / 100);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(&child, size), 0);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(&child, size + 1), -EINVAL);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_get(&child), size);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(NULL, 1), -EINVAL);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_pct_set(&child, 0), 0);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_get(&child), 0);
}

ZTEST(stack_safety, test_full_check)
{
	size_t size = child.stack_info.size;
	size_t unused = 0, space = 0;

	zassert_equal(k_thread_stack_space_get(&child, &space), 0);
	/* Off: measured, nothing fires. */
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(&child, 0), 0);
	calls = 0;
	zexpect_equal(k_thread_runtime_stack_safety_full_check(&child, &unused, on_low, NULL), 0);
	zexpect_equal(calls, 0);
	zexpect_equal(unused, space); /* the same measure as k_thread_stack_space_get */
	zexpect_true(unused < size - CONSUME);
	/* Below the threshold: fires once, with the thread, its unused bytes and the argument. */
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(&child, unused + 1), 0);
	zexpect_equal(k_thread_runtime_stack_safety_full_check(&child, NULL, on_low, &child), 0);
	zexpect_equal(calls, 1);
	zexpect_true(seen_thread == &child);
	zexpect_equal(seen_unused, unused);
	zexpect_true(seen_arg == &child);
	/* At the threshold exactly: not below, nothing fires. */
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(&child, unused), 0);
	zexpect_equal(k_thread_runtime_stack_safety_full_check(&child, NULL, on_low, NULL), 0);
	zexpect_equal(calls, 1);
	/* No handler: still measured. */
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(&child, size), 0);
	unused = 0;
	zexpect_equal(k_thread_runtime_stack_safety_full_check(&child, &unused, NULL, NULL), 0);
	zexpect_equal(unused, space);
	zexpect_equal(k_thread_runtime_stack_safety_full_check(NULL, &unused, NULL, NULL), -EINVAL);
}

ZTEST(stack_safety, test_threshold_check)
{
	size_t space = 0, unused = 0;

	zassert_equal(k_thread_stack_space_get(&child, &space), 0);
	/* The far end untouched up to the threshold: no fire, the threshold as lower bound. */
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(&child, space / 2), 0);
	calls = 0;
	zexpect_equal(k_thread_runtime_stack_safety_threshold_check(&child, &unused, on_low, NULL),
		      0);
	zexpect_equal(calls, 0);
	zexpect_equal(unused, space / 2);
	/* Past it: fires with the full measure. */
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(&child, space + 16), 0);
	zexpect_equal(k_thread_runtime_stack_safety_threshold_check(&child, &unused, on_low, NULL),
		      0);
	zexpect_equal(calls, 1);
	zexpect_equal(unused, space);
	zexpect_equal(seen_unused, space);
}

ZTEST_USER(stack_safety, test_user_mode)
{
	struct k_thread *self = k_current_get();

	/* Off for a new thread. */
	zexpect_equal(k_thread_runtime_stack_unused_threshold_get(self), 0);
	/* On itself (a thread has access to itself), as through Zephyr's system calls. */
	zexpect_equal(k_thread_runtime_stack_unused_threshold_set(self, 64), 0);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_get(self), 64);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_pct_set(self, 100), -EINVAL);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_pct_set(self, 0), 0);
	zexpect_equal(k_thread_runtime_stack_unused_threshold_get(self), 0);
}

static void *setup(void)
{
	k_thread_create(&child, child_stack, CHILD_STACK, child_fn, NULL, NULL, NULL, 1, 0,
			K_NO_WAIT);
	zassert_equal(k_sem_take(&ready, K_SECONDS(1)), 0);
	return NULL;
}

static void teardown(void *f)
{
	(void)f;
	k_sem_give(&park);
	k_thread_join(&child, K_FOREVER);
}

ZTEST_SUITE(stack_safety, NULL, setup, NULL, NULL, teardown);
