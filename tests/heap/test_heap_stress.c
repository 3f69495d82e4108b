/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Randomized stress test of sys_heap against a simple reference model.
 *
 * Random alloc / aligned_alloc / realloc / aligned_realloc / free with fixed seeds. After every
 * operation: sys_heap_validate() holds, a new block is aligned, lies inside the buffer and
 * overlaps no other live block, and the statistics equal the model's recount. Every live block
 * holds a pattern derived from its id, checked before it is freed or resized and, for all blocks,
 * periodically (with a heap walk compared against the model and a check that the reported
 * largest free block is exactly the largest request that succeeds).
 *
 * One source, several programs: STRESS_HEAP_BYTES sets the largest heap (and the static buffer),
 * so the small program stays well under 200 KiB of RAM for targets and the larger ones exercise
 * the 256 KiB boundary and the big-heap layout. STRESS_OPS (scaled by TEST_ITER_DIVISOR) sets the
 * operations per configuration.
 */
#include <stdio.h>
#include <string.h>

#include <zephyr/sys/sys_heap.h>
#include <zephyr/ztest.h>

#include "heap_test_util.h"

/* The aligned fit probes one chunk of the request's own class without probes configured. */
#if defined(CONFIG_SYS_HEAP_ALLOC_PROBES) && CONFIG_SYS_HEAP_ALLOC_PROBES == 0
#define ALIGNED_FIT_PROBES_BEYOND 1
#else
#define ALIGNED_FIT_PROBES_BEYOND 0
#endif

#ifndef STRESS_HEAP_BYTES
#define STRESS_HEAP_BYTES (64u * 1024u)
#endif
#ifndef STRESS_OPS
#define STRESS_OPS 20000u
#endif
#define OPS             TEST_ITER(STRESS_OPS)
#define MAX_LIVE        256
#define CHECK_ALL_EVERY 97  /* ops between full content + walk checks */
#define LARGEST_EVERY   211 /* ops between largest-free-block probes */
#define PTR_ALIGN       sizeof(void *)
#define ALIGN_SLACK     32 /* bytes an aligned request may need beyond n + align */

static _Alignas(HEAP_BUF_ALIGN) union {
	uint64_t align;
	uint8_t b[STRESS_HEAP_BYTES + 16];
} buf;

struct live_block {
	uint8_t *ptr; /* NULL: slot empty */
	size_t req;   /* bytes requested (the pattern covers these) */
	uint32_t id;  /* pattern seed */
	size_t align; /* alignment asked for (0: natural) */
};

static struct {
	struct sys_heap heap;
	struct live_block live[MAX_LIVE];
	size_t nlive;
	uint32_t next_id;
	size_t total;     /* free + allocated bytes, fixed after init */
	size_t max_alloc; /* model's high-water mark of allocated bytes */
	size_t overhead;  /* bytes per live block the statistics count beyond its usable size */
	unsigned long allocs_ok, allocs_failed, reallocs_moved, reallocs_in_place, reallocs_failed,
	    frees;
	unsigned long reallocs_down; /* in place, grown into the left neighbour */
} m;

static struct walk_rec recs[2 * MAX_LIVE + 8];

/* Bytes the statistics charge for one live block: its usable size plus the per-block overhead
 * (measured once per heap in run_config(), then held constant for every block). */
static size_t charge(uint8_t *p)
{
	return sys_heap_usable_size(&m.heap, p) + m.overhead;
}

static size_t model_allocated(void)
{
	size_t sum = 0;

	for (size_t i = 0; i < MAX_LIVE; i++) {
		if (m.live[i].ptr != NULL) {
			sum += charge(m.live[i].ptr);
		}
	}
	return sum;
}

static void check_stats(unsigned long op)
{
	struct sys_memory_stats s;

	zassert_equal(sys_heap_runtime_stats_get(&m.heap, &s), STATS_RC);
	size_t want = model_allocated();
	if (want > m.max_alloc) {
		m.max_alloc = want;
	}
	zassert_true(s.allocated_bytes == want, "op %lu: allocated_bytes %lu, model %lu", op,
		     (unsigned long)s.allocated_bytes, (unsigned long)want);
#if HEAP_TRACKS_MAX
	zassert_true(s.max_allocated_bytes == m.max_alloc, "op %lu: max %lu, model %lu", op,
		     (unsigned long)s.max_allocated_bytes, (unsigned long)m.max_alloc);
#else
	zassert_equal(s.max_allocated_bytes, 0);
#endif
	zassert_true(s.free_bytes <= m.total - s.allocated_bytes,
		     "op %lu: free %lu + allocated %lu > %lu", op, (unsigned long)s.free_bytes,
		     (unsigned long)s.allocated_bytes, (unsigned long)m.total);
}

