/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Workloads W1, W2 and W3 of /work/shared/docs/peer-figures.md, and W4 to W7 (nobody
 * tuned the allocator for these), portable.
 *
 * The driver shape of the peer figures: the workload calls the allocator only through three
 * functions the program defines (noinline, so that callgrind's inclusive cost of these three
 * is the allocator's cost, and so that any allocator links under the same workload):
 *
 *     void *w1_alloc(size_t bytes);
 *     void w1_free(void *mem);
 *     void *w1_aligned_alloc(size_t align, size_t bytes);
 *
 * One generator for all of them: xorshift64 (x ^= x << 13; x ^= x >> 7; x ^= x << 17) from
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
 * W4 to W7 were written after the allocator was tuned on W1 to W3, to see how it does on
 * other shapes an embedded program plausibly has (docs/benchmarks.md, "Workloads nobody tuned
 * for"). Their parameters were fixed before any allocator was measured on them. Each op is
 * one call unless said otherwise; a failed allocation leaves its slot empty.
 *
 * - W4 (stack-like message buffers): a stack of up to WL_SLOTS blocks (slot[0] the bottom,
 *   depth blocks live). Every op draws r = rnd() % 100. When the stack is empty, or r < 52
 *   and it is not full, bytes = 8 << (rnd() % 9) (8..2048, powers of two) is allocated and
 *   pushed on success. Otherwise one of the top min(depth, 4) blocks is freed, the one
 *   d = rnd() % min(depth, 4) below the top (d = 0: the top), and the blocks above it move
 *   down one place (LIFO-ish). The 52/48 drift fills the heap, which then hovers near full.
 *   Heap: 64 KiB.
 * - W5 (pinned long-lived blocks among short-lived ones): allocation number k draws
 *   r = rnd() % 100, then bytes = 16 + rnd() % 1009 (16..1024). When r < 10 and the pinned
 *   blocks' requested bytes are below 60 % of heap_bytes (pinned * 10 < heap_bytes * 6) and
 *   fewer than WL_SLOTS - WL_W5_RING blocks are pinned, the block is pinned: kept until the
 *   run ends (a failed pinned allocation pins nothing; no free follows it). Every other
 *   allocation is short-lived: short allocation number j goes to ring slot j % WL_W5_RING
 *   and right after it short allocation j - WL_W5_DELAY is freed (FIFO, the schedule and op
 *   counting of W2: a failed one's turn calls nothing and is not an op). Heap: 64 KiB.
 * - W6 (many small blocks, a few large buffers, malloc's alignment): every op draws
 *   r = rnd() % 32; r == 0 picks a large slot s = WL_W6_SMALL + rnd() % WL_W6_LARGE, else a
 *   small slot s = rnd() % WL_W6_SMALL. An occupied slot is freed; an empty one gets
 *   w1_aligned_alloc(8, bytes) with bytes = 4096 + rnd() % 12289 (4..16 KiB) for a large
 *   slot, 8 + rnd() % 41 (8..48) for a small one: alignment 8 is what a C library's malloc
 *   over sys_heap asks on a 32-bit target (alignof(max_align_t)). Heap: 64 KiB.
 * - W7 (uniform sizes, random frees): W1's slot rule on the first WL_W7_SLOTS slots
 *   (s = rnd() % WL_W7_SLOTS), bytes = 1 + rnd() % 8192. Heap: 256 KiB.
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
#define WL_W4_TOP    4u       /**< W4 frees one of the top 4 blocks. */
#define WL_W5_RING   64u      /**< W5 ring of short-lived blocks (slots 0..63; pinned above). */
#define WL_W5_DELAY  32u      /**< W5 frees short allocation j - 32 right after short j. */
#define WL_W6_SMALL  1024u    /**< W6 small slots (0..1023). */
#define WL_W6_LARGE  6u       /**< W6 large slots (1024..1029). */
#define WL_W7_SLOTS  128u     /**< W7 slots. */

/** The allocator under test: defined by the program, noinline. */
void *w1_alloc(size_t bytes);
/** Free a block returned by w1_alloc() or w1_aligned_alloc(); never called with NULL. */
void w1_free(void *mem);
/** Aligned allocation (W3 and W6). */
void *w1_aligned_alloc(size_t align, size_t bytes);

/** The workloads. */
enum wl_kind {
	WL_W1 = 1,
	WL_W2 = 2,
	WL_W3 = 3,
	WL_W4 = 4,
	WL_W5 = 5,
	WL_W6 = 6,
	WL_W7 = 7,
};

/** The highest workload number. */
#define WL_KIND_MAX 7u

/** Workload state and counters. */
struct wl {
	enum wl_kind kind;
	uint64_t rng;                  /**< xorshift64 state. */
	void *slot[WL_SLOTS];          /**< Live block per slot, or NULL. */
	uint32_t slot_bytes[WL_SLOTS]; /**< Requested bytes per live slot. */
	uint32_t w2_next;              /**< W2: number of the next allocation (k); W5: of the
					*   next short-lived one (j). */
	uint32_t w2_free_due;          /**< W2/W5: the due free is the next op. */
	uint32_t depth;                /**< W4: blocks on the stack; W5: blocks pinned. */
	uint64_t pinned_bytes;         /**< W5: requested bytes of the pinned blocks. */
	/** W5: the heap size its pin limit is a share of; the program sets it after wl_init()
	 * (0, wl_init's value, pins nothing). */
	uint64_t heap_bytes;
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

/** "W1" .. "W7". */
const char *wl_name(enum wl_kind kind);

#endif /* ZMEM_BENCH_WORKLOADS_H_ */
