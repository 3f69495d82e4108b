/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Cost of the kernel memory objects, uncontended: k_mem_slab alloc + free pairs, and k_heap
 * alloc + free pairs against the same workload on a bare sys_heap; and of passing memory
 * between threads: k_msgq put + get round trips (16-byte messages) and k_fifo put + get round
 * trips (an item with its link word), both with nobody waiting.
 *
 * Environment: BENCH_PAIRS (default 1000000) pairs per run; BENCH_ONLY=slab|kheap|sysheap|msgq|fifo
 * runs one loop only (for callgrind: bench/kernel_objects/instructions.sh toggles collection
 * on the API entry points and divides by the pair count). Prints key=value lines.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zephyr/kernel.h>

#define HEAP_BYTES  16384
#define LIVE_BLOCKS 32

K_MEM_SLAB_DEFINE(bench_slab, 64, 32, 8);
K_HEAP_DEFINE(bench_kheap, HEAP_BYTES);
static char sysheap_mem[HEAP_BYTES] __attribute__((aligned(8)));
K_MSGQ_DEFINE(bench_msgq, 16, 8, 8);
K_FIFO_DEFINE(bench_fifo);

struct fifo_item {
	void *reserved;
	uint32_t payload;
};
static struct sys_heap bench_sysheap;

/* The request sizes cycle through this table; the same sequence for both heaps. */
static const size_t sizes[8] = {16, 24, 40, 64, 100, 128, 200, 256};

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

__attribute__((noinline)) static void slab_pairs(long n)
{
	void *blk;

	for (long i = 0; i < n; i++) {
		if (k_mem_slab_alloc(&bench_slab, &blk, K_NO_WAIT) != 0) {
			abort();
		}
		k_mem_slab_free(&bench_slab, blk);
	}
}

__attribute__((noinline)) static void kheap_pairs(long n)
{
	for (long i = 0; i < n; i++) {
		void *p = k_heap_alloc(&bench_kheap, sizes[i & 7], K_NO_WAIT);

		if (p == NULL) {
			abort();
		}
		k_heap_free(&bench_kheap, p);
	}
}

__attribute__((noinline)) static void sysheap_pairs(long n)
{
	for (long i = 0; i < n; i++) {
		void *p = sys_heap_alloc(&bench_sysheap, sizes[i & 7]);

		if (p == NULL) {
			abort();
		}
		sys_heap_free(&bench_sysheap, p);
	}
}

__attribute__((noinline)) static void msgq_pairs(long n)
{
	uint32_t in[4] = {1, 2, 3, 4};
	uint32_t out[4];

	for (long i = 0; i < n; i++) {
		in[0] = (uint32_t)i;
		if (k_msgq_put(&bench_msgq, in, K_NO_WAIT) != 0 ||
		    k_msgq_get(&bench_msgq, out, K_NO_WAIT) != 0 || out[0] != in[0]) {
			abort();
		}
	}
}

__attribute__((noinline)) static void fifo_pairs(long n)
{
	static struct fifo_item item;

	for (long i = 0; i < n; i++) {
		k_fifo_put(&bench_fifo, &item);
		if (k_fifo_get(&bench_fifo, K_NO_WAIT) != &item) {
			abort();
		}
	}
}

/* Both heaps start with the same live blocks, so the pairs run in a used heap. */
static void prefill(void)
{
	for (int i = 0; i < LIVE_BLOCKS; i++) {
		size_t s = sizes[(i * 3) & 7];

		if (k_heap_alloc(&bench_kheap, s, K_NO_WAIT) == NULL ||
		    sys_heap_alloc(&bench_sysheap, s) == NULL) {
			abort();
		}
	}
	/* Take a few blocks from the slab too, so that it is not empty. */
	for (int i = 0; i < 8; i++) {
		void *b;

		if (k_mem_slab_alloc(&bench_slab, &b, K_NO_WAIT) != 0) {
			abort();
		}
	}
}

int main(void)
{
	const char *env = getenv("BENCH_PAIRS");
	const char *only = getenv("BENCH_ONLY");
	long n = env != NULL ? atol(env) : 1000000;

	sys_heap_init(&bench_sysheap, sysheap_mem, sizeof(sysheap_mem));
	prefill();

	if (only != NULL) {
		if (strcmp(only, "slab") == 0) {
			slab_pairs(n);
		} else if (strcmp(only, "kheap") == 0) {
			kheap_pairs(n);
		} else if (strcmp(only, "sysheap") == 0) {
			sysheap_pairs(n);
		} else if (strcmp(only, "msgq") == 0) {
			msgq_pairs(n);
		} else if (strcmp(only, "fifo") == 0) {
			fifo_pairs(n);
		} else {
			printf("BENCH_ONLY must be slab, kheap, sysheap, msgq or fifo\n");
			return 2;
		}
		printf("bench=kernel_objects only=%s pairs=%ld\n", only, n);
		return 0;
	}

	/* Warm-up, then many short rounds of each loop in turn; the fastest round of each counts
	 * (the machine is shared, so the minimum is the figure least disturbed by others). */
	slab_pairs(n / 10);
	kheap_pairs(n / 10);
	sysheap_pairs(n / 10);
	msgq_pairs(n / 10);
	fifo_pairs(n / 10);

	const int rounds = 50;
	long chunk = n / rounds > 0 ? n / rounds : 1;
	double best[5] = {1e30, 1e30, 1e30, 1e30, 1e30};

	for (int rep = 0; rep < rounds; rep++) {
		for (int k = 0; k < 5; k++) {
			int which = (rep + k) % 5; /* rotate the order */
			double t0 = now_ns();

			if (which == 0) {
				slab_pairs(chunk);
			} else if (which == 1) {
				kheap_pairs(chunk);
			} else if (which == 2) {
				sysheap_pairs(chunk);
			} else if (which == 3) {
				msgq_pairs(chunk);
			} else {
				fifo_pairs(chunk);
			}

			double t = now_ns() - t0;

			best[which] = t < best[which] ? t : best[which];
		}
	}
	n = chunk;
	printf(
	    "bench=kernel_objects pairs_per_round=%ld slab_ns_per_pair=%.1f kheap_ns_per_pair=%.1f "
	    "sysheap_ns_per_pair=%.1f kheap_over_sysheap=%.2f\n",
	    n, best[0] / (double)n, best[1] / (double)n, best[2] / (double)n, best[1] / best[2]);
	printf("bench=kernel_objects_passing pairs_per_round=%ld msgq_ns_per_round_trip=%.1f "
	       "fifo_ns_per_round_trip=%.1f\n",
	       n, best[3] / (double)n, best[4] / (double)n);
	if (!sys_heap_validate(&bench_kheap.heap) || !sys_heap_validate(&bench_sysheap)) {
		printf("heap validation failed\n");
		return 1;
	}
	return 0;
}
