/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * @file
 * @brief Helpers shared by the sys_heap tests: a counting error hook, content patterns, heap
 * walks into arrays, whole-heap snapshots (to show that a rejected call changed nothing), a
 * deterministic PRNG and scaled iteration counts. The tests themselves are ztest suites.
 */
#ifndef ZMEM_TESTS_HEAP_HEAP_TEST_UTIL_H_
#define ZMEM_TESTS_HEAP_HEAP_TEST_UTIL_H_

#include <stdbool.h>
#include <stddef.h>
#include <errno.h>
#include <stdint.h>
#include <zephyr/sys/sys_heap.h>

/**
 * @brief 1 when the heap keeps a high-water mark (CONFIG_SYS_HEAP_RUNTIME_STATS); without it
 * sys_heap_runtime_stats_get() recounts free and allocated bytes, reports 0 as the maximum and
 * returns -ENOTSUP (STATS_RC), as does sys_heap_runtime_stats_reset_max().
 */
#if SYS_HEAP_STATS_ENABLED
#define HEAP_TRACKS_MAX 1
#define STATS_RC        0
#else
#define HEAP_TRACKS_MAX 0
#define STATS_RC        (-ENOTSUP)
#endif

/**
 * @brief Alignment of the tests' static heap buffers. Block placement (and so which splits
 * leave small leftovers) depends on the buffer's address modulo the alignments requested;
 * a fixed, large alignment makes every run identical whatever the compiler or linker chose.
 */
#define HEAP_BUF_ALIGN 4096

/**
 * @brief Divisor applied to iteration counts (TEST_ITER): the valgrind stage builds with
 * -DZMEM_TEST_ITER_DIVISOR=4 (CMake), every other build runs the full counts.
 */
#ifndef TEST_ITER_DIVISOR
#define TEST_ITER_DIVISOR 1
#endif

/** @brief An iteration count scaled down by TEST_ITER_DIVISOR, never below 1. */
#define TEST_ITER(n) ((n) / TEST_ITER_DIVISOR > 0 ? (n) / TEST_ITER_DIVISOR : 1)

/** @brief A small deterministic PRNG (xorshift64); tests seed it explicitly. */
struct test_rng {
	uint64_t s; /**< State, never 0. */
};

/** @brief Seed @p r (0 is mapped to a fixed non-zero seed). */
void test_rng_seed(struct test_rng *r, uint64_t seed);
/** @brief Next 64-bit value. */
uint64_t test_rng_next(struct test_rng *r);
/** @brief Uniform-ish value in [0, n) for n > 0. */
uint32_t test_rng_below(struct test_rng *r, uint32_t n);

/** @brief What the counting error hook saw. */
struct hook_log {
	unsigned int count;      /**< Calls since the last hook_reset(). */
	struct sys_heap *heap;   /**< Heap of the last call. */
	void *mem;               /**< Pointer of the last call. */
	enum sys_heap_error err; /**< Reason of the last call. */
	unsigned int by_err[8];  /**< Calls per reason. */
};

extern struct hook_log hook_log;

/** @brief Install the counting hook and clear its log. */
void hook_install(void);
/** @brief Clear the log. */
void hook_reset(void);
/** @brief Restore the default hook (sys_heap_error_hook_set(NULL)). */
void hook_restore_default(void);

/** @brief Fill @p n bytes at @p p with a pattern derived from @p id. */
void pattern_fill(void *p, size_t n, uint32_t id);
/**
 * @brief Check a pattern written by pattern_fill().
 * @return Index of the first wrong byte, or (size_t)-1 when all @p n bytes match.
 */
size_t pattern_check(const void *p, size_t n, uint32_t id);
#define PATTERN_OK ((size_t)-1)

/** @brief One block seen by sys_heap_walk(). */
struct walk_rec {
	uintptr_t mem; /**< Start of usable memory. */
	size_t bytes;  /**< Usable bytes. */
	bool used;     /**< Allocated? */
};

/**
 * @brief Walk @p h into @p recs (up to @p max entries).
 * @return Blocks the walk reported (may exceed @p max; only @p max are stored).
 */
size_t walk_collect(struct sys_heap *h, struct walk_rec *recs, size_t max);

/** @brief Index of the block starting at @p mem in @p recs, or -1. */
long walk_find(const struct walk_rec *recs, size_t n, const void *mem);

/** @brief Free / allocated / max bytes, asserting the call returns 0. */
struct sys_memory_stats stats_of(struct sys_heap *h);

/** @brief Save a copy of the heap's whole buffer (up to SNAPSHOT_MAX bytes). */
#define SNAPSHOT_MAX 8192
struct heap_snapshot {
	size_t bytes;                  /**< Bytes copied. */
	struct sys_memory_stats stats; /**< Stats at the time. */
	uint8_t copy[SNAPSHOT_MAX];    /**< The buffer's contents. */
};
void snapshot_take(struct sys_heap *h, struct heap_snapshot *s);
/**
 * @brief Compare the heap with a snapshot.
 * @return Offset of the first changed byte, or (size_t)-1 when the buffer and stats are as saved.
 */
size_t snapshot_diff(struct sys_heap *h, const struct heap_snapshot *s);
/**
 * @brief Like snapshot_diff() but only from the first block's header on: the heap header
 * before it may hold caches a failed allocation is free to update.
 */
size_t snapshot_diff_blocks(struct sys_heap *h, const struct heap_snapshot *s);

/** @brief Is @p p aligned to @p align (a power of two)? */
static inline bool is_aligned(const void *p, size_t align)
{
	return ((uintptr_t)p & (align - 1)) == 0;
}

/** @brief Does [p, p+n) lie inside the buffer given to sys_heap_init()? */
bool in_heap(const struct sys_heap *h, const void *p, size_t n);

/* sys_heap_aligned_alloc()'s signature, which sys_heap_noalign_alloc() shares. */
typedef void *(*heap_alloc_fn_t)(struct sys_heap *h, size_t align, size_t bytes);

/* sys_heap_noalign_alloc() as another translation unit sees it (one function: one address). */
heap_alloc_fn_t noalign_alloc_elsewhere(void);

#endif /* ZMEM_TESTS_HEAP_HEAP_TEST_UTIL_H_ */
