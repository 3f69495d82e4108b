/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Hardening: bad pointers, double frees and overwritten headers given to free and realloc.
 * Each bad call must reach the error hook exactly once, return without changing a single byte
 * of the heap buffer (checked against a full copy) or its statistics, and leave the heap valid;
 * the default hook must not crash.
 *
 * The reason passed to the hook is checked at two levels. Where the heap cannot always tell two
 * kinds of misuse apart (a pointer into the middle of a block reads user data as a header), the
 * "safety" tests accept every reason that still describes a rejected call. The "_reason" tests
 * then demand the precise one: a pointer that is not a block start is never a "double free",
 * and a header whose links do not match its neighbours is "corrupt", whatever its used bit says.
 */
#include <stdio.h>
#include <string.h>

#include <zephyr/sys/sys_heap.h>
#include <zephyr/ztest.h>

#include "heap_test_util.h"

#define HEAP_BYTES 4096u
#define PTR_ALIGN  sizeof(void *)
#define NBLK       8
#define BLK_BYTES  64

static _Alignas(HEAP_BUF_ALIGN) union {
	uint64_t align;
	uint8_t b[HEAP_BYTES];
} heap_buf;
static uint64_t elsewhere[16]; /* a valid, readable object that is not in the heap */

static struct sys_heap heap;
static void *blk[NBLK];
static struct heap_snapshot snap;

#define ERR_BIT(e) (1u << (e))

/* The header byte the single-byte loop of test_header_overwritten_by_left_neighbour* is flipping
 * (-1: none). A failed check ends the test there; the suite's after() then names the byte. */
static long flipping_byte = -1;

/* Precise reasons demanded (the "_reason" tests) rather than any rejecting one. */
static bool strict_reasons;

/* A pointer that does not start a block: never a double free when strict. */
static unsigned int not_a_block(void)
{
	return ERR_BIT(SYS_HEAP_ERR_BAD_POINTER) | ERR_BIT(SYS_HEAP_ERR_CORRUPT_HEADER) |
	       (strict_reasons ? 0u : ERR_BIT(SYS_HEAP_ERR_DOUBLE_FREE));
}

/* A block whose own header was overwritten. */
static unsigned int damaged_header(void)
{
	return ERR_BIT(SYS_HEAP_ERR_CORRUPT_HEADER) |
	       (strict_reasons ? 0u : ERR_BIT(SYS_HEAP_ERR_DOUBLE_FREE));
}

/* A heap with NBLK live, pattern-filled blocks. */
static void setup(void)
{
	hook_install();
	memset(heap_buf.b, 0, sizeof(heap_buf.b));
	sys_heap_init(&heap, heap_buf.b, HEAP_BYTES);
	for (int i = 0; i < NBLK; i++) {
		blk[i] = sys_heap_alloc(&heap, BLK_BYTES);
		if (blk[i] != NULL) {
			pattern_fill(blk[i], BLK_BYTES, (uint32_t)i);
		}
	}
}

/* After a rejected call: one hook call, an accepted reason, nothing changed. */
static void check_rejected(unsigned int accepted, void *mem, bool heap_valid, int line)
{
	zassert_equal(hook_log.count, 1, "line %d: error hook called %u times, expected once", line,
		      hook_log.count);
	zassert_true(accepted & ERR_BIT(hook_log.err), "line %d: reason %d (%s) not expected", line,
		     (int)hook_log.err, sys_heap_error_str(hook_log.err));
	zassert_true(hook_log.heap == &heap, "line %d: hook got heap %p", line,
		     (void *)hook_log.heap);
	zassert_true(hook_log.mem == mem, "line %d: hook got %p, expected %p", line, hook_log.mem,
		     mem);
	size_t d = snapshot_diff(&heap, &snap);
	zassert_true(d == (size_t)-1, "line %d: rejected call changed %s at offset %lu", line,
		     d == snap.bytes ? "the statistics" : "the buffer", (unsigned long)d);
	zassert_true(sys_heap_validate(&heap) == heap_valid, "line %d: validate() is %d", line,
		     !heap_valid);
}

