/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Three-tier priority heaps: critical, normal and background work each get their own k_heap,
 * so background churn can never starve the critical path. Critical requests that find their
 * heap full borrow from the normal tier; normal requests wait a little for memory; background
 * requests never wait and never borrow. Statistics per tier at the end.
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(priority_heaps, LOG_LEVEL_INF);

enum tier { TIER_CRITICAL, TIER_NORMAL, TIER_BACKGROUND, TIER_COUNT };

K_HEAP_DEFINE(critical_heap, 4096);
K_HEAP_DEFINE(normal_heap, 8192);
K_HEAP_DEFINE(background_heap, 2048);

static struct k_heap *const heaps[TIER_COUNT] = {&critical_heap, &normal_heap, &background_heap};
static const char *const names[TIER_COUNT] = {"critical", "normal", "background"};

struct tier_stats {
	unsigned int allocs, failures, borrowed, waited;
};
static struct tier_stats stats[TIER_COUNT];

static bool in_heap(struct k_heap *h, void *p)
{
	return (uintptr_t)p - (uintptr_t)h->heap.init_mem < h->heap.init_bytes;
}

void *prio_alloc(enum tier t, size_t size)
{
	void *p;

	switch (t) {
	case TIER_CRITICAL:
		p = k_heap_alloc(&critical_heap, size, K_NO_WAIT);
		if (p == NULL) {
			p = k_heap_alloc(&normal_heap, size, K_NO_WAIT);
			stats[t].borrowed += p != NULL;
		}
		break;
	case TIER_NORMAL: {
		int64_t t0 = k_uptime_get();

		p = k_heap_alloc(&normal_heap, size, K_MSEC(10));
		stats[t].waited += k_uptime_get() != t0;
		break;
	}
	default:
		p = k_heap_alloc(&background_heap, size, K_NO_WAIT);
		break;
	}
	if (p != NULL) {
		stats[t].allocs++;
	} else {
		stats[t].failures++;
	}
	return p;
}

void prio_free(void *p)
{
	for (int i = 0; i < TIER_COUNT; i++) {
		if (in_heap(heaps[i], p)) {
			k_heap_free(heaps[i], p);
			return;
		}
	}
	LOG_ERR("prio_free: %p is in no tier", p);
}

#define HOLD 6

struct job {
	enum tier tier;
	size_t max_size;
	int rounds;
	int period_ms;
};

static void worker(void *p1, void *p2, void *p3)
{
	const struct job *job = p1;
	uint32_t seed = (uint32_t)(uintptr_t)p2;
	void *held[HOLD] = {0};

	(void)p3;
	for (int r = 0; r < job->rounds; r++) {
		int slot = r % HOLD;

		if (held[slot] != NULL) {
			prio_free(held[slot]);
		}
		seed = seed * 1664525u + 1013904223u;

		size_t size = 16 + (seed >> 8) % job->max_size;

		held[slot] = prio_alloc(job->tier, size);
		if (held[slot] != NULL) {
			memset(held[slot], 0x5A, size);
		}
		k_sleep(K_MSEC(job->period_ms));
	}
	for (int i = 0; i < HOLD; i++) {
		if (held[i] != NULL) {
			prio_free(held[i]);
		}
	}
}

static const struct job jobs[] = {
    {TIER_CRITICAL, 900, 120, 2},
    {TIER_NORMAL, 1800, 100, 3},
    {TIER_NORMAL, 1800, 100, 3},
    {TIER_BACKGROUND, 500, 150, 1},
};
#define NJOBS (int)(sizeof(jobs) / sizeof(jobs[0]))
static const int prios[NJOBS] = {2, 5, 5, 9};

K_THREAD_STACK_ARRAY_DEFINE(stacks, NJOBS, 8192);
static struct k_thread threads[NJOBS];

int main(void)
{
	LOG_INF("three tiers: critical 4096, normal 8192, background 2048 bytes");
	for (int i = 0; i < NJOBS; i++) {
		k_thread_create(&threads[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]), worker,
				(void *)&jobs[i], (void *)(uintptr_t)(11 + i), NULL, prios[i], 0,
				K_NO_WAIT);
	}
	for (int i = 0; i < NJOBS; i++) {
		k_thread_join(&threads[i], K_FOREVER);
	}

	bool all_back = true;

	printk("priority heap statistics:\n");
	for (int i = 0; i < TIER_COUNT; i++) {
		struct sys_memory_stats st;

		k_heap_runtime_stats_get(heaps[i], &st);
		printk("  %-10s %4u allocations, %3u refused, %3u borrowed from normal, %3u waited;"
		       " heap max %5zu bytes, now %zu\n",
		       names[i], stats[i].allocs, stats[i].failures, stats[i].borrowed,
		       stats[i].waited, st.max_allocated_bytes, st.allocated_bytes);
		all_back =
		    all_back && st.allocated_bytes == 0 && sys_heap_validate(&heaps[i]->heap);
	}
	printk("critical requests refused: %u\n", stats[TIER_CRITICAL].failures);
	printk("all memory returned, heaps valid: %s\n", all_back ? "yes" : "NO");
	return all_back ? 0 : 1;
}
