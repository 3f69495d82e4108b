/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Stack usage figures from the painting done at thread creation (CONFIG_INIT_STACKS).
 *
 * Stacks grow down, so the bytes still holding the paint value at the low end of the usable
 * area were never touched: that count is the unused space, the rest is the high-water mark.
 */
#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kobject_perms.h"
#include "mem_protect.h"
#include "valgrind_requests.h"

LOG_MODULE_REGISTER(stack_usage, CONFIG_LOG_DEFAULT_LEVEL);

Z_PROT_NO_ASAN int z_stack_space_get(const uint8_t *stack_start, size_t size, size_t *unused_ptr)
{
	size_t unused = 0;

	if (Z_PROT_SENTINEL && size >= sizeof(uint32_t)) {
		/* The sentinel word is never painted; it counts as unused while intact. */
		stack_start += sizeof(uint32_t);
		size -= sizeof(uint32_t);
		unused = sizeof(uint32_t);
	}
	size_t i = 0;

	Z_VG_QUIET_BEGIN();
	while (i < size && stack_start[i] == Z_STACK_PAINT) {
		i++;
	}
	Z_VG_QUIET_END();
	*unused_ptr = unused + i;
	return 0;
}

int z_impl_k_thread_stack_space_get(const struct k_thread *thread, size_t *unused_ptr)
{
	if (thread == NULL || unused_ptr == NULL) {
		LOG_ERR("k_thread_stack_space_get: NULL %s", thread == NULL ? "thread" : "result");
		return -EINVAL;
	}
	if (!Z_PROT_INIT_STACKS) {
		return -ENOTSUP;
	}
	if (thread->stack_info.start == 0U || thread->stack_info.size == 0U) {
		LOG_ERR("thread %p has no stack information", (void *)thread);
		return -EINVAL;
	}
	/* A user thread may ask about any thread, as through Zephyr's system call. */
	const struct k_thread *lifted = z_prot_kernel_enter();
	int ret = z_stack_space_get((const uint8_t *)thread->stack_info.start,
				    thread->stack_info.size, unused_ptr);

	z_prot_kernel_exit(lifted);
	return ret;
}

size_t z_thread_stack_unused_get(const struct k_thread *thread)
{
	size_t unused = 0;

	if (z_impl_k_thread_stack_space_get(thread, &unused) != 0) {
		return 0;
	}
	return unused;
}

size_t k_thread_stack_size_get(const struct k_thread *thread)
{
	if (thread == NULL) {
		LOG_ERR("k_thread_stack_size_get: NULL thread");
		return 0;
	}
	return thread->stack_info.size;
}

#ifdef CONFIG_THREAD_RUNTIME_STACK_SAFETY
/*
 * Runtime stack safety (Zephyr's CONFIG_THREAD_RUNTIME_STACK_SAFETY): a per-thread threshold of
 * unused stack bytes, and checks that measure the unused space from the paint and call a
 * handler when it has dropped below the threshold. The setters and the getter are system calls
 * on Zephyr: a user thread needs access to the thread (it has access to itself).
 */
int k_thread_runtime_stack_unused_threshold_pct_set(struct k_thread *thread, uint32_t pct)
{
	if (thread == NULL || pct >= 100U) {
		return -EINVAL;
	}
	Z_OBJ_USER_CHECK(thread);
	/* pct percent of the size, split so that size * pct cannot overflow (a huge size). */
	thread->stack_unused_threshold =
	    thread->stack_info.size / 100U * pct + thread->stack_info.size % 100U * pct / 100U;
	return 0;
}

int k_thread_runtime_stack_unused_threshold_set(struct k_thread *thread, size_t threshold)
{
	if (thread == NULL || threshold > thread->stack_info.size) {
		return -EINVAL;
	}
	Z_OBJ_USER_CHECK(thread);
	thread->stack_unused_threshold = threshold;
	return 0;
}

size_t k_thread_runtime_stack_unused_threshold_get(struct k_thread *thread)
{
	if (thread == NULL) {
		return 0;
	}
	Z_OBJ_USER_CHECK(thread);
	return thread->stack_unused_threshold;
}

int k_thread_runtime_stack_safety_full_check(const struct k_thread *thread, size_t *unused_ptr,
					     k_thread_stack_safety_handler_t handler, void *arg)
{
	size_t unused = 0;
	int ret = z_impl_k_thread_stack_space_get(thread, &unused);

	if (ret != 0) {
		return ret;
	}
	if (unused_ptr != NULL) {
		*unused_ptr = unused;
	}
	if (handler != NULL && thread->stack_unused_threshold != 0U &&
	    unused < thread->stack_unused_threshold) {
		handler(thread, unused, arg);
	}
	return 0;
}

int k_thread_runtime_stack_safety_threshold_check(const struct k_thread *thread, size_t *unused_ptr,
						  k_thread_stack_safety_handler_t handler,
						  void *arg)
{
	size_t threshold;
	size_t unused = 0;

	if (thread == NULL || thread->stack_info.start == 0U) {
		return -EINVAL;
	}
	threshold = thread->stack_unused_threshold;
	if (threshold != 0U && Z_PROT_INIT_STACKS) {
		/* Only the far end: if the threshold's worth of it still holds the paint, the
		 * unused space is at least the threshold and nothing fires. */
		const struct k_thread *lifted = z_prot_kernel_enter();

		(void)z_stack_space_get((const uint8_t *)thread->stack_info.start, threshold,
					&unused);
		z_prot_kernel_exit(lifted);
		if (unused >= threshold) {
			if (unused_ptr != NULL) {
				*unused_ptr = threshold;
			}
			return 0;
		}
	}
	return k_thread_runtime_stack_safety_full_check(thread, unused_ptr, handler, arg);
}
#endif /* CONFIG_THREAD_RUNTIME_STACK_SAFETY */