/* Feed @p mem to free, realloc and aligned_realloc; each must be rejected the same way. */
static void reject_all_ways(void *mem, unsigned int accepted, bool heap_valid, int line)
{
	snapshot_take(&heap, &snap);
	hook_reset();
	sys_heap_free(&heap, mem);
	check_rejected(accepted, mem, heap_valid, line);

	hook_reset();
	void *r = sys_heap_realloc(&heap, mem, 2 * BLK_BYTES);
	zassert_true(r == NULL, "line %d: realloc of a bad pointer returned %p", line, r);
	check_rejected(accepted, mem, heap_valid, line);

	hook_reset();
	r = sys_heap_realloc(&heap, mem, 8); /* a shrink must check too */
	zassert_true(r == NULL, "line %d: shrinking realloc of a bad pointer returned %p", line, r);
	check_rejected(accepted, mem, heap_valid, line);

	hook_reset();
	r = sys_heap_aligned_realloc(&heap, mem, 256, BLK_BYTES);
	zassert_true(r == NULL, "line %d: aligned_realloc of a bad pointer returned %p", line, r);
	check_rejected(accepted, mem, heap_valid, line);

	hook_reset();
	r = sys_heap_realloc(&heap, mem, 0); /* realloc to 0 frees: same checks as free */
	zassert_is_null(r);
	check_rejected(accepted, mem, heap_valid, line);
}

/* Every block still holds its pattern; then free them all and expect an empty valid heap. */
static void check_and_release(void)
{
	for (int i = 0; i < NBLK; i++) {
		if (blk[i] != NULL) {
			zassert_true(pattern_check(blk[i], BLK_BYTES, (uint32_t)i) == PATTERN_OK,
				     "block %d overwritten", i);
			sys_heap_free(&heap, blk[i]);
			blk[i] = NULL;
		}
	}
	zassert_true(sys_heap_validate(&heap));
	zassert_equal(stats_of(&heap).allocated_bytes, 0);
}

ZTEST(heap_hardening, test_double_free)
{
	setup();
	for (int i = 0; i < NBLK; i++) {
		zassert_not_null(blk[i]);
	}
	/* blk[3] between used neighbours: its header stays a real free chunk. */
	sys_heap_free(&heap, blk[3]);
	zassert_equal(hook_log.count, 0);
	reject_all_ways(blk[3], ERR_BIT(SYS_HEAP_ERR_DOUBLE_FREE), true, __LINE__);
	/* The neighbour just after blk[3] in memory (blk[2] or blk[4], whichever way the heap
	 * cuts blocks) freed next merges with it: freeing blk[3] (the merged chunk's start) again
	 * is a double free; the neighbour's old header now lies inside a free chunk. */
	int nb = (uintptr_t)blk[4] > (uintptr_t)blk[3] ? 4 : 2;

	hook_reset();
	sys_heap_free(&heap, blk[nb]);
	zassert_equal(hook_log.count, 0);
	reject_all_ways(blk[3], ERR_BIT(SYS_HEAP_ERR_DOUBLE_FREE), true, __LINE__);
	/* Any reason: the heap cannot tell a stale header from a damaged one. */
	reject_all_ways(blk[nb],
			ERR_BIT(SYS_HEAP_ERR_DOUBLE_FREE) | ERR_BIT(SYS_HEAP_ERR_BAD_POINTER) |
			    ERR_BIT(SYS_HEAP_ERR_CORRUPT_HEADER),
			true, __LINE__);
	blk[3] = blk[nb] = NULL;
	/* The last block, next to the heap's free space: freed, it merges with that space; if
	 * the free space lies before it, its old header is left inside a free chunk (any reason),
	 * else it starts the merged chunk (a double free). */
	hook_reset();
	sys_heap_free(&heap, blk[NBLK - 1]);
	zassert_equal(hook_log.count, 0);
	reject_all_ways(
	    blk[NBLK - 1],
	    ERR_BIT(SYS_HEAP_ERR_DOUBLE_FREE) |
		((uintptr_t)blk[NBLK - 1] < (uintptr_t)blk[0]
		     ? ERR_BIT(SYS_HEAP_ERR_BAD_POINTER) | ERR_BIT(SYS_HEAP_ERR_CORRUPT_HEADER)
		     : 0u),
	    true, __LINE__);
	blk[NBLK - 1] = NULL;
	check_and_release();
}

