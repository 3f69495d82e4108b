/*
 * Copyright (c) 2026 zmem contributors
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The seed chapter's buffer manager: small and large requests come from two memory slabs
 * (O(1), fixed size), anything bigger from a k_heap, all behind one spinlock. Three worker
 * threads churn through buffers of mixed sizes and hand each buffer they are done with to a
 * recycler thread through a k_fifo (the buffer's first word is the FIFO's link, as Zephyr's
 * k_fifo_put requires); the recycler checks its contents and frees it. The example prints what
 * each tier served and the statistics at the end.
 */
#include <string.h>

#include <zephyr/kernel.h>
#include <zephyr/logging/log.h>

LOG_MODULE_REGISTER(buffer_manager, LOG_LEVEL_INF);

#define SMALL_BUFFER_SIZE 64
#define LARGE_BUFFER_SIZE 512
#define NUM_SMALL         16
#define NUM_LARGE         6

K_MEM_SLAB_DEFINE(small_slab, SMALL_BUFFER_SIZE, NUM_SMALL, 8);
K_MEM_SLAB_DEFINE(large_slab, LARGE_BUFFER_SIZE, NUM_LARGE, 8);
K_HEAP_DEFINE(big_heap, 8192);

struct buffer_manager {
	struct k_heap *heap;
	struct k_mem_slab *small_buffers;
	struct k_mem_slab *large_buffers;
	struct k_spinlock lock;
};

static struct buffer_manager mgr = {
    .heap = &big_heap,
    .small_buffers = &small_slab,
    .large_buffers = &large_slab,
};

/* From the seed, unchanged. */
void *buffer_alloc(struct buffer_manager *mgr, size_t size)
{
	k_spinlock_key_t key = k_spin_lock(&mgr->lock);
	void *buffer = NULL;

	if (size <= SMALL_BUFFER_SIZE) {
		k_mem_slab_alloc(mgr->small_buffers, &buffer, K_NO_WAIT);
	} else if (size <= LARGE_BUFFER_SIZE) {
		k_mem_slab_alloc(mgr->large_buffers, &buffer, K_NO_WAIT);
	} else {
		buffer = k_heap_alloc(mgr->heap, size, K_NO_WAIT);
	}

	k_spin_unlock(&mgr->lock, key);
	return buffer;
}

/* The counterpart the seed leaves out: the size picks the tier, as in buffer_alloc(). */
void buffer_free(struct buffer_manager *mgr, void *buffer, size_t size)
{
	k_spinlock_key_t key = k_spin_lock(&mgr->lock);

	if (size <= SMALL_BUFFER_SIZE) {
		k_mem_slab_free(mgr->small_buffers, buffer);
	} else if (size <= LARGE_BUFFER_SIZE) {
		k_mem_slab_free(mgr->large_buffers, buffer);
	} else {
		k_heap_free(mgr->heap, buffer);
	}
	k_spin_unlock(&mgr->lock, key);
}

#define NWORKERS 3
#define ROUNDS   200
#define HOLD     4

/* What a buffer starts with while it travels: the FIFO's link word, then who filled it. */
struct buf_hdr {
	void *fifo_reserved;
	uint32_t size; /* bytes allocated, header included */
	uint32_t owner;
};

K_FIFO_DEFINE(recycle);

struct tally {
	unsigned int small, large, heap, failed;
};

static struct tally tallies[NWORKERS];
static unsigned int recycled, corrupted;
K_THREAD_STACK_ARRAY_DEFINE(stacks, NWORKERS, 8192);
static struct k_thread workers[NWORKERS];
K_THREAD_STACK_DEFINE(recycler_stack, 8192);
static struct k_thread recycler_thread;

static size_t pick_size(uint32_t *seed)
{
	*seed = *seed * 1103515245u + 12345u;
	uint32_t r = (*seed >> 16) % 100;

	/* Mostly small, some large, a few big. */
	return r < 60 ? 8 + r : r < 90 ? 100 + r * 4 : 600 + r * 10;
}

