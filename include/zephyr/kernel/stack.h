/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief k_stack: a bounded LIFO of word-sized values (stack_data_t).
 *
 * Not to be confused with thread stacks. A push with a thread waiting in k_stack_pop() hands
 * the value straight to it (highest priority, then the longest waiting).
 */
#ifndef ZEPHYR_INCLUDE_KERNEL_STACK_H_
#define ZEPHYR_INCLUDE_KERNEL_STACK_H_

#include <stdint.h>
#include <zephyr/kernel/kobject_static.h>
#include <zephyr/kernel_structs.h>
#include <zephyr/spinlock.h>
#include <zephyr/sys/util.h>
#include <zephyr/sys_clock.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @brief A value on a k_stack (a word: an integer or a pointer). */
typedef uintptr_t stack_data_t;

/** @brief A stack of values (kernel-private fields, as in Zephyr). */
struct k_stack {
	_wait_q_t wait_q;       /**< Threads in k_stack_pop(). */
	struct k_spinlock lock; /**< Serializes the stack. */
	stack_data_t *base;     /**< First entry. */
	stack_data_t *next;     /**< Where the next push goes. */
	stack_data_t *top;      /**< One past the last entry. */
	uint8_t flags;          /**< K_STACK_FLAG_ALLOC. */
};

/** @brief The buffer came from k_stack_alloc_init() (k_stack_cleanup() frees it). */
#define K_STACK_FLAG_ALLOC ((uint8_t)1)

/** @brief Static initializer of stack @p obj over @p stack_buffer of @p stack_num_entries. */
#define Z_STACK_INITIALIZER(obj, stack_buffer, stack_num_entries)                                  \
	{                                                                                          \
		.wait_q = Z_WAIT_Q_INIT(&(obj).wait_q), .lock = {0}, .base = (stack_buffer),       \
		.next = (stack_buffer), .top = (stack_buffer) + (stack_num_entries), .flags = 0    \
	}

/* The buffer shares the stack's declaration (see K_MSGQ_DEFINE), so `static` applies to both. */
#define Z_STACK_BUF_ELEMS(n)                                                                       \
	(((size_t)(n) * sizeof(stack_data_t) + sizeof(struct k_stack) - 1) / sizeof(struct k_stack))

/** @brief Define and initialize a stack of @p stack_num_entries values. A `static` prefix works. */
#define K_STACK_DEFINE(name, stack_num_entries)                                                    \
	struct k_stack _k_stack_buf_##name[Z_STACK_BUF_ELEMS(stack_num_entries)],                  \
	    name = Z_STACK_INITIALIZER(name, (stack_data_t *)_k_stack_buf_##name,                  \
				       (stack_num_entries));                                       \
	Z_KOBJ_STATIC_RECORD(name)

/** @brief Initialize @p stack over @p buffer of @p num_entries values. Supervisor only. */
void k_stack_init(struct k_stack *stack, stack_data_t *buffer, uint32_t num_entries);

/**
 * @brief Initialize @p stack with a buffer from the calling thread's resource pool (freed by
 * k_stack_cleanup()).
 * @retval 0 done
 * @retval -ENOMEM no resource pool or not enough memory in it
 * @retval -EINVAL the size overflows
 */
int32_t k_stack_alloc_init(struct k_stack *stack, uint32_t num_entries);

/**
 * @brief Free the buffer of a k_stack_alloc_init() stack (nothing for other stacks).
 * @retval 0 done
 * @retval -EAGAIN threads are waiting on the stack
 */
int k_stack_cleanup(struct k_stack *stack);

/**
 * @brief Push @p data (or hand it to the first waiting thread). ISR-safe.
 * @retval 0 done
 * @retval -ENOMEM the stack is full
 */
int k_stack_push(struct k_stack *stack, stack_data_t data);

/**
 * @brief Pop the last value pushed into @p data, waiting up to @p timeout.
 * From an ISR only K_NO_WAIT is allowed.
 * @retval 0 done
 * @retval -EBUSY empty with K_NO_WAIT
 * @retval -EAGAIN the timeout expired
 */
int k_stack_pop(struct k_stack *stack, stack_data_t *data, k_timeout_t timeout);

#ifdef __cplusplus
}
#endif

#endif /* ZEPHYR_INCLUDE_KERNEL_STACK_H_ */