static void pointers_inside_blocks(void)
{
	setup();
	uint8_t *b = blk[2];

	zassert_not_null(b);
	for (size_t off = PTR_ALIGN; off < BLK_BYTES; off += PTR_ALIGN) {
		reject_all_ways(b + off, not_a_block(), true, __LINE__);
	}
	/* Block contents that look like nothing (zeros, all ones) are no excuse either. */
	static const uint8_t fills[] = {0x00, 0xff};
	for (size_t k = 0; k < sizeof(fills); k++) {
		memset(b, fills[k], BLK_BYTES);
		for (size_t off = PTR_ALIGN; off < BLK_BYTES; off += PTR_ALIGN) {
			reject_all_ways(b + off, not_a_block(), true, __LINE__);
		}
	}
	pattern_fill(b, BLK_BYTES, 2);
	/* Inside a free block too. */
	sys_heap_free(&heap, blk[5]);
	for (size_t off = PTR_ALIGN; off < BLK_BYTES; off += PTR_ALIGN) {
		reject_all_ways((uint8_t *)blk[5] + off, not_a_block(), true, __LINE__);
	}
	blk[5] = NULL;
	/* And inside the heap's free tail, up to the end marker. */
	uint8_t *hi = (uint8_t *)heap.init_mem + heap.init_bytes;
	for (size_t off = PTR_ALIGN; off <= 32; off += PTR_ALIGN) {
		reject_all_ways(hi - off, not_a_block(), true, __LINE__);
	}
	check_and_release();
}

ZTEST(heap_hardening, test_pointer_inside_a_block)
{
	strict_reasons = false;
	pointers_inside_blocks();
}

ZTEST(heap_hardening, test_pointer_inside_a_block_reason)
{
	strict_reasons = true;
	pointers_inside_blocks();
	strict_reasons = false;
}

ZTEST(heap_hardening, test_misaligned_pointer)
{
	setup();
	for (int i = 0; i < NBLK; i += 3) {
		for (size_t off = 1; off < PTR_ALIGN; off++) {
			reject_all_ways((uint8_t *)blk[i] + off, ERR_BIT(SYS_HEAP_ERR_BAD_POINTER),
					true, __LINE__);
		}
		/* Just below the block start. */
		reject_all_ways((uint8_t *)blk[i] - 1, ERR_BIT(SYS_HEAP_ERR_BAD_POINTER), true,
				__LINE__);
	}
	check_and_release();
}

ZTEST(heap_hardening, test_pointer_outside_the_heap)
{
	uint64_t on_stack[4] = {0, 0, 0, 0};

	setup();
	uint8_t *lo = heap.init_mem;
	uint8_t *hi = lo + heap.init_bytes;

	reject_all_ways(&elsewhere[8], ERR_BIT(SYS_HEAP_ERR_BAD_POINTER), true, __LINE__);
	reject_all_ways(&on_stack[2], ERR_BIT(SYS_HEAP_ERR_BAD_POINTER), true, __LINE__);
	/* The heap's own bookkeeping at the start is not a block. */
	static struct walk_rec recs[64];
	size_t n = walk_collect(&heap, recs, 64);
	zassert_true(n != (size_t)-1 && n <= 64);
	for (size_t off = 0; off < 64; off += PTR_ALIGN) {
		if (walk_find(recs, n, lo + off) >= 0) {
			continue; /* a real block starts here */
		}
		reject_all_ways(lo + off, ERR_BIT(SYS_HEAP_ERR_BAD_POINTER), true, __LINE__);
	}
	/* One past the end and just before the start (elsewhere's memory, readable). */
	reject_all_ways(hi, ERR_BIT(SYS_HEAP_ERR_BAD_POINTER), true, __LINE__);
	check_and_release();
}