/* A new or moved block: aligned, inside the buffer, overlapping no other live block. */
static void check_placement(size_t slot, unsigned long op)
{
	struct live_block *b = &m.live[slot];
	size_t usable = sys_heap_usable_size(&m.heap, b->ptr);
	size_t align = b->align > PTR_ALIGN ? b->align : PTR_ALIGN;

	zassert_true(is_aligned(b->ptr, align), "op %lu: %p not aligned to %lu", op, (void *)b->ptr,
		     (unsigned long)align);
	zassert_true(usable >= b->req, "op %lu: usable %lu < requested %lu", op,
		     (unsigned long)usable, (unsigned long)b->req);
	zassert_true(in_heap(&m.heap, b->ptr, usable), "op %lu: block %p+%lu outside the heap", op,
		     (void *)b->ptr, (unsigned long)usable);
	/* The first live block it overlaps, if any: one check per placement, not one per live
	 * block (a ztest check is a call; this runs after every operation). */
	const struct live_block *clash = NULL;
	size_t clash_usable = 0;

	for (size_t i = 0; i < MAX_LIVE && clash == NULL; i++) {
		const struct live_block *o = &m.live[i];

		if (i == slot || o->ptr == NULL) {
			continue;
		}
		size_t ou = sys_heap_usable_size(&m.heap, o->ptr);
		bool apart = b->ptr + usable <= o->ptr || o->ptr + ou <= b->ptr;

		if (!apart) {
			clash = o;
			clash_usable = ou;
		}
	}
	zassert_is_null(clash, "op %lu: %p+%lu overlaps live %p+%lu", op, (void *)b->ptr,
			(unsigned long)usable, (void *)(clash != NULL ? clash->ptr : NULL),
			(unsigned long)clash_usable);
}

static void check_content(const struct live_block *b, size_t n, unsigned long op)
{
	size_t bad = pattern_check(b->ptr, n, b->id);

	zassert_true(bad == PATTERN_OK, "op %lu: block id %lu at %p: byte %lu of %lu changed", op,
		     (unsigned long)b->id, (void *)b->ptr, (unsigned long)bad, (unsigned long)n);
}

/* All contents, and the walk against the model. */
static void check_all(unsigned long op)
{
	size_t used = 0;

	for (size_t i = 0; i < MAX_LIVE; i++) {
		if (m.live[i].ptr != NULL) {
			check_content(&m.live[i], m.live[i].req, op);
		}
	}
	size_t n = walk_collect(&m.heap, recs, sizeof(recs) / sizeof(recs[0]));
	zassert_true(n != (size_t)-1 && n <= sizeof(recs) / sizeof(recs[0]),
		     "op %lu: walk visited %lu blocks", op, (unsigned long)n);
	for (size_t k = 0; k < n; k++) {
		if (k > 0) {
			zassert_true(recs[k].mem >= recs[k - 1].mem + recs[k - 1].bytes,
				     "op %lu: walk not in address order at %lu", op,
				     (unsigned long)k);
		}
		if (!recs[k].used) {
			continue;
		}
		used++;
		bool found = false;
		for (size_t i = 0; i < MAX_LIVE && !found; i++) {
			if ((uintptr_t)m.live[i].ptr == recs[k].mem) {
				found = true;
				zassert_equal(recs[k].bytes,
					      sys_heap_usable_size(&m.heap, m.live[i].ptr));
			}
		}
		zassert_true(found, "op %lu: walk shows a used block the model does not have", op);
	}
	zassert_true(used == m.nlive, "op %lu: walk has %lu used blocks, model %lu", op,
		     (unsigned long)used, (unsigned long)m.nlive);
}

/* largest_free_block is exactly the largest request that succeeds now. */
static void check_largest(unsigned long op)
{
	struct sys_heap_fragmentation f;

	zassert_equal(sys_heap_fragmentation_get(&m.heap, &f), 0);
	zassert_true(f.largest_free_block <= f.free_bytes);
	if (f.largest_free_block > 0) {
		void *p = sys_heap_alloc(&m.heap, f.largest_free_block);

		zassert_true(p != NULL, "op %lu: alloc(largest_free_block %lu) failed", op,
			     (unsigned long)f.largest_free_block);
		/* The probe counts towards the high-water mark like any allocation. */
		size_t peak = model_allocated() + charge(p);
		if (peak > m.max_alloc) {
			m.max_alloc = peak;
		}
		sys_heap_free(&m.heap, p);
	}
	void *q = sys_heap_alloc(&m.heap, f.largest_free_block + 1);
	zassert_true(q == NULL, "op %lu: alloc(largest_free_block + 1 = %lu) succeeded", op,
		     (unsigned long)f.largest_free_block + 1);
}

