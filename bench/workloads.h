/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Workloads W1, W2 and W3 of /work/shared/docs/peer-figures.md, portable.
 *
 * The driver shape of the peer figures: the workload calls the allocator only through three
 * functions the program defines (noinline, so that callgrind's inclusive cost of these three
 * is the allocator's cost, and so that any allocator links under the same workload):
 *
 *     void *w1_alloc(size_t bytes);
 *     void w1_free(void *mem);
 *     void *w1_aligned_alloc(size_t align, size_t bytes);
 *
 * One generator for all three: xorshift64 (x ^= x << 13; x ^= x >> 7; x ^= x << 17) from
 * 88172645463325252, drawn in the order written below.
 *
 * - W1 (issue 2): 4096 slots; every op draws s = rnd() % 4096: an occupied slot is freed; an
 *   empty one is allocated with r = rnd() % 100: r < 70 -> 16 + rnd() % 113 bytes, r < 95 ->
 *   128 + rnd() % 897, else 1024 + rnd() % 3073. A failed allocation leaves the slot empty.
 * - W2 (packet buffers): allocation number k draws r = rnd() % 100 for its size, 64 (r < 40),
 *   128 (< 60), 256 (< 75), 576 (< 85) or 1500, then adds 1 + rnd() % 8 bytes; right after
 *   allocation k, allocation k - 300 is freed (FIFO in a ring of 512 slots; a failed
 *   allocation keeps its place in the schedule; its turn to be freed calls nothing and is not
 *   an op).
 *   Each allocation and each free of a block is one op (a call).
 * - W3 (aligned): W1's slots and free rule; an empty slot gets w1_aligned_alloc(align, bytes)
 *   with align = 8 << (rnd() % 6) (8..256) drawn first, then bytes = 16 + rnd() % 2033.
 *
 * Every counter is an integer, so a 32-bit host build and a Cortex-M build print identical
 * figures.
 */
#ifndef ZMEM_BENCH_WORKLOADS_H_
#define ZMEM_BENCH_WORKLOADS_H_

#include <stddef.h>
#include <stdint.h>

#define WL_SLOTS     4096u    /**< W1/W3 slots (W2 uses the first WL_W2_RING). */
#define WL_W2_RING   512u     /**< W2 ring of live packets. */
#define WL_W2_DELAY  300u     /**< W2 frees allocation k - 300 right after allocation k. */
#define WL_OPS       2000000u /**< Ops of a figures run (failures, utilization). */
#define WL_COUNT_OPS 400000u  /**< Ops of an instruction-count run (callgrind). */
#define WL_SEED      88172645463325252ull

/** The allocator under test: defined by the program, noinline. */
void *w1_alloc(size_t bytes);
/** Free a block returned by w1_alloc() or w1_aligned_alloc(); never called with NULL. */
void w1_free(void *mem);
/** Aligned allocation (W3 only). */
void *w1_aligned_alloc(size_t align, size_t bytes);

/** The three workloads. */
enum wl_kind {
	WL_W1 = 1,
	WL_W2 = 2,
	WL_W3 = 3,
};

/** Workload state and counters. */
struct wl {
	enum wl_kind kind;
	uint64_t rng;                  /**< xorshift64 state. */
	void *slot[WL_SLOTS];          /**< Live block per slot, or NULL. */
	uint32_t slot_bytes[WL_SLOTS]; /**< Requested bytes per live slot. */
	uint32_t w2_next;              /**< W2: number of the next allocation (k). */
	uint32_t w2_free_due;          /**< W2: the free of allocation k - 300 is the next op. */
	uint64_t live_bytes;           /**< Requested bytes of all live blocks. */
	uint64_t ops;                  /**< Ops run (calls made). */
	uint64_t allocs;               /**< Allocation attempts. */
	uint64_t frees;                /**< Frees. */
	uint64_t failed;               /**< Allocation attempts that returned NULL. */
	uint64_t failed_live_sum;      /**< Sum of live_bytes at each failure. */
};

/** Reset @p w to the start of workload @p kind. */
void wl_init(struct wl *w, enum wl_kind kind);

/** Run @p ops more ops. */
void wl_run(struct wl *w, uint32_t ops);

/** Free every live block (not part of the measured workload, not counted). */
void wl_release(struct wl *w);

/**
 * Utilization at failure in parts per million: the mean over failed allocations of live
 * requested bytes divided by @p heap_bytes (0 when nothing failed).
 */
uint32_t wl_util_ppm(const struct wl *w, size_t heap_bytes);

/** "W1", "W2" or "W3". */
const char *wl_name(enum wl_kind kind);

#endif /* ZMEM_BENCH_WORKLOADS_H_ */