ZTEST(heap_hardening, test_pointer_far_away_is_not_dereferenced)
{
	/* A range check must come before any read: these addresses are not readable. */
	setup();
	reject_all_ways((void *)(uintptr_t)0x1000, ERR_BIT(SYS_HEAP_ERR_BAD_POINTER), true,
			__LINE__);
	reject_all_ways((void *)(UINTPTR_MAX & ~(uintptr_t)15), ERR_BIT(SYS_HEAP_ERR_BAD_POINTER),
			true, __LINE__);
	reject_all_ways((void *)(uintptr_t)PTR_ALIGN, ERR_BIT(SYS_HEAP_ERR_BAD_POINTER), true,
			__LINE__);
	check_and_release();
}

/* The block right of blk[i] in address order, or -1. */
static int right_neighbour(int i)
{
	int best = -1;

	for (int j = 0; j < NBLK; j++) {
		if (blk[j] != NULL && (uintptr_t)blk[j] > (uintptr_t)blk[i] &&
		    (best < 0 || (uintptr_t)blk[j] < (uintptr_t)blk[best])) {
			best = j;
		}
	}
	return best;
}

#if (defined(CONFIG_SYS_HEAP_CANARY) && CONFIG_SYS_HEAP_CANARY) ||                                 \
    (defined(CONFIG_SYS_HEAP_HARDENING_LEVEL) && CONFIG_SYS_HEAP_HARDENING_LEVEL >= 3)
#define CANARY_BYTES 4 /* the full level's canary word after each block */
#else
#define CANARY_BYTES 0
#endif

/* Overwrite [from, to) with @p pattern (or XOR 0xff when @p flip), check that free and realloc
 * of the right block (and, when @p check_left, the left one) are rejected and change nothing,
 * then restore the bytes. */
static void corrupt_and_check(int left, int right, uint8_t *from, uint8_t *to, int pattern,
			      bool flip, bool check_left, int line)
{
	static uint8_t saved[64];
	size_t n = (size_t)(to - from);

	zassert_true(n <= sizeof(saved));
	memcpy(saved, from, n);
	for (size_t i = 0; i < n; i++) {
		from[i] = flip ? (uint8_t)(from[i] ^ 0xff) : (uint8_t)pattern;
	}
	if (memcmp(saved, from, n) == 0) {
		return; /* the header already held this pattern: nothing was damaged */
	}
	zassert_true(!sys_heap_validate(&heap), "line %d: validate() missed a damaged header",
		     line);
	/* The damaged block itself must notice, whichever field was hit. */
	reject_all_ways(blk[right], damaged_header(), false, line);
	/* Its left neighbour, when its link to it or its own canary was hit. */
	if (check_left) {
		reject_all_ways(blk[left],
				ERR_BIT(SYS_HEAP_ERR_CORRUPT_HEADER) |
				    (CANARY_BYTES ? ERR_BIT(SYS_HEAP_ERR_CANARY) : 0u),
				false, line);
	}
	memcpy(from, saved, n);
	zassert_true(sys_heap_validate(&heap), "line %d: heap not valid after restoring", line);
}

static void header_overwritten_by_left_neighbour(void)
{
	static const int patterns[] = {0x00, 0xff, 0xa5, 0x5a, 0x01, 0x80};

	setup();
	int left = 2;
	int right = right_neighbour(left);
	zassert_true(right >= 0);
	/* Between the end of the left block's usable area and the right block: the left block's
	 * canary (hardened level only), then the right block's header. */
	uint8_t *from = (uint8_t *)blk[left] + sys_heap_usable_size(&heap, blk[left]);
	uint8_t *to = blk[right];
	zassert_true(from + CANARY_BYTES < to && to - from <= 32,
		     "gap of %ld bytes between neighbours", (long)(to - from));
	uint8_t *hdr = from + CANARY_BYTES;
	struct sys_memory_stats before = stats_of(&heap);

	/* An overflow running over the whole gap. */
	for (size_t k = 0; k < sizeof(patterns) / sizeof(patterns[0]); k++) {
		corrupt_and_check(left, right, from, to, patterns[k], false, true, __LINE__);
	}
	/* Each single byte of the header flipped on its own. */
	for (uint8_t *b = hdr; b < to; b++) {
		flipping_byte = (long)(b - hdr);
		corrupt_and_check(left, right, b, b + 1, 0, true, false, __LINE__);
	}
	flipping_byte = -1;
	/* A realistic one-byte overflow: a string terminator written one past the header's
	 * first byte, which keeps the rest of the header as it was. */
	corrupt_and_check(left, right, hdr, hdr + 1, 0x00, false, false, __LINE__);
	struct sys_memory_stats after = stats_of(&heap);
	zassert_equal(after.allocated_bytes, before.allocated_bytes);
	zassert_equal(after.free_bytes, before.free_bytes);
	check_and_release();
}

