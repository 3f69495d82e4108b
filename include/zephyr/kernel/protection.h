/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Thread stacks at run time (dynamic stacks, usage figures) and user mode.
 *
 * The stack objects themselves (K_THREAD_STACK_DEFINE...) are in <zephyr/kernel/thread_stack.h>.
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_PROTECTION_H_
#define ZEPHYR_INCLUDE_KERNEL_PROTECTION_H_

#include <stdbool.h>
#include <stddef.h>
#include <zephyr/kernel/thread.h>
#include <zephyr/toolchain.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Allocate a thread stack object at run time (CONFIG_DYNAMIC_THREAD).
 *
 * The object has the layout of a static one (a guard page below at least @p size usable
 * bytes, whole pages) and is passed to k_thread_create() the same way.
 *
 * @param size usable bytes wanted
 * @param flags K_USER for a stack meant for a user thread (no difference on the host)
 * @return the stack object, or NULL (size 0, too large, no memory, or CONFIG_DYNAMIC_THREAD=n)
 */
k_thread_stack_t *k_thread_stack_alloc(size_t size, int flags);

/**
 * @brief Free a stack from k_thread_stack_alloc().
 * @retval 0 freed
 * @retval -EBUSY a live thread still runs on it
 * @retval -EINVAL @p stack does not come from k_thread_stack_alloc() (or was freed already)
 * @retval -ENOSYS CONFIG_DYNAMIC_THREAD=n
 */
int k_thread_stack_free(k_thread_stack_t *stack);

/**
 * @brief Zephyr's form: bytes of @p thread's stack never used so far (CONFIG_INIT_STACKS).
 * @retval 0 success, *@p unused_ptr set
 * @retval -EINVAL NULL argument or a thread without stack information
 * @retval -ENOTSUP stacks are not painted (CONFIG_INIT_STACKS=n)
 */
int z_impl_k_thread_stack_space_get(const struct k_thread *thread, size_t *unused_ptr);

/** @brief The seed's form: bytes of @p thread's stack never used so far (0 on error). */
size_t z_thread_stack_unused_get(const struct k_thread *thread);

#define Z_STACK_SPACE_GET_PICK(_1, _2, name, ...) name
/**
 * @brief Unused stack bytes of a thread, in either form:
 * `int k_thread_stack_space_get(thread, &unused)` (Zephyr) or
 * `size_t unused = k_thread_stack_space_get(thread)` (the seed chapter).
 */
#define k_thread_stack_space_get(...)                                                              \
	Z_STACK_SPACE_GET_PICK(__VA_ARGS__, z_impl_k_thread_stack_space_get,                       \
			       z_thread_stack_unused_get, ~)(__VA_ARGS__)

/**
 * @brief What a stack safety check calls when a thread's unused stack space has dropped below
 * its threshold: the thread, its unused bytes, and the caller's @p arg.
 */
typedef void (*k_thread_stack_safety_handler_t)(const struct k_thread *thread,
						size_t unused_space, void *arg);

/**
 * @brief Set @p thread's unused-stack threshold to @p pct percent of its stack size, stored in
 * bytes (0 turns the checks off). A system call on Zephyr (CONFIG_THREAD_RUNTIME_STACK_SAFETY).
 * @retval 0 set
 * @retval -EINVAL @p pct is 100 or more, or NULL thread
 */
int k_thread_runtime_stack_unused_threshold_pct_set(struct k_thread *thread, uint32_t pct);

/**
 * @brief Set @p thread's unused-stack threshold to @p threshold bytes (0: off).
 * @retval 0 set
 * @retval -EINVAL more than the stack's size, or NULL thread
 */
int k_thread_runtime_stack_unused_threshold_set(struct k_thread *thread, size_t threshold);

/** @brief @p thread's unused-stack threshold in bytes (0: off). */
size_t k_thread_runtime_stack_unused_threshold_get(struct k_thread *thread);

/**
 * @brief Measure @p thread's unused stack space (the whole painted area, as
 * k_thread_stack_space_get()); store it in *@p unused_ptr (if not NULL) and call @p handler
 * (if not NULL) when it is below the thread's threshold (a threshold of 0 never fires).
 * @retval 0 measured
 * @retval -EINVAL NULL thread or one without stack information
 * @retval -ENOTSUP stacks are not painted (CONFIG_INIT_STACKS=n)
 */
int k_thread_runtime_stack_safety_full_check(const struct k_thread *thread, size_t *unused_ptr,
					     k_thread_stack_safety_handler_t handler, void *arg);

/**
 * @brief As k_thread_runtime_stack_safety_full_check(), reading only the threshold's worth
 * of the stack's far end when that is untouched (then nothing fires and *@p unused_ptr is the
 * threshold, a lower bound); otherwise the whole measure, with the same result as the full
 * check.
 */
int k_thread_runtime_stack_safety_threshold_check(const struct k_thread *thread,
						  size_t *unused_ptr,
						  k_thread_stack_safety_handler_t handler,
						  void *arg);

/** @brief Usable bytes of @p thread's stack (the seed's call; Zephyr has stack_info.size). */
size_t k_thread_stack_size_get(const struct k_thread *thread);

/**
 * @brief Drop the calling thread to user mode for good and run @p entry(@p p1, @p p2, @p p3) in
 * it; the thread ends when @p entry returns. Without CONFIG_USERSPACE it runs in supervisor
 * mode, as on Zephyr.
 */
FUNC_NORETURN void k_thread_user_mode_enter(k_thread_entry_t entry, void *p1, void *p2, void *p3);

/** @brief True when the calling thread runs in user mode. */
bool k_is_user_context(void);

/** @brief Zephyr's architecture form of k_is_user_context(). */
static inline bool arch_is_user_context(void)
{
	return k_is_user_context();
}

/**
 * @brief Whether the calling thread, as a user thread, may read (or with @p write, write)
 * [@p addr, @p addr + @p size), as a system call checks its caller's buffers.
 *
 * Answers for the thread that made the current system call (or the calling thread): denied are
 * every stack object's bytes outside that thread's own stack area (guard pages, slack, other
 * threads' stacks), partitions not in its memory domain, and writes to partitions its domain
 * holds read-only; the rest of memory is allowed, as zmem does not close it (docs/protection.md).
 * Supervisor threads may access everything.
 *
 * @return 0 if the access is allowed, -1 if not (also for a range that wraps around)
 */
int arch_buffer_validate(const void *addr, size_t size, int write);

/** @brief Partitions a memory domain can hold (CONFIG_MAX_DOMAIN_PARTITIONS). */
int arch_mem_domain_max_partitions_get(void);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_PROTECTION_H_ */
