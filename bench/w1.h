/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Workload W1 (issue 2), portable: no OS, no floating point, no libc allocator.
 *
 * 4096 slots; xorshift64 from 88172645463325252; every op picks s = rnd() % 4096: an occupied
 * slot is freed, an empty one is allocated with r = rnd() % 100: r < 70 -> 16 + rnd() % 113
 * bytes, r < 95 -> 128 + rnd() % 897, else 1024 + rnd() % 3073. A failed allocation leaves
 * the slot empty. Every counter is an integer, so a 32-bit host build and a Cortex-M build
 * produce identical failure counts and utilization.
 */
#ifndef ZMEM_BENCH_W1_H_
#define ZMEM_BENCH_W1_H_

#include <stddef.h>
#include <stdint.h>

#define W1_SLOTS 4096u
#define W1_OPS   2000000u
#define W1_SEED  88172645463325252ull

/** The allocator under test. */
struct w1_allocator {
	void *(*alloc)(void *ctx, size_t bytes); /**< NULL on failure. */
	void (*free)(void *ctx, void *mem);
	void *ctx;
};

/** Workload state and counters. */
struct w1 {
	uint64_t rng;                  /**< xorshift64 state. */
	void *slot[W1_SLOTS];          /**< Live block per slot, or NULL. */
	uint32_t slot_bytes[W1_SLOTS]; /**< Requested bytes per live slot. */
	uint64_t live_bytes;           /**< Requested bytes of all live blocks. */
	uint64_t allocs;               /**< Allocation attempts. */
	uint64_t frees;                /**< Frees. */
	uint64_t failed;               /**< Allocation attempts that returned NULL. */
	uint64_t failed_live_sum;      /**< Sum of live_bytes at each failure. */
};

/** Reset @p w to the start of the workload. */
void w1_init(struct w1 *w);

/** Run one op against @p a. */
void w1_step(struct w1 *w, const struct w1_allocator *a);

/** Run @p ops ops. */
void w1_run(struct w1 *w, const struct w1_allocator *a, uint32_t ops);

/** Free every live block (not part of the measured workload). */
void w1_release(struct w1 *w, const struct w1_allocator *a);

/**
 * Utilization at failure in parts per million: the mean over failed allocations of live
 * requested bytes divided by @p heap_bytes (0 when nothing failed).
 */
uint32_t w1_util_ppm(const struct w1 *w, size_t heap_bytes);

#endif /* ZMEM_BENCH_W1_H_ */
