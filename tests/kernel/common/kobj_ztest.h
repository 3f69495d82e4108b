/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Shared pieces of the ztest suites of the kernel objects memory flows through: helper
 * threads, resource-pool figures, expected kernel oopses of user threads.
 */
#ifndef ZMEM_TESTS_KOBJ_ZTEST_H_
#define ZMEM_TESTS_KOBJ_ZTEST_H_

#include <zephyr/kernel.h>
#include <zephyr/ztest.h>
#include <zephyr/ztest_error_hook.h>

#define KZ_STACK_SIZE 16384
#define KZ_THREADS    4

K_THREAD_STACK_ARRAY_DEFINE(kz_stacks, KZ_THREADS, KZ_STACK_SIZE);
static struct k_thread kz_threads[KZ_THREADS];

/* Start helper thread @p i running @p fn(p1, p2, p3) at @p prio with @p options. */
static inline k_tid_t kz_spawn(int i, k_thread_entry_t fn, void *p1, void *p2, void *p3, int prio,
			       uint32_t options)
{
	return k_thread_create(&kz_threads[i], kz_stacks[i], KZ_STACK_SIZE, fn, p1, p2, p3, prio,
			       options, K_NO_WAIT);
}

/* Wait for helper threads 0 .. n-1 to end. */
static inline void kz_join(int n)
{
	for (int i = 0; i < n; i++) {
		zassert_equal(k_thread_join(&kz_threads[i], K_SECONDS(10)), 0, "helper %d", i);
	}
}

/* A helper thread's timeout argument @p arg: milliseconds, negative for K_FOREVER. */
static inline k_timeout_t kz_timeout_ms(void *arg)
{
	int ms = (int)(intptr_t)arg;

	return ms < 0 ? K_FOREVER : K_MSEC(ms);
}

/*
 * The wake-order scenario of the waiting tests: helper threads 0 .. 3, at priorities 5, 3, 3
 * and 4, start waiting on @p obj one after the other (1 ms apart), each running
 * @p fn(@p obj, -1 (wait forever: see kz_timeout_ms()), its index). Waiters are served by
 * priority, then in arrival order, so the items given one by one go to helpers 1, 2, 3, then 0.
 */
static inline void kz_spawn_waiters(k_thread_entry_t fn, void *obj)
{
	static const int prios[KZ_THREADS] = {5, 3, 3, 4};

	for (int i = 0; i < KZ_THREADS; i++) {
		kz_spawn(i, fn, obj, (void *)(intptr_t)-1, (void *)(intptr_t)i, prios[i], 0);
		k_msleep(1);
	}
}

/*
 * The give-up scenario of the waiting tests: helper 0 (priority 3) waits on @p obj for 10 ms,
 * running @p fn(@p obj, 10, 0). It must still wait 5 ms later and have returned 10 ms after that;
 * @p finished is the test's count of helpers that returned. The test then checks what the
 * helper's call returned.
 */
static inline void kz_wait_out(k_thread_entry_t fn, void *obj, const int *finished)
{
	kz_spawn(0, fn, obj, (void *)(intptr_t)10, (void *)0, 3, 0);
	k_msleep(5);
	zexpect_equal(*finished, 0, "the helper stopped waiting before its 10 ms timeout");
	k_msleep(10);
	zexpect_equal(*finished, 1, "the helper still waits 15 ms after a 10 ms timeout");
	kz_join(1);
}

/* Bytes allocated in @p h now. */
static inline size_t kz_allocated(struct k_heap *h)
{
	struct sys_memory_stats st;

	zassert_equal(k_heap_runtime_stats_get(h, &st), 0);
	return st.allocated_bytes;
}

/* Expected faults (a user thread making a call Zephyr does not offer it). */
static ZTEST_BMEM volatile int kz_faults;
static ZTEST_BMEM volatile unsigned int kz_fault_reason;

void ztest_post_fatal_error_hook(unsigned int reason, const struct arch_esf *esf)
{
	(void)esf;
	kz_faults++;
	kz_fault_reason = reason;
}

#endif /* ZMEM_TESTS_KOBJ_ZTEST_H_ */