ZTEST(heap_hardening, test_header_overwritten_by_left_neighbour)
{
	strict_reasons = false;
	header_overwritten_by_left_neighbour();
}

ZTEST(heap_hardening, test_header_overwritten_by_left_neighbour_reason)
{
	strict_reasons = true;
	header_overwritten_by_left_neighbour();
	strict_reasons = false;
}

ZTEST(heap_hardening, test_header_of_free_neighbour_overwritten)
{
	/* The right neighbour is free: a merge on free would read its damaged header. */
	setup();
	int left = 1;
	int right = right_neighbour(left);
	zassert_true(right >= 0);
	uint8_t *from =
	    (uint8_t *)blk[left] + sys_heap_usable_size(&heap, blk[left]) + CANARY_BYTES;
	uint8_t *to = blk[right];
	sys_heap_free(&heap, blk[right]);
	blk[right] = NULL;
	zassert_true(sys_heap_validate(&heap));
	static uint8_t saved[32];
	size_t n = (size_t)(to - from);
	zassert_true(n <= sizeof(saved));
	memcpy(saved, from, n);
	static const int patterns[] = {0x00, 0xff, 0xa5};
	for (size_t k = 0; k < sizeof(patterns) / sizeof(patterns[0]); k++) {
		memset(from, patterns[k], n);
		if (memcmp(from, saved, n) == 0) {
			continue;
		}
		zassert_true(!sys_heap_validate(&heap));
		reject_all_ways(blk[left], ERR_BIT(SYS_HEAP_ERR_CORRUPT_HEADER), false, __LINE__);
		memcpy(from, saved, n);
		zassert_true(sys_heap_validate(&heap));
	}
	check_and_release();
}

#if CANARY_BYTES
ZTEST(heap_hardening, test_canary_catches_one_byte_overflow)
{
	setup();
	for (int i = 0; i < NBLK; i += 2) {
		uint8_t *end = (uint8_t *)blk[i] + sys_heap_usable_size(&heap, blk[i]);

		/* Every byte of the canary on its own, as a one-byte overflow would hit it. */
		for (int k = 0; k < CANARY_BYTES; k++) {
			uint8_t keep = end[k];

			end[k] = (uint8_t)(keep ^ 0x01);
			zassert_true(!sys_heap_validate(&heap), "validate() missed canary byte %d",
				     k);
			reject_all_ways(blk[i], ERR_BIT(SYS_HEAP_ERR_CANARY), false, __LINE__);
			end[k] = keep;
			zassert_true(sys_heap_validate(&heap));
		}
	}
	/* A realloc in place re-arms the canary at the new end. */
	void *p = sys_heap_realloc(&heap, blk[0], 8);
	zassert_true(p == blk[0]);
	uint8_t *end = (uint8_t *)p + sys_heap_usable_size(&heap, p);
	end[0] ^= 0x80;
	reject_all_ways(p, ERR_BIT(SYS_HEAP_ERR_CANARY), false, __LINE__);
	end[0] ^= 0x80;
	pattern_fill(p, BLK_BYTES > 8 ? 8 : BLK_BYTES, 0);
	zassert_true(sys_heap_validate(&heap));
	sys_heap_free(&heap, p);
	blk[0] = NULL;
	zassert_equal(hook_log.count, 1); /* only the last deliberate rejection */
	check_and_release();
}
#endif