static size_t largest_now(void)
{
	struct sys_heap_fragmentation f;

	if (sys_heap_fragmentation_get(&m.heap, &f) != 0) {
		return 0;
	}
	return f.largest_free_block;
}

static size_t random_size(struct test_rng *r, size_t heap_bytes)
{
	uint32_t c = test_rng_below(r, 100);

	if (c < 50) {
		return 1 + test_rng_below(r, 64);
	} else if (c < 85) {
		return 1 + test_rng_below(r, 1024);
	} else if (c < 98) {
		return 1 + test_rng_below(r, (uint32_t)(heap_bytes / 8));
	}
	return heap_bytes / 2 + test_rng_below(r, (uint32_t)heap_bytes); /* mostly fails */
}

static size_t random_align(struct test_rng *r, size_t heap_bytes)
{
	size_t a = (size_t)1 << test_rng_below(r, 13);

	while (a > heap_bytes / 16) {
		a >>= 1;
	}
	return a;
}

static long free_slot(void)
{
	for (size_t i = 0; i < MAX_LIVE; i++) {
		if (m.live[i].ptr == NULL) {
			return (long)i;
		}
	}
	return -1;
}

static long random_live(struct test_rng *r)
{
	if (m.nlive == 0) {
		return -1;
	}
	uint32_t k = test_rng_below(r, (uint32_t)m.nlive);
	for (size_t i = 0; i < MAX_LIVE; i++) {
		if (m.live[i].ptr != NULL && k-- == 0) {
			return (long)i;
		}
	}
	return -1;
}

static void do_alloc(struct test_rng *r, size_t heap_bytes, bool aligned, unsigned long op)
{
	long s = free_slot();

	if (s < 0) {
		return;
	}
	struct live_block *b = &m.live[s];
	size_t n = random_size(r, heap_bytes);
	size_t align = aligned ? random_align(r, heap_bytes) : 0;
	size_t largest = largest_now();
	uint8_t *p =
	    aligned ? sys_heap_aligned_alloc(&m.heap, align, n) : sys_heap_alloc(&m.heap, n);

	/* The fragmentation report predicts the outcome: a request up to the largest free block
	 * succeeds, a larger one fails. An aligned request may need the alignment plus a small
	 * leading fragment (ALIGN_SLACK) more. */
	if (p == NULL) {
		m.allocs_failed++;
		zassert_true(n + (align ? align + ALIGN_SLACK : 0) > largest,
			     "op %lu: alloc(%lu, align %lu) failed, largest %lu", op,
			     (unsigned long)n, (unsigned long)align, (unsigned long)largest);
		return;
	}
	/* (Without probes, the aligned fit of 4-byte-unit heaps still tries the head of the
	 * request's own class at its aligned position, which a plain request does not: an aligned
	 * request may then succeed above the prediction, made for sys_heap_alloc().) */
	zassert_true(n <= largest || (aligned && ALIGNED_FIT_PROBES_BEYOND),
		     "op %lu: alloc(%lu) succeeded but largest_free_block was %lu", op,
		     (unsigned long)n, (unsigned long)largest);
	m.allocs_ok++;
	b->ptr = p;
	b->req = n;
	b->align = align;
	b->id = m.next_id++;
	m.nlive++;
	check_placement((size_t)s, op);
	pattern_fill(p, n, b->id);
}

