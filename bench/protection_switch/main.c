/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Cost of a context switch with page protection: two threads take turns with k_yield(), each
 * touching its own partition, for several pairings and domain sizes. Prints microseconds per
 * switch (wall clock, CLOCK_MONOTONIC). BENCH_SWITCHES sets the turns per thread (default 20000).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <time.h>

#include <zephyr/kernel.h>

#define PAGE      4096U
#define MAX_PARTS 8

static uint8_t pages_a[MAX_PARTS][PAGE] __aligned(PAGE);
static uint8_t pages_b[MAX_PARTS][PAGE] __aligned(PAGE);
static struct k_mem_partition parts_a[MAX_PARTS];
static struct k_mem_partition parts_b[MAX_PARTS];
static struct k_mem_domain small_a, small_b, big_a, big_b;

K_THREAD_STACK_DEFINE(stack1, 4096);
K_THREAD_STACK_DEFINE(stack2, 4096);
static struct k_thread t1;
static struct k_thread t2;
static int turns = 20000;

static void take_turns(void *p1, void *p2, void *p3)
{
	volatile uint8_t *mine = p1;

	(void)p2;
	(void)p3;
	for (int i = 0; i < turns; i++) {
		mine[i % PAGE] = (uint8_t)i;
		k_yield();
	}
}

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static void run(const char *what, uint32_t opt1, struct k_mem_domain *d1, uint32_t opt2,
		struct k_mem_domain *d2)
{
	k_thread_create(&t1, stack1, K_THREAD_STACK_SIZEOF(stack1), take_turns, pages_a[0], NULL,
			NULL, K_PRIO_PREEMPT(2), opt1, K_FOREVER);
	k_thread_create(&t2, stack2, K_THREAD_STACK_SIZEOF(stack2), take_turns,
			d2 == d1 ? pages_a[1] : pages_b[0], NULL, NULL, K_PRIO_PREEMPT(2), opt2,
			K_FOREVER);
	k_mem_domain_add_thread(d1, &t1);
	k_mem_domain_add_thread(d2, &t2);
	double t0 = now_us();

	k_thread_start(&t1);
	k_thread_start(&t2);
	k_thread_join(&t1, K_FOREVER);
	k_thread_join(&t2, K_FOREVER);
	printk("%-48s %6.2f us per switch\n", what, (now_us() - t0) / (2.0 * turns));
}

int main(void)
{
	const char *env = getenv("BENCH_SWITCHES");

	if (env != NULL && atoi(env) > 0) {
		turns = atoi(env);
	}
	for (int i = 0; i < MAX_PARTS; i++) {
		parts_a[i] = (struct k_mem_partition){(uintptr_t)pages_a[i], PAGE,
						      K_MEM_PARTITION_P_RW_U_RW};
		parts_b[i] = (struct k_mem_partition){(uintptr_t)pages_b[i], PAGE,
						      K_MEM_PARTITION_P_RW_U_RW};
	}
	struct k_mem_partition *pa[MAX_PARTS];
	struct k_mem_partition *pb[MAX_PARTS];

	for (int i = 0; i < MAX_PARTS; i++) {
		pa[i] = &parts_a[i];
		pb[i] = &parts_b[i];
	}
	/* Domains may share partitions: the small ones hold the first of the big ones'. */
	k_mem_domain_init(&small_a, 1, pa);
	k_mem_domain_init(&small_b, 1, pb);
	k_mem_domain_init(&big_a, MAX_PARTS, pa);
	k_mem_domain_init(&big_b, MAX_PARTS, pb);
	printk("protection switch bench: %d turns per thread\n", turns);
	run("supervisor <-> supervisor", 0, &big_a, 0, &big_b);
	run("user <-> user, same domain of 8 partitions", K_USER, &big_a, K_USER, &big_a);
	run("user <-> user, two domains of 1 partition", K_USER, &small_a, K_USER, &small_b);
	run("user <-> user, two domains of 8 partitions", K_USER, &big_a, K_USER, &big_b);
	run("user <-> supervisor, 8 partitions", K_USER, &big_a, 0, &big_b);
	return 0;
}
