/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* The runtime follows the application's prj.conf: main stack, main priority, tick rate. */
#include <zephyr/kernel.h>

#include "rt_test.h"

static int ran;
static void other(void *a, void *b, void *c)
{
	(void)a;
	(void)b;
	(void)c;
	ran = 1;
}

K_THREAD_STACK_DEFINE(stack, 4096);
static struct k_thread thread;

int main(void)
{
	struct k_thread *self = k_current_get();
	int local;

	CHECK_EQ(k_thread_priority_get(self), -2);
	CHECK_EQ(self->stack_info.size, 20000); /* as declared (CONFIG_MAIN_STACK_SIZE) */
	CHECK((uintptr_t)&local >= self->stack_info.start &&
	      (uintptr_t)&local < self->stack_info.start + self->stack_info.size);

	/* Cooperative main: a higher-priority thread does not preempt it until it blocks. */
	k_thread_create(&thread, stack, K_THREAD_STACK_SIZEOF(stack), other, NULL, NULL, NULL,
			K_PRIO_COOP(0), 0, K_NO_WAIT);
	k_busy_wait(10);
	CHECK_EQ(ran, 0);
	k_yield();
	CHECK_EQ(ran, 1);

	/* 100 ticks per second: 15 ms is 2 ticks. The busy wait left the clock 10 us into the
	 * first tick, so the sleep counts from the next tick boundary: it ends at tick 3. */
	CHECK_EQ(K_MSEC(15).ticks, 2);
	CHECK_EQ(k_cycle_get_64(), 10000);
	k_msleep(15);
	CHECK_EQ(k_uptime_ticks(), 3);
	CHECK_EQ(k_uptime_get(), 30);
	/* From a tick boundary it lasts exactly 2 ticks. */
	k_msleep(15);
	CHECK_EQ(k_uptime_get(), 50);
	printf("test_config: all passed\n");
	return 0;
}