ZTEST(heap_hardening, test_validate_sees_write_after_free)
{
	/* A write into a freed block hits the allocator's free-list links: validate() must see
	 * it, and see the heap whole again once the bytes are put back. */
	static const uint8_t fills[] = {0xa5, 0xff, 0x00, 0x5a};

	setup();
	sys_heap_free(&heap, blk[3]); /* between used neighbours: stays one free block */
	sys_heap_free(&heap, blk[5]);
	zassert_true(sys_heap_validate(&heap));
	for (int which = 3; which <= 5; which += 2) {
		uint8_t *p = blk[which];
		uint8_t saved[16];

		memcpy(saved, p, sizeof(saved));
		for (size_t k = 0; k < sizeof(fills); k++) {
			memset(p, fills[k], sizeof(saved));
			if (memcmp(p, saved, sizeof(saved)) == 0) {
				continue; /* the links already held these bytes */
			}
			zassert_true(!sys_heap_validate(&heap),
				     "validate() missed a write of 0x%02x into freed block %d",
				     fills[k], which);
			memcpy(p, saved, sizeof(saved));
			zassert_true(sys_heap_validate(&heap));
		}
	}
	blk[3] = blk[5] = NULL;
	zassert_equal(hook_log.count, 0);
	check_and_release();
}

#if !defined(CONFIG_SYS_HEAP_HARDENING_LEVEL) || CONFIG_SYS_HEAP_HARDENING_LEVEL >= 2
/* Bytes of a chunk header and a list link's type in the test's 4 KiB heap: the small layout,
 * unless only the big one is built. */
#if defined(CONFIG_SYS_HEAP_BIG_ONLY) && CONFIG_SYS_HEAP_BIG_ONLY
#define HDR 8
typedef uint32_t link_t;
#else
#define HDR 4
typedef uint16_t link_t;
#endif

/* Allocate until the heap is full: no block may overlap [p, p + n). Then free them again. */
static void no_block_overlaps(const void *p, size_t n, int line)
{
	static void *got[128];
	int k = 0;

	while (k < 128 && (got[k] = sys_heap_alloc(&heap, 16)) != NULL) {
		uintptr_t a = (uintptr_t)got[k];

		zassert_true(a + 16 <= (uintptr_t)p || a >= (uintptr_t)p + n,
			     "line %d: allocation %p handed out the live block at %p", line, got[k],
			     p);
		k++;
	}
	while (k-- > 0) {
		sys_heap_free(&heap, got[k]);
	}
}

ZTEST(heap_hardening, test_one_byte_overflow_into_used_bit_defect_1)
{
	/*
	 * A one-byte overflow that clears only the used bit of the live right neighbour's
	 * header (its size stays right): freeing the overflowing block must not merge the live
	 * neighbour, whatever the neighbour holds (zeros look like empty list links).
	 */
	for (int fill = 0; fill < 3; fill++) {
		setup();
		int left = 2;
		int right = right_neighbour(left);
		zassert_true(right >= 0);
		if (fill == 1) {
			memset(blk[right], 0, BLK_BYTES);
		} else if (fill == 2) {
			memset(blk[right], 0xff, BLK_BYTES);
		}
		uint8_t *b = (uint8_t *)blk[right] - HDR;
		uint8_t keep = *b;

		*b = (uint8_t)(keep & ~1u);
		reject_all_ways(blk[left], ERR_BIT(SYS_HEAP_ERR_CORRUPT_HEADER), false, __LINE__);
		no_block_overlaps(blk[right], BLK_BYTES, __LINE__);
		*b = keep;
		if (fill == 0) {
			zassert_true(pattern_check(blk[right], BLK_BYTES, (uint32_t)right) ==
				     PATTERN_OK);
		} else {
			pattern_fill(blk[right], BLK_BYTES, (uint32_t)right);
		}
		check_and_release();
	}
}

/* A heap inside guard bytes: nothing may ever be written outside it. */
static _Alignas(HEAP_BUF_ALIGN) struct {
	uint8_t heap[HEAP_BYTES];
	uint8_t post[256];
} guarded;
static uint8_t pre_guard[256];

static void guards_set(void)
{
	memset(guarded.post, 0xa5, sizeof(guarded.post));
	memset(pre_guard, 0xa5, sizeof(pre_guard));
}

static bool guards_ok(void)
{
	for (size_t i = 0; i < sizeof(guarded.post); i++) {
		if (guarded.post[i] != 0xa5 || pre_guard[i] != 0xa5) {
			return false;
		}
	}
	return true;
}

