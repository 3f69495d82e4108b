/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The seed chapter's setup_thread_resource_pools(): a high-priority thread gets a large pool,
 * two normal threads share one, a background thread gets a minimal one. Each thread allocates
 * from its pool with z_thread_malloc() (the kernel's own per-thread allocation path; k_free()
 * returns the memory to whichever pool it came from). A thread created by the high-priority
 * thread inherits its pool. k_malloc() is not affected by pools: it always uses the system
 * heap (the seed says otherwise; zmem does what Zephyr does). Statistics per pool at the end.
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(resource_pools, LOG_LEVEL_INF);

K_HEAP_DEFINE(high_priority_heap, 4096);
K_HEAP_DEFINE(shared_heap, 2048);
K_HEAP_DEFINE(minimal_heap, 512);

static struct k_thread high_priority_thread, normal_thread1, normal_thread2, background_thread;
static struct k_thread helper_thread;
K_THREAD_STACK_DEFINE(high_stack, 8192);
K_THREAD_STACK_DEFINE(normal1_stack, 8192);
K_THREAD_STACK_DEFINE(normal2_stack, 8192);
K_THREAD_STACK_DEFINE(background_stack, 8192);
K_THREAD_STACK_DEFINE(helper_stack, 8192);

/* From the seed, unchanged. */
void setup_thread_resource_pools(void)
{
	// High-priority threads get larger resource pools
	k_thread_resource_pool_assign(&high_priority_thread, &high_priority_heap);

	// Normal threads share a common pool
	k_thread_resource_pool_assign(&normal_thread1, &shared_heap);
	k_thread_resource_pool_assign(&normal_thread2, &shared_heap);

	// Background threads use minimal resources
	k_thread_resource_pool_assign(&background_thread, &minimal_heap);
}

struct outcome {
	const char *name;
	unsigned int ok, refused;
	size_t biggest;
};

static struct outcome outcomes[5] = {
    {.name = "high"},       {.name = "normal1"},       {.name = "normal2"},
    {.name = "background"}, {.name = "high's helper"},
};

/* Allocate growing buffers from the caller's pool until it refuses or `steps` are done. */
static void use_pool(struct outcome *o, size_t step, int steps)
{
	void *held[16] = {0};
	int n = 0;

	for (int i = 1; i <= steps && n < 16; i++) {
		size_t size = step * (size_t)i;
		void *p = z_thread_malloc(size);

		if (p == NULL) {
			o->refused++;
			break;
		}
		memset(p, 0xC3, size);
		held[n++] = p;
		o->ok++;
		o->biggest = size;
		k_sleep(K_MSEC(1));
	}
	while (n > 0) {
		k_free(held[--n]);
	}
}

static void helper(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	use_pool(p1, 96, 8);
}

static void high_entry(void *p1, void *p2, void *p3)
{
	(void)p2;
	(void)p3;
	/* Created by this thread, the helper inherits the high-priority pool. */
	k_thread_create(&helper_thread, helper_stack, K_THREAD_STACK_SIZEOF(helper_stack), helper,
			&outcomes[4], NULL, NULL, 3, 0, K_NO_WAIT);
	use_pool(p1, 256, 10);
	k_thread_join(&helper_thread, K_FOREVER);
}

static void worker(void *p1, void *p2, void *p3)
{
	(void)p3;
	use_pool(p1, (size_t)(uintptr_t)p2, 12);
}

static void print_pool(const char *name, struct k_heap *heap)
{
	struct sys_memory_stats st;

	k_heap_runtime_stats_get(heap, &st);
	printk("  %-20s max allocated %5zu bytes, allocated now %zu, free %zu\n", name,
	       st.max_allocated_bytes, st.allocated_bytes, st.free_bytes);
}

int main(void)
{
	/* Created suspended (K_FOREVER) so the pools are in place before they run. */
	k_thread_create(&high_priority_thread, high_stack, K_THREAD_STACK_SIZEOF(high_stack),
			high_entry, &outcomes[0], NULL, NULL, 2, 0, K_FOREVER);
	k_thread_create(&normal_thread1, normal1_stack, K_THREAD_STACK_SIZEOF(normal1_stack),
			worker, &outcomes[1], (void *)(uintptr_t)64, NULL, 5, 0, K_FOREVER);
	k_thread_create(&normal_thread2, normal2_stack, K_THREAD_STACK_SIZEOF(normal2_stack),
			worker, &outcomes[2], (void *)(uintptr_t)64, NULL, 5, 0, K_FOREVER);
	k_thread_create(&background_thread, background_stack,
			K_THREAD_STACK_SIZEOF(background_stack), worker, &outcomes[3],
			(void *)(uintptr_t)48, NULL, 9, 0, K_FOREVER);

	setup_thread_resource_pools();

	k_thread_start(&high_priority_thread);
	k_thread_start(&normal_thread1);
	k_thread_start(&normal_thread2);
	k_thread_start(&background_thread);
	k_thread_join(&high_priority_thread, K_FOREVER);
	k_thread_join(&normal_thread1, K_FOREVER);
	k_thread_join(&normal_thread2, K_FOREVER);
	k_thread_join(&background_thread, K_FOREVER);

	/* main has no pool: z_thread_malloc() refuses; k_malloc() uses the system heap. */
	void *none = z_thread_malloc(16);
	void *sys = k_malloc(256);

	printk("main: z_thread_malloc without a pool -> %s; k_malloc -> %s\n",
	       none == NULL ? "NULL" : "memory", sys != NULL ? "system heap" : "NULL");
	k_free(sys);

	printk("resource pool statistics:\n");
	for (int i = 0; i < 5; i++) {
		printk("  %-14s %2u allocations from its pool (largest %4zu bytes), refused %u\n",
		       outcomes[i].name, outcomes[i].ok, outcomes[i].biggest, outcomes[i].refused);
	}
	print_pool("high_priority_heap", &high_priority_heap);
	print_pool("shared_heap", &shared_heap);
	print_pool("minimal_heap", &minimal_heap);
	print_pool("system heap", k_system_heap_get());

	bool ok = none == NULL && sys != NULL && outcomes[4].ok > 0;

	for (int i = 0; i < 3; i++) {
		struct sys_memory_stats st;
		struct k_heap *h = i == 0   ? &high_priority_heap
				   : i == 1 ? &shared_heap
					    : &minimal_heap;

		k_heap_runtime_stats_get(h, &st);
		ok = ok && st.allocated_bytes == 0;
	}
	printk("pools assigned, inherited and emptied: %s\n", ok ? "yes" : "NO");
	return ok ? 0 : 1;
}
