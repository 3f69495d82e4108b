/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/* Init entries of a second file, sorted with main.c's by level and priority. */
#include <zephyr/init.h>
#include <zephyr/kernel.h>

#include "sys_init_test.h"

static int early_0(void)
{
	sys_init_record(EV_EARLY_0);
	return 0;
}

static int pk1_5(void)
{
	sys_init_record(EV_PK1_5);
	return 0;
}

static K_THREAD_STACK_DEFINE(post_stack, 4096);
static struct k_thread post_thread;

static void post_thread_entry(void *p1, void *p2, void *p3)
{
	ARG_UNUSED(p1);
	ARG_UNUSED(p2);
	ARG_UNUSED(p3);
	sys_init_record(EV_POST_THREAD);
}

/* The kernel is up: a thread of higher priority than main preempts this init function. */
static int post_1(void)
{
	sys_init_record(EV_POST_1);
	k_thread_create(&post_thread, post_stack, K_THREAD_STACK_SIZEOF(post_stack),
			post_thread_entry, NULL, NULL, NULL, K_PRIO_COOP(1), 0, K_NO_WAIT);
	sys_init_record(EV_POST_1_DONE);
	return 0;
}

SYS_INIT(early_0, EARLY, 0);
SYS_INIT(pk1_5, PRE_KERNEL_1, 5);
SYS_INIT(post_1, POST_KERNEL, 1);