static void worker(void *p1, void *p2, void *p3)
{
	int id = (int)(intptr_t)p1;
	struct tally *t = &tallies[id];
	uint32_t seed = 7u + (uint32_t)id;
	struct buf_hdr *held[HOLD] = {0};

	(void)p2;
	(void)p3;
	for (int round = 0; round < ROUNDS; round++) {
		int slot = round % HOLD;

		if (held[slot] != NULL) {
			/* Done with it: the recycler checks and frees it. */
			k_fifo_put(&recycle, held[slot]);
			held[slot] = NULL;
		}

		size_t size = pick_size(&seed);
		struct buf_hdr *buf = buffer_alloc(&mgr, size);

		if (buf == NULL || size < sizeof(*buf)) {
			if (buf != NULL) {
				buffer_free(&mgr, buf, size); /* too small to carry the header */
			}
			t->failed += buf == NULL;
		} else {
			buf->size = (uint32_t)size;
			buf->owner = (uint32_t)id;
			memset(buf + 1, id, size - sizeof(*buf));
			held[slot] = buf;
			if (size <= SMALL_BUFFER_SIZE) {
				t->small++;
			} else if (size <= LARGE_BUFFER_SIZE) {
				t->large++;
			} else {
				t->heap++;
			}
		}
		k_sleep(K_MSEC(1));
	}
	for (int i = 0; i < HOLD; i++) {
		if (held[i] != NULL) {
			k_fifo_put(&recycle, held[i]);
		}
	}
}

static void recycler(void *p1, void *p2, void *p3)
{
	struct buf_hdr *buf;

	(void)p1;
	(void)p2;
	(void)p3;
	/* Quiet for 50 ms: every worker is done. */
	while ((buf = k_fifo_get(&recycle, K_MSEC(50))) != NULL) {
		const uint8_t *data = (const uint8_t *)(buf + 1);

		for (size_t i = 0; i < buf->size - sizeof(*buf); i++) {
			if (data[i] != (uint8_t)buf->owner) {
				corrupted++;
				break;
			}
		}
		recycled++;
		buffer_free(&mgr, buf, buf->size);
	}
}

static void print_slab(const char *name, struct k_mem_slab *slab)
{
	struct sys_memory_stats st;

	k_mem_slab_runtime_stats_get(slab, &st);
	printk("  %-12s used %u/%u blocks, max used %u, %zu bytes allocated, %zu free\n", name,
	       (unsigned int)k_mem_slab_num_used_get(slab),
	       (unsigned int)(k_mem_slab_num_used_get(slab) + k_mem_slab_num_free_get(slab)),
	       (unsigned int)k_mem_slab_max_used_get(slab), st.allocated_bytes, st.free_bytes);
}

int main(void)
{
	LOG_INF("buffer manager: slabs of %d x %d and %d x %d bytes, heap of 8192 bytes", NUM_SMALL,
		SMALL_BUFFER_SIZE, NUM_LARGE, LARGE_BUFFER_SIZE);
	for (int i = 0; i < NWORKERS; i++) {
		k_thread_create(&workers[i], stacks[i], K_THREAD_STACK_SIZEOF(stacks[i]), worker,
				(void *)(intptr_t)i, NULL, NULL, 5 + i, 0, K_NO_WAIT);
	}
	k_thread_create(&recycler_thread, recycler_stack, K_THREAD_STACK_SIZEOF(recycler_stack),
			recycler, NULL, NULL, NULL, 4, 0, K_NO_WAIT);
	for (int i = 0; i < NWORKERS; i++) {
		k_thread_join(&workers[i], K_FOREVER);
	}
	k_thread_join(&recycler_thread, K_FOREVER);

	struct tally total = {0};

	for (int i = 0; i < NWORKERS; i++) {
		printk("worker %d: %u small, %u large, %u heap buffers, %u requests refused\n", i,
		       tallies[i].small, tallies[i].large, tallies[i].heap, tallies[i].failed);
		total.small += tallies[i].small;
		total.large += tallies[i].large;
		total.heap += tallies[i].heap;
		total.failed += tallies[i].failed;
	}

	struct sys_memory_stats hs;

	k_heap_runtime_stats_get(&big_heap, &hs);
	printk("buffer manager statistics:\n");
	printk("  served     %u small, %u large, %u heap; %u refused (tier full)\n", total.small,
	       total.large, total.heap, total.failed);
	printk("  recycled   %u buffers through the k_fifo, %u with wrong contents\n", recycled,
	       corrupted);
	print_slab("small slab", &small_slab);
	print_slab("large slab", &large_slab);
	printk("  %-12s %zu bytes allocated, %zu free, max allocated %zu\n", "heap",
	       hs.allocated_bytes, hs.free_bytes, hs.max_allocated_bytes);

	bool all_back = k_mem_slab_num_used_get(&small_slab) == 0 &&
			k_mem_slab_num_used_get(&large_slab) == 0 && hs.allocated_bytes == 0 &&
			recycled == total.small + total.large + total.heap && corrupted == 0;

	printk("all buffers returned: %s\n", all_back ? "yes" : "NO");
	return all_back ? 0 : 1;
}