static void do_realloc(struct test_rng *r, size_t heap_bytes, bool aligned, unsigned long op)
{
	long s = random_live(r);

	if (s < 0) {
		return;
	}
	struct live_block *b = &m.live[s];
	check_content(b, b->req, op);
	size_t n;
	uint32_t how = test_rng_below(r, 4);
	if (how == 0) {
		n = b->req > 1 ? 1 + test_rng_below(r, (uint32_t)b->req) : 1; /* shrink */
	} else if (how == 1) {
		n = b->req + 1 + test_rng_below(r, 64); /* small grow */
	} else {
		n = random_size(r, heap_bytes);
	}
	size_t align = aligned ? random_align(r, heap_bytes) : 0;
	size_t largest = largest_now();
	size_t before = model_allocated();
	uint8_t *old = b->ptr;
	uint8_t *p = aligned ? sys_heap_aligned_realloc(&m.heap, old, align, n)
			     : sys_heap_realloc(&m.heap, old, n);

	if (p == NULL) {
		/* Failure keeps the old block and its contents. */
		m.reallocs_failed++;
		zassert_true(n + (align ? align + ALIGN_SLACK : 0) > largest,
			     "op %lu: realloc to %lu (align %lu) failed, largest %lu", op,
			     (unsigned long)n, (unsigned long)align, (unsigned long)largest);
		check_content(b, b->req, op);
		return;
	}
	if (p == old) {
		m.reallocs_in_place++;
	} else if (p < old && p + sys_heap_usable_size(&m.heap, p) > old) {
		/* Grown into the free left neighbour, the contents moved down: never two copies
		 * at once (a moved block never overlaps the old one, which it was allocated
		 * beside). */
		m.reallocs_in_place++;
		m.reallocs_down++;
	} else {
		/* A moved block was allocated while the old one was still held. */
		m.reallocs_moved++;
		if (before + charge(p) > m.max_alloc) {
			m.max_alloc = before + charge(p);
		}
	}
	size_t keep = n < b->req ? n : b->req;
	b->ptr = p;
	b->align = align;
	check_content(b, keep, op);
	b->req = n;
	check_placement((size_t)s, op);
	b->id = m.next_id++;
	pattern_fill(p, n, b->id);
}

static void do_free(struct test_rng *r, unsigned long op)
{
	long s = random_live(r);

	if (s < 0) {
		return;
	}
	struct live_block *b = &m.live[s];
	check_content(b, b->req, op);
	if (test_rng_below(r, 8) == 0) {
		zassert_is_null(sys_heap_realloc(&m.heap, b->ptr, 0)); /* realloc to 0 frees */
	} else {
		sys_heap_free(&m.heap, b->ptr);
	}
	b->ptr = NULL;
	m.nlive--;
	m.frees++;
}

/* One configuration: a heap of @p bytes at @p offset into the buffer, @p ops operations. */
static void run_config(size_t bytes, size_t offset, uint64_t seed, uint32_t free_bias)
{
	struct test_rng r;

	memset(&m, 0, sizeof(m));
	memset(buf.b, 0xdb, sizeof(buf.b));
	hook_install();
	test_rng_seed(&r, seed);
	sys_heap_init(&m.heap, buf.b + offset, bytes);
	zassert_equal(hook_log.count, 0);
	zassert_true(sys_heap_validate(&m.heap));
	struct sys_memory_stats s0 = stats_of(&m.heap);
	zassert_equal(s0.allocated_bytes, 0);
	m.total = s0.free_bytes;
	/* The per-block overhead: what one block costs beyond its usable size. It must equal the
	 * gap the walk shows between two blocks (one chunk header, plus a canary if any). */
	void *p1 = sys_heap_alloc(&m.heap, 40);
	void *p2 = sys_heap_alloc(&m.heap, 40);
	zassert_true(p1 && p2);
	m.overhead = stats_of(&m.heap).allocated_bytes - sys_heap_usable_size(&m.heap, p1) -
		     sys_heap_usable_size(&m.heap, p2);
	zassert_equal(m.overhead % 2, 0);
	m.overhead /= 2;
	zassert_true(m.overhead <= 16);
	size_t nw = walk_collect(&m.heap, recs, sizeof(recs) / sizeof(recs[0]));
	zassert_true(nw >= 2 && nw <= sizeof(recs) / sizeof(recs[0]));
	long k1 = walk_find(recs, nw, p1), k2 = walk_find(recs, nw, p2);
	zassert_true(k1 >= 0 && k2 >= 0);
	if (k2 == k1 + 1) { /* neighbours (the usual case): the gap is one block's overhead */
		zassert_equal(recs[k2].mem - (recs[k1].mem + recs[k1].bytes), m.overhead);
	}
	sys_heap_free(&m.heap, p1);
	sys_heap_free(&m.heap, p2);
	zassert_equal(stats_of(&m.heap).allocated_bytes, 0);
	sys_heap_runtime_stats_reset_max(&m.heap);
	/* The empty heap's free space, to compare with after draining (a big heap may consist
	 * of several segments, each one free block when empty). */
	struct sys_heap_fragmentation f0;
	zassert_equal(sys_heap_fragmentation_get(&m.heap, &f0), 0);

	for (unsigned long op = 0; op < OPS; op++) {
		uint32_t c = test_rng_below(&r, 100);

		if (c < 30) {
			do_alloc(&r, bytes, false, op);
		} else if (c < 40) {
			do_alloc(&r, bytes, true, op);
		} else if (c < 52) {
			do_realloc(&r, bytes, false, op);
		} else if (c < 58) {
			do_realloc(&r, bytes, true, op);
		} else if (c < 58 + free_bias) {
			do_free(&r, op);
		}
		zassert_true(sys_heap_validate(&m.heap), "op %lu: heap not valid", op);
		check_stats(op);
		if (op % CHECK_ALL_EVERY == 0) {
			check_all(op);
		}
		if (op % LARGEST_EVERY == 0) {
			check_largest(op);
			check_stats(op);
		}
	}
	check_all(OPS);
	/* Drain: everything back, one free block, stats back to the start. */
	for (size_t i = 0; i < MAX_LIVE; i++) {
		if (m.live[i].ptr != NULL) {
			check_content(&m.live[i], m.live[i].req, OPS);
			sys_heap_free(&m.heap, m.live[i].ptr);
			m.live[i].ptr = NULL;
			m.nlive--;
			zassert_true(sys_heap_validate(&m.heap));
		}
	}
	struct sys_memory_stats s1 = stats_of(&m.heap);
	zassert_equal(s1.allocated_bytes, 0);
	zassert_equal(s1.free_bytes, s0.free_bytes);
	struct sys_heap_fragmentation f;
	zassert_equal(sys_heap_fragmentation_get(&m.heap, &f), 0);
	zassert_equal(f.free_blocks, f0.free_blocks);
	zassert_equal(f.free_bytes, f0.free_bytes);
	zassert_equal(f.largest_free_block, f0.largest_free_block);
	zassert_equal(hook_log.count, 0);
	printf("  heap %lu B at +%lu, seed %lu: %lu allocs ok, %lu failed; reallocs %lu in place "
	       "(%lu grown down), %lu moved, %lu failed; %lu frees; max allocated %lu\n",
	       (unsigned long)bytes, (unsigned long)offset, (unsigned long)seed, m.allocs_ok,
	       m.allocs_failed, m.reallocs_in_place, m.reallocs_down, m.reallocs_moved,
	       m.reallocs_failed, m.frees, (unsigned long)m.max_alloc);
	/* The workload really exercised every path. */
	zassert_true(m.allocs_ok > 0);
	zassert_true(m.allocs_failed > 0);
	zassert_true(m.reallocs_in_place > 0);
#if defined(CONFIG_SYS_HEAP_COMPACT) && CONFIG_SYS_HEAP_COMPACT
	/* The compact policy never grows a block into its left neighbour: it moves it. */
	zassert_equal(m.reallocs_down, 0);
#else
	zassert_true(m.reallocs_down > 0);
#endif
	zassert_true(m.reallocs_moved > 0);
	zassert_true(m.frees > 0);
}