ZTEST(heap_hardening, test_overflow_into_free_neighbour_defect_2)
{
	/*
	 * The right neighbour is free: an overflow that keeps its header but changes a list link,
	 * or changes its size, must not make free or alloc write anywhere: the call is refused
	 * and reported.
	 */
	static const link_t links[] = {0x7fff, 0xffff, 0x0001, 0x0100, 0x0041};

	for (size_t li = 0; li < sizeof(links) / sizeof(links[0]); li++) {
		for (int which = 0; which < 2; which++) {
			setup();
			int left = 2;
			int right = right_neighbour(left);
			sys_heap_free(&heap, blk[right]);
			blk[right] = NULL;
			/* blk[right]'s links: the first two 16-bit words of its payload. */
			link_t *l =
			    (link_t *)((uint8_t *)blk[left] +
				       sys_heap_usable_size(&heap, blk[left]) + CANARY_BYTES + HDR);
			link_t keep = l[which];

			if (keep == links[li]) {
				check_and_release();
				continue;
			}
			l[which] = links[li];
			zassert_true(!sys_heap_validate(&heap));
			reject_all_ways(blk[left], ERR_BIT(SYS_HEAP_ERR_CORRUPT_HEADER), false,
					__LINE__);
			/* Allocations may fail (and report), but never return memory twice. */
			hook_reset();
			no_block_overlaps(blk[left], BLK_BYTES, __LINE__);
			l[which] = keep;
			zassert_true(sys_heap_validate(&heap));
			check_and_release();
		}
	}
}

ZTEST(heap_hardening, test_overwritten_metadata_never_writes_outside)
{
	/*
	 * The guarantee, tried at random: a heap whose metadata (chunk headers, list links, list
	 * heads; never a live block's contents) is overwritten with any bytes never writes outside
	 * its buffer and never hands out memory that is still allocated.
	 */
	static void *live[48];
	static size_t live_n[48];
	struct test_rng r;
	unsigned int reports = 0;

	test_rng_seed(&r, 0x5eed);
	hook_install();
	for (int round = 0; round < 400; round++) {
		guards_set();
		memset(live, 0, sizeof(live));
		sys_heap_init(&heap, guarded.heap, sizeof(guarded.heap));
		for (int op = 0; op < 300; op++) {
			uint32_t k = test_rng_below(&r, 48);

			if (op % 50 == 49) {
				/* Overwrite 1 to 8 bytes that belong to no live block. */
				uint32_t n = 1 + test_rng_below(&r, 8);
				uint32_t at = test_rng_below(&r, sizeof(guarded.heap) - n);
				bool hits_live = false;

				for (int j = 0; j < 48; j++) {
					uintptr_t a = (uintptr_t)live[j];
					uintptr_t p = (uintptr_t)guarded.heap + at;

					if (live[j] != NULL && p < a + live_n[j] && p + n > a) {
						hits_live = true;
					}
				}
				if (!hits_live) {
					for (uint32_t j = 0; j < n; j++) {
						guarded.heap[at + j] = (uint8_t)test_rng_next(&r);
					}
				}
			} else if (live[k] != NULL && test_rng_below(&r, 3) != 0) {
				hook_reset();
				sys_heap_free(&heap, live[k]);
				if (hook_log.count == 0) {
					live[k] = NULL; /* else refused: the block stays ours */
				}
			} else if (live[k] == NULL) {
				size_t n = 1 + test_rng_below(&r, 200);
				uint8_t *p = sys_heap_alloc(&heap, n);

				if (p != NULL) {
					zassert_true(in_heap(&heap, p, n));
					/* The first live block it overlaps, if any (one check per
					 * allocation, not one per live block: a ztest check is a
					 * call, and this loop is hot under valgrind). */
					int clash = -1;

					for (int j = 0; j < 48 && clash < 0; j++) {
						uintptr_t a = (uintptr_t)live[j];

						if (!(live[j] == NULL || (uintptr_t)p + n <= a ||
						      (uintptr_t)p >= a + live_n[j])) {
							clash = j;
						}
					}
					zassert_true(clash < 0,
						     "round %d op %d: %p overlaps live %p", round,
						     op, (void *)p, clash < 0 ? NULL : live[clash]);
					memset(p, 0x3c, n);
					live[k] = p;
					live_n[k] = n;
				}
			}
			zassert_true(guards_ok(), "round %d op %d: a write outside the heap", round,
				     op);
		}
		reports += hook_log.by_err[SYS_HEAP_ERR_CORRUPT_HEADER];
	}
	/* The damage was seen, not just survived. */
	zassert_true(reports > 0);
}
#endif

