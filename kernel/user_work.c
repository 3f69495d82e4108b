/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * User-mode work queues (k_work_user, <zephyr/kernel/work.h>): a user thread takes items off a
 * k_queue and runs their handlers. Everything here is an ordinary user-callable kernel call
 * (k_queue, k_thread), so the queue runs with the rights of the thread that started it and no
 * more.
 */
#include <zephyr/kernel.h>

static void work_user_q_main(void *p1, void *p2, void *p3)
{
	struct k_work_user_q *work_q = p1;

	(void)p2;
	(void)p3;
	for (;;) {
		struct k_work_user *work = k_queue_get(&work_q->queue, K_FOREVER);

		if (work == NULL) {
			continue;
		}
		/* Not pending any more before the handler runs, so the handler may submit the
		 * item again. */
		if (atomic_test_and_clear_bit(&work->flags, K_WORK_USER_STATE_PENDING)) {
			work->handler(work);
		}
		/* A queue that never empties must not keep the CPU from threads of its
		 * priority. */
		k_yield();
	}
}

void k_work_user_queue_start(struct k_work_user_q *work_q, k_thread_stack_t *stack,
			     size_t stack_size, int prio, const char *name)
{
	k_queue_init(&work_q->queue);
	k_thread_create(&work_q->thread, stack, stack_size, work_user_q_main, work_q, NULL, NULL,
			prio, K_USER | K_INHERIT_PERMS, K_FOREVER);
	k_object_access_grant(&work_q->queue, &work_q->thread);
	if (name != NULL) {
		k_thread_name_set(&work_q->thread, name);
	}
	k_thread_start(&work_q->thread);
}
