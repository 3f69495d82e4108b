/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Fuzz target: sys_mem_blocks against a bitmap model. Oracle: alloc gives `count` distinct
 * free blocks or fails with nothing taken, exactly when fewer are free; alloc_contiguous gives
 * the lowest run of free blocks that fits, or fails exactly when there is none; get,
 * is_region_free, free and free_contiguous succeed exactly when the model says so and change
 * nothing when they fail; statistics match; nothing outside the buffer is written.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/sys/mem_blocks.h>

#include "support/fuzz_util.h"

#define MAX_BLOCKS 200

static struct guarded g;
static uint32_t bitmap[(MAX_BLOCKS + 31) / 32];
static bool used[MAX_BLOCKS];

static size_t nfree(uint32_t n)
{
	size_t f = 0;

	for (uint32_t i = 0; i < n; i++) {
		f += !used[i];
	}
	return f;
}

/* Lowest start of @p count free blocks in a row, or -1. */
static long lowest_run(uint32_t n, size_t count)
{
	size_t run = 0;

	for (uint32_t i = 0; i < n; i++) {
		run = used[i] ? 0 : run + 1;
		if (run == count) {
			return (long)(i + 1 - count);
		}
	}
	return -1;
}

static bool range_ok(uint32_t n, long first, size_t count, bool want_used)
{
	if (first < 0 || count == 0 || (size_t)first + count > n) {
		return false;
	}
	for (size_t i = 0; i < count; i++) {
		if (used[first + i] != want_used) {
			return false;
		}
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	uint32_t shift = fi_u8(&in) % 7; /* blocks of 1 .. 64 bytes */
	uint32_t n = 1 + fi_u8(&in) % MAX_BLOCKS;
	size_t bsz = (size_t)1 << shift;
	sys_mem_blocks_t mb = {0};
	sys_bitarray_t bits = {.num_bits = n, .num_bundles = (n + 31) / 32, .bundles = bitmap};

	guarded_setup(&g, n * bsz, 0);
	memset(bitmap, 0, sizeof(bitmap));
	memset(used, 0, sizeof(used));
	/* What SYS_MEM_BLOCKS_DEFINE_WITH_EXT_BUF sets up, with sizes from the input. */
	mb.buffer = g.inner;
	mb.bitmap = &bits;
	mb.info.num_blocks = n;
	mb.info.blk_sz_shift = shift;

	for (int ops = 0; fi_more(&in) && ops < 2000; ops++) {
		uint8_t op = fi_u8(&in);
		size_t count = fi_u8(&in) % 12;
		long first = (long)(fi_u8(&in) % (n + 4)) - 2;
		uint8_t *at = g.inner + first * (long)bsz;
		void *blocks[12];

		switch (op % 7) {
		case 0: {
			size_t avail = nfree(n);
			int ret = sys_mem_blocks_alloc(&mb, count, blocks);

			if (count > avail) {
				FUZZ_CHECK(ret == -ENOMEM);
				FUZZ_CHECK(nfree(n) == avail);
				break;
			}
			FUZZ_CHECK(ret == 0);
			for (size_t i = 0; i < count; i++) {
				uintptr_t off = (uintptr_t)blocks[i] - (uintptr_t)g.inner;

				FUZZ_CHECK(off < n * bsz && off % bsz == 0);
				FUZZ_CHECK(!used[off / bsz]);
				used[off / bsz] = true;
			}
			break;
		}
		case 1: {
			long run = count > 0 ? lowest_run(n, count) : -1;
			void *blk = NULL;
			int ret = sys_mem_blocks_alloc_contiguous(&mb, count, &blk);

			if (count == 0) {
				/* Nothing asked: no block taken, whatever the return value. */
				break;
			}
			if (run < 0) {
				FUZZ_CHECK(ret != 0);
				break;
			}
			FUZZ_CHECK(ret == 0);
			FUZZ_CHECK(blk == g.inner + run * (long)bsz);
			for (size_t i = 0; i < count; i++) {
				used[run + i] = true;
			}
			break;
		}
		case 2: {
			bool ok = range_ok(n, first, count, false);
			int ret = sys_mem_blocks_get(&mb, at, count);

			if (count == 0) {
				break;
			}
			FUZZ_CHECK((ret == 0) == ok);
			for (size_t i = 0; ok && i < count; i++) {
				used[first + i] = true;
			}
			break;
		}
		case 3: {
			bool ok = range_ok(n, first, count, false);
			int ret = sys_mem_blocks_is_region_free(&mb, at, count);

			if (count > 0) {
				FUZZ_CHECK((ret != 0) == ok);
			}
			break;
		}
		case 4: {
			bool ok = range_ok(n, first, count, true);
			int ret = sys_mem_blocks_free_contiguous(&mb, at, count);

			if (count == 0) {
				break;
			}
			FUZZ_CHECK((ret == 0) == ok);
			for (size_t i = 0; ok && i < count; i++) {
				used[first + i] = false;
			}
			break;
		}
		case 5: { /* free a list: used blocks, maybe with a bad or repeated one */
			bool ok = count > 0;
			bool seen[MAX_BLOCKS] = {false};

			for (size_t i = 0; i < count; i++) {
				long b = (long)(fi_u8(&in) % (n + 2)) - 1;
				uint8_t skew = fi_u8(&in) % 8 == 0 ? 1 : 0;

				uint8_t *p = g.inner + b * (long)bsz + skew;
				long off = (long)(p - g.inner);
				long k = off / (long)bsz;

				blocks[i] = p;
				if (off < 0 || off % (long)bsz != 0 || k >= (long)n || !used[k] ||
				    seen[k]) {
					ok = false;
				} else {
					seen[k] = true;
				}
			}
			int ret = sys_mem_blocks_free(&mb, count, blocks);

			if (count == 0) {
				break;
			}
			FUZZ_CHECK((ret == 0) == ok);
			for (size_t i = 0; ok && i < count; i++) {
				used[((uint8_t *)blocks[i] - g.inner) / (long)bsz] = false;
			}
			break;
		}
		default: {
			struct sys_memory_stats st;

			FUZZ_CHECK(sys_mem_blocks_runtime_stats_get(&mb, &st) == 0);
			FUZZ_CHECK(st.free_bytes == nfree(n) * bsz);
			FUZZ_CHECK(st.allocated_bytes == (n - nfree(n)) * bsz);
			break;
		}
		}
		for (uint32_t i = 0; i < n; i++) {
			FUZZ_CHECK(((bitmap[i / 32] >> (i % 32)) & 1U) == used[i]);
		}
		FUZZ_CHECK((ops & 63) != 63 ? guarded_margins_intact_near(&g, 64)
					    : guarded_margins_intact(&g));
	}
	FUZZ_CHECK(guarded_margins_intact(&g));
	return 0;
}