ZTEST(heap_hardening, test_largest_free_block_after_a_failure_defect_7)
{
	/*
	 * alloc(largest_free_block) succeeds even right after a failed allocation set the
	 * failed-size cache, and one byte more fails.
	 */
	static void *live[64];
	struct test_rng r;

	test_rng_seed(&r, 7);
	hook_install();
	memset(live, 0, sizeof(live));
	sys_heap_init(&heap, heap_buf.b, HEAP_BYTES);
	for (int op = 0; op < 20000; op++) {
		uint32_t k = test_rng_below(&r, 64);

		if (live[k] != NULL) {
			sys_heap_free(&heap, live[k]);
			live[k] = NULL;
			continue;
		}
		size_t n = 1 + test_rng_below(&r, test_rng_below(&r, 4) == 0 ? 1500 : 200);

		live[k] =
		    test_rng_below(&r, 4) == 0
			? sys_heap_aligned_alloc(&heap, (size_t)16 << test_rng_below(&r, 5), n)
			: sys_heap_alloc(&heap, n);
		if (live[k] != NULL) {
			continue;
		}
		struct sys_heap_fragmentation f;

		zassert_equal(sys_heap_fragmentation_get(&heap, &f), 0);
		if (f.largest_free_block != 0u) {
			void *p = sys_heap_alloc(&heap, f.largest_free_block);

			zassert_true(p != NULL, "op %d: alloc(largest_free_block = %zu) failed", op,
				     f.largest_free_block);
			sys_heap_free(&heap, p);
		}
		zassert_is_null(sys_heap_alloc(&heap, f.largest_free_block + 1u));
	}
	zassert_equal(hook_log.count, 0);
	zassert_true(sys_heap_validate(&heap));
}

ZTEST(heap_hardening, test_default_hook_does_not_crash)
{
	setup();
	sys_heap_free(&heap, blk[6]);
	hook_restore_default();
	snapshot_take(&heap, &snap);
	/* The default hook logs and returns; nothing changes and our counter stays at zero. */
	sys_heap_free(&heap, blk[6]);
	sys_heap_free(&heap, (uint8_t *)blk[2] + PTR_ALIGN);
	sys_heap_free(&heap, (uint8_t *)blk[2] + 1);
	sys_heap_free(&heap, &elsewhere[3]);
	zassert_is_null(sys_heap_realloc(&heap, blk[6], 100));
	zassert_equal(snapshot_diff(&heap, &snap), (size_t)-1);
	zassert_equal(hook_log.count, 0);
	zassert_true(sys_heap_validate(&heap));
	/* Installing a hook again works, and NULL really restored the default before. */
	hook_install();
	sys_heap_free(&heap, blk[6]);
	zassert_equal(hook_log.count, 1);
	zassert_equal(hook_log.err, SYS_HEAP_ERR_DOUBLE_FREE);
	blk[6] = NULL;
	check_and_release();
}

/* After a failed test: which header byte it was flipping, if any; a failed "_reason" test
 * leaves strict_reasons set, the next test starts lenient as it expects. */
static void heap_hardening_after(void *fixture)
{
	(void)fixture;
	strict_reasons = false;
	if (flipping_byte >= 0) {
		TC_PRINT("    while flipping byte %ld of the header\n", flipping_byte);
		flipping_byte = -1;
	}
}

/* The error hook is the core's global state: leave the default one behind. */
static void heap_hardening_teardown(void *fixture)
{
	(void)fixture;
	hook_restore_default();
}

ZTEST_SUITE(heap_hardening, NULL, NULL, NULL, heap_hardening_after, heap_hardening_teardown);
