/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* k_stack: a bounded array of words; a push hands its value to the first waiting pop. */
#include <errno.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

#include "kernel_internal.h"
#include "kobject_perms.h"
#include "kobject_registry.h"
#include "mem_protect.h"

LOG_MODULE_REGISTER(k_stack, CONFIG_LOG_DEFAULT_LEVEL);

static void stack_setup(struct k_stack *stack, stack_data_t *buffer, uint32_t num_entries,
			uint8_t flags)
{
	z_object_init(stack);
	z_waitq_init(&stack->wait_q);
	stack->lock = (struct k_spinlock){0};
	stack->base = buffer;
	stack->next = buffer;
	stack->top = buffer + num_entries;
	stack->flags = flags;
}

void k_stack_init(struct k_stack *stack, stack_data_t *buffer, uint32_t num_entries)
{
	if (z_prot_refuse_user_call(__func__)) {
		return;
	}
	stack_setup(stack, buffer, num_entries, 0);
}

int32_t k_stack_alloc_init(struct k_stack *stack, uint32_t num_entries)
{
	Z_OBJ_USER_CHECK(stack);
	size_t bytes;
	stack_data_t *buffer;

	if (__builtin_mul_overflow((size_t)num_entries, sizeof(stack_data_t), &bytes)) {
		LOG_ERR("k_stack_alloc_init(%p): %u entries overflow", (void *)stack,
			(unsigned int)num_entries);
		return -EINVAL;
	}
	buffer = z_thread_malloc(bytes);
	if (buffer == NULL) {
		return -ENOMEM;
	}
	stack_setup(stack, buffer, num_entries, K_STACK_FLAG_ALLOC);
	return 0;
}

int k_stack_cleanup(struct k_stack *stack)
{
	k_spinlock_key_t key = k_spin_lock(&stack->lock);
	stack_data_t *buffer = NULL;

	if (!z_waitq_is_empty(&stack->wait_q)) {
		k_spin_unlock(&stack->lock, key);
		return -EAGAIN;
	}
	if ((stack->flags & K_STACK_FLAG_ALLOC) != 0U) {
		buffer = stack->base;
		stack->flags &= (uint8_t)~K_STACK_FLAG_ALLOC;
		stack->base = NULL;
		stack->next = NULL;
		stack->top = NULL;
	}
	k_spin_unlock(&stack->lock, key);
	if (buffer != NULL) {
		k_free(buffer);
	}
	return 0;
}

static inline int k_stack_push_impl(struct k_stack *stack, stack_data_t data)
{
	k_spinlock_key_t key = k_spin_lock(&stack->lock);
	struct k_thread *t;

	if (stack->next == stack->top) {
		k_spin_unlock(&stack->lock, key);
		return -ENOMEM;
	}
	t = z_unpend_first_thread(&stack->wait_q);
	if (t != NULL) {
		z_thread_return_value_set_with_data(t, 0, (void *)data);
		z_ready_thread(t);
		z_reschedule(&stack->lock, key);
		return 0;
	}
	*stack->next++ = data;
	k_spin_unlock(&stack->lock, key);
	return 0;
}

/* A user thread has existed: the check, kept out of the path of programs that never ran one
 * (no registers saved for it there). */
static __noinline int k_stack_push_user(struct k_stack *stack, stack_data_t data)
{
	z_perm_user_call(stack, "k_stack_push");
	return k_stack_push_impl(stack, data);
}

int k_stack_push(struct k_stack *stack, stack_data_t data)
{
	if (Z_OBJ_USER_GATE()) {
		return k_stack_push_user(stack, data);
	}
	return k_stack_push_impl(stack, data);
}

static inline int k_stack_pop_impl(struct k_stack *stack, stack_data_t *data, k_timeout_t timeout)
{
	k_spinlock_key_t key = k_spin_lock(&stack->lock);
	int ret;

	if (stack->next > stack->base) {
		*data = *--stack->next;
		k_spin_unlock(&stack->lock, key);
		return 0;
	}
	if (K_TIMEOUT_EQ(timeout, K_NO_WAIT)) {
		k_spin_unlock(&stack->lock, key);
		return -EBUSY;
	}
	ret = z_pend_curr_desc(&stack->lock, key, &stack->wait_q, timeout, "k_stack");
	if (ret == 0) {
		*data = (stack_data_t)_current->base.swap_data;
	}
	return ret;
}

/* A user thread has existed: the check, kept out of the path of programs that never ran one
 * (no registers saved for it there). */
static __noinline int k_stack_pop_user(struct k_stack *stack, stack_data_t *data,
				       k_timeout_t timeout)
{
	z_perm_user_call(stack, "k_stack_pop");
	return k_stack_pop_impl(stack, data, timeout);
}

int k_stack_pop(struct k_stack *stack, stack_data_t *data, k_timeout_t timeout)
{
	if (Z_OBJ_USER_GATE()) {
		return k_stack_pop_user(stack, data, timeout);
	}
	return k_stack_pop_impl(stack, data, timeout);
}
