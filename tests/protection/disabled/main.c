/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Everything optional switched off (prj.conf): CONFIG_USERSPACE=n (K_USER threads are not
 * restricted, as on Zephyr without user mode), CONFIG_HW_STACK_PROTECTION=n (no guard page),
 * CONFIG_INIT_STACKS=n (no usage figures), CONFIG_DYNAMIC_THREAD=n (no dynamic stacks). The
 * domain API still works.
 */
#include <zephyr/kernel.h>

#include "../common/ptest.h"

#define PAGE 4096U

static uint8_t closed[PAGE] __aligned(PAGE);
K_MEM_PARTITION_DEFINE(closed_part, closed, PAGE, K_MEM_PARTITION_P_RW_U_RW);
static uint8_t open_page[PAGE] __aligned(PAGE);
K_MEM_PARTITION_DEFINE(open_part, open_page, PAGE, K_MEM_PARTITION_P_RW_U_RW);
static struct k_mem_domain other;
static struct k_mem_domain mine;

K_THREAD_STACK_DEFINE(stack, 4096);
static struct k_thread thread;
static volatile int user_context;

static void writer(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	user_context = k_is_user_context();
	*(volatile uint8_t *)p1 = 7;
}

int main(void)
{
	struct k_mem_partition *o[] = {&closed_part};
	struct k_mem_partition *m[] = {&open_part};

	CHECK_EQ(k_mem_domain_init(&other, 1, o), 0);
	CHECK_EQ(k_mem_domain_init(&mine, 1, m), 0);
	k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), writer, &closed[3], NULL,
			NULL, K_PRIO_PREEMPT(1), K_USER, K_FOREVER);
	CHECK_EQ(k_mem_domain_add_thread(&mine, &thread), 0);
	/* No guard page: the memory below the stack area is ordinary memory. */
	((volatile char *)stack)[10] = 1;
	k_thread_start(&thread);
	CHECK_EQ(k_thread_join(&thread, K_FOREVER), 0);
	CHECK_EQ(ptest_last_fault.count, 0);
	CHECK_EQ(closed[3], 7);
	CHECK_EQ(user_context, 0);

	size_t unused = 0;

	CHECK_EQ(k_thread_stack_space_get(&thread, &unused), -ENOTSUP);
	CHECK(k_thread_stack_alloc(1000, 0) == NULL);
	CHECK_EQ(k_thread_stack_free(stack), -ENOSYS);
	return ptest_result("protection.disabled");
}
