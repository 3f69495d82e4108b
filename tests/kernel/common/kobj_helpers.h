/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Shared pieces of the tests of the kernel objects memory flows through (queues, message
 * queues, stacks, timers, work): helper threads, resource-pool figures, recorded faults.
 */
#ifndef ZMEM_TESTS_KOBJ_HELPERS_H_
#define ZMEM_TESTS_KOBJ_HELPERS_H_

#include <zephyr/kernel.h>

#include "ktest.h"

#define KH_STACK_SIZE 16384
#define KH_THREADS    4

K_THREAD_STACK_ARRAY_DEFINE(kh_stacks, KH_THREADS, KH_STACK_SIZE);
static struct k_thread kh_threads[KH_THREADS];

/* Start helper thread @p i running @p fn(p1, p2, p3) at @p prio with @p options. */
static inline k_tid_t kh_spawn(int i, k_thread_entry_t fn, void *p1, void *p2, void *p3, int prio,
			       uint32_t options)
{
	return k_thread_create(&kh_threads[i], kh_stacks[i], KH_STACK_SIZE, fn, p1, p2, p3, prio,
			       options, K_NO_WAIT);
}

/* Wait for helper threads 0 .. n-1 to end. */
static inline void kh_join(int n)
{
	for (int i = 0; i < n; i++) {
		CHECK_EQ(k_thread_join(&kh_threads[i], K_SECONDS(10)), 0);
	}
}

/* Bytes allocated in @p h now. */
static inline size_t kh_allocated(struct k_heap *h)
{
	struct sys_memory_stats st;

	CHECK_EQ(k_heap_runtime_stats_get(h, &st), 0);
	return st.allocated_bytes;
}

/* The last fault the application's handler saw (the faulting thread is then aborted). */
static struct {
	int count;
	unsigned int reason;
	struct k_thread *thread;
} kh_fault;

void k_sys_fatal_error_handler(unsigned int reason, const struct arch_esf *esf)
{
	(void)esf;
	kh_fault.count++;
	kh_fault.reason = reason;
	kh_fault.thread = k_current_get();
}

#endif /* ZMEM_TESTS_KOBJ_HELPERS_H_ */
