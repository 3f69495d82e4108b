/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Contention run: 4 threads allocate, touch and free blocks of a small k_heap and a k_mem_slab
 * in a loop; two never wait (K_NO_WAIT), two wait with timeouts. A higher-priority checker
 * wakes periodically and recounts: the blocks the threads hold must be exactly the heap's used
 * blocks and the slab's used count, and sys_heap_validate() (which checks the heap's statistics
 * against its own recount, CONFIG_SYS_HEAP_RUNTIME_STATS) must pass. Every block carries its
 * owner's pattern, checked before it is freed (no block handed out twice). At the end every
 * block is back and the statistics read zero.
 *
 * Deterministic under virtual time (--no-rt): fixed seeds, fixed iteration counts.
 * Environment: BENCH_ITERS (default 20000) iterations per thread.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zephyr/kernel.h>

#define NTHREADS    4
#define MAX_LIVE    8
#define HEAP_BYTES  4096
#define SLAB_BLOCKS 12
#define SLAB_BLOCK  48

K_HEAP_DEFINE(shared_heap, HEAP_BYTES);
K_MEM_SLAB_DEFINE(shared_slab, SLAB_BLOCK, SLAB_BLOCKS, 8);

#define STACK_SIZE 16384
K_THREAD_STACK_ARRAY_DEFINE(stacks, NTHREADS, STACK_SIZE);
static struct k_thread threads[NTHREADS];

struct live {
	uint8_t *mem;
	size_t size;
};

struct worker_state {
	struct live heap_blocks[MAX_LIVE];
	int nheap;
	void *slab_blocks[MAX_LIVE];
	int nslab;
	uint32_t seed;
	long allocs, frees, fails, waits_ok, slab_allocs, slab_fails;
	long early_timeouts; /* a timed wait that gave up before its timeout: a bug */
	long corrupt;        /* a block whose pattern changed while we owned it: a bug */
	bool done;
};

static struct worker_state ws[NTHREADS];
static long iters = 20000;
static bool stop_checker;
static long checkpoints, checkpoint_failures;

static uint32_t rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static uint8_t pattern(int id, const void *mem)
{
	return (uint8_t)(0x40 + id * 17 + (((uintptr_t)mem >> 3) & 0xF));
}

static bool intact(int id, const uint8_t *mem, size_t size)
{
	uint8_t p = pattern(id, mem);

	for (size_t i = 0; i < size; i++) {
		if (mem[i] != p) {
			return false;
		}
	}
	return true;
}

static void heap_step(int id, struct worker_state *w, bool waiting)
{
	uint32_t r = rnd(&w->seed);

	if (w->nheap > 0 && (w->nheap == MAX_LIVE || (r & 3) == 0)) {
		int k = (int)((r >> 8) % (uint32_t)w->nheap);
		struct live b = w->heap_blocks[k];

		if (!intact(id, b.mem, b.size)) {
			w->corrupt++;
		}
		/* Forget it before freeing: the free may switch to the checker. */
		w->heap_blocks[k] = w->heap_blocks[--w->nheap];
		k_heap_free(&shared_heap, b.mem);
		w->frees++;
		return;
	}

	size_t size = 16 + (r >> 4) % 600;
	k_timeout_t timeout = waiting ? K_MSEC(1 + (r >> 20) % 3) : K_NO_WAIT;
	int64_t t0 = k_uptime_ticks();
	uint8_t *mem = k_heap_alloc(&shared_heap, size, timeout);

	if (mem == NULL) {
		w->fails++;
		if (waiting && k_uptime_ticks() - t0 < timeout.ticks) {
			w->early_timeouts++;
		}
		return;
	}
	if (waiting && k_uptime_ticks() != t0) {
		w->waits_ok++;
	}
	memset(mem, pattern(id, mem), size);
	w->heap_blocks[w->nheap++] = (struct live){mem, size};
	w->allocs++;
}

static void slab_step(int id, struct worker_state *w, bool waiting)
{
	uint32_t r = rnd(&w->seed);

	if (w->nslab > 0 && (w->nslab == MAX_LIVE || (r & 1) == 0)) {
		void *b = w->slab_blocks[--w->nslab];

		if (!intact(id, b, SLAB_BLOCK)) {
			w->corrupt++;
		}
		k_mem_slab_free(&shared_slab, b);
		return;
	}

	void *b;
	int ret = k_mem_slab_alloc(&shared_slab, &b, waiting ? K_MSEC(2) : K_NO_WAIT);

	if (ret != 0) {
		w->slab_fails++;
		return;
	}
	memset(b, pattern(id, b), SLAB_BLOCK);
	w->slab_blocks[w->nslab++] = b;
	w->slab_allocs++;
}