#if STRESS_HEAP_BYTES <= 64u * 1024u
ZTEST(heap_stress, test_stress_small_odd_heap)
{
	run_config(997, 3, 1, 42);
}

ZTEST(heap_stress, test_stress_8k_heap)
{
	run_config(8 * 1024 + 5, 1, 2, 42);
}

ZTEST(heap_stress, test_stress_64k_heap)
{
	run_config(64 * 1024, 0, 3, 42);
}

ZTEST(heap_stress, test_stress_64k_heap_filling)
{
	/* Fewer frees: runs close to full most of the time. */
	run_config(64 * 1024, 0, 4, 36);
}
#elif STRESS_HEAP_BYTES <= 256u * 1024u
ZTEST(heap_stress, test_stress_just_under_256k)
{
	run_config(256 * 1024 - 64, 8, 5, 42);
}

ZTEST(heap_stress, test_stress_256k_heap)
{
	run_config(256 * 1024, 0, 6, 40);
}

ZTEST(heap_stress, test_stress_128k_unit_boundary)
{
	/* 32-bit: the largest heap with 4-byte units (32767 of them), then the smallest with
	 * 8-byte ones (sys_heap_init picks the unit per heap). */
	run_config(128 * 1024 + 3, 1, 9, 42);
	run_config(128 * 1024 + 16, 0, 10, 42);
}
#else
ZTEST(heap_stress, test_stress_big_heap)
{
	/* Past 256 KiB: the layout with 8-byte chunk headers on 32-bit targets. */
	run_config(STRESS_HEAP_BYTES, 0, 7, 40);
}

ZTEST(heap_stress, test_stress_big_heap_odd)
{
	run_config(STRESS_HEAP_BYTES - 1001, 5, 8, 42);
}
#endif

/* The error hook is the core's global state: leave the default one behind. */
static void heap_stress_teardown(void *fixture)
{
	(void)fixture;
	hook_restore_default();
}

ZTEST_SUITE(heap_stress, NULL, NULL, NULL, NULL, heap_stress_teardown);
