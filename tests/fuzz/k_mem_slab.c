/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Fuzz target: k_mem_slab (kernel/mem_slab.c on a one-thread stand-in scheduler), with misuse:
 * double frees, frees of foreign, interior and never-handed-out pointers, and writes into
 * freed blocks (stale pointers), which damage the free list's links.
 *
 * Oracle: every allocation gives a block boundary inside the buffer that is not live; it
 * fails (-ENOMEM) exactly when every block is live; num_used equals the live count after every
 * call; a free of a live block is accepted silently, every other free is reported once
 * (DOUBLE_FREE for a block that is free, BAD_POINTER otherwise) and changes nothing; the
 * free-list report comes only after a write into a freed block; live blocks keep their
 * contents; nothing outside the buffer is written.
 */
#include <errno.h>
#include <string.h>

#include <zephyr/kernel.h>

#include "support/fuzz_util.h"

#define MAX_BLOCKS 96

static struct k_mem_slab slab;
static struct guarded g;
static uint8_t *live[MAX_BLOCKS];   /* by block index: the block when live */
static bool written_free;           /* the input wrote into a free block */
static int hook_calls[3];

static void hook(struct k_mem_slab *s, void *mem, enum k_mem_slab_error err)
{
	(void)mem;
	FUZZ_CHECK(s == &slab);
	FUZZ_CHECK((unsigned int)err < 3U);
	hook_calls[err]++;
}

static uint8_t pattern(size_t idx, size_t i)
{
	return (uint8_t)(idx * 29U + i * 7U + 1U);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	size_t block_size = sizeof(void *) * (1 + fi_u8(&in) % 8);
	uint32_t num = 1 + fi_u8(&in) % MAX_BLOCKS;
	uint32_t nlive = 0;

	guarded_setup(&g, block_size * num, 0);
	memset(live, 0, sizeof(live));
	memset(hook_calls, 0, sizeof(hook_calls));
	written_free = false;
	k_mem_slab_error_hook_set(hook);
	FUZZ_CHECK(k_mem_slab_init(&slab, g.inner, block_size, num) == 0);

	for (int ops = 0; fi_more(&in) && ops < 4000; ops++) {
		uint8_t op = fi_u8(&in);
		size_t idx = fi_u8(&in) % num;
		uint8_t *blk = g.inner + idx * block_size;
		int before[3] = {hook_calls[0], hook_calls[1], hook_calls[2]};

		switch (op % 6) {
		case 0:
		case 1: {
			void *mem = NULL;
			int ret = k_mem_slab_alloc(&slab, &mem, K_NO_WAIT);

			if (nlive == num) {
				FUZZ_CHECK(ret == -ENOMEM && mem == NULL);
				break;
			}
			FUZZ_CHECK(ret == 0);
			uintptr_t off = (uintptr_t)mem - (uintptr_t)g.inner;

			FUZZ_CHECK(off < block_size * num && off % block_size == 0);
			size_t k = off / block_size;

			FUZZ_CHECK(live[k] == NULL);
			live[k] = mem;
			nlive++;
			for (size_t i = 0; i < block_size; i++) {
				live[k][i] = pattern(k, i);
			}
			break;
		}
		case 2: /* free: legal when live, else a double free or never handed out */
			k_mem_slab_free(&slab, blk);
			if (live[idx] != NULL) {
				live[idx] = NULL;
				nlive--;
				FUZZ_CHECK(hook_calls[0] == before[0] && hook_calls[1] == before[1]);
			} else {
				FUZZ_CHECK(hook_calls[0] + hook_calls[1] == before[0] + before[1] + 1);
			}
			break;
		case 3: { /* interior, foreign or outside pointer */
			uint8_t kind = fi_u8(&in);
			uint8_t *p = (kind & 1) ? blk + 1 + fi_u8(&in) % (block_size - 1)
						: g.inner + (int)(int16_t)fi_u16(&in);
			uintptr_t off = (uintptr_t)p - (uintptr_t)g.inner;

			if (off < block_size * num && off % block_size == 0) {
				break; /* a boundary: case 2's */
			}
			k_mem_slab_free(&slab, p);
			FUZZ_CHECK(hook_calls[K_MEM_SLAB_ERR_BAD_POINTER] ==
				   before[K_MEM_SLAB_ERR_BAD_POINTER] + 1);
			break;
		}
		case 4: /* a stale pointer writes into a free block */
			if (live[idx] == NULL) {
				size_t at = fi_u8(&in) % block_size;
				size_t len = 1 + fi_u8(&in) % (block_size - at);

				for (size_t i = 0; i < len; i++) {
					blk[at + i] = fi_u8(&in);
				}
				written_free = true;
			}
			break;
		default: /* a stale pointer that names a live block or the buffer, as a link */
			if (live[idx] == NULL) {
				size_t other = fi_u8(&in) % num;

				*(void **)blk = g.inner + other * block_size + (fi_u8(&in) & 1);
				written_free = true;
			}
			break;
		}
		FUZZ_CHECK(k_mem_slab_num_used_get(&slab) == nlive);
		FUZZ_CHECK(hook_calls[K_MEM_SLAB_ERR_FREE_LIST_CORRUPT] == 0 || written_free);
		FUZZ_CHECK((ops & 63) != 63 ? guarded_margins_intact_near(&g, 64)
					    : guarded_margins_intact(&g));
	}
	FUZZ_CHECK(guarded_margins_intact(&g));
	for (size_t k = 0; k < num; k++) {
		if (live[k] != NULL) {
			for (size_t i = 0; i < block_size; i++) {
				FUZZ_CHECK(live[k][i] == pattern(k, i));
			}
			k_mem_slab_free(&slab, live[k]);
		}
	}
	FUZZ_CHECK(k_mem_slab_num_used_get(&slab) == 0);
	k_mem_slab_error_hook_set(NULL);
	return 0;
}