static void worker(void *p1, void *p2, void *p3)
{
	int id = (int)(intptr_t)p1;
	struct worker_state *w = &ws[id];
	bool waiting = id >= NTHREADS / 2;

	(void)p2;
	(void)p3;
	for (long i = 0; i < iters; i++) {
		heap_step(id, w, waiting);
		if ((i & 3) == 0) {
			slab_step(id, w, waiting);
		}
		if ((i & 15) == 0) {
			k_yield();
		}
	}
	while (w->nheap > 0) {
		struct live b = w->heap_blocks[--w->nheap];

		w->corrupt += !intact(id, b.mem, b.size);
		k_heap_free(&shared_heap, b.mem);
		w->frees++;
	}
	while (w->nslab > 0) {
		k_mem_slab_free(&shared_slab, w->slab_blocks[--w->nslab]);
	}
	w->done = true;
}

static bool count_used(void *mem, size_t bytes, bool used, void *user_data)
{
	(void)mem;
	(void)bytes;
	*(int *)user_data += used ? 1 : 0;
	return true;
}

/* Recount while every worker is switched out (the checker has the highest priority). */
static void check_now(void)
{
	int held = 0;
	uint32_t slab_held = 0;
	int used = 0;

	for (int i = 0; i < NTHREADS; i++) {
		held += ws[i].nheap;
		slab_held += (uint32_t)ws[i].nslab;
	}
	sys_heap_walk(&shared_heap.heap, count_used, &used);
	checkpoints++;
	if (used != held || slab_held != k_mem_slab_num_used_get(&shared_slab) ||
	    !sys_heap_validate(&shared_heap.heap)) {
		checkpoint_failures++;
		printf("checkpoint %ld: heap blocks held %d, used %d; slab held %u, used %u\n",
		       checkpoints, held, used, (unsigned int)slab_held,
		       (unsigned int)k_mem_slab_num_used_get(&shared_slab));
	}
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

int main(void)
{
	const char *env = getenv("BENCH_ITERS");

	if (env != NULL) {
		iters = atol(env);
	}
	/* main is the checker: above every worker. */
	k_thread_priority_set(k_current_get(), 2);
	for (int i = 0; i < NTHREADS; i++) {
		ws[i].seed = 0x9E3779B9u * (uint32_t)(i + 1);
		k_thread_create(&threads[i], stacks[i], STACK_SIZE, worker, (void *)(intptr_t)i,
				NULL, NULL, 5, 0, K_NO_WAIT);
	}

	double t0 = now_ns();
	bool all_done = false;

	while (!all_done && !stop_checker) {
		k_sleep(K_USEC(500));
		check_now();
		all_done = true;
		for (int i = 0; i < NTHREADS; i++) {
			all_done = all_done && ws[i].done;
		}
	}
	for (int i = 0; i < NTHREADS; i++) {
		k_thread_join(&threads[i], K_FOREVER);
	}
	double elapsed = now_ns() - t0;

	struct sys_memory_stats hs, ss;
	long allocs = 0, frees = 0, fails = 0, waits_ok = 0, early = 0, corrupt = 0;
	long slab_allocs = 0, slab_fails = 0;

	for (int i = 0; i < NTHREADS; i++) {
		allocs += ws[i].allocs;
		frees += ws[i].frees;
		fails += ws[i].fails;
		waits_ok += ws[i].waits_ok;
		early += ws[i].early_timeouts;
		corrupt += ws[i].corrupt;
		slab_allocs += ws[i].slab_allocs;
		slab_fails += ws[i].slab_fails;
	}
	k_heap_runtime_stats_get(&shared_heap, &hs);
	k_mem_slab_runtime_stats_get(&shared_slab, &ss);

	bool ok = allocs == frees && hs.allocated_bytes == 0 && ss.allocated_bytes == 0 &&
		  k_mem_slab_num_used_get(&shared_slab) == 0 && early == 0 && corrupt == 0 &&
		  checkpoint_failures == 0 && sys_heap_validate(&shared_heap.heap) &&
		  checkpoints > 0 && hs.max_allocated_bytes > 0 && ss.max_allocated_bytes > 0;

	printf("bench=kernel_contention threads=%d iters=%ld heap_allocs=%ld heap_frees=%ld "
	       "heap_fails=%ld waits_satisfied=%ld slab_allocs=%ld slab_fails=%ld "
	       "checkpoints=%ld checkpoint_failures=%ld early_timeouts=%ld corrupt=%ld "
	       "heap_max_allocated=%zu slab_max_allocated=%zu host_ms=%.1f result=%s\n",
	       NTHREADS, iters, allocs, frees, fails, waits_ok, slab_allocs, slab_fails,
	       checkpoints, checkpoint_failures, early, corrupt, hs.max_allocated_bytes,
	       ss.max_allocated_bytes, elapsed / 1e6, ok ? "ok" : "FAILED");
	return ok ? 0 : 1;
}
